//! What marks a page of a PDF's text: the page-number lines between pages. Shared by the
//! normaliser (a figure and its unit split by a page turn) and the segmenter (a sentence
//! going on over one).

/// A bare number of one to three digits on its own line.
pub fn is_bare_page_number(line: &str) -> bool {
    let t = line.trim();
    (1..=3).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
}

/// A page number on its own line: `- 12 -`, `— 7 —`, `-8-`, `第 3 页`, `3/40`.
pub fn is_page_number(line: &str) -> bool {
    // Short by nature: most lines are rejected before anything is built.
    if line.len() > 32 || !line.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let core = t.trim_matches(['-', '—', '–', '－']);
    let dashed = core.len() < t.len();
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    (dashed && digits(core))
        || t.strip_prefix('第')
            .and_then(|r| r.strip_suffix('页'))
            .is_some_and(digits)
        || t.split_once('/')
            .is_some_and(|(a, b)| digits(a) && digits(b))
}
