//! The append-only stock ledger: every change of stock is a move.

use super::MoveKind;
use crate::{Actor, Clock, Error, ItemId, Money, MoveId, Reason, Result, SaleId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// One entry of the stock ledger. Stock on hand of an item is the sum of
/// its moves' quantities; moves are never changed or deleted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StockMove {
    /// Id (time-ordered).
    pub id: MoveId,
    /// The item.
    pub item_id: ItemId,
    /// What happened.
    pub kind: MoveKind,
    /// Units added (+) or removed (−); 0 for a markdown.
    pub quantity: i64,
    /// The hub's date of the move.
    pub date: NaiveDate,
    /// When it was recorded.
    pub at: DateTime<Utc>,
    /// Who recorded it.
    pub actor: String,
    /// The sale (or refund) it belongs to.
    pub sale_id: Option<SaleId>,
    /// Unit price: as sold/returned, or the new price of a markdown.
    pub unit_price: Option<Money>,
    /// Why (required for corrections).
    pub reason: Option<Reason>,
}

/// Input for a manual stock move: a discard, recycling, transfer, correction
/// or markdown. Intake, sale and return moves come from their own operations.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewMove {
    /// The item.
    pub item_id: ItemId,
    /// `discard`, `recycle`, `transfer`, `correction` or `markdown`.
    pub kind: MoveKind,
    /// Units: positive for discard/recycle/transfer (they are removed);
    /// signed for a correction; 0 or absent for a markdown.
    #[serde(default)]
    pub quantity: i64,
    /// The new unit price (markdown only).
    #[serde(default)]
    pub unit_price: Option<Money>,
    /// Why (required for corrections).
    #[serde(default)]
    pub reason: Option<String>,
}

impl StockMove {
    /// Validates a manual move and turns it into a ledger entry: the sign
    /// follows the kind (discard, recycle and transfer remove units).
    pub fn manual(
        id: MoveId,
        input: NewMove,
        clock: &dyn Clock,
        actor: &Actor,
    ) -> Result<StockMove> {
        let reason = match input.reason.as_deref() {
            Some(r) if !r.trim().is_empty() => Some(Reason::parse(r)?),
            _ => None,
        };
        let (quantity, unit_price) = match input.kind {
            MoveKind::Discard | MoveKind::Recycle | MoveKind::Transfer => {
                if input.quantity <= 0 {
                    return Err(Error::validation(
                        "quantity",
                        format!(
                            "a {} removes at least one unit; give a positive quantity",
                            input.kind
                        ),
                    ));
                }
                if input.unit_price.is_some() {
                    return Err(Error::validation(
                        "unit_price",
                        format!("a {} has no price", input.kind),
                    ));
                }
                (-input.quantity, None)
            }
            MoveKind::Correction => {
                if input.quantity == 0 {
                    return Err(Error::validation(
                        "quantity",
                        "a correction changes the count by at least one unit",
                    ));
                }
                if reason.is_none() {
                    return Err(Error::validation("reason", "a correction needs a reason"));
                }
                (input.quantity, None)
            }
            MoveKind::Markdown => {
                if input.quantity != 0 {
                    return Err(Error::validation(
                        "quantity",
                        "a markdown changes the price, not the count",
                    ));
                }
                let price = input.unit_price.ok_or_else(|| {
                    Error::validation("unit_price", "a markdown needs the new price")
                })?;
                (0, Some(super::check_price("unit_price", price)?))
            }
            MoveKind::Intake | MoveKind::Sale | MoveKind::Return => {
                return Err(Error::validation(
                    "kind",
                    format!(
                        "{} moves come from intake, checkout and refunds, not from a manual move",
                        input.kind
                    ),
                ));
            }
        };
        if quantity.abs() > i64::from(super::MAX_QUANTITY) {
            return Err(Error::validation(
                "quantity",
                format!("at most {} units at once", super::MAX_QUANTITY),
            ));
        }
        Ok(StockMove {
            id,
            item_id: input.item_id,
            kind: input.kind,
            quantity,
            date: clock.today(),
            at: clock.now(),
            actor: actor.name().to_string(),
            sale_id: None,
            unit_price,
            reason,
        })
    }
}
