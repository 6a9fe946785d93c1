"""The projection's equations (1)-(7) as a plain Python loop over years, blocks, deals and plants:
what a careful script without NumPy would do, to measure `model.project` against. It reads the
records directly (its own set-up) and must give the same magnets (checked by the benchmark)."""

from __future__ import annotations

import math

from model.domain import (
    COMMITTED_DEALS,
    COMMITTED_PLANTS,
    NEEDS_SEPARATION,
    DealStatus,
    PlantStage,
    PlantStatus,
    Product,
    Stage,
)
from model.portfolio import Portfolio

STAGE_ROW = {PlantStage.separation: 0, PlantStage.metal: 1, PlantStage.magnet: 2}


def _ramp(t: int, start: float, ramp_years: float) -> float:
    return min(1.0, max(0.0, (t - start + 1.0) / ramp_years))


def _deal_weight(mode: str, p_stage: float, status: DealStatus, a) -> float:
    if mode == "expected":
        return p_stage * a.p_deal[status]
    if mode == "committed":
        return 1.0 if status in COMMITTED_DEALS else 0.0
    return 0.0 if status == DealStatus.rejected else 1.0


def _plant_weight(mode: str, status: PlantStatus, a) -> float:
    if mode == "expected":
        return a.p_plant[status]
    if mode == "committed":
        return 1.0 if status in COMMITTED_PLANTS else 0.0
    return 0.0 if status == PlantStatus.option else 1.0


def plain_project(
    portfolio: Portfolio, mode: str = "expected", start: int = 2025, end: int = 2040
) -> list[float]:
    """Magnets per year (base scenario)."""
    a = portfolio.assumptions
    pro_rata = a.separation_allocation.value == "pro_rata"
    years = range(start, end + 1)
    output: dict[str, list[float]] = {}  # (2) per block and year
    p_stage: dict[str, float] = {}
    for b in portfolio.blocks:
        p_stage[b.id] = a.p_stage[b.stage]
        complete = (
            b.nameplate_tpa is not None
            and (b.first_year is not None or b.stage == Stage.producing)
            and (b.product == Product.ndpr_oxide or b.ndpr_share is not None)
        )
        begin = b.first_year if b.first_year is not None else -math.inf
        cap = math.inf if b.resource_treo_t is None else b.resource_treo_t
        total, row = 0.0, []
        for t in years:
            q = b.nameplate_tpa * _ramp(t, begin, b.ramp_years) if complete else 0.0
            q = min(q, cap - total)
            total += q
            row.append(q)
        output[b.id] = row
    # Everything that does not change by year, once: the loop below is then only arithmetic.
    blocks = {b.id: b for b in portfolio.blocks}
    deals = []  # (output row, weight x offtake, oxide factor, pooled?, start year)
    for d in portfolio.deals:
        b = blocks[d.block_id]
        share = b.ndpr_share or 0.0
        if b.product == Product.ndpr_oxide:
            factor = 1.0
        elif b.product == Product.separated:
            factor = share
        else:
            factor = share * a.separation_recovery
        weight = _deal_weight(mode, p_stage[d.block_id], d.status, a) * d.offtake_share
        begin = -math.inf if d.start_year is None else d.start_year
        deals.append((output[d.block_id], weight, factor, b.product in NEEDS_SEPARATION, begin))
    plants = []  # (stage row, capacity x weight, start, ramp years)
    for p in portfolio.plants:
        first = p.first_year
        if first is None:
            first = -math.inf if p.status == PlantStatus.operating else math.inf
        weight = _plant_weight(mode, p.status, a)
        plants.append((STAGE_ROW[p.stage], p.capacity_tpa * weight, first, p.ramp_years))
    magnets = []
    for k, t in enumerate(years):
        caps = [0.0, 0.0, 0.0]  # (5) separation, metal, magnet
        for row, capacity, first, ramp_years in plants:
            caps[row] += capacity * _ramp(t, first, ramp_years)
        oxide = 0.0  # (3), (4)
        feed: dict[float, float] = {}  # feed needing separation, by NdPr yield per t
        for out, weight, factor, needs_separation, begin in deals:
            if t < begin:
                continue
            delivered = out[k] * weight
            if needs_separation:
                feed[factor] = feed.get(factor, 0.0) + delivered
            else:
                oxide += delivered * factor
        if pro_rata:
            total = sum(feed.values())
            phi = min(1.0, caps[0] / total) if total > 0 else 1.0
            oxide += phi * sum(f * factor for factor, f in feed.items())
        else:  # merit order: capacity to the richest feed first
            left = caps[0]
            for factor in sorted(feed, reverse=True):
                oxide += min(feed[factor], max(left, 0.0)) * factor
                left -= feed[factor]
        metal = min(oxide * a.oxide_to_metal, caps[1])
        magnets.append(min(metal / a.ndpr_in_magnet, caps[2]))  # (5)
    return magnets
