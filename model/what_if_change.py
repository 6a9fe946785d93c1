"""What a what-if changes in one year: in the mode in use, and if the block's deals close.

In the expected mode a deal counts at its chance of closing (equation 3), so a concession on a
candidate deal (10 %) shows about a tenth of what it costs once the deal is signed; in the
committed mode an unsigned deal counts for nothing. A negotiator needs both figures: the change
as the chart counts it, and the change with the block's live deals closed (chance of closing 1,
everything else as it is, as `bounds.py` closes a deal): weight `p_stage(b)` in the expected mode
(the project's own risk stays), 1 in the committed and all modes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from model.inputs import ProjectionInputs
from model.number_text import percent
from model.portfolio import Portfolio
from model.projection import Projection, compute
from model.scenario import Mode, Scenario
from model.stage_words import stage_name
from model.what_if import WhatIf, live_deals, what_if_inputs


@dataclass(frozen=True)
class Change:
    year: int
    mode: str
    before_t: float  # magnets in the year, in the mode in use
    after_t: float
    bottleneck: str  # the stage that binds in the year after the what-if
    chances: tuple[float, ...]  # chance of closing of each live deal counted below closed
    closed_before_t: float | None = None  # the same with the block's deals closed; None:
    closed_after_t: float | None = None  # they already count as closed (or there is none)

    @property
    def delta_t(self) -> float:
        return self.after_t - self.before_t

    @property
    def closed_delta_t(self) -> float | None:
        if self.closed_before_t is None or self.closed_after_t is None:
            return None
        return self.closed_after_t - self.closed_before_t

    def as_dict(self) -> dict:
        return {
            "year": self.year,
            "mode": self.mode,
            "before_t": self.before_t,
            "after_t": self.after_t,
            "change_t": self.delta_t,
            "bottleneck": self.bottleneck,
            "chances_of_closing": list(self.chances),
            "if_closed_before_t": self.closed_before_t,
            "if_closed_after_t": self.closed_after_t,
            "if_closed_change_t": self.closed_delta_t,
        }

    def total_line(self) -> str:
        """'2,428 t -> 2,375 t in 2030 (-53 t, expected)'."""
        mode = MODE_WORDS.get(self.mode, self.mode)
        return (
            f"{self.before_t:,.0f} t -> {self.after_t:,.0f} t in {self.year} "
            f"({_signed(self.delta_t)}, {mode})"
        )

    def closed_line(self) -> str:
        """What the what-if costs if the block's deals close, and how they count now; without
        that figure, the stage that binds."""
        if self.closed_before_t is None or self.closed_after_t is None:
            return f"Bottleneck in {self.year}: {stage_name(self.bottleneck)}."
        one = len(self.chances) == 1
        if self.mode == Mode.expected.value:
            counted = f"now {', '.join(percent(c) for c in self.chances)} likely"
        else:
            counted = f"left out in {self.mode} mode"
        return (  # the figures first: a narrow panel cuts the end of the line
            f"If {'the deal closes' if one else 'its deals close'}: {_signed(self.closed_delta_t)} "
            f"({self.closed_before_t:,.0f} t -> {self.closed_after_t:,.0f} t); {counted}"
        )


MODE_WORDS = {"all": "all deals"}  # how the mode's figure is named after a change


def _signed(tonnes: float) -> str:
    rounded = round(tonnes)
    return "no change" if rounded == 0 else f"{rounded:+,} t"


def closed_inputs(
    inputs: ProjectionInputs, portfolio: Portfolio, block_id: str
) -> tuple[ProjectionInputs, tuple[float, ...]] | None:
    """The inputs with the block's live deals closed, and the chance of closing each counted
    before (in its mode); None when they already count as closed or the block has none."""
    b = inputs.block_ids.index(block_id)
    closed = float(inputs.p_stage[b]) if inputs.mode == Mode.expected else 1.0
    deals = [d for d in live_deals(portfolio, block_id) if inputs.deal_weight[d] < closed - 1e-12]
    if not deals:
        return None
    weight = inputs.deal_weight.copy()
    chances = weight[deals] / closed if closed > 0 else np.zeros(len(deals))
    weight[deals] = closed
    return inputs.with_arrays(deal_weight=weight), tuple(float(c) for c in chances)


@dataclass(frozen=True)
class Closed:
    """Projections with the block's deals closed, before and with the what-if."""

    chances: tuple[float, ...]  # each deal's chance of closing as counted in the mode
    before: Projection
    after: Projection


def closed_projections(
    inputs: ProjectionInputs,
    portfolio: Portfolio,
    scenario: Scenario | None,
    what_if: WhatIf,
    closed_before: Projection | None = None,
) -> Closed | None:
    """None when the block's deals count as closed already (or it has none)."""
    closed = closed_inputs(inputs, portfolio, what_if.block_id)
    if closed is None:
        return None
    base, chances = closed
    before = compute(base) if closed_before is None else closed_before
    return Closed(chances, before, compute(what_if_inputs(base, portfolio, scenario, what_if)))


def change_in(
    year: int, mode: str, before: Projection, after: Projection, closed: Closed | None
) -> Change:
    """The figures of one year from projections already computed (the what-if panel keeps
    them: a new target year needs no new projection)."""
    k = before.year_index(year)
    return Change(
        year=year,
        mode=str(mode),
        before_t=float(before.magnets[k]),
        after_t=float(after.magnets[k]),
        bottleneck=after.bottleneck[k],
        chances=() if closed is None else closed.chances,
        closed_before_t=None if closed is None else float(closed.before.magnets[k]),
        closed_after_t=None if closed is None else float(closed.after.magnets[k]),
    )


def what_if_change(
    inputs: ProjectionInputs,
    portfolio: Portfolio,
    scenario: Scenario | None,
    what_if: WhatIf,
    year: int,
) -> Change:
    """The what-if's change in `year`, in the inputs' mode and with the block's deals closed."""
    before = compute(inputs)
    after = compute(what_if_inputs(inputs, portfolio, scenario, what_if))
    closed = closed_projections(inputs, portfolio, scenario, what_if)
    return change_in(year, inputs.mode, before, after, closed)
