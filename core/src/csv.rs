//! The CSV of findings (`docs/json.md`), written once for `gouji check --format csv` and the
//! web app's export: UTF-8 with a byte-order mark (so that Excel and WPS read the Chinese
//! text right), RFC 4180 quoting, rows ended by `\n`, one row per finding, and every cell
//! that a spreadsheet would run as a formula neutralised. No dependency: a row is a few
//! string pushes.

use crate::lines::LineIndex;
use crate::Finding;

/// Written once, before the header.
pub const BOM: &str = "\u{feff}";

/// The columns of a finding's row.
pub const FINDING_HEADER: [&str; 14] = [
    "file", "line", "column", "rule", "severity", "message", "stated", "expected", "formula",
    "repair", "cause", "quote", "start", "end",
];

/// Whether a spreadsheet would read `cell` as a formula: it starts with `=`, `+`, `-`, `@`,
/// or a tab or carriage return (before one). Such a cell gets a leading `'`, as OWASP
/// recommends against CSV injection: a file name or a quoted label must not run as a formula
/// in Excel or WPS. Every cell is guarded (a stated `-50.00万元` reads `'-50.00万元`).
pub fn starts_formula(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Appends one row: each cell guarded ([`starts_formula`]), then quoted (its quotes doubled)
/// when it holds a comma, a quote, a carriage return or a line feed; the row ended by `\n`.
pub fn push_row<S: AsRef<str>>(out: &mut String, cells: &[S]) {
    for (i, cell) in cells.iter().enumerate() {
        let cell = cell.as_ref();
        if i > 0 {
            out.push(',');
        }
        let quoted = cell.contains([',', '"', '\r', '\n']);
        if quoted {
            out.push('"');
        }
        if starts_formula(cell) {
            out.push('\'');
        }
        if quoted {
            for c in cell.chars() {
                if c == '"' {
                    out.push('"');
                }
                out.push(c);
            }
            out.push('"');
        } else {
            out.push_str(cell);
        }
    }
    out.push('\n');
}

/// A finding's cells, in the order of [`FINDING_HEADER`]: `file` names the text, `index` is
/// the text's (for the line and the column in characters), the message is in English when
/// `en`; the engine's details as it wrote them.
pub fn finding_cells(file: &str, index: &LineIndex, f: &Finding, en: bool) -> [String; 14] {
    let pos = index.pos(f.span.start);
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    [
        file.to_string(),
        pos.line.to_string(),
        pos.col.to_string(),
        f.rule.to_string(),
        f.severity.as_str().to_string(),
        if en {
            f.message_en.clone()
        } else {
            f.message.clone()
        },
        opt(&f.stated),
        opt(&f.expected),
        opt(&f.formula),
        opt(&f.repair),
        opt(&f.cause),
        f.quote.clone(),
        f.span.start.to_string(),
        f.span.end.to_string(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_only_when_they_must_be() {
        let mut out = String::new();
        push_row(
            &mut out,
            &["a", "b,c", "say \"x\"", "two\nlines", "", "合计"],
        );
        assert_eq!(out, "a,\"b,c\",\"say \"\"x\"\"\",\"two\nlines\",,合计\n");
    }

    #[test]
    fn cells_that_start_a_formula_are_neutralised() {
        let mut out = String::new();
        push_row(&mut out, &["=1+1", "-50.00万元", "@x", "\tx", "\rx", "a=b"]);
        assert_eq!(out, "'=1+1,'-50.00万元,'@x,'\tx,\"'\rx\",a=b\n");
    }

    #[test]
    fn a_finding_row_has_every_column() {
        let text = "收入合计100万元，其中：甲60万元，乙50万元。";
        let report = crate::check(text, &crate::Options::default());
        let f = &report.findings[0];
        let cells = finding_cells("r.txt", &LineIndex::new(text), f, false);
        assert_eq!(cells.len(), FINDING_HEADER.len());
        assert_eq!(cells[0], "r.txt");
        assert_eq!((cells[1].as_str(), cells[3].as_str()), ("1", f.rule));
        assert_eq!(cells[5], f.message);
        assert_eq!(cells[12], f.span.start.to_string());
    }
}
