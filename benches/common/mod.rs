//! What the benchmarks share: running a command and measuring its wall time and peak memory.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs a command; returns its wall time and peak resident memory (KiB).
pub fn measure(cmd: &mut Command) -> (Duration, i64) {
    let (wall, rss, _) = measure_cpu(cmd);
    (wall, rss)
}

/// Runs a command; returns its wall time, peak resident memory (KiB) and CPU time (user + system).
#[allow(dead_code)] // not every benchmark reads the CPU time
pub fn measure_cpu(cmd: &mut Command) -> (Duration, i64, Duration) {
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
    let tv = |t: libc::timeval| Duration::from_micros(t.tv_sec as u64 * 1_000_000 + t.tv_usec as u64);
    (elapsed, usage.ru_maxrss, tv(usage.ru_utime) + tv(usage.ru_stime))
}
