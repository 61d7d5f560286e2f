//! The lint rules, one file each (a file may hold a family sharing one reading, like the declarative
//! validator's). Codes are stable: a retired rule's code is never reused.

mod binding_leak;
mod cron;
mod declarative;
mod input_timeout;
mod library_pin;
mod secrets;
mod sh_outside_node;
mod step_calls;
mod syntax;
mod unreachable;
mod unused;

pub use step_calls::defined_names;

use super::Rule;

pub static ALL: &[Rule] = &[
    syntax::RULE,
    declarative::MISSING,
    declarative::UNKNOWN_SECTION,
    declarative::STAGE_STRUCTURE,
    declarative::DUPLICATE,
    declarative::AGENT,
    declarative::ENVIRONMENT,
    declarative::WHEN,
    declarative::DIRECTIVE,
    declarative::BLOCKED_STEP,
    declarative::MATRIX,
    cron::RULE,
    declarative::POST,
    step_calls::UNKNOWN_STEP,
    step_calls::UNKNOWN_PARAMETER,
    step_calls::MISSING_PARAMETER,
    step_calls::WRONG_TYPE,
    secrets::RULE,
    input_timeout::RULE,
    sh_outside_node::RULE,
    binding_leak::RULE,
    library_pin::RULE,
    unused::RULE,
    unreachable::RULE,
];

/// Info-level rules that only run when `[lint] enable` names them (JV035: programs read environment
/// variables that no file shows, so "unused" is too often wrong to show unasked).
pub const OFF_BY_DEFAULT: &[&str] = &["JV035"];
