//! `jeeves parse` as a person meets it: exit codes, `FILE:LINE:COL: error:` lines with a caret under the
//! right column, `--ast`, `--quiet`, and the rest of the command line around it.

mod support;

use support::Case;

const DECLARATIVE: &str = "\
pipeline {
    agent any
    stages {
        stage('Build') {
            steps {
                sh 'make'
            }
        }
    }
}
";

#[test]
fn valid_file_is_ok() {
    Case::new().jenkinsfile(DECLARATIVE).args(["parse", "Jenkinsfile"]).stderr("Jenkinsfile: ok\n").stdout("").run();
}

#[test]
fn scripted_pipeline_is_ok() {
    Case::new()
        .file(
            "build.groovy",
            "node('linux') {\n    stage('Test') {\n        sh \"make test ${env.BRANCH_NAME}\"\n    }\n}\n",
        )
        .args(["parse", "build.groovy"])
        .stderr("build.groovy: ok\n")
        .run();
}

#[test]
fn quiet_prints_nothing_for_good_files() {
    Case::new().jenkinsfile(DECLARATIVE).args(["parse", "--quiet", "Jenkinsfile"]).stderr("").stdout("").run();
    Case::new().jenkinsfile(DECLARATIVE).args(["parse", "-q", "Jenkinsfile"]).stderr("").run();
}

#[test]
fn quiet_still_reports_errors() {
    Case::new()
        .jenkinsfile("sh(\n")
        .args(["parse", "-q", "Jenkinsfile"])
        .stderr_has("Jenkinsfile:2:1: error: the file ends before the parenthesis opened at line 1, column 3")
        .status(1)
        .run();
}

#[test]
fn unclosed_brace_at_end_of_file() {
    Case::new()
        .jenkinsfile(DECLARATIVE.trim_end().trim_end_matches('}'))
        .args(["parse", "Jenkinsfile"])
        .stderr(
            "
            Jenkinsfile:10:1: error: the file ends before the brace opened at line 1, column 10 is closed with `}`
              |
            1 | pipeline {
              |          - `{` opened here
            ...
            9 |     }
              |      ^ expected `}`
            ",
        )
        .status(1)
        .run();
}

#[test]
fn closing_brace_where_parenthesis_expected() {
    Case::new()
        .jenkinsfile("node {\n    sh(\"make\"\n}\n")
        .args(["parse", "Jenkinsfile"])
        .stderr(
            "
            Jenkinsfile:3:1: error: found `}` where `)` was expected to close the `(` at line 2, column 7
              |
            2 |     sh(\"make\"
              |       - this `(` is not closed
            3 | }
              | ^ expected `)`
            ",
        )
        .status(1)
        .run();
}

#[test]
fn mismatched_bracket_on_one_line() {
    Case::new()
        .jenkinsfile("node {\n    sh('make']\n}\n")
        .args(["parse", "Jenkinsfile"])
        .stderr(
            "
            Jenkinsfile:2:14: error: found `]` where `)` was expected to close the `(` at line 2, column 7
              |
            2 |     sh('make']
              |       -      ^ expected `)`
              |       |
              |       this `(` is not closed
            ",
        )
        .status(1)
        .run();
}

#[test]
fn extra_parenthesis_inside_steps() {
    Case::new()
        .jenkinsfile(
            "pipeline {\n  stages {\n    stage('x') {\n      steps {\n        sh('make'))\n      }\n    }\n  }\n}\n",
        )
        .args(["parse", "Jenkinsfile"])
        .stderr_has("Jenkinsfile:5:19: error: found `)` where `}` was expected to close the `{` at line 4, column 13\n")
        .stderr_has("5 |         sh('make'))\n  |                   ^ expected `}`\n")
        .status(1)
        .run();
}

#[test]
fn stray_closing_brace() {
    Case::new()
        .jenkinsfile("node {\n  echo 'hi'\n}\n}\n")
        .args(["parse", "Jenkinsfile"])
        .stderr(
            "
            Jenkinsfile:4:1: error: unexpected `}`: nothing is open here to close
              |
            4 | }
              | ^ no matching opener
            ",
        )
        .status(1)
        .run();
}

#[test]
fn unterminated_string() {
    Case::new()
        .jenkinsfile("echo 'hello\n")
        .args(["parse", "Jenkinsfile"])
        .stderr_has("Jenkinsfile:1:6: error: the string opened at line 1, column 6 is not closed on its line")
        .stderr_has("1 | echo 'hello\n  |      ^ this ' has no closing ' on this line\n")
        .status(1)
        .run();
}

