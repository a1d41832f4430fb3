"""Charts for lessons 03 (who needs whom) and 08 (economic coercion).

Why a topic module: the lessons ask the same questions of several tables (how much does each
side weigh for the other, how concentrated are partners and suppliers, what would a cut-off
cost), so the small computations behind each chart live here next to the chart, cached, and
tested against the raw numbers. Every chart function returns a :class:`~utils.plotting.Chart`
whose one-sentence description is written from the numbers it draws, so the caption can never
contradict the figure.

Series functions (``*_series`` / ``*_table``) return plain DataFrames for notebooks and tests;
chart functions (``*_chart``) draw them in the house style with a source line.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.ticker import MaxNLocator

from utils import data, indicators, substitution
from utils.plotting import (
    Chart,
    _value_label,
    bar_chart,
    font_sizes,
    legend,
    line_chart,
    resolve_color,
    timeline_chart,
)
from utils.plotting.blit import LayoutCache
from utils.plotting.blit_parts import (
    BlitTicks,
    TickedLayout,
    freeze_margins,
    hide_axis_ticks,
    spine_artists,
    value_formatter,
    value_texts,
)
from utils.plotting.style import title_artist

#: Partners of Russia that do not overlap: the EU27 as one bloc (its members DEU, FRA, ITA and
#: NLD are left out, they are inside it) plus the single countries outside the EU.
RUSSIA_PARTNER_BLOCKS = ("CHN", "EU", "BLR", "GBR", "IND", "JPN", "KAZ", "KOR", "TUR", "UKR", "USA")

#: Years the crude what-if offers: China's customs extract itemises Russia in every one of them.
CUTOFF_YEARS = (2013, 2021)
#: The only year with Russia's total crude exports (BP 2020 trade matrix).
SELLER_SIDE_YEAR = 2020


def _pct(value: float, digits: int = 1) -> str:
    return f"{100 * value:.{digits}f}%"


def _legend_inside(chart: Chart, loc: str = "upper left", scale: float = 1.0) -> Chart:
    """Move the house legend from the right margin into the axes (keeps wide charts wide) and
    put the value ticks on round steps (1, 2, 5 or 10 units), so a percent axis never shows
    12.5% rounded to "12%"."""
    ax = chart.figure.axes[0]
    legend(ax, scale, loc=loc, bbox_to_anchor=None, borderaxespad=0.5)
    ax.yaxis.set_major_locator(MaxNLocator(steps=[1, 2, 5, 10]))
    return chart


# ============================================================================ lesson 03
@lru_cache(maxsize=1)
def _mirror_shares() -> pd.DataFrame:
    russia = data.load("russia_trade_by_partner")
    china = data.load("china_trade_with_russia")
    chn_in_rus = indicators.partner_shares(russia, ["CHN"])["CHN"]
    rus_in_chn = indicators.partner_shares(china, ["RUS"])["RUS"]
    world = china[china["partner"] == "WLD"].set_index("year")
    caveat = world["caveat"].notna() & (world["caveat"].astype(str) != "")
    frame = pd.DataFrame({"china_in_russia": chn_in_rus, "russia_in_china": rus_in_chn})
    frame = frame.reindex(range(int(frame.index.min()), int(frame.index.max()) + 1))
    ratio = [
        indicators.asymmetry_ratio(float(a), float(b)) if pd.notna(a) and pd.notna(b) else np.nan
        for a, b in zip(frame["china_in_russia"], frame["russia_in_china"], strict=True)
    ]
    frame["asymmetry_ratio"] = ratio
    frame["china_total_includes_hong_kong"] = caveat.reindex(frame.index).fillna(False).astype(bool)
    frame.index.name = "year"
    return frame


def mirror_shares() -> pd.DataFrame:
    """China's share of Russia's goods trade and Russia's share of China's, by year (0-1).

    Both shares use turnover (exports + imports) over the reporter's world total. Columns:
    ``china_in_russia``, ``russia_in_china``, ``asymmetry_ratio`` (the first over the second,
    from :func:`utils.indicators.asymmetry_ratio`) and ``china_total_includes_hong_kong``
    (True 1999-2013: the COW China totals then appear to include Hong Kong SAR, which makes
    Russia's share of China's trade too small and the ratio too large). 2015 has no Russian
    total, so its ratio is missing.
    """
    return _mirror_shares().copy()


def mirror_shares_chart(scale: float = 1.0) -> Chart:
    """Two lines: how much each country weighs in the other's goods trade."""
    frame = mirror_shares()
    lines = pd.DataFrame(
        {
            "China's share of Russia's trade": frame["china_in_russia"],
            "Russia's share of China's trade": frame["russia_in_china"],
        }
    )
    y0, y1 = 2013, 2019
    description = (
        f"China's share of Russia's goods trade rose from {_pct(frame.loc[y0, 'china_in_russia'])} "
        f"in {y0} to {_pct(frame.loc[y1, 'china_in_russia'])} in {y1}, while Russia's share of "
        f"China's trade stayed between {_pct(frame.loc[y0, 'russia_in_china'])} and "
        f"{_pct(frame.loc[y1, 'russia_in_china'])} in the same years."
    )
    chart = line_chart(
        lines,
        "Who weighs what for whom: shares of each other's goods trade",
        "",
        "% of the reporter's total trade (exports + imports)",
        data.source_line("cow_trade_v4", "imf_imts_2025", "un_comtrade_cipf_2026"),
        description,
        colors={
            "China's share of Russia's trade": "CHN",
            "Russia's share of China's trade": "RUS",
        },
        percent=True,
        scale=scale,
    )
    return _legend_inside(chart, "upper left", scale)


