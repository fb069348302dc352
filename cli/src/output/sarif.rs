//! `--format sarif`: SARIF 2.1.0, for code-scanning viewers (GitHub code scanning, the VS Code
//! SARIF viewer, …). One run; every rule of the registry as a reporting descriptor; one
//! result per finding with its region, and the related figures as related locations.
//!
//! Regions give line and column (1-based) and `charOffset`/`charLength` (0-based) in Unicode
//! code points of the decoded text, a leading byte-order mark not counted; the run says so
//! with `"columnKind": "unicodeCodePoints"`. Counting characters rather than bytes keeps the
//! positions right for GBK and UTF-16 files too. For `.docx` inputs positions refer to the
//! document's extracted text (paragraphs one per line, table rows as tab-separated lines).
//! Inputs that could not be checked are `toolExecutionNotifications` of the invocation.

use std::io::{self, Write};

use gouji_core::check::{self as rules};
use gouji_core::{Finding, RuleInfo, Severity};
use serde::Serialize;
use serde_json::{json, Value};

use super::lines::LineIndex;
use super::{Sink, Totals};
use crate::run::{FileResult, Lang};
use crate::sources::STDIN_NAME;

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The tool's home page, if the package declares one (`homepage` in Cargo.toml).
const INFORMATION_URI: &str = env!("CARGO_PKG_HOMEPAGE");

pub struct SarifSink {
    lang: Lang,
    rules: Vec<&'static RuleInfo>,
    artifacts: Vec<Value>,
    results: Vec<SarifResult>,
    notifications: Vec<Value>,
}

impl SarifSink {
    pub fn new(lang: Lang) -> Self {
        SarifSink {
            lang,
            rules: rules::all().collect(),
            artifacts: Vec::new(),
            results: Vec::new(),
            notifications: Vec::new(),
        }
    }

    fn pick<'a>(&self, zh: &'a str, en: &'a str) -> &'a str {
        match self.lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    fn rule_descriptor(&self, r: &RuleInfo) -> Value {
        json!({
            "id": r.id,
            "name": self.pick(r.name_zh, r.name_en),
            "shortDescription": { "text": self.pick(r.summary_zh, r.summary_en) },
            "fullDescription": { "text": self.pick(r.explanation_zh, r.explanation_en) },
            "help": {
                "text": format!(
                    "{}\n\n{}",
                    self.pick(r.summary_zh, r.summary_en),
                    self.pick(r.explanation_zh, r.explanation_en)
                )
            },
            "defaultConfiguration": { "level": level(r.severity) },
            "properties": { "name_zh": r.name_zh, "name_en": r.name_en },
        })
    }

    fn result(&self, index: &LineIndex, artifact: usize, uri: &str, f: &Finding) -> SarifResult {
        let mut text = self.pick(&f.message, &f.message_en).to_string();
        if let Some(formula) = &f.formula {
            text = format!("{text} ({formula})");
        }
        let related = f
            .related
            .iter()
            .enumerate()
            .map(|(i, r)| RelatedLocation {
                id: i,
                physical_location: physical(
                    index,
                    artifact,
                    uri,
                    r.span.start,
                    r.span.end,
                    &r.quote,
                ),
                message: Text {
                    text: r.note.clone(),
                },
            })
            .collect();
        SarifResult {
            rule_id: f.rule,
            rule_index: self.rules.iter().position(|r| r.id == f.rule),
            level: level(f.severity),
            message: Text { text },
            locations: [Location {
                physical_location: physical(
                    index,
                    artifact,
                    uri,
                    f.span.start,
                    f.span.end,
                    &f.quote,
                ),
            }],
            related_locations: related,
            properties: Properties {
                stated: f.stated.clone(),
                expected: f.expected.clone(),
                formula: f.formula.clone(),
                repair: f.repair.clone(),
                cause: f.cause.clone(),
            },
        }
    }
}

// The parts of a result, typed: thousands of results as `serde_json::Value` maps would take
// tens of times the memory.

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Text,
    locations: [Location; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<RelatedLocation>,
    properties: Properties,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RelatedLocation {
    id: usize,
    physical_location: PhysicalLocation,
    message: Text,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
    index: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    char_offset: usize,
    char_length: usize,
    snippet: Text,
}

/// What the text states and what the other figures give (SARIF property bag).
#[derive(Serialize)]
struct Properties {
    #[serde(skip_serializing_if = "Option::is_none")]
    stated: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    expected: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    formula: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    repair: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cause: Option<String>,
}

/// `error`, `warning`, or `note` for infos.
pub fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn physical(
    index: &LineIndex,
    artifact: usize,
    uri: &str,
    start: usize,
    end: usize,
    quote: &str,
) -> PhysicalLocation {
    let s = index.pos(start);
    let e = index.pos(end.max(start));
    PhysicalLocation {
        artifact_location: ArtifactLocation {
            uri: uri.to_string(),
            index: artifact,
        },
        region: Region {
            start_line: s.line,
            start_column: s.col,
            end_line: e.line,
            end_column: e.col,
            char_offset: s.char_offset,
            char_length: e.char_offset - s.char_offset,
            snippet: Text {
                text: quote.to_string(),
            },
        },
    }
}

/// A file path as a URI reference: relative paths stay relative (to the working directory),
/// absolute ones become `file://` URIs; everything but unreserved characters and `/` is
/// percent-encoded (Chinese file names included). Standard input is `stdin`.
pub fn path_uri(name: &str) -> String {
    if name == STDIN_NAME {
        return "stdin".into();
    }
    let path = if cfg!(windows) {
        name.replace('\\', "/")
    } else {
        name.to_string()
    };
    let mut uri = String::new();
    let absolute = path.starts_with('/');
    if absolute {
        uri.push_str("file://");
    } else if cfg!(windows) && path.as_bytes().get(1) == Some(&b':') {
        uri.push_str("file:///");
    }
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                uri.push(b as char)
            }
            b':' if cfg!(windows) => uri.push(':'),
            _ => uri.push_str(&format!("%{b:02X}")),
        }
    }
    uri
}

