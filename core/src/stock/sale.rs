//! Checkout: a basket becomes a sale with exact totals; a refund is a new,
//! reversing sale.

use super::{Category, PaymentMethod, percent_of, round_cash};
use crate::{Actor, Clock, Error, ItemId, Money, MoveId, Result, SaleId, TillName};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Most lines in one basket.
pub const MAX_BASKET_LINES: usize = 200;
/// How far ahead of the hub's clock a sale time may lie (tills' clocks drift).
pub const CLOCK_TOLERANCE_MINUTES: i64 = 5;

/// One line of a basket: which item, how many.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BasketLine {
    /// The item.
    pub item_id: ItemId,
    /// Units (at least 1).
    pub quantity: u32,
}

/// What the customer brings to the till.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Basket {
    /// The till.
    pub till: String,
    /// The lines (an item at most once).
    pub lines: Vec<BasketLine>,
    /// Cash or card.
    pub payment: PaymentMethod,
    /// Whether the customer showed a city pass (Stadjerspas).
    #[serde(default)]
    pub city_pass: bool,
    /// When the sale happened, for tills that record offline (default now;
    /// not in the future beyond 5 minutes).
    #[serde(default)]
    pub at: Option<DateTime<Utc>>,
}

/// One line of a sale, priced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SaleLine {
    /// The item.
    pub item_id: ItemId,
    /// Its category (copied for reports).
    pub category: Category,
    /// Units (negative in a refund).
    pub quantity: i64,
    /// Unit price as charged.
    pub unit_price: Money,
    /// `quantity × unit_price`.
    pub line_total: Money,
    /// This line's share of the sale total after the pass discount and cash
    /// rounding; the lines' shares add up to the total exactly.
    pub net: Money,
    /// Weight of the units in grams (negative in a refund).
    pub weight_grams: i64,
}

/// A sale at the till (or, with `reverses`, a refund of an earlier sale).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Sale {
    /// Id.
    pub id: SaleId,
    /// The till.
    pub till: TillName,
    /// When.
    pub at: DateTime<Utc>,
    /// The hub's date of the sale.
    pub date: NaiveDate,
    /// Who was at the till.
    pub actor: String,
    /// Cash or card.
    pub payment: PaymentMethod,
    /// Whether the city-pass discount applied.
    pub city_pass: bool,
    /// The lines.
    pub lines: Vec<SaleLine>,
    /// Sum of line totals.
    pub subtotal: Money,
    /// City-pass discount (subtracted).
    pub discount: Money,
    /// Cash rounding (added; zero for card).
    pub rounding: Money,
    /// What was paid (negative for a refund).
    pub total: Money,
    /// The sale this one refunds, if it is a refund.
    pub reverses: Option<SaleId>,
}

/// A priced basket line: the item's facts the sale needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PricedLine {
    /// The item.
    pub item_id: ItemId,
    /// Its category.
    pub category: Category,
    /// Units (negative for a refund).
    pub quantity: i64,
    /// Unit price charged.
    pub unit_price: Money,
    /// Weight of one unit.
    pub weight_grams: u32,
}

/// Validates the shape of a basket's lines: 1–200 lines, each item once, quantities 1–10 000.
pub fn check_lines(lines: &[BasketLine]) -> Result<()> {
    if lines.is_empty() {
        return Err(Error::validation("lines", "the basket is empty"));
    }
    if lines.len() > MAX_BASKET_LINES {
        return Err(Error::validation(
            "lines",
            format!("at most {MAX_BASKET_LINES} lines"),
        ));
    }
    for (i, l) in lines.iter().enumerate() {
        if !(1..=super::MAX_QUANTITY).contains(&l.quantity) {
            return Err(Error::validation(
                "quantity",
                format!(
                    "line {}: {} units is not between 1 and {}",
                    i + 1,
                    l.quantity,
                    super::MAX_QUANTITY
                ),
            ));
        }
        if lines[..i].iter().any(|o| o.item_id == l.item_id) {
            return Err(Error::validation(
                "lines",
                format!("item {} appears twice; add up the quantity", l.item_id),
            ));
        }
    }
    Ok(())
}

/// The sale time: `at` if given (not beyond the clock's tolerance), else now.
pub fn sale_time(at: Option<DateTime<Utc>>, clock: &dyn Clock) -> Result<DateTime<Utc>> {
    let now = clock.now();
    match at {
        Some(t) if t > now + Duration::minutes(CLOCK_TOLERANCE_MINUTES) => Err(Error::validation(
            "at",
            format!("{t} is in the future (the hub's clock says {now})"),
        )),
        Some(t) => Ok(t),
        None => Ok(now),
    }
}

