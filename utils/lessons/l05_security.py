"""Lesson 05: arms and exercises (tables, charts and the two widgets).

The article counts arms sales and joint drills as signs of ties at "a new level" and expects
Russian arms to matter less as China's industry improves. Two rules (issue #15) run through the
module: "up to the article" means events that *started* on or before 2 December 2020
(:data:`ARTICLE_DATE`), and computer-simulated command-post drills are listed but never counted
as exercises. A SIPRI TIV measures the volume of weapons delivered, not a price (:data:`TIV_NOTE`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.collections import PolyCollection
from matplotlib.patches import Patch
from matplotlib.ticker import FixedLocator, StrMethodFormatter

from utils import data
from utils.claims import ARTICLE_DATE
from utils.live import LiveChart, LiveView, dropdown, int_slider, register, toggle_buttons
from utils.style import DARK_GREY, GREY, LIGHT_GREY, PALETTE, WHITE, Chart, actor_color, figure

TIV_NOTE = (
    "A SIPRI trend-indicator value (TIV) measures the volume of major weapons delivered on a "
    "fixed price scale; it is not the price paid and cannot be compared with dollars."
)
SIPRI = "sipri_at_deliveries_2025"
#: Suppliers shown separately, with their colours; the rest are summed as "Others".
SUPPLIER_COLORS = {
    "Russia": actor_color("RUS"),
    "France": PALETTE["sky_blue"],
    "Ukraine": PALETTE["yellow"],
    "Others": GREY,
}
#: Colour of the years with Su-35 or S-400 deliveries in :func:`transfers_chart`.
KEY_DEAL_COLOR = PALETTE["orange"]
THOUSANDS = StrMethodFormatter("{x:,.0f}")


# ----------------------------------------------------------------------------- arms: tables
def china_suppliers() -> pd.DataFrame:
    """China's arms imports by supplier and year (TIV millions); a year without deliveries from
    a supplier counts as 0."""
    arms = data.load("arms_transfers_by_year")
    to_china = arms[arms["recipient_iso3"] == "CHN"]
    group = to_china["supplier"].where(to_china["supplier"].isin(SUPPLIER_COLORS), "Others")
    table = to_china.groupby([to_china["year"], group])["tiv_m"].sum().unstack(fill_value=0.0)
    table = table.reindex(columns=list(SUPPLIER_COLORS), fill_value=0.0).astype(float)
    table.index = table.index.astype(int)
    return table.rename_axis(columns=None)


def russia_to_china_tiv() -> pd.Series:
    """Russian deliveries of major arms to China per year, SIPRI TIV millions (index: year)."""
    return china_suppliers()["Russia"].rename("Russia to China (TIV m)")


def window_shares(first_year: int) -> pd.DataFrame:
    """Russia's TIV, China's total and Russia's share in five-year windows from ``first_year``
    (the last window may be shorter), one row per window."""
    table = china_suppliers().loc[first_year:]
    start = first_year + (table.index - first_year) // 5 * 5
    years = table.index.to_series().groupby(start).agg(lambda y: f"{y.min()}-{y.max()}")
    grouped = table.groupby(start).sum()
    frame = pd.DataFrame({"years": years, "russia_tiv": grouped["Russia"]})
    frame["total_tiv"] = grouped.sum(axis=1)
    frame["russia_share"] = 100 * frame["russia_tiv"] / frame["total_tiv"]
    return frame.rename_axis("first year")


def forecast_test() -> pd.DataFrame:
    """Claim C09 judged on what came after the forecast (December 2020): the five years before
    it against the years since, by volume (mean yearly TIV) and by share."""
    table = china_suppliers()
    rows = {}
    for name, part in (("before", table.loc[2016:2020]), ("after", table.loc[2021:])):
        rows[name] = {
            "years": f"{part.index.min()}-{part.index.max()}",
            "russia_tiv_per_year": part["Russia"].mean(),
            "russia_share": 100 * part["Russia"].sum() / part.to_numpy().sum(),
        }
    return pd.DataFrame(rows).T


def key_deals() -> pd.DataFrame:
    """The Su-35 and S-400 orders from SIPRI's register, with TIV and SIPRI's price comment."""
    deals = data.load("arms_deals")
    columns = ["designation", "order_year", "number_ordered", "number_delivered"]
    columns += ["delivery_years", "tiv_per_unit_m", "tiv_delivered_m", "comment"]
    key = deals[deals["key_deal"].notna()].set_index("key_deal")[columns]
    return key.sort_index(kind="stable")


def _years(text: object) -> list[int]:
    """SIPRI's "2016; 2017; 2018" as ``[2016, 2017, 2018]``."""
    return [int(part) for part in str(text).split(";") if part.strip().isdigit()]


