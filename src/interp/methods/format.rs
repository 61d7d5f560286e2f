//! Java's `String.format` / Groovy's `sprintf` for the conversions scripts use: `%s %d %f %x %o %e %c %b %n
//! %%` with flags (`-`, `0`, `+`, `,`, ` `), width and precision.

use crate::interp::decimal::Decimal;
use crate::interp::error::{throw, Eval};
use crate::interp::ops::{self, to_f64};
use crate::interp::text::to_string;
use crate::interp::value::Value;

/// `args[0]` is the format; the rest are its arguments (a single list argument is spread).
pub fn sprintf(args: &[Value]) -> Eval<String> {
    let Some(fmt) = args.first() else { return Ok(String::new()) };
    let fmt = to_string(fmt);
    let mut rest: Vec<Value> = args[1..].to_vec();
    if rest.len() == 1 {
        if let Value::List(l) = &rest[0] {
            rest = l.snapshot();
        }
    }
    format(&fmt, &rest)
}

pub fn format(fmt: &str, args: &[Value]) -> Eval<String> {
    let mut out = String::new();
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    let mut next_arg = 0;
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        // %[index$][flags][width][.precision]conversion
        let start = i;
        let mut index = None;
        let mut j = i;
        while j < chars.len() && chars[j].is_ascii_digit() {
            j += 1;
        }
        if j < chars.len() && chars[j] == '$' && j > i {
            index = chars[i..j].iter().collect::<String>().parse::<usize>().ok();
            i = j + 1;
        }
        let mut flags = String::new();
        while i < chars.len() && "-#+ 0,(".contains(chars[i]) {
            flags.push(chars[i]);
            i += 1;
        }
        let mut width = String::new();
        while i < chars.len() && chars[i].is_ascii_digit() {
            width.push(chars[i]);
            i += 1;
        }
        let mut precision: Option<usize> = None;
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            let mut p = String::new();
            while i < chars.len() && chars[i].is_ascii_digit() {
                p.push(chars[i]);
                i += 1;
            }
            precision = p.parse().ok();
        }
        let Some(&conv) = chars.get(i) else {
            return Err(throw(
                "java.util.UnknownFormatConversionException",
                format!("Conversion = '{}'", chars[start - 1..].iter().collect::<String>()),
            ));
        };
        i += 1;
        let width: usize = width.parse().unwrap_or(0);
        if conv == '%' {
            out.push_str(&pad("%", width, flags.contains('-'), false));
            continue;
        }
        if conv == 'n' {
            out.push('\n');
            continue;
        }
        let arg = match index {
            Some(n) => args.get(n.saturating_sub(1)),
            None => {
                next_arg += 1;
                args.get(next_arg - 1)
            }
        };
        let Some(arg) = arg else {
            return Err(throw("java.util.MissingFormatArgumentException", format!("Format specifier '%{conv}'")));
        };
        let left = flags.contains('-');
        let zero = flags.contains('0');
        let text = match conv {
            's' | 'S' => {
                let mut s = to_string(arg);
                if let Some(p) = precision {
                    s = s.chars().take(p).collect();
                }
                if conv == 'S' {
                    s = s.to_uppercase();
                }
                s
            }
            'b' | 'B' => match arg {
                Value::Null => "false".into(),
                Value::Bool(b) => b.to_string(),
                _ => "true".into(),
            },
            'c' => match arg {
                Value::Char(c) => c.to_string(),
                v if v.is_number() => char::from_u32(ops::to_i64(v).unwrap_or(0) as u32).unwrap_or('?').to_string(),
                v => to_string(v),
            },
            'd' => {
                if !matches!(arg, Value::Int(_) | Value::Long(_) | Value::BigInt(_)) {
                    return Err(throw(
                        "java.util.IllegalFormatConversionException",
                        format!("d != {}", arg.class_name()),
                    ));
                }
                let n = ops::to_bigint(arg).unwrap_or_default();
                let mut digits = n.magnitude().to_string();
                if flags.contains(',') {
                    digits = group(&digits);
                }
                sign(n.sign() == num_bigint::Sign::Minus, &flags) + &digits
            }
            'x' | 'X' | 'o' => {
                let n = ops::to_i64(arg).unwrap_or(0);
                let s = match (conv, arg) {
                    ('o', Value::Int(i)) => format!("{:o}", *i as u32),
                    ('o', _) => format!("{:o}", n),
                    (_, Value::Int(i)) => format!("{:x}", *i as u32),
                    _ => format!("{:x}", n),
                };
                if conv == 'X' {
                    s.to_uppercase()
                } else {
                    s
                }
            }
            'f' | 'e' | 'E' | 'g' => {
                if !arg.is_number() {
                    return Err(throw(
                        "java.util.IllegalFormatConversionException",
                        format!("{conv} != {}", arg.class_name()),
                    ));
                }
                let p = precision.unwrap_or(6);
                let body = match conv {
                    'f' => fixed(arg, p, flags.contains(',')),
                    _ => {
                        let f = to_f64(arg).unwrap_or(0.0);
                        let s = format!("{:.*e}", p, f.abs());
                        let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
                        let e: i32 = e.parse().unwrap_or(0);
                        let t = format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs());
                        let t = if f < 0.0 { format!("-{t}") } else { t };
                        if conv == 'E' {
                            t.to_uppercase()
                        } else {
                            t
                        }
                    }
                };
                let neg = body.starts_with('-');
                let digits = body.trim_start_matches('-').to_string();
                sign(neg, &flags) + &digits
            }
            other => {
                return Err(throw("java.util.UnknownFormatConversionException", format!("Conversion = '{other}'")));
            }
        };
        out.push_str(&pad(&text, width, left, zero && !left && !matches!(conv, 's' | 'S' | 'b' | 'c')));
    }
    Ok(out)
}

fn sign(neg: bool, flags: &str) -> String {
    if neg {
        "-".into()
    } else if flags.contains('+') {
        "+".into()
    } else if flags.contains(' ') {
        " ".into()
    } else {
        String::new()
    }
}

fn group(digits: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `%.Nf`: Java rounds HALF_UP on the decimal value.
fn fixed(arg: &Value, p: usize, grouping: bool) -> String {
    let d = match arg {
        Value::Double(f) if !f.is_finite() => return crate::interp::text::java_double(*f),
        Value::Float(f) if !f.is_finite() => return crate::interp::text::java_float(*f),
        Value::Double(f) => Decimal::from_f64(*f),
        _ => ops::to_decimal(arg),
    };
    let Some(d) = d else { return "NaN".into() };
    let s = d.set_scale_half_up(p as i32).to_plain_string();
    if !grouping {
        return s;
    }
    let neg = s.starts_with('-');
    let s = s.trim_start_matches('-');
    let (int, frac) = s.split_once('.').map(|(a, b)| (a, Some(b))).unwrap_or((s, None));
    let mut out = if neg { "-".to_string() } else { String::new() };
    out.push_str(&group(int));
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

fn pad(s: &str, width: usize, left: bool, zero: bool) -> String {
    let len = s.chars().count();
    if len >= width {
        return s.to_string();
    }
    let fill = width - len;
    if left {
        format!("{s}{}", " ".repeat(fill))
    } else if zero {
        let (sign, digits) = match s.chars().next() {
            Some(c @ ('-' | '+' | ' ')) => (c.to_string(), &s[1..]),
            _ => (String::new(), s),
        };
        format!("{sign}{}{digits}", "0".repeat(fill))
    } else {
        format!("{}{s}", " ".repeat(fill))
    }
}
