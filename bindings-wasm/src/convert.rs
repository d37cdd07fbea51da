//! Conversions between JavaScript values and core types, and nothing else.
//!
//! Inputs arrive as plain objects and are read (as JSON, through the small
//! tree reader of `read.rs`) into the core's own
//! input types, which validate while they deserialise.
//! A value that cannot be read becomes a core validation error naming the
//! argument. Results leave through [`output`], as JSON text parsed by the
//! engine (`JSON.parse`), so maps become plain objects.

use crate::read::{Node, ReadError};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use js_sys::JSON;
use kringloop::hub::stock::MAX_AGEING_ROWS;
use kringloop::{
    ActivityId, ActivityStatus, Actor, Bucket, Error, IdeaId, IdeaStatus, ItemId, Lang, PartnerId,
    PartnerStatus, Period, PricingPolicy, PricingPolicyRaw, ReferralId, ResidentId, Result, Role,
    SaleId, SessionId, SignalFilter, SignalId, TimeSpan, VolunteerId, VolunteerStatus,
};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

/// Reads a JavaScript value into `T`; failure is a validation error whose
/// field is the argument's name `arg`.
///
/// The value goes through `JSON.stringify`, `serde_json` (into a
/// `Node` tree) and the tree reader of `read.rs`, so properties
/// set to `undefined` count as absent (as in JavaScript), and unknown
/// properties are refused (the core's input types deny unknown fields; the
/// struct reader of `serde-wasm-bindgen` would skip them silently).
pub fn input<T: DeserializeOwned>(value: JsValue, arg: &str) -> Result<T> {
    // Only `T`'s own reading is generic; the steps around it live in
    // non-generic functions, compiled once rather than once per input type.
    let mut out = None;
    read(value, arg, &mut |tree| {
        out = Some(T::deserialize(tree)?);
        Ok(())
    })?;
    out.ok_or_else(|| Error::validation(arg, "is missing or not plain data"))
}

/// The non-generic part of [`input`]: `JSON.stringify(value)` parsed into a
/// [`Node`] tree (the one use of `serde_json`'s parser), handed to `visit`;
/// failures become validation errors for `arg`.
#[inline(never)]
fn read(
    value: JsValue,
    arg: &str,
    visit: &mut dyn FnMut(&Node) -> std::result::Result<(), ReadError>,
) -> Result<()> {
    let text = json_text(value, arg)?;
    let tree: Node = serde_json::from_str(&text).map_err(|e| unreadable(arg, &e))?;
    visit(&tree).map_err(|e| Error::validation(arg, e.0))
}

/// `JSON.stringify(value)`, or a validation error for `arg`.
#[inline(never)]
fn json_text(value: JsValue, arg: &str) -> Result<String> {
    JSON::stringify(&value)
        .ok()
        .and_then(|s| JsValue::from(s).as_string())
        .ok_or_else(|| Error::validation(arg, "is missing or not plain data"))
}

/// The validation error for an argument `serde_json` could not read.
#[inline(never)]
fn unreadable(arg: &str, e: &serde_json::Error) -> Error {
    Error::validation(arg, without_position(e))
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
///
/// The value is written as JSON text by `serde_json` and read by the engine's
/// `JSON.parse`: one crossing of the wasm boundary instead of one per
/// property, about three times faster for a sale than building the objects
/// property by property (serde-wasm-bindgen), with the same result: maps
/// become plain objects, `None` becomes `null`. (All numbers the core returns
/// are far below 2^53.)
pub fn output<T: Serialize + ?Sized>(value: &T) -> Result<JsValue> {
    parse(serde_json::to_string(value))
}

/// `JSON.parse` of a result written by [`output`] (non-generic: compiled once).
#[inline(never)]
fn parse(text: serde_json::Result<String>) -> Result<JsValue> {
    let text = text
        .map_err(|e| Error::storage(format!("could not convert the result to JavaScript: {e}")))?;
    JSON::parse(&text).map_err(|_| Error::storage("could not convert the result to JavaScript"))
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

/// An item id from a string.
pub fn item_id(value: JsValue) -> Result<ItemId> {
    let s: String = input(value, "item_id")?;
    ItemId::parse(&s)
}

/// A sale id from a string.
pub fn sale_id(value: JsValue) -> Result<SaleId> {
    let s: String = input(value, "sale_id")?;
    SaleId::parse(&s)
}

/// A pricing policy from its plain shape, validated by the core (so a
/// refusal names the field at fault, e.g. `roundingStep`).
pub fn pricing_policy(value: JsValue) -> Result<PricingPolicy> {
    let raw: PricingPolicyRaw = input(value, "policy")?;
    PricingPolicy::new(raw)
}

/// Options of `hub.stockOnHand`: `{ on? }`.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StockOnHandOptions {
    /// Value the stock at the prices of this day (default: today).
    #[serde(default)]
    pub on: Option<NaiveDate>,
}

/// Options of `Hub.restore`: `{ now? }`.
#[cfg(feature = "offline")]
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RestoreOptions {
    /// Fixes the hub's clock at this instant (RFC 3339).
    #[serde(default)]
    pub now: Option<String>,
}

/// Options of `hub.inStock`: `{ limit? }`.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InStockOptions {
    /// Most items to return (1–10 000, default 10 000).
    #[serde(default)]
    pub limit: Option<u32>,
}

