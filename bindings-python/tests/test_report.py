"""The hub report: exact figures for coordinators, small counts of people
hidden for researchers (``None``, never 0), no names, Markdown and a
standalone HTML page in Dutch and English."""

from __future__ import annotations

import json
from datetime import date

import pytest

import kringloop as k
from conftest import t

Q1 = (date(2026, 1, 1), date(2026, 3, 31))
NAMES = ["Anneke", "Bart", "Carla", "Karin", "WIJ Lewenborg", "Haakclub"]


@pytest.fixture
def seeded(hub: k.Hub, coordinator: k.Actor) -> k.Hub:
    c = coordinator
    ids = [
        hub.register_volunteer(c, n, status="active", start_date=date(2025, 1, 6), roles=["cashier", "shop_floor"]).id
        for n in NAMES[:3]
    ]
    anneke, bart, carla = ids
    # 630 minutes in 3 worked shifts in Q1 (one more before it)
    hub.record_shift(c, anneke, "cashier", date(2026, 1, 10), t(9), t(12, 30))
    hub.record_shift(c, bart, "shop_floor", date(2026, 2, 14), t(10), t(13))
    hub.record_shift(c, anneke, "cashier", date(2026, 3, 1), t(13), t(17))
    hub.record_shift(c, carla, "cashier", date(2025, 12, 20), t(9), t(17))
    # ladder: Anneke up, Bart the same, Carla down
    for v, before, now in [(anneke, 3, 4), (bart, 4, 4), (carla, 4, 3)]:
        hub.record_assessment(c, v, "participation_ladder", {"step": before}, on=date(2025, 11, 1))
        hub.record_assessment(c, v, "participation_ladder", {"step": now}, on=date(2026, 2, 1))
    course = hub.create_course(c, "Kassatraining", [date(2026, 1, 13), date(2026, 1, 20)], 10)
    for v in ids:
        hub.enrol(c, course.id, v)
    hub.complete_course(c, course.id, [anneke, bart])
    club = hub.create_activity(c, "Haakclub", "craft")
    held = hub.add_session(c, club.id, date(2026, 2, 10), t(14), t(16))
    hub.record_attendance(c, held.id, headcount=12, first_timers=2)
    gone = hub.add_session(c, club.id, date(2026, 2, 17), t(14), t(16))
    hub.cancel_session(c, gone.id, "zaal bezet")
    hub.record_tally(c, 20, 10, date=date(2026, 2, 24))
    hub.record_tally(c, 15, 7, date=date(2026, 3, 2))
    wij = hub.register_partner(c, "WIJ Lewenborg", [{"name": "Schuldhulp", "domains": ["money_debt"]}])
    for domains in (["money_debt", "paperwork"], ["loneliness"]):
        s = hub.record_signal(c, domains, "Zorgen over een brief", person="Karin", consent="given")
        hub.refer(c, s.id, wij.id, request=True)
    book = hub.take_in(c, "books", "roman", "a", 400)
    shirts = hub.take_in(c, "clothing", "shirt", "b", 250, quantity=2)
    hub.checkout(c, "kassa-1", [(book.id, 1), (shirts.id, 2)], payment="card")
    return hub


