"""Lesson 05: arms and exercises (tables, charts and the two widgets).

The article (paragraph 4) counts arms sales and joint drills as signs that military ties had
"reached a new level", and paragraph 5 expects Russian arms to matter less as China's own
industry improves. The lesson tests both with SIPRI's register of deliveries and with our
sourced list of joint exercises and patrols.

Two rules from issue #15 run through the module:

* the author could only count what had happened by the article's date, 2 December 2020
  (:data:`ARTICLE_DATE`): "up to the article" means events that *started* on or before it;
* computer-simulated command-post drills are listed but are not exercises in the field, so
  they never enter a count of exercises (the table's ``mode`` column).

A SIPRI trend-indicator value (TIV) measures the *volume* of major weapons delivered on a fixed
scale of production costs; it is not what the buyer paid (see :data:`TIV_NOTE`).
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

import numpy as np
import pandas as pd
from matplotlib.collections import PolyCollection
from matplotlib.patches import Patch
from matplotlib.ticker import FixedLocator, StrMethodFormatter

from utils import data
from utils.live import LiveChart, LiveView, dropdown, int_slider, register, toggle_buttons
from utils.style import DARK_GREY, GREY, LIGHT_GREY, PALETTE, WHITE, Chart, actor_color, figure

TIV_NOTE = (
    "A SIPRI trend-indicator value (TIV) measures the volume of major weapons delivered on a "
    "fixed price scale; it is not the price paid and cannot be compared with dollars."
)
SIPRI = "sipri_at_deliveries_2025"
#: The article's date: events "up to the article" started on or before it.
ARTICLE_DATE = pd.Timestamp("2020-12-02")
#: Suppliers shown separately; the rest are summed as "Others".
MAIN_SUPPLIERS = ("Russia", "France", "Ukraine")
SUPPLIER_COLORS = {
    "Russia": actor_color("RUS"),
    "France": PALETTE["sky_blue"],
    "Ukraine": PALETTE["yellow"],
    "Others": GREY,
}
#: Colour of the years with Su-35 or S-400 deliveries in :func:`transfers_chart`.
KEY_DEAL_COLOR = PALETTE["orange"]
#: The five years before the forecast (December 2020) and the first year after it.
FORECAST_BEFORE = (2016, 2020)
FORECAST_AFTER_FROM = 2021
THOUSANDS = StrMethodFormatter("{x:,.0f}")


# ----------------------------------------------------------------------------- arms: tables
def russia_to_china_tiv() -> pd.Series:
    """Russian deliveries of major arms to China per year, SIPRI TIV millions (index: year)."""
    arms = data.load("arms_transfers_by_year")
    pair = arms[(arms["supplier_iso3"] == "RUS") & (arms["recipient_iso3"] == "CHN")]
    series = pair.set_index("year")["tiv_m"].astype(float).sort_index()
    series.index = series.index.astype(int)
    return series.rename("Russia to China (TIV m)")


@lru_cache(maxsize=1)
def _china_suppliers() -> pd.DataFrame:
    arms = data.load("arms_transfers_by_year")
    to_china = arms[arms["recipient_iso3"] == "CHN"]
    group = to_china["supplier"].where(to_china["supplier"].isin(MAIN_SUPPLIERS), "Others")
    table = to_china.groupby([to_china["year"], group])["tiv_m"].sum().unstack(fill_value=0.0)
    table = table.reindex(columns=list(SUPPLIER_COLORS), fill_value=0.0).astype(float)
    table.index = table.index.astype(int)
    table.columns.name = None
    return table


def china_suppliers() -> pd.DataFrame:
    """China's arms imports by supplier and year (TIV millions): main suppliers and "Others".

    A supplier missing in a year delivered nothing SIPRI records, so it counts as 0.
    """
    return _china_suppliers().copy()


def rolling_totals(window: int = 1) -> pd.DataFrame:
    """Each supplier's TIV summed over the ``window`` years ending in each year (from the first
    year with a full window)."""
    if isinstance(window, bool) or not isinstance(window, int | np.integer):
        raise TypeError(f"window must be a whole number of years, got {window!r}")
    if not 1 <= window <= 10:
        raise ValueError(f"window must lie in 1..10 years, got {window}")
    return _rolling(int(window)).copy()


@lru_cache(maxsize=16)
def _rolling(window: int) -> pd.DataFrame:
    return _china_suppliers().rolling(window).sum().dropna()


def supplier_shares(window: int = 1) -> pd.DataFrame:
    """Percent of each year's (or rolling window's) total per supplier; rows sum to 100."""
    totals = rolling_totals(window)
    return 100 * totals.div(totals.sum(axis=1), axis=0)


def window_shares(first_year: int, length: int = 5) -> pd.DataFrame:
    """Russia's TIV, China's total TIV and Russia's share in consecutive windows of ``length``
    years starting in ``first_year`` (the last window may be shorter), one row per window."""
    table = china_suppliers().loc[first_year:]
    start = first_year + (table.index - first_year) // length * length
    grouped = table.groupby(start).sum()
    span = table.index.to_series().groupby(start).agg(["min", "max"])
    frame = pd.DataFrame({
        "years": [f"{a}-{b}" for a, b in zip(span["min"], span["max"], strict=True)],
        "russia_tiv": grouped["Russia"],
        "total_tiv": grouped.sum(axis=1),
    })  # fmt: skip
    frame["russia_share"] = 100 * frame["russia_tiv"] / frame["total_tiv"]
    return frame.rename_axis("first year")


def forecast_test(before=FORECAST_BEFORE, after_from: int = FORECAST_AFTER_FROM) -> pd.DataFrame:
    """Claim C09 judged on what came after the forecast: the years ``before`` it against the
    years from ``after_from`` to the last year, by volume (mean yearly TIV) and by share."""
    table = china_suppliers()
    windows = {"before": table.loc[before[0] : before[1]], "after": table.loc[after_from:]}
    rows = {}
    for name, part in windows.items():
        rows[name] = {
            "years": f"{part.index.min()}-{part.index.max()}",
            "russia_tiv_per_year": part["Russia"].mean(),
            "russia_share": 100 * part["Russia"].sum() / part.to_numpy().sum(),
        }
    return pd.DataFrame(rows).T


def key_deals() -> pd.DataFrame:
    """The Su-35 and S-400 orders from SIPRI's register, with TIV and SIPRI's price comment."""
    deals = data.load("arms_deals")
    columns = ["key_deal", "designation", "order_year", "number_ordered", "number_delivered",
               "delivery_years", "tiv_per_unit_m", "tiv_delivered_m", "comment"]  # fmt: skip
    key = deals[deals["key_deal"].notna()][columns]
    return key.sort_values("key_deal", kind="stable").set_index("key_deal")


def _years(text: object) -> list[int]:
    """SIPRI's "2016; 2017; 2018" as ``[2016, 2017, 2018]``."""
    return [int(part) for part in str(text).split(";") if part.strip().isdigit()]


