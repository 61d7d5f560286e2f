//! The declarative model: `pipeline { ... }` read from the syntax tree into sections, stages, agents,
//! `when` conditions and `post` blocks, each with its span. Directive arguments stay expressions (they are
//! evaluated when the stage runs, as Jenkins does); step bodies stay closures of the script.
//!
//! Reading also validates, with the messages of Jenkins' declarative validator where jeeves knows them.

use std::sync::Arc;

use crate::syntax::ast::{self, Arg, Expr, ExprKind, MapKey, MemberName, Script, Span, Stmt, StmtKind};

/// A directive or step as written: `name(named..., positional...) { body }`.
#[derive(Clone, Debug)]
pub struct Call {
    pub name: String,
    pub span: Span,
    pub named: Vec<(String, Expr)>,
    pub positional: Vec<Expr>,
    pub body: Option<Arc<ast::Closure>>,
}

impl Call {
    pub fn arg(&self, name: &str) -> Option<&Expr> {
        self.named.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    /// The named argument `name`, or the first positional one.
    pub fn arg_or_first(&self, name: &str) -> Option<&Expr> {
        self.arg(name).or_else(|| self.positional.first())
    }
}

#[derive(Clone, Debug)]
pub struct Pipeline {
    pub span: Span,
    pub agent: Option<Agent>,
    pub environment: Vec<EnvEntry>,
    pub options: Vec<Call>,
    pub parameters: Vec<ParamDecl>,
    pub triggers: Vec<Call>,
    pub tools: Vec<Call>,
    pub libraries: Vec<Call>,
    pub stages: Vec<Stage>,
    pub post: Vec<PostBlock>,
}

#[derive(Clone, Debug)]
pub struct Agent {
    pub kind: AgentKind,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum AgentKind {
    Any,
    None,
    /// `label 'x'` or `node { label 'x'; customWorkspace 'd' }`.
    Node {
        label: Option<Box<Expr>>,
        custom_workspace: Option<Box<Expr>>,
    },
    /// docker, dockerfile, kubernetes: a later issue.
    Container {
        kind: String,
    },
}

impl Agent {
    pub fn describe(&self) -> String {
        match &self.kind {
            AgentKind::Any => "any".into(),
            AgentKind::None => "none".into(),
            AgentKind::Node { label: Some(l), .. } => {
                format!("label {}", literal(l).unwrap_or_else(|| "<expr>".into()))
            }
            AgentKind::Node { .. } => "any".into(),
            AgentKind::Container { kind } => kind.clone(),
        }
    }
}

#[derive(Clone, Debug)]
pub struct EnvEntry {
    pub name: String,
    pub value: Expr,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct ParamDecl {
    /// string, text, booleanParam, choice, password.
    pub kind: String,
    pub name: String,
    /// The default as text (`true`/`false` for booleans; the first choice for `choice`).
    pub default: String,
    pub choices: Vec<String>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Stage {
    pub name: String,
    pub span: Span,
    pub agent: Option<Agent>,
    pub environment: Vec<EnvEntry>,
    pub tools: Vec<Call>,
    pub options: Vec<Call>,
    pub input: Option<Call>,
    pub when: Option<When>,
    pub post: Vec<PostBlock>,
    pub fail_fast: bool,
    pub body: StageBody,
    /// A matrix cell's axis values: in the environment before its agent and `when` are evaluated.
    pub cell: Vec<(String, String)>,
}

#[derive(Clone, Debug)]
pub enum StageBody {
    Steps(Arc<ast::Closure>),
    Stages(Vec<Stage>),
    Parallel(Vec<Stage>),
    Matrix(Box<Matrix>),
}

#[derive(Clone, Debug)]
pub struct Matrix {
    pub axes: Vec<Axis>,
    pub excludes: Vec<Vec<ExcludeAxis>>,
    pub agent: Option<Agent>,
    pub environment: Vec<EnvEntry>,
    pub tools: Vec<Call>,
    pub options: Vec<Call>,
    pub input: Option<Call>,
    pub when: Option<When>,
    pub post: Vec<PostBlock>,
    pub stages: Vec<Stage>,
}

#[derive(Clone, Debug)]
pub struct Axis {
    pub name: String,
    pub values: Vec<String>,
    /// Values given as variables or expressions (`values osList`), evaluated when the matrix runs.
    pub dynamic: Vec<Expr>,
}

#[derive(Clone, Debug)]
pub struct ExcludeAxis {
    pub name: String,
    pub values: Vec<String>,
    /// `notValues`: the exclusion applies to every other value.
    pub not: bool,
}

impl Matrix {
    /// The combinations that run, first axis varying fastest (as Jenkins expands them), each with the
    /// axes in declared order, excluded ones left out.
    pub fn cells(&self) -> Vec<Vec<(String, String)>> {
        let mut cells: Vec<Vec<(String, String)>> = vec![Vec::new()];
        for axis in &self.axes {
            let mut next = Vec::new();
            for v in &axis.values {
                for cell in &cells {
                    let mut c = cell.clone();
                    c.push((axis.name.clone(), v.clone()));
                    next.push(c);
                }
            }
            cells = next;
        }
        cells.retain(|cell| {
            !self.excludes.iter().any(|ex| {
                ex.iter().all(|e| {
                    let value = cell.iter().find(|(n, _)| *n == e.name).map(|(_, v)| v);
                    match value {
                        Some(v) => e.values.contains(v) != e.not,
                        None => false,
                    }
                })
            })
        });
        cells
    }

    /// A cell's name as Jenkins shows it: `Matrix - OS = 'linux', JDK = '17'`.
    pub fn cell_name(cell: &[(String, String)]) -> String {
        let parts: Vec<String> = cell.iter().map(|(k, v)| format!("{k} = '{v}'")).collect();
        format!("Matrix - {}", parts.join(", "))
    }
}

#[derive(Clone, Debug)]
pub struct When {
    pub conditions: Vec<Cond>,
    pub before_agent: bool,
    pub before_input: bool,
    pub before_options: bool,
    pub span: Span,
}

/// A `when` condition; `not`, `allOf` and `anyOf` hold their nested conditions.
#[derive(Clone, Debug)]
pub struct Cond {
    pub call: Call,
    pub nested: Vec<Cond>,
}

#[derive(Clone, Debug)]
pub struct PostBlock {
    pub condition: String,
    pub body: Arc<ast::Closure>,
    pub span: Span,
}

/// Post conditions in the order Jenkins runs them, whatever order they are written in.
pub const POST_ORDER: [&str; 11] = [
    "always",
    "changed",
    "fixed",
    "regression",
    "aborted",
    "success",
    "unsuccessful",
    "unstable",
    "failure",
    "notBuilt",
    "cleanup",
];

pub const WHEN_CONDITIONS: [&str; 16] = [
    "branch",
    "buildingTag",
    "changelog",
    "changeset",
    "changeRequest",
    "environment",
    "equals",
    "expression",
    "tag",
    "triggeredBy",
    "not",
    "allOf",
    "anyOf",
    "isRestartedRun",
    "archived",
    "stashed",
];

pub const OPTIONS: [&str; 20] = [
    "buildDiscarder",
    "checkoutToSubdirectory",
    "disableConcurrentBuilds",
    "disableResume",
    "durabilityHint",
    "newContainerPerStage",
    "overrideIndexTriggers",
    "parallelsAlwaysFailFast",
    "preserveStashes",
    "quietPeriod",
    "rateLimitBuilds",
    "retry",
    "skipDefaultCheckout",
    "skipStagesAfterUnstable",
    "timeout",
    "timestamps",
    "ansiColor",
    "copyArtifactPermission",
    "disableRestartFromStage",
    "githubProjectProperty",
];

/// Options that are job properties or pipeline-wide: Jenkins refuses them in a stage's `options`.
const JOB_ONLY_OPTIONS: [&str; 14] = [
    "buildDiscarder",
    "copyArtifactPermission",
    "disableConcurrentBuilds",
    "disableRestartFromStage",
    "disableResume",
    "durabilityHint",
    "githubProjectProperty",
    "newContainerPerStage",
    "overrideIndexTriggers",
    "parallelsAlwaysFailFast",
    "preserveStashes",
    "quietPeriod",
    "rateLimitBuilds",
    "skipStagesAfterUnstable",
];

/// The options of a stage, as Jenkins lists them in its message.
const STAGE_OPTIONS: [&str; 5] = ["checkoutToSubdirectory", "retry", "skipDefaultCheckout", "timeout", "timestamps"];

/// Options (job properties and block-step wrappers) that widely used plugins define. Jenkins accepts them
/// where the plugin is installed, so they are never reported; keep this list generous.
pub const PLUGIN_OPTIONS: &[&str] = &[
    "ansiColor",
    "authorizationMatrix",
    "azureKeyVault",
    "bitbucketBuildStatus",
    "buildBlocker",
    "buildName",
    "buildUser",
    "catchError",
    "configFileProvider",
    "datadog",
    "disableRestartFromStage",
    "gitLabConnection",
    "gitlabBuilds",
    "gitlabCommitStatus",
    "githubProjectProperty",
    "jiraProjectProperty",
    "lock",
    "lockableResources",
    "logstash",
    "maskPasswords",
    "nodejs",
    "office365ConnectorWebhooks",
    "pipelineTriggers",
    "prometheus",
    "rebuild",
    "rbenv",
    "rvm",
    "sidebarLinks",
    "slackNotifications",
    "sshagent",
    "tee",
    "throttle",
    "throttleJobProperty",
    "timestamper",
    "wrap",
    "withAnt",
    "withAWS",
    "withChecks",
    "withCredentials",
    "withDockerContainer",
    "withDockerRegistry",
    "withDockerServer",
    "withEnv",
    "withFolderProperties",
    "withGradle",
    "withKubeConfig",
    "withMaven",
    "withNPM",
    "withPythonEnv",
    "withSonarQubeEnv",
    "withVault",
    "xvfb",
    "xvnc",
];

/// Jenkins' own triggers (core, pipeline and the SCM plugins every controller has).
const TRIGGERS: [&str; 4] = ["cron", "githubPush", "pollSCM", "upstream"];

/// Triggers that widely used plugins define; never reported.
pub const PLUGIN_TRIGGERS: &[&str] = &[
    "bitbucketPush",
    "bitbucketpr",
    "dockerHubTrigger",
    "gerrit",
    "GenericTrigger",
    "ghprbTrigger",
    "gitee",
    "gitlab",
    "gitLabPush",
    "githubBranches",
    "githubPullRequests",
    "githubPRs",
    "issueCommentTrigger",
    "jiraTrigger",
    "parameterizedCron",
    "pullRequestReview",
    "URLTrigger",
    "urlTrigger",
];

/// Jenkins' own parameter types.
const PARAMETERS: [&str; 10] =
    ["base64File", "booleanParam", "choice", "credentials", "file", "password", "run", "stashedFile", "string", "text"];

/// Parameter types that widely used plugins (or older Jenkins) define; never reported.
pub const PLUGIN_PARAMETERS: &[&str] = &[
    "activeChoice",
    "activeChoiceHtml",
    "activeChoiceParam",
    "activeChoiceReactiveParam",
    "activeChoiceReactiveReferenceParam",
    "buildSelector",
    "choiceParam",
    "dateParam",
    "editableChoice",
    "extendedChoice",
    "gitParameter",
    "gitParam",
    "hidden",
    "imageTag",
    "label",
    "labelParam",
    "listGitBranches",
    "multiselect",
    "node",
    "nodeParam",
    "persistentBoolean",
    "persistentChoice",
    "persistentString",
    "persistentText",
    "randomString",
    "reactiveChoice",
    "runParam",
    "separator",
    "stringParam",
    "textParam",
    "validatingString",
    "wHideParameterDefinition",
];

/// Jenkins' own tool types (core and the plugins that define the usual installers).
const TOOLS: [&str; 7] = ["ant", "git", "gradle", "jdk", "jgit", "jgitapache", "maven"];

/// Tool types that widely used plugins define; never reported.
const PLUGIN_TOOLS: &[&str] = &[
    "allure",
    "ansible",
    "dockerTool",
    "dotnetsdk",
    "go",
    "golang",
    "groovy",
    "jfrog",
    "msbuild",
    "nodejs",
    "packer",
    "python",
    "sbt",
    "sonarRunner",
    "terraform",
];

/// The configuration options of `agent { docker { } }` (docker-workflow's DockerPipeline).
const DOCKER_AGENT_OPTIONS: [&str; 9] = [
    "image",
    "alwaysPull",
    "args",
    "containerPerStageRoot",
    "customWorkspace",
    "label",
    "registryCredentialsId",
    "registryUrl",
    "reuseNode",
];

/// The configuration options of `agent { dockerfile { } }` (DockerPipelineFromDockerfile).
const DOCKERFILE_AGENT_OPTIONS: [&str; 11] = [
    "additionalBuildArgs",
    "alwaysPull",
    "args",
    "containerPerStageRoot",
    "customWorkspace",
    "dir",
    "filename",
    "label",
    "registryCredentialsId",
    "registryUrl",
    "reuseNode",
];

/// A validation error: where, and Jenkins' message.
#[derive(Clone, Debug)]
pub struct ModelError {
    pub span: Span,
    pub message: String,
    /// The lint rule the error belongs to when its message alone does not say (Jenkins words some errors
    /// alike in different sections); `None` lets the message decide.
    pub rule: Option<&'static str>,
}

/// The top-level `pipeline { }` call of a script, if it has one.
pub fn find_pipeline(script: &Script) -> Option<(Span, Arc<ast::Closure>)> {
    script.statements.iter().find_map(|s| {
        let call = as_call(s)?;
        if call.name == "pipeline" {
            Some((call.span, call.body?))
        } else {
            None
        }
    })
}

/// `pipeline { }` blocks inside other blocks (`timestamps { pipeline { ... } }`), which Jenkins refuses.
fn nested_pipelines(script: &Script) -> Vec<Span> {
    fn nested(stmts: &[Stmt], depth: usize, out: &mut Vec<Span>) {
        for s in stmts {
            let Some(call) = as_call(s) else { continue };
            let Some(body) = call.body else { continue };
            if depth > 0 && call.name == "pipeline" {
                out.push(call.span);
            }
            nested(&body.body, depth + 1, out);
        }
    }
    let mut found = Vec::new();
    nested(&script.statements, 0, &mut found);
    found
}

/// The declarative pipeline of a script, read and validated: None for a scripted pipeline; Jenkins'
/// error for a `pipeline { }` that is not at the top level.
pub fn read(script: &Script, source: &str) -> Option<Result<Pipeline, Vec<ModelError>>> {
    if let Some((span, body)) = find_pipeline(script) {
        return Some(build(span, &body, source));
    }
    let nested = nested_pipelines(script);
    if nested.is_empty() {
        return None;
    }
    let message = "pipeline block must be at the top-level, not within another block.";
    Some(Err(nested
        .into_iter()
        .map(|span| ModelError { span, message: message.into(), rule: Some("JV003") })
        .collect()))
}

/// Reads `pipeline { body }`; every problem found is returned (as Jenkins lists all of them).
pub fn build(span: Span, body: &ast::Closure, source: &str) -> Result<Pipeline, Vec<ModelError>> {
    let mut r = Reader { errors: Vec::new(), source };
    let p = r.pipeline(span, body);
    if r.errors.is_empty() {
        Ok(p)
    } else {
        r.errors.sort_by_key(|e| e.span.start);
        Err(r.errors)
    }
}

/// A statement that is a call of a plain name: `name args`, `name(args) { }`.
pub fn as_call(stmt: &Stmt) -> Option<Call> {
    match &stmt.kind {
        StmtKind::Expr(e) => expr_call(e),
        _ => None,
    }
}

/// A statement that is a plain name (`agent`, `maven`): Groovy reads it as a variable, not a call.
fn is_bare_name(stmt: &Stmt) -> bool {
    matches!(&stmt.kind, StmtKind::Expr(Expr { kind: ExprKind::Var(_), .. }))
}

fn expr_call(e: &Expr) -> Option<Call> {
    match &e.kind {
        ExprKind::MethodCall { object: None, name: MemberName::Name(n), args, .. } => {
            let mut call =
                Call { name: n.clone(), span: e.span, named: Vec::new(), positional: Vec::new(), body: None };
            for a in args {
                match a {
                    Arg::Named(entry) => {
                        if let MapKey::Expr(k) = &entry.key {
                            if let Some(key) = literal(k) {
                                call.named.push((key, entry.value.clone()));
                            }
                        }
                    }
                    Arg::Positional(p) => call.positional.push(p.clone()),
                }
            }
            if let Some(Expr { kind: ExprKind::Closure(c), .. }) = call.positional.last() {
                call.body = Some(c.clone());
                call.positional.pop();
            }
            Some(call)
        }
        // A bare name: `any`, `buildingTag` without parentheses.
        ExprKind::Var(n) => {
            Some(Call { name: n.clone(), span: e.span, named: Vec::new(), positional: Vec::new(), body: None })
        }
        _ => None,
    }
}

/// The text of a literal string, number, boolean or plain name.
pub fn literal(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Str { value, .. } => Some(value.to_string()),
        ExprKind::Bool(b) => Some(b.to_string()),
        ExprKind::Number(n) => Some(n.text.clone()),
        ExprKind::Var(v) => Some(v.clone()),
        ExprKind::Paren(inner) => literal(inner),
        _ => None,
    }
}

fn literal_list(e: &Expr) -> Vec<String> {
    match &e.kind {
        ExprKind::List(items) => items.iter().filter_map(literal).collect(),
        _ => literal(e).into_iter().collect(),
    }
}

struct Reader<'s> {
    errors: Vec<ModelError>,
    source: &'s str,
}

impl Reader<'_> {
    /// A statement's text on one line, as Jenkins quotes it in messages.
    /// The calls of a block of sections: a statement that is not a call is reported (`Not a valid
    /// {what} definition`) and left out, a section given twice is reported (both are kept), all at `at`.
    fn section_calls_once(&mut self, stmts: &[Stmt], at: Span, what: &str, rule: Option<&'static str>) -> Vec<Call> {
        let mut out: Vec<Call> = Vec::new();
        for s in stmts {
            let call = if is_bare_name(s) { None } else { as_call(s) };
            let Some(c) = call else {
                let text = self.text(s.span);
                self.err(
                    at,
                    format!("Not a valid {what} definition: \"{text}\". Some extra configuration is required."),
                );
                continue;
            };
            if out.iter().any(|o| o.name == c.name) {
                let message = format!("Multiple occurrences of the {} section", c.name);
                match rule {
                    Some(r) => self.err_in(r, at, message),
                    None => self.err(at, message),
                }
            }
            out.push(c);
        }
        out
    }

