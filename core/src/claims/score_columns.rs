//! A self-evaluation table's indicator rows, read for their `分值` and `得分` cells: with the
//! 年度资金总额 row's (预算执行率's 分值 and 得分) they add up to the `总分` row's.
//!
//! ```text
//!        一级指标     二级指标     三级指标      年度指标值   实际完成值   分值   得分
//!                     数量指标     采购数量      据实采购     据实采购      10     10
//!        产出指标     质量指标     质量达标率      100%         100%        20     20
//!                        总分                                              100   92.6
//! ```
//!
//! A cell is the header's `分值` or `得分` it stands under. Anything that makes the rows
//! doubtful leaves them unread: a row with one of the two cells only, a cell under neither
//! for sure, figures on a new page before its header is repeated, a row for the 执行率
//! besides the funds row's own score (counted twice), a first-level row with its own score.

use super::funds_split::{columns, Columns};

/// How much nearer one header than the other a cell's centre must stand, in half
/// characters.
const CLEAR: isize = 4;

/// First-level indicators: a row of one of them with figures is a subtotal.
const GROUPS: &[&str] = &[
    "产出指标",
    "效益指标",
    "满意度指标",
    "成本指标",
    "决策",
    "过程",
];

#[derive(Debug, Clone, Default)]
pub struct ScoreColumns {
    /// Where the `分值` and `得分` headers stand, once a header is read (and until a page
    /// ends).
    header: Option<(Columns, Columns)>,
    /// A page ended since the header.
    new_page: bool,
    /// The 分值 and 得分 cells, in order.
    pub full: Vec<usize>,
    pub scored: Vec<usize>,
    /// Something made the rows doubtful: nothing is checked.
    pub unread: bool,
}

fn centre(c: &Columns) -> isize {
    (c.start + c.end) as isize
}

impl ScoreColumns {
    /// A line of the table after its funds rows; `score` tells a cell's figure when it is a
    /// bare number.
    pub fn read_line(
        &mut self,
        body: &str,
        cells: &[(&str, usize)],
        score: impl Fn(usize, &str) -> Option<usize>,
    ) {
        if body.contains('\x0c') {
            self.new_page = true;
        }
        let header = |w: &str| cells.iter().find(|(c, _)| *c == w);
        if let (Some(&(f, fa)), Some(&(s, sa))) = (header("分值"), header("得分")) {
            self.header = Some((columns(body, fa, f), columns(body, sa, s)));
            self.new_page = false;
            return;
        }
        let figures: Vec<(usize, Columns)> = cells
            .iter()
            .filter_map(|&(c, at)| score(at, c).map(|f| (f, columns(body, at, c))))
            .collect();
        if figures.is_empty() {
            return;
        }
        let Some((full_at, scored_at)) = self.header.clone() else {
            return;
        };
        if self.new_page {
            // (The page may lay its columns out afresh.)
            self.unread = true;
            return;
        }
        let words: String = cells
            .iter()
            .filter(|&&(c, at)| score(at, c).is_none())
            .map(|(c, _)| *c)
            .collect();
        if words.contains("执行率") || GROUPS.iter().any(|g| words.contains(g)) {
            self.unread = true;
            return;
        }
        let near = |cols: &Columns, header: &Columns| (centre(cols) - centre(header)).abs();
        // (Within one column's spacing of its header, and clearly nearer it than the other:
        // a cell drifts with the text before it on its line.)
        let gap = (centre(&scored_at) - centre(&full_at)).abs();
        let (mut full, mut scored) = (None, None);
        for (f, cols) in figures {
            let (df, ds) = (near(&cols, &full_at), near(&cols, &scored_at));
            if df.min(ds) > gap {
                continue;
            }
            if (df - ds).abs() < CLEAR {
                self.unread = true;
            } else if df < ds {
                if full.replace(f).is_some() {
                    self.unread = true;
                }
            } else if scored.replace(f).is_some() {
                self.unread = true;
            }
        }
        match (full, scored) {
            (Some(f), Some(s)) => {
                self.full.push(f);
                self.scored.push(s);
            }
            (None, None) => {}
            _ => self.unread = true,
        }
    }
}
