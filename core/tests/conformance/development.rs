//! Volunteer development: assessments, corrections, trajectories, cohort
//! curves, coaching suggestions and coaching — the same on every backend.

use crate::support::*;
use chrono::NaiveDate;
use kringloop::{
    Action, Actor, CoachingOutcome, CoachingStatus, Error, Grant, Hub, Instrument, LadderStep,
    Measure, NewAssessment, NewCoaching, NewScore, Period, Role, TrajectoryClass, VolunteerId,
    VolunteerRole, ZrmDomain, access::grant,
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

fn ladder(v: VolunteerId, on: NaiveDate, value: u8) -> NewAssessment {
    NewAssessment {
        volunteer: v,
        on: Some(on),
        instrument: Instrument::ParticipationLadder,
        scores: vec![NewScore {
            measure: "step".into(),
            value,
        }],
        note: None,
        corrects: None,
    }
}

fn scored(v: VolunteerId, instrument: Instrument, scores: &[(&str, u8)]) -> NewAssessment {
    NewAssessment {
        volunteer: v,
        on: Some(d(2026, 2, 1)),
        instrument,
        scores: scores
            .iter()
            .map(|(m, value)| NewScore {
                measure: (*m).into(),
                value: *value,
            })
            .collect(),
        note: Some("gesprek bij de koffie".into()),
        corrects: None,
    }
}

async fn record_all(hub: &Hub, v: VolunteerId, points: &[(NaiveDate, u8)]) {
    for (on, value) in points {
        hub.record_assessment(&coordinator(), ladder(v, *on, *value))
            .await
            .unwrap();
    }
}

/// Four volunteers: A rose then flattened, B declines, C rises, D has one point.
async fn four(hub: &Hub) -> [VolunteerId; 4] {
    let c = coordinator();
    let mut ids = Vec::new();
    for name in ["Anneke", "Bart", "Carla", "Dirk"] {
        ids.push(
            hub.register_volunteer(&c, new_volunteer(name))
                .await
                .unwrap()
                .id,
        );
    }
    record_all(
        hub,
        ids[0],
        &[
            (d(2025, 1, 10), 2),
            (d(2025, 2, 20), 3),
            (d(2025, 4, 1), 4),
            (d(2025, 8, 1), 4),
            (d(2025, 12, 1), 4),
            (d(2026, 2, 1), 4),
        ],
    )
    .await;
    record_all(
        hub,
        ids[1],
        &[(d(2025, 5, 1), 4), (d(2025, 9, 1), 3), (d(2026, 1, 15), 2)],
    )
    .await;
    record_all(
        hub,
        ids[2],
        &[(d(2025, 5, 1), 2), (d(2025, 9, 1), 3), (d(2026, 1, 15), 4)],
    )
    .await;
    record_all(hub, ids[3], &[(d(2025, 6, 1), 3)]).await;
    [ids[0], ids[1], ids[2], ids[3]]
}

pub async fn assessments_and_bad_input(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let v = hub
        .register_volunteer(&c, new_volunteer("Els"))
        .await
        .unwrap()
        .id;
    hub.set_skills(&c, vec!["Klantcontact".into(), "Kassa".into()])
        .await
        .unwrap();
    let a = hub
        .record_assessment(
            &c,
            NewAssessment::ladder(v, d(2026, 2, 1), LadderStep::UnpaidWork),
        )
        .await
        .unwrap();
    assert_eq!(
        (a.scores[0].measure.as_str(), a.scores[0].value),
        ("ladder", 4)
    );
    let z = hub
        .record_assessment(
            &c,
            scored(
                v,
                Instrument::SelfSufficiency,
                &[("social_network", 2), ("finances", 3)],
            ),
        )
        .await
        .unwrap();
    assert_eq!(
        z.scores
            .iter()
            .map(|s| s.measure.as_str())
            .collect::<Vec<_>>(),
        vec!["zrm.finances", "zrm.social_network"]
    );
    hub.record_assessment(&c, scored(v, Instrument::Skills, &[("Kassa", 5)]))
        .await
        .unwrap();
    assert_eq!(hub.assessments(&c, v).await.unwrap().len(), 3, "{}", b.name);
    assert_eq!(hub.assessments(&c, v).await.unwrap()[0], a);
    let before = journal_len(&hub).await;
    let bad = [
        (
            scored(v, Instrument::ParticipationLadder, &[("step", 7)]),
            "scores[0]",
        ),
        (
            scored(v, Instrument::ParticipationLadder, &[("step", 0)]),
            "scores[0]",
        ),
        (
            scored(
                v,
                Instrument::ParticipationLadder,
                &[("step", 3), ("step", 4)],
            ),
            "scores",
        ),
        (
            scored(v, Instrument::SelfSufficiency, &[("finances", 6)]),
            "scores[0]",
        ),
        (
            scored(v, Instrument::SelfSufficiency, &[("money", 3)]),
            "scores[0]",
        ),
        (
            scored(
                v,
                Instrument::SelfSufficiency,
                &[("finances", 3), ("finances", 2)],
            ),
            "scores[1]",
        ),
        (scored(v, Instrument::Skills, &[("Zingen", 3)]), "scores[0]"),
        (scored(v, Instrument::Skills, &[]), "scores"),
        (ladder(v, d(2024, 12, 31), 3), "on"),
        (ladder(v, today() + chrono::Duration::days(1), 3), "on"),
    ];
    for (input, want) in bad {
        let e = hub.record_assessment(&c, input).await.unwrap_err();
        assert_eq!(field(&e), want, "{e}");
    }
    let ghost = ladder(VolunteerId::generate(b.clock.as_ref()), d(2026, 2, 1), 3);
    assert_eq!(
        hub.record_assessment(&c, ghost)
            .await
            .unwrap_err()
            .code()
            .as_str(),
        "not_found"
    );
    assert_eq!(journal_len(&hub).await, before, "{}", b.name);
    assert!(Measure::parse("zrm.nope").is_err());
    assert_eq!(Measure::zrm(ZrmDomain::Justice).as_str(), "zrm.justice");
    // Scope: a volunteer reads their own development only.
    let other = hub
        .register_volunteer(&c, new_volunteer("Fatima"))
        .await
        .unwrap()
        .id;
    let me = volunteer_actor(v);
    assert_eq!(hub.assessments(&me, v).await.unwrap().len(), 3);
    assert_eq!(
        hub.assessments(&me, other)
            .await
            .unwrap_err()
            .code()
            .as_str(),
        "forbidden"
    );
    assert_eq!(
        hub.assessments(&researcher(), v)
            .await
            .unwrap_err()
            .code()
            .as_str(),
        "forbidden"
    );
    assert_eq!(
        hub.record_assessment(&me, ladder(v, d(2026, 2, 2), 5))
            .await
            .unwrap_err()
            .code()
            .as_str(),
        "forbidden"
    );
}

pub async fn corrections_keep_history(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let v = hub
        .register_volunteer(&c, new_volunteer("Gert"))
        .await
        .unwrap()
        .id;
    let w = hub
        .register_volunteer(&c, new_volunteer("Hanna"))
        .await
        .unwrap()
        .id;
    let wrong = hub
        .record_assessment(&c, ladder(v, d(2026, 1, 5), 6))
        .await
        .unwrap();
    let mut fix = ladder(v, d(2026, 1, 5), 3);
    fix.corrects = Some(wrong.id);
    let fixed = hub.record_assessment(&c, fix.clone()).await.unwrap();
    assert_eq!(fixed.corrects, Some(wrong.id));
    assert_eq!(
        hub.assessments(&c, v).await.unwrap().len(),
        2,
        "history is kept ({})",
        b.name
    );
    let e = hub.record_assessment(&c, fix).await.unwrap_err();
    assert_eq!(
        e.code().as_str(),
        "conflict",
        "a second correction of the same one"
    );
    let mut elsewhere = ladder(w, d(2026, 1, 5), 3);
    elsewhere.corrects = Some(wrong.id);
    assert_eq!(
        field(&hub.record_assessment(&c, elsewhere).await.unwrap_err()),
        "corrects"
    );
    let mut ghost = ladder(v, d(2026, 1, 5), 3);
    ghost.corrects = Some(kringloop::AssessmentId::generate(b.clock.as_ref()));
    assert_eq!(
        hub.record_assessment(&c, ghost)
            .await
            .unwrap_err()
            .code()
            .as_str(),
        "not_found"
    );
    // The trajectory sees the corrected value only.
    let t = hub
        .trajectory(&c, v, &Measure::ladder(), None)
        .await
        .unwrap();
    assert_eq!((t.latest, t.points), (Some(3), 1));
}

pub async fn trajectories_and_coaching_suggestions(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let [a, bb, cc, dd] = four(&hub).await;
    let t = |v| {
        let hub = hub.clone();
        let c = c.clone();
        async move {
            hub.trajectory(&c, v, &Measure::ladder(), None)
                .await
                .unwrap()
        }
    };
    let ta = t(a).await;
    assert_eq!(
        (ta.class, ta.after_rise, ta.points),
        (TrajectoryClass::Plateau, true, 4),
        "{}",
        b.name
    );
    assert_eq!(t(bb).await.class, TrajectoryClass::Declining);
    assert_eq!(t(cc).await.class, TrajectoryClass::Rising);
    assert_eq!(t(dd).await.class, TrajectoryClass::InsufficientData);
    let suggested = hub.coaching_suggestions(&c, None).await.unwrap();
    let who: Vec<_> = suggested
        .iter()
        .map(|s| (s.display_name.as_str(), s.trajectory.class))
        .collect();
    assert_eq!(
        who,
        vec![
            ("Anneke", TrajectoryClass::Plateau),
            ("Bart", TrajectoryClass::Declining)
        ]
    );
    assert!(
        suggested[0].reason.contains("after rising"),
        "{}",
        suggested[0].reason
    );
    // A coaching trajectory takes Anneke off the list.
    let mut coach = new_volunteer("Otto");
    coach.roles.push(VolunteerRole::Coordinator);
    let coach = hub.register_volunteer(&c, coach).await.unwrap();
    hub.open_coaching(
        &c,
        NewCoaching {
            volunteer: a,
            coach: coach.id,
            goals: vec!["Zelf de kassa opmaken".into()],
            opened_on: None,
        },
    )
    .await
    .unwrap();
    let names: Vec<_> = hub
        .coaching_suggestions(&c, None)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.display_name)
        .collect();
    assert_eq!(names, vec!["Bart"]);
    // Parameters are adjustable and checked.
    let wide = kringloop::TrajectoryParams {
        window_months: 24,
        ..Default::default()
    };
    assert_eq!(
        hub.trajectory(&c, a, &Measure::ladder(), Some(wide))
            .await
            .unwrap()
            .class,
        TrajectoryClass::Rising
    );
    let bad = kringloop::TrajectoryParams {
        min_points: 1,
        ..Default::default()
    };
    assert_eq!(
        field(
            &hub.trajectory(&c, a, &Measure::ladder(), Some(bad))
                .await
                .unwrap_err()
        ),
        "min_points"
    );
    assert_eq!(
        hub.coaching_suggestions(&volunteer_actor(a), None)
            .await
            .unwrap_err()
            .code()
            .as_str(),
        "forbidden"
    );
}

