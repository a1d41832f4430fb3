"""Dependency scenarios: how far could Russia's trade tilt towards China by the mid-2030s?

Gabuev (2020) recalled that Russia defied the EU in 2014 while it still had China as an
alternative (paragraphs 6-7), and warned that another ten to fifteen years of worsening ties
with the West might leave Moscow with no alternative to Beijing by the mid-2030s (paragraph 7).
This module turns that conditional into numbers a class can argue about. Russia's trade
turnover (exports + imports, USD m) is split into four partner groups, CHN, EU, USA and ROW
(rest of world = WLD - CHN - EU - USA), and each group is projected year by year from a base
year:

    level[t] = level[t-1] * (1 + growth + west_shift) * exp(shock) * (1 - cut if cut year)
    China's level additionally gets ``energy_pivot_usd_bn`` (a fixed yearly extra) from
    ``pivot_start_year`` on.

The yardstick is the *benchmark*: the EU's share of Russia's trade in 2013, the dependence
Russia defied in 2014. The first projected year in which China's share reaches it is the
``crossing_year``; the years from then to the end year count as years "without alternative".

Every lever that is ``None`` is derived from the data (see :func:`resolve`), so nothing here is
typed in by hand except the teaching assumptions in :data:`WEST_RELATIONS`, which are labelled as
such. The model is deliberately crude (nominal dollars, no prices, no feedback between groups):
its purpose is to make the assumptions behind "dependence by 2036" explicit and testable.

Preset outcomes (data of this repository; asserted in ``tests/test_scenarios.py``):

==============================  =============  ====================
preset                          crossing year  China share in 2036
==============================  =============  ====================
status quo                      never          29.7%
deterioration with the West     never          33.0%
stabilised ties with the West   never          26.9%
what happened                   2030           59.0%
==============================  =============  ====================
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache

import numpy as np
import pandas as pd

from utils.validation import check_bounded_number

GROUPS = ("CHN", "EU", "USA", "ROW")
WEST_GROUPS = ("EU", "USA")
BASE_YEARS = (2019, 2024)  # the year the article saw, and the latest year in the data
GROWTH_WINDOW = (2010, 2019)  # the decade before the article: trend, not the 2022 shock
BENCHMARK_YEAR = 2013  # the EU share Russia defied in 2014
N_DRAWS = 200  # simulated paths behind the uncertainty band
SHARE_STRING_VERSION = "v1"


@dataclass(frozen=True)
class WestRelation:
    """How a state of relations with the West moves Russia's trade with the EU and the USA.

    ``annual_shift`` is added to the EU and US growth rates every projected year;
    ``level_cut`` is a one-off fall in their level that lands ``cut_lag_years`` after the
    rupture year.
    """

    annual_shift: float
    level_cut: float
    cut_lag_years: int
    meaning: str


#: Teaching assumptions, not estimates, except the rupture cut: it is calibrated on the EU's
#: 2021->2023 trade with Russia by :func:`calibrate_what_happened` (a test checks the value).
#: A rupture is a deterioration with a break. Its cut lands one year after the rupture year
#: because annual data show the break late: 2022 values were inflated by energy prices and the
#: EU's oil embargoes took effect in December 2022 (crude) and February 2023 (oil products).
WEST_RELATIONS: dict[str, WestRelation] = {
    "thaw": WestRelation(0.02, 0.0, 0, "relations improve: EU/US trade grows 2 pp/yr faster"),
    "status quo": WestRelation(0.0, 0.0, 0, "relations unchanged: EU/US trade keeps its trend"),
    "deterioration": WestRelation(
        -0.03, 0.0, 0, "steady worsening: EU/US trade grows 3 pp/yr slower"
    ),
    "rupture": WestRelation(
        -0.03, 0.66, 1, "a break: EU/US trade loses 66% of its level, then keeps worsening"
    ),
}

#: (low, high) of every numeric lever; used for validation and by the widget sliders.
LEVER_BOUNDS: dict[str, tuple[float, float]] = {
    "end_year": (2020, 2050),
    "growth_chn": (-0.15, 0.20),
    "growth_eu": (-0.15, 0.20),
    "growth_usa": (-0.15, 0.20),
    "growth_row": (-0.15, 0.20),
    "rupture_year": (2020, 2050),
    "energy_pivot_usd_bn": (0.0, 50.0),
    "pivot_start_year": (2020, 2050),
    "china_growth": (-0.10, 0.15),
    "benchmark": (0.05, 0.95),
    "uncertainty": (0.0, 0.15),
    "seed": (0, 2**32 - 1),
}
_INT_LEVERS = ("base_year", "end_year", "rupture_year", "pivot_start_year", "seed")
_OPTIONAL_LEVERS = (
    "growth_chn", "growth_eu", "growth_usa", "growth_row", "china_growth", "benchmark",
    "uncertainty",
)  # fmt: skip


def _check_number(name: str, value: object, optional: bool = False) -> float | None:
    return check_bounded_number(name, value, LEVER_BOUNDS, optional)


#: Decimals kept of every float lever. A browser slider computes ``min + n * step`` in binary
#: floating point and sends e.g. -0.0050000000000000044 for -0.005; rounding at 12 decimals
#: removes that noise (so share strings read ``g_eu=-0.005``) and changes no result visibly.
FLOAT_DECIMALS = 12


def _clean(value: float | None) -> float | None:
    """``value`` without binary floating-point noise (``0.01999999999999999`` -> ``0.02``)."""
    return None if value is None else round(value, FLOAT_DECIMALS) + 0.0  # + 0.0: no -0.0


def _check_int(name: str, value: object, allowed: tuple[int, ...] | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise TypeError(f"{name} must be an integer year or count, got {value!r}")
    if allowed is not None:
        if value not in allowed:
            raise ValueError(f"{name}={value!r} is not allowed; choose one of {allowed}")
    else:
        low, high = LEVER_BOUNDS[name]
        if not low <= value <= high:
            raise ValueError(f"{name}={value!r} is outside the allowed range [{low}, {high}]")
    return int(value)


@dataclass(frozen=True)
class ScenarioParams:
    """The levers of one scenario. ``None`` means "derive from the data" (see :func:`resolve`).

    Growth rates are annual and nominal (0.05 = 5% a year). ``uncertainty`` is the standard
    deviation of the yearly log-growth shocks behind the band; ``seed`` makes the band
    reproducible. ``rupture_year`` matters only for ``west_relations="rupture"``; the energy
    pivot applies from ``pivot_start_year`` or, if that is not after the base year, from the
    first projected year.
    """

    base_year: int = 2019
    end_year: int = 2036
    growth_chn: float | None = None
    growth_eu: float | None = None
    growth_usa: float | None = None
    growth_row: float | None = None
    west_relations: str = "status quo"
    rupture_year: int = 2022
    energy_pivot_usd_bn: float = 0.0
    pivot_start_year: int = 2025
    china_growth: float | None = None
    benchmark: float | None = None
    uncertainty: float | None = None
    seed: int = 0

    def __post_init__(self) -> None:
        set_ = object.__setattr__  # frozen: normalise once, here
        set_(self, "base_year", _check_int("base_year", self.base_year, BASE_YEARS))
        for name in ("end_year", "rupture_year", "pivot_start_year", "seed"):
            set_(self, name, _check_int(name, getattr(self, name)))
        for name in (*_OPTIONAL_LEVERS, "energy_pivot_usd_bn"):
            value = _check_number(name, getattr(self, name), optional=name != "energy_pivot_usd_bn")
            set_(self, name, _clean(value))
        if not isinstance(self.west_relations, str):
            raise TypeError(f"west_relations must be a str, got {self.west_relations!r}")
        if self.west_relations not in WEST_RELATIONS:
            raise ValueError(
                f"west_relations={self.west_relations!r} is unknown; "
                f"choose one of {tuple(WEST_RELATIONS)}"
            )
        if self.end_year <= self.base_year:
            raise ValueError(f"end_year={self.end_year} must be after base_year={self.base_year}")
        if (
            self.west_relations == "rupture"
            and not self.base_year < self.rupture_year <= self.end_year
        ):
            raise ValueError(
                f"rupture_year={self.rupture_year} must lie in ({self.base_year}, {self.end_year}]"
                " (after the base year, not after the end year)"
            )


@dataclass(frozen=True, eq=False)
class ScenarioHistory:
    """Observed inputs, prepared once: turnover by group and China's total trade (USD m).

    ``turnover`` is indexed by year with columns :data:`GROUPS` (years with a gap are absent).
    ``china_total`` is China's own exports + imports with the world; years flagged with a
    caveat (COW totals that include Hong Kong) are left out rather than mixed in.
    """

    turnover: pd.DataFrame
    china_total: pd.Series
    defaults: dict = field(init=False, repr=False)  # data-derived levers (see resolve)
    observed_columns: dict = field(init=False, repr=False)  # indicator arrays, observed years

    def __post_init__(self) -> None:
        # Computed once so that each run (and each slider move) stays fast.
        object.__setattr__(self, "defaults", _data_defaults(self))
        object.__setattr__(self, "observed_columns", _observed_columns(self))

    @classmethod
    def from_frames(cls, russia_trade: pd.DataFrame, china_trade: pd.DataFrame) -> ScenarioHistory:
        """Build from the two trade tables (``year, partner, exports_usd_m, imports_usd_m``).

        ``russia_trade`` needs partners CHN, EU, USA and WLD (as ``russia_trade_by_partner``);
        ``china_trade`` needs WLD, China's total (as ``china_trade_with_russia``).
        """
        wide = _turnover_by_partner(russia_trade, "russia_trade", ("CHN", "EU", "USA", "WLD"))
        wide["ROW"] = wide["WLD"] - wide[["CHN", "EU", "USA"]].sum(axis=1)
        turnover = wide[list(GROUPS)].dropna()
        if turnover.empty:
            raise ValueError("russia_trade has no year with CHN, EU, USA and WLD all present")
        if (turnover <= 0).any().any():
            bad = turnover.index[(turnover <= 0).any(axis=1)].tolist()
            raise ValueError(
                f"russia_trade: turnover must be positive for every group; years {bad}"
            )
        # Checked here because the caveat filter below reads ``china_trade.columns`` before
        # ``_turnover_by_partner`` gets to validate it.
        if not isinstance(china_trade, pd.DataFrame):
            raise TypeError(
                f"china_trade must be a pandas DataFrame, got {type(china_trade).__name__}"
            )
        china = china_trade
        if "caveat" in china.columns:
            china = china[china["caveat"].isna() | (china["caveat"].astype(str) == "")]
        china_total = _turnover_by_partner(china, "china_trade", ("WLD",))["WLD"].dropna()
        if (china_total <= 0).any():
            raise ValueError("china_trade: China's total trade must be positive")
        return cls(turnover=turnover, china_total=china_total.rename("china_total_usd_m"))

    @classmethod
    def from_data(cls) -> ScenarioHistory:
        """The repository's curated tables (the only I/O in this module)."""
        return _default_history()


