"""Lesson 05 charts drawn by blitting: renders must not depend on what was drawn before.

Each chart behind the lesson 05 widgets reuses a cached layout (see utils/plotting/blit.py).
These tests render varied settings in sequence and from scratch (same bytes expected), and
check that the animated artists carry the model's numbers.
"""

from __future__ import annotations

import numpy as np
import pytest
from blit_checks import assert_renders_are_stateless

from utils.plotting import security as sec
from utils.plotting.blit import RenderedChart


def _timeline(scale: float = 1.0, **filters):
    return sec.exercise_timeline_chart(sec.filter_exercises(**filters), scale=scale)


def _map(scale: float = 1.0, **filters):
    return sec.exercise_map_chart(sec.filter_exercises(**filters), scale=scale)


def _points(chart: RenderedChart, event_type: str):
    """The markers of one event type (the animated scatter with that label)."""
    (points,) = [c for c in chart.figure.axes[0].collections if c.get_label() == event_type]
    return points


# ----------------------------------------------------------------------------- suppliers
def test_suppliers_renders_are_stateless():
    assert_renders_are_stateless(
        sec.suppliers_chart,
        [
            {"measure": "share", "window": 1},
            {"measure": "share", "window": 5},
            {"measure": "volume", "window": 5},  # another layout: the value axis moves
            {"measure": "volume", "window": 1},
            {"measure": "share", "window": 10},  # longest window allowed
            {"measure": "volume", "window": 3, "years": (2010, 2023)},  # another year span
        ],
    )


def test_suppliers_stack_carries_the_sipri_numbers():
    share = sec.suppliers_chart("share", 1)
    assert isinstance(share, RenderedChart)
    ax = share.figure.axes[0]
    (russia,) = [c for c in ax.collections if c.get_label() == "Russia"]
    outline = russia.get_paths()[0].vertices
    # top edge of Russia's band in 2000 = its share (88.5%, "89%" in the caption), bottom 0
    assert outline[0] == pytest.approx([2000, 88.51], abs=0.01)
    assert outline[0][1] == pytest.approx(sec.supplier_shares(sec.china_suppliers()).iloc[0, 0])
    assert sorted(set(outline[outline[:, 0] == 2000][:, 1])) == pytest.approx([0, 88.508])
    assert ax.get_ylim() == pytest.approx((0, 105))
    assert ax.get_xlim() == (2000, 2023)

    volume = sec.suppliers_chart("volume", 5)
    ax = volume.figure.axes[0]
    (others,) = [c for c in ax.collections if c.get_label() == "Others"]
    top = others.get_paths()[0].vertices
    # the stack starts with the first 5-year total (2000-2004: 13,674 million TIV)
    assert top[0] == pytest.approx([2004, 13674], abs=1)
    tallest = sec._rolling_sum(sec.china_suppliers(), 5).sum(axis=1).max()
    assert ax.get_ylim()[1] == pytest.approx(tallest * 1.05)
    assert ax.get_xlim() == (2000, 2023)  # the time axis stays put for every window
    assert ax._left_title.get_text() == "Who sells major arms to China? (5-year rolling totals)"
    assert volume.title == ax._left_title.get_text()


# ----------------------------------------------------------------------------- events
EVENT_SETTINGS = [
    {},
    {"years": (2005, 2023)},  # everything
    {"region": "Baltic Sea"},  # one event
    {"event_type": "air patrol", "years": (2019, 2023)},
    {"event_type": "naval patrol", "years": (2021, 2023)},
    {"scale": 1.4, "domain": "sea"},  # presenter mode: another layout
]


def test_timeline_renders_are_stateless():
    assert_renders_are_stateless(_timeline, EVENT_SETTINGS)


def test_map_renders_are_stateless():
    settings = [s for s in EVENT_SETTINGS if s.get("event_type") != "naval patrol"]
    assert_renders_are_stateless(_map, settings)  # naval patrols have no position to map


def test_no_events_renders_are_stateless():
    assert_renders_are_stateless(
        sec.no_events_chart,
        [
            {"message": "No joint events match type=naval patrol: widen a filter."},
            {"message": "Nothing to map. " * 12, "view": "map"},  # wraps onto three lines
            {"message": "x", "view": "timeline"},
            {"message": "Nothing here.", "view": "map", "scale": 1.4},
        ],
    )


def test_timeline_markers_are_the_selected_events():
    chart = _timeline(years=(2005, 2020))
    exercises = _points(chart, "exercise")
    assert exercises.get_visible() and len(exercises.get_offsets()) == 24
    assert len(_points(chart, "air patrol").get_offsets()) == 2
    assert not _points(chart, "naval patrol").get_visible()
    highlight = [t for t in chart.figure.axes[0].texts if t.get_text().startswith("First")]
    assert highlight[0].get_visible()
    assert highlight[0].get_text() == "First joint bomber patrol, 23 Jul 2019"
    # the next chart reuses the same layout figure (blitting), so inspect one at a time
    # the Baltic exercise of July 2017: row 1 (second from the west), x = 2017 + day / 365.25
    baltic = _timeline(region="Baltic Sea")
    (x, row) = _points(baltic, "exercise").get_offsets()[0]
    assert row == sec.REGION_ORDER.index("Baltic Sea") == 1
    assert 2017.5 < x < 2017.6
    ax = baltic.figure.axes[0]
    assert ax._left_title.get_text() == "Joint Russian-Chinese exercises and patrols, 2017"
    assert not [t for t in ax.texts if t.get_text().startswith("First joint")]


def test_map_markers_merge_events_at_one_place():
    chart, _note = _map(years=(2005, 2023))
    patrols = _points(chart, "air patrol")
    # all seven air patrols share one position: one marker, sized for 7, labelled "x7"
    assert len(patrols.get_offsets()) == 1
    assert patrols.get_sizes()[0] == pytest.approx(40 + 35 * 6)
    counts = [t.get_text() for t in chart.figure.axes[0].texts if t.get_visible()]
    assert "x7" in counts
    baltic, _note = _map(region="Baltic Sea")
    assert "x7" not in [t.get_text() for t in baltic.figure.axes[0].texts if t.get_visible()]
    assert np.allclose(_points(baltic, "exercise").get_offsets(), [[19.5, 54.5]], atol=1)
    assert not _points(baltic, "air patrol").get_visible()


def test_no_events_chart_shows_the_message_and_view():
    chart = sec.no_events_chart("Nothing matches: widen a filter.", "map")
    ax = chart.figure.axes[0]
    assert ax._left_title.get_text() == "Schematic map: no joint events to show"
    assert [t.get_text() for t in ax.texts] == ["Nothing matches: widen a filter."]
    assert chart.description == "Nothing matches: widen a filter."


def test_a_single_year_is_named_once_in_title_and_summary():
    events = sec.filter_exercises(region="Baltic Sea")
    assert sorted(set(events["year"])) == [2017]
    chart, _ = sec.exercise_map_chart(events)
    assert chart.title == "Where the joint events took place, 2017 (schematic)"
    assert sec.exercise_summary(events).endswith("in 1 region, 2017.")
    assert sec.year_span(2005, 2020) == "2005-2020"
