"""Widgets: labelled controls wired to one matplotlib figure that is kept and updated.

The pattern (model and view, as in the jupyter-widgets tutorial)
---------------------------------------------------------------
* The **model** is a pure function in ``utils`` (e.g. :func:`utils.bargaining.negotiate`):
  numbers in, numbers out, tested without any widget.
* The **view** is a :class:`LiveChart`: it builds its figure *once* in ``__init__`` (axes,
  limits, labels, legend, the source line) and its ``update(**values)`` only changes the data
  of a few artists (``line.set_ydata``, ``bar.set_height``, ``text.set_text``) and returns the
  sentence that describes the new picture.
* :class:`LiveView` lays out the controls, calls ``update`` on every change, shows the figure
  as a PNG with the sentence as alt text and caption, and shows an error message (keeping the
  last good picture) when ``update`` raises ``ValueError`` or ``TypeError``.

Why keep the figure: building a new figure on every change takes 220-270 ms on a 2-core
machine; updating artists and redrawing takes 60-90 ms. Drawing text is the slow part, so the
changing numbers go into the caption or the note, and the axes stay fixed.

Blitting: a chart that lists the artists it changes in ``animated`` is drawn with matplotlib's
documented blitting pattern (see matplotlib's tutorial "Faster rendering by using blitting"):
the static part is drawn once and kept as pixels (``copy_from_bbox``), each update restores it
(``restore_region``) and draws only the animated artists (``draw_artist``): about 20 ms. When
an axis limit or the resolution changes, the background is drawn again.

A worked example (a chart, its widget, its tests) is in ``docs/ADDING_A_LESSON.md``.
"""

from __future__ import annotations

import base64
import html
import importlib
import inspect
import pkgutil
import re
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import ipywidgets as widgets
from matplotlib.figure import Figure

from utils.style import PALETTE, Chart, encode_png, png_bytes

#: Resolution of widget images in normal and presenter mode (presenter: 40% larger).
DPI, PRESENTER_DPI = 100, 140
#: Pixels per character of a control label (13 px system font), and room for track + readout.
LABEL_PX_PER_CHAR, TRACK_PX, READOUT_PX = 7.5, 240, 70
_MARGIN = "2px 24px 4px 0"


class LiveChart:
    """Base class of a widget's figure: build once in ``__init__``, change data in ``update``.

    Subclasses set ``self.fig`` (a :class:`~matplotlib.figure.Figure`, e.g. from
    :func:`utils.style.figure`) and, to be drawn by blitting, ``self.animated`` (the artists
    ``update`` changes). ``update(**values)`` returns the description sentence, or
    ``(description, note_html)``.
    """

    fig: Figure
    animated: Sequence = ()

    def update(self, **values: Any) -> str | tuple[str, str]:
        raise NotImplementedError

    #: Pictures of the static part, by what they were drawn for (see :meth:`png`).
    _backgrounds: dict | None = None

    def background_key(self) -> object:
        """What the static part shows besides axis limits and resolution, e.g. the measure.

        Override it when ``update`` switches between a few static layouts (another y label,
        another set of bars): each gets its own stored background, so switching back is a
        blit too.
        """
        return None

    def png(self, dpi: float = DPI) -> bytes:
        """PNG of the figure now: blitted when possible, fully redrawn otherwise."""
        if not self.animated:
            return png_bytes(self.fig, dpi)
        if self.fig.dpi != dpi:
            self.fig.set_dpi(dpi)
        canvas = self.fig.canvas
        limits = [(ax.get_xlim(), ax.get_ylim()) for ax in self.fig.axes]
        state = (dpi, self.background_key(), *limits)
        if self._backgrounds is None:
            self._backgrounds = {}
        if state in self._backgrounds:
            canvas.restore_region(self._backgrounds[state])
        else:
            for artist in self.animated:
                artist.set_animated(True)  # canvas.draw() now skips them
            canvas.draw()
            self.fig.set_layout_engine("none")  # freeze the layout the background was drawn with
            if len(self._backgrounds) >= 8:  # a few layouts are enough; drop the oldest
                self._backgrounds.pop(next(iter(self._backgrounds)))
            self._backgrounds[state] = canvas.copy_from_bbox(self.fig.bbox)
        for artist in self.animated:
            self.fig.draw_artist(artist)
        return encode_png(canvas)

    def forget_backgrounds(self) -> None:
        """Drop the stored backgrounds: the next :meth:`png` draws everything (tests use it)."""
        self._backgrounds = None

    def static(self, **values: Any) -> Chart:
        """The figure at ``values`` as a static :class:`~utils.style.Chart`.

        This is the figure shown above each widget for readers without a kernel (GitHub,
        the course website, a printout). Use a fresh instance: ``Nash().static(**DEFAULTS)``.
        """
        result = self.update(**values)
        for artist in self.animated:
            artist.set_animated(False)
        self.forget_backgrounds()
        return Chart(self.fig, result if isinstance(result, str) else result[0])


