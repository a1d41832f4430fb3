"""Tests for utils.triangle: each Dittmer type, roles consistent with signs, presets, bad input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from utils.triangle import ACTORS, PRESETS, TRIANGLE_TYPES, classify


def test_menage_a_trois():
    result = classify(0.5, 0.5, 0.5)
    assert result.kind == "ménage à trois"
    assert dict(result.roles) == {"USA": "friend", "Russia": "friend", "China": "friend"}
    assert result.neutral_lines == ()


def test_romantic_triangle_pivot_is_on_both_positive_lines():
    result = classify(us_russia=0.4, us_china=-0.6, russia_china=0.7)
    assert result.kind == "romantic triangle"
    assert dict(result.roles) == {"USA": "wing", "Russia": "pivot", "China": "wing"}
    assert result.explanation.startswith("Russia is on good terms with both USA and China")


def test_stable_marriage_partners_and_outcast():
    result = classify(us_russia=-0.6, us_china=-0.6, russia_china=0.7)
    assert result.kind == "stable marriage"
    assert dict(result.roles) == {"USA": "outcast", "Russia": "partner", "China": "partner"}
    assert dict(result.lines) == {
        "USA-Russia": "enmity",
        "USA-China": "enmity",
        "Russia-China": "amity",
    }


def test_unit_veto():
    result = classify(-0.2, -0.9, -1.0)
    assert result.kind == "unit veto"
    assert set(result.roles.values()) == {"adversary"}


def test_neutral_line_counts_as_enmity_and_is_flagged():
    result = classify(us_russia=0.05, us_china=0.5, russia_china=0.5)
    assert result.kind == "romantic triangle"  # 0.05 is inside the default band of 0.1
    assert result.roles["China"] == "pivot"
    assert result.neutral_lines == ("USA-Russia",)
    assert result.lines["USA-Russia"] == "neutral (counted as enmity)"
    assert "counted as enmity" in result.explanation
    # A narrower band makes the same score count as amity.
    assert classify(0.05, 0.5, 0.5, neutral_band=0.01).kind == "ménage à trois"
    # The band edge itself is neutral.
    assert classify(0.1, 0.5, 0.5).neutral_lines == ("USA-Russia",)


@pytest.mark.parametrize(
    "name, kind, pivot_or_outcast",
    [
        ("1969 Sino-Soviet split", "unit veto", None),
        ("1972", "romantic triangle", ("pivot", "USA")),
        ("1989", "romantic triangle", ("pivot", "Russia")),
        ("2014", "romantic triangle", ("pivot", "China")),
        ("2020", "stable marriage", ("outcast", "USA")),
        ("2022", "stable marriage", ("outcast", "USA")),
    ],
)
def test_presets(name, kind, pivot_or_outcast):
    preset = PRESETS[name]
    result = preset.classify()
    assert result.kind == kind
    if pivot_or_outcast:
        role, actor = pivot_or_outcast
        assert result.roles[actor] == role
    assert len(preset.justification) > 40
    assert any(char.isdigit() for char in preset.justification)  # cites a dated fact


scores = st.floats(-1, 1)


@settings(deadline=None)  # timing varies on a busy machine
@given(scores, scores, scores, st.floats(0, 0.5))
def test_roles_consistent_with_signs(us_russia, us_china, russia_china, band):
    result = classify(us_russia, us_china, russia_china, neutral_band=band)
    lines = {
        ("USA", "Russia"): us_russia,
        ("USA", "China"): us_china,
        ("Russia", "China"): russia_china,
    }
    positive = [line for line, score in lines.items() if score > band]
    assert result.kind == TRIANGLE_TYPES[3 - len(positive)]
    assert set(result.roles) == set(ACTORS)
    for actor in ACTORS:
        friends = sum(actor in line for line in positive)
        role = result.roles[actor]
        expected = {
            3: {2: "friend"},
            2: {2: "pivot", 1: "wing"},
            1: {1: "partner", 0: "outcast"},
            0: {0: "adversary"},
        }[len(positive)][friends]
        assert role == expected
    assert len(result.neutral_lines) == sum(abs(s) <= band for s in lines.values())


@pytest.mark.parametrize(
    "args, error, message",
    [
        (("0.5", 0.5, 0.5), TypeError, "us_russia must be a number"),
        ((0.5, True, 0.5), TypeError, "us_china must be a number"),
        ((0.5, 0.5, 1.5), ValueError, r"russia_china=1.5 is outside the allowed range \[-1, 1\]"),
        ((float("nan"), 0.5, 0.5), ValueError, "us_russia=nan"),
        ((0.5, 0.5, 0.5, -0.1), ValueError, "neutral_band=-0.1"),
        (
            (0.5, 0.5, 0.5, 1.0),
            ValueError,
            r"neutral_band=1.0 is outside the allowed range \[0, 1\)",
        ),
    ],
)
def test_bad_input(args, error, message):
    with pytest.raises(error, match=message):
        classify(*args)


def test_result_is_read_only():
    result = classify(0.5, 0.5, 0.5)
    with pytest.raises(TypeError):
        result.roles["USA"] = "pivot"


def test_role_ranking_covers_every_role_once():
    """Wu's ranking (best first) names each role that classify can return, exactly once."""
    from utils.triangle import ROLE_RANKING

    seen = set()
    for args in [(0.5, 0.5, 0.5), (0.5, -0.5, 0.5), (-0.5, -0.5, 0.5), (-0.5, -0.5, -0.5)]:
        seen |= set(classify(*args).roles.values())
    assert sorted(ROLE_RANKING) == sorted(seen)
    assert ROLE_RANKING[0] == "pivot" and ROLE_RANKING[-1] == "outcast"
    # more friendly lines rank higher: friend (2) above partner (1) above adversary (0)
    assert ROLE_RANKING.index("friend") < ROLE_RANKING.index("partner")
    assert ROLE_RANKING.index("partner") < ROLE_RANKING.index("adversary")
