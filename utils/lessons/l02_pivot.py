"""Lesson 02: the pivot to the East (tables, charts and the trade explorer).

The lesson checks one sentence of the article: China's share of Russia's trade went from 10%
in 2013 to nearly 18% in 2019. The tables here recompute that share and show how far it moves
with the basis (whose records, which year, which world total); the charts draw them in plain
matplotlib; :class:`TradeExplorer` is the lesson's widget. The shared trade numbers and their
caveats (the 2015 gap, COW's 2001 export total, the 2022-2024 estimates) live in
:mod:`utils.lessons.trade_tables`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.lines import Line2D

from utils import data
from utils.lessons import trade_tables as tt
from utils.live import DPI, LiveChart, LiveView, dropdown, int_slider, register, select_multiple
from utils.style import (
    DARK_GREY,
    GREY,
    LIGHT_GREY,
    MARKERS,
    PALETTE,
    Chart,
    actor_color,
    encode_png,
    figure,
)

DEFAULTS = {
    "partners": ("CHN", "EU", "DEU", "USA"),
    "first_year": 1992,
    "last_year": 2024,
    "measure": "share",
}
#: Measures the explorer offers: (label, key of :data:`trade_tables.MEASURES`).
EXPLORER_MEASURES = (
    ("Share of Russia's trade (%)", "share"),
    ("Share of Russia's imports (%)", "import_share"),
    ("Share of Russia's exports (%)", "export_share"),
    ("Trade turnover (USD bn)", "turnover"),
    ("Russian exports to partner (USD bn)", "exports"),
    ("Russian imports from partner (USD bn)", "imports"),
)
#: Partners left out of the world total on the "far abroad"-like basis of section 4.
CIS_PARTNERS = ("BLR", "KAZ", "UKR")
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
    """A fixed colour, line style and marker per partner, so a line looks the same in every view.

    The four actors keep their house colours; the other partners share four colours and differ
    by line style and marker.
    """
    codes = list(tt.PARTNER_NAMES)
    actors = {"CHN": "CHN", "EU": "EU", "DEU": "DEU", "USA": "USA"}
    i = codes.index(code)
    if code in actors:
        return {"color": actor_color(actors[code]), "linestyle": "-", "marker": MARKERS[i]}
    others = [PALETTE["blue"], PALETTE["orange"], PALETTE["black"], GREY]
    j = i - len(actors)
    return {
        "color": others[j % 4],
        "linestyle": ("--", ":", "-.")[j // 4],
        "marker": MARKERS[(j + 4) % len(MARKERS)],
    }


# ----------------------------------------------------------------------------- tables
def source_coverage() -> pd.DataFrame:
    """First and last year and number of years each source covers in the trade table."""
    table = tt.trade()
    world = table[table["partner"] == "WLD"]
    coverage = world.groupby("source_id")["year"].agg(["min", "max", "count"])
    coverage.columns = ["first_year", "last_year", "years"]
    return coverage.sort_values("first_year")


def china_share(year: int) -> float:
    """China's share of Russia's goods trade in ``year``, percent."""
    return float(tt.wide("share").loc[tt.check_year("year", year), "CHN"])


def article_share_checks() -> pd.DataFrame:
    """The article's 2013 and 2019 figures and their ratio next to ours.

    Rows "2013", "2019", "ratio 2019/2013"; columns ``article``, ``our_data``, ``difference``.
    """
    ours = {year: china_share(year) for year in ARTICLE}
    table = pd.DataFrame(
        {
            "article": [ARTICLE[2013], ARTICLE[2019], ARTICLE[2019] / ARTICLE[2013]],
            "our_data": [ours[2013], ours[2019], ours[2019] / ours[2013]],
        },
        index=["2013", "2019", "ratio 2019/2013"],
    )
    table["difference"] = table["our_data"] - table["article"]
    return table


def _russia_reported_trade_with_china(year: int) -> float:
    """Russia's own record of its trade with China (USD m) from ``china_trade_with_russia``."""
    china = data.load("china_trade_with_russia")
    row = china[(china["year"] == year) & (china["partner"] == "RUS")]
    if row.empty:
        raise ValueError(f"no Russia-China row for {year} in china_trade_with_russia")
    return float(row["exports_usd_m"].iloc[0] + row["imports_usd_m"].iloc[0])


