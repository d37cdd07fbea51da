//! Trajectories: is a volunteer's measure rising, flat or declining lately?
//! The method (documented with its limits in `docs/development.md`):
//!
//! 1. Take the volunteer's assessments of the measure, leaving out those a
//!    later correction replaced.
//! 2. Keep the points in the window: the last `window_months` months up to
//!    `as_of`.
//! 3. With fewer than `min_points` points: `insufficient_data`.
//! 4. Otherwise fit a least-squares line through (months since the first
//!    point, value); its slope in scale points per month decides:
//!    ≥ `slope_threshold` rising, ≤ −`slope_threshold` declining, else plateau.
//! 5. **Rise, then plateau**: a plateau whose preceding window (the
//!    `window_months` before this one) holds at least two points with a
//!    rising slope is flagged `after_rise` — the seed's "rises, then flattens".

use super::{Assessment, Measure, TrajectoryClass};
use crate::{Error, Result};
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// Parameters of the trajectory method.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct TrajectoryParams {
    /// Months looked back from `as_of` (1–60; default 12).
    pub window_months: u32,
    /// Fewest points in the window for a verdict (2–50; default 3).
    pub min_points: u32,
    /// Slope, in scale points per month, from which a course counts as
    /// rising or declining (> 0; default 0.05, i.e. 0.6 a year).
    pub slope_threshold: f64,
}

impl Default for TrajectoryParams {
    fn default() -> Self {
        TrajectoryParams {
            window_months: 12,
            min_points: 3,
            slope_threshold: 0.05,
        }
    }
}

impl TrajectoryParams {
    /// Checks the ranges.
    pub fn check(self) -> Result<TrajectoryParams> {
        if !(1..=60).contains(&self.window_months) {
            return Err(Error::validation("window_months", "must be 1 to 60"));
        }
        if !(2..=50).contains(&self.min_points) {
            return Err(Error::validation("min_points", "must be 2 to 50"));
        }
        if !(self.slope_threshold > 0.0 && self.slope_threshold <= 6.0) {
            return Err(Error::validation(
                "slope_threshold",
                "must be above 0 and at most 6",
            ));
        }
        Ok(self)
    }
}

/// The recent course of one measure of one volunteer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Trajectory {
    /// The measure.
    pub measure: Measure,
    /// The verdict.
    pub class: TrajectoryClass,
    /// The fitted slope in scale points per month (when there is a verdict).
    pub slope_per_month: Option<f64>,
    /// Points in the window.
    pub points: u32,
    /// A plateau right after a rising window.
    pub after_rise: bool,
    /// The latest value, if any.
    pub latest: Option<u8>,
}

/// The assessments' values of `measure`, by date, without those a later
/// correction replaced.
pub fn measure_points(assessments: &[Assessment], measure: &Measure) -> Vec<(NaiveDate, u8)> {
    let mut out: Vec<(NaiveDate, u8)> = assessments
        .iter()
        .filter(|a| !assessments.iter().any(|b| b.corrects == Some(a.id)))
        .filter_map(|a| {
            a.scores
                .iter()
                .find(|s| s.measure == *measure)
                .map(|s| (a.on, s.value))
        })
        .collect();
    crate::order::sort_by_key(&mut out, |p| p.0);
    out
}

fn months_between(a: NaiveDate, b: NaiveDate) -> f64 {
    (b - a).num_days() as f64 / 30.436_875
}

/// The least-squares slope of (months since the first point, value); `None`
/// for fewer than two distinct dates.
fn slope(points: &[(NaiveDate, u8)]) -> Option<f64> {
    let first = points.first()?.0;
    let n = points.len() as f64;
    let xs: Vec<f64> = points.iter().map(|p| months_between(first, p.0)).collect();
    let mx = xs.iter().sum::<f64>() / n;
    let my = points.iter().map(|p| f64::from(p.1)).sum::<f64>() / n;
    let sxx: f64 = xs.iter().map(|x| (x - mx) * (x - mx)).sum();
    if sxx <= f64::EPSILON {
        return None;
    }
    let sxy: f64 = xs
        .iter()
        .zip(points)
        .map(|(x, p)| (x - mx) * (f64::from(p.1) - my))
        .sum();
    Some(sxy / sxx)
}

