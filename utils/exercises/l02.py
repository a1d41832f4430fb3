"""Checks of lesson 02's "your turn" tasks (China's share of Russia's trade).

Each expected value is computed from ``data.load("russia_trade_by_partner")`` when the check
runs, with the same pandas steps the lesson teaches (filter, pivot, divide, times 100).
"""

from __future__ import annotations

import pandas as pd

from utils import data
from utils.exercises.tasks import task

#: The world totals of the challenge: which partners each leaves out.
TOTALS = {"world": [], "no BLR KAZ": ["BLR", "KAZ"], "no BLR KAZ UKR": ["BLR", "KAZ", "UKR"]}
#: The ledger's window for "nearly 18%": from 18 - 1.5 up to 18 (utils.claims).
NEARLY_18 = (16.5, 18.0)


def _turnover() -> pd.DataFrame:
    """Year x partner table of exports + imports, USD m."""
    trade = data.load("russia_trade_by_partner")
    trade["turnover"] = trade["exports_usd_m"] + trade["imports_usd_m"]
    return trade.pivot(index="year", columns="partner", values="turnover")


def _share(partner: str) -> pd.Series:
    turnover = _turnover()
    return 100 * turnover[partner] / turnover["WLD"]


@task(
    level="core",
    asks="China's share of Russia's goods trade in every year, in % (a Series indexed by year)",
    tolerance=0.01,
    hints={
        "china_share": "add exports_usd_m and imports_usd_m, pivot to one column per partner, "
        "then 100 * the CHN column / the WLD column"
    },
)
def china_share():
    return {"china_share": _share("CHN")}


@task(
    level="core",
    asks="How many times larger China's 2019 share was than its 2013 share (a ratio)",
    tolerance=0.005,
    hints={"ratio_2013_2019": "the 2019 share divided by the 2013 share (not the difference)"},
)
def ratio_2013_2019():
    share = _share("CHN")
    return {"ratio_2013_2019": share[2019] / share[2013]}


@task(
    level="stretch",
    asks="The EU27's share of Russia's trade in every year (%), and the year it was highest",
    tolerance={"eu_share": 0.01, "eu_peak_year": 0},
    hints={
        "eu_share": "the same steps as for China, with the EU column",
        "eu_peak_year": "the index label of the largest value: eu_share.idxmax()",
    },
)
def eu_share():
    share = _share("EU")
    return {"eu_share": share, "eu_peak_year": int(share.idxmax())}


@task(
    level="challenge",
    asks="China's share in 2018-2020 on three world totals (a DataFrame: years x totals), and "
    "how many of the nine cells fit 'nearly 18%' (16.5 to 18 inclusive)",
    tolerance={"grid": 0.01, "fits": 0},
    hints={
        "grid": "for each total, subtract the turnover of the partners it leaves out from WLD, "
        "then divide China's turnover by it; rows 2018, 2019, 2020",
        "fits": "((grid >= 16.5) & (grid <= 18)).sum().sum()",
    },
)
def bases_grid():
    turnover = _turnover().loc[2018:2020]
    grid = pd.DataFrame(
        {
            label: 100 * turnover["CHN"] / (turnover["WLD"] - turnover[left_out].sum(axis=1))
            for label, left_out in TOTALS.items()
        }
    )
    low, high = NEARLY_18
    return {"grid": grid, "fits": int(((grid >= low) & (grid <= high)).sum().sum())}
