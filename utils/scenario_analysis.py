"""Questions a class asks of the scenario model, answered by code rather than by eye.

Why a separate module: the scenario lab (lesson 07) and the look back (lesson 11) ask the same
few questions of :mod:`utils.scenarios` -- when does China's share pass the benchmark, which
lever matters most, how do two scenarios differ, how far were the presets from what happened.
Students answer them by moving sliders; the self-checks compare their answers with the
functions here, so the functions must be pure, deterministic and tested. Nothing here draws or
touches widgets.

Public API: :data:`GROWTH_LEVERS`, :data:`LEVER_LABELS`, :func:`value_in`, :func:`end_value`,
:func:`crossing_time`, :func:`benchmark_phrase`, :func:`crossing_sentence`,
:class:`ScenarioSummary`, :func:`summarise`, :func:`lever_sensitivity`,
:func:`lowest_growth_to_cross`, :func:`compare_summaries`, :func:`preset_table`,
:func:`actual_shares`, :func:`presets_against_actual`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
import pandas as pd

from utils import scenarios

#: The four growth levers, one per partner group, in the model's group order.
GROWTH_LEVERS = ("growth_chn", "growth_eu", "growth_usa", "growth_row")

#: Plain-language names of the levers (used in tables, exercise options and widget labels).
LEVER_LABELS: dict[str, str] = {
    "growth_chn": "China",
    "growth_eu": "EU",
    "growth_usa": "USA",
    "growth_row": "rest of the world",
}

#: A horizon far enough out that "no crossing by 2036" can still be told apart from "never".
ANALYSIS_HORIZON = int(scenarios.LEVER_BOUNDS["end_year"][1])


def _check_result(result: object) -> scenarios.ScenarioResult:
    if not isinstance(result, scenarios.ScenarioResult):
        raise TypeError(f"result must be a ScenarioResult, got {type(result).__name__}")
    return result


def _check_params(params: object) -> scenarios.ScenarioParams:
    if not isinstance(params, scenarios.ScenarioParams):
        raise TypeError(f"params must be a ScenarioParams, got {type(params).__name__}")
    return params


def value_in(result: scenarios.ScenarioResult, column: str, year: int) -> float:
    """Value of ``column`` (e.g. ``"china_share"``) in ``year`` on the central path.

    Plain NumPy lookups rather than pandas indexing: the dashboard calls this several times
    on every redraw.
    """
    frame = _check_result(result).frame
    if column not in frame.columns:
        raise ValueError(f"column={column!r} is not in the result; columns: {list(frame.columns)}")
    years = frame["year"].to_numpy()
    hits = np.flatnonzero(years == year)
    if hits.size == 0:
        raise ValueError(f"year={year!r} is not in this result ({years.min()}-{years.max()})")
    return float(frame[column].to_numpy()[hits[0]])


def end_value(result: scenarios.ScenarioResult, column: str) -> float:
    """Value of ``column`` (e.g. ``"china_share"``) in the scenario's end year."""
    return value_in(_check_result(result), column, result.params.end_year)


def crossing_time(result: scenarios.ScenarioResult) -> float | None:
    """Fractional year at which China's central share first reaches the benchmark.

    Linear interpolation between the last year below and the first year at or above it, so
    two scenarios that both cross "in 2043" can still be ranked. ``None`` if the share stays
    below the benchmark up to the end year. Only projected years count, as for
    :attr:`ScenarioResult.crossing_year` (the base year is the starting point).
    """
    frame = _check_result(result).frame
    path = frame[frame["year"] >= result.params.base_year]
    years = path["year"].to_numpy(dtype=float)
    share = path["china_share"].to_numpy(dtype=float)
    above = np.nonzero(share[1:] >= result.benchmark)[0]
    if above.size == 0:
        return None
    i = int(above[0]) + 1
    before, after = share[i - 1], share[i]
    if before >= result.benchmark or after == before:
        return float(years[i])
    return float(years[i - 1] + (result.benchmark - before) / (after - before))


