"""The tornado by a full projection per setting: the plain reference the fast path
(model/sensitivity.py) is tested against, and the benchmark's 'before'. Each assumption end
rebuilds the inputs; each block end is a what-if (model/what_if.py) and a projection."""

from __future__ import annotations

from model.assumptions import NAMEPLATE_FACTORS, OFFTAKE_SWING, START_YEARS_SWING
from model.evidence import spreads
from model.inputs import build_inputs
from model.portfolio import Portfolio
from model.projection import compute
from model.scenario import HORIZON_END, HORIZON_START, Mode, Scenario
from model.sensitivity import (
    Bar,
    assumption_bar,
    assumption_settings,
    capacity_bar,
    nameplate_bar,
    offtake_bar,
    ranked,
    start_bar,
)
from model.what_if import WhatIf, live_deals, what_if_inputs


def sensitivity_reference(
    portfolio: Portfolio,
    year: int,
    *,
    scenario: Scenario | None = None,
    mode: Mode | str | None = None,
    start: int = HORIZON_START,
    end: int = HORIZON_END,
) -> list[Bar]:
    """Every bar, largest swing first (as `sensitivity.sensitivity`)."""
    scenario = scenario or Scenario(name="Base")
    base_inputs = build_inputs(portfolio, scenario, mode=mode, start=start, end=end)
    i = compute(base_inputs).year_index(year)
    base_t = float(compute(base_inputs).magnets[i])

    def with_assumptions(update: dict) -> float:
        merged = {**scenario.assumption_overrides, **update}
        s = scenario.model_copy(update={"assumption_overrides": merged})
        return float(
            compute(build_inputs(portfolio, s, mode=mode, start=start, end=end)).magnets[i]
        )

    def with_what_if(what_if: WhatIf) -> float:
        inputs = what_if_inputs(base_inputs, portfolio, scenario, what_if)
        return float(compute(inputs).magnets[i])

    bars = [
        assumption_bar(s, with_assumptions(s.low_update), with_assumptions(s.high_update), base_t)
        for s in assumption_settings(portfolio, scenario)
    ]
    sourced = spreads(portfolio, "blocks", "nameplate_tpa")
    for b in portfolio.blocks:
        deals = live_deals(portfolio, b.id)
        if not deals:
            continue
        key = f"block:{b.id}"
        if b.nameplate_tpa:
            lo, hi = (b.nameplate_tpa * f for f in NAMEPLATE_FACTORS)
            if b.id in sourced:
                lo, hi = sourced[b.id]
            bars.append(
                nameplate_bar(
                    key,
                    b.name,
                    b.id in sourced,
                    lo,
                    hi,
                    with_what_if(WhatIf(b.id, nameplate_tpa=lo)),
                    with_what_if(WhatIf(b.id, nameplate_tpa=hi)),
                    base_t,
                )
            )
        total = sum(portfolio.deals[k].offtake_share for k in deals)
        lo, hi = max(0.0, total - OFFTAKE_SWING), min(1.0, total + OFFTAKE_SWING)
        bars.append(
            offtake_bar(
                key,
                b.name,
                lo,
                hi,
                with_what_if(WhatIf(b.id, offtake_total=lo)),
                with_what_if(WhatIf(b.id, offtake_total=hi)),
                base_t,
            )
        )
        if b.first_year is not None:
            late, early = b.first_year + START_YEARS_SWING, b.first_year - START_YEARS_SWING
            bars.append(
                start_bar(
                    key,
                    b.name,
                    late,
                    early,
                    with_what_if(WhatIf(b.id, first_year=late)),
                    with_what_if(WhatIf(b.id, first_year=early)),
                    base_t,
                )
            )
    for k, (lo, hi) in _plant_ranges(portfolio):
        t = []
        for value in (lo, hi):
            capacity = base_inputs.plant_capacity.copy()
            capacity[k] = value
            t.append(float(compute(base_inputs.with_arrays(plant_capacity=capacity)).magnets[i]))
        bars.append(capacity_bar(portfolio.plants[k], lo, hi, *t, base_t))
    return ranked(bars)


def _plant_ranges(portfolio: Portfolio) -> list[tuple[int, tuple[float, float]]]:
    sourced = spreads(portfolio, "plants", "capacity_tpa")
    return [(k, sourced[p.id]) for k, p in enumerate(portfolio.plants) if p.id in sourced]
