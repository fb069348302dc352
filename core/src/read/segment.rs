//! Stage 2: lines, headings, paragraphs and sentences of the normalised text.
//!
//! Reports pasted from Word break lines inside sentences (`其中：财政拨款收入 \n677.88万元`),
//! so a paragraph is a run of lines joined where the break is soft: the line before does not
//! end a sentence, and the next line is neither a heading nor a table cell.
//! Linear: each line and each byte is looked at a bounded number of times.

use std::ops::Range;

pub use super::page::{is_bare_page_number, is_page_number};

/// Heading numbering styles, outermost first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum HeadingStyle {
    /// 第一部分 / 第一章 / 第一节
    Part,
    /// 一、
    Chinese,
    /// （一）
    ParenChinese,
    /// 1、 / 1.
    Arabic,
    /// （1）
    ParenArabic,
    /// ①
    Circled,
}

#[derive(Debug, Clone)]
pub struct Heading {
    pub style: HeadingStyle,
    pub number: u32,
    /// Normalised byte range of the marker (`一、`).
    pub marker: Range<usize>,
    /// The whole line.
    pub line: Range<usize>,
    /// Found inside a line flattened from a web page (`…。六、…`): it scopes what follows, but
    /// the outline of the report's form (numbering, required parts) leaves it out.
    pub inline: bool,
}

impl Paragraph {
    /// The heading as a part of the report's outline (not one found inside a web page's line).
    pub fn outline_heading(&self) -> Option<&Heading> {
        self.heading.as_deref().filter(|h| !h.inline)
    }
}

#[derive(Debug, Clone)]
pub struct Paragraph {
    pub range: Range<usize>,
    /// Set when the paragraph's first line starts with a numbering marker. Boxed: few
    /// paragraphs have one, and a text of one figure per line has a paragraph per line
    /// (issue 16: 64 bytes a paragraph, 24 with the heading boxed).
    pub heading: Option<Box<Heading>>,
    /// A line that starts with a tab: a table cell pasted from Word.
    pub is_table_cell: bool,
}

pub fn chinese_numeral(s: &str) -> Option<(u32, usize)> {
    let mut value = 0u32;
    let mut current = 0u32;
    let mut len = 0;
    for c in s.chars() {
        let d = match c {
            '零' | '〇' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            '十' => {
                value += if current == 0 { 10 } else { current * 10 };
                current = 0;
                len += c.len_utf8();
                continue;
            }
            _ => break,
        };
        current = d;
        len += c.len_utf8();
        if len > 12 {
            return None;
        }
    }
    if len == 0 {
        return None;
    }
    Some((value + current, len))
}

fn arabic(s: &str) -> Option<(u32, usize)> {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || n > 3 {
        return None;
    }
    Some((s[..n].parse().ok()?, n))
}

/// A functional classification code (类 3 digits, 款 5, 项 7) and then its name:
/// `2010301行政运行`, not a decimal's digits before a unit (`2010301万元`).
fn opens_with_code(s: &str) -> bool {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    matches!(digits, 3 | 5 | 7)
        && s[digits..].chars().next().is_some_and(|c| {
            ('\u{4e00}'..='\u{9fff}').contains(&c)
                && !"万亿元千百个人次年月日倍项家所台辆件吨余多平亩户米名张套".contains(c)
        })
}

/// Recognises a numbering marker at the start of `line` (leading whitespace already skipped).
pub fn heading_marker(line: &str) -> Option<(HeadingStyle, u32, usize)> {
    if let Some(rest) = line.strip_prefix('第') {
        let (n, l) = chinese_numeral(rest)?;
        let after = &rest[l..];
        for unit in ["部分", "章", "节"] {
            if after.starts_with(unit) {
                return Some((HeadingStyle::Part, n, '第'.len_utf8() + l + unit.len()));
            }
        }
        return None;
    }
    if let Some(rest) = line.strip_prefix('（') {
        if let Some((n, l)) = chinese_numeral(rest) {
            if rest[l..].starts_with('）') {
                return Some((HeadingStyle::ParenChinese, n, 2 * '（'.len_utf8() + l));
            }
        }
        // Not a classification code in brackets (`（309）75000万元`, `（504）`): a heading is
        // never numbered past 99.
        if let Some((n, l)) = arabic(rest).filter(|&(n, _)| n < 100) {
            if rest[l..].starts_with('）') {
                return Some((HeadingStyle::ParenArabic, n, 2 * '（'.len_utf8() + l));
            }
        }
        return None;
    }
    if let Some(c) = line.chars().next() {
        if ('①'..='⑳').contains(&c) {
            return Some((
                HeadingStyle::Circled,
                c as u32 - '①' as u32 + 1,
                c.len_utf8(),
            ));
        }
    }
    if let Some((n, l)) = chinese_numeral(line) {
        if let Some(title) = line[l..].strip_prefix('、') {
            // `一、文字部分` / `二、表格部分` divide the report above its `第一部分` and `一、`
            // sections: numbered in a style of their own that no level shares.
            let title = title.trim();
            if title.ends_with("部分") && title.chars().count() <= 6 {
                return None;
            }
            return Some((HeadingStyle::Chinese, n, l + '、'.len_utf8()));
        }
        // `二.机构情况` (lechang) is `二、` written with a full stop; not `二.5`.
        if let Some(after) = line[l..].strip_prefix('.') {
            if after.starts_with(|c: char| !c.is_ascii_digit()) {
                return Some((HeadingStyle::Chinese, n, l + 1));
            }
        }
        return None;
    }
    if let Some((n, l)) = arabic(line) {
        let after = &line[l..];
        if after.starts_with('、') {
            return Some((HeadingStyle::Arabic, n, l + '、'.len_utf8()));
        }
        // `1.财政拨款` but not `1.5万元`; `1.2010301行政运行` (a classification code after the
        // number) but not `1.25倍`.
        if after.starts_with('.')
            && (!after[1..].starts_with(|c: char| c.is_ascii_digit())
                || opens_with_code(&after[1..]))
        {
            return Some((HeadingStyle::Arabic, n, l + 1));
        }
    }
    None
}

