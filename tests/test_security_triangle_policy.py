"""Tests for lessons 05 (arms and exercises), 09 (the triangle) and 10 (policy options).

Expected numbers were worked out independently of the code under test: the SIPRI figures by
summing the raw trade register (reference-data/sipri-arms-transfers, deliveries 2000-2023) by
hand with the csv module, the event counts by reading ``data/joint_exercises.csv`` row by row.
"""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.colors import to_hex

from utils import decision, triangle
from utils.plotting import ALLOWED_COLORS, palette_colors_in
from utils.plotting import policy as pol
from utils.plotting import security as sec
from utils.plotting import triangle as tri
from utils.widgets import policy as pol_widgets
from utils.widgets import security as sec_widgets
from utils.widgets import triangle as tri_widgets
from utils.widgets.core import REGISTRY, LiveView


def _png(view: LiveView) -> str:
    (output,) = view.output.outputs
    return output["data"]["image/png"]


def _shown(view: LiveView) -> tuple[str, str, str]:
    """What a reader sees: the image, the caption and the note/message."""
    return _png(view), view.caption.value, view.message


# ============================================================================ lesson 05: arms
def test_russia_to_china_tiv_matches_the_sipri_register():
    series = sec.russia_to_china_tiv()
    assert list(series.index) == list(range(2000, 2024))
    # Raw register sums (TIV m): 2005 = 3066.0, 2018 = 1686.05, 2023 = 371.5.
    assert series[2005] == pytest.approx(3066.0, abs=0.01)
    assert series[2018] == pytest.approx(1686.05, abs=0.01)
    assert series[2023] == pytest.approx(371.5, abs=0.01)
    assert list(sec.russia_to_china_tiv((2016, 2019)).index) == [2016, 2017, 2018, 2019]


def test_china_suppliers_add_up_to_all_deliveries_to_china():
    table = sec.china_suppliers()
    assert list(table.columns) == ["Russia", "France", "Ukraine", "Others"]
    # Everything delivered to China in 2000 is 2,491.3 TIV m; France 86.7 of it.
    assert table.loc[2000].sum() == pytest.approx(2491.3, abs=0.01)
    assert table.loc[2000, "France"] == pytest.approx(86.7, abs=0.01)
    # Belarus delivered only in 2013 (170 TIV m): an "Others" supplier, zero in other years.
    assert table.loc[2013, "Others"] >= 170 - 0.5


def test_supplier_shares_single_years_and_five_year_totals():
    table = sec.china_suppliers()
    shares = sec.supplier_shares(table)
    assert shares.sum(axis=1).to_numpy() == pytest.approx(100.0)
    assert shares.loc[2000, "Russia"] == pytest.approx(100 * 2205.0 / 2491.3, abs=0.01)  # 88.5
    assert shares.loc[2023, "Russia"] == pytest.approx(100 * 371.5 / 470.5, abs=0.01)  # 79.0
    rolling = sec.supplier_shares(table, window=5)
    assert rolling.index[0] == 2004
    # 2019-2023: Russia 3,059.7 of 3,993.45 TIV m = 76.6%.
    assert rolling.loc[2023, "Russia"] == pytest.approx(100 * 3059.7 / 3993.45, abs=0.01)


@pytest.mark.parametrize(
    ("window", "error"), [(0, ValueError), (11, ValueError), (2.0, TypeError), (True, TypeError)]
)
def test_supplier_shares_rejects_bad_windows(window, error):
    with pytest.raises(error, match="window"):
        sec.supplier_shares(sec.china_suppliers(), window=window)


def test_key_deals_are_the_su35_and_s400_orders():
    deals = sec.key_deals().set_index("key_deal")
    assert deals.loc["Su-35", "number_delivered"] == 24
    assert deals.loc["Su-35", "tiv_delivered_m"] == pytest.approx(1440.0)
    assert deals.loc["S-400", "order_year"] == 2015
    assert deals.loc["S-400", "tiv_delivered_m"] == pytest.approx(520.0)
    # SIPRI's own price comments show TIV is not dollars: $2 bn vs 1,440 TIV m, $3 bn vs 520.
    assert "$2 b" in deals.loc["Su-35", "comment"] and "$3 b" in deals.loc["S-400", "comment"]


