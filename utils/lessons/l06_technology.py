"""Lesson 06: technology and sanctions (tables, charts and the import-source explorer).

The article says sanctions push Russia towards Chinese suppliers and that Moscow takes comfort
from 2014, when it defied the EU. Trade data cannot say which 5G vendor wins a contract, but
they can say where Russia's imports come from and how heavy the EU's weight was in 2013
compared with China's later. The trade numbers and their caveats come from
:mod:`utils.lessons.trade_tables`; the line chart of import shares is lesson 02's
:class:`~utils.lessons.l02_pivot.TradeExplorer` on the ``import_share`` measure.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.patches import Patch

from utils import data
from utils.lessons import trade_tables as tt
from utils.lessons.l02_pivot import TradeExplorer
from utils.live import DPI, LiveChart, LiveView, dropdown, register, select_multiple, toggle_buttons
from utils.style import (
    DARK_GREY,
    PALETTE,
    Chart,
    actor_color,
    encode_png,
    figure,
)

DEFAULTS = {"year_a": 2013, "year_b": 2023, "partners": ("CHN", "EU", "DEU", "USA"),
            "flow": "imports"}  # fmt: skip
#: Partners of the import-share line chart in section 2.
LINE_PARTNERS = ("CHN", "EU", "DEU", "USA")
#: The two windows compared in the "change after 2014" task: the four years before the
#: sanctions and the four years after the 2015 gap up to the article's last full year.
BEFORE, AFTER = (2010, 2013), (2016, 2019)
#: Periods of the stretch task: before 2014, sanctions to 2021, after February 2022.
PERIODS = {"2010-2013": (2010, 2013), "2016-2021": (2016, 2021), "2022-2024": (2022, 2024)}
#: Bars beyond this number carry no value label (they would overlap); the caption keeps all.
MAX_LABELLED_BARS = 16


# ----------------------------------------------------------------------------- tables
def import_shares(partners=LINE_PARTNERS) -> pd.DataFrame:
    """Each partner's share of Russia's goods imports by year (percent), columns = codes."""
    return tt.wide("import_share")[list(tt.check_partners(partners))]


def flow_shares(year: int, partners=LINE_PARTNERS, flow: str = "imports") -> pd.Series:
    """Each partner's share (percent) of Russia's imports or exports in ``year``, by name.

    Germany is inside the EU27, so shares of overlapping partners must not be added.

    >>> round(float(flow_shares(2013, ["EU"])["EU27"]), 1)
    40.0
    """
    if flow not in ("imports", "exports"):
        raise ValueError(f"flow must be 'imports' or 'exports', got {flow!r}")
    year = tt.check_year("year", year)
    partners = tt.check_partners(partners)
    row = tt.wide("import_share" if flow == "imports" else "export_share").loc[year, partners]
    row.index = [tt.name(p) for p in partners]
    row.name = year
    return row


def change_after_2014(partners=LINE_PARTNERS) -> pd.Series:
    """Mean import share in 2016-2019 minus the mean in 2010-2013, percentage points."""
    shares = import_shares(partners)
    return shares.loc[AFTER[0] : AFTER[1]].mean() - shares.loc[BEFORE[0] : BEFORE[1]].mean()


def period_means(partners=("CHN", "EU")) -> pd.DataFrame:
    """Mean import share of each partner in each period of :data:`PERIODS` (percent)."""
    shares = import_shares(partners)
    means = {label: shares.loc[lo:hi].mean() for label, (lo, hi) in PERIODS.items()}
    return pd.DataFrame(means).T


def eu_china_analogy() -> pd.DataFrame:
    """The 2014 analogy: the EU27's weight for Russia in 2013 against China's in later years.

    Rows "EU27 in 2013", "China in 2013", "China in 2019", "China in 2020", "China in 2023",
    "China in 2024"; columns ``trade_share`` and ``import_share`` (percent).
    """
    cases = [("EU", 2013), ("CHN", 2013), ("CHN", 2019), ("CHN", 2020), ("CHN", 2023),
             ("CHN", 2024)]  # fmt: skip
    trade, imports = tt.wide("share"), tt.wide("import_share")
    return pd.DataFrame(
        {
            "trade_share": [trade.at[y, p] for p, y in cases],
            "import_share": [imports.at[y, p] for p, y in cases],
        },
        index=[f"{tt.name(p)} in {y}" for p, y in cases],
    )


def first_year_at_level(partner: str, level: float, measure: str = "import_share") -> int | None:
    """First year in which ``partner``'s share reaches ``level`` percent (None if never)."""
    series = tt.wide(measure)[partner].dropna()
    reached = series.index[series >= level]
    return int(reached[0]) if len(reached) else None


