"""Lesson 02: the pivot to the East (tables, charts and the trade explorer).

The lesson checks one sentence of the article: China's share of Russia's trade went from 10%
in 2013 to nearly 18% in 2019. The tables here recompute that share and show how far it moves
with the basis (whose records, which year, which world total). The shared trade numbers and
their caveats (the 2015 gap, COW's 2001 export total, the 2022-2024 estimates) live in
:mod:`utils.trade_tables`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from utils import data
from utils import trade_tables as tt
from utils.live import LiveChart, LiveView, dropdown, int_slider, register, select_multiple
from utils.style import DARK_GREY, GREY, LIGHT_GREY, MARKERS, PALETTE, Chart, actor_color, figure

ACTORS = ("CHN", "EU", "DEU", "USA")  #: partners with a house colour, shown at first
DEFAULTS = {"partners": ACTORS, "first_year": 1992, "last_year": 2024, "measure": "share"}
#: Measures the explorer offers: (label, key of :data:`trade_tables.MEASURES`).
EXPLORER_MEASURES = (
    ("Share of Russia's trade (%)", "share"),
    ("Share of Russia's imports (%)", "import_share"),
    ("Share of Russia's exports (%)", "export_share"),
    ("Trade turnover (USD bn)", "turnover"),
    ("Russian exports to partner (USD bn)", "exports"),
    ("Russian imports from partner (USD bn)", "imports"),
)
ARTICLE = {2013: 10.0, 2019: 18.0}  #: the article's two figures, percent
#: China's share of Russia's trade as the press quoted it (percent), with basis and page; from
#: the compiled list data/raw/post-2020/press_reported_figures_trade_energy_finance_2013-2024.csv.
PRESS_SHARES = pd.DataFrame(
    [
        (2013, 10.3, "as quoted by TRT World (14 June 2019); basis not stated",
         "https://www.trtworld.com/article/12717648"),
        (2018, 15.7, "Russian customs (FCS), quoted by Sputnik Mundo (8 May 2019)",
         "https://noticiaslatam.lat/20190508/relaciones-comerciales-china-rusia-1087145050.html"),
    ],
    columns=["year", "quoted_pct", "basis", "source_url"],
)  # fmt: skip


def partner_style(code: str) -> dict:
    """A fixed colour, line style and marker per partner, so a line looks the same in every view
    (actors in their house colours; the others share four colours and differ by style)."""
    i = list(tt.PARTNER_NAMES).index(code)
    if code in ACTORS:
        return {"color": actor_color(code), "linestyle": "-", "marker": MARKERS[i]}
    j = i - 4
    return {
        "color": (PALETTE["blue"], PALETTE["orange"], PALETTE["black"], GREY)[j % 4],
        "linestyle": ("--", ":", "-.")[j // 4],
        "marker": MARKERS[(j + 4) % len(MARKERS)],
    }


# ----------------------------------------------------------------------------- tables
def source_coverage() -> pd.DataFrame:
    """First and last year and number of years each source covers in the trade table."""
    world = data.load("russia_trade_by_partner").query("partner == 'WLD'")
    years = world.groupby("source_id")["year"]
    return years.agg(first_year="min", last_year="max", years="count").sort_values("first_year")


def china_share(year: int) -> float:
    """China's share of Russia's goods trade in ``year``, percent."""
    return float(tt.wide("share").loc[tt.check_year("year", year), "CHN"])


def article_share_checks() -> pd.DataFrame:
    """The article's 2013 and 2019 figures and their ratio next to ours (and the difference)."""
    table = pd.DataFrame({"article": ARTICLE, "our_data": {y: china_share(y) for y in ARTICLE}})
    table.loc["ratio 2019/2013"] = table.loc[2019] / table.loc[2013]
    table.index = [str(i) for i in table.index]
    table["difference"] = table["our_data"] - table["article"]
    return table