def asymmetry_chart(scale: float = 1.0) -> Chart:
    """The asymmetry ratio, with the years whose China totals include Hong Kong set apart."""
    frame = mirror_shares()
    flagged = frame["china_total_includes_hong_kong"]
    clean_label = "China's own totals"
    flagged_label = "COW totals incl. Hong Kong (ratio too high)"
    lines = pd.DataFrame(
        {
            clean_label: frame["asymmetry_ratio"].where(~flagged),
            flagged_label: frame["asymmetry_ratio"].where(flagged),
        }
    )
    y0, y1, last = 2013, 2019, int(frame["asymmetry_ratio"].last_valid_index())
    ratio = frame["asymmetry_ratio"]
    description = (
        f"China weighed {ratio[y0]:.1f} times more in Russia's trade than Russia in China's in "
        f"{y0} (a COW year, overstated), {ratio[y1]:.1f} times in {y1} and {ratio[last]:.1f} "
        f"times in {last}."
    )
    chart = line_chart(
        lines,
        "Asymmetry ratio: China's weight for Russia over Russia's weight for China",
        "",
        "ratio (1 = equal weight)",
        data.source_line("cow_trade_v4", "imf_imts_2025", "un_comtrade_cipf_2026"),
        description,
        colors={clean_label: "black", flagged_label: "grey"},
        styles={flagged_label: "--"},
        hlines=[(1.0, "equal weight")],
        scale=scale,
    )
    return _legend_inside(chart, "upper left", scale)


@lru_cache(maxsize=1)
def _partner_concentration() -> pd.DataFrame:
    trade = data.load("russia_trade_by_partner")
    value = indicators.trade_value(trade, "turnover")
    wide = trade.assign(value=value).pivot_table(
        index="year", columns="partner", values="value", aggfunc="sum"
    )
    rows = []
    for year, row in wide.iterrows():
        world = row.get("WLD", np.nan)
        if pd.isna(world) or world <= 0:
            continue
        known = row.reindex(list(RUSSIA_PARTNER_BLOCKS)).dropna()
        # COW years value exports at the partner's (CIF) figure while the world total is
        # Russia's own; when the blocks then add up to more than the world, the blocks
        # themselves are the total and the rest is zero.
        shares = known / max(float(world), float(known.sum()))
        rest = max(0.0, 1.0 - float(shares.sum()))
        rows.append(
            {
                "year": int(year),
                "hhi_upper": indicators.hhi([*shares.tolist(), rest]),
                "hhi_lower": float((shares**2).sum()),
                "blocks_listed": len(known),
                "rest_share": rest,
            }
        )
    return pd.DataFrame(rows).set_index("year")


