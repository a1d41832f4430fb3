"""Tests for utils.bargaining: hand-worked Nash prices, cases, properties and bad input."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from utils.bargaining import CASES, RULES, BargainInputs, negotiate


def test_hand_worked_price_with_outside_option():
    # d_s = max(60, 30) = 60; a = 100; beta_eff = 0.5 * (1 - 0.2) = 0.4 -> 60 + 0.4 * 40 = 76.
    outcome = negotiate(BargainInputs(100, 60, 30, 0.5, debt_leverage=0.2, reference_price=80))
    assert outcome.deal_possible
    assert outcome.seller_threat_point == 60
    assert outcome.surplus == pytest.approx(40)
    assert outcome.effective_power == pytest.approx(0.4)
    assert outcome.price == pytest.approx(76)
    assert outcome.seller_gain == pytest.approx(16)
    assert outcome.buyer_gain == pytest.approx(24)
    assert (outcome.seller_share, outcome.buyer_share) == pytest.approx((0.4, 0.6))
    assert outcome.discount_per_unit == pytest.approx(4)
    assert outcome.discount_fraction == pytest.approx(0.05)
    assert "its outside option" in outcome.reason


def test_closed_market_falls_back_on_cost():
    # Europe closed: d_s = cost = 30; price = 30 + 0.5 * (100 - 30) = 65.
    for closed in (None, 0, 0.0):
        outcome = negotiate(BargainInputs(100, closed, 30, 0.5))
        assert outcome.seller_threat_point == 30
        assert outcome.price == pytest.approx(65)
        assert outcome.discount_fraction == pytest.approx(0.35)
        assert "its cost" in outcome.reason


def test_no_deal_when_alternative_does_not_beat_threat_point():
    outcome = negotiate(BargainInputs(90, 95, 40, 0.5))
    assert not outcome.deal_possible
    assert outcome.price is None and outcome.seller_share is None
    assert outcome.discount_fraction is None
    assert outcome.surplus == pytest.approx(-5)
    assert "no deal" in outcome.reason and "(90)" in outcome.reason and "(95" in outcome.reason
    assert not negotiate(BargainInputs(40, None, 40, 0.5)).deal_possible  # a == d_s


def test_full_power_and_full_leverage_extremes():
    assert negotiate(BargainInputs(100, 60, 30, 1.0)).price == pytest.approx(100)
    assert negotiate(BargainInputs(100, 60, 30, 1.0, debt_leverage=1.0)).price == pytest.approx(60)


def test_no_reference_means_no_discount():
    outcome = negotiate(BargainInputs(100, 60, 30, 0.5, reference_price=None))
    assert outcome.price == pytest.approx(80)
    assert outcome.discount_fraction is None and outcome.discount_per_unit is None


def test_cases_give_the_documented_index_prices():
    prices = {name: negotiate(inputs).price for name, inputs in CASES.items()}
    # 95 + 0.5 x 10 = 100; 40 + 0.5 x 65 = 72.5; 40 + 0.5 x 50 = 65
    assert prices == pytest.approx(
        {"Europe open": 100.0, "Europe closed": 72.5, "sole customer in a buyer's market": 65.0}
    )
    # Closing Europe changes only the seller's outside option.
    open_, closed = CASES["Europe open"], CASES["Europe closed"]
    assert dataclasses.replace(open_, seller_outside_option=None) == closed


# ----------------------------------------------------------------------------- outside options
PRINCIPLE = "outside-option principle"


def test_outside_option_binds_when_above_the_split():
    # split from the cost: 40 + 0.5 x (105 - 40) = 72.5 < 95, so the Europe netback binds.
    outcome = negotiate(dataclasses.replace(CASES["Europe open"], rule=PRINCIPLE))
    assert outcome.outside_option_binds
    assert outcome.price == pytest.approx(95.0)
    assert outcome.seller_threat_point == 40.0 and outcome.surplus == pytest.approx(65.0)
    assert outcome.seller_share == pytest.approx(55 / 65)
    assert outcome.discount_fraction == pytest.approx(0.05)
    assert "binds" in outcome.reason and "72.5" in outcome.reason


def test_binding_outside_option_makes_power_and_debt_irrelevant():
    base = dataclasses.replace(CASES["Europe open"], rule=PRINCIPLE)
    for beta, leverage in ((0.2, 0.0), (0.5, 0.6), (0.8, 0.0)):
        outcome = negotiate(dataclasses.replace(base, seller_power=beta, debt_leverage=leverage))
        assert outcome.price == pytest.approx(95.0)  # 40 + 0.8 x 65 = 92 < 95 still binds
    # with full power the split (105) is above the outside option, which no longer binds
    outcome = negotiate(dataclasses.replace(base, seller_power=1.0))
    assert not outcome.outside_option_binds and outcome.price == pytest.approx(105.0)
    assert "does not bind" in outcome.reason


def test_without_an_outside_option_both_rules_agree():
    closed = CASES["Europe closed"]
    assert negotiate(dataclasses.replace(closed, rule=PRINCIPLE)).price == pytest.approx(
        negotiate(closed).price
    )


def test_no_deal_under_the_principle_names_the_outside_option():
    outcome = negotiate(BargainInputs(90, 95, 40, 0.5, rule=PRINCIPLE))
    assert not outcome.deal_possible and outcome.price is None
    assert "(95, its outside option)" in outcome.reason


def test_unknown_rule_is_named():
    with pytest.raises(ValueError, match="rule must be one of"):
        BargainInputs(100, 60, 30, 0.5, rule="split the difference")
    assert RULES == ("threat point", PRINCIPLE)


price = st.floats(1, 500)
power = st.floats(0, 1)


@settings(deadline=None)  # timing varies on a busy machine
@given(price, st.floats(0, 500), st.floats(0, 500), price, power, power, power)
def test_price_monotonic_and_shares_sum_to_one(a, out1, out2, cost, beta, lev1, lev2):
    low_out, high_out = sorted((out1, out2))
    assume(a > max(high_out, cost))
    low_lev, high_lev = sorted((lev1, lev2))

    def price_with(outside=low_out, b=beta, leverage=low_lev):
        return negotiate(BargainInputs(a, outside, cost, b, debt_leverage=leverage))

    outcome = price_with()
    assert outcome.seller_share + outcome.buyer_share == pytest.approx(1.0)
    assert outcome.seller_threat_point - 1e-9 <= outcome.price <= a + 1e-9
    assert price_with(outside=high_out).price >= outcome.price - 1e-9
    assert price_with(leverage=high_lev).price <= outcome.price + 1e-9
    assert price_with(b=min(1.0, beta + 0.1)).price >= outcome.price - 1e-9


@settings(deadline=None)
@given(price, st.floats(0, 500), price, power, power)
def test_principle_price_is_the_larger_of_split_and_outside_option(a, outside, cost, beta, lev):
    assume(a > max(outside, cost))
    inputs = BargainInputs(a, outside, cost, beta, debt_leverage=lev, rule=PRINCIPLE)
    outcome = negotiate(inputs)
    split = cost + beta * (1 - lev) * (a - cost)
    assert outcome.price == pytest.approx(max(split, outside))
    assert outcome.outside_option_binds == (outside > split)
    # the principle never gives the seller more than the threat-point rule
    assert outcome.price <= negotiate(dataclasses.replace(inputs, rule="threat point")).price + 1e-9


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        ({"buyer_alternative_price": 0}, ValueError, "buyer_alternative_price=0 must be greater"),
        ({"buyer_alternative_price": "100"}, TypeError, "buyer_alternative_price must be a num"),
        ({"seller_outside_option": -5}, ValueError, r"seller_outside_option=-5 is outside"),
        ({"seller_cost": float("nan")}, ValueError, "seller_cost=nan"),
        ({"seller_cost": None}, TypeError, "seller_cost must be a number,"),
        ({"seller_power": 1.5}, ValueError, r"seller_power=1.5 is outside the allowed range"),
        ({"debt_leverage": -0.1}, ValueError, "debt_leverage=-0.1"),
        ({"debt_leverage": True}, TypeError, "debt_leverage must be a number"),
        ({"reference_price": 0}, ValueError, "reference_price=0 must be greater than 0"),
    ],
)
def test_bad_input(kwargs, error, message):
    good = dict(
        buyer_alternative_price=100,
        seller_outside_option=60,
        seller_cost=30,
        seller_power=0.5,
    )
    with pytest.raises(error, match=message):
        BargainInputs(**{**good, **kwargs})


def test_negotiate_needs_inputs_object():
    with pytest.raises(TypeError, match="inputs must be a BargainInputs"):
        negotiate({"buyer_alternative_price": 100})
