//! The programme package (`kringloop-programme`: activities, sessions,
//! attendance, residents, ideas, the table tally, the activity report and
//! volunteer development: assessments, trajectories, coaching, courses,
//! conflicts; the hub report) in headless Chromium, called with plain JS objects as a web
//! page would.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p kringloop-wasm
//! --target wasm32-unknown-unknown --no-default-features --features programme
//! --test programme` (scripts/wasm-test.sh does).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(feature = "programme")]

use js_sys::{JSON, Promise, Reflect};
use kringloop_wasm::{Hub, labels};
use serde_json::{Value, json};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Monday 2 March 2026, noon UTC.
const NOW: &str = "2026-03-02T12:00:00Z";

fn js(v: Value) -> JsValue {
    JSON::parse(&v.to_string()).unwrap()
}

fn rs(v: &JsValue) -> Value {
    serde_wasm_bindgen::from_value(v.clone()).unwrap()
}

fn prop(v: &JsValue, key: &str) -> Option<String> {
    Reflect::get(v, &JsValue::from_str(key))
        .unwrap()
        .as_string()
}

fn s(v: &str) -> JsValue {
    JsValue::from_str(v)
}

async fn ok(p: Promise) -> Value {
    match JsFuture::from(p).await {
        Ok(v) => rs(&v),
        Err(e) => panic!(
            "unexpected rejection: {:?} (code {:?})",
            prop(&e, "message"),
            prop(&e, "code")
        ),
    }
}

/// Awaits a rejection: a real `Error` named `KringloopError` with `code`.
async fn rejects(p: Promise, code: &str) -> JsValue {
    let e = match JsFuture::from(p).await {
        Ok(v) => panic!("expected a {code} error, got {}", rs(&v)),
        Err(e) => e,
    };
    assert!(e.is_instance_of::<js_sys::Error>(), "not an Error: {e:?}");
    let err: &js_sys::Error = e.unchecked_ref();
    assert_eq!(String::from(err.name()), "KringloopError");
    assert_eq!(
        prop(&e, "code").as_deref(),
        Some(code),
        "message: {}",
        String::from(err.message())
    );
    e
}

fn coordinator() -> JsValue {
    js(json!({ "name": "anna", "role": "coordinator" }))
}

async fn open() -> Hub {
    Hub::open(
        "memory:".into(),
        "oude-bieb".into(),
        Some(js(json!({ "now": NOW }))),
    )
    .await
    .unwrap()
}

/// A hub with a leader, the weekly knitting café (capacity 10, Mondays
/// 10:00–12:00 from 2 February 2026) and its id.
async fn knitting_cafe() -> (Hub, String) {
    let hub = open().await;
    let leader = ok(hub.register_volunteer(
        coordinator(),
        js(json!({ "displayName": "Bea", "status": "active", "roles": ["activity_lead"] })),
    ))
    .await;
    let listed = ok(hub.volunteers(coordinator(), None)).await;
    assert_eq!(listed.as_array().unwrap().len(), 1);
    let activity = ok(hub.create_activity(
        coordinator(),
        js(json!({
            "name": "Breicafé",
            "kind": "craft",
            "leaders": [leader["id"]],
            "location": "achterzaal",
            "capacity": 10,
        })),
    ))
    .await;
    assert_eq!(activity["status"], "active");
    assert_eq!(activity["price"], 0);
    let id = activity["id"].as_str().unwrap().to_string();
    let change = ok(hub.set_schedule(
        coordinator(),
        s(&id),
        js(json!({
            "recurrence": { "freq": "weekly", "every": 1, "weekdays": ["monday"] },
            "startsOn": "2026-02-02",
            "span": { "start": "10:00", "end": "12:00" },
        })),
    ))
    .await;
    assert_eq!(change["removedSessions"], 0);
    assert_eq!(
        change["schedule"]["span"],
        json!({ "start": "10:00", "end": "12:00" })
    );
    (hub, id)
}

/// The sessions of February 2026, by date.
async fn february(hub: &Hub, activity: &str) -> Vec<Value> {
    let list = ok(hub.sessions(
        coordinator(),
        js(json!({ "from": "2026-02-01", "to": "2026-02-28", "activityId": activity })),
    ))
    .await;
    list.as_array().unwrap().clone()
}

