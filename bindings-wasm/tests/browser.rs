//! The JavaScript-facing API in headless Chromium: every `#[wasm_bindgen]`
//! method is called with plain JS objects, as a web page would, and bad input
//! must reject with a real `Error` carrying the right `code` and change nothing.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p kringloop-wasm --target wasm32-unknown-unknown`

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(feature = "shop")]

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

// ---------------------------------------------------------------- stock

fn cashier() -> JsValue {
    js(json!({ "name": "kees", "role": "volunteer" }))
}

fn id_of(v: &Value) -> JsValue {
    s(v["id"].as_str().unwrap())
}

fn line(item: &Value, quantity: u32) -> Value {
    json!({ "itemId": item["id"], "quantity": quantity })
}

/// Four lots on the shelf: a coat (clothing b, € 3), three pans (household b,
/// € 2), four cups (crockery b, € 1,50) and a clock at € 19,99 (rounded to
/// € 20 under the standard policy's 50-cent step).
async fn shelf(hub: &Hub) -> Vec<Value> {
    let items = ok(hub.take_in_batch(
        cashier(),
        js(json!([
            { "category": "clothing", "description": "winterjas", "condition": "b", "quantity": 3, "weightGrams": 1000 },
            { "category": "household", "description": "steelpan", "condition": "b", "quantity": 3, "weightGrams": 800 },
            { "category": "crockery", "description": "kopje", "condition": "b", "quantity": 4, "weightGrams": 200 },
            { "category": "other", "description": "klok", "condition": "a", "weightGrams": 500, "priceOverride": 1999 },
        ])),
    ))
    .await;
    items.as_array().unwrap().clone()
}

#[wasm_bindgen_test]
async fn intake_price_tags_and_moves_through_js() {
    let hub = open().await;
    let coat = ok(hub.take_in(
        cashier(),
        js(
            json!({ "category": "clothing", "description": "winterjas", "condition": "b",
                   "weightGrams": 1200, "donor": "household" }),
        ),
    ))
    .await;
    let id = coat["id"].as_str().unwrap();
    assert_eq!(id.len(), 36);
    assert_eq!(
        coat,
        json!({ "id": id, "category": "clothing", "description": "winterjas", "condition": "b",
                "quantity": 1, "weightGrams": 1200, "donor": "household",
                "intakeDate": "2026-03-02", "priceOverride": null })
    );
    let view = ok(hub.item(cashier(), id_of(&coat))).await;
    assert_eq!(view["onHand"], 1);
    assert_eq!(view["manualPrice"], Value::Null);
    assert_eq!(
        view["description"], "winterjas",
        "the item is flattened into the view"
    );
    assert_eq!(
        view["tag"],
        json!({ "base": 300, "percentOff": 0, "colour": "white", "price": 300 })
    );

    // Five weeks old: yellow, 25 % off € 5 is € 3,75, rounded (halves up) to € 4.
    let old = ok(hub.take_in(
        cashier(),
        js(
            json!({ "category": "clothing", "description": "jurk", "condition": "a",
                   "weightGrams": 400, "intakeDate": "2026-01-26" }),
        ),
    ))
    .await;
    assert_eq!(
        ok(hub.item(cashier(), id_of(&old))).await["tag"],
        json!({ "base": 500, "percentOff": 25, "colour": "yellow", "price": 400 })
    );

    let batch = ok(hub.take_in_batch(
        cashier(),
        js(json!([
            { "category": "books", "description": "roman", "condition": "a", "quantity": 10, "weightGrams": 300 },
            { "category": "furniture", "description": "kast", "condition": "c", "weightGrams": 20000,
              "intakeDate": "2025-12-01", "donor": "clearance" },
        ])),
    ))
    .await;
    let books = &batch[0];
    assert_eq!(books["quantity"], 10);
    assert_eq!(batch.as_array().unwrap().len(), 2);
    // Thirteen weeks old: red, 75 % off € 10.
    let kast = ok(hub.item(cashier(), id_of(&batch[1]))).await;
    assert_eq!(
        kast["tag"],
        json!({ "base": 1000, "percentOff": 75, "colour": "red", "price": 250 })
    );

    // Markdown: a manual price is final and has no colour.
    let md = ok(hub.record_move(
        cashier(),
        js(json!({ "itemId": books["id"], "kind": "markdown", "unitPrice": 150 })),
    ))
    .await;
    assert_eq!(
        (&md["kind"], &md["quantity"], &md["unitPrice"]),
        (&json!("markdown"), &json!(0), &json!(150))
    );
    let discard = ok(hub.record_move(
        cashier(),
        js(json!({ "itemId": books["id"], "kind": "discard", "quantity": 2, "reason": "schimmel" })),
    ))
    .await;
    assert_eq!(discard["quantity"], -2, "a discard removes units");
    assert_eq!(discard["reason"], "schimmel");
    assert_eq!(discard["date"], "2026-03-02");
    assert_eq!(discard["at"], NOW);
    assert_eq!(discard["actor"], "kees");
    ok(hub.record_move(
        cashier(),
        js(json!({ "itemId": books["id"], "kind": "correction", "quantity": 1, "reason": "telfout" })),
    ))
    .await;
    let view = ok(hub.item(cashier(), id_of(books))).await;
    assert_eq!(view["onHand"], 9);
    assert_eq!(view["manualPrice"], 150);
    assert_eq!(
        view["tag"],
        json!({ "base": 150, "percentOff": 0, "colour": null, "price": 150 })
    );
    let moves = ok(hub.moves(cashier(), id_of(books))).await;
    let kinds: Vec<(&str, i64)> = moves
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["kind"].as_str().unwrap(), m["quantity"].as_i64().unwrap()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("intake", 10),
            ("markdown", 0),
            ("discard", -2),
            ("correction", 1)
        ]
    );
    assert_eq!(moves[0]["saleId"], Value::Null);

    // Ageing: in stock and taken in more than four weeks ago, oldest first.
    let aged = ok(hub.ageing(cashier(), js(json!({ "weeks": 4 })))).await;
    let names: Vec<&str> = aged
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["description"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["kast", "jurk"]);
    assert_eq!(aged[0]["tag"]["colour"], "red");
    let one = ok(hub.ageing(cashier(), js(json!({ "weeks": 4, "limit": 1 })))).await;
    assert_eq!(one.as_array().unwrap().len(), 1);

    // The code lists of the shop.
    assert_eq!(
        rs(&labels(s("category")).unwrap())
            .as_array()
            .unwrap()
            .len(),
        8
    );
    assert_eq!(
        rs(&labels(s("payment_method")).unwrap())[1],
        json!({ "code": "card", "nl": "pin", "en": "card" })
    );
    let names = vocabulary_names();
    for v in [
        "category",
        "condition",
        "donor_kind",
        "move_kind",
        "payment_method",
        "tag_colour",
        "bucket",
    ] {
        assert!(names.contains(&v.to_string()), "{v} missing from {names:?}");
    }
}

#[wasm_bindgen_test]
async fn in_stock_and_suggested_price_through_js() {
    let hub = open().await;
    let items = shelf(&hub).await;
    ok(hub.checkout(
        cashier(),
        js(json!({ "till": "kassa-1", "payment": "card", "lines": [line(&items[3], 1)] })),
    ))
    .await;
    // today's lots, the sold-out clock left out, with their tags
    let listed = ok(hub.in_stock(cashier(), None)).await;
    let got: Vec<(Value, Value, Value)> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["description"].clone(),
                i["onHand"].clone(),
                i["tag"]["price"].clone(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (json!("winterjas"), json!(3), json!(300)),
            (json!("steelpan"), json!(3), json!(200)),
            (json!("kopje"), json!(4), json!(150)),
        ]
    );
    let one = ok(hub.in_stock(cashier(), Some(js(json!({ "limit": 1 }))))).await;
    assert_eq!(one.as_array().unwrap().len(), 1);
    let e = rejects(
        hub.in_stock(cashier(), Some(js(json!({ "limit": 0 })))),
        "validation",
    )
    .await;
    assert_eq!(prop(&e, "field").as_deref(), Some("limit"));
    rejects(
        hub.in_stock(cashier(), Some(js(json!({ "max": 3 })))),
        "validation",
    )
    .await;

    let journal = ok(hub.journal(admin(), None)).await;
    let tag = ok(hub.suggest_price(
        cashier(),
        js(json!({ "category": "crockery", "condition": "b" })),
    ))
    .await;
    assert_eq!(
        tag,
        json!({ "base": 150, "percentOff": 0, "colour": "white", "price": 150 })
    );
    let fixed = ok(hub.suggest_price(
        cashier(),
        js(json!({ "category": "other", "condition": "a", "priceOverride": 2499 })),
    ))
    .await;
    assert_eq!(fixed["price"], json!(2499));
    let e = rejects(
        hub.suggest_price(
            cashier(),
            js(json!({ "category": "other", "condition": "a", "priceOverride": -5 })),
        ),
        "validation",
    )
    .await;
    assert_eq!(prop(&e, "field").as_deref(), Some("priceOverride"));
    rejects(
        hub.suggest_price(
            cashier(),
            js(json!({ "category": "boats", "condition": "a" })),
        ),
        "validation",
    )
    .await;
    assert_eq!(
        ok(hub.journal(admin(), None)).await,
        journal,
        "writes nothing"
    );
}

#[wasm_bindgen_test]
async fn pricing_policy_through_js() {
    let hub = open().await;
    let standard = ok(hub.pricing_policy(researcher())).await;
    assert_eq!(standard["roundingStep"], 50);
    assert_eq!(standard["cityPassDiscountPercent"], 25);
    assert_eq!(standard["basePrices"].as_array().unwrap().len(), 24);
    assert_eq!(
        standard["markdown"][1],
        json!({ "fromWeek": 4, "percentOff": 25, "colour": "yellow" })
    );

    let mut mine = standard.clone();
    mine["roundingStep"] = json!(10);
    mine["cityPassDiscountPercent"] = json!(50);
    let set = ok(hub.set_pricing_policy(coordinator(), js(mine.clone()))).await;
    assert_eq!(set, mine);
    assert_eq!(ok(hub.pricing_policy(cashier())).await, mine);

    rejects(
        hub.set_pricing_policy(cashier(), js(standard.clone())),
        "forbidden",
    )
    .await;
    rejects(
        hub.set_pricing_policy(researcher(), js(standard.clone())),
        "forbidden",
    )
    .await;
    let mut bad = standard.clone();
    bad["roundingStep"] = json!(0);
    let e = rejects(hub.set_pricing_policy(coordinator(), js(bad)), "validation").await;
    assert_eq!(prop(&e, "field").as_deref(), Some("roundingStep"));
    let mut bad = standard.clone();
    bad["basePrices"].as_array_mut().unwrap().pop();
    let e = rejects(hub.set_pricing_policy(coordinator(), js(bad)), "validation").await;
    assert_eq!(prop(&e, "field").as_deref(), Some("basePrices"));
    let mut bad = standard.clone();
    bad["basePrices"][0]["price"] = json!(-100);
    let e = rejects(hub.set_pricing_policy(coordinator(), js(bad)), "validation").await;
    assert_eq!(prop(&e, "field").as_deref(), Some("basePrices"));
    let mut bad = standard.clone();
    bad["colours"] = json!([]);
    let e = rejects(hub.set_pricing_policy(coordinator(), js(bad)), "validation").await;
    assert_eq!(prop(&e, "field").as_deref(), Some("policy"));
    assert_eq!(
        ok(hub.pricing_policy(cashier())).await,
        mine,
        "refusals changed the policy"
    );
}

