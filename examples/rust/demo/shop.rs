//! The shop part of the demo: a year of donated goods and sales at two
//! tills, then the shop's figures for the municipality.

use super::Dice;
use chrono::{Datelike, Duration, NaiveDate, TimeZone, Utc};
use kringloop::{
    Actor, Basket, BasketLine, Bucket, Category, CodeList, Condition, DonorKind, Hub, ItemId,
    Money, MoveKind, NewCashUp, NewItem, NewMove, PaymentMethod, Period, Weekday,
};
use std::collections::HashMap;
use std::error::Error;

/// What donations look like: category, how often (out of 100), typical
/// descriptions, weight range in grams.
const GOODS: [(Category, u64, &[&str], u32, u32); 8] = [
    (
        Category::Books,
        22,
        &["roman", "kinderboek", "kookboek", "atlas", "stripboek"],
        150,
        900,
    ),
    (
        Category::Clothing,
        26,
        &["trui", "spijkerbroek", "jas", "jurk", "overhemd", "sjaal"],
        150,
        1200,
    ),
    (
        Category::Crockery,
        14,
        &[
            "theepot",
            "bord",
            "schaal",
            "glazen (set)",
            "kopje en schotel",
        ],
        200,
        1500,
    ),
    (
        Category::Toys,
        10,
        &["puzzel", "knuffel", "bordspel", "blokkendoos", "pop"],
        100,
        2000,
    ),
    (
        Category::Furniture,
        3,
        &["stoel", "bijzettafel", "boekenkast", "lamp", "fauteuil"],
        3000,
        30000,
    ),
    (
        Category::Electronics,
        5,
        &["radio", "waterkoker", "föhn", "koffiezetapparaat"],
        500,
        4000,
    ),
    (
        Category::Household,
        14,
        &["pan", "vaas", "fotolijst", "gordijnen", "bestekset"],
        200,
        2500,
    ),
    (
        Category::Other,
        6,
        &["fietstas", "spiegel", "koffer", "plantenbak"],
        300,
        5000,
    ),
];

/// A random kind of donation, weighted by how often it comes in.
fn pick(dice: &mut Dice) -> (Category, &'static [&'static str], u32, u32) {
    let mut roll = dice.below(100);
    for (category, weight, names, lo, hi) in GOODS {
        if roll < weight {
            return (category, names, lo, hi);
        }
        roll -= weight;
    }
    let (category, _, names, lo, hi) = GOODS[0];
    (category, names, lo, hi)
}

/// Fills a year of intake and sales ending `today`, if the shop is still
/// empty; returns (items, sales).
pub async fn seed(
    hub: &Hub,
    c: &Actor,
    today: NaiveDate,
    dice: &mut Dice,
) -> Result<(usize, usize), Box<dyn Error>> {
    let first = today - Duration::days(364);
    let mut on_hand: Vec<(ItemId, u32)> = Vec::new();
    let (mut items, mut sales) = (0, 0);
    let mut day = first;
    while day <= today {
        let weekday = Weekday::of(day);
        if matches!(weekday, Weekday::Sunday | Weekday::Monday) {
            day += Duration::days(1);
            continue;
        }
        // Intake: a batch of donations each opening day.
        let batch: Vec<NewItem> = (0..(20 + dice.below(25)))
            .map(|_| {
                let (category, names, lo, hi) = pick(dice);
                let mut item = NewItem::new(
                    category,
                    names[dice.below(names.len() as u64) as usize],
                    Condition::ALL[dice.below(3) as usize],
                    lo + dice.below(u64::from(hi - lo)) as u32,
                );
                item.quantity = if category == Category::Crockery {
                    1 + dice.below(4) as u32
                } else {
                    1
                };
                item.donor = Some(DonorKind::ALL[dice.below(4) as usize]);
                item.intake_date = Some(day);
                item
            })
            .collect();
        for it in hub.take_in_batch(c, batch).await? {
            on_hand.push((it.id, it.quantity));
            items += 1;
        }
        // Sales: 10–25 customers, at two tills, a third of them with a city pass.
        let mut drawer = Money::ZERO; // cash taken at kassa-1 today
        for n in 0..(10 + dice.below(16)) {
            if on_hand.is_empty() {
                break;
            }
            let mut lines: Vec<BasketLine> = Vec::new();
            for _ in 0..(1 + dice.below(3)) {
                let i = dice.below(on_hand.len() as u64) as usize;
                let (id, left) = on_hand[i];
                if lines.iter().all(|l| l.item_id != id) {
                    lines.push(BasketLine {
                        item_id: id,
                        quantity: 1.min(left),
                    });
                }
            }
            let hour = 10 + (n as u32 % 6);
            let basket = Basket {
                till: format!("kassa-{}", 1 + n % 2),
                lines: lines.clone(),
                payment: if dice.chance(55) {
                    PaymentMethod::Cash
                } else {
                    PaymentMethod::Card
                },
                city_pass: dice.chance(30),
                // never later than now (the till refuses sales in the future)
                at: Utc
                    .with_ymd_and_hms(
                        day.year(),
                        day.month(),
                        day.day(),
                        hour,
                        dice.below(60) as u32,
                        0,
                    )
                    .single()
                    .map(|t| t.min(hub.clock().now())),
            };
            let sale = hub.checkout(c, basket).await?;
            if sale.till.as_str() == "kassa-1" && sale.payment == PaymentMethod::Cash {
                drawer = drawer + sale.total;
            }
            sales += 1;
            for l in &lines {
                if let Some(pos) = on_hand.iter().position(|(id, _)| *id == l.item_id) {
                    on_hand[pos].1 -= l.quantity;
                    if on_hand[pos].1 == 0 {
                        on_hand.swap_remove(pos);
                    }
                }
            }
        }
        // Now and then something broken goes to recycling.
        if dice.chance(20) && !on_hand.is_empty() {
            let i = dice.below(on_hand.len() as u64) as usize;
            let (id, _) = on_hand[i];
            let mv = NewMove {
                item_id: id,
                kind: MoveKind::Recycle,
                quantity: 1,
                unit_price: None,
                reason: Some("kapot".into()),
            };
            hub.record_move(c, mv).await?;
            on_hand[i].1 -= 1;
            if on_hand[i].1 == 0 {
                on_hand.swap_remove(i);
            }
        }
        // Closing time: count kassa-1; now and then a few coins are missing.
        let short = if dice.chance(15) {
            5 * (1 + dice.below(4) as i64)
        } else {
            0
        };
        let float = Money::from_cents(5_000);
        let count = NewCashUp {
            till: "kassa-1".into(),
            date: Some(day),
            opening_float: float,
            counted: float + drawer - Money::from_cents(short),
        };
        hub.cash_up(c, count).await?;
        day += Duration::days(1);
    }
    Ok((items, sales))
}

