//! A walk over the syntax tree for the lint rules: every statement list, call, assignment and string,
//! with the receiver-less calls whose closures enclose it (`pipeline`, `stage`, `steps`, `node`,
//! `withCredentials`, ...) as a stack, innermost last.

use crate::syntax::ast::{Arg, Expr, ExprKind, GStringPart, MapKey, Member, MemberName, Stmt, StmtKind};

/// The frame of a closure that is not a call's own argument.
pub const CLOSURE: &str = "{closure}";

/// An enclosing call with a closure argument: `node { ... }`, `stage('x') { ... }`. Method bodies are
/// frames too, named `def`.
#[derive(Clone, Copy)]
pub struct Frame<'a> {
    pub name: &'a str,
    /// The call (or closure) itself; None for a method body.
    pub call: Option<&'a Expr>,
    pub args: &'a [Arg],
}

impl<'a> Frame<'a> {
    /// The named argument `key` of the enclosing call.
    pub fn named(&self, key: &str) -> Option<&'a Expr> {
        named(self.args, key)
    }
}

/// The named argument `key` of a call.
pub fn named<'a>(args: &'a [Arg], key: &str) -> Option<&'a Expr> {
    args.iter().find_map(|a| match a {
        Arg::Named(e) => match &e.key {
            MapKey::Expr(k) if crate::pipeline::model::literal(k).as_deref() == Some(key) => Some(&e.value),
            _ => None,
        },
        _ => None,
    })
}

/// The positional arguments of a call (a trailing closure included).
pub fn positional(args: &[Arg]) -> impl Iterator<Item = &Expr> {
    args.iter().filter_map(|a| match a {
        Arg::Positional(e) => Some(e),
        _ => None,
    })
}

