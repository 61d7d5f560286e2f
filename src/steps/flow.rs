//! Steps that shape control flow: `timeout`, `retry` and `parallel` (branches run at the same time, each
//! on its own thread with its own step context; failFast cancels the others).

use std::sync::mpsc;
use std::time::Duration;

use super::basic::{millis, time_span};
use super::{PipelineHost, Step, StepArgs, StepCtx};
use crate::interp::error::{aborted, throw};
use crate::interp::text::to_string;
use crate::interp::{Eval, Flow, Interp, Key, Signal, Value};

pub const TIMEOUT: Step = Step { name: "timeout", params: &["time", "unit", "activity"], block: true, run: timeout };
pub const RETRY: Step = Step { name: "retry", params: &["count", "conditions"], block: true, run: retry };
pub const PARALLEL: Step = Step { name: "parallel", params: &["branches"], block: false, run: parallel };

fn timeout(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    let unit = args.str("unit").unwrap_or_else(|| "MINUTES".into());
    let ms = millis(args.get("time").unwrap_or(&Value::Int(0)), Some(&unit))?;
    let body = body_of(args, "timeout")?;
    timeout_block(host, interp, ms, args.flag("activity"), |i| i.call(&body, Vec::new()))
}

/// When a `timeout(activity: true)` body last wrote a line of output.
pub struct Activity {
    start: std::time::Instant,
    /// Milliseconds after `start`.
    last: std::sync::atomic::AtomicU64,
}

impl Activity {
    pub fn touch(&self) {
        let now = self.start.elapsed().as_millis() as u64;
        self.last.fetch_max(now, std::sync::atomic::Ordering::Relaxed);
    }

    /// How long ago the last line was written.
    fn idle(&self) -> Duration {
        let last = self.last.load(std::sync::atomic::Ordering::Relaxed);
        self.start.elapsed().saturating_sub(Duration::from_millis(last))
    }
}

/// `timeout(time, activity: true) { body }`: cancelled when the body prints nothing for `ms`.
fn activity_timeout(host: &PipelineHost, interp: &mut Interp, ms: u64, body: impl FnOnce(&mut Interp) -> Eval) -> Eval {
    host.pipeline("timeout");
    host.output(interp, &format!("Timeout set to expire after {} without activity", time_span(ms)));
    let activity = std::sync::Arc::new(Activity { start: std::time::Instant::now(), last: 0.into() });
    let limit = Duration::from_millis(ms);
    let watch = |rx: mpsc::Receiver<()>| {
        let activity = activity.clone();
        move || loop {
            let wait = limit.saturating_sub(activity.idle());
            if wait.is_zero() {
                return true;
            }
            match rx.recv_timeout(wait) {
                Err(mpsc::RecvTimeoutError::Timeout) => continue,
                _ => return false,
            }
        }
    };
    let outer_ctx = PipelineHost::ctx(interp);
    let mut ctx = outer_ctx.clone();
    ctx.activity.push(activity.clone());
    interp.ext = Some(Box::new(ctx));
    let r = guarded(host, interp, watch, body);
    interp.ext = Some(Box::new(outer_ctx));
    r
}

fn body_of(args: &StepArgs, name: &str) -> Eval<std::sync::Arc<crate::interp::value::Closure>> {
    args.body.clone().ok_or_else(|| {
        throw("java.lang.IllegalStateException", format!("There is no body to invoke for the {name} step"))
    })
}

/// `timeout(time) { body }`: the body's steps are cancelled when the time runs out (with `activity`,
/// when the body has printed nothing for that long).
pub fn timeout_block(
    host: &PipelineHost,
    interp: &mut Interp,
    ms: u64,
    activity: bool,
    body: impl FnOnce(&mut Interp) -> Eval,
) -> Eval {
    if activity {
        return activity_timeout(host, interp, ms, body);
    }
    host.pipeline("timeout");
    host.output(interp, &format!("Timeout set to expire in {}", time_span(ms)));
    let watch = |rx: mpsc::Receiver<()>| {
        move || matches!(rx.recv_timeout(Duration::from_millis(ms)), Err(mpsc::RecvTimeoutError::Timeout))
    };
    guarded(host, interp, watch, body)
}

