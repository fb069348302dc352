//! `growth`: `比上年增加 D，增长 r%` — r equals D over the previous-year value.

use super::kit::{compare_rate, money, pct_range, show_dp, wrong_rate, Place, RateVerdict};
use super::{Context, Draft, Rule, RuleInfo, Sink};
use crate::claims::growth::{direction_of, is_multiple, Direction};
use crate::read::document::{Document, Figure};
use crate::read::interval::{half_ulp, Interval};
use crate::read::quantity::Unit;
use crate::report::Severity;
use rust_decimal::Decimal;

pub struct Growth;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "growth",
    name_zh: "增减幅度",
    name_en: "Year-on-year change",
    severity: Severity::Error,
    summary_zh: "“比上年增加（减少）D，增长（下降）r%”中，r 应等于 D 除以上年数（本年数 ∓ D）。",
    summary_en: "A growth rate equals the change divided by the previous-year value (current ∓ change).",
    explanation_zh: "上年数 = 本年数 − 增加额（或 + 减少额），增长率 = 增减额 ÷ 上年数。最常见的错误是用本年数作分母：\
此时 Gouji 会指出“按本年数计算”。若同时写明了上年数，还核对 本年数 − 上年数 = 增减额；上年数、本年数与增减幅度相互一致而增减额不符时，指出的是增减额。\n\
例：“收、支总计1070.21万元，与2019年度相比，增加399.96万元，增加37.4%”：上年数 = 1070.21 − 399.96 = 670.25，\
399.96 ÷ 670.25 = 59.67%；而 399.96 ÷ 1070.21 = 37.37%，即文中用本年数作了分母。",
    explanation_en: "previous = current − increase (or + decrease); rate = change / previous. The most common slip \
divides by the current year instead, which Gouji names. Example: 399.96 / (1070.21 − 399.96) = 59.67%, stated 37.4% \
(= 399.96 / 1070.21). With the previous value stated, current − previous = change is checked too; when the \
previous value, the current value and the rate agree and only the change does not, the change is the one named.",
};

