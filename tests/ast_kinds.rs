//! `fixtures/parse/all_kinds.groovy` holds at least one of every syntax tree node kind. Its tree is kept as
//! a reviewed snapshot, and a walk over its JSON checks that no variant has gone missing from the fixture
//! (or from the parser's output).

use std::collections::BTreeSet;

use serde_json::Value;

const FIXTURE: &str = include_str!("../fixtures/parse/all_kinds.groovy");

fn tree() -> Value {
    let script = jeeves::syntax::parse(FIXTURE).unwrap_or_else(|e| panic!("all_kinds.groovy must parse: {e:?}"));
    serde_json::to_value(script).expect("the tree serializes")
}

#[test]
fn all_kinds_tree() {
    insta::assert_json_snapshot!(tree());
}

/// Where each enum shows up in the JSON (serde's externally tagged form) and its variants.
/// `field:Variant` is a variant with data, an object `{"Variant": ...}` under `field`; `field=Variant` is a
/// unit variant, the string "Variant" under `field`; `Owner.field=Variant` is that string inside the
/// `Owner` variant, which tells `Binary.op=Add` from `Assign.op=Add`.
const EXPECTED: &[(&str, &str, &[&str])] = &[
    (
        "StmtKind",
        "kind:",
        &[
            "Expr",
            "VarDecl",
            "MultiAssign",
            "If",
            "While",
            "ForIn",
            "For",
            "Switch",
            "Try",
            "Return",
            "Break",
            "Continue",
            "Throw",
            "Assert",
            "Synchronized",
            "Labeled",
            "Block",
            "Method",
            "Class",
            "Import",
        ],
    ),
    ("ExprKind (unit)", "kind=", &["Null", "This", "Super"]),
    (
        "ExprKind",
        "kind:",
        &[
            "Bool",
            "Number",
            "Str",
            "GString",
            "Var",
            "List",
            "Map",
            "Range",
            "Closure",
            "Paren",
            "Property",
            "MethodRef",
            "MethodCall",
            "Call",
            "Index",
            "Unary",
            "Binary",
            "Assign",
            "Ternary",
            "Elvis",
            "Cast",
            "As",
            "InstanceOf",
            "New",
            "NewArray",
            "Spread",
            "ClassLiteral",
        ],
    ),
    ("Member", "members:", &["Field", "Method", "Constructor", "Class", "Initializer", "EnumConstant"]),
    ("GStringPart", "parts:", &["Text", "Expr"]),
    ("MapKey", "key:", &["Expr"]),
    ("MapKey (unit)", "key=", &["Spread"]),
    ("Arg", "args:", &["Positional", "Named"]),
    ("MemberName", "name:", &["Name", "Dynamic"]),
    ("DotOp", "Property.op=", &["Dot", "Safe", "Spread", "Field"]),
    ("UnaryOp", "Unary.op=", &["Neg", "Plus", "Not", "BitNot", "PreInc", "PreDec", "PostInc", "PostDec"]),
    (
        "BinaryOp",
        "Binary.op=",
        &[
            "Or",
            "And",
            "BitOr",
            "BitXor",
            "BitAnd",
            "RegexFind",
            "RegexMatch",
            "Eq",
            "Ne",
            "Identical",
            "NotIdentical",
            "Compare",
            "Lt",
            "Le",
            "Gt",
            "Ge",
            "In",
            "Shl",
            "Shr",
            "Ushr",
            "Add",
            "Sub",
            "Mul",
            "Div",
            "Rem",
            "Pow",
        ],
    ),
    (
        "AssignOp",
        "Assign.op=",
        &["Assign", "Add", "Sub", "Mul", "Div", "Rem", "Pow", "Shl", "Shr", "Ushr", "BitAnd", "BitOr", "BitXor"],
    ),
    ("ClassKind", "kind=", &["Class", "Interface", "Enum", "Trait", "Annotation"]),
    ("Quote", "quote=", &["Single", "TripleSingle", "Double", "TripleDouble", "Slashy", "DollarSlashy"]),
];

#[test]
fn all_kinds_has_every_variant() {
    let mut seen = BTreeSet::new();
    walk("", "", &tree(), &mut seen);
    let mut missing = Vec::new();
    for (enum_name, at, variants) in EXPECTED {
        for variant in *variants {
            if !seen.contains(&format!("{at}{variant}")) {
                missing.push(format!("{enum_name}::{variant}"));
            }
        }
    }
    assert!(missing.is_empty(), "all_kinds.groovy has no {missing:?}");
}

/// Collects `field:Variant`, `field=Variant` and `Owner.field=Variant` tags (see [`EXPECTED`]).
fn walk(owner: &str, field: &str, value: &Value, seen: &mut BTreeSet<String>) {
    match value {
        Value::String(s) => {
            seen.insert(format!("{field}={s}"));
            seen.insert(format!("{owner}.{field}={s}"));
        }
        Value::Array(items) => items.iter().for_each(|item| walk(owner, field, item, seen)),
        Value::Object(map) => match map.iter().next() {
            Some((variant, inner)) if map.len() == 1 && variant.starts_with(char::is_uppercase) => {
                seen.insert(format!("{field}:{variant}"));
                walk(variant, variant, inner, seen);
            }
            _ => map.iter().for_each(|(key, inner)| walk(owner, key, inner, seen)),
        },
        _ => {}
    }
}
