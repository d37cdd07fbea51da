//! `Hub`: the operations of [`kringloop::Hub`] with Python arguments. Each
//! method converts its arguments, runs the core call with the GIL released
//! and converts the result; the core checks permissions and rules.

use crate::actor::Actor;
use crate::convert::{self, Availability, Change, ItemArgs, PolicyArgs, Strings};
use crate::errors::OrRaise;
use crate::records::{
    self, Activity, ActivityReport, Assessment, CashUp, Coaching, CoachingSuggestion, CohortCurve,
    Conflict, Course, CourseEffect, Enrolment, FollowUpDue, HoursByRole, HoursByVolunteer, Idea,
    ImpactFactor, ImpactRow, ImportReport, Item, ItemView, JournalRecord, Json, MilestoneReached,
    OpeningSlot, Partner, PartnerSuggestion, PricingPolicy, PurgeReport, Referral, Resident,
    RosterGap, Sale, SalesRow, Schedule, ScheduleChange, Session, Shift, Signal, SignalPolicy,
    SignalStatistics, SignalView, StockMove, StockOnHand, SyncConflict, TableTally, Trajectory,
    VogStatus, Volunteer, Withdrawal,
};
use crate::runtime::block_on;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Utc};
use kringloop::{
    Basket, Clock, Error, FixedClock, IdeaStatusChange, Lang, NewActivity, NewAssessment,
    NewAttendance, NewCashUp, NewCoaching, NewConflict, NewConflictFollowUp, NewCourse, NewIdea,
    NewMove, NewPartner, NewReferral, NewResident, NewSchedule, NewShift, NewSignal, NewTally,
    NewVolunteer, ReferralChange, RefundRequest, SignalFilter, SignalUpdate, SystemClock,
    VolunteerUpdate,
};
use pyo3::exceptions::{PyRuntimeError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use std::sync::Arc;

/// One hub (a shop with its activities) in a store. Open with `Hub.open`.
#[pyclass(frozen, module = "kringloop")]
pub struct Hub {
    inner: kringloop::Hub,
    /// The fixed clock when opened with `now=`, so `set_now` can move it.
    fixed: Option<Arc<FixedClock>>,
}

#[pymethods]
impl Hub {
    /// Opens (and on first use creates) the hub `hub` in the store at `url`.
    #[staticmethod]
    #[pyo3(signature = (url, hub, *, now = None))]
    fn open(
        py: Python<'_>,
        url: String,
        hub: String,
        now: Option<DateTime<FixedOffset>>,
    ) -> PyResult<Hub> {
        let fixed = now.map(|t| Arc::new(FixedClock::new(t.with_timezone(&Utc))));
        let clock: Arc<dyn Clock> = match &fixed {
            Some(c) => c.clone(),
            None => Arc::new(SystemClock),
        };
        let inner = block_on(py, kringloop::Hub::open_with_clock(&url, &hub, clock))?.or_raise()?;
        Ok(Hub { inner, fixed })
    }

    /// The hub's slug, e.g. `oude-bieb`.
    #[getter]
    fn slug(&self) -> String {
        self.inner.slug().to_string()
    }

    /// The hub's id.
    #[getter]
    fn id(&self) -> String {
        self.inner.id().to_string()
    }

    /// The hub clock's current time (timezone-aware, UTC).
    #[getter]
    fn now(&self) -> DateTime<Utc> {
        self.inner.clock().now()
    }

    /// Moves the fixed clock of a hub opened with `now=`.
    fn set_now(&self, now: DateTime<FixedOffset>) -> PyResult<()> {
        match &self.fixed {
            Some(clock) => {
                clock.set(now.with_timezone(&Utc));
                Ok(())
            }
            None => Err(PyRuntimeError::new_err(
                "set_now needs a hub opened with a fixed clock: Hub.open(url, hub, now=...)",
            )),
        }
    }

    fn __repr__(&self) -> String {
        format!(
            "Hub(slug='{}', id='{}')",
            self.inner.slug(),
            self.inner.id()
        )
    }

    // ---- volunteers ----

    /// Registers a volunteer (coordinators, admins).
    #[pyo3(signature = (actor, display_name, *, contact = None, start_date = None, status = None,
        roles = Strings::default(), skills = Strings::default(), availability = Vec::new(), vog_date = None))]
    #[allow(clippy::too_many_arguments)]
    fn register_volunteer(
        &self,
        py: Python<'_>,
        actor: &Actor,
        display_name: String,
        contact: Option<String>,
        start_date: Option<NaiveDate>,
        status: Option<String>,
        roles: Strings,
        skills: Strings,
        availability: Vec<Availability>,
        vog_date: Option<NaiveDate>,
    ) -> PyResult<Volunteer> {
        let input = NewVolunteer {
            display_name,
            contact,
            start_date,
            status: convert::opt_code(status.as_deref())?,
            roles: convert::codes(&roles.0)?,
            skills: skills.0,
            availability: convert::availability(&availability)?,
            vog_date,
        };
        let v = block_on(py, self.inner.register_volunteer(&actor.inner, input))?.or_raise()?;
        Ok(v.into())
    }

    /// Changes a volunteer's details (coordinators, admins). Arguments left
    /// out stay as they are; `contact=None` / `vog_date=None` clear those.
    #[pyo3(signature = (actor, volunteer_id, *, display_name = None, contact = Change::Keep,
        start_date = None, roles = None, skills = None, availability = None, vog_date = Change::Keep))]
    #[allow(clippy::too_many_arguments)]
    fn update_volunteer(
        &self,
        py: Python<'_>,
        actor: &Actor,
        volunteer_id: String,
        display_name: Option<String>,
        contact: Change<String>,
        start_date: Option<NaiveDate>,
        roles: Option<Strings>,
        skills: Option<Strings>,
        availability: Option<Vec<Availability>>,
        vog_date: Change<NaiveDate>,
    ) -> PyResult<Volunteer> {
        let id = convert::volunteer_id(&volunteer_id)?;
        let update = VolunteerUpdate {
            display_name,
            contact: contact.into_update(),
            start_date,
            roles: roles.map(|r| convert::codes(&r.0)).transpose()?,
            skills: skills.map(|s| s.0),
            availability: availability
                .map(|a| convert::availability(&a))
                .transpose()?,
            vog_date: vog_date.into_update(),
        };
        let v = block_on(py, self.inner.update_volunteer(&actor.inner, id, update))?.or_raise()?;
        Ok(v.into())
    }

    /// Moves a volunteer to status `to` from `on` (default today).
    #[pyo3(signature = (actor, volunteer_id, to, *, reason = None, on = None))]
    fn change_volunteer_status(
        &self,
        py: Python<'_>,
        actor: &Actor,
        volunteer_id: String,
        to: String,
        reason: Option<String>,
        on: Option<NaiveDate>,
    ) -> PyResult<Volunteer> {
        let id = convert::volunteer_id(&volunteer_id)?;
        let to = convert::code(&to)?;
        let call = self
            .inner
            .change_volunteer_status(&actor.inner, id, to, reason.as_deref(), on);
        Ok(block_on(py, call)?.or_raise()?.into())
    }

    /// One volunteer: coordinators and admins any, a volunteer their own.
    fn volunteer(
        &self,
        py: Python<'_>,
        actor: &Actor,
        volunteer_id: String,
    ) -> PyResult<Volunteer> {
        let id = convert::volunteer_id(&volunteer_id)?;
        Ok(block_on(py, self.inner.volunteer(&actor.inner, id))?
            .or_raise()?
            .into())
    }

    /// All volunteers, optionally of one status, by name.
    #[pyo3(signature = (actor, *, status = None))]
    fn volunteers(
        &self,
        py: Python<'_>,
        actor: &Actor,
        status: Option<String>,
    ) -> PyResult<Vec<Volunteer>> {
        let status = convert::opt_code(status.as_deref())?;
        let all = block_on(py, self.inner.volunteers(&actor.inner, status))?.or_raise()?;
        Ok(all.into_iter().map(Volunteer::from).collect())
    }

    // ---- shifts ----

    /// Puts a shift on the roster (coordinators, admins).
    #[pyo3(signature = (actor, volunteer_id, role, date, start, end, *, note = None))]
    #[allow(clippy::too_many_arguments)]
    fn plan_shift(
        &self,
        py: Python<'_>,
        actor: &Actor,
        volunteer_id: String,
        role: String,
        date: NaiveDate,
        start: NaiveTime,
        end: NaiveTime,
        note: Option<String>,
    ) -> PyResult<Shift> {
        let input = new_shift(&volunteer_id, &role, date, start, end, note)?;
        Ok(block_on(py, self.inner.plan_shift(&actor.inner, input))?
            .or_raise()?
            .into())
    }

    /// Records a shift worked without being planned (not in the future).
    #[pyo3(signature = (actor, volunteer_id, role, date, start, end, *, note = None))]
    #[allow(clippy::too_many_arguments)]
    fn record_shift(
        &self,
        py: Python<'_>,
        actor: &Actor,
        volunteer_id: String,
        role: String,
        date: NaiveDate,
        start: NaiveTime,
        end: NaiveTime,
        note: Option<String>,
    ) -> PyResult<Shift> {
        let input = new_shift(&volunteer_id, &role, date, start, end, note)?;
        Ok(block_on(py, self.inner.record_shift(&actor.inner, input))?
            .or_raise()?
            .into())
    }

    /// Marks a planned shift as worked, optionally with the times worked
    /// (give both `start` and `end`, or neither).
    #[pyo3(signature = (actor, shift_id, *, start = None, end = None))]
    fn complete_shift(
        &self,
        py: Python<'_>,
        actor: &Actor,
        shift_id: String,
        start: Option<NaiveTime>,
        end: Option<NaiveTime>,
    ) -> PyResult<Shift> {
        let id = convert::shift_id(&shift_id)?;
        let actual = match (start, end) {
            (Some(s), Some(e)) => Some(convert::span(s, e)?),
            (None, None) => None,
            (Some(_), None) => return Err(both("end")),
            (None, Some(_)) => return Err(both("start")),
        };
        Ok(
            block_on(py, self.inner.complete_shift(&actor.inner, id, actual))?
                .or_raise()?
                .into(),
        )
    }

    /// Cancels a planned shift, with an optional reason.
    #[pyo3(signature = (actor, shift_id, *, reason = None))]
    fn cancel_shift(
        &self,
        py: Python<'_>,
        actor: &Actor,
        shift_id: String,
        reason: Option<String>,
    ) -> PyResult<Shift> {
        let id = convert::shift_id(&shift_id)?;
        let call = self.inner.cancel_shift(&actor.inner, id, reason.as_deref());
        Ok(block_on(py, call)?.or_raise()?.into())
    }

    /// The roster from `start_date` to `end_date` (inclusive).
    #[pyo3(signature = (actor, start_date, end_date, *, volunteer_id = None, include_cancelled = false))]
    fn shifts(
        &self,
        py: Python<'_>,
        actor: &Actor,
        start_date: NaiveDate,
        end_date: NaiveDate,
        volunteer_id: Option<String>,
        include_cancelled: bool,
    ) -> PyResult<Vec<Shift>> {
        let period = convert::period(start_date, end_date)?;
        let volunteer = volunteer_id
            .as_deref()
            .map(convert::volunteer_id)
            .transpose()?;
        let call = self
            .inner
            .shifts(&actor.inner, period, volunteer, include_cancelled);
        Ok(block_on(py, call)?
            .or_raise()?
            .into_iter()
            .map(Shift::from)
            .collect())
    }

    // ---- hours and milestones ----

    /// Worked hours per volunteer from `start_date` to `end_date`.
    fn hours_by_volunteer(
        &self,
        py: Python<'_>,
        actor: &Actor,
        start_date: NaiveDate,
        end_date: NaiveDate,
    ) -> PyResult<Vec<HoursByVolunteer>> {
        let period = convert::period(start_date, end_date)?;
        let rows = block_on(py, self.inner.hours_by_volunteer(&actor.inner, period))?.or_raise()?;
        Ok(rows.into_iter().map(HoursByVolunteer::from).collect())
    }

    /// Worked hours per role from `start_date` to `end_date`.
    fn hours_by_role(
        &self,
        py: Python<'_>,
        actor: &Actor,
        start_date: NaiveDate,
        end_date: NaiveDate,
    ) -> PyResult<Vec<HoursByRole>> {
        let period = convert::period(start_date, end_date)?;
        let rows = block_on(py, self.inner.hours_by_role(&actor.inner, period))?.or_raise()?;
        Ok(rows.into_iter().map(HoursByRole::from).collect())
    }

    /// Hour milestones (50/100/250/500/1000) passed from `start_date` to `end_date`.
    fn milestones(
        &self,
        py: Python<'_>,
        actor: &Actor,
        start_date: NaiveDate,
        end_date: NaiveDate,
    ) -> PyResult<Vec<MilestoneReached>> {
        let period = convert::period(start_date, end_date)?;
        let rows = block_on(py, self.inner.milestones(&actor.inner, period))?.or_raise()?;
        Ok(rows.into_iter().map(MilestoneReached::from).collect())
    }

    // ---- opening hours, roster gaps, VOG ----

    /// Replaces the weekly opening hours. Each slot is a dict
    /// `{"weekday", "start", "end", "staffing": {role: count}}`.
    fn set_opening_hours(
        &self,
        py: Python<'_>,
        actor: &Actor,
        slots: Vec<Bound<'_, PyDict>>,
    ) -> PyResult<Vec<OpeningSlot>> {
        let slots = slots
            .iter()
            .enumerate()
            .map(|(i, s)| convert::opening_slot(i, s))
            .collect::<PyResult<Vec<_>>>()?;
        let hours = block_on(py, self.inner.set_opening_hours(&actor.inner, slots))?.or_raise()?;
        Ok(records::opening_hours(&hours))
    }

    /// The weekly opening hours, sorted by weekday and time.
    fn opening_hours(&self, py: Python<'_>, actor: &Actor) -> PyResult<Vec<OpeningSlot>> {
        let hours = block_on(py, self.inner.opening_hours(&actor.inner))?.or_raise()?;
        Ok(records::opening_hours(&hours))
    }

    /// Where the roster falls short of the opening hours' staffing needs.
    fn roster_gaps(
        &self,
        py: Python<'_>,
        actor: &Actor,
        start_date: NaiveDate,
        end_date: NaiveDate,
    ) -> PyResult<Vec<RosterGap>> {
        let period = convert::period(start_date, end_date)?;
        let gaps = block_on(py, self.inner.roster_gaps(&actor.inner, period))?.or_raise()?;
        Ok(gaps.into_iter().map(RosterGap::from).collect())
    }

    /// Volunteers whose VOG is missing, expired or expires within `within_days`.
    #[pyo3(signature = (actor, within_days = 60))]
    fn vog_expiring(
        &self,
        py: Python<'_>,
        actor: &Actor,
        within_days: i64,
    ) -> PyResult<Vec<VogStatus>> {
        let days = u32::try_from(within_days).map_err(|_| {
            crate::errors::to_py(Error::validation(
                "within_days",
                format!("{within_days} is not a number of days"),
            ))
        })?;
        let rows = block_on(py, self.inner.vog_expiring(&actor.inner, days))?.or_raise()?;
        Ok(rows.into_iter().map(VogStatus::from).collect())
    }

    // ---- stock: intake, items, moves ----

    /// Takes in one lot of donated goods (volunteers, coordinators, admins).
    /// `price_override` is in cents.
    #[pyo3(signature = (actor, category, description, condition, weight_grams, *,
        quantity = 1, donor = None, intake_date = None, price_override = None))]
    #[allow(clippy::too_many_arguments)]
    fn take_in(
        &self,
        py: Python<'_>,
        actor: &Actor,
        category: String,
        description: String,
        condition: String,
        weight_grams: i64,
        quantity: i64,
        donor: Option<String>,
        intake_date: Option<NaiveDate>,
        price_override: Option<i64>,
    ) -> PyResult<Item> {
        let input = ItemArgs {
            category,
            description,
            condition,
            weight_grams,
            quantity,
            donor,
            intake_date,
            price_override,
        }
        .into_new_item()
        .or_raise()?;
        Ok(block_on(py, self.inner.take_in(&actor.inner, input))?
            .or_raise()?
            .into())
    }

    /// Takes in many lots at once, all or none. Each is a dict with the keys
    /// of `take_in`'s arguments.
    fn take_in_batch(
        &self,
        py: Python<'_>,
        actor: &Actor,
        items: &Bound<'_, PyAny>,
    ) -> PyResult<Vec<Item>> {
        if items.is_instance_of::<PyDict>() || items.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err(
                "expected an iterable of dicts (e.g. a list), one per item",
            ));
        }
        let mut args = Vec::new();
        for (i, item) in items.try_iter()?.enumerate() {
            let item = item?;
            let d = item
                .cast::<PyDict>()
                .map_err(|_| PyTypeError::new_err(format!("item {}: expected a dict", i + 1)))?;
            args.push(convert::item_args(i + 1, d)?);
        }
        let n = args.len();
        let inputs = args
            .into_iter()
            .enumerate()
            .map(|(i, a)| {
                a.into_new_item().map_err(|e| match e {
                    // numbered as the core numbers its own refusals in a batch
                    Error::Validation { field, reason } if n > 1 => {
                        Error::validation(field, format!("item {}: {reason}", i + 1))
                    }
                    other => other,
                })
            })
            .collect::<kringloop::Result<Vec<_>>>()
            .or_raise()?;
        let items = block_on(py, self.inner.take_in_batch(&actor.inner, inputs))?.or_raise()?;
        Ok(items.into_iter().map(Item::from).collect())
    }

    /// One item with its stock on hand and today's price tag.
    fn item(&self, py: Python<'_>, actor: &Actor, item_id: String) -> PyResult<ItemView> {
        let id = convert::item_id(&item_id)?;
        Ok(block_on(py, self.inner.item(&actor.inner, id))?
            .or_raise()?
            .into())
    }

    /// An item's ledger, oldest move first.
    fn moves(&self, py: Python<'_>, actor: &Actor, item_id: String) -> PyResult<Vec<StockMove>> {
        let id = convert::item_id(&item_id)?;
        let moves = block_on(py, self.inner.moves(&actor.inner, id))?.or_raise()?;
        Ok(moves.into_iter().map(StockMove::from).collect())
    }

    /// Records a `discard`, `recycle`, `transfer`, `correction` or `markdown`
    /// (`unit_price` in cents: the markdown's new price).
    #[pyo3(signature = (actor, item_id, kind, *, quantity = 0, unit_price = None, reason = None))]
    #[allow(clippy::too_many_arguments)]
    fn record_move(
        &self,
        py: Python<'_>,
        actor: &Actor,
        item_id: String,
        kind: String,
        quantity: i64,
        unit_price: Option<i64>,
        reason: Option<String>,
    ) -> PyResult<StockMove> {
        let input = NewMove {
            item_id: convert::item_id(&item_id)?,
            kind: convert::code(&kind)?,
            quantity,
            unit_price: unit_price.map(convert::cents),
            reason,
        };
        Ok(block_on(py, self.inner.record_move(&actor.inner, input))?
            .or_raise()?
            .into())
    }

    // ---- pricing ----

    /// The hub's pricing policy (the standard one until one is set).
    fn pricing_policy(&self, py: Python<'_>, actor: &Actor) -> PyResult<PricingPolicy> {
        let policy = block_on(py, self.inner.pricing_policy(&actor.inner))?.or_raise()?;
        Ok(PricingPolicy::from(&policy))
    }

    /// Replaces the pricing policy (coordinators, admins) with a
    /// `PricingPolicy` or a dict shaped like `PricingPolicy.to_dict()`.
    fn set_pricing_policy(
        &self,
        py: Python<'_>,
        actor: &Actor,
        policy: &Bound<'_, PyAny>,
    ) -> PyResult<PricingPolicy> {
        let raw = PolicyArgs::extract(policy)?.into_raw().or_raise()?;
        let policy = kringloop::PricingPolicy::new(raw).or_raise()?;
        let set = block_on(py, self.inner.set_pricing_policy(&actor.inner, policy))?.or_raise()?;
        Ok(PricingPolicy::from(&set))
    }

    // ---- reuse impact ----

    /// The hub's reuse-impact factors, by category (the published defaults
    /// until a coordinator sets others; see `docs/impact.md`).
    fn impact_factors(&self, py: Python<'_>, actor: &Actor) -> PyResult<Vec<ImpactFactor>> {
        let factors = block_on(py, self.inner.impact_factors(&actor.inner))?.or_raise()?;
        Ok(factors.factors().iter().map(ImpactFactor::from).collect())
    }

    /// Replaces the impact factors (coordinators, admins) with `ImpactFactor`s
    /// or dicts shaped like `ImpactFactor.to_dict()`; returns them by category.
    fn set_impact_factors(
        &self,
        py: Python<'_>,
        actor: &Actor,
        factors: &Bound<'_, PyAny>,
    ) -> PyResult<Vec<ImpactFactor>> {
        let factors =
            kringloop::ImpactFactors::new(convert::impact_factors(factors)?).or_raise()?;
        let set = block_on(py, self.inner.set_impact_factors(&actor.inner, factors))?.or_raise()?;
        Ok(set.factors().iter().map(ImpactFactor::from).collect())
    }

    /// Kilograms reused per category from `start_date` to `end_date` (sold,
    /// net of returns) and the CO2e that avoided by the hub's factors.
    fn reuse_impact(
        &self,
        py: Python<'_>,
        actor: &Actor,
        start_date: NaiveDate,
        end_date: NaiveDate,
    ) -> PyResult<Vec<ImpactRow>> {
        let period = convert::period(start_date, end_date)?;
        let rows = block_on(py, self.inner.reuse_impact(&actor.inner, period))?.or_raise()?;
        Ok(rows.into_iter().map(ImpactRow::from).collect())
    }

    // ---- the till ----

    /// Sells a basket: `lines` are `(item_id, quantity)` tuples or
    /// `{"item_id", "quantity"}` dicts; `at` (aware) for a sale recorded later.
    #[pyo3(signature = (actor, till, lines, *, payment = "cash", city_pass = false, at = None))]
    #[allow(clippy::too_many_arguments)]
    fn checkout(
        &self,
        py: Python<'_>,
        actor: &Actor,
        till: String,
        lines: &Bound<'_, PyAny>,
        payment: &str,
        city_pass: bool,
        at: Option<DateTime<FixedOffset>>,
    ) -> PyResult<Sale> {
        let basket = Basket {
            till,
            lines: convert::basket_lines(lines)?,
            payment: convert::code(payment)?,
            city_pass,
            at: at.map(|t| t.with_timezone(&Utc)),
        };
        Ok(block_on(py, self.inner.checkout(&actor.inner, basket))?
            .or_raise()?
            .into())
    }

    /// Refunds (part of) a sale as a new reversing sale; `lines` as in
    /// `checkout`, empty for every line in full.
    #[pyo3(signature = (actor, sale_id, till, *, lines = None, payment = "cash"))]
    fn refund(
        &self,
        py: Python<'_>,
        actor: &Actor,
        sale_id: String,
        till: String,
        lines: Option<&Bound<'_, PyAny>>,
        payment: &str,
    ) -> PyResult<Sale> {
        let request = RefundRequest {
            sale_id: convert::sale_id(&sale_id)?,
            till,
            lines: lines
                .map(convert::basket_lines)
                .transpose()?
                .unwrap_or_default(),
            payment: convert::code(payment)?,
        };
        Ok(block_on(py, self.inner.refund(&actor.inner, request))?
            .or_raise()?
            .into())
    }

    /// One sale or refund with its lines.
    fn sale(&self, py: Python<'_>, actor: &Actor, sale_id: String) -> PyResult<Sale> {
        let id = convert::sale_id(&sale_id)?;
        Ok(block_on(py, self.inner.sale(&actor.inner, id))?
            .or_raise()?
            .into())
    }

    /// Counts a till at the end of `date` (default today); amounts in cents.
    #[pyo3(signature = (actor, till, opening_float, counted, *, date = None))]
    fn cash_up(
        &self,
        py: Python<'_>,
        actor: &Actor,
        till: String,
        opening_float: i64,
        counted: i64,
        date: Option<NaiveDate>,
    ) -> PyResult<CashUp> {
        let input = NewCashUp {
            till,
            date,
            opening_float: convert::cents(opening_float),
            counted: convert::cents(counted),
        };
        Ok(block_on(py, self.inner.cash_up(&actor.inner, input))?
            .or_raise()?
            .into())
    }

    /// Cash-ups from `start_date` to `end_date` (coordinators, admins).
    fn cash_ups(
        &self,
        py: Python<'_>,
        actor: &Actor,
        start_date: NaiveDate,
        end_date: NaiveDate,
    ) -> PyResult<Vec<CashUp>> {
        let period = convert::period(start_date, end_date)?;
        let rows = block_on(py, self.inner.cash_ups(&actor.inner, period))?.or_raise()?;
        Ok(rows.into_iter().map(CashUp::from).collect())
    }

    // ---- stock and sales reports ----

    /// Stock on hand per category and tag colour, valued at the prices of `on` (default today).
    #[pyo3(signature = (actor, *, on = None))]
    fn stock_on_hand(
        &self,
        py: Python<'_>,
        actor: &Actor,
        on: Option<NaiveDate>,
    ) -> PyResult<Vec<StockOnHand>> {
        let rows = block_on(py, self.inner.stock_on_hand(&actor.inner, on))?.or_raise()?;
        Ok(rows.into_iter().map(StockOnHand::from).collect())
    }

    /// Items in stock taken in more than `weeks` weeks ago, oldest first, at most `limit`.
    #[pyo3(signature = (actor, weeks, *, limit = 1000))]
    fn ageing(
        &self,
        py: Python<'_>,
        actor: &Actor,
        weeks: i64,
        limit: i64,
    ) -> PyResult<Vec<ItemView>> {
        let weeks = convert::whole("weeks", weeks, "a number of weeks").or_raise()?;
        // Out-of-range limits go to the core as 0 so that it refuses them with its own message.
        let limit = u32::try_from(limit).unwrap_or(0);
        let rows = block_on(py, self.inner.ageing(&actor.inner, weeks, limit))?.or_raise()?;
        Ok(rows.into_iter().map(ItemView::from).collect())
    }

    /// Revenue, units and weight sold per category per `day`, `week` or `month`.
    #[pyo3(signature = (actor, start_date, end_date, *, bucket = "month"))]
    fn sales_report(
        &self,
        py: Python<'_>,
        actor: &Actor,
        start_date: NaiveDate,
        end_date: NaiveDate,
        bucket: &str,
    ) -> PyResult<Vec<SalesRow>> {
        let period = convert::period(start_date, end_date)?;
        let bucket = convert::code(bucket)?;
        let rows =
            block_on(py, self.inner.sales_report(&actor.inner, period, bucket))?.or_raise()?;
        Ok(rows.into_iter().map(SalesRow::from).collect())
    }

    // ---- signals ----

    /// Records a signal a visitor shared (volunteers, coordinators, admins)
    /// and returns it with its personal fields. `urgency` defaults to
    /// `normal`, `consent` to `not_asked`. The journal gets the coded facts
    /// and the names of the personal fields given, never their values.
    #[pyo3(signature = (actor, domains, summary, *, urgency = None, person = None, contact = None,
        consent = None, do_not_contact = false))]
    #[allow(clippy::too_many_arguments)]
    fn record_signal(
        &self,
        py: Python<'_>,
        actor: &Actor,
        domains: Strings,
        summary: String,
        urgency: Option<String>,
        person: Option<String>,
        contact: Option<String>,
        consent: Option<String>,
        do_not_contact: bool,
    ) -> PyResult<SignalView> {
        let input = NewSignal {
            domains: convert::codes(&domains.0)?,
            urgency: convert::opt_code(urgency.as_deref())?,
            summary,
            person,
            contact,
            consent: convert::opt_code(consent.as_deref())?,
            do_not_contact,
        };
        Ok(block_on(py, self.inner.record_signal(&actor.inner, input))?
            .or_raise()?
            .into())
    }

    /// One signal with its personal fields: coordinators and admins any, a
    /// volunteer only an open one they recorded. The read is journalled.
    fn signal(&self, py: Python<'_>, actor: &Actor, signal_id: String) -> PyResult<SignalView> {
        let id = convert::signal_id(&signal_id)?;
        Ok(block_on(py, self.inner.signal(&actor.inner, id))?
            .or_raise()?
            .into())
    }

    /// Signals' coded facts, oldest first (no personal fields, so no read is
    /// journalled): coordinators and admins all, a volunteer their own open
    /// ones. Optionally only open ones, or those recorded from `start_date`
    /// to `end_date` (give both or neither).
    #[pyo3(signature = (actor, *, open_only = false, start_date = None, end_date = None))]
    fn signals(
        &self,
        py: Python<'_>,
        actor: &Actor,
        open_only: bool,
        start_date: Option<NaiveDate>,
        end_date: Option<NaiveDate>,
    ) -> PyResult<Vec<Signal>> {
        let filter = SignalFilter {
            open_only,
            period: convert::optional_period(start_date, end_date)?,
        };
        let rows = block_on(py, self.inner.signals(&actor.inner, filter))?.or_raise()?;
        Ok(rows.into_iter().map(Signal::from).collect())
    }

    /// Like `signals`, with the personal fields; every signal read is journalled.
    #[pyo3(signature = (actor, *, open_only = false, start_date = None, end_date = None))]
    fn signal_views(
        &self,
        py: Python<'_>,
        actor: &Actor,
        open_only: bool,
        start_date: Option<NaiveDate>,
        end_date: Option<NaiveDate>,
    ) -> PyResult<Vec<SignalView>> {
        let filter = SignalFilter {
            open_only,
            period: convert::optional_period(start_date, end_date)?,
        };
        let rows = block_on(py, self.inner.signal_views(&actor.inner, filter))?.or_raise()?;
        Ok(rows.into_iter().map(SignalView::from).collect())
    }

    /// Changes an open signal's domains, urgency, consent (asked now, by the
    /// actor) or do-not-contact flag: coordinators any, a volunteer their
    /// own. Arguments left out stay as they are.
    #[pyo3(signature = (actor, signal_id, *, domains = None, urgency = None, consent = None,
        do_not_contact = None))]
    #[allow(clippy::too_many_arguments)]
    fn update_signal(
        &self,
        py: Python<'_>,
        actor: &Actor,
        signal_id: String,
        domains: Option<Strings>,
        urgency: Option<String>,
        consent: Option<String>,
        do_not_contact: Option<bool>,
    ) -> PyResult<Signal> {
        let id = convert::signal_id(&signal_id)?;
        let change = SignalUpdate {
            domains: domains.map(|d| convert::codes(&d.0)).transpose()?,
            urgency: convert::opt_code(urgency.as_deref())?,
            consent: convert::opt_code(consent.as_deref())?,
            do_not_contact,
        };
        let call = self.inner.update_signal(&actor.inner, id, change);
        Ok(block_on(py, call)?.or_raise()?.into())
    }

    /// Closes a signal (coordinators, admins); refused while a referral of it
    /// is open. Its personal fields are erased by the purge after the
    /// retention period.
    fn close_signal(&self, py: Python<'_>, actor: &Actor, signal_id: String) -> PyResult<Signal> {
        let id = convert::signal_id(&signal_id)?;
        Ok(block_on(py, self.inner.close_signal(&actor.inner, id))?
            .or_raise()?
            .into())
    }

    // ---- partners ----

    /// Adds a partner to the directory (coordinators, admins). `services` is
    /// an iterable of dicts `{"name", "domains", "description"?}` (at least
    /// one); `status` defaults to `active`.
    #[pyo3(signature = (actor, name, services, *, description = None, email = None, phone = None,
        website = None, status = None))]
    #[allow(clippy::too_many_arguments)]
    fn register_partner(
        &self,
        py: Python<'_>,
        actor: &Actor,
        name: String,
        services: &Bound<'_, PyAny>,
        description: Option<String>,
        email: Option<String>,
        phone: Option<String>,
        website: Option<String>,
        status: Option<String>,
    ) -> PyResult<Partner> {
        let input = NewPartner {
            name,
            description,
            email,
            phone,
            website,
            status: convert::opt_code(status.as_deref())?,
            services: convert::partner_services(services)?,
        };
        Ok(
            block_on(py, self.inner.register_partner(&actor.inner, input))?
                .or_raise()?
                .into(),
        )
    }

    /// Replaces a partner's details and services (coordinators, admins), as
    /// `register_partner` takes them: what is left out is cleared, and
    /// `status` left out keeps the partner's own. A service given with the
    /// `id` of one of the partner's services (a `PartnerService` or its
    /// `to_dict()`) keeps it.
    #[pyo3(signature = (actor, partner_id, name, services, *, description = None, email = None,
        phone = None, website = None, status = None))]
    #[allow(clippy::too_many_arguments)]
    fn update_partner(
        &self,
        py: Python<'_>,
        actor: &Actor,
        partner_id: String,
        name: String,
        services: &Bound<'_, PyAny>,
        description: Option<String>,
        email: Option<String>,
        phone: Option<String>,
        website: Option<String>,
        status: Option<String>,
    ) -> PyResult<Partner> {
        let id = convert::partner_id(&partner_id)?;
        let input = NewPartner {
            name,
            description,
            email,
            phone,
            website,
            status: convert::opt_code(status.as_deref())?,
            services: convert::partner_services(services)?,
        };
        let call = self.inner.update_partner(&actor.inner, id, input);
        Ok(block_on(py, call)?.or_raise()?.into())
    }

    /// Changes a partner's status (coordinators, admins): `active`,
    /// `inactive`, `defunct` or `temporarily_closed`.
    fn set_partner_status(
        &self,
        py: Python<'_>,
        actor: &Actor,
        partner_id: String,
        status: String,
    ) -> PyResult<Partner> {
        let id = convert::partner_id(&partner_id)?;
        let status = convert::code(&status)?;
        let call = self.inner.set_partner_status(&actor.inner, id, status);
        Ok(block_on(py, call)?.or_raise()?.into())
    }

    /// One partner (every role: the directory holds no personal data).
    fn partner(&self, py: Python<'_>, actor: &Actor, partner_id: String) -> PyResult<Partner> {
        let id = convert::partner_id(&partner_id)?;
        Ok(block_on(py, self.inner.partner(&actor.inner, id))?
            .or_raise()?
            .into())
    }

    /// The partners directory, by name.
    fn partners(&self, py: Python<'_>, actor: &Actor) -> PyResult<Vec<Partner>> {
        let rows = block_on(py, self.inner.partners(&actor.inner))?.or_raise()?;
        Ok(rows.into_iter().map(Partner::from).collect())
    }

    /// The directory as Open Referral HSDS 3.0 objects: a plain dict
    /// `{"organizations": [...], "services": [...]}`, labels in `lang`
    /// (`nl` or `en`).
    #[pyo3(signature = (actor, *, lang = "nl"))]
    fn partners_hsds(&self, py: Python<'_>, actor: &Actor, lang: &str) -> PyResult<Json> {
        let lang = Lang::parse(lang).or_raise()?;
        let export = block_on(py, self.inner.partners_hsds(&actor.inner, lang))?.or_raise()?;
        serde_json::to_value(export)
            .map(Json)
            .map_err(|e| PyRuntimeError::new_err(format!("HSDS export: {e}")))
    }

    /// The active partners serving the signal's domains, best match first
    /// (for whoever may read the signal).
    fn partner_suggestions(
        &self,
        py: Python<'_>,
        actor: &Actor,
        signal_id: String,
    ) -> PyResult<Vec<PartnerSuggestion>> {
        let id = convert::signal_id(&signal_id)?;
        let rows = block_on(py, self.inner.partner_suggestions(&actor.inner, id))?.or_raise()?;
        Ok(rows.into_iter().map(PartnerSuggestion::from).collect())
    }

    // ---- referrals ----

    /// Refers a signal to an active partner: coordinators any open signal, a
    /// volunteer an open one they recorded. Needs the person's consent
    /// (`given`); only an acute signal may go without, with a
    /// `consent_exception` reason. A `draft` unless `request=True` sends it.
    #[pyo3(signature = (actor, signal_id, partner_id, *, follow_up = None, consent_exception = None,
        request = false))]
    #[allow(clippy::too_many_arguments)]
    fn refer(
        &self,
        py: Python<'_>,
        actor: &Actor,
        signal_id: String,
        partner_id: String,
        follow_up: Option<NaiveDate>,
        consent_exception: Option<String>,
        request: bool,
    ) -> PyResult<Referral> {
        let input = NewReferral {
            signal: convert::signal_id(&signal_id)?,
            partner: convert::partner_id(&partner_id)?,
            follow_up,
            consent_exception,
            request,
        };
        Ok(block_on(py, self.inner.refer(&actor.inner, input))?
            .or_raise()?
            .into())
    }

    /// Moves a referral to `status` (coordinators, admins). Illegal
    /// transitions raise `ConflictError`; closing (`rejected`, `completed`,
    /// `failed`, `cancelled`) needs an `outcome`.
    #[pyo3(signature = (actor, referral_id, status, *, outcome = None, follow_up = None))]
    fn change_referral(
        &self,
        py: Python<'_>,
        actor: &Actor,
        referral_id: String,
        status: String,
        outcome: Option<String>,
        follow_up: Option<NaiveDate>,
    ) -> PyResult<Referral> {
        let id = convert::referral_id(&referral_id)?;
        let change = ReferralChange {
            status: convert::code(&status)?,
            outcome: convert::opt_code(outcome.as_deref())?,
            follow_up,
        };
        let call = self.inner.change_referral(&actor.inner, id, change);
        Ok(block_on(py, call)?.or_raise()?.into())
    }

    /// Sets an open referral's follow-up date, or clears it with `None`
    /// (coordinators, admins).
    fn set_follow_up(
        &self,
        py: Python<'_>,
        actor: &Actor,
        referral_id: String,
        date: Option<NaiveDate>,
    ) -> PyResult<Referral> {
        let id = convert::referral_id(&referral_id)?;
        let call = self.inner.set_follow_up(&actor.inner, id, date);
        Ok(block_on(py, call)?.or_raise()?.into())
    }

    /// One referral (coordinators, admins).
    fn referral(&self, py: Python<'_>, actor: &Actor, referral_id: String) -> PyResult<Referral> {
        let id = convert::referral_id(&referral_id)?;
        Ok(block_on(py, self.inner.referral(&actor.inner, id))?
            .or_raise()?
            .into())
    }

    /// Referrals, oldest first, optionally of one signal and only open ones
    /// (coordinators, admins).
    #[pyo3(signature = (actor, *, signal_id = None, open_only = false))]
    fn referrals(
        &self,
        py: Python<'_>,
        actor: &Actor,
        signal_id: Option<String>,
        open_only: bool,
    ) -> PyResult<Vec<Referral>> {
        let signal = signal_id.as_deref().map(convert::signal_id).transpose()?;
        let call = self.inner.referrals(&actor.inner, signal, open_only);
        Ok(block_on(py, call)?
            .or_raise()?
            .into_iter()
            .map(Referral::from)
            .collect())
    }

    /// Open referrals with a follow-up on or before `on` (default today),
    /// earliest first, with the signal's urgency and do-not-contact flag
    /// (coordinators, admins).
    #[pyo3(signature = (actor, *, on = None))]
    fn follow_ups_due(
        &self,
        py: Python<'_>,
        actor: &Actor,
        on: Option<NaiveDate>,
    ) -> PyResult<Vec<FollowUpDue>> {
        let rows = block_on(py, self.inner.follow_ups_due(&actor.inner, on))?.or_raise()?;
        Ok(rows.into_iter().map(FollowUpDue::from).collect())
    }

    // ---- retention and statistics ----

    /// Sets the hub's signal policy (coordinators, admins): months a closed
    /// signal's personal fields are kept (1–120) and the small-cell
    /// suppression threshold of researchers' statistics (2–100). An argument
    /// left out takes the core's default (12 months, threshold 10).
    #[pyo3(signature = (actor, *,
        retention_months = i64::from(kringloop::DEFAULT_RETENTION_MONTHS),
        suppression_threshold = i64::from(kringloop::disclosure::DEFAULT_THRESHOLD)))]
    fn set_signal_policy(
        &self,
        py: Python<'_>,
        actor: &Actor,
        retention_months: i64,
        suppression_threshold: i64,
    ) -> PyResult<SignalPolicy> {
        let policy = kringloop::SignalPolicy::new(
            convert::whole("retention_months", retention_months, "a number of months")
                .or_raise()?,
            convert::whole("suppression_threshold", suppression_threshold, "a count").or_raise()?,
        )
        .or_raise()?;
        let set = block_on(py, self.inner.set_signal_policy(&actor.inner, policy))?.or_raise()?;
        Ok(set.into())
    }

    /// The hub's signal policy (the defaults until one is set).
    fn signal_policy(&self, py: Python<'_>, actor: &Actor) -> PyResult<SignalPolicy> {
        Ok(block_on(py, self.inner.signal_policy(&actor.inner))?
            .or_raise()?
            .into())
    }

    /// Erases the personal fields of signals closed longer ago than the
    /// retention period (admins); the coded facts stay for statistics.
    fn purge_signals(&self, py: Python<'_>, actor: &Actor) -> PyResult<PurgeReport> {
        Ok(block_on(py, self.inner.purge_signals(&actor.inner))?
            .or_raise()?
            .into())
    }

    /// Signals by domain and urgency per month, referrals by partner, status
    /// and outcome, and median days to referral and closure, for signals
    /// recorded from `start_date` to `end_date`. Coordinators and admins get
    /// exact counts; researchers get them with small-cell suppression.
    fn signal_statistics(
        &self,
        py: Python<'_>,
        actor: &Actor,
        start_date: NaiveDate,
        end_date: NaiveDate,
    ) -> PyResult<SignalStatistics> {
        let period = convert::period(start_date, end_date)?;
        let call = self.inner.signal_statistics(&actor.inner, period);
        Ok(block_on(py, call)?.or_raise()?.into())
    }

    // ---- activities ----

    /// Creates an activity (coordinators, admins). `kind` is an
    /// `activity_kind` code; `leaders` are ids of the hub's volunteers;
    /// `capacity` (1–1000) limits a session's headcount; `price` is `int`
    /// cents per session (default free).
    #[pyo3(signature = (actor, name, kind, *, description = None, leaders = Strings::default(),
        location = None, capacity = None, price = None))]
    #[allow(clippy::too_many_arguments)]
    fn create_activity(
        &self,
        py: Python<'_>,
        actor: &Actor,
        name: String,
        kind: String,
        description: Option<String>,
        leaders: Strings,
        location: Option<String>,
        capacity: Option<i64>,
        price: Option<i64>,
    ) -> PyResult<Activity> {
        let input = new_activity(
            name,
            &kind,
            description,
            &leaders,
            location,
            capacity,
            price,
        )?;
        Ok(
            block_on(py, self.inner.create_activity(&actor.inner, input))?
                .or_raise()?
                .into(),
        )
    }

    /// Replaces an activity's details (coordinators, admins), as
    /// `create_activity` takes them: what is left out is cleared (the status
    /// stays).
    #[pyo3(signature = (actor, activity_id, name, kind, *, description = None,
        leaders = Strings::default(), location = None, capacity = None, price = None))]
    #[allow(clippy::too_many_arguments)]
    fn update_activity(
        &self,
        py: Python<'_>,
        actor: &Actor,
        activity_id: String,
        name: String,
        kind: String,
        description: Option<String>,
        leaders: Strings,
        location: Option<String>,
        capacity: Option<i64>,
        price: Option<i64>,
    ) -> PyResult<Activity> {
        let id = convert::activity_id(&activity_id)?;
        let input = new_activity(
            name,
            &kind,
            description,
            &leaders,
            location,
            capacity,
            price,
        )?;
        let call = self.inner.update_activity(&actor.inner, id, input);
        Ok(block_on(py, call)?.or_raise()?.into())
    }

    /// Archives an activity (`archived`) or makes it `active` again
    /// (coordinators, admins). An archived activity takes no new schedule or
    /// session and is left out of `activities` unless asked for.
    fn set_activity_status(
        &self,
        py: Python<'_>,
        actor: &Actor,
        activity_id: String,
        status: String,
    ) -> PyResult<Activity> {
        let id = convert::activity_id(&activity_id)?;
        let status = convert::code(&status)?;
        let call = self.inner.set_activity_status(&actor.inner, id, status);
        Ok(block_on(py, call)?.or_raise()?.into())
    }

    /// One activity.
    fn activity(&self, py: Python<'_>, actor: &Actor, activity_id: String) -> PyResult<Activity> {
        let id = convert::activity_id(&activity_id)?;
        Ok(block_on(py, self.inner.activity(&actor.inner, id))?
            .or_raise()?
            .into())
    }

    /// The activities by name; archived ones only with `include_archived=True`.
    #[pyo3(signature = (actor, *, include_archived = false))]
    fn activities(
        &self,
        py: Python<'_>,
        actor: &Actor,
        include_archived: bool,
    ) -> PyResult<Vec<Activity>> {
        let call = self.inner.activities(&actor.inner, include_archived);
        Ok(block_on(py, call)?
            .or_raise()?
            .into_iter()
            .map(Activity::from)
            .collect())
    }

    // ---- schedules and sessions ----

    /// Gives an activity a (new) schedule (coordinators, admins).
    /// `recurrence` is `{"freq": "weekly", "every": 1, "weekdays": [...]}` or
    /// `{"freq": "monthly", "every": 1, "nth": "last", "weekday": "friday"}`
    /// (`every` defaults to 1). A first schedule may start in the past; a
    /// change starts today or later, ends the earlier schedule the day before
    /// and removes its planned sessions from then on; past sessions stay.
    #[pyo3(signature = (actor, activity_id, recurrence, starts_on, start, end, *, until = None,
        count = None))]
    #[allow(clippy::too_many_arguments)]
    fn set_schedule(
        &self,
        py: Python<'_>,
        actor: &Actor,
        activity_id: String,
        recurrence: &Bound<'_, PyAny>,
        starts_on: NaiveDate,
        start: NaiveTime,
        end: NaiveTime,
        until: Option<NaiveDate>,
        count: Option<i64>,
    ) -> PyResult<ScheduleChange> {
        let id = convert::activity_id(&activity_id)?;
        let input = NewSchedule {
            recurrence: convert::recurrence(recurrence)?,
            starts_on,
            span: convert::span(start, end)?,
            until,
            count: convert::opt_whole("count", count, "a number of sessions")?,
        };
        let call = self.inner.set_schedule(&actor.inner, id, input);
        Ok(block_on(py, call)?.or_raise()?.into())
    }

    /// An activity's schedules, oldest first (an ended one has its `until`).
    fn schedules(
        &self,
        py: Python<'_>,
        actor: &Actor,
        activity_id: String,
    ) -> PyResult<Vec<Schedule>> {
        let id = convert::activity_id(&activity_id)?;
        let rows = block_on(py, self.inner.schedules(&actor.inner, id))?.or_raise()?;
        Ok(rows.into_iter().map(Schedule::from).collect())
    }

    /// Generates the sessions of one activity (or of every active one) from
    /// `start_date` to `end_date` (at most 400 days) from their schedules
    /// (coordinators, admins). Idempotent: sessions that exist, also
    /// cancelled ones, are left alone. Returns how many were made.
    #[pyo3(signature = (actor, start_date, end_date, *, activity_id = None))]
    fn generate_sessions(
        &self,
        py: Python<'_>,
        actor: &Actor,
        start_date: NaiveDate,
        end_date: NaiveDate,
        activity_id: Option<String>,
    ) -> PyResult<u64> {
        let period = convert::period(start_date, end_date)?;
        let activity = activity_id
            .as_deref()
            .map(convert::activity_id)
            .transpose()?;
        let call = self.inner.generate_sessions(&actor.inner, activity, period);
        block_on(py, call)?.or_raise()
    }

    /// Adds an extra session outside the schedule (coordinators, admins);
    /// `ConflictError` when the activity already has a session then.
    fn add_session(
        &self,
        py: Python<'_>,
        actor: &Actor,
        activity_id: String,
        date: NaiveDate,
        start: NaiveTime,
        end: NaiveTime,
    ) -> PyResult<Session> {
        let id = convert::activity_id(&activity_id)?;
        let span = convert::span(start, end)?;
        let call = self.inner.add_session(&actor.inner, id, date, span);
        Ok(block_on(py, call)?.or_raise()?.into())
    }

    /// Cancels a planned session that was not held, with a reason
    /// (coordinators, admins).
    fn cancel_session(
        &self,
        py: Python<'_>,
        actor: &Actor,
        session_id: String,
        reason: String,
    ) -> PyResult<Session> {
        let id = convert::session_id(&session_id)?;
        let call = self.inner.cancel_session(&actor.inner, id, &reason);
        Ok(block_on(py, call)?.or_raise()?.into())
    }

    /// Records (or corrects) who came to a session that has begun and was
    /// not cancelled (volunteers, coordinators, admins): an anonymous
    /// `headcount` (default: the number named), how many came for the first
    /// time, and the named `volunteers` and registered `residents` (ids).
    /// The headcount is at least the number named and within the capacity.
    #[pyo3(signature = (actor, session_id, *, headcount = None, first_timers = 0,
        volunteers = Strings::default(), residents = Strings::default()))]
    #[allow(clippy::too_many_arguments)]
    fn record_attendance(
        &self,
        py: Python<'_>,
        actor: &Actor,
        session_id: String,
        headcount: Option<i64>,
        first_timers: i64,
        volunteers: Strings,
        residents: Strings,
    ) -> PyResult<Session> {
        let id = convert::session_id(&session_id)?;
        let input = NewAttendance {
            headcount: convert::opt_whole("headcount", headcount, "a number of people")?,
            first_timers: convert::whole("first_timers", first_timers, "a number of people")
                .or_raise()?,
            participants: convert::participants(&volunteers, &residents)?,
        };
        let call = self.inner.record_attendance(&actor.inner, id, input);
        Ok(block_on(py, call)?.or_raise()?.into())
    }

    /// One session.
    fn session(&self, py: Python<'_>, actor: &Actor, session_id: String) -> PyResult<Session> {
        let id = convert::session_id(&session_id)?;
        Ok(block_on(py, self.inner.session(&actor.inner, id))?
            .or_raise()?
            .into())
    }

    /// Sessions from `start_date` to `end_date` (of one activity, or of
    /// all), by date and time; cancelled ones included.
    #[pyo3(signature = (actor, start_date, end_date, *, activity_id = None))]
    fn sessions(
        &self,
        py: Python<'_>,
        actor: &Actor,
        start_date: NaiveDate,
        end_date: NaiveDate,
        activity_id: Option<String>,
    ) -> PyResult<Vec<Session>> {
        let period = convert::period(start_date, end_date)?;
        let activity = activity_id
            .as_deref()
            .map(convert::activity_id)
            .transpose()?;
        let call = self.inner.sessions(&actor.inner, activity, period);
        Ok(block_on(py, call)?
            .or_raise()?
            .into_iter()
            .map(Session::from)
            .collect())
    }

    // ---- residents ----

    /// Registers a resident by first name or pseudonym so they can be named
    /// in attendance (volunteers, coordinators, admins); only with their
    /// `consent=True`.
    #[pyo3(signature = (actor, name, *, contact = None, consent = false))]
    fn register_resident(
        &self,
        py: Python<'_>,
        actor: &Actor,
        name: String,
        contact: Option<String>,
        consent: bool,
    ) -> PyResult<Resident> {
        let input = NewResident {
            name,
            contact,
            consent,
        };
        Ok(
            block_on(py, self.inner.register_resident(&actor.inner, input))?
                .or_raise()?
                .into(),
        )
    }

    /// The registered residents, by name.
    fn residents(&self, py: Python<'_>, actor: &Actor) -> PyResult<Vec<Resident>> {
        let rows = block_on(py, self.inner.residents(&actor.inner))?.or_raise()?;
        Ok(rows.into_iter().map(Resident::from).collect())
    }

    /// Forgets a resident (they withdrew consent): the record goes, and so
    /// does their name from every attendance; headcounts stay.
    fn forget_resident(&self, py: Python<'_>, actor: &Actor, resident_id: String) -> PyResult<()> {
        let id = convert::resident_id(&resident_id)?;
        block_on(py, self.inner.forget_resident(&actor.inner, id))?.or_raise()
    }

    // ---- ideas ----

    /// Writes down a resident's idea (volunteers, coordinators, admins).
    /// `submitted_on` defaults to today; a `contact` is kept only with
    /// `contact_consent=True`.
    #[pyo3(signature = (actor, title, text, *, submitted_on = None, contact = None,
        contact_consent = false))]
    #[allow(clippy::too_many_arguments)]
    fn submit_idea(
        &self,
        py: Python<'_>,
        actor: &Actor,
        title: String,
        text: String,
        submitted_on: Option<NaiveDate>,
        contact: Option<String>,
        contact_consent: bool,
    ) -> PyResult<Idea> {
        let input = NewIdea {
            title,
            text,
            submitted_on,
            contact,
            contact_consent,
        };
        Ok(block_on(py, self.inner.submit_idea(&actor.inner, input))?
            .or_raise()?
            .into())
    }

    /// Moves an idea along its pipeline (coordinators, admins): `new` →
    /// `discussed` → `adopted` → `realised`, or `declined` (with a `reason`)
    /// from any but the last; anything else raises `ConflictError`. An
    /// adopted or realised idea may name the `activity_id` it became; `on`
    /// defaults to today.
    #[pyo3(signature = (actor, idea_id, status, *, reason = None, activity_id = None, on = None))]
    #[allow(clippy::too_many_arguments)]
    fn change_idea(
        &self,
        py: Python<'_>,
        actor: &Actor,
        idea_id: String,
        status: String,
        reason: Option<String>,
        activity_id: Option<String>,
        on: Option<NaiveDate>,
    ) -> PyResult<Idea> {
        let id = convert::idea_id(&idea_id)?;
        let change = IdeaStatusChange {
            status: convert::code(&status)?,
            reason,
            activity: activity_id
                .as_deref()
                .map(convert::activity_id)
                .transpose()?,
            on,
        };
        let call = self.inner.change_idea(&actor.inner, id, change);
        Ok(block_on(py, call)?.or_raise()?.into())
    }

    /// One idea (the resident's contact only for coordinators and admins).
    fn idea(&self, py: Python<'_>, actor: &Actor, idea_id: String) -> PyResult<Idea> {
        let id = convert::idea_id(&idea_id)?;
        Ok(block_on(py, self.inner.idea(&actor.inner, id))?
            .or_raise()?
            .into())
    }

    /// Ideas, optionally of one `idea_status`, oldest first.
    #[pyo3(signature = (actor, *, status = None))]
    fn ideas(&self, py: Python<'_>, actor: &Actor, status: Option<String>) -> PyResult<Vec<Idea>> {
        let status = convert::opt_code(status.as_deref())?;
        let rows = block_on(py, self.inner.ideas(&actor.inner, status))?.or_raise()?;
        Ok(rows.into_iter().map(Idea::from).collect())
    }

    // ---- the table tally ----

    /// Records a day's tally at the big table (default today; once a day,
    /// else `ConflictError`) (volunteers, coordinators, admins).
    #[pyo3(signature = (actor, visitors, conversations, *, date = None))]
    fn record_tally(
        &self,
        py: Python<'_>,
        actor: &Actor,
        visitors: i64,
        conversations: i64,
        date: Option<NaiveDate>,
    ) -> PyResult<TableTally> {
        let input = new_tally(visitors, conversations, date)?;
        Ok(block_on(py, self.inner.record_tally(&actor.inner, input))?
            .or_raise()?
            .into())
    }

    /// Corrects a recorded day's tally (default today; `NotFoundError` when
    /// that day has none).
    #[pyo3(signature = (actor, visitors, conversations, *, date = None))]
    fn correct_tally(
        &self,
        py: Python<'_>,
        actor: &Actor,
        visitors: i64,
        conversations: i64,
        date: Option<NaiveDate>,
    ) -> PyResult<TableTally> {
        let input = new_tally(visitors, conversations, date)?;
        Ok(block_on(py, self.inner.correct_tally(&actor.inner, input))?
            .or_raise()?
            .into())
    }

    /// The tallies from `start_date` to `end_date`, by date (every role: counts only).
    fn tallies(
        &self,
        py: Python<'_>,
        actor: &Actor,
        start_date: NaiveDate,
        end_date: NaiveDate,
    ) -> PyResult<Vec<TableTally>> {
        let period = convert::period(start_date, end_date)?;
        let rows = block_on(py, self.inner.tallies(&actor.inner, period))?.or_raise()?;
        Ok(rows.into_iter().map(TableTally::from).collect())
    }

    /// Sessions held, cancelled and planned, attendance and first-timers per
    /// activity per month, average attendance against capacity, ideas by
    /// status and the tally per week, from `start_date` to `end_date`.
    /// Researchers get counts of people from 1 to the threshold − 1 hidden.
    fn activity_report(
        &self,
        py: Python<'_>,
        actor: &Actor,
        start_date: NaiveDate,
        end_date: NaiveDate,
    ) -> PyResult<ActivityReport> {
        let period = convert::period(start_date, end_date)?;
        let call = self.inner.activity_report(&actor.inner, period);
        Ok(block_on(py, call)?.or_raise()?.into())
    }

    /// The hub report from `start_date` to `end_date` (coordinators, admins,
    /// researchers; researchers get counts of people from 1 to the
    /// threshold − 1 hidden as `None`). Render it with `.to_markdown(lang)`
    /// or `.to_html(lang)`.
    fn hub_report(
        &self,
        py: Python<'_>,
        actor: &Actor,
        start_date: NaiveDate,
        end_date: NaiveDate,
    ) -> PyResult<records::HubReport> {
        let period = convert::period(start_date, end_date)?;
        let call = self.inner.hub_report(&actor.inner, period);
        Ok(block_on(py, call)?.or_raise()?.into())
    }

    /// The research table `name` (researchers, admins): one row per fact,
    /// people and records only under pseudonymous keys, no names or free
    /// text. Optionally only the rows whose date lies from `start` to `end`
    /// (either may be left open). Returns a `ResearchTable`: pass it to
    /// `polars.DataFrame(...)` (Arrow PyCapsule interface) or call
    /// `.to_polars()` / `.to_pandas()`; it streams `batch_size` rows at a time.
    #[pyo3(signature = (actor, name, start = None, end = None, *, batch_size = 8192))]
    fn table(
        &self,
        py: Python<'_>,
        actor: &Actor,
        name: &str,
        start: Option<NaiveDate>,
        end: Option<NaiveDate>,
        batch_size: usize,
    ) -> PyResult<crate::research::ResearchTable> {
        crate::research::ResearchTable::open(py, &self.inner, actor, name, start, end, batch_size)
    }

    // ---- volunteer development ----

    /// Names the hub's skills, each scored 1–5 in `skills` assessments
    /// (coordinators, admins); replaces the list. Returns the names.
    fn set_skills(&self, py: Python<'_>, actor: &Actor, names: Strings) -> PyResult<Vec<String>> {
        let set = block_on(py, self.inner.set_skills(&actor.inner, names.0))?.or_raise()?;
        Ok(set.into_iter().map(String::from).collect())
    }

    /// The hub's skills.
    fn skills(&self, py: Python<'_>, actor: &Actor) -> PyResult<Vec<String>> {
        let all = block_on(py, self.inner.skills(&actor.inner))?.or_raise()?;
        Ok(all.into_iter().map(String::from).collect())
    }

    /// Records an assessment (coordinators, admins) on one `instrument`
    /// (`participation_ladder`, `self_sufficiency`, `skills`) with `scores`
    /// as a dict `{measure: value}`: `{"step": 4}` for the ladder (1–6),
    /// `{"finances": 3, ...}` (`zrm_domain` codes, 1–5) for the matrix,
    /// `{"Kassa": 5}` (the hub's skills, 1–5) for skills. `on` defaults to
    /// today (not before the volunteer joined); `corrects` names the
    /// assessment this one replaces (both are kept).
    #[pyo3(signature = (actor, volunteer_id, instrument, scores, *, on = None, note = None,
        corrects = None))]
    #[allow(clippy::too_many_arguments)]
    fn record_assessment(
        &self,
        py: Python<'_>,
        actor: &Actor,
        volunteer_id: String,
        instrument: String,
        scores: &Bound<'_, PyAny>,
        on: Option<NaiveDate>,
        note: Option<String>,
        corrects: Option<String>,
    ) -> PyResult<Assessment> {
        let input = NewAssessment {
            volunteer: convert::volunteer_id(&volunteer_id)?,
            on,
            instrument: convert::code(&instrument)?,
            scores: convert::scores(scores)?,
            note,
            corrects: corrects
                .as_deref()
                .map(convert::assessment_id)
                .transpose()?,
        };
        let call = self.inner.record_assessment(&actor.inner, input);
        Ok(block_on(py, call)?.or_raise()?.into())
    }

    /// A volunteer's assessments by date, corrected ones included:
    /// coordinators and admins any, a volunteer their own.
    fn assessments(
        &self,
        py: Python<'_>,
        actor: &Actor,
        volunteer_id: String,
    ) -> PyResult<Vec<Assessment>> {
        let id = convert::volunteer_id(&volunteer_id)?;
        let rows = block_on(py, self.inner.assessments(&actor.inner, id))?.or_raise()?;
        Ok(rows.into_iter().map(Assessment::from).collect())
    }

    /// The recent course of one `measure` (`ladder`, `zrm.<domain>`,
    /// `skill.<name>`) of a volunteer as of today. Parameters left out take
    /// the core's defaults (12 months, 3 points, 0.05 per month).
    #[pyo3(signature = (actor, volunteer_id, measure, *, window_months = None, min_points = None,
        slope_threshold = None))]
    #[allow(clippy::too_many_arguments)]
    fn trajectory(
        &self,
        py: Python<'_>,
        actor: &Actor,
        volunteer_id: String,
        measure: String,
        window_months: Option<i64>,
        min_points: Option<i64>,
        slope_threshold: Option<f64>,
    ) -> PyResult<Trajectory> {
        let id = convert::volunteer_id(&volunteer_id)?;
        let measure = convert::measure(&measure)?;
        let params = convert::trajectory_params(window_months, min_points, slope_threshold)?;
        let call = self.inner.trajectory(&actor.inner, id, &measure, params);
        Ok(block_on(py, call)?.or_raise()?.into())
    }

    /// Average curves of `measure` per cohort (quarter of joining) and month
    /// of membership, for volunteers who joined from `start_date` to
    /// `end_date`. Researchers get means behind fewer scores than the
    /// threshold hidden.
    fn cohort_curve(
        &self,
        py: Python<'_>,
        actor: &Actor,
        measure: String,
        start_date: NaiveDate,
        end_date: NaiveDate,
    ) -> PyResult<CohortCurve> {
        let measure = convert::measure(&measure)?;
        let period = convert::period(start_date, end_date)?;
        let call = self.inner.cohort_curve(&actor.inner, &measure, period);
        Ok(block_on(py, call)?.or_raise()?.into())
    }

    /// Active volunteers whose participation ladder declines, or is flat
    /// after a rise, and who have no open coaching — with the reason
    /// (coordinators, admins). Parameters as in `trajectory`.
    #[pyo3(signature = (actor, *, window_months = None, min_points = None, slope_threshold = None))]
    fn coaching_suggestions(
        &self,
        py: Python<'_>,
        actor: &Actor,
        window_months: Option<i64>,
        min_points: Option<i64>,
        slope_threshold: Option<f64>,
    ) -> PyResult<Vec<CoachingSuggestion>> {
        let params = convert::trajectory_params(window_months, min_points, slope_threshold)?;
        let rows =
            block_on(py, self.inner.coaching_suggestions(&actor.inner, params))?.or_raise()?;
        Ok(rows.into_iter().map(CoachingSuggestion::from).collect())
    }

    // ---- coaching ----

    /// Opens a coaching trajectory (coordinators, admins): the coach is a
    /// volunteer with the coordinator role, 1–10 goals, `opened_on` default
    /// today. One open trajectory per volunteer (else `ConflictError`).
    #[pyo3(signature = (actor, volunteer_id, coach_id, goals, *, opened_on = None))]
    fn open_coaching(
        &self,
        py: Python<'_>,
        actor: &Actor,
        volunteer_id: String,
        coach_id: String,
        goals: Strings,
        opened_on: Option<NaiveDate>,
    ) -> PyResult<Coaching> {
        let input = NewCoaching {
            volunteer: convert::volunteer_id(&volunteer_id)?,
            coach: convert::volunteer_id(&coach_id)?,
            goals: goals.0,
            opened_on,
        };
        Ok(block_on(py, self.inner.open_coaching(&actor.inner, input))?
            .or_raise()?
            .into())
    }

    /// Adds a session (default today) with the coach's `note` to an open
    /// trajectory (coordinators, admins).
    #[pyo3(signature = (actor, coaching_id, *, on = None, note = None))]
    fn add_coaching_session(
        &self,
        py: Python<'_>,
        actor: &Actor,
        coaching_id: String,
        on: Option<NaiveDate>,
        note: Option<String>,
    ) -> PyResult<Coaching> {
        let id = convert::coaching_id(&coaching_id)?;
        let call = self
            .inner
            .add_coaching_session(&actor.inner, id, on, note.as_deref());
        Ok(block_on(py, call)?.or_raise()?.into())
    }

    /// Closes an open trajectory with a `coaching_outcome` (default today).
    #[pyo3(signature = (actor, coaching_id, outcome, *, on = None))]
    fn close_coaching(
        &self,
        py: Python<'_>,
        actor: &Actor,
        coaching_id: String,
        outcome: String,
        on: Option<NaiveDate>,
    ) -> PyResult<Coaching> {
        let id = convert::coaching_id(&coaching_id)?;
        let outcome = convert::code(&outcome)?;
        let call = self.inner.close_coaching(&actor.inner, id, outcome, on);
        Ok(block_on(py, call)?.or_raise()?.into())
    }

    /// One coaching trajectory: coordinators and admins any, a volunteer
    /// their own (without the coach's notes).
    fn coaching(&self, py: Python<'_>, actor: &Actor, coaching_id: String) -> PyResult<Coaching> {
        let id = convert::coaching_id(&coaching_id)?;
        Ok(block_on(py, self.inner.coaching(&actor.inner, id))?
            .or_raise()?
            .into())
    }

    /// Coaching trajectories, of one volunteer or all (a volunteer: their
    /// own, without notes), optionally only open ones.
    #[pyo3(signature = (actor, *, volunteer_id = None, open_only = false))]
    fn coachings(
        &self,
        py: Python<'_>,
        actor: &Actor,
        volunteer_id: Option<String>,
        open_only: bool,
    ) -> PyResult<Vec<Coaching>> {
        let volunteer = volunteer_id
            .as_deref()
            .map(convert::volunteer_id)
            .transpose()?;
        let call = self.inner.coachings(&actor.inner, volunteer, open_only);
        Ok(block_on(py, call)?
            .or_raise()?
            .into_iter()
            .map(Coaching::from)
            .collect())
    }

    // ---- courses ----

    /// Plans a course (coordinators, admins): 1–52 session dates (no
    /// repeats) and 1–200 places.
    #[pyo3(signature = (actor, title, sessions, capacity, *, description = None))]
    fn create_course(
        &self,
        py: Python<'_>,
        actor: &Actor,
        title: String,
        sessions: Vec<NaiveDate>,
        capacity: i64,
        description: Option<String>,
    ) -> PyResult<Course> {
        let input = NewCourse {
            title,
            description,
            sessions,
            capacity: convert::whole("capacity", capacity, "a number of places").or_raise()?,
        };
        Ok(block_on(py, self.inner.create_course(&actor.inner, input))?
            .or_raise()?
            .into())
    }

    /// One course (volunteers too).
    fn course(&self, py: Python<'_>, actor: &Actor, course_id: String) -> PyResult<Course> {
        let id = convert::course_id(&course_id)?;
        Ok(block_on(py, self.inner.course(&actor.inner, id))?
            .or_raise()?
            .into())
    }

    /// All courses, by first session.
    fn courses(&self, py: Python<'_>, actor: &Actor) -> PyResult<Vec<Course>> {
        let rows = block_on(py, self.inner.courses(&actor.inner))?.or_raise()?;
        Ok(rows.into_iter().map(Course::from).collect())
    }

    /// Enrols a volunteer (coordinators, admins): `enrolled` while places
    /// are left, otherwise `waiting`. Enrolling twice is a `ConflictError`.
    fn enrol(
        &self,
        py: Python<'_>,
        actor: &Actor,
        course_id: String,
        volunteer_id: String,
    ) -> PyResult<Enrolment> {
        let course = convert::course_id(&course_id)?;
        let volunteer = convert::volunteer_id(&volunteer_id)?;
        let call = self.inner.enrol(&actor.inner, course, volunteer);
        Ok(block_on(py, call)?.or_raise()?.into())
    }

    /// Withdraws a volunteer (coordinators, admins); the first on the
    /// waiting list moves up into a freed place.
    fn withdraw(
        &self,
        py: Python<'_>,
        actor: &Actor,
        course_id: String,
        volunteer_id: String,
    ) -> PyResult<Withdrawal> {
        let course = convert::course_id(&course_id)?;
        let volunteer = convert::volunteer_id(&volunteer_id)?;
        let call = self.inner.withdraw(&actor.inner, course, volunteer);
        Ok(block_on(py, call)?.or_raise()?.into())
    }

    /// A course's enrolments by request time: coordinators and admins all,
    /// a volunteer their own.
    fn enrolments(
        &self,
        py: Python<'_>,
        actor: &Actor,
        course_id: String,
    ) -> PyResult<Vec<Enrolment>> {
        let id = convert::course_id(&course_id)?;
        let rows = block_on(py, self.inner.enrolments(&actor.inner, id))?.or_raise()?;
        Ok(rows.into_iter().map(Enrolment::from).collect())
    }

    /// Records (or corrects) who was `present` (volunteer ids, enrolled
    /// only) at the session on `date` (coordinators, admins); returns the
    /// course's enrolments.
    fn record_course_attendance(
        &self,
        py: Python<'_>,
        actor: &Actor,
        course_id: String,
        date: NaiveDate,
        present: Strings,
    ) -> PyResult<Vec<Enrolment>> {
        let id = convert::course_id(&course_id)?;
        let present = convert::volunteer_ids(&present)?;
        let call = self
            .inner
            .record_course_attendance(&actor.inner, id, date, &present);
        Ok(block_on(py, call)?
            .or_raise()?
            .into_iter()
            .map(Enrolment::from)
            .collect())
    }

    /// Marks enrolled `volunteers` (ids) as having completed the course,
    /// after its last session (coordinators, admins); returns the course's
    /// enrolments.
    fn complete_course(
        &self,
        py: Python<'_>,
        actor: &Actor,
        course_id: String,
        volunteers: Strings,
    ) -> PyResult<Vec<Enrolment>> {
        let id = convert::course_id(&course_id)?;
        let volunteers = convert::volunteer_ids(&volunteers)?;
        let call = self.inner.complete_course(&actor.inner, id, &volunteers);
        Ok(block_on(py, call)?
            .or_raise()?
            .into_iter()
            .map(Enrolment::from)
            .collect())
    }

    /// The change in `measure` for the participants who completed the
    /// course, from their last assessment before it to the first after it:
    /// n, mean and spread, or insufficient data below `min_n` (default 5)
    /// (coordinators, admins).
    #[pyo3(signature = (actor, course_id, measure, *, min_n = None))]
    fn course_effect(
        &self,
        py: Python<'_>,
        actor: &Actor,
        course_id: String,
        measure: String,
        min_n: Option<i64>,
    ) -> PyResult<CourseEffect> {
        let id = convert::course_id(&course_id)?;
        let measure = convert::measure(&measure)?;
        let min_n = convert::opt_whole("min_n", min_n, "a number of participants")?;
        let call = self.inner.course_effect(&actor.inner, id, &measure, min_n);
        Ok(block_on(py, call)?.or_raise()?.into())
    }

    // ---- the conflict register ----

    /// Registers a conflict between two or more volunteers (`parties`, ids)
    /// at Glasl `step` 1–9, dealt with by an `intervention` code; `on`
    /// defaults to today (coordinators, admins only).
    #[pyo3(signature = (actor, parties, description, step, intervention, *, on = None))]
    #[allow(clippy::too_many_arguments)]
    fn register_conflict(
        &self,
        py: Python<'_>,
        actor: &Actor,
        parties: Strings,
        description: String,
        step: i64,
        intervention: String,
        on: Option<NaiveDate>,
    ) -> PyResult<Conflict> {
        let input = NewConflict {
            parties: convert::volunteer_ids(&parties)?,
            on,
            description,
            step: glasl_step(step)?,
            intervention: convert::code(&intervention)?,
        };
        Ok(
            block_on(py, self.inner.register_conflict(&actor.inner, input))?
                .or_raise()?
                .into(),
        )
    }

    /// Adds a dated follow-up (default today) with a `note`, optionally
    /// moving the `step`, `intervention` or `status` (`open`,
    /// `in_mediation`, `resolved`, `escalated`); a resolved conflict takes
    /// none (`ConflictError`).
    #[pyo3(signature = (actor, conflict_id, note, *, on = None, step = None, intervention = None,
        status = None))]
    #[allow(clippy::too_many_arguments)]
    fn follow_up_conflict(
        &self,
        py: Python<'_>,
        actor: &Actor,
        conflict_id: String,
        note: String,
        on: Option<NaiveDate>,
        step: Option<i64>,
        intervention: Option<String>,
        status: Option<String>,
    ) -> PyResult<Conflict> {
        let id = convert::conflict_id(&conflict_id)?;
        let input = NewConflictFollowUp {
            on,
            note,
            step: step.map(glasl_step).transpose()?,
            intervention: convert::opt_code(intervention.as_deref())?,
            status: convert::opt_code(status.as_deref())?,
        };
        let call = self.inner.follow_up_conflict(&actor.inner, id, input);
        Ok(block_on(py, call)?.or_raise()?.into())
    }

    /// One conflict (coordinators, admins only; not even a party may read it).
    fn conflict(&self, py: Python<'_>, actor: &Actor, conflict_id: String) -> PyResult<Conflict> {
        let id = convert::conflict_id(&conflict_id)?;
        Ok(block_on(py, self.inner.conflict(&actor.inner, id))?
            .or_raise()?
            .into())
    }

    /// The conflict register by date; only unresolved ones when asked
    /// (coordinators, admins only).
    #[pyo3(signature = (actor, *, unresolved_only = false))]
    fn conflicts(
        &self,
        py: Python<'_>,
        actor: &Actor,
        unresolved_only: bool,
    ) -> PyResult<Vec<Conflict>> {
        let call = self.inner.conflicts(&actor.inner, unresolved_only);
        Ok(block_on(py, call)?
            .or_raise()?
            .into_iter()
            .map(Conflict::from)
            .collect())
    }

    // ---- journal ----

    /// Journal entries after position `after`, oldest first, at most `limit` (admins).
    #[pyo3(signature = (actor, *, after = 0, limit = 1000))]
    fn journal(
        &self,
        py: Python<'_>,
        actor: &Actor,
        after: i64,
        limit: i64,
    ) -> PyResult<Vec<JournalRecord>> {
        // Out-of-range limits go to the core as 0 so that it refuses them with its own message.
        let limit = u32::try_from(limit).unwrap_or(0);
        let rows = block_on(py, self.inner.journal(&actor.inner, after, limit))?.or_raise()?;
        Ok(rows.into_iter().map(JournalRecord::from).collect())
    }

    // ---- journal sync ----

    /// The changes after journal position `after` (0: everything) as a sync
    /// batch in JSON text, with the personal fields of the signals recorded
    /// in it (coordinators, admins). Write it to a file; another hub imports
    /// it with `import_journal`. The reads of personal fields are journalled.
    #[pyo3(signature = (actor, *, after = 0))]
    fn export_journal(&self, py: Python<'_>, actor: &Actor, after: i64) -> PyResult<String> {
        let batch = block_on(py, self.inner.export_journal(&actor.inner, after))?.or_raise()?;
        Ok(batch.to_json())
    }

    /// Imports another hub's batch (JSON text from `export_journal`), once:
    /// entries this hub already has are skipped, entries that cannot apply
    /// are recorded as conflicts (coordinators, admins).
    fn import_journal(&self, py: Python<'_>, actor: &Actor, batch: &str) -> PyResult<ImportReport> {
        let batch = kringloop::SyncBatch::from_json(batch).or_raise()?;
        let report = block_on(py, self.inner.import_journal(&actor.inner, &batch))?.or_raise()?;
        Ok(ImportReport::from(report))
    }

    /// The conflicts imports recorded, oldest first (coordinators, admins).
    fn sync_conflicts(&self, py: Python<'_>, actor: &Actor) -> PyResult<Vec<SyncConflict>> {
        let rows = block_on(py, self.inner.sync_conflicts(&actor.inner))?.or_raise()?;
        Ok(rows.into_iter().map(SyncConflict::from).collect())
    }
}

