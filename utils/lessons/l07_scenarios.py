"""Lesson 07: the scenario lab (a projection by hand, the lab's chart and the dashboard).

What is here, in the order the lesson uses it:

* :func:`turnover_bn`, :func:`trend_growth`, :func:`project`, :func:`first_year_at_or_above`:
  the few pandas/numpy steps of "a projection by hand" (the lesson writes them inline; the
  checks and tests use these copies).
* :class:`ScenarioChart`: the dashboard's figure, plain matplotlib. Top panel: the shares of
  China, the EU27, the USA and the rest of the world in Russia's goods trade, data up to the
  base year and the model's projection after it, the benchmark and the year China passes it.
  Bottom panel: the asymmetry ratio. Built once; ``update`` only moves data.
* :class:`ScenarioLab` (registered as ``scenario_lab``): the dashboard. A :class:`LiveView` plus
  what teachers rely on: presets that set every lever, scenario B for comparison, the
  uncertainty band, presenter mode, the summary readout and a share string that can be pasted
  back with **Load**.

The model is :mod:`utils.scenarios`; the questions asked of it are in
:mod:`utils.scenario_analysis`. Nothing here changes a number, it only shows them.
"""

from __future__ import annotations

import html
from functools import lru_cache
from typing import Any

import ipywidgets as widgets
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from utils import data, scenario_analysis, scenarios
from utils.live import (
    DPI,
    LiveChart,
    LiveView,
    dropdown,
    int_slider,
    register,
    slider,
    toggle,
    toggle_buttons,
)
from utils.style import DARK_GREY, GREY, LIGHT_GREY, PALETTE, actor_color, figure

SOURCE = (
    data.source_line("cow_trade_v4", "imf_imts_2025", "un_comtrade_cipf_2026")
    + " Projection: utils.scenarios."
)
TITLE = "Scenario lab: Russia's trade by partner, data then projection"
#: The four partner groups of the model, with the names the chart uses.
GROUP_NAMES = {"CHN": "China", "EU": "EU27", "USA": "USA", "ROW": "rest of the world"}
SHARE_COLUMNS = {"CHN": "china_share", "EU": "eu_share", "USA": "usa_share", "ROW": "row_share"}
FIRST_YEAR = 2000  #: the chart shows data from this year
LAST_YEAR = int(scenarios.LEVER_BOUNDS["end_year"][1])  #: the time axis ends at the last horizon
HORIZON = 2036  #: the article's "mid-2030s", marked on the time axis
RATIO_TOP = 20.0  #: top of the asymmetry panel (the sentence names values beyond it)
CUSTOM = "custom"  #: the preset dropdown once the levers match no preset
NO_COMPARISON = "none"  #: scenario B switched off


# ----------------------------------------------------------------------------- by hand
def turnover_bn() -> pd.DataFrame:
    """Russia's goods trade (exports + imports, USD bn) by partner, years as the index.

    Columns CHN, EU, USA, WLD and ROW (rest of the world = WLD - CHN - EU - USA).
    """
    trade = data.load("russia_trade_by_partner")
    trade["turnover"] = (trade["exports_usd_m"] + trade["imports_usd_m"]) / 1000
    wide = trade.pivot(index="year", columns="partner", values="turnover")
    wide["ROW"] = wide["WLD"] - wide[["CHN", "EU", "USA"]].sum(axis=1)
    return wide[["CHN", "EU", "USA", "ROW", "WLD"]]


def trend_growth(series: pd.Series, first: int = 2010, last: int = 2019) -> float:
    """Compound annual growth between two years, as a fraction (0.057 = 5.7% a year)."""
    return float((series.loc[last] / series.loc[first]) ** (1 / (last - first)) - 1)


def project(level: float, growth: float, base_year: int, years) -> np.ndarray:
    """``level`` in ``base_year`` grown at ``growth`` a year: level * (1 + growth)**(t - base)."""
    return level * (1 + growth) ** (np.asarray(years) - base_year)


def first_year_at_or_above(years, a, b) -> int | None:
    """The first of ``years`` in which ``a >= b`` (element by element), or None."""
    hits = np.asarray(years)[np.asarray(a) >= np.asarray(b)]
    return int(hits[0]) if hits.size else None


