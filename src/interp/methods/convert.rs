//! Type conversion: typed declarations and casts (`int x = ...`, `(String) v`), the looser `as` coercion
//! (`'5' as Integer`), and whether a typed method parameter accepts an argument.

use std::sync::Arc;

use crate::interp::decimal::Decimal;
use crate::interp::error::{throw, Eval, Flow};
use crate::interp::ops::{self, truthy};
use crate::interp::text::to_string;
use crate::interp::value::{List, ListKind, Set, Value};
use crate::interp::Interp;
use crate::syntax::ast::Type;

fn base(name: &str) -> &str {
    name.rsplit('.').next().unwrap_or(name)
}

/// Java's `toString` (what Groovy's cast errors show for collections: `{a=1}` for a map).
fn java_text(v: &Value) -> String {
    match v {
        Value::Map(m) => format!(
            "{{{}}}",
            m.pairs().iter().map(|(k, v)| format!("{}={}", java_text(k), java_text(v))).collect::<Vec<_>>().join(", ")
        ),
        Value::List(_) | Value::Set(_) => {
            format!("[{}]", ops::iter_values(v).iter().map(java_text).collect::<Vec<_>>().join(", "))
        }
        other => to_string(other),
    }
}

/// A cast to a collection interface from another collection: Groovy looks for a constructor taking the
/// elements (or the map) and reports that it found none.
fn collection_cast_error(v: &Value, target: &str) -> Flow {
    let args: Vec<String> = match v {
        Value::List(_) | Value::Set(_) => ops::iter_values(v).iter().map(|e| e.class_name()).collect(),
        other => vec![other.class_name()],
    };
    let full = qualified(target);
    throw(
        "org.codehaus.groovy.runtime.typehandling.GroovyCastException",
        format!(
            "Cannot cast object '{}' with class '{}' to class '{full}' due to: groovy.lang.GroovyRuntimeException: \
             Could not find matching constructor for: {full}({})",
            java_text(v),
            v.class_name(),
            args.join(", ")
        ),
    )
}

fn cast_error(v: &Value, target: &str) -> Flow {
    let class = if v.is_null() { "null".to_string() } else { v.class_name() };
    let hint = match target {
        "int" if v.is_null() => ". Try 'java.lang.Integer' instead",
        "long" if v.is_null() => ". Try 'java.lang.Long' instead",
        "double" if v.is_null() => ". Try 'java.lang.Double' instead",
        "boolean" if v.is_null() => ". Try 'java.lang.Boolean' instead",
        _ => "",
    };
    throw(
        "org.codehaus.groovy.runtime.typehandling.GroovyCastException",
        format!("Cannot cast object '{}' with class '{class}' to class '{}'{hint}", to_string(v), qualified(target)),
    )
}

fn qualified(t: &str) -> String {
    match t {
        "int" | "long" | "double" | "float" | "boolean" | "char" | "short" | "byte" => t.to_string(),
        _ => super::statics::qualify(t),
    }
}

fn number_error(s: &str) -> Flow {
    throw("java.lang.NumberFormatException", format!("For input string: \"{s}\""))
}

