"""Checks for lesson 10's "your turn" tasks: dating the evidence, and a weighted decision matrix.

Expected values come from ``data/joint_exercises.csv`` (through
:func:`utils.lessons.l10_policy.joint_events`) and from the tested model
:mod:`utils.decision` with its teaching scores :data:`utils.decision.POLICY_OPTIONS`.
"""

from __future__ import annotations

import itertools

import numpy as np

from utils import decision
from utils.exercises.tasks import task
from utils.lessons import l10_policy as lesson

OPTIONS = decision.POLICY_OPTIONS
MILITARY = "limits military-technical cooperation"
#: Weights of a government most worried about the PLA's modernisation (task 2).
PLA_WEIGHTS = {MILITARY: 4, "feasible under existing sanctions": 2,
               "supports Ukraine's territorial integrity": 2, "keeps allies united": 2}  # fmt: skip


@task(
    level="core",
    asks="Joint events of each activity on or before the article's date (2 December 2020)",
    tolerance=0,
    hints={
        "before_article": "Keep the rows with events['date'] <= '2020-12-02', then "
        "count them with ['activity'].value_counts()."
    },  # fmt: skip
)
def before_article():
    events = lesson.joint_events()
    kept = events[events["date"] <= lesson.ARTICLE_DATE]
    return {"before_article": kept["activity"].value_counts()}


@task(
    level="core",
    asks="Weighted scores of the four options with weights 4, 2, 2, 2 (military first), "
    "and the option ranked first",
    tolerance={"totals": 0.005},
    hints={
        "totals": "Rescale the weights to sum to 1 (w / w.sum()), then options @ w.",
        "top_pla": "totals.idxmax() names the option with the highest score.",
    },  # fmt: skip
)
def totals_pla():
    ranked = decision.score(OPTIONS, PLA_WEIGHTS)
    return {"totals": ranked["score"], "top_pla": ranked.index[0]}


@task(
    level="stretch",
    asks="Smallest weight of 'limits military-technical cooperation' (others equal) at which "
    "another option ranks first, to 0.001, and that option",
    tolerance={"flip_weight": 0.002},
    hints={
        "flip_weight": "Loop t over np.linspace(0, 1, 1001), give the other three criteria "
        "(1 - t) / 3 each, score, and stop at the first t above 0.25 where the top option "
        "changes."
    },  # fmt: skip
)
def flip_weight():
    # The exact crossing, from the tested model: with the other weights equal, the scores are
    # straight lines in t and two of them meet at t = 5/17.
    change = decision.weight_sensitivity(OPTIONS, decision.DEFAULT_WEIGHTS)[MILITARY]
    return {"flip_weight": change.new_weight, "new_top": change.new_top}


def _can_win(option: str, step: float = 0.05) -> bool:
    """Is ``option`` first (alone) under any weights on a grid over all weight vectors?"""
    n = round(1 / step)
    k = len(OPTIONS.columns)
    for parts in itertools.product(range(n + 1), repeat=k - 1):
        if sum(parts) > n:
            continue
        w = np.array([*parts, n - sum(parts)]) / n
        totals = OPTIONS.to_numpy() @ w
        best = totals.max()
        if totals[OPTIONS.index.get_loc(option)] == best and (totals == best).sum() == 1:
            return True
    return False


@task(
    level="challenge",
    asks="Which options dominate 'selective engagement with Moscow' (at least as good on "
    "every criterion, better on one), and can any weights put it first?",
    hints={
        "dominated_by": "Compare each row with the target: (options >= target).all(axis=1) "
        "and (options > target).any(axis=1).",
        "can_win": "If another option is at least as good on every criterion, can a "
        "weighted sum of its scores ever be lower?",
    },  # fmt: skip
)
def dominance():
    target = OPTIONS.loc["selective engagement with Moscow"]
    better = (OPTIONS >= target).all(axis=1) & (OPTIONS > target).any(axis=1)
    return {
        "dominated_by": list(OPTIONS.index[better]),
        "can_win": _can_win("selective engagement with Moscow"),
    }