def _turnover_by_partner(frame: object, what: str, partners: tuple[str, ...]) -> pd.DataFrame:
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{what} must be a pandas DataFrame, got {type(frame).__name__}")
    columns = ("year", "partner", "exports_usd_m", "imports_usd_m")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{what} is missing column(s) {missing}")
    if frame.empty:
        raise ValueError(f"{what} is empty")
    absent = [p for p in partners if p not in set(frame["partner"])]
    if absent:
        raise ValueError(f"{what} has no rows for partner(s) {absent}")
    rows = frame[frame["partner"].isin(partners)]
    value = rows[["exports_usd_m", "imports_usd_m"]].astype(float).sum(axis=1, min_count=2)
    wide = rows.assign(value=value).pivot_table(
        index="year", columns="partner", values="value", aggfunc="sum", dropna=False
    )
    wide.index = wide.index.astype(int)
    return wide.reindex(columns=list(partners))


def _default_history() -> ScenarioHistory:
    from utils.data import current_data_dir  # imported here: the pure model needs no data files

    return _history_from_folder(str(current_data_dir()))


@lru_cache(maxsize=4)
def _history_from_folder(folder: str) -> ScenarioHistory:
    from utils.data import load

    return ScenarioHistory.from_frames(
        load("russia_trade_by_partner", data_dir=folder),
        load("china_trade_with_russia", data_dir=folder),
    )


