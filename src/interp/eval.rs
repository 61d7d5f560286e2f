//! Evaluation of statements and expressions: scopes, calls, assignment targets, loops, switch, try.
//!
//! Not for: what a method on a value does (`methods/`), operator arithmetic (`ops.rs`).

use std::sync::Arc;

use indexmap::IndexMap;
use num_bigint::BigInt;

use super::decimal::Decimal;
use super::error::{npe, throw, Eval, Flow, Throwable};
use super::methods;
use super::ops::{self, equals, truthy};
use super::scope::{Assigned, Scope};
use super::text::to_string;
use super::value::{Closure, ClosureKind, GPart, GStr, Key, Range, Value};
use super::{Args, Interp};
use crate::syntax::ast::{
    self, Arg, AssignOp, BinaryOp, DotOp, Expr, ExprKind, GStringPart, MapKey, MemberName, Number, Span, Stmt,
    StmtKind, Type, UnaryOp,
};

impl Interp {
    /// Runs statements in `scope`; the value is the last statement's (what a closure or method returns
    /// when it has no `return`).
    pub(super) fn exec_stmts(&mut self, stmts: &[Stmt], scope: &Scope) -> Eval {
        let mut last = Value::Null;
        for stmt in stmts {
            last = self.exec(stmt, scope)?;
        }
        Ok(last)
    }

    fn exec_block(&mut self, stmts: &[Stmt], scope: &Scope) -> Eval {
        // A block that declares nothing needs no scope of its own (the common loop body).
        if stmts.iter().any(declares) {
            let inner = scope.child();
            self.exec_stmts(stmts, &inner)
        } else {
            self.exec_stmts(stmts, scope)
        }
    }

    fn check_cancel(&self) -> Eval<()> {
        if self.cancel.is_cancelled() {
            return Err(super::error::aborted(self.cancel.reason()));
        }
        Ok(())
    }

    fn exec(&mut self, stmt: &Stmt, scope: &Scope) -> Eval {
        self.check_cancel()?;
        self.span = stmt.span;
        match self.exec_kind(stmt, scope) {
            Err(Flow::Throw(t)) => {
                if t.set_span(self.span) && self.shared.loaded {
                    t.set_origin(self.shared.origin());
                }
                Err(Flow::Throw(t))
            }
            other => other,
        }
    }

    fn exec_kind(&mut self, stmt: &Stmt, scope: &Scope) -> Eval {
        // The label written before this statement, if any (only loops use it).
        let label = self.label.take();
        match &stmt.kind {
            StmtKind::Expr(e) => self.eval(e, scope),
            StmtKind::VarDecl(d) => {
                let field = d.modifiers.annotations.iter().any(|a| a.name == "Field" || a.name.ends_with(".Field"));
                let mut last = Value::Null;
                for decl in &d.declarators {
                    let v = self.initial_value(decl, d.ty.as_ref(), scope)?;
                    last = v.clone();
                    if field {
                        self.shared.binding.with_mut(|b| b.insert(Key::str(&decl.name.name), v));
                    } else {
                        scope.declare_typed(&decl.name.name, v, d.ty.as_ref());
                    }
                }
                Ok(last)
            }
            StmtKind::MultiAssign(m) => {
                let v = self.eval(&m.value, scope)?;
                let items = match &v {
                    Value::List(_) | Value::Range(_) | Value::Set(_) => ops::iter_values(&v),
                    other => {
                        return Err(throw(
                            "groovy.lang.MissingMethodException",
                            format!(
                                "No signature of method: {}.getAt() is applicable for argument types: (java.lang.Integer) values: [0]",
                                other.class_name()
                            ),
                        ))
                    }
                };
                let declare = !m.modifiers.keywords.is_empty() || m.targets.iter().any(|(t, _)| t.is_some());
                for (i, (ty, name)) in m.targets.iter().enumerate() {
                    let mut item = items.get(i).cloned().unwrap_or(Value::Null);
                    if let Some(ty) = ty {
                        item = self.cast(item, ty, name.span)?;
                    }
                    if declare {
                        scope.declare(&name.name, item);
                    } else {
                        self.assign_var(&name.name, item, scope)?;
                    }
                }
                Ok(Value::Null)
            }
            StmtKind::If { cond, then, otherwise } => {
                let c = self.eval(cond, scope)?;
                if truthy(&c) {
                    self.exec_nested(then, scope)
                } else if let Some(o) = otherwise {
                    self.exec_nested(o, scope)
                } else {
                    Ok(Value::Null)
                }
            }
            StmtKind::While { cond, body } => {
                loop {
                    self.check_cancel()?;
                    let c = self.eval(cond, scope)?;
                    if !truthy(&c) {
                        break;
                    }
                    if let Some(body) = body {
                        match loop_step(self.exec_nested(body, scope), &label)? {
                            Step::Next => {}
                            Step::Break => break,
                        }
                    }
                }
                Ok(Value::Null)
            }
            StmtKind::ForIn { var, iterable, body } => {
                let it = self.eval(iterable, scope)?;
                // An integer range is walked without building its list (`for (i in 0..<n)`).
                let items: Box<dyn Iterator<Item = Value>> = match &it {
                    Value::Range(r) if matches!(r.as_ref(), Range::Int { .. }) => {
                        let Range::Int { from, to, reverse, long } = *r.as_ref() else { unreachable!() };
                        let wrap = move |i: i64| if long { Value::Long(i) } else { Value::Int(i as i32) };
                        if from > to {
                            Box::new(std::iter::empty())
                        } else if reverse {
                            Box::new((from..=to).rev().map(wrap))
                        } else {
                            Box::new((from..=to).map(wrap))
                        }
                    }
                    _ => Box::new(self.iterate(&it)?.into_iter()),
                };
                // One variable for the whole loop, as in Groovy: closures made in the body share it.
                let loop_scope = scope.child();
                loop_scope.declare(&var.name.name, Value::Null);
                let mut spare = None;
                for item in items {
                    self.check_cancel()?;
                    let item = match &var.ty {
                        Some(ty) => self.cast(item, ty, var.name.span)?,
                        None => item,
                    };
                    loop_scope.set(&var.name.name, item);
                    if let Some(body) = body {
                        match loop_step(self.exec_loop_body(body, &loop_scope, &mut spare), &label)? {
                            Step::Next => {}
                            Step::Break => break,
                        }
                    }
                }
                Ok(Value::Null)
            }
            StmtKind::For { init, cond, update, body } => {
                let loop_scope = scope.child();
                for s in init {
                    self.exec(s, &loop_scope)?;
                }
                let mut spare = None;
                loop {
                    self.check_cancel()?;
                    if let Some(c) = cond {
                        let v = self.eval(c, &loop_scope)?;
                        if !truthy(&v) {
                            break;
                        }
                    }
                    if let Some(body) = body {
                        match loop_step(self.exec_loop_body(body, &loop_scope, &mut spare), &label)? {
                            Step::Next => {}
                            Step::Break => break,
                        }
                    }
                    for u in update {
                        self.eval(u, &loop_scope)?;
                    }
                }
                Ok(Value::Null)
            }
            StmtKind::Switch { subject, cases } => self.exec_switch(subject, cases, scope),
            StmtKind::Try { body, catches, finally } => self.exec_try(body, catches, finally.as_ref(), scope),
            StmtKind::Return(e) => {
                let v = match e {
                    Some(e) => self.eval(e, scope)?,
                    None => Value::Null,
                };
                Err(Flow::Return(v))
            }
            StmtKind::Break(label) => Err(Flow::Break(label.as_ref().map(|l| l.name.clone()))),
            StmtKind::Continue(label) => Err(Flow::Continue(label.as_ref().map(|l| l.name.clone()))),
            StmtKind::Throw(e) => {
                let v = self.eval(e, scope)?;
                match v {
                    Value::Exception(t) => {
                        if t.set_span(stmt.span) && self.shared.loaded {
                            t.set_origin(self.shared.origin());
                        }
                        Err(Flow::Throw(t))
                    }
                    Value::Null => Err(npe("Cannot throw null")),
                    other => Err(throw(
                        "org.codehaus.groovy.runtime.typehandling.GroovyCastException",
                        format!(
                            "Cannot cast object '{}' with class '{}' to class 'java.lang.Throwable'",
                            to_string(&other),
                            other.class_name()
                        ),
                    )),
                }
            }
            StmtKind::Assert { cond, message: None } => {
                let mut rec = super::power_assert::Recorder { values: Vec::new() };
                let v = self.eval_recorded(cond, scope, &mut rec)?;
                if truthy(&v) {
                    return Ok(Value::Null);
                }
                let start = stmt.span.start as usize;
                let text = self.source_of(crate::syntax::ast::Span { start: stmt.span.start, end: cond.span.end });
                let message = super::power_assert::render(&text, start, &rec);
                let t = Throwable::new("org.codehaus.groovy.runtime.powerassert.PowerAssertionError", Some(message));
                Err(Flow::Throw(Arc::new(t)))
            }
            StmtKind::Assert { cond, message } => {
                let v = self.eval(cond, scope)?;
                if truthy(&v) {
                    return Ok(Value::Null);
                }
                let t = match message {
                    Some(m) => {
                        let m = self.eval(m, scope)?;
                        let detail = self.assert_detail(cond, scope);
                        Throwable::new("java.lang.AssertionError", Some(format!("{}. {detail}", to_string(&m))))
                    }
                    None => Throwable::new(
                        "org.codehaus.groovy.runtime.powerassert.PowerAssertionError",
                        Some(format!("assert {}\n", self.source_of(cond.span))),
                    ),
                };
                Err(Flow::Throw(Arc::new(t)))
            }
            StmtKind::Synchronized { lock, body } => {
                self.eval(lock, scope)?;
                self.exec_block(&body.statements, scope)
            }
            StmtKind::Labeled { label: l, body } => {
                self.label = Some(l.name.clone());
                match self.exec(body, scope) {
                    Err(Flow::Break(Some(b))) if b == l.name => Ok(Value::Null),
                    other => other,
                }
            }
            StmtKind::Block(b) => self.exec_block(&b.statements, scope),
            StmtKind::Method(_) | StmtKind::Import(_) => Ok(Value::Null),
            StmtKind::Class(c) => Err(throw(
                "java.lang.UnsupportedOperationException",
                format!("class definitions ({}) are not supported by jeeves yet", c.name.name),
            )),
        }
    }

