//! Spending by functional classification (类/款/项): the lines
//! `科学技术（类）科学技术管理事务（款）行政运行（项）。年初预算为183.39万元，支出决算为150.63万元`
//! and the 类 totals stated elsewhere (`科学技术（类）支出 218.05万元`).
//!
//! One pass over the paragraphs and one over the figures: linear.

use std::collections::HashMap;

use super::label_key;
use super::sum::{Marker, SumClaim};
use super::BoundSum;
use crate::read::document::Document;

/// One `…（项）` line: its 类 and the figures it states.
#[derive(Debug, Clone)]
pub struct ItemLine {
    /// Normalised 类 name (`科学技术`), from the line or from the 类 heading above it.
    pub class: String,
    /// The line's amount: the outturn in final accounts, the budget in a budget.
    pub amount: Option<usize>,
    /// `年初预算为…` on the same line, in final accounts.
    pub budget: Option<usize>,
    /// Index of the run of consecutive item lines this line belongs to.
    pub run: usize,
    /// The 款 and 项 names as the line writes them, normalised by [`row_name`] (the 款 empty
    /// when the line names none): with the 类 they find the line's row in a table.
    pub kuan: String,
    pub xiang: String,
    /// The 类 name without the fund prefix of `class`.
    pub class_only: String,
    /// A classification code the line writes (`（2080505）`, `2080501行政单位离退休`).
    pub code: Option<u32>,
    /// The funds its section is about (`一般公共预算财政拨款支出决算具体情况`).
    pub scope: Option<super::facts::Scope>,
    /// Its section (or one around it) is about a part of spending (`基本支出`, `项目支出`,
    /// `人员经费`, a project's performance): its figures are not the item's whole.
    pub part_section: bool,
    /// The item is named inside a sentence about something else (`主要原因是：行政运行（项）中
    /// 的物业管理费…`), not by a line of its own.
    pub mention: bool,
    /// The line's text after `（项）` (normalised range), where its figures are.
    pub figures_at: std::ops::Range<usize>,
}

/// A 类, 款 or 项 name as a line or a table row writes it, for matching the two: no spaces,
/// quotes, numbering or trailing `支出`/`等`, brackets of either width alike.
pub fn row_name(raw: &str) -> String {
    let s: String = raw
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '“' | '”' | '"' | '‘' | '’'))
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            c => c,
        })
        .collect();
    let s = strip_numbering(&s);
    let s = s.trim_end_matches(['：', ':', '，', '。']);
    let s = s.strip_suffix("支出").unwrap_or(s);
    let s = s.strip_suffix('等').unwrap_or(s);
    s.to_string()
}

/// What the text says the whole run adds up to (`…年初预算为214.42万元，支出决算为870.52万元，
/// …其中：`).
#[derive(Debug, Clone, Default)]
pub struct RunTotals {
    pub amount: Option<usize>,
    pub budget: Option<usize>,
}

#[derive(Debug, Default)]
pub struct Classified {
    pub items: Vec<ItemLine>,
    pub runs: Vec<RunTotals>,
    /// 类 name → figures stating its total outside the item lines.
    pub class_totals: HashMap<String, Vec<usize>>,
    /// Each 类 total stated with the lines of its 类 (partial: the lines may not list them
    /// all), then each run's introducing totals with all the run's lines.
    pub sums: Vec<BoundSum>,
}

/// How many stated totals of one 类 are bound to its lines (see `sums`).
const MAX_TOTALS_PER_CLASS: usize = 16;

/// `社会保障和就业支出（类）` and `社会保障和就业（类）` name one 类; so do `资源勘探工业信息等`
/// and `资源勘探工业信息`.
pub fn class_name(raw: &str) -> String {
    let s: String = raw
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '“' | '”'))
        .collect();
    let s = strip_numbering(&s);
    let s = s.strip_suffix("支出").unwrap_or(s);
    let s = s.strip_suffix('等').unwrap_or(s);
    s.to_string()
}

/// Where the clause ending `s` starts: after its last `，；：。:`, or at 0.
fn clause_start(s: &str) -> usize {
    s.rfind(['，', '；', '：', '。', ':'])
        .map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8))
}

