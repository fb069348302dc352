//! Sum claims: a total and the parts the text lists under it.
//!
//! Phrasings: `X合计N万元，其中：A a万元，占…；B b万元` · `…主要用于以下方面：…` · `包括：` ·
//! `分别为` · `总支出为N元：基本支出…；项目支出…` · a parenthesised `（其中，…）` after a figure ·
//! a list whose items are the following numbered paragraphs (`收入总计N万元，包括：` then
//! `1.财政拨款收入…` `2.上级补助收入…`).

use super::{has_change_word, label_key};
use crate::read::document::{Document, Figure};
use crate::read::interval::Interval;
use crate::read::quantity::Unit;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// 其中 / 包括 / 分别为 / a colon after the total: the parts should exhaust the total.
    Complete,
    /// 主要用于 / 主要包括 / 等: the list may be partial.
    Partial,
    /// A table column's rows under their total: complete, and written to the column's
    /// precision (a `20` in a column of `9.67` is 20.00, not anything from 19.5 to 20.5).
    Column { decimals: u32 },
}

#[derive(Debug, Clone)]
pub struct SumClaim {
    pub total: usize,
    pub parts: Vec<usize>,
    pub marker: Marker,
    /// Normalised offset of the marker word.
    pub marker_at: usize,
}

impl SumClaim {
    /// Should the parts add up to the total exactly (rather than at most)?
    pub fn exhaustive(&self, doc: &Document) -> bool {
        if self.marker == Marker::Partial || self.parts.len() < 2 {
            return false;
        }
        if matches!(self.marker, Marker::Column { .. }) {
            return true;
        }
        let total = &doc.figures[self.total];
        // (`以上13项合计735,811.26元。其中，会议费…；培训费…`: the total of the items above;
        // a 其中 after it picks some out.)
        let opening = &doc.text()[doc.sentences[total.sentence()].start..total.q.start];
        let parts_after = self.parts.first().is_some_and(|&p| p > self.total);
        if parts_after && ["以上", "上述"].iter().any(|w| opening.contains(w)) {
            return false;
        }
        let key = label_key(&total.label);
        let total_word = [
            "合计",
            "总计",
            "总额",
            "共计",
            "总收入",
            "总支出",
            "收支总",
            "累计",
        ]
        .iter()
        .any(|w| key.contains(w));
        let any_zero = self.parts.iter().any(|&p| doc.figures[p].q.value.is_zero());
        let labels: Vec<&str> = self
            .parts
            .iter()
            .map(|&p| doc.figures[p].label.as_ref())
            .collect();
        let known_split = [("基本支出", "项目支出"), ("人员经费", "公用经费")]
            .iter()
            .any(|(a, b)| {
                labels.iter().any(|l| l.contains(a)) && labels.iter().any(|l| l.contains(b))
            });
        // (Counts of people and things are listed whole; scores are like amounts, `得分95.5
        // 分，其中预算执行率得分9.5分，产出指标得分48分` names two of the parts, unless the
        // parts are a scheme's whole: 决策, 过程, 产出, 效益; or 预算执行, 产出, 效益, 满意度.)
        let scheme = |words: &[&str]| words.iter().all(|w| labels.iter().any(|l| l.contains(w)));
        let whole_scheme = total.q.unit == Unit::SCORE
            && (scheme(&["决策", "过程", "产出", "效益"])
                || scheme(&["预算执行", "产出", "效益", "满意度"])
                || key.contains('共'));
        // `按支出功能分类，包括…`: a classification of the whole lists all of it.
        let text = doc.text();
        let lead_from = crate::read::document::floor_char(text, self.marker_at.saturating_sub(36));
        let lead = text[lead_from..self.marker_at].trim_end_matches(['，', '：', ',', ':', ' ']);
        let classified = lead.ends_with("分类") && lead.contains('按');
        total_word
            || classified
            || any_zero
            || known_split
            || whole_scheme
            || matches!(total.q.unit, Unit::Count(_)) && total.q.unit != Unit::SCORE
    }
}

const MARKERS: &[(&str, Marker)] = &[
    ("其中", Marker::Complete),
    ("主要用于", Marker::Partial),
    ("主要包括", Marker::Partial),
    ("主要有", Marker::Partial),
    ("包括", Marker::Complete),
    ("分别为", Marker::Complete),
    ("分别是", Marker::Complete),
    ("具体为", Marker::Complete),
    ("具体是", Marker::Complete),
    ("分项情况是", Marker::Complete),
    ("分项情况为", Marker::Complete),
    // `本年支出2210万元，…，具体情况如下：` and then the numbered items.
    ("具体情况如下", Marker::Complete),
    ("具体如下", Marker::Complete),
];

/// Where the last of the [`MARKERS`] in `s` starts (the greatest `rfind` of any of them): one
/// backward pass over the characters instead of a substring search per marker, for every
/// figure of a list. A marker can only start at one of [`MARKER_STARTS`].
fn last_marker(s: &str) -> Option<usize> {
    s.char_indices()
        .rev()
        .find(|&(i, c)| {
            MARKER_STARTS.contains(&c) && MARKERS.iter().any(|(w, _)| s[i..].starts_with(w))
        })
        .map(|(i, _)| i)
}

/// The first characters of [`MARKERS`].
const MARKER_STARTS: [char; 5] = ['其', '主', '包', '分', '具'];

/// Can this figure be a total or a part?
fn is_amount(f: &Figure) -> bool {
    f.q.is_operand() && matches!(f.q.unit, Unit::Money(_) | Unit::Count(_)) && !is_change(f)
}

/// An amount outside brackets that could be a part of a total in `unit`.
fn is_level_amount(f: &Figure, unit: Unit) -> bool {
    f.paren_depth == 0 && is_amount(f) && f.q.unit.addable_with(unit)
}

/// A change between periods, the base of a comparison (`比年初预算安排22216.00元增加`) or a
/// target (`完成预算20000.00元的98.27%`): none of these is a level that can be a total or part.
fn is_change(f: &Figure) -> bool {
    has_change_word(&f.label)
        || f.label.starts_with('比')
        || f.label.starts_with('较')
        || f.label.contains("完成")
        || super::names_last_year(&f.label)
        // (`收入完成12.36亿元，为调整预算12.21亿元的101.23%`: the budget a rate is of.)
        || ["为年初预算", "为调整预算", "为调整后预算", "为全年预算", "为预算数"]
            .iter()
            .any(|w| f.label.starts_with(w))
        || ["为预算", "为计划", "为目标"].contains(&f.label.as_ref())
}

/// Markers in one paragraph: (offset, marker, length in bytes).
fn markers_in(
    doc: &Document,
    p: usize,
    figs: std::ops::Range<usize>,
) -> Vec<(usize, Marker, usize)> {
    let range = doc.paragraphs[p].range.clone();
    let text = &doc.text()[range.clone()];
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let c = rest.chars().next().unwrap_or(' ');
        // (A marker starts only at one of MARKER_STARTS: the words are tried there alone.)
        let marker = MARKER_STARTS
            .contains(&c)
            .then(|| MARKERS.iter().find(|(w, _)| rest.starts_with(w)))
            .flatten();
        if let Some(&(w, m)) = marker {
            // `其中` inside `其中：` is one marker; `包括` after `主要` was matched as `主要包括`.
            // `其中主要支出为…` lists the main items only.
            let main_only = rest[w.len()..]
                .trim_start_matches(['：', '，'])
                .starts_with("主要");
            let m = if main_only { Marker::Partial } else { m };
            out.push((range.start + i, m, w.len()));
            i += w.len();
            continue;
        }
        i += c.len_utf8();
    }
    // A colon right after a money figure introduces its parts (`总支出为31538486.48元：`).
    for f in &doc.figures[figs] {
        if doc.text()[f.q.end..].starts_with('：') && is_amount(f) {
            out.push((f.q.end, Marker::Complete, '：'.len_utf8()));
        }
        // `预算79.69亿元中，因公出国（境）费21.36亿元，…`.
        if (doc.text()[f.q.end..].starts_with("中，") || doc.text()[f.q.end..].starts_with("中："))
            && is_amount(f)
        {
            out.push((f.q.end, Marker::Complete, "中，".len()));
        }
    }
    out.sort_by_key(|m| m.0);
    out.dedup_by_key(|m| m.0);
    out
}

