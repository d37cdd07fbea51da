use super::HoursByVolunteer;
use crate::{DisplayName, VolunteerId};
use serde::Serialize;

/// Hour milestones celebrated by the hub.
pub const MILESTONE_HOURS: [i64; 5] = [50, 100, 250, 500, 1000];

/// A volunteer who passed a milestone within a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MilestoneReached {
    /// The volunteer.
    pub volunteer_id: VolunteerId,
    /// Their name.
    pub display_name: DisplayName,
    /// The milestone, in hours.
    pub milestone_hours: i64,
    /// Their total worked minutes at the end of the period.
    pub total_minutes: i64,
}

/// Milestones crossed between two cumulative totals: `before` (all worked
/// minutes before the period) and `through` (up to and including its end).
/// Sorted by volunteer name, then milestone.
pub fn milestones_reached(
    before: &[HoursByVolunteer],
    through: &[HoursByVolunteer],
) -> Vec<MilestoneReached> {
    let mut out = Vec::new();
    for h in through {
        // The last entry for the volunteer counts (as a map built from `before` would).
        let was = before
            .iter()
            .rev()
            .find(|b| b.volunteer_id == h.volunteer_id)
            .map_or(0, |b| b.minutes);
        for m in MILESTONE_HOURS {
            let at = m * 60;
            if was < at && h.minutes >= at {
                out.push(MilestoneReached {
                    volunteer_id: h.volunteer_id,
                    display_name: h.display_name.clone(),
                    milestone_hours: m,
                    total_minutes: h.minutes,
                });
            }
        }
    }
    crate::order::sort_by(&mut out, |a, b| {
        (a.display_name.as_str(), a.milestone_hours)
            .cmp(&(b.display_name.as_str(), b.milestone_hours))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::FixedClock;

    #[test]
    fn crossing_counts_once_and_jumps_count_all() {
        let clock = FixedClock::at_date(chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        let a = VolunteerId::generate(&clock);
        let b = VolunteerId::generate(&clock);
        let row = |id, name: &str, hours: i64| HoursByVolunteer {
            volunteer_id: id,
            display_name: DisplayName::parse(name).unwrap(),
            minutes: hours * 60,
            shifts: 1,
        };
        let before = [row(a, "Anna", 49), row(b, "Bea", 100)];
        let through = [row(a, "Anna", 120), row(b, "Bea", 101)];
        let got: Vec<i64> = milestones_reached(&before, &through)
            .iter()
            .map(|m| m.milestone_hours)
            .collect();
        assert_eq!(got, vec![50, 100]);
        // new volunteer straight to 50
        let c = VolunteerId::generate(&clock);
        assert_eq!(milestones_reached(&[], &[row(c, "Cor", 50)]).len(), 1);
    }
}
