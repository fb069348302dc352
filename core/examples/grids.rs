//! Prints the laid-out tables (grids) read from a text, one row per line: for debugging the
//! column reconstruction. `cargo run -p gouji-core --example grids -- FILE [LINE]`; with
//! `GRIDS=cells` in the environment, the tables read one cell per line instead.
use gouji_core::read::document::Document;
use gouji_core::read::grid::{from_cell_lines, grids, Cell};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("a file");
    let only: Option<usize> = args.next().and_then(|s| s.parse().ok());
    let text = std::fs::read_to_string(path).expect("readable UTF-8");
    let doc = Document::read(&text);
    let read = if std::env::var("GRIDS").as_deref() == Ok("cells") {
        from_cell_lines(&doc)
    } else {
        grids(&doc)
    };
    for (gi, g) in read.iter().enumerate() {
        let first = g
            .rows
            .first()
            .map(|r| doc.line_of(doc.span(r.line.clone()).start));
        let last = g
            .rows
            .last()
            .map(|r| doc.line_of(doc.span(r.line.clone()).start));
        if let (Some(n), Some(a), Some(b)) = (only, first, last) {
            if n < a || n > b {
                continue;
            }
        }
        println!(
            "grid {gi}: {} columns, lines {first:?}..{last:?}",
            g.columns
        );
        for r in &g.rows {
            let cells: Vec<String> = r
                .cells
                .iter()
                .map(|c| match c {
                    Cell::Empty => "·".into(),
                    Cell::Unknown => "?".into(),
                    Cell::Figure(f) => doc.written(&doc.figures[*f]),
                })
                .collect();
            println!(
                "  {:>5} {:>2}{} | {}",
                doc.line_of(doc.span(r.line.clone()).start),
                r.indent,
                if r.after_gap { "g" } else { " " },
                cells.join(" | ")
            );
        }
    }
}