def test_transfers_chart_highlights_delivery_years_and_describes_the_trend():
    chart = sec.transfers_chart()
    assert chart.description == (
        "Russian deliveries to China peaked at 3,066 million TIV in 2005 and were 372 million "
        "in 2023; the Su-35 and S-400 deliveries lifted them to 1,686 million in 2018 (orange "
        "bars: Su-35 or S-400 delivered; 2000-2023)."
    )
    ax = chart.figure.axes[0]
    orange = [p for p in ax.patches if to_hex(p.get_facecolor()) == "#e69f00"]
    assert len(orange) == 4  # 2016, 2017, 2018, 2019
    assert "not USD" in ax.get_ylabel()
    assert palette_colors_in(chart.figure) <= ALLOWED_COLORS


def test_suppliers_chart_descriptions_for_share_and_five_year_totals():
    assert sec.suppliers_chart("share", 1).description == (
        "Russia supplied 89% of China's arms imports in 2000 and 79% in 2023, while the total "
        "volume went from 2,491 to 470 million TIV."
    )
    five = sec.suppliers_chart("volume", 5)
    assert five.description == (
        "Russia supplied 89% of China's arms imports in 5-year totals ending in 2004 and 77% in "
        "2023, while the total volume went from 13,674 to 3,993 million TIV."
    )
    assert "%" not in five.figure.axes[0].get_ylabel()
    with pytest.raises(ValueError, match="measure"):
        sec.suppliers_chart("dollars")


# ============================================================================ lesson 05: events
def test_filter_exercises_counts_by_hand():
    to_2020 = sec.filter_exercises(years=(2005, 2020))
    assert len(to_2020) == 26
    assert to_2020["type"].value_counts().to_dict() == {"exercise": 24, "air patrol": 2}
    assert to_2020["region"].nunique() == 15
    everything = sec.filter_exercises()
    assert len(everything) == 42
    assert (everything["type"] == "air patrol").sum() == 7
    naval_patrols = sec.filter_exercises(event_type="naval patrol")
    assert list(naval_patrols["year"]) == [2021, 2022, 2023]
    baltic = sec.filter_exercises(region="Baltic Sea")
    assert list(baltic["exercise_id"]) == ["2017_joint_sea_1"]
    # month-only dates are placed on the 1st of the month
    assert naval_patrols["start"].iloc[1] == pd.Timestamp("2022-09-01")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"event_type": "parade"}, "event_type must be 'all' or one of"),
        ({"domain": "space"}, "domain must be"),
        ({"region": "Arctic"}, "region must be"),
        ({"years": (2010, 2008)}, "first year \\(2010\\) is after the last year \\(2008\\)"),
        ({"years": (2000, 2010)}, "must lie in 2005..2023, got 2000"),
        ({"event_type": "air patrol", "domain": "land"}, "No joint events match type=air patrol"),
    ],
)
def test_filter_exercises_rejects_bad_or_empty_filters(kwargs, message):
    with pytest.raises(ValueError, match=message):
        sec.filter_exercises(**kwargs)


def test_exercise_summary_sentence():
    events = sec.filter_exercises(years=(2005, 2020))
    assert sec.exercise_summary(events) == (
        "26 joint events (24 exercises, 2 air patrols) in 15 regions, 2005-2020."
    )
    one = sec.filter_exercises(region="Baltic Sea")
    assert sec.exercise_summary(one) == "1 joint event (1 exercise) in 1 region, 2017."


def test_timeline_chart_marks_the_2019_patrol_and_west_east_spread():
    chart = sec.exercise_timeline_chart(sec.filter_exercises(years=(2005, 2020)))
    assert chart.description == (
        "26 joint events (24 exercises, 2 air patrols) in 15 regions, 2005-2020; they reach "
        "from the Mediterranean (2015) in the west to the Sea of Japan (2013) in the east; the "
        "first joint bomber patrol flew on 23 July 2019."
    )
    ax = chart.figure.axes[0]
    # region names are drawn top to bottom (west to east) as text labels of the rows; every
    # region has a row (the widget redraws only the markers), 15 of them hold these events
    lanes = sorted((t.get_position()[1], t.get_text()) for t in ax.texts if t.get_text())
    labels = [text for _, text in lanes if not text.startswith("First joint")]
    assert labels == list(sec.REGION_ORDER)
    assert labels[0] == "Mediterranean" and labels[1] == "Baltic Sea"
    assert labels.index("South China Sea") > labels.index("Central Asia")
    marked = {
        labels[int(row)]
        for points in ax.collections
        if points.get_visible() and points.get_label() in sec.EVENT_TYPES
        for row in points.get_offsets()[:, 1]
    }
    assert len(marked) == 15
    assert "First joint bomber patrol, 23 Jul 2019" in [t.get_text() for t in ax.texts]
    without = sec.exercise_timeline_chart(sec.filter_exercises(years=(2005, 2018)))
    assert "bomber patrol" not in without.description


