"""Charts for lesson 05: Russian arms for China, and the joint exercises and patrols.

Why these charts: the article (paragraph 4) counts arms sales and joint drills as signs that
military cooperation "reached a new level", and paragraph 5 expects Russian arms to matter less
as China's own industry improves. Students test both with SIPRI's register of deliveries and
with our list of joint events. Each function returns a :class:`~utils.plotting.Chart` whose
description is computed from the plotted numbers, so the caption can never drift from the data.

Data helpers (pure, no plotting) come first so tests and widgets can check the numbers:
:func:`russia_to_china_tiv`, :func:`china_suppliers`, :func:`key_deals`,
:func:`filter_exercises`, :func:`exercise_summary`. Chart functions follow:
:func:`transfers_chart`, :func:`suppliers_chart`, :func:`exercise_timeline_chart`,
:func:`exercise_map_chart`.

A note on units: SIPRI's trend-indicator value (TIV) measures the *volume* of major weapons
delivered, priced on a fixed scale of production costs. It is not what the buyer paid, so TIV
must never be labelled as dollars (see :data:`TIV_NOTE`).
"""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache

import numpy as np
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.collections import PathCollection, PolyCollection
from matplotlib.text import Annotation
from matplotlib.ticker import FixedLocator, Formatter, FuncFormatter, ScalarFormatter
from matplotlib.transforms import ScaledTranslation

from utils import data
from utils.plotting import (
    DARK_GREY,
    DPI,
    GREY,
    LIGHT_GREY,
    PALETTE,
    WHITE,
    Chart,
    _format_value_axis,
    _format_year_axis,
    _number_formatter,
    _stack_legend,
    bar_chart,
    font_sizes,
    legend,
    new_chart,
)
from utils.plotting.blit import BlitLayout, LayoutCache, RenderedChart
from utils.plotting.style import source_artist, title_artist, wrap_source, wrap_title

__all__ = [
    "ALL",
    "DOMAINS",
    "EVENT_TYPES",
    "FIRST_YEAR",
    "HIGHLIGHT_EVENT",
    "NoMatchingEvents",
    "KEY_DEAL_COLOR",
    "LAST_YEAR",
    "MAIN_SUPPLIERS",
    "REGIONS",
    "REGION_ORDER",
    "TIV_NOTE",
    "TYPE_STYLE",
    "china_suppliers",
    "deals_delivered_in",
    "exercise_map_chart",
    "exercise_summary",
    "exercise_timeline_chart",
    "exercises",
    "filter_exercises",
    "key_deals",
    "no_events_chart",
    "russia_to_china_tiv",
    "supplier_shares",
    "suppliers_chart",
    "transfers_chart",
    "year_span",
]

#: One sentence on what a TIV is and is not (printed in the lesson, used in chart labels).
TIV_NOTE = (
    "A SIPRI trend-indicator value (TIV) measures the volume of major weapons delivered on a "
    "fixed price scale; it is not the price paid and cannot be compared with dollars."
)
#: Widget value meaning "no filter" for a dropdown.
ALL = "all"
#: Event types and domains as coded in ``data/joint_exercises.csv``.
EVENT_TYPES = ("exercise", "air patrol", "naval patrol")
DOMAINS = ("land", "sea", "air", "combined")
#: Years covered by the events table.
FIRST_YEAR, LAST_YEAR = 2005, 2023
#: Suppliers shown separately in the supplier chart; the rest are summed as "Others".
MAIN_SUPPLIERS = ("Russia", "France", "Ukraine")
#: The event the article singles out (paragraph 16): the first joint strategic bomber patrol.
HIGHLIGHT_EVENT = "2019_air_patrol_1"
#: Colour of the years with Su-35 / S-400 deliveries in :func:`transfers_chart`.
KEY_DEAL_COLOR = PALETTE["orange"]

#: Regions from west to east (roughly by longitude of their centre). The timeline draws one row
#: per region in this order, so an eastward or westward spread is visible at a glance. This is
#: an ordering for layout, not data: it places regions without coordinates (European Russia,
#: the Pacific patrol areas) sensibly too.
REGION_ORDER = (
    "Mediterranean",
    "Baltic Sea",
    "European Russia",
    "Southern Russia",
    "Volga/Urals",
    "Arabian Sea/Gulf of Oman",
    "Central Asia",
    "Northwest China",
    "South China Sea",
    "North China",
    "Russian Far East",
    "Yellow Sea",
    "Northeast China",
    "East China Sea",
    "Sea of Japan/East China Sea",
    "Sea of Japan",
    "Western Pacific",
    "North Pacific",
)
REGIONS = tuple(sorted(REGION_ORDER))

#: Where each region's label sits on the schematic map, relative to its points: (dx, dy in
#: points, horizontal alignment). Layout only: East Asian seas are close together, so their
#: labels are pushed apart by hand; regions not listed get a label centred above.
MAP_LABEL_OFFSETS = {
    "Yellow Sea": (-8, -9, "right"),
    "Northwest China": (-10, -3, "right"),
    "Volga/Urals": (-14, 8, "right"),
    "East China Sea": (-10, -6, "right"),
    "Sea of Japan/East China Sea": (10, -12, "left"),
    "Sea of Japan": (14, 6, "left"),
    "Northeast China": (10, 4, "left"),
    "North China": (-10, 4, "right"),
    "Russian Far East": (0, 10, "center"),
    "South China Sea": (0, -11, "center"),
}

