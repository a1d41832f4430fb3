"""Tests for the house chart style (utils.plotting).

Numbers checked here are worked out by hand from the tiny frames built in each test (e.g. an
8 x 4.5 inch figure at 100 dpi is 800 x 450 px; 0.25 on a fraction axis reads "25%").
"""

from __future__ import annotations

import base64
import doctest
import struct
from unittest import mock

import matplotlib
import matplotlib.dates as mdates
import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

import utils.plotting
import utils.plotting.style
from utils.plotting import (
    ACTOR_COLORS,
    ALLOWED_COLORS,
    GREY,
    PALETTE,
    Chart,
    bar_chart,
    line_chart,
    new_chart,
    palette_colors_in,
    resolve_color,
    series_colors,
    show,
    stacked_area,
    timeline_chart,
)

SOURCE = "IMF, IMTS (2025)"


def _png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", png[16:24])


def _shares() -> pd.DataFrame:
    """Years 2010-2020 without 2015, as in a source that skipped a year."""
    years = [y for y in range(2010, 2021) if y != 2015]
    return pd.DataFrame(
        {
            "CHN": np.linspace(0.10, 0.30, len(years)),
            "EU": np.linspace(0.50, 0.35, len(years)),
            "imports": np.linspace(0.2, 0.25, len(years)),
        },
        index=years,
    )


def _line(**kwargs) -> Chart:
    return line_chart(_shares(), "Shares", "", "share", SOURCE, "China's share triples.", **kwargs)


# --------------------------------------------------------------------------- palette
def test_palette_is_okabe_ito_in_published_order():
    assert list(PALETTE.items()) == [
        ("black", "#000000"),
        ("orange", "#E69F00"),
        ("sky_blue", "#56B4E9"),
        ("bluish_green", "#009E73"),
        ("yellow", "#F0E442"),
        ("blue", "#0072B2"),
        ("vermillion", "#D55E00"),
        ("reddish_purple", "#CC79A7"),
    ]


def test_actor_colors_are_fixed_distinct_and_on_palette():
    assert set(ACTOR_COLORS) == {"CHN", "EU", "USA", "DEU", "RUS", "ROW", "WLD", "OTHER"}
    assert len(set(ACTOR_COLORS.values())) == len(ACTOR_COLORS)
    assert set(ACTOR_COLORS.values()) <= ALLOWED_COLORS
    assert ACTOR_COLORS["CHN"] == "#D55E00" and ACTOR_COLORS["OTHER"] == GREY


def test_resolve_color_accepts_names_codes_and_hex_but_not_off_palette():
    assert resolve_color("sky_blue") == "#56B4E9"
    assert resolve_color("RUS") == "#0072B2"
    assert resolve_color("#e69f00") == "#E69F00"
    with pytest.raises(ValueError, match="not in the house palette"):
        resolve_color("#FF0000")
    with pytest.raises(ValueError, match="not a colour"):
        resolve_color("not-a-colour")


def test_series_colors_prefers_actors_then_unused_palette_colours():
    got = series_colors(["exports", "CHN", "imports"])
    # CHN takes vermillion, so the generic series skip it: blue, then bluish green.
    assert got == {"exports": "#0072B2", "CHN": "#D55E00", "imports": "#009E73"}
    assert series_colors(["a"], {"a": "orange"}) == {"a": "#E69F00"}
    with pytest.raises(ValueError, match="not series"):
        series_colors(["a"], {"b": "orange"})


# --------------------------------------------------------------------------- new_chart
def test_new_chart_house_fonts_spines_and_source_line():
    fig, ax = new_chart("Title", "Year", "USD bn", source=SOURCE)
    assert isinstance(fig, Figure)
    assert tuple(fig.get_size_inches()) == (8.0, 4.5)
    assert ax._left_title.get_fontsize() == 14 and ax._left_title.get_text() == "Title"
    assert ax.xaxis.label.get_fontsize() == 12 and ax.yaxis.label.get_fontsize() == 12
    assert ax.xaxis.get_major_ticks()[0].label1.get_fontsize() == 11
    assert not ax.spines["top"].get_visible() and not ax.spines["right"].get_visible()
    assert [t.get_text() for t in fig.texts] == ["Source: IMF, IMTS (2025)"]


