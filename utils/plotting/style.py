"""House chart style: one palette, one figure factory, one :class:`Chart` type.

Why this module exists
----------------------
Every lesson draws charts, and a class compares charts across lessons. If China is orange in
one notebook and blue in the next, students waste attention on decoding colours; if a chart has
no source line, it cannot be checked. So the rules live here, once:

* **Colour-blind-safe colours only.** :data:`PALETTE` is the eight-colour set proposed by
  Okabe, M. & Ito, K. (2008), *Color Universal Design (CUD): How to make figures and
  presentations that are friendly to colorblind people*, J*FLY,
  https://jfly.uni-koeln.de/color/ . About one man in twelve has a colour-vision deficiency, so
  the default matplotlib colours (which pair red with green) are not used.
* **One colour per actor.** :data:`ACTOR_COLORS` fixes the colour of each country code
  (China, Russia, the EU, ...) for every lesson.
* **No global state.** Figures are made with :class:`matplotlib.figure.Figure` and drawn with the
  Agg canvas, never through ``pyplot``: nothing is registered globally, nothing needs closing,
  and the same code works in JupyterLab, in Voilà and in tests without a display.
* **Readable from the back of a room.** Title 14 pt, axis labels 12 pt, ticks 11 pt; all scale
  with ``scale`` (e.g. ``scale=1.4`` for presenter mode).
* **Sourced.** :func:`new_chart` refuses an empty ``source``: every figure carries its
  "Source: ..." line.
* **Described.** A :class:`Chart` carries a one-sentence ``description`` that is the alt text,
  the caption and the ``text/plain`` output that notebook regression tests (nbval) compare, so
  tests compare a stable sentence rather than pixels.

Example
-------
>>> fig, ax = new_chart("Title", "Year", "USD bn", source="IMF, IMTS (2025)")
>>> _ = ax.plot([2019, 2020], [1.0, 2.0])
>>> chart = Chart(fig, description="A line rising from 1 to 2.", title="Title")
>>> chart.to_png()[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
True
"""

from __future__ import annotations

import base64
import math
import struct
import textwrap
import threading
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np
from matplotlib import colors as mcolors
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.layout_engine import LayoutEngine

__all__ = [
    "ACTOR_COLORS",
    "ALLOWED_COLORS",
    "DARK_GREY",
    "DPI",
    "GREY",
    "LIGHT_GREY",
    "MARKERS",
    "PALETTE",
    "SERIES_COLORS",
    "WHITE",
    "Chart",
    "HouseLayout",
    "actor_color",
    "font_sizes",
    "legend",
    "new_chart",
    "palette_colors_in",
    "resolve_color",
    "series_colors",
    "show",
    "source_text",
    "source_artist",
    "style_axes",
    "title_artist",
    "to_hex",
    "wrap_source",
    "wrap_title",
]

#: Okabe & Ito (2008) colour-blind-safe colours, in their published order (name -> hex).
PALETTE: Mapping[str, str] = MappingProxyType(
    {
        "black": "#000000",
        "orange": "#E69F00",
        "sky_blue": "#56B4E9",
        "bluish_green": "#009E73",
        "yellow": "#F0E442",
        "blue": "#0072B2",
        "vermillion": "#D55E00",
        "reddish_purple": "#CC79A7",
    }
)

#: Neutral grey for context lines (world totals, thresholds, projection seams, spines).
GREY = "#8C8C8C"
#: Text colour: softer than pure black on a projector, still high contrast (12.6:1 on white).
DARK_GREY = "#333333"
#: Grid lines and projection bands.
LIGHT_GREY = "#DDDDDD"
WHITE = "#FFFFFF"

#: Every colour a house chart may contain: the palette plus the neutrals above.
ALLOWED_COLORS: frozenset[str] = frozenset(PALETTE.values()) | {GREY, DARK_GREY, LIGHT_GREY, WHITE}

#: One fixed colour per actor code, so a country looks the same in every lesson.
#: China and the EU (Russia's two big trade partners) get the most contrasting pair.
ACTOR_COLORS: Mapping[str, str] = MappingProxyType(
    {
        "CHN": PALETTE["vermillion"],
        "EU": PALETTE["sky_blue"],
        "USA": PALETTE["bluish_green"],
        "DEU": PALETTE["reddish_purple"],
        "RUS": PALETTE["blue"],
        "ROW": PALETTE["orange"],
        "WLD": PALETTE["black"],
        "OTHER": GREY,
    }
)

