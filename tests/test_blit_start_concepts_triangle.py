"""Blitted charts of lessons 00, 01 and 09: renders are stateless and show the model's numbers.

Covers :func:`utils.plotting.start.first_look_chart` and :func:`~utils.plotting.start.verdict_chart`
(through the widgets' render functions), :func:`utils.plotting.concepts.concept_chart` and
:func:`utils.plotting.triangle.triangle_chart`.
"""

from __future__ import annotations

import numpy as np
import pytest
from blit_checks import assert_renders_are_stateless

from utils import triangle
from utils.plotting import concepts
from utils.plotting import start as start_charts
from utils.plotting import triangle as tri
from utils.plotting.blit import RenderedChart
from utils.widgets import start

ALL_TRUE = dict.fromkeys(concepts.FEATURES, True)
ALL_FALSE = dict.fromkeys(concepts.FEATURES, False)


# ----------------------------------------------------------------------------- first look
def _first_look(partner: str, year: int) -> RenderedChart:
    return start.render_first_look(partner, year)[0]


def test_first_look_renders_are_stateless():
    assert_renders_are_stateless(
        _first_look,
        [
            {"partner": "CHN", "year": 2013},
            {"partner": "EU", "year": 1992},  # the highest share: the top of the fixed axis
            {"partner": "USA", "year": 2015},  # the gap year: no year line
            {"partner": "DEU", "year": 2024},
            {"partner": "CHN", "year": 2015},
        ],
    )


def test_first_look_draws_the_partners_shares_and_the_year():
    chart, sentence = start.render_first_look("DEU", 2010)
    layout = chart.layout
    shares = start_charts.partner_shares()
    x, y = layout["share"].get_data()
    assert x[0] == 1992 and x[-1] == 2024 and np.isnan(y[x == 2015]).all()
    assert y[x == 2010][0] == pytest.approx(shares.loc[2010, "DEU"])
    assert layout["year_line"].get_ydata()[0] == pytest.approx(shares.loc[2010, "DEU"])
    assert layout["year_label"].get_text() == "2010"
    assert layout["title"].get_text() == chart.title == "Germany: share of Russia's goods trade"
    assert sentence == chart.description
    # one share axis for every partner, from 0 to just above the EU's highest share
    assert chart.figure.axes[0].get_ylim() == pytest.approx((0, shares.max().max() * 1.05))
    gap = start.render_first_look("USA", 2015)[0].layout
    assert not gap["year_line"].get_visible() and not gap["year_label"].get_visible()


def test_first_look_chart_refuses_bad_input():
    with pytest.raises(ValueError, match="partner must be one of"):
        start_charts.first_look_chart("RUS", 2013, 0.1, "A sentence.")
    with pytest.raises(TypeError, match="year must be an integer"):
        start_charts.first_look_chart("CHN", 2013.0, 0.1, "A sentence.")
    with pytest.raises(TypeError, match="share must be a number or None"):
        start_charts.first_look_chart("CHN", 2013, "10%", "A sentence.")


# ----------------------------------------------------------------------------- claims ledger
def test_ledger_renders_are_stateless():
    lessons = sorted(set(start._ledger()["lesson"]))
    settings = [{"lesson": "all"}, *({"lesson": x} for x in lessons[:3]), {"lesson": lessons[-1]}]
    assert_renders_are_stateless(start.render_ledger, settings)


def test_verdict_chart_renders_are_stateless_across_layouts():
    counts = start.verdict_counts("all")

    def chart(scale_to: int, times: int):
        return start_charts.verdict_chart(counts * times, "all lessons", "Counts.", scale_to)

    top = int(counts.max())
    assert_renders_are_stateless(
        chart,
        [
            {"scale_to": top, "times": 1},
            {"scale_to": 3 * top, "times": 3},  # another count axis: another layout
            {"scale_to": top, "times": 0},  # no claims at all
            {"scale_to": 3 * top, "times": 1},
        ],
    )


