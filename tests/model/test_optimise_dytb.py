"""The plan optimiser when Dy/Tb limits output (equation 8), against exhaustive search with the
model as the judge (the helpers of tests/model/test_optimise.py)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model import Block, Deal, Plant
from model.assumptions import Assumptions
from model.optimise import Constraints, optimise
from model.optimise_model import build_problem
from model.scenario import Target
from tests.builders import portfolio
from tests.model.test_optimise import (
    YEAR,
    all_plans,
    check_against_exhaustive,
    constraint_sets,
    plan_portfolios,
)


@st.composite
def hot_plan_portfolios(draw, max_deals: int = 5):
    """Plan portfolios whose blocks carry Dy+Tb and half or all of whose output is high-temp."""
    p = draw(plan_portfolios(max_deals=max_deals))
    blocks = [
        b.model_copy(update={"dytb_share": draw(st.sampled_from([0.0, 0.002, 0.01, 0.05]))})
        for b in p.blocks
    ]
    a = p.assumptions.with_overrides(
        {
            "high_temp_share": draw(st.sampled_from([0.3, 1.0])),
            "dytb_process": draw(st.sampled_from(["conventional", "grain_boundary_diffusion"])),
            "dytb_market_tpa": draw(st.sampled_from([0.0, 2.0])),
        }
    )
    return p.model_copy(update={"blocks": blocks, "assumptions": a})


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hot_plan_portfolios(), st.data())
def test_max_expected_with_dytb_is_the_best_allowed_subset(p, data):
    check_against_exhaustive(p, "max-expected", data.draw(constraint_sets("max-expected")))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hot_plan_portfolios(), st.data())
def test_min_cost_with_dytb_is_the_cheapest_subset_that_reaches_the_target(p, data):
    check_against_exhaustive(p, "min-cost", data.draw(constraint_sets("min-cost")))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hot_plan_portfolios(max_deals=4), st.integers(0, 1000))
def test_max_probability_with_dytb_equals_exhaustive_search_over_the_same_draws(p, seed):
    c = Constraints(include_uncosted=True)
    draws = 100
    result = optimise(p, YEAR, "max-probability", c, draws=draws, seed=seed, evaluation_draws=0)
    problem = build_problem(p, YEAR, c, costs_matter=False, draws=draws, seed=seed)
    best = max(int(problem.met(*problem.vectors(plan)).sum()) for plan in all_plans(p))
    assert result.status == "optimal"
    assert round(result.p_target_in_sample * draws) == best


def two_feeds():
    """Separation for 1,000 t. Deal r: 1,000 t of 30% NdPr, no Dy/Tb; deal p: 1,000 t of 10%
    NdPr, 5% Dy+Tb; both certain; half the magnets high-temperature grade."""
    blocks = [
        Block(
            id=i,
            name=i,
            country="AUS",
            stage="producing",
            product="concentrate",
            nameplate_tpa=1000.0,
            ndpr_share=share,
            dytb_share=dytb,
        )
        for i, share, dytb in (("r", 0.3, 0.0), ("p", 0.1, 0.05))
    ]
    deals = [
        Deal(id=f"d-{b.id}", block_id=b.id, firm_id="f", status="candidate", offtake_share=1.0)
        for b in blocks
    ]
    plants = [
        Plant(id=s, name=s, stage=s, capacity_tpa=cap, status="operating")
        for s, cap in (("separation", 1000.0), ("metal", 1e5), ("magnet", 1e5))
    ]
    a = Assumptions(high_temp_share=0.5).with_overrides({"p_deal": {"candidate": 1.0}})
    return portfolio(blocks, deals, plants, assumptions=a)


def test_the_programme_bounds_magnets_by_the_dytb_it_can_separate():
    """Both deals closed: the programme may split the 1,000 t of separation between r and p.
    NdPr: M <= 3 x 0.95 x (0.3 s_r + 0.1 s_p); Dy/Tb: 0.5 x (0.06 / 0.87) x M <= 0.0475 s_p, so
    M <= 1.3775 s_p. The best split (s_r + s_p = 1,000) makes them equal: s_p = 855 / 1.9475,
    M = 604.8 t; without the Dy/Tb row it would be 855 t. The model (merit order by NdPr) gives
    0 t for this plan, so the judge cuts it off."""
    from model.optimise_milp import formulate, solve

    p = two_feeds()
    c = Constraints(include=("d-r", "d-p"), include_uncosted=True)
    problem = build_problem(p, YEAR, c, costs_matter=False)
    sol = solve(formulate(problem, "max-expected"), [], 10.0)
    assert sol.primary == pytest.approx(1.3775 * 855 / 1.9475, rel=1e-6)
    assert problem.project(sol.x, sol.y).magnets[problem.k] == pytest.approx(0.0)


def test_the_optimiser_leaves_out_an_ndpr_rich_deal_that_would_take_the_dytb_feeds_separation():
    """Closing both lets r take all the separation (merit order by NdPr) and leaves no Dy/Tb:
    0 t. Closing p alone: 95 t NdPr oxide -> 285 t magnets (47.5 t Dy+Tb would allow 1,377 t)."""
    result = optimise(
        two_feeds(), YEAR, "max-expected", Constraints(include_uncosted=True), evaluation_draws=0
    )
    assert result.status == "optimal"
    assert result.plan.plan.closed == ("d-p",)
    assert result.plan.magnets_in_year == pytest.approx(285.0)


def test_the_programme_reads_share_limits_as_loosely_as_the_judge():
    """A minimum MoU share of 1e-6 is met by a plan with no MoU partner (the judge allows
    SHARE_TOLERANCE = 1e-6); the programme must not refuse it (it once did: 'infeasible')."""
    blocks = [
        Block(
            id="b",
            name="B",
            country="MWI",
            stage="producing",
            product="ndpr_oxide",
            nameplate_tpa=50.0,
            first_year=2024,
        )
    ]
    deals = [Deal(id="d", block_id="b", firm_id="f", status="candidate", offtake_share=1.0)]
    plants = [
        Plant(id=s, name=s, stage=s, capacity_tpa=1.0, status="operating")
        for s in ("metal", "magnet")
    ]
    p = portfolio(blocks, deals, plants, target=Target(default_tpa=1.0))
    c = Constraints(include_uncosted=True, min_mou_share=1e-6)
    result = optimise(p, YEAR, "min-cost", c, evaluation_draws=0)
    assert result.status == "optimal" and result.plan.plan.closed == ("d",)
    assert result.plan.magnets_in_year == pytest.approx(1.0)


def test_negotiation_bound_when_dytb_counts():
    """Deal r (30% NdPr, no Dy/Tb) takes separation from p (10% NdPr, 5% Dy+Tb) as its share s
    grows: with 25 t/yr Dy+Tb bought, M = min(285 + 570 s, 29 x (72.5 - 47.5 s)), not monotone
    in s. Target 700 t: 285 + 570 s >= 700 needs s >= 0.7281, so the bound is 0.729."""
    p = two_feeds()
    hot = p.assumptions.with_overrides({"dytb_market_tpa": 25.0})
    deals = [d.model_copy(update={"status": "acquired"}) for d in p.deals]
    p = p.model_copy(update={"assumptions": hot, "deals": deals, "target": Target(default_tpa=700)})
    from model.bounds import deal_bounds

    b = deal_bounds(p, "d-r", YEAR)
    assert b.reachable and b.min_offtake_share == pytest.approx(0.729)
