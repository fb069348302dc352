//! Byte offsets → lines and columns, as the CLI's diagnostics, CSV and SARIF and the web
//! app's CSV export count them.
//!
//! Columns and character offsets count Unicode scalar values (code points) of the text; a
//! leading byte-order mark is not counted. A line ends at `\n`, `\r\n` or a lone `\r` (old Mac
//! files). Spans are trusted only as far as they are in bounds: anything else is clamped,
//! never a panic.

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

/// Bytes between the checkpoints of the character count.
const CHUNK: usize = 1024;

pub struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset of each line's start.
    starts: Vec<usize>,
    /// For every `CHUNK` bytes, the first character boundary at or after it and the
    /// characters before that (the BOM counted): a column is counted from the nearest
    /// checkpoint, not from the start of a line that may be 10 MB long.
    checkpoints: Vec<(usize, usize)>,
    bom: usize,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        let mut checkpoints = Vec::with_capacity(text.len() / CHUNK + 1);
        let bom = usize::from(text.starts_with('\u{feff}'));
        let bytes = text.as_bytes();
        for (chars, (i, c)) in text.char_indices().enumerate() {
            if i >= checkpoints.len() * CHUNK {
                checkpoints.push((i, chars));
            }
            if c == '\n' || (c == '\r' && bytes.get(i + 1) != Some(&b'\n')) {
                starts.push(i + 1);
            }
        }
        LineIndex {
            text,
            starts,
            checkpoints,
            bom,
        }
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

    /// Byte range of a line's content: no `\n` or `\r`, no leading BOM.
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
        let before = self.chars_before(offset);
        Pos {
            line: line + 1,
            col: before - self.chars_before(start) + 1,
            char_offset: before.saturating_sub(self.bom),
        }
    }

    /// Characters before a character boundary (the BOM counted), from the nearest
    /// checkpoint: at most `CHUNK` bytes are counted.
    fn chars_before(&self, offset: usize) -> usize {
        let k = self
            .checkpoints
            .partition_point(|&(at, _)| at <= offset)
            .saturating_sub(1);
        match self.checkpoints.get(k) {
            Some(&(at, chars)) => chars + self.text[at..offset].chars().count(),
            None => 0,
        }
    }

    /// The text indexed.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// How many lines the text has (at least one).
    pub fn lines(&self) -> usize {
        self.starts.len()
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
        assert_eq!(idx.content(0), (3, 12));
    }

    #[test]
    fn a_line_ends_at_lf_crlf_or_a_lone_cr() {
        let text = "a\r\nb合计\rc\nd";
        let idx = LineIndex::new(text);
        assert_eq!(idx.lines(), 4);
        assert_eq!(lc(idx.pos(text.find('c').unwrap())), (3, 1, 7));
        assert_eq!(lc(idx.pos(text.find('d').unwrap())), (4, 1, 9));
        assert_eq!(idx.content(0), (0, 1));
    }

    #[test]
    fn positions_on_a_long_line_match_a_plain_count() {
        let text = format!("\u{feff}{}\n{}", "甲a".repeat(5000), "乙b".repeat(3000));
        let idx = LineIndex::new(&text);
        for (i, _) in text.char_indices().step_by(97) {
            let p = idx.pos(i);
            let line_start = text[..i].rfind('\n').map_or(3, |n| n + 1).min(i);
            let col = text[line_start..i].chars().count() + 1;
            let offset = text[..i].chars().count().saturating_sub(1);
            assert_eq!((p.col, p.char_offset), (col, offset), "at {i}");
        }
    }

    #[test]
    fn bad_offsets_do_not_panic() {
        let idx = LineIndex::new("合计");
        let _ = idx.pos(1);
        let _ = idx.pos(1000);
        assert_eq!(lc(LineIndex::new("").pos(3)), (1, 1, 0));
    }
}
