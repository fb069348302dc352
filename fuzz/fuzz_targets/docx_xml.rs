//! The .docx reader past the zip layer: the fuzzed bytes become `word/document.xml` of a
//! valid (stored) .docx, so that mutations reach the XML walk (paragraphs, tables, tabs,
//! breaks) instead of failing the zip checksum. Seeded with document.xml parts.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::io::Write;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored);
    zip.start_file("word/document.xml", stored).unwrap();
    zip.write_all(data).unwrap();
    let docx = zip.finish().unwrap().into_inner();
    match gouji_input::docx_text(&docx) {
        Ok(text) => {
            common::check_and_verify(&text);
        }
        Err(e) => assert!(!e.message_zh().is_empty()),
    }
});