def share_on_bases() -> pd.DataFrame:
    """China's share of Russia's trade (percent) on six bases: whose record of exports (China's
    CIF mirror or Russia's FOB), which year, which world total (with or without three CIS)."""
    turnover = tt.wide("turnover") * 1000  # USD m
    china, world = turnover["CHN"], turnover["WLD"]
    reported = data.load("china_trade_with_russia").query("year == 2014 and partner == 'RUS'")
    own_2014 = float(reported["exports_usd_m"].iloc[0] + reported["imports_usd_m"].iloc[0])
    without_cis = world[2019] - turnover.loc[2019, ["BLR", "KAZ", "UKR"]].sum()  # "far abroad"
    mirror = "Russia's exports as China recorded them (CIF); COW world total"
    russia, imf = "Russia-reported; world", "imf_imts_2025"
    rows = [  # (label, trade with China, world total, year, basis, source ids), USD m
        ("2013 COW (mirror exports)", china[2013], world[2013], 2013, mirror, "cow_trade_v4"),
        ("2014 COW (mirror exports)", china[2014], world[2014], 2014, mirror, "cow_trade_v4"),
        ("2014 Russia's own records", own_2014, world[2014], 2014,
         "Russia-reported trade with China (UN Comtrade); COW world total",
         "un_comtrade_cipf_2026; cow_trade_v4"),
        ("2019 IMF (Russia's records)", china[2019], world[2019], 2019, russia, imf),
        ("2019 total without BLR, KAZ, UKR", china[2019], without_cis, 2019,
         "Russia-reported; world minus Belarus, Kazakhstan, Ukraine", imf),
        ("2020 IMF (Russia's records)", china[2020], world[2020], 2020, russia, imf),
    ]  # fmt: skip
    table = pd.DataFrame(rows, columns=["label", "china", "world", "year", "basis", "source_ids"])
    table.insert(1, "share_pct", 100 * table.pop("china") / table.pop("world"))
    return table.set_index("label")


def press_share_check() -> pd.DataFrame:
    """The press-quoted shares of :data:`PRESS_SHARES` next to ours for the same year."""
    table = PRESS_SHARES.set_index("year")[["quoted_pct", "basis"]].copy()
    table.insert(1, "our_pct", [china_share(int(year)) for year in table.index])
    table.insert(2, "difference", table["our_pct"] - table["quoted_pct"])
    return table


def first_year_above(partner: str, other: str, measure: str = "imports") -> int | None:
    """First year in which ``partner`` exceeds ``other`` on ``measure`` (None if never)."""
    table = tt.wide(measure)[tt.check_partners([partner, other])].dropna()
    above = table.index[table[partner] > table[other]]
    return int(above[0]) if len(above) else None


def growth_2013_2019() -> pd.DataFrame:
    """Trade with China, the EU27 and the world in 2013 and 2019 (USD bn) and the change (%):
    a share rises when trade with the partner grows *or* when total trade shrinks."""
    table = tt.wide("turnover").loc[[2013, 2019], ["CHN", "EU", "WLD"]].T
    table.index, table.columns = ["China", "EU27", "World"], ["2013", "2019"]
    table["change_pct"] = 100 * (table["2019"] / table["2013"] - 1)
    return table


# ----------------------------------------------------------------------------- the explorer
def _describe(frame: pd.DataFrame, measure: str) -> str:
    """'China went from 6.9% in 1992 to 33.4% in 2024; EU27 from 57.5% to 9.6%'."""
    fmt = (lambda v: f"{v:.1f}%") if measure in tt.SHARE_OF else (lambda v: f"USD {v:,.1f} bn")
    parts, years = [], (frame.index[0], frame.index[-1])
    for i, column in enumerate(frame.columns):
        series = frame[column].dropna()
        if series.empty:
            parts.append(f"{column} has no data in these years")
            continue
        (y0, y1), (v0, v1) = (int(series.index[0]), int(series.index[-1])), series.iloc[[0, -1]]
        if y0 == y1:
            parts.append(f"{column}: {fmt(v1)} in {y1}")
        elif i == 0 or (y0, y1) != years:  # name the years where they differ (KAZ ends 2023)
            parts.append(f"{column} went from {fmt(v0)} in {y0} to {fmt(v1)} in {y1}")
        else:
            parts.append(f"{column} from {fmt(v0)} to {fmt(v1)}")
    return "; ".join(parts) + "."


def caveats(lo: int, hi: int, measure: str) -> list[str]:
    """The sentences a chart of ``lo``-``hi`` on ``measure`` must carry."""
    notes = []
    if lo < tt.GAP_YEAR < hi:
        notes.append(f"{tt.GAP_YEAR} is in neither source and is left blank.")
    if lo <= tt.COW_LOW_YEAR <= hi:
        if measure in ("share", "export_share"):
            notes.append(tt.cow_2001_note())
        elif measure == "import_share":
            notes.append(tt.IMPORTS_2001_NOTE.format("these"))
    if hi >= tt.ESTIMATES_FROM:
        notes.append(tt.estimates_note(measure))
    return notes


