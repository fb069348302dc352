//! `check` in wasm, for the wasm/native benchmark (tests/bench/wasm-bench.mjs).
//!
//! The text is made and kept inside the module (`prepare`), so that the timed call
//! (`run_check`) is `check` alone: no UTF-16 → UTF-8 copy of a megabyte, no JSON. The texts
//! come from the same generator as the native benchmarks (core/benches/shapes), so both
//! sides check byte-identical input.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;

#[path = "../../core/benches/shapes/mod.rs"]
mod shapes;

thread_local! {
    static TEXT: RefCell<String> = const { RefCell::new(String::new()) };
}

/// A benchmark text by name: a sample (`renhe`, …) or `synthetic-BYTES`.
pub fn text(name: &str) -> Option<String> {
    if let Some(bytes) = name.strip_prefix("synthetic-") {
        return Some(shapes::synthetic(bytes.parse().ok()?));
    }
    gouji_core::samples::find(name).map(|s| shapes::sample(s.id).to_string())
}

/// Makes the named text and keeps it for `run_check`; returns its length in bytes (0 if the
/// name is unknown).
#[wasm_bindgen]
pub fn prepare(name: &str) -> usize {
    let t = text(name).unwrap_or_default();
    let n = t.len();
    TEXT.with(|s| *s.borrow_mut() = t);
    n
}

/// Checks the prepared text once; returns the number of claims, so nothing is optimised away.
#[wasm_bindgen]
pub fn run_check() -> usize {
    TEXT.with(|s| {
        gouji_core::check(&s.borrow(), &Default::default())
            .stats
            .claims
    })
}

/// Names of the samples, comma-separated.
#[wasm_bindgen]
pub fn sample_names() -> String {
    gouji_core::samples::SAMPLES
        .iter()
        .map(|s| s.id)
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_made_and_checked() {
        assert_eq!(sample_names().split(',').count(), 5);
        assert!(prepare("synthetic-50000") >= 50_000);
        assert!(run_check() > 0);
        assert!(prepare("renhe") > 0 && run_check() > 0);
        assert_eq!(prepare("nothing"), 0);
    }
}
