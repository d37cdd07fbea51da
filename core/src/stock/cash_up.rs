//! The daily cash-up of a till.

use crate::{Actor, CashUpId, Clock, Error, Money, Result, TillName};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Input for a cash-up.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewCashUp {
    /// The till.
    pub till: String,
    /// The day (default today; not in the future).
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// Cash in the drawer when the day began.
    pub opening_float: Money,
    /// Cash counted at the end of the day.
    pub counted: Money,
}

/// Cash taken and paid out at a till on a day (aggregated by the store).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CashTotals {
    /// Sum of cash sale totals.
    pub cash_sales: Money,
    /// Sum of cash refunds paid out (a positive amount).
    pub cash_refunds: Money,
}

/// A recorded cash-up: what should be in the drawer, what was, the difference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CashUp {
    /// Id.
    pub id: CashUpId,
    /// The till.
    pub till: TillName,
    /// The day.
    pub date: NaiveDate,
    /// Cash at the start.
    pub opening_float: Money,
    /// Cash sales of the day.
    pub cash_sales: Money,
    /// Cash refunds of the day.
    pub cash_refunds: Money,
    /// `opening_float + cash_sales − cash_refunds`.
    pub expected: Money,
    /// Cash counted.
    pub counted: Money,
    /// `counted − expected` (negative: cash missing).
    pub difference: Money,
    /// Who counted.
    pub recorded_by: String,
    /// When it was recorded.
    pub at: DateTime<Utc>,
}

const MAX_DRAWER_CENTS: i64 = 10_000_000;

impl CashUp {
    /// Validates the input and computes the cash-up from the day's totals.
    pub fn compute(
        id: CashUpId,
        till: TillName,
        date: NaiveDate,
        input: &NewCashUp,
        totals: CashTotals,
        clock: &dyn Clock,
        actor: &Actor,
    ) -> Result<CashUp> {
        for (field, m) in [
            ("opening_float", input.opening_float),
            ("counted", input.counted),
        ] {
            if !(0..=MAX_DRAWER_CENTS).contains(&m.cents()) {
                return Err(Error::validation(
                    field,
                    format!("{m} is not between € 0 and € 100.000"),
                ));
            }
        }
        let expected = input.opening_float + totals.cash_sales - totals.cash_refunds;
        Ok(CashUp {
            id,
            till,
            date,
            opening_float: input.opening_float,
            cash_sales: totals.cash_sales,
            cash_refunds: totals.cash_refunds,
            expected,
            counted: input.counted,
            difference: input.counted - expected,
            recorded_by: actor.name().to_string(),
            at: clock.now(),
        })
    }
}

/// The day of a cash-up: given or today, never in the future.
pub fn cash_up_date(date: Option<NaiveDate>, today: NaiveDate) -> Result<NaiveDate> {
    let d = date.unwrap_or(today);
    if d > today {
        return Err(Error::validation(
            "date",
            format!("{d} has not happened yet"),
        ));
    }
    Ok(d)
}
