"""Shared check for charts drawn by blitting (see :mod:`utils.plotting.blit`).

A blitted chart reuses one figure across calls, so a call could inherit something from the
previous one (a bar left visible, a label left with the old text). The check: every setting,
rendered after all the others, gives exactly the bytes it gives on a freshly built layout.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from utils.plotting.blit import RenderedChart, clear_layouts


def assert_renders_are_stateless(
    chart: Callable[..., object], settings: Sequence[Mapping[str, object]]
) -> None:
    """Render ``settings`` in order, then each again from scratch; the PNGs must be identical.

    ``chart(**setting)`` returns a :class:`RenderedChart` or a ``(RenderedChart, note)`` pair.
    Also asserts that at least two settings give different images, so the check cannot pass
    on a chart that ignores its input.
    """
    assert len(settings) >= 2, "give at least two settings"

    def png(setting):
        result = chart(**setting)
        result = result[0] if isinstance(result, tuple) else result
        assert isinstance(result, RenderedChart), type(result)
        return result.png

    clear_layouts()
    in_sequence = [png(s) for s in settings]
    fresh = []
    for setting in settings:
        clear_layouts()
        fresh.append(png(setting))
    for setting, a, b in zip(settings, in_sequence, fresh, strict=True):
        assert a == b, f"render of {dict(setting)} depends on what was drawn before it"
    assert len(set(in_sequence)) > 1, "every setting gave the same image"


def plain_matplotlib_png(chart: RenderedChart) -> bytes:
    """Redraw ``chart``'s state with plain matplotlib: the static figure, then its animated artists.

    A plain ``FigureCanvasAgg`` has none of the house renderer's caches, so comparing its PNG
    with ``chart.png`` checks both the glyph caches and the stored background. The layout is
    left on the plain canvas, so the caches are cleared afterwards.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from utils.plotting.style import _encode_png

    layout = chart.layout
    assert layout is not None, "blitted charts must come from BlitLayout.chart"
    canvas = FigureCanvasAgg(layout.figure)
    canvas.draw()
    for name in layout.order:
        if layout[name].get_visible():
            layout[name].draw(canvas.get_renderer())
    png = _encode_png(canvas)
    clear_layouts()
    return png