#: Order used for series that are not actors. Yellow is last: it is hard to see as a thin line
#: on white, so it is only used when seven other colours are already taken.
SERIES_COLORS: tuple[str, ...] = (
    PALETTE["blue"],
    PALETTE["vermillion"],
    PALETTE["bluish_green"],
    PALETTE["orange"],
    PALETTE["reddish_purple"],
    PALETTE["sky_blue"],
    PALETTE["black"],
    PALETTE["yellow"],
)

#: Marker shapes, one per series, so lines differ by shape as well as colour (redundant coding
#: for readers who see no colour at all, or a greyscale printout).
MARKERS: tuple[str, ...] = ("o", "s", "^", "D", "v", "P", "X", "*")

#: Resolution of every PNG: 100 dpi gives an 800x450 px image for the default 8x4.5 in size.
DPI = 100
#: zlib compression level of PNGs (see :meth:`Chart.to_png`).
PNG_COMPRESS_LEVEL = 1

#: Most major tick intervals per axis (see :func:`style_axes`).
_MAX_TICK_INTERVALS = 6

_BASE_SIZES = {"title": 14.0, "label": 12.0, "tick": 11.0, "legend": 11.0, "source": 9.5}


def to_hex(color: object) -> str:
    """Return ``color`` (any matplotlib colour spec) as an upper-case ``#RRGGBB`` string.

    >>> to_hex("white"), to_hex((0.0, 0.447, 0.698))
    ('#FFFFFF', '#0072B2')
    """
    try:
        return mcolors.to_hex(color, keep_alpha=False).upper()
    except ValueError as exc:
        raise ValueError(f"color {color!r} is not a colour matplotlib understands") from exc


def resolve_color(color: str) -> str:
    """Turn a palette name (``"orange"``), actor code (``"CHN"``) or hex into a house hex colour.

    Raises ``ValueError`` for any colour outside :data:`ALLOWED_COLORS`, because an off-palette
    colour is exactly what this module exists to prevent.

    >>> resolve_color("orange"), resolve_color("CHN"), resolve_color("#0072b2")
    ('#E69F00', '#D55E00', '#0072B2')
    """
    if not isinstance(color, str):
        raise TypeError(f"color must be a str (palette name, actor code or hex), got {color!r}")
    if color in PALETTE:
        return PALETTE[color]
    if color in ACTOR_COLORS:
        return ACTOR_COLORS[color]
    if color in ("grey", "gray"):
        return GREY
    hex_color = to_hex(color)
    if hex_color not in ALLOWED_COLORS:
        raise ValueError(
            f"color {color!r} is not in the house palette; use one of {sorted(PALETTE)}, "
            f"an actor code from {sorted(ACTOR_COLORS)}, 'grey', or a hex from ALLOWED_COLORS"
        )
    return hex_color


def actor_color(code: str) -> str:
    """Fixed colour of an actor code (``"CHN"``, ``"EU"``, ...).

    >>> actor_color("CHN")
    '#D55E00'
    """
    if code not in ACTOR_COLORS:
        raise ValueError(f"actor code {code!r} has no house colour; known: {sorted(ACTOR_COLORS)}")
    return ACTOR_COLORS[code]


def series_colors(names: Iterable[object], colors: Mapping[object, str] | None = None) -> dict:
    """Assign a house colour to each series name, deterministically.

    Explicit ``colors`` win; then actor codes get their fixed colour; every other name takes the
    next colour of :data:`SERIES_COLORS` not already used in this chart (cycling if there are
    more than eight series).

    >>> series_colors(["CHN", "exports", "imports"])
    {'CHN': '#D55E00', 'exports': '#0072B2', 'imports': '#009E73'}
    """
    names = list(names)
    colors = dict(colors or {})
    unknown = [k for k in colors if k not in names]
    if unknown:
        raise ValueError(f"colors has keys {unknown} that are not series; series are {names}")
    out: dict = {}
    for name in names:
        if name in colors:
            out[name] = resolve_color(colors[name])
        elif isinstance(name, str) and name in ACTOR_COLORS:
            out[name] = ACTOR_COLORS[name]
    free = [c for c in SERIES_COLORS if c not in out.values()] or list(SERIES_COLORS)
    i = 0
    for name in names:
        if name not in out:
            out[name] = free[i % len(free)]
            i += 1
    return {name: out[name] for name in names}


