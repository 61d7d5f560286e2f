//! Statements after `error`, `return`, `throw`, `break` or `continue` in the same block.

use crate::lint::walk::{self, Frame, Visitor};
use crate::lint::{Context, Findings, Rule, Severity};
use crate::syntax::ast::{Expr, ExprKind, MemberName, Stmt, StmtKind};

pub const RULE: Rule = Rule {
    code: "JV036",
    name: "unreachable-code",
    severity: Severity::Warning,
    summary: "statements that can never run (after error, return, throw, break or continue)",
    explain: "## JV036 unreachable-code

**What it finds:** statements that follow `error '...'`, `return`, `throw`, `break` or `continue` in the
same block.

**Why it matters:** they never run. Often a debugging `error` was left in, or a cleanup step was meant
to go into `post { always { } }` or a `finally` block.

**Example:**

```groovy
steps {
    error 'not ready'
    sh './deploy.sh'      // never runs
}
```",
    check,
};

fn ends_flow(s: &Stmt) -> bool {
    match &s.kind {
        StmtKind::Return(_) | StmtKind::Throw(_) | StmtKind::Break(_) | StmtKind::Continue(_) => true,
        StmtKind::Expr(Expr { kind: ExprKind::MethodCall { object: None, name: MemberName::Name(n), .. }, .. }) => {
            n == "error"
        }
        _ => false,
    }
}

fn check(cx: &Context, out: &mut Findings) {
    struct V<'o> {
        out: &'o mut Findings,
    }
    impl<'a> Visitor<'a> for V<'_> {
        fn block(&mut self, stmts: &'a [Stmt], _stack: &[Frame<'a>]) {
            if let Some(i) = stmts.iter().position(ends_flow) {
                if let Some(next) = stmts.get(i + 1) {
                    // Method and class declarations are not statements that run in order.
                    if !matches!(next.kind, StmtKind::Method(_) | StmtKind::Class(_)) {
                        self.out.add(next.span, "unreachable: the statement before it always ends the block");
                    }
                }
            }
        }
    }
    walk::walk(&cx.script.statements, &mut V { out });
}
