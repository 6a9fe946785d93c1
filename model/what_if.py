"""What-if on one block while negotiating: India's offtake, start year, nameplate, delay.

`as_scenario` states the what-if as scenario overrides (the reference, reproducible with
`project(..., scenario=...)`); `what_if_inputs` gets the same numbers by changing a few entries
of the prepared arrays, fast enough to recompute on every slider step.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from model.domain import DealStatus
from model.inputs import ProjectionInputs, block_gaps, first_known, spread, start_year
from model.portfolio import Portfolio
from model.scenario import BlockOverride, Scenario


@dataclass(frozen=True)
class WhatIf:
    block_id: str
    offtake_total: float | None = None  # India's total share of the block's output
    first_year: int | None = None
    nameplate_tpa: float | None = None
    delay_years: int = 0

    def is_empty(self) -> bool:
        return (
            self.offtake_total is None
            and self.first_year is None
            and self.nameplate_tpa is None
            and self.delay_years == 0
        )


def as_scenario(scenario: Scenario | None, what_if: WhatIf) -> Scenario:
    base = scenario or Scenario(name="Base")
    overrides = dict(base.block_overrides)
    previous = overrides.get(what_if.block_id, BlockOverride())
    overrides[what_if.block_id] = BlockOverride(
        nameplate_tpa=first_known(what_if.nameplate_tpa, previous.nameplate_tpa),
        first_year=first_known(what_if.first_year, previous.first_year),
        offtake_share=first_known(what_if.offtake_total, previous.offtake_share),
    )
    delays = dict(base.block_delays)
    delays[what_if.block_id] = delays.get(what_if.block_id, 0) + what_if.delay_years
    return base.model_copy(update={"block_overrides": overrides, "block_delays": delays})


def live_deals(portfolio: Portfolio, block_id: str) -> list[int]:
    return [
        i
        for i, d in enumerate(portfolio.deals)
        if d.block_id == block_id and d.status != DealStatus.rejected
    ]


def what_if_inputs(
    inputs: ProjectionInputs, portfolio: Portfolio, scenario: Scenario | None, what_if: WhatIf
) -> ProjectionInputs:
    """The prepared arrays with the what-if applied (the originals are not modified)."""
    scenario = scenario or Scenario(name="Base")
    b = inputs.block_ids.index(what_if.block_id)
    block = portfolio.blocks[b]
    override = scenario.block_overrides.get(block.id, BlockOverride())
    first = first_known(what_if.first_year, override.first_year, block.first_year)
    plate = first_known(what_if.nameplate_tpa, override.nameplate_tpa, block.nameplate_tpa)
    delay = scenario.delay_years + scenario.block_delays.get(block.id, 0) + what_if.delay_years
    nameplate = inputs.nameplate.copy()
    nameplate[b] = 0.0 if block_gaps(block, first, plate) else plate
    block_start = inputs.block_start.copy()
    block_start[b] = start_year(first, block.stage.value == "producing") + delay
    changes: dict[str, Any] = {"nameplate": nameplate, "block_start": block_start}
    if what_if.offtake_total is not None:
        deals = live_deals(portfolio, block.id)
        offtake = inputs.offtake.copy()
        offtake[deals] = spread(inputs.offtake[deals], what_if.offtake_total)
        changes["offtake"] = offtake
    return inputs.with_arrays(**changes)


def store_edits(portfolio: Portfolio, what_if: WhatIf) -> tuple[dict, dict[str, dict]]:
    """What Apply writes: block fields, and each deal's new offtake share. A delay moves the
    first year (a block without one starts `delay` years after the horizon start is unknown,
    so a delay needs a first year)."""
    block = portfolio.block(what_if.block_id)
    block_fields: dict[str, Any] = {}
    if what_if.nameplate_tpa is not None and what_if.nameplate_tpa != block.nameplate_tpa:
        block_fields["nameplate_tpa"] = what_if.nameplate_tpa
    first = first_known(what_if.first_year, block.first_year)
    if first is not None and (first + what_if.delay_years) != block.first_year:
        block_fields["first_year"] = first + what_if.delay_years
    deal_fields: dict[str, dict] = {}
    if what_if.offtake_total is not None:
        deals = live_deals(portfolio, block.id)
        base = np.array([portfolio.deals[i].offtake_share for i in deals])
        for i, share in zip(deals, spread(base, what_if.offtake_total), strict=True):
            if abs(share - portfolio.deals[i].offtake_share) > 1e-12:
                deal_fields[portfolio.deals[i].id] = {"offtake_share": float(share)}
    return block_fields, deal_fields