/// Everything a sale is composed from, besides its priced lines.
#[derive(Debug, Clone)]
pub struct SaleHeader {
    /// Id.
    pub id: SaleId,
    /// Till.
    pub till: TillName,
    /// When.
    pub at: DateTime<Utc>,
    /// Hub date.
    pub date: NaiveDate,
    /// Who.
    pub actor: String,
    /// Payment method.
    pub payment: PaymentMethod,
    /// City pass shown (for a refund: as in the original sale).
    pub city_pass: bool,
    /// Refunded sale.
    pub reverses: Option<SaleId>,
}

impl Sale {
    /// Composes a sale: line totals, the city-pass discount (`discount_percent`
    /// of the subtotal, to the cent), cash rounding, and each line's share of
    /// the total (largest remainder, so shares add up exactly).
    pub fn compose(header: SaleHeader, lines: &[PricedLine], discount_percent: u8) -> Sale {
        let subtotal = lines.iter().fold(Money::ZERO, |acc, l| {
            acc + Money::from_cents(l.unit_price.cents() * l.quantity)
        });
        let discount = if header.city_pass {
            percent_of(subtotal, discount_percent)
        } else {
            Money::ZERO
        };
        let after = subtotal - discount;
        let total = match header.payment {
            PaymentMethod::Cash => round_cash(after),
            PaymentMethod::Card => after,
        };
        let rounding = total - after;
        let nets = allocate(
            total,
            lines.iter().map(|l| l.unit_price.cents() * l.quantity),
        );
        let sale_lines = lines
            .iter()
            .zip(nets)
            .map(|(l, net)| SaleLine {
                item_id: l.item_id,
                category: l.category,
                quantity: l.quantity,
                unit_price: l.unit_price,
                line_total: Money::from_cents(l.unit_price.cents() * l.quantity),
                net: Money::from_cents(net),
                weight_grams: i64::from(l.weight_grams) * l.quantity,
            })
            .collect();
        Sale {
            id: header.id,
            till: header.till,
            at: header.at,
            date: header.date,
            actor: header.actor,
            payment: header.payment,
            city_pass: header.city_pass,
            lines: sale_lines,
            subtotal,
            discount,
            rounding,
            total,
            reverses: header.reverses,
        }
    }

    /// Composes a refund from the lines taken back, each with its share of
    /// the original sale's total (`share`, negative). The refund pays back
    /// exactly those shares — so a later change of the pass discount cannot
    /// change what a refund is worth — rounded to 5 cents when paid in cash.
    pub fn compose_refund(header: SaleHeader, lines: &[(PricedLine, Money)]) -> Sale {
        let priced: Vec<PricedLine> = lines.iter().map(|(l, _)| *l).collect();
        let subtotal = priced.iter().fold(Money::ZERO, |acc, l| {
            acc + Money::from_cents(l.unit_price.cents() * l.quantity)
        });
        let after = lines
            .iter()
            .fold(Money::ZERO, |acc, (_, share)| acc + *share);
        let total = match header.payment {
            PaymentMethod::Cash => round_cash(after),
            PaymentMethod::Card => after,
        };
        let nets = allocate(total, lines.iter().map(|(_, share)| share.cents()));
        Sale {
            id: header.id,
            till: header.till,
            at: header.at,
            date: header.date,
            actor: header.actor,
            payment: header.payment,
            city_pass: header.city_pass,
            lines: priced
                .iter()
                .zip(nets)
                .map(|(l, net)| SaleLine {
                    item_id: l.item_id,
                    category: l.category,
                    quantity: l.quantity,
                    unit_price: l.unit_price,
                    line_total: Money::from_cents(l.unit_price.cents() * l.quantity),
                    net: Money::from_cents(net),
                    weight_grams: i64::from(l.weight_grams) * l.quantity,
                })
                .collect(),
            subtotal,
            discount: subtotal - after,
            rounding: total - after,
            total,
            reverses: header.reverses,
        }
    }

    /// The `sale` (or, for a refund, `return`) moves of this sale.
    pub fn moves(&self, clock: &dyn Clock) -> Vec<super::StockMove> {
        let kind = if self.reverses.is_some() {
            super::MoveKind::Return
        } else {
            super::MoveKind::Sale
        };
        self.lines
            .iter()
            .map(|l| super::StockMove {
                id: MoveId::generate(clock),
                item_id: l.item_id,
                kind,
                quantity: -l.quantity,
                date: self.date,
                at: self.at,
                actor: self.actor.clone(),
                sale_id: Some(self.id),
                unit_price: Some(l.unit_price),
                reason: None,
            })
            .collect()
    }
}

