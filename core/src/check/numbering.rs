//! `numbering`: the numbers of headings at each level of the outline run 一、二、三… without
//! gaps or reversals under the same parent (renhe: 五 before 四, no 二 and 三).

use std::collections::HashMap;

use super::{Context, Draft, Rule, RuleInfo};
use crate::read::segment::HeadingStyle;
use crate::report::Severity;

pub struct Numbering;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "numbering",
    name_zh: "标题编号",
    name_en: "Heading numbering",
    severity: Severity::Warning,
    summary_zh: "同一层级的标题编号应连续、不重复、不倒序（一、二、三……；（一）（二）……；1. 2. ……）。",
    summary_en: "Heading numbers at each level run on without gaps, repeats or reversals.",
    explanation_zh: "按标题样式（第一部分、一、（一）、1.、（1）、①）建立章节树，同一上级下的同级编号应依次递增。\
跳号（缺少中间的编号）、重号、倒序各报一条；编号回到1视为新的一组（如目录之后的正文、附件），不报。\n\
例：“五、一般公共预算财政拨款支出决算情况说明”之后出现“四、财政拨款收入支出决算总体情况说明”，且全文没有“二、”“三、”。",
    explanation_en: "Headings are arranged into a tree by their numbering style; under one parent, numbers at a level \
must increase by one. Gaps, repeats and reversals are reported; a restart at 1 begins a new run (body after a table of \
contents, an appendix). Example: 五 followed by 四, with no 二 or 三.",
};

/// Words of a section or table title, never of a table row's name.
const TITLE_WORDS: &[&str] = &["表", "情况", "说明", "概况", "职能", "分析", "名词解释"];

fn numeral(style: HeadingStyle, n: u32) -> String {
    const CN: [&str; 11] = [
        "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
    ];
    let cn = |n: u32| -> String {
        match n {
            0..=10 => CN[n as usize].to_string(),
            11..=19 => format!("十{}", CN[(n - 10) as usize]),
            20..=99 => format!(
                "{}十{}",
                CN[(n / 10) as usize],
                if n.is_multiple_of(10) {
                    ""
                } else {
                    CN[(n % 10) as usize]
                }
            ),
            _ => n.to_string(),
        }
    };
    match style {
        HeadingStyle::Part => format!("第{}部分", cn(n)),
        HeadingStyle::Chinese => format!("{}、", cn(n)),
        HeadingStyle::ParenChinese => format!("（{}）", cn(n)),
        HeadingStyle::Arabic => format!("{n}."),
        HeadingStyle::ParenArabic => format!("（{n}）"),
        HeadingStyle::Circled => {
            char::from_u32(0x2460 + n.saturating_sub(1)).map_or(n.to_string(), String::from)
        }
    }
}