def _history(history: object) -> ScenarioHistory:
    if history is None:
        return _default_history()
    if not isinstance(history, ScenarioHistory):
        raise TypeError(
            f"history must be a ScenarioHistory (or None for the repository data), "
            f"got {type(history).__name__}"
        )
    return history


def _window_cagr(series: pd.Series, what: str) -> float:
    """CAGR between the first and last observed years inside :data:`GROWTH_WINDOW`."""
    inside = series.dropna().loc[GROWTH_WINDOW[0] : GROWTH_WINDOW[1]]
    if len(inside) < 2:
        raise ValueError(f"{what}: fewer than two observed years in {GROWTH_WINDOW}")
    first, last = inside.index[0], inside.index[-1]
    return float((inside.iloc[-1] / inside.iloc[0]) ** (1.0 / (last - first)) - 1.0)


def historical_volatility(history: ScenarioHistory | None = None) -> float:
    """Pooled standard deviation of the yearly log change of the four groups' shares.

    Only consecutive years inside :data:`GROWTH_WINDOW` count (the 2014->2016 gap is skipped),
    and each group's mean change is removed first, so this measures bumpiness around the
    trend. It is the data-based default for ``uncertainty``.
    """
    hist = _history(history)
    turnover = hist.turnover.loc[GROWTH_WINDOW[0] : GROWTH_WINDOW[1]]
    log_share = np.log(turnover.div(turnover.sum(axis=1), axis=0))
    steps = log_share.diff()[np.diff(turnover.index, prepend=-1) == 1].dropna()
    if len(steps) < 2:
        raise ValueError(f"history has fewer than two consecutive years in {GROWTH_WINDOW}")
    deviations = steps - steps.mean()
    dof = deviations.size - deviations.shape[1]
    return float(np.sqrt((deviations.to_numpy() ** 2).sum() / dof))


