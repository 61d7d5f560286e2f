//! Environment variables and parameters that nothing in the file reads.

use crate::lint::walk::{self, Frame, Visitor};
use crate::lint::{Context, Findings, Rule, Severity};
use crate::syntax::ast::{Arg, Expr, ExprKind, Stmt, StmtKind};

pub const RULE: Rule = Rule {
    code: "JV035",
    name: "unused-declaration",
    severity: Severity::Info,
    summary: "an environment variable or parameter the Jenkinsfile never reads",
    explain: "## JV035 unused-declaration

**What it finds:** a declarative `environment` variable or `parameters` entry whose name appears
nowhere else in the file (not as `NAME`, `$NAME`, `env.NAME` or `params.NAME`, not in a shell script).

**Why it matters:** usually a leftover. It is only informational: programs the build starts may read
the variable from their environment (`JAVA_TOOL_OPTIONS`, `DOCKER_BUILDKIT`), which no file shows.

**Example:**

```groovy
environment { OLD_REGISTRY = 'registry.example.com' }   // used by nothing any more
```",
    check,
};

fn check(cx: &Context, out: &mut Findings) {
    if !cx.declarative() {
        return;
    }
    // Read from the tree, so that a pipeline with other errors is still checked.
    struct V(Vec<(String, crate::syntax::ast::Span)>);
    impl<'a> Visitor<'a> for V {
        fn block(&mut self, stmts: &'a [Stmt], stack: &[Frame<'a>]) {
            if stack.last().is_none_or(|f| f.name != "environment") {
                return;
            }
            for s in stmts {
                if let StmtKind::Expr(Expr { kind: ExprKind::Assign { target, .. }, span }) = &s.kind {
                    if let ExprKind::Var(n) = &target.kind {
                        self.0.push((n.clone(), *span));
                    }
                }
            }
        }
        fn call(&mut self, e: &'a Expr, _name: &'a str, args: &'a [Arg], stack: &[Frame<'a>]) {
            if stack.last().is_some_and(|f| f.name == "parameters") {
                if let Some(n) = walk::named(args, "name").and_then(crate::pipeline::model::literal) {
                    self.0.push((n, e.span));
                }
            }
        }
    }
    let mut v = V(Vec::new());
    walk::walk(&cx.script.statements, &mut v);
    for (name, span) in v.0 {
        if name.contains('+') {
            continue; // PATH+EXTRA adds to PATH
        }
        let uses = words(cx.source).filter(|w| *w == name).count();
        if uses <= 1 {
            out.add(span, format!("\"{name}\" is declared but nothing in this file reads it"));
        }
    }
}

/// The identifier-like words of a text.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).filter(|w| !w.is_empty())
}