def china_finance_to_russia() -> pd.Series:
    """Chinese official finance *committed* to Russia by year (USD bn, constant 2021 prices).

    AidData GCDF 3.0 records loans and grants agreed by Chinese state lenders. Commitments are
    not debt outstanding: loans are repaid, some are never drawn.
    """
    finance = data.load("chinese_official_finance")
    russia = finance[finance["recipient"] == "RUS"].set_index("year")
    series = russia["commitments_usd_m_2021"].astype(float) / 1000
    series.name = "Russia"
    return series


# ----------------------------------------------------------------------------- notes
def import_caveats(years, flow: str = "imports") -> list[str]:
    """Sentences any chart of import (or export) shares in ``years`` must carry."""
    notes = []
    if tt.COW_LOW_YEAR in years:
        if flow == "exports":
            notes.append(tt.cow_2001_note())
        else:
            notes.append(
                "COW's too-low 2001 total is of Russia's exports, so it does not enter 2001 "
                "import shares."
            )
    if max(years) >= tt.ESTIMATES_FROM:
        notes.append(tt.estimates_note("import_share" if flow == "imports" else "export_share"))
    return notes


# ----------------------------------------------------------------------------- charts
def import_share_chart() -> Chart:
    """Shares of Russia's imports, 1992-2024: lesson 02's explorer on the import measure."""
    chart = TradeExplorer().static(
        partners=LINE_PARTNERS, first_year=1992, last_year=2024, measure="import_share"
    )
    return chart


