//! Hostile shapes (issue 16): the check's time grows linearly with each of them. Every test
//! checks the shape at 1× and at 10× its size and fails when the time per byte at 10× is
//! more than 1.5 times that at 1× (a quadratic step gives about 10). Each size is timed a
//! few times and the fastest run counts, so that another process on the machine does not
//! make a linear stage look quadratic. Sizes are small enough for a debug build (CI runs
//! `cargo test` in debug); `cargo bench -p gouji-core` times the same shapes at full size.

#[path = "../benches/shapes/mod.rs"]
mod shapes;

use std::time::{Duration, Instant};

use gouji_core::{check, Options};

/// The fastest of `runs` checks of `text`.
fn fastest(text: &str, runs: usize) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(check(std::hint::black_box(text), &Options::default()));
            start.elapsed()
        })
        .min()
        .unwrap()
}

/// Fails when the time per byte of `make(10 * n)` is above 1.5 times that of `make(n)`.
fn assert_linear(name: &str, n: usize, make: impl Fn(usize) -> String) {
    let (small, large) = (make(n), make(10 * n));
    // Warm up (page faults, allocator) before timing.
    let _ = fastest(&small, 1);
    let t1 = fastest(&small, 5);
    let t10 = fastest(&large, 3);
    let per_byte = |t: Duration, s: &str| t.as_secs_f64() / s.len() as f64;
    let ratio = per_byte(t10, &large) / per_byte(t1, &small);
    eprintln!(
        "{name}: {} B {:?}, {} B {:?}, time per byte 10× : 1× = {ratio:.2}",
        small.len(),
        t1,
        large.len(),
        t10
    );
    assert!(
        ratio <= 1.5,
        "{name}: time per byte at 10× is {ratio:.2} times that at 1× ({t1:?} → {t10:?})"
    );
}

#[test]
fn list_markers_before_a_figure_are_linear() {
    for marker in shapes::LIST_MARKERS {
        assert_linear(&format!("{marker} × n"), 2_000, |n| {
            shapes::markers_before_figure(marker, n)
        });
    }
}

#[test]
fn many_sum_sentences_are_linear() {
    assert_linear("sum sentence × n", 1_000, shapes::sum_sentences);
}

#[test]
fn lists_in_a_paragraph_without_a_sentence_end_are_linear() {
    assert_linear("list × n, no 。", 500, shapes::lists_without_sentence_end);
}

#[test]
fn a_wide_tab_separated_table_is_linear() {
    assert_linear("3 rows × n columns", 2_000, shapes::wide_table);
}

#[test]
fn one_long_line_is_linear() {
    assert_linear("one line", 20_000, shapes::one_line);
}

#[test]
fn bare_figures_one_per_line_are_linear() {
    assert_linear("1\\n × n", 5_000, shapes::ones);
}

/// `1.2E+07元` (a spreadsheet's scientific notation) is no figure `07元`: no false sum.
#[test]
fn scientific_notation_is_not_split_into_figures() {
    for text in [
        "本年支出合计1.2E+07元，其中：基本支出6.0E+06元，项目支出6.0E+06元。\n",
        "本年支出合计1.2e-07元，其中：基本支出6.0E-08元，项目支出6.0e+08元。\n",
    ] {
        let r = check(text, &Options::default());
        assert!(
            r.findings.iter().all(|f| f.rule != "sum"),
            "{text}: {:?}",
            r.findings
        );
        assert!(r.ledger.is_empty(), "{text}: {:?}", r.ledger);
    }
    // A sign after a letter that is not an exponent leaves the figure alone.
    let r = check(
        "本年支出合计3.00元，其中：A+1.00元，乙1.00元。\n",
        &Options::default(),
    );
    assert_eq!(r.stats.errors, 1, "{:?}", r.findings);
}
