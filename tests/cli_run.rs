//! `jeeves run` on scripted pipelines, through the real binary: the console Jenkins would print, the exit
//! code of each result, real processes for `sh`, concurrency and cancellation, and the build record.

mod support;

use std::time::{Duration, Instant};

use support::{unindent, Case};

#[test]
fn an_echo_pipeline_prints_the_jenkins_console() {
    Case::new()
        .jenkinsfile("echo 'hello'\n")
        .args(["run"])
        .stdout(&unindent(
            "
            [Pipeline] Start of Pipeline
            [Pipeline] echo
            hello
            [Pipeline] End of Pipeline
            Finished: SUCCESS
            ",
        ))
        .status(0)
        .run();
}

#[test]
fn node_stage_and_sh_run_commands_with_their_trace() {
    let out = Case::new()
        .jenkinsfile("node {\n  stage('Build') {\n    sh 'echo hi; echo there'\n  }\n}\n")
        .args(["run"])
        .status(0)
        .run();
    let expected_tail = unindent(
        "
        [Pipeline] {
        [Pipeline] stage
        [Pipeline] { (Build)
        [Pipeline] sh
        + echo hi
        hi
        + echo there
        there
        [Pipeline] }
        [Pipeline] // stage
        [Pipeline] }
        [Pipeline] // node
        [Pipeline] End of Pipeline
        Finished: SUCCESS
        ",
    );
    assert!(
        out.stdout.starts_with("[Pipeline] Start of Pipeline\n[Pipeline] node\nRunning on jeeves in "),
        "{}",
        out.stdout
    );
    assert!(out.stdout.ends_with(&expected_tail), "{}", out.stdout);
}

#[test]
fn a_failing_sh_fails_the_build_with_jenkins_message() {
    Case::new()
        .jenkinsfile("node { sh 'echo before; exit 3; echo after' }\n")
        .args(["run"])
        .stdout_has("+ exit 3\n")
        .stdout_has("[Pipeline] End of Pipeline\nERROR: script returned exit code 3\nFinished: FAILURE\n")
        .status(2)
        .run();
}

#[test]
fn sh_returns_stdout_or_status_when_asked() {
    Case::new()
        .jenkinsfile(
            "node {\n  def out = sh(script: 'echo captured', returnStdout: true)\n  echo \"[${out}]\"\n  \
             def rc = sh(script: 'exit 5', returnStatus: true)\n  echo \"rc=${rc}\"\n}\n",
        )
        .args(["run"])
        .stdout_has("[captured\n]\n")
        .stdout_has("rc=5\n")
        .status(0)
        .run();
}

#[test]
fn sh_outside_a_node_fails_as_in_jenkins() {
    Case::new()
        .jenkinsfile("sh 'true'\n")
        .args(["run"])
        .stdout_has("org.jenkinsci.plugins.workflow.steps.MissingContextVariableException: Required context class hudson.FilePath is missing")
        .stdout_has("Finished: FAILURE")
        .status(2)
        .run();
}

#[test]
fn error_step_prints_error_and_fails() {
    Case::new()
        .jenkinsfile("stage('Check') {\n  error 'boom'\n}\necho 'not reached'\n")
        .args(["run"])
        .stdout_has("[Pipeline] error\n[Pipeline] }\n[Pipeline] // stage\n[Pipeline] End of Pipeline\nERROR: boom\nFinished: FAILURE\n")
        .status(2)
        .run();
}

#[test]
fn each_result_has_its_exit_code() {
    for (result, code) in [("SUCCESS", 0), ("UNSTABLE", 1), ("FAILURE", 2), ("NOT_BUILT", 3), ("ABORTED", 4)] {
        Case::new()
            .jenkinsfile(format!("currentBuild.result = '{result}'\necho currentBuild.currentResult\n"))
            .args(["run"])
            .stdout_has(&format!("Finished: {result}\n"))
            .status(code)
            .run();
    }
}

#[test]
fn a_groovy_exception_names_the_jenkinsfile_line() {
    Case::new()
        .jenkinsfile("echo 'one'\necho foo\n")
        .args(["run"])
        .stdout_has("one\n")
        .stdout_has("groovy.lang.MissingPropertyException: No such property: foo for class: WorkflowScript\n\tat WorkflowScript.run(WorkflowScript:2)\nFinished: FAILURE\n")
        .stderr_has("Jenkinsfile:2:6: error: groovy.lang.MissingPropertyException")
        .stderr_has("2 | echo foo")
        .status(2)
        .run();
}

