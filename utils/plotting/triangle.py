"""Charts for lesson 09: the US-Russia-China strategic triangle and its recent history.

Why a diagram: Dittmer's typology (see :mod:`utils.triangle`) turns three numbers into a
shape, and students remember the shape. :func:`triangle_chart` draws the three actors as nodes
and the three relations as lines whose style says amity (solid), enmity (dashed) or a lukewarm
line counted as enmity (dotted); each node carries its role (pivot, wing, partner, ...).
Line style and width, not colour alone, carry the meaning, so the chart reads in greyscale.

:func:`context_timeline_chart` puts the sourced events the article alludes to in paragraphs
10-13 (sanctions in 2014, the bomber patrol, Macron's interview, the Valdai remark) on one
time axis, from ``data/timeline.csv``.

The amity scores are teaching judgements, not measurements; every chart says so.
"""

from __future__ import annotations

import math

import pandas as pd

from utils import data, triangle
from utils.plotting import (
    DARK_GREY,
    GREY,
    PALETTE,
    WHITE,
    Chart,
    font_sizes,
    new_chart,
    timeline_chart,
)
from utils.plotting.blit import BlitLayout, LayoutCache
from utils.plotting.style import title_artist, wrap_title

__all__ = [
    "CONTEXT_EVENTS",
    "LINE_STYLE",
    "NODE_POSITIONS",
    "context_events",
    "context_timeline_chart",
    "describe",
    "triangle_chart",
]

#: Where each actor sits in the diagram (an equilateral triangle; layout only, no data).
NODE_POSITIONS = {
    "USA": (0.0, math.sqrt(3) / 2),
    "Russia": (-0.5, 0.0),
    "China": (0.5, 0.0),
}
#: How each kind of line is drawn: colour, matplotlib line style, legend text.
LINE_STYLE = {
    "amity": (PALETTE["bluish_green"], "-", "amity (score above the neutral band)"),
    "enmity": (PALETTE["vermillion"], "--", "enmity (score below the neutral band)"),
    "neutral (counted as enmity)": (GREY, ":", "lukewarm, counted as enmity"),
}
#: Events from ``data/timeline.csv`` that frame paragraphs 10-13 of the article.
CONTEXT_EVENTS = (
    "2014-03-17_crimea_first_sanctions",
    "2014-05-21_gazprom_cnpc_contract",
    "2019-07-23_first_joint_air_patrol",
    "2019-11-07_macron_economist",
    "2020-10-22_valdai",
)
_SHORT_LABELS = {
    "2014-03-17_crimea_first_sanctions": "First EU/US sanctions after Crimea",
    "2014-05-21_gazprom_cnpc_contract": "Gazprom-CNPC 30-year gas contract",
    "2019-07-23_first_joint_air_patrol": "First joint bomber patrol",
    "2019-11-07_macron_economist": "Macron interview in The Economist",
    "2020-10-22_valdai": "Putin at Valdai: alliance not ruled out",
}
_CATEGORY_NAMES = {
    "sanctions": "Sanctions",
    "energy": "Energy",
    "military": "Military",
    "diplomacy": "Diplomacy",
}


def describe(
    us_russia: float, us_china: float, russia_china: float, neutral_band: float = 0.1
) -> str:
    """One sentence: the three scores, the triangle type and who plays which role."""
    result = triangle.classify(us_russia, us_china, russia_china, neutral_band)
    roles = result.roles
    name = {"USA": "the USA"}.get  # reads better in a sentence; other actors unchanged
    if result.kind == "romantic triangle":
        pivot = next(a for a in triangle.ACTORS if roles[a] == "pivot")
        who = f"{name(pivot, pivot)} is the pivot"
    elif result.kind == "stable marriage":
        partners = [name(a, a) for a in triangle.ACTORS if roles[a] == "partner"]
        outcast = next(name(a, a) for a in triangle.ACTORS if roles[a] == "outcast")
        who = f"{partners[0]} and {partners[1]} are partners and {outcast} is the outcast"
    elif result.kind == "ménage à trois":
        who = "all three are friends"
    else:
        who = "all three are adversaries"
    return (
        f"With US-Russia {us_russia:+.1f}, US-China {us_china:+.1f} and Russia-China "
        f"{russia_china:+.1f}, the triangle is a {result.kind}: {who}."
    )


