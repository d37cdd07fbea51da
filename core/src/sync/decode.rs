//! Reading journal details and batches back into records, by hand.
//!
//! The records serialise with serde; reading them back is written out here
//! over the parsed JSON tree, with one small accessor ([`Obj::get`]) and the
//! records' own `parse` functions. `#[derive(Deserialize)]` on the twenty
//! record types cost the browser package about 75 KB gzipped (its visitors
//! are instantiated per type for serde_json's tree reader), three times what
//! this costs; the conformance suite keeps the two directions in step (every
//! memory scenario's hubs are rebuilt from their journal and compared).

use crate::{
    ActorName, AvailabilitySlot, CashUp, CashUpId, Category, Condition, Consent, Contact,
    DisplayName, DonorKind, HubId, Item, ItemDescription, ItemId, JournalEntry, JournalEntryId,
    Money, MoveId, MoveKind, Note, Partner, PartnerId, PartnerName, PartnerService,
    PartnerServiceId, PartnerStatus, PaymentMethod, PersonName, Reason, Referral, ReferralId,
    ReferralOutcome, ReferralStatus, Role, Sale, SaleId, SaleLine, Shift, ShiftId, ShiftStatus,
    Signal, SignalDomain, SignalId, SignalPersonal, SignalPolicy, SignalStatus, Skill, StockMove,
    Summary, TagColour, TillName, TimeSpan, Urgency, Volunteer, VolunteerId, VolunteerRole,
    VolunteerStatus, Website, Weekday,
};
use crate::{
    BasePrice, ImpactFactor, ImpactFactors, MarkdownStep, OpeningHours, OpeningSlot, PricingPolicy,
    PricingPolicyRaw,
};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// Why a value did not read (the caller adds which entry).
pub(crate) type Read<T> = std::result::Result<T, String>;

/// A value that reads from a journal detail.
pub(crate) trait FromJournal: Sized {
    /// Reads `v`.
    fn from_journal(v: &Value) -> Read<Self>;
}

/// A JSON object being read, field by field.
pub(crate) struct Obj<'a>(&'a Map<String, Value>);

impl<'a> Obj<'a> {
    /// `v` as an object.
    pub(crate) fn of(v: &'a Value) -> Read<Obj<'a>> {
        v.as_object().map(Obj).ok_or_else(|| wrong("an object", v))
    }

    /// Field `key`, read as `T` (a missing field reads as `null`).
    pub(crate) fn get<T: FromJournal>(&self, key: &str) -> Read<T> {
        T::from_journal(self.0.get(key).unwrap_or(&Value::Null)).map_err(|e| at(key, e))
    }

    /// Field `key` as it is.
    pub(crate) fn raw(&self, key: &str) -> &'a Value {
        self.0.get(key).unwrap_or(&Value::Null)
    }
}

#[inline(never)]
fn at(key: &str, e: String) -> String {
    format!("{key}: {e}")
}

#[inline(never)]
fn wrong(want: &str, v: &Value) -> String {
    let got = match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    };
    format!("expected {want}, got {got}")
}

fn text(v: &Value) -> Read<&str> {
    v.as_str().ok_or_else(|| wrong("a string", v))
}

impl FromJournal for String {
    fn from_journal(v: &Value) -> Read<String> {
        text(v).map(str::to_string)
    }
}

impl FromJournal for i64 {
    fn from_journal(v: &Value) -> Read<i64> {
        v.as_i64().ok_or_else(|| wrong("a whole number", v))
    }
}

impl FromJournal for u32 {
    fn from_journal(v: &Value) -> Read<u32> {
        v.as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| wrong("a whole number from 0", v))
    }
}

impl FromJournal for u8 {
    fn from_journal(v: &Value) -> Read<u8> {
        v.as_u64()
            .and_then(|n| u8::try_from(n).ok())
            .ok_or_else(|| wrong("a whole number from 0 to 255", v))
    }
}

impl FromJournal for bool {
    fn from_journal(v: &Value) -> Read<bool> {
        v.as_bool().ok_or_else(|| wrong("true or false", v))
    }
}

