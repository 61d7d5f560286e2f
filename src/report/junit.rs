//! JUnit XML: read leniently, as Jenkins' JUnit plugin reads Surefire, pytest, Gradle and the like
//! (`testsuites` or `testsuite` at the root, nested suites, `failure`, `error`, `skipped`, `system-out`,
//! `system-err`, Surefire's `flakyFailure`/`rerunFailure`), and written with quick-xml, well-formed
//! whatever text a test printed (characters XML cannot hold are replaced).

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::{Reader, Writer};

#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Passed,
    /// `failure` or `error`: its message, type and text.
    Failed {
        message: String,
        kind: String,
        text: String,
        error: bool,
    },
    Skipped {
        message: String,
    },
}

#[derive(Clone, Debug)]
pub struct Case {
    pub classname: String,
    pub name: String,
    pub time: f64,
    pub status: Status,
    /// Passed after reruns (Surefire's flakyFailure).
    pub flaky: bool,
    pub stdout: String,
    pub stderr: String,
}

#[derive(Clone, Debug, Default)]
pub struct Suite {
    pub name: String,
    pub time: f64,
    pub cases: Vec<Case>,
    pub stdout: String,
    pub stderr: String,
}

impl Suite {
    pub fn failures(&self) -> usize {
        self.cases.iter().filter(|c| matches!(c.status, Status::Failed { error: false, .. })).count()
    }

    pub fn errors(&self) -> usize {
        self.cases.iter().filter(|c| matches!(c.status, Status::Failed { error: true, .. })).count()
    }

    pub fn skipped(&self) -> usize {
        self.cases.iter().filter(|c| matches!(c.status, Status::Skipped { .. })).count()
    }
}

fn attr(e: &BytesStart, name: &[u8]) -> String {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
        .unwrap_or_default()
}

fn time_of(e: &BytesStart) -> f64 {
    // Some tools write `1,234.5`; Jenkins reads those too.
    attr(e, b"time").replace(',', "").trim().parse().unwrap_or(0.0)
}

