//! Differential test: every Jenkinsfile and parser fixture goes through jeeves' parser and through real
//! Groovy 2.4.21 (the compiler Jenkins runs, up to phase CONVERSION: syntax only), and the two must agree
//! on accept versus reject. Files under a `valid/` folder must be accepted and under `invalid/` rejected,
//! by both.
//!
//! Groovy comes from Debian's `groovy` package (the README's test command installs it). Without it this
//! test fails and says how to get it: it never passes without having asked Groovy.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn groovy_lib() -> PathBuf {
    std::env::var_os("JEEVES_GROOVY_LIB").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("/usr/share/groovy/lib"))
}

fn is_groovy_source(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.ends_with(".groovy")
        || name.starts_with("Jenkinsfile")
        || name.ends_with(".Jenkinsfile")
        || name.ends_with(".jenkinsfile")
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if is_groovy_source(&path) {
            out.push(path);
        }
    }
}

/// Asks Groovy about every file in one JVM run. Returns path -> Ok(()) or Err(message).
fn groovy_verdicts(files: &[PathBuf]) -> BTreeMap<PathBuf, Result<(), String>> {
    let lib = groovy_lib();
    let jars = ["groovy-2.4.21.jar", "antlr.jar", "asm.jar"].map(|j| lib.join(j));
    if let Some(missing) = jars.iter().find(|j| !j.exists()) {
        panic!(
            "Groovy 2.4.21 is needed as the reference parser but {} is missing. Install it with \
             `apt-get install -y groovy` (the README's test command does), or point JEEVES_GROOVY_LIB at \
             the folder holding groovy-2.4.21.jar, antlr.jar and asm.jar.",
            missing.display()
        );
    }
    let classpath = jars.iter().map(|j| j.display().to_string()).collect::<Vec<_>>().join(":");
    let checker = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/groovy/ParseCheck.java");
    let output =
        Command::new("java").arg("-cp").arg(&classpath).arg(&checker).args(files).output().unwrap_or_else(|e| {
            panic!("cannot start `java` to run Groovy ({e}); install a JDK 17 (apt-get install -y groovy brings one)")
        });
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
    let mut files = Vec::new();
    collect(&root.join("jenkinsfiles"), &mut files);
    collect(&root.join("fixtures/parse"), &mut files);
    files.sort();
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
