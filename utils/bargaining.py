"""Who sets the price of pipeline energy once the pipe is in the ground?

A pipeline ties seller and buyer together: once it is built its cost is sunk, so the seller's
fall-back is no longer "don't build" but "sell the gas or oil somewhere else", and if no other
market is open, it is only "cover production and transport costs". Gabuev (2020) warned that
Russia could end up tied by pipelines to a single customer in a buyer's market, and recalled
that in 2011 China's CNPC obtained a discount on an agreed oil contract from Rosneft and
Transneft, which owed large sums to Chinese banks.

This module uses the generalised Nash bargaining solution, the standard textbook model of a
two-party deal. Each side has a threat point (what it gets if talks fail):

* the seller's is ``d_s = max(seller_outside_option, seller_cost)``: its netback elsewhere, or
  its cost if nothing better exists (it will not sell at a loss);
* the buyer's is ``a = buyer_alternative_price``: what replacing the supply would cost it.

A deal is possible only when ``a > d_s``; the surplus ``a - d_s`` is split according to the
seller's bargaining power, which debt owed to the buyer's banks weakens:

    beta_eff = seller_power * (1 - debt_leverage)
    price    = d_s + beta_eff * (a - d_s)

Prices are an index (the contract or reference price = 100), not real-world prices: the point
is the mechanism, not a number for any actual contract.
"""

from __future__ import annotations

from dataclasses import dataclass

from utils.validation import check_bounded_number

#: (low, high) of every lever; prices are index points (reference = 100).
LEVER_BOUNDS: dict[str, tuple[float, float]] = {
    "buyer_alternative_price": (0.0, 1000.0),  # must also be > 0
    "seller_outside_option": (0.0, 1000.0),
    "seller_cost": (0.0, 1000.0),
    "seller_power": (0.0, 1.0),
    "debt_leverage": (0.0, 1.0),
    "reference_price": (0.0, 1000.0),  # must also be > 0
}
_STRICTLY_POSITIVE = ("buyer_alternative_price", "reference_price")


def _check(name: str, value: object, optional: bool = False) -> float | None:
    number = check_bounded_number(name, value, LEVER_BOUNDS, optional)
    if number is not None and name in _STRICTLY_POSITIVE and number <= 0:
        high = LEVER_BOUNDS[name][1]
        raise ValueError(f"{name}={value!r} must be greater than 0 (allowed: (0, {high}])")
    return number


@dataclass(frozen=True)
class BargainInputs:
    """One negotiation. ``seller_outside_option=None`` (or 0) means that market is closed."""

    buyer_alternative_price: float
    seller_outside_option: float | None
    seller_cost: float
    seller_power: float
    debt_leverage: float = 0.0
    reference_price: float | None = 100.0

    def __post_init__(self) -> None:
        for name in LEVER_BOUNDS:
            optional = name in ("seller_outside_option", "reference_price")
            object.__setattr__(self, name, _check(name, getattr(self, name), optional))


@dataclass(frozen=True)
class BargainOutcome:
    """Result of :func:`negotiate`. Price-related fields are None when no deal is possible.

    ``seller_share`` and ``buyer_share`` are the two sides' fractions of the surplus (they sum
    to 1); ``discount_fraction`` and ``discount_per_unit`` compare the price with the reference
    (positive = the buyer pays less than the reference).
    """

    deal_possible: bool
    reason: str
    seller_threat_point: float
    buyer_threat_point: float
    surplus: float
    effective_power: float
    price: float | None
    seller_gain: float | None
    buyer_gain: float | None
    seller_share: float | None
    buyer_share: float | None
    discount_fraction: float | None
    discount_per_unit: float | None


def negotiate(inputs: BargainInputs) -> BargainOutcome:
    """Apply the generalised Nash bargaining solution to ``inputs`` (see the module docstring)."""
    if not isinstance(inputs, BargainInputs):
        raise TypeError(f"inputs must be a BargainInputs, got {type(inputs).__name__}")
    outside = inputs.seller_outside_option or 0.0
    d_s = max(outside, inputs.seller_cost)
    a = inputs.buyer_alternative_price
    beta = inputs.seller_power * (1.0 - inputs.debt_leverage)
    fallback = "its outside option" if outside >= inputs.seller_cost else "its cost"
    if a <= d_s:
        reason = (
            f"no deal: the buyer's alternative ({a:g}) does not exceed the seller's threat point "
            f"({d_s:g}, {fallback}), so there is no surplus to share"
        )
        return BargainOutcome(
            False, reason, d_s, a, a - d_s, beta, None, None, None, None, None, None, None
        )
    price = d_s + beta * (a - d_s)
    reference = inputs.reference_price
    discount = None if reference is None else reference - price
    reason = (
        f"deal: the surplus of {a - d_s:g} above the seller's threat point ({d_s:g}, {fallback}) "
        f"is split {beta:.0%} to the seller and {1 - beta:.0%} to the buyer"
    )
    return BargainOutcome(
        deal_possible=True,
        reason=reason,
        seller_threat_point=d_s,
        buyer_threat_point=a,
        surplus=a - d_s,
        effective_power=beta,
        price=price,
        seller_gain=price - d_s,
        buyer_gain=a - price,
        seller_share=beta,
        buyer_share=1.0 - beta,
        discount_fraction=None if reference is None else discount / reference,
        discount_per_unit=discount,
    )


#: Illustrative cases (index, reference = 100). The inputs are teaching choices that show the
#: mechanism qualitatively; they are not estimates of any real contract's prices.
PRESETS: dict[str, BargainInputs] = {
    # Baseline: Europe buys, the seller has equal power and no debt to the buyer. The agreed
    # price is the reference itself (100): no discount.
    "pipeline with Europe open": BargainInputs(
        buyer_alternative_price=105.0, seller_outside_option=95.0, seller_cost=40.0,
        seller_power=0.5,
    ),
    # As the baseline, but the seller owes much of its debt to the buyer's banks (as Rosneft
    # and Transneft did to Chinese banks before 2011): the price falls to 97, a 3% discount.
    "2011 CNPC discount": BargainInputs(
        buyer_alternative_price=105.0, seller_outside_option=95.0, seller_cost=40.0,
        seller_power=0.5, debt_leverage=0.6,
    ),
    # Europe closed and the buyer able to pick among many suppliers (a cheaper alternative):
    # the seller's threat point falls to its cost and the price to 65, a 35% discount.
    "sole customer in a buyer's market": BargainInputs(
        buyer_alternative_price=90.0, seller_outside_option=None, seller_cost=40.0,
        seller_power=0.5,
    ),
}  # fmt: skip

PRESET_DESCRIPTIONS: dict[str, str] = {
    "pipeline with Europe open": "Illustrative baseline: a second market keeps the seller's"
    " fall-back high, so the price stays at the reference.",
    "2011 CNPC discount": "Illustrative: the same market, but debt owed to the buyer's banks"
    " weakens the seller and produces a discount.",
    "sole customer in a buyer's market": "Illustrative: with Europe closed and cheap"
    " alternatives for the buyer, most of the surplus goes to the buyer.",
}
