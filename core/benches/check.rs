//! `cargo bench -p gouji-core`: `check` on each sample and on synthetic reports of 1 MB and
//! 10 MB built by repeating the samples (realistic sentences and tables), to show linear cost.
//! Divan prints time per call; throughput is bytes per second.

use divan::counter::BytesCount;
use divan::Bencher;
use gouji_core::{check, Options};

const SAMPLES: &[(&str, &str)] = &[
    (
        "dongning",
        include_str!("../../tests/fixtures/samples/dongning-2020-final-accounts.txt"),
    ),
    (
        "jiangsu",
        include_str!("../../tests/fixtures/samples/jiangsu-high-court-2018-budget.txt"),
    ),
    (
        "lechang",
        include_str!("../../tests/fixtures/samples/lechang-2020-performance-self-evaluation.txt"),
    ),
    (
        "qujiang",
        include_str!("../../tests/fixtures/samples/qujiang-2021-performance-self-evaluation.txt"),
    ),
    (
        "renhe",
        include_str!("../../tests/fixtures/samples/renhe-2020-final-accounts.txt"),
    ),
    (
        "xinglongtai",
        include_str!("../../tests/fixtures/samples/xinglongtai-2022-final-accounts.txt"),
    ),
];

fn main() {
    divan::main();
}

#[divan::bench(args = ["dongning", "jiangsu", "lechang", "qujiang", "renhe", "xinglongtai"])]
fn sample(bencher: Bencher, name: &str) {
    let text = SAMPLES.iter().find(|(n, _)| *n == name).unwrap().1;
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| check(divan::black_box(text), &Options::default()));
}

/// All samples repeated until the text reaches `bytes`.
fn synthetic(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 50_000);
    while s.len() < bytes {
        for (_, t) in SAMPLES {
            s.push_str(t);
            s.push('\n');
        }
    }
    s
}

#[divan::bench(args = [100_000, 1_000_000, 10_000_000], sample_count = 5, sample_size = 1)]
fn synthetic_report(bencher: Bencher, bytes: usize) {
    let text = synthetic(bytes);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| check(divan::black_box(&text), &Options::default()));
}

/// Adversarial shape: one 1 MB line of figures with no punctuation.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn one_long_line_of_numbers(bencher: Bencher) {
    let text = "收入合计12.34万元其中".repeat(1_000_000 / 30);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| check(divan::black_box(&text), &Options::default()));
}
