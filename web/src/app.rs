//! The root component: owns the text, the check result and the selection.

use gouji_core::{Options, Report};
use leptos::prelude::*;
use web_sys::{ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

use crate::components::{FindingsList, PasteArea, StatsLine, TextView};
use crate::highlight::{highlight, Highlight};
use crate::storage;

/// The result of checking the current text.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    pub report: Report,
    pub highlight: Highlight,
}

impl Checked {
    /// The mark that shows finding `finding` (its own, or the earlier one it overlaps).
    pub fn mark_of(&self, finding: usize) -> Option<usize> {
        self.highlight.target.get(finding).copied().flatten()
    }
}

/// Checks `text`; `None` when there is nothing to check yet.
pub fn check_text(text: &str) -> Option<Checked> {
    if text.trim().is_empty() {
        return None;
    }
    let report = gouji_core::check(text, &Options::default());
    let spans: Vec<_> = report.findings.iter().map(|f| f.span).collect();
    let highlight = highlight(text, &spans);
    Some(Checked { report, highlight })
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

#[component]
pub fn App() -> impl IntoView {
    let text = RwSignal::new(storage::load_text());
    // After a crash the saved text is not checked until the user asks (or edits it).
    let paused = RwSignal::new(storage::take_crashed() && !text.get_untracked().is_empty());
    let selected = RwSignal::new(None::<Selection>);
    let checked = Memo::new(move |_| {
        if paused.get() {
            return None;
        }
        text.with(|t| check_text(t))
    });

    // Keep the text across reloads.
    Effect::new(move |_| {
        text.with(|t| storage::save_text(t));
    });

    // Bring the other side of a selection into view.
    Effect::new(move |_| {
        let Some(sel) = selected.get() else { return };
        let selector = match sel.from {
            Origin::List => {
                let mark = checked.with_untracked(|c| c.as_ref()?.mark_of(sel.finding));
                let Some(mark) = mark else { return };
                format!("[data-testid=\"text-view\"] mark[data-finding-index=\"{mark}\"]")
            }
            Origin::Text => format!(
                "[data-testid=\"finding\"][data-finding-index=\"{}\"]",
                sel.finding
            ),
        };
        if let Ok(Some(el)) = document().query_selector(&selector) {
            let opts = ScrollIntoViewOptions::new();
            opts.set_block(ScrollLogicalPosition::Center);
            opts.set_behavior(ScrollBehavior::Smooth);
            el.scroll_into_view_with_scroll_into_view_options(&opts);
        }
    });

    view! {
        <header class="top">
            <h1>"勾稽 · 决算报告数字核查"</h1>
            <p class="tagline">
                "粘贴部门预算、决算或绩效自评报告的正文，自动核对其中的合计、增减和比例。"
                "全部计算在本机浏览器中完成，文本不会上传。"
            </p>
        </header>
        <main class="layout">
            <section class="pane pane-text" aria-label="报告原文">
                <PasteArea text selected paused />
                <TextView checked selected />
            </section>
            <section class="pane pane-findings" aria-label="核查结果">
                <StatsLine checked paused />
                <FindingsList checked selected />
            </section>
        </main>
    }
}
