"""Tornado: move each assumption and each block's nameplate, offtake and start through a
documented range, one at a time, and rank them by how much the magnets of one year swing.

The ranges are declared with the assumptions (model/assumptions.py: each scalar's `sweep` and
its source; PROBABILITY_SWING, NAMEPLATE_FACTORS, OFFTAKE_SWING, START_YEARS_SWING for the
probabilities and each block with a live deal). Where a block's nameplate has several sourced
values in the evidence register (model/evidence.py), their range replaces the declared factors
and the bar says so ('sourced range').

Fast path: an assumption is applied to the prepared arrays (set-up from the cached record
columns) and only the year asked about is computed; a block's setting changes only that block's
deliveries, so every block's low (or high) end is worked out at once (model/one_year.py).
`model/sensitivity_reference.py` gets the same bars by a full projection per setting.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np

from model import field_words
from model.assumptions import (
    CHOICES,
    NAMEPLATE_FACTORS,
    OFFTAKE_SWING,
    PROBABILITY_SWING,
    SCALARS,
    START_YEARS_SWING,
    TABLES,
    Assumptions,
    DyTbProcess,
)
from model.domain import Block, Deal, DealStatus, Product
from model.evidence import spreads
from model.fields import CHOICE, NUMBER, PERCENT, YEAR, meta
from model.inputs import build_inputs
from model.montecarlo import Cancelled, Progress
from model.number_text import POINTS, shown
from model.one_year import OneYear
from model.portfolio import Portfolio
from model.projection import compute, ramp
from model.record_columns import DEAL_STATUS_LIST, PRODUCT_LIST, columns_of
from model.scenario import Mode, Scenario

ASSUMPTION_RANGES = {name: spec.sweep for name, spec in SCALARS.items() if spec.sweep}
SWING_GRAIN = 1e-6  # t: swings equal to this are ties (ordered by key), float noise aside


class Bar(NamedTuple):
    """One bar of the tornado: magnets in the year at the low and the high end of the range.
    `low`/`high` are the settings as stored (fractions, t/yr, years, choices), in `unit`;
    `low_setting`/`high_setting` are how they read (model.number_text, by `fmt`). A tuple:
    a tornado at 1,000 blocks has 2,500 bars."""

    key: str  # e.g. 'ndpr_in_magnet' or 'block:nolans:nameplate'
    label: str
    low: Any
    high: Any
    low_t: float
    high_t: float
    base_t: float
    swing: float  # |high_t - low_t|
    fmt: str = NUMBER  # model.fields / model.number_text format of low and high
    unit: str = ""  # of low and high as stored (JSON, CSV)
    decimals: int = 0
    unit_shown: bool = False  # whether the setting's text carries the unit ('7,500 t/yr')

    @property
    def low_setting(self) -> str:
        return self._shown(self.low)

    @property
    def high_setting(self) -> str:
        return self._shown(self.high)

    def _shown(self, value: Any) -> str:
        return shown(value, self.fmt, self.unit if self.unit_shown else "", self.decimals)


def ranked(bars: list[Bar]) -> list[Bar]:
    """Largest swing first; equal swings (to SWING_GRAIN) by key."""
    if not bars:
        return []
    swing = np.round(np.array([b.swing for b in bars]) / SWING_GRAIN)
    order = np.lexsort((np.array([b.key for b in bars]), -swing))
    return [bars[k] for k in order.tolist()]


def assumption_bar(s: Setting, low_t: float, high_t: float, base_t: float) -> Bar:
    swing = abs(high_t - low_t)
    return Bar(
        s.key, s.label, s.low, s.high, low_t, high_t, base_t, swing, s.fmt, s.unit, s.decimals
    )


@dataclass(frozen=True)
class Setting:
    """An assumption's two ends, as scenario assumption overrides."""

    key: str
    label: str
    low: Any
    high: Any
    low_update: dict  # assumption name -> value (a table whole)
    high_update: dict
    fmt: str
    unit: str
    decimals: int = 0


def _shifted(table: dict, step: float) -> dict:
    return {k: min(1.0, max(0.0, v + step)) for k, v in table.items() if 0.0 < v < 1.0}


def scenario_assumptions(portfolio: Portfolio, scenario: Scenario) -> Assumptions:
    overrides = scenario.assumption_overrides
    return portfolio.assumptions.with_overrides(overrides) if overrides else portfolio.assumptions


def assumption_settings(portfolio: Portfolio, scenario: Scenario) -> list[Setting]:
    """Every assumption's low and high end (scalars, the Dy/Tb process, the probabilities)."""
    found = [
        Setting(
            name,
            SCALARS[name].label,
            low,
            high,
            {name: low},
            {name: high},
            SCALARS[name].fmt,
            SCALARS[name].unit,
            SCALARS[name].decimals,
        )
        for name, (low, high) in ASSUMPTION_RANGES.items()
    ]
    low, high = DyTbProcess.conventional, DyTbProcess.grain_boundary_diffusion
    found.append(  # equation 8: which Dy+Tb intensity applies
        Setting(
            "dytb_process",
            CHOICES["dytb_process"][1],
            low,
            high,
            {"dytb_process": low},
            {"dytb_process": high},
            CHOICE,
            "",
        )
    )
    a = scenario_assumptions(portfolio, scenario)
    for table in ("p_stage", "p_deal", "p_plant"):
        current = getattr(a, table)
        found.append(
            Setting(
                table,
                TABLES[table].label,
                -PROBABILITY_SWING,
                PROBABILITY_SWING,
                {table: {**current, **_shifted(current, -PROBABILITY_SWING)}},
                {table: {**current, **_shifted(current, PROBABILITY_SWING)}},
                POINTS,
                f"change of each {TABLES[table].unit} that is not 0 or 1 (clipped to 0-1)",
            )
        )
    return found


