//! Java's `BigDecimal` as Groovy uses it: an unscaled integer and a scale, with Java's rules for the scale of
//! sums, products and exact quotients, Groovy's rule for inexact division, and Java's `toString`.
//!
//! Not for: general decimal maths. Only what Groovy's operators and the GDK methods jeeves offers need.

use std::cmp::Ordering;

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// Java's `RoundingMode`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rounding {
    Up,
    Down,
    Ceiling,
    Floor,
    HalfUp,
    HalfDown,
    HalfEven,
    Unnecessary,
}

impl Rounding {
    /// From a `RoundingMode` name or a `BigDecimal.ROUND_*` number.
    pub fn parse(name: &str) -> Option<Rounding> {
        let name = name.rsplit('.').next().unwrap_or(name);
        Some(match name {
            "UP" | "0" => Rounding::Up,
            "DOWN" | "1" => Rounding::Down,
            "CEILING" | "2" => Rounding::Ceiling,
            "FLOOR" | "3" => Rounding::Floor,
            "HALF_UP" | "4" => Rounding::HalfUp,
            "HALF_DOWN" | "5" => Rounding::HalfDown,
            "HALF_EVEN" | "6" => Rounding::HalfEven,
            "UNNECESSARY" | "7" => Rounding::Unnecessary,
            _ => return None,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Decimal {
    pub unscaled: BigInt,
    pub scale: i32,
}

fn pow10(n: u32) -> BigInt {
    num_traits::pow(BigInt::from(10u32), n as usize)
}

/// Integer division rounding half away from zero (Java's HALF_UP).
fn div_half_up(n: &BigInt, d: &BigInt) -> BigInt {
    let (q, r) = n.div_rem(d);
    if r.is_zero() {
        return q;
    }
    let twice = r.abs() * 2u32;
    if twice >= d.abs() {
        if (n.sign() == Sign::Minus) != (d.sign() == Sign::Minus) {
            q - 1
        } else {
            q + 1
        }
    } else {
        q
    }
}

impl Decimal {
    pub fn new(unscaled: BigInt, scale: i32) -> Decimal {
        Decimal { unscaled, scale }
    }

    pub fn from_i64(v: i64) -> Decimal {
        Decimal::new(BigInt::from(v), 0)
    }

    /// A Java/Groovy decimal literal or `new BigDecimal(String)` text: `1.50`, `1e3`, `-2.5E-4`.
    pub fn parse(text: &str) -> Option<Decimal> {
        let text = text.trim();
        let (mantissa, exp) = match text.find(['e', 'E']) {
            Some(i) => (&text[..i], text[i + 1..].trim_start_matches('+').parse::<i32>().ok()?),
            None => (text, 0),
        };
        let (neg, mantissa) = match mantissa.strip_prefix('-') {
            Some(m) => (true, m),
            None => (false, mantissa.strip_prefix('+').unwrap_or(mantissa)),
        };
        let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        if int.is_empty() && frac.is_empty() {
            return None;
        }
        if !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        let digits = format!("{int}{frac}");
        let mut unscaled: BigInt = digits.parse().ok()?;
        if neg {
            unscaled = -unscaled;
        }
        Some(Decimal::new(unscaled, frac.len() as i32 - exp))
    }

    /// `new BigDecimal(double)`: the exact binary value of the double (`0.1` is
    /// 0.1000000000000000055511151231257827021181583404541015625).
    pub fn from_f64_exact(v: f64) -> Option<Decimal> {
        if !v.is_finite() {
            return None;
        }
        if v == 0.0 {
            return Some(Decimal::from_i64(0));
        }
        let bits = v.to_bits();
        let negative = bits >> 63 == 1;
        let exponent = ((bits >> 52) & 0x7ff) as i32;
        let fraction = bits & ((1u64 << 52) - 1);
        let (mut mantissa, mut exp) =
            if exponent == 0 { (fraction, -1074) } else { (fraction | (1u64 << 52), exponent - 1075) };
        while mantissa % 2 == 0 && exp < 0 {
            mantissa /= 2;
            exp += 1;
        }
        let m = BigInt::from(mantissa);
        let d = if exp >= 0 {
            Decimal::new(m * num_traits::pow(BigInt::from(2u32), exp as usize), 0)
        } else {
            let k = (-exp) as usize;
            Decimal::new(m * num_traits::pow(BigInt::from(5u32), k), k as i32)
        };
        Some(if negative { d.neg() } else { d })
    }

    pub fn from_f64(v: f64) -> Option<Decimal> {
        Decimal::parse(&super::text::java_double(v))
    }

    pub fn is_zero(&self) -> bool {
        self.unscaled.is_zero()
    }

    pub fn signum(&self) -> i32 {
        match self.unscaled.sign() {
            Sign::Minus => -1,
            Sign::NoSign => 0,
            Sign::Plus => 1,
        }
    }

    /// The number of decimal digits of the unscaled value (1 for zero), as Java's `precision()`.
    pub fn precision(&self) -> u32 {
        if self.unscaled.is_zero() {
            1
        } else {
            self.unscaled.abs().to_string().len() as u32
        }
    }

    fn rescaled(&self, scale: i32) -> BigInt {
        debug_assert!(scale >= self.scale);
        &self.unscaled * pow10((scale - self.scale) as u32)
    }

    pub fn add(&self, other: &Decimal) -> Decimal {
        let scale = self.scale.max(other.scale);
        Decimal::new(self.rescaled(scale) + other.rescaled(scale), scale)
    }

    pub fn sub(&self, other: &Decimal) -> Decimal {
        self.add(&other.neg())
    }

    pub fn mul(&self, other: &Decimal) -> Decimal {
        Decimal::new(&self.unscaled * &other.unscaled, self.scale + other.scale)
    }

    pub fn neg(&self) -> Decimal {
        Decimal::new(-&self.unscaled, self.scale)
    }

    pub fn abs(&self) -> Decimal {
        Decimal::new(self.unscaled.abs(), self.scale)
    }

    pub fn compare(&self, other: &Decimal) -> Ordering {
        let scale = self.scale.max(other.scale);
        self.rescaled(scale).cmp(&other.rescaled(scale))
    }

    /// `setScale(scale, RoundingMode.HALF_UP)`.
    pub fn set_scale_half_up(&self, scale: i32) -> Decimal {
        if scale >= self.scale {
            Decimal::new(self.rescaled(scale), scale)
        } else {
            let d = pow10((self.scale - scale) as u32);
            Decimal::new(div_half_up(&self.unscaled, &d), scale)
        }
    }

    /// `setScale(scale, mode)` for Java's rounding modes (`UNNECESSARY` is None when rounding is needed).
    pub fn set_scale_mode(&self, scale: i32, mode: Rounding) -> Option<Decimal> {
        if scale >= self.scale {
            return Some(Decimal::new(self.rescaled(scale), scale));
        }
        let d = pow10((self.scale - scale) as u32);
        let (q, r) = self.unscaled.div_rem(&d);
        if r.is_zero() {
            return Some(Decimal::new(q, scale));
        }
        let negative = self.unscaled.sign() == Sign::Minus;
        let twice = r.abs() * 2u32;
        let half = twice.cmp(&d);
        let away = match mode {
            Rounding::Up => true,
            Rounding::Down => false,
            Rounding::Ceiling => !negative,
            Rounding::Floor => negative,
            Rounding::HalfUp => half != Ordering::Less,
            Rounding::HalfDown => half == Ordering::Greater,
            Rounding::HalfEven => half == Ordering::Greater || (half == Ordering::Equal && q.is_odd()),
            Rounding::Unnecessary => return None,
        };
        let q = if away {
            if negative {
                q - 1
            } else {
                q + 1
            }
        } else {
            q
        };
        Some(Decimal::new(q, scale))
    }

    /// `setScale(scale, RoundingMode.DOWN)`: truncation toward zero.
    pub fn set_scale_down(&self, scale: i32) -> Decimal {
        if scale >= self.scale {
            return Decimal::new(self.rescaled(scale), scale);
        }
        Decimal::new(&self.unscaled / pow10((self.scale - scale) as u32), scale)
    }

    /// `setScale(scale, RoundingMode.HALF_EVEN)`, used by `round(n)` on doubles-as-decimals.
    pub fn set_scale_half_even(&self, scale: i32) -> Decimal {
        if scale >= self.scale {
            return Decimal::new(self.rescaled(scale), scale);
        }
        let d = pow10((self.scale - scale) as u32);
        let (q, r) = self.unscaled.div_rem(&d);
        let twice = r.abs() * 2u32;
        let away = match twice.cmp(&d) {
            Ordering::Greater => true,
            Ordering::Less => false,
            Ordering::Equal => q.is_odd(),
        };
        let q = if away && !r.is_zero() {
            if self.unscaled.sign() == Sign::Minus {
                q - 1
            } else {
                q + 1
            }
        } else {
            q
        };
        Decimal::new(q, scale)
    }

    /// Groovy's `/` on BigDecimals: Java's exact quotient when there is one, otherwise a quotient with ten
    /// more digits than the operands, rounded HALF_UP to a scale of at least 10. None when dividing by zero.
    pub fn div_groovy(&self, other: &Decimal) -> Option<Decimal> {
        if other.is_zero() {
            return None;
        }
        if let Some(q) = self.div_exact(other) {
            return Some(q);
        }
        let precision = self.precision().max(other.precision()) + 10;
        let result = self.div_to_precision(other, precision);
        let scale = self.scale.max(other.scale).max(10);
        Some(if result.scale > scale { result.set_scale_half_up(scale) } else { result })
    }

    /// Java's `divide(BigDecimal)` (exact or nothing), for scripts that call it by name.
    pub fn div_exact_java(&self, other: &Decimal) -> Option<Decimal> {
        self.div_exact(other)
    }

    /// The quotient truncated to `scale` decimal places (for rounding to a smaller scale afterwards).
    pub fn div_groovy_digits(&self, other: &Decimal, scale: i32) -> Option<Decimal> {
        if other.is_zero() {
            return None;
        }
        let shift = scale - self.scale + other.scale;
        let q = if shift >= 0 {
            (&self.unscaled * pow10(shift as u32)) / &other.unscaled
        } else {
            &self.unscaled / (&other.unscaled * pow10((-shift) as u32))
        };
        Some(Decimal::new(q, scale))
    }

    /// Java's `divide(BigDecimal)`: the exact quotient at the smallest scale no less than the preferred
    /// scale (`this.scale - other.scale`), or None when the decimal expansion does not terminate.
    fn div_exact(&self, other: &Decimal) -> Option<Decimal> {
        if self.is_zero() {
            return Some(Decimal::new(BigInt::zero(), self.scale.saturating_sub(other.scale)));
        }
        let g = self.unscaled.gcd(&other.unscaled);
        let mut rest = (&other.unscaled / &g).abs();
        let mut twos = 0u32;
        let mut fives = 0u32;
        let two = BigInt::from(2u32);
        let five = BigInt::from(5u32);
        while (&rest % &two).is_zero() {
            rest /= &two;
            twos += 1;
        }
        while (&rest % &five).is_zero() {
            rest /= &five;
            fives += 1;
        }
        if !rest.is_one() {
            return None;
        }
        let preferred = self.scale - other.scale;
        let extra = twos.max(fives);
        for add in 0..=extra {
            let scale = preferred + add as i32;
            let shift = scale - self.scale + other.scale;
            let n = &self.unscaled * pow10(shift as u32);
            let (q, r) = n.div_rem(&other.unscaled);
            if r.is_zero() {
                return Some(Decimal::new(q, scale));
            }
        }
        None
    }

    /// `divide(other, new MathContext(precision))` with HALF_UP, for a quotient known not to terminate.
    fn div_to_precision(&self, other: &Decimal, precision: u32) -> Decimal {
        // value = (a / b) * 10^(other.scale - self.scale); pick a result scale giving `precision` digits.
        let a = self.unscaled.abs();
        let b = other.unscaled.abs();
        let digits_a = a.to_string().len() as i32;
        let digits_b = b.to_string().len() as i32;
        let mut scale = precision as i32 - (digits_a - digits_b) - 1 + self.scale - other.scale;
        loop {
            let shift = scale - self.scale + other.scale;
            let q = if shift >= 0 {
                div_half_up(&(&a * pow10(shift as u32)), &b)
            } else {
                div_half_up(&a, &(&b * pow10((-shift) as u32)))
            };
            let len = q.to_string().len() as u32;
            if len > precision {
                scale -= 1;
                continue;
            }
            if len < precision {
                scale += 1;
                continue;
            }
            let negative = (self.signum() < 0) != (other.signum() < 0);
            return Decimal::new(if negative { -q } else { q }, scale);
        }
    }

    pub fn to_f64(&self) -> f64 {
        self.to_string().parse().unwrap_or(f64::NAN)
    }

    /// The integer part, truncated toward zero.
    pub fn to_bigint(&self) -> BigInt {
        if self.scale <= 0 {
            &self.unscaled * pow10((-self.scale) as u32)
        } else {
            &self.unscaled / pow10(self.scale as u32)
        }
    }

    pub fn to_i64_wrapping(&self) -> i64 {
        let i = self.to_bigint();
        i.to_i64().unwrap_or_else(|| {
            let (_, bytes) = i.to_u64_digits();
            let low = bytes.first().copied().unwrap_or(0) as i64;
            if i.sign() == Sign::Minus {
                low.wrapping_neg()
            } else {
                low
            }
        })
    }

    /// Java's `toPlainString()`.
    pub fn to_plain_string(&self) -> String {
        let neg = self.unscaled.sign() == Sign::Minus;
        let digits = self.unscaled.abs().to_string();
        let mut out = String::new();
        if neg {
            out.push('-');
        }
        if self.scale <= 0 {
            out.push_str(&digits);
            if !self.unscaled.is_zero() {
                out.extend(std::iter::repeat_n('0', (-self.scale) as usize));
            }
            return out;
        }
        let scale = self.scale as usize;
        if digits.len() > scale {
            out.push_str(&digits[..digits.len() - scale]);
            out.push('.');
            out.push_str(&digits[digits.len() - scale..]);
        } else {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', scale - digits.len()));
            out.push_str(&digits);
        }
        out
    }

    /// Strips trailing zeros as Java's `stripTrailingZeros()`.
    pub fn strip_trailing_zeros(&self) -> Decimal {
        if self.unscaled.is_zero() {
            return Decimal::new(BigInt::zero(), 0);
        }
        let ten = BigInt::from(10u32);
        let mut u = self.unscaled.clone();
        let mut scale = self.scale;
        loop {
            let (q, r) = u.div_rem(&ten);
            if !r.is_zero() {
                break;
            }
            u = q;
            scale -= 1;
        }
        Decimal::new(u, scale)
    }
}

impl std::fmt::Display for Decimal {
    /// Java's `BigDecimal.toString()`: plain when the scale is not negative and the adjusted exponent is at
    /// least -6, scientific (`1E+3`, `1.5E-7`) otherwise.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let digits = self.unscaled.abs().to_string();
        let adjusted = -(self.scale as i64) + (digits.len() as i64 - 1);
        if self.scale >= 0 && adjusted >= -6 {
            return f.write_str(&self.to_plain_string());
        }
        if self.unscaled.sign() == Sign::Minus {
            f.write_str("-")?;
        }
        f.write_str(&digits[..1])?;
        if digits.len() > 1 {
            write!(f, ".{}", &digits[1..])?;
        }
        if adjusted != 0 {
            write!(f, "E{}{}", if adjusted > 0 { "+" } else { "" }, adjusted)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::parse(s).unwrap()
    }

    #[test]
    fn division_follows_groovy() {
        assert_eq!(d("7").div_groovy(&d("2")).unwrap().to_string(), "3.5");
        assert_eq!(d("1").div_groovy(&d("3")).unwrap().to_string(), "0.3333333333");
        assert_eq!(d("2").div_groovy(&d("3")).unwrap().to_string(), "0.6666666667");
        assert_eq!(d("10").div_groovy(&d("4")).unwrap().to_string(), "2.5");
        assert_eq!(d("10").div_groovy(&d("2")).unwrap().to_string(), "5");
        assert_eq!(d("4.0").div_groovy(&d("2")).unwrap().to_string(), "2.0");
        assert_eq!(d("1").div_groovy(&d("8")).unwrap().to_string(), "0.125");
    }

    #[test]
    fn printing_follows_java() {
        assert_eq!(d("1e3").to_string(), "1E+3");
        assert_eq!(d("1.50").to_string(), "1.50");
        assert_eq!(d("1.0e-10").to_string(), "1.0E-10");
        assert_eq!(d("0.000001").to_string(), "0.000001");
        assert_eq!(d("0.0000001").to_string(), "1E-7");
        assert_eq!(d("-12.5").to_string(), "-12.5");
        assert_eq!(d("1.1").add(&d("2.20")).to_string(), "3.30");
    }
}
