"""Negotiation bounds: exact to 0.001 of share, checked by projecting at and below the bound."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model import Block, Deal, Plant, project
from model.bounds import deal_bounds
from model.optimise import Constraints, optimise
from model.optimise_model import PlanRequestError
from model.scenario import DealOverride, Scenario, Target
from tests.builders import ample_downstream, portfolio

YEAR = 2030


def closed_at(p, deal_id: str, share: float) -> float:
    """Magnets in YEAR with the deal closed at `share`, by the model's public API."""
    scenario = Scenario(
        name="bound", deal_overrides={deal_id: DealOverride(offtake_share=share, status="acquired")}
    )
    return float(project(p, scenario=scenario, mode="expected").magnets[YEAR - 2025])


def oxide_block(id="b", plate=1000.0, **kw):
    fields = dict(
        name=id, country="AUS", stage="producing", product="ndpr_oxide", nameplate_tpa=plate
    )
    fields.update(kw)
    return Block(id=id, **fields)


def test_the_least_share_on_paper():
    # 1,000 t NdPr oxide x share x 3 t magnet per t oxide >= 600 t  =>  share >= 0.2
    p = portfolio(
        [oxide_block()],
        [Deal(id="d", block_id="b", firm_id="f", status="mou", offtake_share=0.5)],
        ample_downstream(),
        target=Target(default_tpa=600.0),
    )
    b = deal_bounds(p, "d", YEAR)
    assert b.reachable and b.min_offtake_share == pytest.approx(0.2)
    assert "at least 20.0 % of b" in b.sentence()


def test_not_reachable_names_the_shortfall_and_the_bottleneck():
    p = portfolio(
        [oxide_block(plate=100.0), oxide_block("c", plate=100.0)],
        [
            Deal(id="d", block_id="b", firm_id="f", status="mou", offtake_share=0.5),
            Deal(id="other", block_id="b", firm_id="f", status="acquired", offtake_share=0.4),
        ],
        ample_downstream(),
    )
    b = deal_bounds(p, "d", YEAR)
    assert not b.reachable and b.min_offtake_share is None
    assert b.max_offtake_share == pytest.approx(0.6)  # what the other deal leaves
    assert b.shortfall_t == pytest.approx(6000.0 - 100 * (0.6 + 0.4) * 3)
    assert b.bottleneck == "feed"
    assert b.sentence().endswith("bottleneck mine feed")  # the status bar's words for the stage


def test_latest_first_year():
    # Ramp 2 years: output in 2030 is full if the block starts by 2029, half if it starts in 2030.
    p = portfolio(
        [oxide_block(stage="construction", first_year=2027, ramp_years=2)],
        [Deal(id="d", block_id="b", firm_id="f", status="mou", offtake_share=1.0)],
        ample_downstream(),
        target=Target(default_tpa=0.85 * 3000 * 0.75),  # p_stage(construction) 0.85
    )
    assert deal_bounds(p, "d", YEAR).latest_first_year == 2029
    p.target.default_tpa = 0.85 * 3000 * 0.5
    assert deal_bounds(p, "d", YEAR).latest_first_year == 2030


def test_break_even_cost():
    # A gives 150 t magnets (50 t oxide), B 300 t (100 t oxide) at USD 50 m; budget 100.
    # Without A the best plan is B (300 t). With A the rest must still reach 300 t: B, so
    # A fits while its cost <= 100 - 50.
    p = portfolio(
        [oxide_block("a", plate=50.0), oxide_block("b", plate=100.0)],
        [
            Deal(
                id="A", block_id="a", firm_id="f", status="mou", offtake_share=1.0, cost_musd=70.0
            ),
            Deal(
                id="B", block_id="b", firm_id="f", status="mou", offtake_share=1.0, cost_musd=50.0
            ),
        ],
        ample_downstream(),
    )
    b = deal_bounds(p, "A", YEAR, budget_musd=100.0)
    assert b.break_even_cost_musd == pytest.approx(50.0)
    for cost, inside in ((49.0, True), (51.0, False)):
        deals = [p.deals[0].model_copy(update={"cost_musd": cost}), p.deals[1]]
        plan = optimise(
            p.model_copy(update={"deals": deals}),
            YEAR,
            "max-expected",
            Constraints(budget_musd=100.0),
            evaluation_draws=0,
        )
        assert ("A" in plan.plan.plan.closed) == inside


@st.composite
def bound_cases(draw):
    n = draw(st.integers(1, 4))
    blocks, deals = [], []
    for i in range(n):
        blocks.append(
            Block(
                id=f"b{i}",
                name=f"B{i}",
                country="AUS",
                stage=draw(st.sampled_from(["producing", "construction", "feasibility"])),
                product=draw(st.sampled_from(["concentrate", "mixed", "separated", "ndpr_oxide"])),
                nameplate_tpa=draw(st.floats(100, 5000)),
                ndpr_share=draw(st.floats(0.05, 0.4)),
                first_year=draw(st.integers(2024, 2030)),
                ramp_years=draw(st.integers(1, 3)),
                resource_treo_t=draw(st.none() | st.floats(1000, 50_000)),
            )
        )
        deals.append(
            Deal(
                id=f"d{i}",
                block_id=f"b{i}",
                firm_id="f",
                status=draw(st.sampled_from(["candidate", "mou", "signed", "acquired"])),
                offtake_share=draw(st.floats(0, 0.6)),
            )
        )
    plants = [
        Plant(
            id="sep",
            name="Sep",
            stage="separation",
            capacity_tpa=draw(st.floats(0, 4000)),
            status="operating",
        ),
        Plant(
            id="metal",
            name="Metal",
            stage="metal",
            capacity_tpa=draw(st.floats(50, 2000)),
            status="operating",
        ),
        Plant(
            id="magnet",
            name="Magnet",
            stage="magnet",
            capacity_tpa=draw(st.floats(100, 8000)),
            status="operating",
        ),
    ]
    target = Target(default_tpa=draw(st.floats(10, 3000)))
    return portfolio(blocks, deals, plants, target=target)


@settings(max_examples=150, deadline=None)
@given(bound_cases(), st.data())
def test_bound_reaches_the_target_and_a_hundredth_less_does_not(p, data):
    deal = data.draw(st.sampled_from(p.deals))
    b = deal_bounds(p, deal.id, YEAR)
    target = p.target.at(YEAR)
    if b.reachable:
        assert closed_at(p, deal.id, b.min_offtake_share) >= target - 1e-9
        if b.min_offtake_share >= 0.01:
            assert closed_at(p, deal.id, b.min_offtake_share - 0.01) < target - 1e-9
    else:
        reached = closed_at(p, deal.id, b.max_offtake_share)
        assert reached < target and b.shortfall_t == pytest.approx(target - reached)


def test_unknown_deal_is_refused():
    p = portfolio(
        [oxide_block()], [Deal(id="d", block_id="b", firm_id="f", status="mou", offtake_share=0.5)]
    )
    with pytest.raises(PlanRequestError, match="--deal nope"):
        deal_bounds(p, "nope", YEAR)


def test_demo_bounds_are_consistent_with_the_model():
    from model.demo import demo_portfolio

    demo = demo_portfolio()
    b = deal_bounds(demo, "kabil-mt-weld", YEAR)
    reached = closed_at(demo, "kabil-mt-weld", b.max_offtake_share)
    assert not b.reachable and np.isclose(b.shortfall_t, 6000.0 - reached)
