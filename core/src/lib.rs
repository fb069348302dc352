//! Gouji's core: reads the text of a Chinese budget or final-accounts report and checks
//! every figure it states.
//!
//! The pipeline, one folder per stage:
//! [`read`] (normalise, segment, quantities, the [`read::document::Document`]) →
//! [`claims`] (what the text asserts) → [`mod@check`] (the rules) → [`report`].
//! Nothing here touches the file system, the network or the DOM, so the same code runs in
//! the CLI and in the browser.

pub mod check;
pub mod claims;
pub mod csv;
pub mod json;
pub mod lines;
mod options;
pub mod read;
pub mod report;
pub mod samples;
pub mod wire;

pub use check::RuleInfo;
pub use options::{Options, OptionsError, Profile, Valid};
pub use report::{
    Finding, LedgerEntry, Outcome, Related, Report, ReportInfo, ReportKind, Severity, Span, Stats,
};

/// Inputs above this size are refused with a clear message rather than checked slowly.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// At most this many findings are listed (the first, in text order); the stats still count
/// all of them and the notice says how many were left out. A text with more findings than
/// this is not a report with mistakes but not a report at all, and listing them all would
/// only freeze the page that marks each one in the text.
pub const MAX_FINDINGS: usize = 10_000;

/// At most this many numbers are read: a text with more (16 MB of `1\n` has 8 million) is
/// checked up to the line where the next one starts, with a notice. Each figure costs the
/// engine a few hundred bytes; without the bound, 16 MB of bare numbers took 2.5 GB (now
/// about 150 MB). Real reports have one number per 70–80 bytes: a few hundred in a report,
/// about 220,000 in 16 MB of them.
pub const MAX_NUMBERS: usize = 500_000;

/// Where to cut a text with more than `max` numbers (runs of ASCII or full-width digits):
/// the start of the line holding the first number past `max`, or `None`.
fn numbers_cut(text: &str, max: usize) -> Option<usize> {
    let mut numbers = 0usize;
    let mut in_number = false;
    for (i, c) in text.char_indices() {
        let digit = c.is_ascii_digit() || ('０'..='９').contains(&c);
        if digit && !in_number {
            numbers += 1;
            if numbers > max {
                return Some(text[..i].rfind(['\n', '\r']).map_or(i, |n| n + 1));
            }
        }
        in_number = digit || (in_number && matches!(c, '.' | ','));
    }
    None
}

/// A report of nothing checked, with the notice saying why (in Chinese, and in English).
fn empty_report(notice: String, notice_en: String) -> Report {
    Report {
        report: ReportInfo {
            kind: ReportKind::Unknown,
            year: None,
        },
        stats: Stats::default(),
        findings: Vec::new(),
        ledger: Vec::new(),
        notice: Some(notice),
        notice_en: Some(notice_en),
    }
}

/// Checks one report's text. Never panics; unusable input yields a report with a `notice`,
/// and so do options that [`Options::validate`] refuses (the CLI and the JS package refuse
/// them before they get here).
pub fn check(text: &str, options: &Options) -> Report {
    match options.validate() {
        Ok(valid) => check_valid(text, &valid),
        Err(e) => empty_report(
            format!("选项无效，未核查：{e}"),
            format!("Invalid options, nothing was checked: {e}"),
        ),
    }
}

