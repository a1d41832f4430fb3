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
from collections.abc import Sequence
from datetime import datetime

import pandas as pd
from matplotlib.ticker import FixedLocator, FuncFormatter
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
    bar_chart,
    font_sizes,
    legend,
    new_chart,
    stacked_area,
)

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
    table = to_china.pivot_table(
        index="year", columns="group", values="tiv_m", aggfunc="sum", fill_value=0.0
    )
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


def suppliers_chart(
    measure: str = "share",
    window: int = 1,
    years: tuple[int, int] = (2000, 2023),
    scale: float = 1.0,
) -> Chart:
    """China's arms imports by supplier, stacked: TIV volume or percent share.

    ``measure`` is ``"share"`` (percent of the total) or ``"volume"`` (TIV millions);
    ``window`` sums over that many years (a rolling total, labelled by its last year).
    """
    if measure not in ("share", "volume"):
        raise ValueError(f"measure must be 'share' or 'volume', got {measure!r}")
    table = china_suppliers(years)
    if window > len(table):
        raise ValueError(
            f"window must not exceed the {len(table)} years selected, got {window} years"
        )
    shares = supplier_shares(table, window)
    frame = shares if measure == "share" else _rolling_sum(table, window)
    first, last = int(frame.index[0]), int(frame.index[-1])
    span = f"{window}-year totals ending in " if window > 1 else ""
    description = (
        f"Russia supplied {shares.loc[first, 'Russia']:.0f}% of China's arms imports in "
        f"{span}{first} and {shares.loc[last, 'Russia']:.0f}% in {last}, while the total "
        f"volume went from {_rolling_sum(table, window).loc[first].sum():,.0f} to "
        f"{_rolling_sum(table, window).loc[last].sum():,.0f} million TIV."
    )
    period = f" ({window}-year rolling totals)" if window > 1 else ""
    ylabel = (
        "% of China's arms imports (TIV)"
        if measure == "share"
        else "SIPRI TIV, millions (volume, not USD)"
    )
    colors = {
        "Russia": PALETTE["blue"],
        "France": PALETTE["sky_blue"],
        "Ukraine": PALETTE["yellow"],
        "Others": GREY,
    }
    return stacked_area(
        frame,
        f"Who sells major arms to China?{period}",
        "",
        ylabel,
        data.source_line("sipri_at_deliveries_2025"),
        description,
        colors=colors,
        percent=100 if measure == "share" else False,
        size=(8, 4.2),
        scale=scale,
    )


# ----------------------------------------------------------------------------- events data
def exercises() -> pd.DataFrame:
    """The joint-events table with a parsed ``start`` date (month-only dates -> the 1st)."""
    events = data.load("joint_exercises")
    events["start"] = [
        _parse_date(v, y) for v, y in zip(events["start_date"], events["year"], strict=True)
    ]
    return events


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
        f"region{'s' if regions != 1 else ''}, {first}-{last}."
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
def exercise_timeline_chart(events: pd.DataFrame, scale: float = 1.0) -> Chart:
    """Events by start date (x) and region (rows ordered west to east); shape = event type."""
    if events.empty:
        raise ValueError("events is empty: there is nothing to draw")
    rows = [r for r in REGION_ORDER if r in set(events["region"])]
    row_of = {region: i for i, region in enumerate(rows)}
    first, last = int(events["year"].min()), int(events["year"].max())
    title = f"Joint Russian-Chinese exercises and patrols, {first}-{last}"
    width, height = 8.5, min(5.4, 2.0 + 0.22 * len(rows))
    fig, ax = new_chart(
        title, "Start date (year); regions run from west (top) to east", "",
        _event_source(events), (width, height), scale=scale,
    )  # fmt: skip
    sizes = font_sizes(scale)
    # Region names are drawn as plain text in a gutter left of the first year, not as y tick
    # labels: a dozen or more ticks cost more to build than the rest of the chart, and this
    # chart is redrawn on every widget change. The gutter is sized from the longest name.
    label_size = sizes["tick"] * 0.85
    label_px = max(len(r) for r in rows) * label_size * 0.6 * DPI / 72 + 10
    plot_px = (width * scale * DPI) * 0.78  # axes width: the figure minus margins and legend
    start, end = first - 0.4, last + 1.2
    gutter = (end - start) * label_px / max(plot_px - label_px, 1.0)
    # Decimal years rather than datetimes: integer year ticks are much cheaper to lay out
    # than matplotlib's date locator.
    when = events["start"].dt.year + (events["start"].dt.day_of_year - 1) / 365.25
    ax.hlines(range(len(rows)), start, end, color=LIGHT_GREY, linewidth=0.8 * scale, zorder=1)
    for i, region in enumerate(rows):
        ax.text(start - 0.1, i, region, ha="right", va="center", fontsize=label_size,
                color=DARK_GREY, zorder=2)  # fmt: skip
    for event_type in EVENT_TYPES:
        chosen = (events["type"] == event_type).to_numpy()
        if not chosen.any():
            continue
        style = TYPE_STYLE[event_type]
        ax.scatter(
            when[chosen],
            [row_of[r] for r in events.loc[chosen, "region"]],
            marker=style["marker"],
            color=style["color"],
            s=55 * scale**2,
            edgecolors=WHITE,
            linewidths=0.6 * scale,
            label=event_type,
            zorder=3,
        )
    _annotate_highlight(
        ax, events, lambda r: (_decimal_year(r["start"]), row_of[r["region"]]), scale
    )
    ax.set_ylim(len(rows) - 0.5, -0.7)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.set_xlim(start - gutter, end)
    ax.spines["bottom"].set_bounds(start, end)
    step = 1 if last - first <= 8 else 2
    ax.xaxis.set_major_locator(FixedLocator(list(range(first, last + 1, step))))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:.0f}"))
    ax.grid(False)
    legend(ax, scale, title="Event type", title_fontsize=sizes["legend"])
    return Chart(fig, description=_events_description(events), title=title)


