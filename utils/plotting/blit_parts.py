"""Building blocks for blitted charts whose ticks, value labels or legend rows change.

Why this module exists: :mod:`utils.plotting.blit` redraws only the animated artists of a
chart. For the charts of lessons 02, 03, 06 and 08 those include the axis ticks (the chosen
years set the x-range; the chosen partners set the y-range), bar value labels and legend rows.
The helpers below turn a chart drawn the usual way (with ``line_chart`` or ``bar_chart``, so it
looks exactly as before) into such a layout: margins frozen once, ticks drawn by
:class:`BlitTicks` from the same locator and formatter matplotlib would use, and
:class:`TickedLayout` holding both. Used by :mod:`utils.plotting.trade` and
:mod:`utils.plotting.dependence`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Text
from matplotlib.ticker import FixedFormatter, FixedLocator, ScalarFormatter
from matplotlib.transforms import ScaledTranslation

from utils.plotting import _number_formatter
from utils.plotting.blit import BlitLayout
from utils.plotting.style import HouseLayout


def freeze_margins(fig: Figure) -> None:
    """Fit the house margins now, once, and keep them (no layout engine runs later).

    Why: the helpers below need the final axes position (to lay out legend rows and place the
    y label once), so the margins must be fixed before the layout is stored.
    """
    engine = fig.get_layout_engine()
    if isinstance(engine, HouseLayout):
        engine.execute(fig)
        fig.set_layout_engine("none")


def tick_values(locator, formatter, lo: float, hi: float) -> tuple[list[float], list[str]]:
    """Tick positions and labels that an axis with this locator and formatter shows on lo-hi.

    Same rules as matplotlib's ``Axis``: the formatter sees every tick the locator gives
    (some formatters pick their decimals from all of them), then ticks outside the view are
    dropped (with matplotlib's tolerance).
    """
    if formatter.axis is None:
        formatter.create_dummy_axis()
    formatter.axis.set_view_interval(lo, hi)
    locs = list(locator.tick_values(lo, hi))
    labels = formatter.format_ticks(locs)
    low, high = sorted((lo, hi))
    tol = (high - low) * 1e-10
    kept = [
        (loc, label)
        for loc, label in zip(locs, labels, strict=True)
        if low - tol <= loc <= high + tol
    ]
    return [loc for loc, _ in kept], [label for _, label in kept]


class BlitTicks:
    """Tick marks, grid lines and tick labels of one axis, drawn on every render (blitting).

    Why: the controls move the axis ranges (years, shares), so ticks change with them, and
    matplotlib's own ``Axis.draw`` measures every tick label to place the axis label, about
    12-19 ms per axis on the course machine. These plain artists draw the same marks, lines
    and labels in a few ms. They copy their look from the axis's first tick when made and
    are added to the figure, not the axes, so that ``Axes.relim`` sees the data only. After
    making them, call :func:`hide_axis_ticks` so the static part leaves the axis's own ticks out.
    """

    def __init__(self, ax: Axes, which: str, count: int = 12) -> None:
        if which not in ("x", "y"):
            raise ValueError(f"which must be 'x' or 'y', got {which!r}")
        axis = ax.xaxis if which == "x" else ax.yaxis
        tick = axis.get_major_ticks()[0]
        pad = tick.get_pad() + tick.get_tick_padding()
        if which == "x":
            text_transform, va, ha = ax.get_xaxis_text1_transform(pad)
            mark_transform = ax.get_xaxis_transform(which="tick1")
            grid_transform = ax.get_xaxis_transform(which="grid")
        else:
            text_transform, va, ha = ax.get_yaxis_text1_transform(pad)
            mark_transform = ax.get_yaxis_transform(which="tick1")
            grid_transform = ax.get_yaxis_transform(which="grid")
        fig = ax.get_figure()
        zorder = axis.get_zorder()
        self.which = which
        self.axis = axis
        self.locator = axis.get_major_locator()
        mark = tick.tick1line
        self.marks = Line2D(
            [], [], transform=mark_transform, linestyle="none", marker=mark.get_marker(),
            color=mark.get_markeredgecolor(),
            markersize=mark.get_markersize(), markeredgewidth=mark.get_markeredgewidth(),
            markeredgecolor=mark.get_markeredgecolor(), zorder=zorder,
        )  # fmt: skip
        grid = tick.gridline
        self.grid = [
            Line2D(
                [],
                [],
                transform=grid_transform,
                color=grid.get_color(),
                linewidth=grid.get_linewidth(),
                linestyle=grid.get_linestyle(),
                zorder=zorder,
            )  # fmt: skip
            for _ in range(count if grid.get_visible() else 0)
        ]
        label = tick.label1
        self.labels = [
            Text(
                0,
                0,
                "",
                transform=text_transform,
                va=va,
                ha=ha,
                color=label.get_color(),
                fontproperties=label.get_fontproperties(),
                zorder=zorder,
            )  # fmt: skip
            for _ in range(count)
        ]
        for artist in (self.marks, *self.grid, *self.labels):
            fig.add_artist(artist)

    def artists(self, prefix: str) -> dict[str, Artist]:
        """The artists by name, for :class:`~utils.plotting.blit.BlitLayout`."""
        named: dict[str, Artist] = {f"{prefix}_grid_{i}": g for i, g in enumerate(self.grid)}
        named[f"{prefix}_marks"] = self.marks
        named.update({f"{prefix}_label_{i}": t for i, t in enumerate(self.labels)})
        return named

    def show(self, locs: Sequence[float], labels: Sequence[str]) -> None:
        """Put ticks at ``locs`` (data units) with ``labels``; the other pooled ticks hide.

        The axis itself is told the same ticks (it does not draw them), so that
        ``ax.get_xticks()`` and ``ax.get_xticklabels()`` still report what the image shows.
        """
        if len(locs) > len(self.labels):
            raise ValueError(f"{len(locs)} ticks asked for, only {len(self.labels)} available")
        self.axis.set_major_locator(FixedLocator(list(locs)))
        self.axis.set_major_formatter(FixedFormatter(list(labels)))
        zeros = [0.0] * len(locs)
        across = (0.0, 1.0)
        if self.which == "x":
            self.marks.set_data(list(locs), zeros)
        else:
            self.marks.set_data(zeros, list(locs))
        for i, text in enumerate(self.labels):
            text.set_visible(i < len(locs))
            if i < len(locs):
                text.set_position((locs[i], 0.0) if self.which == "x" else (0.0, locs[i]))
                text.set_text(labels[i])
        for i, line in enumerate(self.grid):
            line.set_visible(i < len(locs))
            if i < len(locs):
                spot = (locs[i], locs[i])
                line.set_data(*((spot, across) if self.which == "x" else (across, spot)))

    def follow(self, lo: float, hi: float, formatter) -> None:
        """Ticks for the view ``lo``-``hi`` from the axis locator, labelled by ``formatter``."""
        self.show(*tick_values(self.locator, formatter, lo, hi))


def value_formatter(values, percent_max: float | None):
    """The tick formatter the house charts give a value axis with these values."""
    return _number_formatter(np.asarray(values, dtype=float), percent_max) or ScalarFormatter(
        useOffset=False
    )


def hide_axis_ticks(ax: Axes, which: str = "both") -> None:
    """Keep the axes' own ticks out of the static part (:class:`BlitTicks` draws them).

    They turn transparent rather than being removed: the axis labels are still placed beyond
    the (invisible) tick labels, where the house layout left room for them.
    """
    ax.tick_params(axis=which, color="none", labelcolor="none")
    ax.grid(False, axis=which)


class TickedLayout(BlitLayout):
    """A :class:`BlitLayout` that also keeps its :class:`BlitTicks`, by axis name ("x", "y")."""

    def __init__(self, figure: Figure, artists: dict, ticks: dict[str, BlitTicks]) -> None:
        artists = dict(artists)
        for axis_name, axis_ticks in ticks.items():
            artists.update(axis_ticks.artists(axis_name))
        super().__init__(figure, artists)
        self.ticks = ticks

    def fit_view(self, bars: Sequence[Rectangle] | None = None) -> None:
        """Autoscale the axes to their visible data artists, as a fresh chart would.

        For bar charts pass the visible ``bars``: their corners are then taken from their
        numbers, where ``relim`` would measure each bar's path (about 1 ms a bar).
        """
        ax = self.figure.axes[0]
        ax.set_autoscale_on(True)
        if bars is None:
            ax.relim(visible_only=True)
        else:
            corners = [
                (x, y)
                for bar in bars
                for x in (bar.get_x(), bar.get_x() + bar.get_width())
                for y in (bar.get_y(), bar.get_y() + bar.get_height())
            ]
            ax.ignore_existing_data_limits = True
            ax.update_datalim(corners)
        ax.autoscale_view()


def value_texts(ax: Axes) -> list[Text]:
    """Plain Texts in place of ``bar_label``'s annotations (same place, look and order).

    Why: an annotation checks on every draw whether its point lies inside the axes and works
    out its offset again, which makes it about twice as slow to draw as a Text; a bar's end
    always lies inside these axes. Each Text sits at its bar's end (data units, set per
    render) plus the annotation's fixed offset in points.
    """
    fig = ax.get_figure()
    texts = []
    for annotation in list(ax.texts):
        dx, dy = annotation.xyann  # "offset points", as bar_label writes them
        offset = ScaledTranslation(dx / 72, dy / 72, fig.dpi_scale_trans)
        text = ax.text(*annotation.xy, annotation.get_text(), transform=ax.transData + offset)
        text.update_from(annotation)
        text.set_transform(ax.transData + offset)
        annotation.remove()
        texts.append(text)
    return texts


def spine_artists(ax: Axes) -> dict[str, Artist]:
    """The visible spines, redrawn per render so that grid lines stay beneath them."""
    return {f"spine_{side}": s for side, s in ax.spines.items() if s.get_visible()}


def detach_ylabel(ax: Axes) -> Text:
    """Move the y-axis label into its own Text (same place and look) so it can change per render.

    Why: an ``Axis`` draws its label itself, so it would be part of the static picture. The
    axis is drawn once here to put the label where matplotlib would, next to the widest tick
    label the layout was fitted to.
    """
    fig = ax.get_figure()
    ax.yaxis.draw(fig.canvas.get_renderer())  # places the label; the pixels are redrawn later
    label = ax.yaxis.label
    text = Text(*label.get_position(), label.get_text())
    text.update_from(label)
    text.set_rotation_mode(label.get_rotation_mode())
    fig.add_artist(text)
    label.set_text("")
    return text


def legend_rows(ax: Axes) -> list[tuple[Artist, Text]]:
    """The (handle, text) rows of the axes' legend, laid out once, then drawn per render.

    Why: a legend lays itself out again on every draw (about 13 ms here). Its rows are placed
    top-down from the legend's upper-left anchor and all have the height of one line, so a
    row keeps its place whatever its text; the legend is drawn once here (after the margins
    are fixed) to place them, then removed from the axes, and its rows are kept as artists.
    """
    leg = ax.get_legend()
    leg.draw(ax.get_figure().canvas.get_renderer())
    rows = list(zip(leg.legend_handles, leg.texts, strict=True))
    leg.remove()
    return rows
