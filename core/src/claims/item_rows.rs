//! 类/款/项 lines bound to the table rows of the same classification: the line
//! `农林水支出（类）农业农村（款）农业生产发展（项）。……支出决算为714.91万元` and the row
//! `2130122  农业生产发展  741.91 …` of the tables printed with the report.
//!
//! A line names its 项 by the names of its 类, 款 and 项 (rarely by code); the tables name
//! their rows by code and name. The tables' own rows give the codes: the 类 row named like
//! the line's 类 (3 digits), under it the 款 row named like its 款 (5 digits), under that the
//! 项 row (7 digits). A name that gives two codes binds nothing.
//!
//! Linear: the rows are indexed once by (parent code, name), each line looks up three keys.

use std::collections::HashMap;

use super::classified::{row_name, Classified};
use super::facts::Scope;
use super::standard::StandardTables;
use crate::read::document::Document;
use crate::read::quantity::Unit;

/// A table row with a classification code: the figures `amounts` (into
/// `Document::figures`, bare amounts in column order, the empty columns left out) on its
/// line, in the standard table `table` when it lies in one.
#[derive(Debug, Clone)]
pub struct RowRef {
    pub amounts: std::ops::Range<usize>,
    pub table: Option<usize>,
}

/// One 项 line's figure and the rows of its 项 in the tables.
#[derive(Debug, Clone)]
pub struct ItemRow {
    /// The figure the line states for the 项: its outturn in final accounts, its budget in a
    /// budget (`Document::figures`).
    pub figure: usize,
    pub code: u32,
    /// The 项 name the line gives.
    pub name: String,
    /// Every table row with that code, in text order.
    pub rows: Vec<RowRef>,
    /// The line's section is about appropriations (一般公共预算 or all 财政拨款), so its
    /// figures are those of the general budget table's rows.
    pub fiscal: bool,
    /// Bound by the code or by all the names the line gives; otherwise found by the 类 and
    /// 项 names alone, good for verifying only.
    pub certain: bool,
}

/// How many rows of one code are kept.
const MAX_ROWS_PER_CODE: usize = 16;

/// Rows of a code, and codes of a (parent code, name): a 3-digit row's parent is 0, a
/// 5-digit row's its 3 digits, a 7-digit row's its 5 digits and also its 3 (for lines that
/// name no 款).
#[derive(Default)]
struct CodeIndex {
    rows: HashMap<u32, Vec<RowRef>>,
    codes: HashMap<(u32, String), Vec<u32>>,
    /// 类 codes with a 款 row in some table.
    with_kuan: std::collections::HashSet<u32>,
}

impl CodeIndex {
    fn add(&mut self, code: u32, digits: usize, name: String, at: RowRef) {
        let rows = self.rows.entry(code).or_default();
        // A code's row in each of a report's tables: a few. More is no report (and each
        // line bound to the code would copy them all).
        if rows.len() < MAX_ROWS_PER_CODE {
            rows.push(at);
        }
        if rows.len() > 1 {
            // The same row in another table: its name is already indexed.
            return;
        }
        if digits == 5 {
            self.with_kuan.insert(code / 100);
        }
        let parents: &[u32] = match digits {
            3 => &[0],
            5 => &[code / 100],
            _ => &[code / 100, code / 10_000],
        };
        for &p in parents {
            let codes = self.codes.entry((p, name.clone())).or_default();
            if !codes.contains(&code) && codes.len() < 2 {
                codes.push(code);
            }
        }
    }

    /// The one code of `name` under `parent`.
    fn code(&self, parent: u32, name: &str) -> Option<u32> {
        match self.codes.get(&(parent, name.to_string()))?.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }
}

