//! Hostile shapes (issue 16): the check's time grows linearly with each of them. Every test
//! checks the shape at 1× and at 10× its size and fails when the time per byte at 10× is
//! more than 1.5 times that at 1× (a quadratic step gives about 10). The tests time one at a
//! time, each size a few times in alternation, and the fastest run counts, so that another
//! process on the machine does not make a linear stage look quadratic. Sizes are small
//! enough for a debug build (CI runs `cargo test` in debug), except two marked `#[ignore]`
//! (run them with `--release -- --ignored`); `cargo bench -p gouji-core` times every shape at
//! full size.

#[path = "../benches/shapes/mod.rs"]
mod shapes;

use std::sync::Mutex;
use std::time::{Duration, Instant};

use gouji_core::{check, Options};

/// The time of one check of `text`.
fn time(text: &str) -> Duration {
    let start = Instant::now();
    std::hint::black_box(check(std::hint::black_box(text), &Options::default()));
    start.elapsed()
}

/// One timing test at a time: run side by side, they would slow each other unevenly.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// Fails when the time per byte of `make(10 * n)` is above 1.5 times that of `make(n)`.
/// The sizes are timed in alternation, three rounds, and the fastest run of each counts; a
/// ratio above the bound is measured up to twice more before failing, so that a burst of load
/// from another process does not fail a linear shape (a quadratic one fails every time).
fn assert_linear(name: &str, n: usize, make: impl Fn(usize) -> String) {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let (small, large) = (make(n), make(10 * n));
    // Warm up (page faults, allocator) before timing.
    let _ = time(&small);
    let measure = || {
        let (mut t1, mut t10) = (Duration::MAX, Duration::MAX);
        for _ in 0..3 {
            t1 = t1.min(time(&small)).min(time(&small));
            t10 = t10.min(time(&large));
        }
        let per_byte = |t: Duration, s: &str| t.as_secs_f64() / s.len() as f64;
        (t1, t10, per_byte(t10, &large) / per_byte(t1, &small))
    };
    let (mut t1, mut t10, mut ratio) = measure();
    for again in 1..=2 {
        if ratio <= 1.5 {
            break;
        }
        eprintln!("{name}: {ratio:.2} on try {again}, measuring again");
        (t1, t10, ratio) = measure();
    }
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

/// About 15 s in a debug build (a quadratic step shows only at these sizes): run with
/// `cargo test -p gouji-core --release --test hostile_shapes -- --ignored`; the benchmark
/// `sum_sentences_16mb` times it at full size.
#[test]
#[ignore]
fn many_sum_sentences_are_linear() {
    assert_linear("sum sentence × n", 1_000, shapes::sum_sentences);
}

/// As slow in a debug build: run with `--release -- --ignored`; the benchmark
/// `lists_without_sentence_end_3mb` times it at full size.
#[test]
#[ignore]
fn lists_in_a_paragraph_without_a_sentence_end_are_linear() {
    assert_linear("list × n, no 。", 500, shapes::lists_without_sentence_end);
}

#[test]
fn a_wide_tab_separated_table_is_linear() {
    assert_linear("3 rows × n columns", 2_000, shapes::wide_table);
}

#[test]
fn many_standard_tables_and_their_facts_are_linear() {
    assert_linear("standard table × n", 300, shapes::standard_tables);
}

#[test]
fn one_long_line_is_linear() {
    assert_linear("one line", 20_000, shapes::one_line);
}

#[test]
fn bare_figures_one_per_line_are_linear() {
    assert_linear("1\\n × n", 5_000, shapes::ones);
}

/// Many 项 lines naming one item, and its row repeated in many tables: each line is compared
/// with a bounded number of rows.
#[test]
fn item_lines_and_rows_of_one_code_are_linear() {
    assert_linear("项 lines × n, rows × n", 500, |n| {
        let mut t =
            String::from("某局2024年度部门决算\n一般公共预算财政拨款支出决算表\n单位：万元\n");
        t.push_str(
            "213       农林水支出        9.00    9.00\n21301     农业农村          9.00    9.00\n",
        );
        for _ in 0..n {
            t.push_str("2130101   行政运行          9.00    9.00\n");
        }
        t.push_str("\n（五）一般公共预算财政拨款支出决算具体情况\n");
        for _ in 0..n {
            t.push_str("农林水支出（类）农业农村（款）行政运行（项）。支出决算为9.10万元。\n");
        }
        t
    });
}

/// `1.2E+07元` (a spreadsheet's scientific notation) is no figure `07元`: no false sum.
/// A 合计 of thousands of code rows names them all as related places: a finding lists at most
/// `MAX_RELATED` of them (the text output laid out 25,300 per finding, 8.7 s at 1 MB).
#[test]
fn a_finding_lists_a_bounded_number_of_related_places() {
    let r = gouji_core::check(&shapes::code_table(20_000), &Default::default());
    let most = r
        .findings
        .iter()
        .map(|f| f.related.len())
        .max()
        .unwrap_or(0);
    assert!(most > 0, "the shape gives findings with related places");
    assert!(
        most <= gouji_core::check::MAX_RELATED,
        "{most} related places"
    );
    assert!(r
        .findings
        .iter()
        .filter(|f| f.related.len() == gouji_core::check::MAX_RELATED)
        .all(|f| f.cause.as_deref().is_some_and(|c| c.contains("未逐一标出"))));
}

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