#[wasm_bindgen_test]
async fn sessions_are_generated_once() {
    let (hub, id) = knitting_cafe().await;
    let query = || js(json!({ "from": "2026-02-01", "to": "2026-03-31", "activityId": id }));
    // Mondays 2, 9, 16, 23 February and 2, 9, 16, 23, 30 March.
    assert_eq!(ok(hub.generate_sessions(coordinator(), query())).await, 9);
    assert_eq!(ok(hub.generate_sessions(coordinator(), query())).await, 0);
    let all = ok(hub.generate_sessions(
        coordinator(),
        js(json!({ "from": "2026-02-01", "to": "2026-03-31" })),
    ))
    .await;
    assert_eq!(all, 0);
    let sessions = ok(hub.sessions(coordinator(), query())).await;
    let sessions = sessions.as_array().unwrap();
    assert_eq!(sessions.len(), 9);
    assert_eq!(sessions[0]["date"], "2026-02-02");
    assert_eq!(sessions[0]["status"], "planned");
    assert_eq!(sessions[0]["attendance"], Value::Null);
    assert_eq!(sessions[8]["date"], "2026-03-30");

    // A one-off session is added once; the same slot again is a conflict.
    let extra = js(json!({ "date": "2026-03-04", "start": "14:00", "end": "16:00" }));
    let added = ok(hub.add_session(coordinator(), s(&id), extra.clone())).await;
    assert_eq!(added["scheduleId"], Value::Null);
    rejects(hub.add_session(coordinator(), s(&id), extra), "conflict").await;

    // Inputs are read strictly, as in the shop package.
    let e = rejects(
        hub.generate_sessions(
            coordinator(),
            js(json!({ "from": "2026-02-01", "to": "2026-03-31", "colour": "red" })),
        ),
        "validation",
    )
    .await;
    assert_eq!(prop(&e, "field").as_deref(), Some("query"));
    rejects(hub.activity(coordinator(), s("not-an-id")), "validation").await;
}

#[wasm_bindgen_test]
async fn attendance_rules() {
    let (hub, id) = knitting_cafe().await;
    let period = js(json!({ "from": "2026-02-01", "to": "2026-02-28", "activityId": id }));
    ok(hub.generate_sessions(coordinator(), period)).await;
    let feb = february(&hub, &id).await;
    let first = feb[0]["id"].as_str().unwrap();
    let second = feb[1]["id"].as_str().unwrap();

    // Above the capacity of 10: a validation error, and nothing recorded.
    rejects(
        hub.record_attendance(coordinator(), s(first), js(json!({ "headcount": 11 }))),
        "validation",
    )
    .await;
    let session = ok(hub.session(coordinator(), s(first))).await;
    assert_eq!(session["attendance"], Value::Null);

    let held = ok(hub.record_attendance(
        coordinator(),
        s(first),
        js(json!({ "headcount": 8, "firstTimers": 2 })),
    ))
    .await;
    assert_eq!(held["attendance"]["headcount"], 8);
    assert_eq!(held["attendance"]["firstTimers"], 2);
    assert_eq!(held["attendance"]["recordedBy"], "anna");

    // A cancelled session takes no attendance: a conflict.
    let cancelled = ok(hub.cancel_session(coordinator(), s(second), s("leader ill"))).await;
    assert_eq!(cancelled["status"], "cancelled");
    assert_eq!(cancelled["cancelReason"], "leader ill");
    rejects(
        hub.record_attendance(coordinator(), s(second), js(json!({ "headcount": 3 }))),
        "conflict",
    )
    .await;
    rejects(
        hub.cancel_session(coordinator(), s(second), s("again")),
        "conflict",
    )
    .await;

    // Named participants: a resident registered with consent.
    let resident = ok(hub.register_resident(
        coordinator(),
        js(json!({ "name": "Mw. De Vries", "contact": "06-12345678", "consent": true })),
    ))
    .await;
    let third = feb[2]["id"].as_str().unwrap();
    let named = ok(hub.record_attendance(
        coordinator(),
        s(third),
        js(json!({ "participants": [{ "kind": "resident", "id": resident["id"] }] })),
    ))
    .await;
    assert_eq!(named["attendance"]["headcount"], 1);
    assert_eq!(
        named["attendance"]["participants"][0],
        json!({ "kind": "resident", "id": resident["id"] })
    );
    ok(hub.forget_resident(coordinator(), resident["id"].as_str().map(s).unwrap())).await;
}

