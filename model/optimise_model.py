"""What the plan optimiser knows about the model: the coefficients of one year, taken from the
model's own arrays, and the judge that projects any choice of deals and options with the model.

Everything is over *all* deals and plants, in portfolio order: `x[d] = 1` closes deal d (deals
that are not open stay as they are, x fixed at 1), `y[p] = 1` builds plant p (plants that are not
options are fixed at 1). The arrays come from the portfolio with every open deal closed and every
option built, so a plan is those arrays with the weights of what it leaves out set to 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from model.country_cap import capped_shares
from model.geo import mou_countries
from model.inputs import ProjectionInputs, build_inputs
from model.montecarlo import Draws, Setup, draw, setup, simulate
from model.montecarlo import _options as delay_rows
from model.plan import Plan, open_deals, plan_scenario, plant_options
from model.portfolio import Portfolio
from model.projection import Projection, block_output, compute, ramp
from model.scenario import HORIZON_END, HORIZON_START, Mode, Scenario

SHARE_TOLERANCE = 1e-6  # a share constraint holds when the model's share is within this


class PlanRequestError(ValueError):
    """An optimiser request that cannot be run: names the argument at fault."""


@dataclass(frozen=True)
class Constraints:
    budget_musd: float | None = None
    max_country_share: float | None = None
    # The country limit over imported supply only (each foreign country's share of imports;
    # India's own output not counted), else over all supply (India counts as a country).
    cap_imported_only: bool = False
    min_mou_share: float | None = None
    max_deals: int | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    include_uncosted: bool = False  # unknown costs count as 0 instead of leaving the item out


@dataclass
class Problem:
    portfolio: Portfolio
    scenario: Scenario | None
    year: int
    k: int  # index of the year in the horizon
    inputs: ProjectionInputs  # expected mode, every open deal closed, every option built
    open_deal: np.ndarray  # (D,) bool: a decision
    option: np.ndarray  # (P,) bool: a decision
    x_lo: np.ndarray
    x_hi: np.ndarray
    y_lo: np.ndarray
    y_hi: np.ndarray
    deal_cost: np.ndarray  # (D,) USD m counted against a budget (0 where not a decision)
    plant_cost: np.ndarray  # (P,)
    delivered: np.ndarray  # (D,) expected t delivered in the year if closed
    capacity: np.ndarray  # (P,) expected capacity in the year if built
    target: float
    constraints: Constraints
    left_out_uncosted: list[str] = field(default_factory=list)
    country: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.intp))  # (D,)
    mou: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))  # (D,)
    mc: Setup | None = None
    draws: Draws | None = None

    @property
    def deal_ids(self) -> tuple[str, ...]:
        return self.inputs.deal_ids

    @property
    def plant_ids(self) -> tuple[str, ...]:
        return self.inputs.plant_ids

    def plan(self, x: np.ndarray, y: np.ndarray) -> Plan:
        closed = tuple(
            d for d, on, o in zip(self.deal_ids, x, self.open_deal, strict=True) if o and on > 0.5
        )
        built = tuple(
            p for p, on, o in zip(self.plant_ids, y, self.option, strict=True) if o and on > 0.5
        )
        return Plan(closed=closed, built=built)

    def vectors(self, plan: Plan) -> tuple[np.ndarray, np.ndarray]:
        closed, built = set(plan.closed), set(plan.built)
        x = np.array(
            [(not o) or d in closed for d, o in zip(self.deal_ids, self.open_deal, strict=True)]
        )
        y = np.array(
            [(not o) or p in built for p, o in zip(self.plant_ids, self.option, strict=True)]
        )
        return x.astype(float), y.astype(float)

    # --- the judge: the model itself ------------------------------------------------------

    def project(self, x: np.ndarray, y: np.ndarray) -> Projection:
        i = self.inputs
        return compute(
            i.with_arrays(deal_weight=i.deal_weight * x, plant_weight=i.plant_weight * y)
        )

    def shares_ok(self, result: Projection) -> bool:
        c = self.constraints
        if c.max_country_share is None and c.min_mou_share is None:
            return True
        total = float(result.magnets[self.k])
        if total <= 0:
            return True  # no magnets: no country supplies any share
        by_country = {code: float(v[self.k]) / total for code, v in result.by_country().items()}
        capped = capped_shares(by_country, c.cap_imported_only)
        largest = max(capped.values(), default=0.0)
        if c.max_country_share is not None and largest > c.max_country_share + SHARE_TOLERANCE:
            return False
        if c.min_mou_share is not None:
            partners = mou_countries()
            mou = sum(s for code, s in by_country.items() if code in partners)
            if mou < c.min_mou_share - SHARE_TOLERANCE:
                return False
        return True

    def met(self, x: np.ndarray, y: np.ndarray, merit_order: bool = False) -> np.ndarray:
        """Per SAA draw: is the target met in the year with this choice? (the model's Monte
        Carlo on the same draws)."""
        assert self.mc is not None and self.draws is not None
        s = self.mc
        if merit_order:
            s = replace(s, inputs=s.inputs.with_arrays(separation_allocation="merit_order"))
        d = self.draws
        deal_ok = d.deal_ok & (x > 0.5)[None, :]
        plant_ok = d.plant_ok & (y > 0.5)[None, :]
        magnets = simulate(s, replace(d, deal_ok=deal_ok, plant_ok=plant_ok))[:, self.k]
        return magnets >= self.target - 1e-9

    # --- per-draw coefficients for the sample average approximation -------------------------

    def draw_coefficients(self) -> tuple[np.ndarray, np.ndarray]:
        """(N, D) t delivered in the year per draw if closed, (N, P) capacity if built."""
        assert self.mc is not None and self.draws is not None
        s, d, i = self.mc, self.draws, self.mc.inputs
        years = i.years
        offset, (deal, delay) = delay_rows(s.max_delay_block[i.deal_block])
        block = i.deal_block[deal]
        q = block_output(
            i.nameplate[block],
            ramp(i.block_start[block] + delay, i.block_ramp[block], years),
            i.resource[block],
            i.stop_year[block],
            years,
        )[self.k]
        started = years[self.k] >= i.deal_start[deal]
        rows = q * (i.offtake * i.deal_weight)[deal] * started
        b = i.deal_block
        a = d.block_ok[:, b] * d.deal_ok * rows[offset[None, :] + d.block_delay[:, b]]
        p_offset, (plant, p_delay) = delay_rows(s.max_delay_plant)
        cap_rows = (
            ramp(i.plant_start[plant] + p_delay, i.plant_ramp[plant], years)[self.k]
            * i.plant_capacity[plant]
        )
        c = d.plant_ok * cap_rows[p_offset[None, :] + d.plant_delay]
        return a, c


def build_problem(
    portfolio: Portfolio,
    year: int,
    constraints: Constraints,
    *,
    scenario: Scenario | None = None,
    start: int = HORIZON_START,
    end: int = HORIZON_END,
    costs_matter: bool,
    draws: int = 0,
    seed: int | None = 1,
) -> Problem:
    if not start <= year <= end:
        raise PlanRequestError(f"year {year} is outside the horizon {start}-{end}")
    open_ids = open_deals(portfolio, scenario)
    option_ids = plant_options(portfolio, scenario)
    known = set(open_ids) | set(option_ids)
    for flag, ids in (("--include", constraints.include), ("--exclude", constraints.exclude)):
        for item in ids:
            if item not in known:
                raise PlanRequestError(
                    f"{flag} {item}: not an open deal or a plant option of this portfolio"
                )
    both = set(constraints.include) & set(constraints.exclude)
    if both:
        raise PlanRequestError(f"included and excluded at once: {', '.join(sorted(both))}")
    everything = plan_scenario(portfolio, Plan(tuple(open_ids), tuple(option_ids)), scenario)
    inputs = build_inputs(portfolio, everything, mode=Mode.expected, start=start, end=end)
    k = int(year - start)
    open_deal = np.array([d in set(open_ids) for d in inputs.deal_ids])
    option = np.array([p in set(option_ids) for p in inputs.plant_ids])

    include, exclude = set(constraints.include), set(constraints.exclude)
    deal_cost_raw = [d.cost_musd for d in portfolio.deals]
    plant_cost_raw = [p.capex_musd for p in portfolio.plants]
    left_out = []

    def bounds(ids, decision, raw):
        lo, hi, cost = [], [], []
        for item, free, c in zip(ids, decision, raw, strict=True):
            if not free:
                lo.append(1.0), hi.append(1.0), cost.append(0.0)
                continue
            unknown = c is None and costs_matter and not constraints.include_uncosted
            if unknown and item not in include:
                left_out.append(item)
            lo.append(1.0 if item in include else 0.0)
            hi.append(0.0 if item in exclude or (unknown and item not in include) else 1.0)
            cost.append(c or 0.0)
        return np.array(lo), np.array(hi), np.array(cost)

    x_lo, x_hi, deal_cost = bounds(inputs.deal_ids, open_deal, deal_cost_raw)
    y_lo, y_hi, plant_cost = bounds(inputs.plant_ids, option, plant_cost_raw)

    from model.projection import deal_deliveries  # one equation: (3)

    q = block_output(
        inputs.nameplate,
        ramp(inputs.block_start, inputs.block_ramp, inputs.years),
        inputs.resource,
        inputs.stop_year,
        inputs.years,
    )
    delivered = deal_deliveries(
        q, inputs.deal_block, inputs.offtake, inputs.deal_weight, inputs.deal_start, inputs.years
    )[k]
    capacity = (
        ramp(inputs.plant_start, inputs.plant_ramp, inputs.years)[k]
        * inputs.plant_capacity
        * inputs.plant_weight
    )
    partners = mou_countries()
    country = inputs.block_country[inputs.deal_block]
    problem = Problem(
        portfolio=portfolio,
        scenario=scenario,
        year=year,
        k=k,
        inputs=inputs,
        open_deal=open_deal,
        option=option,
        x_lo=x_lo,
        x_hi=x_hi,
        y_lo=y_lo,
        y_hi=y_hi,
        deal_cost=deal_cost,
        plant_cost=plant_cost,
        delivered=delivered,
        capacity=capacity,
        target=float(inputs.target[k]),
        constraints=constraints,
        left_out_uncosted=left_out,
        country=country,
        mou=np.array([inputs.countries[c] in partners for c in country], dtype=bool),
    )
    if draws > 0:
        problem.mc = setup(portfolio, everything, start=start, end=end)
        problem.draws = draw(problem.mc, draws, seed)
    return problem