# ----------------------------------------------------------------------------- levers
#: Every lever of ScenarioParams: (label, step of its slider, readout format).
LEVERS: dict[str, tuple[str, float, str]] = {
    "growth_chn": ("Trade with China, growth a year", 0.005, ".1%"),
    "growth_eu": ("Trade with the EU27, growth a year", 0.005, ".1%"),
    "growth_usa": ("Trade with the USA, growth a year", 0.005, ".1%"),
    "growth_row": ("Trade with the rest of the world, growth a year", 0.005, ".1%"),
    "west_relations": ("Relations with the West", 0, ""),
    "rupture_year": ("Year of the rupture (if rupture)", 1, ""),
    "energy_pivot_usd_bn": ("Extra energy sales to China (USD bn a year)", 1.0, ".0f"),
    "pivot_start_year": ("Energy pivot starts in", 1, ""),
    "china_growth": ("China's total trade, growth a year", 0.005, ".1%"),
    "base_year": ("Base year (last observed)", 0, ""),
    "end_year": ("End year (horizon)", 1, ""),
    "benchmark": ("Benchmark share (default: EU27 in 2013)", 0.005, ".1%"),
    "uncertainty": ("Band: size of yearly shocks (sd)", 0.005, ".1%"),
    "seed": ("Band: random seed", 1, ""),
}
LEVER_NAMES = tuple(LEVERS)
_FROM_DATA = ("growth_chn", "growth_eu", "growth_usa", "growth_row", "china_growth", "benchmark",
              "uncertainty")  # fmt: skip
_WEST_LABELS = {
    "thaw": "thaw (EU/US trade +2 pp a year)",
    "status quo": "status quo (trends continue)",
    "deterioration": "deterioration (EU/US -3 pp a year)",
    "rupture": "rupture (a break, then worsening)",
}
_GROUPS = (
    ("Growth of Russia's trade with each partner", LEVER_NAMES[:4]),
    ("Relations with the West", ("west_relations", "rupture_year")),
    ("Energy pivot and China's own trade", ("energy_pivot_usd_bn", "pivot_start_year",
                                            "china_growth")),
    ("Horizon, yardstick and band", ("base_year", "end_year", "benchmark", "uncertainty", "seed")),
)  # fmt: skip


@lru_cache(maxsize=1)
def data_defaults() -> dict[str, float]:
    """What each lever left to the data (``None`` in the model) is: 2010-2019 trends etc."""
    resolved = scenarios.resolve(scenarios.ScenarioParams())
    return {name: float(getattr(resolved, name)) for name in _FROM_DATA}


def lever_values(params: scenarios.ScenarioParams) -> dict[str, Any]:
    """Control values for ``params``; a lever left to the data shows its data value."""
    return {
        name: data_defaults()[name] if getattr(params, name) is None else getattr(params, name)
        for name in LEVER_NAMES
    }


def params_from_values(values: dict[str, Any]) -> scenarios.ScenarioParams:
    """The model's parameters for control values, or a ValueError a student understands.

    A value equal to its data default becomes ``None`` ("from the data"), so share strings
    stay short (``g_chn=data``) and a preset is recognised after a round trip.
    """
    base, end, rupture = values["base_year"], values["end_year"], values["rupture_year"]
    if isinstance(end, int) and isinstance(base, int) and end <= base:
        raise ValueError(
            f"The end year ({end}) must come after the base year ({base}): "
            f"move the end year to {base + 1} or later."
        )
    if values["west_relations"] == "rupture" and isinstance(rupture, int):
        if isinstance(end, int) and isinstance(base, int) and not base < rupture <= end:
            raise ValueError(
                f"A rupture year of {rupture} does not fit: with base year {base} and end year "
                f"{end}, move the rupture year into {base + 1}-{end}."
            )
    kwargs = {name: values[name] for name in LEVER_NAMES}
    for name in _FROM_DATA:
        if kwargs[name] == data_defaults()[name]:
            kwargs[name] = None
    return scenarios.ScenarioParams(**kwargs)


def matching_preset(values: dict[str, Any]) -> str:
    """The preset whose levers equal ``values``, or :data:`CUSTOM`."""
    try:
        params = params_from_values(values)
    except (ValueError, TypeError):
        return CUSTOM
    return next((n for n, p in scenarios.PRESETS.items() if p == params), CUSTOM)


