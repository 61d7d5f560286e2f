//! Runs a Jenkinsfile end to end: read and parse it, create the build (number, log, workspace), evaluate
//! it with the pipeline steps, print the closing lines Jenkins prints, and keep the record.
//!
//! Not for: flag parsing (`cli/run.rs`) or what individual steps do (`steps/`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use indexmap::IndexMap;

use crate::build::scm::Given;
use crate::build::{Build, BuildResult, Layout};
use crate::interp::{Flow, Interp, Signal};
use crate::pipeline;
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
    /// `--env NAME=VALUE` and `--env-file` entries, in order (later wins).
    pub env: Vec<(String, String)>,
    pub scm: Given,
    pub change_id: Option<String>,
    pub change_target: Option<String>,
    /// `--stage NAME`
    pub stages: Vec<String>,
    pub list: bool,
    pub dry_run: bool,
    pub events: Option<PathBuf>,
    pub inputs: Vec<(String, String)>,
    pub approve_all: bool,
    pub credentials: crate::credentials::Store,
    /// `--junit FILE`: the stages as JUnit XML there too.
    pub junit: Option<PathBuf>,
}

/// Set by the `build` step on the jeeves it starts for a downstream build.
pub const DOWNSTREAM: &str = "JEEVES_DOWNSTREAM_BUILD";

/// What a run ended with, for the exit code.
pub enum RunEnd {
    Finished(BuildResult),
    /// `--list` or `--dry-run`: nothing ran.
    Planned,
    /// The run could not start (unreadable file, unusable home directory, unknown parameter).
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
    // A declarative pipeline is read (and validated) before anything runs, as Jenkins compiles it first.
    let declarative = match &parsed {
        Ok(script) => pipeline::model::read(script, &source),
        Err(_) => None,
    };
    let dir = opts.file.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let project = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let home = opts.home.clone().unwrap_or_else(|| dir.join(".jeeves"));
    let job = opts.job.clone().unwrap_or_else(|| default_job(dir));
    // A job name becomes a path under the home: plain names only (`folder/job` as in Jenkins folders).
    let plain = |p: &str| {
        !p.is_empty()
            && Path::new(p).components().all(|c| matches!(c, std::path::Component::Normal(_)))
            && !p.split('/').any(|part| part.is_empty() || part == "." || part == "..")
    };
    if !plain(&job) {
        return RunEnd::Unusable(format!(
            "--job `{job}` is not a job name: use letters, digits and the like, `folder/name` for a folder"
        ));
    }
    // The workspace may be emptied by the build (deleteDir, cleanWs): it must not hold the project or
    // the home with the builds' records.
    let absolute = |p: &Path| p.canonicalize().unwrap_or_else(|_| std::path::absolute(p).unwrap_or(p.to_path_buf()));
    let home_abs = absolute(&home);
    if let Some(ws) = &opts.workspace {
        let ws_abs = absolute(ws);
        if project.starts_with(&ws_abs) || home_abs.starts_with(&ws_abs) {
            return RunEnd::Unusable(format!(
                "--workspace {} holds the project or the jeeves home, which a build may empty; choose a directory of its own",
                ws.display()
            ));
        }
    }

    // Parameters: declared ones take their defaults; a value for an undeclared one is a mistake.
    let mut params = IndexMap::new();
    let mut bool_params = Vec::new();
    if let Some(Ok(model)) = &declarative {
        for p in &model.parameters {
            params.insert(p.name.clone(), p.default.clone());
            if p.kind == "booleanParam" {
                bool_params.push(p.name.clone());
            }
        }
        // A downstream build (the `build` step) ignores parameters its job does not declare, as Jenkins does.
        let downstream = std::env::var_os(DOWNSTREAM).is_some();
        for (k, v) in &opts.params {
            if !params.contains_key(k) && downstream {
                continue;
            }
            if !params.contains_key(k) {
                let declared: Vec<&str> = model.parameters.iter().map(|p| p.name.as_str()).collect();
                let list = if declared.is_empty() { "none".to_string() } else { declared.join(", ") };
                return RunEnd::Unusable(format!(
                    "unknown parameter `{k}`: {display} declares {list} (parameters {{ }} lists what -a/--param may set)"
                ));
            }
            if bool_params.contains(k) && v != "true" && v != "false" {
                return RunEnd::Unusable(format!("parameter `{k}` is a booleanParam: give true or false, not `{v}`"));
            }
            if let Some(decl) = model.parameters.iter().find(|p| &p.name == k && p.kind == "choice") {
                if !decl.choices.contains(v) {
                    return RunEnd::Unusable(format!(
                        "parameter `{k}` is a choice of {}: `{v}` is not one of them",
                        decl.choices.join(", ")
                    ));
                }
            }
            params.insert(k.clone(), v.clone());
        }
    } else {
        params = opts.params.clone();
    }

