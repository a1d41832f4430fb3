"""Wiring between ipywidgets controls and pure render functions.

Why this layer exists
---------------------
Lesson widgets should be thin: a *pure* function turns parameter values into a
:class:`~utils.plotting.Chart` (testable without a browser), and :class:`LiveView` does the
rest -- lays out labelled controls, re-renders on every change, shows errors as a friendly
message while keeping the last good chart, writes the caption (alt text) and measures how long
each redraw took. Building every widget the same way keeps them accessible (every control has
a visible label) and lets the benchmark and browser tests find them all through
:data:`REGISTRY`.

Example (a topic module such as ``utils/widgets/trade.py``)::

    from utils.plotting import line_chart
    from utils.widgets.core import LiveView, dropdown, int_slider, register

    def render_shares(partner: str, start: int):      # pure: values in, Chart out
        frame = ...                                     # computed from utils.data
        return line_chart(frame.loc[start:], ...)

    @register("02_pivot_to_the_east", "trade_explorer")
    def trade_explorer() -> LiveView:
        return LiveView(
            {"partner": dropdown("Partner", ["CHN", "EU"], "CHN"),
             "start": int_slider("First year", 1995, 2020, 1, 2000)},
            render_shares,
            title="Who does Russia trade with?",
        )

In a notebook cell, ``trade_explorer()`` displays the widget. A render function may also
return ``(chart, note)``: the note (e.g. a key number in words; an HTML fragment) is shown
under the chart.
Speed: the view re-renders on every change and the budget is 100 ms (p95, kernel side), which a
chart rebuilt from scratch misses on a slow machine (a bare matplotlib plot takes ~110 ms
there, and each discarded figure leaves ~10k objects for the garbage collector). So the lesson
widgets' render functions return charts drawn by blitting a cached layout
(:mod:`utils.plotting.blit`). A render function that builds a new ``Chart`` each call also
works; the view keeps only the chart on screen, so replaced figures are garbage-collected.
"""

from __future__ import annotations

import base64
import html
import importlib
import inspect
import pkgutil
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import ipywidgets as widgets

from utils.plotting.style import PALETTE, Chart

__all__ = [
    "REGISTRY",
    "LiveView",
    "discover_widgets",
    "dropdown",
    "int_slider",
    "register",
    "registered",
    "select_multiple",
    "slider",
    "toggle",
    "toggle_buttons",
]

_LABEL_STYLE = {"description_width": "initial"}
_ERROR_COLOR = PALETTE["vermillion"]
#: Space right of and below each control, so wrapped rows of controls stay readable.
_MARGIN = "2px 24px 4px 0"

RenderResult = Chart | tuple[Chart, str]


