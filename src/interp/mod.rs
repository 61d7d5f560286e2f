//! The Groovy interpreter: walks the syntax tree and evaluates it with Groovy 2.4's semantics, calling out
//! to the host (the pipeline steps) for names the script does not define.
//!
//! Not for: running processes or printing build logs; the host does that through [`Host`].

pub mod decimal;
pub mod error;
pub(crate) mod eval;
pub mod gil;
pub mod methods;
pub mod ops;
mod power_assert;
pub mod scope;
pub mod text;
pub mod value;

use std::any::Any;
use std::collections::HashMap;
use std::sync::Arc;

use indexmap::IndexMap;

pub use error::{Eval, Flow, Signal, Throwable};
pub use scope::{Cancel, Scope};
pub use value::{Key, Value};

use crate::syntax::ast::{MethodDecl, Script, Span, StmtKind};

/// What the interpreter asks of its host: pipeline steps, pipeline globals and the log.
pub trait Host: Send + Sync {
    /// Runs the step `name`, or returns None when there is no such step.
    fn call_step(&self, interp: &mut Interp, name: &str, args: Args, span: Span) -> Option<Eval>;
    /// A global such as `env`, `params`, `currentBuild`; None when unknown.
    fn global(&self, interp: &Interp, name: &str) -> Option<Value>;
    /// Text printed by `println`/`print` (with its newline when there is one).
    fn print(&self, interp: &Interp, text: &str);
    /// The names of all steps, for the "No such DSL method" message.
    fn step_names(&self) -> Vec<String>;
}

/// A call's arguments: named ones (`a: 1`) gathered in a map, then the positional ones; a trailing closure
/// is the last positional argument.
#[derive(Clone, Default)]
pub struct Args {
    pub named: Option<IndexMap<Key, Value>>,
    pub positional: Vec<Value>,
}

impl Args {
    pub fn positional(values: Vec<Value>) -> Args {
        Args { named: None, positional: values }
    }

    /// The values as Groovy passes them to a method: the named map (if any) first.
    pub fn into_values(self) -> Vec<Value> {
        match self.named {
            None => self.positional,
            Some(named) => {
                let mut out = Vec::with_capacity(self.positional.len() + 1);
                out.push(Value::map(named));
                out.extend(self.positional);
                out
            }
        }
    }
}

/// A script's methods by name (overloads in declaration order).
fn method_table(script: &Script) -> HashMap<String, Vec<Arc<MethodDecl>>> {
    let mut methods: HashMap<String, Vec<Arc<MethodDecl>>> = HashMap::new();
    for stmt in &script.statements {
        if let StmtKind::Method(m) = &stmt.kind {
            methods.entry(m.name.name.clone()).or_default().push(Arc::new(m.clone()));
        }
    }
    methods
}

/// What every thread running the script shares.
pub struct Shared {
    pub script: Arc<Script>,
    pub file: String,
    pub source: Arc<str>,
    pub methods: HashMap<String, Vec<Arc<MethodDecl>>>,
    /// The script binding: assignments to undeclared names, visible in methods too.
    pub binding: value::Map,
    pub host: Arc<dyn Host>,
    /// Held by whichever thread is evaluating Groovy code (one lock for the main and loaded scripts).
    pub gil: Arc<gil::Gil>,
    /// The script itself (`this`, a closure's owner), one object for the whole run.
    pub this: Value,
    /// A script read by the `load` step (`Script1`, `Script2`, ...), not the Jenkinsfile.
    pub loaded: bool,
    /// Its class name: `WorkflowScript`, or `ScriptN` for the Nth loaded script.
    pub class: Arc<str>,
    /// The Jenkinsfile's own script, from a loaded one.
    root: Option<Arc<Shared>>,
    /// How many scripts `load` has read in this run.
    loads: Arc<std::sync::atomic::AtomicUsize>,
}

impl Shared {
    /// The Jenkinsfile's script (this one, unless this is a loaded script).
    pub fn root(self: &Arc<Shared>) -> Arc<Shared> {
        self.root.clone().unwrap_or_else(|| self.clone())
    }

    /// Where an exception thrown in this (loaded) script comes from.
    pub fn origin(&self) -> error::Origin {
        error::Origin { class: self.class.clone(), file: Arc::from(self.file.as_str()), source: self.source.clone() }
    }

