//! `jeeves lint`: the conformance cases in `jenkinsfiles/lint/` (format in its README), every valid
//! pipeline under `jenkinsfiles/` linting without errors, and the command line (formats read back by
//! consumers nobody here wrote, exit codes, configuration, suppression, --fix).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use jeeves::lint::{self, catalog::Catalog, Config, Severity};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// (severity shown, code, line) triples of a case.
fn expected(path: &Path) -> (BTreeSet<(bool, String, usize)>, Option<String>) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = BTreeSet::new();
    let mut steps = None;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(f) = line.strip_prefix("steps:") {
            steps = Some(f.trim().to_string());
            continue;
        }
        let mut words: Vec<&str> = line.split_whitespace().collect();
        let info = words.first() == Some(&"info");
        if info {
            words.remove(0);
        }
        let [code, n] = words[..] else { panic!("{}: bad line `{line}`", path.display()) };
        let n: usize = n.parse().unwrap_or_else(|_| panic!("{}: bad line number in `{line}`", path.display()));
        out.insert((info, code.to_string(), n));
    }
    (out, steps)
}

#[test]
fn lint_cases_report_exactly_their_findings() {
    let dir = root().join("jenkinsfiles/lint");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "Jenkinsfile"))
        .collect();
    files.sort();
    let mut failures = Vec::new();
    let mut invalid = 0;
    for f in &files {
        let (want, steps) = expected(&f.with_extension("expect"));
        let mut catalog = Catalog::builtin();
        if let Some(s) = &steps {
            catalog.add_file(&dir.join(s)).unwrap();
        }
        let mut config = Config::default();
        if want.iter().any(|(info, _, _)| *info) {
            config.enabled.insert("JV035".into());
        }
        let source = std::fs::read_to_string(f).unwrap();
        let report = lint::lint_source(&f.display().to_string(), &source, &catalog, &config);
        let infos: BTreeSet<&str> = want.iter().filter(|w| w.0).map(|w| w.1.as_str()).collect();
        let got: BTreeSet<(bool, String, usize)> = report
            .findings
            .iter()
            .filter(|x| x.severity > Severity::Info || infos.contains(x.code))
            .map(|x| (x.severity == Severity::Info, x.code.to_string(), x.line))
            .collect();
        if report.findings.iter().any(|x| x.severity == Severity::Error) {
            invalid += 1;
        }
        if got != want {
            let shown: Vec<String> = report
                .findings
                .iter()
                .map(|x| format!("  {} {} {}: {}", x.code, x.severity.name(), x.line, x.message))
                .collect();
            failures.push(format!(
                "{}: expected {:?}\n  got {:?}\n{}",
                f.file_name().unwrap().to_string_lossy(),
                want,
                got,
                shown.join("\n")
            ));
        }
    }
    assert!(files.len() >= 150, "only {} lint cases", files.len());
    assert!(invalid >= 150, "only {invalid} cases have an error");
    assert!(failures.is_empty(), "{} of {} lint cases differ:\n{}", failures.len(), files.len(), failures.join("\n"));
}

/// A case that Jenkins rejects before running (its `.expect` says so).
fn rejected_by_jenkins(jenkinsfile: &Path) -> bool {
    std::fs::read_to_string(jenkinsfile.with_extension("expect"))
        .is_ok_and(|t| t.contains("MultipleCompilationErrorsException") || t.contains("startup failed"))
}

#[test]
fn every_valid_pipeline_lints_without_errors() {
    let mut files = Vec::new();
    lint::discover(&root().join("jenkinsfiles"), &mut files);
    let files: Vec<PathBuf> = files
        .into_iter()
        .filter(|f| !f.starts_with(root().join("jenkinsfiles/lint")) && !rejected_by_jenkins(f))
        .collect();
    assert!(files.len() > 250, "{} files", files.len());
    let catalog = Catalog::builtin();
    let mut bad = Vec::new();
    for r in lint::lint_files(&files, &catalog, &Config::default()) {
        let r = r.unwrap();
        for f in r.findings.iter().filter(|f| f.severity == Severity::Error) {
            bad.push(format!("{}:{}: {} {}", r.path, f.line, f.code, f.message));
        }
    }
    assert!(bad.is_empty(), "errors on pipelines Jenkins accepts:\n{}", bad.join("\n"));
}

fn jeeves(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_jeeves")).arg("lint").args(args).current_dir(dir).output().unwrap()
}

const BAD: &str = "pipeline {
    agent any
    triggers { cron('0 25 * * *') }
    stages {
        stage('Build') {
            steps {
                shh 'make'
                withCredentials([string(credentialsId: 'tok', variable: 'TOKEN')]) {
                    sh \"curl -H 'X-Token: ${TOKEN}' https://example.com\"
                }
            }
        }
    }
}
";

fn project(jenkinsfile: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("Jenkinsfile"), jenkinsfile).unwrap();
    dir
}

/// Debian's Python, where the test command installs python3-jsonschema and python3-junitparser.
const PYTHON: &str = "/usr/bin/python3";

