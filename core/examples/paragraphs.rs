//! Prints the paragraphs (and their table flag) around a byte offset of a file, for
//! debugging segmentation: `cargo run --example paragraphs FILE OFFSET`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let text = std::fs::read_to_string(&args[1]).expect("readable UTF-8 file");
    let at: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(0);
    let doc = gouji_core::read::document::Document::read(&text);
    for p in &doc.paragraphs {
        let s = doc.span(p.range.clone());
        if s.end + 400 >= at && s.start <= at + 400 {
            println!(
                "[{}..{} table={}] {}",
                s.start,
                s.end,
                p.is_table_cell,
                &doc.text()[p.range.clone()]
            );
        }
    }
}
