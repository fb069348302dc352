//! `table-identity`: a laid-out table's rows obey the same column identity (合计 = 基本支出 +
//! 项目支出; 小计 = 人员经费 + 公用经费), and a row that breaks it is a slip.
//!
//! The text of a laid-out table does not say which column is the total of which: headers
//! span several lines and wrap inside their cells. So the identity is read from the rows
//! themselves: a column that equals the sum of a run of the columns after it in at least
//! three rows with two or more non-zero parts, and fails in at most half as many (one slip
//! propagates to its parent rows), is
//! an identity of that table, and each row that fails it is reported. Three exact matches
//! of sums to the cent do not happen by chance; a mixture of tables or a misread column
//! does not give three. A failing row is reported only when it is shaped like the rows that
//! hold (the same cells filled) or like two rows whose one part is their total, no wrapped
//! cell touches the columns involved, and no other reading of its total adds up (a row laid
//! out differently from the rest).

use super::kit::{cell_interval, cell_sum, column_sum, row_label, CellSum};
use super::{Context, Draft, Rule, RuleInfo, Sink};
use crate::read::document::Document;
use crate::read::grid::{Cell, Grid};
use crate::read::interval::Interval;
use crate::read::quantity::Unit;
use crate::report::Severity;
use rust_decimal::Decimal;

pub struct TableIdentity;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "table-identity",
    name_zh: "表内各行的列关系",
    name_en: "Column identity across a table's rows",
    severity: Severity::Error,
    summary_zh: "排版表格（如 PDF 转出的文本）中，多数行都满足“某列 = 其后若干列之和”（合计 = 基本支出 + 项目支出）时，不满足的行是差错。",
    summary_en: "When most rows of a laid-out table obey one column identity (合计 = 基本支出 + 项目支出), a row that does not is a slip.",
    explanation_zh: "PDF 转出的表格没有单元格分隔，表头常跨多行，无法可靠地读出哪一列是哪几列的合计。\
本规则按数字右端对齐的位置还原各列，从表中各行本身找出列关系：某列在至少三行（每行至少两个非零分项）中恰好等于其后连续若干列之和，\
且不相符的行不超过相符行的一半（一处差错常带到上级各行），即视为该表的列关系，逐行核对。不相符的行只在以下情况报告：与相符行（或至少两行唯一分项即等于合计的行）的填列形状相同；\
没有折行的单元格落在相关列上；该行自身的数字换一种读法也凑不成和（排版与其他行不同）。\n\
例：表中各行“合计 = 人员经费 + 公用经费”均成立，而“交通运输支出 51,417.49 | 41,277.20 | 10,190.89”中 41,277.20 + 10,190.89 = 51,468.09。",
    explanation_en: "Tables converted from PDF have no cell separators and headers spread over several lines, so the \
column identity is read from the rows: a column equal to the sum of a run of the columns after it in at least three \
rows (two or more non-zero parts each), failing in at most half as many, is the table's identity; each failing \
row shaped like the rows that hold (or like two rows whose one part is their total), with no wrapped cell on the columns involved and no other reading of its total \
that adds up, is reported. Example: 41,277.20 + 10,190.89 = 51,468.09, the row says 51,417.49.",
};

impl Rule for TableIdentity {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, claims, sink) = cx.parts();
        for g in &claims.grids {
            check_grid(doc, g, sink);
        }
    }
}

/// The widest run of part columns looked at: a standard table's widest total spans 12.
const MAX_PARTS: usize = 16;

/// An interval in whole units of 10^-7: exact for amounts written with up to six decimals
/// (their rounding half-unit has seven), and integer addition keeps the search over every
/// candidate identity cheap.
#[derive(Clone, Copy)]
struct Units {
    lo: i128,
    hi: i128,
}

const UNIT_DECIMALS: u32 = 7;

fn units(d: Decimal) -> Option<i128> {
    let scale = d.scale();
    (scale <= UNIT_DECIMALS).then(|| d.mantissa() * 10i128.pow(UNIT_DECIMALS - scale))
}

impl Units {
    fn overlaps(self, o: Units) -> bool {
        self.lo <= o.hi && o.lo <= self.hi
    }
}