#[test]
fn bad_escape_in_sh_string() {
    Case::new()
        .jenkinsfile("node {\n    sh 'grep \\d+ build.log'\n}\n")
        .args(["parse", "Jenkinsfile"])
        .stderr_has("Jenkinsfile:2:14: error: ")
        .stderr_has("2 |     sh 'grep \\d+ build.log'\n  |              ^")
        .stderr_has("help: Groovy knows the escapes")
        .stderr_has("a regex like \\d needs `\\\\d`")
        .status(1)
        .run();
}

#[test]
fn slashy_string_after_command_name_is_division() {
    // Groovy 2.4 reads `println /abc/` as `println / abc /` and fails at the end of the file.
    Case::new()
        .jenkinsfile("println /abc/\n")
        .args(["parse", "Jenkinsfile"])
        .stderr_has("Jenkinsfile:2:1: error: expected `(`, `[`, `{` or an expression, found end of file\n")
        .status(1)
        .run();
}

#[test]
fn slashy_string_in_parentheses_is_ok() {
    Case::new().jenkinsfile("println(/abc/)\n").args(["parse", "Jenkinsfile"]).stderr("Jenkinsfile: ok\n").run();
}

#[test]
fn missing_comma_in_list_points_at_the_next_item() {
    Case::new()
        .jenkinsfile("def targets = [\n    'linux',\n    'windows'\n    'mac',\n]\n")
        .args(["parse", "Jenkinsfile"])
        .stderr_has("Jenkinsfile:4:5: error: expected ")
        .stderr_has("4 |     'mac',\n  |     ^")
        .status(1)
        .run();
}

#[test]
fn error_column_counts_characters_not_bytes() {
    Case::new()
        .jenkinsfile("echo 'héllo ünïcode' ]\n")
        .args(["parse", "Jenkinsfile"])
        .stderr_has("Jenkinsfile:1:22: error: unexpected `]`: nothing is open here to close\n")
        .status(1)
        .run();
}

#[test]
fn crlf_line_endings_keep_positions() {
    Case::new()
        .jenkinsfile("node {\r\n    sh(\"make\"\r\n}\r\n")
        .args(["parse", "Jenkinsfile"])
        .stderr_has("Jenkinsfile:3:1: error: found `}` where `)` was expected to close the `(` at line 2, column 7\n")
        .status(1)
        .run();
}

#[test]
fn empty_file() {
    Case::new()
        .jenkinsfile("")
        .args(["parse", "Jenkinsfile"])
        .stderr("Jenkinsfile:1:1: error: the file is empty: a Jenkinsfile needs a `pipeline { }` block or at least one statement\n")
        .status(1)
        .run();
}

#[test]
fn whitespace_only_file_is_empty() {
    Case::new()
        .jenkinsfile("\n  \n\t\n")
        .args(["parse", "Jenkinsfile"])
        .stderr_has("Jenkinsfile:1:1: error: the file is empty")
        .status(1)
        .run();
}

#[test]
fn nul_byte_means_binary_file() {
    Case::new()
        .jenkinsfile("echo 'one'\nsh 'two'\0\x01\n")
        .args(["parse", "Jenkinsfile"])
        .stderr_has("Jenkinsfile:2:9: error: this is a binary file, not a Jenkinsfile: it contains a NUL byte\n")
        .stderr_has("  |         ^ NUL byte here")
        .status(1)
        .run();
}

#[test]
fn executable_is_a_binary_file() {
    // The start of an ELF executable: a NUL byte first, bytes that are not UTF-8 later.
    Case::new()
        .jenkinsfile(b"\x7fELF\x02\x01\x01\x00\x00\x00\xff\xfe\x03\x00>\x00")
        .args(["parse", "Jenkinsfile"])
        .stderr_has("Jenkinsfile:1:8: error: this is a binary file, not a Jenkinsfile")
        .status(1)
        .run();
}

#[test]
fn latin1_file_is_not_utf8() {
    Case::new()
        .jenkinsfile(b"node {\n    echo 'caf\xe9'\n}\n")
        .args(["parse", "Jenkinsfile"])
        .stderr_has("Jenkinsfile:2:14: error: the file is not UTF-8")
        .stderr_has("save the file in that encoding")
        .status(1)
        .run();
}

#[test]
fn missing_file_is_a_usage_error() {
    Case::new().args(["parse", "nope.groovy"]).stderr_has("nope.groovy: error: cannot read the file: ").status(2).run();
}

#[test]
fn directory_cannot_be_read() {
    Case::new()
        .file("Jenkinsfile", DECLARATIVE)
        .args(["parse", "."])
        .stderr_has(".: error: cannot read the file: ")
        .status(2)
        .run();
}

