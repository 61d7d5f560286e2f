//! Declarative pipeline speed and memory, each against a baseline run in this same benchmark:
//! - a 1,000-stage pipeline of `echo` steps (goal: under 200 ms wall, under 50 MB peak memory), against a
//!   1-stage pipeline (jeeves' fixed start-up cost);
//! - 64 parallel branches that each `sh 'sleep 1'` (goal: under 1.5 s wall), against a shell that starts
//!   64 `sleep 1` in the background and waits for them;
//! - 200 `sh 'true'` steps against a shell loop running `sh -c true` 200 times (goal: at most 1.5x).
//!
//! Run with `cargo bench --bench pipeline`. Wall times are medians; memory is the child's peak RSS.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use common::measure;

fn stages(n: usize) -> String {
    let body: String = (0..n).map(|i| format!("    stage('s{i}') {{ steps {{ echo 'stage {i}' }} }}\n")).collect();
    format!("pipeline {{\n  agent any\n  options {{ skipDefaultCheckout() }}\n  stages {{\n{body}  }}\n}}\n")
}

fn parallel_sleeps(n: usize) -> String {
    let body: String = (0..n).map(|i| format!("        stage('b{i}') {{ steps {{ sh 'sleep 1' }} }}\n")).collect();
    format!(
        "pipeline {{\n  agent any\n  options {{ skipDefaultCheckout() }}\n  stages {{\n    stage('p') {{\n      \
         parallel {{\n{body}      }}\n    }}\n  }}\n}}\n"
    )
}

fn sh_steps(n: usize) -> String {
    let body: String = (0..n).map(|_| "        sh 'true'\n").collect();
    format!(
        "pipeline {{\n  agent any\n  options {{ skipDefaultCheckout() }}\n  stages {{\n    stage('s') {{\n      \
         steps {{\n{body}      }}\n    }}\n  }}\n}}\n"
    )
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn jeeves(dir: &Path, file: &str) -> Command {
    let home = dir.join("home");
    let _ = std::fs::remove_dir_all(&home);
    let mut c = Command::new(env!("CARGO_BIN_EXE_jeeves"));
    c.arg("run").arg(dir.join(file)).arg("--home").arg(&home).current_dir(dir);
    c
}

fn sample(runs: usize, mut make: impl FnMut() -> Command) -> (Duration, i64) {
    let mut times = Vec::new();
    let mut peak = 0;
    for _ in 0..runs {
        let (t, rss) = measure(&mut make());
        times.push(t);
        peak = peak.max(rss);
    }
    (median(times), peak)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let dir = tmp.path();
    std::fs::write(dir.join("one.Jenkinsfile"), stages(1)).unwrap();
    std::fs::write(dir.join("stages.Jenkinsfile"), stages(1000)).unwrap();
    std::fs::write(dir.join("parallel.Jenkinsfile"), parallel_sleeps(64)).unwrap();
    std::fs::write(dir.join("sh.Jenkinsfile"), sh_steps(200)).unwrap();

    let (one, _) = sample(9, || jeeves(dir, "one.Jenkinsfile"));
    let (big, rss) = sample(9, || jeeves(dir, "stages.Jenkinsfile"));
    println!(
        "1,000 echo stages: {:.1} ms, peak {:.1} MB (goal < 200 ms, < 50 MB); 1-stage baseline {:.1} ms; ratio {:.2}x \
         for 1,000x the stages",
        ms(big),
        rss as f64 / 1024.0,
        ms(one),
        ms(big) / ms(one)
    );

    let (par, _) = sample(3, || jeeves(dir, "parallel.Jenkinsfile"));
    let (par_base, _) = sample(3, || {
        let mut c = Command::new("sh");
        c.arg("-c").arg("for i in $(seq 64); do sleep 1 & done; wait");
        c
    });
    println!(
        "64 parallel branches of sh 'sleep 1': {:.0} ms (goal < 1,500 ms); shell baseline (64 x sleep 1 &; wait) \
         {:.0} ms; ratio {:.2}x",
        ms(par),
        ms(par_base),
        ms(par) / ms(par_base)
    );

    let (sh, _) = sample(7, || jeeves(dir, "sh.Jenkinsfile"));
    let (sh_base, _) = sample(7, || {
        let mut c = Command::new("sh");
        c.arg("-c").arg("for i in $(seq 200); do sh -c true; done");
        c
    });
    println!(
        "200 sh 'true' steps: {:.0} ms; shell loop of 200 x sh -c true: {:.0} ms; ratio {:.2}x (goal <= 1.5x)",
        ms(sh),
        ms(sh_base),
        ms(sh) / ms(sh_base)
    );
}
