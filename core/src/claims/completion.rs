//! Completion claims: `年初预算为B，…决算为A，完成年初预算的r%` · `完成指标任务（3亿元）的81%` ·
//! `完成市下达目标1892.28万元的101.97%`.

use crate::read::document::Document;
use crate::read::quantity::Unit;

#[derive(Debug, Clone)]
pub struct CompletionClaim {
    pub rate: usize,
    pub actual: Option<usize>,
    /// The budget or target.
    pub target: Option<usize>,
    /// The budget before an adjustment the text states (`部门预算3,860.00万元，年中调整为
    /// 4,120.00万元`), when the rate does not say which it is on: the target is the adjusted
    /// budget, and a rate on this one holds too.
    pub other_target: Option<usize>,
}

/// Words that state a budget changed during the year (`年中调整为`, `后调减为`, `调整后预算`).
const ADJUSTED: [&str; 9] = [
    "调整为",
    "调整至",
    "调增为",
    "调减为",
    "调增至",
    "调减至",
    "追加至",
    "调整后",
    "变更为",
];

/// The budget or plan: `年初预算`, `全年计划完成`, `目标` (not `决算`, `执行`, `实际`).
pub(crate) fn is_budget_label(l: &str) -> bool {
    // (`计划生育` is a spending category, not a plan.)
    let l = l.replace("计划生育", "");
    ["预算", "计划", "目标", "年初安排"]
        .iter()
        .any(|w| l.contains(w))
        && !l.contains("决算")
        && !l.contains("执行")
        && !l.contains("实际")
}

/// What was spent or done: `决算`, `执行数`, `全年执行`, `实际支出`, `已支付`, `拨付`, `完成`.
/// Only money figures after the budget are asked, so `执行` alone is specific enough.
pub(crate) fn is_actual_label(l: &str) -> bool {
    ["决算", "执行", "实际", "支出为", "支付", "拨付", "完成"]
        .iter()
        .any(|w| l.contains(w))
        && !is_budget_label(l)
}

/// A rate written right against the figure before it (`完成率100%0%高于80%`): cells of a
/// table run together by the extraction, not a statement.
pub(crate) fn glued_to_previous(doc: &Document, i: usize) -> bool {
    i > 0 && doc.figures[i - 1].q.end == doc.figures[i].q.start
}

/// A threshold of a scoring rule, not a claim: `完成率低于100%高于90%得4分`, `达到95%以上`.
fn is_threshold(clause_before: &str, after: &str) -> bool {
    let before = clause_before.trim_end();
    let after = after.trim_start();
    [
        "低于",
        "高于",
        "大于",
        "小于",
        "不足",
        "超过",
        "≥",
        "≤",
        "<",
        ">",
        "＜",
        "＞",
        "不低于",
        "得",
    ]
    .iter()
    .any(|w| before.ends_with(w))
        || [
            "以上",
            "以下",
            "及以上",
            "得",
            "的得",
            "（含）",
            "扣",
            "不得分",
        ]
        .iter()
        .any(|w| after.starts_with(w))
}

/// The clause of figure `i` up to it.
fn clause_to<'a>(doc: &'a Document, i: usize) -> &'a str {
    let g = &doc.figures[i];
    let sentence = doc.sentences[g.sentence()].start.min(g.q.start);
    super::clause_before(doc.text(), sentence, g.q.start).1
}

/// Is figure `i` a level reached (`由上年的4,510人增加到4,862人`, `面积增加到1.5万亩`): a level
/// of its own, though a change word comes before it? Not a target moved (`年度目标由5,000人
/// 调减至4,500人`).
fn reached(doc: &Document, i: usize) -> bool {
    let clause = clause_to(doc, i);
    let Some(to) = ["到", "至"].iter().filter_map(|w| clause.rfind(w)).max() else {
        return false;
    };
    super::has_change_word(&clause[..to])
        && !["目标", "计划", "预算", "任务"]
            .iter()
            .any(|w| clause[..to].contains(w))
}

