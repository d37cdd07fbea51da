//! Schedules as recurrence rules: weekly on given weekdays every N weeks,
//! or monthly on the Nth (or last) weekday every N months, from a start
//! date, at a time, until a date or for a number of times. Dutch public
//! holidays are not assumed: cancel those sessions by hand.

use super::Nth;
use crate::code_list::CodeList;
use crate::{ActivityId, Error, Period, Result, ScheduleId, TimeSpan, Weekday};
use chrono::{Datelike, Duration, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// Most weeks or months between occurrences.
pub const MAX_INTERVAL: u32 = 52;
/// Most occurrences a counted schedule may have.
pub const MAX_COUNT: u32 = 1_000;
/// Longest period sessions are generated for in one call (days).
pub const MAX_GENERATE_DAYS: i64 = 400;
/// How far ahead a schedule is searched for its first occurrence (days).
const HORIZON_DAYS: i64 = 366 * 5;

/// How a schedule repeats.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "freq", rename_all = "snake_case", deny_unknown_fields)]
pub enum Recurrence {
    /// On the given weekdays of every `every`-th week (counted from the week
    /// of the start date).
    Weekly {
        /// 1 = every week, 2 = every other week, … (1–52).
        every: u32,
        /// The weekdays (at least one).
        weekdays: Vec<Weekday>,
    },
    /// On the `nth` `weekday` of every `every`-th month (counted from the
    /// month of the start date).
    Monthly {
        /// 1 = every month, 3 = quarterly, … (1–52).
        every: u32,
        /// Which one: first … fourth, or last.
        nth: Nth,
        /// The weekday.
        weekday: Weekday,
    },
}

/// A validated schedule of an activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Schedule {
    /// Id.
    pub id: ScheduleId,
    /// The activity.
    pub activity_id: ActivityId,
    /// How it repeats.
    pub recurrence: Recurrence,
    /// First day it may occur.
    pub starts_on: NaiveDate,
    /// Time of day of every session.
    pub span: TimeSpan,
    /// Last day it may occur.
    pub until: Option<NaiveDate>,
    /// How many times it occurs at most.
    pub count: Option<u32>,
}

/// Input for a schedule (raw values; the core validates them).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewSchedule {
    /// How it repeats.
    pub recurrence: Recurrence,
    /// First day it may occur.
    pub starts_on: NaiveDate,
    /// Time of day.
    pub span: TimeSpan,
    /// Last day it may occur.
    #[serde(default)]
    pub until: Option<NaiveDate>,
    /// How many times at most (1–1000).
    #[serde(default)]
    pub count: Option<u32>,
}

