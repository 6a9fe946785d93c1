"""The fast what-if path gives exactly what the equivalent scenario gives."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model import project
from model.demo import demo_portfolio
from model.inputs import build_inputs
from model.projection import compute
from model.scenario import Scenario
from model.what_if import WhatIf, as_scenario, store_edits, what_if_inputs

DEMO = demo_portfolio()
PRO_RATA = Scenario(name="Pro rata", assumption_overrides={"separation_allocation": "pro_rata"})
SCENARIOS = [None, PRO_RATA, *DEMO.scenarios]


@settings(max_examples=120, deadline=None)
@given(
    st.sampled_from([b.id for b in DEMO.blocks]),
    st.none() | st.floats(0, 1),
    st.none() | st.integers(2020, 2040),
    st.none() | st.floats(0, 30_000),
    st.integers(0, 6),
    st.sampled_from(SCENARIOS),
    st.sampled_from(["expected", "committed", "all"]),
)
def test_fast_path_matches_scenario_path(block_id, offtake, first, plate, delay, scenario, mode):
    what_if = WhatIf(block_id, offtake, first, plate, delay)
    base = build_inputs(DEMO, scenario, mode=mode)
    fast = compute(what_if_inputs(base, DEMO, scenario, what_if))
    reference = project(DEMO, scenario=as_scenario(scenario, what_if), mode=mode)
    np.testing.assert_allclose(fast.magnets, reference.magnets, rtol=1e-12, atol=1e-9)
    np.testing.assert_allclose(fast.by_deal, reference.by_deal, rtol=1e-12, atol=1e-9)


def test_what_if_on_the_domestic_refiner_is_easy_to_check():
    # The domestic refiner alone, with the demo's plants: 800 t oxide -> 2,400 t magnets.
    alone = DEMO.model_copy(update={"deals": [d for d in DEMO.deals if d.id == "irel-domestic"]})
    base = build_inputs(alone, mode="all")
    doubled = compute(what_if_inputs(base, alone, None, WhatIf("irel-domestic", nameplate_tpa=800)))
    i = doubled.year_index(2030)
    assert doubled.rows()[i]["by_deal"]["irel-domestic"] == pytest.approx(2400.0)


def test_store_edits_spread_offtake_and_fold_delay_into_first_year():
    block, deals = store_edits(DEMO, WhatIf("longonjo", offtake_total=0.5, delay_years=2))
    assert block == {"first_year": 2028}
    assert deals == {"kabil-longonjo": {"offtake_share": 0.5}}
    assert store_edits(DEMO, WhatIf("longonjo")) == ({}, {})


def test_empty_what_if_changes_nothing():
    base = build_inputs(DEMO)
    assert WhatIf("nolans").is_empty()
    np.testing.assert_array_equal(
        compute(what_if_inputs(base, DEMO, Scenario(name="Base"), WhatIf("nolans"))).magnets,
        compute(base).magnets,
    )
