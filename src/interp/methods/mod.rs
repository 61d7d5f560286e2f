//! The GDK and JDK methods Groovy code calls on values, grouped by receiver type, and the property and
//! index access (`a.b`, `a[i]`) that go with them. `call` is the one entry point: it picks the group by the
//! receiver's type and falls back to the methods every object has.
//!
//! Not for: evaluation of the syntax tree (`eval.rs`).

pub mod convert;
pub mod format;
pub mod json;
pub(crate) mod list;
mod map;
mod number;
pub(crate) mod object;
pub mod regex;
pub mod statics;
mod string;

pub use list::default_order;

use std::sync::Arc;

use super::error::{npe, throw, Eval};
use super::eval::missing_method;
use super::ops;
use super::text::to_string;
use super::value::{Closure, Key, Value};
use super::Interp;

/// Calls `recv.name(args)`.
pub fn call(interp: &mut Interp, recv: Value, name: &str, args: Vec<Value>) -> Eval {
    let found = match &recv {
        Value::Null => {
            return match name {
                "toString" => Ok(Value::str("null")),
                "equals" => Ok(Value::Bool(args.first().is_some_and(|a| a.is_null()))),
                "is" => Ok(Value::Bool(args.first().is_some_and(|a| a.is_null()))),
                "inspect" => Ok(Value::str("null")),
                "asBoolean" => Ok(Value::Bool(false)),
                _ => Err(npe(format!("Cannot invoke method {name}() on null object"))),
            }
        }
        Value::Str(_) | Value::GString(_) | Value::Char(_) => string::call(interp, &recv, name, &args)?,
        Value::List(_) | Value::Set(_) | Value::Range(_) => list::call(interp, &recv, name, &args)?,
        Value::Map(_) => map::call(interp, &recv, name, &args)?,
        Value::Int(_) | Value::Long(_) | Value::BigInt(_) | Value::Decimal(_) | Value::Float(_) | Value::Double(_) => {
            number::call(interp, &recv, name, &args)?
        }
        Value::Matcher(_) | Value::Pattern(_) => regex::call(interp, &recv, name, &args)?,
        Value::Class(c) => {
            let c = c.clone();
            statics::call(interp, &c, name, &args)?
        }
        Value::Closure(c) => closure_method(interp, c, name, &args)?,
        Value::Object(o) if o.loaded_script().is_some() => {
            let target = o.loaded_script().expect("checked");
            return interp.call_in_script(target, name, args);
        }
        Value::Object(o) => match o.call_method(name, &args) {
            // StringBuilder's mutators return the builder itself.
            Some(Ok(Value::Null))
                if matches!(o.class_name(), "java.lang.StringBuilder" | "java.lang.StringBuffer")
                    && matches!(name, "append" | "leftShift" | "insert" | "reverse") =>
            {
                Some(recv.clone())
            }
            Some(Ok(v)) => Some(v),
            Some(Err(e)) => return Err(e),
            // An iterator answers the GDK's iteration methods over what it has left.
            None if o.class_name().ends_with("$Itr") => match o.call_method("toList", &[]) {
                Some(Ok(rest)) => list::call(interp, &rest, name, &args)?,
                _ => None,
            },
            None => None,
        },
        _ => None,
    };
    if let Some(v) = found {
        return Ok(v);
    }
    if let Some(v) = object::call(interp, &recv, name, &args)? {
        return Ok(v);
    }
    // A map entry or property holding a closure can be called like a method.
    if let Value::Map(m) = &recv {
        if let Some(Value::Closure(c)) = m.get_str(name) {
            return interp.call_closure(&c, args);
        }
    }
    // A static call names the class itself, not java.lang.Class.
    let class = match &recv {
        Value::Class(c) => c.to_string(),
        other => other.class_name(),
    };
    Err(missing_method(&class, name, &args))
}

