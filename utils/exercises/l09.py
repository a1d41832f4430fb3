"""Checks for lesson 09's "your turn" tasks: the strategic triangle in a few lines of code.

Every expected value is computed by the tested model, :func:`utils.triangle.classify`, from the
presets in :data:`utils.triangle.PRESETS` (teaching judgements that cite their facts).
"""

from __future__ import annotations

import numpy as np

from utils import triangle
from utils.exercises.tasks import task

#: The three lines, named as in ``triangle.classify(...).lines``.
LINE_NAMES = tuple(f"{a}-{b}" for a, b in triangle.LINES)


def _scores(preset: str) -> dict[str, float]:
    p = triangle.PRESETS[preset]
    return dict(zip(LINE_NAMES, (p.us_russia, p.us_china, p.russia_china), strict=True))


@task(
    level="core",
    asks="Friendly lines in the 2020 preset and its pattern, with an if/elif on that count",
    tolerance={"friendly": 0},
    hints={
        "friendly": "Count the scores strictly above the band: sum(s > band for s in scores).",
        "kind_2020": "3 friendly lines: ménage à trois; 2: romantic triangle; 1: stable "
        "marriage; 0: unit veto.",
    },
)
def kind_2020():
    band = triangle.DEFAULT_NEUTRAL_BAND
    friendly = sum(score > band for score in _scores("2020").values())
    return {"friendly": friendly, "kind_2020": triangle.PRESETS["2020"].classify().kind}


def _first_band_that_changes(preset: str) -> tuple[float, str]:
    p = triangle.PRESETS[preset]
    start = p.classify(0.0).kind
    for band in np.round(np.arange(0.0, 1.0, 0.01), 2):
        kind = p.classify(float(band)).kind
        if kind != start:
            return float(band), kind
    raise ValueError(f"no band below 1 changes the pattern of {preset}")


@task(
    level="stretch",
    asks="Smallest neutral band (to 0.01) that changes the 2014 pattern, and the new pattern",
    tolerance={"band_2014": 0.005},
    hints={
        "band_2014": "Loop over np.arange(0, 1, 0.01) and stop at the first band whose "
        "pattern differs from the one at band 0. A score on the band's edge counts as lukewarm.",
        "kind_at_band": "Print triangle.PRESETS['2014'].classify(band).kind at the band you found.",
    },
)
def band_2014():
    band, kind = _first_band_that_changes("2014")
    return {"band_2014": band, "kind_at_band": kind}


def _flip_that_makes_pivot(actor: str, preset: str = "2020") -> str:
    """The one line whose sign, reversed alone, makes ``actor`` the pivot; "none" if none."""
    found = []
    for name in LINE_NAMES:
        scores = _scores(preset)
        scores[name] = -scores[name]
        if triangle.classify(*scores.values()).roles[actor] == "pivot":
            found.append(name)
    return found[0] if len(found) == 1 else "none"


@task(
    level="challenge",
    asks="From the 2020 preset, the single line whose sign change makes Russia the pivot, "
    "and the one that would make the USA the pivot ('none' if no single line does)",
    hints={
        "flip_for_russia": "Try each line in turn: copy the scores, reverse the sign of one, "
        "classify, and read .roles['Russia'].",
        "flip_for_usa": "The USA is the pivot only if both US lines are friendly and "
        "Russia-China is not. How many signs is that from 2020?",
    },
)
def flip_2020():
    return {
        "flip_for_russia": _flip_that_makes_pivot("Russia"),
        "flip_for_usa": _flip_that_makes_pivot("USA"),
    }
