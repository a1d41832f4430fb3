"""The student edition has no solutions left and still runs top to bottom."""

from __future__ import annotations

import json

import nbformat
import pytest
from notebooks_common import NOTEBOOKS

from utils.notebook_tools import SOLUTION_TAG, run_notebook, strip_solutions, student_edition


def test_strip_solutions_removes_tagged_cells_and_outputs():
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Lesson"),
        nbformat.v4.new_code_cell("x = ...", execution_count=1),
        nbformat.v4.new_markdown_cell("<details>answer</details>", metadata={"tags": ["solution"]}),
        nbformat.v4.new_code_cell("x = 42", metadata={"tags": ["solution", "other"]}),
    ]
    nb.cells[1].outputs = [nbformat.v4.new_output("stream", text="hi")]
    out = strip_solutions(nb)
    assert [c.source for c in out.cells] == ["# Lesson", "x = ..."]
    assert out.cells[1].outputs == [] and out.cells[1].execution_count is None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_student_edition_has_no_solutions_and_runs(path, tmp_path):
    (written,) = student_edition([path], tmp_path)
    nb = nbformat.read(written, as_version=4)
    original = json.loads(path.read_text(encoding="utf-8"))
    n_solutions = sum(SOLUTION_TAG in c["metadata"].get("tags", []) for c in original["cells"])
    assert len(nb.cells) == len(original["cells"]) - n_solutions
    for cell in nb.cells:
        assert SOLUTION_TAG not in cell.metadata.get("tags", [])
        assert "<summary>Solution" not in cell.source, "an untagged solution slipped through"
    run_notebook(nb, cwd=path.parent)  # raises CellExecutionError if a cell needed a solution
