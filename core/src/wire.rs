//! How the web app's checker module (crate gouji-check-web, in a worker) sends a [`Report`]
//! to the page module: a compact binary encoding, written by hand. Deriving serde's `Deserialize` for the report and reading JSON cost about 20 KB
//! of gzipped wasm; this costs a few, and reads a 1 MB text's report faster than JSON.
//!
//! Strings are a little-endian `u32` byte length and UTF-8; numbers are `u32`; an `Option` is
//! a flag byte then the value; a list is its `u32` length then the items. Every struct is
//! taken apart without `..`, so a field added to the core's report does not compile until it
//! is sent here too.

use crate::report::{
    Finding, LedgerEntry, Outcome, Related, Report, ReportInfo, ReportKind, Severity, Span, Stats,
};

/// Encodes `report` for [`decode`].
pub fn encode(report: &Report) -> Vec<u8> {
    let mut w = Writer(Vec::with_capacity(4096));
    let Report {
        report: ReportInfo { kind, year },
        stats,
        findings,
        ledger,
        notice,
        notice_en,
    } = report;
    w.u8(match kind {
        ReportKind::FinalAccounts => 0,
        ReportKind::PerformanceSelfEvaluation => 1,
        ReportKind::Budget => 2,
        ReportKind::Unknown => 3,
    });
    w.opt(year.as_ref(), |w, y| w.u32(u32::from(*y)));
    let Stats {
        claims,
        verified,
        unchecked,
        errors,
        warnings,
        infos,
    } = *stats;
    for n in [claims, verified, unchecked, errors, warnings, infos] {
        w.usize(n);
    }
    w.usize(findings.len());
    for f in findings {
        let Finding {
            rule,
            severity,
            message,
            message_en,
            span,
            line,
            page,
            quote,
            stated,
            expected,
            formula,
            repair,
            cause,
            related,
        } = f;
        w.str(rule);
        w.u8(match severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
        });
        w.str(message);
        w.str(message_en);
        w.span(*span);
        w.usize(*line);
        w.opt(page.as_ref(), |w, p| w.usize(*p));
        w.str(quote);
        for s in [stated, expected, formula, repair, cause] {
            w.opt(s.as_ref(), |w, s| w.str(s));
        }
        w.usize(related.len());
        for Related { span, quote, note } in related {
            w.span(*span);
            w.str(quote);
            w.str(note);
        }
    }
    w.usize(ledger.len());
    for e in ledger {
        let LedgerEntry {
            rule,
            outcome,
            span,
            line,
            quote,
            detail,
            detail_en,
        } = e;
        w.str(rule);
        w.u8(match outcome {
            Outcome::Verified => 0,
            Outcome::Failed => 1,
            Outcome::Unchecked => 2,
        });
        w.span(*span);
        w.usize(*line);
        w.str(quote);
        w.str(detail);
        w.str(detail_en);
    }
    w.opt(notice.as_ref(), |w, n| w.str(n));
    w.opt(notice_en.as_ref(), |w, n| w.str(n));
    w.0
}