pub fn extract(doc: &Document, classified: &Classified, standard: &StandardTables) -> Vec<ItemRow> {
    if classified.items.is_empty() {
        return Vec::new();
    }
    let mut index = CodeIndex::default();
    for (code, name, amounts) in code_rows(doc) {
        let start = doc.figure_span(&doc.figures[amounts.start]).start;
        let table = table_at(standard, start);
        let digits = code.to_string().len();
        index.add(code, digits, name, RowRef { amounts, table });
    }
    if index.rows.is_empty() {
        return Vec::new();
    }
    let final_accounts = doc.info().kind == crate::report::ReportKind::FinalAccounts;
    let year = doc.info().year.map(i32::from);
    // How many lines name each (类, 项).
    let mut named: HashMap<(&str, &str), usize> = HashMap::new();
    for item in &classified.items {
        *named.entry((&item.class_only, &item.xiang)).or_default() += 1;
    }
    let mut out = Vec::new();
    for item in classified.items.iter().filter(|i| !i.mention) {
        let Some(figure) = item_figure(doc, item, final_accounts, year) else {
            continue;
        };
        // By the names: 类, then 款, then 项. When the tables list no 款 row of that name, the
        // 项 is looked for under the 类 alone, and the binding is not certain: another 款 of
        // the 类 may have a 项 of that name the tables leave out.
        let class = index.code(0, &row_name(&item.class_only));
        let by_kuan = class.and_then(|class| {
            let parent = if item.kuan.is_empty() {
                class
            } else {
                index.code(class, &item.kuan)?
            };
            index.code(parent, &item.xiang)
        });
        let (code, certain) = match (item.code, by_kuan) {
            (Some(code), _) => (Some(code), true),
            (None, Some(code)) => (Some(code), true),
            // Certain still when the tables print no 款 rows for the 类 at all and no other
            // line names a 项 of that name in the 类.
            (None, None) => match class.and_then(|c| Some((c, index.code(c, &item.xiang)?))) {
                Some((class, code)) => (
                    Some(code),
                    !index.with_kuan.contains(&class)
                        && named[&(item.class_only.as_str(), item.xiang.as_str())] == 1,
                ),
                None => (None, false),
            },
        };
        let Some(code) = code.filter(|c| (1_000_000..10_000_000).contains(c)) else {
            continue;
        };
        let Some(rows) = index.rows.get(&code) else {
            continue;
        };
        out.push(ItemRow {
            figure,
            code,
            name: item.xiang.clone(),
            rows: rows.clone(),
            fiscal: matches!(item.scope, Some(Scope::GeneralFiscal | Scope::Fiscal))
                && !item.part_section,
            certain,
        });
    }
    out
}

/// Labels of a line's figures that are not the item's amount of the year: a part of it, an
/// addition during the year, a carry-over, a rate per head, what is included.
const NOT_THE_AMOUNT: &[&str] = &[
    "追加",
    "调增",
    "调减",
    "新增",
    "结转",
    "结余",
    "到位",
    "人员经费",
    "公用经费",
    "项目",
    "人均",
    "每",
    "标准",
    "其中",
    "资金",
    "调整",
    "列支",
    "含",
    "累计",
    "拨付",
    "下达",
];

/// The figure a 项 line states for its 项 this year: in a final account its outturn
/// (`支出决算为…`), in a budget its budget (`2025年预算数为…`); or the one amount the line
/// gives without naming a stage (`（项）120.00万元，主要用于…`). Never last year's or another
/// year's figure, a comparison's base, a change, a part or an addition; when two figures
/// qualify, none.
fn item_figure(
    doc: &Document,
    item: &super::classified::ItemLine,
    final_accounts: bool,
    year: Option<i32>,
) -> Option<usize> {
    let text = doc.text();
    let from = item.figures_at.start;
    // The line ends at the next 项 of a paragraph that holds several.
    let end = text[from..item.figures_at.end]
        .find("（项）")
        .map_or(item.figures_at.end, |i| from + i);
    let first = crate::read::document::first_figure_at(doc, from);
    let (mut staged, mut plain) = (Vec::new(), Vec::new());
    for (i, f) in doc
        .figures
        .iter()
        .enumerate()
        .skip(first)
        .take(super::WINDOW)
    {
        if f.q.start >= end {
            break;
        }
        let label = &f.label;
        let other_year = super::facts::years_in(label).any(|y| Some(y) != year);
        if !f.q.unit.is_money()
            || f.q.approx
            || f.paren_depth > 0
            || text[f.q.end..].starts_with(['/', '／'])
            || super::has_change_word(label)
            || label.contains(['比', '较'])
            || super::names_last_year(label)
            || other_year
            || NOT_THE_AMOUNT.iter().any(|w| label.contains(w))
        {
            continue;
        }
        let outturn = ["决算", "执行", "实际支出"]
            .iter()
            .any(|w| label.contains(w));
        let budget = super::names_budget(label) && !outturn;
        if final_accounts && outturn || !final_accounts && budget {
            staged.push(i);
        } else if !outturn && !budget {
            plain.push(i);
        }
    }
    match (staged.as_slice(), plain.as_slice()) {
        ([one], _) => Some(*one),
        ([], [one]) => Some(*one),
        _ => None,
    }
}

