//! `input` that can wait for ever.

use crate::lint::rules::step_calls::in_step_context;
use crate::lint::walk::{self, Frame, Visitor};
use crate::lint::{Context, Findings, Rule, Severity};
use crate::syntax::ast::{Arg, Expr, ExprKind, StmtKind};

pub const RULE: Rule = Rule {
    code: "JV031",
    name: "input-without-timeout",
    severity: Severity::Warning,
    summary: "an input step or stage input with no timeout around it",
    explain: "## JV031 input-without-timeout

**What it finds:** an `input` step, or a stage's `input` directive, that no `timeout` encloses: neither
a `timeout { }` step around it nor `options { timeout(...) }` on its stage or the pipeline.

**Why it matters:** an input nobody answers keeps the build, and in scripted pipelines the agent
executor it holds, busy for ever. Jenkins has no default limit.

**Example:**

```groovy
stage('Deploy') {
    options { timeout(time: 1, unit: 'HOURS') }   // add this
    input { message 'Deploy to production?' }
    steps { sh './deploy.sh' }
}
```",
    check,
};

/// Whether a `stage(...) { }` or `pipeline { }` call has `options { timeout(...) }`.
fn has_timeout_option(call: &Expr) -> bool {
    let ExprKind::MethodCall { args, .. } = &call.kind else { return false };
    walk::positional(args).any(|a| {
        let ExprKind::Closure(c) = &a.kind else { return false };
        c.body.iter().any(|s| {
            let StmtKind::Expr(Expr { kind: ExprKind::MethodCall { name: crate::syntax::ast::MemberName::Name(n), args, .. }, .. }) = &s.kind
            else {
                return false;
            };
            n == "options"
                && walk::positional(args).any(|a| match &a.kind {
                    ExprKind::Closure(o) => o.body.iter().any(|s| {
                        matches!(&s.kind, StmtKind::Expr(Expr { kind: ExprKind::MethodCall { name: crate::syntax::ast::MemberName::Name(t), .. }, .. }) if t == "timeout")
                    }),
                    _ => false,
                })
        })
    })
}

fn check(cx: &Context, out: &mut Findings) {
    struct V<'o> {
        out: &'o mut Findings,
    }
    impl<'a> Visitor<'a> for V<'_> {
        fn call(&mut self, e: &'a Expr, name: &'a str, _args: &'a [Arg], stack: &[Frame<'a>]) {
            if name != "input" {
                return;
            }
            let directive = stack.last().is_some_and(|f| f.name == "stage");
            if !directive && !in_step_context(stack) {
                return;
            }
            let covered = stack.iter().any(|f| {
                f.name == "timeout"
                    || ((f.name == "stage" || f.name == "pipeline") && f.call.is_some_and(has_timeout_option))
            });
            if !covered {
                let f = self.out.add(e.span, "input without a timeout: the build waits for ever when nobody answers");
                f.help = Some(
                    "wrap it in timeout(time: 1, unit: 'HOURS') { } or give the stage options { timeout(...) }".into(),
                );
            }
        }
    }
    walk::walk(&cx.script.statements, &mut V { out });
}
