//! End-to-end tests of the `gouji` binary: every output format, inputs of every kind,
//! exit codes, stable order under parallelism.
//!
//! `sarif-schema-2.1.0.json` beside this file is the OASIS SARIF 2.1.0 schema (the rtm.5
//! text that became the standard), as shipped in the npm package `@microsoft/jest-sarif`
//! 1.0.0-beta.0 (`lib/schemas/sarif-2.1.0-rtm.5.json`).

use std::ffi::OsString;
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// A command line mixing string literals and paths.
macro_rules! args {
    ($($x:expr),* $(,)?) => {
        [$(std::ffi::OsString::from(AsRef::<std::ffi::OsStr>::as_ref(&$x))),*]
    };
}

const BIN: &str = env!("CARGO_BIN_EXE_gouji");

fn repo_fixtures() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures"))
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures")).join(name)
}

fn renhe() -> PathBuf {
    repo_fixtures().join("samples/renhe-2020-final-accounts.txt")
}

fn renhe_gbk() -> PathBuf {
    repo_fixtures().join("input/renhe-gbk.txt")
}

fn renhe_docx() -> PathBuf {
    repo_fixtures().join("input/renhe.docx")
}

fn samples() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo_fixtures().join("samples"))
        .expect("samples directory")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no sample reports found");
    files
}

/// Runs `gouji` with `args`, feeding `stdin` (or nothing) to it, with extra environment.
fn gouji_env(args: &[OsString], stdin: Option<&[u8]>, env: &[(&str, &str)]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run gouji");
    // Feed stdin from a thread so a full stdout pipe cannot deadlock us; gouji may stop
    // reading early (oversized input), so a broken pipe here is fine.
    let mut pipe = child.stdin.take().unwrap();
    let bytes = stdin.map(<[u8]>::to_vec);
    let feeder = std::thread::spawn(move || {
        if let Some(bytes) = bytes {
            let _ = pipe.write_all(&bytes);
        }
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "gouji panicked: {stderr}");
    out
}

fn gouji(args: &[OsString], stdin: Option<&[u8]>) -> Output {
    gouji_env(args, stdin, &[])
}

fn code(out: &Output) -> i32 {
    out.status.code().expect("exit code")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
            String::from_utf8_lossy(&out.stdout),
            stderr(out)
        )
    })
}

fn jsonl(out: &Output) -> Vec<Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line ({e}): {l}")))
        .collect()
}

/// The CSV records after the byte-order mark, header first.
fn csv_rows(out: &Output) -> Vec<Vec<String>> {
    let text = stdout(out);
    let body = text
        .strip_prefix('\u{feff}')
        .expect("CSV starts with a byte-order mark");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.expect("CSV record").iter().map(str::to_string).collect())
        .collect()
}

fn span(v: &Value) -> (usize, usize) {
    let s = &v["span"];
    (
        s["start"].as_u64().expect("span.start") as usize,
        s["end"].as_u64().expect("span.end") as usize,
    )
}

/// Checks, for every finding, related item and ledger entry of one file's JSON entry, that
/// the quote is exactly the text at the span and that `line` is right.
/// Returns how many spans were checked.
fn check_spans(entry: &Value, text: &[u8]) -> usize {
    let path = entry["path"].as_str().unwrap_or("?");
    let mut checked = 0;
    let mut check = |what: &str, item: &Value, has_line: bool| {
        let (start, end) = span(item);
        assert!(
            start <= end && end <= text.len(),
            "{path}: {what} span {start}..{end} out of bounds ({} bytes)",
            text.len()
        );
        let quote = item["quote"].as_str().expect("quote");
        assert_eq!(
            quote.as_bytes(),
            &text[start..end],
            "{path}: {what} quote differs from the text at {start}..{end}"
        );
        if has_line {
            let line = text[..start].iter().filter(|&&b| b == b'\n').count() + 1;
            assert_eq!(
                item["line"].as_u64(),
                Some(line as u64),
                "{path}: {what} at byte {start} has the wrong line"
            );
        }
        checked += 1;
    };
    for f in entry["findings"].as_array().expect("findings array") {
        check("finding", f, true);
        for r in f["related"].as_array().expect("related array") {
            check("related", r, false);
        }
    }
    for l in entry["ledger"].as_array().expect("ledger array") {
        check("ledger entry", l, true);
    }
    checked
}

fn assert_shape(entry: &Value) {
    assert!(entry["path"].is_string());
    assert!(entry["encoding"].is_string());
    assert!(entry["replaced"].is_u64());
    assert!(entry["report"]["kind"].is_string());
    assert!(entry["report"].get("year").is_some());
    for key in [
        "claims",
        "verified",
        "unchecked",
        "errors",
        "warnings",
        "infos",
    ] {
        assert!(entry["stats"][key].is_u64(), "stats.{key} missing");
    }
    assert!(entry["findings"].is_array());
    assert!(entry["ledger"].is_array());
    assert!(entry.get("notice").is_some());
}

fn findings(entry: &Value) -> &Vec<Value> {
    entry["findings"].as_array().expect("findings array")
}

fn with_severity<'a>(entry: &'a Value, severity: &str) -> Vec<&'a Value> {
    findings(entry)
        .iter()
        .filter(|f| f["severity"] == severity)
        .collect()
}

fn paths_of(entries: &[Value]) -> Vec<String> {
    entries
        .iter()
        .map(|e| e["path"].as_str().unwrap().to_string())
        .collect()
}