@lru_cache(maxsize=1)
def _data_benchmark() -> float:
    return float(scenarios.resolve(scenarios.ScenarioParams()).benchmark)


def benchmark_phrase(result: scenarios.ScenarioResult) -> str:
    """ "the 2013 EU level (44.2%)", or "the chosen benchmark (50.0%)" if it was changed."""
    result = _check_result(result)
    if math.isclose(result.benchmark, _data_benchmark(), rel_tol=0, abs_tol=1e-12):
        return f"the {scenarios.BENCHMARK_YEAR} EU level ({100 * result.benchmark:.1f}%)"
    return f"the chosen benchmark ({100 * result.benchmark:.1f}%)"


def crossing_sentence(result: scenarios.ScenarioResult) -> str:
    """The crossing year in words, e.g. "... passes the 2013 EU level (44.2%) in 2029."."""
    level = benchmark_phrase(result)
    if result.crossing_year is None:
        return (
            f"Under these settings China's share does not pass {level} by {result.params.end_year}."
        )
    return f"Under these settings China's share passes {level} in {result.crossing_year}."


@dataclass(frozen=True)
class ScenarioSummary:
    """The headline numbers of one scenario in its end year (shares as fractions 0-1)."""

    end_year: int
    china_share: float
    eu_share: float
    asymmetry_ratio: float
    hhi: float
    crossing_year: int | None
    years_without_alternative: int
    benchmark: float


def summarise(result: scenarios.ScenarioResult) -> ScenarioSummary:
    """China's share, the asymmetry ratio and the years "without alternative" at the end year."""
    result = _check_result(result)
    return ScenarioSummary(
        end_year=result.params.end_year,
        china_share=end_value(result, "china_share"),
        eu_share=end_value(result, "eu_share"),
        asymmetry_ratio=end_value(result, "asymmetry_ratio"),
        hhi=end_value(result, "hhi"),
        crossing_year=result.crossing_year,
        years_without_alternative=result.years_without_alternative,
        benchmark=result.benchmark,
    )


def compare_summaries(a: ScenarioSummary, b: ScenarioSummary) -> pd.DataFrame:
    """A small A/B table: rows are indicators, columns ``A``, ``B`` and ``B - A``.

    Shares are in percent; everything is rounded to 0.1 after the difference is taken (so
    ``B - A`` is exact to one decimal). A crossing year that does not happen is ``NaN`` so the
    column stays numeric.
    """
    for name, value in (("a", a), ("b", b)):
        if not isinstance(value, ScenarioSummary):
            raise TypeError(f"{name} must be a ScenarioSummary, got {type(value).__name__}")

    def column(s: ScenarioSummary) -> list[float]:
        return [
            100 * s.china_share,
            100 * s.eu_share,
            s.asymmetry_ratio,
            math.nan if s.crossing_year is None else float(s.crossing_year),
            float(s.years_without_alternative),
        ]

    index = [
        "China's share at the end (%)",
        "EU's share at the end (%)",
        "asymmetry ratio at the end",
        "crossing year",
        "years without alternative",
    ]
    table = pd.DataFrame({"A": column(a), "B": column(b)}, index=index)
    table["B - A"] = table["B"] - table["A"]  # from unrounded values, then rounded
    return table.round(1)


def _favouring_china(lever: str, step: float) -> float:
    """+step for China's growth, -step for a partner's: both raise China's share."""
    return step if lever == "growth_chn" else -step


