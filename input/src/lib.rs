//! Turns the bytes of a report file into the text Gouji checks.
//!
//! Reports arrive as `.txt` in UTF-8 (with or without a BOM), UTF-16 (with a BOM) or the
//! GB18030/GBK family that many Chinese office machines still write, and as Word `.docx`.
//! The CLI reads files through [`read`]; the web app through [`format_of`] and
//! [`decode_with`] with the browser's `TextDecoder` as its [`Decoder`] (and reader modules for
//! PDF and `.docx`): the same detection and the same refusals, so a file gives the same text,
//! and therefore the same findings and spans, everywhere.
//!
//! Nothing here panics on hostile input: every failure is an [`InputError`] with a message a
//! reviewer can act on.

#[cfg(feature = "docx")]
mod docx;
#[cfg(feature = "pdf")]
mod pdf;

#[cfg(feature = "docx")]
pub use docx::{docx_text, MAX_TEXT_BYTES as MAX_DOCX_TEXT_BYTES, MAX_XML_BYTES};
#[cfg(feature = "pdf")]
pub use pdf::pdf_text;

/// Files above this size are refused before decoding (the checker itself refuses texts above
/// 16 MB; a `.docx` of a report is rarely above 5 MB).
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

/// A text with more than one character in this many replaced (U+FFFD for bytes the encoding
/// cannot decode) is refused as `undecodable`: the encoding is wrong. docs/json.md states
/// the same number (input/tests/limits.rs checks that it does).
pub const REPLACED_ONE_IN: usize = 20;

/// Which text encoding to assume for a text file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    /// BOM if present, else UTF-8 if the bytes are valid UTF-8, else GB18030.
    #[default]
    Auto,
    Utf8,
    /// GB18030, a superset of GBK and GB2312.
    Gb18030,
    Utf16Le,
    Utf16Be,
}

impl Encoding {
    /// Parses a user's `--encoding` value (`auto`, `utf-8`, `gbk`, `gb2312`, `gb18030`, …).
    pub fn parse(name: &str) -> Option<Encoding> {
        let name = name.trim().to_ascii_lowercase().replace('_', "-");
        Some(match name.as_str() {
            "auto" => Encoding::Auto,
            "utf-8" | "utf8" => Encoding::Utf8,
            "gbk" | "gb2312" | "gb18030" | "cp936" => Encoding::Gb18030,
            "utf-16le" | "utf-16" => Encoding::Utf16Le,
            "utf-16be" => Encoding::Utf16Be,
            _ => return None,
        })
    }
}

/// Does the file start like a PDF (`%PDF-` within its first KB, as readers allow)? Also
/// without the `pdf` feature: the web app hands such a file to its separate PDF module.
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
}

/// What kind of file the text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Docx,
    /// A PDF's text layer, laid out as `pdftotext -layout` does.
    Pdf,
}

/// What a file is, by its name or its first bytes: a PDF (`%PDF-` in its first KB), a
/// `.docx` (a zip), or else text. The CLI's [`read`] and the web app (which hands PDFs and
/// `.docx` files to reader modules it loads when needed) decide the same way.
pub fn format_of(name: &str, bytes: &[u8]) -> Format {
    let name = name.to_ascii_lowercase();
    if name.ends_with(".pdf") || is_pdf(bytes) {
        Format::Pdf
    } else if name.ends_with(".docx") || bytes.starts_with(b"PK\x03\x04") {
        Format::Docx
    } else {
        Format::Text
    }
}

/// Turns bytes into text in one given encoding, the WHATWG way (what browsers do): each
/// malformed sequence becomes U+FFFD. [`decode_with`] chooses the encoding and judges the
/// result; this only converts. [`EncodingRs`] (feature `text`) is the native one; the web app
/// uses the browser's `TextDecoder`, which spares the ~200 KB of encoding tables.
pub trait Decoder {
    /// `bytes` in `encoding` (never [`Encoding::Auto`]), and whether any sequence was
    /// malformed. A UTF-8 byte-order mark is kept (as U+FEFF), so that byte spans match the
    /// file; a UTF-16 one is removed.
    fn decode(&self, encoding: Encoding, bytes: &[u8]) -> (String, bool);
}

