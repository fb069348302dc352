//! `template`: template text left unfilled — both alternatives kept (`增加/减少`,
//! `小于（大于）`), a `0` where a name belongs (`主要是0等收入`, `对0等项目分别委托0等第三方
//! 机构`), placeholder names (`某部门`, `XX`), blank dates and brackets.

use super::{Context, Draft, Rule, RuleInfo};
use crate::report::Severity;

pub struct Template;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "template",
    name_zh: "模板未填",
    name_en: "Template text left unfilled",
    severity: Severity::Warning,
    summary_zh: "模板中的备选项、占位符未按实际情况填写：“增加/减少”“小于（大于）”“主要是0等收入”“某部门”“XX”、空白日期等。",
    summary_en: "Template alternatives and placeholders left in the text: 增加/减少, 小于（大于）, 主要是0等, 某部门, XX, blank dates.",
    explanation_zh: "部门决算说明多由模板改写，漏改之处常见：\n\
1. 相反的两个词并列保留：“增加/减少”“增长/下降”“小于（大于）”“大于/小于/等于”，应只留实际情况；\n\
2. 名称处填了0：“主要是0等收入”“对0等项目分别委托0等第三方机构”，应写明名称或删去该句；\n\
3. 占位名称：“某部门”“某单位”“XX”“××”；空白日期“年 月 日”；空括号“（ ）”、下划线空格。\n\
例：“公务用车购置及运行维护费支出决算比2019年增加/减少0万元”——应写“与2019年持平”或只留一个方向。",
    explanation_en: "Unfilled template text: both of two opposite words kept (增加/减少, 小于（大于）), a 0 where a name \
belongs (主要是0等收入), placeholder names (某部门, XX), blank dates and brackets. Example: 比2019年增加/减少0万元.",
};

/// Opposite words a template offers as alternatives.
const OPPOSITES: &[(&str, &str)] = &[
    ("增加", "减少"),
    ("增长", "下降"),
    ("增长", "减少"),
    ("上升", "下降"),
    ("大于", "小于"),
    ("高于", "低于"),
    ("超过", "低于"),
    ("增加", "降低"),
];

/// Placeholder names.
const PLACEHOLDERS: &[&str] = &[
    "某部门",
    "某单位",
    "某某",
    "某局",
    "某项目",
    "XXX",
    "XX",
    "xxx",
    "××",
    "＊＊",
    "***",
];