pub fn extract(doc: &Document) -> Vec<SumClaim> {
    let mut out = Vec::new();
    // Figures per paragraph, as index ranges into doc.figures (figures are in text order).
    let mut first = vec![usize::MAX; doc.paragraphs.len()];
    let mut last = vec![0usize; doc.paragraphs.len()];
    for (i, f) in doc.figures.iter().enumerate() {
        first[f.paragraph()] = first[f.paragraph()].min(i);
        last[f.paragraph()] = i + 1;
    }
    for p in 0..doc.paragraphs.len() {
        if doc.paragraphs[p].is_table_cell || first[p] == usize::MAX {
            continue;
        }
        let figs = first[p]..last[p];
        for (at, marker, len) in markers_in(doc, p, figs.clone()) {
            // Only the figures near the marker can be its total and parts.
            let mid = crate::claims::first_figure_at(doc, at);
            // A paragraph that opens with its marker (`其中：一般公共预算拨款收入…`) lists the
            // parts of the total the paragraph before ended with: its figures may be the total.
            let para_start = doc.paragraphs[p].range.start;
            let lead = &doc.text()[para_start..at];
            // (Or with a breakdown's name only: `1.按支出功能分类，包括…`, `按经济分类：`.)
            let lead = doc.paragraphs[p]
                .heading
                .as_ref()
                .map_or(lead, |h| &doc.text()[h.marker.end.min(at)..at]);
            // (Bounded before anything scans `lead`: it runs from the paragraph's start.)
            let opens_with_marker = lead.trim().is_empty()
                || lead.len() <= 16 * 4
                    && lead.starts_with('按')
                    && lead.trim_end_matches(['，', '：', ',']).ends_with("分类")
                    && lead.chars().count() <= 16;
            let from = match p.checked_sub(1) {
                Some(q)
                    if opens_with_marker
                        && !doc.paragraphs[q].is_table_cell
                        && first[q] != usize::MAX =>
                {
                    first[q]
                }
                _ => figs.start,
            };
            let near =
                from.max(mid.saturating_sub(super::WINDOW))..figs.end.min(mid + super::WINDOW);
            if let Some(claim) = claim_at(doc, p, near, at, marker, len, &first, &last) {
                out.push(claim);
            }
        }
    }
    sibling_classifications(doc, &first, &last, &mut out);
    innermost_parts(&mut out);
    drop_peer_lists(doc, &mut out);
    inner_lists_end_at_semicolons(doc, &mut out);
    drop_totals_across_semicolons(doc, &mut out);
    drop_nested_parts(doc, &mut out);
    trailing_totals(doc, &mut out);
    split_two_sided(doc, &mut out);
    // (A list of stages only, `其中：年初预算400.00万元，年中追加预算110.00万元`, is a list.)
    out.retain(|c| {
        let stage_only = |&p: &usize| is_stage_only(&doc.figures[p].label);
        !c.parts.iter().any(stage_only) || c.parts.iter().all(stage_only)
    });
    respective_lists(doc, &mut out);
    drop_parts_picked_from_elsewhere(doc, &mut out);
    // (`当年拨款1,552.79万元…。具体为：2025年一般公共预算当年拨款1,552.79万元，2024年为
    // 1,324.05万元`: a list that opens with its total again, by the same name, compares it
    // with something else; it does not break it down.)
    out.retain(|c| {
        let total = &doc.figures[c.total];
        let key = super::label_key(&total.label);
        let key =
            key.trim_start_matches(|ch: char| ch.is_ascii_digit() || ch == '年' || ch == '度');
        key.chars().count() < 4
            || !c.parts.iter().any(|&p| {
                let part = &doc.figures[p];
                let part_key = super::label_key(&part.label);
                // (Only a year or a lead word before it: `一般公共预算财政拨款收入` is a part of
                // `财政拨款收入`.)
                part.q.face() == total.q.face()
                    && part_key.strip_suffix(key).is_some_and(|lead| {
                        lead.trim_start_matches(['其', '中', '具', '体', '为', '是', '：', ':'])
                            .chars()
                            .all(|ch| ch.is_ascii_digit() || ch == '年' || ch == '度')
                    })
            })
    });
    // (`每户50万元，其中3户…暂缓拨付，实际拨付400万元`: an amount for each is no total of
    // an amount larger than itself, which is all of them together.)
    out.retain(|c| {
        let total = &doc.figures[c.total];
        !total.label.contains('每')
            || c.parts
                .iter()
                .all(|&p| doc.figures[p].q.face() <= total.q.face())
    });
    // A list of counts whose parts are not named alike ends at its first `；`: what follows
    // is another statement (`全年培训2,860人，其中取证2,612人，取证率
    // 91.3%；在养老机构就业2,215人`); cut to one part, it is no list. Groups said to overlap
    // (`部分低保户同时为脱贫户`) are no parts.
    let text = doc.text();
    let mut cut_to_one: Vec<bool> = vec![false; out.len()];
    for (c, one) in out.iter_mut().zip(cut_to_one.iter_mut()) {
        let total = &doc.figures[c.total];
        if !matches!(total.q.unit, Unit::Count(_)) {
            continue;
        }
        // (Parts named alike run on past a `；`: `其中一般公共预算项目11个，涉及资金…；政府性
        // 基金预算项目3个`.)
        let keys: Vec<String> = c
            .parts
            .iter()
            .map(|&p| super::label_key(&doc.figures[p].label))
            .collect();
        let alike = keys
            .first()
            .and_then(|k| k.chars().next_back())
            .is_some_and(|tail| keys.iter().all(|o| o.ends_with(tail)));
        // (A part's own rate before the next, `取证2,612人，取证率91.3%；`, makes it a
        // statement of its own.)
        let first = c.parts.iter().copied().min().unwrap_or(c.total);
        let last_part = c.parts.iter().copied().max().unwrap_or(c.total);
        let rated = (first..last_part).any(|i| doc.figures[i].q.unit == Unit::Percent);
        if alike && !rated {
            continue;
        }
        // (One search per list, to its last part: not one per part.)
        let from = c.marker_at;
        let last = c
            .parts
            .iter()
            .map(|&p| doc.figures[p].q.start)
            .max()
            .unwrap_or(from)
            .max(from);
        if let Some(cut) = text[from..last].find('；').map(|i| from + i) {
            c.parts.retain(|&p| doc.figures[p].q.start < cut);
            *one = c.parts.len() < 2;
        }
    }
    let mut cut = cut_to_one.into_iter();
    out.retain(|c| {
        let one = cut.next().unwrap_or(false);
        if !matches!(doc.figures[c.total].q.unit, Unit::Count(_)) {
            return true;
        }
        // (From the total's sentence to the end of the last part's: a `；` ends a sentence.)
        let last = c
            .parts
            .iter()
            .copied()
            .max()
            .unwrap_or(c.total)
            .max(c.total);
        let (s, e) = (
            doc.sentences[doc.figures[c.total].sentence()].start,
            doc.sentences[doc.figures[last].sentence()].end,
        );
        let sentence = &text[s.min(e)..e];
        // (`其中涉茶村286个；实施…的村212个，占涉茶村的74.1%`: a part of another part.)
        let of_a_part = c.parts.iter().any(|&p| {
            let key = super::label_key(&doc.figures[p].label);
            let key = key.trim_start_matches("其中");
            key.chars().count() >= 2 && sentence.contains(&format!("占{key}"))
        });
        !one && !of_a_part
            && !["同时为", "同时是", "有重叠", "交叉"]
                .iter()
                .any(|w| sentence.contains(w))
    });
    // (Nor are people counted by attributes of different kinds: `实有人数55人，其中：中共党员
    // 41人，大专及以上学历52人` lists overlapping groups, not parts.)
    out.retain(|c| {
        if !matches!(doc.figures[c.total].q.unit, Unit::Count(_)) {
            return true;
        }
        let kinds = c
            .parts
            .iter()
            .filter_map(|&p| attribute_kind(&doc.figures[p].label))
            .fold(0u8, |seen, k| seen | 1 << k);
        kinds.count_ones() < 2
    });
    out
}

/// A `其中` naming one amount larger than the figure before it may pick that amount out of
/// something else: out of the list that figure is an item of, in one paragraph (`货物类86.50万元，…，服务类
/// 133.20万元，其中预留面向中小企业的采购份额255.88万元` of the 639.70 they make), or as an
/// item stated before, named and valued again (`1.…水利工程建设（项）4200.00万元。2.…防汛
/// （项）980.00万元。其中，水利工程建设（项）4200.00万元，…`). Which it is, the text does not
/// say: such a claim is dropped.
fn drop_parts_picked_from_elsewhere(doc: &Document, claims: &mut Vec<SumClaim>) {
    // Each part's list total.
    let outer_totals: std::collections::HashMap<usize, usize> = claims
        .iter()
        .flat_map(|c| c.parts.iter().map(move |&p| (p, c.total)))
        .collect();
    claims.retain(|c| {
        let [part] = c.parts[..] else {
            return true;
        };
        let (total, part_fig) = (&doc.figures[c.total], &doc.figures[part]);
        if part_fig.q.face() <= total.q.face() {
            return true;
        }
        // (Only a list in one paragraph with its whole: an item of its own paragraph,
        // `（二）其他100.00万元，其中，…150.00万元`, is broken down by the 其中 inside it.)
        // (And only after the list's last item: `行政编制30人，其中女性…；事业编制20人`
        // breaks down the item it is inside, as the amount after it in the sentence says.)
        let list_goes_on = doc
            .figures
            .get(part + 1)
            .is_some_and(|f| f.sentence() == part_fig.sentence() && f.q.unit == part_fig.q.unit);
        let fits_outer = outer_totals.get(&c.total).is_some_and(|&o| {
            let outer = &doc.figures[o];
            part_fig.q.face() <= outer.q.face()
                && outer.paragraph() == total.paragraph()
                && !list_goes_on
        });
        let key = label_key(&part_fig.label);
        let key = key.trim_start_matches("其中");
        let restated = key.chars().count() >= 4
            && (c.total.saturating_sub(super::WINDOW)..c.total).any(|i| {
                let g = &doc.figures[i];
                g.q.face() == part_fig.q.face()
                    && g.q.unit == part_fig.q.unit
                    && g.label.contains(key)
            });
        !(fits_outer || restated)
    });
}

/// A paragraph's breakdown name only, before its marker (`1.按支出功能分类，`, `按经济分类：`).
fn classification_lead<'d>(doc: &'d Document, p: usize) -> Option<&'d str> {
    let para = &doc.paragraphs[p];
    let from = para
        .heading
        .as_ref()
        .map_or(para.range.start, |h| h.marker.end);
    let text = doc.text();
    let head =
        &text[from..crate::read::document::floor_char(text, (from + 16 * 3).min(para.range.end))];
    let head = head.trim_start();
    let end = head.find("分类")? + "分类".len();
    (head.starts_with('按') && head[..end].chars().count() <= 12).then(|| &head[..end])
}

