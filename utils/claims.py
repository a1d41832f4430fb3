"""The claims ledger: each checkable statement of the article, tested against our data.

Why: students should see *how* a verdict is reached, not only the verdict. Every claim in
``data/claims.csv`` names one small evidence function here. Each function computes a value
from the curated tables (never a typed-in number), applies an explicit, coded verdict rule and
returns an :class:`Evidence`. The rules are module constants so a lesson can print them and a
student can argue with them.

Verdicts: "supported", "partly supported", "not supported", "not checkable with our data".

Verdict rules for numbers quoted by the article (percentage points, pp):

* "about X%" (:func:`verdict_about`): supported if within +-1.5 pp of X, partly if within +-3 pp.
* "nearly X%" (:func:`verdict_nearly`): supported if in [X - 1.5, X], partly if within +-3 pp.
* "less than X%" (:func:`verdict_below`): supported if every year checked is below X.
* "nearly doubled" (:func:`verdict_nearly_doubled`): ratio >= 1.8 supported, >= 1.4 partly.
* "will dwindle" (:func:`verdict_decline`): a fall of the 5-year mean of >= 50% supported,
  >= 20% partly.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import numpy as np
import pandas as pd

from utils import data, indicators

SUPPORTED = "supported"
PARTLY = "partly supported"
NOT_SUPPORTED = "not supported"
NOT_CHECKABLE = "not checkable with our data"
VERDICTS = (SUPPORTED, PARTLY, NOT_SUPPORTED, NOT_CHECKABLE)

#: "about X%": supported within this many percentage points, partly within the second.
ABOUT_SUPPORTED_PP = 1.5
ABOUT_PARTLY_PP = 3.0
#: "nearly X%": supported from X minus this many points up to X; partly within +-3 pp.
NEARLY_BELOW_PP = 1.5
NEARLY_PARTLY_PP = 3.0
#: "nearly doubled": ratio of end share to start share.
DOUBLED_SUPPORTED_RATIO = 1.8
DOUBLED_PARTLY_RATIO = 1.4
#: "will dwindle": fall of the 5-year average between an early and a late window.
DECLINE_SUPPORTED = 0.5
DECLINE_PARTLY = 0.2
#: C09 is a forecast made in December 2020: compare the five years before it with the years after.
FORECAST_BEFORE = range(2016, 2021)
FORECAST_AFTER_FROM = 2021
#: A fall in share smaller than this many percentage points counts as no change.
SHARE_CHANGE_PP = 5.0
#: A supplier share below this is "small" for the replaceability claim (percent).
SMALL_SUPPLIER_SHARE_PCT = 5.0
#: HHI below this (0-1 scale; 1,500 on the 10,000 scale of the US merger guidelines) means the
#: supplier market is unconcentrated, so one supplier can be replaced by others.
UNCONCENTRATED_HHI = 0.15

#: Years the article treats as "at the time of writing" (December 2020): the last full year
#: of data then available (2019) and the year of writing (2020).
WRITING_YEARS = (2019, 2020)

CLAIM_COLUMNS = [
    "claim_id",
    "paragraph",
    "topic",
    "claim",
    "article_figure",
    "evidence_function",
    "lesson",
]


@dataclass(frozen=True)
class Evidence:
    """What our data say about one claim.

    ``value`` is the headline number in ``unit`` (None when nothing can be computed);
    ``data_figure`` is the same number as readable text; ``explanation`` says in our words how
    the verdict follows from the rule; ``source_ids`` index ``data/sources.csv``.
    """

    value: float | None
    unit: str
    data_figure: str
    verdict: str
    explanation: str
    source_ids: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if self.verdict not in VERDICTS:
            raise ValueError(f"verdict must be one of {VERDICTS}, got {self.verdict!r}")


# ------------------------------------------------------------------ verdict rules
def _check_number(name: str, value: float) -> float:
    """A single real number; numpy scalars count (values computed with pandas arrive as them)."""
    if isinstance(value, np.ndarray | pd.Series):
        raise TypeError(
            f"{name} must be a single number, not an array; got {type(value).__name__} "
            f"of shape {np.shape(value)}"
        )
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        raise TypeError(f"{name} must be a number, got {type(value).__name__} {value!r}")
    if value != value:  # NaN
        raise ValueError(f"{name} is NaN")
    return float(value)


def verdict_about(value: float, target: float) -> str:
    """Verdict for "about ``target``" (same unit, e.g. percent)."""
    gap = abs(_check_number("value", value) - _check_number("target", target))
    if gap <= ABOUT_SUPPORTED_PP:
        return SUPPORTED
    return PARTLY if gap <= ABOUT_PARTLY_PP else NOT_SUPPORTED


def verdict_nearly(value: float, target: float) -> str:
    """Verdict for "nearly ``target``": just below it is right, above or far below is not."""
    value, target = _check_number("value", value), _check_number("target", target)
    if target - NEARLY_BELOW_PP <= value <= target:
        return SUPPORTED
    return PARTLY if abs(value - target) <= NEARLY_PARTLY_PP else NOT_SUPPORTED


def verdict_below(values: list[float], limit: float) -> str:
    """Verdict for "less than ``limit``" over every value checked.

    ``values`` may be a list, a numpy array or a pandas Series; it is turned into a list first
    because ``not values`` is ambiguous for an array.
    """
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise TypeError(f"values must be a list of numbers, got {type(values).__name__}")
    try:
        values = list(values)
    except TypeError:  # e.g. a 0-d numpy array, which claims to be iterable but is not
        raise TypeError(f"values must be a list of numbers, got {values!r}") from None
    if not values:
        raise ValueError("values must not be empty")
    limit = _check_number("limit", limit)
    checked = [_check_number("values[i]", v) for v in values]
    return SUPPORTED if all(v < limit for v in checked) else NOT_SUPPORTED


def verdict_nearly_doubled(ratio: float) -> str:
    """Verdict for "nearly doubled" given end/start ratio."""
    ratio = _check_number("ratio", ratio)
    if ratio >= DOUBLED_SUPPORTED_RATIO:
        return SUPPORTED
    return PARTLY if ratio >= DOUBLED_PARTLY_RATIO else NOT_SUPPORTED


def verdict_decline(early_mean: float, late_mean: float) -> str:
    """Verdict for "will dwindle" from two window averages."""
    early = _check_number("early_mean", early_mean)
    late = _check_number("late_mean", late_mean)
    if early <= 0:
        raise ValueError(f"early_mean must be positive, got {early}")
    fall = 1 - late / early
    if fall >= DECLINE_SUPPORTED:
        return SUPPORTED
    return PARTLY if fall >= DECLINE_PARTLY else NOT_SUPPORTED


# ------------------------------------------------------------------ shared computations
def _trade() -> pd.DataFrame:
    return data.load("russia_trade_by_partner")


def partner_share_pct(partner: str, year: int) -> tuple[float, str]:
    """Partner's share of Russia's goods turnover in ``year`` (percent) and its source_id."""
    trade = _trade()
    shares = indicators.partner_shares(trade, [partner])
    if year not in shares.index:
        raise ValueError(f"year={year} has no Russian trade data; available: {list(shares.index)}")
    row = trade[(trade["year"] == year) & (trade["partner"] == "WLD")]
    return 100 * float(shares.loc[year, partner]), str(row["source_id"].iloc[0])


def china_share_of_russia_trade(year: int) -> float:
    """China's share of Russia's goods trade (exports + imports) in ``year``, percent."""
    return partner_share_pct("CHN", year)[0]


def _share_evidence(year: int, figure: float, rule: Callable[[float, float], str], how: str):
    share, source = partner_share_pct("CHN", year)
    verdict = rule(share, figure)
    return Evidence(
        value=round(share, 2),
        unit="percent of Russia's goods trade",
        data_figure=f"{share:.1f}% in {year}",
        verdict=verdict,
        explanation=(
            f"Our data give {share:.1f}% for {year} against the article's {figure:g}% "
            f"({how}). {_basis_note(year)}"
        ),
        source_ids=(source,),
    )


def _basis_note(year: int) -> str:
    if year <= 2014:
        return (
            "COW basis: Russia's exports to China are China's recorded imports (valued CIF), "
            "which run above Russia's own export record, so this share is a little high."
        )
    return "IMF basis: Russia's own customs record (exports FOB, imports CIF)."


# ------------------------------------------------------------------ trade claims
def china_share_2013() -> Evidence:
    """C01: China's share of Russia's trade was about 10% in 2013."""
    return _share_evidence(2013, 10.0, verdict_about, "rule: about X means within 1.5 pp")


def china_share_2019() -> Evidence:
    """C02: China's share was nearly 18% in 2019 -- the lesson-02 disagreement."""
    evidence = _share_evidence(
        2019, 18.0, verdict_nearly, "rule: nearly X means between X-1.5 and X"
    )
    extra = (
        " The article does not say which statistics it used. On Russia's own records over the "
        "full world total no figure reaches 18% for 2019; smaller world totals do (leaving out "
        "Belarus, Kazakhstan and Ukraine gives about 18%, lesson 02), as could mirror data or "
        "rounding up."
    )
    return replace(evidence, explanation=evidence.explanation + extra)


