//! Ant file sets, as Jenkins' archiveArtifacts, stash and junit select files: comma-separated include
//! and exclude patterns relative to a base directory (`*` within a path segment, `**` across them, a
//! trailing `/` meaning everything below), Ant's default excludes, optional case-insensitivity.

use std::path::{Path, PathBuf};

use crate::interp::error::throw;
use crate::interp::Eval;

/// Ant's default excludes (version-control and editor litter), as `DirectoryScanner` has them.
pub const DEFAULT_EXCLUDES: [&str; 28] = [
    "**/*~",
    "**/#*#",
    "**/.#*",
    "**/%*%",
    "**/._*",
    "**/CVS",
    "**/CVS/**",
    "**/.cvsignore",
    "**/SCCS",
    "**/SCCS/**",
    "**/vssver.scc",
    "**/.svn",
    "**/.svn/**",
    "**/.DS_Store",
    "**/.git",
    "**/.git/**",
    "**/.gitattributes",
    "**/.gitignore",
    "**/.gitmodules",
    "**/.hg",
    "**/.hg/**",
    "**/.hgignore",
    "**/.hgsub",
    "**/.hgsubstate",
    "**/.hgtags",
    "**/.bzr",
    "**/.bzr/**",
    "**/.bzrignore",
];

pub struct FileSet {
    include: globset::GlobSet,
    exclude: globset::GlobSet,
    pub follow_symlinks: bool,
}

fn patterns(list: &str) -> impl Iterator<Item = String> + '_ {
    list.split(',').map(str::trim).filter(|p| !p.is_empty()).map(|p| {
        let p = p.replace('\\', "/");
        if p.ends_with('/') {
            format!("{p}**")
        } else {
            p
        }
    })
}

fn build(list: impl Iterator<Item = String>, case_sensitive: bool, step: &str) -> Eval<globset::GlobSet> {
    let mut b = globset::GlobSetBuilder::new();
    for p in list {
        let g = globset::GlobBuilder::new(&p)
            .literal_separator(true)
            .case_insensitive(!case_sensitive)
            .backslash_escape(false)
            .build()
            .map_err(|e| throw("java.lang.IllegalArgumentException", format!("{step}: bad pattern {p}: {e}")))?;
        b.add(g);
    }
    b.build().map_err(|e| throw("java.lang.IllegalArgumentException", format!("{step}: {e}")))
}

impl FileSet {
    pub fn new(
        includes: &str,
        excludes: Option<&str>,
        default_excludes: bool,
        case_sensitive: bool,
        step: &str,
    ) -> Eval<FileSet> {
        let include = build(patterns(includes), case_sensitive, step)?;
        let mut ex: Vec<String> = excludes.map(|e| patterns(e).collect()).unwrap_or_default();
        if default_excludes {
            ex.extend(DEFAULT_EXCLUDES.iter().map(|s| s.to_string()));
        }
        let exclude = build(ex.into_iter(), case_sensitive, step)?;
        Ok(FileSet { include, exclude, follow_symlinks: true })
    }

    /// The files under `base` the set selects, as relative paths in a stable order.
    pub fn scan(&self, base: &Path) -> Vec<PathBuf> {
        let mut out = Vec::new();
        self.walk(base, base, 0, &mut out);
        out.sort();
        out
    }

    fn walk(&self, base: &Path, dir: &Path, depth: usize, out: &mut Vec<PathBuf>) {
        if depth > 64 {
            return;
        }
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for e in entries.flatten() {
            let path = e.path();
            let Ok(rel) = path.strip_prefix(base) else { continue };
            let rel_text = rel.to_string_lossy();
            let Ok(ft) = e.file_type() else { continue };
            let is_link = ft.is_symlink();
            if is_link && !self.follow_symlinks {
                continue;
            }
            let meta = if is_link { std::fs::metadata(&path) } else { e.metadata() };
            let Ok(meta) = meta else { continue };
            if meta.is_dir() {
                if self.exclude.is_match(rel_text.as_ref()) {
                    continue;
                }
                // Links to directories are not followed into (no cycles, nothing outside by accident).
                if !is_link {
                    self.walk(base, &path, depth + 1, out);
                }
            } else if self.include.is_match(rel_text.as_ref()) && !self.exclude.is_match(rel_text.as_ref()) {
                out.push(rel.to_path_buf());
            }
        }
    }
}

/// Copies `files` (relative to `from`) under `to`, keeping their paths; links are copied as the files
/// they point to. Returns the number copied.
pub fn copy_files(from: &Path, files: &[PathBuf], to: &Path) -> std::io::Result<usize> {
    std::fs::create_dir_all(to)?;
    for rel in files {
        let dest = to.join(rel);
        // Directories on the way are made real (a link there is replaced, never written through).
        crate::build::scm::real_dirs(to, rel)?;
        if std::fs::symlink_metadata(&dest).is_ok_and(|m| m.file_type().is_symlink()) {
            std::fs::remove_file(&dest)?;
        }
        std::fs::copy(from.join(rel), &dest)?;
    }
    Ok(files.len())
}

/// Copies `files` (relative to `from`) under `to` like [`copy_files`], computing each file's MD5 in the
/// same pass (read once), on as many threads as there are cores. Returns the MD5s in `files` order.
pub fn copy_and_md5(from: &Path, files: &[PathBuf], to: &Path) -> std::io::Result<Vec<String>> {
    use sha2::Digest;
    use std::io::{Read, Write};
    std::fs::create_dir_all(to)?;
    for rel in files {
        crate::build::scm::real_dirs(to, rel)?;
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<parking_lot::Mutex<Option<std::io::Result<String>>>> =
        files.iter().map(|_| parking_lot::Mutex::new(None)).collect();
    let workers = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).min(files.len().max(1));
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                let mut buf = vec![0u8; 1 << 20];
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(rel) = files.get(i) else { break };
                    let one = (|| -> std::io::Result<String> {
                        let dest = to.join(rel);
                        if std::fs::symlink_metadata(&dest).is_ok_and(|m| m.file_type().is_symlink()) {
                            std::fs::remove_file(&dest)?;
                        }
                        let mut src = std::fs::File::open(from.join(rel))?;
                        let mut out = std::fs::File::create(&dest)?;
                        let mut hasher = md5::Md5::new();
                        loop {
                            let n = src.read(&mut buf)?;
                            if n == 0 {
                                break;
                            }
                            hasher.update(&buf[..n]);
                            out.write_all(&buf[..n])?;
                        }
                        Ok(hasher.finalize().iter().map(|b| format!("{b:02x}")).collect())
                    })();
                    *results[i].lock() = Some(one);
                }
            });
        }
    });
    results.into_iter().map(|r| r.into_inner().unwrap_or_else(|| Err(std::io::Error::other("not copied")))).collect()
}
