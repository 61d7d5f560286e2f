//! The output formats of `jeeves lint`, all from one list of file reports: human (rustc-style with the
//! source line and a caret), json, sarif (2.1.0), checkstyle, github (workflow commands), junit, and
//! jenkins (the text of Jenkins' own validator).

use super::{rules, FileReport, Severity};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    Sarif,
    Checkstyle,
    Github,
    Junit,
    Jenkins,
}

pub fn render(format: Format, reports: &[FileReport], color: bool) -> String {
    match format {
        Format::Human => human(reports, color),
        Format::Json => json(reports),
        Format::Sarif => sarif(reports),
        Format::Checkstyle => checkstyle(reports),
        Format::Github => github(reports),
        Format::Junit => junit(reports),
        Format::Jenkins => jenkins(reports),
    }
}

fn human(reports: &[FileReport], color: bool) -> String {
    let mut out = String::new();
    let (mut errors, mut warnings) = (0, 0);
    for r in reports {
        for f in &r.findings {
            out.push_str(&crate::diagnostic::render_finding(&r.path, &r.source, f, color));
            match f.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
                Severity::Info => {}
            }
        }
    }
    let files = reports.len();
    out.push_str(&format!(
        "jeeves lint: {files} file{} checked: {errors} error{}, {warnings} warning{}\n",
        if files == 1 { "" } else { "s" },
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" }
    ));
    out
}

fn json(reports: &[FileReport]) -> String {
    let files: Vec<serde_json::Value> = reports
        .iter()
        .map(|r| {
            let findings: Vec<serde_json::Value> = r
                .findings
                .iter()
                .map(|f| {
                    let mut v = serde_json::json!({
                        "code": f.code,
                        "rule": super::rule(f.code).map(|r| r.name),
                        "severity": f.severity.name(),
                        "message": f.message,
                        "line": f.line,
                        "column": f.column,
                        "endLine": f.end_line,
                        "endColumn": f.end_column,
                    });
                    if let Some(h) = &f.help {
                        v["help"] = h.clone().into();
                    }
                    if let Some(fix) = &f.fix {
                        v["fix"] = serde_json::json!({ "start": fix.span.start, "end": fix.span.end, "replacement": fix.replacement });
                    }
                    v
                })
                .collect();
            serde_json::json!({ "path": r.path, "findings": findings })
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&serde_json::json!({ "files": files })).unwrap_or_default();
    s.push('\n');
    s
}

fn sarif(reports: &[FileReport]) -> String {
    let rule_list: Vec<serde_json::Value> = rules()
        .iter()
        .map(|r| {
            serde_json::json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": r.summary },
                "help": { "text": r.explain, "markdown": r.explain },
                "defaultConfiguration": { "level": sarif_level(r.severity) },
            })
        })
        .collect();
    let mut results = Vec::new();
    for r in reports {
        for f in &r.findings {
            let index = rules().iter().position(|x| x.code == f.code).unwrap_or(0);
            let mut result = serde_json::json!({
                "ruleId": f.code,
                "ruleIndex": index,
                "level": sarif_level(f.severity),
                "message": { "text": f.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&r.path) },
                        "region": {
                            "startLine": f.line,
                            "startColumn": f.column,
                            "endLine": f.end_line,
                            "endColumn": f.end_column,
                        }
                    }
                }],
            });
            if let Some(fix) = &f.fix {
                let (el, ec) = crate::syntax::LineIndex::new(&r.source).line_col(fix.span.end as usize);
                result["fixes"] = serde_json::json!([{
                    "description": { "text": "use single quotes" },
                    "artifactChanges": [{
                        "artifactLocation": { "uri": uri(&r.path) },
                        "replacements": [{
                            "deletedRegion": { "startLine": f.line, "startColumn": f.column, "endLine": el, "endColumn": ec },
                            "insertedContent": { "text": fix.replacement },
                        }]
                    }]
                }]);
            }
            results.push(result);
        }
    }
    let doc = serde_json::json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "columnKind": "unicodeCodePoints",
            "tool": {
                "driver": {
                    "name": "jeeves",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://github.com/jeeves-ci/jeeves",
                    "rules": rule_list,
                }
            },
            "results": results,
        }]
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}

