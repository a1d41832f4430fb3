"""Widgets for lessons 02 (trade explorer) and 06 (import-source explorer).

Each builder wires labelled controls to a *pure* render function that calls
:mod:`utils.plotting.trade`; the render functions are importable and tested without a browser.
Every control changes the figure: partners, years, measure or flow all enter the chart and its
description. Choices that cannot be drawn (no partner, only the gap year 2015) raise
``ValueError``, which the view shows as a message while keeping the last good chart.
"""

from __future__ import annotations

from collections.abc import Sequence

from utils.plotting import Chart
from utils.plotting import trade as trade_charts
from utils.widgets.core import (
    LiveView,
    dropdown,
    int_slider,
    register,
    select_multiple,
    toggle_buttons,
)

#: Measures offered by the lesson-02 explorer (label, key).
EXPLORER_MEASURES = (
    ("Share of Russia's trade (%)", "share"),
    ("Trade turnover (USD bn)", "turnover"),
    ("Russian exports to partner (USD bn)", "exports"),
    ("Russian imports from partner (USD bn)", "imports"),
)
PARTNER_OPTIONS = tuple((name, code) for code, name in trade_charts.PARTNER_NAMES.items())


def _partners(partners: Sequence[str]) -> list[str]:
    chosen = list(partners)
    if not chosen:
        raise ValueError("Choose at least one partner (Ctrl- or Cmd-click to pick several).")
    return chosen


# ----------------------------------------------------------------------------- lesson 02
def render_trade_explorer(
    partners: Sequence[str] = trade_charts.DEFAULT_PARTNERS,
    first_year: int = 1992,
    last_year: int = 2024,
    measure: str = "share",
) -> tuple[Chart, str]:
    """Lines for the chosen partners, years and measure; a note explains odd choices.

    A first or last year outside the data is refused (ValueError naming it and the valid
    range) rather than clipped, so the chart never stands in for years it does not show.
    """
    chosen = _partners(partners)
    first_year = trade_charts.check_year_in_range("first_year", first_year)
    last_year = trade_charts.check_year_in_range("last_year", last_year)
    notes = []
    if first_year > last_year:
        notes.append(
            f"The first year ({first_year}) was after the last year ({last_year}); "
            f"the chart shows {last_year}-{first_year}."
        )
    elif first_year == last_year:
        notes.append(f"First and last year are both {first_year}: one year is shown.")
    lo, hi = sorted((first_year, last_year))
    if lo < trade_charts.GAP_YEAR < hi:
        notes.append(
            f"{trade_charts.GAP_YEAR} is in neither source, so the lines break there; "
            "values to its left are COW (partner-recorded exports), to its right IMF "
            "(Russia's own records)."
        )
    if hi >= 2022:
        notes.append("From 2022 the IMF estimates Russia's trade largely from partner records.")
    chart = trade_charts.pivot_chart(chosen, measure, first_year, last_year)
    return chart, " ".join(notes)


@register("02_pivot_to_the_east", "trade_explorer")
def trade_explorer() -> LiveView:
    """Choose partners, a year range and a measure of Russia's trade."""
    years = trade_charts.available_years()
    return LiveView(
        {
            "partners": select_multiple(
                "Partners", PARTNER_OPTIONS, trade_charts.DEFAULT_PARTNERS, rows=6
            ),
            "first_year": int_slider("First year", years[0], years[-1], 1, years[0]),
            "last_year": int_slider("Last year", years[0], years[-1], 1, years[-1]),
            "measure": dropdown("Measure", EXPLORER_MEASURES, "share"),
        },
        render_trade_explorer,
        title="Trade explorer: Russia's partners, 1992-2024",
        description=(
            "Pick one or more partners (Ctrl/Cmd-click), move the year sliders and choose a "
            "measure. Germany is part of the EU27."
        ),
    )


# ----------------------------------------------------------------------------- lesson 06
def render_import_sources(
    year_a: int = 2013,
    year_b: int = 2023,
    partners: Sequence[str] = trade_charts.DEFAULT_PARTNERS,
    flow: str = "imports",
) -> tuple[Chart, str]:
    """Partner shares of Russia's imports (or exports) in two years, side by side."""
    chosen = _partners(partners)
    notes = []
    if year_a == year_b:
        notes.append(f"Both years are {year_a}: pick two different years to compare.")
    if "EU" in chosen and any(p in chosen for p in ("DEU", "NLD", "ITA", "FRA")):
        notes.append("EU members are also inside the EU27 bar, so do not add the shares up.")
    if max(year_a, year_b) >= 2022:
        notes.append("Values from 2022 are largely IMF estimates from partner records.")
    chart = trade_charts.import_sources_chart(year_a, year_b, chosen, flow)
    return chart, " ".join(notes)


@register("06_technology_and_sanctions", "import_sources")
def import_source_explorer() -> LiveView:
    """Compare where Russia's imports came from (or exports went) in two years."""
    years = trade_charts.available_years()
    return LiveView(
        {
            "year_a": dropdown("Year A", years, 2013),
            "year_b": dropdown("Year B", years, 2023),
            "partners": select_multiple(
                "Partners", PARTNER_OPTIONS, trade_charts.DEFAULT_PARTNERS, rows=6
            ),
            "flow": toggle_buttons(
                "Flow", [("Imports (sources)", "imports"), ("Exports (markets)", "exports")]
            ),
        },
        render_import_sources,
        title="Import-source explorer: who supplies Russia?",
        description=(
            "Choose two years and the partners to compare; switch between Russia's imports "
            "and its exports. There is no 2015 (a gap between the two sources)."
        ),
    )
