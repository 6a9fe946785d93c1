"""Toggling one deal from one pass over the draws (or the expected weights) equals simulating
(or projecting) the toggled portfolio again."""

from dataclasses import replace

import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from model import deal_toggle
from model.deal_toggle import expected_toggles, toggled_magnets, toggled_medians
from model.demo import demo_portfolio
from model.inputs import build_inputs
from model.montecarlo import draw, setup, simulate
from model.projection import compute
from model.scenario import Mode
from tests.builders import (
    ample_downstream,
    block,
    deal,
    plant,
    portfolio,
    portfolios_st,
)


def resimulated(s, draws, d: int, closed: bool) -> np.ndarray:
    ok = draws.deal_ok.copy()
    ok[:, d] = closed
    return simulate(s, replace(draws, deal_ok=ok))


def check(p, seed: int, n: int) -> None:
    s = setup(p)
    draws = draw(s, n, seed)
    deals = list(range(len(p.deals)))
    seen = []

    def on_deal(d, closed, removed):
        seen.append(d)
        for out, is_closed in ((closed, True), (removed, False)):
            np.testing.assert_allclose(
                out, resimulated(s, draws, d, is_closed), rtol=1e-5, atol=1e-2
            )

    toggled_magnets(s, draws, deals, on_deal)
    assert seen == deals


@settings(max_examples=40, deadline=None)
@given(portfolios_st(), st.integers(0, 2**31), st.sampled_from(["merit_order", "pro_rata"]))
def test_toggling_equals_resimulating(p, seed, allocation):
    rule = p.assumptions.with_overrides({"separation_allocation": allocation})
    check(p.model_copy(update={"assumptions": rule}), seed, 200)


def test_toggling_on_the_demo():
    check(demo_portfolio(), 5, 1500)


def reference_expected(p, scenario, deals):
    """Each toggle projected again, as the ranking did before."""
    inputs = build_inputs(p, scenario, mode=Mode.expected)
    out = []
    for d in deals:
        weight = inputs.deal_weight.copy()
        weight[d] = inputs.p_stage[inputs.deal_block[d]]
        closed = compute(inputs.with_arrays(deal_weight=weight)).magnets
        weight[d] = 0.0
        out.append((closed, compute(inputs.with_arrays(deal_weight=weight)).magnets))
    return out


@settings(max_examples=60, deadline=None)
@given(portfolios_st(), st.sampled_from(["merit_order", "pro_rata"]), st.booleans())
def test_expected_toggles_equal_projecting_each_again(p, allocation, in_scenario):
    rule = p.assumptions.with_overrides({"separation_allocation": allocation})
    p = p.model_copy(update={"assumptions": rule})
    scenario = p.scenarios[0] if in_scenario and p.scenarios else None
    deals = list(range(len(p.deals)))
    closed, removed = expected_toggles(
        setup(p, scenario), build_inputs(p, scenario, mode=Mode.expected), deals
    )
    for k, (want_closed, want_removed) in enumerate(reference_expected(p, scenario, deals)):
        np.testing.assert_allclose(closed[k], want_closed, rtol=1e-9, atol=1e-6)
        np.testing.assert_allclose(removed[k], want_removed, rtol=1e-9, atol=1e-6)


def test_medians_are_the_percentile_of_the_toggled_draws():
    p = demo_portfolio()
    s = setup(p)
    draws = draw(s, 301, 4)
    deals = list(range(len(p.deals)))
    closed, removed = toggled_medians(s, draws, deals)
    for k, d in enumerate(deals):
        for got, is_closed in ((closed[k], True), (removed[k], False)):
            want = np.percentile(resimulated(s, draws, d, is_closed), 50, axis=0)
            np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-2)


def test_small_groups_and_passes_give_the_same_draws(monkeypatch):
    p = demo_portfolio()
    s = setup(p)
    draws = draw(s, 200, 9)
    deals = list(range(len(p.deals)))
    whole = {}
    toggled_magnets(s, draws, deals, lambda d, c, r: whole.update({d: (c.copy(), r.copy())}))
    # A pass for every few deals, groups of one or two, chunks of a few draws.
    monkeypatch.setattr(deal_toggle, "KEPT", 3 * 200 * 16)
    monkeypatch.setattr(deal_toggle, "TOGGLED_CELLS", 40)
    monkeypatch.setattr(deal_toggle, "CELLS", 2000)
    seen = []

    def on_deal(d, closed, removed):
        seen.append(d)
        np.testing.assert_array_equal(closed, whole[d][0])
        np.testing.assert_array_equal(removed, whole[d][1])

    toggled_magnets(s, draws, deals, on_deal)
    assert seen == deals


