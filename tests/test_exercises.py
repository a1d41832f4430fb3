"""Tests for utils.exercises: friendly feedback, never an exception on a student's answer."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from utils.exercises import (
    NOT_ANSWERED,
    Feedback,
    check_choice,
    check_number,
    check_set,
    check_year,
)


def test_number_correct_sentence():
    feedback = check_number(17.04, expected=17.0, tolerance=0.5, unit="%")
    assert feedback.correct and bool(feedback)
    assert repr(feedback) == "Correct: 17.0% is within 0.5 pp of 17.0%."
    assert feedback._repr_markdown_().startswith("**Correct:** 17.0%")


def test_number_wrong_says_direction_not_answer():
    feedback = check_number(12, expected=17.0, tolerance=0.5, unit="%", hint="use 2019 data")
    assert not feedback.correct and not bool(feedback)
    assert repr(feedback) == "Not yet: 12.0% is too low (by more than 0.5 pp). Hint: use 2019 data"
    assert "17" not in feedback.message
    assert "*Hint:* use 2019 data" in feedback._repr_markdown_()
    assert "too high" in check_number(1500, 1200, 10, unit=" USD bn").message


def test_number_fraction_instead_of_percent():
    feedback = check_number(0.17, expected=17.0, tolerance=0.5, unit="%")
    assert not feedback.correct
    assert "fraction" in feedback.message and "100" in feedback.hint


@pytest.mark.parametrize("placeholder", [..., None])
def test_placeholder_is_not_an_error(placeholder):
    for feedback in (
        check_number(placeholder, 1.0, 0.1, hint="h"),
        check_choice(placeholder, "a", ["a", "b"]),
        check_year(placeholder, 2014),
        check_set(placeholder, ["x"]),
    ):
        assert not feedback.correct
        assert feedback.message == NOT_ANSWERED
        assert "not answered yet" in repr(feedback)


def test_number_accepts_strings_and_rejects_text_gently():
    assert check_number("17", 17, 0.5).correct
    assert check_number("1,200", 1200, 1).correct
    assert check_number("17%", 17, 0.5, unit="%").correct
    feedback = check_number("about seventeen", 17, 0.5)
    assert not feedback.correct and "is not a number" in feedback.message
    assert not check_number(float("nan"), 17, 0.5).correct
    assert not check_number(True, 1, 0.5).correct


@settings(deadline=None)  # timing varies on a busy machine
@given(st.one_of(st.none(), st.text(), st.integers(), st.floats(), st.lists(st.integers())))
def test_checkers_never_raise_on_student_answers(answer):
    for feedback in (
        check_number(answer, 17.0, 0.5, unit="%"),
        check_choice(answer, "a", ["a", "b"]),
        check_year(answer, 2014),
        check_set(answer, ["x", "y"]),
    ):
        assert isinstance(feedback, Feedback)
        assert repr(feedback)


def test_choice():
    options = ["romantic triangle", "stable marriage", "unit veto"]
    explanations = {"unit veto": "Two lines are positive here, so it cannot be unit veto."}
    right = check_choice(" Romantic  Triangle ", "romantic triangle", options, explanations)
    assert right.correct and repr(right) == "Correct: romantic triangle."
    wrong = check_choice("unit veto", "romantic triangle", options, explanations, hint="count")
    assert repr(wrong) == (
        "Not yet: unit veto is not the best answer. Two lines are positive here, so it cannot "
        "be unit veto. Hint: count"
    )
    unknown = check_choice("ménage", "romantic triangle", options)
    assert "is not one of the options" in unknown.message


def test_year():
    assert repr(check_year(2014, 2014)) == "Correct: 2014."
    assert repr(check_year(2015, 2014, tolerance=1)) == "Correct: 2015 (within 1 year of 2014)."
    assert repr(check_year("2012", 2014)) == "Not yet: 2012 is too early."
    assert repr(check_year(2016.0, 2014)) == "Not yet: 2016 is too late."
    assert "is not a year" in check_year(2014.5, 2014).message


def test_set():
    assert repr(check_set(["eu", "CHN"], ["CHN", "EU"], item_name="partners")) == (
        "Correct: all 2 partners."
    )
    feedback = check_set(["CHN", "IND"], ["CHN", "EU", "USA"], item_name="partners")
    assert feedback.message == (
        "Not yet: 1 of your 2 partners are right; 2 missing, 1 that do not belong."
    )
    assert "give a list" in check_set("CHN", ["CHN"]).message


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: check_number(1, "17", 0.5), TypeError, "expected must be a number"),
        (lambda: check_number(1, 17, -1), ValueError, "tolerance=-1 must be >= 0"),
        (lambda: check_number(1, float("inf"), 1), ValueError, "expected=inf"),
        (lambda: check_number(1, 17, 1, unit=5), TypeError, "unit must be a str"),
        (lambda: check_choice("a", "c", ["a", "b"]), ValueError, "correct='c' is not one of"),
        (lambda: check_choice("a", "a", "ab"), TypeError, "options must be a list"),
        (lambda: check_choice("a", "a", []), ValueError, "options is empty"),
        (lambda: check_choice("a", "a", ["a", "A"]), ValueError, "options must be distinct"),
        (lambda: check_choice("a", "a", ["a"], {"z": "?"}), ValueError, "unknown option"),
        (lambda: check_year(2014, "2014"), TypeError, "expected must be an integer"),
        (lambda: check_year(2014, 2014, -1), ValueError, "tolerance=-1"),
        (lambda: check_set(["a"], "abc"), TypeError, "expected must be a list"),
        (lambda: check_set(["a"], []), ValueError, "expected is empty"),
    ],
)
def test_author_mistakes_raise(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_zero_tolerance_and_bad_explanations():
    assert repr(check_number(5, 5, 0)) == "Correct: 5.00 is within 0 of 5.00."
    with pytest.raises(TypeError, match="explanations must be a dict"):
        check_choice("a", "a", ["a", "b"], explanations=["a"])
