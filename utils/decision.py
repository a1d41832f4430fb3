"""Weighted multi-criteria scoring: make the trade-offs of a policy debate explicit.

Choosing a strategy means weighing criteria that pull in different directions. A weighted sum
is the simplest honest way to do it: every option gets a 0-10 score on every criterion, the
weights say what matters most, and the total ranks the options. Its value in class is less the
ranking than the argument it forces: *which* weight would have to change, and by how much, for
another option to come out on top? :func:`weight_sensitivity` answers exactly that.

All criteria must be phrased so that a higher score is better (e.g. "keeps allies united"
rather than "cost to allies' unity").
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

SCORE_RANGE = (0.0, 10.0)


def _check_options(options: object) -> pd.DataFrame:
    if not isinstance(options, pd.DataFrame):
        raise TypeError(f"options must be a pandas DataFrame, got {type(options).__name__}")
    if options.empty:
        raise ValueError("options is empty: it needs at least one option (row) and criterion")
    for axis, labels in (("option", options.index), ("criterion", options.columns)):
        if labels.has_duplicates:
            raise ValueError(f"options has duplicate {axis} names: {labels[labels.duplicated()]}")
    values = options.apply(pd.to_numeric, errors="coerce").astype(float)
    bad = values.isna() & ~options.isna()
    if bad.any().any():
        raise TypeError("options must contain numbers only; found non-numeric cells")
    if values.isna().any().any():
        raise ValueError("options contains missing scores (NaN); every cell needs a score")
    low, high = SCORE_RANGE
    outside = (values < low) | (values > high)
    if outside.any().any():
        row, column = next(zip(*np.nonzero(outside.to_numpy()), strict=True))
        raise ValueError(
            f"score {float(values.iat[row, column])!r} for option {options.index[row]!r}, "
            f"criterion {options.columns[column]!r} is outside the allowed range "
            f"[{low:g}, {high:g}]"
        )
    return values


def normalise_weights(weights: object, criteria: list[str]) -> pd.Series:
    """Check ``weights`` against ``criteria`` and rescale them to sum to 1."""
    if not isinstance(weights, Mapping):
        raise TypeError(
            f"weights must be a mapping criterion -> weight, got {type(weights).__name__}"
        )
    missing = [c for c in criteria if c not in weights]
    unknown = [w for w in weights if w not in criteria]
    if missing or unknown:
        raise ValueError(
            f"weights must name exactly the criteria {criteria}; "
            f"missing {missing}, unknown {unknown}"
        )
    for name, value in weights.items():
        if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
            raise TypeError(f"weight for {name!r} must be a number, got {value!r}")
        if math.isnan(value) or math.isinf(value) or value < 0:
            raise ValueError(f"weight for {name!r} is {value!r}; allowed: a finite number >= 0")
    series = pd.Series({c: float(weights[c]) for c in criteria})
    if series.sum() <= 0:
        raise ValueError("weights are all zero; at least one weight must be positive")
    return series / series.sum()


def _ranking_order(totals: np.ndarray) -> np.ndarray:
    """Best first; ties keep the input order, so results never depend on sorting accidents."""
    return np.lexsort((np.arange(len(totals)), -totals))


def score(options: pd.DataFrame, weights: Mapping[str, float]) -> pd.DataFrame:
    """Rank options by their weighted score.

    Returns a frame indexed by option, best first, with one column per criterion holding its
    weighted contribution (weight x score), then ``score`` (0-10, the sum) and ``rank``
    (1 = best; tied options share the better rank).
    """
    values = _check_options(options)
    w = normalise_weights(weights, list(values.columns))
    contributions = values * w
    result = contributions.copy()
    result["score"] = contributions.sum(axis=1)
    result = result.iloc[_ranking_order(result["score"].to_numpy())]
    result["rank"] = result["score"].rank(method="min", ascending=False).astype(int)
    result.index.name = options.index.name or "option"
    return result


@dataclass(frozen=True)
class WeightChange:
    """The smallest change of one criterion's weight that changes the winner."""

    criterion: str
    weight: float  # normalised weight now
    change: float  # signed: + means "weigh it more"
    new_weight: float
    old_top: str
    new_top: str


