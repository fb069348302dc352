//! Share claims: `A a万元，占 p%` (of the enclosing total) or `占本年支出合计的 p%` (of the
//! whole the sentence names).

use super::sum::SumClaim;
use super::{key_matches, label_key};
use crate::read::document::Document;
use crate::read::quantity::Unit;
use std::collections::HashMap;

#[derive(Debug, Clone)]
pub enum Whole {
    /// The total of the sum this part belongs to.
    Enclosing(usize),
    /// A figure found by the name the sentence gives.
    Named(usize),
    /// The sentence names a whole the text never states, or there is no part.
    Unresolved(String),
}

#[derive(Debug, Clone)]
pub struct ShareClaim {
    /// The percentage figure.
    pub rate: usize,
    pub part: Option<usize>,
    pub whole: Whole,
    /// The total of the sum the part belongs to, whatever the sentence names.
    pub enclosing: Option<usize>,
    /// One of a run of rates said `分别` that pair with amounts of their own: each may be of
    /// another whole (`收入…、支出…，分别占年初预算的125.00%和80.00%`).
    pub respective: bool,
    /// Said after a list of amounts (`A480.00万元、B356.20万元、C128.50万元等，占…`): of the
    /// whole list or of its last item, the text does not say. No part.
    pub after_list: bool,
}

/// The named whole in `占本年支出合计的`, `占比为`, `占收入总计`: empty when unnamed.
fn named_whole(label: &str) -> Option<String> {
    let i = label.rfind('占')?;
    let mut w = &label[i + '占'.len_utf8()..];
    for suffix in [
        "的比重为",
        "的比例为",
        "比重为",
        "比例为",
        "比重",
        "比例",
        "的",
        "为",
    ] {
        if let Some(r) = w.strip_suffix(suffix) {
            w = r;
            break;
        }
    }
    if w == "比" || w.is_empty() {
        return Some(String::new());
    }
    Some(w.to_string())
}

