//! Real reports reach Gouji in many small variations of the same layout: a space before 万元
//! or none, full-width or half-width signs, page breaks (and page numbers) falling anywhere,
//! a blank line after every line, indents lost in a copy. Errors must not depend on them: a
//! rule that finds a slip in one variation and not in another, or a false error in one, binds
//! by accident of layout, and will do so on reports it has never seen.
//!
//! Every corpus text (`../shared/corpus`) is checked as it is and in each variation below;
//! the error-level findings, keyed by rule and stated figure, must be the same.

use gouji_core::{check, Options, Severity};
use std::collections::BTreeMap;
use std::path::Path;

/// `12.5万元` → `12.5 万元`, `3%` → `3 %`.
fn spaced_units(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut prev_digit = false;
    for (i, c) in text.char_indices() {
        let rest = &text[i..];
        if prev_digit && (rest.starts_with("万元") || rest.starts_with('元') || c == '%') {
            out.push(' ');
        }
        out.push(c);
        prev_digit = c.is_ascii_digit();
    }
    out
}

/// `%`, `(` and `)` in their full-width forms.
fn full_width(text: &str) -> String {
    text.replace('%', "％")
        .replace('(', "（")
        .replace(')', "）")
}

/// A line of prose, cut by the layout rather than ended.
fn runs_on(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() >= 18 && !t.contains("  ") && !t.contains('\t') && !t.ends_with('。')
}

/// A page break, with its page number, after every seventh line of prose that runs on.
fn page_breaks(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut seen = 0;
    for line in text.split_inclusive('\n') {
        out.push_str(line);
        if runs_on(line) && line.ends_with('\n') {
            seen += 1;
            if seen % 7 == 0 {
                out.push_str(&format!("\n                 - {} -\n\x0c", seen / 7 + 1));
            }
        }
    }
    out
}

/// A blank line after every line (wide line spacing kept by a copy).
fn double_spaced(text: &str) -> String {
    text.replace('\n', "\n\n")
}

/// Lines of prose without their indent (a web page's copy); table rows keep theirs.
fn dedented(text: &str) -> String {
    text.split_inclusive('\n')
        .map(|l| {
            let prose = !l.trim().contains("  ")
                && l.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            if prose {
                l.trim_start_matches([' ', '\u{3000}'])
            } else {
                l
            }
        })
        .collect()
}

/// The error-level findings of a text: (rule, stated figure without spaces or width) → count.
fn errors(text: &str) -> BTreeMap<(String, String), usize> {
    let mut out = BTreeMap::new();
    for f in check(text, &Options::default()).findings {
        if f.severity != Severity::Error {
            continue;
        }
        let stated: String = f
            .stated
            .unwrap_or_default()
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| match c {
                '％' => '%',
                '（' => '(',
                '）' => ')',
                c => c,
            })
            .collect();
        *out.entry((f.rule.to_string(), stated)).or_insert(0) += 1;
    }
    out
}

#[test]
fn errors_do_not_depend_on_the_layout_of_the_same_text() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    assert!(
        dir.is_dir(),
        "the development corpus is missing: {}",
        dir.display()
    );
    type Variation = (&'static str, fn(&str) -> String);
    let variations: [Variation; 5] = [
        ("space before units", spaced_units),
        ("full-width signs", full_width),
        ("page breaks", page_breaks),
        ("double spacing", double_spaced),
        ("indents lost", dedented),
    ];
    let mut differences = Vec::new();
    let mut files = 0;
    for shape in ["layout", "plain", "web"] {
        let mut names: Vec<_> = std::fs::read_dir(dir.join(shape))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        names.sort();
        for path in names {
            files += 1;
            let text = std::fs::read_to_string(&path).unwrap();
            let base = errors(&text);
            for (what, vary) in &variations {
                let varied = errors(&vary(&text));
                if varied == base {
                    continue;
                }
                let name = format!("{shape}/{}", path.file_name().unwrap().to_string_lossy());
                for (key, n) in &varied {
                    if base.get(key).copied().unwrap_or(0) < *n {
                        differences.push(format!("{name} ({what}): new error {key:?}"));
                    }
                }
                for (key, n) in &base {
                    if varied.get(key).copied().unwrap_or(0) < *n {
                        differences.push(format!("{name} ({what}): error gone {key:?}"));
                    }
                }
            }
        }
    }
    assert!(files > 0);
    assert!(
        differences.is_empty(),
        "errors that depend on the layout ({} of them):\n{}",
        differences.len(),
        differences.join("\n")
    );
}
