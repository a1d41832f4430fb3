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

Two ways to treat the seller's other market (``rule``)
------------------------------------------------------
* ``"threat point"`` (the default, above): the seller's netback in Europe is its disagreement
  payoff, so the surplus is split *above* it. This fits an *inside option*, something the
  seller earns while the talks go on (oil it keeps shipping west while the parties haggle).
* ``"outside-option principle"``: the netback is an *outside option* that the seller can only
  take by walking away. Then the surplus is split above the seller's cost, and the outside
  option matters only if it is worth more than the seller's share of that split::

      price = max(cost + beta_eff * (a - cost), outside_option)

  This is the outside-option principle of the alternating-offers literature: Binmore, K.,
  Rubinstein, A. and Wolinsky, A. (1986), "The Nash Bargaining Solution in Economic Modelling",
  *RAND Journal of Economics* 17(2): 176-188; Muthoo, A. (1999), *Bargaining Theory with
  Applications*, Cambridge University Press (chapter 2 on the Nash solution; chapters 3-6 on the
  alternating-offers model and its extensions, outside and inside options among them).

Under the principle a binding outside option fixes the price by itself, so bargaining power
and debt leverage stop mattering until the split rises above it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

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
#: How the seller's outside option enters (see the module docstring).
RULES = ("threat point", "outside-option principle")


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
    rule: str = "threat point"

    def __post_init__(self) -> None:
        for name in LEVER_BOUNDS:
            optional = name in ("seller_outside_option", "reference_price")
            object.__setattr__(self, name, _check(name, getattr(self, name), optional))
        if self.rule not in RULES:
            raise ValueError(f"rule must be one of {list(RULES)}, got {self.rule!r}")


@dataclass(frozen=True)
class BargainOutcome:
    """Result of :func:`negotiate`. Price-related fields are None when no deal is possible.

    ``seller_share`` and ``buyer_share`` are the two sides' fractions of the surplus (they sum
    to 1); ``discount_fraction`` and ``discount_per_unit`` compare the price with the reference
    (positive = the buyer pays less than the reference). ``outside_option_binds`` is True when,
    under the outside-option principle, the seller's outside option sets the price.
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
    outside_option_binds: bool = False


def negotiate(inputs: BargainInputs) -> BargainOutcome:
    """Apply the generalised Nash bargaining solution to ``inputs`` (see the module docstring).

    With ``rule="outside-option principle"`` the surplus is split above the seller's cost and
    the seller's outside option only binds when it exceeds that split.
    """
    if not isinstance(inputs, BargainInputs):
        raise TypeError(f"inputs must be a BargainInputs, got {type(inputs).__name__}")
    outside = inputs.seller_outside_option or 0.0
    cost, a = inputs.seller_cost, inputs.buyer_alternative_price
    beta = inputs.seller_power * (1.0 - inputs.debt_leverage)
    principle = inputs.rule == "outside-option principle"
    floor = max(outside, cost)  # the seller never accepts less than this
    d_s = cost if principle else floor  # the point the surplus is split from
    fallback = "its outside option" if outside >= cost else "its cost"
    if a <= floor:
        reason = (
            f"no deal: the buyer's alternative ({a:g}) does not exceed the seller's threat point "
            f"({floor:g}, {fallback}), so there is no surplus to share"
        )
        return BargainOutcome(
            False, reason, d_s, a, a - d_s, beta, None, None, None, None, None, None, None
        )
    split = d_s + beta * (a - d_s)
    binds = principle and outside > split
    price = outside if binds else split
    if binds:
        reason = (
            f"deal: the split above the seller's cost ({cost:g}) would give {split:g}, less than "
            f"its outside option ({outside:g}), so the outside option binds and sets the price"
        )
    elif principle:
        reason = (
            f"deal: the surplus of {a - d_s:g} above the seller's cost ({cost:g}) is split "
            f"{beta:.0%} to the seller and {1 - beta:.0%} to the buyer; the outside option "
            f"({outside:g}) is below the seller's share and does not bind"
        )
    else:
        reason = (
            f"deal: the surplus of {a - d_s:g} above the seller's threat point ({d_s:g}, "
            f"{fallback}) is split {beta:.0%} to the seller and {1 - beta:.0%} to the buyer"
        )
    reference = inputs.reference_price
    discount = None if reference is None else reference - price
    share = (price - d_s) / (a - d_s)
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
        seller_share=share,
        buyer_share=1.0 - share,
        discount_fraction=None if reference is None else discount / reference,
        discount_per_unit=discount,
        outside_option_binds=binds,
    )


#: Teaching cases (index, reference = 100). The inputs are round illustrative numbers that show
#: the mechanism; they are not estimates of any real contract's prices. Lesson 04 adds a case
#: calibrated to the documented 2011 discount (``utils.lessons.l04_pipelines``).
_OPEN = BargainInputs(
    buyer_alternative_price=105.0, seller_outside_option=95.0, seller_cost=40.0, seller_power=0.5
)
CASES: dict[str, BargainInputs] = {
    # A second market keeps the seller's fall-back at 95; equal power splits the surplus of 10:
    # the agreed price is the reference itself (100).
    "Europe open": _OPEN,
    # The same talks with Europe closed: the fall-back drops to the cost (40), price 72.5.
    "Europe closed": replace(_OPEN, seller_outside_option=None),
    # Europe closed and the buyer able to pick among many suppliers (a cheaper alternative):
    # the price falls to 65, a 35% discount.
    "sole customer in a buyer's market": replace(
        _OPEN, seller_outside_option=None, buyer_alternative_price=90.0
    ),
}
