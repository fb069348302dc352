//! `numbering`: section numbers out of order, repeated or missing at each level of the section
//! tree, counted afresh under each parent (renhe: `五、` before `四、`, no `九、`, no `第三部分`).

use super::{Draft, Rule, RuleInfo, Sink};
use crate::claims::Claims;
use crate::document::Document;
use crate::report::Severity;
use crate::sections::{looks_whole, numeral, sections, Section};
use crate::segment::HeadingStyle;
use std::collections::BTreeMap;

pub struct Numbering;

static INFO: RuleInfo = RuleInfo {
    id: "numbering",
    name_zh: "标题编号",
    name_en: "Section numbering",
    severity: Severity::Warning,
    summary_zh: "同一上级标题下的“第一部分”“一、”“（一）”编号应从一起依次连续，不颠倒、不重复、不缺号。",
    summary_en: "Headings numbered 第一部分 / 一、 / （一） run 1, 2, 3… under each parent: no gap, repeat or inversion.",
    explanation_zh: "按标题编号建立章节树（第一部分 ⊃ 一、 ⊃ （一）），在每个上级标题之下分别检查各级编号。\
编号回到“一”视为新的一组（目录之后的正文、附件重新编号），不算错；“1、”“（1）”“①”常是段内列举或表格行，不检查；\
含制表符的行是表格，不当作标题。只检查看来是全文的文本（至少两个“第X部分”或六个顶层“一、”标题），粘贴的片段不报；起始的缺号只在上级标题之下或前面已有标题时才算。\n\
例：仁和区决算“第二部分”之下依次为“五、”“四、”“六、”“七、”“八、”“十、”：“四、”排在“五、”之后，缺“一、”至“三、”和“九、”；\
全文有“第一部分”“第二部分”“第四部分”，缺“第三部分”。",
    explanation_en: "Under each parent heading, each level's numbers must run 1, 2, 3… A return to 1 starts a new run \
(body after a table of contents, appendices). Example: renhe's 第二部分 numbers its sections 五, 四, 六, 七, 八, 十: \
四 comes after 五, and 一–三 and 九 are missing; 第三部分 is missing.",
};

/// `一、` / `（一）` for number `n` in the style of `s` (parts are named by the caller).
fn label(s: &Section, n: u32) -> String {
    match s.style {
        HeadingStyle::ParenChinese => format!("（{}）", numeral(n)),
        _ => format!("{}、", numeral(n)),
    }
}

impl Rule for Numbering {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, doc: &Document, _claims: &Claims, sink: &mut Sink) {
        let text = doc.text();
        let secs = sections(doc);
        // A pasted passage is a selection: its gaps are the reader's, not the writer's.
        if !looks_whole(&secs) {
            return;
        }
        // Children of each parent, by style, in order.
        let mut groups: BTreeMap<(Option<usize>, HeadingStyle), Vec<usize>> = BTreeMap::new();
        for (i, s) in secs.iter().enumerate() {
            groups.entry((s.parent, s.style)).or_default().push(i);
        }
        let part_word = |s: &Section| -> &'static str {
            let m = &text[s.marker.clone()];
            ["部分", "章", "节"]
                .into_iter()
                .find(|u| m.ends_with(u))
                .unwrap_or("部分")
        };
        let name = |s: &Section, n: u32| -> String {
            if s.style == HeadingStyle::Part {
                format!("第{}{}", numeral(n), part_word(s))
            } else {
                label(s, n)
            }
        };
        // Runs of siblings: a return to 1 opens an inner run (a list or table rows among the
        // headings, a table of contents' repeat); a number that continues a suspended run
        // closes the inner ones and goes back to it.
        let mut runs: Vec<(Option<usize>, Vec<usize>)> = Vec::new();
        let mut inverted: Vec<(usize, u32, bool)> = Vec::new(); // (section, max before, repeat)
        for ((parent, _), members) in &groups {
            let mut open: Vec<(Vec<usize>, u32)> = Vec::new();
            for &i in members {
                let n = secs[i].number;
                if open.is_empty() || n == 1 {
                    open.push((vec![i], n));
                    continue;
                }
                if let Some(k) = open.iter().rposition(|(_, max)| n == max + 1) {
                    while open.len() > k + 1 {
                        runs.push((*parent, open.pop().unwrap().0));
                    }
                }
                let (run, max) = open.last_mut().unwrap();
                if n <= *max {
                    let repeat = run.iter().any(|&j| secs[j].number == n);
                    inverted.push((i, *max, repeat));
                }
                run.push(i);
                *max = (*max).max(n);
            }
            runs.extend(open.into_iter().map(|(r, _)| (*parent, r)));
        }
        let bad: std::collections::HashSet<usize> = inverted.iter().map(|x| x.0).collect();
        for &(i, max, repeat) in &inverted {
            let s = &secs[i];
            let n = s.number;
            let (zh, en) = if repeat {
                (
                    format!("标题编号“{}”重复", name(s, n)),
                    format!("Heading number {n} repeated"),
                )
            } else {
                (
                    format!(
                        "标题编号“{}”排在“{}”之后，顺序颠倒",
                        name(s, n),
                        name(s, max)
                    ),
                    format!("Heading number {n} comes after {max}"),
                )
            };
            let mut d = Draft::new(INFO.id, Severity::Warning, s.marker.clone(), zh, en);
            d.stated = Some(text[s.marker.clone()].to_string());
            d.expected = Some(name(s, max + 1));
            d.cause = Some("标题编号未随内容调整".into());
            sink.report(d);
        }
        for (parent, run) in runs {
            // Under a misplaced heading the gaps are the same slip again.
            if parent.is_some_and(|p| bad.contains(&p)) {
                continue;
            }
            let first = &secs[run[0]];
            // A fragment that starts at 三、 with nothing before it is not missing 一、二、.
            let anchored = parent.is_some() || run[0] > 0;
            let seen: std::collections::BTreeSet<u32> =
                run.iter().map(|&i| secs[i].number).collect();
            let max = seen.last().copied().unwrap_or(0);
            let mut ok = !run.iter().any(|i| bad.contains(i));
            // Missing numbers, each reported at the first heading after it.
            let mut missing: BTreeMap<usize, Vec<u32>> = BTreeMap::new();
            for m in 1..max {
                if seen.contains(&m) {
                    continue;
                }
                if m < first.number && !anchored {
                    continue;
                }
                if let Some(&at) = run.iter().find(|&&i| secs[i].number > m) {
                    missing.entry(at).or_default().push(m);
                }
            }
            for (at, ms) in missing {
                ok = false;
                let s = &secs[at];
                let names: Vec<String> = ms.iter().map(|&m| name(s, m)).collect();
                let mut d = Draft::new(
                    INFO.id,
                    Severity::Warning,
                    s.marker.clone(),
                    format!(
                        "标题编号缺“{}”：此处为“{}”",
                        names.join("”“"),
                        name(s, s.number)
                    ),
                    format!("Heading numbers {ms:?} are missing before {}", s.number),
                );
                d.stated = Some(text[s.marker.clone()].to_string());
                d.expected = Some(names.join(" "));
                d.cause = Some("标题编号未随内容调整，或缺少该部分".into());
                sink.report(d);
            }
            if ok && run.len() >= 2 {
                let last = &secs[*run.last().unwrap()];
                sink.verified(
                    INFO.id,
                    first.marker.start..last.marker.end,
                    format!(
                        "“{}”至“{}”编号连续",
                        name(first, first.number),
                        name(last, last.number)
                    ),
                    format!("Headings {}–{} in order", first.number, last.number),
                );
            }
        }
    }
}
