use crate::support::*;
use chrono::{Duration, TimeZone, Utc};
use kringloop::{
    Basket, BasketLine, Bucket, Category, Condition, Error, Hub, ItemId, Money, MoveKind,
    NewCashUp, NewItem, NewMove, PaymentMethod, Period, PricingPolicy, RefundRequest, Role,
    TagColour,
};

fn item(category: Category, condition: Condition, weight: u32) -> NewItem {
    NewItem::new(category, "iets moois", condition, weight)
}

fn shop_volunteer() -> kringloop::Actor {
    kringloop::Actor::new("kassa-vrijwilliger", Role::Volunteer).unwrap()
}

async fn journal_len(hub: &Hub) -> usize {
    hub.journal(&admin(), 0, 10_000).await.unwrap().len()
}

async fn on_hand(hub: &Hub, id: ItemId) -> i64 {
    hub.item(&coordinator(), id).await.unwrap().state.on_hand
}

pub async fn intake_and_read_back(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let v = shop_volunteer();
    let mut input = item(Category::Crockery, Condition::B, 450);
    input.quantity = 6;
    input.donor = Some(kringloop::DonorKind::Household);
    let it = hub.take_in(&v, input).await.unwrap();
    assert_eq!(
        (it.quantity, it.intake_date, it.description.as_str()),
        (6, today(), "iets moois")
    );
    let view = hub.item(&v, it.id).await.unwrap();
    assert_eq!(view.state.item, it, "{}", b.name);
    assert_eq!((view.state.on_hand, view.state.manual_price), (6, None));
    assert_eq!(
        (view.tag.price.cents(), view.tag.colour),
        (150, Some(TagColour::White))
    );
    let moves = hub.moves(&v, it.id).await.unwrap();
    assert_eq!(moves.len(), 1);
    assert_eq!((moves[0].kind, moves[0].quantity), (MoveKind::Intake, 6));
    let ghost = ItemId::generate(b.clock.as_ref());
    assert_eq!(
        hub.item(&v, ghost).await.unwrap_err().code().as_str(),
        "not_found"
    );
    assert_eq!(
        hub.moves(&v, ghost).await.unwrap_err().code().as_str(),
        "not_found"
    );
}

pub async fn batch_intake_is_all_or_nothing(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let v = shop_volunteer();
    let batch: Vec<NewItem> = (0..500)
        .map(|i| item(Category::Books, Condition::A, 200 + i))
        .collect();
    let items = hub.take_in_batch(&v, batch.clone()).await.unwrap();
    assert_eq!(items.len(), 500);
    assert_eq!(on_hand(&hub, items[499].id).await, 1);
    let before = hub.stock_on_hand(&v, None).await.unwrap();
    let journal = journal_len(&hub).await;
    let mut bad = batch;
    bad[2].weight_grams = 0;
    let e = hub.take_in_batch(&v, bad).await.unwrap_err();
    assert!(
        matches!(e, Error::Validation { ref field, ref reason } if field == "weight_grams" && reason.starts_with("item 3:")),
        "{e:?}"
    );
    assert_eq!(
        hub.stock_on_hand(&v, None).await.unwrap(),
        before,
        "{}",
        b.name
    );
    assert_eq!(journal_len(&hub).await, journal);
    assert_eq!(
        hub.take_in_batch(&v, vec![])
            .await
            .unwrap_err()
            .code()
            .as_str(),
        "validation"
    );
}

pub async fn bad_intake_changes_nothing(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let v = shop_volunteer();
    let mut cases = Vec::new();
    let mut zero = item(Category::Toys, Condition::A, 100);
    zero.quantity = 0;
    cases.push(zero);
    let mut negative = item(Category::Toys, Condition::A, 100);
    negative.price_override = Some(Money::from_cents(-1));
    cases.push(negative);
    let mut future = item(Category::Toys, Condition::A, 100);
    future.intake_date = Some(today() + Duration::days(1));
    cases.push(future);
    cases.push(NewItem::new(Category::Toys, "  ", Condition::A, 100));
    for input in cases {
        let e = hub.take_in(&v, input.clone()).await.unwrap_err();
        assert_eq!(e.code().as_str(), "validation", "{}: {input:?}", b.name);
    }
    let e = hub
        .take_in(&researcher(), item(Category::Toys, Condition::A, 100))
        .await
        .unwrap_err();
    assert_eq!(e.code().as_str(), "forbidden");
    assert!(hub.stock_on_hand(&v, None).await.unwrap().is_empty());
    assert_eq!(journal_len(&hub).await, 0);
}

