//! The PDF reader as its own WebAssembly module. The web app's page stays light: this module
//! (lopdf, pdf-extract and the layout of `gouji-input`) is fetched and compiled only when a
//! PDF is opened (web/static/pdf.js; inlined but not compiled until then in the single file).

use wasm_bindgen::prelude::*;

/// The laid-out text of a PDF's text layer, as `gouji check report.pdf` reads it; on failure,
/// the reason in Chinese and English, separated by a newline.
#[wasm_bindgen(js_name = pdfText)]
pub fn pdf_text(bytes: &[u8]) -> Result<String, JsValue> {
    if bytes.len() > gouji_input::MAX_FILE_BYTES {
        let e = gouji_input::InputError::TooLarge {
            bytes: bytes.len(),
            limit: gouji_input::MAX_FILE_BYTES,
        };
        return Err(JsValue::from_str(&format!(
            "{}\n{}",
            e.message_zh(),
            e.message_en()
        )));
    }
    gouji_input::pdf_text(bytes)
        .map_err(|e| JsValue::from_str(&format!("{}\n{}", e.message_zh(), e.message_en())))
}