    /// A declared variable's first value: its initializer converted to the declared type, or the type's
    /// default (`0` for `int`, null for objects).
    fn initial_value(&mut self, decl: &ast::Declarator, ty: Option<&Type>, scope: &Scope) -> Eval {
        let v = match &decl.init {
            Some(e) => self.eval(e, scope)?,
            None => default_for(ty),
        };
        match ty {
            Some(ty) => self.cast(v, ty, decl.span),
            None => Ok(v),
        }
    }

    /// The source text of an expression, for assertion messages.
    fn source_of(&self, span: Span) -> String {
        let src = &self.shared.source;
        let (a, b) = (span.start as usize, (span.end as usize).min(src.len()));
        src.get(a..b).unwrap_or("").to_string()
    }

    /// `Expression: (x < 0). Values: x = 5` for `assert x < 0 : msg`.
    fn assert_detail(&mut self, cond: &Expr, scope: &Scope) -> String {
        let text = expression_text(cond, &self.shared.source.clone());
        let mut names = Vec::new();
        collect_vars(cond, &mut names);
        let mut values = Vec::new();
        for n in names {
            if let Ok(v) = self.lookup_var(&n, scope, cond.span) {
                values.push(format!("{n} = {}", to_string(&v)));
            }
        }
        if values.is_empty() {
            format!("Expression: {text}")
        } else {
            format!("Expression: {text}. Values: {}", values.join(", "))
        }
    }

    /// A loop body: its scope is reused for the next iteration when nothing (no closure) kept it.
    fn exec_loop_body(&mut self, body: &Stmt, scope: &Scope, spare: &mut Option<Scope>) -> Eval {
        match &body.kind {
            StmtKind::Block(b) if b.statements.iter().any(declares) => {
                let inner = spare.take().unwrap_or_else(|| scope.child());
                let r = self.exec_stmts(&b.statements, &inner);
                if inner.is_unshared() {
                    inner.clear();
                    *spare = Some(inner);
                }
                r
            }
            _ => self.exec_nested(body, scope),
        }
    }

    fn exec_nested(&mut self, stmt: &Stmt, scope: &Scope) -> Eval {
        match &stmt.kind {
            StmtKind::Block(b) => self.exec_block(&b.statements, scope),
            _ if declares(stmt) => {
                let inner = scope.child();
                self.exec(stmt, &inner)
            }
            _ => self.exec(stmt, scope),
        }
    }

