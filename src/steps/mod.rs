//! Pipeline steps: the registry the interpreter calls by name, the per-branch step context (working
//! directory, environment overrides, node, parallel branch), and the pipeline globals (`env`, `params`,
//! `currentBuild`).
//!
//! Not for: which machine a process runs on (`exec/`), or Groovy semantics (`interp/`).

mod artifacts;
pub mod basic;
pub mod block;
pub mod credentials;
mod downstream;
pub mod files;
pub mod fileset;
pub mod flow;
pub mod globals;
pub mod input;
mod junit;
mod load;
pub mod result;
pub mod scm;
mod sh;
mod utility;
mod zip;

use std::path::PathBuf;
use std::sync::Arc;

use crate::build::Build;
use crate::interp::error::throw;
use crate::interp::text::to_string;
use crate::interp::value::Closure;
use crate::interp::{Args, Eval, Host, Interp, Value};
use crate::syntax::ast::Span;

/// A step: its name, the parameters it takes (the first is the one a lone positional argument fills),
/// and what it does.
pub struct Step {
    pub name: &'static str,
    pub params: &'static [&'static str],
    /// Takes a closure body.
    pub block: bool,
    pub run: fn(&PipelineHost, &mut Interp, &StepArgs) -> Eval,
}

/// Every step jeeves knows.
pub fn registry() -> &'static [Step] {
    &[
        basic::ECHO,
        basic::ERROR,
        basic::SLEEP,
        basic::PWD,
        basic::IS_UNIX,
        block::NODE,
        block::STAGE,
        block::DIR,
        block::WITH_ENV,
        flow::TIMEOUT,
        flow::RETRY,
        flow::PARALLEL,
        sh::SH,
        sh::PWSH,
        sh::BAT,
        sh::POWERSHELL,
        block::SCRIPT,
        block::WS,
        result::UNSTABLE,
        result::CATCH_ERROR,
        result::WARN_ERROR,
        files::WRITE_FILE,
        files::READ_FILE,
        files::FILE_EXISTS,
        files::DELETE_DIR,
        files::CLEAN_WS,
        scm::CHECKOUT,
        scm::GIT,
        scm::SCM_GIT,
        utility::READ_JSON,
        utility::WRITE_JSON,
        utility::READ_YAML,
        utility::WRITE_YAML,
        utility::READ_PROPERTIES,
        utility::FIND_FILES,
        utility::TOUCH,
        utility::SHA256,
        utility::SHA1,
        utility::MD5,
        utility::WAIT_UNTIL,
        artifacts::ARCHIVE_ARTIFACTS,
        artifacts::STASH,
        artifacts::UNSTASH,
        artifacts::FINGERPRINT,
        input::INPUT,
        input::STRING,
        input::TEXT,
        input::BOOLEAN_PARAM,
        input::CHOICE,
        input::PASSWORD,
        credentials::WITH_CREDENTIALS,
        credentials::USERNAME_PASSWORD,
        credentials::USERNAME_COLON_PASSWORD,
        credentials::FILE,
        credentials::SSH_USER_PRIVATE_KEY,
        credentials::CERTIFICATE,
        CREDENTIALS,
        junit::JUNIT,
        downstream::BUILD,
        load::LOAD,
        zip::ZIP,
        zip::UNZIP,
        PIPELINE,
    ]
}

/// `pipeline { }`: a declarative pipeline, run by `pipeline::run` with the script's closures.
pub const PIPELINE: Step = Step { name: "pipeline", params: &[], block: true, run: pipeline };

fn pipeline(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    let Some(body) = &args.body else {
        return Err(throw("java.lang.IllegalArgumentException", "pipeline needs a block"));
    };
    let crate::interp::value::ClosureKind::Code { def, scope, .. } = &body.kind else {
        return Err(throw("java.lang.IllegalArgumentException", "pipeline needs a block"));
    };
    let model = match &host.model {
        Some(m) if m.span == args.span => m.clone(),
        // A `pipeline { }` the runner did not see (called from a method, say) is read here.
        _ => {
            let source = interp.shared.source.clone();
            Arc::new(crate::pipeline::build(args.span, def, &source).map_err(|errors| {
                let text: Vec<String> = errors.iter().map(|e| e.message.clone()).collect();
                throw("org.codehaus.groovy.control.MultipleCompilationErrorsException", text.join("\n"))
            })?)
        }
    };
    let runner = crate::pipeline::run::Runner { host, p: &model, scope: scope.child(), settings: &host.settings };
    runner.run(interp)
}

/// `credentials('id')` outside a declarative `environment` (where the runner binds it itself).
pub const CREDENTIALS: Step = Step { name: "credentials", params: &["id"], block: false, run: credentials_elsewhere };

fn credentials_elsewhere(_: &PipelineHost, _: &mut Interp, _: &StepArgs) -> Eval {
    Err(crate::interp::error::step_failed(
        "credentials() can only be used in a declarative environment { } block; use withCredentials elsewhere",
    ))
}

