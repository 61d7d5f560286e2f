//! The Pipeline Utility Steps real pipelines use: `readJSON`/`writeJSON`, `readYaml`/`writeYaml`,
//! `readProperties`, `findFiles`, `touch`, the `sha256`/`sha1`/`md5` of a file, and `waitUntil`.
//! Reads and writes go through the same confinement as `readFile`/`writeFile`.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use indexmap::IndexMap;

use super::files::{confined, resolve};
use super::{PipelineHost, Step, StepArgs};
use crate::interp::error::{aborted, throw};
use crate::interp::text::to_string;
use crate::interp::value::Object;
use crate::interp::{Eval, Interp, Key, Value};

pub const READ_JSON: Step =
    Step { name: "readJSON", params: &["file", "text", "returnPojo"], block: false, run: read_json };
pub const WRITE_JSON: Step =
    Step { name: "writeJSON", params: &["file", "json", "pretty", "returnText"], block: false, run: write_json };
pub const READ_YAML: Step = Step {
    name: "readYaml",
    params: &["file", "text", "maxAliasesForCollections", "codePointLimit"],
    block: false,
    run: read_yaml,
};
pub const WRITE_YAML: Step = Step {
    name: "writeYaml",
    params: &["file", "data", "datas", "overwrite", "charset", "returnText"],
    block: false,
    run: write_yaml,
};
pub const READ_PROPERTIES: Step = Step {
    name: "readProperties",
    params: &["file", "text", "defaults", "interpolate"],
    block: false,
    run: read_properties,
};
pub const FIND_FILES: Step = Step { name: "findFiles", params: &["glob", "excludes"], block: false, run: find_files };
pub const TOUCH: Step = Step { name: "touch", params: &["file", "timestamp"], block: false, run: touch };
pub const SHA256: Step = Step { name: "sha256", params: &["file"], block: false, run: sha256 };
pub const SHA1: Step = Step { name: "sha1", params: &["file"], block: false, run: sha1 };
pub const MD5: Step = Step { name: "md5", params: &["file"], block: false, run: md5 };
pub const WAIT_UNTIL: Step =
    Step { name: "waitUntil", params: &["initialRecurrencePeriod", "quiet"], block: true, run: wait_until };

fn io(e: std::io::Error, path: &Path) -> crate::interp::Flow {
    if e.kind() == std::io::ErrorKind::NotFound {
        // The pipeline-utility-steps wording.
        return throw("java.io.FileNotFoundException", format!("{} does not exist.", path.display()));
    }
    // The reason without Rust's `(os error N)`.
    let reason = e.to_string();
    let reason = reason.split(" (os error").next().unwrap_or(&reason);
    throw("java.io.IOException", format!("{} ({reason})", path.display()))
}

/// The text a reading step works on: `text:`, or the file `file:` relative to the current directory.
fn input_text(interp: &Interp, args: &StepArgs, step: &str) -> Eval<String> {
    match (args.str("file"), args.str("text")) {
        (Some(_), Some(_)) => Err(throw(
            "java.lang.IllegalArgumentException",
            format!("{step}: At most one of file or text must be provided to {step}."),
        )),
        (None, Some(t)) => Ok(t),
        (Some(f), None) => {
            let path = resolve(&PipelineHost::ctx(interp).cwd, &f);
            let bytes = std::fs::read(&path).map_err(|e| io(e, &path))?;
            Ok(String::from_utf8_lossy(&bytes).into_owned())
        }
        (None, None) => Err(throw(
            "java.lang.IllegalArgumentException",
            format!("{step}: At least one of file or text needs to be provided to {step}."),
        )),
    }
}

/// Writes `text` to `file:` (confined to the workspace).
fn output_file(host: &PipelineHost, interp: &Interp, file: &str, text: &str, step: &str) -> Eval<()> {
    let path = confined(host, interp, file, step)?;
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| io(e, parent))?;
    }
    std::fs::write(&path, text).map_err(|e| io(e, &path))
}