impl Rule for Growth {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, claims, sink) = cx.parts();
        for g in &claims.growths {
            let d = &doc.figures[g.delta];
            // `增加9.49万元，减少的主要原因是…`: the text says both; one of them is wrong.
            if g.reason_direction.is_some_and(|rd| rd != g.direction) {
                let verb_at = d.label_start().max(d.q.start.saturating_sub(6));
                let verb_at = crate::read::document::floor_char(doc.text(), verb_at);
                let mut f = Draft::new(
                    INFO.id,
                    Severity::Error,
                    verb_at..d.q.end,
                    "增减方向前后矛盾：增减额与其后说明的原因方向相反".into(),
                    "The change and the reason given for it point in opposite directions".into(),
                );
                f.stated = Some(doc.written(d));
                sink.report(f);
                continue;
            }
            if g.rate.is_none() && g.previous.is_none() {
                continue;
            }
            let at = g
                .rate
                .map(|r| doc.figures[r].q.start..doc.figures[r].q.end)
                .unwrap_or(d.q.start..d.q.end);
            let Some(ci) = g.current else {
                match (g.previous, g.rate) {
                    (Some(pi), Some(ri)) => check_on_previous(doc, g.delta, pi, ri, sink),
                    _ => sink.unchecked(
                        INFO.id,
                        at,
                        "无法确定与之比较的本年数",
                        "the current-year value is not identifiable",
                    ),
                }
                continue;
            };
            let c = &doc.figures[ci];
            // `经营结余-5.00万元，上年为20.00万元，比上年减少25.00万元`: a balance below zero,
            // whose arithmetic the unsigned amounts cannot follow.
            if [Some(ci), g.previous]
                .into_iter()
                .flatten()
                .any(|i| doc.written_negative(&doc.figures[i]))
            {
                sink.unchecked(
                    INFO.id,
                    at,
                    "本年数或上年数为负（结余、差额等），不按正数核算",
                    "the current or previous value is negative (a balance or a difference)",
                );
                continue;
            }
            let (Some(cv), Some(dv)) = (c.q.interval(), d.q.interval()) else {
                continue;
            };
            let up = g.direction == Direction::Up;
            // The part the change may be said of instead, unless it cannot be: an increase
            // above it (`其中…上级专项资金收入2825.77万元，比上年增加3061.4万元`) would leave
            // it nothing last year.
            let other_current = g
                .other_current
                .filter(|&o| !up || doc.figures[o].q.face() > d.q.face());
            let sign = if up { "−" } else { "+" };
            let prev_face = if up {
                super::kit::face(c).checked_sub(super::kit::face(d))
            } else {
                super::kit::face(c).checked_add(super::kit::face(d))
            };
            // Checked: current + decrease can exceed Decimal::MAX (found by fuzzing).
            let Some(prev_face) = prev_face else {
                sink.unchecked(
                    INFO.id,
                    at,
                    "数值过大，无法计算",
                    "value too large to compute",
                );
                continue;
            };
            let unit = c.q.unit;
            let dp = c.q.decimals.max(d.q.decimals);
            // A stated previous-year value: current ∓ D must equal it.
            if let Some(pi) = g.previous {
                let p = &doc.figures[pi];
                let derived = if up { cv.sub(dv) } else { cv.add(dv) };
                if let (Some(derived), Some(pv)) = (derived, p.q.interval()) {
                    let pat = p.q.start..p.q.end;
                    let formula = format!(
                        "{} {sign} {} = {}",
                        super::kit::plain(c),
                        super::kit::plain(d),
                        money(prev_face, unit, dp)
                    );
                    // The one part of a total the change may be said of instead (`本年支出
                    // 合计36.00万元。其中项目支出8.00万元，比上年6.50万元增加1.50万元`).
                    let other = other_current.map(|o| &doc.figures[o]).filter(|o| {
                        o.q.interval()
                            .and_then(|ov| if up { ov.sub(dv) } else { ov.add(dv) })
                            .is_some_and(|x| x.overlaps(pv))
                    });
                    if derived.overlaps(pv) {
                        sink.verified(INFO.id, pat, formula.clone(), formula);
                    } else if let Some(o) = other {
                        let formula = format!(
                            "{} {sign} {} = {}",
                            super::kit::plain(o),
                            super::kit::plain(d),
                            doc.written(p)
                        );
                        sink.verified(INFO.id, pat, formula.clone(), formula);
                    } else if other_current.is_some() {
                        sink.unchecked(
                            INFO.id,
                            pat,
                            "增减可能是总数的，也可能是紧挨其前所列分项的，两种读法都与上年数不符，无法确定",
                            "the change may be the total's or the part listed right before it; the previous-year value fits neither, so the binding is in doubt",
                        );
                    } else if let Some(_reversed) = (if up { cv.add(dv) } else { cv.sub(dv) })
                        .filter(|x| x.overlaps(pv))
                        // (A rate that does not fit the other direction leaves the base or
                        // the rate as likely a slip as the word.)
                        .filter(|&x| {
                            g.rate.is_none_or(|ri| {
                                dv.div(x).is_some_and(|q| {
                                    compare_rate(q, &doc.figures[ri]) == RateVerdict::Consistent
                                })
                            })
                        })
                    {
                        // The base is current ± the change the other way (`1,236.50万元，较
                        // 2024年预算1,302.80万元增加66.30万元`): the word is wrong, not a figure.
                        let (said, meant, other_sign) = if up {
                            ("增加", "减少", "+")
                        } else {
                            ("减少", "增加", "−")
                        };
                        let rate_fits = g.rate.is_some();
                        let mut f = Draft::new(
                            INFO.id,
                            Severity::Error,
                            d.q.start..d.q.end,
                            format!(
                                "增减方向有误：本年数{}比上年数{}{}{}，文中写作“{said}”",
                                doc.written(c),
                                doc.written(p),
                                if up { "少" } else { "多" },
                                doc.written(d)
                            ),
                            format!(
                                "Wrong direction: this year's {} is {} {} last year's {}, the text says it rose/fell the other way",
                                doc.written(c),
                                doc.written(d),
                                if up { "below" } else { "above" },
                                doc.written(p)
                            ),
                        );
                        f.stated = Some(said.into());
                        f.expected = Some(meant.into());
                        f.formula = Some(format!(
                            "{} {other_sign} {} = {}",
                            super::kit::plain(c),
                            super::kit::plain(d),
                            doc.written(p)
                        ));
                        f.repair = Some(format!("若为“{meant}”则一致"));
                        if rate_fits {
                            f.cause = Some(
                                "增减额与增减幅度都与“{meant}”相符，只有方向词有误"
                                    .replace("{meant}", meant),
                            );
                        }
                        f.related.push((c.q.start..c.q.end, "本年数".into()));
                        f.related.push((pat.clone(), "上年数".into()));
                        sink.report(f);
                        // (The rate is said of the wrong direction too: not judged apart.)
                        if let Some(ri) = g.rate {
                            let r = &doc.figures[ri];
                            sink.unchecked(
                                INFO.id,
                                r.q.start..r.q.end,
                                "增减方向有误（见增减额），比率不另行核对",
                                "the direction is wrong (see the change); the rate is not judged apart",
                            );
                        }
                        continue;
                    } else if let Some(true_delta) = odd_change(doc, g.rate, cv, pv, up) {
                        // The base and the rate agree with the current value (`较2024年预算数
                        // 5612.27万元减少171.43万元，下降3.23%` from 5430.84): the change is
                        // the slip, not the base, and the rate is right.
                        let shown = money(true_delta, d.q.unit, d.q.decimals);
                        let mut f = Draft::new(
                            INFO.id,
                            Severity::Error,
                            d.q.start..d.q.end,
                            format!("增减额应为{shown}（本年数与上年数之差），文中为{}", doc.written(d)),
                            format!(
                                "The change should be {shown} (this year less last year), the text says {}",
                                doc.written(d)
                            ),
                        );
                        f.stated = Some(doc.written(d));
                        f.expected = Some(shown);
                        f.formula = Some(format!(
                            "|{} − {}| = {}",
                            super::kit::plain(c),
                            super::kit::plain(p),
                            money(true_delta, d.q.unit, d.q.decimals)
                        ));
                        f.cause = Some("上年数、本年数与增减幅度相互一致，只有增减额不符".into());
                        f.related.push((c.q.start..c.q.end, "本年数".into()));
                        f.related.push((pat.clone(), "上年数".into()));
                        if let Some(ri) = g.rate {
                            let r = &doc.figures[ri];
                            f.related
                                .push((r.q.start..r.q.end, "增减幅度（与上年数一致）".into()));
                        }
                        sink.report(f);
                        continue;
                    } else {
                        let mut f = Draft::new(
                            INFO.id,
                            Severity::Error,
                            pat,
                            format!(
                                "上年数应为{}，文中为{}",
                                money(prev_face, unit, dp),
                                doc.written(p)
                            ),
                            format!(
                                "The previous-year value should be {}, the text says {}",
                                money(prev_face, unit, dp),
                                doc.written(p)
                            ),
                        );
                        f.stated = Some(doc.written(p));
                        f.expected = Some(money(prev_face, unit, dp));
                        f.formula = Some(formula);
                        f.related.push((c.q.start..c.q.end, "本年数".into()));
                        f.related.push((d.q.start..d.q.end, "增减额".into()));
                        sink.report(f);
                    }
                }
            }
            let Some(ri) = g.rate else { continue };
            let r = &doc.figures[ri];
            let rdp = show_dp(r);
            let formula_base = format!(
                "{} ÷ ({} {sign} {})",
                super::kit::plain(d),
                super::kit::plain(c),
                super::kit::plain(d)
            );
            let bounds = rate_bounds(cv, dv, up);
            let Some(computed) = bounds else {
                // From nothing to something is no growth of 0% (`上年为0万元…增长0%`).
                let zero_claimed =
                    prev_face.is_zero() && r.q.value.is_zero() && !d.q.value.is_zero();
                let (severity, message) = if zero_claimed {
                    (
                        Severity::Warning,
                        format!(
                            "上年数为0，本年为新增，增长率无从计算，不应写作{}",
                            doc.written(r)
                        ),
                    )
                } else {
                    (
                        if prev_face.is_sign_negative() {
                            Severity::Warning
                        } else {
                            Severity::Info
                        },
                        format!(
                            "上年数（{}）为0或负数，{}无从计算",
                            money(prev_face, unit, dp),
                            doc.written(r)
                        ),
                    )
                };
                let mut f = Draft::new(
                    INFO.id,
                    severity,
                    at,
                    message,
                    "The previous-year value is zero or negative: the rate is undefined".into(),
                );
                f.stated = Some(doc.written(r));
                f.formula = Some(format!(
                    "{} {sign} {} = {}",
                    super::kit::plain(c),
                    super::kit::plain(d),
                    money(prev_face, unit, dp)
                ));
                f.related.push((c.q.start..c.q.end, "本年数".into()));
                f.related.push((d.q.start..d.q.end, "增减额".into()));
                sink.report(f);
                continue;
            };
            let formula = format!("{formula_base} = {}", pct_range(computed, rdp));
            let verdict = compare_rate(computed, r);
            if g.rate_direction.is_some_and(|rd| rd != g.direction) {
                let mut f = Draft::new(
                    INFO.id,
                    Severity::Warning,
                    at,
                    "增减方向前后矛盾（一处写增加、一处写下降）".into(),
                    "The change and the rate point in opposite directions".into(),
                );
                f.stated = Some(doc.written(r));
                f.related.push((d.q.start..d.q.end, "增减额".into()));
                sink.report(f);
                continue;
            }
            if g.rate_multiple {
                let related = vec![
                    (c.q.start..c.q.end, format!("本年数：{}", c.label)),
                    (d.q.start..d.q.end, "增减额".into()),
                ];
                check_multiple(doc, sink, (at, r), up, computed, &formula_base, related);
                continue;
            }
            if verdict == RateVerdict::Consistent {
                sink.verified(INFO.id, at, formula.clone(), formula);
                continue;
            }
            // The part listed right before the change, which it may be said of instead: the
            // rate on it decides, and with neither reading holding the binding is in doubt.
            if let Some(o) = other_current.map(|o| &doc.figures[o]) {
                let on_other =
                    o.q.interval()
                        .and_then(|ov| rate_bounds(ov, dv, up))
                        .filter(|x| compare_rate(*x, r) == RateVerdict::Consistent);
                match on_other {
                    Some(x) => {
                        let formula = format!(
                            "{} ÷ ({} {sign} {}) = {}",
                            super::kit::plain(d),
                            super::kit::plain(o),
                            super::kit::plain(d),
                            pct_range(x, rdp)
                        );
                        sink.verified(INFO.id, at, formula.clone(), formula);
                        continue;
                    }
                    // (A rate the total's figures give but for its rounding is the total's:
                    // the rounding is reported below.)
                    None if verdict.rounding_slip().is_none() => {
                        sink.unchecked(
                            INFO.id,
                            at,
                            "增减可能是总数的，也可能是紧挨其前所列分项的，两种读法都与比率不符，无法确定",
                            "the change may be the total's or the part listed right before it; the rate fits neither, so the binding is in doubt",
                        );
                        continue;
                    }
                    None => {}
                }
            }
            // `增加2.45元` beside `20.18万元`: the rate holds in 万元, the unit is wrong.
            if change_in_wrong_unit(cv, c, d, r, up) {
                let written = doc.written(d);
                let meant = format!("{}{}", super::kit::plain(d), c.q.unit.suffix());
                let mut f = Draft::new(
                    INFO.id,
                    Severity::Error,
                    d.q.start..d.q.end,
                    format!(
                        "增减额{written}与本年数{}单位不同，按{meant}计算{}与文中一致：两处单位必有一处有误",
                        doc.written(c),
                        doc.written(r)
                    ),
                    format!(
                        "The change {written} and the current value {} differ in unit; the rate {} holds for {meant}: one of the two units is wrong",
                        doc.written(c),
                        doc.written(r)
                    ),
                );
                f.stated = Some(written);
                f.expected = Some(meant);
                f.formula = Some(format!(
                    "{} ÷ ({} {sign} {}) = {}",
                    super::kit::plain(d),
                    super::kit::plain(c),
                    super::kit::plain(d),
                    doc.written(r)
                ));
                f.related
                    .push((c.q.start..c.q.end, format!("本年数：{}", c.label)));
                f.related.push((r.q.start..r.q.end, "增减率".into()));
                sink.report(f);
                continue;
            }
            // The usual slip: the current year as the base.
            let on_current = dv
                .div(cv)
                .filter(|x| compare_rate(*x, r) == RateVerdict::Consistent);
            // Or the direction: the rate holds for a change the other way (`比2023年预算增加
            // 67.50万元，增长5.14%` where the budget fell from 1,312.80 to 1,245.30).
            // (Only with no base stated, which would settle the direction, and when the two
            // readings are clearly apart: for a small change they differ by hundredths.)
            let apart = |x: Interval| (x.mid() - computed.mid()).abs() >= Decimal::new(2, 3);
            let opposite = rate_bounds(cv, dv, !up)
                .filter(|x| compare_rate(*x, r) == RateVerdict::Consistent)
                .filter(|x| g.previous.is_none() && apart(*x));
            let (severity, cause) = match (verdict, on_current, opposite) {
                (_, Some(x), _) => (
                    Severity::Error,
                    Some(format!(
                        "文中比例是以本年数为分母算得的（{} ÷ {} = {}），应以上年数{}为分母",
                        super::kit::plain(d),
                        super::kit::plain(c),
                        pct_range(x, rdp),
                        money(prev_face, unit, dp)
                    )),
                ),
                (RateVerdict::Wrong, None, Some(x)) => {
                    let (said, meant, sign) = if up {
                        ("增加", "减少", "+")
                    } else {
                        ("减少", "增加", "−")
                    };
                    (
                        Severity::Error,
                        Some(format!(
                            "按{meant}计算（{} ÷ ({} {sign} {}) = {}）与文中比率相符：增减方向疑有误，“{meant}”写成了“{said}”",
                            super::kit::plain(d),
                            super::kit::plain(c),
                            super::kit::plain(d),
                            pct_range(x, rdp)
                        )),
                    )
                }
                (v, None, _) => v.rounding_slip().unwrap_or((Severity::Error, None)),
            };
            let word = if up { "增长率" } else { "下降率" };
            let mut f = wrong_rate(
                INFO.id,
                doc,
                (computed, r),
                formula,
                (word, "The rate of change"),
                Place::Text,
                (severity, cause),
            );
            f.related
                .push((c.q.start..c.q.end, format!("本年数：{}", c.label)));
            f.related.push((d.q.start..d.q.end, "增减额".into()));
            sink.report(f);
        }
    }
}

