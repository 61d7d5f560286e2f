//! The `junit` step over real-shaped Surefire and pytest reports (`fixtures/junit/`), the UNSTABLE it
//! marks, the merged `tests.xml`, and `stages.xml` (the pipeline's stages as JUnit XML, also `--junit`).

mod support;

use std::process::Command;

fn run_with_reports(jenkinsfile: &str, extra: &[&str]) -> (tempfile::TempDir, std::process::Output) {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("reports");
    std::fs::create_dir_all(&reports).unwrap();
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/junit");
    for f in ["TEST-com.example.shop.CartTest.xml", "pytest-report.xml"] {
        std::fs::copy(fixtures.join(f), reports.join(f)).unwrap();
    }
    std::fs::write(dir.path().join("Jenkinsfile"), jenkinsfile).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_jeeves"))
        .args(["run", "--job", "t"])
        .args(extra)
        .current_dir(dir.path())
        .output()
        .unwrap();
    (dir, out)
}

const PIPELINE: &str = "pipeline {
  agent any
  stages {
    stage('Test') {
      steps {
        script {
          def r = junit 'reports/*.xml'
          echo \"total=${r.totalCount} failed=${r.failCount} skipped=${r.skipCount} passed=${r.passCount}\"
        }
      }
    }
    stage('Publish') { steps { echo 'publishing' } }
    stage('Never') { when { branch 'nope' }; steps { echo 'x' } }
    stage('Break') { steps { error 'broke <here> & \"there\"' } }
  }
}
";

