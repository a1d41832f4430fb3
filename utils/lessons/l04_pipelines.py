"""Lesson 04: pipelines and leverage (tables, charts and the bargaining widget).

The lesson sets three kinds of evidence side by side -- where Russia's oil and gas went in 2020
(BP), how much gas the Power of Siberia carried (three bases that are never mixed), and the
dated 2011-2012 dispute over the price of ESPO-spur crude -- and then teaches the "bound by
pipelines" argument with the Nash bargaining model of :mod:`utils.bargaining`.

Bargaining prices are an *index* (reference contract price = 100). The teaching cases are round
illustrative numbers; the one calibrated case (:data:`ESPO_2011`) is fitted to the documented
2011 discount, and :func:`calibrate` shows that other levers fit it just as well.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
from matplotlib.dates import DateFormatter, MonthLocator

from utils import bargaining, data
from utils.charts import line_chart, timeline_chart
from utils.live import LiveChart, LiveView, register, slider, toggle, toggle_buttons
from utils.style import (
    DARK_GREY,
    GREY,
    LIGHT_GREY,
    PALETTE,
    WHITE,
    Chart,
    actor_color,
    figure,
)

BP = "bp_statreview_2021"
#: Columns of ``russia_energy_exports_2020`` and how the lesson names them.
COMMODITIES = {
    "crude_oil_mt": "Crude oil (Mt)",
    "pipeline_gas_bcm": "Pipeline gas (bcm)",
    "lng_bcm": "LNG (bcm)",
}
DESTINATIONS = {"China": "CHN", "Europe (BP region)": "EU", "Rest of world": "OTHER"}
#: The bases of ``power_of_siberia`` (never joined into one series), in the order shown.
BASES = {
    "china_customs": "China customs",
    "bp_statistical_review": "BP Statistical Review (2021)",
    "ei_statistical_review": "EI Statistical Review (2024)",
    "press_reported": "Officials quoted in the press",
    "gazprom_reported": "Gazprom (reported by TASS)",
}
BASIS_IN_WORDS = {
    "china_customs": "China's customs",
    "bp_statistical_review": "BP's 2021 trade matrix",
    "ei_statistical_review": "the Energy Institute's 2024 review",
    "press_reported": "a figure quoted by Russian officials",
    "gazprom_reported": "Gazprom's series as reported by TASS",
}
BASIS_COLORS = {
    "china_customs": actor_color("CHN"),
    "bp_statistical_review": PALETTE["black"],
    "ei_statistical_review": PALETTE["bluish_green"],
    "press_reported": PALETTE["orange"],
    "gazprom_reported": actor_color("RUS"),
}
ILLUSTRATIVE = (
    "Illustrative model (utils.bargaining, Nash bargaining): index prices, reference = 100; "
    "not real contract prices"
)


# ----------------------------------------------------------------------------- flows, 2020
def energy_destinations() -> pd.DataFrame:
    """Russia's 2020 exports of crude oil (Mt), pipeline gas and LNG (bcm) by destination.

    Rows are commodities; columns ``China``, ``Europe (BP region)``, ``Rest of world`` (World
    minus the two) and ``World``. BP's Europe region includes Turkey.
    """
    exports = data.load("russia_energy_exports_2020").set_index("destination")
    table = exports.loc[["China", "Europe", "World"], list(COMMODITIES)].T
    table.columns = ["China", "Europe (BP region)", "World"]
    table["Rest of world"] = table["World"] - table["China"] - table["Europe (BP region)"]
    table.index = [COMMODITIES[c] for c in table.index]
    return table[[*DESTINATIONS, "World"]].astype(float)


def destination_shares() -> pd.DataFrame:
    """Percent of each commodity that went to China, Europe and the rest of the world."""
    table = energy_destinations()
    return 100 * table[list(DESTINATIONS)].div(table["World"], axis=0)


def destinations_chart() -> Chart:
    """Grouped bars: the share of each commodity going to China, Europe and the rest (2020)."""
    shares = destination_shares()
    fig, ax = figure(
        "Where Russia's oil and gas exports went, 2020",
        data.source_line(BP),
        xlabel="% of Russia's exports of each commodity",
        size=(8.5, 4.2),
    )
    rows, height = np.arange(len(shares)), 0.26
    for i, (name, code) in enumerate(DESTINATIONS.items()):
        bars = ax.barh(rows + (i - 1) * height, shares[name], height, color=actor_color(code),
                       label=name)  # fmt: skip
        ax.bar_label(bars, fmt="%.1f", padding=3, fontsize=9, color=DARK_GREY)
    ax.set_yticks(rows, shares.index)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower right")
    crude, gas = shares.loc["Crude oil (Mt)"], shares.loc["Pipeline gas (bcm)"]
    text = (
        f"In 2020 China took {crude['China']:.1f}% of Russia's crude oil exports and "
        f"{gas['China']:.1f}% of its pipeline gas exports, against "
        f"{crude['Europe (BP region)']:.1f}% and {gas['Europe (BP region)']:.1f}% for Europe."
    )
    return Chart(fig, text)


# ----------------------------------------------------------------------------- Power of Siberia
def power_of_siberia_table() -> pd.DataFrame:
    """Power of Siberia volumes (bcm) by year, one column per basis (never one series).

    Columns keep the basis codes of the table (``china_customs``, ...); :data:`BASES` names them.
    """
    pos = data.load("power_of_siberia")
    wide = pos.pivot(index="year", columns="basis", values="volume_bcm")
    order = [b for b in BASES if b in wide.columns] + sorted(set(wide.columns) - set(BASES))
    return wide[order]


def power_of_siberia_chart() -> Chart:
    """Grouped bars of the Power of Siberia flow by year, one colour per basis."""
    table = power_of_siberia_table()
    pos = data.load("power_of_siberia")
    fig, ax = figure(
        "Power of Siberia: gas delivered to China, by basis",
        data.source_line(*sorted(pos["source_id"].unique())),
        xlabel="Year",
        ylabel="billion cubic metres (bcm)",
    )
    width = 0.84 / len(table.columns)
    spare = iter(c for c in PALETTE.values() if c not in BASIS_COLORS.values())
    for i, basis in enumerate(table.columns):
        values = table[basis].dropna()
        offset = (i - (len(table.columns) - 1) / 2) * width
        ax.bar(values.index + offset, values, width, label=BASES.get(basis, basis),
               color=BASIS_COLORS.get(basis) or next(spare))  # fmt: skip
    ax.set_xticks(table.index, [str(y) for y in table.index])
    ax.grid(axis="x", visible=False)
    ax.legend(loc="upper left")
    customs = table["china_customs"].dropna()
    latest_year = int(table.dropna(how="all").index.max())
    latest = table.loc[latest_year].dropna()
    basis = latest.index[0]
    text = (
        f"China's customs recorded {customs.iloc[0]:g} bcm in {int(customs.index[0])} (one "
        f"month) and {customs.iloc[-1]:g} bcm in {int(customs.index[-1])}; the latest figure, "
        f"for {latest_year}, is {latest.iloc[0]:g} bcm "
        f"({BASIS_IN_WORDS.get(basis, basis.replace('_', ' '))})."
    )
    return Chart(fig, text)


# ----------------------------------------------------------------------------- timeline
_WORDS = {"espo": "ESPO", "cnpc": "CNPC", "gazprom": "Gazprom", "power": "Power",
          "siberia": "Siberia"}  # fmt: skip


def short_label(event_id: str) -> str:
    """``2012-03-02_espo_price_settlement`` -> ``ESPO price settlement`` (words after the date).

    >>> short_label("2014-05-21_gazprom_cnpc_contract")
    'Gazprom CNPC contract'
    """
    words = [_WORDS.get(w, w) for w in event_id.split("_")[1:]]
    text = " ".join(words)
    return text[:1].upper() + text[1:] if text else event_id


def energy_events() -> pd.DataFrame:
    """The timeline's energy events with a short ``label`` and a ``row`` (oil or gas)."""
    timeline = data.load("timeline")
    events = timeline[timeline["category"] == "energy"].copy()
    is_oil = events["event_id"].str.contains("espo", regex=False)
    events["row"] = np.where(is_oil, "oil (ESPO spur)", "gas (Power of Siberia)")
    events["label"] = [short_label(e) for e in events["event_id"]]
    return events.sort_values("date", kind="stable").reset_index(drop=True)


