//! Every invalid parser fixture's diagnostic, as `jeeves parse` renders it, in one reviewed snapshot:
//! a change in wording, position or caret shows up in review.

use std::path::Path;

#[test]
fn every_invalid_fixture_has_a_stable_diagnostic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/parse/invalid");
    let mut files: Vec<_> = std::fs::read_dir(&dir).expect("fixtures").flatten().map(|e| e.path()).collect();
    files.sort();
    let mut out = String::new();
    for file in &files {
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let bytes = std::fs::read(file).expect("readable fixture");
        let err = jeeves::syntax::decode(&bytes)
            .and_then(jeeves::syntax::parse)
            .expect_err("every file under fixtures/parse/invalid is rejected");
        let text = String::from_utf8_lossy(&bytes);
        out.push_str(&jeeves::diagnostic::render_syntax_error(name, &text, &err, false));
        out.push('\n');
    }
    insta::assert_snapshot!(out);
}

#[test]
fn reserved_words_dollars_and_escapes_are_named() {
    let cases = [
        ("def in = 1\n", "`in` is a reserved word in Groovy and cannot be used as a name"),
        ("String trait = 'x'\n", "`trait` is a reserved word"),
        ("echo \"costs $5\"\n", "`$` in a double-quoted string must be followed by a name or `{`"),
        ("sh 'grep \\d x'\n", "`\\d` is not an escape sequence Groovy knows"),
        ("x = 1 /* never closed\n", "the comment opened at line 1, column 7 is never closed with `*/`"),
        ("sh\u{A0}'make'\n", "a no-break space (U+00A0) here: Groovy takes only plain spaces and tabs"),
        ("if (env.BRANCH = 'main') { }\n", "an assignment cannot stand in a condition: to compare, write `==`"),
    ];
    for (src, want) in cases {
        let err = jeeves::syntax::parse(src).expect_err(src);
        assert!(err.message.contains(want), "{src:?}: got {:?}, want {want:?}", err.message);
    }
}
