"""Research tables: Arrow C streams that polars (and pandas) read, with
people only under pseudonymous keys, no names or free text, researchers and
admins only, read batch by batch."""

from __future__ import annotations

import sys
import types
from datetime import date
from typing import Any

import pytest

import kringloop as k
from conftest import NOW, t
from test_report import NAMES, Q1, seeded  # noqa: F401  (the fixture)

pl = pytest.importorskip("polars")

TABLES = [
    "volunteers",
    "shifts",
    "assessments",
    "courses",
    "enrolments",
    "activity_sessions",
    "attendance",
    "stock_moves",
    "sale_lines",
    "signals",
    "referrals",
]
#: Every name, contact and free text the seed writes (report's NAMES too).
PERSONAL = [*NAMES, "Fenna", "06 9876", "Zorgen", "brief", "zaal bezet", "Kassatraining",
            "Schuldhulp", "roman", "shirt", "kassa", "anna", "beheer", "Inloopkoor"]


@pytest.fixture
def hub_with_people(seeded: k.Hub, coordinator: k.Actor) -> k.Hub:  # noqa: F811
    """The report's seed plus a session with a named volunteer and resident."""
    c = coordinator
    fenna = seeded.register_resident(c, "Fenna", contact="06 9876 5432", consent=True)
    anneke = seeded.volunteers(c)[0]
    choir = seeded.create_activity(c, "Inloopkoor", "music")
    s = seeded.add_session(c, choir.id, date(2026, 2, 26), t(19), t(21))
    seeded.record_attendance(c, s.id, headcount=2, volunteers=[anneke.id], residents=[fenna.id])
    return seeded


def test_the_tables_are_a_vocabulary() -> None:
    assert [e["code"] for e in k.labels("research_table")] == TABLES
    assert "research_table" in k.vocabularies()


def test_polars_reads_the_stream(hub_with_people: k.Hub, researcher: k.Actor) -> None:
    table = hub_with_people.table(researcher, "sale_lines")
    assert isinstance(table, k.ResearchTable)
    assert repr(table) == "ResearchTable(name='sale_lines', columns=14)"
    df = pl.DataFrame(table)
    assert df.columns == table.columns
    assert df.height == 2
    assert df["quantity"].sum() == 3
    assert df["date"].dtype == pl.Date and df["city_pass"].dtype == pl.Boolean
    assert df["net"].dtype == pl.Int64 and df["sale_key"].dtype == pl.String
    assert table.schema["date"] == "date32" and table.schema["sale_key"] == "string"
    # the same object exports again (each export reads the table afresh)
    assert table.to_polars().equals(df)


@pytest.mark.parametrize("name", TABLES)
def test_no_table_holds_a_name_contact_or_free_text(
    name: str, hub_with_people: k.Hub, admin: k.Actor, coordinator: k.Actor
) -> None:
    raw_ids = {v.id for v in hub_with_people.volunteers(coordinator)}
    df = pl.DataFrame(hub_with_people.table(admin, name))
    assert df.height > 0, name
    for col in df.columns:
        if df[col].dtype != pl.String:
            continue
        for value in df[col].drop_nulls():
            low = value.lower()
            assert not any(p.lower() in low for p in PERSONAL), (name, col, value)
            assert value not in raw_ids, (name, col)
            if col.endswith("_key"):
                assert len(value) == 16 and all(ch in "0123456789abcdef" for ch in value)


def test_keys_join_tables_and_stay_within_the_hub(
    hub_with_people: k.Hub, researcher: k.Actor, url: str
) -> None:
    volunteers = hub_with_people.table(researcher, "volunteers").to_polars()
    shifts = hub_with_people.table(researcher, "shifts").to_polars()
    joined = shifts.join(volunteers, on="volunteer_key", how="inner")
    assert joined.height == shifts.height == 4
    again = hub_with_people.table(researcher, "volunteers").to_polars()
    assert again["volunteer_key"].to_list() == volunteers["volunteer_key"].to_list()
    other = k.Hub.open(url, "de-kringloop", now=NOW)
    c = k.Actor("anna", "coordinator")
    other.register_volunteer(c, "Anneke")
    theirs = other.table(researcher, "volunteers").to_polars()["volunteer_key"].to_list()
    assert not set(theirs) & set(volunteers["volunteer_key"].to_list())
    att = hub_with_people.table(researcher, "attendance").to_polars()
    assert set(att["participant_kind"]) == {"volunteer", "resident"}
    mine = att.filter(pl.col("participant_kind") == "volunteer")["participant_key"][0]
    assert mine in volunteers["volunteer_key"].to_list()


def test_batches_and_periods(hub_with_people: k.Hub, researcher: k.Actor) -> None:
    for name in TABLES:
        whole = pl.DataFrame(hub_with_people.table(researcher, name))
        one_by_one = pl.DataFrame(hub_with_people.table(researcher, name, batch_size=1))
        assert one_by_one.equals(whole), name
    q1 = pl.DataFrame(hub_with_people.table(researcher, "shifts", *Q1))
    assert q1.height == 3 and q1["date"].min() >= Q1[0]
    since = pl.DataFrame(hub_with_people.table(researcher, "shifts", start=date(2026, 2, 1)))
    assert since.height == 2
    until = pl.DataFrame(hub_with_people.table(researcher, "shifts", end=date(2025, 12, 31)))
    assert until.height == 1
    empty = pl.DataFrame(hub_with_people.table(researcher, "shifts", start=date(2030, 1, 1)))
    assert empty.height == 0 and empty.columns == q1.columns
    with pytest.raises(k.ValidationError):
        hub_with_people.table(researcher, "shifts", date(2026, 2, 1), date(2026, 1, 1))
    with pytest.raises(k.ValidationError):
        hub_with_people.table(researcher, "shifts", batch_size=0)
    with pytest.raises(k.ValidationError) as e:
        hub_with_people.table(researcher, "people")
    assert "sale_lines" in str(e.value)


def test_only_researchers_and_admins(hub: k.Hub, coordinator: k.Actor, bea: k.Volunteer) -> None:
    for who in (coordinator, k.Actor("bea", "volunteer", volunteer_id=bea.id)):
        with pytest.raises(k.ForbiddenError) as e:
            hub.table(who, "volunteers")
        assert e.value.action == "read_research_tables"


def test_missing_libraries_raise_a_clear_import_error(
    hub_with_people: k.Hub, researcher: k.Actor, monkeypatch: Any
) -> None:
    table = hub_with_people.table(researcher, "signals")
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install kringloop\[pandas\]"):
        table.to_pandas()
    # pandas there, pyarrow not: the same extra installs both
    monkeypatch.setitem(sys.modules, "pandas", types.ModuleType("pandas"))
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match=r"needs pyarrow.*pip install kringloop\[pandas\]"):
        table.to_pandas()
    monkeypatch.setitem(sys.modules, "polars", None)
    with pytest.raises(ImportError, match=r"pip install kringloop\[polars\]"):
        table.to_polars()


def test_the_capsule_is_an_arrow_array_stream(hub: k.Hub, researcher: k.Actor) -> None:
    import ctypes

    capsule = hub.table(researcher, "courses").__arrow_c_stream__()
    get_name = ctypes.pythonapi.PyCapsule_GetName
    get_name.restype = ctypes.c_char_p
    get_name.argtypes = [ctypes.py_object]
    assert get_name(capsule) == b"arrow_array_stream"
    del capsule  # released unread: no leak, no crash
