//! Runs a declarative model the way Jenkins' ModelInterpreter does: the pipeline's agent, environment,
//! option wrappers and tools around the stages; per stage the skip checks, options, input, `when`, agent,
//! environment and tools, then its steps, nested stages, parallel branches or matrix cells, and its
//! `post`; the pipeline's `post` last. Errors are kept as the first error and rethrown at the end, so every
//! later stage is logged as skipped and every `post` block still runs.

use std::path::PathBuf;
use std::sync::Arc;

use super::model::{Agent, AgentKind, Call, Cond, EnvEntry, Matrix, Pipeline, PostBlock, Stage, StageBody, When};
use super::when;
use crate::build::BuildResult;
use crate::interp::error::step_failed;
use crate::interp::text::to_string;
use crate::interp::{Eval, Flow, Interp, Scope, Signal, Value};
use crate::steps::block::{enter, stage_frame, with_env_block, EnvPairs};
use crate::steps::flow::{parallel_block, retry_block, timeout_block, Branch};
use crate::steps::{PipelineHost, StageMark};

/// Settings of a declarative run that come from the command line and `jeeves.toml`.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// `--stage NAME`: only these stages (with their parents and children) run.
    pub selected: Vec<String>,
    /// Tool installs: name (or type) -> install directory.
    pub tools: Vec<(String, PathBuf)>,
    /// Where the tools came from, for messages.
    pub tools_file: Option<PathBuf>,
    /// `--input ID=ANSWER`, in order (the last for an id wins).
    pub inputs: Vec<(String, String)>,
    /// `--approve-all`: every input proceeds with its defaults.
    pub approve_all: bool,
}

/// Why a stage does not run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Skip {
    When,
    Failure,
    Unstable,
    Selection,
}

/// What post conditions judge: the build's result so far, the stage's warnings (`unstable`,
/// `catchError(stageResult:)`), and the error the stage or pipeline ended with.
#[derive(Clone, Copy)]
struct Judged {
    build: BuildResult,
    warning: BuildResult,
    error: Option<BuildResult>,
    /// A stage's post (not the pipeline's).
    stage: bool,
}

impl Judged {
    fn combined(&self) -> BuildResult {
        self.build.max(self.warning).max(self.error.unwrap_or(BuildResult::Success))
    }
}

/// A skip a parent passes down: the reason, and the name the message shows (a sequential parent's
/// children repeat the parent's name, as Jenkins prints them; parallel branches show their own).
type Inherited = Option<(Skip, Option<String>)>;

impl Skip {
    pub fn message(self, name: &str) -> String {
        match self {
            Skip::When => format!("Stage \"{name}\" skipped due to when conditional"),
            Skip::Failure => format!("Stage \"{name}\" skipped due to earlier failure(s)"),
            Skip::Unstable => format!("Stage \"{name}\" skipped due to earlier stage(s) marking the build as unstable"),
            Skip::Selection => format!("Stage \"{name}\" skipped due to --stage selection"),
        }
    }
}

pub struct Runner<'a> {
    pub host: &'a PipelineHost,
    pub p: &'a Pipeline,
    pub scope: Scope,
    pub settings: &'a Settings,
}

const NO_NODE: &str = "Attempted to execute a step that requires a node context while \u{2018}agent none\u{2019} was specified. Be sure to specify your own \u{2018}node { ... }\u{2019} blocks when using \u{2018}agent none\u{2019}.";

/// Options that only mean something on a Jenkins controller.
const CONTROLLER_ONLY: [&str; 6] = [
    "quietPeriod",
    "disableResume",
    "durabilityHint",
    "overrideIndexTriggers",
    "rateLimitBuilds",
    "disableRestartFromStage",
];

/// The build result an error stands for. A branch stopped by failFast is not an abort of the build: the
/// failure that stopped it decides (as Jenkins has it since JENKINS-49073).
fn result_of(e: &Flow) -> BuildResult {
    match e {
        Flow::Throw(t)
            if t.signal == Signal::Aborted
                && !t.message.as_deref().is_some_and(|m| m.starts_with("Failed in branch ")) =>
        {
            BuildResult::Aborted
        }
        _ => BuildResult::Failure,
    }
}

/// A stage's own status after an error (a branch stopped by failFast shows as aborted).
fn status_of(e: &Flow) -> BuildResult {
    match e {
        Flow::Throw(t) if t.signal == Signal::Aborted => BuildResult::Aborted,
        _ => BuildResult::Failure,
    }
}

impl<'a> Runner<'a> {
    fn has_option(&self, opts: &[Call], name: &str) -> bool {
        opts.iter().any(|o| o.name == name)
    }

    fn eval(&self, interp: &mut Interp, e: &crate::syntax::ast::Expr) -> Eval {
        interp.eval_expr(e, &self.scope)
    }

    fn eval_str(&self, interp: &mut Interp, e: &crate::syntax::ast::Expr) -> Eval<String> {
        Ok(to_string(&self.eval(interp, e)?))
    }

