//! Stage 2 of read → **claims** → check → report: the arithmetic claims the text makes, one
//! extractor per claim kind. Claims use what `read` made and never a rule.
//!
//! Extraction only binds figures to roles (total, part, base, rate); checking is the rules'
//! job. When a binding is ambiguous the extractor records the claim as unbindable instead of
//! guessing, so that no guess ever becomes an error.

pub mod change_sum;
pub mod classified;
pub mod completion;
pub mod count;
pub mod facts;
pub mod funds_split;
pub mod growth;
pub mod item_rows;
pub mod product;
pub mod score_columns;
pub mod share;
pub mod standard;
pub mod sum;
pub mod table;
mod table_levels;
pub mod three_public;
pub mod year_blocks;

use crate::read::document::Document;
use std::ops::Range;

/// A total stated with its parts, as a rule is to check it; or, past the number of such
/// totals a rule checks (each lists all its parts, so checking every one is quadratic), a
/// total it leaves unchecked.
#[derive(Debug, Clone)]
pub enum BoundSum {
    Check(sum::SumClaim),
    /// The figure of a total left unchecked.
    TooMany(usize),
}

/// All claims of one document. Figures are referred to by index into `Document::figures`.
pub struct Claims<'a> {
    pub sums: Vec<sum::SumClaim>,
    pub shares: Vec<share::ShareClaim>,
    pub growths: Vec<growth::GrowthClaim>,
    /// Totals whose change is the sum of their parts' changes.
    pub change_sums: Vec<change_sum::ChangeSumClaim>,
    pub completions: Vec<completion::CompletionClaim>,
    pub counts: Vec<count::ListCountClaim>,
    pub products: Vec<product::ProductClaim>,
    /// Every keyed money figure, for restatements and identities across the document.
    pub facts: facts::Facts,
    /// 类/款/项 lines and the 类 totals.
    pub classified: classified::Classified,
    /// The sums the tables state.
    pub table_sums: table::TableSums,
    /// Tables rebuilt into rows and columns.
    pub tables: Vec<crate::read::table::Table<'a>>,
    /// Tables laid out with spaces, rebuilt into columns by position.
    pub grids: Vec<crate::read::grid::Grid>,
    /// The standard tables and their rows of known meaning.
    pub standard: standard::StandardTables,
    /// Table rows with a previous year's, the current year's and the change's columns.
    pub year_rows: Vec<year_blocks::YearRow>,
    /// 项 lines bound to their rows in the tables.
    pub item_rows: Vec<item_rows::ItemRow>,
    /// The rows of the “三公”经费 tables.
    pub three_public: Vec<three_public::Reading>,
}

pub fn extract<'a>(doc: &'a Document) -> Claims<'a> {
    let tables = crate::read::table::tables(doc);
    let mut grids = crate::read::grid::grids(doc);
    grids.extend(crate::read::grid::from_tables(doc, &tables));
    grids.extend(crate::read::grid::from_cell_lines(doc));
    let year_rows = year_blocks::extract(doc, &grids);
    let sums = sum::extract(doc);
    let shares = share::extract(doc, &sums);
    let growths = growth::extract(doc, &sums);
    let change_sums = change_sum::extract(doc, &sums, &growths);
    let standard = standard::extract(doc);
    let classified = classified::extract(doc);
    let item_rows = item_rows::extract(doc, &classified, &standard);
    Claims {
        completions: completion::extract(doc),
        counts: count::extract(doc),
        products: product::extract(doc),
        facts: facts::extract(doc, &tables, &sums),
        table_sums: table::extract(doc, &tables),
        three_public: three_public::extract(doc),
        tables,
        grids,
        standard,
        year_rows,
        item_rows,
        classified,
        sums,
        shares,
        growths,
        change_sums,
    }
}

/// How many figures a claim may reach back or forward over. Real claims span a few dozen
/// figures at most (renhe's income sentence: 17); the bound keeps every search constant-time
/// per figure, so extraction stays linear however the text is shaped.
pub const WINDOW: usize = 64;

/// How many bytes of text a clause or comparison phrase may span, for the same reason.
pub const TEXT_WINDOW: usize = 600;

/// Indices before `i`, nearest first, within the window.
pub fn back(i: usize) -> std::iter::Rev<Range<usize>> {
    (i.saturating_sub(WINDOW)..i).rev()
}