def partner_concentration() -> pd.DataFrame:
    """HHI (0-1) of Russia's goods trade by partner, with lower and upper bounds.

    Our table lists eleven non-overlapping partner blocks (:data:`RUSSIA_PARTNER_BLOCKS`, the
    EU27 as one bloc) and the world total; the rest of the world is not broken down. Treating
    that rest as one partner gives an *upper* bound (``hhi_upper``); treating it as many tiny
    partners (contributing nothing) gives a *lower* bound (``hhi_lower``). A block missing in
    a year (KAZ in 2024, UKR in 2023) falls into the rest, which keeps both bounds valid. In
    two COW years (2001, 2004) the mirror-valued blocks add up to more than Russia's own world
    total; there the blocks are taken as the whole and both bounds coincide.
    """
    return _partner_concentration().copy()


def partner_concentration_chart(scale: float = 1.0) -> Chart:
    """Bounds of the HHI of Russia's partners over time."""
    frame = partner_concentration()
    lines = pd.DataFrame(
        {
            "upper bound (rest of world as one partner)": frame["hhi_upper"],
            "lower bound (rest of world fully split)": frame["hhi_lower"],
        }
    )
    y0, y1, last = 2013, 2019, int(frame.index.max())
    description = (
        f"The concentration of Russia's trade partners (HHI, EU27 as one bloc) lay between "
        f"{frame.loc[y0, 'hhi_lower']:.2f} and {frame.loc[y0, 'hhi_upper']:.2f} in {y0}, "
        f"{frame.loc[y1, 'hhi_lower']:.2f} and {frame.loc[y1, 'hhi_upper']:.2f} in {y1}, and "
        f"{frame.loc[last, 'hhi_lower']:.2f} and {frame.loc[last, 'hhi_upper']:.2f} in {last}."
    )
    chart = line_chart(
        lines,
        "How concentrated are Russia's trade partners? (HHI)",
        "",
        "HHI (0 = spread out, 1 = one partner)",
        data.source_line("cow_trade_v4", "imf_imts_2025"),
        description,
        colors={
            "upper bound (rest of world as one partner)": "blue",
            "lower bound (rest of world fully split)": "sky_blue",
        },
        styles={"lower bound (rest of world fully split)": "--"},
        hlines=[(0.15, "0.15")],
        scale=scale,
    )
    return _legend_inside(chart, "upper right", scale)


@lru_cache(maxsize=1)
def _crude_supplier_series() -> pd.DataFrame:
    crude = data.load("china_crude_imports_by_origin")
    rows = []
    for year in sorted(int(y) for y in crude.loc[crude["origin"] == "WLD", "year"].unique()):
        supply = substitution.crude_supply_from_frame(crude, year)
        if "RUS" not in supply.by_origin.index:
            continue
        shares = supply.by_origin / supply.total_kt
        rank = list(supply.by_origin.index).index("RUS") + 1
        rows.append(
            {
                "year": year,
                "russia_share": float(shares["RUS"]),
                "saudi_share": float(shares.get("SAU", np.nan)),
                "russia_rank": rank,
                "origins_itemised": len(shares),
                "hhi_upper": indicators.hhi(list(supply.volumes_with_rest().values())),
            }
        )
    return pd.DataFrame(rows).set_index("year")


def crude_supplier_series() -> pd.DataFrame:
    """Russia in China's crude imports by year: share, rank and supplier concentration.

    ``russia_share`` and ``saudi_share`` are fractions of China's total crude imports (kt);
    ``russia_rank`` is Russia's place among the itemised origins; ``hhi_upper`` is the HHI of
    China's suppliers with the non-itemised rest as one block (an upper bound, as in claim
    C07). Only years in which the customs extract itemises Russia are kept.
    """
    return _crude_supplier_series().copy()


def crude_share_chart(scale: float = 1.0) -> Chart:
    """Russia's (and Saudi Arabia's) share of China's crude imports over time."""
    frame = crude_supplier_series()
    lines = pd.DataFrame({"Russia": frame["russia_share"], "Saudi Arabia": frame["saudi_share"]})
    first, y1, last = int(frame.index.min()), 2020, int(frame.index.max())
    description = (
        f"Russia supplied {_pct(frame.loc[first, 'russia_share'])} of China's crude imports in "
        f"{first}, {_pct(frame.loc[y1, 'russia_share'])} (rank {frame.loc[y1, 'russia_rank']}) "
        f"in {y1} and {_pct(frame.loc[last, 'russia_share'])} in {last}; the upper-bound HHI "
        f"of China's suppliers was {frame.loc[y1, 'hhi_upper']:.3f} in {y1}."
    )
    chart = line_chart(
        lines,
        "Russia's share of China's crude oil imports",
        "",
        "% of China's crude imports (by weight)",
        data.source_line("gacc_wind_2022"),
        description,
        colors={"Russia": "RUS", "Saudi Arabia": "orange"},
        percent=True,
        scale=scale,
    )
    return _legend_inside(chart, "upper left", scale)


