""" "Your turn" coding tasks: a student computes a value, a :class:`Task` checks it.

How a task looks in a lesson (four cells, see ``docs/ADDING_A_LESSON.md``)::

    # 1. markdown: the task, the table to use, the unit
    # 2. code, tagged your-turn:
    share_2019 = ...  # China's share of Russia's 2019 trade, in %
    # 3. code: the check
    check.share_2019(share_2019=share_2019)
    # 4. code, tagged solution: a worked replacement of cell 2

and in ``utils/exercises/l02.py``, where ``check`` comes from
(``from utils.exercises import l02 as check``)::

    @task(level="core", asks="China's share of Russia's 2019 trade (%)", tolerance=0.1)
    def share_2019():
        trade = data.load("russia_trade_by_partner")   # the expected answer, computed
        ...
        return {"share_2019": value}

Why checks compare values, not code: any correct method passes (a loop, ``.loc``, a
``groupby``), and the feedback talks about the answer ("too high", "2 years missing"), never
the expected value itself, so the task still has to be solved. Feedback never raises on a
student's answer: a traceback in week one teaches the wrong lesson. Each expected value is
computed from ``utils.data`` when checked, so the instructor's answer key
(``python -m utils.exercises.key``) is generated from the same code.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

import numpy as np
import pandas as pd

from utils.exercises.core import Feedback, _norm, _shown

LEVELS = ("core", "stretch", "challenge")
NOT_ANSWERED = "not answered yet"


class Task:
    """A checked coding task: ``expected()`` returns ``{variable name: expected value}``.

    ``tolerance`` is an absolute tolerance for numbers (one value, or one per variable;
    default: exact for integers such as years and counts, 0.1% of the value otherwise).
    Strings match ignoring case and spacing; a list or set matches as a set; a Series or
    DataFrame matches label by label (values within the tolerance; the order of rows and
    columns does not matter).
    """

    def __init__(
        self,
        expected: Callable[[], dict],
        level: str,
        asks: str,
        tolerance: float | Mapping[str, float] | None = None,
        hints: Mapping[str, str] | None = None,
    ) -> None:
        if level not in LEVELS:
            raise ValueError(f"level must be one of {LEVELS}, got {level!r}")
        self.expected, self.level, self.asks = expected, level, asks
        self.name = expected.__name__
        self.tolerance = tolerance
        self.hints = dict(hints or {})

    def __repr__(self) -> str:
        return f"<Task {self.name} ({self.level}): {self.asks}>"

    def __call__(self, **answers: object) -> Feedback:
        """Check the student's variables; returns feedback that starts with "Correct" if right."""
        wanted = self.expected()
        missing = [name for name in wanted if name not in answers]
        if missing:  # the check cell itself is wrong: the author's bug, so it raises
            raise TypeError(f"{self.name}: pass {', '.join(f'{n}=...' for n in missing)}")
        lines, ok = [], True
        for name, expected in wanted.items():
            good, text = compare(answers[name], expected, self._tolerance(name, expected))
            ok &= good
            if not good and name in self.hints:
                text += f" Hint: {self.hints[name]}"
            lines.append(f"`{name}`: {text}")
        if ok:
            return Feedback(True, "Correct: " + "; ".join(lines))
        if all(answers[n] is Ellipsis or answers[n] is None for n in wanted):
            return Feedback(
                False, f"Not answered yet: replace each `...` and run the cell ({self.asks})."
            )
        return Feedback(False, "Not yet: " + "; ".join(lines))

    def _tolerance(self, name: str, expected: object) -> float | None:
        if isinstance(self.tolerance, Mapping):
            return self.tolerance.get(name)
        return self.tolerance


def task(level: str, asks: str, tolerance=None, hints=None) -> Callable[[Callable], Task]:
    """Decorator: turn a function returning the expected values into a :class:`Task`."""
    return lambda expected: Task(expected, level, asks, tolerance, hints)


def tasks_in(module) -> list[Task]:
    """The tasks a lesson's checker module defines, in the order they are written."""
    return [value for value in vars(module).values() if isinstance(value, Task)]


# ----------------------------------------------------------------------------- comparing
def _default_tolerance(expected: float) -> float:
    return max(1e-9, 1e-3 * abs(expected))


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        return None
    try:
        value = float(value)
    except OverflowError:
        return None
    return None if math.isnan(value) or math.isinf(value) else value