    fn exec_switch(&mut self, subject: &Expr, cases: &[ast::Case], scope: &Scope) -> Eval {
        let value = self.eval(subject, scope)?;
        let mut start = None;
        'find: for (i, case) in cases.iter().enumerate() {
            for label in case.labels.iter().flatten() {
                let c = self.eval(label, scope)?;
                let hit = match &c {
                    Value::Closure(cl) => {
                        let r = self.call_closure(cl, vec![value.clone()])?;
                        truthy(&r)
                    }
                    _ => ops::is_case(&c, &value)?,
                };
                if hit {
                    start = Some(i);
                    break 'find;
                }
            }
        }
        // Groovy compiles `default:` as the last branch wherever it is written.
        let mut order: Vec<usize> = (0..cases.len()).filter(|i| cases[*i].labels.iter().all(|l| l.is_some())).collect();
        let default = cases.iter().position(|c| c.labels.iter().any(|l| l.is_none()));
        order.extend(default);
        let from = match start {
            Some(i) => order.iter().position(|o| *o == i).unwrap_or(order.len()),
            None => match default {
                Some(_) => order.len() - 1,
                None => return Ok(Value::Null),
            },
        };
        let inner = scope.child();
        let mut last = Value::Null;
        for case in order[from..].iter().map(|i| &cases[*i]) {
            match self.exec_stmts(&case.body, &inner) {
                Ok(v) => last = v,
                Err(Flow::Break(None)) => return Ok(last),
                Err(e) => return Err(e),
            }
        }
        Ok(last)
    }

    fn exec_try(
        &mut self,
        body: &ast::Block,
        catches: &[ast::Catch],
        finally: Option<&ast::Block>,
        scope: &Scope,
    ) -> Eval {
        let mut result = self.exec_block(&body.statements, scope);
        if let Err(Flow::Throw(t)) = &result {
            let t = t.clone();
            let handler = catches.iter().find(|c| {
                if c.types.is_empty() {
                    t.is_instance_of("java.lang.Exception")
                } else {
                    c.types.iter().any(|ty| ty.name == "Throwable" || ty.name == "Object" || t.is_instance_of(&ty.name))
                }
            });
            if let Some(handler) = handler {
                let inner = scope.child();
                inner.declare(&handler.name.name, Value::Exception(t));
                result = self.exec_stmts(&handler.body.statements, &inner);
            }
        }
        if let Some(f) = finally {
            self.exec_block(&f.statements, scope)?;
        }
        result
    }

    /// The elements a `for (x in v)` loop visits.
    fn iterate(&mut self, v: &Value) -> Eval<Vec<Value>> {
        Ok(match v {
            Value::Matcher(m) => {
                let m = m.lock();
                (0..m.matches.len()).map(|i| methods::regex::match_value(&m, i)).collect()
            }
            Value::Object(o) => {
                o.entries().into_iter().map(|(k, v)| Value::Entry(Arc::new((Value::string(k), v)))).collect()
            }
            Value::Bool(_) | Value::Int(_) | Value::Long(_) | Value::Double(_) | Value::Decimal(_) => vec![v.clone()],
            other => ops::iter_values(other),
        })
    }

    // ---------------------------------------------------------------- expressions

    pub(super) fn eval(&mut self, e: &Expr, scope: &Scope) -> Eval {
        match &e.kind {
            ExprKind::Null => Ok(Value::Null),
            ExprKind::Bool(b) => Ok(Value::Bool(*b)),
            ExprKind::Number(n) => number_literal(n, e.span),
            ExprKind::Str { value, .. } => Ok(Value::Str(value.clone())),
            ExprKind::GString { parts, .. } => {
                let mut out = Vec::with_capacity(parts.len());
                for p in parts {
                    match p {
                        GStringPart::Text { value, .. } => out.push(GPart::Text(value.clone())),
                        GStringPart::Expr(x) => {
                            let v = self.eval(x, scope)?;
                            match (&x.kind, v) {
                                (ExprKind::Closure(_), Value::Closure(c)) => out.push(GPart::Lazy(c)),
                                (_, v) => out.push(GPart::Value(v)),
                            }
                        }
                    }
                }
                Ok(Value::GString(Arc::new(GStr { parts: out })))
            }
            ExprKind::Var(name) => self.lookup_var(name, scope, e.span),
            ExprKind::This => Ok(self.this()),
            ExprKind::Super => Ok(Value::Null),
            ExprKind::List(items) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    if let ExprKind::Spread(inner) = &item.kind {
                        let v = self.eval(inner, scope)?;
                        out.extend(ops::iter_values(&v));
                    } else {
                        out.push(self.eval(item, scope)?);
                    }
                }
                Ok(Value::list(out))
            }
            ExprKind::Map(entries) => {
                let mut out = IndexMap::with_capacity(entries.len());
                for entry in entries {
                    self.eval_map_entry(entry, &mut out, scope)?;
                }
                Ok(Value::map(out))
            }
            ExprKind::Range { from, to, inclusive } => {
                let a = self.eval(from, scope)?;
                let b = self.eval(to, scope)?;
                make_range(a, b, *inclusive)
            }
            ExprKind::Closure(def) => {
                let owner = self.shared.loaded.then(|| self.shared.clone());
                Ok(Value::Closure(Arc::new(Closure::new(ClosureKind::Code {
                    def: def.clone(),
                    scope: scope.clone(),
                    owner,
                }))))
            }
            ExprKind::Paren(inner) => self.eval(inner, scope),
            ExprKind::Property { object, op, name } => {
                if let Some(class) = self.class_path(e, scope) {
                    return Ok(class);
                }
                let recv = self.eval(object, scope)?;
                let name = self.member_name(name, scope)?;
                self.get_property(recv, *op, &name, e.span)
            }
            ExprKind::MethodRef { object, name } => {
                let recv = match &object.kind {
                    ExprKind::This => Value::Null,
                    _ => self.eval(object, scope)?,
                };
                let name = self.member_name(name, scope)?;
                Ok(Value::Closure(Arc::new(Closure::new(ClosureKind::MethodRef {
                    receiver: recv,
                    name: Arc::from(&*name),
                }))))
            }
            ExprKind::MethodCall { object, op, name, args, .. } => {
                let name = self.member_name(name, scope)?;
                match object {
                    None => {
                        let args = self.eval_args(args, scope)?;
                        self.call_function(&name, args, scope, e.span)
                    }
                    Some(obj) => {
                        if let ExprKind::This = obj.kind {
                            // `this.f()` is the script's method, never a local variable named `f`.
                            let args = self.eval_args(args, scope)?;
                            return self.call_function(&name, args, &Scope::root(), e.span);
                        }
                        let recv = match self.class_path(obj, scope) {
                            Some(c) => c,
                            None => self.eval(obj, scope)?,
                        };
                        // `list.remove((Object) x)`: the cast picks remove(Object) over remove(int).
                        let name = match (&*name, args.as_slice()) {
                            ("remove", [Arg::Positional(Expr { kind: ExprKind::Cast { ty, .. }, .. })])
                                if ty.name == "Object" && matches!(recv, Value::List(_)) =>
                            {
                                std::borrow::Cow::Borrowed("removeElement")
                            }
                            _ => name,
                        };
                        let args = self.eval_args(args, scope)?;
                        self.span = e.span;
                        match op {
                            DotOp::Safe if recv.is_null() => Ok(Value::Null),
                            DotOp::Spread => {
                                self.spread(&recv, |i, item| i.call_method(item, &name, args.clone(), e.span))
                            }
                            _ => self.call_method(recv, &name, args, e.span),
                        }
                    }
                }
            }
            ExprKind::Call { callee, args, .. } => {
                let f = self.eval(callee, scope)?;
                let args = self.eval_args(args, scope)?;
                match f {
                    Value::Closure(c) => self.call_closure(&c, args.into_values()),
                    other => self.call_method(other, "call", args, e.span),
                }
            }
            ExprKind::Index { object, index } => {
                let recv = self.eval(object, scope)?;
                let idx = self.eval_index(index, scope)?;
                self.span = e.span;
                methods::get_at(self, recv, idx)
            }
            ExprKind::Unary { op, operand } => self.eval_unary(*op, operand, scope, e.span),
            ExprKind::Binary { op, lhs, rhs } => self.eval_binary(*op, lhs, rhs, scope, e.span),
            ExprKind::Assign { op, target, value } => self.eval_assign(*op, target, value, scope, e.span),
            ExprKind::Ternary { cond, then, otherwise } => {
                let c = self.eval(cond, scope)?;
                if truthy(&c) {
                    self.eval(then, scope)
                } else {
                    self.eval(otherwise, scope)
                }
            }
            ExprKind::Elvis { value, fallback } => {
                let v = self.eval(value, scope)?;
                if truthy(&v) {
                    Ok(v)
                } else {
                    self.eval(fallback, scope)
                }
            }
            ExprKind::Cast { ty, expr } => {
                let v = self.eval(expr, scope)?;
                self.cast(v, ty, e.span)
            }
            ExprKind::As { expr, ty } => {
                let v = self.eval(expr, scope)?;
                self.as_type(v, ty, e.span)
            }
            ExprKind::InstanceOf { expr, ty } => {
                let v = self.eval(expr, scope)?;
                Ok(Value::Bool(ops::instance_of(&v, &ty.name)))
            }
            ExprKind::New { ty, args, .. } => {
                let args = self.eval_args(args, scope)?;
                self.span = e.span;
                methods::statics::construct(self, ty, args.into_values())
            }
            ExprKind::NewArray { ty, sizes, extra_dims } => {
                let mut dims = Vec::with_capacity(sizes.len());
                for s in sizes {
                    dims.push(ops::to_i64(&self.eval(s, scope)?).unwrap_or(0).max(0) as usize);
                }
                Ok(new_array(ty, &dims, *extra_dims))
            }
            ExprKind::Spread(inner) => self.eval(inner, scope),
            ExprKind::ClassLiteral(ty) => Ok(Value::Class(Arc::from(methods::statics::qualify(&ty.name).as_str()))),
            ExprKind::Decl(d) => {
                let mut last = Value::Null;
                for decl in &d.declarators {
                    let v = self.initial_value(decl, d.ty.as_ref(), scope)?;
                    scope.declare_typed(&decl.name.name, v.clone(), d.ty.as_ref());
                    last = v;
                }
                Ok(last)
            }
        }
    }

    fn eval_map_entry(&mut self, entry: &ast::MapEntry, out: &mut IndexMap<Key, Value>, scope: &Scope) -> Eval<()> {
        match &entry.key {
            MapKey::Spread => {
                let v = self.eval(&entry.value, scope)?;
                if let Value::Map(m) = v {
                    for (k, v) in m.snapshot() {
                        out.insert(k, v);
                    }
                }
            }
            MapKey::Expr(k) => {
                let key = match &k.kind {
                    ExprKind::Var(name) => Value::str(name),
                    ExprKind::Paren(inner) => self.eval(inner, scope)?,
                    _ => self.eval(k, scope)?,
                };
                let v = self.eval(&entry.value, scope)?;
                out.insert(Key(key), v);
            }
        }
        Ok(())
    }

    /// A member's name: borrowed from the tree when written out, computed for `obj."$x"`.
    fn member_name<'e>(&mut self, name: &'e MemberName, scope: &Scope) -> Eval<std::borrow::Cow<'e, str>> {
        Ok(match name {
            MemberName::Name(n) => std::borrow::Cow::Borrowed(n.as_str()),
            MemberName::Dynamic(e) => {
                let v = self.eval(e, scope)?;
                std::borrow::Cow::Owned(to_string(&v))
            }
        })
    }

    /// `a.b.C` where `a` is no variable: a class named by its package path (`groovy.json.JsonOutput`).
    pub(super) fn class_path(&self, e: &Expr, scope: &Scope) -> Option<Value> {
        // Only `a.b...` chains can name a class by its package.
        if !matches!(e.kind, ExprKind::Property { .. }) {
            return None;
        }
        let mut parts = Vec::new();
        let mut cur = e;
        loop {
            match &cur.kind {
                ExprKind::Property { object, op: DotOp::Dot, name: MemberName::Name(n) } => {
                    parts.push(n.as_str());
                    cur = object;
                }
                ExprKind::Var(root) => {
                    parts.push(root.as_str());
                    break;
                }
                _ => return None,
            }
        }
        parts.reverse();
        if parts.len() == 1 {
            return None;
        }
        if scope.lookup(parts[0]).is_some() || self.shared.binding.get_str(parts[0]).is_some() {
            return None;
        }
        let root = parts[0];
        if !root.chars().next().is_some_and(|c| c.is_ascii_lowercase()) {
            return None;
        }
        if self.shared.host.global(self, root).is_some() {
            return None;
        }
        let path = parts.join(".");
        methods::statics::known_class(&path).map(|c| Value::Class(Arc::from(c)))
    }

    fn lookup_var(&mut self, name: &str, scope: &Scope, span: Span) -> Eval {
        if let Some(v) = scope.lookup(name) {
            return Ok(v);
        }
        if let Some(r) = self.delegate_property(name, true) {
            return r;
        }
        if let Some(v) = self.shared.binding.get_str(name) {
            return Ok(v);
        }
        if let Some(c) = methods::statics::known_class(name) {
            return Ok(Value::Class(Arc::from(c)));
        }
        if let Some(v) = self.shared.host.global(self, name) {
            return Ok(v);
        }
        if name == "binding" {
            return Ok(Value::Object(Arc::new(methods::object::Binding(self.shared.binding.clone()))));
        }
        if let Some(r) = self.delegate_property(name, false) {
            return r;
        }
        self.span = span;
        Err(missing_property("WorkflowScript", name))
    }

    /// A name looked up on the delegates of the running closures: those that go before the script
    /// (`first`) or after it. A map delegate answers every name (null when missing).
    fn delegate_property(&mut self, name: &str, first: bool) -> Option<Eval> {
        if self.delegates.is_empty() {
            return None;
        }
        for (d, strategy) in self.delegates.clone().iter().rev() {
            let delegate_first = *strategy == super::DELEGATE_FIRST || *strategy == super::DELEGATE_ONLY;
            if delegate_first != first {
                continue;
            }
            match methods::get_property(self, d.clone(), name) {
                Ok(v) => return Some(Ok(v)),
                Err(Flow::Throw(t)) if t.class.as_ref() == "groovy.lang.MissingPropertyException" => {}
                Err(e) => return Some(Err(e)),
            }
        }
        None
    }

    fn assign_var(&mut self, name: &str, v: Value, scope: &Scope) -> Eval<()> {
        match scope.assign(name, v.clone()) {
            Assigned::Done => {}
            Assigned::NeedsCast(ty) => {
                let span = self.span;
                let v = self.cast(v, &ty, span)?;
                scope.set(name, v);
            }
            Assigned::Undeclared => {
                // Inside `with { }` (delegate first) an undeclared name is the delegate's property.
                if let Some((d, strategy)) = self.delegates.last().cloned() {
                    if strategy == super::DELEGATE_FIRST || strategy == super::DELEGATE_ONLY {
                        return methods::set_property(self, d, name, v);
                    }
                }
                self.shared.binding.with_mut(|b| b.insert(Key::str(name), v));
            }
        }
        Ok(())
    }

    pub(super) fn eval_args(&mut self, args: &[Arg], scope: &Scope) -> Eval<Args> {
        let mut out = Args::default();
        for arg in args {
            match arg {
                Arg::Positional(e) => {
                    if let ExprKind::Spread(inner) = &e.kind {
                        let v = self.eval(inner, scope)?;
                        out.positional.extend(ops::iter_values(&v));
                    } else {
                        out.positional.push(self.eval(e, scope)?);
                    }
                }
                Arg::Named(entry) => {
                    let named = out.named.get_or_insert_with(IndexMap::new);
                    self.eval_map_entry(entry, named, scope)?;
                }
            }
        }
        Ok(out)
    }

    fn eval_index(&mut self, index: &[Arg], scope: &Scope) -> Eval {
        if let [Arg::Positional(e)] = index {
            if !matches!(e.kind, ExprKind::Spread(_)) {
                return self.eval(e, scope);
            }
        }
        let args = self.eval_args(index, scope)?;
        let mut values = args.into_values();
        Ok(if values.len() == 1 { values.pop().unwrap_or(Value::Null) } else { Value::list(values) })
    }

    /// `recv*.x`: `f` on each element (null elements stay null), null for a null receiver.
    fn spread(&mut self, recv: &Value, mut f: impl FnMut(&mut Self, Value) -> Eval) -> Eval {
        if recv.is_null() {
            return Ok(Value::Null);
        }
        let mut out = Vec::new();
        for item in ops::iter_values(recv) {
            out.push(if item.is_null() { Value::Null } else { f(self, item)? });
        }
        Ok(Value::list(out))
    }

    pub(super) fn get_property(&mut self, recv: Value, op: DotOp, name: &str, span: Span) -> Eval {
        self.span = span;
        match op {
            DotOp::Safe if recv.is_null() => Ok(Value::Null),
            DotOp::Spread => self.spread(&recv, |i, item| methods::get_property(i, item, name)),
            _ => methods::get_property(self, recv, name),
        }
    }

    /// A call with no receiver: a local closure, a script method, `println`, a pipeline step, or a closure
    /// in the binding, in that order.
    pub(super) fn call_function(&mut self, name: &str, args: Args, scope: &Scope, span: Span) -> Eval {
        self.span = span;
        // A local variable takes the call: a closure is called, anything else gets `call(...)`.
        match scope.lookup(name) {
            Some(Value::Closure(c)) => return self.call_closure(&c, args.into_values()),
            Some(other) => return self.call_method(other, "call", args, span),
            None => {}
        }
        if let Some(r) = self.delegate_call(name, &args, true) {
            return r;
        }
        if let Some(decls) = self.shared.methods.get(name).cloned() {
            return self.call_script_method(name, &decls, args.into_values(), span);
        }
        match name {
            "println" => {
                let values = args.into_values();
                let text = match values.first() {
                    Some(v) => format!("{}\n", self.display(v)?),
                    None => "\n".to_string(),
                };
                self.shared.host.print(self, &text);
                return Ok(Value::Null);
            }
            "print" => {
                let values = args.into_values();
                if let Some(v) = values.first() {
                    let text = self.display(v)?;
                    self.shared.host.print(self, &text);
                }
                return Ok(Value::Null);
            }
            "printf" => {
                let values = args.into_values();
                let text = methods::format::sprintf(&values)?;
                self.shared.host.print(self, &text);
                return Ok(Value::Null);
            }
            "sprintf" => return methods::format::sprintf(&args.into_values()).map(Value::string),
            _ => {}
        }
        let host = self.shared.host.clone();
        let mut args = args;
        for v in args.positional.iter_mut().chain(args.named.iter_mut().flat_map(|m| m.values_mut())) {
            if matches!(v, Value::GString(_)) {
                *v = self.resolve_lazy(v.clone())?;
            }
        }
        if let Some(result) = host.call_step(self, name, args.clone(), span) {
            return result;
        }
        if let Some(Value::Closure(c)) = self.shared.binding.get_str(name) {
            return self.call_closure(&c, args.into_values());
        }
        if let Some(r) = self.delegate_call(name, &args, false) {
            return r;
        }
        let mut steps = host.step_names();
        steps.sort();
        Err(throw(
            "java.lang.NoSuchMethodError",
            format!("No such DSL method '{name}' found among steps [{}]", steps.join(", ")),
        ))
    }

    /// A call without receiver tried on the delegates of the running closures (see `delegate_property`).
    fn delegate_call(&mut self, name: &str, args: &Args, first: bool) -> Option<Eval> {
        if self.delegates.is_empty() {
            return None;
        }
        for (d, strategy) in self.delegates.clone().iter().rev() {
            let delegate_first = *strategy == super::DELEGATE_FIRST || *strategy == super::DELEGATE_ONLY;
            if delegate_first != first {
                continue;
            }
            // A closure stored in a map delegate is not one of its methods.
            if let Value::Map(m) = d {
                if matches!(m.get_str(name), Some(Value::Closure(_))) {
                    continue;
                }
            }
            match methods::call(self, d.clone(), name, args.clone().into_values()) {
                Err(Flow::Throw(t))
                    if t.class.as_ref() == "groovy.lang.MissingMethodException"
                        && t.prop("method").is_some_and(|m| to_string(m) == name) => {}
                other => return Some(other),
            }
        }
        None
    }

    /// Text for `println`: `toString`, with lazy GString parts evaluated now.
    fn display(&mut self, v: &Value) -> Eval<String> {
        Ok(to_string(&self.resolve_lazy(v.clone())?))
    }

    /// A GString whose `${-> x}` parts are evaluated (called each time the GString is used, as in
    /// Groovy); other values unchanged.
    pub(crate) fn resolve_lazy(&mut self, v: Value) -> Eval {
        let Value::GString(g) = &v else { return Ok(v) };
        if !g.parts.iter().any(|p| matches!(p, GPart::Lazy(_) | GPart::Value(Value::GString(_)))) {
            return Ok(v);
        }
        let mut parts = Vec::with_capacity(g.parts.len());
        for p in &g.parts {
            parts.push(match p {
                GPart::Text(t) => GPart::Text(t.clone()),
                GPart::Value(inner) => GPart::Value(self.resolve_lazy(inner.clone())?),
                GPart::Lazy(c) if c.param_count() == 1 && c.has_explicit_params() => {
                    // `${ w -> w << x }`: the closure writes to a writer.
                    let writer = methods::statics::StringBuilder::value(String::new(), false);
                    self.call_closure(c, vec![writer.clone()])?;
                    GPart::Value(Value::string(to_string(&writer)))
                }
                GPart::Lazy(c) => {
                    let r = self.call_closure(c, Vec::new())?;
                    GPart::Value(self.resolve_lazy(r)?)
                }
            });
        }
        Ok(Value::GString(Arc::new(GStr { parts })))
    }

    pub(super) fn call_script_method(
        &mut self,
        name: &str,
        decls: &[Arc<ast::MethodDecl>],
        args: Vec<Value>,
        span: Span,
    ) -> Eval {
        let Some((decl, bound)) = decls.iter().find_map(|d| bind_params(d, &args).map(|b| (d.clone(), b))) else {
            return Err(missing_method(&self.shared.class.clone(), name, &args));
        };
        self.enter()?;
        let scope = Scope::root();
        let mut result = Ok(());
        for (param, value) in decl.params.iter().zip(bound) {
            let value = match value {
                Some(v) => v,
                None => match &param.default {
                    Some(d) => match self.eval(d, &scope) {
                        Ok(v) => v,
                        Err(e) => {
                            result = Err(e);
                            break;
                        }
                    },
                    None => Value::Null,
                },
            };
            let value = match &param.ty {
                Some(ty) if !param.varargs => match self.cast(value, ty, param.span) {
                    Ok(v) => v,
                    Err(e) => {
                        result = Err(e);
                        break;
                    }
                },
                _ => value,
            };
            scope.declare(&param.name.name, value);
        }
        let out = match result {
            Err(e) => Err(e),
            Ok(()) => match decl.body.as_ref() {
                Some(body) => match self.exec_stmts(&body.statements, &scope) {
                    Ok(v) | Err(Flow::Return(v)) => Ok(v),
                    Err(e) => Err(e),
                },
                None => Ok(Value::Null),
            },
        };
        self.leave();
        self.span = span;
        let v = out?;
        match &decl.return_type {
            Some(ty) if ty.name == "void" => Ok(Value::Null),
            Some(ty) => self.cast(v, ty, span),
            None => Ok(v),
        }
    }

    pub(super) fn call_closure(&mut self, c: &Arc<Closure>, mut args: Vec<Value>) -> Eval {
        if !c.curried.is_empty() || !c.rcurried.is_empty() {
            let mut all = c.curried.clone();
            all.append(&mut args);
            all.extend(c.rcurried.iter().cloned());
            args = all;
        }
        if let Some(memo) = &c.memo {
            let key = Key(Value::list(args.clone()));
            if let Some(v) = memo.lock().get(&key).cloned() {
                return Ok(v);
            }
            let v = self.call_closure_kind(c, args)?;
            memo.lock().insert(key, v.clone());
            return Ok(v);
        }
        let delegate = c.delegate.lock().clone();
        match delegate {
            Some(d) => {
                self.delegates.push((d, c.strategy.load(std::sync::atomic::Ordering::Relaxed)));
                let r = self.call_closure_kind(c, args);
                self.delegates.pop();
                r
            }
            None => self.call_closure_kind(c, args),
        }
    }

    fn call_closure_kind(&mut self, c: &Arc<Closure>, args: Vec<Value>) -> Eval {
        match &c.kind {
            ClosureKind::Code { def, scope, owner } => {
                self.enter()?;
                let inner = scope.child();
                // A closure runs in the script it was written in (main or loaded).
                let home = match owner {
                    Some(o) if !Arc::ptr_eq(o, &self.shared) => Some(std::mem::replace(&mut self.shared, o.clone())),
                    None if self.shared.loaded => {
                        let root = self.shared.root();
                        Some(std::mem::replace(&mut self.shared, root))
                    }
                    _ => None,
                };
                let r = self.bind_closure_args(def, args, &inner).and_then(|_| self.exec_stmts(&def.body, &inner));
                if let Some(home) = home {
                    self.shared = home;
                }
                self.leave();
                match r {
                    Ok(v) | Err(Flow::Return(v)) => Ok(v),
                    Err(e) => Err(e),
                }
            }
            ClosureKind::MethodRef { receiver, name } => {
                let span = self.span;
                if receiver.is_null() {
                    let scope = Scope::root();
                    self.call_function(name, Args::positional(args), &scope, span)
                } else {
                    self.call_method(receiver.clone(), name, Args::positional(args), span)
                }
            }
            ClosureKind::Composed(first, second) => {
                let mid = self.call_closure(first, args)?;
                self.call_closure(second, vec![mid])
            }
        }
    }

    fn bind_closure_args(&mut self, def: &ast::Closure, mut args: Vec<Value>, scope: &Scope) -> Eval<()> {
        let Some(params) = &def.params else {
            if args.len() > 1 {
                return Err(missing_method("WorkflowScript$_run_closure1", "call", &args));
            }
            scope.declare("it", args.pop().unwrap_or(Value::Null));
            return Ok(());
        };
        // One list passed to a closure of several parameters is spread over them.
        if params.len() > 1 && args.len() == 1 {
            if let Value::List(l) = &args[0] {
                args = l.snapshot();
            }
        }
        let is_varargs = |p: &ast::Param| p.varargs || p.ty.as_ref().is_some_and(|t| t.dims > 0);
        let has_varargs = params.last().is_some_and(is_varargs);
        let last = params.len().saturating_sub(1);
        let required =
            params.iter().enumerate().filter(|(i, p)| p.default.is_none() && !(*i == last && has_varargs)).count();
        if args.len() < required || (!has_varargs && args.len() > params.len()) {
            if params.len() == 1 && args.is_empty() {
                scope.declare(&params[0].name.name, Value::Null);
                return Ok(());
            }
            return Err(missing_method("WorkflowScript$_run_closure1", "call", &args));
        }
        let mut extra_defaults = args.len().saturating_sub(required);
        let mut it = args.into_iter();
        for (i, p) in params.iter().enumerate() {
            let v = if i == last && has_varargs {
                let elem = match &p.ty {
                    Some(t) => Type { dims: t.dims.saturating_sub(if p.varargs { 0 } else { 1 }), ..t.clone() },
                    None => Type { name: "Object".into(), args: Vec::new(), dims: 0, span: p.span },
                };
                super::methods::convert::array(it.by_ref().collect(), &elem)
            } else if p.default.is_some() {
                if extra_defaults > 0 {
                    extra_defaults -= 1;
                    it.next().unwrap_or(Value::Null)
                } else {
                    let d = p.default.as_ref().map(|d| self.eval(d, scope)).transpose()?;
                    d.unwrap_or(Value::Null)
                }
            } else {
                it.next().unwrap_or(Value::Null)
            };
            let v = match &p.ty {
                Some(ty) if !(i == last && has_varargs) => self.cast(v, ty, p.span)?,
                _ => v,
            };
            scope.declare(&p.name.name, v);
        }
        Ok(())
    }

    pub(super) fn call_method(&mut self, recv: Value, name: &str, args: Args, span: Span) -> Eval {
        self.span = span;
        methods::call(self, recv, name, args.into_values())
    }

    fn eval_unary(&mut self, op: UnaryOp, operand: &Expr, scope: &Scope, span: Span) -> Eval {
        match op {
            UnaryOp::Not => {
                let v = self.eval(operand, scope)?;
                Ok(Value::Bool(!truthy(&v)))
            }
            UnaryOp::Neg => {
                // A minus before a number literal is part of the literal (-2147483648 is an Integer;
                // Groovy folds -0.0 to 0.0).
                if let ExprKind::Number(n) = &operand.kind {
                    if n.decimal || matches!(n.suffix, Some('d' | 'D' | 'f' | 'F')) {
                        let v = number_literal(n, span)?;
                        if matches!(v, Value::Double(d) if d == 0.0) || matches!(v, Value::Float(f) if f == 0.0) {
                            return Ok(v);
                        }
                    }
                    if n.radix == 10 && !n.decimal && n.suffix.is_none() {
                        if let Ok(i) = format!("-{}", n.text.replace('_', "")).parse::<i32>() {
                            return Ok(Value::Int(i));
                        }
                    }
                }
                let v = self.eval(operand, scope)?;
                self.span = span;
                ops::neg(&v)
            }
            UnaryOp::Plus => self.eval(operand, scope),
            UnaryOp::BitNot => {
                let v = self.eval(operand, scope)?;
                Ok(match v {
                    Value::Int(i) => Value::Int(!i),
                    Value::Long(i) => Value::Long(!i),
                    Value::Str(s) => Value::Pattern(Arc::new(methods::regex::compile(&s)?)),
                    Value::GString(_) => Value::Pattern(Arc::new(methods::regex::compile(&to_string(&v))?)),
                    other => Value::bigint(!ops::to_bigint(&other).unwrap_or_default()),
                })
            }
            UnaryOp::PreInc | UnaryOp::PreDec | UnaryOp::PostInc | UnaryOp::PostDec => {
                let up = matches!(op, UnaryOp::PreInc | UnaryOp::PostInc);
                let pre = matches!(op, UnaryOp::PreInc | UnaryOp::PreDec);
                let target = self.lvalue(operand, scope)?;
                let old = self.read_lvalue(&target, scope)?;
                self.span = span;
                let new = ops::step(&old, up)?;
                self.write_lvalue(&target, new.clone(), scope)?;
                Ok(if pre { new } else { old })
            }
        }
    }

    fn eval_binary(&mut self, op: BinaryOp, lhs: &Expr, rhs: &Expr, scope: &Scope, span: Span) -> Eval {
        match op {
            BinaryOp::And => {
                let a = self.eval(lhs, scope)?;
                if !truthy(&a) {
                    return Ok(Value::Bool(false));
                }
                let b = self.eval(rhs, scope)?;
                return Ok(Value::Bool(truthy(&b)));
            }
            BinaryOp::Or => {
                let a = self.eval(lhs, scope)?;
                if truthy(&a) {
                    return Ok(Value::Bool(true));
                }
                let b = self.eval(rhs, scope)?;
                return Ok(Value::Bool(truthy(&b)));
            }
            _ => {}
        }
        let a = self.eval(lhs, scope)?;
        let b = self.eval(rhs, scope)?;
        self.span = span;
        self.binary(op, a, b)
    }

    pub(super) fn binary(&mut self, op: BinaryOp, a: Value, b: Value) -> Eval {
        use std::cmp::Ordering;
        // Integers are the common case in loops: no promotion to work out.
        if let (Value::Int(x), Value::Int(y)) = (&a, &b) {
            let (x, y) = (*x, *y);
            match op {
                BinaryOp::Add => return Ok(Value::Int(x.wrapping_add(y))),
                BinaryOp::Sub => return Ok(Value::Int(x.wrapping_sub(y))),
                BinaryOp::Mul => return Ok(Value::Int(x.wrapping_mul(y))),
                BinaryOp::Rem if y != 0 => return Ok(Value::Int(x.wrapping_rem(y))),
                BinaryOp::Lt => return Ok(Value::Bool(x < y)),
                BinaryOp::Le => return Ok(Value::Bool(x <= y)),
                BinaryOp::Gt => return Ok(Value::Bool(x > y)),
                BinaryOp::Ge => return Ok(Value::Bool(x >= y)),
                BinaryOp::Eq => return Ok(Value::Bool(x == y)),
                BinaryOp::Ne => return Ok(Value::Bool(x != y)),
                _ => {}
            }
        }
        Ok(match op {
            BinaryOp::Add => ops::add(&a, &b)?,
            BinaryOp::Sub => ops::sub(&a, &b)?,
            BinaryOp::Mul => ops::mul(&a, &b)?,
            BinaryOp::Div => ops::div(&a, &b)?,
            BinaryOp::Rem => ops::rem(&a, &b)?,
            BinaryOp::Pow => ops::pow(&a, &b)?,
            BinaryOp::Eq | BinaryOp::Identical => Value::Bool(equals(&a, &b)),
            BinaryOp::Ne | BinaryOp::NotIdentical => Value::Bool(!equals(&a, &b)),
            BinaryOp::Lt => Value::Bool(ops::compare(&a, &b)? == Ordering::Less),
            BinaryOp::Le => Value::Bool(ops::compare(&a, &b)? != Ordering::Greater),
            BinaryOp::Gt => Value::Bool(ops::compare(&a, &b)? == Ordering::Greater),
            BinaryOp::Ge => Value::Bool(ops::compare(&a, &b)? != Ordering::Less),
            BinaryOp::Compare => Value::Int(match ops::compare(&a, &b)? {
                Ordering::Less => -1,
                Ordering::Equal => 0,
                Ordering::Greater => 1,
            }),
            BinaryOp::In => Value::Bool(match &b {
                Value::Closure(c) => {
                    let c = c.clone();
                    truthy(&self.call_closure(&c, vec![a])?)
                }
                _ => ops::is_case(&b, &a)?,
            }),
            BinaryOp::RegexFind => methods::regex::find_op(&a, &b)?,
            BinaryOp::RegexMatch => {
                if a.is_null() {
                    Value::Bool(false)
                } else {
                    let re = methods::regex::to_regex(&b)?;
                    Value::Bool(methods::regex::full_match(&re, &to_string(&a)))
                }
            }
            BinaryOp::Shl | BinaryOp::Shr if matches!(a, Value::Closure(_)) => {
                let name = if op == BinaryOp::Shl { "leftShift" } else { "rightShift" };
                self.call_method(a, name, Args::positional(vec![b]), self.span)?
            }
            BinaryOp::Shl => match &a {
                Value::List(l) => {
                    if l.with_mut(|items| items.push(b.clone())).is_none() {
                        return Err(super::error::bare("java.lang.UnsupportedOperationException"));
                    }
                    a
                }
                Value::Set(s) => {
                    s.insert(b);
                    a
                }
                Value::Map(m) => {
                    match &b {
                        Value::Map(other) => {
                            let add = other.snapshot();
                            m.with_mut(|e| e.extend(add));
                        }
                        Value::Entry(pair) => {
                            m.with_mut(|e| e.insert(Key(pair.0.clone()), pair.1.clone()));
                        }
                        _ => return Err(missing_method(&a.class_name(), "leftShift", &[b])),
                    }
                    a
                }
                Value::Object(_) => self.call_method(a, "leftShift", Args::positional(vec![b]), self.span)?,
                Value::Range(_) => return Err(super::error::bare("java.lang.UnsupportedOperationException")),
                // `'x' << y` makes a StringBuffer holding both.
                Value::Str(_) | Value::GString(_) => {
                    let mut text = to_string(&a);
                    text.push_str(&to_string(&b));
                    methods::statics::StringBuilder::value(text, true)
                }
                _ => shift(&a, &b, 0)?,
            },
            BinaryOp::Shr => shift(&a, &b, 1)?,
            BinaryOp::Ushr => shift(&a, &b, 2)?,
            BinaryOp::BitAnd | BinaryOp::BitOr | BinaryOp::BitXor => match (&a, &b) {
                (Value::Bool(x), Value::Bool(y)) => Value::Bool(match op {
                    BinaryOp::BitAnd => *x & *y,
                    BinaryOp::BitOr => *x | *y,
                    _ => *x ^ *y,
                }),
                _ => {
                    let long = matches!(a, Value::Long(_)) || matches!(b, Value::Long(_));
                    let (Some(x), Some(y)) = (ops::to_i64(&a), ops::to_i64(&b)) else {
                        return Err(missing_method(&a.class_name(), "and", &[b]));
                    };
                    let r = match op {
                        BinaryOp::BitAnd => x & y,
                        BinaryOp::BitOr => x | y,
                        _ => x ^ y,
                    };
                    if long {
                        Value::Long(r)
                    } else {
                        Value::Int(r as i32)
                    }
                }
            },
            BinaryOp::And | BinaryOp::Or => unreachable!("short-circuit operators are handled by eval_binary"),
        })
    }

    fn eval_assign(&mut self, op: AssignOp, target: &Expr, value: &Expr, scope: &Scope, span: Span) -> Eval {
        let place = self.lvalue(target, scope)?;
        let new = if op == AssignOp::Assign {
            self.eval(value, scope)?
        } else {
            let old = self.read_lvalue(&place, scope)?;
            let rhs = self.eval(value, scope)?;
            self.span = span;
            let bop = match op {
                AssignOp::Add => BinaryOp::Add,
                AssignOp::Sub => BinaryOp::Sub,
                AssignOp::Mul => BinaryOp::Mul,
                AssignOp::Div => BinaryOp::Div,
                AssignOp::Rem => BinaryOp::Rem,
                AssignOp::Pow => BinaryOp::Pow,
                AssignOp::Shl => BinaryOp::Shl,
                AssignOp::Shr => BinaryOp::Shr,
                AssignOp::Ushr => BinaryOp::Ushr,
                AssignOp::BitAnd => BinaryOp::BitAnd,
                AssignOp::BitOr => BinaryOp::BitOr,
                AssignOp::BitXor => BinaryOp::BitXor,
                AssignOp::Assign => unreachable!("plain assignment handled above"),
            };
            self.binary(bop, old, rhs)?
        };
        self.span = span;
        self.write_lvalue(&place, new.clone(), scope)?;
        Ok(new)
    }

    fn lvalue<'e>(&mut self, target: &'e Expr, scope: &Scope) -> Eval<Place<'e>> {
        Ok(match &target.kind {
            ExprKind::Var(name) => Place::Var(name, target.span),
            ExprKind::Property { object, op, name } => {
                let recv = self.eval(object, scope)?;
                let name = self.member_name(name, scope)?.into_owned();
                Place::Property(recv, name, *op)
            }
            ExprKind::Index { object, index } => {
                let recv = self.eval(object, scope)?;
                let idx = self.eval_index(index, scope)?;
                Place::Index(recv, idx)
            }
            ExprKind::Paren(inner) => return self.lvalue(inner, scope),
            ExprKind::Decl(d) => {
                let name = d.declarators.first().map(|d| d.name.name.as_str()).unwrap_or_default();
                scope.declare(name, Value::Null);
                Place::Var(name, target.span)
            }
            _ => {
                return Err(throw(
                    "groovy.lang.GroovyRuntimeException",
                    "The left-hand side of an assignment must be a variable, property or index".to_string(),
                ))
            }
        })
    }

    fn read_lvalue(&mut self, place: &Place, scope: &Scope) -> Eval {
        match place {
            Place::Var(name, span) => self.lookup_var(name, scope, *span),
            Place::Property(recv, name, op) => {
                let span = self.span;
                self.get_property(recv.clone(), *op, name, span)
            }
            Place::Index(recv, idx) => methods::get_at(self, recv.clone(), idx.clone()),
        }
    }

    fn write_lvalue(&mut self, place: &Place, v: Value, scope: &Scope) -> Eval<()> {
        match place {
            Place::Var(name, _) => self.assign_var(name, v, scope),
            Place::Property(recv, name, op) => {
                if recv.is_null() {
                    if *op == DotOp::Safe {
                        return Ok(());
                    }
                    return Err(npe(format!("Cannot set property '{name}' on null object")));
                }
                methods::set_property(self, recv.clone(), name, v)
            }
            Place::Index(recv, idx) => methods::put_at(self, recv.clone(), idx.clone(), v),
        }
    }

    /// `(T) v` and typed declarations: Groovy's cast rules for the types pipelines use.
    pub(super) fn cast(&mut self, v: Value, ty: &Type, _span: Span) -> Eval {
        methods::convert::cast(self, v, ty)
    }

    fn as_type(&mut self, v: Value, ty: &Type, _span: Span) -> Eval {
        methods::convert::as_type(self, v, ty)
    }
}

