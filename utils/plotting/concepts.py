"""Alliance, alignment or strategic partnership? A small concept sorter for lesson 01.

Why this exists: the article turns on a word. Putin's remark at Valdai (October 2020) was
about a *military alliance*, while both governments had long described their ties as a
*strategic partnership*, and many scholars call them an *alignment*. Students argue better
when the three words have explicit, comparable definitions. This module encodes each concept
as an **ideal type** (a profile of features, after Snyder 1997, Walt 1987 and Wilkins 2008 and
2012), scores any profile of features against the three, and draws the scores. It is a
teaching device, not a measurement: the profiles and weights are module constants so a class
can print them and argue with them.

How the score works: for each concept, only the features it specifies count (``True`` =
expected, ``False`` = expected absent, ``None`` = not decisive). The score is the weighted
share of those features on which the profile agrees, in percent. A treaty promise of mutual
defence weighs double, because it is *the* defining trait of an alliance in Snyder's and
Walt's sense (a formal commitment to use force together).

Public API: :data:`FEATURES`, :data:`CONCEPTS`, :data:`WEIGHTS`, :func:`match_scores`,
:func:`best_match`, :func:`russia_china_2020`, :func:`profile_table`, :func:`concept_chart`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from utils import data
from utils.plotting import PALETTE, Chart, _value_label, bar_chart
from utils.plotting.blit import BlitLayout, LayoutCache

#: Features a relationship may have (key -> label shown next to its checkbox).
FEATURES: dict[str, str] = {
    "mutual_defence": "Treaty promise of mutual defence",
    "joint_command": "Joint military command",
    "joint_exercises": "Regular joint exercises",
    "arms_sales": "Sales of advanced weapons",
    "back_claims": "Backing for each other's disputed territorial claims",
    "consultation": "Agreed mechanism for consultations",
}

#: Ideal types: True = the concept expects the feature, False = expects it absent,
#: None = the feature does not decide the concept.
CONCEPTS: dict[str, dict[str, bool | None]] = {
    # Snyder (1997), Walt (1987): a formal commitment to act together militarily.
    "Alliance": {
        "mutual_defence": True,
        "joint_command": None,
        "joint_exercises": True,
        "arms_sales": None,
        "back_claims": True,
        "consultation": True,
    },
    # Snyder (1991), Wilkins (2012): expectations of support in security matters, without a
    # binding promise.
    "Alignment": {
        "mutual_defence": False,
        "joint_command": False,
        "joint_exercises": True,
        "arms_sales": True,
        "back_claims": None,
        "consultation": True,
    },
    # Wilkins (2008): informal, goal-driven cooperation across many fields, low commitment.
    "Strategic partnership": {
        "mutual_defence": False,
        "joint_command": False,
        "joint_exercises": None,
        "arms_sales": None,
        "back_claims": None,
        "consultation": True,
    },
}

#: Weight of each feature in the score; the defence promise counts double (see module doc).
WEIGHTS: dict[str, float] = {key: 1.0 for key in FEATURES} | {"mutual_defence": 2.0}

YOUR_LABEL = "Your profile"
RC_LABEL = "Russia-China, 2020"


def _check_profile(profile: object) -> dict[str, bool]:
    if not isinstance(profile, Mapping):
        raise TypeError(f"profile must be a dict feature -> bool, got {type(profile).__name__}")
    unknown = [k for k in profile if k not in FEATURES]
    missing = [k for k in FEATURES if k not in profile]
    if unknown or missing:
        raise ValueError(
            f"profile must give every feature exactly once; unknown {unknown}, missing "
            f"{missing}; features are {list(FEATURES)}"
        )
    bad = {k: v for k, v in profile.items() if not isinstance(v, bool)}
    if bad:
        raise TypeError(f"profile values must be True or False, got {bad}")
    return {key: bool(profile[key]) for key in FEATURES}


def match_scores(profile: Mapping[str, bool]) -> pd.Series:
    """Percent match (0-100) of ``profile`` with each concept, in :data:`CONCEPTS` order.

    >>> nato_like = dict.fromkeys(FEATURES, True)
    >>> match_scores(nato_like).round(1).to_dict()
    {'Alliance': 100.0, 'Alignment': 50.0, 'Strategic partnership': 25.0}
    """
    profile = _check_profile(profile)
    scores = {}
    for concept, ideal in CONCEPTS.items():
        specified = [k for k, v in ideal.items() if v is not None]
        total = sum(WEIGHTS[k] for k in specified)
        agree = sum(WEIGHTS[k] for k in specified if profile[k] == ideal[k])
        scores[concept] = 100 * agree / total
    return pd.Series(scores, name="match_pct")


def best_match(profile: Mapping[str, bool]) -> tuple[str, list[str]]:
    """The best-matching concept and any others tied with it.

    Ties go to the concept that specifies more features, because agreeing on more checks is
    stronger evidence; the tied concepts are returned so the tie can be shown, not hidden.
    """
    scores = match_scores(profile)
    top = scores.max()
    tied = [c for c in scores.index if abs(scores[c] - top) < 1e-9]
    specificity = {c: sum(v is not None for v in CONCEPTS[c].values()) for c in tied}
    winner = max(tied, key=lambda c: (specificity[c], -list(CONCEPTS).index(c)))
    return winner, [c for c in tied if c != winner]


@dataclass(frozen=True)
class FeatureEvidence:
    """One feature of the 2020 Russia-China relationship, with its reason and source."""

    feature: str
    present: bool
    reason: str
    source: str


TREATY_URL = "https://worldjpn.grips.ac.jp/documents/texts/docs/20010716.T1E.html"
UNGA_URL = "https://en.wikipedia.org/wiki/United_Nations_General_Assembly_Resolution_68/262"
ARTICLE_URL = (
    "https://www.themoscowtimes.com/2020/12/02/"
    "is-putin-really-considering-a-military-alliance-with-china-a72207"
)


def russia_china_2020() -> list[FeatureEvidence]:
    """The 2020 relationship coded feature by feature; two features are counted from data/.

    Joint exercises and arms sales are computed (events up to 2020 in ``joint_exercises`` and
    Russia-to-China orders up to 2020 in ``arms_deals``); the others rest on cited documents.
    """
    exercises = data.load("joint_exercises")
    exercises = exercises[exercises["year"] <= 2020]
    deals = data.load("arms_deals")
    deals = deals[
        (deals["supplier"] == "Russia")
        & (deals["recipient"] == "China")
        & (deals["order_year"] <= 2020)
    ]
    key_deals = sorted(set(deals["key_deal"].dropna()))
    first, last = int(exercises["year"].min()), int(exercises["year"].max())
    return [
        FeatureEvidence(
            "mutual_defence",
            False,
            "The 2001 treaty obliges the two sides to consult when one sees a threat "
            "(Article 9); it contains no promise to defend each other.",
            f"Treaty of Good-Neighbourliness, 16 July 2001 ({TREATY_URL})",
        ),
        FeatureEvidence(
            "joint_command",
            False,
            "No standing joint command is reported; each exercise is organised for the occasion.",
            "data/joint_exercises.csv (each row cites its page)",
        ),
        FeatureEvidence(
            "joint_exercises",
            len(exercises) > 0,
            f"{len(exercises)} joint exercises and patrols are listed for {first}-{last}.",
            data.source_line(*sorted(set(exercises["source_id"]))).removeprefix("Source: "),
        ),
        FeatureEvidence(
            "arms_sales",
            len(deals) > 0,
            f"SIPRI lists {len(deals)} Russian arms orders from China up to 2020, "
            f"including {' and '.join(key_deals)}.",
            data.source_line(*sorted(set(deals["source_id"]))).removeprefix("Source: "),
        ),
        FeatureEvidence(
            "back_claims",
            False,
            "Only one way and only in part: Russia backs China's position on Taiwan (treaty, "
            "Article 5), but China recognises neither Abkhazia nor South Ossetia and "
            "abstained on UN General Assembly resolution 68/262 on Crimea, and Russia stays "
            "neutral in the South China Sea disputes (article, paragraph 2).",
            f"Gabuev (2020) ({ARTICLE_URL}); UNGA 68/262 ({UNGA_URL})",
        ),
        FeatureEvidence(
            "consultation",
            True,
            "The 2001 treaty provides for immediate contacts and consultations when either "
            "side sees a threat to peace or to its security (Article 9).",
            f"Treaty of Good-Neighbourliness, 16 July 2001 ({TREATY_URL})",
        ),
    ]


def russia_china_profile() -> dict[str, bool]:
    """The 2020 Russia-China profile as a plain ``{feature: bool}`` dict."""
    return {e.feature: e.present for e in russia_china_2020()}


def profile_table() -> pd.DataFrame:
    """Features as rows; the three ideal types and Russia-China 2020 as columns (text)."""

    def mark(value: bool | None) -> str:
        return {True: "yes", False: "no", None: "either"}[value]

    rc = russia_china_profile()
    table = pd.DataFrame(
        {concept: [mark(ideal[k]) for k in FEATURES] for concept, ideal in CONCEPTS.items()},
        index=list(FEATURES.values()),
    )
    table[RC_LABEL] = [mark(rc[k]) for k in FEATURES]
    table["weight"] = [WEIGHTS[k] for k in FEATURES]
    table.index.name = "feature"
    return table


def _phrase(label: str, profile: Mapping[str, bool]) -> str:
    """'Your profile: alliance 100%, alignment 50%, ... (best: alliance)'."""
    scores = match_scores(profile)
    winner, tied = best_match(profile)
    listed = ", ".join(f"{c.lower()} {scores[c]:.0f}%" for c in scores.index)
    best = winner.lower() + "".join(f", tied with {t.lower()}" for t in tied)
    return f"{label}: {listed} (best: {best})"


_CHART_TITLE = "Which concept fits? Match with three ideal types"
#: Value axis of the concept chart: 0-100% with room on the right for the value labels.
_SCORE_AXIS = (0, 122)


def _build_concept_layout(rc_features: tuple[bool, ...]) -> BlitLayout:
    """Everything but "Your profile" is static: axes, ticks, legend and the Russia-China bars.

    Drawn by :func:`utils.plotting.bar_chart` (the look of every bar chart of the course) with
    placeholder scores for the profile; its three bars and their labels are then animated.
    The key is the Russia-China coding (``rc_features``, in :data:`FEATURES` order): it comes
    from data/, so a changed dataset gets its own static bars.
    """
    rc = dict(zip(FEATURES, rc_features, strict=True))
    placeholder = pd.Series(100.0, index=list(CONCEPTS))
    frame = pd.DataFrame({YOUR_LABEL: placeholder, RC_LABEL: match_scores(rc)})
    ids = ["sipri_at_orders_2024", "lab_compiled_joint_exercises", "lab_web_pages_2025"]
    chart = bar_chart(
        frame,
        _CHART_TITLE,
        "",
        "Weighted share of defining features that agree, %",
        data.source_line(*ids) + " Ideal types after Snyder, Walt and Wilkins.",
        "Placeholder: the layout of the concept chart.",
        horizontal=True,
        colors={YOUR_LABEL: PALETTE["orange"], RC_LABEL: PALETTE["blue"]},
        percent=100,
        value_labels=True,
    )
    ax = chart.figure.axes[0]
    ax.set_xlim(*_SCORE_AXIS)
    ax.set_xticks([0, 25, 50, 75, 100])
    your_bars = ax.containers[0].patches  # columns are drawn in order: "Your profile" first
    your_labels = ax.texts[: len(your_bars)]  # and labelled first
    artists = {f"bar_{i}": bar for i, bar in enumerate(your_bars)}
    artists |= {f"label_{i}": label for i, label in enumerate(your_labels)}
    return BlitLayout(chart.figure, artists, order=tuple(artists))


_CONCEPT_LAYOUTS = LayoutCache(_build_concept_layout, size=2)


def concept_chart(profile: Mapping[str, bool]) -> Chart:
    """Match scores of ``profile`` and of Russia-China 2020 with the three concepts.

    Drawn by blitting (see :mod:`utils.plotting.blit`): the widget redraws only the three
    "Your profile" bars and their labels, so a checkbox answers in a few milliseconds.
    """
    profile = _check_profile(profile)
    rc = russia_china_profile()
    scores = match_scores(profile)
    description = f"{_phrase('Your profile', profile)}; {_phrase('Russia-China in 2020', rc)}."
    layout = _CONCEPT_LAYOUTS.get(tuple(rc[k] for k in FEATURES))
    for i, score in enumerate(scores.to_numpy(dtype=float)):
        bar = layout[f"bar_{i}"]
        bar.set_width(score)
        label = layout[f"label_{i}"]
        label.xy = (score, bar.get_y() + bar.get_height() / 2)
        label.set_text(_value_label(score, 100.0))
    return layout.chart(description, _CHART_TITLE)


def differences(profile: Mapping[str, bool]) -> list[str]:
    """Labels of the features on which ``profile`` differs from Russia-China 2020."""
    profile = _check_profile(profile)
    rc = russia_china_profile()
    return [FEATURES[k] for k in FEATURES if profile[k] != rc[k]]


#: Events of ``data/timeline.csv`` shown on the lesson-01 timeline, with short labels.
TIMELINE_LABELS: dict[str, str] = {
    "2014-03-17_crimea_first_sanctions": "First EU/US sanctions",
    "2014-03-18_crimea_annexation": "Russia incorporates Crimea",
    "2014-05-21_gazprom_cnpc_contract": "30-year gas contract with CNPC",
    "2015-11-19_su35_contract": "Su-35 contract",
    "2018-01_s400_deliveries": "S-400 deliveries begin",
    "2018-09-11_vostok_2018_pla_contingent": "PLA joins Vostok-2018",
    "2019-07-23_first_joint_air_patrol": "First joint bomber patrol",
    "2019-11-07_macron_economist": "Macron interview",
    "2019-12-02_power_of_siberia_opening": "Power of Siberia opens",
    "2020-10-22_valdai": "Valdai remark",
}


def timeline_events() -> pd.DataFrame:
    """The chosen events (date, label, category, source_url) in date order."""
    timeline = data.load("timeline").set_index("event_id")
    missing = [e for e in TIMELINE_LABELS if e not in timeline.index]
    if missing:
        raise ValueError(f"timeline.csv lacks the events {missing}")
    events = timeline.loc[list(TIMELINE_LABELS), ["date", "category", "source_url"]].copy()
    events["label"] = [TIMELINE_LABELS[e] for e in events.index]
    return events.sort_values("date", kind="stable")


def timeline_chart_2014_2020() -> Chart:
    """Static timeline from the Crimea sanctions to the Valdai remark."""
    from utils.plotting import timeline_chart

    events = timeline_events()
    first = pd.Timestamp(events["date"].iloc[0][:7] + "-01")
    last = pd.Timestamp(events["date"].iloc[-1][:7] + "-01")
    counts = events["category"].value_counts()
    description = (
        f"{len(events)} dated events from {first:%B %Y} to {last:%B %Y}: "
        + ", ".join(f"{c} ({counts[c]})" for c in dict.fromkeys(events["category"]))
        + f"; the Valdai remark came {last.year - first.year} years after the first sanctions."
    )
    return timeline_chart(
        events,
        "From Crimea to Valdai: selected events, 2014-2020",
        data.source_line("lab_web_pages_2025"),
        description,
        label_width=16,
        size=(11, 5.2),
    )


def evidence_table() -> pd.DataFrame:
    """The 2020 Russia-China coding as a table: feature, yes/no, reason and source."""
    rows = [
        (FEATURES[e.feature], "yes" if e.present else "no", e.reason, e.source)
        for e in russia_china_2020()
    ]
    return pd.DataFrame(rows, columns=["Feature", "Russia-China 2020", "Why", "Source"])


def flip_effects(profile: Mapping[str, bool] | None = None) -> pd.DataFrame:
    """How each concept's score changes if one feature of ``profile`` is flipped.

    Default profile: Russia-China 2020. Rows are feature labels; columns the three concepts
    (change in percentage points). Useful to see which single feature matters most.
    """
    base_profile = russia_china_profile() if profile is None else _check_profile(profile)
    base = match_scores(base_profile)
    rows = {}
    for key, label in FEATURES.items():
        flipped = dict(base_profile, **{key: not base_profile[key]})
        rows[label] = match_scores(flipped) - base
    return pd.DataFrame(rows).T
