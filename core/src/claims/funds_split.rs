//! A self-evaluation table's `年度资金总额` row and the rows the template splits it into,
//! `其中：当年财政拨款`, `上年结转资金`, `其他资金`: column by column (年初预算数, 全年预算数,
//! 全年执行数) the total is their sum.
//!
//! ```text
//!              年度资金总额          3681.5       423           423            1000%      6
//!  （万元）        其中：当年财政拨款        423         423           423             —          —
//!                 上年结转资金
//!               其他资金           3258.5      3258.5                 0               —          —
//! ```
//!
//! Laid-out rows leave empty cells out, so a part's column is the total's cell it stands
//! under; a row whose cells cannot be put in columns for sure leaves the split unchecked.

use std::ops::Range;

/// The amount columns of the row: 年初预算数, 全年预算数, 全年执行数 (then 分值, 执行率, 得分).
const AMOUNT_COLUMNS: usize = 3;

/// The rows under the total are only these words (wrapped anyhow: `其中：财政` / `拨款`,
/// `上` / `年结转`), besides their cells; any other line ends them.
const LABEL_CHARS: &str = "项目资金（万元）()其中：:当年财政拨款上结转他执行率分值";

/// Rows of parts looked at, at most: the template has three.
const MAX_ROWS: usize = 8;

/// A cell's character columns on its line.
pub(crate) type Columns = Range<usize>;

#[derive(Debug, Clone, Default)]
pub struct FundsSplit {
    /// The total's amount cells, each with its columns: `None` where the cell is a dash.
    pub totals: Vec<(Option<usize>, Columns)>,
    /// Each column's parts (figure indices), in row order.
    pub parts: Vec<Vec<usize>>,
    /// Still reading the rows under the total.
    reading: bool,
    /// The total's cells are tab-separated: so must its parts' be.
    tabbed: bool,
    rows: usize,
    /// A row whose cells could not be put in columns: nothing is checked.
    pub unread: bool,
    /// The parts' own 执行率 (`其中：财政拨款 140.61 140.61 140.61 -- 0.0% --`), with the
    /// row's 全年预算数 and 全年执行数.
    pub rates: Vec<PartRate>,
}

#[derive(Debug, Clone, Copy)]
pub struct PartRate {
    pub budget: usize,
    pub spent: usize,
    pub rate: usize,
}

/// A cell that says "nothing": `—`, `--`, `-`.
pub fn is_dash(c: &str) -> bool {
    !c.is_empty()
        && c.chars()
            .all(|ch| matches!(ch, '—' | '-' | '–' | '－' | '―'))
}

fn is_rate(c: &str) -> bool {
    c.ends_with('%') || c.ends_with('％')
}

/// `（10）`: a 分值 written in brackets.
fn is_bracketed(c: &str) -> bool {
    let inner = c
        .trim_start_matches(['(', '（'])
        .trim_end_matches([')', '）']);
    inner.len() < c.len() && !inner.is_empty() && inner.chars().all(|ch| ch.is_ascii_digit())
}

/// Where a cell at byte `at` of `body` stands: in characters on a laid-out line; on a
/// tab-separated one by its field (empty fields count), spread so that no drift reaches
/// the next field.
pub(crate) fn columns(body: &str, at: usize, cell: &str) -> Columns {
    if body.contains('\t') {
        let field = body[..at].matches('\t').count() * TAB_FIELD;
        return field..field + 1;
    }
    let start = body[..at].chars().count();
    start..start + cell.chars().count()
}

/// A tab-separated field's width in `columns`: more than any drift allowed.
const TAB_FIELD: usize = 100;

fn centre(c: &Columns) -> isize {
    (c.start + c.end) as isize
}

impl FundsSplit {
    /// The split of the total row whose cells after its label are `cells` (text, byte
    /// offset), `amount` telling a cell's figure when it is an amount. `None` when the row
    /// starts with no amount.
    pub fn start(
        body: &str,
        cells: &[(&str, usize)],
        amount: impl Fn(usize, &str) -> Option<usize>,
    ) -> Option<FundsSplit> {
        let mut totals = Vec::new();
        for &(c, at) in cells.iter().take(AMOUNT_COLUMNS) {
            let figure = match amount(at, c) {
                Some(f) => Some(f),
                None if is_dash(c) => None,
                None => break,
            };
            totals.push((figure, columns(body, at, c)));
        }
        if totals.iter().all(|(f, _)| f.is_none()) {
            return None;
        }
        Some(FundsSplit {
            parts: vec![Vec::new(); totals.len()],
            totals,
            reading: true,
            tabbed: body.contains('\t'),
            rows: 0,
            unread: false,
            rates: Vec::new(),
        })
    }

    pub fn reading(&self) -> bool {
        self.reading
    }

