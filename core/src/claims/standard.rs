//! The standard tables of a 部门预算 / 部门决算 as known structures: which table a row stands
//! in (收支总表, 财政拨款收支总表, 支出总表), and the rows whose meaning is fixed by the
//! template: the income rows by fund (财政拨款, 一般公共预算, 政府性基金预算, 国有资本经营预算)
//! and the spending rows by functional class (一般公共服务支出 … 其他支出). Two tables that
//! both state such a row state one quantity, so `cross-table` compares them.
//!
//! A table starts at its title line (`表4：2026年部门财政拨款收支预算总表`) and runs over page
//! breaks until the next title or a line of prose. In a table, a row label is a cell (text
//! between runs of spaces or tabs), and its amount is the cell right after it on the same
//! line: the first column of a two-sided summary table's side, or the 合计 of a spending
//! table. Only the first row of each meaning counts in a table: later ones are carry-over
//! rows (`年初结转和结余` / `一般公共预算`) or a 款 named like its 类 (`其他支出`).
//! A row whose cells wrap onto the lines around it (a line of digits alone next to it) is
//! read as unknown: its amount may be another column's.
//!
//! Linear: one pass over the lines, each figure looked at once.

use std::ops::Range;

use crate::claims::funds_split::FundsSplit;
use crate::claims::score_columns::ScoreColumns;
use crate::read::document::Document;
use crate::read::quantity::{Money, Unit};

/// Which standard table a region of the text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TableKind {
    /// 收支总表 / 收入支出决算总表: all income by source, all spending by class.
    Overview,
    /// 财政拨款收支总表 / 财政拨款收入支出决算总表.
    FiscalOverview,
    /// 支出总表 / 支出决算表: all spending by class, 合计 first.
    Spending,
    /// 一般公共预算（财政拨款）支出表 by functional class, 合计 first.
    GeneralSpending,
    /// 项目（支出）绩效自评表: one project's funds, execution rate and score.
    Evaluation,
    /// Any other table: it only ends the one before.
    Other,
}

impl TableKind {
    pub fn name_zh(self) -> &'static str {
        match self {
            TableKind::Overview => "收支总表",
            TableKind::FiscalOverview => "财政拨款收支总表",
            TableKind::Spending => "支出总表",
            TableKind::GeneralSpending => "一般公共预算支出表",
            TableKind::Evaluation => "绩效自评表",
            TableKind::Other => "表",
        }
    }
    pub fn name_en(self) -> &'static str {
        match self {
            TableKind::Overview => "the income and spending summary table",
            TableKind::FiscalOverview => "the fiscal appropriations summary table",
            TableKind::Spending => "the spending summary table",
            TableKind::GeneralSpending => "the general budget spending table",
            TableKind::Evaluation => "the performance self-evaluation table",
            TableKind::Other => "a table",
        }
    }
}

/// `表4：2026年市级部门财政拨款收支预算总表` → FiscalOverview.
pub fn table_kind(title: &str) -> TableKind {
    let t: String = title.chars().filter(|c| !c.is_whitespace()).collect();
    let has = |w: &str| t.contains(w);
    if t.ends_with("绩效自评表") {
        return TableKind::Evaluation;
    }
    if has("财政拨款收支") || has("财政拨款收入支出") {
        if has("总表") {
            return TableKind::FiscalOverview;
        }
        return TableKind::Other;
    }
    if (has("收支") || has("收入支出")) && has("总表") {
        return TableKind::Overview;
    }
    if has("一般公共预算")
        && has("支出")
        && ![
            "基本",
            "三公",
            "经济分类",
            "政府性基金",
            "项目",
            "机关运行",
            "收入",
        ]
        .iter()
        .any(|w| has(w))
    {
        return TableKind::GeneralSpending;
    }
    let narrowed = [
        "一般公共预算",
        "政府性基金",
        "国有资本",
        "财政拨款",
        "基本支出",
        "项目支出",
        "三公",
        "经济分类",
        "采购",
        "收入",
        "绩效",
        "专户",
        "明细",
    ];
    if has("支出") && (has("总表") || has("支出决算表")) && !narrowed.iter().any(|w| has(w))
    {
        return TableKind::Spending;
    }
    TableKind::Other
}

/// The fund an income row names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Fund {
    /// 财政拨款 as a whole.
    Fiscal,
    General,
    GovernmentFund,
    StateCapital,
}

impl Fund {
    pub fn name_zh(self) -> &'static str {
        match self {
            Fund::Fiscal => "财政拨款收入",
            Fund::General => "一般公共预算财政拨款收入",
            Fund::GovernmentFund => "政府性基金预算财政拨款收入",
            Fund::StateCapital => "国有资本经营预算财政拨款收入",
        }
    }
}

/// What a row of a standard table means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RowKey {
    Income(Fund),
    /// Index into [`CLASSES`].
    Class(usize),
    /// The 合计 row of a spending table.
    Total,
    /// `本年支出合计` / `支出总计` of a two-sided summary table.
    SpendingTotal,
}