def energy_timeline_chart() -> Chart:
    """The dated events of the ESPO-spur oil deal on a month axis (the 2011 price dispute)."""
    events = energy_events()
    oil = events[events["row"].str.startswith("oil")].copy()
    oil["date"] = pd.to_datetime(oil["date"], format="ISO8601")  # "2011-06" or "2012-03-02"
    steps = "; ".join(f"{label} ({when:%b %Y})" for label, when in zip(oil["label"], oil["date"],
                                                                       strict=True))  # fmt: skip
    text = f"The ESPO-spur oil deal in {len(oil)} dated events: {steps}."
    chart = timeline_chart(
        oil[["date", "label", "row"]].rename(columns={"row": "category"}),
        "Crude for China through the ESPO spur: the 2011 price dispute",
        data.source_line(*sorted(oil["source_id"].unique())),
        text,
        label_width=22,
    )
    ax = chart.figure.axes[0]
    ax.margins(x=0.15)  # room for the labels of the first and last events
    ax.set_yticks([])
    ax.xaxis.set_major_locator(MonthLocator(bymonth=(1, 4, 7, 10)))
    ax.xaxis.set_major_formatter(DateFormatter("%b %Y"))
    chart.figure.set_size_inches(8.5, 2.6)
    return chart


# ----------------------------------------------------------------------------- the 2011 discount
#: The documented concession, USD per barrel off the ESPO-spur price: agreed in October 2011
#: and applied from 1 November 2011 (Interfax, 28 February 2012,
#: https://interfax.com/newsroom/top-stories/57324/; Platts, 29 February 2012, as reprinted at
#: http://cphibiz.com/news/show.php?itemid=2175).
ESPO_DISCOUNT_USD = 1.5
#: 2011 average crude prices, USD per barrel (World Bank, Commodity Price Data "Pink Sheet",
#: annual nominal prices, as tabulated at https://ka-energy.in/kaw_Oil_Prices_Annual_World_Bank.php).
#: ESPO Blend is quoted against Dubai in Asia, so Dubai comes first.
CRUDE_PRICE_2011 = {"Dubai": 106.0, "Brent": 110.9}


