use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

use crate::highlight::{Chunk, Segment};
use crate::store::{Checked, Origin, Selection};

/// Texts up to this size are rendered whole at once (a few milliseconds); longer ones chunk
/// by chunk as the chunks come near the screen.
pub const RENDER_WHOLE_BYTES: usize = 64 * 1024;

/// How far outside the visible part of the text chunks are rendered ahead, in pixels.
const AHEAD_PX: u32 = 1200;

type Key = (u64, u32);

/// Whether each chunk on the page is rendered, by its key.
#[derive(Clone, Copy)]
struct Fills(StoredValue<HashMap<Key, RwSignal<bool>>>);

impl Fills {
    fn fill(&self, key: Key) {
        if let Some(s) = self.0.with_value(|m| m.get(&key).copied()) {
            if !s.get_untracked() {
                s.set(true);
            }
        }
    }
}

/// A length in whole pixels, as `{:.0}` writes it (ties to even) for the non-negative lengths
/// estimated here, but in integers: formatting an f64 pulls about 10 KB of float formatting
/// code into the wasm (gouji-core and gouji-input avoid it the same way).
fn px_rounded(v: f64) -> u64 {
    // `as` saturates at 0, but the estimate is never negative nor NaN (`measure` keeps only
    // finite lengths).
    v.round_ties_even() as u64
}

fn key_attr(key: Key) -> String {
    format!("{:x}-{}", key.0, key.1)
}

fn parse_key(attr: &str) -> Option<Key> {
    let (h, n) = attr.split_once('-')?;
    Some((u64::from_str_radix(h, 16).ok()?, n.parse().ok()?))
}

