"""Tornado: move each assumption and each block's nameplate, offtake and start through a
documented range, one at a time, and rank them by how much the magnets of one year swing.

The ranges are declared with the assumptions (model/assumptions.py: each scalar's `sweep` and
its source; PROBABILITY_SWING, NAMEPLATE_FACTORS, OFFTAKE_SWING, START_YEARS_SWING for the
probabilities and each block with a live deal). Where a block's nameplate has several sourced
values in the evidence register (model/evidence.py), their range replaces the declared factors
and the bar says so ('sourced range').
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from model.assumptions import (
    NAMEPLATE_FACTORS,
    OFFTAKE_SWING,
    PROBABILITY_SWING,
    SCALARS,
    START_YEARS_SWING,
)
from model.evidence import spreads
from model.inputs import build_inputs
from model.montecarlo import Cancelled, Progress
from model.portfolio import Portfolio
from model.projection import compute
from model.scenario import Mode, Scenario
from model.what_if import WhatIf, live_deals, what_if_inputs

ASSUMPTION_RANGES = {name: spec.sweep for name, spec in SCALARS.items() if spec.sweep}
PROBABILITY_STEP = PROBABILITY_SWING
OFFTAKE_STEP = OFFTAKE_SWING
START_YEARS = START_YEARS_SWING


@dataclass(frozen=True)
class Bar:
    """One bar of the tornado: magnets in the year at the low and the high end of the range."""

    key: str  # e.g. 'ndpr_in_magnet' or 'block:nolans:nameplate'
    label: str
    low_setting: str
    high_setting: str
    low_t: float
    high_t: float
    base_t: float

    @property
    def swing(self) -> float:
        return abs(self.high_t - self.low_t)


def _shifted(table: dict, step: float) -> dict:
    return {k: min(1.0, max(0.0, v + step)) for k, v in table.items() if 0.0 < v < 1.0}


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
    base_inputs = build_inputs(portfolio, scenario, mode=mode, start=start, end=end)
    i = compute(base_inputs).year_index(year)
    base_t = float(compute(base_inputs).magnets[i])

    def with_assumptions(overrides: dict) -> float:
        merged = {**scenario.assumption_overrides, **overrides}
        s = scenario.model_copy(update={"assumption_overrides": merged})
        return float(
            compute(build_inputs(portfolio, s, mode=mode, start=start, end=end)).magnets[i]
        )

    def with_what_if(what_if: WhatIf) -> float:
        inputs = what_if_inputs(base_inputs, portfolio, scenario, what_if)
        return float(compute(inputs).magnets[i])

    bars = []
    for name, (low, high) in ASSUMPTION_RANGES.items():
        bars.append(
            Bar(
                name,
                SCALARS[name].label,
                f"{low:.3g}",
                f"{high:.3g}",
                with_assumptions({name: low}),
                with_assumptions({name: high}),
                base_t,
            )
        )
    bars.append(  # equation 8: which Dy+Tb intensity applies
        Bar(
            "dytb_process",
            "Dy/Tb process",
            "conventional",
            "grain-boundary diffusion",
            with_assumptions({"dytb_process": "conventional"}),
            with_assumptions({"dytb_process": "grain_boundary_diffusion"}),
            base_t,
        )
    )
    a = portfolio.assumptions.with_overrides(scenario.assumption_overrides)
    for table, label in (
        ("p_stage", "stage probabilities"),
        ("p_deal", "deal probabilities"),
        ("p_plant", "plant probabilities"),
    ):
        current = getattr(a, table)
        bars.append(
            Bar(
                table,
                label,
                f"-{PROBABILITY_STEP:g}",
                f"+{PROBABILITY_STEP:g}",
                with_assumptions({table: _shifted(current, -PROBABILITY_STEP)}),
                with_assumptions({table: _shifted(current, PROBABILITY_STEP)}),
                base_t,
            )
        )
    sourced = spreads(portfolio, "blocks", "nameplate_tpa")
    for k, b in enumerate(portfolio.blocks):
        if cancelled is not None and cancelled():
            raise Cancelled()
        if progress is not None:
            progress(k / max(len(portfolio.blocks), 1))
        deals = live_deals(portfolio, b.id)
        if not deals:
            continue
        if b.nameplate_tpa:
            lo, hi = (b.nameplate_tpa * f for f in NAMEPLATE_FACTORS)
            label = f"{b.name}: nameplate"
            if b.id in sourced:
                lo, hi = sourced[b.id]
                label += " (sourced range)"
            bars.append(
                Bar(
                    f"block:{b.id}:nameplate",
                    label,
                    f"{lo:,.0f}",
                    f"{hi:,.0f}",
                    with_what_if(WhatIf(b.id, nameplate_tpa=lo)),
                    with_what_if(WhatIf(b.id, nameplate_tpa=hi)),
                    base_t,
                )
            )
        total = sum(portfolio.deals[k].offtake_share for k in deals)
        lo, hi = max(0.0, total - OFFTAKE_STEP), min(1.0, total + OFFTAKE_STEP)
        bars.append(
            Bar(
                f"block:{b.id}:offtake",
                f"{b.name}: India's offtake",
                f"{lo:.2f}",
                f"{hi:.2f}",
                with_what_if(WhatIf(b.id, offtake_total=lo)),
                with_what_if(WhatIf(b.id, offtake_total=hi)),
                base_t,
            )
        )
        if b.first_year is not None:
            late, early = b.first_year + START_YEARS, b.first_year - START_YEARS
            bars.append(
                Bar(
                    f"block:{b.id}:start",
                    f"{b.name}: first year",
                    str(late),
                    str(early),
                    with_what_if(WhatIf(b.id, first_year=late)),
                    with_what_if(WhatIf(b.id, first_year=early)),
                    base_t,
                )
            )
    return sorted(bars, key=lambda bar: (-bar.swing, bar.key))
