//! Many fixed strings found in one pass over a text.
//!
//! A rule that looks for dozens of fixed strings (`增加/减少`, `某部门`, `（如有）`…) used to
//! call `match_indices` once per string: dozens of passes over the whole text. [`find_all`]
//! reads the text once, looking each character up in a small filter of the strings' first
//! characters, and gives exactly what the separate searches gave: for each string its
//! non-overlapping matches, leftmost first (the `match_indices` semantics), all of them in
//! the order of a stable sort by start of the concatenated per-string lists.

/// Every match of every pattern in `text`, as `(start, pattern index)`, sorted by start and,
/// at one start, by pattern index. For each pattern alone the matches are those of
/// `text.match_indices(pattern)`. Empty patterns are ignored.
pub fn find_all(text: &str, patterns: &[&str]) -> Vec<(usize, usize)> {
    // Patterns grouped by their first character; a 1024-bit filter on that character's code
    // point lets most characters of the text through with one bit test.
    let mut filter = [0u64; 16];
    let mut firsts: Vec<(char, Vec<usize>)> = Vec::new();
    for (k, p) in patterns.iter().enumerate() {
        let Some(c) = p.chars().next() else {
            continue;
        };
        let h = c as usize & 1023;
        filter[h / 64] |= 1 << (h % 64);
        match firsts.iter_mut().find(|(f, _)| *f == c) {
            Some((_, v)) => v.push(k),
            None => firsts.push((c, vec![k])),
        }
    }
    // The end of each pattern's last match: its next match may not start before it.
    let mut next_free = vec![0usize; patterns.len()];
    let mut out = Vec::new();
    for (i, c) in text.char_indices() {
        let h = c as usize & 1023;
        if filter[h / 64] & (1 << (h % 64)) == 0 {
            continue;
        }
        let Some((_, ks)) = firsts.iter().find(|(f, _)| *f == c) else {
            continue;
        };
        let rest = &text.as_bytes()[i..];
        for &k in ks {
            if i >= next_free[k] && rest.starts_with(patterns[k].as_bytes()) {
                next_free[k] = i + patterns[k].len();
                out.push((i, k));
            }
        }
    }
    // Within one start the patterns were tried in index order: already sorted.
    out
}

#[cfg(test)]
mod tests {
    use super::find_all;

    /// The reference: one `match_indices` per pattern, concatenated, stably sorted by start.
    fn separate(text: &str, patterns: &[&str]) -> Vec<(usize, usize)> {
        let mut v: Vec<(usize, usize)> = patterns
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.is_empty())
            .flat_map(|(k, p)| text.match_indices(p).map(move |(i, _)| (i, k)))
            .collect();
        v.sort_by_key(|m| m.0);
        v
    }

    #[test]
    fn equals_separate_searches() {
        let patterns = [
            "XXX",
            "XX",
            "某某",
            "增加/减少",
            "0等",
            "（）",
            "（",
            "**",
            "*",
            "年月日",
            "",
            "aa",
            "a",
        ];
        for text in [
            "",
            "XXXXX某某某增加/减少0等（）（",
            "****** aaaa a XX年月日某部门",
            "增加/减少增加/减少XXXX某某某某（（））",
            "ß×XX×",
        ] {
            assert_eq!(
                find_all(text, &patterns),
                separate(text, &patterns),
                "{text}"
            );
        }
    }
}
