//! The hub's pricing policy and the price of an item on a day: a pure
//! function of policy, item, manual price and date.

use super::{Category, Condition, Item, TagColour, check_price};
use crate::{Error, Money, Result, code_list::CodeList};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The base price of one category in one condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BasePrice {
    /// Kind of goods.
    pub category: Category,
    /// State.
    pub condition: Condition,
    /// Price of one unit before markdowns.
    pub price: Money,
}

/// One step of the colour-tag markdown schedule: from `from_week` weeks after
/// intake, `percent_off` comes off and the tag has `colour`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MarkdownStep {
    /// Whole weeks since intake from which the step applies.
    pub from_week: u32,
    /// Percentage off the base price (0–100).
    pub percent_off: u8,
    /// Tag colour.
    pub colour: TagColour,
}

/// A hub's pricing policy (validated).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", try_from = "PricingPolicyRaw")]
pub struct PricingPolicy {
    base_prices: Vec<BasePrice>,
    rounding_step: Money,
    markdown: Vec<MarkdownStep>,
    city_pass_discount_percent: u8,
}

/// The unvalidated shape of a [`PricingPolicy`] (what callers send).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PricingPolicyRaw {
    /// Base price per category and condition; every pair must be present once.
    pub base_prices: Vec<BasePrice>,
    /// Prices are rounded to a multiple of this (1 cent – € 10).
    pub rounding_step: Money,
    /// Markdown schedule: starts at week 0, weeks strictly increasing, percentages not decreasing.
    pub markdown: Vec<MarkdownStep>,
    /// Discount for city-pass (Stadjerspas) holders, 0–100 %.
    pub city_pass_discount_percent: u8,
}

impl TryFrom<PricingPolicyRaw> for PricingPolicy {
    type Error = Error;
    fn try_from(raw: PricingPolicyRaw) -> Result<PricingPolicy> {
        PricingPolicy::new(raw)
    }
}

/// What an item costs on a day, and which tag it wears.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PriceTag {
    /// Price before the markdown (override, or the policy's base price).
    pub base: Money,
    /// Percentage off (0 for a manual price).
    pub percent_off: u8,
    /// Tag colour; `None` for a manual price, which has no schedule.
    pub colour: Option<TagColour>,
    /// The unit price charged.
    pub price: Money,
}

impl PricingPolicy {
    /// Validates a policy.
    pub fn new(raw: PricingPolicyRaw) -> Result<PricingPolicy> {
        let step = raw.rounding_step.cents();
        if !(1..=1000).contains(&step) {
            return Err(Error::validation(
                "rounding_step",
                "must be between € 0,01 and € 10,00",
            ));
        }
        for c in Category::ALL {
            for q in Condition::ALL {
                let n = raw
                    .base_prices
                    .iter()
                    .filter(|b| b.category == *c && b.condition == *q)
                    .count();
                if n != 1 {
                    return Err(Error::validation(
                        "base_prices",
                        format!("needs exactly one price for {c} in condition {q}, found {n}"),
                    ));
                }
            }
        }
        for b in &raw.base_prices {
            check_price("base_prices", b.price)?;
        }
        match raw.markdown.first() {
            Some(first) if first.from_week == 0 => {}
            _ => {
                return Err(Error::validation(
                    "markdown",
                    "the schedule starts with a step at week 0",
                ));
            }
        }
        for pair in raw.markdown.windows(2) {
            if pair[1].from_week <= pair[0].from_week {
                return Err(Error::validation(
                    "markdown",
                    "weeks must increase from step to step",
                ));
            }
            if pair[1].percent_off < pair[0].percent_off {
                return Err(Error::validation(
                    "markdown",
                    "a later step cannot take less off",
                ));
            }
        }
        if raw.markdown.iter().any(|s| s.percent_off > 100) || raw.city_pass_discount_percent > 100
        {
            return Err(Error::validation(
                "percent_off",
                "percentages are between 0 and 100",
            ));
        }
        if raw.markdown.len() > 12 {
            return Err(Error::validation("markdown", "at most 12 steps"));
        }
        Ok(PricingPolicy {
            base_prices: raw.base_prices,
            rounding_step: raw.rounding_step,
            markdown: raw.markdown,
            city_pass_discount_percent: raw.city_pass_discount_percent,
        })
    }

