"""Every ```python block in README.md and docs/python.md runs as written.

The blocks of one document run in order in one namespace (a guide builds on
its earlier examples), in a temporary directory."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FENCE = re.compile(r"^```python[^\n]*\n(.*?)^```", re.DOTALL | re.MULTILINE)


def blocks(doc: Path) -> list[tuple[int, str]]:
    text = doc.read_text(encoding="utf-8")
    return [(text.count("\n", 0, m.start()) + 2, m.group(1)) for m in FENCE.finditer(text)]


@pytest.mark.parametrize("name", ["README.md", "docs/python.md"])
def test_doc_examples_run(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = ROOT / name
    found = blocks(doc) if doc.exists() else []
    if not found:
        if name == "README.md":
            pytest.skip("README.md has no ```python blocks yet")
        pytest.fail(f"{name} has no ```python blocks")
    monkeypatch.chdir(tmp_path)  # blocks that write files write them here
    namespace: dict[str, object] = {"__name__": "__doc_example__"}
    for line, code in found:
        exec(compile(code, f"{name}:{line}", "exec"), namespace)
