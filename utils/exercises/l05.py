"""Checks for lesson 05's "your turn" tasks (arms and exercises).

Each expected value is computed here from the data tables, so the answer key
(``python -m utils.exercises.key``) comes from the same code as the checks.
"""

from __future__ import annotations

import pandas as pd

from utils import data
from utils.exercises.tasks import task
from utils.lessons import l05_security as lesson

#: First year of the first five-year window in the core task (windows end in the last year).
FIRST_WINDOW = 2004


def _to_china() -> pd.DataFrame:
    arms = data.load("arms_transfers_by_year")
    return arms[arms["recipient_iso3"] == "CHN"]


@task(
    level="core",
    asks="Russia's share (%) of China's arms imports (TIV) in the five-year periods 2004-2008, "
    "2009-2013, 2014-2018 and 2019-2023, indexed by the first year of each period",
    tolerance=0.05,
    hints={
        "share_by_period": "label each row with its period's first year, 2004 + (year - 2004) "
        "// 5 * 5, then groupby that label: Russia's sum divided by everyone's sum"
    },
)
def share_by_period():
    table = _to_china()
    table = table[table["year"] >= FIRST_WINDOW]
    period = FIRST_WINDOW + (table["year"] - FIRST_WINDOW) // 5 * 5
    total = table.groupby(period)["tiv_m"].sum()
    russia = table[table["supplier_iso3"] == "RUS"].groupby(period)["tiv_m"].sum()
    return {"share_by_period": 100 * russia / total}


@task(
    level="stretch",
    asks="The forecast of December 2020 judged on what came after it: the % change in Russia's "
    "mean yearly deliveries to China and the change in its share (percentage points), "
    "2016-2020 against 2021 to the last year",
    tolerance=0.1,
    hints={
        "volume_change_pct": "mean of the later years / mean of 2016-2020, minus 1, times 100",
        "share_change_pp": "each period's share is Russia's sum / everyone's sum; subtract",
    },
)
def forecast_after():
    test = lesson.forecast_test()
    before, after = test.loc["before"], test.loc["after"]
    return {
        "volume_change_pct": 100
        * (after["russia_tiv_per_year"] / before["russia_tiv_per_year"] - 1),
        "share_change_pp": after["russia_share"] - before["russia_share"],
    }


@task(
    level="challenge",
    asks="Live joint events that started on or before 2 December 2020, counted by year (rows) "
    "and type (columns); and the number of regions of live exercises from 2013 to that date",
    tolerance=0,
    hints={
        "counts": "pd.crosstab(year, type) on the rows whose mode is 'live' and whose start "
        "date is not after 2020-12-02",
        "regions_2013_2020": "type 'exercise' only: patrols are not exercises",
    },
)
def events_to_article():
    table = data.load("joint_exercises")
    start = pd.to_datetime(table["start_date"], format="ISO8601")
    live = table[(table["mode"] == "live") & (start <= lesson.ARTICLE_DATE)]
    counts = pd.crosstab(live["year"], live["type"])
    late = live[(live["type"] == "exercise") & (live["year"] >= 2013)]
    return {"counts": counts, "regions_2013_2020": int(late["region"].nunique())}