# ----------------------------------------------------------------------------- LiveView
class LiveView:
    """Labelled controls + a chart that re-renders whenever a control changes.

    Parameters
    ----------
    controls:
        ``{parameter name: widget}``; each name must be a keyword of ``render`` and each widget
        needs a non-empty ``description`` (its visible label). Use the factories below.
    render:
        Pure function called as ``render(**{name: widget.value})``; returns a ``Chart`` or
        ``(Chart, note)``. The note is an HTML fragment shown under the chart (plain text is
        fine; escape data-derived text with :func:`html.escape`). ``ValueError``/``TypeError``
        raised by render are shown (escaped, without traceback) as a message and the previous
        chart stays; other exceptions propagate (they are bugs).
    title, description:
        Heading shown above the controls and an optional sentence under it.

    Attributes
    ----------
    widget: the ``VBox`` to display. ``last_chart``: the chart on screen (``None`` if the
    first render failed). ``message``: text in the message area ("" if none). ``timings``:
    seconds taken by each render-and-show, in order, starting with the initial render.

    >>> from utils.plotting import new_chart, Chart
    >>> def render(n):
    ...     fig, ax = new_chart(f"n = {n}", "", "", source="example")
    ...     return Chart(fig, f"A chart for n = {n}.")
    >>> view = LiveView({"n": int_slider("Number", 1, 5, 1, 2)}, render)
    >>> view.last_chart.description
    'A chart for n = 2.'
    >>> view.set(n=4); view.caption.value.endswith("A chart for n = 4.</em></p>")
    True
    """

    def __init__(
        self,
        controls: Mapping[str, widgets.ValueWidget],
        render: Callable[..., RenderResult],
        title: str = "",
        description: str = "",
    ) -> None:
        if not isinstance(controls, Mapping):
            raise TypeError(
                f"controls must be a dict name -> widget, got {type(controls).__name__}"
            )
        if not callable(render):
            raise TypeError(f"render must be callable, got {type(render).__name__}")
        for name, control in controls.items():
            if not isinstance(name, str) or not name.isidentifier():
                raise ValueError(f"control name {name!r} must be a valid Python identifier")
            if not isinstance(control, widgets.ValueWidget):
                raise TypeError(
                    f"control {name!r} must be an ipywidgets ValueWidget, "
                    f"got {type(control).__name__}"
                )
            if not str(getattr(control, "description", "")).strip():
                raise ValueError(
                    f"control {name!r} has no description: every control needs a visible label"
                )
        try:
            inspect.signature(render).bind(**dict.fromkeys(controls))
        except TypeError as exc:
            raise TypeError(
                f"render{inspect.signature(render)} cannot take the controls "
                f"{list(controls)}: {exc}"
            ) from None
        except ValueError:  # builtins without a signature: nothing to check
            pass
        for name, text in (("title", title), ("description", description)):
            if not isinstance(text, str):
                raise TypeError(f"{name} must be a str, got {type(text).__name__}")

        self.controls: dict[str, widgets.ValueWidget] = dict(controls)
        self.render = render
        self.title = title
        self.description = description
        self.timings: list[float] = []
        self.last_chart: Chart | None = None
        self.message: str = ""
        self._hold = False

        heading = []
        if title:
            heading.append(f"<h3 style='margin:0.2em 0'>{html.escape(title)}</h3>")
        if description:
            heading.append(f"<p style='margin:0.2em 0'>{html.escape(description)}</p>")
        self.header = widgets.HTML("".join(heading))
        self.controls_box = widgets.Box(
            list(self.controls.values()),
            layout=widgets.Layout(display="flex", flex_flow="row wrap", align_items="center"),
        )
        self.output = widgets.Output(layout=widgets.Layout(min_height="200px"))
        self.message_area = widgets.HTML("")
        self.caption = widgets.HTML("")
        self.widget = widgets.VBox(
            [self.header, self.controls_box, self.output, self.message_area, self.caption],
            layout=widgets.Layout(width="100%", max_width="1000px"),
        )
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self.update()

    # -- public API ------------------------------------------------------------------------
    @property
    def values(self) -> dict[str, Any]:
        """Current control values, by parameter name."""
        return {name: control.value for name, control in self.controls.items()}

    def update(self) -> None:
        """Re-render with the current control values and show the result (or the error)."""
        start = time.perf_counter()
        try:
            result = self.render(**self.values)
            chart, note = _split_result(result)
        except (ValueError, TypeError) as exc:
            self._show_message(str(exc) or type(exc).__name__, error=True)
        else:
            self._show_chart(chart)
            self._show_message(note, error=False)
        self.timings.append(time.perf_counter() - start)

    def set(self, **values: Any) -> None:
        """Change several controls at once (as a user would), then re-render once.

        >>> # view.set(partner="EU", start=2005)
        """
        unknown = [k for k in values if k not in self.controls]
        if unknown:
            raise ValueError(f"unknown control(s) {unknown}; controls are {list(self.controls)}")
        before = self.values
        self._hold = True
        try:
            for name, value in values.items():
                self.controls[name].value = value
        finally:
            self._hold = False
        if self.values != before:
            self.update()

    def text_summary(self) -> str:
        """Stable plain-text stand-in for the widget: title and the current chart's description.

        Used as the ``text/plain`` output, which is what nbval compares. The default widget
        repr would embed every child's state, including the base64 PNG, which changes with
        the matplotlib version.
        """
        chart = self.last_chart.description if self.last_chart else "(no chart)"
        return f"Interactive widget: {self.title or 'untitled'}. {chart}"

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.widget._repr_mimebundle_(**kwargs)
        data, metadata = bundle if isinstance(bundle, tuple) else (bundle, None)
        data = {**data, "text/plain": self.text_summary()}
        return (data, metadata) if metadata is not None else data

    def _ipython_display_(self) -> None:
        from IPython.display import display

        bundle = self._repr_mimebundle_()
        data, metadata = bundle if isinstance(bundle, tuple) else (bundle, {})
        display(data, metadata=metadata, raw=True)

    # -- internals -------------------------------------------------------------------------
    def _on_change(self, _change: dict) -> None:
        if not self._hold:
            self.update()

    def _show_chart(self, chart: Chart) -> None:
        png = base64.b64encode(chart.to_png()).decode("ascii")
        # Replacing the Output's outputs in one assignment swaps the image atomically (no
        # flicker, same effect as clear_output(wait=True) + display) and works without a
        # kernel, e.g. in tests and in the benchmark.
        self.output.outputs = (
            {
                "output_type": "display_data",
                "data": {"image/png": png, "text/plain": chart.description},
                "metadata": {"image/png": {"alt": chart.description}},
            },
        )
        self.caption.value = (
            f"<p style='margin:0.2em 0'><em>Figure: {html.escape(chart.description)}</em></p>"
        )
        # Release the previous chart by dropping the only reference the view holds. Figures
        # from new_chart are not registered with pyplot, so there is no global registry to
        # close them from; the garbage collector frees them. (Figure.clear() would free them
        # a little sooner but cost ~15 ms per redraw; measured memory stays flat without it:
        # about +40 MB over the first 40 redraws of a line chart, then +3 MB over 20 more.)
        self.last_chart = chart

    def _show_message(self, text: str, error: bool) -> None:
        self.message = text
        if not text:
            self.message_area.value = ""
        elif error:
            self.message_area.value = (
                f"<div role='alert' style='color:{_ERROR_COLOR};font-weight:bold'>"
                f"&#9888; {html.escape(text)}</div>"
            )
        else:
            # Notes come from lesson code (trusted) and may carry simple HTML such as a list.
            self.message_area.value = f"<div role='status'>{text}</div>"


