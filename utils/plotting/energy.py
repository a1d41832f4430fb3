"""Charts for lesson 04 (pipelines and leverage).

Why a topic module: the lesson sets three kinds of evidence side by side -- where Russia's oil
and gas went in 2020 (BP), how much gas the Power of Siberia carried (three bases that must not
be mixed), and the dated events around the 2011 price dispute -- and then teaches the
"bound by pipelines" argument with the Nash bargaining model of :mod:`utils.bargaining`. Each
chart's one-sentence description is written from the numbers it draws.

The bargaining charts use *index prices* (reference = 100) and the illustrative inputs of
:data:`utils.bargaining.PRESETS`; they show a mechanism, not the price of any real contract.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd
from matplotlib.patches import Rectangle

from utils import bargaining, data
from utils.plotting import (
    ACTOR_COLORS,
    DARK_GREY,
    GREY,
    LIGHT_GREY,
    Chart,
    bar_chart,
    font_sizes,
    legend,
    line_chart,
    new_chart,
    timeline_chart,
)
from utils.plotting.blit import BlitLayout, LayoutCache

#: Columns of ``russia_energy_exports_2020`` and how the lesson names them.
COMMODITIES = {
    "crude_oil_mt": "Crude oil (Mt)",
    "pipeline_gas_bcm": "Pipeline gas (bcm)",
    "lng_bcm": "LNG (bcm)",
}
#: Baseline of the bargaining model: the illustrative "Europe open" case of utils.bargaining
#: (it fixes the seller's Europe netback and cost for every chart here).
BASELINE = bargaining.PRESETS["pipeline with Europe open"]
#: Starting point of the widget: the illustrative 2011 case (same market, debt leverage), so
#: students begin at the article's precedent and can remove the debt or close Europe.
WIDGET_START = bargaining.PRESETS["2011 CNPC discount"]
#: Range of the buyer's alternative price offered by the widget (index points).
ALTERNATIVE_RANGE = (40.0, 150.0)
ILLUSTRATIVE = (
    "Illustrative model (utils.bargaining, generalised Nash bargaining): index prices, "
    "reference = 100; not real contract prices"
)

_BASIS_LABELS = {
    "china_customs": "China customs",
    "bp_statistical_review": "BP Statistical Review",
    "press_reported": "Press-reported (officials)",
}


def _pct(value: float, digits: int = 1) -> str:
    return f"{100 * value:.{digits}f}%"


def _num(value: float) -> str:
    """An index price with at most one decimal and no trailing zero: 100, 122.5."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


# ----------------------------------------------------------------------------- flows, 2020
@lru_cache(maxsize=1)
def _destinations() -> pd.DataFrame:
    energy = data.load("russia_energy_exports_2020")
    by_name = energy.set_index("destination")
    rows = {}
    for column, label in COMMODITIES.items():
        world = float(by_name.loc["World", column])
        china = float(by_name.loc["China", column])
        europe = float(by_name.loc["Europe", column])
        rows[label] = {
            "China": china,
            "Europe (BP region)": europe,
            "Rest of world": world - china - europe,
            "World": world,
        }
    return pd.DataFrame(rows).T


def energy_destinations() -> pd.DataFrame:
    """Russia's 2020 exports of crude oil, pipeline gas and LNG to China, Europe and the rest.

    Rows are commodities (units in the label); columns ``China``, ``Europe (BP region)``,
    ``Rest of world`` and ``World``. BP's Europe region includes Turkey and the other European
    countries listed under it; "Rest of world" is World minus China minus Europe.
    """
    return _destinations().copy()


def energy_destinations_chart(scale: float = 1.0) -> Chart:
    """Shares of each commodity going to China, Europe and the rest (2020)."""
    table = energy_destinations()
    shares = table[["China", "Europe (BP region)", "Rest of world"]].div(table["World"], axis=0)
    crude, gas = shares.loc["Crude oil (Mt)"], shares.loc["Pipeline gas (bcm)"]
    europe = "Europe (BP region)"
    description = (
        f"In 2020 China took {_pct(crude['China'])} of Russia's crude oil exports and "
        f"{_pct(gas['China'])} of its pipeline gas exports, against {_pct(crude[europe])} "
        f"and {_pct(gas[europe])} for Europe."
    )
    chart = bar_chart(
        shares,
        "Where Russia's oil and gas exports went, 2020",
        "",
        "% of Russia's exports of each commodity",
        data.source_line("bp_statreview_2021"),
        description,
        colors={"China": "CHN", "Europe (BP region)": "EU", "Rest of world": "grey"},
        percent=True,
        value_labels=True,
        scale=scale,
    )
    legend(chart.figure.axes[0], scale, loc="upper right", bbox_to_anchor=None)
    return chart