#[wasm_bindgen_test]
async fn idea_and_tally_conflicts() {
    let hub = open().await;
    let idea = ok(hub.submit_idea(
        coordinator(),
        js(json!({ "title": "Repaircafé", "text": "Elke maand spullen repareren." })),
    ))
    .await;
    assert_eq!(idea["status"], "new");
    assert_eq!(idea["submittedOn"], "2026-03-02");
    let id = idea["id"].as_str().unwrap();

    // new → realised skips the walk-in evening: a conflict, and nothing changes.
    rejects(
        hub.change_idea(coordinator(), s(id), js(json!({ "status": "realised" }))),
        "conflict",
    )
    .await;
    assert_eq!(ok(hub.idea(coordinator(), s(id))).await["status"], "new");
    let discussed =
        ok(hub.change_idea(coordinator(), s(id), js(json!({ "status": "discussed" })))).await;
    assert_eq!(discussed["history"][0]["from"], "new");
    assert_eq!(discussed["history"][0]["to"], "discussed");
    let listed = ok(hub.ideas(coordinator(), Some(js(json!({ "status": "discussed" }))))).await;
    assert_eq!(listed.as_array().unwrap().len(), 1);

    // One tally a day; a second is a conflict, a correction a new version.
    let tally = js(json!({ "date": "2026-03-02", "visitors": 12, "conversations": 5 }));
    let first = ok(hub.record_tally(coordinator(), tally.clone())).await;
    assert_eq!(first["version"], 1);
    rejects(hub.record_tally(coordinator(), tally), "conflict").await;
    let corrected = ok(hub.correct_tally(
        coordinator(),
        js(json!({ "date": "2026-03-02", "visitors": 14, "conversations": 5 })),
    ))
    .await;
    assert_eq!(corrected["version"], 2);
    assert_eq!(corrected["visitors"], 14);
    let tallies = ok(hub.tallies(
        coordinator(),
        js(json!({ "from": "2026-03-01", "to": "2026-03-31" })),
    ))
    .await;
    assert_eq!(tallies.as_array().unwrap().len(), 1);
}

/// The knitting café with its February generated and recorded: 2 Feb: 8
/// (2 new), 9 Feb: 6, 16 Feb cancelled, 23 Feb not recorded.
async fn knitting_february() -> (Hub, String) {
    let (hub, id) = knitting_cafe().await;
    let query = js(json!({ "from": "2026-02-01", "to": "2026-02-28", "activityId": id }));
    ok(hub.generate_sessions(coordinator(), query)).await;
    let feb = february(&hub, &id).await;
    let sid = |i: usize| s(feb[i]["id"].as_str().unwrap());
    ok(hub.record_attendance(
        coordinator(),
        sid(0),
        js(json!({ "headcount": 8, "firstTimers": 2 })),
    ))
    .await;
    ok(hub.record_attendance(coordinator(), sid(1), js(json!({ "headcount": 6 })))).await;
    ok(hub.cancel_session(coordinator(), sid(2), s("holiday"))).await;
    (hub, id)
}

