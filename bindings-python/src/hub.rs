//! `Hub`: the operations of [`kringloop::Hub`] with Python arguments. Each
//! method converts its arguments, runs the core call with the GIL released
//! and converts the result; the core checks permissions and rules.

use crate::actor::Actor;
use crate::convert::{self, Availability, Change, ItemArgs, PolicyArgs, Strings};
use crate::errors::OrRaise;
use crate::records::{
    self, CashUp, HoursByRole, HoursByVolunteer, ImpactFactor, ImpactRow, Item, ItemView,
    JournalRecord, MilestoneReached, OpeningSlot, PricingPolicy, RosterGap, Sale, SalesRow, Shift,
    StockMove, StockOnHand, VogStatus, Volunteer,
};
use crate::runtime::block_on;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Utc};
use kringloop::{
    Basket, Clock, Error, FixedClock, NewCashUp, NewMove, NewShift, NewVolunteer, RefundRequest,
    SystemClock, VolunteerUpdate,
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
