//! Stock rows → domain values, always through the domain's own parse
//! functions. A row that does not parse is `Error::Storage("corrupt <entity>
//! row: <column>: <why>")`, never a panic.

use super::{Parsed, SqlRow, corrupt, date, json, why};
use crate::code_list::CodeList;
use crate::{
    CashUp, CashUpId, Category, Condition, DonorKind, Item, ItemDescription, ItemId, ItemState,
    Money, MoveId, MoveKind, PaymentMethod, PricingPolicy, Reason, Result, Sale, SaleId, SaleLine,
    SalesRow, StockGroup, StockMove, TillName,
};
use chrono::{DateTime, Utc};

fn timestamp(row: &impl SqlRow, col: &'static str) -> Parsed<DateTime<Utc>> {
    let at = row.int(col)?;
    DateTime::from_timestamp_micros(at).ok_or_else(|| format!("{col}: {at} is out of range"))
}

fn unsigned(row: &impl SqlRow, col: &'static str) -> Parsed<u32> {
    let n = row.int(col)?;
    u32::try_from(n).map_err(|_| format!("{col}: {n} is out of range"))
}

fn money(row: &impl SqlRow, col: &'static str) -> Parsed<Money> {
    row.int(col).map(Money::from_cents)
}

fn opt_money(row: &impl SqlRow, col: &'static str) -> Parsed<Option<Money>> {
    row.opt_int(col).map(|c| c.map(Money::from_cents))
}

fn code<T: CodeList>(row: &impl SqlRow, col: &'static str) -> Parsed<T> {
    T::parse(&row.text(col)?).map_err(why(col))
}

fn read_item(row: &impl SqlRow) -> Parsed<Item> {
    Ok(Item {
        id: ItemId::parse(&row.text("id")?).map_err(why("id"))?,
        category: code::<Category>(row, "category")?,
        description: ItemDescription::parse(row.text("description")?)
            .map_err(why("description"))?,
        condition: code::<Condition>(row, "condition")?,
        quantity: unsigned(row, "quantity")?,
        weight_grams: unsigned(row, "weight_grams")?,
        donor: row
            .opt_text("donor")?
            .map(|d| DonorKind::parse(&d))
            .transpose()
            .map_err(why("donor"))?,
        intake_date: date("intake_date", &row.text("intake_date")?)?,
        price_override: opt_money(row, "price_override")?,
    })
}

/// Rebuilds an item with its stock on hand (`on_hand`) and latest manual
/// price (`manual_price`).
pub(crate) fn item_state_from_row(row: &impl SqlRow) -> Result<ItemState> {
    let read = || -> Parsed<ItemState> {
        Ok(ItemState {
            item: read_item(row)?,
            on_hand: row.int("on_hand")?,
            manual_price: opt_money(row, "manual_price")?,
        })
    };
    read().map_err(corrupt("item"))
}

/// Rebuilds a stock move from its row.
pub(crate) fn move_from_row(row: &impl SqlRow) -> Result<StockMove> {
    let read = || -> Parsed<StockMove> {
        Ok(StockMove {
            id: MoveId::parse(&row.text("id")?).map_err(why("id"))?,
            item_id: ItemId::parse(&row.text("item_id")?).map_err(why("item_id"))?,
            kind: code::<MoveKind>(row, "kind")?,
            quantity: row.int("quantity")?,
            date: date("date", &row.text("date")?)?,
            at: timestamp(row, "at")?,
            actor: row.text("actor")?,
            sale_id: row
                .opt_text("sale_id")?
                .map(|s| SaleId::parse(&s))
                .transpose()
                .map_err(why("sale_id"))?,
            unit_price: opt_money(row, "unit_price")?,
            reason: row
                .opt_text("reason")?
                .map(Reason::parse)
                .transpose()
                .map_err(why("reason"))?,
        })
    };
    read().map_err(corrupt("stock_move"))
}

fn read_line(row: &impl SqlRow) -> Parsed<SaleLine> {
    Ok(SaleLine {
        item_id: ItemId::parse(&row.text("item_id")?).map_err(why("item_id"))?,
        category: code::<Category>(row, "category")?,
        quantity: row.int("quantity")?,
        unit_price: money(row, "unit_price")?,
        line_total: money(row, "line_total")?,
        net: money(row, "net")?,
        weight_grams: row.int("weight_grams")?,
    })
}

