//! Methods every value has (Groovy's `Object` GDK): `toString`, `equals`, `getClass`, `inspect`, `is`,
//! `with`, `identity`, `asType`, and iteration over a single value.

use std::sync::Arc;

use super::closure_arg;
use crate::interp::error::Eval;
use crate::interp::ops::{self, equals};
use crate::interp::text::{inspect, to_string};
use crate::interp::value::Value;
use crate::interp::Interp;

pub fn call(interp: &mut Interp, recv: &Value, name: &str, args: &[Value]) -> Eval<Option<Value>> {
    Ok(Some(match (name, args.len()) {
        ("toString", 0) => Value::string(to_string(recv)),
        ("inspect", 0) => match recv {
            Value::Range(_) => return super::list::call(interp, recv, "toString", &[]),
            _ => Value::string(inspect(recv)),
        },
        ("dump", 0) => Value::string(format!("<{}>", recv.class_name())),
        ("equals", 1) => Value::Bool(equals(recv, &args[0])),
        ("is", 1) => Value::Bool(identical(recv, &args[0])),
        ("getClass", 0) => Value::Class(Arc::from(recv.class_name().as_str())),
        ("hashCode", 0) => Value::Int(0),
        ("asBoolean", 0) => Value::Bool(ops::truthy(recv)),
        ("with" | "identity", 1) => {
            let Some(c) = closure_arg(args, 0) else { return Ok(None) };
            interp.call_with_delegate(&c, recv.clone(), vec![recv.clone()])?
        }
        ("isCase", 1) => Value::Bool(ops::is_case(recv, &args[0])?),
        ("getMessage" | "getLocalizedMessage", 0) => match recv {
            Value::Exception(t) => t.java_message().map(Value::str).unwrap_or(Value::Null),
            _ => return Ok(None),
        },
        ("getCauses", 0) => match recv {
            Value::Exception(t) if t.signal == crate::interp::Signal::Aborted => t.causes(),
            _ => return Ok(None),
        },
        ("getCause", 0) => match recv {
            Value::Exception(t) => t.cause.clone().map(Value::Exception).unwrap_or(Value::Null),
            _ => return Ok(None),
        },
        ("printStackTrace", 0) => Value::Null,
        ("getKey", 0) => match recv {
            Value::Entry(e) => e.0.clone(),
            _ => return Ok(None),
        },
        ("getValue", 0) => match recv {
            Value::Entry(e) => e.1.clone(),
            _ => return Ok(None),
        },
        ("each", 1) => {
            let Some(c) = closure_arg(args, 0) else { return Ok(None) };
            interp.call_closure(&c, vec![recv.clone()])?;
            recv.clone()
        }
        ("compareTo", 1) => Value::Int(ops::compare(recv, &args[0])? as i32),
        _ => return Ok(None),
    }))
}

fn identical(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::List(x), Value::List(y)) => x.ptr_eq(y),
        (Value::Map(x), Value::Map(y)) => x.ptr_eq(y),
        (Value::Set(x), Value::Set(y)) => x.ptr_eq(y),
        // Literals are shared per text (Java's constant pool); computed strings are new objects.
        (Value::Str(x), Value::Str(y)) => Arc::ptr_eq(x, y),
        (Value::Int(x), Value::Int(y)) => x == y && (-128..=127).contains(x),
        _ => equals(a, b) && a.class_name() == b.class_name(),
    }
}

/// The script binding as `binding` shows it: its variables, `hasVariable`, `getVariable`, `setVariable`.
pub struct Binding(pub crate::interp::value::Map);

impl crate::interp::value::Object for Binding {
    fn class_name(&self) -> &str {
        "groovy.lang.Binding"
    }

    fn get_property(&self, name: &str) -> Option<Value> {
        match name {
            "variables" => Some(Value::Map(self.0.clone())),
            _ => self.0.get_str(name),
        }
    }

    fn set_property(&self, name: &str, value: Value) -> bool {
        self.0.with_mut(|m| m.insert(crate::interp::value::Key::str(name), value));
        true
    }

    fn to_text(&self) -> String {
        "groovy.lang.Binding@1".into()
    }

    fn call_method(&self, name: &str, args: &[Value]) -> Option<Eval> {
        let key = args.first().map(to_string).unwrap_or_default();
        Some(Ok(match name {
            "hasVariable" => Value::Bool(self.0.get_str(&key).is_some()),
            "getVariable" => match self.0.get_str(&key) {
                Some(v) => v,
                None => return Some(Err(crate::interp::eval::missing_property("groovy.lang.Binding", &key))),
            },
            "setVariable" => {
                self.set_property(&key, args.get(1).cloned().unwrap_or(Value::Null));
                Value::Null
            }
            "getVariables" => Value::Map(self.0.clone()),
            _ => return None,
        }))
    }
}

/// `iterator()`: hasNext/next over a copy of the elements; `remove()` takes the last one returned out of
/// the list or map it came from.
pub struct Iter {
    items: Vec<Value>,
    /// (next position, elements removed so far)
    pos: parking_lot::Mutex<(usize, usize)>,
    source: Option<Value>,
}

impl Iter {
    pub fn value(items: Vec<Value>, source: Option<Value>) -> Value {
        Value::Object(Arc::new(Iter { items, pos: parking_lot::Mutex::new((0, 0)), source }))
    }
}

impl crate::interp::value::Object for Iter {
    fn class_name(&self) -> &str {
        "java.util.ArrayList$Itr"
    }

    fn get_property(&self, _name: &str) -> Option<Value> {
        None
    }

    fn to_text(&self) -> String {
        "java.util.ArrayList$Itr@1".into()
    }

    fn call_method(&self, name: &str, _args: &[Value]) -> Option<Eval> {
        let mut guard = self.pos.lock();
        let (pos, removed) = &mut *guard;
        Some(Ok(match name {
            "hasNext" => Value::Bool(*pos < self.items.len()),
            "toList" | "collect" if _args.is_empty() => {
                let rest = self.items[*pos..].to_vec();
                *pos = self.items.len();
                Value::list(rest)
            }
            "next" => match self.items.get(*pos) {
                Some(v) => {
                    *pos += 1;
                    v.clone()
                }
                None => return Some(Err(crate::interp::error::bare("java.util.NoSuchElementException"))),
            },
            "remove" => {
                if *pos == 0 {
                    return Some(Err(crate::interp::error::bare("java.lang.IllegalStateException")));
                }
                let gone = &self.items[*pos - 1];
                match &self.source {
                    Some(Value::List(l)) => {
                        let at = *pos - 1 - *removed;
                        l.with_mut(|v| {
                            if at < v.len() {
                                v.remove(at);
                            }
                        });
                        *removed += 1;
                    }
                    Some(Value::Map(m)) => {
                        if let Value::Entry(e) = gone {
                            m.with_mut(|x| x.shift_remove(&crate::interp::value::Key(e.0.clone())));
                        }
                    }
                    _ => return Some(Err(crate::interp::error::bare("java.lang.UnsupportedOperationException"))),
                }
                Value::Null
            }
            _ => return None,
        }))
    }
}

/// The running script as a value (`this`, `closure.owner`).
pub struct Script;

impl crate::interp::value::Object for Script {
    fn class_name(&self) -> &str {
        "WorkflowScript"
    }

    fn get_property(&self, _name: &str) -> Option<Value> {
        None
    }

    fn to_text(&self) -> String {
        "WorkflowScript@1".into()
    }
}
