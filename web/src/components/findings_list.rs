use std::collections::HashMap;

use gouji_core::{Finding, Severity};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

use crate::components::pages::{PageKey, Pages, PAGE};
use crate::components::severity_icon;
use crate::store::{finding_id, Checked, Dismissed, Origin, Selection};

/// How many of a finding's related figures its card lists.
const RELATED_SHOWN: usize = 12;

/// Visible findings by (severity, rule), and those of them marked as false alarms.
#[derive(Debug, Clone, Default, PartialEq)]
struct Counts {
    all: HashMap<(Severity, &'static str), usize>,
    dismissed: HashMap<(Severity, &'static str), usize>,
}

impl Counts {
    fn of(&self, sev: Severity, rule: Option<&'static str>) -> (usize, usize) {
        let sum = |m: &HashMap<(Severity, &'static str), usize>| -> usize {
            m.iter()
                .filter(|((s, r), _)| *s == sev && rule.is_none_or(|x| x == *r))
                .map(|(_, n)| n)
                .sum()
        };
        (sum(&self.all), sum(&self.dismissed))
    }
}

/// The findings grouped by severity and rule, with counts; clicking one selects it and
/// shows it in the text. `visible` is the filtered display order.
#[component]
pub fn FindingsList(
    checked: Memo<Option<Checked>>,
    selected: RwSignal<Option<Selection>>,
    visible: Memo<Vec<usize>>,
) -> impl IntoView {
    let lang = crate::i18n::lang();
    let dismissed = use_context::<Dismissed>().expect("App provides Dismissed");
    // The list renders its first page, and the next ones as the reader scrolls down to them
    // (or asks for them, or the selection lands on one of them). A new result or filter is a
    // new list: it starts with one page again.
    let pages = Pages::new(move || {
        checked.track();
        visible.track();
    });
    let counts = Memo::new(move |_| {
        checked.with(|c| {
            let mut counts = Counts::default();
            let Some(c) = c else { return counts };
            let findings = &c.report.findings;
            dismissed.ids.with(|ids| {
                visible.with(|v| {
                    for &i in v {
                        let f = &findings[i];
                        *counts.all.entry((f.severity, f.rule)).or_default() += 1;
                        if !ids.is_empty() && ids.contains(&finding_id(f)) {
                            *counts.dismissed.entry((f.severity, f.rule)).or_default() += 1;
                        }
                    }
                })
            });
            counts
        })
    });

    // The selection (keyboard, a click in the text) may land past what is rendered: render
    // up to it; a click in the text brings its finding into view.
    Effect::new(move |_| {
        let Some(sel) = selected.get() else { return };
        let Some(pos) = visible.with_untracked(|v| v.iter().position(|&i| i == sel.finding)) else {
            return;
        };
        pages.show_until(pos + 1);
        if sel.from == Origin::Text {
            let selector = format!(
                "[data-testid=\"finding\"][data-finding-index=\"{}\"]",
                sel.finding
            );
            request_animation_frame(move || {
                if let Ok(Some(el)) = document().query_selector(&selector) {
                    let opts = ScrollIntoViewOptions::new();
                    opts.set_block(ScrollLogicalPosition::Center);
                    opts.set_behavior(ScrollBehavior::Smooth);
                    el.scroll_into_view_with_scroll_into_view_options(&opts);
                }
            });
        }
    });

    let page_view = move |k: PageKey| {
        let items = visible.with_untracked(|v| {
            let range = k.range(v.len());
            // With the finding before the page, to know which groups start on it.
            let before = range.start.checked_sub(1).map(|p| v[p]);
            (before, v[range].to_vec())
        });
        checked.with_untracked(|c| {
            c.as_ref()
                .map(|c| render_page(c, items.0, &items.1, k.en, selected, counts))
        })
    };

    // The printed review sheet lists every finding.
    let print = window_event_listener_untyped("beforeprint", move |_| {
        pages.show_until(visible.with_untracked(Vec::len));
    });

    // The next page comes when the end of the list comes near the screen.
    let more_ref = NodeRef::<leptos::html::Button>::new();
    let observer = StoredValue::new_local(None::<web_sys::IntersectionObserver>);
    let on_near = StoredValue::new_local(None::<Closure<dyn FnMut(js_sys::Array)>>);
    on_cleanup(move || {
        print.remove();
        observer.try_with_value(|o| o.as_ref().map(web_sys::IntersectionObserver::disconnect));
    });
    Effect::new(move |_| {
        let Some(button) = more_ref.get() else { return };
        if observer.with_value(Option::is_none) {
            let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                let near = entries.iter().any(|e| {
                    e.dyn_into::<web_sys::IntersectionObserverEntry>()
                        .is_ok_and(|e| e.is_intersecting())
                });
                if near {
                    pages.more(visible.with_untracked(Vec::len));
                }
            });
            let init = web_sys::IntersectionObserverInit::new();
            // The list scrolls in its pane on a wide screen, with the page on a narrow one.
            let pane = document()
                .query_selector(".pane-findings .findings-wrap")
                .ok()
                .flatten();
            let scrolls = pane.as_ref().is_some_and(|p| {
                window()
                    .get_computed_style(p)
                    .ok()
                    .flatten()
                    .and_then(|s| s.get_property_value("overflow-y").ok())
                    .is_some_and(|o| o == "auto" || o == "scroll")
            });
            if scrolls {
                init.set_root(pane.as_ref());
            }
            init.set_root_margin("600px 0px");
            if let Ok(o) =
                web_sys::IntersectionObserver::new_with_options(cb.as_ref().unchecked_ref(), &init)
            {
                observer.set_value(Some(o));
            }
            on_near.set_value(Some(cb));
        }
        observer.with_value(|o| {
            if let Some(o) = o {
                o.disconnect();
                o.observe(&button);
            }
        });
    });

