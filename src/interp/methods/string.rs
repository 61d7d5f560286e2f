//! Methods on String, GString and Character receivers (Java's `String` API plus Groovy's GDK).

use base64::Engine;

use super::closure_arg;
use crate::interp::decimal::Decimal;
use crate::interp::error::{throw, Eval};
use crate::interp::ops::{self, to_i64, truthy};
use crate::interp::text::to_string;
use crate::interp::value::{Set, Value};
use crate::interp::Interp;

fn sioobe(msg: String) -> crate::interp::error::Flow {
    throw("java.lang.StringIndexOutOfBoundsException", msg)
}

fn strs(items: Vec<String>) -> Value {
    Value::list(items.into_iter().map(Value::string).collect())
}

/// A `String[]`, as `split` returns.
fn str_array(items: Vec<String>) -> Value {
    Value::List(crate::interp::value::List::of_kind(
        items.into_iter().map(Value::string).collect(),
        crate::interp::value::ListKind::Array(std::sync::Arc::from("String")),
    ))
}

fn arg_s(args: &[Value], i: usize) -> String {
    args.get(i).map(to_string).unwrap_or_default()
}

fn arg_i(args: &[Value], i: usize) -> i64 {
    args.get(i).and_then(to_i64).unwrap_or(0)
}

fn substring(chars: &[char], begin: i64, end: i64) -> Eval<String> {
    let len = chars.len() as i64;
    if begin < 0 || end > len || begin > end {
        return Err(sioobe(format!("begin {begin}, end {end}, length {len}")));
    }
    Ok(chars[begin as usize..end as usize].iter().collect())
}

pub fn is_integer_text(s: &str) -> bool {
    let t = s.trim();
    let t = t.strip_prefix(['-', '+']).unwrap_or(t);
    !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())
}

pub fn is_number_text(s: &str) -> bool {
    Decimal::parse(s.trim()).is_some()
}

fn number_error(s: &str) -> crate::interp::error::Flow {
    throw("java.lang.NumberFormatException", format!("For input string: \"{s}\""))
}

pub fn get_at(recv: &Value, idx: &Value) -> Eval {
    let s = to_string(recv);
    let chars: Vec<char> = s.chars().collect();
    if let Some(i) = match idx {
        Value::Int(_) | Value::Long(_) => to_i64(idx),
        _ => None,
    } {
        return match super::norm_index(i, chars.len()) {
            Some(i) => Ok(Value::string(chars[i].to_string())),
            None => Err(sioobe(format!("begin {i}, end {}, length {}", i + 1, chars.len()))),
        };
    }
    match super::range_indices(idx, chars.len())? {
        Some(ix) => Ok(Value::string(ix.into_iter().map(|i| chars[i]).collect())),
        None => {
            let ends: Vec<i64> = crate::interp::ops::iter_values(idx).iter().filter_map(to_i64).collect();
            let (lo, hi) = (ends.iter().min().copied().unwrap_or(0), ends.iter().max().copied().unwrap_or(0));
            Err(sioobe(format!("begin {lo}, end {}, length {}", hi + 1, chars.len())))
        }
    }
}

fn strip_indent(s: &str) -> String {
    let lines: Vec<&str> = s.split('\n').collect();
    // An empty last line (text ending in a newline) counts as no indent, as in Groovy 2.4.
    let indent = if s.ends_with('\n') {
        0
    } else {
        lines
            .iter()
            .filter(|l| !l.trim().is_empty())
            .map(|l| l.chars().take_while(|c| c.is_whitespace()).count())
            .min()
            .unwrap_or(0)
    };
    lines
        .iter()
        .map(|l| if l.trim().is_empty() { l.trim_start().to_string() } else { l.chars().skip(indent).collect() })
        .collect::<Vec<_>>()
        .join("\n")
}