#[test]
fn a_null_receiver_reads_like_groovy() {
    Case::new()
        .jenkinsfile("def x = null\nx.bar()\n")
        .args(["run"])
        .stdout_has("java.lang.NullPointerException: Cannot invoke method bar() on null object\n")
        .status(2)
        .run();
}

#[test]
fn a_syntax_error_fails_the_build_like_jenkins() {
    Case::new()
        .jenkinsfile("node {\n  echo 'x'\n")
        .args(["run"])
        .stdout_has("org.codehaus.groovy.control.MultipleCompilationErrorsException: startup failed:\nWorkflowScript: ")
        .stdout_has("Finished: FAILURE\n")
        .stderr_has("Jenkinsfile:")
        .status(2)
        .run();
}

#[test]
fn env_with_env_and_params_reach_groovy_and_processes() {
    Case::new()
        .jenkinsfile(
            "env.GLOBAL = 'g'\nnode {\n  withEnv(['STAGE_VAR=s']) {\n    sh 'echo \"$GLOBAL $STAGE_VAR $GREETING\"'\n    \
             echo \"${env.STAGE_VAR} ${params.GREETING} ${env.BUILD_NUMBER}\"\n  }\n  echo \"after: ${env.STAGE_VAR}\"\n}\n",
        )
        .args(["run", "-a", "GREETING=hi"])
        // Parameters are environment variables too, as in Jenkins.
        .stdout_has("\ng s hi\n")
        .stdout_has("\ns hi 1\n")
        .stdout_has("after: null\n")
        .status(0)
        .run();
}

#[test]
fn dir_changes_the_working_directory_inside_the_workspace() {
    let out = Case::new()
        .jenkinsfile("node {\n  dir('sub/dir') {\n    sh 'pwd'\n    echo pwd()\n  }\n}\n")
        .args(["run", "--job", "demo"])
        .status(0)
        .run();
    assert!(out.stdout.contains("[Pipeline] dir\nRunning in "), "{}", out.stdout);
    assert!(out.stdout.contains("/.jeeves/workspace/demo/sub/dir\n"), "{}", out.stdout);
}

#[test]
fn parallel_branches_run_at_the_same_time_with_prefixed_output() {
    let started = Instant::now();
    let out = Case::new()
        .jenkinsfile(
            "node {\n  parallel(\n    a: { sh 'sleep 1; echo done-a' },\n    b: { sh 'sleep 1; echo done-b' }\n  )\n}\n",
        )
        .args(["run"])
        .stdout_has("[Pipeline] parallel\n[Pipeline] { (Branch: a)\n[Pipeline] { (Branch: b)\n")
        .stdout_has("[a] done-a\n")
        .stdout_has("[b] done-b\n")
        .stdout_has("[Pipeline] // parallel\n")
        .status(0)
        .run();
    let took = started.elapsed();
    assert!(took < Duration::from_millis(1900), "two 1 s branches took {took:?}: not concurrent\n{}", out.stdout);
}

#[test]
fn fail_fast_stops_the_other_branches() {
    let started = Instant::now();
    Case::new()
        .jenkinsfile(
            "node {\n  parallel(\n    slow: { sh 'sleep 30' },\n    broken: { sh 'exit 1' },\n    failFast: true\n  )\n}\n",
        )
        .args(["run"])
        .stdout_has("Failed in branch broken\n")
        .stdout_has("Failed in branch slow\n")
        .stdout_has("ERROR: script returned exit code 1\nFinished: FAILURE\n")
        .status(2)
        .run();
    assert!(started.elapsed() < Duration::from_secs(10), "failFast did not stop the slow branch");
}

#[test]
fn timeout_kills_the_process_group_and_aborts() {
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    Case::new()
        .jenkinsfile(
            "node {\n  timeout(time: 1, unit: 'SECONDS') {\n    sh 'sleep 30 & echo $! > \"$WORKSPACE/../child.pid\"; wait'\n  }\n}\n",
        )
        .args(["run", "--job", "t"])
        .stdout_has("Timeout set to expire in 1 sec\n")
        .stdout_has("Cancelling nested steps due to timeout\n")
        .stdout_has("Timeout has been exceeded\nFinished: ABORTED\n")
        .status(4)
        .run_in(dir.path());
    assert!(started.elapsed() < Duration::from_secs(8), "the timeout did not stop the step");
    let pid = std::fs::read_to_string(dir.path().join(".jeeves/workspace/child.pid")).unwrap();
    // A killed child whose parent is gone may linger as a zombie until init reaps it: that is dead.
    let stat = std::fs::read_to_string(format!("/proc/{}/stat", pid.trim())).unwrap_or_default();
    let state = stat.rsplit(')').next().and_then(|rest| rest.split_whitespace().next()).unwrap_or("gone");
    assert!(matches!(state, "gone" | "Z" | "X"), "the background child {} outlived the timeout ({state})", pid.trim());
}