class LiveView:
    """Labelled controls + a :class:`LiveChart` that updates whenever a control changes.

    ``controls`` maps each keyword of ``chart.update`` to a control made by the factories
    below. ``ValueError``/``TypeError`` from ``update`` appear as a message and the previous
    picture stays; other exceptions are bugs and propagate. ``presenter=True`` adds a toggle
    that enlarges the picture and the text for a projector.

    Attributes: ``widget`` (what is displayed), ``description`` (the current sentence),
    ``message`` (error text or ""), ``timings`` (seconds per update, first render included).
    """

    def __init__(
        self,
        controls: Mapping[str, widgets.ValueWidget],
        chart: LiveChart,
        title: str = "",
        description: str = "",
        presenter: bool = False,
    ) -> None:
        if not isinstance(chart, LiveChart):
            raise TypeError(f"chart must be a LiveChart, got {type(chart).__name__}")
        for name, control in controls.items():
            if not isinstance(control, widgets.ValueWidget):
                raise TypeError(f"control {name!r} must be an ipywidgets control")
            if not str(getattr(control, "description", "")).strip():
                raise ValueError(f"control {name!r} needs a visible label (description)")
        try:
            inspect.signature(chart.update).bind(**dict.fromkeys(controls))
        except TypeError as exc:
            name = type(chart).__name__
            raise TypeError(f"{name}.update cannot take {list(controls)}: {exc}") from None
        self.controls = dict(controls)
        self.chart = chart
        self.title = title
        self.timings: list[float] = []
        self.description = ""
        self.message = ""
        self.presenter = toggle("Presenter mode (larger chart and text)", False, button=True)
        heading = f"<h3 style='margin:0.2em 0'>{html.escape(title)}</h3>" if title else ""
        if description:
            heading += f"<p style='margin:0.2em 0'>{html.escape(description)}</p>"
        self.header = widgets.HTML(heading)
        boxed = list(self.controls.values()) + ([self.presenter] if presenter else [])
        self.controls_box = widgets.Box(
            boxed, layout=widgets.Layout(display="flex", flex_flow="row wrap", align_items="center")
        )
        self.output = widgets.Output(layout=widgets.Layout(min_height="200px"))
        self.note = widgets.HTML("")
        self.caption = widgets.HTML("")
        self.widget = widgets.VBox(
            [self.header, self.controls_box, self.output, self.note, self.caption],
            layout=widgets.Layout(width="100%", max_width="1000px"),
        )
        for control in [*self.controls.values(), self.presenter]:
            control.observe(lambda _change: self.update(), names="value")
        self.update()

    @property
    def values(self) -> dict[str, Any]:
        return {name: control.value for name, control in self.controls.items()}

    def set(self, **values: Any) -> None:
        """Change controls as a user would (tests, benchmark); each change updates once."""
        unknown = sorted(set(values) - set(self.controls))
        if unknown:
            raise ValueError(f"unknown control(s) {unknown}; controls are {list(self.controls)}")
        for name, value in values.items():
            self.controls[name].value = value

    def update(self) -> None:
        start = time.perf_counter()
        try:
            result = self.chart.update(**self.values)
        except (ValueError, TypeError) as exc:
            self._message(str(exc) or type(exc).__name__)
        else:
            description, note = (result, "") if isinstance(result, str) else result
            dpi = PRESENTER_DPI if self.presenter.value else DPI
            self._show(self.chart.png(dpi), description, note)
        self.timings.append(time.perf_counter() - start)

    def _show(self, png: bytes, description: str, note: str) -> None:
        self.description, self.message = description, ""
        # Replacing the Output's outputs in one assignment swaps the image without flicker and
        # works without a kernel (tests, benchmark).
        self.output.outputs = (
            {
                "output_type": "display_data",
                "data": {
                    "image/png": base64.b64encode(png).decode("ascii"),
                    "text/plain": description,
                },
                "metadata": {"image/png": {"alt": description}},
            },
        )
        size = "1.3em" if self.presenter.value else "1em"
        self.note.value = (
            f"<div role='status' style='font-size:{size}'>{note}</div>" if note else ""
        )
        self.caption.value = (
            f"<p style='margin:0.2em 0;font-size:{size}'>"
            f"<em>Figure: {html.escape(description)}</em></p>"
        )

    def _message(self, text: str) -> None:
        self.message = text
        self.note.value = (
            f"<div role='alert' style='color:{PALETTE['vermillion']};font-weight:bold'>"
            f"&#9888; {html.escape(text)} (the chart still shows the last valid setting)</div>"
        )

    def text_summary(self) -> str:
        """Stable ``text/plain`` stand-in (what nbval compares, and what a static copy shows)."""
        return (
            f"Interactive widget: {self.title or 'untitled'}. {self.description} "
            "(Run the lesson in JupyterLab, Binder or Voila to use it.)"
        )

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.widget._repr_mimebundle_(**kwargs)
        data, metadata = bundle if isinstance(bundle, tuple) else (bundle, {})
        return {**data, "text/plain": self.text_summary()}, metadata


# ----------------------------------------------------------------------------- controls
def _label(label: object) -> str:
    if not isinstance(label, str) or not label.strip():
        raise ValueError(f"a control needs a non-empty label, got {label!r}")
    return label