    /// The whole pipeline.
    pub fn run(&self, interp: &mut Interp) -> Eval {
        // Notes for people go to stderr: stdout stays the console Jenkins would print.
        if !self.p.libraries.is_empty() {
            eprintln!("jeeves: shared libraries (libraries {{ }}) are not loaded yet; steps they define fail as unknown steps");
        }
        let stage_options = all_stages(&self.p.stages).flat_map(|s| s.options.iter());
        let mut noted: Vec<&str> = Vec::new();
        for o in self.p.options.iter().chain(stage_options) {
            let n = o.name.as_str();
            if noted.contains(&n) {
                continue;
            }
            if CONTROLLER_ONLY.contains(&n) {
                eprintln!("jeeves: option {n}() means nothing outside a Jenkins controller; ignored");
                noted.push(n);
            } else if !super::model::OPTIONS.contains(&n) && !matches!(n, "lock" | "throttle") {
                eprintln!("jeeves: option {n}() comes from a plugin jeeves does not have; ignored");
                noted.push(n);
            }
        }
        let mut first_error: Option<Flow> = None;
        let mut post_run = false;
        let agent = self.p.agent.as_ref();
        let outcome = self.in_agent(interp, agent, true, &self.p.options, &mut |i| {
            let env = self.env_pairs(i, &self.p.environment)?;
            let mut inner = |i: &mut Interp| {
                self.wrappers(i, &self.p.options, &mut |i| {
                    self.tools_block(i, &self.p.tools, agent, true, &mut |i| {
                        first_error = self.sequential(i, &self.p.stages, &[], None, None);
                        post_run = true;
                        if let Some(e) = self.root_post(i, first_error.as_ref()) {
                            first_error.get_or_insert(e);
                        }
                        Ok(Value::Null)
                    })?;
                    match &first_error {
                        Some(e) => Err(e.clone()),
                        None => Ok(Value::Null),
                    }
                })
            };
            if env.is_empty() {
                inner(i)
            } else {
                with_env_block(self.host, i, env, inner)
            }
        });
        if let Err(e) = outcome {
            first_error.get_or_insert(e);
        }
        if !post_run {
            if let Some(e) = self.root_post(interp, first_error.as_ref()) {
                first_error.get_or_insert(e);
            }
        }
        match first_error {
            Some(e) => Err(e),
            None => Ok(Value::Null),
        }
    }

    /// Evaluates `environment` entries in order; each sees the ones before it.
    fn env_pairs(&self, interp: &mut Interp, entries: &[EnvEntry]) -> Eval<EnvPairs> {
        let mut env = EnvPairs::default();
        if entries.is_empty() {
            return Ok(env);
        }
        let saved = PipelineHost::ctx(interp);
        for e in entries {
            let mut ctx = saved.clone();
            ctx.env.extend(env.pairs.iter().cloned());
            interp.ext = Some(Box::new(ctx));
            // `NAME = credentials('id')` binds the credential (NAME, and NAME_USR/NAME_PSW where Jenkins
            // sets them) instead of calling a step.
            let v = match credentials_id(&e.value) {
                Some(id_expr) => self
                    .eval_str(interp, id_expr)
                    .and_then(|id| crate::steps::credentials::environment_binding(self.host, &e.name, &id)),
                None => self.eval(interp, &e.value).map(|v| (vec![(e.name.clone(), to_string(&v))], Vec::new())),
            };
            interp.ext = Some(Box::new(saved.clone()));
            let (pairs, masked) = v?;
            env.pairs.extend(pairs);
            env.masked.extend(masked);
        }
        Ok(env)
    }

    /// Runs `body` on the agent: `node` (with the implicit checkout) for any/label/node, nothing for none
    /// or no agent; container agents fail with a message.
    fn in_agent(
        &self,
        interp: &mut Interp,
        agent: Option<&Agent>,
        top: bool,
        options: &[Call],
        body: &mut dyn FnMut(&mut Interp) -> Eval,
    ) -> Eval {
        let Some(agent) = agent else { return body(interp) };
        let custom = match &agent.kind {
            AgentKind::None => return body(interp),
            AgentKind::Container { kind } => {
                return Err(step_failed(format!(
                    "jeeves cannot run `agent {{ {kind} }}` yet: Docker and Kubernetes agents come in a later version; \
                     use `agent any` or `agent {{ label '...' }}` to run this stage on this machine"
                )))
            }
            AgentKind::Any => None,
            AgentKind::Node { label, custom_workspace } => {
                // Every node here is this machine: the label is evaluated (its errors count) and matches.
                if let Some(e) = label {
                    self.eval_str(interp, e)?;
                }
                // `customWorkspace null` (or an empty one) means the job's own workspace, as in Jenkins.
                match custom_workspace {
                    Some(e) => Some(self.eval(interp, e)?).filter(|v| !v.is_null()).map(|v| to_string(&v)),
                    None => None,
                }
                .filter(|w| !w.is_empty())
            }
        };
        let host = self.host;
        let ws = host.build.layout.workspace.clone();
        host.pipeline("node");
        host.output(interp, &format!("Running on jeeves in {}", ws.display()));
        let skip_checkout =
            self.has_option(&self.p.options, "skipDefaultCheckout") || self.has_option(options, "skipDefaultCheckout");
        let subdir = self
            .p
            .options
            .iter()
            .chain(options.iter())
            .find(|o| o.name == "checkoutToSubdirectory")
            .and_then(|o| o.positional.first().cloned());
        enter(
            host,
            interp,
            "node",
            None,
            |ctx| {
                ctx.cwd = ws.clone();
                ctx.in_node = true;
            },
            |i| {
                let mut inside = |i: &mut Interp| -> Eval {
                    let vars = if skip_checkout { Vec::new() } else { self.checkout(i, top, subdir.as_ref())? };
                    if vars.is_empty() {
                        body(i)
                    } else {
                        with_env_block(host, i, vars, |i| body(i))
                    }
                };
                match &custom {
                    None => inside(i),
                    Some(dir) => crate::steps::block::ws_block(host, i, dir, inside),
                }
            },
        )
    }

