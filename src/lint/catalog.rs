//! The steps and DSL names a Jenkinsfile may call: jeeves' own steps (their declared parameters), the
//! steps of widely installed plugins jeeves does not run (names only), the symbols used inside
//! `properties`, `parameters`, `checkout` and friends, and the steps a team describes in a `--steps`
//! file.

use std::collections::HashMap;
use std::path::Path;

/// A known step: its parameters when they are known (None: any are accepted), and the ones it needs.
#[derive(Clone, Debug)]
pub struct StepInfo {
    pub params: Option<Vec<String>>,
    pub required: Vec<String>,
    /// Takes a closure body.
    pub block: bool,
    /// jeeves runs it (its parameters come from its declaration in `src/steps/`).
    pub native: bool,
    /// A DSL symbol or Groovy function rather than a step: never offered as a suggestion.
    pub symbol: bool,
}

#[derive(Clone, Debug, Default)]
pub struct Catalog {
    pub steps: HashMap<String, StepInfo>,
}

/// Parameters a step cannot do without (the first one is usually also its lone positional argument).
const REQUIRED: &[(&str, &[&str])] = &[
    ("sh", &["script"]),
    ("bat", &["script"]),
    ("pwsh", &["script"]),
    ("powershell", &["script"]),
    ("echo", &["message"]),
    ("error", &["message"]),
    ("archiveArtifacts", &["artifacts"]),
    ("stash", &["name"]),
    ("unstash", &["name"]),
    ("readFile", &["file"]),
    ("writeFile", &["file", "text"]),
    ("fileExists", &["file"]),
    ("dir", &["path"]),
    ("ws", &["dir"]),
    ("input", &["message"]),
    ("build", &["job"]),
    ("junit", &["testResults"]),
    ("timeout", &["time"]),
    ("retry", &["count"]),
    ("sleep", &["time"]),
    ("load", &["path"]),
    ("fingerprint", &["targets"]),
    ("git", &["url"]),
    ("zip", &["zipFile"]),
    ("unzip", &["zipFile"]),
    ("withCredentials", &["bindings"]),
    ("withEnv", &["overrides"]),
    ("touch", &["file"]),
    ("writeJSON", &["json"]),
    ("writeYaml", &[]),
    ("sha256", &["file"]),
    ("sha1", &["file"]),
    ("md5", &["file"]),
];

/// Steps of plugins most Jenkins installations have, which jeeves does not run: known names, any
/// parameters.
const PLUGIN_STEPS: &[&str] = &[
    "addBadge",
    "addInfoBadge",
    "addShortText",
    "bitbucketStatusNotify",
    "buildDescription",
    "cleanWs",
    "cobertura",
    "container",
    "containerLog",
    "copyArtifacts",
    "dependencyCheckPublisher",
    "deleteDir",
    "discordSend",
    "dockerNode",
    "emailext",
    "emailextrecipients",
    "getContext",
    "githubNotify",
    "httpRequest",
    "jacoco",
    "jiraComment",
    "kubeconfig",
    "kubernetesDeploy",
    "library",
    "libraryResource",
    "mail",
    "milestone",
    "nexusArtifactUploader",
    "nexusPublisher",
    "office365ConnectorSend",
    "podTemplate",
    "properties",
    "publishChecks",
    "publishCoverage",
    "publishHTML",
    "readCSV",
    "readManifest",
    "readMavenPom",
    "readTrusted",
    "recordCoverage",
    "recordIssues",
    "resolveScm",
    "rtp",
    "s3Download",
    "s3Upload",
    "script",
    "setGitHubPullRequestStatus",
    "sshPublisher",
    "slackSend",
    "slackUploadFile",
    "sonarQubeEnv",
    "step",
    "stage",
    "tool",
    "unarchive",
    "validateDeclarativePipeline",
    "waitForQualityGate",
    "writeCSV",
    "writeMavenPom",
    "xunit",
    "publishIssues",
    "scanForIssues",
    "googleStorageUpload",
    "azureUpload",
    "gitChangelog",
    "prependToFile",
    "compareVersions",
    "findBuildScans",
    "build",
    "checkout",
    "checkoutToSubdirectory",
    "parallel",
    "node",
    "isUnix",
    "ws",
    "dir",
    "stash",
    "unstash",
    "input",
    "timestamps",
    "archive",
    "unstable",
    "warnError",
    "tar",
    "untar",
    "readJSON",
    "nunit",
    "mstest",
    "vsTest",
    "allure",
    "jiraSendBuildInfo",
    "jiraSendDeploymentInfo",
    "withGroovy",
    "dockerFingerprintFrom",
    "dockerFingerprintRun",
    "junit",
    "sleep",
    "echo",
    "error",
    "containerTemplate",
    "hostPathVolume",
    "persistentVolumeClaim",
    "podAnnotation",
    "emptyDirVolume",
    "secretVolume",
    "configMapVolume",
    "nfsVolume",
    "updateGitlabCommitStatus",
    "gitlabBuilds",
    "configFile",
    "configFileProvider",
    "openshiftBuild",
    "openshiftTag",
    "openshiftVerifyDeployment",
    "openshiftDeploy",
    "openshiftScale",
    "splitTests",
    "realtimeJUnit",
    "dependencyCheck",
    "benchmark",
    "cucumber",
    "anchore",
    "withFileParameter",
    "rtServer",
    "rtUpload",
    "rtDownload",
    "rtPublishBuildInfo",
    "rtMavenRun",
    "s3FindFiles",
    "s3Copy",
    "s3Delete",
    "deploy",
    "coberturaAdapter",
    "githubPRMessage",
    "githubPRComment",
    "labelledShell",
    "jiraIssueSelector",
    "dockerImage",
    "sonarToken",
    "slackUserIdFromEmail",
    "findText",
    "textFinder",
    "perfReport",
    "performanceTest",
    "htmlPublisher",
    "archiveJunit",
    "junitResultArchiver",
    "publishTestResults",
];

