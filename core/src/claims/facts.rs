//! The fact registry: every money figure under a typed key (its name, classification code,
//! section scope, year, budget or outturn, income or spending), so that two statements of
//! the same quantity anywhere in the report can be compared.
//!
//! Matching is by hashing the key, so the cost is linear in the number of figures: each fact
//! is compared with the first statement of its key only, never with every other fact.
//!
//! Keys are deliberately conservative. A restatement that is missed costs little; two
//! different quantities taken for one would be a false alarm, so labels that do not name a
//! quantity specifically (`支出决算为`, `金额`, `共计`) and figures that are changes
//! (`比上年增加`) get no key at all.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use super::{has_change_word, replace_in};
use crate::read::document::Document;
use crate::read::interval::Interval;
use crate::read::quantity::Unit;
use crate::read::table::{Table, TableFact};

/// Which period a figure belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    /// The report's year (or no year stated).
    Current,
    /// A stated year other than the report's, or `上年`: the report year minus one.
    Year(i32),
    /// `上年` when the report's year is unknown.
    Previous,
}

/// Budget (`年初预算`, `预算数`) or outturn (`决算`, `执行数`, the default).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stage {
    Budget,
    Outturn,
}

/// Income, spending, or neither named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Flow {
    Income,
    Spending,
    Unnamed,
}

/// Which funds or which part of spending a statement is about: its section's
/// (`六、一般公共预算财政拨款基本支出决算情况说明`) or its label's (`一般公共预算财政拨款基本支出`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// 一般公共预算财政拨款.
    GeneralFiscal,
    /// 政府性基金.
    GovernmentFund,
    /// 国有资本经营.
    StateCapital,
    /// 财政拨款, all funds.
    Fiscal,
    /// 基本支出.
    Basic,
    /// 项目支出.
    Project,
}

impl Scope {
    pub fn name_zh(self) -> &'static str {
        match self {
            Scope::GeneralFiscal => "一般公共预算财政拨款",
            Scope::GovernmentFund => "政府性基金",
            Scope::StateCapital => "国有资本经营",
            Scope::Fiscal => "财政拨款",
            Scope::Basic => "基本支出",
            Scope::Project => "项目支出",
        }
    }
}

/// What a figure measures: two statements compare only when every field is the same, so the
/// same name under two codes, two scopes, two years, two stages or two projects' sections
/// never conflicts.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FactKey {
    /// The quantity's name without period, stage, flow, scope, code and filler words:
    /// `公务接待`, `一般公共预算财政拨款`, `基本`, `合计`.
    pub name: String,
    /// The classification code stated with it (`2010301` of `2010301行政运行`).
    pub code: Option<u32>,
    /// The funds or part of spending it belongs to, named by its label or its section.
    pub scope: Option<Scope>,
    /// For the project a section reports on ([`PROJECT`]): where that section starts
    /// (normalised offset). Each section's project is its own quantity.
    pub section: Option<usize>,
    pub flow: Flow,
    pub period: Period,
    pub stage: Stage,
}

impl FactKey {
    /// The key of `name` with no code, scope or section.
    fn named(name: String, flow: Flow, period: Period, stage: Stage) -> FactKey {
        FactKey {
            name,
            code: None,
            scope: None,
            section: None,
            flow,
            period,
            stage,
        }
    }

    /// Neither a code, a scope nor a section narrows the name.
    pub fn is_bare(&self) -> bool {
        self.code.is_none() && self.scope.is_none() && self.section.is_none()
    }
}

/// One stated value of a keyed quantity: a figure of `Document::figures` (a narrative one,
/// or a table cell's) with what keying found out about it. What the figure itself says (its
/// place, value, sentence, paragraph) is read from the document when asked, not copied: a
/// text of figures keeps a fact per figure (issue 16), 48 bytes instead of 176.
#[derive(Debug, Clone)]
pub struct Fact {
    /// The label as written, for messages. (Shared with the fact before it in its group
    /// when the same, as is `wording`: a text that states one quantity thousands of times
    /// keeps its name once.)
    pub label: Rc<str>,
    /// `label_key` of the label: identical wording makes a conflict more certain.
    pub wording: Rc<str>,
    /// Index into `Document::figures` (a figure is at most one of `MAX_NUMBERS`).
    figure: u32,
    /// For a part of a stated breakdown, the figure of its total (`商品和服务支出4464.76万元`
    /// for `其中：公用经费621.37`): parts of two totals of different value are two
    /// quantities under one name; the same breakdown told twice keeps its total.
    parent: Option<u32>,
    /// The unit, a table's header's for a cell.
    pub unit: Unit,
    /// Read from a table cell (by row and column) rather than from a sentence.
    pub from_table: bool,
}

impl Fact {
    /// Index into `Document::figures`: the narrative figure, or the table cell's.
    pub fn figure(&self) -> usize {
        self.figure as usize
    }

    /// Normalised byte range of the figure (or table cell).
    pub fn at(&self, doc: &Document) -> Range<usize> {
        let q = &doc.figures[self.figure()].q;
        q.start..q.end
    }

    /// Value interval in yuan (a cell's in its table's unit).
    pub fn value(&self, doc: &Document) -> Interval {
        let q = &doc.figures[self.figure()].q;
        let value = match (self.from_table, self.unit) {
            (true, Unit::Money(m)) => Interval::stated(q.value, q.decimals, m.scale()),
            _ => q.interval(),
        };
        // (Never `None`: a figure without an interval is no fact.)
        value.unwrap_or(Interval::exact(q.value))
    }

    /// The value as written, in yuan.
    pub fn face(&self, doc: &Document) -> rust_decimal::Decimal {
        let q = &doc.figures[self.figure()].q;
        match (self.from_table, self.unit) {
            (true, Unit::Money(m)) => q.value * m.scale(),
            _ => q.face(),
        }
    }

    /// Sentence index; facts of one sentence are never compared (a list names several
    /// items alike: `调研接待费1000元，…调研接待费559元`).
    pub fn sentence(&self, doc: &Document) -> Option<usize> {
        (!self.from_table).then(|| doc.figures[self.figure()].sentence())
    }

    /// Paragraph index, for nearness.
    pub fn paragraph(&self, doc: &Document) -> usize {
        doc.figures[self.figure()].paragraph()
    }

    /// For a part of a stated breakdown, the figure of its total.
    pub fn parent_figure(&self) -> Option<usize> {
        self.parent.map(|p| p as usize)
    }

    /// For a part of a stated breakdown, the value of its total.
    pub fn parent(&self, doc: &Document) -> Option<Interval> {
        doc.figures[self.parent? as usize].q.interval()
    }
}

/// Facts grouped by key, each group in text order.
#[derive(Default)]
pub struct Facts {
    pub groups: Vec<(FactKey, Vec<Fact>)>,
    index: HashMap<FactKey, usize>,
}

/// The name of a section's own project; `extract` qualifies it with the section.
pub const PROJECT: &str = "项目";

/// Fund names contain `预算`, which is not a budget stage there.
const FUND_NAMES: &[&str] = &["一般公共预算", "政府性基金预算", "国有资本经营预算"];

