"""Lesson 11: what happened next -- alliance or not? (tables, charts and the widget).

Numbers come from ``utils.data`` and the scenario model; each sentence from the numbers drawn.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import pandas as pd

from utils import data, scenario_analysis, scenarios
from utils.charts import line_chart, timeline_chart
from utils.live import LiveChart, LiveView, dropdown, int_slider, register, toggle_buttons
from utils.style import GREY, LIGHT_GREY, SERIES_COLORS, WHITE, Chart, actor_color, figure

#: The three presets built from the article's own "if" (lesson 07), and the fitted one.
ARTICLE_PRESETS = ("status quo", "deterioration with the West", "stabilised ties with the West")
PRESETS = (*ARTICLE_PRESETS, "what happened")
PARTNERS = {"CHN": "China", "EU": "EU27"}
FIRST_YEAR, BASE_YEAR, LAST_YEAR = 2010, 2019, 2036
DEFAULTS = {"preset": "deterioration with the West", "partner": "CHN", "year": 2023}
#: Power of Siberia's design capacity (bcm a year) under the 2014 Gazprom-CNPC contract
#: (data/timeline.csv, event 2014-05-21_gazprom_cnpc_contract).
POS_DESIGN_BCM = 38.0
#: The Power of Siberia series with the longest run of years: Gazprom's figures (via TASS).
POS_BASIS = "gazprom_reported"


# ----------------------------------------------------------------------------- tables
def actual_shares() -> pd.DataFrame:
    """Observed shares of Russia's goods trade in percent (CHN, EU, USA), years as the index."""
    return 100 * scenario_analysis.actual_shares(FIRST_YEAR)


@lru_cache(maxsize=1)
def preset_paths() -> dict[str, pd.DataFrame]:
    """Each preset's projected shares (percent, CHN and EU) from 2019 to 2036, by year."""
    paths = {}
    for name in PRESETS:
        run = scenarios.run(replace(scenarios.PRESETS[name], end_year=LAST_YEAR))
        shares = run.frame.set_index("year").loc[BASE_YEAR:, ["china_share", "eu_share"]]
        paths[name] = 100 * shares.set_axis(["CHN", "EU"], axis=1)
    return paths


def gap_pp(preset: str, partner: str, year: int) -> float:
    """Projected minus observed share of ``partner`` in ``year``, in percentage points."""
    for name, value, allowed in (("preset", preset, PRESETS), ("partner", partner, PARTNERS)):
        if value not in allowed:
            raise ValueError(f"{name} must be one of {list(allowed)}, got {value!r}")
    observed = actual_shares()
    if year not in observed.index or year <= BASE_YEAR:
        raise ValueError(f"year must be an observed year after {BASE_YEAR}, got {year}")
    return float(preset_paths()[preset].loc[year, partner] - observed.loc[year, partner])


def gdp_ratio() -> pd.Series:
    """China's GDP divided by Russia's (current USD, World Bank), by year."""
    gdp = data.load("gdp_milex").query("indicator == 'gdp'")
    wide = gdp.pivot(index="year", columns="country", values="value_usd_m")
    return (wide["CHN"] / wide["RUS"]).dropna().rename("China / Russia")


def pos_deliveries() -> pd.Series:
    """Gas delivered through Power of Siberia, bcm a year (Gazprom's figures, via TASS)."""
    pos = data.load("power_of_siberia")
    rows = pos[pos["basis"] == POS_BASIS].set_index("year")
    return rows["volume_bcm"].rename("Power of Siberia")


def europe_gas_by_route() -> pd.DataFrame:
    """Russian pipeline gas flowing into Europe (incl. Türkiye), bcm by route, full years only."""
    gas = data.load("russia_gas_to_europe")
    full = gas.groupby("year")["months"].max() == 12  # 2025 covers January-May only
    gas = gas[gas["year"].isin(full[full].index) & (gas["year"] > 2009)]  # 2009: IEA gaps
    return gas.pivot_table(index="year", columns="route", values="volume_bcm", aggfunc="sum")


def crude_supplier_shares() -> pd.DataFrame:
    """Shares of China's crude imports from Russia, Saudi Arabia and Iraq (%, by weight)."""
    crude = data.load("china_crude_imports_2020_2024")
    wide = crude.pivot(index="year", columns="origin", values="crude_kt")
    return 100 * wide[["RUS", "SAU", "IRQ"]].div(wide["WLD"], axis=0)


def trade_on_two_bases() -> pd.DataFrame:
    """Russia-China goods trade (USD bn, full years): China customs next to the IMF figures."""
    trade = data.load("russia_china_trade_2022_2025")
    turnover = trade[(trade["metric"] == "turnover") & (trade["unit"] == "usd_bn")]
    turnover = turnover[turnover["period"].str.fullmatch(r"\d{4}")]  # drop half-years
    table = turnover.pivot(index="period", columns="basis", values="value")
    return table.set_axis(table.index.astype(int), axis=0).rename_axis("year")


