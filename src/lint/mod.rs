//! `jeeves lint`: finds in Jenkinsfiles what Jenkins' declarative validator rejects and what Jenkins only
//! finds at run time, with a stable code per rule (`rules/`), configuration from `jeeves.toml`, inline
//! suppression, and the output formats review tools read (`format`).
//!
//! Not for: running anything. The rules read the syntax tree, the declarative model the runner uses
//! (`pipeline::model`) and the step declarations (`steps::registry`).

pub mod catalog;
pub mod format;
pub mod rules;
pub mod walk;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::syntax::ast::{Script, Span};

/// How bad a finding is; errors fail `jeeves lint`, warnings only with `--deny warnings`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s.to_ascii_lowercase().as_str() {
            "error" | "deny" => Some(Severity::Error),
            "warning" | "warn" => Some(Severity::Warning),
            "info" | "note" => Some(Severity::Info),
            _ => None,
        }
    }
}

/// A change that fixes a finding for certain: `span` becomes `replacement`.
#[derive(Clone, Debug)]
pub struct Fix {
    pub span: Span,
    pub replacement: String,
}

/// One problem a rule found.
#[derive(Clone, Debug)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub span: Span,
    /// 1-based line and column of the span's start (filled in by [`lint_source`]).
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub help: Option<String>,
    pub fix: Option<Fix>,
}

/// A rule: a stable code, a default severity, and the text `--explain` prints.
pub struct Rule {
    pub code: &'static str,
    /// A short kebab-case name (`unknown-step`).
    pub name: &'static str,
    pub severity: Severity,
    /// One line: what it finds.
    pub summary: &'static str,
    /// What it finds, why it matters, and an example (Markdown).
    pub explain: &'static str,
    pub check: fn(&Context, &mut Findings),
}

/// Where a rule puts what it finds.
pub struct Findings {
    rule: &'static Rule,
    pub list: Vec<Finding>,
}

impl Findings {
    /// A finding at `span` with the rule's code and severity.
    pub fn add(&mut self, span: Span, message: impl Into<String>) -> &mut Finding {
        self.list.push(Finding {
            code: self.rule.code,
            severity: self.rule.severity,
            message: message.into(),
            span,
            line: 0,
            column: 0,
            end_line: 0,
            end_column: 0,
            help: None,
            fix: None,
        });
        self.list.last_mut().expect("just pushed")
    }
}

/// What a rule can read about one file.
pub struct Context<'a> {
    pub path: &'a str,
    pub source: &'a str,
    pub script: &'a Script,
    /// The declarative pipeline read from the script (None for a scripted pipeline), or the
    /// validator's errors.
    pub model: Option<Result<crate::pipeline::Pipeline, Vec<crate::pipeline::ModelError>>>,
    pub catalog: &'a catalog::Catalog,
    /// A shared library's global variable file (`vars/*.groovy`): steps are defined elsewhere.
    pub library_var: bool,
    /// Names the script defines (methods, variables, parameters): calls of them are not steps.
    pub defined: HashSet<String>,
}

impl Context<'_> {
    pub fn declarative(&self) -> bool {
        self.model.is_some()
    }
}

/// Every rule jeeves knows, in code order.
pub fn rules() -> &'static [Rule] {
    rules::ALL
}

pub fn rule(code: &str) -> Option<&'static Rule> {
    rules().iter().find(|r| r.code.eq_ignore_ascii_case(code) || r.name == code)
}

/// Which rules run and at what level (from `jeeves.toml`'s `[lint]` and the command line).
#[derive(Clone, Default)]
pub struct Config {
    pub disabled: HashSet<String>,
    pub levels: HashMap<String, Severity>,
    /// Rules that are off by default, turned on.
    pub enabled: HashSet<String>,
    /// Files describing extra steps (`--steps`, `[lint] steps = [...]`).
    pub step_files: Vec<PathBuf>,
}

