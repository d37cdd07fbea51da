"""Stock, pricing and the till: intake, price tags, moves, checkout, refunds,
cash-ups and reports. Money is always an ``int`` of cents."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any, Callable

import pytest

import kringloop as k
from conftest import NOW, TODAY

NOBODY = "019cae6b-6600-7000-8000-00000000abcd"


@pytest.fixture
def clerk() -> k.Actor:
    """A volunteer at the till: may take in, sell, record moves and cash up."""
    return k.Actor("bea", "volunteer")


@pytest.fixture
def stock(hub: k.Hub, admin: k.Actor) -> Callable[..., tuple[Any, ...]]:
    """Everything the stock side holds (plus the given items), to compare
    before and after a refused call."""

    def take(*item_ids: str) -> tuple[Any, ...]:
        return (
            hub.journal(admin, limit=10_000),
            hub.stock_on_hand(admin),
            hub.pricing_policy(admin),
            [(hub.item(admin, i), hub.moves(admin, i)) for i in item_ids],
        )

    return take


def book(hub: k.Hub, actor: k.Actor, **kw: Any) -> k.Item:
    """One book in condition A (€ 2,00 under the standard policy)."""
    return hub.take_in(actor, "books", kw.pop("description", "Max Havelaar"), "a", 300, **kw)


def exact_prices(hub: k.Hub, actor: k.Actor) -> k.PricingPolicy:
    """The standard policy, but rounding to the cent (so odd totals happen)."""
    policy = hub.pricing_policy(actor).to_dict()
    policy["rounding_step"] = 1
    return hub.set_pricing_policy(actor, policy)


# ---- intake ----


def test_take_in_one(hub: k.Hub, clerk: k.Actor, admin: k.Actor) -> None:
    before = len(hub.journal(admin, limit=10_000))
    item = hub.take_in(clerk, "crockery", "blauwe theepot", "b", 850)
    assert (item.category, item.description, item.condition, item.weight_grams) == (
        "crockery",
        "blauwe theepot",
        "b",
        850,
    )
    assert (item.quantity, item.donor, item.intake_date, item.price_override) == (1, None, TODAY, None)
    assert item.to_dict()["id"] == item.id
    more = hub.take_in(
        clerk,
        "furniture",
        "eikenhouten kast",
        "a",
        45_000,
        quantity=2,
        donor="clearance",
        intake_date=TODAY - timedelta(days=3),
        price_override=12_000,
    )
    assert (more.quantity, more.donor, more.price_override) == (2, "clearance", 12_000)
    view = hub.item(clerk, more.id)
    assert (view.id, view.on_hand, view.manual_price) == (more.id, 2, None)
    assert view.tag == view.tag and view.tag.to_dict() == {
        "base": 12_000,
        "percent_off": 0,
        "colour": "white",
        "price": 12_000,
    }
    [intake] = hub.moves(clerk, more.id)
    assert (intake.kind, intake.quantity, intake.date, intake.actor, intake.sale_id) == (
        "intake",
        2,
        TODAY - timedelta(days=3),
        "bea",
        None,
    )
    journal = hub.journal(admin, limit=10_000)
    assert len(journal) == before + 2 and journal[-1].action == "item.taken_in"


def test_take_in_a_batch_of_1000(hub: k.Hub, clerk: k.Actor, admin: k.Actor) -> None:
    before = len(hub.journal(admin, limit=10_000))
    rows = [
        {"category": "clothing" if i % 2 else "books", "description": f"ding {i}", "condition": "b", "weight_grams": 200}
        for i in range(1000)
    ]
    rows[0].update(quantity=3, donor="household", intake_date=TODAY, price_override=None)
    items = hub.take_in_batch(clerk, iter(rows))  # any iterable
    assert len(items) == 1000 and items[0].quantity == 3 and items[0].donor == "household"
    assert [i.description for i in items[:2]] == ["ding 0", "ding 1"]
    assert len(hub.journal(admin, limit=10_000)) == before + 1, "one journal entry for the batch"
    on_hand = {(r.category, r.colour): (r.items, r.units, r.value) for r in hub.stock_on_hand(clerk)}
    assert on_hand == {("books", "white"): (500, 502, 502 * 100), ("clothing", "white"): (500, 500, 500 * 300)}


def test_batch_all_or_nothing(hub, clerk, stock) -> None:
    good = {"category": "toys", "description": "knikkers", "condition": "a", "weight_grams": 100}
    before = stock()
    with pytest.raises(k.ValidationError) as e:
        hub.take_in_batch(clerk, [good, {**good, "colour": "red"}])
    assert e.value.field == "items" and "item 2" in e.value.reason and "colour" in e.value.reason
    with pytest.raises(k.ValidationError) as e:
        hub.take_in_batch(clerk, [good, {"category": "toys", "description": "bal", "condition": "a"}])
    assert e.value.field == "items" and "weight_grams" in e.value.reason
    with pytest.raises(k.ValidationError) as e:
        hub.take_in_batch(clerk, [good, good, {**good, "quantity": 0}])
    assert e.value.field == "quantity" and e.value.reason.startswith("item 3: ")
    with pytest.raises(k.ValidationError) as e:
        hub.take_in_batch(clerk, [good, {**good, "quantity": -2}])
    assert e.value.field == "quantity" and e.value.reason.startswith("item 2: ")
    with pytest.raises(k.ValidationError) as e:
        hub.take_in_batch(clerk, [good, {**good, "category": "boats"}])
    assert e.value.field == "category"
    with pytest.raises(k.ValidationError) as e:
        hub.take_in_batch(clerk, [])
    assert e.value.field == "items"
    with pytest.raises(TypeError):
        hub.take_in_batch(clerk, good)  # type: ignore[arg-type]
    assert stock() == before


# ---- price tags over time ----


def test_price_tags_over_time(hub: k.Hub, clerk: k.Actor) -> None:
    coat = hub.take_in(clerk, "clothing", "winterjas", "a", 1200)  # € 5,00
    shown = []
    for weeks in [0, 3, 4, 8, 12, 30]:
        hub.set_now(NOW + timedelta(weeks=weeks))
        tag = hub.item(clerk, coat.id).tag
        shown.append((tag.percent_off, tag.colour, tag.price))
        assert tag.base == 500
    assert shown == [
        (0, "white", 500),
        (0, "white", 500),
        (25, "yellow", 400),  # 3,75 → 4,00 (rounded to € 0,50, halves up)
        (50, "orange", 250),
        (75, "red", 150),
        (75, "red", 150),
    ]
    # the stock report values at the prices of the day asked for
    [row] = hub.stock_on_hand(clerk, on=TODAY)
    assert (row.colour, row.value) == ("white", 500)
    assert [v.id for v in hub.ageing(clerk, 29)] == [coat.id]  # taken in more than 29 weeks ago
    assert hub.ageing(clerk, 30) == []


def test_ageing_lists_oldest_first(hub: k.Hub, clerk: k.Actor) -> None:
    old = book(hub, clerk, intake_date=TODAY - timedelta(weeks=10))
    older = book(hub, clerk, intake_date=TODAY - timedelta(weeks=20))
    book(hub, clerk)
    views = hub.ageing(clerk, 8)
    assert [v.id for v in views] == [older.id, old.id]
    assert [(v.tag.colour, v.tag.price) for v in views] == [("red", 50), ("orange", 100)]
    assert [v.id for v in hub.ageing(clerk, 8, limit=1)] == [older.id]


# ---- moves ----


def test_markdown_discard_and_correction(hub: k.Hub, clerk: k.Actor, stock) -> None:
    lamp = hub.take_in(clerk, "electronics", "leeslamp", "b", 900, quantity=5)  # € 8,00
    m = hub.record_move(clerk, lamp.id, "markdown", unit_price=350)
    assert (m.kind, m.quantity, m.unit_price, m.item_id, m.date) == ("markdown", 0, 350, lamp.id, TODAY)
    view = hub.item(clerk, lamp.id)
    assert (view.manual_price, view.tag.price, view.tag.colour, view.on_hand) == (350, 350, None, 5)
    d = hub.record_move(clerk, lamp.id, "discard", quantity=2)
    assert (d.kind, d.quantity) == ("discard", -2)
    c = hub.record_move(clerk, lamp.id, "correction", quantity=1, reason="nog een gevonden")
    assert (c.quantity, c.reason) == (1, "nog een gevonden")
    hub.record_move(clerk, lamp.id, "transfer", quantity=1)
    assert hub.item(clerk, lamp.id).on_hand == 3
    assert [x.kind for x in hub.moves(clerk, lamp.id)] == ["intake", "markdown", "discard", "correction", "transfer"]

    before = stock(lamp.id)
    refused: list[tuple[type[Exception], str, dict[str, Any]]] = [
        (k.ConflictError, "discard", {"quantity": 4}),  # below zero
        (k.ConflictError, "correction", {"quantity": -4, "reason": "telfout"}),
        (k.ValidationError, "discard", {"quantity": 0}),
        (k.ValidationError, "recycle", {"quantity": -1}),
        (k.ValidationError, "correction", {"quantity": 1}),  # no reason
        (k.ValidationError, "markdown", {"unit_price": -50}),
        (k.ValidationError, "markdown", {}),
        (k.ValidationError, "sale", {"quantity": 1}),
        (k.ValidationError, "stolen", {"quantity": 1}),
    ]
    for error, kind, kw in refused:
        with pytest.raises(error):
            hub.record_move(clerk, lamp.id, kind, **kw)
    with pytest.raises(k.NotFoundError) as nf:
        hub.record_move(clerk, NOBODY, "discard", quantity=1)
    assert (nf.value.entity, nf.value.id) == ("item", NOBODY)
    assert stock(lamp.id) == before


# ---- pricing policy ----


def test_pricing_policy_round_trips(hub: k.Hub, coordinator: k.Actor, researcher: k.Actor) -> None:
    policy = hub.pricing_policy(researcher)
    assert policy.rounding_step == 50 and policy.city_pass_discount_percent == 25
    assert ("books", "a", 200) in policy.base_prices and len(policy.base_prices) == 24
    assert policy.markdown == [(0, 0, "white"), (4, 25, "yellow"), (8, 50, "orange"), (12, 75, "red")]
    assert hub.set_pricing_policy(coordinator, policy.to_dict()) == policy
    assert hub.set_pricing_policy(coordinator, policy) == policy
    d = policy.to_dict()
    d["rounding_step"] = 10
    d["markdown"] = [(0, 0, "green"), (2, 10, "blue"), (6, 40, "purple")]
    d["city_pass_discount_percent"] = 50
    changed = hub.set_pricing_policy(coordinator, d)
    assert changed.to_dict() == d and hub.pricing_policy(coordinator) == changed


def test_bad_pricing_policies(hub, coordinator, clerk, stock) -> None:
    good = hub.pricing_policy(coordinator).to_dict()
    before = stock()
    bad: list[tuple[dict[str, Any], str]] = [
        ({**good, "base_prices": good["base_prices"][1:]}, "base_prices"),
        ({**good, "base_prices": [("books", "a", -1), *good["base_prices"][1:]]}, "base_prices"),
        ({**good, "rounding_step": 0}, "rounding_step"),
        ({**good, "markdown": [(1, 0, "white")]}, "markdown"),
        ({**good, "markdown": [(0, 50, "white"), (4, 25, "yellow")]}, "markdown"),
        ({**good, "markdown": [(0, 0, "white"), (-4, 25, "yellow")]}, "from_week"),
        ({**good, "markdown": [(0, 0, "beige")]}, "tag_colour"),
        ({**good, "city_pass_discount_percent": 101}, "percent_off"),
        ({**good, "city_pass_discount_percent": -1}, "city_pass_discount_percent"),
        ({**good, "surprise": 1}, "pricing_policy"),
        ({k_: v for k_, v in good.items() if k_ != "markdown"}, "pricing_policy"),
    ]
    for policy, field in bad:
        with pytest.raises(k.ValidationError) as e:
            hub.set_pricing_policy(coordinator, policy)
        assert e.value.field == field, policy
    with pytest.raises(k.ForbiddenError) as f:
        hub.set_pricing_policy(clerk, good)
    assert f.value.action == "manage_hub_settings"
    with pytest.raises(TypeError):
        hub.set_pricing_policy(coordinator, [good])
    assert stock() == before


# ---- checkout ----


def test_checkout_card_and_cash_rounding(hub: k.Hub, coordinator: k.Actor, clerk: k.Actor) -> None:
    exact_prices(hub, coordinator)
    two = book(hub, clerk, price_override=1002, quantity=5)
    three = book(hub, clerk, price_override=1003, quantity=5)
    card = hub.checkout(clerk, "kassa-1", [(two.id, 1)], payment="card")
    assert (card.subtotal, card.discount, card.rounding, card.total) == (1002, 0, 0, 1002)
    cash_down = hub.checkout(clerk, "kassa-1", [(two.id, 1)])  # cash is the default
    assert (cash_down.payment, cash_down.rounding, cash_down.total) == ("cash", -2, 1000)
    cash_up = hub.checkout(clerk, "kassa-1", [{"item_id": three.id, "quantity": 1}], payment="cash")
    assert (cash_up.rounding, cash_up.total) == (2, 1005)
    both = hub.checkout(clerk, "kassa-2", [(two.id, 2), {"item_id": three.id, "quantity": 1}], payment="card")
    assert [(line.item_id, line.quantity, line.unit_price, line.line_total) for line in both.lines] == [
        (two.id, 2, 1002, 2004),
        (three.id, 1, 1003, 1003),
    ]
    assert both.total == 3007 and sum(line.net for line in both.lines) == 3007
    assert both.lines[0].weight_grams == 600 and both.lines[0].category == "books"
    assert (both.till, both.actor, both.at, both.date, both.city_pass, both.reverses) == (
        "kassa-2",
        "bea",
        NOW,
        TODAY,
        False,
        None,
    )
    assert hub.sale(clerk, both.id) == both
    assert hub.item(clerk, two.id).on_hand == 1 and hub.item(clerk, three.id).on_hand == 3
    sold = [m for m in hub.moves(clerk, two.id) if m.kind == "sale"]
    assert [(m.quantity, m.unit_price, m.sale_id) for m in sold] == [
        (-1, 1002, card.id),
        (-1, 1002, cash_down.id),
        (-2, 1002, both.id),
    ]


def test_city_pass_discount(hub: k.Hub, clerk: k.Actor) -> None:
    a = book(hub, clerk)  # € 2,00
    c = hub.take_in(clerk, "books", "pocket", "c", 150)  # € 0,50
    card = hub.checkout(clerk, "kassa-1", [(a.id, 1), (c.id, 1)], payment="card", city_pass=True)
    assert (card.subtotal, card.discount, card.total, card.city_pass) == (250, 63, 187, True)  # 62,5 → 63
    assert sum(line.net for line in card.lines) == 187
    a2, c2 = book(hub, clerk), hub.take_in(clerk, "books", "pocket", "c", 150)
    cash = hub.checkout(clerk, "kassa-1", [(a2.id, 1), (c2.id, 1)], city_pass=True)
    assert (cash.discount, cash.rounding, cash.total) == (63, -2, 185)


def test_sale_recorded_later(hub: k.Hub, clerk: k.Actor) -> None:
    a = book(hub, clerk, quantity=2, intake_date=TODAY - timedelta(days=7))
    yesterday = NOW - timedelta(days=1)
    sale = hub.checkout(clerk, "kassa-1", [(a.id, 1)], at=yesterday)
    assert (sale.at, sale.date) == (yesterday, TODAY - timedelta(days=1))
    soon = hub.checkout(clerk, "kassa-1", [(a.id, 1)], at=NOW + timedelta(minutes=4))  # clock drift
    assert soon.at == NOW + timedelta(minutes=4)


def test_selling_more_than_on_hand(hub, clerk, admin, stock) -> None:
    a = book(hub, clerk)
    b = book(hub, clerk, quantity=2, description="Het Achterhuis")
    before = stock(a.id, b.id)
    journal = len(hub.journal(admin, limit=10_000))
    with pytest.raises(k.ConflictError) as e:
        hub.checkout(clerk, "kassa-1", [(a.id, 1), (b.id, 3)])
    assert e.value.code == "conflict"
    assert (hub.item(clerk, a.id).on_hand, hub.item(clerk, b.id).on_hand) == (1, 2)
    assert len(hub.journal(admin, limit=10_000)) == journal
    assert stock(a.id, b.id) == before
    hub.checkout(clerk, "kassa-1", [(a.id, 1), (b.id, 2)])  # exactly what is there
    with pytest.raises(k.ConflictError):
        hub.checkout(clerk, "kassa-1", [(a.id, 1)])


def test_bad_baskets_change_nothing(hub, clerk, stock) -> None:
    a = book(hub, clerk, quantity=3)
    before = stock(a.id)
    cases: list[tuple[type[Exception], Any, dict[str, Any], str | None]] = [
        (k.ValidationError, [], {}, "lines"),
        (k.ValidationError, [(a.id, 0)], {}, "quantity"),
        (k.ValidationError, [(a.id, -1)], {}, "quantity"),
        (k.ValidationError, [(a.id, 1), (a.id, 1)], {}, "lines"),
        (k.ValidationError, [("boek-1", 1)], {}, "item_id"),
        (k.ValidationError, [{"item_id": a.id}], {}, "lines"),
        (k.ValidationError, [{"item_id": a.id, "quantity": 1, "price": 5}], {}, "lines"),
        (k.ValidationError, [(a.id, 1)], {"payment": "bitcoin"}, "payment_method"),
        (k.ValidationError, [(a.id, 1)], {"at": NOW + timedelta(minutes=6)}, "at"),
        (k.NotFoundError, [(a.id, 1), (NOBODY, 1)], {}, None),
        (TypeError, a.id, {}, None),
        (TypeError, [(a.id, 1)], {"at": datetime(2026, 3, 2, 12)}, None),  # naive
    ]
    for error, lines, kw, field in cases:
        with pytest.raises(error) as e:
            hub.checkout(clerk, "kassa-1", lines, **kw)
        if field is not None:
            assert e.value.field == field, (lines, kw)
    with pytest.raises(k.ValidationError) as e:
        hub.checkout(clerk, "  ", [(a.id, 1)])
    assert e.value.field == "till"
    assert stock(a.id) == before


# ---- refunds ----


def test_refund_and_over_refund(hub, clerk, stock) -> None:
    a = book(hub, clerk, quantity=3)
    b = hub.take_in(clerk, "toys", "puzzel", "b", 400)  # € 2,00
    sale = hub.checkout(clerk, "kassa-1", [(a.id, 3), (b.id, 1)], payment="card")
    assert sale.total == 800 and hub.item(clerk, a.id).on_hand == 0
    part = hub.refund(clerk, sale.id, "kassa-1", lines=[(a.id, 1)], payment="card")
    assert (part.reverses, part.total, part.payment) == (sale.id, -200, "card")
    assert [(line.item_id, line.quantity, line.unit_price) for line in part.lines] == [(a.id, -1, 200)]
    assert hub.item(clerk, a.id).on_hand == 1
    assert hub.moves(clerk, a.id)[-1].kind == "return"
    assert hub.sale(clerk, part.id) == part

    before = stock(a.id, b.id)
    with pytest.raises(k.ConflictError):
        hub.refund(clerk, sale.id, "kassa-1")  # everything: 3 more, but only 2 are left to return
    with pytest.raises(k.ConflictError):
        hub.refund(clerk, sale.id, "kassa-1", lines=[(a.id, 3)])
    with pytest.raises(k.ConflictError):
        hub.refund(clerk, part.id, "kassa-1")  # a refund is not refunded
    with pytest.raises(k.ValidationError):
        hub.refund(clerk, sale.id, "kassa-1", lines=[(a.id, 0)])
    with pytest.raises(k.NotFoundError) as nf:
        hub.refund(clerk, NOBODY, "kassa-1")
    assert nf.value.entity == "sale"
    assert stock(a.id, b.id) == before

    rest = hub.refund(clerk, sale.id, "kassa-1", lines=[{"item_id": a.id, "quantity": 2}, (b.id, 1)])
    assert rest.total == -600 and hub.item(clerk, a.id).on_hand == 3
    with pytest.raises(k.ConflictError):
        hub.refund(clerk, sale.id, "kassa-1", lines=[(b.id, 1)])


# ---- cash-up ----


def test_cash_up(hub, clerk, coordinator, stock) -> None:
    exact_prices(hub, coordinator)
    a = book(hub, clerk, quantity=10, price_override=1003)
    s1 = hub.checkout(clerk, "kassa-1", [(a.id, 1)])  # 1005 cash
    hub.checkout(clerk, "kassa-1", [(a.id, 2)])  # 2006 → 2005 cash
    hub.checkout(clerk, "kassa-1", [(a.id, 1)], payment="card")  # not in the drawer
    hub.checkout(clerk, "kassa-2", [(a.id, 1)])  # another till
    back = hub.refund(clerk, s1.id, "kassa-1")
    assert back.total == -1005
    c = hub.cash_up(clerk, "kassa-1", 5000, 8000)
    assert (c.till, c.date, c.opening_float, c.cash_sales, c.cash_refunds) == ("kassa-1", TODAY, 5000, 3010, 1005)
    assert (c.expected, c.counted, c.difference, c.recorded_by, c.at) == (7005, 8000, 995, "bea", NOW)
    before = stock()
    with pytest.raises(k.ConflictError):
        hub.cash_up(clerk, "kassa-1", 5000, 7005)
    with pytest.raises(k.ValidationError) as e:
        hub.cash_up(clerk, "kassa-2", -1, 7005)
    assert e.value.field == "opening_float"
    with pytest.raises(k.ValidationError) as e:
        hub.cash_up(clerk, "kassa-2", 0, 0, date=TODAY + timedelta(days=1))
    assert e.value.field == "date"
    assert stock() == before
    other = hub.cash_up(clerk, "kassa-2", 0, 1000, date=TODAY)
    assert hub.cash_ups(coordinator, TODAY, TODAY) == [c, other]
    assert hub.cash_ups(coordinator, TODAY - timedelta(days=7), TODAY - timedelta(days=1)) == []
    with pytest.raises(k.ForbiddenError):
        hub.cash_ups(clerk, TODAY, TODAY)


# ---- reports ----


def test_reports(hub, clerk, coordinator, researcher) -> None:
    old = hub.take_in(clerk, "clothing", "trui", "a", 400, quantity=4, intake_date=TODAY - timedelta(weeks=5))
    new = book(hub, clerk, quantity=2)
    rows = hub.stock_on_hand(researcher)
    assert [(r.category, r.colour, r.items, r.units, r.weight_grams, r.value) for r in rows] == [
        ("books", "white", 1, 2, 600, 400),
        ("clothing", "yellow", 1, 4, 1600, 4 * 400),
    ]
    hub.set_now(NOW - timedelta(days=28))  # a sale last month
    hub.checkout(clerk, "kassa-1", [(old.id, 1)], payment="card")  # € 5,00, white then
    hub.set_now(NOW)
    hub.checkout(clerk, "kassa-1", [(old.id, 2), (new.id, 1)], payment="card")  # 2 × 4,00 + 2,00
    monthly = hub.sales_report(researcher, date(2026, 1, 1), date(2026, 3, 31))
    assert [(r.period_start, r.category, r.revenue, r.units, r.weight_grams) for r in monthly] == [
        (date(2026, 2, 1), "clothing", 500, 1, 400),
        (date(2026, 3, 1), "books", 200, 1, 300),
        (date(2026, 3, 1), "clothing", 800, 2, 800),
    ]
    daily = hub.sales_report(researcher, TODAY, TODAY, bucket="day")
    assert {(r.period_start, r.category) for r in daily} == {(TODAY, "books"), (TODAY, "clothing")}
    weekly = hub.sales_report(coordinator, date(2026, 2, 1), TODAY, bucket="week")
    assert [r.period_start for r in weekly] == [date(2026, 2, 2), TODAY, TODAY]
    assert weekly[0].to_dict()["revenue"] == 500
    with pytest.raises(k.ValidationError) as e:
        hub.sales_report(researcher, TODAY, TODAY, bucket="year")
    assert e.value.field == "bucket"
    with pytest.raises(k.ValidationError) as e:
        hub.sales_report(researcher, TODAY, TODAY - timedelta(days=1))
    assert e.value.field == "period"
    for weeks, limit in [(-1, 10), (1, 0), (1, 10_001), (521, 10)]:
        with pytest.raises(k.ValidationError):
            hub.ageing(clerk, weeks, limit=limit)


# ---- who may do what ----


def test_forbidden_roles(hub, clerk, researcher, stock) -> None:
    a = book(hub, clerk)
    sale = hub.checkout(clerk, "kassa-1", [(a.id, 1)])
    b = book(hub, clerk)
    before = stock(a.id, b.id)
    for call in [
        lambda: hub.checkout(researcher, "kassa-1", [(b.id, 1)]),
        lambda: hub.refund(researcher, sale.id, "kassa-1"),
    ]:
        with pytest.raises(k.ForbiddenError) as e:
            call()
        assert (e.value.role, e.value.action) == ("researcher", "sell")
    refused = [
        lambda: hub.take_in(researcher, "books", "boek", "a", 300),
        lambda: hub.take_in_batch(researcher, [{"category": "books", "description": "b", "condition": "a", "weight_grams": 1}]),
        lambda: hub.record_move(researcher, b.id, "discard", quantity=1),
        lambda: hub.cash_up(researcher, "kassa-1", 0, 0),
        lambda: hub.item(researcher, b.id),
        lambda: hub.moves(researcher, b.id),
        lambda: hub.sale(researcher, sale.id),
        lambda: hub.ageing(researcher, 1),
    ]
    for call in refused:
        with pytest.raises(k.ForbiddenError):
            call()
    assert stock(a.id, b.id) == before
    # researchers read the aggregates
    assert hub.stock_on_hand(researcher)[0].units == 1
    assert hub.sales_report(researcher, TODAY, TODAY)[0].revenue == 200


# ---- bad input to intake, lookups ----


def test_bad_intake_changes_nothing(hub, clerk, stock) -> None:
    a = book(hub, clerk)
    before = stock(a.id)
    cases: list[tuple[dict[str, Any], str]] = [
        ({"quantity": 0}, "quantity"),
        ({"quantity": -1}, "quantity"),
        ({"quantity": 10_001}, "quantity"),
        ({"price_override": -1}, "price_override"),
        ({"intake_date": TODAY + timedelta(days=1)}, "intake_date"),
        ({"donor": "alien"}, "donor_kind"),
        ({"description": "  "}, "description"),
    ]
    for kw, field in cases:
        with pytest.raises(k.ValidationError) as e:
            book(hub, clerk, **kw)
        assert e.value.field == field, kw
    for args, field in [
        (("boats", "boot", "a", 1000), "category"),
        (("books", "boek", "d", 300), "condition"),
        (("books", "boek", "a", 0), "weight_grams"),
        (("books", "boek", "a", -300), "weight_grams"),
    ]:
        with pytest.raises(k.ValidationError) as e:
            hub.take_in(clerk, *args)
        assert e.value.field == field, args
    for lookup in [hub.item, hub.moves]:
        with pytest.raises(k.NotFoundError) as nf:
            lookup(clerk, NOBODY)
        assert (nf.value.entity, nf.value.id) == ("item", NOBODY)
        with pytest.raises(k.ValidationError) as v:
            lookup(clerk, "boek-1")
        assert v.value.field == "item_id"
    with pytest.raises(k.NotFoundError):
        hub.sale(clerk, NOBODY)
    assert stock(a.id) == before


def test_stock_vocabularies() -> None:
    assert [e["code"] for e in k.labels("condition")] == ["a", "b", "c"]
    assert {e["code"]: e["nl"] for e in k.labels("payment_method")}["card"] == "pin"
    assert {"category", "donor_kind", "move_kind", "tag_colour", "bucket"} <= set(k.vocabularies())


def test_results_are_frozen_records(hub: k.Hub, clerk: k.Actor) -> None:
    a = book(hub, clerk)
    sale = hub.checkout(clerk, "kassa-1", [(a.id, 1)])
    assert repr(sale).startswith("Sale(id='") and "total=200" in repr(sale)
    assert isinstance(sale.to_dict()["lines"][0], k.SaleLine)
    assert "tag=PriceTag(base=200" in repr(hub.item(clerk, a.id))
    with pytest.raises(AttributeError):
        sale.total = 0  # type: ignore[misc]
    assert sale.at.tzinfo is not None and sale.at == NOW.astimezone(timezone.utc)


# ---- reuse impact ----


@pytest.fixture
def impact(hub: k.Hub, admin: k.Actor) -> Callable[[], tuple[Any, ...]]:
    """The impact factors and the journal, to compare before and after a refused call."""

    def take() -> tuple[Any, ...]:
        return (hub.impact_factors(admin), hub.journal(admin, limit=10_000))

    return take


def test_default_impact_factors(hub: k.Hub, researcher: k.Actor, clerk: k.Actor) -> None:
    factors = hub.impact_factors(researcher)
    assert [f.category for f in factors] == [
        "books", "clothing", "crockery", "toys", "furniture", "electronics", "household", "other",
    ]  # fmt: skip
    by = {f.category: f for f in factors}
    assert (by["clothing"].grams_co2e_per_kg, by["clothing"].source_date) == (6_100, date(2021, 1, 1))
    assert "HUMANA" in by["clothing"].source
    assert (by["furniture"].grams_co2e_per_kg, by["furniture"].source_date) == (1_450, date(2011, 1, 1))
    assert {by[c].grams_co2e_per_kg for c in ["books", "toys", "other"]} == {1_000}
    assert hub.impact_factors(clerk) == factors  # every role may read
    d = by["books"].to_dict()
    assert d == {
        "category": "books",
        "grams_co2e_per_kg": 1_000,
        "source": by["books"].source,
        "source_date": date(2019, 1, 1),
    }
    assert repr(by["books"]) == "ImpactFactor(category='books', grams_co2e_per_kg=1000, source_date=2019-01-01)"
    with pytest.raises(AttributeError):
        by["books"].grams_co2e_per_kg = 0  # type: ignore[misc]


def test_set_impact_factors_and_read_back(hub: k.Hub, coordinator: k.Actor, admin: k.Actor) -> None:
    defaults = hub.impact_factors(coordinator)
    assert hub.set_impact_factors(coordinator, [f.to_dict() for f in defaults]) == defaults  # to_dict round-trips
    assert hub.set_impact_factors(admin, defaults) == defaults
    textiles = {
        "category": "clothing",
        "grams_co2e_per_kg": 8_000,
        "source": "  eigen meting 2025  ",  # trimmed by the core
        "source_date": date(2025, 6, 1),
    }
    set_ = hub.set_impact_factors(coordinator, iter([textiles, defaults[0]]))  # any iterable, mixed
    assert [(f.category, f.grams_co2e_per_kg, f.source, f.source_date) for f in set_] == [
        ("books", 1_000, defaults[0].source, date(2019, 1, 1)),
        ("clothing", 8_000, "eigen meting 2025", date(2025, 6, 1)),
    ]
    assert hub.impact_factors(coordinator) == set_
    assert hub.journal(admin)[-1].action == "hub.impact_factors_set"
    assert hub.set_impact_factors(coordinator, []) == [] and hub.impact_factors(coordinator) == []


def test_bad_impact_factors_change_nothing(hub: k.Hub, coordinator: k.Actor, clerk: k.Actor, impact) -> None:
    good = [f.to_dict() for f in hub.impact_factors(coordinator)]
    before = impact()
    with pytest.raises(k.ForbiddenError) as f:
        hub.set_impact_factors(clerk, good)
    assert f.value.action == "manage_hub_settings"
    one = good[1]
    bad: list[tuple[list[dict[str, Any]], str]] = [
        ([one, {**one, "grams_co2e_per_kg": 5_000}], "impact_factors"),  # two for clothing
        ([{**one, "grams_co2e_per_kg": 200_000}], "grams_co2e_per_kg"),
        ([{**one, "grams_co2e_per_kg": -1}], "grams_co2e_per_kg"),
        ([{**one, "source": " x "}], "source"),
        ([{**one, "source": "twee\nregels"}], "source"),
        ([{**one, "category": "cars"}], "category"),
        ([{**one, "surprise": 1}], "impact_factors"),
        ([{k_: v for k_, v in one.items() if k_ != "source_date"}], "impact_factors"),
    ]
    for factors, field in bad:
        with pytest.raises(k.ValidationError) as e:
            hub.set_impact_factors(coordinator, factors)
        assert e.value.field == field, factors
    with pytest.raises(k.ValidationError) as e:
        hub.set_impact_factors(coordinator, [one, one])
    assert "two factors for clothing" in str(e.value)
    for wrong in [one, "clothing", [("clothing", 6_100)]]:
        with pytest.raises(TypeError):
            hub.set_impact_factors(coordinator, wrong)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        hub.set_impact_factors(coordinator, [{**one, "source_date": "2021-01-01"}])  # a date, not a str
    assert impact() == before


def test_reuse_impact_after_sales(hub: k.Hub, coordinator: k.Actor, clerk: k.Actor, researcher: k.Actor) -> None:
    march = (date(2026, 3, 1), date(2026, 3, 31))
    assert hub.reuse_impact(researcher, *march) == []
    coats = hub.take_in(clerk, "clothing", "winterjas", "b", 1_200, quantity=3)
    novel = book(hub, clerk)  # 300 g
    sale = hub.checkout(clerk, "kassa-1", [(coats.id, 2), (novel.id, 1)], payment="card")
    hub.refund(clerk, sale.id, "kassa-1", lines=[(coats.id, 1)], payment="card")
    rows = hub.reuse_impact(researcher, *march)
    by = {f.category: f.source for f in hub.impact_factors(researcher)}
    assert [(r.category, r.weight_grams, r.grams_co2e, r.source) for r in rows] == [
        ("books", 300, 300, by["books"]),  # 0.3 kg × 1000 g/kg
        ("clothing", 1_200, 7_320, by["clothing"]),  # (2 − 1 returned) × 1.2 kg × 6100 g/kg
    ]
    assert rows[1].to_dict() == {"category": "clothing", "weight_grams": 1_200, "grams_co2e": 7_320, "source": by["clothing"]}
    assert repr(rows[0]) == "ImpactRow(category='books', weight_grams=300, grams_co2e=300)"
    assert hub.reuse_impact(clerk, date(2026, 4, 1), date(2026, 4, 30)) == []
    with pytest.raises(k.ValidationError) as e:
        hub.reuse_impact(researcher, march[1], march[0])
    assert e.value.field == "period"

    # a category without a factor gets no CO2e figure (and no source)
    clothing_only = [f for f in hub.impact_factors(coordinator) if f.category == "clothing"]
    hub.set_impact_factors(coordinator, clothing_only)
    rows = hub.reuse_impact(researcher, *march)
    assert [(r.category, r.weight_grams, r.grams_co2e, r.source) for r in rows] == [
        ("books", 300, None, None),
        ("clothing", 1_200, 7_320, by["clothing"]),
    ]
