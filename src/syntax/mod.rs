//! Reading Groovy: the pest grammar, the typed syntax tree, spans and syntax errors.
//!
//! Not for: steps, Jenkins or running anything. `parse` answers one question, whether the text is Groovy
//! that Groovy 2.4 would accept, and gives back the tree.

pub mod ast;
mod build;
mod error;
mod grammar;
mod newlines;

use pest::Parser;

pub use ast::Script;
pub use error::SyntaxError;

use grammar::{GroovyParser, Rule};

/// Brackets, strings and interpolations nested deeper than this are refused before parsing.
const MAX_NESTING: usize = 200;

/// Nesting without brackets (`a = b = c ...`, `if (x) if (y) ...`, `else if` chains) beyond this is refused.
const MAX_RECURSION: usize = 3000;
/// The stack the parser may need: this much, plus `STACK_PER_LEVEL` for each level of nesting the pre-pass
/// counted (generous: a debug build's frames are large).
const STACK_BASE: usize = 1 << 20;
const STACK_PER_LEVEL: usize = 48 << 10;

/// Parses a whole script (a Jenkinsfile, or a shared library's `vars/*.groovy` or `src/**/*.groovy`).
pub fn parse(source: &str) -> Result<Script, SyntaxError> {
    let folded = prepare(source)?;
    with_stack(&folded, || parse_folded(source, &folded))
}

/// The pre-pass, and the checks that need no grammar: nesting limits, a line break inside the `${ }` of a
/// one-line string, a `#!` line that is not first.
fn prepare(source: &str) -> Result<newlines::Folded<'_>, SyntaxError> {
    let folded = newlines::fold(source, MAX_NESTING);
    if let Some(at) = folded.too_deep_at {
        return Err(error::too_deep(at, MAX_NESTING));
    }
    if let Some(at) = folded.line_break_in_interpolation {
        let q = &source[at..at + 1];
        return Err(SyntaxError::new(
            ast::Span::new(at, at + 1),
            format!("this {q}...{q} string goes on past the end of its line inside `${{ }}`: a {q}...{q} string must end on its line; use {q}{q}{q}...{q}{q}{q} for more"),
        ));
    }
    // Groovy wants `#!` as the very first bytes; after blanks or a byte-order mark it is an error.
    if !source.starts_with("#!") {
        let lead = source.trim_start_matches([' ', '\t', '\u{feff}']);
        if lead.starts_with("#!") {
            let at = source.len() - lead.len();
            return Err(SyntaxError::new(
                ast::Span::new(at, at + 2),
                "a `#!` line must start at the first byte of the file",
            ));
        }
    }
    if folded.recursion_bound > MAX_RECURSION {
        return Err(SyntaxError::new(
            ast::Span::new(0, 0),
            "this file nests statements or expressions too deeply for jeeves to parse safely",
        ));
    }
    Ok(folded)
}

/// pest is built without its per-call stack probe (it cost a third of the parse time): the recursion bound
/// says how much stack a parse can need, and when the current stack has less left, `f` runs on a fresh
/// segment of that size.
fn with_stack<T>(folded: &newlines::Folded, f: impl FnOnce() -> T) -> T {
    let stack = STACK_BASE + folded.recursion_bound * STACK_PER_LEVEL;
    stacker::maybe_grow(stack, stack, f)
}

fn parse_folded(source: &str, folded: &newlines::Folded) -> Result<Script, SyntaxError> {
    match GroovyParser::parse(Rule::script, &folded.text) {
        Ok(mut pairs) => match pairs.next() {
            Some(script) => build::Builder::new().script(script),
            None => Err(SyntaxError::new(ast::Span::new(0, 0), "internal: empty parse")),
        },
        Err(_) => Err(error::explain(source, folded)),
    }
}

/// Whether the grammar with its speed guards and the error-finding grammar without them accept `source`
/// alike, as they must on every input (the tests check it).
#[doc(hidden)]
pub fn guarded_and_plain_grammars_agree(source: &str) -> bool {
    let Ok(folded) = prepare(source) else { return true };
    with_stack(&folded, || {
        let guarded = GroovyParser::parse(Rule::script, &folded.text).is_ok();
        let plain =
            <grammar::plain::GroovyPlainParser as Parser<_>>::parse(grammar::plain::Rule::script, &folded.text).is_ok();
        guarded == plain
    })
}

/// Checks that raw file bytes are text jeeves can parse: not empty, not binary, UTF-8.
pub fn decode(bytes: &[u8]) -> Result<&str, SyntaxError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(SyntaxError::new(
            ast::Span::new(0, 0),
            "the file is empty: a Jenkinsfile needs a `pipeline { }` block or at least one statement",
        ));
    }
    if u32::try_from(bytes.len()).is_err() {
        return Err(SyntaxError::new(ast::Span::new(0, 0), "the file is larger than 4 GiB, more than jeeves reads"));
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        let mut err = SyntaxError::new(
            ast::Span::new(at, at + 1),
            "this is a binary file, not a Jenkinsfile: it contains a NUL byte",
        );
        err.label = Some("NUL byte here".into());
        return Err(err);
    }
    match std::str::from_utf8(bytes) {
        Ok(t) => Ok(t),
        Err(e) => {
            let at = e.valid_up_to();
            let why = match e.error_len() {
                Some(_) => "does not begin a valid UTF-8 character here",
                None => "begins a UTF-8 character that the file cuts short",
            };
            let mut err = SyntaxError::new(
                ast::Span::new(at, at + 1),
                format!("the file is not UTF-8: the byte 0x{:02x} {why}", bytes[at]),
            );
            err.label = Some("Jenkins reads Jenkinsfiles as UTF-8; save the file in that encoding".into());
            Err(err)
        }
    }
}

/// Maps byte offsets to 1-based line and column (columns count characters, as Groovy's do).
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let mut starts = vec![0];
        let bytes = text.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                starts.push(i + 1);
            }
        }
        LineIndex { text, starts }
    }

    /// (line, column), both from 1.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let col = self.text.get(start..offset).map_or(offset - start, |s| s.chars().count());
        (line + 1, col + 1)
    }
}
