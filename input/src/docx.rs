//! The text of a Word `.docx`: its main part `word/document.xml`, paragraph by paragraph,
//! with each table row on one line and its cells separated by tabs (the same TSV shape a
//! table has when pasted from Word, which the checker's table stage reads).

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::InputError;

/// The main part is refused above this size once inflated: a zip bomb must not exhaust
/// the user's memory. Real reports' document.xml are a few MB. It is the only part read.
pub const MAX_XML_BYTES: u64 = 128 * 1024 * 1024;

/// The text extracted is refused above this size (the checker's own limit, 16 MB), as soon
/// as it is reached: 128 MB of XML can hold far more text than can be checked, and building
/// it all first took a gigabyte for a 366 KB file.
pub const MAX_TEXT_BYTES: usize = 16 * 1024 * 1024;

/// Extracts the text of a `.docx`.
pub fn docx_text(bytes: &[u8]) -> Result<String, InputError> {
    docx_text_limited(bytes, MAX_XML_BYTES, MAX_TEXT_BYTES)
}

/// [`docx_text`] with the limits as parameters (for tests).
fn docx_text_limited(bytes: &[u8], max_xml: u64, max_text: usize) -> Result<String, InputError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| match e {
        zip::result::ZipError::InvalidArchive(_) | zip::result::ZipError::Io(_) => {
            InputError::Docx("不是有效的 .docx（zip）文件".into())
        }
        other => InputError::Docx(other.to_string()),
    })?;
    let mut part = archive
        .by_name("word/document.xml")
        .map_err(|_| InputError::Docx("缺少正文（word/document.xml）：不是 Word 文档".into()))?;
    // The XML is parsed as it inflates, never held whole: only the text is built, and the
    // inflated bytes are counted against `max_xml` (the size the zip claims is only a hint).
    let hint = (part.size().min(max_xml) / 4) as usize;
    let mut xml = std::io::BufReader::new((&mut part).take(max_xml + 1));
    let text = document_text_from(&mut xml, hint.min(max_text), max_text);
    if xml.get_ref().limit() == 0 {
        return Err(InputError::TooLarge {
            bytes: max_xml as usize + 1,
            limit: max_xml as usize,
        });
    }
    text
}

/// Walks `w:body`: `w:t` text, `w:tab`, `w:br`; a paragraph ends a line, except inside a
/// table cell, where paragraphs are joined by a space and the cell ends with a tab.
#[cfg(test)]
fn document_text(xml: &str) -> Result<String, InputError> {
    document_text_from(xml.as_bytes(), xml.len() / 4, MAX_TEXT_BYTES)
}