#: Figure size of the triangle diagram (inches at scale 1).
_TRIANGLE_SIZE = (8, 5.8)
_TRIANGLE_SOURCE = (
    "Source: typology of Dittmer (1981), World Politics 33(4); the scores are teaching "
    "judgements from -1 (enmity) to +1 (amity), not data."
)
#: Pushes each score label out from the triangle's centre (in data units).
_LABEL_OFFSET = 0.21


def _score_label_position(a: str, b: str) -> tuple[float, float]:
    """Midpoint of the line a-b, pushed outwards from the triangle's centre."""
    (x0, y0), (x1, y1) = NODE_POSITIONS[a], NODE_POSITIONS[b]
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    cx, cy = 0.0, math.sqrt(3) / 6
    dx, dy = mx - cx, my - cy
    norm = math.hypot(dx, dy) or 1.0
    return mx + _LABEL_OFFSET * dx / norm, my + _LABEL_OFFSET * dy / norm


def _build_triangle_layout(scale: float, title_lines: int) -> BlitLayout:
    """The frame (source line, margins) is static; everything inside the axes is animated.

    Even the nodes and actor names, which never change, are animated: the lines must pass
    *under* the white node circles, and animated artists are drawn after the static part.
    ``title_lines`` is part of the key because the margin above the axes is fixed per layout.
    """
    sizes = font_sizes(scale)
    fig, ax = new_chart("Strategic triangle", "", "", _TRIANGLE_SOURCE, _TRIANGLE_SIZE, scale=scale)
    title = title_artist(ax)
    title.set_text("\n".join(["Strategic triangle"] * title_lines))  # margins fit its lines
    ax.set_axis_off()
    ax.set_xlim(-1.3, 1.3)  # with the figure size, keeps the triangle close to equilateral
    ax.set_ylim(-0.55, 1.15)
    artists: dict[str, object] = {}
    for a, b in triangle.LINES:
        (x0, y0), (x1, y1) = NODE_POSITIONS[a], NODE_POSITIONS[b]
        (artists[f"line_{a}-{b}"],) = ax.plot([x0, x1], [y0, y1], solid_capstyle="round", zorder=1)
    for a, b in triangle.LINES:
        x, y = _score_label_position(a, b)
        artists[f"score_{a}-{b}"] = ax.text(
            x, y, "", ha="center", va="center", fontsize=sizes["tick"] * 0.9, color=DARK_GREY,
            zorder=3,
        )  # fmt: skip
    artists["key"] = ax.text(
        0.5, 0.0, "", transform=ax.transAxes, ha="center", va="bottom",
        fontsize=sizes["tick"] * 0.8, color=DARK_GREY,
    )  # fmt: skip
    xs, ys = zip(*NODE_POSITIONS.values(), strict=True)
    artists["nodes"] = ax.scatter(
        xs, ys, s=3000 * scale**2, color=WHITE, edgecolors=DARK_GREY,
        linewidths=1.5 * scale, zorder=4,
    )  # fmt: skip
    for actor, (x, y) in NODE_POSITIONS.items():
        artists[f"name_{actor}"] = ax.text(
            x, y, actor, ha="center", va="center", fontsize=sizes["tick"],
            fontweight="bold", color=DARK_GREY, zorder=5,
        )  # fmt: skip
        artists[f"role_{actor}"] = ax.text(
            x, y + (0.2 if y > 0 else -0.2), "", ha="center", va="center",
            fontsize=sizes["label"], style="italic", color=DARK_GREY, zorder=5,
        )  # fmt: skip
    artists["title"] = title
    return BlitLayout(fig, artists, order=tuple(artists))


_TRIANGLE_LAYOUTS = LayoutCache(_build_triangle_layout, size=4)