fn window(points: &[(NaiveDate, u8)], end: NaiveDate, months: u32) -> Vec<(NaiveDate, u8)> {
    let start = end
        .checked_sub_months(Months::new(months))
        .unwrap_or(NaiveDate::MIN);
    points
        .iter()
        .copied()
        .filter(|(d, _)| *d > start && *d <= end)
        .collect()
}

/// Classifies the course of `points` (one measure, by date) as of a day.
pub fn classify(
    measure: Measure,
    points: &[(NaiveDate, u8)],
    as_of: NaiveDate,
    params: TrajectoryParams,
) -> Trajectory {
    let recent = window(points, as_of, params.window_months);
    let latest = points.iter().rev().find(|p| p.0 <= as_of).map(|p| p.1);
    let verdict = |pts: &[(NaiveDate, u8)], min: u32| -> (TrajectoryClass, Option<f64>) {
        if (pts.len() as u32) < min {
            return (TrajectoryClass::InsufficientData, None);
        }
        match slope(pts) {
            None => (TrajectoryClass::InsufficientData, None),
            Some(s) if s >= params.slope_threshold => (TrajectoryClass::Rising, Some(s)),
            Some(s) if s <= -params.slope_threshold => (TrajectoryClass::Declining, Some(s)),
            Some(s) => (TrajectoryClass::Plateau, Some(s)),
        }
    };
    let (class, slope_per_month) = verdict(&recent, params.min_points);
    let after_rise = class == TrajectoryClass::Plateau && {
        let before_end = as_of
            .checked_sub_months(Months::new(params.window_months))
            .unwrap_or(NaiveDate::MIN);
        let earlier = window(points, before_end, params.window_months);
        verdict(&earlier, 2).0 == TrajectoryClass::Rising
    };
    Trajectory {
        measure,
        class,
        slope_per_month,
        points: recent.len() as u32,
        after_rise,
        latest,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn run(points: &[(NaiveDate, u8)]) -> Trajectory {
        classify(
            Measure::ladder(),
            points,
            d(2026, 6, 30),
            TrajectoryParams::default(),
        )
    }

    #[test]
    fn classifies_the_recent_course() {
        let rising = [(d(2025, 8, 1), 2), (d(2025, 12, 1), 3), (d(2026, 4, 1), 4)];
        assert_eq!(run(&rising).class, TrajectoryClass::Rising);
        let falling = [(d(2025, 8, 1), 4), (d(2025, 12, 1), 3), (d(2026, 4, 1), 3)];
        assert_eq!(run(&falling).class, TrajectoryClass::Declining);
        let two = [(d(2025, 8, 1), 4), (d(2026, 4, 1), 3)];
        assert_eq!(run(&two).class, TrajectoryClass::InsufficientData);
        let same_day = [(d(2026, 4, 1), 4), (d(2026, 4, 1), 3), (d(2026, 4, 1), 3)];
        assert_eq!(run(&same_day).class, TrajectoryClass::InsufficientData);
    }

    #[test]
    fn rise_then_plateau_is_flagged() {
        let points = [
            (d(2024, 8, 1), 2),
            (d(2025, 1, 1), 3),
            (d(2025, 5, 1), 4),
            (d(2025, 9, 1), 4),
            (d(2026, 1, 1), 4),
            (d(2026, 5, 1), 4),
        ];
        let t = run(&points);
        assert_eq!(
            (t.class, t.after_rise, t.points, t.latest),
            (TrajectoryClass::Plateau, true, 3, Some(4))
        );
        let flat = [(d(2025, 9, 1), 4), (d(2026, 1, 1), 4), (d(2026, 5, 1), 4)];
        assert!(!run(&flat).after_rise);
    }

    #[test]
    fn parameters_are_checked() {
        let bad = TrajectoryParams {
            window_months: 0,
            ..Default::default()
        };
        assert!(bad.check().is_err());
        let bad = TrajectoryParams {
            slope_threshold: 0.0,
            ..Default::default()
        };
        assert!(bad.check().is_err());
        assert!(TrajectoryParams::default().check().is_ok());
    }
}
