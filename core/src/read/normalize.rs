//! Stage 1: normalise the pasted text while keeping a map back to the original bytes.
//!
//! Reports arrive with full-width digits (`３７.４`), full-width punctuation (`％`, `．`),
//! spaces inside figures (`37.4 %`, `863.97 万元`), Windows line ends and stray invisible
//! characters. Later stages read only the normalised text; every span they produce is mapped
//! back through [`Normalized::to_original`], so findings always point into the user's text.
//!
//! Linear: one pass over the characters, constant work per character (a line break after a
//! figure looks at most five lines ahead for its unit).

use super::page::{is_bare_page_number, is_page_number};

/// The normalised text and, for each of its characters, the byte range in the original text
/// of the character that produced it.
///
/// The map is kept as runs, not per byte: most characters are copied unchanged, so a run of
/// them maps by one offset (a run starts where a character was dropped or changed length);
/// a character that changed length (`３` → `3`, `\r\n` → `\n`, `(` → `（`) is a run of its
/// own with its original range. A long report needs a few bytes of map per kilobyte of text
/// instead of eight bytes per byte (issue 16: the per-byte map was half the memory of a
/// check).
#[derive(Debug, Clone)]
pub struct Normalized {
    pub text: String,
    /// Sorted by `norm`, the first at 0 when the text is not empty.
    runs: Vec<Run>,
    /// The run the last look-up landed in: callers mostly ask in text order, so the next
    /// look-up is usually in it or the one after, and needs no binary search.
    hint: Hint,
    original_len: usize,
    /// The per-byte map the runs replace, kept in unit tests to check them against.
    #[cfg(test)]
    dense: (Vec<u32>, Vec<u32>),
}

/// From normalised byte `norm` on, characters map to the original from byte `orig` on: one
/// for one (`orig_end == COPIED`: the character at normalised byte `norm + k` began at original
/// byte `orig + k`, and is as long there), or this one character came from `orig..orig_end`.
#[derive(Debug, Clone, Copy)]
struct Run {
    norm: u32,
    orig: u32,
    orig_end: u32,
}

const COPIED: u32 = u32::MAX;

/// A run index remembered between look-ups; atomic (relaxed) so that a document can still be
/// shared between threads. Only a starting guess: a wrong one costs a binary search.
#[derive(Debug, Default)]
struct Hint(std::sync::atomic::AtomicUsize);

impl Hint {
    fn get(&self) -> usize {
        self.0.load(std::sync::atomic::Ordering::Relaxed)
    }
    fn set(&self, k: usize) {
        self.0.store(k, std::sync::atomic::Ordering::Relaxed);
    }
}

impl Clone for Hint {
    fn clone(&self) -> Self {
        Hint(self.get().into())
    }
}

impl Normalized {
    fn new(original_len: usize) -> Self {
        Normalized {
            text: String::with_capacity(original_len),
            runs: Vec::new(),
            hint: Hint::default(),
            original_len,
            #[cfg(test)]
            dense: (Vec::new(), Vec::new()),
        }
    }

    /// Appends `c`, which came from the original bytes `a..b`.
    fn push(&mut self, c: char, a: usize, b: usize) {
        let at = self.text.len();
        self.text.push(c);
        #[cfg(test)]
        for _ in at..self.text.len() {
            self.dense.0.push(a as u32);
            self.dense.1.push(b as u32);
        }
        if b - a == c.len_utf8() {
            let continues = self.runs.last().is_some_and(|r| {
                r.orig_end == COPIED && r.orig as usize + (at - r.norm as usize) == a
            });
            if !continues {
                self.runs.push(Run {
                    norm: at as u32,
                    orig: a as u32,
                    orig_end: COPIED,
                });
            }
        } else {
            self.runs.push(Run {
                norm: at as u32,
                orig: a as u32,
                orig_end: b as u32,
            });
        }
    }

    /// The original byte range of the character covering normalised byte `i` (< text length).
    fn char_at(&self, i: usize) -> (usize, usize) {
        let r = self.runs[self.run_index(i)];
        if r.orig_end != COPIED {
            return (r.orig as usize, r.orig_end as usize);
        }
        let mut start = i;
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        let len = self.text[start..].chars().next().map_or(1, char::len_utf8);
        let a = r.orig as usize + (start - r.norm as usize);
        (a, a + len)
    }

