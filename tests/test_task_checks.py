"""The "your turn" checker: any correct method passes, every mistake gets a sentence.

What a student may hand in is anything at all; the checker must never raise on it, must
accept a right answer however it was computed (a Series or a one-column DataFrame, an int
or a float, labels as numbers or as text), and must say what is wrong without giving the
expected value away.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from utils.exercises import Feedback, Task, compare, task, tasks_in

SHARES = pd.Series({2019: 16.5, 2020: 18.4}, name="share")
TABLE = pd.DataFrame({"CHN": [16.5, 18.4], "EU": [38.5, 35.9]}, index=[2019, 2020])


@task(level="core", asks="China's share in 2019 (%)", tolerance=0.1, hints={"x": "divide"})
def share_task():
    return {"x": 16.5, "year": 2019}


def test_a_right_answer_by_any_method_is_correct():
    assert compare(16.52, 16.5, 0.1) == (True, "16.52")
    assert compare(np.float64(16.5), 16.5)[0] and compare(np.int64(2019), 2019)[0]
    assert compare(SHARES.rename("other name"), SHARES)[0]  # the Series' name does not matter
    assert compare(SHARES.to_frame(), SHARES)[0]  # a one-column frame is a Series
    assert compare(SHARES.set_axis(["2019", "2020"]), SHARES)[0]  # years as text
    assert compare(SHARES.iloc[::-1], SHARES)[0]  # order does not matter
    assert compare(TABLE[["EU", "CHN"]], TABLE)[0]  # nor the order of columns
    assert compare(pd.Series([16.5]), 16.5)[0]  # a one-value Series for a number
    assert compare(" china ", "China")[0] and compare(["EU", "CHN"], ("CHN", "EU"))[0]
    assert compare(True, True)[0] and compare(np.bool_(False), False)[0]


@pytest.mark.parametrize(
    "answer, expected, says",
    [
        (2034, 2033, "2034 is too high"),  # years are exact: no relative slack
        (0.165, 16.5, "looks like a fraction"),
        ("16.5", 16.5, "should be a number"),
        (math.nan, 16.5, "should be a number"),
        (10**400, 16.5, "should be a number"),
        (SHARES.drop(2020), SHARES, "1 missing"),
        (SHARES * 2, SHARES, "2 of 2 values are not right"),
        ([16.5, 18.4], SHARES, "should be a pandas Series"),
        (TABLE.drop(columns="EU"), TABLE, "columns should be"),
        (5, "China", "should be text"),
        ("USA", "China", "is not the answer"),
        ("yes", True, "True or False"),
        ("EU", ["EU", "CHN"], "should be a list"),
        (["EU"], ["EU", "CHN"], "1 missing"),
        (object(), 16.5, "should be a number"),
    ],
)
def test_a_wrong_answer_gets_a_sentence_not_the_answer(answer, expected, says):
    right, text = compare(answer, expected)
    assert not right and says in text
    if isinstance(expected, float) and str(expected) not in str(answer):
        assert str(expected) not in text  # the expected value is never given away


def test_odd_objects_never_raise():
    class Weird:
        def __eq__(self, other):
            raise RuntimeError("boom")

    right, text = compare(pd.Series([Weird()], index=[2019]), SHARES.iloc[:1])
    assert not right and text
    assert compare(..., 1.0) == (False, "not answered yet")
    assert compare(None, SHARES) == (False, "not answered yet")


def test_a_task_checks_every_variable_and_starts_with_correct():
    assert str(share_task(x=16.49, year=2019)).startswith("Correct")
    assert str(share_task(x=..., year=...)).startswith("Not answered")
    wrong = share_task(x=20.0, year=2019)
    assert isinstance(wrong, Feedback) and not wrong.correct
    assert "too high" in str(wrong) and "Hint: divide" in str(wrong)
    with pytest.raises(TypeError, match="pass year=..."):  # the check cell itself is wrong
        share_task(x=16.5)
    assert repr(share_task).startswith("<Task share_task (core)")


def test_tolerance_per_variable_and_levels():
    t = Task(lambda: {"a": 1.0, "b": 2.0}, "stretch", "two numbers", tolerance={"a": 0.5})
    assert t(a=1.4, b=2.0).correct and not t(a=1.0, b=2.01).correct
    with pytest.raises(ValueError, match="level must be one of"):
        Task(lambda: {}, "hard", "x")


def test_tasks_in_finds_a_modules_tasks_in_order():
    import types

    module = types.SimpleNamespace(first=share_task, other=3, second=share_task)
    assert tasks_in(module) == [share_task, share_task]
