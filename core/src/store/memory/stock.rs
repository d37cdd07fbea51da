//! The in-memory stock ledger. Stock on hand and manual prices are kept as
//! running sums next to the append-only move list (derived, never edited
//! on their own), so a checkout costs O(lines), not O(moves).

use super::table::Table;
use super::{MemoryStore, hub_mut, hub_ref};
use crate::store::{StockStore, cash_up_twice_message, duplicate_message, short_message};
use crate::{
    Bucket, CashTotals, CashUp, Error, HubId, ImpactFactors, Item, ItemId, ItemState, JournalEntry,
    Money, MoveKind, PaymentMethod, Period, PricingPolicy, Result, Sale, SaleCounts, SaleId,
    SalesRow, StockGroup, StockMove, TillName, bucket_start,
};
use chrono::NaiveDate;

#[derive(Debug, Default)]
pub(super) struct StockData {
    pub(super) items: Table<Item>,
    pub(super) moves: Vec<StockMove>,
    on_hand: Table<i64>,
    manual_price: Table<Money>,
    policy: Option<PricingPolicy>,
    impact: Option<ImpactFactors>,
    pub(super) sales: Table<Sale>,
    /// Units returned so far per original sale: (item, units).
    returned: Table<Vec<(ItemId, i64)>>,
    cash_ups: Vec<CashUp>,
}

impl StockData {
    /// Sales and refunds rung up in `period`.
    pub(super) fn sale_counts(&self, period: Period) -> SaleCounts {
        let mut out = SaleCounts::default();
        for s in self.sales.values().filter(|s| period.contains(s.date)) {
            match s.reverses {
                None => out.sales += 1,
                Some(_) => out.refunds += 1,
            }
        }
        out
    }

    fn state(&self, item: &Item) -> ItemState {
        ItemState {
            item: item.clone(),
            on_hand: self.on_hand(item.id),
            manual_price: self.manual_price.get(item.id.as_uuid()).copied(),
        }
    }

    fn on_hand(&self, item: ItemId) -> i64 {
        self.on_hand.get(item.as_uuid()).copied().unwrap_or(0)
    }

    /// Units of `item` returned so far against the sale `original`.
    fn returned(&self, original: SaleId, item: ItemId) -> i64 {
        self.returned
            .get(original.as_uuid())
            .and_then(|r| r.iter().find(|(i, _)| *i == item))
            .map_or(0, |(_, n)| *n)
    }

    fn append(&mut self, mv: &StockMove) {
        let id = mv.item_id.as_uuid();
        *self.on_hand.get_or_insert_with(id, || 0) += mv.quantity;
        if mv.kind == MoveKind::Markdown
            && let Some(p) = mv.unit_price
        {
            self.manual_price.insert(id, p);
        }
        self.moves.push(mv.clone());
    }
}

