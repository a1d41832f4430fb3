"""utils.substitution: the supplier cut-off and export-exposure models and their data helpers.

Moved here from tests/test_dependence_energy.py (which also tested the retiring plotting and
widget modules). Expected numbers are worked out by hand from small invented inputs or from the
rows of the curated CSVs.
"""

from __future__ import annotations

import doctest
import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from utils import substitution


# ----------------------------------------------------------------------------- buyer side
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
        with pytest.raises(ValueError, match="non-negative number, got inf"):
            substitution.supplier_cutoff({"RUS": math.inf, "SAU": 1.0}, "RUS", 0.5)

    @given(
        volumes=st.lists(st.floats(0.1, 1000), min_size=2, max_size=8),
        replaceable=st.floats(0, 1),
    )
    def test_parts_add_up(self, volumes, replaceable):
        mapping = {f"S{i}": v for i, v in enumerate(volumes)}
        r = substitution.supplier_cutoff(mapping, "S0", replaceable)
        assert r.replaced_share + r.shortfall_share == pytest.approx(r.removed_share)
        assert 0 <= r.shortfall_share <= r.removed_share <= 1


# ----------------------------------------------------------------------------- seller side
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


# ----------------------------------------------------------------------------- data helpers
def test_crude_supply_2020_matches_customs_rows():
    supply = substitution.crude_supply(2020)
    assert supply.total_kt == 542400
    assert supply.by_origin["RUS"] == pytest.approx(83572.55)
    assert supply.by_origin["USA"] == pytest.approx(19760.319)  # 9 months reported, not dropped
    assert list(supply.by_origin.index[:2]) == ["SAU", "RUS"]  # 84,923 kt > 83,573 kt
    assert sum(supply.volumes_with_rest().values()) == pytest.approx(542400)


def test_a_rest_is_never_negative():
    frame = pd.DataFrame(
        {"year": [2000] * 3, "origin": ["WLD", "A", "B"], "origin_name": ["World", "A", "B"],
         "crude_kt": [100.0, 60.0, 45.0]}
    )  # fmt: skip
    supply = substitution.crude_supply_from_frame(frame, 2000)
    assert supply.unallocated_kt == 0
    assert substitution.UNALLOCATED not in supply.volumes_with_rest()


def test_crude_supply_unknown_year_lists_years():
    with pytest.raises(ValueError, match="available years"):
        substitution.crude_supply(1850)


def test_russia_crude_exports_is_bp_2020():
    assert substitution.russia_crude_exports() == (pytest.approx(83.445), pytest.approx(259.977))


def test_data_helpers_name_bad_input():
    with pytest.raises(TypeError, match="year must be an integer"):
        substitution.crude_supply([2020])
    with pytest.raises(ValueError, match="crude is missing column"):
        substitution.crude_supply_from_frame(pd.DataFrame(), 2020)
    with pytest.raises(TypeError, match="energy must be a pandas DataFrame"):
        substitution.russia_crude_exports("energy")
    frame = pd.DataFrame({"destination_iso3": ["CHN"], "crude_oil_mt": [1.0]})
    with pytest.raises(ValueError, match="WLD"):
        substitution.russia_crude_exports(frame)


def test_docstring_examples_run():
    assert doctest.testmod(substitution).failed == 0