fn read_json(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    host.pipeline("readJSON");
    let text = input_text(interp, args, "readJSON")?;
    crate::interp::methods::json::parse_json_lib(&text, args.flag("returnPojo"))
}

fn write_json(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    host.pipeline("writeJSON");
    let json = args.get("json").cloned().unwrap_or(Value::Null);
    let compact = crate::interp::methods::json::to_json(&json);
    let pretty = args.get("pretty").and_then(crate::interp::ops::to_i64).unwrap_or(0);
    let text =
        if pretty > 0 { reindent(&crate::interp::methods::json::pretty_print(&compact)?, pretty) } else { compact };
    if args.flag("returnText") {
        return Ok(Value::string(text));
    }
    let Some(file) = args.str("file") else {
        return Err(throw("java.lang.IllegalArgumentException", "writeJSON: file is required"));
    };
    output_file(host, interp, &file, &text, "writeJSON")?;
    Ok(Value::Null)
}

/// Groovy's pretty printer indents by 4; `pretty: N` asks for N.
fn reindent(text: &str, n: i64) -> String {
    let unit = " ".repeat(n.clamp(0, 16) as usize);
    text.lines()
        .map(|l| {
            let spaces = l.len() - l.trim_start_matches(' ').len();
            format!("{}{}", unit.repeat(spaces / 4), &l[spaces..])
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn yaml_to_value(y: &yaml_rust2::Yaml) -> Value {
    use yaml_rust2::Yaml;
    match y {
        Yaml::Real(r) => r.parse::<f64>().map(Value::Double).unwrap_or_else(|_| Value::string(r.clone())),
        Yaml::Integer(i) => i32::try_from(*i).map(Value::Int).unwrap_or(Value::Long(*i)),
        Yaml::String(s) => Value::string(s.clone()),
        Yaml::Boolean(b) => Value::Bool(*b),
        Yaml::Array(items) => Value::list(items.iter().map(yaml_to_value).collect()),
        Yaml::Hash(h) => {
            Value::map(h.iter().map(|(k, v)| (Key(yaml_to_value(k)), yaml_to_value(v))).collect::<IndexMap<_, _>>())
        }
        Yaml::Alias(_) | Yaml::Null | Yaml::BadValue => Value::Null,
    }
}

fn value_to_yaml(v: &Value) -> yaml_rust2::Yaml {
    use yaml_rust2::Yaml;
    match v {
        Value::Null => Yaml::Null,
        Value::Bool(b) => Yaml::Boolean(*b),
        Value::Int(i) => Yaml::Integer(*i as i64),
        Value::Long(i) => Yaml::Integer(*i),
        Value::Float(_) | Value::Double(_) | Value::Decimal(_) => Yaml::Real(to_string(v)),
        Value::List(l) => Yaml::Array(l.snapshot().iter().map(value_to_yaml).collect()),
        Value::Set(_) => Yaml::Array(crate::interp::ops::iter_values(v).iter().map(value_to_yaml).collect()),
        Value::Map(m) => {
            let mut h = yaml_rust2::yaml::Hash::new();
            for (k, val) in m.pairs() {
                h.insert(value_to_yaml(&k), value_to_yaml(&val));
            }
            Yaml::Hash(h)
        }
        other => Yaml::String(to_string(other)),
    }
}

fn read_yaml(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    host.pipeline("readYaml");
    let text = input_text(interp, args, "readYaml")?;
    let docs = yaml_rust2::YamlLoader::load_from_str(&text)
        .map_err(|e| throw("org.yaml.snakeyaml.parser.ParserException", e.to_string()))?;
    // One document gives its value, several give a list of them (as the plugin does).
    Ok(match docs.len() {
        0 => Value::Null,
        1 => yaml_to_value(&docs[0]),
        _ => Value::list(docs.iter().map(yaml_to_value).collect()),
    })
}

fn write_yaml(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    host.pipeline("writeYaml");
    let docs: Vec<Value> = match (args.get("data"), args.get("datas")) {
        (Some(d), None) => vec![d.clone()],
        (None, Some(ds)) => crate::interp::ops::iter_values(ds),
        _ => {
            return Err(throw(
                "java.lang.IllegalArgumentException",
                "writeYaml: exactly one of data or datas must be provided",
            ))
        }
    };
    let mut text = String::new();
    for d in &docs {
        let mut out = String::new();
        yaml_rust2::YamlEmitter::new(&mut out)
            .dump(&value_to_yaml(d))
            .map_err(|e| throw("java.io.IOException", format!("writeYaml: {e:?}")))?;
        // The emitter starts each document with `---`; the plugin writes a single document bare.
        let body = if docs.len() == 1 { out.trim_start_matches("---\n").to_string() } else { out };
        text.push_str(&body);
        text.push('\n');
    }
    if args.flag("returnText") {
        return Ok(Value::string(text));
    }
    let Some(file) = args.str("file") else {
        return Err(throw("java.lang.IllegalArgumentException", "writeYaml: file is required"));
    };
    let path = resolve(&PipelineHost::ctx(interp).cwd, &file);
    if path.exists() && !args.flag("overwrite") {
        return Err(throw(
            "hudson.AbortException",
            format!("{} already exist and overwrite not set to true.", path.display()),
        ));
    }
    output_file(host, interp, &file, &text, "writeYaml")?;
    Ok(Value::Null)
}

/// Java `Properties.load`: `key=value`, `key: value` or `key value`, `#`/`!` comments, `\` continuations
/// and escapes.
pub fn parse_properties(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut logical = String::new();
    let mut lines = text.lines().peekable();
    while let Some(raw) = lines.next() {
        let line = raw.trim_start();
        if logical.is_empty() && (line.is_empty() || line.starts_with('#') || line.starts_with('!')) {
            continue;
        }
        let trailing = line.len() - line.trim_end_matches('\\').len();
        if trailing % 2 == 1 {
            logical.push_str(&line[..line.len() - 1]);
            if lines.peek().is_some() {
                continue;
            }
        } else {
            logical.push_str(line);
        }
        let entry = std::mem::take(&mut logical);
        let mut key = String::new();
        let mut chars = entry.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    if let Some(n) = chars.next() {
                        key.push(unescape(n, &mut chars));
                    }
                }
                '=' | ':' => break,
                c if c.is_whitespace() => {
                    while chars.peek().is_some_and(|c| c.is_whitespace()) {
                        chars.next();
                    }
                    if chars.peek().is_some_and(|c| *c == '=' || *c == ':') {
                        chars.next();
                    }
                    break;
                }
                c => key.push(c),
            }
        }
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        let mut value = String::new();
        while let Some(c) = chars.next() {
            if c == '\\' {
                if let Some(n) = chars.next() {
                    value.push(unescape(n, &mut chars));
                }
            } else {
                value.push(c);
            }
        }
        out.push((key, value));
    }
    out
}

