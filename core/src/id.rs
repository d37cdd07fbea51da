//! Typed ids: one newtype per entity over a UUIDv7, so ids sort by creation
//! time and can be made anywhere (even offline in a browser).

use crate::{Clock, Error, Result};
use uuid::{Timestamp, Uuid};

/// Declares a typed id.
macro_rules! typed_id {
    ($(#[$meta:meta])* $name:ident, $entity:literal) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(Uuid);

        impl $name {
            /// The entity kind this id names, as used in errors and the journal.
            pub const ENTITY: &'static str = $entity;

            /// A new time-ordered id (UUIDv7) stamped with the clock's time.
            pub fn generate(clock: &dyn Clock) -> Self {
                $name(new_v7(clock))
            }

            /// Parses the hyphenated UUID form.
            pub fn parse(s: &str) -> Result<Self> {
                Uuid::parse_str(s.trim()).map($name).map_err(|_| {
                    Error::validation(concat!($entity, "_id"), format!("{s:?} is not a valid id"))
                })
            }

            /// The underlying UUID.
            pub fn as_uuid(&self) -> Uuid {
                self.0
            }
        }

        impl From<Uuid> for $name {
            fn from(u: Uuid) -> Self {
                $name(u)
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                self.0.hyphenated().fmt(f)
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = Error;
            fn from_str(s: &str) -> Result<Self> {
                Self::parse(s)
            }
        }
    };
}

/// The milliseconds ids were recently made in (in this process) and how
/// many were made in each, so ids made in the same millisecond still sort in
/// the order they were made — also when several clocks (say, fixed clocks in
/// tests or a back-dated import) make ids side by side.
static RECENT: std::sync::Mutex<Vec<(u64, u64)>> = std::sync::Mutex::new(Vec::new());

/// How many milliseconds [`RECENT`] remembers.
const RECENT_MAX: usize = 32;

fn new_v7(clock: &dyn Clock) -> Uuid {
    let now = clock.now();
    let secs = u64::try_from(now.timestamp()).unwrap_or(0);
    let nanos = now.timestamp_subsec_nanos();
    let id = Uuid::new_v7(Timestamp::from_unix(uuid::NoContext, secs, nanos));
    let millis = secs.saturating_mul(1000) + u64::from(nanos / 1_000_000);
    let seq = {
        // A poisoned lock only means another thread panicked mid-update of
        // a few integers; the list is still usable.
        let mut recent = RECENT.lock().unwrap_or_else(|p| p.into_inner());
        match recent.iter_mut().find(|(ms, _)| *ms == millis) {
            Some((_, n)) => {
                *n += 1;
                *n
            }
            None => {
                if recent.len() >= RECENT_MAX {
                    recent.remove(0);
                }
                recent.push((millis, 0));
                0
            }
        }
    };
    if seq >= 1 << 42 {
        return id; // beyond 4 trillion ids in one millisecond: random order within it
    }
    // A 42-bit counter in the 12 bits after the version (`rand_a`) and the
    // 30 bits after the variant; the last 32 bits stay random.
    let mut bytes = *id.as_bytes();
    bytes[6] = 0x70 | ((seq >> 38) & 0x0f) as u8;
    bytes[7] = ((seq >> 30) & 0xff) as u8;
    bytes[8] = 0x80 | ((seq >> 24) & 0x3f) as u8;
    bytes[9] = ((seq >> 16) & 0xff) as u8;
    bytes[10] = ((seq >> 8) & 0xff) as u8;
    bytes[11] = (seq & 0xff) as u8;
    Uuid::from_bytes(bytes)
}

typed_id!(
    /// Identifies a hub (one shop with its activities).
    HubId,
    "hub"
);
typed_id!(
    /// Identifies a volunteer.
    VolunteerId,
    "volunteer"
);
typed_id!(
    /// Identifies a shift.
    ShiftId,
    "shift"
);
typed_id!(
    /// Identifies an item (one intake lot of identical goods).
    ItemId,
    "item"
);
typed_id!(
    /// Identifies a stock move in the ledger.
    MoveId,
    "stock_move"
);
typed_id!(
    /// Identifies a sale (or a refund, which is a reversing sale).
    SaleId,
    "sale"
);
typed_id!(
    /// Identifies a cash-up.
    CashUpId,
    "cash_up"
);
typed_id!(
    /// Identifies a signal (a concern picked up from a visitor).
    SignalId,
    "signal"
);
typed_id!(
    /// Identifies a referral of a signal to a partner.
    ReferralId,
    "referral"
);
typed_id!(
    /// Identifies a partner organisation.
    PartnerId,
    "partner"
);
typed_id!(
    /// Identifies one service of a partner organisation.
    PartnerServiceId,
    "partner_service"
);
typed_id!(
    /// Identifies an activity (crochet club, choir, film night, …).
    ActivityId,
    "activity"
);
typed_id!(
    /// Identifies a schedule of an activity.
    ScheduleId,
    "schedule"
);
typed_id!(
    /// Identifies one session of an activity.
    SessionId,
    "session"
);
typed_id!(
    /// Identifies a resident registered (with consent) as a participant.
    ResidentId,
    "resident"
);
typed_id!(
    /// Identifies a resident's idea.
    IdeaId,
    "idea"
);
typed_id!(
    /// Identifies an assessment of a volunteer.
    AssessmentId,
    "assessment"
);
typed_id!(
    /// Identifies a coaching trajectory.
    CoachingId,
    "coaching"
);
typed_id!(
    /// Identifies a course for volunteers.
    CourseId,
    "course"
);
typed_id!(
    /// Identifies a conflict between volunteers.
    ConflictId,
    "conflict"
);
typed_id!(
    /// Identifies a journal entry.
    JournalEntryId,
    "journal_entry"
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::FixedClock;
    use chrono::{Duration, NaiveDate};

    #[test]
    fn ids_are_v7_and_time_ordered() {
        let clock = FixedClock::at_date(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        let a = VolunteerId::generate(&clock);
        clock.advance(Duration::milliseconds(5));
        let b = VolunteerId::generate(&clock);
        assert!(a < b);
        assert_eq!(a.as_uuid().get_version_num(), 7);
        assert_eq!(VolunteerId::parse(&a.to_string()).unwrap(), a);
    }

    #[test]
    fn ids_made_in_one_millisecond_keep_their_order() {
        let clock = FixedClock::at_date(NaiveDate::from_ymd_opt(2026, 1, 2).unwrap());
        let ids: Vec<SignalId> = (0..5000).map(|_| SignalId::generate(&clock)).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(ids, sorted);
        assert!(ids.iter().all(|i| i.as_uuid().get_version_num() == 7));
        assert!(
            ids.iter()
                .all(|i| i.as_uuid().get_variant() == uuid::Variant::RFC4122)
        );
    }

    #[test]
    fn bad_id_is_a_validation_error() {
        let e = ShiftId::parse("nope").unwrap_err();
        assert_eq!(
            e,
            Error::validation("shift_id", "\"nope\" is not a valid id")
        );
    }
}