    let mut settings = crate::pipeline::run::Settings {
        selected: opts.stages.clone(),
        inputs: opts.inputs.clone(),
        approve_all: opts.approve_all,
        ..Default::default()
    };
    match load_tools(dir, &home) {
        Ok(Some((file, tools))) => {
            settings.tools = tools;
            settings.tools_file = Some(file);
        }
        Ok(None) => {}
        Err(e) => return RunEnd::Unusable(e),
    }

    let mut given = opts.scm.clone();
    given.skip.push(home_abs.clone());
    let facts = crate::build::scm::Facts::gather(&project, &given);
    let mut extra_env = Vec::new();
    let mut branch = facts.branch.clone();
    if let Some(id) = &opts.change_id {
        extra_env.push(("CHANGE_ID".to_string(), id.clone()));
        if let Some(b) = &facts.branch {
            extra_env.push(("CHANGE_BRANCH".to_string(), b.clone()));
        }
        if opts.scm.branch.is_none() {
            branch = Some(format!("PR-{id}"));
        }
    }
    if let Some(t) = &opts.change_target {
        extra_env.push(("CHANGE_TARGET".to_string(), t.clone()));
    }
    // Jenkins builds branches, tags and change requests as separate jobs of a multibranch project: a tag
    // build (`--tag`, or by default a tag exactly on HEAD when neither --branch nor --change-id is given)
    // has TAG_NAME and a BRANCH_NAME that is the tag's name; a branch build has no TAG_NAME.
    let tag_build = opts.scm.tag.is_some() || (opts.scm.branch.is_none() && opts.change_id.is_none());
    let tag = facts.tag.clone().filter(|_| tag_build);
    if let Some(t) = &tag {
        if opts.scm.branch.is_none() {
            branch = Some(t.clone());
        }
        extra_env.push(("TAG_NAME".to_string(), t.clone()));
    }
    if let Some(b) = &branch {
        extra_env.insert(0, ("BRANCH_NAME".to_string(), b.clone()));
    }
    extra_env.extend(opts.env.iter().cloned());