/// Query of `hub.ageing`: `{ weeks, limit? }`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct AgeingInput {
    weeks: u32,
    #[serde(default)]
    limit: Option<u32>,
}

/// The parts of an ageing query: weeks, and the limit (default: the core's
/// maximum, [`MAX_AGEING_ROWS`]).
pub fn ageing_query(value: JsValue) -> Result<(u32, u32)> {
    let raw: AgeingInput = input(value, "query")?;
    Ok((raw.weeks, raw.limit.unwrap_or(MAX_AGEING_ROWS)))
}

/// Query of `hub.salesReport`: `{ from, to, bucket? }`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SalesReportInput {
    from: NaiveDate,
    to: NaiveDate,
    #[serde(default)]
    bucket: Option<Bucket>,
}

/// The parts of a sales-report query: the period and the bucket (default
/// `day`).
pub fn sales_query(value: JsValue) -> Result<(Period, Bucket)> {
    let raw: SalesReportInput = input(value, "query")?;
    let period = Period::new(raw.from, raw.to)?;
    Ok((period, raw.bucket.unwrap_or(Bucket::Day)))
}

/// A signal id from a string.
pub fn signal_id(value: JsValue) -> Result<SignalId> {
    let s: String = input(value, "signal_id")?;
    SignalId::parse(&s)
}

/// A partner id from a string.
pub fn partner_id(value: JsValue) -> Result<PartnerId> {
    let s: String = input(value, "partner_id")?;
    PartnerId::parse(&s)
}

/// A referral id from a string.
pub fn referral_id(value: JsValue) -> Result<ReferralId> {
    let s: String = input(value, "referral_id")?;
    ReferralId::parse(&s)
}

/// A partner status from its code, e.g. `"inactive"`.
pub fn partner_status(value: JsValue) -> Result<PartnerStatus> {
    let s: String = input(value, "status")?;
    PartnerStatus::parse(&s)
}

/// A label language from `"nl"` or `"en"`; absent (`undefined`, `null`):
/// the core's default.
pub fn lang(value: Option<JsValue>) -> Result<Lang> {
    match value {
        Some(v) if !v.is_undefined() && !v.is_null() => {
            let s: String = input(v, "lang")?;
            Lang::parse(&s)
        }
        _ => Ok(Lang::default()),
    }
}

/// A date or `null` (which clears), e.g. a referral's follow-up date.
pub fn optional_date(value: JsValue, arg: &str) -> Result<Option<NaiveDate>> {
    options(Some(value), arg)
}

/// Filter of `hub.signals` and `hub.signalViews`: `{ openOnly?, from?, to? }`,
/// `from` and `to` both or neither.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SignalsInput {
    #[serde(default)]
    open_only: Option<bool>,
    #[serde(default)]
    from: Option<NaiveDate>,
    #[serde(default)]
    to: Option<NaiveDate>,
}

/// A core [`SignalFilter`] from `{ openOnly?, from?, to? }` (absent: all).
pub fn signal_filter(value: Option<JsValue>) -> Result<SignalFilter> {
    let raw: SignalsInput = options(value, "filter")?;
    let period = match (raw.from, raw.to) {
        (None, None) => None,
        (Some(from), Some(to)) => Some(Period::new(from, to)?),
        (Some(_), None) => {
            return Err(Error::validation("to", "give both from and to, or neither"));
        }
        (None, Some(_)) => {
            return Err(Error::validation(
                "from",
                "give both from and to, or neither",
            ));
        }
    };
    Ok(SignalFilter {
        open_only: raw.open_only.unwrap_or(false),
        period,
    })
}

/// Filter of `hub.referrals`: `{ signalId?, openOnly? }`.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReferralsFilter {
    /// Only referrals of this signal.
    #[serde(default)]
    pub signal_id: Option<SignalId>,
    /// Only open referrals (default false).
    #[serde(default)]
    pub open_only: Option<bool>,
}

/// An activity id from a string.
pub fn activity_id(value: JsValue) -> Result<ActivityId> {
    let s: String = input(value, "activity_id")?;
    ActivityId::parse(&s)
}

/// A session id from a string.
pub fn session_id(value: JsValue) -> Result<SessionId> {
    let s: String = input(value, "session_id")?;
    SessionId::parse(&s)
}