def china_share_nearly_doubled() -> Evidence:
    """C03: China's share nearly doubled from 2013 to 2019 (uses indicators.share_change)."""
    trade = _trade()
    shares = indicators.partner_shares(trade, ["CHN"])["CHN"]
    ratio = indicators.share_change(shares, 2013, 2019)
    article_ratio = 18.0 / 10.0
    return Evidence(
        value=round(ratio, 3),
        unit="ratio of 2019 share to 2013 share",
        data_figure=f"x{ratio:.2f} ({100 * shares[2013]:.1f}% -> {100 * shares[2019]:.1f}%)",
        verdict=verdict_nearly_doubled(ratio),
        explanation=(
            f"The share grew {ratio:.2f}-fold on our data; the article's own endpoints give "
            f"{article_ratio:.1f}. Rule: at least 1.8 counts as nearly doubled, at least 1.4 "
            "as partly. Our 2013 start is higher (mirror-valued exports) and our 2019 end "
            "lower than the article's figures, and the two years come from different sources "
            "(COW, IMF)."
        ),
        source_ids=("cow_trade_v4", "imf_imts_2025"),
    )


def china_share_below_20pct() -> Evidence:
    """C04: China's share was under 20% at the time of writing (2019 and 2020)."""
    shares = {year: china_share_of_russia_trade(year) for year in WRITING_YEARS}
    text = ", ".join(f"{v:.1f}% in {y}" for y, v in shares.items())
    return Evidence(
        value=round(max(shares.values()), 2),
        unit="percent of Russia's goods trade (highest of 2019-2020)",
        data_figure=text,
        verdict=verdict_below(list(shares.values()), 20.0),
        explanation=f"Both years checked are below 20% ({text}).",
        source_ids=("imf_imts_2025",),
    )


