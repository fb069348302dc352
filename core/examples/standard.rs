//! Prints the standard tables and their rows of known meaning: `cargo run -p gouji-core --example standard -- FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("a text file");
    let text = std::fs::read_to_string(path).expect("readable UTF-8");
    let doc = gouji_core::read::document::Document::read(&text);
    let st = gouji_core::claims::standard::extract(&doc);
    for (i, t) in st.tables.iter().enumerate() {
        println!(
            "table {i} {:?} {:?} line {}",
            t.kind,
            t.unit,
            line(&text, t.title.start)
        );
        for r in st.rows_of(i) {
            let amount = r.amount.map(|f| doc.written(&doc.figures[f]));
            println!(
                "   {:<28} {:?} unreadable={} line {}",
                r.key.name_zh(),
                amount,
                r.unreadable,
                line(&text, r.label.start)
            );
        }
    }
}

fn line(text: &str, at: usize) -> usize {
    text[..at].matches('\n').count() + 1
}