def share_on_bases() -> pd.DataFrame:
    """China's share of Russia's trade on several bases (percent), one row per basis.

    Only the basis changes from row to row: the valuation of exports (China's record, CIF, in
    COW years; Russia's own, FOB, otherwise), the year, and the world total (all partners, or
    without Belarus, Kazakhstan and Ukraine). Columns: ``share_pct``, ``year``, ``basis``,
    ``source_ids``.
    """
    turnover = tt.wide("turnover") * 1000  # USD m
    rows = [
        (f"{year} COW (mirror exports)", 100 * turnover.at[year, "CHN"] / turnover.at[year, "WLD"],
         year, "Russia's exports as China recorded them (CIF); COW world total", "cow_trade_v4")
        for year in (2013, 2014)
    ]  # fmt: skip
    rows.append(
        ("2014 Russia's own records",
         100 * _russia_reported_trade_with_china(2014) / turnover.loc[2014, "WLD"], 2014,
         "Russia-reported trade with China (UN Comtrade); COW world total",
         "un_comtrade_cipf_2026; cow_trade_v4")
    )  # fmt: skip
    world_2019 = turnover.loc[2019, "WLD"]
    without_cis = world_2019 - turnover.loc[2019, list(CIS_PARTNERS)].sum()
    for label, year, total, basis in (
        ("2019 IMF (Russia's records)", 2019, world_2019, "Russia-reported; world"),
        ("2019 total without BLR, KAZ, UKR", 2019, without_cis,
         "Russia-reported; world minus Belarus, Kazakhstan, Ukraine"),
        ("2020 IMF (Russia's records)", 2020, turnover.loc[2020, "WLD"], "Russia-reported; world"),
    ):  # fmt: skip
        share = 100 * turnover.loc[year, "CHN"] / total
        rows.append((label, share, year, basis, "imf_imts_2025"))
    table = pd.DataFrame(rows, columns=["label", "share_pct", "year", "basis", "source_ids"])
    return table.set_index("label")


def press_share_check() -> pd.DataFrame:
    """The press-quoted shares of :data:`PRESS_SHARES` next to ours for the same year."""
    table = PRESS_SHARES.set_index("year")[["quoted_pct", "basis"]].copy()
    table.insert(1, "our_pct", [china_share(int(year)) for year in table.index])
    table.insert(2, "difference", table["our_pct"] - table["quoted_pct"])
    return table


def first_year_above(partner: str, other: str, measure: str = "imports") -> int | None:
    """First year in which ``partner`` exceeds ``other`` on ``measure`` (None if never)."""
    tt.check_partners([partner, other])
    table = tt.wide(measure)[[partner, other]].dropna()
    above = table.index[table[partner] > table[other]]
    return int(above[0]) if len(above) else None


def growth_2013_2019() -> pd.DataFrame:
    """Trade with China, the EU27 and the world in 2013 and 2019 (USD bn) and the change (%).

    A share rises when trade with the partner grows *or* when total trade shrinks; this table
    shows which happened.
    """
    table = tt.wide("turnover").loc[[2013, 2019], ["CHN", "EU", "WLD"]].T
    table.index = ["China", "EU27", "World"]
    table.columns = ["2013", "2019"]
    table["change_pct"] = 100 * (table["2019"] / table["2013"] - 1)
    return table


# ----------------------------------------------------------------------------- the explorer
def _ceiling(value: float, measure: str) -> float:
    step = 10 if measure in tt.SHARE_OF else 50
    return float(np.ceil(value * 1.12 / step) * step)


def _describe(frame: pd.DataFrame, measure: str) -> str:
    """'China went from 6.9% in 1992 to 33.4% in 2024; EU27 from 57.5% to 9.6%'."""
    percent = measure in tt.SHARE_OF
    fmt = (lambda v: f"{v:.1f}%") if percent else (lambda v: f"USD {v:,.1f} bn")
    parts, years = [], (int(frame.index[0]), int(frame.index[-1]))
    for i, column in enumerate(frame.columns):
        series = frame[column].dropna()
        if series.empty:
            parts.append(f"{column} has no data in these years")
            continue
        (y0, v0), (y1, v1) = (int(series.index[0]), series.iloc[0]), (
            int(series.index[-1]), series.iloc[-1])  # fmt: skip
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
            notes.append(
                "COW's too-low 2001 total is of Russia's exports, so it does not enter these "
                "import shares."
            )
    if hi >= tt.ESTIMATES_FROM:
        notes.append(tt.estimates_note(measure))
    return notes