fn closure_method(interp: &mut Interp, c: &Arc<Closure>, name: &str, args: &[Value]) -> Eval<Option<Value>> {
    let derived = |curried: Vec<Value>, rcurried: Vec<Value>| {
        let copy = Closure::with_args(c.kind_copy(), curried, rcurried);
        *copy.delegate.lock() = c.delegate.lock().clone();
        copy.strategy
            .store(c.strategy.load(std::sync::atomic::Ordering::Relaxed), std::sync::atomic::Ordering::Relaxed);
        Value::Closure(Arc::new(copy))
    };
    Ok(Some(match name {
        "call" | "doCall" => interp.call_closure(c, args.to_vec())?,
        "curry" => {
            let mut curried = c.curried.clone();
            curried.extend(args.iter().cloned());
            derived(curried, c.rcurried.clone())
        }
        "rcurry" => {
            let mut rcurried = args.to_vec();
            rcurried.extend(c.rcurried.iter().cloned());
            derived(c.curried.clone(), rcurried)
        }
        "rightShift" | "leftShift" => {
            let Some(Value::Closure(other)) = args.first() else { return Ok(None) };
            let (first, second) =
                if name == "rightShift" { (c.clone(), other.clone()) } else { (other.clone(), c.clone()) };
            Value::Closure(Arc::new(Closure::new(super::value::ClosureKind::Composed(first, second))))
        }
        "ncurry" => {
            let at = args.first().and_then(ops::to_i64).unwrap_or(0).max(0) as usize;
            // Bind the rest of the arguments from position `at` on, by wrapping the closure.
            return Ok(Some(Value::Closure(Arc::new(Closure::with_args(
                super::value::ClosureKind::MethodRef { receiver: Value::Closure(c.clone()), name: Arc::from("ncall") },
                vec![Value::Int(at as i32), Value::list(args[1..].to_vec())],
                Vec::new(),
            )))));
        }
        "ncall" => {
            // The target of an `ncurry`: insert the bound values at their position.
            let at = args.first().and_then(ops::to_i64).unwrap_or(0) as usize;
            let bound = args.get(1).map(ops::iter_values).unwrap_or_default();
            let mut rest = args[2.min(args.len())..].to_vec();
            let at = at.min(rest.len());
            rest.splice(at..at, bound);
            interp.call_closure(c, rest)?
        }
        "getMaximumNumberOfParameters" => Value::Int(c.param_count() as i32),
        "memoize" | "memoizeAtMost" | "memoizeAtLeast" | "memoizeBetween" => {
            let mut copy = Closure::with_args(c.kind_copy(), c.curried.clone(), c.rcurried.clone());
            copy.memo = Some(parking_lot::Mutex::new(indexmap::IndexMap::new()));
            Value::Closure(Arc::new(copy))
        }
        "clone" | "dehydrate" | "rehydrate" | "asWritable" => derived(c.curried.clone(), c.rcurried.clone()),
        "trampoline" if args.is_empty() => Value::Closure(c.clone()),
        "trampoline" => interp.call_closure(c, args.to_vec())?,
        "setDelegate" => {
            *c.delegate.lock() = args.first().cloned();
            Value::Null
        }
        "getDelegate" => c.delegate.lock().clone().unwrap_or_else(|| interp.this()),
        "setResolveStrategy" => {
            c.strategy
                .store(args.first().and_then(ops::to_i64).unwrap_or(0) as u8, std::sync::atomic::Ordering::Relaxed);
            Value::Null
        }
        "getResolveStrategy" => Value::Int(c.strategy.load(std::sync::atomic::Ordering::Relaxed) as i32),
        "getOwner" | "getThisObject" => interp.this(),
        _ => return Ok(None),
    }))
}

