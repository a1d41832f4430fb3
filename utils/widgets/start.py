"""Widgets for ``00_start_here``: a first, gentle widget and the claims ledger at a glance.

The start notebook teaches how a widget works (move a control, the figure and the sentence
under it change) on the question the whole collection keeps returning to: how large is a
partner's share of Russia's trade in a given year?
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

from utils import claims, data, indicators
from utils.plotting import Chart, bar_chart, line_chart
from utils.widgets.core import LiveView, dropdown, int_slider, register

PARTNER_NAMES = {"CHN": "China", "EU": "the EU (27)", "DEU": "Germany", "USA": "the United States"}
VERDICT_ORDER = (
    "supported",
    "partly supported",
    "not supported",
    "not checkable with our data",
)


@lru_cache(maxsize=1)
def _shares() -> pd.DataFrame:
    trade = data.load("russia_trade_by_partner")
    return indicators.partner_shares(trade, list(PARTNER_NAMES))


def _trade_sources() -> str:
    trade = data.load("russia_trade_by_partner")
    return data.source_line(*sorted(trade["source_id"].unique()))


def share_in_year(partner: str, year: int) -> float | None:
    """The partner's share (0-1) of Russia's goods trade in ``year``; None in a gap year.

    None means a true gap inside the data (2015, between the two sources); a year outside the
    data's first-to-last range is refused, so "there is no figure" is never said of 3024.
    """
    if partner not in PARTNER_NAMES:
        raise ValueError(f"partner must be one of {sorted(PARTNER_NAMES)}, got {partner!r}")
    if isinstance(year, bool) or not isinstance(year, int | np.integer):
        raise TypeError(f"year must be an integer, got {type(year).__name__} {year!r}")
    shares = _shares()
    first, last = int(shares.index.min()), int(shares.index.max())
    if not first <= year <= last:
        raise ValueError(f"year={year} is outside the data: choose a year in {first}-{last}")
    if year not in shares.index:
        return None
    return float(shares.loc[year, partner])


def render_first_look(partner: str = "CHN", year: int = 2013) -> tuple[Chart, str]:
    """A share-of-trade line with the chosen year marked, and the value in words."""
    share = share_in_year(partner, year)
    name = PARTNER_NAMES[partner]
    series = _shares()[[partner]].rename(columns={partner: name})
    if share is None:
        sentence = f"There is no figure for {year} in our data (see lesson 02 on the gap)."
    else:
        sentence = f"In {year}, {name} accounted for {share:.1%} of Russia's goods trade."
    chart = line_chart(
        series,
        f"{name[0].upper() + name[1:]}: share of Russia's goods trade",
        "Year",
        "Share of exports + imports",
        _trade_sources(),
        sentence,
        colors={name: partner},
        percent=True,
        hlines=[(share, f"{year}")] if share is not None else None,
    )
    return chart, sentence


@register("00_start_here", "first_look")
def first_look() -> LiveView:
    return LiveView(
        {
            "partner": dropdown("Partner", [(v, k) for k, v in PARTNER_NAMES.items()], "CHN"),
            "year": int_slider("Year", 1992, 2024, 1, 2013),
        },
        render_first_look,
        title="Your first widget: a partner's share of Russia's trade",
        description="Pick a partner and move the year slider.",
    )


@lru_cache(maxsize=1)
def _ledger() -> pd.DataFrame:
    """The evaluated ledger, computed once per kernel: the widget only filters it."""
    return claims.evaluate()


def ledger_table(lesson: str | None = None) -> pd.DataFrame:
    """The claims ledger as a compact table: the claim, the article's figure, ours, the verdict."""
    ledger = _ledger()
    if lesson is not None:
        if lesson not in set(ledger["lesson"]):
            raise ValueError(
                f"no claims for lesson {lesson!r}; lessons: {sorted(set(ledger['lesson']))}"
            )
        ledger = ledger[ledger["lesson"] == lesson]
    table = ledger[["claim_id", "lesson", "claim", "article_figure", "data_figure", "verdict"]]
    return table.fillna("").set_index("claim_id")


def verdict_counts(lesson: str = "all") -> pd.Series:
    """How many claims got each verdict (all lessons, or one)."""
    table = ledger_table(None if lesson == "all" else lesson)
    return table["verdict"].value_counts().reindex(list(VERDICT_ORDER), fill_value=0)


def render_ledger(lesson: str = "all") -> tuple[Chart, str]:
    counts = verdict_counts(lesson)
    scope = "all lessons" if lesson == "all" else f"lesson {lesson}"
    sentence = (
        f"For {scope}, {counts['supported']} claims are supported, "
        f"{counts['partly supported']} partly supported, {counts['not supported']} not "
        f"supported and {counts['not checkable with our data']} not checkable with our data."
    )
    chart = bar_chart(
        counts,
        f"Verdicts on the article's claims ({scope})",
        "Verdict",
        "Number of claims",
        "Claims ledger (data/claims.csv) judged by utils.claims from the datasets in data/",
        sentence,
        horizontal=True,
        colors="blue",
        value_labels=True,
    )
    table = ledger_table(None if lesson == "all" else lesson)
    rows = "".join(
        f"<li><b>{cid}</b> ({row.verdict}): {row.claim}</li>" for cid, row in table.iterrows()
    )
    return chart, f"<ul style='margin:0'>{rows}</ul>"


@register("00_start_here", "claims_ledger")
def claims_ledger() -> LiveView:
    lessons = sorted(set(_ledger()["lesson"]))
    return LiveView(
        {
            "lesson": dropdown(
                "Lesson", [("All lessons", "all")] + [(f"Lesson {x}", x) for x in lessons]
            )
        },
        render_ledger,
        title="The claims ledger at a glance",
        description="Choose a lesson to see its claims and how the data judges them.",
    )
