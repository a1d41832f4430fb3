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
from utils.style import GREY, PALETTE, Chart, actor_color, figure

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
def mirror_shares() -> pd.DataFrame:
    """Each country's weight in the other's goods trade (% of turnover) and their ``ratio``;
    ``china_total`` names the source of China's total, as COW's appears to include Hong Kong."""
    russia = data.load("russia_trade_by_partner")
    china = data.load("china_trade_with_russia")
    frame = pd.DataFrame(
        {
            "china_in_russia": 100 * _turnover(russia, "CHN") / _turnover(russia, "WLD"),
            "russia_in_china": 100 * _turnover(china, "RUS") / _turnover(china, "WLD"),
        }
    )
    frame["ratio"] = frame["china_in_russia"] / frame["russia_in_china"]
    caveat = china[china["partner"] == "WLD"].set_index("year")["caveat"].fillna("")
    frame["china_total"] = caveat.str.contains("Hong Kong").map(
        {True: "COW, appears to include Hong Kong", False: "China's customs (UN Comtrade)"}
    )
    return frame.rename_axis("year")


def _cow_apart(frame: pd.DataFrame, column: str, own: str, cow: str) -> pd.DataFrame:
    """``column`` as two lines, so the years with COW's (too large) China total stand apart."""
    is_cow = frame["china_total"].str.startswith("COW")
    return pd.DataFrame({own: frame[column].where(~is_cow), cow: frame[column].where(is_cow)})


def mirror_shares_chart() -> Chart:
    frame, cow = mirror_shares(), "same, China's total from COW (too low)"
    lines = _cow_apart(frame, "russia_in_china", "Russia's share of China's trade", cow)
    lines.insert(0, "China's share of Russia's trade", frame["china_in_russia"])
    colors = dict(zip(lines, [actor_color("CHN"), actor_color("RUS"), GREY], strict=True))
    c, r = frame["china_in_russia"].round(1), frame["russia_in_china"].round(1)
    description = (
        f"China's share of Russia's goods trade was {c[2013]}% in 2013, {c[2019]}% in 2019 and "
        f"{c[2024]}% in 2024; Russia's share of China's trade was {r[2013]}% in 2013 (a COW "
        f"total that appears to include Hong Kong, so too low), {r[2019]}% in 2019 and "
        f"{r[2024]}% in 2024."
    )
    return line_chart(
        lines,
        "Who weighs what for whom: shares of each other's goods trade",
        TRADE_SOURCE,
        description,
        ylabel="% of the reporter's total trade",
        markers=False,
        colors=colors,
        styles={cow: "--"},
    )


def asymmetry_chart() -> Chart:
    frame, cow = mirror_shares(), "COW totals (ratio too high)"
    lines = _cow_apart(frame, "ratio", "China's own totals", cow)
    r = frame["ratio"]
    description = (
        f"China weighed {r[2013]:.1f} times more in Russia's trade than Russia in China's in 2013 "
        f"(COW totals, overstated), {r[2014]:.1f} times in 2014 (the first year with China's own "
        f"totals), {r[2019]:.1f} in 2019, {r[2020]:.1f} in 2020 and {r[2024]:.1f} in 2024."
    )
    chart = line_chart(
        lines,
        "Asymmetry ratio: China's weight for Russia over Russia's weight for China",
        TRADE_SOURCE,
        description,
        ylabel="ratio (1 = equal weight)",
        markers=False,
        colors={"China's own totals": PALETTE["black"], cow: GREY},
        styles={cow: "--"},
    )
    chart.figure.axes[0].set_ylim(bottom=0)
    return chart


# ----------------------------------------------------------------------------- section 2
def _hhi_bounds(shares: pd.DataFrame) -> pd.DataFrame:
    """HHI points of each row of shares (%): the part not listed counts as one partner (upper
    bound) or as many tiny ones (lower bound). Listed shares above 100% leave no rest."""
    lower, rest = (shares**2).sum(axis=1), (100 - shares.sum(axis=1)).clip(lower=0)
    return pd.DataFrame({"hhi_lower": lower, "hhi_upper": lower + rest**2, "rest_share": rest})


def partner_concentration() -> pd.DataFrame:
    """HHI of Russia's trade partners (the non-overlapping ``BLOCKS``), by year."""
    trade = data.load("russia_trade_by_partner")
    world = _turnover(trade, "WLD")
    blocks = pd.DataFrame({p: _turnover(trade, p) for p in BLOCKS}).reindex(world.index)
    # COW years value exports at the partner's record: if the blocks exceed Russia's own
    # world total, the blocks themselves are the whole and the rest is zero.
    shares = 100 * blocks.div(blocks.sum(axis=1).clip(lower=world), axis=0)
    return _hhi_bounds(shares).assign(blocks_listed=blocks.notna().sum(axis=1))


