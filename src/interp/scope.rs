//! Local variables: a chain of scopes, shared by the closures made in them (a closure sees, and can change,
//! the variables of the block it was written in), plus the cancellation token every evaluation checks.
//!
//! Not for: the script binding (globals) or pipeline properties; those live in `Shared`.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use parking_lot::Mutex;

use super::gil::GilCell;
use super::value::{Str, Value};
use crate::syntax::ast::Type;

#[derive(Clone)]
pub struct Scope(Arc<Node>);

struct Node {
    /// Only evaluating code touches variables, and it holds the GIL (see `gil.rs`).
    vars: GilCell<Vec<Slot>>,
    parent: Option<Scope>,
}

struct Slot {
    name: Str,
    value: Value,
    /// The declared type when assignments must convert to it (`int n`, `String s`).
    ty: Option<Arc<Type>>,
}

/// What `assign` found.
pub enum Assigned {
    Done,
    /// The variable has a declared type: convert the value and `set` it.
    NeedsCast(Arc<Type>),
    Undeclared,
}

impl Scope {
    pub fn root() -> Scope {
        Scope(Arc::new(Node { vars: GilCell::new(Vec::new()), parent: None }))
    }

    pub fn child(&self) -> Scope {
        Scope(Arc::new(Node { vars: GilCell::new(Vec::new()), parent: Some(self.clone()) }))
    }

    /// True when no closure or inner scope holds on to this scope.
    pub fn is_unshared(&self) -> bool {
        Arc::strong_count(&self.0) == 1
    }

    /// Forgets every variable (to reuse the scope for the next iteration of a loop).
    pub fn clear(&self) {
        // SAFETY: as in `declare_typed`; dropping the values runs no Groovy code and touches no other
        // variable of this scope (nothing else refers to it: see `is_unshared`).
        unsafe { self.0.vars.get() }.clear();
    }

    pub fn declare(&self, name: &str, value: Value) {
        self.declare_typed(name, value, None);
    }

    /// Declares a variable whose later assignments convert to `ty` (untyped for `def`/`Object`).
    pub fn declare_typed(&self, name: &str, value: Value, ty: Option<&Type>) {
        let ty = ty.filter(|t| !matches!(t.name.as_str(), "def" | "Object" | "var")).map(|t| Arc::new(t.clone()));
        // SAFETY: evaluation holds the GIL; the borrow ends in this function and runs no Groovy code.
        let vars = unsafe { self.0.vars.get() };
        match vars.iter_mut().find(|s| &*s.name == name) {
            Some(slot) => {
                slot.value = value;
                slot.ty = ty;
            }
            None => vars.push(Slot { name: Str::from(name), value, ty }),
        }
    }

    pub fn lookup(&self, name: &str) -> Option<Value> {
        let mut scope = self;
        loop {
            // SAFETY: as in `declare_typed`.
            if let Some(slot) = unsafe { scope.0.vars.get() }.iter().find(|s| &*s.name == name) {
                return Some(slot.value.clone());
            }
            scope = scope.0.parent.as_ref()?;
        }
    }

    /// Sets a declared variable of no declared type; reports typed and undeclared ones.
    pub fn assign(&self, name: &str, value: Value) -> Assigned {
        let mut scope = self;
        loop {
            {
                // SAFETY: as in `declare_typed`.
                let vars = unsafe { scope.0.vars.get() };
                if let Some(slot) = vars.iter_mut().find(|s| &*s.name == name) {
                    if let Some(ty) = &slot.ty {
                        if !already_typed(ty, &value) {
                            return Assigned::NeedsCast(ty.clone());
                        }
                    }
                    slot.value = value;
                    return Assigned::Done;
                }
            }
            match scope.0.parent.as_ref() {
                Some(p) => scope = p,
                None => return Assigned::Undeclared,
            }
        }
    }

    /// Sets a declared variable, whatever its type.
    pub fn set(&self, name: &str, value: Value) {
        let mut scope = self;
        loop {
            {
                // SAFETY: as in `declare_typed`.
                let vars = unsafe { scope.0.vars.get() };
                if let Some(slot) = vars.iter_mut().find(|s| &*s.name == name) {
                    slot.value = value;
                    return;
                }
            }
            match scope.0.parent.as_ref() {
                Some(p) => scope = p,
                None => return,
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
    /// On a root: what work after an interruption answers to once everything above is cancelled.
    fallback: Mutex<Option<Arc<Cancel>>>,
}

impl Cancel {
    pub fn root() -> Arc<Cancel> {
        Arc::new(Cancel {
            flag: AtomicBool::new(false),
            reason: Mutex::new(None),
            parent: None,
            fallback: Mutex::new(None),
        })
    }

    pub fn child(self: &Arc<Cancel>) -> Arc<Cancel> {
        Arc::new(Cancel {
            flag: AtomicBool::new(false),
            reason: Mutex::new(None),
            parent: Some(self.clone()),
            fallback: Mutex::new(None),
        })
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

    /// A token for work that must run after an interruption (declarative `post`): Jenkins interrupts the
    /// steps that are running, not the ones started afterwards. A child of the nearest ancestor that is
    /// not cancelled, or a new root when all are.
    pub fn survivor(self: &Arc<Cancel>) -> Arc<Cancel> {
        let mut at = self.clone();
        loop {
            if !at.is_cancelled() {
                return at.child();
            }
            match at.parent.clone() {
                Some(p) => at = p,
                None => break,
            }
        }
        // Everything is cancelled (the build was aborted): the root's fallback, which a second abort
        // cancels, or (without one) a token of its own.
        let fallback = at.fallback.lock().clone();
        match fallback {
            Some(f) => f.child(),
            None => Cancel::root(),
        }
    }

    /// Sets what [`Cancel::survivor`] answers to once this root is cancelled.
    pub fn set_fallback(&self, fallback: Arc<Cancel>) {
        *self.fallback.lock() = Some(fallback);
    }

    /// This token's own reason, or the nearest cancelled ancestor's.
    pub fn reason(&self) -> Option<String> {
        if self.flag.load(Ordering::Relaxed) {
            return self.reason.lock().clone();
        }
        self.parent.as_ref().and_then(|p| p.reason())
    }
}

/// Whether `value` already has the declared type, so an assignment needs no conversion.
fn already_typed(ty: &Type, value: &Value) -> bool {
    if ty.dims > 0 {
        return false;
    }
    matches!(
        (ty.name.as_str(), value),
        ("int" | "Integer", Value::Int(_))
            | ("long" | "Long", Value::Long(_))
            | ("String", Value::Str(_))
            | ("boolean" | "Boolean", Value::Bool(_))
            | ("double" | "Double", Value::Double(_))
            | ("BigDecimal", Value::Decimal(_))
            | ("List" | "ArrayList", Value::List(_))
            | ("Map" | "LinkedHashMap", Value::Map(_))
    )
}
