//! The “三公”经费 table in the shapes users bring, with texts and figures of our own: the
//! `three-public` rule firing on a slip and staying silent on tables it cannot read for sure.

use gouji_core::{check, Options, Outcome, Report, Severity};

fn run(t: &str) -> Report {
    check(t, &Options::default())
}

/// A rule's findings, each shown by `show`, and how many claims it verified and left
/// unchecked.
fn outcome_with(
    r: &Report,
    rule: &str,
    show: impl Fn(&gouji_core::Finding) -> String,
) -> (Vec<String>, usize, usize) {
    let findings = r
        .findings
        .iter()
        .filter(|f| f.rule == rule)
        .map(show)
        .collect();
    let count = |o: Outcome| {
        r.ledger
            .iter()
            .filter(|e| e.rule == rule && e.outcome == o)
            .count()
    };
    (
        findings,
        count(Outcome::Verified),
        count(Outcome::Unchecked),
    )
}

/// `three-public`'s findings as "severity stated expected", and its verified and unchecked
/// claims.
fn outcome(r: &Report) -> (Vec<String>, usize, usize) {
    outcome_with(r, "three-public", |f| {
        format!(
            "{:?} {} {}",
            f.severity,
            f.stated.as_deref().unwrap_or(""),
            f.expected.as_deref().unwrap_or("")
        )
    })
}

/// The 决算 template's twelve figures: 预算数 then 决算数, each 合计, 出国, 小计, 购置, 运行, 接待.
const FIGURES: [&str; 12] = [
    "58.60", "10.00", "40.60", "25.00", "15.60", "8.00", "50.12", "6.20", "38.52", "24.00",
    "14.52", "5.40",
];

fn with(figures: &[&str; 12], at: usize, instead: &str) -> Vec<String> {
    let mut v: Vec<String> = figures.iter().map(|s| s.to_string()).collect();
    v[at] = instead.into();
    v
}

/// As `pdftotext -layout` writes the template's table.
fn laid_out(figures: &[String]) -> String {
    let row: String = figures.iter().map(|f| format!("{f:>9}")).collect();
    format!(
        "                       一般公共预算财政拨款“三公”经费支出决算表\n\
                                                                           公开09表\n\
部门：东川区档案馆                                                     金额单位：万元\n\
                    预算数                                                决算数\n\
               公务用车购置及运行费                                  公务用车购置及运行费\n\
         因公出国                         公务接待             因公出国                         公务接待\n\
 合计    （境）费    小计   购置费   运行费     费        合计    （境）费    小计   购置费   运行费     费\n\
        1        2        3        4        5        6        7        8        9       10       11       12\n\
{row}\n\
注：本表反映部门本年度“三公”经费支出预决算情况。\n"
    )
}

/// As a web page's table is copied: cells between tabs.
fn tabbed(figures: &[String]) -> String {
    format!(
        "一般公共预算财政拨款“三公”经费支出决算表\n单位：万元\n预算数\t决算数\n\
合计\t因公出国（境）费\t公务用车购置及运行费\t公务接待费\t合计\t因公出国（境）费\t公务用车购置及运行费\t公务接待费\n\
小计\t公务用车购置费\t公务用车运行费\t小计\t公务用车购置费\t公务用车运行费\n\
1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12\n{}\n",
        figures.join("\t")
    )
}

/// As a PDF viewer copies it: one cell per line, the header cells in no useful order.
fn one_per_line(figures: &[String]) -> String {
    let numbers: Vec<String> = (1..=12).map(|n| n.to_string()).collect();
    format!(
        "一般公共预算财政拨款“三公”经费支出决算表\n公开09表\n金额单位：万元\n\n预算数\n决算数\n\
公务用车购置及运行费\n公务用车购置及运行费\n因公出国\n公务接待\n因公出国（境）\n合计\n合计\n公务接待费\n\
小计\n小计\n公务用车购置费\n公务用车运行费\n{}\n{}\n注：本表反映部门本年度“三公”经费支出预决算情况。\n",
        numbers.join("\n"),
        figures.join("\n\n")
    )
}

#[test]
fn the_template_table_adds_up_in_every_shape() {
    let figures = with(&FIGURES, 0, "58.60");
    for text in [laid_out(&figures), tabbed(&figures), one_per_line(&figures)] {
        let r = run(&text);
        assert_eq!(outcome(&r), (vec![], 4, 0), "{text}");
        assert!(r.findings.is_empty(), "{:#?}", r.findings);
    }
}

