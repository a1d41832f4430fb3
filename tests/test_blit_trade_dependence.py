"""Blitted charts of lessons 02, 03, 06 and 08: renders are stateless and draw the model's numbers.

The trade explorer, the import-source explorer and the two what-if widgets redraw cached
layouts (see utils.plotting.blit); these tests check that a render never inherits anything
from the one before, and that the animated artists carry the values the functions compute.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from blit_checks import assert_renders_are_stateless

from utils import substitution
from utils.plotting import ACTOR_COLORS, ALLOWED_COLORS, GREY, palette_colors_in, to_hex
from utils.plotting import dependence as dep
from utils.plotting import trade as tc
from utils.plotting.blit import RenderedChart, clear_layouts

ALL_PARTNERS = list(tc.PARTNER_NAMES)


def _layout(chart: RenderedChart):
    """The cached layout a chart was drawn on (found by its figure)."""
    for cache in (tc._PIVOT_LAYOUTS, tc._IMPORT_LAYOUTS, dep._CUTOFF_LAYOUTS,
                  dep._EXPOSURE_LAYOUTS):  # fmt: skip
        for layout in cache._items.values():
            if layout.figure is chart.figure:
                return layout
    raise AssertionError("chart was not drawn on a cached layout")


def _shown_ticks(layout, axis: str) -> list[str]:
    return [t.get_text() for t in layout.ticks[axis].labels if t.get_visible()]


# ----------------------------------------------------------------------------- lesson 02
def test_pivot_chart_renders_are_stateless():
    assert_renders_are_stateless(
        tc.pivot_chart,
        [
            {},
            {"partners": ["CHN"], "measure": "turnover", "start": 2024, "end": 2024},
            {"partners": ALL_PARTNERS, "measure": "imports", "start": 2016, "end": 2024},
            {"sanctions": True},
            {"partners": ["USA", "CHN"], "measure": "exports", "start": 2010, "end": 1992},
            {"partners": ["UKR"], "measure": "exports", "start": 2024, "end": 2024},
            {"measure": "import_share", "sanctions": True, "start": 2000, "end": 2014},
        ],
    )


def test_pivot_chart_draws_the_series_and_fits_the_years():
    chart = tc.pivot_chart(["CHN", "EU"], "share", 2000, 2010)
    layout = _layout(chart)
    china = tc.partner_series(["CHN"], "share", 2000, 2010)["China"]
    line = layout["line_0"]
    assert list(line.get_xdata()) == list(range(2000, 2011))
    assert np.allclose(line.get_ydata(), china.to_numpy())
    assert layout["line_1"].get_visible() and not layout["line_2"].get_visible()
    assert [layout[f"legend_text_{i}"].get_text() for i in range(2)] == ["China", "EU27"]
    assert not layout["legend_text_2"].get_visible()
    assert layout["title"].get_text() == "Partners' share of Russia's goods trade, 2000-2010"
    ax = layout.figure.axes[0]
    lo, hi = ax.get_xlim()
    assert lo == pytest.approx(2000 - 0.2) and hi == pytest.approx(2010 + 0.2)
    assert ax.get_ylim()[0] == 0 and ax.get_ylim()[1] > 60  # the EU27's 2001 peak fits
    assert _shown_ticks(layout, "x") == ["2000", "2002", "2004", "2006", "2008", "2010"]
    assert _shown_ticks(layout, "y") == ["0%", "20%", "40%", "60%"]
    assert [t.get_text() for t in ax.get_xticklabels()] == _shown_ticks(layout, "x")
    assert not any(layout[f"mark_gap_{i}"].get_visible() for i in range(4))
    assert layout["source"].get_text() == "Source: COW Trade v4.0 (2016)."
    assert palette_colors_in(chart.figure) <= ALLOWED_COLORS


def test_pivot_chart_values_axis_and_the_gap():
    chart = tc.pivot_chart(["CHN"], "turnover", 2013, 2016)
    layout = _layout(chart)
    assert layout["ylabel"].get_text() == "USD bn (exports + imports)"
    assert all(layout[f"mark_gap_{i}"].get_visible() for i in range(4))
    assert math.isnan(layout["line_0"].get_ydata()[2])  # 2015 breaks the line
    ticks = [float(t) for t in _shown_ticks(layout, "y")]
    top = float(np.nanmax(layout["line_0"].get_ydata()))
    assert ticks[0] == 0 and layout.figure.axes[0].get_ylim()[1] >= top


def test_moving_the_years_reuses_one_layout():
    clear_layouts()
    for first, last in ((1992, 2024), (2000, 2010), (2016, 2024), (2024, 1992)):
        tc.pivot_chart(start=first, end=last)
    assert len(tc._PIVOT_LAYOUTS) == 1


# ----------------------------------------------------------------------------- lesson 06
def test_import_sources_chart_renders_are_stateless():
    assert_renders_are_stateless(
        tc.import_sources_chart,
        [
            {},
            {"year_a": 2019, "year_b": 2019, "partners": ["CHN"]},
            {"year_a": 1992, "year_b": 2024, "partners": ALL_PARTNERS, "flow": "exports"},
            {"year_a": 2024, "year_b": 2013, "partners": ["IND", "TUR"]},
            {"flow": "exports"},
        ],
    )


def test_import_sources_bars_are_the_flow_shares():
    chart = tc.import_sources_chart(2013, 2023, ["CHN", "EU"], "imports")
    layout = _layout(chart)
    a = tc.flow_shares(2013, ["CHN", "EU"], "imports")
    b = tc.flow_shares(2023, ["CHN", "EU"], "imports")
    assert layout["bar_0_0"].get_width() == pytest.approx(a["China"])
    assert layout["bar_1_0"].get_width() == pytest.approx(b["China"])  # 45.2%
    assert layout["value_1_0"].get_text() == "45.2%"
    assert layout["bar_0_1"].get_width() == pytest.approx(a["EU27"])
    assert not layout["bar_0_2"].get_visible() and not layout["value_1_2"].get_visible()
    assert _shown_ticks(layout, "y") == ["China", "EU27"]
    assert [layout[f"legend_text_{j}"].get_text() for j in range(2)] == ["2013", "2023"]
    assert layout["title"].get_text() == "Where Russia's imports came from, 2013 vs 2023"


# ----------------------------------------------------------------------------- lesson 03
def test_cutoff_chart_renders_are_stateless():
    assert_renders_are_stateless(
        dep.cutoff_chart,
        [
            {},
            {"supplier": "SAU", "replaceable_share": 0.0, "year": 2013},
            {"supplier": "RUS", "replaceable_share": 1.0, "year": 2016},
            {"supplier": "IRQ", "replaceable_share": 0.5, "year": 2021},
            {"supplier": "RUS", "replaceable_share": 0.25, "year": 2020},
        ],
    )


def test_cutoff_bars_are_the_model_shares():
    chart, _ = dep.cutoff_chart("SAU", 0.25, 2016)
    layout = _layout(chart)
    supply = substitution.crude_supply(2016)
    result = substitution.supplier_cutoff(supply.volumes_with_rest(), "SAU", 0.25)
    widths = [layout[f"bar_{i}"].get_width() for i in range(3)]
    assert widths == pytest.approx(
        [result.removed_share, result.replaced_share, result.shortfall_share]
    )
    assert layout["value_2"].get_text() == f"{100 * result.shortfall_share:.1f}%"
    assert layout["title"].get_text() == "Saudi Arabia's crude cut off from China, 2016"
    assert "bar_3" not in layout.artists  # no seller side outside Russia in 2020


# ----------------------------------------------------------------------------- lesson 08
def test_exposure_chart_renders_are_stateless():
    assert_renders_are_stateless(
        dep.exposure_chart,
        [
            {},
            {"basis": "observed 2013", "restricted_fraction": 0.0},
            {"basis": "observed 2024", "restricted_fraction": 1.0},
            {"basis": "what happened (2036 scenario)", "redirect_fraction": 0.5},
        ],
    )


def test_exposure_bars_and_highlight():
    chart, _ = dep.exposure_chart("observed 2024", 1.0, 0.0)
    layout = _layout(chart)
    bases = dep.exposure_bases()
    for i, share in enumerate(bases["china_share"]):
        assert layout[f"bar_{i}"].get_width() == pytest.approx(share)
    colours = [to_hex(layout[f"bar_{i}"].get_facecolor()) for i in range(len(bases))]
    chosen = list(bases.index).index("observed 2024")
    assert colours[chosen] == ACTOR_COLORS["CHN"]
    assert {c for i, c in enumerate(colours) if i != chosen} == {GREY}
    assert layout[f"value_{chosen}"].get_text() == "25.5%"


def test_import_sources_leaves_out_value_labels_only_when_they_would_overlap():
    def value_labels(chart):
        layout = chart.layout
        return [layout[f"value_{j}_{i}"] for j in range(2) for i in range(len(ALL_PARTNERS))]

    crowded = tc.import_sources_chart(2013, 2023, tuple(ALL_PARTNERS))
    assert not any(label.get_visible() for label in value_labels(crowded))
    assert "South Korea 3.3% in 2013 and 3.0% in 2023" in crowded.description  # caption keeps all
    eight = tc.import_sources_chart(2013, 2023, tuple(ALL_PARTNERS[:8]))
    visible = [label for label in value_labels(eight) if label.get_visible()]
    assert len(visible) == 16 == tc.MAX_LABELLED_BARS
    assert "45.2%" in {label.get_text() for label in visible}  # China's 2023 share of imports
