//! `build job: 'NAME'`: runs another Jenkinsfile of the project as a downstream build in the same home
//! (its own job, numbers and record), with `parameters`, `wait` and `propagate`. The job's Jenkinsfile is
//! found beside the project's: `NAME.Jenkinsfile`, `NAME/Jenkinsfile`, `Jenkinsfile.NAME` or
//! `jenkinsfiles/NAME.Jenkinsfile`.

use std::path::PathBuf;
use std::sync::Arc;

use super::{PipelineHost, Step, StepArgs};
use crate::build::BuildResult;
use crate::interp::error::{step_failed, throw};
use crate::interp::text::to_string;
use crate::interp::{Eval, Interp, Value};

pub const BUILD: Step = Step {
    name: "build",
    params: &["job", "parameters", "wait", "propagate", "quietPeriod"],
    block: false,
    run: build,
};

/// The Jenkinsfile of job `name` beside the project.
fn find_job(project: &std::path::Path, name: &str) -> Option<PathBuf> {
    [
        project.join(format!("{name}.Jenkinsfile")),
        project.join(name).join("Jenkinsfile"),
        project.join(format!("Jenkinsfile.{name}")),
        project.join("jenkinsfiles").join(format!("{name}.Jenkinsfile")),
    ]
    .into_iter()
    .find(|p| p.is_file())
}

fn build(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    host.pipeline("build");
    let job = args.str("job").unwrap_or_default();
    let plain = !job.is_empty() && !job.split('/').any(|p| p.is_empty() || p == "." || p == "..");
    let b = &host.build;
    let Some(file) = find_job(&b.project, &job).filter(|_| plain) else {
        return Err(step_failed(format!(
            "No item named {job} found (jeeves looks for {job}.Jenkinsfile, {job}/Jenkinsfile, Jenkinsfile.{job} or \
             jenkinsfiles/{job}.Jenkinsfile in {})",
            b.project.display()
        )));
    };
    let mut params = Vec::new();
    for p in crate::interp::ops::iter_values(args.get("parameters").unwrap_or(&Value::Null)) {
        if let Value::Map(m) = p {
            let get = |k: &str| m.get(&Value::str(k)).filter(|v| !v.is_null()).map(|v| to_string(&v));
            if let Some(name) = get("name") {
                params.push(format!("{name}={}", get("value").or_else(|| get("defaultValue")).unwrap_or_default()));
            }
        }
    }
    let wait = args.get("wait").is_none_or(crate::interp::ops::truthy);
    let propagate = args.get("propagate").is_none_or(crate::interp::ops::truthy);
    host.output(interp, &format!("Scheduling project: {job}"));
    let exe = std::env::current_exe().map_err(|e| throw("java.io.IOException", format!("build: {e}")))?;
    let mut cmd = std::process::Command::new(exe);
    cmd.arg("run").arg(&file).arg("--home").arg(&b.layout.home).arg("--job").arg(&job);
    cmd.env(crate::runner::DOWNSTREAM, "1");
    for p in &params {
        cmd.arg("-a").arg(p);
    }
    // The downstream console goes to its own log, as in Jenkins; this build shows where it went.
    cmd.stdin(std::process::Stdio::null()).stdout(std::process::Stdio::null()).stderr(std::process::Stdio::piped());
    let child = cmd.spawn().map_err(|e| throw("java.io.IOException", format!("build: cannot start {job}: {e}")))?;
    if !wait {
        return Ok(Value::Null);
    }
    let out =
        interp.without_gil(|| child.wait_with_output()).map_err(|e| throw("java.io.IOException", e.to_string()))?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    // The child's last line: "jeeves: build #N of JOB finished RESULT in ...".
    let summary = stderr.lines().rev().find(|l| l.starts_with("jeeves: build #"));
    let number = summary
        .and_then(|l| l.strip_prefix("jeeves: build #"))
        .and_then(|l| l.split_whitespace().next())
        .and_then(|n| n.parse::<u32>().ok());
    let Some(number) = number else {
        let why = stderr.lines().find(|l| l.starts_with("jeeves run: ")).unwrap_or("it did not start");
        return Err(step_failed(format!("{job} could not be built: {why}")));
    };
    let result = BuildResult::from_exit(out.status.code().unwrap_or(2));
    host.output(interp, &format!("Starting building: {job} #{number}"));
    host.output(interp, &format!("Build {job} #{number} completed: {}", result.name()));
    if propagate && result != BuildResult::Success {
        if result == BuildResult::Unstable {
            super::result::mark(host, interp, BuildResult::Unstable, BuildResult::Unstable);
        } else {
            return Err(step_failed(format!(
                "{job} #{number} completed with status {} (propagate: false to ignore)",
                result.name()
            )));
        }
    }
    Ok(Value::Object(Arc::new(super::globals::OtherBuild::new(&b.layout.home, job, number, result))))
}
