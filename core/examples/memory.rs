//! Where does the check's memory go? Peak live heap bytes (a counting global allocator, so the
//! figures are exact and repeatable, unlike RSS) of `check` on every hostile shape at about
//! 1 MB and 10 MB, as a multiple of the text's bytes, and the stage that reaches the peak.
//!
//! `cargo run --profile release-native -p gouji-core --example memory [SHAPE…]`
//! `--stages SHAPE BYTES [quick]`: the peak and what is left live after each stage of one
//! shape (and of each rule alone, unless `quick`);
//! `--bytes B,B… [SHAPE…]`: the table at other sizes (each column: bytes, peak ×, seconds).

use gouji_core::read::document::Document;
use gouji_core::{check, claims, Options};

#[path = "../benches/shapes/mod.rs"]
mod shapes;

#[path = "../tests/support/counting.rs"]
mod counting;

#[global_allocator]
static A: counting::Counting = counting::Counting;

use counting::peak;

type Make = fn(usize) -> String;

type Shape = (String, Box<dyn Fn(usize) -> String>);

fn shape_list() -> Vec<Shape> {
    let mut v: Vec<Shape> = Vec::new();
    for m in shapes::LIST_MARKERS {
        v.push((
            format!("{m} × n"),
            Box::new(move |n| shapes::markers_before_figure(m, n)),
        ));
    }
    let fixed: &[(&str, Make)] = &[
        ("sum sentences", shapes::sum_sentences),
        ("wrong sums", shapes::wrong_sum_lines),
        ("share sentences", shapes::share_sentences),
        ("lists, no 。", shapes::lists_without_sentence_end),
        ("wide table", shapes::wide_table),
        ("standard tables", shapes::standard_tables),
        ("one line", shapes::one_line),
        ("1\\n", shapes::ones),
        ("samples", shapes::samples_repeated),
        ("long lines", shapes::long_lines),
        ("huge table", shapes::huge_table),
        ("code table", shapes::code_table),
        ("synthetic", shapes::synthetic),
    ];
    for (name, make) in fixed {
        v.push((name.to_string(), Box::new(*make)));
    }
    v
}

