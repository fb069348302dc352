//! `identity`: the accounting identities every final-accounts report obeys (DOMAIN.md §4),
//! checked wherever both sides are stated, even in different paragraphs or sections.

use super::kit::{conflict, money, unequal};
use super::{Context, Draft, Rule, RuleInfo, Sink};
use crate::claims::facts::{Fact, FactKey, Facts, Flow, Period, Scope, Stage};
use crate::read::document::Document;
use crate::read::interval::Interval;
use crate::report::Severity;
use rust_decimal::Decimal;

pub struct Identity;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "identity",
    name_zh: "勾稽关系",
    name_en: "Accounting identities",
    severity: Severity::Error,
    summary_zh: "本年收入合计、财政拨款收入、本年支出合计、基本支出等应等于其法定构成之和，无论分散在何处陈述。",
    summary_en: "Totals fixed by definition (本年收入合计, 财政拨款收入, 本年支出合计, 基本支出…) equal their parts wherever stated.",
    explanation_zh: "部门决算的勾稽关系不因行文而变：\n\
收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余；支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余；收入总计 = 支出总计；\n\
本年收入合计 = 财政拨款收入 + 上级补助收入 + 事业收入 + 经营收入 + 附属单位上缴收入 + 其他收入；\n\
财政拨款收入 = 一般公共预算财政拨款收入 + 政府性基金预算财政拨款收入 + 国有资本经营预算财政拨款收入；\n\
本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出；\n\
基本支出 = 人员经费 + 公用经费（日常公用经费）；公务用车购置及运行维护费 = 购置费 + 运行维护费；\
公务接待费 = 国内公务接待费 + 外事接待费；政府采购支出总额 = 货物 + 工程 + 服务。\n\
只要全文某处陈述了合计、另一处陈述了构成项（同一口径、同一年度、同为决算数），就按四舍五入区间核对。\
构成项未全部陈述时，只有已陈述各项之和大于合计才算错误。同一句内的“其中”由“分项之和”规则核对，此处不重复。\n\
例：“一般公共预算财政拨款基本支出518.52万元”，下文“人员经费477.57万元”“日常公用经费40.95万元”：\
477.57 + 40.95 = 518.52，一致。",
    explanation_en: "Definitional identities (DOMAIN.md §4) are checked across the whole text on rounding \
intervals, for statements of the same scope, year and stage. With some parts unstated, only parts exceeding \
the total is an error. Example: 人员经费477.57 + 日常公用经费40.95 = 基本支出518.52.",
};

/// A total and its parts, by fact-key name and flow; each part lists alternative names.
struct Definition {
    total: (&'static [&'static str], Flow),
    parts: &'static [(&'static [&'static str], Flow)],
}

const IN: Flow = Flow::Income;
const OUT: Flow = Flow::Spending;

const NONE: Flow = Flow::Unnamed;

