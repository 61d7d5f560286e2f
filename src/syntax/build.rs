//! Turns the pest parse of `grammar/groovy.pest` into the typed tree of `ast.rs`.
//!
//! The grammar leaves two things to this file: operator precedence (a Pratt parser over the flat operand
//! and operator sequence, with Groovy's levels) and the few rules a PEG cannot say well (a command needs a
//! name as its head; `<`-family operators do not chain; a declaration inside a block is refused). No pest
//! type leaves this file.

use std::cell::Cell;
use std::sync::OnceLock;

use pest::iterators::{Pair, Pairs};
use pest::pratt_parser::{Assoc, Op, PrattParser};

use super::ast::*;
use super::grammar::Rule;
use super::SyntaxError;

type P<'i> = Pair<'i, Rule>;
type Ps<'i> = Pairs<'i, Rule>;
type R<T> = Result<T, SyntaxError>;

/// Deeper nesting than this is refused rather than risking the stack.
const MAX_DEPTH: usize = 400;
/// Operators in one expression, and selectors (`.x`, `(..)`, `[..]`) after one value, at most.
const MAX_CHAIN: usize = 256;

pub(crate) struct Builder {
    depth: Cell<usize>,
    strings: std::cell::RefCell<std::collections::HashMap<String, std::sync::Arc<str>>>,
}

/// The node's span without the blanks pest's implicit whitespace left at its edges (a rule that tried an
/// optional part and gave it up keeps the space it skipped before it).
fn span(p: &P) -> Span {
    let s = p.as_span();
    let text = s.as_str();
    let blank = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r');
    let start = s.start() + (text.len() - text.trim_start_matches(blank).len());
    let end = s.end() - (text.len() - text.trim_end_matches(blank).len());
    Span::new(start, end.max(start))
}

/// The span exactly as pest matched it: for the text runs of strings, where blanks are content.
fn raw_span(p: &P) -> Span {
    let s = p.as_span();
    Span::new(s.start(), s.end())
}

fn join(a: Span, b: Span) -> Span {
    Span { start: a.start.min(b.start), end: a.end.max(b.end) }
}

fn err<T>(at: Span, message: impl Into<String>) -> R<T> {
    Err(SyntaxError::new(at, message))
}

fn expr(kind: ExprKind, span: Span) -> Expr {
    Expr { kind, span }
}

fn boxed(e: Expr) -> Box<Expr> {
    Box::new(e)
}

fn pratt() -> &'static PrattParser<Rule> {
    static PRATT: OnceLock<PrattParser<Rule>> = OnceLock::new();
    // Groovy 2.4's levels, loosest first (groovy.g: conditional, ||, &&, |, ^, &, regex, equality,
    // relational, shift/range, additive, multiplicative, unary minus, power, unary not/cast).
    PRATT.get_or_init(|| {
        PrattParser::new()
            .op(Op::infix(Rule::elvis, Assoc::Right) | Op::infix(Rule::ternary, Assoc::Right))
            .op(Op::infix(Rule::or, Assoc::Left))
            .op(Op::infix(Rule::and, Assoc::Left))
            .op(Op::infix(Rule::bit_or, Assoc::Left))
            .op(Op::infix(Rule::bit_xor, Assoc::Left))
            .op(Op::infix(Rule::bit_and, Assoc::Left))
            .op(Op::infix(Rule::regex_find, Assoc::Left) | Op::infix(Rule::regex_match, Assoc::Left))
            .op(Op::infix(Rule::eq, Assoc::Left)
                | Op::infix(Rule::ne, Assoc::Left)
                | Op::infix(Rule::identical, Assoc::Left)
                | Op::infix(Rule::not_identical, Assoc::Left)
                | Op::infix(Rule::compare, Assoc::Left))
            .op(Op::infix(Rule::lt, Assoc::Left)
                | Op::infix(Rule::le, Assoc::Left)
                | Op::infix(Rule::gt, Assoc::Left)
                | Op::infix(Rule::ge, Assoc::Left)
                | Op::infix(Rule::in_op, Assoc::Left)
                | Op::postfix(Rule::instanceof_op)
                | Op::postfix(Rule::as_op))
            .op(Op::infix(Rule::shl, Assoc::Left)
                | Op::infix(Rule::shr, Assoc::Left)
                | Op::infix(Rule::ushr, Assoc::Left)
                | Op::infix(Rule::range_incl, Assoc::Left)
                | Op::infix(Rule::range_excl, Assoc::Left))
            .op(Op::infix(Rule::add, Assoc::Left) | Op::infix(Rule::sub, Assoc::Left))
            .op(Op::infix(Rule::mul, Assoc::Left)
                | Op::infix(Rule::div, Assoc::Left)
                | Op::infix(Rule::rem, Assoc::Left))
            .op(Op::prefix(Rule::neg) | Op::prefix(Rule::pos) | Op::prefix(Rule::pre_inc) | Op::prefix(Rule::pre_dec))
            .op(Op::infix(Rule::pow, Assoc::Left))
            .op(Op::prefix(Rule::not) | Op::prefix(Rule::bit_not) | Op::prefix(Rule::cast_op))
    })
}

fn is_relational(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Binary { op: BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge | BinaryOp::In, .. }
            | ExprKind::InstanceOf { .. }
            | ExprKind::As { .. }
    )
}

impl Builder {
    pub(crate) fn new() -> Builder {
        Builder { depth: Cell::new(0), strings: Default::default() }
    }

    /// One shared copy per distinct string literal, as Java's constant pool keeps them (`'a'.is('a')`).
    fn intern(&self, text: &str) -> std::sync::Arc<str> {
        let mut strings = self.strings.borrow_mut();
        if let Some(s) = strings.get(text) {
            return s.clone();
        }
        let s: std::sync::Arc<str> = std::sync::Arc::from(text);
        strings.insert(text.to_string(), s.clone());
        s
    }

    fn enter(&self, at: Span) -> R<()> {
        let d = self.depth.get() + 1;
        if d > MAX_DEPTH {
            return err(at, format!("this is nested more than {MAX_DEPTH} levels deep, more than jeeves accepts"));
        }
        self.depth.set(d);
        Ok(())
    }

    fn leave(&self) {
        self.depth.set(self.depth.get() - 1);
    }

    // ---------------------------------------------------------------------------------------------
    // Script and statements

