//! Splits the checked text into plain runs and `<mark>`ed runs, one mark per finding.
//!
//! Spans are UTF-8 byte offsets into the text. They may overlap or nest; a mark can hold
//! only one finding, so a finding whose span overlaps an earlier mark is not marked on its
//! own but points at the mark it overlaps. Spans that are empty, out of range or not on
//! char boundaries are never marked. Nothing here panics on any input.

use gouji_core::Span;

/// One run of the text, in order; together they cover the whole text exactly once.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Segment {
    Plain(String),
    /// A marked run carrying the index (into `findings`) of the finding it belongs to.
    Mark {
        finding: usize,
        text: String,
    },
    /// A figure other findings refer to (a part of a sum, the other place of a restated
    /// figure): shown when one of `findings` is selected.
    Related {
        findings: Vec<usize>,
        text: String,
    },
}

/// The text cut into segments, and for every finding the mark that shows it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Highlight {
    pub segments: Vec<Segment>,
    /// `target[i]`: the finding index whose `<mark>` shows finding `i`, which is `i` itself
    /// when it has a mark of its own, another finding's when its span overlaps that mark,
    /// and `None` when its span is unusable.
    pub target: Vec<Option<usize>>,
}

impl Highlight {
    /// Whether finding `i` has a mark of its own.
    pub fn is_marked(&self, i: usize) -> bool {
        self.target.get(i) == Some(&Some(i))
    }
}

fn usable(text: &str, span: Span) -> bool {
    span.start < span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

/// Cuts `text` by the findings' spans (`spans[i]` is finding `i`'s span) and the figures
/// they refer to (`related`: span and the finding citing it).
pub fn highlight(text: &str, spans: &[Span], related: &[(Span, usize)]) -> Highlight {
    let mut order: Vec<usize> = (0..spans.len())
        .filter(|&i| usable(text, spans[i]))
        .collect();
    // By start; among equal starts the longer span first so that it contains the others.
    order.sort_by_key(|&i| (spans[i].start, std::cmp::Reverse(spans[i].end), i));

    let mut target = vec![None; spans.len()];
    let mut marks: Vec<usize> = Vec::new(); // finding indexes that get a mark, in text order
    for &i in &order {
        let span = spans[i];
        match marks.last() {
            Some(&last) if span.start < spans[last].end => target[i] = Some(last),
            _ => {
                marks.push(i);
                target[i] = Some(i);
            }
        }
    }

    // Related figures outside every mark, merged when several findings cite one figure.
    let mut refs: Vec<(Span, usize)> = related
        .iter()
        .copied()
        .filter(|&(span, f)| f < spans.len() && usable(text, span))
        .collect();
    refs.sort_by_key(|&(span, f)| (span.start, span.end, f));
    let overlaps_mark = |span: Span| {
        // Marks are disjoint and in text order: the last one starting before `span.end`.
        let k = marks.partition_point(|&m| spans[m].start < span.end);
        k > 0 && spans[marks[k - 1]].end > span.start
    };
    let mut related_runs: Vec<(Span, Vec<usize>)> = Vec::new();
    for (span, f) in refs {
        if overlaps_mark(span) {
            continue;
        }
        match related_runs.last_mut() {
            Some((last, owners)) if *last == span => {
                if !owners.contains(&f) {
                    owners.push(f);
                }
            }
            Some((last, _)) if span.start < last.end => {}
            _ => related_runs.push((span, vec![f])),
        }
    }

    let mut segments = Vec::with_capacity((marks.len() + related_runs.len()) * 2 + 1);
    let mut cursor = 0;
    let mut runs = related_runs.into_iter().peekable();
    for &i in &marks {
        let span = spans[i];
        while let Some((r, _)) = runs.peek() {
            if r.start >= span.start {
                break;
            }
            let (r, findings) = runs.next().expect("peeked");
            push_run(&mut segments, text, &mut cursor, r, |t| Segment::Related {
                findings,
                text: t,
            });
        }
        push_run(&mut segments, text, &mut cursor, span, |t| Segment::Mark {
            finding: i,
            text: t,
        });
    }
    for (r, findings) in runs {
        push_run(&mut segments, text, &mut cursor, r, |t| Segment::Related {
            findings,
            text: t,
        });
    }
    if cursor < text.len() {
        segments.push(Segment::Plain(text[cursor..].to_owned()));
    }
    Highlight { segments, target }
}

/// A run of whole lines of the marked text: the unit the text view renders, and renders only
/// when it comes near the screen (a 1 MB report is some 250 chunks of 4 KB).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunk {
    /// Stable while its content is: a hash of its segments (and of whatever else the caller
    /// adds, see [`chunked`]), and which of the chunks with that hash it is.
    pub key: (u64, u32),
    /// The UTF-8 byte offset of its first character in the text.
    pub start: usize,
    /// Its length in bytes.
    pub len: usize,
    /// The width of each of its lines in half-em units (a CJK or full-width character is two,
    /// anything else one), for the height it is given before it is rendered.
    pub line_widths: Vec<u32>,
    pub segments: Vec<Segment>,
}

