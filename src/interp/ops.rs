//! Groovy's operators on values: arithmetic with Java's numeric promotion (int overflow, BigDecimal
//! division), comparison, `==`, Groovy truth, and the collection and string forms of `+ - * <<`.
//!
//! Not for: method calls (`methods/`) or evaluation order (`eval.rs`).

use std::cmp::Ordering;
use std::sync::Arc;

use indexmap::IndexMap;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use super::decimal::Decimal;
use super::error::{throw, Eval};
use super::text::to_string;
use super::value::{Key, Value};

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum Rank {
    Int,
    Long,
    BigInt,
    Decimal,
    Double,
}

pub fn rank(v: &Value) -> Option<Rank> {
    Some(match v {
        Value::Int(_) | Value::Char(_) => Rank::Int,
        Value::Long(_) => Rank::Long,
        Value::BigInt(_) => Rank::BigInt,
        Value::Decimal(_) => Rank::Decimal,
        Value::Float(_) | Value::Double(_) => Rank::Double,
        _ => return None,
    })
}

pub fn to_i64(v: &Value) -> Option<i64> {
    Some(match v {
        Value::Int(i) => *i as i64,
        Value::Long(i) => *i,
        Value::Char(c) => *c as i64,
        Value::BigInt(b) => b.to_i64().unwrap_or_else(|| wrap_bigint(b)),
        Value::Decimal(d) => d.to_i64_wrapping(),
        Value::Float(f) => *f as i64,
        Value::Double(d) => *d as i64,
        _ => return None,
    })
}

fn wrap_bigint(b: &BigInt) -> i64 {
    let (_, digits) = b.to_u64_digits();
    let low = digits.first().copied().unwrap_or(0) as i64;
    if b.is_negative() {
        low.wrapping_neg()
    } else {
        low
    }
}

pub fn to_f64(v: &Value) -> Option<f64> {
    Some(match v {
        Value::Int(i) => *i as f64,
        Value::Long(i) => *i as f64,
        Value::Char(c) => *c as u32 as f64,
        Value::BigInt(b) => b.to_f64().unwrap_or(f64::NAN),
        Value::Decimal(d) => d.to_f64(),
        Value::Float(f) => *f as f64,
        Value::Double(d) => *d,
        _ => return None,
    })
}

pub fn to_bigint(v: &Value) -> Option<BigInt> {
    Some(match v {
        Value::BigInt(b) => (**b).clone(),
        Value::Decimal(d) => d.to_bigint(),
        Value::Float(_) | Value::Double(_) => BigInt::from(to_f64(v)? as i64),
        _ => BigInt::from(to_i64(v)?),
    })
}

pub fn to_decimal(v: &Value) -> Option<Decimal> {
    Some(match v {
        Value::Decimal(d) => (**d).clone(),
        Value::BigInt(b) => Decimal::new((**b).clone(), 0),
        Value::Float(f) => Decimal::parse(&super::text::java_float(*f))?,
        Value::Double(d) => Decimal::from_f64(*d)?,
        _ => Decimal::from_i64(to_i64(v)?),
    })
}

/// A BigInteger result narrowed as Groovy's `power` does: Integer when it fits, else BigInteger.
fn narrow_int(b: BigInt) -> Value {
    match b.to_i32() {
        Some(i) => Value::Int(i),
        None => Value::bigint(b),
    }
}

fn narrow_long(b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => Value::Long(i),
        None => Value::bigint(b),
    }
}

