//! The frozen result objects. Each mirrors one core type with plain Python
//! values: ids as `str`, codes as `str`, dates as `datetime.date`, times as
//! `datetime.time`, timestamps as aware `datetime`. Each has read-only
//! properties, `__eq__`, `__repr__` and `to_dict()`.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use std::collections::BTreeMap;

/// Declares a frozen record class: fields become read-only properties and
/// `to_dict` keys; the `repr(...)` fields appear in `__repr__`.
macro_rules! record {
    (
        $(#[$meta:meta])*
        $name:ident repr($($r:ident),* $(,)?) {
            $( $(#[$fmeta:meta])* $field:ident : $ty:ty ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[pyclass(frozen, eq, get_all, skip_from_py_object, module = "kringloop")]
        #[derive(Debug, Clone, PartialEq)]
        pub struct $name {
            $( $(#[$fmeta])* pub $field: $ty ),*
        }

        #[pymethods]
        impl $name {
            /// The fields as a plain `dict` (e.g. for a DataFrame row).
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
                let d = PyDict::new(py);
                $( d.set_item(stringify!($field), self.$field.clone())?; )*
                Ok(d)
            }

            fn __repr__(&self) -> String {
                let parts: Vec<String> =
                    vec![$( format!("{}={}", stringify!($r), Repr::repr(&self.$r)) ),*];
                format!("{}({})", stringify!($name), parts.join(", "))
            }
        }
    };
}

mod report;
pub use report::{
    ActivityFigures, CourseFigures, HoursFigures, HubReport, LadderFigures, ReferralFigures,
    ReuseFigures, SalesFigures, SalesMonth, SignalFigures, TableFigures, VolunteerFigures,
};

record! {
    /// A volunteer of the hub.
    Volunteer repr(id, display_name, status, roles) {
        id: String,
        display_name: String,
        contact: Option<String>,
        start_date: NaiveDate,
        status: String,
        status_since: NaiveDate,
        status_reason: Option<String>,
        roles: Vec<String>,
        skills: Vec<String>,
        availability: Vec<(String, NaiveTime, NaiveTime)>,
        vog_date: Option<NaiveDate>,
        version: i64,
    }
}

impl From<kringloop::Volunteer> for Volunteer {
    fn from(v: kringloop::Volunteer) -> Self {
        Volunteer {
            id: v.id.to_string(),
            display_name: v.display_name.into(),
            contact: v.contact.map(String::from),
            start_date: v.start_date,
            status: v.status.code().into(),
            status_since: v.status_since,
            status_reason: v.status_reason.map(String::from),
            roles: v.roles.iter().map(|r| r.code().to_string()).collect(),
            skills: v.skills.into_iter().map(String::from).collect(),
            availability: v
                .availability
                .iter()
                .map(|a| (a.weekday.code().to_string(), a.span.start(), a.span.end()))
                .collect(),
            vog_date: v.vog_date,
            version: v.version,
        }
    }
}

record! {
    /// A shift of one volunteer in one role on one day.
    Shift repr(id, volunteer_id, role, date, start, end, status) {
        id: String,
        volunteer_id: String,
        role: String,
        date: NaiveDate,
        start: NaiveTime,
        end: NaiveTime,
        minutes: u32,
        status: String,
        note: Option<String>,
    }
}

impl From<kringloop::Shift> for Shift {
    fn from(s: kringloop::Shift) -> Self {
        Shift {
            id: s.id.to_string(),
            volunteer_id: s.volunteer_id.to_string(),
            role: s.role.code().into(),
            date: s.date,
            start: s.span.start(),
            end: s.span.end(),
            minutes: s.minutes(),
            status: s.status.code().into(),
            note: s.note.map(String::from),
        }
    }
}

record! {
    /// Worked minutes and shifts of one volunteer in a period.
    HoursByVolunteer repr(volunteer_id, display_name, minutes, shifts) {
        volunteer_id: String,
        display_name: String,
        minutes: i64,
        shifts: i64,
    }
}

impl From<kringloop::HoursByVolunteer> for HoursByVolunteer {
    fn from(h: kringloop::HoursByVolunteer) -> Self {
        HoursByVolunteer {
            volunteer_id: h.volunteer_id.to_string(),
            display_name: h.display_name.into(),
            minutes: h.minutes,
            shifts: h.shifts,
        }
    }
}

record! {
    /// Worked minutes and shifts in one role in a period.
    HoursByRole repr(role, minutes, shifts) {
        role: String,
        minutes: i64,
        shifts: i64,
    }
}

impl From<kringloop::HoursByRole> for HoursByRole {
    fn from(h: kringloop::HoursByRole) -> Self {
        HoursByRole {
            role: h.role.code().into(),
            minutes: h.minutes,
            shifts: h.shifts,
        }
    }
}

record! {
    /// A volunteer who passed an hour milestone within a period.
    MilestoneReached repr(volunteer_id, display_name, milestone_hours, total_minutes) {
        volunteer_id: String,
        display_name: String,
        milestone_hours: i64,
        total_minutes: i64,
    }
}

impl From<kringloop::MilestoneReached> for MilestoneReached {
    fn from(m: kringloop::MilestoneReached) -> Self {
        MilestoneReached {
            volunteer_id: m.volunteer_id.to_string(),
            display_name: m.display_name.into(),
            milestone_hours: m.milestone_hours,
            total_minutes: m.total_minutes,
        }
    }
}

record! {
    /// One weekly opening slot and the people each role needs in it.
    OpeningSlot repr(weekday, start, end, staffing) {
        weekday: String,
        start: NaiveTime,
        end: NaiveTime,
        staffing: BTreeMap<String, u32>,
    }
}

impl From<&kringloop::OpeningSlot> for OpeningSlot {
    fn from(s: &kringloop::OpeningSlot) -> Self {
        OpeningSlot {
            weekday: s.weekday.code().into(),
            start: s.span.start(),
            end: s.span.end(),
            staffing: s
                .staffing
                .iter()
                .map(|(r, n)| (r.code().to_string(), *n))
                .collect(),
        }
    }
}

/// The slots of the core's opening hours.
pub fn opening_hours(hours: &kringloop::OpeningHours) -> Vec<OpeningSlot> {
    hours.slots().iter().map(OpeningSlot::from).collect()
}

record! {
    /// A stretch of an opening slot where a role has fewer people than needed.
    RosterGap repr(date, start, end, role, required, planned) {
        date: NaiveDate,
        start: NaiveTime,
        end: NaiveTime,
        role: String,
        required: u32,
        planned: u32,
        candidates: Vec<Candidate>,
    }
}

record! {
    /// A volunteer who could fill a roster gap.
    Candidate repr(volunteer_id, display_name) {
        volunteer_id: String,
        display_name: String,
    }
}

impl From<kringloop::RosterGap> for RosterGap {
    fn from(g: kringloop::RosterGap) -> Self {
        RosterGap {
            date: g.date,
            start: g.span.start(),
            end: g.span.end(),
            role: g.role.code().into(),
            required: g.required,
            planned: g.planned,
            candidates: g
                .candidates
                .into_iter()
                .map(|c| Candidate {
                    volunteer_id: c.volunteer_id.to_string(),
                    display_name: c.display_name.into(),
                })
                .collect(),
        }
    }
}

record! {
    /// A volunteer whose VOG is missing, expired or expiring.
    VogStatus repr(volunteer_id, display_name, state, expires_on) {
        volunteer_id: String,
        display_name: String,
        vog_date: Option<NaiveDate>,
        expires_on: Option<NaiveDate>,
        state: String,
    }
}

impl From<kringloop::VogStatus> for VogStatus {
    fn from(s: kringloop::VogStatus) -> Self {
        VogStatus {
            volunteer_id: s.volunteer_id.to_string(),
            display_name: s.display_name.into(),
            vog_date: s.vog_date,
            expires_on: s.expires_on,
            state: vog_state(s.state),
        }
    }
}

/// The code of a VOG state (a plain serde enum, not a code list), as the
/// core serialises it.
fn vog_state(state: kringloop::VogState) -> String {
    match serde_json::to_value(state) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(e) => e.to_string(),
    }
}

record! {
    /// One journalled change, at its position `seq` in the hub's journal.
    JournalRecord repr(seq, at, actor, role, action, entity, entity_id) {
        seq: i64,
        id: String,
        at: DateTime<Utc>,
        actor: String,
        role: String,
        action: String,
        entity: String,
        entity_id: String,
        detail: Json,
    }
}

impl From<kringloop::JournalRecord> for JournalRecord {
    fn from(r: kringloop::JournalRecord) -> Self {
        let e = r.entry;
        JournalRecord {
            seq: r.seq,
            id: e.id.to_string(),
            at: e.at,
            actor: e.actor,
            role: e.role.code().into(),
            action: e.action,
            entity: e.entity,
            entity_id: e.entity_id,
            detail: Json(e.detail),
        }
    }
}

// ---- journal sync ----

record! {
    /// An entry of an imported batch that could not be applied, recorded for
    /// the coordinator (e.g. the same unit sold at two tills).
    SyncConflict repr(entry_id, action, entity_id, reason) {
        entry_id: String,
        source_hub: String,
        action: String,
        entity: String,
        entity_id: String,
        reason: String,
        detected_at: DateTime<Utc>,
        /// The refused journal entry (no personal fields) as JSON-like values.
        entry: Json,
    }
}

impl From<kringloop::SyncConflict> for SyncConflict {
    fn from(c: kringloop::SyncConflict) -> Self {
        SyncConflict {
            entry_id: c.entry_id.to_string(),
            source_hub: c.source_hub.to_string(),
            action: c.action,
            entity: c.entity,
            entity_id: c.entity_id,
            reason: c.reason,
            detected_at: c.detected_at,
            entry: Json(kringloop::journal::detail(&c.entry)),
        }
    }
}

record! {
    /// The outcome of one import: entries applied, entries already here, and
    /// the conflicts recorded now.
    ImportReport repr(source_hub, applied, seen, up_to_seq) {
        source_hub: String,
        applied: u32,
        seen: u32,
        conflicts: Vec<SyncConflict>,
        up_to_seq: i64,
    }
}

impl From<kringloop::ImportReport> for ImportReport {
    fn from(r: kringloop::ImportReport) -> Self {
        ImportReport {
            source_hub: r.source_hub.to_string(),
            applied: r.applied,
            seen: r.seen,
            conflicts: r.conflicts.into_iter().map(SyncConflict::from).collect(),
            up_to_seq: r.up_to_seq,
        }
    }
}

// ---- stock, pricing and the till (money as integer cents) ----

record! {
    /// One intake lot of identical donated goods. Money values are `int` cents.
    Item repr(id, category, description, condition, quantity) {
        id: String,
        category: String,
        description: String,
        condition: String,
        quantity: u32,
        weight_grams: u32,
        donor: Option<String>,
        intake_date: NaiveDate,
        price_override: Option<i64>,
    }
}

impl From<kringloop::Item> for Item {
    fn from(i: kringloop::Item) -> Self {
        Item {
            id: i.id.to_string(),
            category: i.category.code().into(),
            description: i.description.into(),
            condition: i.condition.code().into(),
            quantity: i.quantity,
            weight_grams: i.weight_grams,
            donor: i.donor.map(|d| d.code().to_string()),
            intake_date: i.intake_date,
            price_override: i.price_override.map(kringloop::Money::cents),
        }
    }
}

record! {
    /// What an item costs on a day and which tag it wears (cents).
    PriceTag repr(base, percent_off, colour, price) {
        base: i64,
        percent_off: u32,
        colour: Option<String>,
        price: i64,
    }
}

impl From<kringloop::PriceTag> for PriceTag {
    fn from(t: kringloop::PriceTag) -> Self {
        PriceTag {
            base: t.base.cents(),
            percent_off: u32::from(t.percent_off),
            colour: t.colour.map(|c| c.code().to_string()),
            price: t.price.cents(),
        }
    }
}

record! {
    /// An item with its stock on hand, its manual price and its price tag on a day.
    ItemView repr(id, category, description, condition, on_hand, tag) {
        id: String,
        category: String,
        description: String,
        condition: String,
        quantity: u32,
        weight_grams: u32,
        donor: Option<String>,
        intake_date: NaiveDate,
        price_override: Option<i64>,
        on_hand: i64,
        manual_price: Option<i64>,
        tag: PriceTag,
    }
}

impl From<kringloop::ItemView> for ItemView {
    fn from(v: kringloop::ItemView) -> Self {
        let kringloop::ItemState {
            item,
            on_hand,
            manual_price,
        } = v.state;
        let i = Item::from(item);
        ItemView {
            id: i.id,
            category: i.category,
            description: i.description,
            condition: i.condition,
            quantity: i.quantity,
            weight_grams: i.weight_grams,
            donor: i.donor,
            intake_date: i.intake_date,
            price_override: i.price_override,
            on_hand,
            manual_price: manual_price.map(kringloop::Money::cents),
            tag: v.tag.into(),
        }
    }
}

record! {
    /// One entry of the append-only stock ledger.
    StockMove repr(item_id, kind, quantity, date, unit_price) {
        id: String,
        item_id: String,
        kind: String,
        quantity: i64,
        date: NaiveDate,
        at: DateTime<Utc>,
        actor: String,
        sale_id: Option<String>,
        unit_price: Option<i64>,
        reason: Option<String>,
    }
}

impl From<kringloop::StockMove> for StockMove {
    fn from(m: kringloop::StockMove) -> Self {
        StockMove {
            id: m.id.to_string(),
            item_id: m.item_id.to_string(),
            kind: m.kind.code().into(),
            quantity: m.quantity,
            date: m.date,
            at: m.at,
            actor: m.actor,
            sale_id: m.sale_id.map(|s| s.to_string()),
            unit_price: m.unit_price.map(kringloop::Money::cents),
            reason: m.reason.map(String::from),
        }
    }
}

record! {
    /// The hub's pricing policy. `to_dict()` gives what `Hub.set_pricing_policy` takes.
    PricingPolicy repr(rounding_step, city_pass_discount_percent) {
        /// `(category, condition, price)` for every pair.
        base_prices: Vec<(String, String, i64)>,
        rounding_step: i64,
        /// `(from_week, percent_off, colour)` steps.
        markdown: Vec<(u32, u32, String)>,
        city_pass_discount_percent: u32,
    }
}

impl From<&kringloop::PricingPolicy> for PricingPolicy {
    fn from(p: &kringloop::PricingPolicy) -> Self {
        PricingPolicy {
            base_prices: p
                .base_prices()
                .iter()
                .map(|b| {
                    let (c, q) = (b.category.code(), b.condition.code());
                    (c.to_string(), q.to_string(), b.price.cents())
                })
                .collect(),
            rounding_step: p.rounding_step().cents(),
            markdown: p
                .markdown()
                .iter()
                .map(|s| {
                    let colour = s.colour.code().to_string();
                    (s.from_week, u32::from(s.percent_off), colour)
                })
                .collect(),
            city_pass_discount_percent: u32::from(p.city_pass_discount_percent()),
        }
    }
}

record! {
    /// One line of a sale (negative quantities in a refund); money in cents.
    SaleLine repr(item_id, category, quantity, unit_price, net) {
        item_id: String,
        category: String,
        quantity: i64,
        unit_price: i64,
        line_total: i64,
        net: i64,
        weight_grams: i64,
    }
}

record! {
    /// A sale at the till, or with `reverses` a refund of an earlier sale (cents).
    Sale repr(id, till, date, payment, total, reverses) {
        id: String,
        till: String,
        at: DateTime<Utc>,
        date: NaiveDate,
        actor: String,
        payment: String,
        city_pass: bool,
        lines: Vec<SaleLine>,
        subtotal: i64,
        discount: i64,
        rounding: i64,
        total: i64,
        reverses: Option<String>,
    }
}

impl From<kringloop::Sale> for Sale {
    fn from(s: kringloop::Sale) -> Self {
        Sale {
            id: s.id.to_string(),
            till: s.till.into(),
            at: s.at,
            date: s.date,
            actor: s.actor,
            payment: s.payment.code().into(),
            city_pass: s.city_pass,
            lines: s
                .lines
                .into_iter()
                .map(|l| SaleLine {
                    item_id: l.item_id.to_string(),
                    category: l.category.code().into(),
                    quantity: l.quantity,
                    unit_price: l.unit_price.cents(),
                    line_total: l.line_total.cents(),
                    net: l.net.cents(),
                    weight_grams: l.weight_grams,
                })
                .collect(),
            subtotal: s.subtotal.cents(),
            discount: s.discount.cents(),
            rounding: s.rounding.cents(),
            total: s.total.cents(),
            reverses: s.reverses.map(|r| r.to_string()),
        }
    }
}

record! {
    /// The count of a till at the end of a day (cents).
    CashUp repr(till, date, expected, counted, difference) {
        id: String,
        till: String,
        date: NaiveDate,
        opening_float: i64,
        cash_sales: i64,
        cash_refunds: i64,
        expected: i64,
        counted: i64,
        difference: i64,
        recorded_by: String,
        at: DateTime<Utc>,
    }
}

impl From<kringloop::CashUp> for CashUp {
    fn from(c: kringloop::CashUp) -> Self {
        CashUp {
            id: c.id.to_string(),
            till: c.till.into(),
            date: c.date,
            opening_float: c.opening_float.cents(),
            cash_sales: c.cash_sales.cents(),
            cash_refunds: c.cash_refunds.cents(),
            expected: c.expected.cents(),
            counted: c.counted.cents(),
            difference: c.difference.cents(),
            recorded_by: c.recorded_by,
            at: c.at,
        }
    }
}

record! {
    /// Stock on hand of one category and tag colour, valued in cents.
    StockOnHand repr(category, colour, items, units, value) {
        category: String,
        colour: Option<String>,
        items: i64,
        units: i64,
        weight_grams: i64,
        value: i64,
    }
}

impl From<kringloop::StockOnHand> for StockOnHand {
    fn from(s: kringloop::StockOnHand) -> Self {
        StockOnHand {
            category: s.category.code().into(),
            colour: s.colour.map(|c| c.code().to_string()),
            items: s.items,
            units: s.units,
            weight_grams: s.weight_grams,
            value: s.value.cents(),
        }
    }
}

record! {
    /// Sales of one category in one day, week or month (revenue in cents).
    SalesRow repr(period_start, category, revenue, units) {
        period_start: NaiveDate,
        category: String,
        revenue: i64,
        units: i64,
        weight_grams: i64,
    }
}

impl From<kringloop::SalesRow> for SalesRow {
    fn from(r: kringloop::SalesRow) -> Self {
        SalesRow {
            period_start: r.period_start,
            category: r.category.code().into(),
            revenue: r.revenue.cents(),
            units: r.units,
            weight_grams: r.weight_grams,
        }
    }
}

record! {
    /// How much CO2e reusing one kilogram of a category avoids, and who says so.
    /// `to_dict()` gives what `Hub.set_impact_factors` takes.
    ImpactFactor repr(category, grams_co2e_per_kg, source_date) {
        category: String,
        /// Grams of CO2e avoided per kilogram reused.
        grams_co2e_per_kg: u32,
        /// Where the number comes from (publication, method).
        source: String,
        /// Date of the source.
        source_date: NaiveDate,
    }
}

impl From<&kringloop::ImpactFactor> for ImpactFactor {
    fn from(f: &kringloop::ImpactFactor) -> Self {
        ImpactFactor {
            category: f.category.code().into(),
            grams_co2e_per_kg: f.grams_co2e_per_kg,
            source: f.source.clone(),
            source_date: f.source_date,
        }
    }
}

record! {
    /// Goods of one category reused (sold, net of returns) in a period and the
    /// CO2e that avoided; `grams_co2e` and `source` are `None` without a factor.
    ImpactRow repr(category, weight_grams, grams_co2e) {
        category: String,
        weight_grams: i64,
        grams_co2e: Option<i64>,
        source: Option<String>,
    }
}

impl From<kringloop::ImpactRow> for ImpactRow {
    fn from(r: kringloop::ImpactRow) -> Self {
        ImpactRow {
            category: r.category.code().into(),
            weight_grams: r.weight_grams,
            grams_co2e: r.grams_co2e,
            source: r.source,
        }
    }
}

// ---- signals, partners and referrals ----
//
// Personal fields (`person`, `contact`, `summary`) never appear in a
// `__repr__`, so a logged or printed result does not leak them.

/// The codes of a list of code-list values.
fn code_strings<T: kringloop::CodeList>(values: &[T]) -> Vec<String> {
    values.iter().map(|v| v.code().to_string()).collect()
}

record! {
    /// The coded facts of a signal: no name, no contact, no free text.
    Signal repr(id, recorded_on, domains, urgency, consent, status) {
        id: String,
        recorded_at: DateTime<Utc>,
        recorded_on: NaiveDate,
        recorded_by: String,
        recorded_by_volunteer: Option<String>,
        domains: Vec<String>,
        urgency: String,
        consent: String,
        consent_at: Option<DateTime<Utc>>,
        consent_asked_by: Option<String>,
        do_not_contact: bool,
        status: String,
        closed_at: Option<DateTime<Utc>>,
        personal_erased_at: Option<DateTime<Utc>>,
        version: i64,
    }
}

impl From<kringloop::Signal> for Signal {
    fn from(s: kringloop::Signal) -> Self {
        Signal {
            id: s.id.to_string(),
            recorded_at: s.recorded_at,
            recorded_on: s.recorded_on,
            recorded_by: s.recorded_by.into(),
            recorded_by_volunteer: s.recorded_by_volunteer.map(|v| v.to_string()),
            domains: code_strings(&s.domains),
            urgency: s.urgency.code().into(),
            consent: s.consent.code().into(),
            consent_at: s.consent_at,
            consent_asked_by: s.consent_asked_by.map(String::from),
            do_not_contact: s.do_not_contact,
            status: s.status.code().into(),
            closed_at: s.closed_at,
            personal_erased_at: s.personal_erased_at,
            version: s.version,
        }
    }
}

record! {
    /// A signal with its personal fields (`person`, `contact`, `summary`),
    /// which are `None` after the retention purge erased them.
    SignalView repr(id, recorded_on, domains, urgency, consent, status) {
        id: String,
        recorded_at: DateTime<Utc>,
        recorded_on: NaiveDate,
        recorded_by: String,
        recorded_by_volunteer: Option<String>,
        domains: Vec<String>,
        urgency: String,
        consent: String,
        consent_at: Option<DateTime<Utc>>,
        consent_asked_by: Option<String>,
        do_not_contact: bool,
        status: String,
        closed_at: Option<DateTime<Utc>>,
        personal_erased_at: Option<DateTime<Utc>>,
        version: i64,
        person: Option<String>,
        contact: Option<String>,
        summary: Option<String>,
    }
}

impl From<kringloop::SignalView> for SignalView {
    fn from(v: kringloop::SignalView) -> Self {
        let s = Signal::from(v.signal);
        let (person, contact, summary) = match v.personal {
            Some(p) => (
                p.person.map(String::from),
                p.contact.map(String::from),
                Some(String::from(p.summary)),
            ),
            None => (None, None, None),
        };
        SignalView {
            id: s.id,
            recorded_at: s.recorded_at,
            recorded_on: s.recorded_on,
            recorded_by: s.recorded_by,
            recorded_by_volunteer: s.recorded_by_volunteer,
            domains: s.domains,
            urgency: s.urgency,
            consent: s.consent,
            consent_at: s.consent_at,
            consent_asked_by: s.consent_asked_by,
            do_not_contact: s.do_not_contact,
            status: s.status,
            closed_at: s.closed_at,
            personal_erased_at: s.personal_erased_at,
            version: s.version,
            person,
            contact,
            summary,
        }
    }
}

record! {
    /// One service of a partner and the signal domains it serves.
    /// `to_dict()` gives a service as `Hub.register_partner` takes it.
    PartnerService repr(id, name, domains) {
        id: String,
        name: String,
        description: Option<String>,
        domains: Vec<String>,
    }
}

impl From<kringloop::PartnerService> for PartnerService {
    fn from(s: kringloop::PartnerService) -> Self {
        PartnerService {
            id: s.id.to_string(),
            name: s.name.into(),
            description: s.description.map(String::from),
            domains: code_strings(&s.domains),
        }
    }
}

record! {
    /// A partner organisation the hub refers people to, with its services.
    Partner repr(id, name, status) {
        id: String,
        name: String,
        description: Option<String>,
        email: Option<String>,
        phone: Option<String>,
        website: Option<String>,
        status: String,
        services: Vec<PartnerService>,
        version: i64,
    }
}

impl From<kringloop::Partner> for Partner {
    fn from(p: kringloop::Partner) -> Self {
        Partner {
            id: p.id.to_string(),
            name: p.name.into(),
            description: p.description.map(String::from),
            email: p.email.map(String::from),
            phone: p.phone.map(String::from),
            website: p.website.map(String::from),
            status: p.status.code().into(),
            services: p.services.into_iter().map(PartnerService::from).collect(),
            version: p.version,
        }
    }
}

record! {
    /// A partner suggested for a signal: its services and the signal's
    /// domains that match.
    PartnerSuggestion repr(partner, services, matched) {
        partner: Partner,
        services: Vec<String>,
        matched: Vec<String>,
    }
}

impl From<kringloop::PartnerSuggestion> for PartnerSuggestion {
    fn from(s: kringloop::PartnerSuggestion) -> Self {
        PartnerSuggestion {
            partner: s.partner.into(),
            services: s.services.iter().map(|id| id.to_string()).collect(),
            matched: code_strings(&s.matched),
        }
    }
}

record! {
    /// A referral of a signal to a partner, through its lifecycle.
    Referral repr(id, signal_id, partner_id, status, follow_up, outcome) {
        id: String,
        signal_id: String,
        partner_id: String,
        status: String,
        held_from: Option<String>,
        created_at: DateTime<Utc>,
        created_on: NaiveDate,
        created_by: String,
        consent_exception: Option<String>,
        requested_at: Option<DateTime<Utc>>,
        follow_up: Option<NaiveDate>,
        outcome: Option<String>,
        closed_at: Option<DateTime<Utc>>,
        updated_at: DateTime<Utc>,
        version: i64,
    }
}

impl From<kringloop::Referral> for Referral {
    fn from(r: kringloop::Referral) -> Self {
        Referral {
            id: r.id.to_string(),
            signal_id: r.signal_id.to_string(),
            partner_id: r.partner_id.to_string(),
            status: r.status.code().into(),
            held_from: r.held_from.map(|s| s.code().to_string()),
            created_at: r.created_at,
            created_on: r.created_on,
            created_by: r.created_by.into(),
            consent_exception: r.consent_exception.map(String::from),
            requested_at: r.requested_at,
            follow_up: r.follow_up,
            outcome: r.outcome.map(|o| o.code().to_string()),
            closed_at: r.closed_at,
            updated_at: r.updated_at,
            version: r.version,
        }
    }
}

record! {
    /// An open referral whose follow-up date has come, with what the person
    /// following up must know first.
    FollowUpDue repr(partner_name, urgency, do_not_contact, referral) {
        referral: Referral,
        partner_name: String,
        urgency: String,
        do_not_contact: bool,
    }
}

impl From<kringloop::FollowUpDue> for FollowUpDue {
    fn from(f: kringloop::FollowUpDue) -> Self {
        FollowUpDue {
            referral: f.referral.into(),
            partner_name: f.partner_name,
            urgency: f.urgency.code().into(),
            do_not_contact: f.do_not_contact,
        }
    }
}

record! {
    /// The hub's retention period and small-cell suppression threshold.
    /// `to_dict()` gives the keyword arguments of `Hub.set_signal_policy`.
    SignalPolicy repr(retention_months, suppression_threshold) {
        retention_months: u32,
        suppression_threshold: u32,
    }
}

impl From<kringloop::SignalPolicy> for SignalPolicy {
    fn from(p: kringloop::SignalPolicy) -> Self {
        SignalPolicy {
            retention_months: p.retention_months(),
            suppression_threshold: p.suppression_threshold(),
        }
    }
}

record! {
    /// What a purge erased: the ids of the signals whose personal fields went.
    PurgeReport repr(closed_before, erased) {
        closed_before: DateTime<Utc>,
        erased: Vec<String>,
    }
}

impl From<kringloop::PurgeReport> for PurgeReport {
    fn from(r: kringloop::PurgeReport) -> Self {
        PurgeReport {
            closed_before: r.closed_before,
            erased: r.erased.iter().map(|id| id.to_string()).collect(),
        }
    }
}

record! {
    /// A two-way table of counts with its totals, as published; `None` is a
    /// hidden (suppressed) count.
    CountTable repr(rows, columns, total, threshold) {
        rows: Vec<String>,
        columns: Vec<String>,
        cells: Vec<Vec<Option<u64>>>,
        row_totals: Vec<Option<u64>>,
        column_totals: Vec<Option<u64>>,
        total: Option<u64>,
        threshold: Option<u32>,
    }
}

impl From<kringloop::CountTable> for CountTable {
    fn from(t: kringloop::CountTable) -> Self {
        CountTable {
            rows: t.rows,
            columns: t.columns,
            cells: t.cells,
            row_totals: t.row_totals,
            column_totals: t.column_totals,
            total: t.total,
            threshold: t.threshold,
        }
    }
}

record! {
    /// How many durations were measured and their median in days, as
    /// published (both `None` when hidden; `median` also when `n` is 0).
    PublishedDays repr(n, median) {
        n: Option<u64>,
        median: Option<f64>,
    }
}

impl From<kringloop::PublishedDays> for PublishedDays {
    fn from(d: kringloop::PublishedDays) -> Self {
        PublishedDays {
            n: d.n,
            median: d.median,
        }
    }
}

record! {
    /// Signal and referral statistics for signals recorded from `start_date`
    /// to `end_date`; with small-cell suppression when `threshold` is set.
    SignalStatistics repr(start_date, end_date, threshold) {
        start_date: NaiveDate,
        end_date: NaiveDate,
        threshold: Option<u32>,
        by_domain: CountTable,
        by_urgency: CountTable,
        referrals_by_status: CountTable,
        referrals_by_outcome: CountTable,
        days_to_referral: PublishedDays,
        days_to_closure: PublishedDays,
    }
}

impl From<kringloop::SignalStatistics> for SignalStatistics {
    fn from(s: kringloop::SignalStatistics) -> Self {
        SignalStatistics {
            start_date: s.period.from(),
            end_date: s.period.to(),
            threshold: s.threshold,
            by_domain: s.by_domain.into(),
            by_urgency: s.by_urgency.into(),
            referrals_by_status: s.referrals_by_status.into(),
            referrals_by_outcome: s.referrals_by_outcome.into(),
            days_to_referral: s.days_to_referral.into(),
            days_to_closure: s.days_to_closure.into(),
        }
    }
}

// ---- activities ----
//
// A resident's name and contact, and the contact on an idea, never appear in
// a `__repr__`, so a logged or printed result does not leak them.

record! {
    /// An activity of the hub (crochet club, choir, film night, …).
    /// `price` is `int` cents per session (0: free).
    Activity repr(id, name, kind, status, capacity) {
        id: String,
        name: String,
        kind: String,
        description: Option<String>,
        leaders: Vec<String>,
        location: Option<String>,
        capacity: Option<u32>,
        price: i64,
        status: String,
        version: i64,
    }
}

impl From<kringloop::Activity> for Activity {
    fn from(a: kringloop::Activity) -> Self {
        Activity {
            id: a.id.to_string(),
            name: a.name.into(),
            kind: a.kind.code().into(),
            description: a.description.map(String::from),
            leaders: a.leaders.iter().map(|v| v.to_string()).collect(),
            location: a.location.map(String::from),
            capacity: a.capacity,
            price: a.price.cents(),
            status: a.status.code().into(),
            version: a.version,
        }
    }
}

/// A schedule's recurrence, handed to Python as the dict `Hub.set_schedule`
/// takes: `{"freq": "weekly", "every", "weekdays"}` or
/// `{"freq": "monthly", "every", "nth", "weekday"}` (keys in that order).
#[derive(Debug, Clone, PartialEq)]
pub struct RecurrenceDict(kringloop::Recurrence);

impl RecurrenceDict {
    /// The keys and values, in order.
    fn entries(&self) -> Vec<(&'static str, RecurrenceValue)> {
        use kringloop::Recurrence;
        match &self.0 {
            Recurrence::Weekly { every, weekdays } => vec![
                ("freq", RecurrenceValue::Text("weekly".into())),
                ("every", RecurrenceValue::Number(*every)),
                ("weekdays", RecurrenceValue::List(code_strings(weekdays))),
            ],
            Recurrence::Monthly {
                every,
                nth,
                weekday,
            } => vec![
                ("freq", RecurrenceValue::Text("monthly".into())),
                ("every", RecurrenceValue::Number(*every)),
                ("nth", RecurrenceValue::Text(nth.code().into())),
                ("weekday", RecurrenceValue::Text(weekday.code().into())),
            ],
        }
    }
}

/// One value of a [`RecurrenceDict`].
enum RecurrenceValue {
    Text(String),
    Number(u32),
    List(Vec<String>),
}

impl<'py> IntoPyObject<'py> for RecurrenceDict {
    type Target = PyDict;
    type Output = Bound<'py, PyDict>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (key, value) in self.entries() {
            match value {
                RecurrenceValue::Text(s) => d.set_item(key, s)?,
                RecurrenceValue::Number(n) => d.set_item(key, n)?,
                RecurrenceValue::List(items) => d.set_item(key, items)?,
            }
        }
        Ok(d)
    }
}

impl Repr for RecurrenceDict {
    fn repr(&self) -> String {
        let items: Vec<String> = self
            .entries()
            .into_iter()
            .map(|(key, value)| {
                let value = match value {
                    RecurrenceValue::Text(s) => s.repr(),
                    RecurrenceValue::Number(n) => n.repr(),
                    RecurrenceValue::List(items) => items.repr(),
                };
                format!("{}: {value}", key.to_string().repr())
            })
            .collect();
        format!("{{{}}}", items.join(", "))
    }
}

record! {
    /// A schedule of an activity: how it repeats (`recurrence`, a dict as
    /// `Hub.set_schedule` takes it), from `starts_on`, at `start`–`end`,
    /// until a date or for `count` times.
    Schedule repr(id, activity_id, recurrence, starts_on, start, end, until, count) {
        id: String,
        activity_id: String,
        recurrence: RecurrenceDict,
        starts_on: NaiveDate,
        start: NaiveTime,
        end: NaiveTime,
        until: Option<NaiveDate>,
        count: Option<u32>,
    }
}

impl From<kringloop::Schedule> for Schedule {
    fn from(s: kringloop::Schedule) -> Self {
        Schedule {
            id: s.id.to_string(),
            activity_id: s.activity_id.to_string(),
            recurrence: RecurrenceDict(s.recurrence),
            starts_on: s.starts_on,
            start: s.span.start(),
            end: s.span.end(),
            until: s.until,
            count: s.count,
        }
    }
}

record! {
    /// What setting a schedule did: the new schedule, and how many planned
    /// sessions of the earlier one (from the new start on) were removed.
    ScheduleChange repr(schedule, removed_sessions) {
        schedule: Schedule,
        removed_sessions: u64,
    }
}

impl From<kringloop::ScheduleChange> for ScheduleChange {
    fn from(c: kringloop::ScheduleChange) -> Self {
        ScheduleChange {
            schedule: c.schedule.into(),
            removed_sessions: c.removed_sessions,
        }
    }
}

record! {
    /// Who came to a session: everyone (`headcount`), how many for the first
    /// time, and the named participants (volunteer and resident ids).
    Attendance repr(headcount, first_timers, volunteers, residents) {
        headcount: u32,
        first_timers: u32,
        volunteers: Vec<String>,
        residents: Vec<String>,
        recorded_by: String,
        recorded_at: DateTime<Utc>,
    }
}

impl From<kringloop::Attendance> for Attendance {
    fn from(a: kringloop::Attendance) -> Self {
        let mut volunteers = Vec::new();
        let mut residents = Vec::new();
        for p in &a.participants {
            match p {
                kringloop::Participant::Volunteer(id) => volunteers.push(id.to_string()),
                kringloop::Participant::Resident(id) => residents.push(id.to_string()),
            }
        }
        Attendance {
            headcount: a.headcount,
            first_timers: a.first_timers,
            volunteers,
            residents,
            recorded_by: a.recorded_by.into(),
            recorded_at: a.recorded_at,
        }
    }
}

record! {
    /// One session of an activity: generated from a schedule (`schedule_id`)
    /// or extra (`None`), `planned` or `cancelled`, held once it has
    /// `attendance`.
    Session repr(id, activity_id, date, start, end, status, attendance) {
        id: String,
        activity_id: String,
        date: NaiveDate,
        start: NaiveTime,
        end: NaiveTime,
        schedule_id: Option<String>,
        status: String,
        cancel_reason: Option<String>,
        attendance: Option<Attendance>,
        version: i64,
    }
}

impl From<kringloop::Session> for Session {
    fn from(s: kringloop::Session) -> Self {
        Session {
            id: s.id.to_string(),
            activity_id: s.activity_id.to_string(),
            date: s.date,
            start: s.span.start(),
            end: s.span.end(),
            schedule_id: s.schedule_id.map(|id| id.to_string()),
            status: s.status.code().into(),
            cancel_reason: s.cancel_reason.map(String::from),
            attendance: s.attendance.map(Attendance::from),
            version: s.version,
        }
    }
}

record! {
    /// A resident registered with their consent, so they can be named in
    /// attendance. `name` and `contact` never show in `repr`.
    Resident repr(id, consent_on) {
        id: String,
        name: String,
        contact: Option<String>,
        consent_on: NaiveDate,
        registered_by: String,
    }
}

impl From<kringloop::Resident> for Resident {
    fn from(r: kringloop::Resident) -> Self {
        Resident {
            id: r.id.to_string(),
            name: r.name.into(),
            contact: r.contact.map(String::from),
            consent_on: r.consent_on,
            registered_by: r.registered_by.into(),
        }
    }
}

record! {
    /// One status change of an idea (`from_status` → `to_status`).
    IdeaChange repr(on, from_status, to_status, by) {
        on: NaiveDate,
        from_status: String,
        to_status: String,
        reason: Option<String>,
        by: String,
    }
}

impl From<kringloop::IdeaChange> for IdeaChange {
    fn from(c: kringloop::IdeaChange) -> Self {
        IdeaChange {
            on: c.on,
            from_status: c.from.code().into(),
            to_status: c.to.code().into(),
            reason: c.reason.map(String::from),
            by: c.by.into(),
        }
    }
}

record! {
    /// A resident's idea and what became of it. `contact` (only kept with
    /// the resident's consent) is `None` for anyone but coordinators and
    /// admins, and never shows in `repr`.
    Idea repr(id, title, status, submitted_on, activity_id) {
        id: String,
        title: String,
        text: String,
        submitted_on: NaiveDate,
        contact: Option<String>,
        status: String,
        history: Vec<IdeaChange>,
        activity_id: Option<String>,
        version: i64,
    }
}

impl From<kringloop::Idea> for Idea {
    fn from(i: kringloop::Idea) -> Self {
        Idea {
            id: i.id.to_string(),
            title: i.title.into(),
            text: i.text.into(),
            submitted_on: i.submitted_on,
            contact: i.contact.map(String::from),
            status: i.status.code().into(),
            history: i.history.into_iter().map(IdeaChange::from).collect(),
            activity_id: i.activity_id.map(|id| id.to_string()),
            version: i.version,
        }
    }
}

record! {
    /// One day's tally at the big table: visitors and conversations (counts only).
    TableTally repr(date, visitors, conversations, version) {
        date: NaiveDate,
        visitors: u32,
        conversations: u32,
        recorded_by: String,
        version: i64,
    }
}

impl From<kringloop::TableTally> for TableTally {
    fn from(t: kringloop::TableTally) -> Self {
        TableTally {
            date: t.date,
            visitors: t.visitors,
            conversations: t.conversations,
            recorded_by: t.recorded_by.into(),
            version: t.version,
        }
    }
}

record! {
    /// One activity in one month (`YYYY-MM`), as published: sessions held,
    /// cancelled and still planned, attendance and first-timers, average
    /// attendance per session held and its share of the capacity. `None` is
    /// a hidden count (or an average that cannot be given).
    ActivityMonth repr(activity_name, month, held, cancelled, planned, attendance) {
        activity_id: String,
        activity_name: String,
        month: String,
        held: Option<u64>,
        cancelled: Option<u64>,
        planned: Option<u64>,
        attendance: Option<u64>,
        first_timers: Option<u64>,
        average_attendance: Option<f64>,
        capacity_use: Option<f64>,
    }
}

impl From<kringloop::ActivityMonth> for ActivityMonth {
    fn from(m: kringloop::ActivityMonth) -> Self {
        ActivityMonth {
            activity_id: m.activity_id.to_string(),
            activity_name: m.activity_name,
            month: m.month,
            held: m.held,
            cancelled: m.cancelled,
            planned: m.planned,
            attendance: m.attendance,
            first_timers: m.first_timers,
            average_attendance: m.average_attendance,
            capacity_use: m.capacity_use,
        }
    }
}

record! {
    /// How many ideas submitted in the period now have `status` (`None`: hidden).
    IdeasByStatus repr(status, count) {
        status: String,
        count: Option<u64>,
    }
}

impl From<kringloop::IdeasByStatus> for IdeasByStatus {
    fn from(i: kringloop::IdeasByStatus) -> Self {
        IdeasByStatus {
            status: i.status.code().into(),
            count: i.count,
        }
    }
}

record! {
    /// The table tally of one week (from its Monday, `week`).
    TallyWeek repr(week, days, visitors, conversations) {
        week: NaiveDate,
        days: u64,
        visitors: u64,
        conversations: u64,
    }
}

impl From<kringloop::TallyWeek> for TallyWeek {
    fn from(w: kringloop::TallyWeek) -> Self {
        TallyWeek {
            week: w.week,
            days: w.days,
            visitors: w.visitors,
            conversations: w.conversations,
        }
    }
}

record! {
    /// The activity report from `start_date` to `end_date`; with small-cell
    /// suppression of counts of people when `threshold` is set.
    ActivityReport repr(start_date, end_date, threshold) {
        start_date: NaiveDate,
        end_date: NaiveDate,
        threshold: Option<u32>,
        months: Vec<ActivityMonth>,
        ideas: Vec<IdeasByStatus>,
        tally: Vec<TallyWeek>,
    }
}

impl From<kringloop::ActivityReport> for ActivityReport {
    fn from(r: kringloop::ActivityReport) -> Self {
        ActivityReport {
            start_date: r.period.from(),
            end_date: r.period.to(),
            threshold: r.threshold,
            months: r.months.into_iter().map(ActivityMonth::from).collect(),
            ideas: r.ideas.into_iter().map(IdeasByStatus::from).collect(),
            tally: r.tally.into_iter().map(TallyWeek::from).collect(),
        }
    }
}

// ---- development, coaching, courses and conflicts ----
//
// Assessment and coaching notes, a conflict's description and its
// follow-ups' notes never appear in a `__repr__`.

record! {
    /// A dated assessment of a volunteer on one instrument. `scores` maps
    /// each measure code (`ladder`, `zrm.<domain>`, `skill.<name>`) to its
    /// value.
    Assessment repr(id, volunteer_id, on, instrument, scores, corrects) {
        id: String,
        volunteer_id: String,
        on: NaiveDate,
        assessor: String,
        instrument: String,
        scores: BTreeMap<String, u32>,
        note: Option<String>,
        corrects: Option<String>,
        recorded_at: DateTime<Utc>,
    }
}

impl From<kringloop::Assessment> for Assessment {
    fn from(a: kringloop::Assessment) -> Self {
        Assessment {
            id: a.id.to_string(),
            volunteer_id: a.volunteer_id.to_string(),
            on: a.on,
            assessor: a.assessor.into(),
            instrument: a.instrument.code().into(),
            scores: a
                .scores
                .into_iter()
                .map(|s| (String::from(s.measure), u32::from(s.value)))
                .collect(),
            note: a.note.map(String::from),
            corrects: a.corrects.map(|id| id.to_string()),
            recorded_at: a.recorded_at,
        }
    }
}

record! {
    /// The recent course of one measure of one volunteer: `class_` is a
    /// `trajectory_class` code (`rising`, `plateau`, `declining`,
    /// `insufficient_data`).
    Trajectory repr(measure, class_, slope_per_month, points, after_rise, latest) {
        measure: String,
        class_: String,
        slope_per_month: Option<f64>,
        points: u32,
        after_rise: bool,
        latest: Option<u32>,
    }
}

impl From<kringloop::Trajectory> for Trajectory {
    fn from(t: kringloop::Trajectory) -> Self {
        Trajectory {
            measure: t.measure.into(),
            class_: t.class.code().into(),
            slope_per_month: t.slope_per_month,
            points: t.points,
            after_rise: t.after_rise,
            latest: t.latest.map(u32::from),
        }
    }
}

record! {
    /// A volunteer the coordinator might coach, with their ladder trajectory
    /// and the reason in words.
    CoachingSuggestion repr(volunteer_id, display_name, reason) {
        volunteer_id: String,
        display_name: String,
        trajectory: Trajectory,
        reason: String,
    }
}

impl From<kringloop::CoachingSuggestion> for CoachingSuggestion {
    fn from(s: kringloop::CoachingSuggestion) -> Self {
        CoachingSuggestion {
            volunteer_id: s.volunteer_id.to_string(),
            display_name: s.display_name,
            trajectory: s.trajectory.into(),
            reason: s.reason,
        }
    }
}

record! {
    /// One point of a cohort curve: the cohort (`2025-Q1`), the month of
    /// membership, the number of scores and their mean (`None`: hidden).
    CohortPoint repr(cohort, month, n, mean) {
        cohort: String,
        month: u32,
        n: Option<u64>,
        mean: Option<f64>,
    }
}

impl From<kringloop::CohortPoint> for CohortPoint {
    fn from(p: kringloop::CohortPoint) -> Self {
        CohortPoint {
            cohort: p.cohort,
            month: p.month,
            n: p.n,
            mean: p.mean,
        }
    }
}

record! {
    /// Average curves of a measure per cohort for the volunteers who joined
    /// from `start_date` to `end_date`; with suppression when `threshold` is set.
    CohortCurve repr(measure, start_date, end_date, threshold) {
        measure: String,
        start_date: NaiveDate,
        end_date: NaiveDate,
        threshold: Option<u32>,
        points: Vec<CohortPoint>,
    }
}

impl From<kringloop::CohortCurve> for CohortCurve {
    fn from(c: kringloop::CohortCurve) -> Self {
        CohortCurve {
            measure: c.measure.into(),
            start_date: c.joined.from(),
            end_date: c.joined.to(),
            threshold: c.threshold,
            points: c.points.into_iter().map(CohortPoint::from).collect(),
        }
    }
}

record! {
    /// One coaching session; `note` (the coach's) is `None` for the coached
    /// volunteer and never shows in `repr`.
    CoachingSession repr(on) {
        on: NaiveDate,
        note: Option<String>,
    }
}

record! {
    /// A coaching trajectory: a coach, a volunteer, goals and dated sessions,
    /// `open` until `closed` with an outcome.
    Coaching repr(id, volunteer_id, coach_id, status, opened_on, outcome) {
        id: String,
        volunteer_id: String,
        coach_id: String,
        goals: Vec<String>,
        opened_on: NaiveDate,
        status: String,
        outcome: Option<String>,
        closed_on: Option<NaiveDate>,
        sessions: Vec<CoachingSession>,
        version: i64,
    }
}

impl From<kringloop::Coaching> for Coaching {
    fn from(c: kringloop::Coaching) -> Self {
        Coaching {
            id: c.id.to_string(),
            volunteer_id: c.volunteer_id.to_string(),
            coach_id: c.coach_id.to_string(),
            goals: c.goals.into_iter().map(String::from).collect(),
            opened_on: c.opened_on,
            status: c.status.code().into(),
            outcome: c.outcome.map(|o| o.code().to_string()),
            closed_on: c.closed_on,
            sessions: c
                .sessions
                .into_iter()
                .map(|s| CoachingSession {
                    on: s.on,
                    note: s.note.map(String::from),
                })
                .collect(),
            version: c.version,
        }
    }
}

record! {
    /// A course for volunteers: session dates in order and a capacity.
    Course repr(id, title, sessions, capacity) {
        id: String,
        title: String,
        description: Option<String>,
        sessions: Vec<NaiveDate>,
        capacity: u32,
    }
}

impl From<kringloop::Course> for Course {
    fn from(c: kringloop::Course) -> Self {
        Course {
            id: c.id.to_string(),
            title: c.title.into(),
            description: c.description.map(String::from),
            sessions: c.sessions,
            capacity: c.capacity,
        }
    }
}

record! {
    /// A volunteer's place in a course: `enrolled`, `waiting` or
    /// `withdrawn`, the sessions attended, and whether they completed it.
    Enrolment repr(course_id, volunteer_id, status, attended, completed) {
        course_id: String,
        volunteer_id: String,
        status: String,
        enrolled_at: DateTime<Utc>,
        attended: Vec<NaiveDate>,
        completed: bool,
        version: i64,
    }
}

impl From<kringloop::Enrolment> for Enrolment {
    fn from(e: kringloop::Enrolment) -> Self {
        Enrolment {
            course_id: e.course_id.to_string(),
            volunteer_id: e.volunteer_id.to_string(),
            status: e.status.code().into(),
            enrolled_at: e.enrolled_at,
            attended: e.attended,
            completed: e.completed,
            version: e.version,
        }
    }
}

record! {
    /// What a withdrawal changed: the withdrawn enrolment and the one that
    /// moved up from the waiting list, if any.
    Withdrawal repr(withdrawn, promoted) {
        withdrawn: Enrolment,
        promoted: Option<Enrolment>,
    }
}

impl From<kringloop::Withdrawal> for Withdrawal {
    fn from(w: kringloop::Withdrawal) -> Self {
        Withdrawal {
            withdrawn: w.withdrawn.into(),
            promoted: w.promoted.map(Enrolment::from),
        }
    }
}

record! {
    /// The change in a measure for a course's participants, from the last
    /// assessment before it to the first after it: `n`, mean and sample
    /// standard deviation, or `insufficient_data` (both `None`) below the
    /// minimum. A before/after difference, not a causal effect.
    CourseEffect repr(course_id, measure, n, mean_change, sd_change, insufficient_data) {
        course_id: String,
        measure: String,
        n: u32,
        mean_change: Option<f64>,
        sd_change: Option<f64>,
        insufficient_data: bool,
        note: String,
    }
}

impl From<kringloop::CourseEffect> for CourseEffect {
    fn from(e: kringloop::CourseEffect) -> Self {
        CourseEffect {
            course_id: e.course_id.to_string(),
            measure: e.measure.into(),
            n: e.n,
            mean_change: e.mean_change,
            sd_change: e.sd_change,
            insufficient_data: e.insufficient_data,
            note: e.note,
        }
    }
}

record! {
    /// A dated follow-up of a conflict, with the step and status then; the
    /// `note` never shows in `repr`.
    ConflictFollowUp repr(on, step, status) {
        on: NaiveDate,
        note: String,
        step: u32,
        status: String,
    }
}

record! {
    /// A conflict between volunteers: Glasl `step` (1–9) and its `phase`,
    /// the intervention, the status and dated follow-ups. The `description`
    /// never shows in `repr`.
    Conflict repr(id, parties, on, step, phase, intervention, status) {
        id: String,
        parties: Vec<String>,
        on: NaiveDate,
        description: String,
        step: u32,
        phase: String,
        intervention: String,
        status: String,
        follow_ups: Vec<ConflictFollowUp>,
        version: i64,
    }
}

impl From<kringloop::Conflict> for Conflict {
    fn from(c: kringloop::Conflict) -> Self {
        Conflict {
            id: c.id.to_string(),
            parties: c.parties.iter().map(|v| v.to_string()).collect(),
            on: c.on,
            description: c.description.into(),
            step: u32::from(c.step),
            phase: c.phase.code().into(),
            intervention: c.intervention.code().into(),
            status: c.status.code().into(),
            follow_ups: c
                .follow_ups
                .into_iter()
                .map(|f| ConflictFollowUp {
                    on: f.on,
                    note: f.note.into(),
                    step: u32::from(f.step),
                    status: f.status.code().into(),
                })
                .collect(),
            version: c.version,
        }
    }
}

/// A JSON value, handed to Python as `dict`/`list`/`str`/`int`/`float`/`bool`/`None`.
#[derive(Debug, Clone, PartialEq)]
pub struct Json(pub serde_json::Value);

impl<'py> IntoPyObject<'py> for Json {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.0)
    }
}