/// `1.按支出功能分类，包括…` read against the total before it; `2.按支出经济分类，包括…` right
/// after is another classification of the same whole: its parts make that total too.
fn sibling_classifications(
    doc: &Document,
    first: &[usize],
    last: &[usize],
    out: &mut Vec<SumClaim>,
) {
    let text = doc.text();
    let mut added = Vec::new();
    // (Each classification paragraph once, whatever the claims that start in it.)
    let mut seen = std::collections::HashSet::new();
    for c in out.iter() {
        let Some(p0) = c.parts.first().map(|&i| doc.figures[i].paragraph()) else {
            continue;
        };
        if doc.figures[c.total].paragraph() == p0
            || !seen.insert(p0)
            || classification_lead(doc, p0).is_none()
        {
            continue;
        }
        let total = &doc.figures[c.total];
        // The paragraphs right after it that are classifications too.
        let mut p = p0 + 1;
        while p < doc.paragraphs.len() && p <= p0 + 3 {
            if classification_lead(doc, p).is_none() || first[p] == usize::MAX {
                break;
            }
            let para = doc.paragraphs[p].range.clone();
            let Some(marker_at) = ["包括", "：", "，"]
                .iter()
                .filter_map(|w| text[para.clone()].find(w).map(|k| para.start + k))
                .min()
            else {
                break;
            };
            let parts: Vec<usize> = (first[p]..last[p])
                .filter(|&i| {
                    let f = &doc.figures[i];
                    f.q.start > marker_at && is_level_amount(f, total.q.unit) && !f.in_table
                })
                .collect();
            if parts.len() >= 2 {
                added.push(SumClaim {
                    total: c.total,
                    parts,
                    marker: Marker::Complete,
                    marker_at,
                });
            }
            p += 1;
        }
    }
    out.extend(added);
}

/// A list said `分别为` with its names before (`行政编制和事业编制分别为38人和88人`) is the values
/// right after it: it
/// ends at a `；`, a `。` or another `分别` (`核定编制32人，其中参公编制和事业编制分别为20人和12人；
/// 实有在职人员30人`: 30 is no part). And one quantity's name before it (`…，实有人数分别为36人
/// 和83人`) says the values are that quantity's for the groups named before: the figure before
/// is no total of theirs.
fn respective_lists(doc: &Document, claims: &mut Vec<SumClaim>) {
    let text = doc.text();
    let figures = &doc.figures;
    claims.retain_mut(|c| {
        let Some(&first) = c.parts.first() else {
            return true;
        };
        let lead_start = c.marker_at.min(figures[first].q.start);
        let lead = &text[lead_start..figures[first].q.start];
        let Some(said) = lead.find("分别") else {
            return true;
        };
        // Named values (`分别为：一般公共预算拨款收入3717.35万元，…；事业收入…`) are a list of
        // their own kind, its items `；`-separated.
        let named = lead[said..]
            .chars()
            .filter(|ch| !"分别为是：:，, ".contains(*ch))
            .count()
            > 0;
        if named {
            return true;
        }
        let total = &figures[c.total];
        if total.q.end <= lead_start {
            let subject = text[total.q.end..lead_start + said]
                .trim_matches(|ch: char| "，,：:其中 ".contains(ch));
            let names_one =
                subject.chars().count() >= 2 && !subject.contains(['和', '、', '及', '与']);
            if names_one {
                return false;
            }
        }
        let n = 1 + c
            .parts
            .windows(2)
            .take_while(|w| {
                let between = &text[figures[w[0]].q.end..figures[w[1]].q.start];
                !between.contains(['；', '。']) && !between.contains("分别")
            })
            .count();
        c.parts.truncate(n);
        c.parts.len() >= 2
    });
}

/// The kind of attribute a group of people is named by (party, education, sex, ethnicity,
/// title, age), if any: groups of different kinds overlap.
fn attribute_kind(label: &str) -> Option<u8> {
    const KINDS: [&[&str]; 8] = [
        &["党员", "团员", "民主党派", "群众"],
        &[
            "学历",
            "本科",
            "大专",
            "专科",
            "研究生",
            "硕士",
            "博士",
            "中专",
            "高中",
        ],
        &["女", "男"],
        &["少数民族", "汉族"],
        &["职称", "高级", "中级", "初级"],
        &["岁"],
        // (`培训1,260人，其中女性学员486人、脱贫户学员322人`; `156个行政村，其中脱贫村48个、
        // 重点帮扶村12个`: a status and a designation overlap.)
        &[
            "脱贫",
            "贫困",
            "低保",
            "残疾",
            "困难",
            "建档立卡",
            "特困",
            "留守",
        ],
        &["重点", "示范", "先进", "标准化"],
    ];
    KINDS
        .iter()
        .position(|words| words.iter().any(|w| label.contains(w)))
        .map(|k| k as u8)
}

/// `年初预算为780.00万元，支出决算为800.00万元` after a part (`基本支出800.00万元，…`): the
/// part's budget and outturn, named by their stage alone. A list holding them beside named
/// parts mixes a part's attributes with the parts: which figures are the parts is unclear, so
/// it is no claim.
fn is_stage_only(label: &str) -> bool {
    // Every stage word holds 预, 决, 执 or 实, and a label's key holds only its characters:
    // without them the label names no stage (checked for every part of every list).
    if !label.contains(['预', '决', '执', '实']) {
        return false;
    }
    let (subject, staged) = super::stage_subject(label);
    staged && subject.is_empty()
}

/// A total said of both sides (`财政拨款收入、支出总计4,571.13万元。其中：年初…结余86.50万元；
/// 本年…收入4,484.63万元；本年…支出4,458.71万元；年末…结余112.42万元`) lists the parts of
/// each: one claim per side, or none when a part's side is unclear.
fn split_two_sided(doc: &Document, claims: &mut Vec<SumClaim>) {
    let both = |label: &str| {
        label.contains("收入、支出") || label.contains("收、支") || label.contains("收支")
    };
    let side = |label: &str| {
        let l = label_key(label);
        let income = l.contains("收入") || l.starts_with("年初") || l.contains("上年结转");
        let spending = l.contains("支出") || l.starts_with("年末") || l.contains("结余分配");
        match (income, spending) {
            (true, false) => Some(true),
            (false, true) => Some(false),
            _ => None,
        }
    };
    let mut split = Vec::new();
    claims.retain(|c| {
        // (The label stops at `、`: the clause names both.)
        let t = &doc.figures[c.total];
        let (_, clause) =
            super::clause_before(doc.text(), doc.sentences[t.sentence()].start, t.q.start);
        if !both(clause) {
            return true;
        }
        let sides: Vec<Option<bool>> = c
            .parts
            .iter()
            .map(|&p| side(&doc.figures[p].label))
            .collect();
        if !(sides.contains(&Some(true)) && sides.contains(&Some(false))) {
            return true;
        }
        if sides.iter().all(Option::is_some) {
            for want in [true, false] {
                let parts: Vec<usize> = c
                    .parts
                    .iter()
                    .zip(&sides)
                    .filter(|(_, s)| **s == Some(want))
                    .map(|(&p, _)| p)
                    .collect();
                if parts.len() >= 2 {
                    split.push(SumClaim { parts, ..c.clone() });
                }
            }
        }
        false
    });
    claims.extend(split);
}

/// Categories that stand side by side in the accounts' identities (本年支出 = 基本 + 项目 +
/// 上缴上级 + 经营 + 对附属单位补助; 本年收入 = 财政拨款 + 上级补助 + 事业 + 经营 + 附属单位上缴
/// + 其他): none is a part of another, however a template lists them under `其中`.
const PEERS: &[&[&str]] = &[
    &[
        "基本支出",
        "项目支出",
        "上缴上级支出",
        "经营支出",
        "对附属单位补助支出",
    ],
    &[
        "财政拨款收入",
        "上级补助收入",
        "事业收入",
        "经营收入",
        "附属单位上缴收入",
    ],
];

/// Drops a claim whose total and a part name two peers (`项目支出…其中：1.经营支出0元`).
fn drop_peer_lists(doc: &Document, claims: &mut Vec<SumClaim>) {
    let peer_of = |label: &str| {
        let key = label_key(label);
        PEERS
            .iter()
            .enumerate()
            .find_map(|(g, names)| names.iter().position(|n| key.contains(n)).map(|i| (g, i)))
    };
    claims.retain(|c| {
        let Some((g, t)) = peer_of(&doc.figures[c.total].label) else {
            return true;
        };
        !c.parts
            .iter()
            .any(|&p| peer_of(&doc.figures[p].label).is_some_and(|(pg, pi)| pg == g && pi != t))
    });
}

