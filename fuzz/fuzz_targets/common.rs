//! What every fuzz target asserts about a report, besides "no panic, no hang, bounded memory"
//! (libFuzzer's -timeout and -rss_limit_mb turn the last two into crashes).

use gouji_core::{check, Options, Report};

pub fn check_and_verify(text: &str) -> Report {
    let r = check(text, &Options::default());
    let quote_ok = |start: usize, end: usize, quote: &str| {
        assert!(start <= end && end <= text.len(), "span {start}..{end} outside the text");
        assert!(
            text.is_char_boundary(start) && text.is_char_boundary(end),
            "span {start}..{end} not on char boundaries"
        );
        assert_eq!(&text[start..end], quote, "quote differs from the text at its span");
    };
    for f in &r.findings {
        quote_ok(f.span.start, f.span.end, &f.quote);
        for rel in &f.related {
            quote_ok(rel.span.start, rel.span.end, &rel.quote);
        }
    }
    for e in &r.ledger {
        quote_ok(e.span.start, e.span.end, &e.quote);
    }
    assert_eq!(r.stats.claims, r.ledger.len());
    r
}