enum Step {
    Next,
    Break,
}

/// What a loop does after its body ran: go on, stop, or pass a jump (or exception) outwards. A labelled
/// `break`/`continue` belongs to this loop when it names the loop's label.
fn loop_step(r: Eval, label: &Option<String>) -> Eval<Step> {
    match r {
        Ok(_) | Err(Flow::Continue(None)) => Ok(Step::Next),
        Err(Flow::Break(None)) => Ok(Step::Break),
        Err(Flow::Continue(Some(l))) if label.as_deref() == Some(l.as_str()) => Ok(Step::Next),
        Err(Flow::Break(Some(l))) if label.as_deref() == Some(l.as_str()) => Ok(Step::Break),
        Err(e) => Err(e),
    }
}

/// Whether a statement adds a variable to the scope it runs in.
fn declares(stmt: &Stmt) -> bool {
    match &stmt.kind {
        StmtKind::VarDecl(_) | StmtKind::MultiAssign(_) => true,
        StmtKind::Expr(e) => expr_declares(e),
        _ => false,
    }
}

fn expr_declares(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Decl(_) => true,
        ExprKind::Assign { target, .. } => expr_declares(target),
        ExprKind::Paren(inner) => expr_declares(inner),
        _ => false,
    }
}

enum Place<'e> {
    Var(&'e str, Span),
    Property(Value, String, DotOp),
    Index(Value, Value),
}

