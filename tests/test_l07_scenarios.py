"""Lesson 07: the projection by hand, the scenario chart, the dashboard and the task checks.

Reference numbers are worked out from the raw CSV with the csv module where possible, so a
mistake in ``utils.data`` or in the lesson module cannot hide itself.
"""

from __future__ import annotations

import base64
import csv
import html
import io
import math
from dataclasses import replace
from pathlib import Path

import ipywidgets as widgets
import nbformat
import numpy as np
import pandas as pd
import pytest
from PIL import Image

from utils import scenario_analysis as sa
from utils import scenarios
from utils.exercises import l07 as check
from utils.lessons import l07_scenarios as lesson
from utils.live import REGISTRY, LiveView
from utils.scenarios import PRESETS
from utils.style import ALLOWED_COLORS, colors_in

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "07_scenario_lab.ipynb"


def _raw_turnover() -> dict[tuple[int, str], float]:
    """Exports + imports (USD m) by (year, partner), read with the csv module."""
    path = ROOT / "data" / "russia_trade_by_partner.csv"
    with open(path, newline="", encoding="utf-8") as handle:
        return {
            (int(r["year"]), r["partner"]): float(r["exports_usd_m"]) + float(r["imports_usd_m"])
            for r in csv.DictReader(handle)
            if r["exports_usd_m"] and r["imports_usd_m"]
        }


RAW = _raw_turnover()


def _png(view: LiveView) -> bytes:
    return base64.b64decode(view.output.outputs[0]["data"]["image/png"])


def _signature(view: LiveView) -> tuple:
    """What a reader sees: the image, the caption, the summary (note) and any message."""
    return (_png(view), view.caption.value, view.note.value, view.message)


# ----------------------------------------------------------------------------- by hand
def test_turnover_table_matches_the_raw_file():
    table = check.turnover_bn()
    assert table.loc[2019, "CHN"] == pytest.approx(RAW[(2019, "CHN")] / 1000)
    assert table.loc[2013, "EU"] == pytest.approx(372.382, abs=0.001)
    row = RAW[(2019, "WLD")] - RAW[(2019, "CHN")] - RAW[(2019, "EU")] - RAW[(2019, "USA")]
    assert table.loc[2019, "ROW"] == pytest.approx(row / 1000)
    assert list(table.columns) == ["CHN", "EU", "USA", "ROW", "WLD"]
    assert 2015 not in table.index  # the gap between the two sources stays a gap


def test_task_expected_values():
    two = check.two_partner.expected()
    assert two["g_chn"] == pytest.approx((109_003.914 / 65_941) ** (1 / 9) - 1, abs=1e-6)
    assert two["g_chn"] == pytest.approx(0.0574, abs=0.0001)
    assert two["crossing_year_2p"] == 2033
    assert two["g_eu"] == pytest.approx((RAW[(2019, "EU")] / RAW[(2010, "EU")]) ** (1 / 9) - 1)
    gap = check.growth_gap.expected()
    ratio = RAW[(2019, "EU")] / RAW[(2019, "CHN")]
    needed = (1 + two["g_eu"]) * ratio ** (1 / 11) - 1
    assert gap["needed_growth"] == pytest.approx(100 * needed)
    assert gap["needed_growth"] == pytest.approx(7.27, abs=0.01)
    assert gap["gap_pp"] == pytest.approx(100 * (needed - two["g_eu"]))
    lever = check.which_lever.expected()
    assert lever["crossing_by_lever"].to_dict() == {
        "growth_chn": 2043, "growth_eu": 2047, "growth_usa": 2048, "growth_row": 2043,
    }  # fmt: skip
    assert lever["earliest"] == ["growth_chn", "growth_row"]


