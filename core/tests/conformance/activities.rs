//! Activities, schedules, sessions, attendance, residents, ideas and the
//! table tally: the same behaviour on every backend.

use crate::support::*;
use chrono::Duration;
use kringloop::{
    Action, Activity, ActivityKind, ActivityStatus, Actor, Error, Grant, Hub, IdeaStatus,
    IdeaStatusChange, Money, NewActivity, NewAttendance, NewIdea, NewResident, NewSchedule,
    NewTally, Nth, Participant, Period, Recurrence, Role, SessionStatus, Weekday, access::grant,
};

fn field(e: &Error) -> &str {
    match e {
        Error::Validation { field, .. } => field,
        other => panic!("expected a validation error, got {other:?}"),
    }
}

async fn journal_len(hub: &Hub) -> usize {
    hub.journal(&admin(), 0, 10_000).await.unwrap().len()
}

fn weekly(days: &[Weekday], starts_on: chrono::NaiveDate) -> NewSchedule {
    NewSchedule {
        recurrence: Recurrence::Weekly {
            every: 1,
            weekdays: days.to_vec(),
        },
        starts_on,
        span: span((14, 0), (16, 0)),
        until: None,
        count: None,
    }
}

fn period(a: chrono::NaiveDate, b: chrono::NaiveDate) -> Period {
    Period::new(a, b).unwrap()
}

async fn crochet(hub: &Hub) -> Activity {
    let mut input = NewActivity::new("Haken en breien", ActivityKind::Craft);
    input.capacity = Some(12);
    input.location = Some("aan de grote tafel".into());
    hub.create_activity(&coordinator(), input).await.unwrap()
}

pub async fn create_update_archive(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let lead = hub
        .register_volunteer(&c, new_volunteer("Greet"))
        .await
        .unwrap();
    let mut input = NewActivity::new("Inloopkoor", ActivityKind::Music);
    input.leaders = vec![lead.id, lead.id];
    input.price = Some(Money::from_cents(150));
    let a = hub.create_activity(&c, input).await.unwrap();
    assert_eq!(
        (a.leaders.clone(), a.price.cents(), a.version),
        (vec![lead.id], 150, 1)
    );
    assert_eq!(hub.activity(&c, a.id).await.unwrap(), a, "{}", b.name);
    let mut change = NewActivity::new("Inloopkoor De Bieb", ActivityKind::Music);
    change.capacity = Some(40);
    let updated = hub.update_activity(&c, a.id, change).await.unwrap();
    assert_eq!(
        (
            updated.version,
            updated.price.cents(),
            updated.leaders.len()
        ),
        (2, 0, 0)
    );
    let archived = hub
        .set_activity_status(&c, a.id, ActivityStatus::Archived)
        .await
        .unwrap();
    assert!(hub.activities(&c, false).await.unwrap().is_empty());
    assert_eq!(
        hub.activities(&c, true).await.unwrap(),
        vec![archived.clone()]
    );
    // Bad input changes nothing.
    let before = journal_len(&hub).await;
    let mut bad = NewActivity::new(" ", ActivityKind::Other);
    assert_eq!(
        field(&hub.create_activity(&c, bad.clone()).await.unwrap_err()),
        "name"
    );
    bad.name = "Schilderen".into();
    bad.capacity = Some(0);
    assert_eq!(
        field(&hub.create_activity(&c, bad.clone()).await.unwrap_err()),
        "capacity"
    );
    bad.capacity = None;
    bad.price = Some(Money::from_cents(-5));
    assert_eq!(
        field(&hub.create_activity(&c, bad.clone()).await.unwrap_err()),
        "price"
    );
    bad.price = None;
    bad.leaders = vec![kringloop::VolunteerId::generate(b.clock.as_ref())];
    assert_eq!(
        hub.create_activity(&c, bad)
            .await
            .unwrap_err()
            .code()
            .as_str(),
        "not_found"
    );
    assert_eq!(journal_len(&hub).await, before);
    // Schedules and sessions need an active activity.
    let e = hub
        .set_schedule(&c, a.id, weekly(&[Weekday::Tuesday], today()))
        .await
        .unwrap_err();
    assert_eq!(e.code().as_str(), "conflict");
}