impl FromJournal for Money {
    fn from_journal(v: &Value) -> Read<Money> {
        i64::from_journal(v).map(Money::from_cents)
    }
}

// Dates and times are read by hand in the one form they are written in:
// chrono's format-string parser would add its whole `strftime` machinery to
// the browser package.

impl FromJournal for NaiveDate {
    fn from_journal(v: &Value) -> Read<NaiveDate> {
        let s = text(v)?;
        let mut parts = s.splitn(3, '-').map(str::parse::<u32>);
        match (parts.next(), parts.next(), parts.next()) {
            (Some(Ok(y)), Some(Ok(m)), Some(Ok(d))) => i32::try_from(y)
                .ok()
                .and_then(|y| NaiveDate::from_ymd_opt(y, m, d)),
            _ => None,
        }
        .ok_or_else(|| format!("{s:?} is not a date (YYYY-MM-DD)"))
    }
}

impl FromJournal for NaiveTime {
    fn from_journal(v: &Value) -> Read<NaiveTime> {
        let s = text(v)?;
        let mut parts = s.splitn(3, ':').map(str::parse::<u32>);
        match (parts.next(), parts.next(), parts.next()) {
            (Some(Ok(h)), Some(Ok(m)), None) => NaiveTime::from_hms_opt(h, m, 0),
            (Some(Ok(h)), Some(Ok(m)), Some(Ok(sec))) => NaiveTime::from_hms_opt(h, m, sec),
            _ => None,
        }
        .ok_or_else(|| format!("{s:?} is not a time (HH:MM)"))
    }
}

impl FromJournal for DateTime<Utc> {
    fn from_journal(v: &Value) -> Read<DateTime<Utc>> {
        let s = text(v)?;
        DateTime::parse_from_rfc3339(s)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|_| format!("{s:?} is not an RFC 3339 time"))
    }
}

impl FromJournal for Value {
    fn from_journal(v: &Value) -> Read<Value> {
        Ok(v.clone())
    }
}

impl<T: FromJournal> FromJournal for Option<T> {
    fn from_journal(v: &Value) -> Read<Option<T>> {
        match v {
            Value::Null => Ok(None),
            v => T::from_journal(v).map(Some),
        }
    }
}

impl<T: FromJournal> FromJournal for Vec<T> {
    fn from_journal(v: &Value) -> Read<Vec<T>> {
        let list = v.as_array().ok_or_else(|| wrong("a list", v))?;
        list.iter()
            .enumerate()
            .map(|(i, x)| T::from_journal(x).map_err(|e| format!("[{i}] {e}")))
            .collect()
    }
}

impl<T: FromJournal + Ord> FromJournal for BTreeSet<T> {
    fn from_journal(v: &Value) -> Read<BTreeSet<T>> {
        Vec::<T>::from_journal(v).map(|xs| xs.into_iter().collect())
    }
}

/// Types read from a string by their own `parse` (ids, codes, texts), so a
/// value reads back only if it would have been accepted as input.
macro_rules! parsed {
    ($($t:ty),* $(,)?) => {$(
        impl FromJournal for $t {
            fn from_journal(v: &Value) -> Read<$t> {
                <$t>::parse(text(v)?).map_err(|e| e.to_string())
            }
        }
    )*};
}

parsed!(
    // ids
    VolunteerId,
    ShiftId,
    ItemId,
    SaleId,
    MoveId,
    CashUpId,
    SignalId,
    PartnerId,
    PartnerServiceId,
    ReferralId,
    JournalEntryId,
    HubId,
    // codes
    VolunteerStatus,
    VolunteerRole,
    Weekday,
    ShiftStatus,
    Category,
    Condition,
    DonorKind,
    PaymentMethod,
    MoveKind,
    SignalDomain,
    Urgency,
    Consent,
    SignalStatus,
    PartnerStatus,
    ReferralStatus,
    ReferralOutcome,
    Role,
    TagColour,
    // texts
    DisplayName,
    Contact,
    Reason,
    Skill,
    Note,
    ItemDescription,
    TillName,
    ActorName,
    PersonName,
    Summary,
    PartnerName,
    Website,
);