fn default_for(ty: Option<&Type>) -> Value {
    match ty.map(|t| t.name.as_str()) {
        Some("int") | Some("short") | Some("byte") => Value::Int(0),
        Some("long") => Value::Long(0),
        Some("double") => Value::Double(0.0),
        Some("float") => Value::Float(0.0),
        Some("boolean") => Value::Bool(false),
        Some("char") => Value::Char('\0'),
        _ => Value::Null,
    }
}

/// Binds call arguments to a method's parameters as Groovy's generated overloads would (defaults filled
/// from the left); None when the method cannot take these arguments.
fn bind_params(decl: &ast::MethodDecl, args: &[Value]) -> Option<Vec<Option<Value>>> {
    let params = &decl.params;
    // A last parameter of array type takes varargs too.
    let is_varargs = |p: &ast::Param| p.varargs || p.ty.as_ref().is_some_and(|t| t.dims > 0);
    let has_varargs = params.last().is_some_and(is_varargs);
    let last = params.len().saturating_sub(1);
    let required =
        params.iter().enumerate().filter(|(i, p)| p.default.is_none() && !(*i == last && has_varargs)).count();
    if args.len() < required || (!has_varargs && args.len() > params.len()) {
        return None;
    }
    let mut extra = args.len() - required;
    let mut it = args.iter();
    let mut out = Vec::with_capacity(params.len());
    for (i, p) in params.iter().enumerate() {
        if i == last && has_varargs {
            let rest: Vec<Value> = it.by_ref().cloned().collect();
            if rest.len() == 1 {
                if let Value::List(l) = &rest[0] {
                    if l.is_array() {
                        out.push(Some(rest[0].clone()));
                        continue;
                    }
                }
            }
            let elem = match &p.ty {
                Some(t) => Type { dims: t.dims.saturating_sub(if p.varargs { 0 } else { 1 }), ..t.clone() },
                None => Type { name: "Object".into(), args: Vec::new(), dims: 0, span: p.span },
            };
            out.push(Some(super::methods::convert::array(rest, &elem)));
        } else if p.default.is_some() {
            if extra > 0 {
                extra -= 1;
                out.push(it.next().cloned());
            } else {
                out.push(None);
            }
        } else {
            let v = it.next()?.clone();
            if let Some(ty) = &p.ty {
                if !super::methods::convert::accepts(ty, &v) {
                    return None;
                }
            }
            out.push(Some(v));
        }
    }
    Some(out)
}

