"""Checks of lesson 06's "your turn" tasks (where Russia's imports come from).

Each expected value is computed from ``data.load("russia_trade_by_partner")`` when the check
runs: import shares by pivot and division, means before and after 2014, and the 2014 analogy.
"""

from __future__ import annotations

import pandas as pd

from utils import data
from utils.exercises.tasks import task

PARTNERS = ["CHN", "EU", "DEU", "USA"]
BEFORE, AFTER = (2010, 2013), (2016, 2019)
PERIODS = {"2010-2013": (2010, 2013), "2016-2021": (2016, 2021), "2022-2024": (2022, 2024)}


def _shares(flow: str) -> pd.DataFrame:
    """Year x partner shares (%) of Russia's imports, or of its trade with ``flow="turnover"``."""
    trade = data.load("russia_trade_by_partner")
    trade["turnover"] = trade["exports_usd_m"] + trade["imports_usd_m"]
    column = "imports_usd_m" if flow == "imports" else "turnover"
    wide = trade.pivot(index="year", columns="partner", values=column)
    return 100 * wide.div(wide["WLD"], axis=0)


@task(
    level="core",
    asks="Shares of Russia's goods imports by year for CHN, EU, DEU and USA, in % (a DataFrame: "
    "years x partner codes)",
    tolerance=0.01,
    hints={
        "import_shares": "pivot imports_usd_m to one column per partner, divide every column "
        "by the WLD column (.div(..., axis=0)), times 100, keep the four columns"
    },
)
def import_shares():
    return {"import_shares": _shares("imports")[PARTNERS]}


@task(
    level="core",
    asks="Change in each partner's mean import share: mean of 2016-2019 minus mean of "
    "2010-2013, in percentage points (a Series indexed by partner code)",
    tolerance=0.01,
    hints={
        "change_after_2014": "shares.loc[2016:2019].mean() - shares.loc[2010:2013].mean(); "
        ".loc with years includes both ends"
    },
)
def change_after_2014():
    shares = _shares("imports")[PARTNERS]
    after = shares.loc[AFTER[0] : AFTER[1]].mean()
    before = shares.loc[BEFORE[0] : BEFORE[1]].mean()
    return {"change_after_2014": after - before}


@task(
    level="stretch",
    asks="Mean import share of China and the EU27 in three periods (a DataFrame: rows "
    "'2010-2013', '2016-2021', '2022-2024'; columns CHN and EU), with groupby",
    tolerance=0.01,
    hints={
        "period_means": "give each year a period label (years outside the periods get none), "
        "then shares.groupby(labels).mean()"
    },
)
def period_means():
    shares = _shares("imports")[["CHN", "EU"]]
    means = {label: shares.loc[lo:hi].mean() for label, (lo, hi) in PERIODS.items()}
    return {"period_means": pd.DataFrame(means).T}


@task(
    level="challenge",
    asks="The 2014 yardstick: the first year China's share of Russia's imports reached the "
    "EU27's 2013 share; and whether China's share of Russia's trade ever reached the EU27's "
    "2013 share of trade (True/False)",
    tolerance={"first_year_at_eu_level": 0},
    hints={
        "first_year_at_eu_level": "compare the whole China column with one number (the EU's "
        "2013 share) and take the first year where it is True",
        "trade_ever_reached": "(china_trade_share >= eu_2013_trade_share).any()",
    },
)
def eu_yardstick():
    imports, trade = _shares("imports"), _shares("turnover")
    reached = imports.index[imports["CHN"] >= imports.loc[2013, "EU"]]
    return {
        "first_year_at_eu_level": int(reached[0]),
        "trade_ever_reached": bool((trade["CHN"] >= trade.loc[2013, "EU"]).any()),
    }