pub async fn cohort_curves(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    four(&hub).await;
    let joined = Period::new(d(2025, 1, 1), d(2025, 12, 31)).unwrap();
    let curve = hub
        .cohort_curve(&coordinator(), &Measure::ladder(), joined)
        .await
        .unwrap();
    let points: Vec<_> = curve
        .points
        .iter()
        .map(|p| (p.cohort.as_str(), p.month, p.n, p.mean))
        .collect();
    assert_eq!(
        points,
        vec![
            ("2025-Q1", 0, Some(1), Some(2.0)),
            ("2025-Q1", 1, Some(1), Some(3.0)),
            ("2025-Q1", 3, Some(1), Some(4.0)),
            ("2025-Q1", 4, Some(2), Some(3.0)),
            ("2025-Q1", 5, Some(1), Some(3.0)),
            ("2025-Q1", 7, Some(1), Some(4.0)),
            ("2025-Q1", 8, Some(2), Some(3.0)),
            ("2025-Q1", 11, Some(1), Some(4.0)),
            ("2025-Q1", 12, Some(2), Some(3.0)),
            ("2025-Q1", 13, Some(1), Some(4.0)),
        ],
        "{}",
        b.name
    );
    let none = Period::new(d(2026, 1, 1), d(2026, 12, 31)).unwrap();
    assert!(
        hub.cohort_curve(&coordinator(), &Measure::ladder(), none)
            .await
            .unwrap()
            .points
            .is_empty()
    );
    let hidden = hub
        .cohort_curve(&researcher(), &Measure::ladder(), joined)
        .await
        .unwrap();
    assert_eq!(hidden.threshold, Some(10));
    assert!(
        hidden
            .points
            .iter()
            .all(|p| p.n.is_none() && p.mean.is_none())
    );
    let volunteer = volunteer_actor(VolunteerId::generate(b.clock.as_ref()));
    let theirs = hub
        .cohort_curve(&volunteer, &Measure::ladder(), joined)
        .await
        .unwrap();
    assert!(
        theirs.points.iter().all(|p| p.mean.is_none()),
        "volunteers see no small cohorts ({})",
        b.name
    );
}

