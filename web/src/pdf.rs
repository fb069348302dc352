//! Opening a PDF: its text layer is read by a separate WebAssembly module (crate
//! `gouji-pdf-web`), which the page fetches and compiles only when a PDF is opened
//! (`globalThis.goujiPdfText`, defined by web/static/boot.js when served and by the
//! single file's loader), so the page stays light for everyone else.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = globalThis, js_name = goujiPdfText, catch)]
    async fn gouji_pdf_text(bytes: js_sys::Uint8Array) -> Result<JsValue, JsValue>;
}

/// The PDF's laid-out text, or why not (Chinese, then English, on two lines).
pub async fn pdf_text(bytes: &[u8]) -> Result<String, String> {
    match gouji_pdf_text(js_sys::Uint8Array::from(bytes)).await {
        Ok(text) => text
            .as_string()
            .ok_or_else(|| "PDF 读取模块没有返回文字。\nThe PDF reader returned no text.".into()),
        Err(e) => Err(e.as_string().unwrap_or_else(|| {
            // A thrown Error: the module is missing (a development build) or trapped.
            let detail = js_sys::Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_else(|| format!("{e:?}"));
            format!("无法读取 PDF（{detail}）。\nCannot read the PDF ({detail}).")
        })),
    }
}