#: Short chart labels for the timeline's 2021-2025 events (the table holds the full wording).
EVENT_LABELS = {
    "2021-06-28_treaty_extension": "2001 treaty extended",
    "2022-02-04_no_limits_statement": "'no limits' statement",
    "2022-02-24_invasion_of_ukraine": "invasion of Ukraine",
    "2022-02-26_swift_central_bank_sanctions": "SWIFT, reserve sanctions",
    "2023-03-20_xi_state_visit_moscow": "Xi in Moscow: 'not an alliance'",
    "2023-12-22_us_eo_14114": "US EO 14114",
    "2024-05-16_putin_state_visit_china": "Putin in Beijing",
    "2024-06-19_russia_dprk_treaty": "Russia-DPRK treaty (Art. 4)",
    "2024-12-04_russia_dprk_treaty_in_force": "DPRK treaty in force",
    "2025-09-02_power_of_siberia_2_memorandum": "Power of Siberia 2 memorandum",
}


def record_events() -> pd.DataFrame:
    """The timeline's 2021-2025 events of the record (coercion cases elsewhere are left out)."""
    timeline = data.load("timeline")
    events = timeline[timeline["event_id"].isin(EVENT_LABELS)].copy()
    events["label"] = events["event_id"].map(EVENT_LABELS)
    return events[["date", "label", "category", "event", "source_url", "source_id"]]


def activity_by_year(first: int = 2012) -> pd.DataFrame:
    """Joint exercises and patrols per year: live exercises, simulated drills, air, naval."""
    table = data.load("joint_exercises")
    kind = table["type"].where(table["type"] != "exercise", table["mode"] + " exercise")
    counts = pd.crosstab(table["year"], kind).reindex(range(first, table["year"].max() + 1))
    order = ["live exercise", "computer-simulated exercise", "air patrol", "naval patrol"]
    return counts.fillna(0).astype(int)[[c for c in order if c in counts.columns]]


# ----------------------------------------------------------------------------- charts
def gdp_ratio_chart() -> Chart:
    """How many Russian economies fit into China's, 1992 to the latest year."""
    ratio = gdp_ratio()
    last = int(ratio.index.max())
    text = (
        f"China's GDP was {ratio[1992]:.1f} times Russia's in 1992, {ratio[2010]:.1f} times in "
        f"2010 and {ratio[last]:.1f} times in {last} (current US dollars)."
    )
    chart = line_chart(
        ratio, "China's economy measured in Russian economies", data.source_line(
            "world_bank_wdi_gdp_2024"), text, ylabel="GDP of China / GDP of Russia",
        markers=False, mark_years={2010: "2010", 2014: "2014"},
    )  # fmt: skip
    chart.figure.axes[0].set_ylim(0, None)
    return chart


def gas_chart() -> Chart:
    """Russian pipeline gas into Europe against Power of Siberia's deliveries to China."""
    europe = europe_gas_by_route().sum(axis=1).rename("to Europe incl. Türkiye (IEA border flows)")
    china = pos_deliveries().rename("to China via Power of Siberia (Gazprom)")
    last, latest = int(europe.index.max()), int(china.index.max())
    text = (
        f"Russian pipeline gas entering Europe fell from {europe[2021]:.0f} bcm in 2021 to "
        f"{europe[last]:.0f} bcm in {last}, while Power of Siberia's deliveries rose from "
        f"{china[2021]:.1f} to {china[last]:.1f} bcm, and to {china[latest]:.1f} bcm in {latest}."
    )
    sources = [*data.load("russia_gas_to_europe")["source_id"].unique()]
    sources += [*data.load("power_of_siberia").query("basis == @POS_BASIS")["source_id"]]
    chart = line_chart(
        pd.concat([europe, china], axis=1), "Russian pipeline gas: Europe and China",
        data.source_line(*sources), text, ylabel="bcm a year", markers=False,
        colors={europe.name: actor_color("EU"), china.name: actor_color("CHN")},
    )  # fmt: skip
    ax = chart.figure.axes[0]
    ax.axhline(POS_DESIGN_BCM, color=GREY, linestyle="--", linewidth=1)
    ax.annotate("Power of Siberia design capacity (38 bcm)", (europe.index.min(), POS_DESIGN_BCM),
                xytext=(0, 4), textcoords="offset points", fontsize=9, color=GREY)  # fmt: skip
    ax.set_ylim(0, None)
    return chart


def events_chart() -> Chart:
    """The 2021-2025 record on a time axis, one row per kind of event."""
    events = record_events()
    text = (
        f"{len(events)} dated events from {events['date'].min()[:4]} to "
        f"{events['date'].max()[:4]}: the only mutual-assistance treaty among them is the "
        "Russia-DPRK treaty of June 2024."
    )
    return timeline_chart(
        events, "Alliance or not: the record, 2021-2025",
        data.source_line(*events["source_id"].unique()), text, label_width=18,
    )  # fmt: skip