def test_map_chart_reports_events_without_coordinates():
    chart, note = sec.exercise_map_chart(sec.filter_exercises(years=(2005, 2020)))
    assert note.startswith("2 selected event(s) name no single place")
    assert "Peace Mission-2010 (Central Asia)" in note
    assert "Aerospace Security-2016 (European Russia)" in note
    ax = chart.figure.axes[0]
    assert ax.get_xlabel() == "Longitude (degrees east)"
    assert chart.description.startswith("24 joint events")  # 26 minus the two unplaced
    with pytest.raises(sec.NoMatchingEvents, match="None of the 2 selected event"):
        sec.exercise_map_chart(sec.filter_exercises(region="Western Pacific"))


# ============================================================================ lesson 05: widgets
def test_lesson05_builders_are_registered():
    assert REGISTRY[("05_arms_and_exercises", "exercise_filter")] is sec_widgets.exercise_filter
    assert REGISTRY[("05_arms_and_exercises", "arms_suppliers")] is sec_widgets.arms_suppliers


def test_exercise_filter_default_and_every_control_changes_the_view():
    view = sec_widgets.exercise_filter()
    assert view.message == "26 joint events (24 exercises, 2 air patrols) in 15 regions, 2005-2020."
    changes = {
        "event_type": "exercise",
        "domain": "sea",
        "region": "Sea of Japan",
        "years": (2013, 2023),
        "view": "map",
    }
    for name, value in changes.items():
        before = _shown(view)
        view.set(**{name: value})
        assert _shown(view) != before, f"changing {name} changed nothing"
    # Sea of Japan naval exercises 2013-2023: 2013, 2015 (II), 2017 (phase 2), 2021, 2023.
    assert view.message.startswith("5 joint events (5 exercises) in 1 region, 2013-2023.")


def test_exercise_filter_shows_a_placeholder_and_message_for_an_empty_combination():
    view = sec_widgets.exercise_filter()
    png = _png(view)
    view.set(event_type="naval patrol", domain="land")
    expected = (
        "No joint events match type=naval patrol, domain=land, region=all, years 2005-2020: "
        "widen a filter."
    )
    assert view.message == expected
    assert view.last_chart.description == expected
    assert view.last_chart.title == "Timeline: no joint events to show"
    assert _png(view) != png  # the stale figure is replaced, not kept
    # while the selection stays empty, every further change still shows on screen
    for name, value in (("view", "map"), ("region", "Baltic Sea"), ("years", (2010, 2023))):
        before = _shown(view)
        view.set(**{name: value})
        assert _shown(view) != before, f"changing {name} changed nothing"


def test_map_view_of_unplaced_events_explains_itself():
    chart, note = sec_widgets.render_exercises(
        region="Western Pacific", view="map", years=(2005, 2023)
    )
    assert note.startswith("None of the 2 selected event(s) (Western Pacific) has a position")
    assert chart.title == "Schematic map: no joint events to show"


def test_arms_suppliers_widget_controls_change_the_chart():
    view = sec_widgets.arms_suppliers()
    assert view.last_chart.description.startswith("Russia supplied 89% of China's arms imports")
    for name, value in (("window", 5), ("measure", "volume")):
        before = _shown(view)
        view.set(**{name: value})
        assert _shown(view) != before, f"changing {name} changed nothing"


def test_year_range_rejects_reversed_defaults():
    with pytest.raises(ValueError, match="first <= last"):
        sec_widgets.year_range("Years", 2005, 2023, (2020, 2010))


def test_render_exercises_rejects_unknown_view():
    with pytest.raises(ValueError, match="view must be"):
        sec_widgets.render_exercises(view="globe")