#[wasm_bindgen_test]
async fn checkout_refund_cash_up_and_reports_through_js() {
    let hub = open().await;
    let items = shelf(&hub).await;
    let (coat, pan, cup, clock) = (&items[0], &items[1], &items[2], &items[3]);

    // Card, no pass: exact.
    let card = ok(hub.checkout(
        cashier(),
        js(json!({ "till": "kassa-1", "payment": "card", "lines": [line(coat, 1), line(pan, 1)] })),
    ))
    .await;
    assert_eq!(
        (
            &card["subtotal"],
            &card["discount"],
            &card["rounding"],
            &card["total"]
        ),
        (&json!(500), &json!(0), &json!(0), &json!(500))
    );
    assert_eq!(card["till"], "kassa-1");
    assert_eq!(card["at"], NOW);
    assert_eq!(card["date"], "2026-03-02");
    assert_eq!(card["actor"], "kees");
    assert_eq!(card["cityPass"], false);
    assert_eq!(card["reverses"], Value::Null);
    assert_eq!(
        card["lines"][0],
        json!({ "itemId": coat["id"], "category": "clothing", "quantity": 1, "unitPrice": 300,
                "lineTotal": 300, "net": 300, "weightGrams": 1000 })
    );

    // Cash with a city pass: € 6,50 − 25 % (€ 1,625 → € 1,63) = € 4,87 → € 4,85.
    let basket = |payment: &str| {
        js(
            json!({ "till": "kassa-1", "payment": payment, "cityPass": true,
                   "lines": [line(coat, 1), line(pan, 1), line(cup, 1)] }),
        )
    };
    let cash = ok(hub.checkout(cashier(), basket("cash"))).await;
    assert_eq!(
        (
            &cash["subtotal"],
            &cash["discount"],
            &cash["rounding"],
            &cash["total"]
        ),
        (&json!(650), &json!(163), &json!(-2), &json!(485))
    );
    let nets: i64 = cash["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["net"].as_i64().unwrap())
        .sum();
    assert_eq!(nets, 485, "the lines' shares add up to the total");
    // The same basket by card: no cash rounding.
    let pass_card = ok(hub.checkout(cashier(), basket("card"))).await;
    assert_eq!(
        (
            &pass_card["discount"],
            &pass_card["rounding"],
            &pass_card["total"]
        ),
        (&json!(163), &json!(0), &json!(487))
    );
    assert_eq!(ok(hub.item(cashier(), id_of(coat))).await["onHand"], 0);
    assert_eq!(ok(hub.sale(cashier(), id_of(&cash))).await, cash);

    // More than on hand (two cups left, three asked): conflict, nothing written.
    let before = stock_snapshot(&hub, &items).await;
    let e = rejects(
        hub.checkout(
            cashier(),
            js(json!({ "till": "kassa-1", "payment": "cash", "lines": [line(clock, 1), line(cup, 3)] })),
        ),
        "conflict",
    )
    .await;
    assert!(
        String::from(e.unchecked_ref::<js_sys::Error>().message()).contains("only 2"),
        "message names what is left"
    );
    assert_eq!(
        stock_snapshot(&hub, &items).await,
        before,
        "a refused sale changed something"
    );

    // Dutch rounding up: at a 1-cent step the clock costs € 19,99; cash pays € 20,00.
    let mut policy = ok(hub.pricing_policy(coordinator())).await;
    policy["roundingStep"] = json!(1);
    ok(hub.set_pricing_policy(coordinator(), js(policy))).await;
    let up = ok(hub.checkout(
        cashier(),
        js(json!({ "till": "kassa-1", "payment": "cash", "lines": [line(clock, 1)] })),
    ))
    .await;
    assert_eq!(
        (&up["subtotal"], &up["rounding"], &up["total"]),
        (&json!(1999), &json!(1), &json!(2000))
    );

    // Refund one coat of the cash pass sale: at the price charged, with the
    // pass share (−€ 3,00 + € 0,75), paid back in cash.
    let refund = ok(hub.refund(
        cashier(),
        js(
            json!({ "saleId": cash["id"], "till": "kassa-1", "payment": "cash",
                   "lines": [line(coat, 1)] }),
        ),
    ))
    .await;
    assert_eq!(refund["reverses"], cash["id"]);
    assert_eq!(refund["cityPass"], true);
    assert_eq!(refund["lines"][0]["quantity"], -1);
    assert_eq!(refund["lines"][0]["unitPrice"], 300);
    assert_eq!(
        (&refund["subtotal"], &refund["discount"], &refund["total"]),
        (&json!(-300), &json!(-76), &json!(-225))
    );
    assert_eq!(ok(hub.item(cashier(), id_of(coat))).await["onHand"], 1);
    let coat_moves = ok(hub.moves(cashier(), id_of(coat))).await;
    let last = coat_moves.as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (&last["kind"], &last["quantity"], &last["saleId"]),
        (&json!("return"), &json!(1), &refund["id"])
    );
    // Over-refund: the coat is back already; two cups were never sold here.
    let before = stock_snapshot(&hub, &items).await;
    rejects(
        hub.refund(
            cashier(),
            js(json!({ "saleId": cash["id"], "till": "kassa-1", "payment": "cash", "lines": [line(coat, 1)] })),
        ),
        "conflict",
    )
    .await;
    rejects(
        hub.refund(
            cashier(),
            js(json!({ "saleId": cash["id"], "till": "kassa-1", "payment": "cash", "lines": [line(cup, 2)] })),
        ),
        "conflict",
    )
    .await;
    rejects(
        hub.refund(
            cashier(),
            js(json!({ "saleId": refund["id"], "till": "kassa-1", "payment": "cash" })),
        ),
        "conflict",
    )
    .await;
    let e = rejects(
        hub.refund(
            cashier(),
            js(json!({ "saleId": "01890000-0000-7000-8000-000000000000", "till": "kassa-1", "payment": "card" })),
        ),
        "not_found",
    )
    .await;
    assert_eq!(prop(&e, "entity").as_deref(), Some("sale"));
    assert_eq!(
        stock_snapshot(&hub, &items).await,
        before,
        "a refused refund changed something"
    );
    // No lines: the whole (card) sale.
    let whole = ok(hub.refund(
        cashier(),
        js(json!({ "saleId": card["id"], "till": "kassa-2", "payment": "card" })),
    ))
    .await;
    assert_eq!(whole["total"], -500);
    assert_eq!(whole["lines"].as_array().unwrap().len(), 2);

    // Cash-up of kassa-1: € 50 float + € 4,85 + € 20,00 − € 2,25 = € 72,60 expected.
    let cu = ok(hub.cash_up(
        cashier(),
        js(json!({ "till": "kassa-1", "openingFloat": 5000, "counted": 7250 })),
    ))
    .await;
    assert_eq!(
        (
            &cu["cashSales"],
            &cu["cashRefunds"],
            &cu["expected"],
            &cu["difference"]
        ),
        (&json!(2485), &json!(225), &json!(7260), &json!(-10))
    );
    assert_eq!(
        (&cu["date"], &cu["recordedBy"]),
        (&json!("2026-03-02"), &json!("kees"))
    );
    rejects(
        hub.cash_up(
            cashier(),
            js(json!({ "till": "kassa-1", "openingFloat": 5000, "counted": 7260 })),
        ),
        "conflict",
    )
    .await;
    let e = rejects(
        hub.cash_up(
            cashier(),
            js(json!({ "till": "kassa-2", "date": "2026-03-03", "openingFloat": 0, "counted": 0 })),
        ),
        "validation",
    )
    .await;
    assert_eq!(prop(&e, "field").as_deref(), Some("date"));
    let march = js(json!({ "from": "2026-03-01", "to": "2026-03-31" }));
    assert_eq!(
        ok(hub.cash_ups(coordinator(), march.clone())).await,
        json!([cu])
    );
    rejects(hub.cash_ups(cashier(), march.clone()), "forbidden").await;

    // Reports (researchers may read them): revenue is what was paid, refunds subtract.
    let by_day = ok(hub.sales_report(researcher(), march.clone())).await;
    let total: i64 = by_day
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["revenue"].as_i64().unwrap())
        .sum();
    assert_eq!(total, 500 + 485 + 487 + 2000 - 225 - 500);
    assert!(
        by_day
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["periodStart"] == "2026-03-02")
    );
    let clothing = by_day
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["category"] == "clothing")
        .unwrap();
    // Coats: 3 sold, 2 back (one from the pass sale, one in the whole card refund).
    assert_eq!(
        (&clothing["units"], &clothing["weightGrams"]),
        (&json!(1), &json!(1000))
    );
    let by_month = ok(hub.sales_report(
        researcher(),
        js(json!({ "from": "2026-03-01", "to": "2026-03-31", "bucket": "month" })),
    ))
    .await;
    assert_eq!(by_month[0]["periodStart"], "2026-03-01");
    let by_week = ok(hub.sales_report(
        researcher(),
        js(json!({ "from": "2026-03-01", "to": "2026-03-31", "bucket": "week" })),
    ))
    .await;
    assert_eq!(by_week[0]["periodStart"], "2026-03-02");
    let stock = ok(hub.stock_on_hand(researcher(), None)).await;
    let units: i64 = stock
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["units"].as_i64().unwrap())
        .sum();
    // Taken in 3 + 3 + 4 + 1, sold 3 + 3 + 2 + 1, returned 2 coats and 1 pan.
    assert_eq!(units, 11 - 9 + 3);
    let household = stock
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["category"] == "household")
        .unwrap();
    assert_eq!(
        household,
        &json!({ "category": "household", "colour": "white", "items": 1, "units": 1,
                 "weightGrams": 800, "value": 200 })
    );
    // Valued at later prices: in five weeks the tags are yellow.
    let later = ok(hub.stock_on_hand(researcher(), Some(js(json!({ "on": "2026-04-06" }))))).await;
    assert!(
        later
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["colour"] == "yellow")
    );

    let journal = ok(hub.journal(admin(), None)).await;
    let actions: Vec<&str> = journal
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        [
            "items.taken_in",
            "sale.made",
            "sale.made",
            "sale.made",
            "hub.pricing_policy_set",
            "sale.made",
            "sale.refunded",
            "sale.refunded",
            "till.cashed_up",
        ]
    );
}

