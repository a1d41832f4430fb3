"""Trade-dependence indicators: shares, growth, concentration and asymmetry.

These are the few formulas every lesson leans on, so they live in one place and are tested
against hand-worked numbers. They take the tidy frames that :func:`utils.data.load` returns
(``year, partner, exports_usd_m, imports_usd_m``) and refuse malformed input loudly, because a
silently wrong share is worse than an error in front of a class.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

MEASURES = ("turnover", "exports", "imports")
TRADE_COLUMNS = ("year", "partner", "exports_usd_m", "imports_usd_m")


def _require_frame(frame: object, columns: Iterable[str], what: str) -> pd.DataFrame:
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{what} must be a pandas DataFrame, got {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{what} is missing column(s) {missing}; it has {list(frame.columns)}")
    if frame.empty:
        raise ValueError(f"{what} is empty: there is nothing to compute from")
    return frame


def _check_measure(measure: str) -> str:
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {MEASURES}, got {measure!r}")
    return measure


def trade_value(trade: pd.DataFrame, measure: str = "turnover") -> pd.Series:
    """Return the chosen trade measure in USD millions, row by row.

    Turnover (exports plus imports) is the article's measure; the two flows are offered because
    dependence as a seller and as a buyer are different things.
    """
    _require_frame(trade, TRADE_COLUMNS, "trade")
    _check_measure(measure)
    if measure == "exports":
        return trade["exports_usd_m"].astype(float)
    if measure == "imports":
        return trade["imports_usd_m"].astype(float)
    # min_count=2: a turnover with one flow missing is unknown, not half the trade.
    return trade[["exports_usd_m", "imports_usd_m"]].astype(float).sum(axis=1, min_count=2)


def partner_shares(
    trade: pd.DataFrame,
    partners: Sequence[str] | None = None,
    measure: str = "turnover",
    total: str = "WLD",
) -> pd.DataFrame:
    """Share (0-1) of each partner in the reporter's total trade, by year.

    Returns a wide frame indexed by year with one column per partner. Years without a total
    (e.g. the 2015 gap) are absent rather than guessed.
    """
    # Validate first: ``trade.assign`` on a list would fail with an AttributeError.
    _require_frame(trade, TRADE_COLUMNS, "trade")
    values = trade.assign(value=trade_value(trade, measure))
    wide = values.pivot_table(index="year", columns="partner", values="value", aggfunc="sum")
    if total not in wide.columns:
        raise ValueError(f"trade has no rows for the total partner {total!r}")
    if partners is None:
        partners = [p for p in wide.columns if p != total]
    unknown = [p for p in partners if p not in wide.columns]
    if unknown:
        raise ValueError(f"unknown partner(s) {unknown}; known: {sorted(wide.columns)}")
    totals = wide[total]
    if (totals <= 0).any():
        bad = totals[totals <= 0].index.tolist()
        raise ValueError(f"total trade must be positive; years {bad} are not")
    shares = wide[list(partners)].div(totals, axis=0)
    shares = shares[totals.notna()]
    shares.columns.name = "partner"
    return shares


def share_change(shares: pd.Series, start_year: int, end_year: int) -> float:
    """Ratio of a share in ``end_year`` to ``start_year`` (2.0 means it doubled).

    Years must be numbers: the year "2013" as text is refused with a TypeError, because a
    "no share for year 2013" message listing 2013 as available would contradict itself.
    """
    if not isinstance(shares, pd.Series):
        raise TypeError(
            f"shares must be a pandas Series indexed by year, got {type(shares).__name__}"
        )
    for name, year in (("start_year", start_year), ("end_year", end_year)):
        if isinstance(year, bool) or not isinstance(year, int | float | np.number):
            raise TypeError(f"{name} must be an integer year, got {type(year).__name__} {year!r}")
    for year in (start_year, end_year):
        if year not in shares.index or pd.isna(shares.loc[year]):
            raise ValueError(f"no share for year {year}; available: {list(shares.dropna().index)}")
    if shares.loc[start_year] <= 0:
        raise ValueError(f"share in {start_year} is zero, so the ratio is undefined")
    return float(shares.loc[end_year] / shares.loc[start_year])


def cagr(start_value: float, end_value: float, years: float) -> float:
    """Compound annual growth rate: the constant yearly rate that turns start into end."""
    for name, value in (("start_value", start_value), ("end_value", end_value), ("years", years)):
        if isinstance(value, bool) or not isinstance(value, int | float | np.number):
            raise TypeError(f"{name} must be a number, got {type(value).__name__}")
        if math.isnan(value):
            raise ValueError(f"{name} is NaN")
        if math.isinf(value):  # inf would give a growth rate of inf or 0, not an error
            raise ValueError(f"{name} must be a finite number, got {value}")
    if start_value <= 0 or end_value <= 0:
        raise ValueError(f"CAGR needs positive values, got start={start_value}, end={end_value}")
    if years <= 0:
        raise ValueError(f"years must be positive, got {years}")
    return float((end_value / start_value) ** (1.0 / years) - 1.0)


def hhi(shares: Mapping[str, float] | Sequence[float] | pd.Series) -> float:
    """Hirschman-Herfindahl index of concentration: the sum of squared shares.

    Shares are normalised to sum to one first, so the result lies in [1/n, 1]: 1/n when trade is
    spread evenly over n partners, 1 when a single partner takes everything. Multiply by 10,000
    for the points scale of the US merger guidelines (shares in percent, squared, summed).

    Because of the rescaling, passing only the partners a table lists treats them as the whole
    market; to bound the index when part of the total is not itemised, add that rest as one
    more entry (an upper bound) or compute ``sum((part / total) ** 2)`` (a lower bound).

    >>> round(10_000 * hhi([60, 20, 20]), 6)  # points
    4400.0
    >>> hhi([60, 20]) > hhi([60, 20, 20])  # the listed partners alone look more concentrated
    True
    """
    # Check the container and its items here so a wrong argument is named (``shares``) rather
    # than surfacing as a bare "not iterable" or numpy's "could not convert string to float".
    if isinstance(shares, str | bytes) or not isinstance(shares, Iterable):
        raise TypeError(
            f"shares must be a list, mapping or Series of numbers, got {type(shares).__name__}"
        )
    try:
        items = list(shares.values()) if isinstance(shares, Mapping) else list(shares)
        values = np.asarray(items, dtype=float)
    except (TypeError, ValueError) as error:
        raise TypeError(f"shares must contain numbers only ({error})") from None
    if values.ndim != 1:
        raise TypeError(f"shares must be a flat list of numbers, got shape {values.shape}")
    if values.size == 0:
        raise ValueError("HHI needs at least one share")
    if np.isnan(values).any():
        raise ValueError("HHI shares contain NaN")
    if np.isinf(values).any():
        raise ValueError(f"HHI shares must be finite, got {values.tolist()}")
    if (values < 0).any():
        raise ValueError(f"HHI shares must be non-negative, got {values.tolist()}")
    total = values.sum()
    if total <= 0:
        raise ValueError("HHI shares sum to zero")
    normalised = values / total
    return float((normalised**2).sum())


def asymmetry_ratio(share_of_b_in_a: float, share_of_a_in_b: float) -> float:
    """B's weight for A divided by A's weight for B.

    With A = Russia and B = China: China's share of Russia's trade over Russia's share of
    China's trade. A value of 8 means China matters eight times more to Russia than Russia does
    to China: the core of the "who needs whom" argument.
    """
    for name, value in (("share_of_b_in_a", share_of_b_in_a), ("share_of_a_in_b", share_of_a_in_b)):
        if isinstance(value, bool) or not isinstance(value, int | float | np.number):
            raise TypeError(f"{name} must be a number, got {type(value).__name__}")
        if math.isnan(value) or not 0 <= value <= 1:
            raise ValueError(f"{name} must be a share between 0 and 1, got {value}")
    if share_of_a_in_b == 0:
        raise ValueError("share_of_a_in_b is zero, so the asymmetry ratio is undefined")
    return float(share_of_b_in_a / share_of_a_in_b)


def import_dependence(imports_from_partner: float, total_imports: float) -> float:
    """Share (0-1) of total imports of a good or of all goods that come from one partner."""
    for name, value in (
        ("imports_from_partner", imports_from_partner),
        ("total_imports", total_imports),
    ):
        if isinstance(value, bool) or not isinstance(value, int | float | np.number):
            raise TypeError(f"{name} must be a number, got {type(value).__name__}")
        if not math.isfinite(value) or value < 0:  # inf would give a dependence of 0 or NaN
            raise ValueError(f"{name} must be a non-negative finite number, got {value}")
    if total_imports == 0:
        raise ValueError("total_imports is zero, so dependence is undefined")
    if imports_from_partner > total_imports:
        raise ValueError(
            f"imports_from_partner ({imports_from_partner}) exceeds total_imports ({total_imports})"
        )
    return float(imports_from_partner / total_imports)