def eu_main_partner_2013() -> Evidence:
    """C05: the EU was Russia's main trading partner when the 2014 crisis began."""
    trade = _trade()
    partners = [p for p in trade["partner"].unique() if p != "WLD"]
    shares = indicators.partner_shares(trade, partners)
    rows = []
    for year in (2013, 2014):
        ranked = shares.loc[year].sort_values(ascending=False)
        rows.append((year, ranked.index[0], 100 * ranked.iloc[0], ranked.index[1],
                     100 * ranked.iloc[1]))  # fmt: skip
    eu_first = all(r[1] == "EU" for r in rows)
    y13 = rows[0]
    return Evidence(
        value=round(y13[2], 2),
        unit="EU27 percent of Russia's goods trade, 2013",
        data_figure=f"EU {y13[2]:.1f}% vs {y13[3]} {y13[4]:.1f}% in 2013",
        verdict=SUPPORTED if eu_first else NOT_SUPPORTED,
        explanation=(
            "Rule: the EU27 must be the largest partner in both 2013 and 2014. "
            + "; ".join(f"{y}: {a} {s:.1f}%, next {b} {t:.1f}%" for y, a, s, b, t in rows)
            + ". The EU row sums 27 countries, so it is a bloc compared with single countries."
        ),
        source_ids=("cow_trade_v4",),
    )


