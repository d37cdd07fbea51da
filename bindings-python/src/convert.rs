//! Python values → core inputs. Codes go through the core's
//! `CodeList::parse`, ids through the core's id parsers, spans and periods
//! through their core constructors, so every refusal carries the core's
//! message and raises the matching exception. Money is an `int` of cents.

use crate::errors::OrRaise;
use chrono::{NaiveDate, NaiveTime};
use kringloop::{
    ActivityId, AssessmentId, AvailabilitySlot, BasePrice, BasketLine, Category, CoachingId,
    CodeList, Condition, ConflictId, CourseId, DonorKind, Error, IdeaId, ImpactFactor, ItemId,
    MarkdownStep, Measure, Money, NewItem, NewPartnerService, NewScore, Nth, OpeningSlot,
    Participant, PartnerId, PartnerServiceId, Period, PricingPolicyRaw, Recurrence, ReferralId,
    ResidentId, SaleId, SessionId, ShiftId, SignalId, TagColour, TimeSpan, TrajectoryParams,
    VolunteerId, VolunteerRole, Weekday,
};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use std::collections::BTreeMap;

/// A code of the code list `T`, e.g. `"cashier"` → `VolunteerRole::Cashier`.
pub fn code<T: CodeList>(s: &str) -> PyResult<T> {
    T::parse(s).or_raise()
}

/// Several codes of one code list.
pub fn codes<T: CodeList>(items: &[String]) -> PyResult<Vec<T>> {
    items.iter().map(|s| code(s)).collect()
}

/// An optional code.
pub fn opt_code<T: CodeList>(s: Option<&str>) -> PyResult<Option<T>> {
    s.map(code).transpose()
}

/// A volunteer id in its string form.
pub fn volunteer_id(s: &str) -> PyResult<VolunteerId> {
    VolunteerId::parse(s).or_raise()
}

/// A shift id in its string form.
pub fn shift_id(s: &str) -> PyResult<ShiftId> {
    ShiftId::parse(s).or_raise()
}

/// A time span; the core refuses an end that is not after the start.
pub fn span(start: NaiveTime, end: NaiveTime) -> PyResult<TimeSpan> {
    TimeSpan::new(start, end).or_raise()
}

/// An inclusive period of dates; the core refuses an end before the start.
pub fn period(start_date: NaiveDate, end_date: NaiveDate) -> PyResult<Period> {
    Period::new(start_date, end_date).or_raise()
}

/// Weekly availability from `(weekday, start, end)` tuples.
pub fn availability(slots: &[Availability]) -> PyResult<Vec<AvailabilitySlot>> {
    slots
        .iter()
        .map(|(weekday, start, end)| {
            Ok(AvailabilitySlot {
                weekday: code(weekday)?,
                span: span(*start, *end)?,
            })
        })
        .collect()
}

/// One availability window as Python passes it: `(weekday, start, end)`.
pub type Availability = (String, NaiveTime, NaiveTime);

/// Any iterable of `str` (list, tuple, set, generator), but not one bare
/// `str`, which would otherwise be taken letter by letter.
#[derive(Debug, Default, Clone)]
pub struct Strings(pub Vec<String>);

impl<'a, 'py> FromPyObject<'a, 'py> for Strings {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if obj.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err(
                "expected an iterable of str (e.g. a list), not a single str",
            ));
        }
        obj.try_iter()?
            .map(|item| item?.extract::<String>())
            .collect::<PyResult<Vec<String>>>()
            .map(Strings)
    }
}

/// A keyword argument of an update where leaving it out keeps the value and
/// `None` clears it (the core's `Option<Option<T>>`).
#[derive(Debug, Default, Clone)]
pub enum Change<T> {
    /// Not given: keep the current value.
    #[default]
    Keep,
    /// Given: the new value, `None` to clear.
    Set(Option<T>),
}

impl<T> Change<T> {
    /// As the core's double option.
    pub fn into_update(self) -> Option<Option<T>> {
        match self {
            Change::Keep => None,
            Change::Set(v) => Some(v),
        }
    }
}

impl<'a, 'py, T> FromPyObject<'a, 'py> for Change<T>
where
    T: FromPyObject<'a, 'py>,
{
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if obj.is_none() {
            Ok(Change::Set(None))
        } else {
            T::extract(obj)
                .map(|v| Change::Set(Some(v)))
                .map_err(Into::into)
        }
    }
}

const SLOT_KEYS: [&str; 4] = ["weekday", "start", "end", "staffing"];