/// A time span written as `start` and `end` beside the other fields.
fn span(o: &Obj<'_>) -> Read<TimeSpan> {
    TimeSpan::new(o.get("start")?, o.get("end")?).map_err(|e| e.to_string())
}

impl FromJournal for AvailabilitySlot {
    fn from_journal(v: &Value) -> Read<AvailabilitySlot> {
        let o = Obj::of(v)?;
        Ok(AvailabilitySlot {
            weekday: o.get("weekday")?,
            span: span(&o)?,
        })
    }
}

impl FromJournal for Volunteer {
    fn from_journal(v: &Value) -> Read<Volunteer> {
        let o = Obj::of(v)?;
        Ok(Volunteer {
            id: o.get("id")?,
            display_name: o.get("displayName")?,
            contact: o.get("contact")?,
            start_date: o.get("startDate")?,
            status: o.get("status")?,
            status_since: o.get("statusSince")?,
            status_reason: o.get("statusReason")?,
            roles: o.get("roles")?,
            skills: o.get("skills")?,
            availability: o.get("availability")?,
            vog_date: o.get("vogDate")?,
            version: o.get("version")?,
        })
    }
}

impl FromJournal for Shift {
    fn from_journal(v: &Value) -> Read<Shift> {
        let o = Obj::of(v)?;
        Ok(Shift {
            id: o.get("id")?,
            volunteer_id: o.get("volunteerId")?,
            role: o.get("role")?,
            date: o.get("date")?,
            span: span(&o)?,
            status: o.get("status")?,
            note: o.get("note")?,
        })
    }
}

impl FromJournal for Item {
    fn from_journal(v: &Value) -> Read<Item> {
        let o = Obj::of(v)?;
        Ok(Item {
            id: o.get("id")?,
            category: o.get("category")?,
            description: o.get("description")?,
            condition: o.get("condition")?,
            quantity: o.get("quantity")?,
            weight_grams: o.get("weightGrams")?,
            donor: o.get("donor")?,
            intake_date: o.get("intakeDate")?,
            price_override: o.get("priceOverride")?,
        })
    }
}

impl FromJournal for SaleLine {
    fn from_journal(v: &Value) -> Read<SaleLine> {
        let o = Obj::of(v)?;
        Ok(SaleLine {
            item_id: o.get("itemId")?,
            category: o.get("category")?,
            quantity: o.get("quantity")?,
            unit_price: o.get("unitPrice")?,
            line_total: o.get("lineTotal")?,
            net: o.get("net")?,
            weight_grams: o.get("weightGrams")?,
        })
    }
}

impl FromJournal for Sale {
    fn from_journal(v: &Value) -> Read<Sale> {
        let o = Obj::of(v)?;
        Ok(Sale {
            id: o.get("id")?,
            till: o.get("till")?,
            at: o.get("at")?,
            date: o.get("date")?,
            actor: o.get("actor")?,
            payment: o.get("payment")?,
            city_pass: o.get("cityPass")?,
            lines: o.get("lines")?,
            subtotal: o.get("subtotal")?,
            discount: o.get("discount")?,
            rounding: o.get("rounding")?,
            total: o.get("total")?,
            reverses: o.get("reverses")?,
        })
    }
}

impl FromJournal for StockMove {
    fn from_journal(v: &Value) -> Read<StockMove> {
        let o = Obj::of(v)?;
        Ok(StockMove {
            id: o.get("id")?,
            item_id: o.get("itemId")?,
            kind: o.get("kind")?,
            quantity: o.get("quantity")?,
            date: o.get("date")?,
            at: o.get("at")?,
            actor: o.get("actor")?,
            sale_id: o.get("saleId")?,
            unit_price: o.get("unitPrice")?,
            reason: o.get("reason")?,
        })
    }
}

impl FromJournal for CashUp {
    fn from_journal(v: &Value) -> Read<CashUp> {
        let o = Obj::of(v)?;
        Ok(CashUp {
            id: o.get("id")?,
            till: o.get("till")?,
            date: o.get("date")?,
            opening_float: o.get("openingFloat")?,
            cash_sales: o.get("cashSales")?,
            cash_refunds: o.get("cashRefunds")?,
            expected: o.get("expected")?,
            counted: o.get("counted")?,
            difference: o.get("difference")?,
            recorded_by: o.get("recordedBy")?,
            at: o.get("at")?,
        })
    }
}