impl RowKey {
    pub fn name_zh(self) -> &'static str {
        match self {
            RowKey::Income(f) => f.name_zh(),
            RowKey::Class(c) => CLASSES[c],
            RowKey::Total => "合计",
            RowKey::SpendingTotal => "本年支出合计",
        }
    }
}

/// The 类 of the functional classification of spending (政府收支分类科目), with the names
/// of earlier years.
pub const CLASSES: &[&str] = &[
    "一般公共服务支出",
    "外交支出",
    "国防支出",
    "公共安全支出",
    "教育支出",
    "科学技术支出",
    "文化旅游体育与传媒支出",
    "文化体育与传媒支出",
    "社会保障和就业支出",
    "社会保险基金支出",
    "卫生健康支出",
    "医疗卫生与计划生育支出",
    "节能环保支出",
    "城乡社区支出",
    "农林水支出",
    "交通运输支出",
    "资源勘探工业信息等支出",
    "资源勘探信息等支出",
    "商业服务业等支出",
    "金融支出",
    "援助其他地区支出",
    "自然资源海洋气象等支出",
    "国土海洋气象等支出",
    "住房保障支出",
    "粮油物资储备支出",
    "国有资本经营预算支出",
    "灾害防治及应急管理支出",
    "预备费",
    "其他支出",
    "债务还本支出",
    "债务付息支出",
    "债务发行费用支出",
    "抗疫特别国债安排的支出",
];

/// `一、一般公共预算拨款收入` → General; `政府性基金预算` → GovernmentFund; `财政拨款` → Fiscal.
fn income_key(label: &str) -> Option<Fund> {
    const SUFFIXES: &[&str] = &[
        "",
        "拨款",
        "拨款收入",
        "收入",
        "资金",
        "财政拨款",
        "财政拨款收入",
        "财政拨款资金",
    ];
    let stems: &[(&str, Fund)] = &[
        ("一般公共预算", Fund::General),
        ("政府性基金预算", Fund::GovernmentFund),
        ("政府性基金", Fund::GovernmentFund),
        ("国有资本经营预算", Fund::StateCapital),
    ];
    for &(stem, fund) in stems {
        if let Some(rest) = label.strip_prefix(stem) {
            if SUFFIXES.contains(&rest) {
                return Some(fund);
            }
        }
    }
    matches!(label, "财政拨款" | "财政拨款收入" | "财政拨款资金").then_some(Fund::Fiscal)
}

/// `十一、` / `（一）` / `1.` / `1、` before a row label (`一般公共预算` keeps its `一`).
fn strip_ordinal(s: &str) -> &str {
    let inner = s.trim_start_matches(['（', '(']);
    let t = inner
        .trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
    if t.len() == inner.len() {
        return s;
    }
    match t.strip_prefix(['、', '.', '．', '）', ')']) {
        Some(rest) => rest,
        None => s,
    }
}

fn row_key(cell: &str, kind: TableKind) -> Option<RowKey> {
    let label = strip_ordinal(cell);
    if label == "合计" && matches!(kind, TableKind::Spending | TableKind::GeneralSpending) {
        return Some(RowKey::Total);
    }
    if matches!(label, "本年支出合计" | "支出合计" | "支出总计")
        && matches!(kind, TableKind::Overview | TableKind::FiscalOverview)
    {
        return Some(RowKey::SpendingTotal);
    }
    if let Some(f) = income_key(label) {
        return Some(RowKey::Income(f));
    }
    CLASSES.iter().position(|c| *c == label).map(RowKey::Class)
}

/// A standard table found in the text.
#[derive(Debug, Clone)]
pub struct StandardTable {
    pub kind: TableKind,
    /// The title line, in the original text's offsets.
    pub title: Range<usize>,
    /// Where its last line ends (original offsets): a self-evaluation table ends at its
    /// `总分` row, another at the prose after it; either at the next title.
    pub end: usize,
    /// The unit its amounts are in (`单位：万元`), when its header says.
    pub unit: Option<Unit>,
    /// Its header names another year than the report's, or `上年`, or a budget column before
    /// the outturn: the first amount of a row may be last year's (`2025年执行数 | 2026年预算数`)
    /// or the budget (`年初预算数 | 决算数`), so no row is read.
    pub other_years: bool,
    /// A self-evaluation table's rows of known meaning.
    pub evaluation: Option<Evaluation>,
}

