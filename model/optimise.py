"""The plan optimiser: which open deals to close and which plant options to build for a year.

Objectives: `max-expected` (most expected magnets within the budget), `min-cost` (cheapest plan
whose expected magnets reach the target; else the best plan, its shortfall and the binding stage),
`max-probability` (most Monte Carlo draws meeting the target, a sample average approximation;
then P(target) on fresh draws). The programme (model/optimise_milp.py) proposes; the model
judges: every proposal is projected, and one the model refuses (a share constraint broken, or a
value the programme over-estimated under the pro-rata rule) is cut off and the programme solved
again, until the best plan the model accepts is proven best or the time or cut limit is reached
(status `time_limit`). The figures reported are the model's projection of the plan.

Beside each plan: the rank-order plan, deals taken in the order of the deal ranking
(model/ranking.py) while they fit the same budget and limits.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np

from model.assumptions import usd_m_to_crore
from model.choices import OBJECTIVES, SAMPLE_DRAWS
from model.country_cap import CLI_IMPORTED, cap_sentence, of_what
from model.montecarlo import Cancelled, Progress
from model.optimise_milp import Solution, formulate, solve
from model.optimise_model import Constraints, PlanRequestError, Problem, build_problem
from model.plan import EVALUATION_DRAWS, Plan, PlanFigures, evaluate, rank_order
from model.plan_limits import CLI_UNCOSTED, NoPlan, diagnose, left_out_note, no_plan_words
from model.portfolio import Portfolio
from model.scenario import HORIZON_END, HORIZON_START, Scenario

MAX_CUTS = 500
DIAGNOSIS_SOLVE_S = 3.0  # s per re-solve that looks for the limit leaving no plan
TOLERANCE = {"max-expected": 1e-3, "min-cost": 2e-2, "max-probability": 0.5}  # t, USD m, draws
POLISH_SLACK = 1e-3  # t: the polished plan gives at least the best expected magnets less this

__all__ = ["OBJECTIVES", "Constraints", "PlanRequestError", "PlanResult", "optimise"]


@dataclass
class PlanResult:
    objective: str
    status: str  # optimal | infeasible | time_limit
    year: int
    target_t: float
    plan: PlanFigures | None
    greedy: PlanFigures
    inr_per_usd: float
    shortfall_t: float | None = None
    binding_stage: str | None = None
    p_target_in_sample: float | None = None
    left_out_uncosted: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    iterations: int = 0
    left_out_names: list[str] = field(default_factory=list)  # names of left_out_uncosted
    no_plan: NoPlan | None = None  # why no plan meets the limits (status infeasible)
    # The limits the plan was chosen under, and the draws behind its chances (the briefing
    # states them from here, not from the widgets that asked).
    constraints: Constraints = field(default_factory=Constraints)
    evaluation_draws: int = EVALUATION_DRAWS  # P(target) of the plan and the rank order
    sample_draws: int = 0  # max-probability: the draws the plan was chosen on

    @property
    def country_limit(self) -> str:
        """The form of the country limit the plan was found under, in one sentence."""
        c = self.constraints
        return cap_sentence(c.max_country_share, c.cap_imported_only)

    def all_notes(
        self, uncosted_switch: str = CLI_UNCOSTED, imported_switch: str = CLI_IMPORTED
    ) -> list[str]:
        """Every note, in the words of where the user is: `uncosted_switch` says how to count
        unknown costs as 0 there, `imported_switch` how to limit imported supply only (the CLI's
        flags by default; the Plan view names its boxes)."""
        notes = list(self.notes)
        if self.no_plan is not None:
            notes.insert(0, no_plan_words(self.no_plan, uncosted_switch, imported_switch))
        if self.left_out_names:  # what was left out comes before the plan it shaped
            notes.insert(0, left_out_note(self.left_out_names, uncosted_switch))
        return notes

    def as_dict(self) -> dict:
        empty = {"chosen_deals": [], "chosen_plants": [], "cost_musd": 0.0, "magnets_t": {}}
        plan = self.plan.as_dict() if self.plan else {**empty, "country_shares": {}}
        plan.setdefault("p_target", None)
        greedy = self.greedy.as_dict()
        for figures in (plan, greedy):
            figures["cost_crore"] = usd_m_to_crore(figures["cost_musd"], self.inr_per_usd)
        return {
            "objective": self.objective,
            "status": self.status,
            "year": self.year,
            **plan,
            "target_t": self.target_t,
            "shortfall_t": self.shortfall_t,
            "binding_stage": self.binding_stage,
            "p_target_in_sample": self.p_target_in_sample,
            "left_out_uncosted": self.left_out_uncosted,
            "country_limit": {
                "max_share": self.constraints.max_country_share,
                "of": of_what(self.constraints.cap_imported_only),
            },
            "notes": self.all_notes(),
            "greedy": greedy,
        }


def _judge(p: Problem, objective: str, x: np.ndarray, y: np.ndarray) -> tuple[bool, float]:
    """(does the model accept it, its score: higher is better) for one proposal."""
    result = p.project(x, y)
    ok = p.shares_ok(result)
    if objective == "max-expected":
        return ok, float(result.magnets[p.k])
    if objective == "min-cost":
        cost = float(p.deal_cost @ (x * p.open_deal) + p.plant_cost @ (y * p.option))
        return ok and result.magnets[p.k] >= p.target - 1e-6, -cost
    return ok, float(p.met(x, y).sum())


def _search(
    p: Problem,
    objective: str,
    deadline: float,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> tuple[str, np.ndarray | None, np.ndarray | None, int]:
    """Propose, judge, cut; returns (status, x, y, iterations)."""
    form = formulate(p, objective)
    sign = -1.0 if objective == "min-cost" else 1.0  # scores are maximised
    tol = TOLERANCE[objective]
    best: tuple[float, np.ndarray, np.ndarray] | None = None
    cuts: list[tuple[np.ndarray, np.ndarray]] = []
    for iteration in range(1, MAX_CUTS + 1):
        if cancelled is not None and cancelled():
            raise Cancelled()
        if progress is not None:
            progress(0.1 + 0.6 * (1 - 1 / (1 + iteration / 5)))
        sol: Solution = solve(form, cuts, deadline - time.monotonic())
        if sol.x is None or sol.y is None:
            if sol.status == "infeasible":
                return ("optimal" if best else "infeasible"), *_plan_of(best), iteration
            return "time_limit", *_plan_of(best), iteration
        bound = sign * sol.primary
        if best is not None and best[0] >= bound - tol:
            return "optimal", best[1], best[2], iteration
        ok, score = _judge(p, objective, sol.x, sol.y)
        if ok and (best is None or score > best[0] + 1e-12):
            best = (score, sol.x, sol.y)
        if sol.status == "time_limit":
            return "time_limit", *_plan_of(best), iteration
        if ok and score >= bound - tol:
            return "optimal", sol.x, sol.y, iteration
        cuts.append((sol.x, sol.y))
        if time.monotonic() > deadline:
            break
    return "time_limit", *_plan_of(best), len(cuts)


def _polish(
    p: Problem,
    x: np.ndarray,
    y: np.ndarray,
    deadline: float,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> tuple[np.ndarray, np.ndarray, int]:
    """Among plans giving the best expected magnets, the cheapest, then the smallest: a min-cost
    search with the best plan's magnets (less POLISH_SLACK) as its target."""
    best = float(p.project(x, y).magnets[p.k])
    floor = replace(p, target=best - POLISH_SLACK)
    status, px, py, iterations = _search(floor, "min-cost", deadline, progress, cancelled)
    if status == "optimal" and px is not None and py is not None:
        return px, py, iterations
    return x, y, iterations


