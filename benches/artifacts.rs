//! Throughput of the steps that touch a lot of bytes, each against a baseline in this same benchmark:
//! - archiving and fingerprinting 1 GiB in 64 files (`archiveArtifacts fingerprint: true`) against
//!   `md5sum` over the same files (goal: at least 80% of md5sum's throughput);
//! - an `sh` step printing 1 GiB with two secrets bound (every line masked) against the same command
//!   piped to `cat > /dev/null` (goal: at least 50% of its throughput, memory flat).
//!
//! Run with `cargo bench --bench artifacts` (it writes about 3 GiB of scratch files under the system
//! temporary directory and removes them).

mod common;

use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use common::measure;

const FILES: usize = 64;
const FILE_SIZE: usize = 16 << 20;

fn best(runs: usize, mut make: impl FnMut() -> Command) -> (Duration, i64) {
    let mut best = Duration::MAX;
    let mut peak = 0;
    for _ in 0..runs {
        let (t, rss) = measure(&mut make());
        best = best.min(t);
        peak = peak.max(rss);
    }
    (best, peak)
}

fn write_data(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut buf = vec![0u8; FILE_SIZE];
    for i in 0..FILES {
        // xorshift: cheap bytes that do not compress or repeat.
        for chunk in buf.chunks_mut(8) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            chunk.copy_from_slice(&state.to_le_bytes()[..chunk.len()]);
        }
        std::fs::File::create(dir.join(format!("part-{i:02}.bin"))).unwrap().write_all(&buf).unwrap();
    }
}

fn mib_per_s(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / (1 << 20) as f64 / d.as_secs_f64()
}

fn main() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let root = tmp.path();
    let project = root.join("project");
    let ws = root.join("ws");
    std::fs::create_dir_all(&project).unwrap();
    write_data(&ws.join("data"));
    let total = FILES * FILE_SIZE;
    let jeeves = env!("CARGO_BIN_EXE_jeeves");

    std::fs::write(
        project.join("archive.Jenkinsfile"),
        "pipeline {\n  agent any\n  options { skipDefaultCheckout() }\n  stages { stage('a') { steps {\n    archiveArtifacts artifacts: 'data/*.bin', fingerprint: true\n  } } }\n}\n",
    )
    .unwrap();
    let (md5sum, _) = best(3, || {
        let mut c = Command::new("sh");
        c.arg("-c").arg("md5sum data/*.bin").current_dir(&ws);
        c
    });
    let (archive, archive_rss) = best(3, || {
        let _ = std::fs::remove_dir_all(root.join("home"));
        let mut c = Command::new(jeeves);
        c.arg("run").arg(project.join("archive.Jenkinsfile")).arg("--home").arg(root.join("home"));
        c.arg("--workspace").arg(&ws);
        c
    });
    println!(
        "archive + fingerprint 1 GiB in {FILES} files: {:.0} MiB/s (peak {:.0} MB); md5sum: {:.0} MiB/s; ratio {:.2} (goal >= 0.80)",
        mib_per_s(total, archive),
        archive_rss as f64 / 1024.0,
        mib_per_s(total, md5sum),
        md5sum.as_secs_f64() / archive.as_secs_f64()
    );
    let _ = std::fs::remove_dir_all(root.join("home"));
    let _ = std::fs::remove_dir_all(&ws);
    std::fs::create_dir_all(&ws).unwrap();

    // 1 GiB of 100-byte lines, produced by the same command in both runs.
    let produce = "yes 'build output line with nothing secret in it, padded out to be a hundred bytes long........' | head -c 1073741824";
    std::fs::write(
        project.join("sh.Jenkinsfile"),
        format!(
            "pipeline {{\n  agent any\n  options {{ skipDefaultCheckout() }}\n  stages {{ stage('a') {{ steps {{\n    withCredentials([string(credentialsId: 'one', variable: 'ONE'), string(credentialsId: 'two', variable: 'TWO')]) {{\n      sh '''{produce}'''\n    }}\n  }} }} }}\n}}\n"
        ),
    )
    .unwrap();
    let (cat, _) = best(3, || {
        let mut c = Command::new("sh");
        c.arg("-c").arg(format!("{produce} | cat > /dev/null"));
        c
    });
    let (sh, sh_rss) = best(3, || {
        let _ = std::fs::remove_dir_all(root.join("home"));
        let mut c = Command::new(jeeves);
        c.arg("run").arg(project.join("sh.Jenkinsfile")).arg("--home").arg(root.join("home"));
        c.arg("--workspace").arg(&ws).args([
            "--credential",
            "one=first-secret-value",
            "--credential",
            "two=second-secret",
        ]);
        c
    });
    println!(
        "sh printing 1 GiB, two secrets bound: {:.0} MiB/s (peak {:.0} MB); the command into cat > /dev/null: {:.0} MiB/s; ratio {:.2} (goal >= 0.50)",
        mib_per_s(1 << 30, sh),
        sh_rss as f64 / 1024.0,
        mib_per_s(1 << 30, cat),
        cat.as_secs_f64() / sh.as_secs_f64()
    );
}
