"""Opening hours, roster gaps and VOG expiry."""

from __future__ import annotations

from datetime import date, time
from typing import Any

import pytest

import kringloop as k
from conftest import TODAY

TUESDAY, WEDNESDAY = date(2026, 3, 3), date(2026, 3, 4)


def week() -> list[Any]:
    return [
        {"weekday": "wednesday", "start": time(13), "end": time(17), "staffing": {"cashier": 1}},
        {"weekday": "tuesday", "start": time(10), "end": time(13), "staffing": {"cashier": 1, "shop_floor": 2}},
        {"weekday": "tuesday", "start": time(13), "end": time(17), "staffing": {"cashier": 1}},
    ]


def test_opening_hours_round_trip(hub: k.Hub, coordinator: k.Actor, researcher: k.Actor) -> None:
    assert hub.opening_hours(coordinator) == []
    hours = hub.set_opening_hours(coordinator, week())
    assert [(s.weekday, s.start) for s in hours] == [
        ("tuesday", time(10)),
        ("tuesday", time(13)),
        ("wednesday", time(13)),
    ]
    assert hours[0].staffing == {"cashier": 1, "shop_floor": 2}
    assert hub.opening_hours(researcher) == hours
    # to_dict gives back what set_opening_hours takes
    again = hub.set_opening_hours(coordinator, [s.to_dict() for s in hours])
    assert again == hours
    fewer = hub.set_opening_hours(
        coordinator, [{"weekday": "saturday", "start": time(10), "end": time(16), "staffing": {"coffee_host": 1}}]
    )
    assert hub.opening_hours(coordinator) == fewer and len(fewer) == 1


def test_roster_gaps(hub: k.Hub, coordinator: k.Actor) -> None:
    hub.set_opening_hours(coordinator, week())
    a = hub.register_volunteer(coordinator, "Anna", status="active", roles=["cashier", "shop_floor"])
    z = hub.register_volunteer(coordinator, "Zeger", status="active", roles=["cashier", "shop_floor"])
    hub.plan_shift(coordinator, a.id, "cashier", TUESDAY, time(10), time(17))
    hub.plan_shift(coordinator, z.id, "shop_floor", TUESDAY, time(10), time(13))
    hub.plan_shift(coordinator, z.id, "cashier", WEDNESDAY, time(13), time(15))
    me = k.Actor("anna", "volunteer", volunteer_id=a.id)
    gaps = hub.roster_gaps(me, date(2026, 3, 2), date(2026, 3, 8))
    assert [(g.date, g.role, g.required, g.planned, g.start, g.end) for g in gaps] == [
        (TUESDAY, "shop_floor", 2, 1, time(10), time(13)),
        (WEDNESDAY, "cashier", 1, 0, time(15), time(17)),
    ]
    assert gaps[0].candidates == [] and gaps[1].candidates == []
    # someone usually available on Tuesday mornings is suggested for the shop-floor gap
    wim = hub.register_volunteer(
        coordinator, "Wim", status="active", roles=["shop_floor"], availability=[("tuesday", time(9), time(13))]
    )
    gaps = hub.roster_gaps(me, date(2026, 3, 2), date(2026, 3, 8))
    assert [(c.volunteer_id, c.display_name) for c in gaps[0].candidates] == [(wim.id, "Wim")]


def test_vog_expiry(hub: k.Hub, coordinator: k.Actor) -> None:
    register = hub.register_volunteer
    expired = register(coordinator, "Expired", vog_date=date(2023, 1, 1))
    soon = register(coordinator, "Soon", vog_date=date(2023, 4, 1))
    register(coordinator, "Fine", vog_date=date(2025, 1, 1))
    missing = register(coordinator, "Missing")
    gone = register(coordinator, "Gone")
    hub.change_volunteer_status(coordinator, gone.id, "left", reason="verhuisd")
    got = hub.vog_expiring(coordinator)
    assert [(s.display_name, s.state, s.expires_on) for s in got] == [
        ("Missing", "missing", None),
        ("Expired", "expired", date(2026, 1, 1)),
        ("Soon", "expiring", date(2026, 4, 1)),
    ]
    assert got[1].volunteer_id == expired.id and got[1].vog_date == date(2023, 1, 1)
    assert [s.display_name for s in hub.vog_expiring(coordinator, within_days=10)] == ["Missing", "Expired"]
    me = k.Actor("soon", "volunteer", volunteer_id=soon.id)
    assert [s.volunteer_id for s in hub.vog_expiring(me, 60)] == [soon.id]
    assert missing.id in {s.volunteer_id for s in got}


# ---- bad input: the matching exception, and nothing changed ----


def slot(**change: Any) -> dict[str, Any]:
    s: dict[str, Any] = {"weekday": "monday", "start": time(10), "end": time(13), "staffing": {"cashier": 1}}
    s.update(change)
    return s


@pytest.mark.parametrize(
    "slots, field",
    [
        ([slot(), slot(start=time(12), end=time(15))], "opening_hours"),
        ([slot(staffing={})], "staffing"),
        ([slot(staffing={"cashier": 0})], "staffing"),
        ([slot(staffing={"cashier": 51})], "staffing"),
        ([slot(staffing={"cashier": -1})], "staffing"),
        ([slot(staffing={"kassa": 1})], "volunteer_role"),
        ([slot(weekday="maandag")], "weekday"),
        ([slot(end=time(9))], "end"),
        ([{"weekday": "monday", "start": time(10), "end": time(13)}], "opening_hours"),
        ([slot(staffng={"cashier": 1})], "opening_hours"),
    ],
)
def test_bad_opening_hours(hub, coordinator, state, slots, field) -> None:
    hub.set_opening_hours(coordinator, week())
    before = state()
    with pytest.raises(k.ValidationError) as e:
        hub.set_opening_hours(coordinator, slots)
    assert e.value.field == field
    assert state() == before


def test_opening_hours_need_permission(hub, coordinator, state) -> None:
    before = state()
    for role in ["volunteer", "researcher"]:
        with pytest.raises(k.ForbiddenError) as e:
            hub.set_opening_hours(k.Actor("x", role), week())
        assert e.value.action == "manage_hub_settings"
    assert state() == before


def test_bad_report_requests(hub, coordinator, researcher, state) -> None:
    before = state()
    with pytest.raises(k.ValidationError) as e:
        hub.roster_gaps(coordinator, date(2026, 1, 1), date(2026, 12, 31))
    assert e.value.field == "period"
    with pytest.raises(k.ForbiddenError):
        hub.roster_gaps(researcher, TODAY, TODAY)
    for days in [-1, 3651]:
        with pytest.raises(k.ValidationError) as e:
            hub.vog_expiring(coordinator, within_days=days)
        assert e.value.field == "within_days"
    with pytest.raises(k.ForbiddenError):
        hub.vog_expiring(researcher)
    assert state() == before