/// A list inside one item of a `；`-separated list ends at that item's `；` (`…；履职工作经费
/// 4,754.51万元，其中结转结余390.00万元，用于…；系统租用费40.00万元…`: 40.00 is the outer
/// list's next item, not a part of 4,754.51).
fn inner_lists_end_at_semicolons(doc: &Document, claims: &mut [SumClaim]) {
    let text = doc.text();
    let semicolon_lists: std::collections::HashSet<usize> = claims
        .iter()
        .filter(|c| {
            c.parts
                .windows(2)
                .any(|w| text[doc.figures[w[0]].q.end..doc.figures[w[1]].q.start].contains('；'))
        })
        .flat_map(|c| c.parts.iter().copied())
        .collect();
    // Totals that are the only part their outer list kept: the inner list took the rest.
    let sole_parts: std::collections::HashSet<usize> = claims
        .iter()
        .filter(|c| c.parts.len() == 1)
        .map(|c| c.parts[0])
        .collect();
    for c in claims.iter_mut() {
        // Only a `；` before the last part can cut the list: the search stops there (to the
        // end of the text, it made a text of many claims and no `；` quadratic).
        let last = c
            .parts
            .iter()
            .map(|&p| doc.figures[p].q.start)
            .max()
            .unwrap_or(c.marker_at)
            .max(c.marker_at);
        let Some(end) = text[c.marker_at..last].find('；').map(|i| c.marker_at + i) else {
            continue;
        };
        // A list nested in the first item of another list that kept no other item, running
        // past a `；` to parts that add up to more than its total: the `；` ended it and the
        // rest are the outer list's items (`主要包括：A 973.30万元，其中结转220.80万元，用于…；
        // B 40.00万元，用于…`).
        let overflows = || {
            // Checked: faces can be near Decimal::MAX (an overflow is more than any total).
            let sum = c
                .parts
                .iter()
                .try_fold(rust_decimal::Decimal::ZERO, |a, &p| {
                    a.checked_add(doc.figures[p].q.face())
                });
            sole_parts.contains(&c.total)
                && sum.is_none_or(|sum| sum > doc.figures[c.total].q.face())
        };
        // After the `；`, an amount of the other flow than the total's (`本年财政拨款收入…，包括…；
        // 本年财政拨款支出…`) opens a statement of its own.
        let flow = |l: &str| (l.contains("收入"), l.contains("支出"));
        let other_flow = || {
            // (The total's whole clause: `收入、支出总计` names both, whatever its label.)
            let t = &doc.figures[c.total];
            let from = crate::read::document::floor_char(text, t.q.start.saturating_sub(90));
            let clause = &text[from..t.q.start];
            let clause = clause
                .rfind(['，', '。', '；', '：'])
                .map_or(clause, |k| &clause[k..]);
            let total = flow(clause);
            c.parts
                .iter()
                .find(|&&p| doc.figures[p].q.start > end)
                .is_some_and(|&p| {
                    let part = flow(&doc.figures[p].label);
                    total.0 != total.1 && part.0 != part.1 && part != total
                })
        };
        if semicolon_lists.contains(&c.total) || overflows() || other_flow() {
            c.parts.retain(|&p| doc.figures[p].q.start < end);
        }
    }
}

/// A marker after a `；` starts a new clause: the amount before that `；` is an item of the
/// list before it, not this marker's total (`服务预算901万元；其中一般公共预算拨款政府采购…`,
/// `上年结转2,254.12万元；支出包括：…`). Such claims are dropped.
fn drop_totals_across_semicolons(doc: &Document, claims: &mut Vec<SumClaim>) {
    let parts: std::collections::HashSet<usize> = claims
        .iter()
        .flat_map(|c| c.parts.iter().copied())
        .collect();
    let text = doc.text();
    claims.retain(|c| {
        if c.parts.is_empty() {
            return false;
        }
        let t = &doc.figures[c.total];
        let between = &text[t.q.end..c.marker_at.max(t.q.end)];
        // `…结余320.20万元；支出总计包括本年支出…`: the marker's clause names its own whole
        // and states no amount for it; the amount before the break is not that whole.
        // After a `；`, a whole of income or spending named alone is as much its own
        // (`收入包括：…95.40万元；支出包括：…`).
        let own_whole = between
            .rfind(['；', '，', ','])
            .map(|i| {
                let after = &between[i..];
                (
                    after.starts_with('；'),
                    after.trim_start_matches(['；', '，', ',']),
                )
            })
            .is_some_and(|(semicolon, clause)| {
                let wholes: &[&str] = if semicolon {
                    &["总计", "合计", "总额", "支出", "收入"]
                } else {
                    &["总计", "合计", "总额"]
                };
                clause.chars().count() <= 12
                    && !clause.starts_with("其中")
                    && wholes.iter().any(|w| clause.ends_with(w))
            });
        !(parts.contains(&c.total) && between.contains('；') || own_whole)
    });
}

/// Parts that break a part down further are not the total's (`财政拨款收入1,000.00万元，含一般
/// 公共预算财政拨款900.00万元、政府性基金100.00万元；事业收入200.00万元`, `财政拨款收入1,800.00
/// 万元，占90.00%，财政拨款收入中一般公共预算财政拨款1,500.00万元`): from a `含` or a `<part's
/// name>中` up to the next `；`.
fn drop_nested_parts(doc: &Document, claims: &mut [SumClaim]) {
    let text = doc.text();
    for c in claims.iter_mut() {
        let mut nested = false;
        let mut keep = Vec::with_capacity(c.parts.len());
        for (k, &p) in c.parts.iter().enumerate() {
            if k > 0 {
                let prev = c.parts[k - 1];
                let between = &text
                    [doc.figures[prev].q.end.min(doc.figures[p].q.start)..doc.figures[p].q.start];
                if between.contains(['；', '。']) {
                    nested = false;
                }
                // (After a bracket closed: `5辆（含冷链车2辆）、其他用车` lists on.)
                let clause = between
                    .rfind(['，', '；', '：', ',', '）', ')', '。'])
                    .map_or(between, |i| &between[i..]);
                let names_a_part = clause.find('中').is_some_and(|j| {
                    let name = clause[..j].trim_start_matches(['，', '；', '：', ',', '在']);
                    name.chars().count() >= 2
                        && keep
                            .iter()
                            .any(|&q: &usize| doc.figures[q].label.contains(name))
                });
                // `人员经费400.00万元，占80.00%，主要是基本工资150.00万元、…等；公用经费…`: what a
                // part is mainly made of is its own breakdown.
                let mainly = ["主要是", "主要为", "主要用于", "主要包括"]
                    .iter()
                    .any(|w| clause.contains(w));
                if clause.contains('含') && !clause.contains("包含") || names_a_part || mainly {
                    nested = true;
                }
            }
            if !nested {
                keep.push(p);
            }
        }
        if !keep.is_empty() && keep.len() < c.parts.len() {
            c.parts = keep;
        }
    }
}

/// A figure listed under a part belongs to that part's list, not also to the outer one:
/// in `…运行费1618万元，其中：购置费414万元；运行费1204万元。` the `；` cannot tell where
/// the inner list ends, but 1204 is a part of 1618, so it is no part of the outer total.
fn innermost_parts(claims: &mut [SumClaim]) {
    let inner: std::collections::HashMap<usize, Vec<usize>> =
        claims.iter().map(|c| (c.total, c.parts.clone())).collect();
    for c in claims.iter_mut() {
        let nested: std::collections::HashSet<usize> = c
            .parts
            .iter()
            .filter_map(|p| inner.get(p))
            .flatten()
            .copied()
            .collect();
        if !nested.is_empty() {
            c.parts.retain(|p| !nested.contains(p));
        }
    }
}

/// Labels that make a figure the total of the amounts before it: `…，合计450万元`.
/// `以上两项合计`, `上述各项共计`, `三项合计` name the amounts before them as well.
fn is_trailing_total_label(label: &str) -> bool {
    let key = label_key(label);
    let mut rest = key.as_str();
    for prefix in ["以上", "上述"] {
        rest = rest.strip_prefix(prefix).unwrap_or(rest);
    }
    // `两项`, `3项`, `各项`, `两者`.
    let counted = rest
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || "一二两三四五六七八九十各".contains(*c))
        .last()
        .map(|(i, c)| i + c.len_utf8());
    if let Some(n) = counted {
        if let Some(r) = rest[n..]
            .strip_prefix('项')
            .or(rest[n..].strip_prefix('者'))
        {
            rest = r;
        }
    }
    ["合计", "共计", "总计", "共"]
        .iter()
        .any(|w| rest.starts_with(w))
        && key.chars().count() <= 10
        && rest.chars().count() <= 6
        && !has_change_word(&key)
}

/// Parts stated before their total, in one sentence: `基本支出300万元，项目支出150万元，合计
/// 450万元`. Only where no marker (其中, 包括…) stands between, which the marker claims cover,
/// and only amounts at the total's parenthesis level that can be added to it.
fn trailing_totals(doc: &Document, out: &mut Vec<SumClaim>) {
    let totals: std::collections::HashSet<usize> = out.iter().map(|c| c.total).collect();
    let in_claims: std::collections::HashSet<usize> =
        out.iter().flat_map(|c| c.parts.iter().copied()).collect();
    let text = doc.text();
    let mut found = Vec::new();
    for (ti, t) in doc.figures.iter().enumerate() {
        if !is_amount(t) || totals.contains(&ti) || !is_trailing_total_label(&t.label) {
            continue;
        }
        if doc.paragraphs[t.paragraph()].is_table_cell {
            continue;
        }
        let sentence = doc.sentences[t.sentence()].clone();
        let mut parts = Vec::new();
        for pi in super::back(ti) {
            let p = &doc.figures[pi];
            if p.sentence() != t.sentence() {
                break;
            }
            if p.paren_depth != t.paren_depth || !p.q.unit.addable_with(t.q.unit) {
                continue;
            }
            if !is_amount(p) || p.label.contains('每') || in_claims.contains(&pi) {
                parts.clear();
                break;
            }
            parts.push(pi);
        }
        if parts.len() < 2 {
            continue;
        }
        parts.reverse();
        let from = doc.figures[parts[0]].label_start().max(sentence.start);
        if MARKERS
            .iter()
            .any(|(w, _)| text[from..t.q.start].contains(w))
        {
            continue;
        }
        found.push(SumClaim {
            total: ti,
            parts,
            marker: Marker::Complete,
            marker_at: t.label_start(),
        });
    }
    out.extend(found);
}

