"""One module per lesson: ``lNN_<topic>.py`` holds lesson NN's tables, charts and widgets.

Why per lesson: a teacher who wants to change lesson 04's chart opens ``l04_pipelines.py``
and finds everything that lesson draws, in plain matplotlib. What several lessons share lives
elsewhere: chart types in :mod:`utils.charts`, colours and the figure factory in
:mod:`utils.style`, widget wiring in :mod:`utils.live`, and the models (``bargaining``,
``scenarios``, ``triangle``, ...) as pure functions in ``utils``. Lists of lessons are derived
from these file names (see :func:`lesson_modules`), never typed by hand.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"


def lesson_modules() -> dict[str, str]:
    """``{lesson number: module name}`` for every ``utils/lessons/lNN_*.py`` file."""
    found = {}
    for info in pkgutil.iter_modules(__path__):
        match = re.fullmatch(r"l(\d\d)_\w+", info.name)
        if match:
            found[match.group(1)] = f"utils.lessons.{info.name}"
    return dict(sorted(found.items()))


def load(number: str):
    """Import lesson ``number``'s module (e.g. ``load("04")``)."""
    return importlib.import_module(lesson_modules()[number])


def notebook(number: str) -> Path:
    """The notebook of lesson ``number`` (``notebooks/NN_*.ipynb``)."""
    (path,) = sorted(NOTEBOOKS.glob(f"{number}_*.ipynb"))
    return path