pub async fn sessions_are_generated_idempotently(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let a = crochet(&hub).await;
    // Every Tuesday and Thursday from 3 March 2026.
    hub.set_schedule(
        &c,
        a.id,
        weekly(&[Weekday::Thursday, Weekday::Tuesday], d(2026, 3, 3)),
    )
    .await
    .unwrap();
    let march = period(d(2026, 3, 1), d(2026, 3, 31));
    assert_eq!(
        hub.generate_sessions(&c, Some(a.id), march).await.unwrap(),
        9,
        "{}",
        b.name
    );
    let before = journal_len(&hub).await;
    assert_eq!(hub.generate_sessions(&c, None, march).await.unwrap(), 0);
    assert_eq!(
        journal_len(&hub).await,
        before,
        "nothing new, nothing journalled"
    );
    let sessions = hub.sessions(&c, Some(a.id), march).await.unwrap();
    let dates: Vec<_> = sessions.iter().map(|s| s.date).collect();
    assert_eq!(dates[..3], [d(2026, 3, 3), d(2026, 3, 5), d(2026, 3, 10)]);
    assert!(
        sessions
            .iter()
            .all(|s| s.status == SessionStatus::Planned && s.attendance.is_none())
    );
    // A cancelled session stays cancelled when generating again.
    let cancelled = hub
        .cancel_session(&c, sessions[1].id, "Koning(inne)dag? Nee: lekkage")
        .await
        .unwrap();
    assert_eq!(cancelled.status, SessionStatus::Cancelled);
    assert_eq!(
        hub.generate_sessions(&c, Some(a.id), march).await.unwrap(),
        0
    );
    assert_eq!(hub.session(&c, sessions[1].id).await.unwrap(), cancelled);
    let e = hub
        .cancel_session(&c, sessions[1].id, "nog eens")
        .await
        .unwrap_err();
    assert_eq!(e.code().as_str(), "conflict");
    assert_eq!(
        field(
            &hub.cancel_session(&c, sessions[2].id, " ")
                .await
                .unwrap_err()
        ),
        "reason"
    );
    // An extra session; not twice at the same time.
    let extra = hub
        .add_session(&c, a.id, d(2026, 3, 7), span((10, 0), (12, 0)))
        .await
        .unwrap();
    assert_eq!(extra.schedule_id, None);
    let e = hub
        .add_session(&c, a.id, d(2026, 3, 3), span((14, 0), (15, 0)))
        .await
        .unwrap_err();
    assert_eq!(e.code().as_str(), "conflict");
    assert_eq!(hub.sessions(&c, None, march).await.unwrap().len(), 10);
    // Generation windows are bounded.
    let e = hub
        .generate_sessions(&c, None, period(d(2026, 1, 1), d(2027, 6, 1)))
        .await
        .unwrap_err();
    assert_eq!(field(&e), "period");
}

