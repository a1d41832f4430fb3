""" "Your turn" tasks: the four-cell shape, checks of every level, and the instructor tables.

That each solution passes its own check (and the student edition runs) is tested in
``test_lessons_in_one_kernel.py``, which runs every lesson once.
"""

from __future__ import annotations

import ast
import importlib
import re

import nbformat
import pytest
from notebooks_common import LESSONS, NOTEBOOKS, ROOT, task_cells

from utils.exercises.key import FILES, checker_modules, markdown
from utils.exercises.tasks import LEVELS, tasks_in
from utils.notebook_tools import SOLUTION_TAG

MIN_TASKS = 3


def _tags(cell) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


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


def _names(source: str, ctx) -> set[str]:
    try:
        tree = ast.parse(source)
    except SyntaxError:  # IPython magics: not used in the lessons
        return set()
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ctx)}


def needs_a_solution(nb) -> list[tuple[int, set[str]]]:
    """(cell index, names) of each non-solution cell that loads a name only a solution stores.

    The student edition has no solution cells, so such a cell would fail there (task
    variables are fine: their starter cells store them as ``...``).
    """
    found, from_solutions, defined = [], set(), set()
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        if SOLUTION_TAG in _tags(cell):
            from_solutions |= _names(cell.source, ast.Store) - defined
            continue
        defined |= _names(cell.source, ast.Store)
        needed = _names(cell.source, ast.Load) & (from_solutions - defined)
        if needed:
            found.append((i, needed))
    return found


def test_a_cell_needing_a_solution_name_is_found():
    cells = [nbformat.v4.new_code_cell("share = ...", metadata={"tags": ["your-turn"]}),
             nbformat.v4.new_code_cell("share = 0.5\nhelper = 2", metadata={"tags": ["solution"]}),
             nbformat.v4.new_code_cell("print(share, helper)")]  # fmt: skip
    assert needs_a_solution(nbformat.v4.new_notebook(cells=cells)) == [(2, {"helper"})]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_lesson_id)
def test_no_cell_needs_a_name_only_a_solution_defines(path):
    """Keeps the shared kernel of ``test_lessons_in_one_kernel.py`` from hiding such a need."""
    assert needs_a_solution(nbformat.read(path, as_version=4)) == []


@pytest.mark.parametrize("name", sorted(FILES))
def test_instructor_tables_are_generated_from_the_code(name):
    path = ROOT / "docs" / "instructors" / name
    assert path.read_text(encoding="utf-8") == FILES[name](), (
        f"docs/instructors/{name} is stale: run python -m utils.exercises.key"
    )


def test_answer_key_covers_every_lesson():
    assert len(re.findall(r"^\| \d\d \|", markdown(), flags=re.M)) >= MIN_TASKS * len(LESSONS)
