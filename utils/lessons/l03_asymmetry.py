"""Lesson 03: who needs whom (tables, charts and the substitution what-if).

Every share here is in percent and every HHI in points (shares in percent, squared and
summed: 10,000 = one partner takes everything). ``utils.indicators.hhi`` gives the same index
on a 0-1 scale; the lesson shows both.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from utils import data, substitution
from utils.charts import bar_chart, line_chart
from utils.live import LiveChart, LiveView, dropdown, int_slider, register, slider
from utils.style import GREY, Chart, actor_color, figure

TRADE_SOURCE = data.source_line("cow_trade_v4", "imf_imts_2025", "un_comtrade_cipf_2026")
CRUDE_SOURCE = data.source_line("gacc_wind_2022")
#: Russia's partners that do not overlap: the EU27 as one bloc plus countries outside it.
BLOCKS = ("CHN", "EU", "BLR", "GBR", "IND", "JPN", "KAZ", "KOR", "TUR", "UKR", "USA")
#: Years the crude what-if offers (China's customs extract itemises Russia in each).
CUTOFF_YEARS = (2013, 2021)
#: The one year with Russia's total crude exports (BP 2020 trade matrix): the seller side.
SELLER_YEAR = 2020
#: US merger guidelines (2010): below 1,500 points a market counts as unconcentrated.
UNCONCENTRATED = 1500
DEFAULTS = {"supplier": "RUS", "replaceable_share": 0.5, "year": SELLER_YEAR}
#: Names for charts where the customs extract keeps an old or misspelt name of the source.
DISPLAY_NAMES = {"RUS": "Russia", "COL": "Colombia", "COD": "DR Congo", "USA": "United States"}


def _turnover(table: pd.DataFrame, partner: str) -> pd.Series:
    rows = table[table["partner"] == partner].set_index("year")
    return rows["exports_usd_m"] + rows["imports_usd_m"]


# ----------------------------------------------------------------------------- section 1
@lru_cache(maxsize=1)
def _mirror() -> pd.DataFrame:
    russia = data.load("russia_trade_by_partner")
    china = data.load("china_trade_with_russia")
    frame = pd.DataFrame(
        {
            "china_in_russia": 100 * _turnover(russia, "CHN") / _turnover(russia, "WLD"),
            "russia_in_china": 100 * _turnover(china, "RUS") / _turnover(china, "WLD"),
        }
    )
    frame["ratio"] = frame["china_in_russia"] / frame["russia_in_china"]
    world = china[china["partner"] == "WLD"].set_index("year")
    cow = world["caveat"].fillna("").str.contains("Hong Kong")
    frame["china_total"] = cow.map({True: "COW, appears to include Hong Kong",
                                    False: "China's customs (UN Comtrade)"})  # fmt: skip
    frame.index.name = "year"
    return frame


def mirror_shares() -> pd.DataFrame:
    """Each country's weight in the other's goods trade by year, in % of turnover.

    ``china_in_russia``: Russia-China turnover over Russia's total; ``russia_in_china``: the
    bilateral turnover over China's total; ``ratio``: the first over the second (the asymmetry
    ratio); ``china_total``: where China's total comes from. 2015 has no Russian total.
    """
    return _mirror().copy()


def mirror_shares_chart() -> Chart:
    frame = mirror_shares()
    cow = frame["china_total"].str.startswith("COW")
    lines = pd.DataFrame(
        {
            "China's share of Russia's trade": frame["china_in_russia"],
            "Russia's share of China's trade": frame["russia_in_china"].where(~cow),
            "same, China's total from COW (too low)": frame["russia_in_china"].where(cow),
        }
    )
    f = frame.round(1)
    description = (
        f"China's share of Russia's goods trade was {f.loc[2013, 'china_in_russia']}% in 2013, "
        f"{f.loc[2019, 'china_in_russia']}% in 2019 and {f.loc[2024, 'china_in_russia']}% in "
        f"2024; Russia's share of China's trade was {f.loc[2013, 'russia_in_china']}% in 2013 "
        f"(a COW total that appears to include Hong Kong, so too low), "
        f"{f.loc[2019, 'russia_in_china']}% in 2019 and {f.loc[2024, 'russia_in_china']}% in 2024."
    )
    return line_chart(
        lines, "Who weighs what for whom: shares of each other's goods trade", TRADE_SOURCE,
        description, ylabel="% of the reporter's total trade", markers=False,
        colors={"China's share of Russia's trade": actor_color("CHN"),
                "Russia's share of China's trade": actor_color("RUS"),
                "same, China's total from COW (too low)": GREY},
        styles={"same, China's total from COW (too low)": "--"},
    )  # fmt: skip


def asymmetry_chart() -> Chart:
    frame = mirror_shares()
    cow = frame["china_total"].str.startswith("COW")
    lines = pd.DataFrame(
        {
            "China's own totals": frame["ratio"].where(~cow),
            "COW totals (ratio too high)": frame["ratio"].where(cow),
        }
    )
    r = frame["ratio"]
    description = (
        f"China weighed {r[2013]:.1f} times more in Russia's trade than Russia in China's in 2013 "
        f"(COW totals, overstated), {r[2014]:.1f} times in 2014 (the first year with China's own "
        f"totals), {r[2019]:.1f} in 2019, {r[2020]:.1f} in 2020 and {r[2024]:.1f} in 2024."
    )
    chart = line_chart(
        lines, "Asymmetry ratio: China's weight for Russia over Russia's weight for China",
        TRADE_SOURCE, description, ylabel="ratio (1 = equal weight)", markers=False,
        colors={"China's own totals": "#000000", "COW totals (ratio too high)": GREY},
        styles={"COW totals (ratio too high)": "--"},
    )  # fmt: skip
    chart.figure.axes[0].set_ylim(bottom=0)
    return chart


# ----------------------------------------------------------------------------- section 2
@lru_cache(maxsize=1)
def _partner_hhi() -> pd.DataFrame:
    trade = data.load("russia_trade_by_partner")
    world = _turnover(trade, "WLD")
    rows = {}
    for year in world.index:
        blocks = pd.Series({p: _turnover(trade, p).get(year) for p in BLOCKS}).dropna()
        # COW years value exports at the partner's record: if the blocks exceed Russia's own
        # world total, the blocks themselves are the whole and the rest is zero.
        shares = 100 * blocks / max(world[year], blocks.sum())
        rest = 100 - shares.sum()
        lower = (shares**2).sum()
        rows[year] = {"hhi_lower": lower, "hhi_upper": lower + rest**2, "rest_share": rest,
                      "blocks_listed": len(blocks)}  # fmt: skip
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("year")


def partner_concentration() -> pd.DataFrame:
    """HHI of Russia's trade partners (points), with the unlisted rest of the world as one
    partner (``hhi_upper``) or as many tiny ones (``hhi_lower``); ``rest_share`` in %."""
    return _partner_hhi().copy()


def partner_concentration_chart() -> Chart:
    frame = partner_concentration()
    lines = frame[["hhi_upper", "hhi_lower"]].set_axis(
        ["upper bound (rest of world as one partner)", "lower bound (rest fully split)"], axis=1
    )
    f = frame.round(-1).astype(int)
    description = "Concentration of Russia's trade partners (HHI, EU27 as one bloc): " + ", ".join(
        f"{f.loc[y, 'hhi_lower']:,}-{f.loc[y, 'hhi_upper']:,} points in {y}"
        for y in (2013, 2019, 2024)
    ) + f"; below {UNCONCENTRATED:,} counts as unconcentrated."  # fmt: skip
    chart = line_chart(
        lines, "How concentrated are Russia's trade partners? (HHI)",
        data.source_line("cow_trade_v4", "imf_imts_2025"), description,
        ylabel="HHI points (10,000 = one partner)", markers=False,
        colors=dict.fromkeys(lines.columns, actor_color("RUS")),  # both bounds: Russia's index
        styles={"lower bound (rest fully split)": "--"},
    )  # fmt: skip
    chart.figure.axes[0].axhline(UNCONCENTRATED, color=GREY, linestyle=":", linewidth=1)
    return chart


# ----------------------------------------------------------------------------- section 3
def crude_shares(year: int) -> pd.Series:
    """Each itemised origin's share of China's crude imports in ``year`` (% of the total,
    by weight), largest first, indexed by name."""
    supply = substitution.crude_supply(year)
    names = {**supply.names, **DISPLAY_NAMES}
    shares = 100 * supply.by_origin / supply.total_kt
    return shares.set_axis([names[k] for k in shares.index]).rename(f"{year}")


@lru_cache(maxsize=1)
def _crude_hhi() -> pd.DataFrame:
    crude = data.load("china_crude_imports_by_origin")
    rows = {}
    for year, group in crude.groupby("year"):
        world = group.loc[group["origin"] == "WLD", "crude_kt"].iloc[0]
        origins = group[group["origin"] != "WLD"].set_index("origin")["crude_kt"]
        if "RUS" not in origins.index:
            continue
        shares = 100 * origins / world
        # In 1998 the itemised origins add up to slightly more than the total: no rest then.
        lower, rest = (shares**2).sum(), max(0.0, 100 - shares.sum())
        rows[int(year)] = {
            "hhi_lower": lower, "hhi_upper": lower + rest**2, "rest_share": rest,
            "origins_itemised": len(shares), "russia_share": shares["RUS"],
            "saudi_share": shares.get("SAU"),
            "russia_rank": int((shares > shares["RUS"]).sum() + 1),
        }  # fmt: skip
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("year")


def crude_concentration() -> pd.DataFrame:
    """China's crude suppliers by year (years that itemise Russia): HHI bounds in points,
    the non-itemised rest, Russia's and Saudi Arabia's shares (%) and Russia's rank."""
    return _crude_hhi().copy()


