//! Classes as values: static methods and constants (`Integer.parseInt`, `Math.max`, `String.format`,
//! `JsonOutput.toJson`), constructors (`new ArrayList()`, `new Exception('x')`), and class names.

use std::sync::Arc;

use indexmap::IndexMap;
use parking_lot::Mutex;

use super::format::sprintf;
use crate::interp::decimal::Decimal;
use crate::interp::error::{throw, Eval, Throwable};
use crate::interp::ops::{self, to_f64, to_i64};
use crate::interp::text::to_string;
use crate::interp::value::{Key, MapKind, Object, Set, SetKind, Value};
use crate::interp::Interp;
use crate::syntax::ast::Type;

const CLASSES: &[&str] = &[
    "java.lang.Object",
    "java.lang.String",
    "java.lang.Integer",
    "java.lang.Long",
    "java.lang.Double",
    "java.lang.Float",
    "java.lang.Short",
    "java.lang.Byte",
    "java.lang.Boolean",
    "java.lang.Character",
    "java.lang.Number",
    "java.lang.Math",
    "java.lang.System",
    "java.lang.StringBuilder",
    "java.lang.StringBuffer",
    "java.lang.CharSequence",
    "java.lang.Comparable",
    "java.lang.Iterable",
    "java.lang.Throwable",
    "java.lang.Exception",
    "java.lang.Error",
    "java.lang.RuntimeException",
    "java.lang.IllegalArgumentException",
    "java.lang.IllegalStateException",
    "java.lang.NullPointerException",
    "java.lang.ArithmeticException",
    "java.lang.ClassCastException",
    "java.lang.NumberFormatException",
    "java.lang.UnsupportedOperationException",
    "java.lang.IndexOutOfBoundsException",
    "java.lang.ArrayIndexOutOfBoundsException",
    "java.lang.StringIndexOutOfBoundsException",
    "java.lang.InterruptedException",
    "java.lang.AssertionError",
    "java.lang.StackOverflowError",
    "java.lang.NoSuchMethodError",
    "java.io.IOException",
    "java.io.FileNotFoundException",
    "java.io.File",
    "java.math.BigDecimal",
    "java.math.BigInteger",
    "java.math.RoundingMode",
    "java.util.List",
    "java.util.ArrayList",
    "java.util.LinkedList",
    "java.util.Map",
    "java.util.HashMap",
    "java.util.LinkedHashMap",
    "java.util.TreeMap",
    "java.util.Set",
    "java.util.HashSet",
    "java.util.LinkedHashSet",
    "java.util.TreeSet",
    "java.util.Collection",
    "java.util.Collections",
    "java.util.Arrays",
    "java.util.Objects",
    "java.util.NoSuchElementException",
    "java.util.ConcurrentModificationException",
    "java.util.regex.Pattern",
    "java.util.regex.Matcher",
    "java.util.concurrent.TimeoutException",
    "groovy.lang.Closure",
    "groovy.lang.GString",
    "groovy.lang.Range",
    "groovy.lang.IntRange",
    "groovy.lang.MissingPropertyException",
    "groovy.lang.MissingMethodException",
    "groovy.lang.GroovyRuntimeException",
    "groovy.json.JsonOutput",
    "groovy.json.JsonSlurper",
    "groovy.json.JsonSlurperClassic",
    "groovy.json.JsonException",
    "groovy.transform.Field",
    "hudson.AbortException",
    "org.jenkinsci.plugins.workflow.steps.FlowInterruptedException",
    "org.codehaus.groovy.runtime.typehandling.GroovyCastException",
    "org.codehaus.groovy.runtime.powerassert.PowerAssertionError",
];

/// The full name of a class named by its simple or full name, if jeeves knows it.
pub fn known_class(name: &str) -> Option<&'static str> {
    CLASSES.iter().copied().find(|c| *c == name || c.rsplit('.').next() == Some(name))
}

/// A class name as Java prints it (`String` -> `java.lang.String`); unknown names stay as written.
pub fn qualify(name: &str) -> String {
    match name {
        "int" | "long" | "double" | "float" | "boolean" | "char" | "short" | "byte" | "void" => name.to_string(),
        _ => known_class(name).map(str::to_string).unwrap_or_else(|| name.to_string()),
    }
}