/// One row's cells as intervals, with prefix sums so that any run of columns adds up in
/// constant time.
struct RowSums {
    /// Prefix sums of the cells' intervals (empty cells are 0) up to each column.
    lo: Vec<i128>,
    hi: Vec<i128>,
    /// Prefix counts of non-zero amounts.
    nonzero: Vec<u32>,
    present: u64,
    unknown: u64,
    filled: u32,
}

impl RowSums {
    fn run(&self, from: usize, to: usize) -> Units {
        Units {
            lo: self.lo[to] - self.lo[from],
            hi: self.hi[to] - self.hi[from],
        }
    }
}

fn interval(doc: &Document, c: Cell) -> Option<Interval> {
    match c {
        Cell::Figure(f) => doc.figures[f].q.interval(),
        _ => None,
    }
}

fn row_sums(doc: &Document, cells: &[Cell]) -> Option<RowSums> {
    let mut s = RowSums {
        lo: vec![0],
        hi: vec![0],
        nonzero: vec![0],
        present: 0,
        unknown: 0,
        filled: 0,
    };
    for (c, &cell) in cells.iter().enumerate() {
        let (lo, hi, nz) = match cell {
            Cell::Figure(f) => {
                let q = &doc.figures[f].q;
                if q.unit != Unit::None {
                    return None;
                }
                let i = q.interval()?;
                s.present |= 1 << c;
                s.filled += 1;
                (units(i.lo)?, units(i.hi)?, u32::from(!q.value.is_zero()))
            }
            Cell::Unknown => {
                s.unknown |= 1 << c;
                s.filled += 1;
                (0, 0, 0)
            }
            Cell::Empty => (0, 0, 0),
        };
        s.lo.push(s.lo[c].checked_add(lo)?);
        s.hi.push(s.hi[c].checked_add(hi)?);
        s.nonzero.push(s.nonzero[c] + nz);
    }
    Some(s)
}

/// A candidate identity: column `total` = columns `total+1 ..= last` except `skip` (a 其中
/// column inside the run).
#[derive(Clone, Copy)]
struct Identity {
    total: usize,
    last: usize,
    skip: Option<usize>,
}

impl Identity {
    fn mask(self) -> u64 {
        let mut m = 0u64;
        for c in self.total..=self.last {
            m |= 1 << c;
        }
        if let Some(s) = self.skip {
            m &= !(1 << s);
        }
        m
    }

    fn parts(self, r: &RowSums) -> (Units, u32) {
        let mut iv = r.run(self.total + 1, self.last + 1);
        let mut nz = r.nonzero[self.last + 1] - r.nonzero[self.total + 1];
        if let Some(s) = self.skip {
            let cell = r.run(s, s + 1);
            iv = Units {
                lo: iv.lo - cell.lo,
                hi: iv.hi - cell.hi,
            };
            nz -= r.nonzero[s + 1] - r.nonzero[s];
        }
        (iv, nz)
    }
}

/// An identity the table's rows obey: the rows that hold and those that fail it.
struct Accepted {
    id: Identity,
    /// Number of part columns.
    width: usize,
    holds: Vec<usize>,
    fails: Vec<usize>,
    /// Rows with one non-zero part that equals the total: no evidence of the identity, but
    /// of a shape of row (a 项 with 项目支出 only) that the table fills this way.
    trivial: Vec<usize>,
}

enum Verdict {
    Holds,
    Trivial,
    Fails,
    NotApplicable,
}

/// A row that holds with exactly one non-zero part (so its total is that part, not zero).
fn one_part(id: Identity, r: &RowSums) -> bool {
    matches!(judge(id, r), Verdict::Trivial) && id.parts(r).1 == 1
}

fn judge(id: Identity, r: &RowSums) -> Verdict {
    if r.present & (1 << id.total) == 0 || r.unknown & id.mask() != 0 {
        return Verdict::NotApplicable;
    }
    if r.present & id.mask() & !(1 << id.total) == 0 {
        return Verdict::NotApplicable;
    }
    let (parts, nonzero) = id.parts(r);
    let total = r.run(id.total, id.total + 1);
    if parts.overlaps(total) {
        if nonzero >= 2 {
            Verdict::Holds
        } else {
            Verdict::Trivial
        }
    } else {
        Verdict::Fails
    }
}

