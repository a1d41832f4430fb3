"""Blitted charts of lessons 04 and 10: renders are stateless and show the model's numbers.

Covers :func:`utils.plotting.energy.bargain_chart` (Nash bargaining widget) and
:func:`utils.plotting.policy.ranking_chart` (decision-matrix widget).
"""

from __future__ import annotations

import pytest
from blit_checks import assert_renders_are_stateless, plain_matplotlib_png

from utils import bargaining, decision
from utils.plotting import energy, policy
from utils.plotting.blit import RenderedChart
from utils.widgets import policy as policy_widgets

OPTIONS = decision.POLICY_OPTIONS
CRITERIA = list(OPTIONS.columns)


def _weights(*values: float) -> dict[str, float]:
    return dict(zip(CRITERIA, values, strict=True))


# ----------------------------------------------------------------------------- bargaining
def test_bargain_renders_are_stateless():
    assert_renders_are_stateless(
        energy.bargain_chart,
        [
            {},  # Europe open, deal at the reference price
            {"europe_open": False, "buyer_alternative_price": 150.0, "seller_power": 1.0},
            {"buyer_alternative_price": 40.0, "seller_power": 0.0},  # no deal: another legend
            {"buyer_alternative_price": 95.0},  # alternative = fall-back: still no deal
            {"buyer_alternative_price": 130.0, "seller_power": 0.8, "debt_leverage": 1.0},
            {"buyer_alternative_price": 400.0},  # beyond the widget's range: a wider axis
            {"europe_open": False, "buyer_alternative_price": 40.0},  # no deal at the cost
            {"scale": 1.4},
        ],
    )


def test_bargain_chart_draws_the_negotiated_numbers():
    chart, note = energy.bargain_chart(True, 125.0, 0.6, 0.5)
    outcome = bargaining.negotiate(energy.bargain_inputs(True, 125.0, 0.6, 0.5))
    price = outcome.price  # 95 + 0.3 x 30 = 104
    assert price == pytest.approx(104.0)
    assert isinstance(chart, RenderedChart)
    layout = chart.layout
    fallback, seller, buyer = (layout[n] for n in ("fallback_bar", "seller_bar", "buyer_bar"))
    assert (fallback.get_x(), fallback.get_width()) == (0, 95.0)
    assert seller.get_x() == 95.0 and seller.get_width() == pytest.approx(price - 95.0)
    assert buyer.get_x() == pytest.approx(price) and buyer.get_width() == pytest.approx(125 - price)
    assert list(layout["price_line"].get_xdata()) == pytest.approx([price, price])
    assert layout["price_label"].get_text() == "price 104"
    assert list(layout["alternative_line"].get_xdata()) == [125.0, 125.0]
    assert layout["alternative_label"].get_text() == "buyer's alternative 125"
    assert not layout["gap_span"].get_visible() and not layout["gap_label"].get_visible()
    legend = [t.get_text() for t in layout["legend"].get_texts()]
    assert legend == [
        "seller's fall-back",
        "seller's part of the surplus",
        "buyer's part of the surplus",
    ]
    assert chart.figure.axes[0].get_xlim() == (0, 155.0)
    assert "agreed price is 104 (index)" in chart.description and "= 0.30" in note


def test_bargain_chart_without_a_deal_shows_the_gap():
    chart, note = energy.bargain_chart(False, 40.0, 0.5, 0.0)  # alternative = cost 40
    layout = chart.layout
    assert chart.title == "Pipeline bargaining (Europe closed): who gets the surplus?"
    assert layout["gap_span"].get_visible() and layout["gap_label"].get_text() == (
        "no deal: gap of 0"
    )
    for name in ("seller_bar", "buyer_bar", "price_line", "price_label"):
        assert not layout[name].get_visible(), name
    assert [t.get_text() for t in layout["legend"].get_texts()] == ["seller's fall-back"]
    gap = energy.bargain_chart(True, 60.0, 0.5, 0.0)[0].layout["gap_span"]
    assert (gap.get_x(), gap.get_width()) == (60.0, 35.0)
    assert note.startswith("No deal")


def test_bargain_chart_axis_grows_only_beyond_the_widget_range():
    assert energy.bargain_chart(True, 150.0)[0].figure.axes[0].get_xlim() == (0, 155.0)
    assert energy.bargain_chart(True, 400.0)[0].figure.axes[0].get_xlim() == (0, 405.0)


