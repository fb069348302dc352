//! Share claims: `A a万元，占 p%` (of the enclosing total) or `占本年支出合计的 p%` (of the
//! whole the sentence names).

use super::sum::SumClaim;
use super::{key_matches, label_key};
use crate::read::document::Document;
use crate::read::quantity::Unit;

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
        let Some(whole_name) = named_whole(&f.label) else {
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
            .take_while(|(_, g)| g.sentence == f.sentence && g.q.unit != Unit::Percent)
            .find(|(_, g)| g.q.is_operand() && matches!(g.q.unit, Unit::Money(_) | Unit::Count(_)))
            .filter(|(_, g)| {
                g.paren_depth == f.paren_depth && !text[g.q.end..f.q.start].contains('；')
            })
            .map(|(i, _)| i);
        let whole = match (part, whole_name.is_empty()) {
            (None, _) => Whole::Unresolved(whole_name),
            (Some(p), true) => match part_of.get(&p) {
                Some(&si) => Whole::Enclosing(sums[si].total),
                None => Whole::Unresolved(String::new()),
            },
            (Some(p), false) => resolve_named(doc, &whole_name, p, ri),
        };
        let enclosing = part.and_then(|p| part_of.get(&p)).map(|&si| sums[si].total);
        out.push(ShareClaim {
            rate: ri,
            part,
            whole,
            enclosing,
        });
    }
    out
}

/// The figure the text names as the whole: the nearest one before the rate whose label ends
/// with the name; failing that, the nearest after.
fn resolve_named(doc: &Document, name: &str, part: usize, rate: usize) -> Whole {
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
    let fits = |i: &usize| {
        let g = &doc.figures[*i];
        if *i == part
            || !g.q.is_operand()
            || !g.q.unit.addable_with(part_unit)
            || super::has_change_word(&g.label)
            || is_sibling(&g.label, part_key.as_str(), name, &key)
        {
            return false;
        }
        // (Its key once for the three ways of naming the whole.)
        let l = label_key(&g.label);
        // A whole of two characters (`全年支出` → `支出`) is every amount of that flow: a
        // label that qualifies it (`上年结转资金支出`) names a part, not the whole.
        if key.chars().count() <= 2 {
            return l == key
                || l.strip_prefix('总') == Some(key.as_str())
                || l.strip_prefix(key.as_str())
                    .is_some_and(|rest| ["合计", "总计", "总额", "总数"].contains(&rest));
        }
        key_matches(&l, &key) || (core != key && names_core(&l)) || names_staged(&l)
    };
    // Wholes are named within a section: a generous but constant reach keeps this linear.
    let reach = 16 * super::WINDOW;
    let before = (rate.saturating_sub(reach)..rate).rev().find(fits);
    let found = before.or_else(|| (rate + 1..doc.figures.len().min(rate + 1 + reach)).find(fits));
    match found {
        Some(i) => Whole::Named(i),
        None => Whole::Unresolved(name.to_string()),
    }
}

/// Words that narrow a quantity to one of its categories: `基本支出预算` is a part of what
/// `支出预算` names, never the whole.
const NARROWING: &[&str] = &[
    "基本", "项目", "人员", "公用", "其他", "上级", "事业", "经营",
];

/// Does `label` name a sibling or a narrower part rather than the whole: the whole's name with
/// a qualifier in front that narrows it (`基本支出预算` for `支出预算`), or with another
/// qualifier than the part's (`基本支出预算` and `项目支出预算`)? A whole stated as the sum of
/// these is 本年…; `支出总计` includes carry-overs and is not `本年支出`.
fn is_sibling(label: &str, part_key: &str, whole_name: &str, whole_key: &str) -> bool {
    let l = label_key(label);
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
        _ => false,
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

    #[test]
    fn a_whole_of_two_characters_is_not_a_qualified_amount() {
        let whole = |t: &str| {
            let d = Document::read(t);
            let shares = extract(&d, &crate::claims::sum::extract(&d));
            match shares.last().map(|s| &s.whole) {
                Some(Whole::Named(i)) => d.figures[*i].q.display(),
                other => format!("{other:?}"),
            }
        };
        // `全年支出` is no `上年结转资金支出`: unresolved rather than a false whole.
        let t = "项目支出698.37万元，其中上年结转资金支出52.50万元。四季度支付262.16万元，占全年支出的37.54%。";
        assert!(whole(t).contains("Unresolved"), "{}", whole(t));
        // It is `支出` or `总支出`.
        let t = "全年支出698.37万元。四季度支付262.16万元，占全年支出的37.54%。";
        assert_eq!(whole(t), "698.37万元");
    }
}