impl<'py> IntoPyObject<'py> for &Json {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.0)
    }
}

fn json_to_py<'py>(py: Python<'py>, v: &serde_json::Value) -> PyResult<Bound<'py, PyAny>> {
    use serde_json::Value;
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
        Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => i.into_pyobject(py)?.into_any(),
            (None, Some(u), _) => u.into_pyobject(py)?.into_any(),
            (None, None, f) => f.unwrap_or(f64::NAN).into_pyobject(py)?.into_any(),
        },
        Value::String(s) => s.into_pyobject(py)?.into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(json_to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, item) in map {
                dict.set_item(k, json_to_py(py, item)?)?;
            }
            dict.into_any()
        }
    })
}

/// How a field value shows in `__repr__`: strings quoted, dates ISO, times HH:MM.
trait Repr {
    fn repr(&self) -> String;
}

impl Repr for String {
    fn repr(&self) -> String {
        format!("'{}'", self.replace('\\', "\\\\").replace('\'', "\\'"))
    }
}

impl Repr for NaiveDate {
    fn repr(&self) -> String {
        self.format("%Y-%m-%d").to_string()
    }
}

impl Repr for NaiveTime {
    fn repr(&self) -> String {
        self.format("%H:%M").to_string()
    }
}

impl Repr for DateTime<Utc> {
    fn repr(&self) -> String {
        self.to_rfc3339()
    }
}

