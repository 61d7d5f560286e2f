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

/// A validation error: where, and Jenkins' message.
#[derive(Clone, Debug)]
pub struct ModelError {
    pub span: Span,
    pub message: String,
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
    fn text(&self, span: Span) -> String {
        let t = self.source.get(span.start as usize..span.end as usize).unwrap_or("");
        t.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn err(&mut self, span: Span, message: impl Into<String>) {
        self.errors.push(ModelError { span, message: message.into() });
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
        for s in &body.body {
            let Some(c) = as_call(s) else {
                self.err(s.span, "Expected a section");
                continue;
            };
            if seen.contains(&c.name) {
                self.err(c.span, format!("Multiple occurrences of the {} section", c.name));
                continue;
            }
            seen.push(c.name.clone());
            match c.name.as_str() {
                "agent" => p.agent = self.agent(&c),
                "stages" => {
                    has_stages = true;
                    p.stages = self.stages(&c, 0);
                }
                "environment" => p.environment = self.environment(&c),
                "options" => p.options = self.options(&c),
                "parameters" => p.parameters = self.parameters(&c),
                "triggers" => p.triggers = self.section_calls(&c, "trigger"),
                "tools" => p.tools = self.section_calls(&c, "tool"),
                "libraries" => p.libraries = self.section_calls(&c, "library"),
                "post" => p.post = self.post(&c),
                "properties" | "jobProperties" | "notifications" | "wrappers" | "postBuild" => {
                    self.err(c.span, format!("Undefined section \"{}\"", c.name))
                }
                other => self.err(c.span, format!("Undefined section \"{other}\"")),
            }
        }
        if p.agent.is_none() {
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
            let inner = self.calls(body, "agent type");
            let Some(first) = inner.first() else {
                self.err(
                    span,
                    "No agent type specified. Must be one of [any, docker, dockerfile, kubernetes, label, none, node]",
                );
                return None;
            };
            if inner.len() > 1 && !matches!(first.name.as_str(), "label" | "node") {
                self.err(inner[1].span, "Only one agent type is allowed");
            }
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
                "docker" | "dockerfile" | "kubernetes" | "dockerContainer" => {
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
            Some(other) => {
                self.err(span, format!("Invalid agent type \"{other}\" specified. Must be one of [any, docker, dockerfile, kubernetes, label, none, node]"));
                None
            }
            None => {
                self.err(span, "Not a valid section definition: \"agent\". Some extra configuration is required.");
                None
            }
        }
    }

    fn environment(&mut self, c: &Call) -> Vec<EnvEntry> {
        let Some(body) = &c.body else {
            self.err(c.span, "Expected a block for environment");
            return Vec::new();
        };
        let mut out = Vec::new();
        if body.body.is_empty() {
            self.err(c.span, "No variables specified for environment");
        }
        for s in &body.body {
            let assign = match &s.kind {
                StmtKind::Expr(Expr {
                    kind: ExprKind::Assign { op: ast::AssignOp::Assign, target, value }, ..
                }) => match &target.kind {
                    ExprKind::Var(name) => Some((name.clone(), (**value).clone())),
                    _ => None,
                },
                _ => None,
            };
            match assign {
                Some((name, value)) => {
                    if !valid_env_name(&name) {
                        self.err(s.span, format!("\"{name}\" is not a valid environment variable name"));
                    }
                    out.push(EnvEntry { name, value, span: s.span });
                }
                None => self.err(s.span, "Expected name=value pairs"),
            }
        }
        out
    }

    fn options(&mut self, c: &Call) -> Vec<Call> {
        let opts = self.section_calls(c, "option");
        if opts.is_empty() && c.body.as_ref().is_some_and(|b| b.body.is_empty()) {
            self.err(c.span, "options can not be empty");
        }
        let mut seen: Vec<&str> = Vec::new();
        for o in &opts {
            if seen.contains(&o.name.as_str()) {
                self.err(c.span, format!("Duplicate option name: \"{}\"", o.name));
            }
            seen.push(&o.name);
        }
        // Options jeeves does not know come from plugins (gitLabConnection, office365ConnectorWebhooks, ...):
        // Jenkins accepts them where the plugin is installed, so a run accepts them too (and notes them).
        opts
    }

    fn parameters(&mut self, c: &Call) -> Vec<ParamDecl> {
        let mut out = Vec::new();
        for p in self.section_calls(c, "parameter") {
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
        let mut out = Vec::new();
        for b in self.section_calls(c, "post condition") {
            if !POST_ORDER.contains(&b.name.as_str()) {
                self.err(b.span, format!("Invalid condition \"{}\" - valid conditions are [always, changed, fixed, regression, aborted, success, unsuccessful, unstable, failure, notBuilt, cleanup]", b.name));
                continue;
            }
            match b.body {
                Some(body) => out.push(PostBlock { condition: b.name.clone(), body, span: b.span }),
                None => self.err(b.span, format!("Expected a block for {}", b.name)),
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
        for s in &body.body {
            match as_call(s) {
                Some(st) if st.name == "stage" => {
                    if let Some(stage) = self.stage(&st, depth) {
                        if out.iter().any(|o| o.name == stage.name) {
                            self.err(c.span, format!("Duplicate stage name: \"{}\"", stage.name));
                        }
                        out.push(stage);
                    }
                }
                _ => self.err(s.span, "Expected a stage"),
            }
        }
        if out.is_empty() && self.errors.is_empty() {
            self.err(c.span, "No stages specified");
        }
        out
    }

    fn stage(&mut self, c: &Call, depth: usize) -> Option<Stage> {
        let Some(name) = c.positional.first().and_then(literal).or_else(|| c.arg("name").and_then(literal)) else {
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
        for s in &body.body {
            let Some(d) = as_call(s) else {
                let text = self.text(s.span);
                self.err(
                    c.span,
                    format!("Not a valid stage section definition: \"{text}\". Some extra configuration is required."),
                );
                continue;
            };
            match d.name.as_str() {
                "steps" => {
                    kinds.push("steps");
                    match &d.body {
                        Some(b) => {
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
                    if let Some(b) = &d.body {
                        for s in &b.body {
                            match as_call(s) {
                                Some(bs) if bs.name == "stage" => {
                                    if let Some(stage) = self.stage(&bs, depth + 1) {
                                        if branches.iter().any(|o| o.name == stage.name) {
                                            self.err(bs.span, format!("Duplicate stage name: \"{}\"", stage.name));
                                        }
                                        branches.push(stage);
                                    }
                                }
                                _ => self.err(s.span, "Expected a stage"),
                            }
                        }
                    }
                    if branches.is_empty() {
                        self.err(d.span, "No stages specified");
                    }
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
                "tools" => st.tools = self.section_calls(&d, "tool"),
                "options" => st.options = self.options(&d),
                "input" => st.input = Some(d.clone()),
                "when" => st.when = self.when(&d),
                "post" => st.post = self.post(&d),
                "failFast" => st.fail_fast = d.positional.first().and_then(literal).as_deref() == Some("true"),
                other => {
                    self.err(c.span, format!("Unknown stage section \"{other}\". Starting with version 0.5, steps in a stage must be in a ‘steps’ block."));
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
        if matches!(st.body, StageBody::Parallel(_)) {
            if let Some(a) = &st.agent {
                self.err(
                    a.span,
                    format!("\"agent\" is not allowed in stage \"{name}\" as it contains parallel stages"),
                );
            }
        }
        if kinds.len() > 1 {
            self.err(
                c.span,
                format!("Only one of \"matrix\", \"parallel\", \"stages\", or \"steps\" allowed for stage \"{name}\""),
            );
        }
        Some(st)
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
            if let Some(c) = as_call(s) {
                match c.name.as_str() {
                    "stage" | "properties" | "node" => self.err(
                        c.span,
                        format!("Invalid step \"{}\" used - not allowed in this context - The {} step cannot be used in Declarative Pipelines", c.name, c.name),
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
                    for a in self.section_calls(&d, "axis") {
                        if let Some(axis) = self.axis(&a) {
                            if m.axes.iter().any(|x| x.name == axis.name) {
                                self.err(a.span, format!("Duplicate axis name: \"{}\"", axis.name));
                            }
                            m.axes.push(axis);
                        }
                    }
                    if m.axes.is_empty() {
                        self.err(d.span, "Matrix must have at least one axis");
                    }
                }
                "excludes" => {
                    for ex in self.section_calls(&d, "exclude") {
                        let mut entries = Vec::new();
                        for a in self.section_calls(&ex, "axis") {
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
                "tools" => m.tools = self.section_calls(&d, "tool"),
                "options" => m.options = self.options(&d),
                "input" => m.input = Some(d.clone()),
                "when" => m.when = self.when(&d),
                "post" => m.post = self.post(&d),
                other => self.err(d.span, format!("Unknown matrix section \"{other}\"")),
            }
        }
        if !has_axes {
            self.err(c.span, "Missing required section \"axes\"");
        }
        if !has_stages {
            self.err(c.span, "Missing required section \"stages\"");
        }
        Some(m)
    }

    fn axis(&mut self, a: &Call) -> Option<Axis> {
        let b = a.body.as_ref()?;
        let mut name = None;
        let mut values = Vec::new();
        let mut dynamic = Vec::new();
        for f in self.calls(b, "axis field") {
            match f.name.as_str() {
                "name" => name = f.positional.first().and_then(literal),
                "values" => {
                    for v in &f.positional {
                        match (&v.kind, literal(v)) {
                            (ExprKind::Var(_), _) | (_, None) => dynamic.push(v.clone()),
                            (_, Some(text)) => values.push(text),
                        }
                    }
                }
                other => self.err(f.span, format!("Invalid axis field \"{other}\"")),
            }
        }
        let Some(name) = name else {
            self.err(a.span, "Missing required axis field \"name\"");
            return None;
        };
        if values.is_empty() && dynamic.is_empty() {
            self.err(a.span, format!("Axis \"{name}\" has no values"));
        }
        let mut seen = Vec::new();
        for v in &values {
            if seen.contains(v) {
                self.err(a.span, format!("Duplicate value for axis \"{name}\": \"{v}\""));
            }
            seen.push(v.clone());
        }
        Some(Axis { name, values, dynamic })
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

    fn cond(&mut self, d: &Call) -> Option<Cond> {
        if !WHEN_CONDITIONS.contains(&d.name.as_str()) {
            self.err(d.span, format!("Unknown conditional {}. Valid conditionals are: allOf, anyOf, branch, buildingTag, changeRequest, changelog, changeset, environment, equals, expression, isRestartedRun, not, tag, triggeredBy", d.name));
            return None;
        }
        let mut nested = Vec::new();
        if matches!(d.name.as_str(), "not" | "allOf" | "anyOf") {
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

/// Environment names must be identifiers (shell-safe).
fn valid_env_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}
