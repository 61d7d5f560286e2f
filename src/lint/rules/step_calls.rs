//! Step calls checked against the step declarations (`src/steps/`, the plugin catalog and `--steps`
//! files): unknown steps, unknown and missing parameters, arguments of the wrong type. Jenkins finds
//! all of these only when the build reaches the call.

use std::collections::HashSet;

use crate::lint::walk::{self, Frame, Visitor};
use crate::lint::{Context, Findings, Rule, Severity};
use crate::syntax::ast::{Arg, Expr, ExprKind, MapKey, Member, Stmt, StmtKind};

pub const UNKNOWN_STEP: Rule = Rule {
    code: "JV020",
    name: "unknown-step",
    severity: Severity::Warning,
    summary: "a call that is no known step, script method or variable",
    explain: "## JV020 unknown-step

**What it finds:** a call such as `shh 'make'` that is not a step jeeves knows (its own steps, the steps
of widely installed plugins, the steps of a `--steps` file), not a method of the script and not a
variable holding a closure. A close known name is suggested.

**Why it matters:** Jenkins compiles the file happily and fails only when the build reaches the call
(`java.lang.NoSuchMethodError: No such DSL method 'shh' found among steps [...]`), possibly after an
hour of building. It is a warning because your Jenkins may have a plugin that provides the step: list
such steps in a `--steps` file (or `[lint] steps` in `jeeves.toml`) to silence it.

**Example:**

```groovy
steps { shh 'make' }   // did you mean \"sh\"?
```",
    check: check_unknown,
};

pub const UNKNOWN_PARAMETER: Rule = Rule {
    code: "JV021",
    name: "unknown-parameter",
    severity: Severity::Warning,
    summary: "a named argument the step does not take",
    explain: "## JV021 unknown-parameter

**What it finds:** a named argument that the step's declaration does not list, such as
`sh scirpt: 'make'` or `archiveArtifacts artifact: 'dist/*'`. A close parameter name is suggested.

**Why it matters:** Jenkins ignores the argument, printing `WARNING: Unknown parameter(s) found for class
type '...': scirpt` when the build reaches the step: the option you meant is not set (and a required
one left out fails the step, see JV022).

**Example:**

```groovy
archiveArtifacts artifact: 'dist/*.jar'   // the parameter is artifacts
```",
    check: check_parameters,
};

pub const MISSING_PARAMETER: Rule = Rule {
    code: "JV022",
    name: "missing-parameter",
    severity: Severity::Error,
    summary: "a step called without a parameter it needs",
    explain: "## JV022 missing-parameter

**What it finds:** a step called without the parameter it cannot do without: `sh returnStdout: true`
with no script, `stash includes: 'x'` with no name, `writeFile file: 'a'` with no text.

**Why it matters:** Jenkins fails the build when it reaches the step.

**Example:**

```groovy
def out = sh returnStdout: true   // the script is missing
```",
    check: check_required,
};

pub const WRONG_TYPE: Rule = Rule {
    code: "JV023",
    name: "wrong-argument-type",
    severity: Severity::Error,
    summary: "a literal argument of the wrong type for its parameter",
    explain: "## JV023 wrong-argument-type

**What it finds:** a literal argument Jenkins cannot convert to its parameter's type: a quoted
`'true'` for a boolean parameter (`returnStdout`, `allowEmptyArchive`, `propagate`, ...), a word for a
number (`timeout(time: 'ten')`), a time unit that is not a `java.util.concurrent.TimeUnit`.

**Why it matters:** Jenkins fails the build when it reaches the step, with a conversion error.

**Example:**

```groovy
sh script: 'make', returnStdout: 'true'   // write true, without quotes
```",
    check: check_types,
};

/// Declarative sections whose direct calls are directives, not steps.
const DIRECTIVES: &[&str] = &[
    "pipeline",
    "stages",
    "stage",
    "options",
    "parameters",
    "triggers",
    "tools",
    "agent",
    "when",
    "post",
    "matrix",
    "axes",
    "axis",
    "excludes",
    "exclude",
    "input",
    "libraries",
    "docker",
    "dockerfile",
    "kubernetes",
    "parallel",
    "allOf",
    "anyOf",
    "not",
];

/// Sections whose calls are steps.
const STEP_BLOCKS: &[&str] = &["steps", "script", "expression", "def", "environment"];

/// Whether a call with this stack of enclosing frames calls a step.
pub fn in_step_context(stack: &[Frame]) -> bool {
    for (i, f) in stack.iter().enumerate().rev() {
        if STEP_BLOCKS.contains(&f.name) {
            return true;
        }
        // A post condition block (`always { }`) inside `post { }`.
        if i > 0 && stack[i - 1].name == "post" {
            return true;
        }
        // Scripted `parallel a: { }, ...` (no closure of its own): its branches hold steps.
        let closure_arg = walk::positional(f.args).any(|a| matches!(a.kind, ExprKind::Closure(_)));
        if f.name == "parallel" && !closure_arg {
            continue;
        }
        if DIRECTIVES.contains(&f.name) {
            // `parallel` and `stage` with closures are steps in scripted code (no `pipeline` around).
            if (f.name == "parallel" || f.name == "stage" || f.name == "node")
                && !stack.iter().any(|f| f.name == "pipeline")
            {
                continue;
            }
            return false;
        }
    }
    true
}