def weight_sensitivity(
    options: pd.DataFrame, weights: Mapping[str, float]
) -> dict[str, WeightChange | None]:
    """For each criterion, how far its weight must move for another option to rank first.

    The weight of criterion k moves from w to t (0 <= t <= 1) and the other weights are
    rescaled proportionally so they still sum to 1 - t (equally, if they were all zero). Every
    option's score is then a straight line in t, so the change is where the leader's line is
    first met by another's: the tie point, the boundary beyond which the other option wins.
    ``None`` means that no weight in [0, 1] for that criterion changes the winner.
    """
    values = _check_options(options)
    criteria = list(values.columns)
    w = normalise_weights(weights, criteria).to_numpy()
    x = values.to_numpy()
    names = [str(name) for name in values.index]
    top = int(_ranking_order(x @ w)[0])
    result: dict[str, WeightChange | None] = {}
    for k, criterion in enumerate(criteria):
        found = _nearest_takeover(x, w, k, top)
        result[criterion] = None
        if found is not None:
            t, winner = found
            change = t - w[k] + 0.0  # + 0.0 turns -0.0 into 0.0
            result[criterion] = WeightChange(
                criterion, float(w[k]), float(change), float(t), names[top], names[winner]
            )
    return result


def _nearest_takeover(x: np.ndarray, w: np.ndarray, k: int, top: int) -> tuple[float, int] | None:
    """Weight t of criterion k nearest to w[k] at which another option draws level with the
    leader and would pass it just beyond; None if there is none inside [0, 1]."""
    others = np.delete(np.arange(len(w)), k)
    if others.size == 0:
        return None  # a single criterion always has weight 1
    total = w[others].sum()
    rest = w[others] / total if total > 0 else np.full(others.size, 1.0 / others.size)
    base = x[:, others] @ rest  # score on the other criteria; score(t) = base + t * slope
    slope = x[:, k] - base
    eps = 1e-12
    ties: list[tuple[float, int]] = []
    for i in range(len(x)):
        closing = slope[i] - slope[top]
        if i == top or closing == 0:
            continue  # parallel lines never meet
        t = (base[top] - base[i]) / closing
        if abs(t - w[k]) < eps or eps < t < 1 - eps:  # on the edge of [0, 1] nothing lies beyond
            ties.append((float(t), i))
    if not ties:
        return None
    nearest = min(abs(t - w[k]) for t, _ in ties)
    first = [(t, i) for t, i in ties if abs(abs(t - w[k]) - nearest) < 1e-9]
    # Several options may draw level at the same point: the steepest one leads just beyond it.
    direction = 1.0 if first[0][0] >= w[k] else -1.0
    return min(first, key=lambda ti: (-direction * slope[ti[1]], ti[1]))


#: A starting point for a class debate on Western strategies toward the Sino-Russian
#: rapprochement (lesson 10). The scores are NOT data: they are deliberately arguable
#: judgements (0 = very poor, 10 = very good) that students are expected to change.
POLICY_OPTIONS = pd.DataFrame(
    {
        "limits military-technical cooperation": [3, 5, 6, 7],
        "feasible under existing sanctions": [9, 5, 1, 8],
        "supports Ukraine's territorial integrity": [8, 5, 1, 6],
        "keeps allies united": [7, 4, 2, 5],
    },
    index=pd.Index(
        [
            "maintain sanctions and deterrence",
            "selective engagement with Moscow",
            "reverse Kissinger (court Russia)",
            "coordinate with allies on technology controls",
        ],
        name="option",
    ),
    dtype=float,
)

#: Equal weights: the neutral place to start the argument.
DEFAULT_WEIGHTS: dict[str, float] = dict.fromkeys(POLICY_OPTIONS.columns, 1.0)

#: Why each option got its scores: one sentence per option, tied to the constraints of the
#: article's paragraph 17 (sanctions stay, Ukraine's territorial integrity, Moscow's red lines,
#: allies). Judgements to argue with, like the scores themselves.
SCORE_REASONS: dict[str, str] = {
    "maintain sanctions and deterrence": (
        "It is the status quo, so it is the most feasible (9) and keeps the Ukraine conditions"
        " (8) and the common Western line (7); it does little about arms and technology"
        " already flowing to China (3)."
    ),
    "selective engagement with Moscow": (
        "Talks on arms control and regional crises might slow some cooperation and fit within"
        " sanctions (5 each), but allies may disagree on how far to engage (4)."
    ),
    "reverse Kissinger (court Russia)": (
        "If it worked it could make Moscow hold back on arms for China (6), but it needs the"
        " sanctions relief the article expects will not come (1), would drop the Ukraine"
        " conditions (1) and would split allies (2)."
    ),
    "coordinate with allies on technology controls": (
        "It aims at the technology flows themselves (7) and works within sanctions (8); it is"
        " neutral to supportive on Ukraine (6) but needs European and Asian allies to agree"
        " on what to control (5)."
    ),
}