@lru_cache(maxsize=len(scenarios.PRESETS))
def preset_result(name: str) -> scenarios.ScenarioResult:
    """A preset's run (scenario B), computed once."""
    if name not in scenarios.PRESETS:
        raise ValueError(
            f"compare={name!r} is not a preset: choose one of {list(scenarios.PRESETS)}"
        )
    return scenarios.run(scenarios.PRESETS[name])


#: The dashboard's starting values: the status quo, no scenario B, no band.
DEFAULTS: dict[str, Any] = {
    "compare": NO_COMPARISON,
    "band": False,
    **lever_values(scenarios.PRESETS["status quo"]),
}


# ----------------------------------------------------------------------------- sentences
def _pct(value: float) -> str:
    return f"{100 * value:.1f}%"


def describe(
    result: scenarios.ScenarioResult,
    other: scenarios.ScenarioResult | None = None,
    label_b: str = "",
    band: bool = False,
) -> str:
    """One sentence with the chart's numbers (two with scenario B, one more with the band)."""
    p = result.params
    start = scenario_analysis.value_in(result, "china_share", p.base_year)
    end = scenario_analysis.end_value(result, "china_share")
    level = scenario_analysis.benchmark_phrase(result)
    crossing = (
        f"and does not reach {level}"
        if result.crossing_year is None
        else f"and reaches {level} in {result.crossing_year}"
    )
    ratio = scenario_analysis.end_value(result, "asymmetry_ratio")
    beyond = f" (above the panel's top, {RATIO_TOP:.0f})" if ratio > RATIO_TOP else ""
    text = (
        f"China's share of Russia's trade goes from {_pct(start)} in {p.base_year} to "
        f"{_pct(end)} in {p.end_year} {crossing}; the asymmetry ratio ends at {ratio:.1f}{beyond}."
    )
    if band:
        low = scenario_analysis.end_value(result, "china_share_p10")
        high = scenario_analysis.end_value(result, "china_share_p90")
        text += f" Four in five simulated paths end between {_pct(low)} and {_pct(high)}."
    if other is not None:
        name = f"Scenario B ({label_b})" if label_b else "Scenario B"
        b_level = scenario_analysis.benchmark_phrase(other)
        when = (
            f"without reaching {b_level}"
            if other.crossing_year is None
            else f"reaching {b_level} in {other.crossing_year}"
        )
        b_end = _pct(scenario_analysis.end_value(other, "china_share"))
        text += f" {name} ends at {b_end} in {other.params.end_year}, {when}."
    return text


def _card(value: str, label: str) -> str:
    return (
        f"<div style='flex:1;min-width:170px;padding:6px 10px;background:#F5F5F5;"
        f"border-left:4px solid {actor_color('CHN')}'>"
        f"<div style='font-size:1.8em;font-weight:bold;color:{DARK_GREY}'>{html.escape(value)}"
        f"</div><div style='color:{DARK_GREY}'>{html.escape(label)}</div></div>"
    )


def summary_html(
    result: scenarios.ScenarioResult,
    other: scenarios.ScenarioResult | None = None,
    label_b: str = "",
    preset: str | None = None,
    params: scenarios.ScenarioParams | None = None,
) -> str:
    """The readout under the chart: three numbers at the horizon, the crossing sentence,
    scenario B's numbers, where the preset (if any) comes from, and the share string of
    ``params`` (default: the result's, with every lever filled in). All rounded for people,
    all escaped."""
    s = scenario_analysis.summarise(result)
    word = "year" if s.years_without_alternative == 1 else "years"
    span = f"{s.crossing_year}" + (f"-{s.end_year}" if s.crossing_year != s.end_year else "")
    years = (
        f"years with no alternative to China by {s.end_year} (no crossing)"
        if s.crossing_year is None
        else f"{word} with no alternative to China ({span})"
    )
    cards = (
        _card(_pct(s.china_share), f"China's share of Russia's trade, {s.end_year}")
        + _card(f"{s.asymmetry_ratio:.1f}x", f"asymmetry ratio, {s.end_year}")
        + _card(str(s.years_without_alternative), years)
    )
    parts = [
        f"<div style='display:flex;gap:10px;flex-wrap:wrap'>{cards}</div>",
        "<p style='margin:0.5em 0 0.2em 0'><b>"
        + html.escape(scenario_analysis.crossing_sentence(result))
        + "</b></p>",
    ]
    if other is not None:
        b = scenario_analysis.summarise(other)
        crossing = "no crossing" if b.crossing_year is None else f"crosses in {b.crossing_year}"
        name = f"Scenario B ({label_b})" if label_b else "Scenario B"
        parts.append(
            "<p style='margin:0.2em 0'>"
            + html.escape(
                f"{name}: China {_pct(b.china_share)} in {b.end_year}, asymmetry "
                f"{b.asymmetry_ratio:.1f}x, {b.years_without_alternative} years with no "
                f"alternative ({crossing})."
            )
            + "</p>"
        )
    if preset in scenarios.PRESETS:
        parts.append(
            f"<p style='margin:0.2em 0'><i>Preset '{html.escape(preset)}': from "
            f"{html.escape(scenarios.PRESET_ORIGINS[preset])}.</i></p>"
        )
    parts.append(
        "<p style='margin:0.4em 0'>Share this scenario (copy the whole line): "
        "<code style='user-select:all;word-break:break-all'>"
        f"{html.escape(scenarios.share_string(params or result.params))}</code></p>"
    )
    return "".join(parts)