/// The width text pasted from a PDF was hard-wrapped at: the most common line length, if
/// at least a quarter of the longer lines share it (give or take one character).
fn wrap_width(text: &str) -> Option<usize> {
    const MAX: usize = 200;
    let mut counts = [0usize; MAX + 2];
    let mut lines = 0;
    for line in text.split('\n') {
        let n = line.trim().chars().count();
        if (16..=MAX).contains(&n) {
            counts[n] += 1;
            lines += 1;
        }
    }
    let (best, hits) = (16..=MAX)
        .map(|n| (n, counts[n - 1] + counts[n] + counts[n + 1]))
        .max_by_key(|&(_, c)| c)?;
    (lines >= 8 && hits * 4 >= lines).then_some(best + 1)
}

fn ends_sentence(line: &str) -> bool {
    let t = line.trim_end();
    t.is_empty()
        || t.ends_with(['。', '！', '？', '；', '：', '!', '?'])
        || (t.ends_with('.') && !t[..t.len() - 1].ends_with(|c: char| c.is_ascii_digit()))
}

/// A line stating an amount that ends in `：` or `；` opens or continues a list whose items
/// follow on their own lines (`本年支出预算合计33172.15万元，其中：` / `基本支出18570.82万元，
/// 占55.98%；`): the items belong to its paragraph.
fn continues_list(line: &str) -> bool {
    let t = line.trim_end();
    t.ends_with(['：', '；']) && has_amount(t)
}

/// Does the line state an amount (a digit followed by a money or percent unit)?
fn has_amount(line: &str) -> bool {
    let b = line.as_bytes();
    b.iter().enumerate().any(|(i, c)| {
        c.is_ascii_digit() && line[i + 1..].starts_with(['万', '元', '亿', '%', '个', '人'])
    })
}

/// A row of a table laid out with spaces (`pdftotext -layout`): cells apart by gaps of three
/// or more spaces, one of them a figure, or at least three cells. Word text can have such gaps
/// too (`社会保障和就业支出（类）     （款）…年初预算为0万元，支出决算为…。`), so a cell that reads
/// as prose (long, with several clause marks) makes the line prose.
/// (`第一部分      部门概况` is a spaced-out heading: two cells, no figure.)
pub fn is_layout_row(line: &str) -> bool {
    // Two cells need a gap of spaces between them: most lines have none, and are rejected
    // before the cells are built.
    if !line.contains([' ', '\u{3000}']) {
        return false;
    }
    let cells = layout_cells(line);
    // (Two numbered names side by side, `二、财政专户管理资金收入   四、教育支出`: a row of a
    // two-sided summary table whose cells are empty, not two headings.)
    let numbered = || {
        cells
            .iter()
            .filter(|c| heading_marker(c.trim()).is_some())
            .count()
            >= 2
    };
    cells.len() >= 2
        && (cells.len() >= 3 || cells.iter().any(|c| figure_cell(c)) || numbered())
        && !cells.iter().any(|c| {
            c.chars().count() > 40 && c.chars().filter(|&ch| "，。；".contains(ch)).count() >= 2
        })
}

/// A cell holding one figure: `235.16`, `83.81%`, `≤430万`, `12月`, `4次`.
fn figure_cell(c: &str) -> bool {
    let c = c.trim_start_matches(['≤', '≥', '<', '>', '＜', '＞', '约']);
    let c = c.trim_end_matches(|ch: char| "%万元亿个人次家件台辆月天年".contains(ch));
    bare_figure(c)
}

/// The cells of a line split at gaps of three or more spaces (ideographic spaces count).
pub fn layout_cells(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    let mut gap = 0;
    let mut gap_start = 0;
    for (i, c) in line.char_indices() {
        if c == ' ' || c == '\u{3000}' {
            if gap == 0 {
                gap_start = i;
            }
            gap += 1;
            continue;
        }
        if gap >= 3 {
            if let Some(s) = start {
                out.push(&line[s..gap_start]);
            }
            start = Some(i);
        } else if start.is_none() {
            start = Some(i);
        }
        gap = 0;
    }
    if let Some(s) = start {
        let end = if gap > 0 { gap_start } else { line.len() };
        out.push(&line[s..end]);
    }
    out
}

/// Table cells copied in reading order (a PDF viewer's copy, plain `pdftotext`): a line of bare
/// figures (`235.16`, `83.81%`, `10,685.56 2,228.57`), possibly after one label
/// (`年度资金总额 235.16 235.16 197.09`). A figure in prose carries its unit or its sentence
/// (`支出预算为 76.43` keeps the unit on the next line and has one figure only).
pub fn is_figure_run(line: &str) -> bool {
    let line = line.trim();
    // A run holds at least one bare figure, hence an ASCII digit.
    if line.is_empty()
        || !line.bytes().any(|b| b.is_ascii_digit())
        || line.contains(['，', '。', '；', '：'])
    {
        return false;
    }
    let tokens: Vec<&str> = line
        .split([' ', '\u{3000}'])
        .filter(|t| !t.is_empty())
        .collect();
    let figures = tokens.iter().filter(|t| bare_figure(t)).count();
    match tokens.len() {
        1 => figures == 1,
        n => figures >= 2 && figures + 1 >= n && tokens[1..].iter().all(|t| bare_figure(t)),
    }
}

