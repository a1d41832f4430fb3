"""Lesson 09: the US-Russia-China strategic triangle (tables, charts and the widget).

* :func:`context_events` / :func:`context_chart`: the five dated events behind paragraphs
  10-13 of the article, from ``data/timeline.csv``.
* :func:`presets_table`: the scores of every preset in :data:`utils.triangle.PRESETS`, one row
  per preset, so a student can classify them all with pandas.
* :class:`TriangleChart` and :func:`strategic_triangle`: the diagram (actors as nodes, the three
  relations as lines) and the widget. Line *style* says amity (solid), enmity (dashed) or a
  lukewarm line counted as enmity (dotted); line width says how strong the feeling is, so the
  chart reads in greyscale.

The model is :mod:`utils.triangle`; the scores are teaching judgements, not measurements, and
every chart says so in its source line.
"""

from __future__ import annotations

import math

import pandas as pd
from matplotlib.lines import Line2D

from utils import data, triangle
from utils.charts import timeline_chart
from utils.live import LiveChart, LiveView, dropdown, register, slider
from utils.style import DARK_GREY, GREY, PALETTE, WHITE, Chart, figure

#: The widget opens on the year the article was written, with the default neutral band.
DEFAULT_PRESET = "2020"
CUSTOM = "custom"
SCORES = ("us_russia", "us_china", "russia_china")
DEFAULTS = {
    "preset": DEFAULT_PRESET,
    **{key: getattr(triangle.PRESETS[DEFAULT_PRESET], key) for key in SCORES},
    "neutral_band": triangle.DEFAULT_NEUTRAL_BAND,
}
SOURCE = (
    "Patterns: Dittmer (1981), World Politics 33(4), and later work; roles after Wu (1996). "
    "Scores: teaching judgements from -1 (enmity) to +1 (amity), not data."
)
#: Where each actor sits (an equilateral triangle; layout only, no data).
NODE_POSITIONS = {"USA": (0.0, math.sqrt(3) / 2), "Russia": (-0.5, 0.0), "China": (0.5, 0.0)}
#: How each kind of line is drawn: (colour, line style).
LINE_STYLE = {
    "amity": (PALETTE["bluish_green"], "-"),
    "enmity": (PALETTE["vermillion"], "--"),
    "neutral (counted as enmity)": (GREY, ":"),
}
LEGEND = {
    "amity": "amity (above the neutral band)",
    "enmity": "enmity (below the band)",
    "neutral (counted as enmity)": "lukewarm (inside the band), counted as enmity",
}

#: Events from ``data/timeline.csv`` that frame paragraphs 10-13, with short labels.
CONTEXT_EVENTS = {
    "2014-03-17_crimea_first_sanctions": "First EU/US sanctions after Crimea",
    "2014-05-21_gazprom_cnpc_contract": "Gazprom-CNPC 30-year gas contract",
    "2019-07-23_first_joint_air_patrol": "First joint bomber patrol",
    "2019-11-07_macron_economist": "Macron interview in The Economist",
    "2020-10-22_valdai": "Putin at Valdai: alliance not ruled out",
}


# ----------------------------------------------------------------------------- tables
def context_events() -> pd.DataFrame:
    """The events of :data:`CONTEXT_EVENTS` (date, category, label, event, source), by date."""
    timeline = data.load("timeline")
    chosen = timeline[timeline["event_id"].isin(list(CONTEXT_EVENTS))].copy()
    missing = sorted(set(CONTEXT_EVENTS) - set(chosen["event_id"]))
    if missing:
        raise ValueError(f"data/timeline.csv lacks the event(s) {missing}")
    chosen["label"] = chosen["event_id"].map(CONTEXT_EVENTS)
    chosen["category"] = chosen["category"].str.capitalize()
    return chosen.sort_values("date", kind="stable").reset_index(drop=True)


def presets_table() -> pd.DataFrame:
    """One row per preset of :data:`utils.triangle.PRESETS`, one column per line (-1 to +1)."""
    rows = {
        name: {"USA-Russia": p.us_russia, "USA-China": p.us_china, "Russia-China": p.russia_china}
        for name, p in triangle.PRESETS.items()
    }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "preset"
    return table


def roles_table(neutral_band: float = triangle.DEFAULT_NEUTRAL_BAND) -> pd.DataFrame:
    """Pattern and each actor's role for every preset, classified by :mod:`utils.triangle`."""
    rows = {}
    for name, preset in triangle.PRESETS.items():
        result = preset.classify(neutral_band)
        rows[name] = {"pattern": result.kind, **result.roles}
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "preset"
    return table


