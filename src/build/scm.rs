//! What the project's version control says about this build: branch, tag, change request, the commits and
//! files changed since the base, and the files a checkout copies into the workspace. jeeves plays the part
//! of a multibranch job whose SCM is the project directory (a git work tree, or plain files).

use std::path::{Path, PathBuf};
use std::process::Command;

/// Facts for `when` conditions and the environment (BRANCH_NAME, TAG_NAME, CHANGE_*, GIT_*).
#[derive(Clone, Debug, Default)]
pub struct Facts {
    /// The git work tree's top directory; None when the project is not in git.
    pub top: Option<PathBuf>,
    pub branch: Option<String>,
    pub tag: Option<String>,
    pub commit: Option<String>,
    pub url: Option<String>,
    /// Messages of the commits since the base (newest first), each in full.
    pub messages: Vec<String>,
    /// Files changed by those commits and in the work tree, relative to the top.
    pub files: Vec<String>,
}

/// What the flags say; unset ones are asked of git.
#[derive(Clone, Debug, Default)]
pub struct Given {
    pub branch: Option<String>,
    pub tag: Option<String>,
    pub changeset_base: Option<String>,
}

fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git").arg("-C").arg(dir).args(args).stderr(std::process::Stdio::null()).output().ok()?;
    if !out.status.success() {
        return None;
    }
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn line(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

impl Facts {
    pub fn gather(project: &Path, given: &Given) -> Facts {
        let top = line(git(project, &["rev-parse", "--show-toplevel"])).map(PathBuf::from);
        let Some(top) = top else {
            return Facts { branch: given.branch.clone(), tag: given.tag.clone(), ..Facts::default() };
        };
        let branch = given.branch.clone().or_else(|| line(git(&top, &["symbolic-ref", "--short", "-q", "HEAD"])));
        let tag = given.tag.clone().or_else(|| line(git(&top, &["describe", "--tags", "--exact-match", "HEAD"])));
        let commit = line(git(&top, &["rev-parse", "HEAD"]));
        let url =
            line(git(&top, &["remote", "get-url", "origin"])).or_else(|| Some(format!("file://{}", top.display())));
        let base = given
            .changeset_base
            .clone()
            .or_else(|| line(git(&top, &["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}"])))
            .or_else(|| {
                ["main", "master"]
                    .into_iter()
                    .find(|m| git(&top, &["rev-parse", "--verify", "-q", m]).is_some())
                    .map(str::to_string)
            });
        let merge_base = base.as_deref().and_then(|b| line(git(&top, &["merge-base", b, "HEAD"])));
        let mut messages = Vec::new();
        let mut files = Vec::new();
        if commit.is_some() {
            if let Some(mb) = &merge_base {
                let range = format!("{mb}..HEAD");
                if let Some(log) = git(&top, &["log", "--format=%B%x00", &range]) {
                    messages = log.split('\0').map(|m| m.trim().to_string()).filter(|m| !m.is_empty()).collect();
                }
                if let Some(diff) = git(&top, &["diff", "--name-only", &range]) {
                    files.extend(diff.lines().map(str::to_string));
                }
            }
        }
        // Uncommitted work counts as a change too.
        if let Some(status) = git(&top, &["status", "--porcelain", "--untracked-files=all"]) {
            for l in status.lines() {
                if l.len() > 3 {
                    let path = &l[3..];
                    let path = path.rsplit(" -> ").next().unwrap_or(path).trim_matches('"');
                    files.push(path.to_string());
                }
            }
        }
        files.sort();
        files.dedup();
        Facts { top: Some(top), branch, tag, commit, url, messages, files }
    }
}

/// Copies the project into `dest` as a checkout would: with git, the tracked files and the untracked ones
/// git does not ignore; otherwise every file. Paths under `skip` (the home directory, the workspace) are
/// left out. Returns the number of files copied.
pub fn copy_project(project: &Path, facts: &Facts, dest: &Path, skip: &[&Path]) -> std::io::Result<usize> {
    let root = facts.top.clone().unwrap_or_else(|| project.to_path_buf());
    let root = root.canonicalize()?;
    let mut rels: Vec<PathBuf> = Vec::new();
    if facts.top.is_some() {
        let list = git(&root, &["ls-files", "-z", "--cached", "--others", "--exclude-standard"]).unwrap_or_default();
        rels.extend(list.split('\0').filter(|s| !s.is_empty()).map(PathBuf::from));
    } else {
        walk(&root, &root, skip, &mut rels)?;
    }
    let dest = dest.to_path_buf();
    let mut n = 0;
    for rel in rels {
        let from = root.join(&rel);
        if skip.iter().any(|s| from.starts_with(s)) || from.starts_with(&dest) {
            continue;
        }
        let to = dest.join(&rel);
        let meta = match std::fs::symlink_metadata(&from) {
            Ok(m) => m,
            Err(_) => continue, // deleted in the work tree but still in the index
        };
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent)?;
        }
        if meta.file_type().is_symlink() {
            let target = std::fs::read_link(&from)?;
            let _ = std::fs::remove_file(&to);
            std::os::unix::fs::symlink(target, &to)?;
        } else if meta.is_file() {
            std::fs::copy(&from, &to)?;
        } else {
            continue;
        }
        n += 1;
    }
    Ok(n)
}

fn walk(root: &Path, dir: &Path, skip: &[&Path], out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        if entry.file_name() == ".git" || skip.iter().any(|s| path.starts_with(s)) {
            continue;
        }
        let ft = entry.file_type()?;
        if ft.is_dir() {
            walk(root, &path, skip, out)?;
        } else if let Ok(rel) = path.strip_prefix(root) {
            out.push(rel.to_path_buf());
        }
    }
    Ok(())
}

/// Makes `dest` a git working copy of the project's commit, as Jenkins' git checkout leaves it: `.git`
/// borrows the project's objects (no copy), HEAD is the commit (detached, as Jenkins checks out a
/// revision), the index is the commit's tree, so `git status` shows the uncommitted work that was copied,
/// and `origin` is the project's remote. Steps that run `git rev-parse HEAD` or `git describe` work.
pub fn make_work_tree(facts: &Facts, dest: &Path) -> std::io::Result<()> {
    let (Some(top), Some(commit)) = (&facts.top, &facts.commit) else { return Ok(()) };
    let fail = |what: &str| std::io::Error::other(format!("git {what} failed in {}", dest.display()));
    if !dest.join(".git").exists() {
        git(dest, &["init", "-q"]).ok_or_else(|| fail("init"))?;
    }
    let common = line(git(top, &["rev-parse", "--path-format=absolute", "--git-common-dir"]))
        .ok_or_else(|| fail("rev-parse --git-common-dir"))?;
    let info = dest.join(".git/objects/info");
    std::fs::create_dir_all(&info)?;
    std::fs::write(info.join("alternates"), format!("{common}/objects\n"))?;
    git(dest, &["update-ref", "--no-deref", "HEAD", commit]).ok_or_else(|| fail("update-ref"))?;
    git(dest, &["read-tree", commit]).ok_or_else(|| fail("read-tree"))?;
    if let Some(url) = &facts.url {
        if git(dest, &["remote", "set-url", "origin", url]).is_none() {
            git(dest, &["remote", "add", "origin", url]);
        }
    }
    Ok(())
}