def crude_suppliers_chart(year: int = SELLER_YEAR, top: int = 10) -> Chart:
    shares = crude_shares(year).iloc[:top]
    description = (
        f"In {year} China's top {len(shares)} crude suppliers provided {shares.sum():.1f}% of its "
        f"imports; the largest, {shares.index[0]}, provided {shares.iloc[0]:.1f}%"
        + (f", Russia {shares['Russia']:.1f}%." if "Russia" in shares.index else ".")
    )
    return bar_chart(shares, f"China's largest crude oil suppliers, {year}", CRUDE_SOURCE,
                     description, xlabel="% of China's crude imports (by weight)",
                     highlight={"Russia": actor_color("RUS")})  # fmt: skip


def crude_share_chart() -> Chart:
    frame = crude_concentration()
    lines = frame[["russia_share", "saudi_share"]].set_axis(["Russia", "Saudi Arabia"], axis=1)
    first, last = int(frame.index.min()), int(frame.index.max())
    f = frame.round(1)
    description = (
        f"Russia supplied {f.loc[first, 'russia_share']}% of China's crude imports in {first}, "
        f"{f.loc[2019, 'russia_share']}% in 2019 (rank {f.loc[2019, 'russia_rank']:.0f}), "
        f"{f.loc[2020, 'russia_share']}% in 2020 (rank {f.loc[2020, 'russia_rank']:.0f}) and "
        f"{f.loc[last, 'russia_share']}% in {last}."
    )
    return line_chart(lines, "Russia's share of China's crude oil imports", CRUDE_SOURCE,
                      description, ylabel="% of China's crude imports (by weight)",
                      colors={"Russia": actor_color("RUS"), "Saudi Arabia": "#E69F00"})  # fmt: skip