class ImportSources(LiveChart):
    """Grouped bars: each chosen partner's share of Russia's imports (or exports) in two years.

    Everything that changes is drawn by blitting onto one background per flow: the axes never
    move (x: 0-80%; y: the chosen partners share the same height), the partner names are text
    artists next to the bars, and the values are written beside each bar.
    """

    def __init__(self) -> None:
        self.fig, self.ax = figure("Where Russia's imports came from", tt.source_line([1992, 2024]),
                                   xlabel="% of Russia's goods imports", size=(8.5, 5))  # fmt: skip
        ax = self.ax
        n = len(tt.PARTNER_NAMES)
        colors = (PALETTE["sky_blue"], PALETTE["blue"])
        self.bars = [[ax.barh(0, 0, height=0.1, color=c)[0] for _ in range(n)] for c in colors]
        self.values = [[ax.text(0, 0, "", va="center", fontsize=9) for _ in range(n)]
                       for _ in colors]  # fmt: skip
        self.names = [ax.text(-1, 0, "", ha="right", va="center", fontsize=11) for _ in range(n)]
        handles = [Patch(color=c) for c in colors]
        self.legend = ax.legend(
            handles, ["Year A", "Year B"], loc="upper left", bbox_to_anchor=(1.01, 1.0)
        )  # beside the bars, never over them
        ax.set_xlim(0, 80)
        ax.set_ylim(n, 0)  # first partner at the top
        ax.grid(axis="y", visible=False)
        ax.grid(axis="x", visible=True)
        # Reserve room at the left for the longest partner name, then freeze the layout.
        longest = max(tt.PARTNER_NAMES.values(), key=len)
        ax.set_yticks([0.5], [longest])
        self.fig.canvas.draw()
        self.fig.set_layout_engine("none")
        ax.set_yticks([])
        ax.set_ylim(1, 0)
        self.flow: str | None = None
        self.source = self.fig.texts[0]  # the "Source: ..." line of utils.style.figure
        self.title = ax.set_title("Where Russia's imports came from")  # the house (left) title
        self.backgrounds: dict = {}
        # Drawn in this order, as a full draw would (bars under the spines, texts on top)
        self.animated = [
            *self.bars[0], *self.bars[1], *ax.spines.values(), *self.values[0], *self.values[1],
            *self.names, self.legend, self.title, self.source,
        ]  # fmt: skip

    def png(self, dpi: float = DPI) -> bytes:
        """Blit the bars and texts onto a background kept per flow and resolution."""
        if self.fig.dpi != dpi:
            self.fig.set_dpi(dpi)
        canvas, key = self.fig.canvas, (self.flow, dpi)
        if key not in self.backgrounds:
            for artist in self.animated:
                artist.set_animated(True)
            canvas.draw()
            self.backgrounds[key] = canvas.copy_from_bbox(self.fig.bbox)
        else:
            canvas.restore_region(self.backgrounds[key])
        for artist in self.animated:
            self.fig.draw_artist(artist)
        return encode_png(canvas)

    def update(self, year_a=2013, year_b=2023, partners=DEFAULTS["partners"], flow="imports"):
        if flow not in ("imports", "exports"):
            raise ValueError(f"flow must be 'imports' or 'exports', got {flow!r}")
        year_a, year_b = tt.check_year("Year A", year_a), tt.check_year("Year B", year_b)
        partners = tt.check_partners(partners)
        years = [year_a] if year_a == year_b else [year_a, year_b]
        shares = [flow_shares(year, partners, flow) for year in years]
        n, slot = len(partners), 1 / len(partners)
        height = min(0.8 * slot / len(years), 0.12)  # a lone bar stays a bar, not a block
        top = (slot - len(years) * height) / 2  # centre each group in its slot
        labelled = n * len(years) <= MAX_LABELLED_BARS
        for j in range(2):
            for i, (bar, text) in enumerate(zip(self.bars[j], self.values[j], strict=True)):
                shown = j < len(years) and i < n
                bar.set_visible(shown)
                text.set_visible(shown and labelled)
                if shown:
                    value = float(shares[j].iloc[i])
                    y = i * slot + top + j * height
                    bar.set_y(y)
                    bar.set_height(height)
                    bar.set_width(value)
                    text.set_position((value + 0.6, y + height / 2))
                    text.set_text(f"{value:.1f}%")
        for i, label in enumerate(self.names):
            label.set_visible(i < n)
            if i < n:
                label.set_text(tt.name(partners[i]))
                label.set_position((-1, (i + 0.5) * slot))
        texts, handles = self.legend.get_texts(), self.legend.legend_handles
        for j in range(2):
            texts[j].set_text(str(years[min(j, len(years) - 1)]))
            texts[j].set_visible(j < len(years))
            handles[j].set_visible(j < len(years))
        what = "imports came from" if flow == "imports" else "exports went"
        when = f"{year_a} vs {year_b}" if len(years) == 2 else f"{year_a}"
        self.title.set_text(f"Where Russia's {what}, {when}")
        self.source.set_text(tt.source_line(years))
        if flow != self.flow:
            self.flow = flow
            self.ax.set_xlabel(f"% of Russia's goods {flow}")
        parts = [
            f"{name} {a:.1f}% in {year_a}"
            + (f" and {b:.1f}% in {year_b}" if len(years) == 2 else "")
            for name, a, b in zip(shares[0].index, shares[0], shares[-1], strict=True)
        ]
        description = " ".join(
            [f"Shares of Russia's goods {flow}: " + "; ".join(parts) + ".",
             *import_caveats(years, flow)]
        )  # fmt: skip
        notes = []
        if year_a == year_b:
            notes.append(f"Both years are {year_a}: pick two different years to compare.")
        if "EU" in partners and any(p in partners for p in ("DEU", "NLD", "ITA", "FRA")):
            notes.append("EU members are also inside the EU27 bar, so do not add the shares up.")
        if not labelled:
            notes.append("With this many bars the values are in the caption, not on the bars.")
        return description, " ".join(notes)