def test_a_rejected_deal_closed_in_the_expected_mode_equals_projecting_it_again():
    """The Monte Carlo set-up weighs a rejected deal 0; its expected toggle comes out all the
    same."""
    p = portfolio(
        [block("x", nameplate_tpa=100.0), block("y", nameplate_tpa=300.0)],
        [deal("x", status="rejected", offtake_share=0.5), deal("y", status="mou")],
        [plant("metal", 1e6), plant("magnet", 1e6)],
    )
    closed, removed = expected_toggles(setup(p), build_inputs(p, mode=Mode.expected), [0, 1])
    for k, (want_closed, want_removed) in enumerate(reference_expected(p, None, [0, 1])):
        np.testing.assert_allclose(closed[k], want_closed, rtol=1e-9, atol=1e-6)
        np.testing.assert_allclose(removed[k], want_removed, rtol=1e-9, atol=1e-6)
    assert closed[0].sum() > removed[0].sum()


# --- with the Dy/Tb limit on (equation 8) ------------------------------------------------------


def dytb_limited(p, scenario=None) -> bool:
    """Whether Dy/Tb limits magnets in some year with every deal closed (the draws' ceiling)."""
    r = compute(setup(p, scenario).inputs)
    return bool((r.dytb_eq < r.ndpr_magnets - 1e-6).any())


@st.composite
def dytb_portfolios(draw):
    """Generated portfolios with the Dy/Tb limit on, under either allocation rule: two more
    blocks with a deal each, and mostly a separation plant of some size and ample metal and magnet
    plants, so that separation and Dy/Tb decide."""
    p = draw(portfolios_st())
    extra = [
        block(
            f"x{k}",
            product=draw(st.sampled_from(["concentrate", "mixed", "separated", "ndpr_oxide"])),
            nameplate_tpa=draw(st.floats(100, 20_000)),
            ndpr_share=draw(st.sampled_from([0.1, 0.2, 0.3])),  # equal yields share pro rata
            dytb_share=draw(st.floats(0, 0.05)),
            first_year=draw(st.integers(2020, 2034)),
        )
        for k in range(2)
    ]
    statuses = st.sampled_from(["candidate", "negotiating", "mou", "signed", "acquired"])
    deals = [
        deal(b.id, status=draw(statuses), offtake_share=draw(st.floats(0.05, 1.0))) for b in extra
    ]
    plants = list(p.plants)
    if draw(st.integers(0, 3)):
        separation = plant("separation", draw(st.floats(0, 5_000)), id="p-sep")
        plants += [separation, *ample_downstream()]
    a = p.assumptions.with_overrides(
        {
            "high_temp_share": draw(st.floats(0.05, 1.0)),
            "dytb_intensity_conventional": draw(st.floats(0.01, 0.3)),
            "dytb_market_tpa": draw(st.sampled_from([0.0, 0.5, 20.0])),
            "separation_allocation": draw(st.sampled_from(["merit_order", "pro_rata"])),
        }
    )
    update = {
        "blocks": [*p.blocks, *extra],
        "deals": [*p.deals, *deals],
        "plants": plants,
        "assumptions": a,
    }
    return p.model_copy(update=update)


@settings(max_examples=60, deadline=None)
@given(dytb_portfolios().filter(dytb_limited), st.integers(0, 2**31))
def test_toggling_with_dytb_limiting_equals_resimulating(p, seed):
    check(p, seed, 200)


@settings(max_examples=60, deadline=None)
@given(dytb_portfolios(), st.booleans())
def test_expected_toggles_with_dytb_limiting_equal_projecting_each_again(p, in_scenario):
    scenario = p.scenarios[0] if in_scenario and p.scenarios else None
    assume(dytb_limited(p, scenario))
    deals = list(range(len(p.deals)))
    closed, removed = expected_toggles(
        setup(p, scenario), build_inputs(p, scenario, mode=Mode.expected), deals
    )
    for k, (want_closed, want_removed) in enumerate(reference_expected(p, scenario, deals)):
        np.testing.assert_allclose(closed[k], want_closed, rtol=1e-9, atol=1e-6)
        np.testing.assert_allclose(removed[k], want_removed, rtol=1e-9, atol=1e-6)


def test_toggling_with_dytb_and_separation_binding_in_a_shared_yield_group():
    """Capacity runs out inside a group of equal yields, Dy+Tb differs within it, and closing
    or removing a richer deal moves the groups after it: all as simulated again."""
    blocks = [
        block(name, product="concentrate", nameplate_tpa=t, ndpr_share=y, dytb_share=h)
        for name, t, y, h in [
            ("a", 1000.0, 0.3, 0.01),
            ("b", 1000.0, 0.2, 0.03),
            ("c", 800.0, 0.2, 0.05),
            ("d", 1000.0, 0.1, 0.04),
        ]
    ]
    p = portfolio(
        blocks,
        [deal(b.id, status="candidate") for b in blocks],
        [plant("separation", 1500.0), *ample_downstream()],
    )
    for allocation in ("merit_order", "pro_rata"):
        a = p.assumptions.with_overrides(
            {"high_temp_share": 0.9, "separation_allocation": allocation}
        )
        q = p.model_copy(update={"assumptions": a})
        assert dytb_limited(q)
        check(q, 3, 300)