/// `（一）`, `1.`, `2、`, `（3）`, `十二、` before a name: its place in a list, not its name.
/// (A name may start with a numeral: `一般公共服务`.)
fn strip_numbering(s: &str) -> &str {
    let mut s = s.trim_start_matches(['：', ':', '，', '。', '；']);
    loop {
        let inner = s.strip_prefix('（').or_else(|| s.strip_prefix('('));
        let body = inner.unwrap_or(s);
        let n = body
            .char_indices()
            .find(|&(_, c)| !(c.is_ascii_digit() || is_cn_numeral(c)))
            .map_or(body.len(), |(i, _)| i);
        if n == 0 {
            // A classification code before the name (`201一般公共服务`) is no part of it.
            return s.trim_start_matches(|c: char| c.is_ascii_digit());
        }
        let rest = &body[n..];
        let after = if inner.is_some() {
            rest.strip_prefix('）').or_else(|| rest.strip_prefix(')'))
        } else {
            ['.', '．', '、', ' ']
                .iter()
                .find_map(|p| rest.strip_prefix(*p))
        };
        match after {
            Some(a) => s = a,
            None => return s.trim_start_matches(|c: char| c.is_ascii_digit()),
        }
    }
}

fn is_cn_numeral(c: char) -> bool {
    "一二三四五六七八九十".contains(c)
}

const CLASS: &str = "（类）";

/// The fund each paragraph's section is about, as a prefix of its 类 names: a 类 of the
/// government funds (`政府性基金…（类）交通运输`) and the general budget's 类 of the same name
/// are two totals. Set by headings and short title lines that name a fund.
fn fund_of_paragraphs(doc: &Document) -> Vec<&'static str> {
    let text = doc.text();
    let mut current = "";
    doc.paragraphs
        .iter()
        .map(|p| {
            let t = &text[p.range.clone()];
            // The first 40 characters, sliced rather than counted and copied.
            let cut = t.char_indices().nth(40).map(|(i, _)| i);
            if p.heading.is_some() || cut.is_none() {
                let head = &t[..cut.unwrap_or(t.len())];
                if head.contains("政府性基金") {
                    current = "政府性基金·";
                } else if head.contains("国有资本经营") {
                    current = "国有资本经营·";
                } else if head.contains("一般公共预算") || head.contains("公共财政") {
                    current = "";
                }
            }
            current
        })
        .collect()
}
const ITEM: &str = "（项）";

/// Headings about a part of an item's spending.
const PART_SECTIONS: &[&str] = &[
    "基本支出",
    "项目支出",
    "人员经费",
    "公用经费",
    "绩效",
    "三公",
    "机关运行",
];
const KUAN: &str = "（款）";

