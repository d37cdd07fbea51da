//! Scenarios shared by the SQLite and PostgreSQL unit tests of the stock
//! store: edge cases the Hub never produces (compared with the memory
//! store), two separate stores racing for the last unit, and throughput.

use crate::{
    Actor, Bucket, CashTotals, CashUp, CashUpId, Category, Condition, FixedClock, Hub, HubId,
    HubSlug, Item, ItemId, JournalEntry, Money, MoveId, MoveKind, NewCashUp, NewItem, NewMove,
    PaymentMethod, Period, PricedLine, PricingPolicy, Role, Sale, SaleHeader, SaleId, StockMove,
    Store, TillName,
};
use chrono::{Duration, NaiveDate};
use std::sync::Arc;

/// The test clock's day: Monday 2 March 2026.
pub(crate) fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}

fn actor() -> Actor {
    Actor::new("anna", Role::Coordinator).unwrap()
}

fn entry(clock: &FixedClock) -> JournalEntry {
    JournalEntry::new(clock, &actor(), "test", "item", "x", serde_json::json!({}))
}

fn item(
    clock: &FixedClock,
    category: Category,
    quantity: u32,
    days_old: i64,
    price: Option<i64>,
) -> Item {
    let input = NewItem {
        quantity,
        intake_date: Some(day() - Duration::days(days_old)),
        price_override: price.map(Money::from_cents),
        ..NewItem::new(category, "blauwe theepot", Condition::B, 400)
    };
    Item::take_in(ItemId::generate(clock), input, day()).unwrap()
}

fn manual(
    clock: &FixedClock,
    item: ItemId,
    kind: MoveKind,
    quantity: i64,
    price: Option<i64>,
) -> StockMove {
    let input = NewMove {
        item_id: item,
        kind,
        quantity,
        unit_price: price.map(Money::from_cents),
        reason: Some("geteld".into()),
    };
    StockMove::manual(MoveId::generate(clock), input, clock, &actor()).unwrap()
}

fn sale(
    clock: &FixedClock,
    lines: &[(&Item, i64, i64)],
    reverses: Option<SaleId>,
    date: NaiveDate,
) -> Sale {
    let header = SaleHeader {
        id: SaleId::generate(clock),
        till: TillName::parse("kassa-1").unwrap(),
        at: crate::Clock::now(clock),
        date,
        actor: "anna".into(),
        payment: PaymentMethod::Cash,
        city_pass: true,
        reverses,
    };
    let priced: Vec<PricedLine> = lines
        .iter()
        .map(|(it, qty, price)| PricedLine {
            item_id: it.id,
            category: it.category,
            quantity: *qty,
            unit_price: Money::from_cents(*price),
            weight_grams: it.weight_grams,
        })
        .collect();
    Sale::compose(header, &priced, 25)
}

