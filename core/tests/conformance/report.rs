//! The hub report: a little of every domain seeded through the public API,
//! exact figures for coordinators, suppressed ones for researchers, no
//! names anywhere — the same on every backend.

use crate::support::*;
use chrono::{NaiveDate, TimeZone, Utc};
use kringloop::{
    ActivityKind, Basket, Category, Condition, Consent, Counted, Hub, HubReport, LadderStep, Lang,
    Money, NewActivity, NewAssessment, NewAttendance, NewCourse, NewItem, NewPartner,
    NewPartnerService, NewReferral, NewSignal, NewTally, PaymentMethod, Period, ReferralChange,
    ReferralOutcome, ReferralStatus, RefundRequest, Role, SignalDomain, SignalPolicy, Urgency,
    VolunteerId, VolunteerRole, VolunteerStatus,
};

fn q1() -> Period {
    Period::new(d(2026, 1, 1), d(2026, 3, 31)).unwrap()
}

/// A ladder assessment at step 1–6.
fn ladder(v: VolunteerId, on: NaiveDate, step: usize) -> NewAssessment {
    NewAssessment::ladder(v, on, <LadderStep as kringloop::CodeList>::ALL[step - 1])
}

fn signal(domains: &[SignalDomain]) -> NewSignal {
    NewSignal {
        domains: domains.to_vec(),
        urgency: Some(Urgency::Normal),
        summary: "Zorgen over een brief".into(),
        person: Some("Karin".into()),
        contact: Some("06 1234 5678".into()),
        consent: Some(Consent::Given),
        do_not_contact: false,
    }
}

fn card(lines: &[(kringloop::ItemId, u32)]) -> Basket {
    basket(lines, PaymentMethod::Card, false)
}

/// The counts that are not 0 (hidden ones included), with their codes.
fn non_zero<K: Copy>(counted: &[Counted<K>]) -> Vec<(K, Option<u64>)> {
    counted
        .iter()
        .filter(|c| c.count != Some(0))
        .map(|c| (c.key, c.count))
        .collect()
}

const NAMES: [&str; 5] = ["Anneke", "Bart", "Carla", "Dirk", "Evi"];