    let body = move || {
        let en = lang.get() == crate::i18n::Lang::En;
        let pick = move |zh: &'static str, e: &'static str| if en { e } else { zh };
        checked.with(|c| {
            let Some(c) = c.as_ref() else {
                return view! { <p class="empty">{pick("粘贴报告后，在此逐条列出发现的问题。", "Paste a report: its problems are listed here.")}</p> }
                    .into_any();
            };
            if c.report.findings.is_empty() {
                let text = if c.report.stats.claims == 0 {
                    pick("未识别到可核查的数字关系。", "No checkable relation between figures found.")
                } else {
                    pick("未发现问题：识别到的数字关系均一致。", "No problem: every relation found is consistent.")
                };
                return view! { <p class="empty" data-testid="no-findings">{text}</p> }.into_any();
            }
            if visible.with(Vec::is_empty) {
                return view! { <p class="empty" data-testid="all-filtered">{pick("筛选条件下没有问题。", "Nothing matches the filters.")}</p> }
                    .into_any();
            }
            ().into_any()
        })
    };
    let has_list =
        move || checked.with(|c| c.as_ref().is_some_and(|c| !c.report.findings.is_empty()));
    let more = move || {
        let total = visible.with(Vec::len);
        let hidden = pages.hidden(total);
        (has_list() && hidden > 0).then(|| {
            let en = lang.get() == crate::i18n::Lang::En;
            let label = crate::i18n::show_more(hidden.min(PAGE), total, hidden, en);
            view! {
                <button
                    type="button"
                    class="show-all"
                    data-testid="show-more"
                    node_ref=more_ref
                    on:click=move |_| pages.more(visible.with_untracked(Vec::len))
                >
                    {label}
                </button>
            }
        })
    };
    view! {
        <div class="findings-wrap">
            <h2 class="pane-title">{crate::i18n::tr("发现的问题", "Findings")}</h2>
            {body}
            <div data-testid="findings">
                {pages.view(move || visible.with(Vec::len), page_view)}
            </div>
            {more}
        </div>
    }
}

