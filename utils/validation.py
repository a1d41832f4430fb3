"""Shared input checks for the models, so every lever fails with the same clear message."""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np


def check_bounded_number(
    name: str,
    value: object,
    bounds: Mapping[str, tuple[float, float]],
    optional: bool = False,
) -> float | None:
    """Return ``value`` as a float if it is a number within ``bounds[name]`` (inclusive).

    Booleans are refused even though Python counts them as integers: a slider or a student
    passing ``True`` for a growth rate is a mistake worth naming. ``None`` is accepted only when
    ``optional`` (meaning "take the default from the data").
    """
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        allowed = "a number or None" if optional else "a number"
        raise TypeError(f"{name} must be {allowed}, got {type(value).__name__} {value!r}")
    low, high = bounds[name]
    if math.isnan(value) or not low <= value <= high:
        raise ValueError(f"{name}={value!r} is outside the allowed range [{low}, {high}]")
    return float(value)