def test_the_model_reproduces_the_by_hand_projection():
    """The glass-box claim of section 2: ten lines of pandas give the status quo's 2036 share."""
    table = check.turnover_bn()
    groups = ["CHN", "EU", "USA", "ROW"]
    growth = (table.loc[2019, groups] / table.loc[2010, groups]) ** (1 / 9) - 1
    levels = table.loc[2019, groups] * (1 + growth) ** 17
    by_hand = levels["CHN"] / levels.sum()
    assert by_hand == pytest.approx(0.2966, abs=0.0001)
    assert scenarios.run(PRESETS["status quo"]).china_share_in(2036) == pytest.approx(by_hand)


def test_task_checks_accept_the_solution_and_explain_mistakes():
    two = check.two_partner.expected()
    assert str(check.two_partner(**two)).startswith("Correct")
    wrong = check.two_partner(g_chn=100 * two["g_chn"], g_eu=two["g_eu"], crossing_year_2p=2034)
    assert str(wrong).startswith("Not yet") and "as a fraction" in str(wrong)
    assert str(check.growth_gap(needed_growth=..., gap_pp=...)).startswith("Not answered")
    years = pd.Series({"growth_chn": 2043, "growth_eu": 2047, "growth_usa": 2048,
                       "growth_row": 2043})  # fmt: skip
    assert str(check.which_lever(crossing_by_lever=years, earliest=["growth_row", "growth_chn"]))
    only_china = check.which_lever(crossing_by_lever=years, earliest=["growth_chn"])
    assert str(only_china).startswith("Not yet")


# ----------------------------------------------------------------------------- the chart
def test_default_chart_says_what_it_shows():
    chart = lesson.ScenarioChart().static(**lesson.DEFAULTS)
    assert chart.description == (
        "China's share of Russia's trade goes from 16.5% in 2019 to 29.7% in 2036 and does not "
        "reach the 2013 EU level (44.2%); the asymmetry ratio ends at 6.0."
    )
    fig = chart.figure
    assert colors_in(fig) <= ALLOWED_COLORS
    assert fig.get_suptitle() == lesson.TITLE
    assert any(t.get_text() == lesson.SOURCE for t in fig.texts)
    assert Image.open(io.BytesIO(chart.to_png())).size == (850, 600)


def test_chart_lines_carry_the_model_numbers():
    view = lesson.ScenarioChart()
    view.update(**lesson.DEFAULTS)
    x, y = view.lines["A CHN"].get_data()
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    assert x[0] == 2000 and x[-1] == 2036
    assert y[x == 2036][0] == pytest.approx(29.66, abs=0.01)
    assert y[x == 2013][0] == pytest.approx(100 * RAW[(2013, "CHN")] / RAW[(2013, "WLD")])
    assert np.isnan(y[np.isnan(x)]).all() and np.isnan(x).sum() == 1  # the 2015 break
    _, eu = view.lines["A EU"].get_data()
    assert np.asarray(eu, dtype=float)[x == 2013][0] == pytest.approx(44.21, abs=0.01)
    assert view.bench.get_ydata()[0] == pytest.approx(44.21, abs=0.01)
    assert not view.dot.get_visible() and not view.lines["B CHN"].get_visible()
    assert view.top.get_xlim() == (1999.5, 2050.5)
    assert view.shade[0].get_x() == 2019


def test_scenario_b_band_and_crossing_dot():
    view = lesson.ScenarioChart()
    values = {**lesson.lever_values(PRESETS["deterioration with the West"]),
              "compare": "what happened", "band": True}  # fmt: skip
    text, note = view.update(**values)
    assert text == (
        "China's share of Russia's trade goes from 16.5% in 2019 to 33.0% in 2036 and does not "
        "reach the 2013 EU level (44.2%); the asymmetry ratio ends at 6.6. Four in five "
        "simulated paths end between 26.2% and 40.9%. Scenario B (what happened) ends at 59.0% "
        "in 2036, reaching the 2013 EU level (44.2%) in 2030."
    )
    bx, by = (np.asarray(v, dtype=float) for v in view.lines["B CHN"].get_data())
    assert bx[0] == 2019 and by[bx == 2036][0] == pytest.approx(58.96, abs=0.01)
    band = view.band.get_paths()[0].vertices
    assert band[:, 1].max() == pytest.approx(40.94, abs=0.01)
    assert "Scenario B (what happened): China 59.0% in 2036" in note
    happened = view.update(**{**lesson.lever_values(PRESETS["what happened"]),
                              "compare": "none", "band": False})[0]  # fmt: skip
    assert "reaches the 2013 EU level (44.2%) in 2030" in happened
    assert view.dot.get_visible() and view.dot.get_xdata()[0] == 2030
    assert view.dot_label.get_text() == "2030"