/// One page: its findings in runs of one severity and, within them, of one rule, each run
/// with its heading when the group starts on this page.
fn render_page(
    c: &Checked,
    before: Option<usize>,
    items: &[usize],
    en: bool,
    selected: RwSignal<Option<Selection>>,
    counts: Memo<Counts>,
) -> AnyView {
    let findings = &c.report.findings;
    let pick = move |zh: &'static str, e: &'static str| if en { e } else { zh };
    // Runs of one severity, and within them runs of one rule (the order is sorted so).
    type Run = (Severity, Vec<(&'static str, Vec<usize>)>);
    let mut runs: Vec<Run> = Vec::new();
    for &i in items {
        let f = &findings[i];
        if runs.last().is_none_or(|(s, _)| *s != f.severity) {
            runs.push((f.severity, Vec::new()));
        }
        let rules = &mut runs.last_mut().expect("pushed").1;
        if rules.last().is_none_or(|(r, _)| *r != f.rule) {
            rules.push((f.rule, Vec::new()));
        }
        rules.last_mut().expect("pushed").1.push(i);
    }
    let prev = before.map(|i| (findings[i].severity, findings[i].rule));
    runs.into_iter()
        .enumerate()
        .map(|(k, (sev, rules))| {
            let continues_sev = k == 0 && prev.is_some_and(|(s, _)| s == sev);
            let heading = (!continues_sev).then(|| {
                view! {
                    <h3>
                        <span class="icon" aria-hidden="true">{severity_icon(sev)}</span>
                        {crate::i18n::severity_name(sev, en)}
                        " "
                        <span class="n">{move || { let (n, d) = counts.with(|c| c.of(sev, None)); crate::i18n::count_label(n, d, en) }}</span>
                    </h3>
                }
            });
            let groups = rules
                .into_iter()
                .enumerate()
                .map(|(j, (rule, idx))| {
                    let continues_rule = continues_sev && j == 0 && prev.is_some_and(|(_, r)| r == rule);
                    let info = gouji_core::check::find(rule);
                    let name = info.map_or(rule, |r| if en { r.name_en } else { r.name_zh });
                    let explanation = info.map(|r| if en { r.explanation_en } else { r.explanation_zh });
                    let heading = (!continues_rule).then(|| {
                        view! {
                            <h4>
                                {name}
                                " "
                                <span class="n">{move || { let (n, d) = counts.with(|c| c.of(sev, Some(rule))); crate::i18n::count_label(n, d, en) }}</span>
                                {explanation.map(|e| view! {
                                    <details class="help">
                                        <summary aria-label=pick("规则说明", "About this rule")>"?"</summary>
                                        <p data-testid="rule-help">{e}</p>
                                    </details>
                                })}
                            </h4>
                        }
                    });
                    let list = idx
                        .iter()
                        .map(|&i| {
                            let own_mark = c.highlight.is_marked(i);
                            view! { <FindingItem finding=findings[i].clone() index=i own_mark selected en /> }
                        })
                        .collect_view();
                    view! {
                        <div class="rule-group" data-rule-group=rule>
                            {heading}
                            <ol class="findings">{list}</ol>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <section class=format!("sev-group sev-{}", sev.as_str()) data-testid="severity-group">
                    {heading}
                    {groups}
                </section>
            }
        })
        .collect_view()
        .into_any()
}

#[component]
fn FindingItem(
    finding: Finding,
    index: usize,
    /// Whether the finding has a `<mark>` of its own in the text view.
    own_mark: bool,
    selected: RwSignal<Option<Selection>>,
    /// Show the English texts.
    en: bool,
) -> impl IntoView {
    let pick = move |zh: &'static str, e: &'static str| if en { e } else { zh };
    let is_selected = move || selected.get().map(|s| s.finding) == Some(index);
    let dismissed = use_context::<Dismissed>().expect("App provides Dismissed");
    let id = finding_id(&finding);
    let is_dismissed = {
        let id = id.clone();
        Memo::new(move |_| dismissed.contains(&id))
    };
    let select = move || {
        selected.set(Some(Selection {
            finding: index,
            from: Origin::List,
        }))
    };
    let Finding {
        rule,
        severity,
        message,
        message_en,
        line,
        page,
        quote,
        stated,
        expected,
        formula,
        repair,
        cause,
        related,
        ..
    } = finding;
    let sev = severity.as_str();
    // The engine's details are Chinese; their fixed words in English.
    let tr_detail =
        move |v: Option<String>| v.map(|v| if en { crate::i18n::detail_en(&v) } else { v });
    let (formula, repair, cause) = (tr_detail(formula), tr_detail(repair), tr_detail(cause));
    let values = (stated.is_some() || expected.is_some()).then(|| {
        view! {
            <dl class="values">
                {stated.map(|v| view! { <dt>{pick("原文数值", "Stated")}</dt><dd data-testid="stated">{v}</dd> })}
                {expected.map(|v| view! { <dt>{pick("按其他数字应为", "The figures give")}</dt><dd data-testid="expected">{v}</dd> })}
            </dl>
        }
    });
    let related = (!related.is_empty()).then(|| {
        // A figure restated many times in a long text can have hundreds of other places.
        let more = related.len().saturating_sub(RELATED_SHOWN);
        let items = related
            .into_iter()
            .take(RELATED_SHOWN)
            .map(|r| {
                view! {
                    <li>
                        <q>{r.quote}</q>
                        {(!r.note.is_empty()).then(|| {
                            let note = if en { crate::i18n::detail_en(&r.note) } else { r.note };
                            view! { <span class="note-text">{note}</span> }
                        })}
                    </li>
                }
            })
            .collect_view();
        let more = (more > 0)
            .then(|| view! { <li class="more">{crate::i18n::more_related(more, en)}</li> });
        view! {
            <div class="related">
                <span class="label">{pick("依据", "From")}</span>
                <ul>{items}{more}</ul>
            </div>
        }
    });
    let detail = |label: &'static str, class: &'static str, v: Option<String>| {
        v.map(|v| {
            view! {
                <p class=class>
                    <span class="label">{label}</span>
                    {v}
                </p>
            }
        })
    };
    // The whole card selects on a click; the keyboard reaches it through its heading, a
    // button of its own (a button inside an element with role=button is no button to a
    // screen reader), and the dismiss button beside it.
    view! {
        <li
            class=format!("finding sev-{sev}")
            class:selected=is_selected
            class:dismissed=move || is_dismissed.get()
            data-testid="finding"
            data-finding-index=index.to_string()
            data-rule=rule
            data-severity=sev
            on:click=move |_| select()
        >
            <div class="finding-head">
                <button type="button" class="finding-select" aria-pressed=move || is_selected().to_string()>
                    <span class=format!("badge sev-{sev}")>
                        <span class="icon" aria-hidden="true">{severity_icon(severity)}</span>
                        {crate::i18n::severity_name(severity, en)}
                    </span>
                    <code class="rule" data-testid="finding-rule">{rule}</code>
                    <span class="line" data-testid="finding-place">
                        {crate::i18n::place(page, line, en)}
                    </span>
                </button>
                <button
                    type="button"
                    class="dismiss"
                    data-testid="dismiss"
                    aria-pressed=move || is_dismissed.get().to_string()
                    title=pick("标为误报（对这份文本记住），再点一次取消", "Mark as a false alarm (remembered for this text); click again to undo")
                    on:click=move |ev| {
                        ev.stop_propagation();
                        dismissed.toggle(id.clone());
                    }
                >
                    {move || crate::i18n::dismiss_label(is_dismissed.get(), en)}
                </button>
            </div>
            <p class="message" data-testid="finding-message">{if en { message_en } else { message }}</p>
            <blockquote class="quote" data-testid="finding-quote">{quote}</blockquote>
            {values}
            {detail(pick("算式", "Arithmetic"), "formula", formula)}
            {detail(pick("建议更正", "Repair"), "repair", repair)}
            {detail(pick("可能原因", "Likely cause"), "cause", cause)}
            {related}
            {(!own_mark)
                .then(|| view! { <p class="note">{pick("此处与另一处标注重叠，点击后定位到包含它的标注。", "This overlaps another mark; clicking shows the mark containing it.")}</p> })}
        </li>
    }
}
