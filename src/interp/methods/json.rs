//! `groovy.json`: `JsonOutput.toJson`, `JsonOutput.prettyPrint` and `JsonSlurperClassic.parseText`, with
//! Groovy 2.4's spacing and number types.

use indexmap::IndexMap;
use num_traits::ToPrimitive;

use crate::interp::decimal::Decimal;
use crate::interp::error::{throw, Eval};
use crate::interp::ops;
use crate::interp::text::to_string;
use crate::interp::value::{Key, Value};

pub fn to_json(v: &Value) -> String {
    let mut out = String::new();
    write(&mut out, v, 0);
    out
}

fn write(out: &mut String, v: &Value, depth: usize) {
    if depth > 200 {
        out.push_str("null");
        return;
    }
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        n if n.is_number() => out.push_str(&to_string(n)),
        Value::Map(m) => {
            out.push('{');
            for (i, (k, val)) in m.pairs().iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                escape(out, &to_string(k));
                out.push(':');
                write(out, val, depth + 1);
            }
            out.push('}');
        }
        Value::List(_) | Value::Set(_) | Value::Range(_) => {
            out.push('[');
            for (i, item) in ops::iter_values(v).iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(out, item, depth + 1);
            }
            out.push(']');
        }
        Value::Object(o) => {
            let entries = o.entries();
            if entries.is_empty() {
                escape(out, &o.to_text());
            } else {
                let map: IndexMap<Key, Value> = entries.into_iter().map(|(k, v)| (Key::str(&k), v)).collect();
                write(out, &Value::map(map), depth + 1);
            }
        }
        other => escape(out, &to_string(other)),
    }
}

fn escape(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || (c as u32) > 0x7e => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{:04x}", unit));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn json_error(e: impl std::fmt::Display) -> crate::interp::error::Flow {
    throw("groovy.json.JsonException", format!("Unable to parse JSON: {e}"))
}

/// `JsonOutput.prettyPrint(text)`: four-space indentation, `"key": value`.
pub fn pretty_print(text: &str) -> Eval<String> {
    let v: serde_json::Value = serde_json::from_str(text).map_err(json_error)?;
    let mut out = String::new();
    pretty(&mut out, &v, 0);
    Ok(out)
}

fn pretty(out: &mut String, v: &serde_json::Value, indent: usize) {
    let pad = |n: usize| "    ".repeat(n);
    match v {
        serde_json::Value::Object(map) => {
            if map.is_empty() {
                out.push_str("{\n");
                out.push_str(&pad(indent + 1));
                out.push('\n');
                out.push_str(&pad(indent));
                out.push('}');
                return;
            }
            out.push_str("{\n");
            for (i, (k, val)) in map.iter().enumerate() {
                out.push_str(&pad(indent + 1));
                escape(out, k);
                out.push_str(": ");
                pretty(out, val, indent + 1);
                if i + 1 < map.len() {
                    out.push(',');
                }
                out.push('\n');
            }
            out.push_str(&pad(indent));
            out.push('}');
        }
        serde_json::Value::Array(items) => {
            if items.is_empty() {
                out.push_str("[\n");
                out.push_str(&pad(indent + 1));
                out.push('\n');
                out.push_str(&pad(indent));
                out.push(']');
                return;
            }
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                out.push_str(&pad(indent + 1));
                pretty(out, item, indent + 1);
                if i + 1 < items.len() {
                    out.push(',');
                }
                out.push('\n');
            }
            out.push_str(&pad(indent));
            out.push(']');
        }
        serde_json::Value::String(s) => escape(out, s),
        other => out.push_str(&other.to_string()),
    }
}

/// `JsonSlurperClassic().parseText(text)`. Like Groovy's, it forgives a comma before `}` or `]`, leading
/// zeros in numbers, and text after the first complete value.
pub fn parse(text: &str) -> Eval {
    Ok(convert(&parse_value(text)?))
}

fn parse_value(text: &str) -> Eval<serde_json::Value> {
    let lenient = forgive(text);
    let mut values = serde_json::Deserializer::from_str(&lenient).into_iter::<serde_json::Value>();
    match values.next() {
        Some(v) => v.map_err(json_error),
        None => Err(json_error("the text is empty")),
    }
}

/// `readJSON`: json-lib's objects (document order, JSON `toString()`, decimals as Double), or with
/// `pojo` plain LinkedHashMaps and ArrayLists.
pub fn parse_json_lib(text: &str, pojo: bool) -> Eval {
    fn go(v: &serde_json::Value, pojo: bool) -> Value {
        match v {
            serde_json::Value::Number(n) if n.to_string().contains(['.', 'e', 'E']) => {
                n.to_string().parse::<f64>().map(Value::Double).unwrap_or(Value::Null)
            }
            serde_json::Value::Array(items) => Value::list(items.iter().map(|i| go(i, pojo)).collect()),
            serde_json::Value::Object(map) => Value::Map(crate::interp::value::Map::of_kind(
                map.iter().map(|(k, v)| (Key::str(k), go(v, pojo))).collect(),
                if pojo { crate::interp::value::MapKind::Linked } else { crate::interp::value::MapKind::Json },
            )),
            other => convert(other),
        }
    }
    Ok(go(&parse_value(text)?, pojo))
}

fn convert(v: &serde_json::Value) -> Value {
    match v {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => {
            let text = n.to_string();
            if text.contains(['.', 'e', 'E']) {
                Decimal::parse(&text).map(Value::decimal).unwrap_or(Value::Null)
            } else {
                match text.parse::<num_bigint::BigInt>() {
                    Ok(b) => match b.to_i32() {
                        Some(i) => Value::Int(i),
                        None => match b.to_i64() {
                            Some(l) => Value::Long(l),
                            None => Value::bigint(b),
                        },
                    },
                    Err(_) => Value::Null,
                }
            }
        }
        serde_json::Value::String(s) => Value::str(s),
        serde_json::Value::Array(items) => Value::list(items.iter().map(convert).collect()),
        serde_json::Value::Object(map) => Value::Map(crate::interp::value::Map::of_kind(
            map.iter().map(|(k, v)| (Key::str(k), convert(v))).collect(),
            crate::interp::value::MapKind::Hash,
        )),
    }
}

/// The text with what JsonSlurperClassic tolerates made strict: commas right before a closing bracket
/// dropped, leading zeros of numbers dropped (strings are left alone).
fn forgive(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut in_string = false;
    while i < chars.len() {
        let c = chars[i];
        if in_string {
            out.push(c);
            if c == '\\' && i + 1 < chars.len() {
                out.push(chars[i + 1]);
                i += 1;
            } else if c == '"' {
                in_string = false;
            }
            i += 1;
            continue;
        }
        match c {
            '"' => in_string = true,
            ',' => {
                let next = chars[i + 1..].iter().find(|c| !c.is_whitespace());
                if matches!(next, Some('}') | Some(']')) {
                    i += 1;
                    continue;
                }
            }
            '0' if chars.get(i + 1).is_some_and(|d| d.is_ascii_digit())
                && !out.chars().last().is_some_and(|p| p.is_ascii_digit() || p == '.') =>
            {
                i += 1;
                continue;
            }
            _ => {}
        }
        out.push(c);
        i += 1;
    }
    out
}