/// What `key_of` writes for each of [`FUND_NAMES`] while it takes stage words out.
const PLACEHOLDERS: [&str; 3] = ["A", "B", "C"];

/// Words that mark the budget stage.
const BUDGET_WORDS: &[&str] = &[
    "年初预算数",
    "年初预算",
    "全年预算数",
    "全年预算",
    "调整预算",
    "预算数",
    "预算安排",
    "预算",
    // (`“三公”经费年初安排100,000.00元`: the budget by another word.)
    "年初安排",
];
/// Words that mark the outturn stage (the default): dropped from the name.
const OUTTURN_WORDS: &[&str] = &["决算数", "支出决算", "决算", "执行数", "实际执行", "实际"];

/// The reporting body's own names, dropped from the start of a label.
const SELF_NAMES: &[&str] = &[
    "我局部门",
    "本局部门",
    "我局",
    "本局",
    "我单位",
    "本单位",
    "我部门",
    "本部门",
    "我委",
    "本委",
    "我办",
    "本办",
    "部门",
    "单位",
];

/// Names too generic to identify a quantity on their own.
const GENERIC: &[&str] = &[
    "收入", "支出", "经费", "费用", "费", "其中", "金额", "资金", "共", "共计", "累计", "单价",
    "投资", "小计", "余额", "分别", "主要", "包括", "用于", "总额", "年", "当年",
];

/// Generic unless income or spending is named (`项目支出`, `其他收入` are specific).
const GENERIC_UNNAMED: &[&str] = &["其他", "经费", "费用", "项目"];

/// Verbs of an activity: amounts `涉及`, `安排`, `下达` vary by project, so a label built on
/// one names no single quantity.
const ACTIVITY_WORDS: &[&str] = &[
    "涉及", "下达", "拨付", "到位", "争取", "获得", "收到", "兑现", "实现", "完成", "落实", "补助",
    "用于", "包括", "分别", "主要", "其中", "共计", "累计", "每", "申请", "需", "预计", "标准",
    "支付",
];

/// 项 names the classification repeats under many 款 (`2010301行政运行`, `2011001行政运行`,
/// `2081601行政运行`): without the code they name no single quantity.
const REPEATED_ITEMS: &[&str] = &["行政运行", "一般行政管理事务", "机关服务", "事业运行"];

/// A 项 name the classification repeats under many 款. (`其他支出` is too, but as the 类 of
/// a fund it is also a line of the standard tables, restated in the text: its fund's section
/// keeps it apart.)
fn is_repeated_item(name: &str) -> bool {
    // (`—行政运行`: a dash introduces the 项 in web pages.)
    let name = name.trim_start_matches(|c: char| !c.is_alphanumeric());
    REPEATED_ITEMS.iter().any(|w| name.starts_with(w))
}

/// The balance lines of final accounts, whoever's name stands before them.
const BALANCE_LINES: &[&str] = &[
    "年初结转和结余",
    "年末结转和结余",
    "年初结转结余",
    "年末结转结余",
    "事业基金弥补收支差额",
    "使用非财政拨款结余",
];

/// Names of funds, not of a quantity: `财政资金390万元` in one project's table and
/// `财政资金400万元` in another's are two projects' money.
const BARE_FUNDS: &[&str] = &["财政资金", "财政拨款", "专项资金", "资金", "上级补助"];

/// The classification code written just before a label or inside it (`2010301行政运行`,
/// `行政运行（2040401）支出`, `201一般公共服务`): 3, 5 or 7 digits, not a year.
pub fn code_in(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    let mut i = 0;
    let mut found = None;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let j = i + b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
            let run = &s[i..j];
            let after = &s[j..];
            let before_digit = i > 0 && (b[i - 1] == b'.' || b[i - 1] == b',');
            if matches!(run.len(), 3 | 5 | 7)
                && run.starts_with('2')
                && !before_digit
                && !after.starts_with(['年', '.', '%', '万', '元', '个', '人'])
            {
                found = Some(run);
            }
            i = j;
        } else {
            i += 1;
        }
    }
    found
}

/// One statement to key: a narrative figure, or a table cell named by its row and column.
enum Source<'t> {
    Figure(usize),
    Cell(&'t TableFact<'t>),
}