/// [`Decoder`] with `encoding_rs`.
#[cfg(feature = "text")]
pub struct EncodingRs;

#[cfg(feature = "text")]
impl Decoder for EncodingRs {
    fn decode(&self, encoding: Encoding, bytes: &[u8]) -> (String, bool) {
        let (cow, had_errors) = match encoding {
            Encoding::Utf8 | Encoding::Auto => {
                encoding_rs::UTF_8.decode_without_bom_handling(bytes)
            }
            Encoding::Gb18030 => encoding_rs::GB18030.decode_without_bom_handling(bytes),
            Encoding::Utf16Le => encoding_rs::UTF_16LE.decode_with_bom_removal(bytes),
            Encoding::Utf16Be => encoding_rs::UTF_16BE.decode_with_bom_removal(bytes),
        };
        (cow.into_owned(), had_errors)
    }
}

/// The text of a file and how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text. A UTF-8 BOM is kept so that byte spans match the file as read; the checker
    /// ignores it.
    pub text: String,
    /// The encoding used: `UTF-8`, `GB18030`, `UTF-16LE`, `UTF-16BE`, or `docx`.
    pub encoding: &'static str,
    pub format: Format,
    /// Characters that could not be decoded and became U+FFFD.
    pub replaced: usize,
}

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// No bytes, or only whitespace.
    Empty,
    /// Control bytes that no text file has: an image, a PDF, an executable, a `.doc`.
    Binary {
        hint: Option<&'static str>,
    },
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    /// Too many undecodable bytes for the chosen encoding.
    Undecodable {
        encoding: &'static str,
        replaced: usize,
    },
    /// A forced encoding that turns the file into nonsense: UTF-16 whose characters are
    /// mostly not text, or GB18030/GBK for a file that is valid UTF-8 (mojibake).
    Garbled {
        encoding: &'static str,
    },
    /// A zip that is not a readable Word document.
    Docx(String),
    /// A PDF whose structure could not be read.
    Pdf(String),
    /// A PDF with pages but no text layer: a scan.
    Scanned {
        pages: usize,
    },
}

/// `bytes` in MB with one decimal, as `format!("{:.1}", bytes as f64 / 1_048_576.0)` writes it
/// for any size below 2^53 bytes (ties to even), in integers: formatting an f64 pulls about 10 KB of float formatting code
/// into every wasm build that shows an [`InputError`] (gouji-core avoids it the same way).
fn megabytes(bytes: usize) -> String {
    const MB: usize = 1_048_576;
    let (mut whole, rem) = (bytes / MB, bytes % MB);
    // `rem * 10` is below 10.5 million: no overflow, and no 128-bit arithmetic in the wasm.
    let (mut tenth, rest) = (rem * 10 / MB, rem * 10 % MB);
    if rest > MB / 2 || (rest == MB / 2 && tenth % 2 == 1) {
        tenth += 1;
        if tenth == 10 {
            (whole, tenth) = (whole + 1, 0);
        }
    }
    format!("{whole}.{tenth}")
}

impl InputError {
    /// The message in Chinese (the interface's first language).
    pub fn message_zh(&self) -> String {
        match self {
            InputError::Empty => "文件为空：没有可核查的文字。".into(),
            InputError::Binary { hint: Some(h) } => {
                format!("不是文本文件（看起来是{h}）：请另存为 .txt 或 .docx 后再核查。")
            }
            InputError::Binary { hint: None } => {
                "不是文本文件（含有二进制数据）：请另存为 .txt 或 .docx 后再核查。".into()
            }
            InputError::TooLarge { bytes, limit } => format!(
                "文件过大（{} MB），超过上限 {} MB。",
                megabytes(*bytes),
                limit / 1_048_576
            ),
            InputError::Undecodable { encoding, replaced } => format!(
                "无法按 {encoding} 解码（{replaced} 处乱码）：请指定正确的编码（如 GBK 或 UTF-8）。"
            ),
            InputError::Garbled { encoding } => format!(
                "按 {encoding} 解码得到的是乱码：文件不是此编码，请换用正确的编码（或不指定 --encoding，自动识别）。"
            ),
            InputError::Docx(why) => format!("无法读取 .docx 文件：{why}"),
            InputError::Pdf(why) => format!("无法读取 PDF 文件：{why}"),
            InputError::Scanned { pages } => format!(
                "PDF 共 {pages} 页，但没有文字层（可能是扫描件）：请先做文字识别（OCR），或使用可复制文字的 PDF。"
            ),
        }
    }

