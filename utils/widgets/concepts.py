"""Widget for lesson 01: the concept sorter (alliance, alignment or strategic partnership).

Six checkboxes describe a relationship; the chart scores that profile, and the 2020
Russia-China relationship, against three ideal types from :mod:`utils.plotting.concepts`.
Every checkbox changes at least one score, because every feature is decisive for at least one
concept.
"""

from __future__ import annotations

from utils.plotting import Chart, concepts
from utils.widgets.core import LiveView, register, toggle


def render_concept_sorter(
    mutual_defence: bool = True,
    joint_command: bool = True,
    joint_exercises: bool = True,
    arms_sales: bool = True,
    back_claims: bool = True,
    consultation: bool = True,
) -> tuple[Chart, str]:
    """Scores of the ticked profile and of Russia-China 2020; the note lists the differences."""
    profile = {
        "mutual_defence": mutual_defence,
        "joint_command": joint_command,
        "joint_exercises": joint_exercises,
        "arms_sales": arms_sales,
        "back_claims": back_claims,
        "consultation": consultation,
    }
    chart = concepts.concept_chart(profile)
    differ = concepts.differences(profile)
    if differ:
        note = "Your profile differs from Russia-China in 2020 on: " + "; ".join(differ) + "."
    else:
        note = "Your profile is the same as Russia-China in 2020."
    return chart, note


@register("01_anything_is_possible", "concept_sorter")
def concept_sorter() -> LiveView:
    """Tick the features of a relationship and see which concept it fits."""
    return LiveView(
        {key: toggle(label, True) for key, label in concepts.FEATURES.items()},
        render_concept_sorter,
        title="Concept sorter: alliance, alignment or strategic partnership?",
        description=(
            "Tick the features a relationship has. The orange bars score your profile; the "
            "blue bars score Russia-China in 2020. All boxes ticked describes a NATO-style "
            "alliance."
        ),
    )
