"""Charts for the scenario lab (lesson 07) and the look back at what happened (lesson 11).

Why a topic module: the scenario dashboard redraws on every control change and must answer
within 100 ms, so its figure is built here, in house style, with its caption written from the
same numbers that are drawn (the caption then cannot disagree with the chart). The model lives
in :mod:`utils.scenarios`; the questions asked of it in :mod:`utils.scenario_analysis`.

Three things every scenario chart shows:

* **A seam between data and projection.** Observed years are drawn as they were; from the
  base year on, a light band and a dashed line mark what is assumed, not measured.
* **The yardstick.** The EU's share of Russia's trade in 2013 (the dependence Russia defied
  in 2014) is a dotted line, and the year China's projected share reaches it is marked.
* **Two sides of dependence.** Besides the shares, one small panel shows how concentrated
  Russia's trade is across the four partner groups (HHI) and another the asymmetry ratio
  (China's weight for Russia over Russia's weight for China).

How it stays fast: drawing a three-panel matplotlib figure from scratch takes several hundred
milliseconds, most of it axes, ticks and text that do not change when a lever moves. So the
static part (axes, history, labels, legend, source) is drawn once per *layout* and kept as a
pixel background; each update restores it and draws only the scenario lines on top ("blitting",
the technique of matplotlib's animation module), then encodes the PNG. Layouts are few (scale,
base year, horizon) and cached. The returned
:class:`RenderedChart` carries the finished PNG; its ``figure`` is the shared layout figure, so
callers must not modify it.

Public API: :class:`RenderedChart`, :func:`scenario_source`, :func:`scenario_chart`,
:func:`describe_scenario`, :func:`summary_html`, :func:`actual_shares_chart`,
:func:`outcomes_chart`, :func:`pipeline_comparison`, :func:`power_of_siberia_chart`.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

import numpy as np
import pandas as pd
from matplotlib import transforms
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Polygon
from matplotlib.ticker import FuncFormatter, MaxNLocator

from utils import data, scenario_analysis, scenarios
from utils.plotting import bar_chart, line_chart
from utils.plotting.blit import BlitLayout, LayoutCache, RenderedChart, clear_layouts  # noqa: F401 (re-exported for tests)
from utils.plotting.style import (
    ACTOR_COLORS,
    DARK_GREY,
    DPI,
    GREY,
    LIGHT_GREY,
    PALETTE,
    WHITE,
    Chart,
    font_sizes,
    style_axes,
)

#: First year drawn: the lab shows history from 2000, then the projection.
FIRST_YEAR = 2000
#: Right ends of the time axis: the article's horizon, or the longest horizon allowed.
X_ENDS = (2036, int(scenarios.LEVER_BOUNDS["end_year"][1]))
#: Tables behind the model: Russia's trade by partner (COW, IMF) and China's total trade.
SCENARIO_SOURCE_IDS = ("cow_trade_v4", "imf_imts_2025", "un_comtrade_cipf_2026")
#: Figure size in inches at scale 1 (960 x 620 px at 100 dpi).
FIGURE_SIZE = (9.6, 6.2)
#: Colours of the presets in lesson 11 (none is an actor colour, so data stay distinct).
PRESET_COLORS = {
    "status quo": PALETTE["black"],
    "deterioration with the West": PALETTE["orange"],
    "stabilised ties with the West": PALETTE["blue"],
    "what happened": PALETTE["reddish_purple"],
}
#: Fixed y-ranges of the small panels, so that moving a lever never needs a new layout. HHI
#: over four groups lies in [0.25, 1] by construction; the asymmetry ratio was 5-9 in the
#: data, and a projection above the range is named in an "off scale" note.
HHI_RANGE = (0.25, 1.0)
RATIO_RANGE = (0.0, 20.0)
#: Layouts kept in memory (each holds a figure and its background, ~5-10 MB).
MAX_LAYOUTS = 6

_SHARES = (("china_share", "CHN"), ("eu_share", "EU"), ("usa_share", "USA"))
_LABELS = {"CHN": "China", "EU": "EU27", "USA": "USA"}
_NICE_STEPS = (1.0, 1.5, 2.0, 3.0, 5.0, 7.5)


def _pct(value: float) -> str:
    return f"{100 * value:.1f}%"


def _title_and_source(fig, title: str, title_y: float, sizes: dict) -> None:
    """Figure-level title (top left) and source line (bottom left) for multi-panel layouts."""
    fig.text(
        0.01,
        title_y,
        title,
        ha="left",
        va="top",
        fontsize=sizes["title"],
        fontweight="bold",
        color=DARK_GREY,
    )
    fig.text(
        0.01,
        0.012,
        scenario_source(),
        ha="left",
        va="bottom",
        fontsize=sizes["source"],
        color=DARK_GREY,
        gid="source",
    )


@lru_cache(maxsize=1)
def scenario_source() -> str:
    """Source line of every scenario chart: the data behind the model, and the model."""
    line = data.source_line(*SCENARIO_SOURCE_IDS)
    return line + " Projection: utils.scenarios."


def _check_scale(scale: object) -> float:
    if isinstance(scale, bool) or not isinstance(scale, int | float) or not 0.5 <= scale <= 3:
        raise ValueError(f"scale must be a number between 0.5 and 3, got {scale!r}")
    return float(scale)


def _check_result(name: str, result: object, optional: bool = False):
    if result is None and optional:
        return None
    if not isinstance(result, scenarios.ScenarioResult):
        raise TypeError(f"{name} must be a ScenarioResult, got {type(result).__name__}")
    return result


def _check_bool(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be True or False, got {value!r}")
    return value


def nice_ceiling(value: float) -> float:
    """Smallest "round" number (1, 1.5, 2, 3, 5, 7.5 times a power of ten) >= ``value``.

    Used for y-axis tops, so that small changes of a lever keep the same axis (and the same
    cached layout). ``nice_ceiling(8.6) == 10.0``, ``nice_ceiling(0.52) == 0.75``.
    """
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        raise ValueError(f"value must be a positive number, got {value!r}")
    if not math.isfinite(value):
        raise ValueError(f"value must be finite, got {value!r}")
    power = 10.0 ** math.floor(math.log10(value))
    for step in (*_NICE_STEPS, 10.0):
        if step * power >= value * (1 - 1e-12):
            return step * power
    return 10.0 * power  # pragma: no cover - the loop always returns


# ----------------------------------------------------------------------------- description
def describe_scenario(
    result: scenarios.ScenarioResult,
    compare: scenarios.ScenarioResult | None = None,
    label_b: str = "",
) -> str:
    """One sentence (two with a comparison) stating what the scenario chart shows.

    E.g. "China's share of Russia's trade goes from 16.5% in 2019 to 33.0% in 2036 and does
    not reach the 2013 EU level (44.2%); the asymmetry ratio ends at 6.6."
    """
    result = _check_result("result", result)
    compare = _check_result("compare", compare, optional=True)
    p = result.params
    start = scenario_analysis.value_in(result, "china_share", p.base_year)
    end = scenario_analysis.value_in(result, "china_share", p.end_year)
    ratio = scenario_analysis.end_value(result, "asymmetry_ratio")
    level = scenario_analysis.benchmark_phrase(result)
    if result.crossing_year is None:
        crossing = f"and does not reach {level}"
    else:
        crossing = f"and reaches {level} in {result.crossing_year}"
    text = (
        f"China's share of Russia's trade goes from {_pct(start)} in {p.base_year} to "
        f"{_pct(end)} in {p.end_year} {crossing}; the asymmetry ratio ends at {ratio:.1f}."
    )
    if compare is not None:
        q = compare.params
        b_level = scenario_analysis.benchmark_phrase(compare)
        when = (
            f"without reaching {b_level}"
            if compare.crossing_year is None
            else f"reaching {b_level} in {compare.crossing_year}"
        )
        name = f"Scenario B ({label_b})" if label_b else "Scenario B"
        b_end = _pct(scenario_analysis.end_value(compare, "china_share"))
        text += f" {name} ends at {b_end} in {q.end_year}, {when}."
    return text


# ----------------------------------------------------------------------------- the lab figure
def _on_years(frame: pd.DataFrame, column: str, years: np.ndarray) -> np.ndarray:
    """Values of ``column`` on a full run of ``years``; absent years (2015) become NaN."""
    return frame.set_index("year")[column].reindex(years).to_numpy(dtype=float)


def _shade(ax, start: float, end: float, scale: float, label: bool) -> None:
    ax.axvspan(start, end, color=LIGHT_GREY, alpha=0.5, linewidth=0, zorder=0)
    ax.axvline(start, color=GREY, linestyle="--", linewidth=1.0 * scale, zorder=1)
    if label:
        blended = transforms.blended_transform_factory(ax.transData, ax.transAxes)
        ax.text(
            start,
            0.98,
            " projection",
            transform=blended,
            ha="left",
            va="top",
            fontsize=font_sizes(scale)["tick"] * 0.9,
            style="italic",
            color=DARK_GREY,
        )


def _panel_title(ax, text: str, scale: float) -> None:
    # An explicit y turns off matplotlib's automatic title placement, which measures every
    # tick label of the axes on each draw.
    ax.set_title(text, loc="left", y=1.02, fontsize=font_sizes(scale)["label"], color=DARK_GREY)


def _year_axis(ax, last: int) -> None:
    ax.set_xlim(FIRST_YEAR - 0.5, last + 0.5)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=6, integer=True, steps=[1, 2, 5, 10]))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:.0f}"))


@lru_cache(maxsize=1)
def _observed() -> pd.DataFrame:
    return scenarios.observed()


def _build_lab_layout(scale: float, base_year: int, x_end: int) -> BlitLayout:
    """Figure, static history and empty animated artists for one layout key."""
    sizes = font_sizes(scale)
    width = 2.0 * scale
    fig = Figure(figsize=(FIGURE_SIZE[0] * scale, FIGURE_SIZE[1] * scale), dpi=DPI, facecolor=WHITE)
    FigureCanvasAgg(fig)
    grid = fig.add_gridspec(
        2,
        2,
        height_ratios=(1.55, 1.0),
        left=0.07,
        right=0.80,
        top=0.875,
        bottom=0.125,
        hspace=0.55,
        wspace=0.22,
    )
    top, left, right = (
        fig.add_subplot(grid[0, :]),
        fig.add_subplot(grid[1, 0]),
        fig.add_subplot(grid[1, 1]),
    )
    for ax in (top, left, right):
        style_axes(ax, scale)
        _year_axis(ax, x_end)
        _shade(ax, base_year, x_end + 0.5, scale, label=ax is top)
    _title_and_source(
        fig,
        f"Scenario lab: Russia's trade partners, data to {base_year}, then projection",
        0.985,
        sizes,
    )

    history = _observed()
    history = history[(history["year"] >= FIRST_YEAR) & (history["year"] <= base_year)]
    years = np.arange(FIRST_YEAR, base_year + 1)
    artists: dict[str, object] = {}
    band = Polygon(
        np.zeros((3, 2)),
        closed=True,
        facecolor=ACTOR_COLORS["CHN"],
        alpha=0.22,
        linewidth=0,
        animated=True,
        zorder=2,
    )
    top.add_patch(band)
    artists["band"] = band
    for column, code in _SHARES:
        top.plot(
            years,
            _on_years(history, column, years) * 100,
            color=ACTOR_COLORS[code],
            linewidth=width,
            label=_LABELS[code],
            zorder=3,
        )
        (artists[f"a_{code}"],) = top.plot(
            [], [], color=ACTOR_COLORS[code], linewidth=width, animated=True, zorder=3
        )
        (artists[f"b_{code}"],) = top.plot(
            [],
            [],
            color=ACTOR_COLORS[code],
            linewidth=width * 0.75,
            linestyle=(0, (4, 2)),
            animated=True,
            zorder=4,
        )
    top.set_ylim(0, 100)
    top.yaxis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 5, 10]))
    top.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:.0f}%"))
    _panel_title(top, "Share of Russia's goods trade (exports + imports), %", scale)
    top.legend(
        frameon=False,
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        borderaxespad=0,
        fontsize=sizes["legend"],
        labelcolor=DARK_GREY,
    )
    (artists["bench_line"],) = top.plot(
        [], [], color=GREY, linestyle=":", linewidth=1.6 * scale, animated=True, zorder=1
    )
    (artists["cross_marker"],) = top.plot(
        [],
        [],
        marker="o",
        markersize=8 * scale,
        color=ACTOR_COLORS["CHN"],
        markeredgecolor=WHITE,
        linestyle="none",
        animated=True,
        zorder=5,
    )
    artists["cross_text"] = top.annotate(
        "",
        xy=(base_year, 0),
        xytext=(-7 * scale, 7 * scale),
        textcoords="offset points",
        ha="right",
        fontsize=sizes["tick"],
        color=DARK_GREY,
        fontweight="bold",
        animated=True,
        zorder=6,
    )
    # The key is static text (drawn once per layout): per-update text is the slowest thing
    # to draw, so the numbers it would show are in the caption and the summary panel instead.
    fig.text(
        0.815,
        0.70,
        "Dotted line: benchmark (the\nEU's share in 2013 unless\nchanged); "
        "dot: year China\npasses it.\nDashed: scenario B, if\nchosen. Shaded: China's\n"
        "10th-90th percentile, if\nshown.",
        ha="left",
        va="top",
        fontsize=sizes["legend"] * 0.8,
        color=DARK_GREY,
        linespacing=1.3,
    )

    panels = (
        (left, "hhi", "Concentration of partners (HHI)", HHI_RANGE, "{:.2f}"),
        (right, "asymmetry_ratio", "Asymmetry ratio (x)", RATIO_RANGE, "{:g}"),
    )
    for ax, column, title, (lower, upper), fmt in panels:
        ax.plot(
            years,
            _on_years(history, column, years),
            color=PALETTE["bluish_green"],
            linewidth=width,
            zorder=3,
        )
        (artists[f"a_{column}"],) = ax.plot(
            [], [], color=PALETTE["bluish_green"], linewidth=width, animated=True, zorder=3
        )
        (artists[f"b_{column}"],) = ax.plot(
            [],
            [],
            color=PALETTE["bluish_green"],
            linewidth=width * 0.75,
            linestyle=(0, (4, 2)),
            animated=True,
            zorder=4,
        )
        ax.set_ylim(lower, upper)
        ax.yaxis.set_major_locator(MaxNLocator(nbins=4, steps=[1, 2, 2.5, 5, 10]))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos, f=fmt: f.format(v)))
        _panel_title(ax, title, scale)
    artists["off_scale"] = right.text(
        0.99,
        0.97,
        "",
        transform=right.transAxes,
        ha="right",
        va="top",
        fontsize=sizes["tick"] * 0.9,
        color=DARK_GREY,
        animated=True,
        zorder=6,
    )
    fig.text(
        0.815,
        0.335,
        "HHI: 0.25 = trade spread\nevenly over China, EU,\nUSA and the rest; "
        "1 = one\npartner.\nAsymmetry: China's share\nof Russia's trade over\n"
        "Russia's share of China's.",
        ha="left",
        va="top",
        fontsize=sizes["legend"] * 0.8,
        color=DARK_GREY,
        linespacing=1.3,
    )
    return BlitLayout(fig, artists, _LAB_ORDER)


_LAB_ORDER = (
    "band",
    "bench_line",
    "a_CHN",
    "a_EU",
    "a_USA",
    "b_CHN",
    "b_EU",
    "b_USA",
    "cross_marker",
    "cross_text",
    "a_hhi",
    "b_hhi",
    "a_asymmetry_ratio",
    "b_asymmetry_ratio",
    "off_scale",
)
_LAB_LAYOUTS = LayoutCache(_build_lab_layout, MAX_LAYOUTS)


def _columns(result: scenarios.ScenarioResult, names: Sequence[str], first: int) -> dict:
    """NumPy arrays of ``year`` and ``names`` for the years from ``first`` on.

    Plain arrays, not pandas selections: this runs on every redraw, where pandas indexing
    overhead would cost more than the drawing.
    """
    frame = result.frame
    years = frame["year"].to_numpy()
    keep = years >= first
    out = {"year": years[keep].astype(float)}
    for name in names:
        out[name] = frame[name].to_numpy(dtype=float)[keep]
    return out


_DRAWN = ("china_share", "eu_share", "usa_share", "hhi", "asymmetry_ratio")


def _lab_key(result, compare, scale: float) -> tuple:
    """Layouts differ only by scale, base year and horizon: a handful, all cacheable."""
    last = max(r.params.end_year for r in (result, compare) if r is not None)
    x_end = next(end for end in X_ENDS if last <= end)
    return (scale, result.params.base_year, x_end)


def scenario_chart(
    result: scenarios.ScenarioResult,
    compare: scenarios.ScenarioResult | None = None,
    band: bool = False,
    scale: float = 1.0,
    label_b: str = "",
) -> RenderedChart:
    """The lab's figure: shares (top), concentration and asymmetry (bottom), 2000 to the end.

    ``compare`` adds scenario B's projection as dashed lines in every panel; ``band`` adds the
    model's 10th-90th percentile band around China's projected share (seeded, so
    reproducible); ``scale`` enlarges the figure and every font together (presenter mode uses
    1.4). The time axis ends in 2036, or in 2050 when a horizon goes beyond 2036.
    """
    result = _check_result("result", result)
    compare = _check_result("compare", compare, optional=True)
    scale = _check_scale(scale)
    _check_bool("band", band)
    if not isinstance(label_b, str):
        raise TypeError(f"label_b must be a str (the name of scenario B), got {label_b!r}")
    a = _columns(result, (*_DRAWN, "china_share_p10", "china_share_p90"), result.params.base_year)
    b = None if compare is None else _columns(compare, _DRAWN, compare.params.base_year)
    layout = _LAB_LAYOUTS.get(*_lab_key(result, compare, scale))
    art = layout.artists
    for column, code in _SHARES:
        art[f"a_{code}"].set_data(a["year"], a[column] * 100)
    for column in ("hhi", "asymmetry_ratio"):
        art[f"a_{column}"].set_data(a["year"], a[column])
    art["band"].set_visible(band)
    if band:
        x = np.r_[a["year"], a["year"][::-1]]
        y = np.r_[a["china_share_p10"], a["china_share_p90"][::-1]] * 100
        art["band"].set_xy(np.column_stack([x, y]))
    for name in ("b_CHN", "b_EU", "b_USA", "b_hhi", "b_asymmetry_ratio"):
        art[name].set_visible(b is not None)
    if b is not None:
        for column, code in _SHARES:
            art[f"b_{code}"].set_data(b["year"], b[column] * 100)
        for column in ("hhi", "asymmetry_ratio"):
            art[f"b_{column}"].set_data(b["year"], b[column])
    beyond = [
        (float(c["asymmetry_ratio"][-1]), int(c["year"][-1]), n)
        for n, c in (("A", a), ("B", b))
        if c is not None and float(np.nanmax(c["asymmetry_ratio"])) > RATIO_RANGE[1]
    ]
    art["off_scale"].set_visible(bool(beyond))
    art["off_scale"].set_text(
        "off scale: " + ", ".join(f"{n} {v:.0f}x in {y}" for v, y, n in beyond)
    )
    level = 100 * result.benchmark
    art["bench_line"].set_data([FIRST_YEAR - 0.5, X_ENDS[-1] + 0.5], [level, level])
    crossed = result.crossing_year is not None
    art["cross_marker"].set_visible(crossed)
    art["cross_text"].set_visible(crossed)
    if crossed:
        y = 100 * float(a["china_share"][a["year"] == result.crossing_year][0])
        art["cross_marker"].set_data([result.crossing_year], [y])
        art["cross_text"].xy = (result.crossing_year, y)
        art["cross_text"].set_text(str(result.crossing_year))
    return layout.chart(
        describe_scenario(result, compare, label_b),
        "Scenario lab: shares, concentration and asymmetry",
    )


# ----------------------------------------------------------------------------- summary panel
def _number_card(value: str, label: str, scale: float) -> str:
    return (
        "<div style='flex:1;min-width:170px;padding:6px 10px;border-left:4px solid "
        f"{ACTOR_COLORS['CHN']};background:#F5F5F5'>"
        f"<div style='font-size:{1.8 * scale:.2f}em;font-weight:bold;color:{DARK_GREY}'>"
        f"{html.escape(value)}</div>"
        f"<div style='font-size:{0.95 * scale:.2f}em;color:{DARK_GREY}'>{html.escape(label)}</div>"
        "</div>"
    )


def summary_html(
    result: scenarios.ScenarioResult,
    compare: scenarios.ScenarioResult | None = None,
    scale: float = 1.0,
    label_b: str = "",
) -> str:
    """The summary panel: three numbers in the end year, the crossing sentence, and B's numbers.

    The numbers come from :func:`utils.scenario_analysis.summarise`, the sentence from
    :func:`utils.scenario_analysis.crossing_sentence`; all text is HTML-escaped.
    """
    result = _check_result("result", result)
    compare = _check_result("compare", compare, optional=True)
    scale = _check_scale(scale)
    s = scenario_analysis.summarise(result)
    if s.crossing_year is None:
        years_label = f"years with no alternative to China by {s.end_year} (no crossing)"
    else:
        years_label = f"years with no alternative to China ({s.crossing_year}-{s.end_year})"
    cards = "".join(
        [
            _number_card(
                _pct(s.china_share), f"China's share of Russia's trade, {s.end_year}", scale
            ),
            _number_card(f"{s.asymmetry_ratio:.1f}x", f"asymmetry ratio, {s.end_year}", scale),
            _number_card(str(s.years_without_alternative), years_label, scale),
        ]
    )
    parts = [
        f"<div style='display:flex;gap:10px;flex-wrap:wrap;white-space:normal'>{cards}</div>",
        f"<p style='margin:0.5em 0 0.2em 0;font-size:{1.05 * scale:.2f}em;white-space:normal'><b>"
        + html.escape(scenario_analysis.crossing_sentence(result))
        + "</b></p>",
    ]
    if compare is not None:
        b = scenario_analysis.summarise(compare)
        crossing = "no crossing" if b.crossing_year is None else f"crosses in {b.crossing_year}"
        name = f"Scenario B ({label_b})" if label_b else "Scenario B"
        parts.append(
            f"<p style='margin:0.2em 0;font-size:{scale:.2f}em;white-space:normal'>"
            + html.escape(
                f"{name}: China {_pct(b.china_share)} in {b.end_year}, "
                f"asymmetry {b.asymmetry_ratio:.1f}x, {b.years_without_alternative} years "
                f"with no alternative ({crossing})."
            )
            + "</p>"
        )
    return "".join(parts)


# ----------------------------------------------------------------------------- lesson 11
def actual_shares_chart(first_year: int = 2010, scale: float = 1.0) -> Chart:
    """Observed shares of China, the EU and the USA in Russia's trade, ``first_year``-2024."""
    shares = scenario_analysis.actual_shares(first_year)
    frame = 100 * shares.rename(columns=_LABELS)
    last = int(shares.index.max())
    china, eu = shares["CHN"], shares["EU"]
    description = (
        f"China's share of Russia's goods trade went from {_pct(china.loc[2019])} in 2019 to "
        f"{_pct(china.loc[last])} in {last}, while the EU's fell from {_pct(eu.loc[2019])} to "
        f"{_pct(eu.loc[last])}; values from 2022 are probably IMF estimates from partner data."
    )
    return line_chart(
        frame,
        "What happened: partners' shares of Russia's goods trade",
        "",
        "% of Russia's goods trade",
        data.source_line("cow_trade_v4", "imf_imts_2025"),
        description,
        colors={"China": "CHN", "EU27": "EU", "USA": "USA"},
        percent=100,
        scale=scale,
    )


