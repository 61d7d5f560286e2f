//! Syntax errors as a person reads them: where, what was expected in words, what was found.
//!
//! pest reports rule names and raw tokens; this file turns them into "expected `)` or `,`, found end of
//! line", and prefers a better story when one is known (a bracket never closed, a closer that does not
//! match its opener).

use std::collections::BTreeSet;

use pest::error::InputLocation;
use pest::Parser;

use super::ast::Span;
use super::grammar::plain::{GroovyPlainParser, Rule};
use super::newlines::Folded;
use super::LineIndex;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub span: Span,
    pub message: String,
    /// Short text under the caret.
    pub label: Option<String>,
    /// A second place worth showing, e.g. the bracket that was opened.
    pub related: Option<(Span, String)>,
}

impl SyntaxError {
    pub fn new(span: Span, message: impl Into<String>) -> SyntaxError {
        SyntaxError { span, message: message.into(), label: None, related: None }
    }

    fn with_label(mut self, label: impl Into<String>) -> SyntaxError {
        self.label = Some(label.into());
        self
    }
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for SyntaxError {}

pub(crate) fn too_deep(at: usize, max: usize) -> SyntaxError {
    SyntaxError::new(Span::new(at, at + 1), format!("brackets and strings are nested more than {max} levels deep here"))
        .with_label(format!("level {}", max + 1))
}

fn closer_for(open: &str) -> &'static str {
    match open {
        "(" => ")",
        "[" => "]",
        "{" | "${" => "}",
        "'" => "'",
        "'''" => "'''",
        "\"" => "\"",
        "\"\"\"" => "\"\"\"",
        "/" => "/",
        _ => "/$",
    }
}

fn what_is_open(open: &str) -> &'static str {
    match open {
        "(" => "parenthesis",
        "[" => "bracket",
        "{" => "brace",
        "${" => "interpolation `${`",
        "/" => "slashy string",
        "$/" => "dollar-slashy string",
        _ => "string",
    }
}