# ----------------------------------------------------------------------------- Power of Siberia
def power_of_siberia_table() -> pd.DataFrame:
    """Power of Siberia volumes (bcm), one column per basis; the bases are not one series."""
    pos = data.load("power_of_siberia")
    wide = pos.pivot(index="year", columns="basis", values="volume_bcm")
    order = [b for b in _BASIS_LABELS if b in wide.columns]
    return wide[order].rename(columns=_BASIS_LABELS)


def power_of_siberia_chart(scale: float = 1.0) -> Chart:
    """Grouped bars of the Power of Siberia flow by year and basis."""
    table = power_of_siberia_table()
    first, last = int(table.index.min()), int(table.index.max())
    press = table["Press-reported (officials)"].dropna()
    customs = table["China customs"].dropna()
    description = (
        f"Gas through the Power of Siberia rose from a first month in {first} "
        f"({customs.iloc[0]:.3f} bcm, China customs) to {customs[2021]:.2f} bcm in 2021 "
        f"(China customs) and {press[last]:.1f} bcm in {last} (press-reported)."
    )
    chart = bar_chart(
        table,
        "Power of Siberia: gas delivered to China",
        "",
        "billion cubic metres (bcm)",
        data.source_line(*sorted(data.load("power_of_siberia")["source_id"].unique())),
        description,
        colors={
            "China customs": "CHN",
            "BP Statistical Review": "black",
            "Press-reported (officials)": "orange",
        },
        value_labels=True,
        scale=scale,
    )
    legend(chart.figure.axes[0], scale, loc="upper left", bbox_to_anchor=None)
    return chart


# ----------------------------------------------------------------------------- timeline
_ACRONYMS = {"espo": "ESPO", "cnpc": "CNPC", "thaad": "THAAD"}
_PROPER = {"gazprom": "Gazprom", "power": "Power", "siberia": "Siberia", "of": "of"}


def short_label(event_id: str) -> str:
    """Readable label from an event id: ``2012-03-02_espo_price_settlement`` -> ``ESPO price
    settlement`` (the id's words after the date; acronyms and names capitalised)."""
    words = event_id.split("_")[1:]
    shown = [_ACRONYMS.get(w, _PROPER.get(w, w)) for w in words]
    text = " ".join(shown)
    return text[0].upper() + text[1:] if text else event_id


def energy_events() -> pd.DataFrame:
    """Energy events of the timeline (``category == 'energy'``) with a short label and a row:
    ``oil (ESPO)`` or ``gas (Power of Siberia)``."""
    timeline = data.load("timeline")
    events = timeline[timeline["category"] == "energy"].copy()
    is_oil = events["event_id"].str.contains("espo", regex=False)
    events["row"] = np.where(is_oil, "oil (ESPO spur)", "gas (Power of Siberia)")
    events["label"] = [short_label(e) for e in events["event_id"]]
    return events.reset_index(drop=True)


def energy_timeline_chart(scale: float = 1.0) -> Chart:
    """The ESPO price dispute and the Power of Siberia milestones on one time axis."""
    events = energy_events()
    frame = pd.DataFrame(
        {"date": events["date"], "label": events["label"], "category": events["row"]}
    )
    oil = events[events["row"].str.startswith("oil")]
    description = (
        f"The timeline shows {len(oil)} dated oil events from {oil['date'].min()[:7]} to "
        f"{oil['date'].max()[:7]} (the ESPO-spur price dispute) and {len(events) - len(oil)} "
        "gas milestones of the Power of Siberia."
    )
    return timeline_chart(
        frame,
        "Russian oil and gas to China: the price dispute and the pipeline",
        data.source_line("lab_web_pages_2025"),
        description,
        colors={"oil (ESPO spur)": "black", "gas (Power of Siberia)": "CHN"},
        label_width=16,
        scale=scale,
    )