    /// The message in English.
    pub fn message_en(&self) -> String {
        match self {
            InputError::Empty => "The file is empty: there is no text to check.".into(),
            InputError::Binary { hint: Some(h) } => {
                format!("Not a text file (it looks like {}): save it as .txt or .docx first.", english_hint(h))
            }
            InputError::Binary { hint: None } => {
                "Not a text file (it contains binary data): save it as .txt or .docx first.".into()
            }
            InputError::TooLarge { bytes, limit } => format!(
                "The file is too large ({} MB; the limit is {} MB).",
                megabytes(*bytes),
                limit / 1_048_576
            ),
            InputError::Undecodable { encoding, replaced } => format!(
                "Cannot decode as {encoding} ({replaced} bad sequences): choose the right encoding (e.g. GBK or UTF-8)."
            ),
            InputError::Garbled { encoding } => format!(
                "Decoding as {encoding} gives garbled text: the file is not in this encoding; choose the right one (or leave --encoding out to detect it)."
            ),
            InputError::Docx(why) => format!("Cannot read the .docx file: {why}"),
            InputError::Pdf(why) => format!("Cannot read the PDF: {why}"),
            InputError::Scanned { pages } => format!(
                "The PDF has {pages} pages but no text layer (a scan?): run text recognition (OCR) first, or use a PDF whose text can be copied."
            ),
        }
    }
}

fn english_hint(zh: &str) -> &'static str {
    match zh {
        "PDF 文件" => "a PDF",
        "旧版 Word（.doc）或 Excel（.xls）文件" => "an old Word .doc or Excel .xls file",
        "图片" => "an image",
        "压缩包" => "a zip archive",
        _ => "binary data",
    }
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message_zh())
    }
}

impl std::error::Error for InputError {}

#[cfg(feature = "text")]
/// Reads one file: a `.docx` (by name or by its zip signature) or a text file in `encoding`.
pub fn read(name: &str, bytes: &[u8], encoding: Encoding) -> Result<Decoded, InputError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(InputError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let format = format_of(name, bytes);
    let (text, encoding) = match format {
        #[cfg(feature = "pdf")]
        Format::Pdf => (pdf_text(bytes)?, "pdf"),
        Format::Docx => (docx_text(bytes)?, "docx"),
        // Without the `pdf` feature a PDF is refused as binary, with a hint saying so.
        _ => return decode(bytes, encoding),
    };
    Ok(Decoded {
        text,
        encoding,
        format,
        replaced: 0,
    })
}

/// Decodes the bytes of a text file with `encoding_rs`.
#[cfg(feature = "text")]
pub fn decode(bytes: &[u8], encoding: Encoding) -> Result<Decoded, InputError> {
    decode_with(bytes, encoding, &EncodingRs)
}

