//! The root component: owns the text, the check result, the selection and the filters.

use std::sync::Arc;
use std::time::Duration;

use gouji_core::{Report, Severity};
use leptos::prelude::*;

use crate::checker::{Checker, Outputs};
use crate::components::{
    Exports, FilterBar, FindingsList, LedgerList, PasteArea, StatsLine, TextView,
};
use crate::highlight::{chunked, highlight, Chunk, Highlight, Segment};
use crate::i18n::Lang;
use crate::storage;

/// The result of checking a text.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The check request it answers (see [`crate::checker`]); a newer request has a larger
    /// number, and one request has one result, which is what `==` compares.
    pub seq: u64,
    /// A first look at the beginning of a long text only, shown while the whole is checked
    /// (see [`crate::checker::PREVIEW_BYTES`]).
    pub partial: bool,
    /// The text that was checked (the text box may hold a newer one).
    pub text: Arc<String>,
    pub report: Arc<Report>,
    /// Which mark shows each finding (its segments are in `chunks`).
    pub highlight: Arc<Highlight>,
    /// The marked text in runs of whole lines, rendered as they come near the screen.
    pub chunks: Arc<Vec<Arc<Chunk>>>,
}

/// The size of a chunk of the marked text (see [`Chunk`]): small enough to render in a few
/// milliseconds, large enough that a 1 MB text is a few hundred of them.
pub const CHUNK_BYTES: usize = 4096;

impl PartialEq for Checked {
    fn eq(&self, other: &Self) -> bool {
        self.seq == other.seq && self.partial == other.partial
    }
}

impl Checked {
    /// The result of request `seq`: `report` on `text`, with the text cut into marks.
    pub fn new(seq: u64, text: Arc<String>, report: Report) -> Self {
        let spans: Vec<_> = report.findings.iter().map(|f| f.span).collect();
        let related: Vec<_> = report
            .findings
            .iter()
            .enumerate()
            .flat_map(|(i, f)| f.related.iter().map(move |r| (r.span, i)))
            .collect();
        let Highlight { segments, target } = highlight(&text, &spans, &related);
        // A chunk's key covers how its marks look: their findings' severity and message.
        let chunks = chunked(segments, CHUNK_BYTES, |s, h| {
            use std::hash::Hash;
            if let Segment::Mark { finding, .. } = s {
                if let Some(f) = report.findings.get(*finding) {
                    f.severity.hash(h);
                    f.message.hash(h);
                }
            }
        });
        Checked {
            seq,
            partial: false,
            text,
            report: Arc::new(report),
            highlight: Arc::new(Highlight {
                segments: Vec::new(),
                target,
            }),
            chunks: Arc::new(chunks.into_iter().map(Arc::new).collect()),
        }
    }

    /// The chunk holding byte `offset` of the text.
    pub fn chunk_at(&self, offset: usize) -> Option<&Arc<Chunk>> {
        let k = self.chunks.partition_point(|c| c.start <= offset);
        self.chunks.get(k.checked_sub(1)?)
    }

    /// The mark that shows finding `finding` (its own, or the earlier one it overlaps).
    pub fn mark_of(&self, finding: usize) -> Option<usize> {
        self.highlight.target.get(finding).copied().flatten()
    }
}

/// Asks for the next edit to be checked without the typing pause: a paste, a drop, an opened
/// file, a sample, a host page's text. The edit's handler calls [`CheckAtOnce::request`]
/// before it sets the text; the App reads it when it schedules the check.
#[derive(Debug, Clone, Copy)]
pub struct CheckAtOnce(StoredValue<bool>);

impl CheckAtOnce {
    pub fn request(&self) {
        self.0.set_value(true);
    }
    fn take(&self) -> bool {
        let v = self.0.get_value();
        self.0.set_value(false);
        v
    }
}

/// The stable id of a finding within its text, for dismissals: `rule@start-end`.
pub fn finding_id(f: &gouji_core::Finding) -> String {
    format!("{}@{}-{}", f.rule, f.span.start, f.span.end)
}

