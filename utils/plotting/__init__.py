"""House-style charts for every lesson: generic helpers on top of :mod:`utils.plotting.style`.

Each helper takes tidy-enough pandas data, draws with :func:`new_chart` (matplotlib ``Figure`` +
Agg canvas, no ``pyplot``) and returns a :class:`Chart`: the figure plus a one-sentence
description used as alt text, caption and ``text/plain`` output. Topic modules
(``utils/plotting/trade.py``, ...) build lesson-specific charts from these helpers.

Quick start
-----------
>>> import pandas as pd
>>> from utils.plotting import line_chart, show
>>> frame = pd.DataFrame({"CHN": [10.0, 12.0, 15.0], "EU": [40.0, 35.0, 30.0]},
...                      index=[2019, 2020, 2021])
>>> chart = line_chart(frame, "Shares of Russia's trade", "", "% of total",
...                    source="IMF, IMTS (2025)",
...                    description="China's share rises while the EU's falls.")
>>> chart.title
"Shares of Russia's trade"

In a notebook, end the cell with ``chart`` (or call ``show(chart)``) to get the image and the
caption "*Figure: ...*".

Rules the helpers enforce: colours only from the palette (``ValueError`` otherwise), a
non-empty source line and description, numeric data. A missing year (absent from an integer
year index, or NaN) is drawn as a gap, not bridged by a straight line, unless ``gaps=False``.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from datetime import date, datetime

import numpy as np
import pandas as pd
from matplotlib import transforms
from matplotlib.ticker import FuncFormatter, MaxNLocator

from utils.plotting.style import (
    ACTOR_COLORS,
    ALLOWED_COLORS,
    DARK_GREY,
    DPI,
    GREY,
    LIGHT_GREY,
    MARKERS,
    PALETTE,
    SERIES_COLORS,
    WHITE,
    Chart,
    actor_color,
    font_sizes,
    legend,
    new_chart,
    palette_colors_in,
    resolve_color,
    series_colors,
    show,
    source_text,
    to_hex,
)

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
    "actor_color",
    "bar_chart",
    "font_sizes",
    "legend",
    "line_chart",
    "new_chart",
    "palette_colors_in",
    "resolve_color",
    "series_colors",
    "show",
    "source_text",
    "stacked_area",
    "timeline_chart",
    "to_hex",
]

_LINE_STYLES = ("-", "--", ":", "-.")


# ----------------------------------------------------------------------------- validation
def _as_frame(data: object, name: str = "frame") -> pd.DataFrame:
    if isinstance(data, pd.Series):
        data = data.to_frame(name=data.name if data.name is not None else "value")
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"{name} must be a pandas DataFrame or Series, got {type(data).__name__}")
    if data.empty or data.shape[1] == 0:
        raise ValueError(f"{name} is empty: there is nothing to draw")
    if not data.index.is_unique:
        dup = data.index[data.index.duplicated()].unique().tolist()
        raise ValueError(f"{name} index must be unique (one row per x); duplicated: {dup[:5]}")
    bad = [c for c in data.columns if not pd.api.types.is_numeric_dtype(data[c])]
    if bad:
        raise TypeError(f"{name} columns must be numeric; non-numeric: {bad}")
    return data.astype(float)


def _is_integer_index(index: pd.Index) -> bool:
    return pd.api.types.is_integer_dtype(index.dtype)


def _fill_missing_years(frame: pd.DataFrame, gaps: bool) -> pd.DataFrame:
    """Sort by x; with ``gaps`` insert absent integer years as NaN rows so lines break there."""
    frame = frame.sort_index()
    if gaps and _is_integer_index(frame.index) and len(frame) > 1:
        full = pd.RangeIndex(int(frame.index.min()), int(frame.index.max()) + 1)
        if len(full) <= 10_000:
            frame = frame.reindex(full)
            frame.index.name = frame.index.name
    return frame


def _check_percent(percent: object) -> float | None:
    """``False`` -> no % axis; ``True`` -> values are fractions (0.25 = 25%); a number -> the
    value that means 100% (use ``100`` for columns already in percent, such as ``*_pct``)."""
    if percent is False or percent is None:
        return None
    if percent is True:
        return 1.0
    if isinstance(percent, int | float) and percent > 0:
        return float(percent)
    raise ValueError(
        f"percent must be False, True (values are fractions) or a positive number meaning "
        f"100% (e.g. 100 for percent columns), got {percent!r}"
    )


def _number_formatter(values: np.ndarray, percent_max: float | None):
    if percent_max is not None:
        finite = np.abs(values[np.isfinite(values)])
        span = finite.max() / percent_max * 100 if finite.size else 100
        decimals = 1 if span >= 5 else 2

        def percent_label(value: float, _pos: int) -> str:
            # Only as many decimals as the tick needs: 10%, 12.5%, never "12%" for 12.5.
            text = f"{value / percent_max * 100:.{decimals}f}"
            return (text.rstrip("0").rstrip(".") if "." in text else text) + "%"

        return FuncFormatter(percent_label)
    finite = np.abs(values[np.isfinite(values)])
    if finite.size and finite.max() >= 1000:
        return FuncFormatter(lambda v, _pos: f"{v:,.0f}")
    return None


def _value_label(value: float, percent_max: float | None) -> str:
    """Text for one bar: ``n/a`` for missing, ``25.3%`` for shares, ``1,234`` or ``3.14``."""
    if not np.isfinite(value):
        return "n/a"
    if percent_max is not None:
        return f"{value / percent_max * 100:.1f}%"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}"


def _format_value_axis(axis, values: np.ndarray, percent_max: float | None) -> None:
    formatter = _number_formatter(values, percent_max)
    if formatter is not None:
        axis.set_major_formatter(formatter)
    else:
        axis.get_major_formatter().set_useOffset(False)


def _format_year_axis(ax, index: pd.Index) -> None:
    """Whole years on round steps (1, 2, 5 or 10 years), at most 8 intervals.

    Round steps read as a calendar (2000, 2005, 2010); eight intervals rather than ten keep
    a 30-year axis at 5-year steps, and every tick saved is a few ms off each widget redraw.
    """
    if _is_integer_index(index):
        ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=8, steps=[1, 2, 5, 10]))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:.0f}"))


def _in_range(name: str, value: object, index: pd.Index) -> None:
    lo, hi = index.min(), index.max()
    try:
        ok = lo <= value <= hi
    except TypeError:
        raise TypeError(f"{name} must be comparable with the x values ({lo}..{hi})") from None
    if not ok:
        raise ValueError(f"{name} must lie within the x range {lo}..{hi}, got {value!r}")


def _set_x_limits(ax, index: pd.Index, pad: float = 0.02) -> tuple:
    """Fix the x range to the data plus ``pad`` of its span on each side (markers stay whole)."""
    lo, hi = index.min(), index.max()
    if len(index) > 1 and lo != hi:
        span = hi - lo
        lo, hi = lo - span * pad, hi + span * pad
        ax.set_xlim(lo, hi)
    return lo, hi


def _shade_projection(ax, start, end, scale: float, over_data: bool = False) -> None:
    """Light band from ``start`` to ``end`` with a dashed seam, labelled 'projection'.

    Behind lines the band is drawn under the data; over filled areas (``over_data``) it is a
    translucent veil on top, otherwise the fill would hide it.
    """
    ax.axvspan(
        start,
        end,
        color=WHITE if over_data else LIGHT_GREY,
        alpha=0.45 if over_data else 0.5,
        linewidth=0,
        zorder=2.5 if over_data else 0,
    )
    ax.axvline(start, color=GREY, linestyle="--", linewidth=1.0 * scale, zorder=2.6)
    lo, hi = ax.get_xlim()
    narrow = (end - start) < 0.15 * (hi - lo)
    blended = transforms.blended_transform_factory(ax.transData, ax.transAxes)
    ax.text(
        start,
        0.98,
        "projection \u2192 " if narrow else " projection",
        transform=blended,
        ha="right" if narrow else "left",
        va="top",
        fontsize=font_sizes(scale)["tick"],
        style="italic",
        color=DARK_GREY,
    )


def _draw_hlines(ax, hlines, scale: float) -> None:
    if hlines is None:
        return
    if isinstance(hlines, str | bytes) or not isinstance(hlines, Sequence):
        raise TypeError(f"hlines must be a list of (y, label) pairs, got {hlines!r}")
    blended = transforms.blended_transform_factory(ax.transAxes, ax.transData)
    for item in hlines:
        if not (isinstance(item, Sequence) and len(item) == 2 and isinstance(item[1], str)):
            raise TypeError(f"each hline must be a (y, label) pair, got {item!r}")
        y, label = item
        if isinstance(y, bool) or not isinstance(y, int | float | np.number):
            raise TypeError(f"hline y must be a number, got {y!r}")
        ax.axhline(float(y), color=GREY, linestyle=":", linewidth=1.3 * scale, zorder=1)
        if label:
            ax.text(
                0.995,
                float(y),
                label,
                transform=blended,
                ha="right",
                va="bottom",
                fontsize=font_sizes(scale)["tick"] * 0.9,
                color=DARK_GREY,
            )


def _mapping(name: str, value, columns) -> dict:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise TypeError(f"{name} must be a dict keyed by column name, got {type(value).__name__}")
    unknown = [k for k in value if k not in columns]
    if unknown:
        raise ValueError(f"{name} has keys {unknown} that are not columns; columns: {columns}")
    return dict(value)


# ----------------------------------------------------------------------------- line chart
def line_chart(
    frame: pd.DataFrame | pd.Series,
    title: str,
    xlabel: str,
    ylabel: str,
    source: str,
    description: str,
    *,
    colors: Mapping[str, str] | None = None,
    styles: Mapping[str, str] | None = None,
    markers: bool = True,
    shade_from: object = None,
    hlines: Sequence[tuple[float, str]] | None = None,
    percent: bool | float = False,
    gaps: bool = True,
    size: tuple[float, float] = (8, 4.5),
    scale: float = 1.0,
) -> Chart:
    """One line per column of ``frame``; the index is the x axis (usually integer years).

    * ``colors``: optional ``{column: palette name | actor code | hex}``; by default actor codes
      (``"CHN"``, ``"EU"``, ...) get their fixed colour and others the next palette colour.
    * ``styles``: optional ``{column: "-" | "--" | ":" | "-."}`` (e.g. dashed for a projection).
    * ``markers``: a distinct marker shape per series, so lines differ without colour too.
    * ``shade_from``: x where a projection starts; draws a dashed seam and a light band to the
      right, labelled "projection".
    * ``hlines``: ``[(y, label), ...]`` dotted grey reference lines (e.g. a 50% threshold).
    * ``percent``: ``True`` if values are fractions (0.25 -> 25%), ``100`` if already percent.
    * ``gaps``: a year absent from an integer index (or a NaN) breaks the line instead of being
      bridged; ``gaps=False`` connects the remaining points.

    >>> import pandas as pd
    >>> f = pd.DataFrame({"CHN": [0.10, 0.12, 0.20]}, index=[2013, 2014, 2016])
    >>> c = line_chart(f, "China's share", "", "share", "IMF, IMTS (2025)",
    ...                "China's share doubles from 2013 to 2016.", percent=True)
    >>> [float(round(v, 2)) for v in c.figure.axes[0].lines[0].get_ydata()]  # 2015 is a gap
    [0.1, 0.12, nan, 0.2]
    """
    frame = _fill_missing_years(_as_frame(frame), gaps)
    percent_max = _check_percent(percent)
    columns = list(frame.columns)
    palette = series_colors(columns, _mapping("colors", colors, columns))
    style_map = _mapping("styles", styles, columns)
    for column, style in style_map.items():
        if style not in _LINE_STYLES:
            raise ValueError(f"styles[{column!r}] must be one of {_LINE_STYLES}, got {style!r}")
    fig, ax = new_chart(title, xlabel, ylabel, source, size, scale=scale)
    sizes = font_sizes(scale)
    x = frame.index
    for i, column in enumerate(columns):
        series = frame[column]
        if not gaps:
            series = series.dropna()
        ax.plot(
            series.index,
            series.to_numpy(),
            color=palette[column],
            linestyle=style_map.get(column, "-"),
            linewidth=2.2 * scale,
            marker=MARKERS[i % len(MARKERS)] if markers else None,
            markersize=5 * scale,
            label=str(column),
            zorder=3,
        )
    _, x_end = _set_x_limits(ax, x)
    if shade_from is not None:
        _in_range("shade_from", shade_from, x)
        _shade_projection(ax, shade_from, x_end, scale)
    _draw_hlines(ax, hlines, scale)
    _format_year_axis(ax, x)
    _format_value_axis(ax.yaxis, frame.to_numpy(), percent_max)
    if len(columns) > 1:
        legend(ax, scale, fontsize=sizes["legend"])
    return Chart(fig, description=description, title=title)


# ----------------------------------------------------------------------------- bar chart
def bar_chart(
    data: pd.Series | pd.DataFrame,
    title: str,
    xlabel: str,
    ylabel: str,
    source: str,
    description: str,
    *,
    horizontal: bool = False,
    sort: str | None = None,
    colors: str | Mapping[str, str] | None = None,
    percent: bool | float = False,
    value_labels: bool = False,
    size: tuple[float, float] = (8, 4.5),
    scale: float = 1.0,
) -> Chart:
    """Bars for a Series (one bar per index label) or grouped bars for a DataFrame (one group
    per row, one bar per column).

    * ``horizontal``: categories on the y axis, first category at the top (good for long
      country names).
    * ``sort``: ``None`` keeps the given order; ``"ascending"``/``"descending"`` sorts by value
      (a DataFrame by its row total).
    * ``colors``: for a Series, one colour for all bars, or ``{category: colour}`` where
      unlisted categories are grey (to highlight a few); by default actor codes get their fixed
      colour if every category is an actor, else all bars are blue. For a DataFrame,
      ``{column: colour}``.
    * ``value_labels``: write each bar's value at its end.

    ``xlabel`` labels the category axis and ``ylabel`` the value axis, also when horizontal.

    >>> import pandas as pd
    >>> s = pd.Series({"CHN": 0.2, "EU": 0.4, "USA": 0.05})
    >>> c = bar_chart(s, "Shares", "", "share", "IMF, IMTS (2025)", "The EU leads.",
    ...               sort="descending", percent=True)
    >>> [t.get_text() for t in c.figure.axes[0].get_xticklabels()]
    ['EU', 'CHN', 'USA']
    """
    is_series = isinstance(data, pd.Series)
    frame = _as_frame(data, "data")
    percent_max = _check_percent(percent)
    if sort not in (None, "ascending", "descending"):
        raise ValueError(f"sort must be None, 'ascending' or 'descending', got {sort!r}")
    if sort is not None:
        key = frame.sum(axis=1, min_count=1)
        order = key.sort_values(ascending=sort == "ascending", na_position="last").index
        frame = frame.loc[order]
    categories = [str(c) for c in frame.index]
    columns = list(frame.columns)
    if is_series:
        if colors is None:
            known = all(c in ACTOR_COLORS for c in categories)
            bar_colors = [ACTOR_COLORS[c] if known else PALETTE["blue"] for c in categories]
        elif isinstance(colors, str):
            bar_colors = [resolve_color(colors)] * len(categories)
        elif isinstance(colors, Mapping):
            unknown = [k for k in colors if str(k) not in categories]
            if unknown:
                raise ValueError(f"colors has keys {unknown} not among categories {categories}")
            resolved = {str(k): resolve_color(v) for k, v in colors.items()}
            bar_colors = [resolved.get(c, GREY) for c in categories]
        else:
            raise TypeError(f"colors must be None, a colour or a dict, got {type(colors).__name__}")
        column_colors = {columns[0]: bar_colors}
    else:
        if isinstance(colors, str):
            raise TypeError("colors for a DataFrame must be a dict {column: colour}")
        palette = series_colors(columns, _mapping("colors", colors, columns))
        column_colors = {c: [palette[c]] * len(categories) for c in columns}

    fig, ax = new_chart(title, xlabel, ylabel, source, size, scale=scale)
    sizes = font_sizes(scale)
    positions = np.arange(len(categories), dtype=float)
    width = 0.8 / len(columns)
    for i, column in enumerate(columns):
        offset = (i - (len(columns) - 1) / 2) * width
        values = frame[column].to_numpy()
        kwargs = {"color": column_colors[column], "label": str(column), "zorder": 3}
        if horizontal:
            bars = ax.barh(positions + offset, values, height=width * 0.95, **kwargs)
        else:
            bars = ax.bar(positions + offset, values, width=width * 0.95, **kwargs)
        if value_labels:
            labels = [_value_label(v, percent_max) for v in values]
            ax.bar_label(
                bars, labels=labels, padding=3, fontsize=sizes["tick"] * 0.9, color=DARK_GREY
            )
    value_axis, category_axis = (ax.xaxis, ax.yaxis) if horizontal else (ax.yaxis, ax.xaxis)
    category_axis.set_ticks(positions, labels=categories)
    _format_value_axis(value_axis, frame.to_numpy(), percent_max)
    if horizontal:
        ax.invert_yaxis()
        ax.grid(False, axis="y")
        ax.grid(True, axis="x", color=LIGHT_GREY, linewidth=0.8 * scale)
        ax.set_xlabel(ylabel, fontsize=sizes["label"], color=DARK_GREY)
        ax.set_ylabel(xlabel, fontsize=sizes["label"], color=DARK_GREY)
        ax.tick_params(axis="y", length=0)
    else:
        ax.tick_params(axis="x", length=0)
        if max((len(c) for c in categories), default=0) * len(categories) > 60:
            ax.tick_params(axis="x", labelrotation=30)
            for label in ax.get_xticklabels():
                label.set_horizontalalignment("right")
    if value_labels:
        ax.margins(**({"x": 0.1} if horizontal else {"y": 0.1}))
    if len(columns) > 1:
        legend(ax, scale)
    return Chart(fig, description=description, title=title)


# ----------------------------------------------------------------------------- stacked area
def _contiguous_blocks(frame: pd.DataFrame) -> list[pd.DataFrame]:
    """Split rows into runs with no missing value, so gaps stay gaps in a stack."""
    complete = frame.notna().all(axis=1).to_numpy()
    blocks, start = [], None
    for i, ok in enumerate(complete):
        if ok and start is None:
            start = i
        if not ok and start is not None:
            blocks.append(frame.iloc[start:i])
            start = None
    if start is not None:
        blocks.append(frame.iloc[start:])
    return blocks


def stacked_area(
    frame: pd.DataFrame,
    title: str,
    xlabel: str,
    ylabel: str,
    source: str,
    description: str,
    *,
    colors: Mapping[str, str] | None = None,
    percent: bool | float = False,
    shade_from: object = None,
    gaps: bool = True,
    size: tuple[float, float] = (8, 4.5),
    scale: float = 1.0,
) -> Chart:
    """Stack the columns of ``frame`` (first column at the bottom) over the index.

    Values must be non-negative (stacking negative parts misleads). A row with any missing
    value, or a year absent from an integer index, leaves a gap across the whole stack; with
    ``gaps=False`` such rows are dropped and the neighbours joined. The legend lists series
    top-down in the same order as the stack.

    >>> import pandas as pd
    >>> f = pd.DataFrame({"CHN": [1.0, 2.0], "EU": [3.0, 2.0]}, index=[2020, 2021])
    >>> stacked_area(f, "Imports", "", "USD bn", "IMF", "China's part grows.").title
    'Imports'
    """
    frame = _as_frame(frame)
    if (frame.fillna(0) < 0).any().any():
        negative = [c for c in frame.columns if (frame[c] < 0).any()]
        raise ValueError(f"stacked_area needs non-negative values; negative in {negative}")
    frame = _fill_missing_years(frame, gaps)
    if not gaps:
        frame = frame.dropna()
    percent_max = _check_percent(percent)
    columns = list(frame.columns)
    palette = series_colors(columns, _mapping("colors", colors, columns))
    fig, ax = new_chart(title, xlabel, ylabel, source, size, scale=scale)
    blocks = _contiguous_blocks(frame)
    if not blocks:
        raise ValueError("stacked_area: no year has values for every column")
    for n, block in enumerate(blocks):
        if len(block) == 1:  # a lone year between gaps: draw it as a thin stacked bar
            bottom = 0.0
            for column in columns:
                value = float(block[column].iloc[0])
                ax.bar(
                    block.index,
                    value,
                    bottom=bottom,
                    width=0.3,
                    color=palette[column],
                    edgecolor=WHITE,
                    linewidth=0.5 * scale,
                    zorder=2,
                )
                bottom += value
            continue
        ax.stackplot(
            block.index,
            *[block[c].to_numpy() for c in columns],
            colors=[palette[c] for c in columns],
            labels=[str(c) for c in columns] if n == 0 else (),
            edgecolor=WHITE,
            linewidth=0.5 * scale,
            zorder=2,
        )
    x = frame.index
    _, x_end = _set_x_limits(ax, x, pad=0.0)
    if shade_from is not None:
        _in_range("shade_from", shade_from, x)
        _shade_projection(ax, shade_from, x_end, scale, over_data=True)
    _format_year_axis(ax, x)
    _format_value_axis(ax.yaxis, frame.sum(axis=1).to_numpy(), percent_max)
    ax.set_ylim(bottom=0)
    _stack_legend(ax, scale)
    return Chart(fig, description=description, title=title)


def _stack_legend(ax, scale: float = 1.0) -> None:
    """Legend right of a stacked chart, in reverse order so it reads like the stack (top first)."""
    handles, labels = ax.get_legend_handles_labels()
    if handles:
        ax.legend(
            handles[::-1],
            labels[::-1],
            frameon=False,
            loc="upper left",
            bbox_to_anchor=(1.0, 1.0),
            fontsize=font_sizes(scale)["legend"],
            labelcolor=DARK_GREY,
        )


# ----------------------------------------------------------------------------- timeline
def _to_timestamp(value: object, row: int) -> pd.Timestamp:
    """Parse ``YYYY``, ``YYYY-MM`` (placed on the 1st of the month) or ``YYYY-MM-DD``."""
    if isinstance(value, pd.Timestamp | datetime | date | np.datetime64):
        return pd.Timestamp(value)
    if isinstance(value, int | np.integer) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str):
        text = value.strip()
        formats = {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}
        if len(text) in formats:
            try:
                return pd.Timestamp(datetime.strptime(text, formats[len(text)]))
            except ValueError:
                pass
    raise ValueError(
        f"events row {row}: date must be YYYY, YYYY-MM or YYYY-MM-DD (or a datetime), got {value!r}"
    )


def timeline_chart(
    events: pd.DataFrame,
    title: str,
    source: str,
    description: str,
    *,
    colors: Mapping[str, str] | None = None,
    xlabel: str = "",
    label_width: int = 18,
    size: tuple[float, float] = (10, 4.5),
    scale: float = 1.0,
) -> Chart:
    """Events on a time axis, one row per ``category``, each labelled.

    ``events`` needs columns ``date`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` strings or
    datetimes; a month-only date is placed on the 1st), ``label`` (short, wrapped at
    ``label_width`` characters) and ``category``. Rows appear in order of first appearance;
    labels alternate above and below the row to limit overlap, so keep to about a dozen events.

    >>> import pandas as pd
    >>> ev = pd.DataFrame({"date": ["2014-05", "2019-12-02"],
    ...                    "label": ["Gas deal signed", "Pipeline opens"],
    ...                    "category": ["energy", "energy"]})
    >>> timeline_chart(ev, "Power of Siberia", "Company reports", "Two milestones.").title
    'Power of Siberia'
    """
    if not isinstance(events, pd.DataFrame):
        raise TypeError(f"events must be a pandas DataFrame, got {type(events).__name__}")
    missing = [c for c in ("date", "label", "category") if c not in events.columns]
    if missing:
        raise ValueError(f"events is missing column(s) {missing}; it has {list(events.columns)}")
    if events.empty:
        raise ValueError("events is empty: there is nothing to draw")
    if isinstance(label_width, bool) or not isinstance(label_width, int) or label_width < 5:
        raise ValueError(f"label_width must be an integer >= 5, got {label_width!r}")
    when = [_to_timestamp(v, i) for i, v in enumerate(events["date"].tolist())]
    table = pd.DataFrame(
        {
            "when": when,
            "label": events["label"].astype(str).tolist(),
            "category": events["category"].astype(str).tolist(),
        }
    )
    categories = list(dict.fromkeys(table["category"]))
    palette = series_colors(categories, colors)
    row_of = {c: i for i, c in enumerate(categories)}
    table = table.sort_values("when", kind="stable").reset_index(drop=True)

    fig, ax = new_chart(title, xlabel, "", source, size, scale=scale)
    sizes = font_sizes(scale)
    ax.grid(False, axis="y")
    ax.grid(True, axis="x", color=LIGHT_GREY, linewidth=0.8 * scale)
    for i, category in enumerate(categories):
        rows = table[table["category"] == category]
        ax.axhline(row_of[category], color=LIGHT_GREY, linewidth=1.0 * scale, zorder=1)
        ax.scatter(
            rows["when"].dt.to_pydatetime(),
            [row_of[category]] * len(rows),
            color=palette[category],
            marker=MARKERS[i % len(MARKERS)],
            s=60 * scale**2,
            zorder=3,
            edgecolors=WHITE,
            linewidths=0.8 * scale,
        )
        for k, (when_, label) in enumerate(zip(rows["when"], rows["label"], strict=True)):
            above = k % 2 == 0
            ax.annotate(
                textwrap.fill(label, label_width),
                xy=(when_.to_pydatetime(), row_of[category]),
                xytext=(0, 8 * scale if above else -8 * scale),
                textcoords="offset points",
                ha="center",
                va="bottom" if above else "top",
                fontsize=sizes["tick"] * 0.85,
                color=DARK_GREY,
                zorder=4,
            )
    ax.set_yticks(range(len(categories)), labels=categories)
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    ax.set_ylim(len(categories) - 0.35, -0.65)
    span = table["when"].max() - table["when"].min()
    pad = max(span * 0.08, pd.Timedelta(days=300))
    ax.set_xlim(table["when"].min() - pad, table["when"].max() + pad)
    return Chart(fig, description=description, title=title)
