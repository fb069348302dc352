//! `score`: a score stated with its maximum in the text is no more than the maximum
//! (`决策指标得分21.0分（满分20分）`, `分值20分，得分21分`).

use super::{Context, Rule, RuleInfo};
use crate::read::document::{Document, Figure};
use crate::read::quantity::Unit;
use crate::report::Severity;

pub struct Score;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "score",
    name_zh: "得分超过满分",
    name_en: "Scores above their maximum",
    severity: Severity::Error,
    summary_zh: "文中得分不应超过与之并列的满分（分值）：“得分21.0分（满分20分）”。",
    summary_en: "A score stated beside its maximum does not exceed it: 得分21.0分（满分20分）.",
    explanation_zh: "绩效自评的文字部分常把得分和满分写在一起：得分后括号内的“满分/分值/总分N分”，\
或“分值N分，得分M分”。得分大于满分为错误（多为得分或满分抄错）。\n\
例：“决策指标得分21.0分（满分20分）”：21.0 > 20。",
    explanation_en: "A score followed by its maximum in brackets (满分/分值/总分 N分), or a maximum followed by \
得分 in the next clause, must not exceed it. Example: 得分21.0分（满分20分）: 21.0 > 20.",
};

/// Words naming a maximum score.
const MAXIMUM: &[&str] = &["满分", "分值", "总分", "权重"];

fn is_score(f: &Figure) -> bool {
    f.q.unit == Unit::SCORE && f.q.is_operand()
}

/// The (score, maximum) pairs the text states side by side.
fn pairs(doc: &Document) -> Vec<(usize, usize)> {
    let text = doc.text();
    let mut out = Vec::new();
    for (i, w) in doc.figures.windows(2).enumerate() {
        let (a, b) = (&w[0], &w[1]);
        if !is_score(a) || !is_score(b) || a.sentence() != b.sentence() {
            continue;
        }
        let between = &text[a.q.end..b.q.start];
        // `得分21.0分（满分20分）`, `得21分(分值20分)`.
        let bracketed = between
            .strip_prefix('（')
            .and_then(|r| MAXIMUM.iter().find_map(|m| r.strip_prefix(m)))
            .is_some_and(|r| matches!(r, "" | "为" | "："))
            && text[b.q.end..].starts_with('）');
        // `分值20分，得分21分`: the maximum ends its clause, the score opens the next.
        let stated_after =
            MAXIMUM.iter().any(|m| {
                text[..a.q.start].ends_with(m) || text[..a.q.start].ends_with(&format!("{m}为"))
            }) && matches!(between, "，得分" | "，得分为" | "，实际得分" | "，自评得分");
        if bracketed {
            out.push((i, i + 1));
        } else if stated_after {
            out.push((i + 1, i));
        }
    }
    out
}

impl Rule for Score {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, _claims, sink) = cx.parts();
        // 得分 ≤ 满分, checked as a table's 得分 ≤ 分值 is.
        for pair in pairs(doc) {
            super::kit::check_score(INFO.id, doc, pair, ("满分", "its maximum"), sink);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{check, Options, Severity};

    fn score_findings(t: &str) -> (usize, usize) {
        let r = check(t, &Options::default());
        let errors = r
            .findings
            .iter()
            .filter(|f| f.rule == "score" && f.severity == Severity::Error)
            .count();
        let verified = r
            .ledger
            .iter()
            .filter(|l| l.rule == "score" && l.outcome == crate::Outcome::Verified)
            .count();
        (errors, verified)
    }

    #[test]
    fn a_score_above_its_bracketed_maximum() {
        let t = "本部门2024年度整体支出绩效自评得分94.0分。其中：决策指标得分21.0分（满分20分），过程指标得分17.0分（满分20分）。";
        assert_eq!(score_findings(t), (1, 1));
    }

    #[test]
    fn a_maximum_then_the_score() {
        assert_eq!(score_findings("该指标分值30分，得分28分。"), (0, 1));
        assert_eq!(score_findings("该指标分值20分，得分21分。"), (1, 0));
        assert_eq!(score_findings("该指标分值20分，得分20分。"), (0, 1));
    }

    #[test]
    fn not_scores() {
        // Minutes, fractions, branches; a score beside another score that is no maximum.
        for t in [
            "会议时长30分钟（满分20分钟）。",
            "三分之一的项目得分20分（总计50分）。",
            "一级指标产出得分45分，效益得分28分。",
            "公安局第2分局得分10分（另加2分）。",
        ] {
            assert_eq!(score_findings(t), (0, 0), "{t}");
        }
    }
}
