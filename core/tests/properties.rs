//! Property tests: no input panics, spans always quote the text, reformatting changes no
//! outcome, and changing one figure of a verified claim produces a finding.
//! Case counts are kept small so that the whole file runs in a few seconds.

use gouji_core::claims::{self, share::Whole};
use gouji_core::read::document::Document;
use gouji_core::{check, Options, Outcome, Report, Span};
use proptest::prelude::*;

/// Every span lies on char boundaries of `text` and its quote is the text at the span.
fn span_ok(text: &str, s: Span, quote: &str) {
    assert!(s.start <= s.end && s.end <= text.len(), "{s:?}");
    assert!(
        text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
        "{s:?}"
    );
    assert_eq!(&text[s.start..s.end], quote);
}

fn spans_ok(text: &str) -> Report {
    let r = check(text, &Options::default());
    for f in &r.findings {
        span_ok(text, f.span, &f.quote);
        for rel in &f.related {
            span_ok(text, rel.span, &rel.quote);
        }
    }
    for e in &r.ledger {
        span_ok(text, e.span, &e.quote);
    }
    r
}

/// The texts of the built-in samples (`gouji_core::samples`).
const SAMPLES: [(&str, &str); 5] = gouji_core::sample_texts!();

/// A written figure reduced to what it means: ASCII digits, no separators, no spaces.
fn canon(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != ',')
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap(),
            '．' => '.',
            '％' => '%',
            c => c,
        })
        .collect()
}

/// What a report concludes, independent of where in the text and how figures are written:
/// the multiset of (rule, severity, stated, expected) of the findings, and of (rule,
/// outcome) of the ledger.
fn outcomes(r: &Report) -> (Vec<String>, Vec<String>) {
    let mut f: Vec<String> = r
        .findings
        .iter()
        .map(|f| {
            format!(
                "{} {:?} {} {}",
                f.rule,
                f.severity,
                canon(f.stated.as_deref().unwrap_or("")),
                canon(f.expected.as_deref().unwrap_or(""))
            )
        })
        .collect();
    let mut l: Vec<String> = r
        .ledger
        .iter()
        .map(|e| format!("{} {:?}", e.rule, e.outcome))
        .collect();
    f.sort();
    l.sort();
    (f, l)
}

const UNITS: [&str; 5] = ["万元", "亿元", "元", "%", "％"];

/// Rewrites the money and percentage figures of `text` the ways reports write them: each
/// figure, chosen by the bits of `seed`, gets full-width digits, thousands separators, or a
/// space before its unit (`37.4 %`).
fn reformat(text: &str, seed: u64) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len() * 2);
    let mut i = 0;
    let mut n = 0u32;
    while i < b.len() {
        let starts_number = b[i].is_ascii_digit()
            && (i == 0 || !(b[i - 1].is_ascii_digit() || matches!(b[i - 1], b'.' | b',')));
        if !starts_number {
            let c = text[i..].chars().next().unwrap();
            out.push(c);
            i += c.len_utf8();
            continue;
        }
        let int_end = i + b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        let mut end = int_end;
        if b.get(end) == Some(&b'.') && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
            end += 1 + b[end + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
        }
        let unit = UNITS.iter().find(|u| text[end..].starts_with(**u));
        // Leave alone what is not a plain money/percent figure (`1,234`, `5G`, `2020年`).
        let plain = unit.is_some()
            && !matches!(b.get(end), Some(b',' | b'.'))
            && (i == 0 || !b[i - 1].is_ascii_alphabetic());
        if !plain {
            out.push_str(&text[i..end]);
            i = end;
            continue;
        }
        let bits = seed.rotate_left(3 * n) & 7;
        n += 1;
        let int = &text[i..int_end];
        let mut fig = String::new();
        if bits & 2 != 0 && int.len() >= 4 && !int.starts_with('0') {
            // 31538486 → 31,538,486
            for (k, c) in int.chars().enumerate() {
                if k > 0 && (int.len() - k).is_multiple_of(3) {
                    fig.push(',');
                }
                fig.push(c);
            }
        } else {
            fig.push_str(int);
        }
        fig.push_str(&text[int_end..end]);
        if bits & 1 != 0 {
            fig = fig
                .chars()
                .map(|c| match c {
                    '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap(),
                    '.' => '．',
                    c => c,
                })
                .collect();
        }
        out.push_str(&fig);
        if bits & 4 != 0 {
            out.push(' ');
        }
        i = end;
    }
    out
}

/// `text` with the figure at `span` made larger than any total near it: nines put in front of
/// its digits (`204.37万元` → `99999999999204.37万元`), far outside any rounding interval.
fn inflate(text: &str, span: Span) -> String {
    inflate_by(text, span).0
}