pub async fn ledger_moves_follow_the_rules(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let v = shop_volunteer();
    let mut input = item(Category::Clothing, Condition::A, 300);
    input.quantity = 5;
    let it = hub.take_in(&v, input).await.unwrap();
    let mv = |kind, quantity, unit_price: Option<i64>, reason: Option<&str>| NewMove {
        item_id: it.id,
        kind,
        quantity,
        unit_price: unit_price.map(Money::from_cents),
        reason: reason.map(String::from),
    };
    let d = hub
        .record_move(&v, mv(MoveKind::Discard, 1, None, None))
        .await
        .unwrap();
    assert_eq!(d.quantity, -1);
    hub.record_move(&v, mv(MoveKind::Correction, 2, None, Some("telfout")))
        .await
        .unwrap();
    assert_eq!(on_hand(&hub, it.id).await, 6, "{}", b.name);
    let journal = journal_len(&hub).await;
    for (bad, code) in [
        (mv(MoveKind::Correction, 2, None, None), "validation"),
        (mv(MoveKind::Discard, 0, None, None), "validation"),
        (mv(MoveKind::Sale, 1, None, None), "validation"),
        (mv(MoveKind::Markdown, 0, Some(-5), None), "validation"),
        (mv(MoveKind::Recycle, 7, None, None), "conflict"),
        (mv(MoveKind::Correction, -7, None, Some("weg")), "conflict"),
        (
            NewMove {
                item_id: ItemId::generate(b.clock.as_ref()),
                ..mv(MoveKind::Discard, 1, None, None)
            },
            "not_found",
        ),
    ] {
        let e = hub.record_move(&v, bad.clone()).await.unwrap_err();
        assert_eq!(e.code().as_str(), code, "{}: {bad:?}", b.name);
    }
    assert_eq!(on_hand(&hub, it.id).await, 6);
    assert_eq!(journal_len(&hub).await, journal);
    // a markdown sets a final manual price
    hub.record_move(&v, mv(MoveKind::Markdown, 0, Some(225), None))
        .await
        .unwrap();
    let view = hub.item(&v, it.id).await.unwrap();
    assert_eq!(
        (
            view.state.manual_price,
            view.tag.price.cents(),
            view.tag.colour
        ),
        (Some(Money::from_cents(225)), 225, None)
    );
    hub.record_move(&v, mv(MoveKind::Transfer, 6, None, None))
        .await
        .unwrap();
    let kinds: Vec<MoveKind> = hub
        .moves(&v, it.id)
        .await
        .unwrap()
        .iter()
        .map(|m| m.kind)
        .collect();
    assert_eq!(
        kinds,
        [
            MoveKind::Intake,
            MoveKind::Discard,
            MoveKind::Correction,
            MoveKind::Markdown,
            MoveKind::Transfer
        ]
    );
    assert_eq!(on_hand(&hub, it.id).await, 0);
}

pub async fn pricing_policy_is_set_and_validated(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let c = coordinator();
    assert_eq!(
        hub.pricing_policy(&researcher()).await.unwrap(),
        PricingPolicy::standard()
    );
    let mut json = serde_json::to_value(PricingPolicy::standard()).unwrap();
    json["cityPassDiscountPercent"] = 50.into();
    json["roundingStep"] = 10.into();
    let policy: PricingPolicy = serde_json::from_value(json.clone()).unwrap();
    hub.set_pricing_policy(&c, policy.clone()).await.unwrap();
    assert_eq!(hub.pricing_policy(&c).await.unwrap(), policy, "{}", b.name);
    json["markdown"][0]["fromWeek"] = 3.into();
    assert!(serde_json::from_value::<PricingPolicy>(json).is_err());
    let e = hub
        .set_pricing_policy(&shop_volunteer(), PricingPolicy::standard())
        .await
        .unwrap_err();
    assert_eq!(e.code().as_str(), "forbidden");
    assert_eq!(hub.pricing_policy(&c).await.unwrap(), policy);
}

