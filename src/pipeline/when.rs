//! `when` conditions that read facts (branch, tag, change request, changelog, changeset, environment,
//! equals, triggeredBy), with Jenkins' comparators: GLOB (Ant-style: `*` stays within a path segment,
//! `**` crosses them), REGEXP (the whole value must match) and EQUALS.

use super::model::{literal, Cond};
use crate::build::scm::Facts;
use crate::interp::error::throw;
use crate::interp::text::to_string;
use crate::interp::{Eval, Value};

/// Compares `actual` with `pattern` the way Jenkins' `Comparator` does.
pub fn compare(comparator: &str, pattern: &str, actual: &str, case_sensitive: bool) -> Eval<bool> {
    match comparator {
        "EQUALS" => Ok(if case_sensitive { pattern == actual } else { pattern.eq_ignore_ascii_case(actual) }),
        "REGEXP" => {
            let flags = if case_sensitive { "" } else { "(?i)" };
            let re = crate::interp::methods::regex::compile(&format!("{flags}^(?:{pattern})$"))?;
            Ok(re.is_match(actual).unwrap_or(false))
        }
        "GLOB" => Ok(glob(pattern, actual, case_sensitive)),
        other => Err(throw(
            "java.lang.IllegalArgumentException",
            format!("No enum constant org.jenkinsci.plugins.pipeline.modeldefinition.when.impl.Comparator.{other}"),
        )),
    }
}

/// Ant-style path matching.
pub fn glob(pattern: &str, actual: &str, case_sensitive: bool) -> bool {
    let mut pattern = pattern.to_string();
    // Ant: a pattern ending in `/` means everything below it.
    if pattern.ends_with('/') {
        pattern.push_str("**");
    }
    match globset::GlobBuilder::new(&pattern)
        .literal_separator(true)
        .case_insensitive(!case_sensitive)
        .backslash_escape(false)
        .build()
    {
        Ok(g) => g.compile_matcher().is_match(actual),
        Err(_) => pattern == actual,
    }
}

fn arg<'a>(named: &'a [(String, Value)], positional: &'a [Value], name: &str) -> Option<&'a Value> {
    named.iter().find(|(k, _)| k == name).map(|(_, v)| v).or_else(|| positional.first())
}

fn named<'a>(named: &'a [(String, Value)], name: &str) -> Option<&'a Value> {
    named.iter().find(|(k, _)| k == name).map(|(_, v)| v)
}

fn comparator(n: &[(String, Value)], default: &str) -> String {
    named(n, "comparator").map(to_string).unwrap_or_else(|| default.to_string())
}

