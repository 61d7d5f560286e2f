//! Methods on lists, sets and ranges: Java's `List`/`Set` API and Groovy's collection GDK (`each`,
//! `collect`, `findAll`, `inject`, `sort`, ...), plus their index access.

use std::cmp::Ordering;
use std::sync::Arc;

use indexmap::IndexMap;

use super::{call_with_item, closure_arg};
use crate::interp::error::{throw, Eval};
use crate::interp::ops::{self, equals, to_i64, truthy};
use crate::interp::text::to_string;
use crate::interp::value::{Closure, Key, List, Set, Value};
use crate::interp::Interp;

fn java_eq(a: &Value, b: &Value) -> bool {
    Key(a.clone()) == Key(b.clone())
}

fn unsupported() -> crate::interp::error::Flow {
    crate::interp::error::Flow::Throw(Arc::new(crate::interp::error::Throwable::new(
        "java.lang.UnsupportedOperationException",
        None,
    )))
}

fn empty_error(what: &str) -> crate::interp::error::Flow {
    throw("java.util.NoSuchElementException", format!("Cannot access {what} element from an empty List"))
}

/// The same kind of collection as `like` holding `items` (a Set stays a Set, others become lists).
fn same_kind(like: &Value, items: Vec<Value>) -> Value {
    match like {
        Value::Set(_) => Value::Set(Set::from_values(items)),
        _ => Value::list(items),
    }
}

