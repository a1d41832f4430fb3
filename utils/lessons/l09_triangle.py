"""Lesson 09: the US-Russia-China strategic triangle (tables, charts and the widget).

The model is :mod:`utils.triangle`; its scores are teaching judgements, not measurements, and
every chart says so in its source line.
"""

from __future__ import annotations

import math

import numpy as np
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
#: Each kind of line: (colour, line style, legend entry). Style and width (strength of feeling)
#: keep the diagram readable in greyscale.
LINE_STYLE = {
    "amity": (PALETTE["bluish_green"], "-", "amity (above the neutral band)"),
    "enmity": (PALETTE["vermillion"], "--", "enmity (below the band)"),
    "neutral (counted as enmity)": (GREY, ":", "lukewarm (inside the band), counted as enmity"),
}
#: Who plays which role, per pattern; the fields are filled with the actors holding each role.
WHO = {
    "romantic triangle": "{pivot[0]} is the pivot",
    "stable marriage": "{partner[0]} and {partner[1]} are partners and {outcast[0]} is the outcast",
    "ménage à trois": "all three are friends",
    "unit veto": "all three are adversaries",
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
    chosen["label"] = chosen["event_id"].map(CONTEXT_EVENTS)
    chosen["category"] = chosen["category"].str.capitalize()
    return chosen.sort_values("date", kind="stable").reset_index(drop=True)


def presets_table() -> pd.DataFrame:
    """One row per preset of :data:`utils.triangle.PRESETS`, one column per line (-1 to +1)."""
    rows = {
        name: {"USA-Russia": p.us_russia, "USA-China": p.us_china, "Russia-China": p.russia_china}
        for name, p in triangle.PRESETS.items()
    }
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("preset")


def roles_table(neutral_band: float = triangle.DEFAULT_NEUTRAL_BAND) -> pd.DataFrame:
    """Pattern and each actor's role for every preset, classified by :mod:`utils.triangle`."""
    results = {name: preset.classify(neutral_band) for name, preset in triangle.PRESETS.items()}
    rows = {name: {"pattern": result.kind, **result.roles} for name, result in results.items()}
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("preset")


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


def describe(us_russia, us_china, russia_china, neutral_band=triangle.DEFAULT_NEUTRAL_BAND) -> str:
    """One sentence: the three scores, the pattern and who plays which role."""
    result = triangle.classify(us_russia, us_china, russia_china, neutral_band)
    holders = {role: [] for role in result.roles.values()}
    for actor, role in result.roles.items():
        holders[role].append("the USA" if actor == "USA" else actor)
    lines = ", ".join(result.neutral_lines)
    lukewarm = f" ({lines} within ±{neutral_band:.2f} of zero, counted as enmity)" if lines else ""
    return (
        f"With US-Russia {_score(us_russia)}, US-China {_score(us_china)} and Russia-China "
        f"{_score(russia_china)}, the triangle is a {result.kind}: "
        f"{WHO[result.kind].format(**holders)}{lukewarm}."
    )


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
    """Midpoint of the line a-b, pushed outwards from the triangle's centre (0, sqrt(3)/6)."""
    middle = (np.array(NODE_POSITIONS[a]) + NODE_POSITIONS[b]) / 2
    outwards = middle - (0, math.sqrt(3) / 6)
    return tuple(middle + offset * outwards / np.linalg.norm(outwards))


def _edge_to_edge(a: str, b: str, radius: float = 0.14) -> list[tuple[float, float]]:
    """xs and ys of the line a-b stopped ``radius`` short of both nodes (never under a circle)."""
    start, end = np.array(NODE_POSITIONS[a]), np.array(NODE_POSITIONS[b])
    step = radius * (end - start) / np.linalg.norm(end - start)
    return list(zip(start + step, end - step, strict=True))


class TriangleChart(LiveChart):
    """The triangle diagram: nodes, names and legend stay fixed; lines, roles and pattern change.

    The exact scores are in the description, not on the chart (the sliders show them).
    """

    def __init__(self) -> None:
        self.fig, ax = figure(
            "The strategic triangle: who is friendly with whom?", SOURCE, size=(8.5, 5.8)
        )
        ax.set_axis_off()
        ax.set(xlim=(-1.55, 1.55), ylim=(-0.62, 1.1))  # with the figure's shape: near equilateral
        self.lines = {}
        for a, b in triangle.LINES:
            (self.lines[a, b],) = ax.plot(*_edge_to_edge(a, b), solid_capstyle="round")
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
            Line2D([], [], color=color, linestyle=style, linewidth=2.5, label=label)
            for color, style, label in LINE_STYLE.values()
        ]
        ax.legend(handles=handles, loc="lower left", fontsize=9, handlelength=3)
        self.animated = [*self.lines.values(), *self.roles.values(), self.pattern]

    def update(self, preset, us_russia, us_china, russia_china, neutral_band) -> tuple[str, str]:
        result = triangle.classify(us_russia, us_china, russia_china, neutral_band)
        for (a, b), score in zip(triangle.LINES, (us_russia, us_china, russia_china), strict=True):
            color, style, _ = LINE_STYLE[result.lines[f"{a}-{b}"]]
            width = 1.5 + 5 * abs(score)  # thicker for stronger feelings
            self.lines[a, b].set(color=color, linestyle=style, linewidth=width)
        for actor, text in self.roles.items():
            text.set_text(result.roles[actor])
        self.pattern.set_text(f"Pattern: {result.kind}")
        note = (
            f"<b>{result.kind.capitalize()}.</b> {result.explanation} Neutral band: scores "
            f"within ±{neutral_band:.2f} of zero count as neutral (treated as enmity)."
        )
        if preset == matching_preset(us_russia, us_china, russia_china):  # sliders on its scores
            why = triangle.PRESETS[preset].justification
            note += f" <i>Why these scores for {preset}:</i> {why}"
        return describe(us_russia, us_china, russia_china, neutral_band), note