def deals_delivered_in(first: int, last: int) -> pd.DataFrame:
    """Russian orders with at least one SIPRI delivery year from ``first`` to ``last``.

    A yearly TIV total hides *what* is delivered; the orders behind it show it.
    """
    if first > last:
        raise ValueError(f"the first year ({first}) is after the last year ({last})")
    deals = data.load("arms_deals")
    inside = deals["delivery_years"].map(lambda t: any(first <= y <= last for y in _years(t)))
    chosen = deals[inside]
    columns = ["order_year", "designation", "description", "number_delivered", "delivery_years"]
    return chosen[columns].sort_values(["order_year", "designation"]).reset_index(drop=True)


# ----------------------------------------------------------------------------- arms: charts
def transfers_chart() -> Chart:
    """Bars of Russian deliveries to China per year; years with Su-35/S-400 deliveries orange."""
    series = russia_to_china_tiv()
    deal_years = sorted({y for t in key_deals()["delivery_years"] for y in _years(t)})
    first, last = int(series.index[0]), int(series.index[-1])
    fig, ax = figure(
        f"Russian deliveries of major arms to China, {first}-{last}",
        data.source_line(SIPRI, "sipri_at_orders_2024"),
        xlabel="Year", ylabel="SIPRI TIV, millions (volume, not USD)",
    )  # fmt: skip
    colors = [KEY_DEAL_COLOR if y in deal_years else actor_color("RUS") for y in series.index]
    ax.bar(series.index, series, color=colors, width=0.8)
    ax.set_xlim(first - 0.7, last + 0.7)
    ax.yaxis.set_major_formatter(THOUSANDS)
    ax.grid(axis="x", visible=False)
    ax.legend(handles=[Patch(color=KEY_DEAL_COLOR, label="years with Su-35 or S-400 deliveries")],
              loc="upper right")  # fmt: skip
    peak = int(series.idxmax())
    bump = series.loc[deal_years[0] : deal_years[-1]]
    text = (
        f"Russian deliveries to China peaked at {series[peak]:,.0f} million TIV in {peak} and "
        f"were {series[last]:,.0f} million in {last}; the Su-35 and S-400 deliveries lifted "
        f"them to {bump.max():,.0f} million in {int(bump.idxmax())} (orange bars)."
    )
    return Chart(fig, text)