impl Config {
    /// Reads the `[lint]` table of `jeeves.toml` in `dir`, if there is one.
    pub fn load(dir: &Path) -> Result<Config, String> {
        let path = dir.join("jeeves.toml");
        let Ok(text) = std::fs::read_to_string(&path) else { return Ok(Config::default()) };
        let doc: toml::Table = text.parse().map_err(|e| format!("{}: {e}", path.display()))?;
        let mut c = Config::default();
        let Some(lint) = doc.get("lint").and_then(|l| l.as_table()) else { return Ok(c) };
        let codes = |key: &str| -> Result<Vec<String>, String> {
            match lint.get(key) {
                None => Ok(Vec::new()),
                Some(toml::Value::Array(a)) => a
                    .iter()
                    .map(|v| {
                        v.as_str()
                            .map(str::to_string)
                            .ok_or_else(|| format!("{}: [lint] {key}: expected strings", path.display()))
                    })
                    .collect(),
                Some(_) => Err(format!("{}: [lint] {key}: expected a list of rule codes", path.display())),
            }
        };
        for code in codes("disable")? {
            c.disabled.insert(known_code(&code, &path)?);
        }
        for code in codes("enable")? {
            c.enabled.insert(known_code(&code, &path)?);
        }
        for f in codes("steps")? {
            c.step_files.push(dir.join(f));
        }
        if let Some(levels) = lint.get("levels").and_then(|l| l.as_table()) {
            for (code, level) in levels {
                let code = known_code(code, &path)?;
                let level = level.as_str().and_then(Severity::parse).ok_or_else(|| {
                    format!("{}: [lint.levels] {code}: expected \"error\", \"warning\" or \"info\"", path.display())
                })?;
                c.levels.insert(code, level);
            }
        }
        Ok(c)
    }
}

fn known_code(code: &str, path: &Path) -> Result<String, String> {
    rule(code).map(|r| r.code.to_string()).ok_or_else(|| format!("{}: [lint]: no rule {code}", path.display()))
}

/// What linting one file gave.
pub struct FileReport {
    pub path: String,
    pub source: Arc<str>,
    pub findings: Vec<Finding>,
    /// The file it came from, when it came from one (`--fix` writes there).
    pub file: Option<PathBuf>,
    /// `source` is the file's bytes exactly (valid UTF-8), so a fix can be written back.
    pub exact: bool,
}

impl FileReport {
    pub fn count(&self, s: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == s).count()
    }
}

/// Lints one file's text.
pub fn lint_source(path: &str, source: &str, catalog: &catalog::Catalog, config: &Config) -> FileReport {
    let index = crate::syntax::LineIndex::new(source);
    let mut findings = Vec::new();
    match crate::syntax::parse(source) {
        Err(e) => {
            let rule = rule("JV001").expect("the syntax rule exists");
            let mut sink = Findings { rule, list: Vec::new() };
            sink.add(e.span, e.message.clone());
            findings = sink.list;
        }
        Ok(script) => {
            let model = crate::pipeline::model::read(&script, source);
            let library_var = Path::new(path).parent().and_then(|p| p.file_name()).is_some_and(|n| n == "vars")
                && path.ends_with(".groovy");
            let defined = rules::defined_names(&script.statements);
            let cx = Context { path, source, script: &script, model, catalog, library_var, defined };
            for rule in rules() {
                if rule.code == "JV001" || config.disabled.contains(rule.code) {
                    continue;
                }
                if rule.severity == Severity::Info
                    && !config.enabled.contains(rule.code)
                    && rules::OFF_BY_DEFAULT.contains(&rule.code)
                {
                    continue;
                }
                let mut sink = Findings { rule, list: Vec::new() };
                (rule.check)(&cx, &mut sink);
                findings.extend(sink.list);
            }
        }
    }
    let suppressed = suppressions(source, &index);
    findings.retain(|f| {
        let line = index.line_col(f.span.start as usize).0;
        !suppressed.iter().any(|(l, code)| (*l == line || *l + 1 == line) && (code == f.code || code == "all"))
    });
    for f in &mut findings {
        // Messages quote the file's text: no control characters reach a terminal or a one-line format.
        if f.message.chars().any(char::is_control) {
            f.message = f.message.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        }
        if let Some(level) = config.levels.get(f.code) {
            f.severity = *level;
        }
        (f.line, f.column) = index.line_col(f.span.start as usize);
        (f.end_line, f.end_column) = index.line_col(f.span.end.max(f.span.start) as usize);
    }
    findings.sort_by_key(|f| (f.span.start, f.code));
    findings.dedup_by(|a, b| a.code == b.code && a.span == b.span && a.message == b.message);
    FileReport { path: path.to_string(), source: Arc::from(source), findings, file: None, exact: true }
}

