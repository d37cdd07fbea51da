//! Signal, partner and referral rows → domain values, always through the
//! domain's own parse functions. A row that does not parse is
//! `Error::Storage("corrupt <entity> row: <column>: <why>")`, never a panic.

use super::{Parsed, SqlRow, corrupt, date, json, opt_date, why};
use crate::code_list::CodeList;
use crate::{
    ActorName, Contact, MonthCount, Note, Partner, PartnerId, PartnerName, PartnerService,
    PartnerServiceId, PartnerStatus, PersonName, Reason, Referral, ReferralCount, ReferralId,
    ReferralOutcome, ReferralStatus, Result, Signal, SignalDomain, SignalId, SignalPersonal,
    SignalPolicy, Summary, VolunteerId, Website,
};
use chrono::{DateTime, Utc};

fn timestamp(row: &impl SqlRow, col: &'static str) -> Parsed<DateTime<Utc>> {
    let at = row.int(col)?;
    DateTime::from_timestamp_micros(at).ok_or_else(|| format!("{col}: {at} is out of range"))
}

fn opt_timestamp(row: &impl SqlRow, col: &'static str) -> Parsed<Option<DateTime<Utc>>> {
    row.opt_int(col)?
        .map(|at| {
            DateTime::from_timestamp_micros(at)
                .ok_or_else(|| format!("{col}: {at} is out of range"))
        })
        .transpose()
}

fn code<T: CodeList>(row: &impl SqlRow, col: &'static str) -> Parsed<T> {
    T::parse(&row.text(col)?).map_err(why(col))
}

fn opt_code<T: CodeList>(row: &impl SqlRow, col: &'static str) -> Parsed<Option<T>> {
    row.opt_text(col)?
        .map(|c| T::parse(&c))
        .transpose()
        .map_err(why(col))
}

/// An optional text column through a domain parse function.
fn opt_parsed<T>(
    row: &impl SqlRow,
    col: &'static str,
    parse: impl Fn(&str) -> Result<T>,
) -> Parsed<Option<T>> {
    row.opt_text(col)?
        .map(|s| parse(&s))
        .transpose()
        .map_err(why(col))
}

fn count(row: &impl SqlRow, col: &'static str) -> Parsed<u64> {
    let n = row.int(col)?;
    u64::try_from(n).map_err(|_| format!("{col}: {n} is not a count"))
}

fn read_signal(row: &impl SqlRow) -> Parsed<Signal> {
    let do_not_contact = match row.int("do_not_contact")? {
        0 => false,
        1 => true,
        n => return Err(format!("do_not_contact: {n} is not 0 or 1")),
    };
    Ok(Signal {
        id: SignalId::parse(&row.text("id")?).map_err(why("id"))?,
        recorded_at: timestamp(row, "recorded_at")?,
        recorded_on: date("recorded_on", &row.text("recorded_on")?)?,
        recorded_by: ActorName::parse(row.text("recorded_by")?).map_err(why("recorded_by"))?,
        recorded_by_volunteer: opt_parsed(row, "recorded_by_volunteer", VolunteerId::parse)?,
        domains: Vec::new(),
        urgency: code(row, "urgency")?,
        consent: code(row, "consent")?,
        consent_at: opt_timestamp(row, "consent_at")?,
        consent_asked_by: opt_parsed(row, "consent_asked_by", |s| ActorName::parse(s))?,
        do_not_contact,
        status: code(row, "status")?,
        closed_at: opt_timestamp(row, "closed_at")?,
        personal_erased_at: opt_timestamp(row, "personal_erased_at")?,
        version: row.int("version")?,
    })
}

/// Rebuilds signals from rows of a signal joined with its domains (one row
/// per domain, `domain` NULL for a signal without any), the rows of one
/// signal next to each other in domain order.
pub(crate) fn signals_from_rows<R: SqlRow>(rows: &[R]) -> Result<Vec<Signal>> {
    let read = || -> Parsed<Vec<Signal>> {
        let mut out: Vec<Signal> = Vec::new();
        for row in rows {
            let id = SignalId::parse(&row.text("id")?).map_err(why("id"))?;
            let domain = opt_code::<SignalDomain>(row, "domain")?;
            match out.last_mut() {
                Some(last) if last.id == id => last.domains.extend(domain),
                _ => {
                    let mut s = read_signal(row)?;
                    s.domains.extend(domain);
                    out.push(s);
                }
            }
        }
        Ok(out)
    };
    read().map_err(corrupt("signal"))
}

/// Rebuilds a signal's personal fields (with its id) from their row.
pub(crate) fn personal_from_row(row: &impl SqlRow) -> Result<(SignalId, SignalPersonal)> {
    let read = || -> Parsed<(SignalId, SignalPersonal)> {
        Ok((
            SignalId::parse(&row.text("signal_id")?).map_err(why("signal_id"))?,
            SignalPersonal {
                person: opt_parsed(row, "person", |s| PersonName::parse(s))?,
                contact: opt_parsed(row, "contact", |s| Contact::parse(s))?,
                summary: Summary::parse(row.text("summary")?).map_err(why("summary"))?,
            },
        ))
    };
    read().map_err(corrupt("signal_personal"))
}

