//! Credentials through the real binary: JCasC YAML and flags, withCredentials bindings, credentials() in
//! a declarative environment, and a masking suite that tries to leak every secret through echo, sh output
//! split across reads, `set -x` tracing, environment dumps, returnStdout, error messages, the log file,
//! the events file and the build record. No secret may appear anywhere.

mod support;

use std::process::Command;

const SECRETS: [&str; 6] = [
    "hunter2-registry",
    "tok-from-yaml-456",
    "kube-secret-content",
    "ssh-pass-phrase-9",
    "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW",
    "param-secret-77",
];

const LEAKY: &str = r#"pipeline {
  agent any
  options { skipDefaultCheckout() }
  parameters { password(name: 'PW', defaultValue: 'param-secret-77') }
  environment { REG = credentials('registry') }
  stages {
    stage('leak') {
      steps {
        echo "user=${REG_USR} pass=${REG_PSW} both=${REG} pw=${params.PW}"
        sh 'echo "$REG_PSW"; printf "%s" "$REG_PSW" | head -c 8; printf "%s\n" "$(printf "%s" "$REG_PSW" | tail -c +9)"'
        sh 'for i in 1 2 3; do printf "%s" "$REG_PSW" | cut -c$i-$((i+5)); done; printf "%s" "$REG_PSW" > part; (head -c 7 part; sleep 0.3; tail -c +8 part; echo)'
        sh "echo interpolated ${REG_PSW}"
        withCredentials([string(credentialsId: 'token', variable: 'TOKEN'),
                         file(credentialsId: 'kubeconfig', variable: 'KC'),
                         sshUserPrivateKey(credentialsId: 'deploy-key', keyFileVariable: 'KEY', usernameVariable: 'KU', passphraseVariable: 'KP')]) {
          sh 'set -x; echo token=$TOKEN; cat "$KC"; cat "$KEY"; echo "$KU $KP"; env | sort'
          script {
            def out = sh(script: 'echo $TOKEN', returnStdout: true).trim()
            echo "captured ${out} ${out.reverse().reverse()}"
            writeFile file: 'paths', text: "${env.KC}\n${env.KEY}\n"
            println "printed ${TOKEN}"
          }
        }
        sh 'for f in $(cat paths); do test -e "$f" && echo "still there: $f" || echo gone; done; echo "after: [${TOKEN:-}]"'
        error "failing with ${REG_PSW} and ${params.PW}"
      }
    }
  }
}
"#;

#[test]
fn no_secret_leaks_anywhere() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("Jenkinsfile"), LEAKY).unwrap();
    let yaml = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/credentials/jcasc.yaml");
    let out = Command::new(env!("CARGO_BIN_EXE_jeeves"))
        .args(["run", "--job", "leak", "--events", "events.jsonl", "--credentials"])
        .arg(&yaml)
        .current_dir(p)
        .env("REG_PASSWORD", "hunter2-registry")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(2), "{stdout}\n{stderr}");
    // The bindings worked: the masked values were there to mask.
    assert!(stdout.contains("user=deployer pass=**** both=**** pw=****"), "{stdout}");
    assert!(stdout.contains("\n+ echo token=****\ntoken=****\n"), "{stdout}");
    assert!(stdout.contains("captured **** ****"), "{stdout}");
    assert!(stdout.contains("Masking supported pattern matches of $TOKEN or $KC or $KEY or $KU or $KP"), "{stdout}");
    assert!(
        stdout.contains("Warning: A secret was passed to \"sh\" using Groovy String interpolation, which is insecure.")
    );
    assert!(stdout.contains("Affected argument(s) used the following variable(s): [REG_PSW]"), "{stdout}");
    assert!(stdout.contains("ERROR: failing with **** and ****"), "{stdout}");
    // Secret files are 0600 while bound and gone afterwards.
    assert!(stdout.contains("gone\ngone\n"), "{stdout}");
    assert!(!stdout.contains("still there"), "{stdout}");
    assert!(stdout.contains("after: []"), "{stdout}");
    let build = p.join(".jeeves/jobs/leak/builds/1");
    let texts = [
        ("stdout", stdout.clone()),
        ("stderr", stderr),
        ("log", std::fs::read_to_string(build.join("log")).unwrap()),
        ("build.json", std::fs::read_to_string(build.join("build.json")).unwrap()),
        ("events", std::fs::read_to_string(p.join("events.jsonl")).unwrap()),
    ];
    for (what, text) in &texts {
        for s in SECRETS {
            assert!(!text.contains(s), "{what} leaks {s}:\n{text}");
        }
    }
    // Nothing with a secret is left in the build directory.
    let leftovers = Command::new("grep").args(["-rl", "tok-from-yaml-456"]).arg(&build).output().unwrap();
    assert!(leftovers.stdout.is_empty(), "{}", String::from_utf8_lossy(&leftovers.stdout));
}

#[test]
fn credentials_from_flags_and_missing_ones() {
    support::Case::new()
        .jenkinsfile(
            "node {\n  withCredentials([usernamePassword(credentialsId: 'db', usernameVariable: 'U', passwordVariable: 'P'), string(credentialsId: 'tok', variable: 'T')]) {\n    sh 'echo \"$U / $P / $T\"'\n  }\n  withCredentials([string(credentialsId: 'nope', variable: 'X')]) { echo 'never' }\n}\n",
        )
        .args(["run", "--credential", "db=admin:s3cr3t-pass", "--credential", "tok=flag-token-1"])
        .stdout_has("admin / **** / ****\n")
        .stdout_has(
            "ERROR: Could not find credentials entry with ID 'nope' (give it to jeeves with --credential nope=VALUE",
        )
        .status(2)
        .run();
}

#[test]
fn a_binding_of_the_wrong_type_says_so() {
    support::Case::new()
        .jenkinsfile("node {\n  withCredentials([string(credentialsId: 'db', variable: 'X')]) { echo 'never' }\n}\n")
        .args(["run", "--credential", "db=admin:pw-123456"])
        .stdout_has("ERROR: Credentials 'db' is of type 'Username with password' where 'org.jenkinsci.plugins.plaincredentials.StringCredentials' was expected\n")
        .status(2)
        .run();
}
