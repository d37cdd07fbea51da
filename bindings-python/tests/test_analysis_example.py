"""examples/python/analysis.py runs on the demo database and writes its four PNG plots.

The demo database is made once per test run (``cargo run --example demo``, about 25 s plus
compiling the demo when it is not built yet) in pytest's temporary folder; set
``KRINGLOOP_DEMO_DB`` to a file made earlier to skip that. Needs pandas and matplotlib
(``scripts/python-test.sh`` installs them) and cargo.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "examples" / "python" / "analysis.py"
PLOTS = ["cohort_curve.png", "signals_by_domain.png", "sales_and_reuse.png", "attendance.png"]
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("KRINGLOOP_DEMO_DB")
    if given:
        return Path(given)
    if shutil.which("cargo") is None:
        pytest.skip("cargo is needed to make the demo database")
    path = tmp_path_factory.mktemp("demo") / "oude-bieb.db"
    # The Makefile's feature set, so the demo reuses the build `make test` already has.
    run = subprocess.run(
        ["cargo", "run", "-q", "--features", "kringloop/postgres", "-p", "kringloop", "--example", "demo",
         "--", str(path)],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    return path


def test_analysis_example_writes_its_plots(demo_db: Path, tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    out = tmp_path / "plots"
    run = subprocess.run(
        [sys.executable, str(SCRIPT), str(demo_db), "--out", str(out)],
        capture_output=True, text=True, env={**os.environ, "MPLBACKEND": "Agg"},
    )
    assert run.returncode == 0, run.stdout + run.stderr
    for name in PLOTS:
        png = out / name
        assert png.exists(), f"{name} missing; output:\n{run.stdout}"
        data = png.read_bytes()
        assert data[:8] == PNG_MAGIC, f"{name} is not a PNG"
        assert len(data) > 10_000, f"{name} is suspiciously small ({len(data)} bytes)"
        assert f"wrote {png}" in run.stdout
    assert f"plots in {out}" in run.stdout


def test_docs_analysis_cells_are_the_scripts() -> None:
    """Every ```python cell of docs/analysis.md is copied from the script (line by line,
    indentation aside), so the walkthrough cannot drift from what make test runs."""
    doc = (ROOT / "docs" / "analysis.md").read_text(encoding="utf-8")
    script = {line.strip() for line in SCRIPT.read_text(encoding="utf-8").splitlines()}
    cells = re.findall(r"^```python\n(.*?)^```", doc, re.DOTALL | re.MULTILINE)
    assert len(cells) >= 5
    for cell in cells:
        missing = [line for line in cell.splitlines() if line.strip() not in script]
        assert not missing, f"docs/analysis.md has lines the script does not: {missing}"
    for name in PLOTS:
        assert f"(analysis/{name})" in doc, f"docs/analysis.md does not show {name}"
        assert (ROOT / "docs" / "analysis" / name).read_bytes()[:8] == PNG_MAGIC