    /// Index of the run covering normalised byte `i`: the last run starting at or before it.
    fn run_index(&self, i: usize) -> usize {
        let covers = |k: usize| {
            self.runs.get(k).is_some_and(|r| r.norm as usize <= i)
                && self.runs.get(k + 1).is_none_or(|r| r.norm as usize > i)
        };
        let h = self.hint.get();
        let k = if covers(h) {
            h
        } else if covers(h + 1) {
            h + 1
        } else {
            self.runs.partition_point(|r| r.norm as usize <= i) - 1
        };
        self.hint.set(k);
        k
    }

    /// Removes the given byte ranges (sorted, disjoint, on char boundaries) from the text and
    /// its map; what is left still maps back to the original. Linear in the text's length.
    pub fn remove(&mut self, cuts: &[std::ops::Range<usize>]) {
        if cuts.is_empty() {
            return;
        }
        #[cfg(test)]
        {
            let mut kept = 0;
            let mut pos = 0;
            for c in cuts
                .iter()
                .chain(std::iter::once(&(self.text.len()..self.text.len())))
            {
                self.dense.0.copy_within(pos..c.start, kept);
                self.dense.1.copy_within(pos..c.start, kept);
                kept += c.start - pos;
                pos = c.end;
            }
            self.dense.0.truncate(kept);
            self.dense.1.truncate(kept);
        }
        let mut text = String::with_capacity(self.text.len());
        let mut runs: Vec<Run> = Vec::with_capacity(self.runs.len() + cuts.len());
        let mut pos = 0;
        let mut r = 0;
        for c in cuts
            .iter()
            .chain(std::iter::once(&(self.text.len()..self.text.len())))
        {
            // The kept bytes `pos..c.start` move to `text.len()`: the runs that cover them
            // follow, the first one starting at `pos` if it started before.
            let shift = |n: usize| (text.len() + n - pos) as u32;
            while r + 1 < self.runs.len() && self.runs[r + 1].norm as usize <= pos {
                r += 1;
            }
            if pos < c.start {
                let first = self.runs[r];
                let skipped = pos - first.norm as usize;
                runs.push(Run {
                    norm: shift(pos),
                    orig: if first.orig_end == COPIED {
                        first.orig + skipped as u32
                    } else {
                        first.orig
                    },
                    orig_end: first.orig_end,
                });
                while r + 1 < self.runs.len() && (self.runs[r + 1].norm as usize) < c.start {
                    r += 1;
                    let run = self.runs[r];
                    runs.push(Run {
                        norm: shift(run.norm as usize),
                        ..run
                    });
                }
            }
            text.push_str(&self.text[pos..c.start]);
            pos = c.end;
        }
        self.runs = runs;
        self.hint = Hint::default();
        self.text = text;
    }

    /// Maps a normalised byte range to the original byte range it came from.
    pub fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        let len = self.text.len();
        let s = if start < len {
            self.char_at(start).0
        } else {
            self.original_len
        };
        let e = if end == 0 {
            s
        } else if end - 1 < len {
            self.char_at(end - 1).1
        } else {
            self.original_len
        };
        (s, e.max(s))
    }
}

fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200A}' | '\u{202F}'
    )
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{FEFF}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{00AD}'
    )
}

