//! What the benchmarks share: running a command and measuring its wall time and peak memory.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs a command; returns its wall time and peak resident memory (KiB).
pub fn measure(cmd: &mut Command) -> (Duration, i64) {
    let started = Instant::now();
    let child = cmd.stdout(Stdio::null()).stderr(Stdio::null()).spawn().expect("start");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value to be filled in by wait4.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child, writing into the two locals.
    let rc = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(rc, pid, "wait4 failed");
    let elapsed = started.elapsed();
    std::mem::forget(child);
    assert_eq!(status, 0, "{cmd:?} failed");
    (elapsed, usage.ru_maxrss)
}