def _check_text(name: str, value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, got {type(value).__name__}")
    if not value.strip():
        raise ValueError(f"{name} must be a non-empty string")
    return value.strip()


def _check_scale(scale: object) -> float:
    if isinstance(scale, bool) or not isinstance(scale, int | float) or not 0.5 <= scale <= 3:
        raise ValueError(f"scale must be a number between 0.5 and 3, got {scale!r}")
    return float(scale)


def font_sizes(scale: float = 1.0) -> dict[str, float]:
    """Font sizes in points for ``scale`` (title 14, labels 12, ticks 11 at scale 1).

    >>> font_sizes(1.5)["title"]
    21.0
    """
    scale = _check_scale(scale)
    return {k: v * scale for k, v in _BASE_SIZES.items()}


def source_text(source: str) -> str:
    """Normalise a source line to start with ``"Source: "`` exactly once.

    Accepts both ``"IMF, IMTS (2025)"`` and the output of ``utils.data.source_line``, which
    already starts with ``"Source:"`` (or ``"Sources:"``).

    >>> source_text("IMF, IMTS (2025)"), source_text("Source: IMF, IMTS (2025).")
    ('Source: IMF, IMTS (2025)', 'Source: IMF, IMTS (2025).')
    """
    source = _check_text("source", source)
    if source.lower().startswith(("source:", "sources:")):
        return source
    return f"Source: {source}"


def style_axes(ax: Axes, scale: float = 1.0) -> None:
    """Apply the house look to an existing ``Axes`` (used by :func:`new_chart`).

    Light horizontal grid behind the data, no top/right spines, grey left/bottom spines,
    readable tick labels and the palette as the default colour cycle, so even a raw
    ``ax.plot`` stays on-palette.
    """
    sizes = font_sizes(scale)
    ax.set_facecolor(WHITE)
    ax.set_axisbelow(True)
    ax.grid(True, axis="y", color=LIGHT_GREY, linewidth=0.8 * scale)
    ax.grid(False, axis="x")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(GREY)
        ax.spines[side].set_linewidth(0.8 * scale)
    # One call (each call restyles every existing tick): grey marks, dark-grey labels.
    ax.tick_params(labelsize=sizes["tick"], color=GREY, labelcolor=DARK_GREY, width=0.8 * scale)
    # At most 6 intervals per axis: every tick costs a few ms per redraw (matplotlib builds
    # two marks, a grid line and two labels for it, then measures and draws the label), and
    # six are enough to read a value off. Changing the default locator in place, rather than
    # setting a new one, keeps category and date axes working: they replace only a default.
    for axis in (ax.xaxis, ax.yaxis):
        axis.get_major_locator().set_params(nbins=_MAX_TICK_INTERVALS)
    ax.set_prop_cycle(color=list(SERIES_COLORS))


class _HouseRenderer(RendererAgg):
    """Agg renderer that remembers how each string is laid out into glyphs.

    Why: since matplotlib 3.11 Agg shapes every string with ``FT2Font._layout`` (about 0.5 ms
    a string) and then renders it glyph by glyph in Python, recomputing the same rotation
    matrix for every glyph. A widget redraw draws the same tick labels, title and source
    line again and again, so the glyph layout is cached per (string, font, size, dpi,
    hinting) and the matrix is computed once per string. The calls to FreeType are the same
    as matplotlib's, so the pixels are identical. On other matplotlib versions (no
    ``_layout``), or for mathtext, matplotlib's own ``draw_text`` is used.
    """

    _MAX_LAYOUTS = 4096
    _MAX_GLYPHS = 16384

    def __init__(self, width, height, dpi) -> None:
        super().__init__(width, height, dpi)
        self._layouts: dict[tuple, tuple] = {}
        # The font object is kept in the value so that its id() in the key stays unique.
        self._glyphs: dict[tuple, tuple] = {}

    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
        if ismath or not hasattr(RendererAgg, "_draw_text_glyphs_and_boxes"):
            return super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
        from matplotlib.backends.backend_agg import get_hinting_flag
        from matplotlib.ft2font import RenderMode

        flags = get_hinting_flag()
        features = mtext.get_fontfeatures() if mtext is not None else None
        language = mtext.get_language() if mtext is not None else None
        features_key = tuple(features) if isinstance(features, list | tuple) else features
        key = (s, prop.copy(), features_key, language, self.dpi, flags)
        glyphs = self._layouts.get(key)
        if glyphs is None:
            font = self._prepare_font(prop)
            if not hasattr(font, "_layout"):  # pragma: no cover - matplotlib < 3.11
                return super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
            items = font._layout(s, flags=flags, features=features, language=language)
            glyphs = tuple((i.ft_object, i.glyph_index, i.x, i.y) for i in items)
            if len(self._layouts) >= self._MAX_LAYOUTS:
                self._layouts.clear()
            self._layouts[key] = glyphs
        # Same FreeType calls as RendererAgg._draw_text_glyphs_and_boxes (upright, unslanted
        # glyphs), with the matrix and the render mode worked out once per string.
        size = prop.get_size_in_points()
        cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        matrix = (0x10000 * np.array([[cos, -sin], [sin, cos]]) @ [[1, 0], [0, 1]]).round()
        matrix = matrix.astype(int)
        mode = RenderMode.NORMAL if gc.get_antialiased() else RenderMode.MONO
        matrix_key = tuple(matrix.ravel().tolist())
        for font, glyph_index, dx, dy in glyphs:
            pos_x = round(0x40 * (x + dx * cos - dy * sin))
            pos_y = round(0x40 * (self.height - y + dx * sin + dy * cos))
            # A glyph's bitmap depends only on the sub-pixel part of its position (26.6 fixed
            # point): cache it per fractional offset and shift by whole pixels, which FreeType
            # renders identically. Redraws reuse nearly every glyph.
            glyph_key = (id(font), glyph_index, size, self.dpi, flags, mode, matrix_key,
                         pos_x & 0x3F, pos_y & 0x3F)  # fmt: skip
            cached = self._glyphs.get(glyph_key)
            if cached is None:
                font.set_size(size, self.dpi)
                font._set_transform(matrix, [pos_x, pos_y])
                bitmap = font._render_glyph(glyph_index, flags, mode)
                buffer = np.array(bitmap.buffer, copy=True)
                if mode is RenderMode.MONO:
                    buffer *= 0xFF
                cached = (buffer, bitmap.left - (pos_x >> 6), bitmap.top - (pos_y >> 6), font)
                if len(self._glyphs) >= self._MAX_GLYPHS:
                    self._glyphs.clear()
                self._glyphs[glyph_key] = cached
            buffer, left, top, _font = cached
            left += pos_x >> 6
            top += pos_y >> 6
            self._renderer.draw_text_image(
                buffer, left, int(self.height) - top + buffer.shape[0], 0, gc
            )
        return None


_RENDERERS = threading.local()
#: Renderers kept per thread; each is one pixel buffer of one figure size (a few MB).
_MAX_RENDERERS = 4


class _HouseCanvas(FigureCanvasAgg):
    """Agg canvas that borrows a renderer shared by every house figure of the same size.

    Why: matplotlib caches text measurements per renderer, and a plain canvas makes a new
    renderer for every new figure, so each widget redraw re-measured every tick label, title
    and source line with FreeType from scratch. Sharing one renderer per (width, height, dpi)
    and thread keeps that cache warm across redraws and skips allocating a new pixel buffer.
    The pixels on a shared renderer belong to whichever figure drew last, which is safe here
    because :meth:`Chart.to_png` (and ``savefig``) read them right after drawing, in the same
    thread.
    """

    def get_renderer(self):
        width, height = self.figure.bbox.size
        key = (width, height, self.figure.dpi)
        pool = getattr(_RENDERERS, "pool", None)
        if pool is None:
            pool = _RENDERERS.pool = {}
        renderer = pool.get(key)
        if renderer is None:
            if len(pool) >= _MAX_RENDERERS:
                pool.pop(next(iter(pool)))  # forget the oldest size
            renderer = pool[key] = _HouseRenderer(width, height, self.figure.dpi)
        self.renderer, self._lastKey = renderer, key
        return renderer


def wrap_title(title: str, width: float) -> str:
    """``title`` wrapped at roughly the width of a ``width``-inch house chart (scale 1).

    DejaVu Sans averages ~0.6 em per character; blitted charts that change their title in
    place use this too, so they wrap exactly where :func:`new_chart` would.

    >>> wrap_title("A short title", 8)
    'A short title'
    """
    return textwrap.fill(title, width=max(20, int(width * 72 / (_BASE_SIZES["title"] * 0.62))))


def wrap_source(source: str, width: float) -> str:
    """``source`` wrapped like the source line of a ``width``-inch house chart (scale 1)."""
    return textwrap.fill(source, width=max(40, int(width * 72 / (_BASE_SIZES["source"] * 0.55))))


def new_chart(
    title: str,
    xlabel: str,
    ylabel: str,
    source: str,
    size: tuple[float, float] = (8, 4.5),
    *,
    scale: float = 1.0,
) -> tuple[Figure, Axes]:
    """Create an empty house-style figure with one axes, a title, labels and a source line.

    Uses :class:`matplotlib.figure.Figure` with an Agg canvas (no ``pyplot``), so no figure is
    registered globally and nothing leaks between cells or widget redraws. ``scale`` enlarges
    both the figure and every font (``1.4`` suits presenter mode). The source line sits at the
    bottom left and is mandatory: an empty ``source`` raises ``ValueError``.

    ``xlabel``/``ylabel`` may be empty strings (e.g. years need no "Year" label).

    >>> fig, ax = new_chart("Russia's imports", "", "USD bn", source="IMF, IMTS (2025)")
    >>> [t.get_text() for t in fig.texts]
    ['Source: IMF, IMTS (2025)']
    >>> new_chart("t", "x", "y", source=" ")
    Traceback (most recent call last):
    ...
    ValueError: source must be a non-empty string
    """
    title = _check_text("title", title)
    source = source_text(source)
    for name, value in (("xlabel", xlabel), ("ylabel", ylabel)):
        if not isinstance(value, str):
            raise TypeError(f"{name} must be a str (may be empty), got {type(value).__name__}")
    scale = _check_scale(scale)
    try:
        width, height = (float(v) for v in size)
    except (TypeError, ValueError):
        raise TypeError(f"size must be a (width, height) pair in inches, got {size!r}") from None
    if not (2 <= width <= 30 and 2 <= height <= 30):
        raise ValueError(f"size must be between 2 and 30 inches on each side, got {size!r}")
    sizes = font_sizes(scale)

    fig = Figure(figsize=(width * scale, height * scale), dpi=DPI, facecolor=WHITE)
    _HouseCanvas(fig)
    fig.set_layout_engine(HouseLayout())
    ax = fig.add_subplot()
    style_axes(ax, scale)
    title = wrap_title(title, width)
    wrapped = wrap_source(source, width)
    # y=1.0 fixes the title just above the axes (plus ``pad``), where matplotlib would put it
    # anyway when the x ticks are at the bottom; a fixed position spares the per-draw search
    # for ticks on top, which measured every y tick label again (~10 ms per redraw).
    ax.set_title(
        title,
        loc="left",
        y=1.0,
        fontsize=sizes["title"],
        fontweight="bold",
        color=DARK_GREY,
        pad=10,
    )
    ax.set_xlabel(xlabel, fontsize=sizes["label"], color=DARK_GREY)
    ax.set_ylabel(ylabel, fontsize=sizes["label"], color=DARK_GREY)
    fig.text(
        0.01,
        0.012,
        wrapped,
        ha="left",
        va="bottom",
        fontsize=sizes["source"],
        color=DARK_GREY,
        gid="source",
    )
    return fig, ax


def title_artist(ax: Axes):
    """The ``Text`` of a house chart's title (for charts that change it in place).

    :func:`new_chart` sets a left-aligned title, and matplotlib keeps a left title in its own
    artist, ``Axes._left_title``: a private but long-standing name (also used by
    :class:`HouseLayout`), so it is read in this one place.
    """
    return ax._left_title


def source_artist(fig: Figure):
    """The ``Text`` of a house chart's source line (the figure text with gid ``source``)."""
    return next(t for t in fig.texts if t.get_gid() == "source")


def _text_width(renderer, text: str, prop: FontProperties, dpi: float) -> float:
    """Width in pixels of one line of plain text, using matplotlib's metrics cache if present."""
    try:  # private but long-standing (3.5+); it memoises FreeType layouts across redraws
        from matplotlib.text import _get_text_metrics_with_cache

        return _get_text_metrics_with_cache(renderer, text, prop, False, dpi)[0]
    except (ImportError, TypeError):  # pragma: no cover - fallback for other versions
        return renderer.get_text_width_height_descent(text, prop, ismath=False)[0]


class HouseLayout(LayoutEngine):
    """Fit the margins of a one-axes house chart around its text, at draw time.

    Why not ``constrained`` layout: it computes tight bounding boxes with a full extra layout
    pass, which roughly doubled the time to draw a chart (about 170 ms instead of 95 ms here).
    This engine measures only the strings that sit outside the axes (tick labels, axis labels,
    title, source line, an outside legend) with the renderer's font metrics and calls
    ``subplots_adjust``; it costs a few milliseconds and is re-run on every draw, so charts
    that authors extend after :func:`new_chart` still fit. Figures with several axes are left
    as they are.
    """

    _adjust_compatible = True
    _colorbar_gridspec = True

    def execute(self, fig: Figure) -> None:
        axes = [a for a in fig.axes if a.get_visible()]
        if len(axes) != 1:
            return
        ax = axes[0]
        renderer = fig.canvas.get_renderer()
        px_per_pt = fig.dpi / 72.0
        fig_w, fig_h = fig.get_size_inches() * fig.dpi

        def extent(text: str, size: float, weight: str = "normal") -> tuple[float, float]:
            lines = text.split("\n") if text else []
            if not lines:
                return 0.0, 0.0
            prop = FontProperties(size=size, weight=weight)
            width = max(_text_width(renderer, line, prop, fig.dpi) for line in lines)
            return width, len(lines) * size * 1.25 * px_per_pt

        def tick_extent(axis) -> tuple[float, float, float]:
            """Widest and tallest visible tick label, and the tick length + label pad (px)."""
            ticks = axis.get_major_ticks()
            if not ticks or not ticks[0].label1.get_visible():
                return 0.0, 0.0, 0.0
            locs = list(axis.get_majorticklocs())
            labels = axis.get_major_formatter().format_ticks(locs)
            lo, hi = sorted(axis.get_view_interval())
            tol = 1e-9 * max(abs(hi - lo), 1)
            shown = [
                label
                for loc, label in zip(locs, labels, strict=False)
                if lo - tol <= loc <= hi + tol
            ]
            first = ticks[0]
            sizes = [extent(label, first.label1.get_fontsize()) for label in shown]
            width = max((w for w, _ in sizes), default=0.0)
            height = max((h for _, h in sizes), default=0.0)
            return width, height, (first.get_tick_padding() + first.get_pad()) * px_per_pt

        pad = 6 * px_per_pt
        # left: y tick labels + y label
        ytick_w, _, ytick_pad = tick_extent(ax.yaxis)
        ylabel = ax.yaxis.label
        _, ylabel_h = extent(ylabel.get_text(), ylabel.get_fontsize())
        left = pad + ylabel_h + (4 * px_per_pt if ylabel_h else 0) + ytick_w + ytick_pad
        # bottom: source line + x label + x tick labels (possibly rotated)
        source_h = sum(
            extent(t.get_text(), t.get_fontsize())[1] + 0.012 * fig_h
            for t in fig.texts
            if t.get_gid() == "source"
        )
        xticks = ax.xaxis.get_major_ticks()
        rotation = xticks[0].label1.get_rotation() if xticks else 0.0
        xtick_w, xtick_h, xtick_pad = tick_extent(ax.xaxis)
        if rotation % 180:
            angle = math.radians(rotation % 180)
            xtick_h = xtick_w * abs(math.sin(angle)) + xtick_h * abs(math.cos(angle))
        xlabel = ax.xaxis.label
        _, xlabel_h = extent(xlabel.get_text(), xlabel.get_fontsize())
        bottom = source_h + pad + xlabel_h + (4 * px_per_pt if xlabel_h else 0)
        bottom += xtick_h + xtick_pad
        # top: title (left, centre or right) above the axes
        title_h = max(
            extent(t.get_text(), t.get_fontsize(), t.get_fontweight())[1]
            for t in (ax.title, ax._left_title, ax._right_title)
        )
        top = pad + title_h + (10 * px_per_pt if title_h else 0)
        # right: an outside legend (anchored at x >= 1) or a little air
        right = 12 * px_per_pt
        leg = ax.get_legend()
        if leg is not None and leg.get_visible():
            anchor = leg.get_bbox_to_anchor().transformed(ax.transAxes.inverted())
            if anchor.x0 >= 0.99:
                right = pad + leg.get_window_extent(renderer).width + 8 * px_per_pt
        left_f = min(left / fig_w, 0.45)
        right_f = max(1 - right / fig_w, left_f + 0.2)
        bottom_f = min(bottom / fig_h, 0.5)
        top_f = max(1 - top / fig_h, bottom_f + 0.2)
        fig.subplots_adjust(left=left_f, right=right_f, bottom=bottom_f, top=top_f)


def legend(ax: Axes, scale: float = 1.0, **kwargs) -> None:
    """Draw a frameless house legend to the right of the axes, outside the data.

    Outside placement never hides data, and :class:`HouseLayout` makes room for it. Pass
    matplotlib ``legend`` keyword arguments to override (e.g. ``loc="lower right"`` with
    ``bbox_to_anchor=None`` to put it inside).
    """
    handles, labels = ax.get_legend_handles_labels()
    if not handles:
        return
    options = {
        "frameon": False,
        "fontsize": font_sizes(scale)["legend"],
        "labelcolor": DARK_GREY,
        "loc": "upper left",
        "bbox_to_anchor": (1.01, 1.0),
        "borderaxespad": 0.0,
    }
    options.update(kwargs)
    ax.legend(handles, labels, **options)


def _png_chunk(tag: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body))