#: Marker and colour per event type (shape differs too, so colour is not the only cue).
TYPE_STYLE = {
    "exercise": {"marker": "o", "color": PALETTE["blue"]},
    "air patrol": {"marker": "^", "color": PALETTE["vermillion"]},
    "naval patrol": {"marker": "s", "color": PALETTE["bluish_green"]},
}


class NoMatchingEvents(ValueError):
    """The filters are valid but select no event (or no event with a map position)."""


# ----------------------------------------------------------------------------- validation
def _check_year_range(years: object, lo: int, hi: int, name: str = "years") -> tuple[int, int]:
    """Return ``(first, last)`` after checking both are integers within ``lo..hi``."""
    if not isinstance(years, Sequence) or isinstance(years, str) or len(years) != 2:
        raise TypeError(f"{name} must be a (first, last) pair of years, got {years!r}")
    first, last = years
    for label, value in (("first", first), ("last", last)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{name}: the {label} year must be an int, got {value!r}")
        if not lo <= value <= hi:
            raise ValueError(f"{name}: the {label} year must lie in {lo}..{hi}, got {value}")
    if first > last:
        raise ValueError(f"{name}: the first year ({first}) is after the last year ({last})")
    return int(first), int(last)


def _check_choice(name: str, value: object, allowed: Sequence[str]) -> str:
    if value != ALL and value not in allowed:
        raise ValueError(f"{name} must be {ALL!r} or one of {list(allowed)}, got {value!r}")
    return str(value)


# ----------------------------------------------------------------------------- arms data
def russia_to_china_tiv(years: tuple[int, int] = (2000, 2023)) -> pd.Series:
    """Russian deliveries of major arms to China per year, SIPRI TIV millions (index: year)."""
    arms = data.load("arms_transfers_by_year")
    first, last = _check_year_range(
        years, int(arms["year"].min()), int(arms["year"].max()), "years"
    )
    pair = arms[(arms["supplier_iso3"] == "RUS") & (arms["recipient_iso3"] == "CHN")]
    series = pair.set_index("year")["tiv_m"].astype(float).sort_index()
    series.index = series.index.astype(int)
    series.name = "Russia to China (TIV m)"
    return series.loc[first:last]


def china_suppliers(years: tuple[int, int] = (2000, 2023)) -> pd.DataFrame:
    """China's arms imports by supplier and year (TIV millions): main suppliers + "Others".

    A supplier missing in a year delivered nothing that SIPRI records, so it counts as 0 (see
    the table's description in ``datapackage.json``).
    """
    arms = data.load("arms_transfers_by_year")
    first, last = _check_year_range(
        years, int(arms["year"].min()), int(arms["year"].max()), "years"
    )
    to_china = arms[arms["recipient_iso3"] == "CHN"].copy()
    to_china["group"] = to_china["supplier"].where(
        to_china["supplier"].isin(MAIN_SUPPLIERS), "Others"
    )
    # groupby + unstack gives what pivot_table gives here, in a third of the time (the
    # supplier widget calls this on every change)
    table = to_china.groupby(["year", "group"])["tiv_m"].sum().unstack(fill_value=0.0)
    table = table.reindex(columns=[*MAIN_SUPPLIERS, "Others"], fill_value=0.0).astype(float)
    table.index = table.index.astype(int)
    table.columns.name = None
    return table.loc[first:last]


def supplier_shares(table: pd.DataFrame, window: int = 1) -> pd.DataFrame:
    """Percent of each year's (or rolling window's) total per supplier; rows sum to 100.

    ``window`` > 1 sums TIV over the last ``window`` years before dividing, as SIPRI compares
    multi-year periods because single years swing with the timing of big deliveries.
    """
    summed = _rolling_sum(table, window)
    total = summed.sum(axis=1)
    if (total <= 0).any():
        raise ValueError("a year has no recorded arms imports, so shares are undefined")
    return summed.div(total, axis=0) * 100


def _rolling_sum(table: pd.DataFrame, window: int) -> pd.DataFrame:
    if isinstance(window, bool) or not isinstance(window, int):
        raise TypeError(f"window must be an int number of years, got {window!r}")
    if not 1 <= window <= 10:
        raise ValueError(f"window must lie in 1..10 years, got {window}")
    if window == 1:
        return table.copy()
    return table.rolling(window, min_periods=window).sum().dropna()


def key_deals() -> pd.DataFrame:
    """The Su-35 and S-400 orders from SIPRI's register, with TIV and SIPRI's price comment."""
    deals = data.load("arms_deals")
    key = deals[deals["key_deal"].notna()]
    columns = [
        "key_deal",
        "designation",
        "order_year",
        "number_ordered",
        "number_delivered",
        "delivery_years",
        "tiv_per_unit_m",
        "tiv_delivered_m",
        "comment",
    ]
    return key[columns].sort_values("key_deal", kind="stable").reset_index(drop=True)


def deals_delivered_in(years: tuple[int, int]) -> pd.DataFrame:
    """Russian orders with at least one SIPRI delivery year inside ``years`` (inclusive).

    Why: a yearly TIV total hides *what* is delivered. Listing the orders behind the recent
    years shows that most are engines, radars and other components for Chinese-built platforms.
    ``number_delivered`` counts the whole order's deliveries, not only those inside ``years``.
    """
    first, last = _check_year_range(years, 1992, 2023, "years")
    deals = data.load("arms_deals")

    def in_window(text: object) -> bool:
        found = [int(p) for p in str(text).split(";") if p.strip().isdigit()]
        return any(first <= y <= last for y in found)

    chosen = deals[deals["delivery_years"].map(in_window)]
    columns = ["order_year", "designation", "description", "number_delivered", "delivery_years"]
    return (
        chosen[columns]
        .sort_values(["order_year", "designation"], kind="stable")
        .reset_index(drop=True)
    )


def _key_deal_years() -> list[int]:
    """Delivery years of the Su-35 and S-400 orders, parsed from SIPRI's '2016; 2017' text."""
    years: set[int] = set()
    for text in key_deals()["delivery_years"]:
        years.update(int(part) for part in str(text).split(";") if part.strip())
    return sorted(years)


# ----------------------------------------------------------------------------- arms charts
def transfers_chart(years: tuple[int, int] = (2000, 2023), scale: float = 1.0) -> Chart:
    """Bars of Russia -> China deliveries per year; years with Su-35/S-400 deliveries in orange."""
    series = russia_to_china_tiv(years)
    deal_years = [y for y in _key_deal_years() if y in series.index]
    peak_year = int(series.idxmax())
    first, last = int(series.index[0]), int(series.index[-1])
    description = (
        f"Russian deliveries to China peaked at {series[peak_year]:,.0f} million TIV in "
        f"{peak_year} and were {series[last]:,.0f} million in {last}"
    )
    if deal_years:
        window = series.loc[deal_years[0] : deal_years[-1]]
        description += (
            f"; the Su-35 and S-400 deliveries lifted them to {window.max():,.0f} million in "
            f"{int(window.idxmax())}"
        )
    description += f" (orange bars: Su-35 or S-400 delivered; {first}-{last})."
    bars = series.copy()
    bars.index = [str(y) for y in bars.index]
    return bar_chart(
        bars,
        f"Russian deliveries of major arms to China, {first}-{last}",
        "",
        "SIPRI TIV, millions (volume, not USD)",
        data.source_line("sipri_at_deliveries_2025", "sipri_at_orders_2024"),
        description,
        colors={str(y): KEY_DEAL_COLOR for y in deal_years} if deal_years else PALETTE["blue"],
        size=(8, 4.2),
        scale=scale,
    )


#: Colours of the supplier stack (bottom to top), shared by the areas and the legend.
SUPPLIER_COLORS = {
    "Russia": PALETTE["blue"],
    "France": PALETTE["sky_blue"],
    "Ukraine": PALETTE["yellow"],
    "Others": GREY,
}
_SUPPLIERS_SIZE = (8, 4.2)
#: Longest rolling window the chart accepts (see :func:`_rolling_sum`).
_MAX_WINDOW = 10
#: Head room above the tallest stack, as matplotlib's default 5% axis margin gave.
_HEADROOM = 1.05


def _suppliers_title(window: int) -> str:
    period = f" ({window}-year rolling totals)" if window > 1 else ""
    return f"Who sells major arms to China?{period}"


def _suppliers_ylabel(measure: str) -> str:
    if measure == "share":
        return "% of China's arms imports (TIV)"
    return "SIPRI TIV, millions (volume, not USD)"


def _build_suppliers_layout(measure: str, first: int, last: int, scale: float) -> BlitLayout:
    """The supplier chart's figure for one measure and year span; the stack is animated.

    Static: the year axis (from ``first`` to ``last`` for every window, see
    :func:`suppliers_chart`), the legend, the source line and, for shares, the 0-100% axis.
    Animated: one polygon collection per supplier, the title (it names the window), the
    left and bottom spines (drawn over the stack, as matplotlib draws them) and, for volumes,
    the value axis, whose range follows the window (5-year totals are about five times
    larger than single years). Margins are sized for the largest volume any window can give.
    """
    fig, ax = new_chart(
        _suppliers_title(_MAX_WINDOW),
        "",
        _suppliers_ylabel(measure),
        data.source_line("sipri_at_deliveries_2025"),
        _SUPPLIERS_SIZE,
        scale=scale,
    )
    artists: dict[str, Artist] = {}
    for name, color in SUPPLIER_COLORS.items():
        areas = PolyCollection(
            [], facecolors=color, edgecolors=WHITE, linewidths=0.5 * scale, label=name, zorder=2
        )
        artists[f"area_{name}"] = ax.add_collection(areas, autolim=False)
    _format_year_axis(ax, pd.RangeIndex(first, last + 1))
    if last > first:
        ax.set_xlim(first, last)
    else:  # one year: a single bar with its year below
        ax.set_xlim(first - 0.5, last + 0.5)
        ax.xaxis.set_major_locator(FixedLocator([first]))
    if measure == "share":
        ax.set_ylim(0, 100 * _HEADROOM)
        _format_value_axis(ax.yaxis, np.array([100.0]), 100)
    else:
        tallest = _largest_rolling_total(china_suppliers((first, last)))
        ax.set_ylim(0, tallest * _HEADROOM)
        ax.yaxis.set_major_formatter(_volume_formatter(tallest))
        artists["value_axis"] = ax.yaxis
    _stack_legend(ax, scale)
    artists["left_spine"] = ax.spines["left"]
    artists["bottom_spine"] = ax.spines["bottom"]
    artists["title"] = title_artist(ax)
    return BlitLayout(fig, artists)


def _largest_rolling_total(table: pd.DataFrame) -> float:
    """The tallest stack any window can draw: every supplier is >= 0, so a longer window's
    largest total is never smaller, and the longest window allowed bounds them all."""
    totals = table.sum(axis=1)
    return float(totals.rolling(min(_MAX_WINDOW, len(totals))).sum().max())


def _volume_formatter(tallest: float) -> Formatter:
    """Thousands separators from 1,000 up, plain numbers below (as :func:`stacked_area`)."""
    return _number_formatter(np.array([tallest]), None) or ScalarFormatter(useOffset=False)


_SUPPLIER_LAYOUTS = LayoutCache(_build_suppliers_layout, size=4)


def _stack_polygons(years: np.ndarray, values: np.ndarray) -> list[list[np.ndarray]]:
    """Per column of ``values``, the polygons of its band in a stack (first column lowest).

    Runs of consecutive years become areas; a missing year leaves a gap across the stack,
    and a year alone between gaps becomes a thin bar (as :func:`utils.plotting.stacked_area`).
    """
    tops = np.cumsum(values, axis=1)
    bottoms = tops - values
    breaks = np.flatnonzero(np.diff(years) != 1) + 1
    runs = np.split(np.arange(len(years)), breaks)
    polygons: list[list[np.ndarray]] = [[] for _ in range(values.shape[1])]
    for run in runs:
        if len(run) == 1:
            x = float(years[run[0]])
            xs, run = np.array([x - 0.15, x + 0.15]), np.r_[run, run]
        else:
            xs = years[run].astype(float)
        for k, bands in enumerate(polygons):
            upper = np.column_stack([xs, tops[run, k]])
            lower = np.column_stack([xs[::-1], bottoms[run[::-1], k]])
            bands.append(np.concatenate([upper, lower]))
    return polygons


def suppliers_chart(
    measure: str = "share",
    window: int = 1,
    years: tuple[int, int] = (2000, 2023),
    scale: float = 1.0,
) -> RenderedChart:
    """China's arms imports by supplier, stacked: TIV volume or percent share.

    ``measure`` is ``"share"`` (percent of the total) or ``"volume"`` (TIV millions);
    ``window`` sums over that many years (a rolling total, labelled by its last year).

    The year axis always spans ``years``, whatever the window: a 5-year total first exists
    for the fifth year, so the stack starts there and the empty years before it show that.
    Why: the widget redraws only the stack when the window changes (see
    :mod:`utils.plotting.blit`), and a time axis that stays put lets students compare windows.
    """
    if measure not in ("share", "volume"):
        raise ValueError(f"measure must be 'share' or 'volume', got {measure!r}")
    table = china_suppliers(years)
    if window > len(table):
        raise ValueError(
            f"window must not exceed the {len(table)} years selected, got {window} years"
        )
    shares = supplier_shares(table, window)
    totals = _rolling_sum(table, window)
    frame = shares if measure == "share" else totals
    first, last = int(frame.index[0]), int(frame.index[-1])
    span = f"{window}-year totals ending in " if window > 1 else ""
    description = (
        f"Russia supplied {shares.loc[first, 'Russia']:.0f}% of China's arms imports in "
        f"{span}{first} and {shares.loc[last, 'Russia']:.0f}% in {last}, while the total "
        f"volume went from {totals.loc[first].sum():,.0f} to "
        f"{totals.loc[last].sum():,.0f} million TIV."
    )
    scale = _checked_scale(scale)
    layout = _SUPPLIER_LAYOUTS.get(measure, int(table.index[0]), int(table.index[-1]), scale)
    values = frame[list(SUPPLIER_COLORS)].to_numpy(dtype=float)
    polygons = _stack_polygons(frame.index.to_numpy(), values)
    for name, bands in zip(SUPPLIER_COLORS, polygons, strict=True):
        layout[f"area_{name}"].set_verts(bands)
    if measure == "volume":
        tallest = values.sum(axis=1)
        axes = layout.figure.axes[0]
        axes.set_ylim(0, float(tallest.max()) * _HEADROOM)
        axes.yaxis.set_major_formatter(_volume_formatter(float(tallest.max())))
    title = _suppliers_title(window)
    layout["title"].set_text(title)
    return layout.chart(description, title)


# ----------------------------------------------------------------------------- events data
def exercises() -> pd.DataFrame:
    """The joint-events table with a parsed ``start`` date (month-only dates -> the 1st)."""
    events = data.load("joint_exercises")
    events["start"] = [
        _parse_date(v, y) for v, y in zip(events["start_date"], events["year"], strict=True)
    ]
    return events


@lru_cache(maxsize=512)
def _parse_date(text: object, year: int) -> pd.Timestamp:
    """``YYYY-MM-DD`` or ``YYYY-MM``; an empty cell falls back to 1 July of the row's year."""
    if isinstance(text, str) and text:
        for fmt in ("%Y-%m-%d", "%Y-%m"):
            try:
                return pd.Timestamp(datetime.strptime(text, fmt))
            except ValueError:
                continue
        raise ValueError(f"start_date {text!r} is neither YYYY-MM-DD nor YYYY-MM")
    return pd.Timestamp(datetime(int(year), 7, 1))


def filter_exercises(
    event_type: str = ALL,
    domain: str = ALL,
    region: str = ALL,
    years: tuple[int, int] = (FIRST_YEAR, LAST_YEAR),
) -> pd.DataFrame:
    """Events matching every filter (``"all"`` = no filter); years inclusive.

    Raises ``ValueError`` naming the filters when nothing matches, because an empty chart
    would look like "no exercises happened" rather than "your filters exclude everything".
    """
    _check_choice("event_type", event_type, EVENT_TYPES)
    _check_choice("domain", domain, DOMAINS)
    _check_choice("region", region, REGIONS)
    first, last = _check_year_range(years, FIRST_YEAR, LAST_YEAR)
    events = exercises()
    mask = events["year"].between(first, last)
    for column, value in (("type", event_type), ("domain", domain), ("region", region)):
        if value != ALL:
            mask &= events[column] == value
    chosen = events[mask].sort_values(["start", "exercise_id"], kind="stable")
    if chosen.empty:
        raise NoMatchingEvents(
            f"No joint events match type={event_type}, domain={domain}, region={region}, "
            f"years {first}-{last}: widen a filter."
        )
    return chosen.reset_index(drop=True)


def year_span(first: int, last: int) -> str:
    """'2005-2020' for a span of years, or just '2017' when it is one year.

    >>> year_span(2005, 2020), year_span(2017, 2017)
    ('2005-2020', '2017')
    """
    return f"{first}" if first == last else f"{first}-{last}"


def exercise_summary(events: pd.DataFrame) -> str:
    """One sentence counting the events by type and region, e.g. for the widget's note."""
    if events.empty:
        raise ValueError("events is empty: nothing to count")
    counts = events["type"].value_counts()
    parts = [
        f"{int(counts[t])} {t}{'s' if counts[t] != 1 else ''}" for t in EVENT_TYPES if t in counts
    ]
    first, last = int(events["year"].min()), int(events["year"].max())
    regions = events["region"].nunique()
    noun = "event" if len(events) == 1 else "events"
    return (
        f"{len(events)} joint {noun} ({', '.join(parts)}) in {regions} "
        f"region{'s' if regions != 1 else ''}, {year_span(first, last)}."
    )


def _event_source(events: pd.DataFrame) -> str:
    return data.source_line(*sorted(set(events["source_id"])))


def _events_description(events: pd.DataFrame) -> str:
    text = exercise_summary(events).rstrip(".")
    located = events.dropna(subset=["lon"])
    if len(located) > 1 and located["lon"].max() > located["lon"].min():
        west = located.loc[located["lon"].idxmin()]
        east = located.loc[located["lon"].idxmax()]
        text += (
            f"; they reach from the {west['region']} ({int(west['year'])}) in the west to the "
            f"{east['region']} ({int(east['year'])}) in the east"
        )
    if HIGHLIGHT_EVENT in set(events["exercise_id"]):
        row = events[events["exercise_id"] == HIGHLIGHT_EVENT].iloc[0]
        text += f"; the first joint bomber patrol flew on {row['start']:%d %B %Y}"
    return text + "."


# ----------------------------------------------------------------------------- events charts
# The exercise filter redraws one of these charts on every change of a control, so they are
# drawn by blitting (see :mod:`utils.plotting.blit`): a layout per scale holds the frame, and
# only what depends on the selected events (markers, counts, the 2019 label, title, source
# line) is drawn per call. For that, the frame is the same for every selection:
#
# * the timeline has one row per region of :data:`REGION_ORDER` and a time axis over every
#   year of the table (the title names the years of the events shown);
# * the map spans and names every place of the table, like a printed map;
# * the events that the filters leave out stay as light grey markers ("not selected" in the
#   legend), so students see which part of the whole picture their selection is;
# * the legends list every event type that the chart can show.
#
# The figure therefore keeps its size too, so the notebook page does not jump while students
# click through the filters.

#: Figure sizes (inches at scale 1) of the timeline, the map and the placeholder.
_TIMELINE_SIZE = (8.5, 5.4)
_MAP_SIZE = (9, 4.6)
_NO_EVENTS_SIZE = (9, 3.2)
#: Text slots for the map's "x3" counts; a layout with more is built if a selection needs it.
_COUNT_SLOTS = 12
#: Where the two highlight labels sit relative to the July 2019 patrol (points), and their text.
#: The last item is the point of the label's box where the arrow starts (see :func:`_highlight`).
_TIMELINE_HIGHLIGHT = ((-40, 0), "right", "First joint bomber patrol, {:%d %b %Y}", (1, 0.5))
_MAP_HIGHLIGHT = ((0, -55), "center", "First joint bomber patrol\n{:%d %b %Y}", (0.5, 1))


def _checked_scale(scale: object) -> float:
    """``scale`` as a float, refused as :func:`~utils.plotting.new_chart` refuses it."""
    font_sizes(scale)  # raises ValueError for a scale outside 0.5..3
    return float(scale)


def _events_title(view: str, first: int, last: int) -> str:
    if view == "map":
        return f"Where the joint events took place, {year_span(first, last)} (schematic)"
    return f"Joint Russian-Chinese exercises and patrols, {year_span(first, last)}"


def _all_sources_line() -> str:
    """The longest possible source line of an events chart: layouts leave room for it."""
    return data.source_line(*sorted(set(exercises()["source_id"])))


def _set_title_and_source(layout: BlitLayout, title: str, source: str, width: float) -> None:
    """Set both texts, wrapped where :func:`new_chart` would wrap them."""
    layout["title"].set_text(wrap_title(title, width))
    layout["source"].set_text(wrap_source(source, width))


def _type_scatters(ax, types, size: float, scale: float, **style) -> dict[str, PathCollection]:
    """One empty scatter per event type, in the house marker and colour of that type."""
    return {
        event_type: ax.scatter(
            [],
            [],
            s=size * scale**2,
            marker=TYPE_STYLE[event_type]["marker"],
            color=TYPE_STYLE[event_type]["color"],
            edgecolors=WHITE,
            linewidths=0.6 * scale,
            label=event_type,
            zorder=3,
            **style,
        )  # fmt: skip
        for event_type in types
    }


#: Legend label of the grey markers that show the events the filters leave out.
NOT_SELECTED = "not selected"


def _ghosts(ax, places: dict[str, np.ndarray], size: float, scale: float) -> None:
    """Light grey markers at every event of the table (static), under the selected ones.

    Why: the frame shows the whole table, so the events left out by the filters are drawn
    too, faintly and with their type's shape; the selected events cover them in colour. One
    legend entry, :data:`NOT_SELECTED`, names them.
    """
    for n, (event_type, xy) in enumerate(places.items()):
        ax.scatter(
            xy[:, 0], xy[:, 1], s=size * scale**2, marker=TYPE_STYLE[event_type]["marker"],
            color=LIGHT_GREY, edgecolors=WHITE, linewidths=0.6 * scale, zorder=2.5,
            label=NOT_SELECTED if n == 0 else f"_{NOT_SELECTED}",
        )  # fmt: skip


def _highlight(ax, placement, scale: float) -> Annotation:
    """The (hidden) label with an arrow that points at the July 2019 bomber patrol.

    The arrow starts at the side of the label that faces the point (``placement[3]``), a few
    points off, rather than being clipped to the label's box by matplotlib: the clipping
    searches the path numerically and took most of the time of a redraw.
    """
    offset, align, _text, start = placement
    arrow = {"arrowstyle": "->", "color": DARK_GREY, "linewidth": 0.9, "patchA": None,
             "relpos": start, "shrinkA": 3.5}  # fmt: skip
    return ax.annotate(
        "", xy=(0, 0), xytext=offset, textcoords="offset points", ha=align, va="center",
        fontsize=font_sizes(scale)["tick"] * 0.85, color=DARK_GREY, arrowprops=arrow, zorder=5,
    )  # fmt: skip


def _place_highlight(label: Annotation, events: pd.DataFrame, placement, position) -> None:
    """Show the highlight label at ``position(row)`` if the 2019 patrol is among ``events``."""
    match = events[events["exercise_id"] == HIGHLIGHT_EVENT]
    label.set_visible(not match.empty)
    if match.empty:
        label.set_text("")
        return
    row = match.iloc[0]
    label.xy = position(row)
    label.set_text(placement[2].format(row["start"]))


# ------------------------------------------------------------------- timeline
def _build_timeline_layout(scale: float, first: int, last: int) -> BlitLayout:
    """The timeline's frame: a row per region and years ``first`` to ``last``, all static.

    Region names are drawn as plain text in a gutter left of the first year, not as y tick
    labels (cheaper to draw); the gutter, part of the x range, fits the longest name.
    Animated: one scatter per event type, the 2019 label, the title and the source line.
    """
    sizes = font_sizes(scale)
    fig, ax = new_chart(
        _events_title("timeline", first, last),
        "Start date (year); regions run from west (top) to east",
        "", _all_sources_line(), _TIMELINE_SIZE, scale=scale,
    )  # fmt: skip
    start, end = first - 0.4, last + 1.2
    label_size = sizes["tick"] * 0.85
    ax.hlines(
        range(len(REGION_ORDER)), start, end, color=LIGHT_GREY, linewidth=0.8 * scale, zorder=1
    )
    for i, region in enumerate(REGION_ORDER):
        ax.text(start - 0.1, i, region, ha="right", va="center", fontsize=label_size,
                color=DARK_GREY, zorder=2)  # fmt: skip
    scatters = _type_scatters(ax, EVENT_TYPES, 55, scale)
    table = exercises()
    rows = table["region"].map({r: i for i, r in enumerate(REGION_ORDER)})
    when = table["start"].dt.year + (table["start"].dt.day_of_year - 1) / 365.25
    everything = np.column_stack([when.to_numpy(float), rows.to_numpy(float)])
    kinds = table["type"].to_numpy()
    _ghosts(ax, {t: everything[kinds == t] for t in EVENT_TYPES if (kinds == t).any()}, 55, scale)
    artists: dict[str, Artist] = {f"points: {t}": s for t, s in scatters.items()}
    artists["highlight"] = _highlight(ax, _TIMELINE_HIGHLIGHT, scale)
    legend(ax, scale, title="Event type", title_fontsize=sizes["legend"])
    ax.set_ylim(len(REGION_ORDER) - 0.5, -0.7)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.spines["bottom"].set_bounds(start, end)
    step = 1 if last - first <= 8 else 2
    ax.xaxis.set_major_locator(FixedLocator(list(range(first, last + 1, step))))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:.0f}"))
    ax.grid(False)
    fig.get_layout_engine().execute(fig)  # margins first: the gutter depends on the width
    label_px = max(len(r) for r in REGION_ORDER) * label_size * 0.6 * DPI / 72 + 10
    gutter = (end - start) * label_px / max(ax.bbox.width - label_px, 1.0)
    ax.set_xlim(start - gutter, end)
    artists |= {"title": title_artist(ax), "source": source_artist(fig)}
    return BlitLayout(fig, artists)


