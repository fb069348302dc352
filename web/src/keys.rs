//! The page's keyboard shortcuts: `j`/`n` the next finding, `k`/`p` the previous one, `e` or
//! `/` the text box, `t` the marked text; not while typing in a field, nor with a modifier.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::store::{Origin, Selection, Store};

/// Listens for the shortcuts on the window until the calling component is cleaned up.
pub fn listen(store: Store) {
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let typing = document()
            .active_element()
            .is_some_and(|el| matches!(el.tag_name().as_str(), "TEXTAREA" | "INPUT" | "SELECT"));
        if typing {
            return;
        }
        match ev.key().as_str() {
            "j" | "n" => step(store, 1),
            "k" | "p" => step(store, -1),
            "e" | "/" => {
                ev.prevent_default();
                focus("[data-testid=\"input\"]");
            }
            "t" => {
                focus("[data-testid=\"text-view\"]");
            }
            _ => (),
        }
    });
    on_cleanup(move || keys.remove());
}

/// Selects the finding `delta` places from the selected one in the list's order (the first or
/// the last when none is) and focuses it.
fn step(store: Store, delta: isize) {
    let order = store.visible.get_untracked();
    if order.is_empty() {
        return;
    }
    let at = store
        .selected
        .get_untracked()
        .and_then(|s| order.iter().position(|&i| i == s.finding));
    let next = match at {
        None if delta > 0 => 0,
        None => order.len() - 1,
        Some(p) => (p as isize + delta).clamp(0, order.len() as isize - 1) as usize,
    };
    let finding = order[next];
    store.selected.set(Some(Selection {
        finding,
        from: Origin::List,
    }));
    // Once the list has rendered it (it may be past what was on screen).
    let sel =
        format!("[data-testid=\"finding\"][data-finding-index=\"{finding}\"] .finding-select");
    if !focus(&sel) {
        request_animation_frame(move || {
            // Unless the reader has moved on meanwhile (e.g. `e` to the text box).
            if store.selected.get_untracked().map(|s| s.finding) == Some(finding) {
                focus(&sel);
            }
        });
    }
}

/// Focuses the element `selector` finds; whether there was one.
fn focus(selector: &str) -> bool {
    document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        .map(|el| el.focus())
        .is_some()
}
