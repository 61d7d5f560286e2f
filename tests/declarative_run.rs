//! `jeeves run` on declarative pipelines, beyond the console conformance cases: the build record's stage
//! tree, `--list`, `--dry-run`, `--events`, `--stage`, the implicit checkout of a git project, build
//! discarding, one build at a time, and workspace confinement.

mod support;

use std::process::Command;

use support::Case;

const THREE_STAGES: &str = "pipeline {
  agent any
  options { buildDiscarder(logRotator(numToKeepStr: '2')) }
  stages {
    stage('Build') { steps { echo 'building' } }
    stage('Tests') {
      parallel {
        stage('Unit') { steps { echo 'unit' } }
        stage('Lint') { when { branch 'main' }; steps { echo 'lint' } }
      }
    }
    stage('Deploy') { when { expression { params.DEPLOY } }; steps { echo 'deploying' } }
  }
}
";

fn jeeves(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_jeeves")).args(args).current_dir(dir).output().expect("run jeeves")
}

/// Runs git in `dir` with a fixed author, and insists it succeeds.
fn git_in(dir: &std::path::Path, args: &[&str]) {
    let ok = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.com")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.com")
        .status()
        .unwrap()
        .success();
    assert!(ok, "git {args:?}");
}

#[test]
fn the_build_record_holds_the_stage_tree_with_statuses() {
    let dir = tempfile::tempdir().unwrap();
    Case::new().jenkinsfile(THREE_STAGES).args(["run", "--branch", "dev", "--job", "app"]).status(0).run_in(dir.path());
    let record = std::fs::read_to_string(dir.path().join(".jeeves/jobs/app/builds/1/build.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&record).unwrap();
    assert_eq!(v["result"], "SUCCESS");
    let names: Vec<&str> = v["stages"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Declarative: Checkout SCM", "Build", "Tests", "Deploy"], "{record}");
    // Parallel branches are listed in the order they started, which varies.
    let branch =
        |name: &str| v["stages"][2]["stages"].as_array().unwrap().iter().find(|s| s["name"] == name).cloned().unwrap();
    assert_eq!(branch("Unit")["status"], "SUCCESS");
    assert_eq!(branch("Lint")["status"], "SKIPPED");
    assert_eq!(v["stages"][3]["status"], "SKIPPED");
    assert!(v["stages"][1]["duration"].is_u64());
}

#[test]
fn list_prints_the_stage_tree_and_runs_nothing() {
    let out = Case::new()
        .jenkinsfile(THREE_STAGES)
        .args(["run", "--list"])
        .stdout(
            "
            pipeline (agent any)
              Build
              Tests (parallel)
                Unit
                Lint [when: branch 'main']
              Deploy [when: expression { params.DEPLOY }]
            ",
        )
        .status(0)
        .run();
    assert!(!out.stdout.contains("Finished"));
}

#[test]
fn dry_run_says_what_would_run_and_why() {
    Case::new()
        .jenkinsfile(THREE_STAGES)
        .args(["run", "--dry-run", "--branch", "feature/x"])
        .stdout(
            "
            run   Build
            run   Tests
              run   Unit
              skip  Lint: when conditional is false [when: branch 'main']
            run?  Deploy: decided at run time by expression { params.DEPLOY }
            ",
        )
        .status(0)
        .run();
}

#[test]
fn stage_selection_runs_only_the_named_stages() {
    Case::new()
        .jenkinsfile(THREE_STAGES)
        .args(["run", "--stage", "Unit"])
        .stdout_has("Stage \"Build\" skipped due to --stage selection\n")
        .stdout_has("[Unit] unit\n")
        .stdout_has("Stage \"Lint\" skipped due to --stage selection\n")
        .status(0)
        .run();
}

#[test]
fn events_are_json_lines_for_every_stage_and_output() {
    let dir = tempfile::tempdir().unwrap();
    Case::new().jenkinsfile(THREE_STAGES).args(["run", "--events", "events.jsonl"]).status(0).run_in(dir.path());
    let text = std::fs::read_to_string(dir.path().join("events.jsonl")).unwrap();
    let events: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let kinds: Vec<&str> = events.iter().map(|e| e["event"].as_str().unwrap()).collect();
    assert_eq!(kinds.first(), Some(&"build-start"));
    assert_eq!(kinds.last(), Some(&"build-end"));
    assert_eq!(events.last().unwrap()["result"], "SUCCESS");
    assert!(events.iter().any(|e| e["event"] == "stage-start" && e["stage"] == "Unit"));
    assert!(events.iter().any(|e| e["event"] == "stage-end" && e["stage"] == "Lint" && e["status"] == "SKIPPED"));
    assert!(events.iter().any(|e| e["event"] == "output" && e["text"] == "building\n"));
    assert!(events.iter().all(|e| e["time"].is_u64()));
}

#[test]
fn build_discarder_keeps_the_newest_builds() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("Jenkinsfile"), THREE_STAGES).unwrap();
    for _ in 0..4 {
        assert!(jeeves(dir.path(), &["run", "--job", "app"]).status.success());
    }
    let mut left: Vec<String> = std::fs::read_dir(dir.path().join(".jeeves/jobs/app/builds"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["3", "4"]);
}

#[test]
fn checkout_copies_tracked_and_untracked_files_but_not_ignored_ones() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(
        p.join("Jenkinsfile"),
        "pipeline {\n  agent any\n  stages {\n    stage('Look') {\n      steps {\n        script {\n          def files = sh(script: 'ls -A', returnStdout: true).trim().split('\\n').sort().join(' ')\n          echo \"files: ${files}\"\n          echo \"head: ${sh(script: 'git rev-parse HEAD', returnStdout: true).trim() == env.GIT_COMMIT}\"\n          echo \"status: ${sh(script: 'git status --porcelain', returnStdout: true).trim()}\"\n        }\n        echo \"commit ${env.GIT_COMMIT?.size()} branch ${env.GIT_BRANCH} ${env.BRANCH_NAME}\"\n      }\n    }\n  }\n}\n",
    )
    .unwrap();
    std::fs::write(p.join(".gitignore"), "ignored.txt\n.jeeves/\n").unwrap();
    std::fs::write(p.join("tracked.txt"), "t").unwrap();
    std::fs::write(p.join("ignored.txt"), "i").unwrap();
    let git = |args: &[&str]| git_in(p, args);
    git(&["init", "-q", "-b", "trunk"]);
    git(&["add", "Jenkinsfile", ".gitignore", "tracked.txt"]);
    git(&["commit", "-qm", "first"]);
    std::fs::write(p.join("untracked.txt"), "u").unwrap();
    let out = jeeves(p, &["run", "--job", "app"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("\nfiles: .git .gitignore Jenkinsfile tracked.txt untracked.txt\n"), "{stdout}");
    // The workspace is a git working copy of the commit, with the uncommitted work on top.
    assert!(stdout.contains("\nhead: true\n"), "{stdout}");
    assert!(stdout.contains("\nstatus: ?? untracked.txt\n"), "{stdout}");
    assert!(stdout.contains("commit 40 branch trunk trunk\n"), "{stdout}");
    assert!(stdout.contains("[Pipeline] { (Declarative: Checkout SCM)\n[Pipeline] checkout\n"), "{stdout}");
}

#[test]
fn files_outside_the_workspace_are_never_written_or_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let outside = dir.path().join("outside.txt");
    std::fs::write(&outside, "keep").unwrap();
    Case::new()
        .jenkinsfile(
            "pipeline {\n  agent any\n  stages {\n    stage('Bad') {\n      steps {\n        writeFile file: '../../../outside.txt', text: 'overwritten'\n      }\n    }\n  }\n}\n",
        )
        .args(["run"])
        .stdout_has("is outside the workspace")
        .status(2)
        .run_in(dir.path());
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "keep");
    Case::new()
        .jenkinsfile(
            "pipeline {\n  agent any\n  stages {\n    stage('Bad') {\n      steps {\n        dir('../../..') { deleteDir() }\n      }\n    }\n  }\n}\n",
        )
        .args(["run"])
        .stdout_has("is outside the workspace")
        .status(2)
        .run_in(dir.path());
    assert!(outside.exists());
    assert!(dir.path().join("Jenkinsfile").exists());
    // cleanWs empties the workspace only, from wherever it is called.
    let out = Case::new()
        .jenkinsfile(
            "pipeline {\n  agent any\n  stages {\n    stage('Clean') {\n      steps {\n        writeFile file: 'a/b.txt', text: 'x'\n        dir('../../..') { cleanWs() }\n        sh 'ls -A | wc -l'\n      }\n    }\n  }\n}\n",
        )
        .args(["run", "--job", "clean"])
        .stdout_has("[WS-CLEANUP] Deleting project workspace...\n[WS-CLEANUP] Deferred wipeout is used...\n[WS-CLEANUP] done\n")
        .status(0)
        .run_in(dir.path());
    assert!(out.stdout.lines().any(|l| l == "0"), "{}", out.stdout);
    assert!(outside.exists());
    assert!(dir.path().join("Jenkinsfile").exists());
    assert!(dir.path().join(".jeeves/jobs/clean/builds/1/log").exists());
}

