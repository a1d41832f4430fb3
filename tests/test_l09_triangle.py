"""Lesson 09: what the triangle chart, the timeline and the widget say, and the task answers.

Expected roles and patterns were worked out by hand from the signs of the three scores (a
line is friendly when its score is above the neutral band); dates come from
``data/timeline.csv`` read row by row.
"""

from __future__ import annotations

import math

import pytest

from utils import triangle
from utils.exercises import l09 as check
from utils.lessons import l09_triangle as lesson
from utils.live import REGISTRY, discover_widgets
from utils.style import ALLOWED_COLORS, PALETTE, colors_in


# ----------------------------------------------------------------------------- sentences
@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        # two friendly lines meet at the USA -> the USA is the pivot
        ((0.3, 0.4, -0.7), "romantic triangle: the USA is the pivot."),
        ((-0.6, -0.6, 0.7), "stable marriage: Russia and China are partners and the USA is the "
                            "outcast."),
        ((0.5, 0.5, 0.5), "ménage à trois: all three are friends."),
        ((-0.5, -0.5, -0.5), "unit veto: all three are adversaries."),
    ],
)  # fmt: skip
def test_describe_classifies_by_the_signs_of_the_lines(scores, expected):
    assert lesson.describe(*scores).endswith(expected)


def test_describe_shows_small_scores_as_they_are_and_flags_lukewarm_lines():
    # 0.05 lies inside the default band of 0.1: counted as enmity, and said so
    assert lesson.describe(0.05, 0.4, -0.7) == (
        "With US-Russia +0.05, US-China +0.4 and Russia-China -0.7, the triangle is a stable "
        "marriage: the USA and China are partners and Russia is the outcast (USA-Russia within "
        "±0.10 of zero, counted as enmity)."
    )


# ----------------------------------------------------------------------------- tables
def test_context_events_are_the_five_sourced_dates():
    events = lesson.context_events()
    assert list(events["date"]) == [
        "2014-03-17", "2014-05-21", "2019-07-23", "2019-11-07", "2020-10-22",
    ]  # fmt: skip
    assert list(events["category"]) == ["Sanctions", "Energy", "Military", "Diplomacy", "Diplomacy"]
    chart = lesson.context_chart()
    assert chart.description.startswith("5 sourced events from 2014-03-17 to 2020-10-22")
    assert "Macron's interview on 2019-11-07" in chart.description
    assert colors_in(chart.figure) <= ALLOWED_COLORS


def test_presets_and_roles_tables():
    scores = lesson.presets_table()
    assert list(scores.columns) == ["USA-Russia", "USA-China", "Russia-China"]
    assert scores.loc["1972"].tolist() == [0.3, 0.4, -0.7]
    roles = lesson.roles_table()
    assert roles.loc["1972"].tolist() == ["romantic triangle", "pivot", "wing", "wing"]
    assert roles.loc["1989", "Russia"] == "pivot"  # the USSR in 1989
    assert roles.loc["2014", "China"] == "pivot"
    assert roles.loc["2020"].tolist() == ["stable marriage", "outcast", "partner", "partner"]
    assert set(roles.loc["1969 Sino-Soviet split", ["USA", "Russia", "China"]]) == {"adversary"}
    # a wider band makes 2014's weak US-China line (+0.2) lukewarm: stable marriage
    assert lesson.roles_table(0.2).loc["2014", "pattern"] == "stable marriage"


def test_matching_preset_recognises_presets_only():
    p = triangle.PRESETS["2014"]
    assert lesson.matching_preset(p.us_russia, p.us_china, p.russia_china) == "2014"
    assert lesson.matching_preset(p.us_russia, p.us_china, 0.5) is None


# ----------------------------------------------------------------------------- the chart
def _line_kinds(chart) -> list[str]:
    return [line.get_linestyle() for line in chart.lines.values()]


def test_triangle_chart_styles_lines_by_amity_and_labels_roles():
    chart = lesson.TriangleChart()
    description, note = chart.update("1989", 0.5, -0.3, 0.4, 0.1)
    # LINES order: USA-Russia (+0.5 amity), USA-China (-0.3 enmity), Russia-China (+0.4 amity)
    assert _line_kinds(chart) == ["-", "--", "-"]
    colors = [line.get_color() for line in chart.lines.values()]
    assert colors == [PALETTE["bluish_green"], PALETTE["vermillion"], PALETTE["bluish_green"]]
    widths = [line.get_linewidth() for line in chart.lines.values()]
    assert widths == pytest.approx([4.0, 3.0, 3.5])  # 1.5 + 5 |score|: stronger is thicker
    assert {a: t.get_text() for a, t in chart.roles.items()} == {
        "USA": "wing", "Russia": "pivot", "China": "wing",
    }  # fmt: skip
    assert chart.pattern.get_text() == "Pattern: romantic triangle"
    assert description.endswith("the triangle is a romantic triangle: Russia is the pivot.")
    assert "Why these scores for 1989:" in note and "Gorbachev" in note
    assert colors_in(chart.fig) <= ALLOWED_COLORS


