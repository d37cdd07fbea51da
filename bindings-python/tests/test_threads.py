"""Calls release the GIL: other Python threads run while the core waits."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor


import kringloop as k


def test_calls_from_many_threads(url: str) -> None:
    hub = k.Hub.open(url, "oude-bieb")
    anna = k.Actor("anna", "coordinator")

    def register(i: int) -> str:
        return hub.register_volunteer(anna, f"Vrijwilliger {i:03}").id

    with ThreadPoolExecutor(max_workers=4) as pool:
        ids = list(pool.map(register, range(40)))
    assert len(set(ids)) == 40
    assert len(hub.volunteers(anna)) == 40


BLOCKER = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
db.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()
db.execute("COMMIT")
"""


def test_a_waiting_call_lets_other_threads_run(tmp_path) -> None:
    """Another process holds SQLite's write lock; a hub call in a thread waits
    for it. Only if that call released the GIL can this thread wake up, tell
    the other process to commit, and so let the call finish (otherwise it
    would fail after the 5 s busy timeout). The lock is held by another
    process because SQLite's file locks do not separate connections of one
    process that use different copies of the SQLite library."""
    path = tmp_path / "hub.db"
    hub = k.Hub.open(f"sqlite:{path}", "oude-bieb")
    anna = k.Actor("anna", "coordinator")
    blocker = subprocess.Popen(
        [sys.executable, "-c", BLOCKER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert blocker.stdout is not None and blocker.stdin is not None
        assert blocker.stdout.readline().strip() == "locked"
        result: dict[str, object] = {}

        def call() -> None:
            try:
                result["volunteer"] = hub.register_volunteer(anna, "Bea")
            except BaseException as e:  # reported below
                result["error"] = e
            result["done"] = time.monotonic()

        worker = threading.Thread(target=call)
        started = time.monotonic()
        worker.start()
        time.sleep(0.3)
        assert "done" not in result, "the call should wait for the lock"
        released = time.monotonic()
        blocker.stdin.write("commit\n")
        blocker.stdin.flush()
        worker.join(timeout=10)
        assert "error" not in result, result.get("error")
        assert isinstance(result["volunteer"], k.Volunteer)
        assert released < float(result["done"]) < started + 4  # type: ignore[arg-type]
    finally:
        blocker.kill()
        blocker.wait()