def test_new_chart_does_not_double_source_prefix():
    fig, _ = new_chart("T", "", "", source="Sources: IMF, IMTS (2025); SIPRI (2025).")
    assert fig.texts[0].get_text() == "Sources: IMF, IMTS (2025); SIPRI (2025)."


@pytest.mark.parametrize("source", ["", "   "])
def test_new_chart_requires_a_source(source):
    with pytest.raises(ValueError, match="source"):
        new_chart("T", "x", "y", source=source)


def test_new_chart_scale_enlarges_fonts_and_size():
    fig, ax = new_chart("T", "x", "y", source=SOURCE, scale=1.4)
    assert fig.get_size_inches() == pytest.approx((11.2, 6.3))
    assert ax._left_title.get_fontsize() == pytest.approx(19.6)
    assert ax.xaxis.label.get_fontsize() == pytest.approx(16.8)
    with pytest.raises(ValueError, match="scale"):
        new_chart("T", "x", "y", source=SOURCE, scale=10)


def test_no_pyplot_figures_are_created():
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    _line().to_png()
    assert plt.get_fignums() == before


def test_layout_keeps_all_text_inside_the_figure_and_source_below_ticks():
    frame = pd.Series({"Kazakhstan and Central Asia": 10.0, "Republic of Korea": 25.0, "CHN": 40.0})
    chart = bar_chart(frame, "Long names", "", "USD bn", SOURCE, "Three bars.", horizontal=True)
    chart.to_png()
    fig = chart.figure
    renderer = fig.canvas.get_renderer()
    width, height = fig.bbox.width, fig.bbox.height
    ax = fig.axes[0]
    (x_lo, x_hi), (y_lo, y_hi) = sorted(ax.get_xlim()), sorted(ax.get_ylim())
    shown_x = [t for t in ax.get_xticklabels() if x_lo <= t.get_position()[0] <= x_hi]
    shown_y = [t for t in ax.get_yticklabels() if y_lo <= t.get_position()[1] <= y_hi]
    texts = [*shown_y, *shown_x, ax.xaxis.label, ax._left_title]
    assert len(shown_y) == 3 and len(shown_x) >= 3
    for text in texts:
        box = text.get_window_extent(renderer)
        assert box.x0 >= 0 and box.x1 <= width and box.y0 >= 0 and box.y1 <= height, text
    source_top = fig.texts[0].get_window_extent(renderer).y1
    lowest_label = min(t.get_window_extent(renderer).y0 for t in [*shown_x, ax.xaxis.label])
    assert source_top < lowest_label


# --------------------------------------------------------------------------- Chart
def test_chart_png_is_deterministic_sized_and_has_no_software_tag():
    first, second = _line().to_png(), _line().to_png()
    assert first == second
    assert _png_size(first) == (800, 450)
    assert b"Software" not in first and b"matplotlib" not in first


def test_chart_mimebundle_text_plain_is_the_description():
    chart = _line()
    bundle = chart._repr_mimebundle_()
    assert set(bundle) == {"image/png", "text/plain"}
    assert bundle["text/plain"] == "China's share triples."
    assert base64.b64decode(bundle["image/png"]) == chart.to_png()


def test_chart_requires_figure_and_description():
    fig, _ = new_chart("T", "", "", source=SOURCE)
    with pytest.raises(ValueError, match="description"):
        Chart(fig, "  ")
    with pytest.raises(TypeError, match="Figure"):
        Chart("not a figure", "text")


def test_show_displays_image_then_italic_caption():
    chart = _line()
    with mock.patch("IPython.display.display") as display:
        show(chart)
    (bundle_call, caption_call) = display.call_args_list
    assert bundle_call.args[0]["text/plain"] == "China's share triples."
    assert bundle_call.kwargs == {"raw": True}
    assert caption_call.args[0].data == "*Figure: China's share triples.*"


