"""Charts for lesson 00 (start here): a partner's share of Russia's trade, and the claims ledger.

Why a topic module: both charts sit behind the first widgets students meet, and every widget
must answer within 100 ms. Rebuilding a matplotlib figure on each slider move costs more than
that on a slow machine, so both charts are drawn by blitting (see :mod:`utils.plotting.blit`):
the static part (axes, ticks, labels, source line) is drawn once and kept as pixels, and each
call sets and draws only what changes. The notebooks call the same functions, so the figure a
student sees in a static cell is the figure the widget shows.

Two choices keep the static part truly static, so a control never waits for a new figure:

* :func:`first_look_chart` draws every partner on **one fixed share axis**, from 0 to just
  above the highest share any partner reached (the EU's, about 62%). Switching partner then
  changes only the line, not the axis, and shares of different partners read on the same
  scale (the USA's small share looks small, as it is).
* :func:`verdict_chart` draws every lesson's verdicts on **one fixed count axis**, long enough
  for the whole ledger, so one lesson's bars compare directly with all lessons'.

Public API: :data:`PARTNER_NAMES`, :func:`partner_shares`, :func:`trade_source`,
:func:`first_look_chart`, :func:`verdict_chart`.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

from utils import data, indicators
from utils.plotting import _value_label, actor_color, bar_chart, line_chart
from utils.plotting.blit import BlitLayout, LayoutCache, RenderedChart
from utils.plotting.style import title_artist

__all__ = [
    "PARTNER_NAMES",
    "first_look_chart",
    "partner_shares",
    "trade_source",
    "verdict_chart",
]

#: Partners of the first widget (actor code -> name used in titles and sentences).
PARTNER_NAMES = {"CHN": "China", "EU": "the EU (27)", "DEU": "Germany", "USA": "the United States"}
#: Air above the highest value on a fixed axis: matplotlib's own default margin (5%).
_TOP_MARGIN = 0.05
#: Room beyond the longest possible verdict bar for its count label (as ``bar_chart`` leaves).
_BAR_LABEL_MARGIN = 0.1


# ----------------------------------------------------------------------------- first look
@lru_cache(maxsize=1)
def partner_shares() -> pd.DataFrame:
    """Each partner's share (0-1) of Russia's goods trade, one row per year with data."""
    trade = data.load("russia_trade_by_partner")
    return indicators.partner_shares(trade, list(PARTNER_NAMES))


@lru_cache(maxsize=1)
def trade_source() -> str:
    """Source line of the trade data behind :func:`partner_shares`."""
    trade = data.load("russia_trade_by_partner")
    return data.source_line(*sorted(trade["source_id"].unique()))


@lru_cache(maxsize=1)
def _share_lines() -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Years from first to last, and each partner's shares on them (NaN where absent, so
    2015 breaks the line as in :func:`line_chart`): plain arrays, cheap to hand to a line."""
    shares = partner_shares()
    years = pd.RangeIndex(int(shares.index.min()), int(shares.index.max()) + 1)
    full = shares.reindex(years)
    return years.to_numpy(dtype=float), {p: full[p].to_numpy(dtype=float) for p in PARTNER_NAMES}


def _share_title(partner: str) -> str:
    name = PARTNER_NAMES[partner]
    return f"{name[0].upper() + name[1:]}: share of Russia's goods trade"


def _build_first_look() -> BlitLayout:
    """Axes fixed for every partner; the partner's line, year line, label and title animated.

    Drawn by :func:`utils.plotting.line_chart` (so it looks like every other line chart of
    the course) with the partner that sets the axis, then the y range is fixed to cover all
    partners.
    """
    shares = partner_shares()
    highest = str(shares.max().idxmax())
    top = float(shares[highest].max())
    name = PARTNER_NAMES[highest]
    chart = line_chart(
        shares[[highest]].rename(columns={highest: name}),
        _share_title(highest),
        "Year",
        "Share of exports + imports",
        trade_source(),
        "Placeholder: the layout of the first-look chart.",
        colors={name: highest},
        percent=True,
        hlines=[(top / 2, "2000")],
    )
    ax = chart.figure.axes[0]
    ax.set_ylim(0.0, top * (1 + _TOP_MARGIN))
    line, year_line = ax.lines
    (year_label,) = ax.texts
    artists = {
        "year_line": year_line,
        "share": line,
        "year_label": year_label,
        "title": title_artist(ax),
    }
    return BlitLayout(chart.figure, artists, order=tuple(artists))


_FIRST_LOOK_LAYOUTS = LayoutCache(_build_first_look, size=1)


