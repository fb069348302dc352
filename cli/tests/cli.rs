//! End-to-end tests of the `gouji` binary.

use std::ffi::OsString;
use std::io::Write;
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

fn samples_dir() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/samples"
    ))
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures")).join(name)
}

fn samples() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(samples_dir())
        .expect("samples directory")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no sample reports found");
    files
}

/// Runs `gouji` with `args`, feeding `stdin` (or nothing) to it.
fn gouji(args: &[OsString], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
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

fn span(v: &Value) -> (usize, usize) {
    let s = &v["span"];
    (
        s["start"].as_u64().expect("span.start") as usize,
        s["end"].as_u64().expect("span.end") as usize,
    )
}

/// Checks, for every finding, related item and ledger entry of one file's JSON entry, that
/// the quote is exactly the file's bytes at the span and that `line` is right.
/// Returns how many spans were checked.
fn check_spans(entry: &Value, bytes: &[u8]) -> usize {
    let path = entry["path"].as_str().unwrap_or("?");
    let mut checked = 0;
    let mut check = |what: &str, item: &Value, has_line: bool| {
        let (start, end) = span(item);
        assert!(
            start <= end && end <= bytes.len(),
            "{path}: {what} span {start}..{end} out of bounds ({} bytes)",
            bytes.len()
        );
        let quote = item["quote"].as_str().expect("quote");
        assert_eq!(
            quote.as_bytes(),
            &bytes[start..end],
            "{path}: {what} quote differs from the file at {start}..{end}"
        );
        if has_line {
            let line = bytes[..start].iter().filter(|&&b| b == b'\n').count() + 1;
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
}

fn error_findings(entry: &Value) -> Vec<&Value> {
    entry["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "error")
        .collect()
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
    let mut any_error = false;
    for (entry, file) in entries.iter().zip(&files) {
        assert_shape(entry);
        assert_eq!(entry["path"].as_str(), file.to_str());
        let bytes = std::fs::read(file).unwrap();
        check_spans(entry, &bytes);
        any_error |= !error_findings(entry).is_empty();
        let stats_errors = entry["stats"]["errors"].as_u64().unwrap();
        assert_eq!(
            stats_errors as usize,
            error_findings(entry).len(),
            "{}: stats.errors disagrees with the findings",
            file.display()
        );
    }
    assert_eq!(code(&out), if any_error { 1 } else { 0 });
}

#[test]
fn text_on_all_samples() {
    let files = samples();
    let mut cmd = Vec::from(args!["check"]);
    cmd.extend(files.iter().map(OsString::from));
    let out = gouji(&cmd, None);
    assert!(matches!(code(&out), 0 | 1), "stderr: {}", stderr(&out));
    let text = stdout(&out);
    for f in &files {
        assert!(
            text.contains(&format!("=== {}", f.display())),
            "no header for {}",
            f.display()
        );
    }
    assert!(text.contains(&format!("total: {} checked", files.len())));
}

#[test]
fn stdin_is_read_with_dash() {
    let file = &samples()[0];
    let bytes = std::fs::read(file).unwrap();
    let from_stdin = gouji(&args!["check", "--format", "json", "-"], Some(&bytes));
    let from_file = gouji(&args!["check", "--format", "json", file], None);
    assert_eq!(code(&from_stdin), code(&from_file));
    let a = json(&from_stdin);
    let b = json(&from_file);
    let a = &a["files"][0];
    let b = &b["files"][0];
    assert_eq!(a["path"], "<stdin>");
    check_spans(a, &bytes);
    assert_eq!(a["findings"], b["findings"]);
    assert_eq!(a["ledger"], b["ledger"]);
    assert_eq!(a["stats"], b["stats"]);

    let text = gouji(
        &args!["check", "-"],
        Some("本年收入合计100万元。\n".as_bytes()),
    );
    assert_eq!(code(&text), 0, "stderr: {}", stderr(&text));
    assert!(stdout(&text).contains("<stdin>"));
}

#[test]
fn missing_file_is_named_and_others_still_checked() {
    let sample = &samples()[0];
    let missing = "/nonexistent/gouji-no-such-report.txt";
    let out = gouji(&args!["check", "--format", "json", missing, sample,], None);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains(missing), "stderr: {}", stderr(&out));
    let doc = json(&out);
    assert_eq!(doc["files"].as_array().unwrap().len(), 1);
    assert_eq!(doc["files"][0]["path"].as_str(), sample.to_str());
    assert_eq!(doc["errors"][0]["path"], missing);

    let text = gouji(&args!["check", missing, sample], None);
    assert_eq!(code(&text), 2);
    assert!(stderr(&text).contains(missing));
    assert!(stdout(&text).contains(&format!("=== {}", sample.display())));
}

#[test]
fn non_utf8_input_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let gbk = dir.path().join("gbk.txt");
    // "本年支出合计100万元" in GBK.
    std::fs::write(
        &gbk,
        b"\xb1\xbe\xc4\xea\xd6\xa7\xb3\xf6\xba\xcf\xbc\xc6100\xcd\xf2\xd4\xaa",
    )
    .unwrap();
    let ok = fixture("sum-ok.txt");
    let out = gouji(&args!["check", gbk, ok], None);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(err.contains(&gbk.display().to_string()), "stderr: {err}");
    assert!(err.contains("UTF-8"), "stderr: {err}");
    assert!(
        stdout(&out).contains("sum-ok.txt"),
        "the good file is still checked"
    );

    let out = gouji(&args!["check", "-"], Some(&[0xff, 0x00, 0xc3, 0x28, b'\n']));
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("<stdin>"));
}

#[test]
fn directory_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = gouji(&args!["check", dir.path()], None);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains(&dir.path().display().to_string()),
        "stderr: {err}"
    );
    assert!(err.contains("directory"), "stderr: {err}");
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
    assert!(help.contains("Examples:"));
    assert!(help.contains("--format"));
    assert!(help.contains("Exit status:"));
}

