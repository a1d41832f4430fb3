"""Tests for the scenario lab (lesson 07) and the look back (lesson 11).

Covers the pure questions (utils.scenario_analysis), the charts (utils.plotting.scenarios) and
the widget wiring (utils.widgets.scenarios, utils.widgets.outcomes). Reference numbers are
worked out independently from the raw CSV where possible (see ``_hand_status_quo_2036``).
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image

from utils import scenario_analysis as sa
from utils import scenarios
from utils.plotting import ALLOWED_COLORS, palette_colors_in
from utils.plotting import scenarios as charts
from utils.scenarios import PRESETS
from utils.widgets import outcomes as wo
from utils.widgets import scenarios as ws
from utils.widgets.core import REGISTRY

DATA = Path(__file__).resolve().parents[1] / "data"

#: (crossing year, China's share of Russia's trade in 2036), per preset, with this repo's data.
PRESET_EXPECTED = {
    "status quo": (None, 0.297),
    "deterioration with the West": (None, 0.330),
    "stabilised ties with the West": (None, 0.269),
    "what happened": (2030, 0.590),
}


def _raw_turnover() -> dict[tuple[int, str], float]:
    """Exports + imports by (year, partner), read with the csv module (not utils.data)."""
    with open(DATA / "russia_trade_by_partner.csv", newline="", encoding="utf-8") as handle:
        return {
            (int(r["year"]), r["partner"]): float(r["exports_usd_m"]) + float(r["imports_usd_m"])
            for r in csv.DictReader(handle)
            if r["exports_usd_m"] and r["imports_usd_m"]
        }


def _hand_status_quo_2036() -> float:
    """China's 2036 share under the status quo, by hand: 2010-2019 CAGRs applied to 2019."""
    t = _raw_turnover()

    def groups(year):
        chn, eu, usa, wld = (t[(year, p)] for p in ("CHN", "EU", "USA", "WLD"))
        return {"CHN": chn, "EU": eu, "USA": usa, "ROW": wld - chn - eu - usa}

    start, end = groups(2010), groups(2019)
    projected = {g: end[g] * (end[g] / start[g]) ** (17 / 9) for g in end}
    return projected["CHN"] / sum(projected.values())


def _signature(view) -> tuple:
    """What a reader sees change: the image, caption, messages and the summary panel."""
    parts = [view.output.outputs[0]["data"]["image/png"], view.caption.value, view.message]
    if isinstance(view, ws.ScenarioLab):
        parts.append(view.summary.value)
    return tuple(parts)


def _png_size(png: bytes) -> tuple[int, int]:
    return Image.open(io.BytesIO(png)).size


# ----------------------------------------------------------------------------- presets


@pytest.mark.parametrize("name", list(PRESET_EXPECTED))
def test_preset_outcomes(name):
    crossing, share_2036 = PRESET_EXPECTED[name]
    result = scenarios.run(PRESETS[name])
    assert result.crossing_year == crossing
    assert sa.end_value(result, "china_share") == pytest.approx(share_2036, abs=0.0005)
    assert (result.params.base_year, result.params.end_year) == (2019, 2036)


def test_status_quo_matches_a_hand_projection_from_the_raw_file():
    hand = _hand_status_quo_2036()
    assert hand == pytest.approx(0.2966, abs=0.0001)
    assert sa.end_value(scenarios.run(PRESETS["status quo"]), "china_share") == pytest.approx(hand)


def test_benchmark_is_the_eu_share_of_2013_from_the_raw_file():
    t = _raw_turnover()
    assert t[(2013, "EU")] / t[(2013, "WLD")] == pytest.approx(0.4421, abs=0.0001)
    result = scenarios.run(PRESETS["status quo"])
    assert result.benchmark == pytest.approx(t[(2013, "EU")] / t[(2013, "WLD")])


# ----------------------------------------------------------------------------- analysis


def test_crossing_sentences():
    assert sa.crossing_sentence(scenarios.run(PRESETS["status quo"])) == (
        "Under these settings China's share does not pass the 2013 EU level (44.2%) by 2036."
    )
    assert sa.crossing_sentence(scenarios.run(PRESETS["what happened"])) == (
        "Under these settings China's share passes the 2013 EU level (44.2%) in 2030."
    )
    moved = scenarios.run(replace(PRESETS["status quo"], benchmark=0.25))
    assert sa.crossing_sentence(moved).startswith(
        "Under these settings China's share passes the chosen benchmark (25.0%) in "
    )