#[test]
fn concurrent_builds_of_a_job_wait_for_each_other_when_disabled() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("Jenkinsfile"),
        "pipeline {\n  agent any\n  options { disableConcurrentBuilds(); skipDefaultCheckout() }\n  stages {\n    stage('Hold') { steps { sh 'echo start $BUILD_NUMBER $(date +%s%N) >> ../../log.txt; sleep 1; echo end $BUILD_NUMBER $(date +%s%N) >> ../../log.txt' } }\n  }\n}\n",
    )
    .unwrap();
    let spawn = || {
        Command::new(env!("CARGO_BIN_EXE_jeeves"))
            .args(["run", "--job", "app"])
            .current_dir(dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let a = spawn();
    let b = spawn();
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert!(a.status.success() && b.status.success());
    let log = std::fs::read_to_string(dir.path().join(".jeeves/log.txt")).unwrap();
    let words: Vec<&str> = log.lines().map(|l| l.split(' ').next().unwrap()).collect();
    assert_eq!(words, ["start", "end", "start", "end"], "builds overlapped:\n{log}");
    let waited = String::from_utf8_lossy(&a.stderr).to_string() + &String::from_utf8_lossy(&b.stderr);
    assert!(waited.contains("disableConcurrentBuilds"), "{waited}");
}

#[test]
fn an_unknown_parameter_is_refused_before_the_build() {
    Case::new()
        .jenkinsfile("pipeline {\n  agent any\n  parameters { string(name: 'WHO', defaultValue: 'x') }\n  stages { stage('a') { steps { echo params.WHO } } }\n}\n")
        .args(["run", "-a", "WOH=y"])
        .stderr_has("unknown parameter `WOH`")
        .stderr_has("declares WHO")
        .status(2)
        .run();
}

#[test]
fn a_docker_agent_fails_its_stage_with_a_clear_message() {
    Case::new()
        .jenkinsfile("pipeline {\n  agent none\n  stages { stage('img') { agent { docker { image 'alpine' } }; steps { sh 'true' } } }\n}\n")
        .args(["run"])
        .stdout_has("ERROR: jeeves cannot run `agent { docker }` yet")
        .status(2)
        .run();
}

#[test]
fn job_names_and_workspaces_that_would_reach_the_project_are_refused() {
    let job = Case::new()
        .jenkinsfile(THREE_STAGES)
        .args(["run", "--job", "../escape"])
        .stderr_has("is not a job name")
        .status(2)
        .run();
    assert!(!job.stdout.contains("Start of Pipeline"));
    Case::new()
        .jenkinsfile(THREE_STAGES)
        .args(["run", "--workspace", "."])
        .stderr_has("holds the project or the jeeves home")
        .status(2)
        .run();
}

#[test]
fn a_custom_workspace_stays_under_the_home_and_can_be_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let ok = "pipeline {\n  agent { node { label 'any'; customWorkspace 'cw' } }\n  options { skipDefaultCheckout() }\n  stages { stage('a') { steps { writeFile file: 'f.txt', text: 'x'; echo \"ws ${env.WORKSPACE}\" } } }\n  post { cleanup { deleteDir() } }\n}\n";
    let out = Case::new().jenkinsfile(ok).args(["run"]).status(0).run_in(dir.path());
    assert!(out.stdout.contains("/.jeeves/workspace/cw\n"), "{}", out.stdout);
    assert!(!dir.path().join(".jeeves/workspace/cw").exists());
    let bad = "pipeline {\n  agent { node { label 'any'; customWorkspace '../../escape' } }\n  stages { stage('a') { steps { echo 'x' } } }\n}\n";
    Case::new().jenkinsfile(bad).args(["run"]).stdout_has("leads outside").status(2).run_in(dir.path());
    assert!(!dir.path().join("escape").exists());
}