#[test]
fn a_subtotal_that_is_not_its_parts_is_the_one_slip() {
    // 运行费 13.52: 24.00 + 13.52 = 37.52, the 小计 says 38.52; the 合计 still adds up with
    // the 小计, so only the 小计 is reported.
    let figures = with(&FIGURES, 10, "13.52");
    for text in [laid_out(&figures), tabbed(&figures), one_per_line(&figures)] {
        let r = run(&text);
        assert_eq!(
            outcome(&r),
            (vec!["Error 38.52 37.52".to_string()], 3, 0),
            "{text}"
        );
        let f = r
            .findings
            .iter()
            .find(|f| f.rule == "three-public")
            .unwrap();
        assert!(
            f.message.contains("（决算数）公务用车购置及运行费"),
            "{}",
            f.message
        );
        assert_eq!(f.related.len(), 2);
    }
}

#[test]
fn a_total_that_is_not_its_three_parts() {
    let figures = with(&FIGURES, 0, "58.70");
    for text in [laid_out(&figures), tabbed(&figures), one_per_line(&figures)] {
        let r = run(&text);
        assert_eq!(
            outcome(&r),
            (vec!["Error 58.70 58.60".to_string()], 3, 0),
            "{text}"
        );
    }
    // A wrong 小计 whose 合计 is written to match it: the 合计 holds with it, only the
    // 小计 is the slip.
    let mut figures = with(&FIGURES, 2, "41.60");
    figures[0] = "59.60".into();
    let r = run(&one_per_line(&figures));
    assert_eq!(outcome(&r).0, ["Error 41.60 40.60".to_string()]);
    // A 合计 that matches neither: both are reported.
    figures[0] = "58.70".into();
    let r = run(&one_per_line(&figures));
    assert_eq!(
        outcome(&r).0,
        [
            "Error 58.70 59.60".to_string(),
            "Error 41.60 40.60".to_string()
        ]
    );
}

/// A budget's table with 公务接待费 third, laid out. (Lines joined, not continued with `\`,
/// which would drop their leading spaces: the header's columns.)
fn budget(reception: &str) -> String {
    [
        "                          2026年部门“三公”经费预算表",
        "单位：万元",
        "                                               公务用车购置及运行费",
        "   合计        因公出国(境)费       公务接待费",
        "                                         小计         购置费       运行费",
        &format!(
            "   86.40          12.00           {reception}         65.00        30.00        35.00"
        ),
    ]
    .join("\n")
}

#[test]
fn a_budget_with_reception_third_is_read_by_its_sums() {
    let r = run(&budget(" 9.40"));
    assert_eq!(outcome(&r), (vec![], 2, 0));
    let r = run(&budget("10.40"));
    assert_eq!(outcome(&r), (vec!["Error 86.40 87.40".to_string()], 1, 0));
    // One cell per line, without a header in columns: with the one group wrong, only a
    // chance would tell the order from the sums, and a table in an order of its own can
    // keep a relation by chance. Unchecked.
    let cells = "2026年部门“三公”经费预算表\n单位：万元\n合计\n因公出国(境)费\n公务接待费\n\
公务用车购置及运行费\n小计\n购置费\n运行费\n86.40\n12.00\n10.40\n65.00\n30.00\n35.00\n";
    let r = run(cells);
    assert_eq!(outcome(&r), (vec![], 0, 1));
    // Tab-separated under a numbered title (`表7：`), the header in cells.
    let tabbed = "表7：2026年部门“三公”经费预算表\n单位：万元\n\
合计\t因公出国(境)费\t公务接待费\t公务用车购置及运行费\n\t\t\t小计\t购置费\t运行费\n\
86.40\t12.00\t10.40\t65.00\t30.00\t35.00\n";
    let r = run(tabbed);
    assert_eq!(outcome(&r), (vec!["Error 86.40 87.40".to_string()], 1, 0));
}

