//! Runs a process on this machine in its own process group, streams its output while it runs, and kills
//! the whole group (children included) when the caller cancels.

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

pub struct Spec {
    pub program: String,
    pub args: Vec<String>,
    pub cwd: PathBuf,
    /// The complete environment of the process.
    pub env: Vec<(String, String)>,
}

pub enum Outcome {
    Exited(i32),
    /// Killed because the caller cancelled it.
    Cancelled,
}

enum Chunk {
    Output(Vec<u8>),
    Captured(Vec<u8>),
    Closed,
}

fn pump(mut r: impl Read + Send + 'static, tx: mpsc::Sender<Chunk>, captured: bool) {
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        loop {
            match r.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    let data = buf[..n].to_vec();
                    let chunk = if captured { Chunk::Captured(data) } else { Chunk::Output(data) };
                    if tx.send(chunk).is_err() {
                        break;
                    }
                }
            }
        }
        let _ = tx.send(Chunk::Closed);
    });
}

/// Runs `spec`. Output that is not captured goes to `on_output` as it arrives (stdout and stderr merged
/// in the order written); with `capture_stdout`, stdout is returned instead and only stderr streams.
pub fn run(
    spec: &Spec,
    capture_stdout: bool,
    on_output: &mut dyn FnMut(&[u8]),
    cancelled: &dyn Fn() -> bool,
) -> std::io::Result<(Outcome, Vec<u8>)> {
    let mut cmd = Command::new(&spec.program);
    cmd.args(&spec.args).current_dir(&spec.cwd).env_clear().envs(spec.env.iter().map(|(k, v)| (k, v)));
    cmd.stdin(Stdio::null()).process_group(0);
    let (tx, rx) = mpsc::channel();
    let mut open = 0;
    let (merged_reader, merged_writer) = std::io::pipe()?;
    if capture_stdout {
        cmd.stdout(Stdio::piped());
        cmd.stderr(merged_writer);
    } else {
        let w2 = merged_writer.try_clone()?;
        cmd.stdout(merged_writer);
        cmd.stderr(w2);
    }
    let mut child = cmd.spawn()?;
    // The parent's copies of the write ends must be gone, or the reader never sees end of file.
    drop(cmd);
    pump(merged_reader, tx.clone(), false);
    open += 1;
    if let Some(out) = child.stdout.take() {
        pump(out, tx.clone(), true);
        open += 1;
    }
    drop(tx);
    let pid = child.id() as i32;
    let mut captured = Vec::new();
    let mut killed_at: Option<Instant> = None;
    let mut status = None;
    let mut exited_at: Option<Instant> = None;
    loop {
        match rx.recv_timeout(Duration::from_millis(20)) {
            Ok(Chunk::Output(d)) => on_output(&d),
            Ok(Chunk::Captured(d)) => captured.extend_from_slice(&d),
            Ok(Chunk::Closed) => open -= 1,
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => open = 0,
        }
        if status.is_none() {
            status = child.try_wait()?;
        }
        if status.is_some() && open == 0 {
            break;
        }
        // A background child that keeps the output open does not hold the step once its shell is done.
        if status.is_some() {
            let t = *exited_at.get_or_insert_with(Instant::now);
            if t.elapsed() > Duration::from_secs(1) {
                break;
            }
        }
        if killed_at.is_none() && cancelled() {
            // SAFETY: kill(2) on our own child's process group; no memory is touched.
            unsafe {
                libc::kill(-pid, libc::SIGTERM);
            }
            killed_at = Some(Instant::now());
        }
        if let Some(t) = killed_at {
            if t.elapsed() > Duration::from_millis(500) {
                // SAFETY: as above.
                unsafe {
                    libc::kill(-pid, libc::SIGKILL);
                }
                if status.is_some() {
                    break;
                }
            }
        }
    }
    let status = match status {
        Some(s) => s,
        None => child.wait()?,
    };
    if killed_at.is_some() {
        return Ok((Outcome::Cancelled, captured));
    }
    use std::os::unix::process::ExitStatusExt;
    let code = status.code().unwrap_or_else(|| 128 + status.signal().unwrap_or(0));
    Ok((Outcome::Exited(code), captured))
}