/// Sorts with Groovy's default ordering, or a closure (one parameter: a key; two: a comparator), or
/// a comparator closure given as `cmp`.
pub fn sort_values(interp: &mut Interp, items: &mut Vec<Value>, cmp: Option<&Value>) -> Eval<()> {
    let mut error = None;
    match cmp {
        Some(Value::Closure(c)) if c.param_count() == 1 => {
            let mut keyed = Vec::with_capacity(items.len());
            for item in items.drain(..) {
                let k = interp.call_closure(c, vec![item.clone()])?;
                keyed.push((k, item));
            }
            keyed.sort_by(|a, b| default_order(&a.0, &b.0));
            items.extend(keyed.into_iter().map(|(_, v)| v));
        }
        Some(Value::Closure(c)) => {
            // Merge sort driven by the comparator closure (which may fail).
            let v = std::mem::take(items);
            *items = merge_sort(interp, v, c, &mut error);
        }
        Some(Value::Object(o)) if o.class_name() == CASE_INSENSITIVE => {
            items.sort_by_key(|a| to_string(a).to_lowercase())
        }
        _ => items.sort_by(default_order),
    }
    match error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

fn merge_sort(
    interp: &mut Interp,
    v: Vec<Value>,
    c: &Arc<Closure>,
    error: &mut Option<crate::interp::error::Flow>,
) -> Vec<Value> {
    if v.len() <= 1 || error.is_some() {
        return v;
    }
    let mut v = v;
    let right = v.split_off(v.len() / 2);
    let left = merge_sort(interp, v, c, error);
    let right = merge_sort(interp, right, c, error);
    let mut out = Vec::with_capacity(left.len() + right.len());
    let (mut i, mut j) = (0, 0);
    while i < left.len() && j < right.len() {
        if error.is_some() {
            break;
        }
        let r = match interp.call_closure(c, vec![left[i].clone(), right[j].clone()]) {
            Ok(r) => to_i64(&r).unwrap_or(0),
            Err(e) => {
                *error = Some(e);
                0
            }
        };
        if r <= 0 {
            out.push(left[i].clone());
            i += 1;
        } else {
            out.push(right[j].clone());
            j += 1;
        }
    }
    out.extend_from_slice(&left[i..]);
    out.extend_from_slice(&right[j..]);
    out
}

/// Groovy's NumberAwareComparator: numbers by value, otherwise natural order, falling back to the text.
pub fn default_order(a: &Value, b: &Value) -> Ordering {
    ops::compare(a, b).unwrap_or_else(|_| to_string(a).cmp(&to_string(b)))
}

fn keyed_compare(interp: &mut Interp, c: &Arc<Closure>, a: &Value, b: &Value) -> Eval<Ordering> {
    if c.param_count() >= 2 {
        let r = interp.call_closure(c, vec![a.clone(), b.clone()])?;
        Ok(to_i64(&r).unwrap_or(0).cmp(&0))
    } else {
        let ka = call_with_item(interp, c, a.clone())?;
        let kb = call_with_item(interp, c, b.clone())?;
        Ok(default_order(&ka, &kb))
    }
}

/// `max`/`min` of a collection (first of equal values wins).
pub fn extreme(interp: &mut Interp, recv: &Value, by: Option<&Arc<Closure>>, max: bool) -> Eval {
    let mut best: Option<Value> = None;
    for item in ops::iter_values(recv) {
        best = Some(match best {
            None => item,
            Some(b) if b.is_null() => item,
            Some(b) => {
                let o = match by {
                    Some(c) => keyed_compare(interp, c, &item, &b)?,
                    None => default_order(&item, &b),
                };
                if (max && o == Ordering::Greater) || (!max && o == Ordering::Less) {
                    item
                } else {
                    b
                }
            }
        });
    }
    Ok(best.unwrap_or(Value::Null))
}

pub fn get_at(recv: &Value, idx: &Value) -> Eval {
    let items = ops::iter_values(recv);
    match idx {
        Value::Int(_) | Value::Long(_) => {
            let i = to_i64(idx).unwrap_or(0);
            if let Value::List(l) = recv {
                if l.is_array() && super::norm_index(i, items.len()).is_none() {
                    return Err(throw(
                        "java.lang.ArrayIndexOutOfBoundsException",
                        format!("Index {i} out of bounds for length {}", items.len()),
                    ));
                }
            }
            if i < 0 && -i > items.len() as i64 {
                return Err(throw(
                    "java.lang.ArrayIndexOutOfBoundsException",
                    format!("Negative array index [{}] too large for array size {}", i, items.len()),
                ));
            }
            Ok(super::norm_index(i, items.len()).map(|i| items[i].clone()).unwrap_or(Value::Null))
        }
        Value::Decimal(_) | Value::Double(_) | Value::Float(_) => {
            Err(crate::interp::eval::missing_method(&recv.class_name(), "getAt", std::slice::from_ref(idx)))
        }
        Value::Str(_) | Value::GString(_) => {
            let name = to_string(idx);
            let mut out = Vec::new();
            for item in items {
                out.push(match &item {
                    Value::Map(m) => m.get_str(&name).unwrap_or(Value::Null),
                    _ => Value::Null,
                });
            }
            Ok(Value::list(out))
        }
        _ => match super::range_indices(idx, items.len())? {
            Some(ix) => Ok(Value::list(ix.into_iter().map(|i| items[i].clone()).collect())),
            None => {
                let hi = ops::iter_values(idx).iter().filter_map(to_i64).max().unwrap_or(0);
                Err(throw("java.lang.IndexOutOfBoundsException", format!("toIndex = {}", hi + 1)))
            }
        },
    }
}

fn flatten(items: Vec<Value>, out: &mut Vec<Value>) {
    for item in items {
        match &item {
            Value::List(_) | Value::Set(_) | Value::Range(_) => flatten(ops::iter_values(&item), out),
            _ => out.push(item),
        }
    }
}

fn mutate<R>(recv: &Value, f: impl FnOnce(&mut Vec<Value>) -> R) -> Eval<R> {
    match recv {
        Value::List(l) => l.with_mut(f).ok_or_else(unsupported),
        _ => Err(unsupported()),
    }
}

pub fn call(interp: &mut Interp, recv: &Value, name: &str, args: &[Value]) -> Eval<Option<Value>> {
    let items = || ops::iter_values(recv);
    let c0 = closure_arg(args, 0);
    let c1 = closure_arg(args, 1);
    Ok(Some(match (name, args.len()) {
        ("size", 0) => Value::Int(items().len() as i32),
        ("isEmpty", 0) => Value::Bool(items().is_empty()),
        ("asBoolean", 0) => Value::Bool(!items().is_empty()),
        ("toString", 0) => Value::string(match recv {
            Value::Range(r) => match r.as_ref() {
                crate::interp::value::Range::Int { from, to, reverse, .. } => {
                    if *reverse {
                        format!("{to}..{from}")
                    } else {
                        format!("{from}..{to}")
                    }
                }
                _ => to_string(recv),
            },
            _ => to_string(recv),
        }),
        ("each", 1) | ("forEach", 1) => {
            let Some(c) = c0 else { return Ok(None) };
            match recv {
                // Java's list iterator: a list changed in size while iterated fails on the next element.
                Value::List(l) => {
                    let expected = l.len();
                    let mut cursor = 0;
                    loop {
                        let len = l.len();
                        if cursor == len {
                            break;
                        }
                        if len != expected {
                            return Err(crate::interp::error::bare("java.util.ConcurrentModificationException"));
                        }
                        let Some(item) = l.get(cursor) else { break };
                        cursor += 1;
                        call_with_item(interp, &c, item)?;
                    }
                }
                _ => {
                    for item in items() {
                        call_with_item(interp, &c, item)?;
                    }
                }
            }
            recv.clone()
        }
        ("reverseEach", 1) => {
            let Some(c) = c0 else { return Ok(None) };
            for item in items().into_iter().rev() {
                call_with_item(interp, &c, item)?;
            }
            recv.clone()
        }
        ("eachWithIndex", 1) => {
            let Some(c) = c0 else { return Ok(None) };
            for (i, item) in items().into_iter().enumerate() {
                interp.call_closure(&c, vec![item, Value::Int(i as i32)])?;
            }
            recv.clone()
        }
        ("collect", 0) => Value::list(items()),
        ("collect", 1) => {
            let Some(c) = c0 else { return Ok(None) };
            let mut out = Vec::new();
            for item in items() {
                out.push(call_with_item(interp, &c, item)?);
            }
            Value::list(out)
        }
        ("collect", 2) => {
            let Some(c) = c1 else { return Ok(None) };
            let target = args[0].clone();
            for item in items() {
                let v = call_with_item(interp, &c, item)?;
                match &target {
                    Value::List(l) => {
                        l.with_mut(|x| x.push(v));
                    }
                    Value::Set(s) => {
                        s.insert(v);
                    }
                    _ => {}
                }
            }
            target
        }
        ("collectNested", 1) => {
            let Some(c) = c0 else { return Ok(None) };
            Value::list(collect_nested(interp, &items(), &c)?)
        }
        ("groupBy", n) if n >= 2 && args.iter().all(|a| matches!(a, Value::Closure(_))) => {
            let grouped = call(interp, recv, "groupBy", &args[..1])?.unwrap_or(Value::Null);
            let Value::Map(m) = &grouped else { return Ok(Some(grouped)) };
            let mut out = IndexMap::new();
            for (k, v) in m.snapshot() {
                out.insert(k, call(interp, &v, "groupBy", &args[1..])?.unwrap_or(Value::Null));
            }
            Value::map(out)
        }
        ("clone", 0) => same_kind(recv, items()),
        ("collectMany", 1) => {
            let Some(c) = c0 else { return Ok(None) };
            let mut out = Vec::new();
            for item in items() {
                let v = call_with_item(interp, &c, item)?;
                out.extend(ops::iter_values(&v));
            }
            Value::list(out)
        }
        ("collectEntries", 0) | ("collectEntries", 1) => {
            let mut out = IndexMap::new();
            for item in items() {
                let v = match &c0 {
                    Some(c) => call_with_item(interp, c, item)?,
                    None => item,
                };
                add_entry(&mut out, v)?;
            }
            Value::map(out)
        }
        ("find", 0) => items().into_iter().find(truthy).unwrap_or(Value::Null),
        ("find", 1) => {
            let Some(c) = c0 else { return Ok(None) };
            for item in items() {
                if truthy(&call_with_item(interp, &c, item.clone())?) {
                    return Ok(Some(item));
                }
            }
            Value::Null
        }
        ("findAll", 0) => same_kind(recv, items().into_iter().filter(truthy).collect()),
        ("findAll", 1) | ("grep", 1) | ("findAll", 2) => {
            let mut out = Vec::new();
            for item in items() {
                let keep = match &c0 {
                    Some(c) => truthy(&call_with_item(interp, c, item.clone())?),
                    None => ops::is_case(&args[0], &item)?,
                };
                if keep {
                    out.push(item);
                }
            }
            same_kind(recv, out)
        }
        ("grep", 0) => Value::list(items().into_iter().filter(truthy).collect()),
        ("findResult", 1) | ("findResult", 2) => {
            let (default, c) = if args.len() == 2 { (args[0].clone(), c1) } else { (Value::Null, c0) };
            let Some(c) = c else { return Ok(None) };
            for item in items() {
                let v = call_with_item(interp, &c, item)?;
                if !v.is_null() {
                    return Ok(Some(v));
                }
            }
            default
        }
        ("findResults", 1) => {
            let Some(c) = c0 else { return Ok(None) };
            let mut out = Vec::new();
            for item in items() {
                let v = call_with_item(interp, &c, item)?;
                if !v.is_null() {
                    out.push(v);
                }
            }
            Value::list(out)
        }
        ("findIndexOf", 1) | ("findLastIndexOf", 1) => {
            let Some(c) = c0 else { return Ok(None) };
            let mut found = -1;
            for (i, item) in items().into_iter().enumerate() {
                if truthy(&call_with_item(interp, &c, item)?) {
                    found = i as i32;
                    if name == "findIndexOf" {
                        break;
                    }
                }
            }
            Value::Int(found)
        }
        ("findIndexValues", 1) => {
            let Some(c) = c0 else { return Ok(None) };
            let mut out = Vec::new();
            for (i, item) in items().into_iter().enumerate() {
                if truthy(&call_with_item(interp, &c, item)?) {
                    out.push(Value::Long(i as i64));
                }
            }
            Value::list(out)
        }
        ("any", 0) => Value::Bool(items().iter().any(truthy)),
        ("every", 0) => Value::Bool(items().iter().all(truthy)),
        ("any", 1) | ("every", 1) => {
            let Some(c) = c0 else { return Ok(None) };
            let want = name == "any";
            for item in items() {
                if truthy(&call_with_item(interp, &c, item)?) == want {
                    return Ok(Some(Value::Bool(want)));
                }
            }
            Value::Bool(!want)
        }
        // `'abc'.chars()` is an IntStream in Java: its count() is the number of characters.
        ("count", 0) if matches!(recv, Value::List(l) if l.is_array()) => Value::Long(items().len() as i64),
        ("count", 1) => {
            let mut n = 0;
            for item in items() {
                let hit = match &c0 {
                    Some(c) => truthy(&call_with_item(interp, c, item)?),
                    None => equals(&item, &args[0]),
                };
                if hit {
                    n += 1;
                }
            }
            Value::Int(n)
        }
        ("countBy", 1) | ("groupBy", 1) => {
            let Some(c) = c0 else { return Ok(None) };
            let mut out: IndexMap<Key, Value> = IndexMap::new();
            for item in items() {
                let k = Key(call_with_item(interp, &c, item.clone())?);
                if name == "countBy" {
                    let n = out.get(&k).and_then(to_i64).unwrap_or(0);
                    out.insert(k, Value::Int(n as i32 + 1));
                } else {
                    match out.get(&k) {
                        Some(Value::List(l)) => {
                            l.with_mut(|v| v.push(item));
                        }
                        _ => {
                            out.insert(k, Value::list(vec![item]));
                        }
                    }
                }
            }
            Value::map(out)
        }
        ("inject", 1) => {
            let Some(c) = c0 else { return Ok(None) };
            let mut it = items().into_iter();
            let Some(mut acc) = it.next() else {
                return Err(throw(
                    "java.util.NoSuchElementException",
                    "Cannot call inject() on an empty collection without passing an initial value.",
                ));
            };
            for item in it {
                acc = interp.call_closure(&c, vec![acc, item])?;
            }
            acc
        }
        ("inject", 2) => {
            let Some(c) = c1 else { return Ok(None) };
            let mut acc = args[0].clone();
            for item in items() {
                acc = interp.call_closure(&c, vec![acc, item])?;
            }
            acc
        }
        ("sum", 0) | ("sum", 1) | ("sum", 2) => {
            let (mut acc, c) = match (args.len(), &c0) {
                (0, _) => (None, None),
                (1, Some(c)) => (None, Some(c.clone())),
                (1, None) => (Some(args[0].clone()), None),
                _ => (Some(args[0].clone()), c1.clone()),
            };
            for item in items() {
                let v = match &c {
                    Some(c) => call_with_item(interp, c, item)?,
                    None => item,
                };
                acc = Some(match acc {
                    None => v,
                    Some(a) => ops::add(&a, &v)?,
                });
            }
            acc.unwrap_or(Value::Null)
        }
        ("max", 0) | ("min", 0) => extreme(interp, recv, None, name == "max")?,
        ("max", 1) | ("min", 1) => {
            let Some(c) = c0 else { return Ok(None) };
            extreme(interp, recv, Some(&c), name == "max")?
        }
        ("sort", 0) | ("sort", 1) | ("sort", 2) | ("toSorted", 0) | ("toSorted", 1) => {
            let (mutate_it, cmp) = match (args.first(), args.get(1)) {
                (Some(Value::Bool(b)), c) => (*b, c),
                (c, _) => (name == "sort", c),
            };
            let mut v = items();
            sort_values(interp, &mut v, cmp)?;
            // `list.sort(comparator)` is Java's List.sort: it sorts in place and returns nothing.
            let java_sort = name == "sort" && args.len() == 1 && matches!(args[0], Value::Object(_));
            if mutate_it && matches!(recv, Value::List(_)) {
                let copy = v.clone();
                mutate(recv, |x| *x = copy)?;
                return Ok(Some(if java_sort { Value::Null } else { recv.clone() }));
            }
            Value::list(v)
        }
        ("unique", 0) | ("unique", 1) | ("unique", 2) | ("toUnique", 0) | ("toUnique", 1) => {
            let (mutate_it, c) = match (args.first(), args.get(1)) {
                (Some(Value::Bool(b)), c) => {
                    (*b, c.and_then(|c| if let Value::Closure(c) = c { Some(c.clone()) } else { None }))
                }
                (_, _) => (name == "unique", c0.clone()),
            };
            let mut out: Vec<Value> = Vec::new();
            for item in items() {
                let mut dup = false;
                for seen in &out {
                    let same = match &c {
                        Some(c) => keyed_compare(interp, c, seen, &item)? == Ordering::Equal,
                        None => default_order(seen, &item) == Ordering::Equal && equals(seen, &item),
                    };
                    if same {
                        dup = true;
                        break;
                    }
                }
                if !dup {
                    out.push(item);
                }
            }
            if mutate_it && matches!(recv, Value::List(_)) {
                mutate(recv, |x| *x = out)?;
                return Ok(Some(recv.clone()));
            }
            same_kind(recv, out)
        }
        ("reverse", 0) => {
            let mut v = items();
            v.reverse();
            match recv {
                Value::Range(r) => {
                    if let crate::interp::value::Range::Int { from, to, reverse, long } = r.as_ref() {
                        Value::Range(Arc::new(crate::interp::value::Range::Int {
                            from: *from,
                            to: *to,
                            reverse: !reverse,
                            long: *long,
                        }))
                    } else {
                        Value::list(v)
                    }
                }
                _ => Value::list(v),
            }
        }
        ("reverse", 1) => {
            let mut v = items();
            v.reverse();
            if truthy(&args[0]) {
                mutate(recv, |x| *x = v)?;
                recv.clone()
            } else {
                Value::list(v)
            }
        }
        ("join", 0) | ("join", 1) => {
            let sep = args.first().map(to_string).unwrap_or_default();
            Value::string(items().iter().map(to_string).collect::<Vec<_>>().join(&sep))
        }
        ("flatten", 0) => {
            let mut out = Vec::new();
            flatten(items(), &mut out);
            same_kind(recv, out)
        }
        ("first", 0) | ("head", 0) => items().into_iter().next().ok_or_else(|| empty_error("first()"))?,
        ("last", 0) => items().into_iter().last().ok_or_else(|| empty_error("last()"))?,
        ("tail", 0) => {
            let v = items();
            if v.is_empty() {
                return Err(throw("java.util.NoSuchElementException", "Cannot access tail() for an empty List"));
            }
            Value::list(v[1..].to_vec())
        }
        ("init", 0) => {
            let v = items();
            if v.is_empty() {
                return Err(throw("java.util.NoSuchElementException", "Cannot access init() for an empty Iterable"));
            }
            Value::list(v[..v.len() - 1].to_vec())
        }
        ("take", 1) => {
            same_kind(recv, items().into_iter().take(to_i64(&args[0]).unwrap_or(0).max(0) as usize).collect())
        }
        ("drop", 1) => {
            same_kind(recv, items().into_iter().skip(to_i64(&args[0]).unwrap_or(0).max(0) as usize).collect())
        }
        ("takeRight", 1) => {
            let v = items();
            let n = (to_i64(&args[0]).unwrap_or(0).max(0) as usize).min(v.len());
            Value::list(v[v.len() - n..].to_vec())
        }
        ("dropRight", 1) => {
            let v = items();
            let n = (to_i64(&args[0]).unwrap_or(0).max(0) as usize).min(v.len());
            Value::list(v[..v.len() - n].to_vec())
        }
        ("takeWhile", 1) | ("dropWhile", 1) => {
            let Some(c) = c0 else { return Ok(None) };
            let v = items();
            let mut n = 0;
            for item in &v {
                if !truthy(&call_with_item(interp, &c, item.clone())?) {
                    break;
                }
                n += 1;
            }
            Value::list(if name == "takeWhile" { v[..n].to_vec() } else { v[n..].to_vec() })
        }
        ("subList", 2) => {
            let v = items();
            let (a, b) = (to_i64(&args[0]).unwrap_or(0), to_i64(&args[1]).unwrap_or(0));
            if a < 0 || b > v.len() as i64 || a > b {
                return Err(throw(
                    "java.lang.IndexOutOfBoundsException",
                    if a < 0 {
                        format!("fromIndex = {a}")
                    } else if b > v.len() as i64 {
                        format!("toIndex = {b}")
                    } else {
                        format!("fromIndex({a}) > toIndex({b})")
                    },
                ));
            }
            Value::list(v[a as usize..b as usize].to_vec())
        }
        ("contains", 1) => Value::Bool(match recv {
            Value::Range(_) => ops::is_case(recv, &args[0])?,
            _ => items().iter().any(|x| java_eq(x, &args[0])),
        }),
        ("containsAll", 1) => {
            let v = items();
            Value::Bool(ops::iter_values(&args[0]).iter().all(|a| v.iter().any(|x| java_eq(x, a))))
        }
        ("indexOf", 1) => Value::Int(items().iter().position(|x| java_eq(x, &args[0])).map_or(-1, |i| i as i32)),
        ("lastIndexOf", 1) => Value::Int(items().iter().rposition(|x| java_eq(x, &args[0])).map_or(-1, |i| i as i32)),
        ("plus", 1) => ops::add(recv, &args[0])?,
        ("plus", 2) => {
            let mut v = items();
            let at = (to_i64(&args[0]).unwrap_or(0).max(0) as usize).min(v.len());
            let add = match &args[1] {
                Value::List(_) | Value::Set(_) => ops::iter_values(&args[1]),
                other => vec![other.clone()],
            };
            v.splice(at..at, add);
            Value::list(v)
        }
        ("minus", 1) => ops::sub(recv, &args[0])?,
        ("multiply", 1) => ops::mul(recv, &args[0])?,
        ("collate", 1) | ("collate", 2) | ("collate", 3) => {
            let size = to_i64(&args[0]).unwrap_or(1).max(1) as usize;
            let (step, keep) = match (args.get(1), args.get(2)) {
                (Some(Value::Bool(k)), _) => (size, *k),
                (Some(s), Some(k)) => (to_i64(s).unwrap_or(size as i64).max(1) as usize, truthy(k)),
                (Some(s), None) => (to_i64(s).unwrap_or(size as i64).max(1) as usize, true),
                _ => (size, true),
            };
            let v = items();
            let mut out = Vec::new();
            let mut i = 0;
            while i < v.len() {
                let chunk: Vec<Value> = v[i..(i + size).min(v.len())].to_vec();
                if chunk.len() == size || keep {
                    out.push(Value::list(chunk));
                }
                i += step;
            }
            Value::list(out)
        }
        ("withIndex", 0) | ("indexed", 0) | ("withIndex", 1) | ("indexed", 1) => {
            let offset = args.first().and_then(to_i64).unwrap_or(0) as i32;
            if name == "indexed" {
                Value::map(
                    items().into_iter().enumerate().map(|(i, v)| (Key(Value::Int(i as i32 + offset)), v)).collect(),
                )
            } else {
                Value::list(
                    items()
                        .into_iter()
                        .enumerate()
                        .map(|(i, v)| Value::list(vec![v, Value::Int(i as i32 + offset)]))
                        .collect(),
                )
            }
        }
        ("permutations", 0) => {
            let v = items();
            let mut out: Vec<Vec<Value>> = Vec::new();
            permute(&v, &mut Vec::new(), &mut vec![false; v.len()], &mut out);
            let mut unique: Vec<Value> = Vec::new();
            for p in out {
                let p = Value::list(p);
                if !unique.iter().any(|u| equals(u, &p)) {
                    unique.push(p);
                }
            }
            Value::Set(Set::of_kind(unique, crate::interp::value::SetKind::Hash))
        }
        ("subsequences", 0) => {
            let v = items();
            let mut out = Vec::new();
            for mask in 1u64..(1u64 << v.len().min(20)) {
                out.push(Value::list(
                    v.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, x)| x.clone()).collect(),
                ));
            }
            Value::Set(Set::of_kind(out, crate::interp::value::SetKind::Hash))
        }
        ("intersect", 1) => {
            // Groovy walks the smaller collection (the argument when sizes are equal) in its order.
            let (mut pick_from, mut walk) = (items(), ops::iter_values(&args[0]));
            if pick_from.len() < walk.len() {
                std::mem::swap(&mut pick_from, &mut walk);
            }
            let mut out: Vec<Value> = Vec::new();
            for item in walk {
                if pick_from.iter().any(|o| equals(o, &item)) && !out.iter().any(|o| equals(o, &item)) {
                    out.push(item);
                }
            }
            same_kind(recv, out)
        }
        ("disjoint", 1) => {
            let other = ops::iter_values(&args[0]);
            Value::Bool(!items().iter().any(|x| other.iter().any(|o| equals(o, x))))
        }
        ("asImmutable", 0) | ("asUnmodifiable", 0) => match recv {
            Value::Set(_) => recv.clone(),
            _ => Value::List(List::immutable(items())),
        },
        ("toList", 0) | ("asList", 0) => Value::list(items()),
        ("toSet", 0) => Value::Set(Set::of_kind(items(), crate::interp::value::SetKind::Hash)),
        ("toArray", 0) => {
            Value::List(List::of_kind(items(), crate::interp::value::ListKind::Array(Arc::from("Object"))))
        }
        ("get", 1) if matches!(recv, Value::List(_)) => {
            let v = items();
            let i = to_i64(&args[0]).unwrap_or(0);
            match usize::try_from(i).ok().filter(|i| *i < v.len()) {
                Some(i) => v[i].clone(),
                None => {
                    return Err(throw(
                        "java.lang.IndexOutOfBoundsException",
                        format!("Index {i} out of bounds for length {}", v.len()),
                    ))
                }
            }
        }
        ("get", 1) | ("getAt", 1) => get_at(recv, &args[0])?,
        ("getAt", _) => get_at(recv, &Value::list(args.to_vec()))?,
        ("set", 2) | ("putAt", 2) => {
            let len = items().len();
            let i = to_i64(&args[0]).unwrap_or(0);
            let Some(i) = super::norm_index(i, len) else {
                return Err(throw(
                    "java.lang.IndexOutOfBoundsException",
                    format!("Index {i} out of bounds for length {len}"),
                ));
            };
            let v = args[1].clone();
            mutate(recv, |x| std::mem::replace(&mut x[i], v))?
        }
        ("add", 1) | ("leftShift", 1) | ("push", 1) => match recv {
            Value::Set(s) => Value::Bool(s.insert(args[0].clone())),
            _ => {
                let v = args[0].clone();
                mutate(recv, |x| x.push(v))?;
                if name == "leftShift" {
                    recv.clone()
                } else {
                    Value::Bool(true)
                }
            }
        },
        ("addAll", 2) => {
            let at = to_i64(&args[0]).unwrap_or(0).max(0) as usize;
            let add = ops::iter_values(&args[1]);
            let any = !add.is_empty();
            mutate(recv, |x| {
                let at = at.min(x.len());
                x.splice(at..at, add);
            })?;
            Value::Bool(any)
        }
        ("isReverse", 0) => Value::Bool(
            matches!(recv, Value::Range(r) if matches!(r.as_ref(), crate::interp::value::Range::Int { reverse: true, .. })),
        ),
        ("containsWithinBounds", 1) => Value::Bool(ops::is_case(recv, &args[0])?),
        ("add", 2) => {
            let at = to_i64(&args[0]).unwrap_or(0) as usize;
            let v = args[1].clone();
            mutate(recv, |x| {
                let at = at.min(x.len());
                x.insert(at, v)
            })?;
            Value::Null
        }
        ("addAll", 1) => {
            let add = ops::iter_values(&args[0]);
            match recv {
                Value::Set(s) => {
                    let mut changed = false;
                    for v in add {
                        changed |= s.insert(v);
                    }
                    Value::Bool(changed)
                }
                _ => {
                    let any = !add.is_empty();
                    mutate(recv, |x| x.extend(add))?;
                    Value::Bool(any)
                }
            }
        }
        ("pop", 0) => mutate(recv, |x| x.pop())?
            .ok_or_else(|| throw("java.util.NoSuchElementException", "Cannot pop() an empty List"))?,
        ("removeLast", 0) => mutate(recv, |x| x.pop())?
            .ok_or_else(|| throw("java.util.NoSuchElementException", "Cannot removeLast() an empty List"))?,
        ("removeElement", 1) => remove_value(recv, &args[0])?,
        ("removeAt", 1) => remove_index(recv, to_i64(&args[0]).unwrap_or(0))?,
        ("remove", 1) => match (recv, &args[0]) {
            (Value::Set(s), v) => Value::Bool(s.remove(v)),
            // Groovy picks remove(int) for an Integer: by index, not by value.
            (_, Value::Int(i)) => remove_index(recv, *i as i64)?,
            (_, v) => remove_value(recv, v)?,
        },
        ("removeAll", 1) | ("retainAll", 1) | ("removeIf", 1) => {
            let keep_matching = name == "retainAll";
            let v = items();
            let mut keep = Vec::new();
            for item in v.iter() {
                let hit = match &c0 {
                    Some(c) => truthy(&call_with_item(interp, c, item.clone())?),
                    None => ops::iter_values(&args[0]).iter().any(|o| java_eq(o, item)),
                };
                keep.push(hit == keep_matching);
            }
            let changed = keep.iter().any(|k| !k);
            let kept: Vec<Value> = v.into_iter().zip(keep).filter(|(_, k)| *k).map(|(v, _)| v).collect();
            match recv {
                Value::Set(s) => {
                    for item in s.snapshot() {
                        if !kept.iter().any(|k| java_eq(k, &item)) {
                            s.remove(&item);
                        }
                    }
                }
                _ => mutate(recv, |x| *x = kept)?,
            }
            Value::Bool(changed)
        }
        ("clear", 0) => {
            match recv {
                Value::Set(s) => {
                    for item in s.snapshot() {
                        s.remove(&item);
                    }
                }
                _ => mutate(recv, |x| x.clear())?,
            }
            Value::Null
        }
        ("split", 1) => {
            let Some(c) = c0 else { return Ok(None) };
            let (mut yes, mut no) = (Vec::new(), Vec::new());
            for item in items() {
                if truthy(&call_with_item(interp, &c, item.clone())?) {
                    yes.push(item);
                } else {
                    no.push(item);
                }
            }
            Value::list(vec![same_kind(recv, yes), same_kind(recv, no)])
        }
        ("transpose", 0) => {
            let rows: Vec<Vec<Value>> = items().iter().map(ops::iter_values).collect();
            let n = rows.iter().map(Vec::len).min().unwrap_or(0);
            Value::list((0..n).map(|i| Value::list(rows.iter().map(|r| r[i].clone()).collect())).collect())
        }
        ("combinations", 0) => {
            let mut out: Vec<Vec<Value>> = vec![Vec::new()];
            for group in items() {
                // The first list varies fastest, as in Groovy.
                let mut next = Vec::new();
                for v in ops::iter_values(&group) {
                    for prefix in &out {
                        let mut p = prefix.clone();
                        p.push(v.clone());
                        next.push(p);
                    }
                }
                out = next;
            }
            Value::list(out.into_iter().map(Value::list).collect())
        }
        ("isCase", 1) => Value::Bool(ops::is_case(recv, &args[0])?),
        ("step", 2) => {
            let Some(c) = c1 else { return Ok(None) };
            let n = to_i64(&args[0]).unwrap_or(1).max(1) as usize;
            for item in items().into_iter().step_by(n) {
                interp.call_closure(&c, vec![item])?;
            }
            recv.clone()
        }
        ("step", 1) => {
            let n = to_i64(&args[0]).unwrap_or(1);
            let mut v = items();
            if n < 0 {
                v.reverse();
            }
            Value::list(v.into_iter().step_by(n.unsigned_abs().max(1) as usize).collect())
        }
        ("getFrom", 0) | ("getTo", 0) => {
            return super::get_property(interp, recv.clone(), if name == "getFrom" { "from" } else { "to" }).map(Some)
        }
        ("iterator", 0) | ("listIterator", 0) => super::object::Iter::value(items(), Some(recv.clone())),
        ("eachCombination", 1) => {
            let Some(c) = c0 else { return Ok(None) };
            let combos = call(interp, recv, "combinations", &[])?.unwrap_or(Value::Null);
            for combo in ops::iter_values(&combos) {
                interp.call_closure(&c, vec![combo])?;
            }
            Value::Null
        }
        ("combinations", 1) => {
            let Some(c) = c0 else { return Ok(None) };
            let combos = call(interp, recv, "combinations", &[])?.unwrap_or(Value::Null);
            let mut out = Vec::new();
            for combo in ops::iter_values(&combos) {
                out.push(interp.call_closure(&c, vec![combo])?);
            }
            Value::list(out)
        }
        ("average", 0) => {
            let v = items();
            if v.is_empty() {
                Value::Null
            } else {
                let mut acc = v[0].clone();
                for x in &v[1..] {
                    acc = ops::add(&acc, x)?;
                }
                ops::div(&acc, &Value::Int(v.len() as i32))?
            }
        }
        _ => return Ok(None),
    }))
}