#[test]
fn columns_in_another_order_add_up_without_a_false_error() {
    // 合计, 接待, 出国, 小计, 购置, 运行 (a city's own layout), a row per unit.
    let t = "                2025年一般公共预算“三公”经费支出情况表\n\
单位名称：西岭市公安局                                                单位：万元\n\
                                        公务用车购置及运行    其中：公务用车运行\n\
                小计      公务接待费    因公出国（境）费       其中：公务用车购置\n\
     合计              312.40       18.40        24.00        270.00       90.00      180.00\n\
108_西岭市公安局       312.40       18.40        24.00        270.00       90.00      180.00\n\
注：本表反映部门本年度“三公”经费情况。\n";
    let r = run(t);
    assert_eq!(outcome(&r), (vec![], 4, 0));
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
}

#[test]
fn a_table_with_other_columns_is_not_read() {
    // The 机关运行经费 column beside the 三公 columns, 购置费 left blank: six figures that
    // are not the six 三公 cells.
    let t = "                2026年单位“三公”经费和机关运行经费预算表\n\
编制单位：北坪区审计局                                           单位:万元\n\
                        “三公”经费预算数\n\
                                                          机关运行经费预算数\n\
                                    公务用车购置及运行费\n\
   合计      因公出国(境)费    公务接待费\n\
                                    小计     购置费    运行费\n\
     96.30         60.00        6.30     30.00               30.00      1,240.75\n";
    let r = run(t);
    assert_eq!(outcome(&r), (vec![], 0, 0));
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
}

#[test]
fn blank_cells_left_out_only_verify() {
    // 购置费 blank in both groups: ten figures for twelve columns.
    let row = |run_cost: &str| {
        format!(
            " 76.40   30.00 40.60           40.60     5.80    46.20      4.70  {run_cost}                  40.60      0.90"
        )
    };
    let text = |r: &str| {
        format!(
            "一般公共预算财政拨款“三公”经费支出决算表\n金额单位：万元\n\
                     预算数                                                 决算数\n\
                  公务用车购置及运行维护费                                          公务用车购置及运行维护费\n\
       因公出国                          公务接待              因公出国（境）\n\
 合计                  公务用车购 公务用车运              合计                                  公务用车运行维      公务接待费\n\
       （境）费    小计                      费                  费      小计      公务用车购置费\n\
  1      2      3       4     5        6       7          8       9         10        11         12\n\
{}\n注：本表反映部门本年度“三公”经费支出预决算情况。\n",
            row(r)
        )
    };
    let r = run(&text("40.60"));
    assert_eq!(outcome(&r), (vec![], 4, 0));
    assert!(r
        .ledger
        .iter()
        .filter(|e| e.rule == "three-public")
        .all(|e| e.detail.contains("空单元格未写0")));
    // A slip there could be any cell's: unchecked, never an error.
    let r = run(&text("41.60"));
    assert_eq!(outcome(&r), (vec![], 0, 1));
}

#[test]
fn the_tables_name_in_the_contents_is_no_table() {
    let t = "目录\n七、一般公共预算财政拨款“三公”经费支出决算表 ..........11\n\
八、政府性基金预算财政拨款收入支出决算表 ................12\n\
九、国有资本经营预算财政拨款支出决算表\n1\n2\n3\n4\n5\n6\n";
    let r = run(t);
    assert_eq!(outcome(&r), (vec![], 0, 0));
    assert!(r.findings.iter().all(|f| f.severity != Severity::Error));
}

/// A final account's 三公 explanation under the template's table laid out.
fn explained(reception: &str) -> String {
    let figures: Vec<String> = FIGURES.iter().map(|s| s.to_string()).collect();
    format!(
        "东川区档案馆2025年度部门决算\n{}\n七、一般公共预算财政拨款“三公”经费支出决算情况说明\n\
2025年度“三公”经费财政拨款支出预算为58.60万元，支出决算为50.12万元，完成预算的85.53%。\
其中：因公出国（境）费支出决算为6.20万元；公务用车购置及运行费支出决算为38.52万元；\
公务接待费支出决算为{reception}万元。\n",
        laid_out(&figures)
    )
}

fn table_text(r: &Report) -> (Vec<String>, usize, usize) {
    outcome_with(r, "table-text", |f| {
        format!("{:?} {}", f.severity, f.expected.as_deref().unwrap_or(""))
    })
}