def test_crossing_time_interpolates_between_the_two_years():
    result = scenarios.run(PRESETS["what happened"])
    frame = result.frame.set_index("year")["china_share"]
    before, after = frame[2029], frame[2030]
    assert before < result.benchmark <= after
    expected = 2029 + (result.benchmark - before) / (after - before)
    assert sa.crossing_time(result) == pytest.approx(expected)
    assert 2029 < sa.crossing_time(result) <= 2030
    assert sa.crossing_time(scenarios.run(PRESETS["status quo"])) is None


def test_summary_numbers():
    s = sa.summarise(scenarios.run(PRESETS["what happened"]))
    assert (s.end_year, s.crossing_year, s.years_without_alternative) == (2036, 2030, 7)
    assert s.china_share == pytest.approx(0.590, abs=0.0005)
    assert s.asymmetry_ratio == pytest.approx(5.43, abs=0.01)
    quo = sa.summarise(scenarios.run(PRESETS["status quo"]))
    assert (quo.crossing_year, quo.years_without_alternative) == (None, 0)
    table = sa.compare_summaries(quo, s)
    assert table.loc["China's share at the end (%)", "B - A"] == pytest.approx(29.3)
    assert math.isnan(table.loc["crossing year", "A"])
    assert table.loc["years without alternative", "B"] == 7


def test_lever_sensitivity_matches_direct_runs():
    table = sa.lever_sensitivity(PRESETS["deterioration with the West"])
    assert list(table["lever"]) == list(sa.GROWTH_LEVERS)
    resolved = scenarios.resolve(PRESETS["deterioration with the West"])
    for row in table.itertuples():
        step = 0.01 if row.lever == "growth_chn" else -0.01
        moved = replace(resolved, end_year=2050, **{row.lever: getattr(resolved, row.lever) + step})
        assert row.crossing_year == scenarios.run(moved).crossing_year
    assert table.set_index("lever")["crossing_year"].to_dict() == {
        "growth_chn": 2043,
        "growth_eu": 2047,
        "growth_usa": 2048,
        "growth_row": 2043,
    }


def test_most_influential_lever_breaks_the_tie_by_crossing_time():
    # China +1 pp and rest of world -1 pp both cross in 2043; China's crossing comes earlier.
    table = sa.lever_sensitivity(PRESETS["deterioration with the West"]).set_index("lever")
    assert table.loc["growth_chn", "crossing_time"] < table.loc["growth_row", "crossing_time"]
    assert sa.most_influential_lever(PRESETS["deterioration with the West"]) == "growth_chn"
    assert sa.most_influential_lever(PRESETS["status quo"]) == "growth_chn"


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"step": 0.0}, ValueError, "step must be"),
        ({"step": 0.2}, ValueError, "step must be"),
        ({"levers": ("benchmark",)}, ValueError, "levers must be"),
        ({"levers": ()}, ValueError, "levers must be"),
        ({"horizon": 2060}, ValueError, "horizon must be"),
    ],
)
def test_lever_sensitivity_rejects_bad_input(kwargs, error, message):
    with pytest.raises(error, match=message):
        sa.lever_sensitivity(PRESETS["status quo"], **kwargs)


def test_bad_arguments_are_named():
    with pytest.raises(TypeError, match="params must be a ScenarioParams"):
        sa.lever_sensitivity("status quo")
    with pytest.raises(TypeError, match="result must be a ScenarioResult"):
        sa.summarise(None)
    with pytest.raises(ValueError, match="column='gdp'"):
        sa.end_value(scenarios.run(PRESETS["status quo"]), "gdp")
    with pytest.raises(ValueError, match="year=1990"):
        sa.value_in(scenarios.run(PRESETS["status quo"]), "china_share", 1990)
    with pytest.raises(ValueError, match="presets must name"):
        sa.presets_against_actual(["optimism"])
    with pytest.raises(ValueError, match="years must be observed"):
        sa.presets_against_actual(years=[2019])
    with pytest.raises(ValueError, match="first_year=1980"):
        sa.actual_shares(1980)


