"""Widgets for lesson 05 (arms and exercises): an exercise filter and a supplier explorer.

Why: the article says joint drills grew and spread "from the Baltic to the South China Sea".
Filtering the event list by type, domain, region and years lets students see for themselves
which part of that picture comes from which kind of event (most of the far-flung events are
naval exercises; the patrols start only in 2019). The supplier explorer lets them test the
forecast that Russian arms will matter less to China, in volume and in share.

Render functions are pure (values in, chart out) and call :mod:`utils.plotting.security`;
builders only wire controls.
"""

from __future__ import annotations

import ipywidgets as widgets

from utils.plotting import Chart
from utils.plotting import security as charts
from utils.widgets.core import LiveView, dropdown, int_slider, register, toggle_buttons

__all__ = [
    "DEFAULT_YEARS",
    "arms_suppliers",
    "exercise_filter",
    "render_exercises",
    "render_suppliers",
    "year_range",
]

#: Default year window of the exercise filter: up to the year the article was written (2020),
#: so the first view is what the author could see; students can extend it to 2023.
DEFAULT_YEARS = (2005, 2020)
VIEWS = (("Timeline", "timeline"), ("Schematic map", "map"))


def year_range(
    label: str, minimum: int, maximum: int, value: tuple[int, int]
) -> widgets.IntRangeSlider:
    """A labelled two-handle year slider (``utils.widgets.core`` has no range factory)."""
    first, last = value
    if not minimum <= first <= last <= maximum:
        raise ValueError(
            f"{label!r}: value must satisfy {minimum} <= first <= last <= {maximum}, got {value}"
        )
    return widgets.IntRangeSlider(
        value=(first, last),
        min=minimum,
        max=maximum,
        step=1,
        description=label,
        continuous_update=False,
        style={"description_width": "initial"},
        layout=widgets.Layout(width="420px", margin="2px 24px 4px 0"),
    )


def render_exercises(
    event_type: str = charts.ALL,
    domain: str = charts.ALL,
    region: str = charts.ALL,
    years: tuple[int, int] = DEFAULT_YEARS,
    view: str = "timeline",
) -> tuple[Chart, str]:
    """Filtered joint events as a timeline or schematic map, plus a sentence counting them.

    Filters that select nothing give a placeholder figure and a note saying so (see
    :func:`utils.plotting.security.no_events_chart`); invalid values raise ``ValueError``.
    """
    if view not in dict(VIEWS).values():
        raise ValueError(f"view must be 'timeline' or 'map', got {view!r}")
    try:
        events = charts.filter_exercises(event_type, domain, region, tuple(years))
        count = charts.exercise_summary(events)
        if view == "timeline":
            return charts.exercise_timeline_chart(events), count
        chart, note = charts.exercise_map_chart(events)
    except charts.NoMatchingEvents as empty:
        return charts.no_events_chart(str(empty), view), str(empty)
    return chart, f"{count} {note}"


@register("05_arms_and_exercises", "exercise_filter")
def exercise_filter() -> LiveView:
    """Filter the joint exercises and patrols; see them on a timeline or a schematic map."""
    return LiveView(
        {
            "event_type": dropdown(
                "Event type",
                [("All types", charts.ALL), *[(t.capitalize(), t) for t in charts.EVENT_TYPES]],
            ),
            "domain": dropdown(
                "Domain", [("All domains", charts.ALL), *[(d, d) for d in charts.DOMAINS]]
            ),
            "region": dropdown(
                "Region", [("All regions", charts.ALL), *[(r, r) for r in charts.REGIONS]]
            ),
            "years": year_range("Years", charts.FIRST_YEAR, charts.LAST_YEAR, DEFAULT_YEARS),
            "view": toggle_buttons("View", list(VIEWS), "timeline"),
        },
        render_exercises,
        title="Joint exercises and patrols: filter the list",
        description=(
            "Choose a type, domain, region and years; the count under the chart updates. "
            "The list is not exhaustive."
        ),
    )


def render_suppliers(measure: str = "share", window: int = 1) -> Chart:
    """China's arms imports by supplier, as shares or volumes, per year or rolling totals."""
    return charts.suppliers_chart(measure=measure, window=window)


@register("05_arms_and_exercises", "arms_suppliers")
def arms_suppliers() -> LiveView:
    """Who sells major arms to China: switch share/volume and the length of the period."""
    return LiveView(
        {
            "measure": toggle_buttons(
                "Show", [("Share of total (%)", "share"), ("Volume (TIV)", "volume")], "share"
            ),
            "window": int_slider("Years summed (rolling period)", 1, 5, 1, 1),
        },
        render_suppliers,
        title="China's arms suppliers, 2000-2023",
        description="SIPRI compares multi-year periods because single years swing with deliveries.",
    )
