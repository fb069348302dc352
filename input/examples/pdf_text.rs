//! Prints a PDF's text as Gouji reads it (laid out like `pdftotext -layout`), for comparing
//! with pdftotext. `cargo run -p gouji-input --features pdf --example pdf_text -- FILE.pdf`
fn main() {
    let path = std::env::args().nth(1).expect("a PDF file");
    let bytes = std::fs::read(&path).expect("readable");
    match gouji_input::pdf_text(&bytes) {
        Ok(text) => print!("{text}"),
        Err(e) => eprintln!("{}", e.message_en()),
    }
}
