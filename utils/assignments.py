"""Graded assignments in Otter-Grader's format, generated from the lessons themselves.

``make assignments`` writes, for every lesson, an Otter "master" notebook in which each "your
turn" task is an autograded question (its tests call the lesson's own check), then runs
``otter assign`` to produce the student release and the autograder; plus the graded scenario
assignment of the instructor guide (lesson 07: share string and results autograded, the
written parts marked by hand). Grade a submission locally with
``otter run -a build/assignments/l04/autograder/*.zip submission.ipynb -o results/``.

Why Otter-Grader rather than nbgrader: Otter needs no database, no JupyterLab extension and no
course directory layout; ``otter assign`` and ``otter run`` work from plain notebooks in this
environment, and the same release runs on Gradescope or a JupyterHub without changes.
Why generated: the tasks, solutions and checks already exist, tested, in the lessons; a hand
copy would drift from them.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_raw_cell

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "build" / "assignments"
POINTS = {"core": 1, "stretch": 2, "challenge": 3}
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def _tags(cell) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


def _check_call(source: str) -> tuple[str, str, list[str]]:
    """``(module alias, task name, variable names)`` of a check cell ``check.task(a=a)``."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if isinstance(node.func.value, ast.Name) and node.keywords:
                return node.func.value.id, node.func.attr, [k.arg for k in node.keywords]
    raise ValueError(f"not a check cell: {source!r}")


def _question(lesson: str, task_md, starter, check, solution, level: str) -> list:
    _alias, task, names = _check_call(check.source)
    args = ", ".join(names)
    kwargs = ", ".join(f"{n}={n}" for n in names)
    test = (
        f"def test_{task}({args}):\n"
        f"    from utils.exercises import l{lesson} as check\n"
        f"    feedback = check.{task}({kwargs})\n"
        f"    assert feedback.correct, str(feedback)\n\n"
        f"test_{task}({args})"
    )
    answer = (
        f'""" # BEGIN PROMPT\n{starter.source}\n"""; # END PROMPT\n'
        f"# BEGIN SOLUTION NO PROMPT\n{solution.source}\n# END SOLUTION"
    )
    return [
        new_raw_cell(f"# BEGIN QUESTION\nname: {task}\npoints: {POINTS[level]}"),
        new_markdown_cell(task_md.source),
        new_raw_cell("# BEGIN SOLUTION"),
        new_code_cell(answer),
        new_raw_cell("# END SOLUTION"),
        new_raw_cell("# BEGIN TESTS"),
        new_code_cell(test),
        new_raw_cell("# END TESTS"),
        new_raw_cell("# END QUESTION"),
    ]


def _config(name: str) -> str:
    return (
        f"# ASSIGNMENT CONFIG\nname: {name}\ninit_cell: false\ncheck_all_cell: false\n"
        "export_cell: false\nrun_tests: false\nsolutions_pdf: false\ngenerate: true\n"
        "tests:\n  files: false\n  ok_format: false\n"
    )


def lesson_master(path: Path) -> nbformat.NotebookNode:
    """An Otter master notebook: the lesson, with each task as an autograded question.

    Widget cells and the solutions of ungraded exercises are left out; the lesson's other
    cells stay, because a task may use a table loaded earlier in the lesson.
    """
    from utils.exercises.key import checker_modules
    from utils.exercises.tasks import tasks_in

    lesson = path.name[:2]
    module = __import__(checker_modules()[lesson], fromlist=["_"])
    levels = {t.name: t.level for t in tasks_in(module)}
    nb = nbformat.read(path, as_version=4)
    cells, i = [new_raw_cell(_config(f"lesson{lesson}"))], 0
    while i < len(nb.cells):
        cell = nb.cells[i]
        if "your-turn" in _tags(cell) and cells and cells[-1].cell_type == "markdown":
            task_md = cells.pop()
            check, solution = nb.cells[i + 1], nb.cells[i + 2]
            task = _check_call(check.source)[1]
            cells += _question(lesson, task_md, cell, check, solution, levels[task])
            i += 3
            continue
        widget = "nbval-ignore-output" in _tags(cell)
        if not widget and "solution" not in _tags(cell):
            cell = nbformat.from_dict({k: v for k, v in cell.items() if k not in ("outputs",)})
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
            cells.append(cell)
        i += 1
    master = nbformat.v4.new_notebook(cells=cells)
    master.metadata["kernelspec"] = dict(KERNELSPEC)
    return master


def scenario_master() -> nbformat.NotebookNode:
    """The graded scenario assignment of the instructor guide (lesson 07)."""
    template = ROOT / "docs" / "instructors" / "graded_scenario.ipynb"
    master = nbformat.read(template, as_version=4)
    master.metadata["kernelspec"] = dict(KERNELSPEC)
    return master


def assign(master: nbformat.NotebookNode, name: str, out: Path = OUT) -> Path:
    """Run ``otter assign`` on ``master``; return the folder with student/ and autograder/."""
    target = out / name
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    source = target / "master" / f"{name}.ipynb"
    source.parent.mkdir()
    nbformat.write(master, source)
    otter = Path(sys.executable).parent / "otter"
    command = [str(otter), "assign", str(source), str(target)]
    subprocess.run(command, cwd=ROOT / "notebooks", check=True, capture_output=True)
    return target


def grade(autograder_zip: Path, submission: Path, out: Path) -> dict[str, float]:
    """Grade one submission with ``otter run``; return ``{question: score}``."""
    import json

    out.mkdir(parents=True, exist_ok=True)
    otter = Path(sys.executable).parent / "otter"
    command = [str(otter), "run", "-a", str(autograder_zip), "-o", str(out), str(submission)]
    subprocess.run(command, check=True, capture_output=True, cwd=submission.parent)
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    return {t["name"]: t["score"] for t in results["tests"] if "score" in t}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lessons", nargs="*", help="lesson numbers (default: all)")
    args = parser.parse_args(argv)
    notebooks = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    from utils.exercises.key import checker_modules

    for path in notebooks:
        lesson = path.name[:2]
        if lesson in checker_modules() and (not args.lessons or lesson in args.lessons):
            print("wrote", assign(lesson_master(path), f"l{lesson}"))
    if not args.lessons:
        print("wrote", assign(scenario_master(), "graded_scenario"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