# --------------------------------------------------------------------------- line_chart
def test_line_chart_missing_year_is_a_gap_not_a_bridge():
    ax = _line().figure.axes[0]
    chn = ax.lines[0]
    x, y = np.asarray(chn.get_xdata()), np.asarray(chn.get_ydata())
    assert list(x) == list(range(2010, 2021))  # 2015 inserted ...
    assert np.isnan(y[list(x).index(2015)])  # ... as NaN, so the line breaks
    assert np.isnan(y).sum() == 1


def test_line_chart_gaps_false_connects_points():
    ax = _line(gaps=False).figure.axes[0]
    x = list(ax.lines[0].get_xdata())
    assert 2015 not in x and len(x) == 10


def test_line_chart_actor_colours_markers_and_legend():
    ax = _line().figure.axes[0]
    colors = [resolve_color(line.get_color()) for line in ax.lines[:3]]
    assert colors == ["#D55E00", "#56B4E9", "#0072B2"]  # CHN, EU, then first free colour
    assert len({line.get_marker() for line in ax.lines[:3]}) == 3
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["CHN", "EU", "imports"]


def test_line_chart_percent_axis_reads_fractions_as_percent():
    ax = _line(percent=True).figure.axes[0]
    assert ax.yaxis.get_major_formatter()(0.25, 0) == "25%"
    ax100 = line_chart(
        _shares() * 100, "T", "", "", SOURCE, "In percent.", percent=100
    ).figure.axes[0]
    assert ax100.yaxis.get_major_formatter()(25, 0) == "25%"


def test_line_chart_projection_band_and_hlines():
    chart = _line(shade_from=2018, hlines=[(0.25, "a quarter")])
    ax = chart.figure.axes[0]
    band = [p for p in ax.patches if p.get_x() == 2018]
    assert len(band) == 1
    assert band[0].get_x() + band[0].get_width() == pytest.approx(ax.get_xlim()[1])
    texts = [t.get_text().strip() for t in ax.texts]
    assert "projection" in texts and "a quarter" in texts
    hline = [line for line in ax.lines if list(line.get_ydata()) == [0.25, 0.25]]
    assert len(hline) == 1 and resolve_color(hline[0].get_color()) == GREY
    with pytest.raises(ValueError, match="shade_from must lie within the x range 2010..2020"):
        _line(shade_from=2030)


def test_line_chart_styles_and_bad_input():
    ax = _line(styles={"EU": "--"}).figure.axes[0]
    assert ax.lines[1].get_linestyle() == "--"
    with pytest.raises(ValueError, match="styles"):
        _line(styles={"EU": "wavy"})
    with pytest.raises(ValueError, match="not in the house palette"):
        _line(colors={"EU": "#123456"})
    with pytest.raises(TypeError, match="numeric"):
        line_chart(pd.DataFrame({"a": ["x", "y"]}), "T", "", "", SOURCE, "d")
    with pytest.raises(ValueError, match="empty"):
        line_chart(pd.DataFrame(), "T", "", "", SOURCE, "d")


def test_year_ticks_have_no_offset_or_comma():
    chart = _line()
    chart.to_png()
    labels = [t.get_text() for t in chart.figure.axes[0].get_xticklabels() if t.get_text()]
    assert labels and all(label.isdigit() and len(label) == 4 for label in labels)


# --------------------------------------------------------------------------- palette guard
def _all_charts() -> list[Chart]:
    shares = _shares()
    events = pd.DataFrame(
        {
            "date": ["2014-05", "2019-12-02", "2008"],
            "label": ["Gas contract", "Pipeline opens", "Loan"],
            "category": ["energy", "energy", "finance"],
        }
    )
    return [
        _line(shade_from=2018, hlines=[(0.2, "line")], percent=True),
        bar_chart(shares.loc[2020], "B", "", "", SOURCE, "d", value_labels=True),
        bar_chart(shares.loc[[2019, 2020]], "B", "", "", SOURCE, "d", horizontal=True),
        stacked_area(shares, "S", "", "", SOURCE, "d", shade_from=2019),
        timeline_chart(events, "T", SOURCE, "d"),
    ]


def test_every_chart_uses_only_house_colours():
    for chart in _all_charts():
        chart.to_png()
        used = palette_colors_in(chart.figure)
        assert used <= ALLOWED_COLORS, (chart.title, used - ALLOWED_COLORS)


