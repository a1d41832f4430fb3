"""Fast widget redraws: draw a chart's static part once, then redraw only what changes.

Why this module exists
----------------------
A widget that rebuilds its whole matplotlib figure on every slider move spends most of the
time on parts that never change (axes, ticks, title, source line, legend) and leaves about
ten thousand objects per figure for the garbage collector, whose periodic sweeps showed up as
150-300 ms stalls. The budget is 100 ms per change (kernel side, 95th percentile), so charts
behind widgets are split in two:

* a **layout**: the figure with everything that stays the same for a given set of "layout
  keys" (e.g. the scale, or which axis ranges are shown), drawn once and kept as a pixel
  background;
* named **animated artists** (bars, lines, value labels, a legend...) whose data, text and
  visibility the chart function sets on every call. :meth:`BlitLayout.render` restores the
  background, draws those artists on top and encodes the PNG. This is "blitting", the
  technique of matplotlib's animation module.

Layouts are few per chart and cached in a :class:`LayoutCache`. The result of a render is a
:class:`RenderedChart`: a :class:`~utils.plotting.style.Chart` that carries its finished PNG.
Its ``figure`` is the shared layout figure, so callers must not modify it.

Rules for chart functions built on this module (they keep renders exact):

* Everything that changes between calls with the same layout key is an animated artist;
  everything else is static. Animated artists are drawn in ``order`` (or by z-order), after
  the whole static part.
* A chart function sets *every* property it varies on *every* call (data, text, colour,
  visibility), so a render never depends on the previous one. Tests check this by comparing
  a render reached after other settings with the same render from a freshly built layout.
* The layout's margins are computed once (by :class:`~utils.plotting.style.HouseLayout`), so
  animated text must fit the space the static layout leaves for it.

Example
-------
>>> from utils.plotting.style import new_chart
>>> def build(scale):
...     fig, ax = new_chart("Demo", "", "", source="example", scale=scale)
...     ax.set_xlim(0, 2); ax.set_ylim(0, 2)
...     (line,) = ax.plot([], [])
...     return BlitLayout(fig, {"line": line})
>>> layouts = LayoutCache(build, size=2)
>>> layout = layouts.get(1.0)
>>> layout["line"].set_data([0, 1, 2], [0, 2, 1])
>>> layout.chart("A line up to 2 and back to 1.").to_png()[:4] == b"\\x89PNG"
True
"""

from __future__ import annotations

import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field

from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from utils.plotting.style import DPI, Chart, HouseLayout, _encode_png, _HouseCanvas

__all__ = ["BlitLayout", "LayoutCache", "RenderedChart", "clear_layouts"]


@dataclass(frozen=True)
class RenderedChart(Chart):
    """A :class:`Chart` whose PNG was rendered when it was made (by blitting).

    ``to_png`` returns those bytes (identical input gives identical bytes). ``figure`` is the
    cached layout figure the image was drawn on; it is shared between charts, so do not change
    it, and do not redraw it with ``savefig`` (its animated artists would be left out).
    ``layout`` is the :class:`BlitLayout` that drew it, if known (tests use it to redraw the
    same state on a plain matplotlib canvas).
    """

    png: bytes = b""
    layout: BlitLayout | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        super().__post_init__()
        if not isinstance(self.png, bytes) or not self.png.startswith(b"\x89PNG"):
            raise ValueError("png must hold the bytes of a PNG image")

    def to_png(self, dpi: int = DPI) -> bytes:
        if dpi != DPI:
            raise ValueError(f"a RenderedChart exists at dpi={DPI} only, got dpi={dpi}")
        return self.png