pub(super) fn missing_method(class: &str, name: &str, args: &[Value]) -> Flow {
    let types: Vec<String> = args.iter().map(|a| if a.is_null() { "null".into() } else { a.class_name() }).collect();
    let values: Vec<String> = args.iter().map(to_string).collect();
    let mut t = Throwable::new(
        "groovy.lang.MissingMethodException",
        Some(format!(
            "No signature of method: {class}.{name}() is applicable for argument types: ({}) values: [{}]",
            types.join(", "),
            values.join(", ")
        )),
    );
    t.props = vec![
        ("method", Value::str(name)),
        ("type", Value::Class(Arc::from(class))),
        ("arguments", Value::list(args.to_vec())),
    ];
    Flow::Throw(Arc::new(t))
}

/// `No such property: NAME for class: CLASS`.
pub(super) fn missing_property(class: &str, name: &str) -> Flow {
    let mut t = Throwable::new(
        "groovy.lang.MissingPropertyException",
        Some(format!("No such property: {name} for class: {class}")),
    );
    t.props = vec![("property", Value::str(name)), ("type", Value::Class(Arc::from(class)))];
    Flow::Throw(Arc::new(t))
}

fn shift(a: &Value, b: &Value, kind: u8) -> Eval {
    let (Some(x), Some(y)) = (ops::to_i64(a), ops::to_i64(b)) else {
        let name = ["leftShift", "rightShift", "rightShiftUnsigned"][kind as usize];
        return Err(missing_method(&a.class_name(), name, std::slice::from_ref(b)));
    };
    Ok(match a {
        Value::Long(_) => Value::Long(match kind {
            0 => x.wrapping_shl(y as u32),
            1 => x.wrapping_shr(y as u32),
            _ => ((x as u64).wrapping_shr(y as u32)) as i64,
        }),
        _ => {
            let x = x as i32;
            Value::Int(match kind {
                0 => x.wrapping_shl(y as u32),
                1 => x.wrapping_shr(y as u32),
                _ => ((x as u32).wrapping_shr(y as u32)) as i32,
            })
        }
    })
}

