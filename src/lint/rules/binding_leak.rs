//! Assignments without `def` in `script { }` blocks of parallel stages.

use std::collections::HashSet;

use crate::lint::walk::{self, Frame, Visitor};
use crate::lint::{Context, Findings, Rule, Severity};
use crate::syntax::ast::{Expr, ExprKind, Stmt, StmtKind};

pub const RULE: Rule = Rule {
    code: "JV033",
    name: "binding-leak",
    severity: Severity::Warning,
    summary: "a variable assigned without def in a script block of a parallel or matrix stage",
    explain: "## JV033 binding-leak

**What it finds:** `x = ...` in a `script { }` block of a stage that runs in `parallel` or `matrix`,
where `x` is declared nowhere in the file (no `def x`, no typed declaration).

**Why it matters:** an undeclared name goes into the script's binding, one object shared by the whole
build: parallel branches then overwrite each other's value, and which one wins depends on timing.

**Example:**

```groovy
parallel {
    stage('A') { steps { script { out = sh(script: 'a', returnStdout: true) } } }   // def out = ...
    stage('B') { steps { script { out = sh(script: 'b', returnStdout: true) } } }
}
```",
    check,
};

fn declared(stmts: &[Stmt]) -> HashSet<String> {
    struct V(HashSet<String>);
    impl<'a> Visitor<'a> for V {
        fn declare(&mut self, name: &'a str, _: &[Frame<'a>]) {
            self.0.insert(name.to_string());
        }
        fn block(&mut self, stmts: &'a [Stmt], _: &[Frame<'a>]) {
            for s in stmts {
                if let StmtKind::Method(m) = &s.kind {
                    self.0.insert(m.name.name.clone());
                }
            }
        }
    }
    let mut v = V(HashSet::new());
    walk::walk(stmts, &mut v);
    v.0
}

fn check(cx: &Context, out: &mut Findings) {
    if !cx.declarative() {
        return;
    }
    struct V<'o> {
        declared: HashSet<String>,
        out: &'o mut Findings,
    }
    impl<'a> Visitor<'a> for V<'_> {
        fn assign(&mut self, e: &'a Expr, target: &'a Expr, stack: &[Frame<'a>]) {
            let ExprKind::Var(name) = &target.kind else { return };
            let in_script = stack.iter().any(|f| f.name == "script");
            let parallel = stack.iter().any(|f| f.name == "parallel" || f.name == "matrix");
            if in_script && parallel && !self.declared.contains(name) {
                let f = self.out.add(
                    e.span,
                    format!("\"{name}\" is assigned without def: it is a global of the whole build, shared by the parallel branches"),
                );
                f.help = Some(format!("declare it where it is used: def {name} = ..."));
            }
        }
    }
    let declared = declared(&cx.script.statements);
    walk::walk(&cx.script.statements, &mut V { declared, out });
}