#[allow(clippy::too_many_arguments)]
fn claim_at(
    doc: &Document,
    p: usize,
    figs: std::ops::Range<usize>,
    at: usize,
    marker: Marker,
    len: usize,
    first: &[usize],
    last: &[usize],
) -> Option<SumClaim> {
    let text = doc.text();
    let para = doc.paragraphs[p].range.clone();
    let in_paren = text[..at].ends_with('（');
    // The marker's bracket depth: the next figure's, less the brackets opened between (the
    // next figure may be a code, `其中：工资福利支出（301）…`). (Only over a clause's reach,
    // so a long run of markers stays linear.)
    let marker_depth = figs
        .clone()
        .find(|&i| doc.figures[i].q.start >= at)
        .map(|i| {
            let f = &doc.figures[i];
            let between = &text[at..f.q.start];
            if between.len() > super::TEXT_WINDOW {
                return f.paren_depth;
            }
            let opened = between.matches('（').count() as u32;
            let closed = between.matches('）').count() as u32;
            (f.paren_depth + closed).saturating_sub(opened)
        })
        .unwrap_or(0);
    let marker_sentence = doc.sentences.partition_point(|s| s.end <= at);
    // The total: the last amount before the marker, at the marker's level (one level up for
    // `（其中`), in the marker's sentence or, when that has none, the sentence before.
    let total_depth = if in_paren {
        marker_depth.saturating_sub(1)
    } else {
        marker_depth
    };
    let total = figs
        .clone()
        .rev()
        .filter(|&i| doc.figures[i].q.end <= at)
        .find(|&i| is_amount(&doc.figures[i]) && doc.figures[i].paren_depth == total_depth)?;
    let tf = &doc.figures[total];
    if tf.sentence() + 1 < marker_sentence {
        return None;
    }
    if tf.sentence() + 1 == marker_sentence {
        // Only when nothing else stands between: `…40.01%。主要是…，其中：`.
        let between_has_amount = figs
            .clone()
            .any(|i| doc.figures[i].sentence() == marker_sentence && doc.figures[i].q.end <= at);
        // …and the sentence before states one amount only, not a list of its own.
        // (Counts beside a money total are not a list of it: `16批次，192人次，共计支出3.26万元`.)
        let amounts_before = figs
            .clone()
            .filter(|&i| {
                let f = &doc.figures[i];
                f.sentence() == tf.sentence() && is_amount(f) && f.q.unit.addable_with(tf.q.unit)
            })
            .count();
        // (Nor when it ends a numbered item and the marker opens a paragraph of its own:
        // `（二）其他100.00万元。` then `其中，专项债券资金150.00万元，占项目支出的50.00%。`
        // speaks of the list's whole, not of its last item.)
        // (Only when the list names that whole by a share of it: `（一）基本支出500.00万元。`
        // then `其中：人员经费…，公用经费…` is the item's own breakdown.)
        let marker_sentence_text = &text[doc.sentences[marker_sentence].clone()];
        let names_another_whole = marker_sentence_text.match_indices('占').any(|(i, _)| {
            let whole = marker_sentence_text[i + '占'.len_utf8()..]
                .split(['的', '，', '。', '；'])
                .next()
                .unwrap_or("");
            whole.chars().count() >= 2 && !tf.label.contains(whole)
        });
        let after_item = tf.paragraph() != p
            && names_another_whole
            && doc.paragraphs[tf.paragraph()]
                .heading
                .as_ref()
                .is_some_and(|h| h.line.contains(&tf.q.start));
        if between_has_amount || amounts_before > 1 || after_item {
            return None;
        }
    }
    // In a paren list the total is the figure right before the `（`.
    if in_paren && text[tf.q.end..at].chars().count() > 2 {
        return None;
    }
    let unit = tf.q.unit;
    let after_marker = &text[at + len..para.end];
    // (A note on the list may stand before its colon: `具体情况如下（按项级科目分类统计）：`.)
    let after_marker = after_marker.trim_end_matches(|c: char| c == '：' || c.is_whitespace());
    let after_marker = match after_marker.strip_suffix('）') {
        Some(s) if s.starts_with('（') && !s[3..].contains(['（', '）']) => "",
        _ => after_marker,
    };
    let list_at_end = after_marker
        .trim_matches(|c: char| c == '：' || c.is_whitespace())
        .is_empty();
    let parts = if list_at_end && !in_paren {
        numbered_items(doc, p, total, first, last)
    } else {
        inline_parts(
            doc,
            figs,
            at + len,
            marker_sentence,
            marker_depth,
            tf,
            in_paren,
        )
    };
    // A list of one part so far that the paragraph leaves open (`…；`, `其中：`) may go on in
    // the paragraphs below, unnumbered.
    // (Or, after its first part, by a `。`: `其中：工资福利支出（301）7804.52万元，全部为人员
    // 经费。` and the next part in the next paragraph.)
    let tail = text[..para.end].trim_end();
    // (Not when more amounts follow it in the paragraph: `其中：购置支出为0.00元…。运行及维护
    // 支出19653.43元…。` is a list the paragraph holds.)
    let last_in_paragraph = |i: usize| {
        !doc.figures[i + 1..]
            .iter()
            .take_while(|g| g.paragraph() == p)
            .any(|g| is_level_amount(g, unit))
    };
    let open_end = tail.ends_with(['；', '：'])
        || parts.len() == 1 && tail.ends_with('。') && last_in_paragraph(parts[0]);
    // (A list of words, `主要包括：基本工资、津贴补贴…；`, has no part to go on from.)
    let started = parts.len() == 1 || parts.is_empty() && list_at_end;
    let parts = if !in_paren && started && open_end {
        continued_items(doc, p, total, &parts, first).unwrap_or(parts)
    } else {
        parts
    };
    // Scores: a list of what was scored ends at a deduction, a maximum or a score of
    // another kind than its total's (`得分94分，其中：决策18.5分…，满分100分`; `共扣6分，其中：
    // 甲扣2分，乙扣4分，得分94分`).
    let mut parts = parts;
    if unit == Unit::SCORE {
        let role = |i: usize| score_role(&doc.figures[i].label);
        let own = score_role(&tf.label);
        if let Some(cut) = parts.iter().position(|&i| role(i) != own) {
            // (A deduction among the parts of a score, `…效益27分，扣分5分`, is subtracted:
            // no sum.)
            if role(parts[cut]) == 1 && own == 0 {
                return None;
            }
            parts.truncate(cut);
        }
    }
    if parts.is_empty() {
        return None;
    }
    // Parts each as large as the total are the total again, said of each side
    // (`收、支预算总计各7,062.8万元。其中：（一）收入预算总计7,062.8万元…（二）支出预算总计…`):
    // not a breakdown.
    let face = |i: usize| doc.figures[i].q.face();
    if !tf.q.face().is_zero() && parts.iter().filter(|&&i| face(i) == tf.q.face()).count() > 1 {
        return None;
    }
    // A list that runs into the end of a paragraph which ends no sentence was cut by the
    // layout (a page break, a table between): what follows may be more of it, so it is not
    // known to be complete.
    let last = doc.figures[*parts.last().expect("not empty")].q.end;
    let marker = if last <= para.end && cut_at_paragraph_end(doc, last, para.end) {
        Marker::Partial
    } else {
        marker
    };
    Some(SumClaim {
        total,
        parts,
        marker,
        marker_at: at,
    })
}

/// What a score's label says it is: 0 a score, 1 a deduction (`扣`), 2 a maximum (`满分`,
/// `分值`, `总分`, `权重`).
fn score_role(label: &str) -> u8 {
    if label.contains('扣') {
        1
    } else if ["满分", "分值", "总分", "权重"]
        .iter()
        .any(|w| label.contains(w))
    {
        2
    } else {
        0
    }
}

/// Does the paragraph go on from `from` to `end` without ending a sentence? (Looked up in
/// the document's sentence ends: scanning the rest of the paragraph once per claim made a
/// long paragraph of claims with no `。` quadratic.)
pub(crate) fn cut_at_paragraph_end(doc: &Document, from: usize, end: usize) -> bool {
    let text = doc.text();
    !doc.has_stop_in(from, end) && !text[from..end].trim_end().ends_with('.')
}