/// Runs the same edge cases on `stores` (the memory store first) and
/// asserts that every answer, error messages included, is identical.
pub(crate) async fn edge_cases_match(stores: &[&dyn Store]) {
    let clock = FixedClock::at_date(day());
    let slug = HubSlug::parse("oude-bieb").unwrap();
    let hub_id = HubId::generate(&clock);
    let ghost_hub = HubId::generate(&clock);
    let now = crate::Clock::now(&clock);
    let e = || entry(&clock);
    let a = item(&clock, Category::Books, 3, 20, None);
    let b = item(&clock, Category::Toys, 1, 60, Some(250));
    let c = item(&clock, Category::Books, 2, 20, None);
    let d = item(&clock, Category::Clothing, 1, 0, None);
    let ghost = item(&clock, Category::Other, 1, 0, None);
    let intake: Vec<StockMove> = [&a, &b, &c]
        .iter()
        .map(|i| i.intake_move(&clock, &actor()))
        .collect();
    let mark1 = manual(&clock, a.id, MoveKind::Markdown, 0, Some(100));
    let mark2 = manual(&clock, a.id, MoveKind::Markdown, 0, Some(50));
    let discard = manual(&clock, c.id, MoveKind::Discard, 1, None);
    let too_many = manual(&clock, b.id, MoveKind::Discard, 5, None);
    let correction = manual(&clock, c.id, MoveKind::Correction, -2, None);
    let unknown = manual(&clock, ghost.id, MoveKind::Discard, 1, None);
    let s1 = sale(
        &clock,
        &[(&a, 2, 150), (&b, 1, 250)],
        None,
        day() - Duration::days(35),
    );
    let s2 = sale(&clock, &[(&b, 1, 250)], None, day());
    let s3 = sale(&clock, &[(&a, 1, 150), (&ghost, 1, 100)], None, day());
    let r1 = sale(&clock, &[(&a, -1, 150)], Some(s1.id), day());
    let r2 = sale(&clock, &[(&a, -2, 150)], Some(s1.id), day());
    let r3 = sale(&clock, &[(&b, -1, 250)], Some(s1.id), day());
    let r_ghost = sale(
        &clock,
        &[(&a, -1, 150)],
        Some(SaleId::generate(&clock)),
        day(),
    );
    let r_item = sale(
        &clock,
        &[(&ghost, -1, 150)],
        Some(SaleId::generate(&clock)),
        day(),
    );
    let sales: Vec<(Sale, Vec<StockMove>)> = [&s1, &s1, &s2, &s3, &r1, &r2, &r3, &r_ghost, &r_item]
        .into_iter()
        .map(|s| (s.clone(), s.moves(&clock)))
        .collect();
    let till = TillName::parse("kassa-1").unwrap();
    let input = NewCashUp {
        till: "kassa-1".into(),
        date: None,
        opening_float: Money::from_cents(5000),
        counted: Money::from_cents(5000),
    };
    let cash_up_ids = (CashUpId::generate(&clock), CashUpId::generate(&clock));
    let period = Period::new(day() - Duration::days(60), day()).unwrap();
    let mut answers: Vec<Vec<String>> = Vec::new();
    for store in stores {
        let mut out: Vec<String> = Vec::new();
        let mut log = |s: String| out.push(s);
        let hub = store.ensure_hub(&slug, hub_id, now).await.unwrap();
        log(format!(
            "{:?}",
            store
                .insert_items(hub, &[a.clone(), b.clone(), c.clone()], &intake, &e())
                .await
        ));
        log(format!(
            "{:?}",
            store
                .insert_items(hub, &[d.clone(), b.clone(), a.clone()], &[], &e())
                .await
        ));
        for mv in [
            &mark1,
            &mark2,
            &discard,
            &too_many,
            &correction,
            &correction,
            &unknown,
        ] {
            log(format!("{:?}", store.insert_move(hub, mv, &e()).await));
        }
        for (s, moves) in &sales {
            log(format!(
                "{:?}",
                store.insert_sale(hub, s, moves, &e()).await
            ));
        }
        log(format!(
            "{:?}",
            store.item_states(hub, &[b.id, ghost.id, a.id, b.id]).await
        ));
        log(format!("{:?}", store.item_states(hub, &[]).await));
        log(format!("{:?}", store.moves(hub, a.id).await));
        log(format!("{:?}", store.moves(hub, ghost.id).await));
        for id in [s1.id, r1.id, s3.id] {
            log(format!("{:?}", store.sale(hub, id).await));
        }
        log(format!("{:?}", store.stock_groups(hub).await));
        log(format!(
            "{:?}",
            store.aged_items(hub, day() - Duration::days(10), 10).await
        ));
        log(format!(
            "{:?}",
            store.aged_items(hub, day() + Duration::days(1), 1).await
        ));
        log(format!("{:?}", store.aged_items(hub, day(), 0).await));
        for bucket in [Bucket::Day, Bucket::Week, Bucket::Month] {
            log(format!(
                "{:?}",
                store.sales_by_category(hub, period, bucket).await
            ));
        }
        let totals = store.cash_totals(hub, &till, day()).await;
        log(format!("{totals:?}"));
        log(format!(
            "{:?}",
            store
                .cash_totals(hub, &till, day() - Duration::days(1))
                .await
        ));
        let cu = CashUp::compute(
            cash_up_ids.0,
            till.clone(),
            day(),
            &input,
            totals.unwrap_or(CashTotals::default()),
            &clock,
            &actor(),
        )
        .unwrap();
        log(format!("{:?}", store.insert_cash_up(hub, &cu, &e()).await));
        let again = CashUp {
            id: cash_up_ids.1,
            ..cu.clone()
        };
        log(format!(
            "{:?}",
            store.insert_cash_up(hub, &again, &e()).await
        ));
        log(format!("{:?}", store.cash_ups(hub, period).await));
        log(format!("{:?}", store.pricing_policy(hub).await));
        log(format!(
            "{:?}",
            store
                .set_pricing_policy(hub, &PricingPolicy::standard(), &e())
                .await
        ));
        log(format!(
            "{:?}",
            store
                .pricing_policy(hub)
                .await
                .map(|p| p == Some(PricingPolicy::standard()))
        ));
        let seqs: Vec<i64> = store
            .journal(hub, 0, 100)
            .await
            .unwrap()
            .iter()
            .map(|r| r.seq)
            .collect();
        log(format!("{seqs:?}"));
        // An unknown hub is NotFound everywhere.
        log(format!(
            "{:?}",
            store
                .insert_items(ghost_hub, std::slice::from_ref(&d), &[], &e())
                .await
        ));
        log(format!(
            "{:?}",
            store.insert_move(ghost_hub, &mark1, &e()).await
        ));
        log(format!(
            "{:?}",
            store.insert_sale(ghost_hub, &s2, &[], &e()).await
        ));
        log(format!("{:?}", store.item_states(ghost_hub, &[a.id]).await));
        log(format!("{:?}", store.item_states(ghost_hub, &[]).await));
        log(format!("{:?}", store.moves(ghost_hub, a.id).await));
        log(format!("{:?}", store.sale(ghost_hub, s1.id).await));
        log(format!("{:?}", store.pricing_policy(ghost_hub).await));
        log(format!(
            "{:?}",
            store.cash_totals(ghost_hub, &till, day()).await
        ));
        log(format!("{:?}", store.cash_ups(ghost_hub, period).await));
        log(format!("{:?}", store.stock_groups(ghost_hub).await));
        log(format!("{:?}", store.aged_items(ghost_hub, day(), 5).await));
        log(format!(
            "{:?}",
            store
                .sales_by_category(ghost_hub, period, Bucket::Week)
                .await
        ));
        answers.push(out);
    }
    for (store, answer) in answers.iter().enumerate().skip(1) {
        for (step, (want, got)) in answers[0].iter().zip(answer).enumerate() {
            assert_eq!(want, got, "store {store}, step {step}");
        }
        assert_eq!(answers[0].len(), answer.len());
    }
    // The scenario really reached the interesting branches.
    let all = answers[0].join("\n");
    for needle in [
        "only 0 of item",
        "already exists",
        "NotFound { entity: \"sale\"",
        "already cashed up",
        "NotFound { entity: \"hub\"",
    ] {
        assert!(all.contains(needle), "{needle} missing from\n{all}");
    }
}