    fn text(&self, span: Span) -> String {
        let t = self.source.get(span.start as usize..span.end as usize).unwrap_or("");
        t.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn err(&mut self, span: Span, message: impl Into<String>) {
        self.errors.push(ModelError { span, message: message.into(), rule: None });
    }

    /// An error filed under `rule` whatever its message.
    fn err_in(&mut self, rule: &'static str, span: Span, message: impl Into<String>) {
        self.errors.push(ModelError { span, message: message.into(), rule: Some(rule) });
    }

    /// The calls of a section's body; anything else is an error.
    fn calls(&mut self, body: &ast::Closure, what: &str) -> Vec<Call> {
        let mut out = Vec::new();
        for s in &body.body {
            match as_call(s) {
                Some(c) => out.push(c),
                None => self.err(s.span, format!("Expected a {what}")),
            }
        }
        out
    }

    fn pipeline(&mut self, span: Span, body: &ast::Closure) -> Pipeline {
        let mut p = Pipeline {
            span,
            agent: None,
            environment: Vec::new(),
            options: Vec::new(),
            parameters: Vec::new(),
            triggers: Vec::new(),
            tools: Vec::new(),
            libraries: Vec::new(),
            stages: Vec::new(),
            post: Vec::new(),
        };
        let mut seen: Vec<String> = Vec::new();
        let mut has_stages = false;
        let mut has_agent = false;
        for s in &body.body {
            let Some(c) = as_call(s) else {
                let text = self.text(s.span);
                self.err(
                    s.span,
                    format!("Not a valid section definition: \"{text}\". Some extra configuration is required."),
                );
                continue;
            };
            if is_bare_name(s) {
                // `agent` alone is a variable to Groovy, not a section call.
                self.err(
                    s.span,
                    format!("Not a valid section definition: \"{}\". Some extra configuration is required.", c.name),
                );
                continue;
            }
            if seen.contains(&c.name) {
                self.err(c.span, format!("Multiple occurrences of the {} section", c.name));
                continue;
            }
            seen.push(c.name.clone());
            match c.name.as_str() {
                "agent" => {
                    has_agent = true;
                    p.agent = self.agent(&c);
                }
                "stages" => {
                    has_stages = true;
                    p.stages = self.stages(&c, 0);
                }
                "environment" => p.environment = self.environment(&c),
                "options" => p.options = self.options(&c, false),
                "parameters" => p.parameters = self.parameters(&c),
                "triggers" => p.triggers = self.triggers(&c),
                "tools" => p.tools = self.tools(&c),
                "libraries" => {
                    p.libraries = self.section_calls(&c, "library");
                    if p.libraries.is_empty() && c.body.is_some() {
                        self.err(c.span, "libraries can not be empty");
                    }
                }
                "post" => p.post = self.post(&c),
                "properties" | "jobProperties" | "notifications" | "wrappers" | "postBuild" => {
                    self.err(c.span, format!("Undefined section \"{}\"", c.name))
                }
                other => self.err(c.span, format!("Undefined section \"{other}\"")),
            }
        }
        // An agent section that is there but invalid has its own error: Jenkins does not call it missing.
        if !has_agent {
            self.err(span, "Missing required section \"agent\"");
        }
        if !has_stages {
            self.err(span, "Missing required section \"stages\"");
        }
        if let Some(Agent { kind: AgentKind::None, .. }) = &p.agent {
            // With `agent none`, tools have nowhere to be installed; Jenkins only installs them per stage.
        }
        p
    }

    fn section_calls(&mut self, c: &Call, what: &str) -> Vec<Call> {
        match &c.body {
            Some(b) => self.calls(b, what),
            None => {
                self.err(c.span, format!("Expected a block for {}", c.name));
                Vec::new()
            }
        }
    }

    fn agent(&mut self, c: &Call) -> Option<Agent> {
        let span = c.span;
        if let Some(body) = &c.body {
            if body.body.len() > 1 {
                self.err(span, "Only one agent type is allowed per agent section");
                return None;
            }
            let inner = self.calls(body, "agent type");
            let Some(first) = inner.first() else {
                self.err(
                    span,
                    "No agent type specified. Must be one of [any, docker, dockerfile, kubernetes, label, none, node]",
                );
                return None;
            };
            return match first.name.as_str() {
                "label" => Some(Agent {
                    kind: AgentKind::Node {
                        label: first.positional.first().cloned().map(Box::new),
                        custom_workspace: None,
                    },
                    span,
                }),
                "node" => {
                    let mut label = first.arg("label").cloned().map(Box::new);
                    let mut ws = first.arg("customWorkspace").cloned().map(Box::new);
                    if let Some(b) = &first.body {
                        for d in self.calls(b, "node option") {
                            match d.name.as_str() {
                                "label" => label = d.positional.first().cloned().map(Box::new),
                                "customWorkspace" => ws = d.positional.first().cloned().map(Box::new),
                                "reuseNode" | "retries" => {}
                                other => self.err(d.span, format!("Invalid config option \"{other}\" for agent type \"node\". Valid config options are [label, customWorkspace, retries]")),
                            }
                        }
                    }
                    Some(Agent { kind: AgentKind::Node { label, custom_workspace: ws }, span })
                }
                "docker" | "dockerfile" => {
                    self.container_options(first);
                    Some(Agent { kind: AgentKind::Container { kind: first.name.clone() }, span })
                }
                "kubernetes" | "dockerContainer" => {
                    Some(Agent { kind: AgentKind::Container { kind: first.name.clone() }, span })
                }
                "any" => Some(Agent { kind: AgentKind::Any, span }),
                "none" => Some(Agent { kind: AgentKind::None, span }),
                other => {
                    self.err(first.span, format!("Invalid agent type \"{other}\" specified. Must be one of [any, docker, dockerfile, kubernetes, label, none, node]"));
                    None
                }
            };
        }
        if let Some(l) = c.arg("label") {
            return Some(Agent {
                kind: AgentKind::Node { label: Some(Box::new(l.clone())), custom_workspace: None },
                span,
            });
        }
        match c.positional.first().and_then(literal).as_deref() {
            Some("any") => Some(Agent { kind: AgentKind::Any, span }),
            Some("none") => Some(Agent { kind: AgentKind::None, span }),
            Some(_) => {
                self.err_in("JV006", span, "Only \"agent none\", \"agent any\" or \"agent {...}\" are allowed.");
                None
            }
            None => {
                self.err(span, "Not a valid section definition: \"agent\". Some extra configuration is required.");
                None
            }
        }
    }

    /// The configuration of a `docker` or `dockerfile` agent: Jenkins knows its options and wants an image.
    fn container_options(&mut self, a: &Call) {
        let valid: &[&str] = if a.name == "docker" { &DOCKER_AGENT_OPTIONS } else { &DOCKERFILE_AGENT_OPTIONS };
        let Some(b) = &a.body else {
            // `docker 'image'` or `dockerfile true`: the one argument is the image (or the default Dockerfile).
            if a.name == "docker" && a.positional.is_empty() && a.arg("image").is_none() {
                self.err(a.span, "Missing required parameter for agent type \"docker\": image");
            }
            return;
        };
        let mut has_image = false;
        for s in &b.body {
            let Some(d) = as_call(s) else { continue };
            if d.name == "image" {
                has_image = true;
            }
            if !valid.contains(&d.name.as_str()) {
                self.err(
                    d.span,
                    format!(
                        "Invalid config option \"{}\" for agent type \"{}\". Valid config options are [{}]",
                        d.name,
                        a.name,
                        valid.join(", ")
                    ),
                );
            }
        }
        if a.name == "docker" && !has_image {
            self.err(a.span, "Missing required parameter for agent type \"docker\": image");
        }
    }

    fn environment(&mut self, c: &Call) -> Vec<EnvEntry> {
        let Some(body) = &c.body else {
            self.err(c.span, "Expected a block for environment");
            return Vec::new();
        };
        let mut out: Vec<EnvEntry> = Vec::new();
        let mut not_pairs = false;
        for s in &body.body {
            let assign = match &s.kind {
                StmtKind::Expr(Expr {
                    kind: ExprKind::Assign { op: ast::AssignOp::Assign, target, value }, ..
                }) => match &target.kind {
                    ExprKind::Var(name) => Some((name.clone(), target.span, (**value).clone())),
                    _ => None,
                },
                // `def IMAGE = 'x'` or `String DIR = './'`: the plugin's parser takes any assignment, and
                // the variable's name is the key.
                StmtKind::VarDecl(d) if d.declarators.len() == 1 => {
                    let decl = &d.declarators[0];
                    decl.init.as_ref().map(|v| (decl.name.name.clone(), decl.name.span, v.clone()))
                }
                _ => None,
            };
            let Some((name, key_span, value)) = assign else {
                // Jenkins quotes the statement: with an `=` in it, the part before is a bad name.
                let text = self.text(s.span);
                match text.split_once('=') {
                    Some((key, _)) => self.err_in("JV007", s.span, invalid_identifier(key.trim())),
                    None => self.err(
                        s.span,
                        format!("\"{text}\" is not a valid environment expression. Use \"key = value\" pairs with valid Java/shell keys."),
                    ),
                }
                not_pairs = true;
                continue;
            };
            if out.iter().any(|e| e.name == name) {
                self.err(key_span, format!("Duplicate environment variable name: \"{name}\""));
                continue;
            }
            if !self.env_value(&value) {
                continue;
            }
            if !valid_env_name(&name) {
                self.err_in("JV007", key_span, invalid_identifier(&name));
            }
            out.push(EnvEntry { name, value, span: s.span });
        }
        if not_pairs {
            self.err(c.span, "Expected name=value pairs");
        }
        if body.body.is_empty() {
            self.err(c.span, "No variables specified for environment");
        }
        out
    }

    /// Whether an environment value has a form Jenkins takes: a string, a constant, a call, or strings
    /// joined with `+`. Anything else is reported.
    fn env_value(&mut self, value: &Expr) -> bool {
        match &unparen(value).kind {
            ExprKind::Str { .. }
            | ExprKind::GString { .. }
            | ExprKind::Number(_)
            | ExprKind::Bool(_)
            | ExprKind::Null
            | ExprKind::MethodCall { .. } => true,
            ExprKind::Binary { op: ast::BinaryOp::Add, .. } => self.env_concat(value),
            ExprKind::Binary { .. } => {
                self.err(
                    value.span,
                    "Environment variable values can only be joined together with \u{2018}+\u{2019}s.",
                );
                false
            }
            _ => {
                self.err(
                    value.span,
                    "Environment variable values must either be single quoted, double quoted, or function calls.",
                );
                false
            }
        }
    }

    /// `a + b + c` in an environment value: only strings and constants may be joined.
    fn env_concat(&mut self, e: &Expr) -> bool {
        let ExprKind::Binary { lhs, rhs, .. } = &unparen(e).kind else { return true };
        let mut ok = true;
        match &unparen(lhs).kind {
            ExprKind::Binary { op: ast::BinaryOp::Add, .. } => {
                if !self.env_concat(lhs) {
                    return false;
                }
            }
            ExprKind::Binary { .. } => {
                self.err(lhs.span, "Environment variable values can only be joined together with \u{2018}+\u{2019}s.");
                return false;
            }
            _ => ok &= self.env_operand(lhs),
        }
        ok &= self.env_operand(rhs);
        ok
    }

    fn env_operand(&mut self, e: &Expr) -> bool {
        match &unparen(e).kind {
            ExprKind::Str { .. }
            | ExprKind::GString { .. }
            | ExprKind::Number(_)
            | ExprKind::Bool(_)
            | ExprKind::Null => true,
            _ => {
                self.err(
                    e.span,
                    "Environment variable values to be concatenated together must be single or double quoted.",
                );
                false
            }
        }
    }

    /// The entries of `options`, `triggers` or `parameters`: calls without blocks, checked as Jenkins'
    /// ModelParser and validator check them (`section` is how Jenkins names them in messages).
    fn directive_calls(&mut self, c: &Call, section: &str, expected: &str) -> Vec<Call> {
        let Some(body) = &c.body else {
            self.err(c.span, format!("Expected a block for {}", c.name));
            return Vec::new();
        };
        let mut out = Vec::new();
        for s in &body.body {
            let call = if is_bare_name(s) { None } else { as_call(s) };
            let Some(d) = call else {
                let is_map = matches!(&s.kind, StmtKind::Expr(Expr { kind: ExprKind::Map(_), .. }))
                    || matches!(&s.kind, StmtKind::Expr(Expr { kind: ExprKind::List(items), .. })
                        if items.len() == 1 && matches!(items[0].kind, ExprKind::Map(_)));
                if is_map {
                    self.err_in("JV009", s.span, format!("{section} cannot be defined as maps"));
                } else {
                    self.err_in("JV009", s.span, expected.to_string());
                }
                continue;
            };
            if d.body.is_some() {
                self.err_in("JV009", d.span, format!("{section} definitions cannot have blocks"));
                continue;
            }
            self.method_args(&d);
            if !d.named.is_empty() && !d.positional.is_empty() {
                self.err_in("JV009", d.span, "Cannot mix named and unnamed arguments");
            }
            out.push(d);
        }
        out
    }

    /// The arguments of a directive call: no closures, no blocked steps, in nested calls too.
    fn method_args(&mut self, d: &Call) {
        let values: Vec<Expr> = d.named.iter().map(|(_, v)| v.clone()).chain(d.positional.iter().cloned()).collect();
        for v in &values {
            match &v.kind {
                ExprKind::Closure(_) => self.err_in("JV009", d.span, "Method call arguments"),
                ExprKind::MethodCall { object: None, .. } => {
                    if let Some(inner) = expr_call(v) {
                        if inner.name == "properties" {
                            self.err(inner.span, "Invalid step \"properties\" used - not allowed in this context - The properties step cannot be used in Declarative Pipelines");
                        }
                        if inner.body.is_some() {
                            self.err_in("JV009", inner.span, "Method call arguments");
                        }
                        self.method_args(&inner);
                    }
                }
                _ => {}
            }
        }
    }

    /// `Duplicate option name: "x"` (or trigger), once per name given more than once, at `at`.
    fn duplicates(&mut self, calls: &[Call], at: Span, what: &str) {
        let mut seen: Vec<&str> = Vec::new();
        for c in calls {
            if seen.iter().filter(|n| **n == c.name).count() == 1 {
                self.err(at, format!("Duplicate {what} name: \"{}\"", c.name));
            }
            seen.push(&c.name);
        }
    }

    fn options(&mut self, c: &Call, in_stage: bool) -> Vec<Call> {
        let opts = self.directive_calls(c, "Options", "Expected an option");
        if opts.is_empty() && c.body.as_ref().is_some_and(|b| b.body.is_empty()) {
            self.err(c.span, "options can not be empty");
        }
        self.duplicates(&opts, c.span, "option");
        for o in &opts {
            let n = o.name.as_str();
            // Options jeeves does not know may come from plugins (gitLabConnection, office365ConnectorWebhooks,
            // ...): Jenkins accepts them where the plugin is installed, so only names nobody defines are errors.
            let known = if in_stage {
                !JOB_ONLY_OPTIONS.contains(&n)
            } else {
                OPTIONS.contains(&n) || JOB_ONLY_OPTIONS.contains(&n) || PLUGIN_OPTIONS.contains(&n) || is_block_step(n)
            };
            if !known {
                let valid = if in_stage { &STAGE_OPTIONS[..] } else { &OPTIONS[..16] };
                self.err_in(
                    "JV009",
                    o.span,
                    format!("Invalid option type \"{n}\". Valid option types: [{}]", valid.join(", ")),
                );
                continue;
            }
            self.option_params(o);
        }
        opts
    }

    /// The named arguments of the core options Jenkins describes: a misspelt one is an error.
    fn option_params(&mut self, o: &Call) {
        let params: &[&str] = match o.name.as_str() {
            "timeout" => &["time", "activity", "unit"],
            "retry" => &["count", "conditions"],
            "quietPeriod" => &["quietPeriod"],
            "checkoutToSubdirectory" => &["subdirectory"],
            "buildDiscarder" => &["strategy"],
            "rateLimitBuilds" => &["throttle"],
            _ => return,
        };
        for (k, _) in &o.named {
            if !params.contains(&k.as_str()) {
                let nearest = nearest(k, params);
                self.err_in("JV009", o.span, format!("Invalid parameter \"{k}\", did you mean \"{nearest}\"?"));
            }
        }
    }

    fn triggers(&mut self, c: &Call) -> Vec<Call> {
        let trigs = self.directive_calls(c, "Triggers", "Expected a trigger");
        if c.body.as_ref().is_some_and(|b| b.body.is_empty()) {
            self.err(c.span, "triggers can not be empty");
        }
        self.duplicates(&trigs, c.span, "trigger");
        for t in &trigs {
            let n = t.name.as_str();
            if !TRIGGERS.contains(&n) && !PLUGIN_TRIGGERS.contains(&n) {
                self.err_in(
                    "JV009",
                    t.span,
                    format!("Invalid trigger type \"{n}\". Valid trigger types: [{}]", TRIGGERS.join(", ")),
                );
            } else if matches!(n, "cron" | "pollSCM") && t.named.is_empty() && t.positional.is_empty() {
                self.err_in("JV009", t.span, format!("\"{n}\" should have 1 arguments but has 0 arguments instead."));
            }
        }
        trigs
    }

    fn tools(&mut self, c: &Call) -> Vec<Call> {
        let Some(body) = &c.body else {
            self.err(c.span, "Expected a block for tools");
            return Vec::new();
        };
        let mut out = Vec::new();
        for s in &body.body {
            let call = if is_bare_name(s) { None } else { as_call(s) };
            let Some(t) = call else {
                self.err_in("JV009", c.span, "Expected to find \u{2018}someTool \"someVersion\"\u{2019}");
                continue;
            };
            let args = t.named.len() + t.positional.len() + usize::from(t.body.is_some());
            if args == 0 {
                self.err_in("JV009", t.span, format!("No argument for tool \"{}\"", t.name));
                continue;
            }
            if args > 1 {
                self.err_in("JV009", t.span, format!("Too many arguments for tool \"{}\"", t.name));
                continue;
            }
            if !TOOLS.contains(&t.name.as_str()) && !PLUGIN_TOOLS.contains(&t.name.as_str()) {
                self.err_in(
                    "JV009",
                    t.span,
                    format!("Invalid tool type \"{}\". Valid tool types: [{}]", t.name, TOOLS.join(", ")),
                );
                continue;
            }
            out.push(t);
        }
        if body.body.is_empty() {
            self.err(c.span, "No tools specified");
        }
        out
    }

    fn parameters(&mut self, c: &Call) -> Vec<ParamDecl> {
        let mut out = Vec::new();
        let decls = self.directive_calls(c, "Build parameters", "Expected a build parameter definition");
        if c.body.as_ref().is_some_and(|b| b.body.is_empty()) {
            self.err(c.span, "parameters can not be empty");
        }
        for p in decls {
            if !PARAMETERS.contains(&p.name.as_str()) && !PLUGIN_PARAMETERS.contains(&p.name.as_str()) {
                self.err_in(
                    "JV009",
                    p.span,
                    format!(
                        "Invalid parameter type \"{}\". Valid parameter types: [{}]",
                        p.name,
                        PARAMETERS.join(", ")
                    ),
                );
                continue;
            }
            if !p.named.is_empty() && !p.positional.is_empty() {
                continue;
            }
            // Parameter types from plugins (gitParameter, extendedChoice, ...) are taken by their name and
            // default value, as Jenkins takes them where the plugin is installed.
            let Some(name) = p.arg("name").and_then(literal) else {
                self.err(p.span, format!("Missing required parameter: \"name\" for {}", p.name));
                continue;
            };
            let choices = p.arg("choices").map(|e| match &e.kind {
                ExprKind::List(_) => literal_list(e),
                _ => literal(e).map(|s| s.lines().map(str::to_string).collect()).unwrap_or_default(),
            });
            let default = match p.name.as_str() {
                "choice" => choices.as_ref().and_then(|c| c.first().cloned()).unwrap_or_default(),
                "booleanParam" => p.arg("defaultValue").and_then(literal).unwrap_or_else(|| "false".into()),
                _ => p.arg("defaultValue").and_then(literal).unwrap_or_default(),
            };
            out.push(ParamDecl {
                kind: p.name.clone(),
                name,
                default,
                choices: choices.unwrap_or_default(),
                span: p.span,
            });
        }
        out
    }

    fn post(&mut self, c: &Call) -> Vec<PostBlock> {
        let Some(body) = &c.body else {
            self.err(c.span, "Expected a block");
            return Vec::new();
        };
        let mut out: Vec<PostBlock> = Vec::new();
        let mut names: Vec<String> = Vec::new();
        for s in &body.body {
            let call = if is_bare_name(s) { None } else { as_call(s) };
            let Some(b) = call.filter(|b| b.body.is_some()) else {
                self.err(s.span, format!("The \u{2018}post\u{2019} section can only contain build condition names with code blocks. Valid condition names are [{}]", POST_ORDER.join(", ")));
                continue;
            };
            names.push(b.name.clone());
            if !POST_ORDER.contains(&b.name.as_str()) {
                self.err(
                    b.span,
                    format!("Invalid condition \"{}\" - valid conditions are [{}]", b.name, POST_ORDER.join(", ")),
                );
                continue;
            }
            if let Some(body) = b.body {
                self.check_steps(&body);
                out.push(PostBlock { condition: b.name.clone(), body, span: b.span });
            }
        }
        if names.is_empty() {
            self.err(c.span, "post can not be empty");
        }
        let mut reported: Vec<&String> = Vec::new();
        for n in &names {
            if names.iter().filter(|m| *m == n).count() > 1 && !reported.contains(&n) {
                reported.push(n);
                self.err(c.span, format!("Duplicate build condition name: \"{n}\""));
            }
        }
        out
    }

    fn stages(&mut self, c: &Call, depth: usize) -> Vec<Stage> {
        let Some(body) = &c.body else {
            self.err(c.span, "Expected a block for stages");
            return Vec::new();
        };
        let mut out: Vec<Stage> = Vec::new();
        // Stages Jenkins reads (a `stage` with a name and a block), even when they have errors of their own.
        let mut names: Vec<String> = Vec::new();
        for s in &body.body {
            match as_call(s) {
                Some(st) if st.name == "stage" && st.body.is_some() => {
                    if let Some(n) = stage_name(&st) {
                        names.push(n);
                    }
                    if let Some(stage) = self.stage(&st, depth) {
                        out.push(stage);
                    }
                }
                Some(st) if st.name == "stage" => {
                    self.stage(&st, depth);
                }
                _ => self.err(s.span, "Expected a stage"),
            }
        }
        if names.is_empty() && out.is_empty() {
            self.err(c.span, "No stages specified");
        }
        self.duplicate_stage_names(c.span, &names);
        out
    }

    /// `Duplicate stage name` once per repeated name, at the `stages` (or `parallel`) holding them.
    fn duplicate_stage_names(&mut self, at: Span, names: &[String]) {
        let mut reported: Vec<&String> = Vec::new();
        for n in names {
            if names.iter().filter(|m| *m == n).count() > 1 && !reported.contains(&n) {
                reported.push(n);
                self.err(at, format!("Duplicate stage name: \"{n}\""));
            }
        }
    }

    fn stage(&mut self, c: &Call, depth: usize) -> Option<Stage> {
        let Some(name) = stage_name(c) else {
            self.err(c.span, "Expected a stage name but didn't find any");
            return None;
        };
        let Some(body) = &c.body else {
            self.err(
                c.span,
                format!("Expected one of \"steps\", \"stages\", \"parallel\", or \"matrix\" for stage \"{name}\""),
            );
            return None;
        };
        let mut st = Stage {
            name: name.clone(),
            span: c.span,
            agent: None,
            environment: Vec::new(),
            tools: Vec::new(),
            options: Vec::new(),
            input: None,
            when: None,
            post: Vec::new(),
            fail_fast: false,
            body: StageBody::Stages(Vec::new()),
            cell: Vec::new(),
        };
        let mut kinds = Vec::new();
        let mut tools_span = None;
        for d in self.section_calls_once(&body.body, c.span, "stage section", Some("JV003")) {
            match d.name.as_str() {
                "steps" => {
                    match &d.body {
                        // `steps { parallel() }`: a parallel without branches leaves the stage nothing to run.
                        Some(b) if is_empty_parallel(b) => {}
                        Some(b) => {
                            if !kinds.contains(&"steps") {
                                kinds.push("steps");
                            }
                            if b.body.is_empty() {
                                self.err(d.span, "No steps specified for branch");
                            }
                            self.check_steps(b);
                            st.body = StageBody::Steps(b.clone());
                        }
                        None => self.err(d.span, "Expected a block for steps"),
                    }
                }
                "stages" => {
                    kinds.push("stages");
                    st.body = StageBody::Stages(self.stages(&d, depth + 1));
                }
                "parallel" => {
                    kinds.push("parallel");
                    if depth > 0 {
                        self.err(d.span, "Parallel stages or branches can only be included in a top-level stage.");
                    }
                    let mut branches: Vec<Stage> = Vec::new();
                    let mut names: Vec<String> = Vec::new();
                    if let Some(b) = &d.body {
                        for s in &b.body {
                            match as_call(s) {
                                Some(bs) if bs.name == "stage" => {
                                    if let Some(n) = stage_name(&bs).filter(|_| bs.body.is_some()) {
                                        names.push(n);
                                    }
                                    if let Some(stage) = self.stage(&bs, depth + 1) {
                                        branches.push(stage);
                                    }
                                }
                                _ => self.err(s.span, "Expected a stage"),
                            }
                        }
                    }
                    if branches.is_empty() && names.is_empty() {
                        self.err(d.span, "No stages specified");
                    }
                    // Jenkins validates parallel stages as a `stages`: duplicates are reported at `parallel`.
                    self.duplicate_stage_names(d.span, &names);
                    st.body = StageBody::Parallel(branches);
                }
                "matrix" => {
                    kinds.push("matrix");
                    if depth > 0 {
                        self.err(d.span, "Parallel stages or branches can only be included in a top-level stage.");
                    }
                    if let Some(m) = self.matrix(&d, depth) {
                        st.body = StageBody::Matrix(Box::new(m));
                    }
                }
                "agent" => st.agent = self.agent(&d),
                "environment" => st.environment = self.environment(&d),
                "tools" => {
                    tools_span = Some(d.span);
                    st.tools = self.tools(&d);
                }
                "options" => st.options = self.options(&d, true),
                "input" => st.input = self.input(&d),
                "when" => st.when = self.when(&d),
                "post" => st.post = self.post(&d),
                "failFast" => st.fail_fast = d.positional.first().and_then(literal).as_deref() == Some("true"),
                other => {
                    self.err(c.span, format!("Unknown stage section \"{other}\". Starting with version 0.5, steps in a stage must be in a \u{2018}steps\u{2019} block."));
                }
            }
        }
        if kinds.is_empty() {
            self.err(
                c.span,
                format!("Expected one of \"steps\", \"stages\", \"parallel\", or \"matrix\" for stage \"{name}\""),
            );
            return None;
        }
        if kinds.len() > 1 {
            self.err(
                c.span,
                format!("Only one of \"matrix\", \"parallel\", \"stages\", or \"steps\" allowed for stage \"{name}\""),
            );
        } else if matches!(st.body, StageBody::Parallel(_) | StageBody::Matrix(_)) {
            if let Some(a) = &st.agent {
                self.err(
                    a.span,
                    format!("\"agent\" is not allowed in stage \"{name}\" as it contains parallel stages"),
                );
            }
            if let Some(t) = tools_span {
                self.err(t, format!("\"tools\" is not allowed in stage \"{name}\" as it contains parallel stages"));
            }
        }
        Some(st)
    }

    /// A stage's `input { }`: its fields once each, and a message.
    fn input(&mut self, d: &Call) -> Option<Call> {
        let Some(b) = &d.body else {
            self.err(d.span, "Expected a block for input");
            return Some(d.clone());
        };
        let mut has_message = false;
        for f in self.section_calls_once(&b.body, d.span, "section", None) {
            let args = f.named.len() + f.positional.len() + usize::from(f.body.is_some());
            if args == 0 {
                self.err(f.span, format!("No argument for field \"{}\"", f.name));
                continue;
            }
            if args > 1 {
                self.err(f.span, format!("Too many arguments for field \"{}\"", f.name));
                continue;
            }
            match f.name.as_str() {
                "message" => has_message = true,
                "id" | "ok" | "submitter" | "submitterParameter" | "parameters" => {}
                other => self.err(f.span, format!("Not a valid field for input: \"{other}\"")),
            }
        }
        if !has_message {
            self.err_in("JV002", d.span, "No message specified for input");
        }
        Some(d.clone())
    }

    /// What Jenkins refuses inside declarative `steps` (outside `script { }`): anything but step calls,
    /// and the steps that only scripted pipelines may use.
    fn check_steps(&mut self, body: &ast::Closure) {
        for s in &body.body {
            if let StmtKind::Expr(Expr { kind: ExprKind::MethodCall { object: Some(_), .. }, .. }) = &s.kind {
                self.err(s.span, "Method calls on objects not allowed outside \"script\" blocks.");
                continue;
            }
            if as_call(s).is_none() {
                self.err(s.span, "Expected a step");
                continue;
            }
            // Jenkins blocks stage and properties in steps, and parallel unless it is the only step (then it is
            // the stage's branches). `node { }` is allowed.
            if let Some(c) = as_call(s) {
                match c.name.as_str() {
                    "stage" | "properties" => self.err(
                        c.span,
                        format!("Invalid step \"{}\" used - not allowed in this context - The {} step cannot be used in Declarative Pipelines", c.name, c.name),
                    ),
                    "parallel" if body.body.len() > 1 && !is_bare_name(s) => self.err(
                        c.span,
                        "Invalid step \"parallel\" used - not allowed in this context - The parallel step can only be used as the only top-level step in a stage's step block",
                    ),
                    _ => {}
                }
            }
        }
    }

    fn matrix(&mut self, c: &Call, depth: usize) -> Option<Matrix> {
        let body = c.body.as_ref()?;
        let mut m = Matrix {
            axes: Vec::new(),
            excludes: Vec::new(),
            agent: None,
            environment: Vec::new(),
            tools: Vec::new(),
            options: Vec::new(),
            input: None,
            when: None,
            post: Vec::new(),
            stages: Vec::new(),
        };
        let mut has_axes = false;
        let mut has_stages = false;
        for d in self.calls(body, "matrix section") {
            match d.name.as_str() {
                "axes" => {
                    has_axes = true;
                    let entries = self.section_calls(&d, "axis");
                    // Each axis' name with where it is written: a repeated name is reported at the first.
                    let mut names: Vec<(String, Span)> = Vec::new();
                    for a in &entries {
                        if let Some((axis, name_span)) = self.axis(a) {
                            names.push((axis.name.clone(), name_span));
                            m.axes.push(axis);
                        }
                    }
                    let mut reported: Vec<&String> = Vec::new();
                    for (n, at) in &names {
                        if names.iter().filter(|(m, _)| m == n).count() > 1 && !reported.contains(&n) {
                            reported.push(n);
                            self.err(*at, format!("Duplicate axis name: \"{n}\""));
                        }
                    }
                    if entries.is_empty() {
                        self.err(d.span, "Matrix must have at least one axis");
                    }
                }
                "excludes" => {
                    let excludes = self.section_calls(&d, "exclude");
                    if excludes.is_empty() && d.body.is_some() {
                        self.err_in("JV011", d.span, "Matrix excludes can not be empty");
                    }
                    for ex in excludes {
                        let mut entries = Vec::new();
                        let axes = self.section_calls(&ex, "axis");
                        if axes.is_empty() && ex.body.is_some() {
                            self.err(ex.span, "Matrix must have at least one axis");
                        }
                        for a in axes {
                            let Some(b) = &a.body else { continue };
                            let mut name = None;
                            let mut values = Vec::new();
                            let mut not = false;
                            for f in self.calls(b, "axis field") {
                                match f.name.as_str() {
                                    "name" => name = f.positional.first().and_then(literal),
                                    "values" => values = f.positional.iter().filter_map(literal).collect(),
                                    "notValues" => {
                                        not = true;
                                        values = f.positional.iter().filter_map(literal).collect();
                                    }
                                    other => self.err(f.span, format!("Invalid axis field \"{other}\"")),
                                }
                            }
                            if let Some(name) = name {
                                entries.push(ExcludeAxis { name, values, not });
                            }
                        }
                        m.excludes.push(entries);
                    }
                }
                "stages" => {
                    has_stages = true;
                    m.stages = self.stages(&d, depth + 1);
                }
                "agent" => m.agent = self.agent(&d),
                "environment" => m.environment = self.environment(&d),
                "tools" => m.tools = self.tools(&d),
                "options" => m.options = self.options(&d, true),
                "input" => m.input = self.input(&d),
                "when" => m.when = self.when(&d),
                "post" => m.post = self.post(&d),
                other => self.err(d.span, format!("Unknown matrix section \"{other}\"")),
            }
        }
        if !has_axes {
            self.err_in("JV011", c.span, "Missing required section \"axes\"");
        }
        if !has_stages {
            self.err_in("JV011", c.span, "Missing required section \"stages\"");
        }
        Some(m)
    }

    /// An axis and where its name is written.
    fn axis(&mut self, a: &Call) -> Option<(Axis, Span)> {
        let b = a.body.as_ref()?;
        let mut name = None;
        let mut values: Vec<(String, Span)> = Vec::new();
        let mut dynamic = Vec::new();
        for f in self.calls(b, "axis field") {
            match f.name.as_str() {
                "name" => name = f.positional.first().and_then(literal).map(|n| (n, f.span)),
                "values" => {
                    for v in &f.positional {
                        match (&v.kind, literal(v)) {
                            (ExprKind::Var(_), _) | (_, None) => dynamic.push(v.clone()),
                            (_, Some(text)) => values.push((text, v.span)),
                        }
                    }
                }
                other => self.err(f.span, format!("Invalid axis field \"{other}\"")),
            }
        }
        let Some((name, name_span)) = name else {
            self.err_in("JV011", a.span, "Missing required section \"name\"");
            return None;
        };
        if values.is_empty() && dynamic.is_empty() {
            self.err_in("JV011", a.span, "Missing required section \"values\"");
        }
        // A repeated value is reported once, at its first occurrence.
        let mut reported: Vec<&String> = Vec::new();
        for (v, at) in &values {
            if values.iter().filter(|(w, _)| w == v).count() > 1 && !reported.contains(&v) {
                reported.push(v);
                self.err(*at, format!("Duplicate value for axis \"{name}\": \"{v}\""));
            }
        }
        let values = values.into_iter().map(|(v, _)| v).collect();
        Some((Axis { name, values, dynamic }, name_span))
    }

    fn when(&mut self, c: &Call) -> Option<When> {
        let body = c.body.as_ref()?;
        let mut w = When {
            conditions: Vec::new(),
            before_agent: false,
            before_input: false,
            before_options: false,
            span: c.span,
        };
        let mut conds = Vec::new();
        for s in &body.body {
            match as_call(s) {
                Some(d) => conds.push(d),
                None => self.err(c.span, "Expected a when condition"),
            }
        }
        for d in conds {
            let flag = || d.positional.first().and_then(literal).as_deref() == Some("true");
            match d.name.as_str() {
                "beforeAgent" => w.before_agent = flag(),
                "beforeInput" => w.before_input = flag(),
                "beforeOptions" => w.before_options = flag(),
                _ => {
                    if let Some(cond) = self.cond(&d) {
                        w.conditions.push(cond);
                    }
                }
            }
        }
        if w.conditions.is_empty() && body.body.is_empty() {
            self.err(c.span, "Empty when closure, remove the property or add some content.");
        }
        Some(w)
    }

    /// A condition's arguments against the parameters Jenkins' conditional takes.
    fn when_params(&mut self, d: &Call) {
        let (params, required): (&[&str], &[&str]) = match d.name.as_str() {
            "branch" | "tag" => (&["pattern", "comparator"], &["pattern"]),
            "changelog" => (&["pattern"], &["pattern"]),
            // ChangeSetConditional takes `glob` (or `pattern`): neither is required by name.
            "changeset" => (&["glob", "pattern", "caseSensitive", "comparator"], &[]),
            "environment" => (&["name", "value", "ignoreCase", "comparator"], &["name", "value"]),
            "equals" => (&["expected", "actual"], &["expected", "actual"]),
            "triggeredBy" => (&["cause", "detail"], &["cause"]),
            _ => return,
        };
        if !d.named.is_empty() {
            let mut valid = true;
            for (k, _) in &d.named {
                if !params.contains(&k.as_str()) {
                    let nearest = nearest(k, params);
                    self.err_in("JV008", d.span, format!("Invalid parameter \"{k}\", did you mean \"{nearest}\"?"));
                    valid = false;
                }
            }
            if valid {
                for r in required {
                    if d.arg(r).is_none() {
                        self.err_in("JV008", d.span, format!("Missing required parameter: \"{r}\""));
                    }
                }
            }
        } else if d.positional.len() > 1 {
            self.err_in("JV008", d.span, format!("Arguments to \"{}\" must be explicitly named.", d.name));
        } else if let Some(v) = d.positional.first() {
            // The one argument fills the sole required parameter, a String for all of these.
            let got = match &unparen(v).kind {
                ExprKind::Number(n) if n.decimal => Some((n.text.clone(), "class java.lang.Double")),
                ExprKind::Number(n) => Some((n.text.clone(), "class java.lang.Integer")),
                ExprKind::Bool(b) => Some((b.to_string(), "class java.lang.Boolean")),
                _ => None,
            };
            if d.name != "environment" && d.name != "equals" {
                if let Some((text, class)) = got {
                    self.err_in(
                        "JV008",
                        v.span,
                        format!("Expecting \"class java.lang.String\" but got \"{text}\" of type {class} instead"),
                    );
                }
            }
        }
    }

    fn cond(&mut self, d: &Call) -> Option<Cond> {
        if !WHEN_CONDITIONS.contains(&d.name.as_str()) {
            self.err(d.span, format!("Unknown conditional {}. Valid conditionals are: allOf, anyOf, branch, buildingTag, changeRequest, changelog, changeset, environment, equals, expression, isRestartedRun, not, tag, triggeredBy", d.name));
            return None;
        }
        let mut nested = Vec::new();
        let is_nested = matches!(d.name.as_str(), "not" | "allOf" | "anyOf");
        if is_nested && (!d.named.is_empty() || !d.positional.is_empty()) {
            self.err_in(
                "JV008",
                d.span,
                format!("No additional arguments are allowed for children when condition \"{}\".", d.name),
            );
            return Some(Cond { call: d.clone(), nested });
        }
        if !is_nested && d.name != "expression" && d.body.is_some() {
            self.err_in(
                "JV008",
                d.span,
                format!("No children when conditions are allowed for when condition \"{}\".", d.name),
            );
            return Some(Cond { call: d.clone(), nested });
        }
        if !is_nested {
            self.when_params(d);
        }
        if is_nested {
            if let Some(b) = &d.body {
                for n in self.calls(b, "when condition") {
                    if let Some(c) = self.cond(&n) {
                        nested.push(c);
                    }
                }
            }
            if d.name == "not" && nested.len() != 1 {
                self.err(d.span, "Nested when condition \"not\" requires exactly 1 child condition(s).");
            } else if nested.is_empty() {
                self.err(
                    d.span,
                    format!("Nested when condition \"{}\" requires at least one child condition.", d.name),
                );
            }
        }
        // Patterns that are regular expressions must compile, as Jenkins' validator checks them.
        let regexp = d.name == "changelog" || d.arg("comparator").and_then(literal).as_deref() == Some("REGEXP");
        if regexp {
            if let Some(pattern) = d.arg_or_first("pattern").and_then(literal) {
                if let Err(crate::interp::Flow::Throw(t)) = crate::interp::methods::regex::compile(&pattern) {
                    let why = t.message.clone().unwrap_or_default();
                    let why = why.lines().next().unwrap_or("");
                    self.err(d.span, format!("\"{pattern}\" is not a valid regular expression. {why}"));
                }
            }
        }
        if d.name == "expression" && d.body.is_none() {
            self.err(d.span, "Expected a block for expression");
        }
        Some(Cond { call: d.clone(), nested })
    }
}

/// A `steps` block that is only `parallel()` with no branches.
fn is_empty_parallel(b: &ast::Closure) -> bool {
    match b.body.as_slice() {
        [s] => as_call(s).is_some_and(|c| {
            c.name == "parallel"
                && c.named.is_empty()
                && c.positional.is_empty()
                && c.body.is_none()
                && !is_bare_name(s)
        }),
        _ => false,
    }
}

fn stage_name(c: &Call) -> Option<String> {
    c.positional.first().and_then(literal).or_else(|| c.arg("name").and_then(literal))
}

/// A step jeeves knows that takes a block: Jenkins takes such steps as options (wrappers).
fn is_block_step(name: &str) -> bool {
    !matches!(name, "node" | "stage" | "parallel" | "script")
        && crate::steps::registry().iter().any(|s| s.name == name && s.block)
}

/// The name of `names` closest to `key` (by edit distance), as Jenkins suggests one.
fn nearest<'a>(key: &str, names: &[&'a str]) -> &'a str {
    let distance = |a: &str, b: &str| {
        let b: Vec<char> = b.chars().collect();
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.chars().enumerate() {
            let mut prev = row[0];
            row[0] = i + 1;
            for j in 0..b.len() {
                let cur = row[j + 1];
                row[j + 1] = if ca == b[j] { prev } else { 1 + prev.min(row[j]).min(cur) };
                prev = cur;
            }
        }
        row[b.len()]
    };
    names.iter().copied().min_by_key(|n| distance(key, n)).unwrap_or("")
}

/// Jenkins' message for an environment (or axis) name that is not an identifier.
fn invalid_identifier(name: &str) -> String {
    format!("\"{name}\" is not a valid identifier and cannot be used for an environment variable. Identifiers must start with a letter or underscore and can contain only letters, numbers or underscores.")
}

fn unparen(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Paren(inner) => unparen(inner),
        _ => e,
    }
}

/// Environment names must be identifiers (shell-safe).
fn valid_env_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}