def _block_labels() -> dict[str, str]:
    """What a block's bar names, by the declared labels ('nameplate', 'first year')."""
    return {
        "nameplate_tpa": field_words.label("blocks", "nameplate_tpa"),
        "first_year": field_words.label("blocks", "first_year"),
        "offtake": f"India's {field_words.label('deals', 'offtake_share')}",
    }


BLOCK_LABELS = _block_labels()


OFFTAKE_META = meta(Deal.model_fields["offtake_share"])
# How each block setting reads: (format, unit, decimals[, unit shown]), by the declarations.
NAMEPLATE = (NUMBER, meta(Block.model_fields["nameplate_tpa"]).unit, 0, True)
OFFTAKE_FORMAT = (PERCENT, "share of the block's output, 0-1", OFFTAKE_META.decimals, False)
FIRST_YEAR = (YEAR, "year", 0, False)
_bar = tuple.__new__  # a Bar from all its fields at once: 2,500 bars at 1,000 blocks


# A block's three bars; `key` is 'block:<id>'.
def nameplate_bar(key, name, sourced, low, high, low_t, high_t, base_t) -> Bar:
    label = f"{name}: {BLOCK_LABELS['nameplate_tpa']}" + (" (sourced range)" if sourced else "")
    swing = abs(high_t - low_t)
    fields = (f"{key}:nameplate", label, low, high, low_t, high_t, base_t, swing, *NAMEPLATE)
    return _bar(Bar, fields)


def offtake_bar(key, name, low, high, low_t, high_t, base_t) -> Bar:
    label, swing = f"{name}: {BLOCK_LABELS['offtake']}", abs(high_t - low_t)
    fields = (f"{key}:offtake", label, low, high, low_t, high_t, base_t, swing, *OFFTAKE_FORMAT)
    return _bar(Bar, fields)


def start_bar(key, name, late, early, late_t, early_t, base_t) -> Bar:
    label, swing = f"{name}: {BLOCK_LABELS['first_year']}", abs(early_t - late_t)
    fields = (f"{key}:start", label, late, early, late_t, early_t, base_t, swing, *FIRST_YEAR)
    return _bar(Bar, fields)


def sensitivity(
    portfolio: Portfolio,
    year: int,
    *,
    scenario: Scenario | None = None,
    mode: Mode | str | None = None,
    start: int = 2025,
    end: int = 2040,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Bar]:
    """Every bar, largest swing first."""
    scenario = scenario or Scenario(name="Base")
    base = build_inputs(portfolio, scenario, mode=mode, start=start, end=end)
    projection = compute(base)
    i = projection.year_index(year)
    base_t = float(projection.magnets[i])

    one = OneYear(base, i)
    c, a = columns_of(portfolio), scenario_assumptions(portfolio, scenario)
    plain = scenario.model_copy(update={"assumption_overrides": {}})  # `a` has them

    def with_assumptions(update: dict) -> float:
        """Set-up keeps what depends on records (and on an assumption's value) with the cached
        record columns, so only what the assumption touches is new; only year i is computed.
        The declared sweeps are within range: no validation again."""
        variant = portfolio.model_copy(update={"assumptions": a.model_copy(update=update)})
        inputs = build_inputs(variant, plain, mode=mode, start=start, end=end, columns=c)
        return OneYear(inputs, i, like=one).magnets()

    bars = [
        assumption_bar(s, with_assumptions(s.low_update), with_assumptions(s.high_update), base_t)
        for s in assumption_settings(portfolio, scenario)
    ]
    if cancelled is not None and cancelled():
        raise Cancelled()
    if progress is not None:
        progress(0.5)
    bars += _block_bars(portfolio, scenario, one, base_t)
    return ranked(bars)


def _block_bars(portfolio: Portfolio, scenario: Scenario, one: OneYear, base_t: float) -> list[Bar]:
    """Each block with a live deal: nameplate, India's offtake and first year at both ends, all
    blocks at once (each block's end changes only its own deliveries)."""
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
    plate_ends = []
    for values in (lows, highs):
        nameplate = np.where(with_plate, np.where(lacks_other, 0.0, values), base.nameplate)
        plate_ends.append(magnets(nameplate=nameplate))

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

    # Plain lists: 2,500 bars at 1,000 blocks, so per-bar numpy scalar access would show.
    ids, names = c.block_ids, [b.name for b in c.blocks]

    def columns(mask: np.ndarray, *arrays: np.ndarray) -> zip:
        at = np.flatnonzero(mask)
        return zip(at.tolist(), *(a[at].tolist() for a in arrays), strict=True)

    t = base_t
    return (
        [
            nameplate_bar(f"block:{ids[k]}", names[k], ids[k] in sourced, lo, hi, lo_t, hi_t, t)
            for k, lo, hi, lo_t, hi_t in columns(with_plate, lows, highs, *plate_ends)
        ]
        + [
            offtake_bar(f"block:{ids[k]}", names[k], lo, hi, lo_t, hi_t, t)
            for k, lo, hi, lo_t, hi_t in columns(has_live, off_lows, off_highs, *off_ends)
        ]
        + [
            start_bar(f"block:{ids[k]}", names[k], int(late), int(early), late_t, early_t, t)
            for k, late, early, late_t, early_t in columns(with_first, lates, earlies, *start_ends)
        ]
    )
