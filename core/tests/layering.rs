//! The pipeline runs one way: read → claims → check → report. This test reads the sources of
//! `core/src` and fails when a file reaches against the flow:
//! - nothing under `read/` uses `claims` or `check`;
//! - nothing under `claims/` uses `check`;
//! - no rule (a file of `check/` other than `mod.rs` and the kit) uses another rule: what
//!   rules share lives in `check/kit`, which uses no rule either.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// The first two segments of every path that starts with `prefix` (`crate`, `super`), with
/// one level of braces expanded: `use crate::{a::b, c}` gives `[a, b]` and `[c]`.
fn paths(src: &str, prefix: &str) -> Vec<Vec<String>> {
    let code: String = src
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    // `a::b…` → [a, b]; `a` → [a]; `{…}` → `None` (expanded by the caller).
    let segments = |s: &str| -> Vec<String> {
        let first = ident(s);
        let rest = &s[first.len()..];
        match rest.strip_prefix("::").map(ident) {
            Some(second) if !second.is_empty() => vec![first, second],
            _ => vec![first],
        }
    };
    let needle = format!("{prefix}::");
    let mut out = Vec::new();
    for (at, _) in code.match_indices(&needle) {
        // `foo_crate::x` or `self.super::x` are not ours.
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = &code[at + needle.len()..];
        if let Some(inner) = rest.strip_prefix('{') {
            let mut depth = 0usize;
            let mut item = String::new();
            for c in inner.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.push(segments(item.trim()));
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                item.push(c);
            }
            if !item.trim().is_empty() {
                out.push(segments(item.trim()));
            }
        } else {
            out.push(segments(rest));
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("readable source folder") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// What `file` (relative to `core/src`, with `/`) may not reach, given the rules' names.
fn violations(file: &str, src: &str, rules: &BTreeSet<String>) -> Vec<String> {
    let mut bad = Vec::new();
    let crate_paths = paths(src, "crate");
    let stage = file.split('/').next().unwrap_or("");
    let forbidden: &[&str] = match stage {
        "read" => &["claims", "check"],
        "claims" => &["check"],
        _ => &[],
    };
    for p in &crate_paths {
        if forbidden.contains(&p[0].as_str()) {
            bad.push(format!("{file} uses crate::{}", p.join("::")));
        }
    }
    let rule = file
        .strip_prefix("check/")
        .and_then(|f| f.strip_suffix(".rs"))
        .filter(|f| rules.contains(*f));
    if file.starts_with("check/kit") {
        for p in &crate_paths {
            if p[0] == "check" && p.get(1).is_some_and(|r| rules.contains(r)) {
                bad.push(format!("the kit ({file}) uses crate::{}", p.join("::")));
            }
        }
    }
    if let Some(rule) = rule {
        for p in &crate_paths {
            if p[0] == "check" && p.get(1).is_some_and(|r| rules.contains(r) && r != rule) {
                bad.push(format!("rule {rule} uses crate::{}", p.join("::")));
            }
        }
        for p in paths(src, "super") {
            if rules.contains(&p[0]) {
                bad.push(format!("rule {rule} uses super::{}", p.join("::")));
            }
        }
    }
    bad
}

fn rule_names(check_dir: &Path) -> BTreeSet<String> {
    fs::read_dir(check_dir)
        .expect("core/src/check")
        .filter_map(|e| {
            let p = e.ok()?.path();
            let stem = p.file_stem()?.to_str()?.to_string();
            (p.extension()? == "rs" && stem != "mod" && stem != "kit").then_some(stem)
        })
        .collect()
}

#[test]
fn stages_depend_one_way_and_rules_only_on_the_kit() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let rules = rule_names(&root.join("check"));
    assert!(
        rules.contains("sum") && rules.contains("growth"),
        "rules found: {rules:?}"
    );
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut bad = Vec::new();
    for path in &files {
        let rel = path
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let src = fs::read_to_string(path).expect("readable source");
        bad.extend(violations(&rel, &src, &rules));
    }
    assert!(
        bad.is_empty(),
        "dependencies against the flow read → claims → check:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_scan_sees_the_ways_a_dependency_is_written() {
    let rules: BTreeSet<String> = ["sum", "count"].iter().map(|s| s.to_string()).collect();
    let flagged = |file: &str, src: &str| !violations(file, src, &rules).is_empty();
    assert!(flagged("check/count.rs", "use super::sum::face;"));
    assert!(flagged(
        "check/count.rs",
        "    super::sum::check_sum(a, b);"
    ));
    assert!(flagged("check/count.rs", "use super::{kit::face, sum::x};"));
    assert!(flagged(
        "check/count.rs",
        "use crate::check::sum::SumClaim;"
    ));
    assert!(flagged("claims/facts.rs", "use crate::check::kit::face;"));
    assert!(flagged(
        "claims/facts.rs",
        "let x = crate::check::kit::face(f);"
    ));
    assert!(flagged(
        "read/table.rs",
        "let i = crate::claims::first_figure_at(d, 0);"
    ));
    assert!(flagged(
        "read/grid.rs",
        "use crate::{check::Sink, report::Span};"
    ));
    // Allowed: the kit, the registry's types, a rule's own helpers, comments.
    assert!(!flagged("check/count.rs", "use super::kit::check_sum;"));
    assert!(!flagged(
        "check/count.rs",
        "use super::{Draft, Rule, RuleInfo, Sink};"
    ));
    assert!(!flagged("check/sum.rs", "use crate::check::sum::x;"));
    assert!(!flagged("check/count.rs", "// was super::sum::check_sum"));
    assert!(!flagged(
        "claims/sum.rs",
        "use crate::read::document::Document;"
    ));
    assert!(!flagged("check/kit.rs", "use super::sum::check_sum;"));
    assert!(flagged("check/kit/sum.rs", "use crate::check::count::x;"));
    assert!(!flagged(
        "check/kit/sum.rs",
        "use crate::check::{Draft, Sink};"
    ));
}