def test_palette_guard_detects_an_off_palette_artist():
    chart = _line()
    chart.figure.axes[0].plot([2010, 2011], [0.1, 0.2], color="red")
    assert "#FF0000" in palette_colors_in(chart.figure) - ALLOWED_COLORS


# --------------------------------------------------------------------------- bar, area, timeline
def test_bar_chart_sorting_highlight_and_labels():
    data = pd.Series({"USA": 4.0, "CHN": 35.0, "EU": 30.0})
    chart = bar_chart(
        data,
        "B",
        "",
        "",
        SOURCE,
        "d",
        sort="descending",
        colors={"CHN": "CHN"},
        value_labels=True,
        percent=100,
        horizontal=True,
    )
    ax = chart.figure.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["CHN", "EU", "USA"]
    assert ax.yaxis_inverted()  # first category on top
    widths = [p.get_width() for p in ax.patches]
    assert widths == [35.0, 30.0, 4.0]
    colors = [resolve_color(mpl_hex(p.get_facecolor())) for p in ax.patches]
    assert colors == ["#D55E00", GREY, GREY]
    assert [t.get_text() for t in ax.texts] == ["35.0%", "30.0%", "4.0%"]
    with pytest.raises(ValueError, match="sort"):
        bar_chart(data, "B", "", "", SOURCE, "d", sort="up")


def mpl_hex(rgba) -> str:
    return matplotlib.colors.to_hex(rgba).upper()


def test_bar_chart_all_actor_categories_get_actor_colours():
    ax = bar_chart(pd.Series({"CHN": 1.0, "RUS": 2.0}), "B", "", "", SOURCE, "d").figure.axes[0]
    assert [mpl_hex(p.get_facecolor()) for p in ax.patches] == ["#D55E00", "#0072B2"]


def test_stacked_area_gap_splits_stack_and_top_equals_row_sum():
    frame = pd.DataFrame(
        {"CHN": [1.0, 2.0, 4.0, 5.0], "EU": [3.0, 3.0, 1.0, 1.0]}, index=[2012, 2013, 2015, 2016]
    )  # 2014 missing
    ax = stacked_area(frame, "S", "", "", SOURCE, "d").figure.axes[0]
    # two contiguous blocks x two series = four filled polygons
    assert len(ax.collections) == 4
    top_2016 = max(
        v[1]
        for c in ax.collections
        for path in c.get_paths()
        for v in path.vertices
        if v[0] == 2016
    )
    assert top_2016 == 6.0  # 5 + 1
    with pytest.raises(ValueError, match="non-negative"):
        stacked_area(-frame, "S", "", "", SOURCE, "d")


def test_timeline_rows_dates_and_validation():
    events = pd.DataFrame(
        {
            "date": ["2019-12-02", "2014-05", "2008"],
            "label": ["Pipeline opens", "Gas contract", "Loan"],
            "category": ["energy", "energy", "finance"],
        }
    )
    ax = timeline_chart(events, "T", SOURCE, "d").figure.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["energy", "finance"]
    energy_x = sorted(ax.collections[0].get_offsets()[:, 0])
    expected = [mdates.date2num(pd.Timestamp(d)) for d in ("2014-05-01", "2019-12-02")]
    assert energy_x == pytest.approx(expected)
    bad = events.assign(date=["2019-13-02", "2014-05", "2008"])
    with pytest.raises(ValueError, match="events row 0"):
        timeline_chart(bad, "T", SOURCE, "d")
    with pytest.raises(ValueError, match="missing column"):
        timeline_chart(events.drop(columns="category"), "T", SOURCE, "d")


# --------------------------------------------------------------------------- docstrings
@pytest.mark.parametrize("module", [utils.plotting, utils.plotting.style])
def test_docstring_examples_run(module):
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


