"""Performance budget check for notebooks, widgets and the import of ``utils``.

Usage::

    python -m utils.bench [--notebooks notebooks/*.ipynb] [--out docs/benchmark.md]
                          [--changes 20] [--no-fail] [--skip-notebooks] [--skip-widgets]

Why: a lesson that takes 30 s to run, or a slider that lags, loses a class. The budgets below
are what a student on a modest laptop should get; this script measures them the same way every
time and writes ``docs/benchmark.md`` plus ``docs/benchmark.csv`` (same rows). Exit code 1 if
any budget fails (``--no-fail`` only reports).

What is measured
----------------
* **Notebook wall time**: executing a notebook with nbclient in a fresh kernel, kernel start
  included. The notebook file is never modified: a copy in memory gets one extra final cell
  that reports the kernel's peak resident memory, ``VmHWM`` from ``/proc/self/status``
  (kilobytes on Linux).
* **Widget latency**: every builder in :data:`utils.live.REGISTRY` (filled by importing the
  ``utils/lessons/lNN_*.py`` modules, found from their file names) is built, then each control
  is set to a different valid value ``--changes`` times (cycling through options / slider
  positions); the time from setting the value to the redraw being in the widget model is the
  kernel-side latency (the browser's PNG decode is not included). p50 and p95 wall time in
  ms (budgeted), plus p95 CPU time of the process (information: on a busy machine wall time
  exceeds CPU time, which tells a slow render from a loaded computer).
* **Browser latency** (``--browser``): the Voila browser test drives every control of every
  lesson in Chromium and logs the time from the change to the chart visibly changing; p95 over
  all controls, budget 250 ms.
* **Baseline**: a bare matplotlib plot drawn to PNG, as a yardstick for the machine's speed.
* **Test suite** (``--time-make-test``, used by ``make bench``): wall time of ``make test`` from
  a warm ``.venv``.
"""

from __future__ import annotations

import argparse
import copy
import csv
import glob
import json
import math
import platform
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

#: Budgets: seconds per notebook, milliseconds p95 per widget control, MB peak kernel memory.
NOTEBOOK_BUDGET_S = 8.0
WIDGET_P95_BUDGET_MS = 100.0
MEMORY_BUDGET_MB = 250.0
BROWSER_P95_BUDGET_MS = 250.0

#: Peak resident memory of the kernel process itself. ``VmHWM`` in /proc/self/status is the
#: high-water mark of this process's own memory. ``ru_maxrss`` is not used on Linux: a process
#: started by fork + exec inherits its parent's peak there, so every kernel would report the
#: size of the benchmark process that launched it (that is how an earlier version of this
#: script reported ~220 MB for kernels that peaked near 140 MB).
_MEMORY_CELL = (
    "import json as _j, resource as _r\n"
    "try:\n"
    "    _st = open('/proc/self/status').read().splitlines()\n"
    "    _kb = next(int(l.split()[1]) for l in _st if l.startswith('VmHWM:'))\n"
    "except (OSError, StopIteration):\n"
    "    _kb = _r.getrusage(_r.RUSAGE_SELF).ru_maxrss\n"
    "print('__BENCH__' + _j.dumps({'maxrss_kb': _kb}))"
)


@dataclass(frozen=True)
class Row:
    """One measured number and its verdict."""

    kind: str  # notebook | widget | import
    name: str
    metric: str
    value: float | None
    unit: str
    budget: float | None
    note: str = ""

    @property
    def status(self) -> str:
        if self.value is None or (isinstance(self.value, float) and math.isnan(self.value)):
            return "error"
        if self.budget is None:
            return "info"
        return "pass" if self.value <= self.budget else "fail"


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile (``q`` in 0..100), as numpy's default method.

    >>> percentile([1, 2, 3, 4], 50), percentile([10, 20], 95)
    (2.5, 19.5)
    """
    if not values:
        raise ValueError("percentile of an empty list")
    if not 0 <= q <= 100:
        raise ValueError(f"q must be in [0, 100], got {q}")
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


# ----------------------------------------------------------------------------- notebooks
def run_notebook(path: Path, timeout: int = 600, kernel: str = "python3") -> tuple[float, float]:
    """Execute a copy of ``path`` in a fresh kernel; return (wall seconds, peak RSS in MB)."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    nb = copy.deepcopy(nb)
    nb.cells.append(nbformat.v4.new_code_cell(_MEMORY_CELL))
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name=kernel,
        resources={"metadata": {"path": str(path.parent)}},
    )
    start = time.perf_counter()
    client.execute()  # starts the kernel, runs every cell, shuts the kernel down
    wall = time.perf_counter() - start
    peak_kb = None
    for output in nb.cells[-1].get("outputs", []):
        text = output.get("text", "")
        for line in text.splitlines():
            if line.startswith("__BENCH__"):
                peak_kb = json.loads(line[len("__BENCH__") :])["maxrss_kb"]
    if peak_kb is None:
        raise RuntimeError("the memory probe cell printed nothing")
    return wall, peak_kb / 1024


