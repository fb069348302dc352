use leptos::prelude::*;

use crate::components::severity_icon;
use crate::store::{severity_slot, Checked, Filter};
use gouji_core::Severity;

/// Severity toggles with their counts, and a rule picker.
#[component]
pub fn FilterBar(checked: Memo<Option<Checked>>, filter: RwSignal<Filter>) -> impl IntoView {
    let counts = Memo::new(move |_| {
        checked.with(|c| {
            let mut by_sev = [0usize; 3];
            let mut by_rule: Vec<(&'static str, usize)> = Vec::new();
            if let Some(c) = c {
                for f in &c.report.findings {
                    by_sev[severity_slot(f.severity)] += 1;
                    match by_rule.iter_mut().find(|(r, _)| *r == f.rule) {
                        Some((_, n)) => *n += 1,
                        None => by_rule.push((f.rule, 1)),
                    }
                }
            }
            by_rule.sort();
            (by_sev, by_rule)
        })
    });
    let lang = crate::i18n::lang();
    let toggle = move |slot: usize| {
        filter.update(|f| f.severities[slot] = !f.severities[slot]);
    };
    let sev_button = move |s: Severity| {
        let slot = severity_slot(s);
        view! {
            <button
                type="button"
                class=format!("chip sev-{}", s.as_str())
                data-testid=format!("filter-{}", s.as_str())
                aria-pressed=move || filter.with(|f| f.severities[slot]).to_string()
                on:click=move |_| toggle(slot)
            >
                <span class="icon" aria-hidden="true">{severity_icon(s)}</span>
                {move || crate::i18n::severity_name(s, lang.get() == crate::i18n::Lang::En)}
                " "
                <span class="n">{move || counts.with(|c| c.0[slot])}</span>
            </button>
        }
    };
    let rule_options = move || {
        counts.with(|(_, by_rule)| {
            by_rule
                .iter()
                .map(|(rule, n)| {
                    let en = lang.get() == crate::i18n::Lang::En;
                    let name = gouji_core::check::find(rule).map_or(*rule, |r| {
                        if en {
                            r.name_en
                        } else {
                            r.name_zh
                        }
                    });
                    view! { <option value=*rule>{format!("{name}（{rule}）{n}")}</option> }
                })
                .collect_view()
        })
    };
    view! {
        <Show when=move || checked.with(|c| c.as_ref().is_some_and(|c| !c.report.findings.is_empty()))>
            <div class="filters" role="group" aria-label=crate::i18n::tr("筛选", "Filter")>
                {sev_button(Severity::Error)}
                {sev_button(Severity::Warning)}
                {sev_button(Severity::Info)}
                <label class="rule-pick">
                    {crate::i18n::tr("规则 ", "Rule ")}
                    <select
                        data-testid="filter-rule"
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            filter.update(|f| f.rule = (!v.is_empty()).then_some(v));
                        }
                    >
                        <option value="">{crate::i18n::tr("全部", "All")}</option>
                        {rule_options}
                    </select>
                </label>
            </div>
        </Show>
    }
}
