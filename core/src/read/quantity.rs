//! Stage 3a: every figure in the normalised text, with its value, written precision and unit.
//!
//! A hand-written scanner over the bytes (no regex: smaller wasm, and linear by construction).

use crate::read::interval::Interval;
use rust_decimal::Decimal;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Money {
    Yuan,
    Qian,
    Wan,
    Yi,
}

impl Money {
    /// Yuan per unit.
    pub fn scale(self) -> Decimal {
        match self {
            Money::Yuan => Decimal::ONE,
            Money::Qian => Decimal::from(1_000),
            Money::Wan => Decimal::from(10_000),
            Money::Yi => Decimal::from(100_000_000),
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Money::Yuan => "元",
            Money::Qian => "千元",
            Money::Wan => "万元",
            Money::Yi => "亿元",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    Money(Money),
    Percent,
    /// `个百分点`: a difference of percentages, never a share.
    PercentPoint,
    /// A count or physical measure: the unit as written (`个`, `人次`, `台（套）`).
    Count(CountUnit),
    /// A year (`2020年`), month or day: never an operand.
    Date,
    /// A bare number (table cells, `第3`), or an unknown unit.
    None,
}

impl Unit {
    /// A score, `94.0分` (looked up once, at compile time).
    pub const SCORE: Unit = Unit::Count(CountUnit::named("分"));

    pub fn is_money(self) -> bool {
        matches!(self, Unit::Money(_))
    }
    /// Can two figures with these units be added together?
    pub fn addable_with(self, other: Unit) -> bool {
        match (self, other) {
            (Unit::Money(_), Unit::Money(_)) => true,
            (Unit::Count(a), Unit::Count(b)) => count_class(a.name()) == count_class(b.name()),
            _ => false,
        }
    }
    /// The unit as a reader would write it.
    pub fn suffix(self) -> &'static str {
        match self {
            Unit::Money(m) => m.name(),
            Unit::Percent => "%",
            Unit::PercentPoint => "个百分点",
            Unit::Count(u) => u.name(),
            Unit::Date | Unit::None => "",
        }
    }
}

/// A count unit, as an index into `COUNT_UNITS`: one byte instead of a `&str` (16 bytes in
/// every figure; issue 16).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct CountUnit(u8);

/// The count units as written, each once.
const COUNT_UNITS: &[&str] = &[
    "万人次",
    "万平方米",
    "万人",
    "万名",
    "万户",
    "万个",
    "万份",
    "万吨",
    "万亩",
    "万件",
    "台（套）",
    "平方米",
    "团组",
    "人次",
    "批次",
    "场次",
    "公里",
    "人",
    "名",
    "个",
    "家",
    "户",
    "辆",
    "台",
    "套",
    "次",
    "项",
    "所",
    "件",
    "条",
    "处",
    "座",
    "份",
    "吨",
    "亩",
    "分",
];

impl CountUnit {
    /// The unit named `name`, one of `COUNT_UNITS` (a compile error in a constant otherwise).
    pub const fn named(name: &str) -> CountUnit {
        let mut i = 0;
        while i < COUNT_UNITS.len() {
            let (a, b) = (COUNT_UNITS[i].as_bytes(), name.as_bytes());
            if a.len() == b.len() {
                let mut k = 0;
                while k < a.len() && a[k] == b[k] {
                    k += 1;
                }
                if k == a.len() {
                    return CountUnit(i as u8);
                }
            }
            i += 1;
        }
        panic!("not a count unit")
    }

    pub fn name(self) -> &'static str {
        COUNT_UNITS[self.0 as usize]
    }

    /// How many of the thing one of this unit counts: 10,000 for `万人次`, else 1.
    pub fn scale(self) -> Decimal {
        if self.name().starts_with('万') {
            Decimal::from(10_000)
        } else {
            Decimal::ONE
        }
    }
}

impl std::fmt::Debug for CountUnit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.name())
    }
}

/// Units that count the same things are interchangeable (`台` and `辆` for vehicles).
fn count_class(u: &str) -> &str {
    match u {
        "辆" | "台" => "台",
        "名" | "人" => "人",
        "万名" | "万人" => "万人",
        "家" | "户" => "家",
        u => u,
    }
}

/// One figure as written.
#[derive(Debug, Clone)]
pub struct Quantity {
    /// Normalised byte range of the number and its unit.
    pub start: usize,
    pub end: usize,
    /// Where the digits end (the unit follows).
    pub number_end: usize,
    pub value: Decimal,
    /// Number of decimals written: the precision.
    pub decimals: u32,
    pub unit: Unit,
    /// `约`, `余`, `多`, `以上`: an approximate figure, never an operand.
    pub approx: bool,
}