    pub(crate) fn script(&self, p: P) -> R<Script> {
        let sp = span(&p);
        let mut shebang = None;
        let mut package = None;
        let mut statements = Vec::new();
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::shebang => shebang = Some(span(&c)),
                Rule::package_decl => {
                    let s = span(&c);
                    let mut annotations = Vec::new();
                    let mut name = String::new();
                    for d in c.into_inner() {
                        match d.as_rule() {
                            Rule::annotation => annotations.push(self.annotation(d)?),
                            Rule::qualified_name => name = d.as_str().to_string(),
                            _ => {}
                        }
                    }
                    package = Some(Package { annotations, name, span: s });
                }
                Rule::EOI => {}
                _ => statements.push(self.statement(c)?),
            }
        }
        Ok(Script { shebang, package, statements, span: sp })
    }

    fn statements(&self, pairs: Ps) -> R<Vec<Stmt>> {
        pairs.map(|p| self.statement(p)).collect()
    }

    pub(crate) fn block(&self, p: P) -> R<Block> {
        let sp = span(&p);
        Ok(Block { statements: self.statements(p.into_inner())?, span: sp })
    }

    fn statement(&self, p: P) -> R<Stmt> {
        let sp = span(&p);
        self.enter(sp)?;
        let kind = self.statement_kind(p);
        self.leave();
        Ok(Stmt { kind: kind?, span: sp })
    }

    fn body(&self, p: P) -> R<Box<Stmt>> {
        if p.as_rule() == Rule::block {
            let b = self.block(p)?;
            let sp = b.span;
            return Ok(Box::new(Stmt { kind: StmtKind::Block(b), span: sp }));
        }
        Ok(Box::new(self.statement(p)?))
    }

    fn statement_kind(&self, p: P) -> R<StmtKind> {
        let sp = span(&p);
        let rule = p.as_rule();
        let mut it = p.into_inner();
        Ok(match rule {
            Rule::expr_stmt => StmtKind::Expr(self.expression(next(&mut it, sp)?)?),
            Rule::var_decl | Rule::field_decl | Rule::single_decl => StmtKind::VarDecl(self.var_decl_parts(sp, it)?),
            Rule::multi_decl => {
                let mut modifiers = Modifiers::default();
                let mut targets = Vec::new();
                let mut value = None;
                for c in it {
                    match c.as_rule() {
                        Rule::modifiers => modifiers = self.modifiers(c)?,
                        Rule::multi_target => targets.push(self.multi_target(c)?),
                        _ => value = Some(self.expression(c)?),
                    }
                }
                StmtKind::MultiAssign(MultiAssign { modifiers, targets, value: need(value, sp)? })
            }
            Rule::multi_assign => {
                let mut targets = Vec::new();
                let mut value = None;
                for c in it {
                    match c.as_rule() {
                        Rule::identifier => targets.push((None, ident(&c))),
                        _ => value = Some(self.expression(c)?),
                    }
                }
                StmtKind::MultiAssign(MultiAssign { modifiers: Modifiers::default(), targets, value: need(value, sp)? })
            }
            Rule::if_stmt => {
                it.next(); // if
                let cond = self.expression(next(&mut it, sp)?)?;
                let then = self.body(next(&mut it, sp)?)?;
                let otherwise = match it.next() {
                    Some(_else_kw) => Some(self.body(next(&mut it, sp)?)?),
                    None => None,
                };
                StmtKind::If { cond, then, otherwise }
            }
            Rule::while_stmt => {
                it.next();
                let cond = self.expression(next(&mut it, sp)?)?;
                let body = it.next().map(|b| self.body(b)).transpose()?;
                StmtKind::While { cond, body }
            }
            Rule::for_stmt => {
                it.next();
                let head = next(&mut it, sp)?;
                let body = it.next().map(|b| self.body(b)).transpose()?;
                if head.as_rule() == Rule::for_in {
                    let mut h = head.into_inner();
                    let var = self.for_var(next(&mut h, sp)?)?;
                    let mut iterable = None;
                    for c in h {
                        if matches!(c.as_rule(), Rule::expression | Rule::conditional) {
                            iterable = Some(self.expression(c)?);
                        }
                    }
                    StmtKind::ForIn { var, iterable: need(iterable, sp)?, body }
                } else {
                    let (mut init, mut cond, mut update) = (Vec::new(), None, Vec::new());
                    for c in head.into_inner() {
                        match c.as_rule() {
                            Rule::for_init => {
                                let i = next(&mut c.into_inner(), sp)?;
                                if i.as_rule() == Rule::expression {
                                    let e = self.expression(i)?;
                                    let s = e.span;
                                    init.push(Stmt { kind: StmtKind::Expr(e), span: s });
                                } else {
                                    init.push(self.statement(i)?);
                                }
                            }
                            Rule::expression => cond = Some(self.expression(c)?),
                            Rule::for_update => update.push(self.expression(next(&mut c.into_inner(), sp)?)?),
                            _ => {}
                        }
                    }
                    StmtKind::For { init, cond, update, body }
                }
            }
            Rule::switch_stmt => {
                it.next();
                let subject = self.expression(next(&mut it, sp)?)?;
                let mut cases = Vec::new();
                for group in it {
                    let gsp = span(&group);
                    let mut labels = Vec::new();
                    let mut body = Vec::new();
                    for c in group.into_inner() {
                        if c.as_rule() == Rule::case_label {
                            let mut l = c.into_inner();
                            let kw = next(&mut l, gsp)?;
                            labels.push(match kw.as_rule() {
                                Rule::kw_case => Some(self.expression(next(&mut l, gsp)?)?),
                                _ => None,
                            });
                        } else {
                            body.push(self.statement(c)?);
                        }
                    }
                    cases.push(Case { labels, body, span: gsp });
                }
                let defaults = cases.iter().flat_map(|c| c.labels.iter()).filter(|l| l.is_none()).count();
                if defaults > 1 {
                    return err(sp, "a switch statement can only have one default branch");
                }
                StmtKind::Switch { subject, cases }
            }
            Rule::try_stmt => {
                it.next();
                let body = self.block(next(&mut it, sp)?)?;
                let mut catches = Vec::new();
                let mut finally = None;
                for c in it {
                    let csp = span(&c);
                    match c.as_rule() {
                        Rule::catch_clause => {
                            let mut parts = c.into_inner();
                            parts.next(); // catch
                            let param = next(&mut parts, csp)?;
                            let body = self.block(next(&mut parts, csp)?)?;
                            let mut types = Vec::new();
                            let mut name = None;
                            for q in param.into_inner() {
                                match q.as_rule() {
                                    Rule::catch_types => {
                                        for t in q.into_inner() {
                                            types.push(self.ty(t)?);
                                        }
                                    }
                                    Rule::identifier => name = Some(ident(&q)),
                                    _ => {}
                                }
                            }
                            catches.push(Catch { types, name: need(name, csp)?, body, span: csp });
                        }
                        _ => {
                            let mut parts = c.into_inner();
                            parts.next(); // finally
                            finally = Some(self.block(next(&mut parts, csp)?)?);
                        }
                    }
                }
                StmtKind::Try { body, catches, finally }
            }
            Rule::return_stmt => {
                it.next();
                StmtKind::Return(it.next().map(|e| self.expression(e)).transpose()?)
            }
            Rule::break_stmt | Rule::continue_stmt => {
                it.next();
                let label = it.next().map(|l| ident(&l));
                if rule == Rule::break_stmt {
                    StmtKind::Break(label)
                } else {
                    StmtKind::Continue(label)
                }
            }
            Rule::throw_stmt => {
                it.next();
                StmtKind::Throw(self.expression(next(&mut it, sp)?)?)
            }
            Rule::assert_stmt => {
                it.next();
                let cond = self.expression(next(&mut it, sp)?)?;
                let message = it.next().map(|e| self.expression(e)).transpose()?;
                StmtKind::Assert { cond, message }
            }
            Rule::sync_stmt => {
                it.next();
                let lock = self.expression(next(&mut it, sp)?)?;
                StmtKind::Synchronized { lock, body: self.block(next(&mut it, sp)?)? }
            }
            Rule::labeled_stmt => {
                let label = ident(&next(&mut it, sp)?);
                StmtKind::Labeled { label, body: self.body(next(&mut it, sp)?)? }
            }
            Rule::block => StmtKind::Block(Block { statements: self.statements(it)?, span: sp }),
            Rule::ambiguous_block => {
                return err(
                    Span::new(sp.start as usize, sp.start as usize + 1),
                    "Ambiguous expression could be either a parameterless closure expression or an isolated \
                     open code block; solution: Add an explicit closure parameter list, e.g. {it -> ...}, or \
                     force it to be treated as an open block by giving it a label, e.g. L:{...}",
                )
            }
            Rule::local_def_error => {
                let is_class = it.any(|c| c.as_rule() == Rule::class_decl);
                let what = if is_class { "Class" } else { "Method" };
                return err(
                    sp,
                    format!("{what} definition not expected here. Please define the {} at an appropriate place or perhaps try using a block/Closure instead.", what.to_lowercase()),
                );
            }
            Rule::method_decl => StmtKind::Method(self.method(sp, it)?),
            Rule::class_decl => StmtKind::Class(self.class(sp, it)?),
            Rule::import_decl => {
                let mut imp =
                    Import { annotations: Vec::new(), is_static: false, path: String::new(), star: false, alias: None };
                for c in it {
                    match c.as_rule() {
                        Rule::annotation => imp.annotations.push(self.annotation(c)?),
                        Rule::import_static => imp.is_static = true,
                        Rule::qualified_name => imp.path = c.as_str().to_string(),
                        Rule::import_star => imp.star = true,
                        Rule::import_alias => imp.alias = c.into_inner().nth(1).map(|i| ident(&i)),
                        _ => {}
                    }
                }
                StmtKind::Import(imp)
            }
            other => return err(sp, format!("internal: unexpected statement rule {other:?}")),
        })
    }

    fn var_decl_parts(&self, sp: Span, it: Ps) -> R<VarDecl> {
        let mut d = VarDecl { modifiers: Modifiers::default(), ty: None, declarators: Vec::new(), span: sp };
        for c in it {
            match c.as_rule() {
                Rule::modifiers => d.modifiers = self.modifiers(c)?,
                Rule::decl_type => d.ty = Some(self.ty(c)?),
                Rule::var_decl => return self.var_decl_parts(span(&c), c.into_inner()),
                Rule::declarator => {
                    let dsp = span(&c);
                    let mut parts = c.into_inner();
                    let name = ident(&next(&mut parts, dsp)?);
                    if d.ty.is_none()
                        && parts.clone().any(|e| e.as_rule() == Rule::dims && !e.as_str().trim().is_empty())
                    {
                        return err(name.span, "`name[]` declares an array only after a type, e.g. `String args[]`");
                    }
                    // `String args[]`: C-style dimensions on the name are kept on the type.
                    let init =
                        parts.filter(|e| e.as_rule() != Rule::dims).map(|e| self.expression(e)).next().transpose()?;
                    d.declarators.push(Declarator { name, init, span: dsp });
                }
                _ => {}
            }
        }
        Ok(d)
    }

    fn multi_target(&self, p: P) -> R<(Option<Type>, Ident)> {
        let sp = span(&p);
        let mut ty = None;
        let mut name = None;
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::decl_type => ty = Some(self.ty(c)?),
                _ => name = Some(ident(&c)),
            }
        }
        Ok((ty, need(name, sp)?))
    }

    fn for_var(&self, p: P) -> R<ForVar> {
        let sp = span(&p);
        let mut v = ForVar { modifiers: Modifiers::default(), ty: None, name: Ident { name: String::new(), span: sp } };
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::modifiers => v.modifiers = self.modifiers(c)?,
                Rule::decl_type => v.ty = Some(self.ty(c)?),
                _ => v.name = ident(&c),
            }
        }
        Ok(v)
    }

    fn modifiers(&self, p: P) -> R<Modifiers> {
        let mut m = Modifiers::default();
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::annotation => m.annotations.push(self.annotation(c)?),
                _ => m.keywords.push(ident(&c)),
            }
        }
        Ok(m)
    }

    fn annotation(&self, p: P) -> R<Annotation> {
        let sp = span(&p);
        let mut a = Annotation { name: String::new(), args: Vec::new(), span: sp };
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::qualified_name => a.name = c.as_str().to_string(),
                Rule::annotation_args => {
                    for v in c.into_inner() {
                        match v.as_rule() {
                            Rule::annotation_pair => {
                                let vsp = span(&v);
                                let mut kv = v.into_inner();
                                let k = ident(&next(&mut kv, vsp)?);
                                a.args.push((Some(k), self.annotation_value(next(&mut kv, vsp)?)?));
                            }
                            _ => a.args.push((None, self.annotation_value(v)?)),
                        }
                    }
                }
                _ => {}
            }
        }
        Ok(a)
    }

    fn annotation_value(&self, p: P) -> R<Expr> {
        let sp = span(&p);
        let inner = next(&mut p.into_inner(), sp)?;
        if inner.as_rule() == Rule::annotation {
            // A nested annotation as a value is rare; keep its text as a string so nothing is lost.
            return Ok(expr(ExprKind::Str { value: self.intern(inner.as_str()), quote: Quote::Single }, sp));
        }
        self.expression(inner)
    }

    fn method(&self, sp: Span, it: Ps) -> R<MethodDecl> {
        let mut m = MethodDecl {
            modifiers: Modifiers::default(),
            type_params: Vec::new(),
            return_type: None,
            name: Ident { name: String::new(), span: sp },
            params: Vec::new(),
            throws: Vec::new(),
            body: None,
            span: sp,
        };
        for c in it {
            match c.as_rule() {
                Rule::modifiers => m.modifiers = self.modifiers(c)?,
                Rule::type_params => m.type_params = self.type_params(c)?,
                Rule::return_type => {
                    let t = next(&mut c.into_inner(), sp)?;
                    if t.as_rule() == Rule::decl_type {
                        m.return_type = Some(self.ty(t)?);
                    } else {
                        m.return_type = Some(Type { name: "void".into(), args: Vec::new(), dims: 0, span: span(&t) });
                    }
                }
                Rule::method_name | Rule::identifier => m.name = self.method_name(c)?,
                Rule::params => m.params = self.params(c)?,
                Rule::throws_clause => {
                    for t in c.into_inner().skip(1) {
                        m.throws.push(self.ty(t)?);
                    }
                }
                Rule::block => m.body = Some(self.block(c)?),
                _ => {}
            }
        }
        Ok(m)
    }

    fn method_name(&self, p: P) -> R<Ident> {
        let sp = span(&p);
        if p.as_rule() == Rule::identifier {
            return Ok(ident(&p));
        }
        let inner = next(&mut p.into_inner(), sp)?;
        if inner.as_rule() == Rule::identifier {
            return Ok(ident(&inner));
        }
        match self.primary(inner)?.kind {
            ExprKind::Str { value, .. } => Ok(Ident { name: value.to_string(), span: sp }),
            _ => err(sp, "a method name must be a plain string"),
        }
    }

    fn type_params(&self, p: P) -> R<Vec<TypeParam>> {
        let mut out = Vec::new();
        for tp in p.into_inner() {
            let sp = span(&tp);
            let mut parts = tp.into_inner();
            let name = ident(&next(&mut parts, sp)?);
            let mut bounds = Vec::new();
            for b in parts {
                if b.as_rule() == Rule::decl_type {
                    bounds.push(self.ty(b)?);
                }
            }
            out.push(TypeParam { name, bounds });
        }
        Ok(out)
    }

    fn params(&self, p: P) -> R<Vec<Param>> {
        p.into_inner().map(|q| self.param(q)).collect()
    }

    fn param(&self, p: P) -> R<Param> {
        let sp = span(&p);
        let mut q = Param {
            modifiers: Modifiers::default(),
            ty: None,
            varargs: false,
            name: Ident { name: String::new(), span: sp },
            default: None,
            span: sp,
        };
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::modifiers => q.modifiers = self.modifiers(c)?,
                Rule::param_type => q.ty = Some(self.ty(next(&mut c.into_inner(), sp)?)?),
                Rule::varargs => q.varargs = true,
                Rule::identifier => q.name = ident(&c),
                _ => q.default = Some(self.expression(c)?),
            }
        }
        Ok(q)
    }

    fn class(&self, sp: Span, it: Ps) -> R<ClassDecl> {
        let mut c = ClassDecl {
            kind: ClassKind::Class,
            modifiers: Modifiers::default(),
            name: Ident { name: String::new(), span: sp },
            type_params: Vec::new(),
            extends: Vec::new(),
            implements: Vec::new(),
            members: Vec::new(),
            span: sp,
        };
        let mut after = Rule::EOI;
        for p in it {
            match p.as_rule() {
                Rule::modifiers => c.modifiers = self.modifiers(p)?,
                Rule::class_kw => {
                    let k = next(&mut p.into_inner(), sp)?;
                    c.kind = match k.as_rule() {
                        Rule::kw_interface => ClassKind::Interface,
                        Rule::kw_enum => ClassKind::Enum,
                        Rule::kw_trait => ClassKind::Trait,
                        Rule::annotation_kw => ClassKind::Annotation,
                        _ => ClassKind::Class,
                    };
                }
                Rule::identifier => c.name = ident(&p),
                Rule::type_params => c.type_params = self.type_params(p)?,
                Rule::kw_extends | Rule::kw_implements => after = p.as_rule(),
                Rule::type_list => {
                    let types = p.into_inner().map(|t| self.ty(t)).collect::<R<Vec<_>>>()?;
                    if after == Rule::kw_extends {
                        c.extends = types;
                    } else {
                        c.implements = types;
                    }
                }
                Rule::class_body | Rule::enum_body => {
                    if p.as_rule() == Rule::enum_body && c.kind != ClassKind::Enum {
                        return err(span(&p), "unexpected token: only an enum starts its body with constants");
                    }
                    c.members = self.members(p)?;
                }
                _ => {}
            }
        }
        if c.kind == ClassKind::Class && c.extends.len() > 1 {
            return err(c.name.span, "a class can only extend one class (use `implements` for interfaces)");
        }
        if c.kind == ClassKind::Interface {
            for m in &c.members {
                if let Member::Method(MethodDecl { body: Some(_), name, .. }) = m {
                    return err(name.span, format!("the method `{}` of an interface cannot have a body", name.name));
                }
            }
        }
        Ok(c)
    }

    fn members(&self, body: P) -> R<Vec<Member>> {
        let mut out = Vec::new();
        for m in body.into_inner() {
            let sp = span(&m);
            match m.as_rule() {
                Rule::enum_constants => {
                    for k in m.into_inner() {
                        let ksp = span(&k);
                        let mut name = None;
                        let mut args = Vec::new();
                        let mut body = Vec::new();
                        for part in k.into_inner() {
                            match part.as_rule() {
                                Rule::identifier => name = Some(ident(&part)),
                                Rule::arguments => args = self.args(part)?,
                                Rule::class_body => body = self.members(part)?,
                                _ => {}
                            }
                        }
                        out.push(Member::EnumConstant { name: need(name, ksp)?, args, body });
                    }
                }
                Rule::class_decl => out.push(Member::Class(self.class(sp, m.into_inner())?)),
                Rule::initializer_block => {
                    let mut is_static = false;
                    let mut block = None;
                    for part in m.into_inner() {
                        match part.as_rule() {
                            Rule::kw_static => is_static = true,
                            _ => block = Some(self.block(part)?),
                        }
                    }
                    out.push(Member::Initializer { is_static, body: need(block, sp)? });
                }
                Rule::member_method => out.push(Member::Method(self.method(sp, m.into_inner())?)),
                Rule::constructor_decl => out.push(Member::Constructor(self.method(sp, m.into_inner())?)),
                Rule::field_decl => out.push(Member::Field(self.var_decl_parts(sp, m.into_inner())?)),
                _ => {}
            }
        }
        Ok(out)
    }

    // ---------------------------------------------------------------------------------------------
    // Types

    fn ty(&self, p: P) -> R<Type> {
        let sp = span(&p);
        let mut t = Type { name: String::new(), args: Vec::new(), dims: 0, span: sp };
        self.type_parts(p, &mut t)?;
        Ok(t)
    }

    fn type_parts(&self, p: P, t: &mut Type) -> R<()> {
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::primitive_type | Rule::name_part | Rule::upper_name => {
                    if !t.name.is_empty() {
                        t.name.push('.');
                    }
                    t.name.push_str(c.as_str());
                }
                Rule::dims => t.dims = c.as_str().matches('[').count() as u32,
                Rule::type_args => {
                    for a in c.into_inner() {
                        t.args.push(self.type_arg(a)?);
                    }
                }
                Rule::class_type | Rule::any_type | Rule::decl_type | Rule::any_type_no_dims => {
                    self.type_parts(c, t)?
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn type_arg(&self, p: P) -> R<Type> {
        let sp = span(&p);
        let mut t = Type { name: "?".into(), args: Vec::new(), dims: 0, span: sp };
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::any_type => {
                    let inner = self.ty(c)?;
                    if t.name == "?" && t.args.is_empty() {
                        t = inner;
                    } else {
                        t.args.push(inner);
                    }
                }
                Rule::kw_extends => t.name = "? extends".into(),
                Rule::kw_super => t.name = "? super".into(),
                _ => {}
            }
        }
        Ok(t)
    }

    // ---------------------------------------------------------------------------------------------
    // Expressions

    /// `expression`, `statement_expression` or `initializer`: a conditional, then an assignment or a
    /// command's arguments.
    pub(crate) fn expression(&self, p: P) -> R<Expr> {
        let sp = span(&p);
        match p.as_rule() {
            Rule::expression | Rule::statement_expression => {}
            _ => return self.primary_or_operand(p),
        }
        self.enter(sp)?;
        let result = self.expression_inner(p);
        self.leave();
        result
    }

    fn expression_inner(&self, p: P) -> R<Expr> {
        let sp = span(&p);
        let mut it = p.into_inner();
        let first = next(&mut it, sp)?;
        let head = if first.as_rule() == Rule::command_head {
            self.primary(next(&mut first.into_inner(), sp)?)?
        } else {
            self.conditional(first)?
        };
        let Some(rest) = it.next() else {
            return Ok(head);
        };
        match rest.as_rule() {
            Rule::assign_op => {
                let op = match rest.as_str() {
                    "+=" => AssignOp::Add,
                    "-=" => AssignOp::Sub,
                    "*=" => AssignOp::Mul,
                    "/=" => AssignOp::Div,
                    "%=" => AssignOp::Rem,
                    "**=" => AssignOp::Pow,
                    "<<=" => AssignOp::Shl,
                    ">>=" => AssignOp::Shr,
                    ">>>=" => AssignOp::Ushr,
                    "&=" => AssignOp::BitAnd,
                    "|=" => AssignOp::BitOr,
                    "^=" => AssignOp::BitXor,
                    _ => AssignOp::Assign,
                };
                let value = self.expression(next(&mut it, sp)?)?;
                if !matches!(
                    head.kind,
                    ExprKind::Var(_) | ExprKind::Property { .. } | ExprKind::Index { .. } | ExprKind::Paren(_)
                ) {
                    return err(head.span, "this cannot be assigned to: only a variable, a property or an element is");
                }
                Ok(expr(ExprKind::Assign { op, target: boxed(head), value: boxed(value) }, sp))
            }
            Rule::next_line_closures => {
                let mut cur = head;
                for c in rest.into_inner() {
                    let closure = self.closure(c)?;
                    cur = append_closure(cur, closure);
                }
                Ok(cur)
            }
            _ => self.command(head, rest, sp),
        }
    }

    /// `head args, ... [name args]...`: a command expression (`sh 'make'`, `git url: u, branch: b`).
    fn command(&self, head: Expr, tail: P, sp: Span) -> R<Expr> {
        let mut parts = tail.into_inner();
        let args = self.command_args(next(&mut parts, sp)?)?;
        let end = args_end(&args, head.span);
        let mut cur = match head.kind {
            ExprKind::Var(name) => expr(
                ExprKind::MethodCall {
                    object: None,
                    op: DotOp::Dot,
                    name: MemberName::Name(name),
                    args,
                    parens: false,
                },
                Span { start: head.span.start, end },
            ),
            ExprKind::Property { object, op, name } => expr(
                ExprKind::MethodCall { object: Some(object), op, name, args, parens: false },
                Span { start: head.span.start, end },
            ),
            // Any value written without an operator may head a command: `x = 1 y = 2` is
            // `x = 1.call(y = 2)`. An operator expression may not (`a - 24 b` is an error in Groovy).
            ExprKind::Binary { .. }
            | ExprKind::Unary { .. }
            | ExprKind::Ternary { .. }
            | ExprKind::Elvis { .. }
            | ExprKind::Assign { .. }
            | ExprKind::Cast { .. }
            | ExprKind::As { .. }
            | ExprKind::InstanceOf { .. }
            | ExprKind::Range { .. } => {
                let at = match args.first() {
                    Some(Arg::Positional(e)) => e.span,
                    Some(Arg::Named(m)) => m.span,
                    None => head.span,
                };
                return err(
                    at,
                    "unexpected token: only a name, a call or a value can take arguments without parentheses",
                );
            }
            _ => {
                let start = head.span.start;
                expr(ExprKind::Call { callee: boxed(head), args, parens: false }, Span { start, end })
            }
        };
        for chain in parts {
            let csp = span(&chain);
            let mut c = chain.into_inner();
            let name_pair = next(&mut c, csp)?;
            let name_end = name_pair.as_span().end() as u32;
            let name = match self.primary(next(&mut name_pair.into_inner(), csp)?)?.kind {
                ExprKind::Var(n) => n,
                ExprKind::Str { value, .. } => value.to_string(),
                _ => return err(csp, "unexpected token in a command chain"),
            };
            let start = cur.span.start;
            cur = expr(
                ExprKind::Property { object: boxed(cur), op: DotOp::Dot, name: MemberName::Name(name) },
                Span { start, end: name_end },
            );
            for s in c {
                cur = match s.as_rule() {
                    Rule::command_args => {
                        let args = self.command_args(s)?;
                        let end = args_end(&args, cur.span);
                        into_call(cur, args, false, end)
                    }
                    _ => self.selector(cur, s)?,
                };
            }
        }
        Ok(cur)
    }

    fn command_args(&self, p: P) -> R<Vec<Arg>> {
        p.into_inner().map(|a| self.arg(a)).collect()
    }

    fn conditional(&self, p: P) -> R<Expr> {
        let sp = span(&p);
        let pairs = p.into_inner();
        // The Pratt parser recurses once per prefix or right-associative operator, and every operator
        // deepens the tree: a bound keeps both within the stack.
        let count = pairs.clone().count();
        if count > 2 * MAX_CHAIN {
            return err(sp, format!("this expression has more than {MAX_CHAIN} operators; split it into smaller ones"));
        }
        if count == 1 {
            // No operator at all, the usual case: no need for the Pratt machinery.
            if let Some(only) = pairs.clone().next() {
                return self.unary_operand(only);
            }
        }
        pratt()
            .map_primary(|q| self.unary_operand(q))
            .map_prefix(|op, rhs| {
                let rhs = rhs?;
                let sp = join(span(&op), rhs.span);
                let kind = match op.as_rule() {
                    Rule::cast_op => {
                        let t = op.into_inner().next();
                        let ty = match t {
                            Some(t) if t.as_rule() == Rule::primitive_type => {
                                Type { name: t.as_str().to_string(), args: Vec::new(), dims: 0, span: span(&t) }
                            }
                            Some(t) => self.ty(t)?,
                            None => return err(sp, "expected a type in the cast"),
                        };
                        return Ok(expr(ExprKind::Cast { ty, expr: boxed(rhs) }, sp));
                    }
                    Rule::neg => UnaryOp::Neg,
                    Rule::pos => UnaryOp::Plus,
                    Rule::not => UnaryOp::Not,
                    Rule::bit_not => UnaryOp::BitNot,
                    Rule::pre_inc => UnaryOp::PreInc,
                    _ => UnaryOp::PreDec,
                };
                Ok(expr(ExprKind::Unary { op: kind, operand: boxed(rhs) }, sp))
            })
            .map_postfix(|lhs, op| {
                let lhs = lhs?;
                if is_relational(&lhs) {
                    return err(span(&op), format!("unexpected token: {}", first_word(op.as_str())));
                }
                let sp = join(lhs.span, span(&op));
                let is_as = op.as_rule() == Rule::as_op;
                let t = op.into_inner().nth(1);
                let ty = match t {
                    Some(t) => self.ty(t)?,
                    None => return err(sp, "expected a type"),
                };
                Ok(expr(
                    if is_as {
                        ExprKind::As { expr: boxed(lhs), ty }
                    } else {
                        ExprKind::InstanceOf { expr: boxed(lhs), ty }
                    },
                    sp,
                ))
            })
            .map_infix(|lhs, op, rhs| {
                let lhs = lhs?;
                let rhs = rhs?;
                let sp = join(lhs.span, rhs.span);
                let op_rule = op.as_rule();
                let binary = match op_rule {
                    Rule::ternary => {
                        let mid = self.expression(next(&mut op.into_inner(), sp)?)?;
                        return Ok(expr(
                            ExprKind::Ternary { cond: boxed(lhs), then: boxed(mid), otherwise: boxed(rhs) },
                            sp,
                        ));
                    }
                    Rule::elvis => return Ok(expr(ExprKind::Elvis { value: boxed(lhs), fallback: boxed(rhs) }, sp)),
                    Rule::range_incl | Rule::range_excl => {
                        let inclusive = op_rule == Rule::range_incl;
                        return Ok(expr(ExprKind::Range { from: boxed(lhs), to: boxed(rhs), inclusive }, sp));
                    }
                    Rule::lt | Rule::le | Rule::gt | Rule::ge | Rule::in_op if is_relational(&lhs) => {
                        return err(span(&op), format!("unexpected token: {}", op.as_str().trim()));
                    }
                    Rule::or => BinaryOp::Or,
                    Rule::and => BinaryOp::And,
                    Rule::bit_or => BinaryOp::BitOr,
                    Rule::bit_xor => BinaryOp::BitXor,
                    Rule::bit_and => BinaryOp::BitAnd,
                    Rule::regex_find => BinaryOp::RegexFind,
                    Rule::regex_match => BinaryOp::RegexMatch,
                    Rule::eq => BinaryOp::Eq,
                    Rule::identical => BinaryOp::Identical,
                    Rule::not_identical => BinaryOp::NotIdentical,
                    Rule::ne => BinaryOp::Ne,
                    Rule::compare => BinaryOp::Compare,
                    Rule::lt => BinaryOp::Lt,
                    Rule::le => BinaryOp::Le,
                    Rule::gt => BinaryOp::Gt,
                    Rule::ge => BinaryOp::Ge,
                    Rule::in_op => BinaryOp::In,
                    Rule::shl => BinaryOp::Shl,
                    Rule::shr => BinaryOp::Shr,
                    Rule::ushr => BinaryOp::Ushr,
                    Rule::add => BinaryOp::Add,
                    Rule::sub => BinaryOp::Sub,
                    Rule::mul => BinaryOp::Mul,
                    Rule::div => BinaryOp::Div,
                    Rule::rem => BinaryOp::Rem,
                    _ => BinaryOp::Pow,
                };
                Ok(expr(ExprKind::Binary { op: binary, lhs: boxed(lhs), rhs: boxed(rhs) }, sp))
            })
            .parse(pairs)
    }

    fn unary_operand(&self, p: P) -> R<Expr> {
        let sp = span(&p);
        let mut it = p.into_inner();
        if it.clone().count() > MAX_CHAIN {
            return err(sp, format!("this chain has more than {MAX_CHAIN} calls, members or indexes; split it up"));
        }
        let mut cur = self.primary(next(&mut it, sp)?)?;
        for s in it {
            if s.as_rule() == Rule::post_op {
                let op = if s.as_str() == "++" { UnaryOp::PostInc } else { UnaryOp::PostDec };
                let ssp = join(cur.span, span(&s));
                cur = expr(ExprKind::Unary { op, operand: boxed(cur) }, ssp);
            } else {
                cur = self.selector(cur, s)?;
            }
        }
        Ok(cur)
    }

    fn selector(&self, cur: Expr, s: P) -> R<Expr> {
        let sp = join(cur.span, span(&s));
        Ok(match s.as_rule() {
            Rule::member => {
                let mut it = s.into_inner().filter(|c| c.as_rule() != Rule::type_args);
                let dot = it.next().ok_or_else(|| SyntaxError::new(sp, "internal: a member without its dot"))?;
                let name = self.member_name(
                    it.next().ok_or_else(|| SyntaxError::new(sp, "internal: a member without its name"))?,
                )?;
                let op = match dot.as_str() {
                    "?." => DotOp::Safe,
                    "*." => DotOp::Spread,
                    "?.@" | "*.@" | ".@" => DotOp::Field,
                    ".&" => return Ok(expr(ExprKind::MethodRef { object: boxed(cur), name }, sp)),
                    _ => DotOp::Dot,
                };
                expr(ExprKind::Property { object: boxed(cur), op, name }, sp)
            }
            Rule::arguments => {
                let args = self.args(s)?;
                into_call(cur, args, true, sp.end)
            }
            Rule::appended_closure => append_closure(cur, self.closure(next(&mut s.into_inner(), sp)?)?),
            Rule::index => {
                let index = s.into_inner().map(|a| self.arg(a)).collect::<R<Vec<_>>>()?;
                expr(ExprKind::Index { object: boxed(cur), index }, sp)
            }
            other => return err(sp, format!("internal: unexpected selector {other:?}")),
        })
    }

    fn member_name(&self, p: P) -> R<MemberName> {
        let sp = span(&p);
        let inner = next(&mut p.into_inner(), sp)?;
        Ok(match inner.as_rule() {
            Rule::identifier | Rule::keyword_name => MemberName::Name(inner.as_str().to_string()),
            _ => match self.primary(inner)? {
                Expr { kind: ExprKind::Str { value, .. }, .. } => MemberName::Name(value.to_string()),
                e => MemberName::Dynamic(boxed(e)),
            },
        })
    }

    fn args(&self, p: P) -> R<Vec<Arg>> {
        p.into_inner().map(|a| self.arg(a)).collect()
    }

    fn arg(&self, a: P) -> R<Arg> {
        let sp = span(&a);
        Ok(match a.as_rule() {
            Rule::arg_entry => self.arg_entry(a)?,
            Rule::single_decl => Arg::Positional(self.primary(a)?),
            Rule::spread_map => Arg::Named(MapEntry {
                key: MapKey::Spread,
                value: self.expression(next(&mut a.into_inner(), sp)?)?,
                span: sp,
            }),
            Rule::spread => {
                Arg::Positional(expr(ExprKind::Spread(boxed(self.expression(next(&mut a.into_inner(), sp)?)?)), sp))
            }
            _ => Arg::Positional(self.expression(a)?),
        })
    }

    /// `value` or `label: value`; a label is a name (a string key), a string, a number or `(expr)`.
    fn arg_entry(&self, p: P) -> R<Arg> {
        let sp = span(&p);
        let mut it = p.into_inner();
        let first = next(&mut it, sp)?;
        let Some(value) = it.next() else { return Ok(Arg::Positional(self.expression(first)?)) };
        let key = if first.as_rule() == Rule::keyword_label {
            expr(ExprKind::Str { value: first.as_str().into(), quote: Quote::Single }, span(&first))
        } else {
            let first_text = first.as_str().trim().to_string();
            let e = self.expression(first)?;
            match e.kind {
                ExprKind::Var(name) => expr(ExprKind::Str { value: name.into(), quote: Quote::Single }, e.span),
                // Keywords are labels too (`[true: 1, this: 2]` has the keys "true" and "this").
                ExprKind::Bool(_) | ExprKind::Null | ExprKind::This | ExprKind::Super => {
                    expr(ExprKind::Str { value: first_text.into(), quote: Quote::Single }, e.span)
                }
                ExprKind::Str { .. } | ExprKind::GString { .. } | ExprKind::Number(_) | ExprKind::Paren(_) => e,
                _ => {
                    return err(
                        e.span,
                        "unexpected `:`: a key before `:` must be a name, a string, a number or an expression in parentheses",
                    )
                }
            }
        };
        let value = self.expression(value)?;
        Ok(Arg::Named(MapEntry { key: MapKey::Expr(key), value, span: sp }))
    }

    /// The silent alternatives of `operand` and `primary` reach here as their own rules.
    fn primary_or_operand(&self, p: P) -> R<Expr> {
        match p.as_rule() {
            Rule::conditional => self.conditional(p),
            Rule::unary_operand => self.unary_operand(p),
            _ => self.primary(p),
        }
    }

    fn primary(&self, p: P) -> R<Expr> {
        let sp = span(&p);
        Ok(match p.as_rule() {
            Rule::number => expr(ExprKind::Number(number(p.as_str())), sp),
            Rule::kw_true => expr(ExprKind::Bool(true), sp),
            Rule::kw_false => expr(ExprKind::Bool(false), sp),
            Rule::kw_null => expr(ExprKind::Null, sp),
            Rule::kw_this => expr(ExprKind::This, sp),
            Rule::kw_super => expr(ExprKind::Super, sp),
            Rule::identifier => expr(ExprKind::Var(p.as_str().to_string()), sp),
            Rule::string_lit | Rule::gstring_lit | Rule::slashy_lit | Rule::dollar_slashy_lit => self.string(p)?,
            Rule::paren_expr => {
                let inner = self.expression(next(&mut p.into_inner(), sp)?)?;
                expr(ExprKind::Paren(boxed(inner)), sp)
            }
            Rule::empty_map => expr(ExprKind::Map(Vec::new()), sp),
            Rule::list_lit => {
                let args = p.into_inner().map(|e| self.arg(e)).collect::<R<Vec<_>>>()?;
                let is_map = matches!(args.first(), Some(Arg::Named(_)));
                let mut items = Vec::new();
                let mut entries = Vec::new();
                for a in args {
                    match (a, is_map) {
                        (Arg::Positional(x), false) => items.push(x),
                        (Arg::Named(m), true) => entries.push(m),
                        (Arg::Positional(x), true) => return err(x.span, "expected `key: value`: this is a map"),
                        (Arg::Named(m), false) => return err(m.span, "unexpected `key: value`: this is a list"),
                    }
                }
                expr(if is_map { ExprKind::Map(entries) } else { ExprKind::List(items) }, sp)
            }
            Rule::closure => self.closure(p)?,
            Rule::new_expr => {
                let mut it = p.into_inner();
                it.next(); // new
                let ty = self.ty(next(&mut it, sp)?)?;
                let rest = next(&mut it, sp)?;
                if rest.as_rule() == Rule::array_dims {
                    let extra = rest.as_str().matches("[]").count() as u32;
                    let sizes = rest.into_inner().map(|e| self.expression(e)).collect::<R<Vec<_>>>()?;
                    expr(ExprKind::NewArray { ty, sizes, extra_dims: extra }, sp)
                } else {
                    let args = self.args(rest)?;
                    let body = it.next().map(|b| self.members(b)).transpose()?;
                    expr(ExprKind::New { ty, args, body }, sp)
                }
            }
            Rule::primitive_class => {
                let mut t = Type { name: String::new(), args: Vec::new(), dims: 0, span: sp };
                self.type_parts(p, &mut t)?;
                expr(ExprKind::ClassLiteral(t), sp)
            }
            Rule::expression | Rule::statement_expression => self.expression(p)?,
            Rule::single_decl => expr(ExprKind::Decl(Box::new(self.var_decl_parts(sp, p.into_inner())?)), sp),
            Rule::simple_value => self.primary(next(&mut p.into_inner(), sp)?)?,
            other => return err(sp, format!("internal: unexpected primary {other:?}")),
        })
    }

    fn closure(&self, p: P) -> R<Expr> {
        let sp = span(&p);
        self.enter(sp)?;
        let mut params = None;
        let mut body = Vec::new();
        for c in p.into_inner() {
            if c.as_rule() == Rule::closure_params {
                params = Some(c.into_inner().map(|q| self.param(q)).collect::<R<Vec<_>>>()?);
            } else {
                body.push(self.statement(c)?);
            }
        }
        self.leave();
        Ok(expr(ExprKind::Closure(std::sync::Arc::new(Closure { params, body })), sp))
    }

    fn string(&self, p: P) -> R<Expr> {
        let sp = span(&p);
        let outer = p.as_rule();
        let inner = match outer {
            Rule::string_lit | Rule::gstring_lit => next(&mut p.into_inner(), sp)?,
            _ => p,
        };
        let quote = match inner.as_rule() {
            Rule::sq_string => Quote::Single,
            Rule::sq3_string => Quote::TripleSingle,
            Rule::dq_string => Quote::Double,
            Rule::dq3_string => Quote::TripleDouble,
            Rule::slashy_lit => Quote::Slashy,
            _ => Quote::DollarSlashy,
        };
        let mut parts: Vec<GStringPart> = Vec::new();
        let mut text = String::new();
        // Where the text run now in `text` started and ended.
        let mut run = Span::default();
        for c in inner.into_inner() {
            if !matches!(c.as_rule(), Rule::interp_path | Rule::interp_block) {
                let csp = raw_span(&c);
                run = if text.is_empty() { csp } else { join(run, csp) };
            }
            match c.as_rule() {
                Rule::sq_part | Rule::dq_part => {
                    if let Some(at) = c.as_str().find(['\n', '\r']) {
                        let at = c.as_span().start() + at;
                        let q = if c.as_rule() == Rule::sq_part { "'" } else { "\"" };
                        return Err(SyntaxError::new(
                            Span::new(at, at + 1),
                            format!("a {q}...{q} string must end on the line where it starts; for several lines use {q}{q}{q}...{q}{q}{q}"),
                        ));
                    }
                    text.push_str(c.as_str())
                }
                Rule::sq3_part | Rule::dq3_part | Rule::slashy_part => text.push_str(c.as_str()),
                Rule::escape => unescape(c.as_str(), &mut text),
                Rule::slashy_backslash => text.push_str(if c.as_str() == "\\/" { "/" } else { "\\" }),
                Rule::slashy_dollar | Rule::dollar_slashy_dollar | Rule::dollar_slashy_part => {
                    text.push_str(c.as_str())
                }
                Rule::dollar_slashy_escape => text.push_str(&c.as_str()[1..]),
                Rule::interp_path | Rule::interp_block => {
                    if !text.is_empty() {
                        parts.push(GStringPart::Text { value: std::mem::take(&mut text).into(), span: run });
                    }
                    parts.push(GStringPart::Expr(self.interpolation(c)?));
                }
                _ => {}
            }
        }
        if parts.is_empty() {
            return Ok(expr(ExprKind::Str { value: self.intern(&text), quote }, sp));
        }
        if !text.is_empty() {
            parts.push(GStringPart::Text { value: text.into(), span: run });
        }
        Ok(expr(ExprKind::GString { parts, quote }, sp))
    }

    fn interpolation(&self, p: P) -> R<Expr> {
        let sp = span(&p);
        if p.as_rule() == Rule::interp_path {
            let mut it = p.into_inner();
            let first = next(&mut it, sp)?;
            let kind = if first.as_rule() == Rule::kw_this {
                ExprKind::This
            } else {
                ExprKind::Var(first.as_str().to_string())
            };
            let mut cur = expr(kind, span(&first));
            for prop in it {
                let psp = join(cur.span, span(&prop));
                cur = expr(
                    ExprKind::Property {
                        object: boxed(cur),
                        op: DotOp::Dot,
                        name: MemberName::Name(prop.as_str().to_string()),
                    },
                    psp,
                );
            }
            return Ok(cur);
        }
        let mut params = None;
        let mut body = Vec::new();
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::closure_params => params = Some(c.into_inner().map(|q| self.param(q)).collect::<R<Vec<_>>>()?),
                Rule::expression => return self.expression(c),
                _ => body.push(self.statement(c)?),
            }
        }
        if params.is_none() {
            match body.len() {
                0 => return Ok(expr(ExprKind::Null, sp)),
                1 if matches!(body[0].kind, StmtKind::Expr(_)) => {
                    if let Some(Stmt { kind: StmtKind::Expr(e), .. }) = body.pop() {
                        return Ok(e);
                    }
                }
                _ => {}
            }
        }
        Ok(expr(ExprKind::Closure(std::sync::Arc::new(Closure { params, body })), sp))
    }
}