pub fn extract(doc: &Document, tables: &[Table], sums: &[super::sum::SumClaim]) -> Facts {
    let year = doc.info().year.map(i32::from);
    // Each part's total, and the year that total names when not the report's (one map: a
    // second map type was 2 KB of the page's wasm).
    // (By figure index, the total's figure: a part's total is read from the document.)
    let mut parent_of: HashMap<u32, (u32, Option<Period>)> = HashMap::new();
    // A part whose total names another year than the report's (`2021年度“三公”经费支出6.62
    // 万元，其中…公务接待费0.84万元`) is that year's too.
    for s in sums {
        if doc.figures[s.total].q.interval().is_none() {
            continue;
        }
        let period = period_of(&doc.figures[s.total].label, year);
        for &p in &s.parts {
            parent_of.entry(p as u32).or_insert((
                s.total as u32,
                (period != Period::Current).then_some(period),
            ));
        }
    }
    let text = doc.text();
    // A paragraph that opens with a total and its breakdown (`商品和服务支出（302）4464.76万元，
    // 其中：公用经费621.37万元，…。专项业务经费支出3843.39万元，…`) goes on listing its
    // parts after the first full stop, where no sum claim reaches: they are parts of it too.
    let mut i = 0;
    while i < doc.figures.len() {
        let para = doc.figures[i].paragraph();
        // (A walk, not a binary search over all the figures left: summed over the paragraphs
        // it reads each figure once, where the search jumped over the whole vector each time.)
        let end = i + doc.figures[i..]
            .iter()
            .position(|f| f.paragraph() != para)
            .unwrap_or(doc.figures.len() - i);
        // (A code before it, `（302）`, is a figure too.)
        let first = (i..end).find(|&f| matches!(doc.figures[f].q.unit, Unit::Money(_)));
        if let Some(lead) = first.filter(|&l| l + 1 < end) {
            let f = &doc.figures[lead];
            let opens_breakdown = text[f.q.end..doc.figures[lead + 1].q.start].contains("其中");
            if opens_breakdown && f.q.interval().is_some() {
                for p in lead + 1..end {
                    parent_of.entry(p as u32).or_insert((lead as u32, None));
                }
            }
        }
        i = end;
    }
    let mut facts = Facts::default();
    // The last narrative figure keyed as this year's budget, for an outturn after it that
    // names nothing else.
    let mut budgeted: Option<(usize, FactKey)> = None;
    // The year the last figure of a sentence named in its label: `2022年度公务用车购置费10.00
    // 万元，公务用车运行维护费20.00万元` states both of 2022.
    let mut sentence_year: Option<(usize, i32)> = None;
    // The sentence whose head named a sub-unit (`局本级本年收入合计1,600.00万元，本年支出合计
    // 1,580.00万元`): its later figures are that unit's too, not the department's.
    // The sentence of the last figure a sub-unit's label named, and where that figure ends.
    let mut sub_unit_sentence: Option<(usize, usize)> = None;
    // The report's title: a unit named there is the department itself.
    // (Its first line, to the first full stop: a title has none.)
    let title = doc.title().split('。').next().unwrap_or("");
    let sections = SectionScope::new(doc);
    // Narrative figures and table cells in text order, so each sees its own sections.
    let mut cells: Vec<TableFact> = tables.iter().flat_map(|t| t.facts(doc)).collect();
    cells.sort_by_key(|c| c.cell.start);
    // Figures (in text order) and cells merged by where they start, a figure before a cell
    // at the same place: merged as they go rather than collected and sorted, which took 24
    // bytes per figure and cell (issue 16).
    let (mut next_figure, mut next_cell) = (0, 0);
    loop {
        let source = match (doc.figures.get(next_figure), cells.get(next_cell)) {
            (Some(f), Some(c)) if f.q.start <= c.cell.start => {
                next_figure += 1;
                Source::Figure(next_figure - 1)
            }
            (_, Some(c)) => {
                next_cell += 1;
                Source::Cell(c)
            }
            (Some(_), None) => {
                next_figure += 1;
                Source::Figure(next_figure - 1)
            }
            (None, None) => break,
        };
        // (figure, label to key, label to show: a figure's own label is borrowed, not copied
        // for every figure the filters below then drop)
        let (fi, label, shown, from_table): (usize, Cow<str>, Cow<str>, bool) = match source {
            Source::Figure(i) => {
                let l = doc.figures[i].label.as_ref();
                (i, l.into(), l.into(), false)
            }
            Source::Cell(c) => match table_label(c) {
                Some(l) => {
                    let shown = if c.column.is_empty() {
                        format!("表中“{}”", c.row_label)
                    } else {
                        format!("表中“{}”行“{}”列", c.row_label, c.column)
                    };
                    (c.figure, l.into(), shown.into(), true)
                }
                None => continue,
            },
        };
        let f = &doc.figures[fi];
        if !from_table {
            let names_sub_unit = names_sub_unit(&label, title);
            // (Up to a `；`: `其中县农业技术推广站2024年收入320.00万元，占25.60%；支出总计…`
            // goes back to the department. Each gap between figures is looked at once.)
            if let Some((s, end)) = sub_unit_sentence {
                sub_unit_sentence = (s == f.sentence()
                    && !text[end..f.q.start.max(end)].contains('；'))
                .then_some((s, f.q.end.max(end)));
            }
            let inherits = sub_unit_sentence.is_some()
                && !names_sub_unit
                && !SELF_NAMES.iter().any(|n| label.contains(n));
            // (A rate between, `…收入决算1,594.79万元，占部门收入的21.23%，其中：…`, is no
            // statement of the department's: the unit's sentence goes on.)
            if names_sub_unit {
                sub_unit_sentence = Some((f.sentence(), f.q.end));
            } else if !inherits && f.q.unit.is_money() {
                sub_unit_sentence = None;
            }
            // (The sub-unit's own figure too: its key may drop the unit's name, as “三公”
            // keys do.)
            if inherits || names_sub_unit || sections.in_unit(f.paragraph()) {
                continue;
            }
            // Table cells are keyed by row and column, not by the text before them; cells
            // of a table pasted one per line are often targets (`指标值`), not outturns.
            let in_tsv_row =
                text[..f.label_start()].ends_with('\t') || text[f.q.end..].starts_with('\t');
            if !f.q.unit.is_money() || doc.paragraphs[f.paragraph()].is_table_cell || in_tsv_row {
                continue;
            }
        }
        // `5000元/人`, `4400元/套`: a rate per head, never a restated total; `1500元以上`,
        // `约50万元`: a bound or an estimate, never the amount restated.
        if !from_table && text[f.q.end..].starts_with(['/', '／']) || f.q.approx {
            continue;
        }
        // The wording to compare; a figure's is also what its key is made from.
        let wording = match source {
            Source::Figure(_) => super::label_key(&label),
            Source::Cell(c) => super::label_key(c.row_label),
        };
        let mut shown = shown;
        let own = if from_table {
            key_of(&label, year)
        } else {
            key_of_keyed(&label, &wording, year)
        };
        let inherited = own.is_none();
        let key = own.or_else(|| {
            // `“三公”经费财政拨款支出预算为38.00万元，支出决算为31.46万元`: the outturn said of
            // the quantity the clause before budgeted.
            let (at, budget) = budgeted
                .as_ref()
                .filter(|(at, _)| !from_table && *at < fi)?;
            // (A label may reach back over the figure before: `0万0万`.)
            let between = text.get(doc.figures[*at].q.end..f.label_start())?;
            (doc.figures[*at].sentence() == f.sentence()
                && OUTTURN_ONLY.contains(&wording.as_str())
                && !between.contains(['；', '。', '：'])
                && !after_another_budget(doc, *at))
            .then(|| {
                // Shown by the budget's name: `2023年度“三公”经费财政拨款支出决算`.
                let named = &doc.figures[*at].label;
                // (The stage word is the last 预算: `一般公共预算` names a fund.)
                let base = named.trim_end_matches(['为', '是', '：', ':']);
                shown = match base.rfind("预算") {
                    Some(i) if !base[..i].ends_with("一般公共") && !base[..i].ends_with("基金") =>
                    {
                        format!("{}决算{}", &base[..i], &base[i + "预算".len()..])
                    }
                    _ => format!("{base}（决算）"),
                }
                .into();
                FactKey {
                    stage: Stage::Outturn,
                    ..budget.clone()
                }
            })
        });
        let Some(mut key) = key else {
            budgeted = None;
            continue;
        };
        if key.period == Period::Current && !from_table {
            if let Some(&(_, Some(period))) = parent_of.get(&(fi as u32)) {
                key.period = period;
            }
        }
        if !from_table && first_year(&label).is_none() {
            // `截至2023年12月31日，本部门固定资产原值1,420.00万元`: holdings at that year's end.
            if let Some(y) = as_of_year(text, doc.sentences[f.sentence()].start, f.label_start()) {
                key.period = match year {
                    Some(r) if r == y => Period::Current,
                    _ => Period::Year(y),
                };
            }
        }
        if !from_table {
            // A sentence headed `2022年专项资金支出：` or `年初预算：` frames every item after
            // its colon that names no year or stage of its own.
            if let Some(head) = colon_head(doc, fi) {
                let names_period = PERIOD_WORDS.iter().any(|w| label.contains(w));
                if let Some(y) = first_year(head).filter(|_| first_year(&label).is_none()) {
                    if key.period == Period::Current && !names_period {
                        key.period = match year {
                            Some(r) if r == y => Period::Current,
                            _ => Period::Year(y),
                        };
                    }
                }
                if stage_named(&label).is_none() {
                    if let Some(stage) = stage_named(head) {
                        key.stage = stage;
                    }
                }
            }
            // A section titled with one year frames the figures in it that name none (its
            // `本年`, `当年` included: the section's year is the one they mean).
            if key.period == Period::Current
                && first_year(&label).is_none()
                && !PERIOD_WORDS
                    .iter()
                    .filter(|w| !["本年", "今年", "当年"].contains(w))
                    .any(|w| label.contains(w))
            {
                if let Some(y) = sections.year(f.paragraph()).filter(|&y| year != Some(y)) {
                    key.period = Period::Year(y);
                }
            }
            // Only the sentence's first statement frames it: a part's year (`其中：2022年结转
            // 和结余`) is its own.
            let first_of_sentence = sentence_year.is_none_or(|(s, _)| s != f.sentence());
            match first_year(&label) {
                Some(y) if first_of_sentence => sentence_year = Some((f.sentence(), y)),
                Some(_) => {}
                None if first_of_sentence => {
                    sentence_year = year.map(|y| (f.sentence(), y));
                }
                None => {
                    let names_period = PERIOD_WORDS.iter().any(|w| label.contains(w));
                    match sentence_year {
                        Some((s, y))
                            if s == f.sentence()
                                && key.period == Period::Current
                                && !names_period
                                && year != Some(y) =>
                        {
                            key.period = Period::Year(y);
                        }
                        _ => {}
                    }
                }
            }
        }
        // The classification code before or inside the label is part of the name; a 项 name
        // the classification repeats under many 款 names nothing without it.
        let code = if from_table {
            None
        } else {
            let (clause_start, _) = super::clause_before(
                text,
                doc.paragraphs[f.paragraph()].range.start,
                f.label_start(),
            );
            // A figure of all funds (`全口径（含事业收入安排）公务用车运行维护费`, `按全口径统计，
            // …`) is another quantity than the fiscal one named alike, and its scope has no key
            // of its own.
            // (A part naming its own funds, `其中一般公共预算“三公”经费…`, stays that.)
            let sentence = doc.sentences[f.sentence()].start.min(f.q.start);
            if names_all_funds(&text[sentence..f.q.start]) && funds_named(&label).is_none() {
                continue;
            }
            code_in(&text[clause_start..f.q.start]).and_then(|c| c.parse().ok())
        };
        match code {
            Some(c) => key.code = Some(c),
            // (Under a scope the label names, a 项 name is kept.)
            None if key.scope.is_none() && is_repeated_item(&key.name) => continue,
            None => {}
        }
        // (A key taken from the budget before keeps that figure's scope.)
        if key.is_bare() && !inherited {
            if key.name == PROJECT {
                key.section = Some(sections.innermost(f.paragraph()));
            } else {
                key.scope = sections.scope(f.paragraph(), &label);
            }
        }
        let unit = match source {
            Source::Cell(c) => {
                if Interval::stated(f.q.value, f.q.decimals, c.unit.scale()).is_none() {
                    continue;
                }
                Unit::Money(c.unit)
            }
            Source::Figure(_) => {
                if f.q.interval().is_none() {
                    continue;
                }
                f.q.unit
            }
        };
        budgeted = (!from_table && key.stage == Stage::Budget && key.period == Period::Current)
            .then(|| (fi, key.clone()));
        let fact = Fact {
            wording: wording.into(),
            label: shown.into(),
            figure: fi as u32,
            parent: (!from_table)
                .then(|| parent_of.get(&(fi as u32)).map(|p| p.0))
                .flatten(),
            unit,
            from_table,
        };
        facts.add(key, fact);
    }
    for (_, group) in &mut facts.groups {
        group.shrink_to_fit();
    }
    facts
}