_TIMELINE_LAYOUTS = LayoutCache(_build_timeline_layout, size=2)


def exercise_timeline_chart(events: pd.DataFrame, scale: float = 1.0) -> RenderedChart:
    """Events by start date (x) and region (rows ordered west to east); shape = event type.

    Every region of :data:`REGION_ORDER` has a row and the time axis covers every year of
    the table (2005-2023), whatever is selected: see the note above on why the frame is
    fixed. The title names the first and last year of the events shown.
    """
    if events.empty:
        raise ValueError("events is empty: there is nothing to draw")
    row_of = {region: i for i, region in enumerate(REGION_ORDER)}
    rows = np.array([row_of[r] for r in events["region"]], dtype=float)
    first, last = int(events["year"].min()), int(events["year"].max())
    title = _events_title("timeline", first, last)
    description = _events_description(events)
    source = _event_source(events)
    scale = _checked_scale(scale)
    layout = _TIMELINE_LAYOUTS.get(scale, min(first, FIRST_YEAR), max(last, LAST_YEAR))
    starts = events["start"].dt
    when = (starts.year + (starts.day_of_year - 1) / 365.25).to_numpy(dtype=float)
    types = events["type"].to_numpy()
    for event_type in EVENT_TYPES:
        chosen = types == event_type
        points = layout[f"points: {event_type}"]
        points.set_offsets(np.column_stack([when[chosen], rows[chosen]]))
        points.set_visible(bool(chosen.any()))
    _place_highlight(
        layout["highlight"], events, _TIMELINE_HIGHLIGHT,
        lambda r: (_decimal_year(r["start"]), row_of[r["region"]]),
    )  # fmt: skip
    _set_title_and_source(layout, title, source, _TIMELINE_SIZE[0])
    return layout.chart(description, title)


