"""Widget for lesson 09: set the three relations of the US-Russia-China triangle, see its type.

Why: Dittmer's typology is easiest to grasp by moving one line across zero and watching the
pivot, the partners or the outcast change. Three sliders set the amity scores (-1 to +1), a
fourth the neutral band (how lukewarm a line may be before it stops counting as amity), and a
preset menu loads the scores of a historical moment from :data:`utils.triangle.PRESETS`.

How the preset menu works: choosing a preset moves the sliders (one redraw); moving a slider
away from the preset's values sets the menu back to "Custom". The render function itself is
pure: it recognises a preset from the slider values, so it needs no hidden state.
"""

from __future__ import annotations

import math

from utils import triangle
from utils.plotting import Chart
from utils.plotting import triangle as charts
from utils.widgets.core import LiveView, dropdown, register, slider

__all__ = ["CUSTOM", "DEFAULT_PRESET", "matching_preset", "render_triangle", "strategic_triangle"]

CUSTOM = "custom"
#: The widget opens on the year the article was written.
DEFAULT_PRESET = "2020"
_SCORE_NAMES = ("us_russia", "us_china", "russia_china")


def matching_preset(us_russia: float, us_china: float, russia_china: float) -> str | None:
    """Name of the first preset with exactly these scores (to 1e-9), else ``None``."""
    for name, preset in triangle.PRESETS.items():
        if all(
            math.isclose(value, getattr(preset, key), abs_tol=1e-9)
            for key, value in zip(_SCORE_NAMES, (us_russia, us_china, russia_china), strict=True)
        ):
            return name
    return None


def render_triangle(
    us_russia: float,
    us_china: float,
    russia_china: float,
    neutral_band: float = triangle.DEFAULT_NEUTRAL_BAND,
) -> tuple[Chart, str]:
    """The triangle diagram and a note: the classification, and the preset's facts if any."""
    result = triangle.classify(us_russia, us_china, russia_china, neutral_band)
    preset = matching_preset(us_russia, us_china, russia_china)
    chart = charts.triangle_chart(
        us_russia, us_china, russia_china, neutral_band, label=preset or "custom scores"
    )
    note = f"{result.kind.capitalize()}. {result.explanation}"
    if preset is not None:
        note += f" Why these scores for {preset}: {triangle.PRESETS[preset].justification}"
    return chart, note


@register("09_the_triangle", "strategic_triangle")
def strategic_triangle() -> LiveView:
    """Three amity sliders, a neutral-band slider and a preset menu driving the diagram."""
    start = triangle.PRESETS[DEFAULT_PRESET]
    controls = {
        "us_russia": slider("US-Russia amity", -1.0, 1.0, 0.1, start.us_russia, ".1f"),
        "us_china": slider("US-China amity", -1.0, 1.0, 0.1, start.us_china, ".1f"),
        "russia_china": slider("Russia-China amity", -1.0, 1.0, 0.1, start.russia_china, ".1f"),
        "neutral_band": slider(
            "Neutral band (±, counted as enmity)", 0.0, 0.5, 0.05,
            triangle.DEFAULT_NEUTRAL_BAND, ".2f",
        ),
    }  # fmt: skip
    view = LiveView(
        controls,
        render_triangle,
        title="The strategic triangle (Dittmer 1981)",
        description=(
            "Scores are judgements for debate, from -1 (enmity) to +1 (amity). Pick a "
            "historical preset or move the sliders."
        ),
    )
    presets = dropdown(
        "Preset (moves the sliders)",
        [("Custom (use the sliders)", CUSTOM), *[(name, name) for name in triangle.PRESETS]],
        DEFAULT_PRESET,
    )
    syncing = [False]

    def load_preset(change: dict) -> None:
        if change["new"] == CUSTOM:
            return
        chosen = triangle.PRESETS[change["new"]]
        syncing[0] = True
        try:
            view.set(**{key: getattr(chosen, key) for key in _SCORE_NAMES})
        finally:
            syncing[0] = False

    def release_preset(_change: dict) -> None:
        if syncing[0] or presets.value == CUSTOM:
            return
        if matching_preset(*(controls[key].value for key in _SCORE_NAMES)) != presets.value:
            presets.value = CUSTOM

    presets.observe(load_preset, names="value")
    for key in _SCORE_NAMES:
        controls[key].observe(release_preset, names="value")
    view.presets = presets  # reachable for tests and notebooks
    view.controls_box.children = (presets, *view.controls_box.children)
    return view