fn sarif_level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative path as a URI reference (forward slashes, spaces and the like percent-encoded).
fn uri(path: &str) -> String {
    let p = path.strip_prefix("./").unwrap_or(path);
    let mut out = String::new();
    for b in p.bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// XML with quick-xml's escaping (and characters XML cannot hold replaced).
fn xml_doc(build: impl FnOnce(&mut quick_xml::Writer<Vec<u8>>) -> std::io::Result<()>) -> String {
    let mut w = quick_xml::Writer::new_with_indent(Vec::new(), b' ', 2);
    let _ =
        w.write_event(quick_xml::events::Event::Decl(quick_xml::events::BytesDecl::new("1.0", Some("UTF-8"), None)));
    let _ = build(&mut w);
    let mut s = String::from_utf8(w.into_inner()).unwrap_or_default();
    s.push('\n');
    s
}

fn clean(s: &str) -> String {
    s.chars().map(|c| if c.is_control() && c != '\n' && c != '\t' { '\u{fffd}' } else { c }).collect()
}

fn checkstyle(reports: &[FileReport]) -> String {
    xml_doc(|w| {
        w.create_element("checkstyle").with_attribute(("version", "4.3")).write_inner_content(|w| {
            for r in reports {
                w.create_element("file").with_attribute(("name", clean(&r.path).as_str())).write_inner_content(
                    |w| {
                        for f in &r.findings {
                            let sev = match f.severity {
                                Severity::Error => "error",
                                Severity::Warning => "warning",
                                Severity::Info => "info",
                            };
                            w.create_element("error")
                                .with_attribute(("line", f.line.to_string().as_str()))
                                .with_attribute(("column", f.column.to_string().as_str()))
                                .with_attribute(("severity", sev))
                                .with_attribute(("message", clean(&f.message).as_str()))
                                .with_attribute((
                                    "source",
                                    format!("jeeves.{}.{}", f.code, super::rule(f.code).map_or("", |r| r.name))
                                        .as_str(),
                                ))
                                .write_empty()?;
                        }
                        Ok(())
                    },
                )?;
            }
            Ok(())
        })?;
        Ok(())
    })
}

/// GitHub Actions workflow commands: `::error file=F,line=L,col=C,title=T::message`.
fn github(reports: &[FileReport]) -> String {
    let esc_data = |s: &str| s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    let esc_prop = |s: &str| esc_data(s).replace(':', "%3A").replace(',', "%2C");
    let mut out = String::new();
    for r in reports {
        for f in &r.findings {
            let kind = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            out.push_str(&format!(
                "::{kind} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                esc_prop(&r.path),
                f.line,
                f.column,
                f.end_line,
                f.end_column,
                esc_prop(&format!("{} {}", f.code, super::rule(f.code).map_or("", |r| r.name))),
                esc_data(&f.message)
            ));
        }
    }
    out
}

/// One test suite per file, one test case per finding that fails (errors and warnings); a clean file
/// is one passing case.
fn junit(reports: &[FileReport]) -> String {
    use crate::report::junit::{Case, Status, Suite};
    let suites: Vec<Suite> = reports
        .iter()
        .map(|r| {
            let mut cases: Vec<Case> = r
                .findings
                .iter()
                .filter(|f| f.severity > Severity::Info)
                .map(|f| Case {
                    classname: r.path.clone(),
                    name: format!("{} {}:{}", f.code, f.line, f.column),
                    time: 0.0,
                    status: Status::Failed {
                        message: f.message.clone(),
                        kind: f.severity.name().to_string(),
                        text: format!(
                            "{}:{}:{}: {}: {} [{}]",
                            r.path,
                            f.line,
                            f.column,
                            f.severity.name(),
                            f.message,
                            f.code
                        ),
                        error: false,
                    },
                    flaky: false,
                    stdout: String::new(),
                    stderr: String::new(),
                })
                .collect();
            if cases.is_empty() {
                cases.push(Case {
                    classname: r.path.clone(),
                    name: "lint".into(),
                    time: 0.0,
                    status: Status::Passed,
                    flaky: false,
                    stdout: String::new(),
                    stderr: String::new(),
                });
            }
            Suite { name: format!("jeeves lint {}", r.path), cases, ..Suite::default() }
        })
        .collect();
    crate::report::junit::write(&suites)
}

/// Jenkins' validator text: errors only, as `WorkflowScript: L: message @ line L, column C.` with the
/// line and a caret, or `Jenkinsfile successfully validated.`.
fn jenkins(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for r in reports {
        // Jenkins validates one file; with several, each block says which.
        if reports.len() > 1 {
            out.push_str(&format!("{}:\n", r.path));
        }
        let errors: Vec<_> = r.findings.iter().filter(|f| f.severity == Severity::Error).collect();
        if errors.is_empty() {
            out.push_str("Jenkinsfile successfully validated.\n");
            continue;
        }
        out.push_str("Errors encountered validating Jenkinsfile:\n");
        for f in errors {
            out.push_str(&format!(
                "WorkflowScript: {}: {} @ line {}, column {}.\n",
                f.line, f.message, f.line, f.column
            ));
            let text = r.source.lines().nth(f.line.saturating_sub(1)).unwrap_or("");
            out.push_str(&format!("   {text}\n"));
            out.push_str(&format!("   {}^\n\n", " ".repeat(f.column.saturating_sub(1))));
        }
    }
    out
}