/// Rebuilds a partner service (with its partner's id as stored) from its row.
pub(crate) fn service_from_row(row: &impl SqlRow) -> Result<(String, PartnerService)> {
    let read = || -> Parsed<(String, PartnerService)> {
        let codes: Vec<String> = json("domains", &row.text("domains")?)?;
        let domains = codes
            .iter()
            .map(|c| SignalDomain::parse(c))
            .collect::<Result<Vec<_>>>()
            .map_err(why("domains"))?;
        Ok((
            row.text("partner_id")?,
            PartnerService {
                id: PartnerServiceId::parse(&row.text("id")?).map_err(why("id"))?,
                name: PartnerName::parse(row.text("name")?).map_err(why("name"))?,
                description: opt_parsed(row, "description", |s| Note::parse(s))?,
                domains,
            },
        ))
    };
    read().map_err(corrupt("partner_service"))
}

/// Rebuilds a partner from its row and its services (in order).
pub(crate) fn partner_from_row(
    row: &impl SqlRow,
    services: Vec<PartnerService>,
) -> Result<Partner> {
    let read = || -> Parsed<Partner> {
        Ok(Partner {
            id: PartnerId::parse(&row.text("id")?).map_err(why("id"))?,
            name: PartnerName::parse(row.text("name")?).map_err(why("name"))?,
            description: opt_parsed(row, "description", |s| Note::parse(s))?,
            email: opt_parsed(row, "email", |s| Contact::parse(s))?,
            phone: opt_parsed(row, "phone", |s| Contact::parse(s))?,
            website: opt_parsed(row, "website", |s| Website::parse(s))?,
            status: code::<PartnerStatus>(row, "status")?,
            services,
            version: row.int("version")?,
        })
    };
    read().map_err(corrupt("partner"))
}

/// Rebuilds a referral from its row.
pub(crate) fn referral_from_row(row: &impl SqlRow) -> Result<Referral> {
    let read = || -> Parsed<Referral> {
        Ok(Referral {
            id: ReferralId::parse(&row.text("id")?).map_err(why("id"))?,
            signal_id: SignalId::parse(&row.text("signal_id")?).map_err(why("signal_id"))?,
            partner_id: PartnerId::parse(&row.text("partner_id")?).map_err(why("partner_id"))?,
            status: code::<ReferralStatus>(row, "status")?,
            held_from: opt_code::<ReferralStatus>(row, "held_from")?,
            created_at: timestamp(row, "created_at")?,
            created_on: date("created_on", &row.text("created_on")?)?,
            created_by: ActorName::parse(row.text("created_by")?).map_err(why("created_by"))?,
            consent_exception: opt_parsed(row, "consent_exception", |s| Reason::parse(s))?,
            requested_at: opt_timestamp(row, "requested_at")?,
            follow_up: opt_date("follow_up", row.opt_text("follow_up")?)?,
            outcome: opt_code::<ReferralOutcome>(row, "outcome")?,
            closed_at: opt_timestamp(row, "closed_at")?,
            updated_at: timestamp(row, "updated_at")?,
            version: row.int("version")?,
        })
    };
    read().map_err(corrupt("referral"))
}

/// One count per month (`month`, the month's first day) and code (`key`).
pub(crate) fn month_count_from_row<K: CodeList>(
    row: &impl SqlRow,
    entity: &'static str,
) -> Result<MonthCount<K>> {
    let read = || -> Parsed<MonthCount<K>> {
        Ok(MonthCount {
            month: date("month", &row.text("month")?)?,
            key: code::<K>(row, "key")?,
            count: count(row, "n")?,
        })
    };
    read().map_err(corrupt(entity))
}

/// One count of referrals per partner, status and outcome.
pub(crate) fn referral_count_from_row(row: &impl SqlRow) -> Result<ReferralCount> {
    let read = || -> Parsed<ReferralCount> {
        Ok(ReferralCount {
            partner: PartnerId::parse(&row.text("partner_id")?).map_err(why("partner_id"))?,
            status: code::<ReferralStatus>(row, "status")?,
            outcome: opt_code::<ReferralOutcome>(row, "outcome")?,
            count: count(row, "n")?,
        })
    };
    read().map_err(corrupt("referral"))
}

/// A count of durations (`n`) as stored by the median query.
pub(crate) fn duration_count_from_row(row: &impl SqlRow) -> Result<u64> {
    count(row, "n").map_err(corrupt("signal"))
}

/// A hub's signal policy from its JSON column (validated by the domain's
/// own deserialiser, which runs [`SignalPolicy::new`]).
pub(crate) fn signal_policy_from_row(row: &impl SqlRow) -> Result<SignalPolicy> {
    let read = || -> Parsed<SignalPolicy> { json("policy", &row.text("policy")?) };
    read().map_err(corrupt("signal_policy"))
}