fn python(script: &str, args: &[&str]) -> String {
    let out = Command::new(PYTHON).arg("-c").arg(script).args(args).output().unwrap_or_else(|e| {
        panic!(
            "cannot run {PYTHON} ({e}): the test command installs python3, python3-jsonschema and python3-junitparser"
        )
    });
    assert!(out.status.success(), "python failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn human_output_names_file_line_column_and_exits_1_on_errors() {
    let dir = project(BAD);
    let out = jeeves(dir.path(), &[]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("./Jenkinsfile:3:16: error[JV012]: Invalid cron spec \"0 25 * * *\": hour field \"25\": 25 is out of range 0-23"), "{text}");
    assert!(text.contains("./Jenkinsfile:7:17: warning[JV020]: No such DSL method 'shh'"), "{text}");
    assert!(text.contains("did you mean \"sh\"?"), "{text}");
    assert!(text.contains("./Jenkinsfile:9:24: warning[JV030]"), "{text}");
    assert!(text.contains("jeeves lint: 1 file checked: 1 error, 2 warnings"), "{text}");
}

#[test]
fn sarif_output_validates_against_the_sarif_2_1_0_schema() {
    let dir = project(BAD);
    let out = jeeves(dir.path(), &["--format", "sarif", "-o", "out.sarif"]);
    assert_eq!(out.status.code(), Some(1));
    let schema = root().join("fixtures/sarif/sarif-schema-2.1.0.json");
    let script = r#"
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
doc = json.load(open(sys.argv[2]))
jsonschema.validators.validator_for(schema)(schema).validate(doc)
results = doc["runs"][0]["results"]
print(len(results), sorted(r["ruleId"] for r in results), results[0]["locations"][0]["physicalLocation"]["region"]["startLine"])
"#;
    let printed = python(script, &[schema.to_str().unwrap(), dir.path().join("out.sarif").to_str().unwrap()]);
    assert_eq!(printed.trim(), "3 ['JV012', 'JV020', 'JV030'] 3");
}

#[test]
fn junit_and_checkstyle_outputs_parse_in_real_consumers() {
    let dir = project(BAD);
    jeeves(dir.path(), &["--format", "junit", "-o", "lint.xml"]);
    let script = r#"
import sys
from junitparser import JUnitXml
xml = JUnitXml.fromfile(sys.argv[1])
for suite in xml:
    for case in suite:
        print(case.name, [type(r).__name__ for r in case.result])
"#;
    let printed = python(script, &[dir.path().join("lint.xml").to_str().unwrap()]);
    assert_eq!(printed, "JV012 3:16 ['Failure']\nJV020 7:17 ['Failure']\nJV030 9:24 ['Failure']\n");
    jeeves(dir.path(), &["--format", "checkstyle", "-o", "cs.xml"]);
    // Read by reviewdog's checkstyle decoder (Go), built from Debian's package in GOPATH mode.
    let main = root().join("tests/checkstyle/main.go");
    let out = Command::new("go")
        .args(["run", main.to_str().unwrap(), dir.path().join("cs.xml").to_str().unwrap()])
        .env("GOPATH", "/usr/share/gocode")
        .env("GO111MODULE", "off")
        .env("GOCACHE", dir.path().join("gocache"))
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run go ({e}): the test command installs golang-go and golang-github-haya14busa-go-checkstyle-dev")
        });
    assert!(out.status.success(), "the checkstyle reader failed: {}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "./Jenkinsfile 3 16 error jeeves.JV012.invalid-cron\n./Jenkinsfile 7 17 warning jeeves.JV020.unknown-step\n./Jenkinsfile 9 24 warning jeeves.JV030.secret-interpolation\n"
    );
}

