//! `zip` and `unzip` (pipeline-utility-steps): deflate archives of workspace files, paths kept relative
//! to the directory zipped; `unzip` never writes outside its destination (an entry such as `../x` is
//! refused) nor through a link left in the workspace.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use indexmap::IndexMap;

use super::files::confined;
use super::fileset::FileSet;
use super::{PipelineHost, Step, StepArgs};
use crate::interp::error::throw;
use crate::interp::{Eval, Flow, Interp, Key, Value};

pub const ZIP: Step = Step {
    name: "zip",
    params: &["zipFile", "dir", "glob", "exclude", "archive", "overwrite", "credentialsId", "variable"],
    block: false,
    run: zip,
};
pub const UNZIP: Step = Step {
    name: "unzip",
    params: &["zipFile", "dir", "glob", "test", "read", "quiet", "charset"],
    block: false,
    run: unzip,
};

fn io_error(what: impl std::fmt::Display) -> Flow {
    throw("java.io.IOException", what.to_string())
}

fn zip(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    // `zip(credentialsId:, variable:)` in `withCredentials`: the secret ZIP file binding.
    if args.get("credentialsId").is_some() {
        return Ok(super::input::definition("zip", args));
    }
    host.pipeline("zip");
    let Some(name) = args.str("zipFile").filter(|z| !z.trim().is_empty()) else {
        return Err(throw("java.lang.IllegalArgumentException", "zipFile must not be empty"));
    };
    let ws = PipelineHost::ctx(interp).cwd;
    let source = match args.str("dir").filter(|d| !d.trim().is_empty()) {
        Some(d) => {
            let p = confined(host, interp, &d, "zip")?;
            if !p.exists() {
                return Err(io_error(format!("{} does not exist.", p.display())));
            }
            if !p.is_dir() {
                return Err(io_error(format!("{} is not a directory.", p.display())));
            }
            p
        }
        None => ws.clone(),
    };
    let dest = confined(host, interp, &name, "zip")?;
    if dest.exists() && !args.flag("overwrite") {
        return Err(io_error(format!("{} exists.", dest.display())));
    }
    let glob = args.str("glob").filter(|g| !g.trim().is_empty());
    match &glob {
        None => host.output(interp, &format!("Writing zip file of {} to {}", source.display(), dest.display())),
        Some(g) => host.output(
            interp,
            &format!("Writing zip file of {} filtered by [{g}] to {}", source.display(), dest.display()),
        ),
    }
    let set = FileSet::new(glob.as_deref().unwrap_or("**/*"), args.str("exclude").as_deref(), true, true, "zip")?;
    let files = set.scan(&source);
    let count = interp.without_gil(|| write_zip(&source, &files, &dest)).map_err(io_error)?;
    host.output(interp, &format!("Zipped {count} entries."));
    if args.flag("archive") {
        host.output(interp, &format!("Archiving {}", dest.display()));
        // Archived under its path in the current directory; a zip written elsewhere has no such path.
        let base = super::files::resolve(&ws, ".");
        let Ok(rel) = dest.strip_prefix(&base).map(Path::to_path_buf) else {
            return Err(io_error(format!(
                "{}: archive: true needs the zip file inside {}",
                dest.display(),
                base.display()
            )));
        };
        let archive = host.build.layout.build_dir.join("archive");
        let sums = super::fileset::copy_and_md5(&ws, std::slice::from_ref(&rel), &archive).map_err(io_error)?;
        let size = std::fs::metadata(&dest).map(|m| m.len()).unwrap_or(0);
        host.build.record_artifact(&rel.to_string_lossy(), size, &sums[0]);
    }
    Ok(Value::Null)
}

/// Writes `files` (relative to `base`) into a new deflate zip at `dest`, leaving out `dest` itself.
fn write_zip(base: &Path, files: &[PathBuf], dest: &Path) -> std::io::Result<usize> {
    if let Some(parent) = dest.parent() {
        std::fs::create_dir_all(parent)?;
    }
    // A link at the destination is replaced, never written through.
    if dest.symlink_metadata().is_ok() {
        std::fs::remove_file(dest)?;
    }
    let out = std::fs::File::create(dest)?;
    let dest_id = same_file_id(dest);
    let mut w = zip::ZipWriter::new(std::io::BufWriter::new(out));
    let mut count = 0;
    for rel in files {
        let path = base.join(rel);
        if dest_id.is_some() && same_file_id(&path) == dest_id {
            continue;
        }
        let mode = {
            use std::os::unix::fs::PermissionsExt;
            std::fs::metadata(&path).map(|m| m.permissions().mode()).unwrap_or(0o644)
        };
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .unix_permissions(mode & 0o777);
        w.start_file(rel.to_string_lossy().replace('\\', "/"), options).map_err(std::io::Error::other)?;
        let mut f = std::fs::File::open(&path)?;
        std::io::copy(&mut f, &mut w)?;
        count += 1;
    }
    w.finish().map_err(std::io::Error::other)?.flush()?;
    Ok(count)
}

fn same_file_id(p: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(p).ok().map(|m| (m.dev(), m.ino()))
}

