"""Lesson 01 (alliance, alignment or partnership?): the model, the evidence, the charts, the
sorter widget, the task checks and the accuracy fixes of issue #15.

Counts are checked against the CSV files read directly (not through ``utils.data``).
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pandas as pd
import pytest

from utils.exercises import l01 as check
from utils.lessons import l01_concepts as lesson
from utils.live import REGISTRY, discover_widgets
from utils.style import ALLOWED_COLORS, colors_in

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "01_anything_is_possible.ipynb"
ALL_TRUE = dict.fromkeys(lesson.FEATURES, True)
ALL_FALSE = dict.fromkeys(lesson.FEATURES, False)


def _csv(name: str) -> pd.DataFrame:
    return pd.read_csv(ROOT / "data" / f"{name}.csv", dtype={"start_date": str})


def _markdown() -> str:
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


# ----------------------------------------------------------------------------- the model
def test_match_scores_by_hand():
    # Alliance specifies mutual defence (weight 2), exercises, backing of claims and
    # consultation (weight 1 each): total 5. Russia-China agrees on exercises and consultation
    # only: (1 + 1) / 5 = 40%.
    rc = lesson.russia_china_profile()
    assert lesson.match_scores(rc).to_dict() == pytest.approx(
        {"Alliance": 40.0, "Alignment": 100.0, "Strategic partnership": 100.0}
    )
    assert lesson.match_scores(ALL_TRUE).to_dict() == pytest.approx(
        {"Alliance": 100.0, "Alignment": 50.0, "Strategic partnership": 25.0}
    )
    # with every weight 1 the promise counts less: 2 of 4 alliance features agree
    equal = dict.fromkeys(lesson.FEATURES, 1.0)
    assert lesson.match_scores(rc, weights=equal)["Alliance"] == pytest.approx(50.0)


def test_best_match_breaks_ties_by_specificity_and_reports_them():
    assert lesson.best_match(lesson.russia_china_profile()) == (
        "Alignment",
        ["Strategic partnership"],
    )
    assert lesson.best_match(ALL_TRUE) == ("Alliance", [])


@pytest.mark.parametrize(
    ("profile", "error", "match"),
    [
        ({"mutual_defence": True}, ValueError, "missing"),
        (dict(ALL_TRUE, extra=True), ValueError, "unknown"),
        (dict(ALL_TRUE, arms_sales=1), TypeError, "True or False"),
        ([True] * 6, TypeError, "must be a dict"),
    ],
)
def test_profiles_are_validated(profile, error, match):
    with pytest.raises(error, match=match):
        lesson.match_scores(profile)


def test_weights_are_validated():
    with pytest.raises(ValueError, match="positive weight"):
        lesson.match_scores(ALL_TRUE, weights={"mutual_defence": 1.0})
    with pytest.raises(ValueError, match="positive weight"):
        lesson.match_scores(ALL_TRUE, weights=dict.fromkeys(lesson.FEATURES, 0.0))


def test_flip_effects_mutual_defence_moves_alliance_most():
    effects = lesson.flip_effects()
    assert effects.index.name == "feature flipped"
    assert effects["Alliance"].idxmax() == lesson.FEATURES["mutual_defence"]
    # flipping the promise adds its weight 2 to the agreeing 2 of 5: 40% -> 80%
    assert effects.loc[lesson.FEATURES["mutual_defence"], "Alliance"] == pytest.approx(40.0)


def test_no_profile_without_a_treaty_makes_alliance_the_best_word():
    others = [k for k in lesson.FEATURES if k != "mutual_defence"]
    for values in itertools.product([True, False], repeat=len(others)):
        profile = dict(zip(others, values, strict=True)) | {"mutual_defence": False}
        assert lesson.best_match(profile)[0] != "Alliance", profile
    assert check.alliance_without_a_treaty.expected() == {
        "alliance_wins": 0, "best_alliance_score": pytest.approx(60.0)}  # fmt: skip


# ----------------------------------------------------------------------------- evidence
def test_evidence_counts_come_from_the_data_up_to_the_article():
    exercises = _csv("joint_exercises")
    start = pd.to_datetime(exercises["start_date"], format="ISO8601")
    before = exercises[start < pd.Timestamp("2020-12-02")]
    assert lesson.exercises_before_article()["exercise_id"].tolist() == (
        before["exercise_id"].tolist()
    )
    # the second joint air patrol (22 December 2020) came after the article
    late = exercises[(exercises["year"] == 2020) & (start >= pd.Timestamp("2020-12-02"))]
    assert not late.empty and not late["exercise_id"].isin(before["exercise_id"]).any()
    deals = _csv("arms_deals")
    orders = deals[(deals["supplier"] == "Russia") & (deals["recipient"] == "China")
                   & (deals["order_year"] <= 2020)]  # fmt: skip
    why = lesson.evidence_table().set_index("Feature")["Why"]
    why = {key: why[label] for key, label in lesson.FEATURES.items()}
    assert f"{len(before)} joint activities" in why["joint_exercises"]
    assert f"SIPRI lists {len(orders)} orders" in why["arms_sales"]
    assert "S-400 and Su-35" in why["arms_sales"]
    profile = lesson.russia_china_profile()
    assert not profile["mutual_defence"] and profile["arms_sales"]
    assert "Taiwan" in why["back_claims"] and "Partly" in why["back_claims"]


def test_profile_and_evidence_tables():
    table = lesson.profile_table()
    assert list(table.columns) == [*lesson.CONCEPTS, lesson.RC_LABEL, "weight"]
    assert table.loc[lesson.FEATURES["mutual_defence"]].tolist() == ["yes", "no", "no", "no", 2.0]
    evidence = lesson.evidence_table()
    assert evidence["Russia-China 2020"].tolist() == ["no", "no", "yes", "yes", "no", "yes"]
    rows = lesson.ledger_rows(["C08", "C12"])
    assert rows.index.tolist() == ["C08", "C12"] and (rows["verdict"] == "supported").all()
    with pytest.raises(ValueError, match="not in the ledger"):
        lesson.ledger_rows(["C99"])


def test_timeline_events_are_dated_and_sourced():
    events = lesson.timeline_events()
    assert list(events["date"]) == sorted(events["date"])
    assert events["source_url"].str.startswith("http").all()
    # the Macron interview came almost a year before the Valdai remark (issue #15)
    dates = events["date"]
    assert dates["2019-11-07_macron_economist"] < dates["2020-10-22_valdai"]
    chart = lesson.timeline_chart()
    first = f"{len(events)} dated events from March 2014 to October 2020"
    assert chart.description.startswith(first)
    assert "6 years after the first sanctions" in chart.description
    assert colors_in(chart.figure) <= ALLOWED_COLORS


# ----------------------------------------------------------------------------- sorter
def test_concept_chart_bars_are_the_match_scores():
    chart = lesson.ConceptChart()
    profile = dict(ALL_FALSE, joint_exercises=True, consultation=True)
    description, note = chart.update(**profile)
    scores = lesson.match_scores(profile)
    assert [bar.get_width() for bar in chart.bars] == pytest.approx(scores.tolist())
    assert [label.get_text() for label in chart.labels] == [f"{v:.0f}%" for v in scores]
    # the Russia-China bars are static, drawn once with the 2020 scores
    rc_bars = chart.fig.axes[0].containers[1].patches
    rc_scores = lesson.match_scores(lesson.russia_china_profile())
    assert [bar.get_width() for bar in rc_bars] == pytest.approx(rc_scores.tolist())
    assert description.startswith(
        "Your profile: alliance 40%, alignment 83%, strategic partnership 100%"
    )
    assert note.startswith("Your profile differs from Russia-China in 2020 on:")


def test_concept_chart_static_default():
    chart = lesson.ConceptChart().static(**lesson.DEFAULTS)
    assert chart.description.startswith("Your profile: alliance 100%, alignment 50%")
    assert "(best: alignment, tied with strategic partnership)" in chart.description
    assert colors_in(chart.figure) <= ALLOWED_COLORS


def test_concept_sorter_every_checkbox_changes_the_chart():
    view = lesson.concept_sorter()
    assert view.description == lesson.ConceptChart().static(**lesson.DEFAULTS).description
    for key in lesson.FEATURES:
        before = view.description
        view.set(**{key: not view.values[key]})
        assert view.description != before, f"{key} changed nothing"
        assert view.note.value, "the note lists the differences"
    view.set(**lesson.russia_china_profile())
    assert "Your profile is the same as Russia-China in 2020." in view.note.value
    for control in view.controls.values():
        assert len(str(control.description)) >= 3


def test_sorter_is_registered_for_lesson_01():
    discover_widgets()
    assert REGISTRY[("01", "concept_sorter")] is lesson.concept_sorter


# ----------------------------------------------------------------------------- task checks
def test_task_checks_compute_from_the_data():
    exercises = _csv("joint_exercises")
    start = pd.to_datetime(exercises["start_date"], format="ISO8601")
    before = exercises[start < pd.Timestamp("2020-12-02")]
    got = check.activities_before_article.expected()
    assert got["n_activities"] == len(before)
    assert got["by_type"].to_dict() == before["type"].value_counts().to_dict()
    deals = _csv("arms_deals")
    china = deals[(deals["supplier"] == "Russia") & (deals["recipient"] == "China")]
    arms = check.arms_orders_before_and_after_2014.expected()
    assert arms["tiv_1992_2013"] == pytest.approx(
        china.loc[china["order_year"] <= 2013, "tiv_total_order_m"].sum())  # fmt: skip
    assert arms["tiv_2014_2020"] == pytest.approx(
        china.loc[china["order_year"].between(2014, 2020), "tiv_total_order_m"].sum())  # fmt: skip
    assert arms["tiv_2014_2020"] < arms["tiv_1992_2013"]  # the teaching point of the task


def test_task_feedback_right_wrong_and_unanswered():
    scores = lesson.match_scores(lesson.russia_china_profile())
    assert str(check.scores_from_the_table(rc_scores=scores)).startswith("Correct")
    assert str(check.scores_from_the_table(rc_scores=scores * 0.5)).startswith("Not yet")
    assert str(check.scores_from_the_table(rc_scores=...)).startswith("Not answered")
    wrong = check.alliance_without_a_treaty(alliance_wins=3, best_alliance_score=60.0)
    assert "too high" in str(wrong)


# ----------------------------------------------------------------------------- issue #15
def test_accuracy_fixes_are_in_the_lesson():
    text = _markdown()
    assert "Yan Xuetong" in text and "en.kremlin.ru/events/president/news/64261" in text
    assert "no backing for each other's disputed claims" not in text
    assert "Taiwan" in text.split("## Summary")[1].split("## Sources")[0]
    assert "21 October\n2019" in text or "21 October 2019" in text
    assert "Xinhua via china.org.cn, 29 January 2002" in text
    assert "](glossary.md" in text
    last = "**Next:** [Lesson 02: Pivot to the East](02_pivot_to_the_east.ipynb)"
    assert text.rstrip().endswith(last)