def forecast_chart() -> Chart:
    """Claim C09 before and after the forecast: Russia's yearly volume and its share, side by
    side (two panels, because TIV and percent have different units)."""
    test = forecast_test()
    fig, (left, right) = figure(
        "Russian arms for China before and after the forecast of December 2020",
        data.source_line(SIPRI), ncols=2, size=(8.5, 3.8),
    )  # fmt: skip
    labels = list(test["years"])
    colors = [GREY, actor_color("RUS")]
    bars = left.bar(labels, test["russia_tiv_per_year"].astype(float), color=colors)
    left.bar_label(bars, fmt="{:,.0f}", padding=2)
    left.set_title("Volume: Russian TIV per year (millions)", loc="left", fontsize=11)
    bars = right.bar(labels, test["russia_share"].astype(float), color=colors)
    right.bar_label(bars, fmt="{:.0f}%", padding=2)
    right.set_title("Share: % of China's arms imports", loc="left", fontsize=11)
    right.set_ylim(0, 100)
    for ax in (left, right):
        ax.grid(axis="x", visible=False)
        ax.margins(y=0.15)
    before, after = test.loc["before"], test.loc["after"]
    change = 100 * (after["russia_tiv_per_year"] / before["russia_tiv_per_year"] - 1)
    text = (
        f"From {before['years']} to {after['years']} Russia's yearly deliveries to China changed "
        f"by {change:+.0f}% (volume points to a dwindling role), while its share of China's "
        f"arms imports went from {before['russia_share']:.0f}% to {after['russia_share']:.0f}% "
        "(share barely moved)."
    )
    return Chart(fig, text)


def _band(years: np.ndarray, lower: np.ndarray, upper: np.ndarray) -> np.ndarray:
    """The outline of a stacked band: along ``upper`` left to right, back along ``lower``."""
    return np.concatenate([np.column_stack([years, upper]),
                           np.column_stack([years[::-1], lower[::-1]])])  # fmt: skip


class SuppliersChart(LiveChart):
    """China's arms imports by supplier, stacked: volume (top) and share (bottom), per year or
    averaged over a rolling window of years (each point is the window ending in that year).

    Volume is shown per year (a window's total divided by its length), so both panels keep
    their axes whatever the window and only the bands move.
    """

    def __init__(self) -> None:
        table = china_suppliers()
        self.years = table.index.to_numpy(dtype=float)
        self.fig, (top, bottom) = figure(
            "Who sells major arms to China? Volume and share", data.source_line(SIPRI),
            nrows=2, size=(8.5, 5.6), sharex=True,
        )  # fmt: skip
        bottom.set_xlabel("Year (the last year of the window)")
        self.bands = {}
        for ax in (top, bottom):
            for name, color in SUPPLIER_COLORS.items():
                band = PolyCollection([], facecolors=color, edgecolors=WHITE, linewidths=0.5,
                                      label=name)  # fmt: skip
                self.bands[(ax, name)] = ax.add_collection(band, autolim=False)
            ax.grid(axis="x", visible=False)
        top.set_ylim(0, float(table.sum(axis=1).max()) * 1.05)  # no average exceeds the peak
        top.yaxis.set_major_formatter(THOUSANDS)
        top.set_ylabel("TIV millions a year")
        bottom.set_ylim(0, 100)
        bottom.set_ylabel("% of China's imports")
        bottom.set_xlim(self.years[0] - 0.5, self.years[-1] + 0.5)
        handles, labels = top.get_legend_handles_labels()
        top.legend(handles[::-1], labels[::-1], loc="upper right", ncols=4, fontsize=9)
        self.top, self.bottom = top, bottom
        self.animated = list(self.bands.values())

    def update(self, window: int = 1) -> str:
        totals = rolling_totals(window)
        years = totals.index.to_numpy(dtype=float)
        for ax, frame in ((self.top, totals / window), (self.bottom, supplier_shares(window))):
            lower = np.zeros(len(years))
            for name in SUPPLIER_COLORS:
                upper = lower + frame[name].to_numpy()
                self.bands[(ax, name)].set_verts([_band(years, lower, upper)])
                lower = upper
        shares = supplier_shares(window)
        first, last = int(totals.index[0]), int(totals.index[-1])

        def span(year: int) -> str:
            return f"{year}" if window == 1 else f"{year - window + 1}-{year}"

        per_year = totals.sum(axis=1) / window
        average = "" if window == 1 else " on average"
        return (
            f"Russia supplied {shares.loc[first, 'Russia']:.0f}% of China's arms imports in "
            f"{span(first)} and {shares.loc[last, 'Russia']:.0f}% in {span(last)}, while China's "
            f"imports from all suppliers went from {per_year[first]:,.0f} to "
            f"{per_year[last]:,.0f} million TIV a year{average}."
        )