/// An opening slot from `{"weekday": str, "start": time, "end": time,
/// "staffing": {role: count}}`. Missing or unknown keys are a
/// `ValidationError` on field `opening_hours`.
pub fn opening_slot(index: usize, slot: &Bound<'_, PyDict>) -> PyResult<OpeningSlot> {
    let shape = |reason: String| crate::errors::to_py(Error::validation("opening_hours", reason));
    for key in slot.keys() {
        let key: String = key.extract()?;
        if !SLOT_KEYS.contains(&key.as_str()) {
            return Err(shape(format!(
                "slot {index} has an unknown key {key:?}; expected {}",
                SLOT_KEYS.join(", ")
            )));
        }
    }
    let get = |key: &str| -> PyResult<Bound<'_, PyAny>> {
        slot.get_item(key)?
            .ok_or_else(|| shape(format!("slot {index} has no {key:?}")))
    };
    let weekday: Weekday = code(&get("weekday")?.extract::<String>()?)?;
    let span = span(get("start")?.extract()?, get("end")?.extract()?)?;
    let mut staffing = BTreeMap::new();
    for (role, count) in get("staffing")?.cast_into::<PyDict>()?.iter() {
        let role: VolunteerRole = code(&role.extract::<String>()?)?;
        let count: i64 = count.extract()?;
        let count = u32::try_from(count).map_err(|_| {
            crate::errors::to_py(Error::validation(
                "staffing",
                format!("{count} people for {role} is not a number of people"),
            ))
        })?;
        staffing.insert(role, count);
    }
    Ok(OpeningSlot {
        weekday,
        span,
        staffing,
    })
}

// ---- stock, pricing and the till ----

/// An item id in its string form.
pub fn item_id(s: &str) -> PyResult<ItemId> {
    ItemId::parse(s).or_raise()
}

/// A sale id in its string form.
pub fn sale_id(s: &str) -> PyResult<SaleId> {
    SaleId::parse(s).or_raise()
}

/// Money from a Python `int` of cents.
pub fn cents(cents: i64) -> Money {
    Money::from_cents(cents)
}

/// A Python `int` as the core's unsigned type `T`; a value outside `T`
/// (e.g. a negative count) is a `ValidationError` on `field`.
pub fn whole<T: TryFrom<i64>>(field: &str, value: i64, what: &str) -> kringloop::Result<T> {
    T::try_from(value).map_err(|_| Error::validation(field, format!("{value} is not {what}")))
}

/// The arguments of one intake, as Python passes them (to `take_in` as
/// arguments, to `take_in_batch` as a dict).
#[derive(Debug, Clone)]
pub struct ItemArgs {
    pub category: String,
    pub description: String,
    pub condition: String,
    pub weight_grams: i64,
    pub quantity: i64,
    pub donor: Option<String>,
    pub intake_date: Option<NaiveDate>,
    pub price_override: Option<i64>,
}

impl ItemArgs {
    /// The core's intake input; codes and counts checked on the way.
    pub fn into_new_item(self) -> kringloop::Result<NewItem> {
        Ok(NewItem {
            category: Category::parse(&self.category)?,
            description: self.description,
            condition: Condition::parse(&self.condition)?,
            quantity: whole("quantity", self.quantity, "a number of units")?,
            weight_grams: whole("weight_grams", self.weight_grams, "a weight in grams")?,
            donor: self.donor.as_deref().map(DonorKind::parse).transpose()?,
            intake_date: self.intake_date,
            price_override: self.price_override.map(cents),
        })
    }
}

const ITEM_KEYS: [&str; 8] = [
    "category",
    "description",
    "condition",
    "weight_grams",
    "quantity",
    "donor",
    "intake_date",
    "price_override",
];

/// Checks that `d` has only keys of `known`, naming `what` (e.g. `item 3`)
/// in the refusal, which is a `ValidationError` on `field`.
fn known_keys(d: &Bound<'_, PyDict>, known: &[&str], field: &str, what: &str) -> PyResult<()> {
    for key in d.keys() {
        let key: String = key.extract()?;
        if !known.contains(&key.as_str()) {
            return Err(crate::errors::to_py(Error::validation(
                field,
                format!(
                    "{what} has an unknown key {key:?}; expected {}",
                    known.join(", ")
                ),
            )));
        }
    }
    Ok(())
}