def crude_suppliers_chart(year: int = SELLER_SIDE_YEAR, top: int = 10, scale: float = 1.0) -> Chart:
    """China's largest crude suppliers in ``year`` (share of its imports), Russia highlighted."""
    supply = substitution.crude_supply(year)
    shares = (supply.by_origin / supply.total_kt).iloc[:top]
    names = _crude_origin_names()
    labels = [names.get(k, k) for k in shares.index]
    series = pd.Series(shares.to_numpy(), index=labels, name="share")
    highlight = {names["RUS"]: "RUS"} if "RUS" in shares.index else {}
    listed = float(shares.sum())
    description = (
        f"In {year} China's top {len(shares)} crude suppliers together provided {_pct(listed)} "
        f"of its imports; the largest, {labels[0]}, provided {_pct(shares.iloc[0])}."
    )
    return bar_chart(
        series,
        f"China's largest crude oil suppliers, {year}",
        "",
        "% of China's crude imports (by weight)",
        data.source_line("gacc_wind_2022"),
        description,
        horizontal=True,
        colors=highlight or "grey",
        percent=True,
        value_labels=True,
        size=(8, 5),
        scale=scale,
    )


@lru_cache(maxsize=1)
def _arms_series() -> pd.DataFrame:
    arms = data.load("arms_transfers_by_year")
    years = range(int(arms["year"].min()), int(arms["year"].max()) + 1)
    pair = arms[(arms["supplier_iso3"] == "RUS") & (arms["recipient_iso3"] == "CHN")]
    to_china = pair.groupby("year")["tiv_m"].sum().reindex(years)
    china_imports = arms[arms["recipient_iso3"] == "CHN"].groupby("year")["tiv_m"].sum()
    russia_exports = arms[arms["supplier_iso3"] == "RUS"].groupby("year")["tiv_m"].sum()
    frame = pd.DataFrame(
        {
            "russia_to_china_tiv_m": to_china,
            "china_imports_tiv_m": china_imports.reindex(years),
            "russia_exports_tiv_m": russia_exports.reindex(years),
        }
    )
    frame["russia_share_of_china_imports"] = (
        frame["russia_to_china_tiv_m"] / frame["china_imports_tiv_m"]
    )
    frame["china_share_of_russia_exports"] = (
        frame["russia_to_china_tiv_m"] / frame["russia_exports_tiv_m"]
    )
    frame.index.name = "year"
    return frame


def arms_series() -> pd.DataFrame:
    """Russia -> China arms deliveries (SIPRI TIV, millions) and the two shares, by year.

    ``russia_share_of_china_imports``: Russia's part of all major arms China received;
    ``china_share_of_russia_exports``: China's part of all major arms Russia delivered. TIV is
    SIPRI's volume unit, not US dollars.
    """
    return _arms_series().copy()


def arms_volume_chart(scale: float = 1.0) -> Chart:
    """Russia -> China deliveries of major arms, SIPRI TIV per year."""
    frame = arms_series()
    series = frame["russia_to_china_tiv_m"].rename("Russia -> China")
    peak_year = int(series.idxmax())
    last = int(series.index.max())
    description = (
        f"Russian deliveries of major arms to China peaked at {series[peak_year]:,.0f} million "
        f"TIV in {peak_year} and were {series[last]:,.0f} million TIV in {last}."
    )
    chart = line_chart(
        series,
        "Russian major-arms deliveries to China",
        "",
        "SIPRI trend-indicator values (TIV), millions",
        data.source_line("sipri_at_deliveries_2025"),
        description,
        colors={"Russia -> China": "RUS"},
        scale=scale,
    )
    chart.figure.axes[0].set_ylim(bottom=0)  # volumes: the axis starts at zero
    return chart


