//! `check` on arbitrary bytes, read as lossy UTF-8 (what the CLI and the web app do with a file
//! of unknown encoding). Run with `-dict=fuzz/report.dict` so mutations use report tokens.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    common::check_and_verify(&text);
});
