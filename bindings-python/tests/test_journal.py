"""The journal, the clock, and persistence."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest

import kringloop as k
from conftest import NOW, TODAY


def test_every_change_is_journalled(hub: k.Hub, coordinator: k.Actor, admin: k.Actor) -> None:
    v = hub.register_volunteer(coordinator, "Bea", status="active", roles=["cashier"])
    hub.update_volunteer(coordinator, v.id, skills=["kassa"])
    hub.change_volunteer_status(coordinator, v.id, "paused", reason="ziek")
    hub.change_volunteer_status(coordinator, v.id, "active")
    s = hub.plan_shift(coordinator, v.id, "cashier", TODAY, time(10), time(13))
    hub.complete_shift(coordinator, s.id)
    c = hub.plan_shift(coordinator, v.id, "cashier", date(2026, 3, 3), time(10), time(13))
    hub.cancel_shift(coordinator, c.id, reason="ziek")
    hub.record_shift(coordinator, v.id, "cashier", date(2026, 2, 27), time(10), time(13))
    hub.set_opening_hours(
        coordinator, [{"weekday": "monday", "start": time(10), "end": time(13), "staffing": {"cashier": 1}}]
    )
    j = hub.journal(admin)
    assert [r.action for r in j] == [
        "volunteer.registered",
        "volunteer.updated",
        "volunteer.status_changed",
        "volunteer.status_changed",
        "shift.planned",
        "shift.worked",
        "shift.planned",
        "shift.cancelled",
        "shift.recorded",
        "hub.opening_hours_set",
    ]
    assert [r.seq for r in j] == sorted({r.seq for r in j})
    first = j[0]
    assert (first.actor, first.role, first.entity, first.entity_id) == ("anna", "coordinator", "volunteer", v.id)
    assert first.at == NOW and first.at.tzinfo is not None
    assert first.detail["displayName"] == "Bea"
    assert j[2].detail == {"from": "active", "to": "paused", "on": "2026-03-02", "reason": "ziek"}
    assert first.to_dict()["detail"] == first.detail
    # paging
    page = hub.journal(admin, after=j[3].seq, limit=2)
    assert page == j[4:6]
    assert hub.journal(admin, after=j[-1].seq) == []


def test_journal_access_and_limits(hub: k.Hub, coordinator: k.Actor, admin: k.Actor) -> None:
    with pytest.raises(k.ForbiddenError) as e:
        hub.journal(coordinator)
    assert (e.value.role, e.value.action) == ("coordinator", "read_journal")
    for limit in [0, -5, 10_001, 2**40]:
        with pytest.raises(k.ValidationError) as v:
            hub.journal(admin, limit=limit)
        assert v.value.field == "limit"


def test_the_clock_can_be_moved(hub: k.Hub, coordinator: k.Actor, admin: k.Actor) -> None:
    assert hub.now == NOW
    later = datetime(2026, 6, 1, 9, 30, tzinfo=timezone(timedelta(hours=2)))
    hub.set_now(later)
    assert hub.now == later
    v = hub.register_volunteer(coordinator, "Bea")
    assert v.start_date == date(2026, 6, 1)
    assert hub.journal(admin)[-1].at == later
    assert hub.journal(admin)[-1].at.utcoffset() == timedelta(0)


def test_a_hub_on_the_system_clock(url: str) -> None:
    hub = k.Hub.open(url, "systeem")
    assert abs(hub.now - datetime.now(timezone.utc)) < timedelta(minutes=1)
    with pytest.raises(RuntimeError):
        hub.set_now(NOW)


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(TypeError):
        k.Hub.open("memory:", "oude-bieb", now=datetime(2026, 3, 2, 12))


def test_hubs_are_isolated_and_sqlite_persists(url: str, coordinator: k.Actor) -> None:
    a = k.Hub.open(url, "oude-bieb", now=NOW)
    b = k.Hub.open(url, "de-kringloper", now=NOW)
    assert a.id != b.id and a.slug == "oude-bieb"
    a.register_volunteer(coordinator, "Bea")
    assert b.volunteers(coordinator) == []
    again = k.Hub.open(url, "oude-bieb", now=NOW)
    if url.startswith("sqlite:"):
        assert again.id == a.id
        assert [v.display_name for v in again.volunteers(coordinator)] == ["Bea"]
    else:  # every memory: hub has its own store
        assert again.volunteers(coordinator) == []


@pytest.mark.parametrize(
    "url, hub, field",
    [("mysql://x", "oude-bieb", "url"), ("sqlite:", "oude-bieb", "url"), ("memory:", "Oude Bieb", "hub")],
)
def test_bad_open(url: str, hub: str, field: str) -> None:
    with pytest.raises(k.ValidationError) as e:
        k.Hub.open(url, hub)
    assert e.value.field == field


def test_storage_errors(tmp_path) -> None:
    with pytest.raises(k.StorageError) as e:
        k.Hub.open(f"sqlite:{tmp_path}/no/such/dir/hub.db", "oude-bieb")
    assert e.value.code == "storage"
