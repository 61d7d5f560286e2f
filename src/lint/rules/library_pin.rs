//! Shared libraries loaded without a version.

use crate::lint::walk::{self, Frame, Visitor};
use crate::lint::{Context, Findings, Rule, Severity};
use crate::syntax::ast::{Arg, Expr, Span};

pub const RULE: Rule = Rule {
    code: "JV034",
    name: "unpinned-library",
    severity: Severity::Warning,
    summary: "a shared library loaded without @version",
    explain: "## JV034 unpinned-library

**What it finds:** `@Library('name')`, `library 'name'`, `library identifier: 'name'` and
`libraries { lib('name') }` without `@version` (a tag, branch or commit).

**Why it matters:** without a version Jenkins loads the library's default branch as it is at build
time: a change to the library changes every pipeline that uses it at once, and an old build cannot be
reproduced.

**Example:**

```groovy
@Library('pipeline-utils@v2.3.1') _     // not @Library('pipeline-utils') _
```",
    check,
};

fn check(cx: &Context, out: &mut Findings) {
    // Annotations: found in the text (`@Library('a')`, `@Library(['a', 'b@1'])`).
    let src = cx.source;
    let mut from = 0;
    while let Some(at) = src[from..].find("@Library(") {
        let start = from + at;
        let Some(close) = src[start..].find(')') else { break };
        let inside = &src[start + "@Library(".len()..start + close];
        for name in inside.split(',') {
            let name = name.trim().trim_matches(|c| matches!(c, '[' | ']' | '\'' | '"' | ' ')).trim();
            let name = name.strip_prefix("value").map(|n| n.trim_start_matches([' ', '=', '\'', '"'])).unwrap_or(name);
            if !name.is_empty() && !name.contains('@') && !name.contains('$') {
                out.add(
                    Span::new(start, start + close + 1),
                    format!("Library \"{name}\" is loaded without a version (@tag, @branch or @commit)"),
                );
            }
        }
        from = start + close;
    }
    struct V<'o> {
        out: &'o mut Findings,
    }
    impl<'a> Visitor<'a> for V<'_> {
        fn call(&mut self, e: &'a Expr, name: &'a str, args: &'a [Arg], stack: &[Frame<'a>]) {
            let in_libraries = stack.last().is_some_and(|f| f.name == "libraries");
            let value = match name {
                "library" => walk::named(args, "identifier").or_else(|| walk::positional(args).next()),
                "lib" if in_libraries => walk::positional(args).next(),
                _ => None,
            };
            let Some(text) = value.and_then(crate::pipeline::model::literal) else { return };
            if !text.contains('@') {
                self.out
                    .add(e.span, format!("Library \"{text}\" is loaded without a version (@tag, @branch or @commit)"));
            }
        }
    }
    walk::walk(&cx.script.statements, &mut V { out });
}