def bench_notebooks(paths: Sequence[Path], timeout: int) -> list[Row]:
    rows: list[Row] = []
    for path in paths:
        name = path.name
        try:
            wall, peak = run_notebook(path, timeout=timeout)
        except Exception as exc:  # report every failure, keep benchmarking the rest
            note = f"{type(exc).__name__}: {str(exc).strip().splitlines()[-1][:120]}"
            rows.append(Row("notebook", name, "wall time", None, "s", NOTEBOOK_BUDGET_S, note))
            continue
        rows.append(Row("notebook", name, "wall time", wall, "s", NOTEBOOK_BUDGET_S))
        rows.append(Row("notebook", name, "peak memory", peak, "MB", MEMORY_BUDGET_MB))
    return rows


# ----------------------------------------------------------------------------- widgets
def value_cycle(control, n: int) -> Iterator[object]:
    """``n`` valid values for ``control``, each different from the previous one.

    Options are cycled in order; sliders visit evenly spaced positions back and forth;
    toggles alternate; multi-selects rotate through single options and growing prefixes.

    >>> import ipywidgets as w
    >>> list(value_cycle(w.Dropdown(options=["a", "b", "c"], value="a"), 4))
    ['b', 'c', 'a', 'b']
    >>> list(value_cycle(w.IntSlider(min=0, max=2, value=0), 4))
    [1, 2, 1, 0]
    """
    import ipywidgets as w

    current = control.value
    candidates: list[object]
    if isinstance(control, w.Checkbox | w.ToggleButton):
        candidates = [not current, current]
    elif isinstance(control, w.SelectMultiple):
        options = _option_values(control)
        candidates = [(o,) for o in options]
        candidates += [tuple(options[:k]) for k in range(2, len(options) + 1)]
    elif hasattr(control, "options"):  # Dropdown, ToggleButtons, RadioButtons, Select...
        candidates = _option_values(control)
    elif isinstance(control, w.IntSlider | w.FloatSlider | w.BoundedIntText | w.BoundedFloatText):
        steps = max(1, round((control.max - control.min) / (control.step or 1)))
        positions = min(steps, 10)
        candidates = [
            control.min + round(i * steps / positions) * (control.step or 1)
            for i in range(positions + 1)
        ]
        if isinstance(control.value, int):
            candidates = [int(c) for c in candidates]
        candidates = candidates + candidates[-2:0:-1]  # there and back again
    elif isinstance(control, w.IntRangeSlider | w.FloatRangeSlider):
        lo, hi = control.min, control.max
        span = hi - lo
        candidates = [(lo, hi), (lo, lo + span / 2), (lo + span / 2, hi), (lo + span / 4, hi)]
        if isinstance(control, w.IntRangeSlider):
            candidates = [(int(a), int(b)) for a, b in candidates]
    else:
        raise TypeError(f"no value cycle for {type(control).__name__}")
    if len(candidates) < 2:
        return
    start = candidates.index(current) + 1 if current in candidates else 0
    produced, i, previous = 0, start, current
    while produced < n:
        value = candidates[i % len(candidates)]
        i += 1
        if value == previous:
            continue
        produced += 1
        previous = value
        yield value


def _option_values(control) -> list:
    """Values (not labels) of a selection widget's options (list, pairs or dict)."""
    values = getattr(control, "_options_values", None)  # ipywidgets 8 keeps them here
    if values is not None:
        return list(values)
    return [o[1] if isinstance(o, tuple) and len(o) == 2 else o for o in control.options]


def _unmeasured(label: str, why: str) -> Row:
    """An error row for a control whose latency could not be measured, saying why."""
    return Row("widget", label, "p95 latency", None, "ms", WIDGET_P95_BUDGET_MS, why)


