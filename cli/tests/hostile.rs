//! Hostile and odd inputs through the `gouji` binary (issue 16): terminal safety of the
//! text output, CSV formula cells, old-Mac line ends, output failures, special files,
//! thread and time bounds, long lines.

use std::ffi::OsString;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// A command line mixing string literals and paths.
macro_rules! args {
    ($($x:expr),* $(,)?) => {
        [$(std::ffi::OsString::from(AsRef::<std::ffi::OsStr>::as_ref(&$x))),*]
    };
}

const BIN: &str = env!("CARGO_BIN_EXE_gouji");

fn gouji(args: &[OsString]) -> Output {
    let out = Command::new(BIN)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run gouji");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "gouji panicked: {err}");
    out
}

fn code(out: &Output) -> i32 {
    out.status.code().expect("exit code")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// No byte that a terminal would act on: C0 but tab and newline, DEL, C1 (as UTF-8), bidi
/// overrides and isolates.
fn assert_terminal_safe(what: &str, s: &str) {
    let bad = s.chars().find(|&c| {
        (c < ' ' && c != '\t' && c != '\n')
            || ('\x7f'..='\u{9f}').contains(&c)
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    });
    assert!(bad.is_none(), "{what} holds {bad:?}:\n{s}");
}

/// A wrong sum whose labels hold an ESC sequence, a BEL, a C1 CSI and a bidi override,
/// in a file whose name holds an ESC sequence too.
fn hostile_dir() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "本年支出合计500.00万元，其中：基本\x1b[2J支出300.00万元，项目\u{9b}31m支出150.00万元。\n\
         本年收入合计3.00元，其中：甲\x071.00元，乙\u{202e}丙1.00元。\n{}\n",
        "这是一段说明文字。".repeat(30)
    );
    let path = dir.path().join("r\x1b]0;owned\x07\u{9b}.txt");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

#[test]
fn text_output_escapes_control_characters_with_and_without_colour() {
    let (_dir, path) = hostile_dir();
    for color in ["never", "always"] {
        let out = gouji(&args!["check", "--color", color, &path]);
        assert_eq!(code(&out), 1, "{}", stderr(&out));
        let text = stdout(&out);
        assert!(text.contains("error[sum]"), "{text}");
        // Colour is ESC sequences of gouji's own: take them out, then nothing may be left.
        let plain = strip_sgr(&text);
        assert_terminal_safe("text output", &plain);
        assert!(plain.contains("\\u{1b}[2J"), "{plain}");
        assert!(plain.contains("\\u{9b}"), "{plain}");
        assert!(plain.contains("\\u{202e}"), "{plain}");
        assert!(
            plain.contains("r\\u{1b}]0;owned\\u{7}\\u{9b}.txt"),
            "{plain}"
        );
    }
    let out = gouji(&args!["check", "--summary", &path]);
    assert_terminal_safe("summary", &stdout(&out));
    assert!(stdout(&out).contains("\\u{1b}]0;owned"), "{}", stdout(&out));
    // Standard error names the file too.
    let missing = path.with_file_name("m\x1b[2J.txt");
    let out = gouji(&args!["check", &missing]);
    assert_eq!(code(&out), 2);
    assert_terminal_safe("stderr", &stderr(&out));
    assert!(stderr(&out).contains("m\\u{1b}[2J.txt"), "{}", stderr(&out));
}