def lever_sensitivity(
    params: scenarios.ScenarioParams,
    step: float = 0.01,
    levers: Sequence[str] = GROWTH_LEVERS,
    horizon: int = ANALYSIS_HORIZON,
) -> pd.DataFrame:
    """Move each growth lever by ``step`` (a year) in China's favour and record the outcome.

    The scenario is run to ``horizon`` so that crossings after the preset's end year still
    count. Columns: ``lever``, ``label``, ``value`` (the moved growth rate), ``crossing_year``
    (``<NA>`` if none by the horizon), ``crossing_time`` (fractional, NaN if none),
    ``china_share_end`` (at the original end year) and ``years_earlier`` (baseline crossing
    time minus the new one; NaN if either does not cross). Rows keep the order of ``levers``.
    """
    params = _check_params(params)
    if isinstance(step, bool) or not isinstance(step, int | float) or not 0 < step <= 0.05:
        raise ValueError(f"step must be a growth change in (0, 0.05] per year, got {step!r}")
    unknown = [lever for lever in levers if lever not in GROWTH_LEVERS]
    if unknown or not levers:
        raise ValueError(f"levers must be a non-empty subset of {GROWTH_LEVERS}, got {levers!r}")
    low_h, high_h = scenarios.LEVER_BOUNDS["end_year"]
    if isinstance(horizon, bool) or not isinstance(horizon, int) or not low_h <= horizon <= high_h:
        raise ValueError(f"horizon must be an integer year in [{low_h}, {high_h}], got {horizon!r}")
    resolved = scenarios.resolve(params)
    horizon = max(horizon, resolved.end_year)
    baseline = crossing_time(
        scenarios.run(replace(resolved, end_year=horizon), include_history=False)
    )
    rows = []
    for lever in levers:
        value = getattr(resolved, lever) + _favouring_china(lever, step)
        low, high = scenarios.LEVER_BOUNDS[lever]
        value = min(max(value, low), high)
        moved = replace(resolved, **{lever: value})
        long_run = scenarios.run(replace(moved, end_year=horizon), include_history=False)
        at_end = long_run.frame.loc[long_run.frame["year"] == resolved.end_year, "china_share"]
        time = crossing_time(long_run)
        rows.append(
            {
                "lever": lever,
                "label": LEVER_LABELS[lever],
                "value": value,
                "crossing_year": long_run.crossing_year,
                "crossing_time": math.nan if time is None else time,
                "china_share_end": float(at_end.iloc[0]),
                "years_earlier": math.nan if time is None or baseline is None else baseline - time,
            }
        )
    table = pd.DataFrame(rows)
    table["crossing_year"] = table["crossing_year"].astype("Int64")
    return table


def lowest_growth_to_cross(
    params: scenarios.ScenarioParams, by_year: int | None = None, step: float = 0.005
) -> float | None:
    """The lowest growth of trade with China, on a slider's grid, that crosses by ``by_year``.

    Tries ``growth_chn`` = low, low + step, ... up to the top of its range (as the dashboard's
    slider does, low = -15%) with every other lever of ``params`` kept, and returns the first
    value whose crossing year is at or before ``by_year`` (default: the end year), or ``None``.
    More growth with China never lowers China's share, so the first hit is the lowest.
    """
    resolved = scenarios.resolve(_check_params(params))
    by_year = resolved.end_year if by_year is None else by_year
    if isinstance(by_year, bool) or not isinstance(by_year, int) or by_year <= resolved.base_year:
        raise ValueError(f"by_year must be an integer year after the base year, got {by_year!r}")
    if isinstance(step, bool) or not isinstance(step, int | float) or not 0 < step <= 0.05:
        raise ValueError(f"step must be a growth step in (0, 0.05], got {step!r}")
    low, high = scenarios.LEVER_BOUNDS["growth_chn"]
    horizon = replace(resolved, end_year=max(by_year, resolved.end_year))
    for k in range(int(round((high - low) / step)) + 1):
        value = round(low + k * step, 10)
        crossing = scenarios.run(replace(horizon, growth_chn=value)).crossing_year
        if crossing is not None and crossing <= by_year:
            return value
    return None


# --- lesson 11: the presets against what happened ------------------------------------------


@lru_cache(maxsize=1)
def _observed() -> pd.DataFrame:
    return scenarios.observed()


