"""Substitution what-ifs: who can replace whom, and what is left after the others step in.

Why this module exists
----------------------
Gabuev (2020, paragraph 5) argued that Russia could easily be replaced for China, because most
of what it sells could be bought elsewhere, while China is becoming hard to replace for Russia.
Keohane and Nye call this the difference between *sensitivity* (how much a cut hurts at once)
and *vulnerability* (how much still hurts after the alternatives have been used). Two small,
pure calculations make that distinction concrete:

* :func:`supplier_cutoff` -- a buyer (China) loses one supplier (e.g. Russian crude). Part of
  the lost volume is replaced by the other suppliers; the rest is the buyer's *shortfall*.
  If the seller's total exports are known, the seller's lost export share is set beside it.
* :func:`export_exposure` -- a seller (Russia) meets restrictions in one market (China). Part of
  the restricted exports can be sold elsewhere; the rest is lost, as a share of all exports.

Both take plain numbers, so they are easy to test by hand and to reuse with other countries.
The helpers :func:`crude_supply` and :func:`russia_crude_exports` read the curated tables
(``china_crude_imports_by_origin`` and ``russia_energy_exports_2020``) and are the only I/O.

All shares are fractions in [0, 1]; volumes are in the unit of the table (kt, Mt), never mixed.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from utils import indicators

#: Label used for the part of China's crude imports that the customs extract does not allocate
#: to a named origin (Wind carries only the main origins).
UNALLOCATED = "Other origins (not itemised)"


def check_share(name: str, value: object) -> float:
    """A fraction in [0, 1] as a float; bools, text and NaN are refused with ``name`` named.

    Public so that widgets can validate their own controls with the same wording.
    """
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        raise TypeError(f"{name} must be a number between 0 and 1, got {type(value).__name__}")
    if math.isnan(value) or not 0.0 <= value <= 1.0:
        raise ValueError(f"{name} must be a share between 0 and 1, got {value!r}")
    return float(value)


def _check_volume(name: str, value: object, positive: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}")
    if not math.isfinite(value) or value < 0 or (positive and value == 0):
        bound = "positive" if positive else "non-negative"
        raise ValueError(f"{name} must be a {bound} number, got {value!r}")
    return float(value)


# ----------------------------------------------------------------------------- buyer side
@dataclass(frozen=True)
class CutoffResult:
    """Outcome of :func:`supplier_cutoff`; every share is a fraction of the buyer's imports.

    ``removed_share``: the cut supplier's share before anyone reacts (the *sensitivity*).
    ``replaced_share``: the part other suppliers make up. ``shortfall_share``: what is still
    missing (the *vulnerability* under this assumption). ``extra_from_others``: how much more
    (fraction of what they already ship) the other suppliers must deliver to replace it.
    ``hhi_before``/``hhi_after``: concentration of the buyer's suppliers (0-1) before the cut
    and after it, when the others grow in proportion. ``seller_lost_share``: the buyer's part
    of the seller's total exports (None if the seller's total is not given).
    """

    supplier: str
    removed_share: float
    replaceable_share: float
    replaced_share: float
    shortfall_share: float
    extra_from_others: float
    hhi_before: float
    hhi_after: float
    seller_lost_share: float | None


def supplier_cutoff(
    imports_by_origin: Mapping[str, float],
    supplier: str,
    replaceable_share: float,
    seller_exports_to_buyer: float | None = None,
    seller_total_exports: float | None = None,
) -> CutoffResult:
    """What a buyer lacks if ``supplier`` stops selling and others replace part of it.

    ``imports_by_origin`` maps every origin (including any residual "other" block, so that the
    values add up to the buyer's total) to a volume. ``replaceable_share`` is the fraction of
    the lost volume that the other suppliers make up (0 = none, 1 = all). The seller side,
    ``seller_exports_to_buyer / seller_total_exports``, is computed only when both are given
    (in the seller's own statistics, so the ratio is consistent).

    >>> r = supplier_cutoff({"RUS": 20.0, "SAU": 30.0, "OTHER": 50.0}, "RUS", 0.5, 80.0, 250.0)
    >>> round(r.removed_share, 3), round(r.shortfall_share, 3), round(r.extra_from_others, 3)
    (0.2, 0.1, 0.125)
    >>> round(r.seller_lost_share, 3)
    0.32
    """
    if not isinstance(imports_by_origin, Mapping) or not imports_by_origin:
        raise TypeError("imports_by_origin must be a non-empty mapping origin -> volume")
    volumes = {
        str(k): _check_volume(f"imports_by_origin[{k!r}]", v) for k, v in imports_by_origin.items()
    }
    if supplier not in volumes:
        raise ValueError(
            f"supplier={supplier!r} has no recorded deliveries here; choose one of "
            f"{sorted(volumes)}"
        )
    replaceable = check_share("replaceable_share", replaceable_share)
    total = sum(volumes.values())
    if total <= 0:
        raise ValueError("imports_by_origin sums to zero: there is nothing to cut")
    removed = volumes[supplier]
    others = total - removed
    if others <= 0 and replaceable > 0:
        raise ValueError(
            f"supplier={supplier!r} is the only supplier, so nobody can replace it; "
            "set replaceable_share to 0"
        )
    removed_share = removed / total
    replaced_share = removed_share * replaceable
    rest = [v for k, v in volumes.items() if k != supplier]
    seller_lost = None
    if (seller_exports_to_buyer is None) != (seller_total_exports is None):
        raise ValueError("give both seller_exports_to_buyer and seller_total_exports, or neither")
    if seller_total_exports is not None:
        to_buyer = _check_volume("seller_exports_to_buyer", seller_exports_to_buyer)
        seller_total = _check_volume("seller_total_exports", seller_total_exports, positive=True)
        if to_buyer > seller_total:
            raise ValueError(
                f"seller_exports_to_buyer ({to_buyer}) exceeds seller_total_exports "
                f"({seller_total})"
            )
        seller_lost = to_buyer / seller_total
    return CutoffResult(
        supplier=supplier,
        removed_share=removed_share,
        replaceable_share=replaceable,
        replaced_share=replaced_share,
        shortfall_share=removed_share - replaced_share,
        extra_from_others=(removed * replaceable / others) if others > 0 else 0.0,
        hhi_before=indicators.hhi(list(volumes.values())),
        hhi_after=indicators.hhi(rest) if others > 0 else float("nan"),
        seller_lost_share=seller_lost,
    )


# ----------------------------------------------------------------------------- seller side
@dataclass(frozen=True)
class ExposureResult:
    """Outcome of :func:`export_exposure`; shares are fractions of the seller's total exports.

    ``exposed_share``: the market's part of all exports. ``restricted_share``: exports hit by
    the measures. ``redirected_share``: the part sold elsewhere instead. ``lost_share``: the
    net hit to total exports.
    """

    market_share: float
    restricted_fraction: float
    redirect_fraction: float
    restricted_share: float
    redirected_share: float
    lost_share: float


def export_exposure(
    market_share: float, restricted_fraction: float, redirect_fraction: float = 0.0
) -> ExposureResult:
    """Hit to a seller's total exports when one market restricts part of its purchases.

    ``market_share``: that market's share of the seller's exports (e.g. China's share of
    Russia's exports). ``restricted_fraction``: the fraction of those exports the measures
    affect. ``redirect_fraction``: the fraction of the affected exports the seller manages to
    sell to other buyers. Net hit = market_share x restricted x (1 - redirected).

    >>> r = export_exposure(0.3, 0.5, 0.4)
    >>> round(r.restricted_share, 3), round(r.lost_share, 3)
    (0.15, 0.09)
    """
    share = check_share("market_share", market_share)
    restricted = check_share("restricted_fraction", restricted_fraction)
    redirect = check_share("redirect_fraction", redirect_fraction)
    restricted_share = share * restricted
    redirected_share = restricted_share * redirect
    return ExposureResult(
        market_share=share,
        restricted_fraction=restricted,
        redirect_fraction=redirect,
        restricted_share=restricted_share,
        redirected_share=redirected_share,
        lost_share=restricted_share - redirected_share,
    )


# ----------------------------------------------------------------------------- data helpers
@dataclass(frozen=True, eq=False)
class CrudeSupply:
    """China's crude imports in one year: named origins (kt, largest first) and the total."""

    year: int
    by_origin: pd.Series  # kt, index = ISO3 origin codes, sorted descending
    names: Mapping[str, str]  # ISO3 -> readable name
    total_kt: float

    @property
    def unallocated_kt(self) -> float:
        """Part of the total not itemised by origin in the customs extract (never negative)."""
        return max(0.0, self.total_kt - float(self.by_origin.sum()))

    def volumes_with_rest(self) -> dict[str, float]:
        """Origins plus the unallocated block, so the values add up to the total."""
        volumes = {k: float(v) for k, v in self.by_origin.items()}
        if self.unallocated_kt > 0:
            volumes[UNALLOCATED] = self.unallocated_kt
        return volumes


CRUDE_COLUMNS = ("year", "origin", "origin_name", "crude_kt")
ENERGY_COLUMNS = ("destination_iso3", "crude_oil_mt")


def _require_columns(frame: object, name: str, columns: tuple[str, ...]) -> pd.DataFrame:
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{name} must be a pandas DataFrame, got {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{name} is missing column(s) {missing}; it has {list(frame.columns)}")
    return frame


def _check_year(year: object) -> int:
    if isinstance(year, bool) or not isinstance(year, int | np.integer):
        raise TypeError(f"year must be an integer, got {type(year).__name__} {year!r}")
    return int(year)


def crude_supply_from_frame(crude: pd.DataFrame, year: int) -> CrudeSupply:
    """Build :class:`CrudeSupply` from a table shaped like ``china_crude_imports_by_origin``."""
    _require_columns(crude, "crude", CRUDE_COLUMNS)
    year = _check_year(year)
    rows = crude[crude["year"] == year]
    years = sorted(int(y) for y in crude.loc[crude["origin"] == "WLD", "year"].unique())
    if rows.empty or "WLD" not in set(rows["origin"]):
        raise ValueError(f"year={year} has no China crude total; available years: {years}")
    total = float(rows.loc[rows["origin"] == "WLD", "crude_kt"].iloc[0])
    named = rows[rows["origin"] != "WLD"]
    by_origin = named.set_index("origin")["crude_kt"].astype(float)
    # Largest first; ties broken by code so the order never depends on row order.
    order = sorted(by_origin.index, key=lambda k: (-by_origin[k], k))
    by_origin = by_origin.reindex(order)
    names = dict(zip(named["origin"], named["origin_name"], strict=True))
    return CrudeSupply(year=int(year), by_origin=by_origin, names=names, total_kt=total)


def crude_supply(year: int) -> CrudeSupply:
    """China's crude imports by origin in ``year`` from the curated customs table (cached)."""
    return _crude_supply(_check_year(year))


@lru_cache(maxsize=64)
def _crude_supply(year: int) -> CrudeSupply:
    from utils.data import load

    return crude_supply_from_frame(load("china_crude_imports_by_origin"), year)


def russia_crude_exports(energy: pd.DataFrame | None = None) -> tuple[float, float]:
    """Russia's crude exports to China and to the world in 2020, Mt (BP trade matrix).

    BP's matrix is the only source here with Russia's *total* crude exports, so the seller side
    of the crude what-if is available for 2020 only.
    """
    if energy is None:
        from utils.data import load

        energy = load("russia_energy_exports_2020")
    _require_columns(energy, "energy", ENERGY_COLUMNS)
    crude = energy.set_index("destination_iso3")["crude_oil_mt"]
    missing = [code for code in ("CHN", "WLD") if code not in crude.index]
    if missing:
        raise ValueError(f"energy has no crude_oil_mt row for {missing}")
    return float(crude["CHN"]), float(crude["WLD"])
