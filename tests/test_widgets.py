"""Every lesson widget, through the shared layer in ``utils.live``.

What a student relies on, checked for each registered widget: a described, on-palette figure
at the default; labelled controls whose slider tracks stay usable; every control changes the
picture or its sentence; an impossible value gives a message naming the control while the
last picture stays; and blitting draws exactly what a full redraw draws.
"""

from __future__ import annotations

import io
import math

import ipywidgets as widgets
import numpy as np
import pytest
from notebooks_common import NOTEBOOKS
from PIL import Image

from utils.bench import value_cycle
from utils.lessons import lesson_modules
from utils.live import (
    LABEL_PX_PER_CHAR,
    READOUT_PX,
    REGISTRY,
    LiveChart,
    LiveView,
    discover_widgets,
    dropdown,
    int_slider,
    select_multiple,
    slider,
    toggle,
    toggle_buttons,
)
from utils.style import ALLOWED_COLORS, colors_in, figure

WIDGETS = discover_widgets()
IDS = ["/".join(k) for k in WIDGETS]


def test_every_lesson_has_a_module_and_a_widget():
    lessons = {p.name[:2] for p in NOTEBOOKS}
    assert set(lesson_modules()) == lessons, "one utils/lessons/lNN_*.py per notebook"
    assert {lesson for lesson, _ in WIDGETS} == lessons, "every lesson registers a widget"


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=np.int16)


def _title(fig) -> str:
    texts = [ax.get_title(loc) for ax in fig.axes for loc in ("left", "center", "right")]
    if fig.get_suptitle():
        texts.append(fig.get_suptitle())
    return " ".join(t for t in texts if t)


@pytest.mark.parametrize("key", WIDGETS, ids=IDS)
def test_default_view_is_described_labelled_and_on_palette(key):
    view = REGISTRY[key]()
    assert isinstance(view, LiveView) and not view.message, view.message
    assert len(view.description.split()) >= 5, "the figure needs a one-sentence description"
    assert any(ch.isdigit() for ch in view.description), "the sentence should carry the numbers"
    assert _title(view.chart.fig), "the figure needs a title"
    off = colors_in(view.chart.fig) - ALLOWED_COLORS
    assert not off, f"colours outside the colour-blind-safe palette: {off}"
    for name, control in view.controls.items():
        label = str(control.description).strip()
        assert len(label) >= 3, f"control {name!r} needs a readable label"
        if isinstance(control, widgets.FloatSlider | widgets.IntSlider):
            width = int(control.layout.width.removesuffix("px"))
            track = width - len(label) * LABEL_PX_PER_CHAR - READOUT_PX
            assert track >= 200, f"{name}: slider track {track:.0f} px"


@pytest.mark.parametrize("key", WIDGETS, ids=IDS)
def test_every_control_changes_what_the_reader_sees(key):
    """From the default view, moving any one control changes the picture, sentence or note."""
    for name in REGISTRY[key]().controls:
        view = REGISTRY[key]()

        def shown(view=view):  # picture, sentence and the note under the chart
            return view.description, view.note.value, view.output.outputs[0]["data"]["image/png"]

        seen = {shown()}
        for value in value_cycle(view.controls[name], 3):
            view.controls[name].value = value
            if not view.message:  # else: a combination the lesson explains it cannot show
                seen.add(shown())
        assert len(seen) > 1, f"{key}: moving {name!r} changed nothing the reader sees"


@pytest.mark.parametrize("key", WIDGETS, ids=IDS)
def test_blitted_picture_equals_a_full_redraw(key):
    """After many updates, the blitted picture is the figure drawn from scratch (±2/255)."""
    view = REGISTRY[key]()
    for control in view.controls.values():
        for value in value_cycle(control, 2):
            control.value = value
    blitted = _pixels(view.chart.png())
    view.chart.forget_backgrounds()  # force a full draw
    fresh = _pixels(view.chart.png())
    assert blitted.shape == fresh.shape
    assert np.abs(blitted - fresh).max() <= 2, f"{key}: stale pixels after blitting"


def impossible_value(control) -> tuple[bool, object]:
    """A value no user could pick for ``control`` (``(False, None)`` if there is none)."""
    if isinstance(control, widgets.SelectMultiple):
        return True, ("__not_an_option__",)
    if hasattr(control, "options"):
        return True, "__not_an_option__"
    if isinstance(control, widgets.FloatSlider):
        return True, math.nan
    if isinstance(control, widgets.IntSlider):
        return True, control.max + 1000
    return False, None  # on/off switches have no impossible value


