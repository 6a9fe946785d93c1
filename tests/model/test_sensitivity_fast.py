"""The tornado's fast path (one year, every block's end at once) gives the bars a full
projection per setting gives (model/sensitivity_reference.py): same bars, same order, same
settings, same magnets to float precision."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.demo import demo_portfolio
from model.domain import Evidence
from model.scenario import Scenario
from model.sensitivity import sensitivity
from model.sensitivity_reference import sensitivity_reference
from tests.builders import ample_downstream, block, deal, plant, portfolio, portfolios_st


def same(p, year: int, **kw) -> None:
    fast = sensitivity(p, year, **kw)
    slow = sensitivity_reference(p, year, **kw)
    assert [b.key for b in fast] == [b.key for b in slow]
    for f, s in zip(fast, slow, strict=True):
        assert (f.label, f.low, f.high, f.fmt, f.unit) == (s.label, s.low, s.high, s.fmt, s.unit)
        assert (f.low_setting, f.high_setting) == (s.low_setting, s.high_setting)
        assert f.base_t == s.base_t
        for a, b in ((f.low_t, s.low_t), (f.high_t, s.high_t)):
            assert math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-7), (f.key, a, b)


def sourced(kind, record_id, field, k, value):
    return Evidence(
        id=f"e-{record_id}-{k}",
        record_kind=kind,
        record_id=record_id,
        field_name=field,
        value=value,
        unit="t/yr",
        source="test",
        as_of="2025",
        chosen=int(k == 0),
    )


@st.composite
def with_evidence(draw, p):
    """Some blocks' nameplates and plants' capacities with two or more sourced values (their
    spread is the range)."""
    evidence = []
    records = [("blocks", b.id, "nameplate_tpa") for b in p.blocks]
    records += [("plants", q.id, "capacity_tpa") for q in p.plants]
    for kind, record_id, field in records:
        if draw(st.booleans()):
            values = draw(st.lists(st.floats(0, 20_000), min_size=1, max_size=3))
            evidence += [sourced(kind, record_id, field, k, v) for k, v in enumerate(values)]
    return p.model_copy(update={"evidence": evidence})


@settings(max_examples=60, deadline=None)
@given(
    portfolios_st().flatmap(with_evidence),
    st.integers(2025, 2034),
    st.sampled_from(["merit_order", "pro_rata"]),
    st.sampled_from([0.0, 0.5]),
    st.data(),
)
def test_fast_tornado_equals_the_reference(p, year, allocation, high_temp, data):
    rules = {"separation_allocation": allocation, "high_temp_share": high_temp}
    p = p.model_copy(update={"assumptions": p.assumptions.with_overrides(rules)})
    scenario = data.draw(st.sampled_from([None, *p.scenarios]))
    mode = data.draw(st.sampled_from([None, "expected", "committed", "all"]))
    same(p, year, scenario=scenario, mode=mode, end=2036)


@st.composite
def scarce_separation(draw):
    """Blocks of distinct grades competing for a separation plant smaller than their feed."""
    n = draw(st.integers(2, 6))
    blocks = [
        block(
            f"b{i}",
            product=draw(st.sampled_from(["concentrate", "mixed", "separated"])),
            ndpr_share=draw(st.sampled_from([0.1, 0.2, 0.25, 0.3])),
            dytb_share=draw(st.floats(0, 0.05)),
            nameplate_tpa=draw(st.floats(100, 5_000)),
            first_year=draw(st.sampled_from([None, 2026, 2029])),
        )
        for i in range(n)
    ]
    deals = [
        deal(f"b{i}", id=f"d{i}-{k}", offtake_share=draw(st.floats(0, 0.5)))
        for i in range(n)
        for k in range(draw(st.integers(1, 2)))
    ]
    plants = [
        plant("separation", draw(st.floats(0, 8_000))),
        plant("metal", draw(st.sampled_from([300.0, 1e6]))),
        plant("magnet", 1e6),
    ]
    spread = draw(st.lists(st.floats(0, 8_000), min_size=2, max_size=2))
    evidence = [
        sourced("plants", "p-separation", "capacity_tpa", k, v) for k, v in enumerate(spread)
    ]
    return portfolio(blocks, deals, plants, evidence=evidence)


@settings(max_examples=60, deadline=None)
@given(
    scarce_separation(),
    st.sampled_from(["merit_order", "pro_rata"]),
    st.sampled_from([0.0, 0.3]),
)
def test_fast_tornado_equals_the_reference_when_separation_binds(p, allocation, high_temp):
    rules = {"separation_allocation": allocation, "high_temp_share": high_temp}
    p = p.model_copy(update={"assumptions": p.assumptions.with_overrides(rules)})
    same(p, 2030)


def test_demo_fast_equals_reference_in_each_scenario():
    p = demo_portfolio()
    for scenario in [None, *p.scenarios]:
        same(p, 2030, scenario=scenario)


def test_scenario_probabilities_are_shifted_from_the_scenario_values():
    """A scenario that makes feasibility certain keeps it certain in the probability bars."""
    p = portfolio(
        [block("b", stage="feasibility", nameplate_tpa=400.0, first_year=2025)],
        [deal("b")],
        [plant("metal", 1e6), plant("magnet", 1e6)],
    )
    scenario = Scenario(name="S", assumption_overrides={"p_stage": {"feasibility": 1.0}})
    bars = {b.key: b for b in sensitivity(p, 2030, scenario=scenario)}
    assert bars["p_stage"].low_t == pytest.approx(400 * 3) == bars["p_stage"].high_t
    same(p, 2030, scenario=scenario)


def test_year_outside_the_horizon_is_refused():
    with pytest.raises(ValueError, match="outside the horizon"):
        sensitivity(demo_portfolio(), 2050)


def test_a_tiny_share_beside_a_rejected_deal():
    """Hypothesis found it: India's offtake spread over a subnormal share must not overflow."""
    p = portfolio(
        [block("b", nameplate_tpa=400.0)],
        [deal("b", id="d1", offtake_share=5e-324), deal("b", id="d2", status="rejected")],
        ample_downstream(),
    )
    same(p, 2030)
    offtake = {b.key: b for b in sensitivity(p, 2030)}["block:b:offtake"]
    assert offtake.high_t == pytest.approx(400 * 0.1 * 3)


def test_a_plant_capacity_with_sourced_values_gets_a_bar_over_their_range():
    p = portfolio(
        [block("b", nameplate_tpa=400.0)],
        [deal("b")],
        [plant("metal", 1e6), plant("magnet", 600.0)],
        evidence=[
            sourced("plants", "p-magnet", "capacity_tpa", k, v)
            for k, v in enumerate((600.0, 900.0, 1500.0))
        ],
    )
    bar = {b.key: b for b in sensitivity(p, 2030)}["plant:p-magnet:capacity"]
    assert (bar.low_setting, bar.high_setting) == ("600 t/yr", "1,500 t/yr")
    assert (bar.low_t, bar.high_t) == pytest.approx((600.0, 1200.0))  # 400 t oxide x 3 at most
    same(p, 2030)
