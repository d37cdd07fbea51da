"""Shared fixtures: every hub test runs on the memory store and on a SQLite file."""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from typing import Any, Callable

import pytest

import kringloop as k

#: The tests' clock: Monday 2 March 2026, noon UTC (as in the Rust conformance suite).
TODAY = date(2026, 3, 2)
NOW = datetime(2026, 3, 2, 12, 0, tzinfo=timezone.utc)
ALL_TIME = (date(1, 1, 1), date(9999, 12, 31))


def pytest_report_header() -> str:
    return f"kringloop {k.__version__} imported from {k.__file__}"


@pytest.fixture(params=["memory", "sqlite"])
def url(request: pytest.FixtureRequest, tmp_path: Any) -> str:
    return "memory:" if request.param == "memory" else f"sqlite:{tmp_path}/hub.db"


@pytest.fixture
def hub(url: str) -> k.Hub:
    return k.Hub.open(url, "oude-bieb", now=NOW)


@pytest.fixture
def coordinator() -> k.Actor:
    return k.Actor("anna", "coordinator")


@pytest.fixture
def admin() -> k.Actor:
    return k.Actor("beheer", "admin")


@pytest.fixture
def researcher() -> k.Actor:
    return k.Actor("onderzoek", "researcher")


@pytest.fixture
def bea(hub: k.Hub, coordinator: k.Actor) -> k.Volunteer:
    """An active volunteer who may work as cashier and on the shop floor."""
    return hub.register_volunteer(
        coordinator,
        "Bea",
        status="active",
        start_date=date(2025, 1, 6),
        roles=["cashier", "shop_floor"],
    )


@pytest.fixture
def state(hub: k.Hub, coordinator: k.Actor, admin: k.Actor) -> Callable[[], tuple[Any, ...]]:
    """Everything the hub holds, to compare before and after a refused call."""

    def take() -> tuple[Any, ...]:
        return (
            hub.volunteers(coordinator),
            hub.shifts(coordinator, *ALL_TIME, include_cancelled=True),
            hub.opening_hours(coordinator),
            hub.journal(admin, limit=10_000),
        )

    return take


def t(h: int, m: int = 0) -> time:
    return time(h, m)
