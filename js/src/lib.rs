//! Gouji's checker as a JavaScript package: `check(text, options)` and `rules()`, built from
//! [`gouji_core`] alone (no UI, no DOM, no network). `scripts/build-js` turns it into
//! `dist-js/`; `js/README.md` is the package's documentation.
//!
//! The result of `check` is the CLI's JSON for one file (`gouji check --format json`, minus
//! `path`, `encoding` and `replaced`: a string was passed, not a file), serialised from the
//! same type ([`gouji_core::json::FileEntry`]) as plain JavaScript objects, plus `span16`
//! (UTF-16 code units, what `String.prototype.slice` takes) next to every `span` (UTF-8
//! bytes) of findings, their related places and ledger entries. The web app's embed mode
//! answers `gouji:check` messages with the same objects, built by [`to_js`].

mod utf16;

use gouji_core::check::{self as rules};
use gouji_core::json::FileEntry;
use gouji_core::{Options, OptionsError, Report, Valid};
use js_sys::{Array, Object, Reflect};
use serde::Serialize;
use serde_wasm_bindgen::Serializer;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub use utf16::{Span16, Utf16Map};

/// The package version (the workspace's).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The option names `check` accepts.
pub const OPTION_KEYS: [&str; 3] = ["rules", "excludeRules", "profile"];

/// `options` checked by the core's one validation (the CLI's too), its errors worded with
/// the package's option names: a typo in `rules` would otherwise silently check nothing.
pub fn validate(options: &Options) -> Result<Valid, String> {
    options.validate().map_err(|e| match e {
        OptionsError::UnknownRule { ref id, excluded } => format!(
            "gouji: unknown rule `{id}` in options.{}; known rules: {}",
            if excluded { "excludeRules" } else { "rules" },
            OptionsError::known_rules()
        ),
        OptionsError::UnknownProfile(p) => format!("gouji: unknown options.profile `{p}`"),
    })
}

/// Reads `{rules?: string[], excludeRules?: string[]}`; `undefined` or `null` means all rules.
/// Unknown keys, wrong types, unknown rule ids and profiles are errors, with a message
/// saying which.
pub fn options_from_js(value: &JsValue) -> Result<Valid, String> {
    if value.is_undefined() || value.is_null() {
        return Ok(Valid::default());
    }
    if !value.is_object() || Array::is_array(value) {
        return Err(
            "gouji: options must be an object such as {rules: [\"sum\"], excludeRules: [\"growth\"]}"
                .into(),
        );
    }
    for key in Object::keys(value.unchecked_ref::<Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if !OPTION_KEYS.contains(&key.as_str()) {
            return Err(format!(
                "gouji: unknown option `{key}`; known options: {}",
                OPTION_KEYS.join(", ")
            ));
        }
    }
    let ids = |key: &str| -> Result<Vec<String>, String> {
        let v = Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
        if v.is_undefined() || v.is_null() {
            return Ok(Vec::new());
        }
        let wrong = || format!("gouji: options.{key} must be an array of rule ids (strings)");
        if !Array::is_array(&v) {
            return Err(wrong());
        }
        Array::from(&v)
            .iter()
            .map(|id| id.as_string().ok_or_else(wrong))
            .collect()
    };
    let profile = Reflect::get(value, &JsValue::from_str("profile"))
        .ok()
        .and_then(|v| v.as_string());
    validate(&Options {
        rules: ids("rules")?,
        exclude_rules: ids("excludeRules")?,
        profile,
    })
}

/// Plain objects (not `Map`s), `null` for a missing value: what `JSON.parse` would give.
const SERIALIZER: Serializer = Serializer::json_compatible();

fn set(target: &JsValue, key: &JsValue, value: &JsValue) -> Result<(), JsValue> {
    Reflect::set(target, key, value).map(|_| ())
}

