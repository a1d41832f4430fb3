"""House chart style: colours, one figure factory and :class:`Chart` (a figure plus its sentence).

Why this module exists
----------------------
Students compare charts across twelve lessons. If China is vermillion in one and blue in the
next, they waste attention decoding colours; a chart with no source line cannot be checked; a
chart with no description is invisible to a screen reader and to the notebook tests. So the
rules live in two small places:

* ``utils/house.mplstyle``, a plain matplotlib style sheet (fonts, the Okabe-Ito colour cycle,
  no top/right spines, a light grid). Importing this module applies it, so a student's own
  ``ax.plot`` looks like the lesson's charts.
* this module: the palette with one fixed colour per actor, :func:`figure` (a titled, sourced
  figure) and :class:`Chart`.

Colours: Okabe, M. & Ito, K. (2008), *Color Universal Design (CUD): How to make figures and
presentations that are friendly to colorblind people*, https://jfly.uni-koeln.de/color/ .

Everything here is public matplotlib API. Figures are made with :class:`matplotlib.figure.Figure`
(not ``pyplot``), so nothing is registered globally and nothing needs closing.

"""

from __future__ import annotations

import base64
import io
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import matplotlib.style
import numpy as np
from matplotlib import colors as mcolors
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

#: The style sheet next to this file.
STYLE_SHEET = Path(__file__).with_name("house.mplstyle")
matplotlib.style.use(STYLE_SHEET)

#: Okabe & Ito (2008) colour-blind-safe colours (name -> hex), in their published order.
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
GREY = "#8C8C8C"  #: context lines (world totals, thresholds), spines
DARK_GREY = "#333333"  #: text: softer than black on a projector, 12.6:1 contrast on white
LIGHT_GREY = "#DDDDDD"  #: grid lines, shaded bands
WHITE = "#FFFFFF"
#: Every colour a house chart may contain (a test checks each chart against it).
ALLOWED_COLORS: frozenset[str] = frozenset(PALETTE.values()) | {GREY, DARK_GREY, LIGHT_GREY, WHITE}
#: One colour per actor in every lesson; China and the EU get the most contrasting pair.
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
#: Colour order for series that are not actors (the style sheet's cycle, yellow last).
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
#: One marker per series, so lines differ by shape too (greyscale print, colour-blind readers).
MARKERS: tuple[str, ...] = ("o", "s", "^", "D", "v", "P", "X", "*")
#: Title and source-line wrap widths in characters for the default 8.5 in wide figure.
TITLE_CHARS = 72
SOURCE_CHARS = 125


def to_hex(color: object) -> str:
    """``color`` (any matplotlib colour) as upper-case ``#RRGGBB``.

    >>> to_hex("white")
    '#FFFFFF'
    """
    try:
        return mcolors.to_hex(color, keep_alpha=False).upper()
    except ValueError as exc:
        raise ValueError(f"color {color!r} is not a colour matplotlib understands") from exc


def actor_color(code: str) -> str:
    """Fixed colour of an actor code (``"CHN"``, ``"EU"``, ``"USA"``, ...).

    >>> actor_color("CHN")
    '#D55E00'
    """
    if code not in ACTOR_COLORS:
        raise ValueError(f"actor code {code!r} has no house colour; known: {sorted(ACTOR_COLORS)}")
    return ACTOR_COLORS[code]


def series_colors(names: Iterable[object]) -> dict:
    """A house colour per series name: actors keep theirs, others take the next free colour.

    >>> series_colors(["CHN", "exports", "imports"])
    {'CHN': '#D55E00', 'exports': '#0072B2', 'imports': '#009E73'}
    """
    names = list(names)
    fixed = {n: ACTOR_COLORS[n] for n in names if isinstance(n, str) and n in ACTOR_COLORS}
    free = [c for c in SERIES_COLORS if c not in fixed.values()] or list(SERIES_COLORS)
    others = [n for n in names if n not in fixed]
    assigned = {n: free[i % len(free)] for i, n in enumerate(others)}
    return {n: fixed.get(n, assigned.get(n)) for n in names}


def source_text(source: str) -> str:
    """``"Source: ..."`` exactly once, whether or not ``source`` already starts with it.

    >>> source_text("IMF, IMTS (2025)")
    'Source: IMF, IMTS (2025)'
    """
    if not isinstance(source, str) or not source.strip():
        raise ValueError("every chart needs a source line: pass source='Publisher, table (year)'")
    source = source.strip()
    return source if source.lower().startswith(("source:", "sources:")) else f"Source: {source}"


