//! Opening a PDF or a .docx: the file is read by a separate WebAssembly module (crate
//! `gouji-pdf-web`), which the page fetches and compiles only when such a file is opened
//! (`globalThis.goujiPdfText` and `goujiDocxText`, defined by web/static/boot.js when served
//! and by the single file's loader), so the page stays light for everyone else.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = globalThis, js_name = goujiPdfText, catch)]
    async fn gouji_pdf_text(bytes: js_sys::Uint8Array) -> Result<JsValue, JsValue>;
    #[cfg(not(feature = "docx"))]
    #[wasm_bindgen(js_namespace = globalThis, js_name = goujiDocxText, catch)]
    async fn gouji_docx_text(bytes: js_sys::Uint8Array) -> Result<JsValue, JsValue>;
}

/// A .docx file's text, or why not (Chinese, then English, on two lines).
#[cfg(not(feature = "docx"))]
pub async fn docx_text(bytes: &[u8]) -> Result<String, String> {
    read(
        gouji_docx_text(js_sys::Uint8Array::from(bytes)).await,
        "docx",
    )
}

/// The PDF's laid-out text, or why not (Chinese, then English, on two lines).
pub async fn pdf_text(bytes: &[u8]) -> Result<String, String> {
    read(gouji_pdf_text(js_sys::Uint8Array::from(bytes)).await, "PDF")
}

fn read(result: Result<JsValue, JsValue>, kind: &str) -> Result<String, String> {
    match result {
        Ok(text) => text.as_string().ok_or_else(|| {
            format!("{kind} 读取模块没有返回文字。\nThe {kind} reader returned no text.")
        }),
        Err(e) => Err(e.as_string().unwrap_or_else(|| {
            // A thrown Error: the module is missing (a development build) or trapped.
            let detail = js_sys::Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_else(|| format!("{e:?}"));
            format!("无法读取 {kind}（{detail}）。\nCannot read the {kind} ({detail}).")
        })),
    }
}