def _data_defaults(hist: ScenarioHistory) -> dict[str, float | str]:
    """The data-derived value of every optional lever, or why it cannot be derived."""

    def attempt(compute):  # a small test history may lack the window: fail only if needed
        try:
            return compute()
        except (ValueError, KeyError) as error:
            return str(error)

    turnover = hist.turnover
    defaults: dict[str, float | str] = {
        f"growth_{g.lower()}": attempt(lambda g=g: _window_cagr(turnover[g], f"{g} turnover"))
        for g in GROUPS
    }
    defaults["china_growth"] = attempt(lambda: _window_cagr(hist.china_total, "China's trade"))
    defaults["benchmark"] = attempt(
        lambda: float(turnover.loc[BENCHMARK_YEAR, "EU"] / turnover.loc[BENCHMARK_YEAR].sum())
    )
    defaults["uncertainty"] = attempt(lambda: historical_volatility(hist))
    return defaults


def resolve(params: ScenarioParams, history: ScenarioHistory | None = None) -> ScenarioParams:
    """Fill every ``None`` lever from the data and return the completed parameters.

    growth per group -> CAGR of its turnover over :data:`GROWTH_WINDOW` (2010-2019);
    china_growth -> CAGR of China's total trade over the same window (uncaveated years only,
    so in practice 2014-2019); benchmark -> EU share of Russia's trade in 2013;
    uncertainty -> :func:`historical_volatility`.
    """
    if not isinstance(params, ScenarioParams):
        raise TypeError(f"params must be a ScenarioParams, got {type(params).__name__}")
    hist = _history(history)
    filled = {
        name: hist.defaults[name] for name in _OPTIONAL_LEVERS if getattr(params, name) is None
    }
    for name, value in filled.items():
        if isinstance(value, str):
            raise ValueError(f"{name} is None but cannot be derived from this history: {value}")
    for name, value in filled.items():  # data outside the slider range is clipped, not refused
        low, high = LEVER_BOUNDS[name]
        filled[name] = min(max(value, low), high)
    return replace(params, **filled)