def figure(
    title: str,
    source: str,
    *,
    xlabel: str = "",
    ylabel: str = "",
    ncols: int = 1,
    nrows: int = 1,
    size: tuple[float, float] | None = None,
    **subplots_kw,
):
    """A new figure with a title, axis labels and a "Source: ..." line; returns ``(fig, ax)``.

    With several panels (``ncols``/``nrows`` > 1) ``ax`` is the array from
    :meth:`Figure.subplots` and the title goes above all of them. Layout is matplotlib's
    constrained layout, with room kept at the bottom for the source line.
    """
    if not isinstance(title, str) or not title.strip():
        raise ValueError("every chart needs a title")
    fig = Figure(figsize=size, layout="constrained")
    FigureCanvasAgg(fig)  # attach the plain Agg canvas: draws and PNGs work without pyplot
    ax = fig.subplots(nrows, ncols, **subplots_kw)
    wrapped = textwrap.fill(title.strip(), TITLE_CHARS)
    if nrows * ncols == 1:
        ax.set_title(wrapped)
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
    else:
        fig.suptitle(wrapped, x=0.01, ha="left", fontsize=14, fontweight="bold")
        if ylabel:
            fig.supylabel(ylabel, fontsize=12)
    source_line = textwrap.fill(source_text(source), SOURCE_CHARS)
    fig.text(0.01, 0.01, source_line, fontsize=9, color=DARK_GREY, ha="left", va="bottom")
    height_pt = fig.get_figheight() * 72
    bottom = ((source_line.count("\n") + 1) * 9 * 1.3 + 8) / height_pt  # lines x 9 pt x leading
    if nrows * ncols > 1 and xlabel:
        fig.supxlabel(xlabel, fontsize=12, y=bottom, va="bottom")
        bottom += 20 / height_pt
    fig.get_layout_engine().set(rect=(0, bottom, 1, 1 - bottom))
    return fig, ax


def png_bytes(fig: Figure, dpi: float | None = None) -> bytes:
    """Draw ``fig`` on its Agg canvas and encode the pixels as PNG (fast zlib level 1).

    Same pixels as ``fig.savefig(..., format="png")``; encoding with Pillow at level 1 is about
    three times faster than savefig's default, which matters for widgets.
    """
    if dpi is not None and dpi != fig.dpi:
        fig.set_dpi(dpi)
    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    canvas.draw()
    return encode_png(canvas)


def encode_png(canvas: FigureCanvasAgg) -> bytes:
    """PNG of what is on ``canvas`` now (after a draw, or after blitting onto it)."""
    buffer = io.BytesIO()
    Image.fromarray(np.asarray(canvas.buffer_rgba())).save(buffer, "png", compress_level=1)
    return buffer.getvalue()


@dataclass
class Chart:
    """A finished figure plus the one sentence that says what it shows.

    The ``description`` is the caption, the alt text of the image and the ``text/plain``
    output that the notebook tests (nbval) compare: tests check a sentence of real numbers,
    not pixels.

    >>> fig, ax = figure("T", "test")
    >>> Chart(fig, "An empty chart.")._repr_mimebundle_()["text/plain"]
    'An empty chart.'
    """

    figure: Figure
    description: str

    def __post_init__(self) -> None:
        if not isinstance(self.figure, Figure):
            raise TypeError(f"figure must be a matplotlib Figure, got {type(self.figure)}")
        if not isinstance(self.description, str) or not self.description.strip():
            raise ValueError("description must be a non-empty sentence (it is the alt text)")

    def to_png(self) -> bytes:
        return png_bytes(self.figure)

    def _repr_mimebundle_(self, include=None, exclude=None):
        png = base64.b64encode(self.to_png()).decode("ascii")
        data = {"image/png": png, "text/plain": self.description}
        return data, {"image/png": {"alt": self.description}}

    def _ipython_display_(self) -> None:
        show(self)


def show(chart: Chart) -> None:
    """Display ``chart`` (image with alt text) and its caption "*Figure: description*"."""
    from IPython.display import Markdown, display

    if not isinstance(chart, Chart):
        raise TypeError(f"show expects a Chart, got {type(chart).__name__}")
    data, metadata = chart._repr_mimebundle_()
    display(data, metadata=metadata, raw=True)
    display(Markdown(f"*Figure: {chart.description}*"))


def colors_in(fig: Figure) -> set[str]:
    """Every visible colour of lines, patches, collections and text in ``fig`` (``#RRGGBB``).

    Tests assert ``colors_in(fig) <= ALLOWED_COLORS``. Fully transparent colours are skipped.
    """
    from matplotlib.collections import Collection
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.text import Text

    found: list = []
    for artist in fig.findobj():
        if not artist.get_visible():
            continue
        if isinstance(artist, Line2D):
            if artist.get_linestyle() not in ("None", "", " ") and artist.get_linewidth() > 0:
                found.append(artist.get_color())
            if artist.get_marker() not in (None, "None", "", " "):
                found += [artist.get_markerfacecolor(), artist.get_markeredgecolor()]
        elif isinstance(artist, Patch):
            found.append(artist.get_facecolor())
            if artist.get_linewidth() > 0:
                found.append(artist.get_edgecolor())
        elif isinstance(artist, Collection):
            found += list(artist.get_facecolor())
            if len(artist.get_linewidths()) and max(artist.get_linewidths()) > 0:
                found += list(artist.get_edgecolor())
        elif isinstance(artist, Text) and artist.get_text():
            found.append(artist.get_color())
    return {to_hex(c) for c in found if mcolors.to_rgba(c)[3] > 0}
