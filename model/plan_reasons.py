"""Why an open deal is not in the plan: what it would add to the plan, what it costs, and the
reason in words (shown beside a plan in the desktop)."""

from __future__ import annotations

from dataclasses import dataclass

from model.inputs import build_inputs
from model.optimise import PlanResult
from model.optimise_model import Constraints
from model.plan import open_deals, plan_scenario
from model.portfolio import Portfolio
from model.projection import compute
from model.scenario import HORIZON_END, HORIZON_START, Mode, Scenario
from model.stage_words import stage_name


@dataclass(frozen=True)
class LeftOut:
    deal_id: str
    added_t: float  # expected magnets in the year the deal would add to the plan
    cost_musd: float | None
    reason: str


def why_not(
    portfolio: Portfolio,
    result: PlanResult,
    constraints: Constraints,
    *,
    scenario: Scenario | None = None,
    start: int = HORIZON_START,
    end: int = HORIZON_END,
) -> list[LeftOut]:
    """Every open deal the plan leaves out, most magnets added first."""
    if result.plan is None:
        return []
    plan = result.plan.plan
    inputs = build_inputs(
        portfolio,
        plan_scenario(portfolio, plan, scenario),
        mode=Mode.expected,
        start=start,
        end=end,
    )
    k = result.year - start
    base = compute(inputs)
    spent = result.plan.cost_musd
    cost = {d.id: d.cost_musd for d in portfolio.deals}
    index = {d: i for i, d in enumerate(inputs.deal_ids)}
    rows = []
    for deal_id in open_deals(portfolio, scenario):
        if deal_id in plan.closed:
            continue
        d = index[deal_id]
        weight = inputs.deal_weight.copy()
        weight[d] = inputs.p_stage[inputs.deal_block[d]]
        added = float(compute(inputs.with_arrays(deal_weight=weight)).magnets[k] - base.magnets[k])
        rows.append(
            LeftOut(
                deal_id,
                added,
                cost[deal_id],
                _reason(
                    deal_id, added, cost[deal_id], result, constraints, spent, base.bottleneck[k]
                ),
            )
        )
    return sorted(rows, key=lambda r: (-r.added_t, r.deal_id))


def _reason(deal_id, added, cost, result, c: Constraints, spent, bottleneck) -> str:
    if deal_id in c.exclude:
        return "ruled out by you"
    if deal_id in result.left_out_uncosted:
        return "cost unknown: left out of a budgeted plan"
    if added <= 1e-6:
        return f"adds nothing in {result.year}: {stage_name(bottleneck)} binds"
    if c.budget_musd is not None and cost is not None and spent + cost > c.budget_musd + 1e-9:
        return f"over the budget: USD {c.budget_musd - spent:,.1f} m left"
    if c.max_deals is not None and len(result.plan.plan.closed) >= c.max_deals:
        return f"the limit of {c.max_deals} new deals is reached"
    if result.objective == "min-cost" and result.status == "optimal":
        return "not needed: the plan reaches the target more cheaply"
    return "a better plan leaves it out (budget, shares or the chance of the target)"