pub async fn checkout_prices_discounts_and_rounds(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let v = shop_volunteer();
    let book = hub
        .take_in(&v, item(Category::Books, Condition::A, 400))
        .await
        .unwrap(); // € 2,00
    let mut shirts = item(Category::Clothing, Condition::B, 250); // € 3,00
    shirts.quantity = 3;
    let shirts = hub.take_in(&v, shirts).await.unwrap();
    let mut mug = item(Category::Crockery, Condition::A, 300);
    mug.price_override = Some(Money::from_cents(99));
    let mug = hub.take_in(&v, mug).await.unwrap();
    // card, city pass: 200 + 2×300 + 99 = 899; 25% = 224.75 → 225; total 674
    let sale = hub
        .checkout(
            &v,
            basket(
                &[(book.id, 1), (shirts.id, 2), (mug.id, 1)],
                PaymentMethod::Card,
                true,
            ),
        )
        .await
        .unwrap();
    assert_eq!(
        (
            sale.subtotal.cents(),
            sale.discount.cents(),
            sale.rounding.cents(),
            sale.total.cents()
        ),
        (899, 225, 0, 674),
        "{}",
        b.name
    );
    assert_eq!(sale.lines.iter().map(|l| l.net.cents()).sum::<i64>(), 674);
    assert_eq!(sale.lines[1].weight_grams, 500);
    assert_eq!(hub.sale(&v, sale.id).await.unwrap(), sale);
    assert_eq!(on_hand(&hub, shirts.id).await, 1);
    // cash without pass: 300 → 300; with 99: 399 → rounds to 400
    let mut mug2 = item(Category::Crockery, Condition::A, 300);
    mug2.price_override = Some(Money::from_cents(99));
    let mug2 = hub.take_in(&v, mug2).await.unwrap();
    let cash = hub
        .checkout(
            &v,
            basket(&[(shirts.id, 1), (mug2.id, 1)], PaymentMethod::Cash, false),
        )
        .await
        .unwrap();
    assert_eq!(
        (
            cash.subtotal.cents(),
            cash.rounding.cents(),
            cash.total.cents()
        ),
        (399, 1, 400)
    );
    let moves = hub.moves(&v, mug2.id).await.unwrap();
    assert_eq!(
        (moves[1].kind, moves[1].quantity, moves[1].sale_id),
        (MoveKind::Sale, -1, Some(cash.id))
    );
}