# ----------------------------------------------------------------------------- bargaining
def bargain_inputs(
    europe_open: bool,
    buyer_alternative_price: float,
    seller_power: float,
    debt_leverage: float,
) -> bargaining.BargainInputs:
    """The widget's four levers on top of :data:`BASELINE` (Europe netback and seller cost).

    Closing Europe removes the seller's outside option, so its threat point drops to its cost.
    """
    if not isinstance(europe_open, bool | np.bool_):
        raise TypeError(f"europe_open must be True or False, got {europe_open!r}")
    return bargaining.BargainInputs(
        buyer_alternative_price=buyer_alternative_price,
        seller_outside_option=BASELINE.seller_outside_option if europe_open else None,
        seller_cost=BASELINE.seller_cost,
        seller_power=seller_power,
        debt_leverage=debt_leverage,
        reference_price=BASELINE.reference_price,
    )


#: Layouts of the bargaining chart kept in memory: the widget needs four (Europe open or
#: closed, deal or not); two more spare a rebuild when a notebook also draws another case.
BARGAIN_LAYOUTS = 6
#: Height of the bars and vertical reach of the price mark (data units of the bar axis).
_BAR_HEIGHT = 0.5
#: Drawing order of the animated artists: the order in which matplotlib drew the same chart
#: built from scratch (bars, then the no-deal gap, lines, the axis line, labels, legend), so
#: that overlaps look as before: e.g. labels stay on top of the dashed lines crossing them.
_BARGAIN_ORDER = (
    "fallback_bar",
    "seller_bar",
    "buyer_bar",
    "gap_span",
    "price_line",
    "reference_line",
    "alternative_line",
    "bottom_spine",
    "price_label",
    "gap_label",
    "reference_label",
    "alternative_label",
    "legend",
)


def _bargain_title(europe_open: bool) -> str:
    market = "Europe open" if europe_open else "Europe closed"
    return f"Pipeline bargaining ({market}): who gets the surplus?"


def _bargain_x_end(seller_threat: float, buyer_threat: float) -> float:
    """Right end of the price axis: the widget's whole range, wider only if a value is beyond."""
    return max(ALTERNATIVE_RANGE[1], seller_threat, buyer_threat) + 5


def _build_bargain_layout(scale: float, europe_open: bool, deal: bool, x_end: float) -> BlitLayout:
    """The bargaining figure for one layout key: axes, grid, title and legend are static; bars,
    lines and labels are animated (created with placeholder data, set by :func:`bargain_chart`).

    Why ``deal`` is part of the key: the legend lists the two surplus bars only when there is
    a surplus to split, as the chart always did.
    """
    sizes = font_sizes(scale)
    fig, ax = new_chart(
        _bargain_title(europe_open),
        "price index (reference contract price = 100)",
        "",
        ILLUSTRATIVE + ".",
        (8, 3.6),
        scale=scale,
    )
    art: dict[str, object] = {}
    # Bars through ``barh`` (not bare rectangles): it snaps their edges to pixels and makes
    # the legend keys, exactly as the chart drawn from scratch did.
    bars = (
        ("fallback_bar", {"color": LIGHT_GREY, "edgecolor": GREY}, "seller's fall-back"),
        ("seller_bar", {"color": ACTOR_COLORS["RUS"]}, "seller's part of the surplus"),
        ("buyer_bar", {"color": ACTOR_COLORS["CHN"]}, "buyer's part of the surplus"),
    )
    for name, colors, label in bars:
        shown = deal or name == "fallback_bar"
        container = ax.barh(
            0, 0, height=_BAR_HEIGHT, label=label if shown else "_nolegend_", **colors
        )
        art[name] = container.patches[0]
    art["gap_span"] = ax.add_patch(
        Rectangle(
            (0, 0.2),
            0,
            0.35,
            transform=ax.get_xaxis_transform(),
            color=GREY,
            alpha=0.3,
            linewidth=0,
        )
    )
    reference = float(BASELINE.reference_price)  # the same for every input of the widget
    (art["price_line"],) = ax.plot([], [], color=DARK_GREY, linewidth=2.5 * scale)
    art["reference_line"] = ax.axvline(
        reference, color=DARK_GREY, linestyle=":", linewidth=1.5 * scale
    )
    art["alternative_line"] = ax.axvline(
        0, color=ACTOR_COLORS["CHN"], linestyle="--", linewidth=1.2 * scale
    )
    art["bottom_spine"] = ax.spines["bottom"]
    label_style = {"fontsize": sizes["tick"], "color": DARK_GREY}
    small = {"fontsize": sizes["tick"] * 0.9, "va": "top", "textcoords": "offset points"}
    art["price_label"] = ax.annotate(
        "",
        xy=(0, 0.4),
        xytext=(0, 4 * scale),
        textcoords="offset points",
        ha="center",
        va="bottom",
        **label_style,
    )
    art["gap_label"] = ax.text(0, 0.45, "", ha="center", va="bottom", **label_style)
    art["reference_label"] = ax.annotate(
        "reference 100" if reference == 100 else f"reference {reference:g}",
        xy=(reference, -0.4),
        xytext=(3 * scale, 0),
        ha="left",
        color=DARK_GREY,
        **small,
    )
    art["alternative_label"] = ax.annotate(
        "",
        xy=(0, -0.4),
        xytext=(-3 * scale, 0),
        ha="right",
        color=ACTOR_COLORS["CHN"],
        **small,
    )
    ax.set_xlim(0, x_end)
    ax.set_ylim(-0.9, 1.5)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.grid(False, axis="y")
    ax.grid(True, axis="x", color=LIGHT_GREY, linewidth=0.8 * scale)
    legend(ax, scale, loc="upper center", bbox_to_anchor=None, ncol=3, fontsize=sizes["tick"] * 0.9)
    art["legend"] = ax.get_legend()
    return BlitLayout(fig, art, _BARGAIN_ORDER)