pub fn extract(doc: &Document, sums: &[SumClaim]) -> Vec<ShareClaim> {
    let mut labels = Labels::default();
    // Part figure → index of the sum it belongs to.
    let mut part_of = std::collections::HashMap::new();
    for (si, s) in sums.iter().enumerate() {
        for &p in &s.parts {
            part_of.entry(p).or_insert(si);
        }
    }
    let mut out = Vec::new();
    for (ri, f) in doc.figures.iter().enumerate() {
        if f.q.unit != Unit::Percent || f.q.approx || f.in_table {
            continue;
        }
        // The `分别` run the rate is in, if any, read once.
        let run = respective_run(doc, ri);
        // (A rate after the first of a `分别` run, `…、28.8%`, shares the first's words.)
        let run_label = || {
            run.as_ref()
                .filter(|r| r.first < ri)
                .and_then(|r| named_whole(&doc.figures[r.first].label))
        };
        let Some(whole_name) = named_whole(&f.label).or_else(run_label) else {
            continue;
        };
        // The part: the nearest amount before, in the same sentence and parentheses level,
        // after the rate before it and with no `；` between (`小微企业1015.5万元，占75%；货物
        // 采购授予中小企业合同金额占…的9.16%` names no amount of its own: unresolved).
        let text = doc.text();
        let part = doc.figures[..ri]
            .iter()
            .enumerate()
            .rev()
            .take(super::WINDOW)
            .take_while(|(_, g)| g.sentence() == f.sentence() && g.q.unit != Unit::Percent)
            .find(|(_, g)| g.q.is_operand() && matches!(g.q.unit, Unit::Money(_) | Unit::Count(_)))
            .filter(|(_, g)| {
                g.paren_depth == f.paren_depth && !text[g.q.end..f.q.start].contains('；')
            })
            .map(|(i, _)| i);
        // `人员经费2,986.17万元、公用经费426.39元，人员经费占基本支出的87.51%`: the rate
        // names its part; that is the figure of that name, not the nearest.
        let part = match f.label.rfind('占').map(|i| label_key(&f.label[..i])) {
            Some(named) if named.chars().count() >= 2 => {
                let names = |i: usize| key_matches(&label_key(&doc.figures[i].label), &named);
                match part {
                    Some(p) if !names(p) => (0..p)
                        .rev()
                        .take(super::WINDOW)
                        .take_while(|&i| doc.figures[i].sentence() == f.sentence())
                        .find(|&i| {
                            let g = &doc.figures[i];
                            names(i)
                                && g.q.is_operand()
                                && matches!(g.q.unit, Unit::Money(_) | Unit::Count(_))
                        })
                        .or(Some(p)),
                    other => other,
                }
            }
            _ => part,
        };
        // `森林资源培育480.00万元、森林防火356.20万元、防灾减灾128.50万元等，占…的34.95%`:
        // after a list joined by `、` the rate may be the whole list's or its last item's.
        // (`以上三项占`, `合计占`, `上述支出占` name the list.)
        let unnamed = f.label.rfind('占').is_none_or(|i| {
            let named = label_key(&f.label[..i]);
            named.is_empty()
                || ["以上", "上述"].iter().any(|w| named.contains(w))
                || LIST_WORDS.iter().any(|w| named.ends_with(w))
        });
        let after_list = part.is_some_and(|p| unnamed && ends_a_list(doc, p));
        let part = part.filter(|_| !after_list);
        // `基本支出和项目支出分别为688.26万元、278.85万元，分别占71.2%、28.8%`: the rates of
        // a `分别` run take the run of amounts before them in order.
        let paired = run.as_ref().map(|r| r.part_of(ri));
        let part = match paired {
            Some(p) => p,
            None => part,
        };
        let whole = match (part, whole_name.is_empty()) {
            (None, _) => Whole::Unresolved(whole_name),
            (Some(p), true) => match part_of.get(&p) {
                Some(&si) => Whole::Enclosing(sums[si].total),
                None => sibling_whole(doc, &out, p)
                    .or_else(|| list_whole(doc, &mut labels, p, ri))
                    .unwrap_or(Whole::Unresolved(String::new())),
            },
            (Some(p), false) => resolve_named(doc, &mut labels, &whole_name, p, ri),
        };
        // The whole of a `分别` run is none of the run's own amounts (`A800.00万元、B200.00
        // 万元，分别占财政拨款支出总额的80%、20%`: each named like the whole).
        let amounts = run.as_ref().and_then(|r| r.amounts.as_deref());
        let whole = match (&whole, amounts) {
            (Whole::Named(w) | Whole::Enclosing(w), Some(run)) if run.contains(w) => {
                Whole::Unresolved(String::new())
            }
            _ => whole,
        };
        let enclosing = part.and_then(|p| part_of.get(&p)).map(|&si| sums[si].total);
        out.push(ShareClaim {
            rate: ri,
            part,
            whole,
            enclosing,
            respective: amounts.is_some(),
            after_list,
        });
    }
    out
}

/// Words before `占` that name a list, not one item: `以上三项`, `上述支出`, `合计`, `共`.
const LIST_WORDS: &[&str] = &[
    "合计", "共计", "总计", "共", "两项", "二项", "三项", "四项", "五项", "六项", "各项",
];

/// Is amount `p` the last of a list joined by `、`, `和` or `及` (`A480.00万元、B356.20万元`)?
fn ends_a_list(doc: &Document, p: usize) -> bool {
    let Some(q) = p.checked_sub(1) else {
        return false;
    };
    let (a, b) = (&doc.figures[q], &doc.figures[p]);
    if a.sentence() != b.sentence() || !a.q.unit.is_money() || !a.q.unit.addable_with(b.q.unit) {
        return false;
    }
    let between = doc.text()[a.q.end..b.label_start().max(a.q.end)].trim();
    matches!(between, "、" | "和" | "及" | "以及")
}

/// Whether rate `b` follows rate `a` in one run (`71.2%、28.8%`, `71.2%和28.8%`).
fn joined(doc: &Document, a: usize, b: usize) -> bool {
    let figures = &doc.figures;
    figures[a].sentence() == figures[b].sentence()
        && figures[a].q.unit == Unit::Percent
        && figures[b].q.unit == Unit::Percent
        && doc.text()[figures[a].q.end..figures[b].q.start]
            .chars()
            .all(|c| matches!(c, '、' | '和' | '及' | '，' | ',' | ' '))
}