/// Parts listed after the marker in the same sentence (or inside the same parentheses).
fn inline_parts(
    doc: &Document,
    figs: std::ops::Range<usize>,
    from: usize,
    sentence: usize,
    depth: u32,
    total: &Figure,
    in_paren: bool,
) -> Vec<usize> {
    let text = doc.text();
    let unit = total.q.unit;
    let total_year = super::opening_year(&total.label);
    let mut parts = Vec::new();
    let mut cursor = from;
    let mut nested = false;
    let mut uses_semicolons = false;
    // Separators between consecutive parts so far.
    let (mut comma_gaps, mut semicolon_gaps) = (0, 0);
    // Inside an explanation (`，主要原因是…`) figures restate or explain, they are no parts,
    // until the next `；` opens the next item.
    let mut in_reason = false;
    let mut keys = PartKeys::default();
    // The largest 中小企业 part so far.
    let mut medium: Option<rust_decimal::Decimal> = None;
    for i in figs.filter(|&i| doc.figures[i].q.start >= from) {
        let f = &doc.figures[i];
        // A figure more than a clause's reach after the marker or the figure before it is
        // no part of this list. The bound also keeps the searches in `between` constant per
        // figure: without it, a run of markers before one figure (`其中：` × 100,000) had each
        // marker search all the text up to that figure, quadratic in the run's length.
        if f.q.start - cursor > super::TEXT_WINDOW {
            break;
        }
        let between = &text[cursor..f.q.start];
        let after_semicolon = between.rsplit('；').next().unwrap_or(between);
        if between.contains('；') {
            in_reason = false;
        }
        // (Each word holds 原: one character search rules them all out in most gaps.)
        if after_semicolon.contains('原')
            && ["原因是", "原因为", "主要原因"]
                .iter()
                .any(|w| after_semicolon.contains(w))
        {
            in_reason = true;
        }
        cursor = f.q.end;
        if in_paren && f.paren_depth < depth {
            break;
        }
        if !in_paren && f.sentence() != sentence {
            break;
        }
        // An inner list ends at the next `；` when the outer list is `；`-separated; when the
        // outer list used only `，` the inner one may itself use `；` and runs to the end.
        if between.contains('；') {
            if uses_semicolons || !nested {
                nested = false;
            }
            if !nested {
                uses_semicolons = true;
            }
        }
        if f.paren_depth != depth || in_reason {
            continue;
        }
        // A list inside the list: its figures belong to the inner claim, unless a `；` after
        // the inner marker closed it with no figure (`其中人员经费1050万元，主要包括基本工资、
        // 津贴补贴；公用经费150万元`: 150 is the outer list's).
        let inner_marker = last_marker(between);
        if let Some(m) = inner_marker {
            let closed = between.rfind('；').is_some_and(|sc| sc > m);
            if !closed {
                nested = true;
                continue;
            }
            nested = false;
            uses_semicolons = true;
        }
        if nested {
            continue;
        }
        if is_change(f) {
            if uses_semicolons || between.contains('；') || doc.semicolon_before_period(f.q.end) {
                continue;
            }
            break;
        }
        // (`人均44.33元`: a per-head amount; `人均…新增资金210.00万元` is a whole.)
        let per_head = f.label.trim_end_matches(['为', '约']).ends_with("人均");
        if f.label.contains('每') || f.label.contains("占") || per_head {
            continue;
        }
        // A list whose first figure comes after a `；` said nothing countable: `主要包括基本
        // 工资、津贴补贴；公用经费150万元` is no list of the figure before `主要包括`. (Only the
        // first figure: a list whose first item is no amount goes on past its `；`.)
        if parts.is_empty() && !first_is_amountless_item(text, from, f.q.start) {
            break;
        }
        if is_amount(f) && f.q.unit.addable_with(unit) {
            // (A first part of another year than the total's is another year's level: `2025年
            // 度“三公”经费支出32.00万元…。其中，2024年“三公”经费支出36.00万元，较2023年…`.)
            // (Only the total's own quantity: `其中：2022年下达资金在本年到账40.00万元` is a part.)
            if parts.is_empty() {
                let lead = text[from..f.q.start].trim_start_matches(['：', '，', ':', ',']);
                let same = super::label_key(&f.label) == super::label_key(&total.label);
                if let (Some(y), Some(t)) = (super::opening_year(lead), total_year) {
                    if y != t && same {
                        return Vec::new();
                    }
                }
            }
            // A list of `，`- or `、`-separated parts ends at a `；` (`货物4万元，工程0万元，
            // 服务6万元；授予中小企业合同金额10万元`, `其中行政编制30人、事业编制12人；离退休
            // 人员18人` — the last is no part).
            if let Some(&prev) = parts.last() {
                let prev: usize = prev;
                let gap = &text[doc.figures[prev].q.end..f.q.start];
                // (Unless the items are years: `其中：2022年100万元；2023年…`.)
                let items_by_year = || {
                    let first =
                        text[from..doc.figures[parts[0]].q.start].trim_start_matches(['：', '，']);
                    opens_with_year(first)
                };
                if gap.contains('；') {
                    // (`…；财政拨款支出中，C…`: another breakdown opens after the `；`; so
                    // does another year's or another total's clause: `…；2024年度财政拨款
                    // 收入…`, `…；2023年本年支出合计…`.)
                    let clause = gap.rsplit('；').next().unwrap_or("");
                    let opens = clause.contains("中，")
                        || opens_with_year(clause) && !items_by_year()
                        || ["合计", "总计"].iter().any(|w| clause.contains(w))
                        || another_total(doc, i, &total.label)
                            // (Units listed as the parts of their department's total.)
                            && !another_total_named(doc, parts[0], &doc.figures[i].label);
                    if comma_gaps > 0 && semicolon_gaps == 0 || opens {
                        break;
                    }
                    semicolon_gaps += 1;
                } else if gap.contains('，') || gap.contains('、') {
                    // (The same quantity as the total or an earlier part, of another year,
                    // ends the list: `其中，基本支出60万元，项目支出40万元，2024年项目支出36万元`
                    // — a level to compare with, not a part. A part dated otherwise, `2022年续建
                    // 项目40万元`, is a part.)
                    let clause = gap.rsplit(['，', '、']).next().unwrap_or("");
                    if super::opening_year(clause).is_some_and(|y| total_year != Some(y))
                        && !items_by_year()
                    {
                        let key = super::label_key(&f.label);
                        if key == super::label_key(&total.label)
                            || keys.of(doc, &parts).exact.contains(&key)
                        {
                            break;
                        }
                    }
                    comma_gaps += 1;
                }
            }
            // (Profits and losses, `利润总额为-412.60万元`, `水务集团亏损85.30万元`, add up with
            // their signs, which the list does not read: no sum. `政策性亏损` is spending.)
            let loss = f
                .label
                .trim_end_matches(['为', '了', '额', '约'])
                .ends_with("亏损")
                && !f.label.contains("政策性");
            if f.q.unit.is_money() && (doc.written_negative(f) || loss) {
                return Vec::new();
            }
            // (A part whose share names an earlier part as its whole is inside that part:
            // `其中授予中小企业合同金额1404.00万元，占90.00%；授予小微企业合同金额936.00万元，
            // 占授予中小企业合同金额的66.67%`.)
            if share_of_a_part(doc, i, &parts, &mut keys)
                || f.label.contains("小微企业") && medium.is_some_and(|m| f.q.face() <= m)
            {
                continue;
            }
            // (`资产总额…，其中固定资产原值…、累计折旧…`: depreciation is taken off the
            // assets, not one of them; such a list is no breakdown.)
            if ["折旧", "摊销"].iter().any(|w| f.label.contains(w)) {
                return Vec::new();
            }
            // (小微企业 are among 中小企业 by definition: a part for the small after one for
            // the medium and small, `其中授予中小企业301.50万元，…授予小微企业215.60万元`, is
            // inside it; not after 非中小企业, and not when larger: that is a slip the sum shows.)
            if f.label.contains("中小企业") && !f.label.contains("非中小") {
                medium = medium.max(Some(f.q.face()));
            }
            parts.push(i);
        }
    }
    parts
}

/// The label keys of a list's parts so far, worked out once each as the list grows and only
/// when a part is asked about: comparing each part with every earlier one was quadratic in a
/// long list.
#[derive(Default)]
struct PartKeys {
    keyed: usize,
    /// `label_key` of each part.
    exact: std::collections::HashSet<String>,
    /// The same without a leading `其中：`.
    named: std::collections::HashSet<String>,
}

impl PartKeys {
    fn of(&mut self, doc: &Document, parts: &[usize]) -> &Self {
        for &p in &parts[self.keyed..] {
            let key = super::label_key(&doc.figures[p].label);
            let named = key
                .trim_start_matches("其中")
                .trim_start_matches(['：', '，']);
            self.named.insert(named.to_string());
            self.exact.insert(key);
        }
        self.keyed = parts.len();
        self
    }
}

/// Is the figure after part `i` its share of one of `parts` (`占授予中小企业合同金额的`)?
fn share_of_a_part(doc: &Document, i: usize, parts: &[usize], keys: &mut PartKeys) -> bool {
    let Some(g) = doc.figures.get(i + 1) else {
        return false;
    };
    // (Inside another part, it is less than that part.)
    if g.q.unit != Unit::Percent
        || g.sentence() != doc.figures[i].sentence()
        || g.q.value >= rust_decimal::Decimal::ONE_HUNDRED
    {
        return false;
    }
    let Some(at) = g.label.rfind('占') else {
        return false;
    };
    let whole = super::label_key(g.label[at + '占'.len_utf8()..].trim_end_matches(['的', '比']));
    whole.chars().count() >= 2 && keys.of(doc, parts).named.contains(&whole)
}

/// After a `；`, is figure `i` a total of the same kind as the list's, opening its own
/// breakdown (`委机关收入预算1860.20万元，其中…；市疾病预防控制中心收入预算3408.67万元，其中…`)?
/// Another unit's total, no part: both name their unit before a common name of three
/// characters or more (`收入预算`).
fn another_total(doc: &Document, i: usize, total_label: &str) -> bool {
    let f = &doc.figures[i];
    let text = doc.text();
    let rest = text[f.q.end..].trim_start_matches(['，', ',', '：', ' ']);
    rest.starts_with("其中") && another_total_named(doc, i, total_label)
}

/// Do figure `i`'s label and `total_label` each name a unit before a common name of three
/// characters or more?
fn another_total_named(doc: &Document, i: usize, total_label: &str) -> bool {
    let f = &doc.figures[i];
    let (a, b) = (super::label_key(&f.label), super::label_key(total_label));
    let common = a
        .chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum::<usize>();
    // (Each names its unit before the common name: `项目支出预算` after `支出预算` is a part.)
    // (A year between, `委机关2026年收入预算`, aside.)
    let unit = |s: &str| {
        let s = s.trim_end_matches("年度").trim_end_matches('年');
        super::facts::ends_with_unit_kind(s.trim_end_matches(|c: char| c.is_ascii_digit()))
    };
    common >= 9 && unit(&a[..a.len() - common]) && unit(&b[..b.len() - common])
}

