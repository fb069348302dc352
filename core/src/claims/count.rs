//! Listed-count claims: `下设办公室、工业信息股、科学技术股共3个机构` · `鑫东穗、润粮等6家企业`
//! · `新上规8家（博昇乐、…、艾尔康）` · `“送科技下乡”“科技之春”“科技活动周”系列科普活动3场次`.

use crate::read::document::Document;
use crate::read::quantity::Unit;

#[derive(Debug, Clone)]
pub struct ListCountClaim {
    pub count: usize,
    /// Normalised byte range of the listed items.
    pub list: std::ops::Range<usize>,
    pub items: usize,
    /// `等N个`: the list may be shorter than N, never longer.
    pub open_ended: bool,
}

const TRIGGERS: &[&str] = &[
    "下设",
    "设有",
    "内设",
    "包括",
    "涵盖",
    "分别是",
    "分别为",
    "涉及",
    "共有",
    "现有",
    "已有",
    "设立",
];

/// Items in `s` separated by `、`, or adjacent quoted items `“…”“…”`; 0 if not a list.
fn items_in(s: &str) -> usize {
    // Figures inside the list mean it lists amounts, not things (`0批次、0人、0万元`).
    if s.bytes().any(|b| b.is_ascii_digit()) {
        return 0;
    }
    // `、` inside brackets separates the names of one item (`少年宫（科技馆、植物园）`).
    let items = top_level_items(s);
    if items.len() > 1 {
        let all_named = items.iter().all(|item| !item.trim().is_empty());
        return if all_named { items.len() } else { 0 };
    }
    let quoted = s.matches("”“").count() + s.matches("》《").count();
    if quoted > 0 {
        quoted + 1
    } else {
        0
    }
}

