use crate::{Error, Result, TimeSpan, Weekday};
use serde::{Deserialize, Serialize};

/// A weekly window in which a volunteer is usually available.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AvailabilitySlot {
    /// Day of the week.
    pub weekday: Weekday,
    /// Time window on that day.
    #[serde(flatten)]
    pub span: TimeSpan,
}

impl AvailabilitySlot {
    /// Sorts slots and refuses overlapping windows on the same day.
    pub fn normalise(mut slots: Vec<AvailabilitySlot>) -> Result<Vec<AvailabilitySlot>> {
        crate::order::sort_by(&mut slots, AvailabilitySlot::cmp);
        for pair in slots.windows(2) {
            if pair[0].weekday == pair[1].weekday && pair[0].span.overlaps(&pair[1].span) {
                return Err(Error::validation(
                    "availability",
                    format!("two windows overlap on {}", pair[0].weekday),
                ));
            }
        }
        Ok(slots)
    }

    /// Whether the window covers `span` on `weekday` completely.
    pub fn covers(&self, weekday: Weekday, span: &TimeSpan) -> bool {
        self.weekday == weekday
            && self.span.start() <= span.start()
            && span.end() <= self.span.end()
    }
}