#[test]
fn links_in_the_workspace_are_never_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let outside = dir.path().join("outside");
    std::fs::create_dir(&outside).unwrap();
    std::fs::write(outside.join("victim.txt"), "keep").unwrap();
    let project = dir.path().join("project");
    std::fs::create_dir_all(project.join("data")).unwrap();
    std::fs::write(project.join("data/victim.txt"), "from the project").unwrap();
    std::fs::write(
        project.join("Jenkinsfile"),
        "pipeline {\n  agent any\n  stages { stage('a') { steps { echo 'x' } } }\n}\n",
    )
    .unwrap();
    assert!(jeeves(&project, &["run", "--job", "app"]).status.success());
    // Someone replaces the workspace's directory with a link out of it; the next checkout must not follow it.
    let ws = project.join(".jeeves/workspace/app");
    std::fs::remove_dir_all(ws.join("data")).unwrap();
    std::os::unix::fs::symlink(&outside, ws.join("data")).unwrap();
    assert!(jeeves(&project, &["run", "--job", "app"]).status.success());
    assert_eq!(std::fs::read_to_string(outside.join("victim.txt")).unwrap(), "keep");
    assert_eq!(std::fs::read_to_string(ws.join("data/victim.txt")).unwrap(), "from the project");
    // writeFile through a dangling link that points outside is refused.
    let write = "pipeline {\n  agent any\n  options { skipDefaultCheckout() }\n  stages { stage('a') { steps { sh 'ln -sf ../../../../outside/new.txt dangling'; writeFile file: 'dangling', text: 'x' } } }\n}\n";
    std::fs::write(project.join("Jenkinsfile"), write).unwrap();
    let out = jeeves(&project, &["run", "--job", "app"]);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(!outside.join("new.txt").exists());
}

