//! Texts the benchmarks check: the samples, synthetic reports of any size, adversarial shapes.
//!
//! Shared by `core/benches/check.rs`, `core/examples/scaling.rs` and the wasm benchmark
//! (`bench-wasm/`), so that native and wasm time exactly the same texts. Everything is
//! deterministic: a fixed-seed generator, no clock, no file system.

#![allow(dead_code)]

/// The built-in samples (`gouji_core::samples`), `(id, text)` in the order of their files.
pub const SAMPLES: &[(&str, &str)] = &gouji_core::sample_texts!();

pub fn sample(name: &str) -> &'static str {
    SAMPLES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| *t)
        .unwrap_or_else(|| panic!("no sample {name}"))
}

/// A tiny fixed-seed generator (xorshift64*): the same text on every machine and target.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len() as u64) as usize]
    }
}

const CHINESE: &[&str] = &[
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
];
const CIRCLED: &[&str] = &["①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩"];
const ITEMS: &[&str] = &[
    "基本支出",
    "项目支出",
    "人员经费",
    "日常公用经费",
    "一般公共服务支出",
    "教育支出",
    "科学技术支出",
    "社会保障和就业支出",
    "卫生健康支出",
    "节能环保支出",
    "城乡社区支出",
    "农林水支出",
    "住房保障支出",
];
const TOTALS: &[&str] = &[
    "本年支出合计",
    "本年收入合计",
    "一般公共预算财政拨款支出",
    "收、支总计",
    "“三公”经费财政拨款支出",
];
const PROSE: &[&str] = &[
    "主要原因是本年度人员调整及项目资金增加。",
    "严格执行中央八项规定精神，厉行节约。",
    "主要用于保障机构正常运转、完成日常工作任务。",
    "认真贯彻落实上级决策部署，推进各项工作有序开展。",
];

/// Hundredths as a figure: 12345 → `123.45`.
fn money(cents: u64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

/// One section of a synthetic report: a heading of each level, sentences that state sums,
/// shares, growth and completion (one in ten with a wrong figure), and a table with 合计 rows.
pub fn section(rng: &mut Rng, n: usize, out: &mut String) {
    use std::fmt::Write;
    let c = |i: usize| CHINESE[i % CHINESE.len()];
    let _ = writeln!(out, "第{}部分 {}年度部门决算情况说明", c(n), 2020 + n % 4);
    for h in 0..3 {
        let _ = writeln!(
            out,
            "{}、{}",
            c(h),
            rng.pick(TOTALS).trim_start_matches("本年")
        );
        let _ = writeln!(out, "（{}）{}情况", c(h), rng.pick(ITEMS));
        // Sum with shares: 合计 N万元，其中：A a万元，占 p%；B b万元，占 q%。
        let k = 2 + rng.below(4) as usize;
        let parts: Vec<u64> = (0..k).map(|_| 1 + rng.below(900_000)).collect();
        let mut total: u64 = parts.iter().sum();
        if rng.below(10) == 0 {
            total += 1_000; // a wrong total, so the findings path is exercised too
        }
        let _ = write!(
            out,
            "1.{}年度{}{}万元，其中：",
            2020 + n % 4,
            rng.pick(TOTALS),
            money(total)
        );
        for (i, p) in parts.iter().enumerate() {
            let share = *p as f64 * 100.0 / total as f64;
            let sep = if i + 1 == k { "。" } else { "；" };
            let _ = write!(
                out,
                "{}{}万元，占{:.2}%{}",
                ITEMS[(i + h) % ITEMS.len()],
                money(*p),
                share,
                sep
            );
        }
        out.push('\n');
        // Growth: 与上年相比，增加 d万元，增长 r%。
        let prev = 1 + rng.below(900_000);
        let now = 1 + rng.below(900_000);
        let (verb, rate_verb, d) = if now >= prev {
            ("增加", "增长", now - prev)
        } else {
            ("减少", "下降", prev - now)
        };
        let _ = writeln!(
            out,
            "（1）{}年支出{}万元，上年支出{}万元，与上年相比，{}{}万元，{}{:.1}%，{}",
            2020 + n % 4,
            money(now),
            money(prev),
            verb,
            money(d),
            rate_verb,
            d as f64 * 100.0 / prev as f64,
            rng.pick(PROSE)
        );
        // Completion: 年初预算为 b万元，支出决算为 a万元，完成年初预算的 p%。
        let budget = 1 + rng.below(900_000);
        let actual = 1 + rng.below(900_000);
        let _ = writeln!(
            out,
            "{}年初预算为{}万元，支出决算为{}万元，完成年初预算的{:.1}%。",
            CIRCLED[h % CIRCLED.len()],
            money(budget),
            money(actual),
            actual as f64 * 100.0 / budget as f64
        );
        // A count claim and plain prose.
        let _ = writeln!(
            out,
            "（2）本部门下设办公室、财务科、综合科3个科室。{}",
            rng.pick(PROSE)
        );
    }
    // A table: a header, body rows, a 合计 row every eight rows (tab-separated, as pasted
    // from a spreadsheet).
    out.push_str("科目编码\t科目名称\t年初预算数\t决算数\t完成率\n");
    let mut sum = [0u64; 2];
    for r in 0..16 {
        if r > 0 && r % 8 == 0 {
            let _ = writeln!(out, "\t合计\t{}\t{}\t", money(sum[0]), money(sum[1]));
            sum = [0, 0];
        }
        let (b, a) = (1 + rng.below(500_000), 1 + rng.below(500_000));
        sum[0] += b;
        sum[1] += a;
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{:.2}%",
            2_010_101 + r,
            ITEMS[r as usize % ITEMS.len()],
            money(b),
            money(a),
            a as f64 * 100.0 / b as f64
        );
    }
    let _ = writeln!(out, "\t合计\t{}\t{}\t", money(sum[0]), money(sum[1]));
    out.push('\n');
}