/// What a finding says, without where (to compare the same report read differently).
fn gist(entry: &Value) -> Vec<(String, String, String, String)> {
    findings(entry)
        .iter()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or("").to_string();
            (s("rule"), s("severity"), s("quote"), s("expected"))
        })
        .collect()
}

/// A directory of everything a bureau's folder holds: two good reports (one in GBK), an
/// empty file, an image named .txt, a broken PDF, a Word document and a report in a nested
/// folder, and files that are not looked at (notes, hidden files, Word lock files).
struct Mixed {
    dir: tempfile::TempDir,
}

impl Mixed {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("sub/deeper")).unwrap();
        std::fs::create_dir_all(d.join(".git")).unwrap();
        std::fs::copy(renhe(), d.join("a-good.txt")).unwrap();
        std::fs::write(d.join("b-empty.txt"), b"").unwrap();
        std::fs::write(
            d.join("c-image.txt"),
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0",
        )
        .unwrap();
        std::fs::copy(renhe_gbk(), d.join("d-gbk.txt")).unwrap();
        std::fs::copy(renhe_docx(), d.join("sub/e.docx")).unwrap();
        std::fs::copy(fixture("sum-ok.txt"), d.join("sub/deeper/f-nested.txt")).unwrap();
        std::fs::write(d.join("notes.md"), "not a report").unwrap();
        std::fs::write(d.join("g.pdf"), "%PDF-1.7").unwrap();
        std::fs::write(d.join(".git/h.txt"), "hidden").unwrap();
        std::fs::write(d.join("~$e.docx"), "lock").unwrap();
        Mixed { dir }
    }

    fn path(&self, rel: &str) -> String {
        self.dir.path().join(rel).display().to_string()
    }

    fn checked(&self) -> Vec<String> {
        [
            "a-good.txt",
            "d-gbk.txt",
            "sub/deeper/f-nested.txt",
            "sub/e.docx",
        ]
        .map(|p| self.path(p))
        .to_vec()
    }

    fn unreadable(&self) -> Vec<String> {
        ["b-empty.txt", "c-image.txt", "g.pdf"]
            .map(|p| self.path(p))
            .to_vec()
    }

    /// All inputs in output order.
    fn all(&self) -> Vec<String> {
        [
            "a-good.txt",
            "b-empty.txt",
            "c-image.txt",
            "d-gbk.txt",
            "g.pdf",
            "sub/deeper/f-nested.txt",
            "sub/e.docx",
        ]
        .map(|p| self.path(p))
        .to_vec()
    }
}

#[test]
fn json_on_all_samples_quotes_match_spans() {
    let files = samples();
    let mut cmd = Vec::from(args!["check", "--format", "json"]);
    cmd.extend(files.iter().map(OsString::from));
    let out = gouji(&cmd, None);
    assert!(matches!(code(&out), 0 | 1), "stderr: {}", stderr(&out));
    let doc = json(&out);
    let entries = doc["files"].as_array().expect("files array");
    assert_eq!(entries.len(), files.len());
    assert_eq!(doc["errors"].as_array().map(Vec::len), Some(0));
    let mut errors = 0;
    for (entry, file) in entries.iter().zip(&files) {
        assert_shape(entry);
        assert_eq!(entry["path"].as_str(), file.to_str());
        assert_eq!(entry["encoding"], "UTF-8");
        let bytes = std::fs::read(file).unwrap();
        assert!(check_spans(entry, &bytes) > 0);
        let n = with_severity(entry, "error").len();
        assert_eq!(entry["stats"]["errors"].as_u64(), Some(n as u64));
        errors += n;
    }
    assert_eq!(doc["total"]["files"].as_u64(), Some(files.len() as u64));
    assert_eq!(doc["total"]["errors"].as_u64(), Some(errors as u64));
    assert_eq!(doc["total"]["unreadable"].as_u64(), Some(0));
    assert_eq!(code(&out), if errors > 0 { 1 } else { 0 });
}

#[test]
fn text_on_all_samples() {
    let files = samples();
    let mut cmd = Vec::from(args!["check"]);
    cmd.extend(files.iter().map(OsString::from));
    let out = gouji(&cmd, None);
    assert!(matches!(code(&out), 0 | 1), "stderr: {}", stderr(&out));
    let text = stdout(&out);
    let mut at = 0;
    for f in &files {
        let header = format!("=== {}", f.display());
        let found = text[at..]
            .find(&header)
            .unwrap_or_else(|| panic!("no header for {} in order", f.display()));
        at += found + header.len();
    }
    assert!(
        text.contains(&format!("total: {} files checked", files.len())),
        "{text}"
    );
    assert!(!text.contains('\u{1b}'), "no colour when not a terminal");
}

/// The carets stand under the figure, two per full-width character, and the location counts
/// characters.
#[test]
fn text_diagnostic_points_at_the_figure() {
    let bad = fixture("sum-mismatch.txt");
    let out = gouji(&args!["check", bad], None);
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    assert!(text.contains("error[sum]: "), "{text}");
    let json_out = json(&gouji(&args!["check", "--format", "json", bad], None));
    let f = &with_severity(&json_out["files"][0], "error")[0];
    let bytes = std::fs::read(&bad).unwrap();
    let (start, end) = span(f);
    let before = std::str::from_utf8(&bytes[..start]).unwrap();
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    assert!(
        text.contains(&format!("--> {}:{line}:{col}", bad.display())),
        "{text}"
    );
    let source_line = std::str::from_utf8(&bytes)
        .unwrap()
        .lines()
        .nth(line - 1)
        .unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let i = lines
        .iter()
        .position(|l| l.ends_with(source_line))
        .expect("source line shown");
    let width = |s: &str| unicode_width::UnicodeWidthStr::width(s);
    let gutter = lines[i].find(source_line).unwrap();
    let markers = &lines[i + 1][gutter..];
    let pad = width(&before[line_start..]);
    let quote = std::str::from_utf8(&bytes[start..end]).unwrap();
    let carets = format!("{}{}", " ".repeat(pad), "^".repeat(width(quote)));
    assert!(markers.starts_with(&carets), "{text}");
    assert!(!markers[carets.len()..].starts_with('^'), "{text}");
}