/// When a stated base disagrees with current ∓ change but the rate is the change from the
/// base to the current value, the change is the odd one out: its true value, in the change's
/// own unit (None when there is no rate, or it does not agree).
fn odd_change(
    doc: &Document,
    rate: Option<usize>,
    cv: Interval,
    pv: Interval,
    up: bool,
) -> Option<rust_decimal::Decimal> {
    let r = &doc.figures[rate?];
    if is_multiple(doc.text(), r) {
        return None;
    }
    let between = if up { cv.sub(pv)? } else { pv.sub(cv)? };
    let computed = between.div(pv)?;
    (compare_rate(computed, r) == RateVerdict::Consistent)
        .then(|| (between.lo + between.hi) / rust_decimal::Decimal::TWO)
}

/// Only the base is stated (`2020年…19740.24元。本年度…比上年度增加5298.19元，增长26.84%`):
/// the rate is D over that base.
fn check_on_previous(doc: &Document, delta: usize, previous: usize, rate: usize, sink: &mut Sink) {
    let (d, p, r) = (
        &doc.figures[delta],
        &doc.figures[previous],
        &doc.figures[rate],
    );
    let at = r.q.start..r.q.end;
    let (Some(dv), Some(pv)) = (d.q.interval(), p.q.interval()) else {
        return;
    };
    let dp = show_dp(r);
    let Some(computed) = dv.div(pv) else {
        sink.unchecked(INFO.id, at, "基数为0，增减幅度无从计算", "the base is zero");
        return;
    };
    if is_multiple(doc.text(), r) {
        let base = format!("{} ÷ {}", super::kit::plain(d), super::kit::plain(p));
        let related = vec![
            (p.q.start..p.q.end, format!("基数：{}", p.label)),
            (d.q.start..d.q.end, "增减额".into()),
        ];
        let up = direction_of(&d.label) != Some(Direction::Down);
        check_multiple(doc, sink, (at, r), up, computed, &base, related);
        return;
    }
    let formula = format!(
        "{} ÷ {} = {}",
        super::kit::plain(d),
        super::kit::plain(p),
        pct_range(computed, dp)
    );
    match compare_rate(computed, r) {
        RateVerdict::Consistent => sink.verified(INFO.id, at, formula.clone(), formula),
        verdict => {
            let severity = if verdict == RateVerdict::Wrong {
                Severity::Error
            } else {
                Severity::Warning
            };
            let mut f = wrong_rate(
                INFO.id,
                doc,
                (computed, r),
                formula,
                ("增减幅度", "The rate of change"),
                Place::Text,
                (severity, None),
            );
            f.related
                .push((p.q.start..p.q.end, format!("基数：{}", p.label)));
            f.related.push((d.q.start..d.q.end, "增减额".into()));
            sink.report(f);
        }
    }
}