pub fn extract(doc: &Document) -> Classified {
    let text = doc.text();
    let mut out = Classified::default();
    let funds = fund_of_paragraphs(doc);
    let mut current_class: Option<String> = None;
    let mut in_run = false;
    let mut last_plain_para: Option<usize> = None;
    let sections = super::facts::SectionScope::new(doc);
    // Whether each scoping section's title is about a part of spending.
    let part_titles: Vec<bool> = doc
        .scopes
        .iter()
        .map(|s| {
            doc.paragraphs[s.paragraph]
                .heading
                .as_deref()
                .is_some_and(|h| {
                    PART_SECTIONS
                        .iter()
                        .any(|w| text[h.line.clone()].contains(w))
                })
        })
        .collect();
    // The paragraph that carries the figures of the item line before it.
    let mut continuation = None;
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        if continuation == Some(pi) {
            continue;
        }
        let t = &text[p.range.clone()];
        let Some(item_at) = t.find(ITEM) else {
            // A 类 heading (`（一）公共安全（类）`) sets the 类 of the lines below it.
            if let Some(c) = t.find(CLASS) {
                let before = &t[..c];
                let start = before
                    .rfind(['，', '；', '：', '。', '、'])
                    .map(|i| i + before[i..].chars().next().map_or(1, char::len_utf8))
                    .unwrap_or(0);
                if t[c + CLASS.len()..].trim().is_empty() || p.heading.is_some() {
                    current_class = Some(class_name(&before[start..]));
                } else if start == 0 {
                    // `公共安全支出（类）支出决算120.00万元，…`: a 类's own line; the 项 lines
                    // after it are that 类's. A line naming several 类 (a summary) leaves the
                    // 类 of the lines after it unknown.
                    current_class = (t.matches(CLASS).count() == 1).then(|| class_name(before));
                }
            }
            in_run = false;
            last_plain_para = Some(pi);
            continue;
        };
        if !in_run {
            in_run = true;
            out.runs
                .push(run_totals(doc, intro_range(doc, pi, last_plain_para)));
        }
        let class_at = t[..item_at].rfind(CLASS);
        let class = match class_at {
            // From the clause start: the line may follow its introduction (`…其中：科学技术（类）`).
            Some(c) => class_name(&t[clause_start(&t[..c])..c]),
            None => match &current_class {
                Some(c) => c.clone(),
                None => continue,
            },
        };
        let after = p.range.start + item_at + ITEM.len();
        // `1.节能环保（类）…（项）。` alone on its line, the figures on the next: that
        // paragraph is the line's when it opens with the item's stages (`年初预算为…`,
        // `支出决算…`), never one with names or a number of its own, nor an explanation
        // (`主要用于…购置120.00万元`) or a glossary's definition.
        let mut end = p.range.end;
        let bare = t[item_at + ITEM.len()..]
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, '。' | '：' | ':'))
            .is_empty();
        if let Some(next) = doc.paragraphs.get(pi + 1).filter(|n| {
            let nt = &text[n.range.clone()];
            let opening: String = nt.trim_start().chars().take(6).collect();
            bare && [
                "年初预算",
                "全年预算",
                "调整预算",
                "预算数",
                "支出决算",
                "决算数",
            ]
            .iter()
            .any(|w| opening.contains(w))
                && n.heading.is_none()
                && !n.is_table_cell
                && !nt.contains(ITEM)
                && !nt.contains(CLASS)
                && !nt.contains(KUAN)
        }) {
            end = next.range.end;
            continuation = Some(pi + 1);
        }
        let (mut amount, mut budget) = (None, None);
        let first = super::first_figure_at(doc, after);
        // The words since the figure before (or the 项 mark): a label stops at a colon, and
        // `年初预算：620万元；决算：612.4万元` names each stage before its own.
        let mut words_from = after;
        for (fi, f) in doc.figures[first..].iter().enumerate() {
            if f.q.start >= end {
                break;
            }
            let words = &text[words_from.min(f.q.start)..f.q.start];
            let words = words
                .rfind(['，', '；', '。', ','])
                .map_or(words, |k| &words[k..]);
            words_from = f.q.end;
            if !f.q.unit.is_money() || super::has_change_word(&f.label) {
                continue;
            }
            let is_budget = super::names_budget(words);
            let is_outturn = words.contains("决算") || words.contains("执行");
            if is_budget && !is_outturn && budget.is_none() {
                budget = Some(first + fi);
            } else if !is_budget && amount.is_none() {
                amount = Some(first + fi);
            }
        }
        // `…（类）农业农村（款）农业生产发展（项）`: the 款 between the 类 and its mark, the 项
        // after the 款 (or the 类, or the clause start).
        let names_from = class_at.map_or(0, |c| c + CLASS.len());
        let head = &t[names_from..item_at];
        let (kuan, xiang) = match head.rfind(KUAN) {
            Some(k) => (&head[..k], &head[k + KUAN.len()..]),
            None => ("", head),
        };
        let xiang = match class_at {
            None => &xiang[clause_start(xiang)..],
            Some(_) => xiang,
        };
        // Where the line's names start: after the clause before the 类, or before the 项.
        let names_start = match class_at {
            Some(c) => clause_start(&t[..c]),
            // (Without a 类, the names start with the 款 where there is one: `1.人大事务（款）…`.)
            None => match head.rfind(KUAN) {
                Some(k) => clause_start(&t[..names_from + k]),
                None => item_at - xiang.len(),
            },
        };
        // `主要原因是：行政运行（项）中的物业管理费…`, `…（项）中，中央补助资金…`: an item named in
        // a sentence about something else, not its line.
        let after_mark = &t[item_at + ITEM.len()..];
        let mention = !strip_numbering(t[..names_start].trim()).is_empty()
            || after_mark.starts_with(['中', '的', '下'])
            || after_mark.starts_with("列支");
        let clause_at = t[..item_at]
            .rfind(['。', '；'])
            .map_or(0, |i| i + '。'.len_utf8());
        let code = super::facts::code_in(&t[clause_at..item_at])
            .filter(|c| c.len() == 7)
            .and_then(|c| c.parse().ok());
        out.items.push(ItemLine {
            class: format!("{}{class}", funds[pi]),
            amount,
            budget,
            run: out.runs.len() - 1,
            kuan: row_name(kuan),
            xiang: row_name(xiang),
            class_only: class,
            code,
            scope: sections.scope(pi, ""),
            part_section: crate::read::segment::enclosing(&doc.scopes, pi).any(|i| part_titles[i]),
            mention,
            figures_at: after..end,
        });
    }
    class_totals(doc, &mut out, &funds);
    out.sums = sums(doc, &out);
    out
}

