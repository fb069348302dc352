//! Byte offsets → lines and columns, and excerpts of whole lines for diagnostics.
//!
//! Columns and character offsets count Unicode scalar values (code points) of the decoded
//! text; a leading byte-order mark is not counted. Spans from the core are trusted only as
//! far as they are in bounds: anything else is clamped, never a panic.

/// A resolved position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
    /// 0-based offset from the start of the text, in characters (BOM not counted).
    pub char_offset: usize,
}

pub struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset of each line's start.
    starts: Vec<usize>,
    /// Characters before each line's content start (BOM not counted).
    char_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        let mut char_starts = vec![0];
        let mut chars = 0;
        let bom = usize::from(text.starts_with('\u{feff}'));
        for (i, c) in text.char_indices() {
            chars += 1;
            if c == '\n' {
                starts.push(i + 1);
                char_starts.push(chars - bom);
            }
        }
        LineIndex {
            text,
            starts,
            char_starts,
        }
    }

    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Clamps `offset` into the text and back onto a character boundary.
    pub fn clamp(&self, offset: usize) -> usize {
        let mut o = offset.min(self.text.len());
        while !self.text.is_char_boundary(o) {
            o -= 1;
        }
        o
    }

    /// 0-based index of the line holding `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// Byte range of a line's content: no `\n`, no trailing `\r`, no leading BOM.
    pub fn content(&self, line: usize) -> (usize, usize) {
        let mut start = self.starts[line];
        let mut end = self
            .starts
            .get(line + 1)
            .map_or(self.text.len(), |&next| next - 1);
        if self.text[start..end].ends_with('\r') {
            end -= 1;
        }
        if start == 0 && self.text.starts_with('\u{feff}') {
            start = 3.min(end);
        }
        (start, end)
    }

    pub fn pos(&self, offset: usize) -> Pos {
        let offset = self.clamp(offset);
        let line = self.line_of(offset);
        let (start, _) = self.content(line);
        let offset = offset.max(start);
        let chars = self.text[start..offset].chars().count();
        Pos {
            line: line + 1,
            col: chars + 1,
            char_offset: self.char_starts[line] + chars,
        }
    }

    /// Lines `first..=last` (0-based) joined by `\n`, without `\r` and BOM, for a snippet;
    /// with a map from text offsets to offsets in it.
    pub fn excerpt(&self, first: usize, last: usize) -> Excerpt {
        let mut source = String::new();
        let mut lines = Vec::new();
        for line in first..=last.min(self.starts.len() - 1) {
            if line > first {
                source.push('\n');
            }
            let (s, e) = self.content(line);
            lines.push((s, e, source.len()));
            source.push_str(&self.text[s..e]);
        }
        Excerpt {
            first_line: first + 1,
            source,
            lines,
        }
    }
}

/// Some whole lines of a text.
pub struct Excerpt {
    /// 1-based number of its first line.
    pub first_line: usize,
    pub source: String,
    /// Each line's content range in the text and its start in `source`.
    lines: Vec<(usize, usize, usize)>,
}

impl Excerpt {
    /// Maps a (clamped) text offset into `source`; offsets outside the excerpt's lines go to
    /// its nearest end.
    pub fn map(&self, offset: usize) -> usize {
        let i = self
            .lines
            .partition_point(|&(s, _, _)| s <= offset)
            .saturating_sub(1);
        let (s, e, at) = self.lines[i];
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
    fn positions_count_characters() {
        let text = "第一行\n本年支出合计500.00万元";
        let idx = LineIndex::new(text);
        assert_eq!(lc(idx.pos(0)), (1, 1, 0));
        let at = text.find("合计").unwrap();
        assert_eq!(lc(idx.pos(at)), (2, 5, 8));
        let at = text.find('5').unwrap();
        assert_eq!(lc(idx.pos(at)), (2, 7, 10));
        assert_eq!(lc(idx.pos(text.len())), (2, 15, 18));
    }

    #[test]
    fn bom_is_not_a_column() {
        let text = "\u{feff}合计100\n甲";
        let idx = LineIndex::new(text);
        assert_eq!(lc(idx.pos(0)), (1, 1, 0));
        assert_eq!(lc(idx.pos(3)), (1, 1, 0));
        assert_eq!(lc(idx.pos(text.find('1').unwrap())), (1, 3, 2));
        assert_eq!(lc(idx.pos(text.find('甲').unwrap())), (2, 1, 6));
        let ex = idx.excerpt(0, 0);
        assert_eq!(ex.source, "合计100");
        assert_eq!(ex.map(3), 0);
    }

    #[test]
    fn crlf_is_dropped_from_excerpts() {
        let text = "a\r\nb合计\r\nc";
        let idx = LineIndex::new(text);
        let ex = idx.excerpt(0, 2);
        assert_eq!(ex.source, "a\nb合计\nc");
        assert_eq!(ex.first_line, 1);
        let at = text.find("合计").unwrap();
        assert_eq!(&ex.source[ex.map(at)..], "合计\nc");
        assert_eq!(ex.map(text.find('c').unwrap()), ex.source.len() - 1);
        assert_eq!(lc(idx.pos(text.find('c').unwrap())), (3, 1, 8));
    }

    #[test]
    fn bad_offsets_do_not_panic() {
        let text = "合计";
        let idx = LineIndex::new(text);
        let _ = idx.pos(1);
        let _ = idx.pos(1000);
        let ex = idx.excerpt(0, 5);
        assert_eq!(ex.map(1000), text.len());
        let empty = LineIndex::new("");
        assert_eq!(lc(empty.pos(3)), (1, 1, 0));
        assert_eq!(empty.excerpt(0, 0).source, "");
    }
}