/// `增长3.52倍`: the change over the base, as a multiple. Strictly `增长N倍` means the change
/// is N times the base; in common usage it also says the value became N times the base
/// (`增长到…的N倍`). Either reading that fits is consistent; a multiple neither gives is an
/// error. A fall stated in multiples names no definite rate and is left unchecked.
fn check_multiple(
    doc: &Document,
    sink: &mut Sink,
    (at, r): (std::ops::Range<usize>, &Figure),
    up: bool,
    computed: Interval,
    base: &str,
    related: Vec<(std::ops::Range<usize>, String)>,
) {
    if !up {
        sink.unchecked(
            INFO.id,
            at,
            "以倍数表述的下降没有确定的比率，无从核对",
            "a fall stated as a multiple names no definite rate",
        );
        return;
    }
    let k = r.q.decimals;
    let stated = Interval {
        lo: r.q.value - half_ulp(k),
        hi: r.q.value + half_ulp(k),
    };
    let shown = |x: Interval| super::kit::fixed(x.mid(), k.max(1));
    let times = computed.add(Interval::exact(Decimal::ONE));
    if computed.overlaps(stated) {
        let formula = format!("{base} = {}倍", shown(computed));
        sink.verified(INFO.id, at, formula.clone(), formula);
        return;
    }
    if let Some(t) = times.filter(|t| t.overlaps(stated)) {
        let formula = format!("{base} + 1 = {}倍（按“是上年的N倍”理解）", shown(t));
        let formula_en = format!("{base} + 1 = {} (read as “N times the base”)", shown(t));
        sink.verified(INFO.id, at, formula, formula_en);
        return;
    }
    let expected = format!("{}倍", shown(computed));
    let mut f = Draft::new(
        INFO.id,
        Severity::Error,
        at,
        format!(
            "增长倍数应为{expected}（即是上年的{}倍），文中为{}倍",
            times.map(shown).unwrap_or_default(),
            doc.written(r)
        ),
        format!(
            "The increase is {expected} the base (the value is {} times it), the text says {}倍",
            times.map(shown).unwrap_or_default(),
            doc.written(r)
        ),
    );
    f.stated = Some(format!("{}倍", doc.written(r)));
    f.expected = Some(expected.clone());
    f.formula = Some(format!("{base} = {expected}"));
    f.related = related;
    sink.report(f);
}

