//! The daily tally at the big table (*stamtafel*): how many visitors and
//! conversations, counts only — no names.

use crate::{Actor, ActorName, Clock, Error, Result};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Largest count accepted for one day.
pub const MAX_TALLY: u32 = 5_000;

/// One day's tally.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TableTally {
    /// The day.
    pub date: NaiveDate,
    /// Visitors at the table.
    pub visitors: u32,
    /// Conversations held there.
    pub conversations: u32,
    /// Who recorded (or last corrected) it.
    pub recorded_by: ActorName,
    /// Optimistic version, raised by every correction.
    pub version: i64,
}

/// Input for a day's tally.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewTally {
    /// The day (default today; not in the future).
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// Visitors.
    pub visitors: u32,
    /// Conversations.
    pub conversations: u32,
}

impl TableTally {
    /// Validates a tally for a day up to today (`version` 1 for a new one).
    pub fn build(
        input: NewTally,
        version: i64,
        clock: &dyn Clock,
        actor: &Actor,
    ) -> Result<TableTally> {
        let today = clock.today();
        let date = input.date.unwrap_or(today);
        if date > today {
            return Err(Error::validation(
                "date",
                format!("{date} is in the future"),
            ));
        }
        for (field, n) in [
            ("visitors", input.visitors),
            ("conversations", input.conversations),
        ] {
            if n > MAX_TALLY {
                return Err(Error::validation(
                    field,
                    format!("{n} is above {MAX_TALLY}"),
                ));
            }
        }
        Ok(TableTally {
            date,
            visitors: input.visitors,
            conversations: input.conversations,
            recorded_by: actor.name().clone(),
            version,
        })
    }
}
