//! Signals, referrals and partners: the same behaviour on every backend.

use crate::support::*;
use chrono::Duration;
use kringloop::{
    Action, Actor, Consent, Error, Grant, Hub, Lang, NewPartner, NewPartnerService, NewReferral,
    NewSignal, Partner, PartnerStatus, Period, ReferralChange, ReferralOutcome, ReferralStatus,
    Role, SignalDomain, SignalFilter, SignalId, SignalPolicy, SignalStatus, SignalUpdate, Urgency,
    VolunteerId, access::grant,
};

fn signal(domains: &[SignalDomain], consent: Consent, urgency: Urgency) -> NewSignal {
    NewSignal {
        domains: domains.to_vec(),
        urgency: Some(urgency),
        summary: "Maakt zich zorgen over een brief van de woningcorporatie".into(),
        person: Some("Karin".into()),
        contact: Some("06 1234 5678".into()),
        consent: Some(consent),
        do_not_contact: false,
    }
}

fn given(domains: &[SignalDomain]) -> NewSignal {
    signal(domains, Consent::Given, Urgency::Normal)
}

fn service(name: &str, domains: &[SignalDomain]) -> NewPartnerService {
    NewPartnerService {
        id: None,
        name: name.into(),
        description: None,
        domains: domains.to_vec(),
    }
}

fn wij_team() -> NewPartner {
    NewPartner {
        name: "WIJ Lewenborg".into(),
        description: Some("Het wijkteam van Lewenborg".into()),
        email: Some("lewenborg@wij.groningen.nl".into()),
        phone: Some("050 367 5000".into()),
        website: Some("https://wij.groningen.nl".into()),
        status: None,
        services: vec![
            service(
                "Schuldhulp",
                &[SignalDomain::MoneyDebt, SignalDomain::Paperwork],
            ),
            service(
                "Maatschappelijk werk",
                &[SignalDomain::Loneliness, SignalDomain::FamilyParenting],
            ),
        ],
    }
}

fn voedselbank() -> NewPartner {
    NewPartner {
        name: "Voedselbank Groningen".into(),
        services: vec![service(
            "Voedselpakket",
            &[SignalDomain::Food, SignalDomain::MoneyDebt],
        )],
        ..Default::default()
    }
}

fn refer_to(signal: SignalId, partner: &Partner) -> NewReferral {
    NewReferral {
        signal,
        partner: partner.id,
        follow_up: None,
        consent_exception: None,
        request: false,
    }
}

fn to(status: ReferralStatus) -> ReferralChange {
    ReferralChange {
        status,
        outcome: None,
        follow_up: None,
    }
}

fn closing(status: ReferralStatus, outcome: ReferralOutcome) -> ReferralChange {
    ReferralChange {
        status,
        outcome: Some(outcome),
        follow_up: None,
    }
}

async fn journal_len(hub: &Hub) -> usize {
    hub.journal(&admin(), 0, 10_000).await.unwrap().len()
}

async fn registered_volunteer(hub: &Hub, name: &str) -> VolunteerId {
    hub.register_volunteer(&coordinator(), new_volunteer(name))
        .await
        .unwrap()
        .id
}

fn field(e: &Error) -> &str {
    match e {
        Error::Validation { field, .. } => field,
        other => panic!("expected a validation error, got {other:?}"),
    }
}

pub async fn record_and_read_back(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let bea = volunteer_actor(registered_volunteer(&hub, "Bea").await);
    let recorded = hub
        .record_signal(
            &bea,
            given(&[SignalDomain::Housing, SignalDomain::MoneyDebt]),
        )
        .await
        .unwrap();
    let s = &recorded.signal;
    assert_eq!(
        s.domains,
        vec![SignalDomain::MoneyDebt, SignalDomain::Housing]
    );
    assert_eq!(
        (s.status, s.consent, s.version),
        (SignalStatus::Open, Consent::Given, 1)
    );
    assert_eq!(s.recorded_on, today());
    assert_eq!(s.recorded_by_volunteer, bea.volunteer());
    let back = hub.signal(&coordinator(), s.id).await.unwrap();
    assert_eq!(back, recorded, "{}", b.name);
    let listed = hub
        .signals(&coordinator(), SignalFilter::default())
        .await
        .unwrap();
    assert_eq!(listed, vec![recorded.signal.clone()]);
    // The journal holds the coded facts and which personal fields exist, never their values.
    let journal = hub.journal(&admin(), 0, 100).await.unwrap();
    let text = serde_json::to_string(&journal).unwrap();
    assert!(
        !text.contains("Karin") && !text.contains("woningcorporatie") && !text.contains("1234")
    );
    assert!(journal.iter().any(|r| r.entry.action == "signal.recorded"));
}