/// A clause opening with a year (`2024年度财政拨款收入…`): another period's figures.
fn opens_with_year(clause: &str) -> bool {
    super::opening_year(clause).is_some()
}

/// Before the first part is found: may the list still go on at `to`? Not past a `；` after the
/// marker (`基本支出…，主要用于保障在职人员工资…，比上年增加2943.64万元；项目支出…`: the
/// purposes ended at the `；`, whatever figures a change or a count put in between).
fn first_is_amountless_item(text: &str, from: usize, to: usize) -> bool {
    !text[from..to].contains('；')
}

/// How many unnumbered paragraphs a list may run over.
const MAX_CONTINUED: usize = 30;

/// A list the layout breaks into paragraphs without numbers: `其中：` (or its first part) ends
/// a paragraph, then each paragraph opens with a part's name and amount
/// (`工资福利支出（301）1232.81万元，较上年减少136.51万元，…；`). Nothing marks where such a
/// list ends but the text's form: the item closed by `。` after items closed by `；`, or the
/// next heading. Before that, the list ends where its parts add up to the total (a paragraph
/// after a list may open with an amount too). A run that ends in prose has no known end: no
/// list (None).
fn continued_items(
    doc: &Document,
    p: usize,
    total: usize,
    inline: &[usize],
    first: &[usize],
) -> Option<Vec<usize>> {
    let text = doc.text();
    let t = &doc.figures[total];
    let whole = t.q.interval()?;
    let mut parts = inline.to_vec();
    let mut sum = Interval::sum(parts.iter().map(|&i| doc.figures[i].q.interval()))?;
    // Parts that already add up to the total are the whole list (`其中：一般公共预算拨款收入
    // 351904.90万元。` and then `相应安排支出预算351904.90万元` is no part).
    if sum.overlaps(whole) {
        return None;
    }
    let ends = |q: usize, c: char| text[..doc.paragraphs[q].range.end].trim_end().ends_with(c);
    // Items closed by `；` end with the one closed by `。`.
    let mut by_semicolons = ends(p, '；');
    let below = p + 1..(p + 1 + MAX_CONTINUED).min(doc.paragraphs.len());
    for (q, para) in below.clone().zip(&doc.paragraphs[below]) {
        // The next heading ends the list.
        if para.heading.is_some() {
            return (parts.len() >= 2).then_some(parts);
        }
        if para.is_table_cell || first[q] == usize::MAX {
            return None;
        }
        // (A classification code in brackets, `（301）`, is read as a figure: skipped.)
        let at = (first[q]..doc.figures.len())
            .take(4)
            .find(|&i| doc.figures[i].paren_depth == 0)?;
        let f = &doc.figures[at];
        // The paragraph opens with the part's name: a few words, no clause before the amount.
        let lead = &text[para.range.start..f.q.start.max(para.range.start)];
        if f.paragraph() != q
            || !is_amount(f)
            || !f.q.unit.addable_with(t.q.unit)
            || lead.len() > 24 * 4
            || lead.chars().count() > 24
            || lead.contains(['，', '。', '；', ',', '：'])
            || is_enumerated(lead)
        {
            return None;
        }
        // One part per paragraph: another amount before any list of the part's own
        // (`其中：公用经费…`) makes a paragraph of several parts (`基本支出…；项目支出…；`),
        // which this reading would cut.
        let own_list = MARKERS
            .iter()
            .filter_map(|(w, _)| text[f.q.end..para.range.end].find(w))
            .min()
            .map_or(para.range.end, |i| f.q.end + i);
        let another = doc.figures[at + 1..]
            .iter()
            .take_while(|g| g.q.start < own_list)
            .any(|g| is_level_amount(g, t.q.unit));
        if another {
            return None;
        }
        parts.push(at);
        sum = sum.add(f.q.interval()?)?;
        if parts.len() >= 2 && sum.overlaps(whole) {
            return Some(parts);
        }
        if by_semicolons && ends(q, '。') {
            return (parts.len() >= 2).then_some(parts);
        }
        by_semicolons |= ends(q, '；');
    }
    None
}

/// `三是公务接待费…`: an item of an enumeration by 一是、二是…, a peer of the paragraph before
/// rather than a part of its list.
fn is_enumerated(lead: &str) -> bool {
    let mut c = lead.trim_start().chars();
    c.next().is_some_and(|n| "一二三四五六七八九十".contains(n)) && c.next() == Some('是')
}

/// A nil item (`2.事业收入/万元。`) is a short paragraph.
const NIL_ITEM_BYTES: usize = 120;

/// How many paragraphs a numbered list and its items' sub-items may run over.
const MAX_ITEM_PARAGRAPHS: usize = 400;

/// How many unnumbered paragraphs may stand between two items of a numbered list.
const MAX_BETWEEN_ITEMS: usize = 3;