def documented_discount_pct(benchmark: str = "Dubai") -> float:
    """The documented USD 1.5 a barrel as a percentage of the 2011 average ``benchmark`` price."""
    if benchmark not in CRUDE_PRICE_2011:
        raise ValueError(f"benchmark must be one of {list(CRUDE_PRICE_2011)}, got {benchmark!r}")
    return 100 * ESPO_DISCOUNT_USD / CRUDE_PRICE_2011[benchmark]


#: The levers :func:`calibrate` can solve for.
LEVERS = ("seller_power", "debt_leverage", "buyer_alternative_price")


def calibrate(inputs: bargaining.BargainInputs, target_price: float, lever: str) -> float:
    """The value of one ``lever`` that makes the model give ``target_price`` (threat-point rule).

    Solves ``target = d + beta * (1 - leverage) * (a - d)`` for the lever, keeping the other
    inputs of ``inputs``. One observed price fits several levers: that is the point.

    >>> round(calibrate(bargaining.CASES["Europe open"], 98.6, "debt_leverage"), 2)
    0.28
    """
    if lever not in LEVERS:
        raise ValueError(f"lever must be one of {list(LEVERS)}, got {lever!r}")
    if inputs.rule != "threat point":
        raise ValueError("calibrate solves the threat-point rule only")
    outcome = bargaining.negotiate(inputs)
    d, a = outcome.seller_threat_point, inputs.buyer_alternative_price
    beta, leverage = inputs.seller_power, inputs.debt_leverage
    if target_price <= d:
        raise ValueError(f"target_price must be above the seller's fall-back ({d:g})")
    if lever == "buyer_alternative_price":
        if beta * (1 - leverage) == 0:
            raise ValueError("with zero effective power no alternative price moves the price")
        value = d + (target_price - d) / (beta * (1 - leverage))
    elif lever == "seller_power":
        value = (target_price - d) / ((a - d) * (1 - leverage)) if leverage < 1 else np.inf
    else:
        value = 1 - (target_price - d) / ((a - d) * beta) if beta > 0 else -np.inf
    low, high = bargaining.LEVER_BOUNDS[lever]
    if not low <= value <= high:
        raise ValueError(f"no {lever} in [{low:g}, {high:g}] gives a price of {target_price:g}")
    return float(value)