/// Everything a refused stock call could have touched.
async fn stock_snapshot(hub: &Hub, items: &[Value]) -> Value {
    let mut views = Vec::new();
    for item in items {
        views.push(ok(hub.item(admin(), id_of(item))).await);
        views.push(ok(hub.moves(admin(), id_of(item))).await);
    }
    json!({
        "journal": ok(hub.journal(admin(), None)).await,
        "items": views,
        "stock": ok(hub.stock_on_hand(admin(), None)).await,
        "aged": ok(hub.ageing(admin(), js(json!({ "weeks": 0 })))).await,
        "sales": ok(hub.sales_report(admin(), js(json!({ "from": "2026-01-01", "to": "2026-12-31" })))).await,
        "cashUps": ok(hub.cash_ups(admin(), js(json!({ "from": "2026-01-01", "to": "2026-12-31" })))).await,
        "policy": ok(hub.pricing_policy(admin())).await,
    })
}

#[wasm_bindgen_test]
async fn bad_stock_input_rejects_with_a_code_and_changes_nothing() {
    let hub = open().await;
    let items = shelf(&hub).await;
    let (coat, cup) = (&items[0], &items[2]);
    let sold = ok(hub.checkout(
        cashier(),
        js(json!({ "till": "kassa-1", "payment": "card", "lines": [line(cup, 1)] })),
    ))
    .await;
    let before = stock_snapshot(&hub, &items).await;
    let unknown = "01890000-0000-7000-8000-000000000000";
    let item = |extra: Value| {
        let mut v = json!({ "category": "books", "description": "atlas", "condition": "a", "weightGrams": 900 });
        v.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        js(v)
    };
    let field = |e: &JsValue| prop(e, "field");

    // A researcher reads reports but cannot sell, take in, move or cash up.
    let basket = js(json!({ "till": "kassa-1", "payment": "cash", "lines": [line(coat, 1)] }));
    rejects(hub.checkout(researcher(), basket.clone()), "forbidden").await;
    rejects(hub.take_in(researcher(), item(json!({}))), "forbidden").await;
    rejects(
        hub.record_move(
            researcher(),
            js(json!({ "itemId": coat["id"], "kind": "discard", "quantity": 1 })),
        ),
        "forbidden",
    )
    .await;
    rejects(
        hub.refund(
            researcher(),
            js(json!({ "saleId": sold["id"], "till": "kassa-1", "payment": "card" })),
        ),
        "forbidden",
    )
    .await;
    rejects(
        hub.cash_up(
            researcher(),
            js(json!({ "till": "kassa-1", "openingFloat": 0, "counted": 0 })),
        ),
        "forbidden",
    )
    .await;
    rejects(hub.item(researcher(), id_of(coat)), "forbidden").await;

    // Zero quantities.
    let e = rejects(
        hub.take_in(cashier(), item(json!({ "quantity": 0 }))),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("quantity"));
    let e = rejects(
        hub.take_in_batch(
            cashier(),
            js(json!([
                rs(&item(json!({}))),
                rs(&item(json!({ "quantity": 0 })))
            ])),
        ),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("quantity"));
    assert!(
        String::from(e.unchecked_ref::<js_sys::Error>().message()).contains("item 2"),
        "the message names the bad item's position"
    );
    let e = rejects(
        hub.checkout(
            cashier(),
            js(json!({ "till": "kassa-1", "payment": "cash", "lines": [line(coat, 0)] })),
        ),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("quantity"));
    let e = rejects(
        hub.record_move(
            cashier(),
            js(json!({ "itemId": coat["id"], "kind": "discard", "quantity": 0 })),
        ),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("quantity"));
    // Unknown items and sales; ids that are no ids.
    let ghost = json!({ "id": unknown });
    let e = rejects(
        hub.checkout(
            cashier(),
            js(json!({ "till": "kassa-1", "payment": "cash", "lines": [line(coat, 1), line(&ghost, 1)] })),
        ),
        "not_found",
    )
    .await;
    assert_eq!(
        (prop(&e, "entity").as_deref(), prop(&e, "id").as_deref()),
        (Some("item"), Some(unknown))
    );
    rejects(hub.item(cashier(), s(unknown)), "not_found").await;
    rejects(hub.moves(cashier(), s(unknown)), "not_found").await;
    rejects(
        hub.record_move(
            cashier(),
            js(json!({ "itemId": unknown, "kind": "discard", "quantity": 1 })),
        ),
        "not_found",
    )
    .await;
    let e = rejects(hub.sale(cashier(), s(unknown)), "not_found").await;
    assert_eq!(prop(&e, "entity").as_deref(), Some("sale"));
    let e = rejects(hub.item(cashier(), s("jas")), "validation").await;
    assert_eq!(field(&e).as_deref(), Some("itemId"));
    let e = rejects(hub.sale(cashier(), JsValue::from(7)), "validation").await;
    assert_eq!(field(&e).as_deref(), Some("saleId"));
    // Negative prices.
    let e = rejects(
        hub.take_in(cashier(), item(json!({ "priceOverride": -100 }))),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("priceOverride"));
    let e = rejects(
        hub.record_move(
            cashier(),
            js(json!({ "itemId": coat["id"], "kind": "markdown", "unitPrice": -1 })),
        ),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("unitPrice"));
    // Money is whole cents, not euros with decimals.
    let e = rejects(
        hub.take_in(cashier(), item(json!({ "priceOverride": 2.5 }))),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("input"));
    // Empty basket, empty batch, a line twice, unknown property, unknown payment.
    let e = rejects(
        hub.checkout(
            cashier(),
            js(json!({ "till": "kassa-1", "payment": "cash", "lines": [] })),
        ),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("lines"));
    let e = rejects(hub.take_in_batch(cashier(), js(json!([]))), "validation").await;
    assert_eq!(field(&e).as_deref(), Some("items"));
    let e = rejects(
        hub.checkout(
            cashier(),
            js(json!({ "till": "kassa-1", "payment": "cash", "lines": [line(coat, 1), line(coat, 1)] })),
        ),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("lines"));
    let e = rejects(
        hub.checkout(
            cashier(),
            js(json!({ "till": "kassa-1", "payment": "cash", "citypass": true, "lines": [line(coat, 1)] })),
        ),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("basket"));
    rejects(
        hub.checkout(
            cashier(),
            js(json!({ "till": "kassa-1", "payment": "cheque", "lines": [line(coat, 1)] })),
        ),
        "validation",
    )
    .await;
    let e = rejects(
        hub.checkout(
            cashier(),
            js(json!({ "till": " ", "payment": "cash", "lines": [line(coat, 1)] })),
        ),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("till"));
    let e = rejects(
        hub.checkout(
            cashier(),
            js(json!({ "till": "kassa-1", "payment": "cash", "at": "2026-03-02T13:00:00Z", "lines": [line(coat, 1)] })),
        ),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("at"));
    // Intake and move rules.
    let e = rejects(
        hub.take_in(cashier(), item(json!({ "intakeDate": "2026-03-03" }))),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("intakeDate"));
    let e = rejects(
        hub.take_in(cashier(), item(json!({ "weightGrams": 0 }))),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("weightGrams"));
    let e = rejects(
        hub.take_in(cashier(), item(json!({ "description": "" }))),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("description"));
    let e = rejects(
        hub.record_move(
            cashier(),
            js(json!({ "itemId": coat["id"], "kind": "sale", "quantity": 1 })),
        ),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("kind"));
    let e = rejects(
        hub.record_move(
            cashier(),
            js(json!({ "itemId": coat["id"], "kind": "correction", "quantity": -1 })),
        ),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("reason"));
    rejects(
        hub.record_move(
            cashier(),
            js(json!({ "itemId": coat["id"], "kind": "transfer", "quantity": 4 })),
        ),
        "conflict",
    )
    .await;
    // Refund shape and cash-up amounts.
    let e = rejects(
        hub.refund(
            cashier(),
            js(json!({ "saleId": sold["id"], "till": "kassa-1", "payment": "card", "lines": [line(coat, 1)] })),
        ),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("lines"));
    let e = rejects(
        hub.cash_up(
            cashier(),
            js(json!({ "till": "kassa-1", "openingFloat": -1, "counted": 0 })),
        ),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("openingFloat"));
    // Report queries.
    let e = rejects(
        hub.ageing(cashier(), js(json!({ "weeks": 4, "limit": 0 }))),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("limit"));
    let e = rejects(
        hub.ageing(cashier(), js(json!({ "weeks": -1 }))),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("query"));
    let e = rejects(
        hub.sales_report(
            researcher(),
            js(json!({ "from": "2026-03-31", "to": "2026-03-01" })),
        ),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("period"));
    let e = rejects(
        hub.sales_report(
            researcher(),
            js(json!({ "from": "2026-03-01", "to": "2026-03-31", "bucket": "year" })),
        ),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("query"));
    let e = rejects(
        hub.stock_on_hand(researcher(), Some(js(json!({ "on": "morgen" })))),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("options"));

    assert_eq!(
        stock_snapshot(&hub, &items).await,
        before,
        "a refused call changed something"
    );
}

// ---------------------------------------------------------------- reuse impact

