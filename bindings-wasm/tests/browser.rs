//! The JavaScript-facing API in headless Chromium: every `#[wasm_bindgen]`
//! method is called with plain JS objects, as a web page would, and bad input
//! must reject with a real `Error` carrying the right `code` and change nothing.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p kringloop-wasm --target wasm32-unknown-unknown`

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use js_sys::{JSON, Promise, Reflect};
use kringloop_wasm::{Hub, labels, vocabulary_names};
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

/// Awaits a rejection and checks it is a real `Error` with `code`; returns
/// the error for further checks.
async fn rejects(p: Promise, code: &str) -> JsValue {
    let e = match JsFuture::from(p).await {
        Ok(v) => panic!("expected a {code} error, got {}", rs(&v)),
        Err(e) => e,
    };
    check_error(&e, code);
    e
}

fn check_error(e: &JsValue, code: &str) {
    assert!(e.is_instance_of::<js_sys::Error>(), "not an Error: {e:?}");
    let err: &js_sys::Error = e.unchecked_ref();
    assert_eq!(String::from(err.name()), "KringloopError");
    assert_eq!(
        prop(e, "code").as_deref(),
        Some(code),
        "message: {}",
        String::from(err.message())
    );
    assert!(!String::from(err.message()).is_empty());
}

fn coordinator() -> JsValue {
    js(json!({ "name": "anna", "role": "coordinator" }))
}

fn admin() -> JsValue {
    js(json!({ "name": "beheer", "role": "admin" }))
}

fn researcher() -> JsValue {
    js(json!({ "name": "onderzoek", "role": "researcher" }))
}

fn volunteer_actor(id: &str) -> JsValue {
    js(json!({ "name": "bea", "role": "volunteer", "volunteerId": id }))
}