fn type_error(op: &str, a: &Value, b: &Value) -> super::error::Flow {
    throw(
        "groovy.lang.MissingMethodException",
        format!(
            "No signature of method: {}.{}() is applicable for argument types: ({}) values: [{}]",
            a.class_name(),
            op,
            b.class_name(),
            to_string(b)
        ),
    )
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Arith {
    Add,
    Sub,
    Mul,
}

fn arith(op: Arith, a: &Value, b: &Value) -> Option<Value> {
    let r = rank(a)?.max(rank(b)?);
    Some(match r {
        Rank::Int => {
            let (x, y) = (to_i64(a)? as i32, to_i64(b)? as i32);
            Value::Int(match op {
                Arith::Add => x.wrapping_add(y),
                Arith::Sub => x.wrapping_sub(y),
                Arith::Mul => x.wrapping_mul(y),
            })
        }
        Rank::Long => {
            let (x, y) = (to_i64(a)?, to_i64(b)?);
            Value::Long(match op {
                Arith::Add => x.wrapping_add(y),
                Arith::Sub => x.wrapping_sub(y),
                Arith::Mul => x.wrapping_mul(y),
            })
        }
        Rank::BigInt => {
            let (x, y) = (to_bigint(a)?, to_bigint(b)?);
            Value::bigint(match op {
                Arith::Add => x + y,
                Arith::Sub => x - y,
                Arith::Mul => x * y,
            })
        }
        Rank::Decimal => {
            let (x, y) = (to_decimal(a)?, to_decimal(b)?);
            Value::decimal(match op {
                Arith::Add => x.add(&y),
                Arith::Sub => x.sub(&y),
                Arith::Mul => x.mul(&y),
            })
        }
        Rank::Double => {
            let (x, y) = (to_f64(a)?, to_f64(b)?);
            Value::Double(match op {
                Arith::Add => x + y,
                Arith::Sub => x - y,
                Arith::Mul => x * y,
            })
        }
    })
}

pub fn add(a: &Value, b: &Value) -> Eval {
    if let Some(v) = arith(Arith::Add, a, b) {
        return Ok(v);
    }
    match a {
        Value::Str(_) | Value::GString(_) => {
            // Built in a reused buffer, so the result costs one allocation (its own).
            thread_local! {
                static SCRATCH: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
            }
            Ok(SCRATCH.with(|cell| match cell.try_borrow_mut() {
                Ok(mut buf) => {
                    buf.clear();
                    super::text::write(&mut buf, a, false, 0);
                    super::text::write(&mut buf, b, false, 0);
                    Value::Str(Arc::from(buf.as_str()))
                }
                Err(_) => Value::string(to_string(a) + &to_string(b)),
            }))
        }
        Value::Char(c) if b.is_string() => Ok(Value::string(format!("{c}{}", to_string(b)))),
        v if v.is_number() && b.is_string() => Ok(Value::string(to_string(a) + &to_string(b))),
        Value::List(l) => {
            let mut items = l.snapshot();
            match b {
                Value::List(_) | Value::Set(_) | Value::Range(_) => items.extend(iter_values(b)),
                other => items.push(other.clone()),
            }
            Ok(Value::list(items))
        }
        Value::Set(s) => {
            let out = super::value::Set::from_values(s.snapshot());
            match b {
                Value::List(_) | Value::Set(_) | Value::Range(_) => {
                    for v in iter_values(b) {
                        out.insert(v);
                    }
                }
                other => {
                    out.insert(other.clone());
                }
            }
            Ok(Value::Set(out))
        }
        Value::Range(r) => add(&Value::list(r.items()), b),
        Value::Map(m) => match b {
            Value::Map(other) => {
                let mut entries = m.snapshot();
                for (k, v) in other.snapshot() {
                    entries.insert(k, v);
                }
                Ok(Value::map(entries))
            }
            _ => Err(type_error("plus", a, b)),
        },
        Value::Null if b.is_string() => Ok(Value::string(format!("null{}", to_string(b)))),
        Value::Null => Err(super::error::npe("Cannot execute null+".to_string() + &to_string(b))),
        _ => Err(type_error("plus", a, b)),
    }
}

pub fn sub(a: &Value, b: &Value) -> Eval {
    if let Some(v) = arith(Arith::Sub, a, b) {
        return Ok(v);
    }
    match a {
        Value::Str(_) | Value::GString(_) => {
            let s = to_string(a);
            if let Value::Pattern(p) = b {
                return Ok(Value::string(match p.find(&s) {
                    Ok(Some(m)) => format!("{}{}", &s[..m.start()], &s[m.end()..]),
                    _ => s,
                }));
            }
            let t = to_string(b);
            Ok(Value::string(match s.find(&t) {
                Some(i) => format!("{}{}", &s[..i], &s[i + t.len()..]),
                None => s,
            }))
        }
        Value::List(_) | Value::Range(_) => {
            let remove: Vec<Value> = match b {
                Value::List(_) | Value::Set(_) | Value::Range(_) => iter_values(b),
                other => vec![other.clone()],
            };
            let items: Vec<Value> =
                iter_values(a).into_iter().filter(|x| !remove.iter().any(|r| equals(x, r))).collect();
            Ok(Value::list(items))
        }
        Value::Set(s) => {
            let remove: Vec<Value> = match b {
                Value::List(_) | Value::Set(_) | Value::Range(_) => iter_values(b),
                other => vec![other.clone()],
            };
            let out = super::value::Set::from_values(
                s.snapshot().into_iter().filter(|x| !remove.iter().any(|r| equals(x, r))),
            );
            Ok(Value::Set(out))
        }
        Value::Map(m) => match b {
            Value::Map(other) => {
                let drop = other.snapshot();
                let mut entries = IndexMap::new();
                for (k, v) in m.snapshot() {
                    let gone = drop.get(&k).is_some_and(|dv| equals(dv, &v));
                    if !gone {
                        entries.insert(k, v);
                    }
                }
                Ok(Value::map(entries))
            }
            _ => Err(type_error("minus", a, b)),
        },
        _ => Err(type_error("minus", a, b)),
    }
}

/// Larger strings or lists than this end in Java's OutOfMemoryError instead of exhausting the machine.
pub const MAX_ELEMENTS: usize = 1 << 28;

pub fn too_big(n: usize) -> Eval<()> {
    if n > MAX_ELEMENTS {
        return Err(throw("java.lang.OutOfMemoryError", "Java heap space"));
    }
    Ok(())
}

pub fn mul(a: &Value, b: &Value) -> Eval {
    if let Some(v) = arith(Arith::Mul, a, b) {
        return Ok(v);
    }
    match (a, b) {
        (Value::Str(_) | Value::GString(_), n) if n.is_number() => {
            let times = to_i64(n).unwrap_or(0);
            if times < 0 {
                return Err(throw("java.lang.IllegalArgumentException", format!("count is negative: {times}")));
            }
            let text = to_string(a);
            too_big(text.len().saturating_mul(times as usize))?;
            Ok(Value::string(text.repeat(times as usize)))
        }
        (Value::List(l), n) if n.is_number() => {
            let items = l.snapshot();
            let times = to_i64(n).unwrap_or(0).max(0) as usize;
            too_big(items.len().saturating_mul(times))?;
            let mut out = Vec::with_capacity(items.len() * times);
            for _ in 0..times {
                out.extend(items.iter().cloned());
            }
            Ok(Value::list(out))
        }
        _ => Err(type_error("multiply", a, b)),
    }
}

pub fn div(a: &Value, b: &Value) -> Eval {
    let (Some(ra), Some(rb)) = (rank(a), rank(b)) else { return Err(type_error("div", a, b)) };
    if ra == Rank::Double || rb == Rank::Double {
        return Ok(Value::Double(to_f64(a).unwrap_or(0.0) / to_f64(b).unwrap_or(0.0)));
    }
    let (x, y) =
        (to_decimal(a).unwrap_or_else(|| Decimal::from_i64(0)), to_decimal(b).unwrap_or_else(|| Decimal::from_i64(0)));
    match x.div_groovy(&y) {
        Some(q) => Ok(Value::decimal(q)),
        None => Err(throw(
            "java.lang.ArithmeticException",
            if x.is_zero() { "Division undefined" } else { "Division by zero" },
        )),
    }
}

pub fn intdiv(a: &Value, b: &Value) -> Eval {
    let r = match (rank(a), rank(b)) {
        (Some(x), Some(y)) => x.max(y),
        _ => return Err(type_error("intdiv", a, b)),
    };
    if matches!(r, Rank::Double | Rank::Decimal) {
        let odd = if rank(a) >= Some(Rank::Decimal) { a } else { b };
        return Err(throw(
            "java.lang.UnsupportedOperationException",
            format!("Cannot use intdiv() on this number type: {} with value: {}", odd.class_name(), to_string(odd)),
        ));
    }
    integer_division(r, a, b, i32::wrapping_div, i64::wrapping_div, |x, y| x / y)
}

/// Division-like operators on Integer, Long and BigInteger, with Java's `/ by zero`.
fn integer_division(
    r: Rank,
    a: &Value,
    b: &Value,
    int: fn(i32, i32) -> i32,
    long: fn(i64, i64) -> i64,
    big: fn(BigInt, BigInt) -> BigInt,
) -> Eval {
    let zero = || throw("java.lang.ArithmeticException", "/ by zero");
    match r {
        Rank::Int => {
            let (x, y) = (to_i64(a).unwrap_or(0) as i32, to_i64(b).unwrap_or(0) as i32);
            if y == 0 {
                return Err(zero());
            }
            Ok(Value::Int(int(x, y)))
        }
        Rank::Long => {
            let (x, y) = (to_i64(a).unwrap_or(0), to_i64(b).unwrap_or(0));
            if y == 0 {
                return Err(zero());
            }
            Ok(Value::Long(long(x, y)))
        }
        _ => {
            let (x, y) = (to_bigint(a).unwrap_or_default(), to_bigint(b).unwrap_or_default());
            if y.is_zero() {
                return Err(zero());
            }
            Ok(Value::bigint(big(x, y)))
        }
    }
}

pub fn rem(a: &Value, b: &Value) -> Eval {
    let r = match (rank(a), rank(b)) {
        (Some(x), Some(y)) => x.max(y),
        _ => return Err(type_error("mod", a, b)),
    };
    match r {
        Rank::Int | Rank::Long => integer_division(r, a, b, i32::wrapping_rem, i64::wrapping_rem, |x, y| x % y),
        Rank::BigInt => {
            let (x, y) = (to_bigint(a).unwrap_or_default(), to_bigint(b).unwrap_or_default());
            if y.is_zero() {
                return Err(throw("java.lang.ArithmeticException", "BigInteger: modulus not positive"));
            }
            Ok(Value::bigint(num_integer::Integer::mod_floor(&x, &y)))
        }
        Rank::Double => Ok(Value::Double(to_f64(a).unwrap_or(0.0) % to_f64(b).unwrap_or(0.0))),
        Rank::Decimal => Err(throw(
            "java.lang.UnsupportedOperationException",
            format!("Cannot use mod() on this number type: {} with value: {}", a.class_name(), to_string(a)),
        )),
    }
}

pub fn pow(a: &Value, b: &Value) -> Eval {
    let (Some(ra), Some(rb)) = (rank(a), rank(b)) else { return Err(type_error("power", a, b)) };
    // Groovy's power(Number, Number): a double result that is integral becomes an Integer or Long.
    let as_double = || {
        let r = to_f64(a).unwrap_or(0.0).powf(to_f64(b).unwrap_or(0.0));
        if r.fract() == 0.0 && r >= i32::MIN as f64 && r <= i32::MAX as f64 {
            Value::Int(r as i32)
        } else if r.fract() == 0.0 && r >= i64::MIN as f64 && r <= i64::MAX as f64 {
            Value::Long(r as i64)
        } else {
            Value::Double(r)
        }
    };
    if ra == Rank::Double || rb == Rank::Double || rb == Rank::Decimal {
        return Ok(as_double());
    }
    let exp = to_i64(b).unwrap_or(0);
    if exp < 0 || rb == Rank::BigInt {
        if ra == Rank::Decimal && exp < 0 {
            return Ok(as_double());
        }
        return Ok(as_double());
    }
    let exp = exp as usize;
    Ok(match ra {
        Rank::Int => narrow_int(num_traits::pow(to_bigint(a).unwrap_or_default(), exp)),
        Rank::Long => narrow_long(num_traits::pow(to_bigint(a).unwrap_or_default(), exp)),
        Rank::BigInt => Value::bigint(num_traits::pow(to_bigint(a).unwrap_or_default(), exp)),
        Rank::Decimal => {
            let d = to_decimal(a).unwrap_or_else(|| Decimal::from_i64(0));
            let unscaled = num_traits::pow(d.unscaled.clone(), exp);
            Value::decimal(Decimal::new(unscaled, d.scale * exp as i32))
        }
        Rank::Double => as_double(),
    })
}

pub fn neg(a: &Value) -> Eval {
    Ok(match a {
        Value::Int(i) => Value::Int(i.wrapping_neg()),
        Value::Long(i) => Value::Long(i.wrapping_neg()),
        Value::BigInt(b) => Value::bigint(-(**b).clone()),
        Value::Decimal(d) => Value::decimal(d.neg()),
        Value::Float(f) => Value::Float(-f),
        Value::Double(d) => Value::Double(-d),
        Value::List(l) => {
            let mut out = Vec::new();
            for v in l.snapshot() {
                out.push(neg(&v)?);
            }
            Value::list(out)
        }
        other => {
            return Err(throw(
                "groovy.lang.MissingMethodException",
                format!(
                    "No signature of method: {}.negative() is applicable for argument types: () values: []",
                    other.class_name()
                ),
            ))
        }
    })
}

/// `a + 1` / `a - 1` for `++` and `--` (also on strings: `next()`/`previous()` of the last character).
pub fn step(a: &Value, up: bool) -> Eval {
    match a {
        Value::Int(i) => Ok(Value::Int(if up { i.wrapping_add(1) } else { i.wrapping_sub(1) })),
        Value::Str(_) | Value::GString(_) => {
            let s = to_string(a);
            let mut chars: Vec<char> = s.chars().collect();
            if let Some(last) = chars.pop() {
                let c =
                    char::from_u32(if up { last as u32 + 1 } else { (last as u32).saturating_sub(1) }).unwrap_or(last);
                chars.push(c);
            }
            Ok(Value::string(chars.into_iter().collect()))
        }
        Value::Char(c) => Ok(Value::Char(
            char::from_u32(if up { *c as u32 + 1 } else { (*c as u32).saturating_sub(1) }).unwrap_or(*c),
        )),
        Value::Null => Err(super::error::npe("Cannot invoke method next() on null object")),
        _ => {
            if up {
                add(a, &Value::Int(1))
            } else {
                sub(a, &Value::Int(1))
            }
        }
    }
}

/// Groovy truth.
pub fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Int(i) => *i != 0,
        Value::Long(i) => *i != 0,
        Value::BigInt(b) => !b.is_zero(),
        Value::Decimal(d) => !d.is_zero(),
        Value::Float(f) => *f != 0.0,
        Value::Double(d) => *d != 0.0,
        Value::Char(c) => *c != '\0',
        Value::Str(s) => !s.is_empty(),
        Value::GString(_) => !to_string(v).is_empty(),
        Value::List(l) => !l.is_empty(),
        Value::Map(m) => !m.is_empty(),
        Value::Set(s) => !s.is_empty(),
        Value::Range(r) => !r.is_empty(),
        Value::Matcher(m) => super::methods::regex::matcher_find(&mut m.lock()),
        _ => true,
    }
}