fn sums(doc: &Document, c: &Classified) -> Vec<BoundSum> {
    let mut out = Vec::new();
    // The lines grouped by 类 and by run in one pass: filtering every line again for each
    // 类 and for each run was quadratic in the length of the text.
    let mut by_class: HashMap<&str, Vec<usize>> = Default::default();
    let mut by_run: Vec<Vec<&ItemLine>> = vec![Vec::new(); c.runs.len()];
    for i in &c.items {
        if let Some(a) = i.amount {
            by_class.entry(i.class.as_str()).or_default().push(a);
        }
        if let Some(run) = by_run.get_mut(i.run) {
            run.push(i);
        }
    }
    // Each 类 total against its lines.
    for (class, totals) in &c.class_totals {
        let Some(parts) = by_class.get(class.as_str()) else {
            continue;
        };
        for (k, &total) in totals.iter().enumerate() {
            // A report states a 类's total a few times; each check lists every line of
            // the 类. Bounding the checks per 类 keeps this linear when many reports are
            // pasted together (otherwise totals × lines grows with the square of the text).
            if k >= MAX_TOTALS_PER_CLASS {
                out.push(BoundSum::TooMany(total));
                continue;
            }
            out.push(BoundSum::Check(SumClaim {
                total,
                parts: parts.clone(),
                marker: Marker::Partial,
                marker_at: doc.figures[total].q.start,
            }));
        }
    }
    // Each run's introducing totals against all its lines.
    for (run, totals) in c.runs.iter().enumerate() {
        let items = by_run[run].iter();
        let amounts: Option<Vec<usize>> = items.clone().map(|i| i.amount).collect();
        let budgets: Option<Vec<usize>> = items.map(|i| i.budget).collect();
        for (total, parts) in [(totals.amount, amounts), (totals.budget, budgets)] {
            let (Some(total), Some(parts)) = (total, parts) else {
                continue;
            };
            if parts.len() < 2 || !doc.figures[total].q.unit.is_money() {
                continue;
            }
            out.push(BoundSum::Check(SumClaim {
                total,
                parts,
                marker: Marker::Complete,
                marker_at: doc.figures[total].q.start,
            }));
        }
    }
    out
}

/// The text that introduces a run of item lines (`…年初预算为214.42万元，支出决算为870.52万元，
/// …其中：`): the paragraph before the first line, or the start of the first line's own
/// paragraph when the introduction was joined onto it.
fn intro_range(doc: &Document, pi: usize, prev: Option<usize>) -> Option<std::ops::Range<usize>> {
    let p = &doc.paragraphs[pi];
    let t = &doc.text()[p.range.clone()];
    let item = t.find(ITEM)?;
    if let Some(k) = t[..item].rfind("其中：") {
        return Some(p.range.start..p.range.start + k);
    }
    let prev = &doc.paragraphs[prev?];
    let pt = doc.text()[prev.range.clone()].trim_end();
    (pt.ends_with("其中：") || pt.ends_with("其中")).then(|| prev.range.clone())
}