OUTCOME_FIRST_YEAR = 2010
OUTCOME_LAST_YEAR = 2036


def _check_presets(presets: object) -> list[str]:
    if isinstance(presets, str) or not isinstance(presets, Sequence):
        raise TypeError(f"presets must be a list of preset names, got {presets!r}")
    names = list(presets)
    unknown = [n for n in names if n not in scenarios.PRESETS]
    if unknown:
        raise ValueError(f"unknown preset(s) {unknown}; choose from {list(scenarios.PRESETS)}")
    if len(set(names)) != len(names):
        raise ValueError(f"presets contains duplicates: {names}")
    return names


@lru_cache(maxsize=1)
def _preset_paths() -> dict[str, pd.DataFrame]:
    """Each preset run from 2019 to 2036 (rows from the base year; shares as fractions)."""
    paths = {}
    for name, params in scenarios.PRESETS.items():
        run = scenarios.run(replace(params, end_year=OUTCOME_LAST_YEAR), include_history=False)
        paths[name] = run.frame.set_index("year")[["china_share", "eu_share"]]
    return paths


def _build_outcome_layout(scale: float) -> BlitLayout:
    sizes = font_sizes(scale)
    width = 2.0 * scale
    fig = Figure(figsize=(9.0 * scale, 4.8 * scale), dpi=DPI, facecolor=WHITE)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.08, 0.16, 0.60, 0.70))
    style_axes(ax, scale)
    _year_axis(ax, OUTCOME_LAST_YEAR)
    ax.set_xlim(OUTCOME_FIRST_YEAR - 0.5, OUTCOME_LAST_YEAR + 0.5)
    _shade(ax, 2019, OUTCOME_LAST_YEAR + 0.5, scale, label=True)
    actual = scenario_analysis.actual_shares(OUTCOME_FIRST_YEAR)
    years = np.arange(OUTCOME_FIRST_YEAR, int(actual.index.max()) + 1)
    actual = actual.reindex(years)
    ax.plot(years, actual["CHN"] * 100, color=ACTOR_COLORS["CHN"], linewidth=width, zorder=5)
    artists: dict[str, object] = {}
    (artists["actual_EU"],) = ax.plot(
        years,
        actual["EU"] * 100,
        color=ACTOR_COLORS["EU"],
        linewidth=width,
        animated=True,
        zorder=5,
    )
    handles = [
        Line2D([], [], color=ACTOR_COLORS["CHN"], linewidth=width, label="China, actual"),
        Line2D([], [], color=ACTOR_COLORS["EU"], linewidth=width, label="EU27, actual"),
    ]
    highest = float(np.nanmax(actual[["CHN", "EU"]].to_numpy()))
    for name, path in _preset_paths().items():
        color = PRESET_COLORS[name]
        x = path.index.to_numpy(dtype=float)
        (artists[f"{name}|CHN"],) = ax.plot(
            x,
            path["china_share"] * 100,
            color=color,
            linewidth=width * 0.8,
            linestyle="--",
            animated=True,
            zorder=4,
        )
        (artists[f"{name}|EU"],) = ax.plot(
            x,
            path["eu_share"] * 100,
            color=color,
            linewidth=width * 0.8,
            linestyle=":",
            animated=True,
            zorder=4,
        )
        handles.append(
            Line2D([], [], color=color, linewidth=width * 0.8, linestyle="--", label=name)
        )
        highest = max(highest, float(path.to_numpy().max()))
    ax.set_ylim(0, nice_ceiling(highest * 100 * 1.05))
    ax.yaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 5, 10]))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:.0f}%"))
    ax.set_ylabel("% of Russia's goods trade", fontsize=sizes["label"], color=DARK_GREY)
    ax.legend(
        handles=handles,
        frameon=False,
        loc="upper left",
        bbox_to_anchor=(1.02, 1.0),
        borderaxespad=0,
        fontsize=sizes["legend"] * 0.9,
        labelcolor=DARK_GREY,
        title="Presets (projected from 2019)",
        title_fontsize=sizes["legend"] * 0.9,
    )
    ax.legend_.get_title().set_color(DARK_GREY)
    fig.text(
        0.70,
        0.30,
        "Projections: dashed = China,\ndotted = EU27.\n"
        "Actual values from 2022\nare probably IMF estimates.",
        ha="left",
        va="top",
        fontsize=sizes["legend"] * 0.85,
        color=DARK_GREY,
        linespacing=1.3,
    )
    _title_and_source(fig, "Scenarios from 2019 against what happened", 0.975, sizes)
    order = [f"{name}|{code}" for name in scenarios.PRESETS for code in ("CHN", "EU")]
    return BlitLayout(fig, artists, [*order, "actual_EU"])


