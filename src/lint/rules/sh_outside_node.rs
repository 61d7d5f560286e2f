//! Workspace steps of a scripted pipeline that no `node` encloses.

use crate::lint::walk::{self, Frame, Visitor, CLOSURE};
use crate::lint::{Context, Findings, Rule, Severity};
use crate::syntax::ast::{Arg, Expr};

pub const RULE: Rule = Rule {
    code: "JV032",
    name: "step-outside-node",
    severity: Severity::Error,
    summary: "sh (or another workspace step) in a scripted pipeline outside any node",
    explain: "## JV032 step-outside-node

**What it finds:** in a scripted pipeline, `sh`, `bat`, `checkout`, `archiveArtifacts`, `junit`,
`stash`, `readFile`, `writeFile`, `dir` and other steps that need a workspace, called where no
`node { }` encloses them. Code in methods and in closures passed elsewhere is not judged (it may be
called from inside a node).

**Why it matters:** Jenkins fails the build when it reaches the step: `Required context class
hudson.FilePath is missing. Perhaps you forgot to surround the code with a step that provides this,
such as: node`.

**Example:**

```groovy
stage('Build') {
    sh 'make'          // needs node { } around it
}
```",
    check,
};

const NEEDS_NODE: &[&str] = &[
    "sh",
    "bat",
    "powershell",
    "pwsh",
    "checkout",
    "git",
    "archiveArtifacts",
    "junit",
    "stash",
    "unstash",
    "readFile",
    "writeFile",
    "fileExists",
    "dir",
    "deleteDir",
    "cleanWs",
    "findFiles",
    "readJSON",
    "writeJSON",
    "readYaml",
    "writeYaml",
    "readProperties",
    "zip",
    "unzip",
    "fingerprint",
    "pwd",
    "load",
];
const PROVIDES_NODE: &[&str] = &["node", "dockerNode", "def", CLOSURE];
/// Plugin block steps that only wrap their body (credentials, tools, colours, locks): no node.
const WRAPPERS: &[&str] = &[
    "withMaven",
    "ansiColor",
    "lock",
    "timestamps",
    "sshagent",
    "withAWS",
    "withDockerRegistry",
    "withDockerServer",
    "withSonarQubeEnv",
    "withKubeConfig",
    "wrap",
    "configFileProvider",
    "withVault",
    "withNPM",
    "withPythonEnv",
    "withGradle",
    "withAnt",
    "tee",
    "milestone",
    "withGroovy",
    "withFolderProperties",
    "xvfb",
    "xvnc",
];

fn check(cx: &Context, out: &mut Findings) {
    if cx.declarative() || cx.library_var {
        return;
    }
    struct V<'c, 'o> {
        cx: &'c Context<'c>,
        out: &'o mut Findings,
    }
    impl<'a> Visitor<'a> for V<'_, '_> {
        fn call(&mut self, e: &'a Expr, name: &'a str, _args: &'a [Arg], stack: &[Frame<'a>]) {
            if !NEEDS_NODE.contains(&name) {
                return;
            }
            // A node may come from a frame this file cannot see into: a method of the script
            // (`def onLinux(body) { node { body() } }`) or a step of a library or plugin.
            let maybe_node = |f: &Frame| {
                if PROVIDES_NODE.contains(&f.name) || self.cx.defined.contains(f.name) {
                    return true;
                }
                match self.cx.catalog.get(f.name) {
                    None => true,
                    // jeeves' own steps and the usual wrappers are known not to open a node; another
                    // plugin's block step might.
                    Some(s) => !s.native && !s.symbol && !WRAPPERS.contains(&f.name),
                }
            };
            if !stack.iter().any(maybe_node) {
                let f = self.out.add(
                    e.span,
                    format!("\"{name}\" needs a workspace: Required context class hudson.FilePath is missing"),
                );
                f.help = Some("surround the code with node { }".into());
            }
        }
    }
    walk::walk(&cx.script.statements, &mut V { cx, out });
}
