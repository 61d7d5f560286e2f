//! Values as text, exactly as Groovy prints them: `println`, GString interpolation, `toString()`,
//! `inspect()`, and Java's number formats.
//!
//! Not for: JSON (`methods/json.rs`) or `String.format` (`methods/format.rs`).

use super::value::{GPart, Value};

/// Java's `Double.toString`: plain between 10^-3 and 10^7, `1.0E10` style outside, shortest digits.
pub fn java_double(d: f64) -> String {
    if d.is_nan() {
        return "NaN".into();
    }
    if d.is_infinite() {
        return if d > 0.0 { "Infinity".into() } else { "-Infinity".into() };
    }
    if d == 0.0 {
        return if d.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    java_float_text(format!("{:e}", d), d.abs() >= 1e-3 && d.abs() < 1e7)
}

/// Java's `Float.toString`.
pub fn java_float(f: f32) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "Infinity".into() } else { "-Infinity".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    java_float_text(format!("{:e}", f), f.abs() >= 1e-3 && f.abs() < 1e7)
}

fn java_float_text(sci: String, plain: bool) -> String {
    // `sci` is Rust's shortest round-trip form: `-1.2345e6`.
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (neg, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => (true, m),
        None => (false, mantissa),
    };
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if plain {
        let point = exp + 1;
        if point <= 0 {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', (-point) as usize));
            out.push_str(&digits);
        } else if point as usize >= digits.len() {
            out.push_str(&digits);
            out.extend(std::iter::repeat_n('0', point as usize - digits.len()));
            out.push_str(".0");
        } else {
            out.push_str(&digits[..point as usize]);
            out.push('.');
            out.push_str(&digits[point as usize..]);
        }
    } else {
        out.push_str(&digits[..1]);
        out.push('.');
        if digits.len() > 1 {
            out.push_str(&digits[1..]);
        } else {
            out.push('0');
        }
        out.push('E');
        out.push_str(&exp.to_string());
    }
    out
}

/// Groovy's `InvokerHelper.toString`: what `println x` and `"$x"` print.
pub fn to_string(v: &Value) -> String {
    let mut out = String::new();
    write(&mut out, v, false, 0);
    out
}

/// Groovy's `inspect()`: like `to_string` but strings are quoted.
pub fn inspect(v: &Value) -> String {
    let mut out = String::new();
    write(&mut out, v, true, 0);
    out
}

const MAX_DEPTH: usize = 64;

pub fn write(out: &mut String, v: &Value, quote: bool, depth: usize) {
    if depth > MAX_DEPTH {
        out.push_str("...");
        return;
    }
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => out.push_str(&i.to_string()),
        Value::Long(i) => out.push_str(&i.to_string()),
        Value::BigInt(b) => out.push_str(&b.to_string()),
        Value::Decimal(d) => out.push_str(&d.to_string()),
        Value::Float(f) => out.push_str(&java_float(*f)),
        Value::Double(d) => out.push_str(&java_double(*d)),
        Value::Char(c) => {
            if quote {
                out.push('\'');
                out.push(*c);
                out.push('\'');
            } else {
                out.push(*c)
            }
        }
        Value::Str(s) => {
            if quote {
                quote_str(out, s)
            } else {
                out.push_str(s)
            }
        }
        Value::GString(g) => {
            for part in &g.parts {
                match part {
                    GPart::Text(t) => out.push_str(t),
                    GPart::Value(v) => write(out, v, false, depth + 1),
                    // Only reached where no interpreter is at hand (see `Interp::resolve_lazy`).
                    GPart::Lazy(c) => write(out, &Value::Closure(c.clone()), false, depth + 1),
                }
            }
        }
        // Groovy prints a char[] as the text it holds.
        Value::List(l) if !quote && matches!(l.kind(), super::value::ListKind::Array(e) if &**e == "char") => {
            for c in l.snapshot() {
                write(out, &c, false, depth + 1);
            }
        }
        Value::List(l) => write_seq(out, &l.snapshot(), quote, depth),
        Value::Set(s) => write_seq(out, &s.snapshot(), quote, depth),
        Value::Range(r) => write_seq(out, &r.items(), quote, depth),
        Value::Map(m) if m.kind() == crate::interp::value::MapKind::Json => {
            out.push_str(&crate::interp::methods::json::to_json(v));
        }
        Value::Map(m) => {
            let pairs = m.pairs();
            if pairs.is_empty() {
                out.push_str("[:]");
                return;
            }
            out.push('[');
            for (i, (k, val)) in pairs.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write(out, k, quote, depth + 1);
                out.push(':');
                if let Value::Map(inner) = val {
                    if inner.ptr_eq(m) {
                        out.push_str("(this Map)");
                        continue;
                    }
                }
                write(out, val, quote, depth + 1);
            }
            out.push(']');
        }
        Value::Entry(e) => {
            write(out, &e.0, quote, depth + 1);
            out.push('=');
            write(out, &e.1, quote, depth + 1);
        }
        Value::Closure(_) => out.push_str("WorkflowScript$_run_closure1@1"),
        Value::Pattern(p) => out.push_str(p.as_str()),
        Value::Matcher(m) => {
            let m = m.lock();
            out.push_str(&format!(
                "java.util.regex.Matcher[pattern={} region=0,{} lastmatch=]",
                m.regex.as_str(),
                m.input.chars().count()
            ));
        }
        Value::Exception(t) => out.push_str(&t.to_text()),
        Value::Class(c) => {
            let interface =
                matches!(&**c, "java.util.List" | "java.util.Map" | "java.util.Set" | "java.util.Collection");
            out.push_str(if interface { "interface " } else { "class " });
            out.push_str(c);
        }
        Value::Object(o) => out.push_str(&o.to_text()),
    }
}

fn write_seq(out: &mut String, items: &[Value], quote: bool, depth: usize) {
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write(out, item, quote, depth + 1);
    }
    out.push(']');
}

fn quote_str(out: &mut String, s: &str) {
    out.push('\'');
    for c in s.chars() {
        match c {
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('\'');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_print_like_java() {
        assert_eq!(java_double(1.0), "1.0");
        assert_eq!(java_double(100.0), "100.0");
        assert_eq!(java_double(0.001), "0.001");
        assert_eq!(java_double(1e10), "1.0E10");
        assert_eq!(java_double(1e-5), "1.0E-5");
        assert_eq!(java_double(1.5e7), "1.5E7");
        assert_eq!(java_double(1234567.0), "1234567.0");
        assert_eq!(java_double(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(java_double(-2.5), "-2.5");
        assert_eq!(java_double(std::f64::consts::SQRT_2), "1.4142135623730951");
    }
}
