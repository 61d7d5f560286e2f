//! `input` (the step and the declarative stage directive) and the parameter definitions it takes
//! (`string`, `text`, `booleanParam`, `choice`, `password`). An input is answered by `--input ID=...`
//! (`proceed`, `abort`, or a JSON object of parameter values; ID is the input's id or its message), by
//! `--approve-all` (proceed with the defaults), or, on a terminal, by the person running jeeves. With no
//! answer the build ends ABORTED with a message naming the flag.

use std::io::{BufRead, IsTerminal, Write};
use std::time::Duration;

use indexmap::IndexMap;

use super::{PipelineHost, Step, StepArgs};
use crate::interp::error::{aborted, throw};
use crate::interp::text::to_string;
use crate::interp::{Eval, Interp, Key, Value};

pub const INPUT: Step = Step {
    name: "input",
    params: &["message", "id", "ok", "submitter", "submitterParameter", "parameters"],
    block: false,
    run: input_step,
};

/// Parameter definitions (and the credential bindings that share their names) evaluate to a description
/// that `input` or `withCredentials` reads.
/// `string` is both a parameter definition and the secret-text credentials binding.
pub const STRING: Step = Step {
    name: "string",
    params: &["name", "defaultValue", "description", "trim", "credentialsId", "variable", "value"],
    block: false,
    run: string_def,
};
pub const TEXT: Step = Step {
    name: "text",
    params: &["name", "defaultValue", "description", "trim", "value"],
    block: false,
    run: text_def,
};
pub const BOOLEAN_PARAM: Step = Step {
    name: "booleanParam",
    params: &["name", "defaultValue", "description", "value"],
    block: false,
    run: boolean_def,
};
pub const CHOICE: Step =
    Step { name: "choice", params: &["name", "choices", "description"], block: false, run: choice_def };
pub const PASSWORD: Step = Step {
    name: "password",
    params: &["name", "defaultValue", "description", "value"],
    block: false,
    run: password_def,
};

fn string_def(_: &PipelineHost, _: &mut Interp, args: &StepArgs) -> Eval {
    Ok(definition("string", args))
}

fn text_def(_: &PipelineHost, _: &mut Interp, args: &StepArgs) -> Eval {
    Ok(definition("text", args))
}

fn boolean_def(_: &PipelineHost, _: &mut Interp, args: &StepArgs) -> Eval {
    Ok(definition("booleanParam", args))
}

fn choice_def(_: &PipelineHost, _: &mut Interp, args: &StepArgs) -> Eval {
    Ok(definition("choice", args))
}

fn password_def(_: &PipelineHost, _: &mut Interp, args: &StepArgs) -> Eval {
    Ok(definition("password", args))
}

/// The user a local build's inputs are answered by.
pub const SUBMITTER: &str = "jeeves";

/// A definition (or credential binding) as a map: its kind under `$kind`, then its arguments.
pub fn definition(kind: &str, args: &StepArgs) -> Value {
    let mut m: IndexMap<Key, Value> = IndexMap::new();
    m.insert(Key::str("$kind"), Value::str(kind));
    for (k, v) in &args.values {
        m.insert(Key::str(k), v.clone());
    }
    Value::map(m)
}

/// One parameter an input asks for.
#[derive(Clone)]
pub struct Param {
    pub kind: String,
    pub name: String,
    pub default: Value,
    pub choices: Vec<String>,
    pub description: Option<String>,
}

impl Param {
    /// From a definition map (`string(name: 'X', defaultValue: 'y')` evaluated) and its kind.
    pub fn from_definition(kind: &str, m: &IndexMap<Key, Value>) -> Param {
        let get = |k: &str| m.get(&Key::str(k)).cloned();
        let choices: Vec<String> = match get("choices") {
            Some(Value::List(l)) => l.snapshot().iter().map(to_string).collect(),
            Some(v) => to_string(&v).lines().map(str::to_string).collect(),
            None => Vec::new(),
        };
        let default = match kind {
            "choice" => choices.first().map(|c| Value::string(c.clone())).unwrap_or(Value::Null),
            "booleanParam" => Value::Bool(get("defaultValue").is_some_and(|v| crate::interp::ops::truthy(&v))),
            _ => get("defaultValue").map(|v| Value::string(to_string(&v))).unwrap_or(Value::str("")),
        };
        Param {
            kind: kind.to_string(),
            name: get("name").map(|v| to_string(&v)).unwrap_or_default(),
            default,
            choices,
            description: get("description").map(|v| to_string(&v)),
        }
    }

