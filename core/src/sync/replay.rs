//! Decoding a journal entry into the typed change it records, so another
//! hub can apply it (an import) or the same hub can be rebuilt from its own
//! journal (the browser's persistence, `Hub::restore`).
//!
//! Every action the shop's operations journal decodes. Most also cross to
//! another hub; a hub's settings and its retention purge apply only to the
//! hub itself ([`Replay::crosses_hubs`]), so an import records them as
//! conflicts rather than letting a till overrule the hub. Decoding validates
//! every value as input (ids, codes and texts parse on deserialize) and
//! checks that the entry's `entity_id` names the record its detail holds;
//! changes journalled as a delta are re-run through the domain's own
//! functions on the receiving side.

use super::decode::{FromJournal, Obj, Read};
use crate::volunteer::StatusChange;
use crate::{
    CashUp, Error, HubId, ImpactFactors, Item, JournalEntry, JournalEntryId, OpeningHours, Partner,
    PricingPolicy, Referral, ReferralOutcome, ReferralStatus, Result, Sale, Shift, ShiftStatus,
    Signal, SignalId, SignalPersonal, SignalPolicy, StockMove, SyncConflict, Volunteer,
    VolunteerStatus,
};
use chrono::{DateTime, NaiveDate, Utc};
use serde_json::Value;

/// One change, decoded from a journal entry.
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
    /// `hub.opening_hours_set` (this hub only).
    SetOpeningHours(OpeningHours),
    /// `item.taken_in` / `items.taken_in`: new items.
    TakeIn(Vec<Item>),
    /// `stock.moved`: a manual move.
    Move(StockMove),
    /// `sale.made` / `sale.refunded`: a sale or refund with its lines.
    Sell(Sale),
    /// `till.cashed_up`: a till's count at the end of a day.
    CashUp(CashUp),
    /// `hub.pricing_policy_set` (this hub only).
    SetPricingPolicy(PricingPolicy),
    /// `hub.impact_factors_set` (this hub only).
    SetImpactFactors(ImpactFactors),
    /// `signal.recorded`: a signal with the personal fields the batch carried.
    RecordSignal(Signal, SignalPersonal),
    /// `signal.updated`: the signal's new coded facts (version included).
    UpdateSignal(Signal),
    /// `signal.closed`: closed at that moment.
    CloseSignal(SignalId, DateTime<Utc>),
    /// `signals.purged` (this hub only): personal fields erased.
    PurgeSignals(Vec<SignalId>),
    /// `hub.signal_policy_set` (this hub only).
    SetSignalPolicy(SignalPolicy),
    /// `partner.registered`: a new partner.
    RegisterPartner(Partner),
    /// `partner.updated`: the partner's new details (version included).
    UpdatePartner(Partner),
    /// `referral.created`: a new referral.
    CreateReferral(Referral),
    /// `referral.status_changed`: to which status, with which outcome and
    /// follow-up date.
    ChangeReferral {
        /// The referral.
        id: crate::ReferralId,
        /// The new status.
        to: ReferralStatus,
        /// The outcome (closing only).
        outcome: Option<ReferralOutcome>,
        /// The follow-up date after the change.
        follow_up: Option<NaiveDate>,
    },
    /// `referral.follow_up_set`: the new follow-up date.
    SetFollowUp(crate::ReferralId, Option<NaiveDate>),
    /// `sync.conflict`: an entry an earlier import could not apply.
    Conflict(Box<SyncConflict>),
    /// An audit entry that changes nothing but the journal
    /// (`signal.personal_read`).
    AuditOnly,
}