    /// The implicit `checkout scm`: a stage of its own at the top level.
    fn checkout(
        &self,
        interp: &mut Interp,
        top: bool,
        subdir: Option<&crate::syntax::ast::Expr>,
    ) -> Eval<Vec<(String, String)>> {
        let host = self.host;
        let sub = match subdir {
            Some(e) => Some(self.eval_str(interp, e)?),
            None => None,
        };
        let mut vars = Vec::new();
        let mut run = |i: &mut Interp| -> Eval {
            match &sub {
                None => vars = crate::steps::scm::checkout_logged(host, i)?,
                Some(d) => {
                    let target = PipelineHost::ctx(i).cwd.join(d);
                    host.pipeline("dir");
                    host.output(i, &format!("Running in {}", target.display()));
                    enter(
                        host,
                        i,
                        "dir",
                        None,
                        |ctx| ctx.cwd = target.clone(),
                        |i| {
                            vars = crate::steps::scm::checkout_logged(host, i)?;
                            Ok(Value::Null)
                        },
                    )?;
                }
            }
            Ok(Value::Null)
        };
        self.synthetic_stage(interp, top, "Declarative: Checkout SCM", &mut run)?;
        Ok(vars)
    }

    /// Work Jenkins does in a stage of its own when it happens outside any stage (`top`), else in place.
    fn synthetic_stage(
        &self,
        interp: &mut Interp,
        top: bool,
        name: &str,
        work: &mut dyn FnMut(&mut Interp) -> Eval,
    ) -> Eval {
        if !top {
            return work(interp);
        }
        let clock = self.host.build.stage_clock(PipelineHost::ctx(interp).branch);
        self.host.build.log.event("stage-start", serde_json::json!({ "stage": name, "path": [name] }));
        self.host.pipeline("stage");
        let r = stage_frame(self.host, interp, name, work);
        let status = if r.is_ok() { "SUCCESS" } else { "FAILURE" };
        self.host.build.record_stage_path(&[name.to_string()], status, &clock);
        r
    }

    /// The option wrappers (timeout, retry, timestamps, ...) around `body`, in the order written.
    fn wrappers(&self, interp: &mut Interp, options: &[Call], body: &mut dyn FnMut(&mut Interp) -> Eval) -> Eval {
        let Some((first, rest)) = options.split_first() else { return body(interp) };
        let host = self.host;
        match first.name.as_str() {
            "timeout" => {
                let time = match first.arg_or_first("time") {
                    Some(e) => self.eval(interp, e)?,
                    None => Value::Int(0),
                };
                let unit = match first.arg("unit") {
                    Some(e) => self.eval_str(interp, e)?,
                    None => "MINUTES".into(),
                };
                let ms = crate::steps::basic::millis(&time, Some(&unit))?;
                let activity = match first.arg("activity") {
                    Some(e) => crate::interp::ops::truthy(&self.eval(interp, e)?),
                    None => false,
                };
                timeout_block(host, interp, ms, activity, |i| self.wrappers(i, rest, body))
            }
            "retry" => {
                let count = match first.arg_or_first("count") {
                    Some(e) => crate::interp::ops::to_i64(&self.eval(interp, e)?).unwrap_or(1),
                    None => 1,
                };
                retry_block(host, interp, count.max(1), |i| self.wrappers(i, rest, body))
            }
            "timestamps" | "ansiColor" | "lock" | "throttle" => {
                let name = first.name.clone();
                host.pipeline(&name);
                enter(host, interp, &name, None, |_| {}, |i| self.wrappers(i, rest, body))
            }
            _ => self.wrappers(interp, rest, body),
        }
    }