def _decimal_year(when: pd.Timestamp) -> float:
    """2019-07-23 -> 2019.556: position on a year axis."""
    return when.year + (when.day_of_year - 1) / 365.25


def _shifted(ax, dx_points: float, dy_points: float):
    """Data coordinates moved by (dx, dy) points: places a label next to a marker."""
    shift = ScaledTranslation(dx_points / 72, dy_points / 72, ax.figure.dpi_scale_trans)
    return ax.transData + shift


# ------------------------------------------------------------------- map
def _placed(events: pd.DataFrame) -> list[tuple]:
    """``(exercise_id, type, region, lon, lat)`` of the events that have a position.

    Plain tuples: the map needs a few numbers per event, and pandas selections on the
    16-column table cost more than the rest of a redraw.
    """
    columns = [events[c].to_list() for c in ("exercise_id", "type", "region", "lon", "lat")]
    return [row for row in zip(*columns, strict=True) if pd.notna(row[3]) and pd.notna(row[4])]


def _map_frame(located: pd.DataFrame) -> tuple:
    """What the map's frame shows, hashable: extent, region labels, places of each type.

    Everything placed in the events table, plus anything else in ``located`` (a selection
    from the table adds nothing, so every selection shares one frame). The extent is padded
    in degrees so labels and large markers stay inside the axes; a region is labelled at
    the centre of its events.
    """
    places = _placed(exercises())
    known = {row[0] for row in places}
    places += [row for row in _placed(located) if row[0] not in known]
    lons, lats = [row[3] for row in places], [row[4] for row in places]
    extent = (min(lons) - 12.0, max(lons) + 12.0, min(lats) - 6.0, max(lats) + 7.0)
    by_region: dict[str, list[tuple[float, float]]] = {}
    for _id, _type, region, lon, lat in places:
        by_region.setdefault(str(region), []).append((lon, lat))
    labels = tuple(
        (region, float(np.mean([p[0] for p in spots])), float(np.mean([p[1] for p in spots])))
        for region, spots in sorted(by_region.items())
    )
    spots = tuple(
        (t, tuple(sorted({(row[3], row[4]) for row in places if row[1] == t})))
        for t in EVENT_TYPES
        if any(row[1] == t for row in places)
    )
    return extent, labels, spots


