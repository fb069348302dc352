//! The one tolerance model: round-to-nearest intervals, as in XBRL Calculations 1.1.
//!
//! A value written with k decimals stands for every true value that rounds to it:
//! `[v − 0.5·10^-k, v + 0.5·10^-k]`. Sums add intervals; ratios divide them. Two statements
//! are consistent iff their intervals overlap. There is no other tolerance anywhere.
//! All arithmetic is checked: an overflow yields `None`, which callers treat as "unchecked".

use rust_decimal::Decimal;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub lo: Decimal,
    pub hi: Decimal,
}

/// 0.5·10^-k.
pub fn half_ulp(decimals: u32) -> Decimal {
    Decimal::new(5, decimals.min(27) + 1)
}

/// 10^-k.
pub fn ulp(decimals: u32) -> Decimal {
    Decimal::new(1, decimals.min(28))
}

// Checked arithmetic returning Option, so not the std operator traits.
#[allow(clippy::should_implement_trait)]
impl Interval {
    pub fn exact(v: Decimal) -> Self {
        Interval { lo: v, hi: v }
    }

    /// The interval a value written with `decimals` decimals stands for, times `scale`.
    pub fn stated(value: Decimal, decimals: u32, scale: Decimal) -> Option<Self> {
        let h = half_ulp(decimals);
        Some(Interval {
            lo: value.checked_sub(h)?.checked_mul(scale)?,
            hi: value.checked_add(h)?.checked_mul(scale)?,
        })
    }

    pub fn add(self, o: Interval) -> Option<Self> {
        Some(Interval {
            lo: self.lo.checked_add(o.lo)?,
            hi: self.hi.checked_add(o.hi)?,
        })
    }

    /// The sum of intervals, None when one is unknown or the sum overflows.
    pub fn sum(items: impl IntoIterator<Item = Option<Interval>>) -> Option<Self> {
        items
            .into_iter()
            .try_fold(Interval::exact(Decimal::ZERO), |acc, i| acc.add(i?))
    }

    /// The interval of the value negated.
    pub fn neg(self) -> Self {
        Interval {
            lo: -self.hi,
            hi: -self.lo,
        }
    }

    pub fn sub(self, o: Interval) -> Option<Self> {
        Some(Interval {
            lo: self.lo.checked_sub(o.hi)?,
            hi: self.hi.checked_sub(o.lo)?,
        })
    }

    pub fn scale(self, k: Decimal) -> Option<Self> {
        let a = self.lo.checked_mul(k)?;
        let b = self.hi.checked_mul(k)?;
        Some(Interval {
            lo: a.min(b),
            hi: a.max(b),
        })
    }

    pub fn mul(self, o: Interval) -> Option<Self> {
        let c = [
            self.lo.checked_mul(o.lo)?,
            self.lo.checked_mul(o.hi)?,
            self.hi.checked_mul(o.lo)?,
            self.hi.checked_mul(o.hi)?,
        ];
        Some(Interval {
            lo: c.iter().copied().min()?,
            hi: c.iter().copied().max()?,
        })
    }

    pub fn contains_zero(self) -> bool {
        self.lo <= Decimal::ZERO && self.hi >= Decimal::ZERO
    }

    /// `self / o`; `None` when `o` contains zero (the ratio is undefined) or on overflow.
    pub fn div(self, o: Interval) -> Option<Self> {
        if o.contains_zero() {
            return None;
        }
        let c = [
            self.lo.checked_div(o.lo)?,
            self.lo.checked_div(o.hi)?,
            self.hi.checked_div(o.lo)?,
            self.hi.checked_div(o.hi)?,
        ];
        Some(Interval {
            lo: c.iter().copied().min()?,
            hi: c.iter().copied().max()?,
        })
    }

    pub fn overlaps(self, o: Interval) -> bool {
        self.lo <= o.hi && o.lo <= self.hi
    }

    pub fn mid(self) -> Decimal {
        // Halves first: `lo + hi` overflows (and panicked) for figures above Decimal::MAX / 2.
        // Exact for any figure written with fewer than 28 significant digits.
        self.lo / Decimal::TWO + self.hi / Decimal::TWO
    }

    /// Everything above `hi` / below `lo`: which side of `o` this lies on, if apart.
    pub fn is_above(self, o: Interval) -> bool {
        self.lo > o.hi
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn stated_interval_follows_decimals() {
        let i = Interval::stated(d("45"), 0, Decimal::ONE).unwrap();
        assert_eq!((i.lo, i.hi), (d("44.5"), d("45.5")));
        let i = Interval::stated(d("1068.33"), 2, Decimal::ONE).unwrap();
        assert_eq!((i.lo, i.hi), (d("1068.325"), d("1068.335")));
    }

    #[test]
    fn rounding_allows_what_face_value_does_not() {
        // xinglongtai: 6.96 / 12.42 = 56.04% at face value; stated 56.07% is still consistent.
        let a = Interval::stated(d("6.96"), 2, Decimal::ONE).unwrap();
        let b = Interval::stated(d("12.42"), 2, Decimal::ONE).unwrap();
        let r = a.div(b).unwrap().scale(d("100")).unwrap();
        let stated = Interval::stated(d("56.07"), 2, Decimal::ONE).unwrap();
        assert!(r.overlaps(stated));
        // but 15.31% is not 3.59 / (20.78 + 3.59): the model has no slack beyond rounding.
        let dd = Interval::stated(d("3.59"), 2, Decimal::ONE).unwrap();
        let prev = Interval::stated(d("19.60"), 2, Decimal::ONE)
            .unwrap()
            .add(dd)
            .unwrap();
        let r = dd.div(prev).unwrap().scale(d("100")).unwrap();
        assert!(!r.overlaps(Interval::stated(d("15.31"), 2, Decimal::ONE).unwrap()));
    }

    #[test]
    fn zero_denominator_is_undefined() {
        let z = Interval::stated(d("0"), 0, Decimal::ONE).unwrap();
        assert!(Interval::exact(d("1")).div(z).is_none());
    }
}
