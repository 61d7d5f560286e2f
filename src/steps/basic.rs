//! Steps with no body and no process: `echo`, `error`, `sleep`, `pwd`, `isUnix`.

use std::time::{Duration, Instant};

use super::{PipelineHost, Step, StepArgs};
use crate::interp::error::{aborted, step_failed, throw};
use crate::interp::ops::to_f64;
use crate::interp::{Eval, Interp, Value};

pub const ECHO: Step = Step { name: "echo", params: &["message"], block: false, run: echo };
pub const ERROR: Step = Step { name: "error", params: &["message"], block: false, run: error };
pub const SLEEP: Step = Step { name: "sleep", params: &["time", "unit"], block: false, run: sleep };
pub const PWD: Step = Step { name: "pwd", params: &["tmp"], block: false, run: pwd };
pub const IS_UNIX: Step = Step { name: "isUnix", params: &[], block: false, run: is_unix };

fn echo(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    host.pipeline("echo");
    let msg = args.str("message").unwrap_or_else(|| "null".into());
    host.output(interp, &msg);
    Ok(Value::Null)
}

fn error(host: &PipelineHost, _interp: &mut Interp, args: &StepArgs) -> Eval {
    host.pipeline("error");
    Err(step_failed(args.str("message").unwrap_or_default()))
}

/// A duration in milliseconds from `time` and a Java `TimeUnit` name.
pub fn millis(time: &Value, unit: Option<&str>) -> Eval<u64> {
    let t = to_f64(time).ok_or_else(|| throw("java.lang.IllegalArgumentException", "time must be a number"))?;
    let factor = match unit.unwrap_or("SECONDS") {
        "NANOSECONDS" => 1e-6,
        "MICROSECONDS" => 1e-3,
        "MILLISECONDS" => 1.0,
        "SECONDS" => 1e3,
        "MINUTES" => 60e3,
        "HOURS" => 3600e3,
        "DAYS" => 86400e3,
        other => {
            return Err(throw(
                "java.lang.IllegalArgumentException",
                format!("No enum constant java.util.concurrent.TimeUnit.{other}"),
            ))
        }
    };
    Ok((t * factor).max(0.0) as u64)
}

/// Jenkins' `Util.getTimeSpanString`: `1 sec`, `1.5 sec`, `2 min 5 sec`, `1 hr 0 min`, `50 ms`.
pub fn time_span(ms: u64) -> String {
    let (days, hours, minutes, seconds, rest) =
        (ms / 86_400_000, ms / 3_600_000 % 24, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    let num = |f: f64| {
        if f.fract() == 0.0 {
            format!("{}", f as u64)
        } else {
            format!("{f}")
        }
    };
    // As Jenkins: the smaller unit only follows a big one below 10.
    let pair = |big: u64, big_label: &str, small: u64, small_label: &str| {
        if big < 10 {
            format!("{big} {big_label} {small} {small_label}")
        } else {
            format!("{big} {big_label}")
        }
    };
    if days > 0 {
        pair(days, if days == 1 { "day" } else { "days" }, hours, "hr")
    } else if hours > 0 {
        pair(hours, "hr", minutes, "min")
    } else if minutes > 0 {
        pair(minutes, "min", seconds, "sec")
    } else if seconds >= 10 {
        format!("{seconds} sec")
    } else if seconds >= 1 {
        format!("{} sec", num(seconds as f64 + (rest / 100) as f64 / 10.0))
    } else if rest >= 100 {
        format!("{} sec", num((rest / 10) as f64 / 100.0))
    } else {
        format!("{rest} ms")
    }
}

fn sleep(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    host.pipeline("sleep");
    let ms = millis(args.get("time").unwrap_or(&Value::Int(0)), args.str("unit").as_deref())?;
    host.output(interp, &format!("Sleeping for {}", time_span(ms)));
    let end = Instant::now() + Duration::from_millis(ms);
    let cancel = interp.cancel.clone();
    let cancelled = interp.without_gil(|| {
        while Instant::now() < end {
            if cancel.is_cancelled() {
                return true;
            }
            std::thread::sleep((end - Instant::now()).min(Duration::from_millis(10)));
        }
        false
    });
    if cancelled {
        return Err(aborted(interp.cancel.reason()));
    }
    Ok(Value::Null)
}

fn pwd(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    host.pipeline("pwd");
    let ctx = PipelineHost::ctx(interp);
    if args.flag("tmp") {
        // Jenkins' temporary directory of a workspace: the sibling `<dir>@tmp` of the current directory.
        let cwd = super::files::resolve(&ctx.cwd, ".");
        return Ok(Value::string(format!("{}@tmp", cwd.display())));
    }
    Ok(Value::string(ctx.cwd.display().to_string()))
}

fn is_unix(host: &PipelineHost, _interp: &mut Interp, _args: &StepArgs) -> Eval {
    host.pipeline("isUnix");
    Ok(Value::Bool(cfg!(unix)))
}

#[cfg(test)]
mod tests {
    use super::time_span;

    #[test]
    fn time_spans_read_like_jenkins() {
        assert_eq!(time_span(1000), "1 sec");
        assert_eq!(time_span(1500), "1.5 sec");
        assert_eq!(time_span(15_000), "15 sec");
        assert_eq!(time_span(60_000), "1 min 0 sec");
        assert_eq!(time_span(120), "0.12 sec");
        assert_eq!(time_span(50), "50 ms");
    }
}