impl Sink for SarifSink {
    fn file(&mut self, _out: &mut dyn Write, r: FileResult, _: Vec<u8>) -> io::Result<()> {
        let r = &r;
        let uri = path_uri(&r.name);
        match &r.outcome {
            Ok(c) => {
                let artifact = self.artifacts.len();
                self.artifacts.push(json!({
                    "location": { "uri": uri },
                    "encoding": c.encoding,
                }));
                let index = LineIndex::new(&c.text);
                for f in &c.report.findings {
                    let result = self.result(&index, artifact, &uri, f);
                    self.results.push(result);
                }
                let notice = match self.lang {
                    Lang::Zh => &c.report.notice,
                    Lang::En => &c.report.notice_en,
                };
                if let Some(notice) = notice {
                    self.notifications.push(json!({
                        "level": "note",
                        "message": { "text": notice },
                        "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri, "index": artifact } } }],
                    }));
                }
            }
            Err(e) => self.notifications.push(json!({
                "level": "error",
                "message": { "text": e.message(self.lang) },
                "descriptor": { "id": e.kind },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri } } }],
            })),
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, totals: &Totals) -> io::Result<()> {
        let mut driver = json!({
            "name": "gouji",
            "fullName": "勾稽 Gouji",
            "version": env!("CARGO_PKG_VERSION"),
            "semanticVersion": env!("CARGO_PKG_VERSION"),
            "rules": self.rules.iter().map(|r| self.rule_descriptor(r)).collect::<Vec<_>>(),
        });
        if !INFORMATION_URI.is_empty() {
            driver["informationUri"] = INFORMATION_URI.into();
        }
        // Typed, so that the results are written from where they are, not copied into a
        // `Value` tree first.
        #[derive(Serialize)]
        struct Log<'a> {
            #[serde(rename = "$schema")]
            schema: &'static str,
            version: &'static str,
            runs: [Run<'a>; 1],
        }
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Run<'a> {
            tool: Value,
            invocations: Value,
            artifacts: &'a [Value],
            column_kind: &'static str,
            results: &'a [SarifResult],
        }
        let log = Log {
            schema: SCHEMA,
            version: "2.1.0",
            runs: [Run {
                tool: json!({ "driver": driver }),
                invocations: json!([{
                    "executionSuccessful": totals.unreadable == 0,
                    "exitCode": totals.exit_code(),
                    "toolExecutionNotifications": self.notifications,
                }]),
                artifacts: &self.artifacts,
                column_kind: "unicodeCodePoints",
                results: &self.results,
            }],
        };
        serde_json::to_writer_pretty(&mut *out, &log).map_err(io::Error::from)?;
        writeln!(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(path_uri("reports/a b.txt"), "reports/a%20b.txt");
        assert_eq!(path_uri("报告.txt"), "%E6%8A%A5%E5%91%8A.txt");
        assert_eq!(path_uri("/tmp/x#1.txt"), "file:///tmp/x%231.txt");
        assert_eq!(path_uri(STDIN_NAME), "stdin");
    }
}