/// Two hubs on two separate stores (as two till processes would open the
/// same database) race `rounds` times for the last unit of an item: each
/// time exactly one checkout succeeds and stock ends at zero, never below.
pub(crate) async fn two_stores_race_for_the_last_unit(
    one: Arc<dyn Store>,
    two: Arc<dyn Store>,
    rounds: usize,
) {
    let clock = Arc::new(FixedClock::at_date(day()));
    let till_1 = Hub::with_store(one, "oude-bieb", clock.clone())
        .await
        .unwrap();
    let till_2 = Hub::with_store(two, "oude-bieb", clock.clone())
        .await
        .unwrap();
    let v = Actor::new("kassa", Role::Volunteer).unwrap();
    for round in 0..rounds {
        let lot = till_1
            .take_in(
                &v,
                NewItem::new(Category::Books, "laatste boek", Condition::A, 300),
            )
            .await
            .unwrap();
        let barrier = Arc::new(tokio::sync::Barrier::new(2));
        let tasks: Vec<_> = [till_1.clone(), till_2.clone()]
            .into_iter()
            .enumerate()
            .map(|(i, hub)| {
                let (v, barrier) = (v.clone(), barrier.clone());
                tokio::spawn(async move {
                    let basket = crate::Basket {
                        till: format!("kassa-{}", i + 1),
                        lines: vec![crate::BasketLine {
                            item_id: lot.id,
                            quantity: 1,
                        }],
                        payment: PaymentMethod::Card,
                        city_pass: false,
                        at: None,
                    };
                    barrier.wait().await;
                    hub.checkout(&v, basket).await
                })
            })
            .collect();
        let mut ok = 0;
        for t in tasks {
            match t.await.unwrap() {
                Ok(_) => ok += 1,
                Err(e) => assert_eq!(
                    e,
                    crate::Error::conflict(crate::store::short_message(lot.id, 0, 1)),
                    "round {round}"
                ),
            }
        }
        assert_eq!(ok, 1, "round {round}");
        for hub in [&till_1, &till_2] {
            let view = hub.item(&actor(), lot.id).await.unwrap();
            assert_eq!(view.state.on_hand, 0, "round {round}");
        }
        assert_eq!(
            till_2.moves(&actor(), lot.id).await.unwrap().len(),
            2,
            "round {round}"
        );
    }
}

