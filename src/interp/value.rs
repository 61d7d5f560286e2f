//! Groovy values: what a variable can hold, and the Java class each kind reports.
//!
//! Collections are shared and mutable (a list passed to a method is the same list), and every value can
//! cross into a parallel branch, so shared parts sit behind `Arc` and a lock.
//!
//! Not for: operators (`ops.rs`), printing (`text.rs`) or methods (`methods/`).

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use indexmap::{IndexMap, IndexSet};
use num_bigint::BigInt;
use parking_lot::Mutex;

use super::decimal::Decimal;
use super::error::Throwable;
use super::scope::Scope;
use crate::syntax::ast;

pub type Str = Arc<str>;

#[derive(Clone)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i32),
    Long(i64),
    BigInt(Arc<BigInt>),
    Decimal(Arc<Decimal>),
    Float(f32),
    Double(f64),
    Char(char),
    Str(Str),
    GString(Arc<GStr>),
    List(List),
    Map(Map),
    Set(Set),
    Range(Arc<Range>),
    Closure(Arc<Closure>),
    Pattern(Arc<fancy_regex::Regex>),
    Matcher(Arc<Mutex<Matcher>>),
    Entry(Arc<(Value, Value)>),
    Exception(Arc<Throwable>),
    /// A class used as a value: `Integer`, `String`, `java.io.File`.
    Class(Str),
    /// Pipeline objects provided by the host: `env`, `params`, `currentBuild`, ...
    Object(Arc<dyn Object>),
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Arc::from(s))
    }

    pub fn string(s: String) -> Value {
        Value::Str(Arc::from(s))
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(List::new(items))
    }

    pub fn map(entries: IndexMap<Key, Value>) -> Value {
        Value::Map(Map::new(entries))
    }

    pub fn decimal(d: Decimal) -> Value {
        Value::Decimal(Arc::new(d))
    }

    pub fn bigint(b: BigInt) -> Value {
        Value::BigInt(Arc::new(b))
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn is_number(&self) -> bool {
        matches!(
            self,
            Value::Int(_) | Value::Long(_) | Value::BigInt(_) | Value::Decimal(_) | Value::Float(_) | Value::Double(_)
        )
    }

    pub fn is_string(&self) -> bool {
        matches!(self, Value::Str(_) | Value::GString(_))
    }

    /// The fully qualified Java class name, as `getClass().getName()` prints it.
    pub fn class_name(&self) -> String {
        match self {
            Value::Null => "null".into(),
            Value::Bool(_) => "java.lang.Boolean".into(),
            Value::Int(_) => "java.lang.Integer".into(),
            Value::Long(_) => "java.lang.Long".into(),
            Value::BigInt(_) => "java.math.BigInteger".into(),
            Value::Decimal(_) => "java.math.BigDecimal".into(),
            Value::Float(_) => "java.lang.Float".into(),
            Value::Double(_) => "java.lang.Double".into(),
            Value::Char(_) => "java.lang.Character".into(),
            Value::Str(_) => "java.lang.String".into(),
            Value::GString(_) => "org.codehaus.groovy.runtime.GStringImpl".into(),
            Value::List(l) => match l.kind() {
                ListKind::ArrayList => "java.util.ArrayList".into(),
                ListKind::LinkedList => "java.util.LinkedList".into(),
                ListKind::Immutable => "java.util.Collections$UnmodifiableRandomAccessList".into(),
                ListKind::Array(elem) => array_class(elem),
            },
            Value::Map(m) => match m.kind() {
                MapKind::Linked => "java.util.LinkedHashMap".into(),
                MapKind::Hash => "java.util.HashMap".into(),
                MapKind::Tree => "java.util.TreeMap".into(),
                MapKind::Immutable => "java.util.Collections$UnmodifiableMap".into(),
                MapKind::Json => "net.sf.json.JSONObject".into(),
            },
            Value::Set(s) => match s.kind() {
                SetKind::Linked => "java.util.LinkedHashSet".into(),
                SetKind::Hash => "java.util.HashSet".into(),
                SetKind::Tree => "java.util.TreeSet".into(),
            },
            Value::Range(r) => match r.as_ref() {
                Range::Int { long: true, .. } => "groovy.lang.ObjectRange".into(),
                Range::Int { .. } => "groovy.lang.IntRange".into(),
                Range::Obj { .. } => "groovy.lang.ObjectRange".into(),
            },
            Value::Closure(_) => "WorkflowScript$_run_closure1".into(),
            Value::Pattern(_) => "java.util.regex.Pattern".into(),
            Value::Matcher(_) => "java.util.regex.Matcher".into(),
            Value::Entry(_) => "java.util.LinkedHashMap$Entry".into(),
            Value::Exception(t) => t.class.to_string(),
            Value::Class(_) => "java.lang.Class".into(),
            Value::Object(o) => o.class_name().into(),
        }
    }

    /// `getClass().getSimpleName()`.
    pub fn simple_class_name(&self) -> String {
        if let Value::List(l) = self {
            if let ListKind::Array(elem) = l.kind() {
                return format!("{elem}[]");
            }
        }
        let name = self.class_name();
        let tail = name.rsplit(['.', '$']).next().unwrap_or(&name).to_string();
        tail
    }
}