/// Reads what [`encode`] wrote; `None` for anything else.
pub fn decode(bytes: &[u8]) -> Option<Report> {
    let mut r = Reader(bytes);
    let kind = match r.u8()? {
        0 => ReportKind::FinalAccounts,
        1 => ReportKind::PerformanceSelfEvaluation,
        2 => ReportKind::Budget,
        3 => ReportKind::Unknown,
        _ => return None,
    };
    let year = r.opt(|r| u16::try_from(r.u32()?).ok())?;
    let stats = Stats {
        claims: r.usize()?,
        verified: r.usize()?,
        unchecked: r.usize()?,
        errors: r.usize()?,
        warnings: r.usize()?,
        infos: r.usize()?,
    };
    let findings = r.list(|r| {
        Some(Finding {
            rule: r.rule()?,
            severity: match r.u8()? {
                0 => Severity::Error,
                1 => Severity::Warning,
                2 => Severity::Info,
                _ => return None,
            },
            message: r.string()?,
            message_en: r.string()?,
            span: r.span()?,
            line: r.usize()?,
            page: r.opt(Reader::usize)?,
            quote: r.string()?,
            stated: r.opt(Reader::string)?,
            expected: r.opt(Reader::string)?,
            formula: r.opt(Reader::string)?,
            repair: r.opt(Reader::string)?,
            cause: r.opt(Reader::string)?,
            related: r.list(|r| {
                Some(Related {
                    span: r.span()?,
                    quote: r.string()?,
                    note: r.string()?,
                })
            })?,
        })
    })?;
    let ledger = r.list(|r| {
        Some(LedgerEntry {
            rule: r.rule()?,
            outcome: match r.u8()? {
                0 => Outcome::Verified,
                1 => Outcome::Failed,
                2 => Outcome::Unchecked,
                _ => return None,
            },
            span: r.span()?,
            line: r.usize()?,
            quote: r.string()?,
            detail: r.string()?,
            detail_en: r.string()?,
        })
    })?;
    let notice = r.opt(Reader::string)?;
    let notice_en = r.opt(Reader::string)?;
    r.0.is_empty().then_some(Report {
        report: ReportInfo { kind, year },
        stats,
        findings,
        ledger,
        notice,
        notice_en,
    })
}

struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, b: u8) {
        self.0.push(b);
    }
    fn u32(&mut self, n: u32) {
        self.0.extend_from_slice(&n.to_le_bytes());
    }
    /// Counts and offsets: a text is at most 16 MB (the core refuses more), far below 4 GB.
    fn usize(&mut self, n: usize) {
        self.u32(u32::try_from(n).unwrap_or(u32::MAX));
    }
    fn str(&mut self, s: &str) {
        self.usize(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }
    fn span(&mut self, s: Span) {
        self.usize(s.start);
        self.usize(s.end);
    }
    fn opt<T>(&mut self, v: Option<T>, write: impl FnOnce(&mut Self, T)) {
        match v {
            None => self.u8(0),
            Some(v) => {
                self.u8(1);
                write(self, v);
            }
        }
    }
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        if n > self.0.len() {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }
    fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn usize(&mut self) -> Option<usize> {
        usize::try_from(self.u32()?).ok()
    }
    fn str(&mut self) -> Option<&str> {
        let n = self.usize()?;
        std::str::from_utf8(self.take(n)?).ok()
    }
    fn string(&mut self) -> Option<String> {
        self.str().map(str::to_owned)
    }
    /// A rule id, as the registry's own `&'static str`.
    fn rule(&mut self) -> Option<&'static str> {
        crate::check::find(self.str()?).map(|r| r.id)
    }
    fn span(&mut self) -> Option<Span> {
        Some(Span::new(self.usize()?, self.usize()?))
    }
    /// `Some(None)` for an absent value, `None` for a malformed one.
    fn opt<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        match self.u8()? {
            0 => Some(None),
            1 => read(self).map(Some),
            _ => None,
        }
    }
    fn list<T>(&mut self, mut read: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let n = self.usize()?;
        // Never reserve more than the bytes left could hold (each item is at least one byte).
        let mut items = Vec::with_capacity(n.min(self.0.len()));
        for _ in 0..n {
            items.push(read(self)?);
        }
        Some(items)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Options;

    #[test]
    fn a_report_survives_its_encoding() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/samples");
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let report = crate::check(&text, &Options::default());
            assert!(!report.findings.is_empty() && !report.ledger.is_empty());
            let bytes = encode(&report);
            assert_eq!(decode(&bytes).as_ref(), Some(&report));
            // Cut short or with bytes to spare, it is refused, never misread.
            assert_eq!(decode(&bytes[..bytes.len() - 1]), None);
            assert_eq!(decode(&[&bytes[..], &[0]].concat()), None);
        }
        let notice = crate::check("", &Options::default());
        assert_eq!(decode(&encode(&notice)), Some(notice));
        assert_eq!(decode(b""), None);
        assert_eq!(decode(&[9]), None);
    }
}
