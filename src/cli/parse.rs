//! `jeeves parse FILE...`: syntax check, and `--ast` to print the tree as JSON.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Args;

use crate::diagnostic::render_syntax_error;
use crate::syntax;

#[derive(Args)]
pub(crate) struct ParseArgs {
    /// Files to parse
    #[arg(required = true, value_name = "FILE")]
    files: Vec<String>,
    /// Print the syntax tree as JSON on stdout: the tree itself for one file; for several, one line per
    /// file that parses, `{"file": PATH, "ast": TREE}`
    #[arg(long)]
    ast: bool,
    /// Print nothing for files that parse
    #[arg(short, long)]
    quiet: bool,
}

pub(crate) fn run(args: ParseArgs) -> ExitCode {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut worst = 0u8;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for path in &args.files {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: error: cannot read the file: {e}");
                worst = worst.max(super::EXIT_USAGE);
                continue;
            }
        };
        let parsed = syntax::decode(&bytes).and_then(syntax::parse);
        match parsed {
            Ok(script) => {
                if args.ast {
                    let json = if args.files.len() == 1 {
                        serde_json::to_string(&script)
                    } else {
                        serde_json::to_string(&serde_json::json!({ "file": path, "ast": script }))
                    };
                    let _ = writeln!(out, "{}", json.unwrap_or_default());
                } else if !args.quiet {
                    eprintln!("{path}: ok");
                }
            }
            Err(err) => {
                let text = String::from_utf8_lossy(&bytes);
                eprint!("{}", render_syntax_error(path, &text, &err, color));
                worst = worst.max(1);
            }
        }
    }
    ExitCode::from(worst)
}
