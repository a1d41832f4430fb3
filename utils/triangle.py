"""The strategic triangle: what the three lines between the USA, Russia and China imply.

Where the model comes from (checked for issue #15):

* Lowell Dittmer, "The Strategic Triangle: An Elementary Game-Theoretical Analysis", *World
  Politics* 33(4), 1981, pp. 485-515, describes three patterns: the **ménage à trois** (all
  three lines friendly), the **romantic triangle** (one *pivot* courted by two others who are at
  odds with each other) and the **stable marriage** (two actors friendly, both at odds with the
  third). See the article's abstract at Cambridge Core:
  https://www.cambridge.org/core/journals/world-politics/article/abs/strategic-triangle-an-elementary-gametheoretical-analysis/F0C8847A042646DB8FA9B8D8C8BB37A1
* The fourth pattern, **unit veto** (all three lines hostile), is not one of the three in the
  1981 abstract. It is used in the literature that followed (for example Wu 1996, below); we
  could not pin down who coined it for the triangle, so the lessons say "the literature following
  Dittmer (1981)". Dittmer revisited the model in "The Strategic Triangle: A Critical Review", in
  I. J. Kim (ed.), *The Strategic Triangle: China, the United States and the Soviet Union*
  (Paragon House, 1987).
* The six **role** names used here (pivot, wing, partner, outcast, friend and, for unit veto,
  adversary) and their ranking (:data:`ROLE_RANKING`) follow Yu-Shan Wu, who names the
  positions in a triangle and ranks them by desirability in "Exploring Dual Triangles: The
  Development of Taipei-Washington-Beijing Relations", *Issues & Studies* 32(10), 1996,
  pp. 26-52 (abstract:
  https://scholars.ncu.edu.tw/en/publications/exploring-dual-triangles-the-development-of-taipei-washington-bei),
  tabulated again in his "Unintending Pivot: The US Between Taipei and Beijing", *Political
  Science Review* (National Taiwan University), 2000, pp. 189-222, in Chinese (abstract:
  https://politics.ntu.edu.tw/psr/?p=1688&post_type=english). That table calls the unit-veto
  role *enemy*; we say *adversary*.

So the four patterns are "Dittmer's triangle as extended by later authors", not Dittmer (1981)
alone. Classification:

* **ménage à trois** - all three lines positive: every actor is a *friend* of both others;
* **romantic triangle** - two positive lines: the actor on both is the *pivot*, courted by the
  two *wings*, who are hostile to each other;
* **stable marriage** - one positive line: its two ends are *partners*, the third is the
  *outcast*;
* **unit veto** - no positive line: every actor is an *adversary* of the others.

Scores here run from -1 (deep enmity) to +1 (close amity). The typology is binary, so a score
within ``neutral_band`` of zero must be put on one side. We count such a lukewarm line as
**not amity** (with enmity) and flag it in the result: a line counts as amity only if it
offers something to lean on, and a cool, correct relationship does not. The explanation says
so, so students can argue that the line should be scored differently.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

ACTORS = ("USA", "Russia", "China")
LINES = (("USA", "Russia"), ("USA", "China"), ("Russia", "China"))
DEFAULT_NEUTRAL_BAND = 0.1
TRIANGLE_TYPES = ("ménage à trois", "romantic triangle", "stable marriage", "unit veto")
#: Roles from most to least desirable, after Wu (1996; table in Wu 2000): more friendly lines
#: are better, and with as many friendly lines it is better when the other two are at odds.
ROLE_RANKING = ("pivot", "friend", "partner", "wing", "adversary", "outcast")

_EXPLANATIONS = {
    "ménage à trois": "All three lines are friendly, so every actor is a friend of both others"
    " and none can be isolated; the pattern is rare and demanding to keep.",
    "romantic triangle": "{pivot} is on good terms with both {wings}, who are at odds with each"
    " other; the pivot can play the wings off against each other, and each wing fears the pivot"
    " leaning to the other.",
    "stable marriage": "{partners} are aligned with each other and both at odds with {outcast};"
    " the partners gain from each other's backing, the outcast faces them alone.",
    "unit veto": "All three lines are hostile: each actor is an adversary of both others and"
    " can block the others, but no one has a partner to lean on.",
}


def _check_score(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        raise TypeError(f"{name} must be a number in [-1, 1], got {type(value).__name__}")
    if math.isnan(value) or not -1.0 <= value <= 1.0:
        raise ValueError(f"{name}={value!r} is outside the allowed range [-1, 1]")
    return float(value)


def _check_band(value: object) -> float:
    """The neutral band is a half-width around zero, so its range is [0, 1), not [-1, 1].

    Checked on its own (not with :func:`_check_score`) so that every refusal, NaN included,
    states the band's own range.
    """
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        raise TypeError(f"neutral_band must be a number in [0, 1), got {type(value).__name__}")
    if math.isnan(value) or not 0.0 <= value < 1.0:
        raise ValueError(f"neutral_band={value} is outside the allowed range [0, 1)")
    return float(value)


@dataclass(frozen=True)
class TriangleResult:
    """Classification of one triangle.

    ``roles`` maps each actor to friend / pivot / wing / partner / outcast / adversary;
    ``lines`` maps "USA-Russia" etc. to "amity", "enmity" or "neutral (counted as enmity)".
    """

    kind: str
    roles: MappingProxyType
    lines: MappingProxyType
    neutral_lines: tuple[str, ...]
    explanation: str


def _join(names: list[str]) -> str:
    return " and ".join(names)


def classify(
    us_russia: float,
    us_china: float,
    russia_china: float,
    neutral_band: float = DEFAULT_NEUTRAL_BAND,
) -> TriangleResult:
    """Classify the triangle given amity (+) / enmity (-) scores in [-1, 1] for each line."""
    scores = {
        LINES[0]: _check_score("us_russia", us_russia),
        LINES[1]: _check_score("us_china", us_china),
        LINES[2]: _check_score("russia_china", russia_china),
    }
    band = _check_band(neutral_band)
    positive = [line for line, score in scores.items() if score > band]
    neutral = [line for line, score in scores.items() if abs(score) <= band]
    labels = {}
    for line in scores:
        name = f"{line[0]}-{line[1]}"
        labels[name] = (
            "amity" if line in positive else "neutral (counted as enmity)" if line in neutral
            else "enmity"
        )  # fmt: skip
    kind = TRIANGLE_TYPES[3 - len(positive)]
    on_positive = {actor: sum(actor in line for line in positive) for actor in ACTORS}
    if kind == "ménage à trois":
        roles = dict.fromkeys(ACTORS, "friend")
        explanation = _EXPLANATIONS[kind]
    elif kind == "romantic triangle":
        pivot = next(actor for actor in ACTORS if on_positive[actor] == 2)
        wings = [actor for actor in ACTORS if actor != pivot]
        roles = {actor: "pivot" if actor == pivot else "wing" for actor in ACTORS}
        explanation = _EXPLANATIONS[kind].format(pivot=pivot, wings=_join(wings))
    elif kind == "stable marriage":
        partners = list(positive[0])
        outcast = next(actor for actor in ACTORS if actor not in partners)
        roles = {actor: "partner" if actor in partners else "outcast" for actor in ACTORS}
        explanation = _EXPLANATIONS[kind].format(partners=_join(partners), outcast=outcast)
    else:
        roles = dict.fromkeys(ACTORS, "adversary")
        explanation = _EXPLANATIONS[kind]
    neutral_names = tuple(f"{a}-{b}" for a, b in neutral)
    if neutral_names:
        explanation += (
            f" Note: {', '.join(neutral_names)} scored within ±{band:g} of zero and was counted"
            " as enmity (no amity to lean on); argue whether that is right."
        )
    return TriangleResult(
        kind=kind,
        roles=MappingProxyType(roles),
        lines=MappingProxyType(labels),
        neutral_lines=neutral_names,
        explanation=explanation,
    )


@dataclass(frozen=True)
class TrianglePreset:
    """Scores (teaching judgements, not measurements) and the fact that motivates them."""

    us_russia: float
    us_china: float
    russia_china: float
    justification: str

    def classify(self, neutral_band: float = DEFAULT_NEUTRAL_BAND) -> TriangleResult:
        return classify(self.us_russia, self.us_china, self.russia_china, neutral_band)


#: "Russia" stands for the USSR before 1992. Scores are judgements for class debate.
PRESETS: dict[str, TrianglePreset] = {
    "1969 Sino-Soviet split": TrianglePreset(
        -0.6, -0.8, -0.8,
        "Soviet and Chinese troops clashed on the Ussuri river (Zhenbao/Damansky Island) in"
        " March 1969, while the USA had no diplomatic relations with Beijing.",
    ),
    "1972": TrianglePreset(
        0.3, 0.4, -0.7,
        "Nixon visited Beijing in February 1972 (Shanghai Communiqué) and Moscow in May 1972"
        " (SALT I), while the Sino-Soviet border stayed heavily armed.",
    ),
    "1989": TrianglePreset(
        0.5, -0.3, 0.4,
        "Gorbachev's May 1989 visit to Beijing normalised Sino-Soviet relations; the USA"
        " imposed sanctions on China after June 1989 and met Gorbachev at Malta in December.",
    ),
    "2014": TrianglePreset(
        -0.6, 0.2, 0.6,
        "Western sanctions followed Russia's annexation of Crimea in March 2014; Moscow and"
        " Beijing signed the Power of Siberia gas deal in May; Obama and Xi set climate goals"
        " in November.",
    ),
    "2020": TrianglePreset(
        -0.6, -0.6, 0.7,
        "US-China tariff war and closure of consulates in July 2020; US sanctions on Russia"
        " stayed; Russian and Chinese bombers flew their first joint patrol in July 2019.",
    ),
    "2022": TrianglePreset(
        -0.9, -0.5, 0.7,
        "Russia invaded Ukraine in February 2022 after a Russia-China joint statement of"
        " 4 February; the USA imposed export controls on advanced chips to China in October.",
    ),
}  # fmt: skip