    /// Installs `tools` (from jeeves.toml) and runs `body` with them on PATH.
    fn tools_block(
        &self,
        interp: &mut Interp,
        tools: &[Call],
        agent: Option<&Agent>,
        top: bool,
        body: &mut dyn FnMut(&mut Interp) -> Eval,
    ) -> Eval {
        let has_agent = agent.is_some_and(|a| !matches!(a.kind, AgentKind::None));
        if tools.is_empty() || !has_agent {
            return body(interp);
        }
        let host = self.host;
        let mut env: Vec<(String, String)> = Vec::new();
        let mut install =
            |i: &mut Interp| -> Eval {
                let mut path = PipelineHost::process_path(host, i);
                for t in tools {
                    let Some(e) = t.positional.first() else { continue };
                    let name = self.eval_str(i, e)?;
                    host.pipeline("tool");
                    let dir = self
                        .settings
                        .tools
                        .iter()
                        .find(|(n, _)| *n == name)
                        .or_else(|| self.settings.tools.iter().find(|(n, _)| *n == t.name))
                        .map(|(_, d)| d.clone());
                    let Some(dir) = dir else {
                        let file =
                            self.settings.tools_file.as_ref().map(|f| f.display().to_string()).unwrap_or_else(|| {
                                "jeeves.toml (next to the Jenkinsfile or in the jeeves home)".into()
                            });
                        return Err(step_failed(format!(
                            "Tool type \"{}\" does not have an install of \"{name}\" configured - add it to {file}: \
                         [tools] \"{name}\" = \"/path/to/install\"",
                            t.name
                        )));
                    };
                    host.pipeline("envVarsForTool");
                    let bin = dir.join("bin");
                    path = format!("{}:{path}", if bin.is_dir() { bin.display() } else { dir.display() });
                    let home = match t.name.as_str() {
                        "jdk" => Some("JAVA_HOME"),
                        "maven" => Some("MAVEN_HOME"),
                        "gradle" => Some("GRADLE_HOME"),
                        "nodejs" => Some("NODEJS_HOME"),
                        "go" => Some("GOROOT"),
                        _ => None,
                    };
                    if let Some(h) = home {
                        env.push((h.to_string(), dir.display().to_string()));
                    }
                }
                env.push(("PATH".to_string(), path));
                Ok(Value::Null)
            };
        self.synthetic_stage(interp, top, "Declarative: Tool Install", &mut install)?;
        with_env_block(host, interp, env, |i| body(i))
    }

    /// Stages one after another; returns the first error (later stages are skipped after it).
    fn sequential(
        &self,
        interp: &mut Interp,
        stages: &[Stage],
        parent: &[String],
        parent_agent: Option<&Agent>,
        reason: Inherited,
    ) -> Option<Flow> {
        let mut first_error: Option<Flow> = None;
        for st in stages {
            // As in Jenkins' declarative runtime, a failed stage does not set the build's result here: the
            // error is carried (later stages skip, post sees it) and decides the result at the end, so a
            // `retry` around the stages can still end in SUCCESS.
            if let Err(e) = self.stage(interp, st, parent, parent_agent, reason.clone(), first_error.is_some()) {
                first_error.get_or_insert(e);
            }
        }
        first_error
    }

    fn skip_unstable(&self) -> bool {
        self.has_option(&self.p.options, "skipStagesAfterUnstable")
            && self.host.build.explicit_result() == Some(BuildResult::Unstable)
    }

    /// Whether `--stage` lets this stage run (it, an ancestor or a descendant is selected).
    fn selected(&self, path: &[String], st: &Stage) -> bool {
        let sel = &self.settings.selected;
        if sel.is_empty() || path.iter().any(|p| sel.contains(p)) {
            return true;
        }
        fn any_inside(st: &Stage, sel: &[String]) -> bool {
            sel.contains(&st.name)
                || match &st.body {
                    StageBody::Steps(_) => false,
                    StageBody::Stages(v) | StageBody::Parallel(v) => v.iter().any(|s| any_inside(s, sel)),
                    StageBody::Matrix(m) => m.stages.iter().any(|s| any_inside(s, sel)),
                }
        }
        any_inside(st, sel)
    }