/// What the rules look at; every method has a do-nothing default.
pub trait Visitor<'a> {
    /// A receiver-less call `name(args)` (a step, a script method, a DSL section).
    fn call(&mut self, _e: &'a Expr, _name: &'a str, _args: &'a [Arg], _stack: &[Frame<'a>]) {}
    /// A call on an object: `x.name(args)`.
    fn method(&mut self, _e: &'a Expr, _object: &'a Expr, _name: &str, _stack: &[Frame<'a>]) {}
    /// A list of statements (a script, block, closure or method body).
    fn block(&mut self, _stmts: &'a [Stmt], _stack: &[Frame<'a>]) {}
    /// `target = value` (also `+=` and friends).
    fn assign(&mut self, _e: &'a Expr, _target: &'a Expr, _stack: &[Frame<'a>]) {}
    /// A declaration `def x = ...`.
    fn declare(&mut self, _name: &'a str, _stack: &[Frame<'a>]) {}
    /// A string with `$x` or `${...}` in it.
    fn gstring(&mut self, _e: &'a Expr, _parts: &'a [GStringPart], _stack: &[Frame<'a>]) {}
    /// A variable read: `x`.
    fn var(&mut self, _e: &'a Expr, _name: &'a str, _stack: &[Frame<'a>]) {}
}

pub fn walk<'a>(stmts: &'a [Stmt], v: &mut impl Visitor<'a>) {
    let mut stack = Vec::new();
    Walker { v }.stmts(stmts, &mut stack);
}

struct Walker<'v, V> {
    v: &'v mut V,
}

impl<'a, V: Visitor<'a>> Walker<'_, V> {
    fn stmts(&mut self, stmts: &'a [Stmt], stack: &mut Vec<Frame<'a>>) {
        self.v.block(stmts, stack);
        for s in stmts {
            self.stmt(s, stack);
        }
    }

    fn stmt(&mut self, s: &'a Stmt, stack: &mut Vec<Frame<'a>>) {
        match &s.kind {
            StmtKind::Expr(e) | StmtKind::Throw(e) => self.expr(e, stack),
            StmtKind::VarDecl(d) => {
                for decl in &d.declarators {
                    self.v.declare(&decl.name.name, stack);
                    if let Some(init) = &decl.init {
                        self.expr(init, stack);
                    }
                }
            }
            StmtKind::MultiAssign(m) => {
                for (_, id) in &m.targets {
                    self.v.declare(&id.name, stack);
                }
                self.expr(&m.value, stack);
            }
            StmtKind::If { cond, then, otherwise } => {
                self.expr(cond, stack);
                self.stmt(then, stack);
                if let Some(o) = otherwise {
                    self.stmt(o, stack);
                }
            }
            StmtKind::While { cond, body } => {
                self.expr(cond, stack);
                if let Some(b) = body {
                    self.stmt(b, stack);
                }
            }
            StmtKind::ForIn { var, iterable, body } => {
                self.v.declare(&var.name.name, stack);
                self.expr(iterable, stack);
                if let Some(b) = body {
                    self.stmt(b, stack);
                }
            }
            StmtKind::For { init, cond, update, body } => {
                for s in init {
                    self.stmt(s, stack);
                }
                if let Some(c) = cond {
                    self.expr(c, stack);
                }
                for u in update {
                    self.expr(u, stack);
                }
                if let Some(b) = body {
                    self.stmt(b, stack);
                }
            }
            StmtKind::Switch { subject, cases } => {
                self.expr(subject, stack);
                for c in cases {
                    for l in c.labels.iter().flatten() {
                        self.expr(l, stack);
                    }
                    self.stmts(&c.body, stack);
                }
            }
            StmtKind::Try { body, catches, finally } => {
                self.stmts(&body.statements, stack);
                for c in catches {
                    self.v.declare(&c.name.name, stack);
                    self.stmts(&c.body.statements, stack);
                }
                if let Some(f) = finally {
                    self.stmts(&f.statements, stack);
                }
            }
            StmtKind::Return(e) => {
                if let Some(e) = e {
                    self.expr(e, stack);
                }
            }
            StmtKind::Assert { cond, message } => {
                self.expr(cond, stack);
                if let Some(m) = message {
                    self.expr(m, stack);
                }
            }
            StmtKind::Synchronized { lock, body } => {
                self.expr(lock, stack);
                self.stmts(&body.statements, stack);
            }
            StmtKind::Labeled { body, .. } => self.stmt(body, stack),
            StmtKind::Block(b) => self.stmts(&b.statements, stack),
            StmtKind::Method(m) => self.method_decl(m, stack),
            StmtKind::Class(c) => {
                for m in &c.members {
                    match m {
                        Member::Method(d) | Member::Constructor(d) => self.method_decl(d, stack),
                        Member::Field(f) => {
                            for d in f.declarators.iter().filter_map(|d| d.init.as_ref()) {
                                self.expr(d, stack);
                            }
                        }
                        _ => {}
                    }
                }
            }
            StmtKind::Break(_) | StmtKind::Continue(_) | StmtKind::Import(_) => {}
        }
    }

    fn method_decl(&mut self, m: &'a crate::syntax::ast::MethodDecl, stack: &mut Vec<Frame<'a>>) {
        let Some(body) = &m.body else { return };
        // A method body is its own frame: the calls that reach it are not known here.
        stack.push(Frame { name: "def", call: None, args: &[] });
        for p in &m.params {
            self.v.declare(&p.name.name, stack);
        }
        self.stmts(&body.statements, stack);
        stack.pop();
    }

    fn closure(&mut self, c: &'a crate::syntax::ast::Closure, stack: &mut Vec<Frame<'a>>) {
        for p in c.params.iter().flatten() {
            self.v.declare(&p.name.name, stack);
        }
        self.stmts(&c.body, stack);
    }

    fn args(&mut self, args: &'a [Arg], stack: &mut Vec<Frame<'a>>) {
        for a in args {
            match a {
                Arg::Positional(e) => self.expr(e, stack),
                Arg::Named(entry) => {
                    if let MapKey::Expr(k) = &entry.key {
                        self.expr(k, stack);
                    }
                    self.expr(&entry.value, stack);
                }
            }
        }
    }

    fn expr(&mut self, e: &'a Expr, stack: &mut Vec<Frame<'a>>) {
        match &e.kind {
            ExprKind::MethodCall { object: None, name: MemberName::Name(n), args, .. } => {
                self.v.call(e, n, args, stack);
                let has_closure =
                    args.iter().any(|a| matches!(a, Arg::Positional(Expr { kind: ExprKind::Closure(_), .. })));
                if n == "parallel" && !has_closure {
                    // Scripted `parallel a: { }, b: { }` (or a map): the branches run right here.
                    stack.push(Frame { name: n, call: Some(e), args });
                    for a in args {
                        let value = match a {
                            Arg::Named(entry) => &entry.value,
                            Arg::Positional(v) => v,
                        };
                        match &value.kind {
                            ExprKind::Closure(c) => self.closure(c, stack),
                            ExprKind::Map(entries) => {
                                for entry in entries {
                                    match &entry.value.kind {
                                        ExprKind::Closure(c) => self.closure(c, stack),
                                        _ => self.expr(&entry.value, stack),
                                    }
                                }
                            }
                            _ => self.expr(value, stack),
                        }
                    }
                    stack.pop();
                } else if has_closure {
                    stack.push(Frame { name: n, call: Some(e), args });
                    for a in args {
                        match a {
                            // The call's own closures are its frame, not closures of their own.
                            Arg::Positional(Expr { kind: ExprKind::Closure(c), .. }) => self.closure(c, stack),
                            other => self.args(std::slice::from_ref(other), stack),
                        }
                    }
                    stack.pop();
                } else {
                    self.args(args, stack);
                }
            }
            ExprKind::MethodCall { object, name, args, .. } => {
                if let Some(o) = object {
                    if let MemberName::Name(n) = name {
                        self.v.method(e, o, n, stack);
                    }
                    self.expr(o, stack);
                }
                if let MemberName::Dynamic(d) = name {
                    self.expr(d, stack);
                }
                self.args(args, stack);
            }
            ExprKind::Call { callee, args, .. } => {
                self.expr(callee, stack);
                self.args(args, stack);
            }
            ExprKind::Closure(c) => {
                // A closure kept or passed on (`def b = { ... }`, `list.each { ... }`, a parallel branch
                // map): where it runs is not known here.
                stack.push(Frame { name: CLOSURE, call: Some(e), args: &[] });
                self.closure(c, stack);
                stack.pop();
            }
            ExprKind::GString { parts, .. } => {
                self.v.gstring(e, parts, stack);
                for p in parts {
                    if let GStringPart::Expr(x) = p {
                        self.expr(x, stack);
                    }
                }
            }
            ExprKind::Var(n) => self.v.var(e, n, stack),
            ExprKind::List(items) => {
                for i in items {
                    self.expr(i, stack);
                }
            }
            ExprKind::Map(entries) => {
                for entry in entries {
                    if let MapKey::Expr(k) = &entry.key {
                        self.expr(k, stack);
                    }
                    self.expr(&entry.value, stack);
                }
            }
            ExprKind::Range { from, to, .. } => {
                self.expr(from, stack);
                self.expr(to, stack);
            }
            ExprKind::Paren(x) | ExprKind::Spread(x) => self.expr(x, stack),
            ExprKind::Property { object, name, .. } => {
                self.expr(object, stack);
                if let MemberName::Dynamic(d) = name {
                    self.expr(d, stack);
                }
            }
            ExprKind::MethodRef { object, .. } => self.expr(object, stack),
            ExprKind::Index { object, index } => {
                self.expr(object, stack);
                self.args(index, stack);
            }
            ExprKind::Unary { operand, .. } => self.expr(operand, stack),
            ExprKind::Binary { lhs, rhs, .. } => {
                self.expr(lhs, stack);
                self.expr(rhs, stack);
            }
            ExprKind::Assign { target, value, .. } => {
                self.v.assign(e, target, stack);
                // The target is written, not read: only what it is made of is read (`a.b[c] = ...`).
                if !matches!(target.kind, ExprKind::Var(_)) {
                    self.expr(target, stack);
                }
                self.expr(value, stack);
            }
            ExprKind::Ternary { cond, then, otherwise } => {
                self.expr(cond, stack);
                self.expr(then, stack);
                self.expr(otherwise, stack);
            }
            ExprKind::Elvis { value, fallback } => {
                self.expr(value, stack);
                self.expr(fallback, stack);
            }
            ExprKind::Cast { expr, .. } | ExprKind::As { expr, .. } | ExprKind::InstanceOf { expr, .. } => {
                self.expr(expr, stack)
            }
            ExprKind::New { args, .. } => self.args(args, stack),
            ExprKind::NewArray { sizes, .. } => {
                for s in sizes {
                    self.expr(s, stack);
                }
            }
            ExprKind::Decl(d) => {
                for decl in &d.declarators {
                    self.v.declare(&decl.name.name, stack);
                    if let Some(init) = &decl.init {
                        self.expr(init, stack);
                    }
                }
            }
            ExprKind::Null
            | ExprKind::Bool(_)
            | ExprKind::Number(_)
            | ExprKind::Str { .. }
            | ExprKind::This
            | ExprKind::Super
            | ExprKind::ClassLiteral(_) => {}
        }
    }
}
