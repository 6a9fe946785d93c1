"""Negotiation bounds for one deal and one year: the least India can accept.

* `min_offtake_share`: the smallest offtake share of this deal (closed at that share, everything
  else as it is, expected mode) at which magnets in the year reach the target; rounded up to the
  next 0.001, so projecting at the bound reaches the target. If even the most the block leaves
  (1 minus the other live deals' shares) falls short: `reachable` false, the shortfall and the
  bottleneck stage at that share.
* `latest_first_year`: the latest first year of the deal's block that still reaches the target,
  with the deal closed at its current share.
* `break_even_cost_musd`: given a budget, the highest cost of this deal at which it still belongs
  to a `max-expected` plan: the budget less the least the rest of a plan must cost to do as well
  with the deal as the best plan does without it.

Magnets grow with the share under merit order (adding feed never lowers output), so the smallest
share is found by bisection; under the pro-rata rule, or when Dy/Tb counts (equation 8), where
they need not, the share is scanned in steps of 0.001 instead.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

from model.domain import DealStatus
from model.inputs import ProjectionInputs, build_inputs
from model.number_text import percent
from model.optimise_model import Constraints, PlanRequestError, build_problem
from model.plan import open_deals
from model.portfolio import Portfolio
from model.projection import compute
from model.scenario import HORIZON_END, HORIZON_START, Mode, Scenario
from model.stage_words import stage_name

STEP = 0.001  # the bound's resolution (share of the block's output)


@dataclass(frozen=True)
class Bounds:
    deal_id: str
    year: int
    target_t: float
    reachable: bool
    min_offtake_share: float | None
    max_offtake_share: float
    shortfall_t: float | None
    bottleneck: str | None
    latest_first_year: int | None
    break_even_cost_musd: float | None
    block_name: str

    def as_dict(self) -> dict:
        return {
            "deal_id": self.deal_id,
            "year": self.year,
            "reachable": self.reachable,
            "min_offtake_share": self.min_offtake_share,
            "shortfall_t": self.shortfall_t,
            "latest_first_year": self.latest_first_year,
            "break_even_cost_musd": self.break_even_cost_musd,
            "target_t": self.target_t,
            "max_offtake_share": self.max_offtake_share,
            "bottleneck": self.bottleneck,
        }

    def sentence(self) -> str:
        """One line for the what-if panel."""
        target = f"to reach {self.target_t:,.0f} t in {self.year}"
        if self.reachable and self.min_offtake_share is not None:
            return f"{target}: at least {percent(self.min_offtake_share)} of {self.block_name}"
        return (
            f"{target}: not reachable even at {percent(self.max_offtake_share)} of "
            f"{self.block_name}, "
            f"short by {self.shortfall_t:,.0f} t, bottleneck {stage_name(self.bottleneck or '')}"
        )


def _with_share(inputs: ProjectionInputs, d: int, share: float, weight: float):
    offtake = inputs.offtake.copy()
    offtake[d] = share
    deal_weight = inputs.deal_weight.copy()
    deal_weight[d] = weight
    return compute(inputs.with_arrays(offtake=offtake, deal_weight=deal_weight))


def deal_bounds(
    portfolio: Portfolio,
    deal_id: str,
    year: int,
    *,
    scenario: Scenario | None = None,
    budget_musd: float | None = None,
    include_uncosted: bool = False,
    start: int = HORIZON_START,
    end: int = HORIZON_END,
) -> Bounds:
    ids = [d.id for d in portfolio.deals]
    if deal_id not in ids:
        raise PlanRequestError(f"--deal {deal_id}: not a deal of this portfolio")
    if not start <= year <= end:
        raise PlanRequestError(f"year {year} is outside the horizon {start}-{end}")
    d = ids.index(deal_id)
    deal = portfolio.deals[d]
    inputs = build_inputs(portfolio, scenario, mode=Mode.expected, start=start, end=end)
    k = year - start
    target = float(inputs.target[k])
    closed = float(inputs.p_stage[inputs.deal_block[d]])  # closing leaves only project risk
    others = sum(
        o.offtake_share
        for o in portfolio.deals
        if o.block_id == deal.block_id and o.id != deal_id and o.status != DealStatus.rejected
    )
    most = max(0.0, min(1.0, 1.0 - others))

    def magnets(share: float) -> float:
        return float(_with_share(inputs, d, share, closed).magnets[k])

    at_most = _with_share(inputs, d, most, closed)
    reachable = at_most.magnets[k] >= target - 1e-9
    min_share = shortfall = bottleneck = None
    if reachable:
        # Monotone only under merit order without the Dy/Tb limit (equation 8: a deal rich in
        # NdPr can take the separation of Dy/Tb-rich feed).
        monotone = inputs.separation_allocation == "merit_order" and inputs.high_temp_share == 0
        min_share = _smallest_share(magnets, target, most, monotone)
    else:
        shortfall = target - float(at_most.magnets[k])
        bottleneck = at_most.bottleneck[k]
    latest = _latest_first_year(inputs, d, closed, target, year, k)
    break_even = None
    if budget_musd is not None:
        break_even = _break_even(
            portfolio, deal_id, year, scenario, budget_musd, include_uncosted, start, end
        )
    return Bounds(
        deal_id=deal_id,
        year=year,
        target_t=target,
        reachable=bool(reachable),
        min_offtake_share=min_share,
        max_offtake_share=most,
        shortfall_t=shortfall,
        bottleneck=bottleneck,
        latest_first_year=latest,
        break_even_cost_musd=break_even,
        block_name=portfolio.block(deal.block_id).name,
    )


def _smallest_share(magnets, target: float, most: float, monotone: bool) -> float:
    """The smallest share on the 0.001 grid (capped at `most`) whose magnets reach the target."""
    reaches = lambda s: magnets(s) >= target - 1e-9  # noqa: E731
    if reaches(0.0):
        return 0.0
    if not monotone:  # scan the grid
        for step in range(1, int(math.floor(most / STEP)) + 1):
            if reaches(step * STEP):
                return round(step * STEP, 3)
        return most
    lo, hi = 0.0, most  # reaches(hi), not reaches(lo)
    while hi - lo > STEP / 8:
        mid = (lo + hi) / 2
        lo, hi = (lo, mid) if reaches(mid) else (mid, hi)
    bound = min(math.ceil(round(hi / STEP, 6)) * STEP, most)
    while bound - STEP >= 0 and reaches(round(bound - STEP, 3)):  # float edges of the grid
        bound -= STEP
    return round(bound, 3) if bound < most else most


def _latest_first_year(
    inputs: ProjectionInputs, d: int, closed: float, target: float, year: int, k: int
) -> int | None:
    """Latest first year of the deal's block (no other change) that still reaches the target."""
    b = int(inputs.deal_block[d])
    weight = inputs.deal_weight.copy()
    weight[d] = closed
    base = inputs.with_arrays(deal_weight=weight)
    first = year
    earliest = int(inputs.years[0]) - 50
    while first >= earliest:
        starts = base.block_start.copy()
        starts[b] = float(first)
        if compute(base.with_arrays(block_start=starts)).magnets[k] >= target - 1e-9:
            return first
        first -= 1
    return None


