//! `junit`: reads JUnit/Surefire/pytest reports matching `testResults`, records them in the build
//! (`tests.xml`, the record's test totals), and marks the stage and build UNSTABLE when a test failed.

use std::sync::Arc;

use super::fileset::FileSet;
use super::{PipelineHost, Step, StepArgs};
use crate::build::BuildResult;
use crate::interp::error::{step_failed, throw};
use crate::interp::value::Object;
use crate::interp::{Eval, Interp, Value};
use crate::report::junit::{parse, Status};

pub const JUNIT: Step = Step {
    name: "junit",
    params: &[
        "testResults",
        "allowEmptyResults",
        "skipMarkingBuildUnstable",
        "keepLongStdio",
        "skipOldReports",
        "healthScaleFactor",
        "testDataPublishers",
        "checksName",
        "skipPublishingChecks",
        "keepProperties",
        "stdioRetention",
    ],
    block: false,
    run: junit,
};

/// What `junit` returns (the plugin's TestResultSummary).
struct Summary {
    total: i64,
    failed: i64,
    skipped: i64,
}

impl Object for Summary {
    fn class_name(&self) -> &str {
        "hudson.tasks.junit.TestResultSummary"
    }

    fn get_property(&self, name: &str) -> Option<Value> {
        Some(Value::Int(match name {
            "totalCount" => self.total,
            "failCount" => self.failed,
            "skipCount" => self.skipped,
            "passCount" => self.total - self.failed - self.skipped,
            _ => return None,
        } as i32))
    }

    fn to_text(&self) -> String {
        format!(
            "TestResultSummary{{failCount={}, skipCount={}, passCount={}, totalCount={}}}",
            self.failed,
            self.skipped,
            self.total - self.failed - self.skipped,
            self.total
        )
    }

    fn call_method(&self, name: &str, _args: &[Value]) -> Option<Eval> {
        let prop = match name {
            "getTotalCount" => "totalCount",
            "getFailCount" => "failCount",
            "getSkipCount" => "skipCount",
            "getPassCount" => "passCount",
            _ => return None,
        };
        self.get_property(prop).map(Ok)
    }
}

/// Output longer than this is cut unless `keepLongStdio`, as the plugin does.
const STDIO_LIMIT: usize = 100 * 1024;

fn junit(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    host.pipeline("junit");
    let Some(pattern) = args.str("testResults") else {
        return Err(throw("java.lang.IllegalArgumentException", "junit: testResults is required"));
    };
    host.output(interp, "Recording test results");
    let cwd = PipelineHost::ctx(interp).cwd;
    let mut files = FileSet::new(&pattern, None, true, true, "junit")?.scan(&cwd);
    if args.flag("skipOldReports") {
        let started = std::time::UNIX_EPOCH + std::time::Duration::from_millis(host.build.start_millis.max(0) as u64);
        files.retain(|f| std::fs::metadata(cwd.join(f)).and_then(|m| m.modified()).is_ok_and(|t| t >= started));
    }
    if files.is_empty() {
        if args.flag("allowEmptyResults") {
            host.output(interp, "None of the test reports contained any result");
            return Ok(Value::Object(Arc::new(Summary { total: 0, failed: 0, skipped: 0 })));
        }
        return Err(step_failed("No test report files were found. Configuration error?"));
    }
    let keep_long = args.flag("keepLongStdio");
    let mut suites = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(cwd.join(f))
            .map_err(|e| throw("java.io.IOException", format!("{}: {e}", f.display())))?;
        let mut parsed = parse(&text)
            .map_err(|e| step_failed(format!("Failed to read test report file {}\n{e}", cwd.join(f).display())))?;
        if !keep_long {
            for c in parsed.iter_mut().flat_map(|s| s.cases.iter_mut()) {
                for out in [&mut c.stdout, &mut c.stderr] {
                    if out.len() > STDIO_LIMIT {
                        let cut = (0..=STDIO_LIMIT).rev().find(|i| out.is_char_boundary(*i)).unwrap_or(0);
                        out.truncate(cut);
                        out.push_str("\n...[truncated]...\n");
                    }
                }
            }
        }
        suites.extend(parsed);
    }
    let cases = suites.iter().flat_map(|s| s.cases.iter());
    let total = cases.clone().count() as i64;
    let failed = cases.clone().filter(|c| matches!(c.status, Status::Failed { .. })).count() as i64;
    let skipped = cases.filter(|c| matches!(c.status, Status::Skipped { .. })).count() as i64;
    host.build.record_tests(suites);
    if failed > 0 && !args.flag("skipMarkingBuildUnstable") {
        super::result::mark(host, interp, BuildResult::Unstable, BuildResult::Unstable);
    }
    Ok(Value::Object(Arc::new(Summary { total, failed, skipped })))
}
