"""Lesson 04: pipelines and leverage (tables, charts and the bargaining widget).

Evidence first (2020 flows, the Power of Siberia, the 2011 ESPO price dispute), then the "bound
by pipelines" argument as Nash bargaining (:mod:`utils.bargaining`) on index prices (reference
= 100). Only :data:`ESPO_2011` is fitted to a documented figure; other levers fit it as well.
"""

from __future__ import annotations

import dataclasses
from functools import partial

import numpy as np
import pandas as pd
from matplotlib.dates import DateFormatter, MonthLocator

from utils import bargaining, data
from utils.charts import line_chart, timeline_chart
from utils.live import LiveChart, LiveView, register, slider, toggle, toggle_buttons
from utils.style import DARK_GREY, GREY, LIGHT_GREY, PALETTE, WHITE, Chart, actor_color, figure

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
#: Each basis's colour, and how a sentence names its source.
BASIS_STYLE = {
    "china_customs": (actor_color("CHN"), "China's customs"),
    "bp_statistical_review": (PALETTE["black"], "BP's 2021 trade matrix"),
    "ei_statistical_review": (PALETTE["bluish_green"], "the Energy Institute's 2024 review"),
    "press_reported": (PALETTE["orange"], "a figure quoted by Russian officials"),
    "gazprom_reported": (actor_color("RUS"), "Gazprom's series as reported by TASS"),
}
ILLUSTRATIVE = (
    "Illustrative model (utils.bargaining, Nash bargaining): index prices, reference = 100; "
    "not real contract prices"
)


# ----------------------------------------------------------------------------- flows, 2020
def energy_destinations() -> pd.DataFrame:
    """Russia's 2020 exports by commodity (rows) and destination; BP's Europe includes Turkey."""
    exports = data.load("russia_energy_exports_2020").set_index("destination")
    table = exports.loc[["China", "Europe", "World"], list(COMMODITIES)].T
    table.columns = ["China", "Europe (BP region)", "World"]
    table["Rest of world"] = table["World"] - table["China"] - table["Europe (BP region)"]
    table.index = [COMMODITIES[c] for c in table.index]
    return table[[*DESTINATIONS, "World"]].astype(float)


def destinations_chart() -> Chart:
    table = energy_destinations()
    shares = 100 * table[list(DESTINATIONS)].div(table["World"], axis=0)  # % of each commodity
    fig, ax = figure(
        "Where Russia's oil and gas exports went, 2020",
        data.source_line("bp_statreview_2021"),
        xlabel="% of Russia's exports of each commodity",
        size=(8.5, 4.2),
    )
    rows, height = np.arange(len(shares)), 0.26
    for i, (name, code) in enumerate(DESTINATIONS.items()):
        y = rows + (i - 1) * height  # three bars side by side around each commodity's row
        bars = ax.barh(y, shares[name], height, color=actor_color(code), label=name)
        ax.bar_label(bars, fmt="%.1f", padding=3, fontsize=9)
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
    """Power of Siberia volumes (bcm) by year, one column per basis code of :data:`BASES`."""
    pos = data.load("power_of_siberia")
    return pos.pivot(index="year", columns="basis", values="volume_bcm")[list(BASES)]


def power_of_siberia_chart() -> Chart:
    table = power_of_siberia_table()
    fig, ax = figure(
        "Power of Siberia: gas delivered to China, by basis",
        data.source_line(*sorted(data.load("power_of_siberia")["source_id"].unique())),
        xlabel="Year",
        ylabel="billion cubic metres (bcm)",
    )
    width = 0.84 / len(BASES)
    for i, (basis, (color, _words)) in enumerate(BASIS_STYLE.items()):
        values = table[basis].dropna()
        offset = (i - (len(BASES) - 1) / 2) * width
        ax.bar(values.index + offset, values, width, label=BASES[basis], color=color)
    ax.set_xticks(table.index, [str(y) for y in table.index])
    ax.grid(axis="x", visible=False)
    ax.legend(loc="upper left")
    customs = table["china_customs"].dropna()
    latest_year = int(table.dropna(how="all").index.max())
    latest = table.loc[latest_year].dropna()
    text = (
        f"China's customs recorded {customs.iloc[0]:g} bcm in {int(customs.index[0])} (one "
        f"month) and {customs.iloc[-1]:g} bcm in {int(customs.index[-1])}; the latest figure, "
        f"for {latest_year}, is {latest.iloc[0]:g} bcm ({BASIS_STYLE[latest.index[0]][1]})."
    )
    return Chart(fig, text)