    /// One stage, in its `stage` block. Err when it failed (its error, for the caller's first error).
    fn stage(
        &self,
        interp: &mut Interp,
        st: &Stage,
        parent: &[String],
        parent_agent: Option<&Agent>,
        reason: Inherited,
        earlier_failure: bool,
    ) -> Eval {
        let host = self.host;
        let mut path = parent.to_vec();
        path.push(st.name.clone());
        let mark = Arc::new(StageMark::default());
        let clock = host.build.stage_clock(PipelineHost::ctx(interp).branch);
        host.build.log.event("stage-start", serde_json::json!({ "stage": st.name, "path": path }));
        host.pipeline("stage");
        let mut skipped: Option<Skip> = None;
        let r = stage_frame(host, interp, &st.name, |i| {
            if let Some(c) = i.ext.as_mut().and_then(|e| e.downcast_mut::<crate::steps::StepCtx>()) {
                c.stage = Some(mark.clone());
            }
            let decided = if let Some((why, label)) = &reason {
                Some((*why, label.clone()))
            } else if earlier_failure {
                Some((Skip::Failure, None))
            } else if self.skip_unstable() {
                Some((Skip::Unstable, None))
            } else if !self.selected(parent, st) {
                Some((Skip::Selection, None))
            } else {
                None
            };
            if let Some((why, label)) = decided {
                skipped = Some(why);
                let label = label.unwrap_or_else(|| st.name.clone());
                return self.skip(i, st, &path, parent_agent, why, &label);
            }
            let mut rest = |i: &mut Interp| -> Eval {
                let when = st.when.as_ref();
                if when.is_some_and(|w| w.before_options) && !self.when_passes(i, when)? {
                    skipped = Some(Skip::When);
                    return self.skip(i, st, &path, parent_agent, Skip::When, &st.name);
                }
                let r = self.wrappers(i, &st.options, &mut |i| {
                    if when.is_some_and(|w| w.before_input && !w.before_options) && !self.when_passes(i, when)? {
                        skipped = Some(Skip::When);
                        return self.skip(i, st, &path, parent_agent, Skip::When, &st.name);
                    }
                    let answers = self.stage_input(i, st.input.as_ref())?;
                    let r = if answers.is_empty() {
                        self.stage_inner(i, st, &path, parent_agent, &mut skipped)
                    } else {
                        let skipped = &mut skipped;
                        with_env_block(host, i, answers, |i| self.stage_inner(i, st, &path, parent_agent, skipped))
                    };
                    if skipped == Some(Skip::When) {
                        self.skip(i, st, &path, parent_agent, Skip::When, &st.name)?;
                    }
                    r
                });
                // A parallel or matrix parent's post runs after its branches, inside the stage.
                let is_group = matches!(st.body, StageBody::Parallel(_) | StageBody::Matrix(_));
                if is_group && skipped.is_none() {
                    return self.stage_post(i, &st.post, &mark, r);
                }
                r
            };
            // A matrix cell's axis values come first: its agent and `when` already see them.
            if st.cell.is_empty() {
                rest(i)
            } else {
                with_env_block(host, i, st.cell.clone(), rest)
            }
        });
        let status = match (&r, skipped) {
            (_, Some(_)) => "SKIPPED".to_string(),
            (Err(e), None) => status_of(e).name().to_string(),
            (Ok(_), None) => mark.get().name().to_string(),
        };
        let error = match &r {
            Err(Flow::Throw(t)) => Some(t.message.clone().unwrap_or_else(|| t.to_text())),
            _ => None,
        };
        host.build.record_stage_result(&path, &status, &clock, error);
        r
    }

    /// A stage's `input`: asks (see `steps/input.rs`) and gives the answers as environment variables
    /// for the rest of the stage, as Jenkins does.
    fn stage_input(&self, interp: &mut Interp, input: Option<&Call>) -> Eval<Vec<(String, String)>> {
        use crate::steps::input::{ask, default_id, Param, Request, SUBMITTER};
        let Some(call) = input else { return Ok(Vec::new()) };
        let mut fields: Vec<(String, Value)> = Vec::new();
        for (k, e) in &call.named {
            fields.push((k.clone(), self.eval(interp, e)?));
        }
        let mut params = Vec::new();
        if let Some(body) = &call.body {
            for s in &body.body {
                let Some(d) = super::model::as_call(s) else { continue };
                if d.name == "parameters" {
                    for p in d.body.iter().flat_map(|b| b.body.iter()).filter_map(super::model::as_call) {
                        let mut m = indexmap::IndexMap::new();
                        for (k, e) in &p.named {
                            m.insert(crate::interp::Key::str(k), self.eval(interp, e)?);
                        }
                        params.push(Param::from_definition(&p.name, &m));
                    }
                } else if let Some(e) = d.positional.first() {
                    fields.push((d.name.clone(), self.eval(interp, e)?));
                }
            }
        }
        let field = |n: &str| fields.iter().rev().find(|(k, _)| k == n).map(|(_, v)| to_string(v));
        let message = field("message").unwrap_or_default();
        let submitter_parameter = field("submitterParameter");
        let req = Request {
            id: field("id").unwrap_or_else(|| default_id(&message)),
            ok: field("ok").unwrap_or_else(|| "Proceed".into()),
            message,
            submitter_parameter: submitter_parameter.clone(),
            params: params.clone(),
        };
        self.host.pipeline("input");
        let answer = ask(self.host, interp, &req)?;
        let mut env = Vec::new();
        match answer {
            Value::Map(m) => {
                for (k, v) in m.pairs() {
                    env.push((to_string(&k), to_string(&v)));
                }
            }
            Value::Null => {}
            v => {
                if let Some(p) = params.first() {
                    env.push((p.name.clone(), to_string(&v)));
                } else if let Some(sp) = &submitter_parameter {
                    env.push((sp.clone(), SUBMITTER.to_string()));
                }
            }
        }
        Ok(env)
    }