_OUTCOME_LAYOUTS = LayoutCache(_build_outcome_layout, 2)


def outcomes_chart(
    presets: Sequence[str] = ("status quo", "deterioration with the West"),
    show_eu: bool = False,
    scale: float = 1.0,
) -> RenderedChart:
    """Observed China (and optionally EU) shares, 2010-2024, with chosen presets from 2019.

    Observed lines are solid in the actor colours; each preset is dashed in its colour
    (:data:`PRESET_COLORS`) for China and dotted for the EU (only with ``show_eu``). The
    description gives, for each preset shown, its projected China share in the last observed
    year next to the actual one.
    """
    names = _check_presets(presets)
    _check_bool("show_eu", show_eu)
    scale = _check_scale(scale)
    layout = _OUTCOME_LAYOUTS.get(scale)
    for name in scenarios.PRESETS:
        for code in ("CHN", "EU"):
            artist = layout.artists[f"{name}|{code}"]
            artist.set_visible(name in names and (code == "CHN" or show_eu))
    layout.artists["actual_EU"].set_visible(show_eu)
    actual = scenario_analysis.actual_shares(OUTCOME_FIRST_YEAR)
    last = int(actual.index.max())
    paths = _preset_paths()
    parts = [f"'{n}' {_pct(paths[n].loc[last, 'china_share'])}" for n in names]
    china = _pct(actual.loc[last, "CHN"])
    if parts:
        description = (
            f"For {last} the presets projected China's share at "
            + ", ".join(parts)
            + f"; the data give {china}."
        )
    else:
        description = f"China's actual share of Russia's trade reached {china} in {last}."
    if show_eu:
        eu_parts = [f"'{n}' {_pct(paths[n].loc[last, 'eu_share'])}" for n in names]
        eu = _pct(actual.loc[last, "EU"])
        description += f" The EU's actual share was {eu}" + (
            f" (projected: {', '.join(eu_parts)})." if eu_parts else "."
        )
    return layout.chart(description, "Scenarios from 2019 against what happened")


