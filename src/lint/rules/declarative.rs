//! The declarative validator's checks (`pipeline::model`, which reproduces Jenkins' ModelValidator
//! and ModelParser with their messages), each message filed under the rule of its kind.

use crate::lint::{Context, Findings, Rule, Severity};

macro_rules! validator_rule {
    ($id:ident, $code:literal, $name:literal, $summary:literal, $explain:literal) => {
        pub const $id: Rule = Rule {
            code: $code,
            name: $name,
            severity: Severity::Error,
            summary: $summary,
            explain: $explain,
            check: |cx, out| report(cx, out, $code),
        };
    };
}

validator_rule!(
    MISSING,
    "JV002",
    "missing-section",
    "a required declarative section or value is missing",
    "## JV002 missing-section

**What it finds:** a `pipeline` without `agent` or `stages`, a `stages` with no stage, a stage or
parallel branch without steps, an empty `options` or `environment`, a parameter without a name.

**Why it matters:** Jenkins' validator rejects the pipeline before it starts (`Missing required section
\"agent\"`, `No stages specified`).

**Example:**

```groovy
pipeline {
    stages { stage('Build') { steps { sh 'make' } } }
}
```

`agent` is missing: add `agent any` (or `agent none` with an agent per stage)."
);

validator_rule!(
    UNKNOWN_SECTION,
    "JV003",
    "unknown-section",
    "a section or directive that is unknown or in the wrong place",
    "## JV003 unknown-section

**What it finds:** a name Jenkins does not know where it stands: `steps` directly in `pipeline`,
`parameters` inside a stage, `echo` as a stage section, a section given twice.

**Why it matters:** the validator rejects it (`Undefined section \"steps\"`, `Unknown stage section
\"echo\"`), so nothing runs.

**Example:**

```groovy
stage('Build') {
    echo 'building'      // steps must be inside steps { }
}
```"
);

validator_rule!(
    STAGE_STRUCTURE,
    "JV004",
    "stage-structure",
    "a stage with no or several of steps/stages/parallel/matrix, or parallel stages nested too deep",
    "## JV004 stage-structure

**What it finds:** a stage that has none, or more than one, of `steps`, `stages`, `parallel` and
`matrix`; `parallel` or `matrix` inside a stage that is already in a parallel or matrix; `agent`,
`tools` or `post` on a stage that only holds parallel stages.

**Why it matters:** Jenkins rejects the pipeline (`Expected one of \"steps\", \"stages\", \"parallel\", or
\"matrix\" for stage \"Test\"`).

**Example:**

```groovy
stage('Test') {
    steps { sh 'make test' }
    parallel { stage('A') { steps { sh 'a' } } }
}
```"
);

validator_rule!(
    DUPLICATE,
    "JV005",
    "duplicate-name",
    "two stages, options, axes or axis values with the same name",
    "## JV005 duplicate-name

**What it finds:** two stages with one name anywhere in the pipeline, an option given twice, a matrix
axis or axis value repeated.

**Why it matters:** Jenkins rejects the pipeline (`Duplicate stage name: \"Build\"`); stage names are
how Jenkins records, restarts and shows stages.

**Example:**

```groovy
stage('Build') { steps { sh 'make' } }
stage('Build') { steps { sh 'make docs' } }
```"
);

validator_rule!(
    AGENT,
    "JV006",
    "invalid-agent",
    "an agent type Jenkins does not know, or several agent types at once",
    "## JV006 invalid-agent

**What it finds:** `agent { foo { } }` with a type that is not `any`, `none`, `label`, `node`, `docker`,
`dockerfile` or `kubernetes`, two types in one agent, a missing required agent parameter.

**Why it matters:** Jenkins rejects the pipeline (`Invalid agent type \"foo\" specified`).

**Example:**

```groovy
agent { dokcer { image 'python:3.12' } }
```"
);

validator_rule!(
    ENVIRONMENT,
    "JV007",
    "invalid-environment",
    "an environment name or value Jenkins does not accept",
    "## JV007 invalid-environment

**What it finds:** an `environment` entry whose name is not a valid variable name, something other than
`NAME = value` pairs, a value that is not a string, a number, a GString or a call.

**Why it matters:** Jenkins rejects the pipeline before it starts.

**Example:**

```groovy
environment { 1_TOKEN = 'x' }
```"
);

validator_rule!(
    WHEN,
    "JV008",
    "invalid-when",
    "a when condition Jenkins does not know, or with the wrong children",
    "## JV008 invalid-when

**What it finds:** an unknown `when` condition, `not` with more than one child, an empty `when`, an
`allOf`/`anyOf` without children, a `comparator: 'REGEXP'` pattern that does not compile.

**Why it matters:** Jenkins rejects the pipeline (`Unknown conditional foo. Valid conditionals are:
...`).

**Example:**

```groovy
when { brnach 'main' }
```"
);

validator_rule!(
    DIRECTIVE,
    "JV009",
    "invalid-directive",
    "an option, trigger, tool or parameter argument Jenkins does not accept",
    "## JV009 invalid-directive

**What it finds:** an `options`, `triggers`, `tools` or `parameters` entry that is not a call, a
configuration option Jenkins does not know, a tool without a name.

**Why it matters:** Jenkins rejects the pipeline (`Invalid config option \"x\" for agent type
\"docker\"`).

**Example:**

```groovy
options { 'timestamps' }
```"
);

