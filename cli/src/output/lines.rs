//! Excerpts of lines for diagnostics, over the core's [`LineIndex`] (byte offsets → lines
//! and columns: see `gouji_core::lines`).
//!
//! An excerpt shows at most [`CONTEXT`] characters on either side of each annotated place
//! (a 10 MB line must not be printed once per finding) and shows control characters and
//! bidi overrides escaped (see [`super::escape`]).

pub use gouji_core::lines::{LineIndex, Pos};

use super::escape;

/// Characters shown on either side of an annotated place; the rest of a long line is `…`.
pub const CONTEXT: usize = 80;

/// Excerpts of an indexed text.
pub trait Excerpts {
    /// Lines `first..=last` (0-based) joined by `\n`, without `\r` and BOM, for a snippet;
    /// with a map from text offsets to offsets in it. Of each line only [`CONTEXT`]
    /// characters around the byte offsets in `keep` are shown (the start of a line without
    /// one), the rest as `…`; unsafe characters are escaped.
    fn excerpt(&self, first: usize, last: usize, keep: &[usize]) -> Excerpt;
}

impl Excerpts for LineIndex<'_> {
    fn excerpt(&self, first: usize, last: usize, keep: &[usize]) -> Excerpt {
        let mut source = String::new();
        let mut pieces = Vec::new();
        for line in first..=last.min(self.lines() - 1) {
            if line > first {
                source.push('\n');
            }
            let (s, e) = self.content(line);
            pieces.push((s, s, source.len()));
            let mut windows: Vec<(usize, usize)> = keep
                .iter()
                .filter(|&&k| (s..=e).contains(&k))
                .map(|&k| {
                    let k = self.clamp(k);
                    (
                        back(self.text(), s, k, CONTEXT),
                        forth(self.text(), e, k, CONTEXT),
                    )
                })
                .collect();
            if windows.is_empty() {
                windows.push((s, forth(self.text(), e, s, 2 * CONTEXT)));
            }
            windows.sort_unstable();
            let mut at = s;
            for (ws, we) in windows {
                if we <= at {
                    continue;
                }
                let ws = ws.max(at);
                if ws > at {
                    source.push('…');
                }
                copy(self.text(), ws, we, &mut source, &mut pieces);
                at = we;
            }
            if at < e {
                source.push('…');
            }
        }
        Excerpt {
            first_line: first + 1,
            source,
            pieces,
        }
    }
}

/// Appends `text[from..to]` with unsafe characters escaped, noting the verbatim pieces.
fn copy(
    text: &str,
    from: usize,
    to: usize,
    source: &mut String,
    pieces: &mut Vec<(usize, usize, usize)>,
) {
    let mut run = from;
    for (i, c) in text[from..to].char_indices() {
        let i = from + i;
        if escape::is_unsafe(c, true) || c == '\n' {
            pieces.push((run, i, source.len()));
            source.push_str(&text[run..i]);
            escape::push_escaped(source, c);
            run = i + c.len_utf8();
        }
    }
    pieces.push((run, to, source.len()));
    source.push_str(&text[run..to]);
}

/// The offset `n` characters before `at`, not before `floor`.
fn back(text: &str, floor: usize, at: usize, n: usize) -> usize {
    text[floor..at]
        .char_indices()
        .rev()
        .take(n)
        .last()
        .map_or(at, |(i, _)| floor + i)
}

/// The offset `n` characters after `at`, not after `ceiling`.
fn forth(text: &str, ceiling: usize, at: usize, n: usize) -> usize {
    text[at..ceiling]
        .char_indices()
        .nth(n)
        .map_or(ceiling, |(i, _)| at + i)
}

/// Parts of some lines of a text.
pub struct Excerpt {
    /// 1-based number of its first line.
    pub first_line: usize,
    pub source: String,
    /// The pieces of the text copied as they are: their range in the text and their start
    /// in `source`, in text order.
    pieces: Vec<(usize, usize, usize)>,
}