def pipeline_comparison() -> dict[str, float | int | str]:
    """Power of Siberia's latest volume against Russia's 2020 pipeline gas exports (BP).

    Returns ``latest_year``, ``latest_bcm``, ``latest_basis``, ``first_full_year_bcm`` (BP,
    2020), ``europe_2020_bcm``, ``world_2020_bcm`` and ``share_of_europe_2020`` (latest
    volume over 2020 pipeline exports to Europe). The latest year is the last in
    ``power_of_siberia.csv``; after 2021 only press-reported figures exist.
    """
    pos = data.load("power_of_siberia")
    latest_year = int(pos["year"].max())
    latest = pos[pos["year"] == latest_year].iloc[0]
    bp = pos[(pos["basis"] == "bp_statistical_review") & (pos["year"] == 2020)]
    energy = data.load("russia_energy_exports_2020").set_index("destination")["pipeline_gas_bcm"]
    europe, world = float(energy.loc["Europe"]), float(energy.loc["World"])
    return {
        "latest_year": latest_year,
        "latest_bcm": float(latest["volume_bcm"]),
        "latest_basis": str(latest["basis"]),
        "first_full_year_bcm": float(bp["volume_bcm"].iloc[0]),
        "europe_2020_bcm": europe,
        "world_2020_bcm": world,
        "share_of_europe_2020": float(latest["volume_bcm"]) / europe,
    }


