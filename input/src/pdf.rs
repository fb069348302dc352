//! A PDF's text layer, laid out as `pdftotext -layout` lays it out: one line per baseline,
//! table cells padded to the columns their positions give, a form feed after each page. The
//! checker reads laid-out tables by where their figures end, so a PDF read here is checked
//! exactly as the same report converted with `pdftotext -layout`.
//!
//! The glyphs and their positions come from `pdf-extract` (on `lopdf`): fonts with ToUnicode
//! maps, Identity-H CID fonts, the standard encodings. The layout is ours:
//! - a row is the glyphs whose baselines lie within 0.4 em of each other;
//! - the column of a glyph is its x position in half-ems of the page's commonest font size
//!   (a CJK glyph is one character but two half-ems wide, so text never runs past the
//!   column of what follows it);
//! - a glyph's width is capped by its kind (half an em and a bit for ASCII, an em for CJK):
//!   some producers place every glyph themselves and declare them all an em wide;
//! - a line with a gap of an em or more is laid out in cells, each gap padded to the next
//!   glyph's column so that a table's columns align from row to row; any other line is prose,
//!   each gap one space (justified text spreads its glyphs).
//!
//! `pdf-extract` panics on some malformed files: the reading runs under `catch_unwind` with
//! the panic message kept off the terminal, and a panic is reported as an unreadable PDF.

use crate::InputError;
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};
use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

/// One glyph placed on its page (y grows downwards).
struct Glyph {
    x: f64,
    y: f64,
    width: f64,
    size: f64,
    text: String,
    /// A space glyph came right before it.
    after_space: bool,
}

/// Collects one page's glyphs and writes the page as laid-out text when it ends.
#[derive(Default)]
struct Layout {
    flip: Transform,
    page: Vec<Glyph>,
    out: String,
    pages: usize,
    /// Pages with no text at all (a scan).
    empty_pages: usize,
    /// The last glyph shown was a space.
    space: bool,
}