def russia_share_of_china_imports() -> Evidence:
    """C06: Russia supplies only a small share of China's imports (replaceable supplier)."""
    china = data.load("china_trade_with_russia").set_index(["year", "partner"])
    year = WRITING_YEARS[0]
    share = 100 * indicators.import_dependence(
        float(china.loc[(year, "RUS"), "imports_usd_m"]),
        float(china.loc[(year, "WLD"), "imports_usd_m"]),
    )
    russia_side = china_share_of_russia_trade(year)
    return Evidence(
        value=round(share, 2),
        unit=f"percent of China's goods imports, {year}",
        data_figure=(
            f"{year}: {share:.1f}% of China's goods imports came from Russia (Russia's FOB "
            "export record divided by China's CIF record of imports from the world)"
        ),
        verdict=SUPPORTED if share < SMALL_SUPPLIER_SHARE_PCT else PARTLY,
        explanation=(
            f"Rule: below {SMALL_SUPPLIER_SHARE_PCT:g}% counts as a small supplier. Russia "
            f"provided {share:.1f}% of China's imports, while China took {russia_side:.1f}% "
            "of Russia's trade: the dependence is lopsided. A small share does not by itself "
            "prove the goods are easy to replace; claim C07 looks at crude oil. The two parts "
            "come from different reporters (Russia's customs for the numerator, valued FOB; "
            "China's for the denominator, valued CIF): lesson 03 shows both reporters."
        ),
        source_ids=("imf_imts_2025", "un_comtrade_cipf_2026"),
    )


def china_crude_supplier_diversity() -> Evidence:
    """C07: China buys crude from many suppliers, so Russian crude could be replaced."""
    crude = data.load("china_crude_imports_by_origin")
    year = WRITING_YEARS[0]
    rows = crude[crude["year"] == year]
    world = float(rows.loc[rows["origin"] == "WLD", "crude_kt"].iloc[0])
    origins = rows[rows["origin"] != "WLD"]
    shares = (origins.set_index("origin")["crude_kt"] / world).to_dict()
    residual = max(0.0, 1.0 - sum(shares.values()))
    # Upper bound: the unallocated rest is treated as if it were a single supplier.
    concentration = indicators.hhi([*shares.values(), residual])
    russia = 100 * shares.get("RUS", 0.0)
    rank = sorted(shares, key=shares.get, reverse=True).index("RUS") + 1
    diversified = concentration < UNCONCENTRATED_HHI
    return Evidence(
        value=round(concentration, 3),
        unit=f"HHI of China's crude suppliers, {year} (0-1, upper bound)",
        data_figure=(
            f"{year}: HHI {concentration:.3f}; Russia {russia:.1f}% (rank {rank} of "
            f"{len(shares)} itemised origins)"
        ),
        verdict=PARTLY if diversified else NOT_SUPPORTED,
        explanation=(
            f"China's crude imports were spread over at least {len(shares)} origins (HHI "
            f"{concentration:.3f}, below {UNCONCENTRATED_HHI} = unconcentrated), so other "
            f"suppliers exist. But Russia was number {rank} with {russia:.1f}%: replacing it "
            "would take a large shift, so the claim is only partly borne out."
        ),
        source_ids=tuple(sorted(set(crude["source_id"]))),
    )


# ------------------------------------------------------------------ arms and exercises
def russian_arms_su35_s400() -> Evidence:
    """C08: Russia sold China Su-35 fighters and S-400 systems."""
    deals = data.load("arms_deals")
    key = deals[deals["key_deal"].isin(["Su-35", "S-400"])]
    found = {
        k: (int(r["order_year"]), int(r["number_delivered"]))
        for k, (_, r) in zip(key["key_deal"], key.iterrows(), strict=True)
    }
    both = {"Su-35", "S-400"} <= set(found) and all(n > 0 for _, n in found.values())
    text = "; ".join(f"{k}: ordered {y}, {n} delivered" for k, (y, n) in sorted(found.items()))
    return Evidence(
        value=float(len(found)),
        unit="key deals found (of 2)",
        data_figure=text,
        verdict=SUPPORTED if both else NOT_SUPPORTED,
        explanation=f"Rule: both orders must be in SIPRI's register with deliveries. {text}.",
        source_ids=tuple(sorted(set(key["source_id"]))),
    )


