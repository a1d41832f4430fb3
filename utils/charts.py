"""Chart types several lessons share: lines over years, bars, a timeline, a Markdown table.

Each function is a short piece of plain matplotlib a student can read and copy: make a figure
with :func:`utils.style.figure`, draw with ``ax.plot`` / ``ax.bar`` / ``ax.stackplot``, return
a :class:`~utils.style.Chart` with the sentence that describes it. Lesson-specific charts live
in ``utils/lessons/lNN_*.py``.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

import pandas as pd

from utils.style import GREY, MARKERS, Chart, figure, series_colors


def _frame(data: pd.DataFrame | pd.Series) -> pd.DataFrame:
    if isinstance(data, pd.Series):
        return data.to_frame(data.name if data.name is not None else "value")
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"expected a pandas DataFrame or Series, got {type(data).__name__}")
    if data.empty:
        raise ValueError("nothing to plot: the table is empty")
    return data


def line_chart(
    data: pd.DataFrame | pd.Series,
    title: str,
    source: str,
    description: str,
    *,
    ylabel: str = "",
    xlabel: str = "Year",
    colors: Mapping[str, str] | None = None,
    styles: Mapping[str, str] | None = None,
    markers: bool = True,
    mark_years: Mapping[int, str] | None = None,
) -> Chart:
    """One line per column over the index (years). Actor codes get their fixed colours.

    ``styles`` maps a column to a line style (``"--"`` for a projection); ``mark_years`` draws
    a dotted vertical line with a label at each given year (e.g. ``{2014: "Crimea"}``).
    """
    frame = _frame(data)
    fig, ax = figure(title, source, xlabel=xlabel, ylabel=ylabel)
    colors = {**series_colors(frame.columns), **(colors or {})}
    for i, column in enumerate(frame.columns):
        ax.plot(
            frame.index,
            frame[column],
            color=colors[column],
            linestyle=(styles or {}).get(column, "-"),
            marker=MARKERS[i % len(MARKERS)] if markers else None,
            label=str(column),
        )
    for year, label in (mark_years or {}).items():
        ax.axvline(year, color=GREY, linestyle=":", linewidth=1)
        ax.annotate(label, (year, 1), xycoords=("data", "axes fraction"), xytext=(3, -12),
                    textcoords="offset points", fontsize=9, color=GREY)  # fmt: skip
    if len(frame.columns) > 1:
        ax.legend()
    return Chart(fig, description)


def bar_chart(
    data: pd.Series,
    title: str,
    source: str,
    description: str,
    *,
    xlabel: str = "",
    highlight: Mapping[object, str] | None = None,
    value_format: str = "{:,.1f}",
) -> Chart:
    """Horizontal bars, one per index label, first label at the top, each with its value.

    Bars are blue; ``highlight`` maps labels to other colours (e.g. ``{"China": "#D55E00"}``).
    """
    if not isinstance(data, pd.Series) or data.empty:
        raise ValueError("bar_chart needs a non-empty pandas Series")
    fig, ax = figure(title, source, xlabel=xlabel)
    labels = [textwrap.fill(str(label), 28) for label in data.index]
    colors = [(highlight or {}).get(label, "#0072B2") for label in data.index]
    bars = ax.barh(labels, data.to_numpy(), color=colors)
    ax.bar_label(bars, labels=[value_format.format(v) for v in data], padding=3, fontsize=10)
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", visible=True)
    ax.margins(x=0.12)
    return Chart(fig, description)


def timeline_chart(
    events: pd.DataFrame, title: str, source: str, description: str, *, label_width: int = 22
) -> Chart:
    """Events on a time axis, one row per ``category``; labels alternate above and below.

    ``events`` needs columns ``date`` (anything :func:`pandas.to_datetime` reads), ``label`` and
    ``category``. Keep to about a dozen events so labels stay readable.
    """
    missing = {"date", "label", "category"} - set(events.columns)
    if missing:
        raise ValueError(f"timeline events need columns {sorted(missing)}")
    events = events.assign(date=pd.to_datetime(events["date"], format="ISO8601"))
    events = events.sort_values("date")
    rows = list(dict.fromkeys(events["category"]))
    fig, ax = figure(title, source, size=(10, 1.6 + 1.1 * len(rows)))
    colors = series_colors(rows)
    for i, event in enumerate(events.itertuples()):
        y = rows.index(event.category)
        ax.plot(event.date, y, "o", color=colors[event.category])
        ax.annotate(
            textwrap.fill(str(event.label), label_width),
            (event.date, y),
            xytext=(0, 10 if i % 2 == 0 else -10),
            textcoords="offset points",
            ha="center",
            va="bottom" if i % 2 == 0 else "top",
            fontsize=9,
        )
    ax.set_yticks(range(len(rows)), rows)
    ax.set_ylim(len(rows) - 0.4, -0.6)
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", visible=True)
    return Chart(fig, description)


class MarkdownTable:
    """A small table shown as Markdown in a notebook, every cell in full.

    Why not a DataFrame: pandas cuts long text cells at 50 characters, and claims are longer.
    ``text/plain`` holds the same table, so the notebook tests compare readable text.
    """

    def __init__(self, frame: pd.DataFrame, index: bool = True) -> None:
        if not isinstance(frame, pd.DataFrame):
            raise TypeError(f"frame must be a pandas DataFrame, got {type(frame).__name__}")
        self.frame = frame.reset_index() if index else frame

    def _repr_markdown_(self) -> str:
        rows = [self.frame.columns, *self.frame.itertuples(index=False, name=None)]
        cells = [[str(v).replace("|", "/").replace("\n", " ") for v in row] for row in rows]
        lines = ["| " + " | ".join(row) + " |" for row in cells]
        lines.insert(1, "|" + "---|" * len(self.frame.columns))
        return "\n".join(lines)

    __repr__ = _repr_markdown_


def markdown_table(frame: pd.DataFrame, index: bool = True) -> MarkdownTable:
    """Show ``frame`` as a Markdown table (see :class:`MarkdownTable`)."""
    return MarkdownTable(frame, index=index)