impl Chunk {
    /// The finding indexes marked in it.
    pub fn marks(&self) -> impl Iterator<Item = usize> + '_ {
        self.segments.iter().filter_map(|s| match s {
            Segment::Mark { finding, .. } => Some(*finding),
            _ => None,
        })
    }

    /// The height it takes in rows of text when a row holds `cols_half` half-em units.
    pub fn rows(&self, cols_half: u32) -> u32 {
        let cols = cols_half.max(1);
        self.line_widths
            .iter()
            .map(|w| w.div_ceil(cols).max(1))
            .sum()
    }
}

/// Half-em units of a character: two for the wide ones (CJK, full-width forms), else one.
fn width(c: char) -> u32 {
    if matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
    {
        2
    } else {
        1
    }
}

/// Cuts the segments into chunks of whole lines of at least `target` bytes each (the last may
/// be shorter); a chunk ends only at a line end outside a marked run. `salt(segment)` is
/// hashed into the key of the chunk holding `segment` (e.g. the severity and message of a
/// mark's finding), so that a chunk whose look changed gets a new key.
pub fn chunked(
    segments: Vec<Segment>,
    target: usize,
    salt: impl Fn(&Segment, &mut std::collections::hash_map::DefaultHasher),
) -> Vec<Chunk> {
    use std::hash::{Hash, Hasher};

    struct Open {
        start: usize,
        len: usize,
        widths: Vec<u32>,
        line: u32,
        segments: Vec<Segment>,
    }
    let mut chunks: Vec<Chunk> = Vec::new();
    let mut seen: std::collections::HashMap<u64, u32> = std::collections::HashMap::new();
    let mut open = Open {
        start: 0,
        len: 0,
        widths: Vec::new(),
        line: 0,
        segments: Vec::new(),
    };
    let mut close = |open: &mut Open, chunks: &mut Vec<Chunk>| {
        if open.segments.is_empty() {
            return;
        }
        if open.line > 0 {
            open.widths.push(open.line);
        }
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for s in &open.segments {
            s.hash(&mut h);
            salt(s, &mut h);
        }
        let hash = h.finish();
        let nth = seen.entry(hash).or_default();
        chunks.push(Chunk {
            key: (hash, *nth),
            start: open.start,
            len: open.len,
            line_widths: std::mem::take(&mut open.widths),
            segments: std::mem::take(&mut open.segments),
        });
        *nth += 1;
        open.start += open.len;
        open.len = 0;
        open.line = 0;
    };
    let measure = |open: &mut Open, t: &str| {
        for c in t.chars() {
            if c == '\n' {
                open.widths.push(open.line);
                open.line = 0;
            } else {
                open.line += width(c);
            }
        }
        open.len += t.len();
    };
    for seg in segments {
        match seg {
            Segment::Plain(t) => {
                for piece in t.split_inclusive('\n') {
                    measure(&mut open, piece);
                    match open.segments.last_mut() {
                        Some(Segment::Plain(p)) => p.push_str(piece),
                        _ => open.segments.push(Segment::Plain(piece.to_owned())),
                    }
                    if piece.ends_with('\n') && open.len >= target {
                        close(&mut open, &mut chunks);
                    }
                }
            }
            Segment::Mark { ref text, .. } | Segment::Related { ref text, .. } => {
                measure(&mut open, text);
                open.segments.push(seg);
            }
        }
    }
    close(&mut open, &mut chunks);
    chunks
}