/// The first rate of the run of rates rate `ri` is in (a run is a few rates: bounded by
/// WINDOW).
fn run_start(doc: &Document, ri: usize) -> usize {
    let mut first = ri;
    while first > 0 && ri - first < super::WINDOW && joined(doc, first - 1, first) {
        first -= 1;
    }
    first
}

/// A run of two or more rates said `分别` (`分别占71.2%、28.8%`) and the amounts they pair
/// with: as many amounts right before the run, in order (`None` when there are fewer).
struct RespectiveRun {
    first: usize,
    /// Nearest first.
    amounts: Option<Vec<usize>>,
}

impl RespectiveRun {
    /// The amount rate `ri` of the run pairs with.
    fn part_of(&self, ri: usize) -> Option<usize> {
        let amounts = self.amounts.as_ref()?;
        Some(amounts[amounts.len() - 1 - (ri - self.first)])
    }
}

/// The `分别` run rate `ri` is in; `None` for a rate in no such run.
fn respective_run(doc: &Document, ri: usize) -> Option<RespectiveRun> {
    let figures = &doc.figures;
    let first = run_start(doc, ri);
    let label = &figures[first].label;
    if !label.contains("分别") && !label.contains("各占") {
        return None;
    }
    let mut last = ri;
    while last + 1 < figures.len() && last - ri < super::WINDOW && joined(doc, last, last + 1) {
        last += 1;
    }
    let n = last - first + 1;
    (n >= 2).then(|| RespectiveRun {
        first,
        amounts: run_amounts(doc, first, n),
    })
}

/// The `n` amounts right before the run of rates starting at `first`, nearest first, at the
/// rates' bracket depth (a breakdown in brackets, `（其中：人员类项目100.00万元…）`, is passed
/// over); `None` when there are fewer.
fn run_amounts(doc: &Document, first: usize, n: usize) -> Option<Vec<usize>> {
    let figures = &doc.figures;
    let depth = figures[first].paren_depth;
    let amounts: Vec<usize> = (0..first)
        .rev()
        .take(super::WINDOW)
        .take_while(|&i| {
            let g = &figures[i];
            g.sentence() == figures[first].sentence() && g.q.unit != Unit::Percent
        })
        .filter(|&i| figures[i].paren_depth == depth)
        .take_while(|&i| {
            let g = &figures[i];
            g.q.is_operand() && matches!(g.q.unit, Unit::Money(_) | Unit::Count(_))
        })
        .take(n)
        .collect();
    (amounts.len() == n).then_some(amounts)
}

/// The whole of the list item before, for a share that names none (`基本支出1026.73万元，占
/// 本年支出合计的44.17%，…；项目支出1297.67万元，占55.38%`): the items of one `；`-list share
/// one whole. Not for an item inside the one before (`其中…`).
fn sibling_whole(doc: &Document, before: &[ShareClaim], part: usize) -> Option<Whole> {
    let last = before.last()?;
    let Whole::Named(whole) = last.whole else {
        return None;
    };
    let (r, p) = (&doc.figures[last.rate], &doc.figures[part]);
    let between = &doc.text()[r.q.end..p.q.start];
    // Items of one flow (`基本支出…；项目支出…`, not `基本支出…；财政拨款收入…`), the item
    // itself a level (not a change nor last year's), not inside another (`在基本支出中，`).
    let flow = |i: usize| {
        let l = label_key(&doc.figures[i].label);
        (l.contains("收入"), l.contains("支出"))
    };
    let same_flow = last.part.is_some_and(|q| flow(q) == flow(part));
    (r.sentence() == p.sentence()
        && last.rate < part
        && whole != part
        && same_flow
        && between.contains('；')
        && !between.contains(['：', '。'])
        && !between
            .rsplit('；')
            .next()
            .is_some_and(|item| item.contains('中'))
        && !super::has_change_word(&p.label)
        && !super::names_last_year(&p.label)
        && !p.label.starts_with("其中"))
    .then_some(Whole::Named(whole))
}