/// Removes `ESC [ digits;… m` (SGR), the only control sequences gouji itself writes.
fn strip_sgr(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("\x1b[") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let n = after
            .bytes()
            .take_while(|b| b.is_ascii_digit() || *b == b';')
            .count();
        if after[n..].starts_with('m') {
            rest = &after[n + 1..];
        } else {
            out.push('\x1b');
            rest = &rest[i + 1..];
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn csv_cells_that_start_a_formula_are_neutralised() {
    let dir = tempfile::tempdir().unwrap();
    let path = "=HYPERLINK(1).txt";
    std::fs::write(
        dir.path().join(path),
        "本年支出合计500.00万元，其中：基本支出300.00万元，项目支出150.00万元。\n",
    )
    .unwrap();
    let run = |extra: &[&str]| {
        let out = Command::new(BIN)
            .args(["check", "--format", "csv"])
            .args(extra)
            .arg(path)
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert!(!stderr(&out).contains("panicked"));
        out
    };
    let out = run(&[]);
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    let rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    assert!(rows.len() >= 2, "{text}");
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "formula cell {cell:?} in {row:?}"
            );
        }
    }
    assert_eq!(rows[1][0], "'=HYPERLINK(1).txt", "{:?}", rows[1]);
    let out = run(&["--summary"]);
    assert!(stdout(&out).contains("'=HYPERLINK"), "{}", stdout(&out));
}

/// Old Mac line ends: every finding on its own line, in text, CSV, JSON and SARIF.
#[test]
fn carriage_return_only_line_ends_count_as_lines() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mac.txt");
    std::fs::write(
        &path,
        "第一行说明文字。\r本年支出合计500.00万元，其中：基本支出300.00万元，项目支出150.00万元。\r\
         第三行。\r\r本年收入合计3.00元，其中：甲1.00元，乙1.00元。\r",
    )
    .unwrap();
    let out = gouji(&args!["check", "--color", "never", &path]);
    let text = stdout(&out);
    assert!(text.contains("mac.txt:2:7"), "{text}");
    assert!(text.contains("mac.txt:5:7"), "{text}");
    assert_terminal_safe("text output", &text);
    let out = gouji(&args!["check", "--format", "csv", &path]);
    let text = stdout(&out);
    assert!(text.contains("mac.txt,2,7,sum"), "{text}");
    assert!(text.contains("mac.txt,5,7,sum"), "{text}");
    let out = gouji(&args!["check", "--format", "json", &path]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let lines: Vec<u64> = doc["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [2, 5]);
}

/// A full disk is an output failure (exit 3, one message), not a usage error.
#[test]
fn a_write_error_exits_3() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.txt");
    std::fs::write(&path, "本年支出合计3.00元，其中：甲1.00元，乙1.00元。\n").unwrap();
    for format in ["text", "json", "csv", "sarif"] {
        let out = Command::new(BIN)
            .args(args!["check", "--format", format, &path])
            .stdout(std::fs::File::create("/dev/full").unwrap())
            .output()
            .unwrap();
        assert_eq!(code(&out), 3, "{format}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("cannot write output"),
            "{}",
            stderr(&out)
        );
    }
}

/// One 200 KB line with a wrong sum every 300 bytes: the text format shows each finding's
/// surroundings, not the whole line, so it takes about as long as JSON.
#[test]
fn text_output_on_a_long_line_is_clipped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("line.txt");
    let unit = "说明文字。".repeat(12) + "本年支出合计3.00元，其中：甲1.00元，乙1.00元。";
    let text = unit.repeat(200_000 / unit.len());
    std::fs::write(&path, &text).unwrap();
    let start = Instant::now();
    let out = gouji(&args!["check", "--color", "never", &path]);
    let took = start.elapsed();
    let shown = stdout(&out);
    let n = text.matches("乙1.00元").count();
    assert_eq!(shown.matches("error[sum]").count(), n);
    let longest = shown.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(longest < 400, "a source line of {longest} characters shown");
    // The last finding's column is counted in the whole line.
    let last = text.rfind("本年支出合计3.00元").unwrap();
    let col = text[..last].chars().count() + 7;
    assert!(shown.contains(&format!("line.txt:1:{col}")), "column {col}");
    assert!(took < Duration::from_secs(20), "{took:?}");
}

