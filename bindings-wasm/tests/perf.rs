//! Till throughput in the browser: 10 000 sales in the memory store, through
//! the JavaScript-facing API (plain objects in and out, Promises) and, for
//! comparison, through the core `Hub` directly in the same wasm module.
//!
//! Timed with the wall clock (`Date.now()`), which wasm-bindgen-test's
//! chromedriver session does not virtualise. The times are printed, never
//! asserted (a loaded CI machine must not fail the build); the test asserts
//! only that every sale went through and the ledger adds up. DESIGN asks for
//! "well under a second"; `scripts/wasm-test.sh` runs this file in the
//! optimised `wasm-release` profile:
//!
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p kringloop-wasm --target wasm32-unknown-unknown --profile wasm-release --test perf -- --nocapture`

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(feature = "shop")]

use js_sys::{Date, JSON, Promise, Reflect};
use kringloop::{Actor, Basket, BasketLine, NewItem, PaymentMethod, Role};
use kringloop_wasm::Hub;
use serde_json::{Value, json};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SALES: usize = 10_000;
const NOW: &str = "2026-03-02T12:00:00Z";

fn js(v: &Value) -> JsValue {
    JSON::parse(&v.to_string()).unwrap()
}

async fn ok(p: Promise) -> Value {
    match JsFuture::from(p).await {
        Ok(v) => serde_wasm_bindgen::from_value(v).unwrap(),
        Err(e) => panic!("unexpected rejection: {e:?}"),
    }
}

fn profile() -> &'static str {
    if cfg!(debug_assertions) {
        "debug build"
    } else {
        "optimised build"
    }
}

/// Sale `i`: cash or card in turn, a city pass on every third.
fn payment(i: usize) -> (&'static str, bool) {
    (if i % 2 == 0 { "cash" } else { "card" }, i % 3 == 0)
}

#[wasm_bindgen_test]
async fn ten_thousand_sales_through_the_js_api() {
    let hub = Hub::open(
        "memory:".into(),
        "bulk".into(),
        Some(js(&json!({ "now": NOW }))),
    )
    .await
    .unwrap();
    let actor = js(&json!({ "name": "kees", "role": "volunteer" }));
    let lots: Vec<Value> = (0..SALES)
        .map(|i| {
            let category = ["books", "clothing", "crockery", "toys"][i % 4];
            json!({ "category": category,
                    "description": format!("artikel {i}"), "condition": "b", "weightGrams": 250 })
        })
        .collect();

    let lots = js(&Value::Array(lots));
    let start = Date::now();
    let items = JsFuture::from(hub.take_in_batch(actor.clone(), lots))
        .await
        .unwrap();
    let intake_ms = Date::now() - start;
    let items: Value = serde_wasm_bindgen::from_value(items).unwrap();
    let items = items.as_array().unwrap();
    assert_eq!(items.len(), SALES);

    let baskets: Vec<JsValue> = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let (pay, pass) = payment(i);
            js(
                &json!({ "till": "kassa-1", "payment": pay, "cityPass": pass,
                        "lines": [{ "itemId": item["id"], "quantity": 1 }] }),
            )
        })
        .collect();
    // Inside the timed loop the result is read as a page would (one
    // property), not converted back to Rust.
    let total = JsValue::from_str("total");
    let start = Date::now();
    let mut taken = 0i64;
    for basket in baskets {
        let sale = JsFuture::from(hub.checkout(actor.clone(), basket))
            .await
            .unwrap();
        taken += Reflect::get(&sale, &total).unwrap().as_f64().unwrap() as i64;
    }
    let sales_ms = Date::now() - start;

    let report = ok(hub.sales_report(
        actor.clone(),
        js(&json!({ "from": "2026-03-02", "to": "2026-03-02" })),
    ))
    .await;
    let rows = report.as_array().unwrap();
    let units: i64 = rows.iter().map(|r| r["units"].as_i64().unwrap()).sum();
    let revenue: i64 = rows.iter().map(|r| r["revenue"].as_i64().unwrap()).sum();
    assert_eq!(units, SALES as i64);
    assert_eq!(revenue, taken);
    assert_eq!(ok(hub.stock_on_hand(actor, None)).await, json!([]));

    console_log!(
        "perf ({}): JS API: intake of {SALES} lots in one batch {intake_ms:.0} ms; {SALES} sales {sales_ms:.0} ms ({:.1} µs per sale)",
        profile(),
        sales_ms * 1000.0 / SALES as f64
    );
}

#[wasm_bindgen_test]
async fn ten_thousand_sales_through_the_core() {
    let hub = kringloop::Hub::open_with_clock(
        "memory:",
        "bulk",
        std::sync::Arc::new(kringloop::FixedClock::new(
            chrono::DateTime::parse_from_rfc3339(NOW).unwrap().to_utc(),
        )),
    )
    .await
    .unwrap();
    let actor = Actor::new("kees", Role::Volunteer).unwrap();
    let lots = (0..SALES)
        .map(|i| {
            NewItem::new(
                kringloop::Category::Books,
                &format!("boek {i}"),
                kringloop::Condition::B,
                300,
            )
        })
        .collect();
    let items = hub.take_in_batch(&actor, lots).await.unwrap();

    let start = Date::now();
    for (i, item) in items.iter().enumerate() {
        let (pay, pass) = payment(i);
        let basket = Basket {
            till: "kassa-1".into(),
            lines: vec![BasketLine {
                item_id: item.id,
                quantity: 1,
            }],
            payment: if pay == "cash" {
                PaymentMethod::Cash
            } else {
                PaymentMethod::Card
            },
            city_pass: pass,
            at: None,
        };
        hub.checkout(&actor, basket).await.unwrap();
    }
    let sales_ms = Date::now() - start;
    assert!(hub.stock_on_hand(&actor, None).await.unwrap().is_empty());

    console_log!(
        "perf ({}): core Hub in wasm: {SALES} sales {sales_ms:.0} ms ({:.1} µs per sale)",
        profile(),
        sales_ms * 1000.0 / SALES as f64
    );
}