pub async fn bad_signals_change_nothing(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let before = journal_len(&hub).await;
    let mut no_domain = given(&[]);
    no_domain.domains.clear();
    assert_eq!(
        field(&hub.record_signal(&c, no_domain).await.unwrap_err()),
        "domains"
    );
    let mut long = given(&[SignalDomain::Food]);
    long.summary = "x".repeat(501);
    assert_eq!(
        field(&hub.record_signal(&c, long).await.unwrap_err()),
        "summary"
    );
    let mut empty = given(&[SignalDomain::Food]);
    empty.summary = "   ".into();
    assert_eq!(
        field(&hub.record_signal(&c, empty).await.unwrap_err()),
        "summary"
    );
    let mut contact = given(&[SignalDomain::Food]);
    contact.contact = Some("bel me".into());
    assert_eq!(
        field(&hub.record_signal(&c, contact).await.unwrap_err()),
        "contact"
    );
    let mut name = given(&[SignalDomain::Food]);
    name.person = Some("K".repeat(61));
    assert_eq!(
        field(&hub.record_signal(&c, name).await.unwrap_err()),
        "person"
    );
    assert_eq!(journal_len(&hub).await, before, "{}", b.name);
    assert!(
        hub.signals(&c, SignalFilter::default())
            .await
            .unwrap()
            .is_empty()
    );
    let bad = serde_json::from_str::<NewSignal>(r#"{"domains":["debts"],"summary":"x"}"#);
    assert!(bad.is_err());
}

pub async fn volunteers_see_only_their_own_open_signals(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let bea = volunteer_actor(registered_volunteer(&hub, "Bea").await);
    let cor = volunteer_actor(registered_volunteer(&hub, "Cor").await);
    let mine = hub
        .record_signal(&bea, given(&[SignalDomain::Loneliness]))
        .await
        .unwrap();
    let his = hub
        .record_signal(&cor, given(&[SignalDomain::Food]))
        .await
        .unwrap();
    assert_eq!(hub.signal(&bea, mine.signal.id).await.unwrap(), mine);
    let e = hub.signal(&bea, his.signal.id).await.unwrap_err();
    assert_eq!(e.code().as_str(), "forbidden", "{}", b.name);
    let listed = hub.signals(&bea, SignalFilter::default()).await.unwrap();
    assert_eq!(listed, vec![mine.signal.clone()]);
    let views = hub
        .signal_views(&bea, SignalFilter::default())
        .await
        .unwrap();
    assert_eq!(views, vec![mine.clone()]);
    // A volunteer without a linked record may record but not read.
    let anon = Actor::new("inval", Role::Volunteer).unwrap();
    hub.record_signal(&anon, given(&[SignalDomain::Other]))
        .await
        .unwrap();
    assert_eq!(
        hub.signals(&anon, SignalFilter::default())
            .await
            .unwrap_err()
            .code()
            .as_str(),
        "forbidden"
    );
    // Researchers never see single records.
    for e in [
        hub.signal(&researcher(), mine.signal.id).await.unwrap_err(),
        hub.signals(&researcher(), SignalFilter::default())
            .await
            .unwrap_err(),
    ] {
        assert_eq!(e.code().as_str(), "forbidden");
    }
    // Once closed, the volunteer no longer sees it.
    hub.close_signal(&coordinator(), mine.signal.id)
        .await
        .unwrap();
    assert_eq!(
        hub.signal(&bea, mine.signal.id)
            .await
            .unwrap_err()
            .code()
            .as_str(),
        "forbidden"
    );
    assert!(
        hub.signals(&bea, SignalFilter::default())
            .await
            .unwrap()
            .is_empty()
    );
    // The coordinator sees all three.
    assert_eq!(
        hub.signals(&coordinator(), SignalFilter::default())
            .await
            .unwrap()
            .len(),
        3
    );
    let open = SignalFilter {
        open_only: true,
        period: None,
    };
    assert_eq!(hub.signals(&coordinator(), open).await.unwrap().len(), 2);
}

pub async fn personal_reads_are_journalled(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let a = hub
        .record_signal(&c, given(&[SignalDomain::Food]))
        .await
        .unwrap();
    b.clock.advance(Duration::minutes(1));
    let z = hub
        .record_signal(&c, given(&[SignalDomain::Housing]))
        .await
        .unwrap();
    let reads = |hub: Hub| async move {
        hub.journal(&admin(), 0, 1000)
            .await
            .unwrap()
            .into_iter()
            .filter(|r| r.entry.action == "signal.personal_read")
            .map(|r| (r.entry.actor, r.entry.entity_id))
            .collect::<Vec<_>>()
    };
    assert!(reads(hub.clone()).await.is_empty());
    hub.signal(&c, a.signal.id).await.unwrap();
    let views = hub.signal_views(&c, SignalFilter::default()).await.unwrap();
    assert_eq!(views, vec![a.clone(), z.clone()], "{}", b.name);
    assert_eq!(
        reads(hub.clone()).await,
        vec![
            ("anna".to_string(), a.signal.id.to_string()),
            ("anna".to_string(), a.signal.id.to_string()),
            ("anna".to_string(), z.signal.id.to_string()),
        ]
    );
    // Coded facts only: no read entry.
    hub.signals(&c, SignalFilter::default()).await.unwrap();
    assert_eq!(reads(hub.clone()).await.len(), 3);
}

pub async fn updating_a_signal(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let bea = volunteer_actor(registered_volunteer(&hub, "Bea").await);
    let s = hub
        .record_signal(
            &bea,
            signal(&[SignalDomain::Food], Consent::NotAsked, Urgency::Normal),
        )
        .await
        .unwrap()
        .signal;
    assert_eq!((s.consent_at, s.consent_asked_by.clone()), (None, None));
    b.clock.advance(Duration::hours(2));
    let next = hub
        .update_signal(
            &bea,
            s.id,
            SignalUpdate {
                consent: Some(Consent::Given),
                urgency: Some(Urgency::High),
                do_not_contact: Some(true),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(
        (
            next.consent,
            next.urgency,
            next.do_not_contact,
            next.version
        ),
        (Consent::Given, Urgency::High, true, 2)
    );
    assert_eq!(
        next.consent_asked_by.as_ref().map(|n| n.as_str()),
        Some("vrijwilliger")
    );
    assert_eq!(
        hub.signals(&coordinator(), SignalFilter::default())
            .await
            .unwrap(),
        vec![next.clone()],
        "{}",
        b.name
    );
    let before = journal_len(&hub).await;
    let e = hub
        .update_signal(
            &bea,
            s.id,
            SignalUpdate {
                domains: Some(vec![]),
                ..Default::default()
            },
        )
        .await
        .unwrap_err();
    assert_eq!(field(&e), "domains");
    hub.close_signal(&coordinator(), s.id).await.unwrap();
    let e = hub
        .update_signal(
            &coordinator(),
            s.id,
            SignalUpdate {
                urgency: Some(Urgency::Normal),
                ..Default::default()
            },
        )
        .await
        .unwrap_err();
    assert_eq!(e.code().as_str(), "conflict");
    let e = hub.close_signal(&coordinator(), s.id).await.unwrap_err();
    assert_eq!(e.code().as_str(), "conflict");
    assert_eq!(journal_len(&hub).await, before + 1);
}

pub async fn partners_directory_and_suggestions(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let wij = hub.register_partner(&c, wij_team()).await.unwrap();
    let food = hub.register_partner(&c, voedselbank()).await.unwrap();
    let mut closed = voedselbank();
    closed.name = "Schuldhulp Stad".into();
    closed.status = Some(PartnerStatus::TemporarilyClosed);
    let shut = hub.register_partner(&c, closed).await.unwrap();
    assert_eq!(
        hub.partner(&researcher(), wij.id).await.unwrap(),
        wij,
        "{}",
        b.name
    );
    let names: Vec<String> = hub
        .partners(&c)
        .await
        .unwrap()
        .iter()
        .map(|p| p.name.to_string())
        .collect();
    assert_eq!(
        names,
        vec!["Schuldhulp Stad", "Voedselbank Groningen", "WIJ Lewenborg"]
    );
    // Suggestions: active partners only, most matched domains first.
    let s = hub
        .record_signal(
            &c,
            given(&[SignalDomain::MoneyDebt, SignalDomain::Paperwork]),
        )
        .await
        .unwrap();
    let sugg = hub.partner_suggestions(&c, s.signal.id).await.unwrap();
    let got: Vec<(String, usize)> = sugg
        .iter()
        .map(|x| (x.partner.name.to_string(), x.matched.len()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("WIJ Lewenborg".into(), 2),
            ("Voedselbank Groningen".into(), 1)
        ]
    );
    assert_eq!(sugg[0].services, vec![wij.services[0].id]);
    assert!(sugg.iter().all(|x| x.partner.id != shut.id));
    // Updating keeps named service ids and bumps the version.
    let mut change = wij_team();
    change.services[0].id = Some(wij.services[0].id);
    change.services.pop();
    change
        .services
        .push(service("Buurtwerk", &[SignalDomain::Loneliness]));
    let updated = hub.update_partner(&c, wij.id, change).await.unwrap();
    assert_eq!(updated.services[0].id, wij.services[0].id);
    assert_ne!(updated.services[1].id, wij.services[1].id);
    assert_eq!(updated.version, 2);
    assert_eq!(hub.partner(&c, wij.id).await.unwrap(), updated);
    let paused = hub
        .set_partner_status(&c, food.id, PartnerStatus::Inactive)
        .await
        .unwrap();
    assert_eq!(
        (paused.status, paused.version),
        (PartnerStatus::Inactive, 2)
    );
    // Bad input changes nothing.
    let before = journal_len(&hub).await;
    let mut bad = wij_team();
    bad.services.clear();
    assert_eq!(
        field(&hub.register_partner(&c, bad).await.unwrap_err()),
        "services"
    );
    let mut bad = wij_team();
    bad.email = Some("050 123 4567".into());
    assert_eq!(
        field(&hub.register_partner(&c, bad).await.unwrap_err()),
        "email"
    );
    let mut bad = wij_team();
    bad.website = Some("wij.nl".into());
    assert_eq!(
        field(&hub.register_partner(&c, bad).await.unwrap_err()),
        "website"
    );
    let mut bad = wij_team();
    bad.services[1].domains.clear();
    assert_eq!(
        field(&hub.register_partner(&c, bad).await.unwrap_err()),
        "services[1].domains"
    );
    assert_eq!(journal_len(&hub).await, before);
    // HSDS export: one organisation per partner, one service per service.
    let hsds = hub.partners_hsds(&researcher(), Lang::En).await.unwrap();
    assert_eq!(hsds.organizations.len(), 3);
    assert_eq!(hsds.services.len(), 4);
    assert!(
        hsds.services
            .iter()
            .any(|s| s.status == "temporarily closed")
    );
}

pub async fn consent_rule_and_its_acute_exception(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let wij = hub.register_partner(&c, wij_team()).await.unwrap();
    let before = journal_len(&hub).await;
    for consent in [Consent::NotAsked, Consent::Refused] {
        let s = hub
            .record_signal(
                &c,
                signal(&[SignalDomain::MoneyDebt], consent, Urgency::High),
            )
            .await
            .unwrap();
        let e = hub
            .refer(&c, refer_to(s.signal.id, &wij))
            .await
            .unwrap_err();
        assert_eq!(field(&e), "consent", "{}", b.name);
        let mut with_reason = refer_to(s.signal.id, &wij);
        with_reason.consent_exception = Some("dringend".into());
        let e = hub.refer(&c, with_reason).await.unwrap_err();
        assert_eq!(field(&e), "consent", "a reason only helps acute signals");
    }
    assert_eq!(
        journal_len(&hub).await,
        before + 2,
        "refusals change nothing"
    );
    // Acute without consent: only with a recorded reason.
    let acute = hub
        .record_signal(
            &c,
            signal(
                &[SignalDomain::SafetyViolence],
                Consent::NotAsked,
                Urgency::Acute,
            ),
        )
        .await
        .unwrap();
    assert_eq!(
        field(
            &hub.refer(&c, refer_to(acute.signal.id, &wij))
                .await
                .unwrap_err()
        ),
        "consent"
    );
    let mut r = refer_to(acute.signal.id, &wij);
    r.consent_exception = Some("Acuut onveilig thuis; veilig thuis gebeld".into());
    r.request = true;
    let referred = hub.refer(&c, r).await.unwrap();
    assert_eq!(referred.status, ReferralStatus::Requested);
    assert!(referred.requested_at.is_some() && referred.consent_exception.is_some());
    // With consent no exception is needed, nor accepted.
    let ok = hub
        .record_signal(&c, given(&[SignalDomain::MoneyDebt]))
        .await
        .unwrap();
    let mut r = refer_to(ok.signal.id, &wij);
    r.consent_exception = Some("waarom niet".into());
    assert_eq!(
        field(&hub.refer(&c, r).await.unwrap_err()),
        "consent_exception"
    );
    let draft = hub.refer(&c, refer_to(ok.signal.id, &wij)).await.unwrap();
    assert_eq!(draft.status, ReferralStatus::Draft);
    // Consent withdrawn before sending: the draft may not go out.
    hub.update_signal(
        &c,
        ok.signal.id,
        SignalUpdate {
            consent: Some(Consent::Refused),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let e = hub
        .change_referral(&c, draft.id, to(ReferralStatus::Requested))
        .await
        .unwrap_err();
    assert_eq!(field(&e), "consent");
    assert_eq!(hub.referral(&c, draft.id).await.unwrap(), draft);
    // A volunteer may refer their own open signal; an inactive partner is refused.
    let bea = volunteer_actor(registered_volunteer(&hub, "Bea").await);
    let hers = hub
        .record_signal(&bea, given(&[SignalDomain::Food]))
        .await
        .unwrap();
    hub.refer(&bea, refer_to(hers.signal.id, &wij))
        .await
        .unwrap();
    assert_eq!(
        hub.refer(&bea, refer_to(ok.signal.id, &wij))
            .await
            .unwrap_err()
            .code()
            .as_str(),
        "forbidden"
    );
    let off = hub
        .register_partner(
            &c,
            NewPartner {
                status: Some(PartnerStatus::Defunct),
                ..voedselbank()
            },
        )
        .await
        .unwrap();
    assert_eq!(
        hub.refer(&c, refer_to(hers.signal.id, &off))
            .await
            .unwrap_err()
            .code()
            .as_str(),
        "conflict"
    );
}

pub async fn referral_lifecycle(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let wij = hub.register_partner(&c, wij_team()).await.unwrap();
    let s = hub
        .record_signal(&c, given(&[SignalDomain::MoneyDebt]))
        .await
        .unwrap();
    let r = hub.refer(&c, refer_to(s.signal.id, &wij)).await.unwrap();
    // Illegal jumps are conflicts and change nothing.
    for bad in [
        ReferralStatus::Accepted,
        ReferralStatus::InProgress,
        ReferralStatus::Draft,
    ] {
        let e = hub.change_referral(&c, r.id, to(bad)).await.unwrap_err();
        assert_eq!(e.code().as_str(), "conflict", "draft -> {bad} ({})", b.name);
    }
    let e = hub
        .change_referral(
            &c,
            r.id,
            closing(ReferralStatus::Completed, ReferralOutcome::GotHelp),
        )
        .await
        .unwrap_err();
    assert_eq!(e.code().as_str(), "conflict");
    assert_eq!(hub.referral(&c, r.id).await.unwrap(), r);
    let r = hub
        .change_referral(&c, r.id, to(ReferralStatus::Requested))
        .await
        .unwrap();
    let r = hub
        .change_referral(&c, r.id, to(ReferralStatus::Accepted))
        .await
        .unwrap();
    let held = hub
        .change_referral(&c, r.id, to(ReferralStatus::OnHold))
        .await
        .unwrap();
    assert_eq!(held.held_from, Some(ReferralStatus::Accepted));
    let e = hub
        .change_referral(&c, r.id, to(ReferralStatus::InProgress))
        .await
        .unwrap_err();
    assert_eq!(
        e.code().as_str(),
        "conflict",
        "on hold goes back where it came from"
    );
    let r = hub
        .change_referral(&c, r.id, to(ReferralStatus::Accepted))
        .await
        .unwrap();
    assert_eq!(r.held_from, None);
    let r = hub
        .change_referral(&c, r.id, to(ReferralStatus::InProgress))
        .await
        .unwrap();
    // Closing needs an outcome; an open status takes none.
    let e = hub
        .change_referral(&c, r.id, to(ReferralStatus::Completed))
        .await
        .unwrap_err();
    assert_eq!(field(&e), "outcome");
    let mut with = to(ReferralStatus::OnHold);
    with.outcome = Some(ReferralOutcome::GotHelp);
    assert_eq!(
        field(&hub.change_referral(&c, r.id, with).await.unwrap_err()),
        "outcome"
    );
    let done = hub
        .change_referral(
            &c,
            r.id,
            closing(ReferralStatus::Completed, ReferralOutcome::GotHelp),
        )
        .await
        .unwrap();
    assert_eq!(
        (done.status, done.outcome, done.follow_up),
        (
            ReferralStatus::Completed,
            Some(ReferralOutcome::GotHelp),
            None
        )
    );
    assert!(done.closed_at.is_some());
    assert_eq!(hub.referral(&c, r.id).await.unwrap(), done, "{}", b.name);
    // Closed is final.
    let e = hub
        .change_referral(
            &c,
            r.id,
            closing(
                ReferralStatus::Cancelled,
                ReferralOutcome::NoLongerInterested,
            ),
        )
        .await
        .unwrap_err();
    assert_eq!(e.code().as_str(), "conflict");
    // Rejected straight from requested, cancelled from draft.
    b.clock.advance(Duration::minutes(1));
    let r2 = hub
        .refer(
            &c,
            NewReferral {
                request: true,
                ..refer_to(s.signal.id, &wij)
            },
        )
        .await
        .unwrap();
    let r2 = hub
        .change_referral(
            &c,
            r2.id,
            closing(ReferralStatus::Rejected, ReferralOutcome::NoCapacity),
        )
        .await
        .unwrap();
    assert_eq!(r2.status, ReferralStatus::Rejected);
    b.clock.advance(Duration::minutes(1));
    let r3 = hub.refer(&c, refer_to(s.signal.id, &wij)).await.unwrap();
    hub.change_referral(
        &c,
        r3.id,
        closing(
            ReferralStatus::Cancelled,
            ReferralOutcome::NoLongerInterested,
        ),
    )
    .await
    .unwrap();
    let all = hub.referrals(&c, Some(s.signal.id), false).await.unwrap();
    assert_eq!(
        all.iter().map(|r| r.id).collect::<Vec<_>>(),
        vec![done.id, r2.id, r3.id]
    );
    assert!(hub.referrals(&c, None, true).await.unwrap().is_empty());
}

pub async fn closing_a_signal_waits_for_its_referrals(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let wij = hub.register_partner(&c, wij_team()).await.unwrap();
    let s = hub
        .record_signal(&c, given(&[SignalDomain::Loneliness]))
        .await
        .unwrap();
    let r = hub
        .refer(
            &c,
            NewReferral {
                request: true,
                ..refer_to(s.signal.id, &wij)
            },
        )
        .await
        .unwrap();
    let e = hub.close_signal(&c, s.signal.id).await.unwrap_err();
    assert_eq!(e.code().as_str(), "conflict", "{}", b.name);
    assert!(hub.signals(&c, SignalFilter::default()).await.unwrap()[0].is_open());
    hub.change_referral(
        &c,
        r.id,
        closing(
            ReferralStatus::Cancelled,
            ReferralOutcome::ReferredElsewhere,
        ),
    )
    .await
    .unwrap();
    let closed = hub.close_signal(&c, s.signal.id).await.unwrap();
    assert_eq!(closed.status, SignalStatus::Closed);
    // No new referral for a closed signal.
    let e = hub
        .refer(&c, refer_to(s.signal.id, &wij))
        .await
        .unwrap_err();
    assert_eq!(e.code().as_str(), "conflict");
    // Volunteers may not close.
    let bea = volunteer_actor(registered_volunteer(&hub, "Bea").await);
    let hers = hub
        .record_signal(&bea, given(&[SignalDomain::Food]))
        .await
        .unwrap();
    assert_eq!(
        hub.close_signal(&bea, hers.signal.id)
            .await
            .unwrap_err()
            .code()
            .as_str(),
        "forbidden"
    );
}

pub async fn follow_ups_due(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let wij = hub.register_partner(&c, wij_team()).await.unwrap();
    let mut quiet = given(&[SignalDomain::SafetyViolence]);
    quiet.do_not_contact = true;
    let s1 = hub.record_signal(&c, quiet).await.unwrap();
    let s2 = hub
        .record_signal(&c, given(&[SignalDomain::MoneyDebt]))
        .await
        .unwrap();
    let later = NewReferral {
        follow_up: Some(today() + Duration::days(14)),
        ..refer_to(s1.signal.id, &wij)
    };
    let sooner = NewReferral {
        follow_up: Some(today() + Duration::days(7)),
        request: true,
        ..refer_to(s2.signal.id, &wij)
    };
    let r1 = hub.refer(&c, later).await.unwrap();
    let r2 = hub.refer(&c, sooner).await.unwrap();
    hub.refer(&c, refer_to(s2.signal.id, &wij)).await.unwrap();
    assert!(hub.follow_ups_due(&c, None).await.unwrap().is_empty());
    let due = hub
        .follow_ups_due(&c, Some(today() + Duration::days(30)))
        .await
        .unwrap();
    let got: Vec<_> = due
        .iter()
        .map(|f| (f.referral.id, f.do_not_contact, f.partner_name.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (r2.id, false, "WIJ Lewenborg"),
            (r1.id, true, "WIJ Lewenborg")
        ],
        "{}",
        b.name
    );
    // Moving a follow-up; past dates are refused; closed referrals drop off.
    let e = hub
        .set_follow_up(&c, r1.id, Some(today() - Duration::days(1)))
        .await
        .unwrap_err();
    assert_eq!(field(&e), "follow_up");
    let moved = hub
        .set_follow_up(&c, r1.id, Some(today() + Duration::days(3)))
        .await
        .unwrap();
    assert_eq!(moved.version, r1.version + 1);
    hub.change_referral(
        &c,
        r2.id,
        closing(ReferralStatus::Rejected, ReferralOutcome::NotEligible),
    )
    .await
    .unwrap();
    let due = hub
        .follow_ups_due(&c, Some(today() + Duration::days(30)))
        .await
        .unwrap();
    assert_eq!(
        due.iter().map(|f| f.referral.id).collect::<Vec<_>>(),
        vec![r1.id]
    );
    b.clock.advance(Duration::days(3));
    assert_eq!(hub.follow_ups_due(&c, None).await.unwrap().len(), 1);
}

pub async fn purge_erases_personal_fields_after_retention(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let policy = hub
        .set_signal_policy(&c, SignalPolicy::new(6, 10).unwrap())
        .await
        .unwrap();
    assert_eq!(hub.signal_policy(&researcher()).await.unwrap(), policy);
    let old = hub
        .record_signal(&c, given(&[SignalDomain::Food]))
        .await
        .unwrap();
    let open = hub
        .record_signal(&c, given(&[SignalDomain::Housing]))
        .await
        .unwrap();
    hub.close_signal(&c, old.signal.id).await.unwrap();
    b.clock.advance(Duration::days(100));
    let recent = hub
        .record_signal(&c, given(&[SignalDomain::Loneliness]))
        .await
        .unwrap();
    hub.close_signal(&c, recent.signal.id).await.unwrap();
    // Only admins purge.
    assert_eq!(
        hub.purge_signals(&c).await.unwrap_err().code().as_str(),
        "forbidden"
    );
    // Not yet due: nothing happens.
    assert!(hub.purge_signals(&admin()).await.unwrap().erased.is_empty());
    b.clock.advance(Duration::days(100));
    let report = hub.purge_signals(&admin()).await.unwrap();
    assert_eq!(report.erased, vec![old.signal.id], "{}", b.name);
    let gone = hub.signal(&c, old.signal.id).await.unwrap();
    assert_eq!(gone.personal, None);
    assert!(gone.signal.personal_erased_at.is_some());
    assert_eq!(gone.signal.domains, old.signal.domains, "coded facts stay");
    assert!(
        hub.signal(&c, open.signal.id)
            .await
            .unwrap()
            .personal
            .is_some()
    );
    assert!(
        hub.signal(&c, recent.signal.id)
            .await
            .unwrap()
            .personal
            .is_some()
    );
    // Idempotent: a second purge finds nothing new.
    assert!(hub.purge_signals(&admin()).await.unwrap().erased.is_empty());
    let journal = hub.journal(&admin(), 0, 1000).await.unwrap();
    assert_eq!(
        journal
            .iter()
            .filter(|r| r.entry.action == "signals.purged")
            .count(),
        1
    );
    // Statistics still count the purged signal.
    let all = Period::new(d(2026, 1, 1), d(2026, 12, 31)).unwrap();
    let stats = hub.signal_statistics(&c, all).await.unwrap();
    assert_eq!(stats.by_domain.total, Some(3));
    assert_eq!(
        field(&SignalPolicy::new(0, 10).unwrap_err()),
        "retention_months"
    );
    assert_eq!(
        field(&SignalPolicy::new(12, 1).unwrap_err()),
        "suppression_threshold"
    );
    let raw = serde_json::from_str::<SignalPolicy>(r#"{"retentionMonths":200}"#);
    assert!(raw.is_err());
}

pub async fn statistics_are_aggregated_and_suppressed(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let wij = hub.register_partner(&c, wij_team()).await.unwrap();
    let food = hub.register_partner(&c, voedselbank()).await.unwrap();
    // March: 12 money signals (3 of them also housing), 2 acute safety signals.
    let mut money = Vec::new();
    for i in 0..12 {
        let domains: &[SignalDomain] = if i < 3 {
            &[SignalDomain::MoneyDebt, SignalDomain::Housing]
        } else {
            &[SignalDomain::MoneyDebt]
        };
        money.push(hub.record_signal(&c, given(domains)).await.unwrap());
    }
    for _ in 0..2 {
        hub.record_signal(
            &c,
            signal(
                &[SignalDomain::SafetyViolence],
                Consent::Given,
                Urgency::Acute,
            ),
        )
        .await
        .unwrap();
    }
    // Referrals: 11 to the WIJ team requested two days later, 1 to the food bank.
    b.clock.advance(Duration::days(2));
    for s in money.iter().take(11) {
        let r = hub
            .refer(
                &c,
                NewReferral {
                    request: true,
                    ..refer_to(s.signal.id, &wij)
                },
            )
            .await
            .unwrap();
        hub.change_referral(
            &c,
            r.id,
            closing(ReferralStatus::Rejected, ReferralOutcome::NoCapacity),
        )
        .await
        .unwrap();
    }
    hub.refer(&c, refer_to(money[11].signal.id, &food))
        .await
        .unwrap();
    // Closed four days after recording.
    b.clock.advance(Duration::days(2));
    for s in money.iter().take(10) {
        hub.close_signal(&c, s.signal.id).await.unwrap();
    }
    let period = Period::new(d(2026, 3, 1), d(2026, 3, 31)).unwrap();
    let exact = hub.signal_statistics(&c, period).await.unwrap();
    assert_eq!(exact.threshold, None);
    assert_eq!(exact.by_domain.rows, vec!["2026-03"], "{}", b.name);
    let col =
        |t: &kringloop::CountTable, code: &str| t.columns.iter().position(|c| c == code).unwrap();
    let row = &exact.by_domain.cells[0];
    assert_eq!(row[col(&exact.by_domain, "money_debt")], Some(12));
    assert_eq!(row[col(&exact.by_domain, "housing")], Some(3));
    assert_eq!(row[col(&exact.by_domain, "safety_violence")], Some(2));
    assert_eq!(exact.by_domain.total, Some(17));
    assert_eq!(
        exact.by_urgency.cells[0][col(&exact.by_urgency, "normal")],
        Some(12)
    );
    assert_eq!(
        exact.by_urgency.cells[0][col(&exact.by_urgency, "acute")],
        Some(2)
    );
    assert_eq!(
        exact.referrals_by_status.rows,
        vec!["Voedselbank Groningen", "WIJ Lewenborg"]
    );
    let st = &exact.referrals_by_status;
    assert_eq!(st.cells[1][col(st, "rejected")], Some(11));
    assert_eq!(st.cells[0][col(st, "draft")], Some(1));
    let oc = &exact.referrals_by_outcome;
    assert_eq!(oc.cells[1][col(oc, "no_capacity")], Some(11));
    assert_eq!(exact.days_to_referral.n, Some(11));
    assert_eq!(exact.days_to_referral.median, Some(2.0));
    assert_eq!(exact.days_to_closure.n, Some(10));
    assert_eq!(exact.days_to_closure.median, Some(4.0));
    // The researcher gets the same with small cells hidden, and no name anywhere.
    let sup = hub.signal_statistics(&researcher(), period).await.unwrap();
    assert_eq!(sup.threshold, Some(10));
    let row = &sup.by_domain.cells[0];
    assert_eq!(row[col(&sup.by_domain, "money_debt")], Some(12));
    assert_eq!(row[col(&sup.by_domain, "housing")], None);
    assert_eq!(row[col(&sup.by_domain, "safety_violence")], None);
    assert_eq!(sup.by_urgency.cells[0][col(&sup.by_urgency, "acute")], None);
    assert_eq!(sup.days_to_closure.n, Some(10));
    assert_eq!(sup.days_to_referral.median, Some(2.0));
    let text = serde_json::to_string(&sup).unwrap();
    for secret in ["Karin", "1234", "woningcorporatie", "anna"] {
        assert!(!text.contains(secret), "{secret} in researcher statistics");
    }
    // Volunteers get no statistics.
    let bea = volunteer_actor(registered_volunteer(&hub, "Bea").await);
    assert_eq!(
        hub.signal_statistics(&bea, period)
            .await
            .unwrap_err()
            .code()
            .as_str(),
        "forbidden"
    );
    // An empty period is empty, not an error.
    let april = Period::new(d(2026, 4, 1), d(2026, 4, 30)).unwrap();
    let none = hub.signal_statistics(&researcher(), april).await.unwrap();
    assert!(none.by_domain.rows.is_empty());
    assert_eq!(
        (none.days_to_referral.n, none.days_to_referral.median),
        (Some(0), None)
    );
}

pub async fn concurrent_referral_changes_admit_one(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let wij = hub.register_partner(&c, wij_team()).await.unwrap();
    let s = hub
        .record_signal(&c, given(&[SignalDomain::MoneyDebt]))
        .await
        .unwrap();
    let r = hub
        .refer(
            &c,
            NewReferral {
                request: true,
                ..refer_to(s.signal.id, &wij)
            },
        )
        .await
        .unwrap();
    let mut tasks = Vec::new();
    for i in 0..6 {
        let hub = hub.clone();
        let c = c.clone();
        tasks.push(tokio::spawn(async move {
            let change = if i % 2 == 0 {
                to(ReferralStatus::Accepted)
            } else {
                closing(ReferralStatus::Rejected, ReferralOutcome::NoCapacity)
            };
            hub.change_referral(&c, r.id, change).await
        }));
    }
    let mut ok = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok(_) => ok += 1,
            Err(e) => assert_eq!(e.code().as_str(), "conflict", "{}: {e:?}", b.name),
        }
    }
    assert_eq!(ok, 1, "{}", b.name);
    assert_eq!(hub.referral(&c, r.id).await.unwrap().version, r.version + 1);
}

/// Every role × every signal operation: allowed exactly where the matrix says.
pub async fn every_role_meets_the_matrix(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let vid = registered_volunteer(&hub, "Bea").await;
    let wij = hub.register_partner(&c, wij_team()).await.unwrap();
    let period = Period::new(d(2026, 1, 1), d(2026, 12, 31)).unwrap();
    for role in [
        Role::Volunteer,
        Role::Coordinator,
        Role::Researcher,
        Role::Admin,
    ] {
        let actor = Actor::new("wie", role).unwrap().with_volunteer(vid);
        let allowed = |a: Action| grant(role, a) != Grant::Deny;
        let check = |a: Action, r: Result<(), Error>| match r {
            Ok(()) => assert!(allowed(a), "{role} may not {a} ({})", b.name),
            Err(e) if e.code().as_str() == "forbidden" => {
                assert!(!allowed(a), "{role} should {a}: {e}")
            }
            Err(e) => panic!("{role} {a}: unexpected {e:?}"),
        };
        // A signal this actor recorded (when they may), else the coordinator's.
        let own = match hub
            .record_signal(&actor, given(&[SignalDomain::MoneyDebt]))
            .await
        {
            Ok(v) => {
                check(Action::RecordSignal, Ok(()));
                v.signal.id
            }
            Err(e) => {
                check(Action::RecordSignal, Err(e));
                hub.record_signal(&c, given(&[SignalDomain::MoneyDebt]))
                    .await
                    .unwrap()
                    .signal
                    .id
            }
        };
        check(Action::ReadSignals, hub.signal(&actor, own).await.map(drop));
        check(
            Action::ReadSignals,
            hub.signals(&actor, SignalFilter::default()).await.map(drop),
        );
        check(
            Action::UpdateSignal,
            hub.update_signal(
                &actor,
                own,
                SignalUpdate {
                    urgency: Some(Urgency::High),
                    ..Default::default()
                },
            )
            .await
            .map(drop),
        );
        let referral = hub.refer(&actor, refer_to(own, &wij)).await;
        let rid = match referral {
            Ok(r) => {
                check(Action::Refer, Ok(()));
                r.id
            }
            Err(e) => {
                check(Action::Refer, Err(e));
                hub.refer(&c, refer_to(own, &wij)).await.unwrap().id
            }
        };
        check(
            Action::ManageReferrals,
            hub.change_referral(&actor, rid, to(ReferralStatus::Requested))
                .await
                .map(drop),
        );
        check(
            Action::ManageReferrals,
            hub.set_follow_up(&actor, rid, Some(today()))
                .await
                .map(drop),
        );
        check(
            Action::ManageReferrals,
            hub.referral(&actor, rid).await.map(drop),
        );
        check(
            Action::ManageReferrals,
            hub.referrals(&actor, None, false).await.map(drop),
        );
        check(
            Action::ManageReferrals,
            hub.follow_ups_due(&actor, None).await.map(drop),
        );
        check(Action::ReadPartners, hub.partners(&actor).await.map(drop));
        check(
            Action::ReadPartners,
            hub.partner(&actor, wij.id).await.map(drop),
        );
        check(
            Action::ReadPartners,
            hub.partners_hsds(&actor, Lang::Nl).await.map(drop),
        );
        check(
            Action::ManagePartners,
            hub.register_partner(&actor, voedselbank()).await.map(drop),
        );
        check(
            Action::ManagePartners,
            hub.set_partner_status(&actor, wij.id, PartnerStatus::Active)
                .await
                .map(drop),
        );
        check(
            Action::ReadSignalStatistics,
            hub.signal_statistics(&actor, period).await.map(drop),
        );
        check(
            Action::ManageHubSettings,
            hub.set_signal_policy(&actor, SignalPolicy::default())
                .await
                .map(drop),
        );
        check(
            Action::PurgeSignals,
            hub.purge_signals(&actor).await.map(drop),
        );
        // Cancel the referral so the signal can close.
        hub.change_referral(
            &c,
            rid,
            closing(
                ReferralStatus::Cancelled,
                ReferralOutcome::NoLongerInterested,
            ),
        )
        .await
        .unwrap();
        check(
            Action::ManageReferrals,
            hub.close_signal(&actor, own).await.map(drop),
        );
    }
}
