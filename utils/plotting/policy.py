"""Charts for lesson 10: what the West worries about, and a weighted decision matrix.

Why: the article (paragraphs 15-17) names three worries -- Russian military technology for
the PLA, joint operations such as the 2019 bomber patrol, and a deeper security partnership --
and asks for a realistic Western strategy. :func:`joint_activity_chart` shows, from our event
list, how joint *operations* (patrols) were added to joint *exercises*. :func:`ranking_chart`
and :func:`sensitivity_note` turn the decision matrix of :mod:`utils.decision` into a picture
and a sentence: which option leads under the chosen weights, and how far one weight must move
for another option to lead. The option scores are judgements for debate, never data, and the
chart says so in its source line.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

import numpy as np
import pandas as pd

from utils import data, decision
from utils.plotting import (
    DARK_GREY,
    PALETTE,
    WHITE,
    Chart,
    font_sizes,
    legend,
    new_chart,
)

__all__ = [
    "CRITERION_COLORS",
    "SCORES_NOTE",
    "events_by_year",
    "joint_activity_chart",
    "ranking_chart",
    "ranking_description",
    "sensitivity_note",
]

#: Printed under the ranking chart: the scores are a starting point, not measurements.
SCORES_NOTE = (
    "Option scores (0-10) are arguable judgements in utils.decision.POLICY_OPTIONS, "
    "a starting point for debate, not data"
)
#: One colour per criterion, in the column order of the options table (up to six criteria).
CRITERION_COLORS = (
    PALETTE["blue"],
    PALETTE["orange"],
    PALETTE["bluish_green"],
    PALETTE["reddish_purple"],
    PALETTE["sky_blue"],
    PALETTE["vermillion"],
)
_TYPE_COLORS = {
    "exercise": PALETTE["blue"],
    "air patrol": PALETTE["vermillion"],
    "naval patrol": PALETTE["bluish_green"],
}


# ----------------------------------------------------------------------------- joint activity
def events_by_year() -> pd.DataFrame:
    """Number of joint events per year (2005-2023) and type; years with none are 0."""
    events = data.load("joint_exercises")
    counts = events.pivot_table(
        index="year", columns="type", values="exercise_id", aggfunc="count", fill_value=0
    )
    years = pd.RangeIndex(int(events["year"].min()), int(events["year"].max()) + 1, name="year")
    counts = counts.reindex(index=years, columns=list(_TYPE_COLORS), fill_value=0).astype(int)
    counts.columns.name = None
    return counts


def joint_activity_chart(scale: float = 1.0) -> Chart:
    """Stacked bars: joint exercises, air patrols and naval patrols per year."""
    counts = events_by_year()
    patrol_years = counts.index[(counts["air patrol"] + counts["naval patrol"]) > 0]
    first_patrol = int(patrol_years.min())
    since = counts.loc[first_patrol:]
    description = (
        f"Joint patrols first appear in {first_patrol}; from {first_patrol} to "
        f"{int(counts.index.max())} the list holds {int(since['air patrol'].sum())} air patrols "
        f"and {int(since['naval patrol'].sum())} naval patrols next to "
        f"{int(since['exercise'].sum())} exercises (the list is not exhaustive)."
    )
    title = "Joint Russian-Chinese exercises and patrols per year"
    fig, ax = new_chart(
        title, "", "Number of events", data.source_line(*sorted(set(_event_sources()))),
        (8, 4.2), scale=scale,
    )  # fmt: skip
    bottom = np.zeros(len(counts))
    for kind, color in _TYPE_COLORS.items():
        values = counts[kind].to_numpy()
        ax.bar(
            counts.index, values, bottom=bottom, color=color, edgecolor=WHITE,
            linewidth=0.5 * scale, label=kind, zorder=3,
        )  # fmt: skip
        bottom += values
    ax.set_xticks(list(counts.index[::2]))
    ax.yaxis.get_major_locator().set_params(integer=True)
    legend(ax, scale)
    return Chart(fig, description=description, title=title)


def _event_sources() -> list[str]:
    return list(data.load("joint_exercises")["source_id"])


# ----------------------------------------------------------------------------- decision matrix
def ranking_description(ranked: pd.DataFrame) -> str:
    """One sentence naming the leader and the runner-up with their scores (out of 10)."""
    names = list(ranked.index)
    lead = f"'{names[0]}' ranks first with {ranked['score'].iloc[0]:.2f} of 10"
    if len(names) == 1:
        return lead + "."
    gap = ranked["score"].iloc[0] - ranked["score"].iloc[1]
    return (
        f"{lead}, {gap:.2f} ahead of '{names[1]}' ({ranked['score'].iloc[1]:.2f}); "
        f"last is '{names[-1]}' ({ranked['score'].iloc[-1]:.2f})."
    )


def ranking_chart(
    options: pd.DataFrame = decision.POLICY_OPTIONS,
    weights: Mapping[str, float] | None = None,
    scale: float = 1.0,
) -> Chart:
    """Horizontal stacked bars: each option's weighted score, split by criterion, best on top."""
    weights = dict(decision.DEFAULT_WEIGHTS) if weights is None else weights
    ranked = decision.score(options, weights)
    criteria = list(options.columns)
    if len(criteria) > len(CRITERION_COLORS):
        raise ValueError(
            f"options has {len(criteria)} criteria; the chart can colour at most "
            f"{len(CRITERION_COLORS)}"
        )
    shares = decision.normalise_weights(weights, criteria)
    title = "Western strategies ranked under these weights"
    fig, ax = new_chart(
        title, "Weighted score (0-10); legend: criterion (weight)", "", SCORES_NOTE + ".",
        (10, 4.4), scale=scale,
    )  # fmt: skip
    sizes = font_sizes(scale)
    positions = np.arange(len(ranked))
    left = np.zeros(len(ranked))
    for criterion, color in zip(criteria, CRITERION_COLORS, strict=False):
        values = ranked[criterion].to_numpy()
        ax.barh(
            positions, values, left=left, color=color, edgecolor=WHITE, linewidth=0.6 * scale,
            label=textwrap.fill(f"{criterion} ({100 * shares[criterion]:.0f}%)", 26), zorder=3,
        )  # fmt: skip
        left += values
    for y, total in zip(positions, ranked["score"], strict=True):
        ax.text(
            total + 0.1, y, f"{total:.2f}", va="center", ha="left",
            fontsize=sizes["tick"], color=DARK_GREY, zorder=4,
        )  # fmt: skip
    ax.set_yticks(positions, labels=[textwrap.fill(name, 26) for name in ranked.index])
    ax.invert_yaxis()
    ax.set_xlim(0, 10)
    ax.grid(False, axis="y")
    ax.grid(True, axis="x", color="#DDDDDD", linewidth=0.8 * scale)
    ax.tick_params(axis="y", length=0)
    legend(ax, scale, fontsize=sizes["legend"] * 0.85)
    return Chart(fig, description=ranking_description(ranked), title=title)


def sensitivity_note(
    options: pd.DataFrame = decision.POLICY_OPTIONS,
    weights: Mapping[str, float] | None = None,
) -> str:
    """Say how far each weight must move (in points of the total weight) to change the leader.

    The smallest such move comes first, because it is the weight the ranking hangs on.
    """
    weights = dict(decision.DEFAULT_WEIGHTS) if weights is None else weights
    changes = decision.weight_sensitivity(options, weights)
    found = [c for c in changes.values() if c is not None]
    fixed = [name for name, c in changes.items() if c is None]
    if not found:
        return "No single weight, moved anywhere from 0% to 100%, changes the option ranked first."
    found.sort(key=lambda c: (abs(c.change), c.criterion))
    parts = []
    for c in found:
        direction = "rises" if c.change > 0 else "falls"
        parts.append(
            f"if the weight of '{c.criterion}' {direction} from {100 * c.weight:.1f}% to "
            f"{100 * c.new_weight:.1f}% ({100 * c.change:+.1f} points), '{c.new_top}' "
            f"overtakes '{c.old_top}'"
        )
    text = "The top option changes " + "; ".join(parts) + "."
    if fixed:
        text += " Moving " + ", ".join(f"'{f}'" for f in fixed) + " alone never changes it."
    return text