#[test]
fn the_explanation_states_the_tables_cells() {
    // 预算 58.60 against the 预算数 group, the outturns against the 决算数 group.
    let r = run(&explained("5.40"));
    assert_eq!(table_text(&r), (vec![], 5, 0));
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    let r = run(&explained("4.50"));
    assert_eq!(table_text(&r), (vec!["Error 5.40万元".to_string()], 4, 0));
}

#[test]
fn a_figure_equal_to_the_other_of_two_columns_is_unchecked_without_a_header_in_columns() {
    // One cell per line: the header does not tell which of 出国 and 接待 stands first, and
    // the text's 接待 figure is the cell read as 出国.
    let figures: Vec<String> = FIGURES.iter().map(|s| s.to_string()).collect();
    let t = format!(
        "东川区档案馆2025年度部门决算\n{}\n七、“三公”经费支出决算情况说明\n\
2025年度因公出国（境）费支出决算为5.40万元。\n",
        one_per_line(&figures)
    );
    let r = run(&t);
    assert_eq!(table_text(&r), (vec![], 0, 1));
    // Laid out, the header puts 因公出国 left of 公务接待: a slip.
    let t = format!(
        "东川区档案馆2025年度部门决算\n{}\n七、“三公”经费支出决算情况说明\n\
2025年度因公出国（境）费支出决算为5.40万元。\n",
        laid_out(&figures)
    );
    let r = run(&t);
    assert_eq!(table_text(&r), (vec!["Error 6.20万元".to_string()], 0, 0));
}

#[test]
fn a_budget_table_of_two_years_and_their_change_is_read_row_by_row() {
    // Tab-separated, a column of row labels (`项目`), and a row of changes below zero.
    let table = |running: &str| {
        format!(
            "表7　一般公共预算“三公”经费支出表\n单位：万元\n\
项目\t合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费\n\
\t\t\t小计\t公务用车购置费\t公务用车运行费\t\n\
2025年预算数\t31.40\t4.00\t21.20\t6.00\t{running}\t6.20\n\
2026年预算数\t27.90\t4.00\t17.10\t0.00\t17.10\t6.80\n\
增减额\t-3.50\t0.00\t-4.10\t-6.00\t1.90\t0.60\n"
        )
    };
    let r = run(&table("15.20"));
    assert_eq!(outcome(&r), (vec![], 6, 0));
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    let r = run(&table("15.02"));
    assert_eq!(outcome(&r), (vec!["Error 21.20 21.02".to_string()], 5, 0));
    // One cell per line, the header telling nothing: the rows that add up tell the order for
    // the one that does not.
    let cells = table("15.02").replace('\t', "\n");
    let r = run(&cells);
    assert_eq!(outcome(&r), (vec!["Error 21.20 21.02".to_string()], 5, 0));
}

#[test]
fn review_27_a_rows_code_or_number_and_an_order_of_its_own_give_no_false_error() {
    // A unit's code before its name, and a blank cell written `-`: the code is no 合计,
    // and the explanation's 10.30 is no slip against it.
    let coded = [
        "市农业局2025年部门预算公开",
        "一般公共预算“三公”经费支出预算表",
        "单位：万元",
        "单位编码  单位名称      合计    因公出国（境）费    公务用车购置及运行费          公务接待费",
        "                                                   小计    购置费    运行费",
        "101       市农业局本级  10.30   2.00               8.30    3.00      5.30         -",
        "2025年“三公”经费预算数为10.30万元。",
    ]
    .join("\n");
    let coded = coded.as_str();
    let r = run(coded);
    assert!(
        r.findings.iter().all(|f| f.severity != Severity::Error),
        "{:#?}",
        r.findings
    );
    // 合计, then the 公务用车 columns, then 出国 and 接待: 3.00 + 5.30 = 8.30 and
    // 8.30 + 1.50 + 3.80 = 13.60 hold, and 1.50 + 3.80 = 5.30 only by chance.
    let own = [
        "2026年部门“三公”经费预算表",
        "单位：万元",
        "            公务用车购置及运行费",
        "  合计    小计     购置费    运行费     因公出国(境)费    公务接待费",
        " 13.60    8.30     3.00      5.30         1.50             3.80",
    ]
    .join("\n");
    let own = own.as_str();
    let r = run(own);
    assert_eq!(outcome(&r).0, Vec::<String>::new(), "{:#?}", r.findings);
}