/// Runs `gouji` and kills it if it is not done within `limit` (a test must fail, not hang).
fn gouji_within(args: &[OsString], limit: Duration) -> (Output, Duration) {
    let start = Instant::now();
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            let out = child.wait_with_output().unwrap();
            panic!(
                "gouji still running after {limit:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let took = start.elapsed();
    (child.wait_with_output().unwrap(), took)
}

fn mkfifo(path: &Path) -> bool {
    Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

/// A FIFO with no writer (given, or found in a directory) and a device are refused from
/// their metadata, without being opened; the regular files beside them are checked.
#[test]
fn special_files_are_refused_without_being_opened() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.txt");
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    if !mkfifo(&fifo) || !mkfifo(&sub.join("b.txt")) {
        eprintln!("no mkfifo here: skipped");
        return;
    }
    std::fs::write(
        sub.join("a.txt"),
        "本年支出合计3.00元，其中：甲2.00元，乙1.00元。\n",
    )
    .unwrap();
    let (out, _) = gouji_within(
        &args!["check", "--format", "json", &fifo, "/dev/null", &sub],
        Duration::from_secs(20),
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let kinds: Vec<(&str, &str)> = doc["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["path"].as_str().unwrap(), e["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(kinds.len(), 3, "{kinds:?}");
    assert!(kinds.iter().all(|(_, k)| *k == "not-regular"), "{kinds:?}");
    assert!(
        kinds[1].0 == "/dev/null" && kinds[2].0.ends_with("b.txt"),
        "{kinds:?}"
    );
    assert_eq!(doc["files"].as_array().unwrap().len(), 1);
    let message = doc["errors"][0]["message_en"].as_str().unwrap();
    assert!(message.contains("not a regular file"), "{message}");
    assert!(doc["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("不是普通文件"));
}

/// `-j` far above the number of cores is capped, with one warning.
#[test]
fn jobs_are_capped_at_four_per_core() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.txt");
    std::fs::write(&path, "本年支出合计3.00元，其中：甲2.00元，乙1.00元。\n").unwrap();
    let (out, _) = gouji_within(
        &args!["check", "-j", "1000000", &path],
        Duration::from_secs(20),
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let err = stderr(&out);
    let cores = std::thread::available_parallelism().unwrap().get();
    assert_eq!(err.matches("warning: -j 1000000").count(), 1, "{err}");
    assert!(err.contains(&format!("using {}", cores * 4)), "{err}");
    let (out, _) = gouji_within(&args!["check", "-j", "2", &path], Duration::from_secs(20));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

/// A file that takes longer than `--timeout` is reported as `timeout` in its place, the
/// next one is checked, and gouji exits without waiting for the abandoned check.
#[test]
fn a_slow_file_times_out_and_the_rest_go_on() {
    let dir = tempfile::tempdir().unwrap();
    let sample = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/samples/renhe-2020-final-accounts.txt"
    ))
    .unwrap();
    // About 8 MB: several seconds of checking even in a release build.
    let big = dir.path().join("a-big.txt");
    std::fs::write(&big, sample.repeat(8_000_000 / sample.len())).unwrap();
    let small = dir.path().join("b-small.txt");
    std::fs::write(&small, "本年支出合计3.00元，其中：甲2.00元，乙1.00元。\n").unwrap();
    let (out, took) = gouji_within(
        &args![
            "check",
            "--format",
            "json",
            "--timeout",
            "0.5",
            &big,
            &small
        ],
        Duration::from_secs(60),
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["errors"][0]["kind"], "timeout", "{doc}");
    assert!(doc["errors"][0]["path"]
        .as_str()
        .unwrap()
        .ends_with("a-big.txt"));
    assert!(doc["errors"][0]["message_en"]
        .as_str()
        .unwrap()
        .contains("longer than 0.5 s"));
    assert_eq!(doc["files"].as_array().unwrap().len(), 1, "{doc}");
    assert!(doc["files"][0]["path"]
        .as_str()
        .unwrap()
        .ends_with("b-small.txt"));
    assert!(
        took < Duration::from_secs(30),
        "waited for the abandoned check: {took:?}"
    );
    let err = stderr(&out);
    assert!(err.contains("a-big.txt") && err.contains("已放弃"), "{err}");
    // In text output the order of the inputs holds too.
    let (out, _) = gouji_within(
        &args!["check", "--summary", "--timeout", "0.5", &big, &small],
        Duration::from_secs(60),
    );
    let text = stdout(&out);
    let (a, b) = (
        text.find("a-big.txt").unwrap(),
        text.find("b-small.txt").unwrap(),
    );
    assert!(a < b, "{text}");
    // Bad values are usage errors.
    let out = gouji(&args!["check", "--timeout", "-1", &small]);
    assert_eq!(code(&out), 2);
}

/// UTF-16 without a BOM is read; a forced encoding that garbles a file is an error (exit 1,
/// kind `undecodable`), not a clean run with nothing found.
#[test]
fn utf16_without_bom_and_wrong_forced_encodings() {
    let dir = tempfile::tempdir().unwrap();
    let text = "本年支出合计3.00元，其中：甲2.00元，乙2.00元。\n".repeat(5);
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let utf16 = dir.path().join("utf16.txt");
    std::fs::write(&utf16, le).unwrap();
    let out = gouji(&args!["check", "--format", "json", &utf16]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["files"][0]["encoding"], "UTF-16LE", "{doc}");
    assert_eq!(doc["files"][0]["stats"]["errors"], 5, "{doc}");
    let utf8 = dir.path().join("utf8.txt");
    std::fs::write(
        &utf8,
        "本年支出合计3.00元，其中：甲2.00元，乙1.00元。\n".repeat(5),
    )
    .unwrap();
    for encoding in ["utf-16le", "utf-16be", "gbk"] {
        let out = gouji(&args![
            "check",
            "--format",
            "json",
            "--encoding",
            encoding,
            &utf8
        ]);
        assert_eq!(code(&out), 1, "{encoding}: {}", stdout(&out));
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(doc["errors"][0]["kind"], "undecodable", "{encoding}: {doc}");
        assert!(stderr(&out).contains("乱码"), "{}", stderr(&out));
    }
}

/// Two 16 MB files of `1\n` (8 million numbers each) with `-j 2` took 5 GB resident; each
/// is now read up to `MAX_NUMBERS` numbers, with a notice. The peak resident set of the
/// gouji process (from `wait4`) stays under 500 MB, about 320 MB now. Minutes in a debug
/// build: `scripts/test` runs it optimised (`cargo test --profile release-native -p
/// gouji-cli --test hostile -- --ignored`).
#[test]
#[ignore]
#[cfg(target_os = "linux")]
// (The child is reaped by `wait4`, which gives its peak resident set, not by `Child::wait`.)
#[allow(clippy::zombie_processes)]
fn two_16_mb_files_of_bare_numbers_in_parallel_stay_under_500_mb() {
    let dir = tempfile::tempdir().unwrap();
    let ones = "1\n".repeat(8_000_000);
    let (a, b, out) = (
        dir.path().join("a.txt"),
        dir.path().join("b.txt"),
        dir.path().join("out.json"),
    );
    std::fs::write(&a, &ones).unwrap();
    std::fs::write(&b, &ones).unwrap();
    drop(ones);
    let child = Command::new(BIN)
        .args(args![
            "check",
            "-j",
            "2",
            "--format",
            "json",
            "--timeout",
            "0",
            &a,
            &b
        ])
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(Stdio::null())
        .spawn()
        .expect("run gouji");
    let (mut status, mut usage) = (0, unsafe { std::mem::zeroed::<libc::rusage>() });
    // SAFETY: waits for our own child, writing into the two locals.
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    assert_eq!(pid, child.id() as i32, "wait4 failed");
    assert!(libc::WIFEXITED(status), "gouji did not exit: {status}");
    assert_eq!(libc::WEXITSTATUS(status), 0);
    let mb = usage.ru_maxrss / 1024; // kilobytes on Linux
    eprintln!("-j 2, two 16 MB files of 1\\n: peak resident {mb} MB");
    assert!(mb < 500, "peak resident {mb} MB");
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let files = doc["files"].as_array().unwrap();
    assert_eq!(files.len(), 2, "{doc}");
    for f in files {
        let notice = f["notice"].as_str().unwrap_or_default();
        assert!(notice.contains("文中数字过多"), "{notice}");
    }
}
