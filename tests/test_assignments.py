"""Graded assignments in Otter-Grader: the release hides solutions, and the autograder gives
a correct submission full marks and an unanswered one none."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from notebooks_common import LESSONS

from utils import assignments

AUTOGRADED_POINTS = 25  # share string (10) + results (15); the written 75 are marked by hand


@pytest.fixture(scope="module")
def scenario(tmp_path_factory):
    return assignments.assign(assignments.scenario_master(), "graded_scenario",
                              out=tmp_path_factory.mktemp("assignments"))  # fmt: skip


def _score(folder: Path, submission: Path, out: Path) -> float:
    (autograder,) = (folder / "autograder").glob("*.zip")
    scores = assignments.grade(autograder, submission, out)
    return sum(v for v in scores.values() if v == v)  # skip NaN rows


def test_release_hides_the_solutions(scenario):
    student = nbformat.read(scenario / "student" / "graded_scenario.ipynb", as_version=4)
    code = "\n".join(c.source for c in student.cells if c.cell_type == "code")
    assert "share_string = ..." in code and "crossing_year = ..." in code
    assert "dataclasses.replace" not in code, "a solution leaked into the student release"
    text = "\n".join(c.source for c in student.cells)
    assert "A good answer covers" not in text


def test_autograder_scores_a_correct_and_a_wrong_submission(scenario, tmp_path):
    correct = scenario / "autograder" / "graded_scenario.ipynb"  # solutions filled in
    assert _score(scenario, correct, tmp_path / "right") == AUTOGRADED_POINTS
    unanswered = scenario / "student" / "graded_scenario.ipynb"
    assert _score(scenario, unanswered, tmp_path / "wrong") == 0
    # A valid string with the results of another scenario: the string scores, results do not.
    nb = nbformat.read(correct, as_version=4)
    for cell in nb.cells:
        if "china_share_2036 = round" in cell.source:
            cell.source += "\nchina_share_2036 += 5"
    mixed = tmp_path / "mixed.ipynb"
    nbformat.write(nb, mixed)
    assert _score(scenario, mixed, tmp_path / "mixed") == 10


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name[:2])
def test_each_lesson_master_turns_every_task_into_a_graded_question(path):
    master = assignments.lesson_master(path)
    raw = [c.source for c in master.cells if c.cell_type == "raw"]
    questions = [s for s in raw if s.startswith("# BEGIN QUESTION")]
    tasks = [c for c in nbformat.read(path, as_version=4).cells
             if "your-turn" in c.metadata.get("tags", [])]  # fmt: skip
    assert len(questions) == len(tasks) >= 3
    assert raw.count("# BEGIN TESTS") == len(tasks) and raw[0].startswith("# ASSIGNMENT CONFIG")
    points = [int(q.rsplit("points: ", 1)[1]) for q in questions]
    assert set(points) <= set(assignments.POINTS.values())
    leftover = [c for c in master.cells if "solution" in c.metadata.get("tags", [])]
    assert not leftover, "ungraded solutions must not reach the release"
    assert json.dumps(master).count("nbval-ignore-output") == 0, "widgets are left out"