/// Findings the user marked as false alarms, for the current text.
#[derive(Debug, Clone, Copy)]
pub struct Dismissed {
    pub ids: RwSignal<Vec<String>>,
    key: Memo<String>,
}

impl Dismissed {
    pub fn contains(&self, id: &str) -> bool {
        self.ids.with(|ids| ids.iter().any(|x| x == id))
    }
    pub fn toggle(&self, id: String) {
        self.ids
            .update(|ids| match ids.iter().position(|x| *x == id) {
                Some(p) => {
                    ids.remove(p);
                }
                None => ids.push(id),
            });
        self.ids
            .with_untracked(|ids| storage::save_dismissed(&self.key.get_untracked(), ids));
    }
}

/// Where a selection was made, which decides what scrolls: the other side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Clicked in the findings list: scroll the text to its mark.
    List,
    /// Clicked on a mark in the text: scroll the list to its finding.
    Text,
}

/// The finding the user picked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    /// Index into `report.findings`.
    pub finding: usize,
    pub from: Origin,
}

/// Which findings the list shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    /// Shown severities: error, warning, info.
    pub severities: [bool; 3],
    /// Only this rule, when set.
    pub rule: Option<String>,
}

impl Default for Filter {
    fn default() -> Self {
        Filter {
            severities: [true; 3],
            rule: None,
        }
    }
}