/// Every element of a list, set or range (or the value itself).
pub fn iter_values(v: &Value) -> Vec<Value> {
    match v {
        Value::List(l) => l.snapshot(),
        Value::Set(s) => s.snapshot(),
        Value::Range(r) => r.items(),
        Value::Map(m) => m.pairs().into_iter().map(|(k, v)| Value::Entry(Arc::new((k, v)))).collect(),
        Value::Str(_) | Value::GString(_) => to_string(v).chars().map(|c| Value::string(c.to_string())).collect(),
        Value::Null => Vec::new(),
        other => vec![other.clone()],
    }
}

/// Groovy's `==`.
pub fn equals(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::Null, _) | (_, Value::Null) => false,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        _ if a.is_number() && b.is_number() => compare_numbers(a, b) == Some(Ordering::Equal),
        (Value::Char(x), Value::Char(y)) => x == y,
        (Value::Char(c), n) | (n, Value::Char(c)) if n.is_number() => to_i64(n) == Some(*c as i64),
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Str(_) | Value::GString(_) | Value::Char(_), Value::Str(_) | Value::GString(_) | Value::Char(_)) => {
            to_string(a) == to_string(b)
        }
        (Value::List(_) | Value::Range(_), Value::List(_) | Value::Range(_)) => {
            let (x, y) = (iter_values(a), iter_values(b));
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| equals(p, q))
        }
        (Value::Set(x), Value::Set(y)) => {
            x.ptr_eq(y) || {
                let (xs, ys) = (x.snapshot(), y.snapshot());
                xs.len() == ys.len() && xs.iter().all(|v| y.contains(v))
            }
        }
        (Value::Map(x), Value::Map(y)) => {
            x.ptr_eq(y) || {
                let (xs, ys) = (x.snapshot(), y.snapshot());
                xs.len() == ys.len() && xs.iter().all(|(k, v)| ys.get(k).is_some_and(|w| equals(v, w)))
            }
        }
        (Value::Entry(x), Value::Entry(y)) => equals(&x.0, &y.0) && equals(&x.1, &y.1),
        (Value::Class(x), Value::Class(y)) => x == y,
        (Value::Closure(x), Value::Closure(y)) => Arc::ptr_eq(x, y),
        (Value::Exception(x), Value::Exception(y)) => Arc::ptr_eq(x, y),
        (Value::Pattern(x), Value::Pattern(y)) => Arc::ptr_eq(x, y),
        (Value::Matcher(x), Value::Matcher(y)) => Arc::ptr_eq(x, y),
        (Value::Object(x), Value::Object(y)) => Arc::ptr_eq(x, y),
        _ => false,
    }
}