impl Repr for i64 {
    fn repr(&self) -> String {
        self.to_string()
    }
}

impl Repr for PriceTag {
    fn repr(&self) -> String {
        self.__repr__()
    }
}

impl Repr for u32 {
    fn repr(&self) -> String {
        self.to_string()
    }
}

impl Repr for u64 {
    fn repr(&self) -> String {
        self.to_string()
    }
}

impl Repr for f64 {
    fn repr(&self) -> String {
        format!("{self:?}") // 2.0, as Python shows it
    }
}

impl Repr for bool {
    fn repr(&self) -> String {
        if *self { "True" } else { "False" }.into()
    }
}

impl Repr for Partner {
    fn repr(&self) -> String {
        self.__repr__()
    }
}

impl Repr for Referral {
    fn repr(&self) -> String {
        self.__repr__()
    }
}

impl Repr for Schedule {
    fn repr(&self) -> String {
        self.__repr__()
    }
}

impl Repr for Enrolment {
    fn repr(&self) -> String {
        self.__repr__()
    }
}

impl Repr for Attendance {
    fn repr(&self) -> String {
        self.__repr__()
    }
}

impl<T: Repr> Repr for Option<T> {
    fn repr(&self) -> String {
        self.as_ref().map_or_else(|| "None".into(), Repr::repr)
    }
}

impl<T: Repr> Repr for Vec<T> {
    fn repr(&self) -> String {
        let items: Vec<String> = self.iter().map(Repr::repr).collect();
        format!("[{}]", items.join(", "))
    }
}

impl<K: Repr, V: Repr> Repr for BTreeMap<K, V> {
    fn repr(&self) -> String {
        let items: Vec<String> = self
            .iter()
            .map(|(k, v)| format!("{}: {}", k.repr(), v.repr()))
            .collect();
        format!("{{{}}}", items.join(", "))
    }
}