/// `1,234.56`, `-12.5`, `83.81%`, `0`, `≥95%` (a target cell): a number with nothing after
/// it but a percent sign.
fn bare_figure(t: &str) -> bool {
    let t = t.trim_start_matches(['≥', '≤', '＝', '=', '<', '>', '＜', '＞']);
    let t = t.strip_prefix(['-', '−']).unwrap_or(t);
    let t = t.strip_suffix('%').unwrap_or(t);
    !t.is_empty()
        && t.starts_with(|c: char| c.is_ascii_digit())
        && t.ends_with(|c: char| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
}

/// Text laid out with a blank line after every line (some PDFs' line spacing): there a blank
/// line separates nothing. True when most lines with text are followed by exactly one blank
/// line and then more text.
fn is_double_spaced(text: &str) -> bool {
    let lines: Vec<bool> = text.split('\n').map(|l| !l.trim().is_empty()).collect();
    let with_text = lines.iter().filter(|&&t| t).count();
    let spaced = lines.windows(3).filter(|w| w[0] && !w[1] && w[2]).count();
    with_text >= 20 && spaced * 5 >= with_text * 3
}

/// Where each page of a PDF's text ends (its form feed) and whether that page is double
/// spaced: a report often sets its explanations with wide line spacing and its tables
/// without, so the spacing is a page's, not the whole text's. A text without form feeds is
/// one page.
fn double_spaced_pages(text: &str) -> Vec<(usize, bool)> {
    let mut out = Vec::new();
    let mut start = 0;
    let pages = text.split('\x0c').count();
    for page in text.split('\x0c') {
        let end = start + page.len();
        let lines: Vec<bool> = page.split('\n').map(|l| !l.trim().is_empty()).collect();
        let with_text = lines.iter().filter(|&&t| t).count();
        let spaced = lines.windows(3).filter(|w| w[0] && !w[1] && w[2]).count();
        let min_lines = if pages == 1 { 20 } else { 8 };
        out.push((end, with_text >= min_lines && spaced * 5 >= with_text * 3));
        start = end + 1;
    }
    out
}

/// A line of prose cut by the layout rather than ended: it ends without a sentence mark and
/// reaches the wrapping width (within three characters: widths in characters vary with the
/// digits on a line).
fn runs_on(line: &str, wrap: Option<usize>) -> bool {
    let width = line.trim().chars().count();
    !ends_sentence(line) && wrap.is_some_and(|w| width + 3 >= w)
}

/// Lines longer than this hold a whole page (a web page flattened to one line): their
/// headings stand inside them.
const PAGE_LINE: usize = 400;

/// The text's lines, with a line flattened from a web page cut before each heading that
/// follows a full stop, a colon or an amount (`…原因。六、政府性基金支出决算情况2016年…`,
/// `…具体情况如下：1.基本支出…`, `…219.10万元（九）其他支出…`), so that its sections and
/// numbered lists are seen as a report set line by line shows them.
fn line_ranges(text: &str) -> Vec<(Range<usize>, bool)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split('\n') {
        let (start, end) = (pos, pos + line.len());
        pos = end + 1;
        if line.len() <= PAGE_LINE {
            out.push((start..end, false));
            continue;
        }
        let mut from = start;
        for (i, mark) in line.match_indices(['。', '：', '；', '元', '%', '％']) {
            let at = start + i + mark.len();
            // (A web page leaves a space between a paragraph and the next heading.)
            let at = at
                + text
                    .get(at..end)
                    .map_or(0, |r| r.len() - r.trim_start().len());
            if at <= from || at >= end {
                continue;
            }
            let Some((style, _, len)) = heading_marker(&text[at..end]) else {
                continue;
            };
            // After an amount only a section's number is sure to start a new item (`…219.10万元
            // 六、政府性基金…`, the page's space gone); `1.` may be a decimal's tail.
            let after_amount = !matches!(mark, "。" | "：" | "；");
            if after_amount && style > HeadingStyle::ParenChinese {
                continue;
            }
            out.push((from..at, from != start));
            from = at;
            // A section's title stands on a line of its own, before the text that follows it
            // unbroken (`六、政府性基金支出决算情况2016年度…`); a numbered item's amount stays
            // with its name (`（四）民族事务支出31.76万元。`), its sentence with its subject.
            // A subsection's title may follow its section's at once (`…情况说明（一）政府采购
            // 支出情况2016年…`).
            let (mut at, mut style, mut len) = (at, style, len);
            while style <= HeadingStyle::ParenChinese {
                let Some(title_end) = title_end(&text[at + len..end]) else {
                    break;
                };
                out.push((at..at + len + title_end, true));
                from = at + len + title_end;
                at = from;
                match heading_marker(&text[at..end]) {
                    Some((s, _, l)) => (style, len) = (s, l),
                    None => break,
                }
            }
        }
        out.push((from..end, from != start));
    }
    out
}

/// Where an inline section title ends: before a year that opens the text after it
/// (`…决算情况2016年度…`), or after a title's last words (`…基本支出决算情况说明一般公共…`),
/// within 40 characters; `None` when a clause mark or another figure comes first
/// (`其他支出219.10万元`: a name and its amount, not a title).
fn title_end(body: &str) -> Option<usize> {
    // A year may open the title itself (`四、2015年决算收支总体情况2015年…`).
    let mut in_own_year = 0;
    for (j, c) in body.char_indices().take(40) {
        if j < in_own_year {
            continue;
        }
        // A title that ends as titles do (`…决算情况说明`, `…预算情况`), text right after it.
        let head = &body[..j];
        if j > 3
            && (head.ends_with("情况说明")
                || ["决算情况", "预算情况", "总体情况"]
                    .iter()
                    .any(|w| head.ends_with(w))
                    && !"的、，。：；和及与为是".contains(c)
                    && !body[j..].starts_with("说明"))
        {
            return Some(j);
        }
        if starts_with_year(&body[j..]) {
            if j > 3 {
                return Some(j);
            }
            in_own_year = j + 4;
            continue;
        }
        if c.is_ascii_digit() || "。：；，".contains(c) {
            return None;
        }
    }
    None
}