/// The value of a required key, or a `ValidationError` on `field`.
fn required<'py>(
    d: &Bound<'py, PyDict>,
    key: &str,
    field: &str,
    what: &str,
) -> PyResult<Bound<'py, PyAny>> {
    d.get_item(key)?.ok_or_else(|| {
        crate::errors::to_py(Error::validation(field, format!("{what} has no {key:?}")))
    })
}

/// The value of an optional key; `None` when absent or `None`.
fn optional<'py, T: for<'a> FromPyObject<'a, 'py>>(
    d: &Bound<'py, PyDict>,
    key: &str,
) -> PyResult<Option<T>> {
    match d.get_item(key)? {
        Some(v) if !v.is_none() => Ok(Some(v.extract().map_err(Into::into)?)),
        _ => Ok(None),
    }
}

/// One intake from a dict with the keys of `Hub.take_in`'s arguments
/// (`category`, `description`, `condition`, `weight_grams` required).
/// Unknown or missing keys are a `ValidationError` on field `items`;
/// `number` is the item's position, from 1.
pub fn item_args(number: usize, d: &Bound<'_, PyDict>) -> PyResult<ItemArgs> {
    let what = format!("item {number}");
    known_keys(d, &ITEM_KEYS, "items", &what)?;
    let get = |key: &str| required(d, key, "items", &what);
    Ok(ItemArgs {
        category: get("category")?.extract()?,
        description: get("description")?.extract()?,
        condition: get("condition")?.extract()?,
        weight_grams: get("weight_grams")?.extract()?,
        quantity: optional(d, "quantity")?.unwrap_or(1),
        donor: optional(d, "donor")?,
        intake_date: optional(d, "intake_date")?,
        price_override: optional(d, "price_override")?,
    })
}

const LINE_KEYS: [&str; 2] = ["item_id", "quantity"];

/// Basket lines from an iterable of `(item_id, quantity)` tuples or
/// `{"item_id", "quantity"}` dicts (not mixed up with a single `str`).
pub fn basket_lines(lines: &Bound<'_, PyAny>) -> PyResult<Vec<BasketLine>> {
    if lines.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "expected an iterable of (item_id, quantity) tuples or dicts, not a single str",
        ));
    }
    let mut out = Vec::new();
    for (i, line) in lines.try_iter()?.enumerate() {
        let line = line?;
        let number = i + 1;
        let (item, quantity): (String, i64) = match line.cast::<PyDict>() {
            Ok(d) => {
                let what = format!("line {number}");
                known_keys(d, &LINE_KEYS, "lines", &what)?;
                (
                    required(d, "item_id", "lines", &what)?.extract()?,
                    required(d, "quantity", "lines", &what)?.extract()?,
                )
            }
            Err(_) => line.extract()?,
        };
        let quantity = whole("quantity", quantity, "a number of units")
            .map_err(|e| match e {
                Error::Validation { field, reason } => {
                    Error::validation(field, format!("line {number}: {reason}"))
                }
                other => other,
            })
            .or_raise()?;
        out.push(BasketLine {
            item_id: item_id(&item)?,
            quantity,
        });
    }
    Ok(out)
}

const POLICY_KEYS: [&str; 4] = [
    "base_prices",
    "rounding_step",
    "markdown",
    "city_pass_discount_percent",
];

/// A pricing policy as Python passes it: the values of
/// `PricingPolicy.to_dict()`.
#[derive(Debug, Clone)]
pub struct PolicyArgs {
    pub base_prices: Vec<(String, String, i64)>,
    pub rounding_step: i64,
    pub markdown: Vec<(i64, i64, String)>,
    pub city_pass_discount_percent: i64,
}

impl From<&crate::records::PricingPolicy> for PolicyArgs {
    fn from(p: &crate::records::PricingPolicy) -> Self {
        PolicyArgs {
            base_prices: p.base_prices.clone(),
            rounding_step: p.rounding_step,
            markdown: p
                .markdown
                .iter()
                .map(|(w, pct, c)| (i64::from(*w), i64::from(*pct), c.clone()))
                .collect(),
            city_pass_discount_percent: i64::from(p.city_pass_discount_percent),
        }
    }
}

