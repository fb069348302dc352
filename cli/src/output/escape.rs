//! Text from a report or a file name made safe to print on a terminal.
//!
//! A report is untrusted input: an ESC (`\x1b[2J`), a C1 control (U+009B is a one-character
//! CSI), a lone carriage return or a bidi override (U+202E) in a label or a file name could
//! clear, rewrite or reorder what the reader sees. Wherever human-readable output (`text`,
//! `--summary`, standard error) shows such text, every one of these characters is written
//! as a Rust-style escape, `\u{1b}`, whatever `--color` says. Machine formats (JSON, JSONL,
//! SARIF, CSV) carry the text as it is, in their own quoting.

use std::borrow::Cow;

/// Characters shown escaped: C0 controls (tab and newline are kept in report text), DEL, C1
/// controls, and the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069);
/// also the noncharacters U+FDD0–U+FDEF, which the text format uses as markers of its own.
pub fn is_unsafe(c: char, keep_tab_newline: bool) -> bool {
    match c {
        '\t' | '\n' => !keep_tab_newline,
        '\0'..='\x1f' | '\x7f'..='\u{9f}' => true,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        '\u{fdd0}'..='\u{fdef}' => true,
        _ => false,
    }
}

/// `\u{1b}` for ESC, and so on.
pub fn push_escaped(out: &mut String, c: char) {
    use std::fmt::Write;
    let _ = write!(out, "\\u{{{:x}}}", c as u32);
}

fn escape_with(s: &str, keep_tab_newline: bool) -> Cow<'_, str> {
    if !s.chars().any(|c| is_unsafe(c, keep_tab_newline)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if is_unsafe(c, keep_tab_newline) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Report text (labels, messages, notes): tab and newline kept, every other control escaped.
pub fn text(s: &str) -> Cow<'_, str> {
    escape_with(s, true)
}

/// A file name: printed on one line, so tab and newline are escaped too.
pub fn name(s: &str) -> Cow<'_, str> {
    escape_with(s, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_are_escaped() {
        assert_eq!(
            text("a\x1b[2Jb\x07c\u{9b}d\u{202e}e\u{2066}f\x7f\r\t\n"),
            "a\\u{1b}[2Jb\\u{7}c\\u{9b}d\\u{202e}e\\u{2066}f\\u{7f}\\u{d}\t\n"
        );
        assert_eq!(name("a\tb\nc"), "a\\u{9}b\\u{a}c");
        assert!(matches!(text("合计100万元"), Cow::Borrowed(_)));
        // Neighbours of the ranges stay.
        assert_eq!(
            text("\u{a0}\u{2029}\u{202f}\u{206a}"),
            "\u{a0}\u{2029}\u{202f}\u{206a}"
        );
    }
}
