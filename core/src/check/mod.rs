//! Stage 3 of read → claims → **check** → report: the rules. One rule per file, each with a
//! stable id and its documentation; the registry below is the only list of them. A rule
//! reads the [`Context`] (the document, the claims, the validated options) and reports into
//! its sink; what rules share is in [`kit`], and no rule uses another (core/tests/layering.rs).

mod as_of_year;
mod balance;
mod bounded_rate;
mod change_sum;
mod class_total;
mod classified;
mod comparison_year;
mod completion;
mod count;
mod coverage;
mod cross_table;
mod evaluation_table;
mod growth;
mod identity;
mod impossible_decline;
mod item_table;
pub mod kit;
mod level_growth;
mod numbering;
mod parallel;
mod point_change;
mod product;
mod required;
mod restated;
mod score;
mod share;
mod share_total;
mod sum;
mod table;
mod table_change;
mod table_hierarchy;
mod table_identity;
mod table_text;
mod table_total;
mod template;
mod three_public;
mod wording;
mod year;
mod year_attribution;
mod year_table_total;

use crate::claims::Claims;
use crate::options::Valid;
use crate::read::document::{Document, Places};
use crate::report::{Finding, LedgerEntry, Outcome, Related, Severity, Span};
use serde::Serialize;
use std::ops::Range;

/// What a rule is, for `gouji rules`, `gouji explain`, the web app's "?" and SARIF.
#[derive(Debug, Serialize)]
pub struct RuleInfo {
    /// Stable id: never changes meaning once published.
    pub id: &'static str,
    pub name_zh: &'static str,
    pub name_en: &'static str,
    /// The most serious severity the rule reports.
    pub severity: Severity,
    pub summary_zh: &'static str,
    pub summary_en: &'static str,
    /// What it checks, why it matters, a worked example.
    pub explanation_zh: &'static str,
    pub explanation_en: &'static str,
}

pub trait Rule: Sync {
    fn info(&self) -> &'static RuleInfo;
    fn check(&self, cx: &mut Context);
}

/// What a rule checks and where it reports: the document, the claims read from it, the
/// options (validated) and the sink.
pub struct Context<'d> {
    pub doc: &'d Document<'d>,
    pub claims: &'d Claims<'d>,
    pub options: &'d Valid,
    pub sink: Sink<'d>,
}

impl<'d> Context<'d> {
    /// The document, the claims and the sink, borrowed apart.
    pub fn parts(&mut self) -> (&'d Document<'d>, &'d Claims<'d>, &mut Sink<'d>) {
        (self.doc, self.claims, &mut self.sink)
    }
}

static RULES: &[&dyn Rule] = &[
    &sum::Sum,
    &share::Share,
    &share_total::ShareTotal,
    &growth::Growth,
    &change_sum::ChangeSum,
    &completion::Completion,
    &count::Count,
    &product::Product,
    &restated::Restated,
    &parallel::Parallel,
    &identity::Identity,
    &classified::Classified,
    &wording::Wording,
    &table::TableRule,
    &table_identity::TableIdentity,
    &table_hierarchy::TableHierarchy,
    &table_total::TableTotal,
    &cross_table::CrossTable,
    &class_total::ClassTotal,
    &table_text::TableText,
    &item_table::ItemTable,
    &table_change::TableChange,
    &three_public::ThreePublic,
    &year_table_total::YearTableTotal,
    &evaluation_table::EvaluationTable,
    &template::Template,
    &numbering::Numbering,
    &year::Year,
    &score::Score,
    &required::Required,
    &year_attribution::YearAttribution,
    &comparison_year::ComparisonYear,
    &as_of_year::AsOfYear,
    &balance::Balance,
    &impossible_decline::ImpossibleDecline,
    &bounded_rate::BoundedRate,
    &point_change::PointChange,
    &level_growth::LevelGrowth,
    // Last: it lists what the rules above left unchecked.
    &coverage::Coverage,
];

