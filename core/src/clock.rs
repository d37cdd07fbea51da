//! Time comes from an injected [`Clock`], never from a direct clock read in
//! domain code, so tests and replays control "now".

use chrono::{DateTime, Duration, NaiveDate, Utc};
use std::sync::Mutex;

/// A source of the current time.
pub trait Clock: Send + Sync {
    /// The current instant.
    fn now(&self) -> DateTime<Utc>;
    /// Today's civil date at the hub.
    fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }
}

/// The real clock: UTC now, and today's date in the machine's local time zone.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
    fn today(&self) -> NaiveDate {
        chrono::Local::now().date_naive()
    }
}

/// A clock that stands still until moved; for tests, demos and replays.
#[derive(Debug)]
pub struct FixedClock {
    now: Mutex<DateTime<Utc>>,
}

impl FixedClock {
    /// A clock fixed at `now`.
    pub fn new(now: DateTime<Utc>) -> Self {
        FixedClock {
            now: Mutex::new(now),
        }
    }

    /// A clock fixed at noon UTC of `date`.
    pub fn at_date(date: NaiveDate) -> Self {
        // infallible: 12:00:00 is a valid time on every date.
        let noon = date.and_hms_opt(12, 0, 0).unwrap_or_default();
        Self::new(noon.and_utc())
    }

    /// Moves the clock to `now`.
    pub fn set(&self, now: DateTime<Utc>) {
        *self.lock() = now;
    }

    /// Moves the clock forward by `by`.
    pub fn advance(&self, by: Duration) {
        let mut guard = self.lock();
        *guard += by;
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, DateTime<Utc>> {
        // A poisoned lock only means another thread panicked while holding a
        // plain timestamp; the value is still valid, so keep using it.
        self.now.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        *self.lock()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_clock_stands_still_and_moves_on_request() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let c = FixedClock::at_date(d);
        assert_eq!(c.today(), d);
        assert_eq!(c.now(), c.now());
        c.advance(Duration::days(1));
        assert_eq!(c.today(), d.succ_opt().unwrap());
    }
}