#[test]
fn background_processes_end_with_the_build() {
    let dir = tempfile::tempdir().unwrap();
    Case::new()
        .jenkinsfile(
            "pipeline {\n  agent any\n  options { skipDefaultCheckout() }\n  stages { stage('a') { steps { sh 'sleep 30 >/dev/null 2>&1 & echo $! > bg.pid' } } }\n}\n",
        )
        .args(["run", "--job", "bg"])
        .status(0)
        .run_in(dir.path());
    let pid = std::fs::read_to_string(dir.path().join(".jeeves/workspace/bg/bg.pid")).unwrap();
    let proc_dir = format!("/proc/{}", pid.trim());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(3);
    while std::path::Path::new(&proc_dir).exists() && std::time::Instant::now() < deadline {
        // A killed child lingers as a zombie until its parent (init) reaps it.
        let state = std::fs::read_to_string(format!("{proc_dir}/stat")).unwrap_or_default();
        if state.contains(") Z") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let state = std::fs::read_to_string(format!("{proc_dir}/stat")).unwrap_or_default();
    assert!(state.is_empty() || state.contains(") Z"), "the background sleep still runs: {state}");
}

#[test]
fn the_changeset_leaves_out_the_jeeves_home() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(
        p.join("Jenkinsfile"),
        "pipeline {\n  agent any\n  stages { stage('json') { when { changeset '**/*.json' }; steps { echo 'json changed' } } }\n}\n",
    )
    .unwrap();
    let git = |args: &[&str]| git_in(p, args);
    git(&["init", "-q", "-b", "main"]);
    git(&["add", "Jenkinsfile"]);
    git(&["commit", "-qm", "first"]);
    git(&["checkout", "-qb", "topic"]);
    std::fs::write(p.join("notes.txt"), "n").unwrap();
    for _ in 0..2 {
        let out = jeeves(p, &["run", "--job", "app"]);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains("Stage \"json\" skipped due to when conditional"), "{stdout}");
    }
}

