"""Lesson 07: the scenario lab (Russia's trade by partner, the model's chart and the dashboard).

The model is :mod:`utils.scenarios` and the questions asked of it are in
:mod:`utils.scenario_analysis`; this module only shows their numbers, it changes none.
"""

from __future__ import annotations

import html
from dataclasses import asdict
from functools import lru_cache
from typing import Any

import ipywidgets as widgets
import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from utils import data, live, scenario_analysis, scenarios
from utils.live import LiveChart, LiveView, register
from utils.scenarios import PRESETS
from utils.style import DARK_GREY, GREY, LIGHT_GREY, PALETTE, actor_color, figure

SOURCE = (
    data.source_line("cow_trade_v4", "imf_imts_2025", "un_comtrade_cipf_2026")
    + " Projection: utils.scenarios."
)
TITLE = "Scenario lab: Russia's trade by partner, data then projection"
#: The chart's lines: the model's column each draws, its scale and its name in the legend.
PLOTTED = {
    "CHN": ("china_share", 100, "China"),
    "EU": ("eu_share", 100, "EU27"),
    "USA": ("usa_share", 100, "USA"),
    "ROW": ("row_share", 100, "rest of the world"),
    "ratio": ("asymmetry_ratio", 1, "asymmetry ratio"),
}
FIRST_YEAR = 2000  #: the chart shows data from this year
LAST_YEAR = int(scenarios.LEVER_BOUNDS["end_year"][1])  #: the time axis ends at the last horizon
HORIZON = 2036  #: the article's "mid-2030s", marked on the time axis
RATIO_TOP = 20.0  #: top of the asymmetry panel (the sentence names values beyond it)
CUSTOM = "custom"  #: the preset dropdown once the levers match no preset
NO_COMPARISON = "none"  #: scenario B switched off


# ----------------------------------------------------------------------------- levers
#: Every lever of ScenarioParams, in the dashboard's rows: name -> (label, step, readout).
LEVER_ROWS = {
    "Growth of Russia's trade with each partner": {
        "growth_chn": ("Trade with China, growth a year", 0.005, ".1%"),
        "growth_eu": ("Trade with the EU27, growth a year", 0.005, ".1%"),
        "growth_usa": ("Trade with the USA, growth a year", 0.005, ".1%"),
        "growth_row": ("Trade with the rest of the world, growth a year", 0.005, ".1%"),
    },
    "Relations with the West": {
        "west_relations": ("Relations with the West", 0, ""),
        "rupture_year": ("Year of the rupture (if rupture)", 1, ""),
    },
    "Energy pivot and China's own trade": {
        "energy_pivot_usd_bn": ("Extra energy sales to China (USD bn a year)", 1.0, ".0f"),
        "pivot_start_year": ("Energy pivot starts in", 1, ""),
        "china_growth": ("China's total trade, growth a year", 0.005, ".1%"),
    },
    "Horizon, yardstick and band": {
        "base_year": ("Base year (last observed)", 0, ""),
        "end_year": ("End year (horizon)", 1, ""),
        "benchmark": ("Benchmark share (default: EU27 in 2013)", 0.005, ".1%"),
        "uncertainty": ("Band: size of yearly shocks (sd)", 0.005, ".1%"),
        "seed": ("Band: random seed", 1, ""),
    },
}
LEVERS = {name: spec for row in LEVER_ROWS.values() for name, spec in row.items()}
LEVER_NAMES = tuple(LEVERS)
WEST_LABELS = {
    "thaw": "thaw (EU/US trade +2 pp a year)",
    "status quo": "status quo (trends continue)",
    "deterioration": "deterioration (EU/US -3 pp a year)",
    "rupture": "rupture (a break, then worsening)",
}


def lever_values(params: scenarios.ScenarioParams) -> dict[str, Any]:
    """Control values for ``params``: a lever left to the data (None) shows its data value."""
    return asdict(scenarios.resolve(params))


_UNSET = scenarios.ScenarioParams()  # every lever at its default: None means "from the data"
#: The levers the model takes from the data when they are None, with their data values.
DATA_DEFAULTS = {k: v for k, v in lever_values(_UNSET).items() if getattr(_UNSET, k) is None}
#: The dashboard's starting values: the status quo, no scenario B, no band.
DEFAULTS = dict(compare=NO_COMPARISON, band=False, **lever_values(PRESETS["status quo"]))


