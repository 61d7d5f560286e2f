//! Environment variables and parameters that nothing in the file reads.

use crate::lint::{Context, Findings, Rule, Severity};

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
    let Some(Ok(p)) = &cx.model else { return };
    let mut names: Vec<(String, crate::syntax::ast::Span)> = Vec::new();
    for e in &p.environment {
        names.push((e.name.clone(), e.span));
    }
    fn stage_env(stages: &[crate::pipeline::model::Stage], out: &mut Vec<(String, crate::syntax::ast::Span)>) {
        use crate::pipeline::model::StageBody;
        for st in stages {
            out.extend(st.environment.iter().map(|e| (e.name.clone(), e.span)));
            match &st.body {
                StageBody::Stages(s) | StageBody::Parallel(s) => stage_env(s, out),
                StageBody::Matrix(m) => {
                    out.extend(m.environment.iter().map(|e| (e.name.clone(), e.span)));
                    stage_env(&m.stages, out);
                }
                StageBody::Steps(_) => {}
            }
        }
    }
    stage_env(&p.stages, &mut names);
    for prm in &p.parameters {
        names.push((prm.name.clone(), prm.span));
    }
    for (name, span) in names {
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