/// Decodes the bytes of a text file through `decoder`: detects the encoding (see
/// [`Encoding::Auto`]) and refuses what is empty, binary, garbled or undecodable.
pub fn decode_with(
    bytes: &[u8],
    encoding: Encoding,
    decoder: &dyn Decoder,
) -> Result<Decoded, InputError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(InputError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(InputError::Empty);
    }
    let forced = encoding != Encoding::Auto;
    let encoding = match encoding {
        Encoding::Auto => detect(bytes, decoder),
        other => other,
    };
    // GB18030 decodes any bytes, and a UTF-8 file read as GBK is mojibake with no
    // undecodable byte to tell; a GBK text of any length is never valid UTF-8.
    if forced
        && encoding == Encoding::Gb18030
        && !bytes.is_ascii()
        && std::str::from_utf8(bytes).is_ok()
    {
        return Err(InputError::Garbled {
            encoding: "GB18030",
        });
    }
    let name = match encoding {
        Encoding::Utf8 | Encoding::Auto => "UTF-8",
        Encoding::Gb18030 => "GB18030",
        Encoding::Utf16Le => "UTF-16LE",
        Encoding::Utf16Be => "UTF-16BE",
    };
    let (text, had_errors) = decoder.decode(encoding, bytes);
    let replaced = if had_errors {
        count_replacements(&text)
    } else {
        0
    };
    if looks_binary(&text) {
        return Err(InputError::Binary {
            hint: binary_hint(bytes),
        });
    }
    // UTF-16 decodes almost any bytes too: forced on a file that is not UTF-16, it gives
    // characters from all over Unicode (Hangul, Yi, private use) instead of text.
    if forced
        && matches!(encoding, Encoding::Utf16Le | Encoding::Utf16Be)
        && text_share(&text) < 0.8
    {
        return Err(InputError::Garbled { encoding: name });
    }
    // A few bad bytes (a truncated file, one stray character) are tolerated and reported;
    // more than 1 in `REPLACED_ONE_IN` characters means the encoding is wrong.
    if replaced > 0 && replaced * REPLACED_ONE_IN > text.chars().count() {
        return Err(InputError::Undecodable {
            encoding: name,
            replaced,
        });
    }
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(InputError::Empty);
    }
    Ok(Decoded {
        text,
        encoding: name,
        format: Format::Text,
        replaced,
    })
}

/// BOM first; then UTF-16 without BOM if the bytes have NULs and read as text in UTF-16;
/// then UTF-8 if valid; else GB18030 (its decoder accepts GBK and GB2312 too).
fn detect(bytes: &[u8], decoder: &dyn Decoder) -> Encoding {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Encoding::Utf8;
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Encoding::Utf16Le;
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Encoding::Utf16Be;
    }
    if let Some(utf16) = utf16_without_bom(bytes, decoder) {
        return utf16;
    }
    if std::str::from_utf8(bytes).is_ok() {
        return Encoding::Utf8;
    }
    // Invalid UTF-8: a text written by a Chinese office machine is GB18030/GBK far more
    // often than anything else, and GBK read as UTF-8 is invalid almost everywhere. A UTF-8
    // file with a stray bad byte or two (or cut mid-character) is still overwhelmingly
    // valid: keep it UTF-8 when fewer than 1 in 20 characters fail (GBK Chinese read as
    // UTF-8 fails on nearly every Chinese character).
    let (text, _) = decoder.decode(Encoding::Utf8, bytes);
    let bad = count_replacements(&text);
    if bad * 20 < text.chars().count() {
        Encoding::Utf8
    } else {
        Encoding::Gb18030
    }
}