/// Does a clause state a target (`年度目标由…`, `计划数`), not an outturn (`为计划生育特殊家庭`,
/// `完成计划免疫接种`)?
fn names_target(clause: &str) -> bool {
    clause.contains("目标")
        || clause.contains("指标由")
        || clause.match_indices("计划").any(|(i, w)| {
            !["生育", "免疫", "单列"]
                .iter()
                .any(|x| clause[i + w.len()..].starts_with(x))
        }) && !clause.contains("完成计划")
}

/// Is figure `i` the level a change started from (`由上年的800人次增加至…`)?
fn rose_from(doc: &Document, i: usize) -> bool {
    let g = &doc.figures[i];
    let end = doc
        .figures
        .get(i + 1)
        .map_or(g.q.end, |n| n.q.start)
        .min(doc.sentences[g.sentence()].end)
        .max(g.q.end);
    // (`…800人次增加至`: a few characters, however long the sentence.)
    let end = crate::read::document::floor_char(doc.text(), end.min(g.q.end + 60));
    let after = &doc.text()[g.q.end..end];
    // (The level reached follows at once: `增加到历年最高` starts from nothing.)
    after.trim_end().ends_with(['到', '至']) && super::has_change_word(after)
}

/// Does figure `i`'s clause open with `其中` (a part of what the sentence stated before)?
fn opens_with_part(doc: &Document, i: usize) -> bool {
    clause_to(doc, i).trim_start().starts_with("其中")
}