    /// After options and input: `when` (before or inside the agent), then the stage's content.
    fn stage_inner(
        &self,
        interp: &mut Interp,
        st: &Stage,
        path: &[String],
        parent_agent: Option<&Agent>,
        skipped: &mut Option<Skip>,
    ) -> Eval {
        let host = self.host;
        let when = st.when.as_ref();
        let already = when.is_some_and(|w| w.before_options || w.before_input);
        match &st.body {
            StageBody::Parallel(children) => {
                if !already && !self.when_passes(interp, when)? {
                    *skipped = Some(Skip::When);
                    return Ok(Value::Null);
                }
                let env = self.env_pairs(interp, &st.environment)?;
                let agent = st.agent.as_ref().or(parent_agent);
                let fail_fast = st.fail_fast || self.has_option(&self.p.options, "parallelsAlwaysFailFast");
                let run = |i: &mut Interp| self.branches(i, children.to_vec(), path, agent, None, fail_fast);
                if env.is_empty() {
                    run(interp)
                } else {
                    with_env_block(host, interp, env, run)
                }
            }
            StageBody::Matrix(m) => {
                if !already && !self.when_passes(interp, when)? {
                    *skipped = Some(Skip::When);
                    return Ok(Value::Null);
                }
                let env = self.env_pairs(interp, &st.environment)?;
                let agent = st.agent.as_ref().or(parent_agent);
                let fail_fast = st.fail_fast || self.has_option(&self.p.options, "parallelsAlwaysFailFast");
                let cells = matrix_cells(&self.resolve_axes(interp, m)?);
                let run = |i: &mut Interp| self.branches(i, cells.clone(), path, agent, None, fail_fast);
                if env.is_empty() {
                    run(interp)
                } else {
                    with_env_block(host, interp, env, run)
                }
            }
            _ => {
                let agent = st.agent.as_ref();
                let effective = agent.or(parent_agent).or(self.p.agent.as_ref());
                let mut passed = already;
                let mut body = |i: &mut Interp| -> Eval {
                    let env = self.env_pairs(i, &st.environment)?;
                    let content = |i: &mut Interp| {
                        self.tools_block(i, &st.tools, effective, false, &mut |i| match &st.body {
                            StageBody::Stages(children) => {
                                let r = match self.sequential(i, children, path, agent.or(parent_agent), None) {
                                    Some(e) => Err(e),
                                    None => Ok(Value::Null),
                                };
                                // A parent of sequential stages runs its post after its children.
                                let mark = PipelineHost::ctx(i).stage.unwrap_or_default();
                                self.stage_post(i, &st.post, &mark, r)
                            }
                            StageBody::Steps(steps) => self.steps(i, st, steps, effective),
                            _ => Ok(Value::Null),
                        })
                    };
                    if env.is_empty() {
                        content(i)
                    } else {
                        with_env_block(host, i, env, content)
                    }
                };
                if when.is_some_and(|w| w.before_agent) && !already {
                    passed = self.when_passes(interp, when)?;
                    if passed {
                        self.in_agent(interp, agent, false, &st.options, &mut body)?;
                    }
                } else {
                    self.in_agent(interp, agent, false, &st.options, &mut |i| {
                        if !already {
                            passed = self.when_passes(i, when)?;
                        }
                        if passed {
                            body(i)
                        } else {
                            Ok(Value::Null)
                        }
                    })?;
                }
                if !passed {
                    *skipped = Some(Skip::When);
                }
                Ok(Value::Null)
            }
        }
    }

    /// A stage's steps, then its post.
    fn steps(
        &self,
        interp: &mut Interp,
        st: &Stage,
        steps: &Arc<crate::syntax::ast::Closure>,
        agent: Option<&Agent>,
    ) -> Eval {
        let closure = Interp::closure_of(steps, &self.scope);
        let r = self.no_node_message(interp.call(&closure, Vec::new()), agent);
        let mark = PipelineHost::ctx(interp).stage.unwrap_or_default();
        self.stage_post(interp, &st.post, &mark, r)
    }

    /// A step that needs a node, run where `agent none` left none, fails with Jenkins' explanation.
    fn no_node_message(&self, r: Eval, agent: Option<&Agent>) -> Eval {
        let agent = agent.or(self.p.agent.as_ref());
        let no_agent = agent.is_none_or(|a| matches!(a.kind, AgentKind::None));
        match r {
            Err(Flow::Throw(t))
                if no_agent && &*t.class == "org.jenkinsci.plugins.workflow.steps.MissingContextVariableException" =>
            {
                Err(step_failed(NO_NODE))
            }
            other => other,
        }
    }

    /// A stage's `post` (after "Post stage"), when any condition holds; an error in it becomes the stage's.
    fn stage_post(&self, interp: &mut Interp, post: &[PostBlock], mark: &StageMark, r: Eval) -> Eval {
        if post.is_empty() {
            return r;
        }
        let error = r.as_ref().err().map(status_of);
        // Jenkins combines the build's result, the stage's warnings and the stage's error.
        let judged = || Judged { build: self.host.build.result(), warning: mark.get(), error, stage: true };
        if !post.iter().any(|b| self.satisfied(&b.condition, &judged())) {
            return r;
        }
        self.host.build.log.line("Post stage");
        match self.run_post(interp, post, &judged) {
            Some(e) if r.is_ok() => Err(e),
            _ => r,
        }
    }

