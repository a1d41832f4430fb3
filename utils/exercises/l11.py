"""Checks for lesson 11's "your turn" tasks (what happened next: alliance or not?).

Each expected value is computed here from the data tables and the scenario model, so the
answer key (``python -m utils.exercises.key``) comes from the same code as the checks.
"""

from __future__ import annotations

from utils import data, scenarios
from utils.exercises.tasks import task
from utils.lessons import l11_what_happened as lesson

#: The preset and year of the core task.
CORE_PRESET, CORE_YEAR = "status quo", 2023


def _china_share(year: int) -> float:
    trade = data.load("russia_trade_by_partner")
    turnover = (
        (trade["exports_usd_m"] + trade["imports_usd_m"])
        .groupby([trade["year"], trade["partner"]])
        .sum()
    )
    return float(100 * turnover[(year, "CHN")] / turnover[(year, "WLD")])


@task(
    level="core",
    asks=f"China's share of Russia's trade in {CORE_YEAR}: the '{CORE_PRESET}' projection, "
    "the data, and the gap (percent and percentage points)",
    tolerance=0.05,
    hints={
        "gap_pp": "projected minus actual, in percentage points (negative if the preset was low)",
        "projected": "scenarios.run(...).frame has a china_share column (a fraction)",
    },
)
def preset_gap():
    frame = scenarios.run(scenarios.PRESETS[CORE_PRESET]).frame.set_index("year")
    projected = 100 * float(frame.loc[CORE_YEAR, "china_share"])
    actual = _china_share(CORE_YEAR)
    return {"projected": projected, "actual": actual, "gap_pp": projected - actual}


@task(
    level="stretch",
    asks="China's GDP divided by Russia's in 2010 and in the latest year of gdp_milex",
    tolerance={"ratio_2010": 0.01, "ratio_latest": 0.01, "latest_year": 0},
    hints={"latest_year": "the largest year with a GDP value for both countries"},
)
def gdp_ratio():
    ratio = lesson.gdp_ratio()
    latest = int(ratio.index.max())
    return {
        "ratio_2010": float(ratio[2010]),
        "ratio_latest": float(ratio[latest]),
        "latest_year": latest,
    }


@task(
    level="challenge",
    asks="Power of Siberia deliveries as a percentage of its 38 bcm design capacity, by year",
    tolerance=0.05,
    hints={"capacity_share": "a Series indexed by year: volume_bcm / 38 * 100"},
)
def capacity_share():
    share = 100 * lesson.pos_deliveries() / lesson.POS_DESIGN_BCM
    return {"capacity_share": share.rename("share of design capacity (%)")}


@task(
    level="challenge",
    asks="Change in Russian pipeline gas flowing into Europe from 2021 to 2024 (%)",
    tolerance=0.1,
    hints={
        "change_pct": "sum volume_bcm over all border points per year, then 100 * (2024/2021 - 1)"
    },
)
def europe_change():
    total = lesson.europe_gas_by_route().sum(axis=1)
    return {"change_pct": float(100 * (total[2024] / total[2021] - 1))}