def matching_preset(us_russia: float, us_china: float, russia_china: float) -> str | None:
    """Name of the first preset with these scores (to 1e-9), else ``None``."""
    for name, preset in triangle.PRESETS.items():
        values = zip(SCORES, (us_russia, us_china, russia_china), strict=True)
        if all(math.isclose(v, getattr(preset, k), abs_tol=1e-9) for k, v in values):
            return name
    return None


def _score(value: float) -> str:
    """A score for people: sign, at least one decimal, at most two (-0.6, +0.05, +0.0)."""
    text = f"{value:+.2f}"
    return text[:-1] if text.endswith("0") else text


def describe(
    us_russia: float,
    us_china: float,
    russia_china: float,
    neutral_band: float = triangle.DEFAULT_NEUTRAL_BAND,
) -> str:
    """One sentence: the three scores, the pattern and who plays which role."""
    result = triangle.classify(us_russia, us_china, russia_china, neutral_band)
    roles = result.roles

    def name(actor: str) -> str:
        return "the USA" if actor == "USA" else actor

    if result.kind == "romantic triangle":
        pivot = next(a for a in triangle.ACTORS if roles[a] == "pivot")
        who = f"{name(pivot)} is the pivot"
    elif result.kind == "stable marriage":
        partners = [name(a) for a in triangle.ACTORS if roles[a] == "partner"]
        outcast = next(name(a) for a in triangle.ACTORS if roles[a] == "outcast")
        who = f"{partners[0]} and {partners[1]} are partners and {outcast} is the outcast"
    elif result.kind == "ménage à trois":
        who = "all three are friends"
    else:
        who = "all three are adversaries"
    sentence = (
        f"With US-Russia {_score(us_russia)}, US-China {_score(us_china)} and Russia-China "
        f"{_score(russia_china)}, the triangle is a {result.kind}: {who}."
    )
    if result.neutral_lines:
        lines = ", ".join(result.neutral_lines)
        sentence = sentence[:-1] + (
            f" ({lines} within ±{neutral_band:.2f} of zero, counted as enmity)."
        )
    return sentence


# ----------------------------------------------------------------------------- charts
def context_chart() -> Chart:
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
    )


def _label_position(a: str, b: str, offset: float = 0.2) -> tuple[float, float]:
    """Midpoint of the line a-b, pushed outwards from the triangle's centre."""
    (x0, y0), (x1, y1) = NODE_POSITIONS[a], NODE_POSITIONS[b]
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    dx, dy = mx, my - math.sqrt(3) / 6  # the centre is at (0, sqrt(3)/6)
    norm = math.hypot(dx, dy)
    return mx + offset * dx / norm, my + offset * dy / norm


def _edge_to_edge(a: str, b: str, radius: float = 0.14) -> tuple[list[float], list[float]]:
    """The line a-b stopped ``radius`` short of both nodes, so it never runs under a circle."""
    (x0, y0), (x1, y1) = NODE_POSITIONS[a], NODE_POSITIONS[b]
    length = math.hypot(x1 - x0, y1 - y0)
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    return [x0 + radius * ux, x1 - radius * ux], [y0 + radius * uy, y1 - radius * uy]


