"""Properties of the projection over generated portfolios (hypothesis)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model import Block, Deal, Scenario, project
from model.assumptions import Assumptions
from model.inputs import build_inputs
from model.projection import block_output, compute, plant_capacity, ramp
from tests.builders import ample_downstream, block, deal, plant, portfolio, portfolios_st

MODES = st.sampled_from(["expected", "committed", "all"])
EPS = 1e-6


@settings(max_examples=150, deadline=None)
@given(portfolios_st(), MODES)
def test_output_never_exceeds_any_stage_capacity(p, mode):
    r = project(p, mode=mode)
    caps = plant_capacity(r.inputs)
    a = r.inputs
    assert np.all(r.magnets <= caps[2] + EPS)
    assert np.all(r.metal <= caps[1] + EPS)
    assert np.all(r.magnets * a.ndpr_in_magnet <= r.metal + EPS)
    assert np.all(r.metal <= r.ndpr_oxide * a.oxide_to_metal + EPS)
    assert np.all(r.separation_feed * r.phi <= caps[0] + EPS)


@settings(max_examples=150, deadline=None)
@given(portfolios_st(), MODES)
def test_attribution_sums_to_magnets(p, mode):
    r = project(p, mode=mode)
    np.testing.assert_allclose(r.by_deal.sum(axis=0), r.magnets, rtol=1e-9, atol=1e-6)
    np.testing.assert_allclose(r.by_block().sum(axis=0), r.magnets, rtol=1e-9, atol=1e-6)
    total = sum(r.by_country().values(), np.zeros_like(r.magnets))
    np.testing.assert_allclose(total, r.magnets, rtol=1e-9, atol=1e-6)


@st.composite
def new_deal_without_separation(draw):
    product = draw(st.sampled_from(["ndpr_oxide", "separated"]))
    b = Block(
        id="new",
        name="New",
        country="CHL",
        stage=draw(st.sampled_from(["producing", "feasibility"])),
        product=product,
        nameplate_tpa=draw(st.floats(0, 10_000)),
        ndpr_share=draw(st.floats(0, 1)),
        first_year=draw(st.integers(2020, 2040)),
    )
    status = draw(st.sampled_from(["candidate", "mou", "signed", "acquired"]))
    d = Deal(
        id="new", block_id="new", firm_id="f", status=status, offtake_share=draw(st.floats(0, 1))
    )
    return b, d


@settings(max_examples=150, deadline=None)
@given(portfolios_st(), new_deal_without_separation(), MODES)
def test_adding_a_deal_never_lowers_magnets(p, new, mode):
    before = project(p, mode=mode).magnets
    b, d = new
    grown = p.model_copy(update={"blocks": [*p.blocks, b], "deals": [*p.deals, d]})
    after = project(grown, mode=mode).magnets
    assert np.all(after >= before - EPS)


@settings(max_examples=100, deadline=None)
@given(portfolios_st(), MODES)
def test_adding_a_deal_never_lowers_magnets_when_separation_is_ample(p, mode):
    plants = [*p.plants, plant("separation", 1e9, id="ample-sep")]
    p = p.model_copy(update={"plants": plants})
    before = project(p, mode=mode).magnets
    b = block("new", product="concentrate", ndpr_share=0.1, nameplate_tpa=5000.0)
    grown = p.model_copy(update={"blocks": [*p.blocks, b], "deals": [*p.deals, deal("new")]})
    assert np.all(project(grown, mode=mode).magnets >= before - EPS)


def crowded_separation(allocation: str):
    """A rich concentrate alone, then with a lean one, on 100 t/yr of separation."""
    rule = Assumptions(separation_allocation=allocation)
    rich = block("rich", product="concentrate", ndpr_share=0.5, nameplate_tpa=100.0)
    sep = [plant("separation", 100.0), *ample_downstream()]
    p = portfolio([rich], [deal("rich")], sep, assumptions=rule)
    lean = block("lean", product="concentrate", ndpr_share=0.0, nameplate_tpa=100.0)
    grown = portfolio([rich, lean], [deal("rich"), deal("lean")], sep, assumptions=rule)
    return project(p).magnets[0], project(grown).magnets[0]


def test_pro_rata_separation_lets_a_low_grade_deal_crowd_out_a_high_grade_one():
    """The documented exception to monotonicity under the pro-rata rule."""
    alone, grown = crowded_separation("pro_rata")
    assert grown < alone


def test_merit_order_keeps_the_rich_feed_when_a_lean_one_is_added():
    alone, grown = crowded_separation("merit_order")
    assert grown == pytest.approx(alone)
    assert alone > 0


@st.composite
def any_new_deal(draw):
    b = Block(
        id="new",
        name="New",
        country=draw(st.sampled_from(["CHL", "AUS"])),
        stage=draw(st.sampled_from(["producing", "feasibility"])),
        product=draw(st.sampled_from(["concentrate", "mixed", "separated", "ndpr_oxide"])),
        nameplate_tpa=draw(st.floats(0, 20_000)),
        ndpr_share=draw(st.floats(0, 1)),
        first_year=draw(st.integers(2020, 2040)),
        resource_treo_t=draw(st.none() | st.floats(0, 100_000)),
    )
    status = draw(st.sampled_from(["candidate", "mou", "signed", "acquired"]))
    d = Deal(
        id="new", block_id="new", firm_id="f", status=status, offtake_share=draw(st.floats(0, 1))
    )
    return b, d


@settings(max_examples=200, deadline=None)
@given(portfolios_st(), any_new_deal(), MODES)
def test_with_merit_order_adding_any_deal_never_lowers_magnets(p, new, mode):
    """Equation 4 under merit order: a new feed only displaces feed of a lower yield."""
    assert p.assumptions.separation_allocation == "merit_order"  # the default
    before = project(p, mode=mode).magnets
    b, d = new
    grown = p.model_copy(update={"blocks": [*p.blocks, b], "deals": [*p.deals, d]})
    assert np.all(project(grown, mode=mode).magnets >= before - EPS)


@settings(max_examples=150, deadline=None)
@given(portfolios_st(), st.integers(0, 5), MODES)
def test_delays_never_raise_cumulative_mine_output_or_deliveries(p, delay, mode):
    def cumulative(scenario):
        a = build_inputs(p, scenario, mode=mode)
        q = block_output(
            a.nameplate,
            ramp(a.block_start, a.block_ramp, a.years),
            a.resource,
            a.stop_year,
            a.years,
        )
        return np.cumsum(q, axis=0)

    base = cumulative(Scenario(name="base"))
    late = cumulative(Scenario(name="late", delay_years=delay))
    assert np.all(late <= base + EPS)


@settings(max_examples=150, deadline=None)
@given(portfolios_st(), st.integers(0, 5))
def test_delays_never_raise_magnets_without_resource_caps_or_pooling(p, delay):
    blocks = [b.model_copy(update={"resource_treo_t": None}) for b in p.blocks]
    plants = [*p.plants, plant("separation", 1e9, id="ample-sep")]
    p = p.model_copy(update={"blocks": blocks, "plants": plants})
    base = compute(build_inputs(p)).magnets
    late = compute(build_inputs(p, Scenario(name="late", delay_years=delay))).magnets
    assert np.all(late <= base + EPS)