impl PolicyArgs {
    /// From a `PricingPolicy` or a dict shaped like its `to_dict()`; unknown
    /// or missing keys are a `ValidationError` on field `pricing_policy`.
    pub fn extract(policy: &Bound<'_, PyAny>) -> PyResult<PolicyArgs> {
        if let Ok(p) = policy.cast::<crate::records::PricingPolicy>() {
            return Ok(PolicyArgs::from(p.get()));
        }
        let d = policy.cast::<PyDict>().map_err(|_| {
            PyTypeError::new_err("expected a PricingPolicy or a dict like PricingPolicy.to_dict()")
        })?;
        let what = "the policy";
        known_keys(d, &POLICY_KEYS, "pricing_policy", what)?;
        let get = |key: &str| required(d, key, "pricing_policy", what);
        Ok(PolicyArgs {
            base_prices: get("base_prices")?.extract()?,
            rounding_step: get("rounding_step")?.extract()?,
            markdown: get("markdown")?.extract()?,
            city_pass_discount_percent: get("city_pass_discount_percent")?.extract()?,
        })
    }

    /// The core's unvalidated policy (`PricingPolicy::new` validates it).
    pub fn into_raw(self) -> kringloop::Result<PricingPolicyRaw> {
        let base_prices = self
            .base_prices
            .iter()
            .map(|(category, condition, price)| {
                Ok(BasePrice {
                    category: Category::parse(category)?,
                    condition: Condition::parse(condition)?,
                    price: cents(*price),
                })
            })
            .collect::<kringloop::Result<Vec<_>>>()?;
        let markdown = self
            .markdown
            .iter()
            .map(|(from_week, percent_off, colour)| {
                Ok(MarkdownStep {
                    from_week: whole("from_week", *from_week, "a number of weeks")?,
                    percent_off: whole("percent_off", *percent_off, "a percentage")?,
                    colour: TagColour::parse(colour)?,
                })
            })
            .collect::<kringloop::Result<Vec<_>>>()?;
        Ok(PricingPolicyRaw {
            base_prices,
            rounding_step: cents(self.rounding_step),
            markdown,
            city_pass_discount_percent: whole(
                "city_pass_discount_percent",
                self.city_pass_discount_percent,
                "a percentage",
            )?,
        })
    }
}

// ---- reuse impact ----

const FACTOR_KEYS: [&str; 4] = ["category", "grams_co2e_per_kg", "source", "source_date"];

/// Impact factors from an iterable of `ImpactFactor`s or dicts shaped like
/// `ImpactFactor.to_dict()` (not a single dict or `str`). Unknown or missing
/// keys are a `ValidationError` on field `impact_factors` naming the factor
/// (from 1); the list as a whole is validated by `ImpactFactors::new`.
pub fn impact_factors(factors: &Bound<'_, PyAny>) -> PyResult<Vec<ImpactFactor>> {
    if factors.is_instance_of::<PyDict>() || factors.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "expected an iterable of ImpactFactors or dicts like ImpactFactor.to_dict()",
        ));
    }
    let mut out = Vec::new();
    for (i, factor) in factors.try_iter()?.enumerate() {
        let factor = factor?;
        if let Ok(f) = factor.cast::<crate::records::ImpactFactor>() {
            let f = f.get();
            out.push(ImpactFactor {
                category: code(&f.category)?,
                grams_co2e_per_kg: f.grams_co2e_per_kg,
                source: f.source.clone(),
                source_date: f.source_date,
            });
            continue;
        }
        let d = factor.cast::<PyDict>().map_err(|_| {
            PyTypeError::new_err(format!(
                "factor {}: expected an ImpactFactor or a dict like ImpactFactor.to_dict()",
                i + 1
            ))
        })?;
        let what = format!("factor {}", i + 1);
        known_keys(d, &FACTOR_KEYS, "impact_factors", &what)?;
        let get = |key: &str| required(d, key, "impact_factors", &what);
        let grams: i64 = get("grams_co2e_per_kg")?.extract()?;
        out.push(ImpactFactor {
            category: code(&get("category")?.extract::<String>()?)?,
            grams_co2e_per_kg: whole("grams_co2e_per_kg", grams, "a number of grams").or_raise()?,
            source: get("source")?.extract()?,
            source_date: get("source_date")?.extract()?,
        });
    }
    Ok(out)
}

// ---- signals, partners and referrals ----

/// A signal id in its string form.
pub fn signal_id(s: &str) -> PyResult<SignalId> {
    SignalId::parse(s).or_raise()
}

/// A partner id in its string form.
pub fn partner_id(s: &str) -> PyResult<PartnerId> {
    PartnerId::parse(s).or_raise()
}

/// A referral id in its string form.
pub fn referral_id(s: &str) -> PyResult<ReferralId> {
    ReferralId::parse(s).or_raise()
}