def params_from_values(values: dict[str, Any]) -> scenarios.ScenarioParams:
    """The model's parameters for control values, or a ValueError a student understands. A
    value equal to its data default becomes None, so share strings say ``g_chn=data``."""
    base, end, rupture = values["base_year"], values["end_year"], values["rupture_year"]
    if all(isinstance(year, int) for year in (base, end, rupture)):
        if end <= base:
            raise ValueError(
                f"The end year ({end}) must come after the base year ({base}): "
                f"move the end year to {base + 1} or later."
            )
        if values["west_relations"] == "rupture" and not base < rupture <= end:
            raise ValueError(
                f"A rupture year of {rupture} does not fit: with base year {base} and end year "
                f"{end}, move the rupture year into {base + 1}-{end}."
            )
    levers = {name: values[name] for name in LEVER_NAMES}
    levers.update({name: None for name, value in DATA_DEFAULTS.items() if levers[name] == value})
    return scenarios.ScenarioParams(**levers)


def matching_preset(values: dict[str, Any]) -> str:
    """The preset whose levers equal ``values``, or :data:`CUSTOM`."""
    try:
        params = params_from_values(values)
    except (ValueError, TypeError):
        return CUSTOM
    return next((n for n, p in PRESETS.items() if p == params), CUSTOM)


@lru_cache(maxsize=len(PRESETS))
def preset_result(name: str) -> scenarios.ScenarioResult:
    """A preset's run (scenario B), computed once."""
    if name not in PRESETS:
        raise ValueError(f"compare={name!r} is not a preset: choose one of {list(PRESETS)}")
    return scenarios.run(PRESETS[name])


# ----------------------------------------------------------------------------- sentences
def describe(result, other=None, name_b: str = "Scenario B", band: bool = False) -> str:
    """One sentence with the chart's numbers (two with scenario B, one more with the band)."""
    base, end, year = result.params.base_year, result.params.end_year, result.crossing_year
    level = scenario_analysis.benchmark_phrase(result)
    reach = f"and does not reach {level}" if year is None else f"and reaches {level} in {year}"
    start = scenario_analysis.value_in(result, "china_share", base)
    share = scenario_analysis.end_value(result, "china_share")
    ratio = scenario_analysis.end_value(result, "asymmetry_ratio")
    beyond = f" (above the panel's top, {RATIO_TOP:.0f})" if ratio > RATIO_TOP else ""
    text = (
        f"China's share of Russia's trade goes from {start:.1%} in {base} to {share:.1%} in "
        f"{end} {reach}; the asymmetry ratio ends at {ratio:.1f}{beyond}."
    )
    if band:
        low, high = (scenario_analysis.end_value(result, f"china_share_p{q}") for q in (10, 90))
        text += f" Four in five simulated paths end between {low:.1%} and {high:.1%}."
    if other is not None:
        share = scenario_analysis.end_value(other, "china_share")
        level, year = scenario_analysis.benchmark_phrase(other), other.crossing_year
        when = f"without reaching {level}" if year is None else f"reaching {level} in {year}"
        text += f" {name_b} ends at {share:.1%} in {other.params.end_year}, {when}."
    return text


