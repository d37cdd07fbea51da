"""Registering, updating, status changes and listing volunteers; bad input changes nothing."""

from __future__ import annotations

from datetime import date, time

import pytest

import kringloop as k
from conftest import TODAY


def test_register_with_defaults(hub: k.Hub, coordinator: k.Actor) -> None:
    v = hub.register_volunteer(coordinator, "  Cor ")
    assert v.display_name == "Cor"
    assert v.status == "prospect"
    assert v.start_date == TODAY and v.status_since == TODAY
    assert v.contact is None and v.vog_date is None and v.status_reason is None
    assert v.roles == [] and v.skills == [] and v.availability == []
    assert v.version == 1
    assert isinstance(v.id, str) and len(v.id) == 36


def test_register_with_everything(hub: k.Hub, coordinator: k.Actor) -> None:
    v = hub.register_volunteer(
        coordinator,
        "Dini",
        contact="dini@example.nl",
        start_date=date(2025, 9, 1),
        status="active",
        roles={"cashier", "coffee_host"},  # any iterable of codes
        skills=("kassa", "koffie"),
        availability=[("tuesday", time(13), time(17)), ("monday", time(9), time(12))],
        vog_date=date(2025, 8, 15),
    )
    assert v.contact == "dini@example.nl"
    assert v.start_date == date(2025, 9, 1)
    assert v.status == "active"
    assert sorted(v.roles) == ["cashier", "coffee_host"]
    assert v.skills == ["kassa", "koffie"]
    # sorted by the core
    assert v.availability == [("monday", time(9), time(12)), ("tuesday", time(13), time(17))]
    assert v.vog_date == date(2025, 8, 15)
    assert hub.volunteer(coordinator, v.id) == v


def test_update_keeps_what_is_left_out_and_none_clears(hub: k.Hub, coordinator: k.Actor) -> None:
    v = hub.register_volunteer(
        coordinator, "Eef", contact="0501234567", vog_date=date(2024, 1, 1), roles=["driver"]
    )
    u = hub.update_volunteer(coordinator, v.id, display_name="Eva", skills=["rijbewijs BE"])
    assert u.display_name == "Eva" and u.skills == ["rijbewijs BE"]
    assert u.contact == "0501234567" and u.vog_date == date(2024, 1, 1) and u.roles == ["driver"]
    assert u.version == 2
    c = hub.update_volunteer(coordinator, v.id, contact=None, vog_date=None)
    assert c.contact is None and c.vog_date is None and c.display_name == "Eva"
    r = hub.update_volunteer(
        coordinator, v.id, roles=["cashier"], availability=[("friday", time(10), time(12))]
    )
    assert r.roles == ["cashier"] and r.availability == [("friday", time(10), time(12))]
    assert hub.volunteer(coordinator, v.id) == r


def test_status_changes(hub: k.Hub, coordinator: k.Actor) -> None:
    v = hub.register_volunteer(coordinator, "Fien")
    a = hub.change_volunteer_status(coordinator, v.id, "active")
    assert a.status == "active" and a.status_since == TODAY
    p = hub.change_volunteer_status(
        coordinator, v.id, "paused", reason="ziek", on=date(2026, 3, 10)
    )
    assert (p.status, p.status_reason, p.status_since) == ("paused", "ziek", date(2026, 3, 10))
    left = hub.change_volunteer_status(coordinator, v.id, "left", reason="verhuisd", on=date(2026, 4, 1))
    assert left.status == "left"
    back = hub.change_volunteer_status(coordinator, v.id, "prospect", reason="terug", on=date(2026, 5, 1))
    assert back.status == "prospect" and back.version == 5


def test_listing_by_name_and_status(hub: k.Hub, coordinator: k.Actor) -> None:
    for name in ["Zeger", "Anna", "Mo"]:
        hub.register_volunteer(coordinator, name, status="active" if name != "Mo" else None)
    assert [v.display_name for v in hub.volunteers(coordinator)] == ["Anna", "Mo", "Zeger"]
    assert [v.display_name for v in hub.volunteers(coordinator, status="active")] == ["Anna", "Zeger"]
    assert [v.display_name for v in hub.volunteers(coordinator, status="prospect")] == ["Mo"]
    assert hub.volunteers(coordinator, status="left") == []


def test_a_volunteer_sees_only_their_own_record(hub: k.Hub, coordinator: k.Actor, bea: k.Volunteer) -> None:
    other = hub.register_volunteer(coordinator, "Gijs")
    me = k.Actor("bea", "volunteer", volunteer_id=bea.id)
    assert hub.volunteer(me, bea.id) == bea
    with pytest.raises(k.ForbiddenError) as e:
        hub.volunteer(me, other.id)
    assert (e.value.role, e.value.action) == ("volunteer", "read_volunteer")
    with pytest.raises(k.ForbiddenError):
        hub.volunteers(me)


# ---- bad input: the matching exception, and nothing changed ----