/// The checked text, read-only, with each finding's span in a `<mark>`. It is cut into chunks
/// of whole lines ([`Chunk`]), keyed by their content so that a new result re-renders only the
/// chunks that changed; a long text's chunks are rendered when they come near the screen (an
/// IntersectionObserver on the scrolling view), and have the height their lines are estimated
/// to take until then.
#[component]
pub fn TextView(
    checked: Memo<Option<Checked>>,
    selected: RwSignal<Option<Selection>>,
) -> impl IntoView {
    // The mark that shows the selected finding (its own, or the one its span overlaps).
    let selected_mark = Memo::new(move |_| {
        let sel = selected.get()?;
        checked.with(|c| c.as_ref()?.mark_of(sel.finding))
    });
    let fills = Fills(StoredValue::new(HashMap::new()));
    let lang = crate::i18n::lang();
    let view_ref = NodeRef::<leptos::html::Div>::new();
    // Half-em units a row of the view holds and a row's height, for the estimated heights.
    let metrics = StoredValue::new((80u32, 24.0f64));
    let observer = StoredValue::new_local(None::<web_sys::IntersectionObserver>);
    let on_seen = StoredValue::new_local(None::<Closure<dyn FnMut(js_sys::Array)>>);

    // The view's content width in half-ems and the height of a row, for the estimated heights:
    // measured when the view appears and when the window is resized, never while a result is
    // rendered (reading the layout then would lay out the whole page first, a 1 MB text box
    // included, which takes Chromium up to a second).
    let measure = move || {
        if let Some(root) = view_ref.get_untracked() {
            // The view's content width in half-ems, and the height of a row.
            let style = window().get_computed_style(&root).ok().flatten();
            let px = |name: &str| {
                style
                    .as_ref()
                    .and_then(|s| s.get_property_value(name).ok())
                    // (parseFloat reads "15px"; Rust's float parser would add 5 KB to the wasm.)
                    .map(|v| js_sys::parse_float(&v))
                    .filter(|x| x.is_finite())
            };
            let font = px("font-size").unwrap_or(15.0);
            let line = px("line-height").unwrap_or(font * 1.6);
            let width = f64::from(root.client_width()) - 2.0 * px("padding-left").unwrap_or(0.0);
            if width > 0.0 {
                metrics.set_value((((width / font) * 2.0).floor().max(1.0) as u32, line));
            }
        }
    };
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || {
        resize.remove();
        observer.try_with_value(|o| o.as_ref().map(web_sys::IntersectionObserver::disconnect));
    });
    // The observer, once the view is on the page: renders each chunk that comes near.
    Effect::new(move |_| {
        let Some(root) = view_ref.get() else { return };
        measure();
        if observer.with_value(Option::is_some) {
            return;
        }
        let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            for e in entries.iter() {
                let Ok(e) = e.dyn_into::<web_sys::IntersectionObserverEntry>() else {
                    continue;
                };
                if !e.is_intersecting() {
                    continue;
                }
                if let Some(key) = e
                    .target()
                    .get_attribute("data-chunk")
                    .and_then(|a| parse_key(&a))
                {
                    fills.fill(key);
                }
            }
        });
        let init = web_sys::IntersectionObserverInit::new();
        init.set_root(Some(&root));
        init.set_root_margin(&format!("{AHEAD_PX}px 0px"));
        if let Ok(o) =
            web_sys::IntersectionObserver::new_with_options(cb.as_ref().unchecked_ref(), &init)
        {
            observer.set_value(Some(o));
        }
        on_seen.set_value(Some(cb));
    });

    // After each new result: measure the view for the estimates, render a short text whole,
    // and observe the chunks.
    Effect::new(move |_| {
        let whole = checked.with(|c| {
            c.as_ref()
                .is_some_and(|c| c.text.len() <= RENDER_WHOLE_BYTES)
        });
        if whole {
            fills.0.with_value(|m| m.values().for_each(|s| s.set(true)));
        }
        request_animation_frame(move || {
            let Some(root) = view_ref.get_untracked() else {
                return;
            };
            observer.with_value(|o| {
                let Some(o) = o else { return };
                if let Ok(list) = root.query_selector_all(":scope > .chunk") {
                    for i in 0..list.length() {
                        if let Some(el) = list.item(i).and_then(|n| n.dyn_into().ok()) {
                            o.observe(&el);
                        }
                    }
                }
            });
        });
    });

    // A finding picked in the list: render its chunk, then bring its mark into view.
    Effect::new(move |_| {
        let Some(sel) = selected.get() else { return };
        if sel.from != Origin::List {
            return;
        }
        let Some((mark, keys)) = checked.with_untracked(|c| {
            let c = c.as_ref()?;
            let mark = c.mark_of(sel.finding)?;
            let start = c.report.findings.get(mark)?.span.start;
            let at = c.chunk_at(start)?.start;
            let k = c.chunks.partition_point(|ch| ch.start < at);
            // Its neighbours too, so that the scroll lands where the estimate said.
            let keys: Vec<Key> = c.chunks[k.saturating_sub(1)..(k + 2).min(c.chunks.len())]
                .iter()
                .map(|ch| ch.key)
                .collect();
            Some((mark, keys))
        }) else {
            return;
        };
        for key in keys {
            fills.fill(key);
        }
        let selector = format!("[data-testid=\"text-view\"] mark[data-finding-index=\"{mark}\"]");
        let scroll = move |behavior: ScrollBehavior| {
            let Ok(Some(el)) = document().query_selector(&selector) else {
                return false;
            };
            if let Some(root) = view_ref.get_untracked() {
                let (r, p) = (
                    el.get_bounding_client_rect(),
                    root.get_bounding_client_rect(),
                );
                if behavior == ScrollBehavior::Auto
                    && r.top() >= p.top()
                    && r.bottom() <= p.bottom()
                {
                    return true;
                }
            }
            let opts = ScrollIntoViewOptions::new();
            opts.set_block(ScrollLogicalPosition::Center);
            opts.set_behavior(behavior);
            el.scroll_into_view_with_scroll_into_view_options(&opts);
            true
        };
        request_animation_frame(move || {
            if scroll(ScrollBehavior::Smooth) {
                // Chunks rendered on the way change the heights above it: make sure it landed.
                set_timeout(
                    move || {
                        scroll(ScrollBehavior::Auto);
                    },
                    std::time::Duration::from_millis(700),
                );
            }
        });
    });

    let chunks = move || {
        checked.with(|c| {
            c.as_ref()
                .map(|c| c.chunks.iter().cloned().collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let chunk_view = move |chunk: Arc<Chunk>| {
        let whole = checked.with_untracked(|c| {
            c.as_ref()
                .is_some_and(|c| c.text.len() <= RENDER_WHOLE_BYTES)
        });
        let (cols, row) = metrics.get_value();
        let estimate = f64::from(chunk.rows(cols)) * row;
        let filled = RwSignal::new(whole);
        let key = chunk.key;
        fills.0.update_value(|m| {
            m.insert(key, filled);
        });
        on_cleanup(move || {
            fills.0.update_value(|m| {
                m.remove(&key);
            })
        });
        let body = move || {
            if !filled.get() {
                return ().into_any();
            }
            checked
                .with_untracked(|c| {
                    c.as_ref().map(|c| {
                        let en = lang.get_untracked() == crate::i18n::Lang::En;
                        render(&chunk, c, selected, selected_mark, en)
                    })
                })
                .unwrap_or_else(|| ().into_any())
        };
        view! {
            <div
                class="chunk"
                data-chunk=key_attr(key)
                style:height=move || if filled.get() { String::new() } else { format!("{}px", px_rounded(estimate)) }
            >
                {body}
            </div>
        }
    };
    view! {
        <div class="text-view-wrap">
            <h2 class="pane-title">{crate::i18n::tr("原文标注", "Marked text")}</h2>
            <div class="text-view" data-testid="text-view" tabindex="0" aria-label=crate::i18n::tr("原文标注", "The marked text") node_ref=view_ref>
                <Show when=move || checked.with(Option::is_none)>
                    <p class="placeholder">
                        {crate::i18n::tr(
                            "粘贴报告后，有问题的数字会在这里标出；点击右侧的问题可定位到原文。",
                            "Paste a report: the figures in question are marked here; click a finding to see its place.",
                        )}
                    </p>
                </Show>
                <For each=chunks key=|c| c.key children=chunk_view />
            </div>
        </div>
    }
}

/// A chunk's segments: plain text, the figures findings refer to, and the findings' marks.
fn render(
    chunk: &Chunk,
    c: &Checked,
    selected: RwSignal<Option<Selection>>,
    selected_mark: Memo<Option<usize>>,
    // Marks are titled in the language of the moment they are drawn (a signal per mark would
    // cost thousands of effects on a long text).
    en: bool,
) -> AnyView {
    chunk
        .segments
        .iter()
        .map(|seg| match seg {
            Segment::Plain(t) => t.clone().into_any(),
            Segment::Related { findings, text } => {
                let owners = findings.clone();
                let of = findings
                    .iter()
                    .map(|i| i.to_string())
                    .collect::<Vec<_>>()
                    .join(" ");
                view! {
                    <span
                        class="related-mark"
                        class:active=move || {
                            selected.get().is_some_and(|s| owners.contains(&s.finding))
                        }
                        data-related-of=of
                    >
                        {text.clone()}
                    </span>
                }
                .into_any()
            }
            Segment::Mark { finding, text } => {
                let i = *finding;
                let Some(f) = c.report.findings.get(i) else {
                    return text.clone().into_any();
                };
                let sev = f.severity.as_str();
                let title = crate::i18n::mark_title(f, en);
                view! {
                    <mark
                        class=format!("finding-mark sev-{sev}")
                        class:selected=move || selected_mark.get() == Some(i)
                        data-finding-index=i.to_string()
                        data-severity=sev
                        title=title
                        on:click=move |_| {
                            selected.set(Some(Selection { finding: i, from: Origin::Text }))
                        }
                    >
                        {text.clone()}
                    </mark>
                }
                .into_any()
            }
        })
        .collect_view()
        .into_any()
}
