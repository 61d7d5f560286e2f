//! `withCredentials` and its bindings (`string`, `usernamePassword`, `usernameColonPassword`, `file`,
//! `sshUserPrivateKey`, `certificate`), and `credentials('id')` in a declarative `environment`. Bound
//! values are variables only inside the block; secret files are made with mode 0600 and removed after;
//! every bound secret is masked (`****`) in everything the build writes from then on.

use std::io::Write;

use indexmap::IndexMap;

use super::{PipelineHost, Step, StepArgs};
use crate::credentials::Credential;
use crate::interp::error::{step_failed, throw};
use crate::interp::text::to_string;
use crate::interp::{Eval, Interp, Key, Value};

pub const WITH_CREDENTIALS: Step =
    Step { name: "withCredentials", params: &["bindings"], block: true, run: with_credentials };
pub const USERNAME_PASSWORD: Step = Step {
    name: "usernamePassword",
    params: &["credentialsId", "usernameVariable", "passwordVariable"],
    block: false,
    run: user_pass_def,
};
pub const USERNAME_COLON_PASSWORD: Step =
    Step { name: "usernameColonPassword", params: &["credentialsId", "variable"], block: false, run: user_colon_def };
/// `file` is the secret-file binding (and, with `name`, a file parameter definition).
pub const FILE: Step =
    Step { name: "file", params: &["credentialsId", "variable", "name", "description"], block: false, run: file_def };
pub const SSH_USER_PRIVATE_KEY: Step = Step {
    name: "sshUserPrivateKey",
    params: &["credentialsId", "keyFileVariable", "usernameVariable", "passphraseVariable"],
    block: false,
    run: ssh_def,
};
pub const CERTIFICATE: Step = Step {
    name: "certificate",
    params: &["credentialsId", "keystoreVariable", "passwordVariable", "aliasVariable"],
    block: false,
    run: cert_def,
};

use super::input::definition as binding;

fn user_pass_def(_: &PipelineHost, _: &mut Interp, a: &StepArgs) -> Eval {
    Ok(binding("usernamePassword", a))
}

fn user_colon_def(_: &PipelineHost, _: &mut Interp, a: &StepArgs) -> Eval {
    Ok(binding("usernameColonPassword", a))
}

fn file_def(_: &PipelineHost, _: &mut Interp, a: &StepArgs) -> Eval {
    Ok(binding("file", a))
}

fn ssh_def(_: &PipelineHost, _: &mut Interp, a: &StepArgs) -> Eval {
    Ok(binding("sshUserPrivateKey", a))
}

fn cert_def(_: &PipelineHost, _: &mut Interp, a: &StepArgs) -> Eval {
    Ok(binding("certificate", a))
}

/// The credential `id`, or Jenkins' message (and which flag supplies it).
pub fn lookup(host: &PipelineHost, id: &str) -> Eval<Credential> {
    host.build.credentials.items.get(id).cloned().ok_or_else(|| {
        step_failed(format!(
            "Could not find credentials entry with ID '{id}' (give it to jeeves with --credential {id}=VALUE, \
             --credential {id}=USER:PASSWORD or --credentials FILE)"
        ))
    })
}

fn wrong_type(id: &str, c: &Credential, expected: &str) -> crate::interp::Flow {
    step_failed(format!("Credentials '{id}' is of type '{}' where '{expected}' was expected", c.kind()))
}

/// A secret file for the build (mode 0600, under the build's tmp directory), removed when `files` drops.
fn secret_file(host: &PipelineHost, name: &str, bytes: &[u8], files: &mut Vec<tempfile::TempPath>) -> Eval<String> {
    let dir = host.build.layout.build_dir.join("tmp").join("secrets");
    let err = |e: std::io::Error| throw("java.io.IOException", format!("cannot write a secret file: {e}"));
    std::fs::create_dir_all(&dir).map_err(err)?;
    let suffix = if name.is_empty() { String::new() } else { format!("-{}", name.replace('/', "_")) };
    // tempfile creates files with mode 0600.
    let mut f = tempfile::Builder::new().prefix("secret").suffix(&suffix).tempfile_in(&dir).map_err(err)?;
    f.write_all(bytes).map_err(err)?;
    let path = f.into_temp_path();
    let text = path.display().to_string();
    files.push(path);
    Ok(text)
}

/// Variable names and values.
type Vars = Vec<(String, String)>;

