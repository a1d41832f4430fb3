"""Lesson 08: economic coercion (the dated record, Russia's exposure and the exposure what-if).

Shares are in percent. The exposure what-if is a share of a share:
loss (% of Russia's total exports) = China's share of Russia's exports x share of those sales
restricted x share of the restricted sales that find no other buyer
(:func:`utils.substitution.export_exposure`).
"""

from __future__ import annotations

import pandas as pd

from utils import data, scenarios, substitution
from utils.charts import line_chart, timeline_chart
from utils.live import LiveChart, LiveView, dropdown, register, slider
from utils.style import DARK_GREY, GREY, PALETTE, Chart, actor_color, figure

TRADE_SOURCE = data.source_line("cow_trade_v4", "imf_imts_2025")
#: Observed years of the what-if: before the 2014 crisis, the last full year before the
#: article, and the latest year in the data.
EXPOSURE_YEARS = (2013, 2019, 2024)
#: Target countries as written in the timeline's event ids (a new target must be added here).
TARGETS = {
    "japan": "Japan",
    "norway": "Norway",
    "philippines": "Philippines",
    "korea": "South Korea",
    "australia": "Australia",
    "lithuania": "Lithuania",
}
DEFAULTS = {"basis": "observed 2019", "restricted_share": 0.5, "unsold_share": 1.0}


# ----------------------------------------------------------------------------- section 1
def coercion_events() -> pd.DataFrame:
    """Timeline rows of category ``coercion`` with ``target`` (the country named in the event
    id: ``2020-05-18_australia_barley`` -> Australia) and ``label`` (the rest: ``barley``)."""
    timeline = data.load("timeline")
    events = timeline[timeline["category"] == "coercion"].reset_index(drop=True)
    words = events["event_id"].str.split("_").str[1:]
    events["target"] = [TARGETS[w[0]] for w in words]
    events["label"] = [" ".join(w[1:]).replace("thaad", "THAAD") for w in words]
    return events


def coercion_timeline_chart() -> Chart:
    events = coercion_events()
    year = events["date"].str[:4]
    per_target = events["target"].value_counts()
    description = (
        f"The timeline lists {len(events)} measures against {len(per_target)} countries from "
        f"{year.min()} to {year.max()}; {per_target.get('Australia', 0)} of them concern "
        "Australia in 2020."
    )
    # Several measures against one country in one year sit too close to label one by one:
    # the first marker carries all their labels.
    same_year = events.groupby([events["target"], year])["label"]
    labels = same_year.transform(", ".join).where(same_year.cumcount() == 0, "")
    dates = pd.to_datetime(events["date"], format="ISO8601")  # "2010-10" is a month
    frame = pd.DataFrame({"date": dates, "label": labels, "category": events["target"]})
    title = "Trade measures that reports link to political disputes"
    source = data.source_line("lab_web_pages_2025")
    chart = timeline_chart(frame, title, source, description, label_width=16)
    ax = chart.figure.axes[0]
    australia = [label.get_text() for label in ax.get_yticklabels()].index("Australia")
    for marker in ax.get_lines():  # the targets are not actors: grey, the 2020 case in orange
        marker.set_color(PALETTE["orange"] if marker.get_ydata()[0] == australia else DARK_GREY)
    return chart


# ----------------------------------------------------------------------------- section 3
def china_share_by_flow() -> pd.DataFrame:
    """China's share (%) of Russia's goods exports, imports and turnover, by year."""
    trade = data.load("russia_trade_by_partner")
    wide = trade.pivot(index="year", columns="partner", values=["exports_usd_m", "imports_usd_m"])
    ex, im = wide["exports_usd_m"], wide["imports_usd_m"]
    return pd.DataFrame(
        {
            "exports": 100 * ex["CHN"] / ex["WLD"],
            "imports": 100 * im["CHN"] / im["WLD"],
            "turnover": 100 * (ex["CHN"] + im["CHN"]) / (ex["WLD"] + im["WLD"]),
        }
    )


def china_share_by_flow_chart() -> Chart:
    frame = china_share_by_flow()
    buyer = "China's share of Russia's exports (China as buyer)"
    seller = "China's share of Russia's imports (China as seller)"
    ex = frame["exports"].round(1)
    description = (
        f"China bought {ex[2013]}% of Russia's goods exports in 2013, {ex[2019]}% in 2019 and "
        f"{ex[2024]}% in 2024."
    )
    return line_chart(
        pd.DataFrame({buyer: frame["exports"], seller: frame["imports"]}),
        "China as Russia's customer and as its supplier",
        TRADE_SOURCE,
        description,
        ylabel="% of Russia's exports or imports",
        markers=False,
        colors={buyer: actor_color("CHN"), seller: PALETTE["orange"]},
    )