#[test]
fn colour_when_asked() {
    let bad = fixture("sum-mismatch.txt");
    let out = gouji(&args!["check", "--color", "always", &bad], None);
    let text = stdout(&out);
    assert!(text.contains("\u{1b}["), "{text}");
    assert!(
        !text.contains('\u{fdd0}'),
        "no layout placeholder left: {text:?}"
    );
    assert!(text.contains("分项：基本支出"));
    let out = gouji(&args!["check", "--color", "never", &bad], None);
    assert!(!stdout(&out).contains('\u{1b}'));
}

#[test]
fn stdin_is_read_with_dash() {
    let file = renhe();
    let bytes = std::fs::read(&file).unwrap();
    let from_stdin = gouji(&args!["check", "--format", "json", "-"], Some(&bytes));
    let from_file = gouji(&args!["check", "--format", "json", file], None);
    assert_eq!(code(&from_stdin), code(&from_file));
    let (a, b) = (json(&from_stdin), json(&from_file));
    let (a, b) = (&a["files"][0], &b["files"][0]);
    assert_eq!(a["path"], "<stdin>");
    check_spans(a, &bytes);
    assert_eq!(a["findings"], b["findings"]);
    assert_eq!(a["ledger"], b["ledger"]);

    // GBK and .docx arrive on stdin too.
    let gbk = std::fs::read(renhe_gbk()).unwrap();
    let out = gouji(&args!["check", "--format", "json", "-"], Some(&gbk));
    assert_eq!(json(&out)["files"][0]["findings"], b["findings"]);
    let docx = std::fs::read(renhe_docx()).unwrap();
    let out = gouji(&args!["check", "--format", "json", "-"], Some(&docx));
    assert_eq!(json(&out)["files"][0]["encoding"], "docx");

    let text = gouji(
        &args!["check", "-"],
        Some("本年收入合计100万元。\n".as_bytes()),
    );
    assert_eq!(code(&text), 0, "stderr: {}", stderr(&text));
    assert!(stdout(&text).contains("<stdin>"));
}

/// The GBK fixture is the renhe sample in GB18030: read, it gives the same text and so the
/// same findings at the same spans; forced to UTF-8 it is refused.
#[test]
fn gbk_is_detected_or_chosen() {
    let utf8 = json(&gouji(&args!["check", "--format", "json", renhe()], None));
    let out = gouji(&args!["check", "--format", "json", renhe_gbk()], None);
    assert_eq!(code(&out), 1, "renhe has error findings: {}", stderr(&out));
    let gbk = json(&out);
    let entry = &gbk["files"][0];
    assert_shape(entry);
    assert_eq!(entry["encoding"], "GB18030");
    assert_eq!(entry["replaced"], 0);
    assert_eq!(entry["findings"], utf8["files"][0]["findings"]);
    assert_eq!(entry["ledger"], utf8["files"][0]["ledger"]);
    // Spans are byte offsets into the decoded (UTF-8) text, which is the sample's.
    check_spans(entry, &std::fs::read(renhe()).unwrap());

    let forced = gouji(
        &args![
            "check",
            "--format",
            "json",
            "--encoding",
            "gbk",
            renhe_gbk()
        ],
        None,
    );
    assert_eq!(json(&forced)["files"][0]["findings"], entry["findings"]);

    let wrong = gouji(
        &args![
            "check",
            "--format",
            "json",
            "--encoding",
            "utf-8",
            renhe_gbk(),
            renhe()
        ],
        None,
    );
    assert_eq!(code(&wrong), 1);
    let doc = json(&wrong);
    assert_eq!(doc["errors"][0]["kind"], "undecodable");
    assert_eq!(
        doc["files"].as_array().unwrap().len(),
        1,
        "the other file is checked"
    );
    assert!(stderr(&wrong).contains("UTF-8"), "{}", stderr(&wrong));

    let bad = gouji(&args!["check", "--encoding", "latin1", renhe()], None);
    assert_eq!(code(&bad), 2);
    assert!(stderr(&bad).contains("gb18030"), "{}", stderr(&bad));
}