def test_actual_shares_from_the_raw_file():
    t = _raw_turnover()
    actual = sa.actual_shares(2019)
    assert list(actual.index) == [2019, 2020, 2021, 2022, 2023, 2024]
    assert actual.loc[2024, "CHN"] == pytest.approx(t[(2024, "CHN")] / t[(2024, "WLD")])
    assert actual.loc[2024, "CHN"] == pytest.approx(0.3342, abs=0.0001)
    assert actual.loc[2024, "EU"] == pytest.approx(0.0961, abs=0.0001)


def test_presets_against_actual():
    table = sa.presets_against_actual(years=[2021, 2024]).set_index(["preset", "year"])
    assert len(table) == 8
    row = table.loc[("deterioration with the West", 2024)]
    assert row["china_actual"] == pytest.approx(0.3342, abs=0.0001)
    assert row["china_projected"] == pytest.approx(0.2109, abs=0.0005)
    assert row["china_error_pp"] == pytest.approx(-12.33, abs=0.05)
    # The "what happened" preset is fitted to 2022-2024, so it is close by construction.
    fitted = table.xs(2024, level="year")["china_error_pp"].abs()
    assert fitted.idxmin() == "what happened"
    assert fitted["what happened"] < 1.0


# ----------------------------------------------------------------------------- charts


def test_nice_ceiling():
    assert charts.nice_ceiling(8.6) == 10.0
    assert charts.nice_ceiling(0.52) == pytest.approx(0.75)
    assert charts.nice_ceiling(59.0 * 1.05) == 75.0
    assert charts.nice_ceiling(3.0) == 3.0
    for bad in (0, -1, float("nan"), True):
        with pytest.raises(ValueError, match="value must be"):
            charts.nice_ceiling(bad)


def test_scenario_description_uses_the_model_numbers():
    result = scenarios.run(PRESETS["deterioration with the West"])
    assert charts.describe_scenario(result) == (
        "China's share of Russia's trade goes from 16.5% in 2019 to 33.0% in 2036 and does not "
        "reach the 2013 EU level (44.2%); the asymmetry ratio ends at 6.6."
    )
    other = scenarios.run(PRESETS["what happened"])
    assert charts.describe_scenario(result, other, "what happened").endswith(
        "Scenario B (what happened) ends at 59.0% in 2036, reaching the 2013 EU level (44.2%) "
        "in 2030."
    )


def test_scenario_chart_png_is_valid_deterministic_and_on_palette():
    result = scenarios.run(PRESETS["status quo"])
    cached = charts.scenario_chart(result)
    assert _png_size(cached.to_png()) == (960, 620)
    assert cached.to_png() == charts.scenario_chart(result).to_png()
    charts.clear_layouts()
    assert charts.scenario_chart(result).to_png() == cached.to_png()  # fresh layout, same pixels
    assert palette_colors_in(cached.figure) <= ALLOWED_COLORS
    assert [t.get_text() for t in cached.figure.texts if t.get_gid() == "source"] == [
        charts.scenario_source()
    ]
    with pytest.raises(ValueError, match="dpi=100 only"):
        cached.to_png(dpi=200)


def test_each_option_changes_the_picture():
    base = scenarios.run(PRESETS["deterioration with the West"])
    other = scenarios.run(PRESETS["status quo"])
    pictures = {
        charts.scenario_chart(base).to_png(),
        charts.scenario_chart(base, band=True).to_png(),
        charts.scenario_chart(base, other).to_png(),
        charts.scenario_chart(scenarios.run(PRESETS["what happened"])).to_png(),
    }
    assert len(pictures) == 4


def test_presenter_scale_enlarges_the_figure():
    result = scenarios.run(PRESETS["status quo"])
    big = charts.scenario_chart(result, scale=1.4)
    assert _png_size(big.to_png()) == (1344, 868)
    assert big.figure.get_size_inches()[0] == pytest.approx(9.6 * 1.4)


def test_horizon_beyond_2036_widens_the_time_axis():
    long_run = scenarios.run(replace(PRESETS["status quo"], end_year=2045))
    chart = charts.scenario_chart(long_run)
    assert chart.figure.axes[0].get_xlim()[1] == pytest.approx(2050.5)
    short = charts.scenario_chart(scenarios.run(PRESETS["status quo"]))
    assert short.figure.axes[0].get_xlim()[1] == pytest.approx(2036.5)


