//! `archiveArtifacts` (copies matching workspace files into the build's `archive/`, keeping their paths,
//! and records them with their MD5 in the build record) and `stash`/`unstash` (files kept per build in the
//! home directory, removed when the build ends unless `preserveStashes()`).

use super::fileset::{copy_files, FileSet};
use super::{PipelineHost, Step, StepArgs};
use crate::build::BuildResult;
use crate::interp::error::{step_failed, throw};
use crate::interp::{Eval, Interp, Value};

pub const ARCHIVE_ARTIFACTS: Step = Step {
    name: "archiveArtifacts",
    params: &[
        "artifacts",
        "excludes",
        "allowEmptyArchive",
        "onlyIfSuccessful",
        "fingerprint",
        "defaultExcludes",
        "caseSensitive",
        "followSymlinks",
    ],
    block: false,
    run: archive_artifacts,
};
pub const STASH: Step = Step {
    name: "stash",
    params: &["name", "includes", "excludes", "useDefaultExcludes", "allowEmpty"],
    block: false,
    run: stash,
};
pub const FINGERPRINT: Step = Step {
    name: "fingerprint",
    params: &["targets", "excludes", "defaultExcludes", "caseSensitive"],
    block: false,
    run: fingerprint,
};
pub const UNSTASH: Step = Step { name: "unstash", params: &["name"], block: false, run: unstash };

/// A boolean argument with a default.
fn flag_or(args: &StepArgs, name: &str, default: bool) -> bool {
    args.get(name).map(crate::interp::ops::truthy).unwrap_or(default)
}

fn io(what: &str, e: std::io::Error) -> crate::interp::Flow {
    throw("java.io.IOException", format!("{what}: {e}"))
}

fn archive_artifacts(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    host.pipeline("archiveArtifacts");
    let Some(pattern) = args.str("artifacts") else {
        return Err(throw("java.lang.IllegalArgumentException", "archiveArtifacts: artifacts is required"));
    };
    if flag_or(args, "onlyIfSuccessful", false) && host.build.result() > BuildResult::Unstable {
        host.output(interp, "Skipped archiving because build is not successful");
        return Ok(Value::Null);
    }
    host.output(interp, "Archiving artifacts");
    let mut set = FileSet::new(
        &pattern,
        args.str("excludes").as_deref(),
        flag_or(args, "defaultExcludes", true),
        flag_or(args, "caseSensitive", true),
        "archiveArtifacts",
    )?;
    set.follow_symlinks = flag_or(args, "followSymlinks", true);
    let cwd = PipelineHost::ctx(interp).cwd;
    let files = set.scan(&cwd);
    if files.is_empty() {
        let msg = format!("No artifacts found that match the file pattern \"{pattern}\". Configuration error?");
        if flag_or(args, "allowEmptyArchive", false) {
            host.output(interp, &msg);
            return Ok(Value::Null);
        }
        return Err(step_failed(msg));
    }
    let archive = host.build.layout.build_dir.join("archive");
    let sums = interp
        .without_gil(|| super::fileset::copy_and_md5(&cwd, &files, &archive))
        .map_err(|e| io("archiveArtifacts", e))?;
    let sums: Vec<(std::path::PathBuf, String)> = files.iter().cloned().zip(sums).collect();
    for (rel, md5) in &sums {
        let size = std::fs::metadata(archive.join(rel)).map(|m| m.len()).unwrap_or(0);
        host.build.record_artifact(&rel.to_string_lossy(), size, md5);
    }
    if flag_or(args, "fingerprint", false) {
        host.output(interp, "Recording fingerprints");
        record_fingerprints(host, &cwd, &sums)?;
    }
    Ok(Value::Null)
}