fn compare_numbers(a: &Value, b: &Value) -> Option<Ordering> {
    let r = rank(a)?.max(rank(b)?);
    Some(match r {
        Rank::Int | Rank::Long => to_i64(a)?.cmp(&to_i64(b)?),
        Rank::BigInt => to_bigint(a)?.cmp(&to_bigint(b)?),
        Rank::Decimal => to_decimal(a)?.compare(&to_decimal(b)?),
        Rank::Double => {
            let (x, y) = (to_f64(a)?, to_f64(b)?);
            x.partial_cmp(&y).unwrap_or_else(|| x.is_nan().cmp(&y.is_nan()))
        }
    })
}

/// Java's `String.compareTo`: by UTF-16 code units.
pub fn compare_strings(a: &str, b: &str) -> Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// Groovy's `<=>` (and `<`, `>`, sorting). Errors when the two cannot be compared.
pub fn compare(a: &Value, b: &Value) -> Eval<Ordering> {
    match (a, b) {
        (Value::Null, Value::Null) => return Ok(Ordering::Equal),
        (Value::Null, _) => return Ok(Ordering::Less),
        (_, Value::Null) => return Ok(Ordering::Greater),
        _ => {}
    }
    if a.is_number() && b.is_number() {
        if let Some(o) = compare_numbers(a, b) {
            return Ok(o);
        }
    }
    match (a, b) {
        (Value::Char(x), Value::Char(y)) => return Ok(x.cmp(y)),
        (Value::Char(c), n) if n.is_number() => return Ok((*c as i64).cmp(&to_i64(n).unwrap_or(0))),
        (n, Value::Char(c)) if n.is_number() => return Ok(to_i64(n).unwrap_or(0).cmp(&(*c as i64))),
        (Value::Str(_) | Value::GString(_) | Value::Char(_), Value::Str(_) | Value::GString(_) | Value::Char(_)) => {
            return Ok(compare_strings(&to_string(a), &to_string(b)))
        }
        (Value::Bool(x), Value::Bool(y)) => return Ok(x.cmp(y)),
        (Value::List(_) | Value::Range(_), Value::List(_) | Value::Range(_)) if equals(a, b) => {
            return Ok(Ordering::Equal)
        }
        _ => {}
    }
    if equals(a, b) {
        return Ok(Ordering::Equal);
    }
    Err(throw(
        "java.lang.IllegalArgumentException",
        format!(
            "Cannot compare {} with value '{}' and {} with value '{}'",
            a.class_name(),
            to_string(a),
            b.class_name(),
            to_string(b)
        ),
    ))
}