/// Builds the error for a failed parse. Runs the parser once more with pest's detailed tracking on:
/// failures are rare, and the fast path stays fast.
pub(crate) fn explain(source: &str, folded: &Folded) -> SyntaxError {
    // pest's detail switch is one flag for the whole process, read when a parse starts: explanations
    // take turns, so that one finishing cannot switch the detail off under another.
    static DETAIL: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let result = {
        let _turn = DETAIL.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        pest::set_error_detail(true);
        let result = GroovyPlainParser::parse(Rule::script, &folded.text);
        pest::set_error_detail(false);
        result
    };
    let Err(e) = result else {
        return SyntaxError::new(Span::new(0, 0), "internal: the parse failed once and then succeeded");
    };
    // pest places the error where a rule was last tried; with detail on it also knows the furthest place a
    // single token was tried, which is where the text stopped making sense.
    let rule_pos = match e.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    let pos = e.parse_attempts().map_or(rule_pos, |a| a.max_position.max(rule_pos)).min(source.len());
    if let pest::error::ErrorVariant::CustomError { message } = &e.variant {
        if message.contains("limit") {
            // pest stopped before the stack ran out: the nesting (`a = b = c ...`, `if (x) if (y) ...`) is
            // deeper than any real pipeline, and where pest stopped says nothing useful, so it is not shown.
            return SyntaxError::new(
                Span::new(0, 0),
                "this file nests statements or expressions too deeply for jeeves to parse safely",
            );
        }
    }
    let index = LineIndex::new(source);
    let at_end = source[pos.min(source.len())..].trim().is_empty();

    if let Some(m) = folded.mismatch.filter(|m| m.at <= pos) {
        let found = m.found as char;
        return match m.open {
            Some((open, at)) => {
                let open = open as char;
                let close = closer_for(&open.to_string());
                let (l, c) = index.line_col(at);
                let mut err = SyntaxError::new(
                    Span::new(m.at, m.at + 1),
                    format!(
                        "found `{found}` where `{close}` was expected to close the `{open}` at line {l}, column {c}"
                    ),
                )
                .with_label(format!("expected `{close}`"));
                err.related = Some((Span::new(at, at + 1), format!("this `{open}` is not closed")));
                err
            }
            None => SyntaxError::new(
                Span::new(m.at, m.at + 1),
                format!("unexpected `{found}`: nothing is open here to close"),
            )
            .with_label("no matching opener"),
        };
    }
    if let Some(at) = folded.unclosed_comment.filter(|&at| at <= pos) {
        let (l, c) = index.line_col(at);
        return SyntaxError::new(
            Span::new(at, at + 2),
            format!("the comment opened at line {l}, column {c} is never closed with `*/`"),
        )
        .with_label("comment opened here");
    }
    if let Some(at) = folded.stray_blank.filter(|&at| at <= pos) {
        let (what, len) = describe_found(source, at);
        return SyntaxError::new(
            Span::new(at, at + len),
            format!("{what} here: Groovy takes only plain spaces and tabs between words"),
        )
        .with_label("replace it with a space");
    }
    if let Some(at) = folded.unclosed_line_string.filter(|&at| at <= pos) {
        let (l, c) = index.line_col(at);
        let q = &source[at..at + 1];
        return SyntaxError::new(
            Span::new(at, at + 1),
            format!("the string opened at line {l}, column {c} is not closed on its line: a {q}...{q} string cannot span lines (use {q}{q}{q}...{q}{q}{q} for that)"),
        )
        .with_label(format!("this {q} has no closing {q} on this line"));
    }
    if at_end {
        if let Some((open, at)) = folded.unclosed {
            let (l, c) = index.line_col(at);
            let close = closer_for(open);
            let mut err = SyntaxError::new(
                Span::new(source.len(), source.len()),
                format!(
                    "the file ends before the {} opened at line {l}, column {c} is closed with `{close}`",
                    what_is_open(open)
                ),
            )
            .with_label(format!("expected `{close}`"));
            err.related = Some((Span::new(at, at + open.len()), format!("`{open}` opened here")));
            return err;
        }
    }

    if pos > 0 && folded.text.as_bytes().get(pos - 1) == Some(&b'\\') && !at_end {
        let c = source[pos..].chars().next().unwrap_or(' ');
        let mut err = SyntaxError::new(
            Span::new(pos - 1, pos + c.len_utf8()),
            format!("`\\{c}` is not an escape sequence Groovy knows"),
        )
        .with_label("unknown escape");
        err.related = hint(source, pos - 1).map(|h| (Span::new(pos - 1, pos + c.len_utf8()), h));
        return err;
    }
    let bytes = folded.text.as_bytes();
    // In a double-quoted string a `$` must start a value.
    if pos > 0 && bytes.get(pos - 1) == Some(&b'$') && !at_end {
        let mut err = SyntaxError::new(
            Span::new(pos - 1, pos),
            "`$` in a double-quoted string must be followed by a name or `{`",
        )
        .with_label("starts an interpolation");
        err.related = hint(source, pos - 1).map(|h| (Span::new(pos - 1, pos), h));
        return err;
    }
    // Point at the next token rather than at the blank before it.
    let mut pos = pos;
    while matches!(bytes.get(pos), Some(b' ')) {
        pos += 1;
    }
    // `def as = 1`: a reserved word where a name was wanted.
    let word_before =
        folded.text[..pos].trim_end().rsplit(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$')).next();
    if let Some(word) = word_before.filter(|w| is_keyword(w)) {
        let before_word = folded.text[..pos].trim_end();
        let start = before_word.len() - word.len();
        let type_before = folded.text[..start].trim_end().rsplit(char::is_whitespace).next().unwrap_or("");
        let declares = type_before == "def"
            || type_before.starts_with(|c: char| c.is_uppercase())
            || ["int", "long", "boolean", "double", "float", "short", "byte", "char", "final"].contains(&type_before);
        if declares {
            return SyntaxError::new(
                Span::new(start, start + word.len()),
                format!("`{word}` is a reserved word in Groovy and cannot be used as a name"),
            )
            .with_label("reserved word");
        }
    }
    let expected = match e.parse_attempts() {
        Some(a) => {
            let rules =
                a.call_stacks().into_iter().map(|s| s.deepest.get_rule().copied().or(s.parent)).collect::<Vec<_>>();
            // The grammar writes single characters as ranges (`'('..'('`); show them as the character.
            let tokens = a
                .expected_tokens()
                .into_iter()
                .map(|t| {
                    let t = t.to_string();
                    match t.split_once("..") {
                        Some((a, b)) if a == b && a.chars().count() == 1 => a.to_string(),
                        _ => t,
                    }
                })
                .collect::<Vec<_>>();
            let mut words = expected_words(&rules, &tokens);
            // `:` is tried after almost every name (labels, named arguments); it is news only when alone.
            if words.len() > 1 {
                words.retain(|w| w != "`:`");
            }
            words
        }
        None => Vec::new(),
    };
    // `if (a = 'x')`: an assignment where a condition must be.
    let before = folded.text[..pos].trim_end();
    let rest_of_line = folded.text[pos..].lines().next().unwrap_or("").trim();
    let value_follows = !rest_of_line.is_empty() && !rest_of_line.starts_with(['}', ')', ']']);
    if value_follows
        && before.ends_with('=')
        && !before.ends_with("==")
        && !before.ends_with("!=")
        && !before.ends_with("<=")
        && !before.ends_with(">=")
    {
        let at = before.len() - 1;
        return SyntaxError::new(
            Span::new(at, at + 1),
            "an assignment cannot stand in a condition: to compare, write `==`",
        )
        .with_label("assigns");
    }
    if expected.iter().all(|w| w == "`:`") {
        if let Some(err) = misplaced_keyword(&folded.text, pos) {
            return err;
        }
    }
    let (found, len) = describe_found(&folded.text, pos);
    let message = if expected.is_empty() {
        format!("unexpected {found}")
    } else {
        format!("expected {}, found {found}", join_words(&expected))
    };
    let label = match expected.first() {
        Some(first) if expected.len() == 1 => format!("expected {first}"),
        _ => format!("unexpected {found}"),
    };
    let mut err = SyntaxError::new(Span::new(pos, pos + len), message).with_label(label);
    if let Some(hint) = hint(source, pos) {
        err.related = Some((Span::new(pos, pos + len), hint));
    }
    err
}

/// When the parse stops right after a keyword that cannot stand there, say which rule of Groovy it broke
/// (pest alone would only offer the `:` of a label).
fn misplaced_keyword(text: &str, pos: usize) -> Option<SyntaxError> {
    let line_start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    let before = text[line_start..pos].trim_end();
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    let start = line_start + word_start;
    let span = Span::new(start, start + word.len());
    let first_on_line = before[..word_start].trim().is_empty() || before[..word_start].trim_end().ends_with('}');
    let message = match word {
        "else" if first_on_line => "`else` without an `if` before it".to_string(),
        "catch" | "finally" if first_on_line => format!("`{word}` without a `try {{ }}` before it"),
        "case" | "default" => format!("`{word}` outside a `switch` block"),
        "do" => "Groovy 2.4, which Jenkins runs, has no `do { } while (...)` loop: use `while (...) { }`".to_string(),
        "import" => "expected the name of a class after `import`".to_string(),
        "package" => "`package` must be the first statement of the file".to_string(),
        "def" | "final" | "static" | "private" | "public" | "protected" if !first_on_line => {
            "a new statement starts here: put it on its own line or separate it with `;`".to_string()
        }
        _ => return None,
    };
    Some(SyntaxError::new(span, message).with_label("here"))
}

/// Whether `word` is one of Groovy's reserved words, asked of the grammar's own `keyword` rule.
fn is_keyword(word: &str) -> bool {
    GroovyPlainParser::parse(Rule::keyword, word)
        .is_ok_and(|mut pairs| pairs.next().is_some_and(|p| p.as_str() == word))
}

/// Known traps, said plainly.
fn hint(source: &str, pos: usize) -> Option<String> {
    let rest = &source[pos.min(source.len())..];
    let recent = &source
        [source[..pos.min(source.len())].char_indices().rev().nth(200).map_or(0, |(i, _)| i)..pos.min(source.len())];
    if recent.contains("?[") {
        return Some(
            "`?[` (safe indexing) is Groovy 3; Jenkins runs Groovy 2.4, where `a?[0]` starts `a ? [0] : ...`; \
             write `a?.getAt(0)`"
                .into(),
        );
    }
    // `println /abc/` fails just after the second `/`, which Groovy took for division.
    let before = source[..pos.min(source.len())].trim_end();
    if rest.starts_with('/') || (before.ends_with('/') && !before.ends_with("*/")) {
        return Some(
            "after a name or keyword Groovy reads `/` as division, not as the start of a /regex/: \
             use parentheses, e.g. `println(/abc/)`, or a quoted string"
                .into(),
        );
    }
    if rest.starts_with('$') || before.ends_with('$') {
        return Some("in a double-quoted string `$` starts an interpolation; write `\\$` for a dollar sign".into());
    }
    if rest.starts_with('\\') {
        return Some(
            "Groovy knows the escapes \\b \\t \\n \\f \\r \\\" \\' \\\\ \\$ and \\uXXXX; \
             write `\\\\` for a backslash (in `sh`, a regex like \\d needs `\\\\d`)"
                .into(),
        );
    }
    None
}

fn describe_found(text: &str, pos: usize) -> (String, usize) {
    let rest = &text[pos.min(text.len())..];
    let Some(c) = rest.chars().next() else {
        return ("end of file".into(), 0);
    };
    if c == '\n' || c == '\r' {
        return ("end of line".into(), 0);
    }
    if c.is_alphanumeric() || c == '_' || c == '$' {
        let word: String =
            rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$').take(40).collect();
        let len = word.len();
        return (format!("`{word}`"), len);
    }
    if c == '\'' || c == '"' {
        return ("string".into(), 1);
    }
    // Characters a person cannot see, or cannot tell from a space.
    if c.is_whitespace() || c.is_control() || c == '\u{200B}' || c == '\u{FEFF}' {
        let name = match c {
            '\u{A0}' => "a no-break space".to_string(),
            '\u{B}' => "a vertical tab".to_string(),
            '\u{200B}' => "a zero-width space".to_string(),
            '\u{FEFF}' => "a byte-order mark".to_string(),
            _ => "an invisible character".to_string(),
        };
        return (format!("{name} (U+{:04X})", c as u32), c.len_utf8());
    }
    (format!("`{c}`"), c.len_utf8())
}

fn join_words(words: &[String]) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// What could have come next, in a person's words, most useful first.
fn expected_words(rules: &[Option<Rule>], tokens: &[String]) -> Vec<String> {
    let mut words: BTreeSet<(u8, String)> = BTreeSet::new();
    for rule in rules {
        if let Some(w) = rule.and_then(rule_word) {
            words.insert(w);
        }
    }
    for t in tokens {
        let w = match t.as_str() {
            ")" | "]" | "}" | "," | ":" | ";" | "->" | "(" | "{" | "[" | "=" => Some((1, format!("`{t}`"))),
            "catch" | "finally" | "else" | "case" | "default" | "in" => Some((2, format!("`{t}`"))),
            _ => None,
        };
        if let Some(w) = w {
            words.insert(w);
        }
    }
    let has_expr = words.iter().any(|(_, w)| w == "an expression");
    words
        .into_iter()
        .filter(|(_, w)| !(has_expr && (w == "a name" || w == "a string" || w == "a number")))
        .map(|(_, w)| w)
        .take(6)
        .collect()
}

fn rule_word(rule: Rule) -> Option<(u8, String)> {
    use Rule::*;
    let w = match rule {
        EOI => (5, "end of file"),
        block | class_body | enum_body => (1, "`{`"),
        arguments | params => (1, "`(`"),
        identifier | method_name => (3, "a name"),
        expression | statement_expression | conditional | unary_operand | number | string_lit | gstring_lit
        | slashy_lit | dollar_slashy_lit | list_lit | empty_map | closure | paren_expr | new_expr | kw_true
        | kw_false | kw_null | kw_this | kw_super | command_args | arg_entry => (3, "an expression"),
        decl_type | any_type | class_type | primitive_type | return_type | param_type | type_list => (3, "a type"),
        case_label => (2, "`case` or `default`"),
        catch_clause => (2, "`catch`"),
        finally_clause => (2, "`finally`"),
        kw_else => (2, "`else`"),
        qualified_name => (3, "a name"),
        declarator => (3, "a variable name"),
        if_stmt | for_stmt | while_stmt | switch_stmt | try_stmt | return_stmt | var_decl | expr_stmt => {
            (4, "a statement")
        }
        _ => return None,
    };
    Some((w.0, w.1.to_string()))
}