/// Splits `total` over weights proportionally in whole cents so that the
/// parts add up to `total` exactly (largest remainder; ties to the earlier
/// line). Works for refunds too (negative total and weights).
fn allocate(total: Money, weights: impl Iterator<Item = i64>) -> Vec<i64> {
    let mut weights: Vec<i128> = weights.map(i128::from).collect();
    let mut total = i128::from(total.cents());
    let sum: i128 = weights.iter().sum();
    if weights.is_empty() {
        return Vec::new();
    }
    if sum == 0 {
        let mut out = vec![0i64; weights.len()];
        out[0] = i64::try_from(total).unwrap_or(0);
        return out;
    }
    let flip = sum < 0;
    if flip {
        weights.iter_mut().for_each(|w| *w = -*w);
        total = -total;
    }
    let sum = sum.abs();
    let mut parts: Vec<(i128, i128)> = weights
        .iter()
        .map(|w| {
            let exact = total * w;
            (exact.div_euclid(sum), exact.rem_euclid(sum))
        })
        .collect();
    let assigned: i128 = parts.iter().map(|(q, _)| q).sum();
    let mut left = total - assigned;
    let mut order: Vec<usize> = (0..parts.len()).collect();
    crate::order::sort_by(&mut order, |a, b| {
        parts[*b].1.cmp(&parts[*a].1).then(a.cmp(b))
    });
    for i in order.iter().cycle().take(parts.len() * 2) {
        if left == 0 {
            break;
        }
        let step = left.signum();
        parts[*i].0 += step;
        left -= step;
    }
    parts
        .into_iter()
        .map(|(q, _)| i64::try_from(if flip { -q } else { q }).unwrap_or(0))
        .collect()
}

/// Input for a refund: which sale, which lines (default: everything still
/// returnable), and how the money goes back.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RefundRequest {
    /// The sale to refund.
    pub sale_id: SaleId,
    /// The till paying back.
    pub till: String,
    /// Items and units to take back; empty means every line in full.
    #[serde(default)]
    pub lines: Vec<BasketLine>,
    /// Cash or card.
    pub payment: PaymentMethod,
}

/// The lines a refund takes back, priced as charged (negative quantities),
/// each with its share of the original total: `net × returned / sold`,
/// rounded to the cent (halves away from zero). Several partial refunds of
/// one line can therefore differ from its share by a cent in all. The store
/// checks atomically that no more is returned than was sold.
pub fn refund_lines(original: &Sale, lines: &[BasketLine]) -> Result<Vec<(PricedLine, Money)>> {
    if original.reverses.is_some() {
        return Err(Error::conflict("a refund cannot itself be refunded"));
    }
    let wanted: Vec<BasketLine> = if lines.is_empty() {
        original
            .lines
            .iter()
            .map(|l| BasketLine {
                item_id: l.item_id,
                quantity: u32::try_from(l.quantity).unwrap_or(0),
            })
            .collect()
    } else {
        check_lines(lines)?;
        lines.to_vec()
    };
    wanted
        .iter()
        .map(|w| {
            let line = original
                .lines
                .iter()
                .find(|l| l.item_id == w.item_id)
                .ok_or_else(|| {
                    Error::validation(
                        "lines",
                        format!("item {} is not in sale {}", w.item_id, original.id),
                    )
                })?;
            if i64::from(w.quantity) > line.quantity {
                return Err(Error::conflict(format!(
                    "only {} of item {} were sold in sale {}",
                    line.quantity, w.item_id, original.id
                )));
            }
            let q = i64::from(w.quantity);
            let exact = line.net.cents() * q;
            let sold = line.quantity.max(1);
            let share = if exact >= 0 {
                (exact + sold / 2) / sold
            } else {
                (exact - sold / 2) / sold
            };
            Ok((
                PricedLine {
                    item_id: line.item_id,
                    category: line.category,
                    quantity: -q,
                    unit_price: line.unit_price,
                    weight_grams: u32::try_from(line.weight_grams / sold).unwrap_or(0),
                },
                Money::from_cents(-share),
            ))
        })
        .collect()
}