def russian_arms_role_dwindling() -> Evidence:
    """C09: Russian arms will matter less to China, judged on what happened after the forecast.

    A forecast made in December 2020 is judged on the years after it (2021 onwards) against
    the five years before it (2016-2020), by volume and by share: the two can point different
    ways, because China's arms imports as a whole shrink as its own industry grows.
    """
    arms = data.load("arms_transfers_by_year")
    pair = arms[(arms["supplier_iso3"] == "RUS") & (arms["recipient_iso3"] == "CHN")]
    series = pair.set_index("year")["tiv_m"]
    to_china = arms[arms["recipient_iso3"] == "CHN"].groupby("year")["tiv_m"].sum()
    before, after = FORECAST_BEFORE, range(FORECAST_AFTER_FROM, int(series.index.max()) + 1)
    early, late = series.reindex(before).mean(), series.reindex(after).mean()
    share = {
        window: 100 * series.reindex(window).sum() / to_china.reindex(window).sum()
        for window in (before, after)
    }
    fall = 1 - late / early
    volume = verdict_decline(early, late)
    share_fell = share[after] < share[before] - SHARE_CHANGE_PP
    verdict = volume if share_fell else (PARTLY if volume != NOT_SUPPORTED else NOT_SUPPORTED)
    span = f"{after[0]}-{after[-1]}"
    return Evidence(
        value=round(100 * fall, 1),
        unit=f"percent fall in mean yearly deliveries, {before[0]}-{before[-1]} to {span}",
        data_figure=(
            f"volume {early:.0f} -> {late:.0f} TIV m/yr; Russia's share of China's arms "
            f"imports {share[before]:.0f}% -> {share[after]:.0f}% ({before[0]}-{before[-1]} "
            f"vs {span})"
        ),
        verdict=verdict,
        explanation=(
            f"Judged on what happened after the forecast (December 2020): yearly deliveries "
            f"fell by {100 * fall:.0f}% (volume points towards a dwindling role; rule: a fall "
            f"of 50% supports, 20% partly), but Russia's share of what China buys abroad moved "
            f"from {share[before]:.0f}% to {share[after]:.0f}% (share points against: Russia "
            f"is still China's main foreign supplier). With both measures needed and only "
            f"{len(after)} years of data after the forecast, the claim is at most partly "
            f"supported so far."
        ),
        source_ids=tuple(sorted(set(pair["source_id"]))),
    )


#: The article's date (2 December 2020): a claim about the record "so far" is judged on events
#: that began on or before it. Every lesson uses this one date and this one rule.
ARTICLE_DATE = pd.Timestamp("2020-12-02")


def _events_before_article(live_exercises_only: bool = False) -> pd.DataFrame:
    """Joint activities that began on or before the article's date (month-only dates allowed).

    With ``live_exercises_only``, joint patrols and the two computer-simulated missile-defence
    drills (Aerospace Security 2016 and 2017) are left out: they are not exercises in the field.
    """
    events = data.load("joint_exercises")
    events = events[pd.to_datetime(events["start_date"], format="ISO8601") <= ARTICLE_DATE]
    if live_exercises_only:
        events = events[(events["type"] == "exercise") & (events["mode"] == "live")]
    return events


def exercises_baltic_to_south_china_sea() -> Evidence:
    """C10: joint exercises have reached from the Baltic Sea to the South China Sea."""
    before = _events_before_article(live_exercises_only=True)
    found = {
        region: sorted(before.loc[before["region"] == region, "year"].astype(int).tolist())
        for region in ("Baltic Sea", "South China Sea")
    }
    both = all(found.values())
    text = "; ".join(f"{r}: {', '.join(map(str, y)) or 'none'}" for r, y in found.items())
    return Evidence(
        value=float(before["region"].nunique()),
        unit="distinct regions of live joint exercises before 2 December 2020",
        data_figure=text,
        verdict=SUPPORTED if both else NOT_SUPPORTED,
        explanation=f"Rule: at least one exercise in each sea before December 2020. {text}.",
        source_ids=tuple(sorted(set(before["source_id"]))),
    )


def exercises_growing_scale_and_area() -> Evidence:
    """C11: exercises grow in scale and area (2005-2012 against 2013 to the article's date).

    Counted: live joint exercises that began before 2 December 2020; joint air and naval
    patrols (including the one of 22 December 2020) and computer-simulated drills are not.
    """
    before = _events_before_article(live_exercises_only=True)
    early = before[before["year"] <= 2012]
    late = before[before["year"] >= 2013]
    counts = (len(early), len(late))
    regions = (early["region"].nunique(), late["region"].nunique())
    grew = counts[1] > counts[0] and regions[1] > regions[0]
    return Evidence(
        value=float(regions[1]),
        unit="distinct regions of live exercises, 2013 to 2 December 2020",
        data_figure=(
            f"2005-2012: {counts[0]} live exercises in {regions[0]} regions; 2013 to 2 Dec "
            f"2020: {counts[1]} in {regions[1]} regions"
        ),
        verdict=PARTLY if grew else NOT_SUPPORTED,
        explanation=(
            "Rule: more live exercises in more regions in 2013-2020 than in 2005-2012 supports "
            "the 'wider area' half; 'larger scale' (troops, ships, aircraft) is not recorded "
            "consistently in our list, so at best the claim is partly supported. Counted up "
            "to the article's date (2 December 2020), without joint patrols or the two "
            "computer-simulated missile-defence drills. The list is not exhaustive."
        ),
        source_ids=tuple(sorted(set(before["source_id"]))),
    )


