//! The pipeline globals scripts read: `env` (build variables, `withEnv` overrides, the host
//! environment), `params`, and `currentBuild`.

use std::sync::Arc;

use indexmap::IndexMap;

use super::{PipelineHost, StepCtx};
use crate::build::{Build, BuildResult};
use crate::interp::error::throw;
use crate::interp::text::to_string;
use crate::interp::value::{Map, Object};
use crate::interp::{Interp, Key, Value};

pub fn global(host: &PipelineHost, interp: &Interp, name: &str) -> Option<Value> {
    Some(match name {
        "env" => {
            let ctx = interp.ext_ref::<StepCtx>().cloned().unwrap_or_default();
            Value::Object(Arc::new(Env { build: host.build.clone(), overrides: ctx.env }))
        }
        "params" => Value::Map(Map::immutable(
            host.build
                .params
                .iter()
                .map(|(k, v)| {
                    let value = if host.build.bool_params.iter().any(|b| b == k) {
                        Value::Bool(v == "true")
                    } else {
                        Value::str(v)
                    };
                    (Key::str(k), value)
                })
                .collect(),
        )),
        "scm" => Value::Object(Arc::new(Scm)),
        "currentBuild" => Value::Object(Arc::new(CurrentBuild { build: host.build.clone() })),
        // As in Jenkins, the build's environment variables are readable as bare names (`BUILD_NUMBER`).
        _ => {
            let ctx = interp.ext_ref::<StepCtx>().cloned().unwrap_or_default();
            let env = Env { build: host.build.clone(), overrides: ctx.env };
            return env.lookup(name).map(Value::string);
        }
    })
}

pub fn env_value(host: &PipelineHost, interp: &Interp, name: &str) -> Option<String> {
    let ctx = interp.ext_ref::<StepCtx>().cloned().unwrap_or_default();
    Env { build: host.build.clone(), overrides: ctx.env }.lookup(name)
}

struct Env {
    build: Arc<Build>,
    overrides: Vec<(String, String)>,
}

impl Env {
    fn lookup(&self, name: &str) -> Option<String> {
        if let Some((_, v)) = self.overrides.iter().rev().find(|(k, _)| k == name) {
            return Some(v.clone());
        }
        if let Some(v) = self.build.env.lock().get(name) {
            return Some(v.clone());
        }
        // The build's own variables are all upper case: only such names need the list.
        if name.bytes().all(|b| b.is_ascii_uppercase() || b == b'_') {
            if let Some((_, v)) = self.build.base_env().into_iter().rev().find(|(k, _)| k == name) {
                return Some(v);
            }
        }
        std::env::var(name).ok()
    }
}

impl Object for Env {
    fn class_name(&self) -> &str {
        "org.jenkinsci.plugins.workflow.cps.EnvActionImpl"
    }

    fn get_property(&self, name: &str) -> Option<Value> {
        Some(self.lookup(name).map(Value::string).unwrap_or(Value::Null))
    }

    fn set_property(&self, name: &str, value: Value) -> bool {
        let text = if value.is_null() { None } else { Some(to_string(&value)) };
        let mut env = self.build.env.lock();
        match text {
            Some(t) => {
                env.insert(name.to_string(), t);
            }
            None => {
                env.shift_remove(name);
            }
        }
        true
    }

    fn to_text(&self) -> String {
        "org.jenkinsci.plugins.workflow.cps.EnvActionImpl@1".into()
    }

    fn call_method(&self, name: &str, args: &[Value]) -> Option<crate::interp::Eval> {
        match name {
            "getEnvironment" => {
                Some(Ok(Value::map(self.entries().into_iter().map(|(k, v)| (Key::str(&k), v)).collect())))
            }
            "getProperty" | "get" => Some(Ok(args
                .first()
                .map(|a| self.get_property(&to_string(a)).unwrap_or(Value::Null))
                .unwrap_or(Value::Null))),
            "setProperty" => {
                let (Some(k), Some(v)) = (args.first(), args.get(1)) else { return None };
                self.set_property(&to_string(k), v.clone());
                Some(Ok(Value::Null))
            }
            _ => None,
        }
    }

    fn entries(&self) -> Vec<(String, Value)> {
        let mut all: IndexMap<String, String> = std::env::vars().collect();
        all.extend(self.build.base_env());
        all.extend(self.build.env.lock().iter().map(|(k, v)| (k.clone(), v.clone())));
        all.extend(self.overrides.iter().cloned());
        all.into_iter().map(|(k, v)| (k, Value::string(v))).collect()
    }
}

struct CurrentBuild {
    build: Arc<Build>,
}

impl Object for CurrentBuild {
    fn class_name(&self) -> &str {
        "org.jenkinsci.plugins.workflow.support.steps.build.RunWrapper"
    }