def deals_delivered_in(first: int, last: int) -> pd.DataFrame:
    """Russian orders with a SIPRI delivery year from ``first`` to ``last``: what a yearly TIV
    total is made of."""
    if first > last:
        raise ValueError(f"the first year ({first}) is after the last year ({last})")
    deals = data.load("arms_deals")
    inside = deals["delivery_years"].map(lambda t: any(first <= y <= last for y in _years(t)))
    columns = ["order_year", "designation", "description", "number_delivered", "delivery_years"]
    chosen = deals.loc[inside, columns].sort_values(["order_year", "designation"])
    return chosen.reset_index(drop=True)


# ----------------------------------------------------------------------------- arms: charts
def transfers_chart() -> Chart:
    series = russia_to_china_tiv()
    deal_years = sorted({y for t in key_deals()["delivery_years"] for y in _years(t)})
    first, last = int(series.index[0]), int(series.index[-1])
    fig, ax = figure(
        f"Russian deliveries of major arms to China, {first}-{last}",
        data.source_line(SIPRI, "sipri_at_orders_2024"),
        xlabel="Year",
        ylabel="SIPRI TIV, millions (volume, not USD)",
    )
    colors = [KEY_DEAL_COLOR if y in deal_years else actor_color("RUS") for y in series.index]
    ax.bar(series.index, series, color=colors, width=0.8)
    ax.set_xlim(first - 0.7, last + 0.7)
    ax.yaxis.set_major_formatter(THOUSANDS)
    ax.grid(axis="x", visible=False)
    key = Patch(color=KEY_DEAL_COLOR, label="years with Su-35 or S-400 deliveries")
    ax.legend(handles=[key], loc="upper right")
    peak = int(series.idxmax())
    bump = series.loc[deal_years[0] : deal_years[-1]]
    text = (
        f"Russian deliveries to China peaked at {series[peak]:,.0f} million TIV in {peak} and "
        f"were {series[last]:,.0f} million in {last}; the Su-35 and S-400 deliveries lifted "
        f"them to {bump.max():,.0f} million in {int(bump.idxmax())} (orange bars)."
    )
    return Chart(fig, text)


def forecast_chart() -> Chart:
    """Two panels, because volume (TIV) and share (%) have different units."""
    test = forecast_test()
    fig, axes = figure(
        "Russian arms for China before and after the forecast of December 2020",
        data.source_line(SIPRI),
        ncols=2,
        size=(8.5, 3.8),
    )
    panels = {
        "russia_tiv_per_year": ("{:,.0f}", "Volume: Russian TIV per year (millions)"),
        "russia_share": ("{:.0f}%", "Share: % of China's arms imports"),
    }
    colors = [GREY, actor_color("RUS")]
    for ax, (column, (fmt, title)) in zip(axes, panels.items(), strict=True):
        bars = ax.bar(list(test["years"]), test[column].astype(float), color=colors)
        ax.bar_label(bars, fmt=fmt, padding=2)
        ax.set_title(title, loc="left", fontsize=11)
        ax.grid(axis="x", visible=False)
        ax.margins(y=0.15)
    axes[1].set_ylim(0, 100)
    before, after = test.loc["before"], test.loc["after"]
    change = 100 * (after["russia_tiv_per_year"] / before["russia_tiv_per_year"] - 1)
    text = (
        f"From {before['years']} to {after['years']} Russia's yearly deliveries to China changed "
        f"by {change:+.0f}% (volume points to a dwindling role), while its share of China's "
        f"arms imports went from {before['russia_share']:.0f}% to {after['russia_share']:.0f}% "
        "(share barely moved)."
    )
    return Chart(fig, text)


