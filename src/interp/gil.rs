//! The interpreter lock. Groovy code runs on one thread at a time, as it does in Jenkins, where one CPS
//! thread runs the Groovy of every parallel branch and only the steps (processes, sleeps, waits) overlap.
//! Holding the lock is what makes the unsynchronised variable scopes (`GilCell`) safe, and it keeps them
//! cheap: a variable read is a plain memory read, not a lock round trip.
//!
//! Not for: protecting lists and maps (they keep their own locks) or anything a step does while it waits.

use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicU64, Ordering};

use parking_lot::lock_api::RawMutex as _;

pub struct Gil {
    raw: parking_lot::RawMutex,
    /// The thread holding the lock (0: none), so that releasing a lock this thread does not hold is
    /// caught at once instead of corrupting it.
    owner: AtomicU64,
}

impl Default for Gil {
    fn default() -> Self {
        Gil { raw: parking_lot::RawMutex::INIT, owner: AtomicU64::new(0) }
    }
}

/// A small number naming the current thread (never 0).
fn thread_number() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    thread_local! {
        static NUMBER: u64 = NEXT.fetch_add(1, Ordering::Relaxed);
    }
    NUMBER.with(|n| *n)
}

impl Gil {
    /// Takes the lock until the guard is dropped.
    pub fn hold(&self) -> Held<'_> {
        self.lock();
        Held { gil: self }
    }

    fn lock(&self) {
        self.raw.lock();
        self.owner.store(thread_number(), Ordering::Relaxed);
    }

    fn unlock(&self) {
        assert_eq!(
            self.owner.load(Ordering::Relaxed),
            thread_number(),
            "the interpreter lock was released by a thread that does not hold it"
        );
        self.owner.store(0, Ordering::Relaxed);
        // SAFETY: checked just above that this thread holds the lock.
        unsafe { self.raw.unlock() };
    }
}

/// The lock is held while this lives.
pub struct Held<'a> {
    gil: &'a Gil,
}

impl Gil {
    /// Runs `f` with the lock released (a step waiting for a process, a sleep, parallel branches); takes
    /// it back after. Only evaluating code calls this, and evaluating code holds the lock.
    pub fn released<R>(&self, f: impl FnOnce() -> R) -> R {
        struct Relock<'a>(&'a Gil);
        impl Drop for Relock<'_> {
            fn drop(&mut self) {
                self.0.lock();
            }
        }
        self.unlock();
        let _relock = Relock(self);
        f()
    }
}

impl Drop for Held<'_> {
    fn drop(&mut self) {
        self.gil.unlock();
    }
}

/// Data that only code holding the GIL touches.
pub struct GilCell<T>(UnsafeCell<T>);

// SAFETY: every access goes through `GilCell::get`, whose callers hold the GIL, so no two threads touch
// the contents at once; `T: Send` lets the contents be used (and dropped) from whichever thread holds it.
unsafe impl<T: Send> Sync for GilCell<T> {}

impl<T> GilCell<T> {
    pub fn new(value: T) -> GilCell<T> {
        GilCell(UnsafeCell::new(value))
    }

    /// # Safety
    /// The caller holds the GIL, and does not keep the reference past a point where other Groovy code
    /// (or another access to this cell) may run.
    #[allow(clippy::mut_from_ref)]
    pub unsafe fn get(&self) -> &mut T {
        // SAFETY: exclusive by the caller's contract.
        unsafe { &mut *self.0.get() }
    }
}