/// How far before a figure's label its sentence may start for its head to be read.
const HEAD_REACH: usize = 360;

/// The head of figure `fi`'s sentence up to a colon before its label, when no amount stands
/// in it (`2022年专项资金支出：企业研发补助88.00万元，…`, `年初预算：农林水支出…`).
fn colon_head<'d>(doc: &'d Document, fi: usize) -> Option<&'d str> {
    let f = &doc.figures[fi];
    let start = doc.sentences[f.sentence()].start;
    // (Within a short reach: a head is a few words, and a long sentence must not be walked
    // back from each of its figures.)
    if f.label_start().saturating_sub(start) > HEAD_REACH {
        return None;
    }
    let text = doc.text();
    let before = text.get(start..f.label_start())?;
    let colon = before.find(['：', ':'])?;
    let amount_in_head = doc.figures[..fi]
        .iter()
        .rev()
        .take_while(|g| g.q.start >= start)
        .any(|g| g.q.start < start + colon && g.q.unit != Unit::Date);
    (!amount_in_head).then(|| &before[..colon])
}

/// The stage a phrase names (fund names aside: `一般公共预算` is no budget stage), if one.
fn stage_named(s: &str) -> Option<Stage> {
    let mut s = std::borrow::Cow::Borrowed(s);
    for fund in FUND_NAMES {
        if s.contains(fund) {
            s = s.replace(fund, "").into();
        }
    }
    let outturn = OUTTURN_WORDS.iter().any(|w| s.contains(w));
    let budget = BUDGET_WORDS.iter().any(|w| s.contains(w));
    match (budget, outturn) {
        (true, false) => Some(Stage::Budget),
        (false, true) => Some(Stage::Outturn),
        _ => None,
    }
}

/// A table cell's label for keying: its row, then its column's stage
/// (`社会保障和就业支出` + `决算数（元）` → `社会保障和就业支出决算数`). A column that names no
/// stage (`分值`, `项目下达金额` beside `项目执行金额`) is keyed only when it is the header's
/// single amount column.
fn table_label(c: &TableFact<'_>) -> Option<String> {
    let column = c.column.split('（').next().unwrap_or("");
    if column.contains('率') || column.contains("分") && !column.contains("分类") {
        return None;
    }
    // (`比上年决算数增减`: a change, no level of any year.)
    if ["增减", "增加", "减少", "变动", "比上年", "较上年"]
        .iter()
        .any(|w| column.contains(w))
    {
        return None;
    }
    let stage = if ["执行", "完成", "实际", "决算"]
        .iter()
        .any(|w| column.contains(w))
    {
        "执行数"
    } else if ["预算", "下达", "批复", "计划", "安排"]
        .iter()
        .any(|w| column.contains(w))
    {
        "预算数"
    } else if c.single_amount_column || column.is_empty() {
        ""
    } else {
        return None;
    };
    // A column of another period (`2025年执行数`, `上年决算数`) keys its cells by it.
    let period = match first_year(column) {
        Some(y) => format!("{y}年"),
        None if super::names_last_year(column) => "上年".into(),
        None => String::new(),
    };
    Some(format!("{period}{}{stage}", c.row_label))
}

/// Which funds or which part of spending a section is about: `六、一般公共预算财政拨款基本
/// 支出决算情况说明` makes its `人员经费` the fiscal-grant one, not the department's.
const SCOPES: &[(&str, Scope)] = &[
    ("一般公共预算财政拨款", Scope::GeneralFiscal),
    ("一般公共预算拨款", Scope::GeneralFiscal),
    // `（五）一般公共预算当年拨款情况说明`, `一般公共预算支出决算情况说明`.
    ("一般公共预算", Scope::GeneralFiscal),
    ("政府性基金", Scope::GovernmentFund),
    ("国有资本经营", Scope::StateCapital),
    ("财政拨款", Scope::Fiscal),
    ("财政资金", Scope::Fiscal),
    ("基本支出", Scope::Basic),
    ("项目支出", Scope::Project),
];

