//! Steps on workspace files: `writeFile`, `readFile`, `fileExists`, `deleteDir`. Paths are relative to
//! the current directory (`dir`), and none of them reaches outside the workspace and the home directory.

use std::path::{Component, Path, PathBuf};

use super::{PipelineHost, Step, StepArgs};
use crate::interp::error::throw;
use crate::interp::{Eval, Interp, Value};

pub const WRITE_FILE: Step =
    Step { name: "writeFile", params: &["file", "text", "encoding"], block: false, run: write_file };
pub const READ_FILE: Step = Step { name: "readFile", params: &["file", "encoding"], block: false, run: read_file };
pub const FILE_EXISTS: Step = Step { name: "fileExists", params: &["file"], block: false, run: file_exists };
pub const DELETE_DIR: Step = Step { name: "deleteDir", params: &[], block: false, run: delete_dir };
pub const CLEAN_WS: Step = Step {
    name: "cleanWs",
    params: &[
        "cleanWhenSuccess",
        "cleanWhenFailure",
        "cleanWhenAborted",
        "cleanWhenUnstable",
        "deleteDirs",
        "disableDeferredWipeout",
        "notFailBuild",
        "patterns",
        "cleanWhenNotBuilt",
        "externalDelete",
        "skipWhenFailed",
        "cleanupMatrixParent",
    ],
    block: false,
    run: clean_ws,
};