#: Controls the view itself handles (a preset menu that moves the sliders); the chart's
#: ``update`` only names them, so an impossible value there cannot reach the chart.
VIEW_LEVEL = {("07", "scenario_lab", "preset"), ("09", "strategic_triangle", "preset")}


@pytest.mark.parametrize("key", WIDGETS, ids=IDS)
def test_impossible_values_give_a_message_and_keep_the_picture(key):
    view = REGISTRY[key]()
    real_update = view.chart.update
    for name, control in view.controls.items():
        has_value, bad = impossible_value(control)
        if not has_value or (*key, name) in VIEW_LEVEL:
            continue
        before = view.output.outputs
        view.chart.update = lambda name=name, bad=bad, **v: real_update(**{**v, name: bad})
        try:
            view.update()  # anything but ValueError/TypeError is a bug and fails the test
        finally:
            view.chart.update = real_update
        assert view.message, f"{name}={bad!r} was accepted without a message"
        assert "role='alert'" in view.note.value
        assert view.output.outputs == before, "the last good picture must stay"
        view.update()
        assert not view.message


# ----------------------------------------------------------------------------- the layer
class Line(LiveChart):
    def __init__(self):
        self.fig, ax = figure("A line", "test", xlabel="x", ylabel="y")
        (self.line,) = ax.plot([0, 1], [0, 1])
        ax.set_ylim(0, 5)
        self.animated = [self.line]

    def update(self, k, on=False):
        if k > 4:
            raise ValueError("k must be at most 4.")
        self.line.set_ydata([0, k])
        return (f"A line up to {k:g}.", "<b>note</b>") if on else f"A line up to {k:g}."


def test_live_view_updates_reports_errors_and_keeps_the_picture():
    view = LiveView({"k": slider("Slope k", 0, 5, 0.5, 1), "on": toggle("Note")}, Line(), "T")
    assert view.description == "A line up to 1." and view.text_summary().startswith("Interact")
    view.set(k=2.0, on=True)
    assert view.description == "A line up to 2." and "note" in view.note.value
    picture = view.output.outputs
    view.set(k=4.5)
    assert "k must be at most 4." in view.note.value and view.output.outputs == picture
    view.set(k=3.0)
    assert not view.message and view.output.outputs != picture
    assert len(view.timings) == 5
    with pytest.raises(ValueError, match="unknown control"):
        view.set(slope=1)


def test_presenter_mode_enlarges_the_picture():
    view = LiveView({"k": slider("Slope k", 0, 5, 0.5, 1)}, Line(), "T", presenter=True)
    small = _pixels(view.chart.png()).shape
    view.presenter.value = True
    assert _pixels(view.chart.png(140)).shape[1] > small[1] and "1.3em" in view.caption.value


def test_static_figure_is_a_described_chart():
    chart = Line().static(k=2, on=False)
    assert chart.description == "A line up to 2."
    data, meta = chart._repr_mimebundle_()
    assert meta["image/png"]["alt"] == "A line up to 2." and data["text/plain"] == "A line up to 2."


def test_bad_wiring_is_reported_to_the_author():
    with pytest.raises(TypeError, match="cannot take"):
        LiveView({"slope": slider("Slope", 0, 5, 0.5, 1)}, Line())
    with pytest.raises(ValueError, match="visible label"):
        LiveView({"k": widgets.FloatSlider()}, Line())
    with pytest.raises(TypeError, match="LiveChart"):
        LiveView({}, object())


def test_control_factories_check_their_arguments():
    assert int_slider("Year", 2000, 2020, 1, 2010).value == 2010
    assert dropdown("Partner", [("China", "CHN"), ("EU", "EU")]).value == "CHN"
    assert toggle_buttons("Measure", ["a", "b"], "b").value == "b"
    assert select_multiple("Partners", ["a", "b"], ["b"]).value == ("b",)
    for bad in (
        lambda: slider("", 0, 1, 0.1, 0.5),
        lambda: slider("x", 1, 0, 0.1, 0.5),
        lambda: slider("x", 0, 1, 0, 0.5),
        lambda: slider("x", 0, 1, 0.1, 2),
        lambda: dropdown("x", ["a"], "b"),
        lambda: select_multiple("x", ["a"], ["b"]),
    ):
        with pytest.raises(ValueError):
            bad()
    with pytest.raises(TypeError):
        toggle("x", "yes")
