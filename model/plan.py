"""A plan: which open deals India closes and which plant options it builds, as a scenario the
model projects. Everything reported about a plan comes from that projection.

Closing a deal gives it the status `acquired` (only the project's own risk remains), dropping it
the status `rejected`; building an option gives it the status `committed`. Deals that are already
acquired or rejected, and plants that are not options, stay as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from model.api import project
from model.country_cap import capped_shares
from model.domain import BUILT_OPTION, OPEN_DEALS, DealStatus, PlantStatus
from model.geo import mou_countries
from model.inputs import build_inputs
from model.montecarlo import monte_carlo
from model.portfolio import Portfolio
from model.projection import compute
from model.scenario import HORIZON_END, HORIZON_START, DealOverride, Mode, PlantOverride, Scenario

EVALUATION_DRAWS = 5000  # Monte Carlo draws behind every plan's P(target)
# The rank-order plan is not held to the share limits: said beside it when it breaks one.
OUTSIDE_SHARE_LIMITS = "outside the share limits set for the plan (it is not held to them)"


@dataclass(frozen=True)
class Plan:
    closed: tuple[str, ...] = ()  # open deals closed; every other open deal is dropped
    built: tuple[str, ...] = ()  # plant options built; the others stay unbuilt


def open_deals(portfolio: Portfolio, scenario: Scenario | None = None) -> list[str]:
    """Deals a plan decides on: candidate, negotiating, MoU or signed (after the scenario)."""
    overrides = (scenario or Scenario(name="Base")).deal_overrides
    out = []
    for d in portfolio.deals:
        status = overrides[d.id].status if d.id in overrides else None
        if (status or d.status) in OPEN_DEALS:
            out.append(d.id)
    return out


def plant_options(portfolio: Portfolio, scenario: Scenario | None = None) -> list[str]:
    overrides = (scenario or Scenario(name="Base")).plant_overrides
    out = []
    for p in portfolio.plants:
        status = overrides[p.id].status if p.id in overrides else None
        if (status or p.status) == PlantStatus.option:
            out.append(p.id)
    return out


def plan_scenario(
    portfolio: Portfolio, plan: Plan, base: Scenario | None = None, name: str | None = None
) -> Scenario:
    """The plan as a scenario over `base`: every open deal closed or dropped, options built."""
    base = base or Scenario(name="Base")
    closed, built = set(plan.closed), set(plan.built)
    deals = dict(base.deal_overrides)
    for deal_id in open_deals(portfolio, base):
        status = DealStatus.acquired if deal_id in closed else DealStatus.rejected
        deals[deal_id] = deals.get(deal_id, DealOverride()).model_copy(update={"status": status})
    plants = dict(base.plant_overrides)
    for plant_id in plant_options(portfolio, base):
        if plant_id in built:
            plants[plant_id] = PlantOverride(status=BUILT_OPTION)
    return base.model_copy(
        update={
            "name": name or base.name,
            "deal_overrides": deals,
            "plant_overrides": plants,
            "description": base.description,
        }
    )


def plan_cost(portfolio: Portfolio, plan: Plan) -> tuple[float, list[str]]:
    """USD m of the plan's known costs, and the ids of chosen deals/options whose cost is unknown."""
    deal_cost = {d.id: d.cost_musd for d in portfolio.deals}
    plant_cost = {p.id: p.capex_musd for p in portfolio.plants}
    costs = [deal_cost[i] for i in plan.closed] + [plant_cost[i] for i in plan.built]
    ids = [*plan.closed, *plan.built]
    unknown = [i for i, c in zip(ids, costs, strict=True) if c is None]
    return float(sum(c for c in costs if c is not None)), unknown


def country_shares(magnets_by_country: dict[str, np.ndarray], total: float, k: int) -> dict:
    """Share of magnets by country in year index k (empty when there are no magnets)."""
    if total <= 0:
        return {}
    return {c: float(v[k] / total) for c, v in magnets_by_country.items() if v[k] > 0}