/// `2016年`, `2015年度`: four digits of the 1900s or 2000s and 年.
fn starts_with_year(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 7
        && b[..4].iter().all(u8::is_ascii_digit)
        && (&b[..2] == b"19" || &b[..2] == b"20")
        && s[4..].starts_with('年')
}

/// A line as a running header is compared: without spaces and form feeds.
fn header_key(line: &str) -> String {
    line.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{c}')
        .collect()
}

/// The lines a PDF repeats at the top of its pages (`江川市教育局2026年部门预算`): short lines
/// with no clause mark, written right after a page's number or form feed at least twice.
fn running_headers(text: &str) -> std::collections::HashSet<String> {
    let mut seen = std::collections::HashMap::<String, u32>::new();
    let mut after_page = false;
    // (The text's own lines: a page's top is never inside a web page's flattened line.)
    for line in text.split('\n') {
        let t = line.trim();
        if t.is_empty() {
            after_page |= line.contains('\u{c}');
            continue;
        }
        if is_page_number(t) || is_bare_page_number(t) {
            after_page = true;
            continue;
        }
        let key = header_key(t);
        let n = key.chars().count();
        let opens_page = after_page || line.contains('\u{c}');
        after_page = false;
        if !(6..=40).contains(&n) || key.contains(['。', '，', '；', '：', '、']) {
            continue;
        }
        // (Copies at pages' tops only: a title listed in the contents and standing at a
        // page's top once is no running header.)
        if opens_page {
            *seen.entry(key).or_default() += 1;
        }
    }
    seen.into_iter()
        .filter(|&(_, tops)| tops >= 2)
        .map(|(k, _)| k)
        .collect()
}

/// `10,418.01万元，其中：…`: an amount with its money unit, then its clause goes on.
fn starts_with_amount_clause(line: &str) -> bool {
    let digits = line
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(line.len());
    let rest = &line[digits..];
    digits > 0
        && line.starts_with(|c: char| c.is_ascii_digit())
        && ["万元", "亿元", "元"].iter().any(|u| {
            rest.strip_prefix(u)
                .is_some_and(|r| r.starts_with(['，', '。', '；', '、']))
        })
}

/// A line that ends inside a clause: after `，`, `、`, a joining word, a verb whose amount
/// must follow (`比上年执行数增加` / page break / `107,573.11万元，…`) or an amount whose unit
/// must (`专项业务经费 966.02` / page break / `万元，…`), when no wrapping width tells (lines
/// with many digits are longer than the text's width in characters).
fn breaks_mid_clause(para: &str) -> bool {
    let t = para.trim_end();
    t.ends_with(['，', '、', ',', '和', '及', '与', '的', '为', '占', '达'])
        || t.ends_with(|c: char| c.is_ascii_digit())
        || [
            "增加", "减少", "增长", "下降", "降低", "共计", "合计", "其中", "包括",
        ]
        .iter()
        .any(|w| t.ends_with(w))
}

/// A row of a laid-out table or a run of bare table figures (see [`is_layout_row`] and
/// [`is_figure_run`]), judged on the line as it was written: normalising drops the spaces.
pub fn is_table_line(original_line: &str) -> bool {
    let judge = |l: &str| {
        let l = l.trim_start_matches([' ', '\u{3000}', '\t', '\u{c}']);
        is_layout_row(l) || is_figure_run(l)
    };
    let fullwidth = |c: char| matches!(c, '０'..='９' | '．' | '％');
    if !original_line.contains(" %") && !original_line.chars().any(fullwidth) {
        return judge(original_line);
    }
    // Full-width digits and marks read as their ASCII forms (`８３．８１％` is a figure too).
    let ascii: String = original_line
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            '％' => '%',
            c => c,
        })
        .collect::<String>()
        // `9.82 %` is one figure, as normalising reads it.
        .replace(" %", "%");
    judge(&ascii)
}

/// Splits the text into paragraphs (see the module comment for when lines are joined),
/// judging table lines on the text itself.
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    let lines = LineSource {
        table: |r: Range<usize>| is_table_line(&text[r]),
        indented: |r: Range<usize>| {
            let line_start = text[..r.start].rfind('\n').map_or(0, |i| i + 1);
            text[line_start..r.start].contains([' ', '\u{3000}', '\t'])
        },
        indents_mark_paragraphs: indents_mark_paragraphs(text),
    };
    paragraphs_with(text, lines)
}

