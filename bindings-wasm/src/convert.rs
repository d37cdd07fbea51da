//! Conversions between JavaScript values and core types, and nothing else.
//!
//! Inputs arrive as plain objects and are read (as JSON) into the core's own
//! input types, which validate while they deserialise.
//! A value that cannot be read becomes a core validation error naming the
//! argument. Results leave through [`output`], which turns maps into plain
//! objects (`Serializer::json_compatible()`).

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use js_sys::JSON;
use kringloop::{Actor, Error, Period, Result, Role, TimeSpan, VolunteerId, VolunteerStatus};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

/// Reads a JavaScript value into `T`; failure is a validation error whose
/// field is the argument's name `arg`.
///
/// The value goes through `JSON.stringify` and `serde_json`, so properties
/// set to `undefined` count as absent (as in JavaScript), and unknown
/// properties are refused (the core's input types deny unknown fields; the
/// struct reader of `serde-wasm-bindgen` would skip them silently).
pub fn input<T: DeserializeOwned>(value: JsValue, arg: &str) -> Result<T> {
    let text = JSON::stringify(&value)
        .ok()
        .and_then(|s| JsValue::from(s).as_string())
        .ok_or_else(|| Error::validation(arg, "is missing or not plain data"))?;
    serde_json::from_str(&text).map_err(|e| Error::validation(arg, without_position(&e)))
}

/// A serde_json message without the " at line 1 column 9" that means
/// nothing to a caller who passed an object.
fn without_position(e: &serde_json::Error) -> String {
    let message = e.to_string();
    match message.rsplit_once(" at line ") {
        Some((head, _)) => head.to_string(),
        None => message,
    }
}

/// Reads an optional options object: `undefined` or `null` give `T::default()`.
pub fn options<T: DeserializeOwned + Default>(value: Option<JsValue>, arg: &str) -> Result<T> {
    match value {
        Some(v) if !v.is_undefined() && !v.is_null() => input(v, arg),
        _ => Ok(T::default()),
    }
}

/// Writes a result as plain JavaScript data (objects, arrays, strings,
/// numbers, `null`).
pub fn output<T: Serialize + ?Sized>(value: &T) -> Result<JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| Error::storage(format!("could not convert the result to JavaScript: {e}")))
}

/// An actor as JavaScript passes it: `{ name, role, volunteerId? }`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ActorInput {
    name: String,
    role: Role,
    #[serde(default)]
    volunteer_id: Option<VolunteerId>,
}

/// Builds a core [`Actor`] from `{ name, role, volunteerId? }`.
pub fn actor(value: JsValue) -> Result<Actor> {
    let raw: ActorInput = input(value, "actor")?;
    let actor = Actor::new(raw.name, raw.role)?;
    Ok(match raw.volunteer_id {
        Some(id) => actor.with_volunteer(id),
        None => actor,
    })
}

/// A volunteer id from a string.
pub fn volunteer_id(value: JsValue) -> Result<VolunteerId> {
    let s: String = input(value, "volunteer_id")?;
    VolunteerId::parse(&s)
}

/// A shift id from a string.
pub fn shift_id(value: JsValue) -> Result<kringloop::ShiftId> {
    let s: String = input(value, "shift_id")?;
    kringloop::ShiftId::parse(&s)
}

/// A volunteer status from its code, e.g. `"active"`.
pub fn volunteer_status(value: JsValue) -> Result<VolunteerStatus> {
    let s: String = input(value, "to")?;
    VolunteerStatus::parse(&s)
}

/// An instant from an RFC 3339 string such as `2026-03-02T12:00:00Z`.
pub fn instant(field: &str, iso: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(iso.trim())
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| {
            Error::validation(
                field,
                format!("{iso:?} is not an RFC 3339 time, e.g. 2026-03-02T12:00:00Z"),
            )
        })
}

/// Options of `Hub.open`: `{ now? }`.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OpenOptions {
    /// Fixes the hub's clock at this instant (RFC 3339).
    #[serde(default)]
    pub now: Option<String>,
}

/// A period `{ from, to }` of ISO dates, both inclusive.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct PeriodInput {
    from: NaiveDate,
    to: NaiveDate,
}

/// A core [`Period`] from `{ from, to }`.
pub fn period(value: JsValue) -> Result<Period> {
    let raw: PeriodInput = input(value, "period")?;
    Period::new(raw.from, raw.to)
}

/// Query of `hub.shifts`: `{ from, to, volunteerId?, includeCancelled? }`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ShiftsInput {
    from: NaiveDate,
    to: NaiveDate,
    #[serde(default)]
    volunteer_id: Option<VolunteerId>,
    #[serde(default)]
    include_cancelled: Option<bool>,
}

/// The parts of a shift query: period, volunteer, include cancelled.
pub fn shift_query(value: JsValue) -> Result<(Period, Option<VolunteerId>, bool)> {
    let raw: ShiftsInput = input(value, "query")?;
    let period = Period::new(raw.from, raw.to)?;
    Ok((
        period,
        raw.volunteer_id,
        raw.include_cancelled.unwrap_or(false),
    ))
}

/// Options of `hub.volunteers`: `{ status? }`.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct VolunteersFilter {
    /// Only volunteers with this status.
    #[serde(default)]
    pub status: Option<VolunteerStatus>,
}

/// Options of `hub.changeVolunteerStatus`: `{ reason?, on? }`.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StatusOptions {
    /// Why (needed for pausing, leaving and returning).
    #[serde(default)]
    pub reason: Option<String>,
    /// From which date (default: today on the hub's clock).
    #[serde(default)]
    pub on: Option<NaiveDate>,
}

/// Options of `hub.cancelShift`: `{ reason? }`.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CancelOptions {
    /// Why the shift was cancelled.
    #[serde(default)]
    pub reason: Option<String>,
}

/// Options of `hub.completeShift`: `{ start?, end? }`, both or neither.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct CompleteOptions {
    #[serde(default)]
    start: Option<NaiveTime>,
    #[serde(default)]
    end: Option<NaiveTime>,
}

/// The times actually worked from `{ start?, end? }`: none, or a core
/// [`TimeSpan`] when both are given.
pub fn actual_span(value: Option<JsValue>) -> Result<Option<TimeSpan>> {
    let raw: CompleteOptions = options(value, "options")?;
    match (raw.start, raw.end) {
        (None, None) => Ok(None),
        (Some(start), Some(end)) => TimeSpan::new(start, end).map(Some),
        (Some(_), None) => Err(Error::validation(
            "end",
            "give both start and end, or neither",
        )),
        (None, Some(_)) => Err(Error::validation(
            "start",
            "give both start and end, or neither",
        )),
    }
}

/// Options of `hub.journal`: `{ after?, limit? }`.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct JournalOptions {
    /// Position after which to start (default 0: the beginning).
    #[serde(default)]
    pub after: Option<i64>,
    /// Most entries to return (default and maximum: the core's page size).
    #[serde(default)]
    pub limit: Option<u32>,
}
