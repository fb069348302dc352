//! Splits the checked text into plain runs and `<mark>`ed runs, one mark per finding.
//!
//! Spans are UTF-8 byte offsets into the text. They may overlap or nest; a mark can hold
//! only one finding, so a finding whose span overlaps an earlier mark is not marked on its
//! own but points at the mark it overlaps. Spans that are empty, out of range or not on
//! char boundaries are never marked. Nothing here panics on any input.

use gouji_core::Span;

/// One run of the text, in order; together they cover the whole text exactly once.
#[derive(Debug, Clone, PartialEq, Eq)]
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