impl Rule for Template {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, _claims, sink) = cx.parts();
        let text = doc.text();
        // Every fixed string below is found in one pass (`search::find_all`); the matches come
        // sorted by start and, at one start, in the order of this list, which is the order
        // in which the separate searches used to push them before a stable sort by start.
        let mut owned: Vec<String> = Vec::new();
        for (a, b) in OPPOSITES {
            for (x, y) in [(a, b), (b, a)] {
                for sep in ["/", "／", "（", "或/"] {
                    owned.push(if sep == "（" {
                        format!("{x}（{y}）")
                    } else {
                        format!("{x}{sep}{y}")
                    });
                }
            }
        }
        // Three alternatives kept (`大于（小于、等于）`, `大于/小于/等于`).
        for [a, b, c] in [["大于", "小于", "等于"], ["高于", "低于", "等于"]] {
            for [x, y, z] in [
                [a, b, c],
                [a, c, b],
                [b, a, c],
                [b, c, a],
                [c, a, b],
                [c, b, a],
            ] {
                owned.push(format!("{x}（{y}、{z}）"));
                owned.push(format!("{x}/{y}/{z}"));
            }
        }
        const ZERO_NAME: &str = "0等";
        const LEADS: [&str; 2] = ["原因是0", "原因为0"];
        const BLANK_DATE: &str = "年月日";
        const NOTES: [&str; 7] = [
            "（如有）",
            "（如有，请",
            "（如有请",
            "（若有）",
            "（如无则不填）",
            "（请填写",
            "（此处填写",
        ];
        const OPEN: &str = "（";
        const BLANKS: [&str; 3] = ["（）", "【】", "___"];
        // An amount left out before its unit (`比上年增加 万元，`, `上缴上级支出 万元。`).
        const NO_AMOUNT: [&str; 10] = [
            "增加万元",
            "减少万元",
            "支出万元",
            "收入万元",
            "增加元",
            "减少元",
            // `其中固定资产原值 万元`, `资产总额 万元`.
            "原值万元",
            "净值万元",
            "总额万元",
            "金额万元",
        ];
        let opposites = 0..owned.len();
        // Both words of a pair side by side before a figure (`增长下降13.8%`).
        for (a, b) in &OPPOSITES[..4] {
            owned.push(format!("{a}{b}"));
            owned.push(format!("{b}{a}"));
        }
        let adjacent = opposites.end..owned.len();
        let mut patterns: Vec<&str> = owned.iter().map(String::as_str).collect();
        let zero_name = patterns.len();
        patterns.push(ZERO_NAME);
        let leads = patterns.len()..patterns.len() + LEADS.len();
        patterns.extend(LEADS);
        let placeholders = patterns.len()..patterns.len() + PLACEHOLDERS.len();
        patterns.extend(PLACEHOLDERS);
        let blank_date = patterns.len();
        patterns.push(BLANK_DATE);
        let notes = patterns.len()..patterns.len() + NOTES.len();
        patterns.extend(NOTES);
        let open = patterns.len();
        patterns.push(OPEN);
        let blanks = patterns.len()..patterns.len() + BLANKS.len();
        patterns.extend(BLANKS);
        let no_amount = patterns.len()..patterns.len() + NO_AMOUNT.len();
        patterns.extend(NO_AMOUNT);
        // Whether normalised offset `i` lies in a table line: a table's `**` and `*` marks
        // (code columns, column numbers) are the standard tables' own, not placeholders.
        let in_table = |i: usize| {
            let k = doc.paragraphs.partition_point(|p| p.range.start <= i);
            k > 0 && doc.paragraphs[k - 1].range.contains(&i) && doc.paragraphs[k - 1].is_table_cell
        };
        let mut found: Vec<(usize, usize, String, &'static str)> = Vec::new();
        for (i, k) in crate::read::search::find_all(text, &patterns) {
            let m = patterns[k];
            if opposites.contains(&k) {
                // `增加（减少）额`, `增（减）率`: a column's name for a signed change, not a
                // template's choice left open.
                let after = &text[i + m.len()..];
                if ["额", "数", "率", "幅度", "金额"]
                    .iter()
                    .any(|w| after.starts_with(w))
                {
                    continue;
                }
                // `本表“增加/减少”栏反映…`: quoted, the words name a column; so do they in a
                // table's header row, and `增加/减少分别以正数、负数列示` explains both.
                // (Or a row's name in a table, `比上年增加/减少\t-7,000.00`, and a quoted name
                // of one, `“比上年增加/减少”行`.)
                if in_quotes(text, i, i + m.len())
                    || after.starts_with("分别")
                    || in_header_row(text, i)
                    || in_table(i) && short_cell(text, i)
                {
                    continue;
                }
                found.push((i, i + m.len(), m.to_string(), "两个相反的备选项都保留了"));
            } else if adjacent.contains(&k) {
                if text[i + m.len()..].starts_with(|c: char| c.is_ascii_digit()) {
                    found.push((i, i + m.len(), m.to_string(), "两个相反的备选项都保留了"));
                }
            } else if k == zero_name {
                // `0等`: a bare zero where the template wants names (`主要是0等收入`).
                let before = text[..i].chars().next_back();
                let bare = !before.is_some_and(|c| c.is_ascii_digit() || c == '.');
                if bare {
                    found.push((i, i + m.len(), m.into(), "名称处填了0"));
                }
            } else if leads.contains(&k) {
                // `主要原因是0。`: a reason left as the template's 0.
                let next = text[i + m.len()..].chars().next();
                let bare = !next.is_some_and(|c| c.is_ascii_digit() || c == '.' || c == '等')
                    && !text[i + m.len()..].starts_with(['万', '元', '%', '个', '人']);
                if bare {
                    found.push((i, i + m.len(), m.to_string(), "名称处填了0"));
                }
            } else if placeholders.contains(&k) {
                if m.starts_with(['*', '＊']) && in_table(i) {
                    continue;
                }
                // `XXXXXX`: a run of the letter is one placeholder, found at its start.
                let letter = m.as_bytes()[0];
                let mut end = i + m.len();
                if m.is_ascii() && m.bytes().all(|b| b == letter) {
                    if i > 0 && text.as_bytes()[i - 1] == letter {
                        continue;
                    }
                    end += text[end..].bytes().take_while(|&b| b == letter).count();
                }
                // `XX` inside a longer Latin word (`XXL`) is not a placeholder.
                let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
                if m.is_ascii()
                    && (latin(text[..i].chars().next_back()) || latin(text[end..].chars().next()))
                {
                    continue;
                }
                found.push((i, end, text[i..end].to_string(), "占位名称未替换"));
            } else if k == blank_date {
                // A date with its month and day left blank (`年 月 日`, `2022年 月 日`): no
                // digit between `年` and `月`, whether the year is filled or not.
                found.push((i, i + m.len(), m.to_string(), "日期未填写"));
            } else if notes.contains(&k) {
                // An instruction of the template kept in the text (`（如有）`); one that goes
                // on (`（如有，请说明）`) up to its closing bracket, a few characters on.
                let mut end = i + m.len();
                if !m.ends_with('）') {
                    let window = &text[end..crate::read::document::floor_char(text, end + 48)];
                    if let Some(close) = window.find('）').filter(|&c| !window[..c].contains('（'))
                    {
                        end += close + '）'.len_utf8();
                    }
                }
                found.push((i, end, text[i..end].to_string(), "模板说明文字未删除"));
            } else if k == open {
                // A body named by the template's alternatives (`局（部、委、办）`). Bounded:
                // the alternatives are a few characters, so only a short window is read (an
                // unclosed `（` must not make the search run to the end of the text).
                let from = i + '（'.len_utf8();
                let rest = &text[from..crate::read::document::floor_char(text, from + 48)];
                let Some(close) = rest.find('）') else {
                    continue;
                };
                let inner = &rest[..close];
                let bodies = [
                    "部", "委", "办", "局", "厅", "室", "院", "署", "会", "单位", "中心",
                ];
                let mut items = inner.split('、');
                let n = inner.split('、').count();
                if n >= 2 && items.all(|it| bodies.contains(&it)) {
                    let end = i + '（'.len_utf8() + close + '）'.len_utf8();
                    let m = text[i..end].to_string();
                    found.push((i, end, m, "模板中的备选机构名称未改"));
                }
            } else if blanks.contains(&k) {
                found.push((i, i + m.len(), m.to_string(), "空白处未填写"));
            } else if no_amount.contains(&k) {
                // Only where the clause ends with the unit: `支出万元以上` is a threshold.
                let ends = text[i + m.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| "，。；、,\n".contains(c));
                if ends {
                    found.push((i, i + m.len(), m.to_string(), "金额未填写"));
                }
            }
        }
        debug_assert!(found.is_sorted_by_key(|f| f.0));
        // `XXX` also matched `XX`: keep the first, longest match at each place.
        let mut last_end = 0;
        for (start, end, what, why) in found {
            if start < last_end {
                continue;
            }
            last_end = end;
            let mut d = Draft::new(
                INFO.id,
                Severity::Warning,
                start..end,
                format!("模板文字未填写：“{what}”（{why}）"),
                format!("Template text left unfilled: “{what}”"),
            );
            d.stated = Some(what.clone());
            d.cause = Some(why.into());
            d.repair = Some(match why {
                "两个相反的备选项都保留了" => "只保留与实际相符的一项".into(),
                "名称处填了0" => "写明具体名称，或删去该句".into(),
                "模板说明文字未删除" => "删去模板说明，按实际情况填写".into(),
                "模板中的备选机构名称未改" => "只保留本单位的实际名称".into(),
                _ => "按实际情况填写".into(),
            });
            sink.report(d);
        }
    }
}