def _shifted(ax, dx_points: float, dy_points: float):
    """Data coordinates moved by (dx, dy) points: places a label next to a marker."""
    shift = ScaledTranslation(dx_points / 72, dy_points / 72, ax.figure.dpi_scale_trans)
    return ax.transData + shift


def _decimal_year(when: pd.Timestamp) -> float:
    """2019-07-23 -> 2019.556: position on a year axis."""
    return when.year + (when.day_of_year - 1) / 365.25


def _annotate_highlight(
    ax,
    events: pd.DataFrame,
    position,
    scale: float,
    offset: tuple[float, float] = (-40, 0),
    text: str = "First joint bomber patrol, {:%d %b %Y}",
    align: str = "right",
) -> None:
    """Label the July 2019 bomber patrol, if it is among the events shown, with an arrow."""
    match = events[events["exercise_id"] == HIGHLIGHT_EVENT]
    if match.empty:
        return
    row = match.iloc[0]
    ax.annotate(
        text.format(row["start"]),
        xy=position(row),
        xytext=offset,
        textcoords="offset points",
        ha=align,
        va="center",
        fontsize=font_sizes(scale)["tick"] * 0.85,
        color=DARK_GREY,
        arrowprops={"arrowstyle": "->", "color": DARK_GREY, "linewidth": 0.9},
        zorder=5,
    )


def exercise_map_chart(events: pd.DataFrame, scale: float = 1.0) -> tuple[Chart, str]:
    """A schematic "map": events at their approximate longitude/latitude, with region labels.

    No coastlines are drawn (no basemap download); points at the same place are merged and
    sized by count. Returns the chart and a note naming the events that have no single place in
    the data and therefore are not drawn.
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
    title = f"Where the joint events took place, {first}-{last} (schematic)"
    fig, ax = new_chart(
        title, "Longitude (degrees east)", "Latitude (degrees north)", _event_source(events),
        (9, 4.6), scale=scale,
    )  # fmt: skip
    sizes = font_sizes(scale)
    for event_type in EVENT_TYPES:
        subset = located[located["type"] == event_type]
        if subset.empty:
            continue
        grouped = subset.groupby(["lon", "lat"], sort=True).size().reset_index(name="n")
        style = TYPE_STYLE[event_type]
        ax.scatter(
            grouped["lon"],
            grouped["lat"],
            s=(40 + 35 * (grouped["n"] - 1)) * scale**2,
            marker=style["marker"],
            color=style["color"],
            alpha=0.85,
            edgecolors=WHITE,
            linewidths=0.6 * scale,
            label=event_type,
            zorder=3,
        )
        for row in grouped[grouped["n"] > 1].itertuples():
            ax.text(
                row.lon, row.lat, f"x{row.n}", transform=_shifted(ax, 7, -2), va="center",
                fontsize=sizes["tick"] * 0.8, color=DARK_GREY, zorder=4,
            )  # fmt: skip
    # Plain text shifted by a fixed number of points: several times cheaper to draw than
    # annotations with offset coordinates, and this chart is redrawn by the widget.
    centres = located.groupby("region", sort=True)[["lon", "lat"]].mean()
    for region, centre in centres.iterrows():
        dx, dy, align = MAP_LABEL_OFFSETS.get(str(region), (0, 9, "center"))
        ax.text(
            centre["lon"], centre["lat"], str(region), transform=_shifted(ax, dx, dy),
            ha=align, va="center", fontsize=sizes["tick"] * 0.78, color=DARK_GREY, zorder=4,
        )  # fmt: skip
    _annotate_highlight(
        ax, located, lambda r: (r["lon"], r["lat"]), scale, (0, -55),
        "First joint bomber patrol\n{:%d %b %Y}", "center",
    )  # fmt: skip
    # Pad the data extent (degrees) so labels and large markers stay inside the axes.
    ax.set_xlim(located["lon"].min() - 12, located["lon"].max() + 12)
    ax.set_ylim(located["lat"].min() - 6, located["lat"].max() + 7)
    legend(ax, scale, title="Event type", title_fontsize=sizes["legend"])
    description = _events_description(located)
    if missing.empty:
        note = "Every selected event has a position in the data."
    else:
        names = "; ".join(f"{r.name} ({r.region})" for r in missing.itertuples())
        note = f"{len(missing)} selected event(s) name no single place and are not drawn: {names}."
    return Chart(fig, description=description, title=title), note


def no_events_chart(message: str, view: str = "timeline", scale: float = 1.0) -> Chart:
    """A placeholder figure that states why nothing is drawn (filters select no event).

    Why not keep the previous figure: it would show events that no longer match the controls,
    which misleads. The placeholder repeats the filters, so every change of a control is
    visible even while the selection stays empty.
    """
    if not isinstance(message, str) or not message.strip():
        raise ValueError("message must be a non-empty sentence saying why nothing is drawn")
    label = "Schematic map" if view == "map" else "Timeline"
    title = f"{label}: no joint events to show"
    fig, ax = new_chart(
        title, "", "", data.source_line("lab_compiled_joint_exercises"), (9, 3.2), scale=scale
    )
    ax.set_axis_off()
    ax.text(
        0.5,
        0.5,
        textwrap.fill(message, 70),
        transform=ax.transAxes,
        ha="center",
        va="center",
        fontsize=font_sizes(scale)["label"],
        color=DARK_GREY,
    )
    return Chart(fig, description=message, title=title)
