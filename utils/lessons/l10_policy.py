"""Lesson 10: what worries the West, and a weighted decision matrix (tables, charts, widget).

The joint activity of ``data/joint_exercises.csv`` is dated against the article (2 December
2020), so "up to the article" means what it says. The decision matrix scores the four options of
:data:`utils.decision.POLICY_OPTIONS` (judgements for debate, not data) under four weights.
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd

from utils import data, decision
from utils.claims import ARTICLE_DATE  # events after it cannot be evidence *for* the article
from utils.live import LiveChart, LiveView, register, slider
from utils.style import DARK_GREY, PALETTE, WHITE, Chart, figure

#: Kinds of joint activity, in the order of the chart's rows (top first): (colour, marker).
ACTIVITY_STYLE = {
    "field exercise": (PALETTE["blue"], "o"),
    "simulated drill": (PALETTE["sky_blue"], "D"),
    "air patrol": (PALETTE["vermillion"], "^"),
    "naval patrol": (PALETTE["bluish_green"], "s"),
}
ACTIVITIES = tuple(ACTIVITY_STYLE)


# ----------------------------------------------------------------------------- joint activity
def joint_events() -> pd.DataFrame:
    """Every listed event with its start ``date`` (a month-only date, e.g. "2022-09", becomes
    the 1st of the month) and its ``activity`` (one of :data:`ACTIVITIES`), by date."""
    events = data.load("joint_exercises")
    events["date"] = pd.to_datetime(events["start_date"], format="ISO8601")
    # ``mode`` separates live exercises from the two Aerospace Security drills (2016, 2017):
    # computer-simulated missile-defence command-staff exercises, no troops in the field.
    exercise = events["type"] == "exercise"
    simulated = exercise & (events["mode"] == "computer-simulated")
    events["activity"] = events["type"].where(~exercise, "field exercise")
    events["activity"] = events["activity"].mask(simulated, "simulated drill")
    columns = ["exercise_id", "name", "date", "activity", "region", "source_id"]
    return events[columns].sort_values("date", kind="stable").reset_index(drop=True)


def activity_counts() -> pd.DataFrame:
    """Number of events of each activity up to the article's date and after it."""
    events = joint_events()
    when = (events["date"] <= ARTICLE_DATE).map({True: "up to 2 Dec 2020", False: "after"})
    counts = pd.crosstab(events["activity"], when).reindex(
        index=list(ACTIVITIES), columns=["up to 2 Dec 2020", "after"], fill_value=0
    )
    return counts.rename_axis(columns=None)


def _count(n: int, noun: str) -> str:
    """ "1 joint patrol", "2 joint patrols"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def activity_chart() -> Chart:
    """Joint events on a time axis, one row per activity, with the article's date marked."""
    events = joint_events()
    counts = activity_counts()
    patrols = events[events["activity"].str.endswith("patrol")]
    first = patrols["date"].min()
    after = patrols.loc[patrols["date"] > ARTICLE_DATE, "date"].min()
    before = counts["up to 2 Dec 2020"]
    later_patrols = int(counts.loc[["air patrol", "naval patrol"], "after"].sum())
    description = (
        f"Up to the article's date (2 December 2020) the list holds "
        f"{_count(before['field exercise'], 'field exercise')}, "
        f"{_count(before['simulated drill'], 'computer-simulated drill')} and "
        f"{_count(before['air patrol'] + before['naval patrol'], 'joint patrol')} "
        f"(the first, on {first:%Y-%m-%d}); the next patrol came {(after - ARTICLE_DATE).days} "
        f"days after the article, and {_count(later_patrols, 'patrol')} follow by "
        f"{events['date'].max().year} (the list is not exhaustive)."
    )
    fig, ax = figure(
        "Joint Russian-Chinese exercises, drills and patrols",
        data.source_line(*sorted(set(events["source_id"]))),
        xlabel="Start date",
        size=(8.5, 4.2),
    )
    for row, (activity, (color, marker)) in enumerate(ACTIVITY_STYLE.items()):
        dates = events.loc[events["activity"] == activity, "date"]
        ax.scatter(
            dates, np.full(len(dates), row), s=55, color=color, marker=marker,
            edgecolors=WHITE, linewidths=0.6, zorder=3,
        )  # fmt: skip
    ax.axvline(ARTICLE_DATE, color=DARK_GREY, linestyle="--", linewidth=1.2)
    ax.annotate(
        "article,\n2 Dec 2020", (ARTICLE_DATE, 1), xycoords=("data", "axes fraction"),
        xytext=(-4, -4), textcoords="offset points", ha="right", va="top", fontsize=9,
    )  # fmt: skip
    ax.set_yticks(range(len(ACTIVITIES)), list(ACTIVITIES))
    ax.set_ylim(len(ACTIVITIES) - 0.5, -0.7)
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", visible=True)
    return Chart(fig, description)


# ----------------------------------------------------------------------------- decision matrix
#: Four options scored 0-10 on four criteria: teaching judgements for debate, not data.
OPTIONS = decision.POLICY_OPTIONS
#: Slider name -> criterion of :data:`utils.decision.POLICY_OPTIONS`, in column order.
WEIGHT_SLIDERS = dict(
    zip(("w_military", "w_feasible", "w_ukraine", "w_allies"), OPTIONS.columns, strict=True)
)
#: Sliders run 0-10; equal values mean equal weights (the neutral starting point).
DEFAULTS = dict.fromkeys(WEIGHT_SLIDERS, 5.0)
SCORES_SOURCE = (
    "Scores 0-10: teaching judgements in utils.decision.POLICY_OPTIONS, a starting point for "
    "debate, not data. Weighted score = sum of weight x score, weights rescaled to sum to 1."
)
CRITERION_COLORS = [PALETTE[c] for c in ("blue", "orange", "bluish_green", "reddish_purple")]