pub async fn coaching_lifecycle(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let v = hub
        .register_volunteer(&c, new_volunteer("Ingrid"))
        .await
        .unwrap()
        .id;
    let plain = hub
        .register_volunteer(&c, new_volunteer("Jan"))
        .await
        .unwrap()
        .id;
    let mut coach = new_volunteer("Karin");
    coach.roles.push(VolunteerRole::Coordinator);
    let coach = hub.register_volunteer(&c, coach).await.unwrap().id;
    let open = |volunteer, coach| NewCoaching {
        volunteer,
        coach,
        goals: vec!["Meer zelfvertrouwen aan de kassa".into()],
        opened_on: None,
    };
    let before = journal_len(&hub).await;
    assert_eq!(
        field(&hub.open_coaching(&c, open(v, plain)).await.unwrap_err()),
        "coach"
    );
    assert_eq!(
        field(&hub.open_coaching(&c, open(coach, coach)).await.unwrap_err()),
        "coach"
    );
    let mut none = open(v, coach);
    none.goals.clear();
    assert_eq!(
        field(&hub.open_coaching(&c, none).await.unwrap_err()),
        "goals"
    );
    assert_eq!(journal_len(&hub).await, before);
    let k = hub.open_coaching(&c, open(v, coach)).await.unwrap();
    assert_eq!((k.status, k.opened_on), (CoachingStatus::Open, today()));
    assert_eq!(
        hub.open_coaching(&c, open(v, coach))
            .await
            .unwrap_err()
            .code()
            .as_str(),
        "conflict",
        "{}",
        b.name
    );
    let k = hub
        .add_coaching_session(
            &c,
            k.id,
            None,
            Some("Ging goed; volgende keer de kas tellen"),
        )
        .await
        .unwrap();
    assert_eq!(
        field(
            &hub.add_coaching_session(&c, k.id, Some(d(2020, 1, 1)), None)
                .await
                .unwrap_err()
        ),
        "on"
    );
    // The coached volunteer sees their trajectory without the notes; others do not see it.
    let mine = hub.coaching(&volunteer_actor(v), k.id).await.unwrap();
    assert_eq!(
        (mine.sessions.len(), mine.sessions[0].note.clone()),
        (1, None)
    );
    assert!(
        hub.coaching(&c, k.id).await.unwrap().sessions[0]
            .note
            .is_some()
    );
    assert_eq!(
        hub.coaching(&volunteer_actor(plain), k.id)
            .await
            .unwrap_err()
            .code()
            .as_str(),
        "forbidden"
    );
    assert_eq!(
        hub.coachings(&volunteer_actor(v), None, false)
            .await
            .unwrap()
            .len(),
        1
    );
    assert!(
        hub.coachings(&volunteer_actor(plain), None, false)
            .await
            .unwrap()
            .is_empty()
    );
    let journal = serde_json::to_string(&hub.journal(&admin(), 0, 1000).await.unwrap()).unwrap();
    assert!(
        !journal.contains("kas tellen"),
        "coaching notes stay out of the journal"
    );
    let closed = hub
        .close_coaching(&c, k.id, CoachingOutcome::GoalsMet, None)
        .await
        .unwrap();
    assert_eq!(
        (closed.status, closed.outcome),
        (CoachingStatus::Closed, Some(CoachingOutcome::GoalsMet))
    );
    assert_eq!(hub.coaching(&c, k.id).await.unwrap(), closed, "{}", b.name);
    assert_eq!(
        hub.add_coaching_session(&c, k.id, None, None)
            .await
            .unwrap_err()
            .code()
            .as_str(),
        "conflict"
    );
    assert!(hub.coachings(&c, Some(v), true).await.unwrap().is_empty());
    hub.open_coaching(&c, open(v, coach)).await.unwrap();
    assert_eq!(hub.coachings(&c, Some(v), false).await.unwrap().len(), 2);
}