fn simple(class: &str) -> String {
    let elem = match class {
        "[I" => Some("int".to_string()),
        "[J" => Some("long".to_string()),
        "[D" => Some("double".to_string()),
        "[Z" => Some("boolean".to_string()),
        "[C" => Some("char".to_string()),
        "[B" => Some("byte".to_string()),
        _ => class.strip_prefix("[L").and_then(|c| c.strip_suffix(";")).map(simple),
    };
    match elem {
        Some(e) => format!("{e}[]"),
        None => class.rsplit(['.', '$']).next().unwrap_or(class).to_string(),
    }
}

/// Static constants and `Class` properties.
pub fn property(class: &str, name: &str) -> Option<Value> {
    Some(match (simple(class).as_str(), name) {
        (_, "name") => Value::str(class),
        (_, "simpleName") => Value::string(simple(class)),
        ("Integer", "MAX_VALUE") => Value::Int(i32::MAX),
        ("Integer", "MIN_VALUE") => Value::Int(i32::MIN),
        ("Short", "MAX_VALUE") => Value::Int(i16::MAX as i32),
        ("Short", "MIN_VALUE") => Value::Int(i16::MIN as i32),
        ("Byte", "MAX_VALUE") => Value::Int(i8::MAX as i32),
        ("Byte", "MIN_VALUE") => Value::Int(i8::MIN as i32),
        ("Long", "MAX_VALUE") => Value::Long(i64::MAX),
        ("Long", "MIN_VALUE") => Value::Long(i64::MIN),
        ("Double", "MAX_VALUE") => Value::Double(f64::MAX),
        ("Double", "MIN_VALUE") => Value::Double(f64::from_bits(1)),
        ("Double", "POSITIVE_INFINITY") => Value::Double(f64::INFINITY),
        ("Double", "NEGATIVE_INFINITY") => Value::Double(f64::NEG_INFINITY),
        ("Double", "NaN") => Value::Double(f64::NAN),
        ("Math", "PI") => Value::Double(std::f64::consts::PI),
        ("Math", "E") => Value::Double(std::f64::consts::E),
        ("Boolean", "TRUE") => Value::Bool(true),
        ("Boolean", "FALSE") => Value::Bool(false),
        ("BigDecimal", "ZERO") => Value::decimal(Decimal::from_i64(0)),
        ("BigDecimal", "ONE") => Value::decimal(Decimal::from_i64(1)),
        ("BigDecimal", "TEN") => Value::decimal(Decimal::from_i64(10)),
        ("BigInteger", "ZERO") => Value::bigint(0.into()),
        ("BigInteger", "ONE") => Value::bigint(1.into()),
        ("BigInteger", "TEN") => Value::bigint(10.into()),
        ("File", "separator") => Value::str("/"),
        ("String", "CASE_INSENSITIVE_ORDER") => Value::Object(Arc::new(super::list::CaseInsensitiveOrder)),
        ("Closure", "OWNER_FIRST") => Value::Int(0),
        ("Closure", "DELEGATE_FIRST") => Value::Int(1),
        ("Closure", "OWNER_ONLY") => Value::Int(2),
        ("Closure", "DELEGATE_ONLY") => Value::Int(3),
        ("Closure", "TO_SELF") => Value::Int(4),
        ("BigDecimal", "ROUND_UP") => Value::Int(0),
        ("BigDecimal", "ROUND_DOWN") => Value::Int(1),
        ("BigDecimal", "ROUND_CEILING") => Value::Int(2),
        ("BigDecimal", "ROUND_FLOOR") => Value::Int(3),
        ("BigDecimal", "ROUND_HALF_UP") => Value::Int(4),
        ("BigDecimal", "ROUND_HALF_DOWN") => Value::Int(5),
        ("BigDecimal", "ROUND_HALF_EVEN") => Value::Int(6),
        ("BigDecimal", "ROUND_UNNECESSARY") => Value::Int(7),
        ("RoundingMode", mode) => Value::str(mode),
        _ => return None,
    })
}

fn arg_str(args: &[Value], i: usize) -> String {
    args.get(i).map(to_string).unwrap_or_default()
}

