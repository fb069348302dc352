//! Embed mode (`?embed=1`): a compact layout for an `<iframe>` in a host page, and a
//! `postMessage` protocol through which the host sends text and receives the findings.
//! docs/embed.md documents the protocol; tests/embed/host.html uses it.
//!
//! Trust: the app only listens to its parent window. It answers the origin the parent's
//! first message came from and no other (`?host=ORIGIN` restricts which origin may speak at
//! all), so the findings, which quote the report, never go to a page that did not ask.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::store::{CheckAtOnce, Checked};

/// The protocol's version, sent in `gouji:ready`; raised on an incompatible change.
pub const PROTOCOL: u32 = 1;

/// How the page was asked to run, from its URL's query string.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EmbedParams {
    /// `embed=1` (or a bare `embed`).
    pub embed: bool,
    /// `host=ORIGIN`: the only origin whose messages are accepted.
    pub host: Option<String>,
}

impl EmbedParams {
    /// Parses a query string such as `?embed=1&host=https%3A%2F%2Fportal.example`.
    pub fn parse(search: &str) -> Self {
        let mut params = EmbedParams::default();
        for pair in search.trim_start_matches('?').split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                "embed" => params.embed = !matches!(value, "0" | "false"),
                "host" if !value.is_empty() => params.host = Some(percent_decode(value)),
                _ => (),
            }
        }
        params
    }

    /// The parameters of the current page.
    pub fn current() -> Self {
        let search = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        Self::parse(&search)
    }
}

/// Decodes `%XX` escapes (and `+` as a space, as in a query string); an invalid escape or
/// invalid UTF-8 is kept as written, which then matches no origin.
fn percent_decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| value.to_string())
}

/// A message from the host, already validated.
#[derive(Debug, Clone, PartialEq)]
pub enum HostMessage {
    /// `{type: "gouji:check", text, id?}`: replace the text and check it at once.
    Check { text: String, id: JsValue },
    /// A `gouji:` message the app cannot act on (wrong field types, unknown type).
    Invalid { id: JsValue, reason: String },
}

fn field(data: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(data, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

impl HostMessage {
    /// Reads `data`; `None` for anything that is not a `gouji:` message (other scripts on the
    /// host may use postMessage too, and must not get error replies).
    pub fn read(data: &JsValue) -> Option<Self> {
        if !data.is_object() {
            return None;
        }
        let kind = field(data, "type").as_string()?;
        let kind = kind.strip_prefix("gouji:")?;
        let id = field(data, "id");
        let id = if id.is_undefined() { JsValue::NULL } else { id };
        Some(match kind {
            "check" => match field(data, "text").as_string() {
                Some(text) => HostMessage::Check { text, id },
                None => HostMessage::Invalid {
                    id,
                    reason: "gouji:check needs a string `text`".into(),
                },
            },
            other => HostMessage::Invalid {
                id,
                reason: format!("unknown message type gouji:{other}"),
            },
        })
    }
}

/// Builds a plain object from `(key, value)` pairs.
fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let obj = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&obj, &JsValue::from_str(k), v);
    }
    obj.into()
}