fn number_literal(n: &Number, _span: Span) -> Eval {
    if let Some(i) = n.int {
        return Ok(Value::Int(i));
    }
    let text: String = n.text.chars().filter(|c| *c != '_').collect();
    let body = match n.suffix {
        Some(_) => &text[..text.len() - 1],
        None => &text[..],
    };
    let bad = || throw("java.lang.NumberFormatException", format!("For input string: \"{}\"", n.text));
    if n.decimal || matches!(n.suffix, Some('d' | 'D' | 'f' | 'F')) && n.radix == 10 {
        return Ok(match n.suffix {
            Some('d' | 'D') => Value::Double(body.parse().map_err(|_| bad())?),
            Some('f' | 'F') => Value::Float(body.parse().map_err(|_| bad())?),
            _ => Value::decimal(Decimal::parse(body).ok_or_else(bad)?),
        });
    }
    let digits = match n.radix {
        16 => body.trim_start_matches("0x").trim_start_matches("0X"),
        2 => body.trim_start_matches("0b").trim_start_matches("0B"),
        8 => body.strip_prefix('0').filter(|d| !d.is_empty()).unwrap_or(body),
        _ => body,
    };
    let big = BigInt::parse_bytes(digits.as_bytes(), n.radix).ok_or_else(bad)?;
    use num_traits::ToPrimitive;
    Ok(match n.suffix {
        Some('l' | 'L') => Value::Long(big.to_i64().ok_or_else(bad)?),
        Some('g' | 'G') => Value::bigint(big),
        Some('i' | 'I') => Value::Int(big.to_i32().ok_or_else(bad)?),
        _ => match big.to_i32() {
            Some(i) => Value::Int(i),
            None => match big.to_i64() {
                Some(l) => Value::Long(l),
                None => Value::bigint(big),
            },
        },
    })
}

