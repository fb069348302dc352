//! The .docx reader as its own WebAssembly module. The web app's page stays light: this module
//! (zip, inflate and XML, some 40 KB gzip) is fetched and compiled only when a .docx is opened
//! (web/static/boot.js; inlined but not compiled until then in the single file).

use wasm_bindgen::prelude::*;

/// The text of a Word .docx (paragraphs, tables as tab-separated rows), as `gouji check
/// report.docx` reads it; on failure, the reason in Chinese and English, on two lines.
#[wasm_bindgen(js_name = docxText)]
pub fn docx_text(bytes: &[u8]) -> Result<String, JsValue> {
    let fail = |e: gouji_input::InputError| {
        JsValue::from_str(&format!("{}\n{}", e.message_zh(), e.message_en()))
    };
    if bytes.len() > gouji_input::MAX_FILE_BYTES {
        return Err(fail(gouji_input::InputError::TooLarge {
            bytes: bytes.len(),
            limit: gouji_input::MAX_FILE_BYTES,
        }));
    }
    gouji_input::docx_text(bytes).map_err(fail)
}
