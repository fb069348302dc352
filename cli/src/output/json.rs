//! `--format json` (one document) and `--format jsonl` (one line per input, written as soon
//! as the input and all before it are done). The shape is documented in `docs/json.md`.

use std::io::{self, Write};

use gouji_core::json::{ErrorBody, ErrorEntry, FileEntry};
use serde::Serialize;

use super::{Render, Sink, Totals};
use crate::run::{Checked, FileError, FileResult};

/// A checked input's entry, in the shape the core declares.
fn entry<'a>(path: &'a str, c: &'a Checked, summary: bool) -> FileEntry<'a> {
    let e = FileEntry::new(&c.report)
        .path(path)
        .source(c.encoding, c.replaced);
    if summary {
        e.summary()
    } else {
        e
    }
}

fn error_body(e: &FileError) -> ErrorBody<'_> {
    ErrorBody {
        kind: e.kind,
        message: &e.message_zh,
        message_en: &e.message_en,
    }
}

/// One checked input's entry of the document, pretty-printed at the depth of `files[]`.
pub struct JsonRender {
    pub summary: bool,
}

impl Render for JsonRender {
    fn render(&self, r: &FileResult) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        if let Ok(c) = &r.outcome {
            write_nested(&mut out, &entry(&r.name, c, self.summary), "    ")?;
        }
        Ok(out)
    }
}

/// Writes the document as it goes: each checked input's entry as soon as it is done, so that
/// memory does not grow with the number of inputs. The bytes are what `to_writer_pretty`
/// would write for the whole document.
#[derive(Default)]
pub struct JsonSink {
    started: bool,
    files: usize,
    errors: Vec<(String, FileError)>,
}

impl JsonSink {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if !self.started {
            self.started = true;
            out.write_all(b"{\n  \"files\": [")?;
        }
        Ok(())
    }
}

/// `value` pretty-printed, every line after the first indented by `indent` (JSON strings
/// hold no raw newlines, so lines are safe to indent).
fn write_nested(out: &mut dyn Write, value: &impl Serialize, indent: &str) -> io::Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(io::Error::from)?;
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
            out.write_all(indent.as_bytes())?;
        }
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

impl Sink for JsonSink {
    fn file(&mut self, out: &mut dyn Write, r: FileResult, entry: Vec<u8>) -> io::Result<()> {
        self.start(out)?;
        match r.outcome {
            Ok(_) => {
                out.write_all(if self.files == 0 {
                    b"\n    "
                } else {
                    b",\n    "
                })?;
                self.files += 1;
                out.write_all(&entry)
            }
            Err(e) => {
                self.errors.push((r.name, e));
                Ok(())
            }
        }
    }

    fn finish(&mut self, out: &mut dyn Write, totals: &Totals) -> io::Result<()> {
        self.start(out)?;
        if self.files > 0 {
            out.write_all(b"\n  ")?;
        }
        out.write_all(b"],\n  \"errors\": ")?;
        let errors: Vec<ErrorEntry> = self
            .errors
            .iter()
            .map(|(path, e)| ErrorEntry {
                path,
                error: error_body(e),
            })
            .collect();
        write_nested(out, &errors, "  ")?;
        out.write_all(b",\n  \"total\": ")?;
        write_nested(out, &totals.counts, "  ")?;
        out.write_all(b"\n}\n")
    }
}

/// One line per input.
pub struct JsonLinesRender {
    pub summary: bool,
}

impl Render for JsonLinesRender {
    fn render(&self, r: &FileResult) -> io::Result<Vec<u8>> {
        #[derive(Serialize)]
        struct Failed<'a> {
            path: &'a str,
            error: ErrorBody<'a>,
        }
        let mut out = match &r.outcome {
            Ok(c) => serde_json::to_vec(&entry(&r.name, c, self.summary)),
            Err(e) => serde_json::to_vec(&Failed {
                path: &r.name,
                error: error_body(e),
            }),
        }
        .map_err(io::Error::from)?;
        out.push(b'\n');
        Ok(out)
    }
}

/// Each line written and flushed as soon as it is its turn.
pub struct JsonLinesSink;

impl Sink for JsonLinesSink {
    fn file(&mut self, out: &mut dyn Write, _: FileResult, line: Vec<u8>) -> io::Result<()> {
        out.write_all(&line)?;
        out.flush()
    }

    fn finish(&mut self, _out: &mut dyn Write, _totals: &Totals) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gouji_core::json::Document;

    /// Two checked inputs and one that could not be read.
    fn results() -> Vec<FileResult> {
        let checked = |name: &str, text: &str| FileResult {
            name: name.into(),
            outcome: Ok(Checked {
                text: text.into(),
                encoding: "UTF-8",
                replaced: 0,
                report: gouji_core::check(text, &gouji_core::Options::default()),
            }),
        };
        vec![
            checked("a.txt", "本年支出合计3.00元，其中：甲1.00元，乙1.00元。"),
            FileResult {
                name: "b.png".into(),
                outcome: Err(FileError {
                    kind: "binary",
                    message_zh: "不是文本文件".into(),
                    message_en: "Not a text file".into(),
                }),
            },
            checked("c.txt", "合计2.00元，其中：甲1.00元，乙1.00元。"),
        ]
    }

    /// What the sink streams is the core's document, pretty-printed, byte for byte.
    #[test]
    fn the_streamed_document_is_the_cores_document() {
        let render = JsonRender { summary: false };
        let mut sink = JsonSink::default();
        let mut totals = Totals::default();
        let mut out = Vec::new();
        for r in results() {
            totals.add(&r);
            let bytes = render.render(&r).unwrap();
            sink.file(&mut out, r, bytes).unwrap();
        }
        sink.finish(&mut out, &totals).unwrap();

        let all = results();
        let files: Vec<_> = all
            .iter()
            .filter_map(|r| r.outcome.as_ref().ok().map(|c| entry(&r.name, c, false)))
            .collect();
        let errors: Vec<_> = all
            .iter()
            .filter_map(|r| {
                r.outcome.as_ref().err().map(|e| ErrorEntry {
                    path: &r.name,
                    error: error_body(e),
                })
            })
            .collect();
        let doc = Document {
            files: &files,
            errors: &errors,
            total: &totals.counts,
        };
        let want = serde_json::to_string_pretty(&doc).unwrap() + "\n";
        assert_eq!(String::from_utf8(out).unwrap(), want);
        assert!(want.starts_with("{\n  \"files\": [\n    {\n      \"path\": \"a.txt\",\n      \"encoding\": \"UTF-8\",\n      \"replaced\": 0,\n      \"report\""), "{want}");
    }
}