# ----------------------------------------------------------------------------- the chart
def _columns(result: scenarios.ScenarioResult, first: int, names) -> dict[str, np.ndarray]:
    """NumPy columns of ``result.frame`` from year ``first`` on, with a NaN row in each gap of
    the years (2015), so that lines break there instead of bridging it.

    Plain arrays, not pandas selections: this runs on every move of a slider.
    """
    years = result.frame["year"].to_numpy()
    keep = years >= first
    gaps = np.flatnonzero(np.diff(years[keep]) > 1) + 1
    out = {"year": np.insert(years[keep].astype(float), gaps, np.nan)}
    for name in names:
        out[name] = np.insert(result.frame[name].to_numpy(dtype=float)[keep], gaps, np.nan)
    return out


_DRAWN = (*SHARE_COLUMNS.values(), "asymmetry_ratio", "china_share_p10", "china_share_p90")


class ScenarioChart(LiveChart):
    """Shares of the four partner groups (top) and the asymmetry ratio (bottom), 2000-2050.
    Data up to the base year, then on a grey background the model's projection: scenario A
    solid (continuing the data), scenario B dashed, China's band shaded. The axes never move,
    so every update is drawn by blitting."""

    def __init__(self) -> None:
        self.fig, (top, low) = figure(
            TITLE, SOURCE, nrows=2, ncols=1, sharex=True, size=(8.5, 6.0),
            gridspec_kw={"height_ratios": (2.4, 1)},
        )  # fmt: skip
        self.top, self.low = top, low
        top.set_ylabel("% of Russia's goods trade")
        low.set_ylabel("ratio (x)")
        low.set_xlabel("Year")
        top.set_title("Shares of Russia's trade (exports + imports)", loc="left", fontsize=11)
        low.set_title(
            "Asymmetry: China's share of Russia's trade / Russia's share of China's",
            loc="left", fontsize=11,
        )  # fmt: skip
        # Fixed limits: moving a lever never needs a full redraw (values beyond the ratio's
        # top are named in the sentence under the chart).
        top.set_xlim(FIRST_YEAR - 0.5, LAST_YEAR + 0.5)
        top.set_ylim(0, 100)
        low.set_ylim(0, RATIO_TOP)
        for ax in (top, low):
            ax.axvline(HORIZON, color=GREY, linestyle=":", linewidth=1)
        top.text(HORIZON + 0.3, 97, "mid-2030s", va="top", fontsize=9, color=DARK_GREY)
        self.shade = [
            ax.axvspan(2019, 2037, color=LIGHT_GREY, alpha=0.6, lw=0) for ax in (top, low)
        ]
        self.seam = [ax.axvline(2019, color=GREY, linestyle="--", linewidth=1) for ax in (top, low)]
        self.label = top.text(2019.3, 97, "projection", va="top", fontsize=9, style="italic",
                              color=DARK_GREY)  # fmt: skip
        self.band = top.fill_between([], [], color=actor_color("CHN"), alpha=0.2, lw=0)
        self.bench = top.axhline(44, color=DARK_GREY, linestyle=":", linewidth=1.5)
        self.lines: dict[str, Line2D] = {}
        dashed = {"linewidth": 1.5, "linestyle": (0, (4, 2))}
        for code in GROUP_NAMES:
            (self.lines[f"A {code}"],) = top.plot([], [], color=actor_color(code), linewidth=2)
            (self.lines[f"B {code}"],) = top.plot([], [], color=actor_color(code), **dashed)
        (self.lines["A ratio"],) = low.plot([], [], color=PALETTE["black"], linewidth=2)
        (self.lines["B ratio"],) = low.plot([], [], color=PALETTE["black"], **dashed)
        (self.dot,) = top.plot([], [], "o", color=actor_color("CHN"), markersize=8,
                               markeredgecolor="white")  # fmt: skip
        self.dot_label = top.annotate("", (2030, 50), xytext=(-6, 8), textcoords="offset points",
                                      ha="right", fontsize=10, fontweight="bold",
                                      color=DARK_GREY)  # fmt: skip
        handles = [
            Line2D([], [], color=actor_color(c), lw=2, label=n) for c, n in GROUP_NAMES.items()
        ]
        handles += [
            Line2D([], [], color=DARK_GREY, linestyle=":", lw=1.5, label="benchmark\n(for China)"),
            Line2D([], [], color=GREY, label="scenario B", **dashed),
            Patch(color=actor_color("CHN"), alpha=0.2, lw=0, label="China: 4 in 5\npaths (band)"),
        ]
        # Outside the axes: projected lines are drawn on top of the static picture, so a
        # legend inside could be crossed by them.
        top.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=9)
        self.animated = [*self.shade, *self.seam, self.label, self.band, self.bench,
                         *self.lines.values(), self.dot, self.dot_label]  # fmt: skip
        self._by_dpi: dict = {}  # resolution -> (static background, what it was drawn for)
        self.params: scenarios.ScenarioParams | None = None  # as set: None = from the data
        self.result: scenarios.ScenarioResult | None = None
        self.other: scenarios.ScenarioResult | None = None

    def png(self, dpi: float = DPI) -> bytes:
        """As :meth:`LiveChart.png`, keeping one static background per resolution, so that
        presenter mode (a larger resolution) redraws everything only the first time it is
        switched on or off, not on every switch during a demo."""
        if self._drawn_for is not None and self._drawn_for[0] != dpi:
            self._by_dpi[self._drawn_for[0]] = (self._background, self._drawn_for)
            self._background, self._drawn_for = self._by_dpi.get(dpi, (None, None))
        return super().png(dpi)

    def update(self, compare=NO_COMPARISON, band=False, preset=None, **levers):
        """Run the model for the levers and move the lines. ``preset`` (the dropdown) only
        names the preset in the summary; the view is what sets the levers from it."""
        params = params_from_values(levers)
        result = scenarios.run(params)
        other = None if compare == NO_COMPARISON else preset_result(compare)
        base = result.params.base_year
        for shade, seam in zip(self.shade, self.seam, strict=True):
            shade.set_x(base)
            shade.set_width(LAST_YEAR + 1 - base)
            seam.set_xdata([base, base])
        self.label.set_x(base + 0.3)
        a = _columns(result, FIRST_YEAR, _DRAWN)  # data to the base year, then projection
        for code, column in SHARE_COLUMNS.items():
            self.lines[f"A {code}"].set_data(a["year"], 100 * a[column])
        self.lines["A ratio"].set_data(a["year"], a["asymmetry_ratio"])
        for key in ("B CHN", "B EU", "B USA", "B ROW", "B ratio"):
            self.lines[key].set_visible(other is not None)
        if other is not None:
            b = _columns(other, other.params.base_year, _DRAWN)
            for code, column in SHARE_COLUMNS.items():
                self.lines[f"B {code}"].set_data(b["year"], 100 * b[column])
            self.lines["B ratio"].set_data(b["year"], b["asymmetry_ratio"])
        self.band.set_visible(band)
        if band:
            future = a["year"] >= base
            x = a["year"][future]
            low, high = a["china_share_p10"][future], a["china_share_p90"][future]
            self.band.set_verts(
                [np.column_stack([np.r_[x, x[::-1]], 100 * np.r_[low, high[::-1]]])]
            )
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
        label_b = "" if other is None else compare
        summary = summary_html(result, other, label_b, preset, params)
        return describe(result, other, label_b, band), summary


