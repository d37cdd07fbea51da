//! Decoding a journal entry of another hub into the typed change it records.
//!
//! Only what a browser till, intake form, signal form and shift check-in
//! produce is importable ([`IMPORTABLE_ACTIONS`]); settings, referrals and
//! the rest are changed on the hub itself, so an import records them as
//! conflicts rather than guessing. Decoding validates every value as input
//! (ids, codes and texts parse on deserialize) and checks that the entry's
//! `entity_id` names the record its detail holds.

use crate::volunteer::StatusChange;
use crate::{
    Error, Item, JournalEntry, Result, Sale, Shift, ShiftStatus, Signal, SignalPersonal, StockMove,
    Volunteer, VolunteerStatus,
};
use chrono::NaiveDate;
use serde::Deserialize;
use serde::de::DeserializeOwned;

/// The actions an import applies; any other action is recorded as a conflict.
pub const IMPORTABLE_ACTIONS: &[&str] = &[
    "volunteer.registered",
    "volunteer.updated",
    "volunteer.status_changed",
    "shift.planned",
    "shift.recorded",
    "shift.worked",
    "shift.cancelled",
    "item.taken_in",
    "items.taken_in",
    "stock.moved",
    "sale.made",
    "sale.refunded",
    "signal.recorded",
    "signal.personal_read",
];

/// One importable change, decoded from a journal entry.
#[derive(Debug, Clone, PartialEq)]
pub enum Replay {
    /// `volunteer.registered`: a new volunteer.
    RegisterVolunteer(Volunteer),
    /// `volunteer.updated`: the volunteer's new details (version included).
    UpdateVolunteer(Volunteer),
    /// `volunteer.status_changed`: from which status to which.
    ChangeVolunteerStatus {
        /// The status the change started from.
        from: VolunteerStatus,
        /// The change.
        change: StatusChange,
    },
    /// `shift.planned` / `shift.recorded`: a new shift.
    InsertShift(Shift),
    /// `shift.worked` / `shift.cancelled`: a planned shift's new state.
    SettleShift(Shift),
    /// `item.taken_in` / `items.taken_in`: new items.
    TakeIn(Vec<Item>),
    /// `stock.moved`: a manual move.
    Move(StockMove),
    /// `sale.made` / `sale.refunded`: a sale or refund with its lines.
    Sell(Sale),
    /// `signal.recorded`: a signal with the personal fields the batch carried.
    RecordSignal(Signal, SignalPersonal),
    /// An audit entry that changes nothing but the journal
    /// (`signal.personal_read`).
    AuditOnly,
}

impl Replay {
    /// Decodes `entry`; `personal` are the personal fields the batch carries
    /// for it (only used by `signal.recorded`). A `validation` error says
    /// why the entry cannot be imported.
    pub fn decode(entry: &JournalEntry, personal: Option<&SignalPersonal>) -> Result<Replay> {
        let replay = match entry.action.as_str() {
            "volunteer.registered" => Replay::RegisterVolunteer(same_id(entry, parse(entry)?)?),
            "volunteer.updated" => Replay::UpdateVolunteer(same_id(entry, parse(entry)?)?),
            "volunteer.status_changed" => {
                let d: StatusDetail = parse(entry)?;
                Replay::ChangeVolunteerStatus {
                    from: d.from,
                    change: StatusChange::new(d.to, d.on, d.reason.as_deref())?,
                }
            }
            "shift.planned" | "shift.recorded" => {
                Replay::InsertShift(same_id(entry, parse(entry)?)?)
            }
            "shift.worked" | "shift.cancelled" => {
                let shift: Shift = same_id(entry, parse(entry)?)?;
                let want = if entry.action == "shift.worked" {
                    ShiftStatus::Worked
                } else {
                    ShiftStatus::Cancelled
                };
                if shift.status != want {
                    return Err(bad(entry, "the shift's status does not match the action"));
                }
                Replay::SettleShift(shift)
            }
            "item.taken_in" | "items.taken_in" => {
                let items: Vec<Item> = parse(entry)?;
                if items.is_empty() {
                    return Err(bad(entry, "no items"));
                }
                if entry.action == "item.taken_in" {
                    same_id(entry, Single(&items))?;
                }
                Replay::TakeIn(items)
            }
            "stock.moved" => Replay::Move(same_id(entry, parse(entry)?)?),
            "sale.made" | "sale.refunded" => {
                let sale: Sale = same_id(entry, parse(entry)?)?;
                check_totals(entry, &sale)?;
                if sale.reverses.is_some() != (entry.action == "sale.refunded") {
                    return Err(bad(entry, "a refund must name the sale it reverses"));
                }
                Replay::Sell(sale)
            }
            "signal.recorded" => {
                let d: SignalDetail = parse(entry)?;
                let signal = same_id(entry, d.signal)?;
                let personal = personal.cloned().ok_or_else(|| {
                    bad(
                        entry,
                        "the batch does not carry this signal's personal fields",
                    )
                })?;
                Replay::RecordSignal(signal, personal)
            }
            "signal.personal_read" => Replay::AuditOnly,
            other => {
                return Err(Error::validation(
                    "action",
                    format!("{other} is not importable: it is changed on the hub itself"),
                ));
            }
        };
        Ok(replay)
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct StatusDetail {
    from: VolunteerStatus,
    to: VolunteerStatus,
    on: NaiveDate,
    reason: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SignalDetail {
    signal: Signal,
}

fn parse<T: DeserializeOwned>(entry: &JournalEntry) -> Result<T> {
    T::deserialize(&entry.detail).map_err(|e| bad(entry, &e.to_string()))
}

fn bad(entry: &JournalEntry, why: &str) -> Error {
    Error::validation(
        "detail",
        format!("{} entry {}: {why}", entry.action, entry.id),
    )
}

/// Something whose id the entry's `entity_id` must name.
trait Identified {
    fn id_text(&self) -> String;
}

macro_rules! identified {
    ($($t:ty),*) => {$(
        impl Identified for $t {
            fn id_text(&self) -> String {
                self.id.to_string()
            }
        }
    )*};
}
identified!(Volunteer, Shift, StockMove, Sale, Signal);

/// The one item of an `item.taken_in` entry.
struct Single<'a>(&'a [Item]);

impl Identified for Single<'_> {
    fn id_text(&self) -> String {
        match self.0 {
            [one] => one.id.to_string(),
            _ => String::new(),
        }
    }
}

fn same_id<T: Identified>(entry: &JournalEntry, record: T) -> Result<T> {
    if record.id_text() == entry.entity_id {
        Ok(record)
    } else {
        Err(bad(
            entry,
            "the detail is about another record than the entry",
        ))
    }
}

/// A sale's figures must add up as `Sale::compose` makes them: the lines'
/// totals to the subtotal, subtotal − discount + rounding to the total, and
/// the lines' net shares to the total.
fn check_totals(entry: &JournalEntry, sale: &Sale) -> Result<()> {
    let sum = |f: fn(&crate::SaleLine) -> i64| sale.lines.iter().map(f).sum::<i64>();
    let lines = sum(|l| l.line_total.cents());
    let net = sum(|l| l.net.cents());
    let each = sale
        .lines
        .iter()
        .all(|l| l.quantity.checked_mul(l.unit_price.cents()) == Some(l.line_total.cents()));
    let total = sale.subtotal.cents() - sale.discount.cents() + sale.rounding.cents();
    if sale.lines.is_empty()
        || !each
        || lines != sale.subtotal.cents()
        || total != sale.total.cents()
        || net != sale.total.cents()
    {
        return Err(bad(entry, "the sale's figures do not add up"));
    }
    Ok(())
}