def _encode_png(canvas: FigureCanvasAgg) -> bytes:
    """PNG bytes of what is on the Agg canvas now: 8-bit RGB(A), no metadata, deterministic.

    Written by hand (a PNG is a header, the zlib-compressed rows and an end marker) because
    Pillow, via ``savefig``, tries five row filters on every row and keeps the alpha channel:
    that took ~20 ms of each redraw. House figures are opaque (white face), so the alpha
    channel is dropped when every pixel is opaque (a quarter less data), and rows are stored
    unfiltered at zlib level :data:`PNG_COMPRESS_LEVEL`; charts are mostly flat colour and
    compress about as well (~35 kB for an 800x450 line chart) in a fraction of the time.
    """
    # Take the size from the buffer itself: for 4.6 in at 100 dpi (459.99999999999994 px)
    # Agg truncates to 459 rows, whereas ``get_width_height`` rounds to 460.
    rgba = np.asarray(canvas.buffer_rgba())
    height, width = rgba.shape[:2]
    opaque = int(rgba[..., 3].min()) == 255
    channels = 3 if opaque else 4
    rows = np.empty((height, 1 + channels * width), dtype=np.uint8)
    rows[:, 0] = 0  # filter type "None" for every row
    pixels = rows[:, 1:].reshape(height, width, channels)
    for channel in range(channels):  # one channel at a time is ~6x faster than [..., :3]
        pixels[..., channel] = rgba[..., channel]
    color_type = 2 if opaque else 6  # truecolour, or truecolour with alpha
    header = struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0)
    return b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            _png_chunk(b"IHDR", header),
            _png_chunk(b"IDAT", zlib.compress(rows, PNG_COMPRESS_LEVEL)),
            _png_chunk(b"IEND", b""),
        )
    )


