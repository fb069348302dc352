//! The “三公”经费 table: 合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费, and
//! 公务用车购置及运行费 (小计) = 公务用车购置费 + 公务用车运行费, for each group of six
//! columns (预算数 and 决算数 in a 决算; one group, or a row per year, in a 预算).
//!
//! Every report has the table, and it is one row of figures under a header of two or three
//! lines, in all three shapes users bring (cells on a laid-out line, tab-separated cells, one
//! cell per line). The columns come in two orders: the 决算 template's (合计, 出国, 小计,
//! 购置, 运行, 接待) and the one many 预算 use (合计, 出国, 接待, 小计, 购置, 运行). Which
//! one a table uses is read from its figures where they tell (a group whose two identities
//! hold in one order and not in the other), else from where its header places 公务接待 and
//! 公务用车 (a laid-out or tab-separated header); a table that tells neither way, whose
//! header names other columns (机关运行经费, 会议费, 培训费), or whose blank cells were dropped
//! (fewer figures than columns) is not checked for errors: the figures could be other cells.
//!
//! Linear: one pass over the lines after each title.

use crate::read::document::Document;
use crate::read::interval::Interval;
use crate::read::quantity::{Money, Unit};

/// A column of the table, in the 决算 template's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Total,
    Abroad,
    CarSubtotal,
    CarPurchase,
    CarRunning,
    Reception,
}

impl Column {
    pub const ALL: [Column; 6] = [
        Column::Total,
        Column::Abroad,
        Column::CarSubtotal,
        Column::CarPurchase,
        Column::CarRunning,
        Column::Reception,
    ];
    pub fn name_zh(self) -> &'static str {
        match self {
            Column::Total => "合计",
            Column::Abroad => "因公出国（境）费",
            Column::CarSubtotal => "公务用车购置及运行费",
            Column::CarPurchase => "公务用车购置费",
            Column::CarRunning => "公务用车运行费",
            Column::Reception => "公务接待费",
        }
    }
}

/// One group of six cells, by column in the template's order: figure indices, or `None` for
/// a cell taken as blank (0).
pub type Group = [Option<usize>; 6];

/// How a table's figures were read.
#[derive(Debug, Clone)]
pub enum Reading {
    /// The columns are known: each group's cells, and the group's name when the table has
    /// several (`预算数`, `决算数`).
    Known {
        groups: Vec<(Option<String>, Group)>,
        /// Blank cells were dropped from the text and put back where the figures add up:
        /// such a reading can verify, never fail.
        blanks_restored: bool,
        /// The unit the table's header states.
        unit: Option<Money>,
        /// Whether the header, in columns, puts 因公出国 left of 公务接待: the sums tell
        /// which columns are the 小计's, not which of the other two is which.
        abroad_first: Option<bool>,
    },
    /// Not checked: the first figure of the row, and why.
    Unknown {
        at: usize,
        why_zh: &'static str,
        why_en: &'static str,
    },
}

/// Column orders as positions of the template's columns: `ORDERS[o][c]` is where column `c`
/// stands in a group.
const TEMPLATE: [usize; 6] = [0, 1, 2, 3, 4, 5];
/// 合计, 出国, 接待, 小计, 购置, 运行.
const RECEPTION_THIRD: [usize; 6] = [0, 1, 3, 4, 5, 2];

/// Header words of amount columns that are no 三公 column: the row holds more than six
/// cells a group, or other ones. (A column of row labels, `项目`, `单位名称`, `年度`, holds
/// no amounts.)
const OTHER_COLUMNS: &[&str] = &["机关运行", "会议", "培训", "科目", "政府性基金", "国有资本"];