fn monday_of(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

/// The `nth` `weekday` of the month starting `first` (None for a fifth that
/// does not exist — cannot happen for first…fourth).
fn nth_weekday(first: NaiveDate, nth: Nth, weekday: Weekday) -> Option<NaiveDate> {
    let target = Weekday::ALL.iter().position(|w| *w == weekday)? as i64;
    match nth {
        Nth::Last => {
            let next = first.checked_add_months(Months::new(1))?;
            let last = next - Duration::days(1);
            let back = (i64::from(last.weekday().num_days_from_monday()) - target).rem_euclid(7);
            Some(last - Duration::days(back))
        }
        _ => {
            let k = match nth {
                Nth::First => 0,
                Nth::Second => 1,
                Nth::Third => 2,
                _ => 3,
            };
            let ahead = (target - i64::from(first.weekday().num_days_from_monday())).rem_euclid(7);
            Some(first + Duration::days(ahead + 7 * k))
        }
    }
}

impl Schedule {
    /// Validates a schedule: interval 1–52, at least one weekday, `until`
    /// not before the start, count 1–1000, and at least one occurrence.
    pub fn new(id: ScheduleId, activity_id: ActivityId, input: NewSchedule) -> Result<Schedule> {
        let every = match &input.recurrence {
            Recurrence::Weekly { every, weekdays } => {
                if weekdays.is_empty() {
                    return Err(Error::validation("weekdays", "name at least one weekday"));
                }
                *every
            }
            Recurrence::Monthly { every, .. } => *every,
        };
        if !(1..=MAX_INTERVAL).contains(&every) {
            return Err(Error::validation(
                "every",
                format!("{every} is not between 1 and {MAX_INTERVAL}"),
            ));
        }
        if let Some(u) = input.until
            && u < input.starts_on
        {
            return Err(Error::validation(
                "until",
                format!("{u} is before the start {}", input.starts_on),
            ));
        }
        if let Some(c) = input.count
            && !(1..=MAX_COUNT).contains(&c)
        {
            return Err(Error::validation(
                "count",
                format!("{c} is not between 1 and {MAX_COUNT}"),
            ));
        }
        let mut recurrence = input.recurrence;
        if let Recurrence::Weekly { weekdays, .. } = &mut recurrence {
            crate::order::sort_by(weekdays, Ord::cmp);
            weekdays.dedup();
        }
        let s = Schedule {
            id,
            activity_id,
            recurrence,
            starts_on: input.starts_on,
            span: input.span,
            until: input.until,
            count: input.count,
        };
        let end = s
            .until
            .unwrap_or(s.starts_on + Duration::days(HORIZON_DAYS));
        if s.dates_until(end).next().is_none() {
            return Err(Error::validation(
                "recurrence",
                format!(
                    "the schedule never occurs between {} and {end}",
                    s.starts_on
                ),
            ));
        }
        Ok(s)
    }

    /// Every occurrence from the start up to `end` (inclusive) and `until`,
    /// at most `count`, in date order.
    fn dates_until(&self, end: NaiveDate) -> impl Iterator<Item = NaiveDate> + '_ {
        let end = self.until.map_or(end, |u| u.min(end));
        let start = self.starts_on;
        let limit = self.count.map_or(usize::MAX, |c| c as usize);
        let mut day = start;
        let mut month = NaiveDate::from_ymd_opt(start.year(), start.month(), 1);
        std::iter::from_fn(move || match &self.recurrence {
            Recurrence::Weekly { every, weekdays } => {
                let week0 = monday_of(start);
                while day <= end {
                    let d = day;
                    day += Duration::days(1);
                    let weeks = (monday_of(d) - week0).num_days() / 7;
                    if weeks % i64::from(*every) == 0 && weekdays.contains(&Weekday::of(d)) {
                        return Some(d);
                    }
                }
                None
            }
            Recurrence::Monthly {
                every,
                nth,
                weekday,
            } => {
                while let Some(m) = month {
                    if m > end {
                        return None;
                    }
                    month = m.checked_add_months(Months::new(*every));
                    if let Some(d) = nth_weekday(m, *nth, *weekday)
                        && d >= start
                        && d <= end
                    {
                        return Some(d);
                    }
                }
                None
            }
        })
        .take(limit)
    }

    /// The dates this schedule occurs on within `period`.
    pub fn dates_in(&self, period: Period) -> Vec<NaiveDate> {
        self.dates_until(period.to())
            .filter(|d| period.contains(*d))
            .collect()
    }

    /// Whether the schedule can still occur on or after `date`.
    pub fn ends_before(&self, date: NaiveDate) -> bool {
        self.until.is_some_and(|u| u < date)
    }
}