@dataclass(frozen=True)
class Chart:
    """A finished figure plus the sentence that describes it.

    ``description`` is one sentence stating what the chart shows (e.g. "China's share of
    Russia's imports rose from 18% in 2013 to 36% in 2021."). It is the alt text, the visible
    caption and the ``text/plain`` representation, so notebook regression tests compare this
    stable sentence, not pixels.

    >>> fig, ax = new_chart("T", "", "", source="test")
    >>> chart = Chart(fig, "An empty chart.", "T")
    >>> chart._repr_mimebundle_()["text/plain"]
    'An empty chart.'
    """

    figure: Figure
    description: str
    title: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.figure, Figure):
            raise TypeError(
                f"figure must be a matplotlib.figure.Figure, got {type(self.figure).__name__}"
            )
        if not isinstance(self.description, str) or not self.description.strip():
            raise ValueError("description must be a non-empty sentence (it is the alt text)")
        if not isinstance(self.title, str):
            raise TypeError(f"title must be a str, got {type(self.title).__name__}")

    def to_png(self, dpi: int = DPI) -> bytes:
        """PNG bytes of the figure; identical input gives identical bytes.

        The PNG carries no metadata at all (no ``Software`` tag with the matplotlib version),
        so the bytes depend only on the drawing. The figure is drawn once (see below) and
        encoded by :func:`_encode_png`.
        """
        if isinstance(dpi, bool) or not isinstance(dpi, int | float) or not 10 <= dpi <= 1000:
            raise ValueError(f"dpi must be a number between 10 and 1000, got {dpi!r}")
        fig = self.figure
        if not isinstance(fig.canvas, FigureCanvasAgg):
            _HouseCanvas(fig)
        # ``savefig`` would draw the figure twice when a layout engine is set (a silent layout
        # pass, then the real one). Our engine only needs font metrics, so run it once here and
        # detach it for the draw: one draw instead of two. (``set_layout_engine("none")`` would
        # leave a placeholder engine, so it is detached directly.)
        engine = fig.get_layout_engine()
        house = isinstance(engine, HouseLayout) and hasattr(fig, "_layout_engine")
        old_dpi = fig.dpi
        try:
            if dpi != old_dpi:
                fig.dpi = dpi
            if house:
                engine.execute(fig)
                fig._layout_engine = None
            fig.canvas.draw()
            return _encode_png(fig.canvas)
        finally:
            if house:
                fig._layout_engine = engine
            if fig.dpi != old_dpi:
                fig.dpi = old_dpi

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict[str, str]:
        """PNG for the eye, the description for ``text/plain`` (what nbval compares)."""
        png = base64.b64encode(self.to_png()).decode("ascii")
        return {"image/png": png, "text/plain": self.description}

    def caption(self) -> str:
        """The visible caption as Markdown: ``*Figure: <description>*``."""
        return f"*Figure: {self.description}*"

    def _ipython_display_(self) -> None:
        show(self)


