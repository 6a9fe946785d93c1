"""Tornado: move each assumption and each block's nameplate, offtake and start through a
documented range, one at a time, and rank them by how much the magnets of one year swing.

The ranges are declared with the assumptions (model/assumptions.py: each scalar's `sweep` and
its source; PROBABILITY_SWING, NAMEPLATE_FACTORS, OFFTAKE_SWING, START_YEARS_SWING for the
probabilities and each block with a live deal). Where a block's nameplate has several sourced
values in the evidence register (model/evidence.py), their range replaces the declared factors
and the bar says so ('sourced range'); a plant's capacity with several sourced values gets a bar
over their range.

Fast path: an assumption is applied to the prepared arrays (set-up from the cached record
columns) and only the year asked about is computed; a block's setting changes only that block's
deliveries, so every block's low (or high) end is worked out at once (model/block_ends.py,
model/one_year.py).
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
    PROBABILITY_SWING,
    SCALARS,
    TABLES,
    Assumptions,
    DyTbProcess,
)
from model.block_ends import block_ends, plant_ends
from model.domain import Block, Deal, Plant
from model.fields import CHOICE, NUMBER, PERCENT, YEAR, meta
from model.inputs import build_inputs
from model.montecarlo import Cancelled, Progress
from model.number_text import POINTS, shown
from model.one_year import OneYear
from model.portfolio import Portfolio
from model.projection import compute
from model.record_columns import columns_of
from model.scenario import HORIZON_END, HORIZON_START, Mode, Scenario

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
CAPACITY = (NUMBER, meta(Plant.model_fields["capacity_tpa"]).unit, 0, True)
CAPACITY_LABEL = field_words.label("plants", "capacity_tpa")
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


def capacity_bar(plant: Plant, low, high, low_t, high_t, base_t) -> Bar:
    """A plant's capacity over its sourced range."""
    label = f"{plant.name}: {CAPACITY_LABEL} (sourced range)"
    fields = (f"plant:{plant.id}:capacity", label, low, high, low_t, high_t, base_t)
    return _bar(Bar, (*fields, abs(high_t - low_t), *CAPACITY))


def sensitivity(
    portfolio: Portfolio,
    year: int,
    *,
    scenario: Scenario | None = None,
    mode: Mode | str | None = None,
    start: int = HORIZON_START,
    end: int = HORIZON_END,
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
    plants = plant_ends(portfolio, one, base_t)
    bars += [
        capacity_bar(portfolio.plants[k], lo, hi, lo_t, hi_t, base_t)
        for k, lo, hi, lo_t, hi_t in plants.rows()
    ]
    return ranked(bars)


def _block_bars(portfolio: Portfolio, scenario: Scenario, one: OneYear, base_t: float) -> list[Bar]:
    """Each block with a live deal: nameplate, India's offtake and first year at both ends."""
    plate, offtake, first, sourced = block_ends(portfolio, scenario, one, base_t)
    # Plain lists: 2,500 bars at 1,000 blocks, so per-bar numpy scalar access would show.
    ids, names = one.inputs.block_ids, [b.name for b in portfolio.blocks]
    t = base_t
    return (
        [
            nameplate_bar(f"block:{ids[k]}", names[k], ids[k] in sourced, lo, hi, lo_t, hi_t, t)
            for k, lo, hi, lo_t, hi_t in plate.rows()
        ]
        + [
            offtake_bar(f"block:{ids[k]}", names[k], lo, hi, lo_t, hi_t, t)
            for k, lo, hi, lo_t, hi_t in offtake.rows()
        ]
        + [
            start_bar(f"block:{ids[k]}", names[k], int(late), int(early), late_t, early_t, t)
            for k, late, early, late_t, early_t in first.rows()
        ]
    )
