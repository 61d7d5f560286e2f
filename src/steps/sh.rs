//! `sh`: writes the script to a temporary file and runs it as `sh -xe FILE` (each command echoed with
//! `+ `, the first failure stops it), or directly when it starts with `#!`. Output streams into the log;
//! `returnStdout`/`returnStatus` change what the step returns.

use std::io::Write;

use super::{PipelineHost, Step, StepArgs};
use crate::exec::local::{self, Outcome, Spec};
use crate::interp::error::{aborted, step_failed, throw};
use crate::interp::{Eval, Interp, Value};

pub const SH: Step = Step {
    name: "sh",
    params: &["script", "returnStdout", "returnStatus", "label", "encoding"],
    block: false,
    run: sh,
};

fn sh(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    match args.str("label") {
        Some(label) => host.pipeline(&format!("sh ({label})")),
        None => host.pipeline("sh"),
    }
    let ctx = PipelineHost::ctx(interp);
    if !ctx.in_node {
        return Err(throw(
            "org.jenkinsci.plugins.workflow.steps.MissingContextVariableException",
            "Required context class hudson.FilePath is missing\n\
             Perhaps you forgot to surround the code with a step that provides this, such as: node",
        ));
    }
    let script = args.str("script").unwrap_or_default();
    // A secret in the script text came through Groovy interpolation: Jenkins warns about that.
    let leaked = host.build.log.secrets_in(&script);
    if !leaked.is_empty() {
        host.output(
            interp,
            "Warning: A secret was passed to \"sh\" using Groovy String interpolation, which is insecure.",
        );
        host.output(
            interp,
            &format!("\t\t Affected argument(s) used the following variable(s): [{}]", leaked.join(", ")),
        );
        host.output(interp, "\t\t See https://jenkins.io/redirect/groovy-string-interpolation for details.");
    }
    let return_stdout = args.flag("returnStdout");
    let return_status = args.flag("returnStatus");
    let io_error = |what: &str, e: std::io::Error| throw("java.io.IOException", format!("{what}: {e}"));

    let tmp = host.build.layout.build_dir.join("tmp");
    std::fs::create_dir_all(&tmp).map_err(|e| io_error("cannot create the script directory", e))?;
    let mut file = tempfile::Builder::new()
        .prefix("script")
        .suffix(".sh")
        .tempfile_in(&tmp)
        .map_err(|e| io_error("cannot write the script", e))?;
    file.write_all(script.as_bytes()).map_err(|e| io_error("cannot write the script", e))?;
    let path = file.path().display().to_string();

    let ws = super::files::workspace_of(host, interp);
    if !ctx.cwd.exists()
        && (super::files::inside(&ctx.cwd, &ws) || super::files::inside(&ctx.cwd, &host.build.layout.home))
    {
        std::fs::create_dir_all(&ctx.cwd).map_err(|e| io_error("cannot create the working directory", e))?;
    }
    let (program, argv) = if script.starts_with("#!") {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(file.path(), std::fs::Permissions::from_mode(0o700));
        (path.clone(), Vec::new())
    } else {
        ("sh".to_string(), vec!["-xe".to_string(), path.clone()])
    };
    let spec = Spec { program, args: argv, cwd: ctx.cwd.clone(), env: host.process_env(&ctx) };
    // Close our handle so a `#!` script can be executed (ETXTBSY otherwise); the path stays until dropped.
    let file = file.into_temp_path();

    let mut pending: Vec<u8> = Vec::new();
    let mut emit = |data: &[u8]| {
        pending.extend_from_slice(data);
        if let Some(last_nl) = pending.iter().rposition(|b| *b == b'\n') {
            let lines: Vec<u8> = pending.drain(..=last_nl).collect();
            host.output_raw(interp, &String::from_utf8_lossy(&lines));
        }
    };
    let cancel = interp.cancel.clone();
    let shared = interp.shared.clone();
    // Other parallel branches evaluate while this one waits for its process.
    let build = &host.build;
    let started = |pgid: i32| build.track_process_group(pgid);
    let run = shared.gil.released(|| local::run(&spec, return_stdout, &mut emit, &|| cancel.is_cancelled(), &started));
    drop(file);
    if !pending.is_empty() {
        host.output(interp, &String::from_utf8_lossy(&pending));
    }
    let (outcome, stdout) = run.map_err(|e| io_error("cannot start sh", e))?;
    match outcome {
        Outcome::Cancelled => {
            host.output(interp, "Sending interrupt signal to process");
            Err(aborted(interp.cancel.reason()))
        }
        Outcome::Exited(code) => {
            if return_status {
                return Ok(Value::Int(code));
            }
            if code != 0 {
                return Err(step_failed(format!("script returned exit code {code}")));
            }
            if return_stdout {
                return Ok(Value::string(String::from_utf8_lossy(&stdout).into_owned()));
            }
            Ok(Value::Null)
        }
    }
}