fn unescape(c: char, rest: &mut std::iter::Peekable<std::str::Chars>) -> char {
    match c {
        't' => '\t',
        'n' => '\n',
        'r' => '\r',
        'f' => '\u{c}',
        'u' => {
            let hex: String = (0..4).filter_map(|_| rest.next()).collect();
            u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32).unwrap_or('\u{fffd}')
        }
        other => other,
    }
}

fn read_properties(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    host.pipeline("readProperties");
    // A missing file is not an error for readProperties: the plugin warns and goes on with the defaults.
    let missing = args.str("file").filter(|_| args.str("text").is_none()).and_then(|f| {
        let path = resolve(&PipelineHost::ctx(interp).cwd, &f);
        (!path.exists()).then_some(path)
    });
    let text = match &missing {
        Some(path) => {
            host.output(
                interp,
                &format!("warning: {} does not exist, omitting from properties gathering", path.display()),
            );
            String::new()
        }
        None => input_text(interp, args, "readProperties")?,
    };
    let mut props: IndexMap<String, String> = IndexMap::new();
    if let Some(Value::Map(d)) = args.get("defaults") {
        for (k, v) in d.pairs() {
            props.insert(to_string(&k), to_string(&v));
        }
    }
    for (k, v) in parse_properties(&text) {
        props.insert(k, v);
    }
    if args.flag("interpolate") {
        host.output(interp, "Interpolation set to true, starting to parse the variable!");
        props = interpolate(&props);
    }
    Ok(Value::map(props.into_iter().map(|(k, v)| (Key(Value::string(k)), Value::string(v))).collect()))
}

