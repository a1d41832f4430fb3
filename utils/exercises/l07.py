"""Checks of lesson 07's "your turn" tasks (the scenario lab).

Each function returns the expected values, computed from the data when the check runs: by
hand, as the lesson's solutions do, for the two-partner projection, and with the tested model
(:mod:`utils.scenarios`, :mod:`utils.scenario_analysis`) for the sensitivity.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from utils import data, scenario_analysis, scenarios
from utils.exercises.tasks import task

BASE_YEAR, CATCH_UP_BY = 2019, 2030


def turnover_bn() -> pd.DataFrame:
    """Russia's goods trade (exports + imports, USD bn) by partner: CHN, EU, USA, ROW, WLD.

    Section 2's table, built as the lesson builds it.
    """
    trade = data.load("russia_trade_by_partner")
    trade["turnover"] = (trade["exports_usd_m"] + trade["imports_usd_m"]) / 1000
    wide = trade.pivot(index="year", columns="partner", values="turnover")
    wide["ROW"] = wide["WLD"] - wide[["CHN", "EU", "USA"]].sum(axis=1)
    return wide[["CHN", "EU", "USA", "ROW", "WLD"]]


def trend_growth(series: pd.Series) -> float:
    """Compound annual growth from 2010 to 2019, as a fraction (0.057 = 5.7% a year)."""
    return float((series.loc[2019] / series.loc[2010]) ** (1 / 9) - 1)


@task(
    level="core",
    asks="2010-2019 trend growth of Russia's trade with China and with the EU27 (fractions), "
    "and the first year from 2019 in which trade with China reaches trade with the EU27",
    tolerance={"g_chn": 0.0005, "g_eu": 0.0005, "crossing_year_2p": 0},
    hints={
        "g_chn": "(value in 2019 / value in 2010) ** (1 / 9) - 1, as a fraction (0.05 = 5%)",
        "g_eu": "the same formula on the EU column; it is negative",
        "crossing_year_2p": "the first year in which the China path is at least the EU path",
    },
)
def two_partner():
    turnover = turnover_bn()
    g_chn, g_eu = trend_growth(turnover["CHN"]), trend_growth(turnover["EU"])
    years = np.arange(BASE_YEAR, 2051)
    china = turnover.loc[BASE_YEAR, "CHN"] * (1 + g_chn) ** (years - BASE_YEAR)
    eu = turnover.loc[BASE_YEAR, "EU"] * (1 + g_eu) ** (years - BASE_YEAR)
    return {"g_chn": g_chn, "g_eu": g_eu, "crossing_year_2p": int(years[china >= eu][0])}


@task(
    level="stretch",
    asks=f"Growth of trade with China (% a year) that catches up with the EU27 by {CATCH_UP_BY} "
    "while the EU27 keeps its trend, and its gap over the EU27's trend (percentage points)",
    tolerance={"needed_growth": 0.05, "gap_pp": 0.05},
    hints={
        "needed_growth": "solve CHN * (1 + g)**n = EU * (1 + g_eu)**n for g, with n = 2030 - "
        "2019, then write it in percent",
        "gap_pp": "needed growth (in %) minus the EU27's trend growth (in %)",
    },
)
def growth_gap():
    turnover = turnover_bn()
    g_eu = trend_growth(turnover["EU"])
    ratio = turnover.loc[BASE_YEAR, "EU"] / turnover.loc[BASE_YEAR, "CHN"]
    needed = (1 + g_eu) * ratio ** (1 / (CATCH_UP_BY - BASE_YEAR)) - 1
    return {"needed_growth": 100 * needed, "gap_pp": 100 * (needed - g_eu)}


@task(
    level="challenge",
    asks="From 'deterioration with the West' run to 2050: the crossing year after moving each "
    "growth lever 1 pp a year in China's favour, and the lever(s) with the earliest crossing",
    tolerance=0,
    hints={
        "crossing_by_lever": "start from scenarios.resolve(preset) so each lever has its data "
        "value; add 0.01 to growth_chn and subtract 0.01 from the three others",
        "earliest": "a list of lever names; more than one lever can share the earliest year",
    },
)
def which_lever():
    table = scenario_analysis.lever_sensitivity(
        scenarios.PRESETS["deterioration with the West"], step=0.01, horizon=2050
    )
    years = pd.Series(table["crossing_year"].astype(int).to_numpy(), index=table["lever"])
    return {"crossing_by_lever": years, "earliest": sorted(years.index[years == years.min()])}