def summary_html(result, other=None, name_b="Scenario B", preset=None, params=None) -> str:
    """The readout under the chart: three numbers at the horizon, the crossing, scenario B,
    the preset's origin and the share string of ``params`` (default: the result's)."""
    s = scenario_analysis.summarise(result)
    word = "year" if s.years_without_alternative == 1 else "years"
    span = f"{s.crossing_year}" + (f"-{s.end_year}" if s.crossing_year != s.end_year else "")
    years = f"{word} with no alternative to China ({span})"
    if s.crossing_year is None:
        years = f"years with no alternative to China by {s.end_year} (no crossing)"
    cards = "".join(  # three cards: a big number over its label
        f"<div style='flex:1;min-width:170px;padding:6px 10px;background:#F5F5F5;"
        f"border-left:4px solid {actor_color('CHN')}'><div style='font-size:1.8em;"
        f"font-weight:bold;color:{DARK_GREY}'>{html.escape(value)}</div>"
        f"<div style='color:{DARK_GREY}'>{html.escape(label)}</div></div>"
        for value, label in [
            (f"{s.china_share:.1%}", f"China's share of Russia's trade, {s.end_year}"),
            (f"{s.asymmetry_ratio:.1f}x", f"asymmetry ratio, {s.end_year}"),
            (str(s.years_without_alternative), years),
        ]
    )
    crossing = html.escape(scenario_analysis.crossing_sentence(result))
    parts = [
        f"<div style='display:flex;gap:10px;flex-wrap:wrap'>{cards}</div>",
        f"<p style='margin:0.5em 0 0.2em 0'><b>{crossing}</b></p>",
    ]
    if other is not None:
        b = scenario_analysis.summarise(other)
        b_crossing = "no crossing" if b.crossing_year is None else f"crosses in {b.crossing_year}"
        b_text = (
            f"{name_b}: China {b.china_share:.1%} in {b.end_year}, asymmetry "
            f"{b.asymmetry_ratio:.1f}x, {b.years_without_alternative} years with no "
            f"alternative ({b_crossing})."
        )
        parts.append(f"<p style='margin:0.2em 0'>{html.escape(b_text)}</p>")
    if preset in PRESETS:
        name, origin = html.escape(preset), html.escape(scenarios.PRESET_ORIGINS[preset])
        parts.append(f"<p style='margin:0.2em 0'><i>Preset '{name}': from {origin}.</i></p>")
    share = html.escape(scenarios.share_string(params or result.params))
    parts.append(
        "<p style='margin:0.4em 0'>Share this scenario (copy the whole line): "
        f"<code style='user-select:all;word-break:break-all'>{share}</code></p>"
    )
    return "".join(parts)


# ----------------------------------------------------------------------------- the chart
def _columns(result: scenarios.ScenarioResult, first: int) -> dict[str, np.ndarray]:
    """The drawn columns of ``result.frame`` from year ``first`` on, with a NaN row in each gap
    of the years (2015) so that lines break there. NumPy, not pandas: this runs on every move."""
    years = result.frame["year"].to_numpy()
    keep = years >= first
    gaps = np.flatnonzero(np.diff(years[keep]) > 1) + 1
    drawn = ["year", "china_share_p10", "china_share_p90"] + [c for c, *_ in PLOTTED.values()]
    return {c: np.insert(result.frame[c].to_numpy(dtype=float)[keep], gaps, np.nan) for c in drawn}


