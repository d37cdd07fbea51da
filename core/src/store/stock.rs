//! The storage contract of the shop: items, the stock ledger, sales,
//! cash-ups and their aggregates. Every backend implements it; the
//! conformance suite (`tests/conformance/stock.rs`) shows the behaviour.

use crate::{
    Bucket, CashTotals, CashUp, HubId, ImpactFactors, ItemId, ItemState, JournalEntry, Period,
    PricingPolicy, Result, Sale, SaleId, SalesRow, StockGroup, StockMove, TillName,
};
use chrono::NaiveDate;

/// Items, ledger, sales and cash-ups. Each method is one atomic unit of work
/// (journal entry included) scoped to one hub.
#[cfg_attr(not(target_family = "wasm"), async_trait::async_trait)]
#[cfg_attr(target_family = "wasm", async_trait::async_trait(?Send))]
pub trait StockStore: Send + Sync {
    /// Stores new items with their intake moves: all of them or none.
    async fn insert_items(
        &self,
        hub: HubId,
        items: &[crate::Item],
        moves: &[StockMove],
        entry: &JournalEntry,
    ) -> Result<()>;

    /// The items among `ids` that exist, with their stock on hand and
    /// latest manual price, in the order of `ids` (unknown ids left out).
    async fn item_states(&self, hub: HubId, ids: &[ItemId]) -> Result<Vec<ItemState>>;

    /// Appends one manual move. Refuses (`Conflict`) a move that would take
    /// the item's stock below zero; `NotFound` for an unknown item.
    async fn insert_move(&self, hub: HubId, mv: &StockMove, entry: &JournalEntry) -> Result<()>;

    /// An item's moves, oldest first.
    async fn moves(&self, hub: HubId, item: ItemId) -> Result<Vec<StockMove>>;

    /// Replaces the hub's pricing policy.
    async fn set_pricing_policy(
        &self,
        hub: HubId,
        policy: &PricingPolicy,
        entry: &JournalEntry,
    ) -> Result<()>;

    /// The hub's pricing policy, if one was set.
    async fn pricing_policy(&self, hub: HubId) -> Result<Option<PricingPolicy>>;

    /// Replaces the hub's reuse-impact factors.
    async fn set_impact_factors(
        &self,
        hub: HubId,
        factors: &ImpactFactors,
        entry: &JournalEntry,
    ) -> Result<()>;

    /// The hub's reuse-impact factors, if it set its own.
    async fn impact_factors(&self, hub: HubId) -> Result<Option<ImpactFactors>>;

    /// Stores a sale (or refund) with its moves, atomically checking under a
    /// lock that every line is available: for a sale, that each item has at
    /// least the quantity on hand; for a refund (`sale.reverses`), that no
    /// more of each item is returned than the original sale sold minus what
    /// earlier refunds returned. Otherwise `Conflict` and nothing is written.
    async fn insert_sale(
        &self,
        hub: HubId,
        sale: &Sale,
        moves: &[StockMove],
        entry: &JournalEntry,
    ) -> Result<()>;

    /// One sale with its lines, or `NotFound`.
    async fn sale(&self, hub: HubId, id: SaleId) -> Result<Sale>;

    /// Cash sale and refund totals of a till on a day (aggregated).
    async fn cash_totals(&self, hub: HubId, till: &TillName, date: NaiveDate)
    -> Result<CashTotals>;

    /// Stores a cash-up; a second one for the same till and day is a `Conflict`.
    async fn insert_cash_up(
        &self,
        hub: HubId,
        cash_up: &CashUp,
        entry: &JournalEntry,
    ) -> Result<()>;

    /// Cash-ups in a period, by date then till.
    async fn cash_ups(&self, hub: HubId, period: Period) -> Result<Vec<CashUp>>;

    /// Stock on hand grouped by category, condition, intake date, price
    /// override and manual price (groups with stock only), aggregated in the store.
    async fn stock_groups(&self, hub: HubId) -> Result<Vec<StockGroup>>;

    /// Items with stock taken in before `intake_before`, oldest first (then
    /// by id), at most `limit`.
    async fn aged_items(
        &self,
        hub: HubId,
        intake_before: NaiveDate,
        limit: u32,
    ) -> Result<Vec<ItemState>>;

    /// Revenue (sum of line shares), units and weight per bucket and
    /// category for sale dates in `period`, refunds included as negatives;
    /// ordered by bucket start, then category declaration order.
    async fn sales_by_category(
        &self,
        hub: HubId,
        period: Period,
        bucket: Bucket,
    ) -> Result<Vec<SalesRow>>;
}