def arms_shares_chart(scale: float = 1.0) -> Chart:
    """Two views of the arms relationship: Russia's weight for China and China's for Russia."""
    frame = arms_series()
    lines = pd.DataFrame(
        {
            "Russia's share of China's arms imports": frame["russia_share_of_china_imports"],
            "China's share of Russia's arms exports": frame["china_share_of_russia_exports"],
        }
    )
    y0, last = int(frame.index.min()), int(frame.index.max())
    description = (
        f"Russia provided {_pct(lines.iloc[:, 0][y0], 0)} of China's major-arms imports in {y0} "
        f"and {_pct(lines.iloc[:, 0][last], 0)} in {last}, while China took "
        f"{_pct(lines.iloc[:, 1][y0], 0)} of Russia's arms exports in {y0} and "
        f"{_pct(lines.iloc[:, 1][last], 0)} in {last}."
    )
    chart = line_chart(
        lines,
        "Arms: how much each side weighs for the other",
        "",
        "% of the yearly volume (SIPRI TIV)",
        data.source_line("sipri_at_deliveries_2025"),
        description,
        colors={
            "Russia's share of China's arms imports": "RUS",
            "China's share of Russia's arms exports": "CHN",
        },
        percent=True,
        scale=scale,
    )
    return _legend_inside(chart, "center right", scale)


# ----------------------------------------------------------------------------- what-if bars
# The two what-if widgets (lessons 03 and 08) redraw on every control change, within 100 ms.
# Their charts are horizontal bar charts with fixed categories, so each is drawn once per
# layout by bar_chart (it looks exactly as before) and each change redraws only the bars,
# their value labels, the x ticks and, where it changes, the title (see utils.plotting.blit).


def _build_what_if_bars(
    categories: tuple[str, ...],
    colors: tuple[str, ...],
    xlabel: str,
    source: str,
    size: tuple[float, float],
    scale: float,
) -> TickedLayout:
    """Bars for ``categories`` drawn by :func:`bar_chart`, then split into static and animated.

    Static: axes, category labels, x label, source line. Animated: bars (width, colour), value
    labels, x ticks and grid, title.
    """
    chart = bar_chart(
        pd.Series(1.0, index=list(categories)),
        "Placeholder title",
        "",
        xlabel,
        source,
        "Placeholder.",
        horizontal=True,
        colors=dict(zip(categories, colors, strict=True)),
        percent=True,
        value_labels=True,
        size=size,
        scale=scale,
    )
    fig, ax = chart.figure, chart.figure.axes[0]
    bars, values = list(ax.containers[0]), value_texts(ax)
    ticks = {"x": BlitTicks(ax, "x")}
    freeze_margins(fig)
    hide_axis_ticks(ax, "x")
    artists: dict[str, Artist] = {"title": title_artist(ax), **spine_artists(ax)}
    for i, (bar, value) in enumerate(zip(bars, values, strict=True)):
        artists[f"bar_{i}"], artists[f"value_{i}"] = bar, value
    return TickedLayout(fig, artists, ticks)


def _show_what_if_bars(
    layout: TickedLayout, values: Sequence[float], colors: Sequence[str], title: str
) -> None:
    """Set every bar, value label, x tick and the title for this call (fractions -> %)."""
    bars = []
    for i, (value, color) in enumerate(zip(values, colors, strict=True)):
        bar, label = layout[f"bar_{i}"], layout[f"value_{i}"]
        bar.set_width(value)
        bar.set_facecolor(resolve_color(color))
        label.set_position((value, bar.get_y() + bar.get_height() / 2))
        label.set_text(_value_label(value, 1.0) if np.isfinite(value) else "")
        bars.append(bar)
    layout["title"].set_text(title)
    layout.fit_view(bars)
    ax = layout.figure.axes[0]
    layout.ticks["x"].follow(*ax.get_xlim(), value_formatter(values, 1.0))