    fn get_property(&self, name: &str) -> Option<Value> {
        let b = &self.build;
        let l = &b.layout;
        Some(match name {
            "number" => Value::Int(l.number as i32),
            "id" => Value::string(l.number.to_string()),
            "result" => b.explicit_result().map(|r| Value::str(r.name())).unwrap_or(Value::Null),
            "currentResult" => Value::str(b.current_result().name()),
            "displayName" => Value::string(b.display_name.lock().clone().unwrap_or_else(|| format!("#{}", l.number))),
            "fullDisplayName" => Value::string(format!("{} #{}", l.job, l.number)),
            "projectName" | "fullProjectName" => Value::string(l.job.clone()),
            "description" => b.description.lock().clone().map(Value::string).unwrap_or(Value::Null),
            "duration" => Value::Long(b.started.elapsed().as_millis() as i64),
            "durationString" => Value::string(format!(
                "{} and counting",
                super::basic::time_span(b.started.elapsed().as_millis() as u64)
            )),
            "startTimeInMillis" | "timeInMillis" => Value::Long(b.start_millis),
            "previousBuild" | "previousCompletedBuild" => match b.previous {
                Some((number, result)) => {
                    Value::Object(Arc::new(OtherBuild::new(&l.home, l.job.clone(), number, result)))
                }
                None => Value::Null,
            },
            "previousSuccessfulBuild" | "previousFailedBuild" => Value::Null,
            "absoluteUrl" => Value::string(format!("file://{}/job/{}/{}/", l.home.display(), l.job, l.number)),
            "buildVariables" => Value::map(b.params.iter().map(|(k, v)| (Key::str(k), Value::str(v))).collect()),
            "changeSets" => Value::list(Vec::new()),
            "keepLog" => Value::Bool(false),
            _ => return None,
        })
    }

    fn set_property(&self, name: &str, value: Value) -> bool {
        let b = &self.build;
        match name {
            "result" => match BuildResult::parse(&to_string(&value)) {
                Some(r) => {
                    b.set_result(r);
                    true
                }
                None => false,
            },
            "description" => {
                *b.description.lock() = Some(to_string(&value));
                true
            }
            "displayName" => {
                *b.display_name.lock() = Some(to_string(&value));
                true
            }
            "keepLog" => true,
            _ => false,
        }
    }

    fn to_text(&self) -> String {
        "org.jenkinsci.plugins.workflow.support.steps.build.RunWrapper@1".into()
    }

    fn call_method(&self, name: &str, args: &[Value]) -> Option<crate::interp::Eval> {
        let arg = args.first().map(to_string).unwrap_or_default();
        let compare = |better: bool| -> crate::interp::Eval {
            let other = BuildResult::parse(&arg).ok_or_else(|| {
                throw("java.lang.IllegalArgumentException", format!("No enum constant hudson.model.Result.{arg}"))
            })?;
            let cur = self.build.result();
            Ok(Value::Bool(if better { cur <= other } else { cur >= other }))
        };
        Some(match name {
            "resultIsBetterOrEqualTo" => compare(true),
            "resultIsWorseOrEqualTo" => compare(false),
            "getBuildCauses" => {
                let mut cause = IndexMap::new();
                cause.insert(Key::str("_class"), Value::str("hudson.model.Cause$UserIdCause"));
                cause.insert(Key::str("shortDescription"), Value::str("Started by user jeeves"));
                cause.insert(Key::str("userId"), Value::str("jeeves"));
                cause.insert(Key::str("userName"), Value::str("jeeves"));
                Ok(Value::list(vec![Value::map(cause)]))
            }
            "getRawBuild" => Err(throw(
                "java.lang.UnsupportedOperationException",
                "RunWrapper.getRawBuild() is not available outside a Jenkins controller",
            )),
            _ => return None,
        })
    }
}

/// `scm`: the multibranch job's SCM, which `checkout scm` copies from.
struct Scm;

impl Object for Scm {
    fn class_name(&self) -> &str {
        "hudson.plugins.git.GitSCM"
    }

    fn get_property(&self, _name: &str) -> Option<Value> {
        None
    }

    fn to_text(&self) -> String {
        "hudson.plugins.git.GitSCM@1".into()
    }
}

/// Another build seen from this one (`currentBuild.previousBuild`, what `build` returns): a RunWrapper
/// with its job, number and result.
pub struct OtherBuild {
    pub job: String,
    pub number: u32,
    pub result: BuildResult,
    /// Its `build.json` (for buildVariables, description, displayName), when it could be read.
    pub record: Option<serde_json::Value>,
}

impl OtherBuild {
    pub fn new(home: &std::path::Path, job: String, number: u32, result: BuildResult) -> OtherBuild {
        let path = home.join("jobs").join(&job).join("builds").join(number.to_string()).join("build.json");
        let record = std::fs::read_to_string(path).ok().and_then(|t| serde_json::from_str(&t).ok());
        OtherBuild { job, number, result, record }
    }

    fn recorded(&self, key: &str) -> Option<&serde_json::Value> {
        self.record.as_ref().and_then(|r| r.get(key)).filter(|v| !v.is_null())
    }
}

impl Object for OtherBuild {
    fn class_name(&self) -> &str {
        "org.jenkinsci.plugins.workflow.support.steps.build.RunWrapper"
    }

    fn get_property(&self, name: &str) -> Option<Value> {
        Some(match name {
            "number" => Value::Int(self.number as i32),
            "id" => Value::string(self.number.to_string()),
            "result" | "currentResult" => Value::str(self.result.name()),
            "displayName" => match self.recorded("displayName").and_then(|v| v.as_str()) {
                Some(d) => Value::str(d),
                None => Value::string(format!("#{}", self.number)),
            },
            "description" => {
                self.recorded("description").and_then(|v| v.as_str()).map(Value::str).unwrap_or(Value::Null)
            }
            "buildVariables" => {
                let vars = self.recorded("buildVariables").and_then(|v| v.as_object());
                Value::map(
                    vars.into_iter()
                        .flatten()
                        .map(|(k, v)| (crate::interp::Key::str(k), Value::str(v.as_str().unwrap_or_default())))
                        .collect(),
                )
            }
            "projectName" | "fullProjectName" => Value::string(self.job.clone()),
            "fullDisplayName" => Value::string(format!("{} #{}", self.job, self.number)),
            _ => return None,
        })
    }

    fn to_text(&self) -> String {
        "org.jenkinsci.plugins.workflow.support.steps.build.RunWrapper@2".into()
    }
}
