"""The benchmark measures what it says: widget latency per control, notebook time and memory,
and a report whose verdicts follow the budgets."""

from __future__ import annotations

import csv

import ipywidgets as widgets
import pytest
from notebooks_common import NOTEBOOKS

from utils import bench
from utils.live import REGISTRY, discover_widgets


def test_percentile_and_value_cycle():
    assert bench.percentile([1, 2, 3, 4], 50) == 2.5 and bench.percentile([10, 20], 95) == 19.5
    with pytest.raises(ValueError):
        bench.percentile([], 50)
    assert list(bench.value_cycle(widgets.Checkbox(value=False), 3)) == [True, False, True]
    assert list(bench.value_cycle(widgets.IntSlider(min=0, max=2, value=0), 4)) == [1, 2, 1, 0]
    assert list(bench.value_cycle(widgets.BoundedIntText(1, min=0, max=2), 3)) == [2, 1, 0]
    picks = list(bench.value_cycle(widgets.SelectMultiple(options=["a", "b"], value=("a",)), 3))
    assert all(isinstance(p, tuple) and p for p in picks)
    pairs = widgets.Dropdown(options=[("China", "CHN"), ("EU", "EU")], value="CHN")
    assert list(bench.value_cycle(pairs, 2)) == ["EU", "CHN"]
    with pytest.raises(TypeError):
        list(bench.value_cycle(widgets.Text(), 1))


def test_every_control_of_a_widget_is_timed_against_the_budget():
    key = discover_widgets()[0]
    rows = bench.bench_widget(key, REGISTRY[key], changes=3)
    view = REGISTRY[key]()
    timed = {r.name.split(":", 1)[1] for r in rows if r.metric == "p95 latency"}
    assert timed == set(view.controls)
    p95 = [r for r in rows if r.metric == "p95 latency"]
    assert all(r.budget == bench.WIDGET_P95_BUDGET_MS and r.value > 0 for r in p95)
    assert {r.status for r in p95} <= {"pass", "fail"}


def test_a_notebook_is_timed_and_its_kernel_memory_read(tmp_path):
    rows = bench.bench_notebooks([NOTEBOOKS[0]], timeout=300)
    wall, memory = rows
    assert wall.metric == "wall time" and 0 < wall.value < 120
    assert memory.unit == "MB" and 50 < memory.value < 1000  # a Python kernel with pandas
    broken = tmp_path / "broken.ipynb"
    broken.write_text("not a notebook")
    (row,) = bench.bench_notebooks([broken], timeout=30)
    assert row.status == "error" and row.note


def test_report_lists_every_row_and_fails_over_budget(tmp_path):
    rows = [
        bench.Row("widget", "00/x:a", "p95 latency", 50.0, "ms", 100.0),
        bench.Row("widget", "00/x:b", "p95 latency", 150.0, "ms", 100.0),
        bench.Row("notebook", "00.ipynb", "wall time", None, "s", 8.0, "TimeoutError"),
        bench.Row("baseline", "plot", "p50 latency", 12.3456, "ms", None),
    ]
    assert [r.status for r in rows] == ["pass", "fail", "error", "info"]
    csv_path = bench.write_report(rows, tmp_path / "bench.md")
    text = (tmp_path / "bench.md").read_text()
    assert "**FAIL** (2 of 4 rows failed)" in text and "| p50 latency | 12.3 | ms |" in text
    with csv_path.open() as handle:
        assert len(list(csv.DictReader(handle))) == 4
