//! Methods on numbers: Groovy's `times`, `upto`, `intdiv`, `round`, ... and Java's `Number` API.

use crate::interp::decimal::Decimal;
use crate::interp::error::Eval;
use crate::interp::ops::{self, to_f64, to_i64};
use crate::interp::text::to_string;
use crate::interp::value::Value;
use crate::interp::Interp;

use super::closure_arg;

pub fn call(interp: &mut Interp, recv: &Value, name: &str, args: &[Value]) -> Eval<Option<Value>> {
    let c_last = args.last().and_then(|a| if let Value::Closure(c) = a { Some(c.clone()) } else { None });
    Ok(Some(match (name, args.len()) {
        ("times", 1) => {
            let Some(c) = closure_arg(args, 0) else { return Ok(None) };
            for i in 0..to_i64(recv).unwrap_or(0) {
                interp.call_closure(&c, vec![Value::Int(i as i32)])?;
            }
            Value::Null
        }
        ("upto", 2) | ("downto", 2) => {
            let Some(c) = c_last else { return Ok(None) };
            let mut cur = recv.clone();
            let up = name == "upto";
            loop {
                let o = ops::compare(&cur, &args[0])?;
                if (up && o == std::cmp::Ordering::Greater) || (!up && o == std::cmp::Ordering::Less) {
                    break;
                }
                interp.call_closure(&c, vec![cur.clone()])?;
                cur = ops::step(&cur, up)?;
            }
            Value::Null
        }
        ("step", 3) => {
            let Some(c) = c_last else { return Ok(None) };
            let mut cur = recv.clone();
            let up = ops::compare(&args[1], &Value::Int(0))? == std::cmp::Ordering::Greater;
            loop {
                let o = ops::compare(&cur, &args[0])?;
                if (up && o != std::cmp::Ordering::Less) || (!up && o != std::cmp::Ordering::Greater) {
                    break;
                }
                interp.call_closure(&c, vec![cur.clone()])?;
                cur = ops::add(&cur, &args[1])?;
            }
            Value::Null
        }
        ("intdiv", 1) => ops::intdiv(recv, &args[0])?,
        ("div", 1) => ops::div(recv, &args[0])?,
        ("plus", 1) => ops::add(recv, &args[0])?,
        ("minus", 1) => ops::sub(recv, &args[0])?,
        ("multiply", 1) => ops::mul(recv, &args[0])?,
        ("mod", 1) => ops::rem(recv, &args[0])?,
        ("power", 1) | ("pow", 1) => ops::pow(recv, &args[0])?,
        ("negate", 0) => ops::neg(recv)?,
        ("abs", 0) => match recv {
            Value::Int(i) => Value::Int(i.wrapping_abs()),
            Value::Long(i) => Value::Long(i.wrapping_abs()),
            Value::BigInt(b) => Value::bigint(num_traits::Signed::abs(&**b)),
            Value::Decimal(d) => Value::decimal(d.abs()),
            Value::Float(f) => Value::Float(f.abs()),
            _ => Value::Double(to_f64(recv).unwrap_or(0.0).abs()),
        },
        ("round", 0) => match recv {
            Value::Float(f) => Value::Int((f + 0.5).floor() as i32),
            Value::Double(d) => Value::Long((d + 0.5).floor() as i64),
            // Groovy 2.4 hands a null MathContext to BigDecimal.round.
            Value::Decimal(_) => {
                return Err(crate::interp::error::throw(
                    "java.lang.NullPointerException",
                    "Cannot read field \"precision\" because \"mc\" is null",
                ))
            }
            other => other.clone(),
        },
        ("round", 1) => {
            let places = to_i64(&args[0]).unwrap_or(0) as i32;
            match recv {
                Value::Double(d) => {
                    let dec = Decimal::from_f64(*d).unwrap_or_else(|| Decimal::from_i64(0));
                    Value::Double(dec.set_scale_half_up(places).to_f64())
                }
                Value::Float(f) => {
                    let dec =
                        Decimal::parse(&crate::interp::text::java_float(*f)).unwrap_or_else(|| Decimal::from_i64(0));
                    Value::Float(dec.set_scale_half_up(places).to_f64() as f32)
                }
                // Groovy 2.4 has no round(int) for BigDecimal.
                Value::Decimal(_) => return Ok(None),
                other => other.clone(),
            }
        }
        ("setScale", 1) | ("setScale", 2) => match ops::to_decimal(recv) {
            Some(d) => {
                let places = to_i64(&args[0]).unwrap_or(0) as i32;
                let mode = match args.get(1) {
                    None => crate::interp::decimal::Rounding::Unnecessary,
                    Some(m) => rounding(m)?,
                };
                Value::decimal(d.set_scale_mode(places, mode).ok_or_else(|| {
                    crate::interp::error::throw("java.lang.ArithmeticException", "Rounding necessary")
                })?)
            }
            None => return Ok(None),
        },
        ("scale", 0) => match recv {
            Value::Decimal(d) => Value::Int(d.scale),
            _ => return Ok(None),
        },
        ("precision", 0) => match recv {
            Value::Decimal(d) => Value::Int(d.precision() as i32),
            _ => return Ok(None),
        },
        ("stripTrailingZeros", 0) => match recv {
            Value::Decimal(d) => Value::decimal(d.strip_trailing_zeros()),
            _ => return Ok(None),
        },
        ("toPlainString", 0) => match recv {
            Value::Decimal(d) => Value::string(d.to_plain_string()),
            _ => Value::string(to_string(recv)),
        },
        ("floor", 0) => Value::Double(to_f64(recv).unwrap_or(0.0).floor()),
        ("ceil", 0) => Value::Double(to_f64(recv).unwrap_or(0.0).ceil()),
        ("toInteger" | "intValue", 0) => Value::Int(to_i64(recv).unwrap_or(0) as i32),
        ("byteValue", 0) => Value::Int(to_i64(recv).unwrap_or(0) as i8 as i32),
        ("shortValue", 0) => Value::Int(to_i64(recv).unwrap_or(0) as i16 as i32),
        ("toShort", 0) => Value::Int(to_i64(recv).unwrap_or(0) as i16 as i32),
        ("gcd", 1) => {
            let (a, b) = (ops::to_bigint(recv).unwrap_or_default(), ops::to_bigint(&args[0]).unwrap_or_default());
            Value::bigint(num_integer::Integer::gcd(&a, &b))
        }
        ("movePointRight" | "movePointLeft" | "scaleByPowerOfTen", 1) => match ops::to_decimal(recv) {
            Some(d) => {
                let n = to_i64(&args[0]).unwrap_or(0) as i32;
                let n = if name == "movePointLeft" { -n } else { n };
                let moved = Decimal::new(d.unscaled.clone(), d.scale - n);
                Value::decimal(if name != "scaleByPowerOfTen" && moved.scale < 0 {
                    moved.set_scale_half_up(0)
                } else {
                    moved
                })
            }
            None => return Ok(None),
        },
        ("divide", 1) if matches!(recv, Value::Decimal(_)) => {
            let (a, b) = (
                ops::to_decimal(recv).unwrap_or_else(|| Decimal::from_i64(0)),
                ops::to_decimal(&args[0]).unwrap_or_else(|| Decimal::from_i64(0)),
            );
            if b.is_zero() {
                return Err(crate::interp::error::throw("java.lang.ArithmeticException", "/ by zero"));
            }
            match a.div_exact_java(&b) {
                Some(q) => Value::decimal(q),
                None => {
                    return Err(crate::interp::error::throw(
                        "java.lang.ArithmeticException",
                        "Non-terminating decimal expansion; no exact representable decimal result.",
                    ))
                }
            }
        }
        ("divide", 3) if matches!(recv, Value::Decimal(_)) => {
            let (a, b) = (
                ops::to_decimal(recv).unwrap_or_else(|| Decimal::from_i64(0)),
                ops::to_decimal(&args[0]).unwrap_or_else(|| Decimal::from_i64(0)),
            );
            let scale = to_i64(&args[1]).unwrap_or(0) as i32;
            // Divide with plenty of digits, then round to the asked scale.
            let q = a
                .div_groovy_digits(&b, scale + 20)
                .ok_or_else(|| crate::interp::error::throw("java.lang.ArithmeticException", "/ by zero"))?;
            let mode = to_string(&args[2]);
            Value::decimal(if mode.ends_with("DOWN") && !mode.contains("HALF") {
                q.set_scale_down(scale)
            } else if mode.ends_with("HALF_EVEN") {
                q.set_scale_half_even(scale)
            } else {
                q.set_scale_half_up(scale)
            })
        }
        ("remainder", 1) => match (ops::to_decimal(recv), ops::to_decimal(&args[0])) {
            (Some(a), Some(b)) if matches!(recv, Value::Decimal(_)) || matches!(args[0], Value::Decimal(_)) => {
                if b.is_zero() {
                    return Err(crate::interp::error::throw("java.lang.ArithmeticException", "Division by zero"));
                }
                let q = Decimal::new(a.div_groovy_digits(&b, 0).map(|q| q.to_bigint()).unwrap_or_default(), 0);
                Value::decimal(a.sub(&q.mul(&b)))
            }
            _ => ops::rem(recv, &args[0])?,
        },
        ("unscaledValue", 0) => match recv {
            Value::Decimal(d) => Value::bigint(d.unscaled.clone()),
            _ => return Ok(None),
        },
        ("toLong" | "longValue", 0) => Value::Long(to_i64(recv).unwrap_or(0)),
        ("toDouble" | "doubleValue", 0) => Value::Double(to_f64(recv).unwrap_or(0.0)),
        ("toFloat" | "floatValue", 0) => Value::Float(to_f64(recv).unwrap_or(0.0) as f32),
        ("toBigDecimal", 0) => Value::decimal(ops::to_decimal(recv).unwrap_or_else(|| Decimal::from_i64(0))),
        ("toBigInteger", 0) => Value::bigint(ops::to_bigint(recv).unwrap_or_default()),
        ("toString", 0) => Value::string(to_string(recv)),
        ("compareTo", 1) => Value::Int(ops::compare(recv, &args[0])? as i32),
        ("equals", 1) => {
            Value::Bool(crate::interp::value::Key(recv.clone()) == crate::interp::value::Key(args[0].clone()))
        }
        ("hashCode", 0) => match recv {
            Value::Int(i) => Value::Int(*i),
            Value::Long(l) => Value::Int((*l ^ (*l >> 32)) as i32),
            _ => Value::Int(0),
        },
        ("asBoolean", 0) => Value::Bool(ops::truthy(recv)),
        ("isNaN", 0) => Value::Bool(to_f64(recv).is_some_and(f64::is_nan)),
        ("isInfinite", 0) => Value::Bool(to_f64(recv).is_some_and(f64::is_infinite)),
        ("signum", 0) => Value::Int(match ops::compare(recv, &Value::Int(0))? {
            std::cmp::Ordering::Less => -1,
            std::cmp::Ordering::Equal => 0,
            std::cmp::Ordering::Greater => 1,
        }),
        ("max", 1) => {
            if ops::compare(recv, &args[0])? == std::cmp::Ordering::Less {
                args[0].clone()
            } else {
                recv.clone()
            }
        }
        ("min", 1) => {
            if ops::compare(recv, &args[0])? == std::cmp::Ordering::Greater {
                args[0].clone()
            } else {
                recv.clone()
            }
        }
        ("bitwiseNegate", 0) => Value::Int(!(to_i64(recv).unwrap_or(0) as i32)),
        ("next", 0) => ops::step(recv, true)?,
        ("previous", 0) => ops::step(recv, false)?,
        ("isCase", 1) => Value::Bool(ops::equals(recv, &args[0])),
        _ => return Ok(None),
    }))
}

fn rounding(v: &Value) -> Eval<crate::interp::decimal::Rounding> {
    crate::interp::decimal::Rounding::parse(&to_string(v)).ok_or_else(|| {
        crate::interp::error::throw(
            "java.lang.IllegalArgumentException",
            format!("argument out of range: {}", to_string(v)),
        )
    })
}