#[test]
fn junit_reads_surefire_and_pytest_reports_and_marks_the_build_unstable() {
    let (dir, out) = run_with_reports(PIPELINE, &["--junit", "stages-copy.xml"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    // Surefire: 5 cases (1 failure, 1 error, 1 skipped, the flaky one passed); pytest: 4 (1 failure, 1 skipped).
    assert!(stdout.contains("Recording test results\n"), "{stdout}");
    assert!(stdout.contains("total=9 failed=3 skipped=2 passed=4\n"), "{stdout}");
    assert_eq!(out.status.code(), Some(2), "the error at the end makes it FAILURE: {stdout}");
    let build = dir.path().join(".jeeves/jobs/t/builds/1");
    let record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(build.join("build.json")).unwrap()).unwrap();
    assert_eq!(record["tests"]["total"], 9);
    assert_eq!(record["tests"]["failed"], 3);
    assert_eq!(record["tests"]["skipped"], 2);
    let failed: Vec<&str> =
        record["tests"]["failedTests"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert!(failed.contains(&"com.example.shop.CartTest.totalsWithTax"), "{failed:?}");
    assert!(failed.contains(&"tests.test_app.test_login_rejects_bad_password"), "{failed:?}");
    // tests.xml holds every result, re-read by the same lenient reader.
    let tests = std::fs::read_to_string(build.join("tests.xml")).unwrap();
    let suites = jeeves::report::junit::parse(&tests).unwrap();
    assert_eq!(suites.iter().map(|s| s.cases.len()).sum::<usize>(), 9);
    assert!(tests.contains("expected: &lt;10.80&gt; but was: &lt;10.00&gt;"), "{tests}");
    assert!(!tests.contains('\u{1b}'), "control characters are not written raw");
    // stages.xml: one case per stage, failures and skips as JUnit has them.
    let stages = std::fs::read_to_string(build.join("stages.xml")).unwrap();
    let s = jeeves::report::junit::parse(&stages).unwrap();
    let cases = &s[0].cases;
    let names: Vec<&str> = cases.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Declarative: Checkout SCM", "Test", "Publish", "Never", "Break"], "{stages}");
    assert!(cases.iter().all(|c| c.classname == "t"));
    use jeeves::report::junit::Status;
    assert!(matches!(&cases[3].status, Status::Skipped { .. }));
    assert!(matches!(&cases[4].status, Status::Failed { message, .. } if message == "broke <here> & \"there\""));
    assert_eq!(std::fs::read_to_string(dir.path().join("stages-copy.xml")).unwrap(), stages);
}

#[test]
fn a_failing_test_makes_the_build_unstable_unless_told_not_to() {
    let (_d, out) = run_with_reports("node { checkout scm; junit 'reports/*.xml' }\n", &[]);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stdout));
    let (_d, out) = run_with_reports(
        "node { checkout scm; junit testResults: 'reports/*.xml', skipMarkingBuildUnstable: true }\n",
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn no_reports_is_a_configuration_error_unless_allowed() {
    support::Case::new()
        .jenkinsfile("node { junit 'none/*.xml' }\n")
        .args(["run"])
        .stdout_has("ERROR: No test report files were found. Configuration error?\n")
        .status(2)
        .run();
    support::Case::new()
        .jenkinsfile("node { junit testResults: 'none/*.xml', allowEmptyResults: true }\n")
        .args(["run"])
        .stdout_has("None of the test reports contained any result\n")
        .status(0)
        .run();
}

/// The Python used to run junitparser: Debian's, where `python3-junitparser` is installed by the test
/// command (a pyenv or venv `python3` earlier on PATH would not see it).
const PYTHON: &str = "/usr/bin/python3";

#[test]
fn stages_xml_is_read_by_junitparser_with_each_stage_log() {
    let has_parser = Command::new(PYTHON).args(["-c", "import junitparser"]).status().is_ok_and(|s| s.success());
    assert!(
        has_parser,
        "this test reads stages.xml with Python's junitparser: install Debian's python3-junitparser \
         (scripts/test does)"
    );
    let jenkinsfile = "pipeline {
  agent any
  options { skipDefaultCheckout() }
  stages {
    stage('Build') { steps { echo 'building <app> & co'; sh 'echo compiled' } }
    stage('Tests') {
      parallel {
        stage('Unit') { steps { sh 'for i in 1 2 3; do echo unit $i; done' } }
        stage('Lint') { steps { sh 'for i in 1 2 3; do echo lint $i; done' } }
      }
    }
    stage('Skip') { when { branch 'nope' }; steps { echo 'x' } }
    stage('Break') { steps { echo 'about to fail'; error 'broke it' } }
  }
}
";
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("Jenkinsfile"), jenkinsfile).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_jeeves"))
        .args(["run", "--job", "app", "--junit", "stages.xml"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stdout));
    let script = r#"
import sys
from junitparser import JUnitXml, Failure, Skipped, Error
xml = JUnitXml.fromfile(sys.argv[1])
for suite in xml:
    print("suite", suite.name, suite.tests, suite.failures, suite.skipped)
    for case in suite:
        kinds = [type(r).__name__ for r in case.result]
        msgs = [r.message for r in case.result]
        out = (case.system_out or "").strip().replace("\n", "|")
        print("case", case.classname, "/", case.name, "/", ",".join(kinds) or "passed", "/", ",".join(m or "" for m in msgs), "/", out)
"#;
    let parsed =
        Command::new(PYTHON).args(["-c", script, dir.path().join("stages.xml").to_str().unwrap()]).output().unwrap();
    let text = String::from_utf8_lossy(&parsed.stdout);
    assert!(parsed.status.success(), "junitparser failed: {}", String::from_utf8_lossy(&parsed.stderr));
    let mut lines: Vec<&str> = text.lines().collect();
    // The parallel stage's log holds both branches' lines, prefixed, in the order they came.
    let parent = lines.remove(2);
    assert!(parent.starts_with("case app / Tests / passed /  / ["), "{parent}");
    assert!(parent.contains("[Unit] unit 3") && parent.contains("[Lint] lint 1"), "{parent}");
    // The branches are listed in the order they started.
    lines[2..4].sort_by_key(|l| std::cmp::Reverse(l.contains("/ Unit /")));
    assert_eq!(
        lines,
        [
            "suite app #1 6 1 1",
            "case app / Build / passed /  / building <app> & co|+ echo compiled|compiled",
            // Each parallel branch's own lines, without the `[Unit] ` prefix and without the other's.
            "case app / Tests / Unit / passed /  / + echo unit 1|unit 1|+ echo unit 2|unit 2|+ echo unit 3|unit 3",
            "case app / Tests / Lint / passed /  / + echo lint 1|lint 1|+ echo lint 2|lint 2|+ echo lint 3|lint 3",
            "case app / Skip / Skipped / skipped / Stage \"Skip\" skipped due to when conditional",
            "case app / Break / Failure / broke it / about to fail",
        ],
        "{text}"
    );
}