SUPPLIER_DEFAULTS = {"window": 1}


@register("arms_suppliers")
def arms_suppliers() -> LiveView:
    """Who sells major arms to China, in volume and in share, per year or over 2-5 years."""
    return LiveView(
        {"window": int_slider("Years in the rolling window", 1, 5, 1, 1)},
        SuppliersChart(),
        title="China's arms suppliers: volume and share",
        description=(
            "SIPRI compares multi-year periods because single years swing with big deliveries. "
            "Move the window to average over up to five years."
        ),
    )


# ----------------------------------------------------------------------------- exercises: tables
#: What each row is, from the table's ``type`` and ``mode``: live exercises, simulated drills
#: (computer-based command-post drills, not exercises in the field), air and naval patrols.
KINDS = ("exercise", "simulated drill", "air patrol", "naval patrol")
KIND_LABELS = {
    "exercise": "live exercise",
    "simulated drill": "computer-simulated drill",
    "air patrol": "joint air patrol",
    "naval patrol": "joint naval patrol",
}
KIND_STYLE = {
    "exercise": {"marker": "o", "color": actor_color("RUS")},
    "simulated drill": {"marker": "D", "color": PALETTE["reddish_purple"]},
    "air patrol": {"marker": "^", "color": actor_color("CHN")},
    "naval patrol": {"marker": "s", "color": PALETTE["bluish_green"]},
}
DOMAINS = ("land", "sea", "air", "combined")
PERIODS = {
    "before": "up to the article (2 Dec 2020)",
    "after": "after the article",
    "all": "all years",
}
ALL = "all"
#: Rows of the timeline, roughly west to east (layout only: some regions have no coordinates).
REGION_ORDER = (
    "Baltic Sea", "Mediterranean", "Southern Africa", "European Russia", "Southern Russia",
    "Volga/Urals", "Arabian Sea/Gulf of Oman", "Central Asia", "Northwest China",
    "South China Sea", "North China", "Russian Far East", "Yellow Sea", "East China Sea",
    "Northeast China", "Sea of Japan/East China Sea", "Sea of Japan", "Western Pacific",
    "North Pacific",
)  # fmt: skip
#: The event the article singles out (paragraph 16): the first joint strategic bomber patrol.
FIRST_AIR_PATROL = "2019_air_patrol_1"


class NoMatchingEvents(ValueError):
    """The filters are valid but select no event."""


def _start(text: object, year: int) -> pd.Timestamp:
    """``YYYY-MM-DD`` or ``YYYY-MM`` (the 1st of the month); empty: 1 July of ``year``."""
    for fmt in ("%Y-%m-%d", "%Y-%m"):
        try:
            return pd.Timestamp(datetime.strptime(str(text), fmt))
        except ValueError:
            continue
    return pd.Timestamp(datetime(int(year), 7, 1))


@lru_cache(maxsize=1)
def _events() -> pd.DataFrame:
    table = data.load("joint_exercises")
    table["start"] = [_start(t, y) for t, y in zip(table["start_date"], table["year"], strict=True)]
    simulated = table["mode"].eq("computer-simulated") if "mode" in table else False
    table["kind"] = np.where(simulated, "simulated drill", table["type"])
    unknown = sorted(set(table["region"]) - set(REGION_ORDER))
    if unknown:
        raise ValueError(f"regions {unknown} have no row in REGION_ORDER: add them")
    return table.sort_values(["start", "exercise_id"], kind="stable").reset_index(drop=True)


