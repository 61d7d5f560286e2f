//! How Groovy code stops early: exceptions (Java's and the pipeline's) and the jumps `return`, `break` and
//! `continue`, all carried by one `Flow` through the evaluator.
//!
//! Not for: syntax errors (`syntax/`) or how a failed build is reported (`build/`).

use std::sync::Arc;

use super::value::Value;
use crate::syntax::ast::Span;

/// Why evaluation left the normal path.
#[derive(Clone)]
pub enum Flow {
    Throw(Arc<Throwable>),
    Return(Value),
    Break(Option<String>),
    Continue(Option<String>),
}

pub type Eval<T = Value> = Result<T, Flow>;

/// What kind of failure a throwable stands for in the pipeline, beyond its Java class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Signal {
    /// An ordinary exception: the build fails and its stack trace is printed.
    Exception,
    /// A step failed in the expected way (`error`, a failing `sh`): the build fails with `ERROR: message`.
    StepFailed,
    /// The build was interrupted (timeout, abort, failFast): it ends ABORTED.
    Aborted,
}

/// A script read by `load`, where an exception was thrown.
#[derive(Clone)]
pub struct Origin {
    /// `Script1`, `Script2`, ...
    pub class: Arc<str>,
    pub file: Arc<str>,
    pub source: Arc<str>,
}

#[derive(Clone)]
pub struct Throwable {
    /// The Java class, e.g. `java.lang.NullPointerException`.
    pub class: Arc<str>,
    pub message: Option<String>,
    pub signal: Signal,
    /// Where it was first thrown (for the `at WorkflowScript.run(WorkflowScript:LINE)` line and
    /// diagnostics); set once, so a rethrown exception stays the same object.
    span: std::sync::OnceLock<Span>,
    /// The loaded script (`load`) the span is in; unset for the Jenkinsfile.
    origin: std::sync::OnceLock<Origin>,
    pub cause: Option<Arc<Throwable>>,
    /// Extra properties: `property` of a MissingPropertyException, `method`/`arguments` of a
    /// MissingMethodException, `type` of both.
    pub props: Vec<(&'static str, Value)>,
}

impl Throwable {
    pub fn new(class: &str, message: impl Into<Option<String>>) -> Throwable {
        Throwable {
            class: Arc::from(class),
            message: message.into(),
            signal: Signal::Exception,
            span: std::sync::OnceLock::new(),
            origin: std::sync::OnceLock::new(),
            cause: None,
            props: Vec::new(),
        }
    }

    pub fn span(&self) -> Option<Span> {
        self.span.get().copied()
    }

    /// Records where it was thrown, unless that is known already; true when it was not.
    pub fn set_span(&self, span: Span) -> bool {
        self.span.set(span).is_ok()
    }

    /// Records the loaded script the span is in.
    pub fn set_origin(&self, origin: Origin) {
        let _ = self.origin.set(origin);
    }

    /// The loaded script it was thrown in; None for the Jenkinsfile.
    pub fn origin(&self) -> Option<&Origin> {
        self.origin.get()
    }

    /// `getMessage()` as Java gives it: a FlowInterruptedException (abort, timeout, rejected input) has
    /// none; its reason is in `getCauses()`.
    pub fn java_message(&self) -> Option<&str> {
        if self.signal == Signal::Aborted {
            return None;
        }
        self.message.as_deref()
    }

    /// `getCauses()` of a FlowInterruptedException: what interrupted it.
    pub fn causes(&self) -> Value {
        if self.signal != Signal::Aborted {
            return Value::Null;
        }
        let text = self.message.clone().unwrap_or_default();
        let class = if text.starts_with("Timeout has been exceeded") {
            "org.jenkinsci.plugins.workflow.steps.TimeoutStepExecution$ExceededTimeout"
        } else if text.starts_with("Rejected by") {
            "org.jenkinsci.plugins.workflow.support.steps.input.Rejection"
        } else {
            "jenkins.model.CauseOfInterruption$UserInterruption"
        };
        Value::list(vec![Value::Object(Arc::new(Interruption { class, text }))])
    }

