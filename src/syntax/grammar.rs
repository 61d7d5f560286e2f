//! The pest parsers generated from `grammar/`. Their pairs never leave `syntax/`.
//!
//! Two parsers share `grammar/groovy.pest`: the fast one adds the guards of `grammar/guards.pest` and
//! does every parse; the plain one (`guards_plain.pest`, guards that let everything through) runs only
//! after a parse failed, so that pest's furthest position and its list of expected tokens describe the
//! grammar itself, not a guard's look-ahead.

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/groovy.pest"]
#[grammar = "../grammar/guards.pest"]
pub(crate) struct GroovyParser;

pub(crate) mod plain {
    #[derive(pest_derive::Parser)]
    #[grammar = "../grammar/groovy.pest"]
    #[grammar = "../grammar/guards_plain.pest"]
    pub(crate) struct GroovyPlainParser;
}
