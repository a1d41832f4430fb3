"""The scenario lab of lesson 07: presets, every lever, A/B comparison and share strings.

Why more wiring than other widgets: the lab is the collection's dashboard (``make demo`` serves
it with Voila), so it has to behave like one. Choosing a preset sets every lever; moving a lever
marks the settings as "custom"; a rupture year that the model would refuse is moved to the
nearest allowed year with a note instead of an error; a scenario can be shared as a string and
loaded back, and a bad string leaves the chart alone. The model (:mod:`utils.scenarios`), the
questions asked of it (:mod:`utils.scenario_analysis`) and the drawing
(:mod:`utils.plotting.scenarios`) stay pure; this module only connects them to controls.

Public API: :data:`LEVERS`, :data:`CUSTOM`, :data:`NO_COMPARISON`, :func:`data_defaults`,
:func:`lever_values`, :func:`params_from_values`, :func:`matching_preset`,
:func:`valid_rupture_year`, :class:`ScenarioLab`, :func:`scenario_lab` (registered as
``("07_scenario_lab", "scenario_lab")``).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import ipywidgets as widgets

from utils import scenarios
from utils.plotting import scenarios as charts
from utils.widgets.core import (
    LiveView,
    dropdown,
    int_slider,
    register,
    slider,
    toggle,
    toggle_buttons,
)

#: Value of the preset dropdown once the levers no longer match any preset.
CUSTOM = "custom"
#: Value of the scenario-B dropdown that switches the comparison off.
NO_COMPARISON = "none"
#: Scale of charts and summary in presenter mode (fonts and figure 40% larger).
PRESENTER_SCALE = 1.4


@dataclass(frozen=True)
class Lever:
    """One lever of :class:`utils.scenarios.ScenarioParams` and how its control looks."""

    name: str
    label: str
    kind: str  # "float", "int", "choice"
    step: float = 1
    fmt: str | None = None


#: Every field of ScenarioParams, in the order of the control groups below.
LEVERS: tuple[Lever, ...] = (
    Lever("growth_chn", "Trade with China, growth a year", "float", 0.005, ".1%"),
    Lever("growth_eu", "Trade with the EU, growth a year", "float", 0.005, ".1%"),
    Lever("growth_usa", "Trade with the USA, growth a year", "float", 0.005, ".1%"),
    Lever("growth_row", "Trade with the rest, growth a year", "float", 0.005, ".1%"),
    Lever("west_relations", "Relations with the West", "choice"),
    Lever("rupture_year", "Year of the rupture (if rupture)", "int"),
    Lever("energy_pivot_usd_bn", "Extra energy sales to China (USD bn a year)", "float", 1, ".0f"),
    Lever("pivot_start_year", "Energy pivot starts in", "int"),
    Lever("china_growth", "China's total trade, growth a year", "float", 0.005, ".1%"),
    Lever("base_year", "Base year (last observed)", "choice"),
    Lever("end_year", "End year (horizon)", "int"),
    Lever("benchmark", "Benchmark share (default: EU in 2013)", "float", 0.005, ".1%"),
    Lever("uncertainty", "Band: size of yearly shocks (sd)", "float", 0.005, ".1%"),
    Lever("seed", "Band: random seed", "int"),
)
LEVER_NAMES = tuple(lever.name for lever in LEVERS)
_OPTIONAL = (
    "growth_chn",
    "growth_eu",
    "growth_usa",
    "growth_row",
    "china_growth",
    "benchmark",
    "uncertainty",
)
_GROUPS = (
    (
        "Growth of Russia's trade with each partner",
        ("growth_chn", "growth_eu", "growth_usa", "growth_row"),
    ),
    ("Relations with the West", ("west_relations", "rupture_year")),
    (
        "Energy pivot and China's own trade",
        ("energy_pivot_usd_bn", "pivot_start_year", "china_growth"),
    ),
    (
        "Horizon, yardstick and uncertainty band",
        ("base_year", "end_year", "benchmark", "uncertainty", "seed"),
    ),
)
_WEST_LABELS = {
    "thaw": "thaw (EU/US trade +2 pp a year)",
    "status quo": "status quo (trends continue)",
    "deterioration": "deterioration (EU/US -3 pp a year)",
    "rupture": "rupture (a break, then worsening)",
}


@lru_cache(maxsize=1)
def data_defaults() -> dict[str, float]:
    """The data-derived value of every optional lever (what ``None`` means in the model)."""
    resolved = scenarios.resolve(scenarios.ScenarioParams())
    return {name: float(getattr(resolved, name)) for name in _OPTIONAL}


def lever_values(params: scenarios.ScenarioParams) -> dict[str, Any]:
    """Control values for ``params``: a lever left to the data shows its data value."""
    if not isinstance(params, scenarios.ScenarioParams):
        raise TypeError(f"params must be a ScenarioParams, got {type(params).__name__}")
    defaults = data_defaults()
    values = {}
    for name in LEVER_NAMES:
        value = getattr(params, name)
        values[name] = defaults[name] if value is None else value
    return values


def params_from_values(values: dict[str, Any]) -> scenarios.ScenarioParams:
    """Build ScenarioParams from control values; a value equal to its data default is ``None``.

    Mapping data defaults back to ``None`` keeps share strings short and readable
    (``g_chn=data``) and lets a preset be recognised after a round trip through the controls.
    Raises the model's ``ValueError``/``TypeError`` for invalid combinations.
    """
    missing = [name for name in LEVER_NAMES if name not in values]
    if missing:
        raise ValueError(f"values lack the lever(s) {missing}")
    defaults = data_defaults()
    kwargs: dict[str, Any] = {}
    for name in LEVER_NAMES:
        value = values[name]
        if name in _OPTIONAL and value == defaults[name]:
            value = None
        kwargs[name] = value
    return scenarios.ScenarioParams(**kwargs)


def matching_preset(values: dict[str, Any]) -> str:
    """The preset whose levers equal ``values``, or :data:`CUSTOM`."""
    try:
        params = params_from_values(values)
    except (ValueError, TypeError):
        return CUSTOM
    for name, preset in scenarios.PRESETS.items():
        if preset == params:
            return name
    return CUSTOM


def valid_rupture_year(values: dict[str, Any]) -> int:
    """The rupture year the model can run that is nearest to the chosen one.

    The model accepts base year < rupture year <= end year when relations are "rupture"; a
    slider cannot express that bound, so the lab moves the rupture year instead of failing.
    The upper end is also kept ``cut_lag_years`` before the end year, because the rupture's
    cut lands that many years later and (in the current model) a cut falling after the end
    year raises an ``IndexError`` instead of being ignored.
    """
    lag = scenarios.WEST_RELATIONS["rupture"].cut_lag_years
    low = values["base_year"] + 1
    high = max(low, values["end_year"] - lag)
    return int(min(max(values["rupture_year"], low), high))


def _preset_result(name: str) -> scenarios.ScenarioResult:
    """Scenario B is always a preset: run each once (results are read, never changed)."""
    if name not in scenarios.PRESETS:
        raise ValueError(
            f"compare={name!r} is not a preset; choose one of {sorted(scenarios.PRESETS)}"
        )
    return _cached_preset_result(name)


@lru_cache(maxsize=len(scenarios.PRESETS))
def _cached_preset_result(name: str) -> scenarios.ScenarioResult:
    return scenarios.run(scenarios.PRESETS[name])


def _lever_control(lever: Lever, value: Any) -> widgets.ValueWidget:
    if lever.name == "west_relations":
        options = [(_WEST_LABELS.get(k, k), k) for k in scenarios.WEST_RELATIONS]
        return dropdown(lever.label, options, value)
    if lever.name == "base_year":
        return toggle_buttons(lever.label, [str(y) for y in scenarios.BASE_YEARS], str(value))
    low, high = scenarios.LEVER_BOUNDS[lever.name]
    if lever.kind == "int":
        return int_slider(lever.label, int(low), int(high), 1, int(value))
    return slider(lever.label, float(low), float(high), lever.step, float(value), lever.fmt)


class ScenarioLab(LiveView):
    """The dashboard: a :class:`LiveView` whose render also fills a summary panel.

    Extra parts: ``summary`` (HTML: three numbers at the end year, the crossing sentence,
    scenario B's numbers and the share string), ``share_input`` + ``load_button`` (paste a
    share string and load it) and ``load_status``. ``result_a``/``result_b`` hold the last
    model runs. :meth:`load` is what the Load button calls.
    """

    def __init__(self, preset: str = "status quo") -> None:
        if preset not in scenarios.PRESETS:
            raise ValueError(f"preset must be one of {list(scenarios.PRESETS)}, got {preset!r}")
        self.result_a: scenarios.ScenarioResult | None = None
        self.result_b: scenarios.ScenarioResult | None = None
        self.share: str = ""
        self.summary = widgets.HTML("")
        self.load_status = widgets.HTML("")
        values = lever_values(scenarios.PRESETS[preset])
        preset_options = [(name, name) for name in scenarios.PRESETS]
        preset_options.append(("custom (your settings)", CUSTOM))
        compare_options = [("none", NO_COMPARISON)] + [(n, n) for n in scenarios.PRESETS]
        controls = {
            "preset": dropdown("Preset (sets every lever)", preset_options, preset),
            "compare": dropdown("Compare with scenario B", compare_options, NO_COMPARISON),
            "band": toggle("Show uncertainty band", False),
            "presenter": toggle("Presenter mode (large fonts)", False, button=True),
        }
        for lever in LEVERS:
            controls[lever.name] = _lever_control(lever, values[lever.name])
        super().__init__(
            controls,
            self._render,
            title="Scenario lab: could Russia be left with no alternative to China?",
            description=(
                "Pick a preset, then move any lever. The chart shows data up to the base year "
                "and the model's projection after it; the panel below gives three numbers for "
                "the end year."
            ),
        )
        self.share_input = widgets.Text(
            value="",
            placeholder="paste a scenario string (v1;...;sum=...)",
            description="Scenario string",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="560px"),
        )
        self.load_button = widgets.Button(description="Load", tooltip="Load the pasted scenario")
        self.load_button.on_click(lambda _button: self.load(self.share_input.value))
        self._arrange()

    # -- layout ------------------------------------------------------------------------------
    def _arrange(self) -> None:
        c = self.controls
        top_row = widgets.Box(
            [c["preset"], c["compare"], c["band"], c["presenter"]],
            layout=widgets.Layout(display="flex", flex_flow="row wrap", align_items="center"),
        )
        groups = []
        for heading, names in _GROUPS:
            groups.append(widgets.HTML(f"<b>{html.escape(heading)}</b>"))
            groups.append(
                widgets.Box(
                    [c[name] for name in names],
                    layout=widgets.Layout(display="flex", flex_flow="row wrap"),
                )
            )
        self.levers_box = widgets.VBox(groups)
        load_row = widgets.HBox([self.share_input, self.load_button])
        self.widget.children = (
            self.header,
            top_row,
            self.output,
            self.message_area,
            self.caption,
            self.summary,
            self.levers_box,
            load_row,
            self.load_status,
        )
        self.widget.layout.max_width = "1000px"

    # -- rendering ---------------------------------------------------------------------------
    def _render(self, preset, compare, band, presenter, **levers):  # noqa: ARG002 (preset)
        params = params_from_values({**levers, "base_year": int(levers["base_year"])})
        lag = scenarios.WEST_RELATIONS["rupture"].cut_lag_years
        if params.west_relations == "rupture" and params.rupture_year + lag > params.end_year:
            raise ValueError(
                f"A rupture needs room: with base year {params.base_year} its effect lands in "
                f"{params.base_year + 1 + lag} at the earliest, so choose an end year of at least "
                f"{params.base_year + 1 + lag} (now {params.end_year})."
            )
        scale = PRESENTER_SCALE if presenter else 1.0
        result = scenarios.run(params)
        other = None if compare == NO_COMPARISON else _preset_result(compare)
        chart = charts.scenario_chart(result, other, band=band, scale=scale, label_b=compare)
        self.result_a, self.result_b, self.share = result, other, scenarios.share_string(params)
        summary = charts.summary_html(result, other, scale=scale, label_b=compare)
        self.summary.value = (
            summary
            + f"<p style='margin:0.4em 0;font-size:{scale:.2f}em;white-space:normal'>"
            + "Share this scenario (copy the whole line): "
            + "<code style='user-select:all;word-break:break-all;white-space:normal'>"
            + f"{html.escape(self.share)}</code></p>"
        )
        self.widget.layout.max_width = "none" if presenter else "1000px"
        return chart, self._note

    _note = ""

    # -- control logic -----------------------------------------------------------------------
    def _on_change(self, change: dict) -> None:
        if self._hold:
            return
        name = next(k for k, v in self.controls.items() if v is change["owner"])
        self._after(name)

    def set(self, **values: Any) -> None:
        """Change several controls at once (as a user would), then re-render once."""
        unknown = [k for k in values if k not in self.controls]
        if unknown:
            raise ValueError(f"unknown control(s) {unknown}; controls are {list(self.controls)}")
        if "base_year" in values:
            values["base_year"] = str(values["base_year"])
        self._hold = True
        try:
            for name, value in values.items():
                self.controls[name].value = value
        finally:
            self._hold = False
        levers_changed = [n for n in values if n in LEVER_NAMES]
        if "preset" in values and not levers_changed:
            self._after("preset")
        else:
            self._after(levers_changed[0] if levers_changed else next(iter(values), "band"))

    def _lever_values(self) -> dict[str, Any]:
        values = {name: self.controls[name].value for name in LEVER_NAMES}
        values["base_year"] = int(values["base_year"])
        return values

    def _set_levers(self, values: dict[str, Any]) -> None:
        self._hold = True
        try:
            for name, value in values.items():
                self.controls[name].value = str(value) if name == "base_year" else value
        finally:
            self._hold = False

    def _after(self, name: str) -> None:
        """Keep preset, levers and rupture year consistent, then redraw once."""
        self._note = ""
        if name == "preset" and self.controls["preset"].value in scenarios.PRESETS:
            self._set_levers(lever_values(scenarios.PRESETS[self.controls["preset"].value]))
        values = self._lever_values()
        if values["west_relations"] == "rupture":
            fixed = valid_rupture_year(values)
            if fixed != values["rupture_year"]:
                self._set_levers({"rupture_year": fixed})
                self._note = (
                    f"The rupture year was moved to {fixed}: it must come after the base "
                    f"year ({values['base_year']}) and early enough for its effect, one year "
                    f"later, to fall by the end year ({values['end_year']})."
                )
                values["rupture_year"] = fixed
        if name != "preset":
            self._hold = True
            try:
                self.controls["preset"].value = matching_preset(values)
            finally:
                self._hold = False
        self.update()

    def load(self, text: str) -> bool:
        """Apply a share string to every lever; on a bad string keep everything and explain."""
        try:
            params = scenarios.from_share_string(text)
        except (ValueError, TypeError) as exc:
            self.load_status.value = (
                "<div role='alert' style='color:#D55E00;white-space:normal'>&#9888; This "
                "scenario string could "
                f"not be loaded: {html.escape(str(exc))}. The chart still shows the current "
                "settings.</div>"
            )
            return False
        self._set_levers(lever_values(params))
        self.load_status.value = "<div role='status'>Scenario loaded.</div>"
        self._after(LEVER_NAMES[0])
        return True

    def _show_chart(self, chart) -> None:
        # The lab's charts are drawn on cached layout figures (see utils.plotting.scenarios);
        # LiveView would clear the previous chart's figure, which would throw a cached layout
        # away. Keep the figures and only replace what is shown.
        old = self.last_chart
        self.last_chart = None
        super()._show_chart(chart)
        self.last_chart = chart
        del old


@register("07_scenario_lab", "scenario_lab")
def scenario_lab() -> ScenarioLab:
    """The scenario dashboard of lesson 07, starting from the status-quo preset."""
    return ScenarioLab("status quo")