@register("import_sources")
def import_source_explorer() -> LiveView:
    """Compare where Russia's imports came from (or its exports went) in two years."""
    years = tt.available_years()
    options = [(name, code) for code, name in tt.PARTNER_NAMES.items()]
    chart = ImportSources()
    for flow in ("exports", "imports"):  # draw both backgrounds once
        chart.update(**{**DEFAULTS, "flow": flow})
        chart.png()
    return LiveView(
        {
            "year_a": dropdown("Year A", years, DEFAULTS["year_a"]),
            "year_b": dropdown("Year B", years, DEFAULTS["year_b"]),
            "partners": select_multiple("Partners", options, DEFAULTS["partners"]),
            "flow": toggle_buttons(
                "Flow", [("Imports (sources)", "imports"), ("Exports (markets)", "exports")]
            ),
        },
        chart,
        title="Import-source explorer: who supplies Russia?",
        description=(
            "Choose two years and the partners to compare; switch between Russia's imports "
            "and its exports. There is no 2015 (a gap between the two sources)."
        ),
    )


def analogy_chart() -> Chart:
    """The 2014 analogy: the EU27's 2013 weight for Russia against China's in later years."""
    table = eu_china_analogy()
    fig, ax = figure(
        "Russia's reliance on the EU27 in 2013 and on China later",
        data.source_line("cow_trade_v4", "imf_imts_2025"),
        xlabel="% of Russia's goods trade or goods imports", size=(8.5, 4.8),
    )  # fmt: skip
    y = np.arange(len(table))
    for offset, column, label, color in (
        (-0.2, "trade_share", "Share of trade", PALETTE["blue"]),
        (0.2, "import_share", "Share of imports", PALETTE["orange"]),
    ):
        bars = ax.barh(y + offset, table[column], height=0.38, color=color, label=label)
        ax.bar_label(bars, fmt="%.1f%%", padding=3, fontsize=9)
    ax.set_yticks(y, table.index)
    ax.invert_yaxis()
    ax.axhspan(3.5, 5.5, color="#DDDDDD", zorder=0)
    ax.text(64, 4.5, "IMF estimates\nfrom partners'\nrecords", fontsize=9, color=DARK_GREY,
            ha="right", va="center")  # fmt: skip
    ax.set_xlim(0, 65)
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", visible=True)
    ax.legend(loc="center right", bbox_to_anchor=(1.0, 0.58))  # beside the short 2013-20 bars
    eu, c20, c23 = table.loc["EU27 in 2013"], table.loc["China in 2020"], table.loc["China in 2023"]
    gap = tt.customs_gap_2023()
    description = (
        f"In 2013 the EU27 took {eu['trade_share']:.1f}% of Russia's trade and supplied "
        f"{eu['import_share']:.1f}% of its imports; China's shares were "
        f"{c20['trade_share']:.1f}% and {c20['import_share']:.1f}% in 2020, the year the "
        f"article appeared, and {c23['trade_share']:.1f}% and {c23['import_share']:.1f}% in "
        "2023. The 2023 values are IMF estimates; over Russian customs' totals they would be about "
        f"{gap.loc[tt.CUSTOMS_TRADE_ROW, 'share_pct']:.1f}% and "
        f"{gap.loc['imports: IMF value from China, customs import total', 'share_pct']:.1f}%."
    )
    return Chart(fig, description)


def finance_chart() -> Chart:
    """Chinese official finance committed to Russia by year (commitments, not debt)."""
    series = china_finance_to_russia()
    top = series.sort_values(ascending=False, kind="stable").head(2)
    fig, ax = figure(
        "Chinese official finance committed to Russia (not debt outstanding)",
        data.source_line("aiddata_gcdf_3_0"),
        xlabel="Year of commitment", ylabel="USD bn, constant 2021 prices", size=(9, 4.5),
    )  # fmt: skip
    ax.bar(series.index, series.to_numpy(), color=actor_color("CHN"))
    ax.set_xticks(series.index[::2], [str(y) for y in series.index[::2]])
    description = (
        f"Chinese state lenders committed USD {series.sum():,.0f} bn (2021 prices) to Russia in "
        f"{series.index.min()}-{series.index.max()}, the largest amounts in {top.index[0]} "
        f"(USD {top.iloc[0]:.1f} bn) and {top.index[1]} (USD {top.iloc[1]:.1f} bn); these are "
        "commitments, not debt owed."
    )
    return Chart(fig, description)
