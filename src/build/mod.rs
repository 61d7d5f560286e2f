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

/// The console log: written to stdout and to `log` in the build directory, a whole line at a time so
/// parallel branches do not interleave within a line.
pub struct Log {
    sinks: Mutex<Sinks>,
}

struct Sinks {
    stdout: Box<dyn Write + Send>,
    file: Option<File>,
    /// The last byte written ended a line.
    at_line_start: bool,
}

impl Sinks {
    fn put(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        let _ = self.stdout.write_all(text.as_bytes());
        if let Some(f) = self.file.as_mut() {
            let _ = f.write_all(text.as_bytes());
        }
        self.at_line_start = text.ends_with('\n');
    }
}

impl Log {
    pub fn new(stdout: Box<dyn Write + Send>, file: Option<File>) -> Log {
        Log { sinks: Mutex::new(Sinks { stdout, file, at_line_start: true }) }
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
    pub description: Mutex<Option<String>>,
    pub display_name: Mutex<Option<String>>,
    /// Stages in the order they ended: name, status, duration.
    stages: Mutex<Vec<serde_json::Value>>,
}

impl Build {
    pub fn new(layout: Layout, stdout: Box<dyn Write + Send>, params: IndexMap<String, String>) -> Arc<Build> {
        let file = File::create(layout.build_dir.join("log")).ok();
        let start_millis = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0);
        Arc::new(Build {
            layout,
            log: Log::new(stdout, file),
            started: Instant::now(),
            start_millis,
            result: Mutex::new(BuildResult::Success),
            explicit: Mutex::new(None),
            env: Mutex::new(IndexMap::new()),
            params,
            description: Mutex::new(None),
            display_name: Mutex::new(None),
            stages: Mutex::new(Vec::new()),
        })
    }

    pub fn result(&self) -> BuildResult {
        *self.result.lock()
    }

    /// `currentBuild.result`: null until something sets it.
    pub fn explicit_result(&self) -> Option<BuildResult> {
        *self.explicit.lock()
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
        vec![
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
        ]
    }

    pub fn record_stage(&self, name: &str, status: &str, duration_ms: u64) {
        self.stages.lock().push(serde_json::json!({ "name": name, "status": status, "duration": duration_ms }));
    }

    /// Writes `build.json` (also for failed builds).
    pub fn write_record(&self) {
        let stages = self.stages.lock().clone();
        let record = serde_json::json!({
            "number": self.layout.number,
            "job": self.layout.job,
            "result": self.result().name(),
            "start": self.start_millis,
            "duration": self.started.elapsed().as_millis() as u64,
            "parameters": self.params,
            "stages": stages,
        });
        if let Ok(text) = serde_json::to_string_pretty(&record) {
            let _ = fs::write(self.layout.build_dir.join("build.json"), text + "\n");
        }
    }
}
