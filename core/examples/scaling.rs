//! Is every stage linear? Times each stage of `check` on every benchmark shape at 1×, 10× and
//! 100× its base size and prints milliseconds per MB: on a linear stage the three figures are
//! about equal; a superlinear one grows about tenfold per step.
//!
//! `cargo run --profile release-native -p gouji-core --example scaling [SHAPE…]`
//! (`--time NAME RUNS`, `--rules SHAPE SIZE`, `--file PATH`, `--check-file PATH N` and `--check SHAPE
//! SIZE N`: see `main`.)
//!
//! Stages: normalise; segment (paragraphs and sentences); read (the rest of
//! `Document::read`: the figure scan, labels, paren depth, kind and year); claims (every
//! extractor); rules+report (the rest of `check`: the rules, sorting, the ledger).

use gouji_core::read::{document::Document, normalize, segment};
use gouji_core::{check, claims, Options};
use std::time::{Duration, Instant};

#[path = "../benches/shapes/mod.rs"]
mod shapes;

type Make = fn(usize) -> String;

const SHAPES: &[(&str, Make, [usize; 3])] = &[
    (
        "synthetic report",
        shapes::synthetic,
        [100_000, 1_000_000, 10_000_000],
    ),
    (
        "one line (synthetic, no breaks)",
        shapes::one_line,
        [100_000, 1_000_000, 10_000_000],
    ),
    (
        "figures without punctuation",
        shapes::figures_without_punctuation,
        [100_000, 1_000_000, 10_000_000],
    ),
    (
        "numbers in a row 1、2、3",
        shapes::numbers_enumerated,
        [1_000, 10_000, 100_000],
    ),
    (
        "numbers in a row 1.00，2.00",
        shapes::numbers_decimal,
        [1_000, 10_000, 100_000],
    ),
    (
        "nested headings (lines)",
        shapes::nested_headings,
        [2_000, 20_000, 200_000],
    ),
    (
        "huge table (rows)",
        shapes::huge_table,
        [1_000, 10_000, 100_000],
    ),
    (
        "code table with 小计/合计 (rows)",
        shapes::code_table,
        [1_000, 10_000, 100_000],
    ),
    (
        "one line, one sentence repeated",
        shapes::one_line_same_sentence,
        [30_000, 300_000, 3_000_000],
    ),
    (
        "wrong sum per line (lines)",
        shapes::wrong_sum_lines,
        [1_500, 15_000, 150_000],
    ),
    (
        "share sentences (lines)",
        shapes::share_sentences,
        [2_000, 20_000, 200_000],
    ),
    (
        "long numbered lists, wrong totals",
        shapes::long_numbered_lists,
        [100_000, 1_000_000, 10_000_000],
    ),
];

/// Best of a few runs (more runs for small inputs), in seconds.
fn best<T>(bytes: usize, mut f: impl FnMut() -> T) -> f64 {
    // At least three runs, so that the largest size also runs with a warmed-up allocator.
    let runs = (3_000_000 / bytes.max(1)).clamp(3, 20);
    let mut best = Duration::MAX;
    for _ in 0..runs {
        let t = Instant::now();
        std::hint::black_box(f());
        best = best.min(t.elapsed());
    }
    best.as_secs_f64()
}

struct Row {
    bytes: usize,
    stages: [f64; 5],
    total: f64,
}

fn measure(text: &str) -> Row {
    let n = text.len();
    let norm = best(n, || normalize::normalize(text));
    let normalized = normalize::normalize(text);
    let seg = best(n, || {
        let t = normalized.text.as_str();
        let ps = segment::paragraphs(t);
        let s: usize = ps
            .iter()
            .map(|p| segment::sentences(t, p.range.clone()).len())
            .sum();
        (ps, s)
    });
    let read = best(n, || Document::read(text));
    let doc = Document::read(text);
    let extract = best(n, || claims::extract(&doc));
    let total = best(n, || check(text, &Options::default()));
    let rest_of_read = (read - norm - seg).max(0.0);
    let rules = (total - read - extract).max(0.0);
    Row {
        bytes: n,
        stages: [norm, seg, rest_of_read, extract, rules],
        total,
    }
}

/// Milliseconds per MB of each rule alone, beyond reading and extracting.
fn per_rule(text: &str, mb: f64) {
    let none = Options {
        rules: vec!["none".into()],
        ..Options::default()
    };
    let base = best(text.len(), || check(text, &none));
    for r in gouji_core::check::all() {
        let one = Options {
            rules: vec![r.id.to_string()],
            ..Options::default()
        };
        let t = best(text.len(), || check(text, &one));
        println!("{:<18} {:>8.1} ms/MB", r.id, (t - base).max(0.0) * 1e3 / mb);
    }
}