/// [`document_text`] from XML read as it comes, refused with `TooLarge` as soon as the
/// text passes `max_text` bytes.
fn document_text_from(
    xml: impl std::io::BufRead,
    capacity: usize,
    max_text: usize,
) -> Result<String, InputError> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = String::with_capacity(capacity);
    let mut in_text = false; // inside <w:t>: its character data is document text
    let mut cell_depth = 0usize; // nesting of <w:tc>
    let mut row = String::new(); // the current table row, cells joined by tabs
    let mut cell = String::new();
    let mut cells_in_row = 0usize;
    loop {
        // Everything built so far: the text, the open row and the open cell.
        let built = out.len() + row.len() + cell.len();
        if built > max_text {
            return Err(InputError::TooLarge {
                bytes: built,
                limit: max_text,
            });
        }
        buf.clear();
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| InputError::Docx(format!("正文 XML 有误：{e}")))?;
        // Where text goes: the open cell, else the body.
        let sink: &mut String = if cell_depth > 0 { &mut cell } else { &mut out };
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                "t" => in_text = true,
                "tc" => {
                    cell_depth += 1;
                    if cell_depth == 1 {
                        cell.clear();
                    }
                }
                "tr" if cell_depth == 0 => {
                    row.clear();
                    cells_in_row = 0;
                }
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                "tab" => sink.push('\t'),
                "br" | "cr" => sink.push(if cell_depth > 0 { ' ' } else { '\n' }),
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "p" => {
                    if cell_depth > 0 {
                        if !cell.is_empty() && !cell.ends_with(' ') {
                            cell.push(' ');
                        }
                    } else {
                        out.push('\n');
                    }
                }
                "tc" => {
                    cell_depth = cell_depth.saturating_sub(1);
                    if cell_depth == 0 {
                        if cells_in_row > 0 {
                            row.push('\t');
                        }
                        // Tabs and line breaks inside a cell would split it.
                        let text = cell.trim().replace(['\t', '\n'], " ");
                        row.push_str(&text);
                        cells_in_row += 1;
                    }
                }
                "tr" if cell_depth == 0 => {
                    out.push_str(&row);
                    out.push('\n');
                    row.clear();
                    cells_in_row = 0;
                }
                _ => {}
            },
            Event::Text(t) if in_text => {
                // One text node may be the whole part: refused before it is copied.
                if built + t.len() > max_text {
                    return Err(InputError::TooLarge {
                        bytes: built + t.len(),
                        limit: max_text,
                    });
                }
                sink.push_str(&t.xml10_content())
            }
            Event::GeneralRef(r) if in_text => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    sink.push(c);
                } else if let Some(s) = quick_xml::escape::resolve_predefined_entity(&r) {
                    sink.push_str(s);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if out.trim().is_empty() {
        return Err(InputError::Empty);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>一、收入支出决算总体情况说明</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">2023年度收入、支出总计</w:t></w:r><w:r><w:t>1,234.56</w:t></w:r><w:r><w:t>万元。R&amp;D</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>金额</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>基本</w:t></w:r></w:p><w:p><w:r><w:t>支出</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1,000.00</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><w:t>合计</w:t></w:r><w:r><w:tab/><w:t>&#49;0</w:t></w:r></w:p>
</w:body></w:document>"#;

    #[test]
    fn paragraphs_runs_tables_and_entities() {
        let text = document_text(BODY).unwrap();
        assert_eq!(
            text,
            "一、收入支出决算总体情况说明\n2023年度收入、支出总计1,234.56万元。R&D\n项目\t金额\n基本 支出\t1,000.00\n合计\t10\n"
        );
    }

    fn zipped(xml: &str) -> Vec<u8> {
        use std::io::Write;
        let mut buf = Cursor::new(Vec::new());
        let mut w = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        w.start_file("word/document.xml", opts).unwrap();
        w.write_all(xml.as_bytes()).unwrap();
        w.finish().unwrap();
        buf.into_inner()
    }

    /// The limits hold for the inflated XML and for the text built from it, whatever the
    /// shape: one long run, many paragraphs, one huge table cell or row.
    #[test]
    fn inflated_xml_and_extracted_text_are_bounded() {
        let open = r#"<w:document xmlns:w="x"><w:body>"#;
        let close = "</w:body></w:document>";
        let run = format!(
            "{open}<w:p><w:r><w:t>{}</w:t></w:r></w:p>{close}",
            "字".repeat(2000)
        );
        let paragraphs = format!(
            "{open}{}{close}",
            "<w:p><w:r><w:t>字字</w:t></w:r></w:p>".repeat(1000)
        );
        let cell = format!(
            "{open}<w:tbl><w:tr><w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>{close}",
            "字".repeat(2000)
        );
        let row = format!(
            "{open}<w:tbl><w:tr>{}</w:tr></w:tbl>{close}",
            "<w:tc><w:p><w:r><w:t>字字</w:t></w:r></w:p></w:tc>".repeat(1000)
        );
        for xml in [&run, &paragraphs, &cell, &row] {
            let docx = zipped(xml);
            // Well within the limits: read.
            assert!(docx_text_limited(&docx, 1 << 20, 1 << 20).is_ok());
            // Text above its limit: refused with the size reached and the limit.
            match docx_text_limited(&docx, 1 << 20, 4000) {
                Err(InputError::TooLarge { bytes, limit: 4000 }) => {
                    assert!(bytes > 4000 && bytes < 4000 + 7000, "{bytes}")
                }
                other => panic!("{other:?}"),
            }
            // XML above its limit: refused before any text is built.
            let small = xml.len() as u64 - 1;
            assert!(matches!(
                docx_text_limited(&docx, small, 1 << 20),
                Err(InputError::TooLarge { .. })
            ));
        }
    }

    #[test]
    fn not_a_docx() {
        assert!(matches!(
            docx_text(b"PK\x03\x04garbage"),
            Err(InputError::Docx(_))
        ));
        assert!(matches!(docx_text(b""), Err(InputError::Docx(_))));
    }

    #[test]
    fn broken_xml_is_an_error_not_a_panic() {
        assert!(document_text("<w:document><w:body><w:p><w:t>a</w:x>").is_err());
        assert_eq!(document_text("<a/>"), Err(InputError::Empty));
    }

    #[test]
    fn a_real_zip_round_trip() {
        use std::io::Write;
        let mut buf = Cursor::new(Vec::new());
        {
            let mut w = zip::ZipWriter::new(&mut buf);
            let opts = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            w.start_file("word/document.xml", opts).unwrap();
            w.write_all(BODY.as_bytes()).unwrap();
            w.finish().unwrap();
        }
        let text = docx_text(buf.get_ref()).unwrap();
        assert!(text.starts_with("一、收入支出决算总体情况说明\n"));
        let missing = {
            let mut buf = Cursor::new(Vec::new());
            let mut w = zip::ZipWriter::new(&mut buf);
            w.start_file("a.txt", zip::write::SimpleFileOptions::default())
                .unwrap();
            w.finish().unwrap();
            buf.into_inner()
        };
        assert!(
            matches!(docx_text(&missing), Err(InputError::Docx(m)) if m.contains("document.xml"))
        );
    }
}
