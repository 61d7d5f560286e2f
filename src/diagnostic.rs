//! Renders a diagnostic for a person: `FILE:LINE:COL: error: MESSAGE`, then the source line with a caret,
//! the way compilers do. Plain text when the output is not a terminal.
//!
//! Not for: deciding what is wrong. Callers bring the span and the words.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::syntax::{LineIndex, SyntaxError};

/// Renders a syntax error found in `source` (the file's text; for non-UTF-8 input, its lossy decoding).
pub fn render_syntax_error(path: &str, source: &str, err: &SyntaxError, color: bool) -> String {
    let index = LineIndex::new(source);
    let start = floor_char(source, err.span.start as usize);
    let end = ceil_char(source, (err.span.end as usize).max(start));
    let (line, col) = index.line_col(start);
    let mut out = format!("{path}:{line}:{col}: error: {}\n", err.message);
    if source.is_empty() {
        return out;
    }
    let mut primary = AnnotationKind::Primary.span(start..end);
    if let Some(label) = &err.label {
        primary = primary.label(label.as_str());
    }
    let mut snippet = Snippet::source(source).line_start(1).annotation(primary);
    let mut note = None;
    if let Some((span, text)) = &err.related {
        if span.start == err.span.start {
            note = Some(text.as_str());
        } else {
            let s = floor_char(source, span.start as usize);
            let e = ceil_char(source, (span.end as usize).max(s));
            snippet = snippet.annotation(AnnotationKind::Context.span(s..e).label(text.as_str()));
        }
    }
    let mut group = Group::with_level(Level::ERROR).element(snippet);
    if let Some(note) = note {
        group = group.element(Level::HELP.message(note));
    }
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    out.push_str(&renderer.render(&[group]));
    out.push('\n');
    out
}

/// Spans come from byte offsets; the renderer needs them on character boundaries (a lossily decoded
/// non-UTF-8 file has 3-byte replacement characters where the raw file had 1 byte).
fn floor_char(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}
