//! Hub operations on stock: intake, moves, pricing, checkout, refunds,
//! cash-ups and the stock and sales reports.

use super::Hub;
use crate::journal::detail;
use crate::{
    Action, Actor, Basket, Bucket, CashUp, CashUpId, Error, ImpactFactors, ImpactRow, Item, ItemId,
    ItemView, JournalEntry, MoveId, NewCashUp, NewItem, NewMove, Period, PriceBasis, PriceQuery,
    PriceTag, PricedLine, PricingPolicy, RefundRequest, Result, Sale, SaleHeader, SaleId, SalesRow,
    StockMove, StockOnHand, TillName, authorize, cash_up_date, check_lines, check_price,
    refund_header, refund_lines, reuse_impact, sale_time, stock_on_hand,
};
use chrono::{Duration, NaiveDate};

/// Most items one batch intake takes.
pub const MAX_BATCH: usize = 10_000;
/// Most rows one ageing list returns.
pub const MAX_AGEING_ROWS: u32 = 10_000;

impl<S: crate::Store + ?Sized> Hub<S> {
    /// Takes in one lot of donated goods (volunteers, coordinators, admins).
    pub async fn take_in(&self, actor: &Actor, input: NewItem) -> Result<Item> {
        let mut items = self.take_in_batch(actor, vec![input]).await?;
        items
            .pop()
            .ok_or_else(|| Error::storage("intake returned no item"))
    }

    /// Takes in up to 10 000 lots at once, in one transaction: all or none.
    /// A refusal names the position of the first bad item.
    pub async fn take_in_batch(&self, actor: &Actor, inputs: Vec<NewItem>) -> Result<Vec<Item>> {
        authorize(actor, Action::IntakeGoods)?;
        if inputs.is_empty() || inputs.len() > MAX_BATCH {
            return Err(Error::validation(
                "items",
                format!("a batch holds 1 to {MAX_BATCH} items"),
            ));
        }
        let clock = self.clock();
        let today = clock.today();
        let n = inputs.len();
        let items = inputs
            .into_iter()
            .enumerate()
            .map(|(i, input)| {
                Item::take_in(ItemId::generate(clock), input, today).map_err(|e| match e {
                    Error::Validation { field, reason } if n > 1 => {
                        Error::validation(field, format!("item {}: {reason}", i + 1))
                    }
                    other => other,
                })
            })
            .collect::<Result<Vec<Item>>>()?;
        let moves: Vec<StockMove> = items
            .iter()
            .map(|it| it.intake_move(clock, actor))
            .collect();
        let (action, entity_id) = match items.as_slice() {
            [one] => ("item.taken_in", one.id.to_string()),
            _ => ("items.taken_in", format!("{} items", items.len())),
        };
        let entry = JournalEntry::new(
            clock,
            actor,
            action,
            ItemId::ENTITY,
            entity_id,
            detail(&items),
        );
        self.store
            .insert_items(self.id, &items, &moves, &entry)
            .await?;
        Ok(items)
    }

    /// One item with its stock on hand and today's price tag.
    pub async fn item(&self, actor: &Actor, id: ItemId) -> Result<ItemView> {
        authorize(actor, Action::ReadStock)?;
        let policy = self.policy().await?;
        let state = self
            .store
            .item_states(self.id, &[id])
            .await?
            .pop()
            .ok_or_else(|| Error::not_found(ItemId::ENTITY, id))?;
        Ok(ItemView::priced(state, &policy, self.clock().today()))
    }

    /// An item's ledger, oldest move first.
    pub async fn moves(&self, actor: &Actor, id: ItemId) -> Result<Vec<StockMove>> {
        authorize(actor, Action::ReadStock)?;
        if self.store.item_states(self.id, &[id]).await?.is_empty() {
            return Err(Error::not_found(ItemId::ENTITY, id));
        }
        self.store.moves(self.id, id).await
    }