#[test]
fn archived_artifacts_keep_their_md5_and_stashes_go_with_the_build() {
    let dir = tempfile::tempdir().unwrap();
    Case::new()
        .jenkinsfile(
            "pipeline {\n  agent any\n  options { skipDefaultCheckout() }\n  stages { stage('a') { steps {\n    sh 'mkdir -p dist && head -c 300000 /dev/urandom > dist/app.bin && echo x > dist/notes.txt'\n    archiveArtifacts artifacts: 'dist/*'\n    stash name: 'bin', includes: 'dist/*.bin'\n  } } }\n}\n",
        )
        .args(["run", "--job", "art"])
        .stdout_has("Archiving artifacts\n")
        .stdout_has("Stashed 1 file(s)\n")
        .status(0)
        .run_in(dir.path());
    let build = dir.path().join(".jeeves/jobs/art/builds/1");
    let record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(build.join("build.json")).unwrap()).unwrap();
    let artifacts = record["artifacts"].as_array().unwrap();
    assert_eq!(artifacts.len(), 2, "{record}");
    for a in artifacts {
        let path = build.join("archive").join(a["path"].as_str().unwrap());
        let out = Command::new("md5sum").arg(&path).output().unwrap();
        let expected = String::from_utf8_lossy(&out.stdout).split_whitespace().next().unwrap().to_string();
        assert_eq!(a["md5"], expected, "{}", path.display());
        assert_eq!(a["size"], std::fs::metadata(&path).unwrap().len());
    }
    assert_eq!(record["stashes"], serde_json::json!(["bin"]));
    assert!(!build.join("stashes").exists(), "stashes are dropped when the build ends");
}

#[test]
fn input_is_asked_on_a_real_terminal() {
    // `script` (util-linux) gives jeeves a pseudo-terminal; the answers are typed into it.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("Jenkinsfile"),
        "pipeline {\n  agent any\n  options { skipDefaultCheckout() }\n  stages { stage('a') { steps { script {\n    def r = input message: 'Pick', parameters: [choice(name: 'REGION', choices: ['eu', 'us']), string(name: 'TAG', defaultValue: 'v1')]\n    echo \"picked ${r.REGION} ${r.TAG}\"\n  } } } }\n}\n",
    )
    .unwrap();
    let cmd = format!("{} run --job tty", env!("CARGO_BIN_EXE_jeeves"));
    let mut child = Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .current_dir(dir.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("script(1) from util-linux runs jeeves on a pseudo-terminal");
    use std::io::Write;
    child.stdin.take().unwrap().write_all(b"us\nv2\ny\n").unwrap();
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("REGION [eu (one of eu, us)]"), "{stdout}");
    assert!(stdout.contains("picked us v2"), "{stdout}");
    assert!(stdout.contains("Finished: SUCCESS"), "{stdout}");
}

#[test]
fn fingerprints_accumulate_usages_across_builds_and_jobs() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("lib.txt"), "a library the project carries\n").unwrap();
    // An old file: the builds check it out but do not produce it.
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options().write(true).open(p.join("lib.txt")).unwrap().set_modified(old).unwrap();
    std::fs::write(
        p.join("Jenkinsfile"),
        "pipeline {\n  agent any\n  stages { stage('a') { steps {\n    sh 'echo built > app.jar'\n    archiveArtifacts artifacts: 'app.jar', fingerprint: true\n    fingerprint 'lib.txt'\n  } } }\n}\n",
    )
    .unwrap();
    for _ in 0..3 {
        assert!(jeeves(p, &["run", "--job", "producer"]).status.success());
    }
    assert!(jeeves(p, &["run", "--job", "consumer"]).status.success());
    let md5 = |text: &[u8]| {
        let out = Command::new("md5sum")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        let mut child = out;
        child.stdin.take().unwrap().write_all(text).unwrap();
        let o = child.wait_with_output().unwrap();
        String::from_utf8_lossy(&o.stdout).split_whitespace().next().unwrap().to_string()
    };
    let record = |sum: &str| {
        let path = p.join(".jeeves/fingerprints").join(&sum[..2]).join(&sum[2..4]).join(format!("{}.xml", &sum[4..]));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    let app = record(&md5(b"built\n"));
    assert!(app.starts_with("<?xml version=\"1.1\" encoding=\"UTF-8\"?>\n<fingerprint>"), "{app}");
    assert!(app.contains("<original>\n    <name>producer</name>\n    <number>1</number>\n  </original>"), "{app}");
    assert!(app.contains("<fileName>app.jar</fileName>"), "{app}");
    assert!(app.contains("<string>producer</string>\n      <ranges>1-3</ranges>"), "{app}");
    assert!(app.contains("<string>consumer</string>\n      <ranges>1</ranges>"), "{app}");
    let lib = record(&md5(b"a library the project carries\n"));
    assert!(!lib.contains("<original>"), "a checked-out file has no original: {lib}");
    assert!(lib.contains("<ranges>1-3</ranges>") && lib.contains("<string>consumer</string>"), "{lib}");
}

