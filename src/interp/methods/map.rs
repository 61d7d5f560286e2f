//! Methods on maps (Groovy's LinkedHashMap): Java's `Map` API and Groovy's GDK over entries.

use std::sync::Arc;

use indexmap::IndexMap;

use super::{call_with_item, closure_arg};
use crate::interp::error::{throw, Eval};
use crate::interp::ops::{self, equals, truthy};
use crate::interp::value::{Closure, Key, Map, MapKind, Value};
use crate::interp::Interp;

fn entry(k: &Key, v: &Value) -> Value {
    Value::Entry(Arc::new((k.0.clone(), v.clone())))
}

fn unsupported() -> crate::interp::error::Flow {
    crate::interp::error::Flow::Throw(Arc::new(crate::interp::error::Throwable::new(
        "java.lang.UnsupportedOperationException",
        None,
    )))
}

/// Calls a closure for one entry: with (key, value) when it takes two parameters, else the entry.
fn call_entry(interp: &mut Interp, c: &Arc<Closure>, k: &Key, v: &Value) -> Eval {
    if c.param_count() >= 2 {
        interp.call_closure(c, vec![k.0.clone(), v.clone()])
    } else {
        interp.call_closure(c, vec![entry(k, v)])
    }
}

fn mutate<R>(m: &Map, f: impl FnOnce(&mut IndexMap<Key, Value>) -> R) -> Eval<R> {
    m.with_mut(f).ok_or_else(unsupported)
}

