"""Lesson 01: alliance, alignment or strategic partnership? (tables, charts and the sorter).

Each word is stated as an **ideal type**, a profile of features (after Snyder 1991 and 1997,
Walt 1987, Wilkins 2008 and 2012), and any profile is scored against the three: the weighted
share, in percent, of the features a concept specifies (``True`` = expected, ``False`` =
expected absent; ``None`` does not decide) on which the profile agrees. A treaty promise of
mutual defence weighs double: it is the defining trait of an alliance in Snyder's sense. A
thinking tool, not a measurement: the profiles and weights are constants a class can argue with.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

import numpy as np
import pandas as pd

from utils import charts, data
from utils.charts import markdown_table
from utils.claims import ARTICLE_DATE
from utils.lessons.l00_start import ledger_table
from utils.live import LiveChart, LiveView, register, toggle
from utils.style import PALETTE, Chart, figure

__all__ = ["ledger_table", "markdown_table"]  # re-exported for the notebook

ARTICLE_URL = (
    "https://www.themoscowtimes.com/2020/12/02/"
    "is-putin-really-considering-a-military-alliance-with-china-a72207"
)
TREATY_URL = "https://worldjpn.grips.ac.jp/documents/texts/docs/20010716.T1E.html"
UNGA_VOTE_URL = (
    "https://unwatch.org/unga-adopts-resolution-calling-on-states-not-to-recognize-"
    "changes-in-status-of-crimea/"
)

#: Features a relationship may have (key -> label shown next to its check box).
FEATURES: dict[str, str] = {
    "mutual_defence": "Treaty promise of mutual defence",
    "joint_command": "Joint military command",
    "joint_exercises": "Regular joint exercises",
    "arms_sales": "Sales of advanced weapons",
    "back_claims": "Backing for each other's disputed territorial claims",
    "consultation": "Agreed mechanism for consultations",
}

#: Ideal types: True = expects the feature, False = expects it absent, None = does not decide.
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
    # Snyder (1991), Wilkins (2012): expected support in security matters, no binding promise.
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

#: Weight of each feature in the score; the defence promise counts double.
WEIGHTS: dict[str, float] = {key: 1.0 for key in FEATURES} | {"mutual_defence": 2.0}
#: The sorter starts with every box ticked: a NATO-style alliance with a joint command.
DEFAULTS: dict[str, bool] = dict.fromkeys(FEATURES, True)
RC_LABEL = "Russia-China, 2020"


# ----------------------------------------------------------------------------- the model
def check_profile(profile: object) -> dict[str, bool]:
    """``profile`` as ``{feature: bool}`` in :data:`FEATURES` order, or a clear error."""
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
    return {key: profile[key] for key in FEATURES}


def match_scores(profile: Mapping[str, bool], weights: Mapping[str, float] | None = None):
    """Percent match (0-100) of ``profile`` with each concept, in :data:`CONCEPTS` order.

    >>> match_scores(dict.fromkeys(FEATURES, True)).round(1).to_dict()
    {'Alliance': 100.0, 'Alignment': 50.0, 'Strategic partnership': 25.0}
    """
    profile = check_profile(profile)
    weights = WEIGHTS if weights is None else dict(weights)
    if set(weights) != set(FEATURES) or any(w <= 0 for w in weights.values()):
        raise ValueError(f"weights must give a positive weight to each of {list(FEATURES)}")
    scores = {}
    for concept, ideal in CONCEPTS.items():
        specified = [k for k, v in ideal.items() if v is not None]
        total = sum(weights[k] for k in specified)
        agree = sum(weights[k] for k in specified if profile[k] == ideal[k])
        scores[concept] = 100 * agree / total
    return pd.Series(scores, name="match_pct")


def best_match(profile: Mapping[str, bool]) -> tuple[str, list[str]]:
    """The best-matching concept and any others tied with it.

    A tie goes to the concept that specifies more features (agreeing on more checks is
    stronger evidence); the tied concepts are returned so the tie is shown, not hidden.
    """
    scores = match_scores(profile)
    tied = [c for c in scores.index if abs(scores[c] - scores.max()) < 1e-9]
    specificity = {c: sum(v is not None for v in CONCEPTS[c].values()) for c in tied}
    winner = max(tied, key=lambda c: (specificity[c], -list(CONCEPTS).index(c)))
    return winner, [c for c in tied if c != winner]


def flip_effects() -> pd.DataFrame:
    """Change of each score (percentage points) when one feature of Russia-China 2020 flips."""
    rc = russia_china_profile()
    base = match_scores(rc)
    rows = {label: match_scores(rc | {key: not rc[key]}) - base for key, label in FEATURES.items()}
    return pd.DataFrame(rows).T.rename_axis("feature flipped")


# ----------------------------------------------------------------------------- evidence
def exercises_before_article() -> pd.DataFrame:
    """Joint exercises and patrols that began on or before the article's date (2 December 2020)."""
    exercises = data.load("joint_exercises")
    start = pd.to_datetime(exercises["start_date"], format="ISO8601")  # "2022-09" is allowed
    return exercises[start <= ARTICLE_DATE]


