"""Accessibility of every lesson widget: house palette only, labelled controls, descriptions."""

from __future__ import annotations

import pytest
from blit_checks import plain_matplotlib_png

from utils.plotting import ALLOWED_COLORS, palette_colors_in
from utils.widgets.core import REGISTRY, discover_widgets

WIDGETS = discover_widgets()


def test_every_lesson_module_registers_widgets():
    lessons = {lesson for lesson, _ in WIDGETS}
    assert len(lessons) >= 12, f"only these lessons register widgets: {sorted(lessons)}"


@pytest.mark.parametrize("key", WIDGETS, ids=["/".join(k) for k in WIDGETS])
def test_widget_uses_only_the_house_palette_and_is_described(key):
    view = REGISTRY[key]()
    chart = view.last_chart
    assert chart is not None, "the widget shows no figure at its default settings"
    colours = palette_colors_in(chart.figure)
    off_palette = {c for c in colours if c.upper() not in {a.upper() for a in ALLOWED_COLORS}}
    assert not off_palette, f"colours outside the colour-blind-safe palette: {off_palette}"
    assert len(chart.description.split()) >= 5, "each figure needs a one-sentence description"
    assert chart.title, "each figure needs a title"
    for name, control in view.controls.items():
        label = str(control.description).strip()
        assert len(label) >= 3, f"control {name!r} needs a readable label"


@pytest.mark.parametrize("key", WIDGETS, ids=["/".join(k) for k in WIDGETS])
def test_fast_renderer_draws_exactly_what_matplotlib_draws(key):
    """The house renderer caches glyphs, and blitted charts reuse a stored background.

    Either way the pixels must be what plain matplotlib draws: the whole figure for an
    ordinary chart; for a blitted one, the static figure and then its animated artists.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from utils.plotting.blit import RenderedChart

    chart = REGISTRY[key]().last_chart
    if isinstance(chart, RenderedChart):
        assert plain_matplotlib_png(chart) == chart.png
        return
    cold, warm = chart.to_png(), chart.to_png()
    FigureCanvasAgg(chart.figure)  # a plain matplotlib canvas, no caches
    assert cold == warm == chart.to_png()