fn parse_int(s: &str, radix: u32) -> Eval<i64> {
    if radix < 2 {
        return Err(throw("java.lang.NumberFormatException", format!("radix {radix} less than Character.MIN_RADIX")));
    }
    if radix > 36 {
        return Err(throw(
            "java.lang.NumberFormatException",
            format!("radix {radix} greater than Character.MAX_RADIX"),
        ));
    }
    let t = s.strip_prefix('+').unwrap_or(s);
    i64::from_str_radix(t, radix)
        .map_err(|_| throw("java.lang.NumberFormatException", format!("For input string: \"{s}\"")))
}

fn math_number(v: f64, like: &[Value]) -> Value {
    if like.iter().all(|a| matches!(a, Value::Int(_))) {
        Value::Int(v as i32)
    } else if like.iter().all(|a| matches!(a, Value::Int(_) | Value::Long(_))) {
        Value::Long(v as i64)
    } else {
        Value::Double(v)
    }
}

/// `Class.name(args)`; None when there is no such static method.
pub fn call(interp: &mut Interp, class: &str, name: &str, args: &[Value]) -> Eval<Option<Value>> {
    let f = |i: usize| args.get(i).and_then(to_f64).unwrap_or(0.0);
    Ok(Some(match (simple(class).as_str(), name) {
        (_, "getName") => Value::str(class),
        (_, "getSimpleName") => Value::string(simple(class)),
        (_, "isInstance") => Value::Bool(args.first().is_some_and(|v| ops::instance_of(v, class))),
        ("Integer", "parseInt") | ("Integer", "valueOf") if args.first().is_some_and(|a| a.is_string()) => {
            let radix = args.get(1).and_then(to_i64).unwrap_or(10) as u32;
            let s = arg_str(args, 0);
            let n = parse_int(&s, radix)?;
            if n < i32::MIN as i64 || n > i32::MAX as i64 {
                return Err(throw("java.lang.NumberFormatException", format!("For input string: \"{s}\"")));
            }
            Value::Int(n as i32)
        }
        ("Integer", "parseInt" | "valueOf") | ("Long", "parseLong" | "valueOf")
            if args.first().is_some_and(|a| a.is_null()) =>
        {
            return Err(throw("java.lang.NumberFormatException", "Cannot parse null string"))
        }
        ("Integer", "valueOf") => Value::Int(args.first().and_then(to_i64).unwrap_or(0) as i32),
        ("Integer" | "Long", "toString") if args.len() == 2 => {
            let n = args.first().and_then(to_i64).unwrap_or(0);
            let radix = args.get(1).and_then(to_i64).unwrap_or(10) as u32;
            Value::string(to_radix(n, radix))
        }
        ("Integer", "toString") => Value::string(arg_str(args, 0)),
        ("Integer", "toOctalString") => {
            Value::string(format!("{:o}", args.first().and_then(to_i64).unwrap_or(0) as i32))
        }
        ("Integer", "bitCount") => Value::Int((args.first().and_then(to_i64).unwrap_or(0) as i32).count_ones() as i32),
        ("Integer" | "Long", "signum") => Value::Int(args.first().and_then(to_i64).unwrap_or(0).signum() as i32),
        ("Integer", "sum") => Value::Int(
            (args.first().and_then(to_i64).unwrap_or(0) as i32)
                .wrapping_add(args.get(1).and_then(to_i64).unwrap_or(0) as i32),
        ),
        ("Long", "toHexString") => Value::string(format!("{:x}", args.first().and_then(to_i64).unwrap_or(0))),
        ("Long", "toBinaryString") => Value::string(format!("{:b}", args.first().and_then(to_i64).unwrap_or(0))),
        ("Double", "compare") => Value::Int(match f(0).partial_cmp(&f(1)) {
            Some(std::cmp::Ordering::Less) => -1,
            Some(std::cmp::Ordering::Greater) => 1,
            _ => 0,
        }),
        ("Double", "isNaN") => Value::Bool(f(0).is_nan()),
        ("Double", "isInfinite") => Value::Bool(f(0).is_infinite()),
        ("Boolean", "logicalXor") => Value::Bool(ops::truthy(&args[0]) ^ ops::truthy(&args[1])),
        ("Boolean", "logicalAnd") => Value::Bool(ops::truthy(&args[0]) && ops::truthy(&args[1])),
        ("Boolean", "logicalOr") => Value::Bool(ops::truthy(&args[0]) || ops::truthy(&args[1])),
        ("Math", "toIntExact") => {
            let n = args.first().and_then(to_i64).unwrap_or(0);
            Value::Int(i32::try_from(n).map_err(|_| throw("java.lang.ArithmeticException", "integer overflow"))?)
        }
        ("Math", "addExact" | "subtractExact" | "multiplyExact") => {
            let (a, b) = (args.first().and_then(to_i64).unwrap_or(0), args.get(1).and_then(to_i64).unwrap_or(0));
            let ints = args.iter().all(|v| matches!(v, Value::Int(_)));
            let r = match name {
                "addExact" => a.checked_add(b),
                "subtractExact" => a.checked_sub(b),
                _ => a.checked_mul(b),
            };
            match (r, ints) {
                (Some(r), true) if i32::try_from(r).is_ok() => Value::Int(r as i32),
                (Some(r), false) => Value::Long(r),
                (_, true) => return Err(throw("java.lang.ArithmeticException", "integer overflow")),
                (None, false) => return Err(throw("java.lang.ArithmeticException", "long overflow")),
            }
        }
        ("Math", "hypot") => Value::Double(f(0).hypot(f(1))),
        ("Objects", "equals") => Value::Bool(ops::equals(&args[0], &args[1])),
        ("Objects", "isNull") => Value::Bool(args.first().is_none_or(|v| v.is_null())),
        ("Objects", "nonNull") => Value::Bool(args.first().is_some_and(|v| !v.is_null())),
        ("Objects", "toString") => match args.first() {
            Some(Value::Null) | None => {
                args.get(1).cloned().map(|d| Value::string(to_string(&d))).unwrap_or(Value::str("null"))
            }
            Some(v) => Value::string(to_string(v)),
        },
        ("Objects", "requireNonNull") => match args.first() {
            Some(Value::Null) | None => {
                return Err(match args.get(1) {
                    Some(m) => throw("java.lang.NullPointerException", to_string(m)),
                    None => crate::interp::error::bare("java.lang.NullPointerException"),
                })
            }
            Some(v) => v.clone(),
        },
        ("Character", "getNumericValue") => {
            Value::Int(arg_str(args, 0).chars().next().and_then(|c| c.to_digit(36)).map_or(-1, |d| d as i32))
        }
        ("Character", "toChars") => Value::List(crate::interp::value::List::of_kind(
            char::from_u32(args.first().and_then(to_i64).unwrap_or(0) as u32).map(Value::Char).into_iter().collect(),
            crate::interp::value::ListKind::Array(Arc::from("char")),
        )),
        ("Character", "toUpperCase") => {
            Value::Char(arg_str(args, 0).chars().next().map_or(' ', |c| c.to_uppercase().next().unwrap_or(c)))
        }
        ("Character", "toLowerCase") => {
            Value::Char(arg_str(args, 0).chars().next().map_or(' ', |c| c.to_lowercase().next().unwrap_or(c)))
        }
        ("Character", "valueOf") => Value::Char(arg_str(args, 0).chars().next().unwrap_or(' ')),
        ("Collections", "singletonList" | "singleton") => {
            let items = vec![args.first().cloned().unwrap_or(Value::Null)];
            if name == "singleton" {
                Value::Set(Set::from_values(items))
            } else {
                Value::List(crate::interp::value::List::immutable(items))
            }
        }
        ("Collections", "nCopies") => {
            Value::List(crate::interp::value::List::immutable(vec![
                args.get(1).cloned().unwrap_or(Value::Null);
                args.first().and_then(to_i64).unwrap_or(0).max(0)
                    as usize
            ]))
        }
        ("Collections", "frequency") => Value::Int(
            ops::iter_values(args.first().unwrap_or(&Value::Null)).iter().filter(|v| ops::equals(v, &args[1])).count()
                as i32,
        ),
        ("Collections", "swap") => {
            if let Some(Value::List(l)) = args.first() {
                let (i, j) = (
                    args.get(1).and_then(to_i64).unwrap_or(0) as usize,
                    args.get(2).and_then(to_i64).unwrap_or(0) as usize,
                );
                let len = l.len();
                if i >= len || j >= len {
                    return Err(throw(
                        "java.lang.IndexOutOfBoundsException",
                        format!("Index {} out of bounds for length {len}", i.max(j)),
                    ));
                }
                l.with_mut(|v| v.swap(i, j));
            }
            Value::Null
        }
        ("Collections", "unmodifiableMap") => match args.first() {
            Some(Value::Map(m)) => Value::Map(crate::interp::value::Map::immutable(m.snapshot())),
            _ => return Ok(None),
        },
        ("Collections", "emptySet") => Value::Set(Set::from_values(Vec::new())),
        ("Collections", "unmodifiableSet" | "unmodifiableCollection") => args.first().cloned().unwrap_or(Value::Null),
        ("Arrays", "sort") => {
            if let Some(Value::List(l)) = args.first() {
                let mut items = l.snapshot();
                super::list::sort_values(interp, &mut items, args.get(1))?;
                l.with_mut(|v| *v = items);
            }
            Value::Null
        }
        ("Arrays", "toString") => Value::string(to_string(args.first().unwrap_or(&Value::Null))),
        ("Matcher", "quoteReplacement") => Value::string(arg_str(args, 0).replace('\\', "\\\\").replace('$', "\\$")),
        ("Integer", "toHexString") => Value::string(format!("{:x}", args.first().and_then(to_i64).unwrap_or(0) as i32)),
        ("Integer", "toBinaryString") => {
            Value::string(format!("{:b}", args.first().and_then(to_i64).unwrap_or(0) as i32))
        }
        ("Integer" | "Long", "max") => math_number(f(0).max(f(1)), args),
        ("Integer" | "Long", "min") => math_number(f(0).min(f(1)), args),
        ("Integer", "compare") | ("Long", "compare") => {
            Value::Int(args.first().and_then(to_i64).cmp(&args.get(1).and_then(to_i64)) as i32)
        }
        ("Long", "parseLong") | ("Long", "valueOf") if args.first().is_some_and(|a| a.is_string()) => {
            Value::Long(parse_int(&arg_str(args, 0), args.get(1).and_then(to_i64).unwrap_or(10) as u32)?)
        }
        ("Long", "valueOf") => Value::Long(args.first().and_then(to_i64).unwrap_or(0)),
        ("Long", "toString") => Value::string(arg_str(args, 0)),
        ("Double", "parseDouble") | ("Double", "valueOf") => {
            let s = arg_str(args, 0);
            Value::Double(
                s.trim()
                    .parse()
                    .map_err(|_| throw("java.lang.NumberFormatException", format!("For input string: \"{s}\"")))?,
            )
        }
        ("Boolean", "parseBoolean") | ("Boolean", "valueOf") => {
            Value::Bool(arg_str(args, 0).eq_ignore_ascii_case("true"))
        }
        ("String", "valueOf") => Value::string(chars_or_text(args.first().unwrap_or(&Value::Null))),
        ("String", "format") => Value::string(sprintf(args)?),
        ("String", "join") => {
            let sep = arg_str(args, 0);
            let items: Vec<String> = if args.len() == 2 && matches!(args[1], Value::List(_) | Value::Set(_)) {
                ops::iter_values(&args[1]).iter().map(to_string).collect()
            } else {
                args[1..].iter().map(to_string).collect()
            };
            Value::string(items.join(&sep))
        }
        ("Math", "max") => math_number(f(0).max(f(1)), args),
        ("Math", "min") => math_number(f(0).min(f(1)), args),
        ("Math", "abs") => match args.first() {
            Some(Value::Int(i)) => Value::Int(i.wrapping_abs()),
            Some(Value::Long(i)) => Value::Long(i.wrapping_abs()),
            _ => Value::Double(f(0).abs()),
        },
        ("Math", "pow") => Value::Double(f(0).powf(f(1))),
        ("Math", "sqrt") => Value::Double(f(0).sqrt()),
        ("Math", "cbrt") => Value::Double(f(0).cbrt()),
        ("Math", "floor") => Value::Double(f(0).floor()),
        ("Math", "ceil") => Value::Double(f(0).ceil()),
        ("Math", "round") => match args.first() {
            Some(Value::Float(x)) => Value::Int((x + 0.5).floor() as i32),
            _ => Value::Long((f(0) + 0.5).floor() as i64),
        },
        ("Math", "log") => Value::Double(f(0).ln()),
        ("Math", "log10") => Value::Double(f(0).log10()),
        ("Math", "exp") => Value::Double(f(0).exp()),
        ("Math", "signum") => Value::Double(if f(0) > 0.0 {
            1.0
        } else if f(0) < 0.0 {
            -1.0
        } else {
            0.0
        }),
        ("Math", "floorDiv") => {
            let (a, b) = (args.first().and_then(to_i64).unwrap_or(0), args.get(1).and_then(to_i64).unwrap_or(1));
            if b == 0 {
                return Err(throw("java.lang.ArithmeticException", "/ by zero"));
            }
            math_number(num_integer::Integer::div_floor(&a, &b) as f64, args)
        }
        ("Math", "floorMod") => {
            let (a, b) = (args.first().and_then(to_i64).unwrap_or(0), args.get(1).and_then(to_i64).unwrap_or(1));
            if b == 0 {
                return Err(throw("java.lang.ArithmeticException", "/ by zero"));
            }
            math_number(num_integer::Integer::mod_floor(&a, &b) as f64, args)
        }
        ("Character", "isDigit") => Value::Bool(arg_str(args, 0).chars().next().is_some_and(|c| c.is_ascii_digit())),
        ("Character", "isLetter") => Value::Bool(arg_str(args, 0).chars().next().is_some_and(char::is_alphabetic)),
        ("Character", "isLetterOrDigit") => {
            Value::Bool(arg_str(args, 0).chars().next().is_some_and(char::is_alphanumeric))
        }
        ("Character", "isUpperCase") => Value::Bool(arg_str(args, 0).chars().next().is_some_and(char::is_uppercase)),
        ("Character", "isLowerCase") => Value::Bool(arg_str(args, 0).chars().next().is_some_and(char::is_lowercase)),
        ("Character", "isWhitespace") => Value::Bool(arg_str(args, 0).chars().next().is_some_and(char::is_whitespace)),
        ("JsonOutput", "toJson") => Value::string(super::json::to_json(args.first().unwrap_or(&Value::Null))),
        ("JsonOutput", "prettyPrint") => Value::string(super::json::pretty_print(&arg_str(args, 0))?),
        ("Collections", "sort") => {
            if let Some(Value::List(l)) = args.first() {
                let mut items = l.snapshot();
                super::list::sort_values(interp, &mut items, args.get(1))?;
                l.with_mut(|v| *v = items);
            }
            Value::Null
        }
        ("Collections", "reverse") => {
            if let Some(Value::List(l)) = args.first() {
                l.with_mut(|v| v.reverse());
            }
            Value::Null
        }
        ("Collections", "max") => super::list::extreme(interp, args.first().unwrap_or(&Value::Null), None, true)?,
        ("Collections", "min") => super::list::extreme(interp, args.first().unwrap_or(&Value::Null), None, false)?,
        ("Collections", "emptyList") => Value::List(crate::interp::value::List::immutable(Vec::new())),
        ("Collections", "emptyMap") => Value::Map(crate::interp::value::Map::immutable(IndexMap::new())),
        ("Collections", "unmodifiableList") => {
            Value::List(crate::interp::value::List::immutable(ops::iter_values(args.first().unwrap_or(&Value::Null))))
        }
        ("Arrays", "asList") => Value::list(args.to_vec()),
        ("System", "getenv") => match args.first() {
            Some(v) => std::env::var(to_string(v)).map(Value::string).unwrap_or(Value::Null),
            None => Value::map(std::env::vars().map(|(k, v)| (Key::str(&k), Value::string(v))).collect()),
        },
        ("System", "currentTimeMillis") => Value::Long(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_millis() as i64)
                .unwrap_or(0),
        ),
        ("System", "nanoTime") => Value::Long(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as i64)
                .unwrap_or(0),
        ),
        ("System", "lineSeparator") => Value::str("\n"),
        ("Pattern", "compile") => Value::Pattern(Arc::new(super::regex::compile(&arg_str(args, 0))?)),
        ("Pattern", "matches") => {
            let re = super::regex::compile(&arg_str(args, 0))?;
            Value::Bool(super::regex::full_match(&re, &arg_str(args, 1)))
        }
        ("Pattern", "quote") => Value::string(format!("\\Q{}\\E", arg_str(args, 0))),
        ("RoundingMode", "values") => Value::list(
            ["UP", "DOWN", "CEILING", "FLOOR", "HALF_UP", "HALF_DOWN", "HALF_EVEN", "UNNECESSARY"]
                .map(Value::str)
                .to_vec(),
        ),
        ("RoundingMode", "valueOf") => {
            let n = arg_str(args, 0);
            match crate::interp::decimal::Rounding::parse(&n) {
                Some(_) if !n.chars().all(|c| c.is_ascii_digit()) => Value::string(n),
                _ => {
                    return Err(throw(
                        "java.lang.IllegalArgumentException",
                        format!("No enum constant java.math.RoundingMode.{n}"),
                    ))
                }
            }
        }
        ("BigInteger", "valueOf") => {
            Value::bigint(ops::to_bigint(args.first().unwrap_or(&Value::Int(0))).unwrap_or_default())
        }
        ("BigDecimal", "valueOf") if args.len() == 2 => Value::decimal(Decimal::new(
            ops::to_bigint(&args[0]).unwrap_or_default(),
            to_i64(&args[1]).unwrap_or(0) as i32,
        )),
        ("BigDecimal", "valueOf") => match args.first() {
            Some(Value::Double(d)) => Value::decimal(Decimal::from_f64(*d).unwrap_or_else(|| Decimal::from_i64(0))),
            Some(v) => Value::decimal(ops::to_decimal(v).unwrap_or_else(|| Decimal::from_i64(0))),
            None => return Ok(None),
        },
        _ => return Ok(None),
    }))
}

