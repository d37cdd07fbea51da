//! `Hub` operations on stock: intake, the ledger, pricing, the till,
//! refunds, cash-ups and the stock and sales reports. Amounts are integer
//! euro cents in and out.

use crate::convert::{self, InStockOptions, StockOnHandOptions, output};
use crate::hub::{Hub, promise};
use js_sys::Promise;
use kringloop::hub::stock::MAX_AGEING_ROWS;
use kringloop::{Basket, NewCashUp, NewItem, NewMove, PriceQuery, RefundRequest};
#[cfg(feature = "shop")]
use kringloop::{ImpactFactor, ImpactFactors};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Hub {
    /// Takes in one lot of donated goods (volunteers, coordinators, admins).
    #[wasm_bindgen(js_name = takeIn, unchecked_return_type = "Promise<Item>")]
    pub fn take_in(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "NewItem")] input: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let input: NewItem = convert::input(input, "input")?;
            output(&hub.take_in(&actor, input).await?)
        })
    }

    /// Takes in 1–10 000 lots at once: all or none. A refusal's message
    /// names the position of the first bad item (`item 2: …`).
    #[wasm_bindgen(js_name = takeInBatch, unchecked_return_type = "Promise<Item[]>")]
    pub fn take_in_batch(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "NewItem[]")] inputs: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let inputs: Vec<NewItem> = convert::input(inputs, "inputs")?;
            output(&hub.take_in_batch(&actor, inputs).await?)
        })
    }

    /// One item with its stock on hand, manual price and today's price tag.
    #[wasm_bindgen(unchecked_return_type = "Promise<ItemView>")]
    pub fn item(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let id = convert::item_id(id)?;
            output(&hub.item(&actor, id).await?)
        })
    }

    /// An item's ledger, oldest move first.
    #[wasm_bindgen(unchecked_return_type = "Promise<StockMove[]>")]
    pub fn moves(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(js_name = itemId, unchecked_param_type = "string")] item_id: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let id = convert::item_id(item_id)?;
            output(&hub.moves(&actor, id).await?)
        })
    }

    /// Records a discard, recycling, transfer, correction or markdown. A move
    /// that would take stock below zero is refused with `conflict`.
    #[wasm_bindgen(js_name = recordMove, unchecked_return_type = "Promise<StockMove>")]
    pub fn record_move(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "NewMove")] input: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let input: NewMove = convert::input(input, "input")?;
            output(&hub.record_move(&actor, input).await?)
        })
    }

    /// The hub's pricing policy (the core's standard policy until one is
    /// set; every role may read).
    #[wasm_bindgen(js_name = pricingPolicy, unchecked_return_type = "Promise<PricingPolicy>")]
    pub fn pricing_policy(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            output(&hub.pricing_policy(&actor).await?)
        })
    }

    /// Sells a basket at today's prices, with the city-pass discount and, for
    /// cash, Dutch rounding to 5 cents. Asking for more than is on hand is a
    /// `conflict` and nothing is written.
    #[wasm_bindgen(unchecked_return_type = "Promise<Sale>")]
    pub fn checkout(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Basket")] basket: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let basket: Basket = convert::input(basket, "basket")?;
            output(&hub.checkout(&actor, basket).await?)
        })
    }

    /// Refunds (part of) a sale as a new, reversing sale at the prices
    /// charged (no `lines`: everything). Returning more than was sold minus
    /// earlier refunds is a `conflict`.
    #[wasm_bindgen(unchecked_return_type = "Promise<Sale>")]
    pub fn refund(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "RefundRequest")] request: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let request: RefundRequest = convert::input(request, "request")?;
            output(&hub.refund(&actor, request).await?)
        })
    }

    /// One sale (or refund) with its lines.
    #[wasm_bindgen(unchecked_return_type = "Promise<Sale>")]
    pub fn sale(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let id = convert::sale_id(id)?;
            output(&hub.sale(&actor, id).await?)
        })
    }

    /// Counts a till at the end of a day (default today): opening float +
    /// cash sales − cash refunds against what was counted. Once per till and
    /// day; a second is a `conflict`.
    #[wasm_bindgen(js_name = cashUp, unchecked_return_type = "Promise<CashUp>")]
    pub fn cash_up(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "NewCashUp")] input: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let input: NewCashUp = convert::input(input, "input")?;
            output(&hub.cash_up(&actor, input).await?)
        })
    }

    /// Stock on hand per category and tag colour, valued at the prices of
    /// `on` (default today). Every role may read.
    #[wasm_bindgen(js_name = stockOnHand, unchecked_return_type = "Promise<StockOnHand[]>")]
    pub fn stock_on_hand(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "StockOnHandOptions")] options: Option<
            JsValue,
        >,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let o: StockOnHandOptions = convert::options(options, "options")?;
            output(&hub.stock_on_hand(&actor, o.on).await?)
        })
    }

    /// Items with stock on hand (what the till can sell), oldest intake
    /// first, at most `limit` (1–10 000, default 10 000), with today's tags.
    #[wasm_bindgen(js_name = inStock, unchecked_return_type = "Promise<ItemView[]>")]
    pub fn in_stock(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "InStockOptions")] options: Option<JsValue>,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let o: InStockOptions = convert::options(options, "options")?;
            output(
                &hub.in_stock(&actor, o.limit.unwrap_or(MAX_AGEING_ROWS))
                    .await?,
            )
        })
    }

    /// The price tag a lot taken in today would get (`{ category, condition,
    /// priceOverride? }`): the intake form's suggestion. Writes nothing.
    #[wasm_bindgen(js_name = suggestPrice, unchecked_return_type = "Promise<PriceTag>")]
    pub fn suggest_price(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "PriceQuery")] query: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let query: PriceQuery = convert::input(query, "query")?;
            output(&hub.suggest_price(&actor, query).await?)
        })
    }

    /// Revenue, units and weight sold per category per `bucket` (`day`
    /// (default), `week` or `month`) in `{ from, to }`; refunds subtract.
    /// Every role may read.
    #[wasm_bindgen(js_name = salesReport, unchecked_return_type = "Promise<SalesRow[]>")]
    pub fn sales_report(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "SalesQuery")] query: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let (period, bucket) = convert::sales_query(query)?;
            output(&hub.sales_report(&actor, period, bucket).await?)
        })
    }
}