/// A synthetic report of at least `bytes` bytes: generated sections (headings of every level,
/// sums, shares, growth, completion, counts, tables with 合计 rows) interleaved with the real
/// samples, so that the mix of prose and tables matches real reports.
pub fn synthetic(bytes: usize) -> String {
    let mut rng = Rng::new(0x5EED);
    let mut s = String::with_capacity(bytes + 64 * 1024);
    let mut n = 0;
    'outer: loop {
        for (_, t) in SAMPLES {
            if s.len() >= bytes {
                break 'outer;
            }
            for _ in 0..4 {
                section(&mut rng, n, &mut s);
                n += 1;
            }
            s.push_str(t);
            s.push('\n');
        }
    }
    s
}

/// Adversarial: the synthetic report with every line break removed, one line of `bytes`.
pub fn one_line(bytes: usize) -> String {
    synthetic(bytes).replace(['\n', '\r'], "")
}

/// Adversarial: one line of figures with no punctuation at all.
pub fn figures_without_punctuation(bytes: usize) -> String {
    "收入合计12.34万元其中".repeat(bytes / 30 + 1)
}

/// Adversarial: `n` numbers in a row after a total, `1、2、3…` style.
pub fn numbers_enumerated(n: usize) -> String {
    let mut s = String::from("本年支出合计100.00万元，其中：");
    for i in 1..=n {
        s.push_str(&i.to_string());
        s.push('、');
    }
    s.push('。');
    s
}

/// Adversarial: `n` money figures in a row after a total, `1.00，2.00，…` style.
pub fn numbers_decimal(n: usize) -> String {
    let mut s = String::from("本年支出合计100.00万元，其中：");
    for i in 1..=n {
        s.push_str(&format!("{i}.00，"));
    }
    s.push('。');
    s
}