# ----------------------------------------------------------------------------- section 4
@lru_cache(maxsize=1)
def supplier_options(top: int = 6) -> tuple[tuple[str, str], ...]:
    """Dropdown ``(name, code)`` pairs: every origin among the ``top`` suppliers of any offered
    year, largest in 2020 first; fixed across years, so some have no deliveries in some."""
    codes, names = set(), {}
    for year in range(CUTOFF_YEARS[0], CUTOFF_YEARS[1] + 1):
        supply = substitution.crude_supply(year)
        codes.update(supply.by_origin.index[:top])
        names.update(supply.names)
    names.update(DISPLAY_NAMES)
    ref = substitution.crude_supply(SELLER_YEAR).by_origin
    order = sorted(codes, key=lambda k: (-float(ref.get(k, 0.0)), names[k]))
    return tuple((names[k], k) for k in order)


def cutoff(supplier: str, replaceable_share: float, year: int):
    """:func:`utils.substitution.supplier_cutoff` for China's crude in ``year`` (the seller
    side only for Russia in 2020); raises ``ValueError`` with a sentence for bad choices."""
    if (
        isinstance(year, bool)
        or not isinstance(year, int)
        or not (CUTOFF_YEARS[0] <= year <= CUTOFF_YEARS[1])
    ):
        raise ValueError(f"Choose a year from {CUTOFF_YEARS[0]} to {CUTOFF_YEARS[1]}.")
    supply = substitution.crude_supply(year)
    name = {code: label for label, code in supplier_options()}.get(supplier, supplier)
    if supplier not in supply.by_origin.index:
        raise ValueError(f"China's customs extract itemises no crude from {name} in {year}; "
                         "choose another year or supplier.")  # fmt: skip
    seller = {}
    if supplier == "RUS" and year == SELLER_YEAR:
        to_china, total = substitution.russia_crude_exports()
        seller = {"seller_exports_to_buyer": to_china, "seller_total_exports": total}
    result = substitution.supplier_cutoff(
        supply.volumes_with_rest(), supplier, replaceable_share, **seller
    )
    return name, result