/// `new T(args)`.
pub fn construct(interp: &mut Interp, ty: &Type, args: Vec<Value>) -> Eval {
    let full = qualify(&ty.name);
    let name = simple(&full);
    let first = args.first().cloned().unwrap_or(Value::Null);
    Ok(match name.as_str() {
        "ArrayList" | "LinkedList" | "Vector" => match &first {
            Value::List(_) | Value::Set(_) | Value::Range(_) => Value::list(ops::iter_values(&first)),
            _ => Value::list(Vec::new()),
        },
        "HashMap" | "LinkedHashMap" | "TreeMap" | "ConcurrentHashMap" => {
            let entries = match &first {
                Value::Map(m) => m.snapshot(),
                _ => IndexMap::new(),
            };
            let kind = match name.as_str() {
                "LinkedHashMap" => MapKind::Linked,
                "TreeMap" => MapKind::Tree,
                _ => MapKind::Hash,
            };
            Value::Map(crate::interp::value::Map::of_kind(entries, kind))
        }
        "HashSet" | "LinkedHashSet" | "TreeSet" => {
            let items = match &first {
                Value::List(_) | Value::Set(_) | Value::Range(_) => ops::iter_values(&first),
                _ => Vec::new(),
            };
            let kind = match name.as_str() {
                "LinkedHashSet" => SetKind::Linked,
                "TreeSet" => SetKind::Tree,
                _ => SetKind::Hash,
            };
            Value::Set(Set::of_kind(items, kind))
        }
        "String" => Value::string(if args.is_empty() { String::new() } else { chars_or_text(&first) }),
        "StringBuilder" | "StringBuffer" => {
            let init = match &first {
                Value::Null => String::new(),
                v if v.is_number() => String::new(),
                v => to_string(v),
            };
            StringBuilder::value(init, name == "StringBuffer")
        }
        "Integer" => crate::interp::methods::convert::as_type(
            interp,
            first,
            &Type { name: "Integer".into(), args: Vec::new(), dims: 0, span: ty.span },
        )?,
        "Long" => crate::interp::methods::convert::as_type(
            interp,
            first,
            &Type { name: "Long".into(), args: Vec::new(), dims: 0, span: ty.span },
        )?,
        "BigDecimal" => match &first {
            v if v.is_string() => {
                let s = to_string(v);
                Value::decimal(Decimal::parse(&s).ok_or_else(|| {
                    throw("java.lang.NumberFormatException", "Character array is missing \"exponent\" mark 'e' or 'E'.")
                })?)
            }
            Value::Double(d) => Value::decimal(
                Decimal::from_f64_exact(*d)
                    .ok_or_else(|| throw("java.lang.NumberFormatException", "Infinite or NaN"))?,
            ),
            v => Value::decimal(ops::to_decimal(v).unwrap_or_else(|| Decimal::from_i64(0))),
        },
        "BigInteger" => {
            let s = to_string(&first);
            Value::bigint(
                s.trim()
                    .parse()
                    .map_err(|_| throw("java.lang.NumberFormatException", format!("For input string: \"{s}\"")))?,
            )
        }
        "JsonSlurper" | "JsonSlurperClassic" => Value::Object(Arc::new(JsonSlurper)),
        "Object" => Value::map(IndexMap::new()),
        _ if name.ends_with("Exception") || name.ends_with("Error") || name == "Throwable" => {
            let class = if full.contains('.') { full.clone() } else { format!("java.lang.{name}") };
            let (message, cause) = match (&first, args.get(1)) {
                (Value::Exception(c), _) => (Some(c.to_text()), Some(c.clone())),
                (Value::Null, _) => (None, None),
                (m, Some(Value::Exception(c))) => (Some(to_string(m)), Some(c.clone())),
                (m, _) => (Some(to_string(m)), None),
            };
            let mut t = Throwable::new(&class, message);
            t.cause = cause;
            if class == "hudson.AbortException" {
                t.signal = crate::interp::error::Signal::StepFailed;
            }
            Value::Exception(Arc::new(t))
        }
        _ => {
            return Err(throw(
                "java.lang.UnsupportedOperationException",
                format!("jeeves cannot create objects of class {full}"),
            ))
        }
    })
}

