"""Notebook housekeeping with nbconvert's preprocessors: execute, student edition, offline HTML.

``make outputs`` re-executes every lesson in place so the stored outputs are exactly what a fresh
kernel produces (nbval then checks that they still are); ``make student`` removes the
``solution`` cells; ``make html`` writes a static edition for readers without a kernel.

Everything here is a stock nbconvert preprocessor (execute, clear metadata, coalesce streams,
remove tagged cells, clear outputs) except :class:`StableOutputs`, the one step nbconvert has
no preprocessor for: it drops widget views (they point at a random model id and show "model not
found" without stored state; the widget's text summary stays), folds solution code (for
JupyterLab and the website) and gives every cell slide metadata for jupyterlab-rise.

Usage::

    python -m utils.notebook_tools execute notebooks/*.ipynb
    python -m utils.notebook_tools student notebooks/*.ipynb --out build/student
    python -m utils.notebook_tools html notebooks/*.ipynb --out build/html
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable
from pathlib import Path

import nbformat
from nbconvert.preprocessors import (
    ClearMetadataPreprocessor,
    ClearOutputPreprocessor,
    CoalesceStreamsPreprocessor,
    ExecutePreprocessor,
    Preprocessor,
    TagRemovePreprocessor,
)

SOLUTION_TAG = "solution"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
KERNEL_NAME = "python3"
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": KERNEL_NAME}
# Fixed so that nothing a lesson prints depends on the hash seed of the kernel process.
KERNEL_ENV = {"PYTHONHASHSEED": "0", "MPLBACKEND": "Agg"}
#: Cell metadata kept when cleaning: tags (solution, your-turn, nbval-ignore-output), slides,
#: and whether a solution is shown collapsed.
KEPT_CELL_METADATA = ["tags", "slideshow", "jupyter"]


class StableOutputs(Preprocessor):
    """Drop widget views, pin the kernelspec and add slide metadata (a new slide per section)."""

    def preprocess(self, nb, resources):
        nb.metadata.pop("widgets", None)
        nb.metadata["kernelspec"] = dict(KERNELSPEC)
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell, resources, index):
        for output in cell.get("outputs", []):
            output.get("data", {}).pop(WIDGET_VIEW, None)
        tags = cell.metadata.get("tags", [])
        if cell.cell_type == "code" and SOLUTION_TAG in tags:
            # Folded in JupyterLab (source_hidden) and on the course website (hide-input).
            cell.metadata.setdefault("jupyter", {})["source_hidden"] = True
            if "hide-input" not in tags:
                cell.metadata["tags"] = [*tags, "hide-input"]
        text = cell.source.lstrip()
        slide = "-"
        if cell.cell_type == "markdown" and text.startswith(("# ", "## ")):
            slide = "slide"
        elif cell.cell_type == "markdown" and text.startswith("### "):
            slide = "subslide"
        cell.metadata.setdefault("slideshow", {}).setdefault("slide_type", slide)
        return cell, resources


def clean_metadata(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    resources: dict = {}
    for step in (
        ClearMetadataPreprocessor(
            preserve_cell_metadata_mask=KEPT_CELL_METADATA,
            preserve_nb_metadata_mask={("language_info", "name"), ("kernelspec",)},
        ),
        CoalesceStreamsPreprocessor(),
        StableOutputs(),
    ):
        nb, resources = step.preprocess(nb, resources)
    return nb


def run_notebook(nb, cwd: Path, store_widget_state: bool = False, timeout: int = 600):
    """Execute ``nb`` top to bottom in a fresh ``python3`` kernel started in ``cwd``."""
    executor = ExecutePreprocessor(
        timeout=timeout,
        kernel_name=KERNEL_NAME,
        record_timing=False,
        store_widget_state=store_widget_state,
    )
    os.environ.update(KERNEL_ENV)  # the kernel inherits this process's environment
    executor.preprocess(nb, {"metadata": {"path": str(cwd)}})
    return nb


def execute(paths: Iterable[Path]) -> None:
    """Re-execute notebooks in place from a fresh kernel and store clean outputs."""
    for path in map(Path, paths):
        nb = nbformat.read(path, as_version=4)
        nbformat.write(clean_metadata(run_notebook(nb, cwd=path.parent)), path)
        print(f"executed {path}")


def strip_solutions(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The student edition of ``nb``: no ``solution`` cells, no outputs."""
    nb, _ = TagRemovePreprocessor(remove_cell_tags={SOLUTION_TAG}).preprocess(nb, {})
    nb, _ = ClearOutputPreprocessor().preprocess(nb, {})
    return clean_metadata(nb)


def student_edition(paths: Iterable[Path], out: Path) -> list[Path]:
    """Write solution-free copies of the lessons into ``out`` and return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for path in map(Path, paths):
        target = out / path.name
        nbformat.write(strip_solutions(nbformat.read(path, as_version=4)), target)
        written.append(target)
        print(f"wrote {target}")
    return written


def html_edition(paths: Iterable[Path], out: Path) -> list[Path]:
    """Execute each lesson with widget state kept and export it to standalone HTML."""
    from utils.offline_html import export_html

    out.mkdir(parents=True, exist_ok=True)
    written = []
    for path in map(Path, paths):
        nb = run_notebook(nbformat.read(path, as_version=4), path.parent, store_widget_state=True)
        target = out / (path.stem + ".html")
        export_html(nb, target)
        written.append(target)
        print(f"wrote {target}")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["execute", "student", "html"])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    missing = [str(p) for p in args.notebooks if not p.is_file()]
    if missing:
        parser.error(f"no such notebook(s): {missing}")
    if args.command == "execute":
        execute(args.notebooks)
    elif args.command == "student":
        student_edition(args.notebooks, args.out or Path("build/student"))
    else:
        html_edition(args.notebooks, args.out or Path("build/html"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
