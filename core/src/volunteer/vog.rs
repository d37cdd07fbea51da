use crate::{DisplayName, VolunteerId, code_list};
use chrono::{Months, NaiveDate};
use serde::Serialize;

/// How long a VOG (certificate of good conduct) is accepted, in years.
pub const VOG_VALID_YEARS: u32 = 3;

/// The date a VOG issued on `issued` expires (3 years later; 29 February → 28 February).
pub fn vog_expiry(issued: NaiveDate) -> NaiveDate {
    issued
        .checked_add_months(Months::new(12 * VOG_VALID_YEARS))
        .unwrap_or(NaiveDate::MAX)
}

code_list! {
    /// Where a volunteer's VOG stands on a given day.
    pub enum VogState: "vog_state" {
        /// No VOG on file.
        Missing = ("missing", "ontbreekt", "missing"),
        /// Expired before the day.
        Expired = ("expired", "verlopen", "expired"),
        /// Expires within the window asked for.
        Expiring = ("expiring", "verloopt binnenkort", "expiring"),
    }
}

/// A volunteer whose VOG needs attention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VogStatus {
    /// The volunteer.
    pub volunteer_id: VolunteerId,
    /// Their name.
    pub display_name: DisplayName,
    /// Issue date of the VOG on file.
    pub vog_date: Option<NaiveDate>,
    /// Its expiry date.
    pub expires_on: Option<NaiveDate>,
    /// Missing, expired or expiring.
    pub state: VogState,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_years_and_leap_days() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(vog_expiry(d(2023, 5, 1)), d(2026, 5, 1));
        assert_eq!(vog_expiry(d(2024, 2, 29)), d(2027, 2, 28));
    }
}