def test_limits_stay_fixed_and_values_beyond_them_are_named():
    view = lesson.ScenarioChart()
    view.update(**{**lesson.DEFAULTS, "end_year": 2045})
    assert view.top.get_xlim() == (1999.5, 2050.5) and view.low.get_ylim() == (0, 20)
    x, _ = view.lines["A CHN"].get_data()
    assert np.nanmax(np.asarray(x, dtype=float)) == 2045
    text = view.update(**{**lesson.DEFAULTS, "china_growth": 0.15})[0]
    ratio = sa.end_value(scenarios.run(replace(PRESETS["status quo"], china_growth=0.15)),
                         "asymmetry_ratio")  # fmt: skip
    assert ratio > lesson.RATIO_TOP
    assert f"the asymmetry ratio ends at {ratio:.1f} (above the panel's top, 20)." in text
    assert view.top.get_xlim() == (1999.5, 2050.5) and view.low.get_ylim() == (0, 20)


def test_summary_holds_the_three_numbers_and_a_clean_share_string():
    note = lesson.summary_html(scenarios.run(PRESETS["what happened"]), preset="what happened")
    for text in ("59.0%", "5.4x", ">7<", "2030-2036", "passes the 2013 EU level (44.2%) in 2030",
                 "fitted in hindsight", "g_chn=0.16;"):  # fmt: skip
        assert text in note
    # A browser slider sends min + n * step computed in binary floating point.
    noisy = replace(PRESETS["status quo"], growth_eu=-0.15 + 29 * 0.005,
                    china_growth=-0.10 + 24 * 0.005)  # fmt: skip
    note = lesson.summary_html(scenarios.run(noisy))
    assert "g_eu=-0.005;" in note and "china_g=0.02;" in note
    assert "0000000" not in note and "9999999" not in note


# ----------------------------------------------------------------------------- the dashboard
@pytest.fixture
def lab():
    return lesson.scenario_lab()


def test_lab_is_registered_and_starts_at_the_status_quo(lab):
    assert REGISTRY[("07", "scenario_lab")] is lesson.scenario_lab
    assert lab.message == "" and lab.controls["preset"].value == "status quo"
    assert lab.description.startswith("China's share of Russia's trade goes from 16.5% in 2019")
    assert lab.share == scenarios.share_string(PRESETS["status quo"])
    assert "Share this scenario" in lab.note.value
    assert html.escape("the lab's own baseline") in lab.note.value
    assert lab.text_summary().startswith("Interactive widget: Scenario lab")


def test_every_lever_has_a_control_with_the_model_bounds(lab):
    fields = set(scenarios.ScenarioParams.__dataclass_fields__)
    assert set(lesson.LEVER_NAMES) == fields
    for name in fields:
        control = lab.controls[name]
        assert control.description
        if name in scenarios.LEVER_BOUNDS:
            assert (control.min, control.max) == pytest.approx(scenarios.LEVER_BOUNDS[name])
        if isinstance(control, widgets.FloatSlider | widgets.IntSlider):
            assert int(control.layout.width.rstrip("px")) >= 420  # track >= 200 px


