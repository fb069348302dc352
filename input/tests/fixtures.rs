//! The input fixtures (tests/fixtures/input, made by its make.py from a real sample) read
//! back to the sample's text, and the checker finds the same slip in every format.

use gouji_input::{read, Encoding, Format};

fn fixture(path: &str) -> Vec<u8> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/");
    std::fs::read(format!("{root}{path}")).unwrap()
}

fn sample() -> String {
    String::from_utf8(fixture("samples/renhe-2020-final-accounts.txt")).unwrap()
}

/// The renhe sum slip (DOMAIN.md): 31538486.48 stated where the parts give 21490317.31.
fn finds_renhe_sum_slip(text: &str) -> bool {
    let report = gouji_core::check(text, &Default::default());
    report.findings.iter().any(|f| {
        f.rule == "sum"
            && f.stated
                .as_deref()
                .is_some_and(|s| s.contains("31538486.48"))
    })
}

#[test]
fn gbk_file_reads_as_the_sample() {
    let decoded = read(
        "renhe-gbk.txt",
        &fixture("input/renhe-gbk.txt"),
        Encoding::Auto,
    )
    .unwrap();
    assert_eq!(decoded.encoding, "GB18030");
    assert_eq!(decoded.text, sample());
}

#[test]
fn docx_keeps_paragraphs_and_tables() {
    let decoded = read("renhe.docx", &fixture("input/renhe.docx"), Encoding::Auto).unwrap();
    assert_eq!(decoded.format, Format::Docx);
    let sample = sample();
    // Every non-table line of the sample is a paragraph of the document.
    for line in sample
        .lines()
        .filter(|l| !l.trim_matches('\t').contains('\t'))
    {
        assert!(decoded.text.contains(line.trim()), "missing line: {line}");
    }
    assert!(finds_renhe_sum_slip(&sample));
    assert!(finds_renhe_sum_slip(&decoded.text));
}

#[test]
fn docx_by_signature_even_when_misnamed() {
    let decoded = read("report.txt", &fixture("input/renhe.docx"), Encoding::Auto).unwrap();
    assert_eq!(decoded.format, Format::Docx);
}
