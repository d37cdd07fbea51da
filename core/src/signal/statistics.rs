//! Signal statistics: counts aggregated by the store ([`SignalCounts`]),
//! published as tables ([`SignalStatistics`]) with small-cell suppression
//! for the researcher role.

use super::{Partner, ReferralOutcome, ReferralStatus, SignalDomain, Urgency};
use crate::code_list::CodeList;
use crate::disclosure::{CountTable, suppress_count};
use crate::{PartnerId, Period};
use chrono::NaiveDate;
use serde::Serialize;

/// A count per month (the first day of the month) and key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthCount<K> {
    /// The first day of the month.
    pub month: NaiveDate,
    /// What was counted.
    pub key: K,
    /// How many.
    pub count: u64,
}

/// Referrals per partner, status and outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReferralCount {
    /// The partner.
    pub partner: PartnerId,
    /// The status now.
    pub status: ReferralStatus,
    /// The outcome, for closed referrals.
    pub outcome: Option<ReferralOutcome>,
    /// How many.
    pub count: u64,
}

/// How many durations were measured and their median, in days.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct DaysSummary {
    /// Number of durations.
    pub n: u64,
    /// Their median in (fractional) days; `None` when `n` is 0.
    pub median: Option<f64>,
}

/// What the store aggregates for [`SignalStatistics`], for signals recorded
/// (and referrals made) in a period.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SignalCounts {
    /// Signals per month and domain (a signal counts once in each of its domains).
    pub by_domain: Vec<MonthCount<SignalDomain>>,
    /// Signals per month and urgency.
    pub by_urgency: Vec<MonthCount<Urgency>>,
    /// Referrals made in the period, per partner, status and outcome.
    pub referrals: Vec<ReferralCount>,
    /// From a signal's recording to its first referral's request.
    pub days_to_referral: DaysSummary,
    /// From a signal's recording to its closing.
    pub days_to_closure: DaysSummary,
}

/// A median in days, published: hidden when fewer durations than the
/// threshold were measured.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PublishedDays {
    /// Number of durations (hidden when 1 to threshold − 1).
    pub n: Option<u64>,
    /// The median in days (hidden with `n`, and `None` when `n` is 0).
    pub median: Option<f64>,
}

/// Signal statistics for a period as published to a role.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SignalStatistics {
    /// The period (signals recorded and referrals made in it).
    pub period: Period,
    /// The suppression threshold applied (researchers), or `None` (exact).
    pub threshold: Option<u32>,
    /// Rows: months (`YYYY-MM`); columns: domain codes. A signal counts once
    /// in each of its domains, so the totals count domain mentions.
    pub by_domain: CountTable,
    /// Rows: months; columns: urgency codes.
    pub by_urgency: CountTable,
    /// Rows: partner names; columns: referral status codes.
    pub referrals_by_status: CountTable,
    /// Rows: partner names; columns: outcome codes (closed referrals).
    pub referrals_by_outcome: CountTable,
    /// Median days from a signal to its first referral's request.
    pub days_to_referral: PublishedDays,
    /// Median days from a signal to its closing.
    pub days_to_closure: PublishedDays,
}

fn month_table<K: CodeList>(counts: &[MonthCount<K>]) -> CountTable {
    let mut months: Vec<NaiveDate> = counts.iter().map(|c| c.month).collect();
    crate::order::sort_by(&mut months, Ord::cmp);
    months.dedup();
    let mut grid = vec![vec![0u64; K::ALL.len()]; months.len()];
    for c in counts {
        if let (Ok(i), Some(j)) = (
            months.binary_search(&c.month),
            K::ALL.iter().position(|k| k.code() == c.key.code()),
        ) {
            grid[i][j] += c.count;
        }
    }
    CountTable::new(
        months
            .into_iter()
            .map(crate::calendar::year_month)
            .collect(),
        K::ALL.iter().map(|k| k.code().to_string()).collect(),
        grid,
    )
}

fn partner_table<K: CodeList>(
    counts: &[ReferralCount],
    partners: &[Partner],
    key: impl Fn(&ReferralCount) -> Option<K>,
) -> CountTable {
    let mut ids: Vec<PartnerId> = counts.iter().map(|c| c.partner).collect();
    crate::order::sort_by(&mut ids, Ord::cmp);
    ids.dedup();
    let name = |id: PartnerId| {
        partners
            .iter()
            .find(|p| p.id == id)
            .map_or_else(|| id.to_string(), |p| p.name.to_string())
    };
    let mut rows: Vec<(String, PartnerId)> = ids.into_iter().map(|id| (name(id), id)).collect();
    crate::order::sort_by(&mut rows, Ord::cmp);
    let mut grid = vec![vec![0u64; K::ALL.len()]; rows.len()];
    for c in counts {
        let Some(k) = key(c) else { continue };
        if let (Some(i), Some(j)) = (
            rows.iter().position(|(_, id)| *id == c.partner),
            K::ALL.iter().position(|x| x.code() == k.code()),
        ) {
            grid[i][j] += c.count;
        }
    }
    CountTable::new(
        rows.into_iter().map(|(n, _)| n).collect(),
        K::ALL.iter().map(|k| k.code().to_string()).collect(),
        grid,
    )
}

fn publish_days(d: DaysSummary, threshold: Option<u32>) -> PublishedDays {
    let n = suppress_count(d.n, threshold);
    PublishedDays {
        n,
        median: n.and(d.median),
    }
}

impl SignalStatistics {
    /// Publishes the counts: exact when `threshold` is `None`, otherwise
    /// with primary and secondary suppression at it.
    pub fn publish(
        period: Period,
        counts: &SignalCounts,
        partners: &[Partner],
        threshold: Option<u32>,
    ) -> SignalStatistics {
        let sup = |t: CountTable| match threshold {
            Some(th) => t.suppressed(th),
            None => t,
        };
        SignalStatistics {
            period,
            threshold,
            by_domain: sup(month_table(&counts.by_domain)),
            by_urgency: sup(month_table(&counts.by_urgency)),
            referrals_by_status: sup(partner_table(&counts.referrals, partners, |c| {
                Some(c.status)
            })),
            referrals_by_outcome: sup(partner_table(&counts.referrals, partners, |c| c.outcome)),
            days_to_referral: publish_days(counts.days_to_referral, threshold),
            days_to_closure: publish_days(counts.days_to_closure, threshold),
        }
    }
}

/// The median of durations in days (for backends that compute it outside SQL
/// — the memory store).
pub fn median_days(mut days: Vec<f64>) -> DaysSummary {
    crate::order::sort_by(&mut days, f64::total_cmp);
    let n = days.len();
    let median = match n {
        0 => None,
        _ if n % 2 == 1 => Some(days[n / 2]),
        _ => Some((days[n / 2 - 1] + days[n / 2]) / 2.0),
    };
    DaysSummary {
        n: n as u64,
        median,
    }
}
