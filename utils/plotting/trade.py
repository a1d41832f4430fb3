"""Trade charts for lessons 02 (the pivot to the East) and 06 (technology and sanctions).

Why a topic module: the lessons ask the same questions of one table,
``data/russia_trade_by_partner.csv`` (who takes what share of Russia's goods trade, and
how that changed around 2014 and 2022), and the answers must be *computed*, never typed. The
small pure functions here return the numbers; the chart functions draw them in house style
and write the one-sentence description from the same numbers, so the caption can never
disagree with the figure.

Two facts about the data shape every chart:

* **Two sources and a gap.** 1992-2014 come from COW Trade v4.0, 2016-2024 from the IMF
  (IMTS); 2015 is in neither, so it is left blank and the line breaks there instead of
  bridging it (an invented year would look like a measured one). Charts that span 2015 shade
  it and say which basis lies on each side.
* **Different bases.** In COW years Russia's exports to a partner are that partner's
  recorded imports from Russia (mirror data, valued CIF); in IMF years all flows are
  Russia's own records (exports FOB, imports CIF), and from 2022 the IMF fills them in from
  partner data. :func:`share_on_bases` shows how much such choices move a share.

Public API: :data:`PARTNER_NAMES`, :data:`MEASURES`, :func:`trade_table`,
:func:`available_years`, :func:`check_year_in_range`, :func:`partner_series`, :func:`flow_shares`,
:func:`article_share_checks`, :func:`share_on_bases`, :func:`eu_china_analogy`,
:func:`china_finance_to_russia`, and the charts :func:`pivot_chart`,
:func:`article_check_chart`, :func:`basis_chart`, :func:`import_sources_chart`,
:func:`analogy_chart`, :func:`finance_chart`; tables for the notebooks: :func:`ledger_rows`,
:func:`source_coverage`, :func:`first_year_above`, :func:`markdown_table`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.ticker import (
    FuncFormatter,
    MaxNLocator,
)

from utils import data, indicators
from utils.plotting import (
    DARK_GREY,
    GREY,
    LIGHT_GREY,
    PALETTE,
    Chart,
    _value_label,
    bar_chart,
    font_sizes,
    line_chart,
    series_colors,
    source_text,
)
from utils.plotting.blit import BlitLayout, LayoutCache
from utils.plotting.blit_parts import (
    BlitTicks,
    TickedLayout,
    detach_ylabel,
    freeze_margins,
    hide_axis_ticks,
    legend_rows,
    spine_artists,
    value_formatter,
    value_texts,
)
from utils.plotting.style import source_artist, title_artist

TABLE = "russia_trade_by_partner"

#: Readable names of the partner codes in the trade table (``EU`` is the EU27 as of 2020).
PARTNER_NAMES: dict[str, str] = {
    "CHN": "China",
    "EU": "EU27",
    "DEU": "Germany",
    "USA": "United States",
    "NLD": "Netherlands",
    "ITA": "Italy",
    "FRA": "France",
    "GBR": "United Kingdom",
    "BLR": "Belarus",
    "KAZ": "Kazakhstan",
    "UKR": "Ukraine",
    "TUR": "Türkiye",
    "IND": "India",
    "JPN": "Japan",
    "KOR": "South Korea",
}

#: Measures a chart can show: key -> (axis label, chart title).
MEASURES: dict[str, tuple[str, str]] = {
    "share": ("% of Russia's goods trade", "Partners' share of Russia's goods trade"),
    "turnover": ("USD bn (exports + imports)", "Russia's goods trade with each partner"),
    "exports": ("USD bn", "Russia's goods exports to each partner"),
    "imports": ("USD bn", "Russia's goods imports from each partner"),
    "import_share": ("% of Russia's goods imports", "Partners' share of Russia's goods imports"),
    "export_share": ("% of Russia's goods exports", "Partners' share of Russia's goods exports"),
}
_SHARE_MEASURES = {"share": "turnover", "import_share": "imports", "export_share": "exports"}
_VALUE_COLUMNS = {"turnover": None, "exports": "exports_usd_m", "imports": "imports_usd_m"}

#: The year missing from both sources (COW ends in 2014, the IMF extract starts in 2016).
GAP_YEAR = 2015
#: Years of the two big rounds of Western sanctions (Crimea 2014, full-scale war 2022).
SANCTION_YEARS = (2014, 2022)
#: Partners in the default view of the lesson-02 and lesson-06 widgets.
DEFAULT_PARTNERS = ("CHN", "EU", "DEU", "USA")
#: CIS partners present in our table; removing them from the total imitates (partly) the
#: "far abroad" basis of some Russian statistics.
CIS_PARTNERS_IN_TABLE = ("BLR", "KAZ", "UKR")


# ----------------------------------------------------------------------------- helpers
def name(code: str) -> str:
    """Readable partner name (``"CHN"`` -> ``"China"``); unknown codes are returned as is."""
    return PARTNER_NAMES.get(code, code)


def trade_table() -> pd.DataFrame:
    """The verified trade table (a fresh copy; :func:`utils.data.load` caches the parse)."""
    return data.load(TABLE)


@lru_cache(maxsize=8)
def _wide(measure: str) -> pd.DataFrame:
    """Year x partner table of one measure (percent for shares, USD bn for values)."""
    trade = trade_table()
    if measure in _SHARE_MEASURES:
        shares = indicators.partner_shares(trade, None, _SHARE_MEASURES[measure])
        return 100 * shares
    values = trade.assign(value=indicators.trade_value(trade, measure) / 1000)
    return values.pivot_table(index="year", columns="partner", values="value", aggfunc="sum")


def _check_measure(measure: object) -> str:
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {list(MEASURES)}, got {measure!r}")
    return str(measure)


def _check_partners(partners: object, allow_world: bool = False) -> list[str]:
    if isinstance(partners, str) or not isinstance(partners, Sequence):
        raise TypeError(f"partners must be a list of partner codes, got {partners!r}")
    partners = list(partners)
    if not partners:
        raise ValueError("partners is empty: choose at least one partner")
    allowed = list(PARTNER_NAMES) + (["WLD"] if allow_world else [])
    unknown = [p for p in partners if p not in allowed]
    if unknown:
        raise ValueError(f"partners {unknown} are not in the trade table; choose from {allowed}")
    if len(set(partners)) != len(partners):
        raise ValueError(f"partners contains duplicates: {partners}")
    return partners


def _check_year(label: str, year: object) -> int:
    if isinstance(year, bool) or not isinstance(year, int):
        raise TypeError(f"{label} must be an integer year, got {year!r}")
    years = available_years()
    if not years[0] <= year <= years[-1]:
        raise ValueError(f"{label} must lie in {years[0]}-{years[-1]}, got {year}")
    if year not in years:
        raise ValueError(
            f"{label}={year} has no data: {GAP_YEAR} is missing from both sources "
            f"(COW ends in 2014, the IMF extract starts in 2016); pick another year"
        )
    return year


def check_year_in_range(label: str, year: object) -> int:
    """``year`` as an int within the data's first-to-last year (the 2015 gap is allowed).

    Why: a range end beyond the data used to be clipped silently, so a chart asked for
    1992-3024 looked like an answer about 3024. ``label`` names the caller's parameter.
    """
    if isinstance(year, bool) or not isinstance(year, int):
        raise TypeError(f"{label} must be an integer year, got {year!r}")
    years = available_years()
    if not years[0] <= year <= years[-1]:
        raise ValueError(
            f"{label}={year} is outside the data: choose a year in {years[0]}-{years[-1]}"
        )
    return year


def available_years() -> list[int]:
    """Years with a world total for Russia, in order (1992-2024 without 2015)."""
    return list(_available_years())


@lru_cache(maxsize=1)
def _available_years() -> tuple[int, ...]:
    # Cached: every chart call checks its years, and reading the table costs a few ms.
    trade = trade_table()
    return tuple(sorted(int(y) for y in trade.loc[trade["partner"] == "WLD", "year"].unique()))


def _round_percent_ticks(chart: Chart, axis: str = "y") -> Chart:
    """Put percent ticks on steps of 1, 2, 5 or 10 units.

    Why: the shared helpers format percent ticks without decimals, and matplotlib's default
    locator may choose steps of 2.5, which would print 12.5% as "12%". Steps without halves
    keep every tick label exact.
    """
    ax = chart.figure.axes[0]
    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 5, 10]))
    return chart


def _sources_for(years: Sequence[int]) -> str:
    by_year = _source_ids_by_year()
    ids = set().union(*(by_year.get(int(y), ()) for y in years))
    return _source_line(tuple(s for s in ("cow_trade_v4", "imf_imts_2025") if s in ids))


@lru_cache(maxsize=4)
def _source_line(ids: tuple[str, ...]) -> str:
    return data.source_line(*ids)


@lru_cache(maxsize=1)
def _source_ids_by_year() -> dict[int, frozenset[str]]:
    # Cached: widgets ask on every change, and reading the table costs a few ms.
    trade = trade_table()
    return {int(year): frozenset(group) for year, group in trade.groupby("year")["source_id"]}


# ----------------------------------------------------------------------------- numbers
def partner_series(
    partners: Sequence[str] = DEFAULT_PARTNERS,
    measure: str = "share",
    start: int = 1992,
    end: int = 2024,
) -> pd.DataFrame:
    """One column per partner (named by :data:`PARTNER_NAMES`), one row per year with data.

    Shares are in percent (0-100) and values in USD bn. ``start``/``end`` are inclusive, may
    be given in either order and must each lie within the data (a year beyond it is refused,
    not clipped); 2015 is absent (the gap), never filled.

    >>> partner_series(["CHN"], "share", 2013, 2016).round(1).to_dict()["China"]
    {2013: 11.2, 2014: 12.0, 2016: 14.1}
    """
    measure = _check_measure(measure)
    partners = _check_partners(partners)
    start, end = check_year_in_range("start", start), check_year_in_range("end", end)
    lo, hi = sorted((start, end))
    wide = _wide(measure)
    frame = wide.loc[(wide.index >= lo) & (wide.index <= hi), partners].copy()
    frame = frame.dropna(how="all")
    if frame.empty:
        raise ValueError(
            f"no data for {lo}-{hi}: {GAP_YEAR} is missing from both sources; widen the range"
        )
    frame.columns = [name(p) for p in partners]
    frame.index = frame.index.astype(int)
    frame.index.name = "year"
    return frame


def flow_shares(
    year: int, partners: Sequence[str] = DEFAULT_PARTNERS, flow: str = "imports"
) -> pd.Series:
    """Each partner's share (percent) of Russia's ``flow`` ("imports" or "exports") in ``year``.

    Germany is part of the EU27, so shares of overlapping partners must not be added up.

    >>> round(float(flow_shares(2013, ["EU"], "imports")["EU27"]), 1)
    40.0
    """
    if flow not in ("imports", "exports"):
        raise ValueError(f"flow must be 'imports' or 'exports', got {flow!r}")
    year = _check_year("year", year)
    partners = _check_partners(partners)
    wide = _wide("import_share" if flow == "imports" else "export_share")
    row = wide.loc[year, partners]
    row.index = [name(p) for p in partners]
    row.name = year
    return row


def _share(partner: str, year: int, measure: str = "share") -> float:
    return float(_wide(measure).loc[year, partner])


def article_share_checks() -> pd.DataFrame:
    """The article's three trade numbers next to ours (percent, and the 2013-2019 ratio).

    Rows: "2013", "2019", "ratio 2019/2013". Columns: ``article``, ``our_data``,
    ``difference`` (ours minus the article's, in points or in ratio units).
    """
    ours_2013, ours_2019 = _share("CHN", 2013), _share("CHN", 2019)
    article = {"2013": 10.0, "2019": 18.0}
    table = pd.DataFrame(
        {
            "article": [article["2013"], article["2019"], article["2019"] / article["2013"]],
            "our_data": [ours_2013, ours_2019, ours_2019 / ours_2013],
        },
        index=["2013", "2019", "ratio 2019/2013"],
    )
    table["difference"] = table["our_data"] - table["article"]
    return table


def _bilateral_russia_reported(year: int) -> float:
    """Russia-reported trade with China (USD m) from ``china_trade_with_russia``."""
    china = data.load("china_trade_with_russia")
    row = china[(china["year"] == year) & (china["partner"] == "RUS")]
    if row.empty:
        raise ValueError(f"no Russia-China row for {year} in china_trade_with_russia")
    return float(row["exports_usd_m"].iloc[0] + row["imports_usd_m"].iloc[0])


def share_on_bases() -> pd.DataFrame:
    """China's share of Russia's trade computed on several bases (percent).

    Why: the article's "nearly 18%" for 2019 is not what our main series shows. The rows show
    how far the number moves when only the *basis* changes: the valuation of exports (mirror
    CIF in COW years vs Russia's own FOB record), the year, and the world total used as the
    denominator. Columns: ``share_pct``, ``year``, ``basis``, ``source_ids``.
    """
    trade = trade_table().set_index(["year", "partner"])

    def turnover(year: int, partner: str) -> float:
        row = trade.loc[(year, partner)]
        return float(row["exports_usd_m"] + row["imports_usd_m"])

    rows = [
        (
            f"{year} COW (mirror exports)",
            100 * turnover(year, "CHN") / turnover(year, "WLD"),
            year,
            "Russia's exports as China recorded them (CIF); COW world total",
            "cow_trade_v4",
        )
        for year in (2013, 2014)
    ]
    rows.append(
        (
            "2014 Russia's own records",
            100 * _bilateral_russia_reported(2014) / turnover(2014, "WLD"),
            2014,
            "Russia-reported trade with China (UN Comtrade); COW world total",
            "un_comtrade_cipf_2026; cow_trade_v4",
        )
    )
    without_cis = turnover(2019, "WLD") - sum(turnover(2019, p) for p in CIS_PARTNERS_IN_TABLE)
    for label, year, total, basis in (
        ("2019 IMF (Russia's records)", 2019, turnover(2019, "WLD"), "Russia-reported; world"),
        (
            "2019 total without BLR, KAZ, UKR",
            2019,
            without_cis,
            "Russia-reported; world minus Belarus, Kazakhstan, Ukraine",
        ),
        ("2020 IMF (Russia's records)", 2020, turnover(2020, "WLD"), "Russia-reported; world"),
    ):
        rows.append((label, 100 * turnover(year, "CHN") / total, year, basis, "imf_imts_2025"))
    table = pd.DataFrame(rows, columns=["label", "share_pct", "year", "basis", "source_ids"])
    return table.set_index("label")


def eu_china_analogy() -> pd.DataFrame:
    """The 2014 analogy in numbers: the EU27's weight for Russia in 2013 vs China's later.

    Rows: "EU27 in 2013", "China in 2013", "China in 2019", "China in 2023", "China in 2024";
    columns: ``trade_share`` and ``import_share`` (percent).
    """
    cases = [("EU", 2013), ("CHN", 2013), ("CHN", 2019), ("CHN", 2023), ("CHN", 2024)]
    return pd.DataFrame(
        {
            "trade_share": [_share(p, y) for p, y in cases],
            "import_share": [_share(p, y, "import_share") for p, y in cases],
        },
        index=[f"{name(p)} in {y}" for p, y in cases],
    )


def china_finance_to_russia() -> pd.Series:
    """Chinese official finance *committed* to Russia by year (USD bn, constant 2021).

    From AidData's GCDF 3.0: commitments of loans and grants by Chinese state lenders. They are
    not debt outstanding (loans are repaid, some are never drawn), so they measure exposure
    built up, not what Russia owes at any date.
    """
    finance = data.load("chinese_official_finance")
    russia = finance[finance["recipient"] == "RUS"].set_index("year")
    series = russia["commitments_usd_m_2021"].astype(float) / 1000
    series.index = series.index.astype(int)
    series.name = "Russia"
    return series


# ----------------------------------------------------------------------------- charts
def _describe_change(frame: pd.DataFrame, unit: str) -> str:
    """'China's share went from 6.9% in 1992 to 33.4% in 2024; the EU27's from ...'."""
    parts = []
    for i, column in enumerate(frame.columns):
        series = frame[column].dropna()
        if series.empty:
            parts.append(f"{column} has no data in this range")
            continue
        first_year, last_year = int(series.index[0]), int(series.index[-1])
        first, last = float(series.iloc[0]), float(series.iloc[-1])
        value = (lambda v: f"{v:.1f}%") if unit == "%" else (lambda v: f"USD {v:,.1f} bn")
        if first_year == last_year:
            parts.append(f"{column}: {value(last)} in {last_year}")
        elif i == 0:
            parts.append(
                f"{column} went from {value(first)} in {first_year} to {value(last)} in {last_year}"
            )
        else:
            parts.append(f"{column} from {value(first)} to {value(last)}")
    return "; ".join(parts)


def _gap_and_sanction_marks(ax: Axes) -> dict[object, list[Artist]]:
    """Shade 2015 and label the two bases; mark the sanction years. All hidden: each chart
    shows those inside its years (key ``"gap"`` or the sanction year)."""
    size = font_sizes(1.0)["tick"] * 0.85
    top = ax.get_xaxis_transform()
    marks: dict[object, list[Artist]] = {
        "gap": [
            ax.axvspan(GAP_YEAR - 0.5, GAP_YEAR + 0.5, color=LIGHT_GREY, alpha=0.8, zorder=0),
            ax.text(GAP_YEAR - 0.7, 0.98, "COW \u2190", transform=top, ha="right", va="top",
                    fontsize=size, color=DARK_GREY),
            ax.text(GAP_YEAR + 0.7, 0.98, "\u2192 IMF", transform=top, ha="left", va="top",
                    fontsize=size, color=DARK_GREY),
            ax.text(GAP_YEAR, 0.02, "no data", transform=top, ha="center", va="bottom",
                    fontsize=size * 0.9, color=DARK_GREY, rotation=90),
        ]
    }  # fmt: skip
    for year in SANCTION_YEARS:
        marks[year] = [
            ax.axvline(year, color=GREY, linestyle=":", linewidth=1.3, zorder=1),
            ax.text(year + 0.2, 0.88, f"sanctions\n{year}", transform=top, ha="left",
                    va="top", fontsize=size, color=DARK_GREY),
        ]  # fmt: skip
    for artists in marks.values():
        for artist in artists:
            artist.set_visible(False)
    return marks


def _show_marks(layout: BlitLayout, lo: int, hi: int, sanctions: bool) -> None:
    """Show the 2015 gap if the years span it, and the sanction years inside them if asked."""
    for i in range(4):
        layout[f"mark_gap_{i}"].set_visible(lo < GAP_YEAR < hi)
    for year in SANCTION_YEARS:
        for i in range(2):
            layout[f"mark_{year}_{i}"].set_visible(sanctions and lo <= year <= hi)


_YEAR_FORMATTER = FuncFormatter(lambda v, _pos: f"{v:.0f}")

#: Lines a pivot chart can hold: one per partner in the table.
PIVOT_MAX_PARTNERS = len(PARTNER_NAMES)
#: Widest y tick label that any partners, years and measure give, for percent and for USD bn
#: axes (found by trying every partner and year range: e.g. the United Kingdom's share in
#: 2023, Ukraine's exports in 2024). The left margin is fitted to it once per layout.
_WIDEST_VALUE_TICK = {True: "0.05%", False: "0.0000"}


def _build_pivot_layout(percent: bool, with_legend: bool, scale: float) -> TickedLayout:
    """The pivot chart's figure, drawn by :func:`line_chart` as before, with what moves animated.

    Static: axes, x label, legend room, margins. Animated: lines, legend rows, ticks and grid,
    y label, title, source line, the 2015 gap and the sanction marks.
    """
    years = available_years()
    names = [name(code) for code in PARTNER_NAMES][: PIVOT_MAX_PARTNERS if with_legend else 1]
    placeholder = pd.DataFrame({n: [0.0, 1.0] for n in names}, index=[years[0], years[-1]])
    actors = {name(code): code for code in DEFAULT_PARTNERS if name(code) in names}
    measure = "share" if percent else "turnover"
    chart = line_chart(
        placeholder,
        MEASURES[measure][1],
        "Year",
        MEASURES[measure][0],
        _sources_for(years),
        "Placeholder.",
        colors=actors,
        percent=100 if percent else False,
        scale=scale,
    )
    fig, ax = chart.figure, chart.figure.axes[0]
    lines = list(ax.lines)
    marks = _gap_and_sanction_marks(ax)
    if percent:
        _round_percent_ticks(chart)
    ticks = {"x": BlitTicks(ax, "x"), "y": BlitTicks(ax, "y")}
    ax.set_yticks([0.0], labels=[_WIDEST_VALUE_TICK[percent]])  # the margin fits the widest
    ax.set_ylim(-1, 1)
    freeze_margins(fig)
    rows = legend_rows(ax) if with_legend else []
    artists: dict[str, Artist] = {
        "title": title_artist(ax),
        "source": source_artist(fig),
        "ylabel": detach_ylabel(ax),
        **spine_artists(ax),
    }
    hide_axis_ticks(ax)
    for key, group in marks.items():
        artists.update({f"mark_{key}_{i}": artist for i, artist in enumerate(group)})
    artists.update({f"line_{i}": line for i, line in enumerate(lines)})
    for i, (handle, text) in enumerate(rows):
        artists[f"legend_handle_{i}"], artists[f"legend_text_{i}"] = handle, text
    return TickedLayout(fig, artists, ticks)


_PIVOT_LAYOUTS = LayoutCache(_build_pivot_layout, size=4)


def pivot_chart(
    partners: Sequence[str] = DEFAULT_PARTNERS,
    measure: str = "share",
    start: int = 1992,
    end: int = 2024,
    sanctions: bool = False,
    scale: float = 1.0,
) -> Chart:
    """Lines of each partner's trade with Russia over ``start``-``end`` (either order).

    The 2015 gap is shaded and labelled with the basis on each side; ``sanctions`` marks 2014
    and 2022. The description names the first and last value of each partner.

    Drawn by blitting (see :mod:`utils.plotting.blit`): one layout per kind of value axis
    (percent or USD bn) and per legend (one partner has none), so moving the year sliders or
    changing partners only redraws lines, ticks and labels. The x axis spans the chosen years
    and the y axis fits the chosen lines, as before; the left margin is fitted once to the
    widest tick label any choice can give, so narrow labels leave a little more room there.
    """
    measure = _check_measure(measure)
    frame = partner_series(partners, measure, start, end)
    font_sizes(scale)  # validates scale, as line_chart did
    years = [int(y) for y in frame.index]
    axis_label, heading = MEASURES[measure]
    is_share = measure in _SHARE_MEASURES
    lo, hi = min(years), max(years)
    title = f"{heading}, {lo}-{hi}" if lo != hi else f"{heading}, {lo}"
    description = _describe_change(frame, "%" if is_share else "USD bn")
    if lo < GAP_YEAR < hi:
        description += f"; {GAP_YEAR} is missing from both sources and left blank."
    else:
        description += "."
    columns = list(frame.columns)
    actors = {name(p): p for p in partners if p in ("CHN", "EU", "DEU", "USA")}
    colors = series_colors(columns, actors or None)
    layout = _PIVOT_LAYOUTS.get(is_share, len(columns) > 1, float(scale))

    if len(frame) > 1:  # absent years (2015) become NaN, so the lines break there
        frame = frame.reindex(pd.RangeIndex(lo, hi + 1))
    for i in range(PIVOT_MAX_PARTNERS if len(columns) > 1 else 1):
        shown = i < len(columns)
        line = layout[f"line_{i}"]
        line.set_visible(shown)
        if shown:
            line.set_data(frame.index.to_numpy(), frame[columns[i]].to_numpy(dtype=float))
            line.set_color(colors[columns[i]])
        if len(columns) > 1:
            handle, text = layout[f"legend_handle_{i}"], layout[f"legend_text_{i}"]
            handle.set_visible(shown)
            text.set_visible(shown)
            handle.set_color(colors[columns[i]] if shown else GREY)
            text.set_text(columns[i] if shown else "")
    _show_marks(layout, lo, hi, bool(sanctions))
    layout["title"].set_text(title)
    layout["source"].set_text(source_text(_sources_for(years)))
    layout["ylabel"].set_text(axis_label)

    ax = layout.figure.axes[0]
    layout.fit_view()
    if lo != hi:
        pad = (hi - lo) * 0.02
        ax.set_xlim(lo - pad, hi + pad)
    ax.set_ylim(bottom=0)
    layout.ticks["x"].follow(*ax.get_xlim(), _YEAR_FORMATTER)
    layout.ticks["y"].follow(*ax.get_ylim(), value_formatter(frame, 100 if is_share else None))
    return layout.chart(description[0].upper() + description[1:], title)


def article_check_chart() -> Chart:
    """The article's 10% (2013) and 'nearly 18%' (2019) next to our computed shares."""
    checks = article_share_checks()
    frame = checks.loc[["2013", "2019"], ["article", "our_data"]].rename(
        columns={"article": "Article", "our_data": "Our data"}
    )
    ratio = checks.loc["ratio 2019/2013"]
    description = (
        f"The article gives 10% for 2013 and nearly 18% for 2019; our data give "
        f"{frame.iloc[0, 1]:.1f}% and {frame.iloc[1, 1]:.1f}%, so the share grew "
        f"{ratio['our_data']:.2f}-fold rather than {ratio['article']:.1f}-fold."
    )
    chart = bar_chart(
        frame,
        "China's share of Russia's goods trade: article vs data",
        "Year (our data: COW for 2013, IMF for 2019)",
        "% of Russia's exports + imports",
        data.source_line("cow_trade_v4", "imf_imts_2025"),
        description,
        colors={"Article": GREY, "Our data": "CHN"},
        percent=100,
        value_labels=True,
    )
    return _round_percent_ticks(chart)


def basis_chart() -> Chart:
    """China's share on several bases, with the article's 10% and 18% as reference lines."""
    table = share_on_bases()
    series = table["share_pct"]
    base_2019 = float(series["2019 IMF (Russia's records)"])
    small_total = float(series["2019 total without BLR, KAZ, UKR"])
    year_2020 = float(series["2020 IMF (Russia's records)"])
    description = (
        f"On Russia's own 2019 records China's share is {base_2019:.1f}%; it reaches "
        f"{small_total:.1f}% if three CIS partners are left out of the total, and "
        f"{year_2020:.1f}% in 2020, so the article's 18% fits another basis or year."
    )
    ids = []
    for cell in table["source_ids"]:
        ids.extend(s.strip() for s in cell.split(";"))
    chart = bar_chart(
        series,
        "China's share of Russia's trade on six bases",
        "",
        "% of Russia's exports + imports",
        data.source_line(*dict.fromkeys(ids)),
        description,
        horizontal=True,
        colors={label: "CHN" for label in series.index if label.startswith("2019")},
        percent=100,
        value_labels=True,
        size=(9, 4.5),
    )
    ax = chart.figure.axes[0]
    for value, style, label in (
        (10.0, "--", "Article, 2013: 10%"),
        (18.0, ":", "Article, 2019: 18%"),
    ):
        ax.axvline(value, color=DARK_GREY, linestyle=style, linewidth=1.3, zorder=4, label=label)
    lines = [line for line in ax.get_lines() if line.get_label().startswith("Article")]
    ax.legend(
        lines,
        [line.get_label() for line in lines],
        frameon=False,
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        borderaxespad=0.0,
        fontsize=font_sizes(1.0)["legend"],
        labelcolor=DARK_GREY,
    )
    return _round_percent_ticks(chart, "x")


def _build_import_layout(flow: str, two_years: bool, scale: float) -> TickedLayout:
    """The import-source chart drawn by :func:`bar_chart` as before, with what moves animated.

    Static: axes, x label, margins (fitted to the widest partner name). Animated: bars, value
    labels, partner names, x ticks and grid, legend rows, title, source line.
    """
    names = [name(code) for code in PARTNER_NAMES]
    columns = ["1992", "2024"] if two_years else ["2024"]  # years all take the same room
    colors = dict(
        zip(
            columns,
            (PALETTE["sky_blue"], PALETTE["blue"]) if two_years else (PALETTE["blue"],),
            strict=True,
        )
    )
    what = "Russia's goods imports" if flow == "imports" else "Russia's goods exports"
    chart = bar_chart(
        pd.DataFrame(dict.fromkeys(columns, 1.0), index=names),
        "Where Russia's imports came from",
        "",
        f"Share of {what}, %",
        _sources_for(available_years()),
        "Placeholder.",
        horizontal=True,
        colors=colors,
        percent=100,
        value_labels=True,
        scale=scale,
    )
    fig, ax = chart.figure, chart.figure.axes[0]
    _round_percent_ticks(chart, "x")
    bars = [list(container) for container in ax.containers]
    values = value_texts(ax)  # bar_label's value labels, column by column
    ticks = {"x": BlitTicks(ax, "x"), "y": BlitTicks(ax, "y", count=len(names))}
    freeze_margins(fig)
    rows = legend_rows(ax) if two_years else []
    artists: dict[str, Artist] = {
        "title": title_artist(ax),
        "source": source_artist(fig),
        **spine_artists(ax),
    }
    hide_axis_ticks(ax)
    for j, column in enumerate(bars):
        for i, bar in enumerate(column):
            artists[f"bar_{j}_{i}"] = bar
            artists[f"value_{j}_{i}"] = values[j * len(names) + i]
    for j, (handle, text) in enumerate(rows):
        artists[f"legend_handle_{j}"], artists[f"legend_text_{j}"] = handle, text
    return TickedLayout(fig, artists, ticks)


_IMPORT_LAYOUTS = LayoutCache(_build_import_layout, size=4)


#: Most bars of the import-source chart that carry a value label (16: e.g. eight partners in
#: two years); beyond that, at the chart's fixed height, neighbouring labels overlap.
MAX_LABELLED_BARS = 16


def import_sources_chart(
    year_a: int = 2013,
    year_b: int = 2023,
    partners: Sequence[str] = DEFAULT_PARTNERS,
    flow: str = "imports",
    scale: float = 1.0,
) -> Chart:
    """Grouped bars: each partner's share of Russia's imports (or exports) in two years.

    Drawn by blitting (see :mod:`utils.plotting.blit`): one layout per flow and per number of
    years (one year has no legend), so changing years or partners only redraws bars, labels
    and ticks. The left margin fits the longest partner name in the table. With more than
    :data:`MAX_LABELLED_BARS` bars the value labels would overlap, so they are left out; the
    description (the caption) still gives every value.
    """
    if flow not in ("imports", "exports"):
        raise ValueError(f"flow must be 'imports' or 'exports', got {flow!r}")
    year_a, year_b = _check_year("year_a", year_a), _check_year("year_b", year_b)
    partners = _check_partners(partners)
    font_sizes(scale)  # validates scale, as bar_chart did
    a = flow_shares(year_a, partners, flow)
    b = flow_shares(year_b, partners, flow)
    if year_a == year_b:
        frame = pd.DataFrame({str(year_a): a})
    else:
        frame = pd.DataFrame({str(year_a): a, str(year_b): b})
    parts = [
        f"{partner} {a[partner]:.1f}% in {year_a}"
        + ("" if year_a == year_b else f" and {b[partner]:.1f}% in {year_b}")
        for partner in a.index
    ]
    what = "Russia's goods imports" if flow == "imports" else "Russia's goods exports"
    description = f"Shares of {what}: " + "; ".join(parts) + "."
    title = (
        f"Where Russia's imports came from, {year_a} vs {year_b}"
        if flow == "imports"
        else f"Where Russia's exports went, {year_a} vs {year_b}"
    )
    if year_a == year_b:
        title = title.replace(f", {year_a} vs {year_b}", f", {year_a}")

    layout = _IMPORT_LAYOUTS.get(flow, year_a != year_b, float(scale))
    categories = [str(c) for c in frame.index]
    labelled = frame.size <= MAX_LABELLED_BARS
    for j, column in enumerate(frame.columns):
        values = frame[column].to_numpy(dtype=float)
        for i in range(PIVOT_MAX_PARTNERS):
            bar, label = layout[f"bar_{j}_{i}"], layout[f"value_{j}_{i}"]
            value = values[i] if i < len(values) else 0.0
            bar.set_visible(i < len(values))
            bar.set_width(value)
            label.set_visible(labelled and i < len(values) and bool(np.isfinite(value)))
            label.set_position((value, bar.get_y() + bar.get_height() / 2))
            label.set_text(_value_label(value, 100))
        if len(frame.columns) > 1:
            layout[f"legend_text_{j}"].set_text(str(column))
    layout["title"].set_text(title)
    layout["source"].set_text(source_text(_sources_for([year_a, year_b])))

    ax = layout.figure.axes[0]
    layout.fit_view(
        [layout[f"bar_{j}_{i}"] for j in range(frame.shape[1]) for i in range(len(categories))]
    )
    layout.ticks["y"].show(list(range(len(categories))), categories)
    layout.ticks["x"].follow(*ax.get_xlim(), value_formatter(frame, 100))
    return layout.chart(description, title)


def analogy_chart() -> Chart:
    """The 2014 analogy: the EU27's 2013 weight for Russia against China's in later years."""
    table = eu_china_analogy()
    frame = table.rename(
        columns={"trade_share": "Share of trade", "import_share": "Share of imports"}
    )
    eu, c19, c23 = table.loc["EU27 in 2013"], table.loc["China in 2019"], table.loc["China in 2023"]
    description = (
        f"In 2013 the EU27 took {eu['trade_share']:.1f}% of Russia's trade and supplied "
        f"{eu['import_share']:.1f}% of its imports; China's shares were "
        f"{c19['trade_share']:.1f}% and {c19['import_share']:.1f}% in 2019, and "
        f"{c23['trade_share']:.1f}% and {c23['import_share']:.1f}% in 2023."
    )
    chart = bar_chart(
        frame,
        "Russia's reliance on the EU27 in 2013 and on China later",
        "",
        "% of Russia's goods trade or goods imports",
        data.source_line("cow_trade_v4", "imf_imts_2025"),
        description,
        horizontal=True,
        colors={"Share of trade": PALETTE["blue"], "Share of imports": PALETTE["orange"]},
        percent=100,
        value_labels=True,
    )
    return _round_percent_ticks(chart, "x")


def finance_chart() -> Chart:
    """Chinese official finance committed to Russia by year (commitments, not debt)."""
    series = china_finance_to_russia()
    total = float(series.sum())
    top = series.sort_values(ascending=False, kind="stable").head(2)
    first, last = int(series.index.min()), int(series.index.max())
    description = (
        f"Chinese state lenders committed USD {total:,.0f} bn (2021 prices) to Russia in "
        f"{first}-{last}, the largest amounts in {int(top.index[0])} "
        f"(USD {top.iloc[0]:.1f} bn) and {int(top.index[1])} (USD {top.iloc[1]:.1f} bn); "
        "these are commitments, not debt owed."
    )
    frame = series.to_frame("Commitments")
    frame.index = [str(y) for y in frame.index]
    return bar_chart(
        frame["Commitments"],
        "Chinese official finance committed to Russia (not debt outstanding)",
        "Year of commitment",
        "USD bn, constant 2021 prices",
        data.source_line("aiddata_gcdf_3_0"),
        description,
        colors=PALETTE["vermillion"],
        size=(9, 4.5),
    )


# ----------------------------------------------------------------------------- tables
LEDGER_COLUMNS = ["paragraph", "claim", "article_figure", "data_figure", "verdict"]


@lru_cache(maxsize=32)
def _evidence(dotted: str) -> dict:
    """Evidence of one claim, computed once per session (only the tables it needs are read)."""
    from dataclasses import asdict

    from utils import claims

    return asdict(claims.resolve(dotted)())


def ledger_rows(lesson: str | None = None, claim_ids: Sequence[str] = ()) -> pd.DataFrame:
    """Rows of the claims ledger with their computed verdicts, indexed by ``claim_id``.

    Select by ``lesson`` (e.g. ``"02"``), by ``claim_ids``, or both (their union). Only the
    selected claims are evaluated (same functions as :func:`utils.claims.evaluate`). Empty
    cells (a claim with no figure in the article) are shown as "" rather than NaN.
    """
    from utils import claims

    if lesson is None and not claim_ids:
        raise ValueError("give a lesson (e.g. '02') or some claim_ids (e.g. ['C05'])")
    ledger = claims.load_claims()
    unknown = [c for c in claim_ids if c not in set(ledger["claim_id"])]
    if unknown:
        raise ValueError(f"claim_ids {unknown} are not in the ledger")
    mask = ledger["claim_id"].isin(list(claim_ids))
    if lesson is not None:
        mask |= ledger["lesson"] == lesson
    chosen = ledger.loc[mask].reset_index(drop=True)
    evidence = pd.DataFrame([_evidence(fn) for fn in chosen["evidence_function"]])
    rows = pd.concat([chosen, evidence], axis=1).set_index("claim_id")[LEDGER_COLUMNS]
    return rows.astype(object).where(rows.notna(), "")


def source_coverage() -> pd.DataFrame:
    """First and last year, and number of years, that each source covers in the trade table."""
    trade = trade_table()
    world = trade[trade["partner"] == "WLD"]
    table = world.groupby("source_id")["year"].agg(["min", "max", "count"])
    table.columns = ["first_year", "last_year", "years"]
    return table.sort_values("first_year")


def first_year_above(partner: str, other: str, measure: str = "import_share") -> int | None:
    """First year in which ``partner`` exceeds ``other`` on ``measure`` (None if never)."""
    measure = _check_measure(measure)
    _check_partners([partner, other])
    wide = _wide(measure)[[partner, other]].dropna()
    above = wide.index[wide[partner] > wide[other]]
    return int(above[0]) if len(above) else None


class MarkdownTable:
    """A small table shown as Markdown in a notebook (full cell text, no truncation).

    Why not a DataFrame: pandas truncates long text cells at 50 characters in notebooks, and
    claims and reasons are longer than that. ``text/plain`` holds the same table, so
    regression tests compare readable text.
    """

    def __init__(self, frame: pd.DataFrame, index: bool = True) -> None:
        if not isinstance(frame, pd.DataFrame):
            raise TypeError(f"frame must be a pandas DataFrame, got {type(frame).__name__}")
        self.frame = frame
        self.index = index

    def _cells(self) -> tuple[list[str], list[list[str]]]:
        frame = self.frame.reset_index() if self.index else self.frame
        header = [str(c) for c in frame.columns]
        rows = [
            [str(v).replace("|", "/").replace("\n", " ") for v in row]
            for row in frame.itertuples(index=False, name=None)
        ]
        return header, rows

    def _repr_markdown_(self) -> str:
        header, rows = self._cells()
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines)

    def __repr__(self) -> str:
        return self._repr_markdown_()


def markdown_table(frame: pd.DataFrame, index: bool = True) -> MarkdownTable:
    """Wrap ``frame`` for display as a Markdown table (see :class:`MarkdownTable`)."""
    return MarkdownTable(frame, index=index)