/// An optional period from optional `start_date` and `end_date`: both or
/// neither (one alone is a `ValidationError` on the missing one).
pub fn optional_period(
    start_date: Option<NaiveDate>,
    end_date: Option<NaiveDate>,
) -> PyResult<Option<Period>> {
    let neither = |missing: &str| {
        crate::errors::to_py(Error::validation(
            missing,
            "give both start_date and end_date, or neither",
        ))
    };
    match (start_date, end_date) {
        (Some(s), Some(e)) => period(s, e).map(Some),
        (None, None) => Ok(None),
        (Some(_), None) => Err(neither("end_date")),
        (None, Some(_)) => Err(neither("start_date")),
    }
}

const SERVICE_KEYS: [&str; 4] = ["id", "name", "description", "domains"];

/// A partner's services from an iterable of `PartnerService`s or dicts
/// `{"name", "domains", "description"?, "id"?}` (not a single dict or `str`).
/// Unknown or missing keys are a `ValidationError` on field `services`
/// naming the service (from 1); the core validates the values.
pub fn partner_services(services: &Bound<'_, PyAny>) -> PyResult<Vec<NewPartnerService>> {
    if services.is_instance_of::<PyDict>() || services.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "expected an iterable of dicts like {\"name\": ..., \"domains\": [...]} or PartnerServices",
        ));
    }
    let mut out = Vec::new();
    for (i, service) in services.try_iter()?.enumerate() {
        let service = service?;
        if let Ok(s) = service.cast::<crate::records::PartnerService>() {
            let s = s.get();
            out.push(NewPartnerService {
                id: Some(PartnerServiceId::parse(&s.id).or_raise()?),
                name: s.name.clone(),
                description: s.description.clone(),
                domains: codes(&s.domains)?,
            });
            continue;
        }
        let d = service.cast::<PyDict>().map_err(|_| {
            PyTypeError::new_err(format!(
                "service {}: expected a dict like {{\"name\": ..., \"domains\": [...]}} or a PartnerService",
                i + 1
            ))
        })?;
        let what = format!("service {}", i + 1);
        known_keys(d, &SERVICE_KEYS, "services", &what)?;
        let get = |key: &str| required(d, key, "services", &what);
        let domains: Strings = get("domains")?.extract()?;
        let id: Option<String> = optional(d, "id")?;
        out.push(NewPartnerService {
            id: id
                .as_deref()
                .map(PartnerServiceId::parse)
                .transpose()
                .or_raise()?,
            name: get("name")?.extract()?,
            description: optional(d, "description")?,
            domains: codes(&domains.0)?,
        });
    }
    Ok(out)
}

// ---- activities ----

/// An activity id in its string form.
pub fn activity_id(s: &str) -> PyResult<ActivityId> {
    ActivityId::parse(s).or_raise()
}

/// A session id in its string form.
pub fn session_id(s: &str) -> PyResult<SessionId> {
    SessionId::parse(s).or_raise()
}

/// A resident id in its string form.
pub fn resident_id(s: &str) -> PyResult<ResidentId> {
    ResidentId::parse(s).or_raise()
}

/// An idea id in its string form.
pub fn idea_id(s: &str) -> PyResult<IdeaId> {
    IdeaId::parse(s).or_raise()
}

/// An optional Python `int` as the core's unsigned type (see [`whole`]).
pub fn opt_whole<T: TryFrom<i64>>(
    field: &str,
    value: Option<i64>,
    what: &str,
) -> PyResult<Option<T>> {
    value.map(|v| whole(field, v, what)).transpose().or_raise()
}

const WEEKLY_KEYS: [&str; 3] = ["freq", "every", "weekdays"];
const MONTHLY_KEYS: [&str; 4] = ["freq", "every", "nth", "weekday"];