impl Quantity {
    /// The interval of true values this figure stands for, in base units (yuan for money,
    /// a fraction for percentages: 45% → [0.445, 0.455]).
    pub fn interval(&self) -> Option<Interval> {
        let scale = match self.unit {
            Unit::Money(m) => m.scale(),
            Unit::Percent | Unit::PercentPoint => Decimal::new(1, 2),
            // Whole counts of people, bodies, vehicles are exact (in tens of thousands, rounded).
            Unit::Count(u) if self.decimals == 0 && !u.name().starts_with('万') => {
                return Some(Interval::exact(self.value))
            }
            Unit::Count(u) => u.scale(),
            _ => Decimal::ONE,
        };
        // Amounts, counts and rates are never negative: `0万元` is [0, 0.5], not [−0.5, 0.5].
        let mut i = Interval::stated(self.value, self.decimals, scale)?;
        if !self.value.is_sign_negative() && i.lo.is_sign_negative() {
            i.lo = Decimal::ZERO;
        }
        Some(i)
    }

    /// The interval as if written to at least `decimals` places (`20` in a column of `9.67`:
    /// [19.995, 20.005]).
    pub fn interval_to(&self, decimals: u32) -> Option<Interval> {
        Quantity {
            decimals: decimals.max(self.decimals),
            ..self.clone()
        }
        .interval()
    }

    /// The figure as written, normalised (`1,414.49万元` → `1414.49万元`).
    pub fn display(&self) -> String {
        format!("{}{}", self.value, self.unit.suffix())
    }

    /// The value in yuan for money (so that 1.5万元 and 15000元 compare), in ones for counts
    /// (`28.46万人次` is 284,600), else as written.
    pub fn face(&self) -> Decimal {
        match self.unit {
            Unit::Money(m) => self.value.checked_mul(m.scale()).unwrap_or(Decimal::MAX),
            Unit::Count(u) => self.value.checked_mul(u.scale()).unwrap_or(Decimal::MAX),
            _ => self.value,
        }
    }

    pub fn is_operand(&self) -> bool {
        !self.approx && !matches!(self.unit, Unit::Date)
    }
}

/// Units after a number, longest first so that `万元` wins over `万` and `人次` over `人`.
const UNITS: &[(&str, Unit)] = &[
    ("个百分点", Unit::PercentPoint),
    ("百分点", Unit::PercentPoint),
    ("台（套）", Unit::Count(CountUnit::named("台（套）"))),
    // Counts in tens of thousands (`28.46万人次`) are units of their own: a growth or a
    // completion within one such unit is checked; `万人` and `人` are never added together.
    ("万人次", Unit::Count(CountUnit::named("万人次"))),
    ("万平方米", Unit::Count(CountUnit::named("万平方米"))),
    ("万人", Unit::Count(CountUnit::named("万人"))),
    ("万名", Unit::Count(CountUnit::named("万名"))),
    ("万户", Unit::Count(CountUnit::named("万户"))),
    ("万个", Unit::Count(CountUnit::named("万个"))),
    ("万份", Unit::Count(CountUnit::named("万份"))),
    ("万吨", Unit::Count(CountUnit::named("万吨"))),
    ("万亩", Unit::Count(CountUnit::named("万亩"))),
    ("万件", Unit::Count(CountUnit::named("万件"))),
    ("平方米", Unit::Count(CountUnit::named("平方米"))),
    ("个团组", Unit::Count(CountUnit::named("团组"))),
    ("万元", Unit::Money(Money::Wan)),
    ("亿元", Unit::Money(Money::Yi)),
    ("千元", Unit::Money(Money::Qian)),
    ("人次", Unit::Count(CountUnit::named("人次"))),
    ("批次", Unit::Count(CountUnit::named("批次"))),
    ("团组", Unit::Count(CountUnit::named("团组"))),
    ("场次", Unit::Count(CountUnit::named("场次"))),
    ("公里", Unit::Count(CountUnit::named("公里"))),
    ("元", Unit::Money(Money::Yuan)),
    ("%", Unit::Percent),
    ("人", Unit::Count(CountUnit::named("人"))),
    ("名", Unit::Count(CountUnit::named("名"))),
    ("个", Unit::Count(CountUnit::named("个"))),
    ("家", Unit::Count(CountUnit::named("家"))),
    ("户", Unit::Count(CountUnit::named("户"))),
    ("辆", Unit::Count(CountUnit::named("辆"))),
    ("台", Unit::Count(CountUnit::named("台"))),
    ("套", Unit::Count(CountUnit::named("套"))),
    ("次", Unit::Count(CountUnit::named("次"))),
    ("项", Unit::Count(CountUnit::named("项"))),
    ("所", Unit::Count(CountUnit::named("所"))),
    ("件", Unit::Count(CountUnit::named("件"))),
    ("条", Unit::Count(CountUnit::named("条"))),
    ("处", Unit::Count(CountUnit::named("处"))),
    ("座", Unit::Count(CountUnit::named("座"))),
    ("份", Unit::Count(CountUnit::named("份"))),
    ("吨", Unit::Count(CountUnit::named("吨"))),
    ("亩", Unit::Count(CountUnit::named("亩"))),
    ("分", Unit::Count(CountUnit::named("分"))),
    ("年", Unit::Date),
    ("月", Unit::Date),
    ("日", Unit::Date),
    ("号", Unit::Date),
];