/// A stray byte in a long text is tolerated, replaced and reported.
#[test]
fn a_few_undecodable_bytes_are_replaced_and_reported() {
    let mut bytes = std::fs::read(renhe()).unwrap();
    let at = bytes.len() / 2;
    let at = (at..).find(|&i| bytes[i] == b'\n').unwrap();
    bytes.insert(at, 0xff);
    let out = gouji(
        &args!["check", "--format", "json", "--encoding", "utf-8", "-"],
        Some(&bytes),
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let doc = json(&out);
    assert_eq!(doc["files"][0]["replaced"], 1);
    assert!(
        stderr(&out).contains("<stdin>: 1 处字符无法按 UTF-8 解码"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn docx_is_read() {
    let out = gouji(
        &args!["check", "--format", "json", renhe_docx(), renhe()],
        None,
    );
    assert_eq!(code(&out), 1);
    let doc = json(&out);
    let (docx, txt) = (&doc["files"][0], &doc["files"][1]);
    assert_shape(docx);
    assert_eq!(docx["encoding"], "docx");
    assert_eq!(docx["report"], txt["report"]);
    assert_eq!(
        gist(docx),
        gist(txt),
        "the same findings, wherever they are"
    );
    assert!(!findings(docx).is_empty());
}

#[test]
fn mixed_directory_in_every_format() {
    let m = Mixed::new();
    let dir = m.dir.path();

    // JSON: checked files in order, unreadable ones in `errors`, exit 1.
    let out = gouji(&args!["check", "--format", "json", dir], None);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let doc = json(&out);
    let files = doc["files"].as_array().unwrap();
    assert_eq!(paths_of(files), m.checked());
    for f in files {
        assert_shape(f);
    }
    let encodings: Vec<&str> = files
        .iter()
        .map(|f| f["encoding"].as_str().unwrap())
        .collect();
    assert_eq!(encodings, ["UTF-8", "GB18030", "UTF-8", "docx"]);
    assert_eq!(files[0]["findings"], files[1]["findings"], "GBK = UTF-8");
    let errors = doc["errors"].as_array().unwrap();
    assert_eq!(paths_of(errors), m.unreadable());
    let kinds: Vec<&str> = errors.iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["empty", "binary", "pdf"]);
    for e in errors {
        assert!(e["message"]
            .as_str()
            .unwrap()
            .chars()
            .any(|c| c > '\u{2e80}'));
        assert!(e["message_en"].as_str().unwrap().is_ascii());
    }
    assert_eq!(doc["total"]["files"], 4);
    assert_eq!(doc["total"]["unreadable"], 3);
    let err = stderr(&out);
    for path in m.unreadable() {
        assert!(err.contains(&path), "{err}");
    }
    assert!(!err.contains("notes.md") && !err.contains("h.txt") && !err.contains("~$"));

    // JSONL: one line per input, unreadable ones included, in the same order.
    let out = gouji(&args!["check", "--format", "jsonl", dir], None);
    assert_eq!(code(&out), 1);
    let lines = jsonl(&out);
    assert_eq!(paths_of(&lines), m.all());
    for line in &lines {
        if line.get("error").is_some() {
            assert!(line["error"]["kind"].is_string() && line["error"]["message"].is_string());
        } else {
            assert_shape(line);
        }
    }
    assert_eq!(lines[0]["findings"], files[0]["findings"]);

    // CSV: a row per finding, in file order.
    let out = gouji(&args!["check", "--format", "csv", dir], None);
    assert_eq!(code(&out), 1);
    let rows = csv_rows(&out);
    assert_eq!(
        rows[0],
        [
            "file", "line", "column", "rule", "severity", "message", "stated", "expected",
            "formula", "repair", "cause", "quote", "start", "end"
        ]
    );
    let n: usize = files.iter().map(|f| findings(f).len()).sum();
    assert_eq!(rows.len() - 1, n);
    let mut order: Vec<String> = rows[1..].iter().map(|r| r[0].clone()).collect();
    order.dedup();
    let with_findings: Vec<String> = files
        .iter()
        .filter(|f| !findings(f).is_empty())
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(order, with_findings);
    for (row, f) in rows[1..].iter().zip(files.iter().flat_map(findings)) {
        assert_eq!(row[1], f["line"].to_string());
        assert_eq!(row[3], f["rule"].as_str().unwrap());
        assert_eq!(row[4], f["severity"].as_str().unwrap());
        assert_eq!(row[5], f["message"].as_str().unwrap());
        assert_eq!(row[11], f["quote"].as_str().unwrap());
    }

    // SARIF: results for every finding; unreadable inputs as notifications.
    let out = gouji(&args!["check", "--format", "sarif", dir], None);
    assert_eq!(code(&out), 1);
    let log = json(&out);
    assert_sarif(&log);
    let run = &log["runs"][0];
    assert_eq!(run["results"].as_array().unwrap().len(), n);
    let notes = run["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert_eq!(notes.len(), 3);
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);

    // Text: headers in order, errors on stderr, the total.
    let out = gouji(&args!["check", dir], None);
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    let mut at = 0;
    for path in m.checked() {
        let header = format!("=== {path} (");
        at += text[at..].find(&header).expect("header in order") + header.len();
    }
    assert!(text.contains("(部门决算, 2020年; GB18030)"), "{text}");
    let total = text.lines().last().unwrap();
    assert!(total.starts_with("total: 4 files checked; "), "{total}");
    assert!(
        total.ends_with("; 3 inputs could not be checked"),
        "{total}"
    );
    assert!(stderr(&out).contains("文件为空"));
}

fn sarif_validator() -> jsonschema::Validator {
    // The rtm.5 schema has one malformed regular expression (run.language, a stray `]`) that
    // the validator refuses to compile; the errata's form replaces it. Gouji does not emit
    // run.language.
    let text = include_str!("sarif-schema-2.1.0.json");
    let bad = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
    assert!(text.contains(bad));
    let text = text.replace(bad, r#""^[a-zA-Z]{2}(-[a-zA-Z]{2})?$""#);
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).expect("schema compiles")
}

/// Validates against the official schema, and checks by hand what viewers rely on.
fn assert_sarif(log: &Value) {
    let validator = sarif_validator();
    let problems: Vec<String> = validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        problems.is_empty(),
        "SARIF schema violations: {problems:#?}"
    );

    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &log["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "gouji");
    assert!(driver["version"].is_string());
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = driver["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    for r in rules {
        for key in ["shortDescription", "fullDescription", "help"] {
            assert!(
                r[key]["text"].as_str().is_some_and(|t| !t.is_empty()),
                "{key}"
            );
        }
    }
    for result in run["results"].as_array().unwrap() {
        let id = result["ruleId"].as_str().unwrap();
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(ids[index], id);
        assert!(["error", "warning", "note"].contains(&result["level"].as_str().unwrap()));
        assert!(!result["message"]["text"].as_str().unwrap().is_empty());
        let locations = result["locations"].as_array().unwrap();
        assert_eq!(locations.len(), 1);
        let related = result["relatedLocations"].as_array().map_or(&[][..], |v| v);
        for loc in locations.iter().chain(related) {
            let phys = &loc["physicalLocation"];
            assert!(phys["artifactLocation"]["uri"].is_string());
            let region = &phys["region"];
            for key in [
                "startLine",
                "startColumn",
                "endLine",
                "endColumn",
                "charOffset",
                "charLength",
            ] {
                assert!(region[key].is_u64(), "region.{key}");
            }
            assert!(region["startLine"].as_u64() >= Some(1));
            assert!(region["startColumn"].as_u64() >= Some(1));
        }
    }
}

/// SARIF regions count characters: for every result, the region's characters in the file
/// are the snippet.
#[test]
fn sarif_regions_are_in_characters() {
    for file in [renhe(), renhe_gbk()] {
        let out = gouji(&args!["check", "--format", "sarif", &file], None);
        assert_eq!(code(&out), 1);
        let log = json(&out);
        assert_sarif(&log);
        let text: Vec<char> = std::fs::read_to_string(renhe()).unwrap().chars().collect();
        let lines: Vec<Vec<char>> = std::fs::read_to_string(renhe())
            .unwrap()
            .split('\n')
            .map(|l| l.chars().collect())
            .collect();
        let results = log["runs"][0]["results"].as_array().unwrap();
        assert!(!results.is_empty());
        for r in results {
            let region = &r["locations"][0]["physicalLocation"]["region"];
            let n = |k: &str| region[k].as_u64().unwrap() as usize;
            let snippet = region["snippet"]["text"].as_str().unwrap();
            let by_offset: String = text[n("charOffset")..][..n("charLength")].iter().collect();
            assert_eq!(by_offset, snippet);
            assert_eq!(n("startLine"), n("endLine"));
            let line = &lines[n("startLine") - 1];
            let by_column: String = line[n("startColumn") - 1..n("endColumn") - 1]
                .iter()
                .collect();
            assert_eq!(by_column, snippet);
        }
        let artifact = &log["runs"][0]["artifacts"][0];
        assert!(artifact["location"]["uri"]
            .as_str()
            .unwrap()
            .starts_with("file:///"));
    }
}

/// The schema check is not vacuous.
#[test]
fn sarif_schema_catches_mistakes() {
    let log = json(&gouji(&args!["check", "--format", "sarif", renhe()], None));
    let validator = sarif_validator();
    assert!(validator.is_valid(&log));
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&broken));
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        0.into();
    assert!(!validator.is_valid(&broken));
    let mut broken = log;
    broken.as_object_mut().unwrap().remove("version");
    assert!(!validator.is_valid(&broken));
}

#[test]
fn sarif_on_all_samples_is_valid() {
    let files = samples();
    let mut cmd = Vec::from(args!["check", "--format", "sarif", "--lang", "en"]);
    cmd.extend(files.iter().map(OsString::from));
    let log = json(&gouji(&cmd, None));
    assert_sarif(&log);
    let run = &log["runs"][0];
    assert_eq!(run["artifacts"].as_array().unwrap().len(), files.len());
    let msg = run["results"][0]["message"]["text"].as_str().unwrap();
    assert!(
        msg.is_ascii() || msg.contains(" ("),
        "English message: {msg}"
    );
}

/// Many files, unevenly sized, on several threads and on one: the same output, in input
/// order.
#[test]
fn order_is_stable_under_parallelism() {
    let dir = tempfile::tempdir().unwrap();
    let samples = samples();
    let mut names = Vec::new();
    for i in 0..48 {
        let sample = &samples[i % samples.len()];
        let name = format!(
            "r{:02}-{}",
            47 - i,
            sample.file_name().unwrap().to_string_lossy()
        );
        let sub = if i % 3 == 0 { "x" } else { "y" };
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        std::fs::copy(sample, dir.path().join(sub).join(&name)).unwrap();
        names.push(format!("{}/{sub}/{name}", dir.path().display()));
    }
    names.sort();
    let many = gouji(
        &args!["check", "--format", "jsonl", "-j", "4", dir.path()],
        None,
    );
    let one = gouji_env(
        &args!["check", "--format", "jsonl", dir.path()],
        None,
        &[("RAYON_NUM_THREADS", "1")],
    );
    assert_eq!(code(&many), code(&one));
    assert_eq!(paths_of(&jsonl(&many)), names);
    assert_eq!(
        many.stdout, one.stdout,
        "output does not depend on the thread count"
    );
    let text_many = gouji(&args!["check", "-j", "3", dir.path()], None);
    let text_one = gouji(&args!["check", "-j", "1", dir.path()], None);
    assert_eq!(text_many.stdout, text_one.stdout);
}

#[test]
fn min_severity_filters_findings_and_counts() {
    // qujiang has errors and warnings, dongning errors and infos.
    let files = samples();
    let all = json(&gouji(
        &[
            args!["check", "--format", "json"].to_vec(),
            files.iter().map(OsString::from).collect(),
        ]
        .concat(),
        None,
    ));
    for (level, kept) in [
        ("warning", &["error", "warning"][..]),
        ("error", &["error"][..]),
    ] {
        let mut cmd = Vec::from(args!["check", "--format", "json", "--min-severity", level]);
        cmd.extend(files.iter().map(OsString::from));
        let out = gouji(&cmd, None);
        let doc = json(&out);
        for (entry, full) in doc["files"]
            .as_array()
            .unwrap()
            .iter()
            .zip(all["files"].as_array().unwrap())
        {
            let expected: Vec<&Value> = findings(full)
                .iter()
                .filter(|f| kept.contains(&f["severity"].as_str().unwrap()))
                .collect();
            let got: Vec<&Value> = findings(entry).iter().collect();
            assert_eq!(got, expected, "{level}");
            assert_eq!(entry["stats"]["infos"], 0);
            if level == "error" {
                assert_eq!(entry["stats"]["warnings"], 0);
            }
            assert_eq!(entry["stats"]["errors"], full["stats"]["errors"]);
            assert_eq!(entry["ledger"], full["ledger"]);
        }
        let total_infos: u64 = all["total"]["infos"].as_u64().unwrap();
        assert!(total_infos > 0, "the samples have infos to filter");
        assert_eq!(doc["total"]["infos"], 0);
        assert_eq!(doc["total"]["errors"], all["total"]["errors"]);
        assert_eq!(code(&out), 1, "errors are never filtered out");
    }
}

#[test]
fn quiet_shows_only_errors() {
    let files = samples();
    let mut cmd = Vec::from(args!["check", "-q"]);
    cmd.extend(files.iter().map(OsString::from));
    let out = gouji(&cmd, None);
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    assert!(text.contains("error["), "{text}");
    assert!(
        !text.contains("warning[") && !text.contains("info["),
        "{text}"
    );
    assert!(!text.contains("=== "), "no headers: {text}");
    assert!(
        text.lines().last().unwrap().starts_with("total: "),
        "{text}"
    );
    let xinglongtai = files
        .iter()
        .find(|f| f.to_string_lossy().contains("xinglongtai"))
        .unwrap();
    assert!(
        !text.contains(&xinglongtai.display().to_string()),
        "a file without errors is not mentioned"
    );
}

#[test]
fn summary_in_text_json_and_csv() {
    let m = Mixed::new();
    let dir = m.dir.path();
    let out = gouji(&args!["check", "--summary", dir], None);
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines.len(),
        1 + 7 + 1,
        "header, one line per input, total: {text}"
    );
    assert!(lines[0].starts_with("errors  warnings  infos  claims  verified  unchecked  file"));
    for (line, path) in lines[1..8].iter().zip(m.all()) {
        assert!(line.contains(&path), "{line} / {path}");
    }
    assert!(
        lines[2].trim_start().starts_with('-'),
        "unreadable: {}",
        lines[2]
    );
    let total = lines[8];
    assert!(total.contains("total: 4 files checked"), "{total}");
    let json_doc = json(&gouji(&args!["check", "--format", "json", dir], None));
    let errors = json_doc["total"]["errors"].as_u64().unwrap();
    assert_eq!(
        total.split_whitespace().next(),
        Some(errors.to_string().as_str())
    );
    assert!(!text.contains("error["), "no diagnostics");

    let doc = json(&gouji(
        &args!["check", "--format", "json", "--summary", dir],
        None,
    ));
    for f in doc["files"].as_array().unwrap() {
        assert!(f.get("findings").is_none() && f.get("ledger").is_none());
        assert!(f["stats"]["claims"].is_u64());
    }
    assert_eq!(doc["total"], json_doc["total"]);

    let rows = csv_rows(&gouji(
        &args!["check", "--format", "csv", "--summary", dir],
        None,
    ));
    assert_eq!(rows[0][0], "file");
    assert_eq!(rows.len(), 1 + 7 + 1);
    assert_eq!(rows[8][0], "(total)");
    assert_eq!(rows[8][7], errors.to_string());
    assert!(!rows[2][10].is_empty(), "the unreadable file's message");

    let out = gouji(&args!["check", "--format", "sarif", "--summary", dir], None);
    assert_eq!(code(&out), 2);
}