/// The outturn and budget totals stated in an introduction.
fn run_totals(doc: &Document, intro: Option<std::ops::Range<usize>>) -> RunTotals {
    let Some(range) = intro else {
        return RunTotals::default();
    };
    let mut totals = RunTotals::default();
    let first = super::first_figure_at(doc, range.start);
    for (fi, f) in doc.figures[first..].iter().enumerate() {
        if f.q.start >= range.end {
            break;
        }
        if !f.q.unit.is_money() || super::has_change_word(&f.label) {
            continue;
        }
        let is_budget = budget_named_last(&f.label);
        if is_budget && totals.budget.is_none() {
            totals.budget = Some(first + fi);
        } else if !is_budget && totals.amount.is_none() {
            totals.amount = Some(first + fi);
        }
    }
    totals
}

/// Whether the stage word nearest the figure is the budget's: `…决算具体情况2023年度…支出年初
/// 预算为` (a heading run into the sentence) names the budget last. Fund names (`一般公共预算`)
/// are no stage.
fn budget_named_last(label: &str) -> bool {
    let mut l = label.to_string();
    for fund in ["一般公共预算", "基金预算", "经营预算"] {
        l = l.replace(fund, &"X".repeat(fund.len()));
    }
    let budget = l.rfind("预算");
    let outturn = ["决算", "执行"].iter().filter_map(|w| l.rfind(w)).max();
    match (budget, outturn) {
        (Some(b), Some(o)) => b > o,
        (Some(_), None) => true,
        _ => false,
    }
}

/// Figures outside item lines that state a 类's total: `科学技术（类）支出 218.05万元`, and
/// in a sentence that states such totals, `卫生健康支出20.04万元` for a 类 the lines name.
fn class_totals(doc: &Document, out: &mut Classified, funds: &[&str]) {
    let text = doc.text();
    let known: std::collections::HashSet<&str> =
        out.items.iter().map(|i| i.class.as_str()).collect();
    let mut sentence_has_class_total: Option<usize> = None;
    let mut found: Vec<(String, usize)> = Vec::new();
    // Whether a paragraph names a （项）, searched once per paragraph: searching the whole
    // paragraph again for each of its figures was quadratic (a 3 MB one-line text: 11 s).
    let mut item_para: Option<(usize, bool)> = None;
    for (fi, f) in doc.figures.iter().enumerate() {
        if !f.q.unit.is_money() || f.q.approx {
            continue;
        }
        let has_item = match item_para {
            Some((p, has)) if p == f.paragraph() => has,
            _ => {
                let has = text[doc.paragraphs[f.paragraph()].range.clone()].contains(ITEM);
                item_para = Some((f.paragraph(), has));
                has
            }
        };
        if has_item {
            continue;
        }
        let label = label_key(&f.label);
        // `科学技术（类）支出`: the 类 name, then nothing but 支出/决算/预算.
        if let Some((name, rest)) = label.split_once(CLASS) {
            let rest_ok = matches!(
                rest,
                "" | "支出" | "支出决算" | "决算" | "支出预算" | "预算"
            );
            let name = class_name(name);
            let name = if name.is_empty() {
                name
            } else {
                format!("{}{name}", funds[f.paragraph()])
            };
            if rest_ok && !name.is_empty() {
                found.push((name, fi));
                sentence_has_class_total = Some(f.sentence());
            }
            continue;
        }
        if sentence_has_class_total == Some(f.sentence()) {
            let name = format!("{}{}", funds[f.paragraph()], class_name(&label));
            if known.contains(name.as_str()) && label.ends_with("支出") {
                found.push((name, fi));
            }
        }
    }
    for (name, fi) in found {
        out.class_totals.entry(name).or_default().push(fi);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_names_normalise() {
        assert_eq!(class_name("社会保障和就业支出"), "社会保障和就业");
        assert_eq!(class_name(" 资源勘探工业信息等支出"), "资源勘探工业信息");
        assert_eq!(class_name("2.科学技术"), "科学技术");
        assert_eq!(class_name("（一）公共安全"), "公共安全");
        assert_eq!(class_name("1.一般公共服务支出"), "一般公共服务");
        assert_eq!(class_name("（一）201一般公共服务支出"), "一般公共服务");
        assert_eq!(
            row_name("（十二）2、 机关事业单位职业年金缴费支出"),
            "机关事业单位职业年金缴费"
        );
    }
}