class CutoffChart(LiveChart):
    """Four bars: China's supply lost, replaced, still missing; the seller's export loss."""

    LABELS = (
        "China: supply lost\n(sensitivity)",
        "China: replaced\nby others",
        "China: still missing\n(vulnerability)",
        "Seller: its crude\nexports lost",
    )

    def __init__(self):
        self.fig, ax = figure(
            "What if one supplier stopped selling crude to China?",
            data.source_line("gacc_wind_2022", "bp_statreview_2021"),
            xlabel="% of China's crude imports (last bar: % of the seller's crude exports)",
        )
        colors = [actor_color("CHN"), GREY, actor_color("CHN"), actor_color("RUS")]
        self.bars = ax.barh(self.LABELS, [0] * 4, color=colors)
        self.values = [ax.text(0, i, "", va="center", fontsize=11) for i in range(4)]
        ax.invert_yaxis()
        ax.set_xlim(0, 40)
        ax.grid(axis="y", visible=False)
        ax.grid(axis="x", visible=True)
        self.animated = [*self.bars, *self.values]

    def update(self, supplier, replaceable_share, year):
        name, r = cutoff(supplier, replaceable_share, year)
        lost = r.seller_lost_share
        shares = [r.removed_share, r.replaced_share, r.shortfall_share, lost or 0.0]
        for i, (bar, text, share) in enumerate(zip(self.bars, self.values, shares, strict=True)):
            bar.set_width(100 * share)
            text.set_position((100 * share + 0.5, i))
            text.set_text(f"{100 * share:.1f}%" if i < 3 or lost is not None else "no data")
        description = (
            f"If {name} stopped selling crude to China in {year} and others replaced "
            f"{replaceable_share:.0%} of it, China would lack {100 * r.shortfall_share:.1f}% of "
            "its crude imports"
            + (f", while {name} would lose {100 * lost:.1f}% of its crude exports."
               if lost is not None else ".")
        )  # fmt: skip
        note = (
            f"The other suppliers would have to ship {100 * r.extra_from_others:.1f}% more than "
            f"they did. HHI of China's suppliers (upper bound): {10_000 * r.hhi_before:,.0f} "
            f"points before, {10_000 * r.hhi_after:,.0f} without {name}."
        )
        if lost is None:
            note += f" The seller's side needs its total crude exports: our data hold them only for Russia in {SELLER_YEAR} (BP)."  # noqa: E501
        return description, note