/// The text with the figure at `span` made far larger, still one valid figure, and how many
/// bytes were inserted. A figure written with thousands separators gets whole groups in
/// front (`7,128.00` → `999,999,999,997,128.00`): eleven bare 9s before it would make
/// `999999999997,128.00`, no figure at all.
fn inflate_by(text: &str, span: Span) -> (String, usize) {
    let figure = &text[span.start..span.end];
    let at = span.start
        + figure
            .find(|c: char| c.is_ascii_digit())
            .expect("a figure has digits");
    let rest = &text[at..span.end];
    let head = rest.bytes().take_while(u8::is_ascii_digit).count();
    let prefix = if rest[head..].starts_with(',') && head <= 3 {
        format!("999,999,999,{}", &"99"[..3 - head.max(1)])
    } else {
        "99999999999".to_string()
    };
    (
        format!("{}{prefix}{}", &text[..at], &text[at..]),
        prefix.len(),
    )
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
    fn any_bytes_yield_a_report_with_valid_spans(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        spans_ok(&String::from_utf8_lossy(&bytes));
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

/// A report stating 基本支出 in one section and again in another: `first` and `second` as
/// written (unit included).
fn restated_text(first: &str, second: &str) -> String {
    format!(
        "一、部门收支总体情况\n2023年度本年支出合计9,999,999.99万元，其中：基本支出{first}，项目支出0.01万元。\n\
二、支出决算情况说明\n全年共完成项目12个。2023年度基本支出{second}，主要用于人员工资和日常运转。"
    )
}

fn restated_outcomes(r: &Report) -> (usize, usize) {
    let failed = r.findings.iter().filter(|f| f.rule == "restated").count();
    let verified = r
        .ledger
        .iter()
        .filter(|e| e.rule == "restated" && e.outcome == Outcome::Verified)
        .count();
    (failed, verified)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    // A figure in 万元 with two decimals restated in 元 to the cent: always the same amount.
    #[test]
    fn converting_a_restated_figure_between_yuan_and_wan_changes_nothing(cents in 1u64..99_999_999) {
        let wan = format!("{}.{:02}万元", cents / 100, cents % 100);
        let yuan = format!("{}.00元", cents * 100);
        let r = check(&restated_text(&wan, &yuan), &Options::default());
        prop_assert_eq!(restated_outcomes(&r), (0, 1), "{} / {}", wan, yuan);
        let r = check(&restated_text(&yuan, &wan), &Options::default());
        prop_assert_eq!(restated_outcomes(&r), (0, 1), "{} / {}", yuan, wan);
    }

    // The second statement swapped for a different value (two cents or more: 1.00 and 0.99
    // touch at 0.995, which both round to; within ten times): a conflict naming both places.
    #[test]
    fn swapping_a_restated_figure_for_another_value_is_a_conflict(cents in 100u64..9_999_999, delta in 2u64..1_000, up in any::<bool>()) {
        let other = if up { cents + delta } else { cents.saturating_sub(delta).max(cents / 2) };
        prop_assume!(other != cents);
        let fmt = |c: u64| format!("{}.{:02}万元", c / 100, c % 100);
        let r = check(&restated_text(&fmt(cents), &fmt(other)), &Options::default());
        prop_assert_eq!(restated_outcomes(&r), (1, 0), "{} / {}", fmt(cents), fmt(other));
        let f = r.findings.iter().find(|f| f.rule == "restated").unwrap();
        prop_assert_eq!(f.quote.clone(), fmt(other));
        prop_assert_eq!(f.related[0].quote.clone(), fmt(cents));
    }
}

fn fmt_plain(cents: u32) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

proptest! {
    // Each case checks a whole sample (20–40 KB) twice: few cases keep the file fast.
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn reformatting_a_sample_changes_no_outcome(which in 0usize..SAMPLES.len(), seed in any::<u64>()) {
        let text = SAMPLES[which].1;
        let noisy = reformat(text, seed);
        prop_assume!(noisy != text);
        let (a, b) = (check(text, &Options::default()), spans_ok(&noisy));
        prop_assert_eq!(outcomes(&a), outcomes(&b));
        prop_assert_eq!(a.stats, b.stats);
    }

    #[test]
    fn inflating_a_part_of_a_verified_sum_makes_a_finding(which in 0usize..SAMPLES.len(), pick in any::<prop::sample::Index>(), part in any::<prop::sample::Index>()) {
        let text = SAMPLES[which].1;
        let r = check(text, &Options::default());
        let doc = Document::read(text);
        let claims = claims::extract(&doc);
        let verified: Vec<_> = claims.sums.iter().filter(|c| {
            let at = doc.figure_span(&doc.figures[c.total]);
            r.ledger.iter().any(|e| (e.rule == "sum" || e.rule == "count") && e.span == at && e.outcome == Outcome::Verified)
        }).collect();
        prop_assume!(!verified.is_empty());
        let c = pick.get(&verified);
        let p = *part.get(&c.parts);
        let total_at = doc.figure_span(&doc.figures[c.total]);
        let changed = inflate(text, doc.figure_span(&doc.figures[p]));
        let r2 = spans_ok(&changed);
        prop_assert!(
            r2.findings.iter().any(|f| f.span == total_at && (f.rule == "sum" || f.rule == "count")),
            "no finding at the total {:?} after inflating {:?}", total_at, doc.figures[p].q.display()
        );
    }

    #[test]
    fn inflating_the_part_of_a_verified_share_makes_a_finding(which in 0usize..SAMPLES.len(), pick in any::<prop::sample::Index>()) {
        let text = SAMPLES[which].1;
        let r = check(text, &Options::default());
        let doc = Document::read(text);
        let claims = claims::extract(&doc);
        let verified: Vec<_> = claims.shares.iter().filter(|c| {
            let at = doc.figure_span(&doc.figures[c.rate]);
            matches!(c.whole, Whole::Enclosing(_) | Whole::Named(_)) && c.part.is_some()
                && r.ledger.iter().any(|e| e.rule == "share" && e.span == at && e.outcome == Outcome::Verified)
        }).collect();
        prop_assume!(!verified.is_empty());
        let c = pick.get(&verified);
        let rate_at = doc.figure_span(&doc.figures[c.rate]);
        let (changed, shift) = inflate_by(text, doc.figure_span(&doc.figures[c.part.unwrap()]));
        let r2 = spans_ok(&changed);
        // The rate moved after the inflated part: find the finding by its quote's place.
        prop_assert!(
            r2.findings.iter().any(|f| f.rule == "share" && f.span.start == rate_at.start + shift),
            "no share finding at {:?} after inflating its part", rate_at
        );
    }
}