/// The funds a label names (`一般公共预算当年拨款` → 一般公共预算财政拨款), if any.
fn funds_named(label: &str) -> Option<Scope> {
    SCOPES
        .iter()
        .take(7)
        .find(|(w, _)| label.contains(w))
        .map(|s| s.1)
}

/// The funds a statement is of by its words: those its own label names, else those of the
/// total it is a part of (`一般公共预算当年拨款…，其中：1.基本支出…`); `Err` for “三公”
/// items, fiscal by definition whatever their total says.
pub(crate) fn funds_of(label: &str, total_label: Option<&str>) -> Result<Option<Scope>, ()> {
    if SELF_SCOPED.iter().any(|w| label.contains(w)) {
        return Err(());
    }
    Ok(funds_named(label).or_else(|| total_label.and_then(funds_named)))
}

/// Labels that say only "the outturn" (`支出决算为`, `决算数`): of the quantity just budgeted.
const OUTTURN_ONLY: &[&str] = &[
    "支出决算",
    "决算",
    "决算数",
    "支出决算数",
    "决算支出",
    "执行数",
    "实际支出",
    "全年执行数",
];

/// “三公” items are fiscal-grant spending by definition, whatever section states them.
/// Words that widen a quantity past the fiscal funds its name usually means.
const ALL_FUNDS_WORDS: &[&str] = &[
    "全口径",
    "含事业收入",
    "含其他资金",
    "含自有资金",
    "含单位资金",
    "含非财政",
    "包括事业收入",
];

/// Does the text widen its quantity to all funds (`全口径`, `含事业收入安排`), not narrow it
/// (`不含单位资金`)?
fn names_all_funds(text: &str) -> bool {
    ALL_FUNDS_WORDS.iter().any(|w| {
        text.match_indices(w)
            .any(|(i, _)| !text[..i].ends_with(['不', '未']))
    })
}

const SELF_SCOPED: &[&str] = &[
    "三公",
    "因公出国",
    "公务用车",
    "公务接待",
    "会议费",
    "培训费",
];

/// What the sections around a figure are about: the funds each scoping heading's title
/// names, over the document's section tree (`Document::scopes`).
pub struct SectionScope<'d> {
    doc: &'d Document<'d>,
    /// The scope each section's title names, by index into `doc.scopes`.
    named: Vec<Option<Scope>>,
    /// Whether each section's title names a unit of the department (`（一）区教育局本级`,
    /// `（二）平川区第一中学`): its figures are that unit's, not the department's.
    unit: Vec<bool>,
    /// The one year each section's title names (`二、2025年政府性基金预算草案`), if one.
    year: Vec<Option<i32>>,
}

impl<'d> SectionScope<'d> {
    pub fn new(doc: &'d Document<'d>) -> Self {
        let text = doc.text();
        let named = doc
            .scopes
            .iter()
            .map(|s| {
                let h = doc.paragraphs[s.paragraph].heading.as_deref()?;
                let title = &text[h.line.clone()];
                SCOPES
                    .iter()
                    .find(|(w, _)| title.contains(w))
                    .map(|(_, s)| *s)
            })
            .collect();
        let unit = doc
            .scopes
            .iter()
            .map(|s| {
                let p = &doc.paragraphs[s.paragraph];
                p.heading
                    .as_deref()
                    .is_some_and(|h| names_unit(&text[h.line.clone()]))
            })
            .collect();
        // Only in a report on two periods, its title naming both (`2024年政府性基金预算执行
        // 情况和2025年预算草案`): elsewhere a year in a heading is the one compared with
        // (`二、与2023年度决算对比情况`) or a stale one copied from an old report.
        let title_years: Vec<i32> = doc.paragraphs.first().map_or(Vec::new(), |p| {
            let line = &text[p.range.clone()];
            let line = line.split('。').next().unwrap_or(line);
            let mut ys: Vec<i32> = years_in(line).collect();
            ys.dedup();
            ys
        });
        let two_periods = title_years.len() >= 2;
        let year = doc
            .scopes
            .iter()
            .map(|s| {
                if !two_periods {
                    return None;
                }
                // (A title, not a sentence opening a paragraph: short, no stop, no figure but
                // its year: `（二）2015本年支出1035.12万元，比2014年…` names no year of its own.)
                let h = doc.paragraphs[s.paragraph].heading.as_deref()?;
                let title = &text[h.line.clone()];
                let title = &title[h.marker.end.saturating_sub(h.line.start).min(title.len())..];
                let digits = title.bytes().filter(u8::is_ascii_digit).count();
                if digits != 4
                    || title.chars().count() > 40
                    || title.contains(['，', '。', '：', '与', '比', '较'])
                {
                    return None;
                }
                years_in(title).next().filter(|y| title_years.contains(y))
            })
            .collect();
        SectionScope {
            doc,
            named,
            unit,
            year,
        }
    }

    /// The year the innermost section around paragraph `pi` that names one names: figures
    /// there that name none are that year's (`二、2025年政府性基金预算草案` then `加上级补助
    /// 收入2,000万元…` in a report on 2024's execution and 2025's draft).
    pub fn year(&self, pi: usize) -> Option<i32> {
        crate::read::segment::enclosing(&self.doc.scopes, pi).find_map(|i| self.year[i])
    }

    /// Is paragraph `pi` about one unit of the department: under a heading that names it, or
    /// opening with such a heading of its own (`（一）区教育局本级。年初结转和结余…`)?
    pub fn in_unit(&self, pi: usize) -> bool {
        let p = &self.doc.paragraphs[pi];
        let text = &self.doc.text()[p.range.clone()];
        // (A paragraph that speaks of the department, `以上两个单位合计，…部门“三公”经费`, is
        // not the last unit's; a unit's own `本年收入合计` says nothing of that.)
        // (`该中心为本部门所属事业单位` is the unit's own words; `合计：收入合计…` after the
        // units is the department's.)
        let head = &text[..crate::read::document::floor_char(text, 120)];
        let opening = head.trim_start();
        let department = [
            "以上",
            "上述",
            "综上",
            "单位合计",
            "全部门",
            "部门合计",
            "全系统",
            "全局",
        ]
        .iter()
        .any(|w| head.contains(w))
            || head.replace("部门所属", "").contains("部门")
            || opening.starts_with("合计")
            || opening.starts_with("汇总");
        names_unit(text)
            || !department
                && crate::read::segment::enclosing(&self.doc.scopes, pi).any(|i| self.unit[i])
    }

    /// Where the innermost section around paragraph `pi` starts (the normalised offset of its
    /// heading line; 0 before the first heading).
    pub fn innermost(&self, pi: usize) -> usize {
        crate::read::segment::enclosing(&self.doc.scopes, pi)
            .next()
            .and_then(|i| {
                self.doc.paragraphs[self.doc.scopes[i].paragraph]
                    .heading
                    .as_deref()
            })
            .map_or(0, |h| h.line.start)
    }

