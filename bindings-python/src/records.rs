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
