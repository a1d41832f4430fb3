"""Lesson 11's widget: the scenario presets, run from 2019, laid over what happened.

Why a widget: the presets are the article's "if" (relations with the West stay as they were,
worsen steadily, or stabilise) seen from 2019, plus the path that was actually taken. Ticking
them on and off over the observed shares shows at a glance which assumptions the years
2020-2024 contradicted; the EU toggle shows that the other side of the ledger moved even more.
The drawing is :func:`utils.plotting.scenarios.outcomes_chart`.
"""

from __future__ import annotations

from utils import scenarios
from utils.plotting import scenarios as charts
from utils.widgets.core import LiveView, register, toggle

#: Control name for each preset (a checkbox each: easier to use than a multi-select list).
PRESET_CONTROLS = {
    "show_status_quo": "status quo",
    "show_deterioration": "deterioration with the West",
    "show_stabilised": "stabilised ties with the West",
    "show_what_happened": "what happened",
}
assert set(PRESET_CONTROLS.values()) == set(scenarios.PRESETS)


def render_outcomes(
    show_status_quo: bool,
    show_deterioration: bool,
    show_stabilised: bool,
    show_what_happened: bool,
    show_eu: bool,
):
    """Chart of the chosen presets over the observed shares, and a one-line reading of it."""
    chosen = {
        "show_status_quo": show_status_quo,
        "show_deterioration": show_deterioration,
        "show_stabilised": show_stabilised,
        "show_what_happened": show_what_happened,
    }
    presets = [PRESET_CONTROLS[name] for name, on in chosen.items() if on]
    chart = charts.outcomes_chart(presets, show_eu=show_eu)
    note = "" if presets else "Tick a preset to lay its projection over the data."
    return chart, note


@register("11_what_happened_next", "presets_vs_outcomes")
def presets_vs_outcomes() -> LiveView:
    """Tick presets to overlay them on the observed shares; optionally show the EU too."""
    return LiveView(
        {
            "show_status_quo": toggle("Status quo", True),
            "show_deterioration": toggle("Deterioration with the West", True),
            "show_stabilised": toggle("Stabilised ties with the West", False),
            "show_what_happened": toggle("What happened (fitted to 2022-2024)", False),
            "show_eu": toggle("Show the EU's share as well", False),
        },
        render_outcomes,
        title="Scenarios from 2019 against what happened",
        description=(
            "Each preset starts from the 2019 data. Solid lines are observed shares; dashed "
            "lines are China's projected share, dotted lines the EU's."
        ),
    )