def _cutoff_bars(seller_name: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Bar labels and colours of the cut-off chart (a fourth bar if the seller side is known)."""
    labels = ["China: supply lost", "China: replaced by others", "China: shortfall left"]
    colors = ["CHN", "grey", "CHN"]
    if seller_name is not None:
        labels.append(f"{seller_name}: crude exports lost")
        colors.append("RUS")
    return tuple(labels), tuple(colors)


def _build_cutoff_layout(seller: bool, scale: float) -> TickedLayout:
    """One layout with the seller side (Russia in 2020 only) and one without."""
    name = _crude_origin_names().get("RUS", "RUS") if seller else None
    labels, colors = _cutoff_bars(name)
    sources = ["gacc_wind_2022"] + (["bp_statreview_2021"] if seller else [])
    return _build_what_if_bars(
        labels,
        colors,
        "% of China's crude imports"
        + (f"; last bar: % of {name}'s crude exports" if seller else ""),
        data.source_line(*sources),
        (8, 4),
        scale,
    )


_CUTOFF_LAYOUTS = LayoutCache(_build_cutoff_layout, size=2)


def cutoff_chart(
    supplier: str = "RUS",
    replaceable_share: float = 0.5,
    year: int = SELLER_SIDE_YEAR,
    scale: float = 1.0,
) -> tuple[Chart, str]:
    """The substitution what-if: China loses ``supplier``'s crude in ``year``.

    Returns the chart and a note in words. Raises ``ValueError`` (shown as a message by the
    widget) if the supplier has no itemised deliveries that year.

    Drawn by blitting (see :mod:`utils.plotting.blit`): one layout with the seller-side bar
    and one without, so a change redraws only the bars, labels, x ticks and title.
    """
    if isinstance(year, bool) or not isinstance(year, int | np.integer):
        raise TypeError(f"year must be an integer, got {year!r}")
    if not CUTOFF_YEARS[0] <= year <= CUTOFF_YEARS[1]:
        raise ValueError(f"year={year} is outside the range {CUTOFF_YEARS[0]}-{CUTOFF_YEARS[1]}")
    supply = substitution.crude_supply(int(year))
    names = _crude_origin_names()
    name = names.get(supplier, supplier)
    if supplier not in supply.by_origin.index:
        raise ValueError(
            f"The customs extract itemises no crude from {name} to China in {year}; "
            "choose another year or supplier."
        )
    seller = {}
    if supplier == "RUS" and year == SELLER_SIDE_YEAR:
        to_china, total = substitution.russia_crude_exports()
        seller = {"seller_exports_to_buyer": to_china, "seller_total_exports": total}
    result = substitution.supplier_cutoff(
        supply.volumes_with_rest(), supplier, replaceable_share, **seller
    )
    values = [result.removed_share, result.replaced_share, result.shortfall_share]
    if result.seller_lost_share is not None:
        values.append(result.seller_lost_share)
    description = (
        f"If {name} stopped selling crude to China in {year} and others replaced "
        f"{_pct(replaceable_share, 0)} of it, China would lack {_pct(result.shortfall_share)} "
        f"of its crude imports"
        + (
            f", while {name} would lose {_pct(result.seller_lost_share)} of its crude exports."
            if result.seller_lost_share is not None
            else "."
        )
    )
    title = f"{name}'s crude cut off from China, {year}"
    font_sizes(scale)  # validates scale, as bar_chart did
    layout = _CUTOFF_LAYOUTS.get(result.seller_lost_share is not None, float(scale))
    _, colors = _cutoff_bars(name if result.seller_lost_share is not None else None)
    _show_what_if_bars(layout, values, colors, title)
    chart = layout.chart(description, title)
    note = (
        f"The other suppliers would have to ship {_pct(result.extra_from_others)} more than "
        f"they did. Supplier concentration (HHI, upper bound): {result.hhi_before:.3f} before, "
        f"{result.hhi_after:.3f} without {name}."
    )
    if result.seller_lost_share is None:
        note += (
            f" The seller side needs {name}'s total crude exports, which our data hold only "
            f"for Russia in {SELLER_SIDE_YEAR} (BP)."
        )
    return chart, note


#: Shorter display names for a few long official names in the customs extract.
SHORT_NAMES = {"Russian Federation": "Russia"}


@lru_cache(maxsize=1)
def _crude_origin_names() -> dict[str, str]:
    crude = data.load("china_crude_imports_by_origin")
    named = crude[crude["origin"] != "WLD"].sort_values(["origin", "year"])
    return {
        code: SHORT_NAMES.get(name, name)
        for code, name in zip(named["origin"], named["origin_name"], strict=True)
    }


def cutoff_supplier_options(top: int = 6) -> list[tuple[str, str]]:
    """Dropdown options ``(name, code)``: every origin among the ``top`` suppliers of any year
    in :data:`CUTOFF_YEARS`, ordered by volume in :data:`SELLER_SIDE_YEAR` (absent ones last,
    by name). Fixed across years, so some choices have no deliveries in some years."""
    codes: set[str] = set()
    for year in range(CUTOFF_YEARS[0], CUTOFF_YEARS[1] + 1):
        codes.update(substitution.crude_supply(year).by_origin.index[:top])
    reference = substitution.crude_supply(SELLER_SIDE_YEAR).by_origin
    names = _crude_origin_names()
    order = sorted(codes, key=lambda k: (-float(reference.get(k, 0.0)), names.get(k, k)))
    return [(names.get(k, k), k) for k in order]


# ============================================================================ lesson 08
#: Observed years offered by the exposure what-if: the year before the 2014 crisis, the last
#: full year before the article, and the latest year in the data.
EXPOSURE_YEARS = (2013, 2019, 2024)
#: The scenario year the article points to ("the mid-2030s"), as in utils.scenarios.
SCENARIO_LABEL = "2036 scenario"

#: Target countries as written in the timeline's event ids, and how the lesson names them.
COERCION_TARGETS = {
    "japan": "Japan",
    "norway": "Norway",
    "philippines": "Philippines",
    "korea": "South Korea",
    "australia": "Australia",
    "lithuania": "Lithuania",
}
_LABEL_WORDS = {"thaad": "THAAD"}


@lru_cache(maxsize=1)
def _export_shares() -> pd.DataFrame:
    trade = data.load("russia_trade_by_partner")
    frame = pd.DataFrame(
        {
            "exports": indicators.partner_shares(trade, ["CHN"], measure="exports")["CHN"],
            "imports": indicators.partner_shares(trade, ["CHN"], measure="imports")["CHN"],
            "turnover": indicators.partner_shares(trade, ["CHN"], measure="turnover")["CHN"],
        }
    )
    frame.index.name = "year"
    return frame


def china_share_by_flow() -> pd.DataFrame:
    """China's share (0-1) of Russia's exports, imports and turnover, by year."""
    return _export_shares().copy()


def china_share_by_flow_chart(scale: float = 1.0) -> Chart:
    """China's weight as a buyer of Russian goods and as a seller to Russia."""
    frame = china_share_by_flow()
    lines = pd.DataFrame(
        {
            "share of Russia's exports (China as buyer)": frame["exports"],
            "share of Russia's imports (China as seller)": frame["imports"],
        }
    )
    y0, y1, last = EXPOSURE_YEARS
    exports = frame["exports"]
    description = (
        f"China bought {_pct(exports[y0])} of Russia's goods exports in {y0}, "
        f"{_pct(exports[y1])} in {y1} and {_pct(exports[last])} in {last}."
    )
    chart = line_chart(
        lines,
        "China as Russia's customer and as its supplier",
        "",
        "% of Russia's exports or imports",
        data.source_line("cow_trade_v4", "imf_imts_2025"),
        description,
        colors={
            "share of Russia's exports (China as buyer)": "CHN",
            "share of Russia's imports (China as seller)": "orange",
        },
        percent=True,
        scale=scale,
    )
    return _legend_inside(chart, "upper left", scale)


@lru_cache(maxsize=1)
def _exposure_bases() -> tuple[tuple[str, str, float], ...]:
    from utils import scenarios

    shares = china_share_by_flow()
    bases = [
        (f"observed {year}", "share of Russia's exports", float(shares.loc[year, "exports"]))
        for year in EXPOSURE_YEARS
    ]
    for name, params in scenarios.PRESETS.items():
        result = scenarios.run(params)
        share = result.china_share_in(params.end_year)
        label = f"{name} ({params.end_year} scenario)"
        bases.append((label, "share of Russia's trade (proxy)", float(share)))
    return tuple(bases)


def exposure_bases() -> pd.DataFrame:
    """The exposure what-if's bases: label, what the share measures, and the share (0-1).

    Observed years use China's share of Russia's *exports*; the scenario presets of
    :mod:`utils.scenarios` project only China's share of Russia's *trade* (turnover), which
    stands in for the export share there.
    """
    rows = _exposure_bases()
    return pd.DataFrame(rows, columns=["basis", "measure", "china_share"]).set_index("basis")


def _build_exposure_layout(scale: float) -> TickedLayout:
    """The one layout of the exposure chart: its bases (categories) never change."""
    bases = tuple(exposure_bases().index)
    return _build_what_if_bars(
        bases,
        ("grey",) * len(bases),
        "% of Russia's total exports lost",
        data.source_line("cow_trade_v4", "imf_imts_2025", "un_comtrade_cipf_2026")
        + " Scenarios: utils.scenarios presets (projections, not data).",
        (8, 4.5),
        scale,
    )


_EXPOSURE_LAYOUTS = LayoutCache(_build_exposure_layout, size=2)


def exposure_chart(
    basis: str = f"observed {EXPOSURE_YEARS[1]}",
    restricted_fraction: float = 0.5,
    redirect_fraction: float = 0.0,
    scale: float = 1.0,
) -> tuple[Chart, str]:
    """Hit to Russia's total exports for every basis, the chosen one highlighted.

    Drawn by blitting (see :mod:`utils.plotting.blit`): the bases are fixed, so one layout
    serves every choice and a change redraws only the bars, labels and x ticks.
    """
    bases = {label: (measure, share) for label, measure, share in _exposure_bases()}
    if basis not in bases:
        raise ValueError(f"basis={basis!r} is not one of {list(bases)}")
    results = {
        label: substitution.export_exposure(share, restricted_fraction, redirect_fraction)
        for label, (_, share) in bases.items()
    }
    chosen = results[basis]
    description = (
        f"If China restricted {_pct(restricted_fraction, 0)} of its purchases from Russia and "
        f"Russia resold {_pct(redirect_fraction, 0)} of those goods elsewhere, Russia would lose "
        f"{_pct(chosen.lost_share)} of its total exports ({basis}; "
        f"China's share {_pct(chosen.market_share)})."
    )
    title = "What-if: Russia's export loss"
    font_sizes(scale)  # validates scale, as bar_chart did
    layout = _EXPOSURE_LAYOUTS.get(float(scale))
    _show_what_if_bars(
        layout,
        [r.lost_share for r in results.values()],
        ["CHN" if label == basis else "grey" for label in results],
        title,
    )
    chart = layout.chart(description, title)
    measure = bases[basis][0]
    note = (
        f"{basis}: China's {measure} = {_pct(chosen.market_share)}; restricted = "
        f"{_pct(chosen.restricted_share)} of all exports; resold elsewhere = "
        f"{_pct(chosen.redirected_share)}; net loss = {_pct(chosen.lost_share)}."
    )
    return chart, note


def coercion_events() -> pd.DataFrame:
    """Timeline rows of category ``coercion`` with the target country and a short label.

    The target is the word after the date in the event id (``2020-05-18_australia_barley`` ->
    Australia); the label is the rest (``barley``).
    """
    timeline = data.load("timeline")
    events = timeline[timeline["category"] == "coercion"].copy()
    targets, labels = [], []
    for event_id in events["event_id"]:
        words = event_id.split("_")[1:]
        if not words or words[0] not in COERCION_TARGETS:
            raise ValueError(
                f"event {event_id!r}: the target country is not one of {sorted(COERCION_TARGETS)}"
            )
        targets.append(COERCION_TARGETS[words[0]])
        labels.append(" ".join(_LABEL_WORDS.get(w, w) for w in words[1:]))
    events["target"] = targets
    events["label"] = labels
    return events.reset_index(drop=True)


def coercion_timeline_chart(scale: float = 1.0) -> Chart:
    """China's trade measures linked to political disputes, one row per target country."""
    events = coercion_events()
    # Several measures against one country in one year sit too close to label separately:
    # the first carries all their labels, the others only their marker.
    year = events["date"].str[:4]
    keys = pd.Series(list(zip(events["target"], year, strict=True)))
    first_of_group = ~keys.duplicated().to_numpy()
    grouped = events.groupby([events["target"], year], sort=False)["label"].agg(", ".join)
    labels = [
        grouped[(target, y)] if first else ""
        for target, y, first in zip(events["target"], year, first_of_group, strict=True)
    ]
    frame = pd.DataFrame({"date": events["date"], "label": labels, "category": events["target"]})
    per_target = events.groupby("target", sort=False).size()
    first, last = events["date"].min()[:4], events["date"].max()[:4]
    description = (
        f"The timeline lists {len(events)} measures against {len(per_target)} countries from "
        f"{first} to {last}; {per_target.get('Australia', 0)} of them concern Australia in 2020."
    )
    return timeline_chart(
        frame,
        "Economic pressure linked to political disputes: dated cases",
        data.source_line("lab_web_pages_2025"),
        description,
        colors={target: "CHN" if target == "Australia" else "grey" for target in per_target.index},
        label_width=14,
        size=(10, 5),
        scale=scale,
    )
