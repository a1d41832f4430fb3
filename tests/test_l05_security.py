"""Lesson 05 (arms and exercises): what its tables, charts, widgets and checks say.

Numbers are SIPRI's register sums (TIV millions) and counts from the sourced list of joint
events, with the two rules of issue #15: events count "up to the article" only if they started
on or before 2 December 2020, and computer-simulated drills are not exercises.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex

from utils.exercises import l05 as check
from utils.lessons import l05_security as lesson
from utils.live import REGISTRY, discover_widgets
from utils.style import ALLOWED_COLORS, colors_in


def _png(view) -> str:
    return view.output.outputs[0]["data"]["image/png"]


# ----------------------------------------------------------------------------- arms: tables
def test_russia_to_china_tiv_matches_the_sipri_register():
    series = lesson.russia_to_china_tiv()
    assert list(series.index[:3]) == [2000, 2001, 2002]
    # Raw register sums (TIV m): 2005 = 3066.0, 2018 = 1686.05, 2023 = 371.5.
    assert series[2005] == pytest.approx(3066.0, abs=0.01)
    assert series[2018] == pytest.approx(1686.05, abs=0.01)
    assert series[2023] == pytest.approx(371.5, abs=0.01)


def test_china_suppliers_add_up_to_all_deliveries_to_china():
    table = lesson.china_suppliers()
    assert list(table.columns) == ["Russia", "France", "Ukraine", "Others"]
    # Everything delivered to China in 2000 is 2,491.3 TIV m; France 86.7 of it.
    assert table.loc[2000].sum() == pytest.approx(2491.3, abs=0.01)
    assert table.loc[2000, "France"] == pytest.approx(86.7, abs=0.01)
    # Belarus delivered only in 2013 (170 TIV m): an "Others" supplier.
    assert table.loc[2013, "Others"] >= 170 - 0.5


def _top_edge(chart, ax, supplier) -> dict:
    """{year: top of the supplier's band} (the band's outline runs along its top first)."""
    outline = chart.bands[(ax, supplier)].get_paths()[0].vertices
    return dict(outline[: len(outline) // 2])


def test_supplier_shares_single_years_and_five_year_totals():
    chart = lesson.SuppliersChart()
    chart.update(window=1)
    stack_top = list(_top_edge(chart, chart.bottom, "Others").values())  # the last band
    assert stack_top == pytest.approx([100.0] * len(stack_top))
    russia = _top_edge(chart, chart.bottom, "Russia")
    assert russia[2000] == pytest.approx(100 * 2205.0 / 2491.3, abs=0.01)  # 88.5
    assert russia[2023] == pytest.approx(100 * 371.5 / 470.5, abs=0.01)  # 79.0
    chart.update(window=5)
    russia = _top_edge(chart, chart.bottom, "Russia")
    assert min(russia) == 2004
    # 2019-2023: Russia 3,059.7 of 3,993.45 TIV m = 76.6%.
    assert russia[2023] == pytest.approx(100 * 3059.7 / 3993.45, abs=0.01)


@pytest.mark.parametrize("window", [0, 11])
def test_suppliers_chart_rejects_bad_windows(window):
    with pytest.raises(ValueError, match="window"):
        lesson.SuppliersChart().update(window=window)


def test_window_shares_are_sums_over_five_years():
    table = lesson.window_shares(2004)
    assert list(table.index) == [2004, 2009, 2014, 2019]
    assert list(table["years"]) == ["2004-2008", "2009-2013", "2014-2018", "2019-2023"]
    assert table["russia_share"].round(1).tolist() == [85.9, 60.7, 70.7, 76.6]
    assert table.loc[2019, "total_tiv"] == pytest.approx(3993.45, abs=0.01)


def test_forecast_is_judged_on_the_years_after_it():
    test = lesson.forecast_test()
    assert list(test["years"]) == ["2016-2020", "2021-2023"]
    # mean yearly Russian TIV: 5,329.7 / 5 = 1,065.94 before, 1,417.75 / 3 = 472.58 after
    assert test.loc["before", "russia_tiv_per_year"] == pytest.approx(5329.7 / 5)
    assert test.loc["after", "russia_tiv_per_year"] == pytest.approx(1417.75 / 3)
    assert test.loc["before", "russia_share"] == pytest.approx(100 * 5329.7 / 6922.0, abs=0.01)
    assert test.loc["after", "russia_share"] == pytest.approx(100 * 1417.75 / 1873.0, abs=0.01)


def test_key_deals_are_the_su35_and_s400_orders():
    deals = lesson.key_deals()
    assert deals.loc["Su-35", "number_delivered"] == 24
    assert deals.loc["Su-35", "tiv_delivered_m"] == pytest.approx(1440.0)
    assert deals.loc["S-400", "order_year"] == 2015
    assert deals.loc["S-400", "tiv_delivered_m"] == pytest.approx(520.0)
    # SIPRI's own price comments show TIV is not dollars: $2 bn vs 1,440 TIV m, $3 bn vs 520.
    assert "$2 b" in deals.loc["Su-35", "comment"] and "$3 b" in deals.loc["S-400", "comment"]


def test_deals_delivered_after_the_article():
    deals = lesson.deals_delivered_in(2021, 2023)
    assert {"D-30", "AL-31", "Mi-17"} <= set(deals["designation"])
    for years in deals["delivery_years"]:
        assert any(2021 <= int(y) <= 2023 for y in years.split(";"))
    assert "S-400 Triumf" not in set(deals["designation"])  # delivered 2018-2019
    with pytest.raises(ValueError, match="first year"):
        lesson.deals_delivered_in(2023, 2021)


# ----------------------------------------------------------------------------- arms: charts
def test_transfers_chart_highlights_delivery_years_and_describes_the_trend():
    chart = lesson.transfers_chart()
    assert chart.description == (
        "Russian deliveries to China peaked at 3,066 million TIV in 2005 and were 372 million "
        "in 2023; the Su-35 and S-400 deliveries lifted them to 1,686 million in 2018 (orange "
        "bars)."
    )
    ax = chart.figure.axes[0]
    orange = [p for p in ax.patches if to_hex(p.get_facecolor()) == "#e69f00"]
    assert sorted(round(p.get_x() + p.get_width() / 2) for p in orange) == [2016, 2017, 2018, 2019]
    assert "not USD" in ax.get_ylabel()
    assert colors_in(chart.figure) <= ALLOWED_COLORS


def test_forecast_chart_bars_are_the_forecast_test():
    chart = lesson.forecast_chart()
    test = lesson.forecast_test()
    left, right = chart.figure.axes
    assert [p.get_height() for p in left.patches] == pytest.approx(
        test["russia_tiv_per_year"].astype(float).tolist()
    )
    assert [p.get_height() for p in right.patches] == pytest.approx(
        test["russia_share"].astype(float).tolist()
    )
    assert "changed by -56%" in chart.description and "from 77% to 76%" in chart.description
    assert colors_in(chart.figure) <= ALLOWED_COLORS


def test_suppliers_chart_draws_the_shares_and_keeps_its_axes():
    chart = lesson.SuppliersChart()
    text = chart.update(window=1)
    assert text == (
        "Russia supplied 89% of China's arms imports in 2000 and 79% in 2023, while China's "
        "imports from all suppliers went from 2,491 to 470 million TIV a year."
    )
    russia = chart.bands[(chart.bottom, "Russia")].get_paths()[0].vertices
    assert russia[0] == pytest.approx([2000, 100 * 2205.0 / 2491.3], abs=0.01)
    limits = [(ax.get_xlim(), ax.get_ylim()) for ax in chart.fig.axes]
    text = chart.update(window=5)
    assert text.startswith("Russia supplied 89% of China's arms imports in 2000-2004 and 77% in ")
    assert "2,735 to 799 million TIV a year on average" in text  # 13,674 / 5 and 3,993 / 5
    others = chart.bands[(chart.top, "Others")].get_paths()[0].vertices
    top = lesson.china_suppliers().loc[2000:2004].to_numpy().sum() / 5  # 2000-04 a year
    assert others[0] == pytest.approx([2004, top])  # the top of the stack
    assert [(ax.get_xlim(), ax.get_ylim()) for ax in chart.fig.axes] == limits
    with pytest.raises(ValueError, match="window"):
        chart.update(window=0)
    static = lesson.SuppliersChart().static(**lesson.SUPPLIER_DEFAULTS)
    assert colors_in(static.figure) <= ALLOWED_COLORS


def test_arms_suppliers_widget():
    discover_widgets()
    assert REGISTRY[("05", "arms_suppliers")] is lesson.arms_suppliers
    view = lesson.arms_suppliers()
    before = (view.description, _png(view))
    view.set(window=5)
    assert view.description != before[0] and _png(view) != before[1]
    assert view.message == ""


# ----------------------------------------------------------------------------- exercises
def test_kinds_separate_simulated_drills_and_patrols():
    table = lesson.events()
    assert set(table["kind"]) <= set(lesson.KINDS)
    simulated = table[table["kind"] == "simulated drill"]
    assert list(simulated["exercise_id"]) == ["2016_aerospace_security", "2017_aerospace_security"]
    assert set(table["region"]) <= set(lesson.REGION_ORDER)


def test_up_to_the_article_stops_on_2_december_2020():
    before = lesson.up_to_article()
    assert before["start"].max() <= pd.Timestamp("2020-12-02")
    assert "2020_air_patrol_2" not in set(before["exercise_id"])  # flew on 22 December 2020
    assert "2020_kavkaz" in set(before["exercise_id"])
    counts = before["kind"].value_counts().to_dict()
    assert counts == {"exercise": 23, "simulated drill": 2, "air patrol": 1}
    assert lesson.event_summary(before) == (
        "26 joint events (23 live exercises, 2 computer-simulated drills, 1 joint air patrol) "
        "in 16 regions, starting between Aug 2005 and Sep 2020."
    )


def test_region_tally_counts_live_exercises_only():
    tally = lesson.region_tally()
    assert tally.to_dict("index") == {
        "2005-2012": {"live exercises": 6, "regions": 4},
        "2013-02 Dec 2020": {"live exercises": 17, "regions": 13},
    }


def test_filter_events_periods_and_messages():
    after = lesson.filter_events(period="after")
    assert after["start"].min() > lesson.ARTICLE_DATE
    assert "2020_air_patrol_2" in set(after["exercise_id"])
    baltic = lesson.filter_events(region="Baltic Sea", period="all")
    assert list(baltic["exercise_id"]) == ["2017_joint_sea_1"]
    assert lesson.event_summary(baltic) == (
        "1 joint event (1 live exercise) in 1 region, starting between Jul 2017 and Jul 2017."
    )
    with pytest.raises(lesson.NoMatchingEvents, match="No joint events match kind=naval patrol"):
        lesson.filter_events(kind="naval patrol", period="before")
    for kwargs, message in (
        ({"kind": "parade"}, "kind must be 'all' or one of"),
        ({"domain": "space"}, "domain must be"),
        ({"region": "Arctic"}, "region must be"),
        ({"period": "2020"}, "period must be"),
    ):
        with pytest.raises(ValueError, match=message):
            lesson.filter_events(**kwargs)


def test_exercises_chart_marks_the_selected_events():
    chart = lesson.ExercisesChart()
    text = chart.update(**lesson.EXERCISE_DEFAULTS)
    assert text.startswith("26 joint events (23 live exercises")
    assert "from the Baltic Sea (2017) in the west to the Sea of Japan (2013) in the east" in text
    assert text.endswith("the first joint air patrol flew on 23 July 2019.")
    assert len(chart.points["exercise"].get_offsets()) == 23
    assert len(chart.points["simulated drill"].get_offsets()) == 2
    assert len(chart.points["naval patrol"].get_offsets()) == 0
    (x, row) = chart.points["air patrol"].get_offsets()[0]
    assert row == lesson.REGION_ORDER.index("Sea of Japan/East China Sea")
    assert 2019.5 < x < 2019.6  # 23 July 2019
    ax = chart.fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == list(lesson.REGION_ORDER)
    static = lesson.ExercisesChart().static(**{**lesson.EXERCISE_DEFAULTS, "period": "all"})
    assert colors_in(static.figure) <= ALLOWED_COLORS


def test_no_event_marker_hides_under_the_legend():
    chart = lesson.ExercisesChart()
    chart.update(**{**lesson.EXERCISE_DEFAULTS, "period": "all"})
    chart.fig.canvas.draw()
    ax = chart.fig.axes[0]
    box = ax.get_legend().get_window_extent()
    for points in chart.points.values():
        for x, y in ax.transData.transform(points.get_offsets()):
            assert not box.contains(x, y)


def test_exercise_filter_widget_controls_and_empty_selection():
    discover_widgets()
    assert REGISTRY[("05", "exercise_filter")] is lesson.exercise_filter
    controls = {"kind": "exercise", "domain": "sea", "region": "Sea of Japan", "period": "all"}
    for name, value in controls.items():
        view = lesson.exercise_filter()
        before = (view.description, _png(view))
        view.set(**{name: value})
        assert view.description != before[0] and _png(view) != before[1], name
    view = lesson.exercise_filter()
    shown = _png(view)
    view.set(kind="naval patrol")  # none before the article
    assert view.message.startswith("No joint events match kind=naval patrol")
    assert _png(view) == shown  # the last picture stays
    view.set(period="all")
    assert view.message == "" and "joint naval patrol" in view.description


# ----------------------------------------------------------------------------- tasks
def test_task_answers_by_hand():
    share = check.share_by_period.expected()["share_by_period"]
    assert share.round(1).to_dict() == {2004: 85.9, 2009: 60.7, 2014: 70.7, 2019: 76.6}
    forecast = check.forecast_after.expected()
    assert forecast["volume_change_pct"] == pytest.approx(-55.67, abs=0.01)
    assert forecast["share_change_pp"] == pytest.approx(-1.30, abs=0.01)
    events = check.events_to_article.expected()
    counts = events["counts"]
    assert counts.loc[2019].to_dict() == {"air patrol": 1, "exercise": 4}
    assert counts.loc[2020].to_dict() == {"air patrol": 0, "exercise": 1}  # not the 22 Dec patrol
    assert int(counts.to_numpy().sum()) == 24  # 23 live exercises and 1 air patrol
    assert events["regions_2013_2020"] == 13


def test_checks_accept_right_and_refuse_wrong_answers():
    right = check.forecast_after(volume_change_pct=-55.7, share_change_pp=-1.3)
    assert str(right).startswith("Correct")
    # the old comparison (2000-04 against 2019-23) is not what the task asks
    wrong = check.forecast_after(volume_change_pct=-74.8, share_change_pp=-11.9)
    assert str(wrong).startswith("Not yet")
    share = check.share_by_period.expected()["share_by_period"]
    assert str(check.share_by_period(share_by_period=share / 100)).startswith("Not yet")
    assert np.isclose(share.loc[2019], 76.618, atol=0.001)