/// The whole a list's opening names, for a share that names none (`一般公共预算当年拨款支出
/// 按功能分类：社会保障和就业支出186.42万元，占6.25%`): the quantity before `按…分类：`,
/// found by its name like a named whole.
fn list_whole<'d>(
    doc: &'d Document,
    labels: &mut Labels<'d>,
    part: usize,
    rate: usize,
) -> Option<Whole> {
    let text = doc.text();
    let p = &doc.figures[part];
    let start = doc.sentences[p.sentence()].start;
    let colon = start + text[start..p.q.start].rfind(['：', ':'])?;
    let opening = text[start..colon].trim();
    let name = opening.split_once('按')?.0;
    // (`按功能分类` after a name: nothing else between the name and the colon.)
    if !opening.ends_with("分类") || name.chars().count() < 4 || name.contains(['，', '；']) {
        return None;
    }
    // Only a figure of exactly that name and of the report's year (`政府性基金预算财政拨款
    // 支出` does not answer `财政拨款支出`; nor does `2022年度…`).
    match resolve_named(doc, labels, name, part, rate) {
        Whole::Named(w) => {
            let l = &doc.figures[w].label;
            let year = doc.info().year.map(i32::from);
            let other_year = super::facts::years_in(l).any(|y| Some(y) != year);
            (label_key(l) == label_key(name) && !other_year).then_some(Whole::Named(w))
        }
        _ => None,
    }
}

/// What the search for a named whole knows of the figures' labels, each worked out once: a
/// number for each distinct label, its key and whether it names a change; and which labels
/// answer the name last looked for. A text of many shares searched up to 2 × 16 × `WINDOW`
/// figures for each, and worked out every candidate's key again (5 s per MB of share
/// sentences, 50 s for 10 MB).
#[derive(Default)]
struct Labels<'d> {
    /// Per figure up to the last looked at: its label's number, `NONE` if not looked at.
    id: Vec<u32>,
    by_label: HashMap<&'d str, u32>,
    /// Per label number: the label, its key, whether it names a change.
    labels: Vec<(&'d str, String, bool)>,
    /// The whole's name and the part's key that `verdicts` are for.
    asked: (String, String),
    /// Per label number: the round its verdict was worked out in, and the verdict.
    verdicts: Vec<(u32, bool)>,
    round: u32,
    /// The last search before a rate in this round, so that the next rate of the same
    /// question looks only at the figures since.
    last: Option<LastSearch>,
}

/// A search for a whole before a rate, remembered for the next rate's.
#[derive(Clone, Copy)]
struct LastSearch {
    round: u32,
    rate: usize,
    part: usize,
    unit: Unit,
    /// The year the rate's sentence is about: a whole of another year does not fit.
    year: Option<i32>,
    /// The nearest figure before the rate that fitted: no figure between it and the rate
    /// did, but the part, which was left out.
    found: Option<usize>,
}

impl<'d> Labels<'d> {
    /// Starts a search for `name` as the whole of a part keyed `part_key`: the verdicts of
    /// the search before hold if it was for the same.
    fn ask(&mut self, name: &str, part_key: &str) {
        if self.round == 0 || self.asked.0 != name || self.asked.1 != part_key {
            self.asked = (name.to_string(), part_key.to_string());
            self.round += 1;
        }
    }

    /// Whether figure `i`'s label answers what was asked, by `judge` (label, key, names a
    /// change) once per distinct label and question.
    fn answers(
        &mut self,
        doc: &'d Document,
        i: usize,
        judge: impl Fn(&str, &str, bool) -> bool,
    ) -> bool {
        const NONE: u32 = u32::MAX;
        if self.id.len() <= i {
            self.id.resize(i + 1, NONE);
        }
        let id = match self.id[i] {
            NONE => {
                let label = doc.figures[i].label.as_ref();
                let next = self.labels.len() as u32;
                let id = *self.by_label.entry(label).or_insert(next);
                if id == next {
                    self.labels
                        .push((label, label_key(label), super::has_change_word(label)));
                    self.verdicts.push((0, false));
                }
                self.id[i] = id;
                id
            }
            id => id,
        };
        let (round, verdict) = self.verdicts[id as usize];
        if round == self.round {
            return verdict;
        }
        let (label, key, change) = &self.labels[id as usize];
        let verdict = judge(label, key, *change);
        self.verdicts[id as usize] = (self.round, verdict);
        verdict
    }
}

