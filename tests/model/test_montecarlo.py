"""Monte Carlo: fast path equals the plain reference; statistics behave as they must."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model import project
from model.demo import demo_portfolio
from model.montecarlo import draw, monte_carlo, setup, simulate, simulate_reference
from tests.builders import ample_downstream, block, deal, plant, portfolio, portfolios_st


@settings(max_examples=60, deadline=None)
@given(portfolios_st(), st.integers(0, 2**31), st.sampled_from(["merit_order", "pro_rata"]))
def test_fast_path_equals_reference(p, seed, allocation):
    rule = p.assumptions.with_overrides({"separation_allocation": allocation})
    scenario = p.scenarios[0] if p.scenarios else None  # delays, overrides, a disruption
    s = setup(p.model_copy(update={"assumptions": rule}), scenario)
    d = draw(s, 300, seed)
    np.testing.assert_allclose(simulate(s, d), simulate_reference(s, d), rtol=1e-9, atol=1e-6)


def test_fast_path_equals_reference_on_the_demo_with_a_scenario():
    demo = demo_portfolio()
    s = setup(demo, demo.scenario("All deals slip 2 years"))
    d = draw(s, 2000, 7)
    np.testing.assert_allclose(simulate(s, d), simulate_reference(s, d), rtol=1e-9, atol=1e-6)


def test_same_seed_same_answer_other_seed_other_draws():
    demo = demo_portfolio()
    a = monte_carlo(demo, draws=500, seed=3).magnets
    np.testing.assert_array_equal(a, monte_carlo(demo, draws=500, seed=3).magnets)
    assert not np.array_equal(a, monte_carlo(demo, draws=500, seed=4).magnets)


def coin_flip_portfolio():
    """One feasibility block whose deal is certain: success is a coin flip if p_stage = 0.5.
    With ample plants it meets a target of exactly its output or nothing."""
    p = portfolio(
        [block(stage="feasibility", nameplate_tpa=1000.0, first_year=2025)],
        [deal()],
        ample_downstream(),
    )
    a = p.assumptions.with_overrides(
        {"p_stage": {"feasibility": 0.5}, "max_delay_stage": {"feasibility": 0}}
    )
    return p.model_copy(
        update={"assumptions": a, "target": p.target.model_copy(update={"default_tpa": 3000.0})}
    )


def test_single_block_with_p_half_meets_the_target_half_the_time():
    result = monte_carlo(coin_flip_portfolio(), draws=20_000, seed=11)
    # Binomial(20,000, 0.5): standard error 0.0035; 0.02 is more than five of them.
    assert result.p_target == pytest.approx(np.full(16, 0.5), abs=0.02)
    assert set(np.unique(result.magnets)) == {0.0, 3000.0}
    assert result.first_year_met()["2025"] == pytest.approx(0.5, abs=0.02)


def test_mean_of_draws_converges_to_the_expected_projection():
    """Without delays or binding capacity the chain is linear, so E[draws] = expected mode."""
    blocks = [
        block("a", stage="construction", nameplate_tpa=800.0, first_year=2026, ramp_years=3),
        block(
            "b",
            stage="feasibility",
            product="separated",
            ndpr_share=0.3,
            nameplate_tpa=2000.0,
            first_year=2028,
        ),
    ]
    deals = [
        deal("a", status="mou", offtake_share=0.6),
        deal("b", status="signed", offtake_share=0.5),
    ]
    p = portfolio(blocks, deals, [plant("metal", 1e6), plant("magnet", 1e6)])
    a = p.assumptions.with_overrides({"max_delay_stage": {"construction": 0, "feasibility": 0}})
    p = p.model_copy(update={"assumptions": a})
    result = monte_carlo(p, draws=40_000, seed=5)
    expected = project(p, mode="expected").magnets
    np.testing.assert_allclose(result.mean, expected, rtol=0.03, atol=5.0)


def test_delays_are_uniform_up_to_the_stage_maximum():
    p = portfolio([block(stage="exploration", first_year=2030)], [deal()], ample_downstream())
    s = setup(p)
    d = draw(s, 10_000, 2)
    counts = np.bincount(d.block_delay[:, 0], minlength=5) / d.n
    assert counts.size == 5  # exploration: 0..4 years
    np.testing.assert_allclose(counts, 0.2, atol=0.02)


def test_percentiles_and_rows():
    result = monte_carlo(demo_portfolio(), draws=2000, seed=1)
    rows = result.rows()
    assert [r["year"] for r in rows] == list(range(2025, 2041))
    for r in rows:
        assert r["p10_t"] <= r["p50_t"] <= r["p90_t"]
        assert r["p_target"] is None if r["target_t"] <= 0 else 0.0 <= r["p_target"] <= 1.0
    assert sum(result.first_year_met().values()) == pytest.approx(1.0)
