//! The app's state: the text as typed and as checked, the check's result, the selection, the
//! filter and the dismissed findings, with their persistence (the text and the dismissals in
//! local storage) and the typing pause. Components take the signals they need from [`Store`];
//! the domain types they share live here, not in the root component.

use std::sync::Arc;
use std::time::Duration;

use gouji_core::{Report, Severity};
use leptos::prelude::*;

use crate::checker::{Checker, Outputs};
use crate::highlight::{chunked, highlight, Chunk, Highlight, Segment};
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

/// The file the text in the box was opened from: the JSON export's `path`, `encoding` and
/// `replaced`, while the text is still the file's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub name: String,
    /// As `gouji check` names it: `UTF-8`, `GB18030`, `UTF-16LE`, `UTF-16BE`, `docx`, `pdf`.
    pub encoding: &'static str,
    pub replaced: usize,
    /// [`storage::text_key`] of the text as opened.
    key: String,
}

impl Source {
    pub fn new(name: String, encoding: &'static str, replaced: usize, text: &str) -> Self {
        Source {
            name,
            encoding,
            replaced,
            key: storage::text_key(text),
        }
    }

    /// Whether `text` is the file's text (not edited since, nor replaced).
    pub fn describes(&self, text: &str) -> bool {
        self.key == storage::text_key(text)
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

/// The app's state, created once by [`App`](crate::App). Every field is a signal or a handle
/// to one: the store is `Copy`, and a component takes the fields it needs.
#[derive(Clone, Copy)]
pub struct Store {
    /// What the user typed (saved at once, or after a short pause when long).
    pub input: RwSignal<String>,
    /// After a crash the saved text is not checked until the user asks (or edits it).
    pub paused: RwSignal<bool>,
    pub selected: RwSignal<Option<Selection>>,
    pub filter: RwSignal<Filter>,
    /// Where the checker reports.
    pub out: Outputs,
    /// The result on screen (none while paused).
    pub checked: Memo<Option<Checked>>,
    /// The size of the text being waited for or checked, while the results on screen are those
    /// of an older text.
    pub busy: Signal<Option<usize>>,
    /// The findings the list shows, in its order.
    pub visible: Memo<Vec<usize>>,
    pub dismissed: Dismissed,
    pub at_once: CheckAtOnce,
    /// The file the text was last opened from.
    pub source: RwSignal<Option<Source>>,
}

impl Store {
    /// Loads the saved text, starts the checker and the persistence, and provides
    /// [`CheckAtOnce`] and [`Dismissed`] as context.
    pub fn new() -> Self {
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
        let leave = window_event_listener(leptos::ev::pagehide, move |_| save_now());
        let hide = window_event_listener(leptos::ev::visibilitychange, move |_| save_now());
        on_cleanup(move || {
            leave.remove();
            hide.remove();
        });
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
        Store {
            input,
            paused,
            selected,
            filter,
            out,
            checked,
            busy,
            visible,
            dismissed,
            at_once,
            source: RwSignal::new(None),
        }
    }

    /// Whether the results on screen are those of an older text.
    pub fn stale(&self) -> bool {
        self.busy.with(Option::is_some) && self.checked.with(Option::is_some)
    }
}

impl Default for Store {
    fn default() -> Self {
        Self::new()
    }
}

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
