//! Hostile shapes (issue 16): a fuzzed unit of up to 32 bytes repeated thousands of times
//! between a total and a figure (`本年支出合计100.00万元，` + unit × n + `基本支出50.00万元。`),
//! as `其中：` × 100,000 was. The first byte picks the shape: the run in one line, one unit
//! per line, or one tab-separated cell per unit. A check that is quadratic in such a run
//! takes seconds on these 100 KB texts and trips libFuzzer's `-timeout`; the spans are
//! verified as in the other targets.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

/// Repetitions of the unit: 4,000 × 32 bytes at most, 128 KB.
const REPEAT: usize = 4_000;

fuzz_target!(|data: &[u8]| {
    let Some((&shape, unit)) = data.split_first() else {
        return;
    };
    let unit = String::from_utf8_lossy(&unit[..unit.len().min(32)]);
    if unit.is_empty() {
        return;
    }
    let separator = match shape % 3 {
        0 => "",
        1 => "\n",
        _ => "\t",
    };
    let mut text = String::from("本年支出合计100.00万元，");
    for _ in 0..REPEAT {
        text.push_str(&unit);
        text.push_str(separator);
    }
    text.push_str("基本支出50.00万元。\n");
    common::check_and_verify(&text);
});