def partner_concentration_chart() -> Chart:
    frame = partner_concentration()
    upper, lower = "upper bound (rest of world as one partner)", "lower bound (rest fully split)"
    lines = pd.DataFrame({upper: frame["hhi_upper"], lower: frame["hhi_lower"]})
    lo, hi = frame["hhi_lower"].round(-1).astype(int), frame["hhi_upper"].round(-1).astype(int)
    years = ", ".join(f"{lo[y]:,}-{hi[y]:,} points in {y}" for y in (2013, 2019, 2024))
    description = (
        f"Concentration of Russia's trade partners (HHI, EU27 as one bloc): {years}; "
        f"below {UNCONCENTRATED:,} counts as unconcentrated."
    )
    chart = line_chart(
        lines,
        "How concentrated are Russia's trade partners? (HHI)",
        data.source_line("cow_trade_v4", "imf_imts_2025"),
        description,
        ylabel="HHI points (10,000 = one partner)",
        markers=False,
        colors=dict.fromkeys(lines.columns, actor_color("RUS")),  # both bounds: Russia's index
        styles={lower: "--"},
    )
    chart.figure.axes[0].axhline(UNCONCENTRATED, color=GREY, linestyle=":", linewidth=1)
    return chart


# ----------------------------------------------------------------------------- section 3
def crude_concentration() -> pd.DataFrame:
    """China's crude suppliers in the years that itemise Russia: HHI bounds, the part not
    itemised, Russia's and Saudi Arabia's shares (%) and Russia's rank."""
    crude = data.load("china_crude_imports_by_origin")
    volumes = crude.pivot(index="year", columns="origin", values="crude_kt")
    shares = 100 * volumes.drop(columns="WLD").div(volumes["WLD"], axis=0)
    shares = shares[shares["RUS"].notna()]
    return _hhi_bounds(shares).assign(
        origins_itemised=shares.notna().sum(axis=1),
        russia_share=shares["RUS"],
        saudi_share=shares["SAU"],
        russia_rank=shares.gt(shares["RUS"], axis=0).sum(axis=1) + 1,
    )


def crude_suppliers_chart(year: int = SELLER_YEAR) -> Chart:
    supply = substitution.crude_supply(year)
    names = {**supply.names, **DISPLAY_NAMES}
    shares = (100 * supply.by_origin.iloc[:10] / supply.total_kt).rename(names)
    russia = f", Russia {shares['Russia']:.1f}%." if "Russia" in shares.index else "."
    description = (
        f"In {year} China's top {len(shares)} crude suppliers provided {shares.sum():.1f}% of its "
        f"imports; the largest, {shares.index[0]}, provided {shares.iloc[0]:.1f}%{russia}"
    )
    return bar_chart(
        shares,
        f"China's largest crude oil suppliers, {year}",
        CRUDE_SOURCE,
        description,
        xlabel="% of China's crude imports (by weight)",
        highlight={"Russia": actor_color("RUS")},
    )


def crude_share_chart() -> Chart:
    frame = crude_concentration()
    lines = frame[["russia_share", "saudi_share"]].set_axis(["Russia", "Saudi Arabia"], axis=1)
    first, last = int(frame.index.min()), int(frame.index.max())
    share, rank = frame["russia_share"].round(1), frame["russia_rank"]
    description = (
        f"Russia supplied {share[first]}% of China's crude imports in {first}, {share[2019]}% in "
        f"2019 (rank {rank[2019]:.0f}), {share[2020]}% in 2020 (rank {rank[2020]:.0f}) and "
        f"{share[last]}% in {last}."
    )
    return line_chart(
        lines,
        "Russia's share of China's crude oil imports",
        CRUDE_SOURCE,
        description,
        ylabel="% of China's crude imports (by weight)",
        colors={"Russia": actor_color("RUS"), "Saudi Arabia": PALETTE["orange"]},
    )


# ----------------------------------------------------------------------------- section 4
@lru_cache(maxsize=1)
def supplier_options() -> tuple[tuple[str, str], ...]:
    """Dropdown ``(name, code)`` pairs: the top 6 suppliers of every offered year, largest in
    2020 first. One list for all years, so some have no deliveries in some years."""
    codes, names = set(), {}
    for year in range(CUTOFF_YEARS[0], CUTOFF_YEARS[1] + 1):
        supply = substitution.crude_supply(year)
        codes.update(supply.by_origin.index[:6])
        names.update(supply.names)
    names.update(DISPLAY_NAMES)
    ref = substitution.crude_supply(SELLER_YEAR).by_origin
    order = sorted(codes, key=lambda k: (-float(ref.get(k, 0.0)), names[k]))
    return tuple((names[k], k) for k in order)


