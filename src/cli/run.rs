//! `jeeves run`: runs a Jenkinsfile on this machine. Flags only; the work is in `runner.rs`.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use indexmap::IndexMap;

use crate::runner::{self, RunEnd, RunOptions};

#[derive(Args)]
pub struct RunArgs {
    /// The Jenkinsfile to run
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,
    /// The Jenkinsfile to run (same as FILE)
    #[arg(short = 'f', long = "file", value_name = "FILE", conflicts_with = "file")]
    file_flag: Option<PathBuf>,
    /// Home directory for builds and workspaces [env: JEEVES_HOME] [default: .jeeves beside the Jenkinsfile]
    #[arg(long, value_name = "DIR")]
    home: Option<PathBuf>,
    /// Job name [default: the project directory's name]
    #[arg(long, value_name = "NAME")]
    job: Option<String>,
    /// Workspace directory [default: HOME/workspace/JOB]
    #[arg(long, value_name = "DIR")]
    workspace: Option<PathBuf>,
    /// A build parameter, NAME=VALUE (repeatable)
    #[arg(short = 'a', long = "param", value_name = "NAME=VALUE")]
    params: Vec<String>,
}

pub fn run(args: RunArgs) -> ExitCode {
    let file = args.file.or(args.file_flag).unwrap_or_else(|| PathBuf::from("Jenkinsfile"));
    let mut params = IndexMap::new();
    for p in &args.params {
        match p.split_once('=') {
            Some((k, v)) if !k.is_empty() => {
                params.insert(k.to_string(), v.to_string());
            }
            _ => {
                eprintln!("jeeves run: --param expects NAME=VALUE, got `{p}`");
                return ExitCode::from(super::EXIT_USAGE);
            }
        }
    }
    let home = args.home.or_else(|| std::env::var_os("JEEVES_HOME").map(PathBuf::from));
    let opts = RunOptions {
        file,
        home,
        job: args.job,
        workspace: args.workspace,
        params,
        color: std::io::stderr().is_terminal(),
    };
    match runner::run(opts) {
        RunEnd::Finished(result) => ExitCode::from(result.exit_code()),
        RunEnd::Unusable(msg) => {
            eprintln!("jeeves run: {msg}");
            ExitCode::from(super::EXIT_USAGE)
        }
    }
}
