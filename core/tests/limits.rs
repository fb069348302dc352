//! The limits that protect the user: each gives a clear message instead of a slow or
//! unusable answer.

use gouji_core::{check, Options, MAX_FINDINGS, MAX_INPUT_BYTES};

/// Above `MAX_INPUT_BYTES` nothing is checked and the notice says why and what to do.
#[test]
fn input_above_the_size_limit_is_refused_with_a_notice() {
    let head = "本年支出合计3.00元，其中：甲1.00元，乙1.00元。\n";
    let text = format!("{head}{}", "\n".repeat(MAX_INPUT_BYTES + 1 - head.len()));
    assert_eq!(text.len(), MAX_INPUT_BYTES + 1);
    let r = check(&text, &Options::default());
    let notice = r.notice.expect("a notice");
    assert!(notice.contains("超过上限 16 MB"), "{notice}");
    assert!(notice.contains("请分段粘贴"), "{notice}");
    assert!(r.findings.is_empty() && r.ledger.is_empty());
}

/// At the limit exactly the text is checked. (Mostly one character repeated, so that a debug
/// build checks it in about a second; the benchmarks time real 10 MB reports.)
#[test]
fn input_at_the_size_limit_is_checked() {
    let head = "本年支出合计3.00元，其中：甲1.00元，乙1.00元。\n";
    let rest = MAX_INPUT_BYTES - head.len();
    let text = format!("{head}{}{}", "字".repeat(rest / 3), "a".repeat(rest % 3));
    assert_eq!(text.len(), MAX_INPUT_BYTES);
    let r = check(&text, &Options::default());
    assert_eq!(r.notice, None);
    assert_eq!(r.stats.errors, 1);
}

/// No cap on line length is needed (every search is bounded, see docs/performance.md): a
/// text without a single line break is checked like any other.
#[test]
fn one_long_line_is_checked_without_a_notice() {
    let text = "本年支出合计3.00元，其中：甲1.00元，乙1.00元。".repeat(5_000);
    assert!(!text.contains('\n') && text.len() > 300_000);
    let r = check(&text, &Options::default());
    assert_eq!(r.notice, None);
    assert_eq!(r.stats.errors, 5_000);
    assert_eq!(r.findings.len(), 5_000);
}

/// Beyond `MAX_FINDINGS` the first ones are listed, the stats count all, the notice says so.
#[test]
fn findings_beyond_the_cap_are_counted_but_not_listed() {
    let n = MAX_FINDINGS + 7;
    let text = "本年支出合计3.00元，其中：甲1.00元，乙1.00元。\n".repeat(n);
    let r = check(&text, &Options::default());
    assert_eq!(r.stats.errors, n);
    assert_eq!(r.findings.len(), MAX_FINDINGS);
    assert!(r
        .findings
        .windows(2)
        .all(|w| w[0].span.start <= w[1].span.start));
    let notice = r.notice.expect("a notice");
    assert!(notice.contains(&format!("共 {n} 条")), "{notice}");
    assert!(
        notice.contains(&format!("前 {MAX_FINDINGS} 条")),
        "{notice}"
    );
}