@pytest.mark.parametrize("name", list(PRESETS))
def test_preset_sets_every_lever(lab, name):
    lab.set(preset="what happened" if name == "status quo" else "status quo")
    lab.set(preset=name)
    for lever, value in lesson.lever_values(PRESETS[name]).items():
        assert lab.controls[lever].value == value, lever
    assert lab.share == scenarios.share_string(PRESETS[name])
    expected = scenarios.PRESET_OUTCOMES[name]
    assert lab.chart.result.crossing_year == expected[0]
    assert lab.chart.result.china_share_in(2036) == pytest.approx(expected[1], abs=0.0005)


def test_moving_a_lever_marks_custom_and_moving_back_finds_the_preset(lab):
    lab.set(end_year=2040)
    assert lab.controls["preset"].value == lesson.CUSTOM
    assert "Preset '" not in lab.note.value
    lab.set(end_year=2036)
    assert lab.controls["preset"].value == "status quo"


def test_each_control_changes_what_is_shown(lab):
    for name, control in lab.controls.items():
        if name == "preset":
            continue  # changes levers; tested above
        before = _signature(lab)
        if hasattr(control, "options"):
            values = [o[1] if isinstance(o, tuple) else o for o in control.options]
            new = values[(values.index(control.value) + 1) % len(values)]
        elif isinstance(control.value, bool):
            new = not control.value
        else:
            new = control.max if control.value != control.max else control.min
        if name == "west_relations":
            new = "deterioration"
        if name in ("rupture_year", "seed", "uncertainty"):
            lab.set(west_relations="rupture", band=True)
            before = _signature(lab)
            new = 2030 if name == "rupture_year" else new
        lab.set(**{name: new})
        assert lab.message == "", (name, lab.message)
        assert _signature(lab) != before, f"{name} changed nothing"


def test_band_compare_and_presenter_change_the_picture(lab):
    png = _png(lab)
    lab.set(band=True)
    assert _png(lab) != png and "Four in five simulated paths" in lab.description
    lab.set(compare="what happened")
    assert "Scenario B (what happened)" in lab.note.value
    assert lab.chart.other is not None and lab.chart.other.crossing_year == 2030
    small = Image.open(io.BytesIO(_png(lab))).size
    lab.presenter.value = True
    big = Image.open(io.BytesIO(_png(lab))).size
    assert big[0] > small[0] and big[1] > small[1]
    assert "font-size:1.3em" in lab.note.value and lab.widget.layout.max_width == "none"


def test_share_string_round_trip_reloads_the_same_settings(lab):
    lab.set(preset="deterioration with the West")
    lab.set(growth_chn=0.09, energy_pivot_usd_bn=12.0, end_year=2044, band=True)
    text, png, values = lab.share, _png(lab), lab.lever_values()
    assert "g_chn=0.09" in text and "pivot=12.0" in text and "g_eu=data" in text
    lab.set(preset="status quo")
    assert lab.share != text
    assert lab.load(text) is True
    assert lab.share == text and lab.lever_values() == values and _png(lab) == png
    assert "Scenario loaded" in lab.load_status.value


def test_load_button_uses_the_text_box(lab):
    lab.share_input.value = scenarios.share_string(PRESETS["what happened"])
    lab.load_button.click()
    assert lab.controls["preset"].value == "what happened"
    assert lab.chart.result.crossing_year == 2030


@pytest.mark.parametrize(
    "text", ["", "hello", scenarios.share_string(PRESETS["what happened"]).replace("2022", "2023")]
)
def test_bad_share_string_keeps_the_chart(lab, text):
    lab.set(preset="deterioration with the West")
    shown, share, values = _signature(lab), lab.share, lab.lever_values()
    assert lab.load(text) is False
    assert _signature(lab) == shown and lab.share == share and lab.lever_values() == values
    assert "could not be loaded" in lab.load_status.value
    assert "role='alert'" in lab.load_status.value