_BARGAIN_LAYOUTS = LayoutCache(_build_bargain_layout, size=BARGAIN_LAYOUTS)


def _span(bar, start: float, end: float) -> None:
    """Stretch a rectangle from ``start`` to ``end`` on the price axis."""
    bar.set_x(start)
    bar.set_width(end - start)


def bargain_chart(
    europe_open: bool = True,
    buyer_alternative_price: float = BASELINE.buyer_alternative_price,
    seller_power: float = BASELINE.seller_power,
    debt_leverage: float = BASELINE.debt_leverage,
    scale: float = 1.0,
) -> tuple[Chart, str]:
    """The bargaining range on a price axis: threat points, agreed price and surplus split.

    Returns the chart and a note in words (the discount against the reference price, or why
    no deal is possible). The chart is a :class:`~utils.plotting.blit.RenderedChart`: the
    axes are drawn once per layout (market, deal or not, axis end, scale) and only the bars,
    lines and labels are redrawn, so the widget answers quickly.
    """
    inputs = bargain_inputs(europe_open, buyer_alternative_price, seller_power, debt_leverage)
    outcome = bargaining.negotiate(inputs)
    font_sizes(scale)  # raises the house ValueError for a bad scale, before any cache look-up
    scale = float(scale)
    d_s, a = outcome.seller_threat_point, outcome.buyer_threat_point
    market = "Europe open" if europe_open else "Europe closed"
    deal = bool(outcome.deal_possible)
    layout = _BARGAIN_LAYOUTS.get(scale, bool(europe_open), deal, _bargain_x_end(d_s, a))
    art = layout.artists
    _span(art["fallback_bar"], 0, d_s)
    art["alternative_line"].set_xdata([a, a])
    art["alternative_label"].xy = (a, -0.4)
    art["alternative_label"].set_text(f"buyer's alternative {a:.0f}")
    for name in ("seller_bar", "buyer_bar", "price_line", "price_label"):
        art[name].set_visible(deal)
    for name in ("gap_span", "gap_label"):
        art[name].set_visible(not deal)
    if deal:
        price = float(outcome.price)
        _span(art["seller_bar"], d_s, price)
        _span(art["buyer_bar"], price, a)
        art["price_line"].set_data([price, price], [-0.4, 0.4])
        art["price_label"].xy = (price, 0.4)
        art["price_label"].set_text(f"price {_num(price)}")
        discount = float(outcome.discount_fraction)
        description = (
            f"With {market}, the seller's fall-back is {d_s:.0f} and the buyer's "
            f"alternative {a:.0f}; the agreed price is {_num(price)} (index), "
            + (
                f"a discount of {_pct(discount)} on the reference, "
                if discount > 0
                else f"a premium of {_pct(-discount)} over the reference, "
                if discount < 0
                else "equal to the reference, "
            )
            + f"and the seller keeps {_pct(outcome.seller_share, 0)} of the surplus."
        )
        note = (
            f"{outcome.reason[0].upper()}{outcome.reason[1:]}. Effective seller power = "
            f"{seller_power:.2f} x (1 - {debt_leverage:.2f} debt leverage) = "
            f"{outcome.effective_power:.2f}."
        )
    else:
        _span(art["gap_span"], a, d_s)
        art["gap_label"].set_position(((a + d_s) / 2, 0.45))
        art["gap_label"].set_text(f"no deal: gap of {d_s - a:.0f}")
        description = (
            f"With {market}, the seller will not accept less than {d_s:.0f} but the "
            f"buyer can get supply elsewhere for {a:.0f}, so no deal is possible."
        )
        note = (
            f"{outcome.reason[0].upper()}{outcome.reason[1:]}. The effective seller power "
            f"({seller_power:.2f} x (1 - {debt_leverage:.2f}) = {outcome.effective_power:.2f}) "
            "only matters once there is a surplus to share."
        )
    return layout.chart(description, _bargain_title(europe_open)), note