fn text_of(name: &str, bytes: usize) -> String {
    let list = shape_list();
    let (_, make) = list
        .iter()
        .find(|(n, _)| n.contains(name))
        .unwrap_or_else(|| panic!("no shape {name}"));
    match name {
        "samples" | "long lines" | "one line" | "synthetic" => make(bytes),
        _ => shapes::sized(make.as_ref(), bytes),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `--write DIR BYTES`: every shape as a text file, to compare outputs before and after.
    if args.first().map(String::as_str) == Some("--write") {
        for (i, (name, _)) in shape_list().iter().enumerate() {
            let text = text_of(name, args[2].parse().unwrap());
            std::fs::write(format!("{}/shape{i:02}.txt", args[1]), text).unwrap();
        }
        return;
    }
    if args.first().map(String::as_str) == Some("--sizes") {
        use std::mem::size_of;
        println!(
            "Figure {} Quantity {} Paragraph {} Fact {} FactKey {} Cell {} Row {} TableFact {} LedgerEntry {} Finding {} GridRow {} grid::Cell {}",
            size_of::<gouji_core::read::document::Figure>(),
            size_of::<gouji_core::read::quantity::Quantity>(),
            size_of::<gouji_core::read::segment::Paragraph>(),
            size_of::<claims::facts::Fact>(),
            size_of::<claims::facts::FactKey>(),
            size_of::<gouji_core::read::table::Cell>(),
            size_of::<gouji_core::read::table::Row>(),
            size_of::<gouji_core::read::table::TableFact>(),
            size_of::<gouji_core::LedgerEntry>(),
            size_of::<gouji_core::Finding>(),
            size_of::<gouji_core::read::grid::GridRow>(),
            size_of::<gouji_core::read::grid::Cell>(),
        );
        return;
    }
    if args.first().map(String::as_str) == Some("--stages") {
        let text = text_of(&args[1], args[2].parse().unwrap());
        let n = text.len() as f64;
        let x = |b: usize| b as f64 / n;
        println!("{} bytes", text.len());
        let base = counting::live();
        let (p, doc) = peak(|| Document::read(&text));
        let after_doc = counting::live() - base;
        println!(
            "read:   peak {:>6.1}×, live after {:>6.1}× ({} figures, {} paragraphs, {} sentences)",
            x(p),
            x(after_doc),
            doc.figures.len(),
            doc.paragraphs.len(),
            doc.sentences.len()
        );
        let (p, c) = peak(|| claims::extract(&doc));
        let after_claims = counting::live() - base;
        println!(
            "claims: peak {:>6.1}× above doc, live after {:>6.1}× in all",
            x(p),
            x(after_claims)
        );
        let each: [(&str, &dyn Fn() -> usize); 12] = [
            ("tables", &|| gouji_core::read::table::tables(&doc).len()),
            ("grids", &|| gouji_core::read::grid::grids(&doc).len()),
            ("cell lines", &|| {
                gouji_core::read::grid::from_cell_lines(&doc).len()
            }),
            ("sums", &|| claims::sum::extract(&doc).len()),
            ("shares", &|| claims::share::extract(&doc, &c.sums).len()),
            ("growths", &|| claims::growth::extract(&doc, &c.sums).len()),
            ("completions", &|| claims::completion::extract(&doc).len()),
            ("counts", &|| claims::count::extract(&doc).len()),
            ("facts", &|| {
                std::mem::size_of_val(&claims::facts::extract(&doc, &c.tables, &c.sums))
            }),
            ("standard", &|| {
                std::mem::size_of_val(&claims::standard::extract(&doc))
            }),
            ("classified", &|| {
                std::mem::size_of_val(&claims::classified::extract(&doc))
            }),
            ("products", &|| claims::product::extract(&doc).len()),
        ];
        for (name, f) in each {
            let (p, _) = peak(f);
            println!("  {name:<12} peak {:>6.1}×", x(p));
        }
        drop(c);
        drop(doc);
        let before = counting::live();
        let (p, r) = peak(|| check(&text, &Options::default()));
        println!(
            "check:  peak {:>6.1}×, the report {:>6.1}× ({} findings, {} ledger)",
            x(p),
            x(counting::live() - before),
            r.findings.len(),
            r.ledger.len()
        );
        // (`--stages SHAPE BYTES quick`: not each rule alone.)
        for rule in gouji_core::check::all().filter(|_| args.get(3).is_none()) {
            let one = Options {
                rules: vec![rule.id.to_string()],
                ..Options::default()
            };
            let (p, _) = peak(|| check(&text, &one));
            println!("  only {:<18} peak {:>6.1}×", rule.id, x(p));
        }
        return;
    }
    // `--bytes B,B…` (default 1 MB and 10 MB): the sizes of the table's columns.
    let (sizes, only) = match args.first().map(String::as_str) {
        Some("--bytes") => (
            args[1].split(',').map(|b| b.parse().unwrap()).collect(),
            &args[2..],
        ),
        _ => (vec![1_000_000, 10_000_000], &args[..]),
    };
    let mut head = format!("{:<20}", "shape");
    for _ in &sizes {
        head += &format!(" {:>10} {:>7} {:>7} |", "bytes", "×", "s");
    }
    println!("{head}");
    for (name, _) in shape_list() {
        if !only.is_empty() && !only.iter().any(|a| name.contains(a.as_str())) {
            continue;
        }
        let mut line = format!("{name:<20}");
        for &bytes in &sizes {
            let text = text_of(&name, bytes);
            let t = std::time::Instant::now();
            let (p, r) = peak(|| check(&text, &Options::default()));
            let s = t.elapsed().as_secs_f64();
            drop(r);
            line += &format!(
                " {:>10} {:>7.1} {:>7.2} |",
                text.len(),
                p as f64 / text.len() as f64,
                s
            );
        }
        println!("{line}");
    }
}