class ScenarioChart(LiveChart):
    """Shares of the partner groups (top) and the asymmetry ratio (bottom): data, then on grey
    the projection (scenario A solid, B dashed, China's band shaded). The axes never move."""

    def __init__(self) -> None:
        self.fig, (top, low) = figure(
            TITLE, SOURCE, nrows=2, sharex=True, size=(8.5, 6), height_ratios=(2.4, 1)
        )
        self.top, self.low = top, low
        top.set_ylabel("% of Russia's goods trade")
        top.set_title("Shares of Russia's trade (exports + imports)", loc="left", fontsize=11)
        ratio = "Asymmetry: China's share of Russia's trade / Russia's share of China's"
        low.set(xlabel="Year", ylabel="ratio (x)")
        low.set_title(ratio, loc="left", fontsize=11)
        # Fixed limits: a lever never needs a full redraw (the sentence names larger ratios).
        top.set(xlim=(FIRST_YEAR - 0.5, LAST_YEAR + 0.5), ylim=(0, 100))
        low.set_ylim(0, RATIO_TOP)
        self.shade, self.seam = [], []
        for ax in (top, low):
            ax.axvline(HORIZON, color=GREY, linestyle=":", linewidth=1)
            self.shade.append(ax.axvspan(2019, 2037, color=LIGHT_GREY, alpha=0.6, lw=0))
            self.seam.append(ax.axvline(2019, color=GREY, linestyle="--", linewidth=1))
        text = {"va": "top", "fontsize": 9, "color": DARK_GREY}
        top.text(HORIZON + 0.3, 97, "mid-2030s", **text)
        self.label = top.text(2019.3, 97, "projection", style="italic", **text)
        self.band = top.fill_between([], [], color=actor_color("CHN"), alpha=0.2, lw=0)
        self.bench = top.axhline(44, color=DARK_GREY, linestyle=":", linewidth=1.5)
        dashed = {"linewidth": 1.5, "linestyle": (0, (4, 2))}
        self.lines: dict[str, Line2D] = {}
        for code, (_, _, label) in PLOTTED.items():
            ax, color = (low, PALETTE["black"]) if code == "ratio" else (top, actor_color(code))
            (self.lines[f"A {code}"],) = ax.plot([], [], color=color, linewidth=2, label=label)
            (self.lines[f"B {code}"],) = ax.plot([], [], color=color, **dashed)
        (self.dot,) = top.plot([], [], "o", color=actor_color("CHN"), ms=8, mec="white")
        style = {"textcoords": "offset points", "ha": "right", "fontsize": 10, "fontweight": "bold"}
        self.dot_label = top.annotate("", (2030, 50), xytext=(-6, 8), color=DARK_GREY, **style)
        handles = top.get_legend_handles_labels()[0]  # the four groups' lines
        handles += [
            Line2D([], [], color=DARK_GREY, linestyle=":", lw=1.5, label="benchmark\n(for China)"),
            Line2D([], [], color=GREY, label="scenario B", **dashed),
            Patch(color=actor_color("CHN"), alpha=0.2, lw=0, label="China: 4 in 5\npaths (band)"),
        ]
        # Outside the axes, where the lines drawn over the static picture cannot cross it.
        top.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=9)
        self.animated = [*self.shade, *self.seam, self.label, self.band, self.bench]
        self.animated += [*self.lines.values(), self.dot, self.dot_label]
        self.params = self.result = self.other = None  # set by update (params as the levers say)

    def update(self, compare=NO_COMPARISON, band=False, preset=None, **levers):
        """Run the model and move the lines (``preset`` only names the preset in the summary)."""
        params = params_from_values(levers)
        result = scenarios.run(params)
        other = None if compare == NO_COMPARISON else preset_result(compare)
        base = result.params.base_year
        for shade, seam in zip(self.shade, self.seam, strict=True):
            shade.set_x(base)
            shade.set_width(LAST_YEAR + 1 - base)
            seam.set_xdata([base, base])
        self.label.set_x(base + 0.3)
        a = _columns(result, FIRST_YEAR)  # data to the base year, then the projection
        b = None if other is None else _columns(other, other.params.base_year)
        for scenario, columns in (("A", a), ("B", b)):
            for code, (column, scale, _) in PLOTTED.items():
                line = self.lines[f"{scenario} {code}"]
                line.set_visible(columns is not None)
                if columns is not None:
                    line.set_data(columns["year"], scale * columns[column])
        self.band.set_visible(band)
        if band:
            future = a["year"] >= base
            x, low, high = (a[k][future] for k in ("year", "china_share_p10", "china_share_p90"))
            outline = np.column_stack([np.r_[x, x[::-1]], 100 * np.r_[low, high[::-1]]])
            self.band.set_verts([outline])
        self.bench.set_ydata([100 * result.benchmark] * 2)
        crossed = result.crossing_year is not None
        self.dot.set_visible(crossed)
        self.dot_label.set_visible(crossed)
        if crossed:
            y = 100 * result.china_share_in(result.crossing_year)
            self.dot.set_data([result.crossing_year], [y])
            self.dot_label.xy = (result.crossing_year, y)
            self.dot_label.set_text(str(result.crossing_year))
        self.params, self.result, self.other = params, result, other
        name_b = f"Scenario B ({compare})"
        summary = summary_html(result, other, name_b, preset, params)
        return describe(result, other, name_b, band), summary


# ----------------------------------------------------------------------------- the dashboard
def _control(name: str, value: Any) -> widgets.ValueWidget:
    label, step, fmt = LEVERS[name]
    if name == "west_relations":
        return live.dropdown(label, [(WEST_LABELS[k], k) for k in scenarios.WEST_RELATIONS], value)
    if name == "base_year":
        return live.toggle_buttons(label, [(str(y), y) for y in scenarios.BASE_YEARS], value)
    low, high = scenarios.LEVER_BOUNDS[name]
    if name == "seed":  # any of 4 billion seeds: a number box, not a slider
        style = {"description_width": "initial"}
        return widgets.BoundedIntText(value, min=low, max=high, description=label, style=style)
    if isinstance(step, int):
        return live.int_slider(label, int(low), int(high), step, int(value))
    return live.slider(label, float(low), float(high), step, float(value), fmt)