/// Words that make a figure a change between periods rather than a level.
pub const CHANGE_WORDS: &[&str] = &[
    "增加", "减少", "增长", "下降", "降低", "上升", "增幅", "降幅", "节约", "节省", "增减", "减幅",
];

/// Does a label name a budget figure (`年初预算为`, `预算数`), not a fund whose name says
/// 预算 (`一般公共预算财政拨款支出`, `政府性基金预算`)?
pub fn names_budget(label: &str) -> bool {
    // Every word taken out holds 预算: a label without it is no budget, and most labels
    // (this runs for every figure) are read without building the three strings.
    if !label.contains("预算") {
        return false;
    }
    label
        .replace("一般公共预算", "")
        .replace("基金预算", "")
        .replace("经营预算", "")
        .contains("预算")
}

/// What a budget or outturn figure is of, its stage words taken out, and whether it named a
/// stage: `“三公”经费年初预算为` → (`三公经费`, true); `支出决算为` → (``, true).
pub fn stage_subject(label: &str) -> (String, bool) {
    const STAGES: &[&str] = &[
        "调整后预算数",
        "调整后预算",
        "年初预算数",
        "年初预算",
        "调整预算数",
        "调整预算",
        "全年预算数",
        "预算数",
        "预算",
        "支出决算数",
        "支出决算",
        "决算数",
        "决算",
        "全年执行数",
        "执行数",
        "实际支出",
        // `项目支出预算3,000.00万元，执行2,700.00万元`.
        "实际执行",
        "执行",
    ];
    let mut key = label_key(label);
    let mut staged = false;
    for w in STAGES {
        // (The fund names that hold 预算 keep it.)
        if key.contains(w) && !(*w == "预算" && names_budget(&key) != key.contains("预算")) {
            let before = key.len();
            key = key.replace(w, "");
            staged |= key.len() != before;
        }
    }
    // Words about the figure, not what it is of: `本部门年初预算`, `全年预算数调整为`.
    for w in [
        "本部门",
        "本单位",
        "全年",
        "当年",
        "年中",
        "调整",
        "追加",
        "安排",
        "下达",
    ] {
        replace_in(&mut key, w, "");
    }
    let subject = key.trim_end_matches(['为', '是', '：', ':']).to_string();
    (subject, staged)
}

/// `*s = s.replace(from, to)`, but a string that does not hold `from` is left as it is
/// rather than copied: the label helpers take a dozen words out of every figure's label, and
/// most labels hold none of them.
pub fn replace_in(s: &mut String, from: &str, to: &str) {
    if s.contains(from) {
        *s = s.replace(from, to);
    }
}

/// Two budgets' subjects name two things (`“三公”经费`, `公务接待费`), not one said twice
/// (`项目`, `该项目调整后`) or once unnamed.
pub fn other_subjects(a: &str, b: &str) -> bool {
    !a.is_empty() && !b.is_empty() && !a.contains(b) && !b.contains(a)
}

/// One pass over the label's characters rather than a substring search per word (it runs for
/// every figure, and again for each figure in a claim's window): a word can only start at one
/// of the words' first characters, which most labels do not hold.
pub fn has_change_word(s: &str) -> bool {
    s.char_indices().any(|(i, c)| {
        CHANGE_WORD_STARTS.contains(&c) && CHANGE_WORDS.iter().any(|w| s[i..].starts_with(w))
    })
}

/// The first characters of [`CHANGE_WORDS`].
const CHANGE_WORD_STARTS: [char; 6] = ['增', '减', '下', '降', '上', '节'];

/// The text of the clause before a figure: from the last clause delimiter to the figure.
pub fn clause_before(text: &str, floor: usize, at: usize) -> (usize, &str) {
    // (A floor past the figure, a sentence that starts after it, leaves no clause.)
    let floor = floor
        .max(crate::read::document::floor_char(
            text,
            at.saturating_sub(TEXT_WINDOW),
        ))
        .min(at);
    let window = &text[floor..at];
    let start = window
        .char_indices()
        .rev()
        .find(|&(_, c)| crate::read::document::is_clause_delimiter(c))
        .map(|(i, c)| floor + i + c.len_utf8())
        .unwrap_or(floor);
    (start, &text[start..at])
}

/// The year a text opens with (`2022年度基本支出…` → 2022).
pub(crate) fn opening_year(s: &str) -> Option<i32> {
    let digits = s.get(..4)?;
    (digits.bytes().all(|b| b.is_ascii_digit()) && s[4..].starts_with('年'))
        .then(|| digits.parse().ok())
        .flatten()
}

