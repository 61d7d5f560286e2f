//! The pest parser generated from `grammar/groovy.pest`. Its pairs never leave `syntax/`.

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/groovy.pest"]
pub(crate) struct GroovyParser;