    fn parse(&self, text: &str) -> Value {
        match self.kind.as_str() {
            "booleanParam" => Value::Bool(matches!(text.trim(), "true" | "yes" | "y" | "1")),
            _ => Value::string(text.to_string()),
        }
    }
}

/// An input waiting for an answer.
pub struct Request {
    pub message: String,
    pub id: String,
    pub ok: String,
    pub submitter_parameter: Option<String>,
    pub params: Vec<Param>,
}

/// Jenkins' default id: the MD5 of the message in hex, its first letter capitalised.
pub fn default_id(message: &str) -> String {
    use sha2::Digest;
    let hex: String = md5::Md5::digest(message.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
    let mut c = hex.chars();
    match c.next() {
        Some(first) => first.to_uppercase().collect::<String>() + c.as_str(),
        None => hex,
    }
}

fn input_step(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    host.pipeline("input");
    let message = args.str("message").unwrap_or_default();
    let mut params = Vec::new();
    if let Some(list) = args.get("parameters") {
        for p in crate::interp::ops::iter_values(list) {
            if let Value::Map(m) = &p {
                let m: IndexMap<Key, Value> = m.pairs().into_iter().map(|(k, v)| (Key(k), v)).collect();
                let kind = m.get(&Key::str("$kind")).map(to_string).unwrap_or_else(|| "string".into());
                params.push(Param::from_definition(&kind, &m));
            }
        }
    }
    let req = Request {
        id: args.str("id").unwrap_or_else(|| default_id(&message)),
        message,
        ok: args.str("ok").unwrap_or_else(|| "Proceed".into()),
        submitter_parameter: args.str("submitterParameter"),
        params,
    };
    ask(host, interp, &req)
}

/// Asks, and returns what Jenkins' input returns: null without parameters, the value of a single one,
/// or a map of them (with the submitter under `submitterParameter`).
pub fn ask(host: &PipelineHost, interp: &mut Interp, req: &Request) -> Eval {
    if req.params.is_empty() {
        host.output(interp, &req.message);
        host.output(interp, &format!("{} or Abort", req.ok));
    } else {
        host.output(interp, "Input requested");
    }
    let settings = &host.settings;
    let given =
        settings.inputs.iter().rev().find(|(id, _)| *id == req.id || *id == req.message).map(|(_, a)| a.clone());
    let answer = match given {
        Some(a) => parse_answer(req, &a)?,
        None if settings.approve_all => Answer::Proceed(defaults(req)),
        None if std::io::stdin().is_terminal() => prompt(interp, req)?,
        None => {
            host.output(interp, &format!("Rejected by {SUBMITTER}"));
            return Err(aborted(Some(format!(
                "No answer for input \u{2018}{}\u{2019} (\u{201c}{}\u{201d}): run again with --input '{}=proceed' \
                 (or =abort, or ={{\"NAME\": \"value\"}} for its parameters) or with --approve-all",
                req.id, req.message, req.id
            ))));
        }
    };
    match answer {
        Answer::Abort => {
            host.output(interp, &format!("Rejected by {SUBMITTER}"));
            Err(aborted(Some(format!("Rejected by {SUBMITTER}"))))
        }
        Answer::Proceed(values) => {
            host.output(interp, &format!("Approved by {SUBMITTER}"));
            Ok(result_value(req, values))
        }
    }
}

enum Answer {
    Proceed(IndexMap<String, Value>),
    Abort,
}

fn defaults(req: &Request) -> IndexMap<String, Value> {
    req.params.iter().map(|p| (p.name.clone(), p.default.clone())).collect()
}

fn parse_answer(req: &Request, answer: &str) -> Eval<Answer> {
    match answer.trim() {
        "proceed" | "yes" | "ok" => Ok(Answer::Proceed(defaults(req))),
        "abort" | "no" => Ok(Answer::Abort),
        text => {
            let v = crate::interp::methods::json::parse(text).map_err(|_| {
                throw(
                    "java.lang.IllegalArgumentException",
                    format!("--input {}: expected proceed, abort or a JSON object, got `{text}`", req.id),
                )
            })?;
            let Value::Map(m) = v else {
                return Err(throw(
                    "java.lang.IllegalArgumentException",
                    format!("--input {}: expected a JSON object", req.id),
                ));
            };
            let mut values = defaults(req);
            for (k, v) in m.pairs() {
                let name = to_string(&k);
                let Some(p) = req.params.iter().find(|p| p.name == name) else {
                    return Err(throw(
                        "java.lang.IllegalArgumentException",
                        format!("--input {}: the input has no parameter `{name}`", req.id),
                    ));
                };
                let value = if p.kind == "booleanParam" {
                    Value::Bool(crate::interp::ops::truthy(&v))
                } else {
                    Value::string(to_string(&v))
                };
                if p.kind == "choice" && !p.choices.contains(&to_string(&value)) {
                    return Err(throw(
                        "java.lang.IllegalArgumentException",
                        format!("--input {}: `{}` is not one of {}", req.id, to_string(&value), p.choices.join(", ")),
                    ));
                }
                values.insert(name, value);
            }
            Ok(Answer::Proceed(values))
        }
    }
}

fn result_value(req: &Request, values: IndexMap<String, Value>) -> Value {
    let mut map: IndexMap<Key, Value> = values.into_iter().map(|(k, v)| (Key::str(&k), v)).collect();
    if let Some(sp) = &req.submitter_parameter {
        map.insert(Key::str(sp), Value::str(SUBMITTER));
    }
    match map.len() {
        0 => Value::Null,
        1 if req.submitter_parameter.is_none() || req.params.is_empty() => {
            map.into_iter().next().map(|(_, v)| v).unwrap_or(Value::Null)
        }
        _ => Value::map(map),
    }
}

/// Reads a line from the terminal, giving up when the build is cancelled (a timeout around the input).
fn read_line(interp: &Interp) -> Eval<String> {
    use std::os::fd::AsRawFd;
    let stdin = std::io::stdin();
    let fd = stdin.as_raw_fd();
    let cancel = interp.cancel.clone();
    loop {
        if cancel.is_cancelled() {
            return Err(aborted(cancel.reason()));
        }
        let mut p = libc::pollfd { fd, events: libc::POLLIN, revents: 0 };
        // SAFETY: one valid pollfd for the duration of the call.
        let n = interp.without_gil(|| unsafe { libc::poll(&mut p, 1, 100) });
        if n > 0 {
            let mut line = String::new();
            stdin.lock().read_line(&mut line).map_err(|e| throw("java.io.IOException", e.to_string()))?;
            return Ok(line.trim_end_matches(['\n', '\r']).to_string());
        }
        std::thread::sleep(Duration::from_millis(1));
    }
}

fn prompt(interp: &Interp, req: &Request) -> Eval<Answer> {
    let mut err = std::io::stderr();
    let _ = writeln!(err, "jeeves: input \u{2018}{}\u{2019}: {}", req.id, req.message);
    let mut values = defaults(req);
    for p in &req.params {
        let shown = match p.kind.as_str() {
            "password" => "****".to_string(),
            "choice" => format!("{} (one of {})", to_string(&p.default), p.choices.join(", ")),
            _ => to_string(&p.default),
        };
        let _ = write!(err, "  {} [{}]: ", p.name, shown);
        let _ = err.flush();
        let line = read_line(interp)?;
        if !line.is_empty() {
            if p.kind == "choice" && !p.choices.contains(&line) {
                let _ = writeln!(
                    err,
                    "  `{line}` is not one of {}; keeping {}",
                    p.choices.join(", "),
                    to_string(&p.default)
                );
            } else {
                values.insert(p.name.clone(), p.parse(&line));
            }
        }
    }
    let _ = write!(err, "{}? [y]es / [a]bort: ", req.ok);
    let _ = err.flush();
    let line = read_line(interp)?;
    Ok(match line.trim().to_ascii_lowercase().as_str() {
        "a" | "abort" | "n" | "no" => Answer::Abort,
        _ => Answer::Proceed(values),
    })
}