/// Adversarial: `n` heading lines cycling through every numbering style, ever deeper
/// (`第一部分 一、（一）1.（1）①`), each stating a total whose parts are the numbered
/// paragraphs below (`包括：`), so that list binding walks the nesting.
pub fn nested_headings(n: usize) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(n * 60);
    for i in 0..n {
        let k = i / 6 + 1;
        let c = CHINESE[k % CHINESE.len()];
        let marker = match i % 6 {
            0 => format!("第{c}部分 "),
            1 => format!("{c}、"),
            2 => format!("（{c}）"),
            3 => format!("{}.", k % 1000),
            4 => format!("（{}）", k % 1000),
            _ => CIRCLED[k % CIRCLED.len()].to_string(),
        };
        let _ = writeln!(s, "{marker}收入合计{}万元，包括：", money(100 + i as u64));
    }
    s
}

/// Adversarial: one table of `rows` tab-separated rows with a 合计 row every 20 rows, rows
/// long enough (> 30 characters) that the paragraph splitter may be tempted to join them.
pub fn huge_table(rows: usize) -> String {
    use std::fmt::Write;
    let mut rng = Rng::new(7);
    let mut s = String::with_capacity(rows * 80);
    s.push_str("科目编码\t科目名称\t上年决算数\t本年决算数\t增减额\t增减率\n");
    let mut sum = 0u64;
    for r in 0..rows {
        if r % 20 == 19 {
            let _ = writeln!(s, "合计\t\t\t{}\t\t", money(sum));
            sum = 0;
            continue;
        }
        let (a, b) = (1 + rng.below(100_000_000), 1 + rng.below(100_000_000));
        sum += b;
        let _ = writeln!(
            s,
            "{}\t{}（其他{}）\t{}\t{}\t{}\t{:.2}%",
            2_010_101 + r,
            ITEMS[r % ITEMS.len()],
            ITEMS[(r + 3) % ITEMS.len()],
            money(a),
            money(b),
            money(a.abs_diff(b)),
            a.abs_diff(b) as f64 * 100.0 / a as f64
        );
    }
    s
}

/// Adversarial: numbered lists as long as the heading parser allows (`1.`…`999.`), each the
/// parts of a `…合计…，包括：` total that is wrong, repeated until the text reaches `bytes`.
pub fn long_numbered_lists(bytes: usize) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(bytes + 32 * 1024);
    while s.len() < bytes {
        s.push_str("本年支出合计1.00万元，包括：\n");
        for i in 1..=999 {
            let _ = writeln!(s, "{i}.支出{}万元", money(100 + i as u64));
        }
    }
    s
}

/// Adversarial: one line of the same wrong sum sentence, repeated (many equal labels).
pub fn one_line_same_sentence(bytes: usize) -> String {
    "本年支出合计3.00元，其中：甲1.00元，乙1.00元。".repeat(bytes / 60 + 1)
}

/// Adversarial: a classification-code table (`2010101\t行政运行\t123.45`, one amount per row)
/// of `rows` rows, a 小计 row every 5 rows and a 合计 row of one amount every 50.
pub fn code_table(rows: usize) -> String {
    use std::fmt::Write;
    let mut rng = Rng::new(11);
    let mut s = String::with_capacity(rows * 40);
    s.push_str("科目编码\t科目名称\t决算数\n");
    let (mut sub, mut all) = (0u64, 0u64);
    for r in 0..rows {
        if r % 50 == 49 {
            let _ = writeln!(s, "合计\t\t{}", money(all));
            all = 0;
        } else if r % 5 == 4 {
            let _ = writeln!(s, "小计\t\t{}", money(sub));
            sub = 0;
        } else {
            let v = 1 + rng.below(10_000_000);
            sub += v;
            all += v;
            let _ = writeln!(
                s,
                "{}\t{}\t{}",
                2_010_101 + r,
                ITEMS[r % ITEMS.len()],
                money(v)
            );
        }
    }
    s
}

/// Hostile shapes (issue 16). A total, then `marker` `n` times, then one figure: every
/// marker before the figure once searched all the text up to it.
pub fn markers_before_figure(marker: &str, n: usize) -> String {
    format!(
        "本年支出合计100.00万元，{}基本支出50.00万元。\n",
        marker.repeat(n)
    )
}

/// The list markers that each used to make `markers_before_figure` quadratic.
pub const LIST_MARKERS: &[&str] = &["其中：", "包括", "分别为", "主要用于"];