/// The rules' [`RuleInfo`]s, in the order of [`RULES`] (a test keeps the two lists the same).
/// Looking a rule up reads this list, never the registry: a `&dyn Rule` keeps its `check`
/// (and all it calls) alive through its vtable, so a program that only names rules (the web
/// app's page) would otherwise carry the whole check.
static INFOS: &[&RuleInfo] = &[
    &sum::INFO,
    &share::INFO,
    &share_total::INFO,
    &growth::INFO,
    &change_sum::INFO,
    &completion::INFO,
    &count::INFO,
    &product::INFO,
    &restated::INFO,
    &parallel::INFO,
    &identity::INFO,
    &classified::INFO,
    &wording::INFO,
    &table::INFO,
    &table_identity::INFO,
    &table_hierarchy::INFO,
    &table_total::INFO,
    &cross_table::INFO,
    &class_total::INFO,
    &table_text::INFO,
    &item_table::INFO,
    &table_change::INFO,
    &three_public::INFO,
    &year_table_total::INFO,
    &evaluation_table::INFO,
    &template::INFO,
    &numbering::INFO,
    &year::INFO,
    &score::INFO,
    &required::INFO,
    &year_attribution::INFO,
    &comparison_year::INFO,
    &as_of_year::INFO,
    &balance::INFO,
    &impossible_decline::INFO,
    &bounded_rate::INFO,
    &point_change::INFO,
    &level_growth::INFO,
    // Last, as in RULES.
    &coverage::INFO,
];

/// Every rule, in the order they run.
pub fn all() -> impl Iterator<Item = &'static RuleInfo> {
    INFOS.iter().copied()
}

pub fn find(id: &str) -> Option<&'static RuleInfo> {
    all().find(|r| r.id == id)
}

pub(crate) fn registry() -> &'static [&'static dyn Rule] {
    RULES
}

/// The most related places one finding lists.
pub const MAX_RELATED: usize = 60;

/// A finding in the making, in normalised coordinates.
pub struct Draft {
    pub rule: &'static str,
    pub severity: Severity,
    pub at: Range<usize>,
    pub message: String,
    pub message_en: String,
    pub stated: Option<String>,
    pub expected: Option<String>,
    pub formula: Option<String>,
    pub repair: Option<String>,
    pub cause: Option<String>,
    pub related: Vec<(Range<usize>, String)>,
    /// Related places past the first `MAX_RELATED`, counted instead of listed: a total of
    /// thousands of rows need not build thousands of notes to drop them.
    pub related_more: usize,
}

impl Draft {
    pub fn new(
        rule: &'static str,
        severity: Severity,
        at: Range<usize>,
        message: String,
        message_en: String,
    ) -> Self {
        Draft {
            rule,
            severity,
            at,
            message,
            message_en,
            stated: None,
            expected: None,
            formula: None,
            repair: None,
            cause: None,
            related: Vec::new(),
            related_more: 0,
        }
    }
}

/// Collects findings and the ledger, converting spans to the original text.
///
/// Only the first [`crate::MAX_FINDINGS`] findings in report order are listed, so no more
/// than a quarter more are kept while the rules run: past that, the findings are put in
/// order and the ones that cannot be listed are dropped, counted by severity, and a finding
/// that comes after the last one kept is not built at all (16 MB of wrong sums made 260,000
/// findings, over 200 MB, of which 10,000 were listed).
pub struct Sink<'d> {
    doc: &'d Document<'d>,
    findings: Vec<Pending>,
    ledger: Vec<Entry>,
    /// Findings dropped for being past `MAX_FINDINGS` in report order: errors, warnings,
    /// infos.
    dropped: [usize; 3],
    /// The spans of the dropped findings' related places, which `coverage` counts as
    /// looked at (their own spans are their ledger entries').
    dropped_spans: Vec<Span>,
    /// Once too many were kept, the order of the last finding that can be listed: no
    /// finding at or after it is.
    cut: Option<(usize, Severity, &'static str)>,
}

/// A ledger entry while the rules run: 64 bytes, where a [`LedgerEntry`] is 120 and its
/// quote. Its quote and line are added once the rules are done and the document and the
/// claims are freed ([`Collected::report`]): a text of a claim every few bytes kept all
/// three at once at its peak (issue 16).
struct Entry {
    rule: &'static str,
    outcome: Outcome,
    /// The original span (a text has at most `MAX_INPUT_BYTES`).
    start: u32,
    end: u32,
    detail: Box<str>,
    detail_en: Box<str>,
}

