//! Secrets from `withCredentials` or `credentials()` interpolated by Groovy into a shell script.

use std::collections::HashSet;

use crate::lint::walk::{self, Frame, Visitor};
use crate::lint::{Context, Findings, Fix, Rule, Severity};
use crate::syntax::ast::{Arg, Expr, ExprKind, GStringPart, Quote};

pub const RULE: Rule = Rule {
    code: "JV030",
    name: "secret-interpolation",
    severity: Severity::Warning,
    summary: "a secret interpolated into sh/bat/powershell by a Groovy string",
    explain: "## JV030 secret-interpolation

**What it finds:** a credential variable (bound by `withCredentials` or `NAME = credentials('id')` in
`environment`) written into the script of `sh`, `bat`, `powershell` or `pwsh` through a double-quoted
Groovy string: `sh \"curl -u $USER:$PASS https://...\"`.

**Why it matters:** Groovy puts the secret's value into the script text before the shell sees it, so it
lands in the process list, in the script file on the agent and, with `set -x`, in the log; a value with
quotes or `$` breaks the command or injects into it. Jenkins prints `Warning: A secret was passed to
\"sh\" using Groovy String interpolation, which is insecure.` at run time. Let the shell expand the
variable instead: single quotes.

**Example:**

```groovy
withCredentials([string(credentialsId: 'token', variable: 'TOKEN')]) {
    sh \"curl -H 'Authorization: $TOKEN' https://api\"     // bad
    sh 'curl -H \"Authorization: $TOKEN\" https://api'     // good
}
```

`jeeves lint --fix` rewrites the string to single quotes when every interpolated value is an
environment variable and nothing else in the string needs Groovy.",
    check,
};

const SCRIPT_STEPS: &[&str] = &["sh", "bat", "powershell", "pwsh"];
/// The variables whose values Jenkins masks (an SSH key's file path too).
const SECRET_KEYS: &[&str] = &["variable", "passwordVariable", "passphraseVariable", "keyFileVariable"];

/// Every variable a binding sets (secret or not): environment variables of the shell.
const BOUND_KEYS: &[&str] =
    &["variable", "usernameVariable", "passwordVariable", "passphraseVariable", "keyFileVariable", "keystoreVariable"];

/// The variables bound by the `withCredentials` frames around a call: the keys of `keys` only.
fn bound(stack: &[Frame], keys: &[&str]) -> HashSet<String> {
    let mut out = HashSet::new();
    for f in stack.iter().filter(|f| f.name == "withCredentials") {
        let list = f.named("bindings").or_else(|| walk::positional(f.args).next());
        let Some(Expr { kind: ExprKind::List(items), .. }) = list else { continue };
        for b in items {
            if let ExprKind::MethodCall { args, .. } = &b.kind {
                for key in keys {
                    if let Some(v) = walk::named(args, key).and_then(crate::pipeline::model::literal) {
                        out.insert(v);
                    }
                }
            }
        }
    }
    out
}

/// `NAME = credentials('id')` in any `environment` block: NAME and NAME_PSW.
fn environment_secrets(cx: &Context) -> HashSet<String> {
    struct V(HashSet<String>);
    impl<'a> Visitor<'a> for V {
        fn block(&mut self, stmts: &'a [crate::syntax::ast::Stmt], stack: &[Frame<'a>]) {
            if stack.last().is_none_or(|f| f.name != "environment") {
                return;
            }
            for s in stmts {
                let crate::syntax::ast::StmtKind::Expr(Expr { kind: ExprKind::Assign { target, value, .. }, .. }) =
                    &s.kind
                else {
                    continue;
                };
                let (
                    ExprKind::Var(name),
                    ExprKind::MethodCall { object: None, name: crate::syntax::ast::MemberName::Name(f), .. },
                ) = (&target.kind, &value.kind)
                else {
                    continue;
                };
                if f == "credentials" {
                    self.0.insert(name.clone());
                    self.0.insert(format!("{name}_PSW"));
                }
            }
        }
    }
    let mut v = V(HashSet::new());
    walk::walk(&cx.script.statements, &mut v);
    v.0
}

