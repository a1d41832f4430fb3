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
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from matplotlib.text import Text

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
from utils.plotting.blit import BlitLayout, LayoutCache

__all__ = [
    "CRITERION_COLORS",
    "RANKING_TITLE",
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
#: Title of the ranking chart (the weights change, the question does not).
RANKING_TITLE = "Western strategies ranked under these weights"
#: Layouts of the ranking chart kept in memory: per scale, table of options and legend wrap.
RANKING_LAYOUTS = 6
#: Option names and legend labels are wrapped at this many characters.
_WRAP = 26
#: Weight shares whose labels are the longest possible: one, two and three digits ("100%").
_SHARES_OF_EVERY_LENGTH = (0.0, 0.5, 1.0)


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


def _criterion_label(criterion: object, share: float) -> str:
    """Legend label of one criterion with its weight: "keeps allies united (25%)"."""
    return textwrap.fill(f"{criterion} ({100 * share:.0f}%)", _WRAP)


def _option_label(name: object) -> str:
    return textwrap.fill(name, _WRAP)


def _fit_margins_to_longest_texts(fig, ax, criteria: Sequence[object]) -> None:
    """Fix the margins so that every ranking of the options and every weight fits.

    Why: the margins of a blitted chart are computed once per layout, but the option names
    (left) move between rows and the legend labels (right) change with the weights. The y
    ticks already carry every option name, so the left margin fits the longest; the legend
    is given, for each criterion, its widest possible label (1-, 2- or 3-digit percentage,
    which may wrap differently) before the house layout engine measures it. The engine then
    stops, so later text changes cannot move the axes.
    """
    legend_texts = ax.get_legend().get_texts()
    renderer = fig.canvas.get_renderer()
    widest = None
    for share in _SHARES_OF_EVERY_LENGTH:
        for text, criterion in zip(legend_texts, criteria, strict=True):
            text.set_text(_criterion_label(criterion, share))
        width = ax.get_legend().get_window_extent(renderer).width
        if widest is None or width > widest[0]:
            widest = (width, share)
    for text, criterion in zip(legend_texts, criteria, strict=True):
        text.set_text(_criterion_label(criterion, widest[1]))
    fig.get_layout_engine().execute(fig)
    fig.set_layout_engine("none")


def _legend_lines(labels: Sequence[str]) -> tuple[int, ...]:
    """Number of lines of each legend label: the only thing about them the layout depends on."""
    return tuple(label.count("\n") + 1 for label in labels)


def _animate_legend_labels(fig, legend_artist, lines: tuple[int, ...]) -> list[Text]:
    """Leave the legend keys in the static part; return texts that stand in for its labels.

    Why: laying out a legend costs ~10 ms per draw, a third of a redraw. A label's place
    depends only on its number of lines (the legend is anchored by its upper-left corner and
    labels are left-aligned), which is part of the layout key. So the legend is laid out once
    with hidden placeholder labels of those line counts, and a figure-level text with the same
    style and transform draws each real label on top. (:func:`ranking_chart` then writes the
    real labels into the hidden ones too, so the legend object still reads right; with the
    same line counts they leave its layout as it is.)
    """
    stand_ins = []
    for label, count in zip(legend_artist.get_texts(), lines, strict=True):
        label.set_text("\n".join(["lp"] * count))  # "lp": the line metrics matplotlib uses
        label.set_visible(False)
        stand_in = Text()
        stand_in.update_from(label)
        stand_in.set_visible(True)
        stand_in.set_transform(label.get_transform())  # offsets set by the legend's layout
        stand_ins.append(fig.add_artist(stand_in))
    return stand_ins


def _tick_label_like(ax, row: int):
    """An empty text placed and styled exactly like the y tick label of ``row``.

    Why not the real tick labels: they belong to the axis, which is drawn with the static
    background; the options change rows with every weight, so their names are animated.
    """
    model = ax.yaxis.get_major_ticks()[0].label1
    return ax.text(
        0,
        row,
        "",
        transform=model.get_transform(),
        ha=model.get_horizontalalignment(),
        va=model.get_verticalalignment(),
        fontproperties=model.get_fontproperties(),
        color=model.get_color(),
    )


def _build_ranking_layout(
    scale: float,
    options: tuple[object, ...],
    criteria: tuple[object, ...],
    legend_lines: tuple[int, ...],
) -> BlitLayout:
    """The ranking figure for one scale, table of options and line count of legend labels.

    Static: title, axis label, x grid, legend keys and source line. Animated: one bar segment
    per option row and criterion, the total after each row, the option name of each row and
    the legend labels (they carry the weights). Rows are fixed; :func:`ranking_chart` writes
    the best option into the top row.
    """
    sizes = font_sizes(scale)
    fig, ax = new_chart(
        RANKING_TITLE, "Weighted score (0-10); legend: criterion (weight)", "", SCORES_NOTE + ".",
        (10, 4.4), scale=scale,
    )  # fmt: skip
    rows = np.arange(len(options))
    art: dict[str, object] = {}
    for j, (criterion, color) in enumerate(zip(criteria, CRITERION_COLORS, strict=False)):
        container = ax.barh(
            rows, np.zeros(len(rows)), color=color, edgecolor=WHITE, linewidth=0.6 * scale,
            label=_criterion_label(criterion, 1.0), zorder=3,
        )  # fmt: skip
        for i, patch in enumerate(container.patches):
            art[f"bar_{j}_{i}"] = patch
    for i in rows:
        art[f"total_{i}"] = ax.text(
            0, i, "", va="center", ha="left", fontsize=sizes["tick"], color=DARK_GREY, zorder=4
        )
    ax.set_yticks(rows, labels=[_option_label(name) for name in options])
    ax.invert_yaxis()
    ax.set_xlim(0, 10)
    ax.grid(False, axis="y")
    ax.grid(True, axis="x", color="#DDDDDD", linewidth=0.8 * scale)
    ax.tick_params(axis="y", length=0)
    legend(ax, scale, fontsize=sizes["legend"] * 0.85)
    _fit_margins_to_longest_texts(fig, ax, criteria)
    for j, text in enumerate(_animate_legend_labels(fig, ax.get_legend(), legend_lines)):
        art[f"legend_label_{j}"] = text
    for i in rows:
        art[f"option_{i}"] = _tick_label_like(ax, i)
    ax.tick_params(axis="y", labelleft=False)
    return BlitLayout(fig, art, list(art))


_RANKING_LAYOUTS = LayoutCache(_build_ranking_layout, size=RANKING_LAYOUTS)


def ranking_chart(
    options: pd.DataFrame = decision.POLICY_OPTIONS,
    weights: Mapping[str, float] | None = None,
    scale: float = 1.0,
) -> Chart:
    """Horizontal stacked bars: each option's weighted score, split by criterion, best on top.

    The chart is a :class:`~utils.plotting.blit.RenderedChart`: the frame is drawn once per
    scale and table of options, and only the bars, totals, option names and legend labels
    are redrawn when the weights change, so the decision-matrix widget answers quickly.
    """
    weights = dict(decision.DEFAULT_WEIGHTS) if weights is None else weights
    ranked = decision.score(options, weights)
    criteria = list(options.columns)
    if len(criteria) > len(CRITERION_COLORS):
        raise ValueError(
            f"options has {len(criteria)} criteria; the chart can colour at most "
            f"{len(CRITERION_COLORS)}"
        )
    shares = decision.normalise_weights(weights, criteria)
    names = [_option_label(name) for name in ranked.index]
    labels = [_criterion_label(criterion, shares[criterion]) for criterion in criteria]
    font_sizes(scale)  # raises the house ValueError for a bad scale, before any cache look-up
    key = (float(scale), tuple(options.index), tuple(criteria), _legend_lines(labels))
    layout = _RANKING_LAYOUTS.get(*key)
    art = layout.artists
    left = np.zeros(len(ranked))
    for j, criterion in enumerate(criteria):
        values = ranked[criterion].to_numpy()
        for i, value in enumerate(values):
            art[f"bar_{j}_{i}"].set_x(left[i])
            art[f"bar_{j}_{i}"].set_width(value)
        left = left + values
    for i, (name, total) in enumerate(zip(names, ranked["score"], strict=True)):
        art[f"total_{i}"].set_position((total + 0.1, i))
        art[f"total_{i}"].set_text(f"{total:.2f}")
        art[f"option_{i}"].set_text(name)
    hidden_labels = layout.figure.axes[0].get_legend().get_texts()
    for j, (label, hidden) in enumerate(zip(labels, hidden_labels, strict=True)):
        art[f"legend_label_{j}"].set_text(label)
        hidden.set_text(label)  # same line count: the legend keeps its layout, and says the truth
    return layout.chart(ranking_description(ranked), RANKING_TITLE)


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
