"""The model's fixed choices and shared defaults, in a module that imports nothing heavy: `repm`
lists them in its help without loading the model (SQLModel, SciPy)."""

from __future__ import annotations

from enum import StrEnum

# The years a projection covers unless the user picks others: the default of the API, the
# analyses, the command line and the desktop (declared here only).
HORIZON_START, HORIZON_END = 2025, 2040
TARGET_YEAR = 2030  # the year the views, the briefing and the analyses lead with


class Mode(StrEnum):
    expected = "expected"  # weighted by stage and status probabilities
    committed = "committed"  # signed/acquired deals and operating/construction/committed plants
    all = "all"  # everything not rejected, at full weight


DRAWS = 5000  # the one default number of draws: the app's and `repm montecarlo`'s
OBJECTIVES = ("max-expected", "min-cost", "max-probability")  # of the plan optimiser