/// A tab-separated table of 3 rows (header, 合计, one item) and `columns` columns.
pub fn wide_table(columns: usize) -> String {
    let mut out = String::from("项目");
    for i in 0..columns {
        out.push_str(&format!("\t列{i}"));
    }
    out.push_str("\n合计");
    for i in 0..columns {
        out.push_str(&format!("\t{}.00", (i % 97) * 2));
    }
    out.push_str("\n甲");
    for i in 0..columns {
        out.push_str(&format!("\t{}.00", i % 97));
    }
    out.push('\n');
    out
}

/// `1\n` repeated: one bare figure per line.
pub fn ones(lines: usize) -> String {
    "1\n".repeat(lines)
}

/// `n` lines, each the same consistent sum sentence (no `；` anywhere): every claim once
/// searched the rest of the text for a `；`.
pub fn sum_sentences(n: usize) -> String {
    "本年支出合计2.00元，其中：基本支出1.00元，项目支出1.00元。\n".repeat(n)
}

/// `n` lines, each the same wrong sum sentence (1 + 1 ≠ 3): a finding and a failed ledger
/// entry per line, 156,250 of them in 10 MB, far more than `MAX_FINDINGS`.
pub fn wrong_sum_lines(n: usize) -> String {
    "本年支出合计3.00元，其中：甲1.00元，乙1.00元。\n".repeat(n)
}

/// `n` lines, each a share with a named whole that no figure carries: every share looks for
/// its whole among the figures around it.
pub fn share_sentences(n: usize) -> String {
    "基本支出60.00万元，占本年支出的60.0%。\n".repeat(n)
}

/// One paragraph of `n` small lists with a change and no sentence end until the last
/// character: every list once scanned the rest of the paragraph for a `。`.
pub fn lists_without_sentence_end(n: usize) -> String {
    format!(
        "本年支出合计100.00万元，{}。\n",
        "合计3.00元，其中：甲1.00元，比上年增加1.00元，".repeat(n)
    )
}

/// `n` standard summary tables, each a title and rows of known meaning, then narrative
/// sentences naming the same rows: every table looked up by every keyed fact would be
/// quadratic.
pub fn standard_tables(n: usize) -> String {
    let mut out = String::new();
    for i in 0..n {
        out.push_str(&format!(
            "表{i}：2026年部门财政拨款收支预算总表\n单位：万元\n\
一、财政拨款                 {a}.50   一般公共服务支出            {a}.50\n\
    一般公共预算             {a}.50   教育支出                    12.00\n\
    政府性基金预算                    住房保障支出                 3.00\n\
收入总计                     {a}.50   支出总计                    {a}.50\n",
            a = 100 + i % 900
        ));
    }
    for i in 0..n {
        out.push_str(&format!(
            "{}、财政拨款收支情况\n一般公共预算拨款收入{}.50万元，教育支出12.00万元。\n",
            i + 1,
            100 + i % 900
        ));
    }
    out
}

/// The samples repeated to at least `bytes` bytes (whole samples, each starting a report).
pub fn samples_repeated(bytes: usize) -> String {
    let mut t = String::with_capacity(bytes + 100_000);
    for (_, s) in SAMPLES.iter().cycle() {
        if t.len() >= bytes {
            break;
        }
        t.push_str(s);
        t.push('\n');
    }
    t
}

/// The samples repeated to `bytes`, their line breaks removed, in lines of about 64 KB.
pub fn long_lines(bytes: usize) -> String {
    let flat = samples_repeated(bytes).replace(['\n', '\r'], "");
    let mut out = String::with_capacity(flat.len() + flat.len() / 60_000 + 1);
    let mut n = 0;
    for c in flat.chars() {
        out.push(c);
        n += c.len_utf8();
        if n >= 65_536 {
            out.push('\n');
            n = 0;
        }
    }
    out
}

/// `make` at the size in units that gives about `bytes` bytes.
pub fn sized(make: impl Fn(usize) -> String, bytes: usize) -> String {
    let unit = make(1000).len() as f64 / 1000.0;
    make(((bytes as f64 / unit) as usize).max(1))
}
