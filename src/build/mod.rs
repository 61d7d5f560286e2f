//! A build: its number and result, the home directory layout (`jobs/<job>/builds/<N>/`), the workspace,
//! the console log that every step writes to, and the record kept when it ends.
//!
//! Not for: formatting step output (steps write through [`Log`]) or deciding what a step's failure means.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use indexmap::IndexMap;
use parking_lot::Mutex;

pub mod scm;

/// Build results, best to worst; a result only gets worse unless set explicitly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum BuildResult {
    Success,
    Unstable,
    Failure,
    NotBuilt,
    Aborted,
}

impl BuildResult {
    pub fn name(self) -> &'static str {
        match self {
            BuildResult::Success => "SUCCESS",
            BuildResult::Unstable => "UNSTABLE",
            BuildResult::Failure => "FAILURE",
            BuildResult::NotBuilt => "NOT_BUILT",
            BuildResult::Aborted => "ABORTED",
        }
    }

    pub fn parse(s: &str) -> Option<BuildResult> {
        Some(match s {
            "SUCCESS" => BuildResult::Success,
            "UNSTABLE" => BuildResult::Unstable,
            "FAILURE" => BuildResult::Failure,
            "NOT_BUILT" => BuildResult::NotBuilt,
            "ABORTED" => BuildResult::Aborted,
            _ => return None,
        })
    }

    /// The result an exit code stands for (the inverse of [`BuildResult::exit_code`]).
    pub fn from_exit(code: i32) -> BuildResult {
        match code {
            0 => BuildResult::Success,
            1 => BuildResult::Unstable,
            3 => BuildResult::NotBuilt,
            4 => BuildResult::Aborted,
            _ => BuildResult::Failure,
        }
    }

    /// The exit code jenkinsfile-runner uses: the result's ordinal.
    pub fn exit_code(self) -> u8 {
        self as u8
    }
}

/// Where a build keeps its files.
pub struct Layout {
    pub home: PathBuf,
    pub job: String,
    pub number: u32,
    pub build_dir: PathBuf,
    pub workspace: PathBuf,
}

impl Layout {
    /// Creates the next build's directory under `home` (numbers keep increasing across runs).
    pub fn create(home: &Path, job: &str, workspace: Option<&Path>) -> std::io::Result<Layout> {
        let builds = home.join("jobs").join(job).join("builds");
        fs::create_dir_all(&builds)?;
        let mut number = 1 + fs::read_dir(&builds)?
            .flatten()
            .filter_map(|e| e.file_name().to_str().and_then(|n| n.parse::<u32>().ok()))
            .max()
            .unwrap_or(0);
        // Another run may take the same number at once: creating the directory is the claim.
        let build_dir = loop {
            let dir = builds.join(number.to_string());
            match fs::create_dir(&dir) {
                Ok(()) => break dir,
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => number += 1,
                Err(e) => return Err(e),
            }
        };
        let workspace = match workspace {
            Some(w) => w.to_path_buf(),
            None => home.join("workspace").join(job),
        };
        fs::create_dir_all(&workspace)?;
        let workspace = workspace.canonicalize()?;
        Ok(Layout { home: home.canonicalize()?, job: job.to_string(), number, build_dir, workspace })
    }
}

impl Layout {
    /// The records of the job's earlier builds that finished, newest first.
    fn earlier_records(&self) -> Vec<(u32, serde_json::Value)> {
        let builds = self.home.join("jobs").join(&self.job).join("builds");
        let Ok(entries) = fs::read_dir(&builds) else { return Vec::new() };
        let mut numbers: Vec<u32> = entries
            .flatten()
            .filter_map(|e| e.file_name().to_str().and_then(|n| n.parse::<u32>().ok()))
            .filter(|n| *n < self.number)
            .collect();
        numbers.sort_unstable_by(|a, b| b.cmp(a));
        numbers
            .into_iter()
            .filter_map(|n| {
                let text = fs::read_to_string(builds.join(n.to_string()).join("build.json")).ok()?;
                Some((n, serde_json::from_str(&text).ok()?))
            })
            .collect()
    }

