//! The checker as its own WebAssembly module. The web app's page module (crate gouji-web)
//! only edits and renders: it names rules (from the core's static list of their infos) but
//! never runs one, so it carries none of their code. This module runs the check: in the
//! checking worker (web/static/worker.js), and on the page's main thread when no worker can
//! be started (web/src/checker.rs), loaded then on demand; in the single file it is inlined
//! and compiled when the first worker starts.

use gouji_core::Options;
use wasm_bindgen::prelude::*;

/// The report on `text` with the default options, encoded by [`gouji_core::wire::encode`] for
/// the page to read with [`gouji_core::wire::decode`].
#[wasm_bindgen(js_name = goujiCheck)]
pub fn check(text: &str) -> Vec<u8> {
    gouji_core::wire::encode(&gouji_core::check(text, &Options::default()))
}

/// Says why in the console when a check panics (the release build aborts: the check traps,
/// and the page reports it as a failed check).
#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(console_error_panic_hook::hook));
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_result_is_the_cores_report() {
        let text = "本年收入合计100万元，其中：财政拨款收入60万元，其他收入50万元。";
        let report = gouji_core::check(text, &gouji_core::Options::default());
        assert!(!report.findings.is_empty());
        assert_eq!(gouji_core::wire::decode(&super::check(text)), Some(report));
    }
}