@pytest.mark.parametrize(
    "kwargs, field",
    [
        ({"display_name": ""}, "display_name"),
        ({"display_name": "   "}, "display_name"),
        ({"display_name": "x" * 81}, "display_name"),
        ({"display_name": "Ok", "contact": "call me"}, "contact"),
        ({"display_name": "Ok", "roles": ["juggler"]}, "volunteer_role"),
        ({"display_name": "Ok", "status": "left"}, "status"),
        ({"display_name": "Ok", "status": "retired"}, "volunteer_status"),
        ({"display_name": "Ok", "vog_date": date(2027, 1, 1)}, "vog_date"),
        ({"display_name": "Ok", "availability": [("maandag", time(9), time(12))]}, "weekday"),
        ({"display_name": "Ok", "availability": [("monday", time(12), time(9))]}, "end"),
        (
            {
                "display_name": "Ok",
                "availability": [("monday", time(9), time(12)), ("monday", time(11), time(13))],
            },
            "availability",
        ),
    ],
)
def test_bad_registration_is_refused(hub, coordinator, state, kwargs, field) -> None:
    before = state()
    kwargs = dict(kwargs)
    name = kwargs.pop("display_name")
    with pytest.raises(k.ValidationError) as e:
        hub.register_volunteer(coordinator, name, **kwargs)
    assert e.value.code == "validation"
    assert e.value.field == field
    assert str(e.value) == f"invalid {field}: {e.value.reason}"
    assert state() == before


def test_a_single_string_is_not_a_list_of_roles(hub, coordinator, state) -> None:
    before = state()
    with pytest.raises(TypeError):
        hub.register_volunteer(coordinator, "Ok", roles="cashier")
    assert state() == before


def test_bad_updates_are_refused(hub, coordinator, state, bea) -> None:
    before = state()
    with pytest.raises(k.ValidationError) as e:
        hub.update_volunteer(coordinator, bea.id, display_name="")
    assert e.value.field == "display_name"
    with pytest.raises(k.ValidationError) as e:
        hub.update_volunteer(coordinator, bea.id)
    assert e.value.field == "update"
    with pytest.raises(k.ValidationError) as e:
        hub.update_volunteer(coordinator, bea.id, contact="nope")
    assert e.value.field == "contact"
    with pytest.raises(k.NotFoundError) as nf:
        hub.update_volunteer(coordinator, "019cae6b-6600-7000-8000-000000000000", display_name="X")
    assert (nf.value.code, nf.value.entity, nf.value.id) == (
        "not_found",
        "volunteer",
        "019cae6b-6600-7000-8000-000000000000",
    )
    with pytest.raises(k.ValidationError) as e:
        hub.update_volunteer(coordinator, "not-an-id", display_name="X")
    assert e.value.field == "volunteer_id"
    with pytest.raises(k.ForbiddenError):
        hub.update_volunteer(k.Actor("r", "researcher"), bea.id, display_name="X")
    assert state() == before


def test_illegal_status_changes_are_refused(hub, coordinator, state, bea) -> None:
    before = state()
    with pytest.raises(k.ConflictError) as c:
        hub.change_volunteer_status(coordinator, bea.id, "active")
    assert c.value.code == "conflict" and "already active" in str(c.value)
    with pytest.raises(k.ConflictError):
        hub.change_volunteer_status(coordinator, bea.id, "prospect", reason="x")
    with pytest.raises(k.ValidationError) as e:
        hub.change_volunteer_status(coordinator, bea.id, "paused")
    assert e.value.field == "reason"
    with pytest.raises(k.ValidationError) as e:
        hub.change_volunteer_status(coordinator, bea.id, "paused", reason="ziek", on=date(2020, 1, 1))
    assert e.value.field == "on"
    with pytest.raises(k.ValidationError) as e:
        hub.change_volunteer_status(coordinator, bea.id, "gone")
    assert e.value.field == "volunteer_status"
    with pytest.raises(k.ForbiddenError):
        hub.change_volunteer_status(k.Actor("bea", "volunteer", volunteer_id=bea.id), bea.id, "paused", reason="x")
    assert state() == before


def test_forbidden_registration_changes_nothing(hub, state) -> None:
    before = state()
    for role in ["volunteer", "researcher"]:
        with pytest.raises(k.ForbiddenError) as e:
            hub.register_volunteer(k.Actor("x", role), "Bea")
        assert (e.value.code, e.value.role, e.value.action) == ("forbidden", role, "register_volunteer")
    assert state() == before


def test_unknown_volunteer(hub: k.Hub, coordinator: k.Actor) -> None:
    missing = "019cae6b-6600-7000-8000-000000000001"
    with pytest.raises(k.NotFoundError) as e:
        hub.volunteer(coordinator, missing)
    assert e.value.entity == "volunteer" and e.value.id == missing
    assert isinstance(e.value, k.KringloopError)