/// `readProperties interpolate: true`: `${name}` in a value replaced by that property's value, until
/// nothing changes (a cycle stops after as many rounds as there are properties).
fn interpolate(props: &IndexMap<String, String>) -> IndexMap<String, String> {
    let mut out = props.clone();
    for _ in 0..=props.len() {
        let mut changed = false;
        let snapshot = out.clone();
        for v in out.values_mut() {
            for (name, value) in &snapshot {
                let key = format!("${{{name}}}");
                if v.contains(&key) && !value.contains(&key) {
                    *v = v.replace(&key, value);
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    out
}

/// A file `findFiles` found (the plugin's FileWrapper).
struct FileWrapper {
    name: String,
    path: String,
    directory: bool,
    length: i64,
    last_modified: i64,
}

impl Object for FileWrapper {
    fn class_name(&self) -> &str {
        "org.jenkinsci.plugins.pipeline.utility.steps.fs.FileWrapper"
    }

    fn get_property(&self, name: &str) -> Option<Value> {
        Some(match name {
            "name" => Value::string(self.name.clone()),
            "path" => Value::string(self.path.clone()),
            "directory" => Value::Bool(self.directory),
            "length" => Value::Long(self.length),
            "lastModified" => Value::Long(self.last_modified),
            _ => return None,
        })
    }

    fn to_text(&self) -> String {
        self.path.clone()
    }

    fn call_method(&self, name: &str, _args: &[Value]) -> Option<Eval> {
        let prop = match name {
            "getName" => "name",
            "getPath" => "path",
            "isDirectory" => "directory",
            "getLength" => "length",
            "getLastModified" => "lastModified",
            "toString" => return Some(Ok(Value::string(self.path.clone()))),
            _ => return None,
        };
        self.get_property(prop).map(Ok)
    }
}

fn glob_set(patterns: &str) -> Eval<globset::GlobSet> {
    let mut b = globset::GlobSetBuilder::new();
    for p in patterns.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let g = globset::GlobBuilder::new(p)
            .literal_separator(true)
            .build()
            .map_err(|e| throw("java.lang.IllegalArgumentException", format!("findFiles: bad glob {p}: {e}")))?;
        b.add(g);
    }
    b.build().map_err(|e| throw("java.lang.IllegalArgumentException", format!("findFiles: {e}")))
}

fn find_files(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    host.pipeline("findFiles");
    let cwd = PipelineHost::ctx(interp).cwd;
    let glob = args.str("glob");
    let include = glob.as_deref().map(glob_set).transpose()?;
    let exclude = args.str("excludes").as_deref().map(glob_set).transpose()?;
    let mut found = Vec::new();
    // Without a glob: the current directory's own entries, as the plugin lists them.
    let recurse = include.is_some();
    walk(&cwd, &cwd, recurse, &mut found);
    found.sort();
    let mut out = Vec::new();
    for rel in found {
        let rel_text = rel.to_string_lossy().to_string();
        if include.as_ref().is_some_and(|g| !g.is_match(&rel_text)) {
            continue;
        }
        if exclude.as_ref().is_some_and(|g| g.is_match(&rel_text)) {
            continue;
        }
        let full = cwd.join(&rel);
        let Ok(meta) = std::fs::metadata(&full) else { continue };
        let last_modified = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map(|d| d.as_millis() as i64)
            .unwrap_or(0);
        out.push(Value::Object(Arc::new(FileWrapper {
            name: rel.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default(),
            path: rel_text,
            directory: meta.is_dir(),
            length: meta.len() as i64,
            last_modified,
        })));
    }
    Ok(Value::list(out))
}

fn walk(root: &Path, dir: &Path, recurse: bool, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let path = e.path();
        let Ok(rel) = path.strip_prefix(root) else { continue };
        let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
        if is_dir && e.file_name() == ".git" {
            continue;
        }
        out.push(rel.to_path_buf());
        if is_dir && recurse {
            walk(root, &path, recurse, out);
        }
    }
}

fn touch(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    host.pipeline("touch");
    let file = args.str("file").unwrap_or_default();
    let path = confined(host, interp, &file, "touch")?;
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| io(e, parent))?;
    }
    let f = std::fs::OpenOptions::new().create(true).append(true).open(&path).map_err(|e| io(e, &path))?;
    let when = match args.get("timestamp").and_then(crate::interp::ops::to_i64) {
        Some(ms) => std::time::UNIX_EPOCH + Duration::from_millis(ms.max(0) as u64),
        None => std::time::SystemTime::now(),
    };
    f.set_modified(when).map_err(|e| io(e, &path))?;
    let wrapper = FileWrapper {
        name: path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default(),
        path: file,
        directory: false,
        length: f.metadata().map(|m| m.len() as i64).unwrap_or(0),
        last_modified: when.duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0),
    };
    Ok(Value::Object(Arc::new(wrapper)))
}

