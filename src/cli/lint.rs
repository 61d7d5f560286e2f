//! `jeeves lint [PATH...]`: checks Jenkinsfiles without a Jenkins; see `lint/`.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::lint::format::Format;
use crate::lint::{self, Severity};

#[derive(Args)]
pub(crate) struct LintArgs {
    /// Files or directories (default: the current directory). Directories are searched for
    /// `Jenkinsfile`, `Jenkinsfile.*`, `*.jenkinsfile`, `*.Jenkinsfile` and a shared library's
    /// `vars/*.groovy`
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Print what a rule finds, why it matters and an example, then exit
    #[arg(long, value_name = "CODE")]
    explain: Option<String>,
    /// List every rule with its code, severity and summary, then exit
    #[arg(long)]
    list_rules: bool,
    /// A JSON or YAML list of extra steps (names, or maps with name, parameters and required), for
    /// the plugins of your Jenkins; repeatable
    #[arg(long, value_name = "FILE")]
    steps: Vec<PathBuf>,
    /// Fail (exit 1) on warnings too: `--deny warnings`
    #[arg(long, value_name = "LEVEL", value_parser = ["warnings"])]
    deny: Option<String>,
    /// Turn a rule off (repeatable)
    #[arg(long, value_name = "CODE")]
    disable: Vec<String>,
    /// Rewrite the files where a fix is certain (a secret in a double-quoted sh script becomes single-quoted)
    #[arg(long)]
    fix: bool,
    /// Write the report to FILE instead of stdout
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
}

fn usage(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("jeeves lint: {message}");
    ExitCode::from(super::EXIT_USAGE)
}

pub(crate) fn run(args: LintArgs) -> ExitCode {
    // `--fix` lints again on this thread: give it the stack deeply nested files need.
    let worker = std::thread::Builder::new().stack_size(crate::runner::STACK_SIZE);
    match std::thread::scope(|s| worker.spawn_scoped(s, || lint(args)).map(|h| h.join())) {
        Ok(Ok(code)) => code,
        _ => usage("the linter stopped unexpectedly"),
    }
}

fn lint(args: LintArgs) -> ExitCode {
    if args.list_rules {
        let mut out = String::new();
        for r in lint::rules() {
            out.push_str(&format!("{}  {:<8} {:<24} {}\n", r.code, r.severity.name(), r.name, r.summary));
        }
        let _ = std::io::stdout().write_all(out.as_bytes());
        return ExitCode::SUCCESS;
    }
    if let Some(code) = &args.explain {
        return match lint::rule(code) {
            Some(r) => {
                println!("{}\n\nDefault severity: {}.", r.explain, r.severity.name());
                ExitCode::SUCCESS
            }
            None => usage(format!("no rule {code}; `jeeves lint --list-rules` lists them")),
        };
    }
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let mut config = match lint::Config::load(&cwd) {
        Ok(c) => c,
        Err(e) => return usage(e),
    };
    for code in &args.disable {
        match lint::rule(code) {
            Some(r) => {
                config.disabled.insert(r.code.to_string());
            }
            None => return usage(format!("no rule {code}; `jeeves lint --list-rules` lists them")),
        }
    }
    let mut catalog = lint::catalog::Catalog::builtin();
    for f in config.step_files.clone().iter().chain(&args.steps) {
        if let Err(e) = catalog.add_file(f) {
            return usage(e);
        }
    }
    let mut files = Vec::new();
    let paths = if args.paths.is_empty() { vec![PathBuf::from(".")] } else { args.paths.clone() };
    for p in &paths {
        if p.is_dir() {
            lint::discover(p, &mut files);
        } else if p.is_file() {
            files.push(p.clone());
        } else {
            return usage(format!("{}: no such file or directory", p.display()));
        }
    }
    if files.is_empty() {
        return usage("no Jenkinsfiles found (looked for Jenkinsfile, Jenkinsfile.*, *.jenkinsfile, *.Jenkinsfile, vars/*.groovy)");
    }
    let mut reports = Vec::new();
    let mut io_error = false;
    for r in lint::lint_files(&files, &catalog, &config) {
        match r {
            Ok(r) => reports.push(r),
            Err(e) => {
                eprintln!("jeeves lint: {e}");
                io_error = true;
            }
        }
    }
    if args.fix {
        for r in &mut reports {
            let mut fixes: Vec<&lint::Fix> = r.findings.iter().filter_map(|f| f.fix.as_ref()).collect();
            let Some(file) = r.file.clone().filter(|_| !fixes.is_empty()) else { continue };
            if !r.exact {
                eprintln!("jeeves lint: {}: not UTF-8, so not rewritten by --fix", r.path);
                continue;
            }
            fixes.sort_by_key(|f| std::cmp::Reverse(f.span.start));
            let mut text = r.source.to_string();
            let mut last = usize::MAX;
            let mut applied = 0;
            for f in fixes {
                let (s, e) = (f.span.start as usize, f.span.end as usize);
                if e > last || e > text.len() {
                    continue; // overlapping
                }
                text.replace_range(s..e, &f.replacement);
                last = s;
                applied += 1;
            }
            if let Err(e) = std::fs::write(&file, &text) {
                eprintln!("jeeves lint: {}: cannot write the fix: {e}", r.path);
                io_error = true;
                continue;
            }
            eprintln!("jeeves lint: {}: fixed {applied} finding{}", r.path, if applied == 1 { "" } else { "s" });
            let path = r.path.clone();
            *r = lint::lint_source(&path, &text, &catalog, &config);
            r.file = Some(file);
        }
    }
    let color = args.output.is_none()
        && args.format == Format::Human
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none();
    let text = lint::format::render(args.format, &reports, color);
    match &args.output {
        Some(path) => {
            if let Err(e) = std::fs::write(path, &text) {
                return usage(format!("cannot write {}: {e}", path.display()));
            }
        }
        None => {
            let _ = std::io::stdout().write_all(text.as_bytes());
        }
    }
    let worst = reports.iter().flat_map(|r| &r.findings).map(|f| f.severity).max();
    let deny_warnings = args.deny.is_some();
    if worst == Some(Severity::Error) || (deny_warnings && worst == Some(Severity::Warning)) {
        ExitCode::from(1)
    } else if io_error {
        ExitCode::from(super::EXIT_USAGE)
    } else {
        ExitCode::SUCCESS
    }
}