def _break_even(
    portfolio: Portfolio,
    deal_id: str,
    year: int,
    scenario: Scenario | None,
    budget: float,
    include_uncosted: bool,
    start: int,
    end: int,
) -> float | None:
    from model.optimise import _search  # SciPy's MILP: imported when a break-even is asked for

    if deal_id not in open_deals(portfolio, scenario):
        return None  # only an open deal can be in or out of a plan
    without = build_problem(
        portfolio,
        year,
        Constraints(budget_musd=budget, exclude=(deal_id,), include_uncosted=include_uncosted),
        scenario=scenario,
        start=start,
        end=end,
        costs_matter=True,
    )
    status, x, y, _ = _search(without, "max-expected", _deadline(), None, None)
    if x is None or y is None:
        return None
    best_without = float(without.project(x, y).magnets[without.k])
    # With the deal (its own cost set aside): the least the rest must cost to do as well.
    with_deal = build_problem(
        portfolio,
        year,
        Constraints(include=(deal_id,), include_uncosted=include_uncosted),
        scenario=scenario,
        start=start,
        end=end,
        costs_matter=True,
    )
    d = list(with_deal.deal_ids).index(deal_id)
    cost = with_deal.deal_cost.copy()
    cost[d] = 0.0
    target_row = replace(with_deal, deal_cost=cost, target=best_without - 1e-6)
    status, x, y, _ = _search(target_row, "min-cost", _deadline(), None, None)
    if x is None or y is None:
        return None
    rest = float(cost @ (x * with_deal.open_deal) + with_deal.plant_cost @ (y * with_deal.option))
    value = budget - rest
    return float(np.round(value, 6)) if value >= 0 else None


def _deadline(seconds: float = 30.0) -> float:
    import time

    return time.monotonic() + seconds