def joint_bomber_patrol_2019() -> Evidence:
    """C12: the first joint strategic bomber patrol, 2019, Northeast Asia."""
    exercises = data.load("joint_exercises")
    patrols = exercises[(exercises["type"] == "air patrol") & (exercises["year"] == 2019)]
    text = "; ".join(f"{r.name} ({r.start_date}, {r.region})" for r in patrols.itertuples())
    return Evidence(
        value=float(len(patrols)),
        unit="joint air patrols in 2019",
        data_figure=text or "none",
        verdict=SUPPORTED if len(patrols) else NOT_SUPPORTED,
        explanation=f"Rule: a joint air patrol must be listed for 2019. Found: {text or 'none'}.",
        source_ids=tuple(sorted(set(patrols["source_id"]))),
    )


# ------------------------------------------------------------------ finance, events, energy
def debt_to_chinese_lenders() -> Evidence:
    """C13: Russia's debt to Chinese financial institutions is still insignificant."""
    finance = data.load("chinese_official_finance")
    russia = finance[finance["recipient"] == "RUS"]
    total = float(russia["commitments_usd_m_2021"].sum())
    by_recipient = finance.groupby("recipient")["commitments_usd_m_2021"].sum()
    rank = int(by_recipient.rank(ascending=False)["RUS"])
    first, last = int(russia["year"].min()), int(russia["year"].max())
    return Evidence(
        value=round(total / 1000, 1),
        unit=f"USD bn (constant 2021) committed {first}-{last}",
        data_figure=f"USD {total / 1000:.0f} bn committed {first}-{last} (rank {rank} of "
        f"{len(by_recipient)} recipients in our extract)",
        verdict=NOT_CHECKABLE,
        explanation=(
            "Our table records loans and grants *committed* by Chinese state lenders, not debt "
            "outstanding, so it cannot test the claim. It does show that Russia received very "
            "large commitments, the most of any recipient in our extract, which suggests the "
            "exposure was not trivial."
        ),
        source_ids=tuple(sorted(set(russia["source_id"]))),
    )


def _timeline_matches(*words: str, category: str | None = None) -> pd.DataFrame:
    timeline = data.load("timeline")
    mask = pd.Series(True, index=timeline.index)
    for word in words:
        mask &= timeline["event"].str.contains(word, case=False, regex=False)
    if category is not None:
        mask &= timeline["category"] == category
    return timeline[mask]


def cnpc_discount_2011() -> Evidence:
    """C14: the 2011 CNPC price discount on Russian pipeline crude."""
    dispute = _timeline_matches("CNPC", "price")
    dispute = dispute[dispute["date"].str.startswith(("2011", "2012"))]
    discount = dispute[dispute["event"].str.contains("discount", case=False)]
    text = "; ".join(f"{r.date}: {r.event}" for r in dispute.itertuples())
    return Evidence(
        value=float(len(dispute)),
        unit="sourced events on the CNPC price dispute",
        data_figure="; ".join(dispute["date"]),
        verdict=PARTLY if len(discount) else NOT_CHECKABLE,
        explanation=(
            "Sourced reports (not statistics) show a price dispute in 2011 that ended with a "
            "reported discount agreed in autumn 2011. That the discount was won by using Russian "
            "debts to Chinese banks is the author's reading and is not checkable with our data. "
            + text
        ),
        source_ids=tuple(sorted(set(dispute["source_id"]))),
    )


def china_pressure_on_australia_2020() -> Evidence:
    """C15: China applied economic pressure on Australia in 2020."""
    events = _timeline_matches("Australia", category="coercion")
    events = events[events["date"].str.startswith("2020")]
    return Evidence(
        value=float(len(events)),
        unit="Chinese trade measures against Australian goods, 2020",
        data_figure="; ".join(events["date"]),
        verdict=SUPPORTED if len(events) >= 2 else (PARTLY if len(events) else NOT_SUPPORTED),
        explanation=(
            "Rule: two or more dated, sourced trade measures in 2020. Found "
            + "; ".join(f"{r.date} {r.event_id.split('_', 1)[1]}" for r in events.itertuples())
            + ". Whether they were meant as pressure is an interpretation."
        ),
        source_ids=tuple(sorted(set(events["source_id"]))),
    )