fn first_word(s: &str) -> &str {
    s.split_whitespace().next().unwrap_or(s)
}

fn args_end(args: &[Arg], fallback: Span) -> u32 {
    match args.last() {
        Some(Arg::Positional(e)) => e.span.end,
        Some(Arg::Named(m)) => m.span.end,
        None => fallback.end,
    }
}

/// `foo(a) { }` is `foo(a, { })`; `foo { }` is `foo({ })`.
fn append_closure(cur: Expr, closure: Expr) -> Expr {
    let sp = join(cur.span, closure.span);
    match cur.kind {
        ExprKind::MethodCall { object, op, name, mut args, parens: true } => {
            args.push(Arg::Positional(closure));
            expr(ExprKind::MethodCall { object, op, name, args, parens: true }, sp)
        }
        ExprKind::Call { callee, mut args, parens: true } => {
            args.push(Arg::Positional(closure));
            expr(ExprKind::Call { callee, args, parens: true }, sp)
        }
        _ => into_call(cur, vec![Arg::Positional(closure)], true, sp.end),
    }
}

/// `x(args)`: a method call when `x` names a method (`foo`, `obj.foo`), else a call of the value.
fn into_call(cur: Expr, args: Vec<Arg>, parens: bool, end: u32) -> Expr {
    let sp = Span { start: cur.span.start, end };
    match cur.kind {
        ExprKind::Var(name) => {
            expr(ExprKind::MethodCall { object: None, op: DotOp::Dot, name: MemberName::Name(name), args, parens }, sp)
        }
        ExprKind::Property { object, op, name } => {
            expr(ExprKind::MethodCall { object: Some(object), op, name, args, parens }, sp)
        }
        _ => expr(ExprKind::Call { callee: boxed(cur), args, parens }, sp),
    }
}

