"""Lesson 10: dated joint events, the ranking chart and widget, and the task answers.

Counts were made by reading ``data/joint_exercises.csv`` with the csv module (``type``,
``mode`` and ``start_date <= "2020-12-02"``): up to the article's date it lists 23 live
exercises, the two computer-simulated Aerospace Security drills (2016, 2017) and one joint
patrol (2019-07-23); the second air patrol is dated 2020-12-22. Weighted scores were worked
out by hand from ``utils.decision.POLICY_OPTIONS``.
"""

from __future__ import annotations

import pandas as pd
import pytest

from utils import decision
from utils.exercises import l10 as check
from utils.lessons import l10_policy as lesson
from utils.live import REGISTRY, discover_widgets
from utils.style import ALLOWED_COLORS, colors_in


# ----------------------------------------------------------------------------- dated events
def test_joint_events_date_and_classify_every_row():
    events = lesson.joint_events()
    assert len(events) == 57
    assert events["date"].is_monotonic_increasing
    assert set(events["activity"]) == set(lesson.ACTIVITIES)
    simulated = events.loc[events["activity"] == "simulated drill", "exercise_id"]
    assert sorted(simulated) == ["2016_aerospace_security", "2017_aerospace_security"]
    month_only = events.set_index("exercise_id").loc["2022_naval_patrol_2", "date"]
    assert month_only == pd.Timestamp("2022-09-01")  # "2022-09" becomes the 1st


def test_counts_stop_at_the_article_date_not_the_calendar_year():
    counts = lesson.activity_counts()
    assert counts["up to 2 Dec 2020"].to_dict() == {
        "field exercise": 23, "simulated drill": 2, "air patrol": 1, "naval patrol": 0,
    }  # fmt: skip
    assert counts["after"].to_dict() == {
        "field exercise": 15, "simulated drill": 0, "air patrol": 9, "naval patrol": 7,
    }  # fmt: skip
    events = lesson.joint_events()
    second = events.set_index("exercise_id").loc["2020_air_patrol_2", "date"]
    assert second == pd.Timestamp("2020-12-22") and second > lesson.ARTICLE_DATE


def test_activity_chart_says_what_the_article_could_know():
    chart = lesson.activity_chart()
    assert chart.description == (
        "Up to the article's date (2 December 2020) the list holds 23 field exercises, 2 "
        "computer-simulated drills and 1 joint patrol (the first, on 2019-07-23); the next "
        "patrol came 20 days after the article, and 16 patrols follow by 2025 (the list is not "
        "exhaustive)."
    )
    ax = chart.figure.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == list(lesson.ACTIVITIES)
    points = [len(c.get_offsets()) for c in ax.collections]
    assert points == [38, 2, 10, 7]  # one marker per event, row by row
    assert colors_in(chart.figure) <= ALLOWED_COLORS


# ----------------------------------------------------------------------------- the matrix
def test_ranking_chart_with_equal_weights():
    # by hand: (3+9+8+7)/4 = 6.75, (7+8+6+5)/4 = 6.50, (5+5+5+4)/4 = 4.75, (6+1+1+2)/4 = 2.50
    chart = lesson.RankingChart()
    description, note = chart.update(**lesson.DEFAULTS)
    assert description == (
        "'maintain sanctions and deterrence' ranks first with 6.75 of 10, 0.25 ahead of "
        "'coordinate with allies on technology controls' (6.50); last is 'reverse Kissinger "
        "(court Russia)' (2.50)."
    )
    # rows stay in the table's order; segments are weight x score
    first_row = [bars.patches[0].get_width() for bars in chart.bars]
    assert first_row == pytest.approx([0.75, 2.25, 2.0, 1.75])
    assert chart.bars[1].patches[0].get_x() == pytest.approx(0.75)
    totals = [sum(bars.patches[row].get_width() for bars in chart.bars) for row in range(4)]
    assert totals == pytest.approx([6.75, 4.75, 2.5, 6.5])
    assert note.startswith("<b>Weights:</b> limits military-technical cooperation 25%")
    assert (
        "<b>Ranking:</b> 1. maintain sanctions and deterrence 6.75; 2. coordinate with allies on "
        "technology controls 6.50; 3. selective engagement with Moscow 4.75; 4. reverse "
        "Kissinger (court Russia) 2.50." in note
    )
    ax = chart.fig.axes[0]
    labels = [t.get_text().replace("\n", " ") for t in ax.get_legend().get_texts()]
    assert labels == list(decision.POLICY_OPTIONS.columns)
    assert any("not data" in t.get_text() for t in chart.fig.texts)
    assert colors_in(chart.fig) <= ALLOWED_COLORS