    /// The class name the next loaded script gets (`Script1`, ...), counting it.
    pub fn next_load(&self) -> Arc<str> {
        let n = self.loads.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        Arc::from(format!("Script{n}"))
    }
}

/// A script read by `load`, as a value: its methods answer calls on it, the binding its properties.
pub struct LoadedScript(pub Arc<Shared>);

impl value::Object for LoadedScript {
    fn class_name(&self) -> &str {
        &self.0.class
    }

    fn get_property(&self, name: &str) -> Option<Value> {
        self.0.binding.get_str(name)
    }

    fn set_property(&self, name: &str, value: Value) -> bool {
        self.0.binding.with_mut(|m| m.insert(Key::str(name), value)).is_some()
    }

    fn to_text(&self) -> String {
        format!("{}@1", self.0.class)
    }

    fn loaded_script(&self) -> Option<Arc<Shared>> {
        Some(self.0.clone())
    }
}

/// One thread of evaluation (the main script, or a parallel branch).
pub struct Interp {
    pub shared: Arc<Shared>,
    pub cancel: Arc<Cancel>,
    /// The host's per-branch state (working directory, environment overrides, log prefix, ...).
    pub ext: Option<Box<dyn Any + Send>>,
    depth: usize,
    /// The innermost statement being run, for runtime error locations.
    pub span: Span,
    /// A statement label waiting for the loop it names.
    label: Option<String>,
    /// Delegates of the closures being run (`with { }`, `c.delegate = x`) and their resolve strategy,
    /// innermost last.
    pub(crate) delegates: Vec<(Value, u8)>,
}

/// `Closure.DELEGATE_FIRST`: names go to the delegate before the script.
pub(crate) const DELEGATE_FIRST: u8 = 1;
/// `Closure.DELEGATE_ONLY`.
pub(crate) const DELEGATE_ONLY: u8 = 3;

/// Calls (methods and closures) deeper than this raise `java.lang.StackOverflowError`, as the JVM would.
const MAX_CALL_DEPTH: usize = 1500;

impl Interp {
    pub fn new(script: Arc<Script>, file: &str, source: &str, host: Arc<dyn Host>) -> Interp {
        let methods = method_table(&script);
        let shared = Shared {
            script,
            file: file.to_string(),
            source: Arc::from(source),
            methods,
            binding: value::Map::new(IndexMap::new()),
            host,
            gil: Arc::default(),
            this: Value::Object(Arc::new(methods::object::Script)),
            loaded: false,
            class: Arc::from("WorkflowScript"),
            root: None,
            loads: Arc::default(),
        };
        Interp {
            shared: Arc::new(shared),
            cancel: Cancel::root(),
            ext: None,
            depth: 0,
            span: Span::default(),
            label: None,
            delegates: Vec::new(),
        }
    }

    /// A new evaluation thread sharing the script, binding and host (for a parallel branch).
    pub fn fork(&self, ext: Option<Box<dyn Any + Send>>, cancel: Arc<Cancel>) -> Interp {
        Interp {
            shared: self.shared.clone(),
            cancel,
            ext,
            depth: self.depth,
            span: self.span,
            label: None,
            delegates: self.delegates.clone(),
        }
    }