impl OutputDev for Layout {
    fn begin_page(
        &mut self,
        _page: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.flip = Transform::row_major(1., 0., 0., -1., 0., media_box.ury - media_box.lly);
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        let glyphs = std::mem::take(&mut self.page);
        self.pages += 1;
        if glyphs.iter().all(|g| g.text.trim().is_empty()) {
            self.empty_pages += 1;
        }
        write_page(glyphs, &mut self.out);
        self.out.push('\x0c');
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        let at = trm.post_transform(&self.flip);
        let up = trm.transform_vector(euclid::vec2(0.0, font_size));
        let size = up.x.hypot(up.y);
        // Some producers give every glyph the default width (an em) and place each one
        // itself: a glyph is never wider than its kind (an ASCII digit about half an em).
        let widest = if text.is_ascii() { 0.6 } else { 1.0 };
        let width = (width * size).min(widest * size);
        let finite = [at.m31, at.m32, width, size].iter().all(|v| v.is_finite());
        if text.trim().is_empty() {
            self.space = true;
        } else if finite {
            self.page.push(Glyph {
                x: at.m31,
                y: at.m32,
                width,
                size,
                text: text.chars().filter(|c| !c.is_control()).collect(),
                after_space: std::mem::take(&mut self.space),
            });
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// The commonest font size of a page, to the tenth of a point.
fn common_size(glyphs: &[Glyph]) -> f64 {
    let mut sizes: Vec<i64> = glyphs
        .iter()
        .map(|g| (g.size * 10.0).round() as i64)
        .collect();
    sizes.sort_unstable();
    let mut best = (0, 0);
    for run in sizes.chunk_by(|a, b| a == b) {
        if run.len() > best.1 {
            best = (run[0], run.len());
        }
    }
    best.0 as f64 / 10.0
}

/// The most padding a gap gets: wider than any page, so a stray coordinate cannot make a
/// line of millions of spaces.
const MAX_COLUMN: usize = 400;

fn write_page(mut glyphs: Vec<Glyph>, out: &mut String) {
    if glyphs.is_empty() {
        return;
    }
    let unit = (common_size(&glyphs) / 2.0).max(1.0);
    let left = glyphs.iter().map(|g| g.x).fold(f64::MAX, f64::min);
    for g in &mut glyphs {
        g.x -= left;
    }
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut rows: Vec<Vec<Glyph>> = Vec::new();
    for g in glyphs {
        match rows.last_mut() {
            Some(row) if (g.y - row[0].y).abs() < unit * 0.8 => row.push(g),
            _ => rows.push(vec![g]),
        }
    }
    let mut last_y: Option<f64> = None;
    for mut row in rows {
        row.sort_by(|a, b| a.x.total_cmp(&b.x));
        // A blank line where the page leaves a blank line's height or more.
        if last_y.is_some_and(|y| row[0].y - y > unit * 5.0) {
            out.push('\n');
        }
        last_y = Some(row[0].y);
        write_row(&row, unit, out);
        out.push('\n');
    }
}

fn write_row(row: &[Glyph], unit: f64, out: &mut String) {
    let cells = row
        .windows(2)
        .any(|w| w[1].x - (w[0].x + w[0].width) >= w[1].size);
    let mut line = String::new();
    let mut col = 0usize;
    let mut last_end = f64::MIN;
    let mut last_digit = false;
    for g in row {
        let target = ((g.x / unit).round().max(0.0) as usize).min(MAX_COLUMN);
        let gap = g.x - last_end;
        let digit = g
            .text
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',');
        // Two figures side by side with only a sliver between them are two cells.
        let split = gap > g.size * 0.3
            || (last_digit && digit && gap > g.size * 0.1)
            || (g.after_space && gap > 0.0);
        if col == 0 {
            line.extend(std::iter::repeat_n(' ', target));
            col = target;
        } else if split && cells {
            let n = target
                .saturating_sub(col)
                .max(if gap >= g.size { 2 } else { 1 });
            line.extend(std::iter::repeat_n(' ', n));
            col += n;
        } else if split {
            line.push(' ');
            col += 1;
        }
        line.push_str(&g.text);
        col += g.text.chars().count();
        last_end = g.x + g.width;
        last_digit = digit;
    }
    out.push_str(line.trim_end());
}

thread_local! {
    /// Set while this thread reads a PDF: its panics are caught and reported, not printed.
    static READING: Cell<bool> = const { Cell::new(false) };
}

/// Keeps a panic inside `pdf-extract` off the terminal; every other panic is printed as before.
fn quiet_panics_while_reading() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !READING.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

/// The laid-out text of a PDF's text layer.
pub fn pdf_text(bytes: &[u8]) -> Result<String, InputError> {
    quiet_panics_while_reading();
    READING.with(|r| r.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(|| -> Result<Layout, String> {
        let doc = pdf_extract::Document::load_mem(bytes).map_err(|e| e.to_string())?;
        let mut layout = Layout::default();
        pdf_extract::output_doc(&doc, &mut layout).map_err(|e| e.to_string())?;
        Ok(layout)
    }));
    READING.with(|r| r.set(false));
    let layout = match result {
        Ok(Ok(layout)) => layout,
        Ok(Err(why)) => return Err(InputError::Pdf(why)),
        Err(_) => return Err(InputError::Pdf("文件结构有误".into())),
    };
    let chars = layout.out.chars().filter(|c| !c.is_whitespace()).count();
    // A scan has pages and no text, or a few stray characters per page (a stamped number).
    if layout.pages > 0 && (layout.empty_pages == layout.pages || chars < 5 * layout.pages) {
        return Err(InputError::Scanned {
            pages: layout.pages,
        });
    }
    if chars == 0 {
        return Err(InputError::Empty);
    }
    Ok(layout.out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(x: f64, y: f64, text: &str) -> Glyph {
        let wide = text.chars().all(|c| !c.is_ascii());
        Glyph {
            x,
            y,
            width: if wide { 10.0 } else { 5.0 },
            size: 10.0,
            text: text.into(),
            after_space: false,
        }
    }

    fn run(x: f64, y: f64, s: &str) -> Vec<Glyph> {
        let mut at = x;
        s.chars()
            .map(|c| {
                let g = glyph(at, y, &c.to_string());
                at += g.width;
                g
            })
            .collect()
    }

    #[test]
    fn table_rows_align_their_figures_and_prose_stays_prose() {
        let mut glyphs = Vec::new();
        // Two table rows: names of different lengths, figures right-aligned at x = 300.
        glyphs.extend(run(0.0, 100.0, "一般公共服务支出"));
        glyphs.extend(run(300.0 - 40.0, 100.0, "6,701.98"));
        glyphs.extend(run(0.0, 114.0, "国防支出"));
        glyphs.extend(run(300.0 - 25.0, 114.0, "18.00"));
        // A justified line of prose: a slightly wider gap before the figure.
        glyphs.extend(run(0.0, 128.0, "本年支出合计"));
        glyphs.extend(run(64.0, 128.0, "680.60万元"));
        let mut out = String::new();
        write_page(glyphs, &mut out);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 3, "{out}");
        let end = |l: &str, fig: &str| l.find(fig).map(|i| l[..i + fig.len()].chars().count());
        assert_eq!(end(lines[0], "6,701.98"), end(lines[1], "18.00"), "{out}");
        assert!(lines[0].contains("支出   "), "cells are apart: {out}");
        assert_eq!(lines[2], "本年支出合计 680.60万元");
    }

    #[test]
    fn junk_and_truncated_files_are_errors_not_panics() {
        for bytes in [
            b"%PDF-1.7\n".to_vec(),
            b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"
                .to_vec(),
            [b"%PDF-1.5\n".as_slice(), &[0xff; 4096]].concat(),
        ] {
            assert!(pdf_text(&bytes).is_err());
        }
    }
}