static DEFINITIONS: &[Definition] = &[
    Definition {
        total: (&["总计"], IN),
        parts: &[
            (&["合计"], IN),
            (&["使用非财政拨款结余"], NONE),
            (&["年初结转和结余", "年初结转结余"], NONE),
        ],
    },
    Definition {
        total: (&["总计"], OUT),
        parts: &[
            (&["合计"], OUT),
            (&["结余分配"], NONE),
            (&["年末结转和结余", "年末结转结余"], NONE),
        ],
    },
    Definition {
        total: (&["合计"], IN),
        parts: &[
            (&["财政拨款"], IN),
            (&["上级补助"], IN),
            (&["事业"], IN),
            (&["经营"], IN),
            (&["附属单位上缴"], IN),
            (&["其他"], IN),
        ],
    },
    Definition {
        total: (&["财政拨款"], IN),
        parts: &[
            (&["一般公共预算财政拨款", "一般公共预算拨款"], IN),
            (&["政府性基金预算财政拨款", "政府性基金预算拨款"], IN),
            (&["国有资本经营预算财政拨款", "国有资本经营预算拨款"], IN),
        ],
    },
    Definition {
        total: (&["合计"], OUT),
        parts: &[
            (&["基本"], OUT),
            (&["项目"], OUT),
            (&["上缴上级"], OUT),
            (&["经营"], OUT),
            (&["对附属单位补助"], OUT),
        ],
    },
    Definition {
        total: (&["基本"], OUT),
        parts: &[(&["人员"], OUT), (&["日常公用", "公用"], OUT)],
    },
    Definition {
        total: (&["公务用车购置及运行维护", "公务用车购置及运行"], OUT),
        parts: &[
            (&["公务用车购置"], OUT),
            (&["公务用车运行维护", "公务用车运行"], OUT),
        ],
    },
    Definition {
        total: (&["公务接待"], OUT),
        parts: &[(&["国内公务接待"], OUT), (&["外事接待"], OUT)],
    },
    Definition {
        total: (
            &[
                "政府采购支出总额",
                "政府采购总额",
                "政府采购支出",
                "政府采购",
            ],
            OUT,
        ),
        parts: &[
            (&["政府采购货物"], OUT),
            (&["政府采购工程"], OUT),
            (&["政府采购服务"], OUT),
        ],
    },
    Definition {
        total: (&["三公"], OUT),
        parts: &[
            (&["因公出国（境）", "因公出国"], OUT),
            (&["公务用车购置及运行维护", "公务用车购置及运行"], OUT),
            (&["公务接待"], OUT),
        ],
    },
];

impl Rule for Identity {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, claims, sink) = cx.parts();
        let facts = &claims.facts;
        // Each stated total, in every scope, period and stage it occurs in.
        for (key, group) in &facts.groups {
            for def in DEFINITIONS
                .iter()
                .filter(|d| d.total.1 == key.flow && d.total.0.contains(&key.name.as_str()))
            {
                check_one(doc, facts, key, &group[0], def, sink);
            }
        }
        running_costs(doc, facts, sink);
        income_equals_spending(doc, facts, sink);
    }
}

/// 收入总计 = 支出总计: the two sides of the final accounts balance, in every scope
/// (`财政拨款收入总计` = `财政拨款支出总计`), period and stage in which both are stated.
fn income_equals_spending(doc: &Document, facts: &Facts, sink: &mut Sink) {
    for (key, group) in &facts.groups {
        if key.flow != IN || key.name != "总计" {
            continue;
        }
        let out = FactKey {
            flow: OUT,
            ..key.clone()
        };
        let (Some(income), Some(spending)) =
            (group.first(), facts.get(&out).and_then(|g| g.first()))
        else {
            continue;
        };
        // `收、支总计1070.21万元` states both with one figure: nothing to compare.
        if income.at(doc) == spending.at(doc) {
            continue;
        }
        // A government's budget report carries its surplus to next year outside its totals
        // (`支出总计37.05亿元。收支相抵，结转下年1.57亿元`): the totals balance with it.
        // (A department's accounts balance whatever they carry over.)
        // (Totals that balance by design need nothing carried: checked as equal.)
        if let Some(carried) = carried_forward(doc, spending.figure())
            .filter(|_| government_report(doc))
            .filter(|_| !income.value(doc).overlaps(spending.value(doc)))
        {
            let (c, i, s) = (
                &doc.figures[carried],
                income.value(doc),
                spending.value(doc),
            );
            let holds =
                c.q.interval()
                    .and_then(|ci| s.add(ci))
                    .is_some_and(|x| x.overlaps(i));
            let at = spending.at(doc);
            let (sw, iw, cw) = (
                &doc.text()[at.clone()],
                &doc.text()[income.at(doc)],
                doc.written(c),
            );
            if holds {
                sink.verified(
                    INFO.id,
                    at,
                    format!("支出总计{sw}加{}{cw}等于收入总计{iw}", c.label),
                    format!(
                        "total spending {sw} plus {cw} carried forward equals total income {iw}"
                    ),
                );
            } else {
                sink.unchecked(
                    INFO.id,
                    at,
                    &format!(
                        "收入总计{iw}与支出总计{sw}之差不等于文中的“{}”{cw}，无法判断哪一个有误",
                        c.label
                    ),
                    "the totals differ by other than the amount carried forward",
                );
            }
            continue;
        }
        must_equal(
            doc,
            sink,
            MustEqual {
                this: spending,
                other: income,
                severity: Severity::Error,
                cause: "决算收支总表两侧必须平衡（收入总计 = 支出总计）",
            },
            |sw, iw| {
                (
                    format!("支出总计{sw}与收入总计{iw}相等"),
                    format!("total spending {sw} equals total income {iw}"),
                )
            },
            |sw, iw, line| {
                (
                    format!(
                        "收支不平：“{}”{sw}，第{line}行“{}”{iw}；收入总计应等于支出总计",
                        spending.label, income.label
                    ),
                    format!("Totals do not balance: spending {sw}, income {iw} on line {line}; they must be equal"),
                )
            },
        );
    }
}