def _slider_layout(label: str) -> widgets.Layout:
    """Wide enough that the track keeps at least 200 px next to a label of any length."""
    width = int(len(label) * LABEL_PX_PER_CHAR + TRACK_PX + READOUT_PX)
    return widgets.Layout(width=f"{max(width, 420)}px", max_width="100%", margin=_MARGIN)


def _check_range(label: str, low, high, step, value) -> None:
    if not (low < high and step > 0 and low <= value <= high):
        raise ValueError(f"{label!r}: need min < max, step > 0 and min <= value <= max; got "
                         f"min={low}, max={high}, step={step}, value={value}")  # fmt: skip


def slider(label: str, min: float, max: float, step: float, value: float, fmt: str = ".2f"):
    """A float slider that updates once per drag; ``fmt`` is its readout (e.g. ``".0f"``).

    >>> slider("Oil price (USD/bbl)", 20, 120, 5, 60).value
    60.0
    """
    _check_range(_label(label), min, max, step, value)
    return widgets.FloatSlider(
        value=value, min=min, max=max, step=step, description=label, readout_format=fmt,
        continuous_update=False, style={"description_width": "initial"},
        layout=_slider_layout(label),
    )  # fmt: skip


def int_slider(label: str, min: int, max: int, step: int = 1, value: int | None = None):
    """An integer slider (e.g. a year); ``value`` defaults to ``min``."""
    value = min if value is None else value
    _check_range(_label(label), min, max, step, value)
    return widgets.IntSlider(
        value=value, min=min, max=max, step=step, description=label, continuous_update=False,
        style={"description_width": "initial"}, layout=_slider_layout(label),
    )  # fmt: skip


def _choice(label: str, options: Sequence, value: object) -> object:
    _label(label)
    if isinstance(options, str) or not options:
        raise ValueError(f"{label!r}: options must be a non-empty list, got {options!r}")
    values = [o[1] if isinstance(o, tuple) else o for o in options]
    value = values[0] if value is None else value
    if value not in values:
        raise ValueError(f"{label!r}: {value!r} is not one of {values}")
    return value


def dropdown(label: str, options: Sequence, value: object = None) -> widgets.Dropdown:
    """A dropdown of values or ``(text, value)`` pairs; the default is the first option."""
    return widgets.Dropdown(
        options=list(options), value=_choice(label, options, value), description=label,
        style={"description_width": "initial"},
        layout=widgets.Layout(width="max-content", min_width="220px", margin=_MARGIN),
    )  # fmt: skip


def toggle_buttons(label: str, options: Sequence, value: object = None) -> widgets.ToggleButtons:
    """A row of mutually exclusive buttons (2-5 choices)."""
    return widgets.ToggleButtons(
        options=list(options), value=_choice(label, options, value), description=label,
        style={"description_width": "initial", "button_width": "auto"},
        layout=widgets.Layout(margin=_MARGIN),
    )  # fmt: skip


def select_multiple(label: str, options: Sequence, value: Sequence = ()) -> widgets.SelectMultiple:
    """A list box allowing several choices (Ctrl/Cmd-click); its value is a tuple."""
    for v in value:
        _choice(label, options, v)
    return widgets.SelectMultiple(
        options=list(options), value=tuple(value), rows=min(len(options), 6), description=label,
        style={"description_width": "initial"},
        layout=widgets.Layout(width="max-content", min_width="220px", margin=_MARGIN),
    )  # fmt: skip


def toggle(label: str, value: bool = False, button: bool = False) -> widgets.ValueWidget:
    """An on/off control: a checkbox, or a toggle button with ``button=True``."""
    _label(label)
    if not isinstance(value, bool):
        raise TypeError(f"{label!r}: value must be True or False, got {value!r}")
    layout = widgets.Layout(width="max-content", margin=_MARGIN)
    if button:
        return widgets.ToggleButton(value=value, description=label, tooltip=label, layout=layout)
    return widgets.Checkbox(value=value, description=label, indent=False, layout=layout)


#: ``{(lesson number, widget name): builder}``, filled when ``utils.lessons`` modules import.
REGISTRY: dict[tuple[str, str], Callable[[], LiveView]] = {}


def register(name: str) -> Callable:
    """Record a zero-argument widget builder under ``(lesson number, name)``.

    The lesson number comes from the module's file name (``utils/lessons/l04_pipelines.py``
    registers for lesson ``"04"``), so the benchmark and the browser tests find every widget.
    """

    def decorator(builder: Callable[[], LiveView]) -> Callable[[], LiveView]:
        match = re.search(r"\.l(\d\d)_", builder.__module__ + ".")
        if not match:
            raise ValueError(f"register is for utils/lessons/lNN_*.py, not {builder.__module__}")
        REGISTRY[(match.group(1), name)] = builder
        return builder

    return decorator


def discover_widgets() -> list[tuple[str, str]]:
    """Import every ``utils/lessons/lNN_*.py`` module; return the registered keys, sorted."""
    package = importlib.import_module("utils.lessons")
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if re.fullmatch(r"l\d\d_\w+", info.name):
            importlib.import_module(f"utils.lessons.{info.name}")
    return sorted(REGISTRY)
