//! The reader's limits: a file above `MAX_FILE_BYTES` and a .docx whose text part inflates
//! beyond its cap (a zip bomb) are refused with a clear message, never read into memory whole.

use gouji_input::{read, Encoding, InputError, MAX_FILE_BYTES, REPLACED_ONE_IN};
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

/// docs/json.md states the share of replaced characters that refuses a file (it once said 1
/// in 100 while the code refused at 1 in 20): every "1 in N" / "1 character in N" there is
/// `REPLACED_ONE_IN`, and the reader refuses just above it and accepts at it.
#[test]
fn the_refusal_threshold_for_replaced_characters_is_the_one_the_docs_state() {
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/json.md"))
        .expect("docs/json.md");
    let mut stated = Vec::new();
    for line in docs.lines().filter(|l| l.contains("replaced")) {
        for phrase in ["1 in ", "1 character in "] {
            for (i, _) in line.match_indices(phrase) {
                let n: String = line[i + phrase.len()..]
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect();
                stated.push(n.parse::<usize>().expect("a number after the phrase"));
            }
        }
    }
    assert!(
        stated.len() >= 2,
        "docs/json.md no longer states it: {stated:?}"
    );
    assert!(
        stated.iter().all(|&n| n == REPLACED_ONE_IN),
        "docs/json.md states {stated:?}, the reader refuses above 1 in {REPLACED_ONE_IN}"
    );
    // Invalid UTF-8 bytes among valid text, forced UTF-8: each becomes one U+FFFD.
    let text = |bad: usize, good: usize| {
        let mut b = "预".repeat(good).into_bytes();
        b.extend(std::iter::repeat_n(0xFFu8, bad));
        b
    };
    let n = REPLACED_ONE_IN;
    // 5 replaced in 5 × n characters: at the threshold, accepted and reported.
    let ok = read("r.txt", &text(5, 5 * n - 5), Encoding::Utf8).expect("accepted");
    assert_eq!(ok.replaced, 5);
    // 6 in the same length: above it, refused.
    let err = read("r.txt", &text(6, 5 * n - 6), Encoding::Utf8).unwrap_err();
    assert!(
        matches!(err, InputError::Undecodable { replaced: 6, .. }),
        "{err:?}"
    );
}
