//! `load`: reads a Groovy file from the workspace and runs it as a script of its own (`Script1`, ...),
//! sharing the build's binding; its value (usually `this`) lets the pipeline call the file's methods.

use std::sync::Arc;

use super::{PipelineHost, Step, StepArgs};
use crate::interp::error::{throw, Origin};
use crate::interp::{Eval, Interp};

pub const LOAD: Step = Step { name: "load", params: &["path"], block: false, run: load };

fn load(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    host.pipeline("load");
    let given = args.str("path").unwrap_or_default();
    let path = super::files::confined(host, interp, &given, "load")?;
    let bytes = std::fs::read(&path).map_err(|e| super::files::io(e, &path))?;
    let source = String::from_utf8_lossy(&bytes).into_owned();
    let class = interp.shared.next_load();
    let file = path.display().to_string();
    let script = match crate::syntax::parse(&source) {
        Ok(s) => Arc::new(s),
        Err(e) => {
            // As Groovy reports a script that does not compile.
            let (line, col) = crate::syntax::LineIndex::new(&source).line_col(e.span.start as usize);
            let t = throw(
                "org.codehaus.groovy.control.MultipleCompilationErrorsException",
                format!(
                    "startup failed:\n{class}.groovy: {line}: {} @ line {line}, column {col}.\n1 error\n",
                    e.message
                ),
            );
            if let crate::interp::Flow::Throw(t) = &t {
                t.set_span(e.span);
                t.set_origin(Origin { class, file: Arc::from(file.as_str()), source: Arc::from(source.as_str()) });
            }
            return Err(t);
        }
    };
    host.pipeline(&format!("{{ ({given})"));
    let r = interp.load(class, script, &file, &source);
    host.pipeline("}");
    host.pipeline("// load");
    r
}