/// Seeds Q1 2026 (and a little outside it) in every domain.
pub(crate) async fn seed(hub: &Hub) {
    let c = coordinator();
    let mut ids = Vec::new();
    for (i, name) in NAMES.iter().enumerate() {
        let mut input = new_volunteer(name);
        if i == 3 {
            input.start_date = Some(d(2026, 2, 1)); // Dirk started in Q1
        }
        ids.push(hub.register_volunteer(&c, input).await.unwrap().id);
    }
    let [anneke, bart, carla, dirk, evi] = ids[..] else {
        panic!()
    };
    hub.change_volunteer_status(&c, evi, VolunteerStatus::Left, Some("verhuisd"), None)
        .await
        .unwrap();

    // Hours: 450 min cashier (2 shifts), 180 min shop floor; one outside Q1,
    // one only planned.
    use VolunteerRole::{Cashier, ShopFloor};
    for (v, role, day, s) in [
        (anneke, Cashier, d(2026, 1, 10), span((9, 0), (12, 30))),
        (bart, ShopFloor, d(2026, 2, 14), span((10, 0), (13, 0))),
        (anneke, Cashier, d(2026, 3, 1), span((13, 0), (17, 0))),
        (carla, Cashier, d(2025, 12, 20), span((9, 0), (17, 0))),
    ] {
        hub.record_shift(&c, new_shift(v, role, day, s))
            .await
            .unwrap();
    }
    hub.plan_shift(
        &c,
        new_shift(dirk, Cashier, d(2026, 3, 5), span((9, 0), (12, 0))),
    )
    .await
    .unwrap();

    // Ladder: Anneke up, Bart up (after a correction), Carla down, Evi the
    // same, Dirk measured without an earlier step.
    for (v, on, step) in [
        (anneke, d(2025, 11, 1), 3),
        (anneke, d(2026, 2, 1), 4),
        (bart, d(2025, 10, 1), 4),
        (carla, d(2025, 12, 1), 4),
        (carla, d(2026, 1, 10), 5),
        (carla, d(2026, 2, 20), 3),
        (evi, d(2025, 6, 1), 4),
        (evi, d(2026, 1, 20), 4),
        (dirk, d(2026, 2, 15), 2),
    ] {
        hub.record_assessment(&c, ladder(v, on, step))
            .await
            .unwrap();
    }
    let wrong = hub
        .record_assessment(&c, ladder(bart, d(2026, 1, 15), 4))
        .await
        .unwrap();
    let mut fix = ladder(bart, d(2026, 1, 15), 5);
    fix.corrects = Some(wrong.id);
    hub.record_assessment(&c, fix).await.unwrap();

    // Courses: one ended in Q1 (3 places, 2 completions), one before it,
    // one running into April (1 place, 1 waiting).
    let course = |sessions: &[NaiveDate], capacity| NewCourse {
        title: "Omgaan met lastige klanten".into(),
        description: None,
        sessions: sessions.to_vec(),
        capacity,
    };
    let k1 = hub
        .create_course(&c, course(&[d(2026, 1, 13), d(2026, 1, 20)], 10))
        .await
        .unwrap();
    for v in [anneke, bart, carla] {
        hub.enrol(&c, k1.id, v).await.unwrap();
    }
    hub.complete_course(&c, k1.id, &[anneke, bart])
        .await
        .unwrap();
    let k2 = hub
        .create_course(&c, course(&[d(2025, 11, 4), d(2025, 11, 11)], 10))
        .await
        .unwrap();
    hub.enrol(&c, k2.id, carla).await.unwrap();
    hub.complete_course(&c, k2.id, &[carla]).await.unwrap();
    let k3 = hub
        .create_course(&c, course(&[d(2026, 3, 24), d(2026, 4, 7)], 1))
        .await
        .unwrap();
    hub.enrol(&c, k3.id, dirk).await.unwrap();
    hub.enrol(&c, k3.id, carla).await.unwrap();

    // Activities: two sessions held (8 + 5, 2 first-timers), one cancelled,
    // one before Q1.
    let club = hub
        .create_activity(&c, NewActivity::new("Haakclub", ActivityKind::Craft))
        .await
        .unwrap();
    for (day, attendance) in [
        (d(2026, 2, 10), Some((8, 2))),
        (d(2026, 2, 17), Some((5, 0))),
        (d(2026, 2, 24), None),
        (d(2025, 12, 9), Some((20, 4))),
    ] {
        let s = hub
            .add_session(&c, club.id, day, span((14, 0), (16, 0)))
            .await
            .unwrap();
        match attendance {
            Some((headcount, first_timers)) => {
                let input = NewAttendance {
                    headcount: Some(headcount),
                    first_timers,
                    participants: vec![],
                };
                hub.record_attendance(&c, s.id, input).await.unwrap();
            }
            None => {
                hub.cancel_session(&c, s.id, "zaal bezet").await.unwrap();
            }
        }
    }

    // The big table: 35 visitors, 17 conversations on 2 days in Q1.
    for (day, visitors, conversations) in [
        (d(2026, 2, 24), 20, 10),
        (d(2026, 3, 2), 15, 7),
        (d(2025, 12, 30), 50, 25),
    ] {
        let tally = NewTally {
            date: Some(day),
            visitors,
            conversations,
        };
        hub.record_tally(&c, tally).await.unwrap();
    }

    // Signals and referrals: 3 signals, 3 referrals (draft, requested,
    // completed with help).
    let wij = hub
        .register_partner(
            &c,
            NewPartner {
                name: "WIJ Lewenborg".into(),
                services: vec![NewPartnerService {
                    id: None,
                    name: "Schuldhulp".into(),
                    description: None,
                    domains: vec![SignalDomain::MoneyDebt],
                }],
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let mut referrals = Vec::new();
    for (domains, request) in [
        (
            &[SignalDomain::MoneyDebt, SignalDomain::Paperwork][..],
            false,
        ),
        (&[SignalDomain::Loneliness][..], true),
        (&[SignalDomain::MoneyDebt][..], true),
    ] {
        let s = hub.record_signal(&c, signal(domains)).await.unwrap();
        let r = NewReferral {
            signal: s.signal.id,
            partner: wij.id,
            follow_up: None,
            consent_exception: None,
            request,
        };
        referrals.push(hub.refer(&c, r).await.unwrap());
    }
    let to = |status, outcome| ReferralChange {
        status,
        outcome,
        follow_up: None,
    };
    for (status, outcome) in [
        (ReferralStatus::Accepted, None),
        (ReferralStatus::InProgress, None),
        (ReferralStatus::Completed, Some(ReferralOutcome::GotHelp)),
    ] {
        hub.change_referral(&c, referrals[2].id, to(status, outcome))
            .await
            .unwrap();
    }

    // Sales: a book (€ 2,00, 400 g) and two shirts (€ 3,00, 250 g each),
    // a third shirt sold and refunded.
    let v = coordinator();
    let book = hub
        .take_in(
            &v,
            NewItem::new(Category::Books, "roman", Condition::A, 400),
        )
        .await
        .unwrap();
    let mut shirts = NewItem::new(Category::Clothing, "shirt", Condition::B, 250);
    shirts.quantity = 3;
    let shirts = hub.take_in(&v, shirts).await.unwrap();
    let sale = hub
        .checkout(&v, card(&[(book.id, 1), (shirts.id, 2)]))
        .await
        .unwrap();
    assert_eq!(sale.total, Money::from_cents(800));
    let sale = hub.checkout(&v, card(&[(shirts.id, 1)])).await.unwrap();
    hub.refund(
        &v,
        RefundRequest {
            sale_id: sale.id,
            till: "kassa-1".into(),
            lines: vec![],
            payment: PaymentMethod::Card,
        },
    )
    .await
    .unwrap();
    // One sale in December, outside Q1.
    let mut old = NewItem::new(Category::Toys, "blokken", Condition::A, 1000);
    old.intake_date = Some(d(2025, 12, 1));
    let old = hub.take_in(&v, old).await.unwrap();
    let mut december = card(&[(old.id, 1)]);
    december.at = Some(Utc.with_ymd_and_hms(2025, 12, 15, 11, 0, 0).unwrap());
    hub.checkout(&v, december).await.unwrap();
}

pub async fn figures_add_up_exactly(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    seed(&hub).await;
    let r = hub.hub_report(&coordinator(), q1()).await.unwrap();
    let n = b.name;
    assert_eq!(
        (r.hub.as_str(), r.period, r.threshold),
        ("oude-bieb", q1(), None)
    );
    let v = r.volunteers;
    assert_eq!(
        (v.active, v.started, v.left),
        (Some(2), Some(1), Some(1)),
        "{n}"
    );
    assert_eq!((r.hours.minutes, r.hours.shifts), (630, 3), "{n}");
    let roles: Vec<_> = r
        .hours
        .by_role
        .iter()
        .map(|h| (h.role, h.minutes, h.shifts))
        .collect();
    assert_eq!(
        roles,
        vec![
            (VolunteerRole::Cashier, 450, 2),
            (VolunteerRole::ShopFloor, 180, 1)
        ],
        "{n}"
    );
    let l = r.ladder;
    assert_eq!(
        (l.measured, l.compared, l.up, l.same, l.down),
        (Some(5), Some(4), Some(2), Some(1), Some(1)),
        "{n}"
    );
    let k = r.courses;
    assert_eq!(
        (k.running, k.participants, k.completions),
        (2, Some(4), Some(2)),
        "{n}"
    );
    let a = r.activities;
    assert_eq!(
        (
            a.sessions_held,
            a.sessions_cancelled,
            a.attendance,
            a.first_timers
        ),
        (2, 1, Some(13), Some(2)),
        "{n}"
    );
    let t = r.table;
    assert_eq!(
        (t.days, t.visitors, t.conversations),
        (2, Some(35), 17),
        "{n}"
    );
    assert_eq!(r.signals.signals, Some(3), "{n}");
    let domains = non_zero(&r.signals.by_domain);
    assert_eq!(
        domains,
        vec![
            (SignalDomain::Loneliness, Some(1)),
            (SignalDomain::MoneyDebt, Some(2)),
            (SignalDomain::Paperwork, Some(1)),
        ],
        "{n}"
    );
    assert_eq!(r.referrals.referrals, Some(3), "{n}");
    let statuses = non_zero(&r.referrals.by_status);
    assert_eq!(
        statuses,
        vec![
            (ReferralStatus::Draft, Some(1)),
            (ReferralStatus::Requested, Some(1)),
            (ReferralStatus::Completed, Some(1)),
        ],
        "{n}"
    );
    let outcomes = non_zero(&r.referrals.by_outcome);
    assert_eq!(outcomes, vec![(ReferralOutcome::GotHelp, Some(1))], "{n}");
    let s = &r.sales;
    assert_eq!(
        (s.sales, s.refunds, s.revenue, s.items_sold),
        (2, 1, Money::from_cents(800), 3),
        "{n}: two sales and a refund in Q1, the refund nets out"
    );
    assert_eq!(s.by_month.len(), 1, "{n}");
    assert_eq!(
        (s.by_month[0].month.as_str(), s.by_month[0].revenue),
        ("2026-03", Money::from_cents(800))
    );
    // 400 g of books at 1 kg/kg, 500 g of clothing at 6.1 kg/kg.
    assert_eq!(
        (r.reuse.grams_reused, r.reuse.grams_co2e_avoided),
        (900, 400 + 3_050),
        "{n}"
    );
    // Admins see the same; a second, empty hub reports zeros.
    assert_eq!(hub.hub_report(&admin(), q1()).await.unwrap(), r);
    let empty = b
        .hub("leeg")
        .await
        .hub_report(&researcher(), q1())
        .await
        .unwrap();
    assert_eq!(empty.volunteers.active, Some(0), "zeros are shown");
    assert_eq!(empty.sales.revenue, Money::ZERO);
    assert!(empty.to_html(Lang::Nl).contains("Wijkrapportage leeg"));
}

fn assert_no_names(r: &HubReport, what: &str) {
    let json = serde_json::to_string(r).unwrap();
    let texts = [
        json,
        r.to_markdown(Lang::Nl),
        r.to_markdown(Lang::En),
        r.to_html(Lang::Nl),
        r.to_html(Lang::En),
    ];
    for text in &texts {
        for name in NAMES
            .iter()
            .chain(&["Karin", "WIJ Lewenborg", "Haakclub", "06 1234"])
        {
            assert!(!text.contains(name), "{what}: {name} in the report");
        }
    }
}

pub async fn researchers_get_small_counts_hidden_and_no_names(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    seed(&hub).await;
    let n = b.name;
    let r = hub.hub_report(&researcher(), q1()).await.unwrap();
    assert_eq!(r.threshold, Some(10), "{n}");
    let v = r.volunteers;
    assert_eq!((v.active, v.started, v.left), (None, None, None), "{n}");
    let l = r.ladder;
    assert_eq!(
        (l.measured, l.compared, l.up, l.same, l.down),
        (None, None, None, None, None),
        "{n}"
    );
    assert_eq!(
        (
            r.courses.running,
            r.courses.participants,
            r.courses.completions
        ),
        (2, None, None),
        "{n}: courses are not people"
    );
    assert_eq!(r.activities.attendance, Some(13), "{n}: 13 is not small");
    assert_eq!(r.activities.first_timers, None, "{n}");
    assert_eq!(r.activities.sessions_held, 2);
    assert_eq!(r.table.visitors, Some(35), "{n}");
    assert_eq!(r.signals.signals, None, "{n}");
    for c in &r.signals.by_domain {
        assert!(c.count.is_none() || c.count == Some(0), "{n}: {c:?}");
    }
    assert_eq!(r.referrals.referrals, None, "{n}");
    assert!(
        r.referrals
            .by_status
            .iter()
            .all(|c| c.count.is_none() || c.count == Some(0))
    );
    // Hidden is never 0, and what is not about people stays exact.
    assert_eq!(
        r.signals
            .by_domain
            .iter()
            .filter(|c| c.count.is_none())
            .count(),
        3,
        "{n}"
    );
    assert_eq!(
        (r.sales.sales, r.sales.revenue),
        (2, Money::from_cents(800))
    );
    assert_eq!(r.hours.minutes, 630);
    assert!(r.has_hidden());
    assert!(r.to_markdown(Lang::Nl).contains("\\<10"), "{n}");
    assert_no_names(&r, "researcher");
    assert_no_names(
        &hub.hub_report(&coordinator(), q1()).await.unwrap(),
        "coordinator",
    );

    // The threshold is the hub's: at 3, counts of 3 and more show.
    hub.set_signal_policy(&admin(), SignalPolicy::new(12, 3).unwrap())
        .await
        .unwrap();
    let r = hub.hub_report(&researcher(), q1()).await.unwrap();
    assert_eq!(r.threshold, Some(3));
    assert_eq!(r.signals.signals, Some(3), "{n}");
    assert_eq!(r.volunteers.active, None, "{n}: 2 is still small");
    assert_eq!(r.ladder.measured, Some(5), "{n}");

    // Volunteers are refused.
    let me = hub.volunteers(&coordinator(), None).await.unwrap()[0].id;
    let e = hub
        .hub_report(&volunteer_actor(me), q1())
        .await
        .unwrap_err();
    assert_eq!(e.code().as_str(), "forbidden", "{n}");
    let anonymous = kringloop::Actor::new("bezoeker", Role::Volunteer).unwrap();
    assert!(hub.hub_report(&anonymous, q1()).await.is_err());
}
