"""Tests for utils.indicators with hand-worked numbers and hypothesis properties."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from utils import indicators as ind


def _trade(rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["year", "partner", "exports_usd_m", "imports_usd_m"])


TRADE = _trade(
    [
        (2019, "CHN", 60.0, 40.0),  # turnover 100
        (2019, "EU", 150.0, 50.0),  # 200
        (2019, "WLD", 300.0, 200.0),  # 500
        (2020, "CHN", 80.0, 70.0),  # 150
        (2020, "EU", 100.0, 50.0),  # 150
        (2020, "WLD", 350.0, 250.0),  # 600
    ]
)


def test_trade_value_measures():
    assert ind.trade_value(TRADE).tolist() == [100, 200, 500, 150, 150, 600]
    assert ind.trade_value(TRADE, "exports").tolist()[:2] == [60, 150]
    assert ind.trade_value(TRADE, "imports").tolist()[:2] == [40, 50]
    half = _trade([(2019, "CHN", 60.0, np.nan)])
    assert math.isnan(ind.trade_value(half).iloc[0])  # one flow missing -> unknown turnover


def test_partner_shares_hand_worked():
    shares = ind.partner_shares(TRADE)
    assert shares.loc[2019, "CHN"] == pytest.approx(0.2)
    assert shares.loc[2019, "EU"] == pytest.approx(0.4)
    assert shares.loc[2020, "CHN"] == pytest.approx(0.25)
    exports = ind.partner_shares(TRADE, ["CHN"], measure="exports")
    assert exports.loc[2020, "CHN"] == pytest.approx(80 / 350)
    assert list(shares.columns) == ["CHN", "EU"]


def test_share_change_and_cagr():
    shares = ind.partner_shares(TRADE)["CHN"]
    assert ind.share_change(shares, 2019, 2020) == pytest.approx(1.25)
    assert ind.cagr(100, 121, 2) == pytest.approx(0.10)
    assert ind.cagr(100, 50, 1) == pytest.approx(-0.5)
    # China's turnover 2010 -> 2019 (USD m, data/russia_trade_by_partner.csv).
    assert ind.cagr(65_941, 109_004, 9) == pytest.approx(0.0574, abs=1e-4)


def test_hhi_hand_worked():
    assert ind.hhi([0.5, 0.5]) == pytest.approx(0.5)
    assert ind.hhi({"a": 0.6, "b": 0.3, "c": 0.1}) == pytest.approx(0.36 + 0.09 + 0.01)
    assert ind.hhi(pd.Series([2, 2, 2, 2])) == pytest.approx(0.25)  # normalised first
    assert ind.hhi([1.0]) == 1.0


def test_asymmetry_and_import_dependence():
    # China 18% of Russia's trade, Russia 2% of China's: China matters 9 times more.
    assert ind.asymmetry_ratio(0.18, 0.02) == pytest.approx(9.0)
    assert ind.import_dependence(30, 120) == pytest.approx(0.25)
    assert ind.import_dependence(0, 120) == 0.0


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: ind.trade_value([1, 2]), TypeError, "trade must be a pandas DataFrame"),
        (lambda: ind.trade_value(TRADE.drop(columns="year")), ValueError, "missing column"),
        (lambda: ind.trade_value(TRADE.iloc[0:0]), ValueError, "empty"),
        (lambda: ind.trade_value(TRADE, "gdp"), ValueError, "measure must be one of"),
        (lambda: ind.partner_shares(TRADE, total="World"), ValueError, "total partner"),
        (lambda: ind.partner_shares(TRADE, ["IND"]), ValueError, r"unknown partner\(s\)"),
        (lambda: ind.share_change(pd.Series({2019: 0.2}), 2019, 2020), ValueError, "2020"),
        (lambda: ind.share_change(pd.Series({1: 0.0, 2: 0.1}), 1, 2), ValueError, "zero"),
        (lambda: ind.cagr("100", 121, 2), TypeError, "start_value must be a number"),
        (lambda: ind.cagr(100, math.nan, 2), ValueError, "end_value is NaN"),
        (lambda: ind.cagr(0, 121, 2), ValueError, "positive values"),
        (lambda: ind.cagr(100, 121, 0), ValueError, "years must be positive"),
        (lambda: ind.hhi([]), ValueError, "at least one share"),
        (lambda: ind.hhi([0.5, math.nan]), ValueError, "NaN"),
        (lambda: ind.hhi([0.5, -0.1]), ValueError, "non-negative"),
        (lambda: ind.hhi([0.0, 0.0]), ValueError, "sum to zero"),
        (lambda: ind.asymmetry_ratio(1.2, 0.1), ValueError, "between 0 and 1"),
        (lambda: ind.asymmetry_ratio(0.2, 0), ValueError, "undefined"),
        (lambda: ind.asymmetry_ratio(True, 0.1), TypeError, "must be a number"),
        (lambda: ind.import_dependence(5, 0), ValueError, "total_imports is zero"),
        (lambda: ind.import_dependence(5, 4), ValueError, "exceeds"),
        (lambda: ind.import_dependence(-1, 4), ValueError, "non-negative"),
        (lambda: ind.import_dependence("5", 4), TypeError, "imports_from_partner must be a"),
    ],
)
def test_bad_input(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_nonpositive_total_is_refused():
    bad = _trade([(2019, "CHN", 1.0, 1.0), (2019, "WLD", 0.0, 0.0)])
    with pytest.raises(ValueError, match="total trade must be positive"):
        ind.partner_shares(bad)


flows = st.floats(0.1, 1e6)


@settings(deadline=None, max_examples=50)  # pandas pivots are slow on a busy machine
@given(st.lists(st.tuples(flows, flows), min_size=1, max_size=8))
def test_shares_sum_to_one_when_partners_partition_the_total(values):
    rows = [(2020, f"P{i}", e, m) for i, (e, m) in enumerate(values)]
    rows.append((2020, "WLD", sum(e for e, _ in values), sum(m for _, m in values)))
    shares = ind.partner_shares(_trade(rows))
    assert shares.loc[2020].sum() == pytest.approx(1.0)


@settings(deadline=None)  # timing varies on a busy machine
@given(st.lists(st.floats(0, 1e6), min_size=1, max_size=12).filter(lambda s: sum(s) > 0))
def test_hhi_between_one_over_n_and_one(shares):
    value = ind.hhi(shares)
    assert 1 / len(shares) - 1e-12 <= value <= 1 + 1e-12


def test_hhi_points_scale_and_what_counts_as_the_market():
    # Shares in percent, squared and summed: 60, 30 and 10 give 3,600 + 900 + 100 points.
    assert 10_000 * ind.hhi([60, 30, 10]) == pytest.approx(4_600)
    # Only the listed partners (60 and 30 of a total of 100): rescaled, they look more
    # concentrated than either bound of the full market.
    listed = ind.hhi([60, 30])
    lower = 0.6**2 + 0.3**2  # the unlisted 10 split into many tiny partners
    upper = ind.hhi([60, 30, 10])  # the unlisted 10 as one partner
    assert lower < upper < listed
    assert listed == pytest.approx((60 / 90) ** 2 + (30 / 90) ** 2)


def test_docstring_examples_run():
    import doctest

    assert doctest.testmod(ind).failed == 0