#[test]
fn lang_en_messages() {
    let bad = fixture("sum-mismatch.txt");
    let out = gouji(&args!["check", "--lang", "en", bad], None);
    let text = stdout(&out);
    assert!(text.contains("error[sum]: The"), "{text}");
    let empty = tempfile::NamedTempFile::new().unwrap();
    let out = gouji(&args!["check", "--lang", "en", empty.path()], None);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("The file is empty"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn operands_that_name_nothing_exit_2_and_others_are_checked() {
    let ok = fixture("sum-ok.txt");
    let missing = "/nonexistent/gouji-no-such-report.txt";
    let out = gouji(&args!["check", "--format", "json", missing, ok], None);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains(missing), "{}", stderr(&out));
    let doc = json(&out);
    assert_eq!(
        paths_of(doc["files"].as_array().unwrap()),
        [ok.display().to_string()]
    );
    assert_eq!(doc["errors"][0]["path"], missing);
    assert_eq!(doc["errors"][0]["kind"], "not-found");

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("readme.md"), "x").unwrap();
    let out = gouji(&args!["check", "--format", "json", dir.path(), ok], None);
    assert_eq!(code(&out), 2);
    assert_eq!(json(&out)["errors"][0]["kind"], "no-reports");

    let pattern = format!("{}/*.txt", dir.path().display());
    let out = gouji(&args!["check", "--format", "json", &pattern, ok], None);
    assert_eq!(code(&out), 2);
    assert_eq!(json(&out)["errors"][0]["kind"], "no-match");
    assert_eq!(json(&out)["errors"][0]["path"], pattern.as_str());
}