/// `recv.name` (no call).
pub fn get_property(interp: &mut Interp, recv: Value, name: &str) -> Eval {
    match &recv {
        Value::Null => return Err(npe(format!("Cannot get property '{name}' on null object"))),
        Value::Map(m) => return map_get(interp, m, Value::str(name)),
        Value::Object(o) => {
            if let Some(v) = o.get_property(name) {
                return Ok(v);
            }
        }
        Value::GString(g) => match name {
            "strings" => {
                return Ok(Value::List(super::value::List::of_kind(
                    g.strings(),
                    super::value::ListKind::Array(Arc::from("String")),
                )))
            }
            "values" => {
                return Ok(Value::List(super::value::List::of_kind(
                    g.values(),
                    super::value::ListKind::Array(Arc::from("Object")),
                )))
            }
            "valueCount" => return Ok(Value::Int(g.values().len() as i32)),
            _ => {}
        },
        Value::Entry(e) => match name {
            "key" => return Ok(e.0.clone()),
            "value" => return Ok(e.1.clone()),
            _ => {}
        },
        Value::Exception(t) => match name {
            "message" | "localizedMessage" => return Ok(t.java_message().map(Value::str).unwrap_or(Value::Null)),
            "causes" if t.signal == crate::interp::Signal::Aborted => return Ok(t.causes()),
            "cause" => return Ok(t.cause.clone().map(Value::Exception).unwrap_or(Value::Null)),
            "stackTrace" => return Ok(Value::list(Vec::new())),
            other => {
                if let Some(v) = t.prop(other) {
                    return Ok(v.clone());
                }
            }
        },
        Value::Class(c) => {
            let c = c.clone();
            if let Some(v) = statics::property(&c, name) {
                return Ok(v);
            }
        }
        Value::Closure(c) => match name {
            "delegate" => return Ok(c.delegate.lock().clone().unwrap_or_else(|| interp.this())),
            "resolveStrategy" => return Ok(Value::Int(c.strategy.load(std::sync::atomic::Ordering::Relaxed) as i32)),
            "maximumNumberOfParameters" => return Ok(Value::Int(c.param_count() as i32)),
            "owner" | "thisObject" => return Ok(interp.this()),
            "parameterTypes" => {
                return Ok(Value::list(vec![Value::Class(Arc::from("java.lang.Object")); c.param_count()]))
            }
            _ => {}
        },
        _ => {}
    }
    if name == "class" {
        return Ok(Value::Class(Arc::from(recv.class_name().as_str())));
    }
    if let Value::List(l) = &recv {
        if l.is_array() && name == "length" {
            return Ok(Value::Int(l.len() as i32));
        }
    }
    // List-like receivers spread a property they lack over their elements.
    if matches!(recv, Value::List(_) | Value::Set(_) | Value::Range(_)) {
        match name {
            "empty" => return Ok(Value::Bool(ops::iter_values(&recv).is_empty())),
            "first" | "last" if false => {}
            _ => {
                if let Value::Range(r) = &recv {
                    if let Some(v) = range_property(r, name) {
                        return Ok(v);
                    }
                }
                let mut out = Vec::new();
                for item in ops::iter_values(&recv) {
                    out.push(if item.is_null() { Value::Null } else { get_property(interp, item, name)? });
                }
                return Ok(Value::list(out));
            }
        }
    }
    // JavaBean getters: `x.foo` is `x.getFoo()` or `x.isFoo()`.
    let cap = {
        let mut c = name.chars();
        match c.next() {
            Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
            None => String::new(),
        }
    };
    for getter in [format!("get{cap}"), format!("is{cap}")] {
        match call(interp, recv.clone(), &getter, Vec::new()) {
            Ok(v) => return Ok(v),
            Err(super::error::Flow::Throw(t)) if t.class.as_ref() == "groovy.lang.MissingMethodException" => {}
            Err(e) => return Err(e),
        }
    }
    Err(super::eval::missing_property(&recv.class_name(), name))
}

fn range_property(r: &super::value::Range, name: &str) -> Option<Value> {
    use super::value::Range;
    Some(match (r, name) {
        (Range::Int { from, long, .. }, "from") => int_or_long(*from, *long),
        (Range::Int { to, long, .. }, "to") => int_or_long(*to, *long),
        (Range::Int { reverse, .. }, "reverse") => Value::Bool(*reverse),
        (Range::Obj { from, .. }, "from") => from.clone(),
        (Range::Obj { to, .. }, "to") => to.clone(),
        _ => return None,
    })
}

fn int_or_long(v: i64, long: bool) -> Value {
    if long {
        Value::Long(v)
    } else {
        Value::Int(v as i32)
    }
}