def espo_2011_price() -> float:
    """The documented 2011 price in the model's index: 100 minus the discount in percent."""
    return 100 - documented_discount_pct("Dubai")


#: The 2011 case calibrated to the documented discount through the debt lever alone (Europe
#: open, equal power), rounded to the widget's 0.01 step: 0.28 gives a price of 98.6 (1.4%).
ESPO_2011 = dataclasses.replace(
    bargaining.CASES["Europe open"],
    debt_leverage=round(calibrate(bargaining.CASES["Europe open"], espo_2011_price(),
                                  "debt_leverage"), 2),
)  # fmt: skip


def cases_table() -> pd.DataFrame:
    """Each teaching case and the calibrated 2011 case: threat points, power, price, discount."""
    cases = {**bargaining.CASES, "2011 ESPO discount (calibrated, debt lever)": ESPO_2011}
    rows = []
    for name, inputs in cases.items():
        outcome = bargaining.negotiate(inputs)
        rows.append({
            "case": name,
            "fall-back": outcome.seller_threat_point,
            "alternative": outcome.buyer_threat_point,
            "power": inputs.seller_power,
            "debt leverage": inputs.debt_leverage,
            "price": round(outcome.price, 1),
            "discount %": round(100 * outcome.discount_fraction, 1),
        })  # fmt: skip
    return pd.DataFrame(rows).set_index("case")


def rules_table() -> pd.DataFrame:
    """The price of each teaching case under both rules for the seller's outside option."""
    cases = {**bargaining.CASES, "2011 ESPO discount (calibrated, debt lever)": ESPO_2011}
    table = {
        rule: {
            name: bargaining.negotiate(dataclasses.replace(inputs, rule=rule)).price
            for name, inputs in cases.items()
        }
        for rule in bargaining.RULES
    }
    return pd.DataFrame(table).rename_axis("case")


# ----------------------------------------------------------------------------- price curve
#: Range of the buyer's alternative price offered by the widget and the curve (index points).
ALTERNATIVE_RANGE = (40.0, 150.0)


def bargain_inputs(
    europe_open: bool,
    buyer_alternative_price: float,
    seller_power: float,
    debt_leverage: float,
    rule: str = "threat point",
) -> bargaining.BargainInputs:
    """The widget's levers on top of the "Europe open" case (its Europe netback and cost).

    Closing Europe removes the seller's outside option, so its fall-back drops to its cost.
    """  # fmt: skip
    if not isinstance(europe_open, bool | np.bool_):
        raise TypeError(f"europe_open must be True or False, got {europe_open!r}")
    base = bargaining.CASES["Europe open"]
    return dataclasses.replace(
        base,
        buyer_alternative_price=buyer_alternative_price,
        seller_outside_option=base.seller_outside_option if europe_open else None,
        seller_power=seller_power,
        debt_leverage=debt_leverage,
        rule=rule,
    )


CURVES = {
    "Europe open, split above the netback": (True, "threat point"),
    "Europe open, outside-option principle": (True, "outside-option principle"),
    "Europe closed (both rules)": (False, "threat point"),
}


def price_curve(seller_power: float = 0.5, step: float = 1.0) -> pd.DataFrame:
    """Agreed price (index) for each buyer's alternative price, one column per case of CURVES.

    NaN where no deal is possible (the alternative does not exceed the seller's floor).
    """
    if isinstance(step, bool) or not isinstance(step, int | float) or not 0 < step <= 50:
        raise ValueError(f"step must be a number in (0, 50], got {step!r}")
    grid = np.arange(ALTERNATIVE_RANGE[0], ALTERNATIVE_RANGE[1] + step / 2, step)
    columns = {}
    for name, (is_open, rule) in CURVES.items():
        prices = [
            bargaining.negotiate(bargain_inputs(is_open, float(a), seller_power, 0.0, rule)).price
            for a in grid
        ]
        columns[name] = [np.nan if p is None else p for p in prices]
    return pd.DataFrame(columns, index=pd.Index(grid, name="buyer's alternative price"))