    /// The result of the latest earlier build that finished (its record holds one).
    pub fn previous_result(&self) -> Option<(u32, BuildResult)> {
        self.earlier_records().into_iter().find_map(|(n, v)| Some((n, BuildResult::parse(v.get("result")?.as_str()?)?)))
    }

    /// The commits the previous build and the previous successful build checked out (GIT_PREVIOUS_COMMIT,
    /// GIT_PREVIOUS_SUCCESSFUL_COMMIT), from their records.
    pub fn previous_commits(&self) -> (Option<String>, Option<String>) {
        let commit = |v: &serde_json::Value| v.get("commit").and_then(|c| c.as_str()).map(str::to_string);
        let records = self.earlier_records();
        let previous = records.iter().find_map(|(_, v)| commit(v));
        let successful = records
            .iter()
            .filter(|(_, v)| v.get("result").and_then(|r| r.as_str()) == Some("SUCCESS"))
            .find_map(|(_, v)| commit(v));
        (previous, successful)
    }

    /// `buildDiscarder(logRotator(numToKeepStr: N))`: removes the job's oldest builds beyond `keep`
    /// (only numbered directories under this job's `builds/`).
    pub fn discard_old(&self, keep: usize, max_age_days: Option<u64>) {
        let builds = self.home.join("jobs").join(&self.job).join("builds");
        let Ok(entries) = fs::read_dir(&builds) else { return };
        let mut numbers: Vec<u32> =
            entries.flatten().filter_map(|e| e.file_name().to_str().and_then(|n| n.parse::<u32>().ok())).collect();
        numbers.sort_unstable_by(|a, b| b.cmp(a));
        for (i, n) in numbers.iter().enumerate() {
            let dir = builds.join(n.to_string());
            let too_old = max_age_days.is_some_and(|days| {
                fs::metadata(&dir)
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| t.elapsed().ok())
                    .is_some_and(|age| age.as_secs() > days * 86_400)
            });
            // A build still running has no record yet: it is never discarded (as Jenkins keeps running builds).
            let finished = dir.join("build.json").exists();
            if (i >= keep || too_old) && *n != self.number && finished {
                let _ = fs::remove_dir_all(&dir);
            }
        }
    }
}

/// The console log: written to stdout and to `log` in the build directory, a whole line at a time so
/// parallel branches do not interleave within a line.
pub struct Log {
    sinks: Mutex<Sinks>,
}

struct Sinks {
    stdout: Box<dyn Write + Send>,
    file: Option<File>,
    /// `--events FILE`: every build event as a JSON line.
    events: Option<File>,
    /// Bound secrets (variable name, value), longest value first: replaced by `****` in everything written.
    secrets: Vec<(String, String)>,
    /// The last byte written ended a line.
    at_line_start: bool,
    /// Bytes written to the log file so far.
    written: u64,
}

impl Sinks {
    fn put(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        let masked = mask(&self.secrets, text);
        let text = masked.as_ref();
        let _ = self.stdout.write_all(text.as_bytes());
        if let Some(f) = self.file.as_mut() {
            let _ = f.write_all(text.as_bytes());
            self.written += text.len() as u64;
        }
        if self.events.is_some() {
            self.event(serde_json::json!({ "event": "output", "text": text }));
        }
        self.at_line_start = text.ends_with('\n');
    }
}

impl Sinks {
    fn event(&mut self, mut value: serde_json::Value) {
        if let Some(f) = self.events.as_mut() {
            let millis = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as u64).unwrap_or(0);
            value["time"] = serde_json::json!(millis);
            let line = value.to_string();
            let _ = writeln!(f, "{}", mask(&self.secrets, &line));
        }
    }
}

/// `text` with every secret value replaced by `****`.
pub fn mask<'a>(secrets: &[(String, String)], text: &'a str) -> std::borrow::Cow<'a, str> {
    if secrets.is_empty() || !secrets.iter().any(|(_, v)| text.contains(v.as_str())) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = text.to_string();
    for (_, v) in secrets {
        if out.contains(v.as_str()) {
            out = out.replace(v.as_str(), "****");
        }
    }
    std::borrow::Cow::Owned(out)
}

impl Log {
    /// How many bytes the log file has.
    pub fn position(&self) -> u64 {
        self.sinks.lock().written
    }

