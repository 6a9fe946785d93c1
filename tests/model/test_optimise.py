"""The plan optimiser against exhaustive search, with the model as the judge.

Every subset of the open deals and plant options is projected by the model; the optimiser's plan
must be at least as good as the best subset that keeps every constraint, and its own figures must
be the model's projection of it with every constraint holding.
"""

from itertools import product

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model import Block, Deal, Plant, project
from model.assumptions import Assumptions
from model.geo import mou_countries
from model.optimise import Constraints, PlanRequestError, optimise
from model.optimise_model import build_problem
from model.plan import Plan, evaluate, plan_scenario, rank_order
from model.ranking import rank_deals
from model.scenario import Target
from tests.builders import portfolio

COUNTRIES = ("AUS", "CHL", "MWI", "BRA", "IND")  # AUS and CHL are MoU partners
TOL = 2e-3  # t magnets: the optimiser breaks ties towards cheaper plans within 0.1 kg


@st.composite
def plan_portfolios(draw, max_deals: int = 6, max_options: int = 2):
    n = draw(st.integers(1, max_deals))
    blocks, deals = [], []
    for i in range(n):
        product_ = draw(st.sampled_from(["concentrate", "mixed", "separated", "ndpr_oxide"]))
        blocks.append(
            Block(
                id=f"b{i}",
                name=f"Block {i}",
                country=draw(st.sampled_from(COUNTRIES)),
                stage=draw(st.sampled_from(["producing", "construction", "feasibility"])),
                product=product_,
                nameplate_tpa=draw(st.floats(50, 3000)),
                ndpr_share=draw(st.sampled_from([0.05, 0.1, 0.2, 0.3])),
                first_year=draw(st.integers(2024, 2029)),
                ramp_years=draw(st.integers(1, 3)),
            )
        )
        deals.append(
            Deal(
                id=f"d{i}",
                block_id=f"b{i}",
                firm_id="f",
                status=draw(st.sampled_from(["candidate", "negotiating", "mou", "signed"])),
                offtake_share=draw(st.floats(0.1, 1)),
                cost_musd=draw(st.none() | st.floats(0, 300).map(lambda v: round(v, 1))),
            )
        )
    plants = [
        Plant(
            id="sep",
            name="Separation",
            stage="separation",
            capacity_tpa=draw(st.floats(0, 3000)),
            status="operating",
        ),
        Plant(
            id="metal",
            name="Metal",
            stage="metal",
            capacity_tpa=draw(st.floats(0, 400)),
            status="operating",
        ),
        Plant(
            id="magnet",
            name="Magnet",
            stage="magnet",
            capacity_tpa=draw(st.floats(0, 2000)),
            status="operating",
        ),
    ]
    for j in range(draw(st.integers(0, max_options))):
        plants.append(
            Plant(
                id=f"opt{j}",
                name=f"Option {j}",
                stage=draw(st.sampled_from(["separation", "metal", "magnet"])),
                capacity_tpa=draw(st.floats(100, 3000)),
                first_year=draw(st.integers(2026, 2030)),
                status="option",
                capex_musd=draw(st.none() | st.floats(0, 300).map(lambda v: round(v, 1))),
            )
        )
    allocation = draw(st.sampled_from(["merit_order", "pro_rata"]))
    target = Target(default_tpa=draw(st.floats(0, 2500)))
    return portfolio(
        blocks,
        deals,
        plants,
        target=target,
        assumptions=Assumptions(separation_allocation=allocation),
    )


@st.composite
def constraint_sets(draw, objective: str):
    budget = draw(st.none() | st.floats(0, 600)) if objective != "min-cost" else None
    return Constraints(
        budget_musd=budget,
        max_country_share=draw(st.none() | st.floats(0.3, 1.0)),
        cap_imported_only=draw(st.booleans()),
        min_mou_share=draw(st.none() | st.floats(0.0, 0.7)),
        max_deals=draw(st.none() | st.integers(0, 4)),
        include_uncosted=draw(st.booleans()),
    )


def figures_in_model(portfolio_, plan: Plan, year: int):
    """The model's own projection of a plan (the API, not the optimiser's arrays)."""
    result = project(portfolio_, scenario=plan_scenario(portfolio_, plan), mode="expected")
    k = result.year_index(year)
    total = float(result.magnets[k])
    shares = {c: float(v[k]) / total for c, v in result.by_country().items()} if total > 0 else {}
    return total, shares