/// `java.lang.StringBuilder`, or `StringBuffer` when `buffer` (what `String << x` makes).
pub struct StringBuilder {
    text: Mutex<String>,
    buffer: bool,
}

impl StringBuilder {
    pub fn value(text: String, buffer: bool) -> Value {
        Value::Object(Arc::new(StringBuilder { text: Mutex::new(text), buffer }))
    }
}

impl Object for StringBuilder {
    fn class_name(&self) -> &str {
        if self.buffer {
            "java.lang.StringBuffer"
        } else {
            "java.lang.StringBuilder"
        }
    }

    fn get_property(&self, _name: &str) -> Option<Value> {
        None
    }

    fn to_text(&self) -> String {
        self.text.lock().clone()
    }

    fn call_method(&self, name: &str, args: &[Value]) -> Option<Eval> {
        let mut s = self.text.lock();
        Some(Ok(match name {
            "append" | "leftShift" => {
                s.push_str(&args.first().map(to_string).unwrap_or_else(|| "null".into()));
                Value::Null
            }
            "toString" => Value::string(s.clone()),
            "length" | "size" => Value::Int(s.chars().count() as i32),
            "reverse" => {
                *s = s.chars().rev().collect();
                Value::Null
            }
            "setLength" => {
                let n = args.first().and_then(to_i64).unwrap_or(0) as usize;
                *s = s.chars().take(n).collect();
                Value::Null
            }
            "insert" => {
                let at = args.first().and_then(to_i64).unwrap_or(0) as usize;
                let text = args.get(1).map(to_string).unwrap_or_default();
                let byte = s.char_indices().nth(at).map(|(i, _)| i).unwrap_or(s.len());
                s.insert_str(byte, &text);
                Value::Null
            }
            _ => return None,
        }))
    }
}