def _markers_by_type(located: pd.DataFrame) -> dict[str, list[tuple[float, float, int]]]:
    """Per event type, ``(lon, lat, number of events)`` for each place, west to east."""
    counts = Counter((row[1], row[3], row[4]) for row in _placed(located))
    return {
        t: sorted((lon, lat, n) for (kind, lon, lat), n in counts.items() if kind == t)
        for t in EVENT_TYPES
    }


def _build_map_layout(scale: float, frame: tuple, counts: int) -> BlitLayout:
    """The map's frame (axes, place names, legend) static; markers and texts animated.

    ``frame`` comes from :func:`_map_frame`; ``counts`` is the number of "x3" text slots.
    """
    extent, labels, spots = frame
    places = dict(spots)
    types = list(places)
    sizes = font_sizes(scale)
    fig, ax = new_chart(
        _events_title("map", FIRST_YEAR, LAST_YEAR), "Longitude (degrees east)",
        "Latitude (degrees north)", _all_sources_line(), _MAP_SIZE, scale=scale,
    )  # fmt: skip
    scatters = _type_scatters(ax, types, 40, scale, alpha=0.85)
    _ghosts(ax, {t: np.array(places[t], dtype=float) for t in types}, 40, scale)
    artists: dict[str, Artist] = {f"points: {t}": s for t, s in scatters.items()}
    for i in range(counts):
        artists[f"count{i}"] = ax.text(
            0, 0, "", transform=_shifted(ax, 7, -2), va="center", visible=False,
            fontsize=sizes["tick"] * 0.8, color=DARK_GREY, zorder=4,
        )  # fmt: skip
    # Plain text shifted by a fixed number of points: several times cheaper to draw than
    # annotations with offset coordinates.
    for region, lon, lat in labels:
        dx, dy, align = MAP_LABEL_OFFSETS.get(region, (0, 9, "center"))
        ax.text(
            lon, lat, region, transform=_shifted(ax, dx, dy), ha=align, va="center",
            fontsize=sizes["tick"] * 0.78, color=DARK_GREY, zorder=4,
        )  # fmt: skip
    artists["highlight"] = _highlight(ax, _MAP_HIGHLIGHT, scale)
    legend(ax, scale, title="Event type", title_fontsize=sizes["legend"])
    ax.set_xlim(*extent[:2])
    ax.set_ylim(*extent[2:])
    artists |= {"title": title_artist(ax), "source": source_artist(fig)}
    return BlitLayout(fig, artists)