class SuppliersChart(LiveChart):
    """China's arms imports by supplier, stacked: volume (top) and share (bottom), per year or
    over a rolling window ending in each year. Volume is per year (a window's total / its
    length), so both panels keep their axes and only the bands move."""

    def __init__(self) -> None:
        table = china_suppliers()
        self.fig, (top, bottom) = figure(
            "Who sells major arms to China? Volume and share",
            data.source_line(SIPRI),
            nrows=2,
            size=(8.5, 5.6),
            sharex=True,
        )
        bottom.set_xlabel("Year (the last year of the window)")
        self.bands = {}
        for ax in (top, bottom):
            for name, color in SUPPLIER_COLORS.items():
                band = PolyCollection([], facecolors=color, edgecolors=WHITE, linewidths=0.5)
                band.set_label(name)
                self.bands[(ax, name)] = ax.add_collection(band, autolim=False)
            ax.grid(axis="x", visible=False)
        top.set_ylim(0, float(table.sum(axis=1).max()) * 1.05)  # no average exceeds the peak
        top.yaxis.set_major_formatter(THOUSANDS)
        top.set_ylabel("TIV millions a year")
        bottom.set_ylim(0, 100)
        bottom.set_ylabel("% of China's imports")
        bottom.set_xlim(table.index[0] - 0.5, table.index[-1] + 0.5)
        handles, labels = top.get_legend_handles_labels()
        top.legend(handles[::-1], labels[::-1], loc="upper right", ncols=4, fontsize=9)
        self.top, self.bottom = top, bottom
        self.animated = list(self.bands.values())

    def update(self, window: int) -> str:
        if not 1 <= window <= 10:
            raise ValueError(f"window must lie in 1..10 years, got {window}")
        totals = china_suppliers().rolling(window).sum().dropna()  # full windows only
        shares = 100 * totals.div(totals.sum(axis=1), axis=0)
        years = totals.index.to_numpy(dtype=float)
        for ax, frame in ((self.top, totals / window), (self.bottom, shares)):
            lower = np.zeros(len(years))
            for name in SUPPLIER_COLORS:
                upper = lower + frame[name].to_numpy()
                # the band's outline: along its top left to right, back along its bottom
                outline = np.column_stack([[*years, *years[::-1]], [*upper, *lower[::-1]]])
                self.bands[(ax, name)].set_verts([outline])
                lower = upper
        first, last = int(years[0]), int(years[-1])
        spans = [f"{y}" if window == 1 else f"{y - window + 1}-{y}" for y in (first, last)]
        per_year = totals.sum(axis=1) / window
        return (
            f"Russia supplied {shares.loc[first, 'Russia']:.0f}% of China's arms imports in "
            f"{spans[0]} and {shares.loc[last, 'Russia']:.0f}% in {spans[1]}, while China's "
            f"imports from all suppliers went from {per_year[first]:,.0f} to "
            f"{per_year[last]:,.0f} million TIV a year{'' if window == 1 else ' on average'}."
        )


SUPPLIER_DEFAULTS = {"window": 1}


@register("arms_suppliers")
def arms_suppliers() -> LiveView:
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
#: What each row is (from the table's ``type`` and ``mode``): its label, marker and colour.
#: Simulated drills are computer-based command-post drills, not exercises in the field.
KINDS = {
    "exercise": ("live exercise", "o", actor_color("RUS")),
    "simulated drill": ("computer-simulated drill", "D", PALETTE["reddish_purple"]),
    "air patrol": ("joint air patrol", "^", actor_color("CHN")),
    "naval patrol": ("joint naval patrol", "s", PALETTE["bluish_green"]),
}
DOMAINS = ("land", "sea", "air", "combined")
PERIODS = dict(before="up to the article (2 Dec 2020)", after="after the article", all="all years")
ALL = "all"
#: Rows of the timeline, roughly west to east (layout only: some regions have no coordinates).
REGION_ORDER = tuple(
    "Baltic Sea|Mediterranean|Southern Africa|European Russia|Southern Russia|Volga/Urals|"
    "Arabian Sea/Gulf of Oman|Central Asia|Northwest China|South China Sea|North China|"
    "Russian Far East|Yellow Sea|East China Sea|Northeast China|Sea of Japan/East China Sea|"
    "Sea of Japan|Western Pacific|North Pacific".split("|")
)
#: The event the article singles out (paragraph 16): the first joint strategic bomber patrol.
FIRST_AIR_PATROL = "2019_air_patrol_1"