@dataclass(frozen=True, eq=False)
class ScenarioResult:
    """Outcome of :func:`run`.

    ``frame`` has one row per year: ``year, projected`` (False for observed years),
    ``chn_usd_m, eu_usd_m, usa_usd_m, row_usd_m`` (central path), ``china_share, eu_share,
    usa_share, row_share`` (0-1), ``hhi`` (over the four groups, in [1/4, 1]),
    ``asymmetry_ratio`` (China's share of Russia's trade / Russia's share of China's trade;
    NaN where China's total is unknown) and ``china_share_p10, china_share_p90`` (band over
    :data:`N_DRAWS` paths; zero width in observed years).
    """

    params: ScenarioParams  # resolved: no None left
    frame: pd.DataFrame
    benchmark: float
    crossing_year: int | None
    years_without_alternative: int

    def china_share_in(self, year: int) -> float:
        """China's share (0-1) of Russia's trade in ``year`` on the central path."""
        rows = self.frame.loc[self.frame["year"] == year, "china_share"]
        if rows.empty:
            first, last = self.frame["year"].min(), self.frame["year"].max()
            raise ValueError(f"year={year!r} is not in this result ({first}-{last})")
        return float(rows.iloc[0])


def _path_levels(p: ScenarioParams, base: np.ndarray, shocks: np.ndarray) -> np.ndarray:
    """Levels (draws x years x groups) for projected years, base excluded."""
    years = np.arange(p.base_year + 1, p.end_year + 1)
    relation = WEST_RELATIONS[p.west_relations]
    growth = np.array([p.growth_chn, p.growth_eu, p.growth_usa, p.growth_row])
    west = np.isin(GROUPS, WEST_GROUPS)
    factors = np.broadcast_to(1.0 + growth + relation.annual_shift * west, (len(years), 4)).copy()
    if p.west_relations == "rupture":
        # np.ix_: a cut that lands after the horizon (rupture in the end year) selects no
        # row and is a no-op, instead of a shape error from mixing two boolean masks.
        cut_rows = years == p.rupture_year + relation.cut_lag_years
        factors[np.ix_(cut_rows, west)] *= 1.0 - relation.level_cut
    levels = base * np.cumprod(factors * np.exp(shocks), axis=-2)
    levels[..., 0] += np.where(years >= p.pivot_start_year, p.energy_pivot_usd_bn * 1000.0, 0.0)
    return levels


def _indicator_columns(levels: np.ndarray, china_total: np.ndarray) -> dict[str, np.ndarray]:
    total = levels.sum(axis=-1)
    shares = levels / total[..., None]
    russia_share_of_china = levels[..., 0] / china_total
    return {
        **{f"{g.lower()}_usd_m": levels[..., i] for i, g in enumerate(GROUPS)},
        "china_share": shares[..., 0],
        "eu_share": shares[..., 1],
        "usa_share": shares[..., 2],
        "row_share": shares[..., 3],
        "hhi": (shares**2).sum(axis=-1),
        "asymmetry_ratio": shares[..., 0] / russia_share_of_china,
    }


def _observed_columns(hist: ScenarioHistory) -> dict[str, np.ndarray]:
    china_total = hist.china_total.reindex(hist.turnover.index).to_numpy(dtype=float)
    columns = _indicator_columns(hist.turnover.to_numpy(dtype=float), china_total)
    years = hist.turnover.index.to_numpy(dtype=int)
    return {
        "year": years,
        "projected": np.zeros(len(years), dtype=bool),
        **columns,
        "china_share_p10": columns["china_share"],
        "china_share_p90": columns["china_share"],
    }


def observed(history: ScenarioHistory | None = None) -> pd.DataFrame:
    """The same indicators as :func:`run` for every observed year (for overlays and checks).

    Russia's share of China's trade uses Russia's figure for their turnover over China's total,
    so the asymmetry ratio equals China's total trade over Russia's: one consistent series.
    """
    return pd.DataFrame(_history(history).observed_columns)