/// `// jeeves-lint: ignore JV012 JV013` comments: (line, code) pairs; `ignore` alone ignores all. Lines
/// are counted as everywhere else (`\n`, `\r\n` or a lone `\r`).
fn suppressions(source: &str, index: &crate::syntax::LineIndex) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (at, _) in source.match_indices("jeeves-lint:") {
        let rest = &source[at + "jeeves-lint:".len()..];
        let rest = rest.split(['\n', '\r']).next().unwrap_or("").trim();
        let Some(codes) = rest.strip_prefix("ignore") else { continue };
        let line = index.line_col(at).0;
        let codes: Vec<&str> = codes.split(|c: char| c == ',' || c.is_whitespace()).filter(|c| !c.is_empty()).collect();
        if codes.is_empty() {
            out.push((line, "all".to_string()));
        }
        for c in codes {
            let code = rule(c).map(|r| r.code.to_string()).unwrap_or_else(|| c.to_ascii_uppercase());
            out.push((line, code));
        }
    }
    out
}

/// Whether a file name is a Jenkinsfile by the names `jeeves lint` looks for.
pub fn is_jenkinsfile(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else { return false };
    if name == "Jenkinsfile"
        || name.starts_with("Jenkinsfile.")
        || name.ends_with(".jenkinsfile")
        || name.ends_with(".Jenkinsfile")
    {
        return true;
    }
    name.ends_with(".groovy") && path.parent().and_then(|p| p.file_name()).is_some_and(|d| d == "vars")
}

/// The Jenkinsfiles under `dir` (not looking into `.git`, `target`, `node_modules` or jeeves homes).
pub fn discover(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let path = e.path();
        let Ok(ft) = e.file_type() else { continue };
        let name = e.file_name();
        let name = name.to_string_lossy();
        if ft.is_dir() {
            if matches!(name.as_ref(), ".git" | "target" | "node_modules" | ".jeeves" | ".svn" | ".hg") {
                continue;
            }
            discover(&path, out);
        } else if ft.is_file() && is_jenkinsfile(&path) {
            out.push(path);
        }
    }
}

/// Lints `files` on every core; reports in the order given.
pub fn lint_files(files: &[PathBuf], catalog: &catalog::Catalog, config: &Config) -> Vec<Result<FileReport, String>> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<parking_lot::Mutex<Option<Result<FileReport, String>>>> =
        files.iter().map(|_| parking_lot::Mutex::new(None)).collect();
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).min(files.len().max(1));
    std::thread::scope(|s| {
        for _ in 0..threads {
            // Deeply nested files need the stack the interpreter threads get (only touched pages count).
            let worker = std::thread::Builder::new().stack_size(crate::runner::STACK_SIZE);
            let spawned = worker.spawn_scoped(s, || loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(path) = files.get(i) else { break };
                let display = path.display().to_string();
                let r = match std::fs::read(path) {
                    Ok(bytes) => {
                        let exact = std::str::from_utf8(&bytes).is_ok();
                        let mut r = lint_source(&display, &String::from_utf8_lossy(&bytes), catalog, config);
                        r.file = Some(path.clone());
                        r.exact = exact;
                        Ok(r)
                    }
                    Err(e) => Err(format!("{display}: {e}")),
                };
                *results[i].lock() = Some(r);
            });
            if let Err(e) = spawned {
                eprintln!("jeeves lint: cannot start a worker thread: {e}");
            }
        }
    });
    results
        .into_iter()
        .zip(files)
        .map(|(m, f)| m.into_inner().unwrap_or_else(|| Err(format!("{}: not linted", f.display()))))
        .collect()
}