pub fn call(interp: &mut Interp, recv: &Value, name: &str, args: &[Value]) -> Eval<Option<Value>> {
    let Value::Map(m) = recv else { return Ok(None) };
    let c0 = closure_arg(args, 0);
    let entries = || m.snapshot();
    Ok(Some(match (name, args.len()) {
        ("size", 0) => Value::Int(m.len() as i32),
        ("isEmpty", 0) => Value::Bool(m.is_empty()),
        ("asBoolean", 0) => Value::Bool(!m.is_empty()),
        ("toString", 0) => Value::string(crate::interp::text::to_string(recv)),
        ("get", 1) | ("getAt", 1) => super::map_get(interp, m, args[0].clone())?,
        ("get", 0) => {
            return Err(crate::interp::error::throw(
                "org.codehaus.groovy.runtime.metaclass.MethodSelectionException",
                "Could not find which method get() to invoke from this list:\n  \
                 public abstract java.lang.Object java.util.Map#get(java.lang.Object)\n  \
                 public java.lang.Object java.util.Map#get(java.lang.Object, java.lang.Object)",
            ))
        }
        ("get", 2) => match m.get(&args[0]) {
            Some(v) => v,
            None => {
                // Groovy stores the default in the map.
                let d = args[1].clone();
                mutate(m, |e| e.insert(Key(args[0].clone()), d.clone()))?;
                d
            }
        },
        ("getOrDefault", 2) => m.get(&args[0]).unwrap_or_else(|| args[1].clone()),
        ("containsKey", 1) => Value::Bool(m.contains(&args[0])),
        ("containsValue", 1) => Value::Bool(entries().values().any(|v| equals(v, &args[0]))),
        ("keySet", 0) => Value::Set(crate::interp::value::Set::from_values(entries().keys().map(|k| k.0.clone()))),
        ("values", 0) => Value::list(entries().values().cloned().collect()),
        ("entrySet", 0) => {
            Value::Set(crate::interp::value::Set::from_values(entries().iter().map(|(k, v)| entry(k, v))))
        }
        ("put", 2) | ("putAt", 2) => {
            let old = mutate(m, |e| e.insert(Key(args[0].clone()), args[1].clone()))?;
            if name == "putAt" {
                args[1].clone()
            } else {
                old.unwrap_or(Value::Null)
            }
        }
        ("putIfAbsent", 2) => match m.get(&args[0]) {
            Some(v) if !v.is_null() => v,
            _ => {
                mutate(m, |e| e.insert(Key(args[0].clone()), args[1].clone()))?;
                Value::Null
            }
        },
        ("putAll", 1) => {
            let add = match &args[0] {
                Value::Map(o) => o.snapshot(),
                _ => return Ok(None),
            };
            mutate(m, |e| e.extend(add))?;
            Value::Null
        }
        ("remove", 1) => mutate(m, |e| e.shift_remove(&Key(args[0].clone())))?.unwrap_or(Value::Null),
        ("clear", 0) => {
            mutate(m, |e| e.clear())?;
            Value::Null
        }
        ("each", 1) | ("forEach", 1) => {
            let Some(c) = c0 else { return Ok(None) };
            let all = entries();
            let expected = m.len();
            for (i, (k, v)) in all.iter().enumerate() {
                if i > 0 && m.len() != expected {
                    return Err(crate::interp::error::bare("java.util.ConcurrentModificationException"));
                }
                call_entry(interp, &c, k, v)?;
            }
            recv.clone()
        }
        ("eachWithIndex", 1) => {
            let Some(c) = c0 else { return Ok(None) };
            for (i, (k, v)) in entries().into_iter().enumerate() {
                if c.param_count() >= 3 {
                    interp.call_closure(&c, vec![k.0.clone(), v.clone(), Value::Int(i as i32)])?;
                } else {
                    interp.call_closure(&c, vec![entry(&k, &v), Value::Int(i as i32)])?;
                }
            }
            recv.clone()
        }
        ("collect", 1) => {
            let Some(c) = c0 else { return Ok(None) };
            let mut out = Vec::new();
            for (k, v) in entries() {
                out.push(call_entry(interp, &c, &k, &v)?);
            }
            Value::list(out)
        }
        ("collectMany", 1) => {
            let Some(c) = c0 else { return Ok(None) };
            let mut out = Vec::new();
            for (k, v) in entries() {
                out.extend(ops::iter_values(&call_entry(interp, &c, &k, &v)?));
            }
            Value::list(out)
        }
        ("collectEntries", 1) => {
            let Some(c) = c0 else { return Ok(None) };
            let mut out = IndexMap::new();
            for (k, v) in entries() {
                let r = call_entry(interp, &c, &k, &v)?;
                super::list::add_entry(&mut out, r)?;
            }
            Value::map(out)
        }
        ("find", 1) => {
            let Some(c) = c0 else { return Ok(None) };
            for (k, v) in entries() {
                if truthy(&call_entry(interp, &c, &k, &v)?) {
                    return Ok(Some(entry(&k, &v)));
                }
            }
            Value::Null
        }
        ("findResult", 1) => {
            let Some(c) = c0 else { return Ok(None) };
            for (k, v) in entries() {
                let r = call_entry(interp, &c, &k, &v)?;
                if !r.is_null() {
                    return Ok(Some(r));
                }
            }
            Value::Null
        }
        ("findAll", 1) => {
            let Some(c) = c0 else { return Ok(None) };
            let mut out = IndexMap::new();
            for (k, v) in entries() {
                if truthy(&call_entry(interp, &c, &k, &v)?) {
                    out.insert(k, v);
                }
            }
            Value::map(out)
        }
        ("any", 1) | ("every", 1) => {
            let Some(c) = c0 else { return Ok(None) };
            let want = name == "any";
            for (k, v) in entries() {
                if truthy(&call_entry(interp, &c, &k, &v)?) == want {
                    return Ok(Some(Value::Bool(want)));
                }
            }
            Value::Bool(!want)
        }
        ("count", 1) => {
            let Some(c) = c0 else { return Ok(None) };
            let mut n = 0;
            for (k, v) in entries() {
                if truthy(&call_entry(interp, &c, &k, &v)?) {
                    n += 1;
                }
            }
            Value::Int(n)
        }
        ("groupBy", 1) | ("countBy", 1) => {
            let Some(c) = c0 else { return Ok(None) };
            let mut out: IndexMap<Key, Value> = IndexMap::new();
            for (k, v) in entries() {
                let g = Key(call_entry(interp, &c, &k, &v)?);
                if name == "countBy" {
                    let n = out.get(&g).and_then(ops::to_i64).unwrap_or(0);
                    out.insert(g, Value::Int(n as i32 + 1));
                } else {
                    match out.get(&g) {
                        Some(Value::Map(inner)) => {
                            inner.with_mut(|e| e.insert(k, v));
                        }
                        _ => {
                            let mut inner = IndexMap::new();
                            inner.insert(k, v);
                            out.insert(g, Value::map(inner));
                        }
                    }
                }
            }
            Value::map(out)
        }
        ("inject", 2) => {
            let Some(c) = closure_arg(args, 1) else { return Ok(None) };
            let mut acc = args[0].clone();
            for (k, v) in entries() {
                acc = if c.param_count() >= 3 {
                    interp.call_closure(&c, vec![acc, k.0.clone(), v.clone()])?
                } else {
                    interp.call_closure(&c, vec![acc, entry(&k, &v)])?
                };
            }
            acc
        }
        ("max", 1) | ("min", 1) => {
            let Some(c) = c0 else { return Ok(None) };
            let list = Value::list(entries().iter().map(|(k, v)| entry(k, v)).collect());
            super::list::extreme(interp, &list, Some(&c), name == "max")?
        }
        ("clone", 0) => {
            Value::Map(Map::of_kind(entries(), if m.kind() == MapKind::Immutable { MapKind::Linked } else { m.kind() }))
        }
        ("firstKey", 0) | ("lastKey", 0) | ("firstEntry", 0) | ("lastEntry", 0) => {
            let all = entries();
            let pick = if name.starts_with("first") { all.iter().next() } else { all.iter().last() };
            match pick {
                Some((k, _)) if name.ends_with("Key") => k.0.clone(),
                Some((k, v)) => entry(k, v),
                None if name.ends_with("Key") => return Err(throw("java.util.NoSuchElementException", "")),
                None => Value::Null,
            }
        }
        ("intersect", 1) => {
            let Value::Map(other) = &args[0] else { return Ok(None) };
            let mut out = IndexMap::new();
            for (k, v) in entries() {
                if other.get(&k.0).is_some_and(|w| equals(&w, &v)) {
                    out.insert(k, v);
                }
            }
            Value::map(out)
        }
        ("withDefault", 1) => {
            let Some(c) = c0 else { return Ok(None) };
            Value::Map(Map::with_default(entries(), Value::Closure(c)))
        }
        ("toSorted", 0) | ("toSorted", 1) => {
            return call(interp, &Value::map(entries()), "sort", args).map(|v| {
                v.map(|m| match m {
                    Value::Map(m) => Value::map(m.snapshot()),
                    other => other,
                })
            })
        }
        ("sort", 0) | ("sort", 1) => {
            let mut list: Vec<Value> = entries().iter().map(|(k, v)| entry(k, v)).collect();
            match &c0 {
                Some(c) => super::list::sort_values(interp, &mut list, Some(&Value::Closure(c.clone())))?,
                None => list.sort_by(|a, b| match (a, b) {
                    (Value::Entry(x), Value::Entry(y)) => super::list::default_order(&x.0, &y.0),
                    _ => std::cmp::Ordering::Equal,
                }),
            }
            let mut out = IndexMap::new();
            for e in list {
                if let Value::Entry(e) = e {
                    out.insert(Key(e.0.clone()), e.1.clone());
                }
            }
            // Groovy 2.4 answers a TreeMap without a comparator, an ordered map with one.
            Value::Map(Map::of_kind(out, if c0.is_some() { MapKind::Linked } else { MapKind::Tree }))
        }
        ("subMap", 1) => {
            let all = entries();
            let mut out = IndexMap::new();
            for k in ops::iter_values(&args[0]) {
                let key = Key(k);
                if let Some(v) = all.get(&key) {
                    out.insert(key, v.clone());
                }
            }
            Value::map(out)
        }
        ("plus", 1) => ops::add(recv, &args[0])?,
        ("minus", 1) => ops::sub(recv, &args[0])?,
        ("leftShift", 1) => {
            match &args[0] {
                Value::Map(o) => {
                    let add = o.snapshot();
                    mutate(m, |e| e.extend(add))?;
                }
                Value::Entry(e) => {
                    mutate(m, |x| x.insert(Key(e.0.clone()), e.1.clone()))?;
                }
                _ => return Ok(None),
            }
            recv.clone()
        }
        ("containsAll", 1) => Value::Bool(ops::iter_values(&args[0]).iter().all(|k| m.contains(k))),
        ("asImmutable", 0) | ("asUnmodifiable", 0) => Value::Map(Map::immutable(entries())),
        ("keySet", _) | ("values", _) => return Ok(None),
        ("first", 0) => entries()
            .iter()
            .next()
            .map(|(k, v)| entry(k, v))
            .ok_or_else(|| throw("java.util.NoSuchElementException", ""))?,
        ("iterator", 0) => {
            super::object::Iter::value(entries().iter().map(|(k, v)| entry(k, v)).collect(), Some(recv.clone()))
        }
        ("toList", 0) => Value::list(entries().iter().map(|(k, v)| entry(k, v)).collect()),
        ("isCase", 1) => Value::Bool(m.get(&args[0]).is_some_and(|v| truthy(&v))),
        ("take", 1) | ("drop", 1) => {
            let n = ops::to_i64(&args[0]).unwrap_or(0).max(0) as usize;
            let all = entries();
            let out: IndexMap<Key, Value> =
                if name == "take" { all.into_iter().take(n).collect() } else { all.into_iter().skip(n).collect() };
            Value::map(out)
        }
        _ => {
            let _ = call_with_item;
            return Ok(None);
        }
    }))
}