fn new_shift(
    volunteer_id: &str,
    role: &str,
    date: NaiveDate,
    start: NaiveTime,
    end: NaiveTime,
    note: Option<String>,
) -> PyResult<NewShift> {
    Ok(NewShift {
        volunteer_id: convert::volunteer_id(volunteer_id)?,
        role: convert::code(role)?,
        date,
        span: convert::span(start, end)?,
        note,
    })
}

fn both(missing: &str) -> PyErr {
    crate::errors::to_py(Error::validation(
        missing,
        "give both start and end, or neither",
    ))
}

/// The core's activity input; codes, ids and counts checked on the way.
fn new_activity(
    name: String,
    kind: &str,
    description: Option<String>,
    leaders: &Strings,
    location: Option<String>,
    capacity: Option<i64>,
    price: Option<i64>,
) -> PyResult<NewActivity> {
    Ok(NewActivity {
        name,
        kind: convert::code(kind)?,
        description,
        leaders: leaders
            .0
            .iter()
            .map(|s| convert::volunteer_id(s))
            .collect::<PyResult<_>>()?,
        location,
        capacity: convert::opt_whole("capacity", capacity, "a number of people")?,
        price: price.map(convert::cents),
    })
}

/// A Glasl step as the core's `u8`; a value that fits no step is refused
/// here, on field `step` as the core refuses a step outside 1–9.
fn glasl_step(step: i64) -> PyResult<u8> {
    convert::whole("step", step, "a step of Glasl's ladder (1–9)").or_raise()
}

/// The core's tally input.
fn new_tally(visitors: i64, conversations: i64, date: Option<NaiveDate>) -> PyResult<NewTally> {
    Ok(NewTally {
        date,
        visitors: convert::whole("visitors", visitors, "a number of visitors").or_raise()?,
        conversations: convert::whole("conversations", conversations, "a number of conversations")
            .or_raise()?,
    })
}