    if opts.list || opts.dry_run {
        if let Err(err) = &parsed {
            let d = SyntaxError { span: err.span, message: err.message.clone(), label: None, related: None };
            eprint!("{}", crate::diagnostic::render_syntax_error(&display, &source, &d, opts.color));
            return RunEnd::Unusable(format!("{display} does not parse"));
        }
        return match &declarative {
            Some(Ok(model)) => {
                let env_of = |name: &str| extra_env.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v.clone());
                let plan = crate::pipeline::plan::Plan {
                    p: model,
                    source: &source,
                    facts: &facts,
                    env: &env_of,
                    params: &params,
                    selected: &opts.stages,
                };
                print!("{}", if opts.list { plan.list() } else { plan.dry_run() });
                RunEnd::Planned
            }
            Some(Err(errors)) => {
                eprint!("{}", render_model_errors(&display, &source, errors, opts.color));
                RunEnd::Unusable(format!("{display} is not a valid declarative pipeline"))
            }
            None => RunEnd::Unusable(format!(
                "--list and --dry-run need a declarative pipeline (`pipeline {{ }}`); {display} is scripted"
            )),
        };
    }

    // disableConcurrentBuilds(): one build of the job at a time (a lock file per job in the home).
    let _lock = match &declarative {
        Some(Ok(model)) if model.options.iter().any(|o| o.name == "disableConcurrentBuilds") => {
            match job_lock(&home, &job) {
                Ok(l) => Some(l),
                Err(e) => return RunEnd::Unusable(format!("cannot lock the job in {}: {e}", home.display())),
            }
        }
        _ => None,
    };
    let layout = match Layout::create(&home, &job, opts.workspace.as_deref()) {
        Ok(l) => l,
        Err(e) => return RunEnd::Unusable(format!("cannot prepare the build in {}: {e}", home.display())),
    };
    let secret_params: Vec<String> = match &declarative {
        Some(Ok(m)) => m.parameters.iter().filter(|p| p.kind == "password").map(|p| p.name.clone()).collect(),
        _ => Vec::new(),
    };
    let setup =
        crate::build::Setup { params, bool_params, project, facts, extra_env, credentials: opts.credentials.clone() };
    let build = Build::new(layout, Box::new(std::io::stdout()), setup);
    // Password parameters are secrets like bound credentials.
    for name in &secret_params {
        if let Some(v) = build.params.get(name) {
            build.log.add_secret(name, v);
        }
    }
    if let Some(path) = &opts.events {
        match std::fs::File::create(path) {
            Ok(f) => build.log.set_events(f),
            Err(e) => eprintln!("jeeves run: cannot write events to {}: {e}", path.display()),
        }
    }
    build.log.event(
        "build-start",
        serde_json::json!({ "job": build.layout.job, "number": build.layout.number, "parameters": build.params }),
    );
    let script = match parsed {
        Ok(s) => s,
        Err(err) => {
            let (line, col) = syntax::LineIndex::new(&source).line_col(err.span.start as usize);
            compile_errors(&build, &source, &[(line, col, err.message.clone())]);
            let text = crate::diagnostic::render_syntax_error(&display, &source, &err, opts.color);
            return finish(&build, &opts, vec![text], None);
        }
    };
    let mut discard = None;
    if let Some(model) = &declarative {
        match model {
            Err(errors) => {
                let index = syntax::LineIndex::new(&source);
                let list: Vec<(usize, usize, String)> = errors
                    .iter()
                    .map(|e| {
                        let (l, c) = index.line_col(e.span.start as usize);
                        (l, c, e.message.clone())
                    })
                    .collect();
                compile_errors(&build, &source, &list);
                let diags = errors
                    .iter()
                    .map(|e| {
                        let e = SyntaxError { span: e.span, message: e.message.clone(), label: None, related: None };
                        crate::diagnostic::render_syntax_error(&display, &source, &e, opts.color)
                    })
                    .collect();
                return finish(&build, &opts, diags, None);
            }
            Ok(m) => {
                discard = discarder(m);
                if m.options.iter().any(|o| o.name == "preserveStashes") {
                    build.preserve_stashes.store(true, std::sync::atomic::Ordering::Relaxed);
                }
            }
        }
    }

    let mut host = PipelineHost::new(build.clone());
    host.settings = settings;
    // The model read above serves the `pipeline` step too (it is not read again).
    host.model = declarative.and_then(Result::ok).map(Arc::new);
    let host = Arc::new(host);
    let mut interp = Interp::new(Arc::new(script), &display, &source, host.clone());
    let cwd = build.layout.workspace.clone();
    interp.ext = Some(Box::new(StepCtx { cwd, ..StepCtx::default() }));
    host.pipeline("Start of Pipeline");
    // Ctrl-C aborts the build the way Jenkins' abort button does: steps stop, processes are killed.
    let root = interp.cancel.clone();
    let after_abort = crate::interp::Cancel::root();
    root.set_fallback(after_abort.clone());
    let finished = std::sync::atomic::AtomicBool::new(false);
    let outcome = std::thread::scope(|s| {
        let watcher = s.spawn(|| {
            // The first interrupt aborts the build (post blocks still run, as after Jenkins' abort);
            // the next one aborts the post blocks too.
            let mut seen = 0;
            while !finished.load(std::sync::atomic::Ordering::Relaxed) {
                let n = interrupts();
                if n > seen {
                    root.cancel(Some("Aborted by user".into()));
                    if n >= 2 {
                        after_abort.cancel(Some("Aborted by user".into()));
                    }
                    seen = n;
                }
                // Woken early when the build ends, so the run does not wait out the period.
                std::thread::park_timeout(std::time::Duration::from_millis(25));
            }
        });
        let r = std::thread::Builder::new().stack_size(STACK_SIZE).spawn_scoped(s, || interp.run()).map(|h| h.join());
        finished.store(true, std::sync::atomic::Ordering::Relaxed);
        watcher.thread().unpark();
        r
    });
    host.pipeline("End of Pipeline");
    let mut diagnostic = Vec::new();
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
                    // Groovy names a loaded script's source file `ScriptN.groovy`.
                    let (class, file, text) = match t.origin() {
                        Some(o) => (o.class.to_string(), format!("{}.groovy", o.class), &*o.source),
                        None => ("WorkflowScript".into(), "WorkflowScript".into(), source.as_str()),
                    };
                    let line = syntax::LineIndex::new(text).line_col(span.start as usize).0;
                    build.log.line(&format!("\tat {class}.run({file}:{line})"));
                    build.worsen(BuildResult::Failure);
                }
            }
            if t.signal == Signal::Exception {
                if let Some(span) = t.span() {
                    let error = SyntaxError { span, message: t.to_text(), label: None, related: None };
                    // An error in a loaded script is shown in that file.
                    diagnostic.push(match t.origin() {
                        Some(o) => crate::diagnostic::render_syntax_error(&o.file, &o.source, &error, opts.color),
                        None => crate::diagnostic::render_syntax_error(&display, &source, &error, opts.color),
                    });
                }
            }
        }
        Ok(Ok(Err(_))) => {}
        Ok(Err(_)) | Err(_) => {
            build.log.line("java.lang.Error: the interpreter stopped unexpectedly");
            build.worsen(BuildResult::Failure);
        }
    }
    finish(&build, &opts, diagnostic, discard)
}

