//! Steps that run a body in a changed context: `node`, `stage`, `dir`, `withEnv`.

use super::{string_list, PipelineHost, Step, StepArgs, StepCtx};
use crate::interp::error::throw;
use crate::interp::{Eval, Interp, Value};

pub const NODE: Step = Step { name: "node", params: &["label"], block: true, run: node };
pub const STAGE: Step = Step { name: "stage", params: &["name", "concurrency"], block: true, run: stage };
pub const DIR: Step = Step { name: "dir", params: &["path"], block: true, run: dir };
pub const WS: Step = Step { name: "ws", params: &["dir"], block: true, run: ws };
pub const SCRIPT: Step = Step { name: "script", params: &[], block: true, run: script };
pub const WITH_ENV: Step = Step { name: "withEnv", params: &["overrides"], block: true, run: with_env };

/// Prints `[Pipeline] {` (with a label), runs the body with the context `change` made, prints the closing
/// lines, and restores the context.
pub fn run_body(
    host: &PipelineHost,
    interp: &mut Interp,
    name: &str,
    label: Option<&str>,
    args: &StepArgs,
    change: impl FnOnce(&mut StepCtx),
) -> Eval {
    let Some(body) = args.body.clone() else {
        return Err(throw(
            "java.lang.IllegalStateException",
            format!("There is no body to invoke for the {name} step"),
        ));
    };
    enter(host, interp, name, label, change, |i| i.call(&body, Vec::new()))
}

/// The frame of every block step: `[Pipeline] {` (with a label), the body in a changed context,
/// `[Pipeline] }` and `[Pipeline] // NAME`. The body may be Groovy or the declarative runner's own code.
pub fn enter(
    host: &PipelineHost,
    interp: &mut Interp,
    name: &str,
    label: Option<&str>,
    change: impl FnOnce(&mut StepCtx),
    body: impl FnOnce(&mut Interp) -> Eval,
) -> Eval {
    match label {
        Some(l) => host.pipeline(&format!("{{ ({l})")),
        None => host.pipeline("{"),
    }
    let saved = PipelineHost::ctx(interp);
    let mut ctx = saved.clone();
    change(&mut ctx);
    interp.ext = Some(Box::new(ctx));
    let result = body(interp);
    interp.ext = Some(Box::new(saved));
    host.pipeline("}");
    host.pipeline(&format!("// {name}"));
    result
}

/// A declarative `environment`: its variables, and those of them that hold credentials (masked).
#[derive(Default)]
pub struct EnvPairs {
    pub pairs: Vec<(String, String)>,
    pub masked: Vec<String>,
}

impl EnvPairs {
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }
}

impl From<Vec<(String, String)>> for EnvPairs {
    fn from(pairs: Vec<(String, String)>) -> EnvPairs {
        EnvPairs { pairs, masked: Vec::new() }
    }
}

/// `withEnv(pairs) { body }` for the declarative runner; credentials from `credentials()` are bound in
/// a `withCredentials` block around it, as Jenkins does.
pub fn with_env_block(
    host: &PipelineHost,
    interp: &mut Interp,
    env: impl Into<EnvPairs>,
    body: impl FnOnce(&mut Interp) -> Eval,
) -> Eval {
    let EnvPairs { pairs, masked } = env.into();
    let with_env = |i: &mut Interp| {
        host.pipeline("withEnv");
        enter(host, i, "withEnv", None, |ctx| ctx.env.extend(pairs), body)
    };
    if masked.is_empty() {
        return with_env(interp);
    }
    host.pipeline("withCredentials");
    let names: Vec<String> = masked.iter().map(|n| format!("${n}")).collect();
    host.output(interp, &format!("Masking supported pattern matches of {}", names.join(" or ")));
    enter(host, interp, "withCredentials", None, |_| {}, with_env)
}

fn node(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    host.pipeline("node");
    let ws = host.build.layout.workspace.clone();
    host.output(interp, &format!("Running on jeeves in {}", ws.display()));
    run_body(host, interp, "node", None, args, |ctx| {
        ctx.cwd = ws;
        ctx.in_node = true;
    })
}