/// `s` split at the `、` outside brackets, quotes and title marks (`“马路市场、流动摊点整治”`,
/// `《城市供水、排水管理办法》` are one item each).
fn top_level_items(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0u32;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match c {
            '（' | '(' | '“' | '《' | '「' | '‘' => depth += 1,
            '）' | ')' | '”' | '》' | '」' | '’' => depth = depth.saturating_sub(1),
            '、' if depth == 0 => {
                out.push(&s[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push(&s[start..]);
    out
}

/// Whether `count` may be the list's `n` items with some joining two by 及/和/与
/// (`决策、过程、产出及效益4个`, `局本级和所属县农技中心、县动物防疫中心共3个`): each such item
/// may name one more than the `、` show.
fn joined_items_make(list: &str, n: usize, count: rust_decimal::Decimal) -> bool {
    const JOINS: [&str; 4] = ["以及", "及", "和", "与"];
    let items = top_level_items(list);
    // In a list of offices (`办公室、医政医管股`), a name joined inside before its kind
    // (`人口监测与家庭发展股`: 人口监测 is no office) is one office.
    let office = |s: &str| {
        s.ends_with([
            '股', '科', '室', '处', '局', '所', '站', '队', '院', '馆', '部', '组', '办', '委',
            '会',
        ]) || ["中心", "本级", "机关"].iter().any(|k| s.ends_with(k))
    };
    let offices = items.iter().all(|l| office(l.trim()));
    let joining = items
        .iter()
        .filter(|l| {
            JOINS.iter().any(|w| {
                l.split_once(w)
                    .is_some_and(|(before, _)| !offices || office(before.trim()))
            })
        })
        .count();
    count > rust_decimal::Decimal::from(n) && count <= rust_decimal::Decimal::from(n + joining)
}

/// Single-character measure words offered as alternatives (`0台（件、套）`): no list.
fn measure_words_only(list: &str) -> bool {
    top_level_items(list)
        .iter()
        .all(|it| it.chars().count() == 1 && "件套台个辆部项次人名家户批张本册".contains(it))
}

pub fn extract(doc: &Document) -> Vec<ListCountClaim> {
    let text = doc.text();
    let mut out = Vec::new();
    for (ci, f) in doc.figures.iter().enumerate() {
        // (A list never has tens of thousands of items: `3万人` counts people, not names.)
        if !matches!(f.q.unit, Unit::Count(u) if u.scale() == rust_decimal::Decimal::ONE)
            || !f.q.is_operand()
            || f.q.decimals > 0
            || f.in_table
        {
            continue;
        }
        let sentence = doc.sentences[f.sentence()].clone();
        let (mut clause_start, mut clause) = super::clause_before(text, sentence.start, f.q.start);
        // A bare `，共3个单位` closes the list of the clause before it (`包括：A、B、C，共3个`).
        if !clause.is_empty()
            && clause.trim_start_matches(['共', '计', '合']).is_empty()
            && text[..clause_start].ends_with('，')
        {
            let comma = clause_start - '，'.len_utf8();
            (clause_start, clause) = super::clause_before(text, sentence.start, comma);
        }
        // The list must end right at the figure (`…科学技术股共3个`), or follow it in parens.
        let before_fig = clause.trim_end_matches(['共', '计', '合', '等']);
        // (`…社会救助股等共9个股室`: 等 before 共 leaves the list open too.)
        let open_ended = clause.trim_end_matches(['共', '计', '合']).ends_with('等');
        let ends_with_list_item = !before_fig.is_empty();
        let mut claim = None;
        if ends_with_list_item {
            // Cut the clause at its last figure or verb-ish boundary: only the list itself.
            let list_start = doc.figures[..ci]
                .iter()
                .rev()
                .take_while(|g| g.q.end > clause_start)
                .find(|g| g.q.unit != Unit::Date)
                .map(|g| g.q.end)
                .unwrap_or(clause_start);
            let mut list_start = list_start;
            // Items come after the word that introduces them (`…工作部包括10个` lists nothing;
            // a heading's `二、` inside a one-line page is no separator).
            let clause_end = clause_start + before_fig.len();
            if let Some(t) = TRIGGERS
                .iter()
                .filter_map(|t| text[list_start..clause_end].rfind(t).map(|i| i + t.len()))
                .max()
            {
                list_start += t;
            }
            let list_start = list_start.min(clause_end);
            let list = &text[list_start..clause_end];
            // A `、` list counts things only after a word that introduces them (`下设`,
            // `共有`); `共接待国外、境外来访团组0个` lists modifiers. Adjacent quoted names
            // need no such word.
            let introduced_before = text[..list_start]
                .strip_suffix('：')
                .is_some_and(|b| TRIGGERS.iter().any(|t| b.ends_with(t)));
            let introduced = TRIGGERS.iter().any(|t| text[..list_start].ends_with(t))
                || introduced_before
                || !list.contains('、');
            // With no 共/计/等 between them, `示范岗、先锋岗265个` may name kinds of what is
            // counted: only a count smaller than the names listed is surely wrong.
            let totalised = clause.len() != before_fig.len();
            let kinds = !totalised && f.q.value > rust_decimal::Decimal::from(items_in(list));
            let n = if introduced { items_in(list) } else { 0 };
            let parens_balanced =
                !list.contains('（') || list.matches('（').count() == list.matches('）').count();
            let either = joined_items_make(list, n, f.q.value);
            if n >= 2 && parens_balanced && !kinds && !either {
                claim = Some(ListCountClaim {
                    count: ci,
                    list: list_start..clause_start + before_fig.len(),
                    items: n,
                    open_ended,
                });
            }
        }
        if claim.is_none() {
            let after_end = crate::read::document::floor_char(
                text,
                sentence.end.min(f.q.end + super::TEXT_WINDOW),
            );
            let after = &text[f.q.end..after_end.max(f.q.end)];
            if let Some(inner) = after
                .strip_prefix('（')
                .and_then(|r| r.split_once('）'))
                .map(|(a, _)| a)
            {
                // (`4辆（高空作业车、洒水车等）`: examples, the list open.)
                // (`一等、二等、三等` name grades: no 等 of “and so on”.)
                let open_ended = inner.strip_suffix('等').is_some_and(|r| {
                    !r.ends_with(|c: char| "一二三四五六七八九十特甲乙丙丁初中高上下同".contains(c))
                });
                let inner = inner.trim_end_matches('等');
                let n = items_in(inner);
                if n >= 2
                    && !inner.bytes().any(|b| b.is_ascii_digit())
                    && !measure_words_only(inner)
                {
                    let s = f.q.end + '（'.len_utf8();
                    claim = Some(ListCountClaim {
                        count: ci,
                        list: s..s + inner.len(),
                        items: n,
                        open_ended,
                    });
                }
            }
        }
        if claim.is_none() {
            claim = list_after(doc, ci);
        }
        out.extend(claim);
    }
    out
}

/// What may stand between a count and the list that follows it: `内设机构4个：办公室、…`,
/// `下属单位2个，分别是：…`, `科室3个，即…`.
const OPENERS: &[&str] = &[
    "，分别是：",
    "，分别为：",
    "，分别是",
    "，分别为",
    "，包括：",
    "，包括",
    "，即",
    "：",
];

/// A `、` list after the count and an opener, up to the end of its clause.
fn list_after(doc: &Document, ci: usize) -> Option<ListCountClaim> {
    let text = doc.text();
    let f = &doc.figures[ci];
    let sentence_end = doc.sentences[f.sentence()].end;
    let end =
        crate::read::document::floor_char(text, sentence_end.min(f.q.end + super::TEXT_WINDOW));
    let after = &text[f.q.end..end.max(f.q.end)];
    // A short noun may follow the unit (`4个科室：`), never a clause.
    let noun_len = after
        .char_indices()
        .take(7)
        .find(|(_, c)| matches!(c, '：' | '，' | '。' | '；' | '、') || c.is_ascii_digit())
        .map(|(i, _)| i)?;
    let rest = &after[noun_len..];
    let opener = OPENERS.iter().find(|o| rest.starts_with(**o))?;
    let list_from = f.q.end + noun_len + opener.len();
    let tail = &text[list_from..end.max(list_from)];
    // A list that runs past the text window was cut by it, not ended.
    let list_len = tail.find(['。', '；', '，', '：'])?;
    let list = &tail[..list_len];
    let open_ended = list.ends_with('等');
    let list = list.trim_end_matches('等');
    let n = items_in(list);
    if joined_items_make(list, n, f.q.value) {
        return None;
    }
    // A list cut by the end of its paragraph with no sentence end (a page break) may go on.
    let para_end = doc.paragraphs[f.paragraph()].range.end;
    if super::sum::cut_at_paragraph_end(doc, list_from + list.len(), para_end) {
        return None;
    }
    (n >= 2).then(|| ListCountClaim {
        count: ci,
        list: list_from..list_from + list.len(),
        items: n,
        open_ended,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_measure_words_headings_and_joined_items_are_no_miscounts() {
        assert!(items("设立示范岗、先锋岗265个。").is_empty());
        assert!(items("单价100万元以上设备0台（件、套）。").is_empty());
        assert!(items("二、部门基本情况党群工作部包括10个机关行政处室。").is_empty());
        assert!(items("从决策、过程、产出及效益4个方面开展评价。").is_empty());
        // A count smaller than the names listed is still wrong without 共.
        assert_eq!(items("下设办公室、财务科、业务科2个科室。").len(), 1);
        // `、` inside brackets names one item.
        assert_eq!(
            items("下设3个单位：少年宫（科技馆、植物园）、教育学院、考试院。")[0].0,
            3
        );
    }

    fn items(t: &str) -> Vec<(usize, String, bool)> {
        let d = Document::read(t);
        extract(&d)
            .iter()
            .map(|c| (c.items, d.figures[c.count].q.display(), c.open_ended))
            .collect()
    }

    #[test]
    fn lists() {
        assert_eq!(
            items("下设办公室、工业信息股、科学技术股共3个机构。"),
            [(3, "3个".into(), false)]
        );
        assert_eq!(
            items("共有鑫东穗、润粮等6家企业分三批申报高企"),
            [(2, "6家".into(), true)]
        );
        assert_eq!(
            items("其中新上规8家（博昇乐、创睿极光、金丰），下转上3家（乐昌峡、盖邦、鑫瑞）。")[1]
                .0,
            3
        );
        assert_eq!(
            items("组织开展“送科技下乡”“科技之春”“科技活动周”系列科普活动3场次")[0].0,
            3
        );
    }

    #[test]
    fn not_lists() {
        assert!(items("年末实有13人，离退休18人；").is_empty());
        assert!(items("组织专题会议11次，开展分片区督导检查21次").is_empty());
        assert!(items("共接待国外、境外来访团组 0 个，来访外宾 0 人次").is_empty());
        assert!(items("设立工作组3个，负责调研、督导、考核。").is_empty());
        assert!(items("开展检查3次：3月、6月、9月各一次。").is_empty());
    }

    #[test]
    fn lists_after_the_count() {
        assert_eq!(items("本局内设机构4个：办公室、财务科、业务科。")[0].0, 3);
        assert_eq!(
            items("下属单位2个，分别是：市信息中心、市档案馆、市科技馆。")[0].0,
            3
        );
        assert_eq!(
            items("培育企业5家，包括甲公司、乙公司等。"),
            [(2, "5家".into(), true)]
        );
    }

    #[test]
    fn a_bare_total_after_a_comma_counts_the_list_before_it() {
        assert_eq!(
            items("本部门下属单位包括：局机关、县农技推广中心、县畜牧站、县农机站，共3个单位。"),
            [(4, "3个".into(), false)]
        );
        // Without a word that introduces the list, `、` may join modifiers: no claim.
        assert!(items("国外、境外来访团组，共3个。").is_empty());
    }
}