    pub fn new(stdout: Box<dyn Write + Send>, file: Option<File>) -> Log {
        Log {
            sinks: Mutex::new(Sinks {
                stdout,
                file,
                events: None,
                secrets: Vec::new(),
                at_line_start: true,
                written: 0,
            }),
        }
    }

    /// From now on `value` never appears in what the build writes (console, log, events, record).
    pub fn add_secret(&self, name: &str, value: &str) {
        if value.is_empty() {
            return;
        }
        let mut s = self.sinks.lock();
        if !s.secrets.iter().any(|(_, v)| v == value) {
            s.secrets.push((name.to_string(), value.to_string()));
            s.secrets.sort_by_key(|x| std::cmp::Reverse(x.1.len()));
        }
        // A multi-line secret (a key file) is masked line by line too, as output arrives in lines.
        if value.contains('\n') {
            for line in value.lines().map(str::trim).filter(|l| l.len() >= 8) {
                if !s.secrets.iter().any(|(_, v)| v == line) {
                    s.secrets.push((name.to_string(), line.to_string()));
                }
            }
            s.secrets.sort_by_key(|x| std::cmp::Reverse(x.1.len()));
        }
    }

    /// `text` masked like everything the log writes.
    pub fn masked(&self, text: &str) -> String {
        mask(&self.sinks.lock().secrets, text).into_owned()
    }

    /// The variables whose secret values occur in `text` (for the Groovy-interpolation warning).
    /// Whether any secret is bound (most builds have none: checks for them can stop here).
    pub fn has_secrets(&self) -> bool {
        !self.sinks.lock().secrets.is_empty()
    }

    pub fn secrets_in(&self, text: &str) -> Vec<String> {
        let s = self.sinks.lock();
        let mut names: Vec<String> =
            s.secrets.iter().filter(|(_, v)| text.contains(v.as_str())).map(|(n, _)| n.clone()).collect();
        names.sort();
        names.dedup();
        names
    }

    /// Writes every later event (and output chunk) to `file` as JSON lines.
    pub fn set_events(&self, file: File) {
        self.sinks.lock().events = Some(file);
    }

    /// A build event (stage start/end, result): `{"event": KIND, ...fields, "time": ms}`.
    pub fn event(&self, kind: &str, fields: serde_json::Value) {
        let mut s = self.sinks.lock();
        if s.events.is_some() {
            let mut v = serde_json::json!({ "event": kind });
            if let (Some(obj), serde_json::Value::Object(extra)) = (v.as_object_mut(), fields) {
                obj.extend(extra);
            }
            s.event(v);
        }
    }

    /// Writes text as it is (`print` may leave a line open); with `prefix`, every line that starts in
    /// this text gets it (`[branch] ` in parallel branches).
    pub fn write(&self, text: &str) {
        self.write_prefixed(None, text);
    }

    pub fn write_prefixed(&self, prefix: Option<&str>, text: &str) {
        let mut s = self.sinks.lock();
        match prefix {
            None => s.put(text),
            Some(p) => {
                let mut out = String::with_capacity(text.len() + 16);
                let mut start = s.at_line_start;
                for piece in text.split_inclusive('\n') {
                    if start {
                        out.push_str(p);
                    }
                    out.push_str(piece);
                    start = piece.ends_with('\n');
                }
                s.put(&out);
            }
        }
        let _ = s.stdout.flush();
    }

    /// A whole line of its own with a branch prefix (a line left open is ended first).
    pub fn line_prefixed(&self, prefix: Option<&str>, text: &str) {
        let mut t = String::with_capacity(text.len() + 24);
        t.push_str(prefix.unwrap_or(""));
        t.push_str(text);
        self.line(&t);
    }

    /// A whole line of its own (a line left open by `print` is ended first).
    pub fn line(&self, text: &str) {
        let mut s = self.sinks.lock();
        if !s.at_line_start {
            s.put("\n");
        }
        let mut t = String::with_capacity(text.len() + 1);
        t.push_str(text);
        t.push('\n');
        s.put(&t);
        let _ = s.stdout.flush();
    }
}