#[test]
fn github_and_jenkins_formats() {
    let dir = project(BAD);
    let out = jeeves(dir.path(), &["--format", "github"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("::error file=./Jenkinsfile,line=3,col=16,"), "{text}");
    assert!(text.contains("::warning file=./Jenkinsfile,line=7,col=17,"), "{text}");
    let out = jeeves(dir.path(), &["--format", "jenkins"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("Errors encountered validating Jenkinsfile:\nWorkflowScript: 3: Invalid cron spec"),
        "{text}"
    );
    assert!(
        text.contains("@ line 3, column 16.\n       triggers { cron('0 25 * * *') }\n                  ^\n"),
        "{text}"
    );
    let clean = project("pipeline { agent any; stages { stage('A') { steps { echo 'hi' } } } }\n");
    let out = jeeves(clean.path(), &["--format", "jenkins"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "Jenkinsfile successfully validated.\n");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn exit_codes_configuration_and_suppression() {
    // Warnings only: 0, or 1 with --deny warnings.
    let warn = project("pipeline { agent any; stages { stage('A') { steps { shh 'make' } } } }\n");
    assert_eq!(jeeves(warn.path(), &[]).status.code(), Some(0));
    assert_eq!(jeeves(warn.path(), &["--deny", "warnings"]).status.code(), Some(1));
    // A --steps file makes the step known.
    std::fs::write(warn.path().join("steps.yaml"), "- name: shh\n  parameters: [script]\n").unwrap();
    let out = jeeves(warn.path(), &["--steps", "steps.yaml", "--deny", "warnings"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    // jeeves.toml: a rule disabled, another re-levelled.
    let dir = project(BAD);
    std::fs::write(
        dir.path().join("jeeves.toml"),
        "[lint]\ndisable = [\"JV012\"]\n[lint.levels]\nJV030 = \"warning\"\n",
    )
    .unwrap();
    let out = jeeves(dir.path(), &[]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(!text.contains("JV012") && text.contains("warning[JV030]"), "{text}");
    // An inline comment silences one finding.
    let quiet = project(
        "pipeline { agent any; stages { stage('A') { steps {\n// jeeves-lint: ignore JV020\nshh 'make'\n} } } }\n",
    );
    assert!(!String::from_utf8_lossy(&jeeves(quiet.path(), &["--deny", "warnings"]).stdout).contains("JV020"));
    // Usage errors: 2.
    assert_eq!(jeeves(dir.path(), &["missing.Jenkinsfile"]).status.code(), Some(2));
    assert_eq!(jeeves(dir.path(), &["--explain", "JV999"]).status.code(), Some(2));
    let out = jeeves(dir.path(), &["--explain", "JV030"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("## JV030 secret-interpolation"));
    let out = jeeves(dir.path(), &["--list-rules"]);
    assert!(String::from_utf8_lossy(&out.stdout).lines().count() >= 20);
}

#[test]
fn fix_rewrites_a_secret_into_single_quotes() {
    let dir = project(
        "node {\n  withCredentials([usernamePassword(credentialsId: 'reg', usernameVariable: 'U', passwordVariable: 'P')]) {\n    sh \"docker login -u $U -p ${P} registry.example.com\"\n    sh \"echo '${P}'\"\n  }\n}\n",
    );
    let out = jeeves(dir.path(), &["--fix"]);
    let fixed = std::fs::read_to_string(dir.path().join("Jenkinsfile")).unwrap();
    // The first is certain (only environment variables, no quotes); the second keeps its quotes and its finding.
    assert!(fixed.contains("sh 'docker login -u ${U} -p ${P} registry.example.com'"), "{fixed}");
    assert!(fixed.contains("sh \"echo '${P}'\""), "{fixed}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("fixed 1 finding"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("warning[JV030]"), "the unfixable one remains");
}

#[test]
fn finds_jenkinsfiles_by_name_in_directories() {
    let dir = tempfile::tempdir().unwrap();
    let ok = "pipeline { agent any; stages { stage('A') { steps { echo 'hi' } } } }\n";
    for f in [
        "Jenkinsfile",
        "ci/Jenkinsfile.release",
        "ci/deploy.jenkinsfile",
        "ci/nightly.Jenkinsfile",
        "lib/vars/greet.groovy",
        "other.groovy",
        "target/Jenkinsfile",
    ] {
        let p = dir.path().join(f);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, if f.ends_with(".groovy") { "def call() { echo 'hi' }\n" } else { ok }).unwrap();
    }
    let out = jeeves(dir.path(), &["--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let paths: Vec<&str> = v["files"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(
        paths,
        [
            "./Jenkinsfile",
            "./ci/Jenkinsfile.release",
            "./ci/deploy.jenkinsfile",
            "./ci/nightly.Jenkinsfile",
            "./lib/vars/greet.groovy"
        ]
    );
}

#[test]
fn deeply_nested_files_and_odd_bytes_do_not_break_it() {
    // 150 nested closures: lint reads them like run does, no stack overflow.
    let deep = format!("node {{\n{}sh 'make'\n{}}}\n", "dir('a') {\n".repeat(150), "}\n".repeat(150));
    let dir = project(&deep);
    let out = jeeves(dir.path(), &["--format", "json"]);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{:?}", out.status);
    // A file that is not UTF-8 is linted, but --fix does not rewrite it (it would lose its bytes).
    let mut bytes = b"// caf\xe9\nnode {\n  withCredentials([string(credentialsId: 't', variable: 'T')]) {\n    sh \"echo $T\"\n  }\n}\n".to_vec();
    let odd = tempfile::tempdir().unwrap();
    std::fs::write(odd.path().join("Jenkinsfile"), &bytes).unwrap();
    let out = jeeves(odd.path(), &["--fix"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("not UTF-8, so not rewritten"), "{out:?}");
    assert_eq!(std::fs::read(odd.path().join("Jenkinsfile")).unwrap(), bytes);
    // Control characters in what a message quotes do not reach the output.
    bytes = b"pipeline { agent any; stages { stage('a\x1b[31mb') { steps { echo 'x' } }; stage('a\x1b[31mb') { steps { echo 'y' } } } }\n".to_vec();
    std::fs::write(odd.path().join("Jenkinsfile"), &bytes).unwrap();
    let out = jeeves(odd.path(), &[]);
    assert!(!out.stdout.contains(&0x1b), "{}", String::from_utf8_lossy(&out.stdout));
}