def activity_chart() -> Chart:
    """Stacked bars: joint exercises and patrols per year, by kind."""
    counts = activity_by_year()
    fig, ax = figure(
        "Joint Russian-Chinese exercises and patrols per year",
        data.source_line(*data.load("joint_exercises")["source_id"].unique()),
        xlabel="Year", ylabel="Number (compiled list, not exhaustive)",
    )  # fmt: skip
    bottom = pd.Series(0, index=counts.index)
    for color, kind in zip(SERIES_COLORS, counts.columns, strict=False):
        ax.bar(counts.index, counts[kind], bottom=bottom, color=color, label=kind)
        bottom += counts[kind]
    ax.axvline(2020.5, color=GREY, linestyle=":", linewidth=1)
    ax.annotate("article", (2020.5, 1), xycoords=("data", "axes fraction"), xytext=(3, -12),
                textcoords="offset points", fontsize=9, color=GREY)  # fmt: skip
    ax.legend(loc="upper left")
    patrols = counts[[c for c in counts.columns if "patrol" in c]].sum(axis=1)
    text = (
        f"The compiled list counts {bottom.loc[2016:2020].sum()} joint exercises and patrols in "
        f"2016-2020 and {bottom.loc[2021:].sum()} in 2021-{bottom.index.max()}; patrols grew "
        f"from {patrols.loc[2016:2020].sum()} to {patrols.loc[2021:].sum()}."
    )
    return Chart(fig, text)


# ----------------------------------------------------------------------------- the widget
class OutcomeChart(LiveChart):
    """A preset's projection (dashed) over what happened (solid), with one year marked."""

    def __init__(self) -> None:
        self.observed = actual_shares()
        self.fig, ax = figure(
            "Scenarios from 2019 against what happened",
            data.source_line("imf_imts_2025", "cow_trade_v4") + " Projections: lesson 07 model.",
            xlabel="Year", ylabel="Share of Russia's goods trade (%)",
        )  # fmt: skip
        ax.axvspan(BASE_YEAR, LAST_YEAR + 0.5, color=LIGHT_GREY, alpha=0.5, linewidth=0)
        for code, label in PARTNERS.items():
            series = self.observed[code]
            ax.plot(series.index, series, color=actor_color(code), marker="o", label=label)
        (self.projection,) = ax.plot([], [], linestyle="--", linewidth=2)
        self.marker = ax.axvline(DEFAULTS["year"], color=GREY, linestyle=":", linewidth=1.2)
        (self.dots,) = ax.plot([], [], "o", markersize=9, markeredgecolor=WHITE, linestyle="none")
        shaded = "shaded: projected from 2019"
        ax.text(LAST_YEAR, 68, shaded, color=GREY, fontsize=9, ha="right", va="top")
        ax.set(xlim=(FIRST_YEAR - 0.5, LAST_YEAR + 0.5), ylim=(0, 70))
        ax.plot([], [], color=GREY, linestyle="--", label="projection (partner's colour)")
        ax.legend(loc="upper left", ncols=3)
        self.animated = [self.projection, self.marker, self.dots]

    def update(self, preset: str, partner: str, year: int):
        gap = gap_pp(preset, partner, year)
        path = preset_paths()[preset][partner]
        actual = float(self.observed.loc[year, partner])
        color = actor_color(partner)
        self.projection.set(data=(path.index, path.to_numpy()), color=color)
        self.marker.set_xdata([year, year])
        self.dots.set(data=([year, year], [path[year], actual]), color=color)
        text = (
            f"For {year} the preset '{preset}' projected {PARTNERS[partner]}'s share of Russia's "
            f"trade at {path[year]:.1f}%; the data give {actual:.1f}%, so the projection was "
            f"{abs(gap):.1f} points {'above' if gap > 0 else 'below'} what happened."
        )
        note = f"<b>{preset}</b>: {scenarios.PRESET_DESCRIPTIONS[preset]}"
        if year >= 2022:
            note += " Shares from 2022 rest on IMF estimates built largely from partner data."
        return text, note


@register("presets_vs_outcomes")
def presets_vs_outcomes() -> LiveView:
    """Pick a preset, a partner and a year: how far was the projection from the data?"""
    years = [int(y) for y in actual_shares().index if y > BASE_YEAR]
    partners = [(name, code) for code, name in PARTNERS.items()]
    return LiveView(
        {
            "preset": dropdown("Preset (lesson 07)", list(PRESETS), DEFAULTS["preset"]),
            "partner": toggle_buttons("Partner", partners, DEFAULTS["partner"]),
            "year": int_slider("Year to compare", min(years), max(years), 1, DEFAULTS["year"]),
        },
        OutcomeChart(),
        title="Scenarios from 2019 against what happened",
        description=(
            "Solid lines: observed shares. Dashed: the chosen preset's projection from 2019. "
            "The two large dots mark the year you pick."
        ),
    )