/// One entry for `collectEntries`: a `[k, v]` list, a map, or a map entry.
pub fn add_entry(out: &mut IndexMap<Key, Value>, v: Value) -> Eval<()> {
    match &v {
        Value::List(l) if l.len() == 2 => {
            let items = l.snapshot();
            out.insert(Key(items[0].clone()), items[1].clone());
        }
        Value::Map(m) => out.extend(m.snapshot()),
        Value::Entry(e) => {
            out.insert(Key(e.0.clone()), e.1.clone());
        }
        _ => {
            return Err(throw(
                "java.lang.IllegalArgumentException",
                format!("Expected a list of size 2 or a map entry but got {}", to_string(&v)),
            ))
        }
    }
    Ok(())
}

fn collect_nested(interp: &mut Interp, items: &[Value], c: &Arc<Closure>) -> Eval<Vec<Value>> {
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        out.push(match item {
            Value::List(_) | Value::Set(_) | Value::Range(_) => {
                Value::list(collect_nested(interp, &ops::iter_values(item), c)?)
            }
            other => interp.call_closure(c, vec![other.clone()])?,
        });
    }
    Ok(out)
}

fn permute(items: &[Value], cur: &mut Vec<Value>, used: &mut Vec<bool>, out: &mut Vec<Vec<Value>>) {
    if cur.len() == items.len() {
        out.push(cur.clone());
        return;
    }
    for i in 0..items.len() {
        if !used[i] {
            used[i] = true;
            cur.push(items[i].clone());
            permute(items, cur, used, out);
            cur.pop();
            used[i] = false;
        }
    }
}

