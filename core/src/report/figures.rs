//! The published hub report: the figures of one period, exact for
//! coordinators and admins, with small-cell suppression of every count of
//! people for researchers (see `docs/report.md` and `docs/privacy.md`).

use super::HubCounts;
use crate::code_list::CodeList;
use crate::disclosure::{suppress_count, suppress_line};
use crate::{
    ActivityCounts, HoursByRole, ImpactRow, Money, Period, ReferralOutcome, ReferralStatus,
    SalesRow, SignalCounts, SignalDomain,
};
use serde::Serialize;

/// A count under a code (a domain, a status, an outcome); `None` is hidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counted<K> {
    /// What was counted.
    pub key: K,
    /// How many (hidden when small, for researchers).
    pub count: Option<u64>,
}

/// Volunteers in the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VolunteerFigures {
    /// Volunteers with at least one worked shift.
    pub active: Option<u64>,
    /// Volunteers who started.
    pub started: Option<u64>,
    /// Volunteers who left.
    pub left: Option<u64>,
}

/// Hours worked in the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HoursFigures {
    /// Worked minutes in all roles.
    pub minutes: i64,
    /// Worked shifts in all roles.
    pub shifts: i64,
    /// Per role, by role code (hours, not people: never hidden).
    pub by_role: Vec<HoursByRole>,
}

/// Movement on the participation ladder (see [`LadderCounts`](super::LadderCounts)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LadderFigures {
    /// Volunteers with a step assessed in the period.
    pub measured: Option<u64>,
    /// Of those, volunteers with a step before the period to compare with
    /// (hidden unless up, same and down are all shown).
    pub compared: Option<u64>,
    /// A higher step than before.
    pub up: Option<u64>,
    /// The same step.
    pub same: Option<u64>,
    /// A lower step.
    pub down: Option<u64>,
}

/// Courses in the period (see [`CourseCounts`](super::CourseCounts)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CourseFigures {
    /// Courses running (not people: never hidden).
    pub running: u64,
    /// Places taken in them.
    pub participants: Option<u64>,
    /// Completions of courses that ended in the period.
    pub completions: Option<u64>,
}

/// Activity sessions in the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActivityFigures {
    /// Sessions held (with attendance recorded).
    pub sessions_held: u64,
    /// Sessions cancelled.
    pub sessions_cancelled: u64,
    /// Total attendance.
    pub attendance: Option<u64>,
    /// First-timers among them.
    pub first_timers: Option<u64>,
}

/// The daily tally at the big table in the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TableFigures {
    /// Days with a tally.
    pub days: u64,
    /// Visitors.
    pub visitors: Option<u64>,
    /// Conversations (not people: never hidden).
    pub conversations: u64,
}

/// Signals recorded in the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SignalFigures {
    /// Signals.
    pub signals: Option<u64>,
    /// Per domain, in code-list order (a signal counts once in each of its
    /// domains, so these add up to domain mentions, not signals).
    pub by_domain: Vec<Counted<SignalDomain>>,
}

/// Referrals made in the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReferralFigures {
    /// Referrals.
    pub referrals: Option<u64>,
    /// Per status now, in code-list order.
    pub by_status: Vec<Counted<ReferralStatus>>,
    /// Per outcome of the closed ones, in code-list order.
    pub by_outcome: Vec<Counted<ReferralOutcome>>,
}

/// Sales of one month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SalesMonth {
    /// The month, `YYYY-MM`.
    pub month: String,
    /// Revenue (refunds subtracted).
    pub revenue: Money,
    /// Units sold (refunds subtracted).
    pub items: i64,
}

/// Sales in the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SalesFigures {
    /// Sales rung up (not refunds).
    pub sales: u64,
    /// Refunds.
    pub refunds: u64,
    /// Revenue in cents, after discounts and cash rounding, refunds subtracted.
    pub revenue: Money,
    /// Units sold, refunds subtracted.
    pub items_sold: i64,
    /// Per month of the period, in order.
    pub by_month: Vec<SalesMonth>,
}

