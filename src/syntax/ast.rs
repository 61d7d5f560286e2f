//! The syntax tree of a Groovy script: jeeves' own types, with a byte span on every node.
//!
//! Not for: meaning. Nothing here knows about steps, Jenkins or evaluation; `pipeline/` and `interp/`
//! give the tree its meaning.

use serde::Serialize;

/// A byte range in the source; [`super::LineIndex`] turns its ends into lines and columns.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start: start as u32, end: end as u32 }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Script {
    pub shebang: Option<Span>,
    pub package: Option<Package>,
    pub statements: Vec<Stmt>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Package {
    pub annotations: Vec<Annotation>,
    pub name: String,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum StmtKind {
    Expr(Expr),
    VarDecl(VarDecl),
    /// `def (a, b) = expr`, or `(a, b) = expr` when `modifiers` is empty and the names are not declared.
    MultiAssign(MultiAssign),
    If {
        cond: Expr,
        then: Box<Stmt>,
        otherwise: Option<Box<Stmt>>,
    },
    While {
        cond: Expr,
        body: Option<Box<Stmt>>,
    },
    ForIn {
        var: ForVar,
        iterable: Expr,
        body: Option<Box<Stmt>>,
    },
    For {
        init: Vec<Stmt>,
        cond: Option<Expr>,
        update: Vec<Expr>,
        body: Option<Box<Stmt>>,
    },
    Switch {
        subject: Expr,
        cases: Vec<Case>,
    },
    Try {
        body: Block,
        catches: Vec<Catch>,
        finally: Option<Block>,
    },
    Return(Option<Expr>),
    Break(Option<Ident>),
    Continue(Option<Ident>),
    Throw(Expr),
    Assert {
        cond: Expr,
        message: Option<Expr>,
    },
    Synchronized {
        lock: Expr,
        body: Block,
    },
    Labeled {
        label: Ident,
        body: Box<Stmt>,
    },
    Block(Block),
    Method(MethodDecl),
    Class(ClassDecl),
    Import(Import),
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Block {
    pub statements: Vec<Stmt>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct VarDecl {
    pub modifiers: Modifiers,
    pub ty: Option<Type>,
    pub declarators: Vec<Declarator>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Declarator {
    pub name: Ident,
    pub init: Option<Expr>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MultiAssign {
    pub modifiers: Modifiers,
    pub targets: Vec<(Option<Type>, Ident)>,
    pub value: Expr,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Modifiers {
    pub annotations: Vec<Annotation>,
    /// `def`, `final`, `static`, `private`, ... in source order.
    pub keywords: Vec<Ident>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Annotation {
    pub name: String,
    /// `@A(x)` has one unnamed value; `@A(k = v, ...)` named ones.
    pub args: Vec<(Option<Ident>, Expr)>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ForVar {
    pub modifiers: Modifiers,
    pub ty: Option<Type>,
    pub name: Ident,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Case {
    /// One entry per `case x:` label; `None` is `default:`.
    pub labels: Vec<Option<Expr>>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Catch {
    pub types: Vec<Type>,
    pub name: Ident,
    pub body: Block,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MethodDecl {
    pub modifiers: Modifiers,
    pub type_params: Vec<TypeParam>,
    /// None for `def` (or a constructor).
    pub return_type: Option<Type>,
    pub name: Ident,
    pub params: Vec<Param>,
    pub throws: Vec<Type>,
    /// None for an abstract or interface method.
    pub body: Option<Block>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Param {
    pub modifiers: Modifiers,
    pub ty: Option<Type>,
    pub varargs: bool,
    pub name: Ident,
    pub default: Option<Expr>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum ClassKind {
    Class,
    Interface,
    Enum,
    Trait,
    Annotation,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClassDecl {
    pub kind: ClassKind,
    pub modifiers: Modifiers,
    pub name: Ident,
    pub type_params: Vec<TypeParam>,
    pub extends: Vec<Type>,
    pub implements: Vec<Type>,
    pub members: Vec<Member>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Member {
    Field(VarDecl),
    Method(MethodDecl),
    Constructor(MethodDecl),
    Class(ClassDecl),
    Initializer { is_static: bool, body: Block },
    EnumConstant { name: Ident, args: Vec<Arg>, body: Vec<Member> },
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TypeParam {
    pub name: Ident,
    pub bounds: Vec<Type>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Import {
    pub annotations: Vec<Annotation>,
    pub is_static: bool,
    pub path: String,
    pub star: bool,
    pub alias: Option<Ident>,
}

/// A type as written: `String`, `java.util.List<String>`, `int[]`, `? extends Foo`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Type {
    pub name: String,
    pub args: Vec<Type>,
    pub dims: u32,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum ExprKind {
    Null,
    Bool(bool),
    Number(Number),
    /// A string with nothing interpolated: `'a'`, `"a"`, `'''a'''`, `/a/`.
    Str {
        /// Shared so that evaluating the literal does not copy it.
        value: std::sync::Arc<str>,
        quote: Quote,
    },
    /// A string with `$x` or `${...}` in it.
    GString {
        parts: Vec<GStringPart>,
        quote: Quote,
    },
    Var(String),
    This,
    Super,
    List(Vec<Expr>),
    Map(Vec<MapEntry>),
    Range {
        from: Box<Expr>,
        to: Box<Expr>,
        inclusive: bool,
    },
    Closure(std::sync::Arc<Closure>),
    Paren(Box<Expr>),
    /// `obj.name`, `obj?.name`, `obj*.name`, `obj.@name`.
    Property {
        object: Box<Expr>,
        op: DotOp,
        name: MemberName,
    },
    /// `obj.&name`
    MethodRef {
        object: Box<Expr>,
        name: MemberName,
    },
    /// `name(args)` (no object: the script or closure owner) or `obj.name(args)`. `parens` is false for
    /// a command expression (`sh 'make'`); a trailing closure is the last argument.
    MethodCall {
        object: Option<Box<Expr>>,
        op: DotOp,
        name: MemberName,
        args: Vec<Arg>,
        parens: bool,
    },
    /// Calling a value: `closures[0](1)`, `(c)(1)`, `f(1)(2)`.
    Call {
        callee: Box<Expr>,
        args: Vec<Arg>,
        parens: bool,
    },
    Index {
        object: Box<Expr>,
        index: Vec<Arg>,
    },
    Unary {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    Binary {
        op: BinaryOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    Assign {
        op: AssignOp,
        target: Box<Expr>,
        value: Box<Expr>,
    },
    Ternary {
        cond: Box<Expr>,
        then: Box<Expr>,
        otherwise: Box<Expr>,
    },
    Elvis {
        value: Box<Expr>,
        fallback: Box<Expr>,
    },
    Cast {
        ty: Type,
        expr: Box<Expr>,
    },
    As {
        expr: Box<Expr>,
        ty: Type,
    },
    InstanceOf {
        expr: Box<Expr>,
        ty: Type,
    },
    New {
        ty: Type,
        args: Vec<Arg>,
        body: Option<Vec<Member>>,
    },
    NewArray {
        ty: Type,
        sizes: Vec<Expr>,
        extra_dims: u32,
    },
    /// `*list` in a list literal or argument list.
    Spread(Box<Expr>),
    /// `int.class`-style class literals of primitive types.
    ClassLiteral(Type),
    /// A declaration where a value stands: `foo(String s = 'x')`, `(Foo f)`. Groovy's parser takes it.
    Decl(Box<VarDecl>),
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Number {
    /// The literal as written, underscores and suffix included.
    pub text: String,
    pub radix: u32,
    /// Has a fraction or exponent.
    pub decimal: bool,
    pub suffix: Option<char>,
    /// The value when it is a plain decimal `int` literal (most are), so evaluation need not parse.
    #[serde(skip)]
    pub int: Option<i32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Quote {
    Single,
    TripleSingle,
    Double,
    TripleDouble,
    Slashy,
    DollarSlashy,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum GStringPart {
    /// Text with its escapes resolved; the span covers it as written.
    Text { value: std::sync::Arc<str>, span: Span },
    /// `$a.b` or `${expr}`; `${ -> x }` is a closure.
    Expr(Expr),
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MapEntry {
    pub key: MapKey,
    pub value: Expr,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum MapKey {
    /// `a:` and `'a':` give a string key; `(expr):` an evaluated one.
    Expr(Expr),
    /// `*:map`
    Spread,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Arg {
    Positional(Expr),
    Named(MapEntry),
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Closure {
    /// None when the closure declares no parameter list (it then has the implicit `it`).
    pub params: Option<Vec<Param>>,
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum MemberName {
    Name(String),
    /// `obj."$name"` or `obj.(expr)`
    Dynamic(Box<Expr>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum DotOp {
    Dot,
    Safe,
    Spread,
    /// `.@` direct field access (also `?.@`, `*.@`).
    Field,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum UnaryOp {
    Neg,
    Plus,
    Not,
    BitNot,
    PreInc,
    PreDec,
    PostInc,
    PostDec,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum BinaryOp {
    Or,
    And,
    BitOr,
    BitXor,
    BitAnd,
    RegexFind,
    RegexMatch,
    Eq,
    Ne,
    /// `===` and `!==`: Groovy 2.4's parser takes them (they fail only when compiled further).
    Identical,
    NotIdentical,
    Compare,
    Lt,
    Le,
    Gt,
    Ge,
    In,
    Shl,
    Shr,
    Ushr,
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    Pow,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum AssignOp {
    Assign,
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    Pow,
    Shl,
    Shr,
    Ushr,
    BitAnd,
    BitOr,
    BitXor,
}
