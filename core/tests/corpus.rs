//! The ecosystem check, as ruff runs on real projects: every error- and warning-level finding
//! on every text of the development corpus (`../shared/corpus`, real reports from many
//! provinces, not ours to commit), compared with a reviewed snapshot that keeps only file,
//! byte offsets, rule, severity, the figures and a verdict.
//!
//! - A finding that appears, disappears or changes fails the test until the snapshot is
//!   written again (`GOUJI_BLESS=1 cargo test -p gouji-core --test corpus`) and reviewed.
//! - Writing keeps the verdicts of findings that stay; a new error gets the verdict `?`, and
//!   an error with `?` fails the test: every error on a real report is reviewed by hand, as a
//!   slip of the report (`slip`) or a false alarm (`false`, a bug to fix in a rule).
//! - The test prints, per text, the claims recognised and the share of rates and changes left
//!   unchecked, and the false errors still known.

use gouji_core::{check, Options, Outcome, Report, Severity};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const SNAPSHOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/corpus/findings.tsv");
const HEADER: &str = "# file\tstart\tend\tline\trule\tseverity\tstated\texpected\tverdict\tnote";
/// Claims each rule verifies on the whole corpus: a rule that stops reading what it read
/// (a table no longer recognised) shows here, not only in the findings.
const VERIFIED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/corpus/verified.tsv");

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus")
}

/// Every corpus text, as `shape/NN.txt`, in order.
fn corpus_files() -> Vec<String> {
    let dir = corpus_dir();
    assert!(
        dir.is_dir(),
        "the development corpus is missing: expected {} (CI has it beside the project)",
        dir.display()
    );
    let mut out = Vec::new();
    for shape in ["layout", "plain", "web"] {
        let mut names: Vec<String> = std::fs::read_dir(dir.join(shape))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".txt"))
            .collect();
        names.sort();
        out.extend(names.into_iter().map(|n| format!("{shape}/{n}")));
    }
    out
}

/// The key of a finding: everything but the verdict and the note.
fn rows(file: &str, r: &Report) -> Vec<String> {
    r.findings
        .iter()
        .filter(|f| f.severity <= Severity::Warning)
        .map(|f| {
            let clean = |s: Option<&str>| s.unwrap_or("-").replace(['\t', '\n'], " ");
            format!(
                "{file}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                f.span.start,
                f.span.end,
                f.line,
                f.rule,
                f.severity.as_str(),
                clean(f.stated.as_deref()),
                clean(f.expected.as_deref()),
            )
        })
        .collect()
}

/// Rates and changes are the claims the issue asks to leave unchecked at most 10% of.
fn is_rate_rule(rule: &str) -> bool {
    matches!(rule, "growth" | "share" | "completion" | "coverage")
}

struct Entry {
    verdict: String,
    note: String,
}

fn read_snapshot() -> BTreeMap<String, Entry> {
    let text = std::fs::read_to_string(SNAPSHOT).unwrap_or_default();
    let mut out = BTreeMap::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(cols.len() >= 9, "malformed snapshot line: {line}");
        out.insert(
            cols[..8].join("\t"),
            Entry {
                verdict: cols[8].to_string(),
                note: cols.get(9).unwrap_or(&"").to_string(),
            },
        );
    }
    out
}