    /// Records a discard, recycling, transfer, correction or markdown. A move
    /// that would take stock below zero is refused (`conflict`).
    pub async fn record_move(&self, actor: &Actor, input: NewMove) -> Result<StockMove> {
        authorize(actor, Action::RecordStockMove)?;
        let mv = StockMove::manual(MoveId::generate(self.clock()), input, self.clock(), actor)?;
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "stock.moved",
            MoveId::ENTITY,
            mv.id,
            detail(&mv),
        );
        self.store.insert_move(self.id, &mv, &entry).await?;
        Ok(mv)
    }

    /// Sets the hub's pricing policy (coordinators, admins).
    pub async fn set_pricing_policy(
        &self,
        actor: &Actor,
        policy: PricingPolicy,
    ) -> Result<PricingPolicy> {
        authorize(actor, Action::ManageHubSettings)?;
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "hub.pricing_policy_set",
            "hub",
            self.id,
            detail(&policy),
        );
        self.store
            .set_pricing_policy(self.id, &policy, &entry)
            .await?;
        Ok(policy)
    }

    /// The hub's pricing policy ([`PricingPolicy::standard`] until one is set).
    pub async fn pricing_policy(&self, actor: &Actor) -> Result<PricingPolicy> {
        authorize(actor, Action::ReadAggregates)?;
        self.policy().await
    }

    /// Sets the hub's reuse-impact factors, each with its source
    /// (coordinators, admins). See `docs/impact.md`.
    pub async fn set_impact_factors(
        &self,
        actor: &Actor,
        factors: ImpactFactors,
    ) -> Result<ImpactFactors> {
        authorize(actor, Action::ManageHubSettings)?;
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "hub.impact_factors_set",
            "hub",
            self.id,
            detail(&factors),
        );
        self.store
            .set_impact_factors(self.id, &factors, &entry)
            .await?;
        Ok(factors)
    }

    /// The hub's reuse-impact factors ([`ImpactFactors::standard`] until set).
    pub async fn impact_factors(&self, actor: &Actor) -> Result<ImpactFactors> {
        authorize(actor, Action::ReadAggregates)?;
        Ok(self
            .store
            .impact_factors(self.id)
            .await?
            .unwrap_or_default())
    }

    /// Kilograms reused per category in `period` (sold, net of returns) and
    /// the CO2e that avoided by the hub's factors; categories without a factor
    /// get none. Aggregated in the store (every role may read).
    pub async fn reuse_impact(&self, actor: &Actor, period: Period) -> Result<Vec<ImpactRow>> {
        authorize(actor, Action::ReadAggregates)?;
        let factors = self
            .store
            .impact_factors(self.id)
            .await?
            .unwrap_or_default();
        let rows = self
            .store
            .sales_by_category(self.id, period, Bucket::Month)
            .await?;
        Ok(reuse_impact(&rows, &factors))
    }

    async fn policy(&self) -> Result<PricingPolicy> {
        Ok(self
            .store
            .pricing_policy(self.id)
            .await?
            .unwrap_or_default())
    }

    /// Sells a basket: prices every line by the policy on the sale's day,
    /// applies the city-pass discount and, for cash, Dutch rounding; stores
    /// the sale and its moves atomically. More than is on hand is a
    /// `conflict` and nothing is written.
    pub async fn checkout(&self, actor: &Actor, basket: Basket) -> Result<Sale> {
        authorize(actor, Action::Sell)?;
        check_lines(&basket.lines)?;
        let till = TillName::parse(&basket.till)?;
        let at = sale_time(basket.at, self.clock())?;
        let date = if basket.at.is_some() {
            at.date_naive()
        } else {
            self.clock().today()
        };
        let policy = self.policy().await?;
        let ids: Vec<ItemId> = basket.lines.iter().map(|l| l.item_id).collect();
        let states = self.store.item_states(self.id, &ids).await?;
        let mut priced = Vec::with_capacity(basket.lines.len());
        for line in &basket.lines {
            let state = states
                .iter()
                .find(|s| s.item.id == line.item_id)
                .ok_or_else(|| Error::not_found(ItemId::ENTITY, line.item_id))?;
            let tag = policy.price_tag(&state.item, state.manual_price, date);
            priced.push(PricedLine {
                item_id: line.item_id,
                category: state.item.category,
                quantity: i64::from(line.quantity),
                unit_price: tag.price,
                weight_grams: state.item.weight_grams,
            });
        }
        let header = SaleHeader {
            id: SaleId::generate(self.clock()),
            till,
            at,
            date,
            actor: actor.name().to_string(),
            payment: basket.payment,
            city_pass: basket.city_pass,
            reverses: None,
        };
        let sale = Sale::compose(header, &priced, policy.city_pass_discount_percent());
        let moves = sale.moves(self.clock());
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "sale.made",
            SaleId::ENTITY,
            sale.id,
            detail(&sale),
        );
        self.store
            .insert_sale(self.id, &sale, &moves, &entry)
            .await?;
        Ok(sale)
    }

    /// Refunds (part of) a sale as a new reversing sale with return moves,
    /// paying back each line's share of what was paid (rounded to 5 cents for
    /// cash). Returning more than was sold (minus earlier refunds) is a `conflict`.
    pub async fn refund(&self, actor: &Actor, request: RefundRequest) -> Result<Sale> {
        authorize(actor, Action::Sell)?;
        let original = self.store.sale(self.id, request.sale_id).await?;
        let lines = refund_lines(&original, &request.lines)?;
        let header = refund_header(
            SaleId::generate(self.clock()),
            &request,
            &original,
            self.clock(),
            actor,
        )?;
        let refund = Sale::compose_refund(header, &lines);
        let moves = refund.moves(self.clock());
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "sale.refunded",
            SaleId::ENTITY,
            refund.id,
            detail(&refund),
        );
        self.store
            .insert_sale(self.id, &refund, &moves, &entry)
            .await?;
        Ok(refund)
    }

    /// One sale (or refund) with its lines.
    pub async fn sale(&self, actor: &Actor, id: SaleId) -> Result<Sale> {
        authorize(actor, Action::ReadStock)?;
        self.store.sale(self.id, id).await
    }

    /// Counts a till at the end of a day: opening float + cash sales − cash
    /// refunds against what was counted. Once per till and day.
    pub async fn cash_up(&self, actor: &Actor, input: NewCashUp) -> Result<CashUp> {
        authorize(actor, Action::CashUp)?;
        let till = TillName::parse(&input.till)?;
        let date = cash_up_date(input.date, self.clock().today())?;
        let totals = self.store.cash_totals(self.id, &till, date).await?;
        let cash_up = CashUp::compute(
            CashUpId::generate(self.clock()),
            till,
            date,
            &input,
            totals,
            self.clock(),
            actor,
        )?;
        let entry = JournalEntry::new(
            self.clock(),
            actor,
            "till.cashed_up",
            CashUpId::ENTITY,
            cash_up.id,
            detail(&cash_up),
        );
        self.store.insert_cash_up(self.id, &cash_up, &entry).await?;
        Ok(cash_up)
    }

    /// Cash-ups in a period (coordinators, admins).
    pub async fn cash_ups(&self, actor: &Actor, period: Period) -> Result<Vec<CashUp>> {
        authorize(actor, Action::ManageHubSettings)?;
        self.store.cash_ups(self.id, period).await
    }

    /// Stock on hand per category and tag colour, valued at the prices of
    /// `on` (default today). Aggregated in the store; every role may read.
    pub async fn stock_on_hand(
        &self,
        actor: &Actor,
        on: Option<NaiveDate>,
    ) -> Result<Vec<StockOnHand>> {
        authorize(actor, Action::ReadAggregates)?;
        let policy = self.policy().await?;
        let groups = self.store.stock_groups(self.id).await?;
        Ok(stock_on_hand(
            &policy,
            &groups,
            on.unwrap_or_else(|| self.clock().today()),
        ))
    }

    /// Items still in stock that were taken in more than `weeks` weeks ago,
    /// oldest first, at most `limit` (1–10 000), with today's price tags.
    pub async fn ageing(&self, actor: &Actor, weeks: u32, limit: u32) -> Result<Vec<ItemView>> {
        authorize(actor, Action::ReadStock)?;
        if !(1..=MAX_AGEING_ROWS).contains(&limit) {
            return Err(Error::validation(
                "limit",
                format!("must be between 1 and {MAX_AGEING_ROWS}"),
            ));
        }
        if weeks > 520 {
            return Err(Error::validation("weeks", "at most 520 weeks"));
        }
        let today = self.clock().today();
        let before = today - Duration::weeks(i64::from(weeks));
        let policy = self.policy().await?;
        let states = self.store.aged_items(self.id, before, limit).await?;
        Ok(states
            .into_iter()
            .map(|s| ItemView::priced(s, &policy, today))
            .collect())
    }

    /// Items with stock on hand (what a till can sell), oldest intake first,
    /// at most `limit` (1–10 000), with today's price tags.
    pub async fn in_stock(&self, actor: &Actor, limit: u32) -> Result<Vec<ItemView>> {
        authorize(actor, Action::ReadStock)?;
        if !(1..=MAX_AGEING_ROWS).contains(&limit) {
            return Err(Error::validation(
                "limit",
                format!("must be between 1 and {MAX_AGEING_ROWS}"),
            ));
        }
        let today = self.clock().today();
        // An intake is never dated after today, so "taken in before
        // tomorrow" is every item.
        let policy = self.policy().await?;
        let states = self
            .store
            .aged_items(self.id, today + Duration::days(1), limit)
            .await?;
        Ok(states
            .into_iter()
            .map(|s| ItemView::priced(s, &policy, today))
            .collect())
    }

    /// The price tag a lot taken in today would get under the hub's pricing
    /// policy: what an intake form suggests before `take_in`. Writes nothing.
    pub async fn suggest_price(&self, actor: &Actor, query: PriceQuery) -> Result<PriceTag> {
        authorize(actor, Action::ReadStock)?;
        if let Some(price) = query.price_override {
            check_price("price_override", price)?;
        }
        let policy = self.policy().await?;
        let today = self.clock().today();
        Ok(policy.price_tag_of(
            PriceBasis {
                category: query.category,
                condition: query.condition,
                intake_date: today,
                price_override: query.price_override,
                manual_price: None,
            },
            today,
        ))
    }

    /// Revenue, units and kilograms sold per category per day, week or
    /// month in `period`, aggregated in the store (every role may read).
    pub async fn sales_report(
        &self,
        actor: &Actor,
        period: Period,
        bucket: Bucket,
    ) -> Result<Vec<SalesRow>> {
        authorize(actor, Action::ReadAggregates)?;
        self.store.sales_by_category(self.id, period, bucket).await
    }
}
