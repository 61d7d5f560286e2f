//! Regular expressions with Java's meaning: `~/p/` patterns, `=~` matchers (Groovy's indexing, truth
//! and iteration over them), `==~`, Java replacement strings (`$1`, `${name}`) and `String.split`.

use std::sync::Arc;

use fancy_regex::Regex;
use parking_lot::Mutex;

use crate::interp::error::{throw, Eval};
use crate::interp::ops::to_i64;
use crate::interp::text::to_string;
use crate::interp::value::{Matcher, Value};
use crate::interp::Interp;

/// Compiles a Java regular expression (translating the few constructs the Rust engine spells
/// differently).
pub fn compile(pattern: &str) -> Eval<Regex> {
    if let Some(at) = illegal_repetition(pattern) {
        return Err(throw(
            "java.util.regex.PatternSyntaxException",
            format!("Illegal repetition near index {at}\n{pattern}\n{}^", " ".repeat(at)),
        ));
    }
    let translated = translate(pattern);
    Regex::new(&translated)
        .map_err(|e| throw("java.util.regex.PatternSyntaxException", format!("{e} near index 0\n{pattern}")))
}

/// Where Java refuses a `{` that does not start a `{n}`, `{n,}` or `{n,m}` quantifier (outside character
/// classes, escapes and `\Q...\E`); the Rust engine would take it literally.
fn illegal_repetition(p: &str) -> Option<usize> {
    let b = p.as_bytes();
    let mut i = 0;
    let mut class_depth = 0;
    while i < b.len() {
        match b[i] {
            b'\\' if b.get(i + 1) == Some(&b'Q') => match p[i + 2..].find("\\E") {
                Some(j) => i += 2 + j + 2,
                None => return None,
            },
            b'\\' => i += 2,
            b'[' => {
                class_depth += 1;
                i += 1;
            }
            b']' if class_depth > 0 => {
                class_depth -= 1;
                i += 1;
            }
            b'{' if class_depth == 0 => {
                let rest = &p[i + 1..];
                let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
                let after = &rest[digits..];
                let more = after.strip_prefix(',').map(|a| &a[a.bytes().take_while(u8::is_ascii_digit).count()..]);
                let closes = match more {
                    Some(a) => a.starts_with('}'),
                    None => after.starts_with('}'),
                };
                if digits == 0 || !closes {
                    return Some(i);
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    None
}

fn translate(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    let mut rest = p;
    while let Some(i) = rest.find("\\Q") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let (quoted, tail) = match after.find("\\E") {
            Some(j) => (&after[..j], &after[j + 2..]),
            None => (after, ""),
        };
        out.push_str(&fancy_regex::escape(quoted));
        rest = tail;
    }
    out.push_str(rest);
    out
}

pub fn to_regex(v: &Value) -> Eval<Arc<Regex>> {
    match v {
        Value::Pattern(p) => Ok(p.clone()),
        other => Ok(Arc::new(compile(&to_string(other))?)),
    }
}

/// `s ==~ p`: the whole string matches.
pub fn full_match(re: &Regex, s: &str) -> bool {
    let anchored = format!("^(?:{})$", re.as_str());
    match Regex::new(&anchored) {
        Ok(r) => r.is_match(s).unwrap_or(false),
        Err(_) => false,
    }
}

fn all_matches(re: &Regex, s: &str) -> Vec<Vec<Option<(usize, usize)>>> {
    let mut out = Vec::new();
    for caps in re.captures_iter(s) {
        let Ok(caps) = caps else { break };
        out.push((0..caps.len()).map(|i| caps.get(i).map(|m| (m.start(), m.end()))).collect());
    }
    out
}

pub fn new_matcher(re: Arc<Regex>, input: &str) -> Matcher {
    let matches = all_matches(&re, input);
    Matcher { regex: re, input: Arc::from(input), matches, cursor: None, next: 0, whole: None }
}

/// `a =~ b`.
pub fn find_op(a: &Value, b: &Value) -> Eval {
    let re = to_regex(b)?;
    let s = to_string(a);
    Ok(Value::Matcher(Arc::new(Mutex::new(new_matcher(re, &s)))))
}

/// `find()`: moves to the next match.
pub fn matcher_find(m: &mut Matcher) -> bool {
    if m.next < m.matches.len() {
        m.cursor = Some(m.next);
        m.next += 1;
        true
    } else {
        m.cursor = None;
        false
    }
}

fn group_count(m: &Matcher) -> usize {
    m.regex.captures_len().saturating_sub(1)
}

fn text_of(m: &Matcher, span: Option<(usize, usize)>) -> Value {
    match span {
        Some((a, b)) => Value::str(&m.input[a..b]),
        None => Value::Null,
    }
}

/// The i-th match as Groovy shows it: the matched text, or a list of the text and its groups.
pub fn match_value(m: &Matcher, i: usize) -> Value {
    let groups = &m.matches[i];
    if group_count(m) == 0 {
        text_of(m, groups[0])
    } else {
        Value::list(groups.iter().map(|g| text_of(m, *g)).collect())
    }
}

pub fn matcher_get_at(m: &mut Matcher, idx: &Value) -> Eval {
    let count = m.matches.len();
    let Some(i) = to_i64(idx) else {
        return Err(throw("java.lang.IllegalArgumentException", "Matcher index must be a number"));
    };
    let j = if i < 0 { count as i64 + i } else { i };
    m.cursor = None;
    m.next = count;
    if j < 0 || j >= count as i64 {
        return Err(throw(
            "java.lang.IndexOutOfBoundsException",
            format!("index is out of range {}..{} (index = {i})", -(count as i64), count as i64 - 1),
        ));
    }
    m.cursor = Some(j as usize);
    m.next = j as usize + 1;
    Ok(match_value(m, j as usize))
}

/// Java's `Matcher.appendReplacement` rules for `$n`, `${name}` and `\x`.
pub fn expand(re: &Regex, groups: &[Option<(usize, usize)>], input: &str, rep: &str) -> Eval<String> {
    let mut out = String::new();
    let chars: Vec<char> = rep.chars().collect();
    let count = groups.len() - 1;
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' => {
                i += 1;
                match chars.get(i) {
                    Some(c) => out.push(*c),
                    None => {
                        return Err(throw("java.lang.IllegalArgumentException", "character to be escaped is missing"))
                    }
                }
                i += 1;
            }
            '$' => {
                i += 1;
                let group = if chars.get(i) == Some(&'{') {
                    let end = chars[i..].iter().position(|c| *c == '}').map(|p| p + i);
                    let Some(end) = end else {
                        return Err(throw(
                            "java.lang.IllegalArgumentException",
                            "named capturing group is missing trailing '}'",
                        ));
                    };
                    let name: String = chars[i + 1..end].iter().collect();
                    i = end + 1;
                    let idx = re.capture_names().position(|n| n == Some(name.as_str()));
                    match idx {
                        Some(idx) => idx,
                        None => {
                            return Err(throw(
                                "java.lang.IllegalArgumentException",
                                format!("No group with name {{{name}}}"),
                            ))
                        }
                    }
                } else {
                    let Some(d) = chars.get(i).and_then(|c| c.to_digit(10)) else {
                        return Err(throw("java.lang.IllegalArgumentException", "Illegal group reference"));
                    };
                    let mut n = d as usize;
                    i += 1;
                    if n > count {
                        return Err(throw("java.lang.IndexOutOfBoundsException", format!("No group {n}")));
                    }
                    while let Some(d) = chars.get(i).and_then(|c| c.to_digit(10)) {
                        let next = n * 10 + d as usize;
                        if next > count {
                            break;
                        }
                        n = next;
                        i += 1;
                    }
                    n
                };
                if let Some(Some((a, b))) = groups.get(group) {
                    out.push_str(&input[*a..*b]);
                }
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    Ok(out)
}

/// `replaceAll`/`replaceFirst` with a replacement string or a closure.
pub fn replace(interp: &mut Interp, s: &str, re: &Regex, with: &Value, first_only: bool) -> Eval<String> {
    let matches = all_matches(re, s);
    let mut out = String::new();
    let mut last = 0;
    for groups in matches.iter().take(if first_only { 1 } else { usize::MAX }) {
        let Some((a, b)) = groups[0] else { continue };
        out.push_str(&s[last..a]);
        match with {
            Value::Closure(c) => {
                let arg = if groups.len() > 1 {
                    Value::list(
                        groups.iter().map(|g| g.map(|(x, y)| Value::str(&s[x..y])).unwrap_or(Value::Null)).collect(),
                    )
                } else {
                    Value::str(&s[a..b])
                };
                let r = interp.call_closure(c, vec![arg])?;
                out.push_str(&to_string(&r));
            }
            other => out.push_str(&expand(re, groups, s, &to_string(other))?),
        }
        last = b;
    }
    out.push_str(&s[last..]);
    Ok(out)
}

/// Java's `String.split(regex, limit)`: trailing empty strings dropped when `limit` is 0, no empty
/// leading string for a zero-width match at the start.
pub fn split(re: &Regex, s: &str, limit: i64) -> Vec<String> {
    let mut parts = Vec::new();
    let mut last = 0;
    for m in re.find_iter(s) {
        let Ok(m) = m else { break };
        if limit > 0 && parts.len() as i64 == limit - 1 {
            break;
        }
        if m.end() == 0 {
            continue;
        }
        if m.start() == m.end() && m.start() >= s.len() {
            break;
        }
        parts.push(s[last..m.start()].to_string());
        last = m.end();
    }
    parts.push(s[last..].to_string());
    if limit == 0 {
        while parts.len() > 1 && parts.last().is_some_and(|p| p.is_empty()) {
            parts.pop();
        }
        if parts.len() == 1 && parts[0].is_empty() && !s.is_empty() {
            parts.clear();
        }
    }
    parts
}

/// Methods of Matcher and Pattern values.
pub fn call(interp: &mut Interp, recv: &Value, name: &str, args: &[Value]) -> Eval<Option<Value>> {
    match recv {
        Value::Pattern(p) => Ok(Some(match name {
            "matcher" => Value::Matcher(Arc::new(Mutex::new(new_matcher(
                p.clone(),
                &args.first().map(to_string).unwrap_or_default(),
            )))),
            "pattern" | "toString" => Value::str(p.as_str()),
            "split" => Value::list(
                split(p, &args.first().map(to_string).unwrap_or_default(), 0).into_iter().map(Value::string).collect(),
            ),
            "isCase" => Value::Bool(args.first().is_some_and(|a| !a.is_null() && full_match(p, &to_string(a)))),
            _ => return Ok(None),
        })),
        Value::Matcher(m) => {
            let mref = m.clone();
            let mut m = m.lock();
            Ok(Some(match name {
                "find" => {
                    if let Some(start) = args.first().and_then(to_i64) {
                        m.next = m
                            .matches
                            .iter()
                            .position(|g| g[0].is_some_and(|(a, _)| a >= start as usize))
                            .unwrap_or(m.matches.len());
                    }
                    Value::Bool(matcher_find(&mut m))
                }
                "matches" => {
                    let whole = full_match(&m.regex, &m.input);
                    m.whole = Some(whole);
                    if whole {
                        let anchored = Regex::new(&format!("^(?:{})$", m.regex.as_str())).ok();
                        if let Some(r) = anchored {
                            let groups = all_matches(&r, &m.input);
                            if let Some(g) = groups.into_iter().next() {
                                m.matches = vec![g];
                                m.cursor = Some(0);
                                m.next = 1;
                            }
                        }
                    }
                    Value::Bool(whole)
                }
                "lookingAt" => Value::Bool(m.matches.first().is_some_and(|g| g[0].is_some_and(|(a, _)| a == 0))),
                "group" => {
                    let Some(cur) = m.cursor else {
                        return Err(throw("java.lang.IllegalStateException", "No match found"));
                    };
                    let idx = match args.first() {
                        None => 0,
                        Some(Value::Str(n)) => match m.regex.capture_names().position(|x| x == Some(&**n)) {
                            Some(i) => i,
                            None => {
                                return Err(throw(
                                    "java.lang.IllegalArgumentException",
                                    format!("No group with name <{n}>"),
                                ))
                            }
                        },
                        Some(v) => to_i64(v).unwrap_or(0) as usize,
                    };
                    if idx > group_count(&m) {
                        return Err(throw("java.lang.IndexOutOfBoundsException", format!("No group {idx}")));
                    }
                    let span = m.matches[cur][idx];
                    text_of(&m, span)
                }
                "groupCount" => Value::Int(group_count(&m) as i32),
                "hasGroup" => Value::Bool(group_count(&m) > 0),
                "start" | "end" => {
                    let Some(cur) = m.cursor else {
                        return Err(throw("java.lang.IllegalStateException", "No match available"));
                    };
                    let idx = args.first().and_then(to_i64).unwrap_or(0) as usize;
                    let (a, b) = m.matches[cur].get(idx).copied().flatten().unwrap_or((0, 0));
                    let byte = if name == "start" { a } else { b };
                    Value::Int(m.input[..byte].chars().count() as i32)
                }
                "size" | "getCount" => {
                    m.next = m.matches.len();
                    m.cursor = None;
                    Value::Int(m.matches.len() as i32)
                }
                "reset" => {
                    m.cursor = None;
                    m.next = 0;
                    drop(m);
                    Value::Matcher(mref)
                }
                "getAt" => matcher_get_at(&mut m, args.first().unwrap_or(&Value::Null))?,
                "replaceAll" | "replaceFirst" => {
                    let (re, input) = (m.regex.clone(), m.input.clone());
                    drop(m);
                    Value::string(replace(
                        interp,
                        &input,
                        &re,
                        args.first().unwrap_or(&Value::Null),
                        name == "replaceFirst",
                    )?)
                }
                "asBoolean" => Value::Bool(matcher_find(&mut m)),
                "each" | "collect" | "findAll" | "toList" | "iterator" => {
                    let items: Vec<Value> = (0..m.matches.len()).map(|i| match_value(&m, i)).collect();
                    drop(m);
                    let list = Value::list(items);
                    if name == "toList" || name == "iterator" {
                        return Ok(Some(list));
                    }
                    return super::list::call(interp, &list, name, args)
                        .map(|v| v.map(|r| if name == "each" { Value::Matcher(mref.clone()) } else { r }));
                }
                _ => return Ok(None),
            }))
        }
        _ => Ok(None),
    }
}