# ----------------------------------------------------------------------------- timeline
_CAPITALS = {word.lower(): word for word in ("ESPO", "CNPC", "Gazprom", "Power", "Siberia")}


def short_label(event_id: str) -> str:
    """``2014-05-21_gazprom_cnpc_contract`` -> ``Gazprom CNPC contract`` (words after the date)."""
    text = " ".join(_CAPITALS.get(word, word) for word in event_id.split("_")[1:])
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
    steps = "; ".join(f"{event.label} ({event.date:%b %Y})" for event in oil.itertuples())
    chart = timeline_chart(
        oil[["date", "label", "row"]].rename(columns={"row": "category"}),
        "Crude for China through the ESPO spur: the 2011 price dispute",
        data.source_line(*sorted(oil["source_id"].unique())),
        f"The ESPO-spur oil deal in {len(oil)} dated events: {steps}.",
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
#: The levers :func:`calibrate` can solve for (and the widget's sliders).
LEVERS = ("seller_power", "debt_leverage", "buyer_alternative_price")
EUROPE_OPEN = bargaining.CASES["Europe open"]


def espo_2011_price() -> float:
    """The documented 2011 price in the model's index: 100 minus the discount in % of Dubai."""
    return 100 - 100 * ESPO_DISCOUNT_USD / CRUDE_PRICE_2011["Dubai"]


def calibrate(inputs: bargaining.BargainInputs, target_price: float, lever: str) -> float:
    """The value of one ``lever`` that makes the threat-point rule give ``target_price``.

    Solves ``target = d + beta * (1 - leverage) * (a - d)`` for the lever, keeping the other
    inputs. One observed price fits several levers: that is the point.
    """
    if lever not in LEVERS:
        raise ValueError(f"lever must be one of {list(LEVERS)}, got {lever!r}")
    if inputs.rule != "threat point":
        raise ValueError("calibrate solves the threat-point rule only")
    d = bargaining.negotiate(inputs).seller_threat_point
    a, beta, leverage = inputs.buyer_alternative_price, inputs.seller_power, inputs.debt_leverage
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


#: The 2011 case fitted to the documented discount through the debt lever alone (Europe open,
#: equal power), rounded to the widget's 0.01 step: 0.28 gives a price of 98.6 (1.4%).
_LEVERAGE_2011 = calibrate(EUROPE_OPEN, espo_2011_price(), "debt_leverage")
ESPO_2011 = dataclasses.replace(EUROPE_OPEN, debt_leverage=round(_LEVERAGE_2011, 2))
CASES = {**bargaining.CASES, "2011 ESPO discount (calibrated, debt lever)": ESPO_2011}


def cases_table() -> pd.DataFrame:
    """Each case of :data:`CASES`: threat points, power, price and discount."""
    rows = {}
    for name, inputs in CASES.items():
        out = bargaining.negotiate(inputs)
        discount = round(100 * out.discount_fraction, 1)
        rows[name] = [out.seller_threat_point, out.buyer_threat_point, inputs.seller_power]
        rows[name] += [inputs.debt_leverage, round(out.price, 1), discount]
    columns = ["fall-back", "alternative", "power", "debt leverage", "price", "discount %"]
    return pd.DataFrame.from_dict(rows, "index", columns=columns).rename_axis("case")


def rules_table() -> pd.DataFrame:
    """The price of each case under both rules for the seller's outside option."""
    table = {
        rule: {
            name: bargaining.negotiate(dataclasses.replace(inputs, rule=rule)).price
            for name, inputs in CASES.items()
        }
        for rule in bargaining.RULES
    }
    return pd.DataFrame(table).rename_axis("case")


# ----------------------------------------------------------------------------- price curve
#: Range of the buyer's alternative price offered by the widget and the curve (index points).
ALTERNATIVE_RANGE = (40.0, 150.0)
#: The curves of :func:`price_curve_chart`: (Europe open, rule).
CURVES = {
    "Europe open, split above the netback": (True, "threat point"),
    "Europe open, outside-option principle": (True, "outside-option principle"),
    "Europe closed (both rules)": (False, "threat point"),
}


def bargain_inputs(europe_open, alternative, power, leverage, rule="threat point"):
    """The widget's levers on top of the "Europe open" case; closing Europe drops the seller's
    fall-back to its cost."""
    return dataclasses.replace(
        EUROPE_OPEN,
        buyer_alternative_price=alternative,
        seller_outside_option=EUROPE_OPEN.seller_outside_option if europe_open else None,
        seller_power=power,
        debt_leverage=leverage,
        rule=rule,
    )


def price_curve_chart(seller_power: float = 0.5) -> Chart:
    """How the agreed price follows the buyer's alternative, under both rules and without Europe."""
    grid = np.arange(ALTERNATIVE_RANGE[0], ALTERNATIVE_RANGE[1] + 0.5)  # steps of 1
    frame = pd.DataFrame(index=pd.Index(grid, name="buyer's alternative price"), dtype=float)
    for name, (is_open, rule) in CURVES.items():
        cases = [bargain_inputs(is_open, float(a), seller_power, 0.0, rule) for a in grid]
        frame[name] = [bargaining.negotiate(inputs).price for inputs in cases]  # None: no deal
    names = list(CURVES)
    at = frame.loc[105.0]
    text = (
        f"At a buyer's alternative of 105 and seller power {seller_power:.2f} the price is "
        f"{at[names[0]]:g} if the Europe netback is the fall-back, {at[names[1]]:g} under the "
        f"outside-option principle and {at[names[2]]:g} with Europe closed (index, illustrative)."
    )
    colors = [actor_color("EU"), PALETTE["orange"], actor_color("CHN")]
    chart = line_chart(
        frame,
        "Agreed price as the buyer's alternative changes (illustrative)",
        ILLUSTRATIVE,
        text,
        xlabel="buyer's alternative supply price (index)",
        ylabel="agreed price (index, reference = 100)",
        markers=False,
        colors=dict(zip(names, colors, strict=True)),
        styles={names[1]: "--", names[2]: "-."},
    )
    ax = chart.figure.axes[0]
    ax.axhline(100, color=GREY, linestyle=":", linewidth=1)
    right = (ALTERNATIVE_RANGE[1], 100)
    ax.annotate("reference 100", right, (0, 4), textcoords="offset points", ha="right", fontsize=9)
    ax.legend(loc="upper left")
    return chart


# ----------------------------------------------------------------------------- the widget
#: The widget starts at the calibrated 2011 case.
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
            "Pipeline bargaining: where does the price land?",
            ILLUSTRATIVE,
            xlabel="price index (reference contract price = 100)",
            size=(8.5, 3.9),
        )
        bar = partial(ax.barh, 0, 0, height=0.5)  # a bar on the row y = 0; update sets its span
        line = partial(ax.plot, [], [])  # a line or marker; update sets its data
        self.fallback = bar(color=LIGHT_GREY, edgecolor=GREY, label="seller's fall-back")[0]
        self.seller = bar(color=actor_color("RUS"), label="seller's part")[0]
        self.buyer = bar(color=actor_color("CHN"), label="buyer's part")[0]
        self.gap = bar(color=WHITE, edgecolor=GREY, hatch="//", label="no deal: no surplus")[0]
        (self.price,) = line(color=DARK_GREY, linewidth=3, label="agreed price")
        alternative, netback = "buyer's alternative", "Europe netback (outside option)"
        (self.alternative,) = line("--", color=actor_color("CHN"), linewidth=2, label=alternative)
        (self.outside,) = line("v", color=PALETTE["black"], markersize=10, label=netback)
        ax.axvline(100, color=DARK_GREY, linestyle=":", label="reference price 100")
        ax.set_xlim(0, ALTERNATIVE_RANGE[1] + 5)
        ax.set_ylim(-0.45, 1.2)
        ax.set_yticks([])
        ax.spines["left"].set_visible(False)
        ax.grid(axis="y", visible=False)
        # the moving artists stay below y = 0.45, so they never cross the legend
        ax.legend(
            loc="upper center", ncols=4, fontsize=9, frameon=True, framealpha=1, edgecolor=WHITE
        )
        bars = [self.fallback, self.seller, self.buyer, self.gap]
        self.animated = [*bars, self.price, self.alternative, self.outside]

    def update(self, europe_open, buyer_alternative_price, seller_power, debt_leverage, rule):
        levers = (europe_open, buyer_alternative_price, seller_power, debt_leverage, rule)
        inputs = bargain_inputs(*levers)
        out = bargaining.negotiate(inputs)
        d, a = out.seller_threat_point, out.buyer_threat_point
        netback = inputs.seller_outside_option
        floor = max(netback or 0.0, inputs.seller_cost)  # the least the seller accepts
        p = out.price if out.deal_possible else a
        spans = {self.fallback: (0, d), self.seller: (d, p), self.buyer: (p, a)}
        spans[self.gap] = (a, floor)  # drawn only when there is no deal
        for bar, (start, end) in spans.items():
            bar.set_x(start)
            bar.set_width(end - start)
        self.price.set_data([p, p], [-0.35, 0.35])
        self.alternative.set_data([a, a], [-0.4, 0.4])
        self.outside.set_data([netback] if netback else [], [0.32] if netback else [])
        for artist in (self.seller, self.buyer, self.price):
            artist.set_visible(out.deal_possible)
        self.gap.set_visible(not out.deal_possible)
        reason = f"{out.reason[0].upper()}{out.reason[1:]}."
        market = "Europe open" if europe_open else "Europe closed"
        if not out.deal_possible:
            text = (
                f"With {market}, the seller will not accept less than {_fmt(floor)} but the "
                f"buyer can get supply elsewhere for {_fmt(a)}, so no deal is possible."
            )
            return text, reason
        discount = 100 * out.discount_fraction
        kind = "discount" if discount > 0 else "premium"
        change = f"a {kind} of {abs(discount):.1f}%" if abs(discount) > 0.05 else "no change"
        if europe_open:
            fallback = "as the fall-back" if rule == "threat point" else "as an outside option"
            market += f", netback {fallback}"
        text = (
            f"{market}: the agreed price is {_fmt(p)} (index), {change} on the reference; the "
            f"seller keeps {100 * out.seller_share:.0f}% of the surplus between {_fmt(d)} and "
            f"{_fmt(a)}."
        )
        power = f"{seller_power:.2f} x (1 - {debt_leverage:.2f} debt leverage)"
        return text, f"{reason} Effective seller power = {power} = {out.effective_power:.2f}."