def chinese_5g_vendors_favoured() -> Evidence:
    """C16: sanctions push Russia towards Chinese 5G vendors -- no vendor data here."""
    return Evidence(
        value=None,
        unit="",
        data_figure="",
        verdict=NOT_CHECKABLE,
        explanation=(
            "We hold no data on telecom equipment contracts or market shares in Russia, so "
            "this cannot be tested here."
        ),
        source_ids=(),
    )


def power_of_siberia_operating() -> Evidence:
    """C17: the Power of Siberia pipeline was built and carries gas to China."""
    pos = data.load("power_of_siberia")
    customs = pos[pos["basis"] == "china_customs"]
    first = int(customs["year"].min())
    year_2020 = pos[(pos["year"] == 2020) & (pos["basis"] == "bp_statistical_review")]
    volume = float(year_2020["volume_bcm"].iloc[0])
    used = pd.concat([customs[customs["year"] == first], year_2020])
    return Evidence(
        value=round(volume, 3),
        unit="bcm delivered in 2020 (BP)",
        data_figure=f"deliveries recorded from {first}; {volume:.2f} bcm in 2020 (BP)",
        verdict=SUPPORTED if volume > 0 else NOT_SUPPORTED,
        explanation=(
            f"Rule: recorded deliveries before the article. China's customs record flows from "
            f"December {first}, and BP gives {volume:.2f} bcm for 2020, the first full year."
        ),
        source_ids=tuple(sorted(set(used["source_id"]))),
    )


def pipeline_sole_customer() -> Evidence:
    """C18: Russia may become tied by pipelines to China as sole customer (a forecast)."""
    energy = data.load("russia_energy_exports_2020")
    gas = energy.set_index("destination_iso3")["pipeline_gas_bcm"]
    share = 100 * float(gas["CHN"]) / float(gas["WLD"])
    return Evidence(
        value=round(share, 1),
        unit="China's percent of Russia's pipeline gas exports, 2020",
        data_figure=f"{share:.1f}% of Russian pipeline gas went to China in 2020",
        verdict=NOT_CHECKABLE,
        explanation=(
            "This is a scenario for the 2030s and cannot be checked with past data. In 2020 "
            f"China took only {share:.1f}% of Russia's pipeline gas exports, so the situation "
            "described would require a large shift away from Europe."
        ),
        source_ids=tuple(sorted(set(energy["source_id"]))),
    )


# ------------------------------------------------------------------ ledger
def claims_path() -> Path:
    """Path of the claims ledger in the data folder in use."""
    return data.current_data_dir() / "claims.csv"


def load_claims() -> pd.DataFrame:
    """The ledger ``data/claims.csv`` (verified like every table via :func:`utils.data.load`)."""
    return data.load("claims")


def resolve(dotted: str) -> Callable[[], Evidence]:
    """Import ``utils.claims.some_function`` from its dotted name."""
    if not isinstance(dotted, str) or "." not in dotted:
        raise ValueError(f"evidence_function must be a dotted name, got {dotted!r}")
    module_name, _, attribute = dotted.rpartition(".")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        # Only a missing module *named in* ``dotted`` is a bad ledger entry; a module that
        # exists but fails to import one of its own dependencies is a different bug, so that
        # error is left to propagate unchanged.
        if error.name is None or not (module_name + ".").startswith(error.name + "."):
            raise
        raise ValueError(
            f"evidence_function {dotted!r} does not name a function: "
            f"there is no module {error.name!r}"
        ) from None
    function = getattr(module, attribute, None)
    if not callable(function):
        raise ValueError(f"evidence_function {dotted!r} does not name a function")
    return function


def evaluate() -> pd.DataFrame:
    """Every claim joined with its computed evidence (one row per claim, ledger order)."""
    claims = load_claims()
    rows = []
    for claim in claims.to_dict("records"):
        evidence = resolve(claim["evidence_function"])()
        row = {**claim, **asdict(evidence)}
        row["source_ids"] = "; ".join(evidence.source_ids)
        rows.append(row)
    return pd.DataFrame(rows)