/// Whether offset `i` lies in a row's name: the first cell of a tab-separated line, of a few
/// words and no figure, with cells after it (`比上年增加/减少\t-7,000.00`). (A later cell
/// holds the row's values: `增加/减少` there is a choice left open.)
fn short_cell(text: &str, i: usize) -> bool {
    let start = text[..i].rfind(['\t', '\n']).map_or(0, |k| k + 1);
    let end = text[i..].find(['\t', '\n']).map_or(text.len(), |k| i + k);
    let cell = text[start..end].trim();
    let first = start == 0 || text[..start].ends_with('\n');
    first
        && text[end..].starts_with('\t')
        && cell.chars().count() <= 16
        && !cell.chars().any(|c| c.is_ascii_digit())
}

/// Whether `start..end` lies inside one short quotation (`“增加/减少”`, `“比上年增加/减少”`).
fn in_quotes(text: &str, start: usize, end: usize) -> bool {
    const REACH: usize = 30;
    let before = &text[crate::read::document::floor_char(text, start.saturating_sub(REACH))..start];
    let after = &text[end..crate::read::document::floor_char(text, (end + REACH).min(text.len()))];
    let opened = before.rfind(['“', '"', '「']).is_some_and(|o| {
        let inside = before[o..]
            .char_indices()
            .nth(1)
            .map_or("", |(k, _)| &before[o + k..]);
        !inside.contains(['”', '」', '。', '；'])
    });
    let closed = after
        .find(['”', '」'])
        .is_some_and(|c| !after[..c].contains(['“', '「', '。', '；']));
    opened && closed
}

/// Whether offset `i` lies in a table's header row: a line of at least three cells (split
/// by tabs or wide gaps) none of which is an amount (`项目\t2023年预算\t2024年预算\t比上年增加/减少`).
fn in_header_row(text: &str, i: usize) -> bool {
    let start = text[..i].rfind('\n').map_or(0, |k| k + 1);
    let end = text[i..].find('\n').map_or(text.len(), |k| i + k);
    let line = &text[start..end];
    let cells: Vec<&str> = line
        .split('\t')
        .flat_map(|c| c.split("   "))
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    let amount = |c: &str| {
        c.chars().any(|ch| ch.is_ascii_digit())
            && c.chars()
                .all(|ch| ch.is_ascii_digit() || ".,-%".contains(ch))
    };
    cells.len() >= 3 && !cells.iter().any(|c| amount(c))
}

