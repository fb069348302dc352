//! The PDF reader on the six real PDFs in ../shared/pdf: every figure and every CJK character
//! that `pdftotext -layout` finds (../shared/corpus/layout/NN.txt, from the same bytes) comes
//! out, and malformed or textless PDFs give an error, never a panic.

use gouji_input::{pdf_text, InputError};
use std::collections::HashMap;
use std::path::PathBuf;

fn shared() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared"))
}

const PDFS: [&str; 6] = ["01", "11", "14", "20", "25", "30"];

fn figures(text: &str) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let s = i;
            while i < b.len() && (b[i].is_ascii_digit() || b[i] == b',' || b[i] == b'.') {
                i += 1;
            }
            let f = text[s..i].trim_end_matches(['.', ',']);
            if f.contains('.') {
                *out.entry(f.to_string()).or_default() += 1;
            }
        } else {
            i += 1;
        }
    }
    out
}

fn cjk(text: &str) -> HashMap<char, usize> {
    let mut out = HashMap::new();
    for c in text
        .chars()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
    {
        *out.entry(c).or_default() += 1;
    }
    out
}

/// How many of `want` (with multiplicity) are in `got`.
fn found<K: std::hash::Hash + Eq>(
    want: &HashMap<K, usize>,
    got: &HashMap<K, usize>,
) -> (usize, usize) {
    let total = want.values().sum();
    let hit = want
        .iter()
        .map(|(k, n)| (*n).min(got.get(k).copied().unwrap_or(0)))
        .sum();
    (hit, total)
}

#[test]
fn every_figure_and_character_pdftotext_finds_comes_out() {
    for n in PDFS {
        let bytes = std::fs::read(shared().join(format!("pdf/{n}.pdf"))).expect("../shared/pdf");
        let layout =
            std::fs::read_to_string(shared().join(format!("corpus/layout/{n}.txt"))).unwrap();
        let start = std::time::Instant::now();
        let text = pdf_text(&bytes).unwrap_or_else(|e| panic!("{n}.pdf: {}", e.message_en()));
        let took = start.elapsed();
        let (fh, ft) = found(&figures(&layout), &figures(&text));
        let (ch, ct) = found(&cjk(&layout), &cjk(&text));
        let pages = text.matches('\x0c').count();
        println!(
            "{n}.pdf: {pages} pages, figures {fh}/{ft}, CJK characters {ch}/{ct}, read in {took:?}"
        );
        assert_eq!(pages, layout.matches('\x0c').count(), "{n}.pdf pages");
        assert!(fh * 1000 >= ft * 995, "{n}.pdf: figures {fh}/{ft}");
        assert!(ch * 1000 >= ct * 999, "{n}.pdf: CJK {ch}/{ct}");
    }
}

/// A PDF of one page, with `content` as its content stream, and a correct cross-reference
/// table.
fn one_page_pdf(content: &str) -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{o}\nendobj\n", i + 1).bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    out
}

#[test]
fn a_small_pdf_is_laid_out_and_a_scan_is_named() {
    let text = pdf_text(&one_page_pdf(
        "BT /F1 12 Tf 72 700 Td (Total 680.60) Tj ET BT /F1 12 Tf 300 700 Td (12.50) Tj ET",
    ))
    .expect("a readable PDF");
    assert!(text.contains("Total 680.60"), "{text:?}");
    assert!(text.contains("680.60   "), "cells apart: {text:?}");
    // A page with an image's worth of drawing and no text: a scan.
    let scan = pdf_text(&one_page_pdf("0 0 595 842 re f"));
    assert_eq!(scan, Err(InputError::Scanned { pages: 1 }));
}

#[test]
fn malformed_pdfs_are_errors_not_panics() {
    let good = one_page_pdf("BT /F1 12 Tf 72 700 Td (Total 680.60) Tj ET");
    // Every truncation of a real PDF, and some bytes flipped.
    for cut in (0..good.len()).step_by(37) {
        let _ = pdf_text(&good[..cut]);
    }
    for i in (9..good.len()).step_by(11) {
        let mut bad = good.clone();
        bad[i] ^= 0x5a;
        let _ = pdf_text(&bad);
    }
    let real = std::fs::read(shared().join("pdf/20.pdf")).unwrap();
    for cut in [100, 10_000, real.len() / 2, real.len() - 100] {
        assert!(pdf_text(&real[..cut]).is_err() || cut > real.len() / 4);
    }
}