def test_impossible_combinations_explain_and_keep_the_chart(lab):
    lab.set(preset="what happened")
    picture, caption = _png(lab), lab.caption.value
    lab.set(base_year=2024)  # a rupture in 2022 is before the base year
    assert lab.message == (
        "A rupture year of 2022 does not fit: with base year 2024 and end year 2036, move the "
        "rupture year into 2025-2036."
    )
    assert "role='alert'" in lab.note.value and "last valid setting" in lab.note.value
    assert _png(lab) == picture and lab.caption.value == caption
    lab.set(rupture_year=2026)
    assert lab.message == "" and lab.chart.result.params.rupture_year == 2026
    lab.set(end_year=2022)
    assert lab.message.startswith("The end year (2022) must come after the base year (2024)")


def _impossible(control):
    """A value no user could pick (as the old robustness test did), or None."""
    if isinstance(control, widgets.Dropdown | widgets.ToggleButtons):
        values = [o[1] if isinstance(o, tuple) else o for o in control.options]
        return min(values) - 1000 if isinstance(values[0], int) else "__not_an_option__"
    if isinstance(control, widgets.FloatSlider):
        return math.nan
    if isinstance(control, widgets.IntSlider):
        return control.max + 1000
    return None


def test_impossible_values_name_the_control_and_keep_the_chart(lab):
    """Through the chart's update (a control cannot hold such values): a ValueError/TypeError
    that names the control, and the view keeps the last picture."""
    for name, control in lab.controls.items():
        bad = _impossible(control)
        if bad is None or name == "preset":
            continue
        with pytest.raises((ValueError, TypeError)) as error:
            lab.chart.update(**{**lab.values, name: bad})
        text = str(error.value).casefold()
        assert name in text or name.replace("_", " ") in text, (name, text)
    shown = _signature(lab)
    real = lab.chart.update
    lab.chart.update = lambda **values: real(**{**values, "growth_chn": math.nan})
    try:
        lab.update()
    finally:
        lab.chart.update = real
    assert "growth_chn" in lab.message and _png(lab) == shown[0]


def test_a_slider_moved_in_the_browser_gives_a_clean_share_string(lab):
    lab.set(growth_eu=-0.15 + 29 * 0.005)  # what the browser sends for -0.5%
    assert "g_eu=-0.005;" in lab.share


def test_first_slider_on_the_page_moves_the_chart(lab):
    """The browser tests press End on the first slider and expect a new image."""

    def in_page_order(widget):
        for child in getattr(widget, "children", ()):
            yield child
            yield from in_page_order(child)

    ordered = list(in_page_order(lab.widget))
    assert set(lab.controls.values()) <= set(ordered)
    first = next(c for c in ordered if isinstance(c, widgets.FloatSlider | widgets.IntSlider))
    png = _png(lab)
    first.value = first.max
    assert _png(lab) != png


# ----------------------------------------------------------------------------- the notebook
def _markdown() -> str:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def test_presets_are_attributed_correctly():
    """Issue #15: the status quo is not in the article; two presets paraphrase it."""
    text = _markdown()
    assert "article's own cases" not in text
    assert "**paragraph 7**" in text and "**paragraph 17**" in text
    assert "*status quo* is **our own** baseline" in text
    origins = scenarios.PRESET_ORIGINS
    assert set(origins) == set(PRESETS)
    assert "paragraph 7" in origins["deterioration with the West"]
    assert "paragraph 17" in origins["stabilised ties with the West"]
    assert "own" in origins["status quo"] and "own" in origins["what happened"]


def test_presenter_mode_switches_reuse_one_background_per_resolution():
    """Toggling presenter mode during a demo must not change a pixel (cached backgrounds)."""
    once = lesson.scenario_lab()
    once.set(compare="what happened", band=True)
    once.presenter.value = True
    often = lesson.scenario_lab()
    often.set(compare="what happened", band=True)
    for _ in range(3):
        often.presenter.value = not often.presenter.value
    often.set(growth_chn=0.1)
    often.set(growth_chn=once.values["growth_chn"])
    assert _png(often) == _png(once)
    once.presenter.value = often.presenter.value = False
    assert _png(often) == _png(once)
    fresh = lesson.scenario_lab()
    fresh.set(compare="what happened", band=True)
    assert _png(often) == _png(fresh)
