//! Activity reports: sessions held and cancelled, attendance and
//! first-timers per activity per month, average attendance against
//! capacity, ideas by status and the table tally per week. The store
//! aggregates ([`ActivityCounts`]); the core derives averages and applies
//! small-cell suppression for researchers.

use super::IdeaStatus;
use crate::disclosure::suppress_count;
use crate::{ActivityId, Period};
use chrono::NaiveDate;
use serde::Serialize;

/// Sessions and attendance of one activity in one month, as aggregated by the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityMonthCounts {
    /// The activity.
    pub activity_id: ActivityId,
    /// Its name.
    pub activity_name: String,
    /// Its capacity, if set.
    pub capacity: Option<u32>,
    /// The first day of the month.
    pub month: NaiveDate,
    /// Sessions with attendance recorded.
    pub held: u64,
    /// Sessions cancelled.
    pub cancelled: u64,
    /// Sessions neither held nor cancelled (yet).
    pub planned: u64,
    /// Sum of headcounts.
    pub attendance: u64,
    /// Sum of first-timers.
    pub first_timers: u64,
}

/// Ideas submitted in the period, per status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdeaStatusCount {
    /// The status now.
    pub status: IdeaStatus,
    /// How many.
    pub count: u64,
}

/// The table tally of one week (Monday to Sunday).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TallyWeek {
    /// The Monday.
    pub week: NaiveDate,
    /// Days with a tally.
    pub days: u64,
    /// Visitors.
    pub visitors: u64,
    /// Conversations.
    pub conversations: u64,
}

/// What the store aggregates for an [`ActivityReport`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActivityCounts {
    /// Per activity and month of session dates in the period, by month then name.
    pub months: Vec<ActivityMonthCounts>,
    /// Ideas submitted in the period, per status (declaration order).
    pub ideas: Vec<IdeaStatusCount>,
    /// Tally per week for days in the period, by week.
    pub tally: Vec<TallyWeek>,
}

/// One activity in one month, as published.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActivityMonth {
    /// The activity.
    pub activity_id: ActivityId,
    /// Its name.
    pub activity_name: String,
    /// The month, `YYYY-MM`.
    pub month: String,
    /// Sessions held.
    pub held: Option<u64>,
    /// Sessions cancelled.
    pub cancelled: Option<u64>,
    /// Sessions still planned.
    pub planned: Option<u64>,
    /// Total attendance.
    pub attendance: Option<u64>,
    /// First-timers among them.
    pub first_timers: Option<u64>,
    /// Average attendance per session held.
    pub average_attendance: Option<f64>,
    /// Average attendance as a share of the capacity (0–1), where set.
    pub capacity_use: Option<f64>,
}

/// Ideas per status, as published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IdeasByStatus {
    /// The status.
    pub status: IdeaStatus,
    /// How many (hidden when small, for researchers).
    pub count: Option<u64>,
}

/// The activity report for a period.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActivityReport {
    /// The period.
    pub period: Period,
    /// The suppression threshold applied (researchers), or `None`.
    pub threshold: Option<u32>,
    /// Per activity and month.
    pub months: Vec<ActivityMonth>,
    /// The ideas pipeline.
    pub ideas: Vec<IdeasByStatus>,
    /// The table tally per week (counts of visits and conversations, not of
    /// people, so not suppressed).
    pub tally: Vec<TallyWeek>,
}

impl ActivityReport {
    /// Publishes the counts: exact, or with counts from 1 to `threshold − 1`
    /// hidden (averages hidden with the attendance they come from).
    pub fn publish(
        period: Period,
        counts: &ActivityCounts,
        threshold: Option<u32>,
    ) -> ActivityReport {
        let s = |n: u64| suppress_count(n, threshold);
        let months = counts
            .months
            .iter()
            .map(|m| {
                let attendance = s(m.attendance);
                let average = (m.held > 0).then(|| m.attendance as f64 / m.held as f64);
                let average = attendance.and(average);
                ActivityMonth {
                    activity_id: m.activity_id,
                    activity_name: m.activity_name.clone(),
                    month: crate::calendar::year_month(m.month),
                    held: Some(m.held),
                    cancelled: Some(m.cancelled),
                    planned: Some(m.planned),
                    attendance,
                    first_timers: s(m.first_timers),
                    average_attendance: average,
                    capacity_use: average.zip(m.capacity).map(|(a, c)| a / f64::from(c)),
                }
            })
            .collect();
        let ideas = counts
            .ideas
            .iter()
            .map(|i| IdeasByStatus {
                status: i.status,
                count: s(i.count),
            })
            .collect();
        ActivityReport {
            period,
            threshold,
            months,
            ideas,
            tally: counts.tally.clone(),
        }
    }
}