fn main() {
    let only: Vec<String> = std::env::args().skip(1).collect();
    // `--time NAME RUNS`: median milliseconds of `check` on a sample or on `synthetic-BYTES`,
    // the native side of tests/bench/wasm-bench.mjs.
    if only.first().map(String::as_str) == Some("--time") {
        let name = &only[1];
        let runs: usize = only[2].parse().unwrap();
        let text = match name.strip_prefix("synthetic-") {
            Some(bytes) => shapes::synthetic(bytes.parse().unwrap()),
            None => shapes::sample(name).to_string(),
        };
        let mut ms: Vec<f64> = (0..runs + 2)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(check(&text, &Options::default()));
                t.elapsed().as_secs_f64() * 1e3
            })
            .skip(2) // warm-up
            .collect();
        ms.sort_by(f64::total_cmp);
        println!("{} {} {:.4}", name, text.len(), ms[ms.len() / 2]);
        return;
    }
    // `--rules SHAPE SIZE`: milliseconds per MB of each rule alone (beyond reading and
    // extracting), to find the rule that grows faster than the text.
    if only.first().map(String::as_str) == Some("--rules") {
        let (name, size) = (&only[1], only[2].parse().unwrap());
        let (_, make, _) = SHAPES
            .iter()
            .find(|(s, _, _)| s.contains(name.as_str()))
            .unwrap();
        let text = make(size);
        let mb = text.len() as f64 / 1e6;
        per_rule(&text, mb);
        return;
    }
    // `--file PATH`: the stages and then each rule alone on a text file (a mix of the corpus).
    if only.first().map(String::as_str) == Some("--file") {
        let text = std::fs::read_to_string(&only[1]).unwrap();
        let mb = text.len() as f64 / 1e6;
        let r = measure(&text);
        println!(
            "{:.2} MB: {:.1} MB/s, ms per MB: normalise {:.1}, segment {:.1}, read {:.1}, claims {:.1}, rules+report {:.1}",
            mb,
            mb / r.total,
            r.stages[0] * 1e3 / mb,
            r.stages[1] * 1e3 / mb,
            r.stages[2] * 1e3 / mb,
            r.stages[3] * 1e3 / mb,
            r.stages[4] * 1e3 / mb
        );
        per_rule(&text, mb);
        return;
    }
    // `--check-file PATH N`: only run `check` on a text file N times, for `perf record`.
    if only.first().map(String::as_str) == Some("--check-file") {
        let text = std::fs::read_to_string(&only[1]).unwrap();
        for _ in 0..only[2].parse().unwrap() {
            std::hint::black_box(check(&text, &Options::default()));
        }
        return;
    }
    // `--check SHAPE SIZE N`: only run `check` N times, for `perf record` / `perf stat`.
    if only.first().map(String::as_str) == Some("--check") {
        let (name, size, n) = (&only[1], only[2].parse().unwrap(), only[3].parse().unwrap());
        let (_, make, _) = SHAPES
            .iter()
            .find(|(s, _, _)| s.contains(name.as_str()))
            .unwrap();
        let text = make(size);
        for _ in 0..n {
            let r = check(&text, &Options::default());
            if n == 1 {
                eprintln!("{} bytes: {:?}", text.len(), r.stats);
            }
        }
        return;
    }
    let names = ["normalise", "segment", "read", "claims", "rules+rep"];
    println!(
        "{:<34} {:>9} {:>8} {:>8} | ms per MB: {}",
        "shape",
        "size",
        "MB/s",
        "ms/MB",
        names.iter().map(|n| format!("{n:>9}")).collect::<String>()
    );
    for (name, make, sizes) in SHAPES {
        if !only.is_empty() && !only.iter().any(|o| name.contains(o.as_str())) {
            continue;
        }
        let mut per_mb = Vec::new();
        for &size in sizes {
            let text = make(size);
            let r = measure(&text);
            let mb = r.bytes as f64 / 1e6;
            let ms_per_mb = r.total * 1e3 / mb;
            per_mb.push(ms_per_mb);
            println!(
                "{:<34} {:>7.2}MB {:>8.1} {:>8.1} | {:>10}{}",
                name,
                mb,
                mb / r.total,
                ms_per_mb,
                "",
                r.stages
                    .iter()
                    .map(|s| format!("{:>9.1}", s * 1e3 / mb))
                    .collect::<String>()
            );
        }
        println!(
            "{:<34} time per MB at 100× / at 1×: {:.2} (1.00 = linear)\n",
            "",
            per_mb[2] / per_mb[0]
        );
    }
}