/// `a in b` / `b.isCase(a)`: the membership test used by `in` and by `switch` cases.
pub fn is_case(case: &Value, subject: &Value) -> Eval<bool> {
    Ok(match case {
        // Collection.contains: Java's equals (1L is not in [1], a GString is not in a list of Strings).
        Value::List(_) | Value::Set(_) => iter_values(case).iter().any(|v| Key(v.clone()) == Key(subject.clone())),
        Value::Range(r) => match r.as_ref() {
            super::value::Range::Int { from, to, .. } => match subject {
                Value::Int(_) | Value::Long(_) | Value::BigInt(_) => {
                    let i = to_i64(subject).unwrap_or(i64::MIN);
                    i >= *from && i <= *to
                }
                _ => false,
            },
            super::value::Range::Obj { items, .. } => items.iter().any(|v| equals(v, subject)),
        },
        Value::Map(m) => m.get(subject).map(|v| truthy(&v)).unwrap_or(false),
        Value::Pattern(p) => {
            if subject.is_null() {
                false
            } else {
                let s = to_string(subject);
                super::methods::regex::full_match(p, &s)
            }
        }
        Value::Class(c) => instance_of(subject, c),
        Value::Str(_) | Value::GString(_) => subject.is_string() && to_string(case) == to_string(subject),
        Value::Null => subject.is_null(),
        _ => equals(case, subject),
    })
}