def test_ledger_bars_are_the_verdict_counts_on_one_axis():
    for lesson in ("all", "02"):
        chart, _ = start.render_ledger(lesson)
        counts = start.verdict_counts(lesson)
        layout = chart.layout
        widths = [layout[f"bar_{i}"].get_width() for i in range(len(counts))]
        assert widths == counts.tolist()
        labels = [layout[f"count_{i}"].get_text() for i in range(len(counts))]
        assert labels == [str(n) for n in counts]
        assert layout["title"].get_text() == chart.title
        # the count axis is the whole ledger's, whichever lesson is shown
        assert chart.figure.axes[0].get_xlim() == pytest.approx(
            (0, 1.1 * start.verdict_counts("all").max())
        )
    assert chart.title == "Verdicts on the article's claims (lesson 02)"
    with pytest.raises(ValueError, match="counts must lie in 0..axis_max=1"):
        start_charts.verdict_chart(counts, "lesson 02", "Counts.", 1)


# ----------------------------------------------------------------------------- concept sorter
def _concept(profile: dict, rc: dict | None = None) -> RenderedChart:
    if rc is None:
        return concepts.concept_chart(profile)
    with pytest.MonkeyPatch.context() as patch:  # another Russia-China coding: another layout
        patch.setattr(concepts, "russia_china_profile", lambda: dict(rc))
        return concepts.concept_chart(profile)


def test_concept_chart_renders_are_stateless():
    rc = concepts.russia_china_profile()
    assert_renders_are_stateless(
        _concept,
        [
            {"profile": ALL_TRUE},
            {"profile": ALL_FALSE},
            {"profile": rc},
            {"profile": dict(ALL_FALSE, consultation=True)},
            {"profile": ALL_TRUE, "rc": ALL_FALSE},
        ],
    )


def test_concept_bars_are_the_match_scores():
    profile = dict(ALL_FALSE, joint_exercises=True, consultation=True)
    chart = concepts.concept_chart(profile)
    layout = chart.layout
    scores = concepts.match_scores(profile)
    assert [layout[f"bar_{i}"].get_width() for i in range(3)] == pytest.approx(scores.tolist())
    assert [layout[f"label_{i}"].get_text() for i in range(3)] == [f"{v:.1f}%" for v in scores]
    # the Russia-China bars are static: drawn once, with the 2020 scores
    rc_bars = chart.figure.axes[0].containers[1].patches
    rc_scores = concepts.match_scores(concepts.russia_china_profile())
    assert [b.get_width() for b in rc_bars] == pytest.approx(rc_scores.tolist())


# ----------------------------------------------------------------------------- triangle
def test_triangle_renders_are_stateless():
    assert_renders_are_stateless(
        tri.triangle_chart,
        [
            {"us_russia": 0.5, "us_china": -0.3, "russia_china": 0.4, "label": "1989"},
            {"us_russia": 1.0, "us_china": 1.0, "russia_china": 1.0, "neutral_band": 0.0},
            {"us_russia": -1.0, "us_china": -1.0, "russia_china": -1.0, "neutral_band": 0.5},
            {"us_russia": 0.0, "us_china": 0.4, "russia_china": -0.7, "neutral_band": 0.25},
            # a long label wraps the title onto two lines: another layout
            {"us_russia": 0.3, "us_china": 0.4, "russia_china": -0.7, "label": "x" * 60},
            {"us_russia": 0.3, "us_china": 0.4, "russia_china": -0.7, "scale": 1.4},
        ],
    )


def test_triangle_lines_and_texts_follow_the_scores():
    chart = tri.triangle_chart(0.05, 0.4, -0.7, label="custom scores")
    layout = chart.layout
    expected = {"USA-Russia": (":", 0.05), "USA-China": ("-", 0.4), "Russia-China": ("--", -0.7)}
    for name, (style, score) in expected.items():
        line = layout[f"line_{name}"]
        assert line.get_linestyle() == style
        assert line.get_linewidth() == pytest.approx(1.5 + 5 * abs(score))
    assert layout["score_Russia-China"].get_text() == "Russia-China\n-0.7 (enmity)"
    roles = {a: layout[f"role_{a}"].get_text() for a in triangle.ACTORS}
    assert roles == {"USA": "partner", "Russia": "outcast", "China": "partner"}
    assert "within ±0.10" in layout["key"].get_text()
    assert layout["title"].get_text() == chart.title
    assert chart.title == "Strategic triangle (custom scores): stable marriage"
    wrapped = tri.triangle_chart(0.05, 0.4, -0.7, label="the long label of a class exercise")
    assert wrapped.layout["title"].get_text() == (
        "Strategic triangle (the long label of a class exercise): stable\nmarriage"
    )
    with pytest.raises(ValueError, match="scale must be a number between 0.5 and 3"):
        tri.triangle_chart(0.1, 0.1, 0.1, scale=5)