class TradeExplorer(LiveChart):
    """Lines of Russia's trade with chosen partners, 1992-2024, on one of six measures.

    The axes stay fixed for each measure, so partners and years only change (blitted) lines,
    legend and title; each measure keeps its own stored background (:meth:`background_key`).
    """

    LEGEND = {"loc": "upper left", "bbox_to_anchor": (1.01, 1.0), "fontsize": 9}

    def __init__(self) -> None:
        self.fig, self.ax = figure(
            "Partners' share of Russia's goods trade", tt.source_line([1992, 2024]),
            xlabel="Year", ylabel="% of Russia's goods trade",
        )  # fmt: skip
        ax = self.ax
        ax.set_xlim(1991.3, 2025.6)  # room on the right for the "IMF estimates" label
        self.lines = {
            code: ax.plot([], [], markersize=4, label=name, **partner_style(code))[0]
            for code, name in tt.PARTNER_NAMES.items()
        }
        small = {"fontsize": 9, "color": DARK_GREY, "transform": ax.get_xaxis_transform()}
        ax.axvspan(tt.GAP_YEAR - 0.5, tt.GAP_YEAR + 0.5, color=LIGHT_GREY, zorder=0)
        ax.text(tt.GAP_YEAR, 0.03, "no data", rotation=90, ha="center", va="bottom", **small)
        ax.text(tt.GAP_YEAR - 0.7, 0.99, "COW \u2190", ha="right", va="top", **small)
        ax.text(tt.GAP_YEAR + 0.7, 0.99, "\u2192 IMF", ha="left", va="top", **small)
        for year in tt.SANCTION_YEARS:
            ax.axvline(year, color=GREY, linestyle=":", linewidth=1.3, zorder=1)
            ax.text(year - 0.2, 0.91, f"sanctions\n{year}", ha="right", va="top", **small)
        ax.text(2022.2, 0.99, "IMF\nestimates", ha="left", va="top", **small)
        self.mark_2001 = [
            ax.axvline(tt.COW_LOW_YEAR, color=GREY, linestyle="--", linewidth=1, zorder=1),
            ax.text(tt.COW_LOW_YEAR + 0.3, 0.99, "2001: COW export\ntotal too low",
                    ha="left", va="top", **small),
        ]  # fmt: skip
        # Reserve room for the widest legend (all partners) once, then freeze the layout.
        self.legend = ax.legend(**self.LEGEND)
        ax.set_ylim(0, 450)  # the widest tick labels (USD bn) any measure gives
        self.fig.canvas.draw()
        self.fig.set_layout_engine("none")
        self.measure = "share"
        self.source = self.fig.texts[0]  # the "Source: ..." line of utils.style.figure
        # The house title is the left one: set_title returns it, ax.title is the centre one.
        self.title = ax.set_title("Partners' share of Russia's goods trade")

    def background_key(self) -> str:
        return self.measure  # the y label and the 2001 mark change with it

    def update(self, partners=DEFAULTS["partners"], first_year=1992, last_year=2024,
               measure="share"):  # fmt: skip
        first = tt.check_year("First year", first_year, allow_gap=True)
        last = tt.check_year("Last year", last_year, allow_gap=True)
        lo, hi = sorted((first, last))
        frame = tt.partner_series(partners, measure, lo, hi)  # checks partners and measure
        table = tt.wide(measure)
        window = table.reindex(range(lo, hi + 1))  # 2015 becomes NaN: the lines break there
        for code, line in self.lines.items():
            line.set_visible(code in partners)
            line.set_data(window.index.to_numpy(), window[code].to_numpy(dtype=float))
        ylabel, title = tt.MEASURES[measure]
        self.title.set_text(f"{title}, {lo}-{hi}" if lo != hi else f"{title}, {lo}")
        self.measure = measure
        top = table.drop(columns="WLD").max().max() * 1.12  # room above the largest partner
        step = 10 if measure in tt.SHARE_OF else 50
        self.ax.set_ylim(0, float(np.ceil(top / step) * step))  # fixed for each measure
        self.ax.set_ylabel(ylabel)
        for artist in self.mark_2001:
            artist.set_visible(measure in ("share", "export_share"))
        self.legend = self.ax.legend(handles=[self.lines[code] for code in partners], **self.LEGEND)
        self.source.set_text(tt.source_line([lo, hi]))
        # Drawn in this order, as a full draw would (lines under the spines, legend on top)
        self.animated = [*self.lines.values(), *self.ax.spines.values(), self.legend,
                         self.title, self.source]  # fmt: skip
        description = " ".join([_describe(frame, measure), *caveats(lo, hi, measure)])
        if first > last:
            return description, f"The first year was after the last; the chart shows {lo}-{hi}."
        if lo == hi:
            return description, f"First and last year are both {lo}: one year is shown."
        return description, ""