fn s(v: &str) -> JsValue {
    JsValue::from_str(v)
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

async fn register(hub: &Hub, name: &str) -> Value {
    ok(hub.register_volunteer(
        coordinator(),
        js(json!({
            "displayName": name,
            "status": "active",
            "startDate": "2025-01-06",
            "roles": ["cashier", "shop_floor"],
            "vogDate": "2023-03-20",
        })),
    ))
    .await
}

fn shift(v: &Value, date: &str, start: &str, end: &str) -> JsValue {
    js(
        json!({ "volunteerId": v["id"], "role": "cashier", "date": date, "start": start, "end": end }),
    )
}

#[wasm_bindgen_test]
async fn open_labels_and_clock() {
    let hub = open().await;
    assert_eq!(hub.slug(), "oude-bieb");
    assert_eq!(hub.id().len(), 36);

    let roles = rs(&labels(s("volunteer_role")).unwrap());
    assert_eq!(roles.as_array().unwrap().len(), 7);
    assert_eq!(
        roles[1],
        json!({ "code": "cashier", "nl": "kassa", "en": "cashier" })
    );
    assert!(vocabulary_names().contains(&"volunteer_status".to_string()));
    let e = labels(s("colours")).unwrap_err();
    check_error(&e, "validation");
    assert_eq!(prop(&e, "field").as_deref(), Some("vocabulary"));

    // The fixed clock decides "today" (the default start date) and moves on request.
    let v = ok(hub.register_volunteer(coordinator(), js(json!({ "displayName": "Cor" })))).await;
    assert_eq!(v["startDate"], "2026-03-02");
    assert_eq!(v["status"], "prospect");
    hub.set_now("2026-04-01T09:00:00Z").unwrap();
    let v = ok(hub.register_volunteer(coordinator(), js(json!({ "displayName": "Dirk" })))).await;
    assert_eq!(v["startDate"], "2026-04-01");
    check_error(&hub.set_now("next tuesday").unwrap_err(), "validation");

    // Bad URLs and options are validation errors; a system-clock hub cannot be moved.
    let e = Hub::open("sqlite:hub.db".into(), "x".into(), None)
        .await
        .err()
        .unwrap();
    check_error(&e, "validation");
    assert_eq!(prop(&e, "field").as_deref(), Some("url"));
    let e = Hub::open(
        "memory:".into(),
        "x".into(),
        Some(js(json!({ "now": "soon" }))),
    )
    .await
    .err()
    .unwrap();
    assert_eq!(prop(&e, "field").as_deref(), Some("now"));
    let e = Hub::open(
        "memory:".into(),
        "x".into(),
        Some(js(json!({ "later": 1 }))),
    )
    .await
    .err()
    .unwrap();
    check_error(&e, "validation");
    let live = Hub::open("memory:".into(), "live".into(), None)
        .await
        .unwrap();
    check_error(&live.set_now(NOW).unwrap_err(), "validation");
}

#[wasm_bindgen_test]
async fn volunteers_through_js() {
    let hub = open().await;
    let bea = register(&hub, "Bea").await;
    assert_eq!(bea["displayName"], "Bea");
    assert_eq!(bea["roles"], json!(["shop_floor", "cashier"]));
    assert_eq!(bea["version"], 1);
    assert_eq!(bea["contact"], Value::Null);
    let id = bea["id"].as_str().unwrap().to_string();

    let got = ok(hub.volunteer(coordinator(), s(&id))).await;
    assert_eq!(got, bea);
    // A volunteer reads their own record, not someone else's.
    let own = ok(hub.volunteer(volunteer_actor(&id), s(&id))).await;
    assert_eq!(own["id"], bea["id"]);
    let cor = register(&hub, "Cor").await;
    rejects(
        hub.volunteer(volunteer_actor(&id), s(cor["id"].as_str().unwrap())),
        "forbidden",
    )
    .await;

    let updated = ok(hub.update_volunteer(
        coordinator(),
        s(&id),
        js(json!({ "contact": "bea@example.nl", "skills": ["kassa"] })),
    ))
    .await;
    assert_eq!(updated["contact"], "bea@example.nl");
    assert_eq!(updated["version"], 2);
    let cleared =
        ok(hub.update_volunteer(coordinator(), s(&id), js(json!({ "contact": null })))).await;
    assert_eq!(cleared["contact"], Value::Null);
    assert_eq!(cleared["skills"], json!(["kassa"]));

    let paused = ok(hub.change_volunteer_status(
        coordinator(),
        s(&id),
        s("paused"),
        Some(js(json!({ "reason": "op vakantie", "on": "2026-03-01" }))),
    ))
    .await;
    assert_eq!(paused["status"], "paused");
    assert_eq!(paused["statusSince"], "2026-03-01");
    assert_eq!(paused["statusReason"], "op vakantie");

    let all = ok(hub.volunteers(coordinator(), None)).await;
    let names: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["displayName"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Bea", "Cor"]);
    let only_paused =
        ok(hub.volunteers(coordinator(), Some(js(json!({ "status": "paused" }))))).await;
    assert_eq!(only_paused.as_array().unwrap().len(), 1);
    let back = ok(hub.change_volunteer_status(coordinator(), s(&id), s("active"), None)).await;
    assert_eq!(back["statusSince"], "2026-03-02");
}

#[wasm_bindgen_test]
async fn shifts_roster_hours_and_journal_through_js() {
    let hub = open().await;
    let slots = ok(hub.set_opening_hours(
        coordinator(),
        js(json!([
            { "weekday": "tuesday", "start": "10:00", "end": "17:00", "staffing": { "cashier": 1 } },
            { "weekday": "monday", "start": "10:00", "end": "17:00", "staffing": { "cashier": 1, "shop_floor": 2 } },
        ])),
    ))
    .await;
    assert_eq!(slots[0]["weekday"], "monday");
    assert_eq!(
        slots[0]["staffing"],
        json!({ "shop_floor": 2, "cashier": 1 })
    );
    assert_eq!(ok(hub.opening_hours(researcher())).await, slots);

    let bea = register(&hub, "Bea").await;
    let planned =
        ok(hub.plan_shift(coordinator(), shift(&bea, "2026-03-03", "10:00", "13:00"))).await;
    assert_eq!(planned["status"], "planned");
    assert_eq!(planned["start"], "10:00");
    assert_eq!(planned["end"], "13:00");
    assert_eq!(planned["note"], Value::Null);

    let gaps = ok(hub.roster_gaps(
        coordinator(),
        js(json!({ "from": "2026-03-03", "to": "2026-03-03" })),
    ))
    .await;
    assert_eq!(
        gaps,
        json!([{ "date": "2026-03-03", "start": "13:00", "end": "17:00", "role": "cashier", "required": 1, "planned": 0, "candidates": [] }])
    );

    // Seven worked days of eight hours pass the 50-hour milestone.
    for day in 23..=27 {
        ok(hub.record_shift(
            coordinator(),
            shift(&bea, &format!("2026-02-{day}"), "09:00", "17:00"),
        ))
        .await;
    }
    for day in ["2026-03-01", "2026-03-02"] {
        ok(hub.record_shift(coordinator(), shift(&bea, day, "09:00", "17:00"))).await;
    }
    // The shift on Tuesday can be completed once Tuesday has come.
    hub.set_now("2026-03-03T18:00:00Z").unwrap();
    let done = ok(hub.complete_shift(
        coordinator(),
        s(planned["id"].as_str().unwrap()),
        Some(js(json!({ "start": "10:00", "end": "12:00" }))),
    ))
    .await;
    assert_eq!(done["status"], "worked");
    assert_eq!(done["end"], "12:00");

    let extra =
        ok(hub.plan_shift(coordinator(), shift(&bea, "2026-03-10", "10:00", "12:00"))).await;
    let cancelled = ok(hub.cancel_shift(
        coordinator(),
        s(extra["id"].as_str().unwrap()),
        Some(js(json!({ "reason": "ziek" }))),
    ))
    .await;
    assert_eq!(cancelled["status"], "cancelled");

    let march = js(json!({ "from": "2026-03-01", "to": "2026-03-31" }));
    let live = ok(hub.shifts(coordinator(), march.clone())).await;
    assert_eq!(live.as_array().unwrap().len(), 3);
    let with_cancelled = ok(hub.shifts(
        coordinator(),
        js(json!({ "from": "2026-03-01", "to": "2026-03-31", "volunteerId": bea["id"], "includeCancelled": true })),
    ))
    .await;
    assert_eq!(with_cancelled.as_array().unwrap().len(), 4);

    let hours = ok(hub.hours_by_volunteer(coordinator(), march.clone())).await;
    assert_eq!(
        hours,
        json!([{ "volunteerId": bea["id"], "displayName": "Bea", "minutes": 2 * 480 + 120, "shifts": 3 }])
    );
    let by_role = ok(hub.hours_by_role(researcher(), march.clone())).await;
    assert_eq!(
        by_role,
        json!([{ "role": "cashier", "minutes": 1080, "shifts": 3 }])
    );
    let milestones = ok(hub.milestones(coordinator(), march)).await;
    assert_eq!(milestones[0]["milestoneHours"], 50);
    assert_eq!(milestones[0]["totalMinutes"], 7 * 480 + 120);

    // VOG of 2023-03-20 expires 2026-03-20: within 30 days, not within 10.
    let vog = ok(hub.vog_expiring(coordinator(), JsValue::from(30))).await;
    assert_eq!(vog[0]["state"], "expiring");
    assert_eq!(vog[0]["expiresOn"], "2026-03-20");
    assert_eq!(
        ok(hub.vog_expiring(coordinator(), JsValue::from(10))).await,
        json!([])
    );

    let journal = ok(hub.journal(admin(), None)).await;
    let actions: Vec<&str> = journal
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions[0], "hub.opening_hours_set");
    assert_eq!(actions.last(), Some(&"shift.cancelled"));
    assert_eq!(journal[0]["seq"], 1);
    assert_eq!(journal[0]["actor"], "anna");
    let page = ok(hub.journal(admin(), Some(js(json!({ "after": 1, "limit": 2 }))))).await;
    assert_eq!(page.as_array().unwrap().len(), 2);
    assert_eq!(page[0]["seq"], 2);
}

/// Everything a bad call could have touched, to prove it touched nothing.
async fn snapshot(hub: &Hub) -> Value {
    json!({
        "journal": ok(hub.journal(admin(), None)).await,
        "volunteers": ok(hub.volunteers(coordinator(), None)).await,
        "shifts": ok(hub.shifts(admin(), js(json!({ "from": "2026-01-01", "to": "2026-12-31", "includeCancelled": true })))).await,
        "hours": ok(hub.opening_hours(admin())).await,
    })
}

#[wasm_bindgen_test]
async fn bad_input_rejects_with_a_code_and_changes_nothing() {
    let hub = open().await;
    let bea = register(&hub, "Bea").await;
    let id = bea["id"].as_str().unwrap().to_string();
    let planned =
        ok(hub.plan_shift(coordinator(), shift(&bea, "2026-03-03", "10:00", "13:00"))).await;
    let shift_id = planned["id"].as_str().unwrap().to_string();
    let worked =
        ok(hub.record_shift(coordinator(), shift(&bea, "2026-03-02", "09:00", "10:00"))).await;
    let worked_id = worked["id"].as_str().unwrap().to_string();
    let before = snapshot(&hub).await;

    // Empty name.
    let e = rejects(
        hub.register_volunteer(coordinator(), js(json!({ "displayName": "  " }))),
        "validation",
    )
    .await;
    assert_eq!(prop(&e, "field").as_deref(), Some("displayName"));
    let e = rejects(
        hub.update_volunteer(coordinator(), s(&id), js(json!({ "displayName": "" }))),
        "validation",
    )
    .await;
    assert_eq!(prop(&e, "field").as_deref(), Some("displayName"));
    // End before start: in a new shift, in the times worked, in a period.
    rejects(
        hub.plan_shift(coordinator(), shift(&bea, "2026-03-04", "13:00", "10:00")),
        "validation",
    )
    .await;
    let e = rejects(
        hub.complete_shift(
            coordinator(),
            s(&shift_id),
            Some(js(json!({ "start": "13:00", "end": "10:00" }))),
        ),
        "validation",
    )
    .await;
    assert_eq!(prop(&e, "field").as_deref(), Some("end"));
    let e = rejects(
        hub.complete_shift(
            coordinator(),
            s(&shift_id),
            Some(js(json!({ "start": "10:00" }))),
        ),
        "validation",
    )
    .await;
    assert_eq!(prop(&e, "field").as_deref(), Some("end"));
    let e = rejects(
        hub.hours_by_role(
            admin(),
            js(json!({ "from": "2026-03-31", "to": "2026-03-01" })),
        ),
        "validation",
    )
    .await;
    assert_eq!(prop(&e, "field").as_deref(), Some("period"));
    // Overlapping shift.
    rejects(
        hub.plan_shift(coordinator(), shift(&bea, "2026-03-03", "12:00", "14:00")),
        "conflict",
    )
    .await;
    // Unknown ids, and ids that are no ids.
    let unknown = "01890000-0000-7000-8000-000000000000";
    let e = rejects(hub.volunteer(coordinator(), s(unknown)), "not_found").await;
    assert_eq!(prop(&e, "entity").as_deref(), Some("volunteer"));
    assert_eq!(prop(&e, "id").as_deref(), Some(unknown));
    rejects(
        hub.update_volunteer(coordinator(), s(unknown), js(json!({ "contact": null }))),
        "not_found",
    )
    .await;
    rejects(
        hub.cancel_shift(coordinator(), s(unknown), None),
        "not_found",
    )
    .await;
    let e = rejects(hub.volunteer(coordinator(), s("bea")), "validation").await;
    assert_eq!(prop(&e, "field").as_deref(), Some("volunteerId"));
    rejects(
        hub.volunteer(coordinator(), JsValue::from(42)),
        "validation",
    )
    .await;
    // Illegal status changes.
    rejects(
        hub.change_volunteer_status(
            coordinator(),
            s(&id),
            s("prospect"),
            Some(js(json!({ "reason": "x" }))),
        ),
        "conflict",
    )
    .await;
    rejects(
        hub.change_volunteer_status(coordinator(), s(&id), s("active"), None),
        "conflict",
    )
    .await;
    let e = rejects(
        hub.change_volunteer_status(coordinator(), s(&id), s("left"), None),
        "validation",
    )
    .await;
    assert_eq!(prop(&e, "field").as_deref(), Some("reason"));
    rejects(
        hub.change_volunteer_status(coordinator(), s(&id), s("gone"), None),
        "validation",
    )
    .await;
    rejects(
        hub.cancel_shift(coordinator(), s(&worked_id), None),
        "conflict",
    )
    .await;
    rejects(
        hub.complete_shift(coordinator(), s(&worked_id), None),
        "conflict",
    )
    .await;
    // Forbidden roles.
    rejects(
        hub.register_volunteer(researcher(), js(json!({ "displayName": "Eva" }))),
        "forbidden",
    )
    .await;
    rejects(
        hub.register_volunteer(volunteer_actor(&id), js(json!({ "displayName": "Eva" }))),
        "forbidden",
    )
    .await;
    rejects(
        hub.plan_shift(
            volunteer_actor(&id),
            shift(&bea, "2026-03-05", "10:00", "12:00"),
        ),
        "forbidden",
    )
    .await;
    rejects(hub.volunteers(researcher(), None), "forbidden").await;
    rejects(hub.journal(coordinator(), None), "forbidden").await;
    rejects(
        hub.set_opening_hours(volunteer_actor(&id), js(json!([]))),
        "forbidden",
    )
    .await;
    // Malformed actors and inputs.
    let e = rejects(
        hub.volunteers(js(json!({ "name": "x", "role": "king" })), None),
        "validation",
    )
    .await;
    assert_eq!(prop(&e, "field").as_deref(), Some("actor"));
    rejects(
        hub.volunteers(js(json!({ "name": "", "role": "admin" })), None),
        "validation",
    )
    .await;
    rejects(hub.volunteers(JsValue::UNDEFINED, None), "validation").await;
    rejects(
        hub.register_volunteer(
            coordinator(),
            js(json!({ "displayName": "Eva", "shoeSize": 43 })),
        ),
        "validation",
    )
    .await;
    rejects(
        hub.register_volunteer(
            coordinator(),
            js(json!({ "displayName": "Eva", "roles": ["juggler"] })),
        ),
        "validation",
    )
    .await;
    rejects(
        hub.register_volunteer(
            coordinator(),
            js(json!({ "displayName": "Eva", "vogDate": "2030-01-01" })),
        ),
        "validation",
    )
    .await;
    rejects(
        hub.plan_shift(coordinator(), shift(&bea, "2026-02-30", "10:00", "12:00")),
        "validation",
    )
    .await;
    rejects(
        hub.set_opening_hours(
            coordinator(),
            js(json!([{ "weekday": "monday", "start": "10:00", "end": "12:00", "staffing": {} }])),
        ),
        "validation",
    )
    .await;
    let e = rejects(
        hub.vog_expiring(coordinator(), JsValue::from(-1)),
        "validation",
    )
    .await;
    assert_eq!(prop(&e, "field").as_deref(), Some("withinDays"));
    rejects(
        hub.vog_expiring(coordinator(), JsValue::from(5000)),
        "validation",
    )
    .await;
    let e = rejects(
        hub.journal(admin(), Some(js(json!({ "limit": 0 })))),
        "validation",
    )
    .await;
    assert_eq!(prop(&e, "field").as_deref(), Some("limit"));
    rejects(
        hub.roster_gaps(
            coordinator(),
            js(json!({ "from": "2026-01-01", "to": "2026-12-31" })),
        ),
        "validation",
    )
    .await;

    assert_eq!(
        snapshot(&hub).await,
        before,
        "a refused call changed something"
    );
}
