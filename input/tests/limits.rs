//! The reader's limits: a file above `MAX_FILE_BYTES` and a .docx whose text part inflates
//! beyond its cap (a zip bomb) are refused with a clear message, never read into memory whole.

use gouji_input::{read, Encoding, InputError, MAX_FILE_BYTES};
use std::io::Write;

#[test]
fn a_file_above_the_limit_is_refused_with_its_size_and_the_limit() {
    let bytes = vec![b'a'; MAX_FILE_BYTES + 1];
    let err = read("report.txt", &bytes, Encoding::Auto).unwrap_err();
    assert!(matches!(err, InputError::TooLarge { .. }), "{err:?}");
    assert_eq!(err.message_zh(), "文件过大（64.0 MB），超过上限 64 MB。");
    assert!(
        err.message_en().contains("the limit is 64 MB"),
        "{}",
        err.message_en()
    );
}

/// A .docx whose document.xml inflates to more than 128 MB (from about 130 KB): refused
/// after reading at most the cap, with the size message.
#[test]
fn a_docx_zip_bomb_is_refused() {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("word/document.xml", deflated).unwrap();
    let block = vec![b' '; 1 << 20];
    for _ in 0..129 {
        zip.write_all(&block).unwrap();
    }
    let docx = zip.finish().unwrap().into_inner();
    assert!(docx.len() < 1 << 20, "{} bytes", docx.len());
    let err = read("bomb.docx", &docx, Encoding::Auto).unwrap_err();
    assert!(matches!(err, InputError::TooLarge { .. }), "{err:?}");
    assert!(
        err.message_zh().contains("超过上限 128 MB"),
        "{}",
        err.message_zh()
    );
}