/// Reuse in the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReuseFigures {
    /// Grams of goods sold (reused), refunds subtracted.
    pub grams_reused: i64,
    /// Grams of CO2e avoided, by the hub's factors (categories without a
    /// factor add nothing).
    pub grams_co2e_avoided: i64,
    /// Per category, with the factors' sources.
    pub by_category: Vec<ImpactRow>,
}

/// The hub report of one period: what the hub does for its district.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HubReport {
    /// The hub's slug.
    pub hub: String,
    /// The period.
    pub period: Period,
    /// The suppression threshold applied (researchers), or `None` (exact).
    pub threshold: Option<u32>,
    /// Volunteers.
    pub volunteers: VolunteerFigures,
    /// Hours worked.
    pub hours: HoursFigures,
    /// The participation ladder.
    pub ladder: LadderFigures,
    /// Courses.
    pub courses: CourseFigures,
    /// Activities.
    pub activities: ActivityFigures,
    /// The big table.
    pub table: TableFigures,
    /// Signals.
    pub signals: SignalFigures,
    /// Referrals.
    pub referrals: ReferralFigures,
    /// Sales.
    pub sales: SalesFigures,
    /// Reuse.
    pub reuse: ReuseFigures,
}

/// The aggregates a [`HubReport`] is published from, each computed by the
/// store (the reuse rows by [`reuse_impact`](crate::reuse_impact) from the
/// monthly sales).
#[derive(Debug, Clone, Copy)]
pub struct ReportSources<'a> {
    /// The report's own aggregates.
    pub counts: &'a HubCounts,
    /// Hours per role.
    pub hours: &'a [HoursByRole],
    /// Activity sessions and the tally.
    pub activities: &'a ActivityCounts,
    /// Signals and referrals.
    pub signals: &'a SignalCounts,
    /// Sales per category and month.
    pub sales: &'a [SalesRow],
    /// Reuse per category.
    pub impact: &'a [ImpactRow],
}

/// Counts per code, in code-list order, as one line with primary and
/// secondary suppression against its total; returns the cells and the total.
fn coded_line<K: CodeList>(
    counts: impl Iterator<Item = (K, u64)>,
    threshold: Option<u32>,
) -> (Vec<Counted<K>>, Option<u64>) {
    let mut row = vec![0u64; K::ALL.len()];
    for (k, n) in counts {
        if let Some(j) = K::ALL.iter().position(|x| x.code() == k.code()) {
            row[j] += n;
        }
    }
    let line = suppress_line(&row, threshold);
    let counted = K::ALL
        .iter()
        .zip(line.cells)
        .map(|(k, count)| Counted { key: *k, count })
        .collect();
    (counted, line.total)
}

/// The ladder as one line: up, same, down and "no earlier step", against
/// the volunteers measured. `compared` is published only when up, same and
/// down all are: otherwise `measured − compared` would give the hidden
/// "no earlier step" count away.
fn ladder(c: &super::LadderCounts, threshold: Option<u32>) -> LadderFigures {
    let compared = c.up + c.same + c.down;
    let first = c.measured.saturating_sub(compared);
    let line = suppress_line(&[c.up, c.same, c.down, first], threshold);
    let (up, same, down) = (line.cells[0], line.cells[1], line.cells[2]);
    LadderFigures {
        measured: line.total,
        compared: up.zip(same).zip(down).map(|((u, s), d)| u + s + d),
        up,
        same,
        down,
    }
}

fn sales(counts: &super::SaleCounts, rows: &[SalesRow]) -> SalesFigures {
    let months = crate::order::group_by_key(
        rows.iter()
            .map(|r| SalesMonth {
                month: crate::calendar::year_month(r.period_start),
                revenue: r.revenue,
                items: r.units,
            })
            .collect(),
        |m: &SalesMonth| m.month.clone(),
        |a, b| {
            a.revenue = a.revenue + b.revenue;
            a.items += b.items;
        },
    );
    SalesFigures {
        sales: counts.sales,
        refunds: counts.refunds,
        revenue: months.iter().fold(Money::ZERO, |a, m| a + m.revenue),
        items_sold: months.iter().map(|m| m.items).sum(),
        by_month: months,
    }
}