/// Splits the normalised text into paragraphs; `table_line` tells whether the line at a
/// normalised range was a table row before normalising.
pub fn paragraphs_with(
    text: &str,
    lines: LineSource<impl Fn(Range<usize>) -> bool, impl Fn(Range<usize>) -> bool>,
) -> Vec<Paragraph> {
    let LineSource {
        table: table_line,
        indented,
        indents_mark_paragraphs,
    } = lines;
    let wrap = wrap_width(text);
    let whole_double_spaced = is_double_spaced(text);
    let pages = double_spaced_pages(text);
    let mut page = 0;
    // The last line with text ran on (see `runs_on`): a blank line after it is a page break
    // or line spacing, not the paragraph's end.
    let mut last_wrapped = false;
    // In double-spaced text only a line of prose length goes on over the blank line; a table's
    // cells (`**`, `类`, `合计`) stand apart.
    let mut last_long = false;
    let mut out: Vec<Paragraph> = Vec::new();
    let mut joinable = false;
    // A blank line came after a line of prose that did not end its sentence, and a page
    // number or a form feed since: see `turned_mid_sentence`.
    let mut open_clause = false;
    let mut page_turned = false;
    // The last line with text ended a sentence, and nothing (no blank line, no page) came
    // since: see `goes_on_flush_left`.
    let mut ended_sentence = false;
    let lines = line_ranges(text);
    // Does the first line with text after line `i` open a new page (a form feed)?
    let page_follows = |i: usize| {
        lines[i + 1..]
            .iter()
            .map(|(r, _)| text[r.clone()].trim_start_matches([' ', '\t']))
            .find(|l| !l.trim().is_empty() || l.starts_with('\u{c}'))
            .is_some_and(|l| l.starts_with('\u{c}'))
    };
    let headers = running_headers(text);
    for (li, (range, inline)) in lines.iter().cloned().enumerate() {
        let (start, end) = (range.start, range.end);
        while page + 1 < pages.len() && pages[page].0 < start {
            page += 1;
        }
        let double_spaced = whole_double_spaced || pages[page].1;
        let line = &text[range];
        let trimmed = line.trim_start_matches([' ', '\t', '\u{c}']);
        // A blank line ends the paragraph, unless the line before broke off inside a clause
        // (`…对个人和` / blank / `家庭的补助支出`): a PDF's page break, not a paragraph's end.
        if trimmed.trim().is_empty() {
            ended_sentence = false;
            open_clause |= joinable;
            page_turned |= line.contains('\u{c}');
            joinable = joinable
                && (double_spaced && last_long
                    || last_wrapped
                    || out
                        .last()
                        .is_some_and(|p| breaks_mid_clause(&text[p.range.clone()])));
            continue;
        }
        // A page number between two pages (`- 12 -`, `— 7 —`, `第3页`, or a bare `4` inside a
        // sentence that goes on) is no text at all.
        // (So is a bare number after a sentence left open, with the next page right after it:
        // `…2025年“三公` / blank / `18` / `\f”经费预算…`.)
        if is_page_number(trimmed)
            || (joinable || open_clause && page_follows(li)) && is_bare_page_number(trimmed)
        {
            page_turned = true;
            continue;
        }
        // So is the running header that opens the next page (`第 23 页` / `江川市教育局 2026
        // 年部门预算` / `年预算数为…`), in a sentence that goes on over the page.
        if (joinable || open_clause)
            && (page_turned || line.contains('\u{c}'))
            && headers.contains(header_key(trimmed).as_str())
        {
            page_turned = true;
            continue;
        }
        // A sentence cut by a page break goes on at the next page's first line when that
        // line starts flush left, where a paragraph would start indented or with a heading
        // (`…较上年增加9.49万元，减` / `- 10 -` / `少的主要原因是…`): with no wrapping width
        // to tell, the break alone does not end it.
        let lead = line.len() - trimmed.len();
        let flush_left = || !indented(start + lead..end);
        let turned_mid_sentence = open_clause
            && (page_turned || line.contains('\u{c}'))
            && heading_marker(trimmed).is_none()
            && flush_left();
        joinable |= turned_mid_sentence;
        open_clause = false;
        page_turned = false;
        // In a text whose paragraphs start indented, a line flush left after a full stop is
        // the paragraph's next sentence (`…总决算20727.53万元。` / `与2023年度相比，…`).
        let goes_on_flush_left = indents_mark_paragraphs
            && ended_sentence
            && heading_marker(trimmed).is_none()
            && flush_left();
        joinable |= goes_on_flush_left;
        // A cell on its own tab-prefixed line, or a row of tab-separated cells: table, not
        // prose (the table stage reads it by rows and columns).
        // (`第四部分\t名词解释` is a heading with a tab after its number, not a row.)
        let heading_with_tab = heading_marker(trimmed).is_some_and(|(_, _, len)| {
            let rest = trimmed[len..].trim();
            let cells: Vec<&str> = rest.split('\t').filter(|c| !c.trim().is_empty()).collect();
            let is_number = |c: &str| {
                let c = c.trim();
                !c.is_empty()
                    && c.chars()
                        .all(|ch| ch.is_ascii_digit() || ",.%".contains(ch))
            };
            cells.len() <= 2
                && !cells.iter().any(|c| is_number(c))
                && cells
                    .iter()
                    .skip(1)
                    .all(|c| heading_marker(c.trim()).is_none())
        });
        // `目\t录`: a title spaced out with a tab, not a table row.
        let spaced_title = trimmed.split('\t').all(|c| c.trim().chars().count() <= 1);
        let is_table_cell = line.starts_with('\t')
            || (trimmed.trim_end().contains('\t') && !heading_with_tab && !spaced_title)
            || table_line(start + lead..end);
        let heading = if is_table_cell {
            None
        } else {
            heading_marker(trimmed).map(|(style, number, len)| {
                Box::new(Heading {
                    style,
                    number,
                    marker: start + lead..start + lead + len,
                    line: start..end,
                    inline,
                })
            })
        };
        // A sentence never starts with its amount (`本局2026年一般公共预算基本支出` /
        // `10,418.01万元，其中：…`): the line before was cut short to keep the figure whole.
        let amount_first = heading.is_none()
            && !is_table_cell
            && starts_with_amount_clause(trimmed)
            && out.last().is_some_and(|p| {
                p.heading.is_none() && !p.is_table_cell && !ends_sentence(&text[p.range.clone()])
            });
        if (joinable || amount_first) && heading.is_none() && !is_table_cell {
            if let Some(last) = out.last_mut() {
                last.range.end = end;
                joinable = !ends_sentence(line) || continues_list(line);
                ended_sentence = line.trim_end().ends_with('。');
                last_wrapped = runs_on(line, wrap);
                last_long = line.trim().chars().count() >= 12;
                continue;
            }
        }
        // A short line with no amount and no full stop is a title: never join onto it.
        // A line as long as the text's wrapping width was cut by the wrap, not ended.
        let width = line.chars().count();
        let wrapped = wrap.is_some_and(|w| width + 2 >= w);
        last_wrapped = runs_on(line, wrap);
        last_long = line.trim().chars().count() >= 12;
        let short_title = width <= 30
            && !wrapped
            && !has_amount(line)
            && !line.trim_end().ends_with(['，', '、', ',']);
        joinable = !is_table_cell && (!ends_sentence(line) || continues_list(line)) && !short_title;
        ended_sentence = !is_table_cell && heading.is_none() && line.trim_end().ends_with('。');
        out.push(Paragraph {
            range: start..end,
            heading,
            is_table_cell,
        });
    }
    out
}