def mou_share(shares: dict[str, float]) -> float:
    partners = mou_countries()
    return float(sum(s for c, s in shares.items() if c in partners))


@dataclass(frozen=True)
class PlanFigures:
    """The model's projection of one plan."""

    plan: Plan
    year: int
    cost_musd: float
    uncosted: list[str]
    magnets_t: dict[str, float]  # expected magnets by year
    country_shares: dict[str, float]  # in `year`
    mou_share: float
    p_target: float | None
    bottleneck: str
    target_t: float
    extra: dict = field(default_factory=dict)

    @property
    def magnets_in_year(self) -> float:
        return self.magnets_t[str(self.year)]

    @property
    def import_shares(self) -> dict[str, float]:
        """Each foreign country's share of imported supply in `year` (India's output left out)."""
        return capped_shares(self.country_shares, imported_only=True)

    def as_dict(self) -> dict:
        return {
            "chosen_deals": list(self.plan.closed),
            "chosen_plants": list(self.plan.built),
            "cost_musd": self.cost_musd,
            "magnets_t": self.magnets_t,
            "country_shares": self.country_shares,
            "import_shares": self.import_shares,
            "p_target": self.p_target,
            "mou_share": self.mou_share,
            "bottleneck": self.bottleneck,
            "uncosted": self.uncosted,
            **self.extra,
        }


def evaluate(
    portfolio: Portfolio,
    plan: Plan,
    year: int,
    *,
    scenario: Scenario | None = None,
    start: int = HORIZON_START,
    end: int = HORIZON_END,
    draws: int = EVALUATION_DRAWS,
    seed: int | None = 2,
) -> PlanFigures:
    """Project the plan (expected mode) and estimate P(target in `year`) by Monte Carlo."""
    scn = plan_scenario(portfolio, plan, scenario)
    result = project(portfolio, scenario=scn, mode=Mode.expected, start=start, end=end)
    k = result.year_index(year)
    shares = country_shares(result.by_country(), float(result.magnets[k]), k)
    p = None
    if draws > 0:
        mc = monte_carlo(
            portfolio, scn, draws=draws, seed=seed, start=start, end=end, explain=False
        )
        p = float(mc.p_target[k])
    cost, unknown = plan_cost(portfolio, plan)
    return PlanFigures(
        plan=plan,
        year=year,
        cost_musd=cost,
        uncosted=unknown,
        magnets_t={
            str(y): float(m) for y, m in zip(result.years.tolist(), result.magnets, strict=True)
        },
        country_shares=shares,
        mou_share=mou_share(shares),
        p_target=p,
        bottleneck=result.bottleneck[k],
        target_t=float(result.target[k]),
    )


def rank_order(
    portfolio: Portfolio,
    year: int,
    *,
    scenario: Scenario | None = None,
    start: int = HORIZON_START,
    end: int = HORIZON_END,
) -> list[str]:
    """Open deals in the order of the deal ranking (model/ranking.py, expected part): most
    expected magnets added in `year` by closing the deal, everything else as it stands."""
    inputs = build_inputs(portfolio, scenario, mode=Mode.expected, start=start, end=end)
    k = int(year - start)
    keys = []
    index = {d.id: i for i, d in enumerate(portfolio.deals)}
    for deal_id in open_deals(portfolio, scenario):
        d = index[deal_id]
        weight = inputs.deal_weight.copy()
        weight[d] = inputs.p_stage[inputs.deal_block[d]]
        with_deal = compute(inputs.with_arrays(deal_weight=weight)).magnets
        weight[d] = 0.0
        without = compute(inputs.with_arrays(deal_weight=weight)).magnets
        added = with_deal - without
        keys.append((-float(added[k]), -float(added.sum()), deal_id))
    return [deal_id for *_, deal_id in sorted(keys)]