def allowed(portfolio_, plan: Plan, c: Constraints, costs_matter: bool) -> bool:
    """Budget, count and unknown-cost rules, from the records."""
    deals = {d.id: d for d in portfolio_.deals}
    plants = {p.id: p for p in portfolio_.plants}
    costs = [deals[i].cost_musd for i in plan.closed] + [plants[i].capex_musd for i in plan.built]
    if costs_matter and not c.include_uncosted and any(v is None for v in costs):
        return False
    if c.budget_musd is not None and sum(v or 0.0 for v in costs) > c.budget_musd + 1e-9:
        return False
    return c.max_deals is None or len(plan.closed) <= c.max_deals


def shares_hold(shares: dict, c: Constraints) -> bool:
    if not shares:
        return True
    limited = shares  # the country limit over all supply, or each foreign share of imports
    if c.cap_imported_only:
        foreign = {k: v for k, v in shares.items() if k != "IND"}
        imported = sum(foreign.values())
        limited = {k: v / imported for k, v in foreign.items()} if imported > 0 else {}
    largest = max(limited.values(), default=0.0)
    if c.max_country_share is not None and largest > c.max_country_share + 1e-6:
        return False
    mou = sum(v for k, v in shares.items() if k in mou_countries())
    return c.min_mou_share is None or mou >= c.min_mou_share - 1e-6


def all_plans(portfolio_):
    deals = [
        d.id
        for d in portfolio_.deals
        if d.status.value in ("candidate", "negotiating", "mou", "signed")
    ]
    options = [p.id for p in portfolio_.plants if p.status.value == "option"]
    for bits in product([0, 1], repeat=len(deals) + len(options)):
        yield Plan(
            tuple(d for d, b in zip(deals, bits, strict=False) if b),
            tuple(o for o, b in zip(options, bits[len(deals) :], strict=False) if b),
        )


def cost_of(portfolio_, plan: Plan) -> float:
    deals = {d.id: d for d in portfolio_.deals}
    plants = {p.id: p for p in portfolio_.plants}
    return sum(deals[i].cost_musd or 0.0 for i in plan.closed) + sum(
        plants[i].capex_musd or 0.0 for i in plan.built
    )


YEAR = 2030


def check_against_exhaustive(p, objective, c):
    costs_matter = c.budget_musd is not None or objective == "min-cost"
    result = optimise(p, YEAR, objective, c, evaluation_draws=0)
    feasible = []
    for plan in all_plans(p):
        if not allowed(p, plan, c, costs_matter):
            continue
        total, shares = figures_in_model(p, plan, YEAR)
        if shares_hold(shares, c):
            feasible.append((plan, total))
    target = p.target.at(YEAR)
    if objective == "min-cost":
        reaching = [(plan, t) for plan, t in feasible if t >= target - 1e-6]
        if reaching:
            assert result.status == "optimal"
            best = min(cost_of(p, plan) for plan, _ in reaching)
            assert result.plan.cost_musd <= best + 1e-2  # ties within USD 0.01 m: fewer items
            assert result.plan.magnets_in_year >= target - 1e-6
            feasible = reaching
        else:
            assert result.status == "infeasible"
            if not feasible:
                return
            best = max(t for _, t in feasible)
            assert result.plan.magnets_in_year >= best - TOL
            assert result.shortfall_t == pytest.approx(max(target - result.plan.magnets_in_year, 0))
    else:
        if not feasible:
            assert result.status == "infeasible" and result.plan is None
            return
        assert result.status == "optimal"
        best = max(t for _, t in feasible)
        assert result.plan.magnets_in_year >= best - TOL
    # The figures reported are the model's projection of the plan, and the plan is allowed.
    plan = result.plan.plan
    total, shares = figures_in_model(p, plan, YEAR)
    assert result.plan.magnets_in_year == pytest.approx(total, abs=1e-9)
    assert result.plan.country_shares == pytest.approx({k: v for k, v in shares.items() if v > 0})
    assert allowed(p, plan, c, costs_matter) and shares_hold(shares, c)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan_portfolios(), st.data())
def test_max_expected_is_the_best_allowed_subset(p, data):
    check_against_exhaustive(p, "max-expected", data.draw(constraint_sets("max-expected")))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan_portfolios(), st.data())
def test_min_cost_is_the_cheapest_subset_that_reaches_the_target(p, data):
    check_against_exhaustive(p, "min-cost", data.draw(constraint_sets("min-cost")))