fn strip_margin(s: &str, margin: char) -> String {
    s.split('\n')
        .map(|l| {
            let t = l.trim_start();
            match t.strip_prefix(margin) {
                Some(rest) => rest.to_string(),
                None => l.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn pad(s: &str, n: i64, fill: &str, left: bool) -> String {
    let n = n.min(crate::interp::ops::MAX_ELEMENTS as i64);
    let len = s.chars().count() as i64;
    if n <= len || fill.is_empty() {
        return s.to_string();
    }
    let need = (n - len) as usize;
    let padding: String = fill.chars().cycle().take(need).collect();
    if left {
        padding + s
    } else {
        s.to_string() + &padding
    }
}

fn tokenize(s: &str, delims: Option<&str>) -> Vec<String> {
    let is_delim = |c: char| match delims {
        Some(d) => d.contains(c),
        None => c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u{c}',
    };
    s.split(is_delim).filter(|t| !t.is_empty()).map(str::to_string).collect()
}

pub fn call(interp: &mut Interp, recv: &Value, name: &str, args: &[Value]) -> Eval<Option<Value>> {
    if let Value::Char(c) = recv {
        if let Some(v) = char_method(*c, name, args) {
            return Ok(Some(v));
        }
    }
    // A String receiver is read in place; only GStrings and characters are turned into text first.
    let owned;
    let s: &str = match recv {
        Value::Str(text) => text,
        other => {
            owned = to_string(other);
            &owned
        }
    };
    let chars = || s.chars().collect::<Vec<char>>();
    let a0 = || arg_s(args, 0);
    Ok(Some(match (name, args.len()) {
        ("trim", 0) => Value::str(s.trim_matches(|c: char| c <= ' ')),
        ("strip", 0) => Value::str(s.trim()),
        ("stripLeading", 0) => Value::str(s.trim_start()),
        ("stripTrailing", 0) => Value::str(s.trim_end()),
        ("isBlank", 0) => Value::Bool(s.trim().is_empty()),
        ("isAllWhitespace", 0) => Value::Bool(s.chars().all(char::is_whitespace)),
        ("size" | "length", 0) => Value::Int(s.encode_utf16().count() as i32),
        ("isEmpty", 0) => Value::Bool(s.is_empty()),
        ("toString" | "intern" | "toCharSequence", 0) => Value::str(s),
        ("toUpperCase", 0) => Value::string(s.to_uppercase()),
        ("toLowerCase", 0) => Value::string(s.to_lowercase()),
        ("capitalize", 0) => {
            let mut c = s.chars();
            Value::string(match c.next() {
                Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
                None => String::new(),
            })
        }
        ("uncapitalize", 0) => {
            let mut c = s.chars();
            Value::string(match c.next() {
                Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
                None => String::new(),
            })
        }
        ("reverse", 0) => Value::string(s.chars().rev().collect()),
        ("contains", 1) => Value::Bool(s.contains(&a0())),
        ("startsWith", 1) => Value::Bool(s.starts_with(&a0())),
        ("startsWith", 2) => {
            let from = arg_i(args, 1).max(0) as usize;
            Value::Bool(s.chars().skip(from).collect::<String>().starts_with(&a0()))
        }
        ("endsWith", 1) => Value::Bool(s.ends_with(&a0())),
        ("equalsIgnoreCase", 1) => Value::Bool(args[0].is_string() && s.to_lowercase() == a0().to_lowercase()),
        ("compareTo", 1) => Value::Int(java_compare(s, &a0())),
        ("compareToIgnoreCase", 1) => Value::Int(java_compare(&s.to_lowercase(), &a0().to_lowercase())),
        ("equals", 1) => Value::Bool(match (recv, &args[0]) {
            (Value::Str(_), b) => matches!(b, Value::Str(_)) && s == to_string(b),
            (Value::GString(_), b) => matches!(b, Value::GString(_)) && s == to_string(b),
            _ => false,
        }),
        ("contentEquals", 1) => Value::Bool(s == a0()),
        ("concat", 1) => Value::string(s.to_owned() + &a0()),
        ("hashCode", 0) => Value::Int(crate::interp::value::java_hash(recv)),
        ("indexOf", 1) | ("indexOf", 2) => {
            let from = if args.len() == 2 { arg_i(args, 1).max(0) as usize } else { 0 };
            let cs = chars();
            let needle: Vec<char> = match &args[0] {
                Value::Int(code) => char::from_u32(*code as u32).into_iter().collect(),
                other => to_string(other).chars().collect(),
            };
            Value::Int(find_chars(&cs, &needle, from).map(|i| i as i32).unwrap_or(-1))
        }
        ("lastIndexOf", 1) | ("lastIndexOf", 2) => {
            let cs = chars();
            let needle: Vec<char> = match &args[0] {
                Value::Int(code) => char::from_u32(*code as u32).into_iter().collect(),
                other => to_string(other).chars().collect(),
            };
            let limit = if args.len() == 2 { arg_i(args, 1) } else { i64::MAX };
            let mut found = -1;
            let mut from = 0;
            while let Some(i) = find_chars(&cs, &needle, from) {
                if i as i64 > limit {
                    break;
                }
                found = i as i32;
                from = i + 1;
                if from > cs.len() {
                    break;
                }
            }
            Value::Int(found)
        }
        ("charAt", 1) => {
            let cs = chars();
            let i = arg_i(args, 0);
            match usize::try_from(i).ok().filter(|i| *i < cs.len()) {
                Some(i) => Value::Char(cs[i]),
                None => return Err(sioobe(format!("String index out of range: {i}"))),
            }
        }
        ("substring", 1) => {
            let cs = chars();
            Value::string(substring(&cs, arg_i(args, 0), cs.len() as i64)?)
        }
        ("substring" | "subSequence", 2) => Value::string(substring(&chars(), arg_i(args, 0), arg_i(args, 1))?),
        ("take", 1) => Value::string(s.chars().take(arg_i(args, 0).max(0) as usize).collect()),
        ("drop", 1) => Value::string(s.chars().skip(arg_i(args, 0).max(0) as usize).collect()),
        ("takeWhile" | "dropWhile", 1) => {
            let Some(c) = closure_arg(args, 0) else { return Ok(None) };
            let cs = chars();
            let mut n = 0;
            for ch in &cs {
                if !truthy(&interp.call_closure(&c, vec![Value::string(ch.to_string())])?) {
                    break;
                }
                n += 1;
            }
            Value::string(if name == "takeWhile" { cs[..n].iter().collect() } else { cs[n..].iter().collect() })
        }
        ("padLeft", 1) | ("padLeft", 2) => {
            Value::string(pad(s, arg_i(args, 0), &if args.len() == 2 { arg_s(args, 1) } else { " ".into() }, true))
        }
        ("padRight", 1) | ("padRight", 2) => {
            Value::string(pad(s, arg_i(args, 0), &if args.len() == 2 { arg_s(args, 1) } else { " ".into() }, false))
        }
        ("center", 1) | ("center", 2) => {
            let n = arg_i(args, 0).min(crate::interp::ops::MAX_ELEMENTS as i64);
            let fill = if args.len() == 2 { arg_s(args, 1) } else { " ".into() };
            let len = s.chars().count() as i64;
            if n <= len || fill.is_empty() {
                Value::str(s)
            } else {
                let total = (n - len) as usize;
                let left = total / 2;
                let right = total - left;
                let l: String = fill.chars().cycle().take(left).collect();
                let r: String = fill.chars().cycle().take(right).collect();
                Value::string(l + s + &r)
            }
        }
        ("multiply", 1) => ops::mul(recv, &args[0])?,
        ("plus", 1) => ops::add(&Value::str(s), &args[0])?,
        ("minus", 1) => ops::sub(&Value::str(s), &args[0])?,
        ("next", 0) => ops::step(&Value::str(s), true)?,
        ("previous", 0) => ops::step(&Value::str(s), false)?,
        ("getAt", 1) => get_at(recv, &args[0])?,
        ("count", 1) => {
            let needle = a0();
            if needle.is_empty() {
                Value::Int(s.chars().count() as i32 + 1)
            } else {
                let mut n = 0;
                let mut from = 0;
                while let Some(i) = s[from..].find(&needle) {
                    n += 1;
                    from += i + needle.len().max(1);
                    // overlapping occurrences count, as in Groovy
                    from = from - needle.len() + s[from - needle.len()..].chars().next().map_or(1, char::len_utf8);
                }
                Value::Int(n)
            }
        }
        ("replace", 2) => Value::string(if a0().is_empty() {
            let with = arg_s(args, 1);
            let mut out = with.clone();
            for c in s.chars() {
                out.push(c);
                out.push_str(&with);
            }
            out
        } else {
            s.replace(&a0(), &arg_s(args, 1))
        }),
        ("replaceAll" | "replaceFirst", 2) => {
            let re = super::regex::to_regex(&args[0])?;
            Value::string(super::regex::replace(interp, s, &re, &args[1], name == "replaceFirst")?)
        }
        ("split", 0) => str_array(s.split_whitespace().map(str::to_string).collect()),
        ("split", 1) | ("split", 2) if !matches!(args[0], Value::Closure(_)) => {
            let re = super::regex::to_regex(&args[0])?;
            let limit = if args.len() == 2 { arg_i(args, 1) } else { 0 };
            str_array(super::regex::split(&re, s, limit))
        }
        ("tokenize", 0) => strs(tokenize(s, None)),
        ("tokenize", 1) => strs(tokenize(s, Some(&a0()))),
        ("matches", 1) => Value::Bool(super::regex::full_match(&*super::regex::to_regex(&args[0])?, s)),
        ("find", 1) | ("find", 2) => {
            let re = super::regex::to_regex(&args[0])?;
            let m = super::regex::new_matcher(re, s);
            if m.matches.is_empty() {
                Value::Null
            } else {
                let first = super::regex::match_value(&m, 0);
                match closure_arg(args, 1) {
                    Some(c) => interp.call_closure(&c, vec![first])?,
                    None => match first {
                        Value::List(l) => l.get(0).unwrap_or(Value::Null),
                        v => v,
                    },
                }
            }
        }
        ("findAll", 1) | ("findAll", 2) if !matches!(args[0], Value::Closure(_)) => {
            let re = super::regex::to_regex(&args[0])?;
            let m = super::regex::new_matcher(re, s);
            let mut out = Vec::new();
            for i in 0..m.matches.len() {
                let v = super::regex::match_value(&m, i);
                out.push(match closure_arg(args, 1) {
                    Some(c) => interp.call_closure(&c, vec![v])?,
                    None => match v {
                        Value::List(l) => l.get(0).unwrap_or(Value::Null),
                        v => v,
                    },
                });
            }
            Value::list(out)
        }
        ("eachMatch", 2) => {
            let re = super::regex::to_regex(&args[0])?;
            let m = super::regex::new_matcher(re, s);
            if let Some(c) = closure_arg(args, 1) {
                for i in 0..m.matches.len() {
                    interp.call_closure(&c, vec![super::regex::match_value(&m, i)])?;
                }
            }
            recv.clone()
        }
        ("isNumber" | "isBigDecimal", 0) => Value::Bool(is_number_text(s)),
        ("isDouble" | "isFloat", 0) => {
            let t = s.trim();
            Value::Bool(t.strip_suffix(['d', 'D', 'f', 'F']).unwrap_or(t).parse::<f64>().is_ok())
        }
        ("isInteger", 0) => {
            Value::Bool(is_integer_text(s) && s.trim().parse::<i64>().is_ok_and(|n| i32::try_from(n).is_ok()))
        }
        ("isLong", 0) => Value::Bool(is_integer_text(s) && s.trim().parse::<i64>().is_ok()),
        ("isBigInteger", 0) => Value::Bool(is_integer_text(s)),
        ("toInteger", 0) => {
            let t = s.trim();
            match t.strip_prefix('+').unwrap_or(t).parse::<i32>() {
                Ok(i) => Value::Int(i),
                Err(_) => return Err(number_error(s)),
            }
        }
        ("toLong", 0) => Value::Long(s.trim().parse().map_err(|_| number_error(s))?),
        ("toBigInteger", 0) => Value::bigint(s.trim().parse().map_err(|_| number_error(s))?),
        ("toDouble" | "toFloat", 0) => {
            let f: f64 = s.trim().trim_end_matches(['d', 'D', 'f', 'F']).parse().map_err(|_| number_error(s))?;
            if name == "toFloat" {
                Value::Float(f as f32)
            } else {
                Value::Double(f)
            }
        }
        ("toBigDecimal", 0) => Value::decimal(Decimal::parse(s.trim()).ok_or_else(|| {
            let bad = s.trim().chars().find(|c| !c.is_ascii_digit() && !".eE+-".contains(*c)).unwrap_or('?');
            throw(
                "java.lang.NumberFormatException",
                format!("Character {bad} is neither a decimal digit number, decimal point, nor \"e\" notation exponential mark."),
            )
        })?),
        ("toBoolean", 0) => {
            let t = s.trim().to_lowercase();
            Value::Bool(t == "true" || t == "y" || t == "1")
        }
        ("readLines", 0) | ("lines", 0) => strs(lines(s)),
        ("codePointAt", 1) => {
            let i = arg_i(args, 0);
            match usize::try_from(i).ok().and_then(|i| s.chars().nth(i)) {
                Some(c) => Value::Int(c as i32),
                None => return Err(sioobe(format!("Index {i} out of bounds for length {}", s.chars().count()))),
            }
        }
        ("regionMatches", 4) | ("regionMatches", 5) => {
            // regionMatches([ignoreCase,] offset, other, otherOffset, length)
            let (ignore, rest) = match &args[0] {
                Value::Bool(b) => (*b, &args[1..]),
                _ => (false, args),
            };
            if rest.len() != 4 {
                return Ok(None);
            }
            let (off, other, ooff, len) =
                (arg_i(rest, 0), to_string(&rest[1]), arg_i(rest, 2), arg_i(rest, 3));
            let a: Vec<char> = s.chars().collect();
            let b: Vec<char> = other.chars().collect();
            let ok = off >= 0
                && ooff >= 0
                && (off + len) as usize <= a.len()
                && (ooff + len) as usize <= b.len()
                && (0..len.max(0) as usize).all(|k| {
                    let (x, y) = (a[off as usize + k], b[ooff as usize + k]);
                    x == y || (ignore && x.to_lowercase().eq(y.to_lowercase()))
                });
            Value::Bool(ok)
        }
        ("iterator", 0) => super::object::Iter::value(s.chars().map(|c| Value::string(c.to_string())).collect(), None),
        ("splitEachLine", 2) => {
            let Some(c) = closure_arg(args, 1) else { return Ok(None) };
            let re = super::regex::to_regex(&args[0])?;
            let mut last = Value::Null;
            for line in lines(s) {
                let parts = Value::list(super::regex::split(&re, &line, 0).into_iter().map(Value::string).collect());
                last = interp.call_closure(&c, vec![parts])?;
            }
            last
        }
        ("eachLine", 1) => {
            let Some(c) = closure_arg(args, 0) else { return Ok(None) };
            let mut last = Value::Null;
            for (i, line) in lines(s).into_iter().enumerate() {
                last = if c.param_count() >= 2 {
                    interp.call_closure(&c, vec![Value::string(line), Value::Int(i as i32)])?
                } else {
                    interp.call_closure(&c, vec![Value::string(line)])?
                };
            }
            last
        }
        ("stripIndent", 0) => Value::string(strip_indent(s)),
        ("stripMargin", 0) => Value::string(strip_margin(s, '|')),
        ("stripMargin", 1) => Value::string(strip_margin(s, a0().chars().next().unwrap_or('|'))),
        ("denormalize" | "normalize", 0) => Value::string(s.replace("\r\n", "\n")),
        ("toCharArray" | "getChars" | "chars", 0) => Value::List(crate::interp::value::List::of_kind(
            s.chars().map(Value::Char).collect(),
            crate::interp::value::ListKind::Array(std::sync::Arc::from("char")),
        )),
        ("toList", 0) => strs(s.chars().map(|c| c.to_string()).collect()),
        ("toSet", 0) => Value::Set(Set::of_kind(
            s.chars().map(|c| Value::string(c.to_string())),
            crate::interp::value::SetKind::Hash,
        )),
        ("expand", 0) | ("expand", 1) => {
            let stop = if args.is_empty() { 8 } else { arg_i(args, 0).max(1) as usize };
            let mut out = String::new();
            let mut col = 0;
            for c in s.chars() {
                match c {
                    '\t' => {
                        let n = stop - col % stop;
                        out.push_str(&" ".repeat(n));
                        col += n;
                    }
                    '\n' => {
                        out.push(c);
                        col = 0;
                    }
                    c => {
                        out.push(c);
                        col += 1;
                    }
                }
            }
            Value::string(out)
        }
        ("unexpand", 0) | ("unexpand", 1) => {
            let stop = if args.is_empty() { 8 } else { arg_i(args, 0).max(1) as usize };
            let cs = chars();
            let mut out = String::new();
            for chunk in cs.chunks(stop) {
                let text: String = chunk.iter().collect();
                if chunk.len() == stop && text.ends_with("  ") {
                    out.push_str(text.trim_end_matches(' '));
                    out.push('\t');
                } else {
                    out.push_str(&text);
                }
            }
            Value::string(out)
        }
        ("collectReplacements", 1) => {
            let Some(c) = closure_arg(args, 0) else { return Ok(None) };
            let mut out = String::new();
            for ch in s.chars() {
                let r = interp.call_closure(&c, vec![Value::string(ch.to_string())])?;
                if r.is_null() {
                    out.push(ch);
                } else {
                    out.push_str(&to_string(&r));
                }
            }
            Value::string(out)
        }
        ("getBytes", 1) => Value::List(crate::interp::value::List::of_kind(
            s.bytes().map(|b| Value::Int(b as i8 as i32)).collect(),
            crate::interp::value::ListKind::Array(std::sync::Arc::from("byte")),
        )),
        ("getBytes" | "bytes", 0) => Value::list(s.bytes().map(|b| Value::Int(b as i8 as i32)).collect()),
        ("encodeBase64", 0) => Value::string(base64::engine::general_purpose::STANDARD.encode(s.as_bytes())),
        ("decodeBase64", 0) => {
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(s.trim())
                .map_err(|e| throw("java.lang.IllegalArgumentException", e.to_string()))?;
            Value::list(bytes.into_iter().map(|b| Value::Int(b as i8 as i32)).collect())
        }
        ("repeat", 1) => {
            let n = arg_i(args, 0).max(0) as usize;
            crate::interp::ops::too_big(s.len().saturating_mul(n))?;
            Value::string(s.repeat(n))
        }
        ("format", n) if n >= 1 => Value::string(super::format::sprintf(args)?),
        (
            "each" | "eachWithIndex" | "collect" | "findAll" | "find" | "any" | "every" | "inject" | "count" | "join"
            | "sort" | "unique" | "groupBy" | "countBy" | "findIndexOf" | "collectEntries",
            _,
        ) => {
            let list = Value::list(s.chars().map(|c| Value::string(c.to_string())).collect());
            let r = super::list::call(interp, &list, name, args)?;
            if name == "each" || name == "eachWithIndex" {
                return Ok(Some(recv.clone()));
            }
            return Ok(r);
        }
        ("asBoolean", 0) => Value::Bool(!s.is_empty()),
        ("tr", 2) => {
            let from: Vec<char> = a0().chars().collect();
            let to: Vec<char> = arg_s(args, 1).chars().collect();
            Value::string(
                s.chars()
                    .map(|c| match from.iter().position(|f| *f == c) {
                        Some(i) => *to.get(i).or(to.last()).unwrap_or(&c),
                        None => c,
                    })
                    .collect(),
            )
        }
        _ => return Ok(None),
    }))
}

fn lines(s: &str) -> Vec<String> {
    let mut out: Vec<String> = s.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l).to_string()).collect();
    if out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    out
}

fn java_compare(a: &str, b: &str) -> i32 {
    let (x, y): (Vec<u16>, Vec<u16>) = (a.encode_utf16().collect(), b.encode_utf16().collect());
    for (p, q) in x.iter().zip(y.iter()) {
        if p != q {
            return *p as i32 - *q as i32;
        }
    }
    x.len() as i32 - y.len() as i32
}

fn find_chars(hay: &[char], needle: &[char], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return Some(from.min(hay.len()));
    }
    if needle.len() > hay.len() {
        return None;
    }
    (from..=hay.len() - needle.len()).find(|&i| hay[i..i + needle.len()] == *needle)
}

fn char_method(c: char, name: &str, args: &[Value]) -> Option<Value> {
    let _ = args;
    Some(match name {
        "isDigit" => Value::Bool(c.is_ascii_digit()),
        "isLetter" => Value::Bool(c.is_alphabetic()),
        "isLetterOrDigit" => Value::Bool(c.is_alphanumeric()),
        "isWhitespace" => Value::Bool(c.is_whitespace()),
        "isUpperCase" => Value::Bool(c.is_uppercase()),
        "isLowerCase" => Value::Bool(c.is_lowercase()),
        "toUpperCase" => Value::Char(c.to_uppercase().next().unwrap_or(c)),
        "toLowerCase" => Value::Char(c.to_lowercase().next().unwrap_or(c)),
        "charValue" => Value::Char(c),
        "compareTo" => {
            Value::Int(c as i32 - args.first().map(to_string).and_then(|s| s.chars().next()).map_or(0, |d| d as i32))
        }
        _ => return None,
    })
}