pub fn extract(doc: &Document) -> Vec<Reading> {
    let text = doc.original;
    // Where each figure starts in the original text: worked out at the first title only (a
    // text without the table pays nothing for it).
    let mut starts: Option<Vec<usize>> = None;
    let mut out = Vec::new();
    let mut lines = Vec::new();
    let mut at = 0;
    for body in text.split('\n') {
        lines.push(at..at + body.len());
        at += body.len() + 1;
    }
    let mut i = 0;
    while i < lines.len() {
        let body = &text[lines[i].clone()];
        if is_title(body) {
            let starts = starts.get_or_insert_with(|| {
                doc.figures
                    .iter()
                    .map(|f| doc.figure_span(f).start)
                    .collect()
            });
            let (reading, end) = read_table(doc, text, &lines, i + 1, starts);
            out.extend(reading);
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// `一般公共预算财政拨款“三公”经费支出决算表`, `预算09表 财政拨款“三公”经费支出表`; not a line
/// of the contents (`…表 ……11`) nor a sentence about the table.
fn is_title(body: &str) -> bool {
    let t: String = body.chars().filter(|c| !c.is_whitespace()).collect();
    // (`表7：`, `附表7:` before the name numbers the table.)
    let named = t
        .trim_start_matches('附')
        .strip_prefix('表')
        .map(|r| r.trim_start_matches(|c: char| c.is_ascii_digit()))
        .and_then(|r| r.strip_prefix(['：', ':']))
        .unwrap_or(&t);
    named.contains("三公")
        && named.chars().count() <= 48
        && crate::read::grid::is_table_title(named)
        && !named.contains(['。', '，', '…', '.', '：', ':'])
}

/// `公开09表`, `预算09表`, `表9`: the table's number on a line of its own.
fn is_table_number(t: &str) -> bool {
    let rest = t
        .trim_start_matches("公开")
        .trim_start_matches("预算")
        .trim_start_matches("决算")
        .trim_start_matches("附")
        .trim_matches('表');
    !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit())
}

/// How far after its title a table's figures may stand.
const REACH: usize = 80;

/// What a table's header, and its rows together, say of every row.
struct TableFacts {
    /// The groups' names (`预算数`, `决算数`).
    names: [Option<String>; 2],
    /// The column order, where the other rows or the header tell it.
    order: Option<[usize; 6]>,
    unit: Option<Money>,
    abroad_first: Option<bool>,
}

/// Reads the table whose title is the line before `from`: its readings and the line after it.
fn read_table(
    doc: &Document,
    text: &str,
    lines: &[std::ops::Range<usize>],
    from: usize,
    starts: &[usize],
) -> (Vec<Reading>, usize) {
    // The header's lines, as written (their words' columns tell the order).
    let mut header: Vec<&str> = Vec::new();
    // The rows: the figures of each, by index.
    let mut rows: Vec<Vec<usize>> = Vec::new();
    // A row written one cell per line, still open.
    let mut open: Vec<usize> = Vec::new();
    let mut columns: Option<usize> = None;
    let mut unit = None;
    let mut fi = starts.partition_point(|&s| s < lines[from.min(lines.len() - 1)].start);
    let mut end = from;
    for (j, range) in lines.iter().enumerate().skip(from).take(REACH) {
        end = j + 1;
        let body = &text[range.clone()];
        let t: String = body
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\x0c')
            .collect();
        while fi < starts.len() && starts[fi] < range.start {
            fi += 1;
        }
        let first = fi;
        while fi < starts.len() && starts[fi] < range.end {
            fi += 1;
        }
        let figs = first..fi;
        if t.is_empty() || is_table_number(&t) {
            continue;
        }
        if t.starts_with('注') || t.starts_with("备注") || t.contains('。') {
            break;
        }
        if is_title(&t) || crate::read::grid::is_table_title(&t) {
            end = j;
            break;
        }
        if t.contains("单位：") || t.contains("单位:") || t.starts_with("部门") {
            if let Some(Unit::Money(m)) = super::standard::header_unit(&t) {
                unit = Some(m);
            }
            if rows.is_empty() && open.is_empty() {
                continue;
            }
            break;
        }
        let amounts: Vec<usize> = figs
            .clone()
            .filter(|&f| {
                let q = &doc.figures[f].q;
                // A cell of its own, not a number inside a name (`106_长沙市公安局`).
                let span = doc.figure_span(&doc.figures[f]);
                let alone = text[span.end..range.end]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace)
                    && text[range.start..span.start]
                        .chars()
                        .next_back()
                        .is_none_or(|c| c.is_whitespace() || c == '-');
                // Amounts stand after the row's label: a number before it is the row's own
                // (a unit's code, a 序号).
                let after_label = text[span.end..range.end]
                    .chars()
                    .all(|c| c.is_ascii() || !c.is_alphabetic());
                q.unit == Unit::None && !q.approx && alone && after_label
            })
            .collect();
        let words = t.chars().any(|c| !c.is_ascii() && c.is_alphabetic());
        if amounts.is_empty() {
            if !words {
                continue;
            }
            // Words: a header line before the figures, a row's label among them.
            if rows.is_empty() && open.is_empty() && columns.is_none() {
                header.push(body);
                continue;
            }
            if !open.is_empty() {
                rows.push(std::mem::take(&mut open));
            }
            if t.chars().count() > 12 {
                break;
            }
            continue;
        }
        // `1 2 3 … 12`, on a line or a line each: the columns' numbers.
        let next_number = |f: usize, k: usize| {
            let q = &doc.figures[f].q;
            q.decimals == 0 && q.value == rust_decimal::Decimal::from(k as u64 + 1)
        };
        if rows.is_empty() {
            let counted = columns.unwrap_or(0);
            if open.is_empty()
                && amounts
                    .iter()
                    .enumerate()
                    .all(|(k, &f)| next_number(f, counted + k))
            {
                columns = Some(counted + amounts.len());
                continue;
            }
        }
        if amounts.len() == 1 && !words {
            open.push(amounts[0]);
            continue;
        }
        if !open.is_empty() {
            rows.push(std::mem::take(&mut open));
        }
        rows.push(amounts);
    }
    if !open.is_empty() {
        rows.push(open);
    }
    // A lone `1`…`3` under the header is no list of the columns' numbers.
    let columns = columns.filter(|&c| c >= 4);
    let head: String = header
        .iter()
        .flat_map(|h| h.chars())
        .filter(|c| !c.is_whitespace())
        .collect();
    let mut out = Vec::new();
    if rows.is_empty() {
        return (out, end);
    }
    let three = ["出国", "接待"].iter().all(|w| head.contains(w))
        && (head.contains("小计") || head.contains("购置"));
    if !three || OTHER_COLUMNS.iter().any(|w| head.contains(w)) {
        return (out, end);
    }
    // Both known orders put 因公出国 before the 公务用车 columns: a header in columns that
    // puts it after them shows an order of its own, which no reading of the sums may guess.
    let order_hint = header_order(&header).filter(|_| {
        left_of(&header, &["出国"], &["公务用车", "小计", "购置", "运行"]) != Some(false)
    });
    let abroad_first = left_of(&header, &["出国"], &["接待"]);
    // The rows of one table share its order: a row that adds up in one order and not in
    // the other (this year's, beside last year's with a slip) tells it for all of them.
    let told: Vec<[usize; 6]> = rows
        .iter()
        .filter(|r| r.len() % 6 == 0 && columns.is_none_or(|c| c == r.len()))
        .flat_map(|r| r.chunks(6))
        .filter_map(|chunk| {
            let cells: Vec<Option<usize>> = chunk.iter().map(|&f| Some(f)).collect();
            let holds_in = |o: [usize; 6]| all_hold(doc, &in_template_order(&cells, o));
            match (holds_in(TEMPLATE), holds_in(RECEPTION_THIRD)) {
                (true, false) => Some(TEMPLATE),
                (false, true) => Some(RECEPTION_THIRD),
                _ => None,
            }
        })
        .collect();
    let table_order = match told.first() {
        Some(&o) if told.iter().all(|&t| t == o) => Some(o),
        _ => None,
    };
    let facts = TableFacts {
        names: group_names(&head),
        order: table_order.or(order_hint),
        unit,
        abroad_first,
    };
    out.extend(rows.iter().map(|row| read_row(doc, row, columns, &facts)));
    (out, end)
}

/// The groups' names: `预算数` and `决算数` when the header names both in that order, or
/// the two years it names (`2025年预算数`, `2026年预算数`).
fn group_names(head: &str) -> [Option<String>; 2] {
    if let (Some(b), Some(a)) = (head.find("预算数"), head.find("决算数")) {
        if b < a {
            return [Some("预算数".into()), Some("决算数".into())];
        }
    }
    let years: Vec<&str> = head
        .char_indices()
        .filter_map(|(i, _)| head.get(i..i + 7))
        .filter(|w| w.ends_with('年') && w[..4].bytes().all(|b| b.is_ascii_digit()))
        .collect();
    match years.as_slice() {
        [a, b] if a != b => [Some((*a).into()), Some((*b).into())],
        _ => [None, None],
    }
}

/// Which order the header shows, where its cells stand in columns: 公务接待 left of
/// 公务用车 (the group's header or its 小计, 购置, 运行 cells) is the order with reception
/// third. Compared on one line where both are (tab-separated cells), or by column across
/// the lines of a laid-out header; a header of one cell per line shows no order.
fn header_order(header: &[&str]) -> Option<[usize; 6]> {
    const CAR: &[&str] = &["公务用车", "小计", "购置", "运行"];
    left_of(header, &["接待"], CAR).map(|reception_first| {
        if reception_first {
            RECEPTION_THIRD
        } else {
            TEMPLATE
        }
    })
}

/// Whether the header puts a cell with one of the words `a` left of one with the words `b`:
/// on one line where both are, else by column across the lines of a laid-out header (no
/// tabs); a header of one cell per line tells nothing.
fn left_of(header: &[&str], a: &[&str], b: &[&str]) -> Option<bool> {
    let col = |body: &str, w: &str| body.find(w).map(|i| body[..i].chars().count());
    let first = |body: &str, ws: &[&str]| ws.iter().filter_map(|w| col(body, w)).min();
    for h in header {
        if let (Some(x), Some(y)) = (first(h, a), first(h, b)) {
            return Some(x < y);
        }
    }
    let laid_out =
        header.iter().all(|h| !h.contains('\t')) && header.iter().any(|h| h.contains("  "));
    if !laid_out {
        return None;
    }
    let x = header.iter().filter_map(|h| first(h, a)).min()?;
    let y = header.iter().filter_map(|h| first(h, b)).min()?;
    // (Well apart: a header centred over its cells may be off by a few.)
    if x + 4 <= y {
        Some(true)
    } else if y + 4 <= x {
        Some(false)
    } else {
        None
    }
}

/// A group's cells in the template's order, given the order its figures stand in.
fn in_template_order(cells: &[Option<usize>], order: [usize; 6]) -> Group {
    let mut g = [None; 6];
    for (c, &pos) in order.iter().enumerate() {
        g[c] = cells[pos];
    }
    g
}

/// A cell's interval, below zero when written so (a row of changes: `-0.77`).
fn interval(doc: &Document, cell: Option<usize>) -> Option<Interval> {
    match cell {
        Some(f) => {
            let i = doc.figures[f].q.interval()?;
            Some(if negative(doc, f) { i.neg() } else { i })
        }
        None => Some(Interval::exact(rust_decimal::Decimal::ZERO)),
    }
}

/// Written below zero, the sign kept apart from the value by the quantity reader.
fn negative(doc: &Document, f: usize) -> bool {
    let fig = &doc.figures[f];
    !fig.q.value.is_sign_negative() && doc.written_negative(fig)
}

/// A cell's value with the sign it is written with; a blank cell is 0.
pub fn value(doc: &Document, cell: Option<usize>) -> rust_decimal::Decimal {
    match cell {
        Some(f) if negative(doc, f) => -doc.figures[f].q.value,
        Some(f) => doc.figures[f].q.value,
        None => rust_decimal::Decimal::ZERO,
    }
}

/// One identity of a group: the total column and its parts.
pub struct Identity {
    pub total: Column,
    pub parts: &'static [Column],
}

/// 公务用车购置及运行费 = 购置费 + 运行费.
pub const CAR: Identity = Identity {
    total: Column::CarSubtotal,
    parts: &[Column::CarPurchase, Column::CarRunning],
};
/// 合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费.
pub const ALL: Identity = Identity {
    total: Column::Total,
    parts: &[Column::Abroad, Column::CarSubtotal, Column::Reception],
};

impl Identity {
    /// Does it hold in the group, within rounding? `None` when a sum overflows.
    fn holds(&self, doc: &Document, g: &Group) -> Option<bool> {
        let sum = Interval::sum(self.parts.iter().map(|&c| interval(doc, g[c as usize])))?;
        Some(sum.overlaps(interval(doc, g[self.total as usize])?))
    }
}

/// Do the group's two identities hold ([`CAR`], [`ALL`])?
pub fn holds(doc: &Document, g: &Group) -> Option<[bool; 2]> {
    Some([CAR.holds(doc, g)?, ALL.holds(doc, g)?])
}

fn all_hold(doc: &Document, g: &Group) -> bool {
    holds(doc, g).is_some_and(|h| h.iter().all(|&x| x))
}

fn read_row(doc: &Document, row: &[usize], columns: Option<usize>, facts: &TableFacts) -> Reading {
    let unknown = |why_zh, why_en| Reading::Unknown {
        at: row[0],
        why_zh,
        why_en,
    };
    let width = columns.unwrap_or(if row.len() > 6 { 12 } else { 6 });
    if width != 6 && width != 12 {
        return unknown(
            "“三公”经费表的列数不是6或12，各列无法确定",
            "the 三公 table has neither 6 nor 12 columns: its columns are unknown",
        );
    }
    let groups = width / 6;
    let name = |k: usize| {
        if groups == 2 {
            facts.names[k].clone()
        } else {
            None
        }
    };
    let known = |groups: Vec<Group>, blanks_restored| Reading::Known {
        groups: groups
            .into_iter()
            .enumerate()
            .map(|(k, g)| (name(k), g))
            .collect(),
        blanks_restored,
        unit: facts.unit,
        abroad_first: facts.abroad_first,
    };
    if row.len() > width {
        return unknown(
            "“三公”经费表一行的数字多于列数，各列无法确定",
            "a row of the 三公 table has more figures than columns",
        );
    }
    if row.len() < width {
        // Blank cells dropped: verified if putting them back somewhere makes every group
        // add up, else left unchecked (the figures could stand in other columns).
        let missing = width - row.len();
        // (At most four blanks a group, a row of its 合计 and one item: at most 330 ways
        // for twelve columns.)
        if missing > 4 * (width / 6) || row.len() < 2 {
            return unknown(
                "“三公”经费表的空单元格未写0，各数所在列无法确定",
                "blank cells of the 三公 table were dropped: which column each figure stands in is unknown",
            );
        }
        for gaps in gap_choices(width, missing) {
            let cells = with_gaps(row, width, &gaps);
            for order in [TEMPLATE, RECEPTION_THIRD] {
                let gs: Vec<Group> = cells
                    .chunks(6)
                    .map(|c| in_template_order(c, order))
                    .collect();
                if gs.iter().all(|g| all_hold(doc, g)) {
                    return known(gs, true);
                }
            }
        }
        return unknown(
            "“三公”经费表的空单元格未写0，各数所在列无法确定",
            "blank cells of the 三公 table were dropped: which column each figure stands in is unknown",
        );
    }
    let cells: Vec<Option<usize>> = row.iter().map(|&f| Some(f)).collect();
    let read = |order: [usize; 6]| -> Vec<Group> {
        cells
            .chunks(6)
            .map(|c| in_template_order(c, order))
            .collect()
    };
    let readings = [read(TEMPLATE), read(RECEPTION_THIRD)];
    let orders = [TEMPLATE, RECEPTION_THIRD];
    // A group that adds up in one order and not in the other tells the order (a wrong
    // order adds up only by chance). Failing that (a slip in every group), an order in
    // which every group keeps at least one of its relations: a single wrong cell leaves one
    // standing in the true order, while a wrong order keeps one only by chance; if both
    // do, the header decides.
    let all: Vec<bool> = readings
        .iter()
        .map(|gs| gs.iter().all(|g| all_hold(doc, g)))
        .collect();
    let strong: Vec<bool> = (0..2)
        .map(|o| {
            readings[o]
                .iter()
                .zip(&readings[1 - o])
                .any(|(a, b)| all_hold(doc, a) && !all_hold(doc, b))
        })
        .collect();
    let kept: Vec<bool> = readings
        .iter()
        .map(|gs| gs.iter().all(|g| relations(doc, g) > 0))
        .collect();
    let order = if all[0] {
        // (Both orders adding up everywhere read the same sums.)
        Some(0)
    } else if all[1] {
        Some(1)
    } else {
        match (strong[0], strong[1]) {
            (true, false) => Some(0),
            (false, true) => Some(1),
            (true, true) => None,
            // (Only as the header shows it: a table in an order of its own, 合计 then 公务用车
            // then 出国 and 接待, can keep a relation in a known order by chance.)
            // The table's other rows, or its header, tell the order.
            (false, false) => {
                let by_header = facts
                    .order
                    .and_then(|h| orders.iter().position(|&o| o == h));
                by_header.filter(|&o| kept[o])
            }
        }
    };
    let Some(order) = order else {
        return unknown(
            "“三公”经费表的列次序无法确定，不作判断",
            "the order of the 三公 table's columns is unknown",
        );
    };
    known(readings[order].clone(), false)
}

/// How many of a group's relations hold: 小计 = 购置 + 运行, 合计 = 出国 + 小计 + 接待, and
/// 合计 = 出国 + 购置 + 运行 + 接待.
fn relations(doc: &Document, g: &Group) -> usize {
    let Some([car, total]) = holds(doc, g) else {
        return 0;
    };
    usize::from(car) + usize::from(total) + usize::from(total_with_car_parts(doc, g))
}

/// 合计 = 出国 + 购置 + 运行 + 接待: the total holds with the 小计's own parts.
pub fn total_with_car_parts(doc: &Document, g: &Group) -> bool {
    const ALL_BY_CAR_PARTS: Identity = Identity {
        total: Column::Total,
        parts: &[
            Column::Abroad,
            Column::CarPurchase,
            Column::CarRunning,
            Column::Reception,
        ],
    };
    ALL_BY_CAR_PARTS.holds(doc, g).unwrap_or(false)
}

/// Every way to choose `k` of the positions `1..width`, in order.
fn gap_choices(width: usize, k: usize) -> Vec<Vec<usize>> {
    fn go(from: usize, width: usize, k: usize, acc: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        if k == 0 {
            out.push(acc.clone());
            return;
        }
        for p in from..width {
            acc.push(p);
            go(p + 1, width, k - 1, acc, out);
            acc.pop();
        }
    }
    let mut out = Vec::new();
    go(1, width, k, &mut Vec::new(), &mut out);
    out
}

/// The row's figures with blanks at the positions `gaps`.
fn with_gaps(row: &[usize], width: usize, gaps: &[usize]) -> Vec<Option<usize>> {
    let mut figures = row.iter();
    (0..width)
        .map(|p| {
            if gaps.contains(&p) {
                None
            } else {
                figures.next().copied()
            }
        })
        .collect()
}