/// Names used as values inside steps and directives (`properties([...])`, `parameters { }`,
/// `checkout([$class: ...])`, `triggers { }`, post conditions), and Groovy's own script functions.
const SYMBOLS: &[&str] = &[
    // Groovy script methods.
    "println",
    "print",
    "printf",
    "sprintf",
    "evaluate",
    "getBinding",
    "setBinding",
    "getProperty",
    "setProperty",
    "invokeMethod",
    "getClass",
    "run",
    "use",
    "with",
    "identity",
    "sleep",
    // Pipeline globals used as calls.
    "currentBuild",
    "env",
    "params",
    "scm",
    "docker",
    "credentials",
    "pipeline",
    // Job properties and their parts.
    "buildDiscarder",
    "logRotator",
    "disableConcurrentBuilds",
    "pipelineTriggers",
    "parameters",
    "durabilityHint",
    "disableResume",
    "copyArtifactPermission",
    "githubProjectProperty",
    "overrideIndexTriggers",
    "rateLimitBuilds",
    "preserveStashes",
    "skipDefaultCheckout",
    "skipStagesAfterUnstable",
    "parallelsAlwaysFailFast",
    "quietPeriod",
    "newContainerPerStage",
    "retry",
    "timeout",
    "timestamps",
    "ansiColor",
    "disableRestartFromStage",
    // Parameter types.
    "string",
    "text",
    "booleanParam",
    "choice",
    "password",
    "file",
    "run",
    "gitParameter",
    "extendedChoice",
    "activeChoice",
    "reactiveChoice",
    "base64File",
    "stashedFile",
    "validatingString",
    // Triggers.
    "cron",
    "pollSCM",
    "upstream",
    "githubPush",
    "gitlab",
    "GenericTrigger",
    "issueCommentTrigger",
    "bitbucketPush",
    // Credentials bindings.
    "usernamePassword",
    "usernameColonPassword",
    "sshUserPrivateKey",
    "certificate",
    "zip",
    "dockerCert",
    "aws",
    "amazonWebServicesCredentialsBinding",
    "kubeconfigFile",
    "kubeconfigContent",
    "gitUsernamePassword",
    "gitSshPrivateKey",
    "vaultString",
    "vaultFile",
    // SCM and build parts, library retrievers.
    "modernSCM",
    "legacySCM",
    "retriever",
    "gitSource",
    "github",
    "gitLabSCMSource",
    "bitbucket",
    "git",
    "scmGit",
    "GitSCM",
    "branches",
    "extensions",
    "userRemoteConfigs",
    "submodule",
    "cloneOption",
    "localBranch",
    "cleanBeforeCheckout",
    "lfs",
    "sparseCheckoutPaths",
    "relativeTargetDirectory",
    "fileParam",
    // Post conditions and declarative when conditions used as calls inside their sections.
    "always",
    "success",
    "failure",
    "unstable",
    "changed",
    "fixed",
    "regression",
    "aborted",
    "unsuccessful",
    "cleanup",
    "notBuilt",
    // Seen in public Jenkinsfiles: Kubernetes pod parts, Warnings NG tools, retry conditions, selectors.
    "envVar",
    "secretEnvVar",
    "containerEnvVar",
    "podEnvVar",
    "keyValueEnvVar",
    "java",
    "javaDoc",
    "excludeFile",
    "mavenConsole",
    "pmdParser",
    "cppLint",
    "checkStyle",
    "spotBugs",
    "findBugs",
    "pmd",
    "cpd",
    "taskScanner",
    "esLint",
    "pyLint",
    "flake8",
    "gcc",
    "gcc4",
    "msBuild",
    "clang",
    "junitParser",
    "sonarQube",
    "kubernetesAgent",
    "nonresumable",
    "agent",
    "count",
    "specific",
    "tomcat9",
    "tomcat8",
    "lastSuccessful",
    "lastCompleted",
    "permalink",
    "buildParameter",
    "latestSavedBuild",
    "sourceRegexFilter",
    "headRegexFilter",
    "branchDiscovery",
    "lastDuration",
    "issues",
];

