"""The hand-written stubs match the compiled module."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from kringloop import _kringloop

STUB = Path(_kringloop.__file__).with_name("_kringloop.pyi")


def test_stub_is_installed() -> None:
    assert STUB.exists()
    assert STUB.with_name("py.typed").exists()


def test_stub_names_every_public_name() -> None:
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    public = {n for n in dir(_kringloop) if not n.startswith("_")}
    assert public <= names


def test_stubtest() -> None:
    pytest.importorskip("mypy")
    run = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "kringloop._kringloop"],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parent,
    )
    assert run.returncode == 0, run.stdout + run.stderr
