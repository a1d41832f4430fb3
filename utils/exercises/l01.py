"""Checks of lesson 01's "your turn" tasks (alliance, alignment or strategic partnership?).

Each function returns the expected values, computed from ``utils.data`` and the lesson's
model, so the answer key follows the data.
"""

from __future__ import annotations

import itertools

from utils.exercises.tasks import task
from utils.lessons import l01_concepts as lesson


@task(
    level="core",
    asks="Joint activities that began before 2 December 2020: how many, and how many of each type",
    tolerance=0,
    hints={
        "n_activities": "Turn start_date into dates with pd.to_datetime(..., format='ISO8601') "
        "and keep the rows before pd.Timestamp('2020-12-02').",
        "by_type": "value_counts() on the type column of the rows you kept.",
    },
)
def activities_before_article():
    kept = lesson.exercises_before_article()
    return {"n_activities": len(kept), "by_type": kept["type"].value_counts()}


@task(
    level="core",
    asks="SIPRI trend-indicator value (TIV, millions) of Chinese orders for Russian arms, "
    "1992-2013 and 2014-2020",
    tolerance=0.5,
    hints={
        "tiv_1992_2013": "Filter supplier == 'Russia', recipient == 'China' and the order "
        "years, then sum tiv_total_order_m.",
    },
)
def arms_orders_before_and_after_2014():
    deals = lesson.arms_orders_to_2020()
    before = deals[deals["order_year"] <= 2013]["tiv_total_order_m"].sum()
    after = deals[deals["order_year"] >= 2014]["tiv_total_order_m"].sum()
    return {"tiv_1992_2013": float(before), "tiv_2014_2020": float(after)}


@task(
    level="stretch",
    asks="Russia-China 2020's score for each concept, computed with pandas from the profile table",
    tolerance=0.05,
    hints={
        "rc_scores": "For each concept: keep the rows that are not 'either', mark where the "
        "concept's column equals the Russia-China column, and divide the weight of those rows "
        "by the weight of all kept rows; times 100.",
    },
)
def scores_from_the_table():
    return {"rc_scores": lesson.match_scores(lesson.russia_china_profile())}


@task(
    level="challenge",
    asks="Among the 32 profiles with no treaty promise of mutual defence: in how many is "
    "alliance the best match, and what is the highest alliance score?",
    tolerance=0.05,
    hints={
        "alliance_wins": "itertools.product([True, False], repeat=5) gives every combination "
        "of the other five features; lesson.best_match(profile)[0] names the winner.",
    },
)
def alliance_without_a_treaty():
    others = [key for key in lesson.FEATURES if key != "mutual_defence"]
    wins, best = 0, 0.0
    for values in itertools.product([True, False], repeat=len(others)):
        profile = dict(zip(others, values, strict=True)) | {"mutual_defence": False}
        wins += lesson.best_match(profile)[0] == "Alliance"
        best = max(best, float(lesson.match_scores(profile)["Alliance"]))
    return {"alliance_wins": wins, "best_alliance_score": best}