/// Appends the plain text up to `span`, then the run itself.
fn push_run(
    segments: &mut Vec<Segment>,
    text: &str,
    cursor: &mut usize,
    span: Span,
    make: impl FnOnce(String) -> Segment,
) {
    if span.start > *cursor {
        segments.push(Segment::Plain(text[*cursor..span.start].to_owned()));
    }
    segments.push(make(text[span.start..span.end].to_owned()));
    *cursor = span.end;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(h: &Highlight) -> String {
        h.segments
            .iter()
            .map(|s| match s {
                Segment::Plain(t)
                | Segment::Mark { text: t, .. }
                | Segment::Related { text: t, .. } => t.as_str(),
            })
            .collect()
    }

    #[test]
    fn no_findings_is_one_plain_run() {
        let h = highlight("总支出100元", &[], &[]);
        assert_eq!(h.segments, vec![Segment::Plain("总支出100元".into())]);
        assert!(highlight("", &[], &[]).segments.is_empty());
    }

    #[test]
    fn marks_by_utf8_byte_offsets() {
        let text = "合计为31538486.48元。";
        let start = text.find('3').unwrap();
        let end = start + "31538486.48".len();
        let h = highlight(text, &[Span::new(start, end)], &[]);
        assert_eq!(
            h.segments,
            vec![
                Segment::Plain("合计为".into()),
                Segment::Mark {
                    finding: 0,
                    text: "31538486.48".into()
                },
                Segment::Plain("元。".into()),
            ]
        );
        assert!(h.is_marked(0));
        assert_eq!(joined(&h), text);
    }

    #[test]
    fn overlapping_and_nested_spans_point_at_the_covering_mark() {
        let text = "abcdefghij";
        // 0: [2,6), 1: [4,8) overlaps 0, 2: [3,5) nested in 0, 3: [8,9) after, 4: [0,10) found later but covers all
        let spans = [
            Span::new(2, 6),
            Span::new(4, 8),
            Span::new(3, 5),
            Span::new(8, 9),
            Span::new(0, 10),
        ];
        let h = highlight(text, &spans, &[]);
        assert_eq!(joined(&h), text);
        // The widest span starting first wins; everything inside points at it.
        assert_eq!(h.target, vec![Some(4), Some(4), Some(4), Some(4), Some(4)]);
        assert_eq!(h.segments.len(), 1);
    }

    #[test]
    fn adjacent_spans_both_marked() {
        let h = highlight("abcdef", &[Span::new(0, 3), Span::new(3, 6)], &[]);
        assert_eq!(h.target, vec![Some(0), Some(1)]);
        assert_eq!(joined(&h), "abcdef");
    }

    #[test]
    fn related_figures_outside_marks_get_runs_of_their_own() {
        let text = "合计100元：甲60元，乙50元。";
        let at = |s: &str| {
            let i = text.find(s).unwrap();
            Span::new(i, i + s.len())
        };
        // Finding 0 marks the total; it and finding 1 cite 60元; 100元 itself is no run.
        let related = [
            (at("60元"), 0),
            (at("50元"), 0),
            (at("60元"), 1),
            (at("100元"), 1),
        ];
        let h = highlight(text, &[at("100元"), at("50元")], &related);
        assert_eq!(joined(&h), text);
        let runs: Vec<(&str, &Vec<usize>)> = h
            .segments
            .iter()
            .filter_map(|s| match s {
                Segment::Related { findings, text } => Some((text.as_str(), findings)),
                _ => None,
            })
            .collect();
        assert_eq!(runs, [("60元", &vec![0, 1])]);
    }

    #[test]
    fn chunks_are_whole_lines_that_cover_the_text() {
        let line = "合计100元：甲60元，乙40元。\n";
        let text = line.repeat(50);
        let spans: Vec<Span> = (0..50)
            .map(|i| {
                let at = i * line.len() + line.find('1').unwrap();
                Span::new(at, at + "100元".len())
            })
            .collect();
        let h = highlight(&text, &spans, &[]);
        let chunks = chunked(h.segments, 200, |_, _| ());
        assert!(chunks.len() > 5, "{}", chunks.len());
        let mut at = 0;
        let mut joined = String::new();
        for c in &chunks {
            assert_eq!(c.start, at);
            at += c.len;
            let t: String = c
                .segments
                .iter()
                .map(|s| match s {
                    Segment::Plain(t)
                    | Segment::Mark { text: t, .. }
                    | Segment::Related { text: t, .. } => t.as_str(),
                })
                .collect();
            assert_eq!(t.len(), c.len);
            assert!(t.ends_with('\n'));
            assert_eq!(c.line_widths.len(), t.matches('\n').count());
            joined.push_str(&t);
        }
        assert_eq!(joined, text);
        // 10 wide characters and 7 narrow ones a line; a row of 10 em holds 20 half-ems.
        assert_eq!(chunks[0].line_widths[0], 10 * 2 + 7);
        assert_eq!(chunks[0].rows(20), 2 * chunks[0].line_widths.len() as u32);
        // Equal chunks get keys of their own; the marks say which findings they show.
        let keys: std::collections::HashSet<_> = chunks.iter().map(|c| c.key).collect();
        assert_eq!(keys.len(), chunks.len());
        assert_eq!(chunks.iter().map(|c| c.marks().count()).sum::<usize>(), 50);
    }

    #[test]
    fn a_chunk_key_changes_with_its_content_only() {
        let a = "第一行\n第二行\n".repeat(40);
        let b = format!("{a}新增一行\n");
        let ka: Vec<_> = chunked(highlight(&a, &[], &[]).segments, 100, |_, _| ())
            .iter()
            .map(|c| c.key)
            .collect();
        let kb: Vec<_> = chunked(highlight(&b, &[], &[]).segments, 100, |_, _| ())
            .iter()
            .map(|c| c.key)
            .collect();
        // Text added at the end changes the last chunk only.
        assert_eq!(ka[..ka.len() - 1], kb[..ka.len() - 1]);
        assert!(chunked(Vec::new(), 100, |_, _| ()).is_empty());
        // A text without a line end is one chunk.
        let one = chunked(highlight("甲乙丙", &[], &[]).segments, 1, |_, _| ());
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].line_widths, vec![6]);
    }

    #[test]
    fn unusable_spans_are_skipped_without_panicking() {
        let text = "总计"; // 6 bytes, char boundaries at 0, 3, 6
        let spans = [
            Span::new(1, 3),  // not a char boundary
            Span::new(3, 99), // past the end
            Span::new(3, 3),  // empty
            Span::new(5, 2),  // reversed
            Span::new(3, 6),  // fine
        ];
        let h = highlight(text, &spans, &[]);
        assert_eq!(h.target, vec![None, None, None, None, Some(4)]);
        assert_eq!(joined(&h), text);
    }
}