/// Runs `body` while a watcher thread (made by `watch` from the channel that says the body ended)
/// decides whether the time ran out; when it does, the body's steps are cancelled.
fn guarded<W>(
    host: &PipelineHost,
    interp: &mut Interp,
    watch: impl FnOnce(mpsc::Receiver<()>) -> W,
    body: impl FnOnce(&mut Interp) -> Eval,
) -> Eval
where
    W: FnOnce() -> bool + Send + 'static,
{
    let outer = interp.cancel.clone();
    let token = outer.child();
    let (done_tx, done_rx) = mpsc::channel::<()>();
    let expired = watch(done_rx);
    let watcher = {
        let token = token.clone();
        let build = host.build.clone();
        let prefix = PipelineHost::ctx(interp).branch.map(|b| format!("[{b}] "));
        std::thread::spawn(move || {
            if expired() {
                // Said when the time runs out, before the steps it stops report anything.
                build.log.line_prefixed(prefix.as_deref(), "Cancelling nested steps due to timeout");
                token.cancel(Some("Timeout has been exceeded".into()));
                true
            } else {
                false
            }
        })
    };
    interp.cancel = token.clone();
    let result = super::block::enter(host, interp, "timeout", None, |_| {}, body);
    interp.cancel = outer;
    let _ = done_tx.send(());
    let fired = watcher.join().unwrap_or(false);
    if fired {
        if let Err(Flow::Throw(t)) = &result {
            if t.signal == Signal::Aborted {
                return Err(aborted(Some("Timeout has been exceeded".into())));
            }
        }
    }
    result
}

fn retry(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    let count = args.get("count").and_then(crate::interp::ops::to_i64).unwrap_or(1).max(1);
    let body = body_of(args, "retry")?;
    retry_block(host, interp, count, |i| i.call(&body, Vec::new()))
}

/// `retry(count) { body }`: runs the body again after a failure, up to `count` times in all. Each attempt
/// is a block of its own; `// retry` closes the step once, as Jenkins prints it.
pub fn retry_block(
    host: &PipelineHost,
    interp: &mut Interp,
    count: i64,
    mut body: impl FnMut(&mut Interp) -> Eval,
) -> Eval {
    host.pipeline("retry");
    let mut attempt = 1;
    let result = loop {
        host.pipeline("{");
        let result = body(interp);
        host.pipeline("}");
        // Anything is retried except an interruption of the retry itself (an abort, an outer timeout or
        // failFast): a timeout inside the body that fired is a failure like any other, as in Jenkins.
        match result {
            Err(Flow::Throw(t)) if attempt < count && !interp.cancel.is_cancelled() => {
                match t.signal {
                    Signal::StepFailed => {
                        host.output(interp, &format!("ERROR: {}", t.message.clone().unwrap_or_default()))
                    }
                    Signal::Aborted => host.output(interp, &t.message.clone().unwrap_or_default()),
                    Signal::Exception => host.output(interp, &format!("ERROR: {}", t.to_text())),
                }
                host.output(interp, "Retrying");
                attempt += 1;
            }
            other => break other,
        }
    };
    host.pipeline("// retry");
    result
}

fn parallel(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    let mut fail_fast = false;
    let mut branches = Vec::new();
    let source: Vec<(String, Value)> = match args.get("branches") {
        Some(Value::Map(m)) => m.pairs().into_iter().map(|(k, v)| (to_string(&k), v)).collect(),
        _ => args.values.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
    };
    for (name, v) in source {
        if name == "failFast" {
            fail_fast = crate::interp::ops::truthy(&v);
            continue;
        }
        match v {
            Value::Closure(c) => branches.push((name, c)),
            other => {
                return Err(throw(
                    "java.lang.IllegalArgumentException",
                    format!("Expected a closure for parallel branch {name} but got {}", other.class_name()),
                ))
            }
        }
    }
    let bodies: Vec<(String, Branch)> = branches
        .into_iter()
        .map(|(name, body)| {
            let f: Branch = Box::new(move |i: &mut Interp| i.call(&body, Vec::new()));
            (name, f)
        })
        .collect();
    parallel_block(host, interp, bodies, fail_fast)
}