def test_exact_figures(seeded: k.Hub, coordinator: k.Actor, admin: k.Actor) -> None:
    r = seeded.hub_report(coordinator, *Q1)
    assert isinstance(r, k.HubReport)
    assert (r.hub, r.start_date, r.end_date, r.threshold) == ("oude-bieb", *Q1, None)
    assert (r.volunteers.active, r.volunteers.started, r.volunteers.left) == (2, 0, 0)
    assert (r.hours.minutes, r.hours.shifts) == (630, 3)
    assert [(h.role, h.minutes) for h in r.hours.by_role] == [("cashier", 450), ("shop_floor", 180)]
    lad = r.ladder
    assert (lad.measured, lad.compared, lad.up, lad.same, lad.down) == (3, 3, 1, 1, 1)
    assert (r.courses.running, r.courses.participants, r.courses.completions) == (1, 3, 2)
    a = r.activities
    assert (a.sessions_held, a.sessions_cancelled, a.attendance, a.first_timers) == (1, 1, 12, 2)
    assert (r.table.days, r.table.visitors, r.table.conversations) == (2, 35, 17)
    assert r.signals.signals == 2
    assert {d: n for d, n in r.signals.by_domain.items() if n} == {"money_debt": 1, "paperwork": 1, "loneliness": 1}
    assert r.referrals.referrals == 2 and r.referrals.by_status["requested"] == 2
    assert (r.sales.sales, r.sales.refunds, r.sales.revenue, r.sales.items_sold) == (1, 0, 800, 3)
    assert [(m.month, m.revenue) for m in r.sales.by_month] == [("2026-03", 800)]
    assert (r.reuse.grams_reused, r.reuse.grams_co2e_avoided) == (900, 400 + 3050)
    assert r == seeded.hub_report(admin, *Q1)
    d = r.to_dict()
    assert d["volunteers"] == r.volunteers and d["start_date"] == Q1[0]
    assert "HubReport(hub='oude-bieb'" in repr(r)


def test_researchers_get_small_counts_hidden_and_no_names(
    seeded: k.Hub, coordinator: k.Actor, researcher: k.Actor
) -> None:
    r = seeded.hub_report(researcher, *Q1)
    assert r.threshold == 10
    assert r.volunteers.active is None and r.volunteers.left == 0  # hidden is None, zero is 0
    assert r.ladder.up is None and r.courses.participants is None
    assert r.activities.attendance == 12 and r.activities.first_timers is None
    assert r.table.visitors == 35
    assert r.signals.signals is None
    assert all(n is None or n == 0 for n in r.signals.by_domain.values())
    assert (r.sales.revenue, r.hours.minutes) == (800, 630)  # not people: exact
    texts = [r.to_markdown(), r.to_markdown("en"), r.to_html(), r.to_html(lang="en")]
    texts.append(json.dumps({k_: repr(v) for k_, v in r.to_dict().items()}))
    for text in texts:
        for name in NAMES:
            assert name not in text, name
    assert "<10" in r.to_markdown().replace("\\<", "<")
    seeded.set_signal_policy(coordinator, suppression_threshold=3)
    assert seeded.hub_report(researcher, *Q1).ladder.measured == 3


def test_rendering_in_both_languages(seeded: k.Hub, coordinator: k.Actor) -> None:
    r = seeded.hub_report(coordinator, *Q1)
    nl, en = r.to_markdown(), r.to_markdown(lang="en")
    assert nl.startswith("# Wijkrapportage oude-bieb")
    assert "1 januari 2026 t/m 31 maart 2026" in nl and "€ 8,00" in nl
    assert en.startswith("# Hub report oude-bieb") and "€8.00" in en
    html = r.to_html()
    assert html.startswith("<!DOCTYPE html>") and '<html lang="nl">' in html
    assert "<svg" in html and "<script" not in html and "http" not in html
    assert '<html lang="en">' in r.to_html("en")
    with pytest.raises(k.ValidationError):
        r.to_html("fr")


def test_who_may_read_it(hub: k.Hub, coordinator: k.Actor) -> None:
    v = hub.register_volunteer(coordinator, "Bea", status="active")
    with pytest.raises(k.ForbiddenError):
        hub.hub_report(k.Actor("bea", "volunteer", volunteer_id=v.id), *Q1)
    with pytest.raises(k.ValidationError):
        hub.hub_report(coordinator, date(2026, 3, 1), date(2026, 2, 1))
    empty = hub.hub_report(coordinator, *Q1)
    assert (empty.volunteers.active, empty.sales.sales, empty.signals.signals) == (0, 0, 0)
