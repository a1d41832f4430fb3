"""Widget for lesson 10: a decision matrix for Western strategies, with one weight per criterion.

Why: a class debate on "what should the West do?" stalls when everyone argues about the answer
and nobody about the criteria. The matrix separates the two: the scores (from
:data:`utils.decision.POLICY_OPTIONS`, judgements for debate) stay fixed, the weights move, and
the note under the chart says how far a weight must move before another option leads. The
render function is pure and calls :func:`utils.decision.score` through the chart helpers.
"""

from __future__ import annotations

from utils import decision
from utils.plotting import Chart
from utils.plotting import policy as charts
from utils.widgets.core import LiveView, register, slider

__all__ = ["WEIGHT_SLIDERS", "decision_matrix", "render_decision"]

#: Slider name -> criterion of :data:`utils.decision.POLICY_OPTIONS`, in column order.
WEIGHT_SLIDERS = dict(
    zip(
        ("w_military", "w_feasible", "w_ukraine", "w_allies"),
        decision.POLICY_OPTIONS.columns,
        strict=True,
    )
)
_LABELS = {
    "w_military": "Weight: limits military-technical cooperation",
    "w_feasible": "Weight: feasible under existing sanctions",
    "w_ukraine": "Weight: supports Ukraine's territorial integrity",
    "w_allies": "Weight: keeps allies united",
}
#: Sliders run 0-10; equal values mean equal weights (the neutral starting point).
DEFAULT_SLIDER = 5.0


def render_decision(
    w_military: float = DEFAULT_SLIDER,
    w_feasible: float = DEFAULT_SLIDER,
    w_ukraine: float = DEFAULT_SLIDER,
    w_allies: float = DEFAULT_SLIDER,
) -> tuple[Chart, str]:
    """Ranking chart for these raw weights (rescaled to sum to 1) and the sensitivity note."""
    raw = dict(zip(WEIGHT_SLIDERS, (w_military, w_feasible, w_ukraine, w_allies), strict=True))
    weights = {WEIGHT_SLIDERS[name]: value for name, value in raw.items()}
    chart = charts.ranking_chart(decision.POLICY_OPTIONS, weights)
    return chart, charts.sensitivity_note(decision.POLICY_OPTIONS, weights)


@register("10_policy_options", "decision_matrix")
def decision_matrix() -> LiveView:
    """One weight slider per criterion; the ranking and the sensitivity note update."""
    return LiveView(
        {
            name: slider(_LABELS[name], 0.0, 10.0, 1.0, DEFAULT_SLIDER, ".0f")
            for name in WEIGHT_SLIDERS
        },
        render_decision,
        title="Decision matrix: Western strategies toward the Russia-China rapprochement",
        description=(
            "Move the weights (0 = ignore, 10 = matters most). The option scores are a "
            "starting point for debate, not data."
        ),
    )
