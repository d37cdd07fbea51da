use super::OpeningHours;
use crate::{DisplayName, Period, Shift, TimeSpan, Volunteer, VolunteerId, VolunteerRole, Weekday};
use chrono::NaiveDate;
use serde::Serialize;

/// A stretch of an opening slot where a role has fewer people planned than needed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RosterGap {
    /// The day.
    pub date: NaiveDate,
    /// The uncovered stretch.
    #[serde(flatten)]
    pub span: TimeSpan,
    /// The role that is short.
    pub role: VolunteerRole,
    /// People needed.
    pub required: u32,
    /// People planned (the lowest count during the stretch).
    pub planned: u32,
    /// Who could fill it: volunteers who may work, hold the role, are
    /// usually available for the whole stretch and are not already on a
    /// shift then. Sorted by name.
    pub candidates: Vec<Candidate>,
}

/// A volunteer who could fill a roster gap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Candidate {
    /// The volunteer.
    pub volunteer_id: VolunteerId,
    /// Their name.
    pub display_name: DisplayName,
}

/// Gaps for every day of `period`: for each opening slot and role, the
/// stretches where fewer live shifts (planned or worked) of that role cover
/// the time than the slot requires. Adjacent minutes with the same shortfall
/// merge into one gap. Each gap lists its [`Candidate`]s from `volunteers`.
/// Sorted by date, time, role.
pub fn roster_gaps(
    hours: &OpeningHours,
    shifts: &[Shift],
    volunteers: &[Volunteer],
    period: Period,
) -> Vec<RosterGap> {
    let mut gaps = Vec::new();
    for date in period.days() {
        for slot in hours.on(Weekday::of(date)) {
            for (&role, &required) in &slot.staffing {
                let relevant: Vec<&TimeSpan> = shifts
                    .iter()
                    .filter(|s| s.is_live() && s.date == date && s.role == role)
                    .map(|s| &s.span)
                    .collect();
                gaps.extend(shortfalls(date, &slot.span, role, required, &relevant));
            }
        }
    }
    for gap in &mut gaps {
        gap.candidates = candidates(gap, shifts, volunteers);
    }
    crate::order::sort_by_key(&mut gaps, |g| (g.date, g.span, g.role));
    gaps
}

fn candidates(gap: &RosterGap, shifts: &[Shift], volunteers: &[Volunteer]) -> Vec<Candidate> {
    let weekday = Weekday::of(gap.date);
    let mut out: Vec<Candidate> = volunteers
        .iter()
        .filter(|v| v.status.can_work() && v.roles.contains(&gap.role) && v.start_date <= gap.date)
        .filter(|v| v.availability.iter().any(|a| a.covers(weekday, &gap.span)))
        .filter(|v| {
            !shifts.iter().any(|s| {
                s.is_live()
                    && s.volunteer_id == v.id
                    && s.date == gap.date
                    && s.span.overlaps(&gap.span)
            })
        })
        .map(|v| Candidate {
            volunteer_id: v.id,
            display_name: v.display_name.clone(),
        })
        .collect();
    crate::order::sort_by(&mut out, |a, b| a.display_name.cmp(&b.display_name));
    out
}

/// Sweeps the boundaries of the covering shifts inside `slot`.
fn shortfalls(
    date: NaiveDate,
    slot: &TimeSpan,
    role: VolunteerRole,
    required: u32,
    spans: &[&TimeSpan],
) -> Vec<RosterGap> {
    let (lo, hi) = (slot.start_minute(), slot.end_minute());
    let mut cuts: Vec<u32> = vec![lo, hi];
    for s in spans {
        for m in [s.start_minute(), s.end_minute()] {
            if lo < m && m < hi {
                cuts.push(m);
            }
        }
    }
    crate::order::sort_by(&mut cuts, u32::cmp);
    cuts.dedup();
    let mut out: Vec<RosterGap> = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let planned = spans
            .iter()
            .filter(|s| s.start_minute() <= a && b <= s.end_minute())
            .count() as u32;
        if planned >= required {
            continue;
        }
        match out.last_mut() {
            Some(last) if last.span.end_minute() == a && last.planned == planned => {
                if let Ok(span) = TimeSpan::from_minutes(last.span.start_minute(), b) {
                    last.span = span;
                }
            }
            _ => {
                if let Ok(span) = TimeSpan::from_minutes(a, b) {
                    out.push(RosterGap {
                        date,
                        span,
                        role,
                        required,
                        planned,
                        candidates: Vec::new(),
                    });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roster::OpeningSlot;
    use crate::{FixedClock, NewShift, ShiftId, VolunteerId, calendar::parse_time};
    use std::collections::BTreeMap;

    fn span(a: &str, b: &str) -> TimeSpan {
        TimeSpan::new(parse_time("a", a).unwrap(), parse_time("b", b).unwrap()).unwrap()
    }

    #[test]
    fn partial_cover_leaves_the_rest_as_gaps() {
        let monday = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let clock = FixedClock::at_date(monday);
        let hours = OpeningHours::new(vec![OpeningSlot {
            weekday: Weekday::Monday,
            span: span("10:00", "16:00"),
            staffing: BTreeMap::from([(VolunteerRole::Cashier, 1), (VolunteerRole::ShopFloor, 2)]),
        }])
        .unwrap();
        let shift = |role, a: &str, b: &str| {
            Shift::plan(
                ShiftId::generate(&clock),
                NewShift {
                    volunteer_id: VolunteerId::generate(&clock),
                    role,
                    date: monday,
                    span: span(a, b),
                    note: None,
                },
            )
            .unwrap()
        };
        let shifts = vec![
            shift(VolunteerRole::Cashier, "10:00", "13:00"),
            shift(VolunteerRole::Cashier, "13:00", "16:00"),
            shift(VolunteerRole::ShopFloor, "10:00", "16:00"),
            shift(VolunteerRole::ShopFloor, "12:00", "14:00"),
            shift(VolunteerRole::ShopFloor, "12:00", "14:00")
                .cancel(None)
                .unwrap(),
        ];
        let gaps = roster_gaps(&hours, &shifts, &[], Period::week_of(monday));
        let got: Vec<(String, String, u32)> = gaps
            .iter()
            .map(|g| {
                (
                    g.span.start().format("%H:%M").to_string(),
                    g.span.end().format("%H:%M").to_string(),
                    g.planned,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("10:00".into(), "12:00".into(), 1),
                ("14:00".into(), "16:00".into(), 1)
            ]
        );
        assert!(
            gaps.iter()
                .all(|g| g.role == VolunteerRole::ShopFloor && g.required == 2)
        );
        // an empty week is all gap
        let none = roster_gaps(&hours, &[], &[], Period::week_of(monday));
        assert_eq!(none.len(), 2);
        assert_eq!(none[0].planned, 0);
    }
}