/// UTF-16 without a BOM. No UTF-8 or GBK text has NUL bytes, while UTF-16 has one in every
/// ASCII character (a digit, a newline) and in characters like 一 (U+4E00); and decoded in
/// the right byte order, a report is CJK, ASCII and punctuation (in the wrong one, or from
/// a binary file, it is characters from all over Unicode). Judged on the first 64 KB.
fn utf16_without_bom(bytes: &[u8], decoder: &dyn Decoder) -> Option<Encoding> {
    let sample = &bytes[..bytes.len().min(1 << 16) & !1];
    if !sample.contains(&0) {
        return None;
    }
    let share = |enc| text_share(&decoder.decode(enc, sample).0);
    let (le, be) = (share(Encoding::Utf16Le), share(Encoding::Utf16Be));
    if le >= 0.9 && le >= be {
        Some(Encoding::Utf16Le)
    } else if be >= 0.9 {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

/// The share of a text's characters that a Chinese report is made of: ASCII text, CJK
/// ideographs and their punctuation, full-width forms, general punctuation, circled numbers,
/// box drawing. A NUL is none of these.
pub fn text_share(text: &str) -> f64 {
    let (mut total, mut texty) = (0usize, 0usize);
    for c in text.chars() {
        total += 1;
        texty += usize::from(matches!(c,
            '\t' | '\n' | '\r' | ' '..='~' | '\u{a0}'..='\u{ff}' | '\u{2000}'..='\u{206f}'
            | '\u{2150}'..='\u{21ff}' | '\u{2460}'..='\u{257f}' | '\u{3000}'..='\u{30ff}'
            | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{fe30}'..='\u{fe4f}'
            | '\u{feff}'..='\u{ffef}'));
    }
    if total == 0 {
        1.0
    } else {
        texty as f64 / total as f64
    }
}

/// How many characters could not be decoded (U+FFFD).
pub fn count_replacements(text: &str) -> usize {
    text.chars().filter(|&c| c == '\u{fffd}').count()
}

/// Text files have no NULs and almost no C0 control characters besides tab, newline, CR
/// and form feed.
pub fn looks_binary(text: &str) -> bool {
    let mut controls = 0usize;
    let mut total = 0usize;
    for c in text.chars().take(1 << 20) {
        total += 1;
        if c == '\0' {
            return true;
        }
        if (c < ' ' && !matches!(c, '\t' | '\n' | '\r' | '\x0c')) || c == '\x7f' {
            controls += 1;
        }
    }
    controls * 100 > total
}

/// What a binary file looks like (PDF, old Office, image, zip), from its first bytes.
pub fn binary_hint(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF") {
        Some("PDF 文件")
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        Some("旧版 Word（.doc）或 Excel（.xls）文件")
    } else if bytes.starts_with(&[0x89, b'P', b'N', b'G'])
        || bytes.starts_with(&[0xFF, 0xD8, 0xFF])
        || bytes.starts_with(b"GIF8")
    {
        Some("图片")
    } else if bytes.starts_with(b"PK") {
        Some("压缩包")
    } else {
        None
    }
}

#[cfg(all(test, feature = "text"))]
mod tests {

    #[test]
    fn megabytes_are_written_as_the_float_formatting_writes_them() {
        let float = |b: usize| format!("{:.1}", b as f64 / 1_048_576.0);
        // Every odd twentieth of a MB up to 1 GB and its neighbours (the exact ties, between two
        // tenths, are the odd multiples of 5 × 1 MB / 20), then a stride through the sizes.
        for k in (1..20_480usize).step_by(2) {
            let tie = k * 1_048_576 / 20;
            for b in [tie.saturating_sub(1), tie, tie + 1] {
                assert_eq!(megabytes(b), float(b), "{b} bytes");
            }
        }
        for b in (0..200_000_000usize).step_by(4_099) {
            assert_eq!(megabytes(b), float(b), "{b} bytes");
        }
    }

    use super::*;

    const REPORT: &str = "本年支出合计1,234.56万元，其中：基本支出1,000.00万元。\n";

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode(REPORT.as_bytes(), Encoding::Auto).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (REPORT, "UTF-8"));
        let bom = [b"\xEF\xBB\xBF".as_slice(), REPORT.as_bytes()].concat();
        let d = decode(&bom, Encoding::Auto).unwrap();
        assert_eq!(
            d.text,
            format!("\u{feff}{REPORT}"),
            "BOM kept so byte spans match the file"
        );
    }

    #[test]
    fn gbk_is_detected_and_decoded() {
        let (bytes, _, _) = encoding_rs::GBK.encode(REPORT);
        assert!(std::str::from_utf8(&bytes).is_err());
        let d = decode(&bytes, Encoding::Auto).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding, d.replaced),
            (REPORT, "GB18030", 0)
        );
    }

    #[test]
    fn utf8_with_a_stray_byte_stays_utf8() {
        let mut bytes = REPORT.repeat(5).into_bytes();
        bytes.insert(40, 0xFF);
        let d = decode(&bytes, Encoding::Auto).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!((1..=3).contains(&d.replaced), "{}", d.replaced);
        assert!(d.text.contains("本年支出合计"));
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in REPORT.encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let d = decode(&bytes, Encoding::Auto).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (REPORT, "UTF-16LE"));
    }

    fn utf16(text: &str, le: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
            .collect()
    }

    /// Without a BOM, mostly Chinese (few ASCII characters, and 一 with its NUL byte on the
    /// other side) in both byte orders; also all-ASCII.
    #[test]
    fn utf16_without_bom_is_detected() {
        let chinese =
            "一、部门决算收支情况说明。本年收入合计一千万元，其中财政拨款一千万元。\n".repeat(20);
        for text in [REPORT.repeat(10), chinese, "Total 1,234.56\n".repeat(10)] {
            for (le, name) in [(true, "UTF-16LE"), (false, "UTF-16BE")] {
                let d = decode(&utf16(&text, le), Encoding::Auto).unwrap();
                assert_eq!((d.text.as_str(), d.encoding), (text.as_str(), name));
            }
        }
        // Binary data with NULs stays binary.
        let png = [
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".as_slice(),
            &[7u8; 300],
            &[0u8; 300],
        ]
        .concat();
        assert!(matches!(
            decode(&png, Encoding::Auto),
            Err(InputError::Binary { .. })
        ));
    }

    /// A forced encoding that gives nonsense without undecodable bytes is refused too.
    #[test]
    fn forced_encoding_that_garbles_is_refused() {
        let text = REPORT.repeat(10);
        for e in [Encoding::Utf16Le, Encoding::Utf16Be] {
            let err = decode(text.as_bytes(), e).unwrap_err();
            assert!(matches!(err, InputError::Garbled { .. }), "{err:?}");
            assert!(err.message_en().contains("garbled"));
        }
        let err = decode(text.as_bytes(), Encoding::Gb18030).unwrap_err();
        assert_eq!(
            err,
            InputError::Garbled {
                encoding: "GB18030"
            }
        );
        // The right encodings, forced, still read.
        let (gbk, _, _) = encoding_rs::GBK.encode(&text);
        assert_eq!(decode(&gbk, Encoding::Gb18030).unwrap().text, text);
        assert_eq!(
            decode(&utf16(&text, true), Encoding::Utf16Le).unwrap().text,
            text
        );
        assert_eq!(
            decode(b"plain ASCII 1.00", Encoding::Gb18030).unwrap().text,
            "plain ASCII 1.00"
        );
    }

    #[test]
    fn forced_wrong_encoding_is_refused() {
        let (bytes, _, _) = encoding_rs::GBK.encode(REPORT);
        let err = decode(&bytes, Encoding::Utf8).unwrap_err();
        assert!(
            matches!(
                err,
                InputError::Undecodable {
                    encoding: "UTF-8",
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(err.message_zh().contains("GBK"));
    }

    #[test]
    fn empty_and_binary_are_refused() {
        assert_eq!(decode(b"", Encoding::Auto), Err(InputError::Empty));
        assert_eq!(decode(b" \n\t\r\n", Encoding::Auto), Err(InputError::Empty));
        assert_eq!(
            decode("\u{feff}\n".as_bytes(), Encoding::Auto),
            Err(InputError::Empty)
        );
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
        assert_eq!(
            read("a.txt", png, Encoding::Auto),
            Err(InputError::Binary {
                hint: Some("图片")
            })
        );
        let pdf =
            b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<</Length 5>>stream\n\0\x01\x02\x03endstream";
        // A PDF is read as one (with the `pdf` feature: the CLI) or named as one (without).
        let r = read("a.txt", pdf, Encoding::Auto);
        if cfg!(feature = "pdf") {
            assert!(matches!(r, Err(InputError::Pdf(_))), "{r:?}");
        } else {
            assert_eq!(
                r,
                Err(InputError::Binary {
                    hint: Some("PDF 文件")
                })
            );
        }
    }

    #[test]
    fn encoding_names_parse() {
        assert_eq!(Encoding::parse("GBK"), Some(Encoding::Gb18030));
        assert_eq!(Encoding::parse("utf_8"), Some(Encoding::Utf8));
        assert_eq!(Encoding::parse("latin1"), None);
    }
}