/// One build in progress.
pub struct Build {
    pub layout: Layout,
    pub log: Log,
    pub started: Instant,
    pub start_millis: i64,
    result: Mutex<BuildResult>,
    /// `currentBuild.result` as set by the script (null until set).
    explicit: Mutex<Option<BuildResult>>,
    /// Variables set with `env.NAME = value`.
    pub env: Mutex<IndexMap<String, String>>,
    pub params: IndexMap<String, String>,
    /// Parameters declared `booleanParam` (their values read as Booleans in `params`).
    pub bool_params: Vec<String>,
    /// The directory a checkout copies from (the Jenkinsfile's project) and what git says about it.
    pub project: PathBuf,
    pub facts: scm::Facts,
    /// Variables from `--env`, `--env-file` and the multibranch facts (BRANCH_NAME, TAG_NAME, CHANGE_*).
    pub extra_env: Vec<(String, String)>,
    /// What `withCredentials` and `credentials()` bind from.
    pub credentials: crate::credentials::Store,
    /// Secret files of `credentials()` in `environment`, removed when the build ends.
    secret_files: Mutex<Vec<tempfile::TempPath>>,
    /// The result of the previous finished build of the job, for `changed`/`fixed`/`regression`.
    pub previous: Option<(u32, BuildResult)>,
    pub description: Mutex<Option<String>>,
    pub display_name: Mutex<Option<String>>,
    /// Stages in the order they ended: path (enclosing stages, then the name), status, duration.
    stages: Mutex<Vec<StageRecord>>,
    stage_seq: std::sync::atomic::AtomicU64,
    /// Archived artifacts (path, size, MD5) and the names of the build's stashes, for the record.
    artifacts: Mutex<Vec<serde_json::Value>>,
    /// Fingerprints recorded (file name, MD5).
    fingerprints: Mutex<Vec<serde_json::Value>>,
    /// Test results the `junit` steps recorded.
    tests: Mutex<Vec<crate::report::junit::Suite>>,
    stashes: Mutex<Vec<String>>,
    /// `preserveStashes()`: keep the stashes when the build ends.
    pub preserve_stashes: std::sync::atomic::AtomicBool,
    /// While a declarative `post` block runs: the result it sees (the build's result combined with the
    /// stage's error), as Jenkins sets the run's result for the duration of each post condition.
    post_view: Mutex<Option<BuildResult>>,
    /// Process groups of the build's `sh` steps, ended with the build.
    process_groups: Mutex<Vec<i32>>,
}

/// Everything about a build that comes from the command line and the project, not from the layout.
#[derive(Default)]
pub struct Setup {
    pub params: IndexMap<String, String>,
    pub bool_params: Vec<String>,
    pub project: PathBuf,
    pub facts: scm::Facts,
    pub extra_env: Vec<(String, String)>,
    pub credentials: crate::credentials::Store,
}

#[derive(Clone)]
struct StageRecord {
    path: Vec<String>,
    status: String,
    /// Why a failed stage failed.
    error: Option<String>,
    /// Order of starting, for the record's order.
    seq: u64,
    start: i64,
    duration: u64,
    /// The stage's part of the log file (byte offsets), and the parallel branch whose prefixed lines
    /// are its own there.
    log: (u64, u64),
    branch: Option<String>,
}

/// When a stage started (taken when it starts, given back when it ends).
pub struct StageClock {
    seq: u64,
    started: Instant,
    start: i64,
    log_from: u64,
    branch: Option<String>,
}

