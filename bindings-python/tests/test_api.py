"""The shape of the package: names, actors, records, labels, exceptions."""

from __future__ import annotations

import dataclasses
from datetime import date, time

import pytest

import kringloop as k
from kringloop import _kringloop

VOCABULARIES = ["volunteer_role", "volunteer_status", "shift_status", "weekday", "role", "action"]


def test_everything_public_is_exported() -> None:
    public = {n for n in dir(_kringloop) if not n.startswith("_")} | {"__version__"}
    assert set(k.__all__) == public
    for name in k.__all__:
        assert getattr(k, name) is getattr(_kringloop, name)


@pytest.mark.parametrize("vocabulary", VOCABULARIES)
def test_labels(vocabulary: str) -> None:
    entries = k.labels(vocabulary)
    assert entries and all(set(e) == {"code", "nl", "en"} for e in entries)
    codes = [e["code"] for e in entries]
    assert len(set(codes)) == len(codes)
    assert all(c == c.lower() and " " not in c for c in codes)


def test_label_contents() -> None:
    assert k.labels("weekday")[0] == {"code": "monday", "nl": "maandag", "en": "Monday"}
    assert {"code": "cashier", "nl": "kassa", "en": "cashier"} in k.labels("volunteer_role")
    assert [e["code"] for e in k.labels("volunteer_status")] == ["prospect", "active", "paused", "left"]
    assert [e["code"] for e in k.labels("role")] == ["volunteer", "coordinator", "researcher", "admin"]
    assert "vog_state" in k.vocabularies()
    assert [e["code"] for e in k.labels("vog_state")] == ["missing", "expired", "expiring"]
    with pytest.raises(k.ValidationError) as e:
        k.labels("colour")
    assert e.value.field == "vocabulary"


def test_actors() -> None:
    a = k.Actor(" anna ", "coordinator")
    assert (a.name, a.role, a.volunteer_id) == ("anna", "coordinator", None)
    assert repr(a) == "Actor('anna', 'coordinator')"
    assert a == k.Actor("anna", "coordinator") and a != k.Actor("anna", "admin")
    vid = "019cae6b-6600-7000-8000-000000000000"
    v = k.Actor("bea", "volunteer", volunteer_id=vid)
    assert v.volunteer_id == vid and vid in repr(v)
    with pytest.raises(k.ValidationError) as e:
        k.Actor("anna", "boss")
    assert e.value.field == "role"
    with pytest.raises(k.ValidationError) as e:
        k.Actor("", "admin")
    assert e.value.field == "actor"
    with pytest.raises(k.ValidationError) as e:
        k.Actor("bea", "volunteer", volunteer_id="x")
    assert e.value.field == "volunteer_id"
    with pytest.raises(AttributeError):
        a.role = "admin"  # type: ignore[misc]


def test_records_are_frozen_comparable_and_printable(url: str) -> None:
    hub = k.Hub.open(url, "oude-bieb")
    anna = k.Actor("anna", "coordinator")
    v = hub.register_volunteer(anna, "Bea", roles=["cashier"], availability=[("monday", time(9), time(12))])
    assert repr(v) == f"Volunteer(id='{v.id}', display_name='Bea', status='prospect', roles=['cashier'])"
    assert repr(hub).startswith("Hub(slug='oude-bieb', id='")
    d = v.to_dict()
    assert d["display_name"] == "Bea" and d["availability"] == [("monday", time(9), time(12))]
    assert set(d) == {
        "id", "display_name", "contact", "start_date", "status", "status_since", "status_reason",
        "roles", "skills", "availability", "vog_date", "version",
    }
    assert isinstance(d["start_date"], date)
    assert v == hub.volunteer(anna, v.id) and v != hub.update_volunteer(anna, v.id, skills=["x"])
    assert v != "Bea"
    with pytest.raises(AttributeError):
        v.display_name = "Eve"  # type: ignore[misc]
    s = hub.plan_shift(anna, v.id, "cashier", date(2030, 1, 7), time(9), time(12))
    assert "role='cashier', date=2030-01-07, start=09:00, end=12:00, status='planned'" in repr(s)
    assert not dataclasses.is_dataclass(s)


def test_exception_hierarchy() -> None:
    classes = {
        k.ValidationError: "validation",
        k.NotFoundError: "not_found",
        k.ConflictError: "conflict",
        k.ForbiddenError: "forbidden",
        k.StorageError: "storage",
    }
    for cls, code in classes.items():
        assert issubclass(cls, k.KringloopError) and issubclass(cls, Exception)
        assert cls.code == code  # type: ignore[attr-defined]
        assert cls.__module__ == "kringloop"
    assert len(set(classes)) == 5


def test_wrong_python_types_are_type_errors() -> None:
    hub = k.Hub.open("memory:", "oude-bieb")
    anna = k.Actor("anna", "coordinator")
    with pytest.raises(TypeError):
        hub.register_volunteer("anna", "Bea")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        hub.register_volunteer(anna, "Bea", start_date="2026-01-01")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        hub.set_opening_hours(anna, ["monday"])  # type: ignore[list-item]