/// A government's report on its budget or accounts (`关于某县2024年财政决算的报告`,
/// `…预算执行情况和2026年预算草案的报告`), not a department's: by its title.
fn government_report(doc: &Document) -> bool {
    let title = doc.title();
    ["财政决算", "预算执行情况", "预算草案", "财政预算", "总决算"]
        .iter()
        .any(|w| title.contains(w))
        && !title.contains("部门")
        && !title.contains("单位")
}

/// An amount carried to next year stated after the spending total, in its paragraph
/// (`收支相抵，结转下年1.57亿元`, `年终结转`). (A department's 年末结转和结余 is inside its
/// 支出总计.)
fn carried_forward(doc: &Document, spending: usize) -> Option<usize> {
    let f = &doc.figures[spending];
    // (`加上…结转下年支出1.57亿元，支出总计37.05亿元`: carried inside the total already.)
    let sentence = doc.sentences[f.sentence()].start;
    if doc.text()[sentence..f.q.start].contains("结转下年") {
        return None;
    }
    // (Or the next paragraph's first sentence: `支出总计45.85亿元。` / `收支相抵，结转下年…`.)
    let next = doc.figures[spending + 1..]
        .iter()
        .find(|g| g.paragraph() != f.paragraph())
        .map(|g| (g.paragraph(), g.sentence()));
    doc.figures[spending + 1..]
        .iter()
        .take_while(|g| {
            g.paragraph() == f.paragraph()
                || next.is_some_and(|(p, s)| g.paragraph() == p && g.sentence() == s)
        })
        .take_while(|g| !g.label.contains("总计"))
        .position(|g| {
            g.q.unit == f.q.unit
                && ["结转下年", "年终结转", "结转下一年"]
                    .iter()
                    .any(|w| g.label.contains(w))
        })
        .map(|k| spending + 1 + k)
        // (Said of the totals, `。收支相抵，结转下年…`, `。年终结转…`; not a line of the
        // spending side, `支出总计…，其中：本年支出合计…，结转下年…`.)
        .filter(|&c| {
            let between = &doc.text()[f.q.end..doc.figures[c].q.start];
            !between.contains("其中")
                && (between.contains("相抵") || doc.figures[c].sentence() != f.sentence())
        })
}

/// Two statements that must be equal.
struct MustEqual<'f> {
    /// Where a finding goes.
    this: &'f Fact,
    /// The statement it is compared with (linked from the finding).
    other: &'f Fact,
    severity: Severity,
    cause: &'static str,
}

