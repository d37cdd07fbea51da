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

fn new_v7(clock: &dyn Clock) -> Uuid {
    let now = clock.now();
    let secs = u64::try_from(now.timestamp()).unwrap_or(0);
    Uuid::new_v7(Timestamp::from_unix(
        uuid::NoContext,
        secs,
        now.timestamp_subsec_nanos(),
    ))
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
    fn bad_id_is_a_validation_error() {
        let e = ShiftId::parse("nope").unwrap_err();
        assert_eq!(
            e,
            Error::validation("shift_id", "\"nope\" is not a valid id")
        );
    }
}