# ----------------------------------------------------------------------------- widget
class PresetView(LiveView):
    """A LiveView whose preset menu moves the score sliders with one redraw.

    A preset sets the sliders; moving a slider off the preset's values sets the menu to
    "Custom". Our observers run before the view's own, so ``syncing`` holds its redraw.
    """

    syncing = False

    def __init__(self, controls, chart, **kwargs) -> None:
        controls["preset"].observe(self._load_preset, names="value")
        for key in SCORES:
            controls[key].observe(self._release_preset, names="value")
        super().__init__(controls, chart, **kwargs)

    def update(self) -> None:
        if not self.syncing:
            super().update()

    def _set_quietly(self, **values) -> None:
        """Move other controls without a redraw: the change that started it redraws once."""
        self.syncing = True
        try:
            for name, value in values.items():
                self.controls[name].value = value
        finally:
            self.syncing = False

    def _load_preset(self, change: dict) -> None:
        if change["new"] != CUSTOM:
            chosen = triangle.PRESETS[change["new"]]
            self._set_quietly(**{key: getattr(chosen, key) for key in SCORES})

    def _release_preset(self, _change: dict) -> None:
        menu = self.controls["preset"].value
        scores = [self.controls[key].value for key in SCORES]
        if not self.syncing and menu != CUSTOM and matching_preset(*scores) != menu:
            self._set_quietly(preset=CUSTOM)


@register("strategic_triangle")
def strategic_triangle() -> LiveView:
    """A preset menu, three amity sliders and a neutral-band slider driving the diagram."""
    options = [("Custom (use the sliders)", CUSTOM), *[(n, n) for n in triangle.PRESETS]]
    controls = {"preset": dropdown("Preset (moves the sliders)", options, DEFAULT_PRESET)}
    for key, name in zip(SCORES, ("US-Russia", "US-China", "Russia-China"), strict=True):
        controls[key] = slider(f"{name} amity", -1.0, 1.0, 0.1, DEFAULTS[key], ".1f")
    band = "Neutral band (±, counted as enmity)"
    controls["neutral_band"] = slider(band, 0.0, 0.5, 0.05, DEFAULTS["neutral_band"], ".2f")
    return PresetView(
        controls,
        TriangleChart(),
        title="The strategic triangle",
        description=(
            "Scores are judgements for debate, from -1 (enmity) to +1 (amity). Pick a "
            "historical preset or move the sliders. Before 1992 'Russia' means the USSR."
        ),
    )