#[wasm_bindgen_test]
async fn impact_factors_through_js() {
    let hub = open().await;
    let standard = ok(hub.impact_factors(researcher())).await;
    let factors = standard.as_array().unwrap();
    let categories: Vec<&str> = factors
        .iter()
        .map(|f| f["category"].as_str().unwrap())
        .collect();
    assert_eq!(
        categories,
        [
            "books",
            "clothing",
            "crockery",
            "toys",
            "furniture",
            "electronics",
            "household",
            "other"
        ]
    );
    assert_eq!(factors[1]["gramsCo2ePerKg"], 6_100);
    assert_eq!(factors[1]["sourceDate"], "2021-01-01");
    assert!(factors[1]["source"].as_str().unwrap().contains("HUMANA"));
    assert_eq!(factors[4]["gramsCo2ePerKg"], 1_450);
    assert_eq!(factors[0]["gramsCo2ePerKg"], 1_000);
    assert_eq!(ok(hub.impact_factors(cashier())).await, standard);

    // set and read back: in any order, sorted by category, sources trimmed
    let mine = json!([
        { "category": "clothing", "gramsCo2ePerKg": 8_000, "source": "  eigen meting 2025 ", "sourceDate": "2025-06-01" },
        factors[0],
    ]);
    let set = ok(hub.set_impact_factors(coordinator(), js(mine))).await;
    assert_eq!(
        set,
        json!([
            factors[0],
            { "category": "clothing", "gramsCo2ePerKg": 8_000, "source": "eigen meting 2025", "sourceDate": "2025-06-01" },
        ])
    );
    assert_eq!(ok(hub.impact_factors(cashier())).await, set);
    assert_eq!(
        ok(hub.set_impact_factors(admin(), js(standard.clone()))).await,
        standard
    );

    // refusals change nothing
    let before = json!([
        ok(hub.impact_factors(admin())).await,
        ok(hub.journal(admin(), None)).await
    ]);
    rejects(
        hub.set_impact_factors(cashier(), js(standard.clone())),
        "forbidden",
    )
    .await;
    rejects(
        hub.set_impact_factors(researcher(), js(standard.clone())),
        "forbidden",
    )
    .await;
    let one = &factors[1];
    let with = |key: &str, value: Value| {
        let mut f = one.clone();
        f[key] = value;
        js(json!([f]))
    };
    let cases = [
        (js(json!([one, one])), "impactFactors"),
        (with("gramsCo2ePerKg", json!(200_000)), "gramsCo2ePerKg"),
        (with("source", json!(" x ")), "source"),
        (with("gramsCo2ePerKg", json!(-1)), "factors"),
        (with("category", json!("cars")), "factors"),
        (with("sourceDate", json!("gisteren")), "factors"),
        (with("surprise", json!(1)), "factors"),
        (js(one.clone()), "factors"),
    ];
    for (input, field) in cases {
        let e = rejects(hub.set_impact_factors(coordinator(), input), "validation").await;
        assert_eq!(prop(&e, "field").as_deref(), Some(field));
    }
    let e = rejects(
        hub.set_impact_factors(coordinator(), js(json!([one, one]))),
        "validation",
    )
    .await;
    assert!(
        prop(&e, "message")
            .unwrap()
            .contains("two factors for clothing")
    );
    let after = json!([
        ok(hub.impact_factors(admin())).await,
        ok(hub.journal(admin(), None)).await
    ]);
    assert_eq!(after, before, "a refused call changed something");
}

#[wasm_bindgen_test]
async fn reuse_impact_through_js() {
    let hub = open().await;
    let march = || js(json!({ "from": "2026-03-01", "to": "2026-03-31" }));
    assert_eq!(ok(hub.reuse_impact(researcher(), march())).await, json!([]));
    let items = shelf(&hub).await;
    let (coat, cup) = (&items[0], &items[2]);
    let sale = ok(hub.checkout(
        cashier(),
        js(json!({ "till": "kassa-1", "payment": "card", "lines": [line(coat, 2), line(cup, 1)] })),
    ))
    .await;
    ok(hub.refund(
        cashier(),
        js(json!({ "saleId": sale["id"], "till": "kassa-1", "payment": "card", "lines": [line(coat, 1)] })),
    ))
    .await;
    let factors = ok(hub.impact_factors(researcher())).await;
    let source = |i: usize| factors[i]["source"].clone();
    // (2 − 1 returned) coats of 1 kg × 6100 g/kg; a cup of 0.2 kg × 1000 g/kg
    assert_eq!(
        ok(hub.reuse_impact(cashier(), march())).await,
        json!([
            { "category": "clothing", "weightGrams": 1000, "gramsCo2e": 6100, "source": source(1) },
            { "category": "crockery", "weightGrams": 200, "gramsCo2e": 200, "source": source(2) },
        ])
    );
    // a category without a factor gets no CO2e figure and no source
    ok(hub.set_impact_factors(coordinator(), js(json!([factors[1]])))).await;
    assert_eq!(
        ok(hub.reuse_impact(researcher(), march())).await,
        json!([
            { "category": "clothing", "weightGrams": 1000, "gramsCo2e": 6100, "source": source(1) },
            { "category": "crockery", "weightGrams": 200, "gramsCo2e": null, "source": null },
        ])
    );
    let e = rejects(
        hub.reuse_impact(
            researcher(),
            js(json!({ "from": "2026-03-31", "to": "2026-03-01" })),
        ),
        "validation",
    )
    .await;
    assert_eq!(prop(&e, "field").as_deref(), Some("period"));
}

// ---------------------------------------------------------------------------
// Signals and referrals

fn vol(name: &str, v: &Value) -> JsValue {
    js(json!({ "name": name, "role": "volunteer", "volunteerId": v["id"] }))
}

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap().to_string()
}

fn field(e: &JsValue) -> Option<String> {
    prop(e, "field")
}

/// Records a signal as `actor` with `extra` merged into a minimal input.
async fn record(hub: &Hub, actor: JsValue, extra: Value) -> Value {
    let mut input = json!({ "domains": ["money_debt"], "summary": "Zorgen over de huur" });
    for (k, v) in extra.as_object().unwrap() {
        input[k] = v.clone();
    }
    ok(hub.record_signal(actor, js(input))).await
}

/// Two partners: WIJ (debt help, neighbourhood work) and the food bank.
async fn partners(hub: &Hub) -> (Value, Value) {
    let wij = ok(hub.register_partner(
        coordinator(),
        js(json!({
            "name": "WIJ Lewenborg",
            "email": "lewenborg@wij.example",
            "phone": "050 123 4567",
            "website": "https://wij.example/lewenborg",
            "services": [
                { "name": "Schuldhulp", "domains": ["money_debt", "paperwork"] },
                { "name": "Buurtwerk", "description": "Koffie en contact", "domains": ["loneliness"] },
            ],
        })),
    ))
    .await;
    let bank = ok(hub.register_partner(
        coordinator(),
        js(json!({ "name": "Voedselbank", "services": [{ "name": "Pakket", "domains": ["food"] }] })),
    ))
    .await;
    (wij, bank)
}

#[wasm_bindgen_test]
async fn signals_recorded_read_and_scoped_through_js() {
    let hub = open().await;
    let bea = register(&hub, "Bea").await;
    let cor = register(&hub, "Cor").await;

    let view = record(
        &hub,
        vol("bea", &bea),
        json!({
            "domains": ["money_debt", "loneliness", "money_debt"],
            "urgency": "high",
            "summary": "  Zorgen over de huur  ",
            "person": "Karin",
            "consent": "given",
        }),
    )
    .await;
    let s1 = &view["signal"];
    let sid = id(s1);
    assert_eq!(s1["domains"], json!(["loneliness", "money_debt"]));
    assert_eq!(s1["urgency"], "high");
    assert_eq!(s1["recordedBy"], "bea");
    assert_eq!(s1["recordedByVolunteer"], bea["id"]);
    assert_eq!(s1["recordedOn"], "2026-03-02");
    assert_eq!(s1["consentAskedBy"], "bea");
    assert_eq!(s1["status"], "open");
    assert_eq!(s1["doNotContact"], false);
    assert_eq!(s1["version"], 1);
    assert_eq!(
        view["personal"],
        json!({ "person": "Karin", "contact": null, "summary": "Zorgen over de huur" })
    );

    // Read back as coordinator: the same view, personal fields included.
    assert_eq!(ok(hub.signal(coordinator(), s(&sid))).await, view);
    // Bea reads her own; Cor (another volunteer) may not; researchers never.
    assert_eq!(ok(hub.signal(vol("bea", &bea), s(&sid))).await, view);
    rejects(hub.signal(vol("cor", &cor), s(&sid)), "forbidden").await;
    rejects(hub.signal(researcher(), s(&sid)), "forbidden").await;

    // Lists: coded facts only, or views; a volunteer sees only their own open ones.
    let list = ok(hub.signals(coordinator(), None)).await;
    assert_eq!(list, json!([s1]));
    assert!(!list.to_string().contains("Karin"));
    assert_eq!(ok(hub.signals(vol("cor", &cor), None)).await, json!([]));
    let views = ok(hub.signal_views(
        coordinator(),
        Some(js(
            json!({ "openOnly": true, "from": "2026-03-01", "to": "2026-03-31" }),
        )),
    ))
    .await;
    assert_eq!(views, json!([view]));
    let february = js(json!({ "from": "2026-02-01", "to": "2026-02-28" }));
    assert_eq!(
        ok(hub.signals(coordinator(), Some(february))).await,
        json!([])
    );
    let e = rejects(
        hub.signals(coordinator(), Some(js(json!({ "from": "2026-03-01" })))),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("to"));
    let e = rejects(
        hub.signals(coordinator(), Some(js(json!({ "open": true })))),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("filter"));

    // Updates: the recorder or a coordinator; consent asked again by the actor.
    let updated = ok(hub.update_signal(
        coordinator(),
        s(&sid),
        js(json!({ "urgency": "acute", "consent": "refused", "doNotContact": true })),
    ))
    .await;
    assert_eq!(
        [
            &updated["urgency"],
            &updated["consent"],
            &updated["consentAskedBy"],
            &updated["doNotContact"],
            &updated["version"]
        ],
        [
            &json!("acute"),
            &json!("refused"),
            &json!("anna"),
            &json!(true),
            &json!(2)
        ]
    );
    rejects(
        hub.update_signal(
            vol("cor", &cor),
            s(&sid),
            js(json!({ "urgency": "normal" })),
        ),
        "forbidden",
    )
    .await;

    // Every read of personal fields is journalled; the journal never holds them.
    let journal = ok(hub.journal(admin(), None)).await;
    let actions: Vec<&str> = journal
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["action"].as_str().unwrap())
        .filter(|a| a.starts_with("signal"))
        .collect();
    assert_eq!(
        actions,
        [
            "signal.recorded",
            "signal.personal_read",
            "signal.personal_read",
            "signal.personal_read",
            "signal.updated"
        ]
    );
    let text = journal.to_string();
    assert!(!text.contains("Karin") && !text.contains("huur"), "{text}");

    // Bad input names the field; nothing is written.
    let before = ok(hub.journal(admin(), None)).await;
    let bad = |v: Value| hub.record_signal(coordinator(), js(v));
    let e = rejects(bad(json!({ "domains": [], "summary": "x" })), "validation").await;
    assert_eq!(field(&e).as_deref(), Some("domains"));
    let e = rejects(
        bad(json!({ "domains": ["food"], "summary": "x".repeat(501) })),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("summary"));
    let e = rejects(
        bad(json!({ "domains": ["food"], "summary": "x", "name": "Karin" })),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("input"));
    let e = rejects(
        bad(json!({ "domains": ["weather"], "summary": "x" })),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("input"));
    rejects(
        hub.record_signal(
            researcher(),
            js(json!({ "domains": ["food"], "summary": "x" })),
        ),
        "forbidden",
    )
    .await;
    let e = rejects(hub.signal(coordinator(), s("karin")), "validation").await;
    assert_eq!(field(&e).as_deref(), Some("signalId"));
    let unknown = "01890000-0000-7000-8000-000000000000";
    let e = rejects(hub.signal(coordinator(), s(unknown)), "not_found").await;
    assert_eq!(prop(&e, "entity").as_deref(), Some("signal"));
    assert_eq!(ok(hub.journal(admin(), None)).await, before);
}

