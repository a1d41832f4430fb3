"""Every lesson's student edition, run back to front in one kernel under another hash seed.

One kernel run does the work of three checks (it replaces fifteen separate notebook runs):

* **Student edition.** With the solutions removed each lesson runs top to bottom and each
  check says "Not answered"; with a task's solution inserted after its check, the check run
  again says "Correct".
* **No hidden kernel state.** The lessons run from the last to the first in one kernel, then
  the last again, as for a student who skips around or re-runs a lesson.
* **No dependence on set or dict order.** The kernel runs with ``PYTHONHASHSEED=1`` (nbval
  stores and checks outputs under 0), and every text output of a lesson's own cells must
  equal the stored one.

The lessons share one kernel so the ~1.5 s of starting it and importing pandas and
matplotlib is paid once, not per lesson. The static test in ``test_tasks.py`` makes sure no
cell needs a name that only a solution defines, which a shared kernel could otherwise hide.
"""

from __future__ import annotations

import configparser
import os
import re
from pathlib import Path

import nbformat
import pytest
from notebooks_common import NOTEBOOK_DIR, NOTEBOOKS, task_cells

from utils import notebook_tools

SEED = "1"
MARK = "# --- lesson "  # first line of the cell that starts each lesson in the combined run
EXTRA = "inserted-solution"  # tag of the cells the test adds (a solution and its check again)
SANITIZE = configparser.ConfigParser()
SANITIZE.read(Path(__file__).with_name("nbval_sanitize.cfg"))  # the rules nbval uses

pytestmark = pytest.mark.xdist_group("one_kernel")  # the run is shared: one worker does it


def student_edition_with_answers(path) -> list:
    """The student edition of ``path``, each check followed by its solution and the check."""
    instructor = nbformat.read(path, as_version=4)
    answers = {  # check source -> solution source
        instructor.cells[check].source: instructor.cells[solution].source
        for _starter, check, solution in task_cells(instructor)
    }
    cells = []
    for cell in notebook_tools.strip_solutions(instructor).cells:
        if cell.cell_type != "code":
            continue
        cells.append(cell)
        if cell.source in answers:
            for source in (answers[cell.source], cell.source):
                cells.append(nbformat.v4.new_code_cell(source, metadata={"tags": [EXTRA]}))
    return cells


@pytest.fixture(scope="module")
def runs() -> dict[str, list[list]]:
    """Lesson stem -> the executed code cells of each run of it (the last lesson runs twice)."""
    plan = [*reversed(NOTEBOOKS), NOTEBOOKS[-1]]
    combined = nbformat.v4.new_notebook()
    for path in plan:
        probe = f"{MARK}{path.stem}\nimport os\nprint(os.environ['PYTHONHASHSEED'])"
        combined.cells.append(nbformat.v4.new_code_cell(probe))
        combined.cells.extend(student_edition_with_answers(path))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PYTHONHASHSEED", SEED)
        patch.setitem(notebook_tools.KERNEL_ENV, "PYTHONHASHSEED", SEED)
        notebook_tools.run_notebook(combined, cwd=NOTEBOOK_DIR)  # raises on any error
    found: dict[str, list[list]] = {}
    for cell in combined.cells:
        if cell.source.startswith(MARK):
            assert _printed(cell) == SEED + "\n", "the hash seed did not reach the kernel"
            current: list = []
            found.setdefault(cell.source.splitlines()[0][len(MARK) :], []).append(current)
        else:
            current.append(cell)
    return found


def _printed(cell) -> str:
    return "".join(o.get("text", "") + o.get("data", {}).get("text/plain", "")
                   for o in cell.get("outputs", []))  # fmt: skip


def _sanitized(text: str) -> str:
    for section in SANITIZE.sections():
        text = re.sub(SANITIZE[section]["regex"], SANITIZE[section]["replace"], text)
    return text


def _compared(cells) -> list[tuple[str, str]]:
    """(source, printed text) of every cell whose text nbval compares."""
    return [
        (c.source, _sanitized(_printed(c)))
        for c in cells
        if not {"nbval-ignore-output", EXTRA} & set(c.metadata.get("tags", []))
    ]


def test_the_shared_run_stays_on_one_worker(request):
    """Under ``--dist loadgroup`` this module is one group, so the run above happens once.

    pytest 9.2 with pytest-xdist 3.8 drops the group silently (pytest-xdist#1386) and every
    worker would repeat the run: pyproject.toml keeps pytest below 9.2 until that is fixed.
    """
    if request.config.getoption("loadgroup", default=False):
        assert request.node.nodeid.endswith("@one_kernel"), request.node.nodeid


def test_every_lesson_ran_and_the_last_ran_twice(runs):
    assert list(runs) == [p.stem for p in reversed(NOTEBOOKS)]
    assert [len(r) for r in runs.values()] == [2] + [1] * (len(NOTEBOOKS) - 1)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name[:2])
def test_student_checks_say_not_answered_then_correct(runs, path):
    cells = runs[path.stem][0]
    checks = [i for i, c in enumerate(cells) if c.source.lstrip().startswith("check.")]
    answered = [i for i in checks if EXTRA in cells[i].metadata.get("tags", [])]
    assert len(answered) * 2 == len(checks)
    for i in answered:
        assert _printed(cells[i - 2]).startswith("Not answered"), cells[i - 2].source
        assert _printed(cells[i]).startswith("Correct"), f"{path.name}: {_printed(cells[i])}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name[:2])
def test_text_is_what_is_stored_whatever_ran_before_and_the_hash_seed(runs, path):
    stored = [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
    stored = [c for c in stored if "solution" not in c.metadata.get("tags", [])]
    expected = _compared(stored)
    assert len(expected) >= 5
    for run in runs[path.stem]:
        for (source, want), (_, got) in zip(expected, _compared(run), strict=True):
            assert got == want, f"{path.name}, cell starting {source[:60]!r}"


def test_the_kernel_environment_is_restored(runs):
    assert notebook_tools.KERNEL_ENV["PYTHONHASHSEED"] == "0"
    assert os.environ.get("PYTHONHASHSEED") != SEED