#[wasm_bindgen_test]
async fn activity_report_numbers() {
    let (hub, id) = knitting_february().await;
    ok(hub.submit_idea(
        coordinator(),
        js(json!({ "title": "Filmavond", "text": "Eens per maand een film.", "submittedOn": "2026-02-10" })),
    ))
    .await;
    ok(hub.record_tally(
        coordinator(),
        js(json!({ "date": "2026-02-10", "visitors": 9, "conversations": 4 })),
    ))
    .await;

    let report = ok(hub.activity_report(
        coordinator(),
        js(json!({ "from": "2026-02-01", "to": "2026-02-28" })),
    ))
    .await;
    assert_eq!(
        report["period"],
        json!({ "from": "2026-02-01", "to": "2026-02-28" })
    );
    assert_eq!(report["threshold"], Value::Null);
    let months = report["months"].as_array().unwrap();
    assert_eq!(months.len(), 1, "{report}");
    let m = &months[0];
    assert_eq!(m["activityId"], id.as_str());
    assert_eq!(m["activityName"], "Breicafé");
    assert_eq!(m["month"], "2026-02");
    assert_eq!(m["held"], 2);
    assert_eq!(m["cancelled"], 1);
    assert_eq!(m["planned"], 1);
    assert_eq!(m["attendance"], 14);
    assert_eq!(m["firstTimers"], 2);
    assert_eq!(m["averageAttendance"], 7.0);
    assert_eq!(m["capacityUse"], 0.7);
    assert_eq!(report["ideas"], json!([{ "status": "new", "count": 1 }]));
    assert_eq!(
        report["tally"],
        json!([{ "week": "2026-02-09", "days": 1, "visitors": 9, "conversations": 4 }])
    );

    // Researchers see small counts hidden.
    let researcher = js(json!({ "name": "onderzoek", "role": "researcher" }));
    let hidden = ok(hub.activity_report(
        researcher,
        js(json!({ "from": "2026-02-01", "to": "2026-02-28" })),
    ))
    .await;
    assert!(hidden["threshold"].as_u64().unwrap() > 1);
    assert_eq!(hidden["months"][0]["firstTimers"], Value::Null);
}

#[wasm_bindgen_test]
async fn programme_labels() {
    let kinds = rs(&labels(s("activity_kind")).unwrap());
    assert_eq!(kinds.as_array().unwrap().len(), 7);
    // The codes of the hub report's rows have their labels here too.
    let domains = rs(&labels(s("signal_domain")).unwrap());
    assert_eq!(
        domains[1],
        json!({ "code": "money_debt", "nl": "geldzorgen en schulden", "en": "money and debt" })
    );
    assert_eq!(
        kinds[0],
        json!({ "code": "craft", "nl": "handwerk", "en": "craft" })
    );
}

// ---- volunteer development: assessments, trajectories, coaching, courses, conflicts

/// Registers an active volunteer who joined on 1 January 2025; their id.
async fn joined_2025(hub: &Hub, name: &str) -> String {
    let v = ok(hub.register_volunteer(
        coordinator(),
        js(json!({ "displayName": name, "status": "active", "startDate": "2025-01-01" })),
    ))
    .await;
    v["id"].as_str().unwrap().to_string()
}

/// Records a participation-ladder step for `volunteer` on `on`.
async fn ladder(hub: &Hub, volunteer: &str, on: &str, step: u8) -> Value {
    ok(hub.record_assessment(
        coordinator(),
        js(json!({
            "volunteer": volunteer,
            "on": on,
            "instrument": "participation_ladder",
            "scores": [{ "measure": "step", "value": step }],
        })),
    ))
    .await
}

#[wasm_bindgen_test]
async fn an_assessment_outside_the_scale_is_refused() {
    let hub = open().await;
    let cor = joined_2025(&hub, "Cor").await;
    let e = rejects(
        hub.record_assessment(
            coordinator(),
            js(json!({
                "volunteer": cor,
                "instrument": "participation_ladder",
                "scores": [{ "measure": "step", "value": 7 }],
            })),
        ),
        "validation",
    )
    .await;
    assert_eq!(prop(&e, "field").as_deref(), Some("scores[0]"));
    // An unknown property is refused too, naming the argument.
    let e = rejects(
        hub.record_assessment(
            coordinator(),
            js(json!({ "volunteer": cor, "instrument": "skills", "scores": [], "extra": 1 })),
        ),
        "validation",
    )
    .await;
    assert_eq!(prop(&e, "field").as_deref(), Some("input"));
    let skills = ok(hub.set_skills(coordinator(), js(json!(["kassa", "reparatie"])))).await;
    assert_eq!(skills, json!(["kassa", "reparatie"]));
    assert_eq!(ok(hub.skills(coordinator())).await, skills);
    let a = ok(hub.record_assessment(
        coordinator(),
        js(json!({
            "volunteer": cor,
            "instrument": "skills",
            "scores": [{ "measure": "kassa", "value": 4 }],
            "note": "zelfstandig aan de kassa",
        })),
    ))
    .await;
    assert_eq!(a["on"], "2026-03-02");
    assert_eq!(
        a["scores"],
        json!([{ "measure": "skill.kassa", "value": 4 }])
    );
    assert_eq!(a["corrects"], Value::Null);
    let list = ok(hub.assessments(coordinator(), s(&cor))).await;
    assert_eq!(list.as_array().unwrap().len(), 1);
}

