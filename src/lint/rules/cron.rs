//! `cron('...')` and `pollSCM('...')` specs, read as Jenkins' CronTab reads them: five fields (minute,
//! hour, day of month, month, day of week), each `*`, `H`, `H(a-b)`, a number or range, with `/step`,
//! joined by commas; `@hourly`-style aliases; several lines; `#` comments.

use crate::lint::walk::{self, Frame, Visitor};
use crate::lint::{Context, Findings, Rule, Severity};
use crate::syntax::ast::{Arg, Expr, ExprKind};

pub const RULE: Rule = Rule {
    code: "JV012",
    name: "invalid-cron",
    severity: Severity::Error,
    summary: "a cron or pollSCM spec Jenkins cannot read",
    explain: "## JV012 invalid-cron

**What it finds:** a `cron` or `pollSCM` trigger whose spec is not five fields of Jenkins' cron syntax
(`MINUTE HOUR DOM MONTH DOW`, each `*`, `H`, `H(0-29)`, `5`, `1-5`, `*/15`, `H/15`, lists with commas),
or a value out of its field's range (minute 0-59, hour 0-23, day 1-31, month 1-12, weekday 0-7).

**Why it matters:** Jenkins rejects the pipeline when it saves the trigger, and the job is never
triggered. A spec of `* * * * *` runs the job every minute, which is rarely meant (Jenkins suggests
`H * * * *`): that is a warning.

**Example:**

```groovy
triggers { cron('0 25 * * *') }   // there is no hour 25
```",
    check,
};

fn check(cx: &Context, out: &mut Findings) {
    struct V<'o> {
        out: &'o mut Findings,
    }
    impl<'a> Visitor<'a> for V<'_> {
        fn call(&mut self, e: &'a Expr, name: &'a str, args: &'a [Arg], _stack: &[Frame<'a>]) {
            if name != "cron" && name != "pollSCM" {
                return;
            }
            let spec = walk::named(args, "spec").or_else(|| walk::positional(args).next());
            // Only a literal spec can be read here (`cron(schedule)` is a variable).
            let Some(Expr { kind: ExprKind::Str { value: text, .. }, .. }) = spec else { return };
            for line in text.lines() {
                let line = line.split('#').next().unwrap_or("").trim();
                if line.is_empty() {
                    continue;
                }
                match check_line(line) {
                    Err(why) => {
                        self.out.add(e.span, format!("Invalid {name} spec \"{line}\": {why}"));
                    }
                    Ok(()) if line.split_whitespace().all(|f| f == "*") => {
                        let f = self.out.add(
                            e.span,
                            format!(
                                "Spec \"{line}\" runs the job every minute; did you mean \"H * * * *\" (once an hour)?"
                            ),
                        );
                        f.severity = Severity::Warning;
                    }
                    Ok(()) => {}
                }
            }
        }
    }
    walk::walk(&cx.script.statements, &mut V { out });
}

const FIELDS: [(&str, u32, u32); 5] =
    [("minute", 0, 59), ("hour", 0, 23), ("day of month", 1, 31), ("month", 1, 12), ("day of week", 0, 7)];

/// Checks one line of a spec.
pub fn check_line(line: &str) -> Result<(), String> {
    if let Some(alias) = line.strip_prefix('@') {
        return match alias {
            "yearly" | "annually" | "monthly" | "weekly" | "daily" | "midnight" | "hourly" => Ok(()),
            _ => Err(format!(
                "unknown alias @{alias} (valid: @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly)"
            )),
        };
    }
    let fields: Vec<&str> = line.split_whitespace().collect();
    // Jenkins also accepts a leading TZ=Zone/Name line; it is not a schedule.
    if fields.len() == 1 && fields[0].starts_with("TZ=") {
        return Ok(());
    }
    if fields.len() != 5 {
        return Err(format!("expected 5 fields (minute hour day-of-month month day-of-week), found {}", fields.len()));
    }
    for (field, (what, lo, hi)) in fields.iter().zip(FIELDS) {
        for part in field.split(',') {
            check_part(part, lo, hi).map_err(|e| format!("{what} field \"{field}\": {e}"))?;
        }
    }
    Ok(())
}

fn check_part(part: &str, lo: u32, hi: u32) -> Result<(), String> {
    let (base, step) = match part.split_once('/') {
        Some((b, s)) => (b, Some(s)),
        None => (part, None),
    };
    if let Some(s) = step {
        let n: u32 = s.parse().map_err(|_| format!("step \"{s}\" is not a number"))?;
        if n == 0 || n > hi - lo + 1 {
            return Err(format!("step {n} is out of range 1-{}", hi - lo + 1));
        }
    }
    let number = |t: &str| -> Result<u32, String> {
        let n: u32 = t.parse().map_err(|_| format!("\"{t}\" is not a number"))?;
        if n < lo || n > hi {
            return Err(format!("{n} is out of range {lo}-{hi}"));
        }
        Ok(n)
    };
    let range = |r: &str| -> Result<(), String> {
        match r.split_once('-') {
            Some((a, b)) => {
                let (a, b) = (number(a)?, number(b)?);
                if a > b {
                    return Err(format!("range {a}-{b} goes backwards"));
                }
                Ok(())
            }
            None => number(r).map(|_| ()),
        }
    };
    match base {
        "*" | "H" => Ok(()),
        b if b.starts_with("H(") && b.ends_with(')') => range(&b[2..b.len() - 1]),
        b if step.is_some() && !b.contains('-') => Err(format!("\"{b}/...\" needs a range or * before the step")),
        b => range(b),
    }
}

#[cfg(test)]
mod tests {
    use super::check_line;

    #[test]
    fn reads_jenkins_cron_syntax() {
        for ok in [
            "H * * * *",
            "H/15 * * * *",
            "0 2 * * 1-5",
            "H(0-29)/10 * * * *",
            "@daily",
            "*/5 9-17 * * 1,3,5",
            "45 23 31 12 7",
        ] {
            assert!(check_line(ok).is_ok(), "{ok}");
        }
        for bad in ["0 25 * * *", "* * *", "@often", "5-1 * * * *", "H/0 * * * *", "x * * * *", "0 0 0 * *"] {
            assert!(check_line(bad).is_err(), "{bad}");
        }
    }
}