/// The rate a change `dv` on a current value `cv` gives, over both rounding intervals
/// (`None` when the previous year is zero or negative). Exact bounds: the rate rises with
/// the change and falls with the current value.
fn rate_bounds(cv: Interval, dv: Interval, up: bool) -> Option<Interval> {
    if up {
        let lo_den = cv.hi.checked_sub(dv.lo);
        let hi_den = cv.lo.checked_sub(dv.hi);
        match (lo_den, hi_den) {
            (Some(a), Some(b)) if b > rust_decimal::Decimal::ZERO => dv
                .lo
                .checked_div(a)
                .zip(dv.hi.checked_div(b))
                .map(|(lo, hi)| Interval { lo, hi }),
            _ => None,
        }
    } else {
        // Checked adds: an overflow leaves the rate uncomputed (found by fuzzing).
        cv.hi
            .checked_add(dv.lo)
            .zip(cv.lo.checked_add(dv.hi))
            .and_then(|(a, b)| {
                dv.div(Interval { lo: a, hi: b }).and_then(|_| {
                    dv.lo
                        .checked_div(a)
                        .zip(dv.hi.checked_div(b))
                        .map(|(lo, hi)| Interval { lo, hi })
                })
            })
    }
}

/// A change written in another money unit than its current value (`支出20.18万元，较上年增加
/// 2.45元，增长13.82%`) whose rate holds when the change is read in the current value's unit:
/// the unit is the slip, not the rate. `cv` is the current value's interval.
fn change_in_wrong_unit(cv: Interval, c: &Figure, d: &Figure, r: &Figure, up: bool) -> bool {
    let (Unit::Money(cu), Unit::Money(du)) = (c.q.unit, d.q.unit) else {
        return false;
    };
    cu != du
        && Interval::stated(d.q.value, d.q.decimals, cu.scale())
            .and_then(|dv| rate_bounds(cv, dv, up))
            .is_some_and(|rate| compare_rate(rate, r) == RateVerdict::Consistent)
}
