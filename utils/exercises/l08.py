"""Checks of lesson 08's "your turn" tasks (economic coercion).

Each expected value is computed here from ``utils.data`` with plain pandas (not through the
lesson module), so a change in the data changes the answer key and nothing is typed by hand.
"""

from __future__ import annotations

from utils import data
from utils.exercises.tasks import task


def _russia_crude_to_china() -> float:
    energy = data.load("russia_energy_exports_2020").set_index("destination_iso3")
    return float(100 * energy.loc["CHN", "crude_oil_mt"] / energy.loc["WLD", "crude_oil_mt"])


@task(
    level="core",
    asks="China's share of Russia's goods exports (%) in every year of russia_trade_by_partner, "
    "as a Series indexed by year",
    tolerance=0.05,
    hints={
        "export_share": "Pivot exports_usd_m to one column per partner (index year), then "
        "100 * ['CHN'] / ['WLD']: exports only, not exports + imports.",
    },
)
def export_shares():
    trade = data.load("russia_trade_by_partner")
    exports = trade.pivot(index="year", columns="partner", values="exports_usd_m")
    return {"export_share": (100 * exports["CHN"] / exports["WLD"]).dropna()}


@task(
    level="stretch",
    asks="2024, a share of a share: crude oil's share of China's imports from Russia (% of "
    "value, China's records) and the share of Russia's total exports that is crude sold to "
    "China (%)",
    tolerance=0.05,
    hints={
        "crude_in_sales": "Crude from 'RUS' in 2024 in china_crude_imports_2020_2024 "
        "(value_usd_m) over China's imports from Russia on the china_customs basis in "
        "russia_china_trade_2022_2025 (usd_bn x 1000), times 100.",
        "crude_in_exports": "China's share of Russia's exports in 2024 (task 1) x "
        "crude_in_sales / 100.",
    },
)
def crude_in_exports_2024():
    crude = data.load("china_crude_imports_2020_2024")
    crude_usd_m = crude[(crude["year"] == 2024) & (crude["origin"] == "RUS")]["value_usd_m"]
    flows = data.load("russia_china_trade_2022_2025")
    imports = flows.query(
        "period == '2024' and metric == 'china_imports_from_russia' "
        "and basis == 'china_customs' and unit == 'usd_bn'"
    )
    in_sales = float(100 * crude_usd_m.iloc[0] / (1000 * imports["value"].iloc[0]))
    share_2024 = export_shares.expected()["export_share"][2024]
    return {"crude_in_sales": in_sales, "crude_in_exports": float(share_2024 * in_sales / 100)}


@task(
    level="challenge",
    asks="2020: Russia's share of China's crude imports (%, China's customs) and the crude "
    "asymmetry ratio (China's share of Russia's crude exports over it)",
    tolerance={"russia_in_china_crude": 0.05, "crude_ratio": 0.02},
    hints={
        "russia_in_china_crude": "In china_crude_imports_by_origin, 2020: origin 'RUS' over "
        "origin 'WLD', times 100.",
        "crude_ratio": "China's share of Russia's crude exports (crude_oil_mt of 'CHN' over "
        "'WLD' in russia_energy_exports_2020) divided by russia_in_china_crude.",
    },
)
def crude_asymmetry_2020():
    crude = data.load("china_crude_imports_by_origin")
    rows = crude[crude["year"] == 2020].set_index("origin")["crude_kt"]
    russia = float(100 * rows["RUS"] / rows["WLD"])
    return {"russia_in_china_crude": russia, "crude_ratio": _russia_crude_to_china() / russia}
