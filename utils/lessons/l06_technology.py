"""Lesson 06: technology and sanctions (tables, charts and the import-source explorer).

The article says sanctions push Russia towards Chinese suppliers and that Moscow takes comfort
from 2014, when it defied the EU. Trade data cannot say which 5G vendor wins a contract, but
they can say where Russia's imports come from and how heavy the EU's weight was in 2013
compared with China's later. The line chart of import shares is lesson 02's explorer.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.patches import Patch

from utils import data
from utils import trade_tables as tt
from utils.lessons.l02_pivot import ACTORS, TradeExplorer
from utils.live import LiveChart, LiveView, dropdown, register, select_multiple, toggle_buttons
from utils.style import DARK_GREY, LIGHT_GREY, PALETTE, Chart, actor_color, figure

DEFAULTS = {"year_a": 2013, "year_b": 2023, "partners": ACTORS, "flow": "imports"}
#: The two windows compared in the "change after 2014" task: the four years before the
#: sanctions and the four years after the 2015 gap up to the article's last full year.
BEFORE, AFTER = (2010, 2013), (2016, 2019)
#: Bars beyond this number carry no value label (they would overlap); the caption keeps all.
MAX_LABELLED_BARS = 16
#: The share measure of :mod:`~utils.trade_tables` for each flow.
FLOW_SHARE = {"imports": "import_share", "exports": "export_share"}


# ----------------------------------------------------------------------------- tables
def flow_shares(year: int, partners=ACTORS, flow: str = "imports") -> pd.Series:
    """Each partner's share (percent) of Russia's imports or exports in ``year``, by name.
    Germany is inside the EU27, so shares of overlapping partners must not be added."""
    if flow not in FLOW_SHARE:
        raise ValueError(f"flow must be 'imports' or 'exports', got {flow!r}")
    year, partners = tt.check_year("year", year), tt.check_partners(partners)
    row = tt.wide(FLOW_SHARE[flow]).loc[year, partners]
    row.index, row.name = [tt.PARTNER_NAMES[p] for p in partners], year
    return row


def change_after_2014(partners=ACTORS) -> pd.Series:
    """Mean import share in 2016-2019 minus the mean in 2010-2013, percentage points."""
    shares = tt.wide("import_share")[tt.check_partners(partners)]
    return shares.loc[AFTER[0] : AFTER[1]].mean() - shares.loc[BEFORE[0] : BEFORE[1]].mean()


def eu_china_analogy() -> pd.DataFrame:
    """The 2014 analogy: the EU27's weight for Russia in 2013 against China's in later years
    (``trade_share`` and ``import_share``, percent)."""
    cases = [("EU", 2013)] + [("CHN", year) for year in (2013, 2019, 2020, 2023, 2024)]
    trade, imports = tt.wide("share"), tt.wide("import_share")
    rows = {f"{tt.PARTNER_NAMES[p]} in {y}": (trade.at[y, p], imports.at[y, p]) for p, y in cases}
    return pd.DataFrame.from_dict(rows, orient="index", columns=["trade_share", "import_share"])


def import_caveats(years, flow: str = "imports") -> list[str]:
    """Sentences any chart of import (or export) shares in ``years`` must carry."""
    notes = []
    if tt.COW_LOW_YEAR in years:
        notes.append(tt.cow_2001_note() if flow == "exports" else tt.IMPORTS_2001_NOTE.format(2001))
    if max(years) >= tt.ESTIMATES_FROM:
        notes.append(tt.estimates_note(FLOW_SHARE[flow]))
    return notes


# ----------------------------------------------------------------------------- charts
def import_share_chart() -> Chart:
    """Shares of Russia's imports, 1992-2024: lesson 02's explorer on the import measure."""
    return TradeExplorer().static(
        partners=ACTORS, first_year=1992, last_year=2024, measure="import_share"
    )


class ImportSources(LiveChart):
    """Grouped bars: each chosen partner's share of Russia's imports (or exports) in two years.

    The axes never move and names and values are text artists, so every change is blitted
    onto one stored background per flow (:meth:`background_key`).
    """

    def __init__(self) -> None:
        self.fig, self.ax = figure("Where Russia's imports came from", tt.source_line([1992, 2024]),
                                   xlabel="% of Russia's goods imports", size=(8.5, 5))  # fmt: skip
        ax = self.ax
        n, colors = len(tt.PARTNER_NAMES), (PALETTE["sky_blue"], PALETTE["blue"])
        self.bars = [[ax.barh(0, 0, height=0.1, color=c)[0] for _ in range(n)] for c in colors]
        self.values = [[ax.text(0, 0, "", va="center", fontsize=9) for _ in range(n)]
                       for _ in colors]  # fmt: skip
        self.names = [ax.text(-1, 0, "", ha="right", va="center", fontsize=11) for _ in range(n)]
        handles = [Patch(color=c) for c in colors]  # the legend: beside the bars, never over them
        self.legend = ax.legend(
            handles, ["Year A", "Year B"], loc="upper left", bbox_to_anchor=(1.01, 1)
        )
        ax.set_xlim(0, 80)
        ax.set_ylim(1, 0)  # first partner at the top
        ax.grid(axis="y", visible=False)
        ax.grid(axis="x", visible=True)
        # Reserve room at the left for the longest partner name, then freeze the layout.
        ax.set_yticks([0.5], [max(tt.PARTNER_NAMES.values(), key=len)])
        self.fig.canvas.draw()
        self.fig.set_layout_engine("none")
        ax.set_yticks([])
        self.flow = "imports"
        self.source = self.fig.texts[0]  # the "Source: ..." line of utils.style.figure
        self.title = ax.set_title("Where Russia's imports came from")  # the house (left) title
        # Drawn in this order, as a full draw would (bars under the spines, texts on top)
        self.animated = [
            *self.bars[0], *self.bars[1], *ax.spines.values(), *self.values[0], *self.values[1],
            *self.names, self.legend, self.title, self.source,
        ]  # fmt: skip

    def background_key(self) -> str:
        return self.flow  # the x label changes with it

    def update(self, year_a=2013, year_b=2023, partners=DEFAULTS["partners"], flow="imports"):
        year_a, year_b = tt.check_year("Year A", year_a), tt.check_year("Year B", year_b)
        years = [year_a] if year_a == year_b else [year_a, year_b]
        shares = [flow_shares(year, partners, flow) for year in years]  # checks partners, flow
        n, slot = len(partners), 1 / len(partners)
        height = min(0.8 * slot / len(years), 0.12)  # a lone bar stays a bar, not a block
        top = (slot - len(years) * height) / 2  # centre each group in its slot
        labelled = n * len(years) <= MAX_LABELLED_BARS
        for artist in [*self.bars[0], *self.bars[1], *self.values[0], *self.values[1], *self.names]:
            artist.set_visible(False)  # then show the chosen partners' bars, values and names
        for i, name in enumerate(shares[0].index):
            self.names[i].set(visible=True, text=name, position=(-1, (i + 0.5) * slot))
            for j, row in enumerate(shares):
                value, y = float(row.iloc[i]), i * slot + top + j * height
                self.bars[j][i].set(visible=True, bounds=(0, y, value, height))
                self.values[j][i].set(
                    visible=labelled, text=f"{value:.1f}%", position=(value + 0.6, y + height / 2)
                )
        for j, text in enumerate(self.legend.get_texts()):  # one year: no "Year B" entry
            text.set(visible=j < len(years), text=str(years[min(j, len(years) - 1)]))
            self.legend.legend_handles[j].set_visible(j < len(years))
        what = "imports came from" if flow == "imports" else "exports went"
        when = f"{year_a} vs {year_b}" if len(years) == 2 else f"{year_a}"
        self.title.set_text(f"Where Russia's {what}, {when}")
        self.source.set_text(tt.source_line(years))
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
    chart = ImportSources()
    for flow in ("exports", "imports"):  # draw both backgrounds once
        chart.update(**{**DEFAULTS, "flow": flow})
        chart.png()
    return LiveView(
        {
            "year_a": dropdown("Year A", years, DEFAULTS["year_a"]),
            "year_b": dropdown("Year B", years, DEFAULTS["year_b"]),
            "partners": select_multiple(
                "Partners", [(n, c) for c, n in tt.PARTNER_NAMES.items()], DEFAULTS["partners"]
            ),
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
    ax.axhspan(3.5, 5.5, color=LIGHT_GREY, zorder=0)
    ax.text(64, 4.5, "IMF estimates\nfrom partners'\nrecords", fontsize=9, color=DARK_GREY,
            ha="right", va="center")  # fmt: skip
    ax.set_xlim(0, 65)
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", visible=True)
    ax.legend(loc="center right", bbox_to_anchor=(1.0, 0.58))  # beside the short 2013-20 bars
    eu, c20, c23 = table.loc["EU27 in 2013"], table.loc["China in 2020"], table.loc["China in 2023"]
    gap = tt.customs_gap_2023()["share_pct"]
    description = (
        f"In 2013 the EU27 took {eu['trade_share']:.1f}% of Russia's trade and supplied "
        f"{eu['import_share']:.1f}% of its imports; China's shares were "
        f"{c20['trade_share']:.1f}% and {c20['import_share']:.1f}% in 2020, the year the "
        f"article appeared, and {c23['trade_share']:.1f}% and {c23['import_share']:.1f}% in "
        "2023. The 2023 values are IMF estimates; over Russian customs' totals they would be about "
        f"{gap[tt.CUSTOMS_TRADE_ROW]:.1f}% and {gap[tt.CUSTOMS_IMPORTS_ROW]:.1f}%."
    )
    return Chart(fig, description)


def finance_chart() -> Chart:
    """Chinese official finance committed to Russia by year (AidData GCDF 3.0, USD bn at 2021
    prices): commitments, not debt outstanding, as loans are repaid and some are never drawn."""
    finance = data.load("chinese_official_finance")
    series = finance[finance["recipient"] == "RUS"].set_index("year")["commitments_usd_m_2021"]
    series = series.astype(float) / 1000
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