/// Takes in `n` items in one batch through the Hub; returns items per second.
pub(crate) async fn bulk_intake_rate(store: Arc<dyn Store>, n: usize) -> f64 {
    let clock = Arc::new(FixedClock::at_date(day()));
    let hub = Hub::with_store(store, "oude-bieb", clock).await.unwrap();
    let v = Actor::new("inname", Role::Volunteer).unwrap();
    let inputs: Vec<NewItem> = (0..n)
        .map(|i| {
            NewItem::new(
                Category::ALL[i % 8],
                &format!("ding {i}"),
                Condition::B,
                250,
            )
        })
        .collect();
    let started = std::time::Instant::now();
    let items = hub.take_in_batch(&v, inputs).await.unwrap();
    let secs = started.elapsed().as_secs_f64();
    assert_eq!(items.len(), n);
    let groups = hub.stock_on_hand(&v, None).await.unwrap();
    assert_eq!(groups.iter().map(|g| g.units).sum::<i64>(), n as i64);
    n as f64 / secs
}

/// `n` three-line card checkouts through the Hub, one after another;
/// returns checkouts per second.
pub(crate) async fn checkout_rate(store: Arc<dyn Store>, n: usize) -> f64 {
    let clock = Arc::new(FixedClock::at_date(day()));
    let hub = Hub::with_store(store, "oude-bieb", clock).await.unwrap();
    let v = Actor::new("kassa", Role::Volunteer).unwrap();
    let inputs: Vec<NewItem> = (0..3)
        .map(|i| NewItem {
            quantity: 10_000,
            ..NewItem::new(Category::ALL[i], "stapel", Condition::B, 250)
        })
        .collect();
    let items = hub.take_in_batch(&v, inputs).await.unwrap();
    let basket = crate::Basket {
        till: "kassa-1".into(),
        lines: items
            .iter()
            .map(|i| crate::BasketLine {
                item_id: i.id,
                quantity: 1,
            })
            .collect(),
        payment: PaymentMethod::Card,
        city_pass: false,
        at: None,
    };
    let started = std::time::Instant::now();
    for _ in 0..n {
        hub.checkout(&v, basket.clone()).await.unwrap();
    }
    let secs = started.elapsed().as_secs_f64();
    assert_eq!(
        hub.item(&v, items[0].id).await.unwrap().state.on_hand,
        10_000 - n as i64
    );
    n as f64 / secs
}

use crate::code_list::CodeList as _;