#[wasm_bindgen_test]
async fn partners_suggestions_and_hsds_through_js() {
    let hub = open().await;
    let (wij, bank) = partners(&hub).await;
    assert_eq!(wij["status"], "active");
    assert_eq!(
        wij["services"][0]["domains"],
        json!(["money_debt", "paperwork"])
    );
    assert_eq!(wij["services"][0]["description"], Value::Null);
    assert_eq!(wij["phone"], "050 123 4567");
    assert_eq!(wij["version"], 1);

    // Every role reads the directory (by name); only coordinators and admins change it.
    let kees = js(json!({ "name": "kees", "role": "volunteer" }));
    let names: Vec<Value> = ok(hub.partners(researcher()))
        .await
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].clone())
        .collect();
    assert_eq!(names, [json!("Voedselbank"), json!("WIJ Lewenborg")]);
    assert_eq!(ok(hub.partner(kees.clone(), s(&id(&wij)))).await, wij);
    rejects(
        hub.register_partner(
            kees.clone(),
            js(json!({ "name": "X", "services": [{ "name": "Y", "domains": ["food"] }] })),
        ),
        "forbidden",
    )
    .await;
    let e = rejects(
        hub.register_partner(coordinator(), js(json!({ "name": "X", "services": [] }))),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("services"));
    let e = rejects(
        hub.register_partner(
            coordinator(),
            js(json!({ "name": "X", "email": "050 123 4567", "services": [{ "name": "Y", "domains": ["food"] }] })),
        ),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("email"));

    // Replacing the details keeps a service named by its id.
    let kept = wij["services"][0]["id"].clone();
    let replaced = ok(hub.update_partner(
        coordinator(),
        s(&id(&wij)),
        js(json!({
            "name": "WIJ Lewenborg",
            "phone": "050 123 4567",
            "services": [{ "id": kept, "name": "Schuldhulpverlening", "domains": ["money_debt"] }],
        })),
    ))
    .await;
    assert_eq!(replaced["services"][0]["id"], kept);
    assert_eq!(replaced["email"], Value::Null);
    assert_eq!(replaced["version"], 2);
    let paused =
        ok(hub.set_partner_status(coordinator(), s(&id(&bank)), s("temporarily_closed"))).await;
    assert_eq!(paused["status"], "temporarily_closed");
    let e = rejects(
        hub.set_partner_status(coordinator(), s(&id(&bank)), s("closed")),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("partnerStatus"));

    // Suggestions: active partners serving the signal's domains, best match first.
    ok(hub.set_partner_status(coordinator(), s(&id(&bank)), s("active"))).await;
    let sig = record(
        &hub,
        coordinator(),
        json!({ "domains": ["money_debt", "food"] }),
    )
    .await;
    let sid = id(&sig["signal"]);
    let sug = ok(hub.partner_suggestions(coordinator(), s(&sid))).await;
    let sug = sug.as_array().unwrap();
    assert_eq!(sug.len(), 2);
    assert_eq!(sug[0]["partner"]["name"], "Voedselbank");
    assert_eq!(sug[0]["matched"], json!(["food"]));
    assert_eq!(sug[1]["partner"]["name"], "WIJ Lewenborg");
    assert_eq!(sug[1]["services"], json!([kept]));
    assert_eq!(sug[1]["matched"], json!(["money_debt"]));
    ok(hub.set_partner_status(coordinator(), s(&id(&bank)), s("inactive"))).await;
    let sug = ok(hub.partner_suggestions(coordinator(), s(&sid))).await;
    assert_eq!(
        sug.as_array().unwrap().len(),
        1,
        "inactive partners are not suggested"
    );
    rejects(hub.partner_suggestions(researcher(), s(&sid)), "forbidden").await;

    // HSDS 3.0: organisations and services with the signal domains as attributes.
    let hsds = ok(hub.partners_hsds(researcher(), None)).await;
    let orgs = hsds["organizations"].as_array().unwrap();
    let services = hsds["services"].as_array().unwrap();
    assert_eq!(orgs.len(), 2);
    assert_eq!(services.len(), 2);
    let org = orgs.iter().find(|o| o["name"] == "WIJ Lewenborg").unwrap();
    assert_eq!(org["id"], wij["id"]);
    assert_eq!(org["description"], "WIJ Lewenborg");
    assert_eq!(org["phones"][0]["number"], "050 123 4567");
    assert!(org.get("email").is_none(), "HSDS leaves absent values out");
    let service = services.iter().find(|s| s["id"] == kept).unwrap();
    assert_eq!(service["organization_id"], wij["id"]);
    assert_eq!(service["status"], "active");
    let attribute = &service["attributes"][0];
    assert_eq!(attribute["value"], "money_debt");
    assert_eq!(attribute["taxonomy_term"]["name"], "geldzorgen en schulden");
    assert_eq!(attribute["taxonomy_term"]["language"], "nl");
    let en = ok(hub.partners_hsds(researcher(), Some(s("en")))).await;
    let bank_service = en["services"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["organization_id"] == bank["id"])
        .unwrap()
        .clone();
    assert_eq!(bank_service["status"], "inactive");
    assert_eq!(
        bank_service["attributes"][0]["taxonomy_term"]["name"],
        "food"
    );
    let e = rejects(hub.partners_hsds(researcher(), Some(s("de"))), "validation").await;
    assert_eq!(field(&e).as_deref(), Some("lang"));
    let e = rejects(hub.partner(researcher(), s(&sid)), "not_found").await;
    assert_eq!(prop(&e, "entity").as_deref(), Some("partner"));
}