fn check_grid(doc: &Document, g: &Grid, sink: &mut Sink) {
    if g.columns > 64 {
        return;
    }
    // Rows of one or two amounts cannot show an identity of three columns: they are judged
    // only under the identities the wider rows show.
    let all: Vec<Option<RowSums>> = g.rows.iter().map(|r| row_sums(doc, &r.cells)).collect();
    let rows: Vec<Option<&RowSums>> = all
        .iter()
        .zip(&g.rows)
        .map(|(s, r)| s.as_ref().filter(|_| !r.short))
        .collect();
    let mut reported = vec![false; rows.len()];
    // Strongest identities first: most rows holding, then fewest columns.
    let mut found: Vec<Accepted> = Vec::new();
    for total in 0..g.columns {
        for last in total + 2..g.columns.min(total + 1 + MAX_PARTS) {
            let skips = std::iter::once(None).chain((total + 1..=last).map(Some));
            for skip in skips {
                let id = Identity { total, last, skip };
                let width = last - total - usize::from(skip.is_some());
                if width < 2 {
                    continue;
                }
                let mut holds = Vec::new();
                let mut fails = Vec::new();
                let mut trivial = Vec::new();
                for (ri, r) in rows.iter().enumerate() {
                    let Some(r) = r else { continue };
                    match judge(id, r) {
                        Verdict::Holds => holds.push(ri),
                        Verdict::Fails => fails.push(ri),
                        Verdict::Trivial if one_part(id, r) => trivial.push(ri),
                        Verdict::Trivial | Verdict::NotApplicable => {}
                    }
                    // Stop once the rows left cannot make the identity hold: most
                    // candidates fail on their first rows.
                    if fails.len() * 2 > holds.len() + (rows.len() - ri - 1) {
                        break;
                    }
                }
                if holds.len() >= 3 && fails.len() * 2 <= holds.len() {
                    // Only among the rows that hold: a small table after the main one's
                    // 合计, in the same block, has columns of its own.
                    let within = holds[0]..*holds.last().expect("three rows hold");
                    for (ri, r) in all.iter().enumerate() {
                        let Some(r) = r
                            .as_ref()
                            .filter(|_| g.rows[ri].short && within.contains(&ri))
                        else {
                            continue;
                        };
                        match judge(id, r) {
                            Verdict::Trivial if one_part(id, r) => trivial.push(ri),
                            Verdict::Fails => fails.push(ri),
                            _ => {}
                        }
                    }
                    found.push(Accepted {
                        id,
                        width,
                        holds,
                        fails,
                        trivial,
                    });
                }
            }
        }
    }
    found.sort_by_key(|a| (std::cmp::Reverse(a.holds.len()), a.width));
    for Accepted {
        id,
        holds,
        fails,
        trivial,
        ..
    } in &found
    {
        let shape = |ri: usize| {
            let r = all[ri].as_ref().expect("judged rows have sums");
            (r.present & id.mask(), r.filled)
        };
        let shapes: Vec<(u64, u32)> = holds.iter().map(|&ri| shape(ri)).collect();
        // A shape seen in two rows whose one part is the whole (`城管执法 1,793,700 | | 1,783,700`
        // beside `其他城乡社区管理事务支出 2,179,800 | | 2,179,800`): such a row's columns are
        // read as surely as theirs.
        let seen = |s: (u64, u32)| {
            shapes.contains(&s) || trivial.iter().filter(|&&ri| shape(ri) == s).count() >= 2
        };
        for &ri in fails {
            if reported[ri]
                || !seen(shape(ri))
                || adds_up_otherwise(doc, &g.rows[ri].cells, id.total)
            {
                continue;
            }
            reported[ri] = true;
            report(doc, g, *id, ri, holds, sink);
        }
    }
    // What held is verified: one entry per row total, under its strongest identity.
    let mut verified = vec![false; rows.len()];
    for Accepted { id, holds, .. } in &found {
        for &ri in holds {
            if !verified[ri] && !reported[ri] {
                verified[ri] = true;
                if let Some(f) = g.rows[ri].figure(id.total) {
                    let q = &doc.figures[f].q;
                    sink.verified(
                        INFO.id,
                        q.start..q.end,
                        format!("{}等于本行其后各列之和", doc.written(&doc.figures[f])),
                        "equals the sum of the columns after it in its row".into(),
                    );
                }
            }
        }
    }
}