def run(
    params: ScenarioParams,
    history: ScenarioHistory | None = None,
    include_history: bool = True,
) -> ScenarioResult:
    """Project the scenario from ``params.base_year`` to ``params.end_year``.

    ``history=None`` uses the repository data. With ``include_history`` the frame starts with
    every observed year up to the base year; otherwise it starts at the base year.
    """
    if not isinstance(include_history, bool):
        raise TypeError(f"include_history must be True or False, got {include_history!r}")
    hist = _history(history)
    p = resolve(params, hist)
    if p.base_year not in hist.turnover.index or p.base_year not in hist.china_total.index:
        raise ValueError(f"history has no data for base_year={p.base_year}")
    base = hist.turnover.loc[p.base_year].to_numpy(dtype=float)
    years = np.arange(p.base_year + 1, p.end_year + 1)
    shocks = np.random.default_rng(p.seed).standard_normal((N_DRAWS, len(years), len(GROUPS)))
    central = _path_levels(p, base, np.zeros((len(years), len(GROUPS))))
    draws = _path_levels(p, base, shocks * p.uncertainty)
    growth = (1.0 + p.china_growth) ** (years - p.base_year)
    projected = _indicator_columns(central, hist.china_total.loc[p.base_year] * growth)
    p10, p90 = np.percentile(draws[..., 0] / draws.sum(axis=-1), [10, 90], axis=0)
    projected.update(year=years, projected=np.ones(len(years), dtype=bool))
    projected.update(china_share_p10=p10, china_share_p90=p90)
    past = hist.observed_columns
    keep = (past["year"] <= p.base_year) if include_history else (past["year"] == p.base_year)
    frame = pd.DataFrame(
        {name: np.concatenate([column[keep], projected[name]]) for name, column in past.items()}
    )
    crossed = years[projected["china_share"] >= p.benchmark]
    crossing = int(crossed[0]) if crossed.size else None
    return ScenarioResult(
        params=p,
        frame=frame,
        benchmark=float(p.benchmark),
        crossing_year=crossing,
        years_without_alternative=0 if crossing is None else p.end_year - crossing + 1,
    )


# --- Calibration of the "what happened" preset --------------------------------------------

CALIBRATION_YEARS = (2022, 2023, 2024)  # the years the preset must reproduce
_GRID_STEP = 0.001


@dataclass(frozen=True)
class Calibration:
    """Result of :func:`calibrate_what_happened`; ``max_share_error`` is in share units."""

    rupture_cut: float
    growth_chn: float
    growth_row: float
    china_growth: float
    max_share_error: float


