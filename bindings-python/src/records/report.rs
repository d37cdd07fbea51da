//! The hub report: `HubReport` with its figures as frozen records, and its
//! Markdown and HTML renderings (made by the core). `None` is a hidden
//! (suppressed) count, never 0.

use super::{HoursByRole, ImpactRow, Repr};
use crate::errors::OrRaise;
use chrono::NaiveDate;
use kringloop::{CodeList, Counted, Lang};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use std::collections::BTreeMap;

/// Counts per code as a `{code: count}` dict.
fn by_code<K: CodeList>(counted: &[Counted<K>]) -> BTreeMap<String, Option<u64>> {
    counted
        .iter()
        .map(|c| (c.key.code().to_string(), c.count))
        .collect()
}

record! {
    /// Volunteers in the period: `active` (a worked shift), `started`, `left`.
    VolunteerFigures repr(active, started, left) {
        active: Option<u64>,
        started: Option<u64>,
        left: Option<u64>,
    }
}

record! {
    /// Worked minutes and shifts in the period, in all and per role.
    HoursFigures repr(minutes, shifts) {
        minutes: i64,
        shifts: i64,
        by_role: Vec<HoursByRole>,
    }
}

record! {
    /// Movement on the participation ladder: volunteers `measured` in the
    /// period, of whom `compared` had an earlier step; `up`, `same`, `down`.
    LadderFigures repr(measured, compared, up, same, down) {
        measured: Option<u64>,
        compared: Option<u64>,
        up: Option<u64>,
        same: Option<u64>,
        down: Option<u64>,
    }
}

record! {
    /// Courses `running` in the period, their `participants` (places taken)
    /// and the `completions` of courses that ended in it.
    CourseFigures repr(running, participants, completions) {
        running: u64,
        participants: Option<u64>,
        completions: Option<u64>,
    }
}

record! {
    /// Activity sessions held and cancelled, attendance and first-timers.
    ActivityFigures repr(sessions_held, sessions_cancelled, attendance, first_timers) {
        sessions_held: u64,
        sessions_cancelled: u64,
        attendance: Option<u64>,
        first_timers: Option<u64>,
    }
}

record! {
    /// The daily tally at the big table, summed over the period.
    TableFigures repr(days, visitors, conversations) {
        days: u64,
        visitors: Option<u64>,
        conversations: u64,
    }
}

record! {
    /// Signals recorded in the period and `{domain code: count}` (a signal
    /// counts once in each of its domains).
    SignalFigures repr(signals, by_domain) {
        signals: Option<u64>,
        by_domain: BTreeMap<String, Option<u64>>,
    }
}

record! {
    /// Referrals made in the period: `{status code: count}` and, for the
    /// closed ones, `{outcome code: count}`.
    ReferralFigures repr(referrals, by_status, by_outcome) {
        referrals: Option<u64>,
        by_status: BTreeMap<String, Option<u64>>,
        by_outcome: BTreeMap<String, Option<u64>>,
    }
}

record! {
    /// Sales of one month (`YYYY-MM`): `revenue` in `int` cents and items.
    SalesMonth repr(month, revenue, items) {
        month: String,
        revenue: i64,
        items: i64,
    }
}

record! {
    /// Sales and refunds rung up in the period; `revenue` in `int` cents and
    /// `items_sold`, refunds subtracted; per month.
    SalesFigures repr(sales, refunds, revenue, items_sold) {
        sales: u64,
        refunds: u64,
        revenue: i64,
        items_sold: i64,
        by_month: Vec<SalesMonth>,
    }
}

record! {
    /// Grams reused (sold, net of refunds) and grams of CO2e avoided, in all
    /// and per category.
    ReuseFigures repr(grams_reused, grams_co2e_avoided) {
        grams_reused: i64,
        grams_co2e_avoided: i64,
        by_category: Vec<ImpactRow>,
    }
}

/// The hub report of a period. The figures are read-only properties;
/// `to_markdown(lang)` and `to_html(lang)` render it in Dutch (`"nl"`) or
/// English (`"en"`).
#[pyclass(frozen, eq, skip_from_py_object, module = "kringloop")]
#[derive(Debug, Clone, PartialEq)]
pub struct HubReport {
    inner: kringloop::HubReport,
}

impl From<kringloop::HubReport> for HubReport {
    fn from(inner: kringloop::HubReport) -> Self {
        HubReport { inner }
    }
}

#[pymethods]
impl HubReport {
    /// The hub's slug.
    #[getter]
    fn hub(&self) -> String {
        self.inner.hub.clone()
    }

    /// The first day of the period.
    #[getter]
    fn start_date(&self) -> NaiveDate {
        self.inner.period.from()
    }

    /// The last day of the period.
    #[getter]
    fn end_date(&self) -> NaiveDate {
        self.inner.period.to()
    }