/// Evaluates a fact condition; `env` reads the stage's environment.
pub fn check(
    name: &str,
    n: &[(String, Value)],
    p: &[Value],
    facts: &Facts,
    env: &dyn Fn(&str) -> Option<String>,
) -> Eval<bool> {
    match name {
        "branch" => {
            let Some(actual) = env("BRANCH_NAME") else { return Ok(false) };
            let pattern = arg(n, p, "pattern").map(to_string).unwrap_or_default();
            // Jenkins' GLOB for branch names ignores case; REGEXP and EQUALS do not.
            let cmp = comparator(n, "GLOB");
            compare(&cmp, &pattern, &actual, cmp != "GLOB")
        }
        "buildingTag" => Ok(env("TAG_NAME").is_some()),
        "tag" => {
            let Some(actual) = env("TAG_NAME") else { return Ok(false) };
            let pattern = arg(n, p, "pattern").map(to_string).unwrap_or_default();
            if pattern.is_empty() {
                return Ok(true);
            }
            let cmp = comparator(n, "GLOB");
            compare(&cmp, &pattern, &actual, cmp != "GLOB")
        }
        "changeRequest" => {
            if env("CHANGE_ID").is_none() {
                return Ok(false);
            }
            let fields = [
                ("id", "CHANGE_ID"),
                ("target", "CHANGE_TARGET"),
                ("branch", "CHANGE_BRANCH"),
                ("fork", "CHANGE_FORK"),
                ("title", "CHANGE_TITLE"),
                ("author", "CHANGE_AUTHOR"),
                ("authorDisplayName", "CHANGE_AUTHOR_DISPLAY_NAME"),
                ("authorEmail", "CHANGE_AUTHOR_EMAIL"),
            ];
            let cmp = comparator(n, "EQUALS");
            for (field, var) in fields {
                if let Some(want) = named(n, field) {
                    let actual = env(var).unwrap_or_default();
                    if !compare(&cmp, &to_string(want), &actual, true)? {
                        return Ok(false);
                    }
                }
            }
            Ok(true)
        }
        "changelog" => {
            let pattern = arg(n, p, "pattern").map(to_string).unwrap_or_default();
            let re = crate::interp::methods::regex::compile(&format!("(?ms)^(?:{pattern})$"))?;
            Ok(facts.messages.iter().any(|m| {
                re.is_match(m).unwrap_or(false) || m.lines().next().is_some_and(|l| re.is_match(l).unwrap_or(false))
            }))
        }
        "changeset" => {
            let pattern = arg(n, p, "pattern").map(to_string).unwrap_or_default();
            let case_sensitive = named(n, "caseSensitive").is_some_and(crate::interp::ops::truthy);
            let cmp = comparator(n, "GLOB");
            for f in &facts.files {
                if compare(&cmp, &pattern, f, case_sensitive)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        "environment" => {
            let var = named(n, "name").map(to_string).unwrap_or_default();
            let want = named(n, "value").map(to_string).unwrap_or_default();
            let ignore_case = named(n, "ignoreCase").is_some_and(crate::interp::ops::truthy);
            let cmp = comparator(n, "EQUALS");
            let actual = env(&var).unwrap_or_default();
            compare(&cmp, &want, &actual, !ignore_case)
        }
        "equals" => {
            let expected = named(n, "expected").cloned().unwrap_or(Value::Null);
            let actual = named(n, "actual").cloned().unwrap_or(Value::Null);
            Ok(crate::interp::ops::equals(&expected, &actual))
        }
        "triggeredBy" => {
            let cause = arg(n, p, "cause").map(to_string).unwrap_or_default();
            let detail = named(n, "detail").map(to_string);
            // A local build is started by a user (the `jeeves` user of `currentBuild.getBuildCauses()`);
            // Jenkins matches the cause's class name case-insensitively anywhere in it.
            let class = "hudson.model.Cause$UserIdCause".to_ascii_lowercase();
            Ok(class.contains(&cause.to_ascii_lowercase()) && detail.is_none_or(|d| d == BUILD_USER))
        }
        "isRestartedRun" => Ok(false),
        "archived" | "stashed" => Ok(false),
        other => Err(throw("java.lang.IllegalArgumentException", format!("Unknown when condition {other}"))),
    }
}

/// The user a local build is started by (`triggeredBy cause: 'UserIdCause', detail: NAME`).
pub const BUILD_USER: &str = "jeeves";

/// The condition as written, on one line (for `--list` and `--dry-run`).
pub fn describe_cond(c: &Cond, source: &str) -> String {
    let text = source.get(c.call.span.start as usize..c.call.span.end as usize).unwrap_or(&c.call.name);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decides a condition before the build runs when its arguments are literals and its facts are known
/// (None: only the run can tell, e.g. `expression { }`).
pub fn check_static(c: &Cond, facts: &Facts, env: &dyn Fn(&str) -> Option<String>) -> Option<bool> {
    match c.call.name.as_str() {
        "not" => check_static(c.nested.first()?, facts, env).map(|b| !b),
        "allOf" => {
            let mut unknown = false;
            for n in &c.nested {
                match check_static(n, facts, env) {
                    Some(false) => return Some(false),
                    None => unknown = true,
                    Some(true) => {}
                }
            }
            if unknown {
                None
            } else {
                Some(true)
            }
        }
        "anyOf" => {
            let mut unknown = false;
            for n in &c.nested {
                match check_static(n, facts, env) {
                    Some(true) => return Some(true),
                    None => unknown = true,
                    Some(false) => {}
                }
            }
            if unknown {
                None
            } else {
                Some(false)
            }
        }
        "expression" | "triggeredBy" => None,
        name => {
            let mut named = Vec::new();
            for (k, e) in &c.call.named {
                named.push((k.clone(), Value::string(literal(e)?)));
            }
            let mut positional = Vec::new();
            for e in &c.call.positional {
                positional.push(Value::string(literal(e)?));
            }
            check(name, &named, &positional, facts, env).ok()
        }
    }
}