pub fn severity_slot(s: Severity) -> usize {
    match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

/// Findings in the order the list shows them: by severity, then rule, then place; filtered.
pub fn visible_order(report: &Report, filter: &Filter) -> Vec<usize> {
    let mut order: Vec<usize> = (0..report.findings.len())
        .filter(|&i| {
            let f = &report.findings[i];
            filter.severities[severity_slot(f.severity)]
                && filter.rule.as_deref().is_none_or(|r| r == f.rule)
        })
        .collect();
    order.sort_by_key(|&i| {
        let f = &report.findings[i];
        (severity_slot(f.severity), f.rule, f.span.start)
    });
    order
}

/// Texts shorter than this (in bytes) are saved on every edit; longer ones after a pause of
/// SAVE_PAUSE_MS, and when the page is left or hidden.
const SAVE_AT_ONCE_BELOW: usize = 100_000;
const SAVE_PAUSE_MS: u64 = 400;

/// How long typing must pause before the text is checked again: keystrokes go straight
/// into the textarea and storage, only the check waits. Longer for long texts: the check
/// runs in a worker, but rendering the results of 1 MB still holds the page for a while,
/// which should happen when the typist has stopped, not between two words.
fn debounce(len: usize) -> Duration {
    const BASE_MS: u64 = 300;
    const PER_MB_MS: u64 = 700;
    const MAX_MS: u64 = 1500;
    let extra = (len as u64).saturating_mul(PER_MB_MS) / (1 << 20);
    Duration::from_millis((BASE_MS + extra).min(MAX_MS))
}

#[component]
pub fn App() -> impl IntoView {
    // What the user typed (saved at once) and what was last checked (after a pause).
    let input = RwSignal::new(storage::load_text());
    let text = RwSignal::new(input.get_untracked());
    // After a crash the saved text is not checked until the user asks (or edits it).
    let paused = RwSignal::new(storage::take_crashed() && !text.get_untracked().is_empty());
    let selected = RwSignal::new(None::<Selection>);
    let filter = RwSignal::new(Filter::default());
    let out = Outputs {
        result: RwSignal::new(None),
        checking: RwSignal::new(None),
        failure: RwSignal::new(None),
        in_worker: RwSignal::new(true),
    };
    // A saved text is checked at once, and warms the worker up as well as a sample would.
    let warm_up = text.with_untracked(|t| t.trim().is_empty());
    let checker = StoredValue::new_local(Checker::new(out, warm_up));
    let checked = Memo::new(move |_| if paused.get() { None } else { out.result.get() });
    // The size of the text whose check waits for the typing pause.
    let waiting = RwSignal::new(None::<usize>);
    // While a check waits or runs, the results on screen are those of an older text.
    let busy = Signal::derive(move || waiting.get().or(out.checking.get()));
    let stale = move || busy.with(Option::is_some) && checked.with(Option::is_some);
    let at_once = CheckAtOnce(StoredValue::new(false));
    provide_context(at_once);
    // Every edit clears `paused` (setting it again, unchanged): only a change may re-check.
    let is_paused = Memo::new(move |_| paused.get());
    Effect::new(move |_| {
        if is_paused.get() {
            return;
        }
        let t = text.get();
        checker.with_value(|c| c.check(t));
    });
    let key = Memo::new(move |_| {
        checked.with(|c| storage::text_key(c.as_ref().map_or("", |c| c.text.as_str())))
    });
    let dismissed = Dismissed {
        ids: RwSignal::new(Vec::new()),
        key,
    };
    Effect::new(move |_| {
        let k = key.get();
        dismissed.ids.set(storage::load_dismissed(&k));
    });
    provide_context(dismissed);
    let visible = Memo::new(move |_| {
        checked.with(|c| {
            c.as_ref()
                .map(|c| filter.with(|f| visible_order(&c.report, f)))
                .unwrap_or_default()
        })
    });

    // Keep every keystroke across reloads; check once typing pauses, or at once after a
    // paste, a drop or an opened file.
    let pending = StoredValue::new(None::<TimeoutHandle>);
    // A long text is saved after a short pause too (writing 1 MB to storage takes tens of
    // milliseconds: not on every keystroke), and at once when the page is left.
    let unsaved = StoredValue::new(None::<TimeoutHandle>);
    let save_now = move || {
        if let Some(h) = unsaved.get_value() {
            h.clear();
            unsaved.set_value(None);
            input.with_untracked(|t| storage::save_text(t));
        }
    };
    let _leave = window_event_listener(leptos::ev::pagehide, move |_| save_now());
    let _hide = window_event_listener(leptos::ev::visibilitychange, move |_| save_now());
    Effect::new(move |first: Option<()>| {
        let t = input.get();
        if let Some(h) = unsaved.get_value() {
            h.clear();
        }
        if t.len() < SAVE_AT_ONCE_BELOW {
            unsaved.set_value(None);
            storage::save_text(&t);
        } else {
            let h = set_timeout_with_handle(
                move || {
                    unsaved.set_value(None);
                    input.with_untracked(|t| storage::save_text(t));
                },
                Duration::from_millis(SAVE_PAUSE_MS),
            )
            .ok();
            unsaved.set_value(h);
        }
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        if first.is_none() {
            return; // the loaded text is checked at once
        }
        if at_once.take() || t.trim().is_empty() {
            waiting.set(None);
            text.set(t);
            return;
        }
        waiting.set(Some(t.chars().count()));
        let wait = debounce(t.len());
        let h = set_timeout_with_handle(
            move || {
                waiting.set(None);
                text.set(t);
            },
            wait,
        )
        .ok();
        pending.set_value(h);
    });

    // Keyboard: j/n next finding, k/p previous, e or / to the text box, t to the marked text.
    let _keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let typing = document()
            .active_element()
            .is_some_and(|el| matches!(el.tag_name().as_str(), "TEXTAREA" | "INPUT" | "SELECT"));
        if typing {
            return;
        }
        let step = |delta: isize| {
            let order = visible.get_untracked();
            if order.is_empty() {
                return;
            }
            let at = selected
                .get_untracked()
                .and_then(|s| order.iter().position(|&i| i == s.finding));
            let next = match at {
                None if delta > 0 => 0,
                None => order.len() - 1,
                Some(p) => (p as isize + delta).clamp(0, order.len() as isize - 1) as usize,
            };
            let finding = order[next];
            selected.set(Some(Selection {
                finding,
                from: Origin::List,
            }));
            // Once the list has rendered it (it may be past what was on screen).
            let sel = format!(
                "[data-testid=\"finding\"][data-finding-index=\"{finding}\"] .finding-select"
            );
            let focus_it = move || {
                let el = document().query_selector(&sel).ok().flatten();
                el.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
                    .map(|el| el.focus())
                    .is_some()
            };
            if !focus_it() {
                request_animation_frame(move || {
                    // Unless the reader has moved on meanwhile (e.g. `e` to the text box).
                    if selected.get_untracked().map(|s| s.finding) == Some(finding) {
                        focus_it();
                    }
                });
            }
        };
        let focus = |selector: &str| {
            if let Ok(Some(el)) = document().query_selector(selector) {
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        };
        match ev.key().as_str() {
            "j" | "n" => step(1),
            "k" | "p" => step(-1),
            "e" | "/" => {
                ev.prevent_default();
                focus("[data-testid=\"input\"]");
            }
            "t" => focus("[data-testid=\"text-view\"]"),
            _ => (),
        }
    });

    let embed = crate::embed::EmbedParams::current();
    let embedded = embed.embed;
    if embedded {
        crate::embed::start(embed, input, paused, checked);
    }

    let lang = crate::i18n::provide_lang();
    let tr = crate::i18n::tr;
    view! {
        <header class="top">
            <div class="title-row">
                <h1>{tr("勾稽 · 决算报告数字核查", "Gouji · checking the figures of budget reports")}</h1>
                <button
                    type="button"
                    class="lang"
                    data-testid="lang"
                    lang=move || if lang.get() == Lang::En { "zh-CN" } else { "en" }
                    on:click=move |_| lang.update(|l| *l = if *l == Lang::En { Lang::Zh } else { Lang::En })
                >
                    {tr("English", "中文")}
                </button>
            </div>
            <p class="tagline">
                {tr(
                    "粘贴部门预算、决算或绩效自评报告的正文，自动核对其中的合计、增减、比例、表格与前后数据。全部计算在本机浏览器中完成，文本不会上传。",
                    "Paste the text of a budget, final-accounts or performance report: its totals, changes, shares, tables and restated figures are checked. Everything runs in this browser; the text is never uploaded.",
                )}
            </p>
            <p class="keys">
                {tr(
                    "键盘：j / k 下一条 / 上一条问题，e 编辑正文，t 查看标注原文",
                    "Keys: j / k next / previous finding, e edit the text, t the marked text",
                )}
            </p>
        </header>
        <main
            class="layout"
            class:stale=stale
            data-testid="layout"
            data-checker=move || if out.in_worker.get() { "worker" } else { "main-thread" }
        >
            <section class="pane pane-text" aria-label=tr("报告原文", "Report text")>
                <PasteArea text=input selected paused />
                <TextView checked selected />
            </section>
            <section
                class="pane pane-findings"
                aria-label=tr("核查结果", "Results")
                aria-busy=move || if busy.with(Option::is_some) { "true" } else { "false" }
            >
                <StatsLine checked paused busy failure=out.failure />
                <Exports checked input />
                <FilterBar checked filter />
                <FindingsList checked selected visible />
                <LedgerList checked />
            </section>
        </main>
        <Show when=move || !embedded && !opened_from_disk()>
            <OfflineFooter />
        </Show>
    }
}

