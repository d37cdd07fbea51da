//! Property test of the stock ledger: random sequences of intake, sales,
//! refunds, discards, corrections and markdowns, checked against a simple
//! model after every step. Runs on the memory store (the SQL stores are held
//! to the same behaviour by the conformance suite).
//!
//! Invariants: stock is never negative; stock = intake − sold + returned −
//! removed ± corrections; a refused operation changes nothing; every sale's
//! line shares add up to its total; the sales report's revenue equals the
//! sum of all sale totals.

use chrono::NaiveDate;
use kringloop::{
    Actor, Basket, BasketLine, Bucket, Category, Condition, FixedClock, Hub, ItemId, Money,
    MoveKind, NewItem, NewMove, PaymentMethod, Period, RefundRequest, Role, Sale,
};
use proptest::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

#[derive(Debug, Clone)]
enum Op {
    Intake {
        category: usize,
        quantity: u32,
        price: Option<i64>,
    },
    Sell {
        item: usize,
        quantity: u32,
        cash: bool,
        pass: bool,
        second_item: Option<usize>,
    },
    Refund {
        sale: usize,
        quantity: u32,
    },
    Remove {
        item: usize,
        quantity: i64,
        kind: usize,
    },
    Correct {
        item: usize,
        delta: i64,
    },
    Markdown {
        item: usize,
        price: i64,
    },
    NextDay {
        days: i64,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0..8usize, 1..6u32, proptest::option::of(0..2000i64)).prop_map(|(category, quantity, price)| Op::Intake { category, quantity, price }),
        4 => (0..50usize, 1..4u32, any::<bool>(), any::<bool>(), proptest::option::of(0..50usize))
            .prop_map(|(item, quantity, cash, pass, second_item)| Op::Sell { item, quantity, cash, pass, second_item }),
        2 => (0..30usize, 1..3u32).prop_map(|(sale, quantity)| Op::Refund { sale, quantity }),
        1 => (0..50usize, 1..4i64, 0..3usize).prop_map(|(item, quantity, kind)| Op::Remove { item, quantity, kind }),
        1 => (0..50usize, -3..4i64).prop_map(|(item, delta)| Op::Correct { item, delta }),
        1 => (0..50usize, 0..1500i64).prop_map(|(item, price)| Op::Markdown { item, price }),
        1 => (1..20i64).prop_map(|days| Op::NextDay { days }),
    ]
}

#[derive(Default)]
struct Model {
    items: Vec<ItemId>,
    on_hand: HashMap<ItemId, i64>,
    sales: Vec<Sale>,
    returned: HashMap<(usize, ItemId), i64>,
}