/// What a 项目绩效自评表 states about its project (figure indices).
#[derive(Debug, Clone, Default)]
pub struct Evaluation {
    /// The project's name, from the title (`信息化运行维护`).
    pub project: String,
    /// The table's `项目名称` cell (`2022年病媒生物防制`), when it is one cell.
    pub name: Option<String>,
    /// The `项目名称` label stood alone on its line: a viewer's copy puts the cell on the next
    /// line with text.
    name_follows: bool,
    /// `年度资金总额` row: 全年预算数, 全年执行数, 执行率 (the columns `年初预算数 | 全年预算数
    /// | 全年执行数 | 分值 | 执行率 | 得分`).
    pub funds: Option<FundsRow>,
    /// `总分 100 90.5`: the score.
    pub score: Option<usize>,
    /// `总分 90 93`: the full marks and the score, whatever the full marks.
    pub marks: Option<(usize, usize)>,
    /// The `年度资金总额` row's amounts and the rows that make them up.
    pub split: Option<FundsSplit>,
    /// The `年度资金总额` row's 分值 and 得分 (the 预算执行率's score).
    pub funds_marks: Option<(usize, usize)>,
    /// The indicator rows' 分值 and 得分.
    pub scores: ScoreColumns,
    /// The unit its amounts are in, when it names one (`项目资金（元）`, `单位：元`) on or
    /// before its funds rows.
    pub unit: Option<Money>,
    /// A header row named 得分 before 分值 (`指标 | 得分 | 分值`): the `总分` row's figures are
    /// the score, then the full marks.
    score_first: bool,
}

#[derive(Debug, Clone, Copy)]
pub struct FundsRow {
    pub budget: usize,
    pub spent: usize,
    /// `None` where the rate's cell cannot be read apart from the 分值's.
    pub rate: Option<usize>,
}

impl Evaluation {
    /// The project's name to show: the `项目名称` cell's, else the title's (which may name
    /// only the unit, `某市体育局项目支出绩效自评表`).
    pub fn label(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.project)
    }
}

/// `西安市级方舱式X射线…诊断系统项目绩效自评表` → `方舱式X射线…诊断系统`: the name a
/// narrative gives the project.
pub fn project_name(title: &str) -> String {
    let t: String = title.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.strip_suffix("绩效自评表").unwrap_or(&t);
    let t = t.strip_suffix("支出").unwrap_or(t);
    let t = t.strip_suffix("项目").unwrap_or(t);
    t.to_string()
}

/// The names a self-evaluation table is known by, with what every table of a set repeats
/// taken off: the issuer's level and the year (`西安市级2022年疾控新址实验设备采购项目绩效自评表`
/// → `疾控新址实验设备采购`), from the title and from its `项目名称` cell.
pub fn project_cores(e: &Evaluation) -> Vec<String> {
    let mut cores: Vec<String> = Vec::new();
    for name in std::iter::once(e.project.as_str()).chain(e.name.as_deref()) {
        let core = strip_issuer(&project_name(name));
        if core.chars().count() >= 2 && !cores.contains(&core) {
            cores.push(core);
        }
    }
    cores
}

/// `西安市级2022年X` → `X`; `2022年度X` → `X`.
fn strip_issuer(name: &str) -> String {
    let mut t = name;
    // `西安市级`, `省级`, `区级`: a level ends within the first few characters.
    if let Some((i, _)) = t.char_indices().take(8).find(|&(i, c)| {
        c == '级' && i > 0 && t[..i].ends_with(['市', '省', '区', '县', '州', '旗'])
    }) {
        t = &t[i + '级'.len_utf8()..];
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 4 {
        let rest = &t[4..];
        t = rest
            .strip_prefix("年度")
            .or_else(|| rest.strip_prefix('年'))
            .unwrap_or(t);
    }
    let t = t.strip_suffix("项目").unwrap_or(t);
    t.to_string()
}

/// A row of known meaning in a standard table.
#[derive(Debug, Clone)]
pub struct KeyedRow {
    /// Index into [`StandardTables::tables`].
    pub table: usize,
    pub key: RowKey,
    /// The label cell, in the original text's offsets.
    pub label: Range<usize>,
    /// Its amount: a figure index, or `None` when the cell is empty or cannot be read.
    pub amount: Option<usize>,
    /// Why the amount cannot be trusted, when it cannot.
    pub unreadable: bool,
}

/// How many kinds of table there are.
const KINDS: usize = TableKind::Other as usize + 1;

#[derive(Debug, Default)]
pub struct StandardTables {
    pub tables: Vec<StandardTable>,
    /// In table order: the rows of one table are consecutive.
    pub rows: Vec<KeyedRow>,
    /// `rows[spans[t]]` are table `t`'s rows.
    spans: Vec<Range<usize>>,
    /// The tables of each kind that have rows, in order, indexed by `TableKind as usize`.
    by_kind: [Vec<usize>; KINDS],
}

impl StandardTables {
    /// Indexes the rows by table and the tables by kind, once, so that looking a row up
    /// costs the same however many tables the text has.
    fn index(mut self) -> Self {
        self.spans = vec![0..0; self.tables.len()];
        let mut start = 0;
        for i in 0..=self.rows.len() {
            let end_of_table = i == self.rows.len() || self.rows[i].table != self.rows[start].table;
            if end_of_table && start < i {
                let t = self.rows[start].table;
                self.spans[t] = start..i;
                self.by_kind[self.tables[t].kind as usize].push(t);
                start = i;
            }
        }
        self
    }

    /// The rows of table `t`.
    pub fn rows_of(&self, t: usize) -> &[KeyedRow] {
        self.spans.get(t).map_or(&[], |r| &self.rows[r.clone()])
    }

    /// The tables of one kind that have rows of known meaning (a contents line has none).
    pub fn of_kind(&self, kind: TableKind) -> &[usize] {
        &self.by_kind[kind as usize]
    }

    /// The row of meaning `key` in the one table of `kind`, readable and with an amount;
    /// `None` when the report has no such table, several (which one is meant is open), or
    /// the row cannot be read.
    pub fn row(&self, kind: TableKind, key: RowKey) -> Option<(&StandardTable, &KeyedRow)> {
        let &[t] = self.of_kind(kind) else {
            return None;
        };
        let row = self.rows_of(t).iter().find(|r| r.key == key)?;
        (!row.unreadable && row.amount.is_some() && !self.tables[t].other_years)
            .then(|| (&self.tables[t], row))
    }
}

/// `科学技术` → the 类 `科学技术支出`; `城乡社区（类）` too.
pub fn class_of(stem: &str) -> Option<usize> {
    let stem = stem.trim_end_matches("（类）").trim_end_matches("支出");
    CLASSES
        .iter()
        .position(|c| c.strip_suffix("支出").unwrap_or(c) == stem || *c == stem)
}

/// Lines longer than this are prose (or junk), never a table title.
const MAX_TITLE_CHARS: usize = 60;

struct Line<'t> {
    range: Range<usize>,
    body: &'t str,
    /// Figures on the line: `first..end` into `doc.figures`.
    figures: Range<usize>,
}