impl Entry {
    fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

/// A finding while the rules run, as its ledger entry is kept: 128 bytes where a
/// [`Finding`] is 280 and its quote, its messages those of its ledger entry, and 24 bytes a
/// related place where a [`Related`] is 64 and its quote (10,000 findings of two related
/// places were 6 × the text of 1 MB of wrong sums). Its messages, quotes, line and page
/// are added in [`Collected::report`].
struct Pending {
    rule: &'static str,
    severity: Severity,
    /// The original span.
    start: u32,
    end: u32,
    /// Index of its ledger entry (the ledger is sorted only once the findings are built),
    /// whose details are the finding's message in Chinese and in English.
    entry: u32,
    stated: Option<Box<str>>,
    expected: Option<Box<str>>,
    formula: Option<Box<str>>,
    repair: Option<Box<str>>,
    cause: Option<Box<str>>,
    related: Box<[RelatedAt]>,
}

/// A related place of a [`Pending`] finding: its original span and note.
struct RelatedAt {
    start: u32,
    end: u32,
    note: Box<str>,
}

impl RelatedAt {
    fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

/// What the rules reported, the findings in report order, without the document:
/// [`Collected::report`] puts the report's findings and ledger (sorted by place and rule)
/// together once the document and the claims are freed.
pub struct Collected {
    findings: Vec<Pending>,
    ledger: Vec<Entry>,
    dropped: [usize; 3],
}

impl Collected {
    /// Findings, ledger, and the number of findings dropped by severity (errors, warnings,
    /// infos), each ledger entry with its line and quote from `places` and the text checked.
    pub fn report(
        self,
        places: &Places,
        text: &str,
    ) -> (Vec<Finding>, Vec<LedgerEntry>, [usize; 3]) {
        let Collected {
            findings: pending,
            mut ledger,
            dropped,
        } = self;
        let quote = |s: Span| text.get(s.start..s.end).unwrap_or_default().to_string();
        // (Boxed strings are cut to size: into a `String` without a copy.)
        let string = |s: Option<Box<str>>| s.map(String::from);
        let mut findings = Vec::with_capacity(pending.len());
        findings.extend(pending.into_iter().map(|f| {
            let span = Span::new(f.start as usize, f.end as usize);
            let entry = &ledger[f.entry as usize];
            Finding {
                rule: f.rule,
                severity: f.severity,
                message: entry.detail.to_string(),
                message_en: entry.detail_en.to_string(),
                span,
                line: places.line_of(span.start),
                page: places.page_of(span.start),
                quote: quote(span),
                stated: string(f.stated),
                expected: string(f.expected),
                formula: string(f.formula),
                repair: string(f.repair),
                cause: string(f.cause),
                related: f
                    .related
                    .into_vec()
                    .into_iter()
                    .map(|r| Related {
                        span: r.span(),
                        quote: quote(r.span()),
                        note: r.note.into_string(),
                    })
                    .collect(),
            }
        }));
        sort_lean(&mut ledger, |e| (e.start, e.rule));
        let entries = ledger;
        let mut ledger = Vec::with_capacity(entries.len());
        ledger.extend(entries.into_iter().map(|e| {
            let span = e.span();
            LedgerEntry {
                rule: e.rule,
                outcome: e.outcome,
                span,
                line: places.line_of(span.start),
                quote: quote(span),
                detail: e.detail.into_string(),
                detail_en: e.detail_en.into_string(),
            }
        }));
        (findings, ledger, dropped)
    }
}

/// The order findings are listed in: by place, then severity, then rule (ties keep the
/// order they were reported in).
fn finding_order(f: &Pending) -> (usize, Severity, &'static str) {
    (f.start as usize, f.severity, f.rule)
}

/// Sorts `v` stably by `key`, like `sort_by_key`, without its scratch copy of the elements
/// (as large as the vector for findings and ledger entries): a permutation of 4-byte
/// indices is sorted instead, ties broken by index, and applied in place.
pub(crate) fn sort_lean<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    let mut order: Vec<u32> = (0..v.len() as u32).collect();
    order.sort_unstable_by(|&a, &b| {
        key(&v[a as usize])
            .cmp(&key(&v[b as usize]))
            .then(a.cmp(&b))
    });
    // `order[k]` is where the element for place k is now: follow each cycle, swapping.
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = order[at] as usize;
            order[at] = at as u32;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

impl<'d> Sink<'d> {
    pub fn new(doc: &'d Document<'d>) -> Self {
        Sink {
            doc,
            findings: Vec::new(),
            ledger: Vec::new(),
            dropped: [0; 3],
            dropped_spans: Vec::new(),
            cut: None,
        }
    }