def arms_orders_to_2020() -> pd.DataFrame:
    """Russian arms orders from China up to 2020 (SIPRI trade register)."""
    deals = data.load("arms_deals")
    return deals.query("supplier == 'Russia' and recipient == 'China' and order_year <= 2020")


@lru_cache(maxsize=1)
def _evidence() -> dict[str, tuple[bool, str, str]]:
    """The 2020 relationship, feature -> (present?, why, source); two are counted from data/."""
    exercises, deals = exercises_before_article(), arms_orders_to_2020()
    kinds = exercises["type"].value_counts()
    kinds_text = ", ".join(f"{n} {kind}{'s' if n > 1 else ''}" for kind, n in kinds.items())
    key_deals = " and ".join(sorted(set(deals["key_deal"].dropna())))
    first, last = int(exercises["year"].min()), int(exercises["year"].max())
    treaty = f"Treaty of Good-Neighbourliness, 16 July 2001 ({TREATY_URL})"
    return {
        "mutual_defence": (False,
            "The 2001 treaty obliges the two sides to consult when one sees a threat "
            "(Article 9); it contains no promise to defend each other.", treaty),
        "joint_command": (False,
            "No standing joint command is reported; each exercise is organised for the "
            "occasion.", "data/joint_exercises.csv (each row cites its page)"),
        "joint_exercises": (len(exercises) > 0,
            f"{len(exercises)} joint activities from {first} to {last} began before the "
            f"article appeared ({kinds_text}).",
            data.source_line(*sorted(set(exercises["source_id"]))).removeprefix("Source: ")),
        "arms_sales": (len(deals) > 0,
            f"SIPRI lists {len(deals)} orders by China for Russian arms from "
            f"{deals['order_year'].min()} to 2020, including {key_deals}.",
            data.source_line(*sorted(set(deals["source_id"]))).removeprefix("Source: ")),
        "back_claims": (False,
            "Partly and one way only: Russia backs China's position on Taiwan (treaty, "
            "Article 5), but China recognises neither Abkhazia nor South Ossetia and "
            "abstained on UN General Assembly resolution 68/262 on Crimea, and Russia stays "
            "out of the South China Sea disputes (article, paragraph 2).",
            f"Gabuev (2020) ({ARTICLE_URL}); UNGA 68/262 vote ({UNGA_VOTE_URL})"),
        "consultation": (True,
            "The 2001 treaty provides for immediate contacts and consultations when either "
            "side sees a threat to peace or to its security (Article 9).", treaty),
    }  # fmt: skip


def russia_china_profile() -> dict[str, bool]:
    """The 2020 Russia-China profile as a plain ``{feature: bool}`` dict."""
    return {feature: present for feature, (present, _why, _source) in _evidence().items()}


def evidence_table() -> pd.DataFrame:
    """The 2020 Russia-China coding: feature, yes/no, why, and the source."""
    rows = [(FEATURES[k], "yes" if present else "no", why, source)
            for k, (present, why, source) in _evidence().items()]  # fmt: skip
    return pd.DataFrame(rows, columns=["Feature", "Russia-China 2020", "Why", "Source"])


def profile_table() -> pd.DataFrame:
    """Features as rows; the three ideal types, Russia-China 2020 and the weight as columns."""
    mark = {True: "yes", False: "no", None: "either"}
    profiles = {**CONCEPTS, RC_LABEL: russia_china_profile()}
    table = pd.DataFrame(
        {name: [mark[profile[k]] for k in FEATURES] for name, profile in profiles.items()},
        index=pd.Index(list(FEATURES.values()), name="feature"),
    )
    table["weight"] = [WEIGHTS[k] for k in FEATURES]
    return table


def ledger_rows(claim_ids: list[str]) -> pd.DataFrame:
    """Chosen rows of the claims ledger with their computed verdicts."""
    table = ledger_table("all")
    unknown = [c for c in claim_ids if c not in table.index]
    if unknown:
        raise ValueError(f"claim ids {unknown} are not in the ledger")
    return table.loc[claim_ids, ["claim", "data_figure", "verdict"]]


# ----------------------------------------------------------------------------- timeline
#: Events of ``data/timeline.csv`` on the lesson's timeline, with short labels.
TIMELINE_LABELS: dict[str, str] = {
    "2014-03-17_crimea_first_sanctions": "First EU/US sanctions",
    "2014-03-18_crimea_annexation": "Russia incorporates Crimea",
    "2014-05-21_gazprom_cnpc_contract": "30-year gas contract with CNPC",
    "2015-11-19_su35_contract": "Su-35 contract",
    "2018-01_s400_deliveries": "S-400 deliveries begin",
    "2018-09-11_vostok_2018_pla_contingent": "PLA joins Vostok-2018",
    "2019-07-23_first_joint_air_patrol": "First joint bomber patrol",
    "2019-11-07_macron_economist": "Macron's Economist interview",
    "2019-12-02_power_of_siberia_opening": "Power of Siberia opens",
    "2020-10-22_valdai": "Valdai remark",
}