_MAP_LAYOUTS = LayoutCache(_build_map_layout, size=2)


def exercise_map_chart(events: pd.DataFrame, scale: float = 1.0) -> tuple[RenderedChart, str]:
    """A schematic "map": events at their approximate longitude/latitude, with region labels.

    No coastlines are drawn (no basemap download); points at the same place are merged and
    sized by count. The map always spans and names every place of the events table, so a
    selection is seen where it lies in the whole picture. Returns the chart and a note naming
    the events that have no single place in the data and therefore are not drawn.
    """
    if events.empty:
        raise ValueError("events is empty: there is nothing to draw")
    located = events.dropna(subset=["lat", "lon"])
    missing = events[events["lat"].isna() | events["lon"].isna()]
    if located.empty:
        regions = ", ".join(sorted(set(events["region"])))
        raise NoMatchingEvents(
            f"None of the {len(events)} selected event(s) ({regions}) has a position in the "
            "data, so there is nothing to map: widen a filter or use the timeline view."
        )
    first, last = int(events["year"].min()), int(events["year"].max())
    title = _events_title("map", first, last)
    markers = _markers_by_type(located)
    repeated = [place for places in markers.values() for place in places if place[2] > 1]
    description = _events_description(located)
    source = _event_source(events)
    scale = _checked_scale(scale)
    count_slots = max(_COUNT_SLOTS, len(repeated))
    layout = _MAP_LAYOUTS.get(scale, _map_frame(located), count_slots)
    for event_type, places in markers.items():
        if not places and f"points: {event_type}" not in layout.artists:
            continue  # a type without places in the data has no markers on the map
        spots = np.array(places, dtype=float).reshape(-1, 3)
        points = layout[f"points: {event_type}"]
        points.set_offsets(spots[:, :2])
        points.set_sizes((40 + 35 * (spots[:, 2] - 1)) * scale**2)
        points.set_visible(bool(places))
    for i in range(count_slots):
        count = layout[f"count{i}"]
        count.set_visible(i < len(repeated))
        lon, lat, n = repeated[i] if i < len(repeated) else (0.0, 0.0, 0)
        count.set_position((lon, lat))
        count.set_text(f"x{n}" if n else "")
    _place_highlight(layout["highlight"], located, _MAP_HIGHLIGHT, lambda r: (r["lon"], r["lat"]))
    _set_title_and_source(layout, title, source, _MAP_SIZE[0])
    if missing.empty:
        note = "Every selected event has a position in the data."
    else:
        names = "; ".join(f"{r.name} ({r.region})" for r in missing.itertuples())
        note = f"{len(missing)} selected event(s) name no single place and are not drawn: {names}."
    return layout.chart(description, title), note