    /// The pipeline's `post`, in its own "Declarative: Post Actions" stage.
    fn root_post(&self, interp: &mut Interp, error: Option<&Flow>) -> Option<Flow> {
        let post = &self.p.post;
        if post.is_empty() {
            return None;
        }
        let error = error.map(result_of);
        let result = || Judged { build: self.host.build.result(), warning: BuildResult::Success, error, stage: false };
        if !post.iter().any(|b| self.satisfied(&b.condition, &result())) {
            return None;
        }
        let name = "Declarative: Post Actions".to_string();
        let host = self.host;
        let clock = host.build.stage_clock(PipelineHost::ctx(interp).branch);
        host.build.log.event("stage-start", serde_json::json!({ "stage": name, "path": [&name] }));
        host.pipeline("stage");
        let mut err = None;
        let _ = stage_frame(host, interp, &name, |i| {
            err = self.run_post(i, post, &result);
            Ok(Value::Null)
        });
        let status = if err.is_some() { "FAILURE" } else { "SUCCESS" };
        host.build.record_stage_path(&[name], status, &clock);
        err
    }

    /// Runs each satisfied condition in Jenkins' order; returns the first error (the build fails).
    fn run_post(&self, interp: &mut Interp, post: &[PostBlock], result: &dyn Fn() -> Judged) -> Option<Flow> {
        // Post runs even after a timeout, failFast or abort interrupted the stage's steps.
        let interrupted = interp.cancel.clone();
        interp.cancel = interrupted.survivor();
        let first = self.run_post_blocks(interp, post, result);
        interp.cancel = interrupted;
        first
    }

    fn run_post_blocks(&self, interp: &mut Interp, post: &[PostBlock], result: &dyn Fn() -> Judged) -> Option<Flow> {
        let mut first = None;
        for cond in super::model::POST_ORDER {
            for b in post.iter().filter(|b| b.condition == cond) {
                // An error in an earlier post block counts for the later conditions.
                let mut now = result();
                if let Some(e) = &first {
                    now.error = Some(now.error.unwrap_or(BuildResult::Success).max(result_of(e)));
                }
                if !self.satisfied(cond, &now) {
                    continue;
                }
                let closure = Interp::closure_of(&b.body, &self.scope);
                // While it runs, the post block sees the result it is judged by (currentBuild.currentResult).
                let build = &self.host.build;
                let combined = now.combined();
                let shown = (combined != build.result()).then_some(combined);
                build.set_post_view(shown);
                let r = self.no_node_message(interp.call(&closure, Vec::new()), None);
                build.set_post_view(None);
                if let Err(e) = r {
                    let log = &self.host.build.log;
                    log.line(&format!("Error when executing {cond} post condition:"));
                    match &e {
                        Flow::Throw(t) if t.signal == Signal::Exception => log.line(&t.to_text()),
                        Flow::Throw(t) => log.line(&t.message.clone().unwrap_or_default()),
                        _ => {}
                    }
                    self.host.build.worsen(result_of(&e));
                    first.get_or_insert(e);
                }
            }
        }
        first
    }

    /// A post condition against the result so far and the previous build's.
    fn satisfied(&self, cond: &str, j: &Judged) -> bool {
        let prev = self.host.build.previous.map(|(_, r)| r);
        let result = j.combined();
        // In a stage, after the build already failed, success and failure judge the stage's own error.
        let failed_build = j.stage && j.build == BuildResult::Failure;
        match cond {
            "always" | "cleanup" => true,
            "changed" => prev != Some(result),
            "fixed" => {
                result == BuildResult::Success
                    && matches!(prev, Some(BuildResult::Failure) | Some(BuildResult::Unstable))
            }
            "regression" => prev.is_some_and(|p| result > p),
            "aborted" => result == BuildResult::Aborted,
            "success" if failed_build => j.error.is_none(),
            "failure" if failed_build => j.error.is_some(),
            "success" => result == BuildResult::Success,
            "unsuccessful" => result != BuildResult::Success,
            "unstable" => result == BuildResult::Unstable,
            "failure" => result == BuildResult::Failure,
            "notBuilt" => result == BuildResult::NotBuilt,
            _ => false,
        }
    }

    /// Logs the skip (and, for a group, skips its children the same way).
    /// The message goes to the build log itself (no branch prefix), as Jenkins' logToTaskListener does.
    fn skip(
        &self,
        interp: &mut Interp,
        st: &Stage,
        path: &[String],
        parent_agent: Option<&Agent>,
        why: Skip,
        label: &str,
    ) -> Eval {
        self.host.build.log.line(&why.message(label));
        match &st.body {
            StageBody::Parallel(children) => {
                let _ = self.branches(interp, children.to_vec(), path, parent_agent, Some((why, None)), false);
            }
            StageBody::Matrix(m) => {
                let m = self.resolve_axes(interp, m).unwrap_or_else(|_| (**m).clone());
                let _ = self.branches(interp, matrix_cells(&m), path, parent_agent, Some((why, None)), false);
            }
            StageBody::Stages(children) => {
                let inherited = Some((why, Some(label.to_string())));
                let _ = self.sequential(interp, children, path, parent_agent, inherited);
            }
            StageBody::Steps(_) => {}
        }
        Ok(Value::Null)
    }