#[test]
fn globs_are_expanded() {
    let m = Mixed::new();
    let pattern = format!("{}/**/*.txt", m.dir.path().display());
    let out = gouji(&args!["check", "--format", "jsonl", &pattern], None);
    let names = paths_of(&jsonl(&out));
    let expected: Vec<String> = m
        .all()
        .into_iter()
        .filter(|p| p.ends_with(".txt"))
        .collect();
    assert_eq!(names, expected);
    // A file reached twice is checked once.
    let out = gouji(
        &args![
            "check",
            "--format",
            "jsonl",
            m.path("a-good.txt"),
            m.dir.path()
        ],
        None,
    );
    assert_eq!(paths_of(&jsonl(&out)).len(), 7);
}

#[test]
fn usage_errors_exit_2() {
    let out = gouji(&[], None);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("Usage"), "stderr: {}", stderr(&out));

    let out = gouji(&args!["check"], None);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("Usage"), "stderr: {}", stderr(&out));

    let ok = fixture("sum-ok.txt");
    let out = gouji(&args!["check", "--format", "xml", ok], None);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("xml"));
    assert!(out.stdout.is_empty());

    let out = gouji(&args!["check", "--min-severity", "fatal", ok], None);
    assert_eq!(code(&out), 2);

    let out = gouji(&args!["check", "-", "-"], Some(b""));
    assert_eq!(code(&out), 2);

    let out = gouji(&args!["frobnicate"], None);
    assert_eq!(code(&out), 2);
}