    /// The span and outcome of every ledger entry so far.
    pub fn ledger(&self) -> impl Iterator<Item = (Span, Outcome)> + '_ {
        self.ledger.iter().map(|e| (e.span(), e.outcome))
    }

    /// Every span the findings name, their own and their related places', the dropped
    /// ones' related places included (their own spans are those of their ledger entries).
    pub fn finding_spans(&self) -> impl Iterator<Item = Span> + '_ {
        self.findings
            .iter()
            .flat_map(|f| {
                std::iter::once(Span::new(f.start as usize, f.end as usize))
                    .chain(f.related.iter().map(RelatedAt::span))
            })
            .chain(self.dropped_spans.iter().copied())
    }

    /// What the rules reported: the findings in report order, at most `MAX_FINDINGS` of
    /// them, and the ledger, each cut to its size.
    pub fn finish(self) -> Collected {
        let Sink {
            mut findings,
            mut ledger,
            mut dropped,
            ..
        } = self;
        keep_first(&mut findings, crate::MAX_FINDINGS, &mut dropped, None);
        findings.shrink_to_fit();
        ledger.shrink_to_fit();
        Collected {
            findings,
            ledger,
            dropped,
        }
    }

    fn entry(
        &mut self,
        rule: &'static str,
        outcome: Outcome,
        at: Range<usize>,
        detail: String,
        detail_en: String,
    ) {
        let span = self.doc.span(at);
        // Grown by an eighth, not doubled: a ledger of a claim every few bytes is the
        // largest thing the check keeps, and doubling left up to half of it unused at the
        // peak (3.5 × the text in one of sum sentences).
        if self.ledger.len() == self.ledger.capacity() {
            self.ledger.reserve_exact((self.ledger.len() / 8).max(64));
        }
        self.ledger.push(Entry {
            rule,
            outcome,
            start: span.start as u32,
            end: span.end as u32,
            // `format!` leaves up to half of a message's buffer unused (a third of the
            // details' bytes in sum sentences): boxing cuts it to size.
            detail: detail.into_boxed_str(),
            detail_en: detail_en.into_boxed_str(),
        });
    }

    pub fn verified(
        &mut self,
        rule: &'static str,
        at: Range<usize>,
        detail: String,
        detail_en: String,
    ) {
        self.entry(rule, Outcome::Verified, at, detail, detail_en);
    }

    pub fn unchecked(
        &mut self,
        rule: &'static str,
        at: Range<usize>,
        reason: &str,
        reason_en: &str,
    ) {
        self.entry(
            rule,
            Outcome::Unchecked,
            at,
            reason.to_string(),
            reason_en.to_string(),
        );
    }

