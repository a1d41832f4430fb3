"""Shared facts about the lesson notebooks, used by several test modules."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("[0-9][0-9]_*.ipynb"))
LESSONS = [p for p in NOTEBOOKS if not p.name.startswith("00_")]

# The lesson skeleton (docs/LESSON_TEMPLATE.md): every lesson has these level-2 headings.
REQUIRED_HEADINGS = (
    "Learning objectives",
    "Time needed",
    "Prerequisites",
    "The article in brief",
    "Exercises",
    "Discussion questions",
    "Summary",
    "Sources and further reading",
)
EXPECTED_LESSONS = (
    "00_start_here",
    "01_anything_is_possible",
    "02_pivot_to_the_east",
    "03_who_needs_whom",
    "04_pipelines_and_leverage",
    "05_arms_and_exercises",
    "06_technology_and_sanctions",
    "07_scenario_lab",
    "08_economic_coercion",
    "09_the_triangle",
    "10_policy_options",
    "11_what_happened_next",
)


def task_cells(nb) -> list[tuple[int, int, int]]:
    """``(starter, check, solution)`` cell indices of every "your turn" task, in order."""
    return [
        (i, i + 1, i + 2)
        for i, cell in enumerate(nb.cells)
        if "your-turn" in cell.get("metadata", {}).get("tags", [])
    ]