#[wasm_bindgen_test]
async fn referrals_consent_lifecycle_and_follow_ups_through_js() {
    let hub = open().await;
    let (wij, _) = partners(&hub).await;
    let pid = wij["id"].clone();
    let bea = register(&hub, "Bea").await;
    let refer = |signal: &Value, extra: Value| {
        let mut input = json!({ "signal": signal["signal"]["id"], "partner": pid });
        for (k, v) in extra.as_object().unwrap() {
            input[k] = v.clone();
        }
        hub.refer(coordinator(), js(input))
    };

    // The consent rule: no referral without consent...
    let unasked = record(&hub, coordinator(), json!({})).await;
    let e = rejects(refer(&unasked, json!({})), "validation").await;
    assert_eq!(field(&e).as_deref(), Some("consent"));
    let message = String::from(e.unchecked_ref::<js_sys::Error>().message());
    assert!(message.contains("consent"), "{message}");
    // ...not even with a reason, unless the signal is acute...
    let e = rejects(
        refer(&unasked, json!({ "consentException": "spoed" })),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("consent"));
    let acute = record(
        &hub,
        coordinator(),
        json!({ "urgency": "acute", "consent": "refused" }),
    )
    .await;
    let e = rejects(refer(&acute, json!({})), "validation").await;
    assert_eq!(field(&e).as_deref(), Some("consent"));
    // ...and then only with the reason recorded.
    let r = ok(refer(
        &acute,
        json!({ "consentException": " dreigende huisuitzetting ", "request": true }),
    ))
    .await;
    assert_eq!(r["status"], "requested");
    assert_eq!(r["consentException"], "dreigende huisuitzetting");
    assert_eq!(r["requestedAt"], NOW);
    // Consent given: no exception is needed, and none is accepted.
    let given = record(&hub, vol("bea", &bea), json!({ "consent": "given" })).await;
    let e = rejects(
        refer(&given, json!({ "consentException": "x" })),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("consentException"));

    // The lifecycle: draft → requested → accepted → in_progress → completed.
    let draft = ok(refer(&given, json!({ "followUp": "2026-03-09" }))).await;
    assert_eq!(
        [&draft["status"], &draft["followUp"], &draft["createdBy"]],
        [&json!("draft"), &json!("2026-03-09"), &json!("anna")]
    );
    let rid = id(&draft);
    let step = |change: Value| hub.change_referral(coordinator(), s(&rid), js(change));
    assert_eq!(
        ok(step(json!({ "status": "requested" }))).await["status"],
        "requested"
    );
    assert_eq!(
        ok(step(json!({ "status": "accepted" }))).await["status"],
        "accepted"
    );
    // accepted → completed skips in_progress: an illegal transition.
    let e = rejects(
        step(json!({ "status": "completed", "outcome": "got_help" })),
        "conflict",
    )
    .await;
    let message = String::from(e.unchecked_ref::<js_sys::Error>().message());
    assert!(
        message.contains("accepted") && message.contains("completed"),
        "{message}"
    );
    assert_eq!(
        ok(step(json!({ "status": "in_progress" }))).await["status"],
        "in_progress"
    );
    let e = rejects(step(json!({ "status": "completed" })), "validation").await;
    assert_eq!(field(&e).as_deref(), Some("outcome"));
    rejects(
        step(json!({ "status": "in_progress", "hurry": true })),
        "validation",
    )
    .await;
    rejects(
        hub.change_referral(
            vol("bea", &bea),
            s(&rid),
            js(json!({ "status": "failed", "outcome": "no_capacity" })),
        ),
        "forbidden",
    )
    .await;

    // Follow-ups: set, list as due, clear; the past is refused.
    let r2 = ok(hub.set_follow_up(coordinator(), s(&id(&r)), s("2026-03-05"))).await;
    assert_eq!(r2["followUp"], "2026-03-05");
    let e = rejects(
        hub.set_follow_up(coordinator(), s(&rid), s("2026-03-01")),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("followUp"));
    assert_eq!(ok(hub.follow_ups_due(coordinator(), None)).await, json!([]));
    let due = ok(hub.follow_ups_due(coordinator(), Some(js(json!({ "on": "2026-03-10" }))))).await;
    let due = due.as_array().unwrap();
    assert_eq!(due.len(), 2);
    assert_eq!(due[0]["referral"]["id"], r["id"]);
    assert_eq!(due[0]["partnerName"], "WIJ Lewenborg");
    assert_eq!(due[0]["urgency"], "acute");
    assert_eq!(due[0]["doNotContact"], false);
    assert_eq!(due[1]["referral"]["id"], json!(rid));
    let cleared = ok(hub.set_follow_up(coordinator(), s(&rid), JsValue::NULL)).await;
    assert_eq!(cleared["followUp"], Value::Null);

    // Reading referrals: one, all, of a signal, only open ones.
    assert_eq!(ok(hub.referral(coordinator(), s(&rid))).await, cleared);
    assert_eq!(
        ok(hub.referrals(coordinator(), None))
            .await
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let of_given = ok(hub.referrals(
        coordinator(),
        Some(js(
            json!({ "signalId": given["signal"]["id"], "openOnly": true }),
        )),
    ))
    .await;
    assert_eq!(of_given, json!([cleared]));
    rejects(hub.referral(vol("bea", &bea), s(&rid)), "forbidden").await;
    let e = rejects(hub.referral(coordinator(), s("r1")), "validation").await;
    assert_eq!(field(&e).as_deref(), Some("referralId"));

    // A signal closes only when its referrals are closed.
    let gid = given["signal"]["id"].as_str().unwrap().to_string();
    rejects(hub.close_signal(coordinator(), s(&gid)), "conflict").await;
    let done = ok(step(
        json!({ "status": "completed", "outcome": "got_help" }),
    ))
    .await;
    assert_eq!(
        [&done["status"], &done["outcome"]],
        [&json!("completed"), &json!("got_help")]
    );
    assert!(done["closedAt"].is_string());
    rejects(step(json!({ "status": "in_progress" })), "conflict").await;
    let closed = ok(hub.close_signal(coordinator(), s(&gid))).await;
    assert_eq!(closed["status"], "closed");
    rejects(
        hub.close_signal(vol("bea", &bea), s(&id(&acute["signal"]))),
        "forbidden",
    )
    .await;
    // Bea no longer reads her closed signal; it cannot be referred again.
    rejects(hub.signal(vol("bea", &bea), s(&gid)), "forbidden").await;
    rejects(refer(&given, json!({})), "conflict").await;
    assert_eq!(
        ok(hub.referrals(coordinator(), Some(js(json!({ "openOnly": true })))))
            .await
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[wasm_bindgen_test]
async fn signal_statistics_policy_and_purge_through_js() {
    let hub = open().await;
    let (wij, _) = partners(&hub).await;
    let a = record(
        &hub,
        coordinator(),
        json!({ "domains": ["money_debt", "loneliness"], "consent": "given" }),
    )
    .await;
    record(&hub, coordinator(), json!({ "domains": ["food"] })).await;
    record(
        &hub,
        coordinator(),
        json!({ "domains": ["food"], "urgency": "high" }),
    )
    .await;
    let r = ok(hub.refer(
        coordinator(),
        js(json!({ "signal": a["signal"]["id"], "partner": wij["id"], "request": true })),
    ))
    .await;
    let march = js(json!({ "from": "2026-03-01", "to": "2026-03-31" }));

    // Exact counts for a coordinator.
    let exact = ok(hub.signal_statistics(coordinator(), march.clone())).await;
    assert_eq!(exact["threshold"], Value::Null);
    assert_eq!(
        exact["period"],
        json!({ "from": "2026-03-01", "to": "2026-03-31" })
    );
    let by_domain = &exact["byDomain"];
    assert_eq!(by_domain["rows"], json!(["2026-03"]));
    let col = |t: &Value, code: &str| {
        t["columns"]
            .as_array()
            .unwrap()
            .iter()
            .position(|c| c == code)
            .unwrap()
    };
    assert_eq!(by_domain["cells"][0][col(by_domain, "food")], 2);
    assert_eq!(by_domain["cells"][0][col(by_domain, "housing")], 0);
    assert_eq!(by_domain["total"], 4);
    assert_eq!(exact["byUrgency"]["rowTotals"], json!([3]));
    let by_status = &exact["referralsByStatus"];
    assert_eq!(by_status["rows"], json!(["WIJ Lewenborg"]));
    assert_eq!(by_status["cells"][0][col(by_status, "requested")], 1);
    assert_eq!(exact["daysToReferral"]["n"], 1);
    assert_eq!(exact["daysToReferral"]["median"].as_f64(), Some(0.0));

    // A researcher gets small counts hidden (null), zeros shown.
    let published = ok(hub.signal_statistics(researcher(), march.clone())).await;
    assert_eq!(published["threshold"], 10);
    let by_domain = &published["byDomain"];
    assert_eq!(by_domain["threshold"], 10);
    assert_eq!(by_domain["cells"][0][col(by_domain, "food")], Value::Null);
    assert_eq!(by_domain["cells"][0][col(by_domain, "housing")], 0);
    assert_eq!(by_domain["total"], Value::Null);
    assert_eq!(
        published["daysToReferral"],
        json!({ "n": null, "median": null })
    );
    rejects(
        hub.signal_statistics(vol("kees", &json!({ "id": null })), march.clone()),
        "forbidden",
    )
    .await;
    let e = rejects(
        hub.signal_statistics(
            coordinator(),
            js(json!({ "from": "2026-03-31", "to": "2026-03-01" })),
        ),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("period"));

    // The policy: defaults, a lower threshold shows the small counts.
    let defaults = json!({ "retentionMonths": 12, "suppressionThreshold": 10 });
    assert_eq!(ok(hub.signal_policy(researcher())).await, defaults);
    let set =
        ok(hub.set_signal_policy(coordinator(), js(json!({ "suppressionThreshold": 2 })))).await;
    assert_eq!(
        set,
        json!({ "retentionMonths": 12, "suppressionThreshold": 2 })
    );
    assert_eq!(ok(hub.signal_policy(coordinator())).await, set);
    let published = ok(hub.signal_statistics(researcher(), march)).await;
    let by_domain = &published["byDomain"];
    assert_eq!(by_domain["cells"][0][col(by_domain, "food")], 2);
    let e = rejects(
        hub.set_signal_policy(coordinator(), js(json!({ "retentionMonths": 0 }))),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("policy"));
    let message = String::from(e.unchecked_ref::<js_sys::Error>().message());
    assert!(message.contains("retention_months"), "{message}");
    rejects(
        hub.set_signal_policy(coordinator(), js(json!({ "months": 6 }))),
        "validation",
    )
    .await;
    rejects(
        hub.set_signal_policy(researcher(), js(json!({}))),
        "forbidden",
    )
    .await;

    // The purge erases the personal fields of signals closed past the retention.
    let rid = id(&r);
    let close = |status: &str| {
        hub.change_referral(
            coordinator(),
            s(&rid),
            js(json!({ "status": status, "outcome": "no_capacity" })),
        )
    };
    ok(hub.change_referral(coordinator(), s(&rid), js(json!({ "status": "accepted" })))).await;
    ok(hub.change_referral(
        coordinator(),
        s(&rid),
        js(json!({ "status": "in_progress" })),
    ))
    .await;
    ok(close("failed")).await;
    let sid = id(&a["signal"]);
    ok(hub.close_signal(coordinator(), s(&sid))).await;
    rejects(hub.purge_signals(coordinator()), "forbidden").await;
    let none = ok(hub.purge_signals(admin())).await;
    assert_eq!(none["erased"], json!([]));
    hub.set_now("2027-04-01T12:00:00Z").unwrap();
    let report = ok(hub.purge_signals(admin())).await;
    assert_eq!(report["erased"], json!([sid]));
    assert_eq!(report["closedBefore"], "2026-04-01T12:00:00Z");
    let after = ok(hub.signal(coordinator(), s(&sid))).await;
    assert_eq!(after["personal"], Value::Null);
    assert_eq!(after["signal"]["personalErasedAt"], "2027-04-01T12:00:00Z");
    assert_eq!(
        after["signal"]["domains"],
        json!(["loneliness", "money_debt"])
    );
}

// ---------------------------------------------------------------- sync

#[cfg(feature = "offline")]
async fn restore(snapshot: &str, options: Value) -> Result<Hub, JsValue> {
    Hub::restore(snapshot.to_string(), Some(js(options))).await
}

#[cfg(feature = "offline")]
async fn snapshot_of(hub: &Hub) -> String {
    ok(hub.snapshot()).await.as_str().unwrap().to_string()
}

#[cfg(feature = "offline")]
#[wasm_bindgen_test]
async fn snapshot_and_restore_through_js() {
    let hub = open().await;
    let v = register(&hub, "Bea").await;
    let items = shelf(&hub).await;
    ok(hub.checkout(
        cashier(),
        js(json!({ "till": "kassa-1", "payment": "cash", "cityPass": true, "lines": [line(&items[0], 1)] })),
    ))
    .await;
    ok(hub.record_signal(
        vol("bea", &v),
        js(json!({ "domains": ["money_debt"], "summary": "Zorgen over de huur", "person": "Karin" })),
    ))
    .await;
    let journal = ok(hub.journal(admin(), None)).await;
    let text = snapshot_of(&hub).await;
    assert_eq!(
        ok(hub.journal(admin(), None)).await,
        journal,
        "a snapshot writes nothing"
    );
    let back = restore(&text, json!({ "now": NOW })).await.unwrap();
    assert_eq!((back.id(), back.slug()), (hub.id(), hub.slug()));
    assert_eq!(
        snapshot_of(&back).await,
        text,
        "a rebuilt hub snapshots the same"
    );
    assert_eq!(ok(back.journal(admin(), None)).await, journal);
    assert_eq!(
        ok(back.item(cashier(), id_of(&items[0]))).await,
        ok(hub.item(cashier(), id_of(&items[0]))).await
    );
    let signals = ok(back.signal_views(coordinator(), None)).await;
    assert_eq!(signals[0]["personal"]["person"], json!("Karin"));
    // it goes on where the snapshot left off, apart from the original
    ok(back.checkout(
        cashier(),
        js(json!({ "till": "kassa-1", "payment": "card", "lines": [line(&items[0], 2)] })),
    ))
    .await;
    assert_eq!(
        ok(hub.item(cashier(), id_of(&items[0]))).await["onHand"],
        json!(2)
    );
    back.set_now("2026-03-03T09:00:00Z").unwrap();
    // without `now` the rebuilt hub runs on the system clock
    let system = Hub::restore(text.clone(), None).await.unwrap();
    assert!(system.set_now(NOW).is_err());

    for bad in ["{\"format\": 99}", "not json", "{}"] {
        let e = restore(bad, json!({})).await.err().unwrap();
        check_error(&e, "validation");
    }
    let later = ok(hub.export_journal(coordinator(), Some(JsValue::from(2)))).await;
    let e = restore(&later.to_string(), json!({})).await.err().unwrap();
    check_error(&e, "validation");
    assert_eq!(field(&e).as_deref(), Some("snapshot"), "not from the start");
    let e = restore(&text, json!({ "slug": "oude-bieb" }))
        .await
        .err()
        .unwrap();
    check_error(&e, "validation");
    assert_eq!(field(&e).as_deref(), Some("options"));
    let e = restore(&text, json!({ "now": "gisteren" }))
        .await
        .err()
        .unwrap();
    check_error(&e, "validation");
    assert_eq!(field(&e).as_deref(), Some("now"));
}

#[wasm_bindgen_test]
async fn export_journal_through_js() {
    let till = open().await;
    let v = register(&till, "Bea").await;
    shelf(&till).await;
    ok(till.record_signal(
        vol("bea", &v),
        js(json!({ "domains": ["food"], "summary": "Lege koelkast", "person": "Piet" })),
    ))
    .await;
    let all = ok(till.journal(admin(), None)).await;
    let batch = ok(till.export_journal(coordinator(), None)).await;
    assert_eq!(batch["format"], json!(1));
    assert_eq!(batch["hubId"], json!(till.id()));
    assert_eq!(batch["afterSeq"], json!(0));
    assert_eq!(batch["entries"], all, "the whole journal, in order");
    let last = all[all.as_array().unwrap().len() - 1]["seq"].clone();
    assert_eq!(batch["upToSeq"], last);
    assert_eq!(
        batch["personal"][0]["fields"],
        json!({ "person": "Piet", "contact": null, "summary": "Lege koelkast" })
    );
    // after the last position: nothing new but the export's own read of Piet's fields
    let next =
        ok(till.export_journal(coordinator(), Some(JsValue::from(last.as_f64().unwrap())))).await;
    assert_eq!(next["afterSeq"], last);
    let actions: Vec<Value> = next["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].clone())
        .collect();
    assert_eq!(actions, vec![json!("signal.personal_read")]);
    rejects(till.export_journal(cashier(), None), "forbidden").await;
    rejects(till.export_journal(researcher(), None), "forbidden").await;
    let e = rejects(
        till.export_journal(coordinator(), Some(JsValue::from(-1))),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("after"));
    let e = rejects(
        till.export_journal(coordinator(), Some(JsValue::from("3"))),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("afterSeq"));
}

#[cfg(feature = "offline")]
#[wasm_bindgen_test]
async fn export_import_and_conflicts_through_js() {
    let till = open().await;
    let v = register(&till, "Bea").await;
    let items = shelf(&till).await;
    ok(till.record_signal(
        vol("bea", &v),
        js(json!({ "domains": ["food"], "summary": "Lege koelkast", "person": "Piet" })),
    ))
    .await;
    let batch = ok(till.export_journal(coordinator(), None)).await;
    assert_eq!(batch["hubId"], json!(till.id()));
    assert_eq!(batch["hubSlug"], json!("oude-bieb"));
    assert_eq!(batch["afterSeq"], json!(0));
    let entries = batch["entries"].as_array().unwrap().len();
    assert!(entries >= 3, "{batch}");
    assert_eq!(
        batch["upToSeq"],
        batch["entries"][entries - 1]["seq"],
        "up to the last entry"
    );
    assert_eq!(batch["personal"][0]["fields"]["person"], json!("Piet"));
    let up_to = batch["upToSeq"].as_i64().unwrap();
    rejects(till.export_journal(cashier(), None), "forbidden").await;
    let e = rejects(
        till.export_journal(coordinator(), Some(JsValue::from(-1))),
        "validation",
    )
    .await;
    assert_eq!(field(&e).as_deref(), Some("after"));

    // another hub imports it: once applied, then all seen (as object or text)
    let office = Hub::open(
        "memory:".into(),
        "stadhuis".into(),
        Some(js(json!({ "now": NOW }))),
    )
    .await
    .unwrap();
    let first = ok(office.import_journal(admin(), js(batch.clone()))).await;
    assert_eq!(first["sourceHub"], json!(till.id()));
    assert_eq!(first["applied"], json!(entries));
    assert_eq!(first["seen"], json!(0));
    assert_eq!(first["conflicts"], json!([]));
    let again = ok(office.import_journal(admin(), s(&batch.to_string()))).await;
    assert_eq!(
        (again["applied"].clone(), again["seen"].clone()),
        (json!(0), json!(entries))
    );
    assert_eq!(
        ok(office.item(cashier(), id_of(&items[3]))).await["onHand"],
        json!(1)
    );
    rejects(
        office.import_journal(cashier(), js(batch.clone())),
        "forbidden",
    )
    .await;
    let e = rejects(office.import_journal(admin(), s("{}")), "validation").await;
    assert_eq!(field(&e).as_deref(), Some("batch"));
    rejects(
        office.import_journal(admin(), js(json!([1, 2]))),
        "validation",
    )
    .await;

    // the last clock sold offline at both: the second sale is a conflict
    let sell_clock = json!({ "till": "kassa-1", "payment": "card", "lines": [line(&items[3], 1)] });
    ok(office.checkout(cashier(), js(sell_clock.clone()))).await;
    ok(till.checkout(cashier(), js(sell_clock))).await;
    let later = ok(till.export_journal(coordinator(), Some(JsValue::from(up_to as f64)))).await;
    assert_eq!(later["afterSeq"], json!(up_to));
    let report = ok(office.import_journal(admin(), js(later.clone()))).await;
    assert_eq!(report["conflicts"].as_array().unwrap().len(), 1, "{report}");
    assert_eq!(report["conflicts"][0]["action"], json!("sale.made"));
    let conflicts = ok(office.sync_conflicts(coordinator())).await;
    assert_eq!(conflicts.as_array().unwrap().len(), 1);
    assert_eq!(conflicts[0]["entryId"], report["conflicts"][0]["entryId"]);
    rejects(office.sync_conflicts(cashier()), "forbidden").await;
    // re-sending it records nothing more
    let resent = ok(office.import_journal(admin(), js(later))).await;
    assert_eq!(resent["conflicts"], json!([]));
    assert_eq!(
        ok(office.sync_conflicts(coordinator()))
            .await
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

// ---------------------------------------------------------------------------
// Research tables (pseudonymous rows, batch by batch)

/// Every research table, as named in JavaScript and Python.
const RESEARCH_TABLES: [&str; 11] = [
    "volunteers",
    "shifts",
    "assessments",
    "courses",
    "enrolments",
    "activity_sessions",
    "attendance",
    "stock_moves",
    "sale_lines",
    "signals",
    "referrals",
];

/// Calls method `name` of the JavaScript object `target` (as a page would).
fn call(target: &JsValue, name: &str, args: &[JsValue]) -> JsValue {
    let f: js_sys::Function = Reflect::get(target, &s(name)).unwrap().dyn_into().unwrap();
    f.apply(target, &args.iter().collect::<js_sys::Array>())
        .unwrap()
}

/// `hub.researchTable(researcher, name)`: the `ResearchTable` object.
async fn research_table(hub: &Hub, name: &str) -> JsValue {
    JsFuture::from(hub.research_table(researcher(), s(name), None))
        .await
        .unwrap_or_else(|e| panic!("{name}: {:?}", prop(&e, "message")))
}

/// The table's column names, from its `columns` getter.
fn column_names(table: &JsValue) -> Vec<String> {
    let columns = rs(&Reflect::get(table, &s("columns")).unwrap());
    columns
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_string())
        .collect()
}

/// A batch `{ rows, columns }` as rows (values in column order).
fn batch_rows(batch: &Value, names: &[String]) -> Vec<Vec<Value>> {
    let n = batch["rows"].as_u64().unwrap() as usize;
    for name in names {
        assert_eq!(
            batch["columns"][name].as_array().unwrap().len(),
            n,
            "{name}"
        );
    }
    assert_eq!(batch["columns"].as_object().unwrap().len(), names.len());
    (0..n)
        .map(|i| {
            names
                .iter()
                .map(|c| batch["columns"][c][i].clone())
                .collect()
        })
        .collect()
}

/// Every row of a fresh read of `name`, by `readAll()`.
async fn read_all(hub: &Hub, name: &str) -> (Vec<String>, Vec<Vec<Value>>) {
    let table = research_table(hub, name).await;
    assert_eq!(
        Reflect::get(&table, &s("name"))
            .unwrap()
            .as_string()
            .unwrap(),
        name
    );
    let names = column_names(&table);
    let all = ok(call(&table, "readAll", &[]).unchecked_into()).await;
    // Read to the end: the next batch is undefined.
    let after = JsFuture::from(call(&table, "nextBatch", &[]).unchecked_into::<Promise>())
        .await
        .unwrap();
    assert!(after.is_undefined(), "{name}: a batch after readAll");
    let rows = batch_rows(&all, &names);
    (names, rows)
}

/// The values of column `column` in `rows` (of a table with columns `names`).
fn column<'a>(names: &[String], rows: &'a [Vec<Value>], column: &str) -> Vec<&'a Value> {
    let i = names.iter().position(|n| n == column).unwrap();
    rows.iter().map(|r| &r[i]).collect()
}

/// A hub with something in every table the shop package fills: two
/// volunteers (Cor with a contact), Bea's shifts (worked, planned, one with
/// a note), items taken in and a checkout, a signal with consent and
/// personal fields, a partner and a referral. Returns the hub and the texts
/// that must not appear in any table.
async fn seeded_for_research() -> (Hub, Vec<String>) {
    let hub = open().await;
    let bea = register(&hub, "Bea").await;
    let cor = ok(hub.register_volunteer(
        coordinator(),
        js(json!({
            "displayName": "Cor Hoekstra",
            "contact": "cor@example.org",
            "status": "active",
            "startDate": "2025-01-01",
            "roles": ["cashier", "coordinator"],
            "vogDate": "2025-01-10",
        })),
    ))
    .await;
    for (v, date) in [
        (&bea, "2026-02-23"),
        (&cor, "2026-02-24"),
        (&bea, "2026-02-26"),
        (&bea, "2026-03-02"),
    ] {
        ok(hub.record_shift(coordinator(), shift(v, date, "09:00", "13:00"))).await;
    }
    ok(hub.plan_shift(
        coordinator(),
        js(
            json!({ "volunteerId": bea["id"], "role": "cashier", "date": "2026-03-03",
                   "start": "10:00", "end": "12:00", "note": "sleutel bij de buren" }),
        ),
    ))
    .await;
    let items = shelf(&hub).await;
    let sale = ok(hub.checkout(
        cashier(),
        js(json!({ "till": "kassa-1", "payment": "card",
                   "lines": [line(&items[0], 1), line(&items[1], 2), line(&items[3], 1)] })),
    ))
    .await;
    let (wij, _) = partners(&hub).await;
    let signal = record(
        &hub,
        vol("bea", &bea),
        json!({ "person": "Karin", "contact": "06-12345678", "consent": "given", "urgency": "high" }),
    )
    .await;
    let referral = ok(hub.refer(
        coordinator(),
        js(
            json!({ "signal": signal["signal"]["id"], "partner": wij["id"], "request": true,
                   "followUp": "2026-03-09" }),
        ),
    ))
    .await;
    let mut secrets: Vec<String> = [
        "Bea",
        "Cor Hoekstra",
        "cor@example.org",
        "sleutel",
        "winterjas",
        "steelpan",
        "klok",
        "kassa-1",
        "Karin",
        "06-12345678",
        "Zorgen over de huur",
        "WIJ Lewenborg",
        "lewenborg@wij.example",
        "050 123 4567",
        "Schuldhulp",
        "Voedselbank",
        "anna",
        "kees",
    ]
    .map(String::from)
    .to_vec();
    secrets.extend([&bea, &cor, &sale, &wij, &referral, &signal["signal"]].map(id));
    secrets.extend(items.iter().map(id));
    (hub, secrets)
}

#[wasm_bindgen_test]
async fn every_research_table_reads_pseudonymously() {
    let (hub, secrets) = seeded_for_research().await;
    let mut filled = Vec::new();
    for name in RESEARCH_TABLES {
        let (names, rows) = read_all(&hub, name).await;
        // The same rows and keys when read again (stable keys).
        let (_, again) = read_all(&hub, name).await;
        assert_eq!(rows, again, "{name}: a second read differs");
        if !rows.is_empty() {
            filled.push(name);
        }
        let table = research_table(&hub, name).await;
        let types = rs(&Reflect::get(&table, &s("columns")).unwrap());
        for (i, column) in names.iter().enumerate() {
            let kind = types[i]["type"].as_str().unwrap();
            assert!(
                ["string", "int64", "date32", "bool"].contains(&kind),
                "{name}.{column}: {kind}"
            );
            for row in &rows {
                let v = &row[i];
                match (kind, v) {
                    (_, Value::Null) => {}
                    ("string", Value::String(text)) => {
                        if column.ends_with("_key") {
                            assert_eq!(text.len(), 16, "{name}.{column}: {text}");
                            assert!(
                                text.chars().all(|c| matches!(c, '0'..='9' | 'a'..='f')),
                                "{name}.{column}: {text}"
                            );
                        }
                        for secret in &secrets {
                            assert!(!text.contains(secret.as_str()), "{name}.{column}: {text}");
                        }
                    }
                    ("int64", Value::Number(n)) => assert!(n.is_i64(), "{name}.{column}: {n}"),
                    ("date32", Value::String(d)) => {
                        assert!(
                            chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok(),
                            "{d}"
                        )
                    }
                    ("bool", Value::Bool(_)) => {}
                    _ => panic!("{name}.{column}: {v} is not a {kind}"),
                }
            }
        }
    }
    // The programme's tables (assessments, courses, enrolments, activity
    // sessions, attendance) are empty in the shop package.
    assert_eq!(
        filled,
        [
            "volunteers",
            "shifts",
            "stock_moves",
            "sale_lines",
            "signals",
            "referrals"
        ]
    );

    // Keys join across tables.
    let (vn, volunteers) = read_all(&hub, "volunteers").await;
    assert_eq!(volunteers.len(), 2); // Bea, Cor
    let volunteer_keys = column(&vn, &volunteers, "volunteer_key");
    let (sn, shifts) = read_all(&hub, "shifts").await;
    assert_eq!(shifts.len(), 5);
    let shift_volunteers = column(&sn, &shifts, "volunteer_key");
    for k in &shift_volunteers {
        assert!(volunteer_keys.contains(k), "shifts.volunteer_key {k}");
    }
    let mut distinct = shift_volunteers.clone();
    distinct.sort_by_key(|k| k.to_string());
    distinct.dedup();
    assert_eq!(distinct.len(), 2, "Bea's and Cor's shifts");
    let (ln, lines) = read_all(&hub, "sale_lines").await;
    assert_eq!(lines.len(), 3);
    assert_eq!(
        column(&ln, &lines, "quantity"),
        [&json!(1), &json!(2), &json!(1)]
    );
    let sale_key = column(&ln, &lines, "sale_key")[0].clone();
    assert!(
        column(&ln, &lines, "sale_key")
            .iter()
            .all(|k| **k == sale_key)
    );
    let (mn, moves) = read_all(&hub, "stock_moves").await;
    let sold: Vec<&Value> = column(&mn, &moves, "sale_key")
        .into_iter()
        .filter(|k| !k.is_null())
        .collect();
    assert_eq!(sold, [&sale_key, &sale_key, &sale_key], "moves of the sale");
    let move_items = column(&mn, &moves, "item_key");
    for k in column(&ln, &lines, "item_key") {
        assert!(move_items.contains(&k), "sale_lines.item_key {k}");
    }
    let (gn, signals) = read_all(&hub, "signals").await;
    assert_eq!(signals.len(), 1);
    assert_eq!(column(&gn, &signals, "consent"), [&json!("given")]);
    let (rn, referrals) = read_all(&hub, "referrals").await;
    assert_eq!(referrals.len(), 1);
    assert_eq!(
        column(&rn, &referrals, "signal_key"),
        column(&gn, &signals, "signal_key")
    );
    assert_eq!(column(&rn, &referrals, "follow_up"), [&json!("2026-03-09")]);
}

#[wasm_bindgen_test]
async fn research_batches_page_through_every_row_once() {
    let (hub, _) = seeded_for_research().await;
    for name in ["shifts", "volunteers", "stock_moves", "sale_lines"] {
        let (names, all) = read_all(&hub, name).await;
        for max_rows in [1.0, 2.0, 3.0] {
            let table = research_table(&hub, name).await;
            let mut paged = Vec::new();
            loop {
                let next = JsFuture::from(
                    call(&table, "nextBatch", &[JsValue::from_f64(max_rows)])
                        .unchecked_into::<Promise>(),
                )
                .await
                .unwrap();
                if next.is_undefined() {
                    break;
                }
                let rows = batch_rows(&rs(&next), &names);
                assert!(
                    !rows.is_empty() && rows.len() <= max_rows as usize,
                    "{name}"
                );
                paged.extend(rows);
            }
            assert_eq!(paged, all, "{name} in batches of {max_rows}");
        }
        // Every row once: no two rows alike.
        let mut unique = all
            .iter()
            .map(|r| Value::Array(r.clone()).to_string())
            .collect::<Vec<_>>();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), all.len(), "{name}");
    }
    // A period keeps the rows whose date lies in it.
    let week = JsFuture::from(hub.research_table(
        researcher(),
        s("shifts"),
        Some(js(json!({ "from": "2026-02-24", "to": "2026-03-01" }))),
    ))
    .await
    .unwrap();
    let batch = ok(call(&week, "readAll", &[]).unchecked_into()).await;
    let mut dates = batch["columns"]["date"].as_array().unwrap().clone();
    dates.sort_by_key(|d| d.to_string());
    assert_eq!(dates, vec![json!("2026-02-24"), json!("2026-02-26")]);
    // Either end may be left open.
    let from = JsFuture::from(hub.research_table(
        researcher(),
        s("shifts"),
        Some(js(json!({ "from": "2026-03-02" }))),
    ))
    .await
    .unwrap();
    let batch = ok(call(&from, "readAll", &[]).unchecked_into()).await;
    assert_eq!(batch["rows"], 2);
}

#[wasm_bindgen_test]
async fn research_tables_are_for_researchers_and_refuse_bad_input() {
    let (hub, _) = seeded_for_research().await;
    rejects(
        hub.research_table(coordinator(), s("volunteers"), None),
        "forbidden",
    )
    .await;
    rejects(
        hub.research_table(cashier(), s("sale_lines"), None),
        "forbidden",
    )
    .await;
    JsFuture::from(hub.research_table(admin(), s("volunteers"), None))
        .await
        .unwrap();
    let e = rejects(
        hub.research_table(researcher(), s("people"), None),
        "validation",
    )
    .await;
    assert_eq!(prop(&e, "field").as_deref(), Some("researchTable"));
    let e = rejects(
        hub.research_table(
            researcher(),
            s("shifts"),
            Some(js(json!({ "from": "2026-03-01", "to": "2026-02-01" }))),
        ),
        "validation",
    )
    .await;
    assert_eq!(prop(&e, "field").as_deref(), Some("period"));
    let e = rejects(
        hub.research_table(
            researcher(),
            s("volunteers"),
            Some(js(json!({ "start": "2026-03-01" }))),
        ),
        "validation",
    )
    .await;
    assert_eq!(prop(&e, "field").as_deref(), Some("options"));
    let table = research_table(&hub, "volunteers").await;
    for bad in [0.0, 1.5, 2_000_000.0] {
        let e = rejects(
            call(&table, "nextBatch", &[JsValue::from_f64(bad)]).unchecked_into(),
            "validation",
        )
        .await;
        assert_eq!(prop(&e, "field").as_deref(), Some("maxRows"));
    }
}
