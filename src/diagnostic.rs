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

/// A lint finding in rustc's style: `path:line:col: severity[CODE]: message`, the source line with a
/// caret under the span, and the help line.
pub fn render_finding(path: &str, source: &str, f: &crate::lint::Finding, color: bool) -> String {
    use crate::lint::Severity;
    let start = floor_char(source, f.span.start as usize);
    let end = ceil_char(source, (f.span.end as usize).max(start));
    let (level, name) = match f.severity {
        Severity::Error => (Level::ERROR, "error"),
        Severity::Warning => (Level::WARNING, "warning"),
        Severity::Info => (Level::INFO, "info"),
    };
    let mut out = format!("{path}:{}:{}: {name}[{}]: {}\n", f.line, f.column, f.code, f.message);
    if source.is_empty() {
        return out;
    }
    // Only the first line of a long span is shown.
    let line_end = source[start..].find('\n').map_or(source.len(), |i| start + i);
    let end = end.min(line_end.max(start + 1)).min(source.len()).max(start);
    let snippet = Snippet::source(source).line_start(1).annotation(AnnotationKind::Primary.span(start..end));
    let mut group = Group::with_level(level).element(snippet);
    if let Some(help) = &f.help {
        group = group.element(Level::HELP.message(help.as_str()));
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
