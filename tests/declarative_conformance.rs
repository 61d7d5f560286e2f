//! Declarative and step conformance: every `jenkinsfiles/{declarative,steps}/NAME.Jenkinsfile` runs through
//! the real binary and must end with the exit code and print the lines (in order) that `NAME.expect`
//! beside it lists.
//! The format is described in `jenkinsfiles/declarative/README.md`.

use std::path::{Path, PathBuf};
use std::process::Command;

struct Expect {
    args: Vec<String>,
    setup: Vec<String>,
    before: Vec<Vec<String>>,
    exit: i32,
    lines: Vec<String>,
    absent: Vec<String>,
    stderr: Vec<String>,
}

fn split(line: &str, file: &Path) -> Vec<String> {
    shlex::split(line).unwrap_or_else(|| panic!("{}: cannot split `{line}` like a shell", file.display()))
}

fn read_expect(path: &Path) -> Expect {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut e = Expect {
        args: Vec::new(),
        setup: Vec::new(),
        before: Vec::new(),
        exit: -1,
        lines: Vec::new(),
        absent: Vec::new(),
        stderr: Vec::new(),
    };
    let mut body = false;
    for line in text.lines() {
        if body {
            if let Some(x) = line.strip_prefix('!') {
                e.absent.push(x.to_string());
            } else if let Some(x) = line.strip_prefix("2>") {
                e.stderr.push(x.to_string());
            } else if !line.is_empty() {
                e.lines.push(line.to_string());
            }
            continue;
        }
        if line == "---" {
            body = true;
        } else if line.starts_with('#') || line.trim().is_empty() {
        } else if let Some(x) = line.strip_prefix("args:") {
            e.args = split(x, path);
        } else if let Some(x) = line.strip_prefix("setup:") {
            e.setup.push(x.trim().to_string());
        } else if let Some(x) = line.strip_prefix("before:") {
            e.before.push(split(x, path));
        } else if let Some(x) = line.strip_prefix("exit:") {
            e.exit = x.trim().parse().unwrap_or_else(|_| panic!("{}: bad exit line `{line}`", path.display()));
        } else {
            panic!("{}: unknown header line `{line}`", path.display());
        }
    }
    assert!(e.exit >= 0, "{}: no `exit:` line", path.display());
    e
}

fn jeeves(project: &Path, home: &Path, args: &[String]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_jeeves"))
        .arg("run")
        .arg("Jenkinsfile")
        .arg("--home")
        .arg(home)
        .args(args)
        .current_dir(project)
        .env_remove("BRANCH_NAME")
        .env_remove("TAG_NAME")
        .env_remove("CHANGE_ID")
        .output()
        .expect("run jeeves")
}

/// Runs one case; returns what went wrong, if anything.
fn check(jenkinsfile: &Path) -> Option<String> {
    let name = jenkinsfile.file_name().unwrap().to_string_lossy().trim_end_matches(".Jenkinsfile").to_string();
    let dir = jenkinsfile.parent().unwrap();
    let expect = read_expect(&dir.join(format!("{name}.expect")));
    let tmp = tempfile::tempdir().expect("temporary directory");
    let project = tmp.path().join("project");
    let home = tmp.path().join("home");
    std::fs::create_dir_all(&project).unwrap();
    std::fs::copy(jenkinsfile, project.join("Jenkinsfile")).unwrap();
    let toml = dir.join(format!("{name}.jeeves.toml"));
    if toml.exists() {
        std::fs::copy(&toml, project.join("jeeves.toml")).unwrap();
    }
    for cmd in &expect.setup {
        let out = Command::new("sh")
            .arg("-c")
            .arg(cmd)
            .current_dir(&project)
            .env("GIT_AUTHOR_NAME", "Case Author")
            .env("GIT_AUTHOR_EMAIL", "author@example.com")
            .env("GIT_COMMITTER_NAME", "Case Author")
            .env("GIT_COMMITTER_EMAIL", "author@example.com")
            .env("GIT_CONFIG_COUNT", "1")
            .env("GIT_CONFIG_KEY_0", "init.defaultBranch")
            .env("GIT_CONFIG_VALUE_0", "main")
            .output()
            .expect("run setup");
        if !out.status.success() {
            return Some(format!("{name}: setup `{cmd}` failed: {}", String::from_utf8_lossy(&out.stderr)));
        }
    }
    for args in &expect.before {
        jeeves(&project, &home, args);
    }
    let out = jeeves(&project, &home, &expect.args);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let mut problems = Vec::new();
    if out.status.code() != Some(expect.exit) {
        problems.push(format!("exit {:?}, expected {}", out.status.code(), expect.exit));
    }
    let lines: Vec<&str> = stdout.lines().collect();
    let mut at = 0;
    for want in &expect.lines {
        match lines[at..].iter().position(|l| l == want) {
            Some(i) => at += i + 1,
            None => {
                let anywhere = lines.iter().any(|l| l == want);
                problems.push(format!(
                    "line {want:?} {}",
                    if anywhere { "appears, but not in this order" } else { "is missing" }
                ));
                break;
            }
        }
    }
    for bad in &expect.absent {
        if lines.iter().any(|l| l.contains(bad.as_str())) {
            problems.push(format!("stdout has {bad:?}"));
        }
    }
    for want in &expect.stderr {
        if !stderr.lines().any(|l| l.contains(want.as_str())) {
            problems.push(format!("stderr lacks {want:?}"));
        }
    }
    if problems.is_empty() {
        None
    } else {
        Some(format!("{name}: {}\n--- stdout:\n{stdout}--- stderr:\n{stderr}", problems.join("; ")))
    }
}

fn cases(under: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("jenkinsfiles").join(under);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".Jenkinsfile"))
        .collect();
    files.sort();
    files
}

#[test]
fn declarative_pipelines_behave_as_in_jenkins() {
    let files = cases("declarative");
    assert!(files.len() >= 120, "only {} conformance cases; the issue asks for at least 120", files.len());
    run_all(files);
}

/// The steps' own cases (`jenkinsfiles/steps/`), in the same format.
#[test]
fn steps_behave_as_their_plugins() {
    run_all(cases("steps"));
}

fn run_all(files: Vec<PathBuf>) {
    let filter = std::env::var("JEEVES_CASE").unwrap_or_default();
    let files: Vec<PathBuf> = files.into_iter().filter(|f| f.to_string_lossy().contains(&filter)).collect();
    // Cases wait on processes and sleeps more than on the CPU: several at a time.
    let chunks: Vec<Vec<PathBuf>> = files.chunks(files.len().div_ceil(6).max(1)).map(<[_]>::to_vec).collect();
    let failures: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> =
            chunks.iter().map(|c| s.spawn(move || c.iter().filter_map(|f| check(f)).collect::<Vec<_>>())).collect();
        handles.into_iter().flat_map(|h| h.join().expect("case thread")).collect()
    });
    assert!(
        failures.is_empty(),
        "{} of {} cases differ from Jenkins:\n\n{}",
        failures.len(),
        files.len(),
        failures.join("\n\n")
    );
}