/// The secret files and directories a `withCredentials` block made, removed when it ends.
#[derive(Default)]
struct Made {
    files: Vec<tempfile::TempPath>,
    dirs: Vec<tempfile::TempDir>,
}

/// A secret ZIP file unpacked into a new directory (mode 0700) for the `zip` binding.
fn secret_dir(host: &PipelineHost, id: &str, bytes: &[u8], made: &mut Made) -> Eval<String> {
    let parent = host.build.layout.build_dir.join("tmp").join("secrets");
    let err = |e: std::io::Error| throw("java.io.IOException", format!("cannot unpack the secret ZIP file {id}: {e}"));
    std::fs::create_dir_all(&parent).map_err(err)?;
    let dir = tempfile::Builder::new().prefix("secret").tempdir_in(&parent).map_err(err)?;
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700)).map_err(err)?;
    }
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| throw("java.util.zip.ZipException", format!("{id} is not a ZIP file: {e}")))?;
    archive.extract(dir.path()).map_err(|e| throw("java.io.IOException", format!("cannot unpack {id}: {e}")))?;
    let path = dir.path().display().to_string();
    made.dirs.push(dir);
    Ok(path)
}

/// The variables one binding sets, with the values to mask.
fn bind(host: &PipelineHost, b: &IndexMap<Key, Value>, made: &mut Made) -> Eval<(Vars, Vars)> {
    let files = &mut made.files;
    let get = |k: &str| b.get(&Key::str(k)).filter(|v| !v.is_null()).map(to_string);
    let kind = get("$kind").unwrap_or_default();
    let id = get("credentialsId")
        .ok_or_else(|| throw("java.lang.IllegalArgumentException", format!("{kind}: credentialsId is required")))?;
    let c = lookup(host, &id)?;
    let mut vars = Vec::new();
    let mut secrets = Vec::new();
    let need =
        |k: &str| get(k).ok_or_else(|| throw("java.lang.IllegalArgumentException", format!("{kind}: {k} is required")));
    match (kind.as_str(), &c) {
        ("string", Credential::Secret(s)) => {
            let v = need("variable")?;
            secrets.push((v.clone(), s.clone()));
            vars.push((v, s.clone()));
        }
        ("usernamePassword", Credential::UserPass { user, password }) => {
            let (uv, pv) = (need("usernameVariable")?, need("passwordVariable")?);
            secrets.push((pv.clone(), password.clone()));
            vars.push((uv, user.clone()));
            vars.push((pv, password.clone()));
        }
        ("usernameColonPassword", Credential::UserPass { user, password }) => {
            let v = need("variable")?;
            let both = format!("{user}:{password}");
            secrets.push((v.clone(), both.clone()));
            secrets.push((v.clone(), password.clone()));
            vars.push((v, both));
        }
        ("file", Credential::File { name, bytes }) => {
            let v = need("variable")?;
            if let Ok(text) = std::str::from_utf8(bytes) {
                secrets.push((v.clone(), text.trim().to_string()));
            }
            vars.push((v, secret_file(host, name, bytes, files)?));
        }
        // A `--credential ID=VALUE` secret can stand for a secret file (the flag has no file form).
        ("file", Credential::Secret(s)) => {
            let v = need("variable")?;
            secrets.push((v.clone(), s.clone()));
            vars.push((v, secret_file(host, "", s.as_bytes(), files)?));
        }
        ("sshUserPrivateKey", Credential::SshKey { user, key, passphrase }) => {
            let kv = need("keyFileVariable")?;
            let mut body = key.clone();
            if !body.ends_with('\n') {
                body.push('\n');
            }
            secrets.push((kv.clone(), key.trim().to_string()));
            vars.push((kv, secret_file(host, "key", body.as_bytes(), files)?));
            if let Some(uv) = get("usernameVariable") {
                vars.push((uv, user.clone()));
            }
            if let Some(pv) = get("passphraseVariable") {
                secrets.push((pv.clone(), passphrase.clone()));
                vars.push((pv, passphrase.clone()));
            }
        }
        ("zip", Credential::File { bytes, .. }) => {
            let v = need("variable")?;
            let dir = secret_dir(host, &id, bytes, made)?;
            vars.push((v, dir));
        }
        ("certificate", Credential::Certificate { keystore, password }) => {
            let kv = need("keystoreVariable")?;
            vars.push((kv, secret_file(host, "keystore.p12", keystore, files)?));
            if let Some(pv) = get("passwordVariable") {
                secrets.push((pv.clone(), password.clone()));
                vars.push((pv, password.clone()));
            }
            if let Some(av) = get("aliasVariable") {
                vars.push((av, String::new()));
            }
        }
        (k, c) => {
            // Jenkins names the credentials interface the binding needs.
            let expected = match k {
                "string" => "org.jenkinsci.plugins.plaincredentials.StringCredentials",
                "usernamePassword" | "usernameColonPassword" => {
                    "com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials"
                }
                "file" | "zip" => "org.jenkinsci.plugins.plaincredentials.FileCredentials",
                "sshUserPrivateKey" => "com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey",
                "certificate" => "com.cloudbees.plugins.credentials.common.StandardCertificateCredentials",
                other => return Err(throw("java.lang.IllegalArgumentException", format!("unknown binding {other}"))),
            };
            return Err(wrong_type(&id, c, expected));
        }
    }
    Ok((vars, secrets))
}

