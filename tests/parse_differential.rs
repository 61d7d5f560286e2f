//! Differential test: every Jenkinsfile and parser fixture goes through jeeves' parser and through real
//! Groovy 2.4.21 (the compiler Jenkins runs, up to phase CONVERSION: syntax only), and the two must agree
//! on accept versus reject. Files under a `valid/` folder must be accepted and under `invalid/` rejected,
//! by both.
//!
//! Groovy comes from Debian's `groovy` package (the README's test command installs it). Without it this
//! test fails and says how to get it: it never passes without having asked Groovy.

#[path = "groovy/reference.rs"]
mod reference;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Asks Groovy about every file in one JVM run. Returns path -> Ok(()) or Err(message).
fn groovy_verdicts(files: &[PathBuf]) -> BTreeMap<PathBuf, Result<(), String>> {
    let classpath = reference::classpath().unwrap_or_else(|why| panic!("{why}"));
    let output = reference::run_checker(&classpath, &[], files);
    assert!(output.status.success(), "the Groovy checker failed: {}", String::from_utf8_lossy(&output.stderr));
    let mut verdicts = BTreeMap::new();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        if let Some(path) = line.strip_prefix("OK ") {
            verdicts.insert(PathBuf::from(path), Ok(()));
        } else if let Some(rest) = line.strip_prefix("ERR ") {
            let path = files.iter().find(|f| rest.starts_with(&*f.to_string_lossy())).cloned();
            if let Some(path) = path {
                let msg = rest[path.to_string_lossy().len()..].trim().to_string();
                verdicts.insert(path, Err(msg));
            }
        }
    }
    verdicts
}

#[test]
fn jeeves_and_groovy_agree_on_every_file() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = reference::corpus(true);
    assert!(files.len() >= 150, "expected the parser corpus to hold at least 150 files, found {}", files.len());

    let groovy = groovy_verdicts(&files);
    let mut disagreements = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("fixtures are UTF-8");
        let ours = jeeves::syntax::parse(&text);
        let Some(theirs) = groovy.get(file) else {
            disagreements.push(format!("{}: Groovy gave no verdict", file.display()));
            continue;
        };
        let shown = file.strip_prefix(root).unwrap_or(file).display();
        match (&ours, theirs) {
            (Ok(_), Ok(())) | (Err(_), Err(_)) => {}
            (Ok(_), Err(msg)) => disagreements.push(format!("{shown}: jeeves accepts, Groovy rejects: {msg}")),
            (Err(e), Ok(())) => disagreements.push(format!("{shown}: Groovy accepts, jeeves rejects: {e}")),
        }
        // The guards in grammar/guards.pest may only skip what cannot match: the error-finding parser,
        // built without them, must accept exactly the same files.
        if !jeeves::syntax::guarded_and_plain_grammars_agree(&text) {
            disagreements.push(format!("{shown}: the grammar with and without its guards disagree"));
        }
        let in_dir = |d: &str| file.components().any(|c| c.as_os_str() == d);
        if in_dir("valid") && ours.is_err() {
            disagreements.push(format!("{shown}: lives under valid/ but does not parse"));
        }
        if in_dir("invalid") && ours.is_ok() {
            disagreements.push(format!("{shown}: lives under invalid/ but parses"));
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} of {} files disagree:\n{}",
        disagreements.len(),
        files.len(),
        disagreements.join("\n")
    );
    eprintln!("{} files: jeeves and Groovy 2.4.21 agree on every one", files.len());
}