/// A GString: literal parts and values, turned into text each time it is used (so a list changed after the
/// GString was made shows its new contents).
pub struct GStr {
    pub parts: Vec<GPart>,
}

pub enum GPart {
    Text(Str),
    Value(Value),
    /// `${-> x}` (called each time the GString is used) or `${ w -> w << x }` (writes to a writer).
    Lazy(Arc<Closure>),
}

impl GStr {
    /// Groovy's `strings`: the text around each value, one more than the values (empty when two values
    /// touch or a value ends the string).
    pub fn strings(&self) -> Vec<Value> {
        let mut out = Vec::new();
        let mut current = String::new();
        for part in &self.parts {
            match part {
                GPart::Text(t) => current.push_str(t),
                GPart::Value(_) | GPart::Lazy(_) => out.push(Value::string(std::mem::take(&mut current))),
            }
        }
        out.push(Value::string(current));
        out
    }

    pub fn values(&self) -> Vec<Value> {
        self.parts
            .iter()
            .filter_map(|p| match p {
                GPart::Value(v) => Some(v.clone()),
                GPart::Lazy(c) => Some(Value::Closure(c.clone())),
                GPart::Text(_) => None,
            })
            .collect()
    }
}

/// The Java class behind a list value.
#[derive(Clone, PartialEq, Eq)]
pub enum ListKind {
    ArrayList,
    LinkedList,
    Immutable,
    /// A Java array (`String[]`, `int[]`): fixed size, `length` property; the element type's simple name.
    Array(Str),
}

/// `[Ljava.lang.String;`-style names of array classes.
fn array_class(elem: &str) -> String {
    match elem {
        "int" => "[I".into(),
        "long" => "[J".into(),
        "double" => "[D".into(),
        "boolean" => "[Z".into(),
        "char" => "[C".into(),
        "byte" => "[B".into(),
        other => format!("[L{};", super::methods::statics::qualify(other)),
    }
}

#[derive(Clone)]
pub struct List(Arc<ListData>);

struct ListData {
    items: Mutex<Vec<Value>>,
    kind: ListKind,
}

impl List {
    pub fn new(items: Vec<Value>) -> List {
        List::of_kind(items, ListKind::ArrayList)
    }

    pub fn immutable(items: Vec<Value>) -> List {
        List::of_kind(items, ListKind::Immutable)
    }

    pub fn of_kind(items: Vec<Value>, kind: ListKind) -> List {
        List(Arc::new(ListData { items: Mutex::new(items), kind }))
    }

    pub fn kind(&self) -> &ListKind {
        &self.0.kind
    }

    pub fn is_immutable(&self) -> bool {
        self.0.kind == ListKind::Immutable
    }

    pub fn is_array(&self) -> bool {
        matches!(self.0.kind, ListKind::Array(_))
    }

    /// A copy of the items (the lock is not held while the caller works on them).
    pub fn snapshot(&self) -> Vec<Value> {
        self.0.items.lock().clone()
    }

