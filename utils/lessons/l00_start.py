"""Lesson 00 (start here): a partner's share of Russia's trade, and the claims ledger.

Two widgets meet a newcomer first, so both are plain and quick. :class:`FirstLook` draws the
four partners on one share axis (so the USA's small share looks small); :class:`LedgerChart`
counts the verdicts on the article's claims on the whole ledger's axis (so lessons compare).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

from utils import claims, data
from utils.charts import markdown_table  # noqa: F401 (the notebook shows its tables with it)
from utils.live import LiveChart, LiveView, dropdown, int_slider, register
from utils.style import GREY, LIGHT_GREY, PALETTE, actor_color, figure

#: Partners of the first widget (actor code -> name used in titles and sentences).
PARTNER_NAMES = {"CHN": "China", "EU": "the EU (27)", "DEU": "Germany", "USA": "the United States"}
DEFAULTS_FIRST_LOOK = {"partner": "CHN", "year": 2013}
DEFAULTS_LEDGER = {"lesson": "all"}


# ----------------------------------------------------------------------------- first look
def partner_shares() -> pd.DataFrame:
    """Each partner's share (%) of Russia's goods trade (exports + imports), by year.

    Every year from the first to the last: 2015, between the two sources, is a row of NaN (a gap
    in the line, not a guess).
    """
    trade = data.load("russia_trade_by_partner")
    trade["turnover"] = trade["exports_usd_m"] + trade["imports_usd_m"]  # the article's measure
    wide = trade.pivot(index="year", columns="partner", values="turnover")
    shares = 100 * wide[list(PARTNER_NAMES)].div(wide["WLD"], axis=0)  # percent of the world
    return shares.reindex(range(int(shares.index.min()), int(shares.index.max()) + 1))


def share_in_year(partner: str, year: int) -> float | None:
    """The partner's share (%) in ``year``; None in the gap year 2015.

    A year outside the data is refused, so "there is no figure" is never said of the year 3024.
    """
    if partner not in PARTNER_NAMES:
        raise ValueError(f"partner must be one of {sorted(PARTNER_NAMES)}, got {partner!r}")
    if isinstance(year, bool) or not isinstance(year, int | np.integer):
        raise TypeError(f"year must be an integer, got {type(year).__name__} {year!r}")
    shares = partner_shares()
    first, last = int(shares.index.min()), int(shares.index.max())
    if not first <= year <= last:
        raise ValueError(f"year={year} is outside the data: choose a year in {first}-{last}")
    value = shares.loc[year, partner]
    return None if pd.isna(value) else float(value)


class FirstLook(LiveChart):
    """All partners as thin grey lines; the chosen one in its colour, with the year marked."""

    def __init__(self) -> None:
        shares = partner_shares()
        sources = sorted(data.load("russia_trade_by_partner")["source_id"].unique())
        self.fig, ax = figure(
            "A partner's share of Russia's goods trade",
            data.source_line(*sources),
            xlabel="Year",
            ylabel="Share of Russia's exports + imports (%)",
        )
        for code in PARTNER_NAMES:  # context: every partner, so the scale means something
            ax.plot(shares.index, shares[code], color=LIGHT_GREY, linewidth=1)
        (self.line,) = ax.plot(shares.index, shares["CHN"], linewidth=2.5)
        self.year_line = ax.axvline(shares.index[0], color=GREY, linestyle=":", linewidth=1)
        (self.point,) = ax.plot([], [], "o", markersize=9, color=PALETTE["black"])
        ax.set_ylim(0, np.nanmax(shares.to_numpy()) * 1.05)  # one axis for every partner
        ax.set_xlim(shares.index.min() - 0.5, shares.index.max() + 0.5)
        # Top right is empty for every partner after 2010: room for the partner's name.
        self.name = ax.text(0.98, 0.96, "", transform=ax.transAxes, ha="right", va="top",
                            fontsize=13, fontweight="bold")  # fmt: skip
        ax.text(0.98, 0.87, "grey: the other partners", transform=ax.transAxes, ha="right",
                va="top", fontsize=10, color=GREY)  # fmt: skip
        self.shares = shares
        self.animated = [self.line, self.year_line, self.point, self.name]

    def update(self, partner: str, year: int) -> str:
        share = share_in_year(partner, year)  # checks the partner and the year
        name = PARTNER_NAMES[partner]
        self.line.set_ydata(self.shares[partner].to_numpy())
        self.line.set_color(actor_color(partner))
        self.year_line.set_xdata([year, year])
        self.point.set_data([year], [np.nan if share is None else share])
        self.name.set_text(name[0].upper() + name[1:])
        self.name.set_color(actor_color(partner))
        if share is None:
            return f"There is no figure for {year} in our data (lesson 02 explains the gap)."
        return f"In {year}, {name} accounted for {share:.1f}% of Russia's goods trade."


@register("first_look")
def first_look() -> LiveView:
    years = partner_shares().index
    return LiveView(
        {
            "partner": dropdown("Partner", [(v, k) for k, v in PARTNER_NAMES.items()], "CHN"),
            "year": int_slider("Year", int(years.min()), int(years.max()), 1, 2013),
        },
        FirstLook(),
        title="Your first widget: a partner's share of Russia's trade",
        description="Pick a partner and move the year slider; grey lines are the other partners.",
    )


# ----------------------------------------------------------------------------- claims ledger
@lru_cache(maxsize=1)
def _ledger() -> pd.DataFrame:
    """The evaluated ledger, computed once per kernel: the widget only filters it."""
    return claims.evaluate()


def lessons_with_claims() -> list[str]:
    return sorted(set(_ledger()["lesson"]))


def ledger_table(lesson: str = "all") -> pd.DataFrame:
    """The claims ledger: the claim, the article's figure, ours and the verdict, by claim id."""
    ledger = _ledger()
    if lesson != "all":
        if lesson not in lessons_with_claims():
            raise ValueError(f"no claims for lesson {lesson!r}; lessons: {lessons_with_claims()}")
        ledger = ledger[ledger["lesson"] == lesson]
    table = ledger[["claim_id", "lesson", "claim", "article_figure", "data_figure", "verdict"]]
    return table.fillna("").set_index("claim_id")


