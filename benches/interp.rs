//! Interpreter speed: a 1,000,000-iteration loop of arithmetic, string building, list and map work run end
//! to end by `jeeves run` and by Groovy 2.4.21 (JVM start included) in the same process, and the wall time of
//! a trivial `echo` pipeline. Prints the figures and the ratio; `cargo bench --bench interp`.

#[path = "../tests/groovy/reference.rs"]
#[allow(dead_code)]
mod reference;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const ROUNDS: usize = 3;
const ECHO_ROUNDS: usize = 30;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time(mut cmd: Command) -> (Duration, String) {
    let started = Instant::now();
    let out = cmd.stderr(Stdio::null()).output().expect("start the command");
    let took = started.elapsed();
    assert!(out.status.success(), "{cmd:?} failed: {}", String::from_utf8_lossy(&out.stdout));
    (took, String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Makes the command that runs the Groovy side of the comparison once.
type CommandMaker = Box<dyn Fn() -> Command>;

/// Debian's `groovy` launcher needs JAVA_HOME.
fn java_home() -> std::ffi::OsString {
    std::env::var_os("JAVA_HOME").unwrap_or_else(|| "/usr/lib/jvm/java-17-openjdk-amd64".into())
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let jeeves = env!("CARGO_BIN_EXE_jeeves");
    let scratch = tempfile::tempdir().expect("a temporary directory");
    let home = scratch.path().join("home");
    let script = std::fs::read_to_string(root.join("benches/scripts/loop.Jenkinsfile")).expect("the loop script");
    let jenkinsfile = scratch.path().join("Jenkinsfile");
    std::fs::write(&jenkinsfile, &script).unwrap();
    // For plain Groovy the `echo` step is a script method printing its argument.
    let groovy_file = scratch.path().join("loop.groovy");
    std::fs::write(&groovy_file, format!("def echo(x) {{ println x }}\n{script}")).unwrap();

    let run_jeeves = |file: &Path| {
        let mut cmd = Command::new(jeeves);
        cmd.arg("run").arg("--home").arg(&home).arg(file);
        cmd
    };
    let mut jeeves_times = Vec::new();
    let mut jeeves_line = String::new();
    for _ in 0..ROUNDS {
        let (t, out) = time(run_jeeves(&jenkinsfile));
        jeeves_line = out.lines().find(|l| l.starts_with("total=")).unwrap_or("").to_string();
        jeeves_times.push(t);
    }
    let jeeves_loop = median(jeeves_times);
    println!("loop, {:<28}{:>8.1} ms   {jeeves_line}", "jeeves run", jeeves_loop.as_secs_f64() * 1e3);

    match reference::classpath() {
        Ok(cp) => {
            // The `groovy` command as a user runs it (its launcher sets up the JVM), and the bare JVM
            // running Groovy's main class, which skips the launcher's own start-up work.
            let launcher =
                std::env::var_os("JAVA_HOME").is_some() || Path::new("/usr/lib/jvm/java-17-openjdk-amd64").exists();
            let mut ways: Vec<(&str, CommandMaker)> = Vec::new();
            if launcher
                && Command::new("groovy")
                    .arg("--version")
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .env("JAVA_HOME", java_home())
                    .status()
                    .is_ok_and(|s| s.success())
            {
                let file = groovy_file.clone();
                ways.push((
                    "groovy command",
                    Box::new(move || {
                        let mut cmd = Command::new("groovy");
                        cmd.env("JAVA_HOME", java_home()).arg(&file);
                        cmd
                    }),
                ));
            }
            let file = groovy_file.clone();
            ways.push((
                "java groovy.ui.GroovyMain",
                Box::new(move || {
                    let mut cmd = Command::new("java");
                    cmd.arg("-cp").arg(&cp).arg("groovy.ui.GroovyMain").arg(&file);
                    cmd
                }),
            ));
            for (name, make) in ways {
                let mut groovy_times = Vec::new();
                let mut groovy_line = String::new();
                for _ in 0..ROUNDS {
                    let (t, out) = time(make());
                    groovy_line = out.lines().next().unwrap_or("").to_string();
                    groovy_times.push(t);
                }
                let groovy_loop = median(groovy_times);
                println!("loop, {name:<28}{:>8.1} ms   {groovy_line}", groovy_loop.as_secs_f64() * 1e3);
                assert_eq!(jeeves_line, groovy_line, "jeeves and Groovy computed different results");
                println!(
                    "ratio: jeeves is {:.2}x as fast as {name} end to end, JVM start included (goal: faster)",
                    groovy_loop.as_secs_f64() / jeeves_loop.as_secs_f64()
                );
            }
        }
        Err(why) => println!("groovy: not measured ({why})"),
    }

    let echo = scratch.path().join("Echo.Jenkinsfile");
    std::fs::write(&echo, "echo 'hello'\n").unwrap();
    let echo_times: Vec<Duration> = (0..ECHO_ROUNDS).map(|_| time(run_jeeves(&echo)).0).collect();
    let worst = *echo_times.iter().max().unwrap();
    let echo_median = median(echo_times);
    println!(
        "trivial echo pipeline: median {:.1} ms, worst {:.1} ms of {ECHO_ROUNDS} runs (goal: under 10 ms)",
        echo_median.as_secs_f64() * 1e3,
        worst.as_secs_f64() * 1e3
    );
}