/// The figure the text names as the whole: the nearest one before the rate whose label ends
/// with the name; failing that, the nearest after.
fn resolve_named<'d>(
    doc: &'d Document,
    labels: &mut Labels<'d>,
    name: &str,
    part: usize,
    rate: usize,
) -> Whole {
    let key = label_key(name);
    // `占项目支出总额的` names the figure stated as `项目支出800万元` (its label must end
    // with the whole name: `项目支出` alone does not answer `一般公共预算项目支出总额`).
    const TOTAL_WORDS: [&str; 6] = ["总额", "总数", "数额", "金额", "总量", "总值"];
    let core = TOTAL_WORDS
        .iter()
        .find_map(|w| key.strip_suffix(w))
        .filter(|c| c.chars().count() >= 2)
        .unwrap_or(&key)
        .to_string();
    // Does a label's key end with `stem` once one of `words` is taken off its end?
    let ends_with_before = |l: &str, words: &[&str], stem: &str| {
        words
            .iter()
            .any(|w| l.strip_suffix(w).is_some_and(|r| r.ends_with(stem)))
    };
    // `固定资产总量为4295.98万元` answers `占固定资产总额的`: one total, two words for it.
    let names_core =
        |l: &str| l.ends_with(core.as_str()) || ends_with_before(l, &TOTAL_WORDS, &core);
    // `“三公”经费支出预算38.27万元` answers `占“三公”经费的`: the same quantity with its
    // flow and stage written after it.
    const STAGE_WORDS: [&str; 7] = [
        "支出预算",
        "预算支出",
        "支出决算",
        "决算支出",
        "支出",
        "预算",
        "决算",
    ];
    let names_staged =
        |l: &str| key.chars().count() >= 3 && ends_with_before(l, &STAGE_WORDS, &key);
    let part_unit = doc.figures[part].q.unit;
    let part_key = label_key(&doc.figures[part].label);
    let report_stage = match doc.info().kind {
        crate::report::ReportKind::Budget => Some("预算"),
        crate::report::ReportKind::FinalAccounts => Some("决算"),
        _ => None,
    };
    // What a label must be to name the whole, from the label, its key and whether it
    // names a change: the same for every figure of that label.
    let judge = |label: &str, l: &str, change: bool| {
        if change || is_sibling(label, l, part_key.as_str(), name, &key) {
            return false;
        }
        // Last year's amount (`上年支出合计`) is no whole a share names as this year's
        // (`占本年支出合计的`). (A whole named without a year may be last year's, stated in
        // the part's own sentence: `上年财政拨款结转结余30.00万元，其中…占财政拨款结转结余的`.)
        if super::names_last_year(label) && name.contains("本年") {
            return false;
        }
        // Named as the part is (`（一）局本级。收入预算…` before `（二）图书馆。收入预算…，占
        // 部门收入预算的`): another unit's or year's amount of the part's own kind, not the
        // whole, unless the whole is named so too.
        if l == part_key && part_key != key {
            return false;
        }
        // A whole of two characters (`全年支出` → `支出`) is every amount of that flow: a
        // label that qualifies it (`上年结转资金支出`) names a part, not the whole.
        if key.chars().count() <= 2 {
            // (`年初预算`, `全年预算` are `预算` as a whole is named.)
            let l = ["年初", "全年", "调整后", "调整", "年度"]
                .iter()
                .find_map(|w| l.strip_prefix(w))
                .unwrap_or(l);
            // (`本年收入预算` is `本年收入` in a budget report: the stage its figures are at,
            // written after it. In a final account's, `本年收入` is the outturn.)
            // (Only for a whole named as this year's, `占本年收入的`: `占收入的` after a total
            // with and one without the carry-over is either.)
            let l = report_stage
                .filter(|_| name.contains("本年"))
                .and_then(|w| l.strip_suffix(w).filter(|r| !r.is_empty()))
                .unwrap_or(l);
            return l == key
                || l.strip_prefix('总') == Some(key.as_str())
                || l.strip_prefix(key.as_str())
                    .is_some_and(|rest| ["合计", "总计", "总额", "总数"].contains(&rest));
        }
        // (`流动资产` does not answer `资产总额` for the part `固定资产`: both narrow the
        // core the whole totals, each its own way.)
        let narrows_otherwise = |l: &str| {
            l.strip_suffix(core.as_str()).is_some_and(|a| {
                !a.is_empty()
                    && part_key
                        .strip_suffix(core.as_str())
                        .is_some_and(|b| !b.is_empty() && a != b)
            })
        };
        key_matches(l, &key)
            || (core != key && names_core(l) && !narrows_otherwise(l))
            || names_staged(l)
    };
    labels.ask(name, &part_key);
    // (The label's verdict first: a number per figure, where the figure itself is 100 bytes
    // further apart.)
    // Wholes are named within a section: a generous but constant reach keeps this linear.
    let reach = 16 * super::WINDOW;
    let lo = rate.saturating_sub(reach);
    // (A sentence about another year, `2022年度基本支出…，占当年支出合计1015.75万元的…`,
    // states that year's whole, not the one a rate of this year's names.)
    let year_here = opening_year(doc, rate).or(doc.info().year.map(i32::from));
    let last = labels.last.filter(|l| {
        l.round == labels.round && l.rate <= rate && l.unit == part_unit && l.year == year_here
    });
    let fits = |labels: &mut Labels<'d>, i: usize| {
        i != part && labels.answers(doc, i, judge) && {
            let g = &doc.figures[i];
            g.q.is_operand()
                && g.q.unit.addable_with(part_unit)
                && !matches!((opening_year(doc, i), year_here), (Some(a), Some(b)) if a != b)
        }
    };
    let scan =
        |labels: &mut Labels<'d>, r: std::ops::Range<usize>| r.rev().find(|&i| fits(labels, i));
    let mut found = match last {
        // The same question as the rate before: the figures since it, then what that search
        // knew of the ones before (each rate of a text of shares looked at 1,024 figures).
        Some(LastSearch {
            rate: at,
            part: last_part,
            found: last_found,
            ..
        }) => {
            scan(labels, lo.max(at)..rate).or_else(|| {
                let reached = |i: usize| (lo..at).contains(&i);
                // (The part of the rate before was left out there, not here.)
                let nearer = last_found.is_none_or(|w| last_part > w);
                if nearer && reached(last_part) && fits(labels, last_part) {
                    return Some(last_part);
                }
                match last_found.filter(|&w| reached(w)) {
                    Some(w) if w == part => scan(labels, lo..w),
                    w => w,
                }
            })
        }
        None => scan(labels, lo..rate),
    };
    debug_assert_eq!(found, scan(labels, lo..rate));
    labels.last = Some(LastSearch {
        round: labels.round,
        rate,
        part,
        unit: part_unit,
        year: year_here,
        found,
    });
    // After the rate, only within its clause: past a `；` or `。` the text goes on to another
    // item (`…占当年下达资金的88.15%；2022年…当年下达资金4,100.00万元`).
    let text = doc.text();
    if found.is_none() {
        // (Each gap looked at once: rescanning from the rate for every figure was quadratic
        // in a long comma-separated sentence.)
        let mut from = doc.figures[rate].q.end;
        found = (rate + 1..doc.figures.len().min(rate + 1 + reach))
            .take_while(|&i| {
                let start = doc.figures[i].q.start.max(from);
                let open = !text[from..start].contains(['；', '。']);
                from = start;
                open
            })
            .find(|&i| fits(labels, i));
    }
    match found {
        Some(i) => Whole::Named(i),
        None => Whole::Unresolved(name.to_string()),
    }
}

