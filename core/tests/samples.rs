//! The engine on the real reports in tests/fixtures/samples: what it must find, what it must
//! stay silent on, and a reviewed snapshot of every finding.

use gouji_core::{check, Finding, Options, Outcome, Report, Severity};

/// The built-in samples (`gouji_core::samples`), then jiangsu: published elsewhere, it is
/// read from ../shared/samples (CI has it) and never committed.
fn names() -> impl Iterator<Item = &'static str> {
    gouji_core::samples::SAMPLES
        .iter()
        .map(|s| s.id)
        .chain(["jiangsu"])
}

fn sample(name: &str) -> String {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    if let Some(s) = gouji_core::samples::find(name) {
        let dir = gouji_core::samples::DIR;
        return std::fs::read_to_string(format!("{root}/{dir}/{}", s.file)).unwrap();
    }
    let dir = format!("{root}/../shared/samples");
    let path = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(name))
        .unwrap();
    std::fs::read_to_string(path).unwrap()
}

fn run(name: &str) -> (String, Report) {
    let text = sample(name);
    let report = check(&text, &Options::default());
    (text, report)
}

/// The finding whose quote contains `needle`, with this rule.
fn finding<'r>(r: &'r Report, rule: &str, needle: &str) -> &'r Finding {
    r.findings
        .iter()
        .find(|f| f.rule == rule && f.quote.contains(needle))
        .unwrap_or_else(|| panic!("no {rule} finding at {needle}: {:#?}", r.findings))
}

fn verified(r: &Report, rule: &str, needle: &str) -> bool {
    r.ledger
        .iter()
        .any(|e| e.rule == rule && e.outcome == Outcome::Verified && e.quote.contains(needle))
}

fn silent_at(r: &Report, needle: &str) -> bool {
    !r.findings.iter().any(|f| f.quote.contains(needle))
}

/// One line per finding: stable, readable, reviewed in the snapshots.
fn digest(r: &Report) -> String {
    let mut s = format!("{:?} {:?}\n{:?}\n", r.report.kind, r.report.year, r.stats);
    for f in &r.findings {
        s += &format!(
            "L{} {}[{}] «{}» {} | stated {} | expected {} | {} | {}\n",
            f.line,
            f.severity.as_str(),
            f.rule,
            f.quote,
            f.message,
            f.stated.as_deref().unwrap_or("-"),
            f.expected.as_deref().unwrap_or("-"),
            f.formula.as_deref().unwrap_or("-"),
            f.cause.as_deref().unwrap_or("-"),
        );
    }
    s
}

#[test]
fn spans_quote_the_original_text() {
    for name in names() {
        let (text, r) = run(name);
        for f in &r.findings {
            assert_eq!(&text[f.span.start..f.span.end], f.quote);
            for rel in &f.related {
                assert_eq!(&text[rel.span.start..rel.span.end], rel.quote);
            }
        }
        for e in &r.ledger {
            assert_eq!(&text[e.span.start..e.span.end], e.quote);
        }
    }
}

#[test]
fn dongning() {
    let (_, r) = run("dongning");
    // Growth computed on the current year, three times.
    for (rate, expected) in [
        ("37.4 %", "59.67%"),
        ("37.1%", "58.97%"),
        ("22.9%", "29.64%"),
    ] {
        let f = finding(&r, "growth", rate);
        assert_eq!(f.severity, Severity::Error);
        assert!(
            f.expected.as_deref().unwrap().starts_with(expected),
            "{f:#?}"
        );
        assert!(f.cause.as_deref().unwrap().contains("本年数"), "{f:#?}");
    }
    // Correct claims are verified, not flagged.
    assert!(verified(&r, "completion", "406%"));
    assert!(verified(&r, "sum", "680.60万元"));
    assert!(
        verified(&r, "sum", "1068.33万元"),
        "1068.34 vs 1068.33 is within rounding"
    );
    assert!(verified(&r, "share", "81.5%"));
    assert!(verified(&r, "growth", "54.4%"));
    assert!(verified(&r, "product", "550万元"));
    assert!(verified(&r, "count", "3个"));
    // Zero budgets are notes, not errors.
    assert!(r
        .findings
        .iter()
        .filter(|f| f.rule == "completion")
        .all(|f| f.severity == Severity::Info));
    // 贴息 31.45万元 in the breakdown, 34万元 in the list of payments right after it (in the
    // narrative and again in the appendix), both places linked.
    let tiexi: Vec<_> = r.findings.iter().filter(|f| f.rule == "parallel").collect();
    assert_eq!(tiexi.len(), 2, "{tiexi:#?}");
    for f in tiexi {
        assert_eq!(
            (f.quote.as_str(), f.severity),
            ("34万元", Severity::Warning)
        );
        assert_eq!(f.related[0].quote, "31.45万元");
    }
}