class TradeExplorer(LiveChart):
    """Lines of Russia's trade with chosen partners, 1992-2024, on one of six measures.

    The axes stay fixed for each measure (x: 1992-2024; y: room for the largest partner), so
    changing partners or years only redraws lines and the legend; the chosen years decide
    which part of each line is drawn and which values the description names.
    """

    def __init__(self) -> None:
        self.fig, self.ax = figure(
            "Partners' share of Russia's goods trade", tt.source_line([1992, 2024]),
            xlabel="Year", ylabel="% of Russia's goods trade",
        )  # fmt: skip
        ax = self.ax
        ax.set_xlim(1991.3, 2025.6)  # room on the right for the "IMF estimates" label
        self.lines = {}
        for code in tt.PARTNER_NAMES:
            (line,) = ax.plot([], [], markersize=4, label=tt.name(code), **partner_style(code))
            self.lines[code] = line
        top = ax.get_xaxis_transform()  # x in data, y in axes fraction
        small = {"fontsize": 9, "color": DARK_GREY, "transform": top}
        ax.axvspan(tt.GAP_YEAR - 0.5, tt.GAP_YEAR + 0.5, color=LIGHT_GREY, zorder=0)
        ax.text(tt.GAP_YEAR, 0.03, "no data", rotation=90, ha="center", va="bottom", **small)
        ax.text(tt.GAP_YEAR - 0.7, 0.99, "COW \u2190", ha="right", va="top", **small)
        ax.text(tt.GAP_YEAR + 0.7, 0.99, "\u2192 IMF", ha="left", va="top", **small)
        for year in tt.SANCTION_YEARS:
            ax.axvline(year, color=GREY, linestyle=":", linewidth=1.3, zorder=1)
        ax.text(2013.8, 0.91, "sanctions\n2014", ha="right", va="top", **small)
        ax.text(2021.8, 0.91, "sanctions\n2022", ha="right", va="top", **small)
        ax.text(2022.2, 0.99, "IMF\nestimates", ha="left", va="top", **small)
        self.mark_2001 = [
            ax.axvline(tt.COW_LOW_YEAR, color=GREY, linestyle="--", linewidth=1, zorder=1),
            ax.text(tt.COW_LOW_YEAR + 0.3, 0.99, "2001: COW export\ntotal too low",
                    ha="left", va="top", **small),
        ]  # fmt: skip
        # Reserve room for the widest legend (all partners) once, then freeze the layout.
        self.legend = ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=9)
        ax.set_ylim(0, 450)  # the widest tick labels (USD bn) any measure gives
        self.fig.canvas.draw()
        self.fig.set_layout_engine("none")
        self.drawn_for: str | None = None  # the measure the axes are set up for
        self.legend_for: tuple = ()  # the partners the legend lists
        self.source = self.fig.texts[0]  # the "Source: ..." line of utils.style.figure
        self.title = ax.set_title("Partners' share of Russia's goods trade")  # the house title
        self.backgrounds: dict = {}  # (measure, dpi) -> the static pixels, drawn once
        self.animated = []

    def png(self, dpi: float = DPI) -> bytes:
        """Blit lines, legend and title onto a background kept per measure and resolution.

        Matplotlib's blitting pattern (``copy_from_bbox`` / ``restore_region`` /
        ``draw_artist``) as in :class:`utils.live.LiveChart`, but with one background per
        measure, so switching measures back and forth does not redraw the axes each time.
        """
        if self.fig.dpi != dpi:
            self.fig.set_dpi(dpi)
        canvas, key = self.fig.canvas, (self.drawn_for, dpi)
        if key not in self.backgrounds:
            for artist in self.animated:
                artist.set_animated(True)  # canvas.draw() leaves them out
            canvas.draw()
            self.backgrounds[key] = canvas.copy_from_bbox(self.fig.bbox)
        else:
            canvas.restore_region(self.backgrounds[key])
        for artist in self.animated:
            self.fig.draw_artist(artist)
        return encode_png(canvas)

    def prepare(self, dpi: float = DPI) -> None:
        """Draw the background of every measure once (about 0.05 s each) before a class."""
        for _label, measure in EXPLORER_MEASURES:
            self.update(**{**DEFAULTS, "measure": measure})
            self.png(dpi)

    def update(self, partners=DEFAULTS["partners"], first_year=1992, last_year=2024,
               measure="share"):  # fmt: skip
        if measure not in tt.MEASURES:
            raise ValueError(f"measure must be one of {list(tt.MEASURES)}, got {measure!r}")
        partners = tt.check_partners(partners)
        first = tt.check_year("First year", first_year, allow_gap=True)
        last = tt.check_year("Last year", last_year, allow_gap=True)
        lo, hi = sorted((first, last))
        frame = tt.partner_series(partners, measure, lo, hi)
        table = tt.wide(measure)
        window = table.reindex(range(lo, hi + 1))  # 2015 becomes NaN: the lines break there
        for code, line in self.lines.items():
            line.set_visible(code in partners)
            line.set_data(window.index.to_numpy(), window[code].to_numpy(dtype=float))
        ylabel, title = tt.MEASURES[measure]
        self.title.set_text(f"{title}, {lo}-{hi}" if lo != hi else f"{title}, {lo}")
        if measure != self.drawn_for:
            # A new measure changes the value axis, so the next picture is drawn in full;
            # partners and years only change the lines, the legend and the title (blitted).
            self.drawn_for = measure
            self.ax.set_ylim(0, _ceiling(table.drop(columns="WLD").max().max(), measure))
            self.ax.set_ylabel(ylabel)
            for artist in self.mark_2001:
                artist.set_visible(measure in ("share", "export_share"))
        if tuple(partners) != self.legend_for:
            self.legend_for = tuple(partners)
            handles = [Line2D([], [], markersize=4, **partner_style(c)) for c in partners]
            self.legend = self.ax.legend(
                handles,
                [tt.name(c) for c in partners],
                loc="upper left",
                bbox_to_anchor=(1.01, 1.0),
                fontsize=9,
            )
        self.source.set_text(tt.source_line([lo, hi]))
        # Drawn in this order, as a full draw would (lines under the spines, legend on top)
        self.animated = [*self.lines.values(), *self.ax.spines.values(), self.legend,
                         self.title, self.source]  # fmt: skip
        description = " ".join([_describe(frame, measure), *caveats(lo, hi, measure)])
        note = ""
        if first > last:
            note = f"The first year was after the last; the chart shows {lo}-{hi}."
        elif lo == hi:
            note = f"First and last year are both {lo}: one year is shown."
        return description, note


