//! Parser speed, next to Groovy 2.4.21's own parse of the same files in the same run.
//!
//! `cargo bench --bench parse` prints:
//! - jeeves' in-process throughput over every valid file under `jenkinsfiles/` and `fixtures/parse/valid/`
//!   (goal: at least 20 MB/s);
//! - the time to parse a generated 5,000-line declarative pipeline (goal: under 50 ms);
//! - the whole corpus through the `jeeves parse` binary versus Groovy (a JVM running
//!   `tests/groovy/ParseCheck.java`), end to end and warm, with the ratios (goal: at least 20 times faster).
//!
//! - the same corpus through `benches/tokens.pest`, a pest grammar that only splits text into tokens: the
//!   ceiling of what any pest grammar can do on these files, to read the first goal against.
//!
//! Groovy comes from Debian's `groovy` package; without it the Groovy half is reported as missing.

extern crate alloc;

#[path = "../tests/groovy/reference.rs"]
mod reference;

use pest::Parser;

#[derive(pest_derive::Parser)]
#[grammar = "../benches/tokens.pest"]
struct TokenSplitter;
use std::process::Command;
use std::time::{Duration, Instant};

/// A declarative pipeline of about `lines` lines: stages with environment, when, script blocks with
/// Groovy logic, parallel branches and post sections, the shapes real pipelines have.
fn generated_pipeline(lines: usize) -> String {
    let mut s = String::from(
        "pipeline {\n    agent any\n    environment {\n        IMAGE = \"registry.local/app\"\n    }\n    stages {\n",
    );
    let mut i = 0;
    while s.lines().count() < lines.saturating_sub(8) {
        s.push_str(&format!(
            "        stage('Stage {i}') {{\n            when {{ expression {{ params.RUN_{i} != false && env.BRANCH_NAME ==~ /(main|release-.*)/ }} }}\n            steps {{\n                sh \"make build-{i} IMAGE=${{IMAGE}}:${{env.BUILD_NUMBER}}\"\n                script {{\n                    def items = [a: {i}, b: '{i}', c: [1, 2, 3]]\n                    items.each {{ k, v -> echo \"item ${{k}} = ${{v}}\" }}\n                    if (items.a % 2 == 0) {{\n                        currentBuild.description = \"even ${{items.a}}\"\n                    }} else {{\n                        def total = items.c.sum() * 2 + (items.a as int) / 3\n                        echo 'odd ' + total\n                    }}\n                }}\n            }}\n            post {{ failure {{ echo \"stage {i} failed\" }} }}\n        }}\n"
        ));
        i += 1;
    }
    s.push_str("    }\n    post {\n        always { echo 'done' }\n    }\n}\n");
    s
}

fn time_parse(texts: &[String], min_time: Duration) -> (u32, Duration) {
    let mut rounds = 0;
    let start = Instant::now();
    while start.elapsed() < min_time || rounds < 3 {
        for t in texts {
            let parsed = jeeves::syntax::parse(std::hint::black_box(t));
            assert!(parsed.is_ok(), "benchmark input must parse");
        }
        rounds += 1;
    }
    (rounds, start.elapsed())
}

fn main() {
    let files = reference::corpus(false);
    let texts: Vec<String> = files.iter().map(|f| std::fs::read_to_string(f).expect("readable corpus")).collect();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();

    println!("corpus: {} files, {} bytes (jenkinsfiles/ and fixtures/parse/ without invalid/)", files.len(), bytes);
    let (rounds, took) = time_parse(&texts, Duration::from_secs(2));
    let per_round = took / rounds;
    let mbps = bytes as f64 / per_round.as_secs_f64() / 1e6;
    println!("jeeves in-process: {:.2} ms per pass, {mbps:.1} MB/s (goal >= 20 MB/s)", per_round.as_secs_f64() * 1e3);
    let start = Instant::now();
    let mut passes = 0u32;
    while start.elapsed() < Duration::from_secs(1) || passes < 3 {
        for t in &texts {
            let tokens = TokenSplitter::parse(Rule::file, std::hint::black_box(t));
            assert!(tokens.is_ok(), "the token splitter reads any text");
        }
        passes += 1;
    }
    let ceiling = bytes as f64 / (start.elapsed() / passes).as_secs_f64() / 1e6;
    println!(
        "pest ceiling (benches/tokens.pest, tokens only): {ceiling:.1} MB/s; jeeves runs at {:.0}% of it",
        100.0 * mbps / ceiling
    );

    let big = generated_pipeline(5_000);
    let big_lines = big.lines().count();
    let mut samples: Vec<Duration> = (0..15)
        .map(|_| {
            let t = Instant::now();
            let parsed = jeeves::syntax::parse(std::hint::black_box(&big));
            assert!(parsed.is_ok(), "the generated pipeline must parse");
            t.elapsed()
        })
        .collect();
    samples.sort();
    let median = samples[samples.len() / 2];
    println!(
        "generated pipeline: {big_lines} lines, {} bytes: median {:.2} ms (goal < 50 ms), {:.1} MB/s",
        big.len(),
        median.as_secs_f64() * 1e3,
        big.len() as f64 / median.as_secs_f64() / 1e6
    );

    // End to end: the binary on the whole corpus, as a user runs it.
    let jeeves_bin = env!("CARGO_BIN_EXE_jeeves");
    let mut e2e: Vec<Duration> = (0..5)
        .map(|_| {
            let t = Instant::now();
            let status = Command::new(jeeves_bin).arg("parse").arg("-q").args(&files).status().expect("run jeeves");
            assert!(status.success());
            t.elapsed()
        })
        .collect();
    e2e.sort();
    let jeeves_e2e = e2e[e2e.len() / 2];
    println!("jeeves parse (binary, {} files): {:.1} ms", files.len(), jeeves_e2e.as_secs_f64() * 1e3);

    let classpath = match reference::classpath() {
        Ok(cp) => cp,
        Err(why) => {
            println!("groovy: no comparison. {why}");
            return;
        }
    };
    let t = Instant::now();
    let out = reference::run_checker(&classpath, &[], &files);
    let groovy_e2e = t.elapsed();
    assert!(out.status.success(), "groovy checker failed");
    let out = reference::run_checker(&classpath, &["--rounds=30"], &files);
    let rounds: Vec<u64> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.strip_prefix("ROUND ").and_then(|r| r.split_whitespace().nth(1)).and_then(|n| n.parse().ok()))
        .collect();
    let groovy_warm = Duration::from_nanos(rounds.iter().copied().min().unwrap_or(0));
    println!("groovy end to end (JVM start, compile to CONVERSION): {:.1} ms", groovy_e2e.as_secs_f64() * 1e3);
    println!("groovy warm (best of 30 passes in one JVM): {:.2} ms per pass", groovy_warm.as_secs_f64() * 1e3);
    println!(
        "ratio end to end: jeeves {:.1}x faster than groovy (goal >= 20x)",
        groovy_e2e.as_secs_f64() / jeeves_e2e.as_secs_f64()
    );
    println!(
        "ratio warm in-process: jeeves {:.1}x faster than groovy",
        groovy_warm.as_secs_f64() / per_round.as_secs_f64()
    );
}
