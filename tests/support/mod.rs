//! Runs the real `jeeves` binary in a fresh temporary directory, in the style of casey/just's tests:
//! `Case::new().jenkinsfile("...").args(["parse", "Jenkinsfile"]).stderr("...").status(1).run()`.
//!
//! Not for: parser unit tests; those call `jeeves::syntax` directly.

// Each test binary includes this module and uses only part of it.
#![allow(dead_code)]

use std::process::Command;

/// One invocation of `jeeves`: the files it sees, its arguments and what it must print.
pub struct Case {
    files: Vec<(String, Vec<u8>)>,
    args: Vec<String>,
    status: i32,
    stdout: Option<String>,
    stderr: Option<String>,
    stdout_has: Vec<String>,
    stderr_has: Vec<String>,
    stderr_lacks: Vec<String>,
}

/// What the binary printed, for checks the builder does not offer (e.g. parsing `--ast` JSON).
pub struct Output {
    pub stdout: String,
    pub stderr: String,
}

impl Case {
    pub fn new() -> Case {
        Case {
            files: Vec::new(),
            args: Vec::new(),
            status: 0,
            stdout: None,
            stderr: None,
            stdout_has: Vec::new(),
            stderr_has: Vec::new(),
            stderr_lacks: Vec::new(),
        }
    }

    /// Writes `contents` (bytes, so binary and non-UTF-8 files can be tested) to `name` in the directory.
    pub fn file(mut self, name: &str, contents: impl AsRef<[u8]>) -> Case {
        self.files.push((name.to_owned(), contents.as_ref().to_vec()));
        self
    }

    pub fn jenkinsfile(self, contents: impl AsRef<[u8]>) -> Case {
        self.file("Jenkinsfile", contents)
    }

    pub fn args<const N: usize>(mut self, args: [&str; N]) -> Case {
        self.args.extend(args.iter().map(|a| a.to_string()));
        self
    }

    pub fn status(mut self, code: i32) -> Case {
        self.status = code;
        self
    }

    /// The whole of stdout, indented like the test code (see [`unindent`]).
    pub fn stdout(mut self, text: &str) -> Case {
        self.stdout = Some(unindent(text));
        self
    }

    /// The whole of stderr, indented like the test code (see [`unindent`]).
    pub fn stderr(mut self, text: &str) -> Case {
        self.stderr = Some(unindent(text));
        self
    }

    pub fn stdout_has(mut self, text: &str) -> Case {
        self.stdout_has.push(text.to_owned());
        self
    }

    pub fn stderr_has(mut self, text: &str) -> Case {
        self.stderr_has.push(text.to_owned());
        self
    }

    pub fn stderr_lacks(mut self, text: &str) -> Case {
        self.stderr_lacks.push(text.to_owned());
        self
    }

    pub fn run(self) -> Output {
        let dir = tempfile::tempdir().expect("create a temporary directory");
        self.run_in(dir.path())
    }

    /// Runs in `dir` (which the caller keeps, to look at what the run left behind).
    pub fn run_in(self, dir: &std::path::Path) -> Output {
        for (name, contents) in &self.files {
            std::fs::write(dir.join(name), contents).expect("write a test file");
        }
        let out =
            Command::new(env!("CARGO_BIN_EXE_jeeves")).args(&self.args).current_dir(dir).output().expect("run jeeves");
        let output = Output {
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        };
        let shown = format!(
            "jeeves {}\n--- status: {}\n--- stdout:\n{}\n--- stderr:\n{}",
            self.args.join(" "),
            out.status,
            output.stdout,
            output.stderr
        );
        assert_eq!(out.status.code(), Some(self.status), "wrong exit status\n{shown}");
        if let Some(want) = &self.stdout {
            assert_eq!(&output.stdout, want, "stdout differs\n{shown}");
        }
        if let Some(want) = &self.stderr {
            assert_eq!(&output.stderr, want, "stderr differs\n{shown}");
        }
        for want in &self.stdout_has {
            assert!(output.stdout.contains(want.as_str()), "stdout lacks {want:?}\n{shown}");
        }
        for want in &self.stderr_has {
            assert!(output.stderr.contains(want.as_str()), "stderr lacks {want:?}\n{shown}");
        }
        for unwanted in &self.stderr_lacks {
            assert!(!output.stderr.contains(unwanted.as_str()), "stderr has {unwanted:?}\n{shown}");
        }
        output
    }
}

/// Lets expected output be written indented inside a test: drops the first line when it is empty and the
/// last when it is only spaces, then removes the indentation common to the other lines.
pub fn unindent(text: &str) -> String {
    let text = text.strip_prefix('\n').unwrap_or(text);
    let text = text.trim_end_matches(' ');
    let indent = text.lines().filter(|l| !l.trim().is_empty()).map(|l| l.len() - l.trim_start().len()).min();
    let indent = indent.unwrap_or(0);
    text.split_inclusive('\n').map(|line| line.get(indent..).unwrap_or(line.trim_start_matches(' '))).collect()
}