def price_curve_chart(seller_power: float = 0.5) -> Chart:
    """How the agreed price follows the buyer's alternative, under both rules and without Europe."""
    frame = price_curve(seller_power)
    at = frame.loc[105.0]
    names = list(CURVES)
    text = (
        f"At a buyer's alternative of 105 and seller power {seller_power:.2f} the price is "
        f"{at[names[0]]:g} if the Europe netback is the fall-back, {at[names[1]]:g} under the "
        f"outside-option principle and {at[names[2]]:g} with Europe closed (index, illustrative)."
    )
    chart = line_chart(
        frame, "Agreed price as the buyer's alternative changes (illustrative)", ILLUSTRATIVE,
        text, xlabel="buyer's alternative supply price (index)",
        ylabel="agreed price (index, reference = 100)", markers=False,
        colors={names[0]: actor_color("EU"), names[1]: PALETTE["orange"],
                names[2]: actor_color("CHN")},
        styles={names[1]: "--", names[2]: "-."},
    )  # fmt: skip
    ax = chart.figure.axes[0]
    ax.axhline(100, color=GREY, linestyle=":", linewidth=1)
    ax.annotate("reference 100", (ALTERNATIVE_RANGE[1], 100), xytext=(0, 4),
                textcoords="offset points", ha="right", fontsize=9, color=DARK_GREY)  # fmt: skip
    ax.legend(loc="upper left")
    return chart


# ----------------------------------------------------------------------------- the widget
DEFAULTS = {
    "europe_open": True,
    "buyer_alternative_price": ESPO_2011.buyer_alternative_price,
    "seller_power": ESPO_2011.seller_power,
    "debt_leverage": ESPO_2011.debt_leverage,
    "rule": "threat point",
}


def _fmt(value: float) -> str:
    """An index price with at most one decimal: 100, 98.6."""
    return f"{value:.1f}".removesuffix(".0")