/// Makes the refund's header from the request and the original sale.
pub fn refund_header(
    id: SaleId,
    request: &RefundRequest,
    original: &Sale,
    clock: &dyn Clock,
    actor: &Actor,
) -> Result<SaleHeader> {
    Ok(SaleHeader {
        id,
        till: TillName::parse(&request.till)?,
        at: clock.now(),
        date: clock.today(),
        actor: actor.name().to_string(),
        payment: request.payment,
        city_pass: original.city_pass,
        reverses: Some(original.id),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::FixedClock;

    fn header(payment: PaymentMethod, city_pass: bool) -> SaleHeader {
        let clock = FixedClock::at_date(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
        SaleHeader {
            id: SaleId::generate(&clock),
            till: TillName::parse("kassa-1").unwrap(),
            at: clock.now(),
            date: clock.today(),
            actor: "anna".into(),
            payment,
            city_pass,
            reverses: None,
        }
    }

    fn line(cents: i64, qty: i64) -> PricedLine {
        let clock = FixedClock::at_date(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
        PricedLine {
            item_id: ItemId::generate(&clock),
            category: Category::Books,
            quantity: qty,
            unit_price: Money::from_cents(cents),
            weight_grams: 300,
        }
    }

    #[test]
    fn totals_discount_and_cash_rounding() {
        let lines = [line(250, 1), line(150, 2), line(99, 1)];
        let card = Sale::compose(header(PaymentMethod::Card, true), &lines, 25);
        assert_eq!(card.subtotal.cents(), 649);
        assert_eq!(card.discount.cents(), 162); // 162.25
        assert_eq!((card.rounding.cents(), card.total.cents()), (0, 487));
        let cash = Sale::compose(header(PaymentMethod::Cash, true), &lines, 25);
        assert_eq!((cash.rounding.cents(), cash.total.cents()), (-2, 485));
        assert_eq!(cash.lines.iter().map(|l| l.net.cents()).sum::<i64>(), 485);
        assert_eq!(cash.lines[1].weight_grams, 600);
        let plain = Sale::compose(header(PaymentMethod::Cash, false), &lines, 25);
        assert_eq!((plain.discount.cents(), plain.total.cents()), (0, 650));
    }

    #[test]
    fn a_full_refund_pays_back_exactly_what_was_paid() {
        let lines = [line(250, 1), line(150, 2), line(99, 1)];
        let sale = Sale::compose(header(PaymentMethod::Card, true), &lines, 25);
        let back = refund_lines(&sale, &[]).unwrap();
        let mut h = header(PaymentMethod::Card, true);
        h.reverses = Some(sale.id);
        let refund = Sale::compose_refund(h, &back);
        assert_eq!(refund.total, -sale.total);
        for (r, o) in refund.lines.iter().zip(&sale.lines) {
            assert_eq!(r.net, -o.net);
        }
        assert_eq!(
            refund.subtotal - refund.discount + refund.rounding,
            refund.total
        );
        // in cash, the pay-back rounds to 5 cents
        let mut h = header(PaymentMethod::Cash, true);
        h.reverses = Some(sale.id);
        let cash = Sale::compose_refund(h, &back);
        assert_eq!(cash.total.cents(), -485);
        assert_eq!(cash.lines.iter().map(|l| l.net.cents()).sum::<i64>(), -485);
    }

    #[test]
    fn allocation_adds_up() {
        assert_eq!(
            allocate(Money::from_cents(100), [1, 1, 1].into_iter()),
            vec![34, 33, 33]
        );
        assert_eq!(
            allocate(Money::from_cents(-100), [-1, -1, -1].into_iter()),
            vec![-34, -33, -33]
        );
        let refund = allocate(Money::from_cents(-485), [-250, -300, -99].into_iter());
        assert_eq!(refund.iter().sum::<i64>(), -485);
        let parts = allocate(Money::from_cents(485), [250, 300, 99].into_iter());
        assert_eq!(parts.iter().sum::<i64>(), 485);
        assert_eq!(allocate(Money::ZERO, [0, 0].into_iter()), vec![0, 0]);
    }

    #[test]
    fn basket_shape() {
        assert!(check_lines(&[]).is_err());
        let l = BasketLine {
            item_id: line(1, 1).item_id,
            quantity: 0,
        };
        assert!(check_lines(&[l]).is_err());
        let ok = BasketLine { quantity: 2, ..l };
        assert!(check_lines(&[ok]).is_ok());
        assert!(check_lines(&[ok, ok]).is_err());
    }

    #[test]
    fn sale_time_tolerance() {
        let clock = FixedClock::at_date(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
        assert!(sale_time(Some(clock.now() + Duration::minutes(4)), &clock).is_ok());
        assert!(sale_time(Some(clock.now() + Duration::minutes(6)), &clock).is_err());
        assert_eq!(sale_time(None, &clock).unwrap(), clock.now());
    }
}