/// Verified when the two overlap; otherwise a finding at `this` linking `other`. `ok` and
/// `bad` make the (Chinese, English) texts from the two figures as written and, for `bad`,
/// the line of `other`.
fn must_equal(
    doc: &Document,
    sink: &mut Sink,
    m: MustEqual,
    ok: impl Fn(&str, &str) -> (String, String),
    bad: impl Fn(&str, &str, usize) -> (String, String),
) {
    let (this, other) = (m.this, m.other);
    let (tw, ow) = (&doc.text()[this.at(doc)], &doc.text()[other.at(doc)]);
    if this.value(doc).overlaps(other.value(doc)) {
        let (zh, en) = ok(tw, ow);
        sink.verified(INFO.id, this.at(doc), zh, en);
        return;
    }
    let line = doc.line_of(doc.span(other.at(doc)).start);
    let diff = money((other.face(doc) - this.face(doc)).abs(), this.unit, 2);
    let mut d = conflict(
        INFO.id,
        m.severity,
        (this.at(doc), tw),
        (ow, [(other.at(doc), other.label.to_string())]),
        unequal(tw, ow, &diff),
        bad(tw, ow, line),
    );
    d.cause = Some(m.cause.into());
    sink.report(d);
}

/// 机关运行经费 is, by its definition, the 日常公用经费 of an administrative unit's fiscal-grant
/// basic spending: a difference is worth a look, not an error (a unit with public
/// institutions under it legitimately differs).
fn running_costs(doc: &Document, facts: &Facts, sink: &mut Sink) {
    let current = |k: &FactKey| k.period == Period::Current && k.stage == Stage::Outturn;
    let find = |pred: &dyn Fn(&FactKey) -> bool| {
        facts
            .groups
            .iter()
            .find(|(k, _)| current(k) && k.flow == OUT && pred(k))
            .map(|(_, g)| &g[0])
    };
    let Some(running) = find(&|k| k.name.ends_with("机关运行") || k.name.ends_with("机关运行经费"))
    else {
        return;
    };
    // None at all (`机关运行经费支出0.00万元…本单位没有机关运行经费`) is what a public
    // institution states: it has 公用经费 but, by definition, no 机关运行经费.
    if running.face(doc).is_zero() {
        return;
    }
    // In the general budget's fiscal-grant scope, else unscoped.
    let named = |scope: Option<Scope>, names: &'static [&'static str]| {
        move |k: &FactKey| k.code.is_none() && k.scope == scope && names.contains(&&*k.name)
    };
    let Some(public) = find(&named(Some(Scope::GeneralFiscal), &["日常公用", "公用"]))
        .or_else(|| find(&named(None, &["日常公用"])))
    else {
        return;
    };
    // A department with public institutions under it (a 汇总 report, `下属事业单位`): their
    // 公用经费 adds to the offices' 机关运行经费, so 公用经费 may be the larger.
    let text = doc.text();
    let institutions = || {
        text.match_indices("事业单位").any(|(i, _)| {
            !text[..i].ends_with("机关")
                && !text[..i].ends_with("行政")
                && !text[..i].ends_with('、')
        }) || text[..crate::read::document::floor_char(text, 600)].contains("汇总")
            || names_institutions(text)
    };
    if running.value(doc).hi < public.value(doc).lo && institutions() {
        sink.unchecked(
            INFO.id,
            running.at(doc),
            "本部门含事业单位，机关运行经费与日常公用经费可以不等",
            "the department includes public institutions: running costs may differ from routine public costs",
        );
        return;
    }
    must_equal(
        doc,
        sink,
        MustEqual {
            this: running,
            other: public,
            severity: Severity::Warning,
            cause: "机关运行经费应与一般公共预算财政拨款基本支出中的日常公用经费口径一致（下属有事业单位时可不等）",
        },
        |rw, pw| {
            (
                format!("机关运行经费{rw}与日常公用经费{pw}一致"),
                format!("running costs {rw} equal the routine public costs {pw}"),
            )
        },
        |rw, pw, line| {
            (
                format!("机关运行经费{rw}与第{line}行日常公用经费{pw}不等：行政单位二者通常相等，请核对"),
                format!("Running costs {rw} differ from the routine public costs {pw} on line {line}; for an administrative unit they are normally equal"),
            )
        },
    );
}

/// The key of a total's part: its name and flow, in the total's code, scope, period and stage.
fn part_key(key: &FactKey, name: &str, flow: Flow) -> FactKey {
    FactKey {
        name: name.to_string(),
        flow,
        ..key.clone()
    }
}

