//! The in-memory stock ledger. Stock on hand and manual prices are kept as
//! running sums next to the append-only move list (derived, never edited
//! on their own), so a checkout costs O(lines), not O(moves).

use super::{MemoryStore, hub_mut, hub_ref};
use crate::store::{StockStore, cash_up_twice_message, duplicate_message, short_message};
use crate::{
    Bucket, CashTotals, CashUp, Category, Condition, Error, HubId, ImpactFactors, Item, ItemId,
    ItemState, JournalEntry, Money, MoveKind, PaymentMethod, Period, PricingPolicy, Result, Sale,
    SaleId, SalesRow, StockGroup, StockMove, TillName, bucket_start,
};
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Default)]
pub(super) struct StockData {
    items: BTreeMap<ItemId, Item>,
    moves: Vec<StockMove>,
    on_hand: HashMap<ItemId, i64>,
    manual_price: HashMap<ItemId, Money>,
    policy: Option<PricingPolicy>,
    impact: Option<ImpactFactors>,
    sales: BTreeMap<SaleId, Sale>,
    /// Units returned so far per (original sale, item).
    returned: HashMap<(SaleId, ItemId), i64>,
    cash_ups: Vec<CashUp>,
}

impl StockData {
    fn state(&self, item: &Item) -> ItemState {
        ItemState {
            item: item.clone(),
            on_hand: self.on_hand.get(&item.id).copied().unwrap_or(0),
            manual_price: self.manual_price.get(&item.id).copied(),
        }
    }

    fn append(&mut self, mv: &StockMove) {
        *self.on_hand.entry(mv.item_id).or_default() += mv.quantity;
        if mv.kind == MoveKind::Markdown
            && let Some(p) = mv.unit_price
        {
            self.manual_price.insert(mv.item_id, p);
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
        let mut seen = std::collections::HashSet::new();
        if let Some(dup) = items
            .iter()
            .find(|i| data.stock.items.contains_key(&i.id) || !seen.insert(i.id))
        {
            return Err(Error::conflict(duplicate_message("item", dup.id)));
        }
        for item in items {
            data.stock.items.insert(item.id, item.clone());
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
            .filter_map(|id| data.items.get(id))
            .map(|i| data.state(i))
            .collect())
    }

    async fn insert_move(&self, hub: HubId, mv: &StockMove, entry: &JournalEntry) -> Result<()> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        if !data.stock.items.contains_key(&mv.item_id) {
            return Err(Error::not_found("item", mv.item_id));
        }
        let on_hand = data.stock.on_hand.get(&mv.item_id).copied().unwrap_or(0);
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
        if stock.sales.contains_key(&sale.id) {
            return Err(Error::conflict(duplicate_message("sale", sale.id)));
        }
        for line in &sale.lines {
            if !stock.items.contains_key(&line.item_id) {
                return Err(Error::not_found("item", line.item_id));
            }
            match sale.reverses {
                None => {
                    let on_hand = stock.on_hand.get(&line.item_id).copied().unwrap_or(0);
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
                        .get(&original)
                        .ok_or_else(|| Error::not_found("sale", original))?;
                    let sold: i64 = orig
                        .lines
                        .iter()
                        .filter(|l| l.item_id == line.item_id)
                        .map(|l| l.quantity)
                        .sum();
                    let back = stock
                        .returned
                        .get(&(original, line.item_id))
                        .copied()
                        .unwrap_or(0);
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
                *stock.returned.entry((original, line.item_id)).or_default() -= line.quantity;
            }
        }
        for mv in moves {
            stock.append(mv);
        }
        stock.sales.insert(sale.id, sale.clone());
        data.journal(entry);
        Ok(())
    }

    async fn sale(&self, hub: HubId, id: SaleId) -> Result<Sale> {
        let st = self.lock();
        hub_ref(&st, hub)?
            .stock
            .sales
            .get(&id)
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
        out.sort_by(|a, b| (a.date, a.till.as_str()).cmp(&(b.date, b.till.as_str())));
        Ok(out)
    }

    async fn stock_groups(&self, hub: HubId) -> Result<Vec<StockGroup>> {
        let st = self.lock();
        let data = &hub_ref(&st, hub)?.stock;
        type Key = (Category, Condition, NaiveDate, Option<Money>, Option<Money>);
        let mut groups: BTreeMap<Key, StockGroup> = BTreeMap::new();
        for item in data.items.values() {
            let s = data.state(item);
            if s.on_hand <= 0 {
                continue;
            }
            let key = (
                item.category,
                item.condition,
                item.intake_date,
                item.price_override,
                s.manual_price,
            );
            let g = groups.entry(key).or_insert(StockGroup {
                category: item.category,
                condition: item.condition,
                intake_date: item.intake_date,
                price_override: item.price_override,
                manual_price: s.manual_price,
                items: 0,
                units: 0,
                weight_grams: 0,
            });
            g.items += 1;
            g.units += s.on_hand;
            g.weight_grams += s.on_hand * i64::from(item.weight_grams);
        }
        Ok(groups.into_values().collect())
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
        out.sort_by_key(|s| (s.item.intake_date, s.item.id));
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
        let mut rows: BTreeMap<(NaiveDate, Category), SalesRow> = BTreeMap::new();
        for sale in data.sales.values().filter(|s| period.contains(s.date)) {
            let start = bucket_start(bucket, sale.date);
            for l in &sale.lines {
                let r = rows.entry((start, l.category)).or_insert(SalesRow {
                    period_start: start,
                    category: l.category,
                    revenue: Money::ZERO,
                    units: 0,
                    weight_grams: 0,
                });
                r.revenue = r.revenue + l.net;
                r.units += l.quantity;
                r.weight_grams += l.weight_grams;
            }
        }
        Ok(rows.into_values().collect())
    }
}