    pub fn prop(&self, name: &str) -> Option<&Value> {
        self.props.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// `e.toString()`: the class name, then `: message` when there is one.
    pub fn to_text(&self) -> String {
        if &*self.class == "org.codehaus.groovy.runtime.powerassert.PowerAssertionError" {
            return format!("Assertion failed: \n\n{}", self.message.as_deref().unwrap_or(""));
        }
        match &self.message {
            Some(m) => format!("{}: {}", self.class, m),
            None => self.class.to_string(),
        }
    }

    pub fn simple_name(&self) -> &str {
        self.class.rsplit(['.', '$']).next().unwrap_or(&self.class)
    }

    /// Whether `catch (T e)` catches this, following the Java class hierarchy jeeves knows.
    pub fn is_instance_of(&self, ty: &str) -> bool {
        let mut class: &str = &self.class;
        loop {
            if class == ty || class.rsplit('.').next() == Some(ty) {
                return true;
            }
            match superclass(class) {
                Some(parent) => class = parent,
                None => return false,
            }
        }
    }
}

/// The parent class of the exception classes Groovy and pipelines throw; unknown classes count as
/// RuntimeExceptions.
pub fn superclass(class: &str) -> Option<&'static str> {
    Some(match class {
        "java.lang.Throwable" => return None,
        "java.lang.Exception" | "java.lang.Error" => "java.lang.Throwable",
        "java.lang.AssertionError" | "java.lang.StackOverflowError" | "java.lang.OutOfMemoryError" => "java.lang.Error",
        "org.codehaus.groovy.runtime.powerassert.PowerAssertionError" => "java.lang.AssertionError",
        "java.lang.RuntimeException"
        | "java.io.IOException"
        | "java.lang.InterruptedException"
        | "java.lang.CloneNotSupportedException"
        | "java.util.concurrent.TimeoutException"
        | "java.lang.ReflectiveOperationException" => "java.lang.Exception",
        "java.lang.ClassNotFoundException" => "java.lang.ReflectiveOperationException",
        "hudson.AbortException" | "java.io.FileNotFoundException" | "java.io.UncheckedIOException" => {
            "java.io.IOException"
        }
        "org.jenkinsci.plugins.workflow.steps.FlowInterruptedException" => "java.lang.InterruptedException",
        "java.lang.NumberFormatException" => "java.lang.IllegalArgumentException",
        "java.lang.IllegalArgumentException"
        | "java.lang.IllegalStateException"
        | "java.lang.NullPointerException"
        | "java.lang.ArithmeticException"
        | "java.lang.ClassCastException"
        | "java.lang.UnsupportedOperationException"
        | "java.lang.IndexOutOfBoundsException"
        | "java.lang.NegativeArraySizeException"
        | "java.util.NoSuchElementException"
        | "java.util.ConcurrentModificationException"
        | "groovy.lang.GroovyRuntimeException" => "java.lang.RuntimeException",
        "java.lang.ArrayIndexOutOfBoundsException" | "java.lang.StringIndexOutOfBoundsException" => {
            "java.lang.IndexOutOfBoundsException"
        }
        "java.util.regex.PatternSyntaxException" => "java.lang.IllegalArgumentException",
        "groovy.lang.MissingPropertyException"
        | "groovy.lang.MissingMethodException"
        | "groovy.lang.ReadOnlyPropertyException"
        | "org.codehaus.groovy.runtime.typehandling.GroovyCastException"
        | "groovy.json.JsonException" => "groovy.lang.GroovyRuntimeException",
        "groovy.lang.MissingFieldException" => "groovy.lang.GroovyRuntimeException",
        _ => "java.lang.RuntimeException",
    })
}

/// A `Flow::Throw` of a new exception.
pub fn throw(class: &str, message: impl Into<String>) -> Flow {
    Flow::Throw(Arc::new(Throwable::new(class, Some(message.into()))))
}

/// A `Flow::Throw` of a new exception without a message (`e.message` is null).
pub fn bare(class: &str) -> Flow {
    Flow::Throw(Arc::new(Throwable::new(class, None)))
}

pub fn npe(message: impl Into<String>) -> Flow {
    throw("java.lang.NullPointerException", message)
}

/// A step failure: the build reports `ERROR: message` and fails.
pub fn step_failed(message: impl Into<String>) -> Flow {
    let mut t = Throwable::new("hudson.AbortException", Some(message.into()));
    t.signal = Signal::StepFailed;
    Flow::Throw(Arc::new(t))
}

/// An interruption (timeout, abort): the build ends ABORTED.
pub fn aborted(message: Option<String>) -> Flow {
    let mut t = Throwable::new("org.jenkinsci.plugins.workflow.steps.FlowInterruptedException", message);
    t.signal = Signal::Aborted;
    Flow::Throw(Arc::new(t))
}

/// A `CauseOfInterruption`: its class and `shortDescription`.
struct Interruption {
    class: &'static str,
    text: String,
}

impl super::value::Object for Interruption {
    fn class_name(&self) -> &str {
        self.class
    }

    fn get_property(&self, name: &str) -> Option<Value> {
        match name {
            "shortDescription" => Some(Value::string(self.text.clone())),
            _ => None,
        }
    }

    fn call_method(&self, name: &str, _args: &[Value]) -> Option<Eval> {
        match name {
            "getShortDescription" | "toString" => Some(Ok(Value::string(self.text.clone()))),
            _ => None,
        }
    }

    fn to_text(&self) -> String {
        format!("{}@1", self.class)
    }
}