impl Replay {
    /// Decodes `entry`; `personal` are the personal fields the batch carries
    /// for it (only used by `signal.recorded`). A `validation` error says
    /// why the entry cannot be applied.
    pub fn decode(entry: &JournalEntry, personal: Option<&SignalPersonal>) -> Result<Replay> {
        let replay = match entry.action.as_str() {
            "volunteer.registered" => Replay::RegisterVolunteer(same_id(entry, read(entry)?)?),
            "volunteer.updated" => Replay::UpdateVolunteer(same_id(entry, read(entry)?)?),
            "volunteer.status_changed" => {
                let d: StatusDetail = read(entry)?;
                Replay::ChangeVolunteerStatus {
                    from: d.from,
                    change: StatusChange::new(d.to, d.on, d.reason.as_deref())?,
                }
            }
            "shift.planned" | "shift.recorded" => {
                Replay::InsertShift(same_id(entry, read(entry)?)?)
            }
            "shift.worked" | "shift.cancelled" => {
                let shift: Shift = same_id(entry, read(entry)?)?;
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
            "hub.opening_hours_set" => Replay::SetOpeningHours(read(entry)?),
            "item.taken_in" | "items.taken_in" => {
                let items: Vec<Item> = read(entry)?;
                if items.is_empty() {
                    return Err(bad(entry, "no items"));
                }
                if entry.action == "item.taken_in" {
                    same_id(entry, Single(&items))?;
                }
                Replay::TakeIn(items)
            }
            "stock.moved" => Replay::Move(same_id(entry, read(entry)?)?),
            "sale.made" | "sale.refunded" => {
                let sale: Sale = same_id(entry, read(entry)?)?;
                if sale.reverses.is_some() != (entry.action == "sale.refunded") {
                    return Err(bad(entry, "a refund must name the sale it reverses"));
                }
                check_totals(entry, &sale)?;
                Replay::Sell(sale)
            }
            "till.cashed_up" => Replay::CashUp(same_id(entry, read(entry)?)?),
            "hub.pricing_policy_set" => Replay::SetPricingPolicy(read(entry)?),
            "hub.impact_factors_set" => Replay::SetImpactFactors(read(entry)?),
            "signal.recorded" => {
                let d: SignalDetail = read(entry)?;
                let signal = same_id(entry, d.signal)?;
                let personal = personal.cloned().ok_or_else(|| {
                    bad(
                        entry,
                        "the batch does not carry this signal's personal fields",
                    )
                })?;
                Replay::RecordSignal(signal, personal)
            }
            "signal.updated" => Replay::UpdateSignal(same_id(entry, read(entry)?)?),
            "signal.closed" => {
                Replay::CloseSignal(entity_id(entry)?, read::<ClosedDetail>(entry)?.0)
            }
            "signals.purged" => Replay::PurgeSignals(read::<PurgeDetail>(entry)?.0),
            "hub.signal_policy_set" => Replay::SetSignalPolicy(read(entry)?),
            "partner.registered" => Replay::RegisterPartner(same_id(entry, read(entry)?)?),
            "partner.updated" => Replay::UpdatePartner(same_id(entry, read(entry)?)?),
            "referral.created" => Replay::CreateReferral(same_id(entry, read(entry)?)?),
            "referral.status_changed" => {
                let d: ReferralDetail = read(entry)?;
                Replay::ChangeReferral {
                    id: entity_id(entry)?,
                    to: d.to,
                    outcome: d.outcome,
                    follow_up: d.follow_up,
                }
            }
            "referral.follow_up_set" => {
                let d: FollowUpDetail = read(entry)?;
                Replay::SetFollowUp(entity_id(entry)?, d.follow_up)
            }
            "sync.conflict" => {
                let d: ConflictDetail = read(entry)?;
                Replay::Conflict(Box::new(SyncConflict {
                    entry_id: d.entry_id,
                    source_hub: d.source_hub,
                    action: d.entry.action.clone(),
                    entity: entry.entity.clone(),
                    entity_id: entry.entity_id.clone(),
                    reason: d.reason,
                    detected_at: entry.at,
                    entry: d.entry,
                }))
            }
            "signal.personal_read" => Replay::AuditOnly,
            other => {
                return Err(Error::validation(
                    "action",
                    format!("{other} is not a change kringloop journals"),
                ));
            }
        };
        Ok(replay)
    }

    /// Whether another hub may apply this change. A hub's settings and its
    /// retention purge are its own: a till's copy must not overrule them.
    pub fn crosses_hubs(&self) -> bool {
        !matches!(
            self,
            Replay::SetOpeningHours(_)
                | Replay::SetPricingPolicy(_)
                | Replay::SetImpactFactors(_)
                | Replay::SetSignalPolicy(_)
                | Replay::PurgeSignals(_)
        )
    }
}

/// `signals.purged`: the signals erased.
struct PurgeDetail(Vec<SignalId>);

impl FromJournal for PurgeDetail {
    fn from_journal(v: &Value) -> Read<PurgeDetail> {
        Obj::of(v)?.get("signals").map(PurgeDetail)
    }
}

/// `referral.status_changed`.
struct ReferralDetail {
    to: ReferralStatus,
    outcome: Option<ReferralOutcome>,
    follow_up: Option<NaiveDate>,
}

impl FromJournal for ReferralDetail {
    fn from_journal(v: &Value) -> Read<ReferralDetail> {
        let o = Obj::of(v)?;
        Ok(ReferralDetail {
            to: o.get("to")?,
            outcome: o.get("outcome")?,
            follow_up: o.get("followUp")?,
        })
    }
}

/// `referral.follow_up_set`.
struct FollowUpDetail {
    follow_up: Option<NaiveDate>,
}

impl FromJournal for FollowUpDetail {
    fn from_journal(v: &Value) -> Read<FollowUpDetail> {
        Ok(FollowUpDetail {
            follow_up: Obj::of(v)?.get("followUp")?,
        })
    }
}

/// `sync.conflict`: the refused entry and why.
struct ConflictDetail {
    entry_id: JournalEntryId,
    source_hub: HubId,
    reason: String,
    entry: JournalEntry,
}

impl FromJournal for ConflictDetail {
    fn from_journal(v: &Value) -> Read<ConflictDetail> {
        let o = Obj::of(v)?;
        Ok(ConflictDetail {
            entry_id: o.get("entryId")?,
            source_hub: o.get("sourceHub")?,
            reason: o.get("reason")?,
            entry: o.get("entry")?,
        })
    }
}

/// `signal.closed`: when.
struct ClosedDetail(DateTime<Utc>);

impl FromJournal for ClosedDetail {
    fn from_journal(v: &Value) -> Read<ClosedDetail> {
        Obj::of(v)?.get("closedAt").map(ClosedDetail)
    }
}

/// `volunteer.status_changed`.
struct StatusDetail {
    from: VolunteerStatus,
    to: VolunteerStatus,
    on: NaiveDate,
    reason: Option<String>,
}

impl FromJournal for StatusDetail {
    fn from_journal(v: &Value) -> Read<StatusDetail> {
        let o = Obj::of(v)?;
        Ok(StatusDetail {
            from: o.get("from")?,
            to: o.get("to")?,
            on: o.get("on")?,
            reason: o.get("reason")?,
        })
    }
}

/// `signal.recorded`: the coded facts (beside the names of the personal
/// fields given, which the batch carries apart).
struct SignalDetail {
    signal: Signal,
}

impl FromJournal for SignalDetail {
    fn from_journal(v: &Value) -> Read<SignalDetail> {
        Ok(SignalDetail {
            signal: Obj::of(v)?.get("signal")?,
        })
    }
}

/// The id the entry's `entity_id` names.
fn entity_id<T: std::str::FromStr>(entry: &JournalEntry) -> Result<T> {
    entry
        .entity_id
        .parse()
        .map_err(|_| bad(entry, "the entity id is not an id"))
}

/// The entry's detail read as a record.
fn read<T: FromJournal>(entry: &JournalEntry) -> Result<T> {
    T::from_journal(&entry.detail).map_err(|e| bad(entry, &e))
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
identified!(
    Volunteer, Shift, StockMove, Sale, Signal, CashUp, Partner, Referral
);

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