def bench_widget(key: tuple[str, str], builder: Callable, changes: int) -> list[Row]:
    """Build one registered widget and time ``changes`` value changes per control."""
    name = f"{key[0]}/{key[1]}"
    start = time.perf_counter()
    view = builder()
    build_ms = (time.perf_counter() - start) * 1000
    rows = [Row("widget", name, "build + first render", build_ms, "ms", None)]
    for control_name, control in view.controls.items():
        latencies: list[float] = []
        errors = 0
        try:
            values = list(value_cycle(control, changes))
        except TypeError as exc:
            rows.append(_unmeasured(f"{name}:{control_name}", str(exc)))
            continue
        cpu: list[float] = []
        for value in values:
            t0, c0 = time.perf_counter(), time.process_time()
            control.value = value
            latencies.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
            errors += bool(view.message)
        if not latencies:
            rows.append(_unmeasured(f"{name}:{control_name}", "control has a single value"))
            continue
        note = f"n={len(latencies)}" + (f", {errors} shown as input errors" if errors else "")
        label = f"{name}:{control_name}"
        rows.append(
            Row("widget", label, "p50 latency", percentile(latencies, 50), "ms", None, note)
        )
        rows.append(
            Row(
                "widget",
                label,
                "p95 latency",
                percentile(latencies, 95),
                "ms",
                WIDGET_P95_BUDGET_MS,
                note,
            )
        )
        # CPU time of this process: separates a slow render from a busy machine.
        rows.append(Row("widget", label, "p95 CPU time", percentile(cpu, 95), "ms", None, note))
    return rows


def bench_widgets(changes: int) -> list[Row]:
    from utils.live import REGISTRY, discover_widgets

    rows: list[Row] = []
    for key in discover_widgets():
        try:
            rows.extend(bench_widget(key, REGISTRY[key], changes))
        except Exception as exc:  # a broken widget must show up in the report, not stop it
            rows.append(
                Row(
                    "widget",
                    f"{key[0]}/{key[1]}",
                    "build",
                    None,
                    "ms",
                    None,
                    f"{type(exc).__name__}: {exc}"[:160],
                )
            )
    return rows


# ----------------------------------------------------------------------------- baseline
def bench_baseline(repeats: int = 10) -> list[Row]:
    """Machine-speed reference: a bare matplotlib line plot (800x450 px) drawn to PNG.

    Widget latencies are dominated by matplotlib drawing, so this row tells a reader whether
    a failing widget is slow in itself or the machine is slow (compare against it).
    """
    import io

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    def draw() -> None:
        fig = Figure(figsize=(8, 4.5), dpi=100)
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        ax.plot(range(30), range(30), marker="o")
        ax.set_title("baseline")
        fig.savefig(io.BytesIO(), format="png")

    draw()  # warm up font cache
    wall, cpu = [], []
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        draw()
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    note = f"n={repeats}; bare Figure + one line, no house style"
    return [
        Row(
            "baseline",
            "matplotlib line plot to PNG",
            "p50 latency",
            percentile(wall, 50),
            "ms",
            None,
            note,
        ),
        Row(
            "baseline",
            "matplotlib line plot to PNG",
            "p50 CPU time",
            percentile(cpu, 50),
            "ms",
            None,
            note,
        ),
    ]


