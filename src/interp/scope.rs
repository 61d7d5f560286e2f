//! Local variables: a chain of scopes, shared by the closures made in them (a closure sees, and can change,
//! the variables of the block it was written in), plus the cancellation token every evaluation checks.
//!
//! Not for: the script binding (globals) or pipeline properties; those live in `Shared`.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use parking_lot::Mutex;

use super::value::{Str, Value};

#[derive(Clone)]
pub struct Scope(Arc<Node>);

struct Node {
    vars: Mutex<Vec<(Str, Value)>>,
    parent: Option<Scope>,
}

impl Scope {
    pub fn root() -> Scope {
        Scope(Arc::new(Node { vars: Mutex::new(Vec::new()), parent: None }))
    }

    pub fn child(&self) -> Scope {
        Scope(Arc::new(Node { vars: Mutex::new(Vec::new()), parent: Some(self.clone()) }))
    }

    pub fn declare(&self, name: &str, value: Value) {
        let mut vars = self.0.vars.lock();
        match vars.iter_mut().find(|(n, _)| &**n == name) {
            Some(slot) => slot.1 = value,
            None => vars.push((Str::from(name), value)),
        }
    }

    pub fn lookup(&self, name: &str) -> Option<Value> {
        let mut scope = self;
        loop {
            if let Some((_, v)) = scope.0.vars.lock().iter().find(|(n, _)| &**n == name) {
                return Some(v.clone());
            }
            scope = scope.0.parent.as_ref()?;
        }
    }

    /// Sets a declared variable; false when no scope in the chain declares it.
    pub fn assign(&self, name: &str, value: Value) -> bool {
        let mut scope = self;
        loop {
            {
                let mut vars = scope.0.vars.lock();
                if let Some(slot) = vars.iter_mut().find(|(n, _)| &**n == name) {
                    slot.1 = value;
                    return true;
                }
            }
            match scope.0.parent.as_ref() {
                Some(p) => scope = p,
                None => return false,
            }
        }
    }
}

/// A cancellation token: set by a timeout, a failFast sibling or Ctrl-C; checked before every statement and
/// by every waiting step. A child is cancelled when any ancestor is.
pub struct Cancel {
    flag: AtomicBool,
    reason: Mutex<Option<String>>,
    parent: Option<Arc<Cancel>>,
}

impl Cancel {
    pub fn root() -> Arc<Cancel> {
        Arc::new(Cancel { flag: AtomicBool::new(false), reason: Mutex::new(None), parent: None })
    }

    pub fn child(self: &Arc<Cancel>) -> Arc<Cancel> {
        Arc::new(Cancel { flag: AtomicBool::new(false), reason: Mutex::new(None), parent: Some(self.clone()) })
    }

    pub fn cancel(&self, reason: Option<String>) {
        let mut r = self.reason.lock();
        if r.is_none() {
            *r = reason;
        }
        self.flag.store(true, Ordering::SeqCst);
    }

    pub fn is_cancelled(&self) -> bool {
        self.flag.load(Ordering::Relaxed) || self.parent.as_ref().is_some_and(|p| p.is_cancelled())
    }

    /// This token's own reason, or the nearest cancelled ancestor's.
    pub fn reason(&self) -> Option<String> {
        if self.flag.load(Ordering::Relaxed) {
            return self.reason.lock().clone();
        }
        self.parent.as_ref().and_then(|p| p.reason())
    }

    /// True when this token itself (not an ancestor) was cancelled.
    pub fn is_cancelled_here(&self) -> bool {
        self.flag.load(Ordering::Relaxed)
    }
}