fn stage(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    host.pipeline("stage");
    let name = args.str("name").unwrap_or_default();
    if args.body.is_none() {
        // The old form, `stage 'Build'`, marks where a stage starts; Jenkins still runs it.
        host.output(interp, "Using the \u{2018}stage\u{2019} step without a block argument is deprecated");
        host.output(interp, &format!("Entering stage {name}"));
        host.output(interp, "Proceeding");
        return Ok(Value::Null);
    }
    let clock = host.build.stage_clock(PipelineHost::ctx(interp).branch);
    let Some(body) = args.body.clone() else { unreachable!("checked above") };
    let result = stage_frame(host, interp, &name, |i| i.call(&body, Vec::new()));
    let status = match &result {
        Ok(_) => "SUCCESS",
        Err(crate::interp::Flow::Throw(t)) if t.signal == crate::interp::Signal::Aborted => "ABORTED",
        Err(_) => "FAILURE",
    };
    host.build.record_stage(&name, status, &clock);
    result
}

/// The inside of a `stage` step (after its `[Pipeline] stage` line): `{ (NAME)`, STAGE_NAME set.
pub fn stage_frame(
    host: &PipelineHost,
    interp: &mut Interp,
    name: &str,
    body: impl FnOnce(&mut Interp) -> Eval,
) -> Eval {
    enter(host, interp, "stage", Some(name), |ctx| ctx.env.push(("STAGE_NAME".into(), name.to_string())), body)
}

/// `script { }`: scripted Groovy inside declarative `steps`.
fn script(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    host.pipeline("script");
    run_body(host, interp, "script", None, args, |_| {})
}

fn dir(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    host.pipeline("dir");
    let path = args.str("path").unwrap_or_default();
    let base = PipelineHost::ctx(interp).cwd;
    let target = super::files::resolve(&base, &path);
    host.output(interp, &format!("Running in {}", target.display()));
    run_body(host, interp, "dir", None, args, |ctx| ctx.cwd = target)
}

fn with_env(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    host.pipeline("withEnv");
    let mut pairs = Vec::new();
    for item in string_list(args.get("overrides").unwrap_or(&Value::Null)) {
        match item.split_once('=') {
            Some((k, v)) => pairs.push((k.to_string(), v.to_string())),
            None => {
                return Err(throw(
                    "java.lang.IllegalArgumentException",
                    format!("withEnv: expected NAME=VALUE but got '{item}'"),
                ))
            }
        }
    }
    run_body(host, interp, "withEnv", None, args, |ctx| ctx.env.extend(pairs))
}

fn ws(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    let dir = args.str("dir").unwrap_or_default();
    let Some(body) = args.body.clone() else {
        return Err(throw("java.lang.IllegalStateException", "There is no body to invoke for the ws step"));
    };
    ws_block(host, interp, &dir, |i| i.call(&body, Vec::new()))
}

/// `ws(dir) { }` and `customWorkspace`: the body runs in another workspace. Jenkins resolves it against
/// the node's workspace root; here that is the home's `workspace/` directory, and it must stay inside.
pub fn ws_block(host: &PipelineHost, interp: &mut Interp, dir: &str, body: impl FnOnce(&mut Interp) -> Eval) -> Eval {
    let root = host.build.layout.home.join("workspace");
    let target = super::files::resolve(&root, dir.trim_start_matches('/'));
    if !target.starts_with(&root) || target == root {
        return Err(crate::interp::error::step_failed(format!(
            "workspace '{dir}' leads outside {}; jeeves keeps workspaces there",
            root.display()
        )));
    }
    host.pipeline("ws");
    host.output(interp, &format!("Running in {}", target.display()));
    std::fs::create_dir_all(&target).map_err(|e| {
        crate::interp::error::step_failed(format!("cannot create the workspace {}: {e}", target.display()))
    })?;
    let workspace = target.display().to_string();
    let change = |ctx: &mut StepCtx| {
        ctx.cwd = target.clone();
        ctx.workspace = Some(target.clone());
        ctx.env.push(("WORKSPACE".into(), workspace));
    };
    enter(host, interp, "ws", None, change, body)
}