/// `包括：` at the end of a paragraph, then paragraphs numbered 1., 2., …: the first amount
/// of each numbered paragraph is a part.
#[allow(clippy::explicit_counter_loop)]
fn numbered_items(
    doc: &Document,
    p: usize,
    total: usize,
    first: &[usize],
    last: &[usize],
) -> Vec<usize> {
    let tf = &doc.figures[total];
    let unit = tf.q.unit;
    // An outturn's items may state their budget first (`年初预算为330.00万元，支出决算为
    // 320.00万元`): the part is the figure of the total's own stage.
    // (A budget's stage words: not `一般公共预算`, a fund, nor `预算准备金`, a project.)
    let budget = |f: &Figure| {
        let l = f.label.trim_end_matches(['为', '是', '：']);
        super::names_budget(l)
            && (["年初预算", "预算数", "调整预算", "全年预算"]
                .iter()
                .any(|w| l.contains(w))
                || l.ends_with("预算"))
    };
    let total_is_budget = budget(tf);
    let mut parts = Vec::new();
    let mut expect = 1;
    let mut style = None;
    let mut skipped = false;
    // The parts' sum so far (`None` once a part has no interval).
    let mut sum = Some(Interval::exact(rust_decimal::Decimal::ZERO));
    let text = doc.text();
    // (Bounded: a list and its items' own sub-items span a few screens at most.)
    // Unnumbered paragraphs since the last item: an item's wrapped `其中：` line, a page's
    // number or running header (`…17.62万元。` / `18` / `3.公务接待费…`).
    let mut between = 0;
    for q in p + 1..doc.paragraphs.len().min(p + 1 + MAX_ITEM_PARAGRAPHS) {
        let Some(h) = &doc.paragraphs[q].heading else {
            between += 1;
            if parts.is_empty() || between > MAX_BETWEEN_ITEMS {
                break;
            }
            skipped = true;
            continue;
        };
        between = 0;
        // An item's own numbered sub-items (`（一）…支出269.72万元。` then `1.2010301行政运行…`)
        // stand between it and the next item.
        if style.is_some_and(|s| h.style > s) {
            skipped = true;
            continue;
        }
        // A number said twice (`（五）农林水…` `（五）交通运输…`) is a slip of the numbering,
        // not the list's end.
        let repeated = expect > 1 && h.number + 1 == expect;
        if h.number != expect && !repeated || style.is_some_and(|s| s != h.style) {
            break;
        }
        // Another breakdown of the same money (`（三）按支出功能分类，…`) is no item of this one.
        let title = text[h.marker.end..doc.paragraphs[q].range.end].trim_start();
        if title.starts_with('按') && title.chars().take(12).collect::<String>().contains("分类")
        {
            break;
        }
        // Past items' own sub-items, a list that already adds up has ended.
        if skipped
            && parts.len() >= 2
            && sum.zip(tf.q.interval()).is_some_and(|(s, t)| s.overlaps(t))
        {
            break;
        }
        style = Some(h.style);
        if !repeated {
            expect += 1;
        }
        // `2.事业收入/万元。`: a slash where the amount goes marks the item as nil.
        let nil = || {
            let t = &text[doc.paragraphs[q].range.clone()];
            t.len() <= NIL_ITEM_BYTES
                && ["/万元", "/元", "/亿元", "／万元", "／元"]
                    .iter()
                    .any(|m| t.contains(m))
        };
        if first[q] == usize::MAX {
            if nil() {
                continue;
            }
            break;
        }
        let sentence = doc.figures[first[q]].sentence();
        let in_sentence = || {
            (first[q]..last[q]).filter(|&i| {
                let f = &doc.figures[i];
                f.paren_depth == 0 && f.sentence() == sentence
            })
        };
        let item = in_sentence().next().and_then(|i| {
            let f = &doc.figures[i];
            if budget(f) && !total_is_budget {
                // The same sentence's outturn, if it states one.
                in_sentence().find(|&j| {
                    let g = &doc.figures[j];
                    !budget(g) && g.label.contains("决算") && is_level_amount(g, unit)
                })
            } else {
                Some(i)
            }
        });
        let item = item.filter(|&i| {
            let f = &doc.figures[i];
            is_amount(f) && f.q.unit.addable_with(unit)
        });
        match item {
            Some(i) => {
                sum = sum
                    .zip(doc.figures[i].q.interval())
                    .and_then(|(s, v)| s.add(v));
                parts.push(i);
            }
            None => break,
        }
    }
    if parts.len() < 2 {
        parts.clear();
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_marker_is_the_greatest_rfind() {
        for (w, _) in MARKERS {
            assert!(MARKER_STARTS.contains(&w.chars().next().unwrap()), "{w}");
        }
        for s in [
            "",
            "其",
            "其中：主要包括",
            "分别为10万元、主要有",
            "具体如下：分项情况为",
            "收入",
        ] {
            let rfind = MARKERS.iter().filter_map(|(w, _)| s.rfind(w)).max();
            assert_eq!(last_marker(s), rfind, "{s}");
        }
    }

    pub(super) fn sums(t: &str) -> Vec<(String, Vec<String>)> {
        let d = Document::read(t);
        extract(&d)
            .iter()
            .map(|c| {
                (
                    d.figures[c.total].q.display(),
                    c.parts.iter().map(|&p| d.figures[p].q.display()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn semicolon_list_with_shares() {
        let s = sums("2020 年度支出合计 1068.33万元，其中：基本支出 204.37万元，占19.1%；项目支出 863.97 万元，占 80.9%。");
        assert_eq!(
            s,
            [(
                "1068.33万元".into(),
                vec!["204.37万元".into(), "863.97万元".into()]
            )]
        );
    }

    #[test]
    fn list_stops_at_growth() {
        let s = sums("收入预算为 4302.33 万元，其中一般公共预算财政拨款收入1476.56万元，上级专项资金收入2825.77万元，比上年增加3061.4 万元，增长71%，主要原因是。");
        assert_eq!(s[0].1.len(), 2);
    }

    #[test]
    fn colon_and_paren_lists() {
        let s = sums("2020年我局部门总支出为31538486.48元：基本支出为5270317.31元（其中，基本支出人员经费4776919.64元，日常公用经费493397.67元）；项目支出16220000.00元。");
        assert_eq!(s.len(), 2, "{s:?}");
        assert_eq!(s[0].1, ["5270317.31元", "16220000.00元"]);
        assert_eq!(s[1].0, "5270317.31元");
        assert_eq!(s[1].1, ["4776919.64元", "493397.67元"]);
    }

    #[test]
    fn change_figures_inside_semicolon_list_are_skipped() {
        let s = sums("“三公”经费支出合计0.03万元,比2019年减少0万元，原因为无增减变化。其中：因公出国（境）费用0万元，减少0万元，原因无增减变化；公务用车运行费0.03万元，减少0万元，原因为无增减变化；公务接待费支出0万元，减少0万元。");
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(s[0].1, ["0万元", "0.03万元", "0万元"]);
    }

    #[test]
    fn numbered_paragraph_list() {
        let s = sums("（一）收入总计423.59万元，包括：\n\n1.财政拨款收入423.59万元，占收入总计的100%。其中：一般公共预算财政拨款收入423.59万元，政府性基金收入0万元。\n\n2.上级补助收入0万元，占收入总计的0%。\n\n3.事业收入0万元。\n\n与上年相比，今年收入减少294.56万元。");
        assert_eq!(s[0].1, ["423.59万元", "0万元", "0万元"]);
    }

    #[test]
    fn counts_sum_too() {
        let s = sums("下设独立编制机构0个，其中行政机构1个，参照公务员法管理的事业机构2个，其他事业机构0个。");
        assert_eq!(s[0].1.len(), 3);
    }

    #[test]
    fn no_list_no_claim() {
        assert!(sums("主要包括基本工资、津贴补贴、奖金等。").is_empty());
        assert!(
            sums("年初预算为183.39万元，支出决算为150.63万元，完成年初预算的82.1%。").is_empty()
        );
    }
}

#[cfg(test)]
mod more_tests {
    use super::tests::sums;
    use super::{extract, is_stage_only, is_trailing_total_label};
    use crate::read::document::Document;

    #[test]
    fn a_parts_budget_and_outturn_make_no_list() {
        let doc = Document::read(
            "本年支出合计1,200.00万元，其中：基本支出800.00万元，年初预算为780.00万元，支出决算为800.00万元；项目支出400.00万元。",
        );
        assert!(extract(&doc).iter().all(|c| c.parts.len() < 2
            || doc.figures[c.total].q.value != rust_decimal::Decimal::from(1200)));
        // All parts stages: a list.
        assert_eq!(
            sums("全年预算数为500.00万元，其中：年初预算400.00万元，年中追加预算100.00万元。")
                .len(),
            1
        );
        assert!(is_stage_only("年初预算为"));
        assert!(is_stage_only("支出决算"));
        assert!(!is_stage_only("基本支出预算"));
        assert!(!is_stage_only("为"));
    }

    #[test]
    fn nested_list_with_semicolons_inside_a_comma_list() {
        let s = sums("开支人员共31人：离休人员2名，实有在职人员29名,其中：公务员19人；参公人员2名，事业人员3名；工勤人员4名，聘用人员1名。");
        assert_eq!(s[0], ("31人".into(), vec!["2名".into(), "29名".into()]));
        assert_eq!(s[1].1.len(), 5);
    }

    #[test]
    fn comparison_base_is_not_the_total() {
        let s = sums("“三公”经费财政拨款支出25038.43元，比年初预算安排22216.00元增加2822.43元，增长12.70%。其中：因公出国（境）费支出0.00元，与年初预算安排持平；公务用车购置及运行费19653.43元（公务用车购置费0.00元，公务用车运行维护费19653.43元），完成预算20000.00元的98.27%；公务接待费5385.00元，比年初预算安排增加3169.00元。");
        assert_eq!(s[0].0, "25038.43元");
        assert_eq!(s[0].1, ["0.00元", "19653.43元", "5385.00元"]);
    }

    #[test]
    fn a_list_in_the_sentence_before_is_not_a_total() {
        let s = sums("我局现有公务员 18 人，事业人员 3 人，后勤服务人员 2 人。其中，领导班子 7 人，含 1 名局长。");
        assert!(s.iter().all(|(t, _)| t != "2人"), "{s:?}");
    }

    #[test]
    fn an_inner_list_of_words_closed_by_a_semicolon_leaves_the_outer_list_going() {
        let s = sums("基本支出1,200.00万元，其中人员经费1,050.00万元，主要包括基本工资、津贴补贴；公用经费150.00万元，主要包括办公费、印刷费。");
        assert_eq!(
            s,
            [(
                "1200.00万元".into(),
                vec!["1050.00万元".into(), "150.00万元".into()]
            )]
        );
    }

    #[test]
    fn an_enumeration_list_ends_at_a_semicolon() {
        let s = sums("实有在职人员42人，其中行政编制30人、事业编制12人；离退休人员18人。");
        assert_eq!(s[0], ("42人".into(), vec!["30人".into(), "12人".into()]));
    }

    #[test]
    fn counted_trailing_totals() {
        for label in [
            "合计",
            "两项合计",
            "以上两项合计",
            "上述各项共计",
            "3项合计",
            "二者合计",
        ] {
            assert!(is_trailing_total_label(label), "{label}");
        }
        for label in ["合计比上年增加", "两项工作", "项目合计数较大的单位"] {
            assert!(!is_trailing_total_label(label), "{label}");
        }
        let s = sums("人员经费支出120.5万元，公用经费支出30.2万元，两项合计150.7万元。");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].1.len(), 2);
    }

    #[test]
    fn a_code_in_brackets_after_the_marker_leaves_the_marker_at_its_level() {
        let s = sums("一般公共预算支出300.00万元，其中：工资福利支出（301）200.00万元；商品和服务支出（302）100.00万元。");
        assert_eq!(
            s,
            [(
                "300.00万元".to_string(),
                vec!["200.00万元".to_string(), "100.00万元".to_string()]
            )]
        );
    }

    #[test]
    fn unnumbered_paragraphs_continue_a_list_until_it_adds_up() {
        // One part per paragraph, unnumbered (a web page's or a Word file's paragraphs).
        let list = |third: &str| {
            format!(
                "一、支出情况\n\n2024年本部门当年一般公共预算支出300.00万元，其中：\n\n\
工资福利支出（301）200.00万元，较上年减少10.00万元，原因是人员减少；\n\n\
商品和服务支出（302）60.00万元，较上年增加5.00万元，原因是任务增加；\n\n\
对个人和家庭的补助（303）{third}万元，较上年增加1.00万元。\n\n\
机关运行经费10.00万元，较上年减少1.00万元。\n"
            )
        };
        let parts = |t: &str| {
            sums(t)
                .into_iter()
                .find(|(total, _)| total == "300.00万元" || total == "518.50万元")
                .map(|(_, p)| p)
        };
        // The third paragraph closes the list (by its sum, and by its `。` after items closed
        // by `；`); the next one, which also opens with an amount, is not taken.
        assert_eq!(parts(&list("40.00")).map(|p| p.len()), Some(3));
        assert_eq!(parts(&list("30.00")).map(|p| p.len()), Some(3));
        // Items closed by `。` each: the next heading ends the list, or a sum that adds up.
        let by_stops = |second: &str, after: &str| {
            format!(
                "六、基本支出情况\n\n2020年基本支出518.50万元，其中：\n\n人员经费477.50万元，主要包括：基本工资等。\n\n\
日常公用经费{second}万元，主要包括：办公费等。\n\n{after}\n"
            )
        };
        assert_eq!(
            parts(&by_stops("41.00", "七、“三公”经费情况")).map(|p| p.len()),
            Some(2)
        );
        assert_eq!(
            parts(&by_stops("40.00", "七、“三公”经费情况")).map(|p| p.len()),
            Some(2)
        );
        assert_eq!(
            parts(&by_stops("41.00", "机关运行经费41.00万元。")).map(|p| p.len()),
            Some(2)
        );
        // Not adding up and running into prose: where the list ends is not known.
        assert_eq!(parts(&by_stops("40.00", "机关运行经费41.00万元。")), None);
    }
}