/// Names the script defines: its methods and every variable, parameter and closure parameter.
pub fn defined_names(stmts: &[Stmt]) -> HashSet<String> {
    struct V(HashSet<String>);
    impl<'a> Visitor<'a> for V {
        fn declare(&mut self, name: &'a str, _: &[Frame<'a>]) {
            self.0.insert(name.to_string());
        }
        fn assign(&mut self, _e: &'a Expr, target: &'a Expr, _: &[Frame<'a>]) {
            if let ExprKind::Var(n) = &target.kind {
                self.0.insert(n.clone());
            }
        }
        fn block(&mut self, stmts: &'a [Stmt], _: &[Frame<'a>]) {
            for s in stmts {
                match &s.kind {
                    StmtKind::Method(m) => {
                        self.0.insert(m.name.name.clone());
                    }
                    StmtKind::Class(c) => {
                        self.0.insert(c.name.name.clone());
                        for m in &c.members {
                            if let Member::Method(d) = m {
                                self.0.insert(d.name.name.clone());
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    let mut v = V(HashSet::new());
    walk::walk(stmts, &mut v);
    v.0
}

/// Whether the script uses a shared library (whose global variables and steps are unknown here).
fn uses_library(cx: &Context) -> bool {
    cx.source.contains("@Library")
        || cx.source.contains("library(")
        || cx.source.contains("library '")
        || cx.source.contains("library \"")
        || cx.source.contains("libraries {")
        || cx.library_var
}

fn check_unknown(cx: &Context, out: &mut Findings) {
    struct V<'c, 'o> {
        cx: &'c Context<'c>,
        library: bool,
        out: &'o mut Findings,
    }
    impl<'a> Visitor<'a> for V<'_, '_> {
        fn call(&mut self, e: &'a Expr, name: &'a str, _args: &'a [Arg], stack: &[Frame<'a>]) {
            // `credentials('id')` is declarative's environment helper, not a step: anywhere else Jenkins
            // has no such method.
            if name == "credentials" && in_step_context(stack) && !stack.iter().any(|f| f.name == "environment") {
                let f = self.out.add(
                    e.span,
                    "No such DSL method 'credentials': credentials('id') works only as a value in environment { }",
                );
                f.severity = Severity::Error;
                f.help = Some("bind it with withCredentials([...]) { } here, or set it in environment { }".into());
                return;
            }
            if !in_step_context(stack) || self.cx.defined.contains(name) || self.cx.catalog.get(name).is_some() {
                return;
            }
            let mut message = format!("No such DSL method '{name}' (not a known step, script method or variable)");
            if let Some(s) = self.cx.catalog.suggest(name) {
                message.push_str(&format!("; did you mean \"{s}\"?"));
            }
            let library = self.library;
            let f = self.out.add(e.span, message);
            if library {
                // A shared library may define it.
                f.severity = Severity::Info;
                f.help = Some("the script uses a shared library, which may define it".into());
            } else {
                f.help = Some("if a plugin of your Jenkins provides it, list it in a --steps file".into());
            }
        }
    }
    let mut v = V { cx, library: uses_library(cx), out };
    walk::walk(&cx.script.statements, &mut v);
}

/// The named arguments of a call with literal keys: (key, key expression, value).
fn named_args(args: &[Arg]) -> Vec<(String, &Expr, &Expr)> {
    args.iter()
        .filter_map(|a| match a {
            Arg::Named(entry) => match &entry.key {
                MapKey::Expr(k) => crate::pipeline::model::literal(k).map(|name| (name, k, &entry.value)),
                MapKey::Spread => None,
            },
            _ => None,
        })
        .collect()
}

/// Runs `f` on every step call (in a step context, not shadowed by a script name) that the catalog knows.
fn each_step_call<'a>(
    cx: &'a Context,
    mut f: impl FnMut(&'a Expr, &'a str, &'a [Arg], &crate::lint::catalog::StepInfo),
) {
    struct V<'c, F> {
        cx: &'c Context<'c>,
        f: F,
    }
    impl<'a, F: FnMut(&'a Expr, &'a str, &'a [Arg], &crate::lint::catalog::StepInfo)> Visitor<'a> for V<'a, F> {
        fn call(&mut self, e: &'a Expr, name: &'a str, args: &'a [Arg], stack: &[Frame<'a>]) {
            if !in_step_context(stack) || self.cx.defined.contains(name) {
                return;
            }
            if let Some(info) = self.cx.catalog.get(name) {
                (self.f)(e, name, args, info);
            }
        }
    }
    let mut v = V { cx, f: &mut f };
    walk::walk(&cx.script.statements, &mut v);
}

fn check_parameters(cx: &Context, out: &mut Findings) {
    each_step_call(cx, |_e, name, args, info| {
        let Some(params) = &info.params else { return };
        for (key, key_expr, _) in named_args(args) {
            if params.contains(&key) {
                continue;
            }
            let mut message = format!("Invalid parameter \"{key}\" for step \"{name}\"");
            if let Some(s) = crate::lint::catalog::suggest(&key, params.iter().map(String::as_str)) {
                message = format!("Invalid parameter \"{key}\", did you mean \"{s}\"?");
            }
            let f = out.add(key_expr.span, message);
            let shown: Vec<&str> = params.iter().map(String::as_str).filter(|p| *p != "$class").collect();
            f.help = Some(format!("{name} takes: {}", shown.join(", ")));
        }
    });
}

fn check_required(cx: &Context, out: &mut Findings) {
    each_step_call(cx, |e, name, args, info| {
        if info.required.is_empty() {
            return;
        }
        // `writeFile(*:opts)`: the spread map's keys are not known here.
        if args.iter().any(|a| matches!(a, Arg::Named(e) if matches!(e.key, MapKey::Spread))) {
            return;
        }
        let named = named_args(args);
        // `zip(credentialsId:, variable:)` is the credentials binding, not the zip step.
        if name == "zip" && named.iter().any(|(k, _, _)| k == "credentialsId") {
            return;
        }
        // `sh(map)`: a map passed as the only argument gives the named parameters.
        let positional: Vec<&Expr> =
            walk::positional(args).filter(|a| !matches!(a.kind, ExprKind::Closure(_))).collect();
        if named.is_empty()
            && positional.len() == 1
            && !matches!(positional[0].kind, ExprKind::Map(_) | ExprKind::Str { .. } | ExprKind::GString { .. })
        {
            // A variable or expression: its content is not known here.
            return;
        }
        let first = info.params.as_ref().and_then(|p| p.first()).cloned();
        for (i, req) in info.required.iter().enumerate() {
            let given = named.iter().any(|(k, _, _)| k == req)
                || (i == 0 && first.as_deref() == Some(req.as_str()) && !positional.is_empty())
                || (i < positional.len() && named.is_empty());
            if !given {
                out.add(e.span, format!("Missing required parameter: \"{req}\" for step \"{name}\""));
            }
        }
    });
}

const BOOLEAN_PARAMS: &[&str] = &[
    "returnStdout",
    "returnStatus",
    "allowEmptyArchive",
    "onlyIfSuccessful",
    "fingerprint",
    "defaultExcludes",
    "caseSensitive",
    "followSymlinks",
    "allowEmptyResults",
    "skipMarkingBuildUnstable",
    "keepLongStdio",
    "skipOldReports",
    "wait",
    "propagate",
    "quiet",
    "useDefaultExcludes",
    "allowEmpty",
    "overwrite",
    "archive",
    "read",
    "test",
    "activity",
    "deleteDirs",
    "disableDeferredWipeout",
    "notFailBuild",
    "changelog",
    "poll",
    "failFast",
];
const NUMBER_PARAMS: &[&str] = &["time", "count", "initialRecurrencePeriod", "quietPeriod"];
const TIME_UNITS: &[&str] = &["NANOSECONDS", "MICROSECONDS", "MILLISECONDS", "SECONDS", "MINUTES", "HOURS", "DAYS"];

fn check_types(cx: &Context, out: &mut Findings) {
    each_step_call(cx, |_e, name, args, info| {
        if !info.native {
            return;
        }
        // A lone positional argument fills the first parameter (`retry('three')`).
        let first = info.params.as_ref().and_then(|p| p.first()).cloned();
        let lone = match (named_args(args).is_empty(), walk::positional(args).next(), first) {
            (true, Some(v), Some(f)) => Some((f, v)),
            _ => None,
        };
        let named = named_args(args).into_iter().map(|(k, _, v)| (k, v));
        for (key, value) in named.chain(lone) {
            let ExprKind::Str { value: text, .. } = &value.kind else { continue };
            if BOOLEAN_PARAMS.contains(&key.as_str()) {
                out.add(
                    value.span,
                    format!(
                        "\"{key}\" of {name} is a boolean; '{text}' is a String (write {} without quotes)",
                        text.trim()
                    ),
                );
            } else if NUMBER_PARAMS.contains(&key.as_str()) && text.trim().parse::<f64>().is_err() {
                out.add(value.span, format!("\"{key}\" of {name} is a number; '{text}' is not one"));
            } else if key == "unit" && !TIME_UNITS.contains(&text.as_ref()) {
                let mut m = format!("No enum constant java.util.concurrent.TimeUnit.{text}");
                if let Some(s) = crate::lint::catalog::suggest(&text.to_ascii_uppercase(), TIME_UNITS.iter().copied()) {
                    m.push_str(&format!("; did you mean '{s}'?"));
                }
                out.add(value.span, m);
            }
        }
    });
}