/// A recurrence from `{"freq": "weekly", "every"?, "weekdays"}` or
/// `{"freq": "monthly", "every"?, "nth", "weekday"}` (what
/// `Schedule.recurrence` gives); `every` defaults to 1. Unknown or missing
/// keys are a `ValidationError` on field `recurrence`; the core validates
/// the values.
pub fn recurrence(value: &Bound<'_, PyAny>) -> PyResult<Recurrence> {
    let d = value.cast::<PyDict>().map_err(|_| {
        PyTypeError::new_err(
            "expected a dict like {\"freq\": \"weekly\", \"every\": 1, \"weekdays\": [\"tuesday\"]}",
        )
    })?;
    let what = "the recurrence";
    let freq: String = required(d, "freq", "recurrence", what)?.extract()?;
    let every: i64 = optional(d, "every")?.unwrap_or(1);
    let every = whole("every", every, "a number of weeks or months").or_raise()?;
    match freq.as_str() {
        "weekly" => {
            known_keys(d, &WEEKLY_KEYS, "recurrence", what)?;
            let weekdays: Strings = required(d, "weekdays", "recurrence", what)?.extract()?;
            Ok(Recurrence::Weekly {
                every,
                weekdays: codes(&weekdays.0)?,
            })
        }
        "monthly" => {
            known_keys(d, &MONTHLY_KEYS, "recurrence", what)?;
            let get =
                |key: &str| -> PyResult<String> { required(d, key, "recurrence", what)?.extract() };
            Ok(Recurrence::Monthly {
                every,
                nth: code::<Nth>(&get("nth")?)?,
                weekday: code::<Weekday>(&get("weekday")?)?,
            })
        }
        other => Err(crate::errors::to_py(Error::validation(
            "recurrence",
            format!("freq {other:?} is not \"weekly\" or \"monthly\""),
        ))),
    }
}

/// Named participants: the volunteers, then the residents, by id.
pub fn participants(volunteers: &Strings, residents: &Strings) -> PyResult<Vec<Participant>> {
    let v = volunteers
        .0
        .iter()
        .map(|s| volunteer_id(s).map(Participant::Volunteer));
    let r = residents
        .0
        .iter()
        .map(|s| resident_id(s).map(Participant::Resident));
    v.chain(r).collect()
}

// ---- development, coaching, courses and conflicts ----

/// An assessment id in its string form.
pub fn assessment_id(s: &str) -> PyResult<AssessmentId> {
    AssessmentId::parse(s).or_raise()
}

/// A coaching id in its string form.
pub fn coaching_id(s: &str) -> PyResult<CoachingId> {
    CoachingId::parse(s).or_raise()
}

/// A course id in its string form.
pub fn course_id(s: &str) -> PyResult<CourseId> {
    CourseId::parse(s).or_raise()
}

/// A conflict id in its string form.
pub fn conflict_id(s: &str) -> PyResult<ConflictId> {
    ConflictId::parse(s).or_raise()
}

/// Several volunteer ids.
pub fn volunteer_ids(ids: &Strings) -> PyResult<Vec<VolunteerId>> {
    ids.0.iter().map(|s| volunteer_id(s)).collect()
}

/// A measure code: `ladder`, `zrm.<domain>` or `skill.<name>`.
pub fn measure(s: &str) -> PyResult<Measure> {
    Measure::parse(s).or_raise()
}

/// An assessment's scores from a dict `{measure: value}`: `{"step": 4}` for
/// the ladder, `{"finances": 3, …}` (domain codes) for the matrix, `{"Kassa":
/// 5}` (skill names) for skills. The core checks names and scales; a value
/// that fits no scale is refused here as the core numbers it, `scores[i]`
/// (in the dict's order).
pub fn scores(scores: &Bound<'_, PyAny>) -> PyResult<Vec<NewScore>> {
    let d = scores.cast::<PyDict>().map_err(|_| {
        PyTypeError::new_err(
            "expected a dict {measure: value}, e.g. {\"step\": 4} or {\"finances\": 3}",
        )
    })?;
    d.iter()
        .enumerate()
        .map(|(i, (measure, value))| {
            let value: i64 = value.extract()?;
            Ok(NewScore {
                measure: measure.extract()?,
                value: whole(&format!("scores[{i}]"), value, "a score on any scale (1–6)")
                    .or_raise()?,
            })
        })
        .collect()
}

/// Trajectory parameters from optional keyword arguments: `None` when none
/// is given (the core's defaults), otherwise the defaults with those given.
pub fn trajectory_params(
    window_months: Option<i64>,
    min_points: Option<i64>,
    slope_threshold: Option<f64>,
) -> PyResult<Option<TrajectoryParams>> {
    if window_months.is_none() && min_points.is_none() && slope_threshold.is_none() {
        return Ok(None);
    }
    let d = TrajectoryParams::default();
    Ok(Some(TrajectoryParams {
        window_months: opt_whole("window_months", window_months, "a number of months")?
            .unwrap_or(d.window_months),
        min_points: opt_whole("min_points", min_points, "a number of points")?
            .unwrap_or(d.min_points),
        slope_threshold: slope_threshold.unwrap_or(d.slope_threshold),
    }))
}