/// Streams a file through a hash and returns the lowercase hex digest.
fn hash_file<D: sha2::Digest>(path: &Path) -> std::io::Result<String> {
    use std::io::Read;
    let mut f = std::fs::File::open(path)?;
    let mut hasher = D::new();
    let mut buf = vec![0u8; 256 * 1024];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hasher.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

/// The MD5 of a file as lowercase hex (artifacts and fingerprints).
pub fn file_md5(path: &Path) -> std::io::Result<String> {
    hash_file::<md5::Md5>(path)
}

/// A hash step: the digest of `file:` relative to the current directory.
fn digest<D: sha2::Digest>(host: &PipelineHost, interp: &Interp, args: &StepArgs, step: &str) -> Eval {
    host.pipeline(step);
    let file = args.str("file").unwrap_or_default();
    let path = resolve(&PipelineHost::ctx(interp).cwd, &file);
    hash_file::<D>(&path).map(Value::string).map_err(|e| io(e, &path))
}

fn sha256(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    digest::<sha2::Sha256>(host, interp, args, "sha256")
}

fn sha1(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    digest::<sha1::Sha1>(host, interp, args, "sha1")
}

fn md5(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    digest::<md5::Md5>(host, interp, args, "md5")
}

/// `waitUntil { body }`: runs the body until it returns true, waiting between tries (from
/// `initialRecurrencePeriod`, 250 ms by default, growing by a fifth each time up to 15 s).
fn wait_until(host: &PipelineHost, interp: &mut Interp, args: &StepArgs) -> Eval {
    host.pipeline("waitUntil");
    let Some(body) = args.body.clone() else {
        return Err(throw("java.lang.IllegalStateException", "There is no body to invoke for the waitUntil step"));
    };
    let quiet = args.flag("quiet");
    let mut period =
        args.get("initialRecurrencePeriod").and_then(crate::interp::ops::to_i64).unwrap_or(250).max(1) as u64;
    loop {
        let done = super::block::enter(host, interp, "waitUntil", None, |_| {}, |i| i.call(&body, Vec::new()))?;
        if crate::interp::ops::truthy(&done) {
            return Ok(Value::Null);
        }
        if !quiet {
            host.output(interp, &format!("Will try again after {}", super::basic::time_span(period)));
        }
        let cancel = interp.cancel.clone();
        let deadline = std::time::Instant::now() + Duration::from_millis(period);
        interp.without_gil(|| {
            while std::time::Instant::now() < deadline && !cancel.is_cancelled() {
                let left = deadline.saturating_duration_since(std::time::Instant::now());
                std::thread::sleep(Duration::from_millis(10).min(left));
            }
        });
        if interp.cancel.is_cancelled() {
            return Err(aborted(interp.cancel.reason()));
        }
        period = (period * 6 / 5).min(15_000);
    }
}
