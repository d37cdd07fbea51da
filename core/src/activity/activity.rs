//! Activities: crochet and knitting, painting, the walk-in choir, film
//! night, the idea evening — what the hub runs besides the shop.

use super::{ActivityKind, ActivityStatus};
use crate::text::parse_optional;
use crate::{
    ActivityId, ActivityName, Description, Error, Location, Money, Result, VolunteerId, check_price,
};
use serde::{Deserialize, Serialize};

/// Largest capacity an activity may set.
pub const MAX_CAPACITY: u32 = 1_000;
/// Most leaders an activity lists.
pub const MAX_LEADERS: usize = 20;

/// An activity of the hub.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Activity {
    /// Id.
    pub id: ActivityId,
    /// Name, e.g. "Haken en breien".
    pub name: ActivityName,
    /// Kind.
    pub kind: ActivityKind,
    /// What happens.
    pub description: Option<Description>,
    /// The volunteers who lead it.
    pub leaders: Vec<VolunteerId>,
    /// Where, e.g. "aan de grote tafel".
    pub location: Option<Location>,
    /// Most people a session takes, if limited.
    pub capacity: Option<u32>,
    /// Price per session (default free).
    pub price: Money,
    /// Active or archived.
    pub status: ActivityStatus,
    /// Optimistic version, raised by every change.
    pub version: i64,
}

/// Input for an activity (raw values; the core validates them). Used to
/// create one and to replace its details.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewActivity {
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: ActivityKind,
    /// What happens.
    #[serde(default)]
    pub description: Option<String>,
    /// Leading volunteers (must exist).
    #[serde(default)]
    pub leaders: Vec<VolunteerId>,
    /// Where.
    #[serde(default)]
    pub location: Option<String>,
    /// Most people per session (1–1000), if limited.
    #[serde(default)]
    pub capacity: Option<u32>,
    /// Price per session (default free).
    #[serde(default)]
    pub price: Option<Money>,
}

impl NewActivity {
    /// A free activity of a kind, without leaders, place or capacity.
    pub fn new(name: &str, kind: ActivityKind) -> NewActivity {
        NewActivity {
            name: name.into(),
            kind,
            description: None,
            leaders: Vec::new(),
            location: None,
            capacity: None,
            price: None,
        }
    }
}

impl Activity {
    /// Validates a new (or replaced, with `version`) activity.
    pub fn build(id: ActivityId, input: NewActivity, version: i64) -> Result<Activity> {
        if let Some(c) = input.capacity
            && !(1..=MAX_CAPACITY).contains(&c)
        {
            return Err(Error::validation(
                "capacity",
                format!("{c} is not between 1 and {MAX_CAPACITY}"),
            ));
        }
        if input.leaders.len() > MAX_LEADERS {
            return Err(Error::validation(
                "leaders",
                format!("at most {MAX_LEADERS} leaders"),
            ));
        }
        let mut leaders = input.leaders;
        crate::order::sort_by(&mut leaders, Ord::cmp);
        leaders.dedup();
        Ok(Activity {
            id,
            name: ActivityName::parse(&input.name)?,
            kind: input.kind,
            description: parse_optional(input.description.as_deref(), |s| Description::parse(s))?,
            leaders,
            location: parse_optional(input.location.as_deref(), |s| Location::parse(s))?,
            capacity: input.capacity,
            price: check_price("price", input.price.unwrap_or(Money::ZERO))?,
            status: ActivityStatus::Active,
            version,
        })
    }

    /// This activity with its details replaced (status kept).
    pub fn replaced(&self, input: NewActivity) -> Result<Activity> {
        let mut next = Activity::build(self.id, input, self.version + 1)?;
        next.status = self.status;
        Ok(next)
    }

    /// This activity with another status.
    pub fn with_status(&self, status: ActivityStatus) -> Activity {
        let mut next = self.clone();
        next.status = status;
        next.version += 1;
        next
    }

    /// Whether sessions can be planned.
    pub fn is_active(&self) -> bool {
        self.status == ActivityStatus::Active
    }
}