impl Build {
    pub fn new(layout: Layout, stdout: Box<dyn Write + Send>, setup: Setup) -> Arc<Build> {
        let file = File::create(layout.build_dir.join("log")).ok();
        let previous = layout.previous_result();
        let start_millis = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0);
        Arc::new(Build {
            layout,
            log: Log::new(stdout, file),
            started: Instant::now(),
            start_millis,
            result: Mutex::new(BuildResult::Success),
            explicit: Mutex::new(None),
            env: Mutex::new(IndexMap::new()),
            params: setup.params,
            bool_params: setup.bool_params,
            project: setup.project,
            facts: setup.facts,
            extra_env: setup.extra_env,
            credentials: setup.credentials,
            secret_files: Mutex::new(Vec::new()),
            previous,
            description: Mutex::new(None),
            display_name: Mutex::new(None),
            stages: Mutex::new(Vec::new()),
            stage_seq: std::sync::atomic::AtomicU64::new(0),
            process_groups: Mutex::new(Vec::new()),
            post_view: Mutex::new(None),
            artifacts: Mutex::new(Vec::new()),
            tests: Mutex::new(Vec::new()),
            fingerprints: Mutex::new(Vec::new()),
            stashes: Mutex::new(Vec::new()),
            preserve_stashes: std::sync::atomic::AtomicBool::new(false),
        })
    }

    pub fn result(&self) -> BuildResult {
        *self.result.lock()
    }

    /// `currentBuild.result`: null until something sets it (inside a post block: what the post judges).
    pub fn explicit_result(&self) -> Option<BuildResult> {
        self.post_view.lock().or(*self.explicit.lock())
    }

    /// `currentBuild.currentResult`: the result so far (inside a post block: what the post judges).
    pub fn current_result(&self) -> BuildResult {
        self.post_view.lock().unwrap_or_else(|| self.result())
    }

    /// Sets (or clears) the result post blocks see while they run.
    pub fn set_post_view(&self, r: Option<BuildResult>) {
        *self.post_view.lock() = r;
    }

    /// Makes the result worse (never better).
    pub fn worsen(&self, r: BuildResult) {
        let mut cur = self.result.lock();
        if r > *cur {
            *cur = r;
            *self.explicit.lock() = Some(r);
        }
    }

    /// `currentBuild.result = X`: Jenkins lets this make the result worse only, too.
    pub fn set_result(&self, r: BuildResult) {
        let mut cur = self.result.lock();
        if r > *cur {
            *cur = r;
        }
        *self.explicit.lock() = Some(*cur);
    }

    /// The build variables Jenkins sets (BUILD_NUMBER, JOB_NAME, WORKSPACE, ...).
    pub fn base_env(&self) -> Vec<(String, String)> {
        let l = &self.layout;
        let url = format!("file://{}/", l.home.display());
        let mut env = vec![
            ("BUILD_NUMBER".into(), l.number.to_string()),
            ("BUILD_ID".into(), l.number.to_string()),
            ("BUILD_DISPLAY_NAME".into(), format!("#{}", l.number)),
            ("BUILD_TAG".into(), format!("jenkins-{}-{}", l.job, l.number)),
            ("JOB_NAME".into(), l.job.clone()),
            ("JOB_BASE_NAME".into(), l.job.clone()),
            ("JENKINS_HOME".into(), l.home.display().to_string()),
            ("JENKINS_URL".into(), url.clone()),
            ("BUILD_URL".into(), format!("{url}job/{}/{}/", l.job, l.number)),
            ("JOB_URL".into(), format!("{url}job/{}/", l.job)),
            ("EXECUTOR_NUMBER".into(), "0".into()),
            ("NODE_NAME".into(), "built-in".into()),
            ("NODE_LABELS".into(), "built-in".into()),
            ("WORKSPACE".into(), l.workspace.display().to_string()),
        ];
        for (k, v) in &self.params {
            env.push((k.clone(), v.clone()));
        }
        env.extend(self.extra_env.iter().cloned());
        env
    }

    pub fn record_artifact(&self, path: &str, size: u64, md5: &str) {
        let mut a = self.artifacts.lock();
        a.retain(|x| x["path"] != path);
        a.push(serde_json::json!({ "path": path, "size": size, "md5": md5 }));
    }

    pub fn record_fingerprint(&self, file_name: &str, md5: &str) {
        self.fingerprints.lock().push(serde_json::json!({ "fileName": file_name, "md5": md5 }));
    }

    pub fn record_tests(&self, suites: Vec<crate::report::junit::Suite>) {
        self.tests.lock().extend(suites);
    }

    pub fn record_stash(&self, name: &str) {
        let mut s = self.stashes.lock();
        if !s.iter().any(|x| x == name) {
            s.push(name.to_string());
        }
    }

    /// Keeps secret files until the build ends.
    pub fn keep_secret_files(&self, files: Vec<tempfile::TempPath>) {
        self.secret_files.lock().extend(files);
    }

    /// Removes the secret files `credentials()` made.
    pub fn drop_secret_files(&self) {
        self.secret_files.lock().clear();
    }

    /// Stashes go when the build ends, unless `preserveStashes()` keeps them.
    pub fn drop_stashes(&self) {
        if !self.preserve_stashes.load(std::sync::atomic::Ordering::Relaxed) {
            let _ = fs::remove_dir_all(self.layout.build_dir.join("stashes"));
        }
    }

    /// Remembers a step's process group, so what it leaves running ends with the build.
    pub fn track_process_group(&self, pgid: i32) {
        self.process_groups.lock().push(pgid);
    }

    /// Ends whatever the build's steps left running (SIGTERM to each step's process group).
    pub fn kill_leftovers(&self) {
        for pgid in self.process_groups.lock().drain(..) {
            if pgid > 1 {
                // SAFETY: kill(2) on a process group this build started; no memory is touched.
                unsafe {
                    libc::kill(-pgid, libc::SIGTERM);
                }
            }
        }
    }

    /// Marks a stage's start.
    /// Starts timing a stage that runs in parallel branch `branch` (None: not in a branch).
    pub fn stage_clock(&self, branch: Option<String>) -> StageClock {
        let start = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0);
        let seq = self.stage_seq.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        StageClock { seq, started: Instant::now(), start, log_from: self.log.position(), branch }
    }

    pub fn record_stage(&self, name: &str, status: &str, clock: &StageClock) {
        self.record_stage_path(&[name.to_string()], status, clock);
    }

    /// A stage that ended (`path`: the enclosing stages' names, then its own).
    pub fn record_stage_path(&self, path: &[String], status: &str, clock: &StageClock) {
        self.record_stage_result(path, status, clock, None);
    }

    /// A stage that ended, with the error it failed with.
    pub fn record_stage_result(&self, path: &[String], status: &str, clock: &StageClock, error: Option<String>) {
        let duration = clock.started.elapsed().as_millis() as u64;
        self.log.event(
            "stage-end",
            serde_json::json!({ "stage": path.last(), "path": path, "status": status, "duration": duration }),
        );
        self.stages.lock().push(StageRecord {
            path: path.to_vec(),
            status: status.to_string(),
            error,
            seq: clock.seq,
            start: clock.start,
            duration,
            log: (clock.log_from, self.log.position()),
            branch: clock.branch.clone(),
        });
    }

    /// The stages as a tree, in the order they started.
    fn stage_tree(&self) -> Vec<serde_json::Value> {
        let mut records = self.stages.lock().clone();
        records.sort_by_key(|r| r.seq);
        fn children(records: &[StageRecord], parent: &[String]) -> Vec<serde_json::Value> {
            records
                .iter()
                .filter(|r| r.path.len() == parent.len() + 1 && r.path.starts_with(parent))
                .map(|r| {
                    let mut v = serde_json::json!({
                        "name": r.path.last(),
                        "status": r.status,
                        "start": r.start,
                        "duration": r.duration,
                    });
                    let kids = children(records, &r.path);
                    if !kids.is_empty() {
                        v["stages"] = serde_json::Value::Array(kids);
                    }
                    v
                })
                .collect()
        }
        children(&records, &[])
    }

    /// The pipeline's stages as JUnit XML: one test case per stage (classname the job, name the stage
    /// path), a failure for a failed stage with its error, skipped for a skipped one.
    pub fn stages_junit(&self) -> String {
        use crate::report::junit::{Case, Status, Suite};
        let mut records = self.stages.lock().clone();
        records.sort_by_key(|r| r.seq);
        // One reader of the log for every stage's part of it.
        let mut log = File::open(self.layout.build_dir.join("log")).ok();
        let cases = records
            .iter()
            .map(|r| Case {
                classname: self.layout.job.clone(),
                name: r.path.join(" / "),
                time: r.duration as f64 / 1000.0,
                status: match r.status.as_str() {
                    "SKIPPED" => Status::Skipped { message: "skipped".into() },
                    "FAILURE" | "ABORTED" => Status::Failed {
                        message: r.error.clone().unwrap_or_else(|| r.status.clone()),
                        kind: r.status.clone(),
                        text: r.error.clone().unwrap_or_default(),
                        error: false,
                    },
                    _ => Status::Passed,
                },
                flaky: false,
                stdout: self.stage_log(&mut log, r),
                stderr: String::new(),
            })
            .collect();
        let suite = Suite {
            name: format!("{} #{}", self.layout.job, self.layout.number),
            time: self.started.elapsed().as_secs_f64(),
            cases,
            ..Suite::default()
        };
        self.log.masked(&crate::report::junit::write(&[suite]))
    }

    /// What a stage printed (its part of the log without the `[Pipeline]` lines; in a parallel branch,
    /// only that branch's lines), the last 1 MiB of it at most.
    fn stage_log(&self, log: &mut Option<File>, r: &StageRecord) -> String {
        use std::io::{Read, Seek, SeekFrom};
        const MAX: u64 = 1 << 20;
        let (from, to) = r.log;
        let skipped = (to.saturating_sub(from)).saturating_sub(MAX);
        let Some(f) = log.as_mut() else { return String::new() };
        let mut bytes = Vec::new();
        if f.seek(SeekFrom::Start(from + skipped)).is_err()
            || f.take(to.saturating_sub(from + skipped)).read_to_end(&mut bytes).is_err()
        {
            return String::new();
        }
        let text = String::from_utf8_lossy(&bytes);
        let mut out = String::new();
        if skipped > 0 {
            out.push_str(&format!("[... {skipped} bytes of earlier output left out ...]\n"));
        }
        let prefix = r.branch.as_ref().map(|b| format!("[{b}] "));
        for line in text.split_inclusive('\n') {
            if line.starts_with("[Pipeline] ") {
                continue;
            }
            match &prefix {
                Some(p) => {
                    if let Some(rest) = line.strip_prefix(p.as_str()) {
                        out.push_str(rest);
                    }
                }
                None => out.push_str(line),
            }
        }
        out
    }

    /// Writes `build.json` (also for failed builds), `stages.xml`, and `tests.xml` when tests were recorded.
    pub fn write_record(&self) {
        let tests = self.tests.lock().clone();
        let test_summary = if tests.is_empty() {
            serde_json::Value::Null
        } else {
            use crate::report::junit::Status;
            let cases: Vec<_> = tests.iter().flat_map(|s| s.cases.iter()).collect();
            let failed: Vec<String> = cases
                .iter()
                .filter(|c| matches!(c.status, Status::Failed { .. }))
                .map(|c| if c.classname.is_empty() { c.name.clone() } else { format!("{}.{}", c.classname, c.name) })
                .collect();
            let skipped = cases.iter().filter(|c| matches!(c.status, Status::Skipped { .. })).count();
            let _ = fs::write(
                self.layout.build_dir.join("tests.xml"),
                self.log.masked(&crate::report::junit::write(&tests)),
            );
            serde_json::json!({ "total": cases.len(), "failed": failed.len(), "skipped": skipped, "failedTests": failed })
        };
        let _ = fs::write(self.layout.build_dir.join("stages.xml"), self.stages_junit());
        let stages = self.stage_tree();
        let record = serde_json::json!({
            "number": self.layout.number,
            "job": self.layout.job,
            "result": self.result().name(),
            "start": self.start_millis,
            "duration": self.started.elapsed().as_millis() as u64,
            "parameters": self.params.iter().map(|(k, v)| (k.clone(), self.log.masked(v))).collect::<IndexMap<_, _>>(),
            "commit": self.facts.commit,
            "stages": stages,
            "artifacts": self.artifacts.lock().clone(),
            "tests": test_summary,
            "fingerprints": self.fingerprints.lock().clone(),
            "stashes": self.stashes.lock().clone(),
            // What `env.NAME = value` set: a downstream build's `buildVariables`.
            // Masked value by value: a secret with quotes or backslashes is escaped in the JSON text,
            // where masking the whole text would not find it.
            "buildVariables": self.env.lock().iter().map(|(k, v)| (k.clone(), self.log.masked(v))).collect::<IndexMap<_, _>>(),
            "description": self.description.lock().as_deref().map(|d| self.log.masked(d)),
            "displayName": self.display_name.lock().as_deref().map(|d| self.log.masked(d)),
        });
        if let Ok(text) = serde_json::to_string_pretty(&record) {
            let _ = fs::write(self.layout.build_dir.join("build.json"), self.log.masked(&text) + "\n");
        }
    }
}
