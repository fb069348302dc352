use gouji_core::{Finding, Severity};
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use crate::app::{Checked, Dismissed, Origin, Selection};
use crate::components::{severity_icon, severity_label};

/// One severity's findings, by rule: (severity, [(rule id, finding indices)]).
type SeverityGroup = (Severity, Vec<(&'static str, Vec<usize>)>);

/// The findings grouped by severity and rule, with counts; clicking one selects it and
/// shows it in the text. `visible` is the filtered display order.
#[component]
pub fn FindingsList(
    checked: Memo<Option<Checked>>,
    selected: RwSignal<Option<Selection>>,
    visible: Memo<Vec<usize>>,
) -> impl IntoView {
    let body = move || {
        checked.with(|c| {
            let Some(c) = c.as_ref() else {
                return view! { <p class="empty">"粘贴报告后，在此逐条列出发现的问题。"</p> }
                    .into_any();
            };
            let findings = &c.report.findings;
            if findings.is_empty() {
                let text = if c.report.stats.claims == 0 {
                    "未识别到可核查的数字关系。"
                } else {
                    "未发现问题：识别到的数字关系均一致。"
                };
                return view! { <p class="empty" data-testid="no-findings">{text}</p> }.into_any();
            }
            let order = visible.get();
            if order.is_empty() {
                return view! { <p class="empty" data-testid="all-filtered">"筛选条件下没有问题。"</p> }
                    .into_any();
            }
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
                    let n: usize = rules.iter().map(|(_, v)| v.len()).sum();
                    let rule_groups = rules
                        .into_iter()
                        .map(|(rule, idx)| {
                            let info = gouji_core::rules::find(rule);
                            let name = info.map_or(rule, |r| r.name_zh);
                            let explanation = info.map(|r| r.explanation_zh);
                            let items = idx
                                .iter()
                                .map(|&i| {
                                    let own_mark = c.highlight.is_marked(i);
                                    view! { <FindingItem finding=findings[i].clone() index=i own_mark selected /> }
                                })
                                .collect_view();
                            view! {
                                <div class="rule-group" data-rule-group=rule>
                                    <h4>
                                        {name}
                                        " "
                                        <span class="n">{idx.len()}</span>
                                        {explanation.map(|e| view! {
                                            <details class="help">
                                                <summary aria-label="规则说明">"?"</summary>
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
                                {severity_label(sev)}
                                " "
                                <span class="n">{n}</span>
                            </h3>
                            {rule_groups}
                        </section>
                    }
                })
                .collect_view();
            view! { <div data-testid="findings">{sections}</div> }.into_any()
        })
    };
    view! {
        <div class="findings-wrap">
            <h2 class="pane-title">"发现的问题"</h2>
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
) -> impl IntoView {
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
        line,
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
                {stated.map(|v| view! { <dt>"原文数值"</dt><dd data-testid="stated">{v}</dd> })}
                {expected.map(|v| view! { <dt>"按其他数字应为"</dt><dd data-testid="expected">{v}</dd> })}
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
                <span class="label">"依据"</span>
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
                    {severity_label(severity)}
                </span>
                <code class="rule" data-testid="finding-rule">{rule}</code>
                <span class="line">{format!("第 {line} 行")}</span>
                <button
                    type="button"
                    class="dismiss"
                    data-testid="dismiss"
                    aria-pressed=move || is_dismissed.get().to_string()
                    title="标为误报（对这份文本记住），再点一次取消"
                    on:click=move |ev| {
                        ev.stop_propagation();
                        dismissed.toggle(id.clone());
                    }
                >
                    {move || if is_dismissed.get() { "已标误报" } else { "误报？" }}
                </button>
            </div>
            <p class="message" data-testid="finding-message">{message}</p>
            <blockquote class="quote" data-testid="finding-quote">{quote}</blockquote>
            {values}
            {detail("算式", "formula", formula)}
            {detail("建议更正", "repair", repair)}
            {detail("可能原因", "cause", cause)}
            {related}
            {(!own_mark)
                .then(|| view! { <p class="note">"此处与另一处标注重叠，点击后定位到包含它的标注。"</p> })}
        </li>
    }
}