/// How the lines of the normalised text looked in the original: a table row (see
/// [`is_table_line`]) or indented, by the normalised range of their text; and whether the
/// original's paragraphs start indented ([`indents_mark_paragraphs`]).
pub struct LineSource<T, I> {
    pub table: T,
    pub indented: I,
    pub indents_mark_paragraphs: bool,
}

/// Whether the text's paragraphs start indented and go on flush left, as `pdftotext -layout`
/// prints a report set with first-line indents: most lines after a full stop are indented.
pub fn indents_mark_paragraphs(text: &str) -> bool {
    let (mut indented, mut flush) = (0usize, 0usize);
    let mut after_stop = false;
    for line in text.split('\n') {
        let t = line.trim();
        if t.is_empty() {
            after_stop = false;
            continue;
        }
        if after_stop && !t.contains("  ") && !line.contains('\t') {
            if line.starts_with([' ', '\u{3000}']) {
                indented += 1;
            } else {
                flush += 1;
            }
        }
        after_stop = t.ends_with('。');
    }
    indented >= 10 && indented >= flush * 4
}

/// What the layout put inside a paragraph of prose and the text does not say: the line breaks
/// of its joined lines (`其\n中`, `增\n长`, `比\n上年` hide the words every rule looks for),
/// blank lines of double spacing and page-number lines. A break between two digits stays
/// (`12.5\n30` are two figures). Returned as sorted normalised byte ranges to remove.
pub fn soft_breaks(text: &str, paragraphs: &[Paragraph]) -> Vec<Range<usize>> {
    let mut cuts: Vec<Range<usize>> = Vec::new();
    let headers = running_headers(text);
    for p in paragraphs.iter().filter(|p| !p.is_table_cell) {
        let body = &text[p.range.clone()];
        let mut last: Option<char> = None;
        let mut pos = p.range.start;
        // A page turned since the last line of text: a running header may open the page.
        let mut turned = false;
        for (n, line) in body.split('\n').enumerate() {
            let line_start = pos;
            pos += line.len() + 1;
            if n == 0 {
                last = line.chars().next_back().or(last);
                continue;
            }
            let nl = line_start - 1;
            let t = line.trim_start_matches(['\u{c}', '\t']);
            turned |= line.starts_with('\u{c}');
            if t.trim().is_empty() || is_page_number(t) || is_bare_page_number(t) {
                turned |= !t.trim().is_empty();
                cuts.push(nl..line_start + line.len());
                continue;
            }
            if turned && headers.contains(header_key(t).as_str()) {
                cuts.push(nl..line_start + line.len());
                continue;
            }
            turned = false;
            let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || c == '.');
            if !(digit(last) && digit(t.chars().next())) {
                // The break and any form feed that starts the next page.
                cuts.push(nl..line_start + (line.len() - t.len()));
            }
            last = line.chars().next_back().or(last);
        }
    }
    // Adjacent cuts (a blank line after a break) merge, keeping the ranges disjoint.
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(cuts.len());
    for c in cuts {
        match merged.last_mut() {
            Some(m) if m.end >= c.start => m.end = m.end.max(c.end),
            _ => merged.push(c),
        }
    }
    merged
}

/// Moves the paragraphs' ranges to the text with `cuts` removed.
pub fn remap(paragraphs: &mut [Paragraph], cuts: &[Range<usize>]) {
    if cuts.is_empty() {
        return;
    }
    // Removed bytes before each cut's start, for a binary search per offset.
    let mut before = Vec::with_capacity(cuts.len());
    let mut total = 0;
    for c in cuts {
        before.push(total);
        total += c.end - c.start;
    }
    let map = |x: usize| {
        let i = cuts.partition_point(|c| c.start < x);
        if i == 0 {
            return x;
        }
        let c = &cuts[i - 1];
        if x < c.end {
            c.start - before[i - 1]
        } else {
            x - before[i - 1] - (c.end - c.start)
        }
    };
    for p in paragraphs.iter_mut() {
        p.range = map(p.range.start)..map(p.range.end);
        if let Some(h) = &mut p.heading {
            h.marker = map(h.marker.start)..map(h.marker.end);
            h.line = map(h.line.start)..map(h.line.end);
        }
    }
}

/// One numbered heading in the outline: its paragraph, its depth and its parent.
#[derive(Debug, Clone)]
pub struct Section {
    pub paragraph: usize,
    pub style: HeadingStyle,
    pub number: u32,
    /// 0 for the outermost level in use.
    pub depth: usize,
    /// Index into the outline of the enclosing section.
    pub parent: Option<usize>,
    /// The paragraph where the section ends (exclusive): the next heading of its level or
    /// an outer one, or the end of the text.
    pub end: usize,
}

/// The section tree of the report's form: the outline's headings (not those found inside a
/// web page's line), in text order. See [`sections`].
pub fn outline(paragraphs: &[Paragraph]) -> Vec<Section> {
    sections(paragraphs, Paragraph::outline_heading)
}

/// The section tree of every heading that scopes what follows, those inside a web page's
/// line included: what a figure's section is about (its funds, a part of spending).
pub fn scopes(paragraphs: &[Paragraph]) -> Vec<Section> {
    sections(paragraphs, |p| p.heading.as_deref())
}