/// Jenkins' compile-error report: each error with its line and a caret, then the count.
fn compile_errors(build: &Build, source: &str, errors: &[(usize, usize, String)]) {
    build.log.line("org.codehaus.groovy.control.MultipleCompilationErrorsException: startup failed:");
    for (line, col, message) in errors {
        build.log.line(&format!("WorkflowScript: {line}: {message} @ line {line}, column {col}."));
        let text = source.lines().nth(line.saturating_sub(1)).unwrap_or("");
        build.log.line(&format!("   {text}"));
        build.log.line(&format!("   {}^", " ".repeat(col.saturating_sub(1))));
        build.log.line("");
    }
    let n = errors.len();
    build.log.line(&if n == 1 { "1 error".to_string() } else { format!("{n} errors") });
    build.log.line("");
    build.worsen(BuildResult::Failure);
}

fn render_model_errors(display: &str, source: &str, errors: &[pipeline::ModelError], color: bool) -> String {
    errors
        .iter()
        .map(|e| {
            let d = SyntaxError { span: e.span, message: e.message.clone(), label: None, related: None };
            crate::diagnostic::render_syntax_error(display, source, &d, color)
        })
        .collect()
}

/// `buildDiscarder(logRotator(numToKeepStr: 'N', daysToKeepStr: 'D'))` from the options.
fn discarder(model: &pipeline::Pipeline) -> Option<(usize, Option<u64>)> {
    use crate::syntax::ast::{Arg, ExprKind, MapKey};
    let opt = model.options.iter().find(|o| o.name == "buildDiscarder")?;
    let rotator = opt.positional.first()?;
    let ExprKind::MethodCall { args, .. } = &rotator.kind else { return None };
    let mut keep = None;
    let mut days = None;
    for a in args {
        let (Arg::Named(entry), MapKey::Expr(k)) = (
            a,
            match a {
                Arg::Named(e) => &e.key,
                _ => continue,
            },
        ) else {
            continue;
        };
        let key = pipeline::model::literal(k).unwrap_or_default();
        let value = pipeline::model::literal(&entry.value).and_then(|v| v.trim().parse::<i64>().ok());
        match key.as_str() {
            "numToKeepStr" | "numToKeep" => keep = value,
            "daysToKeepStr" | "daysToKeep" => days = value,
            _ => {}
        }
    }
    let keep = keep.filter(|k| *k > 0).map(|k| k as usize).unwrap_or(usize::MAX);
    Some((keep, days.filter(|d| *d > 0).map(|d| d as u64)))
}