impl FromJournal for Signal {
    fn from_journal(v: &Value) -> Read<Signal> {
        let o = Obj::of(v)?;
        Ok(Signal {
            id: o.get("id")?,
            recorded_at: o.get("recordedAt")?,
            recorded_on: o.get("recordedOn")?,
            recorded_by: o.get("recordedBy")?,
            recorded_by_volunteer: o.get("recordedByVolunteer")?,
            domains: o.get("domains")?,
            urgency: o.get("urgency")?,
            consent: o.get("consent")?,
            consent_at: o.get("consentAt")?,
            consent_asked_by: o.get("consentAskedBy")?,
            do_not_contact: o.get("doNotContact")?,
            status: o.get("status")?,
            closed_at: o.get("closedAt")?,
            personal_erased_at: o.get("personalErasedAt")?,
            version: o.get("version")?,
        })
    }
}

impl FromJournal for SignalPersonal {
    fn from_journal(v: &Value) -> Read<SignalPersonal> {
        let o = Obj::of(v)?;
        Ok(SignalPersonal {
            person: o.get("person")?,
            contact: o.get("contact")?,
            summary: o.get("summary")?,
        })
    }
}

impl FromJournal for PartnerService {
    fn from_journal(v: &Value) -> Read<PartnerService> {
        let o = Obj::of(v)?;
        Ok(PartnerService {
            id: o.get("id")?,
            name: o.get("name")?,
            description: o.get("description")?,
            domains: o.get("domains")?,
        })
    }
}

impl FromJournal for Partner {
    fn from_journal(v: &Value) -> Read<Partner> {
        let o = Obj::of(v)?;
        Ok(Partner {
            id: o.get("id")?,
            name: o.get("name")?,
            description: o.get("description")?,
            email: o.get("email")?,
            phone: o.get("phone")?,
            website: o.get("website")?,
            status: o.get("status")?,
            services: o.get("services")?,
            version: o.get("version")?,
        })
    }
}

impl FromJournal for Referral {
    fn from_journal(v: &Value) -> Read<Referral> {
        let o = Obj::of(v)?;
        Ok(Referral {
            id: o.get("id")?,
            signal_id: o.get("signalId")?,
            partner_id: o.get("partnerId")?,
            status: o.get("status")?,
            held_from: o.get("heldFrom")?,
            created_at: o.get("createdAt")?,
            created_on: o.get("createdOn")?,
            created_by: o.get("createdBy")?,
            consent_exception: o.get("consentException")?,
            requested_at: o.get("requestedAt")?,
            follow_up: o.get("followUp")?,
            outcome: o.get("outcome")?,
            closed_at: o.get("closedAt")?,
            updated_at: o.get("updatedAt")?,
            version: o.get("version")?,
        })
    }
}

// The hub's settings: read as written, then validated by their own
// constructors, like the settings' input.

impl FromJournal for OpeningSlot {
    fn from_journal(v: &Value) -> Read<OpeningSlot> {
        let o = Obj::of(v)?;
        let staffing = o.raw("staffing");
        let staffing = staffing
            .as_object()
            .ok_or_else(|| at("staffing", wrong("an object", staffing)))?
            .iter()
            .map(|(role, n)| {
                let role = VolunteerRole::parse(role).map_err(|e| e.to_string())?;
                Ok((role, u32::from_journal(n)?))
            })
            .collect::<Read<BTreeMap<VolunteerRole, u32>>>()
            .map_err(|e| at("staffing", e))?;
        Ok(OpeningSlot {
            weekday: o.get("weekday")?,
            span: span(&o)?,
            staffing,
        })
    }
}

impl FromJournal for OpeningHours {
    fn from_journal(v: &Value) -> Read<OpeningHours> {
        OpeningHours::new(Vec::from_journal(v)?).map_err(|e| e.to_string())
    }
}

