//! `checkout scm`: copies the project (the multibranch job's SCM, as jeeves plays it) into the current
//! directory and returns the GIT_* variables Jenkins' git plugin returns.

use super::{PipelineHost, Step, StepArgs};
use crate::interp::error::throw;
use crate::interp::text::to_string;
use crate::interp::{Eval, Interp, Key, Value};

pub const CHECKOUT: Step =
    Step { name: "checkout", params: &["scm", "changelog", "poll"], block: false, run: checkout_step };

/// `scmGit(branches:, userRemoteConfigs:, ...)`: the Git SCM as a value for `checkout`.
pub const SCM_GIT: Step = Step {
    name: "scmGit",
    params: &["branches", "userRemoteConfigs", "extensions", "browser", "gitTool", "doGenerateSubmoduleConfigurations"],
    block: false,
    run: scm_git,
};

fn scm_git(_: &PipelineHost, _: &mut Interp, args: &StepArgs) -> Eval {
    let mut m: indexmap::IndexMap<Key, Value> = indexmap::IndexMap::new();
    m.insert(Key::str("$class"), Value::str("GitSCM"));
    for (k, v) in &args.values {
        m.insert(Key::str(k), v.clone());
    }
    Ok(Value::map(m))
}

fn checkout_step(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    host.pipeline("checkout");
    // `checkout([$class: 'GitSCM', branches: [[name: '*/main']], userRemoteConfigs: [[url: ...]]])` or
    // `checkout scmGit(...)`: that repository; `checkout scm`: the project.
    // A map given alone arrives as the named arguments themselves.
    let scm: Option<indexmap::IndexMap<String, Value>> = match args.get("scm") {
        Some(Value::Map(m)) => Some(m.pairs().into_iter().map(|(k, v)| (to_string(&k), v)).collect()),
        _ if args.get("userRemoteConfigs").is_some() => Some(args.values.clone()),
        _ => None,
    };
    if let Some(m) = scm {
        let first = |key: &str, field: &str| -> Option<String> {
            let item = crate::interp::ops::iter_values(m.get(key)?).into_iter().next()?;
            match item {
                Value::Map(x) => x.get(&Value::str(field)).filter(|v| !v.is_null()).map(|v| to_string(&v)),
                _ => None,
            }
        };
        if let Some(url) = first("userRemoteConfigs", "url") {
            let branch = first("branches", "name").unwrap_or_else(|| "master".into());
            let branch =
                branch.trim_start_matches("*/").trim_start_matches("refs/heads/").trim_start_matches("origin/");
            return git_clone(host, interp, &url, branch);
        }
    }
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

pub const GIT: Step =
    Step { name: "git", params: &["url", "branch", "credentialsId", "changelog", "poll"], block: false, run: git_step };

fn git_cmd(dir: &std::path::Path, args: &[&str]) -> Eval<String> {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|e| throw("java.io.IOException", format!("git: {e}")))?;
    if !out.status.success() {
        return Err(crate::interp::error::step_failed(format!(
            "Error running git {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// `git url: ..., branch: ...`: clones (or updates) a repository into the current directory and checks
/// the branch out, as the Git plugin's `git` step does. Only local repositories (a path or `file://`
/// URL): jeeves reaches no network.
fn git_step(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    host.pipeline("git");
    let url = args.str("url").unwrap_or_default();
    let branch = args.str("branch").unwrap_or_else(|| "master".into());
    git_clone(host, interp, &url, &branch)
}

/// Clones (or updates) the local repository `url` into the current directory and checks `branch` out.
fn git_clone(host: &PipelineHost, interp: &mut Interp, url: &str, branch: &str) -> Eval {
    let (url, branch) = (url.to_string(), branch.to_string());
    let local = url.starts_with("file://") || url.starts_with('/') || url.starts_with('.');
    if !local {
        return Err(crate::interp::error::step_failed(format!(
            "jeeves clones only local repositories (a path or file:// URL), not {url}"
        )));
    }
    let ctx = PipelineHost::ctx(interp);
    let ws = super::files::workspace_of(host, interp);
    if !super::files::inside(&ctx.cwd, &ws) {
        return Err(throw("java.io.IOException", format!("git: {} is outside the workspace", ctx.cwd.display())));
    }
    let source = match url.strip_prefix("file://") {
        Some(p) => p.to_string(),
        None => host.build.project.join(&url).display().to_string(),
    };
    let dir = &ctx.cwd;
    std::fs::create_dir_all(dir).map_err(|e| throw("java.io.IOException", format!("git: {e}")))?;
    if dir.join(".git").exists() {
        host.output(interp, &format!("Fetching upstream changes from {url}"));
        let _ = git_cmd(dir, &["remote", "set-url", "origin", &source]);
    } else {
        host.output(interp, "Cloning the remote Git repository");
        host.output(interp, &format!("Cloning repository {url}"));
        git_cmd(dir, &["init", "-q"])?;
        git_cmd(dir, &["remote", "add", "origin", &source])?;
    }
    git_cmd(dir, &["fetch", "-q", "--tags", "--force", "origin", "+refs/heads/*:refs/remotes/origin/*"])?;
    let rev = format!("refs/remotes/origin/{branch}");
    let sha = git_cmd(dir, &["rev-parse", &format!("{rev}^{{commit}}")]).map_err(|_| {
        crate::interp::error::step_failed(format!("Couldn't find any revision to build. Verify the repository and branch configuration for this job. ({branch})"))
    })?;
    host.output(interp, &format!("Checking out Revision {sha} ({rev})"));
    git_cmd(dir, &["checkout", "-q", "-f", "-B", &branch, &sha])?;
    let message = git_cmd(dir, &["log", "-1", "--format=%s", &sha]).unwrap_or_default();
    host.output(interp, &format!("Commit message: \"{message}\""));
    let mut vars = indexmap::IndexMap::new();
    vars.insert(Key::str("GIT_COMMIT"), Value::string(sha));
    vars.insert(Key::str("GIT_BRANCH"), Value::string(format!("origin/{branch}")));
    vars.insert(Key::str("GIT_LOCAL_BRANCH"), Value::string(branch));
    vars.insert(Key::str("GIT_URL"), Value::string(url));
    Ok(Value::map(vars))
}