class NoMatchingEvents(ValueError):
    """The filters are valid but select no event."""


def events() -> pd.DataFrame:
    """The joint-events table with a ``start`` date and a ``kind`` (see :data:`KINDS`)."""
    table = data.load("joint_exercises")
    table["start"] = pd.to_datetime(table["start_date"], format="ISO8601")  # "2017-07" or a day
    simulated = table["mode"] == "computer-simulated"
    table["kind"] = np.where(simulated, "simulated drill", table["type"])
    unknown = sorted(set(table["region"]) - set(REGION_ORDER))
    if unknown:
        raise ValueError(f"regions {unknown} have no row in REGION_ORDER: add them")
    return table.sort_values(["start", "exercise_id"], kind="stable").reset_index(drop=True)


def up_to_article() -> pd.DataFrame:
    """The events that started on or before the article's date (2 December 2020)."""
    table = events()
    return table[table["start"] <= ARTICLE_DATE]


def filter_events(kind=ALL, domain=ALL, region=ALL, period="before") -> pd.DataFrame:
    """Events matching every filter (``"all"`` = no filter); ``period`` is a key of PERIODS.

    No match raises :class:`NoMatchingEvents`: an empty chart would look like "no exercises
    happened", not "your filters exclude all".
    """
    allowed = {"kind": KINDS, "domain": DOMAINS, "region": REGION_ORDER, "period": PERIODS}
    chosen = {"kind": kind, "domain": domain, "region": region, "period": period}
    table = events()
    mask = pd.Series(True, index=table.index)
    for name, value in chosen.items():
        if value != ALL and value not in allowed[name]:
            raise ValueError(f"{name} must be 'all' or one of {list(allowed[name])}, got {value!r}")
        if value != ALL and name != "period":
            mask &= table[name] == value
    if period == "before":
        mask &= table["start"] <= ARTICLE_DATE
    elif period == "after":
        mask &= table["start"] > ARTICLE_DATE
    if not mask.any():
        raise NoMatchingEvents(
            f"No joint events match kind={kind}, domain={domain}, region={region}, "
            f"{PERIODS[period]}: widen a filter."
        )
    return table[mask].reset_index(drop=True)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def event_summary(table: pd.DataFrame) -> str:
    """One sentence: how many events of each kind, in how many regions, over which dates."""
    if table.empty:
        raise ValueError("there are no events to summarise")
    counts = table["kind"].value_counts()
    parts = ", ".join(_plural(int(counts[k]), KINDS[k][0]) for k in KINDS if k in counts)
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
    patrol = table[table["exercise_id"] == FIRST_AIR_PATROL]
    if len(patrol):
        text += f"; the first joint air patrol flew on {patrol['start'].iloc[0]:%d %B %Y}"
    return text + "."


def region_tally(until: pd.Timestamp = ARTICLE_DATE, split_year: int = 2012) -> pd.DataFrame:
    """Live exercises up to ``until``, to ``split_year`` and after it: how many, in how many
    regions. Simulated drills and patrols are left out (claim C11)."""
    live = events()
    live = live[(live["kind"] == "exercise") & (live["start"] <= until)]
    early = live["start"].dt.year <= split_year
    periods = {
        f"{live['start'].min().year}-{split_year}": live[early],
        f"{split_year + 1}-{until:%d %b %Y}": live[~early],
    }
    rows = {
        p: {"live exercises": len(t), "regions": t["region"].nunique()} for p, t in periods.items()
    }
    return pd.DataFrame(rows).T.rename_axis("period")