impl HubReport {
    /// Publishes the aggregates: exact when `threshold` is `None`,
    /// otherwise every count of people from 1 to `threshold − 1` hidden,
    /// with secondary suppression in the rows of codes (domains, statuses,
    /// outcomes, ladder movement) so no hidden count follows from a total.
    pub fn publish(
        hub: &str,
        period: Period,
        src: ReportSources<'_>,
        threshold: Option<u32>,
    ) -> HubReport {
        let s = |n: u64| suppress_count(n, threshold);
        let v = src.counts.volunteers;
        let c = src.counts.courses;
        let months = &src.activities.months;
        let (by_domain, _) = coded_line(
            src.signals.by_domain.iter().map(|m| (m.key, m.count)),
            threshold,
        );
        let (by_status, referrals) = coded_line(
            src.signals.referrals.iter().map(|r| (r.status, r.count)),
            threshold,
        );
        let (by_outcome, _) = coded_line(
            src.signals
                .referrals
                .iter()
                .filter_map(|r| r.outcome.map(|o| (o, r.count))),
            threshold,
        );
        HubReport {
            hub: hub.to_string(),
            period,
            threshold,
            volunteers: VolunteerFigures {
                active: s(v.active),
                started: s(v.started),
                left: s(v.left),
            },
            hours: HoursFigures {
                minutes: src.hours.iter().map(|h| h.minutes).sum(),
                shifts: src.hours.iter().map(|h| h.shifts).sum(),
                by_role: src.hours.to_vec(),
            },
            ladder: ladder(&src.counts.ladder, threshold),
            courses: CourseFigures {
                running: c.running,
                participants: s(c.participants),
                completions: s(c.completions),
            },
            activities: ActivityFigures {
                sessions_held: months.iter().map(|m| m.held).sum(),
                sessions_cancelled: months.iter().map(|m| m.cancelled).sum(),
                attendance: s(months.iter().map(|m| m.attendance).sum()),
                first_timers: s(months.iter().map(|m| m.first_timers).sum()),
            },
            table: TableFigures {
                days: src.activities.tally.iter().map(|w| w.days).sum(),
                visitors: s(src.activities.tally.iter().map(|w| w.visitors).sum()),
                conversations: src.activities.tally.iter().map(|w| w.conversations).sum(),
            },
            signals: SignalFigures {
                signals: s(src.signals.by_urgency.iter().map(|m| m.count).sum()),
                by_domain,
            },
            referrals: ReferralFigures {
                referrals,
                by_status,
                by_outcome,
            },
            sales: sales(&src.counts.sales, src.sales),
            reuse: ReuseFigures {
                grams_reused: src.impact.iter().map(|r| r.weight_grams).sum(),
                grams_co2e_avoided: src.impact.iter().filter_map(|r| r.grams_co2e).sum(),
                by_category: src.impact.to_vec(),
            },
        }
    }

    /// Whether any count is hidden (the rendered report then has a footnote).
    pub fn has_hidden(&self) -> bool {
        let v = &self.volunteers;
        let l = &self.ladder;
        let scalars = [
            v.active,
            v.started,
            v.left,
            l.measured,
            l.compared,
            l.up,
            l.same,
            l.down,
            self.courses.participants,
            self.courses.completions,
            self.activities.attendance,
            self.activities.first_timers,
            self.table.visitors,
            self.signals.signals,
            self.referrals.referrals,
        ];
        scalars.iter().any(Option::is_none)
            || self.signals.by_domain.iter().any(|c| c.count.is_none())
            || self.referrals.by_status.iter().any(|c| c.count.is_none())
            || self.referrals.by_outcome.iter().any(|c| c.count.is_none())
    }
}