def first_look_chart(
    partner: str, year: int, share: float | None, description: str
) -> RenderedChart:
    """The partner's share of Russia's trade, every year, with a dotted line at ``share``.

    ``share`` is the partner's share in ``year`` (0-1), or ``None`` for a year without a figure
    (no line is drawn then). The share axis is the same for every partner (see module doc).
    """
    if partner not in PARTNER_NAMES:
        raise ValueError(f"partner must be one of {sorted(PARTNER_NAMES)}, got {partner!r}")
    if isinstance(year, bool) or not isinstance(year, int | np.integer):
        raise TypeError(f"year must be an integer, got {type(year).__name__} {year!r}")
    if share is not None and (
        isinstance(share, bool) or not isinstance(share, int | float | np.number)
    ):
        raise TypeError(f"share must be a number or None, got {share!r}")
    if not isinstance(description, str) or not description.strip():
        raise ValueError("description must be a non-empty sentence (it is the alt text)")
    layout = _FIRST_LOOK_LAYOUTS.get()
    years, shares = _share_lines()
    line = layout["share"]
    line.set_data(years, shares[partner])
    line.set_color(actor_color(partner))
    line.set_label(PARTNER_NAMES[partner])
    has_share = share is not None
    layout["year_line"].set_visible(has_share)
    layout["year_label"].set_visible(has_share)
    if has_share:
        layout["year_line"].set_ydata([float(share), float(share)])
        layout["year_label"].set_y(float(share))
        layout["year_label"].set_text(f"{year}")
    title = _share_title(partner)
    layout["title"].set_text(title)
    return layout.chart(description, title)


# ----------------------------------------------------------------------------- claims ledger
def _build_verdicts(categories: tuple[str, ...], axis_max: int) -> BlitLayout:
    """Verdict axis and count axis fixed; bar lengths, count labels and title animated."""
    counts = pd.Series(np.full(len(categories), float(axis_max)), index=list(categories))
    chart = bar_chart(
        counts,
        "Verdicts on the article's claims (all lessons)",
        "Verdict",
        "Number of claims",
        "Claims ledger (data/claims.csv) judged by utils.claims from the datasets in data/",
        "Placeholder: the layout of the verdict chart.",
        horizontal=True,
        colors="blue",
        value_labels=True,
    )
    ax = chart.figure.axes[0]
    span = max(axis_max, 1)
    ax.set_xlim(0.0, (1 + _BAR_LABEL_MARGIN) * span)  # bars start at 0, as bar_chart draws
    artists: dict[str, object] = {}
    for i, bar in enumerate(ax.containers[0].patches):
        artists[f"bar_{i}"] = bar
    for i, label in enumerate(ax.texts):
        artists[f"count_{i}"] = label
    artists["title"] = title_artist(ax)
    return BlitLayout(chart.figure, artists, order=tuple(artists))


_VERDICT_LAYOUTS = LayoutCache(_build_verdicts, size=2)


def verdict_chart(counts: pd.Series, scope: str, description: str, axis_max: int) -> RenderedChart:
    """Horizontal bars: how many claims got each verdict, for ``scope`` ("all lessons", ...).

    ``counts`` is indexed by verdict, in display order (top first). ``axis_max`` is the most
    claims any scope can have under one verdict: the count axis is fixed to it, so every
    lesson is drawn on the same scale (see module doc).
    """
    if not isinstance(counts, pd.Series) or counts.empty:
        raise TypeError(f"counts must be a non-empty pandas Series, got {type(counts).__name__}")
    if isinstance(axis_max, bool) or not isinstance(axis_max, int | np.integer) or axis_max < 0:
        raise ValueError(f"axis_max must be a non-negative integer, got {axis_max!r}")
    values = counts.to_numpy(dtype=float)
    if (values < 0).any() or values.max() > axis_max:
        raise ValueError(f"counts must lie in 0..axis_max={axis_max}, got {counts.tolist()}")
    if not isinstance(scope, str) or not scope.strip():
        raise ValueError(f"scope must be a non-empty str, got {scope!r}")
    layout = _VERDICT_LAYOUTS.get(tuple(str(c) for c in counts.index), int(axis_max))
    for i, value in enumerate(values):
        bar = layout[f"bar_{i}"]
        bar.set_width(value)
        label = layout[f"count_{i}"]
        label.xy = (value, bar.get_y() + bar.get_height() / 2)
        label.set_text(_value_label(value, None))  # as bar_chart writes it
    title = f"Verdicts on the article's claims ({scope})"
    layout["title"].set_text(title)
    return layout.chart(description, title)