/// A cast or typed assignment.
pub fn cast(interp: &mut Interp, v: Value, ty: &Type) -> Eval {
    if ty.dims > 0 {
        return as_type(interp, v, ty);
    }
    let name = base(&ty.name);
    Ok(match name {
        "def" | "Object" | "var" => v,
        "String" | "CharSequence" => match v {
            Value::Null | Value::Str(_) => v,
            other => Value::string(to_string(&other)),
        },
        "GString" => v,
        "int" | "Integer" | "short" | "Short" | "byte" | "Byte" => {
            let wrap = |i: i64| match name {
                "short" | "Short" => i as i16 as i32,
                "byte" | "Byte" => i as i8 as i32,
                _ => i as i32,
            };
            match &v {
                Value::Null if name == "int" => return Err(cast_error(&v, name)),
                Value::Null => v,
                Value::Char(c) => Value::Int(wrap(*c as i64)),
                // A one-character String converts to its character code.
                Value::Str(s) if s.chars().count() == 1 => Value::Int(wrap(s.chars().next().unwrap_or('\0') as i64)),
                n if n.is_number() => Value::Int(wrap(ops::to_i64(n).unwrap_or(0))),
                _ => return Err(cast_error(&v, name)),
            }
        }
        "long" | "Long" => match &v {
            Value::Null if name == "long" => return Err(cast_error(&v, name)),
            Value::Null => v,
            Value::Char(c) => Value::Long(*c as i64),
            n if n.is_number() => Value::Long(ops::to_i64(n).unwrap_or(0)),
            _ => return Err(cast_error(&v, name)),
        },
        "double" | "Double" | "float" | "Float" => match &v {
            Value::Null if name == "double" || name == "float" => return Err(cast_error(&v, name)),
            Value::Null => v,
            n if n.is_number() => {
                let f = ops::to_f64(n).unwrap_or(0.0);
                if name.eq_ignore_ascii_case("float") {
                    Value::Float(f as f32)
                } else {
                    Value::Double(f)
                }
            }
            _ => return Err(cast_error(&v, name)),
        },
        "BigDecimal" | "Number" if v.is_number() && name == "Number" => v,
        "BigDecimal" => match &v {
            Value::Null => v,
            n if n.is_number() => Value::decimal(ops::to_decimal(n).unwrap_or_else(|| Decimal::from_i64(0))),
            _ => return Err(cast_error(&v, name)),
        },
        "BigInteger" => match &v {
            Value::Null => v,
            n if n.is_number() => Value::bigint(ops::to_bigint(n).unwrap_or_default()),
            _ => return Err(cast_error(&v, name)),
        },
        "Number" => match &v {
            Value::Null => v,
            _ => return Err(cast_error(&v, name)),
        },
        "boolean" | "Boolean" => match &v {
            Value::Null if name == "Boolean" => v,
            other => Value::Bool(truthy(other)),
        },
        "char" | "Character" => match &v {
            Value::Char(_) => v,
            Value::Str(s) if s.chars().count() == 1 => Value::Char(s.chars().next().unwrap_or('\0')),
            n if n.is_number() => Value::Char(char::from_u32(ops::to_i64(n).unwrap_or(0) as u32).unwrap_or('\0')),
            Value::Null if name == "Character" => v,
            _ => return Err(cast_error(&v, name)),
        },
        "List" | "ArrayList" | "Collection" | "Iterable" | "LinkedList" | "AbstractList" => match &v {
            Value::Null | Value::List(_) => v,
            Value::Set(_) | Value::Range(_) => Value::list(ops::iter_values(&v)),
            Value::Map(_) => return Err(collection_cast_error(&v, name)),
            _ => return Err(cast_error(&v, name)),
        },
        "Set" | "HashSet" | "LinkedHashSet" | "TreeSet" | "SortedSet" => match &v {
            Value::Null | Value::Set(_) => v,
            Value::List(_) | Value::Range(_) => Value::Set(Set::from_values(ops::iter_values(&v))),
            _ => return Err(cast_error(&v, name)),
        },
        "Map" | "HashMap" | "LinkedHashMap" | "TreeMap" | "SortedMap" => match &v {
            Value::Null | Value::Map(_) => v,
            Value::List(_) | Value::Set(_) => return Err(collection_cast_error(&v, name)),
            _ => return Err(cast_error(&v, name)),
        },
        "Closure" => match &v {
            Value::Null | Value::Closure(_) => v,
            _ => return Err(cast_error(&v, name)),
        },
        _ => v,
    })
}

