//! The hub's signal policy: how long personal fields of closed signals are
//! kept, and the small-cell threshold for published statistics.

use crate::disclosure::DEFAULT_THRESHOLD;
use crate::{Error, Result};
use chrono::{DateTime, Months, Utc};
use serde::{Deserialize, Serialize};

/// Default retention of a closed signal's personal fields, in months.
pub const DEFAULT_RETENTION_MONTHS: u32 = 12;
/// Longest retention a hub may set, in months (ten years).
pub const MAX_RETENTION_MONTHS: u32 = 120;
/// Highest suppression threshold a hub may set.
pub const MAX_SUPPRESSION_THRESHOLD: u32 = 100;

/// Retention and suppression settings of a hub.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", try_from = "SignalPolicyRaw")]
pub struct SignalPolicy {
    /// Months after closing that a signal's personal fields are erased by
    /// the purge (1–120; default 12).
    retention_months: u32,
    /// Published counts from 1 to this − 1 are hidden (2–100; default 10).
    suppression_threshold: u32,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SignalPolicyRaw {
    #[serde(default = "default_retention")]
    retention_months: u32,
    #[serde(default = "default_threshold")]
    suppression_threshold: u32,
}

fn default_retention() -> u32 {
    DEFAULT_RETENTION_MONTHS
}

fn default_threshold() -> u32 {
    DEFAULT_THRESHOLD
}

impl TryFrom<SignalPolicyRaw> for SignalPolicy {
    type Error = Error;
    fn try_from(r: SignalPolicyRaw) -> Result<SignalPolicy> {
        SignalPolicy::new(r.retention_months, r.suppression_threshold)
    }
}

impl Default for SignalPolicy {
    fn default() -> Self {
        SignalPolicy {
            retention_months: DEFAULT_RETENTION_MONTHS,
            suppression_threshold: DEFAULT_THRESHOLD,
        }
    }
}

impl SignalPolicy {
    /// A validated policy.
    pub fn new(retention_months: u32, suppression_threshold: u32) -> Result<SignalPolicy> {
        if !(1..=MAX_RETENTION_MONTHS).contains(&retention_months) {
            return Err(Error::validation(
                "retention_months",
                format!("{retention_months} is not between 1 and {MAX_RETENTION_MONTHS}"),
            ));
        }
        if !(2..=MAX_SUPPRESSION_THRESHOLD).contains(&suppression_threshold) {
            return Err(Error::validation(
                "suppression_threshold",
                format!("{suppression_threshold} is not between 2 and {MAX_SUPPRESSION_THRESHOLD}"),
            ));
        }
        Ok(SignalPolicy {
            retention_months,
            suppression_threshold,
        })
    }

    /// Months after closing that personal fields are kept.
    pub fn retention_months(&self) -> u32 {
        self.retention_months
    }

    /// Published counts from 1 to this − 1 are hidden.
    pub fn suppression_threshold(&self) -> u32 {
        self.suppression_threshold
    }

    /// Signals closed before this moment are due for the purge at `now`.
    pub fn purge_before(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        now.checked_sub_months(Months::new(self.retention_months))
            .unwrap_or(DateTime::<Utc>::MIN_UTC)
    }
}
