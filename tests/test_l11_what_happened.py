"""Lesson 11 (what happened next): tables, charts, the widget and the your-turn checks."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from utils import data, scenarios
from utils.exercises import l11 as check
from utils.exercises.tasks import tasks_in
from utils.lessons import l11_what_happened as lesson
from utils.live import REGISTRY, discover_widgets
from utils.style import ALLOWED_COLORS, actor_color, colors_in, to_hex


# ----------------------------------------------------------------------------- tables
def test_actual_shares_are_the_trade_table_in_percent():
    shares = lesson.actual_shares()
    assert shares.loc[2019, "CHN"] == pytest.approx(16.46, abs=0.01)
    assert shares.loc[2019, "EU"] == pytest.approx(39.23, abs=0.01)
    assert shares.loc[2024, "CHN"] == pytest.approx(33.42, abs=0.01)
    assert shares.loc[2024, "EU"] == pytest.approx(9.61, abs=0.01)
    assert 2015 not in shares.index  # the gap between COW and the IMF stays a gap
    trade = data.load("russia_trade_by_partner").set_index(["year", "partner"])
    turnover = trade["exports_usd_m"] + trade["imports_usd_m"]
    assert shares.loc[2023, "CHN"] == pytest.approx(
        100 * turnover[(2023, "CHN")] / turnover[(2023, "WLD")]
    )


def test_preset_paths_start_from_2019_and_match_the_model():
    paths = lesson.preset_paths()
    assert set(paths) == set(scenarios.PRESETS)
    for path in paths.values():
        assert path.index.min() == 2019 and path.index.max() == 2036
        assert path.loc[2019, "CHN"] == pytest.approx(16.46, abs=0.01)
    for name, (_crossing, share_2036) in scenarios.PRESET_OUTCOMES.items():
        assert paths[name].loc[2036, "CHN"] == pytest.approx(100 * share_2036, abs=0.05)


def test_gaps_against_the_data():
    assert lesson.gap_pp("deterioration with the West", "CHN", 2024) == pytest.approx(
        -12.33, abs=0.05
    )
    assert lesson.gap_pp("status quo", "CHN", 2024) == pytest.approx(20.0 - 33.42, abs=0.05)
    assert abs(lesson.gap_pp("what happened", "CHN", 2024)) < 1.0  # fitted to 2022-2024
    assert lesson.gap_pp("deterioration with the West", "EU", 2023) > 20  # the EU collapsed


@pytest.mark.parametrize(
    "args, message",
    [
        (("optimism", "CHN", 2023), "preset must be one of"),
        (("status quo", "USA", 2023), "partner must be one of"),
        (("status quo", "CHN", 2019), "observed year after 2019"),
        (("status quo", "CHN", 2030), "observed year after 2019"),
    ],
)
def test_gap_rejects_bad_input(args, message):
    with pytest.raises(ValueError, match=message):
        lesson.gap_pp(*args)


def test_gdp_ratio():
    ratio = lesson.gdp_ratio()
    assert ratio[2010] == pytest.approx(3.99, abs=0.01)
    assert ratio.index.max() == 2023 and ratio[2023] == pytest.approx(8.80, abs=0.01)
    assert ratio[1992] < 1  # Russia's economy was the larger one in 1992


def test_power_of_siberia_series():
    pos = lesson.pos_deliveries()
    assert list(pos.index) == [2020, 2021, 2022, 2023, 2024, 2025]
    assert pos[2020] == pytest.approx(4.1) and pos[2023] == pytest.approx(22.73)
    assert pos[2024] == pytest.approx(31.12)
    assert pos[2025] == pytest.approx(38.8)
    share = check.capacity_share.expected()["capacity_share"]
    assert share[2024] == pytest.approx(100 * 31.12 / 38)
    assert share[2025] > 100  # above the 38 bcm design rate in 2025
    assert (share.diff().dropna() > 0).all()  # the pipe filled up year by year


def test_europe_gas():
    routes = lesson.europe_gas_by_route()
    assert routes.index.min() == 2010 and routes.index.max() == 2024  # 2009 gaps, 2025 partial
    total = routes.sum(axis=1)
    assert total[2021] == pytest.approx(154.0, abs=0.1)
    assert total[2024] == pytest.approx(39.0, abs=0.1)
    assert routes.loc[2020, "Nord Stream"] == pytest.approx(57.4, abs=0.1)
    assert routes.loc[2023, "Nord Stream"] == 0
    gas = data.load("russia_gas_to_europe")
    assert total[2022] == pytest.approx(gas.loc[gas["year"] == 2022, "volume_bcm"].sum())


def test_crude_shares_and_trade_bases():
    crude = lesson.crude_supplier_shares()
    assert crude.loc[2023, "RUS"] == pytest.approx(100 * 107021.8 / 563997.3, abs=0.01)
    assert crude.loc[2024, "RUS"] > crude.loc[2024, "SAU"]
    bases = lesson.trade_on_two_bases()
    assert list(bases.index) == [2022, 2023, 2024, 2025]
    assert bases.loc[2024, "china_customs"] == pytest.approx(244.81)
    assert bases.loc[2024, "imf_russia_reported"] == pytest.approx(236.331)
    assert np.isnan(bases.loc[2025, "imf_russia_reported"])


# ----------------------------------------------------------------------------- charts
def _lines(fig):
    return [line for ax in fig.axes for line in ax.get_lines()]


def test_gdp_chart_draws_the_ratio_and_says_it():
    chart = lesson.gdp_ratio_chart()
    assert chart.description == (
        "China's GDP was 0.9 times Russia's in 1992, 4.0 times in 2010 and 8.8 times in 2023 "
        "(current US dollars)."
    )
    (line,) = [ln for ln in _lines(chart.figure) if ln.get_label() == "China / Russia"]
    ratio = lesson.gdp_ratio()
    np.testing.assert_allclose(line.get_ydata(), ratio.to_numpy())
    assert (
        chart.figure.axes[0].get_title(loc="left")
        == "China's economy measured in Russian economies"
    )
    assert colors_in(chart.figure) <= ALLOWED_COLORS


def test_outcome_chart_default():
    chart = lesson.OutcomeChart().static(**lesson.DEFAULTS)
    assert chart.description == (
        "For 2023 the preset 'deterioration with the West' projected China's share of Russia's "
        "trade at 20.1%; the data give 31.4%, so the projection was 11.3 points below what "
        "happened."
    )
    assert colors_in(chart.figure) <= ALLOWED_COLORS
    assert chart.figure.axes[0].get_ylim() == (0, 70)
    assert any("IMF, IMTS (2025)" in t.get_text() for t in chart.figure.texts)


def test_outcome_chart_draws_what_it_says():
    view = lesson.OutcomeChart()
    description, note = view.update("status quo", "EU", 2024)
    path = lesson.preset_paths()["status quo"]["EU"]
    np.testing.assert_allclose(view.projection.get_ydata(), path.to_numpy())
    assert to_hex(view.projection.get_color()) == actor_color("EU")
    assert list(view.dots.get_xdata()) == [2024, 2024]
    assert view.dots.get_ydata()[1] == pytest.approx(lesson.actual_shares().loc[2024, "EU"])
    assert list(view.marker.get_xdata()) == [2024, 2024]
    assert "EU27's share" in description and "9.6%" in description and "above" in description
    assert "relations with the West stay as they were" in note
    assert "partner data" in note  # 2024 is an estimate year


def test_observed_lines_are_the_data():
    view = lesson.OutcomeChart()
    shares = lesson.actual_shares()
    china = [ln for ln in _lines(view.fig) if ln.get_label() == "China"][0]
    np.testing.assert_allclose(china.get_ydata(), shares["CHN"].to_numpy())
    assert to_hex(china.get_color()) == actor_color("CHN")


def test_gas_chart():
    chart = lesson.gas_chart()
    assert chart.description == (
        "Russian pipeline gas entering Europe fell from 154 bcm in 2021 to 39 bcm in 2024, "
        "while Power of Siberia's deliveries rose from 10.4 to 31.1 bcm, and to 38.8 bcm in 2025."
    )
    lines = {ln.get_label(): ln for ln in _lines(chart.figure)}
    china = lines["to China via Power of Siberia (Gazprom)"]
    np.testing.assert_allclose(
        china.get_ydata()[~np.isnan(china.get_ydata())], lesson.pos_deliveries().to_numpy()
    )
    assert to_hex(china.get_color()) == actor_color("CHN")
    assert any(ln.get_ydata()[0] == 38 for ln in _lines(chart.figure))  # the capacity line
    assert colors_in(chart.figure) <= ALLOWED_COLORS
    assert "IEA Gas Trade Flows" in chart.figure.texts[0].get_text()


def test_events_chart_shows_the_record():
    events = lesson.record_events()
    assert len(events) == len(lesson.EVENT_LABELS) == 10
    assert events["source_url"].str.startswith("http").all()
    dprk = events[events["label"].str.contains("Art. 4")]
    assert list(dprk["date"]) == ["2024-06-19"]
    chart = lesson.events_chart()
    labels = {t.get_text().replace("\n", " ") for t in chart.figure.axes[0].texts}
    assert "2001 treaty extended" in labels and "US EO 14114" in labels
    assert chart.description.startswith("10 dated events from 2021 to 2025")
    assert colors_in(chart.figure) <= ALLOWED_COLORS


def test_activity_counts_and_chart():
    counts = lesson.activity_by_year()
    assert list(counts.columns) == [
        "live exercise", "computer-simulated exercise", "air patrol", "naval patrol"
    ]  # fmt: skip
    assert counts.loc[2016, "computer-simulated exercise"] == 1  # Aerospace Security-2016
    assert counts.loc[2019, "air patrol"] == 1  # the bomber patrol of claim C12
    assert counts.sum(axis=1).sum() == (data.load("joint_exercises")["year"] >= 2012).sum()
    chart = lesson.activity_chart()
    assert chart.description == (
        "The compiled list counts 15 joint exercises and patrols in 2016-2020 and 30 in "
        "2021-2025; patrols grew from 2 to 15."
    )
    heights = [p.get_height() for p in chart.figure.axes[0].patches]
    assert sum(heights) == counts.to_numpy().sum()
    assert colors_in(chart.figure) <= ALLOWED_COLORS


# ----------------------------------------------------------------------------- the widget
def test_widget_is_registered_for_lesson_11():
    assert ("11", "presets_vs_outcomes") in discover_widgets()
    assert REGISTRY[("11", "presets_vs_outcomes")] is lesson.presets_vs_outcomes


def test_every_control_changes_the_description():
    view = lesson.presets_vs_outcomes()
    assert view.message == "" and view.description.startswith("For 2023 the preset")
    for name, value in (("preset", "what happened"), ("partner", "EU"), ("year", 2021)):
        before = view.description
        view.set(**{name: value})
        assert view.description != before, name
        assert view.message == ""
    assert view.description.startswith("For 2021 the preset 'what happened' projected EU27's")
    assert "stress test" in view.note.value


def test_widget_controls_cover_the_observed_years_only():
    view = lesson.presets_vs_outcomes()
    year = view.controls["year"]
    assert (year.min, year.max) == (2020, int(lesson.actual_shares().index.max()))
    assert list(view.controls["preset"].options) == list(lesson.PRESETS)


# ----------------------------------------------------------------------------- checks
def test_every_task_accepts_its_own_answer_and_rejects_a_wrong_one():
    tasks = tasks_in(check)
    assert [t.level for t in tasks] == ["core", "stretch", "challenge", "challenge"]
    for t in tasks:
        right = t.expected()
        assert str(t(**right)).startswith("Correct"), t.name
        wrong = {
            k: (v * 1.5 + 1 if not isinstance(v, pd.Series) else v + 5) for k, v in right.items()
        }
        assert str(t(**wrong)).startswith("Not yet"), t.name
        assert str(t(**dict.fromkeys(right, ...))).startswith("Not answered"), t.name


def test_core_task_numbers():
    expected = check.preset_gap.expected()
    assert expected["projected"] == pytest.approx(19.23, abs=0.01)
    assert expected["actual"] == pytest.approx(31.42, abs=0.01)
    assert expected["gap_pp"] == pytest.approx(-12.19, abs=0.01)
    fraction = {**expected, "gap_pp": expected["gap_pp"] / 100}
    assert not check.preset_gap(**fraction).correct


def test_stretch_and_challenge_numbers():
    assert check.gdp_ratio.expected()["latest_year"] == 2023
    share = check.capacity_share.expected()["capacity_share"]
    assert share[2020] == pytest.approx(100 * 4.1 / 38)
    assert check.europe_change.expected()["change_pct"] == pytest.approx(-74.7, abs=0.1)