#[test]
fn help_shows_examples() {
    let out = gouji(&args!["check", "--help"], None);
    assert_eq!(code(&out), 0);
    let help = stdout(&out);
    for needle in [
        "Examples:",
        "--format",
        "Exit status:",
        "--summary",
        "--encoding",
        "sarif",
    ] {
        assert!(help.contains(needle), "{needle}: {help}");
    }
    let out = gouji(&args!["--help"], None);
    assert!(stdout(&out).contains("Examples:"));
    assert!(stdout(&out).contains("explain"));
}

/// Unreadable inputs (empty, binary, oversized) are reported, the others checked, exit 1.
#[test]
fn bad_files_do_not_stop_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, b" \n").unwrap();
    let big = dir.path().join("big.txt");
    std::fs::write(&big, vec![b'a'; gouji_core::MAX_INPUT_BYTES + 1]).unwrap();
    let ok = fixture("sum-ok.txt");
    let out = gouji(&args!["check", "--format", "json", empty, big, ok], None);
    assert_eq!(code(&out), 1);
    let doc = json(&out);
    let kinds: Vec<&str> = doc["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["empty", "too-large"]);
    assert_eq!(doc["files"].as_array().unwrap().len(), 1);
    assert!(stderr(&out).contains("empty.txt") && stderr(&out).contains("big.txt"));

    let out = gouji(&args!["check", "-"], Some(b""));
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("<stdin>"));
}