/// The first unit of `UNITS` that `rest` starts with. Units whose first character differs are
/// skipped on one comparison: most figures have no unit or a one-character one, and comparing
/// each of the forty strings in turn was a good part of the scan.
fn unit_at(rest: &str) -> Option<&'static (&'static str, Unit)> {
    let first = rest.chars().next()?;
    UNITS
        .iter()
        .find(|(u, _)| u.starts_with(first) && rest.starts_with(u))
}

/// Measure words after a bare `万`/`亿` that make it a number of things, not of yuan.
const MEASURE_WORDS: [char; 24] = [
    '株', '棵', '吨', '斤', '头', '只', '羽', '尾', '册', '份', '张', '块', '袋', '箱', '米', '本',
    '篇', '粒', '枚', '盒', '瓶', '片', '顷', '方',
];

/// Characters after `万`/`亿` that make them a count scale (`3万人`) rather than money (`236万`).
fn starts_with_count_unit(rest: &str) -> bool {
    let Some(first) = rest.chars().next() else {
        return false;
    };
    UNITS.iter().any(|(u, unit)| {
        matches!(unit, Unit::Count(_)) && u.starts_with(first) && rest.starts_with(u)
    })
}

/// Longest thousands-grouped or plain digit run starting at `i`; returns (end, digits string).
fn scan_number(b: &[u8], i: usize) -> Option<(usize, String, u32)> {
    let mut j = i;
    let mut digits = String::new();
    while j < b.len() && b[j].is_ascii_digit() {
        digits.push(b[j] as char);
        j += 1;
    }
    // Thousands separators: `,` followed by exactly three digits, only after a 1–3 digit head.
    if digits.len() <= 3 {
        while j + 3 < b.len()
            && b[j] == b','
            && b[j + 1..j + 4].iter().all(u8::is_ascii_digit)
            && !b.get(j + 4).is_some_and(u8::is_ascii_digit)
        {
            for &c in &b[j + 1..j + 4] {
                digits.push(c as char);
            }
            j += 4;
        }
    }
    let mut decimals = 0u32;
    if j + 1 < b.len() && b[j] == b'.' && b[j + 1].is_ascii_digit() {
        digits.push('.');
        j += 1;
        while j < b.len() && b[j].is_ascii_digit() {
            digits.push(b[j] as char);
            decimals += 1;
            j += 1;
        }
    }
    if digits.len() > 28 {
        return None;
    }
    Some((j, digits, decimals))
}

/// Every figure in `text`, in order.
pub fn scan(text: &str) -> Vec<Quantity> {
    scan_iter(text).collect()
}

/// [`scan`] one figure at a time (the document keeps figures, not a second list of them).
pub fn scan_iter(text: &str) -> impl Iterator<Item = Quantity> + '_ {
    let b = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || next_quantity(text, b, &mut i))
}

