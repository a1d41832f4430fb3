"""Check the performance budgets: notebook time and kernel memory, widget and browser latency.

Usage::

    python -m utils.bench [--notebooks notebooks/*.ipynb] [--out docs/benchmark.md]
                          [--changes 20] [--browser] [--time-make-test] [--no-fail]

Why: a lesson that takes 30 s to run, or a slider that lags, loses a class. The script measures
the same way every time and writes ``docs/benchmark.md`` and ``docs/benchmark.csv`` (same rows);
exit code 1 if a budget is missed (``--no-fail`` only reports).

* **Notebook**: wall time of running a copy in a fresh kernel (start included) with nbclient,
  and the kernel's peak memory (``VmHWM`` from ``/proc/self/status``, read by an extra cell
  added to the copy; ``ru_maxrss`` would report the parent's peak after fork + exec).
* **Widget**: every builder found by :func:`utils.live.discover_widgets` is built, then each
  control is set ``--changes`` times to a different valid value; p95 of the time until the
  redraw is done, kernel side.
* **Browser** (``--browser``): the Voila browser test drives every control of every lesson in
  Chromium and logs the time from a change to the chart visibly changing; p95 over them all.
* **Test suite** (``--time-make-test``): wall time of ``make test`` from a warm ``.venv``.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]

#: Budgets: seconds per notebook, MB of kernel memory, ms p95 per widget control and in Voila.
NOTEBOOK_BUDGET_S = 8.0
MEMORY_BUDGET_MB = 250.0
WIDGET_P95_BUDGET_MS = 100.0
BROWSER_P95_BUDGET_MS = 250.0
SUITE_BUDGET_S = 180.0

_MEMORY_CELL = (
    "_st = open('/proc/self/status').read().splitlines()\n"
    "print('__BENCH__', next(int(l.split()[1]) for l in _st if l.startswith('VmHWM:')))"
)


@dataclass(frozen=True)
class Row:
    """One measured number and its verdict (``value`` None means it could not be measured)."""

    kind: str  # notebook | widget | browser | suite
    name: str
    metric: str
    value: float | None
    unit: str
    budget: float | None
    note: str = ""

    @property
    def status(self) -> str:
        if self.value is None:
            return "error"
        if self.budget is None:
            return "info"
        return "pass" if self.value <= self.budget else "fail"


def percentile(values: Sequence[float], q: float) -> float:
    """numpy's linear percentile, refusing an empty list with a clear message."""
    if not values:
        raise ValueError("percentile of an empty list")
    return float(np.percentile(values, q))


def _failure(exc: Exception) -> str:
    lines = str(exc).strip().splitlines() or [""]
    return f"{type(exc).__name__}: {lines[-1][:120]}"