pub async fn overselling_is_refused_and_writes_nothing(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let v = shop_volunteer();
    let mut plates = item(Category::Crockery, Condition::B, 400);
    plates.quantity = 4;
    let plates = hub.take_in(&v, plates).await.unwrap();
    let lamp = hub
        .take_in(&v, item(Category::Household, Condition::A, 1500))
        .await
        .unwrap();
    let journal = journal_len(&hub).await;
    let e = hub
        .checkout(
            &v,
            basket(&[(plates.id, 2), (lamp.id, 2)], PaymentMethod::Cash, false),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(e, Error::Conflict(ref m) if m.contains("only 1")),
        "{}: {e:?}",
        b.name
    );
    assert_eq!(
        (on_hand(&hub, plates.id).await, on_hand(&hub, lamp.id).await),
        (4, 1)
    );
    assert_eq!(journal_len(&hub).await, journal);
    let ghost = ItemId::generate(b.clock.as_ref());
    for (bad, code) in [
        (basket(&[], PaymentMethod::Cash, false), "validation"),
        (
            basket(&[(plates.id, 0)], PaymentMethod::Cash, false),
            "validation",
        ),
        (
            basket(
                &[(plates.id, 1), (plates.id, 1)],
                PaymentMethod::Cash,
                false,
            ),
            "validation",
        ),
        (
            basket(&[(ghost, 1)], PaymentMethod::Cash, false),
            "not_found",
        ),
        (
            Basket {
                at: Some(b.clock.now_plus(Duration::minutes(30))),
                ..basket(&[(plates.id, 1)], PaymentMethod::Cash, false)
            },
            "validation",
        ),
        (
            Basket {
                till: "".into(),
                ..basket(&[(plates.id, 1)], PaymentMethod::Cash, false)
            },
            "validation",
        ),
    ] {
        let e = hub.checkout(&v, bad).await.unwrap_err();
        assert_eq!(e.code().as_str(), code, "{}", b.name);
    }
    let e = hub
        .checkout(
            &researcher(),
            basket(&[(plates.id, 1)], PaymentMethod::Cash, false),
        )
        .await
        .unwrap_err();
    assert_eq!(e.code().as_str(), "forbidden");
    assert_eq!(on_hand(&hub, plates.id).await, 4);
    assert_eq!(journal_len(&hub).await, journal);
    // a discarded item cannot be sold
    hub.record_move(
        &v,
        NewMove {
            item_id: lamp.id,
            kind: MoveKind::Discard,
            quantity: 1,
            unit_price: None,
            reason: None,
        },
    )
    .await
    .unwrap();
    let e = hub
        .checkout(&v, basket(&[(lamp.id, 1)], PaymentMethod::Card, false))
        .await
        .unwrap_err();
    assert_eq!(e.code().as_str(), "conflict");
}

trait NowPlus {
    fn now_plus(&self, d: Duration) -> chrono::DateTime<Utc>;
}

impl NowPlus for kringloop::FixedClock {
    fn now_plus(&self, d: Duration) -> chrono::DateTime<Utc> {
        kringloop::Clock::now(self) + d
    }
}