class BlitLayout:
    """One figure with its static part drawn and stored, plus the artists drawn per render.

    ``artists`` maps names to artists of ``figure`` (lines, patches, texts, a legend, an
    ``Axis``...); each is marked animated, so the figure's own draw leaves it out. ``order``
    fixes the drawing order of the animated artists (default: by z-order, then name order).
    The house layout engine, if the figure has one, runs once here and is then detached:
    margins stay fixed for the life of the layout.
    """

    def __init__(
        self,
        figure: Figure,
        artists: Mapping[str, Artist],
        order: Sequence[str] | None = None,
    ) -> None:
        if not isinstance(figure, Figure):
            raise TypeError(f"figure must be a matplotlib Figure, got {type(figure).__name__}")
        if not isinstance(artists, Mapping) or not artists:
            raise ValueError("artists must be a non-empty mapping name -> artist")
        for name, artist in artists.items():
            if not isinstance(artist, Artist):
                raise TypeError(f"artist {name!r} is a {type(artist).__name__}, not an Artist")
        self.figure = figure
        self.artists: dict[str, Artist] = dict(artists)
        if order is None:
            names = list(self.artists)
            order = sorted(names, key=lambda n: (self.artists[n].get_zorder(), names.index(n)))
        unknown = [name for name in order if name not in self.artists]
        if unknown:
            raise ValueError(f"order names unknown artists {unknown}; known: {list(artists)}")
        self.order: tuple[str, ...] = tuple(order)
        for artist in self.artists.values():
            artist.set_animated(True)
        if not isinstance(figure.canvas, FigureCanvasAgg):
            _HouseCanvas(figure)
        engine = figure.get_layout_engine()
        if isinstance(engine, HouseLayout):
            engine.execute(figure)
            figure._layout_engine = None  # margins are fixed from now on
        figure.canvas.draw()  # animated artists are left out of this draw
        self.background = figure.canvas.copy_from_bbox(figure.bbox)

    def __getitem__(self, name: str) -> Artist:
        return self.artists[name]

    def alive(self) -> bool:
        """False once someone cleared the figure (the layout must then be rebuilt)."""
        return bool(self.figure.axes)

    def render(self) -> bytes:
        """PNG bytes: the stored background with every visible animated artist drawn on top."""
        canvas = self.figure.canvas
        canvas.restore_region(self.background)
        renderer = canvas.get_renderer()
        for name in self.order:
            artist = self.artists[name]
            if artist.get_visible():
                artist.draw(renderer)
        return _encode_png(canvas)

    def chart(self, description: str, title: str = "") -> RenderedChart:
        """Render now and wrap the PNG with its one-sentence description (the alt text)."""
        return RenderedChart(self.figure, description, title, png=self.render(), layout=self)


_CACHES: weakref.WeakSet[LayoutCache] = weakref.WeakSet()


class LayoutCache:
    """A small least-recently-used cache of layouts, built on demand by ``build(*key)``.

    A layout whose figure was cleared by someone is rebuilt. Every cache registers itself so
    that :func:`clear_layouts` (used by tests) can empty them all.
    """

    def __init__(self, build: Callable[..., BlitLayout], size: int = 4) -> None:
        if not callable(build):
            raise TypeError(f"build must be callable, got {type(build).__name__}")
        if isinstance(size, bool) or not isinstance(size, int) or size < 1:
            raise ValueError(f"size must be a positive int, got {size!r}")
        self.build = build
        self.size = size
        self._items: OrderedDict[tuple, BlitLayout] = OrderedDict()
        _CACHES.add(self)

    def get(self, *key: Hashable) -> BlitLayout:
        """The layout for ``key`` (built if missing), marked as most recently used."""
        layout = self._items.get(key)
        if layout is None or not layout.alive():
            layout = self.build(*key)
            if not isinstance(layout, BlitLayout):
                raise TypeError(f"build must return a BlitLayout, got {type(layout).__name__}")
            self._items[key] = layout
        self._items.move_to_end(key)
        while len(self._items) > self.size:
            self._items.popitem(last=False)
        return layout

    def __len__(self) -> int:
        return len(self._items)

    def clear(self) -> None:
        self._items.clear()


def clear_layouts() -> None:
    """Forget every cached layout of every chart (tests compare cached and fresh renders)."""
    for cache in list(_CACHES):
        cache.clear()