pub fn extract(doc: &Document) -> Vec<CompletionClaim> {
    let text = doc.text();
    let mut out = Vec::new();
    for (ri, r) in doc.figures.iter().enumerate() {
        if r.q.unit != Unit::Percent || r.q.approx || r.in_table || glued_to_previous(doc, ri) {
            continue;
        }
        let sentence = doc.sentences[r.sentence()].clone();
        let (clause_start, clause) = super::clause_before(text, sentence.start, r.q.start);
        if is_threshold(clause, &text[r.q.end..]) {
            continue;
        }
        // `完成率100%（超额完成按100%计）`: a rate capped by the text's own rule, not a
        // quotient (the next rate of the sentence is the rule's).
        if r.q.value == rust_decimal::Decimal::ONE_HUNDRED
            && text[r.q.end..sentence.end.max(r.q.end)]
                .split_once("按100")
                .is_some_and(|(between, _)| between.chars().count() <= 12)
        {
            continue;
        }
        // `完成…的r%`, `完成预算r%`, `完成率为r%`, `执行率r%` in the rate's own clause.
        // (`为年初预算726.30万元的99.48%`: an outturn as a share of its budget.)
        let of_budget = || {
            ["为年初预算", "为全年预算", "为调整预算", "为预算"]
                .iter()
                .filter_map(|w| clause.rfind(w))
                .max()
        };
        let Some(k) = clause
            .rfind("完成")
            .or_else(|| clause.rfind("执行率"))
            .or_else(of_budget)
        else {
            continue;
        };
        // (Only `为年初预算X的r%`, one budget and nothing else: `节约资金为年初预算的20%` is a
        // saving's share, `为年初预算X（调整后Y）的` names two budgets.)
        if !clause[k..].contains("完成") && !clause[k..].contains("执行率") {
            let inside = super::back(ri)
                .take_while(|&i| doc.figures[i].q.start >= clause_start + k)
                .count();
            let last = ri.checked_sub(1).map(|i| &doc.figures[i]);
            let just_of = last.is_some_and(|g| text[g.q.end..r.q.start].trim() == "的");
            if inside != 1 || !just_of {
                continue;
            }
        }
        let keyword_at = clause_start + k;
        // `预算执行率得分9.5分（权重10%）`: a weight of a score, not a rate.
        let tail = clause[k..].trim_end_matches(['为', '：', ':']);
        if tail.ends_with("权重") || tail.contains("得分") {
            continue;
        }
        let in_clause = |i: usize| {
            let g = &doc.figures[i];
            g.q.start >= keyword_at && g.q.end <= r.q.start
        };
        let target_inside = super::back(ri)
            .take_while(|&i| doc.figures[i].q.start >= keyword_at)
            .find(|&i| {
                let q = &doc.figures[i].q;
                in_clause(i) && q.is_operand() && q.unit != Unit::Date
            });
        let claim = match target_inside {
            Some(t) => {
                // Form A: the achieved figure comes before `完成`, in the same sentence.
                let tu = doc.figures[t].q.unit;
                let actual = super::back(ri)
                    .take_while(|&i| doc.figures[i].sentence() == r.sentence())
                    .filter(|&i| doc.figures[i].q.end <= keyword_at)
                    .filter(|&i| {
                        let g = &doc.figures[i];
                        g.q.is_operand() && (g.q.unit.addable_with(tu) || g.q.unit == tu)
                    });
                // The nearest such figure a part of another (`其中骨干教师…1,050人次` after
                // `全年培训教师3,450人次`): the part or the whole may be meant, so neither is.
                let nearest = actual.clone().next();
                let part_of_earlier = nearest
                    .is_some_and(|n| opens_with_part(doc, n) && actual.clone().nth(1).is_some());
                let actual = actual.filter(|_| !part_of_earlier).find(|&i| {
                    let g = &doc.figures[i];
                    (!super::has_change_word(&g.label) || reached(doc, i))
                        // (Last year's level, a target, the level a change started from.)
                        && !super::names_last_year(&g.label)
                        && !names_target(clause_to(doc, i))
                        && !rose_from(doc, i)
                });
                CompletionClaim {
                    rate: ri,
                    actual,
                    target: Some(t),
                    other_target: None,
                }
            }
            None => {
                // Form B: budget and actual named earlier in the sentence or paragraph.
                let after_kw = &text[keyword_at..r.q.start];
                if !after_kw.contains("预算")
                    && !after_kw.contains("执行率")
                    && !after_kw.contains("完成率")
                {
                    continue;
                }
                // Amounts, or counts (`计划完成项目20个，实际完成18个，完成率90%`).
                // Back to the rate before it at most: a budget stated before another rate
                // belongs to that rate's subject (`预算为76.43万元，决算为46.21万元，完成预算的
                // 60.46%。其中：因公出国费决算为4.69万元，完成预算的15.63%` — the 4.69's own
                // budget is not stated: unchecked, never 4.69 ÷ 76.43).
                let earlier = || {
                    super::back(ri)
                        .take_while(|&i| doc.figures[i].paragraph() == r.paragraph())
                        .take_while(|&i| doc.figures[i].q.unit != Unit::Percent)
                        .filter(|&i| {
                            let q = &doc.figures[i].q;
                            q.is_operand()
                                && (q.unit.is_money() || matches!(q.unit, Unit::Count(_)))
                        })
                };
                // (A budget in brackets is an aside: `全年预算数650.00万元（年初预算500.00万元）`.)
                let mut target = earlier()
                    .find(|&i| {
                        is_budget_label(&doc.figures[i].label) && doc.figures[i].paren_depth == 0
                    })
                    .or_else(|| earlier().find(|&i| is_budget_label(&doc.figures[i].label)));
                // The rate names which budget (`年初预算…，调整预算…，完成年初预算的`): the one
                // named so, not the nearest; of the same thing, in the rate's sentence
                // (`公务接待费预算5.00万元…，完成年初预算的` is not of the “三公” budget before).
                for w in ["年初", "调整"] {
                    let Some(t) = target.filter(|&t| !doc.figures[t].label.contains(w)) else {
                        continue;
                    };
                    if !after_kw.contains(w) {
                        continue;
                    }
                    let subject = |i: usize| super::stage_subject(&doc.figures[i].label).0;
                    // (A bare `调整预算` goes on with the subject the sentence opened with;
                    // `年中调整预算追加50.00万元` is a change, no budget.)
                    let opens_sentence = |i: usize| {
                        !super::back(i).any(|k| {
                            doc.figures[k].sentence() == doc.figures[i].sentence()
                                && doc.figures[k].q.unit.is_money()
                        })
                    };
                    if let Some(named) = earlier()
                        .take_while(|&i| doc.figures[i].sentence() == r.sentence())
                        .find(|&i| {
                            let l = &doc.figures[i].label;
                            is_budget_label(l)
                                && l.contains(w)
                                && !super::has_change_word(l)
                                && !["追加", "调增", "调减", "追减"]
                                    .iter()
                                    .any(|x| l.contains(x))
                                && (subject(i) == subject(t)
                                    || subject(t).is_empty() && opens_sentence(i))
                        })
                    {
                        target = Some(named);
                    }
                }
                let target_unit = target.map(|t| doc.figures[t].q.unit);
                let actual = earlier()
                    .take_while(|&i| Some(i) > target || target.is_none())
                    .find(|&i| {
                        let g = &doc.figures[i];
                        is_actual_label(&g.label)
                            && !super::has_change_word(&g.label)
                            && target_unit.is_none_or(|u| g.q.unit.addable_with(u) || g.q.unit == u)
                    });
                // `“三公”经费年初预算为38.00万元，公务接待费年初预算为10.00万元，支出决算为
                // 31.46万元`: an outturn named by its stage alone after the budgets of two
                // things is either's. Its budget is unclear.
                if let (Some(t), Some(a)) = (target, actual) {
                    let (own, _) = super::stage_subject(&doc.figures[a].label);
                    let (nearest, _) = super::stage_subject(&doc.figures[t].label);
                    // (Another item's budget, before a `；`, is not in doubt.)
                    // (Nor one whose own outturn comes before this budget.)
                    let another = earlier()
                        .filter(|&i| i < t)
                        .take_while(|&i| {
                            !text[doc.figures[i].q.end..doc.figures[t].q.start].contains('；')
                                && !is_actual_label(&doc.figures[i].label)
                        })
                        .filter(|&i| is_budget_label(&doc.figures[i].label))
                        .any(|i| {
                            super::other_subjects(
                                &super::stage_subject(&doc.figures[i].label).0,
                                &nearest,
                            )
                        });
                    if own.is_empty() && !nearest.is_empty() && another {
                        target = None;
                    }
                }
                // An adjustment of the budget between it and the actual is the budget in
                // force, unless the rate names the original (`完成年初预算的`).
                let adjusted = target.and_then(|t| {
                    earlier()
                        .take_while(|&i| i > t)
                        .filter(|&i| Some(i) < actual.or(Some(ri)))
                        .find(|&i| ADJUSTED.iter().any(|w| doc.figures[i].label.contains(w)))
                });
                let other_target = match adjusted {
                    Some(adj) if !after_kw.contains("年初") => target.replace(adj),
                    _ => None,
                };
                // A budget changed by an amount (`年中追加260.00万元`, `调增300.00万元、调减
                // 40.00万元`) leaves the budget in force unstated: unchecked, unless the rate
                // names the original.
                let changed_by = target.is_some_and(|t| {
                    adjusted.is_none()
                        && earlier().take_while(|&i| i > t).any(|i| {
                            let l = &doc.figures[i].label;
                            ["追加", "调增", "调减", "追减", "调整"]
                                .iter()
                                .any(|w| l.contains(w))
                        })
                });
                if changed_by && !after_kw.contains("年初") {
                    target = None;
                }
                // The actual before a `；` when another amount follows it (`实际支出698.37万元；
                // 其中上半年支出300.00万元，执行率40.40%`): the rate may be that amount's.
                // A sub-amount (`全年执行数570.00万元，其中财政拨款执行490.00万元，预算执行率
                // 95.00%`) with an amount of the same kind before it: the rate may be either's.
                // The 其中 is looked for from the first amount after the budget, so that the
                // last of several parts (`其中财政拨款执行288.00万元，其他资金执行53.76万元`) is
                // no more the rate's than the first.
                let actual = actual.filter(|&a| {
                    let before_a = earlier()
                        .filter(|&i| i < a)
                        .take_while(|&i| Some(i) > target || target.is_none())
                        .last();
                    !before_a.is_some_and(|b| {
                        text[doc.figures[b].q.end..doc.figures[a].q.start].contains("其中")
                    })
                });
                let actual = actual.filter(|&a| {
                    let after_a = &text[doc.figures[a].q.end..r.q.start];
                    !(after_a.contains('；')
                        && earlier().take_while(|&i| i > a).any(|i| {
                            doc.figures[i].q.unit.is_money()
                                && !is_budget_label(&doc.figures[i].label)
                        }))
                });
                // A project's self-evaluation states its budget in force once, in another
                // paragraph (`全年预算数468.30万元` under 项目基本情况, then `全年执行数…，预算
                // 执行率…` under 资金使用情况): that budget, when it is the report's only one.
                let target = target.or_else(|| {
                    // (Only `预算执行率`: `政府采购执行率` is of another whole.)
                    (actual.is_some() && clause.contains("预算执行率") && !changed_by)
                        .then(|| whole_year_budget(doc))
                        .flatten()
                        .filter(|&t| {
                            actual.is_some_and(|a| doc.figures[a].q.unit == doc.figures[t].q.unit)
                        })
                });
                CompletionClaim {
                    rate: ri,
                    actual,
                    target,
                    other_target,
                }
            }
        };
        // A target that is a ceiling (`目标值≤500元`, `控制在…以内`): meeting it is 100%
        // complete however far below, so the rate is no quotient of the two.
        let claim = CompletionClaim {
            target: claim.target.filter(|&t| !is_ceiling(doc, t)),
            ..claim
        };
        out.push(claim);
    }
    out
}