pub(super) fn make_range(a: Value, b: Value, inclusive: bool) -> Eval {
    match (&a, &b) {
        (Value::Int(_) | Value::Long(_), Value::Int(_) | Value::Long(_)) => {
            let long = matches!(a, Value::Long(_)) || matches!(b, Value::Long(_));
            let (x, y) = (ops::to_i64(&a).unwrap_or(0), ops::to_i64(&b).unwrap_or(0));
            let reverse = x > y;
            let (mut lo, mut hi) = if reverse { (y, x) } else { (x, y) };
            if !inclusive {
                if reverse {
                    lo += 1;
                } else {
                    hi -= 1;
                }
            }
            Ok(Value::Range(Arc::new(Range::Int { from: lo, to: hi, reverse, long })))
        }
        _ => {
            let mut items = Vec::new();
            if a.is_string() || matches!(a, Value::Char(_)) {
                let sa = to_string(&a);
                let sb = to_string(&b);
                let (ca, cb) = (sa.chars().next(), sb.chars().next());
                if let (Some(ca), Some(cb)) = (ca, cb) {
                    if sa.chars().count() == 1 && sb.chars().count() == 1 {
                        let (lo, hi) = if ca <= cb { (ca as u32, cb as u32) } else { (cb as u32, ca as u32) };
                        let mut codes: Vec<u32> = (lo..=hi).collect();
                        if ca > cb {
                            codes.reverse();
                        }
                        if !inclusive {
                            codes.pop();
                        }
                        let char_kind = matches!(a, Value::Char(_));
                        items = codes
                            .into_iter()
                            .filter_map(char::from_u32)
                            .map(|c| if char_kind { Value::Char(c) } else { Value::string(c.to_string()) })
                            .collect();
                    } else if sa.chars().count() == sb.chars().count() {
                        // Groovy steps longer strings with next() (the last character moves).
                        let up = ops::compare_strings(&sa, &sb) != std::cmp::Ordering::Greater;
                        let (lo, hi) = if up { (sa.clone(), sb.clone()) } else { (sb.clone(), sa.clone()) };
                        let mut cur = Value::string(lo);
                        while items.len() < 100_000 {
                            let t = to_string(&cur);
                            if ops::compare_strings(&t, &hi) == std::cmp::Ordering::Greater {
                                break;
                            }
                            items.push(cur.clone());
                            cur = ops::step(&cur, true)?;
                        }
                        if !up {
                            items.reverse();
                        }
                        if !inclusive {
                            items.pop();
                        }
                    }
                }
            } else if a.is_number() && b.is_number() {
                let mut cur = a.clone();
                let up = ops::compare(&a, &b)? != std::cmp::Ordering::Greater;
                loop {
                    let c = ops::compare(&cur, &b)?;
                    let done = if up { c == std::cmp::Ordering::Greater } else { c == std::cmp::Ordering::Less };
                    if done || (!inclusive && c == std::cmp::Ordering::Equal) || items.len() > 10_000_000 {
                        break;
                    }
                    items.push(cur.clone());
                    cur = ops::step(&cur, up)?;
                }
            }
            Ok(Value::Range(Arc::new(Range::Obj { items, from: a, to: b })))
        }
    }
}

/// `new T[a][b]...`: nested arrays filled with T's default value.
fn new_array(ty: &Type, dims: &[usize], extra_dims: u32) -> Value {
    let depth = dims.len() as u32 + extra_dims;
    let elem = Type { name: ty.name.clone(), args: Vec::new(), dims: depth - 1, span: ty.span };
    let items = match dims.split_first() {
        Some((n, rest)) if !rest.is_empty() => (0..*n).map(|_| new_array(ty, rest, extra_dims)).collect(),
        Some((n, _)) => vec![if extra_dims > 0 { Value::Null } else { default_for(Some(ty)) }; *n],
        None => Vec::new(),
    };
    super::methods::convert::array(items, &elem)
}

/// The variable names an expression reads, first use first.
fn collect_vars(e: &Expr, out: &mut Vec<String>) {
    // Every use counts (a variable used twice is listed twice); receivers of properties and method
    // calls are not listed, as in Groovy's message.
    match &e.kind {
        ExprKind::Var(n) => out.push(n.clone()),
        ExprKind::Binary { lhs, rhs, .. } => {
            collect_vars(lhs, out);
            collect_vars(rhs, out);
        }
        ExprKind::Unary { operand, .. } | ExprKind::Paren(operand) => collect_vars(operand, out),
        ExprKind::MethodCall { args, .. } => {
            for a in args {
                if let Arg::Positional(x) = a {
                    collect_vars(x, out);
                }
            }
        }
        ExprKind::Index { object, index } => {
            collect_vars(object, out);
            for a in index {
                if let Arg::Positional(x) = a {
                    collect_vars(x, out);
                }
            }
        }
        _ => {}
    }
}

/// An expression as Groovy's assertion messages print it: binary expressions in parentheses, strings
/// unquoted, GString values as `$name`, class names qualified.
fn expression_text(e: &Expr, source: &str) -> String {
    let list = |items: &[&Expr]| items.iter().map(|x| expression_text(x, source)).collect::<Vec<_>>().join(", ");
    let args = |args: &[Arg]| {
        let exprs: Vec<&Expr> =
            args.iter().filter_map(|a| if let Arg::Positional(x) = a { Some(x) } else { None }).collect();
        list(&exprs)
    };
    match &e.kind {
        ExprKind::Var(n) => match methods::statics::known_class(n) {
            Some(full) if n.chars().next().is_some_and(char::is_uppercase) => full.to_string(),
            _ => n.clone(),
        },
        ExprKind::Str { value, .. } => value.to_string(),
        ExprKind::Number(n) => n.text.clone(),
        ExprKind::Null => "null".into(),
        ExprKind::Bool(b) => b.to_string(),
        ExprKind::GString { parts, .. } => parts
            .iter()
            .map(|p| match p {
                GStringPart::Text { value, .. } => value.to_string(),
                GStringPart::Expr(x) => format!("${}", expression_text(x, source)),
            })
            .collect(),
        ExprKind::Paren(x) => expression_text(x, source),
        ExprKind::Binary { lhs, rhs, .. } => {
            let op = source.get(lhs.span.end as usize..rhs.span.start as usize).unwrap_or("").trim();
            format!("({} {op} {})", expression_text(lhs, source), expression_text(rhs, source))
        }
        ExprKind::Property { object, name: MemberName::Name(n), .. } => {
            format!("{}.{n}", expression_text(object, source))
        }
        ExprKind::MethodCall { object: Some(o), name: MemberName::Name(n), args: a, .. } => {
            format!("{}.{n}({})", expression_text(o, source), args(a))
        }
        ExprKind::MethodCall { object: None, name: MemberName::Name(n), args: a, .. } => {
            format!("this.{n}({})", args(a))
        }
        ExprKind::Index { object, index } => format!("{}[{}]", expression_text(object, source), args(index)),
        ExprKind::List(items) => format!("[{}]", list(&items.iter().collect::<Vec<_>>())),
        _ => source.get(e.span.start as usize..e.span.end as usize).unwrap_or("").to_string(),
    }
}