def show(chart: Chart) -> None:
    """Display ``chart`` followed by its italic caption "Figure: <description>".

    Emits two outputs: the image bundle (``image/png`` + ``text/plain`` description) and a
    Markdown caption. Both have stable text, so nbval comparisons do not depend on pixels.
    Nothing global is closed or changed. A bare ``chart`` as the last line of a cell does the
    same thing.
    """
    from IPython.display import Markdown, display

    if not isinstance(chart, Chart):
        raise TypeError(f"show expects a Chart, got {type(chart).__name__}")
    display(chart._repr_mimebundle_(), raw=True)
    display(Markdown(chart.caption()))


def _artist_colors(artist) -> list:
    """Colours of one artist, skipping fully transparent ones."""
    from matplotlib.collections import Collection
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.text import Text

    found = []
    if isinstance(artist, Line2D):
        if artist.get_linestyle() not in ("None", "none", "", " ") and artist.get_linewidth() > 0:
            found.append(artist.get_color())
        if artist.get_marker() not in (None, "None", "none", "", " "):
            found.extend([artist.get_markerfacecolor(), artist.get_markeredgecolor()])
    elif isinstance(artist, Patch):
        found.append(artist.get_facecolor())
        if artist.get_linewidth() > 0:
            found.append(artist.get_edgecolor())
    elif isinstance(artist, Collection):
        found.extend(list(artist.get_facecolor()))
        if len(artist.get_linewidths()) and max(artist.get_linewidths()) > 0:
            found.extend(list(artist.get_edgecolor()))
    elif isinstance(artist, Text):
        if artist.get_text():
            found.append(artist.get_color())
    return found


def palette_colors_in(fig: Figure) -> set[str]:
    """Every visible colour used by lines, patches, collections and text in ``fig``.

    Returned as upper-case ``#RRGGBB``; a test asserts the result is a subset of
    :data:`ALLOWED_COLORS`. Fully transparent colours (alpha 0, e.g. ``"none"`` edges) and
    invisible artists are ignored.

    >>> fig, ax = new_chart("T", "", "", source="test")
    >>> _ = ax.plot([0, 1], [0, 1], color=PALETTE["orange"])
    >>> palette_colors_in(fig) <= ALLOWED_COLORS
    True
    """
    from matplotlib.artist import Artist

    if not isinstance(fig, Figure):
        raise TypeError(f"fig must be a matplotlib Figure, got {type(fig).__name__}")
    found: set[str] = set()
    for artist in fig.findobj(match=Artist):
        if not artist.get_visible():
            continue
        for color in _artist_colors(artist):
            rgba = mcolors.to_rgba(color)
            if rgba[3] == 0:
                continue
            found.add(to_hex(rgba))
    return found
