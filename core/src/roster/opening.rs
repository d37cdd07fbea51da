use crate::{Error, Result, TimeSpan, VolunteerRole, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One opening slot of the week and how many people each role needs in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OpeningSlot {
    /// Day of the week.
    pub weekday: Weekday,
    /// Opening time window.
    #[serde(flatten)]
    pub span: TimeSpan,
    /// People needed per role during the whole window.
    pub staffing: BTreeMap<VolunteerRole, u32>,
}

/// The hub's validated weekly opening hours: slots sorted, no overlaps on a
/// day, every slot staffed by at least one role, 1–50 people per role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default, Deserialize)]
#[serde(transparent)]
pub struct OpeningHours(Vec<OpeningSlot>);

impl OpeningHours {
    /// Validates and sorts the slots.
    pub fn new(mut slots: Vec<OpeningSlot>) -> Result<OpeningHours> {
        for s in &slots {
            if s.staffing.is_empty() {
                return Err(Error::validation(
                    "staffing",
                    format!(
                        "the {} slot {}–{} needs at least one role",
                        s.weekday,
                        crate::calendar::HhMm(s.span.start()),
                        crate::calendar::HhMm(s.span.end())
                    ),
                ));
            }
            if let Some((role, n)) = s.staffing.iter().find(|(_, n)| !(1..=50).contains(*n)) {
                return Err(Error::validation(
                    "staffing",
                    format!("{n} people for {role} is out of range 1–50"),
                ));
            }
        }
        crate::order::sort_by_key(&mut slots, |s| (s.weekday, s.span));
        for pair in slots.windows(2) {
            if pair[0].weekday == pair[1].weekday && pair[0].span.overlaps(&pair[1].span) {
                return Err(Error::validation(
                    "opening_hours",
                    format!("two slots overlap on {}", pair[0].weekday),
                ));
            }
        }
        Ok(OpeningHours(slots))
    }

    /// The slots, sorted by weekday and time.
    pub fn slots(&self) -> &[OpeningSlot] {
        &self.0
    }

    /// The slots on `weekday`.
    pub fn on(&self, weekday: Weekday) -> impl Iterator<Item = &OpeningSlot> {
        self.0.iter().filter(move |s| s.weekday == weekday)
    }
}