    /// The innermost section scope around paragraph `pi` a statement labelled `label` takes,
    /// unless the label names its own.
    pub fn scope(&self, pi: usize, label: &str) -> Option<Scope> {
        // A label naming its funds (`财政拨款收入合计`) keeps them; a label naming only a part
        // of spending (`基本支出`) still takes the funds of its section.
        let names_funds = SCOPES.iter().take(7).any(|(w, _)| label.contains(w));
        if names_funds || SELF_SCOPED.iter().any(|w| label.contains(w)) {
            return None;
        }
        let named_by_label =
            |scope: Scope| SCOPES.iter().any(|(w, s)| *s == scope && label.contains(w));
        crate::read::segment::enclosing(&self.doc.scopes, pi)
            .find_map(|i| self.named[i])
            .filter(|&scope| !named_by_label(scope))
    }
}

impl Facts {
    /// Adds a statement (narrative figures here; table cells from the table stage).
    pub fn add(&mut self, key: FactKey, mut fact: Fact) {
        match self.index.get(&key) {
            Some(&g) => {
                let group = &mut self.groups[g].1;
                if let Some(last) = group.last() {
                    if last.label == fact.label {
                        fact.label = last.label.clone();
                    }
                    if last.wording == fact.wording {
                        fact.wording = last.wording.clone();
                    }
                }
                group.push(fact)
            }
            None => {
                self.index.insert(key.clone(), self.groups.len());
                self.groups.push((key, vec![fact]));
            }
        }
    }

    /// The statements of a quantity, if any.
    pub fn get(&self, key: &FactKey) -> Option<&[Fact]> {
        self.index.get(key).map(|&g| self.groups[g].1.as_slice())
    }
}

/// The key of a label, or `None` when the label does not name one quantity specifically.
pub fn key_of(label: &str, report_year: Option<i32>) -> Option<FactKey> {
    key_of_keyed(label, &super::label_key(label), report_year)
}

/// [`key_of`] with the label's `label_key` already made (`extract` keeps it as the wording).
fn key_of_keyed(label: &str, label_key: &str, report_year: Option<i32>) -> Option<FactKey> {
    // (`年中追加35.00万元`: an amount added, no level of anything.)
    if label.is_empty()
        || has_change_word(label)
        || label.contains('比')
        || label.contains('较')
        || ["追加", "调增", "调减", "追减"]
            .iter()
            .any(|w| label.contains(w))
    {
        return None;
    }
    // (`因公出国（境）费、…、公务接待费分别为0.00万元、16.99万元、2.25万元`: the first amount
    // after `分别` is the first name's, not the name right before it.)
    if label.contains("分别") {
        return None;
    }
    let period = period_of(label, report_year);
    // Placeholders keep fund names intact while stage words are removed.
    // (Words are taken out with `replace_in`: most labels hold none of them, and this runs
    // for every figure and table cell.)
    let mut s = label_key.to_string();
    for (fund, placeholder) in FUND_NAMES.iter().zip(PLACEHOLDERS) {
        replace_in(&mut s, fund, placeholder);
    }
    let stage = if BUDGET_WORDS.iter().any(|w| s.contains(w)) {
        Stage::Budget
    } else {
        Stage::Outturn
    };
    // `项目全年预算数`, `执行数`: figures of the project a section reports on.
    let project_figure = (s.contains("预算数") || s.contains("执行数"))
        && !s.contains("年初")
        && !s.contains("收入")
        && !s.contains("支出");
    for w in BUDGET_WORDS.iter().chain(OUTTURN_WORDS) {
        replace_in(&mut s, w, "");
    }
    for (fund, placeholder) in FUND_NAMES.iter().zip(PLACEHOLDERS) {
        replace_in(&mut s, placeholder, fund);
    }
    // Years and period words left inside the label (`2019年度`, `上年`).
    if s.bytes().any(|b| b.is_ascii_digit()) {
        s = strip_years(&s);
    }
    for w in ["上年度", "上年", "本年度", "本年", "同期", "全年", "年度"] {
        replace_in(&mut s, w, "");
    }
    if let Some(rest) = SELF_NAMES.iter().find_map(|n| s.strip_prefix(n)) {
        s = rest.to_string();
    }
    let s = s.trim_end_matches(['为', '是', '：', ':']);
    let flow = if s.contains("收入") {
        Flow::Income
    } else if s.contains("支出") || s.ends_with('费') || s.ends_with("经费") {
        Flow::Spending
    } else {
        Flow::Unnamed
    };
    // `公务接待32552.00元` is spending though it does not say so.
    let flow = if flow == Flow::Unnamed && SELF_SCOPED.iter().any(|w| s.contains(w)) {
        Flow::Spending
    } else {
        flow
    };
    let mut name = s.to_string();
    // 收入总计 includes carry-overs; 本年收入合计 does not: two different totals.
    let mut total_word = None;
    for suffix in ["总计", "合计"] {
        if let Some(r) = name.strip_suffix(suffix) {
            name = r.to_string();
            total_word = Some(suffix);
        }
    }
    // `公务接待费支出` and `公务接待` name one thing: drop the flow word, then the fee word.
    for suffixes in [&["支出", "收入"][..], &["费用", "经费", "费"][..]] {
        for suffix in suffixes {
            if name.chars().count() > suffix.chars().count() {
                if let Some(r) = name.strip_suffix(suffix) {
                    name = r.to_string();
                    break;
                }
            }
        }
    }
    // “三公”经费 is fiscal-grant money by definition, however the sentence words it
    // (`“三公”经费财政拨款支出`, `一般公共预算财政拨款安排的“三公”经费`).
    // A label that runs on past “三公” to one of its items (a heading without a stop before
    // the sentence: `“三公”经费支出情况说明2025年度因公出国（境）`) names the item.
    if let Some(at) = name.rfind("三公") {
        const ITEMS: &[&str] = &["因公出国", "出国", "公务用车", "公务接待", "会议", "培训"];
        let tail = &name[at..];
        match ITEMS.iter().filter_map(|w| tail.find(w)).min() {
            Some(item) => name = tail[item..].to_string(),
            None => name = "三公".into(),
        }
    }
    if name.is_empty() || name == "总" || name == "支出" || name == "收入" {
        match (total_word, name.as_str()) {
            (Some("总计"), _) => name = "总计".into(),
            (Some(_), _) | (None, "总") => name = "合计".into(),
            _ => {}
        }
    } else if total_word == Some("总计") && !name.contains("三公") {
        // `财政拨款收入总计` adds the carry-overs to `财政拨款收入`: another quantity.
        name.push_str("总计");
    }
    // `平潭县某某局年初结转和结余`: the unit's name before a standard balance line names no
    // other quantity (a fund's name does: `一般公共预算财政拨款年初结转结余`).
    if let Some(line) = BALANCE_LINES
        .iter()
        .find(|l| name.len() > l.len() && name.ends_with(*l))
    {
        let owner = &name[..name.len() - line.len()];
        let names_funds = SCOPES.iter().any(|(w, _)| owner.contains(w))
            || ["收入", "支出", "基金", "资金", "拨款"]
                .iter()
                .any(|w| owner.contains(w));
        if !names_funds {
            name = line.to_string();
        }
    }
    // `项目全年预算数`, `执行数为`: the budget or outturn of the project the section is about.
    if project_figure && (name.is_empty() || name == "项目") {
        return Some(FactKey::named(PROJECT.into(), flow, period, stage));
    }
    if name.is_empty() || GENERIC.contains(&name.as_str()) {
        return None;
    }
    if flow == Flow::Unnamed
        && (name.chars().count() < 4 || name == "合计" || GENERIC_UNNAMED.contains(&name.as_str()))
    {
        return None;
    }
    if ACTIVITY_WORDS.iter().any(|w| name.contains(w)) {
        return None;
    }
    if flow == Flow::Unnamed && BARE_FUNDS.iter().any(|w| name.ends_with(w)) {
        return None;
    }
    // `一般公共预算财政拨款基本支出` is 基本支出 in the fiscal-grant scope, as is `人员经费`
    // stated in a section about fiscal-grant spending.
    let mut key = FactKey::named(name, flow, period, stage);
    for &(word, scope) in SCOPES.iter().take(6) {
        if let Some(rest) = key.name.strip_prefix(word) {
            if !rest.is_empty() {
                key.name = rest.to_string();
                key.scope = Some(scope);
            }
            break;
        }
    }
    Some(key)
}