/// The `parallel` step with branches the caller built: the branches' values by name, or the first
/// real failure (one that is not just an abort the failure caused).
pub fn parallel_block(
    host: &PipelineHost,
    interp: &mut Interp,
    bodies: Vec<(String, Branch)>,
    fail_fast: bool,
) -> Eval {
    host.pipeline("parallel");
    let results = parallel_branches(host, interp, bodies, fail_fast);
    let mut out = indexmap::IndexMap::new();
    let mut first_error: Option<Flow> = None;
    for (name, r) in results {
        match r {
            Ok(v) => {
                out.insert(Key::str(&name), v);
            }
            Err(e) => {
                let replace = match (&first_error, &e) {
                    (None, _) => true,
                    // A real failure explains more than the aborts it caused.
                    (Some(Flow::Throw(prev)), Flow::Throw(t)) => {
                        prev.signal == Signal::Aborted && t.signal != Signal::Aborted
                    }
                    _ => false,
                };
                if replace {
                    first_error = Some(e);
                }
            }
        }
    }
    host.pipeline("// parallel");
    match first_error {
        Some(e) => Err(e),
        None => Ok(Value::map(out)),
    }
}

/// A parallel branch's body, run on its own thread.
pub type Branch<'a> = Box<dyn FnOnce(&mut Interp) -> Eval + Send + 'a>;

/// Runs the branches at the same time (each on its own thread and interpreter, taking turns with the GIL),
/// after printing their `{ (Branch: NAME)` lines; with `fail_fast` the first failure cancels the others.
/// Returns each branch's outcome in the order given.
pub fn parallel_branches(
    host: &PipelineHost,
    interp: &mut Interp,
    branches: Vec<(String, Branch<'_>)>,
    fail_fast: bool,
) -> Vec<(String, Eval)> {
    for (name, _) in &branches {
        host.pipeline(&format!("{{ (Branch: {name})"));
    }
    let group = interp.cancel.child();
    let base = PipelineHost::ctx(interp);
    let shared = interp.shared.clone();
    // The branches take turns with the GIL; this thread gives it up until they are done.
    shared.gil.released(|| {
        std::thread::scope(|s| {
            let mut handles = Vec::new();
            for (name, body) in branches {
                let ctx = StepCtx { branch: Some(name.clone()), ..base.clone() };
                let mut child = interp.fork(Some(Box::new(ctx)), group.child());
                let group = group.clone();
                let branch_name = name.clone();
                let log = &host.build.log;
                let handle =
                    std::thread::Builder::new().stack_size(crate::runner::STACK_SIZE).spawn_scoped(s, move || {
                        let r = child.on_branch(body);
                        // As in Jenkins: the branch's block closes, then the parallel step says it failed.
                        log.line("[Pipeline] }");
                        if r.is_err() {
                            log.line(&format!("Failed in branch {branch_name}"));
                            if fail_fast {
                                group.cancel(Some(format!("Failed in branch {branch_name}")));
                            }
                        }
                        r
                    });
                handles.push((name, handle));
            }
            handles
                .into_iter()
                .map(|(name, h)| {
                    let r = match h {
                        Ok(h) => h.join().unwrap_or_else(|_| Err(throw("java.lang.Error", "parallel branch panicked"))),
                        Err(e) => Err(throw("java.lang.Error", format!("cannot start a thread: {e}"))),
                    };
                    (name, r)
                })
                .collect()
        })
    })
}
