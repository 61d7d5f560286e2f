//! `sh`: writes the script to a temporary file and runs it as `sh -xe FILE` (each command echoed with
//! `+ `, the first failure stops it), or directly when it starts with `#!`. Output streams into the log;
//! `returnStdout`/`returnStatus` change what the step returns.

use std::io::Write;

use super::files::Charset;
use super::{PipelineHost, Step, StepArgs};
use crate::exec::local::{self, Outcome, Spec};
use crate::interp::error::{aborted, step_failed, throw};
use crate::interp::{Eval, Interp, Value};

/// The parameters every script step takes.
const SCRIPT_PARAMS: &[&str] = &["script", "returnStdout", "returnStatus", "label", "encoding"];

pub const SH: Step = Step { name: "sh", params: SCRIPT_PARAMS, block: false, run: sh };

pub const PWSH: Step = Step { name: "pwsh", params: SCRIPT_PARAMS, block: false, run: pwsh };
pub const BAT: Step = Step { name: "bat", params: SCRIPT_PARAMS, block: false, run: bat };
pub const POWERSHELL: Step = Step { name: "powershell", params: SCRIPT_PARAMS, block: false, run: powershell };

fn windows_only(host: &PipelineHost, step: &str) -> Eval {
    host.pipeline(step);
    Err(crate::interp::error::step_failed(format!(
        "{step} needs a Windows agent and this machine is not Windows: use sh here (or pwsh, where PowerShell 7 \
         is installed)"
    )))
}

fn bat(host: &PipelineHost, _interp: &mut Interp, _args: &StepArgs) -> Eval {
    windows_only(host, "bat")
}

fn powershell(host: &PipelineHost, _interp: &mut Interp, _args: &StepArgs) -> Eval {
    windows_only(host, "powershell")
}

/// `pwsh`: PowerShell 7 on this machine, when it is installed.
fn pwsh(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    script_step(host, interp, args, "pwsh", ".ps1", |path| {
        ("pwsh".to_string(), vec!["-NoProfile".into(), "-NonInteractive".into(), "-File".into(), path.to_string()])
    })
}

fn sh(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    script_step(host, interp, args, "sh", ".sh", |path| ("sh".to_string(), vec!["-xe".to_string(), path.to_string()]))
}

/// A script step: the script goes to a temporary file that `command` runs (or, for sh, the file itself
/// when it starts with `#!`), with output streamed, secrets masked and the whole process group owned.
fn script_step(
    host: &PipelineHost,
    interp: &mut Interp,
    args: &StepArgs,
    step: &str,
    suffix: &str,
    command: impl Fn(&str) -> (String, Vec<String>),
) -> Eval {
    match args.str("label") {
        Some(label) => host.pipeline(&format!("{step} ({label})")),
        None => host.pipeline(step),
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
    let charset = Charset::named(args.str("encoding").as_deref(), false)?;
    let return_stdout = args.flag("returnStdout");
    let return_status = args.flag("returnStatus");
    let io_error = |what: &str, e: std::io::Error| throw("java.io.IOException", format!("{what}: {e}"));

    let tmp = host.build.layout.build_dir.join("tmp");
    std::fs::create_dir_all(&tmp).map_err(|e| io_error("cannot create the script directory", e))?;
    let mut file = tempfile::Builder::new()
        .prefix("script")
        .suffix(suffix)
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
    let (program, argv) = if step == "sh" && script.starts_with("#!") {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(file.path(), std::fs::Permissions::from_mode(0o700));
        (path.clone(), Vec::new())
    } else {
        command(&path)
    };
    let spec = Spec { program, args: argv, cwd: ctx.cwd.clone(), env: host.process_env(&ctx) };
    // Close our handle so a `#!` script can be executed (ETXTBSY otherwise); the path stays until dropped.
    let file = file.into_temp_path();

    let mut pending: Vec<u8> = Vec::new();
    // Output is written a whole line at a time (so a secret split across two reads is still masked).
    let mut emit = |data: &[u8]| {
        pending.extend_from_slice(data);
        if let Some(last_nl) = pending.iter().rposition(|b| *b == b'\n') {
            let lines = &pending[..=last_nl];
            // Checked first (fast); only invalid UTF-8 takes the replacing path.
            match (&charset, std::str::from_utf8(lines)) {
                (Charset::Utf8, Ok(text)) => host.output_raw(interp, text),
                _ => host.output_raw(interp, &charset.decode(lines)),
            }
            pending.drain(..=last_nl);
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
        host.output(interp, &charset.decode(&pending));
    }
    let (outcome, stdout) = run.map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => {
            crate::interp::error::step_failed(format!("{step} is not installed on this machine"))
        }
        _ => io_error(&format!("cannot start {step}"), e),
    })?;
    match outcome {
        Outcome::Cancelled => {
            host.output(interp, "Sending interrupt signal to process");
            // The shell ends on SIGTERM: 128 + 15, as Jenkins reports it.
            host.output(interp, "script returned exit code 143");
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
                return Ok(Value::string(charset.decode(&stdout)));
            }
            Ok(Value::Null)
        }
    }
}
