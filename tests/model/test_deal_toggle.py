"""Toggling one deal from one Monte Carlo pass equals simulating the toggled draws again."""

from dataclasses import replace

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from model.deal_toggle import toggled_magnets
from model.demo import demo_portfolio
from model.montecarlo import draw, setup, simulate
from tests.builders import portfolios_st


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