/// Sets the page up for an iframe: the compact layout, `gouji:ready` to the parent, and the
/// message listener. `input` is the app's text; a host's text is checked without the typing
/// pause (and `paused`, set after a crash, is lifted: the host asked for this check).
pub fn start(
    params: EmbedParams,
    input: RwSignal<String>,
    paused: RwSignal<bool>,
    checked: Memo<Option<Checked>>,
) {
    let at_once = use_context::<CheckAtOnce>().expect("App provides CheckAtOnce");
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Some(body) = window.document().and_then(|d| d.body()) {
        let _ = body.class_list().add_1("embed");
    }
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    // `gouji:ready` carries no data, so any embedding page may hear it.
    let _ = parent.post_message(
        &object(&[
            ("type", "gouji:ready".into()),
            ("protocol", PROTOCOL.into()),
            ("version", env!("CARGO_PKG_VERSION").into()),
        ]),
        "*",
    );

    // The origin that may hear results (set by the parent's first message), the request
    // waiting for its answer (its id and text; none for the user's own edits), and a counter
    // of requests, so that a request whose text is unchanged still gets its answer.
    let host_origin = StoredValue::new(None::<String>);
    let pending = StoredValue::new_local(None::<(JsValue, String)>);
    let requests = RwSignal::new(0u64);
    let reply = move |message: JsValue| {
        let Some(origin) = host_origin.get_value() else {
            return;
        };
        if let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) {
            let _ = parent.post_message(&message, &origin);
        }
    };

    // A request whose text was replaced (by a newer request, or by the user typing in the
    // frame) before its check ended gets no result: it is told so.
    let superseded = move |id: JsValue| {
        reply(object(&[
            ("type", "gouji:error".into()),
            ("id", id),
            (
                "message",
                "superseded: a newer text came before this one's check ended".into(),
            ),
        ]))
    };

    let allowed = params.host;
    let parent_value: JsValue = parent.into();
    let listener = window_event_listener(leptos::ev::message, move |ev| {
        // Only the embedding page speaks to us, and only from the allowed origin.
        if ev.source().map(JsValue::from).as_ref() != Some(&parent_value) {
            return;
        }
        let origin = ev.origin();
        if allowed.as_deref().is_some_and(|a| a != origin) {
            return;
        }
        let Some(message) = HostMessage::read(&ev.data()) else {
            return;
        };
        if host_origin.with_value(|o| o.as_deref() != Some(origin.as_str())) {
            host_origin.set_value(Some(origin));
        }
        match message {
            HostMessage::Check { text: t, id } => {
                let before = pending
                    .try_update_value(|p| p.replace((id, t.clone())))
                    .flatten();
                if let Some((old, _)) = before {
                    superseded(old);
                }
                paused.set(false);
                // The textarea owns its value after the first render (see PasteArea).
                let area = document()
                    .query_selector("[data-testid=\"input\"]")
                    .ok()
                    .flatten()
                    .and_then(|el| el.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
                if let Some(area) = area {
                    area.set_value(&t);
                }
                at_once.request();
                input.set(t);
                requests.update(|n| *n += 1);
            }
            HostMessage::Invalid { id, reason } => reply(object(&[
                ("type", "gouji:error".into()),
                ("id", id),
                ("message", reason.into()),
            ])),
        }
    });
    on_cleanup(move || listener.remove());

    // Every new result goes to the host once it has spoken: the answers to its requests and
    // the results of the user's edits inside the frame alike. A request is answered by the
    // result for its own text (checks run in a worker: an older text's may come first).
    Effect::new(move |_| {
        requests.track();
        checked.track();
        // The quick first look at a long text's beginning is no answer.
        if checked.with_untracked(|c| c.as_ref().is_some_and(|c| c.partial)) {
            return;
        }
        let answers = pending.with_value(|p| match p {
            None => true,
            Some((_, t)) => checked.with_untracked(|c| match c {
                Some(c) => *c.text == *t,
                None => t.trim().is_empty(),
            }),
        });
        let replaced = !answers
            && pending.with_value(|p| {
                p.as_ref()
                    .is_some_and(|(_, t)| input.with_untracked(|i| i != t))
            });
        if replaced {
            if let Some((id, _)) = pending.try_update_value(Option::take).flatten() {
                superseded(id);
            }
        }
        if answers || replaced {
            send_result(&reply, pending, checked);
        }
    });
}

fn send_result(
    reply: &impl Fn(JsValue),
    pending: StoredValue<Option<(JsValue, String)>, LocalStorage>,
    checked: Memo<Option<Checked>>,
) {
    let id = pending
        .try_update_value(Option::take)
        .flatten()
        .map_or(JsValue::NULL, |(id, _)| id);
    let result = checked.with_untracked(|c| match c {
        Some(c) => gouji_js::to_js(&c.text, &c.report).unwrap_or(JsValue::NULL),
        None => JsValue::NULL,
    });
    reply(object(&[
        ("type", "gouji:result".into()),
        ("id", id),
        ("result", result),
    ]));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_strings() {
        assert_eq!(EmbedParams::parse(""), EmbedParams::default());
        assert!(EmbedParams::parse("?embed=1").embed);
        assert!(EmbedParams::parse("?x=2&embed").embed);
        assert!(!EmbedParams::parse("?embed=0").embed);
        let p = EmbedParams::parse("?embed=1&host=https%3A%2F%2Fportal.example%3A8443");
        assert_eq!(p.host.as_deref(), Some("https://portal.example:8443"));
        assert_eq!(
            EmbedParams::parse("?host=http://a.example").host.as_deref(),
            Some("http://a.example")
        );
        // A broken escape is kept as written (and so matches no real origin).
        assert_eq!(percent_decode("a%2"), "a%2");
        assert_eq!(percent_decode("a%zz"), "a%zz");
        assert_eq!(percent_decode("%E5%8B%BE"), "勾");
    }
}