def calibrate_what_happened(history: ScenarioHistory | None = None) -> Calibration:
    """Fit the "what happened" preset (base 2019, rupture 2022) to 2022-2024, in three steps.

    1. Rupture cut, from EU data alone: the fall of EU turnover from 2021 to 2023 beyond what
       two years of deterioration (EU trend growth - 3 pp) explain:
       ``cut = 1 - (EU_2023 / EU_2021) / (1 + g_eu - 0.03)**2``.
    2. Growth of China and of the rest of the world: a grid search (steps of 0.1 pp within
       the slider range) for the pair that minimises the squared errors of China's and the
       EU's shares in 2022-2024, with the cut of :data:`WEST_RELATIONS` (step 1, rounded).
       Two groups are fitted because Russia's trade moved to China *and* to third countries.
    3. China's total trade growth: its CAGR from 2019 to 2024.

    EU and US growth keep their 2010-2019 trends; nothing else is tuned.
    """
    hist = _history(history)
    turnover, deterioration = hist.turnover, WEST_RELATIONS["deterioration"].annual_shift
    needed = {2019, 2021, 2023, *CALIBRATION_YEARS}
    if not needed <= set(turnover.index) or not {2019, 2024} <= set(hist.china_total.index):
        raise ValueError(f"calibration needs observed years {sorted(needed)}")
    g_eu = _window_cagr(turnover["EU"], "EU turnover")
    eu_ratio = turnover.loc[2023, "EU"] / turnover.loc[2021, "EU"]
    cut = 1.0 - eu_ratio / (1.0 + g_eu + deterioration) ** 2

    template = resolve(
        ScenarioParams(base_year=2019, end_year=max(CALIBRATION_YEARS), west_relations="rupture",
                       rupture_year=2022, growth_chn=0.0, growth_row=0.0, uncertainty=0.0),
        hist,
    )  # fmt: skip
    base = turnover.loc[2019].to_numpy(dtype=float)
    n_years = template.end_year - template.base_year
    levels = _path_levels(template, base, np.zeros((n_years, len(GROUPS))))[
        -len(CALIBRATION_YEARS) :
    ]
    low, high = LEVER_BOUNDS["growth_chn"]
    grid = np.round(np.arange(low, high + _GRID_STEP / 2, _GRID_STEP), 3)
    steps = np.array(CALIBRATION_YEARS) - 2019
    chn = base[0] * (1.0 + grid[:, None, None]) ** steps  # (chn grid, 1, years)
    row = base[3] * (1.0 + grid[None, :, None]) ** steps  # (1, row grid, years)
    total = chn + row + levels[:, 1] + levels[:, 2]
    actual = turnover.loc[list(CALIBRATION_YEARS)]
    actual = actual.div(actual.sum(axis=1), axis=0)
    china_error = chn / total - actual["CHN"].to_numpy()
    eu_error = levels[:, 1] / total - actual["EU"].to_numpy()
    sse = (china_error**2 + eu_error**2).sum(axis=-1)
    i, j = np.unravel_index(np.argmin(sse), sse.shape)
    max_error = max(np.abs(china_error[i, j]).max(), np.abs(eu_error[i, j]).max())
    china_growth = (hist.china_total.loc[2024] / hist.china_total.loc[2019]) ** (1 / 5) - 1
    return Calibration(
        rupture_cut=float(cut),
        growth_chn=float(grid[i]),
        growth_row=float(grid[j]),
        china_growth=float(china_growth),
        max_share_error=float(max_error),
    )


# --- Presets ------------------------------------------------------------------------------

#: The four presets, all seen from 2019. Two paraphrase cases in the article, two are the
#: lab's own constructs (see :data:`PRESET_ORIGINS`). The sizes of the shifts (-3 pp, +2 pp a
#: year) are teaching assumptions (:data:`WEST_RELATIONS`): the article gives no numbers.
#: Numbers in "what happened" are the output of :func:`calibrate_what_happened` (rounded to
#: 0.1 pp; a test re-runs it).
PRESETS: dict[str, ScenarioParams] = {
    "status quo": ScenarioParams(),
    "deterioration with the West": ScenarioParams(west_relations="deterioration"),
    "stabilised ties with the West": ScenarioParams(west_relations="thaw"),
    "what happened": ScenarioParams(
        west_relations="rupture",
        rupture_year=2022,
        growth_chn=0.16,
        growth_row=0.074,
        china_growth=0.061,
    ),
}

#: Where each preset comes from: the article (with the paragraph it paraphrases) or the lab.
#: Paragraphs are numbered from the first paragraph of the article's text, 1-17.
PRESET_ORIGINS: dict[str, str] = {
    "status quo": "the lab's own baseline; the article describes no such case",
    "deterioration with the West": "the article, paragraph 7: the condition of its warning",
    "stabilised ties with the West": "the article, paragraph 17: the task it sets the Kremlin",
    "what happened": "the lab's own construct, fitted in hindsight to 2022-2024 data",
}

PRESET_DESCRIPTIONS: dict[str, str] = {
    "status quo": "A yardstick of our own: the 2010-2019 trends simply continue from 2019 and"
    " relations with the West stay as they were.",
    "deterioration with the West": "Paragraph 7's condition: ties with the EU and the US keep"
    " worsening for years (here EU/US trade grows 3 pp a year slower than its trend).",
    "stabilised ties with the West": "Paragraph 17's task for the Kremlin: steadier ties with the"
    " West while keeping good relations with Beijing (here EU/US trade grows 2 pp a year faster).",
    "what happened": "Our own hindsight case: a rupture in 2022, with growth fitted to the"
    " observed 2022-2024 shares and then extrapolated; a stress test, not a forecast.",
}