/// The canonical form of one character, or `None` to drop it.
fn canonical(c: char) -> Option<char> {
    Some(match c {
        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
        '．' => '.',
        '％' => '%',
        '(' => '（',
        ')' => '）',
        ':' => '：',
        ';' => '；',
        '﹪' => '%',
        c if is_invisible(c) => return None,
        c => c,
    })
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Exactly three digits, then no digit: what follows a thousands separator.
fn thousands_group_follows(rest: &str) -> bool {
    let mut cs = rest.chars();
    cs.by_ref().take(3).filter(|&c| is_digit(c)).count() == 3 && !cs.next().is_some_and(is_digit)
}

/// After a line break that follows a figure: where its unit starts, when a money or percent
/// unit, or a count unit standing alone, comes next once spaces and at most one more line
/// break are skipped, or once a page turn is (a page-number line and the next page's form
/// feed: `72055.19` / `30` / `\f万元`). A page number needs the form feed: without it, a
/// line of its own digits may be a figure.
fn unit_after_break(rest: &str) -> Option<usize> {
    rest_of_unit_after_break(rest, |s| {
        s.starts_with(['万', '元', '亿', '%', '％']) || count_unit_alone(s)
    })
}

/// As [`unit_after_break`], for the rest of a unit begun before the break (`10.86万` /
/// `18` / `\f元，…`): where `is_unit` holds.
fn rest_of_unit_after_break(rest: &str, is_unit: impl Fn(&str) -> bool) -> Option<usize> {
    let mut offset = 0;
    let mut page_numbers = 0;
    let mut form_feed = false;
    for (breaks, line) in rest.split_inclusive('\n').take(5).enumerate() {
        let body = line.trim_end_matches(['\n', '\r']);
        let content = body.trim_start_matches(|c: char| is_space(c) || c == '\u{c}');
        form_feed |= body[..body.len() - content.len()].contains('\u{c}');
        let text = content.trim_end_matches(is_space);
        if !text.is_empty() {
            if is_unit(text) && (breaks <= 1 && page_numbers == 0 || page_numbers == 1 && form_feed)
            {
                return Some(offset + (body.len() - content.len()));
            }
            if page_numbers > 0 || !(is_page_number(text) || is_bare_page_number(text)) {
                return None;
            }
            page_numbers += 1;
        }
        offset += line.len();
    }
    None
}

/// A count unit standing alone at the start of a line (`人，` after `行政编制115`), not the
/// start of a word (`人员经费`).
fn count_unit_alone(line: &str) -> bool {
    let mut cs = line.chars();
    matches!(
        cs.next(),
        Some('人' | '名' | '个' | '辆' | '台' | '家' | '户' | '件' | '套' | '批')
    ) && cs.next().is_none_or(|c| "，。；、）,;)\n：".contains(c))
}

/// Exactly three digits, a decimal point and a digit: what follows `，` in `1，799.35` (or,
/// typed full width, `１，７９９．３５`).
fn full_width_group_follows(rest: &str) -> bool {
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let head: Vec<char> = rest.chars().take(5).collect();
    head.len() == 5
        && head[..3].iter().all(|&c| digit(c))
        && matches!(head[3], '.' | '．')
        && digit(head[4])
}

/// Normalises `original`. Spaces are dropped except a single one between two ASCII digits
/// (so that `1 2` does not become `12`); `\r\n` and lone `\r` become `\n`.
pub fn normalize(original: &str) -> Normalized {
    let mut out = Normalized::new(original.len());
    let mut chars = original.char_indices().peekable();
    // A space run seen after a digit, kept pending until we know whether a digit follows.
    let mut pending_space: Option<(usize, usize)> = None;
    // The integer digits just written: how many since the number began or since the last
    // thousands separator dropped, whether one was dropped, whether they follow a `.`.
    let mut group = 0usize;
    let mut grouped = false;
    let mut after_point = false;
    while let Some((i, c)) = chars.next() {
        let end = i + c.len_utf8();
        // Thousands separators are dropped (`31,538,486.48` → `31538486.48`), so that a figure
        // reads the same with or without them: a `,` inside a figure would otherwise end the
        // clause before it (`完成预算20,000.00元的98.27%` lost its claim; found by the property
        // tests). Same rule as the scanner: a head of 1–3 digits, then groups of exactly three.
        if c == ','
            && pending_space.is_none()
            && !after_point
            && (if grouped {
                group == 3
            } else {
                (1..=3).contains(&group)
            })
            && thousands_group_follows(&original[end..])
        {
            grouped = true;
            group = 0;
            continue;
        }
        // A full-width comma used as a thousands separator (`1，799.35万元`): only in the
        // strict form of one head of 1–3 digits, three digits and a decimal point, since
        // `，` otherwise separates list items (`5，100`).
        if c == '，'
            && pending_space.is_none()
            && !after_point
            && !grouped
            && (1..=3).contains(&group)
            && full_width_group_follows(&original[end..])
        {
            grouped = true;
            group = 0;
            continue;
        }
        if is_space(c) {
            if out.text.as_bytes().last().is_some_and(u8::is_ascii_digit) && pending_space.is_none()
            {
                pending_space = Some((i, end));
            }
            continue;
        }
        let c = if c == '\r' {
            if chars.peek().is_some_and(|&(_, n)| n == '\n') {
                continue;
            }
            '\n'
        } else {
            c
        };
        // A hard wrap between a figure and its unit (`4322.77\n万元`, also across the blank
        // line of double-spaced text) is not a break.
        if c == '\n' && out.text.as_bytes().last().is_some_and(u8::is_ascii_digit) {
            if let Some(unit) = unit_after_break(&original[end..]) {
                while chars.next_if(|&(j, _)| j < end + unit).is_some() {}
                continue;
            }
        }
        // So is one inside the unit (`10.86万` / page number / `\f元`).
        if c == '\n' && {
            let mut back = out.text.chars().rev();
            matches!(back.next(), Some('万' | '亿'))
                && back.next().is_some_and(|d| d.is_ascii_digit())
        } {
            if let Some(unit) = rest_of_unit_after_break(&original[end..], |s| s.starts_with('元'))
            {
                while chars.next_if(|&(j, _)| j < end + unit).is_some() {}
                continue;
            }
        }
        // A `,` that is no thousands separator and stands between words separates clauses
        // (`行政89人,事业291人`); between two digits (`1,20201`) it is kept as written.
        let c = if c == ','
            && !(out.text.as_bytes().last().is_some_and(u8::is_ascii_digit)
                && original[end..].starts_with(|n: char| n.is_ascii_digit()))
        {
            '，'
        } else {
            c
        };
        let Some(c) = canonical(c) else { continue };
        if let Some((ps, pe)) = pending_space.take() {
            if c.is_ascii_digit() {
                out.push(' ', ps, pe);
                // A new number begins after the space (`1,295,897.69  1,101,406.11`): its
                // thousands separators are judged on their own.
                (group, grouped, after_point) = (0, false, false);
            }
        }
        if c.is_ascii_digit() {
            if group == 0 && !grouped {
                after_point = out.text.ends_with('.');
            }
            group += 1;
        } else {
            (group, grouped, after_point) = (0, false, false);
        }
        out.push(c, i, end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn back<'a>(n: &Normalized, orig: &'a str, needle: &str) -> &'a str {
        let s = n.text.find(needle).unwrap();
        let (a, b) = n.to_original(s, s + needle.len());
        &orig[a..b]
    }

    #[test]
    fn each_number_of_a_laid_out_row_drops_its_own_separators() {
        assert_eq!(
            normalize("公立医院   1,295,897.69   1,101,406.11").text,
            "公立医院1295897.69 1101406.11"
        );
    }

    #[test]
    fn a_full_width_comma_between_digit_groups_is_a_separator_only_before_decimals() {
        assert_eq!(normalize("支出1，799.35万元").text, "支出1799.35万元");
        assert_eq!(
            normalize("收入１，２５６．８０万元").text,
            "收入1256.80万元"
        );
        assert_eq!(normalize("分别为５，１００．").text, "分别为5，100.");
        assert_eq!(normalize("分别为5，100人").text, "分别为5，100人");
        assert_eq!(normalize("12.5，100.25").text, "12.5，100.25");
    }

    #[test]
    fn full_width_digits_and_percent_map_back() {
        let orig = "增长３７．４ ％，";
        let n = normalize(orig);
        assert_eq!(n.text, "增长37.4%，");
        assert_eq!(back(&n, orig, "37.4%"), "３７．４ ％");
    }

    #[test]
    fn spaces_inside_figures_are_dropped_but_not_between_digits() {
        let n = normalize("支出 863.97 万元，1 2");
        assert_eq!(n.text, "支出863.97万元，1 2");
    }

    #[test]
    fn crlf_and_bom() {
        let orig = "\u{FEFF}一\r\n二\r三";
        let n = normalize(orig);
        assert_eq!(n.text, "一\n二\n三");
        assert_eq!(back(&n, orig, "二"), "二");
    }

    #[test]
    fn hard_wrap_inside_a_figure() {
        assert_eq!(normalize("增加 4322.77\n万元，").text, "增加4322.77万元，");
        assert_eq!(normalize("合计1\n二、").text, "合计1\n二、");
    }

    #[test]
    fn a_page_turn_between_a_figure_and_its_unit() {
        // The page's number and the next page's form feed stand between them.
        let orig = "其他收入 72055.19 \n                    30\n\u{c}万元，占4.14%";
        let n = normalize(orig);
        assert_eq!(n.text, "其他收入72055.19万元，占4.14%");
        assert_eq!(
            back(&n, orig, "72055.19万元"),
            "72055.19 \n                    30\n\u{c}万元"
        );
        assert_eq!(
            normalize("减少146.30\n\u{c}万元，").text,
            "减少146.30万元，"
        );
        assert_eq!(
            normalize("减少146.30\n  - 30 -\n\u{c}万元").text,
            "减少146.30万元"
        );
        // Without the form feed a line of digits may be a figure of its own; two page
        // numbers or a second line of text are not a page turn.
        assert_eq!(normalize("12.5\n30\n万元").text, "12.5\n30万元");
        assert!(!normalize("12.5\n30\n31\n\u{c}万元")
            .text
            .contains("12.5万元"));
        assert_eq!(normalize("12.5\n二\n\u{c}万元").text, "12.5\n二\n\u{c}万元");
    }

    #[test]
    fn thousands_separators_are_dropped() {
        let orig =
            "支出31,538,486.48元，1,234万元，１,２３４元，0.123,456，1234,567，12,34，1,2345";
        let n = normalize(orig);
        assert_eq!(
            n.text,
            "支出31538486.48元，1234万元，1234元，0.123,456，1234,567，12,34，1,2345"
        );
        assert_eq!(back(&n, orig, "31538486.48元"), "31,538,486.48元");
    }

    /// The runs give what the per-byte map gave, for every byte range, also after cuts.
    fn assert_runs_match_dense(n: &Normalized) {
        let len = n.text.len();
        let dense = |start: usize, end: usize| {
            let s = n.dense.0.get(start).map_or(n.original_len, |&s| s as usize);
            let e = if end == 0 {
                s
            } else {
                n.dense
                    .1
                    .get(end - 1)
                    .map_or(n.original_len, |&e| e as usize)
            };
            (s, e.max(s))
        };
        for i in 0..=len + 1 {
            for j in [0, i.saturating_sub(1), i, i + 1, i + 3, len, len + 1] {
                assert_eq!(n.to_original(i, j), dense(i, j), "{i}..{j} in {:?}", n.text);
            }
        }
    }

    #[test]
    fn runs_map_as_the_per_byte_map_did() {
        let texts = [
            "",
            "增长３７．４ ％，",
            "\u{FEFF}一\r\n二\r三",
            "支出31,538,486.48元，1,234万元，１,２３４元，0.123,456，1234,567，12,34，1,2345",
            "公立医院   1,295,897.69   1,101,406.11\r\n(一)行政89人,事业291人:共1 2",
            "增加 4322.77\n万元，合计1\n二、\u{200B}\u{3000}a\u{00A0}b",
            "其他收入 72055.19 \n   30\n\u{c}万元，减少1.5\n\u{c}%",
            include_str!("../../../tests/fixtures/samples/renhe-2020-final-accounts.txt"),
        ];
        for t in texts {
            let t = &t[..crate::read::document::floor_char(t, 40_000)];
            let mut n = normalize(t);
            assert_runs_match_dense(&n);
            // Cuts of every kind: single characters, runs, at the start and the end.
            let mut cuts: Vec<std::ops::Range<usize>> = Vec::new();
            let mut k = 0;
            for (i, c) in n.text.char_indices() {
                k += 1;
                if k % 7 == 0 || k % 11 == 0 || i == 0 {
                    let end = i + c.len_utf8();
                    match cuts.last_mut() {
                        Some(last) if last.end == i => last.end = end,
                        _ => cuts.push(i..end),
                    }
                }
            }
            n.remove(&cuts);
            assert_runs_match_dense(&n);
            let all: Vec<_> = std::iter::once(0..n.text.len()).collect();
            n.remove(&all);
            assert_runs_match_dense(&n);
        }
    }

    proptest::proptest! {
        /// Any mix of the characters normalisation changes, drops or keeps, cut anywhere.
        #[test]
        fn runs_map_as_the_per_byte_map_did_on_any_mix(
            picks in proptest::collection::vec(0usize..26, 0..80),
            every in 2usize..9,
        ) {
            const PIECES: [&str; 26] = [
                "1", "2", "0", ".", ",", "，", " ", "\u{3000}", "\r", "\n", "\r\n", "万元", "%",
                "％", "３", "．", "(", ")", ":", ";", "\u{FEFF}", "\u{200B}", "合计", "a", "人", "\u{c}",
            ];
            let t: String = picks.iter().map(|&i| PIECES[i]).collect();
            let mut n = normalize(&t);
            assert_runs_match_dense(&n);
            let cuts: Vec<std::ops::Range<usize>> = n
                .text
                .char_indices()
                .enumerate()
                .filter(|(k, _)| k % every == 1)
                .map(|(_, (i, c))| i..i + c.len_utf8())
                .collect();
            n.remove(&cuts);
            assert_runs_match_dense(&n);
        }
    }

    #[test]
    fn empty_and_out_of_range() {
        let n = normalize("");
        assert_eq!(n.to_original(0, 0), (0, 0));
    }
}