/// The year the sentence of figure `i` opens with (`2022年度基本支出…`).
fn opening_year(doc: &Document, i: usize) -> Option<i32> {
    let s = doc.sentences.get(doc.figures[i].sentence())?;
    super::opening_year(doc.text()[s.clone()].trim_start())
}

/// Words that narrow a quantity to one of its categories: `基本支出预算` is a part of what
/// `支出预算` names, never the whole.
const NARROWING: &[&str] = &[
    "基本", "项目", "人员", "公用", "其他", "上级", "事业", "经营", "三公", "会议", "培训", "公务",
    "累计",
];

/// One fund's part of a quantity (`一般公共预算项目支出` of `项目支出`). Only a whole they
/// narrow is no label without them: a label may name the funds a whole is in by definition
/// (`一般公共预算财政拨款安排的“三公”经费`).
const FUNDS: &[&str] = &["一般公共预算", "政府性基金", "国有资本", "财政拨款"];

/// Does `label` name a sibling or a narrower part rather than the whole: the whole's name with
/// a qualifier in front that narrows it (`基本支出预算` for `支出预算`), or with another
/// qualifier than the part's (`基本支出预算` and `项目支出预算`)? A whole stated as the sum of
/// these is 本年…; `支出总计` includes carry-overs and is not `本年支出`.
/// (`l` is the label's key.)
fn is_sibling(label: &str, l: &str, part_key: &str, whole_name: &str, whole_key: &str) -> bool {
    if whole_name.contains("本年") {
        // `本年支出` is 基本 + 项目 (its 合计); a `总计`, or a headline `2026年支出预算` that
        // says neither 本年 nor 合计, may add the carry-over: not surely the same whole.
        if l.contains("总计") && !whole_key.contains("总计")
            || !label.contains("本年") && !label.contains("合计")
        {
            return true;
        }
    }
    match l.strip_suffix(whole_key) {
        Some(a) if !a.is_empty() => {
            NARROWING.iter().any(|w| a.contains(w))
                || part_key
                    .strip_suffix(whole_key)
                    .is_some_and(|b| !b.is_empty() && a != b)
        }
        // The whole narrower than the label (`项目支出预算` and `支出预算`): the label names
        // what holds the whole, not the whole.
        _ => whole_key
            .strip_suffix(l)
            .is_some_and(|a| !a.is_empty() && NARROWING.iter().chain(FUNDS).any(|w| a.contains(w))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(named_whole("占").unwrap(), "");
        assert_eq!(named_whole("占本年支出合计的").unwrap(), "本年支出合计");
        assert_eq!(named_whole("占比为").unwrap(), "");
        assert_eq!(named_whole("占GDP比重为").unwrap(), "GDP");
        assert!(named_whole("增长").is_none());
    }

    #[test]
    fn a_whole_named_without_its_flow_and_stage() {
        let d = Document::read(
            "本局安排的“三公”经费支出预算38.27万元，与上年相同。其中，因公出国（境）费支出23.27万元，占“三公”经费的60.8%。",
        );
        let shares = extract(&d, &crate::claims::sum::extract(&d));
        let Whole::Named(w) = shares[0].whole else {
            panic!("{shares:?}");
        };
        assert_eq!(d.figures[w].q.value.to_string(), "38.27");
        // A narrower quantity of that name is not it.
        let d = Document::read(
            "“三公”经费基本支出预算8.27万元。因公出国（境）费支出3.27万元，占“三公”经费的39.5%。",
        );
        let shares = extract(&d, &crate::claims::sum::extract(&d));
        assert!(
            matches!(shares[0].whole, Whole::Unresolved(_)),
            "{shares:?}"
        );
    }

    #[test]
    fn no_amount_of_its_own_and_no_smaller_whole() {
        let d = Document::read(
            "授予小微企业合同金额1015.5万元，占75%；货物采购授予中小企业合同金额占货物支出金额的9.16%。",
        );
        let shares = extract(&d, &crate::claims::sum::extract(&d));
        assert!(shares[1].part.is_none(), "{shares:?}");
        let d =
            Document::read("基本支出预算474.56万元。项目支出预算911.21万元，占支出预算的54.15%。");
        let shares = extract(&d, &crate::claims::sum::extract(&d));
        assert!(
            matches!(shares[0].whole, Whole::Unresolved(_)),
            "{shares:?}"
        );
    }

    #[test]
    fn enclosing_and_named() {
        let t = "2020年本年支出合计3190.21万元，其中：基本支出1590.21万元，占50%；项目支出1600万元，占50%。\n2020年一般公共预算财政拨款支出1518.12万元，占本年支出合计的48%。";
        let d = Document::read(t);
        let sums = crate::claims::sum::extract(&d);
        let shares = extract(&d, &sums);
        assert_eq!(shares.len(), 3);
        let whole = |w: &Whole| match w {
            Whole::Enclosing(i) => format!("E{}", d.figures[*i].q.display()),
            Whole::Named(i) => format!("N{}", d.figures[*i].q.display()),
            Whole::Unresolved(n) => format!("U{n}"),
        };
        assert_eq!(whole(&shares[0].whole), "E3190.21万元");
        assert_eq!(whole(&shares[2].whole), "N3190.21万元");
    }

    /// The last share's whole: the amount it names, or how it is left.
    fn whole(t: &str) -> String {
        let d = Document::read(t);
        let shares = extract(&d, &crate::claims::sum::extract(&d));
        match shares.last().map(|s| &s.whole) {
            Some(Whole::Named(i)) => d.figures[*i].q.display(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn an_item_of_a_list_shares_the_whole_the_item_before_named() {
        let t = "本年支出合计2324.40万元。按支出性质分：基本支出1026.73万元，占本年支出合计的44.17%，其中人员经费893.15万元、公用经费133.58万元；项目支出1297.67万元，占55.38%。";
        assert_eq!(whole(t), "2324.40万元");
        // An item inside the one before is not its sibling (its whole is the item).
        let t = "本年支出合计2324.40万元。基本支出1026.73万元，占本年支出合计的44.17%；其中人员经费893.15万元，占86.99%。";
        let d = Document::read(t);
        let shares = extract(&d, &crate::claims::sum::extract(&d));
        assert!(!matches!(shares[1].whole, Whole::Named(_)), "{shares:?}");
    }

    #[test]
    fn a_list_by_class_shares_the_whole_its_opening_names() {
        let t = "一般公共预算当年拨款支出2,846.30万元。一般公共预算当年拨款支出按功能分类：社会保障和就业支出186.42万元，占6.25%；卫生健康支出95.37万元，占3.35%。";
        let d = Document::read(t);
        let shares = extract(&d, &crate::claims::sum::extract(&d));
        for s in &shares {
            let Whole::Named(w) = s.whole else {
                panic!("{shares:?}");
            };
            assert_eq!(d.figures[w].q.display(), "2846.30万元");
        }
    }

    #[test]
    fn a_part_the_rate_names_and_wholes_narrower_than_a_label() {
        let d = Document::read("基本支出3,412.56万元，其中人员经费2,986.17万元、公用经费426.39万元，人员经费占基本支出的87.51%。");
        let shares = extract(&d, &crate::claims::sum::extract(&d));
        let part = shares[0].part.map(|p| d.figures[p].q.display());
        assert_eq!(part.as_deref(), Some("2986.17万元"));
        // `项目支出预算` is not the `支出预算` that holds it; `年初预算` not the 三公's.
        for t in [
            "支出预算5430.84万元。涉及预算金额780.30万元，占项目支出预算的100%。",
            "“三公”经费年初预算38.60万元。年中追加预算1,215.60万元，占年初预算的17.77%。",
            "三年累计下达资金12,480.00万元。当年实际支出3,402.55万元，占当年下达资金的88.15%。",
            "当年实际支出3,402.55万元，占当年下达资金的88.15%；2022年当年下达资金4,100.00万元。",
            "项目支出1594.91万元。一般公共预算项目资金1524.76万元，占一般公共预算项目支出的100%。",
        ] {
            let d = Document::read(t);
            let shares = extract(&d, &crate::claims::sum::extract(&d));
            assert!(
                matches!(shares[0].whole, Whole::Unresolved(_)),
                "{t}: {shares:?}"
            );
        }
    }

    #[test]
    fn a_whole_of_two_characters_is_not_a_qualified_amount() {
        // `全年支出` is no `上年结转资金支出`: unresolved rather than a false whole.
        let t = "项目支出698.37万元，其中上年结转资金支出52.50万元。四季度支付262.16万元，占全年支出的37.54%。";
        assert!(whole(t).contains("Unresolved"), "{}", whole(t));
        // It is `支出` or `总支出`.
        let t = "全年支出698.37万元。四季度支付262.16万元，占全年支出的37.54%。";
        assert_eq!(whole(t), "698.37万元");
    }
}