#: Documented outcomes with the repository data: (crossing year, China's share in 2036).
PRESET_OUTCOMES: dict[str, tuple[int | None, float]] = {
    "status quo": (None, 0.297),
    "deterioration with the West": (None, 0.330),
    "stabilised ties with the West": (None, 0.269),
    "what happened": (2030, 0.590),
}


# --- Share strings ------------------------------------------------------------------------

_SHARE_KEYS = {
    "base_year": "base", "end_year": "end", "west_relations": "west", "rupture_year": "rupture",
    "growth_chn": "g_chn", "growth_eu": "g_eu", "growth_usa": "g_usa", "growth_row": "g_row",
    "energy_pivot_usd_bn": "pivot", "pivot_start_year": "pivot_start",
    "china_growth": "china_g", "benchmark": "bench", "uncertainty": "sd", "seed": "seed",
}  # fmt: skip
_FIELD_BY_KEY = {key: name for name, key in _SHARE_KEYS.items()}
assert set(_SHARE_KEYS) == {f.name for f in fields(ScenarioParams)}


def _checksum(body: str) -> str:
    return f"{zlib.crc32(body.encode('utf-8')):08x}"


def share_string(params: ScenarioParams) -> str:
    """A compact, readable string that rebuilds ``params`` exactly (see :func:`from_share_string`).

    Floats are written with ``repr`` (the shortest text that reads back to the same float);
    :class:`ScenarioParams` has already rounded them to :data:`FLOAT_DECIMALS` decimals, so a
    slider's ``-0.0050000000000000044`` reads ``g_eu=-0.005``. ``data`` stands for a lever
    derived from the data. A CRC32 checksum at the end catches strings that were cut short or
    edited by accident when copied between students.
    """
    if not isinstance(params, ScenarioParams):
        raise TypeError(f"params must be a ScenarioParams, got {type(params).__name__}")
    parts = [SHARE_STRING_VERSION]
    for name, key in _SHARE_KEYS.items():
        value = getattr(params, name)
        text = "data" if value is None else repr(value) if isinstance(value, float) else value
        parts.append(f"{key}={text}")
    body = ";".join(parts)
    return f"{body};sum={_checksum(body)}"


def from_share_string(text: str) -> ScenarioParams:
    """Rebuild the :class:`ScenarioParams` written by :func:`share_string`, or explain why not."""
    if not isinstance(text, str):
        raise TypeError(f"share string must be a str, got {type(text).__name__}")
    text = text.strip()
    body, sep, checksum = text.rpartition(";sum=")
    if not sep or not body.startswith(SHARE_STRING_VERSION + ";"):
        expected = f"{SHARE_STRING_VERSION};...;sum=..."
        raise ValueError(f"not a scenario share string (expected {expected!r}): {text[:40]!r}")
    if checksum != _checksum(body):
        raise ValueError(
            "share string was altered or cut short (checksum mismatch); copy it again in full"
        )
    values: dict[str, object] = {}
    for part in body.split(";")[1:]:
        key, eq, raw = part.partition("=")
        if not eq or key not in _FIELD_BY_KEY:
            raise ValueError(
                f"share string has an unknown part {part!r}; keys: {list(_FIELD_BY_KEY)}"
            )
        name = _FIELD_BY_KEY[key]
        if name in values:
            raise ValueError(f"share string repeats the key {key!r}")
        try:
            if name == "west_relations":
                values[name] = raw
            elif name in _INT_LEVERS:
                values[name] = int(raw)
            elif raw == "data" and name in _OPTIONAL_LEVERS:
                values[name] = None
            else:
                values[name] = float(raw)
        except ValueError:
            raise ValueError(f"share string: {key}={raw!r} is not a valid value") from None
    missing = [_SHARE_KEYS[n] for n in _SHARE_KEYS if n not in values]
    if missing:
        raise ValueError(f"share string lacks the key(s) {missing}")
    return ScenarioParams(**values)