#[wasm_bindgen_test]
async fn a_rise_then_a_plateau_suggests_coaching() {
    let hub = open().await;
    let dirk = joined_2025(&hub, "Dirk").await;
    ladder(&hub, &dirk, "2025-04-01", 2).await;
    ladder(&hub, &dirk, "2025-08-01", 3).await;
    ladder(&hub, &dirk, "2025-12-01", 4).await;
    let t = ok(hub.trajectory(coordinator(), s(&dirk), s("ladder"), None)).await;
    assert_eq!(t["class"], "rising");
    assert_eq!(t["points"], 3);
    assert_eq!(t["latest"], 4);
    assert!(t["slopePerMonth"].as_f64().unwrap() > 0.05);
    // Rising: nothing to suggest yet.
    let none = ok(hub.coaching_suggestions(coordinator(), None)).await;
    assert_eq!(none, json!([]));
    let bad = rejects(
        hub.trajectory(
            coordinator(),
            s(&dirk),
            s("ladder"),
            Some(js(json!({ "windowMonths": 0 }))),
        ),
        "validation",
    )
    .await;
    assert_eq!(prop(&bad, "field").as_deref(), Some("windowMonths"));

    // A year on, the ladder has stayed at step 4.
    hub.set_now("2027-03-01T12:00:00Z").unwrap();
    ladder(&hub, &dirk, "2026-05-01", 4).await;
    ladder(&hub, &dirk, "2026-09-01", 4).await;
    ladder(&hub, &dirk, "2027-01-01", 4).await;
    let t = ok(hub.trajectory(coordinator(), s(&dirk), s("ladder"), None)).await;
    assert_eq!(t["class"], "plateau");
    assert_eq!(t["afterRise"], true);
    let suggestions = ok(hub.coaching_suggestions(coordinator(), None)).await;
    let list = suggestions.as_array().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["volunteerId"], dirk.as_str());
    assert_eq!(list[0]["displayName"], "Dirk");
    assert!(list[0]["reason"].as_str().unwrap().contains("after rising"));

    // Coaching opened: no longer suggested. Sessions, then closed.
    let coach = ok(hub.register_volunteer(
        coordinator(),
        js(json!({ "displayName": "Els", "status": "active", "roles": ["coordinator"] })),
    ))
    .await["id"]
        .clone();
    let c = ok(hub.open_coaching(
        coordinator(),
        js(json!({ "volunteer": dirk, "coach": coach, "goals": ["kassa leren"] })),
    ))
    .await;
    assert_eq!(c["status"], "open");
    let id = c["id"].as_str().unwrap().to_string();
    assert_eq!(
        ok(hub.coaching_suggestions(coordinator(), None)).await,
        json!([])
    );
    let c = ok(hub.add_coaching_session(
        coordinator(),
        s(&id),
        Some(js(json!({ "note": "goed gesprek" }))),
    ))
    .await;
    assert_eq!(c["sessions"][0]["note"], "goed gesprek");
    // Dirk reads his own trajectory, without the coach's notes.
    let own = js(json!({ "name": "dirk", "role": "volunteer", "volunteerId": dirk }));
    let mine = ok(hub.coachings(own, None)).await;
    assert_eq!(mine[0]["sessions"][0]["note"], Value::Null);
    let c = ok(hub.close_coaching(coordinator(), s(&id), s("goals_met"), None)).await;
    assert_eq!(c["status"], "closed");
    assert_eq!(c["outcome"], "goals_met");
    assert_eq!(c["closedOn"], "2027-03-01");
    assert_eq!(ok(hub.coaching(coordinator(), s(&id))).await, c);
    let open_only = ok(hub.coachings(coordinator(), Some(js(json!({ "openOnly": true }))))).await;
    assert_eq!(open_only, json!([]));
    let curve = ok(hub.cohort_curve(
        coordinator(),
        s("ladder"),
        js(json!({ "from": "2025-01-01", "to": "2025-12-31" })),
    ))
    .await;
    assert_eq!(curve["threshold"], Value::Null);
    assert!(!curve["points"].as_array().unwrap().is_empty());
}