/// Does a label name last year's value (`上年预算数为`, `去年`), not a line of this year's
/// accounts that carries last year's money over (`上年结转资金`, `上年结余`)?
pub fn names_last_year(label: &str) -> bool {
    // Every word taken out holds 上年: a label without it is read as it is (this runs for
    // every figure in a claim's window, and most labels hold neither word).
    if !label.contains("上年") {
        return label.contains("去年");
    }
    let carried = label
        .replace("上年度", "上年")
        .replace("上年末", "上年")
        .replace("上年结转", "")
        .replace("上年结余", "");
    carried.contains("上年") || carried.contains("去年")
}

/// The label reduced to what names the quantity: no year, no `本年`, no quotes, no trailing
/// verbs. `2020年度本年支出合计为` → `支出合计`.
pub fn label_key(label: &str) -> String {
    let quote = |c: char| matches!(c, '“' | '”' | '"' | '‘' | '’' | '\'' | '《' | '》');
    // Most labels have no quotes: then the label itself is cut, and one string is built at
    // the end (this runs for every figure, several times).
    let filtered: String;
    let mut s: &str = if label.contains(quote) {
        filtered = label.chars().filter(|&c| !quote(c)).collect();
        &filtered
    } else {
        label
    };
    // Leading dates: `2020年度`, `2020年`, `12月`.
    loop {
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            break;
        }
        let rest = &s[digits..];
        let cut = ["年度", "年末", "年", "月", "日"]
            .iter()
            .find(|p| rest.starts_with(**p));
        match cut {
            Some(p) => s = &rest[p.len()..],
            None => break,
        }
    }
    // Connectives first (`另有本年度…`), then the period and the reporting body.
    for prefix in [
        "另有",
        "另外",
        "此外",
        "同时",
        "本年度",
        "本年",
        "当年",
        "全年",
        "今年",
        "本部门",
        "本单位",
        "我局",
        "我单位",
    ] {
        if let Some(r) = s.strip_prefix(prefix) {
            s = r;
        }
    }
    for suffix in ["为", "是", "达到", "达", "约"] {
        if s.chars().count() > suffix.chars().count() + 1 {
            if let Some(r) = s.strip_suffix(suffix) {
                s = r;
                break;
            }
        }
    }
    // `收、支总计均为`, `分别为`: said of two quantities at once, each named alike.
    for suffix in ["均", "各", "分别", "都"] {
        if s.chars().count() > suffix.chars().count() + 1 {
            if let Some(r) = s.strip_suffix(suffix) {
                s = r;
                break;
            }
        }
    }
    s.to_string()
}

/// Does a figure's label name the quantity `key` (already a `label_key`)?
pub fn label_matches(label: &str, key: &str) -> bool {
    key.chars().count() >= 2 && key_matches(&label_key(label), key)
}

/// [`label_matches`] for a label already made a `label_key`.
pub fn key_matches(l: &str, key: &str) -> bool {
    key.chars().count() >= 2 && (l.ends_with(key) || (key.ends_with(l) && l.chars().count() >= 3))
}

pub use crate::read::document::first_figure_at;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn change_words_start_with_the_listed_characters() {
        for w in CHANGE_WORDS {
            assert!(
                CHANGE_WORD_STARTS.contains(&w.chars().next().unwrap()),
                "{w}"
            );
        }
        for s in [
            "",
            "增",
            "比上年增加",
            "下降了",
            "降",
            "节",
            "上年",
            "收入合计",
            "减幅为",
        ] {
            assert_eq!(
                has_change_word(s),
                CHANGE_WORDS.iter().any(|w| s.contains(w)),
                "{s}"
            );
        }
    }

    #[test]
    fn keys() {
        assert_eq!(label_key("2020年度本年支出合计为"), "支出合计");
        assert_eq!(
            label_key("2022年度一般公共预算财政拨款安排的“三公”经费支出"),
            "2022年度一般公共预算财政拨款安排的三公经费支出".replace("2022年度", "")
        );
        assert!(label_matches(
            "2020年本年支出合计",
            &label_key("本年支出合计")
        ));
        assert!(label_matches("总收入为", "总收入"));
        assert!(!label_matches("收入", "总收入"));
    }
}
