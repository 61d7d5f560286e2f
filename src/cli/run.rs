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
    /// An environment variable for the build, NAME=VALUE (repeatable; wins over --env-file)
    #[arg(long = "env", value_name = "NAME=VALUE")]
    env: Vec<String>,
    /// Environment variables from a dotenv file
    #[arg(long = "env-file", value_name = "FILE")]
    env_file: Vec<PathBuf>,
    /// The branch being built (BRANCH_NAME, `when { branch }`) [default: the current git branch]
    #[arg(long, value_name = "NAME")]
    branch: Option<String>,
    /// The tag being built (TAG_NAME, `when { tag }`) [default: an exact tag on HEAD]
    #[arg(long, value_name = "NAME")]
    tag: Option<String>,
    /// Build as a change request with this id (CHANGE_ID, `when { changeRequest() }`)
    #[arg(long = "change-id", value_name = "ID")]
    change_id: Option<String>,
    /// The change request's target branch (CHANGE_TARGET)
    #[arg(long = "change-target", value_name = "BRANCH")]
    change_target: Option<String>,
    /// Where the changeset and changelog start [default: the upstream branch, or main]
    #[arg(long = "changeset-base", value_name = "REV")]
    changeset_base: Option<String>,
    /// Run only this stage (repeatable); the others are logged as skipped
    #[arg(long = "stage", value_name = "NAME")]
    stages: Vec<String>,
    /// Print the stage tree (agents, when conditions, matrix cells) and exit
    #[arg(long)]
    list: bool,
    /// Run no step: show which stages would run or be skipped, and why
    #[arg(long = "dry-run")]
    dry_run: bool,
    /// Answer an input: ID=proceed, ID=abort or ID={"PARAM": "value"} (ID: the input's id or message)
    #[arg(long = "input", value_name = "ID=ANSWER")]
    inputs: Vec<String>,
    /// Credentials from a Jenkins Configuration-as-Code YAML file (credentials.system.domainCredentials)
    #[arg(long = "credentials", value_name = "FILE")]
    credentials_file: Vec<PathBuf>,
    /// A credential: ID=SECRET (secret text) or ID=USER:PASSWORD (repeatable)
    #[arg(long = "credential", value_name = "ID=VALUE")]
    credential: Vec<String>,
    /// Let every input proceed with its default values
    #[arg(long = "approve-all")]
    approve_all: bool,
    /// Also write the stages as JUnit XML (stages.xml) to FILE
    #[arg(long = "junit", value_name = "FILE")]
    junit: Option<PathBuf>,
    /// Write every build event to FILE as JSON lines
    #[arg(long, value_name = "FILE")]
    events: Option<PathBuf>,
}

fn pair(flag: &str, p: &str) -> Result<(String, String), ExitCode> {
    match p.split_once('=') {
        Some((k, v)) if !k.is_empty() => Ok((k.to_string(), v.to_string())),
        _ => {
            eprintln!("jeeves run: {flag} expects NAME=VALUE, got `{p}`");
            Err(ExitCode::from(super::EXIT_USAGE))
        }
    }
}

pub fn run(args: RunArgs) -> ExitCode {
    let file = args.file.or(args.file_flag).unwrap_or_else(|| PathBuf::from("Jenkinsfile"));
    let mut params = IndexMap::new();
    for p in &args.params {
        match pair("--param", p) {
            Ok((k, v)) => {
                params.insert(k, v);
            }
            Err(code) => return code,
        }
    }
    let mut env = Vec::new();
    for f in &args.env_file {
        match dotenvy::from_path_iter(f) {
            Ok(iter) => {
                for item in iter {
                    match item {
                        Ok(kv) => env.push(kv),
                        Err(e) => {
                            eprintln!("jeeves run: --env-file {}: {e}", f.display());
                            return ExitCode::from(super::EXIT_USAGE);
                        }
                    }
                }
            }
            Err(e) => {
                eprintln!("jeeves run: --env-file {}: {e}", f.display());
                return ExitCode::from(super::EXIT_USAGE);
            }
        }
    }
    for p in &args.env {
        match pair("--env", p) {
            Ok(kv) => env.push(kv),
            Err(code) => return code,
        }
    }
    let mut credentials = crate::credentials::Store::default();
    for f in &args.credentials_file {
        if let Err(e) = credentials.load(f) {
            eprintln!("jeeves run: --credentials {e}");
            return ExitCode::from(super::EXIT_USAGE);
        }
    }
    for c in &args.credential {
        if let Err(e) = credentials.add_flag(c) {
            eprintln!("jeeves run: {e}");
            return ExitCode::from(super::EXIT_USAGE);
        }
    }
    let mut inputs = Vec::new();
    for p in &args.inputs {
        match pair("--input", p) {
            Ok(kv) => inputs.push(kv),
            Err(code) => return code,
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
        env,
        scm: crate::build::scm::Given {
            branch: args.branch,
            tag: args.tag,
            changeset_base: args.changeset_base,
            skip: Vec::new(),
        },
        change_id: args.change_id,
        change_target: args.change_target,
        stages: args.stages,
        list: args.list,
        dry_run: args.dry_run,
        events: args.events,
        inputs,
        approve_all: args.approve_all,
        credentials,
        junit: args.junit,
    };
    match runner::run(opts) {
        RunEnd::Finished(result) => ExitCode::from(result.exit_code()),
        RunEnd::Planned => ExitCode::SUCCESS,
        RunEnd::Unusable(msg) => {
            eprintln!("jeeves run: {msg}");
            ExitCode::from(super::EXIT_USAGE)
        }
    }
}