/// Whether the page was opened from a file (the single-file bundle): it is offline already.
fn opened_from_disk() -> bool {
    web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|p| p == "file:")
}

/// The link to the single-file bundle (`scripts/build-single` puts `gouji.html` beside the
/// app), for checking reports on a machine without network.
#[component]
fn OfflineFooter() -> impl IntoView {
    let tr = crate::i18n::tr;
    view! {
        <footer class="bottom">
            <a href="gouji.html" download=tr("勾稽-离线版.html", "gouji-offline.html") data-testid="offline-download">
                {tr("下载离线版", "Download the offline version")}
            </a>
            " "
            <span class="muted">
                {tr(
                    "（单个 HTML 文件：保存后双击即可打开，无需网络，也不会联网）",
                    "(one HTML file: open it from disk, no network needed or used)",
                )}
            </span>
        </footer>
    }
}

use wasm_bindgen::JsCast;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_typing_pause_grows_with_the_text() {
        assert_eq!(debounce(0), Duration::from_millis(300));
        assert_eq!(debounce(15_000), Duration::from_millis(310));
        assert_eq!(debounce(1 << 20), Duration::from_millis(1000));
        assert_eq!(debounce(16 << 20), Duration::from_millis(1500));
        assert_eq!(debounce(usize::MAX), Duration::from_millis(1500));
    }
}