# ----------------------------------------------------------------------------- notebooks
def run_notebook(path: Path, timeout: int = 600) -> tuple[float, float]:
    """Execute a copy of ``path`` in a fresh kernel; return (wall seconds, peak memory in MB)."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(_MEMORY_CELL))
    client = NotebookClient(nb, timeout=timeout, resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    client.execute()
    wall = time.perf_counter() - start
    text = "".join(o.get("text", "") for o in nb.cells[-1].outputs)
    if "__BENCH__" not in text:
        raise RuntimeError("the memory probe cell printed nothing")
    return wall, int(text.split("__BENCH__")[1].split()[0]) / 1024


def bench_notebooks(paths: Sequence[Path], timeout: int) -> list[Row]:
    rows: list[Row] = []
    for path in paths:
        try:
            wall, peak = run_notebook(path, timeout=timeout)
        except Exception as exc:  # report every failure, keep timing the rest
            rows.append(Row("notebook", path.name, "wall time", None, "s", NOTEBOOK_BUDGET_S,
                            _failure(exc)))  # fmt: skip
            continue
        rows.append(Row("notebook", path.name, "wall time", wall, "s", NOTEBOOK_BUDGET_S))
        rows.append(Row("notebook", path.name, "peak memory", peak, "MB", MEMORY_BUDGET_MB))
    return rows


# ----------------------------------------------------------------------------- widgets
def value_cycle(control, n: int) -> list:
    """``n`` valid values for ``control``, each different from the one before.

    >>> import ipywidgets as w
    >>> list(value_cycle(w.Dropdown(options=["a", "b", "c"], value="a"), 4))
    ['b', 'c', 'a', 'b']
    >>> list(value_cycle(w.IntSlider(min=0, max=2, value=0), 4))
    [1, 2, 1, 0]
    """
    import ipywidgets as w

    if isinstance(control, w.Checkbox | w.ToggleButton):
        candidates = [not control.value, control.value]
    elif hasattr(control, "options"):
        values = [o[1] if isinstance(o, tuple) else o for o in control.options]
        candidates = values
        if isinstance(control, w.SelectMultiple):
            candidates = [(v,) for v in values] + [tuple(values[:k]) for k in
                                                   range(2, len(values) + 1)]  # fmt: skip
    elif isinstance(control, w.IntSlider | w.FloatSlider | w.BoundedIntText | w.BoundedFloatText):
        step = control.step or 1
        steps = max(1, round((control.max - control.min) / step))
        there = [control.min + round(i * steps / min(steps, 10)) * step
                 for i in range(min(steps, 10) + 1)]  # fmt: skip
        there = [type(control.value)(v) for v in there]
        candidates = there + there[-2:0:-1]  # there and back again
    else:
        raise TypeError(f"no value cycle for {type(control).__name__}")
    start = candidates.index(control.value) + 1 if control.value in candidates else 0
    values, previous = [], control.value
    for value in (candidates[start:] + candidates[:start]) * (n + 1):
        if len(values) == n:
            break
        if value != previous:
            values.append(value)
            previous = value
    return values


def bench_widget(key: tuple[str, str], builder, changes: int) -> list[Row]:
    """Build one registered widget and time ``changes`` value changes of each control."""
    name = f"{key[0]}/{key[1]}"
    view = builder()
    rows = []
    for control_name, control in view.controls.items():
        label = f"{name}:{control_name}"
        try:
            values = list(value_cycle(control, changes))
        except TypeError as exc:
            values, why = [], str(exc)
        else:
            why = "the control has a single value"
        latencies, errors = [], 0
        for value in values:
            start = time.perf_counter()
            control.value = value
            latencies.append((time.perf_counter() - start) * 1000)
            errors += bool(view.message)
        if not latencies:
            rows.append(Row("widget", label, "p95 latency", None, "ms", WIDGET_P95_BUDGET_MS, why))
            continue
        note = f"n={len(latencies)}, p50 {percentile(latencies, 50):.0f} ms"
        note += f", {errors} shown as input errors" if errors else ""
        rows.append(Row("widget", label, "p95 latency", percentile(latencies, 95), "ms",
                        WIDGET_P95_BUDGET_MS, note))  # fmt: skip
    return rows


def bench_widgets(changes: int) -> list[Row]:
    from utils.live import REGISTRY, discover_widgets

    rows: list[Row] = []
    for key in discover_widgets():
        try:
            rows.extend(bench_widget(key, REGISTRY[key], changes))
        except Exception as exc:  # a broken widget must show up in the report, not stop it
            rows.append(Row("widget", f"{key[0]}/{key[1]}", "build", None, "ms", None,
                            _failure(exc)))  # fmt: skip
    return rows


# ----------------------------------------------------------------------------- browser, suite
def bench_browser() -> list[Row]:
    """p95 from a control change to the visible change, over every control, in Voila."""
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "latency.jsonl"
        env = {**os.environ, "BENCH_BROWSER_LATENCY_LOG": str(log)}
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m",
                   "browser", "tests/browser/test_voila.py"]  # fmt: skip
        proc = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
        samples = [json.loads(x) for x in log.read_text().splitlines()] if log.exists() else []
    note = f"n={len(samples)} controls" + (
        f"; pytest exit {proc.returncode}" * bool(proc.returncode)
    )
    if not samples:
        return [Row("browser", "Voila, every control", "p95 latency", None, "ms", None, note)]
    slowest = max(samples, key=lambda s: s["ms"])
    note += f"; slowest {slowest['notebook']} {slowest['control']} {slowest['ms']:.0f} ms"
    p95 = percentile([s["ms"] for s in samples], 95)
    return [Row("browser", "Voila, every control", "p95 latency", p95, "ms",
                BROWSER_P95_BUDGET_MS, note)]  # fmt: skip


def bench_make_test() -> list[Row]:
    """Wall time of ``make test`` after an untimed ``make setup`` (a warm ``.venv``)."""
    subprocess.run(["make", "setup"], cwd=REPO, check=True, capture_output=True)
    start = time.perf_counter()
    proc = subprocess.run(["make", "test"], cwd=REPO, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode:
        tail = (proc.stdout + proc.stderr).strip().splitlines()[-1:] or [""]
        note = f"exit code {proc.returncode}: {tail[0][:120]}"
        return [Row("suite", "make test", "wall time", None, "s", SUITE_BUDGET_S, note)]
    return [Row("suite", "make test", "wall time", seconds, "s", SUITE_BUDGET_S, "warm .venv")]


# ----------------------------------------------------------------------------- report
def write_report(rows: Sequence[Row], out: Path) -> Path:
    """Write the rows as a markdown table to ``out`` and as CSV beside it; return the CSV."""
    header = ["kind", "name", "metric", "value", "unit", "budget", "status", "note"]
    table = [
        [r.kind, r.name, r.metric, "" if r.value is None else f"{r.value:.1f}", r.unit,
         "" if r.budget is None else f"{r.budget:g}", r.status, r.note]
        for r in rows
    ]  # fmt: skip
    out.parent.mkdir(parents=True, exist_ok=True)
    csv_path = out.with_suffix(".csv")
    with csv_path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows([header, *table])
    failed = sum(r.status in ("fail", "error") for r in rows)
    lines = [
        "# Performance benchmark",
        "",
        "Generated by `python -m utils.bench`; its docstring says what is measured and how.",
        f"Python {platform.python_version()}, {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPU(s).",
        "",
        f"Result: **{'FAIL' if failed else 'PASS'}** ({failed} of {len(rows)} rows failed).",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
        *("| " + " | ".join(c.replace("|", "/") for c in row) + " |" for row in table),
    ]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return csv_path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m utils.bench", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--notebooks", nargs="*", default=None,
                        help="notebook paths (default: notebooks/*.ipynb)")  # fmt: skip
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "benchmark.md")
    parser.add_argument("--changes", type=int, default=20, help="value changes per control")
    parser.add_argument("--timeout", type=int, default=600, help="seconds per notebook cell")
    parser.add_argument("--no-fail", action="store_true", help="always exit 0")
    parser.add_argument("--skip-notebooks", action="store_true")
    parser.add_argument("--skip-widgets", action="store_true")
    parser.add_argument("--browser", action="store_true", help="also time every control in Voila")
    parser.add_argument("--time-make-test", action="store_true", help="also time `make test`")
    args = parser.parse_args(argv)
    if args.changes < 1:
        parser.error(f"--changes must be at least 1, got {args.changes}")
    rows: list[Row] = []
    if not args.skip_widgets:
        rows += bench_widgets(args.changes)
    if not args.skip_notebooks:
        paths = [Path(p) for p in args.notebooks] if args.notebooks is not None else None
        rows += bench_notebooks(paths or sorted((REPO / "notebooks").glob("*.ipynb")), args.timeout)
    if args.browser:
        rows += bench_browser()
    if args.time_make_test:
        rows += bench_make_test()
    csv_path = write_report(rows, args.out)
    for r in rows:
        value = "" if r.value is None else f"{r.value:.1f}"
        print(f"{r.status:5} {r.kind:8} {r.name:50} {r.metric:12} {value:>8} {r.unit}")
    print(f"wrote {args.out} and {csv_path}")
    failed = any(r.status in ("fail", "error") for r in rows)
    return 0 if args.no_fail or not failed else 1


if __name__ == "__main__":
    sys.exit(main())
