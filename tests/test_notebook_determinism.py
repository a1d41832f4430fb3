"""Lessons print the same text whatever the hash seed, and survive being run out of order.

nbval already checks that every notebook's stored outputs match a fresh run (with the
Makefile's PYTHONHASHSEED=0), so that is not repeated here. Two other ways a lesson can go
wrong in class are:

* output that depends on ``set``/``dict`` order or ``hash()``: invisible with one fixed seed,
  different on a student's machine. ``test_text_outputs_do_not_depend_on_the_hash_seed`` runs
  one notebook under PYTHONHASHSEED=1 and =2 and compares every text output.
* hidden dependence on kernel state: a student re-runs a notebook, or runs lesson 05 in a
  kernel that already ran lesson 08. ``test_lessons_run_in_reverse_order_and_twice_in_one_kernel``
  runs lessons back to front in one kernel, then the first of them again, and requires no error.

By default the order test runs the highest-numbered notebook in notebooks/, then
00_start_here, then the first again, all in one kernel (about 20 s; the choice follows whatever
notebooks exist). Set ``ROBUSTNESS_ALL_NOTEBOOKS=1`` to run every notebook back to front
instead (about 60 s for all twelve notebooks on a busy two-core machine).
"""

from __future__ import annotations

import inspect
import os
from pathlib import Path

import nbformat
import pytest
from notebooks_common import NOTEBOOK_DIR, NOTEBOOKS

from utils import notebook_tools

TEXT_TYPES = ("text/plain", "text/html", "text/markdown")
PROBE_TAG = "robustness-probe"
HASH_PROBE = (
    "import os\n"
    "print('PYTHONHASHSEED=' + os.environ.get('PYTHONHASHSEED', 'unset'))\n"
    "print('hash=' + str(hash('russia-china dependence lab')))\n"
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not NOTEBOOKS, reason="no lesson notebooks yet"),
]


def _execute(nb: nbformat.NotebookNode, monkeypatch, hash_seed: str | None = None):
    """Run ``nb`` with :func:`utils.notebook_tools.run_notebook`, optionally with a hash seed.

    ``run_notebook`` fixes PYTHONHASHSEED=0 for reproducible stored outputs; the seed under test
    replaces it, through an ``env`` argument if ``run_notebook`` has one, otherwise through the
    module's kernel environment.
    """
    if hash_seed is not None:
        if "env" in inspect.signature(notebook_tools.run_notebook).parameters:
            env = {**os.environ, **notebook_tools.KERNEL_ENV, "PYTHONHASHSEED": hash_seed}
            return notebook_tools.run_notebook(nb, cwd=NOTEBOOK_DIR, env=env)
        monkeypatch.setitem(notebook_tools.KERNEL_ENV, "PYTHONHASHSEED", hash_seed)
    return notebook_tools.run_notebook(nb, cwd=NOTEBOOK_DIR)


def _read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def _code_only(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    fresh = nbformat.v4.new_notebook(metadata=nb.metadata)
    for cell in nb.cells:
        if cell.cell_type == "code":
            clean = nbformat.v4.new_code_cell(cell.source, metadata=dict(cell.metadata))
            fresh.cells.append(clean)
    return fresh


def text_outputs(nb: nbformat.NotebookNode) -> list[tuple[int, str, str]]:
    """Every text output as (cell index, kind, text); probe cells and images are left out."""
    found = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or PROBE_TAG in cell.metadata.get("tags", []):
            continue
        for output in cell.get("outputs", []):
            if output.output_type == "stream":
                found.append((index, f"stream:{output.name}", output.text))
            elif output.output_type in ("display_data", "execute_result"):
                for kind in TEXT_TYPES:
                    if kind in output.get("data", {}):
                        found.append((index, kind, output.data[kind]))
            elif output.output_type == "error":
                found.append((index, "error", f"{output.ename}: {output.evalue}"))
    return found


def _probe(nb: nbformat.NotebookNode) -> str:
    (cell,) = [c for c in nb.cells if PROBE_TAG in c.metadata.get("tags", [])]
    return "".join(o.text for o in cell.outputs if o.output_type == "stream")


def test_text_outputs_do_not_depend_on_the_hash_seed(monkeypatch):
    """00_start_here (always present, and it touches data, claims and two widgets) twice."""
    path = NOTEBOOK_DIR / "00_start_here.ipynb"
    runs = {}
    for seed in ("1", "2"):
        nb = _code_only(_read(path))
        nb.cells.append(nbformat.v4.new_code_cell(HASH_PROBE, metadata={"tags": [PROBE_TAG]}))
        runs[seed] = _execute(nb, monkeypatch, hash_seed=seed)
    probes = {seed: _probe(nb) for seed, nb in runs.items()}
    # The seeds really reached the kernels, and really change hash() there.
    assert probes["1"].startswith("PYTHONHASHSEED=1\n")
    assert probes["2"].startswith("PYTHONHASHSEED=2\n")
    assert probes["1"].splitlines()[1] != probes["2"].splitlines()[1]
    first, second = text_outputs(runs["1"]), text_outputs(runs["2"])
    assert len(first) >= 5  # the sentence, tables and captions 00 prints
    for a, b in zip(first, second, strict=True):
        assert a == b, f"cell {a[0]} ({a[1]}) differs between hash seeds 1 and 2"


def order_plan() -> list[Path]:
    """Notebooks to run back to back in one kernel: reverse order, then the first one again."""
    if os.environ.get("ROBUSTNESS_ALL_NOTEBOOKS") == "1":
        chosen = list(reversed(NOTEBOOKS))
    else:
        chosen = sorted({NOTEBOOKS[-1], NOTEBOOKS[0]}, reverse=True)
    return [*chosen, chosen[0]]


def test_lessons_run_in_reverse_order_and_twice_in_one_kernel(monkeypatch):
    plan = order_plan()
    combined = nbformat.v4.new_notebook(metadata=_read(plan[0]).metadata)
    for path in plan:
        combined.cells.append(
            nbformat.v4.new_code_cell(f"# --- {path.name}", metadata={"tags": [PROBE_TAG]})
        )
        combined.cells.extend(_code_only(_read(path)).cells)
    executed = _execute(combined, monkeypatch)  # raises CellExecutionError on any error
    errors = [
        f"{o.ename}: {o.evalue}"
        for c in executed.cells
        if "raises-exception" not in c.metadata.get("tags", [])
        for o in c.get("outputs", [])
        if o.output_type == "error"
    ]
    assert not errors
    assert len(executed.cells) > len(plan) and all(
        c.execution_count for c in executed.cells if c.source.strip()
    )