/// State that differs between parallel branches.
#[derive(Clone, Default)]
pub struct StepCtx {
    pub cwd: PathBuf,
    /// `withEnv` and stage variables, later entries win.
    pub env: Vec<(String, String)>,
    /// Inside `node { }`.
    pub in_node: bool,
    /// The parallel branch whose output lines get a `[name] ` prefix.
    pub branch: Option<String>,
    /// The enclosing declarative stage's own result (`unstable`, `catchError(stageResult:)` mark it).
    pub stage: Option<Arc<StageMark>>,
    /// A custom workspace (`customWorkspace`), when the build runs in one instead of the job's.
    pub workspace: Option<PathBuf>,
    /// `timeout(activity: true)` blocks around this code: each line of output marks them active.
    pub activity: Vec<Arc<flow::Activity>>,
}

/// A stage's result as its steps mark it (SUCCESS until something makes it worse).
pub struct StageMark(parking_lot::Mutex<crate::build::BuildResult>);

impl Default for StageMark {
    fn default() -> StageMark {
        StageMark(parking_lot::Mutex::new(crate::build::BuildResult::Success))
    }
}

impl StageMark {
    pub fn worsen(&self, r: crate::build::BuildResult) {
        let mut cur = self.0.lock();
        if r > *cur {
            *cur = r;
        }
    }

    pub fn get(&self) -> crate::build::BuildResult {
        *self.0.lock()
    }
}

/// A step call's arguments by parameter name, and its body.
pub struct StepArgs {
    pub values: indexmap::IndexMap<String, Value>,
    pub body: Option<Arc<Closure>>,
    pub span: Span,
}

impl StepArgs {
    fn new(step: &Step, args: Args, span: Span) -> Eval<StepArgs> {
        let mut values = indexmap::IndexMap::new();
        let mut positional = args.positional;
        let body = if step.block {
            match positional.last() {
                Some(Value::Closure(c)) => {
                    let c = c.clone();
                    positional.pop();
                    Some(c)
                }
                _ => None,
            }
        } else {
            None
        };
        if let Some(named) = args.named {
            for (k, v) in named {
                values.insert(to_string(&k.0), v);
            }
        }
        match positional.len() {
            0 => {}
            1 => {
                let Some(first) = step.params.first() else {
                    return Err(throw(
                        "java.lang.IllegalArgumentException",
                        format!("{} takes no positional argument", step.name),
                    ));
                };
                // `step([a: 1])` passes the named map positionally.
                match (&positional[0], values.is_empty()) {
                    (Value::Map(m), true) if step.name != "parallel" || m.is_empty() => {
                        for (k, v) in m.snapshot() {
                            values.insert(to_string(&k.0), v);
                        }
                    }
                    _ => {
                        values.insert(first.to_string(), positional.remove(0));
                    }
                }
            }
            _ => {
                return Err(throw(
                    "java.lang.IllegalArgumentException",
                    format!("Expected named arguments but got {}", to_string(&Value::list(positional))),
                ))
            }
        }
        Ok(StepArgs { values, body, span })
    }

    pub fn get(&self, name: &str) -> Option<&Value> {
        self.values.get(name)
    }

    pub fn str(&self, name: &str) -> Option<String> {
        self.values.get(name).filter(|v| !v.is_null()).map(to_string)
    }

    pub fn flag(&self, name: &str) -> bool {
        self.values.get(name).is_some_and(crate::interp::ops::truthy)
    }
}

/// The interpreter's host for a pipeline run.
pub struct PipelineHost {
    pub build: Arc<Build>,
    /// Declarative settings (selected stages, tool installs).
    pub settings: crate::pipeline::run::Settings,
    /// The top-level declarative pipeline, already read and validated by the runner.
    pub model: Option<Arc<crate::pipeline::Pipeline>>,
}

impl PipelineHost {
    pub fn new(build: Arc<Build>) -> PipelineHost {
        PipelineHost { build, settings: Default::default(), model: None }
    }

    /// The step context of the evaluating branch.
    pub fn ctx(interp: &Interp) -> StepCtx {
        interp.ext_ref::<StepCtx>().cloned().unwrap_or_default()
    }

    /// A `[Pipeline] ...` line (never prefixed by a branch name, as in Jenkins).
    pub fn pipeline(&self, text: &str) {
        self.build.log.line(&format!("[Pipeline] {text}"));
        // Jenkins prints the interpolation warning right after the step's own line.
        self.flush_pending();
    }

    /// A line of step output (a newline is added), prefixed with the parallel branch name.
    pub fn output(&self, interp: &Interp, text: &str) {
        let mut t = String::with_capacity(text.len() + 1);
        t.push_str(text);
        t.push('\n');
        self.output_raw(interp, &t);
    }