# ----------------------------------------------------------------------------- browser
def bench_browser() -> list[Row]:
    """p95 from a control change to the visible change, over every control, in Voila."""
    import os
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "latency.jsonl"
        env = {**os.environ, "BENCH_BROWSER_LATENCY_LOG": str(log)}
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m",
                   "browser", "tests/browser/test_voila.py"]  # fmt: skip
        proc = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
        samples = (
            [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []
        )
    note = f"n={len(samples)} controls" + (
        f"; pytest exit {proc.returncode}" if proc.returncode else ""
    )
    if not samples:
        return [Row("browser", "Voila, every control", "p95 latency", None, "ms", None, note)]
    ms = [s["ms"] for s in samples]
    slowest = max(samples, key=lambda s: s["ms"])
    note += f"; slowest {slowest['notebook']} {slowest['control']} {slowest['ms']:.0f} ms"
    return [
        Row("browser", "Voila, every control", "p50 latency", percentile(ms, 50), "ms", None, note),
        Row(
            "browser",
            "Voila, every control",
            "p95 latency",
            percentile(ms, 95),
            "ms",
            BROWSER_P95_BUDGET_MS,
            note,
        ),  # fmt: skip
    ]


# ----------------------------------------------------------------------------- test suite
def bench_make_test(command: Sequence[str] = ("make", "test")) -> list[Row]:
    """Wall time of the whole test suite (``make test``) with ``.venv`` already set up.

    ``make setup`` runs first (untimed) so the measurement starts from a warm ``.venv``, as the
    budget table asks. A failing suite is reported as an error row with its exit code.
    """
    subprocess.run(["make", "setup"], cwd=REPO, check=True, capture_output=True)
    start = time.perf_counter()
    proc = subprocess.run(list(command), cwd=REPO, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    name = " ".join(command)
    if proc.returncode:
        tail = (proc.stdout + proc.stderr).strip().splitlines()[-1:] or [""]
        note = f"exit code {proc.returncode}: {tail[0][:120]}"
        return [Row("suite", name, "wall time", None, "s", None, note)]
    return [Row("suite", name, "wall time", seconds, "s", None, "warm .venv")]


# ----------------------------------------------------------------------------- report
def _fmt(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"


def write_report(rows: Sequence[Row], out: Path) -> Path:
    """Write the markdown table to ``out`` and the same rows to ``out`` with ``.csv``."""
    out.parent.mkdir(parents=True, exist_ok=True)
    header = ["kind", "name", "metric", "value", "unit", "budget", "status", "note"]
    table = [
        [r.kind, r.name, r.metric, _fmt(r.value), r.unit, _fmt(r.budget), r.status, r.note]
        for r in rows
    ]
    csv_path = out.with_suffix(".csv")
    with csv_path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(table)
    failed = [r for r in rows if r.status in ("fail", "error")]
    lines = [
        "# Performance benchmark",
        "",
        "Generated by `python -m utils.bench`; see the module docstring for what is measured.",
        f"Budgets: notebook <= {NOTEBOOK_BUDGET_S:g} s (fresh kernel, start included), "
        f"widget p95 <= {WIDGET_P95_BUDGET_MS:g} ms per control change (kernel side), "
        f"kernel peak memory <= {MEMORY_BUDGET_MB:g} MB.",
        "",
        f"Environment: Python {platform.python_version()}, {platform.system()} "
        f"{platform.machine()}, {_cpu_count()} CPU(s).",
        "",
        f"Result: **{'FAIL' if failed else 'PASS'}** ({len(failed)} of {len(rows)} rows failed).",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
    ]
    lines += ["| " + " | ".join(c.replace("|", "/") for c in row) + " |" for row in table]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return csv_path


def _cpu_count() -> int:
    import os

    return os.cpu_count() or 1


def _expand(patterns: Sequence[str]) -> list[Path]:
    paths: set[Path] = set()
    for pattern in patterns:
        matches = glob.glob(pattern) or ([pattern] if Path(pattern).exists() else [])
        paths.update(Path(m) for m in matches if m.endswith(".ipynb"))
    return sorted(p for p in paths if ".ipynb_checkpoints" not in p.parts)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m utils.bench", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--notebooks",
        nargs="*",
        default=[str(REPO / "notebooks" / "*.ipynb")],
        help="notebook paths or glob patterns (default: notebooks/*.ipynb)",
    )
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "benchmark.md")
    parser.add_argument(
        "--changes", type=int, default=20, help="value changes per widget control (default 20)"
    )
    parser.add_argument("--timeout", type=int, default=600, help="seconds per notebook cell")
    parser.add_argument("--no-fail", action="store_true", help="always exit 0")
    parser.add_argument("--skip-notebooks", action="store_true")
    parser.add_argument("--skip-widgets", action="store_true")
    parser.add_argument("--browser", action="store_true", help="also time every control in Voila")
    parser.add_argument(
        "--time-make-test",
        action="store_true",
        help="also time the full `make test` from a warm .venv (adds several minutes)",
    )
    args = parser.parse_args(argv)
    if args.changes < 1:
        parser.error(f"--changes must be at least 1, got {args.changes}")

    rows: list[Row] = []
    rows += bench_baseline()
    if not args.skip_widgets:
        rows += bench_widgets(args.changes)
    if not args.skip_notebooks:
        notebooks = _expand(args.notebooks)
        if not notebooks:
            print(f"no notebooks match {args.notebooks}", file=sys.stderr)
        rows += bench_notebooks(notebooks, args.timeout)
    if args.browser:
        rows += bench_browser()
    if args.time_make_test:
        rows += bench_make_test()
    csv_path = write_report(rows, args.out)
    for row in rows:
        print(
            f"{row.status:5} {row.kind:8} {row.name:50} {row.metric:22} {_fmt(row.value):>9} "
            f"{row.unit}"
        )
    print(f"wrote {args.out} and {csv_path}")
    failed = [r for r in rows if r.status in ("fail", "error")]
    return 0 if (args.no_fail or not failed) else 1


if __name__ == "__main__":
    sys.exit(main())