def test_bargain_chart_refuses_a_bad_scale_even_with_a_cached_layout():
    energy.bargain_chart()
    for scale in (True, 0.1, "1"):
        with pytest.raises(ValueError, match="scale must be a number between 0.5 and 3"):
            energy.bargain_chart(scale=scale)


# ----------------------------------------------------------------------------- ranking
def test_ranking_renders_are_stateless():
    assert_renders_are_stateless(
        policy.ranking_chart,
        [
            {},  # equal weights
            {"weights": _weights(10, 0, 3, 7)},
            {"weights": _weights(0, 0, 1, 0)},  # one criterion only: "(100%)" labels
            {"weights": _weights(5, 5, 0.5, 5)},  # a 1-digit share wraps on fewer lines
            {"weights": _weights(0, 10, 10, 10)},
            {"weights": _weights(1, 2, 3, 4), "scale": 1.4},
            {  # another table of options: a layout of its own
                "options": OPTIONS.iloc[:2, :3],
                "weights": dict(zip(CRITERIA[:3], (1, 2, 3), strict=True)),
            },
        ],
    )


def test_ranking_chart_draws_the_weighted_scores_best_on_top():
    weights = _weights(10, 0, 3, 7)
    chart = policy.ranking_chart(OPTIONS, weights)
    ranked = decision.score(OPTIONS, weights)
    layout = chart.layout
    for i, name in enumerate(ranked.index):
        assert layout[f"option_{i}"].get_text() == policy._option_label(name)
        assert layout[f"total_{i}"].get_text() == f"{ranked['score'].iloc[i]:.2f}"
        left = 0.0
        for j, criterion in enumerate(CRITERIA):
            bar = layout[f"bar_{j}_{i}"]
            assert bar.get_x() == pytest.approx(left)
            assert bar.get_width() == pytest.approx(ranked[criterion].iloc[i])
            left += ranked[criterion].iloc[i]
        assert left == pytest.approx(ranked["score"].iloc[i])
    assert layout["option_0"].get_text() == "coordinate with allies on\ntechnology controls"
    assert layout["total_0"].get_text() == "6.15"  # 0.5 x 7 + 0.15 x 6 + 0.35 x 5
    labels = [layout[f"legend_label_{j}"].get_text() for j in range(len(CRITERIA))]
    assert labels == [
        "limits military-technical\ncooperation (50%)",
        "feasible under existing\nsanctions (0%)",
        "supports Ukraine's\nterritorial integrity\n(15%)",
        "keeps allies united (35%)",
    ]
    assert chart.description == policy.ranking_description(ranked)


def test_ranking_chart_keeps_every_possible_label_inside_the_figure():
    """Margins are fixed per layout, so they must fit the longest name and weight label."""
    for j in range(len(CRITERIA)):
        values = [0.0] * len(CRITERIA)
        values[j] = 1.0  # "(100%)" on one label, "(0%)" on the others
        chart = policy.ranking_chart(OPTIONS, _weights(*values))
        figure = chart.figure
        renderer = figure.canvas.get_renderer()
        width = figure.bbox.width
        for name, artist in chart.layout.artists.items():
            if name.startswith(("legend_label_", "option_")):
                box = artist.get_window_extent(renderer)
                assert 0 <= box.x0 and box.x1 <= width, (name, artist.get_text())


def test_decision_widget_reuses_its_layouts():
    policy._RANKING_LAYOUTS.clear()
    for value in range(11):
        policy_widgets.render_decision(value, 5.0, 5.0, 5.0)
        policy_widgets.render_decision(5.0, 5.0, value, 5.0)
    assert len(policy._RANKING_LAYOUTS) <= 2  # the Ukraine label wraps on 2 or 3 lines


def test_ranking_chart_refuses_a_bad_scale_even_with_a_cached_layout():
    policy.ranking_chart()
    with pytest.raises(ValueError, match="scale must be a number between 0.5 and 3"):
        policy.ranking_chart(scale=True)


@pytest.mark.parametrize("values", [(5, 5, 5, 5), (0, 0, 1, 0), (5, 5, 0.5, 5)])
def test_ranking_legend_labels_sit_where_the_legend_puts_them(values):
    """The labels are drawn over a legend laid out once: a full redraw must agree."""
    chart = policy.ranking_chart(OPTIONS, _weights(*values))
    hidden = [t.get_text() for t in chart.figure.axes[0].get_legend().get_texts()]
    layout = chart.layout
    assert hidden == [layout[f"legend_label_{j}"].get_text() for j in range(len(CRITERIA))]
    # On a plain canvas the legend lays itself out again: the labels must land in place.
    assert plain_matplotlib_png(chart) == chart.png