struct JsonSlurper;

impl Object for JsonSlurper {
    fn class_name(&self) -> &str {
        "groovy.json.JsonSlurperClassic"
    }

    fn get_property(&self, _name: &str) -> Option<Value> {
        None
    }

    fn to_text(&self) -> String {
        "groovy.json.JsonSlurperClassic@1".into()
    }

    fn call_method(&self, name: &str, args: &[Value]) -> Option<Eval> {
        match name {
            "parseText" => Some(super::json::parse(&args.first().map(to_string).unwrap_or_default())),
            _ => None,
        }
    }
}

/// A `char[]` as the text it holds, anything else as its `toString`.
fn chars_or_text(v: &Value) -> String {
    match v {
        Value::List(l) if matches!(l.kind(), crate::interp::value::ListKind::Array(e) if &**e == "char") => {
            l.snapshot().iter().map(to_string).collect()
        }
        other => to_string(other),
    }
}

/// `Integer.toString(n, radix)`.
fn to_radix(n: i64, radix: u32) -> String {
    if !(2..=36).contains(&radix) {
        return n.to_string();
    }
    let mut digits = Vec::new();
    let mut m = n.unsigned_abs();
    loop {
        digits.push(std::char::from_digit((m % radix as u64) as u32, radix).unwrap_or('0'));
        m /= radix as u64;
        if m == 0 {
            break;
        }
    }
    if n < 0 {
        digits.push('-');
    }
    digits.iter().rev().collect()
}