def verdict_counts(lesson: str = "all") -> pd.Series:
    """How many claims got each verdict (all lessons, or one), in ``claims.VERDICTS`` order."""
    return ledger_table(lesson)["verdict"].value_counts().reindex(claims.VERDICTS, fill_value=0)


class LedgerChart(LiveChart):
    """Horizontal bars, one per verdict, on the whole ledger's count axis."""

    def __init__(self) -> None:
        self.fig, ax = figure(
            "Verdicts on the article's checkable claims",
            "Claims ledger (data/claims.csv) judged by utils.claims from the datasets in data/",
            xlabel="Number of claims",
        )
        labels = [v.capitalize() for v in claims.VERDICTS]
        self.bars = ax.barh(labels, [0] * len(labels), color=PALETTE["blue"])
        self.counts = [
            ax.text(0, bar.get_y() + bar.get_height() / 2, "", va="center", fontsize=11)
            for bar in self.bars
        ]
        ax.invert_yaxis()  # "supported" at the top
        ax.set_xlim(0, verdict_counts("all").max() * 1.15)  # fixed for every lesson, with room
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.grid(axis="y", visible=False)
        # The scope ("All lessons", "Lesson 05") at the right end of the title line.
        self.scope = ax.text(1.0, 1.02, "", transform=ax.transAxes, ha="right", va="bottom",
                             fontsize=12, color=PALETTE["blue"])  # fmt: skip
        self.animated = [*self.bars, *self.counts, self.scope]

    def update(self, lesson: str) -> tuple[str, str]:
        counts = verdict_counts(lesson).tolist()  # checks the lesson
        for bar, label, n in zip(self.bars, self.counts, counts, strict=True):
            bar.set_width(n)
            label.set_position((n + 0.15, bar.get_y() + bar.get_height() / 2))
            label.set_text(str(n))
        scope = "all lessons" if lesson == "all" else f"lesson {lesson}"
        self.scope.set_text(scope.capitalize())
        claim_list = "".join(
            f"<li><b>{cid}</b> ({row.verdict}): {row.claim}</li>"
            for cid, row in ledger_table(lesson).iterrows()
        )
        sentence = (
            f"For {scope}, {counts[0]} claims are supported, {counts[1]} partly supported, "
            f"{counts[2]} not supported and {counts[3]} not checkable with our data."
        )
        return sentence, f"<ul style='margin:0'>{claim_list}</ul>"


@register("claims_ledger")
def claims_ledger() -> LiveView:
    options = [("All lessons", "all")] + [(f"Lesson {x}", x) for x in lessons_with_claims()]
    return LiveView(
        {"lesson": dropdown("Lesson", options, "all")},
        LedgerChart(),
        title="The claims ledger at a glance",
        description="Choose a lesson to see its claims and how the data judges them.",
    )


# ----------------------------------------------------------------------------- tables
