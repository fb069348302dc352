//! The section tree: the numbered headings of the document (`第一部分`, `一、`, `（一）`) with
//! their parents, for the rules that look at the document's structure (`numbering`,
//! `required`). Read from the normalised text line by line; the paragraphs are not changed.
//!
//! Only the outer three styles are taken: `1、`/`（1）`/`①` are as often list items and table
//! rows as headings. A line with a tab inside is a table row, not a heading. `二.机构情况`
//! (a Chinese numeral with a full stop) counts as `二、`.

use crate::document::Document;
use crate::segment::{chinese_numeral, heading_marker, HeadingStyle};
use std::ops::Range;

#[derive(Debug, Clone)]
pub struct Section {
    pub style: HeadingStyle,
    pub number: u32,
    /// Normalised byte range of the marker (`一、`).
    pub marker: Range<usize>,
    /// Normalised byte range of the heading line (trimmed).
    pub line: Range<usize>,
    /// The heading's text after the marker.
    pub title: String,
    /// The enclosing section (index into the list), if any.
    pub parent: Option<usize>,
    /// Body lines (not headings) before the next heading.
    pub body_lines: usize,
}

/// The numbering marker of a heading line, with the styles taken here.
fn marker(line: &str) -> Option<(HeadingStyle, u32, usize)> {
    if let Some((style, n, len)) = heading_marker(line) {
        return matches!(
            style,
            HeadingStyle::Part | HeadingStyle::Chinese | HeadingStyle::ParenChinese
        )
        .then_some((style, n, len));
    }
    let (n, l) = chinese_numeral(line)?;
    // `二.机构情况`, not `二.5` (never seen) and not a bare numeral word.
    let after = line[l..].strip_prefix('.')?;
    after
        .starts_with(|c: char| !c.is_ascii_digit())
        .then_some((HeadingStyle::Chinese, n, l + 1))
}

/// All numbered headings of the outer styles, in order, with their parents.
///
/// A numbered line inside a table is not a heading: one with a tab in it, or one that follows
/// a table line (or another such row) when the first unnumbered line after it is a table line —
/// `六、科学技术支出` in a budget table pasted one row per line.
pub fn sections(doc: &Document) -> Vec<Section> {
    let text = doc.text();
    // (line start, lead, trimmed line, is a table line, marker)
    let mut lines = Vec::new();
    let mut pos = 0;
    for raw in text.split('\n') {
        let start = pos;
        pos += raw.len() + 1;
        let line = raw.trim_start_matches([' ', '\t', '\u{3000}']);
        if line.trim().is_empty() {
            continue;
        }
        let lead = raw.len() - line.len();
        let line = line.trim_end();
        let table = raw.starts_with('\t') || line.contains('\t');
        let m = if table { None } else { marker(line) };
        lines.push((start + lead, line, table, m));
    }
    let mut out: Vec<Section> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    let mut prev_table = false;
    for (k, &(s, line, table, m)) in lines.iter().enumerate() {
        let Some((style, number, len)) = m else {
            if !table {
                if let Some(&last) = stack.last() {
                    out[last].body_lines += 1;
                }
            }
            prev_table = table;
            continue;
        };
        if prev_table {
            // The first line after this run of numbered lines decides.
            let under_is_table = lines[k + 1..]
                .iter()
                .find(|l| l.3.is_none())
                .is_some_and(|l| l.2);
            if under_is_table {
                continue; // a table row: prev_table stays set
            }
        }
        prev_table = false;
        while stack.last().is_some_and(|&i| out[i].style >= style) {
            stack.pop();
        }
        out.push(Section {
            style,
            number,
            marker: s..s + len,
            line: s..s + line.len(),
            title: line[len..].trim().to_string(),
            parent: stack.last().copied(),
            body_lines: 0,
        });
        stack.push(out.len() - 1);
    }
    out
}

/// Chinese numeral for `n` (1..=99), for messages.
pub fn numeral(n: u32) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n as usize].to_string(),
        10 => "十".into(),
        11..=19 => format!("十{}", D[(n % 10) as usize]),
        20..=99 if n.is_multiple_of(10) => format!("{}十", D[(n / 10) as usize]),
        20..=99 => format!("{}十{}", D[(n / 10) as usize], D[(n % 10) as usize]),
        _ => n.to_string(),
    }
}

/// Does the text look like a whole report rather than a pasted passage: at least two
/// `第一部分`-style parts, or at least six top-level `一、` headings? The structure rules
/// (`numbering`, `required`) say nothing about a passage.
pub fn looks_whole(secs: &[Section]) -> bool {
    let parts = secs
        .iter()
        .filter(|s| s.style == HeadingStyle::Part)
        .count();
    let top = secs.iter().filter(|s| s.parent.is_none()).count();
    parts >= 2 || top >= 6
}
