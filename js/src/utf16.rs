//! UTF-8 byte offsets → UTF-16 code-unit offsets, so that JavaScript can slice the string it
//! passed in: `text.slice(span16.start, span16.end)`.
//!
//! The map is built for a known set of offsets (every span of a report) in one pass over the
//! text, so converting all of a report's spans costs O(text + spans·log spans), never a rescan
//! of the text per span.

use gouji_core::Span;
use serde::Serialize;

/// A half-open range of UTF-16 code units: what `String.prototype.slice` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span16 {
    pub start: usize,
    pub end: usize,
}

/// UTF-16 offsets of a fixed, sorted set of UTF-8 byte offsets into one text.
#[derive(Debug, Clone, Default)]
pub struct Utf16Map {
    bytes: Vec<usize>,
    units: Vec<usize>,
}

/// UTF-16 code units in a run of UTF-8 bytes: one per character (every byte that is not a
/// continuation byte) plus one more per 4-byte character (a surrogate pair).
fn units_in(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum()
}

impl Utf16Map {
    /// Maps every offset in `offsets` (any order, duplicates fine). An offset inside a
    /// character counts that character as before it; offsets past the end map to the end.
    pub fn new(text: &str, offsets: impl IntoIterator<Item = usize>) -> Self {
        let mut bytes: Vec<usize> = offsets.into_iter().collect();
        bytes.sort_unstable();
        bytes.dedup();
        let data = text.as_bytes();
        let mut units = Vec::with_capacity(bytes.len());
        let (mut pos, mut count) = (0, 0);
        for &b in &bytes {
            let b = b.min(data.len());
            count += units_in(&data[pos..b]);
            pos = b;
            units.push(count);
        }
        Utf16Map { bytes, units }
    }

    /// A map for every start and end of `spans`.
    pub fn for_spans(text: &str, spans: impl IntoIterator<Item = Span>) -> Self {
        Self::new(text, spans.into_iter().flat_map(|s| [s.start, s.end]))
    }

    /// The UTF-16 offset of `byte`, which must be one of the offsets the map was built for.
    pub fn get(&self, byte: usize) -> Option<usize> {
        self.bytes.binary_search(&byte).ok().map(|i| self.units[i])
    }

    /// Both ends of `span` in UTF-16 code units.
    pub fn span(&self, span: Span) -> Option<Span16> {
        Some(Span16 {
            start: self.get(span.start)?,
            end: self.get(span.end)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The slow, obviously right answer.
    fn reference(text: &str, byte: usize) -> usize {
        text[..byte].encode_utf16().count()
    }

    #[test]
    fn ascii_cjk_and_astral_characters() {
        // 1-, 3- and 4-byte characters (𠀀 is outside the BMP: two UTF-16 units).
        let text = "ab 合计 12.5 万元 𠀀 增长 3% 😀!";
        let offsets: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let map = Utf16Map::new(text, offsets.iter().rev().copied());
        for &b in &offsets {
            assert_eq!(map.get(b), Some(reference(text, b)), "offset {b}");
        }
    }

    #[test]
    fn spans_slice_the_same_text_in_both_encodings() {
        let text = "一、收入\n😀 总计 1,000.00 万元，比上年增长 10%。";
        let start = text.find("总计").unwrap();
        let end = text.find("万元").unwrap() + "万元".len();
        let span = Span::new(start, end);
        let map = Utf16Map::for_spans(text, [span]);
        let s16 = map.span(span).unwrap();
        let units: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(
            String::from_utf16(&units[s16.start..s16.end]).unwrap(),
            &text[start..end]
        );
    }

    #[test]
    fn unknown_offsets_duplicates_and_the_end() {
        let text = "增长";
        let map = Utf16Map::new(text, [6, 0, 3, 3, 99]);
        assert_eq!(map.get(0), Some(0));
        assert_eq!(map.get(3), Some(1));
        assert_eq!(map.get(6), Some(2));
        assert_eq!(map.get(99), Some(2));
        assert_eq!(map.get(1), None);
        assert_eq!(Utf16Map::new("", []).get(0), None);
    }

    #[test]
    fn an_offset_inside_a_character_counts_that_character() {
        let text = "a增b";
        let map = Utf16Map::new(text, [2]);
        assert_eq!(map.get(2), Some(2));
    }
}