/// `recv.name = v`.
pub fn set_property(_interp: &mut Interp, recv: Value, name: &str, v: Value) -> Eval<()> {
    match &recv {
        Value::Map(m) => {
            if m.with_mut(|e| e.insert(Key::str(name), v)).is_none() {
                return Err(crate::interp::error::bare("java.lang.UnsupportedOperationException"));
            }
            Ok(())
        }
        Value::Closure(c) if name == "delegate" => {
            *c.delegate.lock() = Some(v);
            Ok(())
        }
        Value::Closure(c) if name == "resolveStrategy" => {
            c.strategy.store(ops::to_i64(&v).unwrap_or(0) as u8, std::sync::atomic::Ordering::Relaxed);
            Ok(())
        }
        Value::Object(o) => {
            if o.set_property(name, v) {
                Ok(())
            } else {
                Err(throw(
                    "groovy.lang.ReadOnlyPropertyException",
                    format!("Cannot set readonly property: {name} for class: {}", o.class_name()),
                ))
            }
        }
        Value::List(_) | Value::Set(_) => {
            for item in ops::iter_values(&recv) {
                set_property(_interp, item, name, v.clone())?;
            }
            Ok(())
        }
        _ => Err(throw(
            "groovy.lang.MissingPropertyException",
            format!("No such property: {name} for class: {}", recv.class_name()),
        )),
    }
}

/// Normalises a possibly negative index against `len`; None when out of range.
pub fn norm_index(i: i64, len: usize) -> Option<usize> {
    let idx = if i < 0 { len as i64 + i } else { i };
    if idx < 0 || idx >= len as i64 {
        None
    } else {
        Some(idx as usize)
    }
}

/// The indices a range (or list of indices) selects, with Groovy's rules for negative ends and reversed
/// ranges; None when out of range.
pub fn range_indices(idx: &Value, len: usize) -> Eval<Option<Vec<usize>>> {
    use super::value::Range;
    if let Value::Range(r) = idx {
        if let Range::Int { from, to, reverse, .. } = r.as_ref() {
            let fix = |i: i64| if i < 0 { i + len as i64 } else { i };
            let (a, b) = if *reverse { (fix(*to), fix(*from)) } else { (fix(*from), fix(*to)) };
            if from > to && !*reverse {
                // An empty exclusive range like 1..<1.
                return Ok(Some(Vec::new()));
            }
            let (lo, hi) = (a.min(b), a.max(b));
            if lo < 0 || hi >= len as i64 {
                if lo == len as i64 && hi < lo {
                    return Ok(Some(Vec::new()));
                }
                return Ok(None);
            }
            let mut v: Vec<usize> = (lo as usize..=hi as usize).collect();
            if a > b {
                v.reverse();
            }
            return Ok(Some(v));
        }
    }
    let mut out = Vec::new();
    for i in ops::iter_values(idx) {
        match i {
            Value::Range(_) => match range_indices(&i, len)? {
                Some(v) => out.extend(v),
                None => return Ok(None),
            },
            other => match ops::to_i64(&other).and_then(|i| norm_index(i, len)) {
                Some(i) => out.push(i),
                None => return Ok(None),
            },
        }
    }
    Ok(Some(out))
}

/// `recv[idx]`.
pub fn get_at(interp: &mut Interp, recv: Value, idx: Value) -> Eval {
    match &recv {
        Value::Null => Err(npe("Cannot invoke method getAt() on null object")),
        Value::Map(m) => map_get(interp, m, string_key(idx)),
        Value::List(_) | Value::Set(_) | Value::Range(_) => list::get_at(&recv, &idx),
        Value::Str(_) | Value::GString(_) => string::get_at(&recv, &idx),
        Value::Matcher(m) => regex::matcher_get_at(&mut m.lock(), &idx),
        Value::Object(o) => Ok(o.get_property(&to_string(&idx)).unwrap_or(Value::Null)),
        Value::Entry(_) | Value::Exception(_) => get_property(interp, recv.clone(), &to_string(&idx)),
        _ => call(interp, recv, "getAt", vec![idx]),
    }
}

