"""Self-check helpers for lesson exercises: friendly feedback instead of a bare True/False.

A student replaces ``...`` with an answer and runs the cell. The checker never raises on the
student's answer (a traceback in week one teaches the wrong lesson): a missing, mistyped or
wrong answer gets a sentence saying what is wrong and, where the author gave one, a hint.
Mistakes in the *exercise definition* (the expected value, the options) do raise, because
they are the author's to fix before class.

Wrong answers are told which way they are off, never the expected value, so the exercise
still has to be solved.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

NOT_ANSWERED = "You have not answered yet: replace the `...` with your answer and run the cell."


@dataclass(frozen=True)
class Feedback:
    """The verdict on one answer. Displays as a sentence in a notebook."""

    correct: bool
    message: str
    hint: str = ""

    def __bool__(self) -> bool:  # lets authors write ``assert check_number(...)``
        return self.correct

    def _text(self) -> str:
        if self.hint and not self.correct:
            return f"{self.message} Hint: {self.hint}"
        return self.message

    def __repr__(self) -> str:
        return self._text()

    __str__ = __repr__

    def _repr_markdown_(self) -> str:
        head, _, rest = self.message.partition(":")
        text = f"**{head}:**{rest}" if rest else self.message
        if self.hint and not self.correct:
            text += f"  \n*Hint:* {self.hint}"
        return text


def _not_answered(answer: object) -> bool:
    return answer is None or answer is Ellipsis


def _check_text(name: str, value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, got {type(value).__name__} {value!r}")
    return value


def _is_number(value: object) -> bool:
    return not isinstance(value, bool) and isinstance(value, int | float | np.integer | np.floating)


def _require_number(name: str, value: object, minimum: float | None = None) -> float:
    if not _is_number(value):
        raise TypeError(f"{name} must be a number, got {type(value).__name__} {value!r}")
    if math.isnan(value) or math.isinf(value):
        raise ValueError(f"{name}={value!r} must be a finite number")
    if minimum is not None and value < minimum:
        raise ValueError(f"{name}={value!r} must be >= {minimum}")
    return float(value)


def _shown(answer: object, limit: int = 60) -> str:
    """The student's answer as text for feedback, shortened; never raises.

    ``repr`` itself can fail (an int of more than 4,300 digits) or run to hundreds of
    characters (``10**400``), neither of which belongs in a one-line verdict.
    """
    try:
        text = repr(answer)
    except Exception:  # noqa: BLE001 - feedback must not raise on any answer
        text = f"<{type(answer).__name__}>"
    half = (limit - 3) // 2
    return text if len(text) <= limit else f"{text[:half]}...{text[-half:]}"


def _beyond_float_range(answer: object) -> bool:
    """A Python int too large for a float (e.g. ``10**400``): finite, but not comparable."""
    return (
        isinstance(answer, int)
        and not isinstance(answer, bool)
        and abs(answer) > sys.float_info.max
    )


def _as_student_number(answer: object) -> float | None:
    """The student's number, accepting "17", "17.0" or "17%"; None if it is not one.

    An int beyond the float range is None too (``math.isnan`` would raise OverflowError).
    """
    if isinstance(answer, str):
        try:
            answer = float(answer.strip().rstrip("%").replace(",", ""))
        except ValueError:
            return None
    if not _is_number(answer) or _beyond_float_range(answer):
        return None
    if math.isnan(answer) or math.isinf(answer):
        return None
    return float(answer)


def _decimals(tolerance: float) -> int:
    """Enough decimals to show the tolerance: 0.5 -> 1, 0.01 -> 2, 5 -> 0."""
    if tolerance <= 0:
        return 2
    return max(0, min(6, -math.floor(math.log10(tolerance))))


def check_number(
    answer: object, expected: float, tolerance: float, unit: str = "", hint: str = ""
) -> Feedback:
    """Is ``answer`` within ``tolerance`` of ``expected``? ``unit`` is shown after numbers.

    With ``unit="%"`` the tolerance is read as percentage points, and an answer given as a
    fraction (0.17 for 17%) gets a targeted hint.
    """
    expected = _require_number("expected", expected)
    tolerance = _require_number("tolerance", tolerance, minimum=0.0)
    unit, hint = _check_text("unit", unit), _check_text("hint", hint)
    if _not_answered(answer):
        return Feedback(False, NOT_ANSWERED, hint)
    d = _decimals(tolerance)
    tol_unit = " pp" if unit == "%" else unit
    if _beyond_float_range(answer):  # a number, just far too large in size to be the answer
        direction = "too high" if answer > 0 else "too low"
        return Feedback(
            False,
            f"Not yet: {_shown(answer)} is {direction} (by more than {tolerance:g}{tol_unit}).",
            hint,
        )
    value = _as_student_number(answer)
    if value is None:
        return Feedback(
            False, f"Not yet: {_shown(answer)} is not a number; type digits, e.g. 12.5.", hint
        )
    shown = f"{value:,.{d}f}{unit}"
    if abs(value - expected) <= tolerance + 1e-12:
        return Feedback(
            True, f"Correct: {shown} is within {tolerance:g}{tol_unit} of {expected:,.{d}f}{unit}."
        )
    if unit == "%" and abs(value * 100 - expected) <= tolerance + 1e-12:
        return Feedback(
            False,
            f"Not yet: {shown} looks like a fraction; the answer is asked for in percent.",
            "multiply the fraction by 100.",
        )
    direction = "too low" if value < expected else "too high"
    return Feedback(
        False, f"Not yet: {shown} is {direction} (by more than {tolerance:g}{tol_unit}).", hint
    )


def _norm(text: object) -> str:
    try:
        text = str(text)
    except Exception:  # noqa: BLE001 - e.g. an int of more than 4,300 digits; never raise
        text = _shown(text)
    return " ".join(text.split()).casefold()


def check_choice(
    answer: object,
    correct: str,
    options: Sequence[str],
    explanations: Mapping[str, str] | None = None,
    hint: str = "",
) -> Feedback:
    """Is ``answer`` the ``correct`` one of ``options``? Case and spacing are ignored.

    ``explanations`` (option -> why it is right or wrong) is shown after the verdict, so a wrong
    choice still teaches something.
    """
    if isinstance(options, str) or not isinstance(options, Sequence):
        raise TypeError(f"options must be a list of strings, got {type(options).__name__}")
    options = [_check_text("each option", option) for option in options]
    if not options:
        raise ValueError("options is empty: give at least two choices")
    if len({_norm(o) for o in options}) != len(options):
        raise ValueError(f"options must be distinct, got {options}")
    correct = _check_text("correct", correct)
    if correct not in options:
        raise ValueError(f"correct={correct!r} is not one of the options {options}")
    explanations = {} if explanations is None else explanations
    if not isinstance(explanations, Mapping):
        raise TypeError(f"explanations must be a dict option -> text, got {explanations!r}")
    unknown = [key for key in explanations if key not in options]
    if unknown:
        raise ValueError(f"explanations name unknown option(s) {unknown}; options: {options}")
    hint = _check_text("hint", hint)
    if _not_answered(answer):
        return Feedback(False, NOT_ANSWERED, hint)
    matches = [option for option in options if _norm(option) == _norm(answer)]
    if not matches:
        listed = "; ".join(options)
        return Feedback(
            False, f"Not yet: {_shown(answer)} is not one of the options ({listed}).", hint
        )
    chosen = matches[0]
    why = f" {explanations[chosen]}" if chosen in explanations else ""
    if chosen == correct:
        return Feedback(True, f"Correct: {chosen}.{why}")
    return Feedback(False, f"Not yet: {chosen} is not the best answer.{why}", hint)


def check_year(answer: object, expected: int, tolerance: int = 0, hint: str = "") -> Feedback:
    """Is ``answer`` the year ``expected`` (give or take ``tolerance`` years)?"""
    for name, value in (("expected", expected), ("tolerance", tolerance)):
        if isinstance(value, bool) or not isinstance(value, int | np.integer):
            raise TypeError(f"{name} must be an integer, got {value!r}")
    if tolerance < 0:
        raise ValueError(f"tolerance={tolerance!r} must be >= 0 years")
    hint = _check_text("hint", hint)
    if _not_answered(answer):
        return Feedback(False, NOT_ANSWERED, hint)
    value = _as_student_number(answer)
    if value is None or value != int(value):
        return Feedback(
            False, f"Not yet: {_shown(answer)} is not a year; type four digits, e.g. 1999.", hint
        )
    year = int(value)
    if abs(year - expected) <= tolerance:
        within = (
            f" (within {tolerance} year{'s' if tolerance != 1 else ''} of {expected})"
            if tolerance
            else ""
        )
        return Feedback(True, f"Correct: {year}{within}.")
    direction = "too early" if year < expected else "too late"
    return Feedback(False, f"Not yet: {year} is {direction}.", hint)


def check_set(
    answer: object, expected: Iterable[str], hint: str = "", item_name: str = "items"
) -> Feedback:
    """Does ``answer`` (a list or set of names) contain exactly the ``expected`` names?

    Order, case and spacing do not matter. A wrong answer is told how many are right, missing
    and extra, but not which.
    """
    if isinstance(expected, str) or not isinstance(expected, Iterable):
        raise TypeError(f"expected must be a list or set of strings, got {expected!r}")
    wanted = {_norm(_check_text("each expected item", item)) for item in expected}
    if not wanted:
        raise ValueError("expected is empty: give at least one item")
    hint, item_name = _check_text("hint", hint), _check_text("item_name", item_name)
    if _not_answered(answer):
        return Feedback(False, NOT_ANSWERED, hint)
    not_a_list = Feedback(False, f'Not yet: give a list of {item_name}, e.g. ["a", "b"].', hint)
    if isinstance(answer, str) or not isinstance(answer, Iterable):
        return not_a_list
    try:
        items = list(answer)
    except TypeError:  # e.g. a 0-d numpy array: Iterable by its type, but not iterable
        return not_a_list
    given = {_norm(item) for item in items}
    if given == wanted:
        return Feedback(True, f"Correct: all {len(wanted)} {item_name}.")
    right, missing, extra = len(given & wanted), len(wanted - given), len(given - wanted)
    return Feedback(
        False,
        f"Not yet: {right} of your {len(given)} {item_name} are right; "
        f"{missing} missing, {extra} that do not belong.",
        hint,
    )