#[wasm_bindgen_test]
async fn a_withdrawal_promotes_the_waiting_list() {
    let hub = open().await;
    let fien = joined_2025(&hub, "Fien").await;
    let gert = joined_2025(&hub, "Gert").await;
    let course = ok(hub.create_course(
        coordinator(),
        js(json!({ "title": "Kassatraining", "sessions": ["2026-04-06", "2026-04-13"], "capacity": 1 })),
    ))
    .await;
    assert_eq!(course["description"], Value::Null);
    let id = course["id"].as_str().unwrap().to_string();
    let first = ok(hub.enrol(coordinator(), s(&id), s(&fien))).await;
    assert_eq!(first["status"], "enrolled");
    let second = ok(hub.enrol(coordinator(), s(&id), s(&gert))).await;
    assert_eq!(second["status"], "waiting");
    let w = ok(hub.withdraw(coordinator(), s(&id), s(&fien))).await;
    assert_eq!(w["withdrawn"]["status"], "withdrawn");
    assert_eq!(w["promoted"]["volunteerId"], gert.as_str());
    assert_eq!(w["promoted"]["status"], "enrolled");
    let all = ok(hub.enrolments(coordinator(), s(&id))).await;
    assert_eq!(all.as_array().unwrap().len(), 2);
    assert_eq!(ok(hub.course(coordinator(), s(&id))).await, course);
    assert_eq!(ok(hub.courses(coordinator())).await, json!([course]));
}

/// A course `title` on 9 February 2026 (8 places) with `volunteer`
/// enrolled; its id.
async fn one_day_course(hub: &Hub, title: &str, volunteer: &str) -> String {
    let course = ok(hub.create_course(
        coordinator(),
        js(json!({ "title": title, "sessions": ["2026-02-09"], "capacity": 8 })),
    ))
    .await;
    let id = course["id"].as_str().unwrap().to_string();
    ok(hub.enrol(coordinator(), s(&id), s(volunteer))).await;
    id
}

#[wasm_bindgen_test]
async fn a_course_effect_needs_enough_participants() {
    let hub = open().await;
    let hans = joined_2025(&hub, "Hans").await;
    let id = one_day_course(&hub, "Reparatie", &hans).await;
    ladder(&hub, &hans, "2026-01-05", 2).await;
    ladder(&hub, &hans, "2026-02-20", 3).await;
    let attended =
        ok(hub.record_course_attendance(coordinator(), s(&id), s("2026-02-09"), js(json!([hans]))))
            .await;
    assert_eq!(attended[0]["attended"], json!(["2026-02-09"]));
    let done = ok(hub.complete_course(coordinator(), s(&id), js(json!([hans])))).await;
    assert_eq!(done[0]["completed"], true);
    let effect = ok(hub.course_effect(coordinator(), s(&id), s("ladder"), None)).await;
    assert_eq!(effect["n"], 1);
    assert_eq!(effect["insufficientData"], true);
    assert_eq!(effect["meanChange"], Value::Null);
    assert!(
        effect["note"]
            .as_str()
            .unwrap()
            .starts_with("insufficient data")
    );
    let bad = rejects(
        hub.course_effect(coordinator(), s(&id), s("zrm.nonsense"), None),
        "validation",
    )
    .await;
    assert_eq!(prop(&bad, "field").as_deref(), Some("measure"));
}