async fn run(ops: Vec<Op>) -> Result<(), TestCaseError> {
    let start = NaiveDate::from_ymd_opt(2026, 1, 5).ok_or_else(|| TestCaseError::fail("date"))?;
    let clock = Arc::new(FixedClock::at_date(start));
    let hub = Hub::open_with_clock("memory:", "oude-bieb", clock.clone())
        .await
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    let v = Actor::new("kassa", Role::Volunteer).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let mut m = Model::default();
    for op in ops {
        match op {
            Op::Intake {
                category,
                quantity,
                price,
            } => {
                let category = <Category as kringloop::CodeList>::ALL[category];
                let mut input = NewItem::new(category, "ding", Condition::B, 250);
                input.quantity = quantity;
                input.price_override = price.map(Money::from_cents);
                let it = hub
                    .take_in(&v, input)
                    .await
                    .map_err(|e| TestCaseError::fail(e.to_string()))?;
                m.items.push(it.id);
                m.on_hand.insert(it.id, i64::from(quantity));
            }
            Op::Sell {
                item,
                quantity,
                cash,
                pass,
                second_item,
            } => {
                if m.items.is_empty() {
                    continue;
                }
                let a = m.items[item % m.items.len()];
                let mut lines = vec![BasketLine {
                    item_id: a,
                    quantity,
                }];
                if let Some(j) = second_item {
                    let b = m.items[j % m.items.len()];
                    if b != a {
                        lines.push(BasketLine {
                            item_id: b,
                            quantity: 1,
                        });
                    }
                }
                let enough = lines
                    .iter()
                    .all(|l| m.on_hand[&l.item_id] >= i64::from(l.quantity));
                let basket = Basket {
                    till: "kassa-1".into(),
                    lines: lines.clone(),
                    payment: if cash {
                        PaymentMethod::Cash
                    } else {
                        PaymentMethod::Card
                    },
                    city_pass: pass,
                    at: None,
                };
                match hub.checkout(&v, basket).await {
                    Ok(sale) => {
                        prop_assert!(enough, "sold more than on hand");
                        prop_assert_eq!(
                            sale.lines.iter().map(|l| l.net.cents()).sum::<i64>(),
                            sale.total.cents()
                        );
                        for l in &lines {
                            *m.on_hand.entry(l.item_id).or_default() -= i64::from(l.quantity);
                        }
                        m.sales.push(sale);
                    }
                    Err(e) => {
                        prop_assert!(!enough, "refused a sale that fits: {}", e);
                        prop_assert_eq!(e.code().as_str(), "conflict");
                    }
                }
            }
            Op::Refund { sale, quantity } => {
                if m.sales.is_empty() {
                    continue;
                }
                let idx = sale % m.sales.len();
                let original = m.sales[idx].clone();
                let line = &original.lines[0];
                let left =
                    line.quantity - m.returned.get(&(idx, line.item_id)).copied().unwrap_or(0);
                let request = RefundRequest {
                    sale_id: original.id,
                    till: "kassa-1".into(),
                    lines: vec![BasketLine {
                        item_id: line.item_id,
                        quantity,
                    }],
                    payment: PaymentMethod::Cash,
                };
                match hub.refund(&v, request).await {
                    Ok(r) => {
                        prop_assert!(i64::from(quantity) <= left, "returned more than sold");
                        prop_assert_eq!(
                            r.lines.iter().map(|l| l.net.cents()).sum::<i64>(),
                            r.total.cents()
                        );
                        *m.returned.entry((idx, line.item_id)).or_default() += i64::from(quantity);
                        *m.on_hand.entry(line.item_id).or_default() += i64::from(quantity);
                        m.sales.push(r);
                    }
                    Err(e) => {
                        prop_assert!(i64::from(quantity) > left, "refused a fair refund: {}", e);
                    }
                }
            }
            Op::Remove {
                item,
                quantity,
                kind,
            } => {
                if m.items.is_empty() {
                    continue;
                }
                let id = m.items[item % m.items.len()];
                let kind = [MoveKind::Discard, MoveKind::Recycle, MoveKind::Transfer][kind];
                let r = hub
                    .record_move(
                        &v,
                        NewMove {
                            item_id: id,
                            kind,
                            quantity,
                            unit_price: None,
                            reason: None,
                        },
                    )
                    .await;
                let fits = m.on_hand[&id] >= quantity;
                prop_assert_eq!(r.is_ok(), fits);
                if fits {
                    *m.on_hand.entry(id).or_default() -= quantity;
                }
            }
            Op::Correct { item, delta } => {
                if m.items.is_empty() {
                    continue;
                }
                let id = m.items[item % m.items.len()];
                let r = hub
                    .record_move(
                        &v,
                        NewMove {
                            item_id: id,
                            kind: MoveKind::Correction,
                            quantity: delta,
                            unit_price: None,
                            reason: Some("telling".into()),
                        },
                    )
                    .await;
                let fits = delta != 0 && m.on_hand[&id] + delta >= 0;
                prop_assert_eq!(r.is_ok(), fits);
                if fits {
                    *m.on_hand.entry(id).or_default() += delta;
                }
            }
            Op::Markdown { item, price } => {
                if m.items.is_empty() {
                    continue;
                }
                let id = m.items[item % m.items.len()];
                hub.record_move(
                    &v,
                    NewMove {
                        item_id: id,
                        kind: MoveKind::Markdown,
                        quantity: 0,
                        unit_price: Some(Money::from_cents(price)),
                        reason: None,
                    },
                )
                .await
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
                let tag = hub
                    .item(&v, id)
                    .await
                    .map_err(|e| TestCaseError::fail(e.to_string()))?
                    .tag;
                prop_assert_eq!(tag.price.cents(), price);
            }
            Op::NextDay { days } => clock.advance(chrono::Duration::days(days)),
        }
        // the ledger agrees with the model after every step
        for (id, expected) in &m.on_hand {
            let view = hub
                .item(&v, *id)
                .await
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(view.state.on_hand >= 0);
            prop_assert_eq!(view.state.on_hand, *expected);
            let moves = hub
                .moves(&v, *id)
                .await
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(moves.iter().map(|mv| mv.quantity).sum::<i64>(), *expected);
        }
    }
    let everything =
        Period::new(start, clock_today(&clock)).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let report = hub
        .sales_report(&v, everything, Bucket::Month)
        .await
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    let revenue: i64 = report.iter().map(|r| r.revenue.cents()).sum();
    prop_assert_eq!(
        revenue,
        m.sales.iter().map(|s| s.total.cents()).sum::<i64>()
    );
    Ok(())
}

fn clock_today(clock: &FixedClock) -> NaiveDate {
    kringloop::Clock::today(clock)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn the_ledger_never_lies(ops in proptest::collection::vec(op(), 1..60)) {
        let rt = tokio::runtime::Builder::new_current_thread().build().map_err(|e| TestCaseError::fail(e.to_string()))?;
        rt.block_on(run(ops))?;
    }
}