#[test]
fn retry_runs_the_body_again_after_a_failure() {
    Case::new()
        .jenkinsfile(
            "def n = 0\nretry(3) {\n  n++\n  if (n < 3) { error \"try ${n}\" }\n  echo \"made it on try ${n}\"\n}\n",
        )
        .args(["run"])
        .stdout_has("ERROR: try 1\nRetrying\n")
        .stdout_has("ERROR: try 2\nRetrying\n")
        .stdout_has("made it on try 3\n")
        .status(0)
        .run();
}

#[test]
fn sleep_reports_its_duration() {
    Case::new()
        .jenkinsfile("sleep(time: 100, unit: 'MILLISECONDS')\n")
        .args(["run"])
        .stdout_has("[Pipeline] sleep\nSleeping for 0.1 sec\n")
        .status(0)
        .run();
}

#[test]
fn a_failed_build_keeps_its_log_and_record_and_numbers_go_up() {
    let dir = tempfile::tempdir().unwrap();
    let run = || {
        Case::new().jenkinsfile("echo 'x'\nerror 'bad'\n").args(["run", "--job", "keep"]).status(2).run_in(dir.path())
    };
    run();
    run();
    let builds = dir.path().join(".jeeves/jobs/keep/builds");
    for n in ["1", "2"] {
        let log = std::fs::read_to_string(builds.join(n).join("log")).unwrap();
        assert!(log.ends_with("ERROR: bad\nFinished: FAILURE\n"), "{log}");
        let record: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(builds.join(n).join("build.json")).unwrap()).unwrap();
        assert_eq!(record["result"], "FAILURE");
        assert_eq!(record["number"].to_string(), n);
    }
}

#[test]
fn nothing_is_written_outside_home_and_workspace() {
    let dir = tempfile::tempdir().unwrap();
    Case::new()
        .jenkinsfile("node { sh 'echo x > made-here.txt'; writeSomething = 1 }\n")
        .args(["run"])
        .status(0)
        .run_in(dir.path());
    let mut top: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    top.sort();
    assert_eq!(top, [".jeeves", "Jenkinsfile"]);
}

#[test]
fn the_file_can_be_named_with_f_and_bad_input_is_a_usage_error() {
    Case::new()
        .file("ci.groovy", "echo 'from -f'\n")
        .args(["run", "-f", "ci.groovy"])
        .stdout_has("from -f\n")
        .status(0)
        .run();
    Case::new()
        .args(["run", "missing.Jenkinsfile"])
        .stderr_has("jeeves run: cannot read missing.Jenkinsfile")
        .status(2)
        .run();
    Case::new().jenkinsfile("echo 1\n").args(["run", "-a", "novalue"]).stderr_has("NAME=VALUE").status(2).run();
}

#[test]
fn declarative_pipelines_run_their_stages() {
    Case::new()
        .jenkinsfile("pipeline {\n  agent any\n  stages { stage('a') { steps { echo 'x' } } }\n}\n")
        .args(["run"])
        .stdout_has("[Pipeline] { (a)\n[Pipeline] echo\nx\n[Pipeline] }\n")
        .stdout_has("Finished: SUCCESS\n")
        .status(0)
        .run();
}

#[test]
fn build_variables_read_as_bare_names_and_old_stages_still_run() {
    Case::new()
        .jenkinsfile("stage 'Build'\necho \"build ${BUILD_NUMBER} of ${JOB_NAME}\"\necho BRANCH_NAME\n")
        .args(["run", "--job", "demo"])
        .stdout_has("Entering stage Build\nProceeding\n")
        .stdout_has("build 1 of demo\n")
        .stdout_has("groovy.lang.MissingPropertyException: No such property: BRANCH_NAME for class: WorkflowScript\n")
        .status(2)
        .run();
}

#[test]
fn ctrl_c_aborts_the_build_and_kills_its_processes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("Jenkinsfile"), "node {\n  sh 'sleep 30'\n}\n").unwrap();
    let started = Instant::now();
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_jeeves"))
        .arg("run")
        .current_dir(dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(800));
    // SAFETY: signals our own child process.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(4), "{stdout}");
    assert!(stdout.ends_with("Aborted by user\nFinished: ABORTED\n"), "{stdout}");
    assert!(started.elapsed() < Duration::from_secs(10), "Ctrl-C did not stop the sh step");
}