validator_rule!(
    BLOCKED_STEP,
    "JV010",
    "blocked-step",
    "a step declarative pipelines forbid inside steps (stage, properties, node, parallel outside a stage)",
    "## JV010 blocked-step

**What it finds:** `stage`, `properties`, `node` (and the other steps Declarative blocks) used directly
in `steps { }`, and method calls on objects outside `script { }`.

**Why it matters:** Jenkins rejects the pipeline (`Invalid step \"stage\" used - not allowed in this
context - The stage step cannot be used in Declarative Pipelines`).

**Example:**

```groovy
steps {
    stage('Inner') { sh 'make' }
}
```"
);

validator_rule!(
    MATRIX,
    "JV011",
    "invalid-matrix",
    "a matrix without axes, or an axis without a name or values",
    "## JV011 invalid-matrix

**What it finds:** a `matrix` with no `axes`, an axis without `name` or `values`, an axis field Jenkins
does not know, an unknown matrix section.

**Why it matters:** Jenkins rejects the pipeline (`Matrix must have at least one axis`).

**Example:**

```groovy
matrix { stages { stage('Test') { steps { sh 'make' } } } }
```"
);

validator_rule!(
    POST,
    "JV013",
    "invalid-post-condition",
    "a post condition Jenkins does not know",
    "## JV013 invalid-post-condition

**What it finds:** a block in `post { }` that is not one of always, changed, fixed, regression,
aborted, success, unsuccessful, unstable, failure, notBuilt, cleanup.

**Why it matters:** Jenkins rejects the pipeline (`Invalid condition \"sucess\" - valid conditions are
[...]`).

**Example:**

```groovy
post { sucess { echo 'done' } }
```"
);

/// The rule a validator message belongs to.
fn code_of(message: &str) -> &'static str {
    // What the user wrote appears in double quotes (stage names, section names): it must not decide.
    let mut blank = String::with_capacity(message.len());
    let mut quoted = false;
    for ch in message.chars() {
        if ch == '"' {
            quoted = !quoted;
            blank.push(ch);
        } else if !quoted {
            blank.push(ch);
        }
    }
    let has = |s: &str| blank.contains(s);
    if has("Duplicate ") {
        "JV005"
    } else if has("Expected one of") || has("Only one of") || has("Parallel stages") || has("is not allowed in stage") {
        "JV004"
    } else if has("Invalid condition") || has("post condition") || has("build condition names") {
        "JV013"
    } else if has("not allowed in this context") || has("Method calls on objects not allowed") {
        "JV010"
    } else if has("Invalid config option") {
        "JV009"
    } else if has("agent type") || has("agent section") || message.contains("\"agent none\"") {
        "JV006"
    } else if has("conditional") && !has("Matrix") {
        "JV008"
    } else if has("axis") || has("Axis") || has("Matrix") || has("matrix") {
        "JV011"
    } else if has("No variables specified") {
        "JV002"
    } else if has("conditional")
        || has("when condition")
        || has("when closure")
        || has("regular expression")
        || has("Expecting \"")
    {
        "JV008"
    } else if has("environment variable name")
        || has("name=value")
        || has("for environment")
        || has("Environment")
        || has("environment expression")
        || has("not a valid identifier")
    {
        "JV007"
    } else if has("Invalid option type")
        || has("Invalid trigger type")
        || has("Invalid parameter type")
        || has("Invalid tool type")
        || has("mix named and unnamed")
        || has("cannot have blocks")
        || has("cannot be defined as maps")
        || has("Method call arguments")
        || has("Expected an option")
        || has("Expected a trigger")
        || has("Expected a build parameter")
        || has("someTool")
        || has("for tool")
        || has("should have")
        || has("Invalid parameter \"")
    {
        "JV009"
    } else if has("Missing required")
        || has("No stages")
        || has("No steps")
        || has("No tools")
        || has("can not be empty")
        || has("No message specified")
    {
        "JV002"
    } else {
        "JV003"
    }
}

fn report(cx: &Context, out: &mut Findings, code: &str) {
    let Some(Err(errors)) = &cx.model else { return };
    for e in errors {
        if e.rule.unwrap_or_else(|| code_of(&e.message)) == code {
            out.add(e.span, e.message.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::code_of;

    #[test]
    fn messages_go_to_their_rules() {
        assert_eq!(code_of("Missing required section \"agent\""), "JV002");
        assert_eq!(code_of("Undefined section \"steps\""), "JV003");
        assert_eq!(code_of("Duplicate stage name: \"A\""), "JV005");
        assert_eq!(code_of("Invalid agent type \"x\" specified. Must be one of [any, label, none]"), "JV006");
        assert_eq!(code_of("Unknown conditional foo. Valid conditionals are: allOf"), "JV008");
        assert_eq!(code_of("Matrix must have at least one axis"), "JV011");
        assert_eq!(code_of("No variables specified for environment"), "JV002");
        assert_eq!(code_of("post can not be empty"), "JV002");
        assert_eq!(code_of("Options definitions cannot have blocks"), "JV009");
        assert_eq!(code_of("Invalid option type \"x\". Valid option types: [timeout]"), "JV009");
        assert_eq!(code_of("Only one agent type is allowed per agent section"), "JV006");
        assert_eq!(code_of("Multiple occurrences of the steps section"), "JV003");
        assert_eq!(
            code_of("Expected one of \"steps\", \"stages\", \"parallel\", or \"matrix\" for stage \"X\""),
            "JV004"
        );
    }
}