# ------------------------------------------------------------------- no events
def _build_no_events_layout(scale: float) -> BlitLayout:
    """The placeholder's frame and source line; its title and message are animated."""
    fig, ax = new_chart(
        "Timeline: no joint events to show", "", "",
        data.source_line("lab_compiled_joint_exercises"), _NO_EVENTS_SIZE, scale=scale,
    )  # fmt: skip
    ax.set_axis_off()
    message = ax.text(
        0.5, 0.5, "", transform=ax.transAxes, ha="center", va="center",
        fontsize=font_sizes(scale)["label"], color=DARK_GREY,
    )  # fmt: skip
    return BlitLayout(fig, {"title": title_artist(ax), "message": message})


_NO_EVENTS_LAYOUTS = LayoutCache(_build_no_events_layout, size=2)


def no_events_chart(message: str, view: str = "timeline", scale: float = 1.0) -> RenderedChart:
    """A placeholder figure that states why nothing is drawn (filters select no event).

    Why not keep the previous figure: it would show events that no longer match the controls,
    which misleads. The placeholder repeats the filters, so every change of a control is
    visible even while the selection stays empty.
    """
    if not isinstance(message, str) or not message.strip():
        raise ValueError("message must be a non-empty sentence saying why nothing is drawn")
    label = "Schematic map" if view == "map" else "Timeline"
    title = f"{label}: no joint events to show"
    layout = _NO_EVENTS_LAYOUTS.get(_checked_scale(scale))
    layout["title"].set_text(title)
    layout["message"].set_text(textwrap.fill(message, 70))
    return layout.chart(message, title)