    pub fn report(&mut self, mut d: Draft) {
        let span = self.doc.span(d.at.clone());
        // A total of thousands of rows names thousands of places; a reader follows the first
        // few, and every output (the terminal's above all) lays each one out.
        if d.related.len() + d.related_more > MAX_RELATED {
            let more = d.related.len() + d.related_more - MAX_RELATED;
            d.related.truncate(MAX_RELATED);
            let note = format!("另有{more}处相关数字未逐一标出");
            d.cause = Some(match d.cause {
                Some(c) => format!("{c}；{note}"),
                None => note,
            });
        }
        // At or past the last finding kept when there were too many, it can no longer be
        // listed: counted and its related places kept for `coverage` (its own span is its
        // ledger entry's), never built.
        if self
            .cut
            .is_some_and(|c| (span.start, d.severity, d.rule) >= c)
        {
            self.dropped[d.severity as usize] += 1;
            for (r, _) in &d.related {
                self.dropped_spans.push(self.doc.span(r.clone()));
            }
            self.entry(d.rule, Outcome::Failed, d.at, d.message, d.message_en);
            return;
        }
        let entry = self.ledger.len() as u32;
        self.entry(d.rule, Outcome::Failed, d.at, d.message, d.message_en);
        // (Boxed, cut to size as the ledger's details are.)
        let boxed = |s: Option<String>| s.map(String::into_boxed_str);
        let related = d
            .related
            .into_iter()
            .map(|(r, note)| {
                let s = self.doc.span(r);
                RelatedAt {
                    start: s.start as u32,
                    end: s.end as u32,
                    note: note.into_boxed_str(),
                }
            })
            .collect();
        // Grown by an eighth, as the ledger is: doubling left up to 6,000 findings' room
        // unused for the rest of the check once too many were kept (1.8 × the text in 1 MB of
        // wrong sums).
        if self.findings.len() == self.findings.capacity() {
            self.findings
                .reserve_exact((self.findings.len() / 8).max(64));
        }
        self.findings.push(Pending {
            rule: d.rule,
            severity: d.severity,
            start: span.start as u32,
            end: span.end as u32,
            entry,
            stated: boxed(d.stated),
            expected: boxed(d.expected),
            formula: boxed(d.formula),
            repair: boxed(d.repair),
            cause: boxed(d.cause),
            related,
        });
        if self.findings.len() >= crate::MAX_FINDINGS + crate::MAX_FINDINGS / 4 {
            keep_first(
                &mut self.findings,
                crate::MAX_FINDINGS,
                &mut self.dropped,
                Some(&mut self.dropped_spans),
            );
            self.cut = self.findings.last().map(finding_order);
            // The room of the ones dropped is not needed again.
            self.findings.shrink_to_fit();
        }
    }
}

/// Puts `findings` in report order and keeps the first `max`, counting the others in
/// `dropped` by severity and, when asked, keeping their related places' spans.
fn keep_first(
    findings: &mut Vec<Pending>,
    max: usize,
    dropped: &mut [usize; 3],
    mut spans: Option<&mut Vec<Span>>,
) {
    sort_lean(findings, finding_order);
    for f in findings.drain(max.min(findings.len())..) {
        dropped[f.severity as usize] += 1;
        if let Some(spans) = spans.as_deref_mut() {
            spans.extend(f.related.iter().map(RelatedAt::span));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lean_sort_is_the_stable_sort() {
        // Keys with many ties, in every order a small generator gives.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for len in [0, 1, 2, 3, 7, 64, 500] {
            let v: Vec<(u8, u32)> = (0..len)
                .map(|i| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    ((x % 5) as u8, i)
                })
                .collect();
            let mut stable = v.clone();
            stable.sort_by_key(|e| e.0);
            let mut lean = v;
            sort_lean(&mut lean, |e| e.0);
            assert_eq!(lean, stable);
        }
    }

    #[test]
    fn the_list_of_infos_is_the_registry() {
        // Same rules, same order, the very same statics: `all()` and `find()` read INFOS,
        // the check runs RULES.
        assert_eq!(INFOS.len(), RULES.len());
        for (info, rule) in INFOS.iter().zip(RULES) {
            assert!(
                std::ptr::eq(*info, rule.info()),
                "INFOS has {} where RULES has {}",
                info.id,
                rule.info().id
            );
        }
    }

    #[test]
    fn registry_ids_are_unique_and_documented() {
        let ids: Vec<&str> = all().map(|r| r.id).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(ids.len(), sorted.len());
        for r in all() {
            assert!(
                r.explanation_zh.contains("例"),
                "{} needs a worked example",
                r.id
            );
            assert!(!r.summary_en.is_empty());
        }
    }
}
