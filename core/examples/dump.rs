//! Prints what the engine read and found in a file: `cargo run --example dump -- FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: dump FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let doc = gouji_core::read::document::Document::read(&text);
    if std::env::var_os("DUMP_FIGURES").is_some() {
        for f in &doc.figures {
            println!(
                "{:>4} p{} s{} d{} {:?} «{}» {}",
                doc.line_of(doc.figure_span(f).start),
                f.paragraph(),
                f.sentence(),
                f.paren_depth,
                f.q.unit,
                f.label,
                f.q.value
            );
        }
    }
    if let Ok(rule) = std::env::var("DUMP_LEDGER") {
        let report = gouji_core::check(&text, &gouji_core::Options::default());
        for e in report.ledger.iter().filter(|e| e.rule == rule) {
            println!("{:>5} {:?} {} | {}", e.line, e.outcome, e.quote, e.detail);
        }
    }
    if std::env::var_os("DUMP_FACTS").is_some() {
        let claims = gouji_core::claims::extract(&doc);
        for (key, group) in &claims.facts.groups {
            let values: Vec<String> = group
                .iter()
                .map(|f| {
                    format!(
                        "L{} {}",
                        doc.line_of(doc.span(f.at(&doc)).start),
                        f.face(&doc)
                    )
                })
                .collect();
            println!("{key:?} {}", values.join(", "));
        }
    }
    if std::env::var_os("DUMP_OUTLINE").is_some() {
        for s in &doc.outline {
            let p = &doc.paragraphs[s.paragraph];
            let line = doc.line_of(doc.span(p.range.clone()).start);
            let first: String = doc.text()[p.range.clone()].chars().take(20).collect();
            println!(
                "{:>4} {}{:?} {} {first}",
                line,
                "  ".repeat(s.depth),
                s.style,
                s.number
            );
        }
    }
    if std::env::var_os("DUMP_YEAR_ROWS").is_some() {
        let claims = gouji_core::claims::extract(&doc);
        for r in &claims.year_rows {
            let show = |b: &[gouji_core::claims::year_blocks::Signed]| {
                b.iter()
                    .map(|s| s.yuan.to_string())
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let at = r.current[0].figure.map_or(0, |f| doc.figures[f].q.start);
            println!(
                "year row L{} «{}» | {} | {} | {}",
                doc.line_of(doc.span(at..at).start),
                r.topic,
                show(&r.previous),
                show(&r.current),
                show(&r.change)
            );
        }
    }
    if let Ok(line) = std::env::var("DUMP_GRIDS") {
        // Only the grids whose first row is at or after this line.
        let from: usize = line.parse().unwrap_or(0);
        let claims = gouji_core::claims::extract(&doc);
        for g in &claims.grids {
            let Some(first) = g.rows.first() else {
                continue;
            };
            let at = doc.line_of(doc.span(first.line.clone()).start);
            if at < from {
                continue;
            }
            println!("grid L{at} columns {} laid_out {}", g.columns, g.laid_out);
            for r in &g.rows {
                let cells: Vec<String> = r
                    .cells
                    .iter()
                    .map(|c| match c {
                        gouji_core::read::grid::Cell::Empty => "_".to_string(),
                        gouji_core::read::grid::Cell::Unknown => "?".to_string(),
                        gouji_core::read::grid::Cell::Figure(f) => {
                            doc.figures[*f].q.value.to_string()
                        }
                    })
                    .collect();
                println!(
                    "  L{} i{} {} {}",
                    doc.line_of(doc.span(r.line.clone()).start),
                    r.indent,
                    r.code.as_deref().unwrap_or("-"),
                    cells.join(" ")
                );
            }
        }
    }
    if let Ok(range) = std::env::var("DUMP_NORM") {
        let (a, b) = range.split_once(',').unwrap();
        let (a, b): (usize, usize) = (a.parse().unwrap(), b.parse().unwrap());
        for l in doc.text().lines().skip(a - 1).take(b - a + 1) {
            println!("{l:?}");
        }
        return;
    }
    if std::env::var_os("DUMP_SUMS").is_some() {
        let claims = gouji_core::claims::sum::extract(&doc);
        for c in &claims {
            let parts: Vec<String> = c
                .parts
                .iter()
                .map(|&p| doc.written(&doc.figures[p]))
                .collect();
            println!(
                "sum {} = {} ({:?})",
                doc.written(&doc.figures[c.total]),
                parts.join(" + "),
                c.marker
            );
        }
        return;
    }
    if std::env::var_os("DUMP_ITEMS").is_some() {
        let doc = gouji_core::read::document::Document::read(&text);
        let claims = gouji_core::claims::extract(&doc);
        for i in &claims.classified.items {
            println!(
                "item {} | {} | {} | {:?} {:?} amount {:?} budget {:?}",
                i.class_only,
                i.kuan,
                i.xiang,
                i.code,
                i.scope,
                i.amount.map(|f| doc.written(&doc.figures[f])),
                i.budget.map(|f| doc.written(&doc.figures[f]))
            );
        }
        if std::env::var_os("DUMP_CODES").is_some() {
            for (code, name, a) in gouji_core::claims::item_rows::code_rows(&doc) {
                println!("code {code} {name} {}", a.len());
            }
        }
        for b in &claims.item_rows {
            let f = &doc.figures[b.figure];
            let rows: Vec<String> = b
                .rows
                .iter()
                .map(|r| {
                    let kind = r.table.map(|t| claims.standard.tables[t].kind);
                    let cells: Vec<String> = r
                        .amounts
                        .clone()
                        .map(|f| doc.written(&doc.figures[f]))
                        .collect();
                    let at = doc.figure_span(&doc.figures[r.amounts.start]).start;
                    format!("{kind:?} L{} [{}]", doc.line_of(at), cells.join(" "))
                })
                .collect();
            println!(
                "bound L{} {} code {} fiscal {} rows {}",
                doc.line_of(doc.figure_span(f).start),
                doc.written(f),
                b.code,
                b.fiscal,
                rows.join(", ")
            );
        }
        return;
    }
    if std::env::var_os("DUMP_GROWTHS").is_some() {
        let doc = gouji_core::read::document::Document::read(&text);
        let claims = gouji_core::claims::extract(&doc);
        let show = |i: Option<usize>| i.map_or("-".to_string(), |i| doc.written(&doc.figures[i]));
        for g in &claims.growths {
            let d = &doc.figures[g.delta];
            println!(
                "growth L{} delta {} {:?} current {} previous {} rate {} named {}",
                doc.line_of(doc.span(d.q.start..d.q.end).start),
                doc.written(d),
                g.direction,
                show(g.current),
                show(g.previous),
                show(g.rate),
                show(g.named)
            );
        }
        println!("year rows: {}", claims.year_rows.len());
        return;
    }
    let r = gouji_core::check(&text, &Default::default());
    for e in &r.ledger {
        println!(
            "{:>4} {:<10} {:<9?} {} | {}",
            e.line, e.rule, e.outcome, e.quote, e.detail
        );
    }
    for f in &r.findings {
        println!(
            "L{} {}[{}] {} | {} | {}",
            f.line,
            f.severity.as_str(),
            f.rule,
            f.message,
            f.formula.as_deref().unwrap_or(""),
            f.cause.as_deref().unwrap_or("")
        );
    }
    println!("{:?}", r.stats);
}