pub async fn monthly_schedules_and_bad_rules(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let film = hub
        .create_activity(&c, NewActivity::new("Filmavond", ActivityKind::Film))
        .await
        .unwrap();
    let last_friday = NewSchedule {
        recurrence: Recurrence::Monthly {
            every: 1,
            nth: Nth::Last,
            weekday: Weekday::Friday,
        },
        starts_on: d(2026, 1, 1),
        span: span((19, 30), (22, 0)),
        until: None,
        count: Some(10),
    };
    hub.set_schedule(&c, film.id, last_friday).await.unwrap();
    let year = period(d(2026, 1, 1), d(2026, 12, 31));
    assert_eq!(
        hub.generate_sessions(&c, Some(film.id), year)
            .await
            .unwrap(),
        10,
        "{}",
        b.name
    );
    let dates: Vec<_> = hub
        .sessions(&c, Some(film.id), year)
        .await
        .unwrap()
        .iter()
        .map(|s| s.date)
        .collect();
    assert_eq!(dates[..3], [d(2026, 1, 30), d(2026, 2, 27), d(2026, 3, 27)]);
    assert_eq!(*dates.last().unwrap(), d(2026, 10, 30));
    // Rules that cannot be: refused, nothing stored.
    let before = journal_len(&hub).await;
    let mut never = weekly(&[Weekday::Monday], d(2026, 3, 3));
    never.until = Some(d(2026, 3, 8));
    assert_eq!(
        field(&hub.set_schedule(&c, film.id, never).await.unwrap_err()),
        "recurrence"
    );
    let mut zero = weekly(&[Weekday::Monday], today());
    zero.recurrence = Recurrence::Weekly {
        every: 0,
        weekdays: vec![Weekday::Monday],
    };
    assert_eq!(
        field(&hub.set_schedule(&c, film.id, zero).await.unwrap_err()),
        "every"
    );
    let empty = weekly(&[], today());
    assert_eq!(
        field(&hub.set_schedule(&c, film.id, empty).await.unwrap_err()),
        "weekdays"
    );
    let bad_span = serde_json::from_str::<NewSchedule>(
        r#"{"recurrence":{"freq":"weekly","every":1,"weekdays":["monday"]},"startsOn":"2026-03-02","span":{"start":"16:00","end":"14:00"}}"#,
    );
    assert!(bad_span.is_err());
    assert_eq!(journal_len(&hub).await, before);
    assert_eq!(hub.schedules(&c, film.id).await.unwrap().len(), 1);
}