def _plan_of(best) -> tuple[np.ndarray | None, np.ndarray | None]:
    return (None, None) if best is None else (best[1], best[2])


def greedy_plan(
    p: Problem, objective: str, order: list[str], costs_matter: bool
) -> tuple[Plan, list[str]]:
    """Deals in rank order while they fit the budget and the deal limit (min-cost: until the
    expected magnets reach the target); options only where included. Returns the plan and the
    deals it skipped for an unknown cost."""
    c = p.constraints
    index = {d: i for i, d in enumerate(p.deal_ids)}
    x = p.x_lo.copy()
    y = p.y_lo.copy()
    spent = float(p.deal_cost @ (x * p.open_deal) + p.plant_cost @ (y * p.option))
    count = int((x * p.open_deal).sum())
    for deal_id in order:
        d = index[deal_id]
        if x[d] > 0.5 or p.x_hi[d] < 0.5:
            continue
        if c.max_deals is not None and count >= c.max_deals:
            break
        if c.budget_musd is not None and spent + p.deal_cost[d] > c.budget_musd + 1e-9:
            continue
        if objective == "min-cost" and p.project(x, y).magnets[p.k] >= p.target - 1e-6:
            break
        x[d] = 1.0
        spent += p.deal_cost[d]
        count += 1
    skipped = [d for d in p.left_out_uncosted if d in index]
    return p.plan(x, y), skipped