fn with_credentials(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    host.pipeline("withCredentials");
    let Some(body) = args.body.clone() else {
        return Err(throw(
            "java.lang.IllegalStateException",
            "There is no body to invoke for the withCredentials step",
        ));
    };
    let mut made = Made::default();
    let mut vars = Vec::new();
    for b in crate::interp::ops::iter_values(args.get("bindings").unwrap_or(&Value::Null)) {
        let Value::Map(m) = b else {
            return Err(throw("java.lang.IllegalArgumentException", "withCredentials: expected a list of bindings"));
        };
        let m: IndexMap<Key, Value> = m.pairs().into_iter().map(|(k, v)| (Key(k), v)).collect();
        let (v, secrets) = bind(host, &m, &mut made)?;
        for (name, value) in secrets {
            host.build.log.add_secret(&name, &value);
        }
        vars.extend(v);
    }
    let names: Vec<String> = vars.iter().map(|(k, _)| format!("${k}")).collect();
    host.output(interp, &format!("Masking supported pattern matches of {}", names.join(" or ")));
    let r = super::block::enter(
        host,
        interp,
        "withCredentials",
        None,
        |ctx| ctx.env.extend(vars),
        |i| i.call(&body, Vec::new()),
    );
    drop(made);
    r
}

/// `NAME = credentials('id')` in a declarative `environment`: the variables Jenkins sets for it (NAME,
/// and NAME_USR/NAME_PSW for a username with password or an SSH key); secret files live until the build
/// ends.
pub fn environment_binding(host: &PipelineHost, name: &str, id: &str) -> Eval<(Vars, Vec<String>)> {
    let c = lookup(host, id)?;
    let mut files = Vec::new();
    let mut vars = Vec::new();
    // The variables Jenkins masks (`Masking supported pattern matches of $NAME or $NAME_PSW`).
    let mut masked = vec![name.to_string()];
    match &c {
        Credential::Secret(s) => {
            host.build.log.add_secret(name, s);
            vars.push((name.to_string(), s.clone()));
        }
        Credential::UserPass { user, password } => {
            let both = format!("{user}:{password}");
            host.build.log.add_secret(name, &both);
            host.build.log.add_secret(&format!("{name}_PSW"), password);
            vars.push((name.to_string(), both));
            vars.push((format!("{name}_USR"), user.clone()));
            vars.push((format!("{name}_PSW"), password.clone()));
            masked.push(format!("{name}_PSW"));
        }
        Credential::File { name: file_name, bytes } => {
            if let Ok(text) = std::str::from_utf8(bytes) {
                host.build.log.add_secret(name, text.trim());
            }
            vars.push((name.to_string(), secret_file(host, file_name, bytes, &mut files)?));
        }
        Credential::SshKey { user, key, passphrase } => {
            host.build.log.add_secret(name, key.trim());
            host.build.log.add_secret(&format!("{name}_PSW"), passphrase);
            let mut body = key.clone();
            if !body.ends_with('\n') {
                body.push('\n');
            }
            vars.push((name.to_string(), secret_file(host, "key", body.as_bytes(), &mut files)?));
            vars.push((format!("{name}_USR"), user.clone()));
            vars.push((format!("{name}_PSW"), passphrase.clone()));
            masked.push(format!("{name}_PSW"));
        }
        Credential::Certificate { .. } => {
            return Err(step_failed(format!(
                "credentials('{id}') binds secret text, username with password, secret file or SSH key \
                 credentials; '{id}' is a certificate"
            )))
        }
    }
    host.build.keep_secret_files(files);
    Ok((vars, masked))
}