    pub fn len(&self) -> usize {
        self.0.items.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, i: usize) -> Option<Value> {
        self.0.items.lock().get(i).cloned()
    }

    /// Runs `f` on the items under the lock; callers must not call back into Groovy code from `f`.
    pub fn with<R>(&self, f: impl FnOnce(&Vec<Value>) -> R) -> R {
        f(&self.0.items.lock())
    }

    /// Mutable access, or None for an immutable list.
    pub fn with_mut<R>(&self, f: impl FnOnce(&mut Vec<Value>) -> R) -> Option<R> {
        if self.is_immutable() {
            return None;
        }
        Some(f(&mut self.0.items.lock()))
    }

    pub fn ptr_eq(&self, other: &List) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// The Java class behind a map value; it decides the iteration order.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum MapKind {
    /// LinkedHashMap: insertion order (Groovy's `[:]`).
    Linked,
    /// HashMap: Java's bucket order (JsonSlurperClassic, `new HashMap()`).
    Hash,
    /// TreeMap: sorted keys.
    Tree,
    Immutable,
    /// json-lib's JSONObject (what `readJSON` returns): document order, `toString()` is JSON text.
    Json,
}

#[derive(Clone)]
pub struct Map(Arc<MapData>);

struct MapData {
    entries: Mutex<IndexMap<Key, Value>>,
    kind: MapKind,
    /// `withDefault { key -> value }`: called for a missing key, and its answer stored.
    default: Option<Value>,
}

impl Map {
    pub fn new(entries: IndexMap<Key, Value>) -> Map {
        Map::of_kind(entries, MapKind::Linked)
    }

    pub fn immutable(entries: IndexMap<Key, Value>) -> Map {
        Map::of_kind(entries, MapKind::Immutable)
    }

    pub fn of_kind(entries: IndexMap<Key, Value>, kind: MapKind) -> Map {
        Map(Arc::new(MapData { entries: Mutex::new(entries), kind, default: None }))
    }

    pub fn with_default(entries: IndexMap<Key, Value>, default: Value) -> Map {
        Map(Arc::new(MapData { entries: Mutex::new(entries), kind: MapKind::Linked, default: Some(default) }))
    }

    pub fn default_closure(&self) -> Option<&Value> {
        self.0.default.as_ref()
    }

    pub fn kind(&self) -> MapKind {
        self.0.kind
    }

    pub fn is_immutable(&self) -> bool {
        self.0.kind == MapKind::Immutable
    }

    /// The entries in the map's iteration order.
    pub fn snapshot(&self) -> IndexMap<Key, Value> {
        let entries = self.0.entries.lock().clone();
        match self.0.kind {
            MapKind::Hash => hash_order(entries),
            MapKind::Tree => tree_order(entries),
            _ => entries,
        }
    }

    pub fn pairs(&self) -> Vec<(Value, Value)> {
        match self.0.kind {
            MapKind::Hash | MapKind::Tree => self.snapshot().into_iter().map(|(k, v)| (k.0, v)).collect(),
            _ => self.0.entries.lock().iter().map(|(k, v)| (k.0.clone(), v.clone())).collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.0.entries.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, key: &Value) -> Option<Value> {
        self.0.entries.lock().get(&Key(key.clone())).cloned()
    }

    pub fn get_str(&self, key: &str) -> Option<Value> {
        self.get(&Value::str(key))
    }

    pub fn contains(&self, key: &Value) -> bool {
        self.0.entries.lock().contains_key(&Key(key.clone()))
    }

    pub fn with<R>(&self, f: impl FnOnce(&IndexMap<Key, Value>) -> R) -> R {
        f(&self.0.entries.lock())
    }

    pub fn with_mut<R>(&self, f: impl FnOnce(&mut IndexMap<Key, Value>) -> R) -> Option<R> {
        if self.is_immutable() {
            return None;
        }
        Some(f(&mut self.0.entries.lock()))
    }

    pub fn ptr_eq(&self, other: &Map) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// The Java class behind a set value; it decides the iteration order.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum SetKind {
    Linked,
    Hash,
    Tree,
}

#[derive(Clone)]
pub struct Set(Arc<(Mutex<IndexSet<Key>>, SetKind)>);

impl Set {
    pub fn new(items: IndexSet<Key>) -> Set {
        Set(Arc::new((Mutex::new(items), SetKind::Linked)))
    }