@register("trade_explorer")
def trade_explorer() -> LiveView:
    """Choose partners, a range of years and a measure of Russia's trade."""
    years = tt.available_years()
    options = [(name, code) for code, name in tt.PARTNER_NAMES.items()]
    chart = TradeExplorer()
    chart.prepare()
    return LiveView(
        {
            "partners": select_multiple("Partners", options, DEFAULTS["partners"]),
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
    for offset, column, label, color in (
        (-0.2, "article", "Article", GREY),
        (0.2, "our_data", "Our data", actor_color("CHN")),
    ):
        bars = ax.bar(x + offset, checks[column].iloc[:2], width=0.38, color=color, label=label)
        texts = ["10%", "nearly 18%"] if column == "article" else None
        ax.bar_label(bars, labels=texts, fmt="%.1f%%", padding=3)
    ax.set_xticks(x, ["2013", "2019"])
    ax.set_yticks(range(0, 21, 5))
    ax.set_ylim(0, 22)
    ax.legend(loc="upper left")
    ratio = checks.loc["ratio 2019/2013"]
    description = (
        f"The article gives 10% for 2013 and nearly 18% for 2019; our data give "
        f"{checks.loc['2013', 'our_data']:.1f}% and {checks.loc['2019', 'our_data']:.1f}%, so "
        f"the share grew {ratio['our_data']:.2f}-fold rather than {ratio['article']:.1f}-fold."
    )
    return Chart(fig, description)


def basis_chart() -> Chart:
    """China's share on each basis of :func:`share_on_bases`, with the article's two figures."""
    table = share_on_bases()
    ids = list(dict.fromkeys(s.strip() for cell in table["source_ids"] for s in cell.split(";")))
    fig, ax = figure(
        "China's share of Russia's trade on six bases", data.source_line(*ids),
        xlabel="% of Russia's exports + imports", size=(9, 4.6),
    )  # fmt: skip
    colors = [actor_color("CHN") if label.startswith("2019") else PALETTE["blue"]
              for label in table.index]  # fmt: skip
    bars = ax.barh(table.index, table["share_pct"], color=colors)
    ax.bar_label(bars, fmt="%.1f%%", padding=3)
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", visible=True)
    ax.set_xticks(range(0, 21, 5))
    ax.set_xlim(0, 21)
    for value, style in ((ARTICLE[2013], "--"), (ARTICLE[2019], ":")):
        ax.axvline(value, color=DARK_GREY, linestyle=style, linewidth=1.3,
                   label=f"Article: {value:.0f}%")  # fmt: skip
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=9)
    share = table["share_pct"]
    own_2019, own_2020 = share["2019 IMF (Russia's records)"], share["2020 IMF (Russia's records)"]
    description = (
        f"On Russia's own 2019 records China's share is {own_2019:.1f}%; it reaches "
        f"{share['2019 total without BLR, KAZ, UKR']:.1f}% if three CIS partners are left out "
        f"of the total, and {own_2020:.1f}% in 2020, so the article's 18% fits another basis "
        "or year."
    )
    return Chart(fig, description)
