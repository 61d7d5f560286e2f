//! Steps that change a result without ending the build: `unstable`, `catchError`, `warnError`.

use super::{PipelineHost, Step, StepArgs};
use crate::build::BuildResult;
use crate::interp::error::throw;
use crate::interp::{Eval, Flow, Interp, Signal, Value};

pub const UNSTABLE: Step = Step { name: "unstable", params: &["message"], block: false, run: unstable };
pub const CATCH_ERROR: Step = Step {
    name: "catchError",
    params: &["buildResult", "stageResult", "message", "catchInterruptions"],
    block: true,
    run: catch_error,
};
pub const WARN_ERROR: Step =
    Step { name: "warnError", params: &["message", "catchInterruptions"], block: true, run: warn_error };

fn unstable(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    host.pipeline("unstable");
    let msg = args.str("message").unwrap_or_default();
    host.output(interp, &format!("WARNING: {msg}"));
    mark(host, interp, BuildResult::Unstable, BuildResult::Unstable);
    Ok(Value::Null)
}

/// Worsens the build's result and the enclosing stage's.
pub fn mark(host: &PipelineHost, interp: &Interp, build: BuildResult, stage: BuildResult) {
    host.build.worsen(build);
    if let Some(s) = PipelineHost::ctx(interp).stage {
        s.worsen(stage);
    }
}

fn result_arg(args: &StepArgs, name: &str, default: BuildResult) -> Eval<BuildResult> {
    match args.str(name) {
        None => Ok(default),
        Some(s) => BuildResult::parse(&s).ok_or_else(|| {
            throw("java.lang.IllegalArgumentException", format!("No enum constant hudson.model.Result.{s}"))
        }),
    }
}

fn catch_error(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    let build = result_arg(args, "buildResult", BuildResult::Failure)?;
    let stage = result_arg(args, "stageResult", BuildResult::Success)?;
    guarded(host, interp, args, "catchError", build, stage)
}

fn warn_error(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    if args.str("message").is_none() {
        return Err(throw("java.lang.IllegalArgumentException", "warnError: message is required"));
    }
    guarded(host, interp, args, "warnError", BuildResult::Unstable, BuildResult::Unstable)
}

/// Runs the body; a failure is reported (inside the step's block, as Jenkins prints it) and turned into
/// the given results instead of ending the build.
fn guarded(
    host: &PipelineHost,
    interp: &mut Interp,
    args: &StepArgs,
    name: &str,
    build: BuildResult,
    stage: BuildResult,
) -> Eval {
    host.pipeline(name);
    let catch_interruptions = args.get("catchInterruptions").is_none_or(crate::interp::ops::truthy);
    let Some(body) = args.body.clone() else {
        return Err(throw(
            "java.lang.IllegalStateException",
            format!("There is no body to invoke for the {name} step"),
        ));
    };
    let message = args.str("message");
    super::block::enter(
        host,
        interp,
        name,
        None,
        |_| {},
        |i| match i.call(&body, Vec::new()) {
            Err(Flow::Throw(t)) if t.signal != Signal::Aborted || catch_interruptions => {
                if let Some(m) = &message {
                    host.output(i, &format!("ERROR: {m}"));
                }
                match t.signal {
                    Signal::StepFailed => host.output(i, &format!("ERROR: {}", t.message.clone().unwrap_or_default())),
                    Signal::Aborted => host.output(i, &t.message.clone().unwrap_or_else(|| "Aborted".into())),
                    Signal::Exception => host.output(i, &t.to_text()),
                }
                let (build, stage) = if t.signal == Signal::Aborted {
                    (BuildResult::Aborted, BuildResult::Aborted)
                } else {
                    (build, stage)
                };
                mark(host, i, build, stage);
                Ok(Value::Null)
            }
            other => other,
        },
    )
}
