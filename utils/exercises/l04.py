"""Checks for lesson 04's "your turn" tasks (pipelines and leverage).

Each expected value is computed here from the data tables and the bargaining model, so the
answer key (``python -m utils.exercises.key``) comes from the same code as the checks.
"""

from __future__ import annotations

import dataclasses

from utils import bargaining, data
from utils.exercises.tasks import task
from utils.lessons import l04_pipelines as lesson


def _price(case: str, **changes) -> float:
    return bargaining.negotiate(dataclasses.replace(bargaining.CASES[case], **changes)).price


@task(
    level="core",
    asks="China's share (%) of Russia's 2020 exports of crude oil, pipeline gas and LNG",
    tolerance=0.05,
    hints={
        "china_share": "a Series indexed by the three column names: the China row divided "
        "by the World row, times 100"
    },
)
def china_share():
    exports = data.load("russia_energy_exports_2020").set_index("destination")
    columns = list(lesson.COMMODITIES)
    return {"china_share": 100 * exports.loc["China", columns] / exports.loc["World", columns]}


@task(
    level="core",
    asks="The Nash price with Europe closed (fall-back 40, alternative 105, power 0.5) and its "
    "discount on the reference price of 100 (%)",
    tolerance=0.05,
    hints={
        "price_closed": "fall-back + power x (alternative - fall-back)",
        "discount_closed_pct": "100 x (reference - price) / reference",
    },
)
def price_closed():
    price = _price("Europe closed")
    return {"price_closed": price, "discount_closed_pct": 100 - price}


@task(
    level="stretch",
    asks="The seller power (no debt, Europe open) at which the Nash price equals the 2011 "
    "index price calibrated from the documented discount",
    tolerance=0.005,
    hints={"power_2011": "solve price = 95 + power x (105 - 95) for power"},
)
def power_2011():
    base = bargaining.CASES["Europe open"]
    return {"power_2011": lesson.calibrate(base, lesson.espo_2011_price(), "seller_power")}


@task(
    level="challenge",
    asks="How far the price falls when Europe closes (power 0.5, no debt, alternative 105): "
    "with the netback as the fall-back, and under the outside-option principle",
    tolerance=0.05,
    hints={
        "drop_principle": "under the principle the Europe-open price is the larger of the "
        "split above the cost and the netback",
    },
)
def closing_europe():
    principle = "outside-option principle"
    closed = _price("Europe closed")
    return {
        "drop_threat_point": _price("Europe open") - closed,
        "drop_principle": _price("Europe open", rule=principle) - closed,
    }