    /// Step output as it is: `print` can leave a line open.
    pub fn output_raw(&self, interp: &Interp, text: &str) {
        let ctx = interp.ext_ref::<StepCtx>();
        let prefix = ctx.and_then(|c| c.branch.as_ref()).map(|b| format!("[{b}] "));
        self.build.log.write_prefixed(prefix.as_deref(), text);
        for a in ctx.map(|c| c.activity.as_slice()).unwrap_or_default() {
            a.touch();
        }
    }

    /// The environment a process started by a step sees.
    pub fn process_env(&self, ctx: &StepCtx) -> Vec<(String, String)> {
        let mut env: indexmap::IndexMap<String, String> = std::env::vars().collect();
        for (k, v) in self.build.base_env() {
            env.insert(k, v);
        }
        for (k, v) in self.build.env.lock().iter() {
            env.insert(k.clone(), v.clone());
        }
        for (k, v) in &ctx.env {
            env.insert(k.clone(), v.clone());
        }
        env.into_iter().collect()
    }
}

impl PipelineHost {
    /// PATH as a process started now would see it.
    pub fn process_path(host: &PipelineHost, interp: &Interp) -> String {
        let ctx = PipelineHost::ctx(interp);
        host.process_env(&ctx).into_iter().rev().find(|(k, _)| k == "PATH").map(|(_, v)| v).unwrap_or_default()
    }
}

/// An environment variable as `env.NAME` reads it in the evaluating branch.
pub fn env_lookup(host: &PipelineHost, interp: &Interp, name: &str) -> Option<String> {
    globals::env_value(host, interp, name)
}

/// Jenkins steps (and credential bindings) that a later version of jeeves runs; calling one now says so,
/// instead of Jenkins' "No such DSL method" that would blame the Jenkinsfile.
const NOT_YET: [&str; 1] = ["archive"];

impl Host for PipelineHost {
    fn call_step(&self, interp: &mut Interp, name: &str, args: Args, span: Span) -> Option<Eval> {
        let Some(step) = registry().iter().find(|s| s.name == name) else {
            if NOT_YET.contains(&name) {
                return Some(Err(crate::interp::error::step_failed(format!(
                    "jeeves does not run the `{name}` step: it is deprecated in Jenkins; use archiveArtifacts"
                ))));
            }
            return None;
        };
        let warning = self.interpolation_warning(interp, name, &args);
        let has_warning = warning.is_some();
        if has_warning {
            PENDING.with(|p| *p.borrow_mut() = warning);
        }
        let r = StepArgs::new(step, args, span).and_then(|a| (step.run)(self, interp, &a));
        if has_warning {
            self.flush_pending();
        }
        Some(r)
    }

    fn global(&self, interp: &Interp, name: &str) -> Option<Value> {
        globals::global(self, interp, name)
    }

    fn print(&self, interp: &Interp, text: &str) {
        self.output_raw(interp, text);
    }

    fn step_names(&self) -> Vec<String> {
        registry().iter().map(|s| s.name.to_string()).collect()
    }
}

impl PipelineHost {
    /// Jenkins' warning when a bound secret reaches a step through Groovy string interpolation: the
    /// values interpolated into a GString argument (not its literal text) are checked.
    fn interpolation_warning(&self, interp: &Interp, step: &str, args: &Args) -> Option<(Option<String>, String)> {
        if !self.build.log.has_secrets() {
            return None;
        }
        let mut leaked: Vec<String> = Vec::new();
        let named = args.named.iter().flat_map(|m| m.values());
        for v in args.positional.iter().chain(named) {
            let Value::GString(g) = v else { continue };
            for part in &g.parts {
                if let crate::interp::value::GPart::Value(x) = part {
                    leaked.extend(self.build.log.secrets_in(&to_string(x)));
                }
            }
        }
        if leaked.is_empty() {
            return None;
        }
        leaked.sort();
        leaked.dedup();
        let text = format!(
            "Warning: A secret was passed to \"{step}\" using Groovy String interpolation, which is insecure.\n\
             \t\t Affected argument(s) used the following variable(s): [{}]\n\
             \t\t See https://jenkins.io/redirect/groovy-string-interpolation for details.",
            leaked.join(", ")
        );
        let prefix = interp.ext_ref::<StepCtx>().and_then(|c| c.branch.as_ref()).map(|b| format!("[{b}] "));
        Some((prefix, text))
    }

    /// Prints the interpolation warning waiting for the step's `[Pipeline]` line, if any.
    fn flush_pending(&self) {
        if let Some((prefix, text)) = PENDING.with(|p| p.borrow_mut().take()) {
            for line in text.lines() {
                self.build.log.line_prefixed(prefix.as_deref(), line);
            }
        }
    }
}

thread_local! {
    /// The interpolation warning of the step being called on this thread: (branch prefix, text).
    static PENDING: std::cell::RefCell<Option<(Option<String>, String)>> = const { std::cell::RefCell::new(None) };
}

/// A map argument's string entries (for `withEnv`-style lists too).
pub fn string_list(v: &Value) -> Vec<String> {
    crate::interp::ops::iter_values(v).iter().map(to_string).collect()
}
