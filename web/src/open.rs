//! Opening a file, through `gouji-input` as `gouji check` does, so that a file gives the same
//! text, and so the same findings and spans, in the app as on the command line.
//!
//! - A text file: `gouji_input::decode_with` detects the encoding (byte-order mark, UTF-16
//!   without one, UTF-8, else GB18030) and refuses what is empty, binary or undecodable; the
//!   browser's `TextDecoder` does the conversion, which spares the ~200 KB of encoding tables
//!   of `gouji-input`'s `text` feature.
//! - A PDF or a .docx (`gouji_input::format_of`): read by a separate WebAssembly module
//!   (crates `gouji-pdf-web`, `gouji-docx-web`), which the page fetches and compiles only when
//!   such a file is opened (`globalThis.goujiPdfText` and `goujiDocxText`, defined by
//!   web/static/boot.js when served and by the single file's loader), so the page stays light
//!   for everyone else. The single-file bundle (feature `docx`) reads a .docx itself.

use gouji_input::{Encoding, Format, InputError};
use wasm_bindgen::prelude::*;

/// An opened file's text and how it was read.
pub struct Opened {
    pub text: String,
    /// `UTF-8`, `GB18030`, `UTF-16LE`, `UTF-16BE`, `docx` or `pdf`, as `gouji check` says.
    pub encoding: &'static str,
    /// Characters that could not be decoded and became U+FFFD.
    pub replaced: usize,
}

/// Why an opened file gave no text.
pub enum OpenError {
    Input(InputError),
    /// The reader module's reason (Chinese first line, English second).
    Reader(String),
}

impl OpenError {
    pub fn message(&self, en: bool) -> String {
        match self {
            OpenError::Input(e) if en => e.message_en(),
            OpenError::Input(e) => e.message_zh(),
            OpenError::Reader(why) => {
                let mut lines = why.lines();
                let zh = lines.next().unwrap_or_default();
                if en { lines.next().unwrap_or(zh) } else { zh }.to_string()
            }
        }
    }
}

/// The text of a file of `format` (see `gouji_input::format_of`).
pub async fn read(format: Format, bytes: &[u8]) -> Result<Opened, OpenError> {
    let from_reader = |text, encoding| Opened {
        text,
        encoding,
        replaced: 0,
    };
    match format {
        Format::Pdf => pdf_text(bytes)
            .await
            .map(|t| from_reader(t, "pdf"))
            .map_err(OpenError::Reader),
        Format::Docx => docx_text(bytes).await.map(|t| from_reader(t, "docx")),
        Format::Text => gouji_input::decode_with(bytes, Encoding::Auto, &Browser)
            .map(|d| Opened {
                text: d.text,
                encoding: d.encoding,
                replaced: d.replaced,
            })
            .map_err(OpenError::Input),
    }
}

/// The browser's `TextDecoder` as `gouji-input`'s decoder.
struct Browser;

impl gouji_input::Decoder for Browser {
    fn decode(&self, encoding: Encoding, bytes: &[u8]) -> (String, bool) {
        let label = match encoding {
            Encoding::Utf8 | Encoding::Auto => "utf-8",
            Encoding::Gb18030 => "gb18030",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
        };
        // As `gouji-input` wants: a UTF-8 byte-order mark kept (`ignoreBOM`), a UTF-16 one
        // removed (the decoder's default).
        let options = web_sys::TextDecoderOptions::new();
        if encoding == Encoding::Utf8 {
            let _ = js_sys::Reflect::set(&options, &"ignoreBOM".into(), &true.into());
        }
        let text = web_sys::TextDecoder::new_with_label_and_options(label, &options)
            .and_then(|d| d.decode_with_u8_array(bytes))
            .unwrap_or_default();
        // The decoder does not say whether it replaced anything: a U+FFFD in the text may
        // have been one (`gouji-input` then counts them).
        let replaced = text.contains('\u{fffd}');
        (text, replaced)
    }
}

/// A .docx file's text: read here in the single-file bundle (feature `docx`).
#[cfg(feature = "docx")]
async fn docx_text(bytes: &[u8]) -> Result<String, OpenError> {
    gouji_input::docx_text(bytes).map_err(OpenError::Input)
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = globalThis, js_name = goujiPdfText, catch)]
    async fn gouji_pdf_text(bytes: js_sys::Uint8Array) -> Result<JsValue, JsValue>;
    #[cfg(not(feature = "docx"))]
    #[wasm_bindgen(js_namespace = globalThis, js_name = goujiDocxText, catch)]
    async fn gouji_docx_text(bytes: js_sys::Uint8Array) -> Result<JsValue, JsValue>;
}

/// A .docx file's text, by the reader module in the served app.
#[cfg(not(feature = "docx"))]
async fn docx_text(bytes: &[u8]) -> Result<String, OpenError> {
    from_module(
        gouji_docx_text(js_sys::Uint8Array::from(bytes)).await,
        "docx",
    )
    .map_err(OpenError::Reader)
}

/// The PDF's laid-out text, or why not (Chinese, then English, on two lines).
async fn pdf_text(bytes: &[u8]) -> Result<String, String> {
    from_module(gouji_pdf_text(js_sys::Uint8Array::from(bytes)).await, "PDF")
}

fn from_module(result: Result<JsValue, JsValue>, kind: &str) -> Result<String, String> {
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
