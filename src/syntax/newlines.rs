//! Groovy's lexer ignores a newline while it is inside `(...)` or `[...]` (but not inside a `{...}` opened
//! within them, nor inside strings). A PEG grammar cannot switch its whitespace by context, so this pass
//! reproduces the rule before the grammar runs: each such newline becomes a space, which keeps every byte
//! offset, and so every span, unchanged. Comments and backslash line-joins become spaces the same way, so
//! the grammar's implicit whitespace is plain blanks: the parser tries whitespace between every two
//! tokens, and that is much cheaper than trying comments there too. The same walk notes what the error messages need: the deepest
//! nesting and the bracket or string left open at the end.
//!
//! Not for: deciding anything the grammar decides. Where `/` starts a regex it follows Groovy's lexer rule
//! (not after an identifier, keyword, literal or closing bracket) only to know what to skip.

use std::borrow::Cow;

/// What the walk found besides the folded text.
pub(crate) struct Folded<'a> {
    pub text: Cow<'a, str>,
    /// Where the nesting of brackets, strings and interpolations first went past the limit.
    pub too_deep_at: Option<usize>,
    /// An upper bound of how deeply the grammar will recurse: brackets, plus the tokens that nest without
    /// brackets (`if`, `else`, `for`, `while`, `=`, `?`, `<`, labels) within one statement. The parser's
    /// stack is sized from it.
    pub recursion_bound: usize,
    /// A `/*` never closed.
    pub unclosed_comment: Option<usize>,
    /// The first `'...'` or `"..."` string that reaches the end of its line unclosed (Groovy's lexer ends
    /// it there; so does this walk).
    pub unclosed_line_string: Option<usize>,
    /// A line break inside the `${ }` of a `"..."` string (which Groovy refuses, though the grammar
    /// would take it): the string's offset.
    pub line_break_in_interpolation: Option<usize>,
    /// The first character in code that looks like a blank but that Groovy refuses (a no-break space, a
    /// vertical tab, another control character).
    pub stray_blank: Option<usize>,
    /// The innermost bracket or string still open at the end: its opening text and byte offset.
    pub unclosed: Option<(&'static str, usize)>,
    /// A closing bracket that does not match the open one: (offset, found, expected closer, opener offset).
    pub mismatch: Option<Mismatch>,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Mismatch {
    pub at: usize,
    pub found: u8,
    /// The opener it should have closed, with its offset; None when nothing was open.
    pub open: Option<(u8, usize)>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Frame {
    /// `(`, `[` or `{` in code, with its offset.
    Bracket(u8, usize),
    /// `${` inside a string: code until the matching `}`, then back to the string.
    Interp(usize),
    Str(StrKind, usize),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum StrKind {
    Single,
    TripleSingle,
    Double,
    TripleDouble,
    Slashy,
    DollarSlashy,
}

/// A 256-entry table of the bytes listed.
const fn byte_set(list: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut k = 0;
    while k < list.len() {
        table[list[k] as usize] = true;
        k += 1;
    }
    table
}

impl StrKind {
    /// The bytes that may matter inside a string of this kind (a closer, an escape, `$`, a newline).
    fn stops(self) -> &'static [bool; 256] {
        static SINGLE: [bool; 256] = byte_set(b"\\'\n\r");
        static TRIPLE_SINGLE: [bool; 256] = byte_set(b"\\'");
        static DOUBLE: [bool; 256] = byte_set(b"\\\"$\n\r");
        static TRIPLE_DOUBLE: [bool; 256] = byte_set(b"\\\"$");
        static SLASHY: [bool; 256] = byte_set(b"\\/$");
        static DOLLAR_SLASHY: [bool; 256] = byte_set(b"$/");
        match self {
            StrKind::Single => &SINGLE,
            StrKind::TripleSingle => &TRIPLE_SINGLE,
            StrKind::Double => &DOUBLE,
            StrKind::TripleDouble => &TRIPLE_DOUBLE,
            StrKind::Slashy => &SLASHY,
            StrKind::DollarSlashy => &DOLLAR_SLASHY,
        }
    }

    fn opener(self) -> &'static str {
        match self {
            StrKind::Single => "'",
            StrKind::TripleSingle => "'''",
            StrKind::Double => "\"",
            StrKind::TripleDouble => "\"\"\"",
            StrKind::Slashy => "/",
            StrKind::DollarSlashy => "$/",
        }
    }
}

/// Replaces `bytes[start..end]` by spaces in the output (a multi-byte character becomes several spaces,
/// so offsets stay put).
fn blank(out: &mut Option<Vec<u8>>, bytes: &[u8], start: usize, end: usize) {
    let buf = out.get_or_insert_with(|| bytes.to_vec());
    for b in &mut buf[start..end] {
        *b = b' ';
    }
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b >= 0x80
}

pub(crate) fn fold(src: &str, max_depth: usize) -> Folded<'_> {
    let bytes = src.as_bytes();
    let mut out: Option<Vec<u8>> = None;
    let mut stack: Vec<Frame> = Vec::new();
    let mut too_deep_at = None;
    let mut unclosed_comment = None;
    let mut unclosed_line_string = None;
    let mut line_break_in_interpolation = None;
    let mut stray_blank = None;
    let mut mismatch = None;
    // Whether the last significant token can end an expression (then `/` is division).
    let mut ending = false;
    // Recursion estimate: `chain` counts nesting tokens in the current bracket level since the statement
    // began; `saved` holds the outer levels' counts.
    let mut chain: usize = 0;
    let mut saved: Vec<usize> = Vec::new();
    let mut saved_sum: usize = 0;
    let mut recursion_bound: usize = 0;
    let mut pending_reset = false;
    let mut i = 0;
    // A `#!` first line is not code: leave it whole for the grammar's `shebang` rule.
    if src.starts_with("#!") {
        while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
            i += 1;
        }
    }
    let n = bytes.len();
    let starts = |i: usize, s: &[u8]| bytes[i..].starts_with(s);

    while i < n {
        if stack.len() > max_depth && too_deep_at.is_none() {
            too_deep_at = Some(i.saturating_sub(1));
        }
        recursion_bound = recursion_bound.max(stack.len() + saved_sum + chain);
        let b = bytes[i];
        match stack.last().copied() {
            Some(Frame::Str(kind, _)) => {
                // String bodies are most of a Jenkinsfile: hop over the bytes that cannot end them.
                let stops = kind.stops();
                if !stops[b as usize] {
                    i += bytes[i..].iter().position(|&c| stops[c as usize]).unwrap_or(n - i);
                    continue;
                }
                match kind {
                    StrKind::Single | StrKind::TripleSingle | StrKind::Double | StrKind::TripleDouble if b == b'\\' => {
                        // An escape; `\` before `\r\n` joins the lines and takes both bytes.
                        i += if starts(i + 1, b"\r\n") { 3 } else { 2 };
                        continue;
                    }
                    StrKind::Single if b == b'\'' => {
                        stack.pop();
                        ending = true;
                    }
                    StrKind::Single | StrKind::Double if b == b'\n' || b == b'\r' => {
                        if let Some(Frame::Str(_, start)) = stack.pop() {
                            unclosed_line_string.get_or_insert(start);
                        }
                        ending = true;
                        continue;
                    }
                    StrKind::TripleSingle if starts(i, b"'''") => {
                        stack.pop();
                        ending = true;
                        i += 3;
                        continue;
                    }
                    StrKind::Double if b == b'"' => {
                        stack.pop();
                        ending = true;
                    }
                    StrKind::TripleDouble if starts(i, b"\"\"\"") => {
                        stack.pop();
                        ending = true;
                        i += 3;
                        continue;
                    }
                    StrKind::Slashy if starts(i, b"\\/") => {
                        i += 2;
                        continue;
                    }
                    StrKind::Slashy if b == b'/' => {
                        stack.pop();
                        ending = true;
                    }
                    StrKind::DollarSlashy if starts(i, b"$$") || starts(i, b"$/") => {
                        i += 2;
                        continue;
                    }
                    StrKind::DollarSlashy if starts(i, b"/$") => {
                        stack.pop();
                        ending = true;
                        i += 2;
                        continue;
                    }
                    StrKind::Double | StrKind::TripleDouble | StrKind::Slashy | StrKind::DollarSlashy
                        if starts(i, b"${") =>
                    {
                        stack.push(Frame::Interp(i));
                        saved.push(chain);
                        saved_sum += chain;
                        chain = 0;
                        ending = false;
                        i += 2;
                        continue;
                    }
                    _ => {}
                }
                i += 1;
            }
            top => {
                let statement_level = !matches!(top, Some(Frame::Bracket(b'(' | b'[', _)));
                if pending_reset && !matches!(b, b' ' | b'\t' | b'\x0C' | b'\n' | b'\r') {
                    // A new statement starts here unless the line continues the last one.
                    let word_end = bytes[i..].iter().position(|&c| !is_ident_byte(c)).map_or(n, |p| i + p);
                    let word = &bytes[i..word_end];
                    let continues = matches!(word, b"else" | b"catch" | b"finally");
                    if !continues && (is_ident_byte(b) || b == b'\'' || b == b'"') {
                        chain = 0;
                    }
                    pending_reset = false;
                }
                match b {
                    b'=' if !starts(i, b"==") && !starts(i, b"=~") => {
                        let prev = if i > 0 { bytes[i - 1] } else { b' ' };
                        if !matches!(prev, b'=' | b'!' | b'<' | b'>') {
                            chain += 1;
                        }
                    }
                    b'?' if !starts(i, b"?.") && !starts(i, b"?:") => chain += 1,
                    b'<' => chain += 1,
                    b':' if statement_level => chain += 1,
                    b';' if statement_level => chain = 0,
                    _ => {}
                }
                if (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | b'\x0C')) || starts(i, "\u{A0}".as_bytes()) {
                    stray_blank.get_or_insert(i);
                }
                match b {
                    b' ' => {}
                    // The grammar's blanks are plain spaces and its newline is `\n`: tabs, form feeds and
                    // a byte-order mark become spaces, `\r\n` becomes ` \n`, and a lone `\r` a `\n`.
                    b'\t' | b'\x0C' => blank(&mut out, bytes, i, i + 1),
                    0xEF if starts(i, "\u{FEFF}".as_bytes()) => {
                        blank(&mut out, bytes, i, i + 3);
                        i += 3;
                        continue;
                    }
                    b'\r' if starts(i, b"\r\n") => blank(&mut out, bytes, i, i + 1),
                    b'\n' | b'\r' => {
                        if line_break_in_interpolation.is_none() {
                            line_break_in_interpolation = stack.iter().find_map(|f| match *f {
                                Frame::Str(StrKind::Single | StrKind::Double, at) => Some(at),
                                _ => None,
                            });
                        }
                        if statement_level {
                            pending_reset |= ending;
                            if b == b'\r' {
                                out.get_or_insert_with(|| bytes.to_vec())[i] = b'\n';
                            }
                        } else {
                            out.get_or_insert_with(|| bytes.to_vec())[i] = b' ';
                        }
                    }
                    // A backslash before a newline joins the lines: both become spaces.
                    b'\\' if i + 1 < n && (bytes[i + 1] == b'\n' || bytes[i + 1] == b'\r') => {
                        let end = if starts(i + 1, b"\r\n") { i + 3 } else { i + 2 };
                        blank(&mut out, bytes, i, end);
                        i = end;
                        continue;
                    }
                    b'/' if starts(i, b"//") => {
                        let start = i;
                        while i < n && bytes[i] != b'\n' && bytes[i] != b'\r' {
                            i += 1;
                        }
                        blank(&mut out, bytes, start, i);
                        continue;
                    }
                    b'/' if starts(i, b"/*") => {
                        let start = i;
                        i += 2;
                        while i < n && !starts(i, b"*/") {
                            i += 1;
                        }
                        if i < n {
                            i += 2;
                            blank(&mut out, bytes, start, i);
                        } else {
                            // Unclosed: the grammar fails on it, and the error says why.
                            unclosed_comment = Some(start);
                            i = n;
                        }
                        continue;
                    }
                    b'/' if !ending => {
                        stack.push(Frame::Str(StrKind::Slashy, i));
                    }
                    b'\'' => {
                        let kind = if starts(i, b"'''") { StrKind::TripleSingle } else { StrKind::Single };
                        stack.push(Frame::Str(kind, i));
                        i += kind.opener().len();
                        continue;
                    }
                    b'"' => {
                        let kind = if starts(i, b"\"\"\"") { StrKind::TripleDouble } else { StrKind::Double };
                        stack.push(Frame::Str(kind, i));
                        i += kind.opener().len();
                        continue;
                    }
                    b'$' if starts(i, b"$/") => {
                        stack.push(Frame::Str(StrKind::DollarSlashy, i));
                        i += 2;
                        continue;
                    }
                    b'(' | b'[' | b'{' => {
                        stack.push(Frame::Bracket(b, i));
                        saved.push(chain);
                        saved_sum += chain;
                        chain = 0;
                        ending = false;
                    }
                    b')' | b']' | b'}' => {
                        let want = match b {
                            b')' => b'(',
                            b']' => b'[',
                            _ => b'{',
                        };
                        match top {
                            Some(Frame::Bracket(open, _)) if open == want => {
                                stack.pop();
                            }
                            Some(Frame::Interp(_)) if b == b'}' => {
                                stack.pop();
                            }
                            Some(Frame::Bracket(open, at)) => {
                                mismatch.get_or_insert(Mismatch { at: i, found: b, open: Some((open, at)) });
                                stack.pop();
                            }
                            _ => {
                                mismatch.get_or_insert(Mismatch { at: i, found: b, open: None });
                            }
                        }
                        if matches!(top, Some(Frame::Bracket(..) | Frame::Interp(_))) {
                            chain = saved.pop().unwrap_or(0);
                            saved_sum -= chain;
                        }
                        ending = true;
                    }
                    b'+' | b'-' if i + 1 < n && bytes[i + 1] == b => {
                        ending = true;
                        i += 2;
                        continue;
                    }
                    b'0'..=b'9' => {
                        while i < n
                            && (is_ident_byte(bytes[i])
                                || (bytes[i] == b'.' && i + 1 < n && bytes[i + 1].is_ascii_digit()))
                        {
                            i += 1;
                        }
                        ending = true;
                        continue;
                    }
                    _ if is_ident_byte(b) => {
                        let start = i;
                        while i < n && is_ident_byte(bytes[i]) && !starts(i, "\u{A0}".as_bytes()) {
                            i += 1;
                        }
                        if i == start {
                            // A no-break space (noted above as a stray blank): step over it.
                            i += 2;
                            continue;
                        }
                        if matches!(&bytes[start..i], b"if" | b"else" | b"for" | b"while") {
                            chain += 1;
                        }
                        ending = true;
                        continue;
                    }
                    _ => ending = false,
                }
                i += 1;
            }
        }
    }

    let unclosed = stack.last().map(|f| match *f {
        Frame::Bracket(b'(', at) => ("(", at),
        Frame::Bracket(b'[', at) => ("[", at),
        Frame::Bracket(_, at) => ("{", at),
        Frame::Interp(at) => ("${", at),
        Frame::Str(kind, at) => (kind.opener(), at),
    });
    let text = match out {
        // Only ASCII newlines were replaced by ASCII spaces, so the bytes are still UTF-8.
        Some(v) => Cow::Owned(String::from_utf8(v).unwrap_or_else(|_| src.to_owned())),
        None => Cow::Borrowed(src),
    };
    Folded {
        text,
        too_deep_at,
        recursion_bound,
        unclosed_comment,
        unclosed_line_string,
        line_break_in_interpolation,
        stray_blank,
        unclosed,
        mismatch,
    }
}