/// Lines that are table rows of a functional classification: a code of 3, 5 or 7 digits
/// starting with 2, a name, then bare amounts only. Laid out or pasted with tabs, a row is a
/// line (`2140101行政运行2356.18 2356.18`, normalised: the gaps closed, the tabs kept), and a
/// name wrapped onto the next line (`…缴费支` / `出`) is joined; copied from a PDF viewer, a
/// row is a line per cell: the code, the name, each amount.
pub fn code_rows(doc: &Document) -> Vec<(u32, String, std::ops::Range<usize>)> {
    let text = doc.text();
    let mut lines = Vec::new();
    let mut at = 0;
    // (Blank lines left out: a viewer's copy may put one between every two cells.)
    for line in text.split('\n') {
        if !line.trim().is_empty() {
            lines.push((at, line));
        }
        at += line.len() + 1;
    }
    // The figures from `from` to the end of normalised offset `end`, when all are bare.
    let figures_in = |from: usize, end: usize| {
        let first = doc.figures.partition_point(|f| f.q.start < from);
        let last = first + doc.figures[first..].partition_point(|f| f.q.start < end);
        let bare = doc.figures[first..last]
            .iter()
            .all(|f| f.q.unit == Unit::None);
        (first..last, bare)
    };
    let is_words = |s: &str| !s.is_empty() && !s.bytes().any(|b| b.is_ascii_digit());
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let (start, line) = lines[i];
        i += 1;
        let trimmed = line.trim_start();
        let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
        if !matches!(digits, 3 | 5 | 7) || !trimmed.starts_with('2') {
            continue;
        }
        let Ok(code) = trimmed[..digits].parse() else {
            continue;
        };
        let code_end = start + (line.len() - trimmed.len()) + digits;
        let (name, amounts) = if trimmed[digits..].trim().is_empty() {
            // One cell per line: the name, then one amount per line.
            let Some(&(_, name)) = lines.get(i).filter(|(_, l)| is_words(l.trim())) else {
                continue;
            };
            let mut amounts: Option<std::ops::Range<usize>> = None;
            let mut j = i + 1;
            while let Some(&(s, l)) = lines.get(j) {
                // The next row's code (`210`, then its name) is no amount.
                let t = l.trim();
                let next_code = matches!(t.len(), 3 | 5 | 7)
                    && t.starts_with('2')
                    && t.bytes().all(|b| b.is_ascii_digit())
                    && lines.get(j + 1).is_some_and(|(_, n)| is_words(n.trim()));
                if next_code {
                    break;
                }
                let (figs, bare) = figures_in(s, s + l.len());
                let whole = figs.len() == 1 && {
                    let f = &doc.figures[figs.start];
                    text[s..s + l.len()].trim() == &text[f.q.start..f.q.end]
                };
                if !bare || !whole {
                    break;
                }
                amounts = Some(amounts.map_or(figs.clone(), |a| a.start..figs.end));
                j += 1;
                if amounts
                    .as_ref()
                    .is_some_and(|a| a.len() >= crate::read::grid::MAX_COLUMNS)
                {
                    break;
                }
            }
            let Some(amounts) = amounts else { continue };
            i = j;
            (name.to_string(), amounts)
        } else {
            let (amounts, bare) = figures_in(code_end, start + line.len());
            if amounts.is_empty() || !bare || amounts.len() > crate::read::grid::MAX_COLUMNS {
                continue;
            }
            let mut name = text[code_end..doc.figures[amounts.start].q.start].to_string();
            if !is_words(name.trim()) {
                continue;
            }
            if let Some(&(_, next)) = lines.get(i) {
                let next = next.trim();
                if is_words(next) && next.chars().count() <= 8 {
                    name.push_str(next);
                }
            }
            (name, amounts)
        };
        let name = row_name(&name);
        if !name.is_empty() {
            out.push((code, name, amounts));
        }
    }
    out
}

/// The standard table whose title and rows hold the original offset `at`.
fn table_at(standard: &StandardTables, at: usize) -> Option<usize> {
    let t = standard.tables.partition_point(|t| t.title.start <= at);
    let t = t.checked_sub(1)?;
    (at < standard.tables[t].end).then_some(t)
}
