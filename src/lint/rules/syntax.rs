use crate::lint::{Context, Findings, Rule, Severity};

/// The file is not valid Groovy (checked before every other rule, which then do not run).
pub const RULE: Rule = Rule {
    code: "JV001",
    name: "syntax-error",
    severity: Severity::Error,
    summary: "the file is not valid Groovy 2.4",
    explain: "\
## JV001 syntax-error

**What it finds:** a Jenkinsfile that does not parse as Groovy 2.4, the language Jenkins compiles
Jenkinsfiles with: an unclosed brace, a stray character, a string that never ends.

**Why it matters:** Jenkins rejects the whole file with `MultipleCompilationErrorsException` before any
stage runs, and no other check can look at it.

**Example:**

```groovy
pipeline {
    agent any
    stages {
        stage('Build') { steps { sh 'make' }
    }
```

The last `}` of `pipeline` is missing.",
    check,
};

fn check(_: &Context, _: &mut Findings) {}