def energy_to_china_2020() -> pd.Series:
    """China's share (%) of Russia's 2020 exports of crude oil (by weight), pipeline gas and
    LNG (by volume), from BP's trade matrices: Russia's side of the energy trade."""
    energy = data.load("russia_energy_exports_2020").set_index("destination_iso3")
    columns = {"crude oil": "crude_oil_mt", "pipeline gas": "pipeline_gas_bcm", "LNG": "lng_bcm"}
    return pd.Series(
        {name: 100 * energy.loc["CHN", c] / energy.loc["WLD", c] for name, c in columns.items()},
        name="China's share of Russia's exports, 2020 (%)",
    )


# ----------------------------------------------------------------------------- section 4
def exposure_bases() -> pd.DataFrame:
    """China's share (%) of Russia's *exports* in observed years; the presets of
    :mod:`utils.scenarios` project only its share of *trade*, used there as a rough proxy."""
    exports = china_share_by_flow()["exports"]
    observed = "China's share of Russia's exports"
    proxy = "China's share of Russia's trade, as a proxy"
    rows = {f"observed {y}": (observed, exports[y]) for y in EXPOSURE_YEARS}
    for name, params in scenarios.PRESETS.items():
        share = 100 * scenarios.run(params).china_share_in(params.end_year)
        rows[f"{name} ({params.end_year} scenario)"] = (proxy, share)
    table = pd.DataFrame.from_dict(rows, orient="index", columns=["measure", "china_share"])
    return table.rename_axis("basis")


class ExposureChart(LiveChart):
    """One bar per basis: the loss to Russia's total exports; the chosen basis highlighted."""

    def __init__(self):
        self.bases = exposure_bases()
        title = "What-if: Russia's export loss"
        source = TRADE_SOURCE + " Scenarios: utils.scenarios presets (projections, not data)."
        xlabel = "% of Russia's total exports lost"
        self.fig, ax = figure(title, source, xlabel=xlabel, size=(9, 4.8))
        self.bars = ax.barh(list(self.bases.index), [0] * len(self.bases), color=GREY)
        self.values = [ax.text(0, i, "", va="center") for i in range(len(self.bases))]
        ax.invert_yaxis()
        ax.set_xlim(0, 1.2 * self.bases["china_share"].max())
        ax.grid(axis="y", visible=False)
        ax.grid(axis="x", visible=True)
        self.animated = [*self.bars, *self.values]

    def update(self, basis, restricted_share, unsold_share):
        if basis not in self.bases.index:
            raise ValueError(f"Choose a basis from the list, not {basis!r}.")
        for i, (name, share) in enumerate(self.bases["china_share"].items()):
            r = substitution.export_exposure(share / 100, restricted_share, 1 - unsold_share)
            self.bars[i].set_width(100 * r.lost_share)
            self.bars[i].set_color(actor_color("CHN") if name == basis else GREY)
            self.values[i].set_position((100 * r.lost_share + 0.5, i))
            self.values[i].set_text(f"{100 * r.lost_share:.1f}%")
            if name == basis:
                chosen = r
        description = (
            f"If China restricted {restricted_share:.0%} of its purchases from Russia and "
            f"{unsold_share:.0%} of those sales found no other buyer, Russia would lose "
            f"{100 * chosen.lost_share:.1f}% of its total exports ({basis}; China's share "
            f"{100 * chosen.market_share:.1f}%)."
        )
        note = (
            f"{basis}: {self.bases.loc[basis, 'measure']} = {100 * chosen.market_share:.1f}%; "
            f"restricted = {100 * chosen.restricted_share:.1f}% of all exports; resold elsewhere "
            f"= {100 * chosen.redirected_share:.1f}%; net loss = {100 * chosen.lost_share:.1f}%."
        )
        return description, note


@register("exposure_what_if")
def exposure_what_if() -> LiveView:
    chart = ExposureChart()
    restricted = "Share of Russia's sales to China restricted"
    unsold = "Share of restricted sales finding no other buyer"
    controls = {
        "basis": dropdown("Basis for China's share", list(chart.bases.index), DEFAULTS["basis"]),
        "restricted_share": slider(restricted, 0, 1, 0.05, DEFAULTS["restricted_share"], ".0%"),
        "unsold_share": slider(unsold, 0, 1, 0.05, DEFAULTS["unsold_share"], ".0%"),
    }
    return LiveView(
        controls,
        chart,
        title="Exposure what-if: Chinese restrictions on Russian exports",
        description="A hypothetical, not a forecast: how much of Russia's total exports would "
        "be lost if China restricted part of its purchases?",
    )
