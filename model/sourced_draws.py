"""Which figures the Monte Carlo draws from their sourced values, and how.

A block's nameplate and a plant's capacity with several sourced values in one unit (the spread of
model/evidence.py, the tornado's "sourced range") are drawn per draw from a triangular
distribution: lowest sourced value, mode at the value in use, highest sourced value. The draw
scales the record's whole output (or capacity) path by drawn / in use; nothing else in the Monte
Carlo moves a size, so this adds to the success and delay draws without counting anything twice.

Not drawn, said in the result:
- a figure a scenario sets (its override is the value to use);
- a figure whose value in use lies outside its sourced range (edited since: the range no longer
  describes it) or is zero;
- a block whose resource would limit its output within the horizon at the high end (output is
  then not proportional to the nameplate).
First years are not drawn (the delay draws already model slippage), nor NdPr and Dy+Tb shares
(they set the order of separation), resources, demand and assumptions (the tornado sweeps them).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from model.evidence import Spread, spread_details
from model.inputs import ProjectionInputs
from model.portfolio import Portfolio
from model.projection import block_output, ramp
from model.scenario import Scenario

DRAWN = (("blocks", "nameplate_tpa", "nameplate"), ("plants", "capacity_tpa", "capacity"))


@dataclass(frozen=True)
class SourcedRange:
    """One figure drawn from its sourced values: triangular(low, mode, high)."""

    kind: str  # 'blocks' | 'plants'
    index: int  # position among the inputs' blocks or plants
    record_id: str
    name: str
    field: str
    low: float
    mode: float  # the value in use
    high: float
    unit: str
    sources: int

    def describe(self) -> str:
        label = dict((k, w) for k, _, w in DRAWN)[self.kind]
        return (
            f"{self.name} {label} {self.low:,.0f}-{self.high:,.0f} {self.unit} "
            f"({self.sources} sources)"
        )

    def as_dict(self) -> dict:
        return {
            "record": self.record_id,
            "field": self.field,
            "low": self.low,
            "mode": self.mode,
            "high": self.high,
            "unit": self.unit,
            "sources": self.sources,
        }


def sourced_ranges(
    portfolio: Portfolio, scenario: Scenario, inputs: ProjectionInputs
) -> tuple[tuple[SourcedRange, ...], tuple[str, ...]]:
    """The figures drawn from their sourced values, and why any other figure with a sourced
    range is not (one line each)."""
    drawn: list[SourcedRange] = []
    not_drawn: list[str] = []
    with_deals = set(np.unique(inputs.deal_block).tolist())
    for kind, field, label in DRAWN:
        records = {r.id: r for r in getattr(portfolio, kind)}
        ids = inputs.block_ids if kind == "blocks" else inputs.plant_ids
        position = {record_id: k for k, record_id in enumerate(ids)}
        in_use = inputs.nameplate if kind == "blocks" else inputs.plant_capacity
        for record_id, spread in spread_details(portfolio, kind, field).items():
            if record_id not in position:
                continue
            k = position[record_id]
            if kind == "blocks" and k not in with_deals:
                continue  # no deal takes from it: its size moves nothing
            record = records[record_id]
            why = _why_not(kind, record_id, spread, float(in_use[k]), scenario, inputs, k)
            if why:
                not_drawn.append(f"{record.name} {label}: {why}")
                continue
            drawn.append(
                SourcedRange(
                    kind, k, record_id, record.name, field, spread.low, float(in_use[k]),
                    spread.high, spread.unit, spread.sources,
                )
            )  # fmt: skip
    return tuple(drawn), tuple(not_drawn)


def _why_not(
    kind: str,
    record_id: str,
    spread: Spread,
    value: float,
    scenario: Scenario,
    inputs: ProjectionInputs,
    k: int,
) -> str:
    override = scenario.block_overrides.get(record_id) if kind == "blocks" else None
    if override is not None and override.nameplate_tpa is not None:
        return f"set by scenario '{scenario.name}'"
    if value <= 0:
        return "incomplete, adds nothing as it stands"
    if not spread.low <= value <= spread.high:
        return (
            f"the value in use ({value:,.6g}) is outside its sourced range "
            f"{spread.low:,.6g}-{spread.high:,.6g}"
        )
    if kind == "blocks" and _resource_binds(inputs, k, spread.high / value):
        return "its resource would limit output within the horizon at the high end"
    return ""


def _resource_binds(inputs: ProjectionInputs, b: int, factor: float) -> bool:
    """Whether block b's resource caps its output within the horizon at `factor` x nameplate
    and no delay (the most it can produce; later starts and smaller draws produce less)."""
    if not np.isfinite(inputs.resource[b]):
        return False
    years = inputs.years
    r = ramp(inputs.block_start[b : b + 1], inputs.block_ramp[b : b + 1], years)
    stop = inputs.stop_year[b : b + 1]
    nameplate = inputs.nameplate[b : b + 1] * factor
    capped = block_output(nameplate, r.copy(), inputs.resource[b : b + 1], stop, years)
    free = block_output(nameplate, r.copy(), np.array([np.inf]), stop, years)
    return not np.allclose(capped, free)


def summary(drawn: tuple[SourcedRange, ...]) -> str:
    """One line saying which figures draw from their sourced values ('' if none)."""
    if not drawn:
        return ""
    return "Drawn from sourced values: " + "; ".join(r.describe() for r in drawn)