impl Catalog {
    /// jeeves' own steps (from their declarations), then the plugin steps and symbols.
    pub fn builtin() -> Catalog {
        let mut steps = HashMap::new();
        for s in crate::steps::registry() {
            let required = REQUIRED
                .iter()
                .find(|(n, _)| *n == s.name)
                .map(|(_, r)| r.iter().map(|x| x.to_string()).collect())
                .unwrap_or_default();
            let mut params: Vec<String> = s.params.iter().map(|p| p.to_string()).collect();
            // The generic parameter every step accepts from the Snippet Generator's output.
            params.push("$class".into());
            steps.insert(
                s.name.to_string(),
                StepInfo { params: Some(params), required, block: s.block, native: true, symbol: false },
            );
        }
        // Steps whose parameters jeeves reads only in part: any are accepted.
        for name in ["node", "stage", "parallel", "build", "checkout", "withCredentials", "git"] {
            if let Some(s) = steps.get_mut(name) {
                s.params = None;
            }
        }
        // Plugin block steps that also serve as declarative options (`options { ansiColor('xterm') }`),
        // and plugin triggers and parameter types, from the declarative model's lists.
        let lists = [
            (crate::pipeline::model::PLUGIN_OPTIONS, false),
            (crate::pipeline::model::PLUGIN_TRIGGERS, false),
            (crate::pipeline::model::PLUGIN_PARAMETERS, false),
            (PLUGIN_STEPS, false),
            (SYMBOLS, true),
        ];
        for (names, symbol) in lists {
            for name in names {
                let any = StepInfo { params: None, required: Vec::new(), block: false, native: false, symbol };
                steps.entry(name.to_string()).or_insert(any);
            }
        }
        Catalog { steps }
    }

    /// Adds the steps of a `--steps` file: a JSON or YAML list whose items are step names, or maps with
    /// `name`, `parameters` (or `params`) and `required`.
    pub fn add_file(&mut self, path: &Path) -> Result<usize, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let docs = yaml_rust2::YamlLoader::load_from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let Some(yaml_rust2::Yaml::Array(items)) = docs.into_iter().next() else {
            return Err(format!("{}: expected a list of steps", path.display()));
        };
        let mut n = 0;
        for item in items {
            let (name, params, required) = match &item {
                yaml_rust2::Yaml::String(s) => (s.clone(), None, Vec::new()),
                yaml_rust2::Yaml::Hash(h) => {
                    let get = |k: &str| h.get(&yaml_rust2::Yaml::String(k.into()));
                    let Some(name) = get("name").and_then(|v| v.as_str()) else {
                        return Err(format!("{}: a step without a name", path.display()));
                    };
                    let list = |v: Option<&yaml_rust2::Yaml>| -> Option<Vec<String>> {
                        v.and_then(|v| v.as_vec())
                            .map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect())
                    };
                    let params = list(get("parameters")).or_else(|| list(get("params")));
                    (name.to_string(), params, list(get("required")).unwrap_or_default())
                }
                _ => return Err(format!("{}: expected step names or maps", path.display())),
            };
            self.steps.insert(name, StepInfo { params, required, block: false, native: false, symbol: false });
            n += 1;
        }
        Ok(n)
    }

    pub fn get(&self, name: &str) -> Option<&StepInfo> {
        self.steps.get(name)
    }

    /// The known step closest to `name`, for "did you mean".
    pub fn suggest(&self, name: &str) -> Option<&str> {
        suggest(name, self.steps.iter().filter(|(_, s)| !s.symbol).map(|(k, _)| k.as_str()))
    }
}

/// The candidate closest to `name` (Jaro-Winkler similarity of at least 0.85, or the same letters in
/// another case).
pub fn suggest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let lower = name.to_ascii_lowercase();
    let mut best: Option<(f64, &str)> = None;
    // In name order, so that a tie always suggests the same name.
    let mut candidates: Vec<&str> = candidates.collect();
    candidates.sort_unstable();
    for c in candidates {
        let score = if c.to_ascii_lowercase() == lower { 1.0 } else { strsim::jaro_winkler(name, c) };
        if score >= 0.85 && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, c));
        }
    }
    best.map(|(_, c)| c)
}
