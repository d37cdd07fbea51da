//! Calendar building blocks: weekdays as a code list, periods of dates and
//! spans of time within a day.

use crate::{Error, Result, code_list};
use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};

code_list! {
    /// A day of the week.
    pub enum Weekday: "weekday" {
        /// Monday.
        Monday = ("monday", "maandag", "Monday"),
        /// Tuesday.
        Tuesday = ("tuesday", "dinsdag", "Tuesday"),
        /// Wednesday.
        Wednesday = ("wednesday", "woensdag", "Wednesday"),
        /// Thursday.
        Thursday = ("thursday", "donderdag", "Thursday"),
        /// Friday.
        Friday = ("friday", "vrijdag", "Friday"),
        /// Saturday.
        Saturday = ("saturday", "zaterdag", "Saturday"),
        /// Sunday.
        Sunday = ("sunday", "zondag", "Sunday"),
    }
}

impl Weekday {
    /// The weekday of a date.
    pub fn of(date: NaiveDate) -> Weekday {
        match date.weekday() {
            chrono::Weekday::Mon => Weekday::Monday,
            chrono::Weekday::Tue => Weekday::Tuesday,
            chrono::Weekday::Wed => Weekday::Wednesday,
            chrono::Weekday::Thu => Weekday::Thursday,
            chrono::Weekday::Fri => Weekday::Friday,
            chrono::Weekday::Sat => Weekday::Saturday,
            chrono::Weekday::Sun => Weekday::Sunday,
        }
    }
}

/// An inclusive range of dates, `from ≤ to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "PeriodRaw")]
pub struct Period {
    from: NaiveDate,
    to: NaiveDate,
}

#[derive(Deserialize)]
struct PeriodRaw {
    from: NaiveDate,
    to: NaiveDate,
}

impl TryFrom<PeriodRaw> for Period {
    type Error = Error;
    fn try_from(r: PeriodRaw) -> Result<Period> {
        Period::new(r.from, r.to)
    }
}

/// A month as `YYYY-MM` (for report rows).
pub fn year_month(d: NaiveDate) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

/// The earliest date kringloop stores (`0001-01-01`), the start of "all time".
pub fn first_date() -> NaiveDate {
    // infallible: 0001-01-01 is within chrono's range; MIN is a harmless fallback.
    NaiveDate::from_ymd_opt(1, 1, 1).unwrap_or(NaiveDate::MIN)
}

impl Period {
    /// The dates `from..=to`; `to` before `from` is a validation error.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<Period> {
        if to < from {
            return Err(Error::validation(
                "period",
                format!("ends ({to}) before it starts ({from})"),
            ));
        }
        Ok(Period { from, to })
    }

    /// A period with optional ends, as a research table is filtered: `None`
    /// when neither end is given (no filter); a missing end is open
    /// (`0001-01-01` or `9999-12-31`); `to` before `from` is a validation
    /// error.
    pub fn between(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<Option<Period>> {
        if from.is_none() && to.is_none() {
            return Ok(None);
        }
        let last = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or(NaiveDate::MAX);
        Period::new(from.unwrap_or_else(first_date), to.unwrap_or(last)).map(Some)
    }

    /// Everything up to and including `to`.
    pub fn up_to(to: NaiveDate) -> Period {
        Period {
            from: first_date().min(to),
            to,
        }
    }

    /// The Monday-to-Sunday week that contains `date`.
    pub fn week_of(date: NaiveDate) -> Period {
        let from = date - chrono::Duration::days(i64::from(date.weekday().num_days_from_monday()));
        Period {
            from,
            to: from + chrono::Duration::days(6),
        }
    }

    /// The calendar month of `date`.
    pub fn month_of(date: NaiveDate) -> Period {
        let from = date.with_day(1).unwrap_or(date);
        let next = from
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(NaiveDate::MAX);
        Period {
            from,
            to: next.pred_opt().unwrap_or(from),
        }
    }

    /// First day.
    pub fn from(&self) -> NaiveDate {
        self.from
    }

    /// Last day (inclusive).
    pub fn to(&self) -> NaiveDate {
        self.to
    }

    /// Whether `date` lies in the period.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }

    /// Every date of the period, in order.
    pub fn days(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.from.iter_days().take_while(move |d| *d <= self.to)
    }
}

/// A span of wall-clock time within one day, `start < end`, minute precision.
/// Serialises as `{"start": "HH:MM", "end": "HH:MM"}`; deserialising accepts
/// `HH:MM` or `HH:MM:SS` and validates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "TimeSpanRaw")]
pub struct TimeSpan {
    #[serde(serialize_with = "hh_mm")]
    start: NaiveTime,
    #[serde(serialize_with = "hh_mm")]
    end: NaiveTime,
}

/// Shows a time as `HH:MM`. (Written out by hand rather than with chrono's
/// `format("%H:%M")`, which pulls chrono's whole strftime machinery — some
/// 10 KB gzipped — into the WebAssembly module.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HhMm(pub NaiveTime);

impl std::fmt::Display for HhMm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}:{:02}", self.0.hour(), self.0.minute())
    }
}

fn hh_mm<S: serde::Serializer>(t: &NaiveTime, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.collect_str(&HhMm(*t))
}

#[derive(Deserialize)]
struct TimeSpanRaw {
    start: NaiveTime,
    end: NaiveTime,
}

impl TryFrom<TimeSpanRaw> for TimeSpan {
    type Error = Error;
    fn try_from(r: TimeSpanRaw) -> Result<TimeSpan> {
        TimeSpan::new(r.start, r.end)
    }
}

