//! Money as whole euro cents (`i64`), never floats.

use crate::{Error, Lang, Result};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::{Add, Neg, Sub};

/// An amount of money in euro cents. Serialises as the integer number of cents.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Money(i64);

impl Money {
    /// Zero euro.
    pub const ZERO: Money = Money(0);

    /// An amount from cents.
    pub const fn from_cents(cents: i64) -> Money {
        Money(cents)
    }

    /// The amount in cents.
    pub const fn cents(self) -> i64 {
        self.0
    }

    /// Parses what people type: `2,50`, `€ 2.50`, `€2`, `-1,25`, `1.234,56`,
    /// `1,234.56`. At most two decimals; a lone separator followed by exactly
    /// three digits is a thousands separator (`1.250` is € 1.250,00).
    pub fn parse(input: &str) -> Result<Money> {
        let bad = |why: &str| Error::validation("amount", format!("{input:?}: {why}"));
        let mut s: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        let negative = s.starts_with('-');
        if negative {
            s.remove(0);
        }
        let s = s.strip_prefix('€').unwrap_or(&s);
        let s = s.strip_prefix("EUR").unwrap_or(s);
        if s.is_empty() {
            return Err(bad("no amount"));
        }
        if !s
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        {
            return Err(bad(
                "only digits, one decimal separator and thousands separators are allowed",
            ));
        }
        let last_sep = s.rfind(['.', ',']);
        let (int_part, frac_part) = match last_sep {
            None => (s.to_string(), String::new()),
            Some(i) => {
                let sep = s.as_bytes()[i] as char;
                let before = &s[..i];
                let after = &s[i + 1..];
                let other = if sep == '.' { ',' } else { '.' };
                let lone = !before.contains(sep) && !before.contains(other);
                if lone && after.len() == 3 {
                    // thousands separator: 1.250
                    (s.replace(sep, ""), String::new())
                } else if before.contains(sep) {
                    // the same separator twice: only valid as thousands separators
                    if after.len() != 3 {
                        return Err(bad("ambiguous separators"));
                    }
                    (s.replace(sep, ""), String::new())
                } else {
                    (before.replace(other, ""), after.to_string())
                }
            }
        };
        if int_part.is_empty() && frac_part.is_empty() {
            return Err(bad("no digits"));
        }
        if frac_part.len() > 2 {
            return Err(bad("at most two decimals"));
        }
        if frac_part.contains(['.', ',']) || int_part.contains(['.', ',']) {
            return Err(bad("misplaced separator"));
        }
        let euros: i64 = if int_part.is_empty() {
            0
        } else {
            int_part.parse().map_err(|_| bad("amount too large"))?
        };
        let cents: i64 = match frac_part.len() {
            0 => 0,
            1 => frac_part.parse::<i64>().map_err(|_| bad("bad decimals"))? * 10,
            _ => frac_part.parse().map_err(|_| bad("bad decimals"))?,
        };
        let total = euros
            .checked_mul(100)
            .and_then(|c| c.checked_add(cents))
            .ok_or_else(|| bad("amount too large"))?;
        Ok(Money(if negative { -total } else { total }))
    }

    /// Formats for people: Dutch `€ 1.234,50`, English `€1,234.50`.
    pub fn format(self, lang: Lang) -> String {
        let (thousands, decimal, space) = match lang {
            Lang::Nl => ('.', ',', " "),
            Lang::En => (',', '.', ""),
        };
        let abs = self.0.unsigned_abs();
        let euros = (abs / 100).to_string();
        let mut grouped = String::new();
        for (i, ch) in euros.chars().enumerate() {
            if i > 0 && (euros.len() - i) % 3 == 0 {
                grouped.push(thousands);
            }
            grouped.push(ch);
        }
        let sign = if self.0 < 0 { "-" } else { "" };
        format!("{sign}€{space}{grouped}{decimal}{:02}", abs % 100)
    }

    /// Adds, refusing overflow.
    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money)
    }
}

impl fmt::Display for Money {
    /// The Dutch format, e.g. `€ 2,50`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format(Lang::Nl))
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0.saturating_add(rhs.0))
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Money) -> Money {
        Money(self.0.saturating_sub(rhs.0))
    }
}

impl Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money(self.0.saturating_neg())
    }
}

impl std::str::FromStr for Money {
    type Err = Error;
    fn from_str(s: &str) -> Result<Money> {
        Money::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> i64 {
        Money::parse(s).unwrap().cents()
    }

    #[test]
    fn parses_what_people_type() {
        assert_eq!(p("2,50"), 250);
        assert_eq!(p("€ 2.50"), 250);
        assert_eq!(p("€2"), 200);
        assert_eq!(p("2,5"), 250);
        assert_eq!(p("0,05"), 5);
        assert_eq!(p(",75"), 75);
        assert_eq!(p("-1,25"), -125);
        assert_eq!(p("1.234,56"), 123_456);
        assert_eq!(p("1,234.56"), 123_456);
        assert_eq!(p("1.250"), 125_000);
        assert_eq!(p("1.000.000"), 100_000_000);
        assert_eq!(p("EUR 3"), 300);
    }

    #[test]
    fn refuses_nonsense() {
        for bad in [
            "",
            "€",
            "abc",
            "2,5055",
            "12,345,6",
            "1,2,3",
            "2.50.1",
            "9999999999999999999",
            "1.2.34",
        ] {
            let e = Money::parse(bad).unwrap_err();
            assert_eq!(e.code().as_str(), "validation", "{bad}");
        }
    }

    #[test]
    fn formats_dutch_and_english() {
        let m = Money::from_cents(123_450);
        assert_eq!(m.to_string(), "€ 1.234,50");
        assert_eq!(m.format(Lang::En), "€1,234.50");
        assert_eq!(Money::from_cents(-5).to_string(), "-€ 0,05");
        assert_eq!(Money::ZERO.to_string(), "€ 0,00");
    }

    #[test]
    fn round_trips_through_its_own_format() {
        for c in [0, 5, 99, 100, 12_345, 100_000_000, -250] {
            let m = Money::from_cents(c);
            assert_eq!(Money::parse(&m.to_string()).unwrap(), m);
            assert_eq!(Money::parse(&m.format(Lang::En)).unwrap(), m);
        }
    }
}
