"""The student edition has no solutions left (tests/test_tasks.py runs it top to bottom)."""

from __future__ import annotations

import json

import nbformat
import pytest
from notebooks_common import NOTEBOOKS

from utils.notebook_tools import SOLUTION_TAG, strip_solutions, student_edition


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
def test_student_edition_file_has_no_solutions(path, tmp_path):
    """``make student`` writes the edition; tests/test_tasks.py runs it top to bottom."""
    (written,) = student_edition([path], tmp_path)
    nb = nbformat.read(written, as_version=4)
    original = json.loads(path.read_text(encoding="utf-8"))
    n_solutions = sum(SOLUTION_TAG in c["metadata"].get("tags", []) for c in original["cells"])
    assert len(nb.cells) == len(original["cells"]) - n_solutions
    for cell in nb.cells:
        assert SOLUTION_TAG not in cell.metadata.get("tags", [])
        assert "<summary>Solution" not in cell.source, "an untagged solution slipped through"
        assert not getattr(cell, "outputs", []), "the student edition starts without outputs"


def test_stored_outputs_are_stable_and_readable_without_a_kernel():
    from utils.notebook_tools import WIDGET_VIEW, clean_metadata

    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("view", execution_count=1)
    cell.outputs = [
        nbformat.v4.new_output("stream", name="stdout", text="2019  1.0\n"),
        nbformat.v4.new_output("stream", name="stdout", text="2020  2.0\n"),
        nbformat.v4.new_output(
            "display_data", data={WIDGET_VIEW: {"model_id": "abc"}, "text/plain": "A widget"}
        ),
    ]
    nb.cells = [cell]
    out = clean_metadata(nb).cells[0].outputs
    assert [o.output_type for o in out] == ["stream", "display_data"]
    assert out[0].text == "2019  1.0\n2020  2.0\n"
    assert dict(out[1].data) == {"text/plain": "A widget"}


def test_committed_notebooks_hold_no_random_widget_ids():
    for path in NOTEBOOKS:
        assert "widget-view+json" not in path.read_text(encoding="utf-8"), path.name


def test_command_line_writes_the_student_edition_and_refuses_missing_files(tmp_path, capsys):
    from utils import notebook_tools

    assert notebook_tools.main(["student", str(NOTEBOOKS[1]), "--out", str(tmp_path)]) == 0
    assert (tmp_path / NOTEBOOKS[1].name).exists() and "wrote" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        notebook_tools.main(["student", str(tmp_path / "missing.ipynb")])
