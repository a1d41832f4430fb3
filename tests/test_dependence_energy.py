"""Tests for lessons 03, 04 and 08: utils.substitution, the dependence and energy charts and
their widgets.

Expected numbers are worked out by hand from the rows of the curated CSVs in data/ (read here
with the csv module, not through the code under test) or from small invented inputs.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from utils import bargaining, scenarios, substitution
from utils.plotting import ACTOR_COLORS, ALLOWED_COLORS, Chart, energy, palette_colors_in, to_hex
from utils.plotting import dependence as dep
from utils.widgets import dependence as dep_widgets
from utils.widgets import energy as energy_widgets
from utils.widgets.core import REGISTRY

DATA = Path(__file__).resolve().parents[1] / "data"


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _turnover(name: str, year: int, partner: str) -> float:
    for row in _rows(name):
        if int(row["year"]) == year and row["partner"] == partner:
            return float(row["exports_usd_m"]) + float(row["imports_usd_m"])
    raise KeyError((name, year, partner))


# ============================================================================ pure model
class TestSupplierCutoff:
    VOLUMES = {"RUS": 20.0, "SAU": 30.0, "OTHER": 50.0}

    def test_hand_worked_example(self):
        r = substitution.supplier_cutoff(self.VOLUMES, "RUS", 0.5, 80.0, 250.0)
        assert r.removed_share == pytest.approx(0.20)
        assert r.replaced_share == pytest.approx(0.10)
        assert r.shortfall_share == pytest.approx(0.10)
        assert r.extra_from_others == pytest.approx(10 / 80)  # 10 units over 80 others ship
        assert r.hhi_before == pytest.approx(0.2**2 + 0.3**2 + 0.5**2)
        assert r.hhi_after == pytest.approx((30 / 80) ** 2 + (50 / 80) ** 2)
        assert r.seller_lost_share == pytest.approx(0.32)

    def test_no_replacement_means_full_shortfall_and_no_seller_side(self):
        r = substitution.supplier_cutoff(self.VOLUMES, "SAU", 0.0)
        assert r.shortfall_share == pytest.approx(0.30)
        assert r.extra_from_others == 0.0
        assert r.seller_lost_share is None

    @pytest.mark.parametrize(
        ("kwargs", "error", "fragment"),
        [
            ({"supplier": "IRN"}, ValueError, "supplier='IRN'"),
            ({"replaceable_share": 1.5}, ValueError, "replaceable_share"),
            ({"replaceable_share": True}, TypeError, "replaceable_share"),
            ({"replaceable_share": math.nan}, ValueError, "replaceable_share"),
            ({"seller_exports_to_buyer": 5.0}, ValueError, "both"),
            ({"seller_exports_to_buyer": 300.0, "seller_total_exports": 250.0}, ValueError,
             "exceeds"),
            ({"seller_exports_to_buyer": 5.0, "seller_total_exports": 0.0}, ValueError,
             "seller_total_exports"),
        ],
    )  # fmt: skip
    def test_bad_input_is_named(self, kwargs, error, fragment):
        args = {"supplier": "RUS", "replaceable_share": 0.5, **kwargs}
        with pytest.raises(error, match=fragment):
            substitution.supplier_cutoff(self.VOLUMES, **args)

    def test_negative_volume_and_sole_supplier(self):
        with pytest.raises(ValueError, match="imports_by_origin"):
            substitution.supplier_cutoff({"RUS": -1.0, "SAU": 2.0}, "RUS", 0.5)
        with pytest.raises(ValueError, match="only supplier"):
            substitution.supplier_cutoff({"RUS": 5.0}, "RUS", 0.5)
        with pytest.raises(TypeError, match="mapping"):
            substitution.supplier_cutoff([("RUS", 5.0)], "RUS", 0.5)

    @given(
        volumes=st.lists(st.floats(0.1, 1000), min_size=2, max_size=8),
        replaceable=st.floats(0, 1),
    )
    def test_parts_add_up(self, volumes, replaceable):
        mapping = {f"S{i}": v for i, v in enumerate(volumes)}
        r = substitution.supplier_cutoff(mapping, "S0", replaceable)
        assert r.replaced_share + r.shortfall_share == pytest.approx(r.removed_share)
        assert 0 <= r.shortfall_share <= r.removed_share <= 1


class TestExportExposure:
    def test_hand_worked_example(self):
        r = substitution.export_exposure(0.3, 0.5, 0.4)
        assert r.restricted_share == pytest.approx(0.15)
        assert r.redirected_share == pytest.approx(0.06)
        assert r.lost_share == pytest.approx(0.09)

    @pytest.mark.parametrize("name", ["market_share", "restricted_fraction", "redirect_fraction"])
    def test_out_of_range_is_named(self, name):
        args = {"market_share": 0.3, "restricted_fraction": 0.5, "redirect_fraction": 0.0}
        args[name] = -0.1
        with pytest.raises(ValueError, match=name):
            substitution.export_exposure(**args)
        args[name] = "0.3"
        with pytest.raises(TypeError, match=name):
            substitution.export_exposure(**args)

    @given(st.floats(0, 1), st.floats(0, 1), st.floats(0, 1))
    def test_loss_never_exceeds_the_market(self, share, restricted, redirect):
        r = substitution.export_exposure(share, restricted, redirect)
        assert 0 <= r.lost_share <= r.restricted_share <= share + 1e-12


# ============================================================================ data helpers
def test_crude_supply_2020_matches_customs_rows():
    supply = substitution.crude_supply(2020)
    assert supply.total_kt == 542400
    assert supply.by_origin["RUS"] == pytest.approx(83572.55)
    assert list(supply.by_origin.index[:2]) == ["SAU", "RUS"]  # 84,923 kt > 83,573 kt
    volumes = supply.volumes_with_rest()
    assert sum(volumes.values()) == pytest.approx(542400)


def test_crude_supply_unknown_year_lists_years():
    with pytest.raises(ValueError, match="available years"):
        substitution.crude_supply(1850)


def test_russia_crude_exports_is_bp_2020():
    assert substitution.russia_crude_exports() == (pytest.approx(83.445), pytest.approx(259.977))


def test_data_helpers_name_bad_input():
    import pandas as pd

    with pytest.raises(TypeError, match="year must be an integer"):
        substitution.crude_supply([2020])
    with pytest.raises(ValueError, match="crude is missing column"):
        substitution.crude_supply_from_frame(pd.DataFrame(), 2020)
    with pytest.raises(TypeError, match="energy must be a pandas DataFrame"):
        substitution.russia_crude_exports("energy")
    frame = pd.DataFrame({"destination_iso3": ["CHN"], "crude_oil_mt": [1.0]})
    with pytest.raises(ValueError, match="WLD"):
        substitution.russia_crude_exports(frame)
    with pytest.raises(ValueError, match="non-negative number, got inf"):
        substitution.supplier_cutoff({"RUS": math.inf, "SAU": 1.0}, "RUS", 0.5)


# ============================================================================ lesson 03 charts
def _check_chart(chart: Chart) -> None:
    assert isinstance(chart, Chart)
    assert chart.title and chart.description.endswith(".")
    texts = [t.get_text() for t in chart.figure.texts]
    assert any(t.startswith("Source:") for t in texts)
    assert palette_colors_in(chart.figure) <= ALLOWED_COLORS


def test_mirror_shares_2019_by_hand():
    bilateral = _turnover("china_trade_with_russia", 2019, "RUS")
    assert bilateral == pytest.approx(109003.914)
    china_in_russia = bilateral / _turnover("russia_trade_by_partner", 2019, "WLD")
    russia_in_china = bilateral / _turnover("china_trade_with_russia", 2019, "WLD")
    shares = dep.mirror_shares()
    assert shares.loc[2019, "china_in_russia"] == pytest.approx(china_in_russia)  # 16.46%
    assert shares.loc[2019, "russia_in_china"] == pytest.approx(russia_in_china)  # 2.38%
    assert shares.loc[2019, "asymmetry_ratio"] == pytest.approx(6.912, abs=1e-3)
    assert math.isnan(shares.loc[2015, "asymmetry_ratio"])  # no Russian total in 2015
    flagged = shares["china_total_includes_hong_kong"]
    assert not flagged[1998] and flagged[1999] and flagged[2013] and not flagged[2014]


def test_partner_concentration_2019_by_hand():
    blocks = dep.RUSSIA_PARTNER_BLOCKS
    world = _turnover("russia_trade_by_partner", 2019, "WLD")
    shares = [_turnover("russia_trade_by_partner", 2019, p) / world for p in blocks]
    rest = 1 - sum(shares)
    table = dep.partner_concentration()
    assert table.loc[2019, "hhi_lower"] == pytest.approx(sum(s * s for s in shares))
    assert table.loc[2019, "hhi_upper"] == pytest.approx(sum(s * s for s in shares) + rest**2)
    assert table.loc[2019, "hhi_lower"] == pytest.approx(0.191, abs=1e-3)
    assert (table["hhi_lower"] <= table["hhi_upper"] + 1e-12).all()
    assert table.loc[2024, "blocks_listed"] == len(blocks) - 1  # KAZ is missing in 2024


def test_crude_supplier_series_2020():
    series = dep.crude_supplier_series()
    assert series.loc[2020, "russia_share"] == pytest.approx(83572.55 / 542400)
    assert series.loc[2020, "russia_rank"] == 2
    assert series.loc[2020, "hhi_upper"] < 0.15  # unconcentrated, as claim C07 finds


def test_arms_series_2023_by_hand():
    rows = [r for r in _rows("arms_transfers_by_year") if r["year"] == "2023"]
    to_china = sum(float(r["tiv_m"]) for r in rows if r["recipient_iso3"] == "CHN")
    from_russia = sum(float(r["tiv_m"]) for r in rows if r["supplier_iso3"] == "RUS")
    arms = dep.arms_series()
    assert arms.loc[2023, "russia_to_china_tiv_m"] == pytest.approx(371.5)
    assert arms.loc[2023, "russia_share_of_china_imports"] == pytest.approx(371.5 / to_china)
    assert arms.loc[2023, "china_share_of_russia_exports"] == pytest.approx(371.5 / from_russia)
    assert to_china == pytest.approx(470.5)


@pytest.mark.parametrize(
    ("function", "fragment"),
    [
        (dep.mirror_shares_chart, "from 11.2% in 2013 to 16.5% in 2019"),
        (dep.asymmetry_chart, "6.9 times in 2019"),
        (dep.partner_concentration_chart, "0.19 and 0.22 in 2019"),
        (dep.crude_share_chart, "15.4% (rank 2) in 2020"),
        (dep.crude_suppliers_chart, "Saudi Arabia, provided 15.7%"),
        (dep.arms_volume_chart, "372 million TIV in 2023"),
        (dep.arms_shares_chart, "79% in 2023"),
        (dep.china_share_by_flow_chart, "13.1% in 2019"),
        (dep.coercion_timeline_chart, "concern Australia in 2020"),
    ],
)
def test_chart_descriptions_state_the_numbers(function, fragment):
    chart = function()
    _check_chart(chart)
    assert fragment in chart.description


def test_cutoff_chart_default_numbers():
    chart, note = dep.cutoff_chart("RUS", 0.5, 2020)
    _check_chart(chart)
    removed = 83572.55 / 542400
    assert f"China would lack {100 * removed * 0.5:.1f}%" in chart.description  # 7.7%
    assert f"lose {100 * 83.445 / 259.977:.1f}% of its crude exports" in chart.description
    extra = 83572.55 * 0.5 / (542400 - 83572.55)
    assert f"ship {100 * extra:.1f}% more" in note
    labels = [t.get_text() for t in chart.figure.axes[0].get_yticklabels()]
    assert labels[-1] == "Russia: crude exports lost"


def test_cutoff_chart_seller_side_only_for_russia_in_2020():
    chart, note = dep.cutoff_chart("RUS", 0.5, 2016)
    assert "lose" not in chart.description and "only for Russia in 2020" in note
    chart, _ = dep.cutoff_chart("SAU", 0.0, 2020)
    assert f"lack {100 * 84923.145 / 542400:.1f}%" in chart.description


def test_cutoff_chart_refuses_absent_supplier_and_bad_year():
    with pytest.raises(ValueError, match="Iran"):
        dep.cutoff_chart("IRN", 0.5, 2020)
    with pytest.raises(ValueError, match="outside the range"):
        dep.cutoff_chart("RUS", 0.5, 2030)


def test_supplier_options_are_fixed_and_start_with_the_2020_leaders():
    options = dep.cutoff_supplier_options()
    assert options[:2] == [("Saudi Arabia", "SAU"), ("Russia", "RUS")]
    assert ("Iran", "IRN") in options  # large supplier in earlier years, absent in 2020


# ============================================================================ lesson 08 charts
def test_exposure_bases_observed_by_hand_and_scenarios_from_the_model():
    bases = dep.exposure_bases()
    row = next(r for r in _rows("russia_trade_by_partner") if r["year"] == "2019" and
               r["partner"] == "CHN")  # fmt: skip
    world = next(r for r in _rows("russia_trade_by_partner") if r["year"] == "2019" and
                 r["partner"] == "WLD")  # fmt: skip
    expected = float(row["exports_usd_m"]) / float(world["exports_usd_m"])
    assert bases.loc["observed 2019", "china_share"] == pytest.approx(expected)  # 13.09%
    for name, params in scenarios.PRESETS.items():
        label = f"{name} ({params.end_year} scenario)"
        share = scenarios.run(params).china_share_in(params.end_year)
        assert bases.loc[label, "china_share"] == pytest.approx(share)
        assert "proxy" in bases.loc[label, "measure"]


def test_exposure_chart_highlights_the_chosen_basis():
    chart, note = dep.exposure_chart("observed 2019", 0.5, 0.0)
    _check_chart(chart)
    assert "lose 6.5% of its total exports" in chart.description  # 13.09% x 0.5
    assert "net loss = 6.5%" in note
    ax = chart.figure.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    colours = [to_hex(p.get_facecolor()) for p in ax.patches]
    assert colours[labels.index("observed 2019")] == ACTOR_COLORS["CHN"]
    assert colours[labels.index("observed 2013")] != ACTOR_COLORS["CHN"]
    with pytest.raises(ValueError, match="basis="):
        dep.exposure_chart("observed 1066", 0.5, 0.0)


def test_coercion_events_have_known_targets_and_sources():
    events = dep.coercion_events()
    assert set(events["target"]) <= set(dep.COERCION_TARGETS.values())
    barley = events[events["event_id"] == "2020-05-18_australia_barley"]
    assert barley["target"].tolist() == ["Australia"] and barley["label"].tolist() == ["barley"]
    assert events["source_url"].str.startswith("http").all()


# ============================================================================ lesson 04 charts
def test_energy_destinations_by_hand():
    table = energy.energy_destinations()
    assert table.loc["Crude oil (Mt)", "China"] == pytest.approx(83.445)
    assert table.loc["Pipeline gas (bcm)", "World"] == pytest.approx(197.676)
    rest = 259.977 - 83.445 - 138.201
    assert table.loc["Crude oil (Mt)", "Rest of world"] == pytest.approx(rest)
    chart = energy.energy_destinations_chart()
    _check_chart(chart)
    assert f"{100 * 83.445 / 259.977:.1f}% of Russia's crude" in chart.description  # 32.1%
    assert f"{100 * 3.881 / 197.676:.1f}% of its pipeline gas" in chart.description  # 2.0%


def test_power_of_siberia_table_keeps_bases_apart():
    table = energy.power_of_siberia_table()
    assert list(table.columns) == [
        "China customs",
        "BP Statistical Review",
        "Press-reported (officials)",
    ]
    assert table.loc[2020].tolist() == [pytest.approx(4.033), pytest.approx(3.881), 4.1]
    assert math.isnan(table.loc[2023, "China customs"])
    chart = energy.power_of_siberia_chart()
    _check_chart(chart)
    assert "10.25 bcm in 2021" in chart.description


def test_energy_timeline_rows_and_labels():
    events = energy.energy_events()
    assert set(events["row"]) == {"oil (ESPO spur)", "gas (Power of Siberia)"}
    assert "ESPO price settlement" in events["label"].tolist()
    assert energy.short_label("2014-05-21_gazprom_cnpc_contract") == "Gazprom CNPC contract"
    _check_chart(energy.energy_timeline_chart())


def test_bargain_chart_baseline_and_europe_closed():
    chart, note = energy.bargain_chart()
    _check_chart(chart)
    # baseline: fall-back 95 (Europe netback), alternative 105, power 0.5 -> 95 + 0.5 x 10
    assert "the agreed price is 100 (index), equal to the reference" in chart.description
    chart, note = energy.bargain_chart(False, 105.0, 0.5, 0.0)
    # closed: fall-back = cost 40 -> 40 + 0.5 x 65 = 72.5, a 27.5% discount on 100
    assert "agreed price is 72.5" in chart.description and "27.5%" in chart.description
    chart, note = energy.bargain_chart(True, 105.0, 0.5, 0.6)
    # debt: beta = 0.5 x 0.4 = 0.2 -> 95 + 0.2 x 10 = 97, as the 2011 preset
    assert "agreed price is 97 (index), a discount of 3.0%" in chart.description
    assert "= 0.20" in note


def test_bargain_chart_no_deal_is_explained_not_an_error():
    chart, note = energy.bargain_chart(True, 60.0, 0.5, 0.0)
    assert "no deal is possible" in chart.description
    assert note.startswith("No deal")


def test_bargain_inputs_validate():
    with pytest.raises(TypeError, match="europe_open"):
        energy.bargain_inputs("yes", 100.0, 0.5, 0.0)
    with pytest.raises(ValueError, match="seller_power"):
        energy.bargain_inputs(True, 100.0, 1.5, 0.0)


def test_price_curve_and_presets():
    curve = energy.price_curve()
    assert curve.loc[90.0, "Europe closed"] == pytest.approx(65.0)  # 40 + 0.5 x 50
    assert math.isnan(curve.loc[95.0, "Europe open"])  # alternative = fall-back: no surplus
    assert curve.loc[105.0, "Europe open"] == pytest.approx(100.0)
    presets = energy.presets_table()
    for name, inputs in bargaining.PRESETS.items():
        assert presets.loc[name, "price"] == pytest.approx(bargaining.negotiate(inputs).price)
    _check_chart(energy.price_curve_chart())
    with pytest.raises(ValueError, match="step"):
        energy.price_curve(step=0)


# ============================================================================ widgets
WIDGETS = {
    ("03_who_needs_whom", "substitution_what_if"): dep_widgets.substitution_what_if,
    ("08_economic_coercion", "exposure_what_if"): dep_widgets.exposure_what_if,
    ("04_pipelines_and_leverage", "nash_bargaining"): energy_widgets.nash_bargaining,
}
CHANGES = {
    "substitution_what_if": {"supplier": "SAU", "replaceable_share": 0.9, "year": 2018},
    "exposure_what_if": {
        "basis": "observed 2024",
        "restricted_fraction": 1.0,
        "unsold_fraction": 0.5,
    },
    "nash_bargaining": {
        "europe_open": False,
        "buyer_alternative_price": 140.0,
        "seller_power": 0.8,
        "debt_leverage": 0.0,
    },
}


def test_exposure_widget_unsold_share_is_the_complement_of_resold():
    view = dep_widgets.exposure_what_if()
    view.set(unsold_fraction=0.6)
    assert "Russia resold 40% of those goods" in view.last_chart.description


@pytest.mark.parametrize("key", list(WIDGETS), ids=[k[1] for k in WIDGETS])
def test_widget_is_registered_and_renders_its_default(key):
    assert REGISTRY[key] is WIDGETS[key]
    view = WIDGETS[key]()
    assert view.last_chart is not None
    assert "role='alert'" not in view.message_area.value
    for control in view.controls.values():
        assert control.description.strip()


@pytest.mark.parametrize(
    ("builder", "name", "value"),
    [(WIDGETS[k], control, value) for k in WIDGETS for control, value in CHANGES[k[1]].items()],
    ids=[f"{k[1]}-{c}" for k in WIDGETS for c in CHANGES[k[1]]],
)
def test_every_control_changes_the_figure(builder, name, value):
    """Each control moves the chart away from the default (the browser test does the same)."""
    view = builder()
    before = (view.last_chart.description, view.message, view.last_chart.to_png())
    view.set(**{name: value})
    after = (view.last_chart.description, view.message, view.last_chart.to_png())
    assert after[0] != before[0] or after[1] != before[1]
    assert after[2] != before[2]


def test_substitution_widget_shows_a_message_for_an_absent_supplier():
    view = dep_widgets.substitution_what_if()
    shown = view.last_chart
    view.set(supplier="IRN")  # Iran is not itemised in 2020
    assert "Iran" in view.message and "role='alert'" in view.message_area.value
    assert view.last_chart is shown  # the last good chart stays
    view.set(year=2016)
    assert "Iran" in view.last_chart.description and "role='alert'" not in view.message_area.value


def test_bargaining_widget_starts_at_the_2011_case_and_explains_no_deal():
    view = energy_widgets.nash_bargaining()
    expected = bargaining.negotiate(bargaining.PRESETS["2011 CNPC discount"]).price
    assert f"agreed price is {expected:g} (index)" in view.last_chart.description  # 97
    view.set(buyer_alternative_price=60.0)
    assert "no deal" in view.last_chart.description
    assert view.message.startswith("No deal")