#[test]
fn build_runs_a_downstream_job_in_the_same_home() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(
        p.join("deploy.Jenkinsfile"),
        "pipeline {\n  agent any\n  options { skipDefaultCheckout() }\n  parameters { string(name: 'TARGET', defaultValue: 'dev'); booleanParam(name: 'FAIL', defaultValue: false) }\n  stages { stage('Deploy') { steps { echo \"deploying to ${params.TARGET}\"; script { if (params.FAIL) { error 'deploy failed' } } } } }\n}\n",
    )
    .unwrap();
    let out = Case::new()
        .jenkinsfile(
            "node {\n  def r = build job: 'deploy', parameters: [string(name: 'TARGET', value: 'staging')]\n  echo \"deploy #${r.number} ${r.result}\"\n  def q = build job: 'deploy', parameters: [booleanParam(name: 'FAIL', value: true)], propagate: false\n  echo \"second ${q.result}\"\n  build job: 'deploy', parameters: [booleanParam(name: 'FAIL', value: true)]\n}\n",
        )
        .args(["run", "--job", "up"])
        .stdout_has("Scheduling project: deploy\nStarting building: deploy #1\nBuild deploy #1 completed: SUCCESS\n")
        .stdout_has("deploy #1 SUCCESS\n")
        .stdout_has("second FAILURE\n")
        .stdout_has("ERROR: deploy #3 completed with status FAILURE (propagate: false to ignore)\n")
        .status(2)
        .run_in(p);
    assert!(out.stdout.contains("Build deploy #3 completed: FAILURE"), "{}", out.stdout);
    let log = std::fs::read_to_string(p.join(".jeeves/jobs/deploy/builds/1/log")).unwrap();
    assert!(log.contains("deploying to staging"), "{log}");
    Case::new()
        .jenkinsfile("node { build 'missing' }\n")
        .args(["run"])
        .stdout_has("ERROR: No item named missing found")
        .status(2)
        .run();
}

#[test]
fn the_git_step_clones_a_local_repository_and_checks_the_branch_out() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("upstream");
    std::fs::create_dir_all(&repo).unwrap();
    git_in(&repo, &["init", "-q", "-b", "main"]);
    std::fs::write(repo.join("README"), "on main\n").unwrap();
    git_in(&repo, &["add", "README"]);
    git_in(&repo, &["commit", "-qm", "first on main"]);
    git_in(&repo, &["checkout", "-qb", "release"]);
    std::fs::write(repo.join("README"), "on release\n").unwrap();
    git_in(&repo, &["commit", "-qam", "release notes"]);
    let project = dir.path().join("project");
    std::fs::create_dir_all(&project).unwrap();
    let file = format!(
        "node {{\n  dir('src') {{\n    def scm = git url: 'file://{}', branch: 'release'\n    echo \"${{scm.GIT_BRANCH}} ${{scm.GIT_COMMIT.size()}}\"\n    sh 'cat README; git rev-parse --abbrev-ref HEAD'\n  }}\n  dir('src') {{ git url: 'file://{}', branch: 'main' }}\n  sh 'cat src/README'\n  git url: 'https://example.com/x.git'\n}}\n",
        repo.display(),
        repo.display()
    );
    std::fs::write(project.join("Jenkinsfile"), file).unwrap();
    let out = jeeves(&project, &["run", "--job", "g"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stdout}");
    assert!(stdout.contains("Cloning repository file://"), "{stdout}");
    assert!(stdout.contains("Commit message: \"release notes\""), "{stdout}");
    assert!(stdout.contains("origin/release 40\n"), "{stdout}");
    assert!(stdout.contains("\non release\n+ git rev-parse --abbrev-ref HEAD\nrelease\n"), "{stdout}");
    assert!(stdout.contains("Fetching upstream changes from file://"), "{stdout}");
    assert!(stdout.contains("\non main\n"), "{stdout}");
    assert!(stdout.contains("ERROR: jeeves clones only local repositories"), "{stdout}");
}