/// The section tree of the headings `heading` picks, in text order. Levels nest by first
/// use: a style not seen among the open sections opens a level below the current one; a
/// style already open closes everything below it. (Reports disagree on whether `1.` sits
/// above or below `（一）`, so the order is learnt from the text, not fixed.) Linear: the
/// stack holds at most one entry per style.
fn sections(
    paragraphs: &[Paragraph],
    heading: impl Fn(&Paragraph) -> Option<&Heading>,
) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::new();
    // (style, index into out) of the open sections, outermost first.
    let mut open: Vec<(HeadingStyle, usize)> = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        let Some(h) = heading(p) else {
            continue;
        };
        if let Some(level) = open.iter().position(|(s, _)| *s == h.style) {
            for &(_, closed) in &open[level..] {
                out[closed].end = pi;
            }
            open.truncate(level);
        }
        let parent = open.last().map(|&(_, i)| i);
        out.push(Section {
            paragraph: pi,
            style: h.style,
            number: h.number,
            depth: open.len(),
            parent,
            end: paragraphs.len(),
        });
        open.push((h.style, out.len() - 1));
    }
    out
}

/// The indices of the sections of `tree` around paragraph `pi`, innermost first (the
/// paragraph's own heading's section included). Logarithmic in the tree's size, then one
/// step per level.
pub fn enclosing(tree: &[Section], pi: usize) -> impl Iterator<Item = usize> + '_ {
    let mut at = tree.partition_point(|s| s.paragraph <= pi).checked_sub(1);
    std::iter::from_fn(move || loop {
        let i = at?;
        at = tree[i].parent;
        if tree[i].end > pi {
            return Some(i);
        }
    })
}