#[cfg(test)]
mod tests {
    use super::fold;

    fn fold_(src: &str) -> super::Folded<'_> {
        fold(src, 200)
    }

    #[test]
    fn newlines_in_parens_and_brackets_become_spaces() {
        assert_eq!(fold_("f(a,\nb)\n[1,\n2]\n").text, "f(a, b)\n[1, 2]\n");
    }

    #[test]
    fn braces_inside_parens_keep_newlines() {
        assert_eq!(fold_("f(a, {\nx\n})").text, "f(a, {\nx\n})");
    }

    #[test]
    fn strings_and_comments_are_left_alone() {
        let src = "f('''a\nb''', \"x${ [1,\n2] }y\", /re\n/ // (\n)\n";
        assert_eq!(fold_(src).text, "f('''a\nb''', \"x${ [1, 2] }y\", /re\n/      )\n");
    }

    #[test]
    fn a_backslash_joins_crlf_lines_inside_a_string() {
        let f = fold_("sh \"a \\\r\nb\"\r\nx");
        assert_eq!(f.unclosed_line_string, None);
        assert_eq!(f.text, "sh \"a \\\r\nb\" \nx");
    }

    #[test]
    fn no_break_spaces_and_control_characters_are_noted() {
        assert_eq!(fold_("sh\u{A0}'x'").stray_blank, Some(2));
        assert_eq!(fold_("x\u{A0}\u{A0}= 1").stray_blank, Some(1));
        assert_eq!(fold_("x = 1\u{B}").stray_blank, Some(5));
        assert_eq!(fold_("echo 'a\u{A0}b'").stray_blank, None);
    }

    #[test]
    fn division_is_not_a_string() {
        assert_eq!(fold_("(a / b\n/ c)").text, "(a / b / c)");
    }

    #[test]
    fn reports_unclosed_and_mismatched() {
        let f = fold_("node {\n  sh('x'\n}");
        assert_eq!(f.mismatch.map(|m| (m.at, m.found)), Some((16, b'}')));
        assert_eq!(fold_("a = \"abc").unclosed, Some(("\"", 4)));
    }
}