@register("nash_bargaining")
def nash_bargaining() -> LiveView:
    """Europe open or closed, the buyer's alternative, power, debt leverage and the rule."""
    rules = [
        ("the fall-back (split above it)", "threat point"),
        ("an outside option (principle)", "outside-option principle"),
    ]
    lo, hi = ALTERNATIVE_RANGE
    sliders = {  # control: label, min, max, step, readout format
        "buyer_alternative_price": ("Buyer's alternative supply price (index)", lo, hi, 1, ".0f"),
        "seller_power": ("Seller's bargaining power (0-1)", 0, 1, 0.01, ".2f"),
        "debt_leverage": ("Debt owed to the buyer's banks: leverage (0-1)", 0, 1, 0.01, ".2f"),
    }
    controls = {"europe_open": toggle("Europe open as a second market for the seller", True)}
    for name, (label, *scale, fmt) in sliders.items():
        controls[name] = slider(label, *scale, DEFAULTS[name], fmt)
    controls["rule"] = toggle_buttons("Europe netback is", rules, "threat point")
    return LiveView(
        controls,
        NashChart(),
        title="Nash bargaining over a pipeline (illustrative index prices)",
        description=(
            "It starts at the 2011 case calibrated to the documented discount: Europe open, the "
            "seller in debt to the buyer's banks. Index prices (reference = 100), not real prices."
        ),
    )
