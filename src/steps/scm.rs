//! `checkout scm`: copies the project (the multibranch job's SCM, as jeeves plays it) into the current
//! directory and returns the GIT_* variables Jenkins' git plugin returns.

use super::{PipelineHost, Step, StepArgs};
use crate::interp::error::throw;
use crate::interp::{Eval, Interp, Key, Value};

pub const CHECKOUT: Step =
    Step { name: "checkout", params: &["scm", "changelog", "poll"], block: false, run: checkout_step };

fn checkout_step(host: &PipelineHost, interp: &mut Interp, _args: &StepArgs) -> Eval {
    host.pipeline("checkout");
    let vars = checkout(host, interp)?;
    Ok(Value::map(vars.into_iter().map(|(k, v)| (Key::str(&k), Value::string(v))).collect()))
}

/// `[Pipeline] checkout` and the copy (the declarative implicit checkout).
pub fn checkout_logged(host: &PipelineHost, interp: &mut Interp) -> Eval<Vec<(String, String)>> {
    host.pipeline("checkout");
    checkout(host, interp)
}

/// Copies the project into the current directory; returns GIT_COMMIT, GIT_BRANCH, ... (empty without git).
pub fn checkout(host: &PipelineHost, interp: &mut Interp) -> Eval<Vec<(String, String)>> {
    let ctx = PipelineHost::ctx(interp);
    let b = &host.build;
    let l = &b.layout;
    let ws = super::files::workspace_of(host, interp);
    if !super::files::inside(&ctx.cwd, &ws) && !super::files::inside(&ctx.cwd, &l.home) {
        return Err(throw("java.io.IOException", format!("checkout: {} is outside the workspace", ctx.cwd.display())));
    }
    let skip = [l.home.as_path(), l.workspace.as_path(), ws.as_path()];
    let n = crate::build::scm::copy_project(&b.project, &b.facts, &ctx.cwd, &skip)
        .map_err(|e| throw("java.io.IOException", format!("checkout: cannot copy the project: {e}")))?;
    crate::build::scm::make_work_tree(&b.facts, &ctx.cwd)
        .map_err(|e| throw("java.io.IOException", format!("checkout: {e}")))?;
    let from = b.facts.top.clone().unwrap_or_else(|| b.project.clone());
    host.output(interp, &format!("Copied {n} files from {} into {}", from.display(), ctx.cwd.display()));
    let mut vars = Vec::new();
    if let Some(commit) = &b.facts.commit {
        host.output(interp, &format!("Checking out Revision {commit}"));
        vars.push(("GIT_COMMIT".to_string(), commit.clone()));
        if let Some(branch) = &b.facts.branch {
            vars.push(("GIT_BRANCH".to_string(), branch.clone()));
            vars.push(("GIT_LOCAL_BRANCH".to_string(), branch.clone()));
        }
        if let Some(url) = &b.facts.url {
            vars.push(("GIT_URL".to_string(), url.clone()));
        }
        let (previous, successful) = b.layout.previous_commits();
        if let Some(c) = previous {
            vars.push(("GIT_PREVIOUS_COMMIT".to_string(), c));
        }
        if let Some(c) = successful {
            vars.push(("GIT_PREVIOUS_SUCCESSFUL_COMMIT".to_string(), c));
        }
    }
    Ok(vars)
}