pub fn extract(doc: &Document) -> StandardTables {
    // The original text: normalising closes the gaps between a label and its amount.
    let text = doc.original;
    // (In 32 bits, as a 16 MB text's offsets fit: one per figure, a text of figures has
    // many.)
    let starts: Vec<u32> = doc
        .figures
        .iter()
        .map(|f| doc.figure_span(f).start as u32)
        .collect();
    let mut lines = Vec::new();
    let mut at = 0;
    let mut fi = 0;
    for body in text.split('\n') {
        let range = at..at + body.len();
        at = range.end + 1;
        while fi < starts.len() && (starts[fi] as usize) < range.start {
            fi += 1;
        }
        let first = fi;
        while fi < starts.len() && (starts[fi] as usize) < range.end {
            fi += 1;
        }
        lines.push(Line {
            range,
            body,
            figures: first..fi,
        });
    }
    let year = doc.info().year;
    let mut out = StandardTables::default();
    // The table the current line belongs to, and the keys already seen in it.
    let mut current: Option<usize> = None;
    let mut seen: Vec<RowKey> = Vec::new();
    let mut row_numbers = false;
    // Where the first 类 row of a table starts its line: 款 rows are indented further.
    let mut class_indent: Option<usize> = None;
    for (i, line) in lines.iter().enumerate() {
        if line.body.contains('\x0c') {
            // Each page lays its columns out afresh.
            class_indent = None;
        }
        let trimmed = line
            .body
            .trim_matches(|c: char| c.is_whitespace() || c == '\x0c');
        // `表1：2026年…总表`: the table's number and a year are the only figures a title has.
        // (`支出总表（预算表 3）`: the number in brackets too.)
        let suffix = crate::read::grid::numbered_suffix(trimmed).map(|n| {
            line.range.start + (trimmed.as_ptr() as usize - line.body.as_ptr() as usize) + n
        });
        let dates_only = line.figures.clone().all(|f| {
            let at = starts[f] as usize;
            let before = text[line.range.start..at]
                .trim_start()
                .trim_end_matches('\x0c');
            // `表3`, and `公开05表`, `附表3` at the line's start.
            let numbers_table = before == "表"
                || before.chars().count() <= 4
                    && text[doc.figure_span(&doc.figures[f]).end..].starts_with('表');
            doc.figures[f].q.unit == Unit::Date || numbers_table || suffix.is_some_and(|s| at > s)
        });
        // `表04` alone in a page's corner marks the page, not a new table.
        let bare_number = trimmed
            .strip_prefix('表')
            .is_some_and(|n| n.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
            // `公开05表`, `附表3` alone: the same mark.
            || trimmed.chars().count() <= 8
                && trimmed
                    .trim_end_matches('表')
                    .trim_end_matches(|c: char| c.is_ascii_digit())
                    .trim_start_matches(|c: char| c.is_ascii_digit())
                    .chars()
                    .all(|c| matches!(c, '公' | '开' | '附' | '表' | '部' | '门'));
        if dates_only
            && !bare_number
            && trimmed.chars().count() <= MAX_TITLE_CHARS
            && crate::read::grid::is_table_title(trimmed)
        {
            // A table over several pages repeats its title on each: the same table goes on.
            let name = |t: &str| -> String { t.chars().filter(|c| !c.is_whitespace()).collect() };
            let same = out
                .tables
                .last()
                .is_some_and(|last| name(&text[last.title.clone()]) == name(trimmed));
            if !same {
                out.tables.push(StandardTable {
                    kind: table_kind(trimmed),
                    title: line.range.clone(),
                    end: line.range.end,
                    unit: None,
                    other_years: false,
                    evaluation: (table_kind(trimmed) == TableKind::Evaluation).then(|| {
                        Evaluation {
                            project: project_name(trimmed),
                            ..Evaluation::default()
                        }
                    }),
                });
                seen.clear();
                row_numbers = false;
                class_indent = None;
            }
            current = Some(out.tables.len() - 1);
            continue;
        }
        let Some(t) = current else { continue };
        if let Some(e) = out.tables[t].evaluation.as_mut() {
            // A self-evaluation table holds sentences in its cells: only its `总分` row or a
            // title ends it.
            read_evaluation_line(doc, line, e);
            out.tables[t].end = line.range.end;
            if trimmed.starts_with("总分") {
                current = None;
            }
            continue;
        }
        if is_prose(trimmed) {
            current = None;
            continue;
        }
        out.tables[t].end = line.range.end;
        if out.tables[t].unit.is_none() {
            out.tables[t].unit = header_unit(trimmed);
        }
        row_numbers |= trimmed.contains("行次");
        if out.rows.last().is_none_or(|r| r.table != t)
            && (names_other_year(trimmed, year) || names_budget_first(trimmed))
        {
            out.tables[t].other_years = true;
        }
        if out.tables[t].kind == TableKind::Other {
            continue;
        }
        let wrap = wrap_of(&lines, i);
        let cells: Vec<(&str, usize)> = cells(line.body).collect();
        let mut c = 0;
        while c < cells.len() {
            let (name, last) = spaced_label(&cells, c);
            let (first, offset) = (c, cells[c].1);
            c = last + 1;
            let Some(key) = row_key(&name, out.tables[t].kind) else {
                continue;
            };
            if seen.contains(&key) {
                continue;
            }
            if matches!(key, RowKey::Class(_)) {
                // A 款 named like a 类 (`21999 其他支出` under 援助其他地区支出): its code is
                // longer than a 类's three digits, or it is indented under the 类 rows.
                let code = first
                    .checked_sub(1)
                    .map(|p| cells[p].0)
                    .filter(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
                if code.is_some_and(|code| code.len() > 3) {
                    continue;
                }
                if first == 0 {
                    let indent = offset;
                    match class_indent {
                        Some(i) if indent > i => continue,
                        None => class_indent = Some(indent),
                        _ => {}
                    }
                }
            }
            let amount = amount_after(doc, line, &cells[last + 1..], row_numbers);
            // A cell that wraps spills its digits above and below the row: the amount read is
            // whole when every spill lies right of it (`165,602.60 … 10,190.89` under
            // `114,185.1`) or left of its label (a 行次 column's numbers); a spill over it or
            // between (the wrapped cell was this column, and the amount read the next one's)
            // leaves the row unread.
            // Digits right over or under the amount's own characters continue it, whichever
            // row the layout gave them to (`1` / `54,` / `304` / `.22`: one cell over four lines).
            let wrapped = match (&wrap, amount) {
                (Wrap::Name, _) => true,
                (Wrap::Cells { own, near }, Some(Some(f))) => {
                    let span = doc.figure_span(&doc.figures[f]);
                    let to = text[line.range.start..span.end].chars().count();
                    let from = to - text[span.start..span.end].chars().count();
                    let label_at = line.body[..offset].chars().count();
                    own.iter().any(|s| s.start <= to + 1 && s.end > label_at)
                        || near.iter().any(|s| s.start <= to && from <= s.end)
                }
                (Wrap::Cells { own, .. }, _) => !own.is_empty(),
            };
            // `合计` in a header names a column; only a total with its amount is the row.
            if matches!(key, RowKey::Total | RowKey::SpendingTotal)
                && amount.is_none_or(|a| a.is_none())
            {
                continue;
            }
            seen.push(key);
            let start = line.range.start + offset;
            let label = start..line.range.start + cells[last].1 + cells[last].0.len();
            out.rows.push(KeyedRow {
                table: t,
                key,
                label,
                amount: amount.flatten(),
                unreadable: wrapped || amount.is_none(),
            });
        }
    }
    out.index()
}

/// The `年度资金总额` and `总分` rows of a self-evaluation table.
fn read_evaluation_line(doc: &Document, line: &Line, e: &mut Evaluation) {
    let mut joined: Vec<(&str, usize)> = Vec::new();
    for (c, at) in cells(line.body) {
        // `95.49 %`: a sign set apart from its number is still its cell.
        if let (true, Some(last)) = (matches!(c, "%" | "％"), joined.last_mut()) {
            if line.body[last.1 + last.0.len()..at].chars().count() <= 1 {
                last.0 = &line.body[last.1..at + c.len()];
                continue;
            }
        }
        joined.push((c, at));
    }
    let cells = joined;
    let header_at = |w: &str| cells.iter().position(|(c, _)| c.trim() == w);
    if let (Some(score), Some(full)) = (header_at("得分"), header_at("分值")) {
        e.score_first = score < full;
    }
    if e.unit.is_none() && e.split.as_ref().is_none_or(|s| s.reading()) {
        e.unit = crate::read::table::unit_named(line.body)
            .or_else(|| (line.body.contains("(元)")).then_some(Money::Yuan));
    }
    let amount = |at: usize, c: &str| {
        figure_at(doc, line, at, c).filter(|&f| doc.figures[f].q.unit == Unit::None)
    };
    if let Some(split) = e.split.as_mut().filter(|s| s.reading()) {
        let rate = |at: usize, c: &str| {
            figure_at(doc, line, at, c).filter(|&f| doc.figures[f].q.unit == Unit::Percent)
        };
        split.read_line(line.body, &cells, amount, rate);
        if split.reading() {
            return;
        }
    }
    if e.split.is_some() && !cells.iter().any(|(c, _)| *c == "总分") {
        e.scores.read_line(line.body, &cells, amount);
    }
    if std::mem::take(&mut e.name_follows) && e.name.is_none() {
        if let [(name, _)] = cells.as_slice() {
            e.name = Some(name.to_string());
        } else if cells.is_empty() {
            e.name_follows = true;
        }
        return;
    }
    if let Some((first, _)) = cells.first() {
        if e.name.is_none() && first.trim_end_matches(['：', ':']) == "项目名称" {
            match cells.as_slice() {
                [_] => e.name_follows = true,
                [_, (name, _)] => e.name = Some(name.to_string()),
                _ => {}
            }
            return;
        }
    }
    let Some(at) = cells.iter().position(|(c, _)| {
        let c = c.trim_end_matches(['：', ':']);
        c == "年度资金总额" || c == "总分"
    }) else {
        return;
    };
    if cells[at].0 == "总分" {
        let figures: Vec<usize> = cells[at + 1..]
            .iter()
            .map_while(|&(c, o)| figure_at(doc, line, o, c))
            .collect();
        // `总分 100 90.5`: the full marks, then the score.
        if let &[first, second] = figures.as_slice() {
            let (full, score) = if e.score_first {
                (second, first)
            } else {
                (first, second)
            };
            e.marks.get_or_insert((full, score));
            if doc.figures[full].q.value == rust_decimal::Decimal::ONE_HUNDRED {
                e.score.get_or_insert(score);
            }
        }
        return;
    }
    if e.split.is_none() {
        e.split = FundsSplit::start(line.body, &cells[at + 1..], amount);
    }
    // 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分: all six (an empty cell written
    // `-`), or five with the 执行率 fourth and over 1000% (`7614.74 7614.74 7614.74 1000% 10`:
    // 分值 and 执行率 run together, or 分值 left empty and the rate mistyped), the amounts
    // still the first three. Otherwise the columns are not surely these.
    let slots: Vec<Option<usize>> = cells[at + 1..]
        .iter()
        .map_while(|&(c, o)| match figure_at(doc, line, o, c) {
            Some(f) => Some(Some(f)),
            None => crate::claims::funds_split::is_dash(c).then_some(None),
        })
        .collect();
    let percent = |i: usize| {
        slots
            .get(i)
            .copied()
            .flatten()
            .filter(|&f| doc.figures[f].q.unit == Unit::Percent)
    };
    let rate_at = (0..slots.len()).position(|i| percent(i).is_some());
    let funds = match (slots.len(), rate_at) {
        (6, Some(4)) => {
            if let (Some(full), Some(score)) = (slots[3], slots[5]) {
                e.funds_marks.get_or_insert((full, score));
            }
            Some((slots[1], slots[2], percent(4)))
        }
        (5, Some(3))
            if percent(3)
                .is_some_and(|r| doc.figures[r].q.value >= rust_decimal::Decimal::from(1000)) =>
        {
            Some((slots[1], slots[2], None))
        }
        _ => None,
    };
    if let Some((Some(budget), Some(spent), rate)) = funds {
        let money = |f: usize| doc.figures[f].q.unit == Unit::None;
        if money(budget) && money(spent) && e.funds.is_none() {
            e.funds = Some(FundsRow {
                budget,
                spent,
                rate,
            });
        }
    }
}

/// `收   入   总   计`: a label spaced out to fill its cell, one character per cell. Joins
/// the run of one-character cells from `c`; returns the label and its last cell.
fn spaced_label(cells: &[(&str, usize)], c: usize) -> (String, usize) {
    let single = |i: usize| {
        let mut chars = cells[i].0.chars();
        chars
            .next()
            .is_some_and(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch))
            && chars.next().is_none()
    };
    if !single(c) {
        return (cells[c].0.to_string(), c);
    }
    let mut last = c;
    // Spaced-out characters stand a few spaces apart; a wider gap is the next column.
    while last + 1 < cells.len()
        && single(last + 1)
        && cells[last + 1].1 - (cells[last].1 + cells[last].0.len()) <= 6
    {
        last += 1;
    }
    (cells[c..=last].iter().map(|(s, _)| *s).collect(), last)
}

/// The cells of a line: text between runs of whitespace, with their byte offsets.
fn cells(body: &str) -> impl Iterator<Item = (&str, usize)> {
    body.split(|c: char| c.is_whitespace() || c == '\x0c')
        .filter(|c| !c.is_empty())
        .map(move |c| (c, c.as_ptr() as usize - body.as_ptr() as usize))
}

/// The amount in the cell right after a label: `Some(Some(f))` a figure, `Some(None)` an
/// empty cell (another label or the line's end follows), `None` when what follows is not
/// an amount (a figure with a unit, text glued to digits).
fn amount_after(
    doc: &Document,
    line: &Line,
    rest: &[(&str, usize)],
    row_numbers: bool,
) -> Option<Option<usize>> {
    let mut rest = rest.iter();
    let Some(&(mut cell, mut offset)) = rest.next() else {
        return Some(None);
    };
    let mut f = figure_at(doc, line, offset, cell);
    // `一、一般公共预算财政拨款收入  1  1,234.56`: the 行次 column first.
    if row_numbers {
        if let Some(n) = f {
            let q = &doc.figures[n].q;
            if q.decimals == 0 && cell.bytes().all(|b| b.is_ascii_digit()) && cell.len() <= 3 {
                let &(next, next_offset) = rest.next()?;
                (cell, offset) = (next, next_offset);
                f = figure_at(doc, line, offset, cell);
            }
        }
    }
    match f {
        Some(n) => {
            let q = &doc.figures[n].q;
            (q.unit == Unit::None && !q.approx).then_some(Some(n))
        }
        None if cell.chars().any(|c| c.is_ascii_digit()) => None,
        None => Some(None),
    }
}

/// The figure that is exactly the cell at `offset` of the line.
fn figure_at(doc: &Document, line: &Line, offset: usize, cell: &str) -> Option<usize> {
    let start = line.range.start + offset;
    let end = start + cell.len();
    line.figures.clone().find(|&f| {
        let s = doc.figure_span(&doc.figures[f]);
        s.start == start && s.end == end
    })
}

/// How row `i` wraps.
enum Wrap {
    /// A label's last character or two on a line of their own (`费`, `出`): a name wrapped
    /// across the row, whose cells may belong to another column.
    Name,
    /// The character columns of the spills of its wrapped cells (none: nothing wraps), and
    /// of every line of digits right above or below it, whoever's spill it is.
    Cells {
        own: Vec<Range<usize>>,
        near: Vec<Range<usize>>,
    },
}

/// Whether row `i`'s cells wrap, or a name beside them: pdftotext puts a wrapped cell's lines
/// above and below its row (`576,171.1` / `合计 …` / `1`). A line of digits right above or
/// below belongs to this row unless it is the lower (upper) spill of the row before (after),
/// whose other spill lies two lines further.
fn wrap_of(lines: &[Line], i: usize) -> Wrap {
    // Neighbours past one blank line: a text copied with a blank line after every line keeps
    // a spill two lines away.
    let blank = |j: usize| lines[j].body.trim().is_empty();
    let up = |j: Option<usize>| {
        let j = j?.checked_sub(1)?;
        if blank(j) {
            j.checked_sub(1).filter(|&k| !blank(k))
        } else {
            Some(j)
        }
    };
    let down = |j: Option<usize>| {
        let j = j? + 1;
        match lines.get(j) {
            Some(_) if blank(j) => Some(j + 1).filter(|&k| k < lines.len() && !blank(k)),
            Some(_) => Some(j),
            None => None,
        }
    };
    let spill = |j: Option<usize>| {
        j.and_then(|j| lines.get(j))
            .is_some_and(|l| is_spill(l.body))
    };
    let fragment = |j: Option<usize>| {
        j.and_then(|j| lines.get(j)).is_some_and(|l| {
            let t = l.body.trim();
            (1..=3).contains(&t.chars().count())
                && t.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        })
    };
    let (above_at, below_at) = (up(Some(i)), down(Some(i)));
    if fragment(above_at) || fragment(below_at) {
        return Wrap::Name;
    }
    let (above, below) = (spill(above_at), spill(below_at));
    // The spill two rows away is the other half of the row before's (after's) own wrap.
    let beyond_above = spill(up(up(above_at)));
    let beyond_below = spill(down(down(below_at)));
    let mut spills = Vec::new();
    if above && (below || !beyond_above) {
        spills.extend(above_at);
    }
    if below && (above || !beyond_below) {
        spills.extend(below_at);
    }
    let columns = |at: Vec<usize>| -> Vec<Range<usize>> {
        at.into_iter()
            .flat_map(|j| {
                let body = lines[j].body;
                cells(body).map(move |(c, o)| {
                    let from = body[..o].chars().count();
                    from..from + c.chars().count()
                })
            })
            .collect()
    };
    let near = [above_at.filter(|_| above), below_at.filter(|_| below)]
        .into_iter()
        .flatten()
        .collect();
    Wrap::Cells {
        own: columns(spills),
        near: columns(near),
    }
}

/// A final account's header whose budget column comes before its outturn (`年初预算数 |
/// 决算数合计 | 基本支出`): a row's first amount is the budget.
fn names_budget_first(line: &str) -> bool {
    let budget = ["年初预算", "预算数", "调整预算", "全年预算"]
        .iter()
        .filter_map(|w| line.find(w))
        .min();
    matches!((budget, line.find("决算")), (Some(b), Some(o)) if b < o)
}

/// A header line that names `上年` or a year other than the report's.
fn names_other_year(line: &str, year: Option<u16>) -> bool {
    if line.contains("上年") || line.contains("去年") {
        return true;
    }
    let Some(year) = year else { return false };
    let b = line.as_bytes();
    (0..b.len().saturating_sub(3)).any(|i| {
        b[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
            && std::str::from_utf8(&b[i..i + 4])
                .ok()
                .and_then(|y| y.parse::<u16>().ok())
                .is_some_and(|y| (1990..2100).contains(&y) && y != year)
    })
}

/// A line of digits alone: a wrapped cell's spill (`350,034.4` / row / `2`).
fn is_spill(body: &str) -> bool {
    let t = body.trim();
    !t.is_empty()
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-') || c.is_whitespace())
        && t.split_whitespace().count() <= 2
}

/// A sentence, not a row: it ends with a full stop, or runs on without a column gap.
fn is_prose(t: &str) -> bool {
    if t.ends_with('。') {
        return true;
    }
    let cjk = t
        .chars()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .count();
    cjk >= 25 && !t.contains("  ") && !t.contains('\t')
}

/// `单位：万元` / `金额单位:元` in a table's header.
pub(crate) fn header_unit(t: &str) -> Option<Unit> {
    use crate::read::quantity::Money;
    let at = t.find("单位")?;
    let rest = t[at + "单位".len()..].trim_start_matches([':', '：', ' ']);
    let units: &[(&str, Money)] = &[
        ("万元", Money::Wan),
        ("千元", Money::Qian),
        ("元", Money::Yuan),
    ];
    units
        .iter()
        .find(|(w, _)| rest.starts_with(w))
        .map(|&(_, m)| Unit::Money(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_name_their_table() {
        assert_eq!(
            table_kind("表4：2026年市级部门财政拨款收支预算总表"),
            TableKind::FiscalOverview
        );
        assert_eq!(
            table_kind("财政拨款收入支出决算总表"),
            TableKind::FiscalOverview
        );
        assert_eq!(
            table_kind("表1：2026年市级部门收支预算总表"),
            TableKind::Overview
        );
        assert_eq!(table_kind("收入支出决算总表"), TableKind::Overview);
        assert_eq!(
            table_kind("2026年市级部门支出预算总表"),
            TableKind::Spending
        );
        assert_eq!(table_kind("支出决算表"), TableKind::Spending);
        assert_eq!(
            table_kind("一般公共预算财政拨款支出决算表"),
            TableKind::GeneralSpending
        );
        assert_eq!(
            table_kind("表5：2026年市级部门一般公共预算支出预算表"),
            TableKind::GeneralSpending
        );
        assert_eq!(table_kind("一般公共预算基本支出表"), TableKind::Other);
        assert_eq!(
            table_kind("一般公共预算支出表（按经济分类）"),
            TableKind::Other
        );
        assert_eq!(table_kind("基本支出总表"), TableKind::Other);
        assert_eq!(
            table_kind("政府性基金预算财政拨款收入支出决算表"),
            TableKind::Other
        );
    }

    #[test]
    fn a_title_with_its_number_in_brackets_starts_a_table() {
        let text = "支出总表（预算表 3）\n单位：万元\n科目名称   合计   基本支出   项目支出\n\
合计   1,682.76   1,208.20   474.56\n一般公共服务支出   1,378.41   903.85   474.56\n";
        let doc = Document::read(text);
        let st = extract(&doc);
        assert_eq!(st.of_kind(TableKind::Spending).len(), 1);
        let (_, row) = st.row(TableKind::Spending, RowKey::Class(0)).unwrap();
        assert_eq!(
            doc.figures[row.amount.unwrap()].q.value.to_string(),
            "1378.41"
        );
    }

    #[test]
    fn row_labels_by_meaning() {
        let row_key = |c: &str| super::row_key(c, TableKind::Overview);
        assert_eq!(row_key("一、财政拨款"), Some(RowKey::Income(Fund::Fiscal)));
        assert_eq!(
            row_key("一、一般公共预算财政拨款收入"),
            Some(RowKey::Income(Fund::General))
        );
        assert_eq!(row_key("一般公共预算"), Some(RowKey::Income(Fund::General)));
        assert_eq!(
            row_key("（二）政府性基金"),
            Some(RowKey::Income(Fund::GovernmentFund))
        );
        assert_eq!(
            row_key("1.财政拨款收入"),
            Some(RowKey::Income(Fund::Fiscal))
        );
        assert_eq!(
            row_key("二、政府性基金预算拨款收入"),
            Some(RowKey::Income(Fund::GovernmentFund))
        );
        assert_eq!(row_key("十一、城乡社区支出"), Some(RowKey::Class(13)));
        assert_eq!(row_key("其他城乡社区支出"), None);
        assert_eq!(row_key("一般公共预算支出"), None);
        assert_eq!(row_key("上年结转"), None);
    }
}
