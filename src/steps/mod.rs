//! Pipeline steps: the registry the interpreter calls by name, the per-branch step context (working
//! directory, environment overrides, node, parallel branch), and the pipeline globals (`env`, `params`,
//! `currentBuild`).
//!
//! Not for: which machine a process runs on (`exec/`), or Groovy semantics (`interp/`).

mod basic;
mod block;
mod flow;
mod globals;
mod sh;

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
    ]
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
}

impl PipelineHost {
    pub fn new(build: Arc<Build>) -> PipelineHost {
        PipelineHost { build }
    }

    /// The step context of the evaluating branch.
    pub fn ctx(interp: &Interp) -> StepCtx {
        interp.ext_ref::<StepCtx>().cloned().unwrap_or_default()
    }

    /// A `[Pipeline] ...` line (never prefixed by a branch name, as in Jenkins).
    pub fn pipeline(&self, text: &str) {
        self.build.log.line(&format!("[Pipeline] {text}"));
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
        let prefix = interp.ext_ref::<StepCtx>().and_then(|c| c.branch.as_ref()).map(|b| format!("[{b}] "));
        self.build.log.write_prefixed(prefix.as_deref(), text);
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

impl Host for PipelineHost {
    fn call_step(&self, interp: &mut Interp, name: &str, args: Args, span: Span) -> Option<Eval> {
        let step = registry().iter().find(|s| s.name == name)?;
        Some(StepArgs::new(step, args, span).and_then(|a| (step.run)(self, interp, &a)))
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

/// A map argument's string entries (for `withEnv`-style lists too).
pub fn string_list(v: &Value) -> Vec<String> {
    crate::interp::ops::iter_values(v).iter().map(to_string).collect()
}