fn euro(cents: i64) -> String {
    Money::from_cents(cents).to_string()
}

fn kg(grams: i64) -> String {
    format!("{:.1} kg", grams as f64 / 1000.0)
}

/// Prints the shop's year: revenue, units and kilograms per category, CO2e
/// avoided, stock on hand by tag colour, and today's cash-up.
pub async fn summary(hub: &Hub, c: &Actor, today: NaiveDate) -> Result<(), Box<dyn Error>> {
    let year = Period::new(today - Duration::days(364), today)?;
    let rows = hub.sales_report(c, year, Bucket::Month).await?;
    let mut per: HashMap<Category, (i64, i64, i64)> = HashMap::new();
    for r in &rows {
        let e = per.entry(r.category).or_default();
        e.0 += r.revenue.cents();
        e.1 += r.units;
        e.2 += r.weight_grams;
    }
    let impact = hub.reuse_impact(c, year).await?;
    println!("\nWinkel, {} t/m {}:", year.from(), year.to());
    println!(
        "  {:<14} {:>12} {:>7} {:>11} {:>12}",
        "categorie", "omzet", "stuks", "hergebruikt", "CO2e bespaard"
    );
    let (mut revenue, mut units, mut grams, mut co2) = (0, 0, 0, 0);
    for category in Category::ALL {
        let (r, u, g) = per.get(category).copied().unwrap_or_default();
        let c2 = impact
            .iter()
            .find(|i| i.category == *category)
            .and_then(|i| i.grams_co2e)
            .unwrap_or(0);
        println!(
            "  {:<14} {:>12} {:>7} {:>11} {:>12}",
            category.label_nl(),
            euro(r),
            u,
            kg(g),
            kg(c2)
        );
        revenue += r;
        units += u;
        grams += g;
        co2 += c2;
    }
    println!(
        "  {:<14} {:>12} {:>7} {:>11} {:>12}",
        "totaal",
        euro(revenue),
        units,
        kg(grams),
        kg(co2)
    );
    println!("  (CO2e-factoren en bronnen: docs/impact.md)");

    let stock = hub.stock_on_hand(c, None).await?;
    let mut by_colour: HashMap<String, (i64, i64)> = HashMap::new();
    for s in &stock {
        let colour = s
            .colour
            .map_or("handmatig".to_string(), |c| c.label_nl().to_string());
        let e = by_colour.entry(colour).or_default();
        e.0 += s.units;
        e.1 += s.value.cents();
    }
    let mut colours: Vec<_> = by_colour.into_iter().collect();
    colours.sort_by_key(|(_, (u, _))| std::cmp::Reverse(*u));
    println!("\nVoorraad vandaag per prijskaartje:");
    for (colour, (u, v)) in colours {
        println!("  {:<14} {:>7} stuks, waarde {}", colour, u, euro(v));
    }

    let ups = hub.cash_ups(c, year).await?;
    let missing: i64 = ups
        .iter()
        .map(|u| u.difference.cents())
        .filter(|d| *d < 0)
        .sum();
    let off = ups.iter().filter(|u| u.difference.cents() != 0).count();
    println!(
        "\nKas opmaken kassa-1: {} dagen, {} met een verschil, samen {}",
        ups.len(),
        off,
        euro(missing)
    );
    if let Some(up) = ups.last() {
        println!(
            "  laatste ({}): begin {} + contant {} − retour {} = verwacht {}, geteld {}, verschil {}",
            up.date,
            up.opening_float,
            up.cash_sales,
            up.cash_refunds,
            up.expected,
            up.counted,
            up.difference
        );
    }
    Ok(())
}
