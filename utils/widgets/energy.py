"""Widget for lesson 04: Nash bargaining over a pipeline, with Europe open or closed.

The builder only wires labelled controls to :func:`utils.plotting.energy.bargain_chart`, which
calls the pure model :func:`utils.bargaining.negotiate`. Prices are index numbers
(reference = 100) from the illustrative baseline in :data:`utils.bargaining.PRESETS`.
"""

from __future__ import annotations

from utils.plotting import energy as charts
from utils.widgets.core import LiveView, register, slider, toggle


def render_bargain(
    europe_open: bool, buyer_alternative_price: float, seller_power: float, debt_leverage: float
):
    """Render the bargaining range (chart + note)."""
    return charts.bargain_chart(europe_open, buyer_alternative_price, seller_power, debt_leverage)


@register("04_pipelines_and_leverage", "nash_bargaining")
def nash_bargaining() -> LiveView:
    """Toggle Europe, move the buyer's alternative, the seller's power and the debt leverage."""
    start = charts.WIDGET_START
    low, high = charts.ALTERNATIVE_RANGE
    return LiveView(
        {
            "europe_open": toggle("Europe open as a second market for the seller", True),
            "buyer_alternative_price": slider(
                "Buyer's alternative supply price (index)",
                low,
                high,
                5.0,
                start.buyer_alternative_price,
                ".0f",
            ),
            "seller_power": slider(
                "Seller's bargaining power (0-1)", 0.0, 1.0, 0.05, start.seller_power, ".2f"
            ),
            "debt_leverage": slider(
                "Debt owed to the buyer's banks: leverage (0-1)",
                0.0,
                1.0,
                0.05,
                start.debt_leverage,
                ".2f",
            ),
        },
        render_bargain,
        title="Nash bargaining over a pipeline (illustrative index prices)",
        description=(
            "It starts at the illustrative 2011 case: Europe open, seller in debt to the buyer's "
            "banks. The price lands between the seller's fall-back (its Europe netback, or its "
            "cost if Europe is closed) and the buyer's alternative; bargaining power, reduced by "
            "debt leverage, decides where. Index prices (reference = 100), not real prices."
        ),
    )
