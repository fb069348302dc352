//! Realistic texts of our own (not copies of the samples): each rule firing and staying silent.

use gouji_core::{check, Options, Outcome, Report, Severity};

fn run(t: &str) -> Report {
    check(t, &Options::default())
}

fn rules_with(r: &Report, s: Severity) -> Vec<&'static str> {
    r.findings
        .iter()
        .filter(|f| f.severity == s)
        .map(|f| f.rule)
        .collect()
}

#[test]
fn a_consistent_final_accounts_passage_is_silent() {
    let t = "一、收入支出决算总体情况说明\n2023年度收、支总计1,245.60万元，与2022年度相比，增加145.60万元，增长13.2%，主要原因是人员增加。\n\
二、收入决算情况说明\n2023年度本年收入合计1,245.60万元，其中：财政拨款收入1,200.00万元，占96.3%；其他收入45.60万元，占3.7%。\n\
三、支出决算情况说明\n2023年度本年支出合计1,245.60万元，其中：基本支出845.60万元，占67.9%；项目支出400.00万元，占32.1%。\n\
四、机关运行经费\n2023年度机关运行经费支出38.50万元，比上年减少4.10万元，下降9.6%。";
    let r = run(t);
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    assert!(r.stats.verified >= 7, "{:?}", r.stats);
}

#[test]
fn full_width_and_spaced_figures_give_the_same_outcome() {
    let plain =
        "本年收入合计680.60万元，其中：财政拨款收入677.88万元，占99.6%；其他收入2.72万元，占0.4%。";
    let noisy = "本年收入合计６８０．６０ 万元 ，其中：财政拨款收入 \n６７７．８８万元，占 ９９．６ ％；其他收入2.72万元，占0.4％。";
    let (a, b) = (run(plain), run(noisy));
    assert_eq!(a.stats, b.stats);
    assert_eq!(a.stats.verified, 3);
}

#[test]
fn one_wrong_part_is_an_error_with_the_repair() {
    let r = run("2023年度本年支出合计500.00万元，其中：基本支出300.00万元，项目支出150.00万元。");
    assert_eq!(rules_with(&r, Severity::Error), ["sum"]);
    let f = &r.findings[0];
    assert_eq!(f.expected.as_deref(), Some("450.00万元"));
    assert_eq!(f.repair.as_deref(), Some("若总数为450.00万元则一致"));
}

#[test]
fn partial_lists_are_only_a_note() {
    let r = run("项目支出300万元，主要用于信息化建设120万元、设备购置100万元。");
    assert_eq!(rules_with(&r, Severity::Info), ["sum"]);
    assert!(rules_with(&r, Severity::Error).is_empty());
}

#[test]
fn growth_on_the_wrong_base_is_named() {
    let r = run("2023年度一般公共预算财政拨款支出800.00万元，比上年增加200.00万元，增长25.0%。");
    let f = &r.findings[0];
    assert_eq!((f.rule, f.severity), ("growth", Severity::Error));
    assert_eq!(f.expected.as_deref(), Some("33.33%"));
    assert!(f.cause.as_deref().unwrap().contains("本年数"));
}

#[test]
fn a_fixed_tolerance_would_have_missed_this() {
    // 3.59 / (19.60 + 3.59) = 15.48%: a ±0.5 pp checker accepts 15.31%, rounding does not.
    let r = run("公务接待费19.60万元，比上年减少3.59万元，下降15.31%。");
    assert_eq!(rules_with(&r, Severity::Error), ["growth"]);
}

#[test]
fn named_whole_is_used() {
    let r = run("2023年本年支出合计1000万元。\n2023年财政拨款支出870万元，占本年支出合计的78%。");
    assert_eq!(rules_with(&r, Severity::Error), ["share"]);
    let r = run("2023年本年支出合计1000万元。\n2023年财政拨款支出870万元，占本年支出合计的87%。");
    assert!(r.findings.is_empty());
}

#[test]
fn unnamed_share_without_a_total_is_unchecked_not_passed() {
    let r = run("公务接待费支出决算3.26万元，占100%。");
    assert!(r.findings.is_empty());
    assert_eq!(r.ledger[0].outcome, Outcome::Unchecked);
}

#[test]
fn shares_of_a_list_that_add_up_to_all_of_it_are_of_its_sum() {
    let share_outcomes = |t: &str| -> Vec<(Outcome, String)> {
        run(t)
            .ledger
            .iter()
            .filter(|e| e.rule == "share")
            .map(|e| (e.outcome, e.quote.clone()))
            .collect()
    };
    // No whole named nor stated: 23.8 + 1.9 + 74.4 = 100.1%, so the list is the whole
    // (6256.31).
    let t = "一、支出预算情况\n按支出用途分类，包括人员支出1487.48万元，占23.8%；日常公用支出116.93万元，占1.9%；项目支出4651.90万元，占74.4%。";
    let r = run(t);
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    assert_eq!(
        share_outcomes(t),
        [
            (Outcome::Verified, "23.8%".into()),
            (Outcome::Verified, "1.9%".into()),
            (Outcome::Verified, "74.4%".into())
        ]
    );
    // One share off (25.8% for 23.78%), the others moved to still add up to 100%: which whole
    // was meant is open; unchecked, never an error.
    let off = t
        .replace("占23.8%", "占25.8%")
        .replace("占74.4%", "占72.4%");
    assert!(run(&off).findings.iter().all(|f| f.rule != "share"));
    assert_eq!(
        share_outcomes(&off)[0],
        (Outcome::Unchecked, "25.8%".into())
    );
    // Shares that do not add up to 100% (a list of some items only): no whole to take.
    let some = t.replace("；项目支出4651.90万元，占74.4%", "");
    assert!(share_outcomes(&some)
        .iter()
        .all(|(o, _)| *o == Outcome::Unchecked));
}

#[test]
fn completion_and_zero_budget() {
    let r = run("年初预算为120.00万元，支出决算为90.00万元，完成年初预算的80.0%。");
    assert_eq!(rules_with(&r, Severity::Error), ["completion"]);
    let r = run("年初预算为0万元，支出决算为15.00万元，完成年初预算的0%。");
    assert_eq!(rules_with(&r, Severity::Info), ["completion"]);
}

#[test]
fn counts() {
    let r = run("本单位内设综合科、财务科、业务科共4个科室。");
    assert_eq!(rules_with(&r, Severity::Error), ["count"]);
    let r = run("本单位内设综合科、财务科、业务科、法规科共4个科室。");
    assert!(r.findings.is_empty());
    let r = run("共有车辆5辆，其中：一般公务用车2辆，执法执勤用车2辆。");
    assert_eq!(rules_with(&r, Severity::Error), ["count"]);
}

#[test]
fn product() {
    let r = run("对8户企业，每户20万元，共计150万元给予补助。");
    assert_eq!(rules_with(&r, Severity::Error), ["product"]);
}

#[test]
fn bad_input_gets_a_notice() {
    assert!(run("").notice.is_some());
    assert!(run("   \n\t ").notice.is_some());
    assert!(run("没有任何数字的一段文字。").notice.is_some());
    let junk: String = (0u32..5000).filter_map(char::from_u32).collect();
    let _ = run(&junk);
}

fn restated(r: &Report) -> Vec<(Severity, String)> {
    r.findings
        .iter()
        .filter(|f| f.rule == "restated")
        .map(|f| (f.severity, f.quote.clone()))
        .collect()
}

#[test]
fn a_figure_restated_differently_is_found_with_both_places() {
    let t = "一、部门收支总体情况\n2023年度本年支出合计1,245.60万元，其中：基本支出845.60万元，项目支出400.00万元。\n\
二、支出决算情况说明\n全年共完成项目12个。2023年度基本支出854.60万元，主要用于人员工资和日常运转。";
    let r = run(t);
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "restated")
        .expect("restated");
    assert_eq!(
        (f.severity, f.quote.as_str()),
        (Severity::Error, "854.60万元")
    );
    assert_eq!(f.related[0].quote, "845.60万元");
    assert!(
        f.formula.as_deref().unwrap().contains("相差9.00万元"),
        "{f:?}"
    );
}

#[test]
fn parts_of_two_totals_listed_past_their_first_sentence_are_two_quantities() {
    // 专项业务经费 under 商品和服务支出（302） and under 机关商品和服务支出（502）: the
    // breakdown goes on after its first full stop; each is a part of its own total.
    let para = |name: &str, code: u32, total: &str, common: &str, special: &str| {
        format!(
            "{name}（{code}）{total}万元，其中：公用经费{common}万元，较上年减少12.00万元，属于正常缩减。\
专项业务经费{special}万元，较上年增加30.00万元，主要原因是业务增加。\n"
        )
    };
    let t = format!(
        "（1）按部门预算支出经济分类的类级科目说明。\n{}（2）按政府预算支出经济分类的类级科目说明。\n{}",
        para("商品和服务支出", 302, "400.00", "100.00", "300.00"),
        para("机关商品和服务支出", 502, "350.00", "90.00", "260.00"),
    );
    let r = run(&t);
    assert!(restated(&r).is_empty(), "{:#?}", r.findings);
    // Told without the breakdown that makes it a part, the same name is one quantity.
    let t = format!(
        "{}（3）项目情况。\n专项业务经费260.00万元，主要用于业务开展。\n",
        para("商品和服务支出", 302, "400.00", "100.00", "300.00")
    );
    assert_eq!(
        restated(&run(&t)),
        [(Severity::Error, "260.00万元".to_string())]
    );
}

#[test]
fn restatements_in_other_units_are_verified() {
    // 公务接待 in 元 in one place and in 万元 in another: 32552.00元 rounds to 3.26万元.
    let t = "七、“三公”经费情况\n2023年公务接待费支出决算3.26万元，完成预算59%。\n\
八、其他事项\n我局“三公”经费执行情况：公务接待32552.00元，公务用车购置及运行维护费0元。";
    let r = run(t);
    assert!(restated(&r).is_empty(), "{:#?}", r.findings);
    assert!(r.ledger.iter().any(|e| e.rule == "restated"
        && e.outcome == Outcome::Verified
        && e.quote == "32552.00元"));
}

#[test]
fn a_unit_slip_in_a_restatement_names_the_unit() {
    let t = "一、支出情况\n2023年度本年支出合计1,245.60万元，其中：基本支出845.60万元，项目支出400.00万元。\n\
二、基本支出情况\n2023年度基本支出845.60元，主要用于人员经费。";
    let f = run(t)
        .findings
        .into_iter()
        .find(|f| f.rule == "restated")
        .expect("unit slip");
    assert_eq!(f.severity, Severity::Warning);
    assert!(f.cause.as_deref().unwrap().contains("万元"), "{f:?}");
}

#[test]
fn different_periods_scopes_and_list_items_are_not_restatements() {
    let t = "一、支出情况\n2023年度基本支出845.60万元，2022年度基本支出800.00万元。\n\
二、上年情况\n上年基本支出800.00万元。年初预算基本支出900.00万元。\n\
三、一般公共预算财政拨款基本支出情况\n人员经费700.00万元，日常公用经费100.00万元。\n\
四、部门基本支出情况\n人员经费745.60万元，日常公用经费100.00万元。\n\
五、接待情况\n市科技局到仁和调研接待费1000元，市科技局到仁和调研接待费559元。\n\
六、项目情况\n项目一共涉及资金195.10万元。项目二共涉及资金598.73万元。";
    let r = run(t);
    assert!(restated(&r).is_empty(), "{:#?}", restated(&r));
}

#[test]
fn identities_hold_across_paragraphs() {
    let ok = "六、一般公共预算财政拨款基本支出决算情况说明\n2023年一般公共预算财政拨款基本支出518.52万元。\n\
人员经费477.57万元，主要包括基本工资、津贴补贴。\n日常公用经费40.95万元，主要包括办公费、印刷费。";
    let r = run(ok);
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    assert!(r.ledger.iter().any(|e| e.rule == "identity"
        && e.outcome == Outcome::Verified
        && e.quote == "518.52万元"));

    let bad = ok.replace("40.95", "49.05");
    let r = run(&bad);
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "identity")
        .expect("identity");
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(f.expected.as_deref(), Some("526.62万元"));
    assert_eq!(f.related.len(), 2);
}

#[test]
fn identities_with_unstated_parts_only_fail_when_parts_exceed() {
    // 事业收入 and others unstated: a shortfall proves nothing.
    let short = "一、收入情况\n2023年度本年收入合计1,245.60万元。\n二、财政拨款\n财政拨款收入1,000.00万元。\n三、其他\n其他收入45.60万元。";
    let r = run(short);
    assert!(
        r.findings.iter().all(|f| f.rule != "identity"),
        "{:#?}",
        r.findings
    );
    let over = short.replace("1,000.00", "1,300.00");
    let r = run(&over);
    assert!(r
        .findings
        .iter()
        .any(|f| f.rule == "identity" && f.severity == Severity::Error));
}

#[test]
fn identities_respect_scope() {
    // The department's 基本支出 is not the fiscal-grant 人员经费 + 公用经费.
    let t = "一、支出情况\n2023年度本年支出合计1,245.60万元，其中：基本支出845.60万元，项目支出400.00万元。\n\
二、一般公共预算财政拨款基本支出情况\n人员经费500.00万元。\n日常公用经费100.00万元。";
    let r = run(t);
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
}

#[test]
fn a_figure_or_project_given_the_wrong_year() {
    let t =
        "2021年度部门整体支出绩效自评报告\n一、收入情况\n2021年度财政拨款收入合计18547952.93元。\n\
二、对比分析\n本部门2020年度财政拨款收入合计18547952.93元，比上年减少。\n\
三、项目情况\n组织对2022年区级应用技术研究与开发经费项目开展绩效评估。\n\
表：2021年区级应用技术研究与开发经费项目";
    let r = run(t);
    let found: Vec<&str> = r
        .findings
        .iter()
        .filter(|f| f.rule == "year-attribution")
        .map(|f| f.quote.as_str())
        .collect();
    assert_eq!(found, ["18547952.93元", "2022"], "{:#?}", r.findings);
}

#[test]
fn last_years_figures_and_round_amounts_are_not_year_slips() {
    let t = "2021年度部门决算\n一、收入情况\n2021年度财政拨款收入合计1800.00万元，2020年度财政拨款收入合计1650.32万元。\n\
二、其他\n2020年度公务接待费0元，2021年度公务接待费0元。2020年度培训费5万元，2021年度培训费5万元。\n\
2020年度区级科技项目与2021年度区级科技项目均已完成。";
    let r = run(t);
    assert!(
        r.findings.iter().all(|f| f.rule != "year-attribution"),
        "{:#?}",
        r.findings
    );
}

const CLASSIFIED: &str = "（二）财政拨款支出决算结构情况\n2023年度财政拨款支出870.52万元，主要用于以下方面：科学技术（类）支出218.05万元，占25.0%；住房保障支出（类）支出12.70万元，占1.5%；其他支出639.77万元。\n\
（三）财政拨款支出决算具体情况\n2023年度财政拨款支出年初预算为214.42万元，支出决算为870.52万元，完成年初预算的406%。其中：\n\
科学技术（类）科学技术管理事务（款）行政运行（项）。年初预算为183.39万元，支出决算为150.63万元，完成年初预算的82.1%。\n\
科学技术（类）科学技术管理事务（款）一般行政管理事务（项）。年初预算为17.4万元，支出决算为67.42万元，完成年初预算的387.5%。\n\
住房保障支出（类）住房改革支出（款）住房公积金（项）。年初预算为13.63万元，支出决算为12.70万元，完成年初预算的93.2%。\n\
其他支出（类）其他支出（款）其他支出（项）。年初预算为0万元，支出决算为639.77万元。";

#[test]
fn classified_lines_add_up_to_class_and_run_totals() {
    let r = run(CLASSIFIED);
    assert!(
        r.findings.iter().all(|f| f.rule != "classified"),
        "{:#?}",
        r.findings
    );
    let verified: Vec<&str> = r
        .ledger
        .iter()
        .filter(|e| e.rule == "classified" && e.outcome == Outcome::Verified)
        .map(|e| e.quote.as_str())
        .collect();
    for q in ["218.05万元", "12.70万元", "214.42万元", "870.52万元"] {
        assert!(verified.contains(&q), "{q} not verified: {verified:?}");
    }
}

#[test]
fn a_wrong_classified_line_is_found_against_its_class_and_the_run() {
    let r = run(&CLASSIFIED.replace("支出决算为67.42万元", "支出决算为76.42万元"));
    let quotes: Vec<(&str, Severity)> = r
        .findings
        .iter()
        .filter(|f| f.rule == "classified")
        .map(|f| (f.quote.as_str(), f.severity))
        .collect();
    assert!(
        quotes.contains(&("218.05万元", Severity::Error)),
        "{quotes:?}"
    );
    assert!(
        quotes.contains(&("870.52万元", Severity::Error)),
        "{quotes:?}"
    );
    // A budget line that is wrong shows up against the stated 年初预算 only.
    let r = run(&CLASSIFIED.replace("年初预算为17.4万元", "年初预算为71.4万元"));
    let f: Vec<&str> = r
        .findings
        .iter()
        .filter(|f| f.rule == "classified")
        .map(|f| f.quote.as_str())
        .collect();
    assert_eq!(f, ["214.42万元"]);
}

#[test]
fn running_costs_differing_from_routine_public_costs_is_a_warning() {
    let t = "六、一般公共预算财政拨款基本支出决算情况说明\n2023年一般公共预算财政拨款基本支出518.52万元，其中：人员经费477.57万元，日常公用经费40.95万元。\n\
十、其他重要事项的情况说明\n（一）机关运行经费支出情况\n本部门2023年机关运行经费支出{}万元，比上年减少1.52万元，下降3.6%。";
    let r = run(&t.replace("{}", "40.95"));
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    let r = run(&t
        .replace("{}", "45.95")
        .replace("下降3.6%", "增长9.6%")
        .replace("减少", "增加"));
    let f: Vec<_> = r.findings.iter().filter(|f| f.rule == "identity").collect();
    assert_eq!(f.len(), 1, "{:#?}", r.findings);
    assert_eq!(
        (f[0].severity, f[0].quote.as_str()),
        (Severity::Warning, "45.95万元")
    );
    assert_eq!(f[0].related[0].quote, "40.95万元");
    // A public institution states that it has none: nothing to compare.
    let r = run(&t.replace("{}", "0.00").replace(
        "比上年减少1.52万元，下降3.6%",
        "与上年持平，主要原因是本单位没有机关运行经费",
    ));
    assert!(
        r.findings.iter().all(|f| f.rule != "identity"),
        "{:#?}",
        r.findings
    );
}

#[test]
fn parts_stated_before_their_total() {
    let ok = "2023年度基本支出845.60万元，项目支出400.00万元，合计1,245.60万元。";
    let r = run(ok);
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    assert!(r
        .ledger
        .iter()
        .any(|e| e.rule == "sum" && e.quote == "1,245.60万元"));
    let r = run(&ok.replace("1,245.60", "1,254.60"));
    let f = r.findings.iter().find(|f| f.rule == "sum").expect("sum");
    assert_eq!(
        (f.severity, f.expected.as_deref()),
        (Severity::Error, Some("1245.60万元"))
    );
    // A change, a per-unit amount or a different count class breaks the list: no claim.
    for silent in [
        "本年收入100.00万元，比上年增加20.00万元，合计增长25%。",
        "补助企业11户，每户50万元，共计550万元。",
        "国内公务接待16批次，192人次，共计支出3.26万元。",
    ] {
        let r = run(silent);
        assert!(
            r.findings.iter().all(|f| f.rule != "sum"),
            "{silent}: {:#?}",
            r.findings
        );
    }
}

#[test]
fn nested_lists_with_the_same_separator_and_more_list_openers() {
    // The inner list (其中) uses `；` like the outer one: 600 belongs to 900 only.
    let t = "2023年“三公”经费决算总额1,500万元，比上年下降2.0%。分项情况是：因公出国（境）费决算100万元；\
公务接待费决算500万元；公务用车购置及运行维护费决算900万元，其中：公务用车购置费决算300万元；公务用车运行维护费决算600万元。";
    let r = run(t);
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    let sums: Vec<&str> = r
        .ledger
        .iter()
        .filter(|e| e.rule == "sum" && e.outcome == Outcome::Verified)
        .map(|e| e.quote.as_str())
        .collect();
    assert_eq!(sums, ["1,500万元", "900万元"]);
    // `X中，` opens a list too.
    let r = run("2024年“三公”经费财政拨款预算79.69亿元中，因公出国（境）费21.36亿元，公务用车购置及运行费43.99亿元，公务接待费14.43亿元。");
    let f = r.findings.iter().find(|f| f.rule == "sum").expect("sum");
    assert_eq!(f.expected.as_deref(), Some("79.78亿元"));
}

#[test]
fn comparison_words_agree_with_the_rate_or_the_figures() {
    let wrong = "1.社会保障和就业（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）：支出决算为67.64万元，\
完成预算89.53%，决算数大于预算数的主要原因是年初预算估算不足。";
    let r = run(wrong);
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "wording")
        .expect("wording");
    assert_eq!(
        (f.severity, f.quote.as_str()),
        (Severity::Error, "决算数大于预算数")
    );
    assert_eq!(f.expected.as_deref(), Some("决算数小于预算数"));
    let r = run(&wrong.replace("大于", "小于"));
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    // Stated figures decide over a rate that is itself wrong (a 0 budget), and 100% says nothing.
    for silent in [
        "行政单位离退休（项）年初预算为0万元，决算为20.12万元，完成年初预算的0%。决算数大于预算数的主要原因是人员增加。",
        "信息化建设（项）：支出决算为0.08万元，完成预算100%，决算数等于预算数。",
    ] {
        let r = run(silent);
        assert!(r.findings.iter().all(|f| f.rule != "wording"), "{silent}: {:#?}", r.findings);
    }
}

#[test]
fn shares_said_respectively_pair_with_the_amounts_in_order() {
    let t = "本年支出合计967.11万元，基本支出和项目支出分别为688.26万元、278.85万元，分别占71.2%、28.8%。";
    for t in [
        t.to_string(),
        t.replace("、278.85", "和278.85")
            .replace("分别占71.2%、", "各占71.2%和"),
        t.replace("28.8%", "28.83%").replace("71.2%", "71.17%"),
    ] {
        let r = run(&t);
        assert!(r.findings.is_empty(), "{t}: {:#?}", r.findings);
        let shares = r
            .ledger
            .iter()
            .filter(|e| e.rule == "share" && e.outcome == Outcome::Verified);
        assert_eq!(shares.count(), 2, "{t}");
    }
    // Transposed, the second is wrong against its own part.
    let r = run(&t.replace("28.8%", "82.8%"));
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "share")
        .expect("share");
    assert_eq!(f.quote, "82.8%");
    // Amounts without their unit cannot be paired: unchecked, not an error.
    let r = run(&t.replace("688.26万元、", "688.26和"));
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
}

#[test]
fn a_change_after_a_totals_last_part_may_be_either_s() {
    let rate = |t: &str| -> Vec<(Outcome, String)> {
        let r = run(t);
        assert!(
            r.findings.iter().all(|f| f.rule != "growth"),
            "{t}: {:#?}",
            r.findings
        );
        r.ledger
            .iter()
            .filter(|e| e.rule == "growth")
            .map(|e| (e.outcome, e.quote.clone()))
            .collect()
    };
    // The part's: 12.40 ÷ (688.26 + 12.40) = 1.77%.
    let part = "本年支出合计967.11万元，其中：基本支出688.26万元，比上年减少12.40万元，下降1.77%。";
    assert_eq!(rate(part), [(Outcome::Verified, "1.77%".to_string())]);
    // The total's: 20 ÷ (100 − 20) = 25%.
    let total = "本年收入100.00万元，其中财政拨款收入80.00万元，比上年增加20.00万元，增长25.00%。";
    assert_eq!(rate(total), [(Outcome::Verified, "25.00%".to_string())]);
    // Neither: in doubt, unchecked.
    let neither = part.replace("1.77%", "1.97%");
    assert_eq!(rate(&neither), [(Outcome::Unchecked, "1.97%".to_string())]);
    // With two parts the change after the last may be the total's or the last part's (a
    // ninth review: `…项目支出40万元，比上年增加10万元，增长33.33%` is 项目支出's): either
    // verifies, neither is in doubt.
    let two = "本年支出合计967.11万元，其中：基本支出688.26万元，项目支出278.85万元，比上年减少12.40万元，下降1.27%。";
    assert_eq!(rate(two), [(Outcome::Verified, "1.27%".to_string())]);
    assert_eq!(
        rate(&two.replace("1.27%", "4.26%")),
        [(Outcome::Verified, "4.26%".to_string())]
    );
    assert_eq!(
        rate(&two.replace("1.27%", "1.97%")),
        [(Outcome::Unchecked, "1.97%".to_string())]
    );
}

#[test]
fn a_completion_rate_is_on_the_budget_as_adjusted_or_as_first_set() {
    let outcome = |t: &str| -> Vec<(Outcome, String)> {
        let r = run(t);
        r.ledger
            .iter()
            .filter(|e| e.rule == "completion")
            .map(|e| (e.outcome, e.detail.clone()))
            .collect()
    };
    let adjusted = "2022年部门预算3,860.00万元，年中调整为4,120.00万元，实际支出4,036.18万元，预算执行率97.97%。";
    assert_eq!(
        outcome(adjusted),
        [(Outcome::Verified, "4036.18 ÷ 4120.00 = 97.97%".to_string())]
    );
    // On the budget as first set (4036.18 ÷ 3860.00 = 104.56%) it holds too.
    let first = adjusted.replace("97.97%", "104.56%");
    assert_eq!(outcome(&first)[0].0, Outcome::Verified);
    // On neither: the adjusted budget's rate is the one expected.
    let r = run(&adjusted.replace("97.97%", "99.97%"));
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "completion")
        .expect("completion");
    assert_eq!(f.expected.as_deref(), Some("97.97%"));
    // `完成年初预算的` names the budget as first set.
    let r =
        run("年初预算为50.00万元，后调减为45.00万元，实际支出44.10万元，完成年初预算的98.00%。");
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "completion")
        .expect("completion");
    assert_eq!(f.expected.as_deref(), Some("88.18%–88.22%"));
}

#[test]
fn people_by_overlapping_attributes_and_respective_values_are_no_wrong_sums() {
    for t in [
        "实有人数55人，其中：中共党员41人，大专及以上学历52人。",
        "在职职工119人，其中：女性56人，少数民族12人。",
        "本单位核定编制32人，其中参公编制和事业编制分别为20人和12人；实有在职人员30人。",
        "本单位编制人数126人，行政编制和事业编制分别为38人和88人，实有人数分别为36人和83人。",
    ] {
        let r = run(t);
        assert!(r.findings.is_empty(), "{t}: {:#?}", r.findings);
    }
    // Groups of one kind still add up to their total, and values said respectively still do.
    for t in [
        "在职职工119人，其中：男性63人，女性55人。",
        "本单位编制人数126人，行政编制和事业编制分别为38人和78人，实有人数分别为36人和83人。",
        "本单位核定编制32人，其中参公编制和事业编制分别为20人和13人；实有在职人员30人。",
    ] {
        let r = run(t);
        assert!(
            r.findings.iter().any(|f| f.rule == "count"),
            "{t}: {:#?}",
            r.findings
        );
    }
}

#[test]
fn changes_and_rates_said_respectively_pair_in_order() {
    let t = "本年支出合计967.11万元，其中基本支出688.26万元、项目支出278.85万元，分别比上年增加48.16万元和减少22.55万元，分别增长7.52%和下降7.48%。";
    let r = run(t);
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    let verified = r
        .ledger
        .iter()
        .filter(|e| e.rule == "growth" && e.outcome == Outcome::Verified);
    assert_eq!(verified.count(), 2);
    // A rate off its own level is found.
    let r = run(&t.replace("7.48%", "7.84%"));
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "growth")
        .expect("growth");
    assert_eq!(f.quote, "7.84%");
    // Fewer rates than changes pair with none.
    let r = run(&t.replace("分别增长7.52%和下降7.48%", "分别增长7.52%"));
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
}

/// Nothing above a note on a consistent passage.
fn assert_quiet(t: &str) {
    let r = run(t);
    let shown: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.severity != Severity::Info)
        .collect();
    assert!(shown.is_empty(), "{t}: {shown:#?}");
}

/// An error of `rule` on a passage with a slip.
fn assert_error(t: &str, rule: &str) {
    let r = run(t);
    assert!(
        r.findings
            .iter()
            .any(|f| f.rule == rule && f.severity == Severity::Error),
        "{t}: {:#?}",
        r.findings
    );
}

/// A score table whose child rows a word processor indented with a space.
const INDENTED_SCORES: &str = "改厕项目2023年度绩效自评报告\n绩效自评表\n指标\t年度指标值\t实际完成值\t分值\t得分\n产出指标\t\t\t50\t48\n 数量指标\t≥1200户\t1236户\t20\t20\n 质量指标\t≥95%\t98%\t15\t15\n 时效指标\t12月底前\t11月完成\t15\t13\n效益指标\t\t\t30\t28\n满意度指标\t≥90%\t95%\t10\t10\n预算执行率\t100%\t96.70%\t10\t9.67\n总分\t\t\t100\t95.67\n";

/// Consistent passages from a second review, each once a false finding: none may fire.
#[test]
fn a_second_reviews_consistent_passages_raise_nothing() {
    for t in [
        // share: a breakdown in brackets between the amounts and their 分别 rates.
        "本年支出合计1000.00万元，基本支出600.00万元，项目支出400.00万元（其中：人员类项目100.00万元、运转类项目300.00万元），分别占60.00%、40.00%。",
        // share: a whole named like the run's own amounts.
        "一般公共预算财政拨款支出800.00万元、政府性基金预算财政拨款支出200.00万元，分别占财政拨款支出总额的80%、20%。",
        // share-total: rates of a 分别 run with amounts of their own, of two wholes.
        "本年收入合计1000.00万元，本年支出合计800.00万元，分别占年初预算的125.00%和80.00%。年初预算收入800.00万元，支出1000.00万元。",
        // completion: a budget changed by an amount leaves the budget in force unstated.
        "年初预算3,860.00万元，年中追加260.00万元，实际支出4,036.18万元，预算执行率97.97%。",
        "年初预算3,860.00万元，年中调增300.00万元、调减40.00万元，实际支出4,036.18万元，预算执行率97.97%。",
        // completion: a rate after a `；` with an amount of its own.
        "档案数字化项目全年预算742.50万元，实际支出698.37万元；其中上半年支出300.00万元，执行率40.40%。",
        // wording: the line after the rate is about other items.
        "市档案馆2024年度部门决算\n行政运行（项）年初预算为412.00万元，支出决算为436.18万元，完成年初预算的105.87%。\n决算数小于预算数的项目主要有：一般行政管理事务（项），主要原因是压减开支。",
        // as-of-year: a date of an event; holdings of the year before beside this year's.
        "市档案馆2024年度部门决算\n本单位所属市档案技术服务中心，截至2023年12月31日已撤销，相关资产（车辆2辆）已划转本单位。",
        "市水利局2024年度部门决算\n一、国有资产占用情况\n2024年度本部门资产总额2,360.50万元。截至2023年12月31日，资产总额为2,208.30万元。",
        // evaluation-table: the text's spending is also a sub-fund row's.
        "市档案馆2024年度项目支出绩效自评报告\n档案数字化项目财政拨款资金实际支出698.37万元，执行率99.77%。\n2024年度项目支出绩效自评表\n项目名称\t档案数字化项目\n\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n年度资金总额\t600.00\t742.50\t698.37\t10\t94.06%\t9.41\n其中：财政拨款\t600.00\t700.00\t698.37\t—\t—\t—\n其他资金\t0\t42.50\t0\t—\t—\t—\n",
        // table: first-level rows that are subtotals of the rows under them.
        "造林项目2023年度绩效自评报告\n绩效自评表\n一级指标\t二级指标\t三级指标\t分值\t得分\n产出指标（50分）\t\t\t50\t48\n\t数量指标\t改厕户数\t20\t20\n\t质量指标\t验收合格率\t15\t15\n\t时效指标\t完成时间\t15\t13\n效益指标（30分）\t\t\t30\t28\n\t社会效益指标\t人居环境改善\t30\t28\n满意度指标（10分）\t\t\t10\t10\n\t服务对象满意度\t群众满意度\t10\t10\n预算执行率（10分）\t\t\t10\t9.67\n总分\t\t\t100\t95.67\n",
        // table: the same with children indented by spaces in their first cell, and a group
        // row with no children listed.
        INDENTED_SCORES,
    ] {
        assert_quiet(t);
    }
    // Still found: an indented child's score off its group's (48 = 20 + 15 + 13).
    let r = run(&INDENTED_SCORES.replace("11月完成\t15\t13", "11月完成\t15\t15"));
    assert!(
        r.findings.iter().any(|f| f.rule == "table"),
        "{:#?}",
        r.findings
    );
    // Still found: the grouped table's leaves off their total (whole scores stand for ±0.5).
    let t = "造林项目2023年度绩效自评报告\n绩效自评表\n一级指标\t二级指标\t三级指标\t分值\t得分\n产出指标（50分）\t\t\t50\t48\n\t数量指标\t改厕户数\t20\t20\n\t质量指标\t验收合格率\t15\t15\n\t时效指标\t完成时间\t15\t13\n效益指标（30分）\t\t\t30\t28\n\t社会效益指标\t人居环境改善\t30\t28\n满意度指标（10分）\t\t\t10\t10\n\t服务对象满意度\t群众满意度\t10\t10\n预算执行率（10分）\t\t\t10\t9.67\n总分\t\t\t100\t105.67\n";
    let r = run(t);
    assert!(
        r.findings.iter().any(|f| f.rule == "table"),
        "{:#?}",
        r.findings
    );
}

/// Consistent passages from a fifth review (blind to the rules), each once a false finding.
#[test]
fn a_fifth_reviews_consistent_passages_raise_nothing() {
    for t in [
        // table: an indicator row that dropped its last empty cell is not read against the
        // funds table's header of its width above the indicator header.
        "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n年度资金总额\t300.00\t356.40\t342.18\t10\t96.01%\t9.60\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n满意度指标\t服务对象满意度指标\t企业满意度\t≥90%\t94.2%\t10\t10\n",
        // … nor a row whose merged first cell is missing.
        "年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n120.00\t120.00\t114.60\t10\t95.50%\t9.55\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n产出指标\t数量指标\t培训人次\t≥1500人次\t1620人次\t20\t20\n质量指标\t培训合格率\t≥95%\t98%\t20\t20\n",
        // sum: a clause after `；` about another year, or with a total of its own.
        "2023年度本年收入合计1480.12万元中，财政拨款收入1402.50万元；2024年度财政拨款收入1460.80万元。",
        "2024年本年支出合计958.72万元，其中基本支出712.40万元；2023年本年支出合计991.35万元，其中基本支出690.15万元，项目支出301.20万元。",
        "2024年度本年收入合计962.30万元，其中财政拨款收入940.10万元；2023年度其他收入18.00万元。",
        // growth: a stated previous value of the one part a total lists.
        "本年支出合计36.00万元。其中项目支出8.00万元，比上年6.50万元增加1.50万元。",
        "本年支出合计36.00万元。其中项目支出8.00万元，比上年10.00万元减少2.00万元。",
        // growth: a change in a sentence after a `；`-list is the total's.
        "2025年收入预算合计1,256.80万元，其中：一般公共预算拨款收入1,206.80万元，占96.02%；上年结转50.00万元，占3.98%。与上年相比增加68.30万元，增长5.75%。",
        // table: a total written above its rows; income rows are no part of 本年支出合计.
        "项目\t决算数\n本年收入合计\t1286.40\n财政拨款收入\t1250.00\n其他收入\t36.40\n本年支出合计\t1271.00\n基本支出\t902.00\n项目支出\t369.00\n",
        // share: full-width digits with a full-width thousands separator.
        "收入合计１，２５６．８０万元，其中：一般公共预算拨款收入１，２０６．８０万元，占９６．０２％。",
        "项目自评得分92.6分，评价等级为“优”。其中：项目决策得分14.0分，项目过程得分22.5分，项目产出得分38.1分，项目效益得分18.0分。",
    ] {
        assert_quiet(t);
    }
    // Still found: the same slips where the reading is sure.
    for (t, rule) in [
        ("收入合计１，２５６．８０万元，其中：一般公共预算拨款收入１，２０６．８０万元，占９４．０２％。", "share"),
        ("2024年本年支出合计958.72万元，其中基本支出712.40万元，项目支出256.32万元；2023年本年支出合计991.35万元。", "sum"),
        ("三年累计投入300.00万元，其中：2022年100.00万元；2023年100.00万元；2024年110.00万元。", "sum"),
        ("本年支出合计36.00万元，比上年30.50万元增加5.00万元。", "growth"),
        ("项目\t决算数\n财政拨款收入\t1250.00\n其他收入\t36.40\n本年收入合计\t1296.40\n", "table"),
        // Scores written `N分` add up under their total.
        ("项目自评得分94.6分，评价等级为“优”。其中：项目决策得分14.0分，项目过程得分22.5分，项目产出得分38.1分，项目效益得分18.0分。", "count"),
    ] {
        assert_error(t, rule);
    }
}

/// Consistent passages from a sixth review (tables and scores, blind to the rules), each
/// once a false finding.
#[test]
fn a_sixth_reviews_consistent_passages_raise_nothing() {
    for t in [
        // Rows indented alike are siblings, not a group and its rows.
        "指标\t完成值\n培训人员总数\t366\n  中央单位干部\t200\n  地方信访干部\t159\n  新录用干部\t7\n培训班次\t4\n",
        // Two levels of indent: each group over the rows right under it.
        "科目名称\t决算数\n一般公共服务支出\t980.50\n　政府办公厅（室）及相关机构事务\t980.50\n　　行政运行\t760.50\n　　一般行政管理事务\t220.00\n",
        // A total over indented groups adds the groups.
        "项目\t金额\n基本支出\t5.00\n　人员经费\t2.00\n　公用经费\t3.00\n项目支出\t4.00\n合计\t9.00\n",
        // A 其中 list under a row is partial.
        "项目\t金额\n项目支出\t369.00\n　其中：专项业务费\t120.00\n　　　　信息化建设\t80.00\n",
        // A 行次 column numbers rows.
        "项目\t行次\t金额\n一般公共服务支出\t4\t1100.00\n住房保障支出\t5\t186.40\n本年支出合计\t6\t1286.40\n",
        // Counts indented under an amount.
        "项目\t决算数\n公务接待费（万元）\t3.30\n  接待批次（批）\t22\n  接待人次（人）\t186\n",
        // Codes under a total below them: only the codes no other begins.
        "科目编码\t科目名称\t决算数\n301\t工资福利支出\t6.00\n30101\t基本工资\t6.00\n302\t商品和服务支出\t1.00\n30201\t办公费\t1.00\n\t合计\t7.00\n",
        // Rows labelled as totals of a kind.
        "项目\t决算数\n工资福利支出\t6.00\n人员经费合计\t6.00\n商品和服务支出\t1.00\n公用经费合计\t1.00\n合计\t7.00\n",
        // A merged first cell leaves a row short: its figures' columns are open.
        "一级指标\t二级指标\t分值\t得分\n产出指标\t数量指标\t20\t20\n质量指标\t15\t14\n效益指标\t社会效益\t30\t28\n合计\t\t65\t62\n",
        // Score lists end at a deduction, a maximum or a score of another kind.
        "共扣6分，其中：甲扣2分，乙扣4分，得分94分。",
        "得分94.0分，其中：决策18.5分，过程19.0分，产出38.0分，效益18.5分，满分100分。",
        "产出指标得分38分，其中数量指标20分、质量指标18分，扣2分。",
    ] {
        assert_quiet(t);
    }
    // Still found.
    for (t, rule) in [
        // A group over its indented rows, and a total over the groups.
        ("项目\t金额\n基本支出\t5.00\n　人员经费\t2.00\n　公用经费\t2.00\n项目支出\t4.00\n合计\t9.00\n", "table"),
        ("项目\t金额\n基本支出\t5.00\n　人员经费\t2.00\n　公用经费\t3.00\n项目支出\t4.00\n合计\t10.00\n", "table"),
        // Whole scores are exact: 16 is above 15.
        ("一级指标\t二级指标\t三级指标\t分值\t得分\n产出指标\t数量指标\t培训人次\t15\t16\n", "table"),
        ("共扣6分，其中：甲扣2分，乙扣3分，得分94分。", "count"),
    ] {
        assert_error(t, rule);
    }
}

/// Consistent passages from a seventh review (tables nested by indent, numbering, sides and
/// codes; scores), each once a false finding.
#[test]
fn a_seventh_reviews_consistent_passages_raise_nothing() {
    for t in [
        // Rows aligned under the text after `其中：` are its siblings.
        "项目\t人数\n其中：在职人员\t38\n　　　离休人员\t1\n　　　退休人员\t3\n",
        // The right side of a two-sided table nests by its own indent.
        "收入\t金额\t支出\t金额\n财政拨款收入\t10.00\t基本支出\t6.00\n其他收入\t2.00\t　人员经费\t4.00\n\t\t　公用经费\t2.00\n\t\t项目支出\t6.00\n合计\t12.00\t合计\t12.00\n",
        // A 序号 column: the name after it nests by its indent; the number by its form.
        "序号\t项目\t金额\n1\t基本支出\t6.00\n\t　人员经费\t4.00\n\t　公用经费\t2.00\n2\t项目支出\t6.00\n\t合计\t12.00\n",
        "序号\t项目\t金额\n一\t基本支出\t6.00\n1\t人员经费\t4.00\n2\t公用经费\t2.00\n二\t项目支出\t6.00\n\t合计\t12.00\n",
        // Numbered labels: 一、 over （一）.
        "项目\t金额\n一、基本支出\t6.00\n（一）人员经费\t4.00\n（二）公用经费\t2.00\n二、项目支出\t6.00\n合计\t12.00\n",
        // A 栏次 row numbers the columns.
        "项目\t金额\n栏次\t1\n基本支出\t6.00\n项目支出\t6.00\n合计\t12.00\n",
        // Codes split into 类 | 款 | 项 columns, own code only or the whole chain.
        "类\t款\t项\t科目名称\t金额\n201\t\t\t一般公共服务支出\t6.00\n\t03\t\t政府办公厅（室）及相关机构事务\t6.00\n\t\t01\t行政运行\t6.00\n\t\t\t合计\t6.00\n",
        "科目编码\t\t\t科目名称\t合计\n类\t款\t项\t\t\n201\t\t\t一般公共服务支出\t980.50\n201\t03\t\t政府办公厅（室）及相关机构事务\t980.50\n201\t03\t01\t行政运行\t760.50\n201\t03\t02\t一般行政管理事务\t220.00\n\t\t\t合计\t980.50\n",
        // A 行次 column under a group row (an eighth review, on web/51's 统计表).
        "项目\t行次\t金额\n公务用车购置及运行维护费\t4\t3.76\n　公务用车购置费\t5\t0.00\n　公务用车运行维护费\t6\t3.76\n",
        // An average column's 合计 is an average.
        "项目\t人数\t人均（万元）\n在职人员\t38\t12.00\n退休人员\t3\t8.00\n合计\t41\t11.71\n",
        // Scores under a total may be a partial list; a weight is no completion rate.
        "项目综合得分为95.5分，其中预算执行率得分9.5分，产出指标得分48分。",
        "总得分95.5分，其中预算执行率得分9.5分（权重10%）。",
    ] {
        assert_quiet(t);
    }
    // Still found: the right side's first level off its total; numbered first level off.
    for t in [
        "收入\t金额\t支出\t金额\n财政拨款收入\t10.00\t基本支出\t6.00\n其他收入\t2.00\t　人员经费\t4.00\n\t\t　公用经费\t2.00\n\t\t项目支出\t7.00\n合计\t12.00\t合计\t12.00\n",
        "项目\t金额\n一、基本支出\t6.00\n（一）人员经费\t4.00\n（二）公用经费\t2.00\n二、项目支出\t7.00\n合计\t12.00\n",
    ] {
        assert_error(t, "table");
    }
}

/// Consistent passages from a ninth review (narrative), each once a false finding.
#[test]
fn a_ninth_reviews_consistent_passages_raise_nothing() {
    for t in [
        // A change right after the last part of a list may be that part's.
        "支出合计100万元，其中：基本支出60万元，项目支出40万元，比上年增加10万元，增长33.33%。",
        "支出合计36.00万元，其中：基本支出28.00万元，项目支出8.00万元，比上年6.50万元增加1.50万元，增长23.08%。",
        "平原镇人民政府2024年度部门决算\n项目总预算300万元，其中：2023年100万元，2024年200万元，比2023年增加100万元，增长100%。",
        // A deduction among a score's parts is subtracted.
        "平原镇人民政府2024年度项目绩效自评报告\n自评得分90分，其中：决策18分，过程18分，产出32分，效益27分，扣分5分。",
    ] {
        assert_quiet(t);
    }
    // Still found: a rate that fits neither the total nor the last part is left unchecked,
    // but one the last part cannot carry (an increase above it) is the total's.
    let r = run(
        "支出合计100万元，其中：基本支出60万元，项目支出40万元，比上年增加10万元，增长20.00%。",
    );
    assert!(
        r.findings.iter().all(|f| f.severity == Severity::Info),
        "{:#?}",
        r.findings
    );
    let r = run("收入预算为4302.33万元，其中一般公共预算财政拨款收入1476.56万元，上级专项资金收入2825.77万元，比上年增加3061.4万元，增长71%。");
    assert!(
        r.findings
            .iter()
            .any(|f| f.rule == "growth" && f.severity == Severity::Error),
        "{:#?}",
        r.findings
    );
}

#[test]
fn holdings_at_two_year_ends_are_two_quantities() {
    let t = "市档案局2024年度部门决算\n（三）国有资产占用情况\n截至2024年12月31日，本部门固定资产原值1,500.00万元。截至2023年12月31日，本部门固定资产原值1,420.00万元，本年增加80.00万元。";
    let r = run(t);
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    // The same year end twice is one quantity.
    let r = run(&t.replace("截至2023年12月31日", "截至2024年12月31日"));
    assert!(
        r.findings.iter().any(|f| f.rule == "restated"),
        "{:#?}",
        r.findings
    );
}

#[test]
fn comparison_words_opening_the_line_after_the_rate_are_the_rates() {
    // A PDF viewer's copy breaks the line after the rate's full stop.
    let wrong = "4.一般公共服务支出（类）市场监督管理事务（款）质量基础（项）。年初预算为160.00万元，\
支出决算为142.18万元，完成年初预算的88.86%。\n决算数大于年初预算数的主要原因是追加计量标准器具检定和能力建设。";
    let r = run(wrong);
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "wording")
        .expect("wording");
    assert_eq!(f.quote, "决算数大于年初预算数");
    assert_eq!(f.expected.as_deref(), Some("决算数小于预算数"));
    let right = wrong.replace("大于", "小于");
    let r = run(&right);
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    assert!(r.ledger.iter().any(|e| e.rule == "wording"));
    // The next line is not the rate's when the rate's line goes on, or when it is a heading.
    for other in [
        wrong.replace("88.86%。\n", "88.86%，主要用于检定。\n"),
        wrong.replace("88.86%。\n决算数", "88.86%。\n（二）决算数"),
    ] {
        let r = run(&other);
        assert!(
            r.findings.iter().all(|f| f.rule != "wording"),
            "{other}: {:#?}",
            r.findings
        );
    }
}

#[test]
fn a_unit_slip_is_named_by_sum_and_share() {
    let r = run("2023年度本年支出合计4995.52万元，其中：基本支出547.94元，占11.0%；项目支出4447.58万元，占89.0%。");
    let sum = r.findings.iter().find(|f| f.rule == "sum").expect("sum");
    assert!(
        sum.cause.as_deref().unwrap().contains("万元而非元"),
        "{sum:?}"
    );
    let share = r
        .findings
        .iter()
        .find(|f| f.rule == "share")
        .expect("share");
    assert!(
        share.cause.as_deref().unwrap().contains("单位疑为万元"),
        "{share:?}"
    );
    assert!(share
        .formula
        .as_deref()
        .unwrap()
        .starts_with("547.94元 ÷ 4995.52万元"));
}

#[test]
fn list_items_on_their_own_lines_belong_to_the_total() {
    let t = "三、支出预算情况说明\n本单位本年支出预算合计33172.15万元，其中：\n基本支出18570.82万元，占55.98%；\n\
项目支出11343.27万元，占34.20%；\n单位预留机动经费3285.06万元，占9.82%；\n四、其他";
    let r = run(t);
    let f = r.findings.iter().find(|f| f.rule == "sum").expect("sum");
    assert_eq!(f.expected.as_deref(), Some("33199.15万元"));
    assert!(r
        .findings
        .iter()
        .any(|f| f.rule == "share" && f.quote == "9.82%"));
}

#[test]
fn sangong_total_against_its_parts_in_the_next_paragraph() {
    let t = "（一）“三公”经费财政拨款支出决算总体情况说明\n2023年“三公”经费财政拨款支出决算为5.26万元，完成预算80%。\n\
（二）“三公”经费财政拨款支出决算具体情况说明\n因公出国（境）费支出决算0万元；公务用车购置及运行维护费支出决算2.00万元；公务接待费支出决算3.26万元。";
    let r = run(t);
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    assert!(r
        .ledger
        .iter()
        .any(|e| e.rule == "identity" && e.outcome == Outcome::Verified && e.quote == "5.26万元"));
    let r = run(&t.replace("3.26万元。", "3.62万元。"));
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "identity")
        .expect("identity");
    assert_eq!(
        (f.quote.as_str(), f.expected.as_deref()),
        ("5.26万元", Some("5.62万元"))
    );
}

const SCORE_TABLE: &str = "附件\n\t部门（单位）整体绩效自评表\n（2023年度）\n\n\t年度主要任务\n\t对应项目\n\t项目下达金额（万元）\n\t项目执行金额（万元）\n\t项目执行率\n\t分值\n\t得分\n\n\
\t\n\t人员经费\n\t153.42\n\t153.42\n\t100.00%\n\t6.6\n\t6.6\n\n\
\t\n\t企业扶持金\n\t100.00\n\t4.9\n\t4.90%\n\t6.6\n\t0.32\n\n\
\t\n\t综合业务费\n\t12.42\n\t6.96\n\t56.04%\n\t6.6\n\t3.7\n\n\
本表数据来源于部门决算，以下为文字说明部分，这一行足够长，表格到此结束。";

#[test]
fn table_rates_and_scores() {
    let r = run(SCORE_TABLE);
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    let verified = r
        .ledger
        .iter()
        .filter(|e| e.rule == "table" && e.outcome == Outcome::Verified)
        .count();
    assert_eq!(verified, 6, "three rates and three scores");
    let r = run(&SCORE_TABLE
        .replace("56.04%", "65.04%")
        .replace("\t0.32\n", "\t7.32\n"));
    let found: Vec<(&str, Severity)> = r
        .findings
        .iter()
        .filter(|f| f.rule == "table")
        .map(|f| (f.quote.as_str(), f.severity))
        .collect();
    assert_eq!(
        found,
        [("7.32", Severity::Error), ("65.04%", Severity::Error)]
    );
}

const FUNCTION_TABLE: &str = "2023 年度部门支出分类\t\t\n项目（按功能分类）\t年初预算数（元）\t决算数（元）\n\
一般公共服务支出\t0.00\t738,259.25\n社会保障和就业支出\t1,405,342.80\t2,613,704.45\n卫生健康支出\t410,151.60\t376,347.69\n\
总计（元）\t1815494.40\t3728311.39\n\n\
2023 年度财政拨款支出合计 3728311.39 元。其中：一般公共服务支出 738,259.25 元；社会保障和就业支出 2,617,435.49 元；卫生健康支出 372,616.65 元。";

#[test]
fn table_totals_and_narrative_against_table() {
    let r = run(FUNCTION_TABLE);
    let table_ok = r
        .ledger
        .iter()
        .filter(|e| e.rule == "table" && e.outcome == Outcome::Verified)
        .count();
    assert_eq!(table_ok, 2, "both total cells");
    let restated: Vec<(&str, &str)> = r
        .findings
        .iter()
        .filter(|f| f.rule == "restated")
        .map(|f| (f.quote.as_str(), f.related[0].quote.as_str()))
        .collect();
    assert_eq!(
        restated,
        [
            ("2,617,435.49 元", "2,613,704.45"),
            ("372,616.65 元", "376,347.69")
        ]
    );
    // A wrong total cell is found in its column.
    let r = run(&FUNCTION_TABLE.replace("3728311.39\n", "3728113.39\n"));
    assert!(r
        .findings
        .iter()
        .any(|f| f.rule == "table" && f.quote == "3728113.39"));
}

#[test]
fn code_columns_and_repeated_row_names_are_not_figures_or_facts() {
    let t = "功能科目代码\t功能科目名称\t金额\n合计\t33,172.15\n204\t公共安全支出\t26,200.88\n20405\t法院\t26,200.88\n\
208\t社会保障和就业支出\t6,971.27\n\n采购项目\t采购方式\t金额（万元）\n被装购置费\t分散自行组织\t10.00\n修缮工程\t分散自行组织\t530.00\n\n\
正文：本年度公共安全支出26,200.88万元，社会保障和就业支出6,971.27万元，这是说明文字。";
    let r = run(t);
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
}

#[test]
fn classification_code_tables_add_up_level_by_level() {
    let t = "六、基本支出预算表\n单位：万元\n科目编码\t科目名称\t金额\n合计\t18,570.82\n301\t工资福利支出\t13,747.87\n\
30101\t基本工资\t2,679.68\n30102\t津贴补贴\t11,068.19\n302\t商品和服务支出\t3,407.38\n30201\t办公费\t350.00\n30202\t印刷费\t3,057.38\n\
303\t对个人和家庭的补助\t1,415.57\n30301\t离休费\t461.60\n30302\t退休费\t953.97\n\n以下为说明，本段文字较长，用来结束上面的表格。";
    let r = run(t);
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    let ok = r
        .ledger
        .iter()
        .filter(|e| e.rule == "table" && e.outcome == Outcome::Verified)
        .count();
    assert_eq!(ok, 4, "three parents and the 合计 row");
    let r = run(&t.replace("30202\t印刷费\t3,057.38", "30202\t印刷费\t3,075.38"));
    let f: Vec<&str> = r
        .findings
        .iter()
        .filter(|f| f.rule == "table")
        .map(|f| f.quote.as_str())
        .collect();
    assert_eq!(f, ["3,407.38"]);
}

/// A whole final-accounts report (headings of every required part) built from realistic
/// sentences; `skip` leaves parts out.
fn whole_report(skip: &[&str]) -> String {
    let parts = [
        ("部门概况", "一、部门概况\n（一）主要职能\n本局负责全区工业和信息化工作。\n（二）机构设置\n本局内设办公室、产业股2个股室。"),
        ("表", "第二部分 部门决算表\n一、收入支出决算总表\n二、收入决算表\n三、支出决算表\n四、财政拨款收入支出决算总表\n五、一般公共预算财政拨款支出决算表\n六、一般公共预算财政拨款基本支出决算表\n七、一般公共预算财政拨款“三公”经费支出决算表\n八、政府性基金预算财政拨款收入支出决算表\n九、国有资本经营预算财政拨款支出决算表"),
        ("收支", "第三部分 部门决算情况说明\n一、收入支出决算总体情况说明\n2023年度收、支总计各500.00万元。\n二、收入决算情况说明\n本年收入合计500.00万元。\n三、支出决算情况说明\n本年支出合计500.00万元，其中：基本支出300.00万元，项目支出200.00万元。\n四、财政拨款收入支出决算总体情况说明\n财政拨款收入支出均为480.00万元。\n五、一般公共预算财政拨款支出决算情况说明\n一般公共预算财政拨款支出480.00万元。\n六、一般公共预算财政拨款基本支出决算情况说明\n基本支出300.00万元。"),
        ("三公", "七、“三公”经费财政拨款支出决算情况说明\n“三公”经费支出3.00万元，其中公务接待费3.00万元，国内公务接待10批次、80人次；因公出国（境）团组0个；公务用车购置0辆，保有量2辆。"),
        ("基金", "八、政府性基金预算支出决算情况说明\n本部门没有使用政府性基金预算安排的支出。\n九、国有资本经营预算支出决算情况说明\n本部门没有使用国有资本经营预算安排的支出。"),
        ("其他", "十、其他重要事项的情况说明\n（一）机关运行经费支出情况\n机关运行经费支出20.00万元。\n（二）政府采购支出情况\n政府采购支出总额10.00万元，其中：货物4.00万元，工程0万元，服务6.00万元；授予中小企业合同金额10.00万元。\n（三）国有资产占用情况\n车辆2辆。\n（四）预算绩效管理情况\n开展绩效自评。"),
        ("名词解释", "第四部分 名词解释\n一、财政拨款收入：指本级财政当年拨付的资金。"),
    ];
    let mut t = String::from("某区工业和信息化局2023年度部门决算\n第一部分 部门概况\n");
    for (name, body) in parts {
        if !skip.contains(&name) {
            t.push_str(body);
            t.push('\n');
        }
    }
    // Body text so that it reads as a whole report, not an excerpt.
    t.push_str(
        &"本局认真贯彻落实预算法，严格执行预算，加强资金管理，提高资金使用效益。\n".repeat(100),
    );
    t
}

fn required(r: &Report) -> Vec<(Severity, String)> {
    r.findings
        .iter()
        .filter(|f| f.rule == "required")
        .map(|f| (f.severity, f.message.clone()))
        .collect()
}

#[test]
fn required_content_of_a_whole_report() {
    let full = whole_report(&[]);
    assert!(
        required(&run(&full)).is_empty(),
        "{:#?}",
        required(&run(&full))
    );
    let r = run(&whole_report(&["名词解释"]));
    assert_eq!(required(&r).len(), 1);
    assert!(required(&r)[0].1.contains("名词解释"));
    // “三公” without its counts: a warning at its heading.
    let bare = full.replace(
        "国内公务接待10批次、80人次；因公出国（境）团组0个；公务用车购置0辆，保有量2辆。",
        "",
    );
    let found = required(&run(&bare));
    assert_eq!(found.len(), 4, "{found:?}");
    assert!(found
        .iter()
        .all(|(s, m)| *s == Severity::Warning && m.starts_with("“三公”经费部分未给出")));
    // The vehicles held, stated as `共有公务用车N辆` instead of 保有量: nothing missing.
    let worded = full.replace("保有量2辆", "截至年底共有公务用车2辆");
    assert!(
        required(&run(&worded)).is_empty(),
        "{:?}",
        required(&run(&worded))
    );
    // A project's heading that names 政府采购 in a bracket (`…经费（政府采购部分）项目绩效`)
    // is not the 政府采购 part, however long its section.
    let project = full.replace(
        "（四）预算绩效管理情况\n开展绩效自评。",
        &format!(
            "（四）预算绩效管理情况\n开展绩效自评。\n1.采供血业务经费（政府采购部分）项目绩效自评综述\n{}",
            "项目全年预算执行良好，年度绩效目标全部完成。\n".repeat(20)
        ),
    );
    assert!(
        required(&run(&project)).is_empty(),
        "{:?}",
        required(&run(&project))
    );
    // Another checklist asks for more.
    let opts = Options {
        profile: Some("meetings-training".into()),
        ..Options::default()
    };
    let r = check(&full, &opts);
    assert!(
        required(&r)[0].1.contains("会议费支出情况"),
        "{:?}",
        required(&r)
    );
}

#[test]
fn excerpts_and_other_kinds_owe_no_parts() {
    // A paragraph pasted alone, and a performance self-evaluation.
    let r = run("2023年度本年支出合计500.00万元，其中：基本支出300.00万元，项目支出200.00万元。");
    assert!(required(&r).is_empty());
    let eval = whole_report(&["表", "名词解释"]).replace("部门决算", "部门整体支出绩效自评报告");
    assert!(required(&run(&eval)).is_empty());
}

#[test]
fn a_comma_list_ends_at_a_semicolon() {
    let t = "政府采购支出总额10.00万元，其中：货物4.00万元，工程0万元，服务6.00万元；授予中小企业合同金额10.00万元。";
    let r = run(t);
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    assert!(r
        .ledger
        .iter()
        .any(|e| e.rule == "sum" && e.outcome == Outcome::Verified));
}

#[test]
fn a_list_of_payments_that_restates_a_breakdown_with_one_amount_changed() {
    // A training fund and where it went; the second list gives 12.80 for the 12.30 part.
    let t =
        "2023年安排职业技能培训补助资金86.40万元，其中农村劳动力转移就业培训补助资金12.30万元；\
退役军人技能培训补助资金74.10万元。向县职教中心拨付农村劳动力转移就业培训补助资金12.80万元，\
向市技师学院拨付退役军人技能培训补助资金74.10万元，均已按进度拨付。";
    let r = run(t);
    let found: Vec<_> = r.findings.iter().filter(|f| f.rule == "parallel").collect();
    assert_eq!(found.len(), 1, "{:#?}", r.findings);
    let f = found[0];
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(f.quote, "12.80万元");
    assert_eq!(f.expected.as_deref(), Some("12.30万元"));
    assert!(
        f.formula.as_deref().unwrap().contains("74.10万元"),
        "{:?}",
        f.formula
    );
    // Both places of the differing amount, and the agreeing one, are linked.
    let quotes: Vec<_> = f.related.iter().map(|r| r.quote.as_str()).collect();
    assert_eq!(quotes, ["12.30万元", "74.10万元"]);
}

#[test]
fn parallel_lists_that_agree_or_are_not_parallel_stay_silent() {
    let silent = |t: &str| {
        let r = run(t);
        assert!(
            r.findings.iter().all(|f| f.rule != "parallel"),
            "{t}\n{:#?}",
            r.findings
        );
        r
    };
    // The same amounts twice: verified.
    let r = silent(
        "2023年安排职业技能培训补助资金86.40万元，其中农村劳动力转移就业培训补助资金12.30万元；\
退役军人技能培训补助资金74.10万元。向县职教中心拨付农村劳动力转移就业培训补助资金12.30万元，\
向市技师学院拨付退役军人技能培训补助资金74.10万元。",
    );
    assert!(r
        .ledger
        .iter()
        .any(|e| e.rule == "parallel" && e.outcome == Outcome::Verified));
    // Two amounts differ: not one slip but another list (per-unit amounts, say).
    silent(
        "安排培训补助资金86.40万元，其中转移就业培训补助资金12.30万元；技能培训补助资金74.10万元。\
人均转移就业培训补助资金0.12万元，人均技能培训补助资金0.30万元。",
    );
    // One differs, but the two names do not end alike: different money.
    silent(
        "安排培训补助资金86.40万元，其中转移就业培训补助资金12.30万元；技能培训补助资金74.10万元。\
已支付场地租赁费10.00万元，拨付技能培训补助资金74.10万元。",
    );
    // The next sentence has three amounts for two parts: not the same list.
    silent(
        "安排培训补助资金86.40万元，其中转移就业培训补助资金12.30万元；技能培训补助资金74.10万元。\
拨付转移就业培训补助资金12.80万元、技能培训补助资金74.10万元，结余资金0.50万元。",
    );
}

#[test]
fn government_procurement_total_against_parts_stated_elsewhere() {
    let report = |service: &str| {
        format!(
            "六、政府采购支出情况说明\n2023年度本部门政府采购支出总额128.50万元，授予中小企业合同金额120.00万元。\n\
七、其他重要事项的情况说明\n本年度政府采购货物支出48.50万元，政府采购工程支出50.00万元。\n\
另有政府采购服务支出{service}万元，主要用于物业管理。\n"
        )
    };
    // 48.50 + 50.00 + 35.00 = 133.50 ≠ 128.50, though no sentence states both sides.
    let r = run(&report("35.00"));
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "identity")
        .unwrap_or_else(|| panic!("{:#?}", r.findings));
    assert_eq!(
        (f.severity, f.quote.as_str()),
        (Severity::Error, "128.50万元")
    );
    assert!(f.formula.as_deref().unwrap().contains("133.50"), "{f:#?}");
    // With 30.00 the parts add up: verified, silent.
    let r = run(&report("30.00"));
    assert!(
        r.findings.iter().all(|f| f.rule != "identity"),
        "{:#?}",
        r.findings
    );
    assert!(r
        .ledger
        .iter()
        .any(|e| e.rule == "identity" && e.outcome == Outcome::Verified));
}

#[test]
fn grand_totals_balance_and_equal_their_parts() {
    let report = |spending_total: &str, carried: &str| {
        format!(
            "一、收入支出决算总体情况说明\n2023年度收入总计1,300.00万元。支出总计{spending_total}万元。\n\
二、收入决算情况说明\n本年收入合计1,245.60万元，使用非财政拨款结余4.40万元，年初结转和结余50.00万元。\n\
三、支出决算情况说明\n本年支出合计1,200.00万元，结余分配0万元，年末结转和结余{carried}万元。\n"
        )
    };
    let r = run(&report("1,300.00", "100.00"));
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    let verified = r
        .ledger
        .iter()
        .filter(|e| e.rule == "identity" && e.outcome == Outcome::Verified)
        .count();
    assert_eq!(verified, 3, "{:#?}", r.ledger);

    // The spending side does not balance: 支出总计 against 收入总计, and against its parts.
    let r = run(&report("1,310.00", "100.00"));
    let quotes: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.rule == "identity" && f.severity == Severity::Error)
        .map(|f| f.quote.as_str())
        .collect();
    assert_eq!(
        quotes,
        ["1,310.00万元", "1,310.00万元"],
        "{:#?}",
        r.findings
    );
    let balance = r
        .findings
        .iter()
        .find(|f| f.message.contains("收支不平"))
        .unwrap();
    assert_eq!(balance.related[0].quote, "1,300.00万元");
}

#[test]
fn a_total_score_row_is_the_sum_of_the_scores() {
    let table = |total: &str| {
        format!(
            "二、绩效指标完成情况\n一级指标\t二级指标\t分值\t得分\n产出指标\t数量指标\t30\t28\n\
产出指标\t质量指标\t20\t18.5\n效益指标\t社会效益\t30\t27\n满意度指标\t服务对象满意度\t20\t19\n\
总分\t\t100\t{total}\n"
        )
    };
    let r = run(&table("92.5"));
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    assert!(r
        .ledger
        .iter()
        .any(|e| e.rule == "table" && e.outcome == Outcome::Verified && e.quote == "92.5"));
    let r = run(&table("90.5"));
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "table" && f.quote == "90.5")
        .unwrap_or_else(|| panic!("{:#?}", r.findings));
    assert_eq!(f.severity, Severity::Error);
    assert!(
        f.formula
            .as_deref()
            .unwrap()
            .contains("28 + 18.5 + 27 + 19"),
        "{f:#?}"
    );
}

#[test]
fn a_product_that_holds_only_if_the_amount_each_was_rounded_is_a_warning() {
    let product = |t: &str| {
        let r = run(t);
        let f: Vec<_> = r
            .findings
            .iter()
            .filter(|f| f.rule == "product")
            .map(|f| (f.severity, f.expected.clone()))
            .collect();
        (r, f)
    };
    // 12 × 3 = 36, not 38: consistent only if 每户3万元 stood for 3.13–3.5万元.
    let (_, f) = product("本年度向12户困难企业发放纾困补助，每户3万元，共计38万元。");
    assert_eq!(f, [(Severity::Warning, Some("36万元".to_string()))]);
    // Written to the cent, the same slip is an error.
    let (_, f) = product("本年度向12户困难企业发放纾困补助，每户3.00万元，共计38.00万元。");
    assert_eq!(f, [(Severity::Error, Some("36.00万元".to_string()))]);
    // 11 × 50 = 550: verified.
    let (r, f) = product("对规上企业11户，每户50万元，共计550万元给予资金拨付。");
    assert!(f.is_empty(), "{f:?}");
    assert!(r
        .ledger
        .iter()
        .any(|e| e.rule == "product" && e.outcome == Outcome::Verified));
}

#[test]
fn a_whole_named_with_zong_e_is_the_figure_stated_without_it() {
    let t = |rate: &str| {
        format!(
            "一、项目支出情况\n2023年度项目支出800万元，主要用于产业发展。\n\
二、预算绩效管理情况\n2023年度对15个项目开展绩效自评，涉及资金650万元，占项目支出总额的{rate}。"
        )
    };
    let shares = |r: &Report| -> Vec<(Outcome, String)> {
        r.ledger
            .iter()
            .filter(|e| e.rule == "share")
            .map(|e| (e.outcome, e.quote.clone()))
            .collect()
    };
    assert_eq!(
        shares(&run(&t("81.25%"))),
        [(Outcome::Verified, "81.25%".into())]
    );
    assert_eq!(
        shares(&run(&t("85.25%"))),
        [(Outcome::Failed, "85.25%".into())]
    );
    // A narrower whole (一般公共预算项目支出) is not the department's 项目支出: unchecked.
    let narrower = t("89.9%").replace("占项目支出总额", "占一般公共预算项目支出总额");
    assert_eq!(
        shares(&run(&narrower)),
        [(Outcome::Unchecked, "89.9%".into())]
    );
}

#[test]
fn an_execution_rate_column_is_against_the_full_year_budget_not_the_full_year_outturn() {
    let table = |rate: &str| {
        format!(
            "项目名称\t年初预算数\t全年预算数\t全年执行数\t执行率\n高标准农田建设\t1500.00\t1500.00\t1425.00\t95.00%\n\
农技推广补助\t200.00\t220.00\t180.00\t{rate}\n"
        )
    };
    let rates = |t: &str| -> Vec<(Outcome, String)> {
        run(t)
            .ledger
            .iter()
            .filter(|e| e.rule == "table" && e.quote.ends_with('%'))
            .map(|e| (e.outcome, e.quote.clone()))
            .collect()
    };
    // 180 ÷ 220 = 81.82% (of the 年初 200 it would be 90%).
    assert_eq!(
        rates(&table("81.82%")),
        [
            (Outcome::Verified, "95.00%".into()),
            (Outcome::Verified, "81.82%".into())
        ]
    );
    assert_eq!(rates(&table("90.00%"))[1].0, Outcome::Failed);
}

#[test]
fn growth_from_nothing_is_no_zero_percent_and_an_increase_above_the_level_is_flagged() {
    let r = run("2021年度培训费10.00万元，上年为0万元，比上年增加10.00万元，增长0%。");
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "growth")
        .expect("growth finding");
    assert_eq!(f.severity, Severity::Warning);
    assert!(f.message.contains("新增"), "{}", f.message);
    // A new item stated as new, with no rate, says nothing wrong.
    let r = run("2021年度培训费10.00万元，上年为0万元，比上年增加10.00万元，为新增项目。");
    assert!(
        r.findings.iter().all(|f| f.rule != "growth"),
        "{:#?}",
        r.findings
    );
    // An increase larger than this year's amount leaves last year negative.
    let r = run("2021年度收入合计50.00万元，比上年增加80.00万元，增长160.0%。");
    assert_eq!(rules_with(&r, Severity::Warning), ["growth"]);
}

#[test]
fn rates_from_unstated_figures_are_listed_unchecked() {
    let r = run("2021年度接待费30.00万元，是上年的12.4倍。群众满意度达到98.5%。");
    let unchecked: Vec<&str> = r
        .ledger
        .iter()
        .filter(|e| e.rule == "coverage" && e.outcome == Outcome::Unchecked)
        .map(|e| e.quote.as_str())
        .collect();
    assert_eq!(unchecked, ["12.4", "98.5%"]);
    assert!(r.findings.is_empty());
    // Targets and scoring thresholds say why they are not checked; a stated rate without
    // its figures says it has none.
    let r = run(
        "项目完成率不低于95%，满意度每满90%得5分，低于80%不得分。培训覆盖面达到本系统的63.5%。",
    );
    let reasons: Vec<(&str, bool)> = r
        .ledger
        .iter()
        .filter(|e| e.rule == "coverage")
        .map(|e| (e.quote.as_str(), e.detail.starts_with("目标值")))
        .collect();
    assert_eq!(
        reasons,
        [
            ("95%", true),
            ("90%", true),
            ("80%", true),
            ("63.5%", false)
        ]
    );
    // A change checked together with its rate is not listed again as unchecked.
    let r = run("2026年本部门机关运行经费安排10,884.55万元，比上年减少789.13万元，下降6.8%，主要原因是压减开支。");
    assert!(
        r.ledger.iter().all(|e| e.rule != "coverage"),
        "{:#?}",
        r.ledger
    );
}

#[test]
fn laid_out_code_rows_add_up_column_by_column() {
    let table = |child: &str| {
        format!(
            "表6 一般公共预算基本支出表\n\n\
301            工资福利支出              911.21   911.21\n\n\
30101           基本工资               297.50   297.50\n\n\
30102           津贴补贴               {child}   {child}\n\n\
30103           奖金                   434.25   434.25\n\n\
302            商品和服务支出            211.00   211.00\n\n\
一般公共预算基本支出表反映单位当年用于保障机构正常运转的人员经费和公用经费支出情况。\n"
        )
    };
    let ok = run(&table("179.46"));
    assert!(ok.findings.is_empty(), "{:#?}", ok.findings);
    assert!(ok
        .ledger
        .iter()
        .any(|e| e.rule == "table" && e.outcome == Outcome::Verified));
    let wrong = run(&table("189.21"));
    let f: Vec<_> = wrong
        .findings
        .iter()
        .filter(|f| f.rule == "table")
        .collect();
    assert_eq!(f.len(), 2, "{f:#?}");
    assert_eq!(f[0].stated.as_deref(), Some("911.21"));
    // A wrapped name between the rows: a child may be missing, so nothing is said.
    let broken = table("189.21").replace(
        "30102           津贴补贴",
        "30102           津贴\n                补贴",
    );
    assert!(run(&broken).findings.iter().all(|f| f.rule != "table"));
}

#[test]
fn a_list_opening_its_paragraph_belongs_to_the_total_before() {
    let t = "2026年收入预算1000.00万元，比上年执行数增加\n4\n100.00万元，增长11.1%，主要原因是项目增加。\n其中：一般公共预算拨款收入600.00万元，占60.0%；事业收入400.00万元，占40.0%。";
    let r = run(t);
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    assert!(r
        .ledger
        .iter()
        .any(|e| e.rule == "sum" && e.outcome == Outcome::Verified));
    assert!(r
        .ledger
        .iter()
        .any(|e| e.rule == "growth" && e.outcome == Outcome::Verified));
    let wrong = run(&t.replace("占40.0%", "占45.0%"));
    assert_eq!(rules_with(&wrong, Severity::Error), ["share"]);
}

/// One line of a table as `pdftotext -layout` lays it out: the name padded to 30 characters
/// (one position per character, CJK included), each amount right-aligned in 12.
fn laid_out(name: &str, amounts: &[&str]) -> String {
    padded_row(name, 30, amounts, 12)
}

/// A table row laid out in fixed places: the name padded to `name_width` characters and each
/// cell right-aligned in `cell_width`.
fn padded_row(name: &str, name_width: usize, cells: &[&str], cell_width: usize) -> String {
    let mut line = format!("{name:<name_width$}");
    for c in cells {
        line.push_str(&format!("{c:>cell_width$}"));
    }
    line
}

/// One line of a two-sided summary table (income on the left, spending on the right) as
/// `pdftotext -layout` gives it.
fn two_sided(l: &str, a: &str, r: &str, b: &str) -> String {
    format!("{l:<24}{a:>12}   {r:<24}{b:>12}")
}

/// A 支出表 converted from PDF with `pdftotext -layout`: 基本支出 = 人员经费 + 公用经费 in every
/// row; `row` is the 教育支出 row.
fn laid_out_expenditure_table(row: &str) -> String {
    let rows = [
        laid_out(
            "合计",
            &["8,640.35", "3,120.35", "2,480.10", "640.25", "5,520.00"],
        ),
        laid_out(
            "一般公共服务支出",
            &["1,215.60", "915.60", "720.40", "195.20", "300.00"],
        ),
        laid_out(
            " 政府办公厅（室）及相关机构事务",
            &["1,215.60", "915.60", "720.40", "195.20", "300.00"],
        ),
        row.to_string(),
        laid_out(" 行政运行", &["390.00", "390.00", "310.00", "80.00"]),
    ];
    format!(
        "表5 一般公共预算支出预算表\n单位：万元\n{}\n{}\n{}\n\x0c\n\
本表反映部门本年度一般公共预算财政拨款支出预算情况，按功能分类科目列示到项级，说明如下。\n",
        laid_out("科目名称", &["合计", "基本支出", "", "", "项目支出"]),
        laid_out("", &["", "小计", "人员经费", "公用经费"]),
        rows.join("\n")
    )
}

#[test]
fn a_laid_out_row_that_breaks_its_tables_column_identity_is_an_error() {
    let ok = run(&laid_out_expenditure_table(&laid_out(
        "教育支出",
        &["2,214.75", "1,214.75", "949.70", "265.05", "1,000.00"],
    )));
    let ti = |r: &Report| -> Vec<String> {
        r.findings
            .iter()
            .filter(|f| f.rule == "table-identity")
            .map(|f| format!("{:?} {}", f.severity, f.stated.clone().unwrap_or_default()))
            .collect()
    };
    assert!(ti(&ok).is_empty(), "{:#?}", ok.findings);
    assert!(ok
        .ledger
        .iter()
        .any(|e| e.rule == "table-identity" && e.outcome == Outcome::Verified));
    // 949.70 + 265.05 = 1,214.75, the row says 1,241.75 (two digits swapped).
    let wrong = run(&laid_out_expenditure_table(&laid_out(
        "教育支出",
        &["2,214.75", "1,241.75", "949.70", "265.05", "1,000.00"],
    )));
    assert_eq!(ti(&wrong), ["Error 1,241.75"], "{:#?}", wrong.findings);
    let f = wrong
        .findings
        .iter()
        .find(|f| f.rule == "table-identity")
        .unwrap();
    assert_eq!(f.expected.as_deref(), Some("1,214.75"));
    assert_eq!(f.related.len(), 3, "two parts and one row that holds");
}

#[test]
fn a_laid_out_row_shaped_unlike_the_rest_or_wrapped_stays_silent() {
    let wrong = laid_out(
        "教育支出",
        &["2,214.75", "1,241.75", "949.70", "265.0", "1,000.00"],
    );
    // The wrong row, but its 公用经费 cell wrapped onto the next line (`265.0` / `5`): a part
    // is not sure, so nothing is said about the row.
    let wrapped = run(&laid_out_expenditure_table(&format!(
        "{wrong}\n{}",
        laid_out("", &["", "", "", "5"])
    )));
    assert!(
        wrapped.findings.iter().all(|f| f.rule != "table-identity"),
        "{:#?}",
        wrapped.findings
    );
    // A row laid out differently, whose own figures add up another way (2,214.75 =
    // 1,241.75 + 973.00): a different layout, not a slip.
    let shifted = run(&laid_out_expenditure_table(&laid_out(
        "教育支出",
        &["2,214.75", "1,241.75", "", "973.00", ""],
    )));
    assert!(
        shifted.findings.iter().all(|f| f.rule != "table-identity"),
        "{:#?}",
        shifted.findings
    );
    // Two rows obey the identity, one does not: too few to say the table has one.
    let few = [
        laid_out(
            "合计",
            &["4,430.35", "2,430.35", "1,670.10", "460.25", "2,000.00"],
        ),
        laid_out(
            "一般公共服务支出",
            &["1,215.60", "915.60", "720.40", "195.20", "300.00"],
        ),
        laid_out(
            "教育支出",
            &["2,214.75", "1,241.75", "949.70", "265.05", "1,000.00"],
        ),
        laid_out("外交支出", &["1,000.00", "300.00", "", "", "700.00"]),
    ]
    .join("\n");
    let r = run(&few);
    assert!(
        r.findings.iter().all(|f| f.rule != "table-identity"),
        "{:#?}",
        r.findings
    );
}

#[test]
fn findings_in_a_text_with_pages_name_their_page() {
    let slip = "本年支出合计500.00万元，其中：基本支出300.00万元，项目支出150.00万元。";
    let paged = format!("封面\n\x0c目录\n\x0c{slip}\n\x0c");
    let r = run(&paged);
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "sum")
        .expect("the sum slip");
    assert_eq!((f.page, f.line), (Some(3), 3));
    // A text without form feeds has no pages.
    assert!(run(slip).findings.iter().all(|f| f.page.is_none()));
}

/// A laid-out 支出表 without codes: 类, 款 and 项 told apart only by indentation.
fn laid_out_tree(other_education: &str, closing_row: bool, wrapped_name: bool) -> String {
    let mut rows = vec![
        laid_out("一般公共服务支出", &["600.00", "400.00", "200.00"]),
        laid_out(
            " 政府办公厅（室）及相关机构事务",
            &["600.00", "400.00", "200.00"],
        ),
        laid_out("   行政运行", &["500.00", "350.00", "150.00"]),
        laid_out("   一般行政管理事务", &["100.00", "50.00", "50.00"]),
        laid_out("教育支出", &["2,214.75", "1,214.75", "1,000.00"]),
        laid_out(" 职业教育", &["1,900.00", "1,000.00", "900.00"]),
    ];
    if wrapped_name {
        rows.push(" 其他教育".into());
    }
    rows.push(laid_out(
        " 其他教育支出",
        &[other_education, "214.75", "100.00"],
    ));
    if closing_row {
        rows.push(laid_out("国防支出", &["18.00", "18.00", ""]));
    }
    format!(
        "表3 一般公共预算支出表\n单位：万元\n{}\n{}\n\x0c\n",
        laid_out("科目名称", &["合计", "基本支出", "项目支出"]),
        rows.join("\n")
    )
}

#[test]
fn a_laid_out_row_unlike_the_sum_of_the_rows_indented_under_it_is_an_error() {
    let of = |r: &Report, rule: &str| -> Vec<String> {
        r.findings
            .iter()
            .filter(|f| f.rule == rule)
            .map(|f| f.stated.clone().unwrap_or_default())
            .collect()
    };
    let ok = run(&laid_out_tree("314.75", true, false));
    assert!(of(&ok, "table-hierarchy").is_empty(), "{:#?}", ok.findings);
    assert!(ok
        .ledger
        .iter()
        .any(|e| e.rule == "table-hierarchy" && e.outcome == Outcome::Verified));
    // 其他教育支出 written 304.75: 1,900.00 + 304.75 = 2,204.75, not 2,214.75 (and the row
    // itself is not 214.75 + 100.00).
    let wrong = run(&laid_out_tree("304.75", true, false));
    assert_eq!(
        of(&wrong, "table-hierarchy"),
        ["2,214.75"],
        "{:#?}",
        wrong.findings
    );
    assert_eq!(of(&wrong, "table-identity"), ["304.75"]);
    let f = wrong
        .findings
        .iter()
        .find(|f| f.rule == "table-hierarchy")
        .unwrap();
    assert_eq!(f.expected.as_deref(), Some("2,204.75"));
    assert!(
        f.message.contains("职业教育、其他教育支出"),
        "{}",
        f.message
    );
}

#[test]
fn a_laid_out_group_that_may_be_incomplete_is_not_judged() {
    let hierarchy = |r: &Report| {
        r.findings
            .iter()
            .filter(|f| f.rule == "table-hierarchy")
            .count()
    };
    // The group runs to the end of the page: the table may go on over the next one.
    assert_eq!(hierarchy(&run(&laid_out_tree("304.75", false, false))), 0);
    // A name on a line of its own inside the group: a row may not have been read.
    assert_eq!(hierarchy(&run(&laid_out_tree("304.75", true, true))), 0);
}

/// A budget's 收支总表, 财政拨款收支总表 and 支出总表 as `pdftotext -layout` lays them out
/// (two-sided summary tables: income on the left, spending by class on the right). `edit`
/// changes the text before it is checked.
fn standard_budget_tables(edit: impl Fn(String) -> String) -> String {
    let two = two_sided;
    let overview = [
        two("一、财政拨款", "3,610.50", "一般公共服务支出", "1,820.30"),
        two("    一般公共预算", "3,210.50", "教育支出", "640.20"),
        two(
            "    政府性基金预算",
            "400.00",
            "社会保障和就业支出",
            "750.00",
        ),
        two("    国有资本经营预算", "", "住房保障支出", "400.00"),
        two("二、事业收入", "", "", ""),
        two("本年收入合计", "3,610.50", "本年支出合计", "3,610.50"),
    ];
    let fiscal = [
        two("一、财政拨款", "3,610.50", "一般公共服务支出", "1,820.30"),
        two("    一般公共预算", "3,210.50", "教育支出", "640.20"),
        two(
            "    政府性基金预算",
            "400.00",
            "社会保障和就业支出",
            "750.00",
        ),
        two("二、上年结转", "", "住房保障支出", "400.00"),
        two("    一般公共预算", "", "", ""),
        two("收入总计", "3,610.50", "支出总计", "3,610.50"),
    ];
    let spending = [
        laid_out("合计", &["3,610.50", "2,010.50", "1,600.00"]),
        laid_out("一般公共服务支出", &["1,820.30", "1,020.30", "800.00"]),
        laid_out(
            " 政府办公厅（室）及相关机构事务",
            &["1,820.30", "1,020.30", "800.00"],
        ),
        laid_out("教育支出", &["640.20", "240.20", "400.00"]),
        laid_out("社会保障和就业支出", &["750.00", "750.00", ""]),
        laid_out("住房保障支出", &["400.00", "", "400.00"]),
    ];
    let text = format!(
        "表1 2025年部门收支预算总表\n单位：万元\n{}\n{}\n\x0c\n\
表3 2025年部门支出预算总表\n单位：万元\n{}\n{}\n\x0c\n\
表4 2025年部门财政拨款收支预算总表\n单位：万元\n{}\n{}\n\x0c\n",
        two("项目", "预算数", "项目", "预算数"),
        overview.join("\n"),
        laid_out("科目名称", &["合计", "基本支出", "项目支出"]),
        spending.join("\n"),
        two("项目", "预算数", "项目", "预算数"),
        fiscal.join("\n"),
    );
    edit(text)
}

/// A rule's findings on a report (`Error stated expected`) and how many claims it verified.
fn outcome_of(r: &Report, rule: &str) -> (Vec<String>, usize) {
    let found = r
        .findings
        .iter()
        .filter(|f| f.rule == rule)
        .map(|f| {
            format!(
                "{:?} {} {}",
                f.severity,
                f.stated.clone().unwrap_or_default(),
                f.expected.clone().unwrap_or_default()
            )
        })
        .collect();
    let verified = r
        .ledger
        .iter()
        .filter(|e| e.rule == rule && e.outcome == Outcome::Verified)
        .count();
    (found, verified)
}

fn cross_table(r: &Report) -> (Vec<String>, usize) {
    outcome_of(r, "cross-table")
}

#[test]
fn standard_tables_that_state_one_amount_agree() {
    let r = run(&standard_budget_tables(|t| t));
    // 财政拨款, 一般公共预算, 政府性基金预算 (总表 ↔ 财政拨款总表) and the four classes
    // (总表 ↔ 支出总表); the 上年结转 一般公共预算 row is not this year's.
    assert_eq!(cross_table(&r), (vec![], 7), "{:#?}", r.findings);
}

#[test]
fn a_standard_table_that_states_another_amount_is_an_error() {
    // 财政拨款收支总表 (the last table) says 2,310.50 for 一般公共预算: two digits swapped.
    let r = run(&standard_budget_tables(|t| {
        let at = t.rfind("3,210.50").unwrap();
        format!("{}2,310.50{}", &t[..at], &t[at + "3,210.50".len()..])
    }));
    assert_eq!(
        cross_table(&r).0,
        ["Error 2,310.50 3,210.50"],
        "{:#?}",
        r.findings
    );
    let f = r.findings.iter().find(|f| f.rule == "cross-table").unwrap();
    assert!(
        f.message.contains("财政拨款收支总表") && f.message.contains("相差 900.00"),
        "{}",
        f.message
    );
    assert_eq!(f.related.len(), 1);
    // A class in 支出总表 against 收支总表.
    let r = run(&standard_budget_tables(|t| {
        t.replacen(
            &laid_out("教育支出", &["640.20", "240.20", "400.00"]),
            &laid_out("教育支出", &["604.20", "240.20", "400.00"]),
            1,
        )
    }));
    assert_eq!(
        cross_table(&r).0,
        ["Error 604.20 640.20"],
        "{:#?}",
        r.findings
    );
}

#[test]
fn standard_tables_are_not_compared_when_the_pairing_is_open() {
    // Two 支出总表 (a department's and a unit's): which one pairs with 收支总表 is open.
    let twice = run(&standard_budget_tables(|t| {
        let unit = t
            .split("表3 ")
            .nth(1)
            .and_then(|s| s.split("\x0c").next())
            .unwrap()
            .replace("2025年部门支出预算总表", "2025年单位支出预算总表")
            .replace("640.20", "320.10");
        format!("{t}表3-1 {unit}\x0c\n")
    }));
    assert_eq!(
        cross_table(&twice).0,
        Vec::<String>::new(),
        "{:#?}",
        twice.findings
    );
    // Units that differ.
    let units = run(&standard_budget_tables(|t| {
        t.replacen(
            "表3 2025年部门支出预算总表\n单位：万元",
            "表3 2025年部门支出预算总表\n单位：元",
            1,
        )
        .replace("640.20", "6,402,000.00")
    }));
    assert_eq!(
        cross_table(&units).0,
        Vec::<String>::new(),
        "{:#?}",
        units.findings
    );
    // A wrapped 合计 cell: its spill lines make the row unreadable.
    let wrapped = run(&standard_budget_tables(|t| {
        t.replacen(
            &laid_out("教育支出", &["640.20", "240.20", "400.00"]),
            &format!(
                "{}\n{}\n{}",
                laid_out("", &["64"]),
                laid_out("教育支出", &["", "240.20", "400.00"]),
                laid_out("", &["0.20"])
            ),
            1,
        )
    }));
    assert_eq!(
        cross_table(&wrapped).0,
        Vec::<String>::new(),
        "{:#?}",
        wrapped.findings
    );
}

#[test]
fn standard_tables_that_differ_in_most_classes_cover_different_things() {
    let r = run(&standard_budget_tables(|t| {
        let table3 = t.find("表3").unwrap();
        let (head, tail) = t.split_at(table3);
        let tail = tail
            .replacen("1,820.30", "1,520.30", 2)
            .replacen("640.20", "540.20", 1)
            .replacen("750.00", "650.00", 1);
        format!("{head}{tail}")
    }));
    let (found, _) = cross_table(&r);
    assert!(found.is_empty(), "{found:?}");
    assert!(r
        .ledger
        .iter()
        .any(|e| e.rule == "cross-table" && e.outcome == Outcome::Unchecked));
}

#[test]
fn final_accounts_summary_tables_skip_their_row_numbers() {
    let t = "收入支出决算总表\n单位：万元\n项目                      行次      决算数     项目                行次      决算数\n\
一、一般公共预算财政拨款收入   1     1,205.40   一、一般公共服务支出    32      805.40\n\
二、政府性基金预算财政拨款收入 2                二、教育支出            33      400.00\n\
\x0c\n财政拨款收入支出决算总表\n单位：万元\n项目                      行次      决算数     项目                行次      决算数\n\
一、一般公共预算财政拨款       1     1,250.40   一、一般公共服务支出    33      805.40\n\
二、政府性基金预算财政拨款     2                二、教育支出            34      400.00\n\x0c\n";
    let r = run(t);
    assert_eq!(
        cross_table(&r).0,
        ["Error 1,250.40 1,205.40"],
        "{:#?}",
        r.findings
    );
}

/// A 收入总表 of a department and its units as `pdftotext -layout` lays it out: 合计 =
/// 财政拨款 + 事业收入 + 上年结转 + 其他收入 in every row, and the 合计 row the sum of the
/// units. `unit_b` is the second unit's row.
fn laid_out_income_table(unit_b: &str, extra: &str) -> String {
    let rows = [
        laid_out(
            "合计",
            &["5,402.30", "4,820.10", "300.00", "82.20", "200.00"],
        ),
        laid_out(
            "301001 市交通运输局（本级）",
            &["3,150.80", "3,010.60", "", "40.20", "100.00"],
        ),
        unit_b.to_string(),
        laid_out(
            "301003 市交通信息中心",
            &["914.00", "772.00", "", "42.00", "100.00"],
        ),
    ];
    format!(
        "表2 2025年部门收入预算总表\n单位：万元\n{}\n{}\n{extra}\x0c\n",
        laid_out(
            "单位编码 单位名称",
            &["合计", "财政拨款", "事业收入", "上年结转", "其他收入"]
        ),
        rows.join("\n")
    )
}

fn table_total(r: &Report) -> (Vec<String>, usize) {
    outcome_of(r, "table-total")
}

#[test]
fn a_laid_out_total_row_is_the_sum_of_its_units() {
    let ok = run(&laid_out_income_table(
        &laid_out(
            "301002 市运输服务中心",
            &["1,337.50", "1,037.50", "300.00", "", ""],
        ),
        "",
    ));
    // 合计, 财政拨款, 上年结转 and 其他收入 each have two or more non-zero parts.
    assert_eq!(table_total(&ok), (vec![], 4), "{:#?}", ok.findings);
    // The unit's 上年结转 left out of its 合计 and of the 合计 row's: 合计 column no longer adds up.
    let wrong = run(&laid_out_income_table(
        &laid_out(
            "301002 市运输服务中心",
            &["1,337.50", "1,037.50", "300.00", "", ""],
        ),
        "",
    )
    .replacen("5,402.30", "5,420.30", 1));
    assert_eq!(
        table_total(&wrong).0,
        ["Error 5,420.30 5,402.30"],
        "{:#?}",
        wrong.findings
    );
    let f = wrong
        .findings
        .iter()
        .find(|f| f.rule == "table-total")
        .unwrap();
    assert_eq!(f.related.len(), 3);
    assert!(f.message.contains("相差18.00"), "{}", f.message);
}

#[test]
fn a_laid_out_total_row_is_not_judged_when_its_rows_may_be_incomplete() {
    // The table goes on over the page: a unit is missing from this block, every column fails.
    let cut = run(&laid_out_income_table(
        &laid_out(
            "301002 市运输服务中心",
            &["1,337.50", "1,037.50", "300.00", "", ""],
        ),
        "",
    )
    .replace(
        &laid_out(
            "301003 市交通信息中心",
            &["914.00", "772.00", "", "42.00", "100.00"],
        ),
        "",
    ));
    assert_eq!(table_total(&cut), (vec![], 0), "{:#?}", cut.findings);
    // A 其中 row is not a unit: the table is still judged, and holds.
    let of_which = run(&laid_out_income_table(
        &laid_out(
            "301002 市运输服务中心",
            &["1,337.50", "1,037.50", "300.00", "", ""],
        ),
        &format!("{}\n", laid_out("其中：专项资金", &["600.00", "600.00"])),
    ));
    assert_eq!(
        table_total(&of_which),
        (vec![], 4),
        "{:#?}",
        of_which.findings
    );
}

#[test]
fn a_growth_stated_as_a_multiple_is_checked_both_ways_it_is_used() {
    let growth = |t: &str| {
        let r = run(t);
        let found: Vec<String> = r
            .findings
            .iter()
            .filter(|f| f.rule == "growth")
            .map(|f| {
                format!(
                    "{:?} {}",
                    f.severity,
                    f.expected.clone().unwrap_or_default()
                )
            })
            .collect();
        let verified = r
            .ledger
            .iter()
            .filter(|e| e.rule == "growth" && e.outcome == Outcome::Verified)
            .count();
        (found, verified)
    };
    // 360 = 120 + 240: the change is twice the base (strict reading of 增长2倍).
    assert_eq!(
        growth("2022年度培训费支出360.00万元，比上年增加240.00万元，增长2倍，主要是培训班次增加。"),
        (vec![], 1)
    );
    // 增长3倍 for 360 against 120: the value is three times the base (common reading).
    assert_eq!(
        growth("2022年度培训费支出360.00万元，比上年增加240.00万元，增长3倍，主要是培训班次增加。"),
        (vec![], 1)
    );
    // 500 against 380 is neither 3.52 times more nor 3.52 times as much.
    assert_eq!(
        growth(
            "2022年度项目支出500.00万元，比上年增加120.00万元，增长3.52倍，主要是新增建设项目。"
        ),
        (vec!["Error 0.32倍".to_string()], 0)
    );
    // A fall in multiples names no rate: unchecked, never an error.
    let down =
        run("2022年度会议费支出20.00万元，比上年减少60.00万元，下降3倍，主要是会议合并召开。");
    assert!(
        down.findings.iter().all(|f| f.rule != "growth"),
        "{:#?}",
        down.findings
    );
}

#[test]
fn shares_of_one_whole_cannot_add_up_to_more_than_all_of_it() {
    let share_total = |t: &str| -> Vec<String> {
        run(t)
            .findings
            .iter()
            .filter(|f| f.rule == "share-total")
            .map(|f| f.formula.clone().unwrap_or_default())
            .collect()
    };
    assert_eq!(
        share_total("从支出结构看，本年支出中基本支出占60.5%，项目支出占45.2%。"),
        ["60.5% + 45.2% = 105.7% > 100%"]
    );
    assert_eq!(
        share_total("政府采购合同中，货物类占55.2%，工程类占30.1%，服务类占20.3%。"),
        ["55.2% + 30.1% + 20.3% = 105.6% > 100%"]
    );
    // Adding to 100% at the rounding's low end, or less (a list that may be incomplete).
    assert!(share_total("本年支出中，基本支出占60.5%，项目支出占39.5%。").is_empty());
    assert!(share_total("货物类占33.34%，工程类占33.33%，服务类占33.34%。").is_empty());
    assert!(share_total("本年支出中，基本支出占40.5%，项目支出占39.5%。").is_empty());
    // Nested shares and two breakdowns in one sentence are of different wholes.
    assert!(
        share_total("本年支出中，基本支出占80.2%，其中人员经费占60.1%，公用经费占20.1%。")
            .is_empty()
    );
    assert!(share_total("收入中，财政拨款占90.1%；支出中，基本支出占70.2%。").is_empty());
    // Shares of different named wholes.
    assert!(share_total("财政拨款收入占本年收入的90.1%，基本支出占本年支出的70.2%。").is_empty());
}

#[test]
fn a_change_compared_with_a_year_before_the_previous_is_a_warning() {
    let years = |t: &str| -> Vec<String> {
        run(t)
            .findings
            .iter()
            .filter(|f| f.rule == "comparison-year")
            .map(|f| format!("{:?} {}", f.severity, f.stated.clone().unwrap_or_default()))
            .collect()
    };
    let head = "市档案馆2021年度部门决算\n";
    assert_eq!(
        years(&format!(
            "{head}2021年度培训费支出10.00万元，较2018年增加2.00万元，增长25.0%。"
        )),
        ["Warning 2018年"]
    );
    assert!(years(&format!(
        "{head}2021年度培训费支出10.00万元，较2020年增加2.00万元，增长25.0%。"
    ))
    .is_empty());
    assert!(years(&format!(
        "{head}2021年度培训费支出10.00万元，与2021年年初预算相比增加2.00万元，增长25.0%。"
    ))
    .is_empty());
    assert!(years("培训费支出10.00万元，较2018年增加2.00万元，增长25.0%。").is_empty());
    // The year inside `与…相比`.
    assert_eq!(
        years(&format!(
            "{head}2021年度培训费支出10.00万元，与2019年相比增加2.00万元，增长25.0%。"
        )),
        ["Warning 2019年"]
    );
}

#[test]
fn explanations_agree_with_the_standard_tables_they_restate() {
    let table_text = |narrative: &str| -> (Vec<String>, usize) {
        let r = run(&format!(
            "某区档案馆2025年部门预算\n{}\n{narrative}\n",
            standard_budget_tables(|t| t)
        ));
        outcome_of(&r, "table-text")
    };
    let ok = "一、收入预算情况\n2025年收入预算3,610.50万元，其中：一般公共预算拨款收入3,210.50万元，政府性基金预算拨款收入400.00万元。\n\
二、财政拨款收支预算情况\n财政拨款支出主要用于：社会保障和就业支出750.00万元，住房保障支出400.00万元。";
    assert_eq!(table_text(ok), (vec![], 4));
    // 0.01 apart from the table's row.
    let off = ok.replace(
        "一般公共预算拨款收入3,210.50万元",
        "一般公共预算拨款收入3,210.51万元",
    );
    assert_eq!(
        table_text(&off),
        (vec!["Error 3,210.51万元 3210.50万元".to_string()], 3)
    );
    // Last year's figure and a change are other quantities.
    let other = "一、收入预算情况\n上年一般公共预算拨款收入3,010.50万元，比上年增加200.00万元。";
    assert_eq!(table_text(other), (vec![], 0));
}

/// A budget with general-budget money only: 财政拨款收支总表 and 一般公共预算支出表 state the
/// same spending by class. `general` is the 一般公共预算支出表's 教育支出 row; `header` a line
/// under that table's title.
fn general_budget_tables(general: &str, header: &str) -> String {
    let two = two_sided;
    format!(
        "表4 2025年部门财政拨款收支预算总表\n单位：万元\n{}\n{}\n{}\n{}\n{}\n\x0c\n\
表5 2025年部门一般公共预算支出表\n单位：万元\n{header}\n{}\n{}\n{}\n{}\n{}\n\x0c\n",
        two("一、财政拨款", "2,460.50", "一般公共服务支出", "1,820.30"),
        two("    一般公共预算", "2,460.50", "教育支出", "640.20"),
        two("    政府性基金预算", "", "", ""),
        two("    国有资本经营预算", "", "", ""),
        two("收入总计", "2,460.50", "支出总计", "2,460.50"),
        laid_out("科目名称", &["合计", "基本支出", "项目支出"]),
        laid_out("合计", &["2,460.50", "1,260.50", "1,200.00"]),
        laid_out("一般公共服务支出", &["1,820.30", "1,020.30", "800.00"]),
        laid_out(
            " 政府办公厅（室）及相关机构事务",
            &["1,820.30", "1,020.30", "800.00"]
        ),
        general,
    )
}

#[test]
fn with_general_budget_money_only_the_fiscal_and_general_tables_agree() {
    let ok = run(&general_budget_tables(
        &laid_out("教育支出", &["640.20", "240.20", "400.00"]),
        "",
    ));
    assert_eq!(cross_table(&ok), (vec![], 2), "{:#?}", ok.findings);
    let wrong = run(&general_budget_tables(
        &laid_out("教育支出", &["604.20", "204.20", "400.00"]),
        "",
    ));
    assert_eq!(
        cross_table(&wrong).0,
        ["Error 604.20 640.20"],
        "{:#?}",
        wrong.findings
    );
    // A header with last year's column first: the first amount of a row is not this year's.
    let prior = run(&general_budget_tables(
        &laid_out("教育支出", &["604.20", "204.20", "400.00"]),
        "科目名称          2024年执行数     2025年预算数",
    ));
    assert_eq!(cross_table(&prior), (vec![], 0), "{:#?}", prior.findings);
    // With government-fund money the two tables differ by it.
    let fund = run(&general_budget_tables(
        &laid_out("教育支出", &["604.20", "204.20", "400.00"]),
        "",
    )
    .replacen(
        "    政府性基金预算                ",
        "    政府性基金预算          36.00",
        1,
    ));
    assert_eq!(
        cross_table(&fund).0,
        Vec::<String>::new(),
        "{:#?}",
        fund.findings
    );
}

/// A project self-evaluation table as `pdftotext -layout` lays it out, and the summary of the
/// same project in the text.
fn evaluation_report(summary_score: &str, rate: &str) -> String {
    format!(
        "三、项目绩效自评结果\n  1.档案数字化项目绩效自评综述：根据年初设定的绩效目标，项目自评得分为 {summary_score} 分。全年预算数为 250.00 万元，执行数为 232.50 万元，完成预算的 93.0%。\n\
\x0c\n               档案数字化项目绩效自评表\n                    （2024 年度）\n\
    项目名称                     档案数字化\n\
                          年初预      全年预\n\
                                             全年执行数      分值         执行率     得分\n\
                          算数        算数\n\
           年度资金总额：        240.00   250.00     232.50    10.0    {rate}    9.3\n\
                总分                          100   95.3\n\x0c\n"
    )
}

#[test]
fn an_execution_rate_in_the_text_is_its_spending_over_the_tables_budget() {
    // A single project's report: the text states the spending and the rate, the table the
    // budget (232.50 ÷ 250.00 = 93.00%).
    let report = |text_rate: &str, spent: &str| {
        evaluation_report("95.3", "93.00%").replace(
            "  1.档案数字化项目绩效自评综述：根据年初设定的绩效目标，项目自评得分为 95.3 分。全年预算数为 250.00 万元，执行数为 232.50 万元，完成预算的 93.0%。",
            &format!("（一）资金使用情况\n截至2024年12月31日，项目实际支出{spent}万元，预算执行率为{text_rate}。其中：当年财政拨款支出200.00万元，执行率90.00%。"),
        )
    };
    let r = run(&report("93.00%", "232.50"));
    let (found, verified) = outcome_of(&r, "evaluation-table");
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(verified, 2, "the table's rate and the text's");
    let r = run(&report("93.90%", "232.50"));
    let (found, _) = outcome_of(&r, "evaluation-table");
    assert_eq!(found, ["Error 93.90% 93.00%"]);
    // Spending that is not the table's binds nothing (a part, another project).
    let r = run(&report("93.90%", "230.50"));
    assert!(outcome_of(&r, "evaluation-table").0.is_empty());
}

#[test]
fn a_self_evaluation_table_agrees_with_itself_and_its_summary() {
    let outcome = |t: &str| -> (Vec<String>, usize) {
        let r = run(t);
        outcome_of(&r, "evaluation-table")
    };
    // Score, budget and spending restated; 232.50 ÷ 250.00 = 93.00%.
    assert_eq!(outcome(&evaluation_report("95.3", "93.00%")), (vec![], 4));
    assert_eq!(
        outcome(&evaluation_report("93.5", "93.00%")),
        (vec!["Error 93.5分 95.3".to_string()], 3)
    );
    assert_eq!(
        outcome(&evaluation_report("95.3", "95.00%")),
        (vec!["Error 95.00% 93.00%".to_string()], 3)
    );
    // `10` and `93%` run together (`1093.00%`): the rate cannot be read, the amounts still
    // can (the first three cells), and the summary restates them.
    let merged = evaluation_report("95.3", "93.00%").replace("10.0    93.00%", "1093.00%");
    assert_eq!(outcome(&merged), (vec![], 3));
    let other_budget = merged.replace("全年预算数为 250.00 万元", "全年预算数为 512.00 万元");
    assert_eq!(
        outcome(&other_budget),
        (vec!["Error 512.00万元 250.00".to_string()], 2)
    );
    // A run-together cell that could be a rate (`93.00%` with 分值 left empty) is no sure
    // column: nothing of the row is read.
    let short = evaluation_report("95.3", "93.00%").replace("10.0    93.00%", "93.00%");
    assert_eq!(outcome(&short), (vec![], 1));
    // An empty 年初预算数 written `-` is still a column.
    let dash = evaluation_report("95.3", "93.00%").replace("240.00   250.00", "     -   250.00");
    assert_eq!(outcome(&dash), (vec![], 4));
    // The project named by the heading above a summary that names none.
    let headed = evaluation_report("93.5", "93.00%").replace(
        "  1.档案数字化项目绩效自评综述：",
        "  1.档案数字化项目\n绩效自评综述：",
    );
    assert_eq!(outcome(&headed), (vec!["Error 93.5分 95.3".to_string()], 3));
    // No name anywhere binds no table, even one whose title names no project either.
    let nameless = evaluation_report("93.5", "93.00%")
        .replace("  1.档案数字化项目绩效自评综述：", "绩效自评综述：")
        .replace("档案数字化项目绩效自评表", "项目绩效自评表");
    assert_eq!(outcome(&nameless), (vec![], 1));
    // A set of tables titled `某某市级2024年…` and a summary opening with the unit that carries
    // the project out: the name without the prefixes ends the summary's.
    let prefixed = evaluation_report("95.3", "93.00%")
        .replace("1.档案数字化项目绩效", "1.某某市档案馆档案数字化项目绩效")
        .replace(
            "   档案数字化项目绩效自评表",
            "   某某市级2024年档案数字化项目绩效自评表",
        )
        .replace("执行数为 232.50", "执行数为 323.50");
    assert_eq!(
        outcome(&prefixed),
        (vec!["Error 323.50万元 232.50".to_string()], 3)
    );
    // Two tables that could be meant (`数字化`, `档案数字化`): neither is bound.
    let two = format!(
        "{prefixed}{}",
        evaluation_report("95.3", "93.00%")
            .split('\x0c')
            .nth(1)
            .unwrap()
            .replace(
                "档案数字化项目绩效自评表",
                "某某市级2024年数字化项目绩效自评表"
            )
            .replace(
                "项目名称                     档案数字化",
                "项目名称                     数字化"
            )
    );
    assert_eq!(outcome(&two).0, Vec::<String>::new());
    // Two summaries of the same name are two projects: neither is bound.
    let twice = prefixed.replacen(
        "三、项目绩效自评结果\n",
        "三、项目绩效自评结果\n  2.某某市档案馆档案数字化项目绩效自评综述：执行数为 1.00 万元。\n",
        1,
    );
    assert_eq!(outcome(&twice).0, Vec::<String>::new());
}

#[test]
fn a_sentence_goes_on_over_a_page_break_after_its_verb() {
    // Lines of uneven width (no wrapping width to go by): the page number between `增加` and
    // its amount is no paragraph's end, and the change is the budget's.
    let r = run("二、收入预算情况说明\n\
    2026年收入预算665964.37万元，比上年执行数增加\n\n                     4\n\
107,573.11万元，增长19.3%，主要原因是运营补助增加。\n\
其中：一般公共预算拨款收入414,883.38万元，占62.3%；政府性基金预算收入221,493.00万元，占33.3%。\n");
    assert!(
        r.findings.iter().all(|f| f.severity != Severity::Error),
        "{:#?}",
        r.findings
    );
    assert_eq!(outcome_of(&r, "growth"), (vec![], 1));
}

#[test]
fn the_classes_of_a_standard_table_do_not_exceed_its_total() {
    let class_total = |t: &str| -> (Vec<String>, usize) {
        let r = run(t);
        outcome_of(&r, "class-total")
    };
    // 收支总表 (本年支出合计), 支出总表 (合计), 财政拨款收支总表 (支出总计).
    assert_eq!(class_total(&standard_budget_tables(|t| t)), (vec![], 3));
    // The total spaced out to fill its cell reads the same.
    let spaced = standard_budget_tables(|t| t.replace("支出总计", "支   出   总   计"));
    assert_eq!(class_total(&spaced), (vec![], 3));
    // The fiscal table's classes add up to more than its 支出总计.
    let over = standard_budget_tables(|t| {
        let at = t.rfind("支出总计").unwrap();
        let (head, tail) = t.split_at(at);
        format!("{head}{}", tail.replacen("3,610.50", "2,610.50", 1))
    });
    assert_eq!(class_total(&over).0, ["Error 2,610.50 3610.50"]);
    // Less than the total: a class may be unread (a wrapped name) or the total hold a
    // carry-over; not judged.
    let under = standard_budget_tables(|t| {
        let at = t.rfind("支出总计").unwrap();
        let (head, tail) = t.split_at(at);
        format!("{head}{}", tail.replacen("3,610.50", "3,710.50", 1))
    });
    assert_eq!(class_total(&under), (vec![], 2));
}

#[test]
fn a_kuan_named_like_a_class_is_not_the_class() {
    // `21999 其他支出` is a 款 of 援助其他地区支出, not the 类 其他支出 (229): counting it
    // twice would make the classes exceed the total.
    let rows = [
        laid_out("           合计", &["1,502.00", "1,000.00", "502.00"]),
        laid_out("201   一般公共服务支出", &["1,000.00", "1,000.00", ""]),
        laid_out(
            "  20103   政府办公厅（室）及相关机构事务",
            &["1,000.00", "1,000.00", ""],
        ),
        laid_out("219   援助其他地区支出", &["502.00", "", "502.00"]),
        laid_out("  21999   其他支出", &["502.00", "", "502.00"]),
    ];
    let t = format!(
        "表3 2025年部门支出预算总表\n单位：万元\n{}\n{}\n\x0c\n",
        laid_out("科目编码 科目名称", &["合计", "基本支出", "项目支出"]),
        rows.join("\n")
    );
    let r = run(&t);
    assert!(
        r.findings.iter().all(|f| f.rule != "class-total"),
        "{:#?}",
        r.findings
    );
    assert!(r
        .ledger
        .iter()
        .any(|e| e.rule == "class-total" && e.outcome == Outcome::Verified));
}

/// A 基本支出 table by economic class as a PDF viewer copies it: one cell per line, with
/// blank lines between. `wages` is the 301 row's 合计.
fn cell_per_line_table(wages: &str, out_of_step: bool) -> String {
    cell_per_line_table_with(wages, "225.00", out_of_step, false)
}

/// The same with 302's 合计 `goods`; `late`: 302's amounts come out before its code and
/// name, as a PDF viewer copies a row drawn after its cells.
fn cell_per_line_table_with(wages: &str, goods: &str, out_of_step: bool, late: bool) -> String {
    let mut lines = vec![
        "单位：万元".to_string(),
        "科目编码".into(),
        "科目名称".into(),
        "合计".into(),
        "人员经费".into(),
        "公用经费".into(),
    ];
    let mut row = |code: &str, name: &str, cells: &[&str]| {
        if !code.is_empty() {
            lines.push(code.into());
        }
        if !name.is_empty() {
            lines.push(name.into());
        }
        lines.extend(cells.iter().map(|c| c.to_string()));
    };
    row("", "合计", &["1,130.50", "905.50", "225.00"]);
    if out_of_step {
        // A name left with one amount: what follows is out of step with the names.
        row("", "其他支出", &["12.00"]);
    }
    row("301", "工资福利支出", &[wages, "905.50", "0.00"]);
    row("30101", "基本工资", &["420.00", "420.00", "0.00"]);
    row("30102", "津贴补贴", &["305.50", "305.50", "0.00"]);
    row("30103", "奖金", &["180.00", "180.00", "0.00"]);
    if late {
        row("", "", &[goods, "0.00", "225.00"]);
        row("302", "商品和服务支出", &[]);
    } else {
        row("302", "商品和服务支出", &[goods, "0.00", "225.00"]);
    }
    row("30201", "办公费", &["125.00", "0.00", "125.00"]);
    row("30202", "印刷费", &["100.00", "0.00", "100.00"]);
    row("303", "对个人和家庭的补助", &["0.00", "0.00", "0.00"]);
    format!(
        "表6 一般公共预算基本支出表\n\n{}\n\n表7 “三公”经费支出表\n",
        lines.join("\n\n")
    )
}

#[test]
fn a_table_copied_one_cell_per_line_is_read_by_its_codes() {
    let hierarchy = |t: &str| -> (Vec<String>, usize) {
        let r = run(t);
        let found = r
            .findings
            .iter()
            .filter(|f| f.rule.starts_with("table-"))
            .map(|f| {
                format!(
                    "{} {:?} {}",
                    f.rule,
                    f.severity,
                    f.stated.clone().unwrap_or_default()
                )
            })
            .collect();
        let verified = r
            .ledger
            .iter()
            .filter(|e| e.rule == "table-hierarchy" && e.outcome == Outcome::Verified)
            .count();
        (found, verified)
    };
    // 301 = 420.00 + 305.50 + 180.00 (合计, 人员经费) and 302 = 125.00 + 100.00 (合计, 公用经费).
    assert_eq!(
        hierarchy(&cell_per_line_table("905.50", false)),
        (vec![], 4)
    );
    // 301's 合计 written 950.50: it disagrees with its items.
    let (found, _) = hierarchy(&cell_per_line_table("950.50", false));
    assert!(
        found.contains(&"table-hierarchy Error 950.50".to_string()),
        "{found:?}"
    );
    // After a name left with one amount nothing is read.
    assert_eq!(hierarchy(&cell_per_line_table("950.50", true)), (vec![], 0));
    // 302's amounts copied before its code and name still belong to 302.
    assert_eq!(
        hierarchy(&cell_per_line_table_with("905.50", "225.00", false, true)),
        (vec![], 4)
    );
    // Both groups wrong, so none holds: the codes alone make the groups certain.
    let (found, verified) = hierarchy(&cell_per_line_table_with("950.50", "252.00", false, true));
    assert_eq!(
        found,
        [
            "table-hierarchy Error 950.50",
            "table-hierarchy Error 252.00"
        ],
    );
    assert_eq!(verified, 2, "the 人员经费 and 公用经费 columns hold");
}

/// Findings (`Error stated expected`) and verified sums of `table-hierarchy` on a text.
fn hierarchy_of(t: &str) -> (Vec<String>, usize) {
    outcome_of(&run(t), "table-hierarchy")
}

/// Cells one per line with blank lines between, as a PDF viewer copies them: `|` and line
/// ends separate the cells written here.
fn cells(rows: &str) -> String {
    let cells: Vec<&str> = rows
        .split(['|', '\n'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    cells.join("\n\n") + "\n"
}

#[test]
fn codes_split_into_class_and_item_cells_give_the_levels() {
    // A 类 / 款 / 项 table whose codes stand in cells of their own (`213` / `01` / `04`).
    let table = |class: &str| {
        cells(&format!(
            "表5 一般公共预算财政拨款支出决算表 | 单位：万元
            类 | 款 | 项 | 科目名称 | 合计 | 基本支出 | 项目支出
            213 | 农林水支出 | {class} | 96.30 | 40.50
            213 | 01 | 农业农村 | 96.30 | 96.30 | 0.00
            213 | 01 | 01 | 行政运行 | 60.00 | 60.00 | 0.00
            213 | 01 | 04 | 事业运行 | 36.30 | 36.30 | 0.00
            213 | 03 | 水利 | 40.50 | 0.00 | 40.50
            213 | 03 | 06 | 水利工程运行与维护 | 40.50 | 0.00 | 40.50
            221 | 住房保障支出 | 18.20 | 18.20 | 0.00
            221 | 02 | 住房改革支出 | 18.20 | 18.20 | 0.00
            221 | 02 | 01 | 住房公积金 | 18.20 | 18.20 | 0.00
            合计 | 155.00 | 114.50 | 40.50"
        ))
    };
    let (found, verified) = hierarchy_of(&table("136.80"));
    assert!(found.is_empty(), "{found:?}");
    // 213 = 96.30 + 40.50, and 21301 = 60.00 + 36.30 in two columns.
    assert_eq!(verified, 3);
    // 213's 合计 written 163.80: it disagrees with its 款.
    assert_eq!(hierarchy_of(&table("163.80")).0, ["Error 163.80 136.80"]);
}

#[test]
fn a_laid_out_table_of_two_columns_with_split_codes_nests_by_them() {
    // `pdftotext -layout` of a 收入预算总表 in 元: 合计 and 财政拨款收入 only, the 类, 款
    // and 项 of each code in columns of their own.
    let table = |class: &str| {
        [
            "表2 收入预算总表\n单位：元".to_string(),
            laid_out("类  款  项  科目名称", &["合计", "财政拨款收入"]),
            laid_out("207          文化旅游体育与传媒支出", &[class, "2,318,600"]),
            laid_out("207  01      文化和旅游", &["2,318,600", "2,318,600"]),
            laid_out("207  01  01  行政运行", &["1,540,200", "1,540,200"]),
            laid_out("207  01  09  群众文化", &["778,400", "778,400"]),
            laid_out("208          社会保障和就业支出", &["605,300", "605,300"]),
            laid_out("208  05      行政事业单位养老支出", &["605,300", "605,300"]),
            laid_out(
                "208  05  05  机关事业单位基本养老保险缴费支出",
                &["403,500", "403,500"],
            ),
            laid_out(
                "208  05  06  机关事业单位职业年金缴费支出",
                &["201,800", "201,800"],
            ),
            laid_out("合计", &["2,923,900", "2,923,900"]),
        ]
        .join("\n")
    };
    let ok = run(&table("2,318,600"));
    assert_eq!(outcome_of(&ok, "table-hierarchy").0, Vec::<String>::new());
    assert!(outcome_of(&ok, "table-hierarchy").1 >= 2);
    let wrong = run(&table("2,381,600"));
    assert_eq!(
        outcome_of(&wrong, "table-hierarchy").0,
        ["Error 2,381,600 2,318,600"]
    );
    // Two figures on lines without codes are no table.
    let prose = table("2,381,600")
        .replace("207  01  ", "")
        .replace("208  05  ", "");
    let prose = prose
        .replace("207          ", "")
        .replace("208          ", "");
    assert!(outcome_of(&run(&prose), "table-hierarchy").0.is_empty());
}

#[test]
fn a_laid_out_row_with_one_part_breaks_its_identity_like_rows_shaped_as_it() {
    // 合计 = 基本支出 + 项目支出 holds in the rows with both; three rows have 项目支出 only,
    // equal to their 合计; 执法装备 writes 合计 456,200 beside its 项目支出 465,200.
    let table = |kit: &str| {
        [
            "表3 一般公共预算支出表\n单位：元".to_string(),
            laid_out("科目编码  科目名称", &["合计", "基本支出", "项目支出"]),
            laid_out(
                "204       公共安全支出",
                &["9,861,400", "7,520,000", "2,341,400"],
            ),
            laid_out("20402     公安", &["9,861,400", "7,520,000", "2,341,400"]),
            laid_out("2040201   行政运行", &["8,020,000", "7,520,000", "500,000"]),
            laid_out("2040202   执法装备", &[kit, "", "465,200"]),
            laid_out("2040219   信息化建设", &["1,030,000", "", "1,030,000"]),
            laid_out("2040299   其他公安支出", &["346,200", "", "346,200"]),
            laid_out("合计", &["9,861,400", "7,520,000", "2,341,400"]),
        ]
        .join("\n")
    };
    assert!(outcome_of(&run(&table("465,200")), "table-identity")
        .0
        .is_empty());
    assert_eq!(
        outcome_of(&run(&table("456,200")), "table-identity").0,
        ["Error 456,200 465,200"]
    );
    // A 预算数 | 决算数 table after the 合计, in the same block, has columns of its own.
    let after = table("465,200")
        + "\n\n“三公”经费情况\n"
        + &[
            laid_out("因公出国（境）费", &["50,000", "", "50,000"]),
            laid_out("公务接待费", &["30,000", "", "30,000"]),
            laid_out("公务用车运行维护费", &["120,000", "", "95,000"]),
        ]
        .join("\n");
    assert!(outcome_of(&run(&after), "table-identity").0.is_empty());
    // With one other row of its shape only, a row of one part is not judged.
    let lone = table("456,200").replace(
        &laid_out("2040299   其他公安支出", &["346,200", "", "346,200"]),
        &laid_out("2040299   其他公安支出", &["346,200", "46,200", "300,000"]),
    );
    assert!(outcome_of(&run(&lone), "table-identity").0.is_empty());
}

#[test]
fn an_item_line_ending_at_its_mark_takes_the_figures_of_the_line_below() {
    // `…（项）。` on a line of its own, its budget and outturn on the next line.
    let text = |outturn: &str| {
        format!(
            "五、一般公共预算财政拨款支出决算情况说明\n\
1.城乡社区（类）城乡社区管理事务（款）城管执法（项）。\n\
年初预算为310.00万元，支出决算为{outturn}万元，完成年初预算的96.13%。\n\n\
表5 一般公共预算财政拨款支出决算表\n单位：万元\n\n{}",
            cells(
                "科目编码 | 科目名称 | 本年支出合计 | 基本支出 | 项目支出
                212 | 城乡社区支出 | 298.00 | 0.00 | 298.00
                21201 | 城乡社区管理事务 | 298.00 | 0.00 | 298.00
                2120104 | 城管执法 | 298.00 | 0.00 | 298.00"
            )
        )
    };
    let item = |r: &Report| outcome_of(r, "item-table");
    assert_eq!(item(&run(&text("298.00"))), (vec![], 1));
    assert_eq!(
        item(&run(&text("289.00"))).0,
        ["Error 289.00万元 298.00万元"],
        "{:#?}",
        run(&text("289.00")).findings
    );
    // An explanation on the next line is not the item's figures.
    let explained = text("298.00").replace(
        "年初预算为310.00万元，支出决算为298.00万元，完成年初预算的96.13%。",
        "主要用于城管执法队伍执法装备购置120.00万元。",
    );
    assert_eq!(item(&run(&explained)), (vec![], 0));
    // A heading on the next line is not the item's: nothing is read for the item.
    let heading = text("289.00").replace("年初预算为310.00万元", "（一）年初预算为310.00万元");
    assert_eq!(item(&run(&heading)), (vec![], 0));
}

#[test]
fn a_name_wrapped_over_two_cells_puts_the_amounts_after_it_out_of_step() {
    // 21011's name in two cells and no amounts of its own: each later row's amounts come
    // after the next row's name. Every group adds up in the report.
    let text = cells(
        "表5 一般公共预算财政拨款支出决算表 | 单位：万元
        科目编码 | 科目名称 | 合计 | 基本支出
        210 | 卫生健康支出 | 46.00 | 46.00
        21011 | 行政事业单位 | 医疗
        2101101 | 行政单位医疗 | 46.00 | 46.00
        2101102 | 事业单位医疗 | 28.00 | 28.00
        221 | 住房保障支出 | 18.00 | 18.00
        22102 | 住房改革支出 | 64.00 | 64.00
        2210201 | 住房公积金 | 64.00 | 64.00
        2210203 | 购房补贴 | 41.00 | 41.00
        222 | 粮油物资储备支出 | 23.00 | 23.00
        22201 | 粮油事务 | 9.00 | 9.00
        2220101 | 行政运行 | 9.00 | 9.00",
    ) + "注：本表反映一般公共预算财政拨款支出情况。\n";
    assert!(hierarchy_of(&text).0.is_empty());
}

#[test]
fn a_laid_out_code_table_beside_a_table_of_names_is_not_nested_by_the_codes() {
    // 人员经费 by code on the left, 公用经费 by name on the right: two amounts a line, with
    // words between them.
    let rows = [
        ("301       工资福利支出", "260.00", "办公费", "18.00"),
        ("30101     基本工资", "90.00", "印刷费", "12.00"),
        ("30102     津贴补贴", "120.00", "水电费", "21.00"),
        ("30103     奖金", "50.00", "差旅费", "9.00"),
        ("303       对个人和家庭的补助", "36.00", "会议费", "4.00"),
        ("30301     离休费", "14.00", "培训费", "2.00"),
        ("30302     退休费", "22.00", "其他商品和服务支出", "6.00"),
    ];
    let mut text = "表6 一般公共预算基本支出表\n单位：万元\n".to_string();
    for (left, a, right, b) in rows {
        text += &format!(
            "{}{a:>10}     {right}{}{b:>10}\n",
            laid_out(left, &[]),
            "　".repeat(12 - right.chars().count())
        );
    }
    assert!(hierarchy_of(&text).0.is_empty(), "{text}");
}

#[test]
fn an_economic_class_table_in_yuan_keeps_its_amounts_apart_from_codes() {
    // As a viewer copies a table in 元: the header's cells among the first rows, 301's code
    // copied into the header and 302's right before its first 款; whole amounts of five to
    // seven digits stand before the next row's name.
    let table = |goods: &str| {
        cells(&format!(
            "表6 一般公共预算基本支出表 | 单位：元
            经济分类科目编码 | 类 | 部门经济分类科目名称 | 合计 | 人员经费
            工资福利支出 | 8,204,500 | 8,204,500
            款 | 301 | 一般公共预算基本支出 | 公用经费
            301 | 01 | 基本工资 | 3,100,000 | 3,100,000
            301 | 02 | 津贴补贴 | 4,986,000 | 4,986,000
            301 | 99 | 其他工资福利支出 | 118,500 | 118,500
            商品和服务支出 | {goods} | 1,720,050
            302 | 302 | 01 | 办公费 | 256,000 | 256,000
            302 | 11 | 差旅费 | 91,400 | 91,400
            302 | 99 | 其他商品和服务支出 | 1,372,650 | 1,372,650
            对个人和家庭的补助 | 64,000 | 64,000
            退休费 | 64,000 | 64,000
            合计 | 9,988,550 | 8,268,500 | 1,720,050"
        ))
    };
    let (found, verified) = hierarchy_of(&table("1,720,050"));
    assert!(found.is_empty(), "{found:?}");
    // (301's own row comes before the header's last cells: it is not read.)
    assert_eq!(verified, 2, "302 in both columns");
    // 302 written 1,702,050 in its 合计 column, its 公用经费 right.
    assert_eq!(
        hierarchy_of(&table("1,702,050")).0,
        ["Error 1,702,050 1,720,050"]
    );
}

#[test]
fn codes_make_a_group_certain_only_when_they_show_where_it_ends() {
    // 302's 合计 written 252.00 fails, found by its codes.
    let fails = |text: &str| {
        run(text)
            .findings
            .iter()
            .filter(|f| f.rule == "table-hierarchy")
            .map(|f| f.stated.clone().unwrap_or_default())
            .collect::<Vec<_>>()
    };
    let wrong = cell_per_line_table_with("905.50", "252.00", false, false);
    assert_eq!(fails(&wrong), ["252.00"]);
    // A row under 302 whose code does not extend 302 (a 303 row): where 302's group ends
    // is unknown, and two groups that hold are too few to trust the levels without codes.
    assert!(fails(&wrong.replace("\n\n30202\n\n", "\n\n30302\n\n")).is_empty());
    // The group that ends the table may go on over the page: not judged.
    let last = wrong.replace("\n\n303\n\n对个人和家庭的补助\n\n0.00\n\n0.00\n\n0.00", "");
    assert_ne!(last, wrong);
    assert!(fails(&last).is_empty());
}

#[test]
fn the_general_budget_section_agrees_with_its_own_table() {
    let section = |total: &str, education: &str| {
        format!(
            "（五）一般公共预算当年拨款情况说明（详见表5）\n2025年一般公共预算当年拨款{total}万元。\
其中：一般公共服务（类）支出1,820.30万元；教育（类）支出{education}万元。\n"
        )
    };
    let table_text = |rows: &str, narrative: &str| {
        let r = run(&format!(
            "某区档案馆2025年部门预算\n{}\n{narrative}",
            general_budget_tables(rows, "")
        ));
        outcome_of(&r, "table-text")
    };
    let education = laid_out("教育支出", &["640.20", "240.20", "400.00"]);
    assert_eq!(
        table_text(&education, &section("2,460.50", "640.20")),
        (vec![], 3)
    );
    assert_eq!(
        table_text(&education, &section("2,460.50", "604.20")),
        (vec!["Error 604.20万元 640.20万元".to_string()], 2)
    );
    assert_eq!(
        table_text(&education, &section("2,406.50", "640.20")),
        (vec!["Error 2,406.50万元 2460.50万元".to_string()], 2)
    );
    // With 604.20 in the text: the row read as 640.20 gives the error; a row not read, none.
    let against_604 = |rows: &str| table_text(rows, &section("2,460.50", "604.20"));
    let read = (vec!["Error 604.20万元 640.20万元".to_string()], 2);
    let unread = (vec![], 2);
    // The 项目支出 cell wraps (`400.0` above the row, `0` below): the 合计 before it is whole.
    let wrapped_right = format!(
        "{:>66}\n{}\n{:>62}",
        "400.0",
        laid_out("教育支出", &["640.20", "240.20", ""]),
        "0"
    );
    assert_eq!(against_604(&wrapped_right), read);
    // A number alone left of the row's name (a 行次 column's blank row) is no spill of it.
    let numbered = format!(
        "12\n13   {}",
        laid_out("教育支出", &["640.20", "240.20", "400.00"])
    );
    assert_eq!(against_604(&numbered), read);
    // The 合计 cell itself wraps: the first amount on the row is the next column's, unread.
    let wrapped_first = format!(
        "{:>42}\n{}\n{:>38}",
        "640.2",
        laid_out("教育支出", &["", "240.20", "400.00"]),
        "0"
    );
    assert_eq!(against_604(&wrapped_first), unread);
    // A copy with a blank line after every line keeps both readings.
    let spaced = |rows: &str| rows.replace('\n', "\n\n");
    assert_eq!(against_604(&spaced(&wrapped_right)), read);
    assert_eq!(against_604(&spaced(&wrapped_first)), unread);
    // A narrow column wraps the 合计 over three lines (`6` / `40.2` / `0`): `6` is no amount.
    let narrow = format!(
        "{}\n{:>41}\n{:>42}",
        laid_out("教育支出", &["6", "240.20", "400.00"]),
        "40.2",
        "0"
    );
    assert_eq!(against_604(&narrow), unread);
}

#[test]
fn a_change_binds_to_its_level_stated_with_the_stage_the_subject_leaves_out() {
    let growth = |t: &str| outcome_of(&run(t), "growth");
    // 总预算 / 总计: 913.48 ÷ (7,062.8 + 913.48) = 11.45%.
    let level = "某区应急管理局2026年度财政拨款收、支总预算7,062.8万元。与上年相比，财政拨款收、支总计各减少913.48万元，减少";
    assert_eq!(growth(&format!("{level}11.45%。")), (vec![], 1));
    assert_eq!(
        growth(&format!("{level}12.45%。")),
        (vec!["Error 12.45% 11.45%".to_string()], 0)
    );
    // 预算支出 / 支出.
    assert_eq!(
        growth("2026年财政拨款预算支出7,062.8万元，占本年支出合计的100%。与上年相比，财政拨款支出减少913.48万元，减少11.45%。"),
        (vec![], 1)
    );
    // Two totals stated as one (`均为` / `均增加`): 789.20 ÷ (2,480.70 − 789.20) = 46.66%.
    assert_eq!(
        growth("2022年度收入总计、支出总计均为2,480.70万元，与上年相比收入总计、支出总计均增加789.20万元，增长46.66%。"),
        (vec![], 1)
    );
    // A subject that names another quantity than the level before it binds nothing.
    assert_eq!(
        growth(
            "2026年财政拨款预算支出7,062.8万元。与上年相比，项目支出减少913.48万元，减少12.45%。"
        ),
        (vec![], 0)
    );
}

#[test]
fn income_and_spending_said_together_as_收支_name_both_totals() {
    let growth = |t: &str| outcome_of(&run(t), "growth");
    // 收支总计 after the comparison: 282.51 ÷ (4,020.14 + 282.51) = 6.57%.
    let after = "2026年本部门收入总计4,020.14万元，支出总计4,020.14万元。与2025年预算相比，收支总计各减少282.51万元，下降";
    assert_eq!(growth(&format!("{after}6.57%。")), (vec![], 1));
    assert_eq!(
        growth(&format!("{after}7.0%。")),
        (vec!["Error 7.0% 6.57%".to_string()], 0)
    );
    // 收支总预算 before the comparison, in a paragraph of its own after the levels'
    // (收入预算总额, 支出预算总额): 503.67 ÷ (9,722.12 − 503.67) = 5.46%.
    let before = "2024年收入预算总额9722.12万元，其中：一般公共预算拨款收入8436.52万元，其他收入1285.60万元。支出预算总额9722.12万元。\n收支总预算比2023年预算增加503.67万元，增长";
    assert_eq!(growth(&format!("{before}5.46%。")), (vec![], 1));
    assert_eq!(
        growth(&format!("{before}5.18%。")),
        (vec!["Error 5.18% 5.46%".to_string()], 0)
    );
    // Income and spending of different amounts: neither is surely the one compared.
    let unequal = "2024年收入预算总额9722.12万元。支出预算总额9700.00万元。\n收支总预算比2023年预算增加503.67万元，增长5.18%。";
    assert_eq!(growth(unequal), (vec![], 0));
    // A paragraph that opens with another subject takes no level from the one before.
    let other = "2024年收入预算总额9722.12万元，支出预算总额9722.12万元。\n项目支出比2023年预算增加503.67万元，增长5.18%。";
    assert_eq!(growth(other), (vec![], 0));
}

#[test]
fn where_paragraphs_start_indented_a_sentence_flush_left_goes_on_the_paragraph() {
    let report = |indent: &str| {
        let mut t = String::new();
        for i in 1..=10 {
            t.push_str(&format!("{indent}第{i}项工作按计划完成。\n"));
        }
        t.push_str(&format!(
            "{indent}本局2024年度财政拨款收支总决算20727.53万元。\n与2023年度相比，财政拨款收、支总计各增加5551.7万元，增长36.58%。\n"
        ));
        t
    };
    let growth = |t: &str| outcome_of(&run(t), "growth");
    // 5551.7 ÷ (20727.53 − 5551.7) = 36.58%: the level is the paragraph's sentence before.
    assert_eq!(growth(&report("  ")), (vec![], 1));
    // Nothing indented: the line after the full stop may start a paragraph; unbound.
    assert_eq!(growth(&report("")), (vec![], 0));
}

/// A budget's 三公 section and its table of last year, this year and the change, laid out as
/// `pdftotext -layout` does; `meeting_change` is the text's change of 会议费.
fn three_publics(meeting_change: &str, heading: &str) -> String {
    let row = |name: &str, cells: &[&str]| padded_row(name, 10, cells, 9) + "\n";
    fn blocks(
        last: [&'static str; 4],
        this: [&'static str; 4],
        change: [&'static str; 4],
    ) -> Vec<&'static str> {
        [last, this, change].concat()
    }
    format!(
        "某市体育局2024年部门预算\n{heading}\n2024年“三公”经费预算合计12.40万元，其中：公务接待费4.40万元，\
公务用车运行维护费8.00万元。\n“三公”经费预算较上年减少3.10万元。2024年会议费预算6.30万元，较上年减少{meeting_change}万元；\
培训费预算9.00万元，较上年增加1.50万元。\n七、其他说明\n\
表13 2024年一般公共预算“三公”经费及会议费、培训费支出预算表\n单位：万元\n\
            合计 接待费 车辆费 会议费 合计 接待费 车辆费 会议费 合计 接待费 车辆费 会议费\n{}{}{}{}{}",
        row("合计", &blocks(["15.50", "5.00", "10.50", "8.00"], ["12.40", "4.40", "8.00", "6.30"], ["-3.10", "-0.60", "-2.50", "-1.70"])),
        row("本级", &blocks(["10.00", "3.00", "7.00", "5.00"], ["8.00", "2.50", "5.50", "4.00"], ["-2.00", "-0.50", "-1.50", "-1.00"])),
        row("机关中心", &blocks(["3.00", "1.00", "2.00", "2.00"], ["2.40", "1.00", "1.40", "1.30"], ["-0.60", "0.00", "-0.60", "-0.70"])),
        row("训练中心", &blocks(["2.50", "1.00", "1.50", "1.00"], ["2.00", "0.90", "1.10", "1.00"], ["-0.50", "-0.10", "-0.40", "0.00"])),
        row("体校", &blocks(["0.00", "0.00", "0.00", "0.00"], ["0.00", "0.00", "0.00", "0.00"], ["0.00", "0.00", "0.00", "0.00"])),
    )
}

#[test]
fn a_stated_change_against_the_table_of_both_years() {
    let found = |t: &str| -> Vec<String> {
        run(t)
            .findings
            .iter()
            .filter(|f| f.rule == "table-change")
            .map(|f| {
                format!(
                    "{} {}",
                    f.stated.clone().unwrap_or_default(),
                    f.expected.clone().unwrap_or_default()
                )
            })
            .collect()
    };
    let verified = |t: &str| outcome_of(&run(t), "table-change").1;
    // 会议费 6.30 was 8.00: 减少1.70; the total 12.40 (bound by its name, the sentence before)
    // was 15.50: 减少3.10. 培训费 9.00 is no column of the table: not looked up.
    let heading = "六、“三公”经费预算情况说明";
    let right = three_publics("1.70", heading);
    assert_eq!(found(&right), Vec::<String>::new());
    assert_eq!(verified(&right), 2);
    assert_eq!(
        found(&three_publics("2.70", heading)),
        ["减少2.70万元 减少1.70万元"]
    );
    // The same words outside a section about the table's topic: a 项 may equal a column by
    // chance, with another previous year.
    let elsewhere = three_publics("2.70", "六、项目支出情况说明");
    assert_eq!(found(&elsewhere), Vec::<String>::new());
    assert_eq!(verified(&elsewhere), 0);
}

/// The same report as [`three_publics`] copied from a PDF viewer: the title runs on into its
/// unit, the header's words come one to a line, then each cell on its own line.
fn three_publics_cells(meeting_change: &str, last_change: &str) -> String {
    let laid_out = three_publics(meeting_change, "六、“三公”经费预算情况说明");
    let (prose, _) = laid_out.split_once("表13").unwrap();
    let mut t = format!(
        "{prose}2024年一般公共预算“三公”经费及会议费、培训费支出预算表单位：万元2023年\n\n2024年\n\n\
单位编码\n\n301\n\n单位名称\n\n合计\n\n接待\n费\n\n车辆费\n\n会议费\n\n增减变化情况\n\n"
    );
    let rows: [(&str, [&str; 12]); 2] = [
        (
            "合计",
            [
                "15.50",
                "5.00",
                "10.50",
                "8.00",
                "12.40",
                "4.40",
                "8.00",
                "6.30",
                "-3.10",
                "-0.60",
                "-2.50",
                last_change,
            ],
        ),
        (
            "本级",
            [
                "10.00", "3.00", "7.00", "5.00", "8.00", "2.50", "5.50", "4.00", "-2.00", "-0.50",
                "-1.50", "-1.00",
            ],
        ),
    ];
    for (name, cells) in rows {
        if name != "合计" {
            t.push_str(&format!("{name}\n\n"));
        }
        for c in cells {
            t.push_str(&format!("{c}\n\n"));
        }
    }
    t
}

#[test]
fn a_stated_change_against_the_table_of_both_years_copied_one_cell_per_line() {
    let outcome = |t: &str| outcome_of(&run(t), "table-change");
    // 会议费 6.30 was 8.00: 减少1.70, and the total 12.40 was 15.50: 减少3.10.
    assert_eq!(outcome(&three_publics_cells("1.70", "-1.70")), (vec![], 2));
    let wrong = run(&three_publics_cells("2.70", "-1.70"));
    let found: Vec<_> = wrong
        .findings
        .iter()
        .filter(|f| f.rule == "table-change")
        .map(|f| (f.stated.clone().unwrap(), f.expected.clone().unwrap()))
        .collect();
    assert_eq!(
        found,
        [("减少2.70万元".to_string(), "减少1.70万元".to_string())]
    );
    // A last block that is not the middle less the first (here 会议费's) is no table of both
    // years: nothing is compared.
    assert_eq!(outcome(&three_publics_cells("2.70", "-2.70")), (vec![], 0));
}

#[test]
fn a_table_change_needs_one_column_and_the_previous_year() {
    let heading = "六、“三公”经费预算情况说明";
    // Compared with 2021, not 2023: the table's 上年 is not that year.
    let older = three_publics("2.70", heading)
        .replace("会议费预算6.30万元，较上年", "会议费预算6.30万元，较2021年");
    assert!(run(&older)
        .findings
        .iter()
        .all(|f| f.rule != "table-change"));
    // 会议费 4.40 as well as 接待费 4.40: the column of 4.40 is named two ways, so which one
    // the text speaks of is open.
    let twice = three_publics("2.70", heading).replace("会议费预算6.30万元", "会议费预算4.40万元");
    assert!(run(&twice)
        .findings
        .iter()
        .all(|f| f.rule != "table-change"));
}

/// A section stating a spending level and its change, then its parts with theirs (as the
/// 一般公共预算 sections of many 部门预算 do).
fn changes_by_function(first_change: &str, second_amount: &str) -> String {
    format!(
        "（三）一般公共预算拨款支出明细情况\n1、一般公共预算当年拨款规模变化情况\n\
2024年本部门当年一般公共预算拨款支出860.40万元，较上年增加52.30万元，主要原因是人员增加。\n\
2、支出按功能科目分类的明细情况\n2024年本部门当年一般公共预算支出860.40万元，其中：\n\
（1）行政运行（2013101）512.20万元，较上年增加{first_change}万元，原因是人员增加；\n\
（2）一般行政管理事务（2013102）{second_amount}万元，较上年减少8.40万元，原因是压缩会议；\n\
（3）住房公积金（2210201）48.20万元，较上年增加3.50万元，原因是缴存基数调整。\n"
    )
}

#[test]
fn the_parts_changes_add_up_to_the_totals_change() {
    // 512.20 + 300.00 + 48.20 = 860.40; 57.20 − 8.40 + 3.50 = 52.30.
    let right = run(&changes_by_function("57.20", "300.00"));
    assert_eq!(outcome_of(&right, "change-sum"), (vec![], 4));
    // 47.20 − 8.40 + 3.50 = 42.30: the total's change exceeds what its parts allow.
    let wrong = run(&changes_by_function("47.20", "300.00"));
    assert_eq!(
        outcome_of(&wrong, "change-sum").0,
        ["Error 增加52.30万元 增加42.30万元"]
    );
    // 67.20 − 8.40 + 3.50 = 62.30, more than 52.30: an item of last year with nothing this
    // year (so in no list of this year's parts) may have gone by 10.00; left unchecked.
    let short = run(&changes_by_function("67.20", "300.00"));
    assert_eq!(outcome_of(&short, "change-sum"), (vec![], 0));
    assert!(short
        .ledger
        .iter()
        .any(|e| e.rule == "change-sum" && e.outcome == gouji_core::report::Outcome::Unchecked));
    let f = wrong
        .findings
        .iter()
        .find(|f| f.rule == "change-sum")
        .unwrap();
    assert_eq!(f.related.len(), 4, "the total and the three parts' changes");
    // The parts do not add up to the total (290.00): the list may be partial, and says
    // nothing about the changes.
    let partial = run(&changes_by_function("67.20", "290.00"));
    assert_eq!(outcome_of(&partial, "change-sum"), (vec![], 0));
    // The total's change stated two ways before: which one the list speaks of is open.
    let twice = changes_by_function("67.20", "300.00").replace(
        "主要原因是人员增加。\n2、",
        "主要原因是人员增加。2024年本部门当年一般公共预算拨款支出860.40万元，较上年增加62.30万元。\n2、",
    );
    assert_eq!(outcome_of(&run(&twice), "change-sum"), (vec![], 0));
    // One part compares with the budget: not the same base.
    let budget = changes_by_function("67.20", "300.00")
        .replace("512.20万元，较上年增加", "512.20万元，较年初预算增加");
    assert_eq!(outcome_of(&run(&budget), "change-sum"), (vec![], 0));
}

#[test]
fn an_unnumbered_list_over_paragraphs_gives_its_parts_changes() {
    // One economic class per paragraph, no numbers: the list ends where it adds up
    // (512.20 + 348.20 = 860.40), and its changes (57.20 − 8.40 = 48.80) miss the total's 52.30.
    let t = "（三）一般公共预算拨款支出明细情况\n\n2024年本部门当年一般公共预算拨款支出860.40万元，较上年增加52.30万元。\n\n\
2024年本部门当年一般公共预算支出860.40万元，其中：\n\n工资福利支出（301）512.20万元，较上年增加57.20万元，原因是人员增加；\n\n\
商品和服务支出（302）348.20万元，较上年减少8.40万元，原因是压缩会议。\n\n机关运行经费20.00万元，较上年减少1.00万元。\n";
    let r = run(t);
    assert_eq!(
        outcome_of(&r, "change-sum").0,
        ["Error 增加52.30万元 增加48.80万元"]
    );
    assert_eq!(outcome_of(&r, "sum"), (vec![], 1));
}

#[test]
fn an_enumerated_peer_is_no_part_of_the_list_before_it() {
    // `三是…` is the next item of 一是、二是, not a part of 二是's list, which the paragraph
    // itself holds (购置 0.00 and 运行 1,965.43 after its `。`).
    let t = "二、“三公”经费情况\n\n二是公务用车购置及运行维护费支出1965.43元，其中：公务用车购置支出为0.00元。\
公务用车运行及维护支出1965.43元，比上年增加113.19元。\n\n三是公务接待费支出538.50元，比上年增加418.50元。\n\n三、存在问题\n";
    assert!(run(t).findings.iter().all(|f| f.rule != "sum"));
}

#[test]
fn a_years_total_column_made_up_as_the_other_years_is() {
    let heading = "六、“三公”经费预算情况说明";
    // 15.50 = 5.00 + 10.50 last year and 12.40 = 4.40 + 8.00 this year: the same columns;
    // so for three units' rows (the fourth, all zeros, says nothing).
    let right = three_publics("1.70", heading);
    assert_eq!(outcome_of(&run(&right), "year-table-total"), (vec![], 4));
    // This year's 合计 written 13.40 (and its change −2.10, so that the blocks still read as
    // last year, this year and the change): no columns add up to it, while last year's do.
    let wrong = right
        .replacen("    12.40", "    13.40", 1)
        .replacen("    -3.10", "    -2.10", 1);
    let r = run(&wrong);
    assert_eq!(outcome_of(&r, "year-table-total").0, ["Error 13.40 12.40"]);
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "year-table-total")
        .unwrap();
    assert_eq!(
        f.formula.as_deref(),
        Some("本年：4.40 + 8.00 = 12.40 ≠ 13.40；上年：5.00 + 10.50 = 15.50")
    );
    // Both years wrong, each its own way: which columns make the total is not known.
    let neither = wrong
        .replacen("    15.50", "    16.50", 1)
        .replacen("    -2.10", "    -3.10", 1);
    assert_eq!(outcome_of(&run(&neither), "year-table-total"), (vec![], 3));
    // A unit's 合计 this year written as the sum of three of its columns (接待费 2.50 +
    // 车辆费 5.50 + 会议费 4.00 = 12.00): the rows below add up by 接待费 + 车辆费 in both
    // years, as this row did last year, so 12.00 is the slip, not a second way of adding up.
    let by_chance = right
        .replacen("     8.00     2.50", "    12.00     2.50", 1)
        .replacen("    -2.00    -0.50", "     2.00    -0.50", 1);
    let r = run(&by_chance);
    assert_eq!(outcome_of(&r, "year-table-total").0, ["Error 12.00 8.00"]);
    // 训练中心's 合计 written 1.90 = 接待费 0.90 + 会议费 1.00: the way 机关中心 adds up last
    // year too (1.00 + 2.00 = 3.00, its 车辆费 and 会议费 both 2.00), so not surely this
    // year's slip: a warning that the two years add up differently, on last year's (this
    // year's leaves out no amount of the last column).
    let second_way = right
        .replacen("     2.00     0.90", "     1.90     0.90", 1)
        .replacen("    -0.50    -0.10", "    -0.60    -0.10", 1);
    assert_eq!(
        outcome_of(&run(&second_way), "year-table-total"),
        (vec!["Warning 2.50 ".to_string()], 3)
    );
}

/// A 三公 table laid out as `pdftotext -layout` gives it: every column filled in the 合计 row,
/// empty cells simply blank in the units' rows, and one row's amounts a place off the row
/// above's (`shift`).
fn three_publics_blank_cells(unit_2023: &str, unit_change: &str) -> String {
    let row = |name: &str, shift: usize, cells: [&str; 18]| {
        " ".repeat(shift) + &padded_row(name, 8, &cells, 8) + "\n"
    };
    format!(
        "表13 2024年一般公共预算“三公”经费及会议费、培训费支出预算表\n单位：万元\n\
                2023年                              2024年                               增减变化情况\n\
单位名称   合计 小计 接待费 车辆费 会议费 培训费  合计 小计 接待费 车辆费 会议费 培训费  合计 小计 接待费 车辆费 会议费 培训费\n{}{}{}{}七、其他说明\n",
        row(
            "合计",
            0,
            [
                "30.00", "12.00", "4.00", "8.00", "6.00", "12.00", "33.00", "13.00", "5.00", "8.00",
                "7.00", "13.00", "3.00", "1.00", "1.00", "0.00", "1.00", "1.00",
            ]
        ),
        row(
            "本级",
            1,
            [
                unit_2023, "10.00", "2.00", "8.00", "6.00", "8.00", "25.00", "12.00", "4.00", "8.00",
                "7.00", "6.00", unit_change, "2.00", "2.00", "", "1.00", "-2.00",
            ]
        ),
        row(
            "训练中心",
            0,
            [
                "6.00", "2.00", "2.00", "", "", "4.00", "8.00", "1.00", "1.00", "", "", "7.00",
                "2.00", "-1.00", "-1.00", "", "", "3.00",
            ]
        ),
        row(
            "机关中心",
            0,
            [
                "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00",
                "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00",
            ]
        ),
    )
}

#[test]
fn a_laid_out_row_with_blank_cells_is_read_by_where_its_amounts_end() {
    // 本级 and 训练中心 leave cells blank (8 and 6 amounts of 18): placed under the 合计 row's
    // columns, their changes are still this year's less last year's, and both years add up
    // by 小计 + 会议费 + 培训费.
    let right = three_publics_blank_cells("24.00", "1.00");
    assert_eq!(outcome_of(&run(&right), "year-table-total"), (vec![], 3));
    // 本级's 2023 合计 written 20.00 (its change 5.00 to match): 10.00 + 6.00 + 8.00 = 24.00.
    let wrong = three_publics_blank_cells("20.00", "5.00");
    assert_eq!(
        outcome_of(&run(&wrong), "year-table-total").0,
        ["Error 20.00 24.00"]
    );
}

/// A final-accounts page as a web archive flattens it: the whole body on one line, items
/// apart by a space or nothing.
fn flattened_page(spending: &str) -> String {
    format!(
        "2016年度区政务服务中心部门决算说明\n附件 按照有关要求，现将本中心2016年度部门决算说明如下： 一、部门主要职责 本中心负责全区公共服务事项的受理、办理和督办，承担有关业务的统计分析和信息公开工作。 \
二、部门决算收支总体情况 2016年本中心年初结转和结余20.00万元，本年收入1200.00万元，本年支出{spending}万元。 \
（一）2016本年收入1200.00万元，比2015年决算数增加100.00万元，增长9.09%，具体情况如下： 1. 财政拨款收入1150.00万元。 2. 事业收入0万元。 3. 其他收入50.00万元。 \
（二）2016本年支出{spending}万元，具体情况如下： 1. 基本支出800.00万元。其中，人员支出700.00万元，公用支出100.00万元。 2. 项目支出380.00万元。 3. 上缴上级支出0万元。 4. 经营支出0万元。 \
三、公共财政拨款支出决算情况 2016年公共财政拨款支出1180.00万元，具体情况如下(按项级科目分类统计)： （一）一般公共服务支出900.00万元。 1.2010301行政运行支出700.00万元，主要用于人员工资。 2.2010302一般行政管理事务支出200.00万元，主要用于业务工作。 （二）住房保障支出280.00万元 —住房公积金180.00万元 —提租补贴100.00万元 \
四、政府性基金支出决算情况 2016年度政府性基金支出 60.00 万元。 （一）一般公共服务支出60.00万元 —其他支出60.00万元\n"
    )
}

#[test]
fn a_flattened_pages_numbered_lists_after_as_follows_add_up() {
    let right = run(&flattened_page("1180.00"));
    assert!(
        right.findings.iter().all(|f| f.severity != Severity::Error),
        "{:?}",
        right.findings
    );
    // 本年收入 1150.00 + 0 + 50.00, 本年支出 800.00 + 380.00 + 0 + 0, the 类 900.00 + 280.00.
    let verified_sums: Vec<&str> = right
        .ledger
        .iter()
        .filter(|e| e.rule == "sum" && e.outcome == gouji_core::report::Outcome::Verified)
        .map(|e| e.quote.as_str())
        .collect();
    for total in ["1200.00万元", "1180.00万元", "800.00万元"] {
        assert!(
            verified_sums.contains(&total),
            "{total} in {verified_sums:?}"
        );
    }
    // 本年支出 written 1280.00 where its items add up to 1180.00.
    let wrong = run(&flattened_page("1280.00"));
    assert_eq!(
        outcome_of(&wrong, "sum").0,
        ["Error 1280.00万元 1180.00万元"]
    );
}

#[test]
fn a_flattened_pages_sections_keep_names_and_funds_apart() {
    // `（一）一般公共服务支出60.00万元` of the 政府性基金 section is not the 900.00 of the
    // general budget's; `—其他支出` and `—提租补贴` are names, not `万元—…`.
    let r = run(&flattened_page("1180.00"));
    assert!(
        r.findings.iter().all(|f| f.rule != "restated"),
        "{:?}",
        r.findings
    );
}

#[test]
fn totals_said_of_each_side_are_no_breakdown() {
    // `收、支预算总计各…`: the two numbered sections restate the total, one side each.
    let t = "一、收入支出预算总体情况\n2026年度收入、支出预算总计500.0万元，与上年相比收、支预算总计各减少20.0万元，减少3.85%。其中：\n\
（一）收入预算总计500.0万元。包括：\n1．财政拨款收入400.0万元。\n2．其他收入100.0万元。\n\
（二）支出预算总计500.0万元。包括：\n1．基本支出300.0万元。\n2．项目支出200.0万元。\n";
    let r = run(t);
    assert_eq!(outcome_of(&r, "sum").0, Vec::<String>::new());
    // One part as large as the total beside another is still a list that overshoots.
    let over = "六、政府性基金支出决算情况\n2016年度政府性基金支出300.00万元，具体情况如下：\n（一）城乡社区支出300.00万元。\n（二）其他支出6.00万元。\n";
    assert_eq!(
        outcome_of(&run(over), "sum").0,
        ["Error 300.00万元 306.00万元"]
    );
}

#[test]
fn a_decrease_of_more_than_all_of_an_amount_is_impossible() {
    let t = "八、机关运行经费支出情况\n2016年机关运行经费支出64.20万元，比2015年下降152.30%，主要原因是压缩会议。\n";
    assert_eq!(
        outcome_of(&run(t), "impossible-decline").0,
        ["Error 152.30% ≤ 100%"]
    );
    // All of it (100.0%), an increase of more than 100%, and a difference that can turn
    // negative stay silent.
    for silent in [
        "2016年会议费支出0.00万元，比2015年下降100.0%。\n",
        "2016年会议费支出64.20万元，比2015年增长152.30%。\n",
        "2016年经营结余为-12.00万元，比2015年下降152.30%。\n",
    ] {
        assert_eq!(
            outcome_of(&run(silent), "impossible-decline").0,
            Vec::<String>::new(),
            "{silent}"
        );
    }
}

#[test]
fn a_change_in_the_wrong_unit_is_the_slip_not_its_rate() {
    // 3.60 ÷ (30.00 − 3.60) = 13.64% holds in 万元: the 元 is the slip.
    let t =
        "（六）其他支出30.00万元，较2015年决算数增加3.60元，增长13.64%。主要原因是设备购置增多。\n";
    let r = run(t);
    assert_eq!(outcome_of(&r, "growth").0, ["Error 3.60元 3.60万元"]);
    let f = r.findings.iter().find(|f| f.rule == "growth").unwrap();
    assert_eq!(f.quote, "3.60元");
    // The same unit mix with a rate that holds in neither unit is the rate's slip.
    let wrong_rate = t.replace("13.64%", "18.64%");
    let r = run(&wrong_rate);
    assert_eq!(outcome_of(&r, "growth").0.len(), 1);
    assert!(r.findings.iter().all(|f| f.quote != "3.60元"));
}

#[test]
fn a_number_said_twice_does_not_end_a_numbered_list() {
    // （二） twice: the list still has four items, and 100.00 + 200.00 + 300.00 + 400.00 =
    // 1000.00 runs over the total 990.00.
    let t = "五、支出决算情况\n2016年公共财政拨款支出990.00万元，具体情况如下：\n（一）一般公共服务支出100.00万元。\n（二）公共安全支出200.00万元。\n（二）教育支出300.00万元。\n（三）卫生健康支出400.00万元。\n六、其他\n";
    assert_eq!(
        outcome_of(&run(t), "sum").0,
        ["Error 990.00万元 1000.00万元"]
    );
    // Numbers that jump (一, 三) end it: a list of one item says nothing.
    let jump = t.replace(
        "（二）教育支出300.00万元。\n（三）",
        "（四）教育支出300.00万元。\n（五）",
    );
    assert!(outcome_of(&run(&jump), "sum")
        .0
        .iter()
        .all(|f| !f.starts_with("Error")));
}

#[test]
fn the_carry_over_closes_in_its_sentence() {
    let t = |closing: &str| {
        format!("三、收入支出决算总体情况\n2016年本单位年初结转和结余20.00万元，本年收入300.00万元，本年支出290.00万元，事业基金弥补收支差额0万元，结余分配0万元，年末结转和结余{closing}万元。\n")
    };
    assert_eq!(outcome_of(&run(&t("30.00")), "balance"), (vec![], 1));
    assert_eq!(
        outcome_of(&run(&t("35.00")), "balance").0,
        ["Error 35.00万元 30.00万元"]
    );
    // With the other lines of the identity unnamed, a gap may be theirs: unchecked.
    let open = "2016年本单位年初结转和结余20.00万元，本年收入300.00万元，本年支出290.00万元，年末结转和结余35.00万元。\n";
    let r = run(open);
    assert_eq!(outcome_of(&r, "balance"), (vec![], 0));
    assert!(r
        .ledger
        .iter()
        .any(|e| e.rule == "balance" && e.outcome == gouji_core::report::Outcome::Unchecked));
    // A fund's own balances in another sentence are not this identity's.
    let scoped = "（一）一般公共预算财政拨款年初结转结余9.00万元，本年收入200.00万元，比上年增加10.00万元。\n";
    assert_eq!(outcome_of(&run(scoped), "balance"), (vec![], 0));
}

#[test]
fn a_self_evaluation_score_above_its_full_marks_is_a_slip() {
    let over = evaluation_report("95.3", "93.00%").replace(
        "总分                          100   95.3",
        "总分                          90   95.3",
    );
    let r = run(&over);
    assert!(outcome_of(&r, "evaluation-table")
        .0
        .contains(&"Error 95.3 ≤ 90".to_string()));
    // Full marks of 100 and a score below: nothing.
    let r = run(&evaluation_report("95.3", "93.00%"));
    assert!(outcome_of(&r, "evaluation-table").0.is_empty());
}

#[test]
fn new_readings_stay_silent_on_ordinary_phrasings() {
    // A department's 基本支出 and, sections later, the fiscal grant's parts: not one identity.
    let scopes = "三、支出决算情况说明\n\n2020年度支出合计1000.00万元，其中：基本支出600.00万元，占60%；项目支出400.00万元，占40%。\n\n\
六、财政拨款支出决算情况说明\n\n（一）财政拨款支出总体情况\n\n2020年度财政拨款支出800.00万元，占本年支出合计的80%。\n\n（二）基本支出情况\n\n\
2020年度财政拨款基本支出500.00万元，主要用于保障机构正常运转。其中：人员经费450.00万元，主要包括基本工资；公用经费50.00万元，主要包括办公费。\n";
    assert!(rules_with(&run(scopes), Severity::Error).is_empty());
    // Quantities that can go below zero, or a rate of a rate.
    for signed in [
        "本年盈余-25.00万元，比上年下降150%。\n",
        "本年收入增幅比上年下降120%。\n",
    ] {
        assert!(
            rules_with(&run(signed), Severity::Error).is_empty(),
            "{signed}"
        );
    }
    // Items with their own numbered sub-items, then another breakdown of the same money.
    let two_breakdowns = "2021年支出预算300.00万元，具体情况如下：\n（一）基本支出200.00万元，其中：\n1.人员经费180.00万元；\n2.公用经费20.00万元。\n\
（二）项目支出100.00万元，主要用于：\n1.道路养护60.00万元；\n2.办公楼维修40.00万元。\n（三）按支出功能分类，一般公共服务支出250.00万元，社会保障和就业支出50.00万元。\n";
    assert!(rules_with(&run(two_breakdowns), Severity::Error).is_empty());
    // Items that state their budget before their outturn: the outturns are the parts.
    let outturns = "五、一般公共预算财政拨款支出决算情况说明\n\n2020年度一般公共预算财政拨款支出500.00万元，占本年支出合计的100%。具体情况如下：\n\
（一）一般公共服务支出（类）财政事务（款）行政运行（项）。年初预算为330.00万元，支出决算为320.00万元，完成年初预算的96.97%。\n\
（二）社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）。年初预算为150.00万元，支出决算为140.00万元，完成年初预算的93.33%。\n\
（三）住房保障支出（类）住房改革支出（款）住房公积金（项）。年初预算为45.00万元，支出决算为40.00万元，完成年初预算的88.89%。\n";
    let r = run(outturns);
    assert!(
        rules_with(&r, Severity::Error).is_empty(),
        "{:?}",
        r.findings
    );
    let r = run(&outturns
        .replace("其中", "x")
        .replace("具体情况如下", "其中"));
    assert!(
        rules_with(&r, Severity::Error).is_empty(),
        "{:?}",
        r.findings
    );
}

#[test]
fn numbered_cells_laid_out_side_by_side_are_no_headings() {
    let form = "一、项目情况\n1.项目概况\n本项目用于设备购置。\n2.项目目标\n年度总体\n\
目标完成 1、2022年6月综合业务楼施工完成                                       1、2022年6月综合业务楼施工完成\n\
 情况  2、2022年6月底实验楼交付                                          2、2022年6月底实验楼交付\n\
     3、2022年9月底项目整体完工                                         3、2022年9月底项目整体完工\n\
3.其他说明\n本项目无其他说明。\n";
    assert!(run(form).findings.iter().all(|f| f.rule != "numbering"));
    // The same number twice on lines of their own is a slip of the numbering.
    let twice = "一、项目情况\n1.项目概况\n本项目用于设备购置。\n2.项目目标\n本项目目标明确。\n2.其他说明\n本项目无其他说明。\n";
    assert!(run(twice).findings.iter().any(|f| f.rule == "numbering"));
}

/// Two standard tables pasted from a spreadsheet: the two-sided 收入支出决算表 and the 支出
/// 决算表 after it, one blank line and the next table's title row between them.
fn pasted_final_tables(grand_total: &str) -> String {
    format!(
        "公开01表\t收入支出决算表\n单位：万元\n收入\t\t支出\t\n项目\t决算数\t项目\t决算数\n\
一、一般公共预算财政拨款收入\t4386.52\t一、社会保障和就业支出\t412.36\n\
二、政府性基金预算财政拨款收入\t120.00\t二、卫生健康支出\t138.75\n\
三、事业收入\t35.80\t三、农林水支出\t4051.06\n\
四、其他收入\t18.26\t\t\n\
本年收入合计\t4560.58\t本年支出合计\t4602.17\n\
使用非财政拨款结余\t0.00\t结余分配\t0.00\n\
年初结转和结余\t215.34\t年末结转和结余\t173.75\n\
总计\t{grand_total}\t总计\t4775.92\n\n\
公开03表\t支出决算表\n单位：万元\n\
科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n\
\t合计\t4602.17\t2942.79\t1659.38\n\
208\t社会保障和就业支出\t412.36\t412.36\t0.00\n\
210\t卫生健康支出\t138.75\t138.75\t0.00\n\
213\t农林水支出\t4051.06\t2391.68\t1659.38\n"
    )
}

#[test]
fn pasted_standard_tables_add_up_over_their_year_totals() {
    // 总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余 on each side; the next table's
    // title row starts a table of its own (its 合计 row is no sum of the rows above it).
    let r = run(&pasted_final_tables("4775.92"));
    assert_eq!(outcome_of(&r, "table").0, Vec::<String>::new());
    let verified = r
        .ledger
        .iter()
        .filter(|l| l.rule == "table" && l.outcome == gouji_core::report::Outcome::Verified)
        .count();
    assert!(verified >= 4, "{:#?}", r.ledger);
    let r = run(&pasted_final_tables("4785.92"));
    assert_eq!(
        outcome_of(&r, "table").0,
        vec!["Error 4785.92 4775.92".to_string()]
    );
}

#[test]
fn a_nil_amount_in_a_list_written_to_the_cent_is_exactly_zero() {
    let sum = |t: &str| outcome_of(&run(t), "sum");
    let t = "本年收入2,901.37万元，其中：一般公共预算拨款收入2,846.30万元；政府性基金预算拨款收入0万元；国有资本经营预算拨款收入0万元；事业收入46.80万元，其他收入8.17万元。";
    assert_eq!(sum(t).0, vec!["Error 2,901.37万元 2901.27万元".to_string()]);
    assert_eq!(sum(&t.replace("2,901.37", "2,901.27")), (vec![], 1));
    // A list of whole 万元: a 0 may be an amount under 0.5万元.
    let t = "本年收入2,902万元，其中：一般公共预算拨款收入2,846万元；政府性基金预算拨款收入0万元；事业收入47万元，其他收入8万元。";
    assert_eq!(sum(t), (vec![], 1));
}

#[test]
fn a_target_bound_is_no_restated_amount() {
    // `1500元以上` is the target the outcome `1680元` meets, not the same amount stated twice.
    let t = "一、绩效目标\n学员人均年增收1500元以上，学员满意度达到90%以上。\n二、完成情况\n经跟踪调查，学员人均年增收1680元，达到年度目标。";
    assert_eq!(outcome_of(&run(t), "restated").0, Vec::<String>::new());
    let t =
        "一、绩效目标\n学员人均年增收1500元。\n二、完成情况\n经跟踪调查，学员人均年增收1680元。";
    assert_eq!(outcome_of(&run(t), "restated").0.len(), 1);
}

#[test]
fn outturn_and_budget_compared_in_other_words() {
    let wording = |t: &str| outcome_of(&run(t), "wording");
    let head = "六、一般公共预算财政拨款支出决算情况\n";
    for phrase in [
        "决算数大于年初预算数的主要原因是",
        "支出决算数超过年初预算，主要原因是",
    ] {
        let t = format!("{head}（一）农业（款）事业运行（项）。年初预算为98.50万元，支出决算为96.84万元，完成年初预算的98.3%。{phrase}增加人员。");
        assert_eq!(wording(&t).0.len(), 1, "{phrase}");
        // The same words where the outturn is above the budget.
        let t = t
            .replace("96.84万元", "99.84万元")
            .replace("98.3%", "101.4%");
        assert_eq!(wording(&t), (vec![], 1), "{phrase}");
    }
    // `决算数与年初预算数持平` at 100%.
    let t = format!("{head}（一）行政运行（项）。年初预算为98.50万元，支出决算为98.50万元，完成年初预算的100%。决算数与年初预算数持平。");
    assert_eq!(wording(&t).0, Vec::<String>::new());
}

#[test]
fn an_outturn_after_its_budget_and_car_costs_stated_apart() {
    let identity = |t: &str| outcome_of(&run(t), "identity");
    // `支出决算为` names the 三公 of the clause before; the car costs are stated only as their
    // two parts.
    let t = "八、“三公”经费财政拨款支出决算情况说明\n2023年度“三公”经费财政拨款支出预算为38.00万元，支出决算为31.46万元，完成预算的82.79%。其中：因公出国（境）费支出决算为0万元；公务用车购置费支出决算为0万元；公务用车运行维护费支出决算为24.18万元；公务接待费支出决算为7.82万元。";
    assert_eq!(identity(t).0, vec!["Error 31.46万元 32.00万元".to_string()]);
    assert_eq!(
        identity(&t.replace("7.82万元", "7.28万元")).0,
        Vec::<String>::new()
    );
}

#[test]
fn running_costs_below_public_costs_with_institutions_under_the_department() {
    let t = "一、部门基本情况\n本部门下属事业单位3个。\n六、一般公共预算财政拨款基本支出决算情况说明\n2023年一般公共预算财政拨款基本支出518.52万元，其中：人员经费418.52万元，日常公用经费100.00万元。\n十、其他重要事项的情况说明\n本部门2023年机关运行经费支出40.95万元。";
    let r = run(t);
    assert!(
        r.findings.iter().all(|f| f.rule != "identity"),
        "{:#?}",
        r.findings
    );
    // Without institutions the two are one quantity.
    let r = run(&t.replace("本部门下属事业单位3个。", "本部门为行政单位。"));
    assert_eq!(outcome_of(&r, "identity").0.len(), 1);
}

/// The error findings of a text, as `rule quote`.
fn errors(t: &str) -> Vec<String> {
    run(t)
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{} {}", f.rule, f.quote))
        .collect()
}

#[test]
fn last_years_values_and_a_second_breakdown_are_no_parts() {
    // Income's breakdown, then spending's after `；…中，`: two lists of one 收支 total.
    let t = "2024年财政拨款收支预算总额20992.37万元。财政拨款收入包括一般公共预算财政拨款18642.37万元和政府性基金预算财政拨款2350.00万元；财政拨款支出中，基本支出7396.57万元，项目支出13595.80万元。";
    assert_eq!(errors(t), Vec::<String>::new());
    // `上年预算数为0万元` inside an item is last year's, not a part.
    let t = "公务用车购置及运维费预算支出22.00万元，比上年预算增加6.80万元。其中：公务用车购置费8.00万元，上年预算数为0万元，主要是更新1辆执法用车；公务用车运行维护费14.00万元，比上年预算减少1.20万元。";
    assert_eq!(errors(t), Vec::<String>::new());
    assert_eq!(errors(&t.replace("14.00万元", "15.00万元")).len(), 1);
    // `上年结转资金预算数0万元` is this year's carry-over, not last year's income.
    let t = "二、收入预算情况\n本局2024年本年收入预算3,150.63万元，上年结转资金预算数0万元。其中：\n一般公共预算收入预算2,890.63万元，比上年增加155.77万元，增长5.70%；";
    assert_eq!(errors(t), Vec::<String>::new());
}

#[test]
fn plain_copies_of_final_accounts_stay_silent_where_they_hold() {
    // Both sides of a total said at once: each side adds up.
    let t = "四、财政拨款收入支出决算总体情况\n2024年度财政拨款收入、支出总计4,571.13万元。其中：年初财政拨款结转和结余86.50万元；本年财政拨款收入4,484.63万元；本年财政拨款支出4,458.71万元；年末财政拨款结转和结余112.42万元。";
    assert_eq!(errors(t), Vec::<String>::new());
    assert_eq!(errors(&t.replace("112.42", "121.42")).len(), 1);
    // The base of a comparison is no current value of the next one.
    let t = "“三公”经费支出11.34万元，比年初预算14.00万元减少2.66万元，与2022年度相比，减少1.71万元，下降13.1%。";
    assert_eq!(errors(t), Vec::<String>::new());
    // A part of last year's total is last year's.
    let t = "2022年度公务接待费0万元。\n2021年度“三公”经费支出6.62万元，其中公务用车运行维护费6.14万元、公务接待费0.48万元。";
    assert_eq!(errors(t), Vec::<String>::new());
    // `栏次 1 2 3` under a header copied one cell per line is no row.
    let t = "公开05表\n一般公共预算财政拨款支出决算表\n金额单位：万元\n项目\n本年支出\n科目编码\n科目名称\n小计\n基本支出\n项目支出\n栏次\n1\n2\n3\n合计\n6,531.96\n5,007.20\n1,524.76\n201\n一般公共服务支出\n3,000.00\n2,500.00\n500.00\n208\n社会保障和就业支出\n3,531.96\n2,507.20\n1,024.76\n";
    assert_eq!(errors(t), Vec::<String>::new());
}

/// Consistent texts a reviewer wrote to break this session's readings (each raised a false
/// error on the way): every one must stay without errors.
#[test]
fn consistent_texts_written_to_break_the_rules_stay_silent() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/consistent");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(errors(&text), Vec::<String>::new(), "{}", path.display());
        seen += 1;
    }
    assert!(seen >= 20, "{seen} texts in {}", dir.display());
}

/// A 决算 of a water bureau: a laid-out 一般公共预算财政拨款支出决算表 and its 项 lines.
/// `row` is the 2130310 水土保持 row's amounts (合计, 基本, 项目); `line` the outturn the text
/// gives for it; `heading` the explanation's section.
fn water_bureau_final_accounts(row: &str, line: &str, heading: &str) -> String {
    let code =
        |code: &str, name: &str, amounts: &[&str]| format!("{code:<10}{}", laid_out(name, amounts));
    let rows = [
        format!(
            "{:<10}{}",
            "",
            laid_out("合计", &["1,906.44", "1,156.44", "750.00"])
        ),
        code("213", "农林水支出", &["1,906.44", "1,156.44", "750.00"]),
        code("21303", "水利", &["1,906.44", "1,156.44", "750.00"]),
        code("2130301", "行政运行", &["1,156.44", "1,156.44", ""]),
        code("2130305", "水利工程建设", &["120.00", "", "120.00"]),
        code("2130310", "水土保持", &row.split(' ').collect::<Vec<_>>()),
    ];
    format!(
        "某县水利局2024年度部门决算\n\n\
表5\n\
                一般公共预算财政拨款支出决算表\n\
                                                                  单位：万元\n\
科目编码  科目名称                        合计        基本支出     项目支出\n\
{}\n\n\
{heading}\n\
1.农林水支出（类）水利（款）行政运行（项）。年初预算为1,100.00万元，支出决算为1,156.44万元，完成年初预算的105.1%。\n\
2.农林水支出（类）水利（款）水利工程建设（项）。年初预算为120.00万元，支出决算为120.00万元，完成年初预算的100.0%。\n\
3.农林水支出（类）水利（款）水土保持（项）。年初预算为600.00万元，支出决算为{line}万元，完成年初预算的{}%。\n",
        rows.join("\n"),
        // The completion rate follows the line's figure, so only item-table can object.
        {
            let v: f64 = line.replace(',', "").parse().unwrap();
            format!("{:.1}", v / 6.0)
        }
    )
}

#[test]
fn an_item_line_agrees_with_its_row_in_the_general_budget_table() {
    let heading = "（五）一般公共预算财政拨款支出决算具体情况";
    let item = |row: &str, line: &str, heading: &str| {
        outcome_of(
            &run(&water_bureau_final_accounts(row, line, heading)),
            "item-table",
        )
    };
    assert_eq!(item("630.00 0.00 630.00", "630.00", heading), (vec![], 3));
    // Two digits swapped in the line: its row says 630.00.
    assert_eq!(
        item("630.00 0.00 630.00", "603.00", heading),
        (vec!["Error 603.00万元 630.00万元".to_string()], 2)
    );
}

#[test]
fn an_item_line_is_no_slip_when_its_row_or_section_leaves_doubt() {
    let item = |text: &str| {
        let r = run(text);
        let unchecked = r
            .ledger
            .iter()
            .filter(|e| e.rule == "item-table" && e.outcome == Outcome::Unchecked)
            .count();
        (outcome_of(&r, "item-table").0, unchecked)
    };
    let fiscal = "（五）一般公共预算财政拨款支出决算具体情况";
    // A section about all funds: the row of the general budget table may not be its figure.
    let all_funds =
        water_bureau_final_accounts("630.00 0.00 630.00", "603.00", "（三）支出决算具体情况");
    assert_eq!(item(&all_funds), (vec![], 1));
    // The row does not add up (合计 ≠ 基本 + 项目): its columns may be misread.
    let misread = water_bureau_final_accounts("630.00 10.00 630.00", "603.00", fiscal);
    assert_eq!(item(&misread), (vec![], 1));
    // No unit in the header.
    let no_unit = water_bureau_final_accounts("630.00 0.00 630.00", "603.00", fiscal)
        .replace("单位：万元", "");
    assert_eq!(item(&no_unit), (vec![], 1));
    // The line names a 款 the table has no row for, though it prints 款 rows: the 项 of that
    // name may be another 款's.
    let other_kuan = water_bureau_final_accounts("630.00 0.00 630.00", "603.00", fiscal)
        .replace("水利（款）水土保持", "农业农村（款）水土保持");
    assert_eq!(item(&other_kuan), (vec![], 1));
    // The figure equals the row's 项目支出 but not its 合计: which column is meant is unclear.
    let other_column = water_bureau_final_accounts("630.00 30.00 600.00", "600.00", fiscal);
    assert_eq!(item(&other_column), (vec![], 1));
    // A definition with a rate in it (`人均90元/月`) states no amount of the 项.
    let definition = water_bureau_final_accounts("630.00 0.00 630.00", "630.00", fiscal).replace(
        "3.农林水支出（类）",
        "水土保持（项）：指按人均90元/月标准发放的补贴。\n3.农林水支出（类）",
    );
    assert_eq!(item(&definition).0, Vec::<String>::new());
}

#[test]
fn an_item_lines_other_figures_are_not_its_amount() {
    let fiscal = "（五）一般公共预算财政拨款支出决算具体情况";
    let consistent = water_bureau_final_accounts("630.00 0.00 630.00", "630.00", fiscal);
    let errors = |text: &str| outcome_of(&run(text), "item-table").0;
    let line = "年初预算为600.00万元，支出决算为630.00万元";
    // Last year's outturn, an addition during the year, a carry-over, a comparison's base, a
    // rate per head before this year's outturn: none is the line's amount.
    for before in [
        "2023年支出决算为560.00万元，2024年支出决算为630.00万元",
        "上年决算数为560.00万元，本年决算数为630.00万元",
        "年初预算为600.00万元，年中追加30.00万元，支出决算为630.00万元",
        "上年结转资金12.00万元，年初预算为600.00万元，支出决算为630.00万元",
        "比上年决算560.00万元增加70.00万元；支出决算为630.00万元",
        "按人均每月1,200元补助，年初预算为600.00万元，支出决算为630.00万元",
        "年初预算为600.00万元（其中：人员经费500.00万元，公用经费100.00万元），支出决算为630.00万元",
    ] {
        let text = consistent.replace(line, before);
        assert_ne!(text, consistent);
        assert_eq!(errors(&text), Vec::<String>::new(), "{before}");
    }
    // A section about the 项's basic or project spending states a part of its row.
    let basic = water_bureau_final_accounts(
        "630.00 0.00 630.00",
        "600.00",
        "六、一般公共预算财政拨款项目支出决算情况说明",
    );
    assert_eq!(errors(&basic), Vec::<String>::new());
    // A 类's own line with text after it sets the 类 of the 项 lines below it.
    let class_line = consistent.replace(
        "3.农林水支出（类）水利（款）水土保持（项）。",
        "公共安全支出（类）支出决算630.00万元，较上年增加20.00万元。\n水土保持（项）。",
    );
    assert_eq!(errors(&class_line), Vec::<String>::new());
}

#[test]
fn an_item_line_is_checked_against_a_table_pasted_with_tabs() {
    // Copied from Word: the table's number and title in two cells, no 款 rows.
    let text = |line: &str| {
        format!(
            "某县农业农村局2024年度部门决算\n\
公开05表\t一般公共预算财政拨款支出决算表\n\
单位：万元\n\
科目编码\t科目名称\t合计\t基本支出\t项目支出\n\
\t合计\t1520.60\t820.60\t700.00\n\
213\t农林水支出\t1520.60\t820.60\t700.00\n\
2130101\t行政运行\t820.60\t820.60\t0.00\n\
2130122\t农业生产发展\t700.00\t0.00\t700.00\n\n\
（五）一般公共预算财政拨款支出决算具体情况\n\
1.农林水支出（类）农业农村（款）行政运行（项）。支出决算为820.60万元。\n\
2.农林水支出（类）农业农村（款）农业生产发展（项）。支出决算为{line}万元。\n"
        )
    };
    assert_eq!(outcome_of(&run(&text("700.00")), "item-table"), (vec![], 2));
    assert_eq!(
        outcome_of(&run(&text("770.00")), "item-table"),
        (vec!["Error 770.00万元 700.00万元".to_string()], 1)
    );
    // The table in 元, the line in 万元.
    let in_yuan = text("700.00")
        .replace("单位：万元", "单位：元")
        .replace("\t1520.60\t820.60\t700.00", "\t15206000\t8206000\t7000000")
        .replace("\t820.60\t820.60\t0.00", "\t8206000\t8206000\t0")
        .replace(
            "\t700.00\t0.00\t700.00",
            "\t7,000,000.00\t0.00\t7,000,000.00",
        );
    assert_eq!(outcome_of(&run(&in_yuan), "item-table"), (vec![], 2));
    let wrong_in_yuan = in_yuan.replace("决算为700.00", "决算为770.00");
    assert_eq!(
        outcome_of(&run(&wrong_in_yuan), "item-table").0,
        ["Error 770.00万元 700.00万元"]
    );
    // `公开05表` alone on a page mark's line is no new table.
    let marked = text("770.00").replace("2130122\t农业生产发展", "公开05表\n2130122\t农业生产发展");
    assert_eq!(outcome_of(&run(&marked), "item-table").0.len(), 1);
}

/// A self-evaluation table laid out by `pdftotext -layout`: its 年度资金总额 row over the
/// rows the template splits it into, empty cells left out, the last column drifting right.
fn funds_split_table(budget_other: &str) -> String {
    format!(
        "\x0c\n               林业有害生物防治项目绩效自评表\n                    （2024 年度）\n\
 项目名称                                       林业有害生物防治\n\
                            年初预算数      全年预算数（A）     全年执行数（B）     分值   执行率（B/A）    得分\n\
             年度资金总额          380.00       412.50           401.20          10       97.26%        9.7\n\
 项目资金\n\
 （万元）        其中：当年财政拨款        300.00         300.00          298.70            —                —\n\
                上年结转资金\n\
              其他资金           80.00      {budget_other}                102.50              —             —\n\
                     预期目标（年初设定）                               实际完成情况\n\
年度总体目标  完成林业有害生物监测防治任务。\n\
                总分                          100   95.3\n"
    )
}

#[test]
fn a_self_evaluation_tables_funds_are_the_sum_of_their_sources() {
    let ok = run(&funds_split_table("112.50"));
    assert_eq!(outcome_of(&ok, "evaluation-table"), (vec![], 4), "{ok:#?}");
    assert_quiet(&funds_split_table("112.50"));
    // The budget's sources: 300.00 + 121.50 = 421.50, not 412.50.
    assert_eq!(
        outcome_of(&run(&funds_split_table("121.50")), "evaluation-table").0,
        ["Error 412.50 421.50"]
    );
    // A part under no column for sure (between two) leaves the split unchecked.
    let between = funds_split_table("112.50").replace(
        "其中：当年财政拨款        300.00         300.00          298.70",
        "其中：当年财政拨款               300.00                  298.70",
    );
    assert_eq!(outcome_of(&run(&between), "evaluation-table").1, 1);
}

#[test]
fn a_funds_sources_own_rate_is_its_spending_over_its_budget() {
    // The sources' rows with a 执行率 of their own, one left at the template's 0.0%.
    let table = |rate: &str| {
        format!(
            "\x0c\n               信访宣传专项项目绩效自评表\n                    （2024 年度）\n\
             年度资金总额：        180.61   180.03     180.03    10.0    100.00%    10\n\n\
    项目资金        其中：财政\n\
                           140.61   140.61     140.61    --        100.0%   --\n\
    （万元）      拨款\n\
                    上\n\
                            40.00    39.42     39.42     --        {rate}   --\n\
              年结转\n\
               其他资金\n\
 年度总体目标  完成信访宣传任务。\n\
                总分                          100   95.3\n"
        )
    };
    let ok = run(&table("100.0%"));
    // The 年度资金总额 row's rate, its three columns' sums, the sources' two rates.
    assert_eq!(outcome_of(&ok, "evaluation-table"), (vec![], 6), "{ok:#?}");
    let left = run(&table("0.0%"));
    let f: Vec<_> = left
        .findings
        .iter()
        .filter(|f| f.rule == "evaluation-table")
        .collect();
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].severity, Severity::Warning);
    let wrong = outcome_of(&run(&table("10.0%")), "evaluation-table").0;
    assert!(
        wrong.len() == 1 && wrong[0].starts_with("Error 10.0% "),
        "{wrong:?}"
    );
}

/// A self-evaluation table laid out whole: funds, indicators with their 分值 and 得分, 总分
/// (lines as `pdftotext -layout` spaces them, so written out with their own line breaks).
fn scored_table(effect_full: &str, total: &str) -> String {
    let table = "\x0c
               农村饮水安全项目绩效自评表
                    （2024 年度）
 项目名称                                       农村饮水安全
                            年初预算数   全年预算数   全年执行数      分值     执行率      得分
     项目资金      年度资金总额     500.00      500.00      460.00         10     92.00%      9.2
     （万元）      其中：当年财政拨款  500.00      500.00      460.00         —     92.00%       —
                  上年结转资金         0           0           0         —          0       —
                  其他资金             0           0           0         —          0       —
                  预期目标（年初设定）                       实际完成情况
年度总体目标  保障农村饮水安全。                     完成。
                二级                          年度      实际                       偏差原因分析及改
       一级指标                  三级指标                            分值    得分
                指标                         指标值     完成值                          进措施
                数量
                             新建水厂          3座       3座       20    20
                指标
                质量
                          水质达标率            100%     98%      20    18
       产出指标     指标
       （50分）    时效
                           完工时间           2024年   2024年      10    10
                指标
               社会效益指                     受益人口
                         受益人口            2万人      2.1万人      @@    15
       效益指标      标
                 可持续影响  运行年限          ≥10年      10年          15    15
       满意度指标 服务对象满
                        群众满意度          ≥90%      95%         10    10
        （10分） 意度指标

                        总分                                   TOTAL
";
    table
        .replace("@@", &format!("{effect_full:>2}"))
        .replace("TOTAL", total)
}

#[test]
fn a_self_evaluation_tables_scores_add_up_to_its_total() {
    // 10 + 20 + 20 + 10 + 15 + 15 + 10 = 100; 9.2 + 20 + 18 + 10 + 15 + 15 + 10 = 97.2.
    let ok = run(&scored_table("15", "100   97.2"));
    let (found, _) = outcome_of(&ok, "evaluation-table");
    assert!(found.is_empty(), "{found:?}");
    assert_quiet(&scored_table("15", "100   97.2"));
    let verified = |r: &Report| {
        r.ledger
            .iter()
            .filter(|e| e.rule == "evaluation-table" && e.detail.contains("与总分"))
            .count()
    };
    assert_eq!(verified(&ok), 2);
    // A row's 分值 written 11 (the 得分 column still adds up): 101 ≠ 100.
    assert_eq!(
        outcome_of(&run(&scored_table("11", "100   97.2")), "evaluation-table").0,
        ["Error 100 96"]
    );
    // Both columns off: the rows may be misread; nothing said.
    let both = run(&scored_table("11", "100   98.2"));
    assert!(outcome_of(&both, "evaluation-table").0.is_empty());
    // A row of a first-level indicator with its own score would be counted twice: unread.
    let grouped = scored_table("15", "100   97.2").replace(
        "       产出指标     指标\n",
        "       产出指标     指标                                    50     48\n",
    );
    assert_eq!(verified(&run(&grouped)), 0);
}

#[test]
fn a_tenth_reviews_consistent_tables_raise_nothing() {
    // A self-evaluation table in 元 against a summary in 万元 (12,345,600.00元 is
    // 1,234.56万元): the table's unit is read, both amounts verified.
    let yuan = "  1.城市道路维护项目绩效自评综述：全年预算数为1234.56万元，执行数为1198.23万元。\n                         城市道路维护项目绩效自评表\n                           年初预算数         全年预算数（A）      全年执行数（B）   分值    执行率（B/A）   得分\n  项目资金（元）  年度资金总额       12000000.00     12345600.00     11982300.00    10       97.06%    9.71\n                其中：财政拨款      12000000.00     12345600.00     11982300.00    —        97.06%    —\n";
    assert_quiet(yuan);
    assert_eq!(outcome_of(&run(yuan), "evaluation-table").1, 7);
    let wrong = yuan.replace("执行数为1198.23万元", "执行数为1198.32万元");
    assert_error(&wrong, "evaluation-table");
    // Decreases in a pasted table (-6.31): figures are read unsigned, so a column with one
    // is not added up (it was, without it: 1.93 + 4.96 = 6.89 > 0.58).
    assert_quiet("单位\t上年\t本年\t增减\n甲单位\t10.00\t3.69\t-6.31\n乙单位\t2.00\t3.93\t1.93\n丙单位\t1.00\t5.96\t4.96\n合计\t13.00\t13.58\t0.58\n");
    // Nor read as empty cells of a column filled on each group's first row.
    assert_quiet("\t\t合计\t会议费\t培训费\t合计\t会议费\t培训费\t合计\t会议费\t培训费\n401002\t监测站\t3.00\t0.00\t3.00\t3.00\t0.00\t3.00\t0.00\t0.00\t0.00\n401004\t信息中心\t2.00\t1.00\t1.00\t1.00\t0.00\t1.00\t-1.00\t-1.00\t0.00\n");
}

#[test]
fn an_eleventh_reviews_consistent_layout_passages_raise_nothing() {
    // A 基本支出 table of two halves side by side: the right half's 310 is no item of the
    // left half's row nesting (302 = 20.00 + 40.00 + 11.25, not + 50.00).
    let halves = "                              一般公共预算财政拨款基本支出决算表\n部门：清河县审计局                                                  金额单位：万元\n                人员经费                                      公用经费\n 科目代码   科目名称                 决算数      科目代码   科目名称                 决算数\n 301     工资福利支出                           335.50      302     商品和服务支出                      71.25\n   30101   基本工资                           100.00      30201   办公费                          20.00\n   30102   津贴补贴                           120.00      30205   水费                           40.00\n   30107   绩效工资                            80.00      30299   其他商品和服务支出                    11.25\n   30199   其他工资福利支出                        35.50      310     资本性支出                        50.00\n 303     对个人和家庭的补助                         70.00      31002   办公设备购置                       50.00\n   30302   退休费                             70.00\n         人员经费合计                           405.50               公用经费合计                     121.25\n";
    assert_quiet(halves);
    // `收入比2025年减少…` after a 其中 list ending with 其他收入: the 收入 is the whole's
    // (4425.16 ÷ (23727.16 + 4425.16) = 15.72%), not 其他收入's.
    for t in ["  （一）收入预算：2026年年初预算数 23727.16 万元，其中：一般公共预算拨款收入 22522.06 万元，其他收入 1205.10 万元。收入比2025年减少 4425.16 万元，下降 15.72%。\n", "  （一）收入预算：2026年年初预算数 23727.16 万元，其中：一般公共预算拨款收入 22522.06 万元，事业收入 1205.10 万元。收入比2025年减少 4425.16 万元，下降 15.72%。\n"] {
        assert_quiet(t);
        assert_eq!(outcome_of(&run(t), "growth").1, 1);
        assert_error(&t.replace("15.72%", "17.52%"), "growth");
    }
}

#[test]
fn a_part_whose_unit_is_on_the_next_page_is_still_a_part() {
    // pdftotext puts the page's number and a form feed between a figure and its unit.
    let t = "  本年收入合计 5208.40 万元，其中：财政拨款收入\n4870.15 万元，占本年收入合计的 93.51%；事业收入\n 126.05 万元，占 2.42%；其他收入 212.20 \n                    12\n\u{c}万元，占 4.07%。\n";
    let r = run(t);
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    assert!(r.stats.verified >= 4, "{:?}", r.stats);
    // The same passage with a wrong total still fails.
    let r = run(&t.replace("5208.40", "5218.40"));
    assert!(
        rules_with(&r, Severity::Error).contains(&"sum"),
        "{:#?}",
        r.findings
    );
}

#[test]
fn a_satisfaction_rate_above_all_of_its_whole_is_impossible() {
    let table = "满意度指标        服务对象满意度              ≥90%\n                  社会公众满意度              180%\n";
    assert_eq!(
        outcome_of(&run(table), "bounded-rate").0,
        ["Error 180% ≤ 100%"]
    );
    let prose = "项目完成后，产品抽检合格率达到100.6%，群众知晓率为98%。\n";
    assert_eq!(
        outcome_of(&run(prose), "bounded-rate").0,
        ["Error 100.6% ≤ 100%"]
    );
    // Rates that may exceed 100%, a change of a rate, all of it, and a ratio column after
    // the value stay silent.
    for silent in [
        "全年预算执行率达到105.2%，病床使用率为112%。\n",
        "群众满意度比上年提高120%。\n",
        "服务对象满意度100.0%，覆盖率100%。\n",
        "服务对象满意度    ≥90%    96%    106.67%\n",
    ] {
        assert_eq!(
            outcome_of(&run(silent), "bounded-rate").0,
            Vec::<String>::new(),
            "{silent}"
        );
    }
}

/// Findings of `rule` at error or warning level, as `outcome_of` writes them.
fn alarms(t: &str, rule: &str) -> Vec<String> {
    outcome_of(&run(t), rule)
        .0
        .into_iter()
        .filter(|f| !f.starts_with("Info"))
        .collect()
}

#[test]
fn an_amount_per_month_or_quarter_makes_a_year_by_its_periods() {
    // 860 × 120 × 12 = 123.84万元; 75 × 2,000 × 4 = 60.00万元.
    let t = "为860名困难群众发放生活补助，每人每月120元，全年共计123.84万元。\n为75名护林员发放补贴，每人每季度2,000元，全年共计60.00万元。\n";
    assert_eq!(alarms(t, "product"), Vec::<String>::new());
    assert_eq!(outcome_of(&run(t), "product").1, 2);
    // The same with a wrong year's total still fails.
    let wrong = t.replace("123.84", "132.84");
    assert_eq!(alarms(&wrong, "product"), ["Error 132.84万元 123.84万元"]);
}

#[test]
fn shares_that_overlap_or_close_their_whole_are_not_added_past_it() {
    for silent in [
        // Degree, title and party of one staff: attributes, not parts.
        "单位在编人员56人，其中：研究生及以上学历占62.5%，高级职称占41.1%，中共党员占73.2%。\n",
        // Two wholes after one another: 64.2 + 35.8 closes the first.
        "2024年度基本支出占58.30%，项目支出占41.70%；基本支出中人员经费占80.15%、公用经费占19.85%。\n",
    ] {
        assert_eq!(alarms(silent, "share-total"), Vec::<String>::new(), "{silent}");
    }
    let t = "本年支出中，基本支出占61.5%，项目支出占44.2%。\n";
    assert_eq!(alarms(t, "share-total"), ["Error 105.7% ≤ 100%"]);
}

#[test]
fn a_sub_units_breakdown_is_not_the_departments() {
    let t = "2024年度基本支出2,460.00万元。\n机关本级基本支出1,530.00万元，其中：人员经费1,310.00万元，公用经费220.00万元。\n";
    assert_eq!(alarms(t, "identity"), Vec::<String>::new());
    let t = "2024年度本部门本年收入合计3,120.00万元，本年支出合计3,050.00万元。\n局本级本年收入合计1,840.00万元，本年支出合计1,790.00万元。\n";
    assert_eq!(alarms(t, "restated"), Vec::<String>::new());
    // A report's own unit written `（本级）` is the department itself: its figures are
    // restated and compared.
    let t = "某某市统计局（本级）预算3,050.00万元，包括人员经费2,410.00万元、公用经费640.00万元。\n（一）人员经费2,410.00万元，主要是工资福利。\n（二）公用经费604.00万元，主要是办公费。\n";
    assert_eq!(
        alarms(t, "restated").len(),
        1,
        "{:?}",
        alarms(t, "restated")
    );
}

#[test]
fn negative_balances_and_negative_rates_are_read_with_their_sign() {
    // −8 − 12 = −20; 20 ÷ 12 = 166.67%: unsigned arithmetic cannot follow it.
    let t = "2024年度经营结余-8.00万元，上年为12.00万元，比上年减少20.00万元，下降166.67%。\n";
    assert_eq!(alarms(t, "growth"), Vec::<String>::new());
    // 增长-4.00% is a fall of 4%: 72 ÷ 1,800 = 4.00%.
    let t = "2024年度本年支出合计1,728.00万元，比上年增长-4.00%，减少72.00万元。\n";
    assert_eq!(alarms(t, "growth"), Vec::<String>::new());
    assert_eq!(outcome_of(&run(t), "growth").1, 1);
}

#[test]
fn a_second_classification_after_a_complete_list_is_not_a_part() {
    let t = "截至年底共有公务用车11辆，其中：执法执勤用车7辆、一般公务用车4辆，新能源汽车6辆。\n";
    assert_eq!(alarms(t, "count"), Vec::<String>::new());
    // Parts that overshoot with no prefix making the total are still an error.
    let t = "截至年底共有公务用车11辆，其中：执法执勤用车8辆、一般公务用车4辆。\n";
    assert_eq!(alarms(t, "count").len(), 1);
}

#[test]
fn a_base_naming_another_item_unbinds_the_current_value() {
    let t = "2025年“三公”经费预算31.60万元，其中公务接待费4.40万元。上年公务接待费预算6.00万元，本年比上年减少1.60万元。\n";
    assert_eq!(alarms(t, "growth"), Vec::<String>::new());
}

#[test]
fn a_column_named_for_a_signed_change_is_no_template_left_open() {
    let t = "单位：万元\n     项目              2024年预算数    2025年预算数    增加（减少）额\n     公务接待费           6.00            4.40            -1.60\n";
    assert_eq!(alarms(t, "template"), Vec::<String>::new());
    let t = "“三公”经费支出比上年增加（减少）1.60万元。\n";
    assert_eq!(alarms(t, "template").len(), 1);
}

#[test]
fn items_joined_by_he_may_each_be_two() {
    let t = "本部门预算包括局机关和所属县水土保持站、县水文站共3个单位的预算。\n";
    assert_eq!(alarms(t, "count"), Vec::<String>::new());
    let t = "本部门预算包括局机关和所属县水土保持站、县水文站共5个单位的预算。\n";
    assert_eq!(alarms(t, "count").len(), 1);
}

#[test]
fn a_cap_two_rates_or_an_average_is_no_exact_amount_each() {
    for silent in [
        // 最高 and 不超过 cap the amount each: 960 × 0.15 = 144 ≥ 118.30.
        "全年资助困难学生960人，每人每年最高资助1,500元，共发放资助金118.30万元。\n",
        "共扶持农民专业合作社36家，每家补助不超过8万元，共计补助250.00万元。\n",
        // Two rates, each of its own count: 80 × 1.2 + 50 × 2.5 = 221.
        "共改造农村危房130户，C级每户补助1.2万元、D级每户补助2.5万元，共计补助资金221.00万元。\n",
    ] {
        assert_eq!(alarms(silent, "product"), Vec::<String>::new(), "{silent}");
    }
    // An average is the total divided and rounded: 423.65万 ÷ 2,841 = 1,491.20.
    let t = "全年救助2,841人，平均每人救助1,491元，共计423.65万元。\n";
    assert_eq!(alarms(t, "product"), Vec::<String>::new());
    assert_eq!(outcome_of(&run(t), "product").1, 1);
}

#[test]
fn a_whole_named_without_an_amount_takes_no_amount_before_it() {
    let t = "收入总计包括本年收入4,210.60万元、年初结转和结余185.40万元；支出总计包括本年支出4,256.80万元、年末结转和结余139.20万元。\n";
    assert_eq!(alarms(t, "sum"), Vec::<String>::new());
}

#[test]
fn quoted_names_with_a_dunhao_inside_are_one_item_each() {
    for silent in [
        "全年开展3项专项行动：“占道经营、流动摊点整治”、“乱贴乱画清理”、“门前五包”。\n",
        "全年出台3项制度：《城市供水、节水管理办法》、《夜景照明管理规定》、《建筑垃圾处置办法》。\n",
        "全年出台3项制度：《城市供水、节水管理办法》《夜景照明管理规定》《建筑垃圾处置办法》。\n",
    ] {
        assert_eq!(alarms(silent, "count"), Vec::<String>::new(), "{silent}");
    }
    let t = "全年出台4项制度：《城市供水、节水管理办法》、《夜景照明管理规定》、《建筑垃圾处置办法》。\n";
    assert_eq!(alarms(t, "count").len(), 1);
}

#[test]
fn a_table_of_categories_beside_their_items_or_rows_outside_any_subtotal() {
    // Categories and their items side by side, the total last: the rows add to twice it.
    let t = "项目\t金额\n货物类\t350.00\n办公设备\t210.00\n办公家具\t140.00\n服务类\t150.00\n物业服务\t90.00\n印刷服务\t60.00\n合计\t500.00\n";
    assert_eq!(alarms(t, "table"), Vec::<String>::new());
    // A row standing between two groups belongs to neither 小计, but to the 合计.
    let t = "项目\t金额\n办公设备\t210.00\n办公家具\t140.00\n小计\t350.00\n校舍维修工程\t420.00\n物业服务\t90.00\n印刷服务\t60.00\n小计\t150.00\n合计\t920.00\n";
    assert_eq!(alarms(t, "table"), Vec::<String>::new());
    assert_eq!(outcome_of(&run(t), "table").1, 3);
    // A wrong 小计 is still wrong.
    let wrong = t.replace("小计\t150.00", "小计\t160.00");
    assert!(!alarms(&wrong, "table").is_empty());
}

#[test]
fn an_older_year_beside_last_years_comparison_or_a_flat_budget_is_meant() {
    let t = "2024年度“三公”经费支出21.60万元，比上年减少2.40万元，下降10.00%；与2021年相比减少8.40万元，下降28.00%，实现连续三年下降。\n";
    assert_eq!(alarms(t, "comparison-year"), Vec::<String>::new());
    let t = "2024年度“三公”经费支出21.60万元，与2021年相比减少8.40万元，下降28.00%。\n";
    assert_eq!(alarms(t, "comparison-year").len(), 1);
    let t = "2026年“三公”经费预算数为21.60万元，与2025年预算数持平。\n2025年“三公”经费预算数为21.60万元。\n";
    assert_eq!(alarms(t, "year-attribution"), Vec::<String>::new());
}

#[test]
fn a_sub_amount_or_a_bracketed_budget_is_not_what_the_rate_divides() {
    // 684 ÷ 720 = 95.00%, not 588 ÷ 720; 756 ÷ 840 = 90.00%, not 756 ÷ 600.
    for silent in [
        "全年预算数720.00万元，全年执行数684.00万元，其中财政拨款执行588.00万元，预算执行率95.00%。\n",
        "全年预算数840.00万元（年初预算600.00万元），全年执行数756.00万元，执行率90.00%。\n",
    ] {
        assert_eq!(alarms(silent, "completion"), Vec::<String>::new(), "{silent}");
    }
    let t = "全年预算数840.00万元（年初预算600.00万元），全年执行数756.00万元，执行率92.00%。\n";
    assert_eq!(alarms(t, "completion").len(), 1);
}

#[test]
fn a_parts_own_breakdown_or_budget_and_outturn_pair_is_no_more_parts() {
    for silent in [
        "本年收入合计1,500.00万元，其中：财政拨款收入1,260.00万元，含一般公共预算财政拨款1,110.00万元、政府性基金预算财政拨款150.00万元；事业收入240.00万元。\n",
        "本年收入合计2,400.00万元，其中财政拨款收入2,160.00万元，占90.00%，财政拨款收入中一般公共预算财政拨款1,944.00万元，占90.00%。\n",
        "部门整体支出预算5,000.00万元，执行4,600.00万元，执行率92.00%；其中项目支出预算3,500.00万元，执行3,220.00万元，执行率92.00%。\n",
    ] {
        let r = run(silent);
        let errors: Vec<_> = r.findings.iter().filter(|f| f.severity == Severity::Error).collect();
        assert!(errors.is_empty(), "{silent}{errors:#?}");
    }
    // The nested parts are not added to the outer total, nor (含 being no marker of its
    // own) judged against their part: 1,110 + 160 ≠ 1,260 stays unread.
    let t = "本年收入合计1,500.00万元，其中：财政拨款收入1,260.00万元，含一般公共预算财政拨款1,110.00万元、政府性基金预算财政拨款160.00万元；事业收入240.00万元。\n";
    assert!(alarms(t, "sum").is_empty());
}

#[test]
fn a_quoted_column_name_is_no_template_left_open() {
    let t = "注：本表“增加/减少”栏反映本年数与上年数的差额，正数为增加、负数为减少。\n";
    assert_eq!(alarms(t, "template"), Vec::<String>::new());
}

#[test]
fn counts_in_tens_of_thousands_are_checked_in_their_own_unit() {
    // 2.16 ÷ (31.40 − 2.16) = 7.39%; 0.85 ÷ (12.60 + 0.85) = 6.32%.
    let t = "2024年接诊门诊患者31.40万人次，比上年增加2.16万人次，增长7.39%。\n全年完成健康体检12.60万人，较上年减少0.85万人，下降6.32%。\n";
    assert_eq!(alarms(t, "growth"), Vec::<String>::new());
    assert_eq!(outcome_of(&run(t), "growth").1, 2);
    let wrong = t.replace("增长7.39%", "增长8.39%");
    assert_eq!(alarms(&wrong, "growth"), ["Error 8.39% 7.37%–7.41%"]);
    // A count in 万 times an amount each: 32.5万亩 × 112元 = 3,640.00万元.
    let product = "全市享受补贴耕地面积32.5万亩，每亩补贴112元，共计3,640.00万元。\n";
    assert_eq!(alarms(product, "product"), Vec::<String>::new());
    assert_eq!(outcome_of(&run(product), "product").1, 1);
    // 万人 and 人 are not one unit: no sum of 1.2万人 and 300人.
    let mixed = "培训总人数1.23万人，其中：线上培训1.2万人，线下培训300人。\n";
    assert_eq!(alarms(mixed, "sum"), Vec::<String>::new());
}

#[test]
fn a_change_in_points_is_the_difference_of_its_two_rates() {
    let t = "全镇生活垃圾无害化处理率由2021年的81.6%提高到2024年的93.2%，提高11.6个百分点。\n\
教育支出占68.35%，较上年的70.10%下降1.75个百分点。\n\
信访事项按期办结率从97.0%降至95.5%，下降了1.5个百分点。\n";
    assert_eq!(alarms(t, "point-change"), Vec::<String>::new());
    assert_eq!(outcome_of(&run(t), "point-change").1, 3);
    // A ratio instead of a difference, and the wrong direction.
    let ratio = t.replace("提高11.6个百分点", "提高14.2个百分点");
    assert_eq!(
        alarms(&ratio, "point-change"),
        ["Error 14.2个百分点 提高11.6个百分点"]
    );
    let flipped = t.replace("下降1.75个百分点", "提高1.75个百分点");
    assert_eq!(
        alarms(&flipped, "point-change"),
        ["Error 1.75个百分点 下降1.75个百分点"]
    );
    // Without the earlier rate, or with two changes, nothing is read.
    for silent in [
        "教育支出占68.35%，比上年提高1.2个百分点。\n",
        "两项指标分别为68.35%和70.10%，分别提高1.2个百分点和0.4个百分点。\n",
        "经济增速高于全市经济增幅两个百分点。\n",
    ] {
        assert_eq!(
            alarms(silent, "point-change"),
            Vec::<String>::new(),
            "{silent}"
        );
        assert_eq!(outcome_of(&run(silent), "point-change").1, 0, "{silent}");
    }
}

#[test]
fn a_completion_rate_after_several_sub_amounts_is_not_the_last_ones() {
    // 341.76 ÷ 356.00 = 96.00%; the parts 288.00 + 53.76 are of the 341.76.
    let t = "全年预算数356.00万元，全年执行数341.76万元，其中财政拨款执行288.00万元，其他资金执行53.76万元，预算执行率96.00%。\n";
    assert_eq!(alarms(t, "completion"), Vec::<String>::new());
    // Without the parts the rate is checked, and a wrong one fails.
    let plain = "全年预算数356.00万元，全年执行数341.76万元，预算执行率97.00%。\n";
    assert_eq!(alarms(plain, "completion"), ["Error 97.00% 96.00%"]);
}

#[test]
fn review_15_a_list_after_a_semicolon_naming_its_own_whole_takes_no_earlier_total() {
    let t = "收入包括：一般公共预算拨款收入3,108.20万元、事业收入61.80万元；支出包括：一般公共服务支出2,870.00万元、卫生健康支出300.00万元。\n";
    assert_eq!(alarms(t, "sum"), Vec::<String>::new());
    // A total stated before its list still binds across the semicolon.
    let total =
        "本年支出合计3,170.00万元；其中：一般公共服务支出2,870.00万元、卫生健康支出310.00万元。\n";
    assert_eq!(alarms(total, "sum"), ["Error 3,170.00万元 3180.00万元"]);
}

#[test]
fn review_15_an_amount_a_total_says_it_includes_is_one_more_part() {
    // 4,105.60 + 1,980.35 + 226.05 = 6,312.00.
    let t = "2024年度支出总计6,312.00万元（含年末结转和结余226.05万元），其中：基本支出4,105.60万元，项目支出1,980.35万元。\n";
    assert_eq!(alarms(t, "sum"), Vec::<String>::new());
    assert_eq!(outcome_of(&run(t), "sum").1, 1);
    let wrong = t.replace("1,980.35", "1,908.35");
    assert_eq!(alarms(&wrong, "sum"), ["Error 6,312.00万元 6013.95万元"]);
}

#[test]
fn review_15_both_directions_in_a_table_header_name_a_column() {
    let header = "项目\t2024年预算数\t2025年预算数\t比上年增加/减少\n合计\t22.60\t19.80\t-2.80\n公务接待费\t22.60\t19.80\t-2.80\n";
    assert_eq!(alarms(header, "template"), Vec::<String>::new());
    let note = "表中增减额栏填列方法：增加/减少分别以正数、负数列示。\n";
    assert_eq!(alarms(note, "template"), Vec::<String>::new());
    // In a sentence, or in a table row with amounts, the choice is still left open.
    let left = "公务接待费\t12.00\t比上年增加/减少0万元\t0\n";
    assert_eq!(alarms(left, "template").len(), 1);
}

#[test]
fn review_15_a_colon_head_frames_the_items_after_it() {
    // Two years, and budget against outturn, each stated under a head with a colon.
    let years = "2024年科技专项资金支出：企业研发补助126.00万元，成果转化奖励64.00万元。\n2023年科技专项资金支出：企业研发补助118.00万元，成果转化奖励57.00万元。\n";
    assert_eq!(alarms(years, "restated"), Vec::<String>::new());
    let stages = "年初预算：节能环保支出1,260.00万元。决算：节能环保支出1,318.44万元。\n";
    assert_eq!(alarms(stages, "restated"), Vec::<String>::new());
    // The same head twice still compares.
    let same = "2024年科技专项资金支出：成果转化奖励64.00万元。\n另据统计，2024年科技专项资金支出：成果转化奖励46.00万元。\n";
    assert_eq!(alarms(same, "restated").len(), 1);
}

#[test]
fn review_15_a_part_of_a_total_naming_its_funds_is_of_those_funds() {
    let t = "2025年部门预算支出总额12,640.00万元，按支出经济性质分类，基本支出5,218.30万元，项目支出7,421.70万元。\n2025年一般公共预算当年拨款11,206.00万元，其中：\n1.基本支出4,980.30万元。\n2.项目支出6,225.70万元。\n";
    assert_eq!(alarms(t, "restated"), Vec::<String>::new());
    // A part whose own words name its funds compares with the same funds elsewhere.
    let own = "财政拨款支出2,775.12万元，其中一般公共预算财政拨款支出2,655.12万元，政府性基金预算财政拨款支出120.00万元。\n九、政府性基金预算财政拨款支出情况\n2024年度政府性基金预算财政拨款支出102.00万元。\n";
    assert_eq!(alarms(own, "restated").len(), 1);
}

#[test]
fn outturn_against_budget_words_without_a_rate_follow_the_two_amounts() {
    let t = "（二）其他支出（项）。年初预算0万元，支出决算38万元，决算数大于年初预算数的主要原因是新增应急项目。\n\
（三）行政运行（项）。年初预算245.00万元，支出决算245.00万元，决算数与预算数持平。\n\
2021年实施一期工程，实际支出2,118.40万元；2022年下达资金2,600.00万元，实际支出2,412.75万元，决算数小于预算数，主要是部分工程未完成结算。\n";
    assert_eq!(alarms(t, "wording"), Vec::<String>::new());
    assert_eq!(outcome_of(&run(t), "wording").1, 3);
    let wrong = t.replace("决算数小于预算数", "决算数大于预算数");
    assert_eq!(
        alarms(&wrong, "wording"),
        ["Error 决算数大于预算数 决算数小于预算数"]
    );
    // A third amount, a 其中, or another budget than the words name: not read.
    for silent in [
        "年初预算120.00万元，调整预算150.00万元，支出决算138.00万元，决算数大于年初预算数。\n",
        "年初预算120.00万元，支出决算98.00万元，其中基本支出决算大于预算数。\n",
        "调整预算150.00万元，支出决算138.00万元，决算数大于年初预算数。\n",
    ] {
        assert_eq!(alarms(silent, "wording"), Vec::<String>::new(), "{silent}");
        assert_eq!(outcome_of(&run(silent), "wording").1, 0, "{silent}");
    }
}

#[test]
fn review_16_a_percent_column_of_a_table_is_no_amount() {
    let t = "单位：万元\n科目编码\t科目名称\t调整预算\t决算数\t支出进度(%)\n201\t一般公共服务支出\t1,420.00\t1,391.60\t98.00\n208\t社会保障和就业支出\t260.00\t260.00\t100.00\n221\t住房保障支出\t120.00\t112.80\t94.00\n合计\t\t1,800.00\t1,764.40\t98.02\n";
    assert_eq!(alarms(t, "table"), Vec::<String>::new());
    // The amount columns are still summed.
    let wrong = t.replace("合计\t\t1,800.00", "合计\t\t1,810.00");
    assert_eq!(alarms(&wrong, "table").len(), 1);
}

#[test]
fn review_16_one_verb_over_two_changes_said_respectively() {
    // 3.6 ÷ (42.8 − 3.6) = 9.18%; 0.16 ÷ (3.2 − 0.16) = 5.26%.
    let t = "门诊量42.8万人次、住院量3.2万人次，分别比上年增加3.6万人次和0.16万人次，分别增长9.18%和5.26%。\n";
    assert_eq!(alarms(t, "growth"), Vec::<String>::new());
    assert_eq!(outcome_of(&run(t), "growth").1, 2);
    let wrong = t.replace("5.26%", "6.26%");
    assert_eq!(alarms(&wrong, "growth"), ["Error 6.26% 5.01%–5.53%"]);
}

#[test]
fn review_16_a_ceiling_target_met_is_complete() {
    let t = "成本指标“人均救助成本”目标值≤500元，实际480元，完成率100%。\n成本指标“单位运维成本”控制在1,200元以内，实际1,150元，完成率100%。\n";
    assert_eq!(alarms(t, "completion"), Vec::<String>::new());
    // A floor target is still divided.
    let floor = "数量指标“培训人次”目标值≥500人次，实际480人次，完成率100%。\n";
    assert_eq!(alarms(floor, "completion").len(), 1);
}

#[test]
fn review_16_parts_said_to_overlap_or_a_second_breakdown_after_a_semicolon() {
    let overlap =
        "全年培训3.2万人次，其中：农民工2.1万人次、脱贫劳动力1.5万人次（两类人员有重叠）。\n";
    assert_eq!(alarms(overlap, "count"), Vec::<String>::new());
    let second = "授予中小企业合同金额1,058.6万元，其中授予小微企业合同金额826.4万元；货物采购授予中小企业合同金额301.2万元，工程采购授予中小企业合同金额590.3万元，服务采购授予中小企业合同金额167.1万元。\n";
    assert_eq!(alarms(second, "sum"), Vec::<String>::new());
    assert_eq!(outcome_of(&run(second), "sum").1, 1);
    let by = "全年受益群众11.6万人，其中：脱贫人口3.2万人；按区域分，山区乡镇7.4万人、平原乡镇4.2万人。\n";
    assert_eq!(alarms(by, "count"), Vec::<String>::new());
    // A second breakdown that does not make the whole still fails.
    let wrong = second.replace("167.1", "176.1");
    assert_eq!(alarms(&wrong, "sum").len(), 1);
}

#[test]
fn review_16_shares_of_attributes_of_two_measures_or_two_breakdowns() {
    for t in [
        "受访群众中，认为服务态度好的占95.2%，认为办事效率高的占92.1%。\n",
        "本年支出中，财政拨款支出占97.18%，基本支出占57.19%，项目支出占42.81%。\n",
        "在全部项目中，产业类项目数量占60.47%，资金占62.00%。\n",
    ] {
        assert_eq!(alarms(t, "share-total"), Vec::<String>::new(), "{t}");
    }
    let wrong = "本年支出中，基本支出占60.5%，项目支出占45.2%。\n";
    assert_eq!(alarms(wrong, "share-total").len(), 1);
}

#[test]
fn review_16_a_budget_compares_with_the_final_accounts_two_years_before() {
    let t =
        "2024年部门预算\n2024年收入预算6,820.5万元，比2022年决算数增加625.3万元，增长10.09%。\n";
    assert_eq!(alarms(t, "comparison-year"), Vec::<String>::new());
    let old =
        "2024年部门预算\n2024年收入预算6,820.5万元，比2021年决算数增加625.3万元，增长10.09%。\n";
    assert_eq!(alarms(old, "comparison-year").len(), 1);
}

#[test]
fn review_16_colon_headed_stages_of_an_item_line() {
    let t = "2023年度部门决算\n城乡社区支出（类）3,052.6万元。\n1.城乡社区支出（类）城乡社区管理事务（款）行政运行（项）：年初预算：620万元；决算：612.4万元。\n2.城乡社区支出（类）城乡社区管理事务（款）城管执法（项）：年初预算：850万元；决算：886.2万元。\n3.城乡社区支出（类）城乡社区环境卫生（款）城乡社区环境卫生（项）：年初预算：1,600万元；决算：1,554万元。\n";
    assert_eq!(alarms(t, "classified"), Vec::<String>::new());
    let wrong = t.replace("决算：1,554万元", "决算：1,563万元");
    assert_eq!(alarms(&wrong, "classified").len(), 1);
}

#[test]
fn review_16_a_score_column_before_the_full_marks() {
    let t = "项目绩效自评表\n指标\t得分\t分值\n培训人次\t10\t10\n合格率\t9\t10\n总分\t19\t20\n";
    assert_eq!(alarms(t, "evaluation-table"), Vec::<String>::new());
    let over = "项目绩效自评表\n指标\t得分\t分值\n培训人次\t10\t10\n合格率\t11\t10\n总分\t21\t20\n";
    assert!(!alarms(over, "evaluation-table").is_empty() || !alarms(over, "table").is_empty());
}

#[test]
fn a_classification_of_the_whole_lists_all_of_it() {
    let t = "本部门2025年支出预算8,640.00万元，比上年减少120.00万元。\n1.按支出功能分类，包括一般公共服务支出5,210.00万元、社会保障和就业支出1,430.00万元、卫生健康支出2,000.00万元。\n2.按支出经济分类，包括人员支出3,100.00万元、日常公用支出1,540.00万元、项目支出4,000.00万元。\n";
    assert_eq!(alarms(t, "sum"), Vec::<String>::new());
    assert_eq!(outcome_of(&run(t), "sum").1, 2);
    // One class left out is an error, not a list that may be partial.
    let short = t.replace("、卫生健康支出2,000.00万元", "");
    assert_eq!(alarms(&short, "sum"), ["Error 8,640.00万元 6640.00万元"]);
}

#[test]
fn review_17_an_inner_list_of_income_ends_before_the_spending_after_its_semicolon() {
    let t = "其中：本年财政拨款收入4,636.44万元，包括一般公共预算财政拨款收入4,636.44万元；本年财政拨款支出4,630.61万元。\n";
    assert_eq!(alarms(t, "sum"), Vec::<String>::new());
}

#[test]
fn review_17_what_a_part_is_mainly_made_of_is_its_own_breakdown() {
    let t = "一般公共预算财政拨款基本支出500.00万元。其中：人员经费400.00万元，占80.00%，主要是基本工资150.00万元、绩效工资120.00万元等；公用经费100.00万元，占20.00%。\n";
    assert_eq!(alarms(t, "sum"), Vec::<String>::new());
    assert!(outcome_of(&run(t), "sum").1 >= 1);
}

/// A whole final-accounts report (the completeness rule reads only those: ten sections and
/// 3,000 characters or more of prose), its 三公 section stating `three_publics`.
fn whole_final_accounts(three_publics: &str) -> String {
    let filler =
        "本部门认真贯彻落实各项决策部署，严格执行预算，加强财务管理，提高资金使用效益。".repeat(8);
    let titles = [
        "一、部门职能",
        "二、机构设置",
        "三、收入支出决算总体情况说明",
        "四、收入决算情况说明",
        "五、支出决算情况说明",
        "六、财政拨款收入支出决算总体情况说明",
        "七、“三公”经费财政拨款支出决算情况说明",
        "八、政府采购支出情况",
        "九、国有资产占用情况",
        "十、预算绩效管理情况",
    ];
    let mut report = String::from("某市统计局2023年度部门决算\n");
    for title in titles {
        report.push_str(&format!("{title}\n{filler}\n"));
        if title.contains("三公") {
            report.push_str(three_publics);
            report.push('\n');
        }
    }
    report
}

#[test]
fn review_17_none_bought_states_the_purchase_count() {
    let report = whole_final_accounts("2023年度“三公”经费财政拨款支出决算12.91万元。因公出国（境）团组1个，累计5人次。公务用车购置费0.00万元，未购置公务用车；公务用车运行维护费3.28万元，公务用车保有量为3辆。公务接待27批次、135人次。");
    let bought = |t: &str| alarms(t, "required").iter().any(|f| f.contains("购置"));
    assert!(!bought(&report));
    // (The report is whole: without the words, the count is missing.)
    assert!(bought(&report.replace("，未购置公务用车", "")));
    // A car bought, named by its kind (review 23).
    assert!(!bought(&report.replace(
        "公务用车购置费0.00万元，未购置公务用车",
        "公务用车购置费22.60万元，购置特种专业技术用车1辆"
    )));
}

#[test]
fn review_17_a_fiscal_summary_row_of_mixed_funds_is_not_the_general_budget() {
    let t = "                              财政拨款收入支出决算总表\n                                                                        单位：万元\n            收入                                          支出\n            项目              行次    金额      项目               行次    合计     一般公共预算财政拨款  政府性基金预算财政拨款\n一、一般公共预算财政拨款         1    300.00   一、社会保障和就业支出   5     100.00    100.00             0.00\n二、政府性基金预算财政拨款       2     50.00   二、交通运输支出         6     250.00    200.00            50.00\n本年收入合计                     9    350.00   本年支出合计            13     350.00    300.00            50.00\n\n                         一般公共预算财政拨款支出决算表\n                                                            单位：万元\n科目编码   科目名称                      合计      基本支出    项目支出\n           合计                        300.00      180.00      120.00\n208        社会保障和就业支出          100.00      100.00        0.00\n214        交通运输支出                200.00       80.00      120.00\n";
    assert_eq!(alarms(t, "cross-table"), Vec::<String>::new());
}

#[test]
fn review_17_a_heading_run_into_the_intro_names_the_budget_last() {
    let t = "（三）一般公共预算财政拨款支出决算具体情况\n2023年度一般公共预算财政拨款支出年初预算为300.00万元，支出决算为310.00万元，完成年初预算的103.33%。其中：\n1.一般公共服务支出（类）统计信息事务（款）行政运行（项）。年初预算为200.00万元，支出决算为190.00万元，完成年初预算的95.00%。\n2.一般公共服务支出（类）统计信息事务（款）专项普查活动（项）。年初预算为100.00万元，支出决算为120.00万元，完成年初预算的120.00%。\n";
    let joined = t.replace("具体情况\n", "具体情况");
    for text in [t.to_string(), joined] {
        assert_eq!(alarms(&text, "classified"), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn review_17_rate_columns_of_laid_out_tables_add_up_to_nothing() {
    let coded = "                                  一般公共预算财政拨款支出决算明细表\n科目编码       科目名称                          年初预算数      决算数       完成率（%）    上年决算数      增减额\n21103        污染防治                             1936.02       1936.02        100.00       1721.55        214.47\n2110301        大气                                876.05        876.05        100.00        822.00         54.05\n2110302        水体                               1059.97       1059.97        100.00        899.55        160.42\n";
    assert_eq!(alarms(coded, "table"), Vec::<String>::new());
    assert!(outcome_of(&run(coded), "table").1 >= 3);
}

#[test]
fn review_17_a_table_aligned_by_display_width_is_read_by_it() {
    // Typed to look aligned: a CJK character takes two places, so a long name shifts its
    // row's characters but not its columns on screen.
    let row = |name: &str, cells: &[&str]| {
        let w: usize = name
            .chars()
            .map(|c| if (c as u32) >= 0x1100 { 2 } else { 1 })
            .sum();
        let mut line = format!("{name}{}", " ".repeat(44 - w));
        for c in cells {
            line.push_str(&format!("{c:>12}"));
        }
        line + "\n"
    };
    let t = [
        row("项目", &["决算数", "上年决算数", "增减额"]),
        row("合计", &["981.22", "874.04", "107.18"]),
        row("行政运行", &["300.00", "280.00", "20.00"]),
        row(
            "机关事业单位基本养老保险缴费支出",
            &["81.22", "74.04", "7.18"],
        ),
        row("事业运行", &["400.00", "330.00", "70.00"]),
        row("其他支出", &["200.00", "190.00", "10.00"]),
    ]
    .concat();
    assert_eq!(alarms(&t, "table-identity"), Vec::<String>::new());
    assert!(outcome_of(&run(&t), "table-identity").1 >= 4, "{t}");
}

#[test]
fn review_18_a_total_named_by_its_core_is_not_a_sibling_part() {
    // 流动资产 and 固定资产 both narrow 资产: the whole of `占资产总额的` is 资产总额 itself.
    let t = "资产总额16,083.00万元，其中：流动资产3,856.21万元，固定资产12,226.79万元，占资产总额的76.02%。\n\
支出总额1,000.00万元，其中：基本支出400.00万元，项目支出600.00万元，占支出总额的60.00%。\n";
    assert_eq!(alarms(t, "share"), Vec::<String>::new());
    assert_eq!(outcome_of(&run(t), "share").1, 2);
    // Against the whole, a wrong share still fails.
    let wrong = t.replace("60.00%", "66.00%");
    assert_eq!(alarms(&wrong, "share"), ["Error 66.00% 60.00%"]);
}

#[test]
fn review_18_an_amount_for_each_of_a_count_with_parts_or_over_years() {
    // Which count the amount each is for (the total or one of its parts) is not said.
    let parts =
        "特别扶助对象180人，其中伤残家庭112人、死亡家庭68人，每人每年7,080元，共计127.44万元。\n";
    assert_eq!(alarms(parts, "product"), Vec::<String>::new());
    // `两年共计`: 215 × 960 × 2 = 41.28万元; written 20.64 it fails.
    let years = "对符合条件的215人，每人每年960元，两年共计41.28万元。\n";
    assert_eq!(alarms(years, "product"), Vec::<String>::new());
    assert_eq!(outcome_of(&run(years), "product").1, 1);
    assert_eq!(alarms(&years.replace("41.28", "20.64"), "product").len(), 1);
}

#[test]
fn review_18_overlapping_groups_and_an_amount_each_are_no_breakdowns() {
    let groups = "全年培训农民1,260人，其中女性学员486人、脱贫户学员322人。\n\
全县156个行政村，其中脱贫村48个、重点帮扶村12个。\n";
    assert_eq!(alarms(groups, "count"), Vec::<String>::new());
    assert_eq!(alarms(groups, "sum"), Vec::<String>::new());
    let each = "补助11户，每户50万元，其中3户因未通过验收暂缓拨付，实际拨付400万元。\n";
    assert_eq!(alarms(each, "sum"), Vec::<String>::new());
}

#[test]
fn review_18_a_rate_capped_by_the_texts_own_rule() {
    let t = "全年培训目标600人次，实际完成642人次，完成率100%（超额完成按100%计）。\n";
    assert_eq!(alarms(t, "completion"), Vec::<String>::new());
    // Without the rule, 642 / 600 = 107.0%.
    let plain = "全年培训目标600人次，实际完成642人次，完成率100%。\n";
    assert_eq!(alarms(plain, "completion").len(), 1);
}

#[test]
fn review_19_a_budget_column_before_the_outturn_is_not_the_total() {
    let t = "一般公共预算财政拨款支出决算表\n单位：万元\n科目编码\t科目名称\t年初预算数\t决算数合计\t基本支出\t项目支出\n\
\t合计\t600.00\t650.00\t500.00\t150.00\n208\t社会保障和就业支出\t100.00\t90.00\t90.00\t\n\
213\t农林水支出\t500.00\t560.00\t410.00\t150.00\n\n\
2023年度一般公共预算财政拨款支出650.00万元，主要用于以下方面：社会保障和就业（类）支出90.00万元，占13.85%；农林水（类）支出560.00万元，占86.15%。\n";
    assert_eq!(alarms(t, "table-text"), Vec::<String>::new());
    assert_eq!(alarms(t, "cross-table"), Vec::<String>::new());
}

#[test]
fn review_19_column_numbers_of_a_pasted_table_are_no_row() {
    let t = "一般公共预算财政拨款支出决算表\n单位：万元\n科目编码\t科目名称\t小计\t基本支出\t项目支出\n\t栏次\t1\t2\t3\n\
\t合计\t300.00\t200.00\t100.00\n208\t社会保障和就业支出\t100.00\t100.00\t\n20805\t行政事业单位养老支出\t100.00\t100.00\t\n\
213\t农林水支出\t200.00\t100.00\t100.00\n21301\t农业农村\t200.00\t100.00\t100.00\n";
    assert_eq!(alarms(t, "table-identity"), Vec::<String>::new());
}

#[test]
fn review_19_a_whole_of_another_years_sentence_and_names_said_respectively() {
    // 当年支出合计1015.75 is 2022's: the 本年支出合计 of 2023 is 1146.30.
    let years = "2023年度本年支出合计1146.30万元，基本支出和项目支出分别为748.81万元和397.49万元，分别占本年支出合计的65.32%和34.68%。\n\
2022年度基本支出699.16万元，占当年支出合计1015.75万元的68.83%。\n\
2023年度一般公共预算财政拨款支出1146.30万元，占本年支出合计的100.00%。\n";
    assert_eq!(alarms(years, "share"), Vec::<String>::new());
    // `A、B、C分别为x、y、z`: the first amount is A's, not C's.
    let respective = "2023年度“三公”经费财政拨款支出决算为19.24万元。\n\
其中：因公出国（境）费、公务用车购置及运行维护费、公务接待费分别为0.00万元、16.99万元、2.25万元。\n\
2023年度“三公”经费财政拨款支出决算中，公务接待费支出决算2.25万元，占11.69%。\n";
    assert_eq!(alarms(respective, "identity"), Vec::<String>::new());
    assert_eq!(alarms(respective, "restated"), Vec::<String>::new());
}

#[test]
fn review_19_a_table_copied_one_cell_per_line_runs_over_a_page_header() {
    let t = "第三部分 情况说明\n一、收入支出决算总体情况说明\n收入支出决算总表\n单位：万元\n收入项目\n决算数\n支出项目\n决算数\n\
一、一般公共预算财政拨款收入\n500.00\n一、一般公共服务支出\n500.00\n二、政府性基金预算财政拨款收入\n二、外交支出\n\
4\n某县市场监督管理局2023年度部门决算\n收入项目\n决算数\n支出项目\n决算数\n三、国防支出\n四、公共安全支出\n\
本年收入合计\n500.00\n本年支出合计\n500.00\n二、收入决算情况说明\n本年收入合计500.00万元。\n";
    assert_eq!(alarms(t, "numbering"), Vec::<String>::new());
    // A heading repeated in the prose is still found.
    let repeated = format!("{t}二、支出决算情况说明\n本年支出合计500.00万元。\n");
    assert_eq!(alarms(&repeated, "numbering").len(), 1);
}

#[test]
fn review_19_no_car_held_states_the_holding() {
    let report = |cars: &str| {
        whole_final_accounts(&format!("2023年度“三公”经费财政拨款支出决算1.53万元。因公出国（境）团组0个，0人次。公务用车购置费0万元，未购置公务用车；公务用车运行维护费0万元。{cars}公务接待12批次、60人次。"))
    };
    let held = |t: &str| alarms(t, "required").iter().any(|f| f.contains("保有"));
    assert!(!held(&report("本单位无公务用车。")));
    assert!(held(&report("")));
    // No trips abroad: no groups to count (review 21).
    let groups = |t: &str| alarms(t, "required").iter().any(|f| f.contains("团组"));
    let trips = report("本单位无公务用车。");
    assert!(!groups(&trips.replace(
        "因公出国（境）团组0个，0人次。",
        "全年未安排因公出国（境）。"
    )));
    assert!(groups(&trips.replace("因公出国（境）团组0个，0人次。", "")));
}

#[test]
fn review_18_a_change_at_odds_with_the_base_and_rate_it_is_stated_with() {
    // 较 with its base inside (`较2023年预算18.60万元减少`): 15.40 and 18.60 differ by 3.20,
    // which the rate 17.20% agrees with; the change 3.40 is the slip.
    let t = "2024年部门预算。“三公”经费预算15.40万元，较2023年预算18.60万元减少3.40万元，下降17.20%。\n";
    assert_eq!(alarms(t, "growth"), ["Error 3.40万元 3.20万元"]);
    let right = t.replace("3.40万元", "3.20万元");
    assert_eq!(alarms(&right, "growth"), Vec::<String>::new());
    assert_eq!(outcome_of(&run(&right), "growth").1, 2);
    // A rate that agrees with neither reading leaves the base as the one found wrong.
    let neither = t.replace("17.20%", "15.00%");
    assert!(alarms(&neither, "growth")
        .iter()
        .any(|f| f.starts_with("Error 18.60万元")));
}

#[test]
fn review_18_a_funds_breakdown_above_the_indicator_header_leaves_the_score_total_checked() {
    // 9.43 + 45 + 40 = 94.43, not the 总分 99.43; the `其中：当年财政拨款` row is the funds
    // row's breakdown, ended by the indicator header.
    let t = "2023年度项目支出绩效自评表\n项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\
年度资金总额\t100.00\t100.00\t94.30\t10\t94.30%\t9.43\n其中：当年财政拨款\t100.00\t100.00\t94.30\t—\t94.30%\t—\n\
一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n产出指标\t数量指标\t资助参保人数\t≥2.6万人\t2.73万人\t45\t45\n\
效益指标\t社会效益指标\t负担减轻\t有效减轻\t有效减轻\t45\t40\n总分\t\t\t\t\t100\t99.43\n";
    assert_eq!(alarms(t, "table"), ["Error 99.43 94.43"]);
    assert_eq!(
        alarms(&t.replace("99.43", "94.43"), "table"),
        Vec::<String>::new()
    );
}

#[test]
fn review_18_a_pasted_code_table_of_several_columns_adds_up_column_by_column() {
    let table = |kuan: &str| {
        format!(
            "一般公共预算支出预算表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\
\t合计\t860.00\t300.00\t560.00\n213\t农林水支出\t860.00\t300.00\t560.00\n\
21301\t农业农村\t{kuan}\t300.00\t420.00\n2130101\t行政运行\t300.00\t300.00\t\n2130106\t科技转化与推广服务\t420.00\t\t420.00\n\
21305\t巩固脱贫攻坚成果衔接乡村振兴\t140.00\t\t140.00\n2130599\t其他巩固脱贫攻坚成果衔接乡村振兴支出\t140.00\t\t140.00\n"
        )
    };
    let right = run(&table("720.00"));
    assert_eq!(alarms(&table("720.00"), "table"), Vec::<String>::new());
    assert_eq!(outcome_of(&right, "table").1, 3);
    // 农业农村 written 700.00: its 项 make 720.00, and with it the 类 is 840.00, not 860.00.
    let wrong = alarms(&table("700.00"), "table");
    assert!(
        wrong.contains(&"Error 700.00 720.00".to_string()),
        "{wrong:?}"
    );
}

#[test]
fn review_20_tens_of_thousands_of_things_are_no_money() {
    let t = "项目全年预算600.00万元，其中：苗木补植补贴400.00万元，补植苗木280万株；技术培训150.00万元；项目管理50.00万元。\n";
    assert_eq!(alarms(t, "sum"), Vec::<String>::new());
    assert_eq!(outcome_of(&run(t), "sum").1, 1);
}

#[test]
fn review_20_lists_of_counts_that_are_other_statements_or_overlap() {
    for t in [
        // A part with its own rate, then another measure after the `；`.
        "全年培训家政服务员1,540人，其中取得证书1,402人，取证率91.0%；实现就业1,118人，就业率72.6%。\n",
        // A part of another part (`占涉农村的`).
        "全镇行政村共有58个，其中涉农村41个；开展人居环境整治的村33个，占涉农村的80.5%。\n",
        // What remains of another total after the `；`.
        "全年受理投诉846件，办结842件，其中调解成功215件；尚有4件正在办理。\n",
        // Groups said to overlap.
        "受益农户2,150户，其中脱贫户1,320户、监测户260户、低保户708户（部分低保户同时为脱贫户）。\n",
    ] {
        assert_eq!(alarms(t, "count"), Vec::<String>::new(), "{t}");
    }
    // Parts named alike run on past a `；`, and a shortfall is still found.
    let alike = "2024年实行绩效目标管理的项目共18个，其中一般公共预算项目12个，涉及资金860.00万元；政府性基金预算项目4个，涉及资金120.00万元。\n";
    assert_eq!(alarms(alike, "count").len(), 1);
}

#[test]
fn review_21_an_outturn_against_its_own_budget_and_no_trips_abroad() {
    // 10.40 ÷ 36.88 = 28.20%: the outturn 26.48 fell from its budget 36.88.
    let t = "2023年度“三公”经费财政拨款支出预算为36.88万元，支出决算为26.48万元，决算数比预算数减少10.40万元，下降28.20%。\n";
    assert_eq!(alarms(t, "growth"), Vec::<String>::new());
    assert_eq!(outcome_of(&run(t), "growth").1, 1);
    assert_eq!(alarms(&t.replace("28.20%", "21.99%"), "growth").len(), 1);
}

#[test]
fn review_20_shares_of_groups_that_overlap() {
    for t in [
        "聘用护林员480名，其中脱贫人口占58.5%，监测对象占21.0%，少数民族人员占34.2%（部分人员同时属于两类以上）。\n",
        "全区普惠性幼儿园在园幼儿占比90.6%，公办幼儿园在园幼儿占比61.3%。\n",
    ] {
        assert_eq!(alarms(t, "share-total"), Vec::<String>::new(), "{t}");
    }
    // Parts of one whole still may not pass 100%.
    let parts = "本年支出中，基本支出占60.5%，项目支出占45.2%。\n";
    assert_eq!(alarms(parts, "share-total").len(), 1);
}

#[test]
fn review_21_an_items_change_is_not_against_the_totals_base() {
    let t = "2025年“三公”经费预算31.20万元，上年预算为33.00万元，本年减少1.80万元，下降5.45%。其中：因公出国（境）费0.00万元，比上年减少3.00万元，降幅为100.00%；公务用车购置及运行维护费27.00万元，比上年增加0.70万元，增长2.66%；公务接待费4.20万元，较上年增加0.50万元，增长13.51%。\n";
    assert_eq!(alarms(t, "growth"), Vec::<String>::new());
    assert_eq!(outcome_of(&run(t), "growth").1, 3);
    // An item's own rate is still checked: 0.50 ÷ 3.70 = 13.51%, not 12.51%.
    assert_eq!(
        alarms(&t.replace("增长13.51%", "增长12.51%"), "growth").len(),
        1
    );
}

/// A laid-out code table whose names all start at the margin (`205 教育支出` over
/// `2050203 高中教育`): no indent, so the levels come from the codes. Its 类 rows stand over
/// their 项 directly (no 款 rows). `second_side` writes the 经济分类 codes of a second table
/// beside the first, as a two-sided 基本支出表 does.
fn flat_code_table(higher: &str, second_side: bool) -> String {
    let side = |code: &str, name: &str, amount: &str| {
        if second_side {
            format!("  {code} {name}{amount:>12}")
        } else {
            String::new()
        }
    };
    let rows = [
        format!(
            "{}{}",
            laid_out(
                "207        文化旅游体育与传媒支出",
                &["1,460.00", "1,472.35", "100.85%"]
            ),
            side("302", "商品和服务支出", "88.00")
        ),
        format!(
            "{}{}",
            laid_out("2070101    行政运行", &["910.00", "905.60", "99.52%"]),
            side("30201", "办公费", "40.00")
        ),
        format!(
            "{}{}",
            laid_out("2070109    群众文化", &["300.00", higher, "108.92%"]),
            side("30211", "差旅费", "48.00")
        ),
        laid_out("2070808    广播电视监控", &["250.00", "240.00", "96.00%"]),
        laid_out(
            "208        社会保障和就业支出",
            &["420.00", "433.90", "103.31%"],
        ),
        laid_out(
            "2080505    机关事业单位基本养老保险缴费支出",
            &["280.00", "289.30", "103.32%"],
        ),
        laid_out(
            "2080506    机关事业单位职业年金缴费支出",
            &["140.00", "144.60", "103.29%"],
        ),
        laid_out("           合计", &["1,880.00", "1,906.25", "101.40%"]),
    ];
    format!(
        "各功能科目年初预算数和决算数如下（单位：万元）：\n\n{}\n{}\n\n",
        laid_out("科目编码   科目名称", &["年初预算数", "决算数", "完成率"]),
        rows.join("\n")
    )
}

#[test]
fn a_flat_laid_out_code_table_nests_its_rows_by_code() {
    // 905.60 + 326.75 + 240.00 = 1,472.35: every 类 is its 项, so nothing is reported.
    let ok = run(&flat_code_table("326.75", false));
    assert_eq!(
        outcome_of(&ok, "table-hierarchy"),
        (vec![], 4),
        "{:#?}",
        ok.findings
    );
    // 群众文化 written 362.75: the 类 is no longer the sum of its 项.
    let wrong = run(&flat_code_table("362.75", false));
    assert_eq!(
        outcome_of(&wrong, "table-hierarchy").0,
        ["Error 1,472.35 1,508.35"],
        "{:#?}",
        wrong.findings
    );
    // Beside a second table's codes, a row's code is not every cell's: not read by codes.
    let two_sided = run(&flat_code_table("362.75", true));
    assert_eq!(outcome_of(&two_sided, "table-hierarchy"), (vec![], 0));
}

#[test]
fn review_23_a_web_pages_inline_title_without_a_year_after_it_scopes_its_section() {
    // A report flattened onto one line, a section's title run on into its first sentence
    // (`…决算情况说明一般公共预算财政拨款基本支出…`): the 基本支出 there is the section's.
    let page = |personnel_share: &str| {
        format!(
            "某县动物疫病预防控制中心2025年度部门决算 第三部分 2025年度部门决算情况说明 \
一、收入支出决算总体情况说明 2025年度收入总计812.40万元，支出总计812.40万元。 \
三、支出决算情况说明 2025年度本年支出合计780.00万元，其中：基本支出620.00万元，占79.49%；\
项目支出160.00万元，占20.51%。本单位严格执行预算，加强支出管理，厉行节约，保障了单位正常运转和各项业务工作开展。\
 六、一般公共预算财政拨款基本支出决算情况说明 一般公共预算财政拨款基本支出560.00万元。\
人员经费476.00万元，占基本支出的{personnel_share}；公用经费84.00万元，占基本支出的15.00%。 \
七、“三公”经费财政拨款支出决算情况说明 本年度“三公”经费支出0万元。\n"
        )
    };
    let ok = run(&page("85.00%"));
    let alarms: Vec<_> = ok
        .findings
        .iter()
        .filter(|f| f.severity != Severity::Info)
        .map(|f| (f.rule, f.message.clone()))
        .collect();
    assert!(alarms.is_empty(), "{alarms:#?}");
    assert_eq!(outcome_of(&ok, "share").1, 4, "{:#?}", ok.ledger);
    // 476.00 ÷ 560.00 = 85.00%, not 86.00%.
    assert_eq!(
        outcome_of(&run(&page("86.00%")), "share").0,
        ["Error 86.00% 85.00%"]
    );
}

/// A budget's text as `pdftotext -layout` gives it, with its sentences broken over pages:
/// the page's number on a line of its own, then the next page's form feed and running header.
fn page_broken_budget(reception: &str) -> String {
    let header = "青禾县农业农村局 2026 年部门预算";
    [
        header,
        "  一、“三公”经费预算情况说明",
        "  2026年“三公”经费预算数为24.37万",
        "",
        "                                17",
        &format!("\u{c}{header}"),
        "元，具体情况如下：",
        "  1.因公出国（境）费0万元。",
        "  2.公务用车购置及运行维护费15.92万元。",
        "其中：公务用车购置费0万元，公务用车运行维护费15.92万元。",
        "",
        "                                18",
        &format!("\u{c}{header}"),
        &format!("  3.公务接待费{reception}万元。"),
        "  2026年“三公”经费预算比2025年“三公",
        "",
        "                                19",
        &format!("\u{c}{header}"),
        "”经费预算23.40万元增加0.97万元，增长4.15%。",
        "  二、一般公共预算基本支出情况说明",
        "  本局2026年一般公共预算基本支出",
        "1,262.08万元，其中：人员经费1,118.50万元，公用经费143.58万元。",
        "  三、项目支出情况说明",
        "  1.行政运行（2130101）2026年预算数为436.20万元，上",
        "                                第 20 页",
        header,
        "年预算数为421.77万元，增加14.43万元，增长3.42%。",
        "  2.事业运行（2130104）2026年预算数为318.05万元，上",
        "                                第 21 页",
        header,
        "年预算数为330.60万元，减少12.55万元，下降3.80%。",
        "",
    ]
    .join("\n")
}

#[test]
fn review_22_sentences_broken_over_pages_read_as_one() {
    let ok = run(&page_broken_budget("8.45"));
    let alarms: Vec<_> = ok
        .findings
        .iter()
        .filter(|f| f.severity != Severity::Info)
        .map(|f| (f.rule, f.message.clone()))
        .collect();
    assert!(alarms.is_empty(), "{alarms:#?}");
    // `24.37万` / `17` / `元`: one amount, not `17元`; its numbered items go on past a
    // wrapped `其中：` line and the next page's number and header: 0 + 15.92 + 8.45.
    let verified = |r: &Report, rule: &str| -> Vec<String> {
        r.ledger
            .iter()
            .filter(|e| e.rule == rule && e.outcome == Outcome::Verified)
            .map(|e| e.quote.clone())
            .collect()
    };
    assert!(
        verified(&ok, "sum").contains(&"24.37万".to_string())
            || verified(&ok, "sum").iter().any(|q| q.starts_with("24.37")),
        "{:#?}",
        ok.ledger
    );
    // The label before a line that starts with its amount is that amount's: the 基本支出 is
    // the general budget's, whose parts add up.
    assert!(verified(&ok, "sum").iter().any(|q| q.contains("1,262.08")));
    // The running headers are no part of the items' labels, and each item's two levels
    // and change are read without a comparison word: three rates and two changes verified.
    assert_eq!(outcome_of(&ok, "growth").1, 5, "{:#?}", ok.ledger);
    // 436.20 − 421.77 = 14.43, not 14.34.
    let transposed = run(&page_broken_budget("8.45").replace("增加14.43万元", "增加14.34万元"));
    assert_eq!(
        outcome_of(&transposed, "growth").0,
        ["Error 14.34万元 14.43万元"],
        "{:#?}",
        transposed.findings
    );
    // A slip in the item after the page break is still found: 0 + 15.92 + 8.54 = 24.46.
    let wrong = run(&page_broken_budget("8.54"));
    assert_eq!(
        outcome_of(&wrong, "sum").0,
        ["Error 24.37万元 24.46万元"],
        "{:#?}",
        wrong.findings
    );
}

#[test]
fn review_23_the_last_comparison_of_a_sentence_is_the_changes_own() {
    // Two changes in one sentence, the first compared `与上年相比`, the second `较2024年度`:
    // the second is 本年支出合计's, 166.40 ÷ (1,204.30 + 166.40) = 12.14%.
    let t = "某镇中心学校2025年度部门决算\n收入总计1,402.86万元，支出总计1,402.86万元。其中：本年收入合计1,186.52万元，年初结转和结余216.34万元；本年支出合计1,204.30万元，年末结转和结余198.56万元。本年收入合计与上年相比，减少152.47万元，降幅11.39%；本年支出合计较2024年度减少166.40万元，降幅为12.14%。\n";
    assert_eq!(alarms(t, "growth"), Vec::<String>::new());
    assert_eq!(outcome_of(&run(t), "growth").1, 2);
    // An item's change after its total's, `其中：…比上年增加`, is not against the total's base
    // stated inside the total's comparison (`较2024年度（41.26万元）`).
    let items = "某县林业局2025年度部门决算\n2025年度“三公”经费财政拨款支出决算为46.18万元，其中公务用车购置及运行维护费40.35万元，公务接待费5.83万元。2025年度“三公”经费财政拨款支出决算数较2024年度（41.26万元）增加4.92万元，增长11.92%，其中：公务用车购置及运行维护费支出比上年增加了4.92万元，增长了13.89%；公务接待费支出与2024年持平。\n";
    assert_eq!(alarms(items, "growth"), Vec::<String>::new());
    assert_eq!(
        alarms(&items.replace("增长11.92%", "增长12.92%"), "growth").len(),
        1
    );
}

#[test]
fn review_22_numbered_names_side_by_side_are_a_row_not_headings() {
    // A 收支预算总表 whose rows name a numbered income and a numbered class side by side,
    // their cells empty, before the next table's numbered title.
    let t = |next_table: &str| {
        [
            "一、收支预算总表",
            "                                               收支预算总表",
            "     项    目                            预算数          项    目                          预算数",
            "一、财政拨款收入                        4,318,600.00   一、一般公共服务支出                   3,572,410.00",
            "  一般公共预算收入                    4,318,600.00   二、外交支出",
            "  国有资本经营预算收入                                  三、公共安全支出",
            "二、财政专户管理资金收入                                   四、教育支出",
            "三、事业收入                            365,200.00   五、社会保障和就业支出                 1,111,390.00",
            "      收入总计                    4,683,800.00         支出总计                  4,683,800.00",
            "",
            next_table,
            "",
        ]
        .join("\n")
    };
    // (Before, `二、财政专户管理资金收入` was a heading, and `二、收入预算表` its repeat.)
    assert_eq!(
        alarms(&t(" 二、收入预算表"), "numbering"),
        Vec::<String>::new()
    );
}

#[test]
fn review_24_a_paragraph_opening_with_its_comparison_compares_the_level_before() {
    // A viewer's copy ends a paragraph at each full stop: the change's level is in the
    // paragraph before, 412,806.50 ÷ (2,618,340.25 − 412,806.50) = 18.72%.
    let t = |rate: &str| {
        format!("某区卫生健康局2024年度部门决算\n2024年度收入、支出决算总计均为2618340.25万元。\n与2023年度相比，收入、支出决算总计各增加\n412806.50万元，增长{rate}。\n")
    };
    assert_eq!(outcome_of(&run(&t("18.72%")), "growth"), (vec![], 1));
    assert_eq!(
        outcome_of(&run(&t("21.72%")), "growth").0,
        ["Error 21.72% 18.72%"]
    );
}

#[test]
fn review_24_a_list_whose_first_item_runs_on_after_its_label_starts_at_one() {
    let t = "一、部门职责\n主要职能：（一）贯彻落实有关方针政策和法律法规，拟订本地区发展规划。\n（二）统筹规划本领域事业发展，指导下属单位业务工作。\n（三）完成上级交办的其他任务。\n";
    assert_eq!(alarms(t, "numbering"), Vec::<String>::new());
    // Without the first item anywhere, the list starts late.
    assert_eq!(
        alarms(&t.replace("主要职能：（一）", "主要职能："), "numbering").len(),
        1
    );
}

#[test]
fn review_26_codes_pasted_one_cell_per_line_after_a_tab_are_no_amounts() {
    // A web page's two-sided 基本支出 table copied cell by cell, each cell after a tab: the
    // code cells are no amounts of their own rows (30201 + 30206 ≠ 302 was an error).
    let t = "一般公共预算基本支出表\n单位：万元\n\n\t科目编码\n\n\t科目名称\n\n\t预算数\n\n\t科目编码\n\n\
\t科目名称\n\n\t预算数\n\n\t\n\t301\n\n\t工资福利支出\n\n\t96.00\n\n\t302\n\n\t商品和服务支出\n\n\t24.00\n\n\
\t\n\t30101\n\n\t基本工资\n\n\t56.00\n\n\t30201\n\n\t办公费\n\n\t9.00\n\n\
\t\n\t30102\n\n\t津贴补贴\n\n\t40.00\n\n\t30207\n\n\t邮电费\n\n\t15.00\n\n\t\n";
    let r = run(t);
    assert!(
        r.findings.iter().all(|f| f.severity != Severity::Error),
        "{:#?}",
        r.findings
    );
}

#[test]
fn review_26_a_total_restated_beside_last_years_is_no_list_of_parts() {
    let t = "2026年一般公共预算当年拨款2,418.60万元，较2025年增加196.40万元，增长8.84%。\
具体为：2026年一般公共预算当年拨款2,418.60万元，2025年为2,222.20万元。";
    let r = run(t);
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    // A list whose first part is only named like the total still adds up.
    let r = run("2026年本年收入合计300.00万元，其中：财政拨款收入300.00万元，其他收入12.00万元。");
    assert_eq!(rules_with(&r, Severity::Error), ["sum"]);
}

#[test]
fn review_26_this_years_and_last_years_levels_by_year_then_their_change() {
    let t = |rate: &str| {
        format!(
            "2025年部门预算\n三、一般公共预算当年拨款具体使用情况\n\
1.公共安全（类）司法（款）行政运行（项）2025年预算数为412.30万元，2024年预算数为377.60万元，\
增加34.70万元，增长{rate}。\n"
        )
    };
    let ok = run(&t("9.19%"));
    assert!(ok.findings.is_empty(), "{:#?}", ok.findings);
    assert_eq!(
        ok.ledger
            .iter()
            .filter(|e| e.rule == "growth" && e.outcome == Outcome::Verified)
            .count(),
        2
    );
    // 34.70 ÷ 412.30 = 8.42%: the rate on this year's level.
    let wrong = run(&t("8.42%"));
    assert_eq!(rules_with(&wrong, Severity::Error), ["growth"]);
    // Two levels of this year are no comparison.
    let two = run("2025年部门预算\n2025年基本支出预算数为412.30万元，2025年项目支出预算数为377.60万元，增加34.70万元，增长8.42%。\n");
    assert!(
        two.findings.iter().all(|f| f.rule != "growth"),
        "{:#?}",
        two.findings
    );
}

#[test]
fn review_28_a_comparison_of_two_earlier_years_is_their_own() {
    let growth = |t: &str| outcome_of(&run(t), "growth");
    let head = "某县档案馆2024年度部门决算情况说明\n";
    // Three years' levels, then this year's change on last year's level (not the earliest
    // year's): 146.43 ÷ 2,210.05 = 6.63%.
    let three = format!(
        "{head}2024年度一般公共预算财政拨款支出2,356.48万元，2023年度一般公共预算财政拨款支出2,210.05万元，2022年度为2,087.66万元。2024年较2023年增加146.43万元，增长"
    );
    assert_eq!(growth(&format!("{three}6.63%。")), (vec![], 1));
    assert_eq!(
        growth(&format!("{three}7.01%。")),
        (vec!["Error 7.01% 6.63%".to_string()], 0)
    );
    // 2023 against 2022 in a 2024 report: the 2023 level is that comparison's current
    // value (122.39 ÷ 2,087.66 = 5.86%), and the comparison is no stale year.
    let earlier = format!(
        "{head}2024年度支出2,356.48万元，较2023年增加146.43万元，增长6.63%。2023年支出2,210.05万元，较2022年增加122.39万元，增长"
    );
    let ok = run(&format!("{earlier}5.86%。"));
    assert!(ok.findings.is_empty(), "{:#?}", ok.findings);
    assert_eq!(outcome_of(&ok, "growth"), (vec![], 2));
    assert_eq!(
        growth(&format!("{earlier}5.54%。")),
        (vec!["Error 5.54% 5.86%".to_string()], 1)
    );
    // A change of this year said against a year before last is still a stale comparison.
    let stale = run(&format!(
        "{head}2024年度支出2,356.48万元，较2022年增加268.82万元，增长12.88%。"
    ));
    assert_eq!(rules_with(&stale, Severity::Warning), ["comparison-year"]);
}

#[test]
fn review_28_a_level_reached_is_the_actual_not_the_level_it_rose_from() {
    let t = |rate: &str| {
        format!("某区人力资源和社会保障局2024年度部门整体支出绩效自评报告\n全年城镇新增就业4,862人，由上年的4,510人增加到4,862人；完成年度目标任务（4,500人）的{rate}。")
    };
    assert_eq!(outcome_of(&run(&t("108.04%")), "completion"), (vec![], 1));
    assert_eq!(
        outcome_of(&run(&t("100.22%")), "completion"),
        (vec!["Error 100.22% 108.04%".to_string()], 0)
    );
}

#[test]
fn review_28_a_figure_of_all_funds_is_not_the_fiscal_one_named_alike() {
    let t = |all: &str| {
        format!("某县卫生健康局2024年度部门决算说明\n2024年度一般公共预算财政拨款“三公”经费支出17.47万元。其中：公务用车运行维护费14.82万元，公务接待费2.65万元。\n{all}公务用车运行维护费为19.36万元，其中使用事业收入安排4.54万元。")
    };
    for all in ["全口径（含事业收入安排）", "含事业收入安排的"] {
        let r = run(&t(all));
        assert!(
            r.findings.iter().all(|f| f.rule != "restated"),
            "{all}: {:#?}",
            r.findings
        );
    }
    // Without such words the two statements are one quantity stated twice.
    let r = run(&t("本年"));
    assert_eq!(rules_with(&r, Severity::Error), ["restated"]);
}

#[test]
fn review_28_a_rate_after_a_list_may_be_the_whole_lists() {
    let t = |rate: &str| {
        format!("某县林业局2025年部门预算公开说明\n2025年一般公共预算拨款支出3526.80万元，其中农林水支出2760.14万元。农林水支出中项目支出主要用于：森林资源培育480.00万元、森林防火356.20万元、林业草原防灾减灾128.50万元等，占农林水支出的{rate}。")
    };
    // 964.70 ÷ 2,760.14 = 34.95% (the list), 128.50 ÷ 2,760.14 = 4.66% (its last item):
    // neither is an error.
    for rate in ["34.95%", "4.66%", "40.00%"] {
        let r = run(&t(rate));
        assert!(
            r.findings.iter().all(|f| f.rule != "share"),
            "{rate}: {:#?}",
            r.findings
        );
    }
    // One amount, not a list: its share is checked.
    let one = "2025年一般公共预算拨款支出3526.80万元，其中农林水支出2760.14万元。森林防火356.20万元，占农林水支出的";
    assert_eq!(
        outcome_of(&run(&format!("{one}12.91%。")), "share"),
        (vec![], 1)
    );
    let wrong = run(&format!("{one}21.91%。"));
    assert_eq!(rules_with(&wrong, Severity::Error), ["share"]);
}

#[test]
fn review_28_a_dash_in_a_pasted_table_is_an_empty_cell() {
    let t = |blank: &str, class: &str| {
        [
            "一般公共预算财政拨款支出决算表".to_string(),
            "编制单位：某区纪委监委机关\t\t\t\t金额单位：万元".to_string(),
            "科目编码\t科目名称\t年初预算数\t本年支出合计\t基本支出\t项目支出".to_string(),
            format!("\t合计\t137.00\t135.04\t135.04\t{blank}"),
            format!("208\t社会保障和就业支出\t105.00\t{class}\t103.82\t{blank}"),
            format!("20805\t行政事业单位养老支出\t105.00\t103.82\t103.82\t{blank}"),
            format!("2080505\t机关事业单位基本养老保险缴费支出\t75.00\t74.16\t74.16\t{blank}"),
            format!("2080506\t机关事业单位职业年金缴费支出\t30.00\t29.66\t29.66\t{blank}"),
            format!("210\t卫生健康支出\t32.00\t31.22\t31.22\t{blank}"),
            format!("21011\t行政事业单位医疗\t32.00\t31.22\t31.22\t{blank}"),
            format!("2101101\t行政单位医疗\t32.00\t31.22\t31.22\t{blank}"),
        ]
        .join("\n")
    };
    for blank in ["-", "—", "", "0.00"] {
        let ok = run(&t(blank, "103.82"));
        assert!(ok.findings.is_empty(), "{blank:?}: {:#?}", ok.findings);
        // 208's 112.82 is not its 款 103.82, and the 合计 row is not 112.82 + 31.22.
        let wrong = run(&t(blank, "112.82"));
        assert!(
            rules_with(&wrong, Severity::Error).contains(&"table"),
            "{blank:?}: {:#?}",
            wrong.findings
        );
    }
}

#[test]
fn review_28_a_code_tables_total_row_short_of_its_rows_is_an_error_when_another_column_adds_up() {
    let t = |total: &str, basic: &str| {
        [
            "支出决算表".to_string(),
            "科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出".to_string(),
            format!("\t合计\t{total}\t{basic}\t1,128.85"),
            "204\t公共安全支出\t3,695.41\t2,566.56\t1,128.85".to_string(),
            "208\t社会保障和就业支出\t421.71\t421.71\t".to_string(),
            "210\t卫生健康支出\t96.84\t96.84\t".to_string(),
            "221\t住房保障支出\t215.10\t215.10\t".to_string(),
        ]
        .join("\n")
    };
    let ok = run(&t("4,429.06", "3,300.21"));
    assert!(ok.findings.is_empty(), "{:#?}", ok.findings);
    // 基本支出 adds up over the four rows, so none is missing: 合计 4,529.06 is wrong.
    let wrong = run(&t("4,529.06", "3,300.21"));
    assert_eq!(rules_with(&wrong, Severity::Error), ["table"]);
    // No column adds up: rows may be missing, a shortfall is only a note.
    let partial = run(&t("4,529.06", "3,400.21"));
    assert!(
        rules_with(&partial, Severity::Error).is_empty(),
        "{:#?}",
        partial.findings
    );
    assert_eq!(rules_with(&partial, Severity::Info).len(), 2);
}

#[test]
fn review_28_a_score_stated_beside_a_self_evaluation_table_is_its_total() {
    let table = [
        "                某县文化馆项目支出绩效自评表",
        "                              （2024年度）",
        "  项目名称        群众文化活动经费",
        "  主管部门        某县文化广电旅游局",
        "                  年初预算数   全年预算数（A）   全年执行数（B）   分值   执行率（B/A）   得分",
        "  年度资金总额        180.00          180.00          172.80      10        96.00%      9.60",
        "  一级指标   二级指标           三级指标                年度指标值      实际完成值    分值   得分",
        "  产出指标    数量指标            送戏下乡场次                ≥40场            43场      50      50",
        "  效益指标    社会效益指标        参与群众人次                ≥3万人次       3.4万人次      30      28",
        "  满意度指标   服务对象满意度指标   群众满意度                  ≥90%           92.5%      10       9",
        "  总分                                                                      100   96.60",
    ]
    .join("\n");
    let after = |score: &str| {
        format!("{table}\n  自评结论：项目全年执行数172.80万元，项目自评得分{score}分，评价等级为“优”。\n")
    };
    let before = |score: &str| {
        format!("经自评，产出指标得50分，项目自评得分{score}分。自评表如下：\n\n{table}\n")
    };
    for text in [after("96.60"), before("96.60")] {
        let r = run(&text);
        assert!(r.findings.is_empty(), "{:#?}", r.findings);
        assert_eq!(outcome_of(&r, "evaluation-table").1, 2);
    }
    for text in [after("98.60"), before("98.60")] {
        let r = run(&text);
        assert_eq!(
            outcome_of(&r, "evaluation-table").0,
            ["Error 98.60分 96.60"],
            "{text}"
        );
        // The project is named by its 项目名称 cell, not the unit the title names.
        assert!(r.findings[0].message.contains("群众文化活动经费"));
    }
    // An indicator's score, or two total scores in one paragraph, is not the table's.
    for text in [
        format!("{table}\n  产出指标得分48分，效益指标得分28分。\n"),
        format!("{table}\n  2023年项目自评得分91.00分，2024年项目自评得分98.60分。\n"),
    ] {
        let r = run(&text);
        assert!(r.findings.is_empty(), "{:#?}", r.findings);
    }
}

/// Each `silent` text raises no error or warning; each `firing` text raises exactly its rules.
fn assert_alarms(silent: &[&str], firing: &[(&str, &[&str])]) {
    for t in silent {
        assert_eq!(alarm_rules(t), Vec::<&str>::new(), "{t}");
    }
    for &(t, rules) in firing {
        assert_eq!(alarm_rules(t), rules, "{t}");
    }
}

/// Error- and warning-level rules a text raises, in report order.
fn alarm_rules(t: &str) -> Vec<&'static str> {
    let r = run(t);
    r.findings
        .iter()
        .filter(|f| matches!(f.severity, Severity::Error | Severity::Warning))
        .map(|f| f.rule)
        .collect()
}

#[test]
fn review_29_consistent_edges_of_the_review_28_mend_stay_silent() {
    let silent = [
        // The same year's budget compared (比2025年年初预算 in a 2025 report).
        "某县史志办2025年度部门决算情况说明\n2025年度机关运行经费支出52.00万元，比2025年年初预算增加2.00万元，增长4.00%。",
        "某县史志办2025年度部门决算情况说明\n2025年度一般公共预算财政拨款支出决算为1,380.00万元，年初预算1,200.00万元，与2025年年初预算相比增加180.00万元，增长15.00%。",
        // 财政拨款收支 is not the department's 收入总计.
        "某县史志办2025年度部门决算情况说明\n2025年度收入总计2,600.00万元，支出总计2,600.00万元。财政拨款收支总计比上年增加100.00万元，增长6.25%。",
        // A subject in a paragraph of its own names its level exactly, not a part ending so.
        "某县文体局2025年度部门决算情况说明\n2025年度本部门基本支出800.00万元，其中机关本级基本支出300.00万元，所属事业单位基本支出500.00万元。\n基本支出比上年增加40.00万元，增长5.26%，主要是人员增加。",
        // A part's change (其中…增加至) leaves the actual open; a target moved is no actual.
        "某县文体局2025年度部门整体支出绩效自评报告\n全年开展培训2,760人次，其中基层骨干培训由上年的600人次增加至900人次，完成年度培训目标（2,400人次）的115.00%。",
        "某县文体局2025年度部门整体支出绩效自评报告\n全年完成场馆维修30处，其中上年度结转项目12处，完成结转项目计划（12处）的100.00%。",
        "某县人社局2025年度部门整体支出绩效自评报告\n全年城镇新增就业3,150人，年度目标由3,300人调减至3,000人，完成调整后目标任务（3,000人）的105.00%。",
        // Units of the department, each in a section of its own.
        "某县教育局2025年度部门决算\n2025年度部门年初结转和结余300.00万元，年末结转和结余250.00万元。\n（一）县教育局本级。年初结转和结余120.00万元，年末结转和结余100.00万元。\n（二）县第一中学：年初结转和结余180.00万元，年末结转和结余150.00万元。",
        "某县文旅局2025年部门预算\n2025年部门收入预算2,000.00万元。\n（一）局本级。收入预算1,200.00万元，占部门收入预算的60.00%。\n（二）县图书馆。收入预算800.00万元，占部门收入预算的40.00%。",
        "某县交通局2025年部门预算公开\n2025年“三公”经费预算40.00万元。局本级“三公”经费预算10.00万元，其中公务接待费10.00万元。",
        // A ；-closed list of income, then the total's change.
        "某镇人民政府2025年部门预算公开说明\n2025年收入预算2,100.00万元，其中一般公共预算拨款收入1,600.00万元，政府性基金预算拨款收入400.00万元，上年结转100.00万元；比2024年预算增加100.00万元，增长5.00%。",
        // Years stated one by one, two of them equal.
        "某县档案馆2025年单位预算\n2025年机关运行经费预算24.66万元。2024年机关运行经费预算24.66万元，2023年为23.10万元。",
        // A stock against a programme's baseline year-end.
        "某县污水治理项目2024年度绩效自评报告\n截至2024年底，全县累计建成处理设施90座，比2021年底增加60座，增长200.00%。",
        // Rates after lists: of the list, said with 共 or 两项合计.
        "某县林业局2025年部门预算公开说明\n2025年农林水支出2,000.00万元。项目支出主要用于：造林300.00万元、防火200.00万元，共占农林水支出的25.00%。",
        "某县教育局2025年度部门决算说明\n2025年度本年支出合计1,000.00万元。按功能分类，教育支出700.00万元、社会保障和就业支出200.00万元，占本年支出的90.00%；按经济分类，工资福利支出600.00万元、商品和服务支出250.00万元，占本年支出的85.00%。",
        // Code tables: a row of one amount, a table cut by a page, a rate column in plain numbers.
        "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t年初预算数\t支出决算数\n20101\t人大事务\t600.00\t640.00\n2010101\t行政运行\t450.00\t470.00\n2010102\t一般行政管理事务\t150.00\t140.00\n2010199\t其他人大事务支出\t-\t30.00",
        "支出决算表\n科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n20103\t政府办公厅（室）及相关机构事务\t700.00\t500.00\t200.00\n2010301\t行政运行\t480.00\t480.00\t\n2010302\t一般行政管理事务\t160.00\t20.00\t140.00\n支出决算表（续）\n科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n2010350\t事业运行\t60.00\t\t60.00",
        "支出预算增减变动表\n金额单位：万元\n科目编码\t科目名称\t上年预算数\t本年预算数\t增减额\t增减幅度\n201\t一般公共服务支出\t500.00\t540.00\t40.00\t8.00\n20103\t政府办公厅（室）及相关机构事务\t500.00\t540.00\t40.00\t8.00\n2010301\t行政运行\t400.00\t420.00\t20.00\t5.00\n2010302\t一般行政管理事务\t100.00\t120.00\t20.00\t20.00",
    ];
    let firing: [(&str, &[&str]); 6] = [
        // A stale year stays stale when another year is only mentioned.
        ("某县文旅局2025年部门预算公开说明\n2025年收入预算总额1,300.00万元（含2024年结转资金60.00万元），较2023年增加100.00万元，增长8.33%。", &["comparison-year"]),
        ("某县文旅局2025年度部门决算说明\n2025年度一般公共预算财政拨款支出1,200.00万元，为落实2024年审计整改要求压减公用经费，较2023年减少60.00万元，下降4.76%。", &["comparison-year"]),
        // 不含 narrows, it does not widen: still the fiscal 三公 stated twice.
        ("某县自然资源局2025年部门预算公开说明\n2025年一般公共预算“三公”经费预算30.40万元，其中公务用车运行维护费24.00万元，公务接待费6.40万元。\n2025年不含单位资金的一般公共预算“三公”经费预算30.04万元。", &["restated"]),
        // The same year's budget, with the rate on the wrong base.
        ("某县史志办2025年度部门决算情况说明\n2025年度机关运行经费支出52.00万元，比2025年年初预算增加2.00万元，增长3.85%。", &["growth"]),
        // The total's change after a ；-closed list, wrong for the total and the last part.
        ("某镇人民政府2025年部门预算公开说明\n2025年收入预算2,100.00万元，其中一般公共预算拨款收入1,600.00万元，政府性基金预算拨款收入400.00万元，上年结转100.00万元；比2024年预算增加100.00万元，增长6.00%。", &["growth"]),
        // A parent row short of its rows when most columns add up.
        ("支出决算表\n科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n20103\t政府办公厅（室）及相关机构事务\t710.00\t500.00\t200.00\n2010301\t行政运行\t480.00\t480.00\t\n2010302\t一般行政管理事务\t160.00\t20.00\t140.00\n2010350\t事业运行\t60.00\t\t60.00", &["table"]),
    ];
    assert_alarms(&silent, &firing);
}

#[test]
fn review_29_an_outturn_as_a_share_of_its_budget_is_a_completion_rate() {
    let t = |rate: &str, words: &str| {
        format!("某区司法局2024年度部门决算情况说明\n2024年度一般公共预算财政拨款支出541.20万元，为年初预算560.00万元的{rate}。{words}")
    };
    // 541.20 ÷ 560.00 = 96.64%.
    assert_eq!(
        outcome_of(&run(&t("96.64%", "")), "completion"),
        (vec![], 1)
    );
    assert_eq!(alarm_rules(&t("94.64%", "")), ["completion"],);
    // The words after it are checked against the budget it names.
    assert!(alarm_rules(&t("96.64%", "决算数小于年初预算数，主要是压减公用经费。")).is_empty());
    assert_eq!(
        alarm_rules(&t("96.64%", "决算数高于年初预算数，主要是压减公用经费。")),
        ["wording"]
    );
    // Last year's outturn is no budget: no completion rate.
    let last_year = "2024年度一般公共预算财政拨款支出541.20万元，为上年决算560.00万元的96.64%。";
    assert_eq!(outcome_of(&run(last_year), "completion"), (vec![], 0));
}

#[test]
fn review_30_edges_of_the_review_29_mend() {
    let silent = [
        // 比年初预算: the 年初 budget, not the adjusted one nor another item's, nor an outturn
        // that says 预算执行数, nor last year's outturn.
        "某县财政局2025年度部门决算情况说明\n2025年度一般公共预算财政拨款支出年初预算为900.00万元，调整预算为1,000.00万元，支出决算为990.00万元，比年初预算增加90.00万元，增长10.00%。",
        "某县财政局2025年度部门决算情况说明\n2025年度基本支出年初预算500.00万元，项目支出年初预算200.00万元，基本支出决算520.00万元，比年初预算增加20.00万元，增长4.00%。",
        "某县财政局2025年度部门整体支出绩效自评报告\n2025年度部门预算执行数990.00万元，较年初预算增加90.00万元，增长10.00%，主要是年中追加。",
        "某县财政局2025年度部门决算情况说明\n2025年度“三公”经费年初预算50.00万元，2024年决算为47.00万元，2025年度支出决算45.00万元，比年初预算减少5.00万元，下降10.00%。",
        // 为年初预算…的r% only with one budget and nothing else.
        "某县财政局2025年度部门决算情况说明\n2025年度“三公”经费财政拨款支出年初预算50.00万元，支出决算45.00万元，比年初预算节约5.00万元，节约资金为年初预算的10.00%。",
        "某县财政局2025年度部门决算情况说明\n2025年度一般公共预算财政拨款支出990.00万元，为年初预算900.00万元（调整后预算1,000.00万元）的110.00%。",
        // 计划生育 is no target; 增加到 with no figure after it starts from nothing.
        "某县民政局2025年度部门整体支出绩效自评报告\n全年为困难家庭发放临时救助金2,300户，为计划生育特殊家庭发放扶助金840户，完成扶助目标（800户）的105.00%。",
        "某县农业农村局2025年度部门整体支出绩效自评报告\n全年开展线上培训900人次、线下培训1,680人次，线下培训人数增加到历年最高，完成线下培训目标（1,600人次）的105.00%。",
        // A clause opening with the year after the one compared.
        "某县史志办2025年度部门决算情况说明\n2025年度“三公”经费支出27.00万元，比上年减少3.00万元，下降10.00%。从近年情况看，2024年“三公”经费支出30.00万元，较2023年减少2.00万元，下降6.25%。",
        // A nearer level of the same name's sub-unit is not the subject; one naming its funds
        // may be, and then nothing is judged.
        "某县文体局2025年度部门决算情况说明\n2025年度基本支出800.00万元，其中人员经费600.00万元，公用经费200.00万元。局机关公用经费130.00万元，所属事业单位公用经费70.00万元。公用经费比上年减少10.00万元，下降4.76%。",
        "某县文体局2025年度部门决算情况说明\n2025年度本部门基本支出900.00万元，项目支出300.00万元。一般公共预算财政拨款基本支出800.00万元，一般公共预算财政拨款项目支出280.00万元。基本支出比上年增加40.00万元，增长5.26%。",
    ];
    let firing: [(&str, &[&str]); 8] = [
        // A department heading numbered 一、 is no unit: its figures are the department's.
        ("2025年某县部门预算公开\n一、某县交通运输局\n（一）“三公”经费预算情况\n2025年“三公”经费预算40.00万元，其中公务用车运行维护费30.00万元，公务接待费10.00万元。\n（二）其他说明\n2025年“三公”经费预算42.00万元，比上年减少2.00万元。", &["restated"]),
        // The department's summary after its units' sections is the department's.
        ("某县教育局2025年部门预算\n一、部门预算总体情况\n2025年部门“三公”经费预算40.00万元。\n二、所属单位预算情况\n（一）县教育局本级。“三公”经费预算25.00万元。\n（二）县第一中学。“三公”经费预算15.00万元。\n以上两个单位合计，2025年部门“三公”经费预算42.00万元。", &["restated"]),
        // After 全口径, a part that names its funds is the fiscal quantity.
        ("某县自然资源局2025年部门预算公开说明\n2025年一般公共预算“三公”经费预算40.00万元，其中公务用车运行维护费30.00万元，公务接待费10.00万元。\n2025年全口径“三公”经费预算45.00万元，其中一般公共预算“三公”经费预算42.00万元。", &["restated"]),
        // 公共 is no 共: a named item after a list keeps its share.
        ("某县财政局2025年度部门决算情况说明\n2025年度本年支出合计1,000.00万元。按功能分类，教育支出700.00万元、一般公共服务支出200.00万元，一般公共服务支出占本年支出的25.00%。", &["share"]),
        // Two amount columns, one adding up: the other's shortfall is an error.
        ("一般公共预算财政拨款支出决算表\n金额单位：万元\n科目编码\t科目名称\t年初预算数\t支出决算数\n20101\t人大事务\t600.00\t620.00\n2010101\t行政运行\t450.00\t470.00\n2010102\t一般行政管理事务\t150.00\t140.00", &["table"]),
        // A year compared with is no year stated: a copied amount still warns.
        ("某县档案馆2025年单位预算\n2025年机关运行经费预算24.66万元，比2024年减少1.20万元。2024年机关运行经费预算24.66万元，比2023年增加1.56万元。", &["year-attribution"]),
        // 累计折旧 is no stock built up.
        ("某县史志办2025年度部门决算情况说明\n截至2025年12月31日，本部门资产总额3,200.00万元，资产总额比2023年末增加200.00万元，增长6.67%，固定资产累计折旧600.00万元。", &["comparison-year"]),
        // 完成计划免疫 is the outturn's clause, not a target's.
        ("某县卫健委2025年度部门整体支出绩效自评报告\n全年完成计划免疫接种16,800剂次，完成年度目标（16,000剂次）的110.00%。", &["completion"]),
    ];
    assert_alarms(&silent, &firing);
}

#[test]
fn review_30_depreciation_is_taken_off_the_assets_not_one_of_them() {
    let t = |total: &str| {
        format!("某县史志办2025年度部门决算情况说明\n截至2025年12月31日，本部门资产总额{total}万元，其中固定资产原值1,900.00万元、累计折旧500.00万元，流动资产1,800.00万元。")
    };
    // 1,900 − 500 + 1,800 = 3,200: no sum of the three is the total.
    assert!(alarm_rules(&t("3,200.00")).is_empty());
    // Without the depreciation, the parts are a breakdown again.
    let plain = "截至2025年12月31日，本部门资产总额3,200.00万元，其中固定资产1,400.00万元、流动资产1,900.00万元。";
    assert_eq!(alarm_rules(plain), ["sum"]);
}

#[test]
fn a_level_of_another_year_after_a_breakdown_is_no_part_of_it() {
    let t = |project: &str| {
        format!("某县史志办2025年部门预算公开说明\n2025年部门预算支出合计100.00万元，其中，基本支出60.00万元，项目支出{project}万元，2024年项目支出36.00万元。")
    };
    assert_alarms(
        &[
            &t("40.00"),
            // Money carried over from that year is a part.
            "某县史志办2025年部门预算公开说明\n2025年收入合计100.00万元，其中，本年收入64.00万元，2024年结转结余36.00万元。",
            // Parts by year stay parts.
            "某县史志办2025年度部门决算情况说明\n近三年“三公”经费支出合计90.00万元，其中，2023年32.00万元，2024年30.00万元，2025年28.00万元。",
        ],
        &[(&t("30.00"), &["sum"])],
    );
}

#[test]
fn a_total_written_in_yuan_among_parts_in_wan_names_the_total_unit() {
    let t = "某县史志办2025年度部门决算情况说明\n2025年度本年支出合计1,250.00元，其中：基本支出1,000.00万元，项目支出250.00万元。";
    let r = run(t);
    let sum = r
        .findings
        .iter()
        .find(|f| f.rule == "sum")
        .expect("a sum finding");
    let cause = sum.cause.as_deref().expect("a cause");
    assert!(
        cause.contains("总数") && cause.contains("疑为万元而非元"),
        "{cause}"
    );
    assert_eq!(sum.repair.as_deref(), Some("核对总数的金额单位"));
    // Parts in two units: no one unit to read the total in.
    let mixed = "某县史志办2025年度部门决算情况说明\n2025年度本年支出合计1,250.00元，其中：基本支出1,000.00万元，项目支出250.00元。";
    let r = run(mixed);
    let sum = r
        .findings
        .iter()
        .find(|f| f.rule == "sum")
        .expect("a sum finding");
    assert!(
        !sum.cause.as_deref().unwrap_or("").contains("总数"),
        "{sum:?}"
    );
}

#[test]
fn a_rate_between_two_stated_levels_is_their_change_over_the_earlier() {
    // (91.60 − 85.32) ÷ 91.60 = 6.86%; (1,350 − 1,200) ÷ 1,200 = 12.50%; (48.30 − 42.00) ÷ 42.00 = 15.00%.
    let t = "某县史志办2024年度部门决算情况说明\n2024年度机关运行经费支出85.32万元，较上年同期的91.60万元下降6.86%。\n全年培训基层干部由2023年的1,200人次增加到1,350人次，增长12.50%。\n2024年度公用经费支出48.30万元，2023年度为42.00万元，增长15.00%。\n";
    assert_eq!(alarms(t, "level-growth"), Vec::<String>::new());
    assert_eq!(outcome_of(&run(t), "level-growth").1, 3);
    // Divided by this year's level (6.28 ÷ 85.32 = 7.36%), and the wrong direction.
    let this_year = t.replace("下降6.86%", "下降7.36%");
    assert_eq!(
        alarms(&this_year, "level-growth"),
        ["Error 7.36% 6.84%–6.87%"]
    );
    let cause = run(&this_year)
        .findings
        .into_iter()
        .find(|f| f.rule == "level-growth")
        .and_then(|f| f.cause)
        .unwrap();
    assert!(cause.contains("本年数为分母"), "{cause}");
    let flipped = t.replace("增长15.00%", "下降15.00%");
    assert_eq!(
        alarms(&flipped, "level-growth"),
        ["Error 下降15.00% 增长14.97%–15.03%"]
    );
    // A change amount between them is growth's; a budget is no earlier level; two subjects
    // are no comparison.
    for silent in [
        "2024年度机关运行经费支出85.32万元，较上年的91.60万元减少6.28万元，下降6.86%。\n",
        "2024年度机关运行经费支出85.32万元，比年初预算91.60万元下降6.86%。\n",
        "2024年度基本支出85.32万元，项目支出91.60万元，增长7.36%。\n",
    ] {
        assert_eq!(
            outcome_of(&run(silent), "level-growth"),
            (Vec::new(), 0),
            "{silent}"
        );
    }
}

#[test]
fn review_31_consistent_texts_stay_silent() {
    let silent = [
        // 等 before 共 leaves the list open.
        "某县民政局2024年度部门决算情况说明\n本部门内设办公室、财务股、社会救助股等共9个股室。",
        // 占本年支出合计 is not last year's 支出合计.
        "某县民政局2024年度部门决算情况说明\n本年支出合计3500.00万元，上年支出合计3000.00万元。\n基本支出1400.00万元，占本年支出合计的40.00%。",
        // A unit's section, its 本年收入合计 in the paragraph's opening words.
        "某县市场监管局2024年度部门决算情况说明\n（一）局机关本级\n局机关本级本年收入合计1874.75万元。本年支出合计1874.75万元。\n（二）县检验检测中心\n县检验检测中心本年收入合计699.04万元。本年支出合计699.04万元。",
        // One unit's “三公” spending is not the department's.
        "某县城管局2024年度部门决算情况说明\n全部门“三公”经费支出15.58万元。执法大队“三公”经费支出5.72万元。",
        // A part whose share names an earlier part as its whole is inside it.
        "某县城管局2024年度部门决算情况说明\n政府采购合同金额1560.00万元，其中授予中小企业合同金额1404.00万元，占90.00%；授予小微企业合同金额936.00万元，占授予中小企业合同金额的66.67%。",
        // 其中 in a paragraph of its own after a numbered list speaks of the list's whole.
        "某县交通运输局2024年度部门决算情况说明\n项目支出300.00万元，主要用于：\n（一）道路建设200.00万元；\n（二）其他100.00万元。\n其中，专项债券资金150.00万元，占项目支出的50.00%。",
        // Units that are public institutions by kind: 公用经费 may exceed 机关运行经费.
        "某县自然资源局2024年度部门决算情况说明\n纳入本部门2024年度部门决算编制范围的单位包括：局机关、县不动产登记中心、县土地储备中心，共3个单位。\n六、一般公共预算财政拨款基本支出决算情况说明\n2024年度一般公共预算财政拨款基本支出1,842.37万元，其中：人员经费1,596.84万元，公用经费245.53万元。\n七、机关运行经费支出情况说明\n2024年度本部门机关运行经费支出126.45万元。",
        // 其中 with another year's level is no part.
        "某县史志办2025年度部门决算情况说明\n2025年度“三公”经费支出32.00万元，比上年减少4.00万元，下降11.11%。其中，2024年“三公”经费支出36.00万元，较2023年减少4.00万元，下降10.00%。",
    ];
    let firing: [(&str, &[&str]); 4] = [
        ("某县民政局2024年度部门决算情况说明\n本部门内设办公室、财务股、社会救助股共9个股室。", &["count"]),
        ("某县民政局2024年度部门决算情况说明\n本年支出合计3500.00万元，上年支出合计3000.00万元。\n基本支出1400.00万元，占本年支出合计的46.67%。", &["share"]),
        ("某县城管局2024年度部门决算情况说明\n政府采购合同金额1560.00万元，其中授予中小企业合同金额1404.00万元，占90.00%；授予大型企业合同金额936.00万元，占政府采购合同金额的60.00%。", &["sum"]),
        ("某县交通运输局2024年度部门决算情况说明\n项目支出300.00万元，主要用于：\n（一）道路建设200.00万元；\n（二）其他100.00万元，其中，专项债券资金150.00万元。", &["sum"]),
    ];
    assert_alarms(&silent, &firing);
}

#[test]
fn words_after_an_outturn_alone_are_judged_by_its_known_budget() {
    let t = |words: &str| {
        format!("某县生态环境局2024年度部门决算\n“三公”经费财政拨款支出决算表\n金额单位：万元\n项目\t预算数\t决算数\n合计\t8.00\t5.36\n公务接待费\t8.00\t5.36\n2024年度公务接待费支出决算为5.36万元，{words}的主要原因是严格执行公务接待标准。")
    };
    assert_eq!(
        alarms(&t("决算数小于预算数"), "wording"),
        Vec::<String>::new()
    );
    assert_eq!(outcome_of(&run(&t("决算数小于预算数")), "wording").1, 1);
    assert_eq!(
        alarms(&t("决算数大于预算数"), "wording"),
        ["Error 决算数大于预算数 决算数小于预算数"]
    );
    // A budget stated in the text serves too; two budgets that differ leave the words alone.
    let stated = "某县生态环境局2024年度部门决算\n2024年度公务接待费年初预算8.00万元。\n2024年度公务接待费支出决算为5.36万元，决算数大于预算数的主要原因是接待任务增加。";
    assert_eq!(
        alarms(stated, "wording"),
        ["Error 决算数大于预算数 决算数小于预算数"]
    );
    let two = stated.replace("年初预算8.00万元。", "年初预算8.00万元，调整预算5.00万元。");
    assert_eq!(outcome_of(&run(&two), "wording"), (Vec::new(), 0));
}

#[test]
fn rates_at_a_year_end_are_read_like_rates_of_a_year() {
    let t = "全县小型水库病险率由2020年末的31.5%下降到2024年末的6.8%，下降24.7个百分点。\n";
    assert_eq!(outcome_of(&run(t), "point-change"), (Vec::new(), 1));
    let wrong = t.replace("下降24.7个百分点", "下降26.7个百分点");
    assert_eq!(
        alarms(&wrong, "point-change"),
        ["Error 26.7个百分点 下降24.7个百分点"]
    );
    // A stock against last year-end's, with both levels.
    let stock =
        "截至2024年12月31日，本部门资产总额3,300.00万元，较2023年末的3,000.00万元增长10.00%。\n";
    assert_eq!(outcome_of(&run(stock), "level-growth"), (Vec::new(), 1));
}

#[test]
fn review_31_edges_of_the_round_31_mend() {
    let silent = [
        // The later year named second is no earlier level.
        "某县史志办2023年度部门决算情况说明\n2022年机关运行经费80.00万元，2023年为100.00万元，增长25.00%。",
        // A range pairs its ends with its rates.
        "某县史志办2024年部门预算\n预计本年项目支出100万元至120万元，较上年的80万元增长25%至50%。",
        // A budget added to during the year: the words may mean the full-year budget.
        "某县史志办2023年度部门决算情况说明\n公务接待费年初预算8.00万元，年中追加预算4.00万元。\n公务接待费支出决算为9.00万元，决算数小于预算数，主要原因是厉行节约。",
        // A part dated with another year is still a part.
        "某县农业农村局2023年度部门决算情况说明\n2023年度项目支出合计100.00万元，其中：乡村振兴项目30.00万元，农田建设项目30.00万元，2022年续建项目40.00万元。",
        // A whole named without 本年 may be last year's, in the part's own sentence.
        "某县农业农村局2023年度部门决算情况说明\n2023年度财政拨款结转结余50.00万元。\n上年财政拨款结转结余30.00万元，其中基本支出结转10.00万元，占财政拨款结转结余的33.33%。",
        // A unit section headed by the office (局机关) or opening with 本部门所属.
        "县农业农村局2023年度部门决算\n一、收入支出决算总体情况说明\n2023年度收入合计500.00万元，支出合计480.00万元。\n二、所属单位收支情况\n（一）县农业农村局机关\n本年收入合计300.00万元，支出合计290.00万元。\n（二）县农业技术推广中心\n该中心为本部门所属公益一类事业单位，本年收入合计200.00万元，支出合计190.00万元。",
    ];
    let firing: [(&str, &[&str]); 6] = [
        // 其中 on a line of its own after a numbered item is still that item's breakdown.
        ("某县农业农村局2023年度部门决算情况说明\n（一）基本支出500.00万元。\n其中：人员经费400.00万元，公用经费90.00万元。", &["sum"]),
        // A total without a year and a part naming the report's year.
        ("某县农业农村局2023年度部门决算情况说明\n本年支出合计100.00万元，其中：基本支出60.00万元，2023年新增项目支出30.00万元。", &["sum"]),
        // A last-year whole in the part's own sentence is checked.
        ("某县农业农村局2023年度部门决算情况说明\n上年财政拨款结转结余30.00万元，其中基本支出结转10.00万元，占财政拨款结转结余的40.00%。", &["share"]),
        // A report filed by a 中心: its own “三公” figure is the department's.
        ("市公共资源交易中心2023年度部门决算\n2023年度“三公”经费支出决算为7.36万元，其中：因公出国（境）费0.00万元，公务用车购置及运行维护费2.00万元，公务接待费5.36万元。\n2023年度市公共资源交易中心“三公”经费支出决算为8.36万元。", &["restated"]),
        // The department's closing total after its units' sections.
        ("县农业农村局2023年度部门决算\n一、收入支出决算总体情况说明\n2023年度收入合计500.00万元，支出合计480.00万元。\n二、所属单位收支情况\n（一）县农业农村局本级\n本年收入合计300.00万元，支出合计290.00万元。\n（二）县农业技术推广中心\n本年收入合计200.00万元，支出合计190.00万元。\n综上，收入合计520.00万元。", &["restated"]),
        // A scope of the office alone (a website is no 站): 机关运行经费 answers to 公用经费.
        ("县司法局2023年度部门决算\n一、部门基本情况\n纳入本部门2023年度部门决算编制范围的单位为县司法局机关本级，决算公开网址为县人民政府网站\n二、一般公共预算财政拨款基本支出决算情况说明\n2023年度一般公共预算财政拨款基本支出200.00万元，其中：人员经费150.00万元，主要包括基本工资、津贴补贴等；公用经费50.00万元，主要包括办公费、印刷费等。\n三、机关运行经费支出说明\n2023年度本部门机关运行经费支出30.00万元，比上年减少2.00万元。", &["identity"]),
    ];
    assert_alarms(&silent, &firing);
}

#[test]
fn a_rate_that_holds_for_the_other_direction_names_the_direction() {
    // 67.50 ÷ (1,245.30 + 67.50) = 5.14%: the budget fell; 增加 is the slip, not the rate.
    let t = "某县财政局2024年部门预算公开说明\n2024年一般公共预算当年拨款1,245.30万元，比2023年预算增加67.50万元，增长5.14%。";
    let r = run(t);
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "growth")
        .expect("a growth finding");
    assert!(
        f.cause.as_deref().unwrap_or("").contains("增减方向疑有误"),
        "{f:?}"
    );
    // A rate that fits neither direction names none.
    let neither = t.replace("增长5.14%", "增长6.14%");
    let r = run(&neither);
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "growth")
        .expect("a growth finding");
    assert!(
        !f.cause.as_deref().unwrap_or("").contains("增减方向"),
        "{f:?}"
    );
}

#[test]
fn review_32_consistent_texts_stay_silent_and_slips_fire() {
    let silent = [
        // 小微企业 are among 中小企业.
        "某县农业农村局2024年度部门决算情况说明\n全年政府采购合同金额356.80万元，其中授予中小企业301.50万元，占84.50%；授予小微企业215.60万元，占授予中小企业合同金额的71.51%。",
        // A station's section is that unit's.
        "某县农业农村局2024年度部门决算情况说明\n本部门年初结转和结余41.50万元，年末结转和结余62.90万元。\n（二）县水产技术推广站\n年初结转和结余6.50万元，年末结转和结余11.50万元。",
        // A unit named at its sentence's start, a rate of it between, then its parts.
        "某县人社局2023年度部门决算情况说明\n本年收入合计由上年的5,464.01万元增加到5,505.57万元，增长0.76%。其中：财政拨款收入5,363.05万元，其他收入142.52万元。\n县就业服务中心2023年收入决算1,210.75万元，占部门收入的21.99%，其中：财政拨款收入1,195.63万元，其他收入15.12万元。",
        // Sections titled with their years keep their figures apart.
        "河阳县2024年政府性基金预算执行情况和2025年预算草案的说明\n一、2024年政府性基金预算执行情况\n加上级补助收入3,680万元、地方政府专项债务收入28,000万元、上年结转1,254万元，收入总计79,650万元。\n二、2025年政府性基金预算草案\n2025年全县政府性基金预算收入安排44,200万元。\n加上级补助收入2,000万元、地方政府专项债务收入20,000万元，收入总计66,200万元。",
        // A name joined inside before its kind is one office.
        "某县卫健局2024年部门预算\n本部门内设办公室、医政医管股、人口监测与家庭发展股共3个股室。",
        "某县农业农村局2024年部门预算\n下设局本级和所属县农技中心、县动物防疫中心共3个单位。",
    ];
    let firing: [(&str, &[&str]); 2] = [
        ("某县卫健局2024年部门预算\n本部门内设办公室、医政医管股、人口监测与家庭发展股共4个股室。", &["count"]),
        // A closing balance below the sum, with 结余分配 stated: a slip.
        ("某县文旅局2024年度部门决算情况说明\n2024年度年初结转和结余20.00万元，本年收入300.00万元，本年支出290.00万元，结余分配0万元，年末结转和结余25.00万元。", &["balance"]),
    ];
    assert_alarms(&silent, &firing);
    // Above the sum, a draw on reserves not stated could explain it: left unchecked.
    let above = "某县文旅局2024年度部门决算情况说明\n2024年度年初结转和结余20.00万元，本年收入300.00万元，本年支出290.00万元，结余分配0万元，年末结转和结余35.00万元。";
    let r = run(above);
    assert!(alarm_rules(above).is_empty());
    assert!(r
        .ledger
        .iter()
        .any(|e| e.rule == "balance" && e.outcome == Outcome::Unchecked));
}

#[test]
fn review_32_edges_of_the_round_32_mend() {
    let silent = [
        // A heading naming the year compared with frames nothing.
        "县农业农村局2024年部门决算\n一、收入支出决算总体情况说明\n2024年度收入合计1,250.00万元，2023年度收入合计1,100.00万元。\n二、与2023年度决算对比情况\n收入合计1,250.00万元，较上年增加150.00万元，增长13.64%。",
        "县农业农村局2025年部门预算\n一、部门预算收支总体情况\n2025年收入总计1,300.00万元，2024年收入总计1,200.00万元。\n二、与2024年预算对比情况\n收入总计1,300.00万元，比上年增加100.00万元，增长8.33%。",
        // Offices ending in 办 and 委, joined by 和.
        "县卫生健康局2024年部门预算\n本部门内设办公室、法规股、信访办和执法大队共4个机构。",
        "县卫生健康局2024年部门预算\n本部门内设办公室、人事股、机关党委和纪检组共4个机构。",
    ];
    let firing: [(&str, &[&str]); 6] = [
        // A topic heading ending in 所 is no unit.
        ("县农业农村局2024年部门决算\n（一）收入支出决算总体情况\n2024年度收入总计1,250.00万元，支出总计1,250.00万元。\n（二）机关运行经费及办公场所\n2024年度收入总计1,520.00万元，其中机关运行经费45.00万元。", &["restated"]),
        // Back from a unit's clause at its `；`.
        ("县农业农村局2024年部门决算\n一、收入支出决算总体情况说明\n2024年度收入总计1,250.00万元，其中县农业技术推广站2024年收入320.00万元，占25.60%；支出总计1,205.00万元。", &["identity"]),
        // A stale year in a heading of a one-year report frames nothing.
        ("县农业农村局2024年部门决算\n一、收入支出决算总体情况说明\n2024年度收入总计1,250.00万元，支出总计1,250.00万元。\n二、2023年度收入支出决算总体情况说明\n收入总计1,520.00万元，支出总计1,520.00万元。", &["restated", "restated"]),
        // In the unit's own report, its name opens the department's figures.
        ("县中医医院2024年度部门决算\n一、收入支出决算总体情况说明\n县中医院2024年收入总计1,250.00万元，支出总计1,250.00万元。\n二、收入决算情况说明\n收入总计1,520.00万元。", &["identity"]),
        // 小微企业 more than 中小企业, or after 非中小企业, is no part inside it.
        ("2024年部门决算\n2024年度本部门政府采购支出总额1,500.00万元，其中：授予中小企业合同金额1,206.00万元，授予小微企业合同金额1,260.00万元。", &["sum"]),
        ("2024年部门决算\n2024年度本部门政府采购支出总额1,507.50万元，其中：授予非中小企业合同金额1,206.00万元，授予小微企业合同金额401.50万元。", &["sum"]),
    ];
    assert_alarms(&silent, &firing);
    // A base stated settles the direction: no direction cause; nor when the readings are close.
    for text in [
        "2024年部门决算\n2024年收入1,245.30万元，比2023年的1,177.80万元增加67.50万元，增长5.14%。",
        "2024年部门决算\n本年支出合计1,000.00万元，比上年增加10.00万元，增长0.99%。",
    ] {
        let r = run(text);
        let f = r
            .findings
            .iter()
            .find(|f| f.rule == "growth")
            .expect("a growth finding");
        assert!(
            !f.cause.as_deref().unwrap_or("").contains("增减方向"),
            "{f:?}"
        );
    }
}

#[test]
fn a_whole_named_otherwise_than_stated_is_verified_on_the_parts_total_only() {
    let t = |rate: &str| {
        format!("河阳县2024年政府性基金预算执行情况\n（一）收入情况\n2024年全县政府性基金预算收入46,716万元。其中：国有土地使用权出让收入42,360万元，占基金收入的{rate}；城市基础设施配套费收入2,850万元，占6.10%。")
    };
    // 42,360 ÷ 46,716 = 90.68%: verified on the total of its list.
    assert_eq!(outcome_of(&run(&t("90.68%")), "share"), (Vec::new(), 2));
    // A rate that does not hold there stays unchecked: the whole was never stated by name.
    let r = run(&t("90.86%"));
    assert_eq!(outcome_of(&r, "share"), (Vec::new(), 1));
    assert!(r
        .ledger
        .iter()
        .any(|e| e.rule == "share" && e.outcome == Outcome::Unchecked));
}

/// Round 31's s08: a 合计 row breaking the table's column identity is blamed on the cell its
/// own children contradict, the 基本支出 part here, not on its total, which they confirm;
/// when the children confirm the parts, the total is blamed as before.
#[test]
fn table_identity_blames_the_part_its_children_contradict() {
    // Laid out as `pdftotext -layout` does: names padded to a width (a CJK character is two
    // columns wide), amounts right-aligned.
    let row = |code: &str, name: &str, cells: [&str; 3]| {
        let width: usize = name.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
        let mut line = format!("{code:<12}{name}{}", " ".repeat(40 - width));
        for c in cells {
            line.push_str(&format!("{c:>14}"));
        }
        line.trim_end().to_string() + "\n"
    };
    let table = |total: &str, basic: &str| {
        let mut t = String::from("支出决算表\n金额单位：万元\n");
        t += &row(
            "科目编码",
            "科目名称",
            ["本年支出合计", "基本支出", "项目支出"],
        );
        t += &row("", "合计", [total, basic, "795.60"]);
        t += &row("205", "教育支出", ["1,402.30", "901.50", "500.80"]);
        t += &row("20502", "普通教育", ["1,402.30", "901.50", "500.80"]);
        t += &row("2050201", "学前教育", ["520.60", "410.20", "110.40"]);
        t += &row("2050202", "小学教育", ["881.70", "491.30", "390.40"]);
        t += &row("208", "社会保障和就业支出", ["188.70", "188.70", ""]);
        t += &row("20805", "行政事业单位养老支出", ["188.70", "188.70", ""]);
        t += &row("212", "城乡社区支出", ["370.40", "75.60", "294.80"]);
        t += &row("21201", "城乡社区管理事务", ["370.40", "75.60", "294.80"]);
        t
    };
    // Consistent: 1,961.40 = 1,165.80 + 795.60.
    assert_eq!(
        alarms(&table("1,961.40", "1,165.80"), "table-identity"),
        Vec::<String>::new()
    );
    // 基本支出 written 1,156.80: its rows add up to 1,165.80, and so does the total's identity.
    assert_eq!(
        alarms(&table("1,961.40", "1,156.80"), "table-identity"),
        ["Error 1,156.80 1,165.80"]
    );
    // The total written 1,916.40: its rows add up to 1,961.40, the parts agree with theirs.
    assert_eq!(
        alarms(&table("1,916.40", "1,165.80"), "table-identity"),
        ["Error 1,916.40 1,961.40"]
    );
}

/// Round 33's s15: a table column headed by another year (`2023年决算数`) holds that year's
/// figures, never this year's restated; the column of the report's own year still is.
#[test]
fn a_table_column_of_another_year_is_not_this_years_figure() {
    let t = "某县农业农村局2024年度部门决算\n一、收入决算情况\n2024年度收入合计860.00万元，其中：财政拨款收入742.50万元，其他收入117.50万元。\n\
表1 收入决算对比表（单位：万元）\n项目\t2023年决算数\t2024年决算数\n财政拨款收入\t690.30\t{}\n其他收入\t101.20\t117.50\n收入合计\t791.50\t{}\n";
    let consistent = t.replacen("{}", "742.50", 1).replacen("{}", "860.00", 1);
    assert_eq!(alarms(&consistent, "restated"), Vec::<String>::new());
    let slipped = t.replacen("{}", "724.50", 1).replacen("{}", "842.00", 1);
    assert_eq!(
        alarms(&slipped, "restated"),
        ["Error 724.50万元 742.50万元", "Error 842.00万元 860.00万元"]
    );
}

/// Round 33: a government's budget report balances its totals with the amount carried to
/// next year (`支出总计…。收支相抵，结转下年…`): verified when they add up, never a slip of
/// 收入总计 = 支出总计; a department's totals must still balance.
#[test]
fn totals_balance_with_the_amount_carried_to_next_year() {
    let t = "关于某县2024年预算执行情况和2025年预算草案的报告\n一般公共预算收入9.84亿元，加上上级补助收入21.30亿元、上年结转0.52亿元，收入总计31.66亿元。\n一般公共预算支出29.70亿元，加上上解上级支出0.94亿元，支出总计30.64亿元。收支相抵，结转下年{}亿元。\n";
    let r = run(&t.replace("{}", "1.02"));
    assert_eq!(outcome_of(&r, "identity"), (vec![], 1));
    // A carry-over that does not close the gap leaves the totals unjudged.
    assert_eq!(
        alarms(&t.replace("{}", "1.20"), "identity"),
        Vec::<String>::new()
    );
    let department = "某局2024年度部门决算\n收入总计1,250.00万元，支出总计1,205.00万元。\n";
    assert_eq!(
        alarms(department, "identity"),
        ["Error 1205.00万元 1250.00万元"]
    );
}

/// Round 33: a second change after one comparison naming its own subject (`…收入合计增加…，
/// 增长…，本年支出合计增加…`) is that subject's, not the first's.
#[test]
fn a_second_change_of_one_comparison_is_of_its_own_subject() {
    let t = "某县水利局2024年度部门决算\n2024年度，本年收入合计4,210.60万元，本年支出合计4,388.20万元。\n与2023年度相比，本年收入合计增加310.60万元，增长7.96%，本年支出合计增加202.40万元，增长{}%。\n";
    // 202.40 ÷ (4,388.20 − 202.40) = 4.84%.
    assert_eq!(
        alarms(&t.replace("{}", "4.84"), "growth"),
        Vec::<String>::new()
    );
    assert_eq!(
        outcome_of(&run(&t.replace("{}", "4.61")), "growth").0,
        ["Error 4.61% 4.84%"]
    );
}

/// Round 33: `完成年初预算的` is of the 年初预算 the sentence states, not of the 调整预算 nearer
/// to it.
#[test]
fn completion_of_the_initial_budget_named_so() {
    let t = "某街道办事处2024年度决算\n2010301行政运行（项）：年初预算980.00万元，调整预算1,046.50万元，支出决算1,029.38万元，完成年初预算的{}%。\n";
    // 1,029.38 ÷ 980.00 = 105.04%.
    assert_eq!(
        alarms(&t.replace("{}", "105.04"), "completion"),
        Vec::<String>::new()
    );
    assert_eq!(
        alarms(&t.replace("{}", "98.36"), "completion"),
        ["Error 98.36% 105.04%"]
    );
}

/// Round 33: the base written inside `与2023年度决算数69,580.50元相比` is the previous year's,
/// and a sentence opening with the year compared with (`2023年度该项目…执行数…`) states the
/// base, never the current level; a subject naming its stage (`执行数增加`) takes no budget
/// for its base.
#[test]
fn the_base_inside_the_comparison_and_the_base_years_sentence() {
    let inside = "某县民政局2024年度部门决算\n2024年度“三公”经费预算数为60,000.00元，决算数为47,316.40元，完成预算的78.86%。与2023年度决算数52,980.00元相比，减少5,663.60元，下降{}%。\n";
    // 5,663.60 ÷ 52,980.00 = 10.69%.
    assert_eq!(
        alarms(&inside.replace("{}", "10.69"), "growth"),
        Vec::<String>::new()
    );
    assert_eq!(
        alarms(&inside.replace("{}", "11.97"), "growth"),
        ["Error 11.97% 10.69%"]
    );
    let sentence = "某县体育局2024年度项目支出绩效自评报告\n该项目2024年全年预算数180.00万元，全年执行数172.80万元，执行率96.00%。\n2023年度该项目全年预算数160.00万元，执行数150.40万元。与2023年相比，2024年执行数增加22.40万元，增长{}%。\n";
    // 22.40 ÷ 150.40 = 14.89%.
    assert_eq!(
        alarms(&sentence.replace("{}", "14.89"), "growth"),
        Vec::<String>::new()
    );
}

/// Round 33: sums that are no breakdown of the total before them: another unit's total after a
/// `；` with its own 其中; a 其中 after a rate of a budget (`为调整预算X的`); a per-head amount
/// (`人均`); profits with losses (signs the list does not read).
#[test]
fn lists_that_are_not_the_totals_parts() {
    assert_alarms(
        &[
            "某市卫生健康委员会2026年部门预算\n分单位看，委机关2026年收入预算1,420.50万元，其中一般公共预算拨款收入1,420.50万元；市中心血站收入预算2,306.80万元，其中一般公共预算拨款收入1,980.30万元、事业收入326.50万元。\n",
            "关于某县2024年预算执行情况的报告\n全县一般公共预算收入完成9.88亿元，为调整预算9.70亿元的101.86%，比上年的9.35亿元增长5.67%。\n其中：税收收入6.92亿元，非税收入2.96亿元。\n",
            "某县司法局2024年度部门决算\n以上3项合计512,406.30元。\n其中，培训费12,880.00元，全年举办培训4期，参训230人次，人均56.00元。\n",
            "某县2024年国有资本经营预算执行情况\n2024年县属国有企业实现利润总额1,846.20万元。其中：城投公司实现利润1,920.40万元；交投公司利润总额为-236.50万元；水务公司实现利润214.60万元；农投公司亏损52.30万元。\n",
        ],
        &[(
            "某市卫生健康委员会2026年部门预算\n分单位看，市中心血站收入预算2,306.80万元，其中一般公共预算拨款收入1,980.30万元、事业收入362.50万元。\n",
            &["sum"],
        )],
    );
}

/// Round 33's s02: `占本年收入的` names `本年收入预算` in a budget report.
#[test]
fn a_share_of_this_years_income_budget() {
    let t = "某区卫生健康委员会2026年部门预算\n2026年本年收入预算9,320.00万元（不含上年结转180.00万元）。其中，一般公共预算拨款收入6,524.00万元，占本年收入的{}%；事业收入2,796.00万元，占本年收入的30.00%。\n";
    // 6,524.00 ÷ 9,320.00 = 70.00%.
    assert_eq!(
        alarms(&t.replace("{}", "70.00"), "share"),
        Vec::<String>::new()
    );
    assert_eq!(
        alarms(&t.replace("{}", "68.65"), "share"),
        ["Error 68.65% 70.00%"]
    );
}

/// Review 33: what round 33's mend must not touch. Silent: a `较上年相比` whose item's name
/// holds a `和`; a level of the later year after a `；` in a sentence opening with the earlier;
/// a budget compared with last year's outturn; an item's own budget before `完成年初预算的`;
/// `占本年收入的` in final accounts stating a budget too; a table's two years' columns alike.
/// Firing: a department's 结转下年 inside its 支出总计, or after it, with unequal totals; a
/// sibling part named like the total; a 亏损补贴 part; a part `为民办实事项目预算`.
#[test]
fn review_33_mend_keeps_the_old_readings() {
    assert_alarms(
        &[
            "某区民政局2024年度部门决算\n2024年度社会保障和就业支出240.00万元较上年相比增加40.00万元，增长20.00%。\n",
            "某区民政局2024年度部门决算\n2023年度本部门支出合计800.00万元；2024年度支出合计880.00万元。与2023年相比增加80.00万元，增长10.00%。\n",
            "某区民政局2025年部门预算\n本部门2025年收入预算1,320.00万元，上年执行数1,200.00万元。与上年相比，收入预算增加120.00万元，增长10.00%。\n",
            "某区民政局2024年度部门决算\n“三公”经费财政拨款年初预算为24.00万元。公务接待费预算6.00万元，支出决算4.50万元，完成年初预算的75.00%。\n",
            "某区民政局2024年度部门决算\n本年收入合计1,320.00万元，本年收入预算1,400.00万元。其中：财政拨款收入1,200.00万元，占本年收入的90.91%；事业收入120.00万元，占本年收入的9.09%。\n",
            "某区民政局2024年度部门决算\n2024年度“三公”经费财政拨款支出决算为21.30万元，其中：公务用车运行维护费14.20万元，公务接待费7.10万元。\n“三公”经费财政拨款支出决算表\n单位：万元\n项目\t2023年决算数\t2024年决算数\n合计\t21.30\t21.30\n公务用车运行维护费\t14.20\t14.20\n公务接待费\t7.10\t7.10\n",
        ],
        &[
            (
                "某区民政局2024年度部门决算\n2024年度收入总计1,420.00万元，支出总计1,380.00万元，其中：本年支出合计1,300.00万元，结转下年80.00万元。\n",
                &["identity"],
            ),
            (
                "某区民政局2024年度部门决算\n2024年度收入总计1,420.00万元，支出总计1,380.00万元。\n结转下年80.00万元，主要是项目尚未完工。\n",
                &["identity"],
            ),
            (
                "某区民政局2025年部门预算\n2025年支出预算2,600.00万元，其中：基本支出预算1,000.00万元；项目支出预算1,700.00万元，其中社会救助资金900.00万元。\n",
                &["sum"],
            ),
            (
                "某区交通运输局2024年度部门决算\n项目支出420.00万元，其中：公交企业政策性亏损补贴260.00万元，农村客运补助170.00万元。\n",
                &["sum"],
            ),
            (
                "某区民政局2025年部门预算\n项目支出预算420.00万元，其中：社区服务经费150.00万元，为民办实事项目预算280.00万元。\n",
                &["sum"],
            ),
        ],
    );
}

/// Round 33: a laid-out table's rate column (`增长%`), its header set off from its figures by
/// more than a few places, is found by the header's order and never added up.
#[test]
fn a_rate_column_named_by_the_headers_order_is_not_summed() {
    let t = "某区2025年政府性基金预算（草案）编制说明\n\
表1  2025年某区政府性基金预算收入表\n\
单位：万元\n\
项        目                              2024年执行数      2025年预算数      增长%\n\
政府性基金预算收入合计                           50,602.40         47,740.00         -5.66\n\
  国有土地使用权出让收入                         43,892.20         41,400.00         -5.68\n\
      土地出让价款收入                           42,150.00         40,000.00         -5.10\n\
      补缴的土地价款                              1,260.40          1,000.00        -20.66\n\
      划拨土地收入                                  386.20            300.00        -22.32\n\
      其他土地出让收入                               95.60            100.00          4.60\n\
  城市基础设施配套费收入                          2,860.00          2,600.00         -8.84\n\
  污水处理费收入                                  1,325.80          1,400.00          5.60\n\
  彩票公益金收入                                    412.00            430.00          4.37\n\
      福利彩票公益金收入                            230.50            240.00          4.12\n\
      体育彩票公益金收入                            181.50            190.00          4.68\n\
  国有土地收益基金收入                            2,150.00          1,960.00         -8.84\n\
";
    assert_eq!(alarm_rules(t), Vec::<&str>::new());
}

/// Round 33: `年初安排` is a budget, not the outturn restated; a count whose bracket lists
/// examples ending in 等 is open.
#[test]
fn initial_allocation_and_examples_in_brackets() {
    assert_alarms(
        &[
            "某镇人民政府2024年度单位决算\n2024年“三公”经费年初安排80,000.00元，实际支出67,412.60元。\n2024年度“三公”经费支出67,412.60元，其中：因公出国（境）费0元；公务用车运行维护费49,812.60元；公务接待费17,600.00元。\n",
            "某县住房和城乡建设局2025年部门预算\n截至2024年12月31日，本部门共有车辆9辆，其中一般公务用车3辆、执法执勤用车1辆、特种专业技术用车5辆（清扫车、洒水车等）。\n",
        ],
        &[(
            "某县住房和城乡建设局2025年部门预算\n截至2024年12月31日，本部门共有车辆9辆，其中一般公务用车3辆、执法执勤用车1辆、特种专业技术用车5辆（清扫车、洒水车）。\n",
            &["count"],
        )],
    );
}

/// Round 33's other shapes: a unit section headed by a 中专; comparisons over several years
/// on purpose (`从三年变化看`, `2021年至2024年…`, `累计增加`); holdings at the end of the
/// year a budget report reviews the execution of; one enterprise's or one insurance fund's
/// figures under the whole's; a draft's `本年` in a section of its own year.
#[test]
fn round_33_units_years_and_funds() {
    assert_alarms(
        &[
            "某县教育局2024年度部门决算\n2024年度，本部门本年支出合计4,820.30万元，年末结转和结余40.12万元。\n（三）县卫生职业中专\n县卫生职业中专本年支出合计1,206.44万元，其中基本支出1,001.20万元、项目支出205.24万元。年末结转和结余12.30万元。\n",
            "某县妇幼保健院2024年度单位决算\n2024年收入较2023年增加96.40万元，增长7.12%。\n从三年变化看，2023年收入较2022年减少52.30万元，下降3.72%。\n2024年支出较2023年增加60.10万元，增长4.60%；2024年“三公”经费较2023年减少0.30万元，下降10.00%。\n",
            "某县实验中学2025年单位预算\n2025年本单位收支预算总额2,410.00万元，比2024年预算2,300.00万元增加110.00万元，增长4.78%。\n近三年预算总额：2023年2,180.00万元，2024年2,300.00万元，2025年2,410.00万元。2025年与2023年相比，预算总额累计增加230.00万元。\n",
            "关于某县2025年国有资本经营预算执行情况和2026年国有资本经营预算草案的报告\n截至2025年12月31日，县属国有企业资产总额510,400.00万元，负债总额301,200.00万元。其中：\n县交通建设投资集团有限公司资产总额320,100.00万元，负债总额190,400.00万元；\n县水务发展有限公司资产总额190,300.00万元，负债总额110,800.00万元。\n",
            "关于某县2025年社会保险基金预算执行情况的报告\n全县社会保险基金当年收支结余4,120.00万元，年末滚存结余61,300.00万元。\n（一）城乡居民基本养老保险基金。收入18,200.00万元，支出16,900.00万元。当年收支结余1,300.00万元，年末滚存结余20,400.00万元。\n（二）工伤保险基金。收入700.00万元，支出660.00万元。当年收支结余40.00万元，年末滚存结余8,100.00万元。\n",
            "关于某县2025年社会保险基金预算执行情况和2026年社会保险基金预算（草案）的报告\n一、2025年社会保险基金预算执行情况\n全县社会保险基金预算收入88,100.00万元，支出83,900.00万元，当年收支结余4,200.00万元。\n二、2026年社会保险基金预算草案\n2026年全县社会保险基金预算收入90,300.00万元，支出88,800.00万元。\n本年收支结余1,500.00万元。\n",
        ],
        &[(
            "某县妇幼保健院2024年度单位决算\n2024年收入较2023年增加96.40万元，增长7.12%；支出较2023年增加60.10万元，增长4.60%；“三公”经费较2023年减少0.30万元，下降10.00%；公用经费较2022年减少5.10万元，下降3.30%。\n",
            &["comparison-year"],
        )],
    );
}

/// Review 33b: what the second mend must not touch. Silent: a level in a clause opening
/// `2023年启动的`; `同上年相比` after a class named with 与; 完成调整预算的 after a 追加 named
/// 调整预算; a header ending in 备注 over a table whose rate column is not last; a change
/// column `比上年决算数增减`; 年初安排 before 全年预算 with 追加 between. Firing: units as parts
/// of their department's total; items opening 为计划生育; a negative or a loss after the
/// list's `；`; 政策性亏损 as an item; 人均… as an amount's name; a government's balanced
/// totals mistyped; a department's report titled 预算执行情况; 一等、二等、三等 counted.
#[test]
fn review_33b_mend_keeps_the_old_readings() {
    assert_alarms(
        &[
            "某县文化馆2024年度项目支出绩效自评报告\n2023年启动的数字文化馆项目，2024年预算数220.00万元，本年执行数210.00万元，与2023年相比增加14.00万元，增长7.14%。\n",
            "某县文化和旅游局2024年度部门决算\n2024年度文化旅游体育与传媒支出132.00万元同上年相比增加12.00万元，增长10.00%。\n",
            "某县教育局2024年度部门决算\n义务教育项目年初预算400.00万元，年中调整预算追加40.00万元，全年预算数440.00万元，全年执行数431.20万元，完成调整预算的98.00%。\n",
            "某县教育局2024年度部门决算\n（一）学生资助项目：年初安排150.00万元，年中追加20.00万元。\n（二）学生资助项目全年预算170.00万元，支出决算168.30万元。\n",
        ],
        &[
            (
                "某市卫生健康委员会2026年部门预算\n市卫生健康委员会收入预算5,300.00万元，其中：委机关收入预算1,900.00万元；市疾病预防控制中心收入预算3,420.00万元，其中财政拨款收入3,010.00万元，事业收入410.00万元。\n",
                &["sum"],
            ),
            (
                "某县卫生健康局2024年度部门决算\n项目支出600.00万元，其中：为计划生育家庭发放奖励扶助金320.00万元，为目标人群免费检测290.00万元。\n",
                &["sum"],
            ),
            (
                "某县民政局2024年度部门决算\n项目支出600.00万元，其中：低保资金320.00万元，临时救助290.00万元；本年收支差额-12.30万元。\n",
                &["sum"],
            ),
            (
                "某县粮食局2024年度部门决算\n项目支出600.00万元，其中：储备粮油政策性亏损320.00万元，粮库维修290.00万元。\n",
                &["sum"],
            ),
            (
                "关于某县2024年财政决算的报告\n全县一般公共预算收入10.40亿元，加上上级补助收入20.10亿元，收入总计30.50亿元。全县一般公共预算支出28.80亿元，加上结转下年支出1.70亿元，支出总计30.05亿元。\n年终结转1.70亿元。\n",
                &["identity"],
            ),
            (
                "某县教育局2024年度部门预算执行情况的报告\n2024年度收入总计1,220.00万元，支出总计1,180.00万元。\n结转下年40.00万元。\n",
                &["identity"],
            ),
        ],
    );
}

/// Round 33: `以上N项合计…。其中，…` picks some of the items above out of their total; an
/// amount added during the year (`年中追加`) is no level to restate across two projects.
#[test]
fn items_above_and_amounts_added() {
    assert_alarms(
        &[
            "某县司法局2024年度部门决算\n机关运行经费按经济分类明细如下（单位：元）：\n（1）办公费62,300.00；\n（2）会议费14,200.00；\n（3）培训费21,500.00；\n以上3项合计98,000.00元。\n其中，会议费14,200.00元，全年召开会议5次；培训费21,500.00元，全年举办培训3期。\n",
            "某县文化广电和旅游局2024年度项目支出绩效自评报告\n（一）公共文化服务项目：年初预算160.00万元，年中追加25.00万元，全年预算数185.00万元。\n（二）乡村旅游推广项目：年初预算110.00万元，年中追加20.00万元，全年预算数130.00万元。\n",
        ],
        &[(
            "某县司法局2024年度部门决算\n机关运行经费合计98,000.00元。\n其中，会议费14,200.00元，全年召开会议5次；培训费21,500.00元，全年举办培训3期。\n",
            &["sum"],
        )],
    );
}

/// A code table laid out by display width (a CJK character two places, as an editor shows
/// it) where most rows fill only the 合计 and one of 基本支出 / 项目支出, the other cell
/// blank: four coded rows make it a table, though few rows fill every column.
fn sparse_code_table(social_security: &str) -> String {
    let laid_out = |name: &str, amounts: &[&str]| {
        let width: usize = name.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
        let pad = " ".repeat(46usize.saturating_sub(width));
        format!("{name}{pad}{}", padded_row("", 0, amounts, 14))
    };
    let rows = [
        laid_out("科目编码  科目名称", &["合计", "基本支出", "项目支出"]),
        laid_out("        合计", &["500.00", "350.00", "150.00"]),
        laid_out("201     一般公共服务支出", &["310.00", "160.00", "150.00"]),
        laid_out("20106   财政事务", &["310.00", "160.00", "150.00"]),
        laid_out("2010601 行政运行", &["160.00", "160.00", ""]),
        laid_out("2010602 一般行政管理事务", &["150.00", "", "150.00"]),
        laid_out(
            "208     社会保障和就业支出",
            &[social_security, social_security, ""],
        ),
        laid_out("20805   行政事业单位养老支出", &["80.00", "80.00", ""]),
        laid_out(
            "2080505 机关事业单位基本养老保险缴费支出",
            &["55.00", "55.00", ""],
        ),
        laid_out(
            "2080506 机关事业单位职业年金缴费支出",
            &["25.00", "25.00", ""],
        ),
        laid_out("20808   抚恤", &["30.00", "30.00", ""]),
        laid_out("2080801 死亡抚恤", &["30.00", "30.00", ""]),
        laid_out("221     住房保障支出", &["80.00", "80.00", ""]),
        laid_out("22102   住房改革支出", &["80.00", "80.00", ""]),
        laid_out("2210201 住房公积金", &["80.00", "80.00", ""]),
    ];
    format!(
        "表5 一般公共预算支出预算表\n单位：万元\n{}\n",
        rows.join("\n")
    )
}

#[test]
fn a_laid_out_code_table_with_blank_cells_checks_its_classes() {
    let ok = run(&sparse_code_table("110.00"));
    assert_eq!(
        alarm_rules(&sparse_code_table("110.00")),
        Vec::<&str>::new()
    );
    assert!(ok
        .ledger
        .iter()
        .any(|e| e.rule == "table-hierarchy" && e.outcome == Outcome::Verified));
    // 社会保障和就业支出 100.00 against its 款 80.00 + 30.00 (both columns).
    let wrong = alarms(&sparse_code_table("100.00"), "table-hierarchy");
    assert!(
        !wrong.is_empty() && wrong.iter().all(|f| f.starts_with("Error 100.00")),
        "{wrong:?}"
    );
}

/// A budget's 支出表 copied one cell per line, with a change column and a rate column whose
/// rates carry no `%` (`增减率（%）` / `5.00`).
fn cell_lines_with_rates(community_this_year: &str) -> String {
    // (A 合计 row without a code first; a fall, `-10.00`, breaks the rows into two runs.)
    let rows: [(&str, &str, [&str; 4]); 12] = [
        ("", "合计", ["400.00", "420.00", "20.00", "5.00"]),
        (
            "201",
            "一般公共服务支出",
            ["300.00", "315.00", "15.00", "5.00"],
        ),
        ("20106", "财政事务", ["300.00", "315.00", "15.00", "5.00"]),
        (
            "2010601",
            "行政运行",
            ["200.00", "220.00", "20.00", "10.00"],
        ),
        (
            "2010602",
            "一般行政管理事务",
            ["50.00", "55.00", "5.00", "10.00"],
        ),
        (
            "2010603",
            "机关服务",
            ["50.00", "40.00", "-10.00", "-20.00"],
        ),
        ("212", "城乡社区支出", ["80.00", "84.00", "4.00", "5.00"]),
        (
            "21201",
            "城乡社区管理事务",
            ["80.00", community_this_year, "4.00", "5.00"],
        ),
        ("2120101", "行政运行", ["50.00", "52.00", "2.00", "4.00"]),
        (
            "2120102",
            "一般行政管理事务",
            ["30.00", "32.00", "2.00", "6.67"],
        ),
        ("221", "住房保障支出", ["20.00", "21.00", "1.00", "5.00"]),
        ("22102", "住房改革支出", ["20.00", "21.00", "1.00", "5.00"]),
    ];
    let mut t = String::from(
        "表5 一般公共预算支出预算表\n单位：万元\n科目编码\n科目名称\n2025年预算数\n2026年预算数\n增减额\n增减率（%）\n",
    );
    for (code, name, cells) in rows {
        if !code.is_empty() {
            t += &format!("{code}\n");
        }
        t += &format!("{name}\n{}\n", cells.join("\n"));
    }
    t
}

#[test]
fn a_rate_column_copied_one_cell_per_line_is_not_added_up() {
    assert_eq!(
        alarm_rules(&cell_lines_with_rates("84.00")),
        Vec::<&str>::new()
    );
    let ok = run(&cell_lines_with_rates("84.00"));
    assert!(ok
        .ledger
        .iter()
        .any(|e| e.rule == "table-hierarchy" && e.outcome == Outcome::Verified));
    assert!(!alarms(&cell_lines_with_rates("86.00"), "table-hierarchy").is_empty());
}

#[test]
fn a_qizhong_larger_than_the_item_before_it_picks_from_elsewhere() {
    let silent = [
        // Out of the whole the items make (82.00 + 300.00 + 118.00 = 500.00; 40% is 200.00).
        "2025年政府采购预算总额500.00万元，其中：货物类82.00万元，工程类300.00万元，服务类118.00万元，其中预留面向中小企业的采购份额200.00万元。",
        "截至2024年底，本单位共有车辆5辆，其中机要通信用车1辆、执法执勤用车3辆、应急保障用车1辆，其中新能源汽车3辆。",
        // An item of the numbered list before, named and valued again.
        "主要项级科目如下：\n1.城乡社区支出（类）城乡社区公共设施（款）小城镇基础设施建设（项）3600.00万元。\n2.城乡社区支出（类）城乡社区管理事务（款）城管执法（项）750.00万元。\n其中，小城镇基础设施建设（项）3600.00万元，主要用于集镇污水管网改造1800.00万元、道路提升1200.00万元、公厕改造600.00万元。",
    ];
    let firing: [(&str, &[&str]); 2] = [
        // A part larger than its total with no other whole it could come from.
        (
            "2025年“三公”经费预算18.00万元，其中公务接待费20.00万元。",
            &["sum"],
        ),
        // Still checked where it fits its own item.
        (
            "2025年政府采购预算总额500.00万元，其中：货物类82.00万元，工程类300.00万元，服务类118.00万元，其中物业管理服务80.00万元、安保服务48.00万元。",
            &["sum"],
        ),
    ];
    assert_alarms(&silent, &firing);
}

#[test]
fn a_plans_breakdown_then_what_was_paid_may_differ() {
    let silent = [
        "市级资金预算250.00万元，其中：困难学生生活补助90.00万元；校舍维修补助资金160.00万元。年内实际拨付困难学生生活补助81.40万元，拨付校舍维修补助资金160.00万元。困难学生生活补助结余8.60万元，已收回市财政。",
    ];
    let firing: [(&str, &[&str]); 1] = [(
        // The same money received and then paid out: one amount stated two ways.
        "收到资金250.00万元，其中：困难学生生活补助资金90.00万元；校舍维修补助资金160.00万元。向各校拨付困难学生生活补助资金81.40万元，拨付校舍维修补助资金160.00万元。",
        &["parallel"],
    )];
    assert_alarms(&silent, &firing);
}

#[test]
fn shares_of_groups_within_groups_are_not_added_up() {
    let silent = [
        "授予中小企业合同金额占政府采购支出总额的100%，授予小微企业合同金额占政府采购支出总额的72.15%。",
        "全年资助学生中，农村户籍学生占78.6%，高中阶段学生占44.2%。",
    ];
    let firing: [(&str, &[&str]); 1] = [(
        "全年资助学生中，高中阶段学生占64.2%，义务教育阶段学生占44.2%。",
        &["share-total"],
    )];
    assert_alarms(&silent, &firing);
}

#[test]
fn increase_or_decrease_naming_a_tables_row_is_no_leftover() {
    let silent = [
        "一般公共预算“三公”经费支出表\n单位：元\n项目\t合计\t因公出国（境）费\t公务用车购置及运行费\t公务接待费\n2022年预算数\t90,000.00\t0.00\t60,000.00\t30,000.00\n2023年预算数\t81,000.00\t0.00\t56,000.00\t25,000.00\n比上年增加/减少\t-9,000.00\t0.00\t-4,000.00\t-5,000.00\n注：“比上年增加/减少”行中负数表示减少。\n",
    ];
    let firing: [(&str, &[&str]); 2] = [
        (
            "2023年“三公”经费预算81,000.00元，比上年增加/减少9,000.00元。",
            &["template"],
        ),
        // Prose in a web page's table cell is prose.
        (
            "三、“三公”经费\t2023年“三公”经费预算81,000.00元，比上年增加/减少9,000.00元。\n",
            &["template"],
        ),
    ];
    assert_alarms(&silent, &firing);
}

#[test]
fn a_change_said_the_wrong_way_against_its_stated_base_names_the_word() {
    // 2,480.60 − 2,615.20 = −134.60; 134.60 ÷ 2,615.20 = 5.15%.
    let t = "2026年支出预算总额2,480.60万元，较2025年预算2,615.20万元减少134.60万元，下降5.15%。";
    assert_eq!(alarm_rules(t), Vec::<&str>::new());
    let wrong = run(&t.replace("减少134.60", "增加134.60"));
    let f: Vec<_> = wrong
        .findings
        .iter()
        .filter(|f| f.rule == "growth")
        .collect();
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(
        (f[0].stated.as_deref(), f[0].expected.as_deref()),
        (Some("增加"), Some("减少"))
    );
}

#[test]
fn a_projects_execution_rate_is_of_its_one_whole_year_budget() {
    // 287.64 ÷ 301.50 = 95.40%.
    let t = "某县农业农村局2025年度耕地保护项目支出绩效自评报告\n一、项目基本情况\n2025年年初预算280.00万元，年中追加21.50万元，全年预算数301.50万元。\n二、项目资金使用情况\n截至2025年12月31日，项目全年执行数287.64万元，预算执行率为95.40%。\n三、政府采购情况\n政府采购实际金额120.00万元，政府采购执行率为88.00%。\n";
    assert_eq!(alarm_rules(t), Vec::<&str>::new());
    assert_eq!(outcome_of(&run(t), "completion").1, 1);
    assert_eq!(
        alarms(&t.replace("95.40%", "94.50%"), "completion"),
        ["Error 94.50% 95.40%–95.41%"]
    );
    // Two budgets in force stated: which one is unclear.
    let two = t.replace(
        "三、政府采购情况",
        "调整预算为310.00万元。\n三、政府采购情况",
    );
    assert_eq!(
        alarms(&two.replace("95.40%", "94.50%"), "completion"),
        Vec::<String>::new()
    );
}

/// Review 34: what round 34's mend must not lose. Each is a slip the binary before it caught.
#[test]
fn review_34_mend_keeps_the_old_readings() {
    let firing: [(&str, &[&str]); 7] = [
        // A 其中 inside an item, the list going on after it.
        ("本部门在职人员60人，其中：行政编制36人，其中女性40人；事业编制24人。", &["count"]),
        ("2024年度“三公”经费支出26.00万元，其中：因公出国（境）费0.00万元；公务用车购置及运行维护费16.00万元，其中公务用车运行维护费18.00万元；公务接待费10.00万元。", &["sum", "sum"]),
        // ASCII quotes around another word leave 增加/减少 in prose.
        ("2024年\"三公\"经费支出20.00万元。\"三公\"经费比上年增加/减少2.00万元。", &["template"]),
        // 增加/减少 among a row's values.
        ("项目\t本年数\t上年数\t变动方向\n收入合计\t600.00\t580.00\t增加/减少\n支出合计\t590.00\t570.00\t增加\n", &["template"]),
        // Groups by one attribute only still add up to at most 100%.
        ("全年资助学生中，本地户籍学生占65%，外地户籍学生占45%。", &["share-total"]),
        // The money arranged and then paid, one amount differing with nothing to explain it.
        ("安排资金250.00万元，其中困难学生生活补助资金90.00万元；校舍维修补助资金160.00万元。实际拨付困难学生生活补助资金81.40万元，拨付校舍维修补助资金160.00万元。", &["parallel"]),
        // A rate that fits the direction written: the base is the slip (1,450.00 − 72.50 =
        // 1,377.50; 72.50 ÷ 1,377.50 = 5.26%).
        ("2024年度收入总计1,450.00万元，较2023年1,522.50万元增加72.50万元，增长5.26%。", &["growth"]),
    ];
    assert_alarms(&[], &firing);
    // A table without a header of its own after a table with a rate column is added up.
    let t = "表5 一般公共预算财政拨款支出决算表\n科目编码\n科目名称\n年初预算数\n决算数\n完成率（%）\n合计\n600.00\n540.00\n90.00\n201\n一般公共服务支出\n600.00\n540.00\n90.00\n20101\n人大事务\n600.00\n540.00\n90.00\n2010101\n行政运行\n400.00\n400.00\n100.00\n2010102\n一般行政管理事务\n200.00\n140.00\n70.00\n表6 支出决算表（单位：万元）\n合计\n540.00\n400.00\n140.00\n201\n一般公共服务支出\n540.00\n400.00\n140.00\n20101\n人大事务\n540.00\n400.00\n140.00\n2010101\n行政运行\n400.00\n400.00\n0.00\n2010102\n一般行政管理事务\n150.00\n0.00\n140.00\n208\n社会保障和就业支出\n0.00\n0.00\n0.00\n20805\n行政事业单位养老支出\n0.00\n0.00\n0.00\n";
    assert!(
        alarm_rules(t).contains(&"table-hierarchy"),
        "{:?}",
        alarm_rules(t)
    );
}