/// In a performance self-evaluation, the one 全年预算数 stated in its text (one value, and no
/// 调整预算 beside it): the budget every 执行率 of a single project is of.
fn whole_year_budget(doc: &Document) -> Option<usize> {
    if doc.info().kind != crate::report::ReportKind::PerformanceSelfEvaluation {
        return None;
    }
    let mut found: Option<usize> = None;
    for (i, f) in doc.figures.iter().enumerate() {
        if f.in_table || !f.q.unit.is_money() {
            continue;
        }
        let l = &f.label;
        if l.contains("调整预算") {
            return None;
        }
        if !(l.contains("全年预算") && is_budget_label(l) && !super::has_change_word(l)) {
            continue;
        }
        match found {
            Some(k) if doc.figures[k].q.value != f.q.value => return None,
            Some(_) => (),
            None => found = Some(i),
        }
    }
    found
}

/// A target written as a ceiling: `≤500元`, `不高于500元`, `500元以内`, `低于1%`.
fn is_ceiling(doc: &Document, t: usize) -> bool {
    let f = &doc.figures[t];
    let text = doc.text();
    let before = text[f.label_start()..f.q.start].trim_end();
    let after = &text[f.q.end..];
    [
        "≤",
        "<",
        "＜",
        "≦",
        "不高于",
        "不超过",
        "低于",
        "小于",
        "少于",
        "控制在",
        "以内",
    ]
    .iter()
    .any(|w| before.ends_with(w))
        || ["以内", "以下", "之内"]
            .iter()
            .any(|w| after.starts_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(t: &str) -> (Option<String>, Option<String>, String) {
        let d = Document::read(t);
        let c = extract(&d);
        assert_eq!(c.len(), 1, "{c:?}");
        let c = &c[0];
        (
            c.actual.map(|i| d.figures[i].q.display()),
            c.target.map(|i| d.figures[i].q.display()),
            d.figures[c.rate].q.display(),
        )
    }

    #[test]
    fn budget_and_actual() {
        let c = one("年初预算为183.39万元，支出决算为150.63万元，完成年初预算的82.1%。");
        assert_eq!(
            c,
            (
                Some("150.63万元".into()),
                Some("183.39万元".into()),
                "82.1%".into()
            )
        );
        let c = one("项目全年预算数60万元，执行数为41万元，完成预算的68%。");
        assert_eq!(c.0.as_deref(), Some("41万元"));
    }

    #[test]
    fn target_inside() {
        let c = one("1-12月我市完成工业投资25.15亿元，同比增长33.7%，完成韶关下达指标任务（21亿）的119.76%。");
        assert_eq!(c.0.as_deref(), Some("25.15亿元"));
        assert_eq!(c.1.as_deref(), Some("21亿元"));
        let c = one("已有19家通过科技型中小企业入库认定，完成市下达目标17家的111.76%。");
        assert_eq!(c.0.as_deref(), Some("19家"));
    }

    #[test]
    fn no_budget_is_unbound() {
        let c = one("2020年“三公”经费财政拨款支出决算为3.26万元，完成预算59%。");
        assert_eq!(c.0.as_deref(), Some("3.26万元"));
        assert_eq!(c.1, None);
    }

    #[test]
    fn a_rate_glued_to_another_figure_is_no_claim() {
        let d = Document::read(
            "建设内容完成率100%0%高于80%得2分。年初预算为200万元，全年执行180万元，执行率90%。",
        );
        let rates: Vec<String> = extract(&d)
            .iter()
            .map(|c| d.figures[c.rate].q.display())
            .collect();
        assert!(!rates.contains(&"0%".to_string()), "{rates:?}");
        assert!(rates.contains(&"90%".to_string()), "{rates:?}");
    }

    #[test]
    fn scoring_thresholds_are_no_claims() {
        let d = Document::read("整改完成率100%得满分，完成率低于100%高于90%得4分，低于90%得2分。");
        assert!(extract(&d).is_empty(), "{:?}", extract(&d));
    }

    #[test]
    fn a_sub_item_does_not_borrow_its_parents_budget() {
        let d = Document::read(
            "三公经费支出预算为76.43万元，支出决算为46.21万元，完成预算的60.46%。其中：因公出国（境）费支出决算为4.69万元，完成预算的15.63%；公务接待费支出决算为0.9万元，完成预算的15.52%。",
        );
        let c = extract(&d);
        assert_eq!(c.len(), 3, "{c:?}");
        assert!(c[0].target.is_some());
        assert!(c[1].target.is_none() && c[2].target.is_none(), "{c:?}");
    }

    #[test]
    fn an_outturn_after_two_things_budgets_has_no_budget() {
        let d = Document::read(
            "“三公”经费年初预算为38.00万元，公务接待费年初预算为10.00万元，支出决算为31.46万元，完成年初预算的82.8%。",
        );
        let c = extract(&d);
        assert_eq!(c.len(), 1);
        assert!(c[0].target.is_none(), "{c:?}");
        // Each item's own budget, the items apart by `；`.
        let d = Document::read(
            "其中：因公出国（境）费年初预算为0万元，支出决算为0万元；公务用车运行维护费年初预算为58.00万元，支出决算为48.27万元，完成年初预算的83.22%。",
        );
        let c = extract(&d);
        assert!(c[0].target.is_some(), "{c:?}");
        // Items apart by `，`, each with its outturn.
        let d = Document::read(
            "因公出国（境）费年初预算为0万元，支出决算为0万元，公务用车运行维护费年初预算为58.00万元，支出决算为48.27万元，完成年初预算的83.22%。",
        );
        assert!(extract(&d)[0].target.is_some());
        // `调整后预算` names a stage.
        let d = Document::read(
            "年初预算为40.00万元，调整后预算为45.00万元，支出决算为36.00万元，完成调整后预算的80%。",
        );
        assert!(extract(&d)[0].target.is_some());
        // `该项目` and `项目调整后`: one thing.
        let d = Document::read(
            "该项目年初预算50.00万元，项目调整后预算60.00万元，全年执行数54.00万元，预算执行率85%。",
        );
        assert!(extract(&d)[0].target.is_some());
        // Two budgets of one thing.
        let d = Document::read(
            "本部门年初预算2105.30万元，全年预算数调整为2418.30万元，全年实际支出2324.40万元，完成年初预算的110.41%。",
        );
        assert!(extract(&d)[0].target.is_some());
    }

    #[test]
    fn planned_and_done_counts() {
        let c = one("全年计划完成项目20个，实际完成18个，完成率90%。");
        assert_eq!(
            (c.0.as_deref(), c.1.as_deref()),
            (Some("18个"), Some("20个"))
        );
        assert!(!is_budget_label("计划生育服务支出"));
        assert!(is_budget_label("计划生育服务年初计划"));
    }

    #[test]
    fn execution_rates_find_what_was_spent() {
        let c = one("年初预算为200万元，全年执行180万元，预算执行率为95%。");
        assert_eq!(
            (c.0.as_deref(), c.1.as_deref()),
            (Some("180万元"), Some("200万元"))
        );
        let c = one("项目预算资金50万元，已支付45万元，执行率90%。");
        assert_eq!(
            (c.0.as_deref(), c.1.as_deref()),
            (Some("45万元"), Some("50万元"))
        );
    }
}
