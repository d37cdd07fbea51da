//! The cohort view: volunteers grouped by the quarter they joined, and per
//! month of membership the average of a measure over their assessments —
//! the seed's "rises, then flattens" as a line.

use crate::disclosure::suppress_count;
use crate::{Measure, Period};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// Assessments of one cohort in one month of membership, as summed by the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CohortCount {
    /// The first day of the quarter the cohort joined in.
    pub cohort: NaiveDate,
    /// Months of membership (calendar months from the joining month: 0 is
    /// the month they joined).
    pub month: u32,
    /// Number of scores.
    pub n: u64,
    /// Their sum.
    pub sum: u64,
}

/// One point of a cohort curve.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CohortPoint {
    /// The cohort, e.g. `2025-Q1`.
    pub cohort: String,
    /// Months of membership.
    pub month: u32,
    /// Number of scores (hidden when small, for researchers).
    pub n: Option<u64>,
    /// Their mean (hidden with `n`).
    pub mean: Option<f64>,
}

/// Average curves per cohort for one measure.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CohortCurve {
    /// The measure.
    pub measure: Measure,
    /// Volunteers who joined in this period.
    pub joined: Period,
    /// The suppression threshold applied (researchers), or `None`.
    pub threshold: Option<u32>,
    /// The points, by cohort then month.
    pub points: Vec<CohortPoint>,
}

/// The quarter a date falls in, as its first day.
pub fn quarter_start(d: NaiveDate) -> NaiveDate {
    let m = (d.month0() / 3) * 3 + 1;
    NaiveDate::from_ymd_opt(d.year(), m, 1).unwrap_or(d)
}

/// Calendar months from `start` to `on` (0 in the same month).
pub fn months_of_membership(start: NaiveDate, on: NaiveDate) -> u32 {
    let months = (on.year() - start.year()) * 12 + on.month() as i32 - start.month() as i32;
    months.max(0) as u32
}

impl CohortCurve {
    /// Publishes the counts: means exact, or hidden where fewer than
    /// `threshold` scores stand behind them.
    pub fn publish(
        measure: Measure,
        joined: Period,
        counts: &[CohortCount],
        threshold: Option<u32>,
    ) -> CohortCurve {
        let mut points: Vec<CohortPoint> = counts
            .iter()
            .map(|c| {
                let n = suppress_count(c.n, threshold);
                CohortPoint {
                    cohort: format!("{}-Q{}", c.cohort.year(), c.cohort.month0() / 3 + 1),
                    month: c.month,
                    n,
                    mean: n.filter(|n| *n > 0).map(|n| c.sum as f64 / n as f64),
                }
            })
            .collect();
        crate::order::sort_by(&mut points, |a, b| {
            (&a.cohort, a.month).cmp(&(&b.cohort, b.month))
        });
        CohortCurve {
            measure,
            joined,
            threshold,
            points,
        }
    }
}