def events() -> pd.DataFrame:
    """The joint-events table with a parsed ``start`` date and a ``kind`` (see :data:`KINDS`)."""
    return _events().copy()


def up_to_article(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The events that started on or before the article's date (2 December 2020)."""
    table = events() if table is None else table
    return table[table["start"] <= ARTICLE_DATE]


def filter_events(
    kind: str = ALL, domain: str = ALL, region: str = ALL, period: str = "before"
) -> pd.DataFrame:
    """Events matching every filter (``"all"`` = no filter); ``period`` is a key of PERIODS.

    Raises :class:`NoMatchingEvents` (a ``ValueError``) naming the filters when nothing matches:
    an empty chart would look like "no exercises happened", not "your filters exclude all".
    """  # fmt: skip
    for name, value, allowed in (
        ("kind", kind, KINDS),
        ("domain", domain, DOMAINS),
        ("region", region, REGION_ORDER),
        ("period", period, PERIODS),
    ):
        if value != ALL and value not in allowed:
            raise ValueError(f"{name} must be 'all' or one of {list(allowed)}, got {value!r}")
    table = _events()  # read only: the selection below is a new frame
    mask = pd.Series(True, index=table.index)
    for column, value in (("kind", kind), ("domain", domain), ("region", region)):
        if value != ALL:
            mask &= table[column] == value
    if period == "before":
        mask &= table["start"] <= ARTICLE_DATE
    elif period == "after":
        mask &= table["start"] > ARTICLE_DATE
    chosen = table[mask]
    if chosen.empty:
        raise NoMatchingEvents(
            f"No joint events match kind={kind}, domain={domain}, region={region}, "
            f"{PERIODS.get(period, period)}: widen a filter."
        )  # fmt: skip
    return chosen.reset_index(drop=True)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def event_summary(table: pd.DataFrame) -> str:
    """One sentence: how many events of each kind, in how many regions, over which dates."""
    if table.empty:
        raise ValueError("there are no events to summarise")
    counts = table["kind"].value_counts()
    parts = ", ".join(_plural(int(counts[k]), KIND_LABELS[k]) for k in KINDS if k in counts)
    first, last = table["start"].min(), table["start"].max()
    return (
        f"{_plural(len(table), 'joint event')} ({parts}) in "
        f"{_plural(table['region'].nunique(), 'region')}, starting between "
        f"{first:%b %Y} and {last:%b %Y}."
    )


def describe_events(table: pd.DataFrame) -> str:
    """:func:`event_summary` plus the westernmost and easternmost regions and the 2019 patrol."""
    text = event_summary(table).rstrip(".")
    rows = table.assign(row=table["region"].map(REGION_ORDER.index))
    west = rows[rows["row"] == rows["row"].min()].iloc[0]  # the first event in each end row
    east = rows[rows["row"] == rows["row"].max()].iloc[0]
    if west["region"] != east["region"]:
        text += (
            f"; the rows run from the {west['region']} ({west['start'].year}) in the west to "
            f"the {east['region']} ({east['start'].year}) in the east"
        )
    if FIRST_AIR_PATROL in set(table["exercise_id"]):
        patrol = table[table["exercise_id"] == FIRST_AIR_PATROL].iloc[0]
        text += f"; the first joint air patrol flew on {patrol['start']:%d %B %Y}"
    return text + "."


def region_tally(until: pd.Timestamp = ARTICLE_DATE, split_year: int = 2012) -> pd.DataFrame:
    """Live exercises up to ``until`` in two periods (to ``split_year``, after it): how many,
    and in how many regions. Simulated drills and patrols are left out (claim C11)."""
    live = events()
    live = live[(live["kind"] == "exercise") & (live["start"] <= until)]
    early = live["start"].dt.year <= split_year
    rows = {}
    for label, part in ((f"{live['start'].min().year}-{split_year}", live[early]),
                        (f"{split_year + 1}-{until:%d %b %Y}", live[~early])):  # fmt: skip
        rows[label] = {"live exercises": len(part), "regions": part["region"].nunique()}
    return pd.DataFrame(rows).T.rename_axis("period")


# ----------------------------------------------------------------------------- exercises: widget
def _decimal_year(when: pd.Series) -> np.ndarray:
    return (when.dt.year + (when.dt.day_of_year - 1) / 365.25).to_numpy(dtype=float)


class ExercisesChart(LiveChart):
    """Events by start date (x) and region (rows, west at the top); shape and colour = kind.

    Every event stays on the chart as a light grey marker, so a filter shows which part of the
    whole list it selects; the selected events are drawn over them in colour.
    """

    def __init__(self) -> None:
        table = events()
        self.row_of = {region: i for i, region in enumerate(REGION_ORDER)}
        self.fig, ax = figure(
            "Joint Russian-Chinese exercises and patrols",
            data.source_line(*sorted(table["source_id"].unique())),
            xlabel="Start date", size=(8.5, 5.8),
        )  # fmt: skip
        rows = table["region"].map(self.row_of).to_numpy(dtype=float)
        when = _decimal_year(table["start"])
        for kind in KINDS:
            chosen = (table["kind"] == kind).to_numpy()
            ax.scatter(when[chosen], rows[chosen], s=42, marker=KIND_STYLE[kind]["marker"],
                       color=LIGHT_GREY, zorder=2)  # fmt: skip
        self.points = {
            kind: ax.scatter([], [], s=42, marker=style["marker"], color=style["color"],
                             edgecolors=WHITE, linewidths=0.5, label=KIND_LABELS[kind], zorder=3)
            for kind, style in KIND_STYLE.items()
        }  # fmt: skip
        ax.scatter([], [], s=42, marker="o", color=LIGHT_GREY, label="not selected")
        article = ARTICLE_DATE.year + (ARTICLE_DATE.day_of_year - 1) / 365.25
        ax.plot(
            [article, article],
            [len(REGION_ORDER) - 0.5, -0.6],
            color=DARK_GREY,
            linestyle=":",
            linewidth=1.2,
        )  # below the legend band
        ax.annotate("the article,\n2 Dec 2020", (article, len(REGION_ORDER) - 1), xytext=(-4, 0),
                    textcoords="offset points", ha="right", va="center", fontsize=9,
                    color=DARK_GREY)  # fmt: skip
        ax.set_yticks(range(len(REGION_ORDER)), REGION_ORDER, fontsize=9)
        ax.set_ylim(len(REGION_ORDER) - 0.5, -2.6)  # an empty band at the top for the legend
        first, last = int(table["start"].min().year), int(table["start"].max().year)
        ax.set_xlim(first - 0.3, last + 1.3)
        ax.xaxis.set_major_locator(FixedLocator(list(range(first, last + 2, 2))))
        ax.grid(axis="y", visible=False)
        ax.legend(loc="upper left", ncols=3, fontsize=9)  # in the empty band above the rows
        self.animated = list(self.points.values())

    def update(self, kind: str = ALL, domain: str = ALL, region: str = ALL,
               period: str = "before") -> str:  # fmt: skip
        table = filter_events(kind, domain, region, period)
        rows = table["region"].map(self.row_of).to_numpy(dtype=float)
        when = _decimal_year(table["start"])
        for name, points in self.points.items():
            chosen = (table["kind"] == name).to_numpy()
            points.set_offsets(np.column_stack([when[chosen], rows[chosen]]))
        return describe_events(table)


EXERCISE_DEFAULTS = {"kind": ALL, "domain": ALL, "region": ALL, "period": "before"}


@register("exercise_filter")
def exercise_filter() -> LiveView:
    """Filter the joint exercises and patrols by kind, domain, region and period."""
    return LiveView(
        {
            "kind": dropdown("Kind", [("All kinds", ALL), *[(KIND_LABELS[k].capitalize(), k)
                                                           for k in KINDS]]),
            "domain": dropdown("Domain", [("All domains", ALL), *[(d, d) for d in DOMAINS]]),
            "region": dropdown("Region", [("All regions", ALL),
                                          *[(r, r) for r in sorted(REGION_ORDER)]]),
            "period": toggle_buttons("Period", [(v, k) for k, v in PERIODS.items()], "before"),
        },
        ExercisesChart(),
        title="Joint exercises and patrols: filter the list",
        description=(
            "Choose a kind, domain, region and period; the sentence under the chart counts the "
            "events that match. Grey markers are the events your filters leave out. The list "
            "is not exhaustive."
        ),
    )  # fmt: skip