pub async fn changing_a_schedule_keeps_the_past(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let a = crochet(&hub).await;
    hub.set_schedule(&c, a.id, weekly(&[Weekday::Tuesday], d(2026, 2, 3)))
        .await
        .unwrap();
    let spring = period(d(2026, 2, 1), d(2026, 3, 31));
    assert_eq!(
        hub.generate_sessions(&c, Some(a.id), spring).await.unwrap(),
        9
    );
    let held = hub.sessions(&c, Some(a.id), spring).await.unwrap()[0].clone();
    hub.record_attendance(
        &c,
        held.id,
        NewAttendance {
            headcount: Some(7),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    // A change may not start in the past.
    let e = hub
        .set_schedule(&c, a.id, weekly(&[Weekday::Wednesday], d(2026, 2, 25)))
        .await
        .unwrap_err();
    assert_eq!(field(&e), "starts_on");
    // From next Monday on Wednesdays: planned Tuesdays from then go, the past stays.
    let change = hub
        .set_schedule(&c, a.id, weekly(&[Weekday::Wednesday], d(2026, 3, 9)))
        .await
        .unwrap();
    assert_eq!(change.removed_sessions, 4, "{}", b.name); // 10, 17, 24, 31 March
    assert_eq!(
        hub.generate_sessions(&c, Some(a.id), spring).await.unwrap(),
        3
    ); // 11, 18, 25 March
    let dates: Vec<_> = hub
        .sessions(&c, Some(a.id), spring)
        .await
        .unwrap()
        .iter()
        .map(|s| s.date)
        .collect();
    assert_eq!(
        dates,
        vec![
            d(2026, 2, 3),
            d(2026, 2, 10),
            d(2026, 2, 17),
            d(2026, 2, 24),
            d(2026, 3, 3),
            d(2026, 3, 11),
            d(2026, 3, 18),
            d(2026, 3, 25),
        ]
    );
    let schedules = hub.schedules(&c, a.id).await.unwrap();
    assert_eq!(schedules[0].until, Some(d(2026, 3, 8)));
    assert_eq!(
        hub.session(&c, held.id)
            .await
            .unwrap()
            .attendance
            .unwrap()
            .headcount,
        7
    );
}

pub async fn attendance_rules(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let a = crochet(&hub).await; // capacity 12
    let v = hub
        .register_volunteer(&c, new_volunteer("Rina"))
        .await
        .unwrap();
    let bea = volunteer_actor(v.id);
    let truus = hub
        .register_resident(
            &bea,
            NewResident {
                name: "Truus".into(),
                contact: None,
                consent: true,
            },
        )
        .await
        .unwrap();
    let e = hub
        .register_resident(
            &bea,
            NewResident {
                name: "Kees".into(),
                contact: None,
                consent: false,
            },
        )
        .await
        .unwrap_err();
    assert_eq!(field(&e), "consent");
    let past = hub
        .add_session(&c, a.id, d(2026, 2, 24), span((14, 0), (16, 0)))
        .await
        .unwrap();
    let future = hub
        .add_session(&c, a.id, d(2026, 3, 10), span((14, 0), (16, 0)))
        .await
        .unwrap();
    let before = journal_len(&hub).await;
    let named = NewAttendance {
        headcount: Some(1),
        first_timers: 0,
        participants: vec![
            Participant::Volunteer(v.id),
            Participant::Resident(truus.id),
        ],
    };
    assert_eq!(
        field(
            &hub.record_attendance(&bea, past.id, named.clone())
                .await
                .unwrap_err()
        ),
        "headcount"
    );
    let over = NewAttendance {
        headcount: Some(13),
        ..Default::default()
    };
    assert_eq!(
        field(
            &hub.record_attendance(&bea, past.id, over)
                .await
                .unwrap_err()
        ),
        "headcount"
    );
    let firsts = NewAttendance {
        headcount: Some(3),
        first_timers: 4,
        participants: vec![],
    };
    assert_eq!(
        field(
            &hub.record_attendance(&bea, past.id, firsts)
                .await
                .unwrap_err()
        ),
        "first_timers"
    );
    let twice = NewAttendance {
        headcount: Some(3),
        first_timers: 0,
        participants: vec![Participant::Volunteer(v.id); 2],
    };
    assert_eq!(
        field(
            &hub.record_attendance(&bea, past.id, twice)
                .await
                .unwrap_err()
        ),
        "participants"
    );
    let early = NewAttendance {
        headcount: Some(3),
        ..Default::default()
    };
    assert_eq!(
        field(
            &hub.record_attendance(&bea, future.id, early)
                .await
                .unwrap_err()
        ),
        "date"
    );
    let ghost = NewAttendance {
        headcount: Some(3),
        first_timers: 0,
        participants: vec![Participant::Resident(kringloop::ResidentId::generate(
            b.clock.as_ref(),
        ))],
    };
    assert_eq!(
        hub.record_attendance(&bea, past.id, ghost)
            .await
            .unwrap_err()
            .code()
            .as_str(),
        "not_found"
    );
    assert_eq!(journal_len(&hub).await, before, "{}", b.name);
    // Good: 8 people, 2 new, two of them named; then corrected.
    let ok = NewAttendance {
        headcount: Some(8),
        first_timers: 2,
        ..named.clone()
    };
    let s = hub.record_attendance(&bea, past.id, ok).await.unwrap();
    let at = s.attendance.clone().unwrap();
    assert_eq!(
        (at.headcount, at.first_timers, at.participants.len()),
        (8, 2, 2)
    );
    assert_eq!(hub.session(&c, past.id).await.unwrap(), s, "{}", b.name);
    let fixed = hub
        .record_attendance(
            &bea,
            past.id,
            NewAttendance {
                headcount: Some(9),
                first_timers: 2,
                ..named
            },
        )
        .await
        .unwrap();
    assert_eq!(
        (fixed.attendance.unwrap().headcount, fixed.version),
        (9, s.version + 1)
    );
    // Held sessions cannot be cancelled; cancelled ones take no attendance.
    assert_eq!(
        hub.cancel_session(&c, past.id, "te laat")
            .await
            .unwrap_err()
            .code()
            .as_str(),
        "conflict"
    );
    let gone = hub
        .add_session(&c, a.id, d(2026, 2, 26), span((14, 0), (16, 0)))
        .await
        .unwrap();
    hub.cancel_session(&c, gone.id, "ziek").await.unwrap();
    let e = hub
        .record_attendance(
            &bea,
            gone.id,
            NewAttendance {
                headcount: Some(2),
                ..Default::default()
            },
        )
        .await
        .unwrap_err();
    assert_eq!(e.code().as_str(), "conflict");
    // Forgetting a resident removes their name, keeps the headcount.
    hub.forget_resident(&bea, truus.id).await.unwrap();
    let after = hub.session(&c, past.id).await.unwrap().attendance.unwrap();
    assert_eq!(
        (after.headcount, after.participants),
        (9, vec![Participant::Volunteer(v.id)])
    );
    assert!(hub.residents(&c).await.unwrap().is_empty());
    assert_eq!(
        hub.forget_resident(&c, truus.id)
            .await
            .unwrap_err()
            .code()
            .as_str(),
        "not_found"
    );
    // Only names, no headcount: the headcount is the number of names.
    let only = hub
        .add_session(&c, a.id, d(2026, 2, 17), span((14, 0), (16, 0)))
        .await
        .unwrap();
    let s = hub
        .record_attendance(
            &bea,
            only.id,
            NewAttendance {
                participants: vec![Participant::Volunteer(v.id)],
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(s.attendance.unwrap().headcount, 1);
}

pub async fn ideas_pipeline(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let v = hub
        .register_volunteer(&c, new_volunteer("Lotte"))
        .await
        .unwrap();
    let lotte = volunteer_actor(v.id);
    let idea = hub
        .submit_idea(
            &lotte,
            NewIdea {
                title: "Repair café".into(),
                text: "Eens per maand samen spullen repareren".into(),
                contact: Some("06 1111 2222".into()),
                contact_consent: true,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(
        (idea.status, idea.contact.clone()),
        (IdeaStatus::New, None),
        "volunteers see no contact"
    );
    assert!(hub.idea(&c, idea.id).await.unwrap().contact.is_some());
    let e = hub
        .submit_idea(
            &lotte,
            NewIdea {
                title: "x".into(),
                text: "y".into(),
                contact: Some("06 1111 2222".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap_err();
    assert_eq!(field(&e), "contact_consent");
    let e = hub
        .submit_idea(
            &lotte,
            NewIdea {
                title: "x".into(),
                text: "y".into(),
                submitted_on: Some(today() + Duration::days(1)),
                ..Default::default()
            },
        )
        .await
        .unwrap_err();
    assert_eq!(field(&e), "submitted_on");
    let to = |status| IdeaStatusChange {
        status,
        reason: None,
        activity: None,
        on: None,
    };
    // No jumping from new to realised.
    let e = hub
        .change_idea(&c, idea.id, to(IdeaStatus::Realised))
        .await
        .unwrap_err();
    assert_eq!(e.code().as_str(), "conflict", "{}", b.name);
    assert_eq!(
        hub.change_idea(&lotte, idea.id, to(IdeaStatus::Discussed))
            .await
            .unwrap_err()
            .code()
            .as_str(),
        "forbidden"
    );
    hub.change_idea(&c, idea.id, to(IdeaStatus::Discussed))
        .await
        .unwrap();
    hub.change_idea(&c, idea.id, to(IdeaStatus::Adopted))
        .await
        .unwrap();
    let repair = hub
        .create_activity(&c, NewActivity::new("Repair café", ActivityKind::Craft))
        .await
        .unwrap();
    let e = hub
        .change_idea(
            &c,
            idea.id,
            IdeaStatusChange {
                activity: Some(kringloop::ActivityId::generate(b.clock.as_ref())),
                ..to(IdeaStatus::Realised)
            },
        )
        .await
        .unwrap_err();
    assert_eq!(e.code().as_str(), "not_found");
    let done = hub
        .change_idea(
            &c,
            idea.id,
            IdeaStatusChange {
                activity: Some(repair.id),
                ..to(IdeaStatus::Realised)
            },
        )
        .await
        .unwrap();
    assert_eq!(
        (done.status, done.activity_id, done.history.len()),
        (IdeaStatus::Realised, Some(repair.id), 3)
    );
    assert_eq!(hub.idea(&c, idea.id).await.unwrap(), done, "{}", b.name);
    // Declining needs a reason.
    let other = hub
        .submit_idea(
            &lotte,
            NewIdea {
                title: "Zwembad".into(),
                text: "Een zwembad in de tuin".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(
        field(
            &hub.change_idea(&c, other.id, to(IdeaStatus::Declined))
                .await
                .unwrap_err()
        ),
        "reason"
    );
    hub.change_idea(
        &c,
        other.id,
        IdeaStatusChange {
            reason: Some("Geen ruimte".into()),
            ..to(IdeaStatus::Declined)
        },
    )
    .await
    .unwrap();
    assert_eq!(
        hub.ideas(&c, Some(IdeaStatus::Declined))
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(hub.ideas(&lotte, None).await.unwrap().len(), 2);
    assert_eq!(
        hub.ideas(&researcher(), None)
            .await
            .unwrap_err()
            .code()
            .as_str(),
        "forbidden"
    );
}

pub async fn table_tally_once_a_day(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let v = volunteer_actor(
        hub.register_volunteer(&coordinator(), new_volunteer("Ria"))
            .await
            .unwrap()
            .id,
    );
    let t = hub
        .record_tally(
            &v,
            NewTally {
                date: None,
                visitors: 23,
                conversations: 9,
            },
        )
        .await
        .unwrap();
    assert_eq!((t.date, t.version), (today(), 1));
    let e = hub
        .record_tally(
            &v,
            NewTally {
                date: None,
                visitors: 1,
                conversations: 1,
            },
        )
        .await
        .unwrap_err();
    assert_eq!(e.code().as_str(), "conflict", "{}", b.name);
    let fixed = hub
        .correct_tally(
            &v,
            NewTally {
                date: Some(today()),
                visitors: 25,
                conversations: 9,
            },
        )
        .await
        .unwrap();
    assert_eq!((fixed.visitors, fixed.version), (25, 2));
    let e = hub
        .correct_tally(
            &v,
            NewTally {
                date: Some(today() - Duration::days(1)),
                visitors: 1,
                conversations: 0,
            },
        )
        .await
        .unwrap_err();
    assert_eq!(e.code().as_str(), "not_found");
    let e = hub
        .record_tally(
            &v,
            NewTally {
                date: Some(today() + Duration::days(1)),
                visitors: 1,
                conversations: 0,
            },
        )
        .await
        .unwrap_err();
    assert_eq!(field(&e), "date");
    let e = hub
        .record_tally(
            &v,
            NewTally {
                date: Some(d(2026, 2, 2)),
                visitors: 5001,
                conversations: 0,
            },
        )
        .await
        .unwrap_err();
    assert_eq!(field(&e), "visitors");
    hub.record_tally(
        &v,
        NewTally {
            date: Some(d(2026, 2, 27)),
            visitors: 10,
            conversations: 4,
        },
    )
    .await
    .unwrap();
    let all = hub
        .tallies(&researcher(), period(d(2026, 2, 1), d(2026, 3, 31)))
        .await
        .unwrap();
    assert_eq!(
        all.iter().map(|t| t.visitors).collect::<Vec<_>>(),
        vec![10, 25]
    );
}

pub async fn report_aggregates_and_suppresses(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let a = crochet(&hub).await; // capacity 12
    let choir = hub
        .create_activity(&c, NewActivity::new("Inloopkoor", ActivityKind::Music))
        .await
        .unwrap();
    hub.set_schedule(&c, a.id, weekly(&[Weekday::Tuesday], d(2026, 2, 3)))
        .await
        .unwrap();
    hub.set_schedule(&c, choir.id, weekly(&[Weekday::Wednesday], d(2026, 2, 4)))
        .await
        .unwrap();
    let feb_mar = period(d(2026, 2, 1), d(2026, 3, 31));
    hub.generate_sessions(&c, None, feb_mar).await.unwrap();
    let sessions = hub.sessions(&c, None, feb_mar).await.unwrap();
    for s in sessions.iter().filter(|s| s.date < today()) {
        if s.activity_id == choir.id && s.date == d(2026, 2, 18) {
            hub.cancel_session(&c, s.id, "dirigent ziek").await.unwrap();
            continue;
        }
        let (headcount, first) = if s.activity_id == a.id {
            (9, 1)
        } else {
            (20, 3)
        };
        hub.record_attendance(
            &c,
            s.id,
            NewAttendance {
                headcount: Some(headcount),
                first_timers: first,
                participants: vec![],
            },
        )
        .await
        .unwrap();
    }
    for (day, visitors) in [
        (d(2026, 2, 24), 20),
        (d(2026, 2, 26), 30),
        (d(2026, 3, 2), 15),
    ] {
        hub.record_tally(
            &c,
            NewTally {
                date: Some(day),
                visitors,
                conversations: visitors / 2,
            },
        )
        .await
        .unwrap();
    }
    let idea = hub
        .submit_idea(
            &c,
            NewIdea {
                title: "Breicafé".into(),
                text: "Ook op zaterdag".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    hub.change_idea(
        &c,
        idea.id,
        IdeaStatusChange {
            status: IdeaStatus::Discussed,
            reason: None,
            activity: None,
            on: None,
        },
    )
    .await
    .unwrap();
    hub.submit_idea(
        &c,
        NewIdea {
            title: "Boekenruil".into(),
            text: "Een ruilkast".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();

    let r = hub.activity_report(&c, feb_mar).await.unwrap();
    let row = |name: &str, month: &str| {
        r.months
            .iter()
            .find(|m| m.activity_name == name && m.month == month)
            .cloned()
            .unwrap()
    };
    let feb = row("Haken en breien", "2026-02");
    assert_eq!(
        (feb.held, feb.cancelled, feb.planned),
        (Some(4), Some(0), Some(0)),
        "{}",
        b.name
    );
    assert_eq!((feb.attendance, feb.first_timers), (Some(36), Some(4)));
    assert_eq!(feb.average_attendance, Some(9.0));
    assert_eq!(feb.capacity_use, Some(0.75));
    let choir_feb = row("Inloopkoor", "2026-02");
    assert_eq!(
        (choir_feb.held, choir_feb.cancelled, choir_feb.attendance),
        (Some(3), Some(1), Some(60))
    );
    assert_eq!(choir_feb.capacity_use, None);
    let mar = row("Haken en breien", "2026-03");
    assert_eq!((mar.held, mar.planned), (Some(0), Some(5)));
    assert_eq!(mar.average_attendance, None);
    assert_eq!(
        r.months
            .iter()
            .map(|m| m.month.as_str())
            .collect::<Vec<_>>(),
        vec!["2026-02", "2026-02", "2026-03", "2026-03"]
    );
    let ideas: Vec<_> = r.ideas.iter().map(|i| (i.status, i.count)).collect();
    assert_eq!(
        ideas,
        vec![(IdeaStatus::New, Some(1)), (IdeaStatus::Discussed, Some(1))]
    );
    let weeks: Vec<_> = r
        .tally
        .iter()
        .map(|w| (w.week, w.days, w.visitors, w.conversations))
        .collect();
    assert_eq!(
        weeks,
        vec![(d(2026, 2, 23), 2, 50, 25), (d(2026, 3, 2), 1, 15, 7)]
    );
    // Researchers: small counts of people hidden.
    let s = hub.activity_report(&researcher(), feb_mar).await.unwrap();
    assert_eq!(s.threshold, Some(10));
    let feb = s
        .months
        .iter()
        .find(|m| m.activity_name == "Haken en breien" && m.month == "2026-02")
        .unwrap();
    assert_eq!((feb.attendance, feb.first_timers), (Some(36), None));
    assert_eq!(
        s.ideas.iter().map(|i| i.count).collect::<Vec<_>>(),
        vec![None, None]
    );
}

/// Every role × every activity operation: allowed exactly where the matrix says.
pub async fn every_role_meets_the_activity_matrix(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let vid = hub
        .register_volunteer(&c, new_volunteer("Bram"))
        .await
        .unwrap()
        .id;
    let a = crochet(&hub).await;
    let past = hub
        .add_session(&c, a.id, d(2026, 2, 24), span((14, 0), (16, 0)))
        .await
        .unwrap();
    let march = period(d(2026, 3, 1), d(2026, 3, 31));
    for (i, role) in [
        Role::Volunteer,
        Role::Coordinator,
        Role::Researcher,
        Role::Admin,
    ]
    .into_iter()
    .enumerate()
    {
        let actor = Actor::new("wie", role).unwrap().with_volunteer(vid);
        let allowed = |x: Action| grant(role, x) != Grant::Deny;
        let check = |x: Action, r: Result<(), Error>| match r {
            Ok(()) => assert!(allowed(x), "{role} may not {x} ({})", b.name),
            Err(e) if e.code().as_str() == "forbidden" => {
                assert!(!allowed(x), "{role} should {x}: {e}")
            }
            Err(e) => panic!("{role} {x}: unexpected {e:?}"),
        };
        check(
            Action::ManageActivities,
            hub.create_activity(
                &actor,
                NewActivity::new("Schilderen", ActivityKind::Creative),
            )
            .await
            .map(drop),
        );
        check(
            Action::ManageActivities,
            hub.update_activity(
                &actor,
                a.id,
                NewActivity {
                    capacity: Some(12),
                    ..NewActivity::new("Haken en breien", ActivityKind::Craft)
                },
            )
            .await
            .map(drop),
        );
        check(
            Action::ManageActivities,
            hub.generate_sessions(&actor, None, march).await.map(drop),
        );
        check(
            Action::ManageActivities,
            hub.add_session(
                &actor,
                a.id,
                d(2026, 3, 20 + i as u32),
                span((10, 0), (11, 0)),
            )
            .await
            .map(drop),
        );
        check(
            Action::ReadActivities,
            hub.activities(&actor, true).await.map(drop),
        );
        check(
            Action::ReadActivities,
            hub.sessions(&actor, None, march).await.map(drop),
        );
        check(
            Action::ReadActivities,
            hub.schedules(&actor, a.id).await.map(drop),
        );
        check(
            Action::RecordAttendance,
            hub.record_attendance(
                &actor,
                past.id,
                NewAttendance {
                    headcount: Some(5),
                    ..Default::default()
                },
            )
            .await
            .map(drop),
        );
        check(
            Action::ManageResidents,
            hub.register_resident(
                &actor,
                NewResident {
                    name: "Mo".into(),
                    contact: None,
                    consent: true,
                },
            )
            .await
            .map(drop),
        );
        check(
            Action::ManageResidents,
            hub.residents(&actor).await.map(drop),
        );
        check(
            Action::SubmitIdea,
            hub.submit_idea(
                &actor,
                NewIdea {
                    title: "Idee".into(),
                    text: "Tekst".into(),
                    ..Default::default()
                },
            )
            .await
            .map(drop),
        );
        check(Action::ReadIdeas, hub.ideas(&actor, None).await.map(drop));
        let any = hub.ideas(&c, None).await.unwrap()[0].id;
        check(
            Action::ManageIdeas,
            hub.change_idea(
                &actor,
                any,
                IdeaStatusChange {
                    status: IdeaStatus::Declined,
                    reason: Some("dubbel".into()),
                    activity: None,
                    on: None,
                },
            )
            .await
            .map(drop)
            .or_else(|e| {
                if e.code().as_str() == "conflict" {
                    Ok(())
                } else {
                    Err(e)
                }
            }),
        );
        check(
            Action::RecordTally,
            hub.record_tally(
                &actor,
                NewTally {
                    date: Some(d(2026, 2, 1 + i as u32)),
                    visitors: 3,
                    conversations: 1,
                },
            )
            .await
            .map(drop),
        );
        check(
            Action::ReadAggregates,
            hub.activity_report(&actor, march).await.map(drop),
        );
        check(
            Action::ReadAggregates,
            hub.tallies(&actor, march).await.map(drop),
        );
    }
}
