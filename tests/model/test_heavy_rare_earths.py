"""Equation (8), heavy rare earths: hand-computed cases, the fast paths, the demo."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model import project
from model.demo import demo_portfolio
from model.inputs import build_inputs
from model.montecarlo import draw, setup, simulate, simulate_reference
from model.projection import compute
from model.scenario import Scenario
from model.what_if import WhatIf, as_scenario, what_if_inputs
from tests.builders import ample_downstream, block, deal, plant, portfolio, portfolios_st

HALF_HIGH_TEMP = {"high_temp_share": 0.5}  # conventional 0.06 t Dy+Tb metal / t, 0.87 oxide->metal


def ndpr_rich_dytb_poor(**assumptions):
    """10,000 t TREO concentrate, 20% NdPr, 0.1% Dy+Tb, everything downstream ample.
    NdPr route: 10,000 x 0.20 x 0.95 = 1,900 t oxide -> 5,700 t magnets.
    Dy+Tb: 10,000 x 0.001 x 0.95 = 9.5 t oxide."""
    p = portfolio(
        [block(product="concentrate", nameplate_tpa=10_000.0, ndpr_share=0.2, dytb_share=0.001)],
        [deal()],
        [plant("separation", 20_000.0), *ample_downstream()],
    )
    return p.model_copy(update={"assumptions": p.assumptions.with_overrides(assumptions)})


def test_ndpr_rich_dytb_poor_portfolio_is_limited_by_dytb():
    r = project(ndpr_rich_dytb_poor(**HALF_HIGH_TEMP), start=2025, end=2026)
    # 9.5 t oxide x 0.87 t metal/t oxide / 0.06 t per high-temp magnet = 137.75 t high-temp
    # magnets; half of all magnets must be high-temp: 137.75 / 0.5 = 275.5 t in total.
    np.testing.assert_allclose(r.ndpr_magnets, 5700.0)
    np.testing.assert_allclose(r.magnets, 275.5)
    np.testing.assert_allclose(r.dytb_supply, 9.5)
    np.testing.assert_allclose(r.dytb_need, 0.5 * 5700 * 0.06 / 0.87)  # 196.55 t oxide
    assert r.bottleneck == ["dytb", "dytb"]
    row = r.rows()[0]
    assert row["dytb_supply_t"] == pytest.approx(9.5) and row["bottleneck"] == "dytb"
    assert row["dytb_need_t"] == pytest.approx(196.5517, rel=1e-6)


def test_grain_boundary_diffusion_lifts_it_by_the_stated_factor():
    conventional = project(ndpr_rich_dytb_poor(**HALF_HIGH_TEMP), start=2025, end=2025)
    gbd = project(
        ndpr_rich_dytb_poor(**HALF_HIGH_TEMP, dytb_process="grain_boundary_diffusion"),
        start=2025,
        end=2025,
    )
    # 0.06 / 0.03: grain-boundary diffusion needs half the Dy+Tb, so twice the magnets.
    np.testing.assert_allclose(gbd.magnets, 551.0)
    np.testing.assert_allclose(gbd.magnets / conventional.magnets, 2.0)
    np.testing.assert_allclose(gbd.dytb_need, conventional.dytb_need / 2)


def test_market_dytb_adds_to_deliveries():
    r = project(ndpr_rich_dytb_poor(**HALF_HIGH_TEMP, dytb_market_tpa=50.0), end=2025)
    np.testing.assert_allclose(r.dytb_supply, 59.5)
    np.testing.assert_allclose(r.magnets, 59.5 * 0.87 / 0.06 / 0.5)  # 1,725.5 t


def test_no_high_temperature_share_means_no_dytb_limit():
    r = project(ndpr_rich_dytb_poor(), end=2025)
    np.testing.assert_allclose(r.magnets, 5700.0)
    np.testing.assert_allclose(r.dytb_supply, 9.5)  # still reported
    np.testing.assert_allclose(r.dytb_need, 0.0)
    assert np.isinf(r.dytb_eq).all() and r.bottleneck == ["feed"]


def test_all_high_temperature_and_ample_dytb_leaves_the_ndpr_route():
    r = project(ndpr_rich_dytb_poor(high_temp_share=1.0, dytb_market_tpa=1000.0), end=2025)
    np.testing.assert_allclose(r.magnets, 5700.0)
    assert r.bottleneck == ["feed"]


def test_dytb_shares_the_separation_pooling_of_its_ndpr():
    # Separation for 5,000 of 10,000 t: half the feed is separated, half the NdPr and Dy+Tb.
    p = ndpr_rich_dytb_poor(**HALF_HIGH_TEMP)
    p = p.model_copy(update={"plants": [plant("separation", 5000.0), *ample_downstream()]})
    r = project(p, end=2025)
    np.testing.assert_allclose(r.ndpr_oxide, 950.0)
    np.testing.assert_allclose(r.dytb_supply, 4.75)
    np.testing.assert_allclose(r.magnets, 4.75 * 0.87 / 0.06 / 0.5)  # 137.75 t


@pytest.mark.parametrize(
    ("separation", "rich_dytb_t"), [(1000.0, 0.0), (1500.0, 1000 * 0.05 * 0.95 * 0.5)]
)
def test_merit_order_separates_the_richer_ndpr_first_and_dytb_follows(separation, rich_dytb_t):
    # Block r: 30% NdPr, no Dy+Tb; block p: 10% NdPr, 5% Dy+Tb. Capacity goes to r first;
    # p gets what is left (none, then half of its 1,000 t).
    p = portfolio(
        [
            block("r", product="concentrate", nameplate_tpa=1000.0, ndpr_share=0.3, dytb_share=0),
            block(
                "p", product="concentrate", nameplate_tpa=1000.0, ndpr_share=0.1, dytb_share=0.05
            ),
        ],
        [deal("r"), deal("p")],
        [plant("separation", separation), *ample_downstream()],
    )
    r = project(p, end=2025)
    np.testing.assert_allclose(r.dytb_supply, rich_dytb_t)
    np.testing.assert_allclose(r.dytb_by_block()[:, 0], [0.0, rich_dytb_t])


def test_separated_and_ndpr_oxide_products_deliver_their_stated_share_without_recovery():
    p = portfolio(
        [
            block("s", product="separated", nameplate_tpa=1000.0, ndpr_share=0.2, dytb_share=0.02),
            block("o", country="BRA", nameplate_tpa=400.0, dytb_share=0.05),
        ],
        [deal("s", offtake_share=0.5), deal("o")],
        ample_downstream(),  # no separation plant: neither needs one
    )
    r = project(p, end=2025)
    np.testing.assert_allclose(r.dytb_by_block()[:, 0], [1000 * 0.5 * 0.02, 400 * 0.05])
    assert {c: v[0] for c, v in r.dytb_by_country().items()} == {"AUS": 10.0, "BRA": 20.0}


def test_blocks_lacking_dytb_share_are_listed_when_it_counts():
    p = portfolio([block("x", dytb_share=None)], [deal("x")], ample_downstream())
    assert project(p).inputs.dytb_unknown == ()
    counted = p.model_copy(update={"assumptions": p.assumptions.with_overrides(HALF_HIGH_TEMP)})
    inputs = project(counted).inputs
    assert inputs.dytb_unknown == ("X lacks: Dy+Tb share; its Dy/Tb counts as zero",)
    assert inputs.incomplete == ()  # its NdPr still counts


# --- fast paths against the reference ------------------------------------------------------------

dytb_assumptions = st.fixed_dictionaries(
    {
        "high_temp_share": st.sampled_from([0.0, 0.2, 1.0]),
        "dytb_process": st.sampled_from(["conventional", "grain_boundary_diffusion"]),
        "dytb_market_tpa": st.sampled_from([0.0, 5.0]),
        "separation_allocation": st.sampled_from(["merit_order", "pro_rata"]),
    }
)


@settings(max_examples=60, deadline=None)
@given(portfolios_st(), st.integers(0, 2**31), dytb_assumptions)
def test_monte_carlo_fast_path_equals_reference_with_dytb(p, seed, overrides):
    p = p.model_copy(update={"assumptions": p.assumptions.with_overrides(overrides)})
    s = setup(p)
    d = draw(s, 200, seed)
    np.testing.assert_allclose(simulate(s, d), simulate_reference(s, d), rtol=1e-9, atol=1e-6)


@settings(max_examples=40, deadline=None)
@given(portfolios_st(), dytb_assumptions)
def test_a_certain_draw_equals_the_projection_with_dytb(p, overrides):
    """With every success certain and no delays, one draw is the projection in mode 'all'."""
    # Every status certain, producing and operating included: the generated portfolios may set
    # any of them below 1 (or delays above 0).
    stages = ("exploration", "prefeasibility", "feasibility", "construction", "producing")
    plants = ("operating", "construction", "committed", "planned")
    certain = {
        "p_stage": dict.fromkeys(stages, 1.0),
        "p_plant": dict.fromkeys(plants, 1.0),
        "p_deal": dict.fromkeys(("candidate", "negotiating", "mou", "signed", "acquired"), 1.0),
        "max_delay_stage": dict.fromkeys(stages, 0),
        "max_delay_plant": dict.fromkeys(plants, 0),
    }
    p = p.model_copy(update={"assumptions": p.assumptions.with_overrides({**overrides, **certain})})
    s = setup(p)
    magnets = simulate(s, draw(s, 1, 0))[0]
    np.testing.assert_allclose(magnets, project(p, mode="all").magnets, rtol=1e-9, atol=1e-6)


@settings(max_examples=40, deadline=None)
@given(
    st.none() | st.floats(0, 1),
    st.none() | st.floats(0, 30_000),
    st.integers(0, 4),
    st.sampled_from([0.3, 1.0]),
)
def test_what_if_fast_path_matches_the_scenario_path_with_dytb(offtake, plate, delay, share):
    demo = demo_portfolio()
    scenario = Scenario(name="Hot", assumption_overrides={"high_temp_share": share})
    for b in demo.blocks[:6]:
        what_if = WhatIf(b.id, offtake, None, plate, delay)
        base = build_inputs(demo, scenario, mode="all")
        fast = compute(what_if_inputs(base, demo, scenario, what_if))
        reference = project(demo, scenario=as_scenario(scenario, what_if), mode="all")
        np.testing.assert_allclose(fast.magnets, reference.magnets, rtol=1e-12, atol=1e-9)
        np.testing.assert_allclose(fast.dytb_supply, reference.dytb_supply, rtol=1e-12)


# --- the demo ------------------------------------------------------------------------------------


def test_the_demo_counts_dytb_only_from_blocks_with_a_sourced_share():
    demo = demo_portfolio()
    scenario = Scenario(name="Hot", assumption_overrides=HALF_HIGH_TEMP)
    r = project(demo, scenario=scenario, mode="all")
    by_block = r.dytb_by_block()
    dealt = {demo.deals[d].block_id for d in range(len(demo.deals))}
    for k, b in enumerate(demo.blocks):
        if b.dytb_share is None or b.dytb_share == 0:
            assert not by_block[k].any(), b.id
        lacks = any(gap.startswith(f"{b.name} lacks:") for gap in r.inputs.dytb_unknown)
        assert lacks == (b.dytb_share is None and b.id in dealt), b.id
    np.testing.assert_allclose(r.dytb_supply, by_block.sum(axis=0))
    assert (r.magnets <= r.ndpr_magnets + 1e-9).all()


def test_with_dytb_counting_a_deal_rich_in_ndpr_can_lower_magnets_by_taking_separation():
    """The merit order ranks feed by NdPr alone: a new NdPr-rich, Dy/Tb-free deal takes the
    separation capacity a Dy/Tb-rich one had, and when Dy/Tb binds, magnets fall. (With
    high_temp_share = 0, adding a deal never lowers magnets: tests/model/test_properties.py.)"""
    poor = block("p", product="concentrate", nameplate_tpa=1000.0, ndpr_share=0.1, dytb_share=0.05)
    rich = block("r", product="concentrate", nameplate_tpa=1000.0, ndpr_share=0.3, dytb_share=0)
    plants = [plant("separation", 1000.0), *ample_downstream()]
    before = portfolio([poor], [deal("p")], plants)
    after = portfolio([poor, rich], [deal("p"), deal("r")], plants)
    hot = {"assumptions": before.assumptions.with_overrides(HALF_HIGH_TEMP)}
    m_before = project(before.model_copy(update=hot), end=2025).magnets
    m_after = project(after.model_copy(update=hot), end=2025).magnets
    # Before: 95 t NdPr oxide -> 285 t; 47.5 t Dy+Tb allows far more. After: r takes all the
    # separation, Dy+Tb falls to 0, so no high-temperature magnets and no magnets at all.
    np.testing.assert_allclose(m_before, 285.0)
    np.testing.assert_allclose(m_after, 0.0)


def test_tornado_has_the_grade_mix_and_the_intensity():
    from model.sensitivity import sensitivity

    bars = {b.key: b for b in sensitivity(ndpr_rich_dytb_poor(**HALF_HIGH_TEMP), 2025, end=2025)}
    # high_temp_share 0.6 .. 0: 9.5 x 0.87 / 0.06 / 0.6 = 229.58 t .. the NdPr route's 5,700 t.
    assert bars["high_temp_share"].low_t == pytest.approx(229.583, rel=1e-4)
    assert bars["high_temp_share"].high_t == pytest.approx(5700.0)
    assert bars["dytb_intensity_conventional"].low_t == pytest.approx(9.5 * 0.87 / 0.10 / 0.5)
    assert (bars["dytb_process"].low_t, bars["dytb_process"].high_t) == pytest.approx(
        (275.5, 551.0)
    )


def test_cli_shows_the_dytb_columns_and_what_counts_as_zero(capsys, tmp_path):
    from model.interchange import write_interchange
    from tests.cli_runner import run

    p = portfolio(
        [
            block(
                "a", product="concentrate", nameplate_tpa=10_000.0, ndpr_share=0.2, dytb_share=0.001
            ),
            block("x", name="Unknown HRE", dytb_share=None),
        ],
        [deal("a"), deal("x")],
        [plant("separation", 20_000.0), *ample_downstream()],
    )
    path = tmp_path / "p.json"
    write_interchange(
        p.model_copy(update={"assumptions": p.assumptions.with_overrides(HALF_HIGH_TEMP)}), path
    )
    code, out, _ = run(
        capsys, "project", "--portfolio", str(path), "--from", "2025", "--to", "2025"
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[1].split() == [
        "year",
        "target_t",
        "magnet_t",
        "gap_t",
        "ndpr_oxide_t",
        "metal_t",
        "dytb_supply_t",
        "dytb_need_t",
        "bottleneck",
    ]
    # 'a': 1,900 t NdPr oxide, 9.5 t Dy+Tb; 'x' adds 100 t NdPr oxide and no known Dy/Tb.
    # Magnets 9.5 x 0.87 / 0.06 / 0.5 = 275.5; need 0.5 x 6,000 x 0.06 / 0.87 = 206.9.
    assert lines[3].split() == [
        "2025",
        "6,000",
        "276",
        "5,724",
        "2,000",
        "1,700",
        "9.50",
        "207",
        "Dy/Tb",
        "(heavy",
        "rare",
        "earths)",
    ]
    assert "Dy/Tb counted as zero:\n  Unknown HRE lacks: Dy+Tb share" in out


def test_dytb_concentration_by_country():
    from model.concentration import concentration

    p = portfolio(
        [
            block("s", product="separated", nameplate_tpa=1000.0, ndpr_share=0.2, dytb_share=0.02),
            block("o", country="BRA", nameplate_tpa=400.0, dytb_share=0.05),
        ],
        [deal("s", offtake_share=0.5), deal("o")],
        ample_downstream(),
    )
    p = p.model_copy(update={"assumptions": p.assumptions.with_overrides({"dytb_market_tpa": 99})})
    c = concentration(project(p, end=2025), dytb=True)
    # 10 t from Australia, 20 t from Brazil (the market's 99 t has no country):
    # HHI = 33.3^2 + 66.7^2 = 5,555.6
    assert c.shares["AUS"][0] == pytest.approx(1 / 3) and c.largest == ["BRA"]
    assert c.hhi[0] == pytest.approx(5555.56, rel=1e-5)
