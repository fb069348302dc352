//! The file reader on arbitrary bytes: `gouji_input::read` as the CLI calls it, with the
//! first byte choosing the file name (.txt / .docx / none) and the encoding; whatever text
//! comes out is then checked. Seeded with the renhe sample as GBK, UTF-8 and .docx.
#![no_main]

use gouji_input::Encoding;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some((&sel, bytes)) = data.split_first() else {
        return;
    };
    let name = ["report.txt", "report.docx", "report"][(sel % 3) as usize];
    let encoding = [
        Encoding::Auto,
        Encoding::Utf8,
        Encoding::Gb18030,
        Encoding::Utf16Le,
        Encoding::Utf16Be,
    ][(sel / 3 % 5) as usize];
    match gouji_input::read(name, bytes, encoding) {
        Ok(d) => {
            common::check_and_verify(&d.text);
        }
        Err(e) => {
            // Every error has a message for the user in both languages.
            assert!(!e.message_zh().is_empty() && !e.message_en().is_empty());
        }
    }
});
