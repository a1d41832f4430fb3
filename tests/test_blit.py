"""The blitting machinery behind fast widget redraws (utils.plotting.blit)."""

from __future__ import annotations

import numpy as np
import pytest
from blit_checks import assert_renders_are_stateless, plain_matplotlib_png

from utils.plotting.blit import BlitLayout, LayoutCache, RenderedChart, clear_layouts
from utils.plotting.style import PALETTE, Chart, new_chart


def _pixels(png: bytes) -> np.ndarray:
    from io import BytesIO

    from matplotlib.image import imread

    return imread(BytesIO(png), format="png")


def _build(scale: float = 1.0) -> BlitLayout:
    fig, ax = new_chart("Blit test", "x", "y", source="test", scale=scale)
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10)
    (line,) = ax.plot([], [], color=PALETTE["blue"], linewidth=3)
    label = ax.text(5, 5, "", color=PALETTE["vermillion"], fontsize=20)
    return BlitLayout(fig, {"line": line, "label": label})


_CACHE = LayoutCache(_build, size=2)


def _chart(height: float, text: str = "", scale: float = 1.0) -> RenderedChart:
    layout = _CACHE.get(scale)
    layout["line"].set_data([0, 10], [height, height])
    layout["label"].set_text(text)
    layout["label"].set_visible(bool(text))
    return layout.chart(f"A flat line at {height}.", "Blit test")


def test_render_shows_the_animated_artists_on_the_static_background():
    empty = _pixels(_chart(5.0, "").png)
    with_text = _pixels(_chart(5.0, "hello").png)
    low, high = _pixels(_chart(1.0).png), _pixels(_chart(9.0).png)
    assert empty.shape == (450, 800, 3)  # opaque figures are encoded as RGB
    assert (with_text != empty).any(), "the animated text was not drawn"
    # The line moved: rows near y=1 differ from the image with the line at y=9.
    assert (low != high).any()
    blue = np.array([0x00, 0x72, 0xB2]) / 255
    blue_rows = lambda img: np.where(np.isclose(img, blue, atol=0.02).all(axis=2).sum(1) > 300)[0]  # noqa: E731
    assert blue_rows(low).min() > blue_rows(high).max(), "y=1 must be drawn below y=9"


def test_renders_do_not_depend_on_the_previous_one():
    settings = [
        {"height": 2.0, "text": "a"},
        {"height": 8.0, "text": ""},
        {"height": 5.0, "text": "longer label", "scale": 1.4},
        {"height": 2.0, "text": "a"},
    ]
    assert_renders_are_stateless(_chart, settings)


def test_same_state_gives_the_same_bytes_and_to_png_returns_them():
    a, b = _chart(3.0, "x"), _chart(3.0, "x")
    assert a.png == b.png == a.to_png()
    with pytest.raises(ValueError, match="dpi=100 only"):
        a.to_png(dpi=200)


def test_blitted_image_equals_a_plain_matplotlib_draw_of_the_same_state():
    """Static part drawn by matplotlib, then the animated artists: exactly what we blit."""
    chart = _chart(4.0, "same")
    assert plain_matplotlib_png(chart) == chart.png


def test_cache_builds_once_per_key_evicts_oldest_and_rebuilds_cleared_figures():
    built = []

    def build(key):
        built.append(key)
        return _build()

    cache = LayoutCache(build, size=2)
    first = cache.get("a")
    assert cache.get("a") is first and built == ["a"]
    cache.get("b"), cache.get("c")  # "a" is the least recently used: evicted
    assert len(cache) == 2
    cache.get("a")
    assert built == ["a", "b", "c", "a"]
    cache.get("a").figure.clear()  # someone cleared it: rebuilt on the next get
    cache.get("a")
    assert built[-1] == "a" and len(built) == 5
    clear_layouts()
    assert len(cache) == 0


def test_order_defaults_to_zorder_and_unknown_names_are_rejected():
    fig, ax = new_chart("T", "", "", source="test")
    (low,) = ax.plot([], [], zorder=1)
    (high,) = ax.plot([], [], zorder=5)
    assert BlitLayout(fig, {"high": high, "low": low}).order == ("low", "high")
    assert low.get_animated() and high.get_animated()
    with pytest.raises(ValueError, match=r"unknown artists \['nope'\]"):
        BlitLayout(fig, {"low": low}, order=["nope"])


@pytest.mark.parametrize(
    ("args", "error", "message"),
    [
        (("figure", {"a": None}), TypeError, "figure must be a matplotlib Figure"),
        ((None, {}), ValueError, "non-empty mapping"),
        ((None, {"a": "text"}), TypeError, "artist 'a' is a str, not an Artist"),
    ],
)
def test_layout_rejects_bad_input(args, error, message):
    if args[0] is None:
        fig, _ = new_chart("T", "", "", source="test")
        args = (fig, args[1])
    with pytest.raises(error, match=message):
        BlitLayout(*args)


def test_cache_and_chart_reject_bad_input():
    with pytest.raises(TypeError, match="build must be callable"):
        LayoutCache("not a function")
    with pytest.raises(ValueError, match="size must be a positive int"):
        LayoutCache(_build, size=0)
    with pytest.raises(TypeError, match="build must return a BlitLayout"):
        LayoutCache(lambda key: "oops").get(1)
    fig, _ = new_chart("T", "", "", source="test")
    with pytest.raises(ValueError, match="png must hold the bytes of a PNG"):
        RenderedChart(fig, "A chart.", png=b"GIF89a")
    assert isinstance(_chart(1.0), Chart)