/// Does the failing total equal the sum of some run of the figures after it in its row (two
/// or more non-zero)? Then the row adds up under another reading of its columns, and its
/// failure says more about the layout than about the report.
fn adds_up_otherwise(doc: &Document, cells: &[Cell], total: usize) -> bool {
    let figures: Vec<(Interval, bool)> = cells[total + 1..]
        .iter()
        .filter_map(|&c| match c {
            Cell::Figure(f) => Some((
                doc.figures[f].q.interval()?,
                !doc.figures[f].q.value.is_zero(),
            )),
            _ => None,
        })
        .collect();
    let Some(t) = interval(doc, cells[total]) else {
        return false;
    };
    for b in 0..figures.len() {
        let mut sum = Interval::exact(Decimal::ZERO);
        let mut nonzero = 0;
        for &(iv, nz) in &figures[b..] {
            let Some(s) = sum.add(iv) else { break };
            sum = s;
            nonzero += usize::from(nz);
            if nonzero >= 2 && sum.overlaps(t) {
                return true;
            }
        }
    }
    false
}

/// The part cell of a failing row that the rows under it contradict. The identity alone
/// cannot say which of the row's cells is wrong; its children can: when the rows directly
/// under it (the next indent, up to a row no deeper than it) add up to its total and to every
/// part but one, and that part's children's sum in its place makes the row hold, the slip is
/// that part. Its column, its children's figures in that column, and their sum.
fn wrong_part(doc: &Document, g: &Grid, id: Identity, ri: usize) -> Option<(usize, Vec<usize>)> {
    let indent = g.rows[ri].indent;
    let end = (ri + 1..g.rows.len())
        .find(|&r| g.rows[r].indent <= indent)
        .unwrap_or(g.rows.len());
    let level = (ri + 1..end).map(|r| g.rows[r].indent).min()?;
    let children: Vec<usize> = (ri + 1..end)
        .filter(|&r| g.rows[r].indent == level)
        .collect();
    if children.len() < 2 {
        return None;
    }
    let row = &g.rows[ri];
    let cell = |c: usize| cell_interval(doc, row.cells[c]);
    let holds_in = |c: usize| -> Option<(bool, Interval)> {
        let (sum, _, _) = column_sum(doc, g, &children, c)?;
        let own = cell(c)?.unwrap_or(Interval::exact(Decimal::ZERO));
        Some((sum.overlaps(own), sum))
    };
    if !holds_in(id.total)?.0 {
        return None;
    }
    let parts: Vec<usize> = (id.total + 1..=id.last)
        .filter(|&c| Some(c) != id.skip)
        .collect();
    let mut wrong = None;
    let mut sum = Interval::exact(Decimal::ZERO);
    for &c in &parts {
        let (holds, children_sum) = holds_in(c)?;
        if holds {
            sum = sum.add(cell(c)?.unwrap_or(Interval::exact(Decimal::ZERO)))?;
        } else if wrong.replace(c).is_some() {
            return None;
        } else {
            sum = sum.add(children_sum)?;
        }
    }
    let c = wrong?;
    // (A part left empty is no figure to blame.)
    row.figure(c)?;
    if !sum.overlaps(cell(id.total)??) {
        return None;
    }
    let figures = children
        .iter()
        .filter_map(|&r| g.rows[r].figure(c))
        .collect();
    Some((c, figures))
}