/// `v as T`.
pub fn as_type(interp: &mut Interp, v: Value, ty: &Type) -> Eval {
    let name = base(&ty.name);
    if ty.dims > 0 {
        let elem = Type { name: ty.name.clone(), args: Vec::new(), dims: ty.dims - 1, span: ty.span };
        let mut out = Vec::new();
        let items = match &v {
            Value::Null => return Ok(Value::Null),
            Value::Str(_) | Value::GString(_) => vec![v.clone()],
            _ => ops::iter_values(&v),
        };
        for item in items {
            out.push(as_type(interp, item, &elem)?);
        }
        return Ok(array(out, &elem));
    }
    if v.is_null() {
        return Ok(Value::Null);
    }
    let text = || to_string(&v);
    Ok(match name {
        "String" => Value::string(text()),
        "int" | "Integer" | "long" | "Long" | "short" | "Short" | "byte" | "Byte" if v.is_string() => {
            let s = text();
            let t = s.trim();
            match t.parse::<i64>() {
                Ok(n) if matches!(name, "long" | "Long") => Value::Long(n),
                Ok(n) if n >= i32::MIN as i64 && n <= i32::MAX as i64 => Value::Int(n as i32),
                _ => return Err(number_error(&s)),
            }
        }
        "double" | "Double" | "float" | "Float" if v.is_string() => {
            let s = text();
            match s.trim().parse::<f64>() {
                Ok(f) if name.eq_ignore_ascii_case("float") => Value::Float(f as f32),
                Ok(f) => Value::Double(f),
                Err(_) => return Err(number_error(&s)),
            }
        }
        "BigDecimal" | "Number" if v.is_string() => {
            let s = text();
            Value::decimal(Decimal::parse(&s).ok_or_else(|| number_error(&s))?)
        }
        "BigInteger" if v.is_string() => {
            let s = text();
            Value::bigint(s.trim().parse().map_err(|_| number_error(&s))?)
        }
        "boolean" | "Boolean" => Value::Bool(truthy(&v)),
        "LinkedList" => Value::List(List::of_kind(ops::iter_values(&v), ListKind::LinkedList)),
        "List" | "ArrayList" | "Collection" | "Iterable" => match &v {
            Value::List(_) => v,
            Value::Map(m) => {
                Value::list(m.pairs().into_iter().map(|(k, val)| Value::Entry(Arc::new((k, val)))).collect())
            }
            _ => Value::list(ops::iter_values(&v)),
        },
        "Set" | "HashSet" | "LinkedHashSet" => match &v {
            Value::Set(_) => v,
            _ => Value::Set(Set::from_values(ops::iter_values(&v))),
        },
        "TreeSet" | "SortedSet" => {
            let mut items = ops::iter_values(&v);
            super::list::sort_values(interp, &mut items, None)?;
            Value::Set(Set::from_values(items))
        }
        "Map" | "LinkedHashMap" | "HashMap" => match &v {
            Value::Map(_) => v,
            _ => return Err(cast_error(&v, name)),
        },
        "Pattern" => Value::Pattern(Arc::new(super::regex::compile(&text())?)),
        "char" | "Character" if v.is_string() => {
            let s = text();
            match s.chars().next() {
                Some(c) if s.chars().count() == 1 => Value::Char(c),
                _ => return Err(cast_error(&v, name)),
            }
        }
        _ => return cast(interp, v, ty),
    })
}

/// Whether a parameter of type `ty` takes `v` (for choosing among script methods).
pub fn accepts(ty: &Type, v: &Value) -> bool {
    if ty.dims > 0 {
        return matches!(v, Value::List(_) | Value::Null);
    }
    let name = base(&ty.name);
    match name {
        "int" | "long" | "short" | "byte" => matches!(v, Value::Int(_) | Value::Long(_) | Value::Char(_)),
        "Integer" | "Long" | "Short" | "Byte" => matches!(v, Value::Int(_) | Value::Long(_) | Value::Null),
        "double" | "float" => v.is_number(),
        "Double" | "Float" | "Number" | "BigDecimal" | "BigInteger" => v.is_number() || v.is_null(),
        "boolean" => matches!(v, Value::Bool(_)),
        "Boolean" => matches!(v, Value::Bool(_) | Value::Null),
        "String" | "CharSequence" | "GString" => v.is_string() || v.is_null(),
        "List" | "ArrayList" | "Collection" | "Iterable" => {
            matches!(v, Value::List(_) | Value::Range(_) | Value::Null)
                || (name != "List" && name != "ArrayList" && matches!(v, Value::Set(_)))
        }
        "Map" | "LinkedHashMap" | "HashMap" => matches!(v, Value::Map(_) | Value::Null),
        "Set" => matches!(v, Value::Set(_) | Value::Null),
        "Closure" => matches!(v, Value::Closure(_) | Value::Null),
        _ => true,
    }
}

/// A Java array of `elem` holding `items`.
pub fn array(items: Vec<Value>, elem: &Type) -> Value {
    let name = if elem.dims > 0 { format!("{}[]", base(&elem.name)) } else { base(&elem.name).to_string() };
    Value::List(List::of_kind(items, ListKind::Array(Arc::from(name.as_str()))))
}
