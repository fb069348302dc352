//! Changes that add up: a total listed with its parts, where the total and every part state
//! their change against the same period (`…支出25859.6万元，较上年增加19359.12万元` and then
//! `（1）行政运行1765.18万元，较上年增加254.45万元；（2）…`). When the parts add up to the
//! total, last year's parts added up to last year's total too, so the parts' changes, signed,
//! add up to the total's change.
//!
//! The binding is strict, so that only a list the text itself closes can give an error: the
//! parts' amounts must add up to the total within rounding (a list that does not is partial
//! or misread, and says nothing about changes); every part states exactly one change against
//! the same base as the total's; the total's change is stated with the total, or stated
//! within a few paragraphs before for the same amount (`2021年本部门当年一般公共预算拨款支出25859.6万元，较上年
//! 增加19359.12万元。` then `2021年本部门当年一般公共预算支出25859.6万元，其中：`), the same way
//! everywhere it is.

use super::growth::GrowthClaim;
use super::sum::SumClaim;
use crate::read::document::Document;
use crate::read::interval::Interval;
use std::collections::HashMap;

#[derive(Debug, Clone)]
pub struct ChangeSumClaim {
    /// The figure of the total (index into `Document::figures`).
    pub total: usize,
    /// The total's growth claim (index into `Claims::growths`).
    pub total_change: usize,
    /// The parts' growth claims, in the list's order.
    pub part_changes: Vec<usize>,
}

/// How far before its list a total's change may be stated: a section's first sentence often
/// states the level and its change, and the sections after it break the level down by
/// function and by economic class (about 3,000 bytes of a layout text in between). The
/// growth claims looked at are bounded too, so the search stays constant per sum.
const BYTES_BACK: usize = 5000;
const GROWTHS_BACK: usize = 200;

pub fn extract(doc: &Document, sums: &[SumClaim], growths: &[GrowthClaim]) -> Vec<ChangeSumClaim> {
    // The growth claims about each current figure.
    let mut about: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, g) in growths.iter().enumerate() {
        if let Some(c) = g.current {
            about.entry(c).or_default().push(i);
        }
    }
    let only = |figure: usize| match about.get(&figure).map(Vec::as_slice) {
        Some(&[g]) => Some(g),
        _ => None,
    };
    let mut out = Vec::new();
    for s in sums {
        let total = &doc.figures[s.total];
        if s.marker != super::sum::Marker::Complete
            || s.parts.len() < 2
            || !total.q.unit.is_money()
            || !parts_add_up(doc, s)
        {
            continue;
        }
        let Some(part_changes) = s.parts.iter().map(|&p| only(p)).collect::<Option<Vec<_>>>()
        else {
            continue;
        };
        let Some(total_change) = only(s.total).or_else(|| stated_before(doc, growths, s.total))
        else {
            continue;
        };
        let base = basis(doc, &growths[total_change]);
        if part_changes.contains(&total_change)
            || part_changes
                .iter()
                .any(|&g| basis(doc, &growths[g]) != base)
        {
            continue;
        }
        out.push(ChangeSumClaim {
            total: s.total,
            total_change,
            part_changes,
        });
    }
    out
}

/// Do the parts' amounts add up to the total, within rounding?
fn parts_add_up(doc: &Document, s: &SumClaim) -> bool {
    let sum = Interval::sum(s.parts.iter().map(|&p| doc.figures[p].q.interval()));
    match (sum, doc.figures[s.total].q.interval()) {
        (Some(sum), Some(total)) => sum.overlaps(total),
        _ => false,
    }
}

/// The growth claim, stated shortly before `total`, about an equal amount: the nearest, when
/// every such claim within reach states the same change.
fn stated_before(doc: &Document, growths: &[GrowthClaim], total: usize) -> Option<usize> {
    let t = &doc.figures[total];
    let floor = t.q.start.saturating_sub(BYTES_BACK);
    // Growth claims are in text order of their changes.
    let end = growths.partition_point(|g| g.delta < total);
    let same = |i: usize| {
        let c = &doc.figures[i];
        c.q.unit == t.q.unit && c.q.value == t.q.value
    };
    let mut found: Option<usize> = None;
    for i in (end.saturating_sub(GROWTHS_BACK)..end).rev() {
        let g = &growths[i];
        if doc.figures[g.delta].q.start < floor {
            break;
        }
        if !g.current.is_some_and(same) {
            continue;
        }
        match found {
            None => found = Some(i),
            Some(f) if growths[f].signed_change(doc) != g.signed_change(doc) => return None,
            Some(_) => {}
        }
    }
    found
}

/// What a change is measured against: the year it names (the previous year when it names
/// none) and whether it compares with a budget (`比年初预算增加`) rather than a year's outturn.
fn basis(doc: &Document, g: &GrowthClaim) -> (Option<u16>, bool) {
    let previous = doc.info().year.map(|y| y - 1);
    let year = g
        .compared_year
        .as_ref()
        .map(|(y, _)| *y)
        .filter(|y| Some(*y) != previous);
    let label = &doc.figures[g.delta].label;
    (year, label.contains("预算") || label.contains("年初"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(text: &str) -> Vec<ChangeSumClaim> {
        let doc = Document::read(text);
        let sums = super::super::sum::extract(&doc);
        let growths = super::super::growth::extract(&doc, &sums);
        extract(&doc, &sums, &growths)
    }

    #[test]
    fn a_total_with_its_change_and_parts_with_theirs() {
        let text = "2023年本单位支出合计300万元，比上年增加40万元，其中：基本支出200万元，比上年增加50万元；\
项目支出100万元，比上年减少10万元。";
        assert_eq!(claims(text).len(), 1);
    }

    #[test]
    fn the_totals_change_stated_in_the_paragraph_before() {
        let text = "一、支出情况\n2023年本单位当年财政拨款支出300万元，比上年增加40万元。\n\
2023年本单位当年财政拨款支出300万元，其中：\n（1）行政运行200万元，比上年增加50万元；\n\
（2）一般行政管理事务100万元，比上年减少10万元。\n";
        assert_eq!(claims(text).len(), 1);
    }

    #[test]
    fn no_claim_when_the_parts_do_not_add_up_or_a_part_has_no_change() {
        // The parts' amounts do not add up: the list may be partial.
        let partial = "2023年本单位支出合计300万元，比上年增加40万元，其中：基本支出200万元，比上年增加50万元；\
项目支出90万元，比上年减少10万元。";
        assert!(claims(partial).is_empty());
        // One part states no change.
        let silent = "2023年本单位支出合计300万元，比上年增加40万元，其中：基本支出200万元，比上年增加50万元；\
项目支出100万元。";
        assert!(claims(silent).is_empty());
        // One part compares with the budget, not last year.
        let budget = "2023年本单位支出合计300万元，比上年增加40万元，其中：基本支出200万元，比上年增加50万元；\
项目支出100万元，比年初预算减少10万元。";
        assert!(claims(budget).is_empty());
    }

    #[test]
    fn a_total_stated_twice_with_two_changes_is_not_bound() {
        let text = "2023年本单位支出300万元，比上年增加40万元。2023年本单位支出300万元，比上年增加30万元。\n\
2023年本单位支出300万元，其中：\n（1）行政运行200万元，比上年增加50万元；\n\
（2）一般行政管理事务100万元，比上年减少10万元。\n";
        assert!(claims(text).is_empty());
    }
}