def test_percent_ticks_keep_the_decimals_they_need():
    """12.5% must not be shown as "12%" (a real bug seen on 2.5-point tick steps)."""
    import numpy as np

    from utils.plotting import _number_formatter

    fractions = _number_formatter(np.array([0.05, 0.3]), 1.0)
    assert [fractions(v, 0) for v in (0.1, 0.125, 0.025, 0.0)] == ["10%", "12.5%", "2.5%", "0%"]
    percents = _number_formatter(np.array([1.0, 3.0]), 100)
    assert [percents(v, 0) for v in (0.5, 1.25, 3.0)] == ["0.5%", "1.25%", "3%"]


# --------------------------------------------------------------------------- fast redraw
def _decoded(png: bytes) -> np.ndarray:
    import io

    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(png)))


def test_png_holds_exactly_the_drawn_pixels_as_rgb():
    chart = _line()
    png = chart.to_png()
    # The hand-written encoder must reproduce the canvas pixel for pixel (RGB: house figures
    # are opaque, so the alpha channel is dropped).
    drawn = np.asarray(chart.figure.canvas.buffer_rgba())
    pixels = _decoded(png)
    assert pixels.shape == (450, 800, 3)
    assert (drawn[..., 3] == 255).all()
    assert np.array_equal(pixels, drawn[..., :3])
    # Top-left corner is the white figure background.
    assert tuple(pixels[0, 0]) == (255, 255, 255)


def test_png_keeps_alpha_when_the_figure_is_transparent():
    from utils.plotting.style import _encode_png

    fig, ax = new_chart("T", "", "", source="test")
    fig.patch.set_alpha(0.0)
    ax.patch.set_alpha(0.0)
    fig.canvas.draw()
    pixels = _decoded(_encode_png(fig.canvas))
    assert pixels.shape == (450, 800, 4)
    assert pixels[0, 0, 3] == 0  # a corner with nothing drawn is fully transparent


def test_shared_renderer_does_not_mix_charts_of_the_same_size():
    first = _line().to_png()
    other = bar_chart(pd.Series({"A": 1.0, "B": 2.0}), "Bars", "", "n", SOURCE, "Two bars.")
    other_png = other.to_png()
    assert _png_size(other_png) == _png_size(first) == (800, 450)
    assert other_png != first
    assert _line().to_png() == first  # drawing another chart in between changes nothing


def test_to_png_other_dpi_scales_the_image_and_restores_the_figure():
    chart = _line()
    assert _png_size(chart.to_png(dpi=50)) == (400, 225)  # 8 x 4.5 in at 50 dpi
    assert chart.figure.dpi == 100
    assert _png_size(chart.to_png()) == (800, 450)
    for bad in (0, -5, True, "100"):
        with pytest.raises(ValueError, match="dpi"):
            chart.to_png(dpi=bad)


def test_value_axis_has_at_most_six_intervals_and_title_sits_above_the_axes():
    chart = _line()  # shares 0.10 .. 0.50
    chart.to_png()
    ax = chart.figure.axes[0]
    lo, hi = ax.get_ylim()
    shown = [v for v in ax.yaxis.get_majorticklocs() if lo <= v <= hi]
    assert 3 <= len(shown) <= 7
    renderer = chart.figure.canvas.get_renderer()
    title = ax._left_title.get_window_extent(renderer)
    assert title.y0 >= ax.bbox.y1  # the fixed title position stays clear of the plot
    assert title.y1 <= chart.figure.bbox.y1


def test_png_of_a_figure_with_a_fractional_pixel_size():
    # 9 x 4.6 in at 100 dpi: 4.6 * 100 is 459.99999999999994 in floating point; Agg truncates
    # it to a 459 px high buffer while get_width_height() rounds to 460.
    fig, ax = new_chart("T", "", "", source="test", size=(9, 4.6))
    ax.plot([0, 1], [0, 1])
    png = Chart(fig, "A rising line.", "T").to_png()
    assert _png_size(png) == (900, 459)
    assert _decoded(png).shape == (459, 900, 3)


def test_cached_glyph_layout_draws_the_same_pixels_as_matplotlib():
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    chart = _line()
    ours = chart.to_png()
    # Same figure on a plain matplotlib canvas (its own renderer, no layout cache).
    FigureCanvasAgg(chart.figure)
    assert chart.to_png() == ours
    # Redrawing with a warm cache changes nothing either.
    assert _line().to_png() == ours
