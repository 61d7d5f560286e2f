//! `jeeves lint` speed: 1,000 Jenkinsfiles (the repository's own, repeated) linted by the release binary,
//! files per second, with a baseline run in the same benchmark: `jeeves parse --quiet` over the same
//! files (syntax only, one core), and CodeNarc (Debian's libcodenarc-groovy-java, a generic Groovy linter)
//! where it is installed. Goal: under 1 second for 1,000 files on the 2-core machine, using both cores.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

fn jeeves() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let status =
        Command::new("cargo").args(["build", "--release", "--quiet"]).current_dir(root).status().expect("cargo");
    assert!(status.success());
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| root.join("target"));
    target.join("release/jeeves")
}

/// 1,000 Jenkinsfiles: every valid one under jenkinsfiles/, copied round-robin.
fn corpus(dir: &Path) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    jeeves::lint::discover(&root.join("jenkinsfiles"), &mut files);
    // The pipelines Jenkins accepts (not the lint cases, not the ones its validator rejects).
    files.retain(|f| {
        let rejected = std::fs::read_to_string(f.with_extension("expect"))
            .is_ok_and(|t| t.contains("MultipleCompilationErrorsException"));
        !f.starts_with(root.join("jenkinsfiles/lint")) && !rejected
    });
    let mut bytes = 0;
    for i in 0..1000 {
        let src = &files[i % files.len()];
        let text = std::fs::read(src).unwrap();
        bytes += text.len();
        let sub = dir.join(format!("p{:02}", i / 50));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(sub.join(format!("job{i:04}.Jenkinsfile")), text).unwrap();
    }
    bytes
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// CodeNarc's command line from Debian's jars, when they are installed.
fn codenarc() -> Option<Command> {
    let java = Path::new("/usr/share/java");
    let jar = |prefix: &str| -> Option<PathBuf> {
        let mut found: Vec<PathBuf> = std::fs::read_dir(java)
            .ok()?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().to_lowercase().starts_with(prefix)))
            .collect();
        found.sort();
        found.into_iter().next()
    };
    let codenarc = jar("codenarc")?;
    let mut cp = vec![codenarc];
    for prefix in
        ["gmetrics", "log4j-1.2", "groovy-all", "groovy.jar", "groovy-2", "antlr.jar", "asm", "commons-cli", "ant.jar"]
    {
        if let Some(j) = jar(prefix) {
            cp.push(j);
        }
    }
    if let Ok(entries) = std::fs::read_dir("/usr/share/groovy/lib") {
        cp.extend(entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "jar")));
    }
    let cp: Vec<String> = cp.iter().map(|p| p.display().to_string()).collect();
    let mut cmd = Command::new("java");
    cmd.arg("-cp").arg(cp.join(":")).arg("org.codenarc.CodeNarc");
    Some(cmd)
}

fn main() {
    let bin = jeeves();
    let dir = tempfile::tempdir().unwrap();
    let bytes = corpus(dir.path());
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    println!("lint: 1000 Jenkinsfiles ({:.1} MB) on {cores} cores", bytes as f64 / 1e6);
    let runs = 7;
    let mut lint = Vec::new();
    let mut rss = 0;
    let mut cpu = Vec::new();
    for _ in 0..runs {
        let (t, r, c) = common::measure_cpu(
            Command::new(&bin).args(["lint", "--format", "json", "-o", "/dev/null"]).arg(dir.path()),
        );
        lint.push(t);
        cpu.push(c.as_secs_f64() / t.as_secs_f64());
        rss = rss.max(r);
    }
    cpu.sort_by(f64::total_cmp);
    let files: Vec<String> = {
        let mut f = Vec::new();
        jeeves::lint::discover(dir.path(), &mut f);
        f.iter().map(|p| p.display().to_string()).collect()
    };
    let mut parse = Vec::new();
    for _ in 0..runs {
        parse.push(common::measure(Command::new(&bin).arg("parse").arg("--quiet").args(&files)).0);
    }
    let (l, p) = (median(lint), median(parse));
    println!(
        "  jeeves lint:          {:>7.1} ms median of {runs}  ({:.0} files/s, peak RSS {} MB)  goal < 1000 ms",
        l.as_secs_f64() * 1e3,
        1000.0 / l.as_secs_f64(),
        rss / 1024
    );
    println!("  cores busy during lint: {:.2} (CPU time / wall time, median)", cpu[cpu.len() / 2]);
    println!(
        "  jeeves parse (1 core): {:>7.1} ms  (lint / parse = {:.2}x)",
        p.as_secs_f64() * 1e3,
        l.as_secs_f64() / p.as_secs_f64()
    );
    match codenarc() {
        Some(mut cmd) if Command::new("java").arg("-version").output().is_ok() => {
            cmd.arg(format!("-basedir={}", dir.path().display()))
                .arg("-includes=**/*.Jenkinsfile")
                .arg(format!("-report=text:{}", dir.path().join("codenarc.txt").display()));
            let started = std::time::Instant::now();
            let out = cmd.output().expect("java");
            let t = started.elapsed();
            if out.status.success() {
                println!(
                    "  CodeNarc 0.23:        {:>7.1} ms  ({:.0} files/s; jeeves lint is {:.0}x faster)",
                    t.as_secs_f64() * 1e3,
                    1000.0 / t.as_secs_f64(),
                    t.as_secs_f64() / l.as_secs_f64()
                );
            } else {
                println!(
                    "  CodeNarc failed to run: {}",
                    String::from_utf8_lossy(&out.stderr).lines().last().unwrap_or("")
                );
            }
        }
        _ => println!("  CodeNarc: not installed (apt install libcodenarc-groovy-java to compare)"),
    }
}