/// Every role × every development operation: allowed exactly where the matrix says.
pub async fn every_role_meets_the_development_matrix(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let vid = hub
        .register_volunteer(&c, new_volunteer("Lucas"))
        .await
        .unwrap()
        .id;
    let mut coach = new_volunteer("Marieke");
    coach.roles.push(VolunteerRole::Coordinator);
    let coach = hub.register_volunteer(&c, coach).await.unwrap().id;
    let k = hub
        .open_coaching(
            &c,
            NewCoaching {
                volunteer: vid,
                coach,
                goals: vec!["Doel".into()],
                opened_on: None,
            },
        )
        .await
        .unwrap();
    let joined = Period::new(d(2025, 1, 1), d(2025, 12, 31)).unwrap();
    for role in [
        Role::Volunteer,
        Role::Coordinator,
        Role::Researcher,
        Role::Admin,
    ] {
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
            Action::RecordAssessment,
            hub.record_assessment(&actor, ladder(vid, d(2026, 2, 1), 4))
                .await
                .map(drop),
        );
        check(
            Action::ReadDevelopment,
            hub.assessments(&actor, vid).await.map(drop),
        );
        check(
            Action::ReadDevelopment,
            hub.trajectory(&actor, vid, &Measure::ladder(), None)
                .await
                .map(drop),
        );
        check(
            Action::ReadAggregates,
            hub.cohort_curve(&actor, &Measure::ladder(), joined)
                .await
                .map(drop),
        );
        check(
            Action::ManageCoaching,
            hub.coaching_suggestions(&actor, None).await.map(drop),
        );
        check(
            Action::ManageCoaching,
            hub.add_coaching_session(&actor, k.id, None, None)
                .await
                .map(drop),
        );
        check(
            Action::ReadCoaching,
            hub.coaching(&actor, k.id).await.map(drop),
        );
        check(
            Action::ReadCoaching,
            hub.coachings(&actor, None, false).await.map(drop),
        );
        check(
            Action::ManageHubSettings,
            hub.set_skills(&actor, vec!["Kassa".into()]).await.map(drop),
        );
    }
}