# ----------------------------------------------------------------------------- exercises: widget
def _decimal_year(when: pd.Series) -> np.ndarray:
    return (when.dt.year + (when.dt.day_of_year - 1) / 365.25).to_numpy(dtype=float)


class ExercisesChart(LiveChart):
    """Events by start date (x) and region (rows, west at the top); shape and colour = kind.
    Every event stays as a light grey marker, so a filter shows which part of the whole list it
    selects; the selected events are drawn over them in colour."""

    def __init__(self) -> None:
        table = events()
        n = len(REGION_ORDER)
        self.fig, ax = figure(
            "Joint Russian-Chinese exercises and patrols",
            data.source_line(*sorted(table["source_id"].unique())),
            xlabel="Start date",
            size=(8.5, 5.8),
        )
        rows = table["region"].map(REGION_ORDER.index).to_numpy(dtype=float)
        when = _decimal_year(table["start"])
        for kind, (_label, marker, _color) in KINDS.items():  # every event, in grey
            chosen = (table["kind"] == kind).to_numpy()
            ax.scatter(when[chosen], rows[chosen], s=42, marker=marker, color=LIGHT_GREY, zorder=2)
        self.points = {}  # the selected events, in colour, over the grey ones
        for kind, (label, marker, color) in KINDS.items():
            style = {"edgecolors": WHITE, "linewidths": 0.5, "label": label, "zorder": 3}
            self.points[kind] = ax.scatter([], [], s=42, marker=marker, color=color, **style)
        ax.scatter([], [], s=42, marker="o", color=LIGHT_GREY, label="not selected")
        article = _decimal_year(pd.Series([ARTICLE_DATE]))[0]
        ax.plot([article, article], [n - 0.5, -0.6], ":", color=DARK_GREY, linewidth=1.2)
        left_of = {"xytext": (-4, 0), "textcoords": "offset points", "ha": "right", "va": "center"}
        ax.annotate("the article,\n2 Dec 2020", (article, n - 1), fontsize=9, **left_of)
        ax.set_yticks(range(n), REGION_ORDER, fontsize=9)
        ax.set_ylim(n - 0.5, -2.6)  # an empty band at the top for the legend
        first, last = int(table["start"].min().year), int(table["start"].max().year)
        ax.set_xlim(first - 0.3, last + 1.3)
        ax.xaxis.set_major_locator(FixedLocator(list(range(first, last + 2, 2))))
        ax.grid(axis="y", visible=False)
        ax.legend(loc="upper left", ncols=3, fontsize=9)  # in the empty band above the rows
        self.animated = list(self.points.values())

    def update(self, kind: str, domain: str, region: str, period: str) -> str:
        table = filter_events(kind, domain, region, period)
        rows = table["region"].map(REGION_ORDER.index).to_numpy(dtype=float)
        when = _decimal_year(table["start"])
        for name, points in self.points.items():
            chosen = (table["kind"] == name).to_numpy()
            points.set_offsets(np.column_stack([when[chosen], rows[chosen]]))
        return describe_events(table)


EXERCISE_DEFAULTS = {"kind": ALL, "domain": ALL, "region": ALL, "period": "before"}


@register("exercise_filter")
def exercise_filter() -> LiveView:
    kinds = [("All kinds", ALL), *[(label.capitalize(), k) for k, (label, *_) in KINDS.items()]]
    regions = [("All regions", ALL), *[(r, r) for r in sorted(REGION_ORDER)]]
    return LiveView(
        {
            "kind": dropdown("Kind", kinds),
            "domain": dropdown("Domain", [("All domains", ALL), *[(d, d) for d in DOMAINS]]),
            "region": dropdown("Region", regions),
            "period": toggle_buttons("Period", [(v, k) for k, v in PERIODS.items()], "before"),
        },
        ExercisesChart(),
        title="Joint exercises and patrols: filter the list",
        description=(
            "Choose a kind, domain, region and period; the sentence under the chart counts the "
            "events that match. Grey markers are the events your filters leave out. The list "
            "is not exhaustive."
        ),
    )
