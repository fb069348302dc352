use gouji_core::{Finding, Severity};
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use crate::app::{Checked, Dismissed, Origin, Selection};
use crate::components::severity_icon;

/// One severity's findings, by rule: (severity, [(rule id, finding indices)]).
type SeverityGroup = (Severity, Vec<(&'static str, Vec<usize>)>);

/// How many findings are rendered before a "show all" button: a 1 MB text can have
/// thousands, and rendering them all took most of the time from paste to findings.
pub const RENDER_LIMIT: usize = 200;

/// The findings grouped by severity and rule, with counts; clicking one selects it and
/// shows it in the text. `visible` is the filtered display order.
#[component]
pub fn FindingsList(
    checked: Memo<Option<Checked>>,
    selected: RwSignal<Option<Selection>>,
    visible: Memo<Vec<usize>>,
) -> impl IntoView {
    let lang = crate::i18n::lang();
    // Past RENDER_LIMIT only on request, or when the selection (keyboard, a click in the
    // text) lands on a finding not rendered yet; a new text starts short again.
    let show_all = RwSignal::new(false);
    Effect::new(move |_| {
        checked.track();
        show_all.set(false);
    });
    Effect::new(move |_| {
        let Some(sel) = selected.get() else { return };
        let beyond =
            visible.with_untracked(|v| !v.iter().take(RENDER_LIMIT).any(|&i| i == sel.finding));
        if beyond && !show_all.get_untracked() {
            show_all.set(true);
        }
    });
    let body = move || {
        let en = lang.get() == crate::i18n::Lang::En;
        let pick = move |zh: &'static str, e: &'static str| if en { e } else { zh };
        checked.with(|c| {
            let Some(c) = c.as_ref() else {
                return view! { <p class="empty">{pick("粘贴报告后，在此逐条列出发现的问题。", "Paste a report: its problems are listed here.")}</p> }
                    .into_any();
            };
            let findings = &c.report.findings;
            if findings.is_empty() {
                let text = if c.report.stats.claims == 0 {
                    pick("未识别到可核查的数字关系。", "No checkable relation between figures found.")
                } else {
                    pick("未发现问题：识别到的数字关系均一致。", "No problem: every relation found is consistent.")
                };
                return view! { <p class="empty" data-testid="no-findings">{text}</p> }.into_any();
            }
            let mut order = visible.get();
            if order.is_empty() {
                return view! { <p class="empty" data-testid="all-filtered">{pick("筛选条件下没有问题。", "Nothing matches the filters.")}</p> }
                    .into_any();
            }
            let total = order.len();
            // Counts over every visible finding, rendered or not.
            let mut counts: std::collections::HashMap<(Severity, &'static str), usize> =
                std::collections::HashMap::new();
            for &i in &order {
                *counts.entry((findings[i].severity, findings[i].rule)).or_default() += 1;
            }
            let sev_count = |sev: Severity| -> usize {
                counts.iter().filter(|((s, _), _)| *s == sev).map(|(_, n)| n).sum()
            };
            if !show_all.get() {
                order.truncate(RENDER_LIMIT);
            }
            let hidden = total - order.len();
            let more = (hidden > 0).then(|| {
                let label = if en {
                    format!("Show all {total} findings ({hidden} more)")
                } else {
                    format!("显示全部 {total} 条（另有 {hidden} 条）")
                };
                view! {
                    <button type="button" class="show-all" data-testid="show-all" on:click=move |_| show_all.set(true)>
                        {label}
                    </button>
                }
            });
            // Runs of one severity, and within them runs of one rule (the order is sorted so).
            let mut groups: Vec<SeverityGroup> = Vec::new();
            for &i in &order {
                let f = &findings[i];
                if groups.last().is_none_or(|(s, _)| *s != f.severity) {
                    groups.push((f.severity, Vec::new()));
                }
                let rules = &mut groups.last_mut().expect("pushed").1;
                if rules.last().is_none_or(|(r, _)| *r != f.rule) {
                    rules.push((f.rule, Vec::new()));
                }
                rules.last_mut().expect("pushed").1.push(i);
            }
            let sections = groups
                .into_iter()
                .map(|(sev, rules)| {
                    let n = sev_count(sev);
                    let rule_groups = rules
                        .into_iter()
                        .map(|(rule, idx)| {
                            let info = gouji_core::rules::find(rule);
                            let name = info.map_or(rule, |r| if en { r.name_en } else { r.name_zh });
                            let explanation =
                                info.map(|r| if en { r.explanation_en } else { r.explanation_zh });
                            let items = idx
                                .iter()
                                .map(|&i| {
                                    let own_mark = c.highlight.is_marked(i);
                                    view! { <FindingItem finding=findings[i].clone() index=i own_mark selected en /> }
                                })
                                .collect_view();
                            view! {
                                <div class="rule-group" data-rule-group=rule>
                                    <h4>
                                        {name}
                                        " "
                                        <span class="n">{counts.get(&(sev, rule)).copied().unwrap_or(idx.len())}</span>
                                        {explanation.map(|e| view! {
                                            <details class="help">
                                                <summary aria-label=pick("规则说明", "About this rule")>"?"</summary>
                                                <p data-testid="rule-help">{e}</p>
                                            </details>
                                        })}
                                    </h4>
                                    <ol class="findings">{items}</ol>
                                </div>
                            }
                        })
                        .collect_view();
                    view! {
                        <section class=format!("sev-group sev-{}", sev.as_str()) data-testid="severity-group">
                            <h3>
                                <span class="icon" aria-hidden="true">{severity_icon(sev)}</span>
                                {crate::i18n::severity_name(sev, en)}
                                " "
                                <span class="n">{n}</span>
                            </h3>
                            {rule_groups}
                        </section>
                    }
                })
                .collect_view();
            view! { <div data-testid="findings">{sections}{more}</div> }.into_any()
        })
    };
    view! {
        <div class="findings-wrap">
            <h2 class="pane-title">{crate::i18n::tr("发现的问题", "Findings")}</h2>
            {body}
        </div>
    }
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
    let id = crate::app::finding_id(&finding);
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
    let on_key = move |ev: KeyboardEvent| {
        if ev.key() == "Enter" || ev.key() == " " {
            ev.prevent_default();
            select();
        }
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
    let values = (stated.is_some() || expected.is_some()).then(|| {
        view! {
            <dl class="values">
                {stated.map(|v| view! { <dt>{pick("原文数值", "Stated")}</dt><dd data-testid="stated">{v}</dd> })}
                {expected.map(|v| view! { <dt>{pick("按其他数字应为", "The figures give")}</dt><dd data-testid="expected">{v}</dd> })}
            </dl>
        }
    });
    let related = (!related.is_empty()).then(|| {
        let items = related
            .into_iter()
            .map(|r| {
                view! {
                    <li>
                        <q>{r.quote}</q>
                        {(!r.note.is_empty()).then(|| view! { <span class="note-text">{r.note}</span> })}
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="related">
                <span class="label">{pick("依据", "From")}</span>
                <ul>{items}</ul>
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
    view! {
        <li
            class=format!("finding sev-{sev}")
            class:selected=is_selected
            class:dismissed=move || is_dismissed.get()
            data-testid="finding"
            data-finding-index=index.to_string()
            data-rule=rule
            data-severity=sev
            role="button"
            tabindex="0"
            aria-pressed=move || is_selected().to_string()
            on:click=move |_| select()
            on:keydown=on_key
        >
            <div class="finding-head">
                <span class=format!("badge sev-{sev}")>
                    <span class="icon" aria-hidden="true">{severity_icon(severity)}</span>
                    {crate::i18n::severity_name(severity, en)}
                </span>
                <code class="rule" data-testid="finding-rule">{rule}</code>
                <span class="line" data-testid="finding-place">
                    {match (page, en) {
                        (Some(p), true) => format!("page {p}, line {line}"),
                        (Some(p), false) => format!("第 {p} 页 · 第 {line} 行"),
                        (None, true) => format!("line {line}"),
                        (None, false) => format!("第 {line} 行"),
                    }}
                </span>
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
                    {move || match (is_dismissed.get(), en) {
                        (true, false) => "已标误报",
                        (false, false) => "误报？",
                        (true, true) => "false alarm",
                        (false, true) => "false alarm?",
                    }}
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