def test_asymmetry_beyond_the_panel_is_named():
    fast = scenarios.run(replace(PRESETS["status quo"], china_growth=0.15))
    assert sa.end_value(fast, "asymmetry_ratio") > charts.RATIO_RANGE[1]
    chart = charts.scenario_chart(fast)
    note = [t for t in chart.figure.axes[2].texts if t.get_text().startswith("off scale")]
    assert note and note[0].get_visible()
    assert (
        note[0].get_text() == f"off scale: A {sa.end_value(fast, 'asymmetry_ratio'):.0f}x in 2036"
    )


def test_summary_html_holds_the_three_numbers():
    panel = charts.summary_html(scenarios.run(PRESETS["what happened"]))
    for text in ("59.0%", "5.4x", ">7<", "2030-2036", "passes the 2013 EU level (44.2%) in 2030"):
        assert text in panel
    both = charts.summary_html(
        scenarios.run(PRESETS["status quo"]), scenarios.run(PRESETS["what happened"]), 1.4, "x"
    )
    assert "Scenario B (x): China 59.0% in 2036" in both
    assert "font-size:2.52em" in both  # 1.8 em x 1.4


def test_outcomes_chart():
    chart = charts.outcomes_chart(["status quo", "what happened"])
    assert chart.description == (
        "For 2024 the presets projected China's share at 'status quo' 20.0%, 'what happened' "
        "33.2%; the data give 33.4%."
    )
    with_eu = charts.outcomes_chart(["status quo", "what happened"], show_eu=True)
    assert with_eu.to_png() != chart.to_png()
    assert "The EU's actual share was 9.6%" in with_eu.description
    assert charts.outcomes_chart([]).description == (
        "China's actual share of Russia's trade reached 33.4% in 2024."
    )
    with pytest.raises(ValueError, match="unknown preset"):
        charts.outcomes_chart(["optimism"])
    with pytest.raises(TypeError, match="presets must be a list"):
        charts.outcomes_chart("status quo")


def test_power_of_siberia_numbers():
    comparison = charts.pipeline_comparison()
    assert comparison["latest_year"] == 2023
    assert comparison["latest_bcm"] == pytest.approx(22.7)
    assert comparison["europe_2020_bcm"] == pytest.approx(167.66)
    assert comparison["share_of_europe_2020"] == pytest.approx(22.7 / 167.66)
    chart = charts.power_of_siberia_chart()
    assert "22.7 bcm in 2023 (press-reported), 14% of the 167.7 bcm" in chart.description


def test_actual_shares_chart_description():
    chart = charts.actual_shares_chart()
    assert chart.description.startswith(
        "China's share of Russia's goods trade went from 16.5% in 2019 to 33.4% in 2024, "
        "while the EU's fell from 39.2% to 9.6%"
    )


# ----------------------------------------------------------------------------- lab widget


@pytest.fixture
def lab():
    return ws.scenario_lab()


def test_lab_default_render(lab):
    assert lab.message == ""
    assert lab.controls["preset"].value == "status quo"
    assert lab.last_chart.description.startswith(
        "China's share of Russia's trade goes from 16.5% in 2019 to 29.7% in 2036"
    )
    assert "Share this scenario" in lab.summary.value
    assert lab.share == scenarios.share_string(PRESETS["status quo"])
    assert REGISTRY[("07_scenario_lab", "scenario_lab")] is ws.scenario_lab
    assert REGISTRY[("11_what_happened_next", "presets_vs_outcomes")] is wo.presets_vs_outcomes


def test_every_lever_has_a_control_with_lever_bounds(lab):
    names = {f.name for f in scenarios.ScenarioParams.__dataclass_fields__.values()}
    assert set(ws.LEVER_NAMES) == names
    for name in names:
        control = lab.controls[name]
        assert control.description
        if name in scenarios.LEVER_BOUNDS:
            assert (control.min, control.max) == pytest.approx(scenarios.LEVER_BOUNDS[name])