/// The variable an interpolated part names: `$X`, `${X}`, `${env.X}`.
fn part_var(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Var(n) => Some(n),
        ExprKind::Property { object, name: crate::syntax::ast::MemberName::Name(n), .. } if matches!(&object.kind, ExprKind::Var(o) if o == "env") => {
            Some(n)
        }
        _ => None,
    }
}

fn check(cx: &Context, out: &mut Findings) {
    struct V<'c, 'o> {
        source: &'c str,
        env_secrets: HashSet<String>,
        out: &'o mut Findings,
    }
    impl<'a> Visitor<'a> for V<'_, '_> {
        fn call(&mut self, _e: &'a Expr, name: &'a str, args: &'a [Arg], stack: &[Frame<'a>]) {
            if !SCRIPT_STEPS.contains(&name) {
                return;
            }
            let script = walk::named(args, "script").or_else(|| walk::positional(args).next());
            let Some(script) = script else { return };
            // The script itself, or strings joined with `+` (`"a " + "-p ${PASS}"`).
            let mut strings = Vec::new();
            gstrings(script, &mut strings);
            let whole = strings.len() == 1 && std::ptr::eq(strings[0], script);
            let mut secrets = bound(stack, SECRET_KEYS);
            secrets.extend(self.env_secrets.iter().cloned());
            let mut shell_vars = bound(stack, BOUND_KEYS);
            shell_vars.extend(secrets.iter().cloned());
            for s in strings {
                let ExprKind::GString { parts, quote } = &s.kind else { continue };
                let mut names: Vec<&str> = parts
                    .iter()
                    .filter_map(|p| match p {
                        GStringPart::Expr(e) => part_var(e),
                        _ => None,
                    })
                    .filter(|v| secrets.contains(*v))
                    .collect();
                if names.is_empty() {
                    continue;
                }
                names.sort();
                names.dedup();
                let f = self.out.add(
                    s.span,
                    format!(
                        "A secret was passed to \"{name}\" using Groovy String interpolation, which is insecure (variables: {})",
                        names.join(", ")
                    ),
                );
                f.help = Some("use single quotes so that the shell, not Groovy, expands the variable".into());
                // Only a POSIX shell expands `${NAME}` the same way; cmd and PowerShell would not.
                if name == "sh" && whole {
                    f.fix = single_quoted(self.source, s, parts, *quote, &shell_vars);
                }
            }
        }
    }
    let env_secrets = environment_secrets(cx);
    let mut v = V { source: cx.source, env_secrets, out };
    walk::walk(&cx.script.statements, &mut v);
}

/// The interpolated strings of a script argument: itself, or the operands of `+`.
fn gstrings<'a>(e: &'a Expr, out: &mut Vec<&'a Expr>) {
    match &e.kind {
        ExprKind::GString { .. } => out.push(e),
        ExprKind::Binary { op: crate::syntax::ast::BinaryOp::Add, lhs, rhs } => {
            gstrings(lhs, out);
            gstrings(rhs, out);
        }
        ExprKind::Paren(inner) => gstrings(inner, out),
        _ => {}
    }
}

/// The same script as a single-quoted string where that is certain to mean the same to the shell:
/// every interpolated part is an environment variable, and no text needs escaping.
fn single_quoted(
    source: &str,
    s: &Expr,
    parts: &[GStringPart],
    quote: Quote,
    shell_vars: &HashSet<String>,
) -> Option<Fix> {
    let (open, close) = match quote {
        Quote::Double => ("'", "'"),
        Quote::TripleDouble => ("'''", "'''"),
        _ => return None,
    };
    let mut body = String::new();
    for p in parts {
        match p {
            GStringPart::Text { span, .. } => {
                let raw = source.get(span.start as usize..span.end as usize)?;
                if raw.contains('\'') || raw.contains('\\') || raw.contains('$') {
                    return None;
                }
                body.push_str(raw);
            }
            GStringPart::Expr(e) => {
                let v = part_var(e)?;
                // Only names the shell has: bound credentials and env.X (a Groovy local would be lost).
                if matches!(&e.kind, ExprKind::Var(_)) && !shell_vars.contains(v) {
                    return None;
                }
                body.push_str(&format!("${{{v}}}"));
            }
        }
    }
    Some(Fix { span: s.span, replacement: format!("{open}{body}{close}") })
}
