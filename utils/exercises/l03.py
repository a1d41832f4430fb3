"""Checks of lesson 03's "your turn" tasks (who needs whom?).

Each expected value is computed here from ``utils.data`` with plain pandas (not through the
lesson module), so a change in the data changes the answer key and nothing is typed by hand.
"""

from __future__ import annotations

import pandas as pd

from utils import data
from utils.exercises.tasks import task

#: US merger guidelines (2010): an HHI below 1,500 points counts as unconcentrated.
UNCONCENTRATED = 1500


def _turnover(table: pd.DataFrame, year: int, partner: str) -> float:
    row = table[(table["year"] == year) & (table["partner"] == partner)].iloc[0]
    return float(row["exports_usd_m"] + row["imports_usd_m"])


def _hhi_bounds(rows: pd.DataFrame) -> tuple[float, float]:
    """(lower, upper) HHI in points of one year's rows of ``china_crude_imports_by_origin``."""
    world = rows.loc[rows["origin"] == "WLD", "crude_kt"].iloc[0]
    shares = 100 * rows.loc[rows["origin"] != "WLD", "crude_kt"] / world
    lower = float((shares**2).sum())
    return lower, lower + max(0.0, 100 - float(shares.sum())) ** 2


@task(
    level="core",
    asks="2020: China's share of Russia's goods trade and Russia's share of China's (% of "
    "turnover), and the asymmetry ratio",
    tolerance={"china_in_russia": 0.05, "russia_in_china": 0.05, "ratio": 0.05},
    hints={
        "china_in_russia": "(exports + imports) with partner 'CHN' over the same for 'WLD' in "
        "russia_trade_by_partner, times 100.",
        "russia_in_china": "The same in china_trade_with_russia, with partners 'RUS' and 'WLD'.",
        "ratio": "The first share divided by the second.",
    },
)
def asymmetry_2020():
    russia, china = data.load("russia_trade_by_partner"), data.load("china_trade_with_russia")
    a = 100 * _turnover(russia, 2020, "CHN") / _turnover(russia, 2020, "WLD")
    b = 100 * _turnover(china, 2020, "RUS") / _turnover(china, 2020, "WLD")
    return {"china_in_russia": a, "russia_in_china": b, "ratio": a / b}


@task(
    level="stretch",
    asks="2024: Russia's share of China's goods imports (%) on Russia's record and on China's "
    "record of the flow, and whether both are below claim C06's 5% line",
    tolerance={"share_russia_record": 0.01, "share_china_record": 0.01},
    hints={
        "share_russia_record": "In russia_china_trade_2022_2025 keep period '2024', metric "
        "'china_imports_from_russia', unit 'usd_bn'; the basis column names the reporter. "
        "Divide by China's 2024 imports from 'WLD' in china_trade_with_russia (USD m / 1000).",
        "small_on_both": "True only if both shares are below 5.",
    },
)
def c06_two_records_2024():
    flows = data.load("russia_china_trade_2022_2025")
    rows = flows[(flows["period"] == "2024") & (flows["metric"] == "china_imports_from_russia")]
    value = rows[rows["unit"] == "usd_bn"].set_index("basis")["value"]
    china = data.load("china_trade_with_russia")
    world = china[(china["year"] == 2024) & (china["partner"] == "WLD")]["imports_usd_m"].iloc[0]
    russia_record = 100 * value["imf_russia_reported"] / (world / 1000)
    china_record = 100 * value["china_customs"] / (world / 1000)
    return {
        "share_russia_record": float(russia_record),
        "share_china_record": float(china_record),
        "small_on_both": bool(max(russia_record, china_record) < 5),
    }


@task(
    level="stretch",
    asks="2000: HHI of China's crude suppliers in points, lower bound (itemised origins only) "
    "and upper bound (the rest as one supplier); is even the upper bound below 1,500?",
    tolerance={"lower_2000": 1.0, "upper_2000": 1.0},
    hints={
        "lower_2000": "Shares in % of the 'WLD' row of 2000, squared and summed.",
        "upper_2000": "Add the square of the part not itemised (100 minus the sum of shares).",
        "clearly_unconcentrated": "True or False: upper_2000 < 1500.",
    },
)
def crude_hhi_2000():
    crude = data.load("china_crude_imports_by_origin")
    lower, upper = _hhi_bounds(crude[crude["year"] == 2000])
    return {"lower_2000": lower, "upper_2000": upper, "clearly_unconcentrated": upper < 1500}


@task(
    level="challenge",
    asks="2020: how far each HHI bound (points) moves if the row for the United States is "
    "left out (without minus with)",
    tolerance={"lower_change": 0.5, "upper_change": 0.5},
    hints={
        "lower_change": "Compute both bounds for 2020 twice, once with rows[rows['origin'] != "
        "'USA'], and subtract.",
        "upper_change": "Without the row, its volume falls into the part not itemised.",
    },
)
def missing_row_2020():
    crude = data.load("china_crude_imports_by_origin")
    rows = crude[crude["year"] == 2020]
    lower, upper = _hhi_bounds(rows)
    lower_without, upper_without = _hhi_bounds(rows[rows["origin"] != "USA"])
    return {"lower_change": lower_without - lower, "upper_change": upper_without - upper}