/// Sentence ranges inside one paragraph: split after `。！？` and after a `.` that is not a
/// decimal point.
pub fn sentences(text: &str, para: Range<usize>) -> Vec<Range<usize>> {
    let s = &text[para.clone()];
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    // A `。` inside brackets (`（…比上年减少1万元。）`) ends no sentence of the text around.
    let mut depth = 0u32;
    for (i, c) in s.char_indices() {
        let end = i + c.len_utf8();
        match c {
            '（' => depth += 1,
            '）' => depth = depth.saturating_sub(1),
            '\n' => depth = 0,
            _ => {}
        }
        let is_end = depth == 0
            && match c {
                '。' | '！' | '？' | '!' | '?' => true,
                '.' => {
                    let prev_digit = i > 0 && b[i - 1].is_ascii_digit();
                    let next_digit = b.get(end).is_some_and(u8::is_ascii_digit);
                    !(prev_digit && (next_digit || (i < 4 && start == 0)))
                }
                _ => false,
            };
        if is_end {
            out.push(para.start + start..para.start + end);
            start = end;
        }
    }
    if start < s.len() {
        out.push(para.start + start..para.end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_cut_by_a_page_break_goes_on_flush_left() {
        let texts = |next_page: &str| -> Vec<String> {
            let t = format!(
                "  本部门“三公”经费预算支出6.51万元，较上年增加9.49万元，减\n\n          - 10 -\n\u{c}{next_page}\n"
            );
            paragraphs(&t)
                .iter()
                .map(|p| t[p.range.clone()].trim().to_string())
                .collect()
        };
        assert_eq!(texts("少的主要原因是压缩经费。").len(), 1);
        // Indented, or a heading: a paragraph of its own.
        assert_eq!(texts("  另有结转资金12.00万元。").len(), 2);
        assert_eq!(texts("（二）机关运行经费").len(), 2);
        // A verb whose amount must follow carries its sentence over a bare page number.
        let t = "  收入预算665964.37万元，比上年执行数增加\n\n   4\n107,573.11万元，增长19.3%。\n";
        assert_eq!(paragraphs(t).len(), 1);
    }

    #[test]
    fn heading_styles() {
        assert_eq!(
            heading_marker("第三章2020年度").unwrap().0,
            HeadingStyle::Part
        );
        assert_eq!(heading_marker("十三、预算绩效").unwrap().1, 13);
        assert_eq!(
            heading_marker("（二十三）负责").unwrap(),
            (HeadingStyle::ParenChinese, 23, 15)
        );
        assert_eq!(
            heading_marker("（1）办公室").unwrap().0,
            HeadingStyle::ParenArabic
        );
        assert_eq!(
            heading_marker("2.科学技术").unwrap().0,
            HeadingStyle::Arabic
        );
        assert_eq!(heading_marker("3、与市").unwrap().1, 3);
        assert_eq!(heading_marker("②其他").unwrap().1, 2);
        assert!(heading_marker("1.5万元").is_none());
        assert!(heading_marker("2020年").is_none());
        assert!(heading_marker("一般公共预算").is_none());
    }

    #[test]
    fn soft_line_breaks_join() {
        let t = "二、收入决算情况说明\n2020年度收入合计680.60万元，其中：财政拨款收入\n677.88万元，占99.6%；其他收入2.72万元。\n三、支出";
        let p = paragraphs(t);
        assert_eq!(p.len(), 3, "{p:?}");
        assert!(t[p[1].range.clone()].contains("677.88万元，占99.6%"));
    }

    #[test]
    fn laid_out_rows_and_figure_runs_are_table_cells() {
        assert!(is_layout_row(
            "年度资金总额      235.16      235.16    197.09     10    83.81%"
        ));
        assert!(is_layout_row(
            "质量指标    全面筛查，及时通知      达标     达标"
        ));
        assert!(!is_layout_row("第一部分      部门概况"));
        assert!(is_layout_row("采购成本               429.46万"));
        let word = "社会保障和就业支出（类）行政事业单位养老支出     （款）机关事业单位养老保险缴费\
                    支出（项）。年初预算为0万元，支出决算为15.57万元，完成年初预算的0%。决算数大于预算数。";
        assert!(!is_layout_row(word));
        assert!(!is_layout_row(
            "公 务 用 车 购 置 及 运 行费 支 出 决 算 为 40.61 万 元 ， 完 成"
        ));
        assert_eq!(layout_cells("  a   b c    d  "), ["a", "b c", "d"]);
        assert!(is_figure_run("83.81%"));
        assert!(is_figure_run("10,685.56"));
        assert!(is_figure_run("年度资金总额 235.16 235.16 197.09"));
        assert!(is_figure_run("235.16 235.16 197.09 10 83.81% 8.38"));
        assert!(!is_figure_run("支出预算为 76.43"));
        assert!(!is_figure_run(
            "国家信访局 2024 年度“三公”经费财政拨款支出预算为 76.43"
        ));
        assert!(!is_figure_run("的83.81%。项目绩效目标完成情况"));
        assert!(!is_figure_run("40.61 万元，完成预算的"));
        let t = "全年预算数为\n235.16\n197.09\n83.81%\n完成情况良好。";
        let p = paragraphs(t);
        assert_eq!(p.iter().filter(|p| p.is_table_cell).count(), 3, "{p:?}");
    }

    #[test]
    fn page_breaks_inside_a_clause_join() {
        assert!(is_page_number("- 12 -"));
        assert!(is_page_number("—  7  —"));
        assert!(is_page_number("第3页"));
        assert!(!is_page_number("2020"));
        let t = "本年支出合计100万元，其中基本支出50万元，项目支出中对个人和\n\n- 2 -\n\u{c}家庭的补助支出50万元。\n二、其他";
        let p = paragraphs(t);
        assert_eq!(p.len(), 2, "{p:?}");
        let t = "一、部门概况\n\n本部门负责。";
        assert_eq!(paragraphs(t).len(), 2);
    }

    #[test]
    fn headings_inside_a_web_page_line_scope_but_stay_out_of_the_outline() {
        let body = "支出合计100万元，比上年增加10万元。".repeat(20);
        let t = format!("{body}六、政府性基金支出决算情况2016年政府性基金支出17万元。{body}");
        let p = paragraphs(&t);
        let h: Vec<&Paragraph> = p.iter().filter(|p| p.heading.is_some()).collect();
        assert_eq!(h.len(), 1, "{p:?}");
        assert_eq!(&t[h[0].range.clone()], "六、政府性基金支出决算情况");
        assert!(h[0].outline_heading().is_none());
        assert!(outline(&p).is_empty());
        // It still scopes the paragraphs after it.
        let tree = scopes(&p);
        assert_eq!(tree.len(), 1);
        let last = p.len() - 1;
        assert_eq!(enclosing(&tree, last).collect::<Vec<_>>(), [0]);
        assert_eq!(enclosing(&tree, 0).count(), 0);
    }

    #[test]
    fn the_sections_around_a_paragraph_are_its_open_headings_innermost_first() {
        let t = "一、收支
1.收入
（一）财政拨款
正文。
（二）其他
2.支出
二、三公
正文。
";
        let p = paragraphs(t);
        let tree = scopes(&p);
        let around = |pi| {
            enclosing(&tree, pi)
                .map(|i| tree[i].paragraph)
                .collect::<Vec<_>>()
        };
        // 正文 under （一） under 1. under 一、.
        assert_eq!(around(3), [2, 1, 0]);
        // 2.支出 closed （二） and 1.; 二、 closed everything.
        assert_eq!(around(5), [5, 0]);
        assert_eq!(around(7), [6]);
    }

    #[test]
    fn a_web_page_lines_items_keep_their_amounts_and_titles_their_own_year() {
        let body = "支出合计100万元，比上年增加10万元。".repeat(20);
        let t = format!(
            "{body}四、2015年决算收支总体情况2015年本单位本年收入80万元。（一）民族事务支出31.76万元。1.2012301行政运行支出21.76万元，主要用于运行。（九）其他支出9万元五、说明"
        );
        let p = paragraphs(&t);
        let texts: Vec<&str> = p.iter().skip(1).map(|p| &t[p.range.clone()]).collect();
        assert_eq!(
            texts,
            [
                "四、2015年决算收支总体情况",
                "2015年本单位本年收入80万元。",
                "（一）民族事务支出31.76万元。",
                "1.2012301行政运行支出21.76万元，主要用于运行。",
                "（九）其他支出9万元",
                "五、说明"
            ]
        );
    }

    #[test]
    fn sections_nest_by_first_use_and_end_at_their_level() {
        // `1.` is first met above `（一）` here, so it is the outer level.
        let t = "一、收支\n1.收入\n（一）财政拨款\n正文。\n（二）其他\n2.支出\n二、三公\n正文。\n";
        let p = paragraphs(t);
        let o = outline(&p);
        let shape: Vec<(u32, usize, Option<usize>, usize)> = o
            .iter()
            .map(|s| (s.number, s.depth, s.parent, s.end))
            .collect();
        assert_eq!(
            shape,
            [
                (1, 0, None, 6),
                (1, 1, Some(0), 5),
                (1, 2, Some(1), 4),
                (2, 2, Some(1), 5),
                (2, 1, Some(0), 6),
                (2, 0, None, 8),
            ],
            "{p:?}"
        );
    }

    #[test]
    fn table_cells_stay_apart() {
        let t = "\t序号\n\t单位名称\n\n\t1\n";
        assert_eq!(paragraphs(t).len(), 3);
    }

    #[test]
    fn sentences_split_on_full_stops_not_decimals() {
        let t = "收入2.72万元，占0.4%.支出1.5万元。余";
        let s = sentences(t, 0..t.len());
        assert_eq!(s.len(), 3);
    }
}