fn unzip(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    host.pipeline("unzip");
    let Some(name) = args.str("zipFile").filter(|z| !z.trim().is_empty()) else {
        return Err(throw("java.lang.IllegalArgumentException", "zipFile must not be empty"));
    };
    let source = confined(host, interp, &name, "unzip")?;
    let missing = if !source.exists() {
        Some(format!("{} does not exist.", source.display()))
    } else if source.is_dir() {
        Some(format!("{} is a directory.", source.display()))
    } else {
        None
    };
    if args.flag("test") {
        if let Some(m) = missing {
            host.output(interp, &format!("ERROR: {m}"));
            return Ok(Value::Bool(false));
        }
        return test_zip(host, interp, &source);
    }
    if let Some(m) = missing {
        return Err(io_error(m));
    }
    let read = args.flag("read");
    let quiet = args.flag("quiet");
    let charset = super::files::Charset::named(args.str("charset").as_deref(), false)?;
    let dest = match args.str("dir").filter(|d| !d.trim().is_empty()) {
        Some(d) => confined(host, interp, &d, "unzip")?,
        None => PipelineHost::ctx(interp).cwd,
    };
    let glob = match args.str("glob").filter(|g| !g.trim().is_empty()) {
        Some(g) => Some(
            globset::GlobBuilder::new(&g)
                .literal_separator(true)
                .build()
                .map_err(|e| throw("java.lang.IllegalArgumentException", format!("unzip: bad glob {g}: {e}")))?
                .compile_matcher(),
        ),
        None => None,
    };
    if !read {
        std::fs::create_dir_all(&dest).map_err(io_error)?;
    }
    let dest_real = std::fs::canonicalize(&dest).unwrap_or_else(|_| dest.clone());
    if !quiet {
        host.output(interp, &format!("Extracting from {}", source.display()));
    }
    let file = std::fs::File::open(&source).map_err(io_error)?;
    let mut archive = zip::ZipArchive::new(file).map_err(|e| throw("java.util.zip.ZipException", e.to_string()))?;
    let mut contents: std::collections::BTreeMap<String, Value> = Default::default();
    let mut count = 0;
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|e| throw("java.util.zip.ZipException", e.to_string()))?;
        let entry_name = entry.name().to_string();
        if glob.as_ref().is_some_and(|g| !g.is_match(&entry_name)) {
            continue;
        }
        let outside = || io_error(format!("{entry_name}: the entry would be written outside {}", dest.display()));
        let Some(rel) = entry.enclosed_name() else { return Err(outside()) };
        let target = dest.join(&rel);
        // Links already in the destination must not lead an entry out of it.
        if !read && !super::files::inside(&target, &dest_real) {
            return Err(outside());
        }
        if entry.is_dir() {
            if !read {
                std::fs::create_dir_all(&target).map_err(io_error)?;
            }
            continue;
        }
        count += 1;
        if read {
            if !quiet {
                host.output(interp, &format!("Reading: {entry_name}"));
            }
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).map_err(io_error)?;
            contents.insert(entry_name, Value::string(charset.decode(&bytes)));
            continue;
        }
        if !quiet {
            host.output(interp, &format!("Extracting: {entry_name} -> {}", target.display()));
        }
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(io_error)?;
        }
        if target.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink()) {
            std::fs::remove_file(&target).map_err(io_error)?;
        }
        let mut out = std::fs::File::create(&target).map_err(io_error)?;
        std::io::copy(&mut entry, &mut out).map_err(io_error)?;
        if let Some(mode) = entry.unix_mode() {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(&target, std::fs::Permissions::from_mode(mode & 0o777));
        }
    }
    if quiet && !read {
        host.output(interp, &format!("Extracted: {count} files"));
    }
    if read {
        // A TreeMap in the plugin: sorted by name.
        let map: IndexMap<Key, Value> = contents.into_iter().map(|(k, v)| (Key::str(&k), v)).collect();
        return Ok(Value::map(map));
    }
    Ok(Value::Null)
}

/// `unzip test: true`: every entry's CRC checked; false (and an error line) for a damaged archive.
fn test_zip(host: &PipelineHost, interp: &mut Interp, source: &Path) -> Eval {
    let fail = |host: &PipelineHost, interp: &Interp, m: String| {
        host.output(interp, &format!("ERROR: {m}"));
        Ok(Value::Bool(false))
    };
    let file = std::fs::File::open(source).map_err(io_error)?;
    let mut archive = match zip::ZipArchive::new(file) {
        Ok(a) => a,
        Err(e) => return fail(host, interp, format!("Error validating zip file: {e}")),
    };
    host.output(interp, &format!("Checking {} zipped entries in {}", archive.len(), source.display()));
    for i in 0..archive.len() {
        let mut entry = match archive.by_index(i) {
            Ok(e) => e,
            Err(e) => return fail(host, interp, format!("Error validating zip file: {e}")),
        };
        if entry.is_dir() {
            continue;
        }
        let name = entry.name().to_string();
        // Reading to the end makes the zip reader compare the CRC.
        if std::io::copy(&mut entry, &mut std::io::sink()).is_err() {
            return fail(host, interp, format!("Checksum error in : {}:{name}", source.display()));
        }
    }
    Ok(Value::Bool(true))
}