#[test]
fn corpus_findings_match_the_reviewed_snapshot() {
    let old = read_snapshot();
    let mut now: Vec<String> = Vec::new();
    let mut table = String::new();
    let (mut rates_total, mut rates_unchecked, mut targets) = (0, 0, 0);
    let mut verified: BTreeMap<&'static str, usize> = BTreeMap::new();
    for file in corpus_files() {
        let text = std::fs::read_to_string(corpus_dir().join(&file)).unwrap();
        let report = check(&text, &Options::default());
        let rates: Vec<_> = report
            .ledger
            .iter()
            .filter(|e| is_rate_rule(e.rule))
            .collect();
        let unchecked = rates
            .iter()
            .filter(|e| e.outcome == Outcome::Unchecked)
            .count();
        targets += rates
            .iter()
            .filter(|e| e.outcome == Outcome::Unchecked && e.detail.starts_with("目标值"))
            .count();
        for e in report
            .ledger
            .iter()
            .filter(|e| e.outcome == Outcome::Verified)
        {
            *verified.entry(e.rule).or_default() += 1;
        }
        rates_total += rates.len();
        rates_unchecked += unchecked;
        let s = &report.stats;
        writeln!(
            table,
            "{file:<14} claims {:>4}  verified {:>4}  rates unchecked {:>3}/{:<3}  errors {:>3}  warnings {:>3}",
            s.claims,
            s.verified,
            unchecked,
            rates.len(),
            s.errors,
            s.warnings
        )
        .unwrap();
        now.extend(rows(&file, &report));
    }
    println!("{table}");
    println!(
        "rates and changes: {rates_unchecked} of {rates_total} unchecked ({}%); {targets} of them targets or thresholds, not computed rates: without them {} of {} ({}%)",
        rates_unchecked * 100 / rates_total.max(1),
        rates_unchecked - targets,
        rates_total - targets,
        (rates_unchecked - targets) * 100 / (rates_total - targets).max(1)
    );

    let stored: BTreeMap<String, usize> = std::fs::read_to_string(VERIFIED)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (rule, n) = l.split_once('\t')?;
            Some((rule.to_string(), n.trim().parse().ok()?))
        })
        .collect();
    let fewer: Vec<String> = stored
        .iter()
        .filter(|(rule, &n)| verified.get(rule.as_str()).copied().unwrap_or(0) < n)
        .map(|(rule, n)| {
            format!(
                "{rule}: {} (was {n})",
                verified.get(rule.as_str()).copied().unwrap_or(0)
            )
        })
        .collect();
    println!("verified per rule: {verified:?}");
    if std::env::var_os("GOUJI_BLESS").is_some() {
        let mut out = String::from("# rule\tclaims verified on the corpus\n");
        for (rule, n) in &verified {
            writeln!(out, "{rule}\t{n}").unwrap();
        }
        std::fs::write(VERIFIED, out).unwrap();
    } else {
        assert!(
            fewer.is_empty(),
            "rules verify fewer claims on the corpus than before (a reading regression?); \
             write the counts again with GOUJI_BLESS=1 if that is intended:\n{}",
            fewer.join("\n")
        );
    }

    if std::env::var_os("GOUJI_BLESS").is_some() {
        let mut out = String::from(HEADER);
        out.push('\n');
        for key in &now {
            let (verdict, note) = match old.get(key) {
                Some(e) => (e.verdict.clone(), e.note.clone()),
                None if key.split('\t').nth(5) == Some("error") => ("?".into(), String::new()),
                None => ("-".into(), String::new()),
            };
            writeln!(out, "{key}\t{verdict}\t{note}").unwrap();
        }
        std::fs::create_dir_all(Path::new(SNAPSHOT).parent().unwrap()).unwrap();
        std::fs::write(SNAPSHOT, out).unwrap();
    }

    let appeared: Vec<&String> = now.iter().filter(|k| !old.contains_key(*k)).collect();
    let gone: Vec<&String> = old.keys().filter(|k| !now.contains(k)).collect();
    let unreviewed: Vec<&String> = old
        .iter()
        .filter(|(k, e)| e.verdict == "?" && now.contains(k))
        .map(|(k, _)| k)
        .collect();
    let false_errors = old
        .iter()
        .filter(|(k, e)| e.verdict == "false" && now.contains(k))
        .count();
    let slips = old.values().filter(|e| e.verdict == "slip").count();
    println!(
        "corpus: {} findings (error + warning); errors reviewed as slips {slips}, as false {false_errors}",
        now.len()
    );
    if std::env::var_os("GOUJI_BLESS").is_none() {
        assert!(
            appeared.is_empty() && gone.is_empty(),
            "the corpus findings changed: {} new, {} gone; write the snapshot again with \
             GOUJI_BLESS=1 and review it.\nnew:\n{}\ngone:\n{}",
            appeared.len(),
            gone.len(),
            appeared
                .iter()
                .take(40)
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
            gone.iter()
                .take(40)
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
        );
    }
    assert!(
        unreviewed.is_empty(),
        "{} error-level findings on the corpus are not reviewed (verdict `?` in {SNAPSHOT}):\n{}",
        unreviewed.len(),
        unreviewed
            .iter()
            .take(40)
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}