    /// A sensible starting policy for a small kringloop shop: base prices per
    /// category and condition, rounding to € 0,50, a 4-weekly colour schedule
    /// (white → yellow 25% → orange 50% → red 75%) and 25% off for city-pass holders.
    pub fn standard() -> PricingPolicy {
        use Category::*;
        let prices: [(Category, [i64; 3]); 8] = [
            (Books, [200, 100, 50]),
            (Clothing, [500, 300, 150]),
            (Crockery, [300, 150, 50]),
            (Toys, [400, 200, 100]),
            (Furniture, [4000, 2500, 1000]),
            (Electronics, [1500, 800, 300]),
            (Household, [300, 200, 100]),
            (Other, [300, 150, 50]),
        ];
        let base_prices = prices
            .iter()
            .flat_map(|(c, p)| {
                Condition::ALL
                    .iter()
                    .zip(p.iter())
                    .map(|(q, cents)| BasePrice {
                        category: *c,
                        condition: *q,
                        price: Money::from_cents(*cents),
                    })
            })
            .collect();
        let step = |from_week, percent_off, colour| MarkdownStep {
            from_week,
            percent_off,
            colour,
        };
        PricingPolicy {
            base_prices,
            rounding_step: Money::from_cents(50),
            markdown: vec![
                step(0, 0, TagColour::White),
                step(4, 25, TagColour::Yellow),
                step(8, 50, TagColour::Orange),
                step(12, 75, TagColour::Red),
            ],
            city_pass_discount_percent: 25,
        }
    }

    /// The base prices.
    pub fn base_prices(&self) -> &[BasePrice] {
        &self.base_prices
    }

    /// The rounding step.
    pub fn rounding_step(&self) -> Money {
        self.rounding_step
    }

    /// The markdown schedule.
    pub fn markdown(&self) -> &[MarkdownStep] {
        &self.markdown
    }

    /// The city-pass discount in percent.
    pub fn city_pass_discount_percent(&self) -> u8 {
        self.city_pass_discount_percent
    }

    /// The base price of a category in a condition.
    pub fn base_price(&self, category: Category, condition: Condition) -> Money {
        self.base_prices
            .iter()
            .find(|b| b.category == category && b.condition == condition)
            .map_or(Money::ZERO, |b| b.price)
    }

    /// The markdown step for an item taken in on `intake` when sold on `on`.
    pub fn step_on(&self, intake: NaiveDate, on: NaiveDate) -> Option<&MarkdownStep> {
        let weeks = u32::try_from((on - intake).num_days().max(0) / 7).unwrap_or(u32::MAX);
        self.markdown.iter().rev().find(|s| s.from_week <= weeks)
    }

    /// The price tag of `item` on `on`; `manual` is the latest markdown price
    /// (which is final). At full price the base (or override) is charged as
    /// set; a marked-down price rounds to the nearest step (halves up) and
    /// never drops below one step unless the base is zero.
    pub fn price_tag(&self, item: &Item, manual: Option<Money>, on: NaiveDate) -> PriceTag {
        self.price_tag_of(
            PriceBasis {
                category: item.category,
                condition: item.condition,
                intake_date: item.intake_date,
                price_override: item.price_override,
                manual_price: manual,
            },
            on,
        )
    }

    /// The price tag of anything with the given pricing facts (see [`PricingPolicy::price_tag`]).
    pub fn price_tag_of(&self, basis: PriceBasis, on: NaiveDate) -> PriceTag {
        if let Some(price) = basis.manual_price {
            return PriceTag {
                base: price,
                percent_off: 0,
                colour: None,
                price,
            };
        }
        let base = basis
            .price_override
            .unwrap_or_else(|| self.base_price(basis.category, basis.condition));
        let step = self.step_on(basis.intake_date, on);
        let percent_off = step.map_or(0, |s| s.percent_off);
        let reduced = base.cents() * i64::from(100 - percent_off.min(100));
        let unit = self.rounding_step.cents().max(1);
        // round reduced/100 to a multiple of `unit`, halves up
        let rounded = ((reduced + unit * 50) / (unit * 100)) * unit;
        let price = if percent_off == 0 {
            // full price: the base (or a person's override) exactly as set
            base.cents()
        } else if base.cents() > 0 {
            rounded.max(unit.min(base.cents()))
        } else {
            0
        };
        PriceTag {
            base,
            percent_off,
            colour: step.map(|s| s.colour),
            price: Money::from_cents(price),
        }
    }
}

/// What an intake form knows before a lot is taken in: the input of
/// [`crate::Hub::suggest_price`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PriceQuery {
    /// Kind of goods.
    pub category: Category,
    /// State.
    pub condition: Condition,
    /// Fixed price instead of the policy's base price.
    #[serde(default)]
    pub price_override: Option<Money>,
}

/// The facts that decide a price.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PriceBasis {
    /// Kind of goods.
    pub category: Category,
    /// State.
    pub condition: Condition,
    /// Intake day (age drives the markdown).
    pub intake_date: NaiveDate,
    /// Fixed price instead of the base price.
    pub price_override: Option<Money>,
    /// Manual (markdown) price, which is final.
    pub manual_price: Option<Money>,
}

impl Default for PricingPolicy {
    fn default() -> Self {
        PricingPolicy::standard()
    }
}

/// Percentage `percent` of `amount`, rounded to the cent (halves away from zero).
pub fn percent_of(amount: Money, percent: u8) -> Money {
    let c = amount.cents() * i64::from(percent);
    let r = if c >= 0 {
        (c + 50) / 100
    } else {
        (c - 50) / 100
    };
    Money::from_cents(r)
}