def test_lukewarm_lines_are_dotted_grey_and_the_band_decides():
    chart = lesson.TriangleChart()
    description, _ = chart.update("custom", 0.0, 0.4, -0.7, 0.25)
    assert _line_kinds(chart) == [":", "-", "--"]
    assert description.endswith("(USA-Russia within ±0.25 of zero, counted as enmity).")
    chart.update("custom", 0.3, 0.4, -0.7, 0.25)  # 0.3 is outside the band: friendly again
    assert _line_kinds(chart)[0] == "-"
    assert chart.roles["USA"].get_text() == "pivot"


def test_lines_stop_at_the_node_circles():
    chart = lesson.TriangleChart()
    for (a, b), line in chart.lines.items():
        (xa, ya), (xb, yb) = lesson.NODE_POSITIONS[a], lesson.NODE_POSITIONS[b]
        xs, ys = line.get_data()
        drawn = math.hypot(xs[1] - xs[0], ys[1] - ys[0])
        assert drawn == pytest.approx(math.hypot(xb - xa, yb - ya) - 0.28)


def test_the_note_quotes_a_preset_only_when_the_scores_are_the_presets():
    chart = lesson.TriangleChart()
    p = triangle.PRESETS["1972"]
    _, note = chart.update("1972", p.us_russia, p.us_china, p.russia_china, 0.1)
    assert note.startswith("<b>Romantic triangle.</b> USA is on good terms with both")
    assert "Why these scores for 1972:</i> Nixon visited Beijing" in note
    _, note = chart.update("1972", 0.5, p.us_china, p.russia_china, 0.1)  # moved away
    assert "Why these scores" not in note


def test_static_figure_is_the_widget_default():
    chart = lesson.TriangleChart().static(**lesson.DEFAULTS)
    assert chart.description == (
        "With US-Russia -0.6, US-China -0.6 and Russia-China +0.7, the triangle is a stable "
        "marriage: Russia and China are partners and the USA is the outcast."
    )
    assert lesson.SOURCE in [t.get_text().replace("\n", " ").removeprefix("Source: ")
                             for t in chart.figure.texts]  # fmt: skip


def test_bad_scores_raise_a_sentence():
    with pytest.raises(ValueError, match="us_russia=1.5 is outside the allowed range"):
        lesson.TriangleChart().update("custom", 1.5, 0.0, 0.0, 0.1)


# ----------------------------------------------------------------------------- the widget
def test_widget_is_registered():
    assert ("09", "strategic_triangle") in discover_widgets()
    assert REGISTRY[("09", "strategic_triangle")] is lesson.strategic_triangle


def test_presets_move_the_sliders_with_one_redraw():
    view = lesson.strategic_triangle()
    assert view.values["preset"] == "2020"
    assert "stable marriage" in view.description
    renders = len(view.timings)
    view.set(preset="1972")
    assert len(view.timings) == renders + 1
    values = view.values
    assert (values["us_russia"], values["us_china"], values["russia_china"]) == (0.3, 0.4, -0.7)
    assert view.description.endswith("romantic triangle: the USA is the pivot.")
    assert "Why these scores for 1972" in view.note.value
    view.set(russia_china=0.2)  # moving a slider away from the preset releases the menu
    assert view.values["preset"] == "custom"
    assert len(view.timings) == renders + 2
    assert view.description.endswith("ménage à trois: all three are friends.")
    view.set(preset="custom")  # choosing "custom" leaves the sliders alone
    assert view.values["russia_china"] == pytest.approx(0.2)


def test_every_control_changes_the_description():
    view = lesson.strategic_triangle()
    for name, value in (
        ("preset", "2014"), ("us_russia", 0.5), ("us_china", -0.3), ("russia_china", -0.2),
        ("neutral_band", 0.5),
    ):  # fmt: skip
        before = view.description
        view.set(**{name: value})
        assert view.description != before, f"changing {name} changed nothing"
        assert view.message == ""


# ----------------------------------------------------------------------------- the tasks
def test_task_answers():
    assert check.kind_2020.expected() == {"friendly": 1, "kind_2020": "stable marriage"}
    assert check.band_2014.expected() == {"band_2014": 0.2, "kind_at_band": "stable marriage"}
    assert check.flip_2020.expected() == {"flip_for_russia": "USA-Russia", "flip_for_usa": "none"}


def test_task_feedback():
    assert str(check.kind_2020(friendly=..., kind_2020=...)).startswith("Not answered")
    assert str(check.kind_2020(friendly=1, kind_2020="Stable  Marriage")).startswith("Correct")
    wrong = str(check.kind_2020(friendly=2, kind_2020="romantic triangle"))
    assert wrong.startswith("Not yet") and "too high" in wrong
    assert str(check.band_2014(band_2014=0.2, kind_at_band="stable marriage")).startswith("Correct")
    assert str(check.band_2014(band_2014=0.25, kind_at_band="stable marriage")).startswith(
        "Not yet"
    )
    assert str(check.flip_2020(flip_for_russia="USA-China", flip_for_usa="none")).startswith(
        "Not yet"
    )