impl TimeSpan {
    /// A span; `end` must be after `start` (same day), and both are cut to the minute.
    pub fn new(start: NaiveTime, end: NaiveTime) -> Result<TimeSpan> {
        let start = to_minute(start);
        let end = to_minute(end);
        if end <= start {
            return Err(Error::validation(
                "end",
                format!("{} is not after the start {}", HhMm(end), HhMm(start)),
            ));
        }
        Ok(TimeSpan { start, end })
    }

    /// A span from minutes since midnight (as stored).
    pub fn from_minutes(start: u32, end: u32) -> Result<TimeSpan> {
        let t = |m: u32, field: &str| {
            NaiveTime::from_hms_opt(m / 60, m % 60, 0).ok_or_else(|| {
                Error::validation(field, format!("{m} minutes is not a time of day"))
            })
        };
        TimeSpan::new(t(start, "start")?, t(end, "end")?)
    }

    /// Start time.
    pub fn start(&self) -> NaiveTime {
        self.start
    }

    /// End time.
    pub fn end(&self) -> NaiveTime {
        self.end
    }

    /// Start as minutes since midnight.
    pub fn start_minute(&self) -> u32 {
        self.start.num_seconds_from_midnight() / 60
    }

    /// End as minutes since midnight.
    pub fn end_minute(&self) -> u32 {
        self.end.num_seconds_from_midnight() / 60
    }

    /// Length in minutes.
    pub fn minutes(&self) -> u32 {
        self.end_minute() - self.start_minute()
    }

    /// Whether two spans share any minute (touching ends do not overlap).
    pub fn overlaps(&self, other: &TimeSpan) -> bool {
        self.start < other.end && other.start < self.end
    }
}

fn to_minute(t: NaiveTime) -> NaiveTime {
    NaiveTime::from_hms_opt(t.hour(), t.minute(), 0).unwrap_or(t)
}

/// Parses `HH:MM` (or `HH:MM:SS`) for `field`.
pub fn parse_time(field: &str, s: &str) -> Result<NaiveTime> {
    NaiveTime::parse_from_str(s.trim(), "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(s.trim(), "%H:%M:%S"))
        .map_err(|_| Error::validation(field, format!("{s:?} is not a time (HH:MM)")))
}

/// Parses `YYYY-MM-DD` for `field`.
pub fn parse_date(field: &str, s: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| Error::validation(field, format!("{s:?} is not a date (YYYY-MM-DD)")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }
    fn t(s: &str) -> NaiveTime {
        parse_time("t", s).unwrap()
    }

    #[test]
    fn periods_between_optional_ends() {
        assert_eq!(Period::between(None, None).unwrap(), None);
        let p = Period::between(Some(d(2026, 1, 1)), None).unwrap().unwrap();
        assert_eq!((p.from(), p.to()), (d(2026, 1, 1), d(9999, 12, 31)));
        let p = Period::between(None, Some(d(2026, 1, 1))).unwrap().unwrap();
        assert_eq!((p.from(), p.to()), (d(1, 1, 1), d(2026, 1, 1)));
        assert!(Period::between(Some(d(2026, 2, 1)), Some(d(2026, 1, 1))).is_err());
    }

    #[test]
    fn periods() {
        assert!(Period::new(d(2026, 2, 1), d(2026, 1, 1)).is_err());
        let w = Period::week_of(d(2026, 11, 29)); // a Sunday
        assert_eq!(w.from(), d(2026, 11, 23));
        assert_eq!(w.to(), d(2026, 11, 29));
        assert_eq!(w.days().count(), 7);
        let m = Period::month_of(d(2024, 2, 10));
        assert_eq!(m.to(), d(2024, 2, 29));
        assert!(Period::up_to(d(2026, 1, 1)).contains(d(1990, 5, 5)));
        assert!(
            serde_json::from_str::<Period>(r#"{"from":"2026-02-01","to":"2026-01-01"}"#).is_err()
        );
    }

    #[test]
    fn spans() {
        let a = TimeSpan::new(t("09:00"), t("12:30")).unwrap();
        assert_eq!(a.minutes(), 210);
        let b = TimeSpan::new(t("12:30"), t("17:00")).unwrap();
        assert!(!a.overlaps(&b));
        let c = TimeSpan::new(t("12:00"), t("13:00")).unwrap();
        assert!(a.overlaps(&c) && c.overlaps(&b));
        assert!(TimeSpan::new(t("10:00"), t("10:00")).is_err());
        assert!(TimeSpan::new(t("10:00"), t("09:00")).is_err());
        assert_eq!(TimeSpan::from_minutes(540, 750).unwrap(), a);
        assert!(TimeSpan::from_minutes(540, 1440).is_err());
        assert!(
            serde_json::from_str::<TimeSpan>(r#"{"start":"10:00:00","end":"09:00:00"}"#).is_err()
        );
    }

    #[test]
    fn weekdays() {
        assert_eq!(Weekday::of(d(2026, 11, 29)), Weekday::Sunday);
        assert_eq!(
            Weekday::parse("maandag").unwrap_err().code().as_str(),
            "validation"
        );
    }

    #[test]
    fn parsing_dates_and_times() {
        assert!(parse_date("d", "2026-13-01").is_err());
        assert_eq!(
            parse_time("t", "9:05").unwrap(),
            NaiveTime::from_hms_opt(9, 5, 0).unwrap()
        );
    }
}