/// Rebuilds a sale from its row and its line rows (in line order).
pub(crate) fn sale_from_rows<R: SqlRow>(row: &R, lines: &[R]) -> Result<Sale> {
    let read = || -> Parsed<Sale> {
        let city_pass = match row.int("city_pass")? {
            0 => false,
            1 => true,
            n => return Err(format!("city_pass: {n} is not 0 or 1")),
        };
        Ok(Sale {
            id: SaleId::parse(&row.text("id")?).map_err(why("id"))?,
            till: TillName::parse(row.text("till")?).map_err(why("till"))?,
            at: timestamp(row, "at")?,
            date: date("date", &row.text("date")?)?,
            actor: row.text("actor")?,
            payment: code::<PaymentMethod>(row, "payment")?,
            city_pass,
            lines: lines
                .iter()
                .map(read_line)
                .collect::<Parsed<Vec<_>>>()
                .map_err(|e| format!("line: {e}"))?,
            subtotal: money(row, "subtotal")?,
            discount: money(row, "discount")?,
            rounding: money(row, "rounding")?,
            total: money(row, "total")?,
            reverses: row
                .opt_text("reverses")?
                .map(|s| SaleId::parse(&s))
                .transpose()
                .map_err(why("reverses"))?,
        })
    };
    read().map_err(corrupt("sale"))
}

/// Rebuilds a cash-up from its row.
pub(crate) fn cash_up_from_row(row: &impl SqlRow) -> Result<CashUp> {
    let read = || -> Parsed<CashUp> {
        Ok(CashUp {
            id: CashUpId::parse(&row.text("id")?).map_err(why("id"))?,
            till: TillName::parse(row.text("till")?).map_err(why("till"))?,
            date: date("date", &row.text("date")?)?,
            opening_float: money(row, "opening_float")?,
            cash_sales: money(row, "cash_sales")?,
            cash_refunds: money(row, "cash_refunds")?,
            expected: money(row, "expected")?,
            counted: money(row, "counted")?,
            difference: money(row, "difference")?,
            recorded_by: row.text("recorded_by")?,
            at: timestamp(row, "at")?,
        })
    };
    read().map_err(corrupt("cash_up"))
}

/// Rebuilds one group of the stock-on-hand aggregate.
pub(crate) fn stock_group_from_row(row: &impl SqlRow) -> Result<StockGroup> {
    let read = || -> Parsed<StockGroup> {
        Ok(StockGroup {
            category: code::<Category>(row, "category")?,
            condition: code::<Condition>(row, "condition")?,
            intake_date: date("intake_date", &row.text("intake_date")?)?,
            price_override: opt_money(row, "price_override")?,
            manual_price: opt_money(row, "manual_price")?,
            items: row.int("items")?,
            units: row.int("units")?,
            weight_grams: row.int("weight_grams")?,
        })
    };
    read().map_err(corrupt("stock_group"))
}

/// Rebuilds one row of the sales report.
pub(crate) fn sales_row_from_row(row: &impl SqlRow) -> Result<SalesRow> {
    let read = || -> Parsed<SalesRow> {
        Ok(SalesRow {
            period_start: date("period_start", &row.text("period_start")?)?,
            category: code::<Category>(row, "category")?,
            revenue: money(row, "revenue")?,
            units: row.int("units")?,
            weight_grams: row.int("weight_grams")?,
        })
    };
    read().map_err(corrupt("sale_line"))
}

/// Rebuilds a pricing policy from its stored JSON (validated by the
/// domain's own deserialiser, which runs [`PricingPolicy::new`]).
pub(crate) fn policy_from_row(row: &impl SqlRow) -> Result<PricingPolicy> {
    let read = || -> Parsed<PricingPolicy> { json("policy", &row.text("policy")?) };
    read().map_err(corrupt("pricing_policy"))
}

/// A hub's impact factors from their JSON column (validated on the way in).
pub(crate) fn impact_from_row(row: &impl SqlRow) -> Result<crate::ImpactFactors> {
    let read = || -> Parsed<crate::ImpactFactors> { json("factors", &row.text("factors")?) };
    read().map_err(corrupt("impact_factors"))
}