/// The next figure at or after `*at`; `*at` moves past it.
fn next_quantity(text: &str, b: &[u8], at: &mut usize) -> Option<Quantity> {
    let mut i = *at;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        // A digit glued to Latin letters or another number is an identifier (`5G`, `R&D1`).
        // The exponent of scientific notation (`1.2E+07元`, a spreadsheet's export) is no
        // figure of its own either: the mantissa before it is skipped as glued to `E`, and
        // the whole is left unread rather than misread as `07元`.
        let exponent = i >= 3
            && matches!(b[i - 1], b'+' | b'-')
            && matches!(b[i - 2], b'E' | b'e')
            && b[i - 3].is_ascii_digit();
        let glued = exponent
            || i > 0 && (b[i - 1].is_ascii_alphabetic() || b[i - 1] == b'.' || b[i - 1] == b',');
        let Some((end, digits, decimals)) = scan_number(b, i) else {
            while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.' || b[i] == b',') {
                i += 1;
            }
            continue;
        };
        let next_alpha = b.get(end).is_some_and(u8::is_ascii_alphabetic);
        if glued || next_alpha {
            i = end.max(i + 1);
            continue;
        }
        let Ok(value) = Decimal::from_str(&digits) else {
            i = end.max(i + 1);
            continue;
        };
        let rest = &text[end..];
        let (mut unit, mut unit_len) = unit_at(rest)
            .map(|&(u, unit)| (unit, u.len()))
            .unwrap_or((Unit::None, 0));
        // `94.0分` is a score; `10分钟`, `三分之一`, `2分局` are not.
        if unit == Unit::SCORE
            && rest["分".len()..].starts_with([
                '钟', '之', '局', '队', '厂', '公', '行', '院', '所', '站', '类', '别', '配', '析',
                '布', '期', '管', '摊', '解', '成', '批', '为', '值', '项', '部', '支', '会', '校',
                '店', '社', '中',
            ])
        {
            (unit, unit_len) = (Unit::None, 0);
        }
        let mut approx = false;
        if unit == Unit::None {
            // `236万`, `21亿`, `1000余人次`, `150多吨`.
            for (scale, money) in [("万", Money::Wan), ("亿", Money::Yi)] {
                if let Some(r) = rest.strip_prefix(scale) {
                    // (`补植茶苗350万株`, `4.5万吨`: tens of thousands of a thing, no money.)
                    if !starts_with_count_unit(r)
                        && !r.starts_with('余')
                        && !r.starts_with('多')
                        && !r.starts_with(MEASURE_WORDS)
                    {
                        unit = Unit::Money(money);
                        unit_len = scale.len();
                    }
                }
            }
            for approx_mark in ["余", "多"] {
                if let Some(r) = rest.strip_prefix(approx_mark) {
                    approx = true;
                    if let Some(&(u, un)) = unit_at(r) {
                        unit = un;
                        unit_len = approx_mark.len() + u.len();
                    }
                }
            }
        }
        // `第3`: an ordinal; `约50万元` / `近50万元`: approximate.
        let before = &text[..i];
        if before.ends_with('第') {
            unit = Unit::None;
            approx = true;
        }
        if before.ends_with('约') || before.ends_with('近') || before.ends_with('逾') {
            approx = true;
        }
        if rest[unit_len..].starts_with("以上") || rest[unit_len..].starts_with("左右") {
            approx = true;
        }
        *at = end + unit_len;
        return Some(Quantity {
            start: i,
            end: end + unit_len,
            number_end: end,
            value,
            decimals,
            unit,
            approx,
        });
    }
    *at = b.len();
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(t: &str) -> Quantity {
        let q = scan(t);
        assert_eq!(q.len(), 1, "{q:?}");
        q.into_iter().next().unwrap()
    }

    #[test]
    fn money_with_separators_and_units() {
        let q = one("总收入为6,325,250.00元");
        assert_eq!(q.value, Decimal::from_str("6325250.00").unwrap());
        assert_eq!(q.decimals, 2);
        assert_eq!(q.unit, Unit::Money(Money::Yuan));
        let q = one("资金236万。");
        assert_eq!(q.unit, Unit::Money(Money::Wan));
        let q = one("指标任务（21亿）");
        assert_eq!(q.unit, Unit::Money(Money::Yi));
    }

    #[test]
    fn percents_counts_dates() {
        assert_eq!(one("占99.6%").unit, Unit::Percent);
        assert_eq!(one("提高2.5个百分点").unit, Unit::PercentPoint);
        assert!(one("1000余人次").approx);
        assert_eq!(one("2020年").unit, Unit::Date);
        assert_eq!(
            one("设备0台（套）").unit,
            Unit::Count(CountUnit::named("台（套）"))
        );
        // Tens of thousands of a thing: a count of its own, in ones 30,000.
        let wan = one("3万人");
        assert_eq!(wan.unit, Unit::Count(CountUnit::named("万人")));
        assert_eq!(wan.face(), Decimal::from(30_000));
        assert_eq!(one("150万辆").unit, Unit::None);
    }

    #[test]
    fn identifiers_are_not_figures() {
        assert!(scan("5G网络").is_empty());
        assert!(scan("R&D投入").is_empty());
    }

    #[test]
    fn not_thousands_when_groups_are_wrong() {
        let q = scan("1,23元");
        assert_eq!(q[0].value, Decimal::ONE);
    }

    #[test]
    fn overlong_numbers_do_not_panic() {
        let long = "9".repeat(100);
        let _ = scan(&long);
    }
}