_BASIS_LABELS = {
    "china_customs": "China customs",
    "bp_statistical_review": "BP Statistical Review",
    "press_reported": "press-reported",
}
_BASIS_COLORS = {"China customs": "CHN", "BP Statistical Review": "blue", "press-reported": "grey"}


def power_of_siberia_chart(scale: float = 1.0) -> Chart:
    """Power of Siberia deliveries by year, one bar per basis of the figure (bcm)."""
    pos = data.load("power_of_siberia")
    wide = pos.pivot_table(index="year", columns="basis", values="volume_bcm", aggfunc="sum")
    order = [b for b in _BASIS_LABELS if b in wide.columns]
    wide = wide[order].rename(columns=_BASIS_LABELS)
    wide.index = wide.index.astype(str)
    comparison = pipeline_comparison()
    basis = _BASIS_LABELS.get(str(comparison["latest_basis"]), str(comparison["latest_basis"]))
    description = (
        f"Deliveries grew from a first month in {int(pos['year'].min())} to "
        f"{comparison['latest_bcm']:.1f} bcm in {comparison['latest_year']} ({basis}), "
        f"{100 * comparison['share_of_europe_2020']:.0f}% of the "
        f"{comparison['europe_2020_bcm']:.1f} bcm Russia piped to Europe in 2020."
    )
    sources = list(dict.fromkeys(pos["source_id"]))
    return bar_chart(
        wide,
        "Power of Siberia: gas delivered to China",
        "",
        "bcm per year",
        data.source_line(*sources),
        description,
        colors={k: v for k, v in _BASIS_COLORS.items() if k in wide.columns},
        scale=scale,
    )
