//! Groovy's power assertions: when `assert expr` fails, the message shows the expression and, under each
//! variable, property, method call and operator, the value it had:
//!
//! ```text
//! assert items.size() == x
//!        |     |      |  |
//!        |     2      |  3
//!        [a, b]       false
//! ```
//!
//! The condition is evaluated once, recording values by source column; the renderer then places them
//! right to left, each on the first line where it fits, with `|` markers above it.
//!
//! Not for: `assert expr : message` (a plain AssertionError, in `eval.rs`).

use super::error::Eval;
use super::ops::truthy;
use super::scope::Scope;
use super::text::to_string;
use super::value::Value;
use super::Interp;
use crate::syntax::ast::{Arg, Expr, ExprKind, GStringPart, MemberName, UnaryOp};

/// Values seen while evaluating an assertion, with the source offset each belongs under.
pub(super) struct Recorder {
    pub values: Vec<(usize, Value)>,
}

impl Interp {
    /// Evaluates `e` as `eval` does, recording the values a power assertion shows.
    pub(super) fn eval_recorded(&mut self, e: &Expr, scope: &Scope, rec: &mut Recorder) -> Eval {
        let src = self.shared.source.clone();
        // The first non-blank byte at or after `from` (where an operator or a name starts).
        let next_token = |from: usize| {
            let bytes = src.as_bytes();
            let mut i = from.min(bytes.len());
            while i < bytes.len() && (bytes[i] as char).is_whitespace() {
                i += 1;
            }
            i
        };
        let v = match &e.kind {
            ExprKind::Var(_) => {
                let v = self.eval(e, scope)?;
                rec.values.push((e.span.start as usize, v.clone()));
                return Ok(v);
            }
            ExprKind::Paren(inner) => return self.eval_recorded(inner, scope, rec),
            ExprKind::Binary { op, lhs, rhs } => {
                use crate::syntax::ast::BinaryOp;
                let a = self.eval_recorded(lhs, scope, rec)?;
                let at = next_token(lhs.span.end as usize);
                let v = match op {
                    BinaryOp::And if !truthy(&a) => Value::Bool(false),
                    BinaryOp::Or if truthy(&a) => Value::Bool(true),
                    BinaryOp::And | BinaryOp::Or => {
                        let b = self.eval_recorded(rhs, scope, rec)?;
                        Value::Bool(truthy(&b))
                    }
                    _ => {
                        let b = self.eval_recorded(rhs, scope, rec)?;
                        self.span = e.span;
                        self.binary(*op, a, b)?
                    }
                };
                rec.values.push((at, v.clone()));
                return Ok(v);
            }
            ExprKind::Unary { op: op @ (UnaryOp::Not | UnaryOp::Neg), operand } => {
                let inner = self.eval_recorded(operand, scope, rec)?;
                let v = match op {
                    UnaryOp::Not => Value::Bool(!truthy(&inner)),
                    _ => super::ops::neg(&inner)?,
                };
                rec.values.push((e.span.start as usize, v.clone()));
                return Ok(v);
            }
            ExprKind::Property { object, name: MemberName::Name(n), op } => {
                let recv = self.eval_recorded(object, scope, rec)?;
                let v = self.get_property(recv, *op, n, e.span)?;
                let at = src[object.span.end as usize..e.span.end as usize].find(n.as_str());
                rec.values.push((object.span.end as usize + at.unwrap_or(1), v.clone()));
                return Ok(v);
            }
            ExprKind::MethodCall { object: Some(object), name: MemberName::Name(n), args, op, .. }
                if args.iter().all(|a| matches!(a, Arg::Positional(_))) =>
            {
                let recv = match self.class_path(object, scope) {
                    Some(class) => class,
                    None if matches!(object.kind, ExprKind::Var(_)) && object_is_class(self, object, scope) => {
                        self.eval(object, scope)?
                    }
                    None => self.eval_recorded(object, scope, rec)?,
                };
                let mut values = Vec::with_capacity(args.len());
                for a in args {
                    if let Arg::Positional(x) = a {
                        values.push(self.eval_recorded(x, scope, rec)?);
                    }
                }
                let v = match op {
                    crate::syntax::ast::DotOp::Safe if recv.is_null() => Value::Null,
                    _ => self.call_method(recv, n, super::Args::positional(values), e.span)?,
                };
                let at = src[object.span.end as usize..e.span.end as usize].find(n.as_str());
                rec.values.push((object.span.end as usize + at.unwrap_or(1), v.clone()));
                return Ok(v);
            }
            ExprKind::Index { object, index } if index.len() == 1 => {
                let recv = self.eval_recorded(object, scope, rec)?;
                let idx = match &index[0] {
                    Arg::Positional(x) => self.eval_recorded(x, scope, rec)?,
                    Arg::Named(_) => return self.eval(e, scope),
                };
                let v = super::methods::get_at(self, recv, idx)?;
                rec.values.push((next_token(object.span.end as usize), v.clone()));
                return Ok(v);
            }
            ExprKind::GString { parts, .. } => {
                for p in parts {
                    if let GStringPart::Expr(x) = p {
                        if matches!(x.kind, ExprKind::Var(_)) {
                            let v = self.eval(x, scope)?;
                            rec.values.push((x.span.start as usize, v));
                        }
                    }
                }
                self.eval(e, scope)?
            }
            _ => self.eval(e, scope)?,
        };
        Ok(v)
    }
}

/// `Math.max(...)`: a class name is not a value worth showing.
fn object_is_class(interp: &Interp, object: &Expr, scope: &Scope) -> bool {
    match &object.kind {
        ExprKind::Var(name) => {
            scope.lookup(name).is_none()
                && interp.shared.binding.get_str(name).is_none()
                && super::methods::statics::known_class(name).is_some()
        }
        _ => false,
    }
}

/// The message of a failed power assertion: the assertion's text and the recorded values under it.
pub(super) fn render(text: &str, start: usize, rec: &Recorder) -> String {
    let mut lines: Vec<Vec<char>> = vec![text.chars().collect(), Vec::new()];
    // The first column each line holds a value at (the marker line holds none).
    let mut starts: Vec<usize> = vec![0, 0];
    let mut values: Vec<(usize, String)> = rec
        .values
        .iter()
        .filter(|(at, _)| *at >= start)
        .map(|(at, v)| (text_column(text, at - start), to_string(v)))
        .collect();
    values.sort_by_key(|v| std::cmp::Reverse(v.0));
    'next: for (col, s) in values {
        let end = if s.contains('\n') { usize::MAX } else { col + s.chars().count() };
        for j in 1..lines.len() {
            if j > 1 && end < starts[j] {
                place(&mut lines[j], &s, col);
                starts[j] = col;
                continue 'next;
            }
            place(&mut lines[j], "|", col);
            if j > 1 {
                starts[j] = col + 1;
            }
        }
        let mut line = Vec::new();
        place(&mut line, &s, col);
        lines.push(line);
        starts.push(col);
    }
    let out: Vec<String> = lines.iter().map(|l| l.iter().collect::<String>().trim_end().to_string()).collect();
    out.join("\n")
}

/// A byte offset within the assertion's text as a character column.
fn text_column(text: &str, byte: usize) -> usize {
    text.get(..byte.min(text.len())).map_or(byte, |t| t.chars().count())
}

fn place(line: &mut Vec<char>, s: &str, col: usize) {
    let chars: Vec<char> = s.chars().collect();
    if line.len() < col + chars.len() {
        line.resize(col + chars.len(), ' ');
    }
    for (i, c) in chars.into_iter().enumerate() {
        line[col + i] = c;
    }
}
