"""Self-checks for the lessons.

* :mod:`utils.exercises.tasks`: "your turn" coding tasks (:class:`Task`, :func:`task`). Each
  lesson's tasks live in ``utils/exercises/lNN.py``; a notebook imports them as
  ``from utils.exercises import l02 as check`` and calls ``check.share_2019(share_2019=...)``.
* :mod:`utils.exercises.core`: checks for single answers (a number, a year, a choice, a set),
  used by predict-then-check questions.
* ``python -m utils.exercises.key`` prints the instructors' answer key, computed by the checks.
"""

from utils.exercises.core import (
    NOT_ANSWERED,
    Feedback,
    check_choice,
    check_number,
    check_set,
    check_year,
)
from utils.exercises.tasks import Task, compare, task, tasks_in

__all__ = [
    "NOT_ANSWERED",
    "Feedback",
    "Task",
    "check_choice",
    "check_number",
    "check_set",
    "check_year",
    "compare",
    "task",
    "tasks_in",
]