/// A resident id from a string.
pub fn resident_id(value: JsValue) -> Result<ResidentId> {
    let s: String = input(value, "resident_id")?;
    ResidentId::parse(&s)
}

/// An idea id from a string.
pub fn idea_id(value: JsValue) -> Result<IdeaId> {
    let s: String = input(value, "idea_id")?;
    IdeaId::parse(&s)
}

/// An activity status from its code, e.g. `"archived"`.
pub fn activity_status(value: JsValue) -> Result<ActivityStatus> {
    let s: String = input(value, "status")?;
    ActivityStatus::parse(&s)
}

/// Options of `hub.activities`: `{ includeArchived? }`.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ActivitiesOptions {
    /// Also archived activities (default false).
    #[serde(default)]
    pub include_archived: Option<bool>,
}

/// Filter of `hub.ideas`: `{ status? }`.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IdeasFilter {
    /// Only ideas with this status.
    #[serde(default)]
    pub status: Option<IdeaStatus>,
}

/// Query of `hub.sessions` and `hub.generateSessions`:
/// `{ from, to, activityId? }`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SessionsInput {
    from: NaiveDate,
    to: NaiveDate,
    #[serde(default)]
    activity_id: Option<ActivityId>,
}

/// The parts of a sessions query: the period and the activity (absent: all).
pub fn sessions_query(value: JsValue) -> Result<(Period, Option<ActivityId>)> {
    let raw: SessionsInput = input(value, "query")?;
    Ok((Period::new(raw.from, raw.to)?, raw.activity_id))
}

/// A one-off session `{ date, start, end }`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SessionInput {
    date: NaiveDate,
    start: NaiveTime,
    end: NaiveTime,
}

/// The day and times of a one-off session.
pub fn new_session(value: JsValue) -> Result<(NaiveDate, TimeSpan)> {
    let raw: SessionInput = input(value, "input")?;
    Ok((raw.date, TimeSpan::new(raw.start, raw.end)?))
}

/// A free-text reason (e.g. why a session was cancelled).
pub fn reason(value: JsValue) -> Result<String> {
    input(value, "reason")
}

#[cfg(feature = "programme")]
/// A coaching id from a string.
pub fn coaching_id(value: JsValue) -> Result<kringloop::CoachingId> {
    let s: String = input(value, "coaching_id")?;
    kringloop::CoachingId::parse(&s)
}

#[cfg(feature = "programme")]
/// A course id from a string.
pub fn course_id(value: JsValue) -> Result<kringloop::CourseId> {
    let s: String = input(value, "course_id")?;
    kringloop::CourseId::parse(&s)
}

#[cfg(feature = "programme")]
/// A conflict id from a string.
pub fn conflict_id(value: JsValue) -> Result<kringloop::ConflictId> {
    let s: String = input(value, "conflict_id")?;
    kringloop::ConflictId::parse(&s)
}

#[cfg(feature = "programme")]
/// A coaching outcome from its code, e.g. `"goals_met"`.
pub fn coaching_outcome(value: JsValue) -> Result<kringloop::CoachingOutcome> {
    let s: String = input(value, "outcome")?;
    kringloop::CoachingOutcome::parse(&s)
}

#[cfg(feature = "programme")]
/// Options of `hub.addCoachingSession`: `{ on?, note? }`.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DatedNote {
    /// The day (default: today on the hub's clock).
    #[serde(default)]
    pub on: Option<NaiveDate>,
    /// The coach's note.
    #[serde(default)]
    pub note: Option<String>,
}

#[cfg(feature = "programme")]
/// Filter of `hub.coachings`: `{ volunteerId?, openOnly? }`.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CoachingsFilter {
    /// Only trajectories of this volunteer.
    #[serde(default)]
    pub volunteer_id: Option<VolunteerId>,
    /// Only open trajectories (default false).
    #[serde(default)]
    pub open_only: Option<bool>,
}

#[cfg(feature = "programme")]
/// Options of `hub.conflicts`: `{ unresolvedOnly? }`.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ConflictsOptions {
    /// Only unresolved conflicts (default false).
    #[serde(default)]
    pub unresolved_only: Option<bool>,
}

#[cfg(feature = "programme")]
/// Options of `hub.courseEffect`: `{ minN? }`.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct CourseEffectOptions {
    #[serde(default)]
    min_n: Option<u32>,
}

#[cfg(feature = "programme")]
/// The fewest participants for a course effect (absent: the core's default).
pub fn min_n(value: Option<JsValue>) -> Result<Option<u32>> {
    let raw: CourseEffectOptions = options(value, "options")?;
    Ok(raw.min_n)
}

#[cfg(feature = "programme")]
/// Options of `hub.closeCoaching`: `{ on? }`.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OnOptions {
    /// The day (default: today on the hub's clock).
    #[serde(default)]
    pub on: Option<NaiveDate>,
}