/// Dutch cash rounding to 5 cents: …1–2 → …0, …3–4 → …5, …6–7 → …5, …8–9 → …10.
pub fn round_cash(amount: Money) -> Money {
    let c = amount.cents();
    let r = if c >= 0 {
        (c + 2) / 5 * 5
    } else {
        -((-c + 2) / 5 * 5)
    };
    Money::from_cents(r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{FixedClock, ItemId, NewItem};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn item(
        category: Category,
        condition: Condition,
        intake: NaiveDate,
        price: Option<i64>,
    ) -> Item {
        let clock = FixedClock::at_date(intake);
        let mut input = NewItem::new(category, "iets", condition, 500);
        input.price_override = price.map(Money::from_cents);
        Item::take_in(ItemId::generate(&clock), input, intake).unwrap()
    }

    #[test]
    fn dutch_cash_rounding() {
        let r = |c| round_cash(Money::from_cents(c)).cents();
        assert_eq!(
            [r(100), r(101), r(102), r(103), r(104)],
            [100, 100, 100, 105, 105]
        );
        assert_eq!(
            [r(105), r(106), r(107), r(108), r(109)],
            [105, 105, 105, 110, 110]
        );
        assert_eq!([r(-102), r(-103), r(-108)], [-100, -105, -110]);
        assert_eq!(r(0), 0);
    }

    #[test]
    fn percentages_round_half_away_from_zero() {
        assert_eq!(percent_of(Money::from_cents(250), 25).cents(), 63); // 62.5
        assert_eq!(percent_of(Money::from_cents(-250), 25).cents(), -63);
        assert_eq!(percent_of(Money::from_cents(1000), 0).cents(), 0);
    }

    #[test]
    fn markdown_schedule_and_tags() {
        let p = PricingPolicy::standard();
        let intake = d(2026, 1, 5);
        let it = item(Category::Clothing, Condition::A, intake, None); // € 5,00
        let tag = |on| p.price_tag(&it, None, on);
        assert_eq!(
            (tag(intake).price.cents(), tag(intake).colour),
            (500, Some(TagColour::White))
        );
        assert_eq!(tag(d(2026, 2, 1)).price.cents(), 500); // week 3
        assert_eq!(
            (tag(d(2026, 2, 2)).price.cents(), tag(d(2026, 2, 2)).colour),
            (400, Some(TagColour::Yellow))
        ); // 3.75 → 4.00
        assert_eq!(tag(d(2026, 3, 2)).price.cents(), 250);
        assert_eq!(
            (tag(d(2026, 4, 1)).price.cents(), tag(d(2026, 4, 1)).colour),
            (150, Some(TagColour::Red))
        ); // 1.25 → 1.50
        // never below one step
        let cheap = item(Category::Books, Condition::C, intake, None); // € 0,50
        assert_eq!(p.price_tag(&cheap, None, d(2026, 6, 1)).price.cents(), 50);
        // override and manual price
        let fixed = item(Category::Furniture, Condition::A, intake, Some(12_000));
        assert_eq!(p.price_tag(&fixed, None, intake).price.cents(), 12_000);
        let manual = p.price_tag(&fixed, Some(Money::from_cents(7_500)), d(2026, 6, 1));
        assert_eq!((manual.price.cents(), manual.colour), (7_500, None));
        // free stays free
        let free = item(Category::Other, Condition::C, intake, Some(0));
        assert_eq!(p.price_tag(&free, None, intake).price.cents(), 0);
    }

    #[test]
    fn policy_validation() {
        let good = || {
            let p = PricingPolicy::standard();
            PricingPolicyRaw {
                base_prices: p.base_prices.clone(),
                rounding_step: p.rounding_step,
                markdown: p.markdown.clone(),
                city_pass_discount_percent: p.city_pass_discount_percent,
            }
        };
        assert!(PricingPolicy::new(good()).is_ok());
        let mut r = good();
        r.base_prices.pop();
        assert!(PricingPolicy::new(r).is_err());
        let mut r = good();
        r.rounding_step = Money::ZERO;
        assert!(PricingPolicy::new(r).is_err());
        let mut r = good();
        r.markdown[0].from_week = 1;
        assert!(PricingPolicy::new(r).is_err());
        let mut r = good();
        r.markdown[2].percent_off = 10;
        assert!(PricingPolicy::new(r).is_err());
        let mut r = good();
        r.base_prices[0].price = Money::from_cents(-1);
        assert!(PricingPolicy::new(r).is_err());
        let mut r = good();
        r.city_pass_discount_percent = 101;
        assert!(PricingPolicy::new(r).is_err());
        let json = serde_json::to_value(PricingPolicy::standard()).unwrap();
        let back: PricingPolicy = serde_json::from_value(json).unwrap();
        assert_eq!(back, PricingPolicy::standard());
    }
}