def actual_shares(first_year: int = 2010) -> pd.DataFrame:
    """Observed China, EU and US shares of Russia's goods trade (fractions) from ``first_year``.

    Indexed by year; years without data (2015) are absent. Values from 2022 on rest on IMF
    figures that are probably estimated from partner data, because Russia stopped publishing
    detailed customs statistics in 2022.
    """
    if isinstance(first_year, bool) or not isinstance(first_year, int):
        raise TypeError(f"first_year must be an integer year, got {first_year!r}")
    frame = _observed()
    low, high = int(frame["year"].min()), int(frame["year"].max())
    if not low <= first_year <= high:
        raise ValueError(f"first_year={first_year} is outside the observed years [{low}, {high}]")
    frame = frame[frame["year"] >= first_year].set_index("year")
    shares = frame[["china_share", "eu_share", "usa_share"]].rename(
        columns={"china_share": "CHN", "eu_share": "EU", "usa_share": "USA"}
    )
    shares.columns.name = "partner"
    return shares


def presets_against_actual(
    presets: Sequence[str] | None = None, years: Sequence[int] | None = None
) -> pd.DataFrame:
    """Each preset's projected China and EU shares next to the observed ones, year by year.

    ``presets`` defaults to all of :data:`utils.scenarios.PRESETS` (all start in 2019);
    ``years`` to every observed year after 2019. Columns: ``preset``, ``year``,
    ``china_projected``, ``china_actual``, ``china_error_pp`` (projected minus actual, in
    percentage points), and the same three for the EU. Shares are fractions.
    """
    names = list(scenarios.PRESETS) if presets is None else list(presets)
    unknown = [n for n in names if n not in scenarios.PRESETS]
    if unknown or not names:
        raise ValueError(f"presets must name some of {list(scenarios.PRESETS)}, got {presets!r}")
    observed = _observed().set_index("year")
    available = [int(y) for y in observed.index if y > 2019]
    years = available if years is None else [int(y) for y in years]
    missing = [y for y in years if y not in available]
    if missing or not years:
        raise ValueError(f"years must be observed years after 2019 {available}, got {years!r}")
    rows = []
    for name in names:
        params = scenarios.PRESETS[name]
        result = scenarios.run(replace(params, end_year=max(params.end_year, max(years))))
        projected = result.frame.set_index("year")
        for year in years:
            row = {"preset": name, "year": year}
            for key, column in (("china", "china_share"), ("eu", "eu_share")):
                p, a = float(projected.loc[year, column]), float(observed.loc[year, column])
                row.update(
                    {f"{key}_projected": p, f"{key}_actual": a, f"{key}_error_pp": 100 * (p - a)}
                )
            rows.append(row)
    return pd.DataFrame(rows)


def preset_table(end_year: int | None = None) -> pd.DataFrame:
    """One row per preset: what it assumes and its headline numbers at the end year.

    Columns: ``crossing year`` (``<NA>`` if none), ``China's share (%)``, ``EU's share (%)``,
    ``asymmetry ratio``, ``years without alternative`` (all at the end year, rounded to 0.1)
    and ``assumption`` (from :data:`utils.scenarios.PRESET_DESCRIPTIONS`). ``end_year``
    overrides the presets' horizon (2036).
    """
    rows = []
    for name, params in scenarios.PRESETS.items():
        if end_year is not None:
            params = replace(params, end_year=end_year)
        s = summarise(scenarios.run(params))
        rows.append(
            {
                "preset": name,
                "crossing year": s.crossing_year,
                "China's share (%)": round(100 * s.china_share, 1),
                "EU's share (%)": round(100 * s.eu_share, 1),
                "asymmetry ratio": round(s.asymmetry_ratio, 1),
                "years without alternative": s.years_without_alternative,
                "assumption": scenarios.PRESET_DESCRIPTIONS[name],
            }
        )
    table = pd.DataFrame(rows).set_index("preset")
    table["crossing year"] = table["crossing year"].astype("Int64")
    return table
