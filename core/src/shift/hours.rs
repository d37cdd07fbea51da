use crate::{DisplayName, VolunteerId, VolunteerRole};
use serde::Serialize;

/// Worked hours of one volunteer in a period (aggregated by the store).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HoursByVolunteer {
    /// The volunteer.
    pub volunteer_id: VolunteerId,
    /// Their name.
    pub display_name: DisplayName,
    /// Worked minutes.
    pub minutes: i64,
    /// Number of worked shifts.
    pub shifts: i64,
}

/// Worked hours in one role in a period (aggregated by the store).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HoursByRole {
    /// The role.
    pub role: VolunteerRole,
    /// Worked minutes.
    pub minutes: i64,
    /// Number of worked shifts.
    pub shifts: i64,
}