@pytest.mark.parametrize("name", list(PRESETS))
def test_preset_sets_every_lever(lab, name):
    other = "status quo" if name != "status quo" else "what happened"
    lab.set(preset=other)
    lab.controls["preset"].value = name
    expected = ws.lever_values(PRESETS[name])
    for lever, value in expected.items():
        shown = lab.controls[lever].value
        assert (int(shown) if lever == "base_year" else shown) == value, lever
    assert lab.share == scenarios.share_string(PRESETS[name])
    crossing, share_2036 = PRESET_EXPECTED[name]
    assert lab.result_a.crossing_year == crossing
    assert sa.end_value(lab.result_a, "china_share") == pytest.approx(share_2036, abs=0.0005)


def test_moving_a_lever_marks_custom_and_moving_back_finds_the_preset(lab):
    original = lab.controls["end_year"].value
    lab.controls["end_year"].value = 2040
    assert lab.controls["preset"].value == ws.CUSTOM
    lab.controls["end_year"].value = original
    assert lab.controls["preset"].value == "status quo"


def test_each_control_changes_what_is_shown(lab):
    """Change every control once, in the browser test's order, from the default state."""
    kinds = [n for n in lab.controls if n not in ("preset", "compare", "west_relations")]
    order = [n for n in kinds if n not in ("band", "presenter", "base_year")]
    order += ["preset", "compare", "west_relations", "band", "base_year", "presenter"]
    for name in order:
        control = lab.controls[name]
        before = _signature(lab)
        if hasattr(control, "options"):
            values = [o[1] if isinstance(o, tuple) else o for o in control.options]
            control.value = values[(values.index(control.value) + 1) % len(values)]
        elif isinstance(control.value, bool):
            control.value = not control.value
        else:
            control.value = control.max if control.value != control.max else control.min
        assert _signature(lab) != before, f"{name} changed nothing"
        assert "role='alert'" not in lab.message_area.value, name


def test_band_compare_and_presenter_change_the_picture(lab):
    png = lab.last_chart.to_png()
    lab.controls["band"].value = True
    assert lab.last_chart.to_png() != png
    lab.controls["compare"].value = "what happened"
    assert "Scenario B (what happened)" in lab.summary.value
    assert lab.result_b is not None and lab.result_b.crossing_year == 2030
    small = _png_size(lab.last_chart.to_png())
    lab.controls["presenter"].value = True
    big = _png_size(lab.last_chart.to_png())
    assert big[0] > small[0] and big[1] > small[1]
    assert "font-size:1.40em" in lab.summary.value
    assert lab.widget.layout.max_width == "none"


def test_share_string_round_trip_reloads_the_same_settings(lab):
    lab.set(preset="deterioration with the West")
    lab.set(growth_chn=0.09, energy_pivot_usd_bn=12.0, end_year=2044, band=True)
    text, png, values = lab.share, lab.last_chart.to_png(), lab._lever_values()
    assert "g_chn=0.09" in text and "pivot=12.0" in text and "g_eu=data" in text
    lab.set(preset="status quo")
    assert lab.share != text
    assert lab.load(text) is True
    assert lab.share == text
    assert lab._lever_values() == values
    assert lab.last_chart.to_png() == png
    assert "Scenario loaded" in lab.load_status.value


def test_load_button_uses_the_text_box(lab):
    lab.share_input.value = scenarios.share_string(PRESETS["what happened"])
    lab.load_button.click()
    assert lab.controls["preset"].value == "what happened"
    assert lab.result_a.crossing_year == 2030


@pytest.mark.parametrize(
    "text",
    ["", "hello", scenarios.share_string(PRESETS["what happened"]).replace("2022", "2023")],
)
def test_bad_share_string_keeps_the_chart(lab, text):
    lab.set(preset="deterioration with the West")
    chart, share, values = lab.last_chart, lab.share, lab._lever_values()
    assert lab.load(text) is False
    assert lab.last_chart is chart and lab.share == share and lab._lever_values() == values
    assert "could not be loaded" in lab.load_status.value
    assert "role='alert'" in lab.load_status.value


def test_rupture_year_is_moved_into_range_with_a_note(lab):
    lab.set(preset="what happened")
    assert lab.controls["rupture_year"].value == 2022
    lab.controls["base_year"].value = "2024"
    assert lab.controls["rupture_year"].value == 2025
    assert "moved to 2025" in lab.message
    assert "role='alert'" not in lab.message_area.value
    lab.controls["end_year"].value = 2030
    lab.controls["rupture_year"].value = 2040
    assert lab.controls["rupture_year"].value == 2029  # the cut lands a year later, in 2030
    assert lab.result_a.params.rupture_year == 2029
    assert (
        ws.valid_rupture_year({"base_year": 2019, "end_year": 2036, "rupture_year": 2019}) == 2020
    )