def _split_result(result: object) -> tuple[Chart, str]:
    if isinstance(result, Chart):
        return result, ""
    if (
        isinstance(result, tuple)
        and len(result) == 2
        and isinstance(result[0], Chart)
        and isinstance(result[1], str)
    ):
        return result[0], result[1]
    raise RuntimeError(f"render must return a Chart or (Chart, str), got {type(result).__name__}")


# ----------------------------------------------------------------------------- factories
def _check_label(label: object) -> str:
    if not isinstance(label, str) or not label.strip():
        raise ValueError(
            f"label must be a non-empty string (the control's visible name), got {label!r}"
        )
    return label


def _check_range(label: str, minimum, maximum, step, value) -> None:
    if not minimum < maximum:
        raise ValueError(f"{label!r}: min must be below max, got min={minimum}, max={maximum}")
    if not step > 0:
        raise ValueError(f"{label!r}: step must be positive, got {step}")
    if not minimum <= value <= maximum:
        raise ValueError(f"{label!r}: value must lie in [{minimum}, {maximum}], got {value}")


def slider(
    label: str,
    min: float,
    max: float,
    step: float,
    value: float,
    fmt: str | None = None,
) -> widgets.FloatSlider:
    """A float slider that redraws once per drag (``continuous_update=False``).

    ``fmt`` is the readout format (d3-format, e.g. ``".1f"``, ``".0%"``).

    >>> slider("Oil price (USD/bbl)", 20, 120, 5, 60).value
    60.0
    """
    _check_label(label)
    _check_range(label, min, max, step, value)
    return widgets.FloatSlider(
        value=value,
        min=min,
        max=max,
        step=step,
        description=label,
        readout_format=fmt or ".2f",
        continuous_update=False,
        style=dict(_LABEL_STYLE),
        layout=widgets.Layout(width="420px", margin=_MARGIN),
    )


def int_slider(
    label: str, min: int, max: int, step: int = 1, value: int | None = None
) -> widgets.IntSlider:
    """An integer slider (e.g. years); ``value`` defaults to ``min``.

    >>> int_slider("First year", 1995, 2020, 1, 2000).value
    2000
    """
    _check_label(label)
    value = min if value is None else value
    for name, v in (("min", min), ("max", max), ("step", step), ("value", value)):
        if isinstance(v, bool) or not isinstance(v, int):
            raise TypeError(f"{label!r}: {name} must be an int, got {v!r}")
    _check_range(label, min, max, step, value)
    return widgets.IntSlider(
        value=value,
        min=min,
        max=max,
        step=step,
        description=label,
        continuous_update=False,
        style=dict(_LABEL_STYLE),
        layout=widgets.Layout(width="420px", margin=_MARGIN),
    )


def _option_values(label: str, options: Sequence) -> list:
    if isinstance(options, str) or not isinstance(options, Sequence) or not options:
        raise ValueError(f"{label!r}: options must be a non-empty list, got {options!r}")
    values = [o[1] if isinstance(o, tuple) and len(o) == 2 else o for o in options]
    if len(set(map(repr, values))) != len(values):
        raise ValueError(f"{label!r}: options contain duplicates: {values}")
    return values


def _single_choice(label: str, options: Sequence, value: object) -> object:
    """Check label and options; return ``value`` (default: the first option) if it is one."""
    _check_label(label)
    values = _option_values(label, options)
    value = values[0] if value is None else value
    if value not in values:
        raise ValueError(f"{label!r}: value {value!r} is not one of {values}")
    return value


def dropdown(label: str, options: Sequence, value: object = None) -> widgets.Dropdown:
    """A dropdown; ``options`` are values or ``(text, value)`` pairs; default first option.

    >>> dropdown("Partner", [("China", "CHN"), ("EU", "EU")], "EU").value
    'EU'
    """
    value = _single_choice(label, options, value)
    return widgets.Dropdown(
        options=list(options),
        value=value,
        description=label,
        style=dict(_LABEL_STYLE),
        layout=widgets.Layout(width="max-content", min_width="220px", margin=_MARGIN),
    )


