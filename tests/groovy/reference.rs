//! Shared by `tests/parse_differential.rs` and `benches/parse.rs`: where the Groovy 2.4.21 reference
//! lives, how `ParseCheck.java` is started, and which files make up the parser corpus. Also by
//! `tests/groovy_conformance.rs`, which runs snippets through `RunSnippets.java`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The class path of the reference compiler, or why it cannot be had.
pub fn classpath() -> Result<String, String> {
    let lib =
        std::env::var_os("JEEVES_GROOVY_LIB").map(PathBuf::from).unwrap_or_else(|| "/usr/share/groovy/lib".into());
    let jars = ["groovy-2.4.21.jar", "antlr.jar", "asm.jar"].map(|j| lib.join(j));
    match jars.iter().find(|j| !j.exists()) {
        Some(missing) => Err(format!(
            "Groovy 2.4.21 is needed as the reference parser but {} is missing. Install it with \
             `apt-get install -y groovy` (the README's test command does), or point JEEVES_GROOVY_LIB at \
             the folder holding groovy-2.4.21.jar, antlr.jar and asm.jar.",
            missing.display()
        )),
        None => Ok(jars.iter().map(|j| j.display().to_string()).collect::<Vec<_>>().join(":")),
    }
}

/// Runs `tests/groovy/ParseCheck.java` in one JVM over `files`, with `args` before them.
pub fn run_checker(classpath: &str, args: &[&str], files: &[PathBuf]) -> Output {
    let checker = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/groovy/ParseCheck.java");
    Command::new("java").arg("-cp").arg(classpath).arg(&checker).args(args).args(files).output().unwrap_or_else(|e| {
        panic!("cannot start `java` to run Groovy ({e}); install a JDK 17 (apt-get install -y groovy brings one)")
    })
}

/// Every Groovy source under `jenkinsfiles/` and `fixtures/parse/`, sorted; `invalid/` folders only when asked.
pub fn corpus(with_invalid: bool) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    collect(&root.join("jenkinsfiles"), with_invalid, &mut files);
    collect(&root.join("fixtures/parse"), with_invalid, &mut files);
    files.sort();
    files
}

fn collect(dir: &Path, with_invalid: bool, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if path.is_dir() {
            if with_invalid || name != "invalid" {
                collect(&path, with_invalid, out);
            }
        } else if name.ends_with(".groovy")
            || name.starts_with("Jenkinsfile")
            || name.ends_with(".Jenkinsfile")
            || name.ends_with(".jenkinsfile")
        {
            out.push(path);
        }
    }
}

/// Runs `tests/groovy/RunSnippets.java` in one JVM over `files`: for each, a line `=== <path>` and then what
/// the snippet printed under real Groovy (see the comment at the top of that file).
// Only the conformance suite runs snippets; the parser tests and benchmark that share this file do not.
#[allow(dead_code)]
pub fn run_snippets(classpath: &str, files: &[PathBuf]) -> Output {
    let harness = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/groovy/RunSnippets.java");
    Command::new("java").arg("-cp").arg(classpath).arg(&harness).args(files).output().unwrap_or_else(|e| {
        panic!("cannot start `java` to run Groovy ({e}); install a JDK 17 (apt-get install -y groovy brings one)")
    })
}
