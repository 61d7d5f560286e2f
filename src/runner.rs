//! Runs a Jenkinsfile end to end: read and parse it, create the build (number, log, workspace), evaluate
//! it with the pipeline steps, print the closing lines Jenkins prints, and keep the record.
//!
//! Not for: flag parsing (`cli/run.rs`) or what individual steps do (`steps/`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use indexmap::IndexMap;

use crate::build::{Build, BuildResult, Layout};
use crate::interp::{Flow, Interp, Signal};
use crate::steps::{PipelineHost, StepCtx};
use crate::syntax::{self, SyntaxError};

/// Stack for each thread that evaluates Groovy (deep recursion in a script must end in Groovy's
/// StackOverflowError, not a crash). Only touched pages are used.
pub const STACK_SIZE: usize = 256 * 1024 * 1024;

pub struct RunOptions {
    pub file: PathBuf,
    pub home: Option<PathBuf>,
    pub job: Option<String>,
    pub workspace: Option<PathBuf>,
    pub params: IndexMap<String, String>,
    pub color: bool,
}

/// What a run ended with, for the exit code.
pub enum RunEnd {
    Finished(BuildResult),
    /// The run could not start (unreadable file, unusable home directory).
    Unusable(String),
}

pub fn run(opts: RunOptions) -> RunEnd {
    // Install the Ctrl-C handler before anything can take long.
    interrupted();
    let display = opts.file.display().to_string();
    let bytes = match std::fs::read(&opts.file) {
        Ok(b) => b,
        Err(e) => return RunEnd::Unusable(format!("cannot read {display}: {e}")),
    };
    let (source, parsed) = match syntax::decode(&bytes) {
        Ok(text) => {
            let parsed = syntax::parse(text);
            (text.to_owned(), parsed)
        }
        Err(e) => (String::new(), Err(e)),
    };
    if let Ok(script) = &parsed {
        if is_declarative(script) {
            return RunEnd::Unusable(format!(
                "{display} is a declarative pipeline (`pipeline {{ }}`); this version of jeeves runs scripted \
                 pipelines only"
            ));
        }
    }
    let dir = opts.file.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let home = opts.home.clone().unwrap_or_else(|| dir.join(".jeeves"));
    let job = opts.job.clone().unwrap_or_else(|| default_job(dir));
    let layout = match Layout::create(&home, &job, opts.workspace.as_deref()) {
        Ok(l) => l,
        Err(e) => return RunEnd::Unusable(format!("cannot prepare the build in {}: {e}", home.display())),
    };
    let build = Build::new(layout, Box::new(std::io::stdout()), opts.params.clone());
    let script = match parsed {
        Ok(s) => s,
        Err(err) => {
            let (line, col) = syntax::LineIndex::new(&source).line_col(err.span.start as usize);
            build.log.line("org.codehaus.groovy.control.MultipleCompilationErrorsException: startup failed:");
            build.log.line(&format!("WorkflowScript: {line}: {} @ line {line}, column {col}.", err.message));
            let text = source.lines().nth(line.saturating_sub(1)).unwrap_or("");
            build.log.line(&format!("   {text}"));
            build.log.line(&format!("   {}^", " ".repeat(col.saturating_sub(1))));
            build.log.line("");
            build.log.line("1 error");
            build.worsen(BuildResult::Failure);
            return finish(&build, &opts, &display, &source, Some(err));
        }
    };

    let host = Arc::new(PipelineHost::new(build.clone()));
    let mut interp = Interp::new(Arc::new(script), &display, &source, host.clone());
    let cwd = build.layout.workspace.clone();
    interp.ext = Some(Box::new(StepCtx { cwd, ..StepCtx::default() }));
    host.pipeline("Start of Pipeline");
    // Ctrl-C aborts the build the way Jenkins' abort button does: steps stop, processes are killed.
    let root = interp.cancel.clone();
    let finished = std::sync::atomic::AtomicBool::new(false);
    let outcome = std::thread::scope(|s| {
        s.spawn(|| {
            while !finished.load(std::sync::atomic::Ordering::Relaxed) {
                if interrupted() {
                    root.cancel(Some("Aborted by user".into()));
                    return;
                }
                std::thread::sleep(std::time::Duration::from_millis(25));
            }
        });
        let r = std::thread::Builder::new().stack_size(STACK_SIZE).spawn_scoped(s, || interp.run()).map(|h| h.join());
        finished.store(true, std::sync::atomic::Ordering::Relaxed);
        r
    });
    host.pipeline("End of Pipeline");
    let mut diagnostic = None;
    match outcome {
        Ok(Ok(Ok(()))) => {}
        Ok(Ok(Err(Flow::Throw(t)))) => {
            match t.signal {
                Signal::StepFailed => {
                    build.log.line(&format!("ERROR: {}", t.message.clone().unwrap_or_default()));
                    build.worsen(BuildResult::Failure);
                }
                Signal::Aborted => {
                    if let Some(m) = &t.message {
                        build.log.line(m);
                    }
                    build.worsen(BuildResult::Aborted);
                }
                Signal::Exception => {
                    build.log.line(&t.to_text());
                    let span = t.span().unwrap_or_default();
                    let line = syntax::LineIndex::new(&source).line_col(span.start as usize).0;
                    build.log.line(&format!("\tat WorkflowScript.run(WorkflowScript:{line})"));
                    build.worsen(BuildResult::Failure);
                }
            }
            if t.signal == Signal::Exception {
                if let Some(span) = t.span() {
                    diagnostic = Some(SyntaxError { span, message: t.to_text(), label: None, related: None });
                }
            }
        }
        Ok(Ok(Err(_))) => {}
        Ok(Err(_)) | Err(_) => {
            build.log.line("java.lang.Error: the interpreter stopped unexpectedly");
            build.worsen(BuildResult::Failure);
        }
    }
    finish(&build, &opts, &display, &source, diagnostic)
}

static INTERRUPTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

extern "C" fn on_interrupt(_signal: libc::c_int) {
    INTERRUPTED.store(true, std::sync::atomic::Ordering::SeqCst);
}

/// True once SIGINT or SIGTERM arrived (the handler is installed on first use).
fn interrupted() -> bool {
    static INSTALL: std::sync::Once = std::sync::Once::new();
    INSTALL.call_once(|| {
        let handler = on_interrupt as extern "C" fn(libc::c_int) as libc::sighandler_t;
        // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
        unsafe {
            libc::signal(libc::SIGINT, handler);
            libc::signal(libc::SIGTERM, handler);
        }
    });
    INTERRUPTED.load(std::sync::atomic::Ordering::SeqCst)
}

fn finish(build: &Build, opts: &RunOptions, display: &str, source: &str, diagnostic: Option<SyntaxError>) -> RunEnd {
    let result = build.result();
    build.log.line(&format!("Finished: {}", result.name()));
    build.write_record();
    let mut err = std::io::stderr().lock();
    if let Some(d) = diagnostic {
        let _ = write!(err, "{}", crate::diagnostic::render_syntax_error(display, source, &d, opts.color));
    }
    let _ = writeln!(
        err,
        "jeeves: build #{} of {} finished {} in {} ms; log: {}",
        build.layout.number,
        build.layout.job,
        result.name(),
        build.started.elapsed().as_millis(),
        build.layout.build_dir.join("log").display()
    );
    RunEnd::Finished(result)
}

/// A top-level `pipeline { ... }` call makes a declarative pipeline.
fn is_declarative(script: &crate::syntax::ast::Script) -> bool {
    use crate::syntax::ast::{ExprKind, MemberName, StmtKind};
    script.statements.iter().any(|s| {
        matches!(&s.kind, StmtKind::Expr(e) if matches!(&e.kind,
            ExprKind::MethodCall { object: None, name: MemberName::Name(n), .. } if n == "pipeline"))
    })
}

/// The job name: the project directory's name.
fn default_job(dir: &Path) -> String {
    let abs = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    abs.file_name().and_then(|n| n.to_str()).filter(|n| !n.is_empty()).unwrap_or("job").to_string()
}
