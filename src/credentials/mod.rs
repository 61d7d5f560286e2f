//! The credential store a build binds from: Jenkins Configuration-as-Code YAML (`--credentials FILE`:
//! `credentials.system.domainCredentials[].credentials[]`, `${VAR}` expanded from the environment, file
//! secrets as base64 `secretBytes`) and `--credential ID=VALUE` (secret text) or `ID=USER:PASSWORD`.
//!
//! Not for: binding or masking (`steps/credentials.rs`, `build::Log`); nothing here prints a secret.

use std::path::Path;

use base64::Engine;
use indexmap::IndexMap;

#[derive(Clone)]
pub enum Credential {
    Secret(String),
    UserPass { user: String, password: String },
    File { name: String, bytes: Vec<u8> },
    SshKey { user: String, key: String, passphrase: String },
    Certificate { keystore: Vec<u8>, password: String },
}

impl Credential {
    /// Jenkins' class name, for messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Credential::Secret(_) => "Secret text",
            Credential::UserPass { .. } => "Username with password",
            Credential::File { .. } => "Secret file",
            Credential::SshKey { .. } => "SSH Username with private key",
            Credential::Certificate { .. } => "Certificate",
        }
    }
}

#[derive(Clone, Default)]
pub struct Store {
    pub items: IndexMap<String, Credential>,
}

/// `${VAR}` (and `${VAR:-default}`) from the environment, as JCasC expands them.
fn expand(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("${") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let Some(j) = after.find('}') else {
            out.push_str(&rest[i..]);
            return out;
        };
        let expr = &after[..j];
        let (name, default) = match expr.split_once(":-") {
            Some((n, d)) => (n, Some(d)),
            None => (expr, None),
        };
        match std::env::var(name) {
            Ok(v) => out.push_str(&v),
            Err(_) => out.push_str(default.unwrap_or("")),
        }
        rest = &after[j + 1..];
    }
    out.push_str(rest);
    out
}

fn field(y: &yaml_rust2::Yaml, name: &str) -> String {
    match &y[name] {
        yaml_rust2::Yaml::String(s) => expand(s),
        yaml_rust2::Yaml::Integer(i) => i.to_string(),
        yaml_rust2::Yaml::Boolean(b) => b.to_string(),
        _ => String::new(),
    }
}

fn bytes(text: &str) -> Result<Vec<u8>, String> {
    let clean: String = text.split_whitespace().collect();
    let clean = clean.strip_prefix("${base64:").map(|s| s.trim_end_matches('}')).unwrap_or(&clean);
    base64::engine::general_purpose::STANDARD.decode(clean).map_err(|e| format!("not base64: {e}"))
}

impl Store {
    /// `--credential ID=VALUE` (secret text) or `ID=USER:PASSWORD` (username with password).
    pub fn add_flag(&mut self, spec: &str) -> Result<(), String> {
        let Some((id, value)) = spec.split_once('=') else {
            // The text is not shown: it may be the secret itself.
            return Err("--credential expects ID=VALUE or ID=USER:PASSWORD".to_string());
        };
        if id.is_empty() {
            return Err("--credential needs an ID before `=`".into());
        }
        let c = match value.split_once(':') {
            Some((user, password)) => Credential::UserPass { user: user.into(), password: password.into() },
            None => Credential::Secret(value.into()),
        };
        self.items.insert(id.to_string(), c);
        Ok(())
    }

    /// Reads a JCasC YAML file's credentials.
    pub fn load(&mut self, path: &Path) -> Result<(), String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let docs = yaml_rust2::YamlLoader::load_from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let Some(doc) = docs.first() else { return Ok(()) };
        let domains = &doc["credentials"]["system"]["domainCredentials"];
        let Some(domains) = domains.as_vec() else {
            return Err(format!("{}: no credentials.system.domainCredentials list", path.display()));
        };
        for domain in domains {
            let Some(list) = domain["credentials"].as_vec() else { continue };
            for entry in list {
                let Some(h) = entry.as_hash() else { continue };
                for (kind, c) in h {
                    let kind = kind.as_str().unwrap_or("");
                    let id = field(c, "id");
                    if id.is_empty() {
                        return Err(format!("{}: a {kind} credential has no id", path.display()));
                    }
                    let cred = match kind {
                        "string" => Credential::Secret(field(c, "secret")),
                        "usernamePassword" => {
                            Credential::UserPass { user: field(c, "username"), password: field(c, "password") }
                        }
                        "file" => Credential::File {
                            name: field(c, "fileName"),
                            bytes: bytes(&field(c, "secretBytes"))
                                .map_err(|e| format!("{}: {id}: {e}", path.display()))?,
                        },
                        "basicSSHUserPrivateKey" => Credential::SshKey {
                            user: field(c, "username"),
                            key: field(&c["privateKeySource"]["directEntry"], "privateKey"),
                            passphrase: field(c, "passphrase"),
                        },
                        "certificate" => Credential::Certificate {
                            keystore: bytes(&field(&c["keyStoreSource"]["uploaded"], "uploadedKeystore"))
                                .map_err(|e| format!("{}: {id}: {e}", path.display()))?,
                            password: field(c, "password"),
                        },
                        other => return Err(format!("{}: credential type `{other}` is not supported", path.display())),
                    };
                    self.items.insert(id, cred);
                }
            }
        }
        Ok(())
    }
}
