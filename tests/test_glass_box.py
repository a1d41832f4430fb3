"""Glass box: ``utils`` uses only public matplotlib API, and stays small enough to read.

A private attribute (``renderer._lastKey``, ``ax._left_title``) or module (``matplotlib._text``)
can change in any matplotlib release without notice, and no teacher can follow code built on
it. The scan flags every ``x._name`` attribute access except on ``self``/``cls`` (our own
classes' internals) and every import from a ``_private`` module of a dependency.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

UTILS = Path(__file__).resolve().parents[1] / "utils"
SOURCES = sorted(UTILS.rglob("*.py"))
#: Chart and widget code (style, chart types, widget wiring, lessons): the issue's budget.
CHART_AND_WIDGET_BUDGET = 4500
#: IPython's display protocol (``_repr_png_``, ``_ipython_display_``) is public by design.
DISPLAY_PROTOCOL = re.compile(r"_(repr|ipython)_\w+_")


def _private_uses(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr.startswith("_"):
            dunder = node.attr.startswith("__") and node.attr.endswith("__")
            owner = node.value.id if isinstance(node.value, ast.Name) else ""
            protocol = DISPLAY_PROTOCOL.fullmatch(node.attr)
            if not dunder and not protocol and owner not in ("self", "cls"):
                found.append(f"line {node.lineno}: .{node.attr}")
        if isinstance(node, ast.ImportFrom) and node.module:
            parts = node.module.split(".")
            if parts[0] not in ("utils", "__future__") and any(p.startswith("_") for p in parts):
                found.append(f"line {node.lineno}: from {node.module}")
        if isinstance(node, ast.Import):
            for alias in node.names:
                if any(p.startswith("_") for p in alias.name.split(".")[1:]):
                    found.append(f"line {node.lineno}: import {alias.name}")
    return found


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(UTILS)))
def test_no_private_api(path):
    found = _private_uses(path)
    assert not found, f"{path.relative_to(UTILS)} uses private API: {found}"


def test_chart_and_widget_code_fits_the_budget():
    files = [UTILS / "style.py", UTILS / "charts.py", UTILS / "live.py"]
    files += sorted((UTILS / "lessons").glob("*.py"))
    lines = sum(len(p.read_text(encoding="utf-8").splitlines()) for p in files)
    assert lines <= CHART_AND_WIDGET_BUDGET, f"{lines} lines of chart and widget code"
    assert not (UTILS / "plotting").exists() and not (UTILS / "widgets").exists()
