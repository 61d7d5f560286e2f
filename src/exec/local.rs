//! Runs a process on this machine in its own process group, streams its output while it runs, and kills
//! the whole group (children included) when the caller cancels.

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Command, Stdio};
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

/// `program` as found on the PATH of `env` (unchanged when it names a path or is not found).
fn resolve(program: &str, env: &[(String, String)]) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    if program.contains('/') {
        return PathBuf::from(program);
    }
    let path = env.iter().rev().find(|(k, _)| k == "PATH").map(|(_, v)| v.as_str()).unwrap_or("/usr/bin:/bin");
    for dir in path.split(':').filter(|d| !d.is_empty()) {
        let candidate = std::path::Path::new(dir).join(program);
        if let Ok(meta) = std::fs::metadata(&candidate) {
            if meta.is_file() && meta.permissions().mode() & 0o111 != 0 {
                return candidate;
            }
        }
    }
    PathBuf::from(program)
}

/// Runs `spec`. Output that is not captured goes to `on_output` as it arrives (stdout and stderr merged
/// in the order written); with `capture_stdout`, stdout is returned instead and only stderr streams.
/// The pipes are read on this thread with poll(2): no helper thread per process.
pub fn run(
    spec: &Spec,
    capture_stdout: bool,
    on_output: &mut dyn FnMut(&[u8]),
    cancelled: &dyn Fn() -> bool,
    started: &dyn Fn(i32),
) -> std::io::Result<(Outcome, Vec<u8>)> {
    use std::os::fd::AsRawFd;
    // With the program found here, std can start it with posix_spawn (vfork) instead of fork: a
    // bare name with a PATH of our own would make it fall back to fork.
    let mut cmd = Command::new(resolve(&spec.program, &spec.env));
    cmd.args(&spec.args).current_dir(&spec.cwd).env_clear().envs(spec.env.iter().map(|(k, v)| (k, v)));
    cmd.stdin(Stdio::null()).process_group(0);
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
    // (reader, captured?)
    let mut open: Vec<(Box<dyn Read>, i32, bool)> = Vec::new();
    let fd = merged_reader.as_raw_fd();
    open.push((Box::new(merged_reader), fd, false));
    if let Some(out) = child.stdout.take() {
        let fd = out.as_raw_fd();
        open.push((Box::new(out), fd, true));
    }
    let mut buf = vec![0u8; 64 * 1024];
    let pid = child.id() as i32;
    started(pid);
    let mut captured: Vec<u8> = Vec::new();
    let mut killed_at: Option<Instant> = None;
    let mut status = None;
    let mut exited_at: Option<Instant> = None;
    // The process's exit is one more thing to poll for (Linux 5.3+); without it, short sleeps.
    // SAFETY: pidfd_open(2) on our own child; the descriptor is closed below.
    let pidfd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid, 0) } as i32;
    let mut idle_wait = Duration::from_micros(50);
    loop {
        if open.is_empty() && (pidfd < 0 || status.is_some()) {
            // Output is closed: the process is ending (or went on without it); wait a little.
            if status.is_none() {
                std::thread::sleep(idle_wait);
                idle_wait = (idle_wait * 2).min(Duration::from_millis(20));
            }
        } else {
            let mut fds: Vec<libc::pollfd> =
                open.iter().map(|(_, fd, _)| libc::pollfd { fd: *fd, events: libc::POLLIN, revents: 0 }).collect();
            if pidfd >= 0 && status.is_none() {
                fds.push(libc::pollfd { fd: pidfd, events: libc::POLLIN, revents: 0 });
            }
            // SAFETY: `fds` is a valid array of pollfd for the duration of the call.
            let n = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, 20) };
            if n > 0 {
                let mut closed = Vec::new();
                for (i, p) in fds.iter().enumerate().take(open.len()) {
                    if p.revents == 0 {
                        continue;
                    }
                    let (reader, _, captured_stream) = &mut open[i];
                    match reader.read(&mut buf) {
                        Ok(0) | Err(_) => closed.push(i),
                        Ok(k) => {
                            if *captured_stream {
                                captured.extend_from_slice(&buf[..k]);
                            } else {
                                on_output(&buf[..k]);
                            }
                        }
                    }
                }
                for i in closed.into_iter().rev() {
                    open.remove(i);
                }
            }
        }
        let open_count = open.len();
        if status.is_none() {
            status = child.try_wait()?;
        }
        if status.is_some() && open_count == 0 {
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
    if pidfd >= 0 {
        // SAFETY: closing the descriptor pidfd_open gave us, once.
        unsafe {
            libc::close(pidfd);
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