/// `path` against the current directory, with `.` and `..` resolved (without following links).
pub fn resolve(cwd: &Path, path: &str) -> PathBuf {
    let mut out = PathBuf::new();
    for c in cwd.join(path).components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Where `p` really is: `..` resolved and every link followed, dangling ones too (a write through a
/// dangling link lands where it points).
fn real(p: &Path) -> PathBuf {
    real_within(&resolve(p, "."), 40)
}

fn real_within(p: &Path, hops: u32) -> PathBuf {
    if hops == 0 {
        return p.to_path_buf();
    }
    match std::fs::symlink_metadata(p) {
        Ok(m) if m.file_type().is_symlink() => match std::fs::read_link(p) {
            Ok(target) => {
                let base = p.parent().unwrap_or(Path::new("/"));
                real_within(&resolve(base, &target.to_string_lossy()), hops - 1)
            }
            Err(_) => p.to_path_buf(),
        },
        Ok(_) => p.canonicalize().unwrap_or_else(|_| p.to_path_buf()),
        Err(_) => match (p.parent(), p.file_name()) {
            (Some(parent), Some(name)) => real_within(parent, hops - 1).join(name),
            _ => p.to_path_buf(),
        },
    }
}

/// Whether `p` lies inside `root` once `..` and links are resolved.
pub fn inside(p: &Path, root: &Path) -> bool {
    real(&resolve(p, ".")).starts_with(root)
}

/// The workspace the evaluating branch builds in (a custom one, or the job's).
pub fn workspace_of(host: &PipelineHost, interp: &Interp) -> PathBuf {
    PipelineHost::ctx(interp).workspace.unwrap_or_else(|| host.build.layout.workspace.clone())
}

/// Refuses paths outside the workspace and the home directory.
pub fn confined(host: &PipelineHost, interp: &Interp, path: &str, step: &str) -> Eval<PathBuf> {
    let ctx = PipelineHost::ctx(interp);
    let p = resolve(&ctx.cwd, path);
    let l = &host.build.layout;
    let ws = ctx.workspace.clone().unwrap_or_else(|| l.workspace.clone());
    if inside(&p, &ws) || inside(&p, &l.home) {
        Ok(p)
    } else {
        Err(throw(
            "java.io.IOException",
            format!(
                "{step}: {} is outside the workspace {}; jeeves writes only in the workspace",
                p.display(),
                ws.display()
            ),
        ))
    }
}

pub fn io(e: std::io::Error, path: &Path) -> crate::interp::Flow {
    let kind = if e.kind() == std::io::ErrorKind::NotFound {
        "java.nio.file.NoSuchFileException"
    } else {
        "java.io.IOException"
    };
    throw(kind, path.display().to_string())
}

/// A step's `encoding:` as Jenkins reads it: a Java charset name, or `Base64` (file bytes as base64
/// text) for readFile/writeFile.
pub enum Charset {
    Utf8,
    Other(&'static encoding_rs::Encoding),
    Base64,
}

impl Charset {
    pub fn named(name: Option<&str>, base64: bool) -> Eval<Charset> {
        let Some(name) = name.filter(|n| !n.is_empty()) else { return Ok(Charset::Utf8) };
        if base64 && name.eq_ignore_ascii_case("base64") {
            return Ok(Charset::Base64);
        }
        match encoding_rs::Encoding::for_label(name.as_bytes()) {
            Some(e) if e == encoding_rs::UTF_8 => Ok(Charset::Utf8),
            Some(e) => Ok(Charset::Other(e)),
            None => Err(throw("java.nio.charset.UnsupportedCharsetException", name.to_string())),
        }
    }

    /// Bytes read from a file or a process, as text.
    pub fn decode(&self, bytes: &[u8]) -> String {
        match self {
            Charset::Utf8 => String::from_utf8_lossy(bytes).into_owned(),
            Charset::Other(e) => e.decode_without_bom_handling(bytes).0.into_owned(),
            Charset::Base64 => base64::Engine::encode(&base64::engine::general_purpose::STANDARD, bytes),
        }
    }

    /// Text to write to a file.
    pub fn encode(&self, text: &str) -> Eval<Vec<u8>> {
        Ok(match self {
            Charset::Utf8 => text.as_bytes().to_vec(),
            Charset::Other(e) => e.encode(text).0.into_owned(),
            Charset::Base64 => base64::Engine::decode(&base64::engine::general_purpose::STANDARD, text.trim())
                .map_err(|e| throw("java.lang.IllegalArgumentException", format!("Illegal base64 text: {e}")))?,
        })
    }
}

fn write_file(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    host.pipeline("writeFile");
    let file = args.str("file").unwrap_or_default();
    let text = args.str("text").unwrap_or_default();
    let bytes = Charset::named(args.str("encoding").as_deref(), true)?.encode(&text)?;
    let path = confined(host, interp, &file, "writeFile")?;
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| io(e, parent))?;
    }
    std::fs::write(&path, bytes).map_err(|e| io(e, &path))?;
    Ok(Value::Null)
}

fn read_file(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    host.pipeline("readFile");
    let file = args.str("file").unwrap_or_default();
    let charset = Charset::named(args.str("encoding").as_deref(), true)?;
    let path = resolve(&PipelineHost::ctx(interp).cwd, &file);
    let bytes = std::fs::read(&path).map_err(|e| io(e, &path))?;
    Ok(Value::string(charset.decode(&bytes)))
}

fn file_exists(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    host.pipeline("fileExists");
    let file = args.str("file").unwrap_or_default();
    Ok(Value::Bool(resolve(&PipelineHost::ctx(interp).cwd, &file).exists()))
}

fn delete_dir(host: &PipelineHost, interp: &mut Interp, _args: &StepArgs) -> Eval {
    host.pipeline("deleteDir");
    let ctx = PipelineHost::ctx(interp);
    let cwd = resolve(&ctx.cwd, ".");
    let l = &host.build.layout;
    let ws = ctx.workspace.clone().unwrap_or_else(|| l.workspace.clone());
    // The workspace itself or a directory inside it: never the home, never anything else.
    if !inside(&cwd, &ws) {
        return Err(throw(
            "java.io.IOException",
            format!("deleteDir: {} is outside the workspace {}", cwd.display(), ws.display()),
        ));
    }
    match std::fs::remove_dir_all(&cwd) {
        Ok(()) => Ok(Value::Null),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Value::Null),
        Err(e) => Err(io(e, &cwd)),
    }
}

/// `cleanWs()` (Workspace Cleanup plugin): empties the whole workspace, whatever the current directory.
fn clean_ws(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    host.pipeline("cleanWs");
    let ws = PipelineHost::ctx(interp).workspace.unwrap_or_else(|| host.build.layout.workspace.clone());
    host.output(interp, "[WS-CLEANUP] Deleting project workspace...");
    if !args.flag("disableDeferredWipeout") {
        // The plugin's wording; jeeves deletes at once either way.
        host.output(interp, "[WS-CLEANUP] Deferred wipeout is used...");
    }
    let entries = std::fs::read_dir(&ws).map_err(|e| io(e, &ws))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let r = match entry.file_type() {
            Ok(t) if t.is_dir() => std::fs::remove_dir_all(&path),
            _ => std::fs::remove_file(&path),
        };
        r.map_err(|e| io(e, &path))?;
    }
    host.output(interp, "[WS-CLEANUP] done");
    Ok(Value::Null)
}