def test_twelve_deals_and_three_options_exhaustively():
    """The largest case of the issue: all 2^15 subsets, a budget and a country cap."""
    rng = np.random.default_rng(4)
    blocks, deals = [], []
    for i in range(12):
        blocks.append(
            Block(
                id=f"b{i}",
                name=f"Block {i}",
                country=COUNTRIES[i % 4],
                stage="producing",
                product=["concentrate", "ndpr_oxide", "mixed"][i % 3],
                nameplate_tpa=float(rng.integers(100, 1500)),
                ndpr_share=float(rng.choice([0.1, 0.2, 0.3])),
                first_year=2026,
            )
        )
        deals.append(
            Deal(
                id=f"d{i}",
                block_id=f"b{i}",
                firm_id="f",
                status="candidate",
                offtake_share=float(rng.uniform(0.2, 1)),
                cost_musd=float(rng.integers(10, 200)),
            )
        )
    plants = [
        Plant(id="sep", name="Sep", stage="separation", capacity_tpa=800.0, status="operating"),
        Plant(id="metal", name="Metal", stage="metal", capacity_tpa=200.0, status="operating"),
        Plant(id="magnet", name="Magnet", stage="magnet", capacity_tpa=900.0, status="operating"),
        Plant(
            id="o1",
            name="O1",
            stage="separation",
            capacity_tpa=1500.0,
            first_year=2028,
            status="option",
            capex_musd=120.0,
        ),
        Plant(
            id="o2",
            name="O2",
            stage="metal",
            capacity_tpa=300.0,
            first_year=2028,
            status="option",
            capex_musd=60.0,
        ),
        Plant(
            id="o3",
            name="O3",
            stage="magnet",
            capacity_tpa=1200.0,
            first_year=2028,
            status="option",
            capex_musd=90.0,
        ),
    ]
    p = portfolio(blocks, deals, plants)
    c = Constraints(budget_musd=500.0, max_country_share=0.5)
    problem = build_problem(p, YEAR, c, costs_matter=True)
    best = -1.0
    for plan in all_plans(p):
        if not allowed(p, plan, c, True):
            continue
        x, y = problem.vectors(plan)
        r = problem.project(x, y)
        if problem.shares_ok(r):
            best = max(best, float(r.magnets[problem.k]))
    result = optimise(p, YEAR, "max-expected", c, evaluation_draws=0)
    assert result.status == "optimal"
    assert result.plan.magnets_in_year >= best - TOL
    total, shares = figures_in_model(p, result.plan.plan, YEAR)
    assert shares_hold(shares, c) and result.plan.cost_musd <= 500.0


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan_portfolios(max_deals=5, max_options=2), st.integers(0, 1000))
def test_max_probability_equals_exhaustive_search_over_the_same_draws(p, seed):
    c = Constraints(include_uncosted=True)
    draws = 120
    result = optimise(p, YEAR, "max-probability", c, draws=draws, seed=seed, evaluation_draws=0)
    problem = build_problem(p, YEAR, c, costs_matter=False, draws=draws, seed=seed)
    best = max(int(problem.met(*problem.vectors(plan)).sum()) for plan in all_plans(p))
    assert result.status == "optimal"
    assert round(result.p_target_in_sample * draws) == best


@settings(max_examples=40, deadline=None)
@given(plan_portfolios(max_deals=4, max_options=2), st.data())
def test_the_optimiser_arrays_project_exactly_like_the_model(p, data):
    """The fast judge is the model: a plan's arrays give the API's projection of its scenario."""
    problem = build_problem(p, YEAR, Constraints(), costs_matter=False)
    plan = data.draw(st.sampled_from(list(all_plans(p))))
    fast = problem.project(*problem.vectors(plan))
    reference = project(p, scenario=plan_scenario(p, plan), mode="expected")
    np.testing.assert_allclose(fast.magnets, reference.magnets, rtol=1e-12, atol=1e-9)
    np.testing.assert_allclose(fast.by_deal, reference.by_deal, rtol=1e-12, atol=1e-9)