def cutoff(supplier: str, replaceable_share: float, year: int):
    """``(name, result)`` of :func:`utils.substitution.supplier_cutoff` for China's crude in
    ``year``; the seller's side is known only for Russia in 2020."""
    if not CUTOFF_YEARS[0] <= year <= CUTOFF_YEARS[1]:
        raise ValueError(f"Choose a year from {CUTOFF_YEARS[0]} to {CUTOFF_YEARS[1]}.")
    supply = substitution.crude_supply(year)
    name = {code: label for label, code in supplier_options()}.get(supplier, supplier)
    if supplier not in supply.by_origin.index:
        raise ValueError(
            f"China's customs extract itemises no crude from {name} in {year}; "
            "choose another year or supplier."
        )
    # The seller's side needs its total crude exports: known only for Russia in 2020 (BP).
    seller = substitution.russia_crude_exports() if (supplier, year) == ("RUS", SELLER_YEAR) else ()
    volumes = supply.volumes_with_rest()
    return name, substitution.supplier_cutoff(volumes, supplier, replaceable_share, *seller)


class CutoffChart(LiveChart):
    """Four bars: China's supply lost, replaced, still missing; the seller's export loss."""

    LABELS = (
        "China: supply lost\n(sensitivity)",
        "China: replaced\nby others",
        "China: still missing\n(vulnerability)",
        "Seller: its crude\nexports lost",
    )

    def __init__(self):
        title = "What if one supplier stopped selling crude to China?"
        source = data.source_line("gacc_wind_2022", "bp_statreview_2021")
        xlabel = "% of China's crude imports (last bar: % of the seller's crude exports)"
        self.fig, ax = figure(title, source, xlabel=xlabel)
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
        )
        note = (
            f"The other suppliers would have to ship {100 * r.extra_from_others:.1f}% more than "
            f"they did. HHI of China's suppliers (upper bound): {10_000 * r.hhi_before:,.0f} "
            f"points before, {10_000 * r.hhi_after:,.0f} without {name}."
        )
        if lost is None:
            note += " The seller's side needs its total crude exports: our data hold them only"
            note += f" for Russia in {SELLER_YEAR} (BP)."
        else:
            description += f", while {name} would lose {100 * lost:.1f}% of its crude exports"
        return description + ".", note


@register("substitution_what_if")
def substitution_what_if() -> LiveView:
    share = DEFAULTS["replaceable_share"]
    controls = {
        "supplier": dropdown("Supplier cut off", supplier_options(), DEFAULTS["supplier"]),
        "replaceable_share": slider("Share of its volume others replace", 0, 1, 0.05, share, ".0%"),
        "year": int_slider("Year", *CUTOFF_YEARS, 1, DEFAULTS["year"]),
    }
    return LiveView(
        controls,
        CutoffChart(),
        title="Substitution what-if: China's crude imports",
        description="Pick a supplier that stops selling crude to China and how much of its "
        "volume the others make up.",
    )


# ----------------------------------------------------------------------------- section 5
def arms_series() -> pd.DataFrame:
    """Russia -> China major arms (SIPRI TIV millions, a volume index, not dollars), China's
    arms imports, Russia's arms exports, and the two shares in %, by year."""
    arms = data.load("arms_transfers_by_year")
    from_russia, to_china = arms["supplier_iso3"] == "RUS", arms["recipient_iso3"] == "CHN"
    frame = pd.DataFrame(
        {
            "russia_to_china": arms[from_russia & to_china].groupby("year")["tiv_m"].sum(),
            "china_imports": arms[to_china].groupby("year")["tiv_m"].sum(),
            "russia_exports": arms[from_russia].groupby("year")["tiv_m"].sum(),
        }
    ).reindex(range(arms["year"].min(), arms["year"].max() + 1))
    frame["russia_in_china_imports"] = 100 * frame["russia_to_china"] / frame["china_imports"]
    frame["china_in_russia_exports"] = 100 * frame["russia_to_china"] / frame["russia_exports"]
    return frame.rename_axis("year")


def arms_chart() -> Chart:
    frame = arms_series()
    lines = frame[["russia_in_china_imports", "china_in_russia_exports"]].set_axis(
        ["Russia's share of China's arms imports", "China's share of Russia's arms exports"], axis=1
    )
    first, last = int(frame.index.min()), int(frame.index.max())
    tiv, peak = frame["russia_to_china"], int(frame["russia_to_china"].idxmax())
    imports, exports = frame["russia_in_china_imports"], frame["china_in_russia_exports"]
    description = (
        f"Russian deliveries to China peaked at {tiv[peak]:,.0f} million TIV in {peak} and were "
        f"{tiv[last]:,.0f} million in {last}; Russia provided {imports[first]:.0f}% of China's "
        f"arms imports in {first} and {imports[last]:.0f}% in {last}, while China took "
        f"{exports[first]:.0f}% and {exports[last]:.0f}% of Russia's arms exports."
    )
    chart = line_chart(
        lines,
        "Arms: how much each side weighs for the other",
        data.source_line("sipri_at_deliveries_2025"),
        description,
        ylabel="% of the yearly volume (SIPRI TIV)",
        colors=dict(zip(lines, [actor_color("RUS"), actor_color("CHN")], strict=True)),
    )
    ax = chart.figure.axes[0]
    ax.set_ylim(0, 115)  # room above the lines for the legend
    ax.legend(loc="upper right", ncols=2, fontsize=10)
    return chart