fn check_one(
    doc: &Document,
    facts: &Facts,
    key: &FactKey,
    total: &Fact,
    def: &Definition,
    sink: &mut Sink,
) {
    let find = |names: &[&str], flow: Flow| -> Option<&Fact> {
        names.iter().find_map(|n| {
            let own = facts
                .get(&part_key(key, n, flow))
                .and_then(|g| nearest(doc, g, total, &key.name));
            // `1.基本支出…。其中，人员支出…`: the parts of 基本支出 read in its scope, in
            // its own item only (elsewhere a section's 基本支出 may be one fund's).
            let within = || {
                let scope = (key.scope.is_none() && key.name == "基本").then_some(Scope::Basic)?;
                let k = FactKey {
                    scope: Some(scope),
                    ..part_key(key, n, flow)
                };
                facts.get(&k)?.iter().find(|f| {
                    f.paragraph(doc) == total.paragraph(doc)
                        && f.at(doc).start > total.at(doc).start
                })
            };
            own.or_else(within)
        })
    };
    let mut found: Vec<&Fact> = Vec::new();
    let mut stated_parts = 0;
    for &(names, flow) in def.parts {
        if let Some(f) = find(names, flow) {
            found.push(f);
            stated_parts += 1;
            continue;
        }
        // A part stated only through its own parts (公务用车购置费 and 运行维护费, never
        // their sum): those, when all are stated.
        let Some(sub) = DEFINITIONS
            .iter()
            .find(|d| d.total.1 == flow && names.iter().any(|n| d.total.0.contains(n)))
        else {
            continue;
        };
        let subs: Vec<&Fact> = sub.parts.iter().filter_map(|&(n, f)| find(n, f)).collect();
        if subs.len() == sub.parts.len() {
            found.extend(subs);
            stated_parts += 1;
        }
    }
    if found.len() < 2 {
        return;
    }
    // Parts listed in the total's own sentence are the `sum` rule's.
    if found
        .iter()
        .all(|p| p.sentence(doc).is_some() && p.sentence(doc) == total.sentence(doc))
    {
        return;
    }
    let complete = stated_parts == def.parts.len();
    let Some(sum) = found
        .iter()
        .try_fold(Interval::exact(Decimal::ZERO), |acc, p| {
            acc.add(p.value(doc))
        })
    else {
        return;
    };
    let face: Decimal = found.iter().map(|p| p.face(doc)).sum();
    let dp = found
        .iter()
        .chain([&total])
        .map(|f| written_decimals(doc, f))
        .max()
        .unwrap_or(0);
    let terms: Vec<String> = found
        .iter()
        .map(|p| {
            money(p.face(doc), total.unit, dp)
                .trim_end_matches(total.unit.suffix())
                .to_string()
        })
        .collect();
    let formula = format!("{} = {}", terms.join(" + "), money(face, total.unit, dp));
    let total_written = money(total.face(doc), total.unit, dp);
    let period_note = match (key.period, key.stage) {
        (Period::Current, Stage::Outturn) => String::new(),
        (_, Stage::Budget) => "（预算数）".into(),
        _ => "（上年数）".into(),
    };
    if sum.overlaps(total.value(doc)) && !complete {
        // Consistent so far, but an unstated part could be anything its rounding allows.
        sink.unchecked(
            INFO.id,
            total.at(doc),
            "构成项未全部陈述，已陈述各项之和不超过合计",
            "not every part is stated; those stated do not exceed the total",
        );
        return;
    }
    if sum.overlaps(total.value(doc)) {
        sink.verified(
            INFO.id,
            total.at(doc),
            format!(
                "{}{period_note}：{formula}，与 {total_written} 一致",
                total.label
            ),
            format!("{formula}, agrees with {total_written}"),
        );
        return;
    }
    if sum.lo < total.value(doc).lo && !complete {
        sink.unchecked(
            INFO.id,
            total.at(doc),
            "构成项未全部陈述，已陈述各项之和小于合计，无法判断",
            "not every part is stated; those stated fall short of the total",
        );
        return;
    }
    let mut d = Draft::new(
        INFO.id,
        Severity::Error,
        total.at(doc),
        format!(
            "{}{period_note}为{}，而其构成项之和为{}（{}）",
            total.label.trim_end_matches(['为', '是', '：', ':']),
            total_written,
            money(face, total.unit, dp),
            if complete {
                "各项均已陈述"
            } else {
                "仅已陈述的各项，已超过合计"
            }
        ),
        format!(
            "{} is {total_written}, but its parts stated elsewhere add up to {}",
            total.label,
            money(face, total.unit, dp)
        ),
    );
    d.stated = Some(total_written);
    d.expected = Some(money(face, total.unit, dp));
    d.formula = Some(formula);
    for p in &found {
        d.related.push((p.at(doc), p.label.to_string()));
    }
    sink.report(d);
}

