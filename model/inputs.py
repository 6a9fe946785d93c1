"""Set-up: turn a portfolio and a scenario into the flat arrays the projection computes on.

Everything that depends on records, names and scenario settings happens here, once; the projection
itself (model/projection.py) only does array arithmetic, so a what-if can change a few numbers in
these arrays and recompute in well under a millisecond.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from model.assumptions import Assumptions
from model.domain import (
    COMMITTED_DEALS,
    COMMITTED_PLANTS,
    NEEDS_SEPARATION,
    Block,
    DealStatus,
    PlantStage,
    PlantStatus,
    Product,
    Stage,
)
from model.portfolio import Portfolio
from model.scenario import BlockOverride, DealOverride, Mode, Scenario

STAGES = ("feed", "metal", "magnet")
PLANT_STAGE_INDEX = {PlantStage.separation: 0, PlantStage.metal: 1, PlantStage.magnet: 2}
NEVER = np.inf  # start year of something that never starts
ALWAYS = -np.inf  # start year of something already running before any horizon
NO_BLOCK_OVERRIDE, NO_DEAL_OVERRIDE = BlockOverride(), DealOverride()  # shared: built once


@dataclass(frozen=True)
class ProjectionInputs:
    """Arrays over blocks (B), deals (D), plants (P) and years (T). Years are float for inf."""

    scenario: str
    mode: Mode
    years: np.ndarray  # (T,)
    target: np.ndarray  # (T,) t magnets/yr
    oxide_to_metal: float
    ndpr_in_magnet: float
    separation_allocation: str  # "merit_order" or "pro_rata" (equation 4)
    # blocks
    block_ids: tuple[str, ...]
    block_country: np.ndarray  # (B,) index into countries
    countries: tuple[str, ...]
    nameplate: np.ndarray  # (B,) t/yr in the block's own unit
    block_start: np.ndarray  # (B,) first year + delays
    block_ramp: np.ndarray  # (B,) ramp years
    resource: np.ndarray  # (B,) cap on cumulative output over the horizon (inf: none)
    stop_year: np.ndarray  # (B,) delivers nothing from this year (inf: never)
    p_stage: np.ndarray  # (B,)
    # deals
    deal_ids: tuple[str, ...]
    deal_block: np.ndarray  # (D,) index into blocks
    offtake: np.ndarray  # (D,)
    deal_weight: np.ndarray  # (D,) mode weight (probability, 0/1)
    deal_start: np.ndarray  # (D,) deliveries begin (-inf: with the block)
    oxide_factor: np.ndarray  # (D,) t NdPr oxide per t delivered, before separation pooling
    needs_separation: np.ndarray  # (D,) bool
    # plants
    plant_ids: tuple[str, ...]
    plant_stage: np.ndarray  # (P,) 0 separation, 1 metal, 2 magnet
    plant_capacity: np.ndarray  # (P,)
    plant_start: np.ndarray  # (P,)
    plant_ramp: np.ndarray  # (P,)
    plant_weight: np.ndarray  # (P,)
    incomplete: tuple[str, ...] = field(default=())

    def with_arrays(self, **changes: np.ndarray) -> ProjectionInputs:
        """A copy with some arrays replaced (what-if edits; the original is untouched)."""
        return replace(self, **changes)


def deal_weights(mode: Mode, stage_p: np.ndarray, statuses: list[DealStatus], a: Assumptions):
    if mode == Mode.expected:
        return stage_p * np.array([a.p_deal[s] for s in statuses], dtype=float)
    if mode == Mode.committed:
        return np.array([s in COMMITTED_DEALS for s in statuses], dtype=float)
    return np.array([s != DealStatus.rejected for s in statuses], dtype=float)


def plant_weights(mode: Mode, statuses: list[PlantStatus], a: Assumptions) -> np.ndarray:
    if mode == Mode.expected:
        return np.array([a.p_plant[s] for s in statuses], dtype=float)
    if mode == Mode.committed:
        return np.array([s in COMMITTED_PLANTS for s in statuses], dtype=float)
    return np.array([s != PlantStatus.option for s in statuses], dtype=float)


def first_known(*values):
    """The first value that is not None (an override, then the record's own value)."""
    for value in values:  # a plain loop: this runs for every record on every edit
        if value is not None:
            return value
    return None


def start_year(first_year: int | None, running: bool) -> float:
    """A missing first year means 'already at nameplate' for running assets, else 'never'."""
    if first_year is not None:
        return float(first_year)
    return ALWAYS if running else NEVER


def block_gaps(block: Block, first_year: int | None, nameplate: float | None) -> list[str]:
    """What a block lacks to contribute anything (it then contributes zero)."""
    missing = []
    if nameplate is None:
        missing.append("nameplate_tpa")
    if first_year is None and block.stage != Stage.producing:
        missing.append("first_year")
    if block.product != Product.ndpr_oxide and block.ndpr_share is None:
        missing.append("ndpr_share")
    return missing


def spread(shares: np.ndarray, total: float) -> np.ndarray:
    """Deal shares scaled to a new total, pro rata (equally when they are all zero)."""
    current = shares.sum()
    if current > 0:
        return shares * (total / current)
    return np.full(shares.size, total / max(shares.size, 1))


def scaled_offtakes(portfolio: Portfolio, scenario: Scenario) -> list[float]:
    """Deal offtake after deal overrides, then block overrides of India's total share."""
    offtake = [
        first_known(
            scenario.deal_overrides.get(d.id, NO_DEAL_OVERRIDE).offtake_share, d.offtake_share
        )
        for d in portfolio.deals
    ]
    for block_id, override in scenario.block_overrides.items():
        if override.offtake_share is None:
            continue
        live = [
            i
            for i, d in enumerate(portfolio.deals)
            if d.block_id == block_id and d.status != DealStatus.rejected
        ]
        scaled = spread(np.array([offtake[i] for i in live]), override.offtake_share)
        for i, share in zip(live, scaled.tolist(), strict=True):
            offtake[i] = share
    return offtake


def build_inputs(
    portfolio: Portfolio,
    scenario: Scenario | None = None,
    *,
    mode: Mode | str | None = None,
    start: int = 2025,
    end: int = 2040,
) -> ProjectionInputs:
    if end < start:
        raise ValueError(f"horizon: end year {end} is before start year {start}")
    scenario = scenario or Scenario(name="Base")
    mode = Mode(mode) if mode is not None else scenario.mode
    a = portfolio.assumptions.with_overrides(scenario.assumption_overrides)
    target = scenario.target or portfolio.target
    years = np.arange(start, end + 1)

    blocks = portfolio.blocks
    index = {b.id: i for i, b in enumerate(blocks)}
    countries = tuple(sorted({b.country for b in blocks}))
    country_index = {c: i for i, c in enumerate(countries)}
    stop_by_country: dict[str, float] = {}
    for d in scenario.disruptions:
        stop_by_country[d.country] = min(stop_by_country.get(d.country, NEVER), d.from_year)

    nameplate, block_start, incomplete = [], [], []
    for b in blocks:
        override = scenario.block_overrides.get(b.id, NO_BLOCK_OVERRIDE)
        first = first_known(override.first_year, b.first_year)
        plate = first_known(override.nameplate_tpa, b.nameplate_tpa)
        gaps = block_gaps(b, first, plate)
        if gaps:
            incomplete.append(f"block '{b.id}' ({b.name}) lacks {', '.join(gaps)}")
        nameplate.append(0.0 if gaps else plate)
        delay = scenario.delay_years + scenario.block_delays.get(b.id, 0)
        block_start.append(start_year(first, b.stage == Stage.producing) + delay)

    deals = portfolio.deals
    deal_block = np.array([index[d.block_id] for d in deals], dtype=np.intp)
    stage_p = np.array([a.p_stage[blocks[i].stage] for i in deal_block], dtype=float)
    deal_start = []
    for d in deals:
        year = first_known(
            scenario.deal_overrides.get(d.id, NO_DEAL_OVERRIDE).start_year, d.start_year
        )
        deal_start.append(ALWAYS if year is None else float(year))
    factor, needs_sep = [], []
    for i in deal_block:
        b = blocks[i]
        share = b.ndpr_share or 0.0
        if b.product == Product.ndpr_oxide:
            factor.append(1.0)
        elif b.product == Product.separated:
            factor.append(share)
        else:
            factor.append(share * a.separation_recovery)
        needs_sep.append(b.product in NEEDS_SEPARATION)

    plants = portfolio.plants
    plant_start = []
    for p in plants:
        if p.first_year is None and p.status != PlantStatus.operating:
            incomplete.append(f"plant '{p.id}' ({p.name}) lacks first_year")
        plant_start.append(start_year(p.first_year, p.status == PlantStatus.operating))

    return ProjectionInputs(
        scenario=scenario.name,
        mode=mode,
        years=years,
        target=np.array(target.series(range(start, end + 1)), dtype=float),
        oxide_to_metal=a.oxide_to_metal,
        ndpr_in_magnet=a.ndpr_in_magnet,
        separation_allocation=a.separation_allocation.value,
        block_ids=tuple(b.id for b in blocks),
        block_country=np.array([country_index[b.country] for b in blocks], dtype=np.intp),
        countries=countries,
        nameplate=np.array(nameplate, dtype=float),
        block_start=np.array(block_start, dtype=float),
        block_ramp=np.array([b.ramp_years for b in blocks], dtype=float),
        resource=np.array(
            [NEVER if b.resource_treo_t is None else b.resource_treo_t for b in blocks], dtype=float
        ),
        stop_year=np.array([stop_by_country.get(b.country, NEVER) for b in blocks], dtype=float),
        p_stage=np.array([a.p_stage[b.stage] for b in blocks], dtype=float),
        deal_ids=tuple(d.id for d in deals),
        deal_block=deal_block,
        offtake=np.array(scaled_offtakes(portfolio, scenario), dtype=float),
        deal_weight=deal_weights(mode, stage_p, [d.status for d in deals], a),
        deal_start=np.array(deal_start, dtype=float),
        oxide_factor=np.array(factor, dtype=float),
        needs_separation=np.array(needs_sep, dtype=bool),
        plant_ids=tuple(p.id for p in plants),
        plant_stage=np.array([PLANT_STAGE_INDEX[p.stage] for p in plants], dtype=np.intp),
        plant_capacity=np.array([p.capacity_tpa for p in plants], dtype=float),
        plant_start=np.array(plant_start, dtype=float),
        plant_ramp=np.array([p.ramp_years for p in plants], dtype=float),
        plant_weight=plant_weights(mode, [p.status for p in plants], a),
        incomplete=tuple(incomplete),
    )