/// A byte-order mark is kept in the text: spans stay offsets into the file as read.
#[test]
fn bom_keeps_spans_in_file_offsets() {
    let plain = std::fs::read(fixture("sum-mismatch.txt")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let bom_file = dir.path().join("bom.txt");
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(&plain);
    std::fs::write(&bom_file, &with_bom).unwrap();

    let a = gouji(
        &args!["check", "--format", "json", fixture("sum-mismatch.txt")],
        None,
    );
    let b = gouji(&args!["check", "--format", "json", bom_file], None);
    assert_eq!(code(&a), code(&b));
    let (a, b) = (json(&a), json(&b));
    let (a, b) = (&a["files"][0], &b["files"][0]);
    check_spans(a, &plain);
    check_spans(b, &with_bom);
    let starts = |e: &Value| -> Vec<usize> { findings(e).iter().map(|f| span(f).0).collect() };
    let shifted: Vec<usize> = starts(a).iter().map(|s| s + 3).collect();
    assert_eq!(starts(b), shifted);

    // Text output does not count the BOM as a column.
    let text = gouji(&args!["check", &bom_file], None);
    assert!(!stdout(&text).contains('\u{feff}'));
    let sarif = json(&gouji(
        &args!["check", "--format", "sarif", &bom_file],
        None,
    ));
    let plain_sarif = json(&gouji(
        &args!["check", "--format", "sarif", fixture("sum-mismatch.txt")],
        None,
    ));
    let region = |log: &Value| {
        log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"].clone()
    };
    assert_eq!(region(&sarif), region(&plain_sarif));
}

#[test]
fn rule_options() {
    let bad = fixture("sum-mismatch.txt");
    let out = gouji(&args!["check", "--exclude-rules", "sum", bad], None);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    let out = gouji(&args!["check", "--rules", "growth,share", bad], None);
    assert_eq!(code(&out), 0);
    let out = gouji(&args!["check", "--rules", "sum", bad], None);
    assert_eq!(code(&out), 1);
    let out = gouji(&args!["check", "--rules", "", fixture("sum-ok.txt")], None);
    assert_eq!(code(&out), 0);
    for flag in ["--rules", "--exclude-rules"] {
        let out = gouji(&args!["check", flag, "sum,no-such-rule", bad], None);
        assert_eq!(code(&out), 2, "{flag}");
        let err = stderr(&out);
        assert!(err.contains("no-such-rule") && err.contains("sum"), "{err}");
        assert!(err.contains(&format!("{flag}: unknown rule")), "{err}");
        assert!(out.stdout.is_empty());
    }
    // An unknown checklist is an error, not quietly the national one.
    let out = gouji(&args!["check", "--profile", "nationl", bad], None);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains("unknown --profile `nationl`; choose one of: national, thirteen-tables"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
    let out = gouji(&args!["check", "--profile", "thirteen-tables", bad], None);
    assert_eq!(code(&out), 1);
}

#[test]
fn rules_and_explain() {
    let out = gouji(&args!["rules", "--format", "json"], None);
    assert_eq!(code(&out), 0);
    let rules = json(&out);
    let rules = rules.as_array().expect("array of rules");
    assert!(rules.len() >= 6);

    let out = gouji(&args!["rules"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let list = stdout(&out);
    assert_eq!(list.lines().count(), rules.len());
    for (line, rule) in list.lines().zip(rules) {
        let mut words = line.split_whitespace();
        assert_eq!(words.next(), rule["id"].as_str());
        assert_eq!(words.next(), rule["severity"].as_str());
        assert!(line.contains(rule["summary_zh"].as_str().unwrap()));
    }
    let en = stdout(&gouji(&args!["rules", "--lang", "en"], None));
    assert!(en.contains(rules[0]["summary_en"].as_str().unwrap()));

    for rule in rules {
        let id = rule["id"].as_str().unwrap();
        let out = gouji(&args!["explain", id], None);
        assert_eq!(code(&out), 0);
        let text = stdout(&out);
        assert!(text.starts_with(id));
        assert!(
            text.contains(rule["explanation_zh"].as_str().unwrap()),
            "{id}"
        );
        assert!(
            text.contains(rule["explanation_en"].as_str().unwrap()),
            "{id}"
        );
        assert_eq!(stdout(&gouji(&args!["rules", id], None)), text);
        let en = stdout(&gouji(&args!["explain", "--lang", "en", id], None));
        assert!(!en.contains(rule["explanation_zh"].as_str().unwrap()));
        let one = json(&gouji(&args!["explain", "--format", "json", id], None));
        assert_eq!(&one, rule);
    }
    // Every explanation carries a worked example.
    for rule in rules {
        let zh = rule["explanation_zh"].as_str().unwrap();
        assert!(zh.contains("例"), "{}: no example", rule["id"]);
    }

    let out = gouji(&args!["explain", "no-such-rule"], None);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("no-such-rule") && stderr(&out).contains("sum"));
}

/// `gouji check … | head` ends quietly when the reader goes away.
#[test]
fn closed_pipe_ends_quietly() {
    let m = Mixed::new();
    let mut child = Command::new(BIN)
        .args(args![
            "check",
            m.dir.path(),
            m.dir.path().join("a-good.txt")
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("=== "));
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert!(!err.contains("cannot write output"), "{err}");
}

#[test]
fn consistent_sum_exits_0() {
    let ok = fixture("sum-ok.txt");
    let out = gouji(&args!["check", "--format", "json", ok], None);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    let doc = json(&out);
    assert!(with_severity(&doc["files"][0], "error").is_empty());
}

/// Error- and warning-level findings of one checked file, as (rule, figure without spaces).
fn serious(file: &Value) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = file["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] != "info")
        .map(|f| {
            let quote: String = f["quote"]
                .as_str()
                .unwrap()
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            (f["rule"].as_str().unwrap().to_string(), quote)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn a_pdf_is_checked_as_its_pdftotext_layout_text_is() {
    let shared = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared"));
    for n in ["01", "11", "14", "20", "25", "30"] {
        let pdf = shared.join(format!("pdf/{n}.pdf"));
        let layout = shared.join(format!("corpus/layout/{n}.txt"));
        let out = gouji(&args!["check", "--format", "json", pdf, layout], None);
        let v = json(&out);
        let files = v["files"].as_array().unwrap();
        assert_eq!(files.len(), 2, "{v}");
        assert_eq!(files[0]["encoding"], "pdf");
        assert_eq!(
            serious(&files[0]),
            serious(&files[1]),
            "{n}.pdf against layout/{n}.txt"
        );
        if n == "20" {
            assert!(serious(&files[0]).contains(&("table-identity".into(), "82,479.29".into())));
            let slip = files[0]["findings"]
                .as_array()
                .unwrap()
                .iter()
                .find(|f| f["quote"] == "82,479.29")
                .unwrap();
            assert_eq!(slip["page"], 30, "the PDF's page");
        }
    }
}

#[test]
fn a_scanned_or_broken_pdf_is_an_unreadable_file_with_a_reason() {
    // A directory walk finds the .pdf; it is reported as unreadable, with why.
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.pdf");
    std::fs::write(&broken, b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog\n").unwrap();
    let out = gouji(&args!["check", dir.path()], None);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("PDF"), "{}", stderr(&out));
    let out = gouji(&args!["check", "--format", "json", broken], None);
    assert_eq!(json(&out)["errors"][0]["kind"], "pdf", "{}", stdout(&out));
}
