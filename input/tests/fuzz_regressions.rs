//! Fuzz crash inputs of the reader targets, kept as tests: each file in tests/fuzz-crashes is
//! a `word/document.xml` (docx_xml target), read through a stored .docx and then checked.

use gouji_input::docx_text;
use std::io::Write;

fn docx_with(document_xml: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("word/document.xml", stored).unwrap();
    zip.write_all(document_xml).unwrap();
    zip.finish().unwrap().into_inner()
}

#[test]
fn saved_docx_xml_crashes_read_and_check() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fuzz-crashes");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let xml = std::fs::read(entry.unwrap().path()).unwrap();
        if let Ok(text) = docx_text(&docx_with(&xml)) {
            let r = gouji_core::check(&text, &Default::default());
            for f in &r.findings {
                assert_eq!(&text[f.span.start..f.span.end], f.quote);
            }
        }
        n += 1;
    }
    assert!(n > 0);
}
