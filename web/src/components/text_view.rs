use leptos::prelude::*;

use crate::app::{Checked, Origin, Selection};
use crate::components::severity_label;
use crate::highlight::Segment;

/// The checked text, read-only, with each finding's span in a `<mark>`.
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
    let body = move || {
        checked.with(|c| {
            let Some(c) = c else {
                return view! {
                    <p class="placeholder">"粘贴报告后，有问题的数字会在这里标出；点击右侧的问题可定位到原文。"</p>
                }
                .into_any();
            };
            c.highlight
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
                        let f = &c.report.findings[i];
                        let sev = f.severity.as_str();
                        let title = format!("{}：{}", severity_label(f.severity), f.message);
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
        })
    };
    view! {
        <div class="text-view-wrap">
            <h2 class="pane-title">{crate::i18n::tr("原文标注", "Marked text")}</h2>
            <div class="text-view" data-testid="text-view" tabindex="0" aria-label="原文标注">
                {body}
            </div>
        </div>
    }
}
