"""Every block's nameplate, India's offtake and first year at the low and the high end of the
tornado's ranges (model/sensitivity.py), each alone, and the magnets of one year each gives: all
blocks at once, since a block's setting changes only its own deals' deliveries (model/one_year.py).
Likewise each plant's capacity over its sourced range (one stage's capacity in the year moves).
The settings are those of the reference, `sensitivity_reference.py`: a projection per end.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from model.assumptions import NAMEPLATE_FACTORS, OFFTAKE_SWING, START_YEARS_SWING
from model.domain import DealStatus, Product
from model.evidence import spreads
from model.one_year import OneYear
from model.portfolio import Portfolio
from model.projection import ramp
from model.record_columns import DEAL_STATUS_LIST, PRODUCT_LIST, columns_of
from model.scenario import Scenario


@dataclass(frozen=True)
class Ends:
    """One figure of the blocks in `mask`: its low and high setting and the magnets at each."""

    mask: np.ndarray  # (B,) the blocks that have this bar
    low: np.ndarray  # (B,)
    high: np.ndarray
    low_t: np.ndarray
    high_t: np.ndarray

    def rows(self) -> zip:
        """(block index, low, high, low_t, high_t) of each block in the mask, as plain numbers."""
        at = np.flatnonzero(self.mask)
        columns = (self.low, self.high, self.low_t, self.high_t)
        return zip(at.tolist(), *(a[at].tolist() for a in columns), strict=True)


def block_ends(
    portfolio: Portfolio, scenario: Scenario, one: OneYear, base_t: float
) -> tuple[Ends, Ends, Ends, dict[str, tuple[float, float]]]:
    """Nameplate (the declared factors, or the sourced range), India's offtake and first year of
    each block with a live deal; and the blocks whose nameplate range is sourced."""
    c, base = columns_of(portfolio), one.inputs
    n_blocks = len(c.blocks)
    live = c.deal_status != DEAL_STATUS_LIST.index(DealStatus.rejected)  # as recorded
    live_block = c.deal_block[live]
    has_live = np.bincount(live_block, minlength=n_blocks) > 0

    def magnets(nameplate=None, start=None, offtake=None) -> np.ndarray:
        """Each block's magnets with its own entry of the given arrays (the rest as base)."""
        q = one.q
        if nameplate is not None or start is not None:
            r = one.ramp if start is None else ramp(start, base.block_ramp, base.years)
            q = one.output(base.nameplate if nameplate is None else nameplate, r)
        a = one.deliveries(q, base.offtake if offtake is None else offtake)
        found, moved = one.per_block(a)
        return np.where(moved, found, base_t)  # unmoved: exactly the projection's figure

    # Nameplate: the declared factors, or the sourced range.
    plate = np.nan_to_num(c.nameplate)
    with_plate = has_live & (plate != 0)
    lows, highs = (plate * f for f in NAMEPLATE_FACTORS)
    sourced = spreads(portfolio, "blocks", "nameplate_tpa")
    index = {b: k for k, b in enumerate(c.block_ids)} if sourced or scenario.block_delays else {}
    for block_id, (lo, hi) in sourced.items():
        if block_id in index:
            lows[index[block_id]], highs[index[block_id]] = lo, hi
    lacks_other = np.isposinf(base.block_start) | (
        np.isnan(c.ndpr_share) & (c.block_product != PRODUCT_LIST.index(Product.ndpr_oxide))
    )
    plate_ends = [
        magnets(nameplate=np.where(with_plate, np.where(lacks_other, 0.0, v), base.nameplate))
        for v in (lows, highs)
    ]

    # India's offtake: the recorded total of live deals +- the swing, spread pro rata.
    total = np.bincount(live_block, weights=c.offtake[live], minlength=n_blocks)
    current = np.bincount(live_block, weights=base.offtake[live], minlength=n_blocks)
    count = np.bincount(live_block, minlength=n_blocks)
    off_lows = np.maximum(0.0, total - OFFTAKE_SWING)
    off_highs = np.minimum(1.0, total + OFFTAKE_SWING)
    off_ends = []
    b, share, current = live_block, base.offtake[live], current[live_block]
    for ends in (off_lows, off_highs):
        offtake = base.offtake.copy()  # each live deal's share of its block's current total
        offtake[live] = np.where(
            current > 0, share / np.where(current > 0, current, 1.0) * ends[b], ends[b] / count[b]
        )
        off_ends.append(magnets(offtake=offtake))

    # First year: the recorded one +- years, after the scenario's delays.
    first = c.block_first
    with_first = has_live & ~np.isnan(first)
    delay = np.full(n_blocks, float(scenario.delay_years))
    for block_id, years in scenario.block_delays.items():
        if block_id in index:
            delay[index[block_id]] += years
    lates, earlies = first + START_YEARS_SWING, first - START_YEARS_SWING
    start_ends = [
        magnets(start=np.where(with_first, ends + delay, base.block_start))
        for ends in (lates, earlies)
    ]

    return (
        Ends(with_plate, lows, highs, *plate_ends),
        Ends(has_live, off_lows, off_highs, *off_ends),
        Ends(with_first, lates, earlies, *start_ends),
        sourced,
    )


def plant_ends(portfolio: Portfolio, one: OneYear, base_t: float) -> Ends:
    """Each plant's capacity at the ends of its sourced range (the evidence register)."""
    sourced = spreads(portfolio, "plants", "capacity_tpa")
    capacity = one.inputs.plant_capacity
    if not sourced:
        none = np.zeros(capacity.size)
        return Ends(none.astype(bool), none, none, none, none)
    mask = np.array([p.id in sourced for p in portfolio.plants], dtype=bool)
    ends = []
    for end in (0, 1):
        values = np.array(
            [sourced[p.id][end] if p.id in sourced else 0.0 for p in portfolio.plants]
        )
        found, moved = one.per_plant(np.where(mask, values, capacity))
        ends.append((values, np.where(moved, found, base_t)))
    (lows, low_t), (highs, high_t) = ends
    return Ends(mask, lows, highs, low_t, high_t)