def weights_from_sliders(**sliders: float) -> dict[str, float]:
    """``{criterion: raw weight}`` from the slider values (``w_military=5, ...``)."""
    return {WEIGHT_SLIDERS[name]: float(value) for name, value in sliders.items()}


def ranking_description(ranked: pd.DataFrame) -> str:
    """One sentence naming the leader and the runner-up with their scores (out of 10)."""
    names, scores = list(ranked.index), ranked["score"].to_numpy()
    return (
        f"'{names[0]}' ranks first with {scores[0]:.2f} of 10, {scores[0] - scores[1]:.2f} ahead "
        f"of '{names[1]}' ({scores[1]:.2f}); last is '{names[-1]}' ({scores[-1]:.2f})."
    )


def sensitivity_note(weights: dict[str, float] = decision.DEFAULT_WEIGHTS) -> str:
    """How far each weight must move (in points of the total weight) to change the leader.

    The smallest move comes first: it is the weight the ranking hangs on.
    """
    changes = decision.weight_sensitivity(OPTIONS, weights)
    found = sorted(
        (c for c in changes.values() if c is not None), key=lambda c: (abs(c.change), c.criterion)
    )
    fixed = [name for name, c in changes.items() if c is None]
    if not found:
        return "No single weight, moved anywhere from 0% to 100%, changes the option ranked first."
    parts = [
        f"if the weight of '{c.criterion}' {'rises' if c.change > 0 else 'falls'} from "
        f"{100 * c.weight:.1f}% to {100 * c.new_weight:.1f}% ({100 * c.change:+.1f} points), "
        f"'{c.new_top}' overtakes '{c.old_top}'"
        for c in found
    ]
    text = "The top option changes " + "; ".join(parts) + "."
    if fixed:
        text += " Moving " + ", ".join(f"'{f}'" for f in fixed) + " alone never changes it."
    return text


class RankingChart(LiveChart):
    """Stacked horizontal bars: each option's weighted score, split by criterion.

    Rows keep the table's order, so a bar never jumps; totals, ranks and weights go in the
    description and the note, because redrawing text is the slow part.
    """

    def __init__(self) -> None:
        self.fig, ax = figure(
            "Four Western strategies, scored under your weights", SCORES_SOURCE,
            xlabel="Weighted score (0-10)", size=(8.5, 5.0),
        )  # fmt: skip
        rows = np.arange(len(OPTIONS))
        self.bars = [
            ax.barh(rows, 0, color=color, edgecolor=WHITE, label=textwrap.fill(criterion, 40))
            for criterion, color in zip(OPTIONS.columns, CRITERION_COLORS, strict=True)
        ]
        ax.set_yticks(rows, [textwrap.fill(name, 24) for name in OPTIONS.index])
        ax.set_xlim(0, 10)
        ax.set_ylim(len(rows) - 0.5, -0.5)  # first option at the top
        ax.grid(axis="y", visible=False)
        ax.grid(axis="x", visible=True)
        ax.tick_params(axis="y", length=0)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2, fontsize=9)
        self.animated = [patch for bars in self.bars for patch in bars.patches]

    def update(self, **sliders: float) -> tuple[str, str]:  # one value per WEIGHT_SLIDERS
        weights = weights_from_sliders(**sliders)
        ranked = decision.score(OPTIONS, weights)  # ValueError if every weight is 0
        table = ranked.loc[OPTIONS.index]  # back to the table's order
        left = np.zeros(len(table))
        for bars, criterion in zip(self.bars, OPTIONS.columns, strict=True):
            values = table[criterion].to_numpy()
            for patch, x, width in zip(bars.patches, left, values, strict=True):
                patch.set_x(x)
                patch.set_width(width)
            left = left + values
        shares = decision.normalise_weights(weights, list(OPTIONS.columns))
        share_text = ", ".join(f"{c} {100 * s:.0f}%" for c, s in shares.items())
        rows = zip(ranked.index, ranked["score"], ranked["rank"], strict=True)
        ranking = "; ".join(f"{rank}. {name} {score:.2f}" for name, score, rank in rows)
        note = (
            f"<b>Weights:</b> {share_text}.<br><b>Ranking:</b> {ranking}.<br>"
            f"{sensitivity_note(weights)}"
        )
        return ranking_description(ranked), note


@register("decision_matrix")
def decision_matrix() -> LiveView:
    """One weight slider per criterion; the ranking and the sensitivity note update."""
    return LiveView(
        {
            name: slider(f"Weight: {criterion}", 0.0, 10.0, 1.0, DEFAULTS[name], ".0f")
            for name, criterion in WEIGHT_SLIDERS.items()
        },
        RankingChart(),
        title="Decision matrix: Western strategies toward the Russia-China rapprochement",
        description=(
            "Move the weights (0 = ignore, 10 = matters most; only their ratios count). The "
            "option scores are a starting point for debate, not data."
        ),
    )