def test_sensitivity_note_matches_the_hand_computed_tie_points():
    # Military weight t, others (1-t)/3 each: sanctions 8 - 5t, coordinate 19/3 + 2t/3,
    # equal at t = 5/17 = 29.4%. Allies weight t: 20/3 + t/3 vs 7 - 2t, equal at t = 1/7.
    note = lesson.sensitivity_note()
    assert note.startswith(
        "The top option changes if the weight of 'limits military-technical cooperation' rises "
        "from 25.0% to 29.4% (+4.4 points), 'coordinate with allies on technology controls' "
        "overtakes 'maintain sanctions and deterrence';"
    )
    assert "'keeps allies united' falls from 25.0% to 14.3% (-10.7 points)" in note
    assert note.endswith("Moving 'feasible under existing sanctions' alone never changes it.")


def test_weights_follow_the_slider_names():
    assert list(lesson.WEIGHT_SLIDERS.values()) == list(decision.POLICY_OPTIONS.columns)
    weights = lesson.weights_from_sliders(w_military=0, w_feasible=5, w_ukraine=5, w_allies=5)
    # without the military criterion: sanctions (9+8+7)/3 = 8.0, coordinate (8+6+5)/3 = 6.33
    ranked = decision.score(decision.POLICY_OPTIONS, weights)
    assert ranked["score"].iloc[0] == pytest.approx(8.0)


def test_widget_every_weight_changes_the_view_and_zero_weights_warn():
    assert ("10", "decision_matrix") in discover_widgets()
    assert REGISTRY[("10", "decision_matrix")] is lesson.decision_matrix
    view = lesson.decision_matrix()
    assert "The top option changes if" in view.note.value
    for name in lesson.WEIGHT_SLIDERS:
        before = (view.description, view.note.value)
        view.set(**{name: 9.0})
        assert (view.description, view.note.value) != before, f"changing {name} changed nothing"
    view.set(w_military=10.0, w_feasible=5.0, w_ukraine=5.0, w_allies=5.0)
    # 0.4 * 7 + 0.2 * (8 + 6 + 5) = 6.6
    assert view.description.startswith(
        "'coordinate with allies on technology controls' ranks first with 6.60 of 10"
    )
    view.set(w_military=0.0, w_feasible=0.0, w_ukraine=0.0, w_allies=0.0)
    assert view.message == "weights are all zero; at least one weight must be positive"
    assert "role='alert'" in view.note.value
    # the last good picture: only "keeps allies united" still weighted (7, 5, 4, 2 by hand)
    assert view.description.startswith("'maintain sanctions and deterrence' ranks first with 7.00")


# ----------------------------------------------------------------------------- the tasks
def test_task_answers():
    counts = check.before_article.expected()["before_article"]
    assert counts.to_dict() == {"field exercise": 23, "simulated drill": 2, "air patrol": 1}
    pla = check.totals_pla.expected()
    # 0.4 x military + 0.2 x each other criterion
    assert pla["totals"].round(2).to_dict() == {
        "coordinate with allies on technology controls": 6.6,
        "maintain sanctions and deterrence": 6.0,
        "selective engagement with Moscow": 4.8,
        "reverse Kissinger (court Russia)": 3.2,
    }
    assert pla["top_pla"] == "coordinate with allies on technology controls"
    flip = check.flip_weight.expected()
    assert flip["flip_weight"] == pytest.approx(5 / 17)
    assert flip["new_top"] == "coordinate with allies on technology controls"
    assert check.dominance.expected() == {
        "dominated_by": ["coordinate with allies on technology controls"],
        "can_win": False,
    }


def test_task_feedback():
    grid_answer = 0.295  # what np.linspace(0, 1, 1001) finds
    assert str(check.flip_weight(flip_weight=grid_answer, new_top=check.flip_weight.expected()[
        "new_top"])).startswith("Correct")  # fmt: skip
    events = lesson.joint_events()
    by_year = events[events["date"].dt.year <= 2020]["activity"].value_counts()
    assert str(check.before_article(before_article=by_year)).startswith("Not yet")
    assert str(check.dominance(dominated_by=[], can_win=True)).startswith("Not yet")