/// How many paragraphs a part may be from its total: the identity is between statements
/// of one passage (`基本支出518.52万元` and the `人员经费`, `日常公用经费` paragraphs after it),
/// never between figures from different parts of the report that happen to share a name.
const NEAR: usize = 8;

/// The statement of a part nearest to the total, if it is near. A part stated as the
/// breakdown of another total of the same name and another value (`局本级基本支出1,200万元，
/// 其中：人员经费…`, `“三公”经费年初预算18.50万元，其中：…`) is that total's: a sub-unit's,
/// a budget's, one fund's.
fn nearest<'f>(doc: &Document, group: &'f [Fact], total: &Fact, name: &str) -> Option<&'f Fact> {
    let own = total.value(doc);
    group
        .iter()
        .filter(|f| {
            f.parent_figure().is_none_or(|p| {
                let parent = &doc.figures[p];
                !parent.label.contains(name) || parent.q.interval().is_none_or(|v| v.overlaps(own))
            })
        })
        .map(|f| (f.paragraph(doc).abs_diff(total.paragraph(doc)), f))
        .filter(|(d, _)| *d <= NEAR)
        .min_by_key(|(d, _)| *d)
        .map(|(_, f)| f)
}

fn written_decimals(doc: &Document, f: &Fact) -> u32 {
    let w = &doc.text()[f.at(doc)];
    w.split_once('.')
        .map(|(_, d)| d.chars().take_while(char::is_ascii_digit).count() as u32)
        .unwrap_or(0)
}

/// Does the text list the units a department's accounts cover with one of the kinds that are
/// public institutions by nature (`纳入…编制范围的单位包括：局机关、县不动产登记中心…`)? Only a
/// list of units: not one that says there is none (`无下属单位`, `仅…本级`) or lists offices
/// (`内设办公室、…中心等5个股室`); only a kind that ends a name (`、`, `，`, `。`, `等`, `共`).
fn names_institutions(text: &str) -> bool {
    const KINDS: [&str; 16] = [
        "中心",
        "学校",
        "中学",
        "小学",
        "幼儿园",
        "医院",
        "卫生院",
        "研究所",
        "研究院",
        "服务站",
        "管理站",
        "工作站",
        "图书馆",
        "文化馆",
        "博物馆",
        "纪念馆",
    ];
    ["编制范围", "单位包括", "所属单位", "下属单位", "二级单位"]
        .iter()
        .flat_map(|w| text.match_indices(w))
        .take(8)
        .any(|(i, _)| {
            let end = crate::read::document::floor_char(text, (i + 300).min(text.len()));
            let span = &text[i..end];
            let span = span.split('。').next().unwrap_or(span);
            let none = ["无下属", "没有下属", "无所属", "仅", "只有", "股室", "内设"]
                .iter()
                .any(|w| span.contains(w));
            !none
                && KINDS.iter().any(|k| {
                    span.match_indices(k).any(|(j, _)| {
                        let after = &span[j + k.len()..];
                        after.is_empty() || after.starts_with(['、', '，', '等', '共', '（', '和'])
                    })
                })
        })
}
