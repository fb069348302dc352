//! Product claims: `规上企业11户，每户50万元，共计550万元`.

use crate::read::document::Document;
use crate::read::quantity::Unit;

#[derive(Debug, Clone)]
pub struct ProductClaim {
    pub count: usize,
    pub each: usize,
    pub total: usize,
    /// Periods in the total: 12 for `每人每月100元，全年共计…`, else 1.
    pub periods: u32,
    /// The amount each is an average (`平均每人`, `人均`): rounded by nature.
    pub average: bool,
}

/// How many of the amount's periods make up the total: `每人每月` in a year's total is 12,
/// `每季度` 4, `每半年` 2; `None` when the text does not say (a daily or per-visit amount, or a
/// monthly one without `全年`).
fn periods(each_label: &str, total_label: &str) -> Option<u32> {
    let tail = &each_label[each_label.find('每')?..];
    let per_year = if tail.contains("每月") || tail.contains("每个月") {
        12
    } else if tail.contains("每季") {
        4
    } else if tail.contains("每半年") {
        2
    } else if [
        "每天",
        "每日",
        "每周",
        "每次",
        "每期",
        "每批",
        "每学期",
        "每课时",
    ]
    .iter()
    .any(|w| tail.contains(w))
    {
        return None;
    } else {
        return Some(1);
    };
    total_label.contains('年').then_some(per_year)
}

/// How many years a total spans when its label says (`两年共计`, `3年合计`): 1 otherwise.
fn years_spanned(total_label: &str) -> u32 {
    let before_year = |i: usize| total_label[..i].chars().next_back();
    total_label
        .match_indices('年')
        .find_map(|(i, _)| {
            let count = before_year(i)?;
            let n = match count {
                '两' | '二' | '2' => 2,
                '三' | '3' => 3,
                '四' | '4' => 4,
                '五' | '5' => 5,
                _ => return None,
            };
            // (`2025年` is a year, not two: a digit before the count digit.)
            let lead = total_label[..i - count.len_utf8()].chars().next_back();
            (!lead.is_some_and(|c| c.is_ascii_digit())).then_some(n)
        })
        .unwrap_or(1)
}

pub fn extract(doc: &Document) -> Vec<ProductClaim> {
    let text = doc.text();
    let mut out = Vec::new();
    for (ei, e) in doc.figures.iter().enumerate() {
        if !e.label.contains('每') || !e.q.is_operand() || !e.q.unit.is_money() || e.in_table {
            continue;
        }
        let count = (0..ei)
            .rev()
            .take_while(|&i| doc.figures[i].sentence() == e.sentence() && ei - i <= 2)
            .find(|&i| {
                matches!(doc.figures[i].q.unit, Unit::Count(_)) && doc.figures[i].q.is_operand()
            });
        let total = (ei + 1..doc.figures.len())
            .take_while(|&i| doc.figures[i].sentence() == e.sentence() && i - ei <= 1)
            .find(|&i| {
                let g = &doc.figures[i];
                g.q.unit.is_money()
                    && g.q.is_operand()
                    && ["共计", "合计", "共", "总计", "累计"]
                        .iter()
                        .any(|w| g.label.contains(w))
            });
        let Some(total) = total else { continue };
        // `180人，其中伤残家庭112人、死亡家庭68人，每人…`: the count the amount is for is
        // the total or one of its parts, which the text does not say.
        // (Within the reach the count itself is looked for in, and a few more: a sentence of
        // thousands of figures is not walked back for each.)
        let counts_before = (ei.saturating_sub(8)..ei)
            .rev()
            .take_while(|&i| doc.figures[i].sentence() == e.sentence())
            .filter(|&i| matches!(doc.figures[i].q.unit, Unit::Count(_)))
            .count();
        if counts_before > 1 {
            continue;
        }
        // `每人每年最高资助2,000元`, `每家补助不超过5万元`: a cap, not the amount each.
        if ["最高", "不超过", "不高于", "最多", "上限", "以内", "封顶"]
            .iter()
            .any(|w| e.label.contains(w) || text[e.q.end..].starts_with(w))
        {
            continue;
        }
        // `C级每户补助1.5万元、D级每户补助3万元，共计…`: two rates, each of its own count.
        let rates_in_sentence = doc
            .figures
            .iter()
            .skip(ei.saturating_sub(8))
            .take(17)
            .filter(|g| {
                g.sentence() == e.sentence() && g.label.contains('每') && g.q.unit.is_money()
            })
            .count();
        if rates_in_sentence > 1 {
            continue;
        }
        let Some(periods) = periods(&e.label, &doc.figures[total].label) else {
            continue;
        };
        let periods = periods * years_spanned(&doc.figures[total].label);
        if let Some(count) = count {
            out.push(ProductClaim {
                count,
                each: ei,
                total,
                periods,
                average: e.label.contains("平均") || e.label.contains("人均"),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_a_total_spans() {
        assert_eq!(years_spanned("两年共计"), 2);
        assert_eq!(years_spanned("3年合计"), 3);
        // (A year is no count of years.)
        assert_eq!(years_spanned("2025年共计"), 1);
        assert_eq!(years_spanned("全年共计"), 1);
    }

    #[test]
    fn households_times_amount() {
        let d = Document::read("分别对规上企业11户，每户50万元，共计550万元给予资金拨付。");
        let p = extract(&d);
        assert_eq!(p.len(), 1);
        assert_eq!(d.figures[p[0].total].q.display(), "550万元");
        assert!(extract(&Document::read("每户50万元。")).is_empty());
    }

    #[test]
    fn an_amount_per_month_makes_a_year_in_twelve() {
        let d = Document::read("为1,236名老人发放津贴，每人每月100元，全年共计148.32万元。");
        assert_eq!(extract(&d)[0].periods, 12);
        let d = Document::read("为120名村医发放补助，每人每季度1,500元，全年共计72.00万元。");
        assert_eq!(extract(&d)[0].periods, 4);
        // Per day, or per month with no year named: how many periods is not said.
        assert!(extract(&Document::read(
            "聘用12名保洁，每人每天150元，共计6.57万元。"
        ))
        .is_empty());
        assert!(extract(&Document::read("补助30人，每人每月500元，共计4.5万元。")).is_empty());
    }
}