#[cfg_attr(not(target_family = "wasm"), async_trait::async_trait)]
#[cfg_attr(target_family = "wasm", async_trait::async_trait(?Send))]
impl StockStore for MemoryStore {
    async fn insert_items(
        &self,
        hub: HubId,
        items: &[Item],
        moves: &[StockMove],
        entry: &JournalEntry,
    ) -> Result<()> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        if let Some(dup) = first_duplicate(items, &data.stock.items) {
            return Err(Error::conflict(duplicate_message("item", dup.id)));
        }
        for item in items {
            data.stock.items.insert(item.id.as_uuid(), item.clone());
        }
        for mv in moves {
            data.stock.append(mv);
        }
        data.journal(entry);
        Ok(())
    }

    async fn item_states(&self, hub: HubId, ids: &[ItemId]) -> Result<Vec<ItemState>> {
        let st = self.lock();
        let data = &hub_ref(&st, hub)?.stock;
        Ok(ids
            .iter()
            .filter_map(|id| data.items.get(id.as_uuid()))
            .map(|i| data.state(i))
            .collect())
    }

    async fn insert_move(&self, hub: HubId, mv: &StockMove, entry: &JournalEntry) -> Result<()> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        if !data.stock.items.contains(mv.item_id.as_uuid()) {
            return Err(Error::not_found("item", mv.item_id));
        }
        // A repeated id (an import racing another) is refused like the SQL
        // primary key does; manual moves are rare, so a scan is cheap enough.
        if data.stock.moves.iter().rev().any(|m| m.id == mv.id) {
            return Err(Error::conflict(duplicate_message("stock move", mv.id)));
        }
        let on_hand = data.stock.on_hand(mv.item_id);
        if on_hand + mv.quantity < 0 {
            return Err(Error::conflict(short_message(
                mv.item_id,
                on_hand,
                -mv.quantity,
            )));
        }
        data.stock.append(mv);
        data.journal(entry);
        Ok(())
    }

    async fn moves(&self, hub: HubId, item: ItemId) -> Result<Vec<StockMove>> {
        let st = self.lock();
        Ok(hub_ref(&st, hub)?
            .stock
            .moves
            .iter()
            .filter(|m| m.item_id == item)
            .cloned()
            .collect())
    }

    async fn set_pricing_policy(
        &self,
        hub: HubId,
        policy: &PricingPolicy,
        entry: &JournalEntry,
    ) -> Result<()> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        data.stock.policy = Some(policy.clone());
        data.journal(entry);
        Ok(())
    }

    async fn pricing_policy(&self, hub: HubId) -> Result<Option<PricingPolicy>> {
        let st = self.lock();
        Ok(hub_ref(&st, hub)?.stock.policy.clone())
    }

    async fn set_impact_factors(
        &self,
        hub: HubId,
        factors: &ImpactFactors,
        entry: &JournalEntry,
    ) -> Result<()> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        data.stock.impact = Some(factors.clone());
        data.journal(entry);
        Ok(())
    }

    async fn impact_factors(&self, hub: HubId) -> Result<Option<ImpactFactors>> {
        let st = self.lock();
        Ok(hub_ref(&st, hub)?.stock.impact.clone())
    }

    async fn insert_sale(
        &self,
        hub: HubId,
        sale: &Sale,
        moves: &[StockMove],
        entry: &JournalEntry,
    ) -> Result<()> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        let stock = &data.stock;
        if stock.sales.contains(sale.id.as_uuid()) {
            return Err(Error::conflict(duplicate_message("sale", sale.id)));
        }
        for line in &sale.lines {
            if !stock.items.contains(line.item_id.as_uuid()) {
                return Err(Error::not_found("item", line.item_id));
            }
            match sale.reverses {
                None => {
                    let on_hand = stock.on_hand(line.item_id);
                    if on_hand < line.quantity {
                        return Err(Error::conflict(short_message(
                            line.item_id,
                            on_hand,
                            line.quantity,
                        )));
                    }
                }
                Some(original) => {
                    let orig = stock
                        .sales
                        .get(original.as_uuid())
                        .ok_or_else(|| Error::not_found("sale", original))?;
                    let sold: i64 = orig
                        .lines
                        .iter()
                        .filter(|l| l.item_id == line.item_id)
                        .map(|l| l.quantity)
                        .sum();
                    let back = stock.returned(original, line.item_id);
                    if back - line.quantity > sold {
                        return Err(Error::conflict(short_message(
                            line.item_id,
                            sold - back,
                            -line.quantity,
                        )));
                    }
                }
            }
        }
        let stock = &mut data.stock;
        if let Some(original) = sale.reverses {
            for line in &sale.lines {
                let returned = stock
                    .returned
                    .get_or_insert_with(original.as_uuid(), Vec::new);
                match returned.iter_mut().find(|(i, _)| *i == line.item_id) {
                    Some((_, n)) => *n -= line.quantity,
                    None => returned.push((line.item_id, -line.quantity)),
                }
            }
        }
        for mv in moves {
            stock.append(mv);
        }
        stock.sales.insert(sale.id.as_uuid(), sale.clone());
        data.journal(entry);
        Ok(())
    }

    async fn sale(&self, hub: HubId, id: SaleId) -> Result<Sale> {
        let st = self.lock();
        hub_ref(&st, hub)?
            .stock
            .sales
            .get(id.as_uuid())
            .cloned()
            .ok_or_else(|| Error::not_found("sale", id))
    }

    async fn cash_totals(
        &self,
        hub: HubId,
        till: &TillName,
        date: NaiveDate,
    ) -> Result<CashTotals> {
        let st = self.lock();
        let mut t = CashTotals::default();
        for s in hub_ref(&st, hub)?.stock.sales.values() {
            if s.payment == PaymentMethod::Cash && &s.till == till && s.date == date {
                if s.total.cents() >= 0 {
                    t.cash_sales = t.cash_sales + s.total;
                } else {
                    t.cash_refunds = t.cash_refunds - s.total;
                }
            }
        }
        Ok(t)
    }

    async fn insert_cash_up(
        &self,
        hub: HubId,
        cash_up: &CashUp,
        entry: &JournalEntry,
    ) -> Result<()> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        if data
            .stock
            .cash_ups
            .iter()
            .any(|c| c.till == cash_up.till && c.date == cash_up.date)
        {
            return Err(Error::conflict(cash_up_twice_message(
                &cash_up.till,
                cash_up.date,
            )));
        }
        data.stock.cash_ups.push(cash_up.clone());
        data.journal(entry);
        Ok(())
    }

    async fn cash_ups(&self, hub: HubId, period: Period) -> Result<Vec<CashUp>> {
        let st = self.lock();
        let mut out: Vec<CashUp> = hub_ref(&st, hub)?
            .stock
            .cash_ups
            .iter()
            .filter(|c| period.contains(c.date))
            .cloned()
            .collect();
        crate::order::sort_by(&mut out, |a, b| {
            (a.date, a.till.as_str()).cmp(&(b.date, b.till.as_str()))
        });
        Ok(out)
    }

    async fn stock_groups(&self, hub: HubId) -> Result<Vec<StockGroup>> {
        let st = self.lock();
        let data = &hub_ref(&st, hub)?.stock;
        // One group per item in stock, then merged per key, in key order.
        let groups = data
            .items
            .values()
            .map(|item| (item, data.on_hand(item.id)))
            .filter(|(_, on_hand)| *on_hand > 0)
            .map(|(item, on_hand)| StockGroup {
                category: item.category,
                condition: item.condition,
                intake_date: item.intake_date,
                price_override: item.price_override,
                manual_price: data.manual_price.get(item.id.as_uuid()).copied(),
                items: 1,
                units: on_hand,
                weight_grams: on_hand * i64::from(item.weight_grams),
            })
            .collect();
        Ok(crate::order::group_by_key(
            groups,
            |g: &StockGroup| {
                (
                    g.category,
                    g.condition,
                    g.intake_date,
                    g.price_override,
                    g.manual_price,
                )
            },
            |a, b| {
                a.items += b.items;
                a.units += b.units;
                a.weight_grams += b.weight_grams;
            },
        ))
    }

    async fn aged_items(
        &self,
        hub: HubId,
        intake_before: NaiveDate,
        limit: u32,
    ) -> Result<Vec<ItemState>> {
        let st = self.lock();
        let data = &hub_ref(&st, hub)?.stock;
        let mut out: Vec<ItemState> = data
            .items
            .values()
            .filter(|i| i.intake_date < intake_before)
            .map(|i| data.state(i))
            .filter(|s| s.on_hand > 0)
            .collect();
        crate::order::sort_by_key(&mut out, |s| (s.item.intake_date, s.item.id));
        out.truncate(limit as usize);
        Ok(out)
    }

    async fn sales_by_category(
        &self,
        hub: HubId,
        period: Period,
        bucket: Bucket,
    ) -> Result<Vec<SalesRow>> {
        let st = self.lock();
        let data = &hub_ref(&st, hub)?.stock;
        // One row per sale line, then summed per (bucket, category), in that order.
        let rows = data
            .sales
            .values()
            .filter(|s| period.contains(s.date))
            .flat_map(|sale| {
                let start = bucket_start(bucket, sale.date);
                sale.lines.iter().map(move |l| SalesRow {
                    period_start: start,
                    category: l.category,
                    revenue: l.net,
                    units: l.quantity,
                    weight_grams: l.weight_grams,
                })
            })
            .collect();
        Ok(crate::order::group_by_key(
            rows,
            |r: &SalesRow| (r.period_start, r.category),
            |a, b| {
                a.revenue = a.revenue + b.revenue;
                a.units += b.units;
                a.weight_grams += b.weight_grams;
            },
        ))
    }
}

/// The first of `items` whose id is already in `stored` or repeats an
/// earlier item of the list.
fn first_duplicate<'a>(items: &'a [Item], stored: &Table<Item>) -> Option<&'a Item> {
    // Positions by id (stable: among equal ids the earliest comes first), so
    // each later occurrence of an id follows an equal one.
    let mut by_id: Vec<usize> = (0..items.len()).collect();
    crate::order::sort_by_key(&mut by_id, |&i| items.get(i).map(|it| it.id));
    let mut repeat = vec![false; items.len()];
    for pair in by_id.windows(2) {
        if items.get(pair[0]).map(|i| i.id) == items.get(pair[1]).map(|i| i.id)
            && let Some(r) = repeat.get_mut(pair[1])
        {
            *r = true;
        }
    }
    items
        .iter()
        .zip(repeat)
        .find(|(item, repeat)| *repeat || stored.contains(item.id.as_uuid()))
        .map(|(item, _)| item)
}