/// Parses a report; `Err` when it is not XML at all or has no test suite.
pub fn parse(text: &str) -> Result<Vec<Suite>, String> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(false);
    let mut suites: Vec<Suite> = Vec::new();
    let mut stack: Vec<Suite> = Vec::new();
    let mut case: Option<Case> = None;
    // Where text goes: "failure", "error", "skipped", "system-out", "system-err", "flakyFailure", ...
    let mut sink: Option<String> = None;
    let mut buf = String::new();
    let mut seen_suite = false;
    loop {
        let ev = reader.read_event().map_err(|e| format!("not well-formed XML: {e}"))?;
        match ev {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(ev, Event::Empty(_));
                let name = String::from_utf8_lossy(e.name().as_ref()).to_string();
                match name.as_str() {
                    "testsuite" => {
                        seen_suite = true;
                        let s = Suite { name: attr(e, b"name"), time: time_of(e), ..Suite::default() };
                        if empty {
                            suites.push(s);
                        } else {
                            stack.push(s);
                        }
                    }
                    "testcase" => {
                        let c = Case {
                            classname: attr(e, b"classname"),
                            name: attr(e, b"name"),
                            time: time_of(e),
                            status: Status::Passed,
                            flaky: false,
                            stdout: String::new(),
                            stderr: String::new(),
                        };
                        if empty {
                            if let Some(s) = stack.last_mut() {
                                s.cases.push(c);
                            }
                        } else {
                            case = Some(c);
                        }
                    }
                    "failure" | "error" if case.is_some() => {
                        if let Some(c) = case.as_mut() {
                            c.status = Status::Failed {
                                message: attr(e, b"message"),
                                kind: attr(e, b"type"),
                                text: String::new(),
                                error: name == "error",
                            };
                        }
                        if !empty {
                            sink = Some(name);
                            buf.clear();
                        }
                    }
                    "skipped" if case.is_some() => {
                        if let Some(c) = case.as_mut() {
                            c.status = Status::Skipped { message: attr(e, b"message") };
                        }
                        if !empty {
                            sink = Some(name);
                            buf.clear();
                        }
                    }
                    "flakyFailure" | "flakyError" if case.is_some() => {
                        if let Some(c) = case.as_mut() {
                            c.flaky = true;
                        }
                        if !empty {
                            sink = Some(name);
                            buf.clear();
                        }
                    }
                    "system-out" | "system-err" | "rerunFailure" | "rerunError" if !empty => {
                        sink = Some(name);
                        buf.clear();
                    }
                    _ => {}
                }
            }
            Event::Text(t) if sink.is_some() => {
                buf.push_str(&t.unescape().map(|c| c.into_owned()).unwrap_or_default());
            }
            Event::CData(t) if sink.is_some() => buf.push_str(&String::from_utf8_lossy(&t)),
            Event::End(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).to_string();
                if sink.as_deref() == Some(name.as_str()) {
                    let text = std::mem::take(&mut buf);
                    match (name.as_str(), case.as_mut()) {
                        ("failure" | "error", Some(c)) => {
                            if let Status::Failed { text: t, .. } = &mut c.status {
                                *t = text;
                            }
                        }
                        ("system-out", Some(c)) => c.stdout.push_str(&text),
                        ("system-err", Some(c)) => c.stderr.push_str(&text),
                        ("system-out", None) => {
                            if let Some(s) = stack.last_mut() {
                                s.stdout.push_str(&text);
                            }
                        }
                        ("system-err", None) => {
                            if let Some(s) = stack.last_mut() {
                                s.stderr.push_str(&text);
                            }
                        }
                        _ => {}
                    }
                    sink = None;
                }
                match name.as_str() {
                    "testcase" => {
                        if let (Some(c), Some(s)) = (case.take(), stack.last_mut()) {
                            s.cases.push(c);
                        }
                    }
                    "testsuite" => {
                        if let Some(s) = stack.pop() {
                            suites.push(s);
                        }
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !seen_suite {
        return Err("no testsuite element".into());
    }
    Ok(suites)
}

/// Text XML 1.0 can hold: other control characters become U+FFFD.
fn clean(text: &str) -> std::borrow::Cow<'_, str> {
    let bad =
        |c: char| matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}');
    if text.chars().any(bad) {
        std::borrow::Cow::Owned(text.chars().map(|c| if bad(c) { '\u{fffd}' } else { c }).collect())
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Writes suites as one `testsuites` document.
pub fn write(suites: &[Suite]) -> String {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    let _ = w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
    let total: usize = suites.iter().map(|s| s.cases.len()).sum();
    let failures: usize = suites.iter().map(Suite::failures).sum();
    let errors: usize = suites.iter().map(Suite::errors).sum();
    let skipped: usize = suites.iter().map(Suite::skipped).sum();
    let mut root = BytesStart::new("testsuites");
    let (t, f, e, s) = (total.to_string(), failures.to_string(), errors.to_string(), skipped.to_string());
    root.push_attribute(("tests", t.as_str()));
    root.push_attribute(("failures", f.as_str()));
    root.push_attribute(("errors", e.as_str()));
    root.push_attribute(("skipped", s.as_str()));
    let _ = w.write_event(Event::Start(root));
    for suite in suites {
        let mut el = BytesStart::new("testsuite");
        let name = clean(&suite.name);
        let (t, f, e, s, time) = (
            suite.cases.len().to_string(),
            suite.failures().to_string(),
            suite.errors().to_string(),
            suite.skipped().to_string(),
            format!("{:.3}", suite.time),
        );
        el.push_attribute(("name", name.as_ref()));
        el.push_attribute(("tests", t.as_str()));
        el.push_attribute(("failures", f.as_str()));
        el.push_attribute(("errors", e.as_str()));
        el.push_attribute(("skipped", s.as_str()));
        el.push_attribute(("time", time.as_str()));
        let _ = w.write_event(Event::Start(el));
        for c in &suite.cases {
            let mut el = BytesStart::new("testcase");
            let (classname, cname, time) = (clean(&c.classname), clean(&c.name), format!("{:.3}", c.time));
            el.push_attribute(("classname", classname.as_ref()));
            el.push_attribute(("name", cname.as_ref()));
            el.push_attribute(("time", time.as_str()));
            let simple = matches!(c.status, Status::Passed) && c.stdout.is_empty() && c.stderr.is_empty();
            if simple {
                let _ = w.write_event(Event::Empty(el));
                continue;
            }
            let _ = w.write_event(Event::Start(el));
            match &c.status {
                Status::Passed => {}
                Status::Failed { message, kind, text, error } => {
                    let tag = if *error { "error" } else { "failure" };
                    let mut f = BytesStart::new(tag);
                    let (m, k) = (clean(message), clean(kind));
                    f.push_attribute(("message", m.as_ref()));
                    if !kind.is_empty() {
                        f.push_attribute(("type", k.as_ref()));
                    }
                    let _ = w.write_event(Event::Start(f));
                    let _ = w.write_event(Event::Text(BytesText::new(&clean(text))));
                    let _ = w.write_event(Event::End(BytesEnd::new(tag)));
                }
                Status::Skipped { message } => {
                    let mut s = BytesStart::new("skipped");
                    let m = clean(message);
                    if !message.is_empty() {
                        s.push_attribute(("message", m.as_ref()));
                    }
                    let _ = w.write_event(Event::Empty(s));
                }
            }
            for (tag, text) in [("system-out", &c.stdout), ("system-err", &c.stderr)] {
                if !text.is_empty() {
                    let _ = w.write_event(Event::Start(BytesStart::new(tag)));
                    let _ = w.write_event(Event::Text(BytesText::new(&clean(text))));
                    let _ = w.write_event(Event::End(BytesEnd::new(tag)));
                }
            }
            let _ = w.write_event(Event::End(BytesEnd::new("testcase")));
        }
        let _ = w.write_event(Event::End(BytesEnd::new("testsuite")));
    }
    let _ = w.write_event(Event::End(BytesEnd::new("testsuites")));
    let mut out = String::from_utf8_lossy(&w.into_inner()).into_owned();
    out.push('\n');
    out
}
