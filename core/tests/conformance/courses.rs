//! Courses (waiting list, attendance, completion, the before/after change)
//! and the conflict register — the same on every backend.

use crate::support::*;
use chrono::{Duration, NaiveDate};
use kringloop::{
    Action, Actor, ConflictStatus, EnrolmentStatus, Error, GlaslPhase, Grant, Hub, Instrument,
    Intervention, Measure, NewAssessment, NewConflict, NewConflictFollowUp, NewCourse, NewScore,
    Role, VolunteerId, access::grant,
};

fn field(e: &Error) -> &str {
    match e {
        Error::Validation { field, .. } => field,
        other => panic!("expected a validation error, got {other:?}"),
    }
}

async fn volunteers(hub: &Hub, names: &[&str]) -> Vec<VolunteerId> {
    let mut out = Vec::new();
    for n in names {
        out.push(
            hub.register_volunteer(&coordinator(), new_volunteer(n))
                .await
                .unwrap()
                .id,
        );
    }
    out
}

fn course(sessions: &[NaiveDate], capacity: u32) -> NewCourse {
    NewCourse {
        title: "Omgaan met lastige klanten".into(),
        description: Some("Drie middagen training voor de kassa".into()),
        sessions: sessions.to_vec(),
        capacity,
    }
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

pub async fn enrolment_with_a_waiting_list(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let [a, bb, cc, dd] = volunteers(&hub, &["Anneke", "Bart", "Carla", "Dirk"]).await[..] else {
        panic!()
    };
    let k = hub
        .create_course(&c, course(&[d(2026, 3, 10), d(2026, 3, 17)], 2))
        .await
        .unwrap();
    assert_eq!(
        hub.course(&volunteer_actor(a), k.id).await.unwrap(),
        k,
        "{}",
        b.name
    );
    let mut statuses = Vec::new();
    for v in [a, bb, cc, dd] {
        b.clock.advance(Duration::minutes(1));
        statuses.push(hub.enrol(&c, k.id, v).await.unwrap().status);
    }
    use EnrolmentStatus::*;
    assert_eq!(statuses, vec![Enrolled, Enrolled, Waiting, Waiting]);
    assert_eq!(
        hub.enrol(&c, k.id, a).await.unwrap_err().code().as_str(),
        "conflict"
    );
    // Bart withdraws: Carla (first on the list) gets his place.
    let w = hub.withdraw(&c, k.id, bb).await.unwrap();
    assert_eq!(w.withdrawn.status, Withdrawn);
    assert_eq!(
        w.promoted.map(|e| (e.volunteer_id, e.status)),
        Some((cc, Enrolled))
    );
    // A waiting volunteer withdrawing promotes nobody.
    assert_eq!(hub.withdraw(&c, k.id, dd).await.unwrap().promoted, None);
    assert_eq!(
        hub.withdraw(&c, k.id, dd)
            .await
            .unwrap_err()
            .code()
            .as_str(),
        "not_found"
    );
    let list: Vec<_> = hub
        .enrolments(&c, k.id)
        .await
        .unwrap()
        .iter()
        .map(|e| (e.volunteer_id, e.status))
        .collect();
    assert_eq!(
        list,
        vec![
            (a, Enrolled),
            (bb, Withdrawn),
            (cc, Enrolled),
            (dd, Withdrawn)
        ],
        "{}",
        b.name
    );
    // Bart may come back: the course is full, so he waits.
    assert_eq!(hub.enrol(&c, k.id, bb).await.unwrap().status, Waiting);
    // A volunteer sees their own enrolment only.
    let mine = hub.enrolments(&volunteer_actor(a), k.id).await.unwrap();
    assert_eq!(
        mine.iter().map(|e| e.volunteer_id).collect::<Vec<_>>(),
        vec![a]
    );
    // Bad courses.
    assert_eq!(
        field(&hub.create_course(&c, course(&[], 5)).await.unwrap_err()),
        "sessions"
    );
    assert_eq!(
        field(
            &hub.create_course(&c, course(&[d(2026, 3, 10), d(2026, 3, 10)], 5))
                .await
                .unwrap_err()
        ),
        "sessions"
    );
    assert_eq!(
        field(
            &hub.create_course(&c, course(&[d(2026, 3, 10)], 0))
                .await
                .unwrap_err()
        ),
        "capacity"
    );
    assert_eq!(
        hub.enrol(&volunteer_actor(a), k.id, a)
            .await
            .unwrap_err()
            .code()
            .as_str(),
        "forbidden"
    );
}

pub async fn concurrent_enrolments_never_overfill(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let names: Vec<String> = (0..8).map(|i| format!("Vrijwilliger {i}")).collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let ids = volunteers(&hub, &refs).await;
    let k = hub
        .create_course(&c, course(&[d(2026, 4, 1)], 3))
        .await
        .unwrap();
    let mut tasks = Vec::new();
    for v in ids {
        let hub = hub.clone();
        let c = c.clone();
        tasks.push(tokio::spawn(async move { hub.enrol(&c, k.id, v).await }));
    }
    let mut enrolled = 0;
    for t in tasks {
        if t.await.unwrap().unwrap().status == EnrolmentStatus::Enrolled {
            enrolled += 1;
        }
    }
    assert_eq!(enrolled, 3, "{}", b.name);
}

pub async fn attendance_completion_and_effect(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let ids = volunteers(&hub, &["Els", "Fatima", "Gert", "Hanna", "Ingrid", "Jan"]).await;
    let k = hub
        .create_course(&c, course(&[d(2026, 1, 13), d(2026, 1, 20)], 10))
        .await
        .unwrap();
    for v in &ids {
        hub.enrol(&c, k.id, *v).await.unwrap();
    }
    let after = hub
        .record_course_attendance(&c, k.id, d(2026, 1, 13), &ids[..4])
        .await
        .unwrap();
    assert_eq!(
        after
            .iter()
            .filter(|e| e.attended == vec![d(2026, 1, 13)])
            .count(),
        4,
        "{}",
        b.name
    );
    // Correcting: Gert was not there after all.
    let after = hub
        .record_course_attendance(&c, k.id, d(2026, 1, 13), &[ids[0], ids[1], ids[3]])
        .await
        .unwrap();
    assert!(
        after
            .iter()
            .find(|e| e.volunteer_id == ids[2])
            .unwrap()
            .attended
            .is_empty()
    );
    assert_eq!(
        field(
            &hub.record_course_attendance(&c, k.id, d(2026, 1, 14), &ids[..1])
                .await
                .unwrap_err()
        ),
        "date"
    );
    let outsider = volunteers(&hub, &["Karin"]).await[0];
    assert_eq!(
        field(
            &hub.record_course_attendance(&c, k.id, d(2026, 1, 20), &[outsider])
                .await
                .unwrap_err()
        ),
        "present"
    );
    let done = hub.complete_course(&c, k.id, &ids[..5]).await.unwrap();
    assert_eq!(done.iter().filter(|e| e.completed).count(), 5);
    // Before and after on the ladder: 4 of the 5 rose one step, one stayed.
    for (i, v) in ids.iter().take(5).enumerate() {
        hub.record_assessment(&c, ladder(*v, d(2025, 12, 1), 3))
            .await
            .unwrap();
        hub.record_assessment(&c, ladder(*v, d(2026, 2, 15), if i == 4 { 3 } else { 4 }))
            .await
            .unwrap();
    }
    let effect = hub
        .course_effect(&c, k.id, &Measure::ladder(), None)
        .await
        .unwrap();
    assert_eq!(
        (effect.n, effect.insufficient_data),
        (5, false),
        "{}",
        b.name
    );
    assert_eq!(effect.mean_change, Some(0.8));
    assert!((effect.sd_change.unwrap() - 0.447_213_6).abs() < 1e-6);
    assert!(effect.note.contains("not the effect of the course alone"));
    let strict = hub
        .course_effect(&c, k.id, &Measure::ladder(), Some(6))
        .await
        .unwrap();
    assert_eq!(
        (strict.n, strict.mean_change, strict.insufficient_data),
        (5, None, true)
    );
    assert!(strict.note.starts_with("insufficient data"));
    // Completion waits for the last session.
    let later = hub
        .create_course(&c, course(&[d(2026, 5, 1)], 10))
        .await
        .unwrap();
    hub.enrol(&c, later.id, ids[0]).await.unwrap();
    assert_eq!(
        field(
            &hub.complete_course(&c, later.id, &ids[..1])
                .await
                .unwrap_err()
        ),
        "completed"
    );
}

pub async fn conflict_register(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let ids = volunteers(&hub, &["Lucas", "Marieke", "Nadia"]).await;
    let new = |parties: Vec<VolunteerId>, step| NewConflict {
        parties,
        on: None,
        description: "Onenigheid over de kassadiensten".into(),
        step,
        intervention: Intervention::AmongThemselves,
    };
    assert_eq!(
        field(
            &hub.register_conflict(&c, new(vec![ids[0]], 2))
                .await
                .unwrap_err()
        ),
        "parties"
    );
    assert_eq!(
        field(
            &hub.register_conflict(&c, new(vec![ids[0], ids[0]], 2))
                .await
                .unwrap_err()
        ),
        "parties"
    );
    assert_eq!(
        field(
            &hub.register_conflict(&c, new(ids[..2].to_vec(), 10))
                .await
                .unwrap_err()
        ),
        "step"
    );
    let ghost = VolunteerId::generate(b.clock.as_ref());
    assert_eq!(
        hub.register_conflict(&c, new(vec![ids[0], ghost], 2))
            .await
            .unwrap_err()
            .code()
            .as_str(),
        "not_found"
    );
    let k = hub
        .register_conflict(&c, new(ids[..2].to_vec(), 3))
        .await
        .unwrap();
    assert_eq!(
        (k.phase, k.status),
        (GlaslPhase::WinWin, ConflictStatus::Open)
    );
    let k = hub
        .follow_up_conflict(
            &c,
            k.id,
            NewConflictFollowUp {
                on: None,
                note: "Escaleert: verwijten over en weer".into(),
                step: Some(5),
                intervention: Some(Intervention::Mediator),
                status: Some(ConflictStatus::InMediation),
            },
        )
        .await
        .unwrap();
    assert_eq!(
        (k.step, k.phase, k.intervention, k.follow_ups.len()),
        (5, GlaslPhase::WinLose, Intervention::Mediator, 1)
    );
    assert_eq!(hub.conflict(&c, k.id).await.unwrap(), k, "{}", b.name);
    let resolved = hub
        .follow_up_conflict(
            &c,
            k.id,
            NewConflictFollowUp {
                on: None,
                note: "Afspraken gemaakt".into(),
                step: Some(1),
                intervention: None,
                status: Some(ConflictStatus::Resolved),
            },
        )
        .await
        .unwrap();
    assert_eq!(resolved.status, ConflictStatus::Resolved);
    let e = hub
        .follow_up_conflict(
            &c,
            k.id,
            NewConflictFollowUp {
                on: None,
                note: "nog iets".into(),
                step: None,
                intervention: None,
                status: None,
            },
        )
        .await
        .unwrap_err();
    assert_eq!(e.code().as_str(), "conflict");
    hub.register_conflict(&c, new(ids[1..].to_vec(), 7))
        .await
        .unwrap();
    assert_eq!(hub.conflicts(&c, false).await.unwrap().len(), 2);
    assert_eq!(hub.conflicts(&c, true).await.unwrap().len(), 1);
    // Not even the parties themselves may read it; the journal keeps no description.
    assert_eq!(
        hub.conflict(&volunteer_actor(ids[0]), k.id)
            .await
            .unwrap_err()
            .code()
            .as_str(),
        "forbidden"
    );
    let journal = serde_json::to_string(&hub.journal(&admin(), 0, 1000).await.unwrap()).unwrap();
    assert!(!journal.contains("kassadiensten") && !journal.contains("verwijten"));
}

/// Every role × every course and conflict operation.
pub async fn every_role_meets_the_course_matrix(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    let ids = volunteers(&hub, &["Otto", "Petra"]).await;
    let k = hub
        .create_course(&c, course(&[d(2026, 2, 10)], 5))
        .await
        .unwrap();
    hub.enrol(&c, k.id, ids[0]).await.unwrap();
    let conflict = hub
        .register_conflict(
            &c,
            NewConflict {
                parties: ids.clone(),
                on: None,
                description: "x".into(),
                step: 1,
                intervention: Intervention::Coordinator,
            },
        )
        .await
        .unwrap();
    for role in [
        Role::Volunteer,
        Role::Coordinator,
        Role::Researcher,
        Role::Admin,
    ] {
        let actor = Actor::new("wie", role).unwrap().with_volunteer(ids[0]);
        let allowed = |x: Action| grant(role, x) != Grant::Deny;
        let check = |x: Action, r: Result<(), Error>| match r {
            Ok(()) => assert!(allowed(x), "{role} may not {x} ({})", b.name),
            Err(e) if e.code().as_str() == "forbidden" => {
                assert!(!allowed(x), "{role} should {x}: {e}")
            }
            Err(e) => panic!("{role} {x}: unexpected {e:?}"),
        };
        check(
            Action::ManageCourses,
            hub.create_course(&actor, course(&[d(2026, 6, 1)], 5))
                .await
                .map(drop),
        );
        check(
            Action::ManageCourses,
            hub.record_course_attendance(&actor, k.id, d(2026, 2, 10), &ids[..1])
                .await
                .map(drop),
        );
        check(
            Action::ManageCourses,
            hub.course_effect(&actor, k.id, &Measure::ladder(), None)
                .await
                .map(drop),
        );
        check(Action::ReadCourses, hub.courses(&actor).await.map(drop));
        check(
            Action::ReadCourses,
            hub.enrolments(&actor, k.id).await.map(drop),
        );
        check(
            Action::ManageConflicts,
            hub.conflicts(&actor, false).await.map(drop),
        );
        check(
            Action::ManageConflicts,
            hub.conflict(&actor, conflict.id).await.map(drop),
        );
    }
}