impl Rule for Numbering {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, claims, sink) = cx.parts();
        let sections = &doc.outline;
        // Numbered row names of a table (`一、财政拨款\t33,172.15`, or such names on lines of
        // their own between table rows) are not headings of the report: in a run of paragraphs
        // that are all headings or table lines, those from the first table line on are rows.
        // A table copied one cell per line (a PDF viewer's copy) has no table lines: its
        // cells are short lines, and its amounts lines of their own (`19,230.18`, not a
        // page number `32`).
        let text = doc.text();
        // A bare number (`2`) may be a page number as well as a row's number: it is a cell
        // only in a run that has amounts too.
        let bare_number = |i: usize| {
            let t = text[doc.paragraphs[i].range.clone()].trim();
            t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit())
        };
        let is_amount = |w: &str| {
            let (whole, cents) = w.split_once('.').unwrap_or((w, ""));
            !whole.is_empty()
                && whole
                    .trim_start_matches('-')
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b',')
                && ((1..=2).contains(&cents.len()) || cents.is_empty() && whole.contains(','))
                && cents.bytes().all(|b| b.is_ascii_digit())
        };
        // (Or an amount with the next cell's name after it: `4,732.06 二、外交支出`.)
        let is_cell = |p: &crate::read::segment::Paragraph| {
            let t = text[p.range.clone()].trim();
            let lead = t
                .find(|c: char| !(c.is_ascii_digit() || matches!(c, ',' | '.' | '-')))
                .unwrap_or(t.len());
            let named = lead > 0 && lead < t.len() && is_amount(&t[..lead]) && {
                let name = t[lead..].trim();
                name.chars().count() <= 16 && !name.chars().any(|c| c.is_ascii_digit())
            };
            p.is_table_cell || !t.is_empty() && (t.split(' ').all(is_amount) || named)
        };
        // Each paragraph is asked several times below (whether a run goes on, has amounts,
        // where it starts): decided once.
        let cells: Vec<bool> = doc.paragraphs.iter().map(is_cell).collect();
        let cell = |i: usize| cells[i];
        let short = |p: &crate::read::segment::Paragraph| {
            let t = text[p.range.clone()]
                .trim()
                .trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, ',' | '.' | ' '));
            t.chars().count() <= 16 && !t.contains('。')
        };
        let mut in_table = vec![false; doc.paragraphs.len()];
        let mut run_start: usize = 0;
        for pi in 0..=doc.paragraphs.len() {
            // A part or a section title (`第四部分`, `名词解释`) ends a table.
            let title = |p: &crate::read::segment::Paragraph| {
                let t = &text[p.range.clone()];
                p.outline_heading()
                    .is_some_and(|h| h.style == HeadingStyle::Part)
                    || !p.is_table_cell && TITLE_WORDS.iter().any(|w| t.contains(w))
            };
            // (A page's running header after its number, `- 4 -` / `某县…2023年度部门决算`,
            // does not end a table that runs over the page.)
            let running_header = |p: &crate::read::segment::Paragraph| {
                let t = text[p.range.clone()].trim();
                pi.checked_sub(1).is_some_and(|q| {
                    bare_number(q)
                        || crate::read::segment::is_page_number(
                            text[doc.paragraphs[q].range.clone()].trim(),
                        )
                }) && t.chars().count() <= 40
                    && !t.contains(['。', '，', '；'])
                    && p.outline_heading().is_none()
            };
            let continues = doc.paragraphs.get(pi).is_some_and(|p| {
                (p.outline_heading().is_some() || cell(pi) || short(p) || running_header(p))
                    && !title(p)
            });
            if continues {
                continue;
            }
            // Headings before the run's first table line are the table's title, and so is one
            // that names a table or a section (`二、…收入预算总表`, `…情况说明`); but right
            // under a table's title they are its first rows, copied before their amounts.
            let under_title = run_start
                .checked_sub(1)
                .and_then(|t| doc.paragraphs.get(t))
                .is_some_and(|p| crate::read::grid::is_table_title(&text[p.range.clone()]));
            // (Two numbers in a row are cells, not a page number.)
            let beside_cell =
                |i: usize| i.checked_sub(1).is_some_and(&cell) || i + 1 < pi && cell(i + 1);
            let has_amount = (run_start..pi)
                .any(|i| cell(i) && (under_title || !bare_number(i) || beside_cell(i)));
            // (No paragraph of a run is a part or a title: those end it.)
            if let Some(first) = (run_start..pi).find(|&i| cell(i)).filter(|_| has_amount) {
                let first = if under_title { run_start } else { first };
                in_table[first..pi].fill(true);
            }
            run_start = pi + 1;
        }
        // A numbered line laid out in two columns (`3、2022年9月底项目整体完工      3、2022年9月底
        // 项目整体完工`: a self-evaluation table's 预期目标 and 实际完成 cells side by side) is
        // a table row, not a heading; a contents line ends in its page number instead.
        for (pi, p) in doc.paragraphs.iter().enumerate() {
            let Some(h) = p.outline_heading() else {
                continue;
            };
            // (As laid out: the normalised text has lost the gap between the columns.)
            let line = doc.quote(doc.span(h.line.clone()));
            let cells = crate::read::segment::layout_cells(line.trim_start());
            let page_number = |c: &str| c.trim().bytes().all(|b| b.is_ascii_digit());
            if cells.len() >= 2
                && cells[0].chars().count() > 8
                && !cells.last().is_some_and(|c| page_number(c))
                && cells[1].chars().count() > 8
            {
                in_table[pi] = true;
            }
        }
        // A self-evaluation table's cells hold numbered lists (`1、…2、…` under 实际完成情况),
        // one per table: not the report's headings.
        let evaluations: Vec<std::ops::Range<usize>> = claims
            .standard
            .tables
            .iter()
            .filter(|t| t.evaluation.is_some())
            .map(|t| t.title.start..t.end)
            .collect();
        // (In text order and apart: the last range starting at or before a heading is the
        // only one that can hold it.)
        for (pi, p) in doc.paragraphs.iter().enumerate() {
            if p.outline_heading().is_some() {
                let at = doc.span(p.range.start..p.range.start).start;
                let before = evaluations.partition_point(|r| r.start <= at);
                if before > 0 && evaluations[before - 1].contains(&at) {
                    in_table[pi] = true;
                }
            }
        }
        let beside_table = |pi: usize| in_table[pi];
        // Per (parent, style): the numbers seen so far in the current run and its highest.
        let mut runs: HashMap<(Option<usize>, HeadingStyle), (Vec<u32>, u32)> = HashMap::new();
        let mut last_at: HashMap<(Option<usize>, HeadingStyle), usize> = HashMap::new();
        let mut last_of_style: HashMap<HeadingStyle, u32> = HashMap::new();
        // The run a restart at 1 interrupted, per (parent, style): `二、工作任务` then its items
        // `一、…十、` in the same style, then `三、` goes on from `二、`.
        let mut interrupted: HashMap<(Option<usize>, HeadingStyle), (Vec<u32>, u32)> =
            HashMap::new();
        for s in sections {
            let h = doc.paragraphs[s.paragraph]
                .outline_heading()
                .expect("outline sections are headings");
            let at = h.marker.clone();
            if beside_table(s.paragraph) {
                continue;
            }
            // Where the previous heading of this level stood: a number "missing" between it and
            // this one may be written there, only not at a line's start (a PDF's layout or a
            // web page put it mid-line).
            let from = last_at.insert((s.parent, s.style), at.end).unwrap_or(0);
            // Numbering that runs on across parents (`（六）` the first under 二、 after `（五）`
            // ended 一、) is a style, not a gap.
            let runs_on = last_of_style.insert(s.style, s.number) == Some(s.number.wrapping_sub(1));
            let run = runs.entry((s.parent, s.style)).or_default();
            if s.number == 1 || run.0.is_empty() {
                // A new run: the first heading of a level, or a restart at 1. Under a parent
                // heading it must start at 1; at the top, a later start is a partial paste
                // (`六、…` onwards) and its gaps say nothing about the report.
                // Deeper levels often number only some items (`2.` after an unnumbered
                // first one): a late start is reported for the two outer levels only.
                let partial = (s.parent.is_none() || s.depth > 1) && s.number != 1 || runs_on;
                let before = std::mem::replace(run, (vec![s.number], s.number));
                if s.number == 1 && !before.0.is_empty() {
                    interrupted.insert((s.parent, s.style), before);
                }
                // (The item before written inline, `主要职能：（一）贯彻…。` / `（二）…`: the
                // list starts mid-line, as a viewer's copy leaves it.)
                let text = doc.text();
                let window = crate::read::document::floor_char(text, at.start.saturating_sub(600));
                // (Not a decimal's tail: `11.50` holds no `1.`.)
                let inline_before = s.number > 1 && {
                    let shown = numeral(s.style, s.number - 1);
                    let before = &text[window..at.start];
                    before.match_indices(shown.as_str()).any(|(i, _)| {
                        !before[..i].ends_with(|c: char| c.is_ascii_digit() || c == '.')
                    })
                };
                if s.number != 1 && !partial && !inline_before {
                    let shown = numeral(s.style, s.number);
                    let mut d = Draft::new(
                        INFO.id,
                        Severity::Warning,
                        at,
                        format!(
                            "编号未从{}开始：本级第一个标题是{}",
                            numeral(s.style, 1),
                            shown
                        ),
                        format!("Heading number {} starts its level", s.number),
                    );
                    d.stated = Some(shown);
                    d.expected = Some(numeral(s.style, 1));
                    sink.report(d);
                }
                continue;
            }
            if (s.parent.is_none() || s.depth > 1) && run.0[0] != 1 {
                continue;
            }
            // Out of this run's order but next in the run it interrupted: that run goes on,
            // and this one was a list inside its last heading.
            if s.number != run.1 + 1 {
                if let Some(before) = interrupted.remove(&(s.parent, s.style)) {
                    if s.number == before.1 + 1 {
                        *run = before;
                    }
                }
            }
            let (seen, max) = run;
            let shown = numeral(s.style, s.number);
            if s.number == *max + 1 {
                seen.push(s.number);
                *max = s.number;
                continue;
            }
            if s.number > *max + 1 {
                let between = &doc.text()[from.min(at.start)..at.start];
                let written = (*max + 1..s.number)
                    .filter(|n| !seen.contains(n))
                    .all(|n| between.contains(&numeral(s.style, n)));
                if written {
                    seen.extend(*max + 1..=s.number);
                    *max = s.number;
                    continue;
                }
            }
            let (message, expected) = if s.number > *max + 1 {
                let missing: Vec<String> = (*max + 1..s.number)
                    .filter(|n| !seen.contains(n))
                    .take(10)
                    .map(|n| numeral(s.style, n))
                    .collect();
                (
                    format!("编号跳过：{}之前缺少{}", shown, missing.join("")),
                    numeral(s.style, *max + 1),
                )
            } else if seen.contains(&s.number) {
                (
                    format!("编号重复：{}已出现过", shown),
                    numeral(s.style, *max + 1),
                )
            } else {
                (
                    format!("编号倒序：{}出现在{}之后", shown, numeral(s.style, *max)),
                    numeral(s.style, *max + 1),
                )
            };
            seen.push(s.number);
            *max = (*max).max(s.number);
            let mut d = Draft::new(
                INFO.id,
                Severity::Warning,
                at,
                message,
                format!("Heading number {} out of sequence", s.number),
            );
            d.stated = Some(shown);
            d.expected = Some(expected);
            sink.report(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{check, Options};

    fn found(t: &str) -> Vec<String> {
        check(t, &Options::default())
            .findings
            .into_iter()
            .filter(|f| f.rule == "numbering")
            .map(|f| f.message)
            .collect()
    }

    #[test]
    fn gaps_repeats_and_reversals() {
        let t = "一、概况\n正文。\n（一）职能\n正文。\n（二）机构\n正文。\n五、支出\n正文。\n（一）总体\n正文。\n四、收入\n正文。\n六、其他\n正文。";
        assert_eq!(
            found(t),
            [
                "编号跳过：五、之前缺少二、三、四、",
                "编号倒序：四、出现在五、之后"
            ]
        );
        assert_eq!(
            found("一、甲\n正文。\n二、乙\n正文。\n二、丙\n正文。"),
            ["编号重复：二、已出现过"]
        );
    }

    #[test]
    fn lists_in_self_evaluation_tables_are_no_headings() {
        // A viewer's copy: each table's 实际完成情况 list, `1、` mid-line, `2、` `3、` at line
        // starts; two tables in a row repeat 2、 and 3、.
        let table = |name: &str| {
            format!(
                "某某市级2022年{name}项目绩效自评表\n（2022年度）\n项目名称\n\n{name}\n\n\
实际完成情况\n\n年度总体\n目标完成 1、2022年6月综合楼完工\n2、2022年6月底实验楼交付\n\
3、2022年9月底整体完工\n\n总分\n\n100\n\n95\n"
            )
        };
        let t = format!(
            "一、概况\n正文。\n二、附件\n{}{}",
            table("甲楼建设"),
            table("乙楼建设")
        );
        assert!(found(&t).is_empty(), "{:?}", found(&t));
        // The same lists in the report's text are its headings.
        let t = "一、概况\n1、甲\n正文。\n2、乙\n正文。\n2、丙\n正文。";
        assert_eq!(found(t), ["编号重复：2.已出现过"]);
    }

    #[test]
    fn a_number_written_mid_line_is_not_missing() {
        let t = "一、概况\n（一）职能\n正文。\n（二）机构\n正文，（三）编制情况见下。\n（四）人员\n正文。";
        assert!(found(t).is_empty(), "{:?}", found(t));
        let t = "一、概况\n（一）职能\n正文。\n（二）机构\n正文。\n（四）人员\n正文。";
        assert_eq!(found(t), ["编号跳过：（四）之前缺少（三）"]);
    }

    #[test]
    fn numbering_that_runs_on_across_parents_is_a_style() {
        let t = "一、总体\n（一）甲\n正文。\n（二）乙\n正文。\n二、分项\n（三）丙\n正文。\n（四）丁\n正文。";
        assert!(found(t).is_empty(), "{:?}", found(t));
        let t = "一、总体\n（一）甲\n正文。\n（二）乙\n正文。\n二、分项\n（五）丙\n正文。";
        assert_eq!(found(t), ["编号未从（一）开始：本级第一个标题是（五）"]);
    }

    #[test]
    fn rows_of_a_table_copied_one_cell_per_line_are_not_headings() {
        // Income and spending sides read across: 一、收入 一、支出 二、收入 二、支出 ….
        let t = "一、收入支出预算总表\n表1\n2026年部门收支总体情况表\n单位：万元\n收入\n\n项目\n\n预算数\n\n一、一般公共预算拨款收入\n\n19,230.18\n\n一、一般公共服务支出\n\n二、政府性基金预算拨款收入\n\n18,417.70二、外交支出\n\n三、事业收入\n\n三、国防支出\n\n812.48\n\n二、收支预算说明\n正文。";
        assert!(found(t).is_empty(), "{:?}", found(t));
        // An amount with the next row's name after it is a cell too.
        let t =
            "一、概况\n正文。\n收支总体情况表\n单位：万元\n项目\n一、财政拨款收入\n\n预算数\n\n\
4,732.06 二、外交支出\n\n三、公共安全支出\n\n二、事业收入\n\n566.00 四、教育支出\n二、说明\n正文。";
        assert!(found(t).is_empty(), "{:?}", found(t));
        // Row names copied before the amounts, right under the table's title.
        let t = "一、概况\n正文。\n表4\n2021年财政拨款收支总表\n单位：元\n12、城乡社区\n支出\n13、农林水支出\n0.00\n\n1,200.00\n二、说明\n正文。";
        assert!(found(t).is_empty(), "{:?}", found(t));
    }

    #[test]
    fn a_page_number_or_a_part_does_not_make_headings_rows() {
        // `32` is a page number, not an amount: the glossary's numbers are still checked.
        let t = "第一部分\n名词解释\n一、财政拨款收入：指财政拨款形成的收入。\n32\n二、事业收入：指事业单位开展业务活动取得的收入。\n四、经营收入：指经营活动取得的收入。";
        assert_eq!(found(t), ["编号跳过：四、之前缺少三、"]);
        // After an amount line, a part title ends the table: what follows is the report's.
        let t = "表9\n合计\n\n1,200.00\n\n一、甲\n\n600.00\n第一部分\n一、概况\n正文。\n三、其他\n正文。";
        assert_eq!(found(t), ["编号跳过：三、之前缺少二、"]);
    }

    #[test]
    fn restarts_and_nesting_are_fine() {
        // A table of contents, then the body; sub-levels restart under each parent.
        let t = "目录\n一、概况\n二、收支\n三、其他\n一、概况\n（一）职能\n正文。\n（二）机构\n正文。\n二、收支\n（一）收入\n正文。\n1.财政拨款\n正文。\n2.其他\n正文。\n（二）支出\n正文。\n三、其他\n正文。\n附件\n一、表一\n二、表二";
        assert!(found(t).is_empty(), "{:?}", found(t));
    }

    #[test]
    fn codes_in_brackets_and_the_reports_two_parts_are_no_headings() {
        // `（309）` and `（504）` are economic classification codes before their amounts; the
        // `（2）` after them is the second of its run.
        let t = "（1）按功能分类说明。\n正文。\n资本性支出（基本建设）\n（309）75000万元，较上年增加28000万元。\n\
（2）按经济分类说明。\n机关资本性支出（二）\n（504）75000\n万元。";
        assert!(found(t).is_empty(), "{:?}", found(t));
        // A heading may start with a year: still a heading.
        assert_eq!(
            found("（1）2021年收入\n正文。\n（3）2021年支出\n正文。"),
            ["编号跳过：（3）之前缺少（2）"]
        );
        // `一、文字部分 … 二、表格部分` divide the report above its own `一、…十、` sections.
        let t = "一、文字部分\n一、概况\n正文。\n二、收支\n正文。\n三、其他\n正文。\n二、表格部分\n表1 收支总表";
        assert!(found(t).is_empty(), "{:?}", found(t));
        assert_eq!(
            found("一、概况\n正文。\n二、收支\n正文。\n二、其他部分说明\n正文。"),
            ["编号重复：二、已出现过"]
        );
    }

    #[test]
    fn a_list_in_the_style_of_its_heading_does_not_end_its_run() {
        // `二、工作任务` lists its tasks as `一、…三、`; then `三、` goes on from `二、`.
        let t = "一、职责\n正文。\n二、工作任务\n一、甲\n正文。\n二、乙\n正文。\n三、丙\n正文。\n三、单位构成\n正文。\n四、人员\n正文。";
        assert!(found(t).is_empty(), "{:?}", found(t));
        // What fits neither run is still reported.
        let t =
            "一、职责\n正文。\n二、工作任务\n一、甲\n正文。\n二、乙\n正文。\n五、单位构成\n正文。";
        assert_eq!(found(t), ["编号跳过：五、之前缺少三、四、"]);
    }
}