#[wasm_bindgen_test]
async fn the_conflict_register_is_for_coordinators() {
    let hub = open().await;
    let ilse = joined_2025(&hub, "Ilse").await;
    let jan = joined_2025(&hub, "Jan").await;
    let e = rejects(
        hub.register_conflict(
            coordinator(),
            js(json!({
                "parties": [ilse],
                "description": "ruzie over de kassa",
                "step": 2,
                "intervention": "coordinator",
            })),
        ),
        "validation",
    )
    .await;
    assert_eq!(prop(&e, "field").as_deref(), Some("parties"));
    let c = ok(hub.register_conflict(
        coordinator(),
        js(json!({
            "parties": [ilse, jan],
            "description": "ruzie over de kassa",
            "step": 2,
            "intervention": "coordinator",
        })),
    ))
    .await;
    assert_eq!(c["phase"], "win_win");
    let id = c["id"].as_str().unwrap().to_string();
    let c = ok(hub.follow_up_conflict(
        coordinator(),
        s(&id),
        js(json!({ "note": "uitgepraat", "status": "resolved" })),
    ))
    .await;
    assert_eq!(c["status"], "resolved");
    assert_eq!(c["followUps"].as_array().unwrap().len(), 1);
    assert_eq!(ok(hub.conflict(coordinator(), s(&id))).await, c);
    let open_ones =
        ok(hub.conflicts(coordinator(), Some(js(json!({ "unresolvedOnly": true }))))).await;
    assert_eq!(open_ones, json!([]));
    let volunteer = js(json!({ "name": "ilse", "role": "volunteer", "volunteerId": ilse }));
    rejects(hub.conflicts(volunteer, None), "forbidden").await;
}

// ---- the hub report (the municipality's view of a period)

/// The knitting café's February (as `knitting_february`), two table
/// tallies (9 + 14 visitors), Hans up the ladder from step 2 (December) to
/// 3 (February) and a course he completed; Bea, the café's leader, started
/// today (2 March). The hub and the period 1 February – 31 March 2026.
async fn seeded_for_report() -> (Hub, JsValue) {
    let (hub, _) = knitting_february().await;
    for (date, visitors, conversations) in [("2026-02-10", 9, 4), ("2026-02-17", 14, 6)] {
        ok(hub.record_tally(
            coordinator(),
            js(json!({ "date": date, "visitors": visitors, "conversations": conversations })),
        ))
        .await;
    }
    let hans = joined_2025(&hub, "Hans").await;
    ladder(&hub, &hans, "2025-12-01", 2).await;
    ladder(&hub, &hans, "2026-02-20", 3).await;
    let course = one_day_course(&hub, "Kassatraining", &hans).await;
    ok(hub.complete_course(coordinator(), s(&course), js(json!([hans])))).await;
    (hub, js(json!({ "from": "2026-02-01", "to": "2026-03-31" })))
}

#[wasm_bindgen_test]
async fn the_hub_report_has_the_figures() {
    let (hub, period) = seeded_for_report().await;
    let r = ok(hub.hub_report(coordinator(), period.clone())).await;
    assert_eq!(r["hub"], "oude-bieb");
    assert_eq!(
        r["period"],
        json!({ "from": "2026-02-01", "to": "2026-03-31" })
    );
    assert_eq!(r["threshold"], Value::Null);
    assert_eq!(
        r["volunteers"],
        json!({ "active": 0, "started": 1, "left": 0 })
    );
    assert_eq!(
        r["hours"],
        json!({ "minutes": 0, "shifts": 0, "byRole": [] })
    );
    assert_eq!(
        r["ladder"],
        json!({ "measured": 1, "compared": 1, "up": 1, "same": 0, "down": 0 })
    );
    assert_eq!(
        r["courses"],
        json!({ "running": 1, "participants": 1, "completions": 1 })
    );
    assert_eq!(
        r["activities"],
        json!({ "sessionsHeld": 2, "sessionsCancelled": 1, "attendance": 14, "firstTimers": 2 })
    );
    assert_eq!(
        r["table"],
        json!({ "days": 2, "visitors": 23, "conversations": 10 })
    );
    // Nothing the programme package records, but every code is listed with 0.
    assert_eq!(r["signals"]["signals"], 0);
    let domains = r["signals"]["byDomain"].as_array().unwrap();
    assert_eq!(domains.len(), 12);
    assert_eq!(domains[0], json!({ "key": "loneliness", "count": 0 }));
    assert_eq!(r["referrals"]["referrals"], 0);
    assert_eq!(r["referrals"]["byStatus"].as_array().unwrap().len(), 9);
    assert_eq!(r["referrals"]["byOutcome"].as_array().unwrap().len(), 6);
    assert_eq!(r["sales"]["sales"], 0);
    assert_eq!(r["sales"]["revenue"], 0);
    assert_eq!(r["sales"]["itemsSold"], 0);
    assert_eq!(r["reuse"]["gramsReused"], 0);
    assert_eq!(r["reuse"]["gramsCo2eAvoided"], 0);
}

