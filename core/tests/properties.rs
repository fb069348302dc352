//! Property tests: no input panics, spans always quote the text, reformatting changes no
//! outcome, and changing one figure of a verified claim produces a finding.

use gouji_core::{check, Options};
use proptest::prelude::*;

fn spans_ok(text: &str) {
    let r = check(text, &Options::default());
    for f in &r.findings {
        assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
        assert_eq!(&text[f.span.start..f.span.end], f.quote);
        for rel in &f.related {
            assert_eq!(&text[rel.span.start..rel.span.end], rel.quote);
        }
    }
    for e in &r.ledger {
        assert_eq!(&text[e.span.start..e.span.end], e.quote);
    }
}

/// Pieces that make report-like text, so random strings reach deep into the rules.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("合计".to_string()),
        Just("其中：".to_string()),
        Just("，占".to_string()),
        Just("比上年增加".to_string()),
        Just("，增长".to_string()),
        Just("完成年初预算的".to_string()),
        Just("年初预算为".to_string()),
        Just("；".to_string()),
        Just("。\n".to_string()),
        Just("（".to_string()),
        Just("）".to_string()),
        Just("下设".to_string()),
        Just("、".to_string()),
        Just("共".to_string()),
        "[0-9]{1,6}(\\.[0-9]{1,3})?(万元|元|%|个| %|％|万)".prop_map(|s| s),
        "[０-９]{1,3}".prop_map(|s| s),
        "\\PC{0,4}".prop_map(|s| s),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_text_yields_a_report_with_valid_spans(s in "\\PC{0,200}") {
        spans_ok(&s);
    }

    #[test]
    fn report_like_text_yields_valid_spans(parts in proptest::collection::vec(piece(), 0..40)) {
        spans_ok(&parts.concat());
    }

    #[test]
    fn reformatting_changes_no_outcome(a in 1u32..90_000, b in 1u32..90_000, full_width in any::<bool>(), spaces in any::<bool>()) {
        let total = a + b;
        let fmt = |cents: u32| {
            let s = format!("{}.{:02}", cents / 100, cents % 100);
            let s = if spaces { format!(" {s} ") } else { s };
            if full_width {
                s.chars().map(|c| match c { '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap(), '.' => '．', c => c }).collect()
            } else { s }
        };
        let plain = format!("本年支出合计{}万元，其中：基本支出{}万元；项目支出{}万元。", fmt_plain(total), fmt_plain(a), fmt_plain(b));
        let noisy = format!("本年支出合计{}万元，其中：基本支出{}万元；项目支出{}万元。", fmt(total), fmt(a), fmt(b));
        let (x, y) = (check(&plain, &Options::default()), check(&noisy, &Options::default()));
        prop_assert_eq!(x.stats, y.stats);
        prop_assert_eq!(x.stats.verified, 1);
    }

    #[test]
    // A change of one cent can hide inside the rounding of three two-decimal figures
    // (tolerance 3 × 0.005); two cents cannot.
    fn changing_one_figure_of_a_verified_sum_makes_a_finding(a in 1u32..90_000, b in 1u32..90_000, bump in 2u32..500, which in 0usize..3) {
        let mut v = [a + b, a, b];
        v[which] += bump;
        let t = format!("本年支出合计{}万元，其中：基本支出{}万元；项目支出{}万元。", fmt_plain(v[0]), fmt_plain(v[1]), fmt_plain(v[2]));
        let r = check(&t, &Options::default());
        prop_assert_eq!(r.stats.errors, 1, "{}", t);
    }
}

fn fmt_plain(cents: u32) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}