class TriangleChart(LiveChart):
    """The triangle diagram: update(preset, us_russia, us_china, russia_china, neutral_band).

    The nodes, actor names, line names and legend never change and stay in the static
    background; the lines (style and width), the roles and the pattern name change and are
    redrawn by blitting. Lines stop at the node circles, so their drawing order does not
    matter. The exact scores are in the description, not on the chart (the sliders show them).
    """

    def __init__(self) -> None:
        self.fig, ax = figure(
            "The strategic triangle: who is friendly with whom?", SOURCE, size=(8.5, 5.8)
        )
        ax.set_axis_off()
        ax.set_xlim(-1.55, 1.55)  # with the figure's shape, keeps the triangle near equilateral
        ax.set_ylim(-0.62, 1.1)
        self.lines = {
            (a, b): ax.plot(*_edge_to_edge(a, b), solid_capstyle="round")[0]
            for a, b in triangle.LINES
        }
        for a, b in triangle.LINES:
            ax.text(*_label_position(a, b), f"{a}-{b}", ha="center", va="center", color=GREY)
        xs, ys = zip(*NODE_POSITIONS.values(), strict=True)
        ax.scatter(xs, ys, s=2600, color=WHITE, edgecolors=DARK_GREY, linewidths=1.5)
        self.roles = {}
        for actor, (x, y) in NODE_POSITIONS.items():
            ax.text(x, y, actor, ha="center", va="center", fontweight="bold")
            dy = 0.19 if y > 0 else -0.19
            self.roles[actor] = ax.text(
                x, y + dy, "", ha="center", va="center", fontsize=13, style="italic"
            )
        self.pattern = ax.text(
            1.55, 1.1, "", ha="right", va="top", fontsize=14, fontweight="bold", color=DARK_GREY
        )
        handles = [
            Line2D([], [], color=color, linestyle=style, linewidth=2.5, label=LEGEND[kind])
            for kind, (color, style) in LINE_STYLE.items()
        ]
        ax.legend(handles=handles, loc="lower left", fontsize=9, handlelength=3)
        self.animated = [*self.lines.values(), *self.roles.values(), self.pattern]

    def update(
        self,
        preset: str = DEFAULT_PRESET,
        us_russia: float = DEFAULTS["us_russia"],
        us_china: float = DEFAULTS["us_china"],
        russia_china: float = DEFAULTS["russia_china"],
        neutral_band: float = triangle.DEFAULT_NEUTRAL_BAND,
    ) -> tuple[str, str]:
        result = triangle.classify(us_russia, us_china, russia_china, neutral_band)
        values = dict(zip(triangle.LINES, (us_russia, us_china, russia_china), strict=True))
        for (a, b), score in values.items():
            color, style = LINE_STYLE[result.lines[f"{a}-{b}"]]
            line = self.lines[a, b]
            line.set_color(color)
            line.set_linestyle(style)
            line.set_linewidth(1.5 + 5 * abs(score))  # thicker for stronger feelings
        for actor, text in self.roles.items():
            text.set_text(result.roles[actor])
        self.pattern.set_text(f"Pattern: {result.kind}")
        shown = matching_preset(us_russia, us_china, russia_china)
        label = preset if preset != CUSTOM and preset == shown else None
        note = f"<b>{result.kind.capitalize()}.</b> {result.explanation}"
        if label is not None:
            note += f" <i>Why these scores for {label}:</i> {triangle.PRESETS[label].justification}"
        return describe(us_russia, us_china, russia_china, neutral_band), note


# ----------------------------------------------------------------------------- widget
class PresetView(LiveView):
    """A LiveView whose preset menu moves the score sliders with one redraw.

    Choosing a preset sets the three score sliders; moving a score slider away from the
    preset's values sets the menu back to "Custom". While one control moves the others,
    ``syncing`` is on and the view does not redraw; the change that started it then redraws
    once. (Observers run in the order they were registered, and ours are registered before
    the view's own.)
    """

    syncing = False

    def __init__(self, controls, chart, **kwargs) -> None:
        menu = controls["preset"]
        menu.observe(self._load_preset, names="value")
        for key in SCORES:
            controls[key].observe(self._release_preset, names="value")
        super().__init__(controls, chart, **kwargs)

    def update(self) -> None:
        if not self.syncing:
            super().update()

    def _load_preset(self, change: dict) -> None:
        if change["new"] == CUSTOM:
            return
        chosen = triangle.PRESETS[change["new"]]
        self.syncing = True
        try:
            for key in SCORES:
                self.controls[key].value = getattr(chosen, key)
        finally:
            self.syncing = False

    def _release_preset(self, _change: dict) -> None:
        menu = self.controls["preset"]
        if self.syncing or menu.value == CUSTOM:
            return
        if matching_preset(*(self.controls[key].value for key in SCORES)) != menu.value:
            self.syncing = True
            try:
                menu.value = CUSTOM
            finally:
                self.syncing = False


@register("strategic_triangle")
def strategic_triangle() -> LiveView:
    """A preset menu, three amity sliders and a neutral-band slider driving the diagram."""
    start = triangle.PRESETS[DEFAULT_PRESET]
    options = [("Custom (use the sliders)", CUSTOM), *[(n, n) for n in triangle.PRESETS]]
    controls = {
        "preset": dropdown("Preset (moves the sliders)", options, DEFAULT_PRESET),
        "us_russia": slider("US-Russia amity", -1.0, 1.0, 0.1, start.us_russia, ".1f"),
        "us_china": slider("US-China amity", -1.0, 1.0, 0.1, start.us_china, ".1f"),
        "russia_china": slider("Russia-China amity", -1.0, 1.0, 0.1, start.russia_china, ".1f"),
        "neutral_band": slider(
            "Neutral band (±, counted as enmity)", 0.0, 0.5, 0.05,
            triangle.DEFAULT_NEUTRAL_BAND, ".2f",
        ),
    }  # fmt: skip
    return PresetView(
        controls,
        TriangleChart(),
        title="The strategic triangle",
        description=(
            "Scores are judgements for debate, from -1 (enmity) to +1 (amity). Pick a "
            "historical preset or move the sliders. Before 1992 'Russia' means the USSR."
        ),
    )