def triangle_chart(
    us_russia: float,
    us_china: float,
    russia_china: float,
    neutral_band: float = triangle.DEFAULT_NEUTRAL_BAND,
    label: str = "",
    scale: float = 1.0,
) -> Chart:
    """Draw the triangle: nodes = actors with roles, lines styled by amity/enmity and scored.

    ``label`` (e.g. a preset name such as "2014") is added to the title. Drawn by blitting
    (see :mod:`utils.plotting.blit`): one layout per scale, so the sliders redraw only the
    lines and texts.
    """
    result = triangle.classify(us_russia, us_china, russia_china, neutral_band)
    font_sizes(scale)  # refuses a scale outside 0.5-3 with new_chart's message
    scores = dict(zip(triangle.LINES, (us_russia, us_china, russia_china), strict=True))
    title = f"Strategic triangle{f' ({label})' if label else ''}: {result.kind}"
    shown_title = wrap_title(title, _TRIANGLE_SIZE[0])
    layout = _TRIANGLE_LAYOUTS.get(float(scale), shown_title.count("\n") + 1)
    for (a, b), score in scores.items():
        kind = result.lines[f"{a}-{b}"]
        color, style, _ = LINE_STYLE[kind]
        line = layout[f"line_{a}-{b}"]
        line.set_color(color)
        line.set_linestyle(style)
        line.set_linewidth((1.5 + 5 * abs(score)) * float(scale))
        layout[f"score_{a}-{b}"].set_text(f"{a}-{b}\n{score:+.1f} ({kind.split(' ')[0]})")
    for actor in NODE_POSITIONS:
        layout[f"role_{actor}"].set_text(result.roles[actor])
    layout["key"].set_text(
        f"solid: amity (above +{neutral_band:.2f})   dashed: enmity (below -{neutral_band:.2f})"
        f"\ndotted: lukewarm (within ±{neutral_band:.2f}), counted as enmity   "
        "width: strength of feeling"
    )
    layout["title"].set_text(shown_title)
    description = describe(us_russia, us_china, russia_china, neutral_band)
    if result.neutral_lines:
        description = description.rstrip(".") + (
            f" ({', '.join(result.neutral_lines)} within ±{neutral_band:.2f} of zero, counted "
            "as enmity)."
        )
    return layout.chart(description, title)


def context_events() -> pd.DataFrame:
    """The sourced events of :data:`CONTEXT_EVENTS`, with short labels, in date order."""
    timeline = data.load("timeline")
    chosen = timeline[timeline["event_id"].isin(CONTEXT_EVENTS)].copy()
    missing = sorted(set(CONTEXT_EVENTS) - set(chosen["event_id"]))
    if missing:
        raise ValueError(f"timeline.csv lacks the event(s) {missing}")
    chosen["label"] = chosen["event_id"].map(_SHORT_LABELS)
    chosen["category"] = chosen["category"].map(_CATEGORY_NAMES)
    return chosen.sort_values("date", kind="stable").reset_index(drop=True)


def context_timeline_chart(scale: float = 1.0) -> Chart:
    """The five dated events behind paragraphs 10-13, on one time axis."""
    events = context_events()
    first, last = events["date"].iloc[0], events["date"].iloc[-1]
    macron = events.loc[events["event_id"] == "2019-11-07_macron_economist", "date"].iloc[0]
    description = (
        f"{len(events)} sourced events from {first} to {last} frame the argument: sanctions and "
        f"a gas deal in 2014, the joint bomber patrol in 2019, Macron's interview on {macron} "
        "and Putin's Valdai remark in 2020."
    )
    return timeline_chart(
        events[["date", "label", "category"]],
        "From Crimea to Valdai: the events behind the triangle debate",
        data.source_line(*sorted(set(events["source_id"]))),
        description,
        colors={
            "Sanctions": PALETTE["blue"],
            "Energy": PALETTE["orange"],
            "Military": PALETTE["vermillion"],
            "Diplomacy": PALETTE["bluish_green"],
        },
        label_width=22,
        size=(9, 4.2),
        scale=scale,
    )