/// Does a heading (or a paragraph's opening words) name a unit of the department: a numbered
/// head (`（一）`, `1.`) ending at its first stop with `本级` or a unit's kind (`中学`, `中心`)?
fn names_unit(text: &str) -> bool {
    // (A head is short: only its first characters are looked at, once per figure.)
    let t = text.trim_start();
    let t = &t[..crate::read::document::floor_char(t, 120)];
    // (`一、某县交通运输局` heads the department's own part of a report; its units are
    // numbered below it.)
    let rest = match t.strip_prefix(['（', '(']) {
        Some(r) => r.split_once(['）', ')']),
        None => t
            .char_indices()
            .find(|(_, c)| matches!(c, '、' | '.' | '．'))
            .map(|(i, c)| (&t[..i], &t[i + c.len_utf8()..]))
            .filter(|(n, _)| n.bytes().all(|b| b.is_ascii_digit())),
    };
    let Some((number, rest)) = rest else {
        return false;
    };
    let numbered = !number.is_empty()
        && number.chars().count() <= 3
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
    if !numbered {
        return false;
    }
    let head = rest
        .split(['。', '：', ':', '，', '\n'])
        .next()
        .unwrap_or("")
        .trim();
    // (`（二）机关运行经费及办公场所`, `（二）支持科研院所`: a topic, not a unit.)
    let topic = head.contains(['及', '和', '与'])
        || ["场所", "院所", "处所", "住所"]
            .iter()
            .any(|w| head.ends_with(w));
    head.chars().count() <= 30
        && !head.chars().any(|c| c.is_ascii_digit())
        && !topic
        && (UNIT_KINDS.iter().any(|k| head.ends_with(k))
            // (`（一）城乡居民基本养老保险基金。收入…`: one fund of the whole.)
            || head.ends_with("保险基金") && !head.contains("社会保险基金"))
}

/// How the name of a unit of a department ends.
const UNIT_KINDS: &[&str] = &[
    "本级",
    "中学",
    "小学",
    "学校",
    "中专",
    "技校",
    "职高",
    "公司",
    "集团",
    "幼儿园",
    "中心",
    "医院",
    "卫生院",
    "研究院",
    "研究所",
    "管理所",
    "管理站",
    "服务站",
    "大队",
    "支队",
    "中队",
    "委员会",
    "办公室",
    "图书馆",
    "博物馆",
    "文化馆",
    "纪念馆",
    "档案馆",
    "机关",
    "局",
    // (Any station, institute or team: `县水产技术推广站`, `县卫生监督所`, `县林业工作站`.)
    "站",
    "所",
    "院",
    "馆",
    "队",
];

/// A label that names a unit below the department (`局本级`, `所属县农技中心`, `下属单位`),
/// not one that includes them (`含下属单位`) nor a report's own unit (`深圳市公安局（本级）`).
fn names_sub_unit(label: &str, title: &str) -> bool {
    ["本级", "所属", "下属", "直属", "二级单位"]
        .iter()
        .any(|w| {
            label
                .match_indices(w)
                .any(|(i, _)| !label[..i].ends_with(['含', '（', '(']))
        })
        || names_unit_of_three_public(label, title)
        || opens_with_unit(label, title)
        || names_enterprise_or_fund(label, title)
}

/// `县城市建设投资集团有限公司资产总额`, `城乡居民基本养老保险基金当年收支结余`: one
/// enterprise's or one insurance fund's figure, not the whole's (all 国有企业, 社会保险基金)
/// unless the title names it.
fn names_enterprise_or_fund(label: &str, title: &str) -> bool {
    let enterprise = ["有限公司", "集团"]
        .iter()
        .any(|w| label.contains(w) && !title.contains(w));
    let fund = label.contains("保险基金") && !label.contains("社会保险基金") && {
        let name = &label[..label.find("保险基金").unwrap_or(0)];
        !title.contains(name)
    };
    enterprise || fund
}

/// `执法大队“三公”经费`, `县第一中学“三公”经费支出`: one unit's “三公” spending. (A “三公” key
/// drops what stands before 三公, so the unit's figure would be the department's. The words
/// a department's own name ends with, 局, 委员会 and 办公室, are left out.)
fn names_unit_of_three_public(label: &str, title: &str) -> bool {
    let Some(at) = label.find("三公") else {
        return false;
    };
    let before = label[..at].trim_end_matches(['“', '"', '\'', '‘']);
    // (Without the year that may open the label: `2023年度市公共资源交易中心`.)
    let before = match before.find('年') {
        Some(i) if i == 4 && before[..4].bytes().all(|b| b.is_ascii_digit()) => {
            before[i + '年'.len_utf8()..].trim_start_matches('度')
        }
        _ => before,
    };
    // (`本中心`, `我院`, or the name the report's title gives: the department itself.)
    if before.starts_with(['本', '我', '该'])
        || before.chars().count() >= 3 && title.contains(before)
    {
        return false;
    }
    is_unit_name(before)
}

/// A unit kind other than the words a department's own name ends with (局, 委员会, 办公室,
/// 机关) ends `name`.
/// Does a name end with any kind of unit (`市中心血站`, `委机关`, `县教育局`)?
pub(crate) fn ends_with_unit_kind(name: &str) -> bool {
    UNIT_KINDS.iter().any(|k| name.ends_with(k))
}

fn is_unit_name(name: &str) -> bool {
    UNIT_KINDS
        .iter()
        .filter(|k| !["局", "委员会", "办公室", "机关"].contains(k))
        .any(|k| name.ends_with(k))
}