def timeline_events() -> pd.DataFrame:
    """The chosen events (date, label, category, source_url) in date order, by event id."""
    timeline = data.load("timeline").set_index("event_id")
    events = timeline.loc[list(TIMELINE_LABELS), ["date", "category", "source_url"]]
    return events.assign(label=list(TIMELINE_LABELS.values())).sort_values("date", kind="stable")


def timeline_chart() -> Chart:
    """From the Crimea sanctions to the Valdai remark: the lesson's events on one time axis."""
    events = timeline_events()
    first, last = pd.Timestamp(events["date"].iloc[0]), pd.Timestamp(events["date"].iloc[-1])
    counts = events.groupby("category", sort=False).size()  # in order of first appearance
    description = (
        f"{len(events)} dated events from {first:%B %Y} to {last:%B %Y}: "
        + ", ".join(f"{category} ({n})" for category, n in counts.items())
        + f"; the Valdai remark came {last.year - first.year} years after the first sanctions."
    )
    title = "From Crimea to Valdai: selected events, 2014-2020"
    source = data.source_line("lab_web_pages_2025")
    return charts.timeline_chart(events, title, source, description, label_width=20)


# ----------------------------------------------------------------------------- the sorter
def _phrase(label: str, profile: Mapping[str, bool]) -> str:
    """'Your profile: alliance 100%, alignment 50%, ... (best: alliance)'."""
    scores = match_scores(profile)
    winner, tied = best_match(profile)
    listed = ", ".join(f"{c.lower()} {scores[c]:.0f}%" for c in scores.index)
    best = winner.lower() + "".join(f", tied with {t.lower()}" for t in tied)
    return f"{label}: {listed} (best: {best})"


class ConceptChart(LiveChart):
    """Two bars per concept: the ticked profile (orange, changes) and Russia-China 2020 (blue)."""

    def __init__(self) -> None:
        sources = ["sipri_at_orders_2024", "lab_compiled_joint_exercises", "lab_web_pages_2025"]
        self.fig, ax = figure(
            "Which concept fits? Match with three ideal types",
            data.source_line(*sources) + " Ideal types after Snyder, Walt and Wilkins.",
            xlabel="Weighted share of the concept's features that agree (%)",
        )
        rows, height = np.arange(len(CONCEPTS)), 0.38
        yours, theirs = rows - height / 2, rows + height / 2  # two bars per concept
        rc_scores = match_scores(russia_china_profile())
        self.bars = ax.barh(yours, 0, height, color=PALETTE["orange"], label="Your profile")
        rc_bars = ax.barh(theirs, rc_scores, height, color=PALETTE["blue"], label=RC_LABEL)
        ax.bar_label(rc_bars, labels=[f"{v:.0f}%" for v in rc_scores], padding=3)
        self.labels = [
            ax.text(0, bar.get_y() + bar.get_height() / 2, "", va="center", fontsize=11)
            for bar in self.bars
        ]
        ax.set_yticks(rows, list(CONCEPTS))
        ax.invert_yaxis()
        ax.set_xlim(0, 170)  # right of 100%: the value labels, then the legend
        ax.set_xticks([0, 25, 50, 75, 100])
        ax.grid(axis="y", visible=False)
        ax.grid(axis="x", visible=True)
        ax.legend(loc="center right")
        self.animated = [*self.bars, *self.labels]

    def update(self, **profile: bool) -> tuple[str, str]:
        scores, rc = match_scores(profile), russia_china_profile()  # the first checks profile
        for bar, label, score in zip(self.bars, self.labels, scores, strict=True):
            bar.set_width(score)
            label.set_position((score + 1.5, bar.get_y() + bar.get_height() / 2))
            label.set_text(f"{score:.0f}%")
        description = f"{_phrase('Your profile', profile)}; {_phrase('Russia-China in 2020', rc)}."
        differ = "; ".join(FEATURES[k] for k in FEATURES if profile[k] != rc[k])
        note = (
            f"Your profile differs from Russia-China in 2020 on: {differ}."
            if differ
            else "Your profile is the same as Russia-China in 2020."
        )
        return description, note


@register("concept_sorter")
def concept_sorter() -> LiveView:
    """Tick the features of a relationship and see which concept it fits."""
    return LiveView(
        {key: toggle(label, DEFAULTS[key]) for key, label in FEATURES.items()},
        ConceptChart(),
        title="Concept sorter: alliance, alignment or strategic partnership?",
        description=(
            "Tick the features a relationship has. Orange bars score your profile; blue bars "
            "score Russia-China in 2020. All boxes ticked describes a NATO-style alliance."
        ),
    )