    /// The suppression threshold applied (researchers), or `None` (exact).
    #[getter]
    fn threshold(&self) -> Option<u32> {
        self.inner.threshold
    }

    /// Volunteers.
    #[getter]
    fn volunteers(&self) -> VolunteerFigures {
        let v = self.inner.volunteers;
        VolunteerFigures {
            active: v.active,
            started: v.started,
            left: v.left,
        }
    }

    /// Hours worked.
    #[getter]
    fn hours(&self) -> HoursFigures {
        let h = &self.inner.hours;
        HoursFigures {
            minutes: h.minutes,
            shifts: h.shifts,
            by_role: h.by_role.iter().cloned().map(HoursByRole::from).collect(),
        }
    }

    /// Movement on the participation ladder.
    #[getter]
    fn ladder(&self) -> LadderFigures {
        let l = self.inner.ladder;
        LadderFigures {
            measured: l.measured,
            compared: l.compared,
            up: l.up,
            same: l.same,
            down: l.down,
        }
    }

    /// Courses.
    #[getter]
    fn courses(&self) -> CourseFigures {
        let c = self.inner.courses;
        CourseFigures {
            running: c.running,
            participants: c.participants,
            completions: c.completions,
        }
    }

    /// Activity sessions.
    #[getter]
    fn activities(&self) -> ActivityFigures {
        let a = self.inner.activities;
        ActivityFigures {
            sessions_held: a.sessions_held,
            sessions_cancelled: a.sessions_cancelled,
            attendance: a.attendance,
            first_timers: a.first_timers,
        }
    }

    /// The big table.
    #[getter]
    fn table(&self) -> TableFigures {
        let t = self.inner.table;
        TableFigures {
            days: t.days,
            visitors: t.visitors,
            conversations: t.conversations,
        }
    }

    /// Signals.
    #[getter]
    fn signals(&self) -> SignalFigures {
        let s = &self.inner.signals;
        SignalFigures {
            signals: s.signals,
            by_domain: by_code(&s.by_domain),
        }
    }

    /// Referrals.
    #[getter]
    fn referrals(&self) -> ReferralFigures {
        let r = &self.inner.referrals;
        ReferralFigures {
            referrals: r.referrals,
            by_status: by_code(&r.by_status),
            by_outcome: by_code(&r.by_outcome),
        }
    }

    /// Sales.
    #[getter]
    fn sales(&self) -> SalesFigures {
        let s = &self.inner.sales;
        SalesFigures {
            sales: s.sales,
            refunds: s.refunds,
            revenue: s.revenue.cents(),
            items_sold: s.items_sold,
            by_month: s
                .by_month
                .iter()
                .map(|m| SalesMonth {
                    month: m.month.clone(),
                    revenue: m.revenue.cents(),
                    items: m.items,
                })
                .collect(),
        }
    }

    /// Reuse.
    #[getter]
    fn reuse(&self) -> ReuseFigures {
        let r = &self.inner.reuse;
        ReuseFigures {
            grams_reused: r.grams_reused,
            grams_co2e_avoided: r.grams_co2e_avoided,
            by_category: r.by_category.iter().cloned().map(ImpactRow::from).collect(),
        }
    }

    /// The report as Markdown in `lang` (`"nl"` or `"en"`).
    #[pyo3(signature = (lang = "nl"))]
    fn to_markdown(&self, lang: &str) -> PyResult<String> {
        Ok(self.inner.to_markdown(Lang::parse(lang).or_raise()?))
    }

    /// The report as one standalone HTML page in `lang` (`"nl"` or `"en"`):
    /// inline CSS and SVG charts, no script, no URL.
    #[pyo3(signature = (lang = "nl"))]
    fn to_html(&self, lang: &str) -> PyResult<String> {
        Ok(self.inner.to_html(Lang::parse(lang).or_raise()?))
    }

    /// The figures as a plain `dict` of the records above.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("hub", self.hub())?;
        d.set_item("start_date", self.start_date())?;
        d.set_item("end_date", self.end_date())?;
        d.set_item("threshold", self.threshold())?;
        d.set_item("volunteers", self.volunteers())?;
        d.set_item("hours", self.hours())?;
        d.set_item("ladder", self.ladder())?;
        d.set_item("courses", self.courses())?;
        d.set_item("activities", self.activities())?;
        d.set_item("table", self.table())?;
        d.set_item("signals", self.signals())?;
        d.set_item("referrals", self.referrals())?;
        d.set_item("sales", self.sales())?;
        d.set_item("reuse", self.reuse())?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!(
            "HubReport(hub={}, start_date={}, end_date={}, threshold={})",
            self.hub().repr(),
            self.start_date().repr(),
            self.end_date().repr(),
            self.threshold().repr()
        )
    }
}
