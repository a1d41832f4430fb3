"""Interactive widgets for the lessons.

:mod:`utils.widgets.core` holds the shared machinery (:class:`LiveView`, control factories,
the :data:`REGISTRY`); topic modules such as ``utils.widgets.trade`` define one builder per
widget with ``@register(lesson, name)`` and keep their calculations in pure functions
elsewhere in ``utils``. Importing this package does not import the topic modules; call
:func:`discover_widgets` to load and list them all (the benchmark and browser tests do).
"""

from utils.widgets.core import (
    REGISTRY,
    LiveView,
    discover_widgets,
    dropdown,
    int_slider,
    register,
    registered,
    select_multiple,
    slider,
    toggle,
    toggle_buttons,
)

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