#[test]
fn renhe() {
    let (_, r) = run("renhe");
    let f = finding(&r, "share", "45%");
    assert_eq!(f.severity, Severity::Warning);
    assert!(f.cause.as_deref().unwrap().contains("进位"));
    assert_eq!(finding(&r, "count", "0个").severity, Severity::Error);
    assert_eq!(finding(&r, "growth", "3%").severity, Severity::Warning);
    assert_eq!(
        finding(&r, "sum", "14144926.18元").severity,
        Severity::Error
    );
    // Cross-document: 32552.00元 restates 3.26万元; 477.57 + 40.95 = 518.52 across paragraphs.
    assert!(verified(&r, "restated", "32552.00元"));
    // The 14 receptions listed in 元 add up to the 3.26万元 stated before them.
    assert!(r.ledger.iter().any(|e| e.rule == "sum"
        && e.outcome == Outcome::Verified
        && e.detail.contains("= 32552元 = 3.2552万元")));
    assert!(verified(&r, "identity", "518.52万元"));
    // 类 totals in the structure sentence against the 类/款/项 lines below.
    assert!(verified(&r, "classified", "346.6万元"));
    assert!(verified(&r, "classified", "734.93万元"));
    // The text says 执行数为41万元; the project table says 31.
    let f = finding(&r, "restated", "31");
    assert_eq!(
        (f.severity, f.related[0].quote.as_str()),
        (Severity::Error, "41万元")
    );
    assert!(r
        .findings
        .iter()
        .any(|f| f.rule == "template" && f.quote == "增加/减少"));
    let f = finding(&r, "year-attribution", "2021");
    assert_eq!(f.severity, Severity::Warning);
    assert!(f.message.contains("区级应用技术研究与开发经费"));
    let f = finding(&r, "sum", "31538486.48元");
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(f.expected.as_deref(), Some("21490317.31元"));
    assert_eq!(f.related.len(), 2);
    // The category shares of 1518.12 are all right.
    assert!(verified(&r, "sum", "1518.12万元"));
    assert!(r.findings.iter().all(|f| f.line != 82));
    assert!(verified(&r, "completion", "111.76%"));
    assert!(verified(&r, "growth", "270%"));
}

#[test]
fn lechang() {
    let (_, r) = run("lechang");
    // 二.机构情况 and 三.人员情况 are 二、 and 三、 written with a full stop: no gap before 四、.
    assert!(
        r.findings.iter().all(|f| f.rule != "numbering"),
        "{}",
        digest(&r)
    );
    let f = finding(&r, "growth", "71%");
    assert_eq!(f.severity, Severity::Error);
    assert!(f.cause.as_deref().unwrap().contains("本年数"));
    let f = finding(&r, "sum", "4995.52万元");
    assert_eq!(f.severity, Severity::Error);
    assert!(f.related.iter().any(|x| x.quote == "547.94元"));
    assert!(
        f.cause.as_deref().unwrap().contains("单位疑为万元"),
        "{:?}",
        f.cause
    );
    assert!(verified(&r, "completion", "119.76%"));
    assert!(verified(&r, "completion", "75.76%"));
    assert!(verified(&r, "sum", "4302.33"));
    assert!(
        silent_at(&r, "11.8%"),
        "增加值 is value added, not a change"
    );
}

#[test]
fn xinglongtai() {
    let (_, r) = run("xinglongtai");
    // Its arithmetic holds: only notes and the template leftovers.
    assert!(
        r.findings
            .iter()
            .all(|f| f.severity == Severity::Info || f.rule == "template" || f.rule == "numbering"),
        "{}",
        digest(&r)
    );
    assert!(verified(&r, "growth", "41.02%"));
    assert!(verified(&r, "growth", "40.59%"));
    assert!(verified(&r, "sum", "423.59万元"));
    assert!(verified(&r, "share", "64.10%"));
    // Template text left in: 某部门, 主要是0等收入, 小于（大于）.
    for leftover in ["某部门", "0等", "小于（大于）"] {
        assert_eq!(
            finding(&r, "template", leftover).severity,
            Severity::Warning
        );
    }
    // The self-evaluation table, one cell per line: rates and scores.
    assert!(verified(&r, "table", "21.17%"));
    assert!(verified(&r, "table", "0.32"));
}

#[test]
fn qujiang() {
    let (_, r) = run("qujiang");
    // `20201 年度`: a five-digit year, 2021 meant.
    let f = finding(&r, "year", "20201");
    assert_eq!(f.expected.as_deref(), Some("2021年"));
    // `本部门 2020 年度财政拨款收入合计 18547952.93 元` in the 2021 report: 2021's amount.
    let f = finding(&r, "year-attribution", "18547952.93");
    assert_eq!(f.related[0].quote, "18547952.93 元");
    // The narrative against the function table (表 2): two figures disagree.
    let f = finding(&r, "restated", "2,617,435.49");
    assert_eq!(
        (f.severity, f.related[0].quote.as_str()),
        (Severity::Error, "2,613,704.45")
    );
    let f = finding(&r, "restated", "372,616.65");
    assert_eq!(f.related[0].quote, "376,347.69");
    // The 基本支出 table's group totals and its 合计 row.
    assert!(verified(&r, "table", "3,945,622.56"));
    assert!(verified(&r, "table", "7,552,646.71"));
    assert!(
        verified(&r, "growth", "12.70%"),
        "the base is stated inside the comparison"
    );
    assert!(verified(&r, "growth", "143.01%"));
    assert!(
        verified(&r, "growth", "26.84%"),
        "2020's figure is the base in a 2021 report"
    );
    assert!(silent_at(&r, "72.66%"));
    assert!(silent_at(&r, "100%"));
}

#[test]
fn snapshots() {
    for name in names() {
        let (_, r) = run(name);
        insta::assert_snapshot!(name, digest(&r));
    }
}

#[test]
fn jiangsu() {
    let (_, r) = run("jiangsu");
    // The budget tables by classification code: each level adds up to the one above.
    assert!(verified(&r, "table", "26,200.88"));
    assert!(verified(&r, "table", "18,570.82"));
    // The list under 本年支出预算合计, one item per line, is read as one list.
    assert!(verified(&r, "share", "55.98%"));
    assert!(
        r.findings
            .iter()
            .all(|f| f.rule != "table" && f.rule != "restated"),
        "{}",
        digest(&r)
    );
}