/// `report` as the JavaScript object `check` returns: the core's result shape
/// ([`FileEntry`], no path or encoding) with `span16` added next to each `span`. `text` must
/// be the text `report` was made from.
pub fn to_js(text: &str, report: &Report) -> Result<JsValue, JsValue> {
    let value = FileEntry::new(report).serialize(&SERIALIZER)?;
    let spans = report
        .findings
        .iter()
        .flat_map(|f| std::iter::once(f.span).chain(f.related.iter().map(|r| r.span)))
        .chain(report.ledger.iter().map(|e| e.span));
    let map = Utf16Map::for_spans(text, spans);
    let key = JsValue::from_str("span16");
    let span16 = |span| -> Result<JsValue, JsValue> {
        let s = map
            .span(span)
            .ok_or_else(|| JsValue::from_str("gouji: span outside the map (a bug)"))?;
        Ok(s.serialize(&SERIALIZER)?)
    };
    let array = |of: &JsValue, name: &str| -> Result<Array, JsValue> {
        Ok(Reflect::get(of, &JsValue::from_str(name))?.unchecked_into())
    };
    let findings = array(&value, "findings")?;
    for (f, js) in report.findings.iter().zip(findings.iter()) {
        set(&js, &key, &span16(f.span)?)?;
        let related = array(&js, "related")?;
        for (r, js_r) in f.related.iter().zip(related.iter()) {
            set(&js_r, &key, &span16(r.span)?)?;
        }
    }
    let ledger = array(&value, "ledger")?;
    for (e, js) in report.ledger.iter().zip(ledger.iter()) {
        set(&js, &key, &span16(e.span)?)?;
    }
    Ok(value)
}

/// Parses `options`, checks `text` and converts the report: what `check` does.
pub fn check_to_js(text: &str, options: &JsValue) -> Result<JsValue, JsValue> {
    let options = options_from_js(options).map_err(|m| JsValue::from(js_sys::Error::new(&m)))?;
    to_js(text, &gouji_core::check_valid(text, &options))
}

/// Every rule's documentation, as `gouji rules --format json` prints it.
pub fn rules_to_js() -> Result<JsValue, JsValue> {
    let all: Vec<_> = rules::all().collect();
    Ok(all.serialize(&SERIALIZER)?)
}

#[cfg(feature = "exports")]
mod exports {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(typescript_custom_section)]
    const TYPES: &'static str = include_str!("types.d.ts");

    /// Checks the arithmetic of one report's text. Throws on invalid options.
    #[wasm_bindgen(unchecked_return_type = "CheckResult")]
    pub fn check(
        text: &str,
        #[wasm_bindgen(unchecked_optional_param_type = "CheckOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        super::check_to_js(text, &options)
    }

    /// Every rule: id, names, severity, summary and explanation (Chinese and English).
    #[wasm_bindgen(unchecked_return_type = "RuleInfo[]")]
    pub fn rules() -> Result<JsValue, JsValue> {
        super::rules_to_js()
    }

    /// The package version.
    #[wasm_bindgen]
    pub fn version() -> String {
        super::VERSION.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_and_the_profile_are_validated() {
        let ids = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let options = |rules: &[&str], exclude: &[&str], profile: Option<&str>| Options {
            rules: ids(rules),
            exclude_rules: ids(exclude),
            profile: profile.map(str::to_string),
        };
        assert!(validate(&options(&["sum", "growth"], &[], None)).is_ok());
        let err = validate(&options(&[], &["sum", "summ"], None)).unwrap_err();
        assert!(
            err.contains("`summ`") && err.contains("options.excludeRules"),
            "{err}"
        );
        assert!(err.contains("sum, "), "{err}");
        let err = validate(&options(&[], &[], Some("nationl"))).unwrap_err();
        assert_eq!(err, "gouji: unknown options.profile `nationl`");
    }

    #[test]
    fn every_span_of_a_sample_report_maps_to_the_same_text() {
        let text = include_str!("../../tests/fixtures/samples/renhe-2020-final-accounts.txt");
        let report = gouji_core::check(text, &Options::default());
        assert!(!report.findings.is_empty() && !report.ledger.is_empty());
        let spans: Vec<_> = report
            .findings
            .iter()
            .flat_map(|f| std::iter::once(f.span).chain(f.related.iter().map(|r| r.span)))
            .chain(report.ledger.iter().map(|e| e.span))
            .collect();
        let map = Utf16Map::for_spans(text, spans.iter().copied());
        let units: Vec<u16> = text.encode_utf16().collect();
        for span in spans {
            let s16 = map.span(span).unwrap();
            assert_eq!(
                String::from_utf16(&units[s16.start..s16.end]).unwrap(),
                &text[span.start..span.end]
            );
        }
    }
}