def price_curve(
    seller_power: float = BASELINE.seller_power,
    debt_leverage: float = BASELINE.debt_leverage,
    step: float = 5.0,
) -> pd.DataFrame:
    """Agreed price (index) for each buyer's alternative price, with Europe open and closed.

    NaN where no deal is possible (the buyer's alternative does not exceed the seller's
    fall-back).
    """
    if isinstance(step, bool) or not isinstance(step, int | float) or not 0 < step <= 50:
        raise ValueError(f"step must be a number in (0, 50], got {step!r}")
    grid = np.arange(ALTERNATIVE_RANGE[0], ALTERNATIVE_RANGE[1] + step / 2, step)
    rows = {}
    for label, is_open in (("Europe open", True), ("Europe closed", False)):
        prices = []
        for a in grid:
            outcome = bargaining.negotiate(
                bargain_inputs(is_open, float(a), seller_power, debt_leverage)
            )
            prices.append(outcome.price if outcome.deal_possible else np.nan)
        rows[label] = prices
    frame = pd.DataFrame(rows, index=pd.Index(grid, name="buyer_alternative_price"))
    return frame


def price_curve_chart(
    seller_power: float = BASELINE.seller_power,
    debt_leverage: float = BASELINE.debt_leverage,
    scale: float = 1.0,
) -> Chart:
    """How the agreed price follows the buyer's alternative, with and without Europe."""
    frame = price_curve(seller_power, debt_leverage)
    a = BASELINE.buyer_alternative_price
    open_price, closed_price = frame.loc[a, "Europe open"], frame.loc[a, "Europe closed"]
    description = (
        f"At a buyer's alternative of {a:.0f} and seller power {seller_power:.2f}, the agreed "
        f"price is {_num(open_price)} with Europe open and {_num(closed_price)} with Europe "
        "closed (index, illustrative)."
    )
    chart = line_chart(
        frame,
        "Agreed price as the buyer's alternative changes (illustrative)",
        "buyer's alternative supply price (index)",
        "agreed price (index, reference = 100)",
        ILLUSTRATIVE + ".",
        description,
        colors={"Europe open": "EU", "Europe closed": "CHN"},
        styles={"Europe closed": "--"},
        markers=False,
        hlines=[(100.0, "reference 100")],
        scale=scale,
    )
    legend(chart.figure.axes[0], scale, loc="upper left", bbox_to_anchor=None)
    return chart


def presets_table() -> pd.DataFrame:
    """Outcome of each illustrative preset of :mod:`utils.bargaining` (index prices).

    Columns: the seller's ``fall-back``, the buyer's ``alternative``, the effective seller
    ``power`` (after debt leverage), the agreed ``price`` and the ``discount %`` on the
    reference price (None where no deal is possible).
    """
    rows = []
    for name, inputs in bargaining.PRESETS.items():
        outcome = bargaining.negotiate(inputs)
        rows.append(
            {
                "case": name,
                "fall-back": outcome.seller_threat_point,
                "alternative": outcome.buyer_threat_point,
                "power": round(outcome.effective_power, 2),
                "price": None if outcome.price is None else round(outcome.price, 1),
                "discount %": None
                if outcome.discount_fraction is None
                else round(100 * outcome.discount_fraction, 1),
            }
        )
    return pd.DataFrame(rows).set_index("case")