/// Checks that sessions are generated for at most 400 days at a time.
pub fn check_generate_period(period: Period) -> Result<()> {
    let days = (period.to() - period.from()).num_days() + 1;
    if days > MAX_GENERATE_DAYS {
        return Err(Error::validation(
            "period",
            format!("{days} days; generate at most {MAX_GENERATE_DAYS} days at a time"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::FixedClock;
    use chrono::NaiveTime;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn span() -> TimeSpan {
        TimeSpan::new(
            NaiveTime::from_hms_opt(14, 0, 0).unwrap(),
            NaiveTime::from_hms_opt(16, 0, 0).unwrap(),
        )
        .unwrap()
    }

    fn schedule(recurrence: Recurrence, starts_on: NaiveDate) -> Result<Schedule> {
        let c = FixedClock::at_date(d(2026, 1, 1));
        Schedule::new(
            ScheduleId::generate(&c),
            ActivityId::generate(&c),
            NewSchedule {
                recurrence,
                starts_on,
                span: span(),
                until: None,
                count: None,
            },
        )
    }

    fn period(a: NaiveDate, b: NaiveDate) -> Period {
        Period::new(a, b).unwrap()
    }

    #[test]
    fn weekly_every_other_week() {
        let s = schedule(
            Recurrence::Weekly {
                every: 2,
                weekdays: vec![Weekday::Thursday, Weekday::Tuesday],
            },
            d(2026, 3, 4), // a Wednesday: the first Tuesday of its week has passed
        )
        .unwrap();
        assert_eq!(
            s.dates_in(period(d(2026, 3, 1), d(2026, 3, 31))),
            vec![
                d(2026, 3, 5),
                d(2026, 3, 17),
                d(2026, 3, 19),
                d(2026, 3, 31)
            ]
        );
    }

    #[test]
    fn monthly_nth_and_last() {
        let s = schedule(
            Recurrence::Monthly {
                every: 1,
                nth: Nth::Last,
                weekday: Weekday::Friday,
            },
            d(2026, 1, 1),
        )
        .unwrap();
        assert_eq!(
            s.dates_in(period(d(2026, 1, 1), d(2026, 3, 31))),
            vec![d(2026, 1, 30), d(2026, 2, 27), d(2026, 3, 27)]
        );
        let s = schedule(
            Recurrence::Monthly {
                every: 2,
                nth: Nth::First,
                weekday: Weekday::Monday,
            },
            d(2026, 1, 6), // after January's first Monday
        )
        .unwrap();
        assert_eq!(
            s.dates_in(period(d(2026, 1, 1), d(2026, 6, 30))),
            vec![d(2026, 3, 2), d(2026, 5, 4)]
        );
    }

    #[test]
    fn until_and_count_end_it() {
        let c = FixedClock::at_date(d(2026, 1, 1));
        let weekly = Recurrence::Weekly {
            every: 1,
            weekdays: vec![Weekday::Monday],
        };
        let mk = |until, count| {
            Schedule::new(
                ScheduleId::generate(&c),
                ActivityId::generate(&c),
                NewSchedule {
                    recurrence: weekly.clone(),
                    starts_on: d(2026, 1, 5),
                    span: span(),
                    until,
                    count,
                },
            )
        };
        let year = period(d(2026, 1, 1), d(2026, 12, 31));
        assert_eq!(mk(None, Some(3)).unwrap().dates_in(year).len(), 3);
        assert_eq!(
            mk(Some(d(2026, 1, 19)), None).unwrap().dates_in(year).len(),
            3
        );
        // A count reaches back to the start, not to the window.
        let later = period(d(2026, 1, 13), d(2026, 12, 31));
        assert_eq!(
            mk(None, Some(3)).unwrap().dates_in(later),
            vec![d(2026, 1, 19)]
        );
        assert_eq!(
            mk(Some(d(2026, 1, 5)), None).unwrap().dates_in(year),
            vec![d(2026, 1, 5)]
        );
        let never = Schedule::new(
            ScheduleId::generate(&c),
            ActivityId::generate(&c),
            NewSchedule {
                recurrence: weekly.clone(),
                starts_on: d(2026, 1, 6),
                span: span(),
                until: Some(d(2026, 1, 11)),
                count: None,
            },
        );
        assert!(
            matches!(never, Err(Error::Validation { ref field, .. }) if field == "recurrence"),
            "{never:?}"
        );
        let e = mk(Some(d(2026, 1, 4)), None).unwrap_err();
        assert!(matches!(e, Error::Validation { ref field, .. } if field == "until"));
        let e = mk(None, Some(0)).unwrap_err();
        assert!(matches!(e, Error::Validation { ref field, .. } if field == "count"));
    }

    #[test]
    fn bad_rules_are_refused() {
        let none = schedule(
            Recurrence::Weekly {
                every: 1,
                weekdays: vec![],
            },
            d(2026, 1, 1),
        );
        assert!(matches!(none, Err(Error::Validation { ref field, .. }) if field == "weekdays"));
        let big = schedule(
            Recurrence::Monthly {
                every: 53,
                nth: Nth::First,
                weekday: Weekday::Monday,
            },
            d(2026, 1, 1),
        );
        assert!(matches!(big, Err(Error::Validation { ref field, .. }) if field == "every"));
        assert!(check_generate_period(period(d(2026, 1, 1), d(2027, 3, 1))).is_err());
    }
}
