"""Planning, recording, completing and cancelling shifts; hours and milestones."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

import kringloop as k
from conftest import ALL_TIME, TODAY

TUESDAY = date(2026, 3, 3)


def test_plan_complete_cancel(hub: k.Hub, coordinator: k.Actor, bea: k.Volunteer) -> None:
    s = hub.plan_shift(coordinator, bea.id, "cashier", TODAY, time(10), time(13), note="kassa 1")
    assert (s.volunteer_id, s.role, s.date, s.start, s.end) == (bea.id, "cashier", TODAY, time(10), time(13))
    assert s.status == "planned" and s.minutes == 180 and s.note == "kassa 1"
    done = hub.complete_shift(coordinator, s.id, start=time(10, 15), end=time(13, 30))
    assert done.status == "worked" and done.start == time(10, 15) and done.minutes == 195
    later = hub.plan_shift(coordinator, bea.id, "shop_floor", TUESDAY, time(13), time(17))
    cancelled = hub.cancel_shift(coordinator, later.id, reason="ziek")
    assert cancelled.status == "cancelled" and cancelled.note == "ziek"
    assert hub.shifts(coordinator, TODAY, TUESDAY) == [done]
    assert hub.shifts(coordinator, TODAY, TUESDAY, include_cancelled=True) == [done, cancelled]


def test_record_a_worked_shift(hub: k.Hub, coordinator: k.Actor, bea: k.Volunteer) -> None:
    s = hub.record_shift(coordinator, bea.id, "shop_floor", date(2026, 2, 27), time(9), time(12, 30))
    assert s.status == "worked" and s.minutes == 210


def test_list_by_volunteer(hub: k.Hub, coordinator: k.Actor, bea: k.Volunteer) -> None:
    cor = hub.register_volunteer(coordinator, "Cor", status="active", roles=["cashier"])
    a = hub.plan_shift(coordinator, bea.id, "cashier", TUESDAY, time(10), time(13))
    b = hub.plan_shift(coordinator, cor.id, "cashier", TUESDAY, time(13), time(17))
    assert hub.shifts(coordinator, TUESDAY, TUESDAY) == [a, b]
    assert hub.shifts(coordinator, TUESDAY, TUESDAY, volunteer_id=cor.id) == [b]
    me = k.Actor("bea", "volunteer", volunteer_id=bea.id)
    assert hub.shifts(me, TUESDAY, TUESDAY) == [a, b], "volunteers read the roster"


def test_hours_per_volunteer_and_role(hub: k.Hub, coordinator: k.Actor, bea: k.Volunteer) -> None:
    cor = hub.register_volunteer(coordinator, "Cor", status="active", roles=["cashier"])
    hub.record_shift(coordinator, bea.id, "cashier", date(2026, 2, 2), time(10), time(13))
    hub.record_shift(coordinator, bea.id, "shop_floor", date(2026, 2, 3), time(10), time(12))
    hub.record_shift(coordinator, cor.id, "cashier", date(2026, 2, 3), time(13), time(14))
    hub.plan_shift(coordinator, cor.id, "cashier", TUESDAY, time(13), time(17))  # planned: no hours
    rows = hub.hours_by_volunteer(coordinator, date(2026, 2, 1), date(2026, 3, 31))
    assert [(r.display_name, r.minutes, r.shifts) for r in rows] == [("Bea", 300, 2), ("Cor", 60, 1)]
    assert rows[0].volunteer_id == bea.id
    roles = hub.hours_by_role(k.Actor("r", "researcher"), date(2026, 2, 1), date(2026, 3, 31))
    assert [(r.role, r.minutes, r.shifts) for r in roles] == [("cashier", 240, 2), ("shop_floor", 120, 1)]
    me = k.Actor("cor", "volunteer", volunteer_id=cor.id)
    assert [r.display_name for r in hub.hours_by_volunteer(me, *ALL_TIME)] == ["Cor"]
    assert hub.hours_by_volunteer(coordinator, date(2026, 2, 3), date(2026, 2, 3))[0].minutes == 120


def test_milestones(hub: k.Hub, coordinator: k.Actor, bea: k.Volunteer) -> None:
    # 5 days of 10 hours before today: 50 hours, crossing the first milestone on 1 March.
    for i in range(5, 0, -1):
        hub.record_shift(coordinator, bea.id, "shop_floor", TODAY - timedelta(days=i), time(8), time(18))
    got = hub.milestones(coordinator, date(2026, 3, 1), date(2026, 3, 31))
    assert [(m.display_name, m.milestone_hours, m.total_minutes) for m in got] == [("Bea", 50, 3000)]
    assert hub.milestones(coordinator, date(2026, 2, 1), date(2026, 2, 28)) == []
    with pytest.raises(k.ForbiddenError):
        hub.milestones(k.Actor("r", "researcher"), *ALL_TIME)


# ---- bad input: the matching exception, and nothing changed ----


def test_end_before_start(hub, coordinator, bea, state) -> None:
    before = state()
    for end in [time(9), time(10)]:
        with pytest.raises(k.ValidationError) as e:
            hub.plan_shift(coordinator, bea.id, "cashier", TUESDAY, time(10), end)
        assert e.value.field == "end"
    with pytest.raises(k.ValidationError) as e:
        hub.shifts(coordinator, TUESDAY, TODAY)
    assert e.value.field == "period"
    for report in [hub.hours_by_volunteer, hub.hours_by_role, hub.milestones, hub.roster_gaps]:
        with pytest.raises(k.ValidationError):
            report(coordinator, TUESDAY, TODAY)
    assert state() == before


def test_overlapping_shift(hub, coordinator, bea, state) -> None:
    hub.plan_shift(coordinator, bea.id, "cashier", TUESDAY, time(10), time(13))
    hub.record_shift(coordinator, bea.id, "cashier", TODAY, time(9), time(11))
    cancelled = hub.plan_shift(coordinator, bea.id, "cashier", TUESDAY, time(14), time(16))
    hub.cancel_shift(coordinator, cancelled.id)
    before = state()
    with pytest.raises(k.ConflictError) as e:
        hub.plan_shift(coordinator, bea.id, "shop_floor", TUESDAY, time(12), time(15))
    assert e.value.code == "conflict"
    with pytest.raises(k.ConflictError):
        hub.record_shift(coordinator, bea.id, "cashier", TODAY, time(10), time(12))
    assert state() == before
    # touching ends do not overlap, and a cancelled shift frees its time
    hub.plan_shift(coordinator, bea.id, "shop_floor", TUESDAY, time(13), time(16))


def test_unknown_ids(hub, coordinator, bea, state) -> None:
    before = state()
    nobody = "019cae6b-6600-7000-8000-00000000abcd"
    with pytest.raises(k.NotFoundError) as e:
        hub.plan_shift(coordinator, nobody, "cashier", TUESDAY, time(10), time(13))
    assert (e.value.entity, e.value.id) == ("volunteer", nobody)
    for call in [hub.complete_shift, hub.cancel_shift]:
        with pytest.raises(k.NotFoundError) as e:
            call(coordinator, nobody)
        assert e.value.entity == "shift"
    with pytest.raises(k.ValidationError) as v:
        hub.cancel_shift(coordinator, "shift-1")
    assert v.value.field == "shift_id"
    assert state() == before


def test_illegal_shift_status_changes(hub, coordinator, bea, state) -> None:
    worked = hub.record_shift(coordinator, bea.id, "cashier", TODAY, time(9), time(11))
    planned = hub.plan_shift(coordinator, bea.id, "cashier", TUESDAY, time(9), time(11))
    before = state()
    with pytest.raises(k.ConflictError):
        hub.complete_shift(coordinator, worked.id)
    with pytest.raises(k.ConflictError):
        hub.cancel_shift(coordinator, worked.id)
    with pytest.raises(k.ValidationError) as e:
        hub.complete_shift(coordinator, planned.id)  # tomorrow has not happened yet
    assert e.value.field == "date"
    with pytest.raises(k.ValidationError) as e:
        hub.complete_shift(coordinator, worked.id, start=time(9))
    assert e.value.field == "end"
    assert state() == before


def test_other_refusals(hub, coordinator, bea, state) -> None:
    paused = hub.register_volunteer(coordinator, "Piet", status="active", roles=["cashier"])
    hub.change_volunteer_status(coordinator, paused.id, "paused", reason="vakantie")
    before = state()
    with pytest.raises(k.ValidationError) as e:
        hub.record_shift(coordinator, bea.id, "cashier", TUESDAY, time(9), time(11))
    assert e.value.field == "date"
    with pytest.raises(k.ValidationError) as e:
        hub.plan_shift(coordinator, bea.id, "driver", TUESDAY, time(9), time(11))
    assert e.value.field == "role"
    with pytest.raises(k.ValidationError) as e:
        hub.plan_shift(coordinator, bea.id, "chauffeur", TUESDAY, time(9), time(11))
    assert e.value.field == "volunteer_role"
    with pytest.raises(k.ConflictError):
        hub.plan_shift(coordinator, paused.id, "cashier", TUESDAY, time(9), time(11))
    for actor in [k.Actor("r", "researcher"), k.Actor("bea", "volunteer", volunteer_id=bea.id)]:
        with pytest.raises(k.ForbiddenError) as f:
            hub.plan_shift(actor, bea.id, "cashier", TUESDAY, time(9), time(11))
        assert f.value.action == "manage_shifts"
    with pytest.raises(k.ForbiddenError):
        hub.shifts(k.Actor("r", "researcher"), TODAY, TUESDAY)
    assert state() == before