# ============================================================================ lesson 09: triangle


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        # two positive lines meet at the USA -> the USA is the pivot
        ((0.3, 0.4, -0.7), "romantic triangle: the USA is the pivot."),
        # only Russia-China positive -> stable marriage against the USA
        (
            (-0.6, -0.6, 0.7),
            "stable marriage: Russia and China are partners and the USA is the outcast.",
        ),  # fmt: skip
        ((0.5, 0.5, 0.5), "ménage à trois: all three are friends."),
        ((-0.5, -0.5, -0.5), "unit veto: all three are adversaries."),
        # 0.05 lies inside the default band of 0.1 and counts as enmity
        (
            (0.05, 0.4, -0.7),
            "stable marriage: the USA and China are partners and Russia is the outcast.",
        ),  # fmt: skip
    ],
)
def test_describe_classifies_by_the_signs_of_the_lines(scores, expected):
    assert tri.describe(*scores).endswith(expected)


def test_triangle_chart_styles_lines_by_amity_and_labels_roles():
    chart = tri.triangle_chart(0.5, -0.3, 0.4, label="1989")
    assert chart.title == "Strategic triangle (1989): romantic triangle"
    ax = chart.figure.axes[0]
    styles = [line.get_linestyle() for line in ax.lines]
    # LINES order: USA-Russia (+0.5 amity), USA-China (-0.3 enmity), Russia-China (+0.4 amity)
    assert styles == ["-", "--", "-"]
    widths = [line.get_linewidth() for line in ax.lines]
    assert widths[0] > widths[2] > widths[1]  # thicker for stronger feelings
    texts = [t.get_text() for t in ax.texts]
    assert texts.count("wing") == 2 and texts.count("pivot") == 1
    assert "USA-China\n-0.3 (enmity)" in texts
    assert any("within ±0.10" in t for t in texts)
    assert palette_colors_in(chart.figure) <= ALLOWED_COLORS


def test_triangle_chart_marks_lukewarm_lines_dotted_and_in_the_description():
    chart = tri.triangle_chart(0.0, 0.4, -0.7, neutral_band=0.25)
    assert [line.get_linestyle() for line in chart.figure.axes[0].lines][0] == ":"
    assert chart.description.endswith("(USA-Russia within ±0.25 of zero, counted as enmity).")
    with pytest.raises(ValueError, match="us_russia=1.5"):
        tri.triangle_chart(1.5, 0.0, 0.0)


def test_context_events_are_the_five_sourced_dates():
    events = tri.context_events()
    assert list(events["date"]) == [
        "2014-03-17", "2014-05-21", "2019-07-23", "2019-11-07", "2020-10-22",
    ]  # fmt: skip
    chart = tri.context_timeline_chart()
    assert chart.description.startswith("5 sourced events from 2014-03-17 to 2020-10-22")
    assert "Macron's interview on 2019-11-07" in chart.description


def test_matching_preset_recognises_presets_only():
    p = triangle.PRESETS["2014"]
    assert tri_widgets.matching_preset(p.us_russia, p.us_china, p.russia_china) == "2014"
    assert tri_widgets.matching_preset(p.us_russia, p.us_china, 0.5) is None


def test_render_triangle_note_carries_the_preset_facts():
    p = triangle.PRESETS["1972"]
    chart, note = tri_widgets.render_triangle(p.us_russia, p.us_china, p.russia_china)
    assert chart.title == "Strategic triangle (1972): romantic triangle"
    assert note.startswith("Romantic triangle. USA is on good terms with both")
    assert "Why these scores for 1972: Nixon visited Beijing" in note
    chart, note = tri_widgets.render_triangle(0.5, p.us_china, p.russia_china)
    assert chart.title == "Strategic triangle (custom scores): romantic triangle"
    assert "Why these scores" not in note


def test_triangle_widget_presets_move_the_sliders_with_one_redraw():
    view = tri_widgets.strategic_triangle()
    assert view.presets.value == "2020"
    assert view.last_chart.title == "Strategic triangle (2020): stable marriage"
    renders = len(view.timings)
    view.presets.value = "1972"
    assert len(view.timings) == renders + 1
    assert (view.values["us_russia"], view.values["us_china"], view.values["russia_china"]) == (
        0.3, 0.4, -0.7,
    )  # fmt: skip
    assert view.last_chart.title == "Strategic triangle (1972): romantic triangle"
    view.set(russia_china=0.2)  # moving a slider away from the preset releases the menu
    assert view.presets.value == "custom"
    assert view.last_chart.title == "Strategic triangle (custom scores): ménage à trois"
    view.presets.value = "custom"  # choosing "custom" leaves the sliders alone
    assert view.values["russia_china"] == pytest.approx(0.2)
    assert view.presets in view.controls_box.children


