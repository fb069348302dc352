//! `check` on structured-ish text: each input byte picks one token of a report (amounts,
//! units, 其中, 合计, 比上年, 增长, 占, list and heading markers, full-width digits, tabs,
//! newlines), so that nearly every input reaches the claim extractors and the rules.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

const TOKENS: &[&str] = &[
    "0", "1", "2", "5", "9", "10", "100", "0.5", "12.34", "99.99", "1,234.56", "３", "７．４",
    "万元", "元", "亿元", "千元", "%", "％", " %", "个", "人", "名", "个百分点", "年", "万",
    "其中", "其中：", "合计", "总计", "包括：", "主要用于", "分别为", "比上年", "与上年相比，",
    "较上年", "增加", "增长", "下降", "减少", "占", "占比", "的", "完成", "预算", "年初预算为",
    "决算", "执行率", "下设", "、", "，", "；", "。", "：", "（", "）", "（一）", "一、", "1.",
    "（1）", "①", "第一部分", "\t", "\n", "\n\n", " ", "约", "余", "第", "2020年", "上年",
    "基本支出", "项目支出", "收入", "支出", "等", "”“",
];

fuzz_target!(|data: &[u8]| {
    let text: String = data
        .iter()
        .map(|&b| TOKENS[b as usize % TOKENS.len()])
        .collect();
    common::check_and_verify(&text);
});
