//! Memory (issue 16): a text of bare numbers is read only up to `MAX_NUMBERS` of them, so
//! that the engine's few hundred bytes per figure stay bounded, with a notice. Peak memory is
//! measured from `/proc/self/status` (Linux), in a test binary of its own so that no other
//! test's allocations count.

use gouji_core::{check, Options, MAX_INPUT_BYTES, MAX_NUMBERS};

/// The process's peak resident memory so far, in bytes (`VmHWM`), where Linux tells it.
fn peak_rss() -> Option<usize> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: usize = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// 16 MB of `1\n` (8 million numbers) peaked at 2.5 GB; now at most 200 MB, under 20 times
/// the text.
/// Slow in a debug build (a million figures are still checked): run with
/// `cargo test -p gouji-core --release --test memory -- --ignored`.
#[test]
#[ignore]
fn sixteen_mb_of_bare_numbers_stay_under_20_times_the_text() {
    let text = "1\n".repeat(MAX_INPUT_BYTES / 2);
    let before = peak_rss();
    let r = check(&text, &Options::default());
    let notice = r.notice.expect("a notice");
    assert!(notice.contains("文中数字过多"), "{notice}");
    let Some(after) = peak_rss() else { return };
    let ratio = after as f64 / text.len() as f64;
    eprintln!(
        "peak {} MB before, {} MB after: {ratio:.1} × the text",
        before.unwrap_or(0) >> 20,
        after >> 20
    );
    assert!(ratio <= 20.0, "peak memory {ratio:.1} × the text's bytes");
    assert!(after <= 200 << 20, "peak memory {} MB", after >> 20);
}

/// More numbers than `MAX_NUMBERS`: checked up to the line of the first one past it, and
/// said so; spans stay offsets into the whole text.
#[test]
fn numbers_past_the_limit_are_not_read() {
    let head = "本年支出合计3.00元，其中：甲1.00元，乙1.00元。\n";
    let text = format!("{head}{}{head}", "1 ".repeat(MAX_NUMBERS));
    let r = check(&text, &Options::default());
    assert_eq!(r.stats.errors, 1, "only the first sum is checked");
    assert!(r.findings[0].span.start < head.len());
    let notice = r.notice.expect("a notice");
    assert!(
        notice.contains(&format!("超过 {MAX_NUMBERS} 个")),
        "{notice}"
    );
}