class ScenarioLab(LiveView):
    """The dashboard: a preset sets every lever, and **Load** applies a pasted share string."""

    def __init__(self) -> None:
        self._hold, self._seen = False, {}
        names = [(name, name) for name in PRESETS]
        menu = [*names, ("custom (your settings)", CUSTOM)]
        controls = {
            "preset": live.dropdown("Preset (sets every lever)", menu, "status quo"),
            "compare": live.dropdown("Compare with scenario B", [("none", NO_COMPARISON), *names]),
            "band": live.toggle("Show uncertainty band", False),
            **{name: _control(name, DEFAULTS[name]) for name in LEVER_NAMES},
        }
        title = "Scenario lab: could Russia be left with no alternative to China?"
        intro = (
            "Pick a preset, then move any lever. Data up to the base year, the model's "
            "projection after it; the panel below gives three numbers for the end year."
        )
        super().__init__(controls, ScenarioChart(), title, intro, presenter=True)
        style, layout = {"description_width": "initial"}, widgets.Layout(width="560px")
        self.share_input = widgets.Text(description="Scenario string", style=style, layout=layout)
        self.share_input.placeholder = "paste a scenario string (v1;...;sum=...)"
        self.load_button = widgets.Button(description="Load", tooltip="Load the pasted scenario")
        self.load_button.on_click(lambda _button: self.load(self.share_input.value))
        self.load_status = widgets.HTML("")
        row = widgets.Layout(display="flex", flex_flow="row wrap", align_items="center")
        menus = [controls[name] for name in ("preset", "compare", "band")] + [self.presenter]
        parts = [self.header, widgets.Box(menus, layout=row), self.output, self.caption, self.note]
        for heading, levers in LEVER_ROWS.items():  # the levers in rows, each under its heading
            parts.append(widgets.HTML(f"<b>{html.escape(heading)}</b>"))
            parts.append(widgets.Box([controls[name] for name in levers], layout=row))
        share_row = widgets.HBox([self.share_input, self.load_button])
        self.widget.children = [*parts, share_row, self.load_status]

    def lever_values(self) -> dict[str, Any]:
        return {name: self.controls[name].value for name in LEVER_NAMES}

    def _quietly(self, values: dict[str, Any]) -> None:
        """Set controls without an update per control (the caller updates once)."""
        self._hold = True
        try:
            for name, value in values.items():
                self.controls[name].value = value
        finally:
            self._hold = False

    def update(self) -> None:
        """Keep the preset and the levers consistent, then draw once."""
        if self._hold:
            return
        values = self.values
        changed = {k for k, v in values.items() if k in self._seen and self._seen[k] != v}
        if "preset" in changed and values["preset"] in PRESETS:
            self._quietly(lever_values(PRESETS[values["preset"]]))
        elif changed & set(LEVER_NAMES):
            self._quietly({"preset": matching_preset(self.lever_values())})
        self._seen = self.values
        self.widget.layout.max_width = "none" if self.presenter.value else "1000px"
        super().update()

    @property
    def share(self) -> str:
        """The share string of the scenario on the chart."""
        return scenarios.share_string(self.chart.params)

    def load(self, text: str) -> bool:
        """Apply a share string to every lever; a bad string changes nothing and says why."""
        try:
            values = lever_values(scenarios.from_share_string(text))
        except (ValueError, TypeError) as exc:
            self.load_status.value = (
                f"<div role='alert' style='color:{PALETTE['vermillion']}'>&#9888; This scenario "
                f"string could not be loaded: {html.escape(str(exc))}. The chart still shows "
                "the current settings.</div>"
            )
            return False
        self._quietly({**values, "preset": matching_preset(values)})
        self.load_status.value = "<div role='status'>Scenario loaded.</div>"
        self.update()
        return True


@register("scenario_lab")
def scenario_lab() -> ScenarioLab:
    """The scenario dashboard of lesson 07, starting from the status quo."""
    return ScenarioLab()