#[test]
fn every_file_is_reported_and_one_error_fails_the_run() {
    Case::new()
        .file("good.groovy", DECLARATIVE)
        .file("bad.groovy", "node {\n")
        .file("also_good.groovy", "echo 'x'\n")
        .args(["parse", "good.groovy", "bad.groovy", "also_good.groovy"])
        .stderr_has("good.groovy: ok\n")
        .stderr_has(
            "bad.groovy:2:1: error: the file ends before the brace opened at line 1, column 6 is closed with `}`\n",
        )
        .stderr_has("also_good.groovy: ok\n")
        .status(1)
        .run();
}

#[test]
fn unreadable_file_outranks_syntax_error() {
    Case::new()
        .file("bad.groovy", "node {\n")
        .args(["parse", "missing.groovy", "bad.groovy"])
        .stderr_has("missing.groovy: error: cannot read the file")
        .stderr_has("bad.groovy:2:1: error:")
        .status(2)
        .run();
}

#[test]
fn ast_is_one_json_document_per_file() {
    let out = Case::new()
        .file("a.groovy", "sh 'make'\n")
        .file("b.groovy", "stage('Build') { echo \"x\" }\n")
        .args(["parse", "--ast", "a.groovy", "b.groovy"])
        .stderr("")
        .run();
    let docs: Vec<serde_json::Value> =
        out.stdout.lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["file"], "a.groovy");
    assert_eq!(docs[1]["file"], "b.groovy");
    let command = &docs[0]["ast"]["statements"][0]["kind"]["Expr"]["kind"]["MethodCall"];
    assert_eq!(command["name"]["Name"], "sh");
    assert_eq!(command["parens"], false);
    assert_eq!(command["args"][0]["Positional"]["kind"]["Str"]["value"], "make");
    let stage = &docs[1]["ast"]["statements"][0]["kind"]["Expr"]["kind"]["MethodCall"];
    assert_eq!(stage["name"]["Name"], "stage");
    assert!(stage["args"][1]["Positional"]["kind"]["Closure"].is_object(), "the closure is the last argument");
}

#[test]
fn ast_spans_are_byte_offsets() {
    let out = Case::new().jenkinsfile("x = 1\n").args(["parse", "--ast", "Jenkinsfile"]).run();
    let doc: serde_json::Value = serde_json::from_str(out.stdout.trim()).expect("JSON");
    let assign = &doc["statements"][0]["kind"]["Expr"];
    assert_eq!(assign["span"], serde_json::json!({"start": 0, "end": 5}));
    assert_eq!(assign["kind"]["Assign"]["op"], "Assign");
}

#[test]
fn ast_of_a_long_property_chain() {
    Case::new()
        .jenkinsfile(format!("a{}\n", ".b".repeat(200)))
        .args(["parse", "--ast", "Jenkinsfile"])
        .stdout_has(r#"{"Property":"#)
        .run();
}

#[test]
fn a_chain_too_long_to_be_real_is_refused_plainly() {
    Case::new()
        .jenkinsfile(format!("a{}\n", ".b".repeat(10_000)))
        .args(["parse", "--ast", "Jenkinsfile"])
        .stderr_has("Jenkinsfile:1:1: error: this chain has more than 256 calls, members or indexes")
        .status(1)
        .run();
}

#[test]
fn ast_of_a_bad_file_prints_only_the_error() {
    Case::new()
        .jenkinsfile("node {\n")
        .args(["parse", "--ast", "Jenkinsfile"])
        .stdout("")
        .stderr_has("Jenkinsfile:2:1: error:")
        .status(1)
        .run();
}

#[test]
fn parse_needs_a_file() {
    Case::new().args(["parse"]).stderr_has("required arguments were not provided").status(2).run();
}

#[test]
fn completions_for_each_shell() {
    Case::new().args(["completions", "bash"]).stdout_has("_jeeves()").stdout_has("parse").run();
    Case::new().args(["completions", "zsh"]).stdout_has("#compdef jeeves").stdout_has("parse").run();
    Case::new().args(["completions", "fish"]).stdout_has("complete -c jeeves").stdout_has("parse").run();
}

#[test]
fn version() {
    Case::new().args(["--version"]).stdout(&format!("jeeves {}\n", env!("CARGO_PKG_VERSION"))).run();
}

#[test]
fn help_lists_the_commands() {
    Case::new()
        .args(["--help"])
        .stdout_has("parse")
        .stdout_has("completions")
        .stdout_has("jeeves parse Jenkinsfile")
        .run();
}

#[test]
fn commands_not_yet_available() {
    Case::new().args(["agent"]).stderr_has("not available in this version yet").status(2).run();
}

#[test]
fn error_output_has_no_colour_when_not_a_terminal() {
    Case::new().jenkinsfile("node {\n").args(["parse", "Jenkinsfile"]).stderr_lacks("\x1b[").status(1).run();
}
