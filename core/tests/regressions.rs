//! Inputs that once crashed or hung `check`, found by fuzzing (fuzz/) or by the adversarial
//! benchmarks. Each must yield a report whose spans quote the text.
//!
//! A fuzz crash input can also be dropped as it is into `core/tests/fuzz-crashes/` (read as
//! lossy UTF-8, like the check_bytes target; for check_tokens, the decoded text).

use gouji_core::{check, Options, Report};

fn checks(text: &str) -> Report {
    let r = check(text, &Options::default());
    for f in &r.findings {
        assert_eq!(&text[f.span.start..f.span.end], f.quote);
        for rel in &f.related {
            assert_eq!(&text[rel.span.start..rel.span.end], rel.quote);
        }
    }
    for e in &r.ledger {
        assert_eq!(&text[e.span.start..e.span.end], e.quote);
    }
    r
}

/// fuzz check_tokens: a part with a 23-digit integer, shown with 10 decimals. rust_decimal's
/// `{:.10}` formatting writes into a 32-byte buffer and panicked (`CapacityError`).
#[test]
fn long_figure_shown_with_many_decimals() {
    // (Two values: one value said `分别为` is no list since a 分别为 list holds what follows it.)
    let r = checks("1,234.5600000000元分别为51000000000000000100000元和1元分别为");
    assert_eq!(r.stats.errors, 1, "{r:#?}");
}

/// A share whose part is 10^26 times its whole: the percentage overflows a Decimal when
/// multiplied by 100 for display.
#[test]
fn share_too_large_to_show() {
    let r = checks("合计1元，其中：500000000000000000000000000元，占1%；其他1元，占1%。");
    assert!(r.stats.claims > 0, "{r:#?}");
}

/// A total whose value in yuan (value × 10^8 for 亿元) does not fit a Decimal, next to a wrong
/// share whose cause is looked for among the other totals.
#[test]
fn total_too_large_in_yuan() {
    let r = checks(
        "收入合计99999999999999999999999亿元，其中：甲1亿元，乙2亿元。\
         支出合计10万元，其中：丙5万元，占10%；丁5万元，占50%。",
    );
    assert!(r.stats.claims > 0, "{r:#?}");
}

/// A decrease whose previous-year value (current + decrease) does not fit a Decimal.
#[test]
fn previous_year_too_large() {
    checks(
        "2020年支出合计500000000000000000000亿元，比上年减少400000000000000000000亿元，下降50%。",
    );
    checks(
        "2020年支出合计500000000000000000000亿元，比上年增加400000000000000000000亿元，增长50%。",
    );
}

/// A wrong sum whose parts add up to more than half of Decimal::MAX: the unit-slip hint took
/// the midpoint of the sum (lo + hi overflows) and ten times a gap.
#[test]
fn unit_slip_on_parts_near_the_decimal_limit() {
    let r = checks("支出合计1元，其中：甲400000000000000000000亿元，乙300000000000000000000亿元。");
    assert_eq!(r.stats.errors, 1, "{r:#?}");
}

/// The same total stated twice, once near Decimal::MAX: the restated check took midpoints.
#[test]
fn restated_total_near_the_decimal_limit() {
    checks("2020年本年支出合计600000000000000000000亿元。\n2020年本年支出合计1.00万元。\n本年支出合计1元。");
    checks("2020年本年支出合计1.00万元。\n2020年本年支出合计600000000000000000000亿元。\n本年支出合计790000000000000000000亿元。");
}

/// Every saved fuzz crash input is checked without a panic.
#[test]
fn saved_fuzz_crashes() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fuzz-crashes");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        checks(&String::from_utf8_lossy(&bytes));
        n += 1;
    }
    assert!(n > 0);
}

/// fuzz docx_xml: one total restated with a different value above Decimal::MAX / 10; the
/// restated rule's "an order of magnitude apart" test multiplied by ten and panicked.
#[test]
fn restated_values_above_a_tenth_of_the_decimal_limit() {
    checks("总收入99999999999999999999亿元。\n总收入89999999999999999999亿元。");
}