# ----------------------------------------------------------------------------- the dashboard
def _control(name: str, value: Any) -> widgets.ValueWidget:
    label, step, fmt = LEVERS[name]
    if name == "west_relations":
        return dropdown(label, [(_WEST_LABELS[k], k) for k in scenarios.WEST_RELATIONS], value)
    if name == "base_year":
        return toggle_buttons(label, [(str(y), y) for y in scenarios.BASE_YEARS], value)
    if name == "seed":  # any of 4 billion seeds: a number box, not a slider
        low, high = scenarios.LEVER_BOUNDS["seed"]
        return widgets.BoundedIntText(value=value, min=low, max=high, description=label,
                                      style={"description_width": "initial"})  # fmt: skip
    low, high = scenarios.LEVER_BOUNDS[name]
    if isinstance(step, int):
        return int_slider(label, int(low), int(high), step, int(value))
    return slider(label, float(low), float(high), step, float(value), fmt)


class ScenarioLab(LiveView):
    """The dashboard: a :class:`LiveView` of :class:`ScenarioChart` whose preset dropdown sets
    every lever, and whose levers turn the preset into "custom" (or back into the preset they
    match). Below the summary, a box takes a share string and **Load** applies it.
    """

    def __init__(self, preset: str = "status quo") -> None:
        if preset not in scenarios.PRESETS:
            raise ValueError(f"preset must be one of {list(scenarios.PRESETS)}, got {preset!r}")
        self._hold, self._seen = True, {}
        values = lever_values(scenarios.PRESETS[preset])
        names = list(scenarios.PRESETS)
        presets = list(zip(names, names, strict=True))
        controls = {
            "preset": dropdown("Preset (sets every lever)",
                               [*presets, ("custom (your settings)", CUSTOM)], preset),
            "compare": dropdown("Compare with scenario B", [("none", NO_COMPARISON), *presets]),
            "band": toggle("Show uncertainty band", False),
            **{name: _control(name, values[name]) for name in LEVER_NAMES},
        }  # fmt: skip
        super().__init__(
            controls, ScenarioChart(), presenter=True,
            title="Scenario lab: could Russia be left with no alternative to China?",
            description="Pick a preset, then move any lever. Data up to the base year, the "
            "model's projection after it; the panel below gives three numbers for the end year.",
        )  # fmt: skip
        self.share_input = widgets.Text(
            placeholder="paste a scenario string (v1;...;sum=...)", description="Scenario string",
            style={"description_width": "initial"}, layout=widgets.Layout(width="560px"),
        )  # fmt: skip
        self.load_button = widgets.Button(description="Load", tooltip="Load the pasted scenario")
        self.load_button.on_click(lambda _button: self.load(self.share_input.value))
        self.load_status = widgets.HTML("")
        c = self.controls
        row = widgets.Layout(display="flex", flex_flow="row wrap", align_items="center")
        groups = []
        for heading, group in _GROUPS:
            groups += [widgets.HTML(f"<b>{html.escape(heading)}</b>"),
                       widgets.Box([c[n] for n in group], layout=row)]  # fmt: skip
        self.widget.children = (
            self.header,
            widgets.Box([c["preset"], c["compare"], c["band"], self.presenter], layout=row),
            self.output, self.caption, self.note, *groups,
            widgets.HBox([self.share_input, self.load_button]), self.load_status,
        )  # fmt: skip
        self._hold = False
        self.update()

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
        """Keep preset and levers consistent, then draw once (the view's update)."""
        if self._hold:
            return
        values = self.values
        changed = {k for k, v in values.items() if k in self._seen and self._seen[k] != v}
        if "preset" in changed and values["preset"] in scenarios.PRESETS:
            self._quietly(lever_values(scenarios.PRESETS[values["preset"]]))
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
            params = scenarios.from_share_string(text)
        except (ValueError, TypeError) as exc:
            self.load_status.value = (
                f"<div role='alert' style='color:{PALETTE['vermillion']}'>&#9888; This scenario "
                f"string could not be loaded: {html.escape(str(exc))}. The chart still shows "
                "the current settings.</div>"
            )
            return False
        self._quietly(lever_values(params))
        self._quietly({"preset": matching_preset(self.lever_values())})
        self.load_status.value = "<div role='status'>Scenario loaded.</div>"
        self.update()
        return True


@register("scenario_lab")
def scenario_lab() -> ScenarioLab:
    """The scenario dashboard of lesson 07, starting from the status quo."""
    return ScenarioLab("status quo")