/// Checks one report's text with options already validated.
pub fn check_valid(text: &str, options: &Valid) -> Report {
    if text.len() > MAX_INPUT_BYTES {
        // Tenths of a MB in integers: formatting an f64 would pull ~10 KB of float
        // formatting code into every wasm build.
        let tenths = (text.len() * 10 + 524_288) / 1_048_576;
        let (mb, tenth, max) = (tenths / 10, tenths % 10, MAX_INPUT_BYTES / 1_048_576);
        return empty_report(
            format!("文本过大（{mb}.{tenth} MB），超过上限 {max} MB，未核查。请分段粘贴。"),
            format!(
                "The text is too large ({mb}.{tenth} MB, above the limit of {max} MB): nothing was checked. Check it in parts."
            ),
        );
    }
    if text.trim().is_empty() {
        return empty_report(
            "文本为空：请粘贴或打开一份报告。".into(),
            "The text is empty: paste or open a report.".into(),
        );
    }
    // Spans stay offsets into `text`: only its end is cut.
    let cut = numbers_cut(text, MAX_NUMBERS);
    let cut_notice = cut.map(|at| {
        let len = text.len();
        (
            format!(
                "文中数字过多（超过 {MAX_NUMBERS} 个），只核查了前 {MAX_NUMBERS} 个数字所在的部分（前 {at} 字节，共 {len} 字节）。"
            ),
            format!(
                "The text has too many numbers (more than {MAX_NUMBERS}): only the part holding the first {MAX_NUMBERS} was checked (its first {at} bytes of {len})."
            ),
        )
    });
    let text = &text[..cut.unwrap_or(text.len())];
    let doc = read::document::Document::read(text);
    let claims = claims::extract(&doc);
    let mut cx = check::Context {
        doc: &doc,
        claims: &claims,
        options,
        sink: check::Sink::new(&doc),
    };
    for rule in check::registry()
        .iter()
        .filter(|r| options.runs(r.info().id))
    {
        rule.check(&mut cx);
    }
    let collected = cx.sink.finish();
    let (report, no_figures) = (doc.info(), doc.figures.is_empty());
    // The rules are done: the claims and all of the document but where its lines start are
    // freed before the ledger's entries get their quotes and lines (issue 16).
    drop(claims);
    let places = doc.into_places();
    let (findings, ledger, dropped) = collected.report(&places, text);
    drop(places);
    let count =
        |s: Severity| findings.iter().filter(|f| f.severity == s).count() + dropped[s as usize];
    let stats = Stats {
        claims: ledger.len(),
        verified: ledger
            .iter()
            .filter(|e| e.outcome == Outcome::Verified)
            .count(),
        unchecked: ledger
            .iter()
            .filter(|e| e.outcome == Outcome::Unchecked)
            .count(),
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        infos: count(Severity::Info),
    };
    // All the findings, the ones dropped while collecting (only the first `MAX_FINDINGS`
    // are kept) included.
    let n = findings.len() + dropped.iter().sum::<usize>();
    let too_many = (n > MAX_FINDINGS).then(|| {
        (
            format!("发现的问题过多（共 {n} 条），只列出前 {MAX_FINDINGS} 条；统计包含全部。"),
            format!(
                "Too many findings ({n}): only the first {MAX_FINDINGS} are listed; the counts include them all."
            ),
        )
    });
    let notice = if no_figures {
        // (Findings without figures, placeholders left from a template, are cut too.)
        let none = (
            "文中没有找到数字，无可核查。".to_string(),
            "No figures were found in the text: there is nothing to check.".to_string(),
        );
        Some(too_many.map_or(none.clone(), |(m, m_en)| {
            (format!("{}{m}", none.0), format!("{} {m_en}", none.1))
        }))
    } else {
        too_many
    };
    let (notice, notice_en) = match (cut_notice, notice) {
        (Some((cut, cut_en)), Some((other, other_en))) => (
            Some(format!("{cut}{other}")),
            Some(format!("{cut_en} {other_en}")),
        ),
        (cut, other) => cut.or(other).unzip(),
    };
    Report {
        report,
        stats,
        findings,
        ledger,
        notice,
        notice_en,
    }
}

#[cfg(test)]
mod tests {
    use super::{numbers_cut, MAX_INPUT_BYTES};

    #[test]
    fn numbers_are_counted_to_cut_at_a_line_start() {
        assert_eq!(numbers_cut("1\n2\n3\n", 3), None);
        assert_eq!(numbers_cut("1\n2\n3\n", 2), Some(4));
        assert_eq!(numbers_cut("1.5,2 3\n", 1), Some(6));
        assert_eq!(numbers_cut("12.50万元，1,234元\r３４", 2), Some(23));
        assert_eq!(numbers_cut("12.50万元，1,234元\r３４", 3), None);
    }

    #[test]
    fn too_large_input_says_its_size_in_tenths_of_a_mb() {
        let text = "1".repeat(MAX_INPUT_BYTES + 1_048_576 / 4);
        let notice = super::check(&text, &super::Options::default()).notice;
        assert_eq!(
            notice.as_deref(),
            Some("文本过大（16.3 MB），超过上限 16 MB，未核查。请分段粘贴。")
        );
        let en = super::check(&text, &super::Options::default()).notice_en;
        assert_eq!(
            en.as_deref(),
            Some("The text is too large (16.3 MB, above the limit of 16 MB): nothing was checked. Check it in parts.")
        );
    }

    #[test]
    fn options_it_cannot_use_are_refused_with_a_notice() {
        let options = super::Options {
            profile: Some("nationl".into()),
            ..Default::default()
        };
        let report = super::check("收入合计100万元，其中：甲60万元，乙30万元。", &options);
        assert!(report.findings.is_empty() && report.ledger.is_empty());
        let notice = report.notice.unwrap_or_default();
        assert!(notice.contains("unknown profile `nationl`"), "{notice}");
        let notice_en = report.notice_en.unwrap_or_default();
        assert!(notice_en.starts_with("Invalid options"), "{notice_en}");
    }
}
