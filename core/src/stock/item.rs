//! Items: one intake lot of identical donated goods.

use super::{Category, Condition, DonorKind, MoveKind, StockMove};
use crate::{Actor, Clock, Error, ItemDescription, ItemId, Money, MoveId, Result};
use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

/// Most units one item may hold.
pub const MAX_QUANTITY: u32 = 10_000;
/// Heaviest unit accepted, in grams (a wardrobe: 500 kg).
pub const MAX_WEIGHT_GRAMS: u32 = 500_000;
/// Highest price accepted, in cents (€ 10.000).
pub const MAX_PRICE_CENTS: i64 = 1_000_000;

/// One intake lot of identical goods. Immutable once taken in: what happens
/// to it afterwards is recorded as [`StockMove`]s.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Item {
    /// Id.
    pub id: ItemId,
    /// Kind of goods.
    pub category: Category,
    /// What it is.
    pub description: ItemDescription,
    /// State.
    pub condition: Condition,
    /// Units taken in.
    pub quantity: u32,
    /// Weight of one unit in grams.
    pub weight_grams: u32,
    /// Who donated it, if known.
    pub donor: Option<DonorKind>,
    /// Day it was taken in (its age for markdowns counts from here).
    pub intake_date: NaiveDate,
    /// A fixed price instead of the policy's base price.
    pub price_override: Option<Money>,
}

/// Input for taking in goods (raw values; the core validates them).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewItem {
    /// Kind of goods.
    pub category: Category,
    /// What it is.
    pub description: String,
    /// State.
    pub condition: Condition,
    /// Units (default 1).
    #[serde(default = "one")]
    pub quantity: u32,
    /// Weight of one unit in grams.
    pub weight_grams: u32,
    /// Who donated it.
    #[serde(default)]
    pub donor: Option<DonorKind>,
    /// Intake day (default today; not in the future).
    #[serde(default)]
    pub intake_date: Option<NaiveDate>,
    /// A fixed price instead of the policy's base price.
    #[serde(default)]
    pub price_override: Option<Money>,
}

fn one() -> u32 {
    1
}

impl NewItem {
    /// The usual case: one unit of a category in a condition, weighing `weight_grams`.
    pub fn new(
        category: Category,
        description: &str,
        condition: Condition,
        weight_grams: u32,
    ) -> NewItem {
        NewItem {
            category,
            description: description.to_string(),
            condition,
            quantity: 1,
            weight_grams,
            donor: None,
            intake_date: None,
            price_override: None,
        }
    }
}

/// Checks a price entered by a person: 0 to € 10.000.
pub fn check_price(field: &str, price: Money) -> Result<Money> {
    if price.cents() < 0 {
        return Err(Error::validation(field, "a price cannot be below zero"));
    }
    if price.cents() > MAX_PRICE_CENTS {
        return Err(Error::validation(
            field,
            format!("{price} is above the € 10.000 limit"),
        ));
    }
    Ok(price)
}

impl Item {
    /// Validates an intake; `today` is the hub's date.
    pub fn take_in(id: ItemId, input: NewItem, today: NaiveDate) -> Result<Item> {
        let description = ItemDescription::parse(&input.description)?;
        if !(1..=MAX_QUANTITY).contains(&input.quantity) {
            return Err(Error::validation(
                "quantity",
                format!("{} is not between 1 and {MAX_QUANTITY}", input.quantity),
            ));
        }
        if !(1..=MAX_WEIGHT_GRAMS).contains(&input.weight_grams) {
            return Err(Error::validation(
                "weight_grams",
                format!(
                    "{} g is not between 1 g and {MAX_WEIGHT_GRAMS} g",
                    input.weight_grams
                ),
            ));
        }
        let intake_date = input.intake_date.unwrap_or(today);
        if intake_date > today {
            return Err(Error::validation(
                "intake_date",
                format!("{intake_date} is in the future"),
            ));
        }
        if intake_date < today - Duration::days(3660) {
            return Err(Error::validation(
                "intake_date",
                format!("{intake_date} is more than ten years ago"),
            ));
        }
        let price_override = input
            .price_override
            .map(|p| check_price("price_override", p))
            .transpose()?;
        Ok(Item {
            id,
            category: input.category,
            description,
            condition: input.condition,
            quantity: input.quantity,
            weight_grams: input.weight_grams,
            donor: input.donor,
            intake_date,
            price_override,
        })
    }

    /// The intake move that puts this item's units into stock.
    pub fn intake_move(&self, clock: &dyn Clock, actor: &Actor) -> StockMove {
        StockMove {
            id: MoveId::generate(clock),
            item_id: self.id,
            kind: MoveKind::Intake,
            quantity: i64::from(self.quantity),
            date: self.intake_date,
            at: clock.now(),
            actor: actor.name().to_string(),
            sale_id: None,
            unit_price: None,
            reason: None,
        }
    }
}
