"""Lesson 04 (pipelines and leverage): what its tables, charts, widget and checks say.

Numbers are the real ones from the data tables (BP 2020 trade matrix, the Power of Siberia
bases, the dated timeline) and hand-worked Nash prices; colours must come from the palette.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest
from matplotlib.colors import to_hex

from utils import bargaining
from utils.exercises import l04 as check
from utils.lessons import l04_pipelines as lesson
from utils.live import REGISTRY, LiveView, discover_widgets
from utils.style import ALLOWED_COLORS, actor_color, colors_in

PRINCIPLE = "outside-option principle"


def _house(chart) -> None:
    assert chart.figure.axes[0].get_title(loc="left")
    assert colors_in(chart.figure) <= ALLOWED_COLORS
    assert chart.description.endswith(".")


# ----------------------------------------------------------------------------- flows, 2020
def test_energy_destinations_by_hand():
    table = lesson.energy_destinations()
    assert table.loc["Crude oil (Mt)", "China"] == pytest.approx(83.445)
    assert table.loc["Pipeline gas (bcm)", "World"] == pytest.approx(197.676)
    rest = 259.977 - 83.445 - 138.201
    assert table.loc["Crude oil (Mt)", "Rest of world"] == pytest.approx(rest)
    destinations = table[list(lesson.DESTINATIONS)].sum(axis=1)
    assert destinations.to_numpy() == pytest.approx(table["World"].to_numpy())


def test_destinations_chart_draws_the_shares():
    chart = lesson.destinations_chart()
    _house(chart)
    assert f"{100 * 83.445 / 259.977:.1f}% of Russia's crude" in chart.description  # 32.1%
    assert f"{100 * 3.881 / 197.676:.1f}% of its pipeline gas" in chart.description  # 2.0%
    assert "53.2% and 84.8% for Europe" in chart.description
    ax = chart.figure.axes[0]
    china = [p for p in ax.patches if to_hex(p.get_facecolor()).upper() == actor_color("CHN")]
    widths = [p.get_width() for p in sorted(china, key=lambda p: p.get_y())]
    table = lesson.energy_destinations()
    # the y axis is inverted: the first commodity (crude) is at the top, smallest y
    assert widths == pytest.approx(list(100 * table["China"] / table["World"]))
    assert widths[2] == pytest.approx(100 * 6.924 / 40.409)  # LNG
    assert ax.get_xlim() == (0, 100)


# ----------------------------------------------------------------------------- Power of Siberia
def test_power_of_siberia_table_keeps_bases_apart():
    table = lesson.power_of_siberia_table()
    assert list(table.columns[:2]) == ["china_customs", "bp_statistical_review"]
    assert set(table.columns) <= set(lesson.BASES)
    assert table.loc[2020, "china_customs"] == pytest.approx(4.033)
    assert table.loc[2020, "bp_statistical_review"] == pytest.approx(3.881)
    assert table.loc[2020, "press_reported"] == pytest.approx(4.1)
    assert table.loc[2021, "china_customs"] == pytest.approx(10.25)
    assert math.isnan(table.loc[2023, "china_customs"])


def test_power_of_siberia_chart_bars_are_the_table():
    chart = lesson.power_of_siberia_chart()
    _house(chart)
    assert "0.005 bcm in 2019 (one month) and 10.25 bcm in 2021" in chart.description
    table = lesson.power_of_siberia_table()
    latest = int(table.dropna(how="all").index.max())
    assert f"for {latest}, is" in chart.description
    ax = chart.figure.axes[0]
    customs = [p for p in ax.patches if to_hex(p.get_facecolor()).upper() == actor_color("CHN")]
    assert [p.get_height() for p in customs] == pytest.approx(list(table["china_customs"].dropna()))
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels[0] == "China customs" and len(labels) == len(table.columns)


# ----------------------------------------------------------------------------- timeline
def test_energy_events_rows_and_labels():
    events = lesson.energy_events()
    assert set(events["row"]) == {"oil (ESPO spur)", "gas (Power of Siberia)"}
    assert "Gazprom CNPC contract" in events["label"].tolist()
    assert lesson.short_label("2012-03-02_espo_price_settlement") == "ESPO price settlement"
    assert list(events["date"]) == sorted(events["date"])
    chart = lesson.energy_timeline_chart()
    _house(chart)
    oil = events[events["row"].str.startswith("oil")]
    assert chart.description.startswith(f"The ESPO-spur oil deal in {len(oil)} dated events")
    # the discount was agreed in autumn 2011 (issue #15), not in 2012
    assert "ESPO price discount (Oct 2011)" in chart.description
    ax = chart.figure.axes[0]
    assert [t.get_text() for t in ax.texts] == list(oil["label"])


# ----------------------------------------------------------------------------- the 2011 discount
def test_documented_discount_is_about_1_4_percent():
    assert lesson.espo_2011_price() == pytest.approx(100 - 100 * 1.5 / 106.0)  # 1.42% off Dubai


def test_calibrated_2011_case_gives_the_documented_discount():
    assert lesson.ESPO_2011.debt_leverage == 0.28
    outcome = bargaining.negotiate(lesson.ESPO_2011)
    # 95 + 0.5 x (1 - 0.28) x 10 = 98.6, a discount of 1.4% (the old preset gave 3.0%)
    assert outcome.price == pytest.approx(98.6)
    assert 100 * outcome.discount_fraction == pytest.approx(1.4)
    assert round(100 * outcome.discount_fraction, 1) == round(100 - lesson.espo_2011_price(), 1)


@pytest.mark.parametrize(
    ("lever", "expected"),
    [
        ("seller_power", (98.5849 - 95) / 10),
        ("debt_leverage", 1 - (98.5849 - 95) / 5),
        ("buyer_alternative_price", 95 + (98.5849 - 95) / 0.5),
    ],
)
def test_each_lever_alone_reproduces_the_2011_price(lever, expected):
    base = bargaining.CASES["Europe open"]
    value = lesson.calibrate(base, lesson.espo_2011_price(), lever)
    assert value == pytest.approx(expected, abs=1e-4)
    fitted = bargaining.negotiate(dataclasses.replace(base, **{lever: value}))
    assert fitted.price == pytest.approx(lesson.espo_2011_price())


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"target_price": 98.6, "lever": "cost"}, "lever must be one of"),
        ({"target_price": 90.0, "lever": "seller_power"}, "above the seller's fall-back"),
        ({"target_price": 104.0, "lever": "debt_leverage"}, "no debt_leverage in"),
    ],
)
def test_calibrate_names_impossible_requests(kwargs, message):
    with pytest.raises(ValueError, match=message):
        lesson.calibrate(bargaining.CASES["Europe open"], **kwargs)
    principle = dataclasses.replace(bargaining.CASES["Europe open"], rule=PRINCIPLE)
    with pytest.raises(ValueError, match="threat-point rule only"):
        lesson.calibrate(principle, 98.6, "seller_power")


def test_cases_and_rules_tables():
    cases = lesson.cases_table()
    for name, inputs in bargaining.CASES.items():
        assert cases.loc[name, "price"] == pytest.approx(bargaining.negotiate(inputs).price)
    row = cases.loc["2011 ESPO discount (calibrated, debt lever)"]
    assert (row["price"], row["discount %"], row["debt leverage"]) == (98.6, 1.4, 0.28)
    rules = lesson.rules_table()
    assert rules.loc["Europe open", "threat point"] == pytest.approx(100.0)
    assert rules.loc["Europe open", PRINCIPLE] == pytest.approx(95.0)  # the netback binds
    assert rules.loc["2011 ESPO discount (calibrated, debt lever)", PRINCIPLE] == 95.0
    assert (rules["threat point"] >= rules[PRINCIPLE]).all()


# ----------------------------------------------------------------------------- price curve
def test_price_curve_by_hand():
    chart = lesson.price_curve_chart()
    _house(chart)
    lines = chart.figure.axes[0].lines  # one line per curve, in the order of CURVES
    curve = {line.get_label(): dict(zip(*line.get_data(), strict=True)) for line in lines[:3]}
    names = list(lesson.CURVES)
    assert [line.get_label() for line in lines[:3]] == names
    assert curve[names[2]][90.0] == pytest.approx(65.0)  # 40 + 0.5 x 50
    assert math.isnan(curve[names[0]][95.0])  # alternative = netback: no surplus
    assert curve[names[0]][105.0] == pytest.approx(100.0)
    assert curve[names[1]][105.0] == pytest.approx(95.0)
    assert curve[names[1]][150.0] == pytest.approx(95.0)  # split 95 = netback
    assert "100 if the Europe netback is the fall-back, 95 under" in chart.description
    assert "72.5 with Europe closed" in chart.description


def test_bargain_inputs_validate():
    with pytest.raises(ValueError, match="seller_power"):
        lesson.bargain_inputs(True, 100.0, 1.5, 0.0)
    closed = lesson.bargain_inputs(False, 105.0, 0.5, 0.0)
    assert closed == bargaining.CASES["Europe closed"]


# ----------------------------------------------------------------------------- the widget chart
def test_nash_chart_default_is_the_calibrated_2011_case():
    chart = lesson.NashChart()
    text, note = chart.update(**lesson.DEFAULTS)
    assert text == (
        "Europe open, netback as the fall-back: the agreed price is 98.6 (index), a discount "
        "of 1.4% on the reference; the seller keeps 36% of the surplus between 95 and 105."
    )
    assert "0.50 x (1 - 0.28 debt leverage) = 0.36" in note
    assert (chart.fallback.get_x(), chart.fallback.get_width()) == (0, 95.0)
    assert chart.seller.get_x() == 95.0 and chart.seller.get_width() == pytest.approx(3.6)
    assert chart.buyer.get_x() == pytest.approx(98.6)
    assert chart.buyer.get_width() == pytest.approx(6.4)
    assert list(chart.price.get_xdata()) == pytest.approx([98.6, 98.6])
    assert list(chart.alternative.get_xdata()) == [105.0, 105.0]
    assert list(chart.outside.get_xdata()) == [95.0]
    assert not chart.gap.get_visible()
    static = lesson.NashChart().static(**lesson.DEFAULTS)
    assert static.description == text
    assert colors_in(static.figure) <= ALLOWED_COLORS


def test_nash_chart_europe_closed_principle_and_no_deal():
    chart = lesson.NashChart()
    text, _ = chart.update(**{**lesson.DEFAULTS, "europe_open": False, "debt_leverage": 0.0})
    assert text.startswith("Europe closed: the agreed price is 72.5 (index), a discount of 27.5%")
    assert list(chart.outside.get_xdata()) == []
    text, note = chart.update(**{**lesson.DEFAULTS, "rule": PRINCIPLE})
    # split above the cost: 40 + 0.36 x 65 = 63.4 < 95, so the netback binds at 95
    assert "agreed price is 95 (index), a discount of 5.0%" in text
    assert chart.fallback.get_width() == 40.0 and "binds" in note
    text, note = chart.update(**{**lesson.DEFAULTS, "buyer_alternative_price": 60.0})
    assert text == (
        "With Europe open, the seller will not accept less than 95 but the buyer can get "
        "supply elsewhere for 60, so no deal is possible."
    )
    assert chart.gap.get_visible() and not chart.price.get_visible()
    assert (chart.gap.get_x(), chart.gap.get_width()) == (60.0, 35.0)
    assert note.startswith("No deal")


def test_nash_chart_axes_stay_fixed():
    chart = lesson.NashChart()
    ax = chart.fig.axes[0]
    limits = (ax.get_xlim(), ax.get_ylim())
    for a in (40.0, 150.0):
        chart.update(**{**lesson.DEFAULTS, "buyer_alternative_price": a})
        assert (ax.get_xlim(), ax.get_ylim()) == limits
    # moving artists stay below the legend band
    assert max(chart.price.get_ydata()) < 0.45 and max(chart.alternative.get_ydata()) < 0.45


# ----------------------------------------------------------------------------- the widget
def test_widget_is_registered_and_every_control_changes_the_picture():
    discover_widgets()
    assert REGISTRY[("04", "nash_bargaining")] is lesson.nash_bargaining
    view = lesson.nash_bargaining()
    assert isinstance(view, LiveView) and view.message == ""
    assert "98.6" in view.description
    changes = {
        "europe_open": False,
        "buyer_alternative_price": 140.0,
        "seller_power": 0.8,
        "debt_leverage": 0.0,
        "rule": PRINCIPLE,
    }
    for name, value in changes.items():
        view = lesson.nash_bargaining()  # each control from the default picture
        before = (view.description, view.output.outputs[0]["data"]["image/png"])
        view.set(**{name: value})
        after = (view.description, view.output.outputs[0]["data"]["image/png"])
        assert after[0] != before[0] and after[1] != before[1], name
        assert view.message == "", name
    for control in view.controls.values():
        assert control.description.strip()


def test_bad_input_to_the_widget_chart_names_the_control():
    chart = lesson.NashChart()
    with pytest.raises(ValueError, match="rule must be one of"):
        chart.update(**{**lesson.DEFAULTS, "rule": "split the difference"})


# ----------------------------------------------------------------------------- tasks
def test_task_answers_by_hand():
    share = check.china_share.expected()["china_share"]
    assert list(share.index) == ["crude_oil_mt", "pipeline_gas_bcm", "lng_bcm"]
    assert share.astype(float).round(1).tolist() == [32.1, 2.0, 17.1]
    assert check.price_closed.expected() == pytest.approx(
        {"price_closed": 72.5, "discount_closed_pct": 27.5}
    )
    assert check.power_2011.expected()["power_2011"] == pytest.approx(0.3585, abs=1e-4)
    assert check.closing_europe.expected() == pytest.approx(
        {"drop_threat_point": 27.5, "drop_principle": 22.5}
    )


def test_checks_accept_right_and_refuse_wrong_answers():
    assert str(check.price_closed(price_closed=72.5, discount_closed_pct=27.5)).startswith(
        "Correct"
    )
    wrong = check.price_closed(price_closed=100.0, discount_closed_pct=0.0)
    assert str(wrong).startswith("Not yet") and "too high" in str(wrong)
    fraction = check.power_2011(power_2011=35.85)
    assert str(fraction).startswith("Not yet")
    assert str(check.closing_europe(drop_threat_point=..., drop_principle=...)).startswith(
        "Not answered"
    )
    assert np.isclose(check.power_2011.expected()["power_2011"], 0.3585, atol=1e-4)