    /// Child stages as parallel branches named after them.
    fn branches(
        &self,
        interp: &mut Interp,
        children: Vec<Stage>,
        path: &[String],
        agent: Option<&Agent>,
        reason: Inherited,
        fail_fast: bool,
    ) -> Eval {
        let branches: Vec<(String, Branch)> = children
            .into_iter()
            .map(|child| {
                let name = child.name.clone();
                let path = path.to_vec();
                let reason = reason.clone();
                let f: Branch = Box::new(move |i: &mut Interp| self.stage(i, &child, &path, agent, reason, false));
                (name, f)
            })
            .collect();
        parallel_block(self.host, interp, branches, fail_fast).map(|_| Value::Null)
    }

    /// The matrix with axis values given as variables (`values osList`) evaluated; a list gives each item.
    fn resolve_axes(&self, interp: &mut Interp, m: &Matrix) -> Eval<Matrix> {
        let mut m = m.clone();
        for axis in &mut m.axes {
            for e in std::mem::take(&mut axis.dynamic) {
                match self.eval(interp, &e)? {
                    Value::List(l) => axis.values.extend(l.snapshot().iter().map(to_string)),
                    v => axis.values.push(to_string(&v)),
                }
            }
        }
        Ok(m)
    }

    /// Evaluates a stage's `when`. As in Jenkins, the stage's own `environment` is not applied yet (a
    /// matrix cell's axis values are).
    fn when_passes(&self, interp: &mut Interp, when: Option<&When>) -> Eval<bool> {
        let Some(w) = when else { return Ok(true) };
        for c in &w.conditions {
            if !self.cond(interp, c)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn cond(&self, interp: &mut Interp, c: &Cond) -> Eval<bool> {
        match c.call.name.as_str() {
            "not" => Ok(!self.cond(interp, &c.nested[0])?),
            "allOf" => {
                for n in &c.nested {
                    if !self.cond(interp, n)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            "anyOf" => {
                for n in &c.nested {
                    if self.cond(interp, n)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            "expression" => {
                let Some(body) = &c.call.body else { return Ok(false) };
                let closure = Interp::closure_of(body, &self.scope);
                let v = interp.call(&closure, Vec::new())?;
                Ok(crate::interp::ops::truthy(&v))
            }
            _ => {
                let mut named = Vec::new();
                for (k, e) in &c.call.named {
                    named.push((k.clone(), self.eval(interp, e)?));
                }
                let mut positional = Vec::new();
                for e in &c.call.positional {
                    positional.push(self.eval(interp, e)?);
                }
                let facts = &self.host.build.facts;
                let empty = match c.call.name.as_str() {
                    "changelog" => facts.messages.is_empty(),
                    "changeset" => facts.messages.is_empty() && facts.files.is_empty(),
                    _ => false,
                };
                if empty {
                    // Jenkins echoes this when the build has no change sets.
                    self.host.pipeline("echo");
                    self.host.output(interp, "Warning, empty changelog. Probably because this is the first build.");
                    return Ok(false);
                }
                let env = |name: &str| crate::steps::env_lookup(self.host, interp, name);
                when::check(&c.call.name, &named, &positional, &self.host.build.facts, &env)
            }
        }
    }
}

/// The id argument of a `credentials('id')` call.
fn credentials_id(e: &crate::syntax::ast::Expr) -> Option<&crate::syntax::ast::Expr> {
    use crate::syntax::ast::{Arg, ExprKind, MemberName};
    match &e.kind {
        ExprKind::MethodCall { object: None, name: MemberName::Name(n), args, .. } if n == "credentials" => {
            match args.as_slice() {
                [Arg::Positional(id)] => Some(id),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Every stage of the tree, parents before children.
fn all_stages(stages: &[Stage]) -> Box<dyn Iterator<Item = &Stage> + '_> {
    Box::new(stages.iter().flat_map(|s| {
        let children: Box<dyn Iterator<Item = &Stage>> = match &s.body {
            StageBody::Steps(_) => Box::new(std::iter::empty()),
            StageBody::Stages(v) | StageBody::Parallel(v) => all_stages(v),
            StageBody::Matrix(m) => all_stages(&m.stages),
        };
        std::iter::once(s).chain(children)
    }))
}

/// A matrix's cells as stages: each named after its axis values, with those values in its environment
/// and the matrix's own agent, when, options, tools, input and post.
pub fn matrix_cells(m: &Matrix) -> Vec<Stage> {
    m.cells()
        .into_iter()
        .map(|cell| {
            let span = m.stages.first().map(|s| s.span).unwrap_or_default();
            Stage {
                name: Matrix::cell_name(&cell),
                span,
                agent: m.agent.clone(),
                environment: m.environment.clone(),
                cell,
                tools: m.tools.clone(),
                options: m.options.clone(),
                input: m.input.clone(),
                when: m.when.clone(),
                post: m.post.clone(),
                fail_fast: false,
                body: StageBody::Stages(m.stages.clone()),
            }
        })
        .collect()
}