def optimise(
    portfolio: Portfolio,
    year: int,
    objective: str,
    constraints: Constraints | None = None,
    *,
    scenario: Scenario | None = None,
    start: int = HORIZON_START,
    end: int = HORIZON_END,
    draws: int = SAMPLE_DRAWS,
    seed: int | None = 1,
    evaluation_draws: int = EVALUATION_DRAWS,
    time_limit: float = 60.0,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PlanResult:
    """The best plan for `objective` in `year` under `constraints`, judged by the model."""
    if objective not in OBJECTIVES:
        raise PlanRequestError(f"objective '{objective}' is not one of {', '.join(OBJECTIVES)}")
    c = constraints or Constraints()
    if objective == "max-probability" and draws < 1:
        raise PlanRequestError("--draws must be at least 1")
    deadline = time.monotonic() + time_limit
    costs_matter = c.budget_musd is not None or objective == "min-cost"
    p = build_problem(
        portfolio,
        year,
        c,
        scenario=scenario,
        start=start,
        end=end,
        costs_matter=costs_matter,
        draws=draws if objective == "max-probability" else 0,
        seed=seed,
    )
    if progress is not None:
        progress(0.1)
    status, x, y, iterations = _search(p, objective, deadline, progress, cancelled)
    if objective == "max-expected" and x is not None and y is not None:
        x, y, more = _polish(p, x, y, deadline, progress, cancelled)
        iterations += more
    notes = []
    shortfall = binding = None
    if objective == "min-cost" and status == "infeasible":
        # No plan reaches the target: the best plan under the same limits, and what is missing.
        status_best, x, y, more = _search(p, "max-expected", deadline, progress, cancelled)
        iterations += more
        if x is not None and y is not None:
            x, y, more = _polish(p, x, y, deadline, progress, cancelled)
            iterations += more
        if status_best != "infeasible":  # else no plan at all: the diagnosis below says why
            notes.append(
                "no plan reaches the target: the plan shown gives the most expected magnets"
            )
    if cancelled is not None and cancelled():
        raise Cancelled()
    if progress is not None:
        progress(0.75)

    def figures(plan: Plan) -> PlanFigures:
        fresh = None if seed is None else seed + 1  # P(target) on draws the SAA did not see
        return evaluate(
            portfolio,
            plan,
            year,
            scenario=scenario,
            start=start,
            end=end,
            draws=evaluation_draws,
            seed=fresh,
        )

    chosen = figures(p.plan(x, y)) if x is not None and y is not None else None
    if progress is not None:
        progress(0.85)
    order = rank_order(portfolio, year, scenario=scenario, start=start, end=end)
    greedy, _ = greedy_plan(p, objective, order, costs_matter)
    greedy_figures = figures(greedy)
    gx, gy = p.vectors(greedy)
    greedy_figures.extra["meets_constraints"] = p.shares_ok(p.project(gx, gy))
    if chosen is not None and objective == "min-cost" and status == "infeasible":
        shortfall = max(p.target - chosen.magnets_in_year, 0.0)
        binding = chosen.bottleneck
    in_sample = None
    if objective == "max-probability" and x is not None and y is not None and p.draws is not None:
        in_sample = float(p.met(x, y).mean())
    names = item_names(portfolio)
    left_out_names = [names.get(i, i) for i in p.left_out_uncosted]
    no_plan = None
    if chosen is None and status == "infeasible":

        def feasible(relaxed: Constraints) -> bool | None:
            q = build_problem(
                portfolio,
                year,
                relaxed,
                scenario=scenario,
                start=start,
                end=end,
                costs_matter=relaxed.budget_musd is not None or objective == "min-cost",
            )
            found, fx, _, _ = _search(q, "max-expected", diagnosis_deadline(), None, cancelled)
            return True if fx is not None else (False if found == "infeasible" else None)

        def diagnosis_deadline() -> float:  # each re-solve gets a slice of what time is left
            return time.monotonic() + max(min(DIAGNOSIS_SOLVE_S, deadline - time.monotonic()), 1)

        no_plan = diagnose(p, feasible)
    if status == "time_limit":
        notes.append(
            "stopped at the time or cut limit: the plan shown is the best the model accepted so "
            "far, not proven best"
        )
    if progress is not None:
        progress(1.0)
    return PlanResult(
        objective=objective,
        status=status,
        year=year,
        target_t=p.target,
        plan=chosen,
        greedy=greedy_figures,
        inr_per_usd=portfolio.assumptions.inr_per_usd,
        shortfall_t=shortfall,
        binding_stage=binding,
        p_target_in_sample=in_sample,
        left_out_uncosted=list(p.left_out_uncosted),
        notes=notes,
        iterations=iterations,
        left_out_names=left_out_names,
        no_plan=no_plan,
        constraints=c,
        evaluation_draws=evaluation_draws,
        sample_draws=draws if objective == "max-probability" else 0,
    )


def item_names(portfolio: Portfolio) -> dict[str, str]:
    """Deal and plant ids to the names an official reads (a deal by its block's name)."""
    blocks = {b.id: b.name for b in portfolio.blocks}
    names = {d.id: blocks.get(d.block_id, d.id) for d in portfolio.deals}
    names.update({x.id: x.name for x in portfolio.plants})
    return names