/// Holds an exclusive lock on the job until dropped; waits (saying so) while another build has it.
fn job_lock(home: &Path, job: &str) -> std::io::Result<std::fs::File> {
    use std::os::fd::AsRawFd;
    let dir = home.join("jobs").join(job);
    std::fs::create_dir_all(&dir)?;
    let f = std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(dir.join("lock"))?;
    // SAFETY: flock on a descriptor we own; the lock ends when the file is closed.
    let busy = unsafe { libc::flock(f.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } != 0;
    if busy {
        eprintln!("jeeves: another build of {job} is running (disableConcurrentBuilds); waiting for it to finish");
        // SAFETY: as above, now blocking.
        if unsafe { libc::flock(f.as_raw_fd(), libc::LOCK_EX) } != 0 {
            return Err(std::io::Error::last_os_error());
        }
    }
    Ok(f)
}

/// Tool installs from `jeeves.toml` next to the Jenkinsfile, else in the home: `[tools]` maps a tool's
/// name (or its type, e.g. `maven`) to an install directory, relative paths from the file's directory;
/// `[tools.TYPE]` tables map names within a type.
/// Tool name -> install directory, and the file they came from.
type ToolConfig = (PathBuf, Vec<(String, PathBuf)>);

fn load_tools(dir: &Path, home: &Path) -> Result<Option<ToolConfig>, String> {
    for candidate in [dir.join("jeeves.toml"), home.join("jeeves.toml")] {
        let Ok(text) = std::fs::read_to_string(&candidate) else { continue };
        let table: toml::Table = text.parse().map_err(|e| format!("{}: {e}", candidate.display()))?;
        let base = candidate.parent().unwrap_or(Path::new(".")).to_path_buf();
        let base = base.canonicalize().unwrap_or(base);
        let mut tools = Vec::new();
        if let Some(toml::Value::Table(t)) = table.get("tools") {
            for (k, v) in t {
                match v {
                    toml::Value::String(path) => tools.push((k.clone(), base.join(path))),
                    toml::Value::Table(inner) => {
                        for (name, path) in inner {
                            if let toml::Value::String(path) = path {
                                tools.push((name.clone(), base.join(path)));
                            }
                        }
                    }
                    _ => return Err(format!("{}: [tools] {k} must be a path", candidate.display())),
                }
            }
        }
        return Ok(Some((candidate, tools)));
    }
    Ok(None)
}

static INTERRUPTS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

extern "C" fn on_interrupt(_signal: libc::c_int) {
    INTERRUPTS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
}

/// True once SIGINT or SIGTERM arrived (the handler is installed on first use).
fn interrupted() -> bool {
    interrupts() > 0
}

/// How many SIGINT/SIGTERM arrived (the handler is installed on first use).
fn interrupts() -> usize {
    static INSTALL: std::sync::Once = std::sync::Once::new();
    INSTALL.call_once(|| {
        let handler = on_interrupt as extern "C" fn(libc::c_int) as libc::sighandler_t;
        // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
        unsafe {
            libc::signal(libc::SIGINT, handler);
            libc::signal(libc::SIGTERM, handler);
        }
    });
    INTERRUPTS.load(std::sync::atomic::Ordering::SeqCst)
}

fn finish(build: &Build, opts: &RunOptions, diagnostics: Vec<String>, discard: Option<(usize, Option<u64>)>) -> RunEnd {
    // Processes the build's `sh` steps left in the background end with the build, as Jenkins' process
    // tree killer ends them.
    build.kill_leftovers();
    build.drop_secret_files();
    let result = build.result();
    build.log.line(&format!("Finished: {}", result.name()));
    build.log.event("build-end", serde_json::json!({ "result": result.name() }));
    build.write_record();
    if let Some(path) = &opts.junit {
        if let Err(e) = std::fs::copy(build.layout.build_dir.join("stages.xml"), path) {
            eprintln!("jeeves run: cannot write {}: {e}", path.display());
        }
    }
    build.drop_stashes();
    if let Some((keep, days)) = discard {
        build.layout.discard_old(keep, days);
    }
    let mut err = std::io::stderr().lock();
    for text in diagnostics {
        let _ = write!(err, "{}", build.log.masked(&text));
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

/// The job name: the project directory's name.
fn default_job(dir: &Path) -> String {
    let abs = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    abs.file_name().and_then(|n| n.to_str()).filter(|n| !n.is_empty()).unwrap_or("job").to_string()
}