    pub fn of_kind(items: impl IntoIterator<Item = Value>, kind: SetKind) -> Set {
        Set(Arc::new((Mutex::new(items.into_iter().map(Key).collect()), kind)))
    }

    pub fn from_values(items: impl IntoIterator<Item = Value>) -> Set {
        Set::new(items.into_iter().map(Key).collect())
    }

    pub fn kind(&self) -> SetKind {
        self.0 .1
    }

    /// The elements in the set's iteration order.
    pub fn snapshot(&self) -> Vec<Value> {
        let items: Vec<Value> = self.0 .0.lock().iter().map(|k| k.0.clone()).collect();
        match self.0 .1 {
            SetKind::Linked => items,
            SetKind::Hash => {
                let map: IndexMap<Key, Value> = items.into_iter().map(|v| (Key(v), Value::Null)).collect();
                hash_order(map).into_keys().map(|k| k.0).collect()
            }
            SetKind::Tree => {
                let mut items = items;
                items.sort_by(super::methods::default_order);
                items
            }
        }
    }

    pub fn len(&self) -> usize {
        self.0 .0.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn contains(&self, v: &Value) -> bool {
        self.0 .0.lock().contains(&Key(v.clone()))
    }

    pub fn insert(&self, v: Value) -> bool {
        self.0 .0.lock().insert(Key(v))
    }

    pub fn remove(&self, v: &Value) -> bool {
        self.0 .0.lock().shift_remove(&Key(v.clone()))
    }

    pub fn ptr_eq(&self, other: &Set) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// `a..b` and `a..<b`. Integer ranges are Groovy's IntRange; others (characters, strings) ObjectRange.
pub enum Range {
    /// `from` and `to` are the first and last element (inclusive); `reverse` when written high to low.
    Int {
        from: i64,
        to: i64,
        reverse: bool,
        long: bool,
    },
    Obj {
        items: Vec<Value>,
        from: Value,
        to: Value,
    },
}

impl Range {
    pub fn items(&self) -> Vec<Value> {
        match self {
            Range::Int { from, to, reverse, long } => {
                let wrap = |i: i64| if *long { Value::Long(i) } else { Value::Int(i as i32) };
                // A list of more elements than memory holds is cut short rather than aborting.
                if from > to || (to - from) as u64 > super::ops::MAX_ELEMENTS as u64 {
                    return Vec::new();
                }
                if *reverse {
                    (*from..=*to).rev().map(wrap).collect()
                } else {
                    (*from..=*to).map(wrap).collect()
                }
            }
            Range::Obj { items, .. } => items.clone(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn len(&self) -> usize {
        match self {
            Range::Int { from, to, .. } => {
                if from > to {
                    0
                } else {
                    (to - from + 1) as usize
                }
            }
            Range::Obj { items, .. } => items.len(),
        }
    }
}

/// A closure value: Groovy code with the scope it was made in, a method reference, or a composition.
pub struct Closure {
    pub kind: ClosureKind,
    /// Arguments bound by `curry` (before) and `rcurry` (after the call's own).
    pub curried: Vec<Value>,
    pub rcurried: Vec<Value>,
    /// `c.delegate = x`: the object that answers names the closure's owner lacks.
    pub delegate: Mutex<Option<Value>>,
    /// `c.resolveStrategy`: Closure.OWNER_FIRST (0), DELEGATE_FIRST (1), OWNER_ONLY (2), DELEGATE_ONLY (3).
    pub strategy: std::sync::atomic::AtomicU8,
    /// `memoize()`: results by argument list.
    pub memo: Option<Mutex<IndexMap<Key, Value>>>,
}

pub enum ClosureKind {
    Code {
        def: Arc<ast::Closure>,
        scope: Scope,
        /// The script the closure was written in, when that is a script loaded with `load` (its methods
        /// answer the closure's calls); None for the main script.
        owner: Option<Arc<super::Shared>>,
    },
    /// `obj.&name` or `this.&name`
    MethodRef { receiver: Value, name: Str },
    /// `f >> g` is `Composed(f, g)`: g(f(x)).
    Composed(Arc<Closure>, Arc<Closure>),
}

impl Closure {
    pub fn new(kind: ClosureKind) -> Closure {
        Closure::with_args(kind, Vec::new(), Vec::new())
    }

    pub fn with_args(kind: ClosureKind, curried: Vec<Value>, rcurried: Vec<Value>) -> Closure {
        Closure {
            kind,
            curried,
            rcurried,
            delegate: Mutex::new(None),
            strategy: std::sync::atomic::AtomicU8::new(0),
            memo: None,
        }
    }

    /// The same code with the same captured variables (for `curry`, `clone`, `memoize`).
    pub fn kind_copy(&self) -> ClosureKind {
        match &self.kind {
            ClosureKind::Code { def, scope, owner } => {
                ClosureKind::Code { def: def.clone(), scope: scope.clone(), owner: owner.clone() }
            }
            ClosureKind::MethodRef { receiver, name } => {
                ClosureKind::MethodRef { receiver: receiver.clone(), name: name.clone() }
            }
            ClosureKind::Composed(a, b) => ClosureKind::Composed(a.clone(), b.clone()),
        }
    }

    /// How many parameters a caller should pass (an implicit `it` counts as one).
    pub fn param_count(&self) -> usize {
        let own = match &self.kind {
            ClosureKind::Code { def, .. } => def.params.as_ref().map_or(1, |p| p.len()),
            ClosureKind::MethodRef { .. } => 1,
            ClosureKind::Composed(first, _) => first.param_count(),
        };
        own.saturating_sub(self.curried.len() + self.rcurried.len())
    }

    /// True for `{ -> ... }` and closures with explicit parameters (no implicit `it`).
    pub fn has_explicit_params(&self) -> bool {
        matches!(&self.kind, ClosureKind::Code { def, .. } if def.params.is_some())
    }
}

pub struct Matcher {
    pub regex: Arc<fancy_regex::Regex>,
    pub input: Str,
    /// Every match's groups (byte ranges), found when the matcher is made.
    pub matches: Vec<Vec<Option<(usize, usize)>>>,
    /// The match `find()`/`group()` work on: index into `matches`.
    pub cursor: Option<usize>,
    pub next: usize,
    /// Set by `matches()`: the whole input matched.
    pub whole: Option<bool>,
}

/// A pipeline object provided by the host (`env`, `params`, `currentBuild`, `scm`).
pub trait Object: Send + Sync {
    fn class_name(&self) -> &str;
    fn get_property(&self, name: &str) -> Option<Value>;
    /// Returns false when the property cannot be set.
    fn set_property(&self, _name: &str, _value: Value) -> bool {
        false
    }
    fn to_text(&self) -> String;
    /// Methods beyond property access; None when there is no such method.
    fn call_method(&self, _name: &str, _args: &[Value]) -> Option<super::error::Eval> {
        None
    }
    /// A script loaded with `load`: its calls run its own methods.
    fn loaded_script(&self) -> Option<Arc<super::Shared>> {
        None
    }
    /// The properties as a map, for `each` and printing.
    fn entries(&self) -> Vec<(String, Value)> {
        Vec::new()
    }
}

/// A map key or set element, with Java's `equals`/`hashCode` meaning: `1` and `1L` are different keys,
/// a GString is a different key from the String with the same text, `1.0` and `1.00` differ.
#[derive(Clone)]
pub struct Key(pub Value);

impl Key {
    pub fn str(s: &str) -> Key {
        Key(Value::str(s))
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        key_eq(&self.0, &other.0)
    }
}

impl Eq for Key {}

fn key_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Long(x), Value::Long(y)) => x == y,
        (Value::BigInt(x), Value::BigInt(y)) => x == y,
        (Value::Decimal(x), Value::Decimal(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits(),
        (Value::Double(x), Value::Double(y)) => x.to_bits() == y.to_bits(),
        (Value::Char(x), Value::Char(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::GString(_), Value::GString(_)) => super::text::to_string(a) == super::text::to_string(b),
        (Value::Class(x), Value::Class(y)) => x == y,
        (Value::List(_), Value::List(_)) | (Value::Map(_), Value::Map(_)) | (Value::Set(_), Value::Set(_)) => {
            super::ops::equals(a, b)
        }
        (Value::Closure(x), Value::Closure(y)) => Arc::ptr_eq(x, y),
        (Value::Exception(x), Value::Exception(y)) => Arc::ptr_eq(x, y),
        _ => false,
    }
}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        match &self.0 {
            Value::Null => 0u8.hash(state),
            Value::Bool(b) => b.hash(state),
            Value::Int(i) => (*i as i64).hash(state),
            Value::Long(i) => i.hash(state),
            Value::BigInt(b) => b.hash(state),
            Value::Decimal(d) => d.hash(state),
            Value::Float(f) => f.to_bits().hash(state),
            Value::Double(f) => f.to_bits().hash(state),
            Value::Char(c) => c.hash(state),
            Value::Str(s) => s.hash(state),
            Value::GString(_) => super::text::to_string(&self.0).hash(state),
            Value::Class(c) => c.hash(state),
            Value::List(l) => l.len().hash(state),
            Value::Map(m) => m.len().hash(state),
            Value::Set(s) => s.len().hash(state),
            _ => 1u8.hash(state),
        }
    }
}

/// Java's `hashCode` for the values that are used as keys.
pub fn java_hash(v: &Value) -> i32 {
    match v {
        Value::Null => 0,
        Value::Bool(b) => {
            if *b {
                1231
            } else {
                1237
            }
        }
        Value::Int(i) => *i,
        Value::Long(l) => (*l ^ ((*l as u64) >> 32) as i64) as i32,
        Value::Char(c) => *c as i32,
        Value::Double(d) => {
            let bits = if *d == 0.0 && d.is_sign_positive() { 0 } else { d.to_bits() };
            (bits ^ (bits >> 32)) as i32
        }
        Value::Float(f) => f.to_bits() as i32,
        Value::Str(_) | Value::GString(_) => {
            let s = super::text::to_string(v);
            let h = s.encode_utf16().fold(0i32, |h, c| h.wrapping_mul(31).wrapping_add(c as i32));
            if matches!(v, Value::GString(_)) {
                h.wrapping_add(37)
            } else {
                h
            }
        }
        Value::List(_) | Value::Set(_) | Value::Range(_) => {
            super::ops::iter_values(v).iter().fold(1i32, |h, e| h.wrapping_mul(31).wrapping_add(java_hash(e)))
        }
        Value::Map(m) => m.pairs().iter().fold(0i32, |h, (k, v)| h.wrapping_add(java_hash(k) ^ java_hash(v))),
        Value::Entry(e) => java_hash(&e.0) ^ java_hash(&e.1),
        _ => 0,
    }
}

/// Java's HashMap iteration order: by bucket (spread hash masked by a table that grew by doubling from
/// 16 at a load factor of 0.75), insertion order within a bucket.
fn hash_order(entries: IndexMap<Key, Value>) -> IndexMap<Key, Value> {
    let mut cap = 16usize;
    while entries.len() * 4 > cap * 3 {
        cap *= 2;
    }
    let mut items: Vec<(usize, usize, Key, Value)> = entries
        .into_iter()
        .enumerate()
        .map(|(i, (k, v))| {
            let h = java_hash(&k.0) as u32;
            (((h ^ (h >> 16)) as usize) & (cap - 1), i, k, v)
        })
        .collect();
    items.sort_by_key(|(bucket, i, _, _)| (*bucket, *i));
    items.into_iter().map(|(_, _, k, v)| (k, v)).collect()
}

fn tree_order(entries: IndexMap<Key, Value>) -> IndexMap<Key, Value> {
    let mut items: Vec<(Key, Value)> = entries.into_iter().collect();
    items.sort_by(|a, b| super::methods::default_order(&a.0 .0, &b.0 .0));
    items.into_iter().collect()
}