def test_triangle_widget_every_slider_changes_the_view():
    view = tri_widgets.strategic_triangle()
    for name, value in (
        ("us_russia", 0.5), ("us_china", 0.3), ("russia_china", -0.2), ("neutral_band", 0.35),
    ):  # fmt: skip
        before = _shown(view)
        view.set(**{name: value})
        assert _shown(view) != before, f"changing {name} changed nothing"


# ============================================================================ lesson 10: policy
def test_events_by_year_counts_by_hand():
    counts = pol.events_by_year()
    assert list(counts.index) == list(range(2005, 2024))
    assert counts.loc[2006].sum() == 0  # no event recorded in 2006
    assert counts.loc[2019].to_dict() == {"exercise": 3, "air patrol": 1, "naval patrol": 0}
    assert counts.loc[2022].to_dict() == {"exercise": 3, "air patrol": 2, "naval patrol": 1}
    assert int(counts.to_numpy().sum()) == 42


def test_joint_activity_chart_description():
    assert pol.joint_activity_chart().description == (
        "Joint patrols first appear in 2019; from 2019 to 2023 the list holds 7 air patrols "
        "and 3 naval patrols next to 12 exercises (the list is not exhaustive)."
    )


def test_ranking_chart_with_equal_weights():
    # by hand: (3+9+8+7)/4 = 6.75, (7+8+6+5)/4 = 6.50, (5+5+5+4)/4 = 4.75, (6+1+1+2)/4 = 2.50
    chart = pol.ranking_chart()
    assert chart.description == (
        "'maintain sanctions and deterrence' ranks first with 6.75 of 10, 0.25 ahead of "
        "'coordinate with allies on technology controls' (6.50); last is 'reverse Kissinger "
        "(court Russia)' (2.50)."
    )
    ax = chart.figure.axes[0]
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert all(label.endswith("(25%)") for label in labels)
    assert "not data" in [t for t in chart.figure.texts if t.get_gid() == "source"][0].get_text()
    assert palette_colors_in(chart.figure) <= ALLOWED_COLORS


def test_sensitivity_note_matches_the_hand_computed_tie_points():
    # Military weight t, others (1-t)/3 each: sanctions 8 - 5t, coordinate 19/3 + 2t/3,
    # equal at t = 5/17 = 29.4%. Allies weight t: 20/3 + t/3 vs 7 - 2t, equal at t = 1/7.
    note = pol.sensitivity_note()
    assert note.startswith(
        "The top option changes if the weight of 'limits military-technical cooperation' rises "
        "from 25.0% to 29.4% (+4.4 points), 'coordinate with allies on technology controls' "
        "overtakes 'maintain sanctions and deterrence';"
    )
    assert "'keeps allies united' falls from 25.0% to 14.3% (-10.7 points)" in note
    assert note.endswith("Moving 'feasible under existing sanctions' alone never changes it.")


def test_decision_widget_every_weight_changes_the_view_and_zero_weights_warn():
    view = pol_widgets.decision_matrix()
    assert view.message.startswith("The top option changes if")
    for name in pol_widgets.WEIGHT_SLIDERS:
        before = _shown(view)
        view.set(**{name: 9.0})
        assert _shown(view) != before, f"changing {name} changed nothing"
    view.set(w_military=10.0, w_feasible=5.0, w_ukraine=5.0, w_allies=5.0)
    assert view.last_chart.description.startswith(
        "'coordinate with allies on technology controls' ranks first with 6.60 of 10"
    )  # 0.4*7 + 0.2*(8+6+5) = 6.6
    view.set(w_military=0.0, w_feasible=0.0, w_ukraine=0.0, w_allies=0.0)
    assert view.message == "weights are all zero; at least one weight must be positive"
    assert "role='alert'" in view.message_area.value


def test_render_decision_uses_the_policy_options_criteria():
    assert list(pol_widgets.WEIGHT_SLIDERS.values()) == list(decision.POLICY_OPTIONS.columns)
    chart, note = pol_widgets.render_decision(0.0, 5.0, 5.0, 5.0)
    # without the military criterion: sanctions (9+8+7)/3 = 8.0, coordinate (8+6+5)/3 = 6.33
    assert chart.description.startswith("'maintain sanctions and deterrence' ranks first with 8.00")
