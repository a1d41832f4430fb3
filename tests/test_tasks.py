""" "Your turn" tasks: the four-cell shape, and every solution passes its own check.

For each lesson the notebook is run with every ``solution`` cell's code put in place of the
``your-turn`` starter before it; each check cell must then print feedback starting with
"Correct". The stored notebook (starters untouched) must print "Not answered" in each check.
"""

from __future__ import annotations

import importlib
import re

import nbformat
import pytest
from nbclient import NotebookClient
from notebooks_common import LESSONS, ROOT

from utils.exercises.key import FILES, checker_modules, markdown
from utils.exercises.tasks import LEVELS, tasks_in

MIN_TASKS = 3


def _tags(cell) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


def task_cells(nb) -> list[tuple[int, int, int]]:
    """``(starter, check, solution)`` cell indices of every task, in order."""
    found = []
    for i, cell in enumerate(nb.cells):
        if "your-turn" in _tags(cell):
            found.append((i, i + 1, i + 2))
    return found


def _lesson_id(path) -> str:
    return path.name[:2]


@pytest.mark.parametrize("path", LESSONS, ids=_lesson_id)
def test_tasks_have_the_four_cell_shape(path):
    nb = nbformat.read(path, as_version=4)
    tasks = task_cells(nb)
    assert len(tasks) >= MIN_TASKS, f"{path.name}: {len(tasks)} your-turn tasks, need {MIN_TASKS}"
    for starter, check, solution in tasks:
        assert nb.cells[starter - 1].cell_type == "markdown", (
            f"{path.name} cell {starter}: no task text"
        )
        assert "..." in nb.cells[starter].source, f"{path.name} cell {starter}: starter has no ..."
        assert nb.cells[check].cell_type == "code" and "check." in nb.cells[check].source
        assert "solution" in _tags(nb.cells[solution]), f"{path.name} cell {solution}: no solution"
        assert nb.cells[solution].cell_type == "code"
        stored = "".join(
            o.get("data", {}).get("text/plain", "") for o in nb.cells[check].get("outputs", [])
        )
        assert stored.startswith("Not answered"), f"{path.name} cell {check}: {stored[:80]!r}"


@pytest.mark.parametrize("path", LESSONS, ids=_lesson_id)
def test_each_lesson_has_checks_of_every_level(path):
    module = checker_modules().get(_lesson_id(path))
    assert module, f"no utils/exercises/l{_lesson_id(path)}.py"
    tasks = tasks_in(importlib.import_module(module))
    assert len(tasks) >= MIN_TASKS
    assert [t.level for t in tasks[:1]] == ["core"]
    assert {"stretch", "challenge"} <= {t.level for t in tasks} <= set(LEVELS)


@pytest.mark.parametrize("path", LESSONS, ids=_lesson_id)
def test_solutions_pass_their_checks(path):
    nb = nbformat.read(path, as_version=4)
    tasks = task_cells(nb)
    for starter, _check, solution in tasks:
        nb.cells[starter].source = nb.cells[solution].source
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={
        "metadata": {"path": str(ROOT / "notebooks")}}).execute()  # fmt: skip
    for _starter, check, _solution in tasks:
        printed = "".join(
            o.get("data", {}).get("text/plain", "") + o.get("text", "")
            for o in nb.cells[check].outputs
        )
        assert printed.startswith("Correct"), f"{path.name} cell {check}: {printed[:300]}"


@pytest.mark.parametrize("name", sorted(FILES))
def test_instructor_tables_are_generated_from_the_code(name):
    path = ROOT / "docs" / "instructors" / name
    assert path.read_text(encoding="utf-8") == FILES[name](), (
        f"docs/instructors/{name} is stale: run python -m utils.exercises.key"
    )


def test_answer_key_covers_every_lesson():
    assert len(re.findall(r"^\| \d\d \|", markdown(), flags=re.M)) >= MIN_TASKS * len(LESSONS)
