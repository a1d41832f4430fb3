""" "Your turn" tasks: the four-cell shape, and every solution passes its own check.

For each lesson the notebook is run with every ``solution`` cell's code put in place of the
``your-turn`` starter before it; each check cell must then print feedback starting with
"Correct". The stored notebook (starters untouched) must print "Not answered" in each check.
"""

from __future__ import annotations

import ast
import importlib
import re

import nbformat
import pytest
from notebooks_common import LESSONS, NOTEBOOKS, ROOT

from utils import notebook_tools
from utils.assignments import _check_call
from utils.exercises.key import FILES, checker_modules, markdown
from utils.exercises.tasks import LEVELS, tasks_in
from utils.notebook_tools import SOLUTION_TAG

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


def _printed(cell) -> str:
    texts = (o.get("data", {}).get("text/plain", "") + o.get("text", "") for o in cell.outputs)
    return "".join(texts)


def _names(source: str, ctx) -> set[str]:
    try:
        tree = ast.parse(source)
    except SyntaxError:  # IPython magics: not used in the lessons
        return set()
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ctx)}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_lesson_id)
def test_student_edition_runs_and_every_solution_passes_its_check(path):
    """One run per lesson does two jobs. The student edition (solutions removed, starters
    untouched) runs top to bottom and each check says "Not answered"; after each check we
    insert that task's solution and the check again, which must then say "Correct"."""
    nb = nbformat.read(path, as_version=4)
    tasks = task_cells(nb)
    task_vars = set()
    for _starter, check, _solution in tasks:
        task_vars |= set(_check_call(nb.cells[check].source)[2])
    # A later cell must not need a task's variables: the student edition has only `...` there.
    solutions = {solution for *_, solution in tasks}
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and i not in solutions and "your-turn" not in _tags(cell):
            used = _names(cell.source, ast.Load) & task_vars
            if not cell.source.lstrip().startswith("check."):
                assert not used, f"{path.name} cell {i} uses task variable(s) {used}"
    edition = notebook_tools.strip_solutions(nbformat.read(path, as_version=4))
    assert not any(SOLUTION_TAG in c.metadata.get("tags", []) for c in edition.cells)
    checks = [i for i, c in enumerate(edition.cells) if c.source.lstrip().startswith("check.")]
    assert len(checks) == len(tasks), f"{path.name}: {len(checks)} check cells, {len(tasks)} tasks"
    for (_starter, check, solution), at in reversed(list(zip(tasks, checks, strict=True))):
        extra = [nbformat.v4.new_code_cell(nb.cells[solution].source),
                 nbformat.v4.new_code_cell(nb.cells[check].source)]  # fmt: skip
        edition.cells[at + 1 : at + 1] = extra
    notebook_tools.run_notebook(edition, cwd=path.parent)  # raises on any error
    checks = [i for i, c in enumerate(edition.cells) if c.source.lstrip().startswith("check.")]
    for first, second in zip(checks[::2], checks[1::2], strict=True):
        assert _printed(edition.cells[first]).startswith("Not answered"), first
        assert _printed(edition.cells[second]).startswith("Correct"), (
            f"{path.name} cell {second}: {_printed(edition.cells[second])[:300]}"
        )


@pytest.mark.parametrize("name", sorted(FILES))
def test_instructor_tables_are_generated_from_the_code(name):
    path = ROOT / "docs" / "instructors" / name
    assert path.read_text(encoding="utf-8") == FILES[name](), (
        f"docs/instructors/{name} is stale: run python -m utils.exercises.key"
    )


def test_answer_key_covers_every_lesson():
    assert len(re.findall(r"^\| \d\d \|", markdown(), flags=re.M)) >= MIN_TASKS * len(LESSONS)