/// `map[key]`: the value, or what a `withDefault` closure makes of a missing key (then stored).
pub fn map_get(interp: &mut Interp, m: &super::value::Map, key: Value) -> Eval {
    if let Some(v) = m.get(&key) {
        return Ok(v);
    }
    match m.default_closure() {
        Some(Value::Closure(c)) => {
            let c = c.clone();
            let v = interp.call_closure(&c, vec![key.clone()])?;
            m.with_mut(|e| e.insert(Key(key), v.clone()));
            Ok(v)
        }
        _ => Ok(Value::Null),
    }
}

/// A GString used as `map[key]` is turned into a String, as Groovy's subscript operator does.
fn string_key(v: Value) -> Value {
    match v {
        Value::GString(_) => Value::string(to_string(&v)),
        other => other,
    }
}

/// `recv[idx] = v`.
pub fn put_at(interp: &mut Interp, recv: Value, idx: Value, v: Value) -> Eval<()> {
    match &recv {
        Value::Null => Err(npe("Cannot invoke method putAt() on null object")),
        Value::Map(m) => {
            if m.with_mut(|e| e.insert(Key(string_key(idx)), v)).is_none() {
                return Err(crate::interp::error::bare("java.lang.UnsupportedOperationException"));
            }
            Ok(())
        }
        Value::List(l) => {
            if let Value::Range(_) = &idx {
                let len = l.len();
                let Some(ix) = range_indices(
                    &idx,
                    len.max(ops::iter_values(&idx).iter().filter_map(ops::to_i64).max().unwrap_or(0) as usize + 1),
                )?
                else {
                    return Err(throw(
                        "java.lang.IndexOutOfBoundsException",
                        format!("Index: {}, Size: {len}", to_string(&idx)),
                    ));
                };
                let (lo, hi) = (ix.iter().min().copied().unwrap_or(0), ix.iter().max().copied().unwrap_or(0));
                let repl = match &v {
                    Value::List(_) | Value::Set(_) | Value::Range(_) => ops::iter_values(&v),
                    other => vec![other.clone()],
                };
                return l
                    .with_mut(|items| {
                        if items.len() < lo {
                            items.resize(lo, Value::Null);
                        }
                        let end = (hi + 1).min(items.len());
                        items.splice(lo..end, repl);
                    })
                    .ok_or_else(|| crate::interp::error::bare("java.lang.UnsupportedOperationException"));
            }
            let Some(i) = ops::to_i64(&idx) else {
                return Err(missing_method(&recv.class_name(), "putAt", &[idx, v]));
            };
            let len = l.len();
            let i = if i < 0 { len as i64 + i } else { i };
            if i < 0 {
                return Err(throw(
                    "java.lang.ArrayIndexOutOfBoundsException",
                    format!("Negative array index [{}] too large for array size {len}", i - len as i64),
                ));
            }
            let done = l.with_mut(|items| {
                let i = i as usize;
                if i >= items.len() {
                    items.resize(i + 1, Value::Null);
                }
                items[i] = v;
            });
            if done.is_none() {
                return Err(crate::interp::error::bare("java.lang.UnsupportedOperationException"));
            }
            Ok(())
        }
        Value::Object(o) => {
            o.set_property(&to_string(&idx), v);
            Ok(())
        }
        _ => {
            let _ = interp;
            Err(missing_method(&recv.class_name(), "putAt", &[idx, v]))
        }
    }
}

/// The closure argument at `i`, or a MissingMethodException naming the method.
pub fn closure_arg(args: &[Value], i: usize) -> Option<Arc<Closure>> {
    match args.get(i) {
        Some(Value::Closure(c)) => Some(c.clone()),
        _ => None,
    }
}

/// Calls a closure with one element, or two (key, value) for map entries when it takes two parameters.
pub fn call_with_item(interp: &mut Interp, c: &Arc<Closure>, item: Value) -> Eval {
    if let Value::Entry(e) = &item {
        if c.param_count() == 2 {
            return interp.call_closure(c, vec![e.0.clone(), e.1.clone()]);
        }
    }
    interp.call_closure(c, vec![item])
}
