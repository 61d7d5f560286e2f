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
    /// Directories of jeeves' own (the home) that never count as changed files.
    pub skip: Vec<PathBuf>,
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
        let top = line(git(project, &["rev-parse", "--show-toplevel"]))
            .map(PathBuf::from)
            .map(|t| t.canonicalize().unwrap_or(t));
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
        // Uncommitted work counts as a change too (NUL-separated: names come out as they are).
        if let Some(status) = git(&top, &["status", "--porcelain", "-z", "--untracked-files=all"]) {
            let mut entries = status.split('\0');
            while let Some(entry) = entries.next() {
                let (Some(code), Some(path)) = (entry.get(..2), entry.get(3..)) else { continue };
                files.push(path.to_string());
                // A rename or copy names its source in the next entry.
                if code.contains('R') || code.contains('C') {
                    entries.next();
                }
            }
        }
        // jeeves' own home and workspaces are not the project's changes.
        for skip in &given.skip {
            if let Ok(rel) = skip.strip_prefix(&top) {
                let rel = rel.to_string_lossy().to_string();
                if !rel.is_empty() {
                    files.retain(|f| f != &rel && !f.starts_with(&format!("{rel}/")));
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
    std::fs::create_dir_all(&dest)?;
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
        if !meta.file_type().is_symlink() && !meta.is_file() {
            continue;
        }
        real_dirs(&dest, &rel)?;
        // Whatever the workspace holds at that name (a link left by an earlier build) is replaced, never
        // written through.
        match std::fs::symlink_metadata(&to) {
            Ok(m) if m.is_dir() => std::fs::remove_dir_all(&to)?,
            Ok(_) => std::fs::remove_file(&to)?,
            Err(_) => {}
        }
        if meta.file_type().is_symlink() {
            std::os::unix::fs::symlink(std::fs::read_link(&from)?, &to)?;
        } else {
            std::fs::copy(&from, &to)?;
            // The copy keeps the file's time, as a checkout leaves unchanged files alone: a build did not
            // produce what it checked out (fingerprints tell the two apart by time).
            if let Ok(t) = meta.modified() {
                let _ = std::fs::File::options().write(true).open(&to).and_then(|f| f.set_modified(t));
            }
        }
        n += 1;
    }
    Ok(n)
}

/// Makes the directories leading to `rel` under `dest` real directories: a link on the way (left in the
/// workspace by an earlier build) is removed first, so nothing is written through it.
pub fn real_dirs(dest: &Path, rel: &Path) -> std::io::Result<()> {
    let mut at = dest.to_path_buf();
    let parts: Vec<_> = rel.components().collect();
    for part in parts.iter().take(parts.len().saturating_sub(1)) {
        at.push(part);
        match std::fs::symlink_metadata(&at) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => {
                std::fs::remove_file(&at)?;
                std::fs::create_dir(&at)?;
            }
            Err(_) => std::fs::create_dir(&at)?,
        }
    }
    Ok(())
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
    // Only a `.git` jeeves made is ever touched: a repository found there is someone's own.
    let marker = dest.join(".git/jeeves-workspace");
    if std::fs::symlink_metadata(dest.join(".git")).is_ok() {
        if !marker.exists() {
            return Ok(());
        }
    } else {
        git(dest, &["init", "-q"]).ok_or_else(|| fail("init"))?;
        std::fs::write(&marker, "a workspace checkout made by jeeves\n")?;
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