/// `县就业服务中心2023年收入决算`: a label that opens with a place's unit (县/市/区/镇/乡 …
/// up to a unit kind) and goes on with a year: that unit's figure, not the department's
/// (unless the title names it: the report is that unit's own).
fn opens_with_unit(label: &str, title: &str) -> bool {
    let l = label
        .trim_start_matches("其中")
        .trim_start_matches(['：', '，', ':']);
    if !l.starts_with(['县', '市', '区', '镇', '乡', '省', '州', '旗']) {
        return false;
    }
    // The name runs to the year after it.
    let Some(year_at) = l.find(|c: char| c.is_ascii_digit()) else {
        return false;
    };
    let name = &l[..year_at];
    // (Only in a report of a bureau or office, whose units are named so: in a 县中医医院's own
    // report, `县中医院2024年收入总计` is the department's.)
    let bureau = ["局", "委员会", "委", "办公室", "厅"]
        .iter()
        .any(|w| title.contains(w));
    bureau
        && name.chars().count() >= 4
        && name.chars().all(|c| !c.is_ascii() && c.is_alphabetic())
        && is_unit_name(name)
        && !title.contains(name)
        && super::opening_year(&l[year_at..]).is_some()
}

/// `2019年…` names the year; `上年` the year before the report's.
fn period_of(label: &str, report_year: Option<i32>) -> Period {
    if let Some(y) = first_year(label) {
        return match report_year {
            Some(r) if r == y => Period::Current,
            _ => Period::Year(y),
        };
    }
    if super::names_last_year(label) || ["上一年", "同期"].iter().any(|w| label.contains(w)) {
        return match report_year {
            Some(r) => Period::Year(r - 1),
            None => Period::Previous,
        };
    }
    Period::Current
}

/// `“三公”经费年初预算为38.00万元，公务接待费年初预算为10.00万元`: the budget at `at` follows
/// another thing's budget in the same clause group, so an outturn after them is either's.
fn after_another_budget(doc: &Document, at: usize) -> bool {
    let text = doc.text();
    let (subject, _) = super::stage_subject(&doc.figures[at].label);
    super::back(at)
        .take_while(|&i| {
            let l = &doc.figures[i].label;
            doc.figures[i].sentence() == doc.figures[at].sentence()
                && !text[doc.figures[i].q.end..doc.figures[at].q.start].contains('；')
                && !(l.contains("决算") || l.contains("执行"))
        })
        .any(|i| {
            let (other, staged) = super::stage_subject(&doc.figures[i].label);
            staged
                && super::names_budget(&doc.figures[i].label)
                && super::other_subjects(&other, &subject)
        })
}

/// The year of a `截至2023年12月31日`/`截止2023年末` that opens the sentence before a figure's
/// label (between `from` and `to`).
fn as_of_year(text: &str, from: usize, to: usize) -> Option<i32> {
    let head = text.get(from..to)?;
    let at = head.find("截至").or_else(|| head.find("截止"))?;
    let after = head[at + "截至".len()..].trim_start();
    years_in(&after[..crate::read::document::floor_char(after, 8)]).next()
}

/// Words that give a figure its own period, so that it takes none from the figure before.
const PERIOD_WORDS: &[&str] = &[
    "本年",
    "今年",
    "当年",
    "上年",
    "去年",
    "同期",
    "年初",
    "年末",
    "上一年",
];

/// The first `dddd年` in a label.
fn first_year(label: &str) -> Option<i32> {
    years_in(label).next()
}

/// The years a label names: runs of exactly four digits followed by `年`.
pub(crate) fn years_in(label: &str) -> impl Iterator<Item = i32> + '_ {
    let b = label.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() {
            if b[i].is_ascii_digit() {
                let start = i;
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
                if i - start == 4 && label[i..].starts_with('年') {
                    if let Ok(y) = label[start..i].parse() {
                        return Some(y);
                    }
                }
            } else {
                i += 1;
            }
        }
        None
    })
}

fn strip_years(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find(|c: char| c.is_ascii_digit()) {
        out.push_str(&rest[..p]);
        let digits = rest[p..].bytes().take_while(u8::is_ascii_digit).count();
        let after = &rest[p + digits..];
        let unit = ["年度", "年"].iter().find(|u| after.starts_with(**u));
        match unit {
            Some(u) => rest = &after[u.len()..],
            None => {
                out.push_str(&rest[p..p + digits]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod code_tests {
    use super::code_in;

    #[test]
    fn classification_codes() {
        assert_eq!(code_in("（一）2010301行政运行支出"), Some("2010301"));
        assert_eq!(code_in("行政运行（2040401）支出"), Some("2040401"));
        assert_eq!(code_in("201一般公共服务支出（类）"), Some("201"));
        assert_eq!(code_in("2020年行政运行支出"), None);
        assert_eq!(code_in("行政运行支出"), None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(label: &str) -> Option<(String, Flow, Period, Stage)> {
        key_of(label, Some(2020)).map(|k| {
            let name = match k.scope {
                Some(s) => format!("{}·{}", s.name_zh(), k.name),
                None => k.name,
            };
            (name, k.flow, k.period, k.stage)
        })
    }

    #[test]
    fn restatements_share_a_key() {
        let a = key("公务接待费支出决算").unwrap();
        let b = key("公务接待").unwrap();
        assert_eq!(a.0, b.0);
        assert_eq!(key("2020年本年支出合计").unwrap().0, "合计");
        assert_eq!(key("收入总计").unwrap().0, "总计");
        assert_eq!(key("本年收入合计").unwrap().0, "合计");
        // With its carry-overs, a named income is another quantity.
        assert_ne!(
            key("财政拨款收入总计").unwrap().0,
            key("财政拨款收入").unwrap().0
        );
        assert_eq!(
            key("财政拨款收入合计").unwrap().0,
            key("财政拨款收入").unwrap().0
        );
        assert_eq!(key("2020年我局部门总支出为").unwrap().0, "合计");
        assert_eq!(
            key("2020年一般公共预算财政拨款支出"),
            Some((
                "一般公共预算财政拨款".into(),
                Flow::Spending,
                Period::Current,
                Stage::Outturn
            ))
        );
    }

    #[test]
    fn periods_and_stages_differ() {
        assert_eq!(key("2019年公务接待费").unwrap().2, Period::Year(2019));
        assert_eq!(key("上年公务接待费").unwrap().2, Period::Year(2019));
        assert_eq!(key("项目全年预算数").unwrap().3, Stage::Budget);
        assert_eq!(key("执行数为").unwrap().0, PROJECT);
        assert_eq!(key("一般公共预算财政拨款收入").unwrap().3, Stage::Outturn);
        assert_ne!(
            key("一般公共预算财政拨款收入").unwrap().1,
            key("一般公共预算财政拨款支出").unwrap().1
        );
    }

    #[test]
    fn one_name_under_two_codes_is_two_quantities() {
        let doc = Document::read(
            "2020年度决算说明\n2010301行政运行支出100.00万元。\n2011001行政运行支出200.00万元。\n",
        );
        let facts = extract(&doc, &[], &[]);
        let codes: Vec<_> = facts
            .groups
            .iter()
            .filter(|(k, _)| k.name == "行政运行")
            .map(|(k, g)| (k.code, g.len()))
            .collect();
        assert_eq!(codes, [(Some(2010301), 1), (Some(2011001), 1)]);
    }

    #[test]
    fn vague_labels_and_changes_have_no_key() {
        for l in [
            "支出决算为",
            "金额",
            "共计支出",
            "",
            "比上年度增加",
            "支出决算比2019年增加",
            "单价",
            "其他",
            "主要用于",
        ] {
            assert_eq!(key(l), None, "{l}");
        }
    }
}