/// `List.remove(int)`: the element at `i`, which must exist.
fn remove_index(recv: &Value, i: i64) -> Eval {
    let len = ops::iter_values(recv).len();
    if i < 0 || i >= len as i64 {
        return Err(throw("java.lang.IndexOutOfBoundsException", format!("Index {i} out of bounds for length {len}")));
    }
    mutate(recv, |x| x.remove(i as usize))
}

/// `List.remove(Object)`: the first element equal to `v` (Java's equals), if any.
fn remove_value(recv: &Value, v: &Value) -> Eval {
    Ok(Value::Bool(mutate(recv, |x| match x.iter().position(|e| java_eq(e, v)) {
        Some(p) => {
            x.remove(p);
            true
        }
        None => false,
    })?))
}

/// The class of `String.CASE_INSENSITIVE_ORDER`.
pub const CASE_INSENSITIVE: &str = "java.lang.String$CaseInsensitiveComparator";

/// `String.CASE_INSENSITIVE_ORDER` as a value sorting can use.
pub struct CaseInsensitiveOrder;

impl crate::interp::value::Object for CaseInsensitiveOrder {
    fn class_name(&self) -> &str {
        CASE_INSENSITIVE
    }

    fn get_property(&self, _name: &str) -> Option<Value> {
        None
    }

    fn to_text(&self) -> String {
        format!("{CASE_INSENSITIVE}@1")
    }

    fn call_method(&self, name: &str, args: &[Value]) -> Option<Eval> {
        match (name, args) {
            ("compare", [a, b]) => {
                let o = to_string(a).to_lowercase().cmp(&to_string(b).to_lowercase());
                Some(Ok(Value::Int(o as i32)))
            }
            _ => None,
        }
    }
}
