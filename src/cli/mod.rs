//! The command line: clap definitions, one file per subcommand, and exit codes.
//!
//! Not for: pipeline logic. Each subcommand reads its flags and calls into the room that does the work.

mod lint;
mod parse;
mod run;

use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

/// Exit code for a usage or I/O problem (a missing file, a bad flag).
pub(crate) const EXIT_USAGE: u8 = 2;

#[derive(Parser)]
#[command(
    name = "jeeves",
    version,
    about = "Run, lint and host Jenkins pipelines without a Jenkins controller",
    long_about = "jeeves speaks Jenkins.\n\n\
        It reads declarative and scripted Jenkinsfiles (and shared-library sources) with a Groovy 2.4 \
        grammar, runs them on this machine the way Jenkins would, checks them before they reach a \
        controller, and keeps inbound agents connected to a real one.",
    after_help = "Examples:\n  jeeves parse Jenkinsfile\n  jeeves parse --ast Jenkinsfile > ast.json\n  \
        jeeves completions bash > /etc/bash_completion.d/jeeves"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check that Jenkinsfiles parse as Groovy, and optionally print their syntax tree
    #[command(long_about = "Check that each FILE parses as Groovy 2.4, the language of Jenkinsfiles.\n\n\
            Exits 0 when every file parses, 1 when any has a syntax error (each error is printed as \
            FILE:LINE:COL: error: MESSAGE with the source line and a caret), 2 when a file cannot be read.")]
    Parse(parse::ParseArgs),
    /// Run a Jenkinsfile on this machine
    #[command(long_about = "Run a Jenkinsfile on this machine, the way Jenkins would.\n\n\
            The build log goes to stdout exactly as Jenkins writes it, ending with `Finished: RESULT`; \
            the exit code is the result: 0 SUCCESS, 1 UNSTABLE, 2 FAILURE, 3 NOT_BUILT, 4 ABORTED. \
            Builds are kept in the home directory (jobs/JOB/builds/N/log and build.json).")]
    Run(Box<run::RunArgs>),
    /// Check Jenkinsfiles for what Jenkins would reject, and what it would only find at run time
    #[command(long_about = "Check Jenkinsfiles (declarative and scripted) without a Jenkins: everything Jenkins' \
            declarative validator rejects, plus what Jenkins only finds at run time (unknown steps, wrong \
            parameters, secrets interpolated into sh, input without timeout, ...).\n\n\
            Each finding has a stable rule code (`--list-rules`, `--explain CODE`). Configure rules in \
            jeeves.toml's [lint] table (disable, enable, levels, steps) or silence one place with a \
            `// jeeves-lint: ignore CODE` comment on the line or the line above.\n\n\
            Exits 0 when no errors were found (warnings allowed unless --deny warnings), 1 when some \
            were, 2 on a usage or I/O error.")]
    Lint(lint::LintArgs),
    /// Keep this machine connected to a Jenkins controller as an inbound agent (not yet available)
    Agent,
    /// Print a shell completion script
    Completions {
        /// The shell to complete for
        shell: clap_complete::Shell,
    },
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Parse(args) => parse::run(args),
        Command::Run(args) => run::run(*args),
        Command::Lint(args) => lint::run(args),
        Command::Agent => not_yet("agent", "the inbound agent"),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "jeeves", &mut script);
            // A closed pipe (`| head`) is not an error worth a panic.
            let _ = std::io::Write::write_all(&mut std::io::stdout(), &script);
            ExitCode::SUCCESS
        }
    }
}

fn not_yet(name: &str, what: &str) -> ExitCode {
    eprintln!("jeeves {name}: {what} is not available in this version yet; `jeeves parse` checks syntax today");
    ExitCode::from(EXIT_USAGE)
}