// The office calls: not in the offline package `kringloop-offline` (feature
// `offline` without `shop`), which keeps the shop floor's calls (docs/web.md).
#[cfg(feature = "shop")]
#[wasm_bindgen]
impl Hub {
    /// Replaces the hub's pricing policy (coordinators, admins); returns it.
    #[wasm_bindgen(js_name = setPricingPolicy, unchecked_return_type = "Promise<PricingPolicy>")]
    pub fn set_pricing_policy(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "PricingPolicy")] policy: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let policy = convert::pricing_policy(policy)?;
            output(&hub.set_pricing_policy(&actor, policy).await?)
        })
    }

    /// Replaces the hub's reuse-impact factors (coordinators, admins), at
    /// most one per category, each with its source; returns them by category.
    #[wasm_bindgen(js_name = setImpactFactors, unchecked_return_type = "Promise<ImpactFactor[]>")]
    pub fn set_impact_factors(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "ImpactFactor[]")] factors: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let factors: Vec<ImpactFactor> = convert::input(factors, "factors")?;
            let factors = ImpactFactors::new(factors)?;
            output(&hub.set_impact_factors(&actor, factors).await?)
        })
    }

    /// The hub's reuse-impact factors (the published defaults until set;
    /// every role may read). See `docs/impact.md`.
    #[wasm_bindgen(js_name = impactFactors, unchecked_return_type = "Promise<ImpactFactor[]>")]
    pub fn impact_factors(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            output(&hub.impact_factors(&actor).await?)
        })
    }

    /// Kilograms reused per category in `{ from, to }` (sold, net of
    /// returns) and the CO2e that avoided; `gramsCo2e` and `source` are
    /// `null` for a category without a factor. Every role may read.
    #[wasm_bindgen(js_name = reuseImpact, unchecked_return_type = "Promise<ImpactRow[]>")]
    pub fn reuse_impact(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Period")] period: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let period = convert::period(period)?;
            output(&hub.reuse_impact(&actor, period).await?)
        })
    }

    /// Cash-ups in `{ from, to }`, by date then till (coordinators, admins).
    #[wasm_bindgen(js_name = cashUps, unchecked_return_type = "Promise<CashUp[]>")]
    pub fn cash_ups(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Period")] period: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let period = convert::period(period)?;
            output(&hub.cash_ups(&actor, period).await?)
        })
    }

    /// Items still in stock taken in more than `weeks` weeks ago, oldest
    /// first, at most `limit` (1–10 000, default 10 000), with today's tags.
    #[wasm_bindgen(unchecked_return_type = "Promise<ItemView[]>")]
    pub fn ageing(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Actor")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "AgeingQuery")] query: JsValue,
    ) -> Promise {
        let hub = self.core();
        promise(async move {
            let actor = convert::actor(actor)?;
            let (weeks, limit) = convert::ageing_query(query)?;
            output(&hub.ageing(&actor, weeks, limit).await?)
        })
    }
}