@register("trade_explorer")
def trade_explorer() -> LiveView:
    """Choose partners, a range of years and a measure of Russia's trade."""
    years = tt.available_years()
    chart = TradeExplorer()
    for _label, measure in EXPLORER_MEASURES:  # draw each measure's background once (~0.05 s)
        chart.update(**{**DEFAULTS, "measure": measure})
        chart.png()
    return LiveView(
        {
            "partners": select_multiple(
                "Partners", [(n, c) for c, n in tt.PARTNER_NAMES.items()], DEFAULTS["partners"]
            ),
            "first_year": int_slider("First year", years[0], years[-1], 1, years[0]),
            "last_year": int_slider("Last year", years[0], years[-1], 1, years[-1]),
            "measure": dropdown("Measure", EXPLORER_MEASURES, "share"),
        },
        chart,
        title="Trade explorer: Russia's partners, 1992-2024",
        description=(
            "Pick partners (Ctrl/Cmd-click for several), move the year sliders and choose a "
            "measure. Germany is part of the EU27. The value axis stays fixed for each measure."
        ),
    )


# ----------------------------------------------------------------------------- other charts
def article_check_chart() -> Chart:
    """The article's 10% (2013) and 'nearly 18%' (2019) next to our computed shares."""
    checks = article_share_checks()
    fig, ax = figure(
        "China's share of Russia's goods trade: the article and our data",
        data.source_line("cow_trade_v4", "imf_imts_2025"),
        xlabel="Year (our data: COW for 2013, IMF for 2019)",
        ylabel="% of Russia's exports + imports",
        size=(8.5, 4.5),
    )
    x = np.arange(2)
    for offset, column, label, color, texts in (
        (-0.2, "article", "Article", GREY, ["10%", "nearly 18%"]),
        (0.2, "our_data", "Our data", actor_color("CHN"), None),
    ):
        bars = ax.bar(x + offset, checks[column].iloc[:2], width=0.38, color=color, label=label)
        ax.bar_label(bars, labels=texts, fmt="%.1f%%", padding=3)
    ax.set_xticks(x, ["2013", "2019"])
    ax.set_yticks(range(0, 21, 5))
    ax.set_ylim(0, 22)
    ax.legend(loc="upper left")
    ours, ratio = checks["our_data"], checks.loc["ratio 2019/2013"]
    description = (
        f"The article gives 10% for 2013 and nearly 18% for 2019; our data give "
        f"{ours['2013']:.1f}% and {ours['2019']:.1f}%, so "
        f"the share grew {ratio['our_data']:.2f}-fold rather than {ratio['article']:.1f}-fold."
    )
    return Chart(fig, description)


def basis_chart() -> Chart:
    """China's share on each basis of :func:`share_on_bases`, with the article's two figures."""
    table = share_on_bases()
    share = table["share_pct"]
    fig, ax = figure(
        "China's share of Russia's trade on six bases",
        data.source_line(*(i.strip() for ids in table["source_ids"] for i in ids.split(";"))),
        xlabel="% of Russia's exports + imports", size=(9, 4.6),
    )  # fmt: skip
    colors = [actor_color("CHN") if label.startswith("2019") else PALETTE["blue"]
              for label in table.index]  # fmt: skip
    ax.bar_label(ax.barh(table.index, share, color=colors), fmt="%.1f%%", padding=3)
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", visible=True)
    ax.set_xticks(range(0, 21, 5))
    ax.set_xlim(0, 21)
    for value, style in ((ARTICLE[2013], "--"), (ARTICLE[2019], ":")):
        ax.axvline(value, color=DARK_GREY, linestyle=style, linewidth=1.3,
                   label=f"Article: {value:.0f}%")  # fmt: skip
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=9)
    own_2019, own_2020 = share["2019 IMF (Russia's records)"], share["2020 IMF (Russia's records)"]
    description = (
        f"On Russia's own 2019 records China's share is {own_2019:.1f}%; it reaches "
        f"{share['2019 total without BLR, KAZ, UKR']:.1f}% if three CIS partners are left out "
        f"of the total, and {own_2020:.1f}% in 2020, so the article's 18% fits another basis "
        "or year."
    )
    return Chart(fig, description)