@register("substitution_what_if")
def substitution_what_if() -> LiveView:
    return LiveView(
        {
            "supplier": dropdown("Supplier cut off", supplier_options(), DEFAULTS["supplier"]),
            "replaceable_share": slider("Share of its volume others replace", 0, 1, 0.05,
                                        DEFAULTS["replaceable_share"], ".0%"),
            "year": int_slider("Year", *CUTOFF_YEARS, 1, DEFAULTS["year"]),
        },
        CutoffChart(),
        title="Substitution what-if: China's crude imports",
        description="Pick a supplier that stops selling crude to China and how much of its "
        "volume the others make up.",
    )  # fmt: skip


# ----------------------------------------------------------------------------- section 5
@lru_cache(maxsize=1)
def _arms() -> pd.DataFrame:
    arms = data.load("arms_transfers_by_year")
    years = range(int(arms["year"].min()), int(arms["year"].max()) + 1)
    pair = (arms["supplier_iso3"] == "RUS") & (arms["recipient_iso3"] == "CHN")
    frame = pd.DataFrame(
        {
            "russia_to_china": arms[pair].groupby("year")["tiv_m"].sum(),
            "china_imports": arms[arms["recipient_iso3"] == "CHN"].groupby("year")["tiv_m"].sum(),
            "russia_exports": arms[arms["supplier_iso3"] == "RUS"].groupby("year")["tiv_m"].sum(),
        }
    ).reindex(years)
    frame["russia_in_china_imports"] = 100 * frame["russia_to_china"] / frame["china_imports"]
    frame["china_in_russia_exports"] = 100 * frame["russia_to_china"] / frame["russia_exports"]
    return frame.rename_axis("year")


def arms_series() -> pd.DataFrame:
    """Russia -> China major arms (SIPRI TIV millions, a volume index, not dollars), China's
    arms imports, Russia's arms exports, and the two shares in %, by year."""
    return _arms().copy()


def arms_chart() -> Chart:
    frame = arms_series()
    lines = frame[["russia_in_china_imports", "china_in_russia_exports"]].set_axis(
        ["Russia's share of China's arms imports", "China's share of Russia's arms exports"],
        axis=1,
    )
    first, last = int(frame.index.min()), int(frame.index.max())
    f, peak = frame.round(0), int(frame["russia_to_china"].idxmax())
    description = (
        f"Russian deliveries to China peaked at {frame.loc[peak, 'russia_to_china']:,.0f} million "
        f"TIV in {peak} and were {frame.loc[last, 'russia_to_china']:,.0f} million in {last}; "
        f"Russia provided {f.loc[first, 'russia_in_china_imports']:.0f}% of China's arms imports "
        f"in {first} and {f.loc[last, 'russia_in_china_imports']:.0f}% in {last}, while China took "
        f"{f.loc[first, 'china_in_russia_exports']:.0f}% and "
        f"{f.loc[last, 'china_in_russia_exports']:.0f}% of Russia's arms exports."
    )
    chart = line_chart(
        lines,
        "Arms: how much each side weighs for the other",
        data.source_line("sipri_at_deliveries_2025"),
        description,
        ylabel="% of the yearly volume (SIPRI TIV)",
        colors=dict(zip(lines.columns, [actor_color("RUS"), actor_color("CHN")], strict=True)),
    )
    ax = chart.figure.axes[0]
    ax.set_ylim(0, 115)  # room above the lines for the legend
    ax.legend(loc="upper right", ncols=2, fontsize=10)
    return chart
