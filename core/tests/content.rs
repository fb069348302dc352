//! Content rules: unfilled template text, section numbering, impossible years, required parts.
//! Texts are taken from the real samples (short excerpts) or written in their style.

use gouji_core::{check, Options, Report, Severity};

fn run(t: &str) -> Report {
    check(t, &Options::default())
}

fn of<'r>(r: &'r Report, rule: &str) -> Vec<(Severity, &'r str)> {
    r.findings
        .iter()
        .filter(|f| f.rule == rule)
        .map(|f| (f.severity, f.quote.as_str()))
        .collect()
}

#[test]
fn template_alternatives_and_zero_placeholders_are_found() {
    // renhe
    let r = run("因公出国（境）支出决算比2019年增加/减少0万元，增长/下降0%。");
    let t = of(&r, "template");
    assert_eq!(
        t,
        vec![
            (Severity::Error, "增加/减少"),
            (Severity::Error, "增长/下降")
        ],
        "{t:?}"
    );
    // xinglongtai
    let r = run("其他收入0万元，占收入总计的0%。主要是0等收入。");
    let t = of(&r, "template");
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(
        t[0].1.contains("是0等收入") && t[0].0 == Severity::Error,
        "{t:?}"
    );
    let r = run("完成年初预算的0%，决算数小于（大于）年初预算数的主要原因是0。比上年减少（增加）0万元，下降（增长）0%，主要是0等原因。");
    let t = of(&r, "template");
    let quotes: Vec<&str> = t.iter().map(|x| x.1).collect();
    for want in [
        "小于（大于）",
        "原因是0",
        "减少（增加）",
        "下降（增长）",
        "是0等原因",
    ] {
        assert!(
            quotes.iter().any(|q| q.contains(want)),
            "{want}: {quotes:?}"
        );
    }
    // dongning
    let r = run("其中，对0等项目分别委托0等第三方机构开展绩效评价。");
    assert_eq!(of(&r, "template").len(), 2, "{:?}", of(&r, "template"));
    // xinglongtai: 某部门 is a warning
    let r = run("纳入某部门2022年部门决算编制范围的二级预算单位包括：");
    assert_eq!(of(&r, "template"), vec![(Severity::Warning, "某部门")]);
    let r = run("决算数大于（小于、等于）预算数的主要原因是人员增加。\n编制日期：2022年 月 日\n项目名称（ ）");
    let t = of(&r, "template");
    assert_eq!(t.len(), 3, "{t:?}");
    assert_eq!(t[0], (Severity::Error, "大于（小于、等于）"));
}

#[test]
fn template_is_silent_on_ordinary_prose() {
    for t in [
        "2021年度收入支出增减变化的主要原因是人员增加。",
        "请说明增加或减少的原因。比上年增加12.00万元，增长5.0%。",
        "比上年减少1.52万元，下降3%，主要是公务接待减少。",
        "本年度没有政府性基金预算财政拨款收入，故该表为空表。",
        "2020年度共有车辆10辆，其中：其他用车0辆。",
        "增加（元）\t减少（元）",
        "主要原因是编制内人员增加0.5个百分点以内。",
        "本部门2020年决算中，因公出国（境）费支出0万元。",
    ] {
        let r = run(t);
        assert!(
            of(&r, "template").is_empty(),
            "{t}: {:?}",
            of(&r, "template")
        );
    }
}