impl Excerpt {
    /// Maps a (clamped) text offset into `source`; offsets outside the shown pieces go to
    /// the nearest end of the piece before them.
    pub fn map(&self, offset: usize) -> usize {
        let i = self
            .pieces
            .partition_point(|&(s, _, _)| s <= offset)
            .saturating_sub(1);
        let (s, e, at) = self.pieces[i];
        at + offset.clamp(s, e) - s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lc(p: Pos) -> (usize, usize, usize) {
        (p.line, p.col, p.char_offset)
    }

    #[test]
    fn bom_is_not_a_column() {
        let text = "\u{feff}合计100\n甲";
        let idx = LineIndex::new(text);
        assert_eq!(lc(idx.pos(0)), (1, 1, 0));
        assert_eq!(lc(idx.pos(3)), (1, 1, 0));
        assert_eq!(lc(idx.pos(text.find('1').unwrap())), (1, 3, 2));
        assert_eq!(lc(idx.pos(text.find('甲').unwrap())), (2, 1, 6));
        let ex = idx.excerpt(0, 0, &[]);
        assert_eq!(ex.source, "合计100");
        assert_eq!(ex.map(3), 0);
    }

    #[test]
    fn crlf_is_dropped_from_excerpts() {
        let text = "a\r\nb合计\r\nc";
        let idx = LineIndex::new(text);
        let ex = idx.excerpt(0, 2, &[]);
        assert_eq!(ex.source, "a\nb合计\nc");
        assert_eq!(ex.first_line, 1);
        let at = text.find("合计").unwrap();
        assert_eq!(&ex.source[ex.map(at)..], "合计\nc");
        assert_eq!(ex.map(text.find('c').unwrap()), ex.source.len() - 1);
        assert_eq!(lc(idx.pos(text.find('c').unwrap())), (3, 1, 8));
    }

    #[test]
    fn long_lines_are_shown_around_the_marks() {
        let text = format!(
            "{}合计100{}\n{}",
            "甲".repeat(100_000),
            "乙".repeat(100_000),
            "丙".repeat(500)
        );
        let idx = LineIndex::new(&text);
        let at = text.find("合计").unwrap();
        let ex = idx.excerpt(0, 1, &[at, at + 9]);
        let lines: Vec<&str> = ex.source.split('\n').collect();
        assert_eq!(
            lines[0],
            format!("…{}合计100{}…", "甲".repeat(CONTEXT), "乙".repeat(CONTEXT))
        );
        // A line without a mark: its start.
        assert_eq!(lines[1], format!("{}…", "丙".repeat(2 * CONTEXT)));
        assert_eq!(&ex.source[ex.map(at)..ex.map(at + 9)], "合计100");
        // Two marks far apart on one line: two windows.
        let far = text.find('乙').unwrap() + 3 * 50_000;
        let ex = idx.excerpt(0, 0, &[at, far]);
        assert_eq!(ex.source.matches('…').count(), 3, "{}", ex.source);
        assert!(ex.source.chars().count() < 5 * CONTEXT);
        assert_eq!(&ex.source[ex.map(far)..ex.map(far) + 3], "乙");
    }

    #[test]
    fn unsafe_characters_are_escaped_and_offsets_follow() {
        let text = "a\x1b[2Jb\u{9b}合计\u{202e}100\rnext";
        let idx = LineIndex::new(text);
        let ex = idx.excerpt(0, 1, &[]);
        assert_eq!(ex.source, "a\\u{1b}[2Jb\\u{9b}合计\\u{202e}100\nnext");
        let at = text.find("合计").unwrap();
        assert_eq!(&ex.source[ex.map(at)..], "合计\\u{202e}100\nnext");
        assert_eq!(&ex.source[ex.map(text.find("100").unwrap())..], "100\nnext");
        assert_eq!(lc(idx.pos(text.find("next").unwrap())), (2, 1, 14));
    }

    #[test]
    fn bad_offsets_do_not_panic() {
        let text = "合计";
        let idx = LineIndex::new(text);
        let _ = idx.pos(1);
        let _ = idx.pos(1000);
        let ex = idx.excerpt(0, 5, &[]);
        assert_eq!(ex.map(1000), text.len());
        let empty = LineIndex::new("");
        assert_eq!(lc(empty.pos(3)), (1, 1, 0));
        assert_eq!(empty.excerpt(0, 0, &[]).source, "");
    }
}
