//! Fingerprints in Jenkins' own format and place: `<home>/fingerprints/<md5[0:2]>/<md5[2:4]>/<md5[4:]>.xml`,
//! with `original` (the job and build that produced the file, set once, only by a build that produced
//! it) and `usages` (per job, the builds that used the file, as ranges `1-3,5`), updated across builds
//! and jobs.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::{Reader, Writer};

pub struct Record {
    pub timestamp: String,
    pub original: Option<(String, u32)>,
    pub md5: String,
    pub file_name: String,
    pub usages: IndexMap<String, BTreeSet<u32>>,
}

/// Where a fingerprint lives under the home directory.
pub fn path(home: &Path, md5: &str) -> PathBuf {
    let md5 = md5.to_ascii_lowercase();
    home.join("fingerprints").join(&md5[..2]).join(&md5[2..4]).join(format!("{}.xml", &md5[4..]))
}

/// `1-3,5` from {1, 2, 3, 5}.
pub fn ranges(set: &BTreeSet<u32>) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut iter = set.iter().copied().peekable();
    while let Some(start) = iter.next() {
        let mut end = start;
        while iter.peek() == Some(&(end + 1)) {
            end += 1;
            iter.next();
        }
        out.push(if start == end { start.to_string() } else { format!("{start}-{end}") });
    }
    out.join(",")
}

fn parse_ranges(text: &str) -> BTreeSet<u32> {
    let mut set = BTreeSet::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        match part.split_once('-') {
            Some((a, b)) => {
                if let (Ok(a), Ok(b)) = (a.trim().parse::<u32>(), b.trim().parse::<u32>()) {
                    // Bounded: a corrupt record must not make jeeves allocate without end.
                    set.extend(a..=b.min(a.saturating_add(1_000_000)));
                }
            }
            None => {
                if let Ok(n) = part.parse() {
                    set.insert(n);
                }
            }
        }
    }
    set
}

/// Jenkins' timestamp format, in UTC: `2026-11-23 06:42:03.123 UTC`.
pub fn timestamp(millis: i64) -> String {
    let secs = millis.div_euclid(1000);
    let ms = millis.rem_euclid(1000);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    format!("{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}.{ms:03} UTC", rem / 3600, rem / 60 % 60, rem % 60)
}

impl Record {
    pub fn read(file: &Path) -> Option<Record> {
        let text = std::fs::read_to_string(file).ok()?;
        let mut reader = Reader::from_str(&text);
        let mut rec = Record {
            timestamp: String::new(),
            original: None,
            md5: String::new(),
            file_name: String::new(),
            usages: IndexMap::new(),
        };
        let mut path: Vec<String> = Vec::new();
        let (mut orig_name, mut orig_number) = (None, None);
        let mut entry_job: Option<String> = None;
        loop {
            match reader.read_event().ok()? {
                Event::Start(e) => path.push(String::from_utf8_lossy(e.name().as_ref()).to_string()),
                Event::End(_) => {
                    path.pop();
                }
                Event::Text(t) => {
                    let value = t.unescape().ok()?.into_owned();
                    let at: Vec<&str> = path.iter().map(String::as_str).collect();
                    match at.as_slice() {
                        ["fingerprint", "timestamp"] => rec.timestamp = value,
                        ["fingerprint", "md5sum"] => rec.md5 = value,
                        ["fingerprint", "fileName"] => rec.file_name = value,
                        ["fingerprint", "original", "name"] => orig_name = Some(value),
                        ["fingerprint", "original", "number"] => orig_number = value.trim().parse().ok(),
                        ["fingerprint", "usages", "entry", "string"] => entry_job = Some(value),
                        ["fingerprint", "usages", "entry", "ranges"] => {
                            if let Some(job) = entry_job.take() {
                                rec.usages.entry(job).or_default().extend(parse_ranges(&value));
                            }
                        }
                        _ => {}
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        if let (Some(n), Some(b)) = (orig_name, orig_number) {
            rec.original = Some((n, b));
        }
        Some(rec)
    }

    pub fn to_xml(&self) -> String {
        let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
        let text = |w: &mut Writer<Vec<u8>>, tag: &str, value: &str| {
            let _ = w.write_event(Event::Start(BytesStart::new(tag)));
            let _ = w.write_event(Event::Text(BytesText::new(value)));
            let _ = w.write_event(Event::End(BytesEnd::new(tag)));
        };
        let _ = w.write_event(Event::Decl(BytesDecl::new("1.1", Some("UTF-8"), None)));
        let _ = w.write_event(Event::Start(BytesStart::new("fingerprint")));
        text(&mut w, "timestamp", &self.timestamp);
        if let Some((job, number)) = &self.original {
            let _ = w.write_event(Event::Start(BytesStart::new("original")));
            text(&mut w, "name", job);
            text(&mut w, "number", &number.to_string());
            let _ = w.write_event(Event::End(BytesEnd::new("original")));
        }
        text(&mut w, "md5sum", &self.md5);
        text(&mut w, "fileName", &self.file_name);
        let _ = w.write_event(Event::Start(BytesStart::new("usages")));
        for (job, builds) in &self.usages {
            let _ = w.write_event(Event::Start(BytesStart::new("entry")));
            text(&mut w, "string", job);
            text(&mut w, "ranges", &ranges(builds));
            let _ = w.write_event(Event::End(BytesEnd::new("entry")));
        }
        let _ = w.write_event(Event::End(BytesEnd::new("usages")));
        let _ = w.write_event(Event::Empty(BytesStart::new("facets")));
        let _ = w.write_event(Event::End(BytesEnd::new("fingerprint")));
        let mut out = String::from_utf8_lossy(&w.into_inner()).into_owned();
        out.push('\n');
        out
    }
}

/// Records that build `number` of `job` used the file with `md5` (named `file_name`); `produced` when
/// the build made the file (it then becomes the original, unless one is recorded already).
pub fn record_use(
    home: &Path,
    md5: &str,
    file_name: &str,
    job: &str,
    number: u32,
    produced: bool,
    now_millis: i64,
) -> std::io::Result<()> {
    let file = path(home, md5);
    let mut rec = Record::read(&file).unwrap_or_else(|| Record {
        timestamp: timestamp(now_millis),
        original: None,
        md5: md5.to_ascii_lowercase(),
        // Jenkins keeps the file's own name, without its directories.
        file_name: file_name.rsplit('/').next().unwrap_or(file_name).to_string(),
        usages: IndexMap::new(),
    });
    if produced && rec.original.is_none() {
        rec.original = Some((job.to_string(), number));
    }
    rec.usages.entry(job.to_string()).or_default().insert(number);
    if let Some(parent) = file.parent() {
        std::fs::create_dir_all(parent)?;
    }
    // Written whole and renamed into place, so a concurrent reader never sees half a record.
    let tmp = file.with_extension(format!("xml.tmp{}", std::process::id()));
    std::fs::write(&tmp, rec.to_xml())?;
    std::fs::rename(&tmp, &file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_and_ranges_read_as_jenkins_writes_them() {
        assert_eq!(timestamp(0), "1970-01-01 00:00:00.000 UTC");
        assert_eq!(timestamp(1_795_416_123_456), "2026-11-23 06:42:03.456 UTC");
        assert_eq!(timestamp(951_782_400_000), "2000-02-29 00:00:00.000 UTC");
        let set: BTreeSet<u32> = [1, 2, 3, 5, 7, 8].into_iter().collect();
        assert_eq!(ranges(&set), "1-3,5,7-8");
        assert_eq!(parse_ranges("1-3,5,7-8"), set);
    }
}
