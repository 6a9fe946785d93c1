"""The model's fixed choices and shared defaults, in a module that imports nothing heavy: `repm`
lists them in its help without loading the model (SQLModel, SciPy)."""

from __future__ import annotations

from enum import StrEnum

YEAR_MIN, YEAR_MAX = 1950, 2100  # any year a record, a scenario or a horizon may name

# The record kinds with a table of their own in the desktop and a CSV file each (the evidence
# register, the fifth kind, is shown beside each figure instead); model.domain.KINDS has them all.
TABLE_KINDS = ("blocks", "firms", "deals", "plants")

# The years a projection covers unless the user picks others: the default of the API, the
# analyses, the command line and the desktop (declared here only).
HORIZON_START, HORIZON_END = 2025, 2040
TARGET_YEAR = 2030  # the year the views, the briefing and the analyses lead with


class Mode(StrEnum):
    expected = "expected"  # weighted by stage and status probabilities
    committed = "committed"  # signed/acquired deals and operating/construction/committed plants
    all = "all"  # everything not rejected, at full weight


# The one default number of Monte Carlo draws and seed: the app's uncertainty band and deal
# ranking, `repm montecarlo`, `repm rank` and the briefing, so they all show the same figures.
DRAWS = 5000
SEED = 1
# The most draws a run takes (the command line refuses more): the draws are kept whole, ~4 bytes
# per block and draw, so 100,000 draws of a 1,000-block portfolio hold ~0.4 GB, more than a
# laptop spares twice over; a median or a chance is steady to well under 1 % long before that.
MAX_DRAWS = 100_000
MAX_SAMPLE_DRAWS = 5000  # the plan optimiser's sample (a programme row per draw), as the Plan tab
OBJECTIVES = ("max-expected", "min-cost", "max-probability")  # of the plan optimiser
SAMPLE_DRAWS = 500  # max-probability: the Monte Carlo draws a plan is chosen on