def compare(answer: object, expected: object, tolerance: float | None = None) -> tuple[bool, str]:
    """``(right?, a sentence)`` for one student value; never raises on the answer."""
    if answer is Ellipsis or answer is None:
        return False, NOT_ANSWERED
    try:
        return _compare(answer, expected, tolerance)
    except Exception as exc:  # noqa: BLE001 - a student's odd object must not crash the check
        return False, f"could not be checked ({type(exc).__name__}: {_shown(exc, 80)})"


def _compare(answer: object, expected: object, tolerance: float | None) -> tuple[bool, str]:
    if isinstance(expected, bool | np.bool_):
        if not isinstance(answer, bool | np.bool_):
            return False, f"should be True or False, got {_shown(answer)}"
        return (bool(answer) == bool(expected)), ("right" if answer == expected else "not right")
    if isinstance(expected, str):
        if not isinstance(answer, str):
            return False, f"should be text (a str), got {type(answer).__name__}"
        good = _norm(answer) == _norm(expected)
        return good, (f"{answer!r}" if good else f"{_shown(answer)} is not the answer")
    if isinstance(expected, pd.DataFrame | pd.Series):
        return _compare_table(answer, expected, tolerance)
    if isinstance(expected, list | tuple | set | frozenset):
        if isinstance(answer, str) or not isinstance(answer, list | tuple | set | frozenset):
            return False, f"should be a list, got {type(answer).__name__}"
        want, got = {_norm(x) for x in expected}, {_norm(x) for x in answer}
        if want == got:
            return True, f"all {len(want)} right"
        return False, (
            f"{len(got & want)} of {len(got)} right, {len(want - got)} missing, "
            f"{len(got - want)} that do not belong"
        )
    value, target = _number(answer), _number(expected)
    if target is None:
        raise TypeError(f"Task definition: cannot compare with {type(expected).__name__}")
    if value is None:
        if isinstance(answer, pd.Series | pd.DataFrame) and answer.size == 1:
            value = _number(answer.to_numpy().ravel()[0])
        if value is None:
            return False, f"should be a number, got {type(answer).__name__} {_shown(answer)}"
    exact = isinstance(expected, int | np.integer)  # a count or a year: no rounding slack
    tol = (0 if exact else _default_tolerance(target)) if tolerance is None else tolerance
    shown = _format(value)
    if abs(value - target) <= tol + 1e-12:
        return True, shown
    if target and abs(value * 100 - target) <= tol and abs(target) > 1:
        return False, f"{shown} looks like a fraction; the task asks for percent"
    return False, f"{shown} is too {'low' if value < target else 'high'}"


def _format(value: float) -> str:
    """A number as a person writes it: years without a comma, others to 4 figures."""
    if value.is_integer() and abs(value) < 10_000:
        return str(int(value))
    return f"{value:,.1f}" if abs(value) >= 1_000 else f"{value:.4g}"


def _labels(index: pd.Index) -> list[str]:
    return [str(label) for label in index]


def _compare_table(answer: object, expected, tolerance: float | None) -> tuple[bool, str]:
    kind = type(expected).__name__
    if isinstance(expected, pd.Series) and isinstance(answer, pd.DataFrame):
        if answer.shape[1] == 1:
            answer = answer.iloc[:, 0]
    if not isinstance(answer, type(expected)):
        return False, f"should be a pandas {kind}, got {type(answer).__name__}"
    want, got = _labels(expected.index), _labels(answer.index)
    if set(want) != set(got):
        missing, extra = len(set(want) - set(got)), len(set(got) - set(want))
        return False, f"rows differ: {missing} missing, {extra} that do not belong"
    answer = answer.set_axis(got, axis=0)
    expected = expected.set_axis(want, axis=0)
    if isinstance(expected, pd.DataFrame):
        wcols, gcols = _labels(expected.columns), _labels(answer.columns)
        if set(wcols) != set(gcols):
            return False, f"columns should be {sorted(wcols)}, got {sorted(gcols)}"
        answer = answer.set_axis(gcols, axis=1)[wcols]
        expected = expected.set_axis(wcols, axis=1)
        pairs = [(answer[c], expected[c]) for c in wcols]
    else:
        pairs = [(answer, expected)]
    wrong = 0
    for got_col, want_col in pairs:
        got_col = got_col.loc[want]
        for g, w in zip(got_col.tolist(), want_col.tolist(), strict=True):
            gn, wn = _number(g), _number(w)
            if wn is not None:
                tol = _default_tolerance(wn) if tolerance is None else tolerance
                wrong += gn is None or abs(gn - wn) > tol + 1e-12
            elif pd.isna(w):
                wrong += not pd.isna(g)
            else:
                wrong += _norm(g) != _norm(w)
    if wrong:
        return False, f"{wrong} of {expected.size} values are not right"
    return True, f"all {expected.size} values right"