impl FromJournal for BasePrice {
    fn from_journal(v: &Value) -> Read<BasePrice> {
        let o = Obj::of(v)?;
        Ok(BasePrice {
            category: o.get("category")?,
            condition: o.get("condition")?,
            price: o.get("price")?,
        })
    }
}

impl FromJournal for MarkdownStep {
    fn from_journal(v: &Value) -> Read<MarkdownStep> {
        let o = Obj::of(v)?;
        Ok(MarkdownStep {
            from_week: o.get("fromWeek")?,
            percent_off: o.get("percentOff")?,
            colour: o.get("colour")?,
        })
    }
}

impl FromJournal for PricingPolicy {
    fn from_journal(v: &Value) -> Read<PricingPolicy> {
        let o = Obj::of(v)?;
        PricingPolicy::new(PricingPolicyRaw {
            base_prices: o.get("basePrices")?,
            rounding_step: o.get("roundingStep")?,
            markdown: o.get("markdown")?,
            city_pass_discount_percent: o.get("cityPassDiscountPercent")?,
        })
        .map_err(|e| e.to_string())
    }
}

impl FromJournal for ImpactFactor {
    fn from_journal(v: &Value) -> Read<ImpactFactor> {
        let o = Obj::of(v)?;
        Ok(ImpactFactor {
            category: o.get("category")?,
            grams_co2e_per_kg: o.get("gramsCo2ePerKg")?,
            source: o.get("source")?,
            source_date: o.get("sourceDate")?,
        })
    }
}

impl FromJournal for ImpactFactors {
    fn from_journal(v: &Value) -> Read<ImpactFactors> {
        ImpactFactors::new(Vec::from_journal(v)?).map_err(|e| e.to_string())
    }
}

impl FromJournal for SignalPolicy {
    fn from_journal(v: &Value) -> Read<SignalPolicy> {
        let o = Obj::of(v)?;
        SignalPolicy::new(o.get("retentionMonths")?, o.get("suppressionThreshold")?)
            .map_err(|e| e.to_string())
    }
}

impl FromJournal for JournalEntry {
    fn from_journal(v: &Value) -> Read<JournalEntry> {
        let o = Obj::of(v)?;
        Ok(JournalEntry {
            id: o.get("id")?,
            at: o.get("at")?,
            actor: o.get("actor")?,
            role: o.get("role")?,
            action: o.get("action")?,
            entity: o.get("entity")?,
            entity_id: o.get("entityId")?,
            detail: o.raw("detail").clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn dates_and_times_read_in_their_written_form_only() {
        assert_eq!(
            NaiveDate::from_journal(&json!("2026-03-02")),
            Ok(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())
        );
        assert_eq!(
            NaiveTime::from_journal(&json!("09:30")),
            Ok(NaiveTime::from_hms_opt(9, 30, 0).unwrap())
        );
        assert_eq!(
            NaiveTime::from_journal(&json!("09:30:15")),
            Ok(NaiveTime::from_hms_opt(9, 30, 15).unwrap())
        );
        for bad in [
            json!("2026-02-30"),
            json!("2.3.2026"),
            json!(20260302),
            json!(null),
        ] {
            assert!(NaiveDate::from_journal(&bad).is_err(), "{bad}");
        }
        for bad in [json!("25:00"), json!("9h30"), json!("09:30:15:00")] {
            assert!(NaiveTime::from_journal(&bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_record_reads_back_what_it_wrote_and_names_the_bad_field() {
        let clock = crate::FixedClock::at_date(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
        let item = Item::take_in(
            ItemId::generate(&clock),
            crate::NewItem::new(Category::Books, "atlas", Condition::A, 800),
            NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
        )
        .unwrap();
        let written = crate::journal::detail(&item);
        assert_eq!(Item::from_journal(&written), Ok(item));
        let mut bad = written.clone();
        bad["category"] = json!("spaceships");
        let e = Item::from_journal(&bad).unwrap_err();
        assert!(e.starts_with("category: "), "{e}");
        let mut missing = written;
        missing.as_object_mut().unwrap().remove("weightGrams");
        let e = Item::from_journal(&missing).unwrap_err();
        assert!(e.starts_with("weightGrams: "), "{e}");
    }
}