    /// A line after the total: a row of parts, a piece of a wrapped label, or the end.
    /// `rate` tells a cell's figure when it is a rate.
    pub fn read_line(
        &mut self,
        body: &str,
        cells: &[(&str, usize)],
        amount: impl Fn(usize, &str) -> Option<usize>,
        rate: impl Fn(usize, &str) -> Option<usize>,
    ) {
        if cells.is_empty() {
            return;
        }
        // The row's amounts and dashes up to its 执行率 (a `0` after it is no amount).
        let mut row: Vec<(Option<usize>, Columns)> = Vec::new();
        let mut past_rate = false;
        let mut row_rate = None;
        for &(c, at) in cells {
            if is_rate(c) {
                if !std::mem::replace(&mut past_rate, true) {
                    row_rate = rate(at, c);
                }
                continue;
            }
            if let Some(f) = amount(at, c) {
                if !past_rate {
                    row.push((Some(f), columns(body, at, c)));
                }
                continue;
            }
            if is_dash(c) {
                if !past_rate {
                    row.push((None, columns(body, at, c)));
                }
                continue;
            }
            if is_bracketed(c) || c.chars().all(|ch| LABEL_CHARS.contains(ch)) {
                continue;
            }
            self.reading = false;
            return;
        }
        if row.iter().all(|(f, _)| f.is_none()) {
            return;
        }
        if body.contains('\t') != self.tabbed {
            self.unread = true;
            self.reading = false;
            return;
        }
        self.rows += 1;
        if self.rows > MAX_ROWS {
            self.reading = false;
            self.unread = true;
            return;
        }
        match self.place(&row) {
            Some(placed) => {
                let at = |column: usize| placed.iter().find(|p| p.0 == column).map(|p| p.1);
                if let (3, Some(budget), Some(spent), Some(rate)) =
                    (self.totals.len(), at(1), at(2), row_rate)
                {
                    self.rates.push(PartRate {
                        budget,
                        spent,
                        rate,
                    });
                }
                for (column, f) in placed {
                    self.parts[column].push(f);
                }
            }
            None => {
                self.unread = true;
                self.reading = false;
            }
        }
    }

    /// Each amount of a row with the column it stands under: the total's cell it is
    /// nearest, clearly (the next nearest at least 3 characters further), and no further
    /// than a cell's drift on a laid-out page; columns in order. A row of as many amounts as
    /// the total has cells may drift further: they are its columns in order (and so are the
    /// first ones, when a dash follows them). Dashes past the last column are the 分值's.
    fn place(&self, row: &[(Option<usize>, Columns)]) -> Option<Vec<(usize, usize)>> {
        let n = self.totals.len();
        // (What follows a dash after the amounts is the 分值's and 执行率's: `0 0 0 — 0 —`.)
        let amounts = row.iter().filter(|(f, _)| f.is_some()).count();
        let ends = row.len() == n || row.get(n).is_some_and(|(f, _)| f.is_none());
        if row.len() >= n && row[..n].iter().all(|(f, _)| f.is_some()) && (amounts == n || ends) {
            return Some(
                row[..n]
                    .iter()
                    .enumerate()
                    .map(|(i, (f, _))| (i, f.expect("an amount")))
                    .collect(),
            );
        }
        let mut placed = Vec::new();
        let mut last: Option<usize> = None;
        for (f, cols) in row {
            let mut by_distance: Vec<(isize, usize)> = self
                .totals
                .iter()
                .enumerate()
                .map(|(i, (_, t))| ((centre(cols) - centre(t)).abs(), i))
                .collect();
            by_distance.sort_unstable();
            let (d, column) = by_distance[0];
            // (Distances in half characters: centres are doubled.)
            let clear = by_distance.get(1).is_none_or(|&(d2, _)| d2 - d >= 6);
            if d > 16 || !clear || last.is_some_and(|l| column <= l) {
                if f.is_none() && cols.start >= self.totals[n - 1].1.end {
                    break;
                }
                return None;
            }
            last = Some(column);
            if let Some(f) = f {
                placed.push((column, *f));
            }
        }
        Some(placed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(body: &str) -> Vec<(&str, usize)> {
        body.split([' ', '\t'])
            .filter(|c| !c.is_empty())
            .map(|c| (c, c.as_ptr() as usize - body.as_ptr() as usize))
            .collect()
    }

    /// Amounts are numbered by their byte offset on the test's lines.
    fn amount(at: usize, c: &str) -> Option<usize> {
        c.replace(',', "").parse::<f64>().ok().map(|_| at)
    }

    fn split(lines: &[&str]) -> FundsSplit {
        let head = cells(lines[0]);
        let at = head.iter().position(|(c, _)| *c == "年度资金总额").unwrap();
        let mut s = FundsSplit::start(lines[0], &head[at + 1..], amount).unwrap();
        for l in &lines[1..] {
            if s.reading() {
                s.read_line(l, &cells(l), amount, |_, _| None);
            }
        }
        s
    }

    #[test]
    fn parts_stand_under_their_totals_cells() {
        let s = split(&[
            "      年度资金总额      2500      2500        2498.8        10          99.95%         9",
            "      其中：当年财政拨款  1072      1072         1072         —                          —",
            "         上年结转资金                                   —                          —",
            "         其他资金      1428                  1426.8        —                          —",
            "         预期目标（年初设定）                实际完成情况",
        ]);
        assert!(!s.unread);
        assert_eq!(s.parts.iter().map(Vec::len).collect::<Vec<_>>(), [2, 1, 2]);
    }

    #[test]
    fn a_blank_opening_column_is_a_dash() {
        let s = split(&[
            "年度资金总额       -        1,033.00      1,033.00   10    100.00%     10.00",
            "其中：当年财政拨款  -        1,033.00      1,033.00   —                 —",
            "上年结转资金                                        —                 —",
        ]);
        assert_eq!(s.totals[0].0, None);
        assert_eq!(s.parts.iter().map(Vec::len).collect::<Vec<_>>(), [0, 1, 1]);
    }

    #[test]
    fn tab_separated_parts_go_by_field() {
        let s = split(&[
            "年度资金总额\t600.00\t742.50\t698.37\t10\t94.06%\t9.41",
            "其中：财政拨款\t600.00\t700.00\t698.37\t—\t—\t—",
            "其他资金\t\t42.50\t\t—\t—\t—",
        ]);
        assert!(!s.unread);
        assert_eq!(s.parts.iter().map(Vec::len).collect::<Vec<_>>(), [1, 2, 1]);
    }

    #[test]
    fn a_row_that_fits_no_column_leaves_the_split_unread() {
        let s = split(&[
            "年度资金总额      2500      2500        2498.8        10      99.95%",
            "其中：当年财政拨款       1072                               —",
        ]);
        assert!(s.unread);
    }
}
