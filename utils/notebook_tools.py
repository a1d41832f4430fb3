"""Notebook housekeeping: fresh execution, student editions and offline HTML.

``make outputs`` calls :func:`execute` so the outputs stored in every lesson are exactly what a
fresh kernel produces (nbval then checks that they still are). ``make student`` strips the
solution cells; ``make html`` writes a static edition for readers without a kernel.

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

SOLUTION_TAG = "solution"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
KERNEL_NAME = "python3"
# Fixed so that nothing a lesson prints depends on the hash seed of the kernel process.
KERNEL_ENV = {"PYTHONHASHSEED": "0", "MPLBACKEND": "Agg"}


def _kernel_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(KERNEL_ENV)
    return env


def clean_metadata(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop widget state and per-cell timing, which change on every run and bloat the repo."""
    nb.metadata.pop("widgets", None)
    nb.metadata["kernelspec"] = {
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "name": KERNEL_NAME,
    }
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("ExecuteTime", None)
        cell.metadata.setdefault("slideshow", {}).setdefault("slide_type", _slide_type(cell))
        if cell.cell_type == "code":
            cell.outputs = _stable_outputs(cell.outputs)
    return nb


def _stable_outputs(outputs: list) -> list:
    """Outputs that are the same on every run and readable without a kernel.

    * A widget view refers to a model by a random id, and without stored widget state a reader
      would only see "model not found"; we keep its plain-text summary instead (nbval skips the
      widget mime type anyway, and Voila and ``make html`` re-execute the notebook).
    * Consecutive writes to stdout are split into chunks by timing; merging them keeps the
      stored notebook identical from run to run.
    """
    stable: list = []
    for out in outputs:
        data = out.get("data", {})
        data.pop(WIDGET_VIEW, None)
        previous = stable[-1] if stable else None
        if (
            out.output_type == "stream"
            and previous is not None
            and previous.output_type == "stream"
            and previous.name == out.name
        ):
            previous.text += out.text
            continue
        stable.append(out)
    return stable


def _slide_type(cell: nbformat.NotebookNode) -> str:
    """A new slide at every title or section heading; everything else follows on the same slide.

    This gives jupyterlab-rise a usable deck without hand-editing every cell.
    """
    if cell.cell_type == "markdown" and cell.source.lstrip().startswith(("# ", "## ")):
        return "slide"
    if cell.cell_type == "markdown" and cell.source.lstrip().startswith("### "):
        return "subslide"
    return "-"


def run_notebook(
    nb: nbformat.NotebookNode, cwd: Path, store_widget_state: bool = False, timeout: int = 600
) -> nbformat.NotebookNode:
    """Execute ``nb`` top to bottom in a fresh ``python3`` kernel started in ``cwd``."""
    from nbclient import NotebookClient

    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name=KERNEL_NAME,
        resources={"metadata": {"path": str(cwd)}},
        record_timing=False,
        store_widget_state=store_widget_state,
        allow_errors=False,
    )
    client.execute(env=_kernel_env())
    return nb


def execute(paths: Iterable[Path]) -> None:
    """Re-execute notebooks in place from a fresh kernel and store clean outputs."""
    for path in paths:
        path = Path(path)
        nb = nbformat.read(path, as_version=4)
        run_notebook(nb, cwd=path.parent)
        clean_metadata(nb)
        nbformat.write(nb, path)
        print(f"executed {path}")


def strip_solutions(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Remove every cell tagged ``solution`` and clear outputs, for the student edition."""
    nb.cells = [c for c in nb.cells if SOLUTION_TAG not in c.metadata.get("tags", [])]
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return clean_metadata(nb)


def student_edition(paths: Iterable[Path], out: Path) -> list[Path]:
    """Write solution-free copies of the lessons into ``out`` and return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for path in paths:
        path = Path(path)
        nb = strip_solutions(nbformat.read(path, as_version=4))
        target = out / path.name
        nbformat.write(nb, target)
        written.append(target)
        print(f"wrote {target}")
    return written


def html_edition(paths: Iterable[Path], out: Path) -> list[Path]:
    """Execute each lesson with widget state kept and export it to standalone HTML."""
    from utils.offline_html import export_html

    out.mkdir(parents=True, exist_ok=True)
    written = []
    for path in paths:
        path = Path(path)
        nb = nbformat.read(path, as_version=4)
        run_notebook(nb, cwd=path.parent, store_widget_state=True)
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