fn report(doc: &Document, g: &Grid, id: Identity, ri: usize, holds: &[usize], sink: &mut Sink) {
    let row = &g.rows[ri];
    let Some(total) = row.figure(id.total) else {
        return;
    };
    if let Some((c, children)) = wrong_part(doc, g, id, ri) {
        report_part(doc, g, id, ri, c, &children, holds, sink);
        return;
    }
    let parts: Vec<usize> = (id.total + 1..=id.last)
        .filter(|&c| Some(c) != id.skip)
        .filter_map(|c| row.figure(c))
        .filter(|&f| !doc.figures[f].q.value.is_zero())
        .collect();
    if parts.is_empty() {
        return;
    }
    let t = &doc.figures[total];
    let CellSum { sum, diff, formula } = cell_sum(doc, total, &parts);
    let written = doc.written(t);
    let label = doc.text()[row.line.clone()]
        .split(|c: char| c.is_ascii_digit() || c.is_whitespace())
        .find(|s| !s.is_empty())
        .unwrap_or("")
        .to_string();
    let mut d = Draft::new(
        INFO.id,
        Severity::Error,
        t.q.start..t.q.end,
        format!(
            "本行（{label}）{written}不等于其右侧分列之和{sum}，相差{diff}；同表另有{}行的这一列都等于其右侧分列之和",
            holds.len()
        ),
        format!(
            "This row's {written} is not the sum of its part columns to the right, {sum} (off by {diff}); in {} other rows of the table that column is",
            holds.len()
        ),
    );
    d.stated = Some(written);
    d.expected = Some(sum);
    d.formula = Some(formula);
    d.cause = Some(format!(
        "列关系从本表各行读出：{}（按金额的对齐位置计列），{}行相符，如第{}行",
        column_names(id),
        holds.len(),
        doc.line_of(doc.span(g.rows[holds[0]].line.clone()).start)
    ));
    for &p in &parts {
        let q = &doc.figures[p].q;
        d.related.push((q.start..q.end, "分项".into()));
    }
    if let Some(f) = g.rows[holds[0]].figure(id.total) {
        let q = &doc.figures[f].q;
        d.related.push((q.start..q.end, "同表相符的行".into()));
    }
    sink.report(d);
}

/// A row whose part in column `c` is not the sum of the rows under it, while its total is.
#[allow(clippy::too_many_arguments)]
fn report_part(
    doc: &Document,
    g: &Grid,
    id: Identity,
    ri: usize,
    c: usize,
    children: &[usize],
    holds: &[usize],
    sink: &mut Sink,
) {
    let row = &g.rows[ri];
    let (Some(part), Some(total)) = (row.figure(c), row.figure(id.total)) else {
        return;
    };
    let CellSum { sum, diff, formula } = cell_sum(doc, part, children);
    let written = doc.written(&doc.figures[part]);
    let total_written = doc.written(&doc.figures[total]);
    let label = row_label(doc, g, ri);
    let names = column_names(id);
    let mut d = Draft::new(
        INFO.id,
        Severity::Error,
        doc.figures[part].q.start..doc.figures[part].q.end,
        format!(
            "本行（{label}）第{}列{written}不等于其下各行之和{sum}，相差{diff}；本行因此不满足{names}，按{sum}计则满足",
            c + 1
        ),
        format!(
            "This row's column {} reads {written}, not the sum of the rows under it, {sum} (off by {diff}); so the row breaks the table's column identity, which {sum} would keep",
            c + 1
        ),
    );
    d.stated = Some(written);
    d.expected = Some(sum);
    d.formula = Some(formula);
    d.cause = Some(format!(
        "列关系从本表各行读出：{names}，{}行相符；本行第{}列{total_written}等于其下各行之和，只有第{}列不等",
        holds.len(),
        id.total + 1,
        c + 1
    ));
    for &p in children {
        let q = &doc.figures[p].q;
        d.related.push((q.start..q.end, "下级行".into()));
    }
    let q = &doc.figures[total].q;
    d.related.push((q.start..q.end, "本行合计".into()));
    sink.report(d);
}

/// `第1列 = 第2列 + … + 第5列`, counted among the table's amount columns.
fn column_names(id: Identity) -> String {
    let parts: Vec<String> = (id.total + 1..=id.last)
        .filter(|&c| Some(c) != id.skip)
        .map(|c| format!("第{}列", c + 1))
        .collect();
    format!("“第{}列 = {}”", id.total + 1, parts.join(" + "))
}