#[test]
fn empty_file_is_checked_and_said_so() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    let out = gouji(&args!["check", empty], None);
    assert_eq!(code(&out), 0, "stderr: {}", stderr(&out));
    assert!(stderr(&out).contains("empty"), "stderr: {}", stderr(&out));
    assert!(stdout(&out).contains("notice:"));

    let out = gouji(&args!["check", "--format", "json", "-"], Some(b""));
    assert_eq!(code(&out), 0);
    let doc = json(&out);
    let entry = &doc["files"][0];
    assert_shape(entry);
    assert!(entry["notice"].is_string());
    assert_eq!(entry["findings"].as_array().unwrap().len(), 0);
}

#[test]
fn rule_options_are_accepted() {
    let ok = fixture("sum-ok.txt");
    for args in [
        ["--rules", "sum,growth"],
        ["--exclude-rules", "growth"],
        ["--rules", ""],
    ] {
        let out = gouji(&args!["check", args[0], args[1], ok,], None);
        assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
    }
}

/// A byte-order mark is passed through: spans stay offsets into the file as read.
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
    let starts = |e: &Value| -> Vec<usize> {
        e["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| span(f).0)
            .collect()
    };
    let shifted: Vec<usize> = starts(a).iter().map(|s| s + 3).collect();
    assert_eq!(starts(b), shifted);

    // Text output does not count the BOM as a column.
    let text = gouji(&args!["check", bom_file], None);
    assert!(!stdout(&text).contains('\u{feff}'));
}

/// `sum-mismatch.txt` states a total of 500.00 whose parts add up to 450.00.
#[test]
fn error_finding_exits_1() {
    let bad = fixture("sum-mismatch.txt");
    let bytes = std::fs::read(&bad).unwrap();
    let out = gouji(&args!["check", "--format", "json", bad], None);
    let doc = json(&out);
    let entry = &doc["files"][0];
    let errors = error_findings(entry);
    assert!(
        errors.iter().any(|f| f["rule"] == "sum"),
        "expected a sum error, got {}",
        entry["findings"]
    );
    assert_eq!(code(&out), 1, "stderr: {}", stderr(&out));
    assert!(check_spans(entry, &bytes) >= 1);

    // Text: the diagnostic, its location in characters, and carets under the span.
    let out = gouji(&args!["check", bad], None);
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    assert!(text.contains("error[sum]: "), "{text}");
    let f = errors.iter().find(|f| f["rule"] == "sum").unwrap();
    let (start, _) = span(f);
    let before = std::str::from_utf8(&bytes[..start]).unwrap();
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap().chars().count() + 1;
    assert!(
        text.contains(&format!("--> {}:{line}:{col}", bad.display())),
        "{text}"
    );
    assert!(text.contains('^'), "{text}");

    // A clean file next to it does not change the verdict; an unreadable one makes it 2.
    let ok = fixture("sum-ok.txt");
    let out = gouji(&args!["check", ok, bad], None);
    assert_eq!(code(&out), 1);
    let out = gouji(&args!["check", bad, "/nonexistent/x.txt"], None);
    assert_eq!(code(&out), 2);

    // Excluding the rule silences it.
    let out = gouji(&args!["check", "--exclude-rules", "sum", bad], None);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
}

#[test]
fn consistent_sum_exits_0() {
    let ok = fixture("sum-ok.txt");
    let out = gouji(&args!["check", "--format", "json", ok], None);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    let doc = json(&out);
    assert!(error_findings(&doc["files"][0]).is_empty());
}

#[test]
fn oversized_input_is_refused() {
    let big = vec![b'a'; gouji_core::MAX_INPUT_BYTES + 1];
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.txt");
    std::fs::write(&file, &big).unwrap();
    let ok = fixture("sum-ok.txt");
    let out = gouji(&args!["check", file, ok], None);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("too large"), "{}", stderr(&out));
    assert!(stdout(&out).contains("sum-ok.txt"));

    let out = gouji(&args!["check", "-"], Some(&big));
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("too large"), "{}", stderr(&out));
}

#[test]
fn unknown_rule_ids_are_usage_errors() {
    let ok = fixture("sum-ok.txt");
    for flag in ["--rules", "--exclude-rules"] {
        let out = gouji(&args!["check", flag, "sum,no-such-rule", ok], None);
        assert_eq!(code(&out), 2, "{flag}");
        let err = stderr(&out);
        assert!(err.contains("no-such-rule") && err.contains("sum"), "{err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn rules_lists_and_explains() {
    let out = gouji(&args!["rules"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let list = stdout(&out);
    assert!(list.lines().any(|l| l.starts_with("sum ")), "{list}");

    let out = gouji(&args!["rules", "--format", "json"], None);
    assert_eq!(code(&out), 0);
    let rules = json(&out);
    let ids: Vec<&str> = rules
        .as_array()
        .expect("array of rules")
        .iter()
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    assert!(ids.contains(&"sum"), "{ids:?}");
    assert_eq!(ids.len(), list.lines().count());
    for r in rules.as_array().unwrap() {
        assert!(r["explanation_zh"].is_string() && r["summary_en"].is_string());
    }

    let out = gouji(&args!["rules", "sum"], None);
    assert_eq!(code(&out), 0);
    let sum = rules
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "sum")
        .unwrap();
    assert!(stdout(&out).contains(sum["explanation_zh"].as_str().unwrap()));

    let out = gouji(&args!["rules", "no-such-rule"], None);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("no-such-rule"));
}
