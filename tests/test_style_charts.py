"""The shared chart layer: what a chart says (data, text, colours), and clear errors."""

from __future__ import annotations

import pandas as pd
import pytest

from utils import charts, lessons, style
from utils.live import LiveChart, register

TRADE = pd.DataFrame(
    {"CHN": [10.5, 16.5, 18.4], "EU": [44.2, 38.5, 35.9]}, index=[2013, 2019, 2020]
)


def test_colours_come_from_the_palette_and_actors_keep_theirs():
    assert style.to_hex("white") == "#FFFFFF" and style.actor_color("EU") == "#56B4E9"
    assert style.series_colors(["CHN", "a", "b"]) == {"CHN": "#D55E00", "a": "#0072B2",
                                                      "b": "#009E73"}  # fmt: skip
    with pytest.raises(ValueError, match="not a colour"):
        style.to_hex("no-such-colour")
    with pytest.raises(ValueError, match="no house colour"):
        style.actor_color("XXX")


def test_every_figure_has_a_title_and_a_source_line():
    assert style.source_text("Source: IMF") == "Source: IMF"
    with pytest.raises(ValueError, match="source line"):
        style.figure("T", " ")
    with pytest.raises(ValueError, match="title"):
        style.figure("", "IMF")
    fig, axes = style.figure("Two panels", "IMF", xlabel="Year", ylabel="%", nrows=2)
    assert fig.get_suptitle() == "Two panels" and len(axes) == 2
    assert any(t.get_text() == "Source: IMF" for t in fig.texts)
    assert style.png_bytes(fig, dpi=50)[:4] == b"\x89PNG" and fig.dpi == 50


def test_line_chart_draws_each_column_in_its_colour_and_marks_years():
    marks = {"styles": {"EU": "--"}, "mark_years": {2014: "Crimea"}}
    chart = charts.line_chart(TRADE, "Shares", "IMF", "China rose to 18.4%.", ylabel="%", **marks)
    ax = chart.figure.axes[0]
    lines = {
        line.get_label(): line for line in ax.get_lines() if not line.get_label().startswith("_")
    }
    assert list(lines["CHN"].get_ydata()) == [10.5, 16.5, 18.4]
    assert style.to_hex(lines["CHN"].get_color()) == style.actor_color("CHN")
    assert lines["EU"].get_linestyle() == "--"
    assert any(t.get_text() == "Crimea" for t in ax.texts)
    assert style.colors_in(chart.figure) <= style.ALLOWED_COLORS
    assert (
        charts.line_chart(TRADE["CHN"], "One", "IMF", "One line.").figure.axes[0].get_legend()
        is None
    )
    with pytest.raises(ValueError, match="empty"):
        charts.line_chart(TRADE.iloc[0:0], "T", "IMF", "Nothing.")
    with pytest.raises(TypeError):
        charts.line_chart([1, 2], "T", "IMF", "Nothing.")


def test_bar_chart_labels_values_and_highlights():
    data = pd.Series({"China": 15.3, "Saudi Arabia": 16.8})
    chart = charts.bar_chart(data, "Suppliers", "GACC", "Two suppliers.",
                             highlight={"China": style.actor_color("CHN")})  # fmt: skip
    ax = chart.figure.axes[0]
    assert [round(p.get_width(), 1) for p in ax.patches] == [15.3, 16.8]
    assert {t.get_text() for t in ax.texts} >= {"15.3", "16.8"}
    assert style.to_hex(ax.patches[0].get_facecolor()) == style.actor_color("CHN")
    with pytest.raises(ValueError):
        charts.bar_chart(pd.Series(dtype=float), "T", "S", "D.")


def test_timeline_and_markdown_table():
    events = pd.DataFrame({"date": ["2014-05", "2019-12-02"], "label": ["Deal", "Opening"],
                           "category": ["gas", "gas"]})  # fmt: skip
    ax = charts.timeline_chart(events, "Power of Siberia", "Gazprom", "Two dates.").figure.axes[0]
    assert [t.get_text() for t in ax.texts] == ["Deal", "Opening"]
    with pytest.raises(ValueError, match="columns"):
        charts.timeline_chart(events.drop(columns="label"), "T", "S", "D.")
    table = charts.markdown_table(pd.DataFrame({"claim": ["a | b"]}), index=False)
    assert table._repr_markdown_().splitlines() == ["| claim |", "|---|", "| a / b |"]
    with pytest.raises(TypeError):
        charts.markdown_table([1])


def test_chart_needs_a_sentence_and_show_displays_it(capsys):
    fig, _ax = style.figure("T", "S")
    with pytest.raises(ValueError, match="alt text"):
        style.Chart(fig, " ")
    with pytest.raises(TypeError):
        style.Chart("not a figure", "A sentence.")
    with pytest.raises(TypeError):
        style.show("not a chart")
    style.show(style.Chart(fig, "An empty chart."))
    assert "An empty chart." in capsys.readouterr().out


def test_lessons_are_found_from_their_files_and_the_base_chart_is_abstract():
    assert lessons.load("04").__name__ == "utils.lessons.l04_pipelines"
    assert lessons.notebook("04").name.startswith("04_")
    with pytest.raises(NotImplementedError):
        LiveChart().update()
    with pytest.raises(ValueError, match="utils/lessons"):
        register("x")(lambda: None)
