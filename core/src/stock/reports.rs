//! Stock and sales reports. The store aggregates; these types carry the
//! aggregates and the core applies the pricing policy where needed.

use super::{Bucket, Category, Condition, Item, PriceTag, PricingPolicy, TagColour};
use crate::Money;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// An item with what the ledger says about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ItemState {
    /// The item as taken in.
    #[serde(flatten)]
    pub item: Item,
    /// Units on hand (sum of its moves).
    pub on_hand: i64,
    /// The latest manual (markdown) price, if any.
    pub manual_price: Option<Money>,
}

/// An item with its stock and its price tag on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ItemView {
    /// The item and its stock.
    #[serde(flatten)]
    pub state: ItemState,
    /// Its price tag on the day asked for.
    pub tag: PriceTag,
}

impl ItemView {
    /// Prices an item state under `policy` on `on`.
    pub fn priced(state: ItemState, policy: &PricingPolicy, on: NaiveDate) -> ItemView {
        let tag = policy.price_tag(&state.item, state.manual_price, on);
        ItemView { state, tag }
    }
}

/// Stock on hand of items that share everything pricing needs (aggregated
/// by the store: one row per category, condition, intake date, price
/// override and manual price).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StockGroup {
    /// Kind of goods.
    pub category: Category,
    /// State.
    pub condition: Condition,
    /// Intake day.
    pub intake_date: NaiveDate,
    /// Price override.
    pub price_override: Option<Money>,
    /// Manual (markdown) price.
    pub manual_price: Option<Money>,
    /// Items with stock.
    pub items: i64,
    /// Units on hand.
    pub units: i64,
    /// Weight on hand in grams.
    pub weight_grams: i64,
}

/// Stock on hand per category and tag colour, valued at today's prices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StockOnHand {
    /// Kind of goods.
    pub category: Category,
    /// Tag colour (`None`: manually priced).
    pub colour: Option<TagColour>,
    /// Items with stock.
    pub items: i64,
    /// Units on hand.
    pub units: i64,
    /// Weight on hand in grams.
    pub weight_grams: i64,
    /// Value at the day's prices.
    pub value: Money,
}

/// Rolls store groups up into rows per category and colour, valued on `on`.
/// Sorted by category, then colour in schedule order.
pub fn stock_on_hand(
    policy: &PricingPolicy,
    groups: &[StockGroup],
    on: NaiveDate,
) -> Vec<StockOnHand> {
    // One row per group, then summed per (category, colour), in that order.
    let rows = groups
        .iter()
        .map(|g| {
            let tag = policy.price_tag_of(
                super::PriceBasis {
                    category: g.category,
                    condition: g.condition,
                    intake_date: g.intake_date,
                    price_override: g.price_override,
                    manual_price: g.manual_price,
                },
                on,
            );
            StockOnHand {
                category: g.category,
                colour: tag.colour,
                items: g.items,
                units: g.units,
                weight_grams: g.weight_grams,
                value: Money::ZERO + Money::from_cents(tag.price.cents() * g.units),
            }
        })
        .collect();
    crate::order::group_by_key(
        rows,
        |r: &StockOnHand| (r.category, r.colour),
        |a, b| {
            a.items += b.items;
            a.units += b.units;
            a.weight_grams += b.weight_grams;
            a.value = a.value + b.value;
        },
    )
}

/// Sales of one category in one bucket (day, week or month).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SalesRow {
    /// First day of the bucket (the day; the week's Monday; the month's 1st).
    pub period_start: NaiveDate,
    /// Kind of goods.
    pub category: Category,
    /// Money taken (after pass discounts and cash rounding; refunds subtract).
    pub revenue: Money,
    /// Units sold (refunds subtract).
    pub units: i64,
    /// Weight sold in grams (refunds subtract).
    pub weight_grams: i64,
}

/// The first day of the bucket that contains `date`.
pub fn bucket_start(bucket: Bucket, date: NaiveDate) -> NaiveDate {
    match bucket {
        Bucket::Day => date,
        Bucket::Week => crate::Period::week_of(date).from(),
        Bucket::Month => date.with_day(1).unwrap_or(date),
    }
}