def test_params_from_values_maps_data_defaults_to_none():
    values = ws.lever_values(PRESETS["what happened"])
    assert values["growth_eu"] == ws.data_defaults()["growth_eu"]
    params = ws.params_from_values(values)
    assert params == PRESETS["what happened"]
    assert params.growth_eu is None and params.growth_chn == 0.16
    assert ws.matching_preset(values) == "what happened"
    assert ws.matching_preset({**values, "seed": 7}) == ws.CUSTOM
    with pytest.raises(ValueError, match="lack the lever"):
        ws.params_from_values({"end_year": 2036})


def test_lab_redraws_reuse_cached_layouts(lab, monkeypatch):
    built = []
    original = charts._build_lab_layout

    def counting(*key):
        built.append(key)
        return original(*key)

    charts.clear_layouts()
    monkeypatch.setattr(charts._LAB_LAYOUTS, "build", counting)
    for value in (0.0, 0.03, 0.06, 0.09, 0.12):
        lab.controls["growth_chn"].value = value
    lab.controls["presenter"].value = True
    lab.controls["presenter"].value = False
    lab.controls["presenter"].value = True
    assert len(built) == 2  # one layout per scale, each built once
    assert len(lab.timings) >= 9


# ----------------------------------------------------------------------------- lesson 11 widget


def test_outcomes_widget_every_control_changes_the_chart():
    view = wo.presets_vs_outcomes()
    assert view.message == ""
    assert view.last_chart.description.startswith("For 2024 the presets projected")
    for name, control in view.controls.items():
        before = _signature(view)
        control.value = not control.value
        assert _signature(view) != before, name


def test_outcomes_widget_with_nothing_ticked_explains():
    view = wo.presets_vs_outcomes()
    view.set(show_status_quo=False, show_deterioration=False)
    assert view.message == "Tick a preset to lay its projection over the data."
    assert view.last_chart.description == (
        "China's actual share of Russia's trade reached 33.4% in 2024."
    )


def test_rupture_without_room_shows_a_message_and_keeps_the_chart(lab):
    lab.set(preset="what happened")
    lab.set(base_year=2024)
    chart = lab.last_chart
    lab.controls["end_year"].value = 2025
    assert "choose an end year of at least 2026" in lab.message
    assert "role='alert'" in lab.message_area.value
    assert lab.last_chart is chart
    lab.controls["end_year"].value = 2027
    assert "role='alert'" not in lab.message_area.value
    assert lab.last_chart is not chart
    assert lab.result_a.params.rupture_year == 2025


def _controls_in_page_order(widget) -> list:
    """Controls in the order a browser shows them (depth-first through the boxes)."""
    found = []
    for child in getattr(widget, "children", ()):
        if hasattr(child, "value") and hasattr(child, "description") and child.description:
            found.append(child)
        found.extend(_controls_in_page_order(child))
    return found


def test_first_slider_on_the_page_moves_the_chart(lab):
    """The JupyterLab browser test presses End on the first slider and expects a new image."""
    import ipywidgets as widgets

    ordered = _controls_in_page_order(lab.widget)
    assert set(ordered) >= set(lab.controls.values())
    first = next(c for c in ordered if isinstance(c, widgets.FloatSlider | widgets.IntSlider))
    png = lab.last_chart.to_png()
    first.value = first.max
    assert lab.last_chart.to_png() != png


def test_preset_table():
    table = sa.preset_table()
    assert list(table.index) == list(PRESETS)
    for name, (crossing, share_2036) in PRESET_EXPECTED.items():
        row = table.loc[name]
        assert (pd.isna(row["crossing year"]) and crossing is None) or row[
            "crossing year"
        ] == crossing
        assert row["China's share (%)"] == pytest.approx(100 * share_2036, abs=0.05)
    assert table.loc["what happened", "years without alternative"] == 7
    longer = sa.preset_table(end_year=2050)
    assert longer.loc["deterioration with the West", "crossing year"] == 2048
