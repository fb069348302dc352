//! `cargo bench -p gouji-core`: `check` on each sample, on synthetic reports of 0.1, 1 and
//! 10 MB (1×, 10×, 100×: cost must be linear), and on adversarial shapes. Divan prints time
//! per call and, through the byte counter, throughput in bytes per second.
//!
//! `cargo run --profile release-native -p gouji-core --example scaling` prints the same shapes at three sizes
//! as time per MB, stage by stage. The texts are built in `shapes/mod.rs`.

use divan::counter::BytesCount;
use divan::Bencher;
use gouji_core::{check, Options};

#[path = "shapes/mod.rs"]
mod shapes;

fn main() {
    divan::main();
}

fn bench_text(bencher: Bencher, text: &str) {
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| check(divan::black_box(text), &Options::default()));
}

#[divan::bench(args = gouji_core::samples::SAMPLES.iter().map(|s| s.id))]
fn sample(bencher: Bencher, name: &str) {
    bench_text(bencher, shapes::sample(name));
}

/// Generated sections (sums, shares, growth, completion, counts, tables with 合计 rows,
/// headings of every level) interleaved with the samples, at 1×, 10× and 100×.
#[divan::bench(args = [100_000, 1_000_000, 10_000_000], sample_count = 5, sample_size = 1)]
fn synthetic_report(bencher: Bencher, bytes: usize) {
    bench_text(bencher, &shapes::synthetic(bytes));
}

/// Adversarial shapes.
mod adversarial {
    use super::*;

    /// The 10 MB synthetic report with every line break removed: one 10 MB line.
    #[divan::bench(sample_count = 3, sample_size = 1)]
    fn one_10mb_line(bencher: Bencher) {
        bench_text(bencher, &shapes::one_line(10_000_000));
    }

    /// 30,000 standard summary tables (15 MB) and sentences restating their rows.
    #[divan::bench(sample_count = 3, sample_size = 1)]
    fn standard_tables_30k(bencher: Bencher) {
        bench_text(bencher, &shapes::standard_tables(30_000));
    }

    /// One 1 MB line of figures with no punctuation (`收入合计12.34万元其中` repeated).
    #[divan::bench(sample_count = 5, sample_size = 1)]
    fn figures_without_punctuation_1mb(bencher: Bencher) {
        bench_text(bencher, &shapes::figures_without_punctuation(1_000_000));
    }

    /// 100,000 numbers in a row after `合计…其中：`: `1、2、3…`.
    #[divan::bench(sample_count = 5, sample_size = 1)]
    fn numbers_100k_enumerated(bencher: Bencher) {
        bench_text(bencher, &shapes::numbers_enumerated(100_000));
    }

    /// 100,000 numbers in a row after `合计…其中：`: `1.00，2.00，…`.
    #[divan::bench(sample_count = 5, sample_size = 1)]
    fn numbers_100k_decimal(bencher: Bencher) {
        bench_text(bencher, &shapes::numbers_decimal(100_000));
    }

    /// 20,000 heading lines cycling through every numbering style, each `…合计…，包括：`.
    #[divan::bench(sample_count = 5, sample_size = 1)]
    fn nested_headings_20k(bencher: Bencher) {
        bench_text(bencher, &shapes::nested_headings(20_000));
    }

    /// 10 MB of numbered lists of 999 items, each under a wrong `…合计…，包括：` total.
    #[divan::bench(sample_count = 3, sample_size = 1)]
    fn numbered_lists_10mb(bencher: Bencher) {
        bench_text(bencher, &shapes::long_numbered_lists(10_000_000));
    }

    /// One 3 MB line of the same wrong sum sentence.
    #[divan::bench(sample_count = 3, sample_size = 1)]
    fn one_line_same_sentence_3mb(bencher: Bencher) {
        bench_text(bencher, &shapes::one_line_same_sentence(3_000_000));
    }

    /// A classification-code table of 100,000 rows with 小计 and 合计 rows.
    #[divan::bench(sample_count = 3, sample_size = 1)]
    fn code_table_100k_rows(bencher: Bencher) {
        bench_text(bencher, &shapes::code_table(100_000));
    }

    /// One table of 100,000 tab-separated rows with a 合计 row every 20 rows.
    #[divan::bench(sample_count = 3, sample_size = 1)]
    fn table_100k_rows(bencher: Bencher) {
        bench_text(bencher, &shapes::huge_table(100_000));
    }

    /// `其中：` (and the other list markers) 100,000 times before one figure.
    #[divan::bench(args = shapes::LIST_MARKERS, sample_count = 3, sample_size = 1)]
    fn markers_100k_before_a_figure(bencher: Bencher, marker: &str) {
        bench_text(bencher, &shapes::markers_before_figure(marker, 100_000));
    }

    /// A tab-separated table of 3 rows and 100,000 columns.
    #[divan::bench(sample_count = 3, sample_size = 1)]
    fn wide_table_100k_columns(bencher: Bencher) {
        bench_text(bencher, &shapes::wide_table(100_000));
    }

    /// 16 MB of `1\n`: 8 million bare figures.
    #[divan::bench(sample_count = 3, sample_size = 1)]
    fn ones_16mb(bencher: Bencher) {
        bench_text(bencher, &shapes::ones(8_000_000));
    }

    /// 16 MB of one sum sentence per line.
    #[divan::bench(sample_count = 3, sample_size = 1)]
    fn sum_sentences_16mb(bencher: Bencher) {
        // Just under the 16 MB input limit (a longer text is refused before it is checked,
        // and the benchmark then timed the refusal).
        let line = shapes::sum_sentences(1).len();
        bench_text(bencher, &shapes::sum_sentences(16_000_000 / line));
    }

    /// 10 MB of share sentences naming a whole no figure carries (5 s per MB once).
    #[divan::bench(sample_count = 3, sample_size = 1)]
    fn share_sentences_10mb(bencher: Bencher) {
        bench_text(bencher, &shapes::share_sentences(200_000));
    }

    /// 10 MB of one wrong sum per line: 156,250 findings, 10,000 listed.
    #[divan::bench(sample_count = 3, sample_size = 1)]
    fn wrong_sums_10mb(bencher: Bencher) {
        bench_text(bencher, &shapes::wrong_sum_lines(156_250));
    }

    /// 3 MB of small lists in one paragraph that ends no sentence until its last character.
    #[divan::bench(sample_count = 3, sample_size = 1)]
    fn lists_without_sentence_end_3mb(bencher: Bencher) {
        bench_text(bencher, &shapes::lists_without_sentence_end(3_000_000 / 60));
    }
}