#[cfg(test)]
mod tests {
    use crate::{check, Options};

    fn quotes(t: &str) -> Vec<String> {
        check(t, &Options::default())
            .findings
            .into_iter()
            .filter(|f| f.rule == "template")
            .map(|f| f.quote)
            .collect()
    }

    #[test]
    fn leftovers_are_found() {
        assert_eq!(quotes("支出决算比2019年增加/减少0万元。"), ["增加/减少"]);
        assert_eq!(
            quotes("完成年初预算的0%，决算数小于（大于）年初预算数的主要原因是…"),
            ["小于（大于）"]
        );
        assert_eq!(
            quotes("上级补助收入0万元，占收入总计的0%。主要是0等收入。"),
            ["0等"]
        );
        assert_eq!(
            quotes("其中，对0等项目分别委托0等第三方机构开展绩效评价。"),
            ["0等", "0等"]
        );
        assert_eq!(
            quotes("纳入某部门2022年部门决算编制范围的二级预算单位包括："),
            ["某部门"]
        );
        assert_eq!(quotes("XX局2023年度部门决算"), ["XX"]);
        // A run of the letter is one placeholder, however long.
        assert_eq!(
            quotes("比上年预算减少3.65万元，主要原因是XXXXXX。"),
            ["XXXXXX"]
        );
        assert_eq!(quotes("下降4.99%。主要原因是：XXXX。"), ["XXXX"]);
        assert!(quotes("采购XXXXL码服装。").is_empty());
        assert_eq!(
            quotes("部门资产总额23,684.15万元，其中固定资产原值 万元，资产管理制度健全。"),
            ["原值 万元"]
        );
        assert!(quotes("单项资产原值万元以上的须报批。").is_empty());
        assert_eq!(quotes("报送日期：    年   月   日"), ["年   月   日"]);
        assert_eq!(
            quotes("本年收入1100.00万元，比上年决算数增加 万元，增长7.50%。"),
            ["增加 万元"]
        );
        assert_eq!(
            quotes("3. 上缴上级支出 万元。 4. 经营支出0万元。"),
            ["支出 万元"]
        );
        assert!(quotes("单笔支出万元以上的须集体研究；单位：万元。").is_empty());
        assert_eq!(quotes("较上年减少56.00万元，增长下降12.5%。"), ["增长下降"]);
        assert!(quotes("分析增加减少的原因。").is_empty());
    }

    #[test]
    fn a_tables_star_marks_are_no_placeholders() {
        assert!(quotes("项目      **        *        1        2        3\n").is_empty());
        assert_eq!(quotes("***局2023年度部门决算说明"), ["***"]);
    }

    #[test]
    fn template_notes_and_alternative_bodies() {
        assert_eq!(quotes("二、政府性基金预算支出情况（如有）"), ["（如有）"]);
        assert_eq!(
            quotes("也没有使用政府性基金预算财政拨款安排的支出（如有，请说明）。"),
            ["（如有，请说明）"]
        );
        assert_eq!(
            quotes("本局（部、委、办）2021年度收入合计"),
            ["（部、委、办）"]
        );
        for t in [
            "市卫生健康委员会（本级）预算",
            "负责全市的（含区、县）统筹工作。",
            "办公室（党委办公室、人事处）。",
        ] {
            assert!(quotes(t).is_empty(), "{t}: {:?}", quotes(t));
        }
    }

    #[test]
    fn prose_is_not_a_leftover() {
        for t in [
            "增减变化情况说明：比上年增加10.00万元，增长5.0%。",
            "分析收支增加或减少的原因。",
            "共10等奖项，发放100等额补助。",
            "开展2020年10月20日的检查，服装尺码XXL。",
            "2023年12月31日报送。",
            "对节能、环保等项目予以支持。",
        ] {
            assert!(quotes(t).is_empty(), "{t}: {:?}", quotes(t));
        }
    }

    #[test]
    fn a_reason_left_as_zero() {
        assert_eq!(
            quotes("决算数小于（大于）年初预算数的主要原因是0。"),
            ["小于（大于）", "原因是0"]
        );
        for t in [
            "下降的主要原因是0.5万元的设备未采购。",
            "增加的原因是10家企业新入规。",
            "主要原因是0万元结转。",
        ] {
            assert!(quotes(t).is_empty(), "{t}: {:?}", quotes(t));
        }
    }
}