/// `x instanceof T` for a class named by its simple or full name.
pub fn instance_of(v: &Value, class: &str) -> bool {
    let simple = class.rsplit('.').next().unwrap_or(class);
    let names: &[&str] = match v {
        Value::Null => return false,
        Value::Bool(_) => &["Boolean", "Object"],
        Value::Int(_) => &["Integer", "Number", "Comparable", "Object"],
        Value::Long(_) => &["Long", "Number", "Comparable", "Object"],
        Value::BigInt(_) => &["BigInteger", "Number", "Comparable", "Object"],
        Value::Decimal(_) => &["BigDecimal", "Number", "Comparable", "Object"],
        Value::Float(_) => &["Float", "Number", "Comparable", "Object"],
        Value::Double(_) => &["Double", "Number", "Comparable", "Object"],
        Value::Char(_) => &["Character", "Comparable", "Object"],
        Value::Str(_) => &["String", "CharSequence", "Comparable", "Object"],
        Value::GString(_) => &["GString", "GStringImpl", "CharSequence", "Comparable", "Object"],
        Value::List(_) => &["ArrayList", "List", "Collection", "Iterable", "AbstractList", "Object"],
        Value::Range(_) => &["IntRange", "ObjectRange", "Range", "List", "Collection", "Iterable", "Object"],
        Value::Set(_) => &["LinkedHashSet", "HashSet", "Set", "Collection", "Iterable", "Object"],
        Value::Map(_) => &["LinkedHashMap", "HashMap", "Map", "Object"],
        Value::Closure(_) => &["Closure", "Object"],
        Value::Pattern(_) => &["Pattern", "Object"],
        Value::Matcher(_) => &["Matcher", "Object"],
        Value::Entry(_) => &["Entry", "Map.Entry", "Object"],
        Value::Class(_) => &["Class", "Object"],
        Value::Exception(t) => return simple == "Object" || t.is_instance_of(class),
        Value::Object(o) => return simple == "Object" || o.class_name().ends_with(simple),
    };
    names.contains(&simple)
}