/// Records each file's fingerprint for this build: produced (and so the original) when it changed after
/// the build started, as Jenkins' fingerprinter decides.
fn record_fingerprints(host: &PipelineHost, cwd: &std::path::Path, sums: &[(std::path::PathBuf, String)]) -> Eval<()> {
    let b = &host.build;
    let started = std::time::UNIX_EPOCH + std::time::Duration::from_millis(b.start_millis.max(0) as u64);
    let now =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0);
    for (rel, md5) in sums {
        let produced = std::fs::metadata(cwd.join(rel))
            .and_then(|m| m.modified())
            .is_ok_and(|t| t + std::time::Duration::from_secs(1) >= started);
        let name = rel.to_string_lossy();
        crate::report::fingerprint::record_use(
            &b.layout.home,
            md5,
            &name,
            &b.layout.job,
            b.layout.number,
            produced,
            now,
        )
        .map_err(|e| io("fingerprint", e))?;
        b.record_fingerprint(&name, md5);
    }
    Ok(())
}

fn fingerprint(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    host.pipeline("fingerprint");
    let targets = args.str("targets").unwrap_or_default();
    host.output(interp, "Recording fingerprints");
    let set = FileSet::new(
        &targets,
        args.str("excludes").as_deref(),
        flag_or(args, "defaultExcludes", true),
        flag_or(args, "caseSensitive", true),
        "fingerprint",
    )?;
    let cwd = PipelineHost::ctx(interp).cwd;
    let mut sums = Vec::new();
    for rel in set.scan(&cwd) {
        let md5 = super::utility::file_md5(&cwd.join(&rel)).map_err(|e| io("fingerprint", e))?;
        sums.push((rel, md5));
    }
    record_fingerprints(host, &cwd, &sums)?;
    Ok(Value::Null)
}

fn stash_name(args: &StepArgs, step: &str) -> Eval<String> {
    let name = args.str("name").unwrap_or_default();
    // The name becomes a directory in the build: plain names only.
    if name.is_empty() || name.contains('/') || name == "." || name == ".." {
        return Err(throw("java.lang.IllegalArgumentException", format!("{step}: invalid stash name ‘{name}’")));
    }
    Ok(name)
}

fn stash(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    host.pipeline("stash");
    let name = stash_name(args, "stash")?;
    let includes = args.str("includes").filter(|s| !s.is_empty()).unwrap_or_else(|| "**".into());
    let set = FileSet::new(
        &includes,
        args.str("excludes").as_deref(),
        flag_or(args, "useDefaultExcludes", true),
        true,
        "stash",
    )?;
    let cwd = PipelineHost::ctx(interp).cwd;
    let files = set.scan(&cwd);
    if files.is_empty() && !flag_or(args, "allowEmpty", false) {
        return Err(step_failed(format!("No files included in stash \u{2018}{name}\u{2019}")));
    }
    let dir = host.build.layout.build_dir.join("stashes").join(&name);
    if dir.exists() {
        std::fs::remove_dir_all(&dir).map_err(|e| io("stash", e))?;
    }
    copy_files(&cwd, &files, &dir).map_err(|e| io("stash", e))?;
    host.build.record_stash(&name);
    host.output(interp, &format!("Stashed {} file(s)", files.len()));
    Ok(Value::Null)
}

fn unstash(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    host.pipeline("unstash");
    let name = stash_name(args, "unstash")?;
    let dir = host.build.layout.build_dir.join("stashes").join(&name);
    if !dir.is_dir() {
        return Err(step_failed(format!("No such saved stash \u{2018}{name}\u{2019}")));
    }
    let cwd = PipelineHost::ctx(interp).cwd;
    let ws = super::files::workspace_of(host, interp);
    if !super::files::inside(&cwd, &ws) {
        return Err(throw("java.io.IOException", format!("unstash: {} is outside the workspace", cwd.display())));
    }
    let files = FileSet::new("**", None, false, true, "unstash")?.scan(&dir);
    copy_files(&dir, &files, &cwd).map_err(|e| io("unstash", e))?;
    Ok(Value::Null)
}