    /// Runs the whole script.
    pub fn run(&mut self) -> Eval<()> {
        let shared = self.shared.clone();
        let _held = shared.gil.hold();
        let script = self.shared.script.clone();
        let scope = Scope::root();
        match self.exec_stmts(&script.statements, &scope) {
            Ok(_) | Err(Flow::Return(_)) => Ok(()),
            Err(Flow::Break(_)) | Err(Flow::Continue(_)) => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// `this`: the running script.
    pub fn this(&self) -> Value {
        if self.shared.loaded {
            Value::Object(Arc::new(LoadedScript(self.shared.clone())))
        } else {
            self.shared.this.clone()
        }
    }

    /// The `load` step: runs `script` (read from `file`) as a new script sharing this run's binding and
    /// host, and returns the value of its last statement (`return this` makes its methods callable).
    pub fn load(&mut self, class: Arc<str>, script: Arc<Script>, file: &str, source: &str) -> Eval {
        let methods = method_table(&script);
        let loaded = Arc::new(Shared {
            script: script.clone(),
            file: file.to_string(),
            source: Arc::from(source),
            methods,
            binding: self.shared.binding.clone(),
            host: self.shared.host.clone(),
            gil: self.shared.gil.clone(),
            this: Value::Null,
            loaded: true,
            class,
            root: Some(self.shared.root()),
            loads: self.shared.loads.clone(),
        });
        // A file that loads itself ends in StackOverflowError like any other endless recursion.
        self.enter()?;
        let home = std::mem::replace(&mut self.shared, loaded);
        let scope = Scope::root();
        let r = self.exec_stmts(&script.statements, &scope);
        self.shared = home;
        self.leave();
        match r {
            Ok(v) | Err(Flow::Return(v)) => Ok(v),
            Err(Flow::Break(_)) | Err(Flow::Continue(_)) => Ok(Value::Null),
            Err(e) => Err(e),
        }
    }

    /// `script.name(args)` on a loaded script: its method, a step, or a closure in the binding, as a call
    /// without receiver inside that script would find them.
    pub fn call_in_script(&mut self, target: Arc<Shared>, name: &str, args: Vec<Value>) -> Eval {
        let home = std::mem::replace(&mut self.shared, target);
        let span = self.span;
        let scope = Scope::root();
        let r = self.call_function(name, Args::positional(args), &scope, span);
        self.shared = home;
        r
    }

    /// Calls a closure value with arguments (from a step, which runs with the GIL held).
    pub fn call(&mut self, closure: &Arc<value::Closure>, args: Vec<Value>) -> Eval {
        self.call_closure(closure, args)
    }

    /// Runs a closure on a new thread's interpreter (a parallel branch): takes the GIL first.
    pub fn call_on_branch(&mut self, closure: &Arc<value::Closure>) -> Eval {
        let shared = self.shared.clone();
        let _held = shared.gil.hold();
        self.call_closure(closure, Vec::new())
    }

    /// Runs `f` on a new thread's interpreter (a parallel branch built by the host): takes the GIL first.
    pub fn on_branch<R>(&mut self, f: impl FnOnce(&mut Interp) -> R) -> R {
        let shared = self.shared.clone();
        let _held = shared.gil.hold();
        f(self)
    }

    /// Evaluates an expression of the script in `scope` (declarative directives' arguments).
    pub fn eval_expr(&mut self, e: &crate::syntax::ast::Expr, scope: &Scope) -> Eval {
        self.span = e.span;
        self.eval(e, scope)
    }

    /// A closure value for a closure written in the script, closing over `scope`.
    pub fn closure_of(def: &Arc<crate::syntax::ast::Closure>, scope: &Scope) -> Arc<value::Closure> {
        Arc::new(value::Closure::new(value::ClosureKind::Code { def: def.clone(), scope: scope.clone(), owner: None }))
    }

    /// Runs `f` (which must not touch Groovy values) with the GIL released, so other branches run.
    pub fn without_gil<R>(&self, f: impl FnOnce() -> R) -> R {
        self.shared.gil.released(f)
    }

    /// Calls a closure with `delegate` answering the names the script does not know.
    pub fn call_with_delegate(&mut self, closure: &Arc<value::Closure>, delegate: Value, args: Vec<Value>) -> Eval {
        self.delegates.push((delegate, DELEGATE_FIRST));
        let r = self.call_closure(closure, args);
        self.delegates.pop();
        r
    }

    pub fn ext_ref<T: 'static>(&self) -> Option<&T> {
        self.ext.as_ref()?.downcast_ref::<T>()
    }

    fn enter(&mut self) -> Eval<()> {
        self.depth += 1;
        if self.depth > MAX_CALL_DEPTH {
            self.depth -= 1;
            return Err(error::throw("java.lang.StackOverflowError", "").map_message_none());
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }
}

impl Flow {
    fn map_message_none(self) -> Flow {
        match self {
            Flow::Throw(t) => {
                let mut t = Arc::try_unwrap(t).unwrap_or_else(|t| Throwable::new(&t.class, t.message.clone()));
                t.message = None;
                Flow::Throw(Arc::new(t))
            }
            other => other,
        }
    }
}