def toggle(label: str, value: bool = False, button: bool = False) -> widgets.ValueWidget:
    """An on/off control: a Checkbox (default) or a ToggleButton (``button=True``).

    >>> toggle("Show projection", True).value
    True
    """
    _check_label(label)
    if not isinstance(value, bool):
        raise TypeError(f"{label!r}: value must be True or False, got {value!r}")
    if button:
        return widgets.ToggleButton(
            value=value,
            description=label,
            tooltip=label,
            style=dict(_LABEL_STYLE),
            layout=widgets.Layout(width="max-content", margin=_MARGIN),
        )
    return widgets.Checkbox(
        value=value,
        description=label,
        indent=False,
        style=dict(_LABEL_STYLE),
        layout=widgets.Layout(width="max-content", margin=_MARGIN),
    )


def toggle_buttons(label: str, options: Sequence, value: object = None) -> widgets.ToggleButtons:
    """A row of mutually exclusive buttons (good for 2-5 choices, e.g. a measure).

    >>> toggle_buttons("Measure", ["exports", "imports"]).value
    'exports'
    """
    value = _single_choice(label, options, value)
    return widgets.ToggleButtons(
        options=list(options),
        value=value,
        description=label,
        style={**_LABEL_STYLE, "button_width": "auto"},
        layout=widgets.Layout(margin=_MARGIN),
    )


def select_multiple(
    label: str, options: Sequence, value: Sequence = (), rows: int | None = None
) -> widgets.SelectMultiple:
    """A list box allowing several choices (Ctrl/Shift-click); ``value`` is a tuple.

    >>> select_multiple("Partners", ["CHN", "EU", "USA"], ("CHN", "EU")).value
    ('CHN', 'EU')
    """
    _check_label(label)
    values = _option_values(label, options)
    bad = [v for v in value if v not in values]
    if bad:
        raise ValueError(f"{label!r}: values {bad} are not among the options {values}")
    return widgets.SelectMultiple(
        options=list(options),
        value=tuple(value),
        rows=rows or min(len(values), 6),
        description=label,
        style=dict(_LABEL_STYLE),
        layout=widgets.Layout(width="max-content", min_width="220px", margin=_MARGIN),
    )


# ----------------------------------------------------------------------------- registry
#: ``{(lesson, name): builder}`` for every widget; filled by importing topic modules.
REGISTRY: dict[tuple[str, str], Callable[[], LiveView]] = {}


def register(lesson: str, name: str) -> Callable[[Callable[[], LiveView]], Callable[[], LiveView]]:
    """Decorator recording a zero-argument widget builder under ``(lesson, name)``.

    ``lesson`` is the notebook stem (e.g. ``"02_pivot_to_the_east"``). Registering a second,
    different builder under the same key raises ``ValueError``; re-importing the same module
    (e.g. ``importlib.reload``) replaces the entry silently.

    >>> @register("00_doctest", "demo")
    ... def demo(): ...
    >>> ("00_doctest", "demo") in REGISTRY
    True
    >>> _ = REGISTRY.pop(("00_doctest", "demo"))
    """
    for what, text in (("lesson", lesson), ("name", name)):
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"{what} must be a non-empty string, got {text!r}")

    def decorator(builder: Callable[[], LiveView]) -> Callable[[], LiveView]:
        if not callable(builder):
            raise TypeError(f"register expects a function, got {type(builder).__name__}")
        required = [
            p
            for p in inspect.signature(builder).parameters.values()
            if p.default is inspect.Parameter.empty
            and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
        ]
        if required:
            raise TypeError(
                f"widget builder {builder.__qualname__} must take no required arguments, "
                f"has {[p.name for p in required]}"
            )
        key = (lesson, name)
        existing = REGISTRY.get(key)
        if existing is not None and _identity(existing) != _identity(builder):
            raise ValueError(
                f"widget {key} is already registered by {_identity(existing)}; "
                f"pick another name for {_identity(builder)}"
            )
        REGISTRY[key] = builder
        return builder

    return decorator


def _identity(func: Callable) -> str:
    return f"{getattr(func, '__module__', '?')}.{getattr(func, '__qualname__', repr(func))}"


def registered() -> list[tuple[str, str]]:
    """Registered ``(lesson, name)`` keys in sorted (deterministic) order."""
    return sorted(REGISTRY)


def discover_widgets() -> list[tuple[str, str]]:
    """Import every ``utils.widgets.<topic>`` module so its builders register; return keys.

    Modules are found with :func:`pkgutil.iter_modules` and imported in name order.
    """
    package = importlib.import_module("utils.widgets")
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.name != "core" and not info.name.startswith("_"):
            importlib.import_module(f"utils.widgets.{info.name}")
    return registered()