fn ident(p: &P) -> Ident {
    Ident { name: p.as_str().to_string(), span: span(p) }
}

fn next<'i>(it: &mut Pairs<'i, Rule>, sp: Span) -> R<P<'i>> {
    match it.next() {
        Some(p) => Ok(p),
        None => err(sp, "internal: the parse tree is missing a part"),
    }
}

fn need<T>(v: Option<T>, sp: Span) -> R<T> {
    match v {
        Some(v) => Ok(v),
        None => err(sp, "internal: the parse tree is missing a part"),
    }
}

fn number(text: &str) -> Number {
    let lower = text.to_ascii_lowercase();
    let (radix, body) = if let Some(rest) = lower.strip_prefix("0x") {
        (16, rest)
    } else if let Some(rest) = lower.strip_prefix("0b") {
        (2, rest)
    } else {
        (10, &lower[..])
    };
    let last = body.chars().last();
    let suffix = match (radix, last) {
        (16, Some(c @ ('l' | 'i' | 'g'))) => Some(c),
        (16, _) => None,
        (_, Some(c @ ('l' | 'i' | 'g' | 'f' | 'd'))) => Some(c),
        _ => None,
    };
    let digits = match suffix {
        Some(_) => &body[..body.len() - 1],
        None => body,
    };
    let decimal = radix == 10 && (digits.contains('.') || digits.contains('e'));
    let radix = if radix == 10 && !decimal && digits.len() > 1 && digits.starts_with('0') { 8 } else { radix };
    let int = if radix == 10 && !decimal && suffix.is_none() { text.parse::<i32>().ok() } else { None };
    Number { text: text.to_string(), radix, decimal, suffix: text.chars().last().filter(|_| suffix.is_some()), int }
}

/// Groovy's escapes in quoted strings; a backslash before a newline joins the lines.
fn unescape(s: &str, out: &mut String) {
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('b') => out.push('\u{8}'),
            Some('f') => out.push('\u{c}'),
            Some('u') => {
                let hex: String = (0..4).filter_map(|_| chars.next()).collect();
                if let Some(ch) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                    out.push(ch);
                }
            }
            Some(d @ '0'..='7') => {
                let mut v = d.to_digit(8).unwrap_or(0);
                let max = if d <= '3' { 2 } else { 1 };
                for _ in 0..max {
                    match chars.peek().and_then(|c| c.to_digit(8)) {
                        Some(x) => {
                            v = v * 8 + x;
                            chars.next();
                        }
                        None => break,
                    }
                }
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            }
            Some('\r') => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
            }
            Some('\n') | None => {}
            Some(other) => out.push(other),
        }
    }
}