pub async fn two_tills_racing_for_the_last_unit_admit_exactly_one(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let v = shop_volunteer();
    let mut vases = item(Category::Household, Condition::A, 800);
    vases.quantity = 3;
    let vases = hub.take_in(&v, vases).await.unwrap();
    let mut tasks = Vec::new();
    for i in 0..8 {
        let hub = hub.clone();
        let v = v.clone();
        tasks.push(tokio::spawn(async move {
            let mut bk = basket(&[(vases.id, 2)], PaymentMethod::Card, false);
            bk.till = format!("kassa-{}", i % 2 + 1);
            hub.checkout(&v, bk).await
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
    assert_eq!(on_hand(&hub, vases.id).await, 1);
}

pub async fn refunds_reverse_without_editing(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let v = shop_volunteer();
    let mut cups = item(Category::Crockery, Condition::A, 200);
    cups.quantity = 4;
    let cups = hub.take_in(&v, cups).await.unwrap(); // € 3,00
    let book = hub
        .take_in(&v, item(Category::Books, Condition::B, 300))
        .await
        .unwrap(); // € 1,00
    let sale = hub
        .checkout(
            &v,
            basket(&[(cups.id, 3), (book.id, 1)], PaymentMethod::Cash, true),
        )
        .await
        .unwrap();
    // 1000 − 25% = 750
    assert_eq!(sale.total.cents(), 750, "{}", b.name);
    let refund = |lines: Vec<BasketLine>| RefundRequest {
        sale_id: sale.id,
        till: "kassa-1".into(),
        lines,
        payment: PaymentMethod::Cash,
    };
    let r = hub
        .refund(
            &v,
            refund(vec![BasketLine {
                item_id: cups.id,
                quantity: 2,
            }]),
        )
        .await
        .unwrap();
    assert_eq!(
        (
            r.reverses,
            r.subtotal.cents(),
            r.discount.cents(),
            r.total.cents()
        ),
        (Some(sale.id), -600, -150, -450)
    );
    assert_eq!(on_hand(&hub, cups.id).await, 3);
    assert_eq!(
        hub.sale(&v, sale.id).await.unwrap(),
        sale,
        "the original is never edited"
    );
    let journal = journal_len(&hub).await;
    let e = hub
        .refund(
            &v,
            refund(vec![BasketLine {
                item_id: cups.id,
                quantity: 2,
            }]),
        )
        .await
        .unwrap_err();
    assert_eq!(e.code().as_str(), "conflict", "{}", b.name);
    let e = hub
        .refund(
            &v,
            RefundRequest {
                sale_id: r.id,
                ..refund(vec![])
            },
        )
        .await
        .unwrap_err();
    assert_eq!(e.code().as_str(), "conflict");
    let e = hub
        .refund(
            &v,
            RefundRequest {
                sale_id: kringloop::SaleId::generate(b.clock.as_ref()),
                ..refund(vec![])
            },
        )
        .await
        .unwrap_err();
    assert_eq!(e.code().as_str(), "not_found");
    let e = hub
        .refund(
            &v,
            refund(vec![BasketLine {
                item_id: ItemId::generate(b.clock.as_ref()),
                quantity: 1,
            }]),
        )
        .await
        .unwrap_err();
    assert_eq!(e.code().as_str(), "validation");
    assert_eq!(journal_len(&hub).await, journal);
    // the rest comes back in one go
    let rest = hub
        .refund(
            &v,
            refund(vec![
                BasketLine {
                    item_id: cups.id,
                    quantity: 1,
                },
                BasketLine {
                    item_id: book.id,
                    quantity: 1,
                },
            ]),
        )
        .await
        .unwrap();
    assert_eq!(rest.total.cents(), -300);
    assert_eq!(
        (on_hand(&hub, cups.id).await, on_hand(&hub, book.id).await),
        (4, 1)
    );
}

pub async fn cash_up_counts_cash_of_one_till_and_day(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let v = shop_volunteer();
    let mut cups = item(Category::Crockery, Condition::A, 200);
    cups.quantity = 10;
    let cups = hub.take_in(&v, cups).await.unwrap(); // € 3,00
    let s1 = hub
        .checkout(&v, basket(&[(cups.id, 2)], PaymentMethod::Cash, false))
        .await
        .unwrap(); // 600
    hub.checkout(&v, basket(&[(cups.id, 1)], PaymentMethod::Card, false))
        .await
        .unwrap(); // card: not in the drawer
    let mut other = basket(&[(cups.id, 1)], PaymentMethod::Cash, false);
    other.till = "kassa-2".into();
    hub.checkout(&v, other).await.unwrap();
    hub.refund(
        &v,
        RefundRequest {
            sale_id: s1.id,
            till: "kassa-1".into(),
            lines: vec![BasketLine {
                item_id: cups.id,
                quantity: 1,
            }],
            payment: PaymentMethod::Cash,
        },
    )
    .await
    .unwrap(); // −300
    let up = hub
        .cash_up(
            &v,
            NewCashUp {
                till: "kassa-1".into(),
                date: None,
                opening_float: Money::from_cents(5000),
                counted: Money::from_cents(5250),
            },
        )
        .await
        .unwrap();
    assert_eq!(
        (
            up.cash_sales.cents(),
            up.cash_refunds.cents(),
            up.expected.cents(),
            up.difference.cents()
        ),
        (600, 300, 5300, -50),
        "{}",
        b.name
    );
    let again = NewCashUp {
        till: "kassa-1".into(),
        date: Some(today()),
        opening_float: Money::ZERO,
        counted: Money::ZERO,
    };
    assert_eq!(
        hub.cash_up(&v, again.clone())
            .await
            .unwrap_err()
            .code()
            .as_str(),
        "conflict"
    );
    let future = NewCashUp {
        date: Some(today() + Duration::days(1)),
        till: "kassa-3".into(),
        ..again.clone()
    };
    assert_eq!(
        hub.cash_up(&v, future).await.unwrap_err().code().as_str(),
        "validation"
    );
    let negative = NewCashUp {
        till: "kassa-3".into(),
        counted: Money::from_cents(-1),
        ..again
    };
    assert_eq!(
        hub.cash_up(&v, negative).await.unwrap_err().code().as_str(),
        "validation"
    );
    let ups = hub
        .cash_ups(&coordinator(), Period::week_of(today()))
        .await
        .unwrap();
    assert_eq!(ups, vec![up]);
    assert_eq!(
        hub.cash_ups(&v, Period::week_of(today()))
            .await
            .unwrap_err()
            .code()
            .as_str(),
        "forbidden"
    );
}

pub async fn reports_aggregate_stock_and_sales(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let v = shop_volunteer();
    // stock of different ages: today (white), 5 weeks (yellow), 13 weeks (red)
    let aged = |category, days: i64, quantity: u32| {
        let mut i = item(category, Condition::A, 500);
        i.quantity = quantity;
        i.intake_date = Some(today() - Duration::days(days));
        i
    };
    let items = hub
        .take_in_batch(
            &v,
            vec![
                aged(Category::Books, 0, 2),
                aged(Category::Books, 35, 1),
                aged(Category::Clothing, 91, 4),
                aged(Category::Books, 36, 3),
            ],
        )
        .await
        .unwrap();
    let soh = hub.stock_on_hand(&researcher(), None).await.unwrap();
    let got: Vec<(Category, Option<TagColour>, i64, i64, i64, i64)> = soh
        .iter()
        .map(|r| {
            (
                r.category,
                r.colour,
                r.items,
                r.units,
                r.weight_grams,
                r.value.cents(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (Category::Books, Some(TagColour::White), 1, 2, 1000, 400),
            (
                Category::Books,
                Some(TagColour::Yellow),
                2,
                4,
                2000,
                4 * 150
            ),
            (
                Category::Clothing,
                Some(TagColour::Red),
                1,
                4,
                2000,
                4 * 150
            ),
        ],
        "{}",
        b.name
    );
    let old = hub.ageing(&v, 4, 100).await.unwrap();
    assert_eq!(
        old.iter().map(|i| i.state.item.id).collect::<Vec<_>>(),
        vec![items[2].id, items[3].id, items[1].id]
    );
    assert_eq!(old[0].tag.colour, Some(TagColour::Red));
    assert_eq!(
        hub.ageing(&v, 4, 0).await.unwrap_err().code().as_str(),
        "validation"
    );
    // sales on three days: 23 Feb, 1 Mar (same week as 23 Feb? no: 1 Mar is a Sunday of the week of 23 Feb), 2 Mar
    let sell = |id: ItemId, qty: u32, day: (u32, u32)| {
        let mut bk = basket(&[(id, qty)], PaymentMethod::Card, false);
        bk.at = Some(Utc.with_ymd_and_hms(2026, day.0, day.1, 11, 0, 0).unwrap());
        bk
    };
    hub.checkout(&v, sell(items[0].id, 1, (2, 23)))
        .await
        .unwrap(); // books 200
    let s = hub
        .checkout(&v, sell(items[2].id, 2, (3, 1)))
        .await
        .unwrap(); // clothing 2 × 150 (red on 1 Mar)
    hub.checkout(&v, sell(items[0].id, 1, (3, 2)))
        .await
        .unwrap(); // books 200
    hub.refund(
        &v,
        RefundRequest {
            sale_id: s.id,
            till: "kassa-1".into(),
            lines: vec![BasketLine {
                item_id: items[2].id,
                quantity: 1,
            }],
            payment: PaymentMethod::Card,
        },
    )
    .await
    .unwrap(); // refund today (2 Mar): clothing −150
    let all = Period::new(d(2026, 2, 1), d(2026, 3, 31)).unwrap();
    let rows = |bucket| {
        let hub = hub.clone();
        async move {
            hub.sales_report(&researcher(), all, bucket)
                .await
                .unwrap()
                .iter()
                .map(|r| {
                    (
                        r.period_start,
                        r.category,
                        r.revenue.cents(),
                        r.units,
                        r.weight_grams,
                    )
                })
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        rows(Bucket::Month).await,
        vec![
            (d(2026, 2, 1), Category::Books, 200, 1, 500),
            (d(2026, 3, 1), Category::Books, 200, 1, 500),
            (d(2026, 3, 1), Category::Clothing, 150, 1, 500),
        ],
        "{}",
        b.name
    );
    assert_eq!(
        rows(Bucket::Week).await,
        vec![
            (d(2026, 2, 23), Category::Books, 200, 1, 500),
            (d(2026, 2, 23), Category::Clothing, 300, 2, 1000),
            (d(2026, 3, 2), Category::Books, 200, 1, 500),
            (d(2026, 3, 2), Category::Clothing, -150, -1, -500),
        ],
        "{}",
        b.name
    );
    assert_eq!(rows(Bucket::Day).await.len(), 4);
    // A period that ends inside a month counts that month's lines up to it
    // (whole months come from the running totals; both must agree).
    let to_march_1 = Period::new(d(2026, 2, 1), d(2026, 3, 1)).unwrap();
    let partial: Vec<_> = hub
        .sales_report(&v, to_march_1, Bucket::Month)
        .await
        .unwrap()
        .iter()
        .map(|r| (r.period_start, r.category, r.revenue.cents(), r.units))
        .collect();
    assert_eq!(
        partial,
        vec![
            (d(2026, 2, 1), Category::Books, 200, 1),
            (d(2026, 3, 1), Category::Clothing, 300, 2),
        ],
        "{}",
        b.name
    );
    let only_march_2 = Period::new(d(2026, 3, 2), d(2026, 3, 2)).unwrap();
    assert_eq!(
        hub.sales_report(&v, only_march_2, Bucket::Day)
            .await
            .unwrap()
            .len(),
        2
    );
}

pub async fn stock_never_crosses_hubs(b: &Backend) {
    let bieb = b.hub("oude-bieb").await;
    let other = b.hub("lewenborg-noord").await;
    let v = shop_volunteer();
    let it = bieb
        .take_in(&v, item(Category::Toys, Condition::A, 300))
        .await
        .unwrap();
    assert_eq!(
        other.item(&v, it.id).await.unwrap_err().code().as_str(),
        "not_found",
        "{}",
        b.name
    );
    let e = other
        .checkout(&v, basket(&[(it.id, 1)], PaymentMethod::Card, false))
        .await
        .unwrap_err();
    assert_eq!(e.code().as_str(), "not_found");
    assert!(other.stock_on_hand(&v, None).await.unwrap().is_empty());
    let s = bieb
        .checkout(&v, basket(&[(it.id, 1)], PaymentMethod::Card, false))
        .await
        .unwrap();
    assert_eq!(
        other.sale(&v, s.id).await.unwrap_err().code().as_str(),
        "not_found"
    );
    let all = Period::new(d(2026, 1, 1), d(2026, 12, 31)).unwrap();
    assert!(
        other
            .sales_report(&v, all, Bucket::Month)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        bieb.sales_report(&v, all, Bucket::Month)
            .await
            .unwrap()
            .len(),
        1
    );
}

pub async fn reuse_impact_uses_the_hubs_factors(b: &Backend) {
    use kringloop::{ImpactFactor, ImpactFactors};
    let hub = b.hub("oude-bieb").await;
    let v = shop_volunteer();
    let c = coordinator();
    assert_eq!(
        hub.impact_factors(&researcher()).await.unwrap(),
        ImpactFactors::standard()
    );
    let mut coat = item(Category::Clothing, Condition::A, 1200);
    coat.quantity = 2;
    let coat = hub.take_in(&v, coat).await.unwrap();
    let book = hub
        .take_in(&v, item(Category::Books, Condition::A, 400))
        .await
        .unwrap();
    hub.checkout(
        &v,
        basket(&[(coat.id, 2), (book.id, 1)], PaymentMethod::Card, false),
    )
    .await
    .unwrap();
    let week = Period::week_of(today());
    let rows = hub.reuse_impact(&researcher(), week).await.unwrap();
    let got: Vec<(Category, i64, Option<i64>)> = rows
        .iter()
        .map(|r| (r.category, r.weight_grams, r.grams_co2e))
        .collect();
    assert_eq!(
        got,
        vec![
            (Category::Books, 400, Some(400)),
            (Category::Clothing, 2400, Some(14_640))
        ],
        "{}",
        b.name
    );
    // the hub sets its own factors: only clothing, from its own source
    let own = ImpactFactors::new(vec![ImpactFactor {
        category: Category::Clothing,
        grams_co2e_per_kg: 5_000,
        source: "eigen meting 2026".into(),
        source_date: d(2026, 1, 1),
    }])
    .unwrap();
    let e = hub.set_impact_factors(&v, own.clone()).await.unwrap_err();
    assert_eq!(e.code().as_str(), "forbidden");
    hub.set_impact_factors(&c, own.clone()).await.unwrap();
    assert_eq!(hub.impact_factors(&v).await.unwrap(), own, "{}", b.name);
    let rows = hub.reuse_impact(&researcher(), week).await.unwrap();
    assert_eq!(
        (rows[0].grams_co2e, rows[0].source.as_deref()),
        (None, None),
        "no factor, no figure"
    );
    assert_eq!(
        (rows[1].grams_co2e, rows[1].source.as_deref()),
        (Some(12_000), Some("eigen meting 2026"))
    );
}

pub async fn in_stock_lists_sellable_items_and_suggest_price_writes_nothing(b: &Backend) {
    let hub = b.hub("oude-bieb").await;
    let v = shop_volunteer();
    let mut old = item(Category::Books, Condition::A, 300);
    old.intake_date = Some(today() - Duration::days(35));
    let mut cups = item(Category::Crockery, Condition::B, 200);
    cups.quantity = 2;
    let items = hub
        .take_in_batch(&v, vec![old, cups, item(Category::Toys, Condition::C, 100)])
        .await
        .unwrap();
    hub.checkout(&v, basket(&[(items[2].id, 1)], PaymentMethod::Card, false))
        .await
        .unwrap();
    // today's intake is listed (unlike `ageing(0)`), the sold-out toy is not
    let listed = hub.in_stock(&v, 100).await.unwrap();
    assert_eq!(
        listed
            .iter()
            .map(|i| (i.state.item.id, i.state.on_hand, i.tag.colour))
            .collect::<Vec<_>>(),
        vec![
            (items[0].id, 1, Some(TagColour::Yellow)),
            (items[1].id, 2, Some(TagColour::White)),
        ],
        "{}",
        b.name
    );
    assert_eq!(hub.in_stock(&v, 1).await.unwrap().len(), 1);
    assert_eq!(
        hub.in_stock(&v, 0).await.unwrap_err().code().as_str(),
        "validation"
    );
    let before = journal_len(&hub).await;
    let tag = hub
        .suggest_price(
            &v,
            kringloop::PriceQuery {
                category: Category::Crockery,
                condition: Condition::B,
                price_override: None,
            },
        )
        .await
        .unwrap();
    assert_eq!(
        (tag.price.cents(), tag.percent_off, tag.colour),
        (150, 0, Some(TagColour::White))
    );
    let fixed = hub
        .suggest_price(
            &v,
            kringloop::PriceQuery {
                category: Category::Other,
                condition: Condition::A,
                price_override: Some(Money::from_cents(2499)),
            },
        )
        .await
        .unwrap();
    assert_eq!(fixed.price.cents(), 2499);
    let bad = kringloop::PriceQuery {
        category: Category::Other,
        condition: Condition::A,
        price_override: Some(Money::from_cents(-1)),
    };
    assert_eq!(
        hub.suggest_price(&v, bad)
            .await
            .unwrap_err()
            .code()
            .as_str(),
        "validation"
    );
    assert_eq!(journal_len(&hub).await, before, "suggesting writes nothing");
}
