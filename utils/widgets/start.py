"""Widgets for ``00_start_here``: a first, gentle widget and the claims ledger at a glance.

The start notebook teaches how a widget works (move a control, the figure and the sentence
under it change) on the question the whole collection keeps returning to: how large is a
partner's share of Russia's trade in a given year?
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

from utils import claims
from utils.plotting import Chart
from utils.plotting import start as charts
from utils.plotting.start import PARTNER_NAMES
from utils.widgets.core import LiveView, dropdown, int_slider, register

VERDICT_ORDER = (
    "supported",
    "partly supported",
    "not supported",
    "not checkable with our data",
)


def _shares() -> pd.DataFrame:
    """Shares of the partners, read once per kernel (the chart draws from the same table)."""
    return charts.partner_shares()


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
    if share is None:
        sentence = f"There is no figure for {year} in our data (see lesson 02 on the gap)."
    else:
        sentence = f"In {year}, {name} accounted for {share:.1%} of Russia's goods trade."
    chart = charts.first_look_chart(partner, year, share, sentence)
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
    return _count_verdicts(ledger_table(None if lesson == "all" else lesson))


def _count_verdicts(table: pd.DataFrame) -> pd.Series:
    return table["verdict"].value_counts().reindex(list(VERDICT_ORDER), fill_value=0)


@lru_cache(maxsize=1)
def _most_claims_per_verdict() -> int:
    """The longest bar any lesson (or all of them) can have: the chart's fixed count axis."""
    return int(verdict_counts("all").max())


def render_ledger(lesson: str = "all") -> tuple[Chart, str]:
    table = ledger_table(None if lesson == "all" else lesson)  # one filter for chart and list
    counts = _count_verdicts(table)
    scope = "all lessons" if lesson == "all" else f"lesson {lesson}"
    sentence = (
        f"For {scope}, {counts['supported']} claims are supported, "
        f"{counts['partly supported']} partly supported, {counts['not supported']} not "
        f"supported and {counts['not checkable with our data']} not checkable with our data."
    )
    chart = charts.verdict_chart(counts, scope, sentence, _most_claims_per_verdict())
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