class NashChart(LiveChart):
    """The bargaining range on a price axis: fall-back, the two parts of the surplus, the price."""

    def __init__(self) -> None:
        self.fig, ax = figure(
            "Pipeline bargaining: where does the price land?", ILLUSTRATIVE,
            xlabel="price index (reference contract price = 100)", size=(8.5, 3.9),
        )  # fmt: skip
        bar = {"height": 0.5}
        self.fallback = ax.barh(0, 0, color=LIGHT_GREY, edgecolor=GREY, label="seller's fall-back",
                                **bar)[0]  # fmt: skip
        self.seller = ax.barh(0, 0, color=actor_color("RUS"), label="seller's part", **bar)[0]
        self.buyer = ax.barh(0, 0, color=actor_color("CHN"), label="buyer's part", **bar)[0]
        self.gap = ax.barh(0, 0, color=WHITE, edgecolor=GREY, hatch="//",
                           label="no deal: no surplus", **bar)[0]  # fmt: skip
        (self.price,) = ax.plot([], [], color=DARK_GREY, linewidth=3, label="agreed price")
        (self.alternative,) = ax.plot([], [], color=actor_color("CHN"), linestyle="--",
                                      linewidth=2, label="buyer's alternative")  # fmt: skip
        (self.outside,) = ax.plot([], [], "v", color=PALETTE["black"], markersize=10,
                                  label="Europe netback (outside option)")  # fmt: skip
        ax.axvline(100, color=DARK_GREY, linestyle=":", label="reference price 100")
        ax.set_xlim(0, ALTERNATIVE_RANGE[1] + 5)
        ax.set_ylim(-0.45, 1.2)
        ax.set_yticks([])
        ax.spines["left"].set_visible(False)
        ax.grid(axis="y", visible=False)
        # the moving artists stay below y = 0.45, so they never cross the legend
        ax.legend(loc="upper center", ncols=4, fontsize=9, frameon=True, framealpha=1,
                  edgecolor=WHITE)  # fmt: skip
        self.animated = [self.fallback, self.seller, self.buyer, self.gap, self.price,
                         self.alternative, self.outside]  # fmt: skip

    def update(self, europe_open, buyer_alternative_price, seller_power, debt_leverage, rule):
        inputs = bargain_inputs(europe_open, buyer_alternative_price, seller_power,
                                debt_leverage, rule)  # fmt: skip
        out = bargaining.negotiate(inputs)
        d, a = out.seller_threat_point, out.buyer_threat_point
        market = "Europe open" if europe_open else "Europe closed"
        self.fallback.set_width(d)
        self.alternative.set_data([a, a], [-0.4, 0.4])
        netback = inputs.seller_outside_option
        if netback:
            self.outside.set_data([netback], [0.32])
        else:
            self.outside.set_data([], [])
        deal = out.deal_possible
        for artist in (self.seller, self.buyer, self.price):
            artist.set_visible(deal)
        self.gap.set_visible(not deal)
        if not deal:
            floor = max(netback or 0.0, inputs.seller_cost)
            self.gap.set_x(a)
            self.gap.set_width(floor - a)
            text = (
                f"With {market}, the seller will not accept less than {_fmt(floor)} but the "
                f"buyer can get supply elsewhere for {_fmt(a)}, so no deal is possible."
            )
            return text, f"{out.reason[0].upper()}{out.reason[1:]}."
        p = out.price
        self.seller.set_x(d)
        self.seller.set_width(p - d)
        self.buyer.set_x(p)
        self.buyer.set_width(a - p)
        self.price.set_data([p, p], [-0.35, 0.35])
        discount = 100 * out.discount_fraction
        change = (
            f"a discount of {discount:.1f}%" if discount > 0.05
            else f"a premium of {-discount:.1f}%" if discount < -0.05
            else "no change"
        )  # fmt: skip
        if europe_open:
            market += (
                ", netback as an outside option" if rule != "threat point"
                else ", netback as the fall-back"
            )  # fmt: skip
        text = (
            f"{market}: the agreed price is {_fmt(p)} (index), {change} on the reference; the "
            f"seller keeps {100 * out.seller_share:.0f}% of the surplus between {_fmt(d)} and "
            f"{_fmt(a)}."
        )
        note = (
            f"{out.reason[0].upper()}{out.reason[1:]}. Effective seller power = "
            f"{seller_power:.2f} x (1 - {debt_leverage:.2f} debt leverage) = "
            f"{out.effective_power:.2f}."
        )
        return text, note


@register("nash_bargaining")
def nash_bargaining() -> LiveView:
    """Europe open or closed, the buyer's alternative, power, debt leverage and the rule."""
    low, high = ALTERNATIVE_RANGE
    return LiveView(
        {
            "europe_open": toggle("Europe open as a second market for the seller",
                                  DEFAULTS["europe_open"]),
            "buyer_alternative_price": slider("Buyer's alternative supply price (index)", low,
                                              high, 1.0, DEFAULTS["buyer_alternative_price"],
                                              ".0f"),
            "seller_power": slider("Seller's bargaining power (0-1)", 0.0, 1.0, 0.01,
                                   DEFAULTS["seller_power"], ".2f"),
            "debt_leverage": slider("Debt owed to the buyer's banks: leverage (0-1)", 0.0, 1.0,
                                    0.01, DEFAULTS["debt_leverage"], ".2f"),
            "rule": toggle_buttons("Europe netback is", [
                ("the fall-back (split above it)", "threat point"),
                ("an outside option (principle)", "outside-option principle")],
                DEFAULTS["rule"]),
        },
        NashChart(),
        title="Nash bargaining over a pipeline (illustrative index prices)",
        description=(
            "It starts at the 2011 case calibrated to the documented discount: Europe open, the "
            "seller in debt to the buyer's banks. Index prices (reference = 100), not real prices."
        ),
    )  # fmt: skip