#[wasm_bindgen_test]
async fn a_researcher_gets_small_counts_hidden() {
    let (hub, period) = seeded_for_report().await;
    let researcher = js(json!({ "name": "onderzoek", "role": "researcher" }));
    let r = ok(hub.hub_report(researcher.clone(), period.clone())).await;
    assert_eq!(r["threshold"], 10);
    // Counts of people from 1 to 9 are null, never 0; zeros and larger counts show.
    assert_eq!(
        r["volunteers"],
        json!({ "active": 0, "started": null, "left": 0 })
    );
    assert_eq!(
        r["ladder"],
        json!({ "measured": null, "compared": null, "up": null, "same": 0, "down": 0 })
    );
    assert_eq!(
        r["courses"],
        json!({ "running": 1, "participants": null, "completions": null })
    );
    assert_eq!(r["activities"]["attendance"], 14);
    assert_eq!(r["activities"]["firstTimers"], Value::Null);
    assert_eq!(
        r["activities"]["sessionsHeld"], 2,
        "not people: never hidden"
    );
    assert_eq!(r["table"]["visitors"], 23);
    assert_eq!(r["signals"]["signals"], 0);

    let nl = ok(hub.hub_report_markdown(researcher.clone(), period.clone(), None)).await;
    let nl = nl.as_str().unwrap();
    assert!(nl.starts_with("# Wijkrapportage oude-bieb\n"), "{nl}");
    assert!(nl.contains("\\<10"), "{nl}");
    let en = ok(hub.hub_report_markdown(researcher, period.clone(), Some(s("en")))).await;
    assert!(en.as_str().unwrap().starts_with("# Hub report oude-bieb\n"));
}

#[wasm_bindgen_test]
async fn the_hub_report_as_html_is_standalone() {
    let (hub, period) = seeded_for_report().await;
    let languages = [
        (None, "nl", "Wijkrapportage"),
        (Some(s("en")), "en", "Hub report"),
    ];
    for (lang, code, title) in languages {
        let html = ok(hub.hub_report_html(coordinator(), period.clone(), lang)).await;
        let html = html.as_str().unwrap();
        assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
        assert!(html.contains(&format!("lang=\"{code}\"")), "{html}");
        assert!(
            html.contains(&format!("<h1>{title} oude-bieb</h1>")),
            "{html}"
        );
        assert!(html.contains("<td>23</td>"), "the visitors: {html}");
        assert!(!html.contains("http"), "no URL at all");
        assert!(!html.to_ascii_lowercase().contains("<script"), "no script");
    }
}

#[wasm_bindgen_test]
async fn the_hub_report_refuses_volunteers_and_bad_input() {
    let (hub, period) = seeded_for_report().await;
    let kees = || js(json!({ "name": "kees", "role": "volunteer" }));
    rejects(hub.hub_report(kees(), period.clone()), "forbidden").await;
    rejects(
        hub.hub_report_markdown(kees(), period.clone(), None),
        "forbidden",
    )
    .await;
    rejects(
        hub.hub_report_html(kees(), period.clone(), None),
        "forbidden",
    )
    .await;
    let bad = rejects(
        hub.hub_report_html(coordinator(), period.clone(), Some(s("de"))),
        "validation",
    )
    .await;
    assert_eq!(prop(&bad, "field").as_deref(), Some("lang"));
    let backwards = js(json!({ "from": "2026-03-31", "to": "2026-02-01" }));
    let bad = rejects(hub.hub_report(coordinator(), backwards), "validation").await;
    assert_eq!(prop(&bad, "field").as_deref(), Some("period"));
    let typo = js(json!({ "start": "2026-02-01", "end": "2026-03-31" }));
    let bad = rejects(hub.hub_report(coordinator(), typo), "validation").await;
    assert_eq!(prop(&bad, "field").as_deref(), Some("period"));
}