def test_unknown_costs_are_left_out_of_budgeted_plans_and_said_so():
    blocks = [
        Block(
            id=f"b{i}",
            name=f"B{i}",
            country="AUS",
            stage="producing",
            product="ndpr_oxide",
            nameplate_tpa=100.0,
        )
        for i in range(2)
    ]
    deals = [
        Deal(
            id="costed", block_id="b0", firm_id="f", status="mou", offtake_share=1.0, cost_musd=10.0
        ),
        Deal(id="unknown", block_id="b1", firm_id="f", status="mou", offtake_share=1.0),
    ]
    plants = [
        Plant(id=s, name=s, stage=s, capacity_tpa=1e4, status="operating")
        for s in ("metal", "magnet")
    ]
    p = portfolio(blocks, deals, plants)
    budgeted = optimise(p, YEAR, "max-expected", Constraints(budget_musd=100.0), evaluation_draws=0)
    assert budgeted.plan.plan.closed == ("costed",)
    assert budgeted.left_out_uncosted == ["unknown"]
    assert any("unknown" in note and "--include-uncosted" in note for note in budgeted.all_notes())
    counted = optimise(
        p,
        YEAR,
        "max-expected",
        Constraints(budget_musd=100.0, include_uncosted=True),
        evaluation_draws=0,
    )
    assert set(counted.plan.plan.closed) == {"costed", "unknown"}
    assert counted.plan.uncosted == ["unknown"]
    unbudgeted = optimise(p, YEAR, "max-expected", Constraints(), evaluation_draws=0)
    assert set(unbudgeted.plan.plan.closed) == {"costed", "unknown"}


def test_include_exclude_and_bad_requests():
    blocks = [
        Block(
            id="b",
            name="B",
            country="AUS",
            stage="producing",
            product="ndpr_oxide",
            nameplate_tpa=100.0,
        )
    ]
    deals = [
        Deal(id="d", block_id="b", firm_id="f", status="mou", offtake_share=1.0, cost_musd=5.0)
    ]
    plants = [
        Plant(id=s, name=s, stage=s, capacity_tpa=1e4, status="operating")
        for s in ("metal", "magnet")
    ]
    p = portfolio(blocks, deals, plants)
    assert (
        optimise(
            p, YEAR, "max-expected", Constraints(exclude=("d",)), evaluation_draws=0
        ).plan.plan.closed
        == ()
    )
    with pytest.raises(PlanRequestError, match="--include nope"):
        optimise(p, YEAR, "max-expected", Constraints(include=("nope",)))
    with pytest.raises(PlanRequestError, match="outside the horizon"):
        optimise(p, 2050, "max-expected")
    with pytest.raises(PlanRequestError, match="objective"):
        optimise(p, YEAR, "max-joy")
    over = optimise(
        p, YEAR, "max-expected", Constraints(include=("d",), budget_musd=1.0), evaluation_draws=0
    )
    assert over.status == "infeasible" and over.plan is None


def test_rank_order_is_the_deal_ranking():
    from model.demo import demo_portfolio

    demo = demo_portfolio()
    ranked = [v.deal_id for v in rank_deals(demo, YEAR, draws=50)]
    assert rank_order(demo, YEAR) == ranked


def test_greedy_plan_is_reported_and_judged_by_the_model():
    from model.demo import demo_portfolio

    demo = demo_portfolio()
    result = optimise(
        demo,
        YEAR,
        "max-expected",
        Constraints(max_deals=2, include_uncosted=True),
        evaluation_draws=200,
    )
    greedy = result.greedy
    assert set(greedy.plan.closed) == set(rank_order(demo, YEAR)[:2])  # plan keeps deal order
    again = evaluate(demo, greedy.plan, YEAR, draws=0)
    assert greedy.magnets_t == again.magnets_t
    assert result.plan.magnets_in_year >= greedy.magnets_in_year - TOL
    assert 0.0 <= result.plan.p_target <= 1.0


def test_among_equal_plans_the_cheapest_then_the_smallest():
    # Magnet capacity takes 300 t: either deal fills it; the cheaper one is chosen, and not both.
    blocks = [
        Block(
            id=f"b{i}",
            name=f"B{i}",
            country="AUS",
            stage="producing",
            product="ndpr_oxide",
            nameplate_tpa=100.0,
        )
        for i in range(3)
    ]
    deals = [
        Deal(
            id="dear", block_id="b0", firm_id="f", status="mou", offtake_share=1.0, cost_musd=50.0
        ),
        Deal(
            id="cheap", block_id="b1", firm_id="f", status="mou", offtake_share=1.0, cost_musd=20.0
        ),
        Deal(
            id="free",
            block_id="b2",
            firm_id="f",
            status="candidate",
            offtake_share=0.0,
            cost_musd=0.0,
        ),
    ]
    plants = [
        Plant(id="metal", name="metal", stage="metal", capacity_tpa=1e4, status="operating"),
        Plant(id="magnet", name="magnet", stage="magnet", capacity_tpa=300.0, status="operating"),
    ]
    p = portfolio(blocks, deals, plants, target=Target(default_tpa=300.0))
    for objective in ("max-expected", "max-probability"):
        result = optimise(
            p, YEAR, objective, Constraints(budget_musd=100.0), draws=20, evaluation_draws=0
        )
        assert result.plan.plan.closed == ("cheap",), objective
