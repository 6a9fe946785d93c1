"""The projection on portfolios whose answer can be worked out on paper."""

import numpy as np
import pytest

from model import Scenario, project
from model.assumptions import Assumptions
from model.scenario import BlockOverride, DealOverride, Disruption, Target
from tests.builders import ample_downstream, block, deal, domestic_refiner, plant, portfolio


def test_domestic_refiner_gives_the_official_1200_t():
    result = project(domestic_refiner())
    assert result.years[0] == 2025 and result.years[-1] == 2040
    np.testing.assert_array_equal(result.magnets, np.full(16, 1200.0))
    np.testing.assert_allclose(result.ndpr_oxide, 400.0)
    np.testing.assert_allclose(result.metal, 340.0)
    np.testing.assert_allclose(result.gap, 4800.0)
    assert set(result.bottleneck) == {"feed"}


def test_ramp_rises_linearly_to_nameplate():
    p = portfolio(
        [block(stage="construction", nameplate_tpa=300.0, first_year=2027, ramp_years=3)],
        [deal()],
        ample_downstream(),
    )
    r = project(p, mode="all", start=2025, end=2030)
    np.testing.assert_allclose(r.ndpr_oxide, [0, 0, 100, 200, 300, 300])


def test_resource_caps_cumulative_output():
    p = portfolio(
        [block(nameplate_tpa=100.0, first_year=2025, resource_treo_t=250.0)],
        [deal()],
        ample_downstream(),
    )
    r = project(p, start=2025, end=2029)
    np.testing.assert_allclose(r.ndpr_oxide, [100, 100, 50, 0, 0])


def test_separated_product_uses_ndpr_share():
    p = portfolio(
        [block(product="separated", nameplate_tpa=1000.0, ndpr_share=0.25)],
        [deal(offtake_share=0.4)],
        ample_downstream(),
    )
    np.testing.assert_allclose(project(p).ndpr_oxide, 1000 * 0.4 * 0.25)


def test_scarce_separation_is_shared_pro_rata_and_named_bottleneck():
    # 1,000 t TREO concentrate at 20% NdPr, recovery 0.95, but only 500 t/yr of separation.
    p = portfolio(
        [block(product="concentrate", nameplate_tpa=1000.0, ndpr_share=0.2)],
        [deal()],
        [plant("separation", 500.0), *ample_downstream()],
    )
    r = project(p)
    np.testing.assert_allclose(r.phi, 0.5)
    np.testing.assert_allclose(r.ndpr_oxide, 1000 * 0.2 * 0.95 * 0.5)
    assert set(r.bottleneck) == {"separation"}


def two_concentrates(allocation: str, rich_share: float = 0.5):
    """100 t/yr each of a rich and a lean (0.1 NdPr) concentrate on 150 t/yr of separation."""
    return portfolio(
        [
            block("rich", product="concentrate", nameplate_tpa=100.0, ndpr_share=rich_share),
            block("lean", product="concentrate", nameplate_tpa=100.0, ndpr_share=0.1),
        ],
        [deal("rich"), deal("lean")],
        [plant("separation", 150.0), *ample_downstream()],
        assumptions=Assumptions(separation_allocation=allocation),
    )


def test_merit_order_separates_the_richest_feed_first():
    r = project(two_concentrates("merit_order"))
    # rich: all 100 t separated; lean: the 50 t left.
    np.testing.assert_allclose(r.ndpr_oxide, 0.95 * (100 * 0.5 + 50 * 0.1))
    np.testing.assert_allclose(r.phi, 0.75)  # 150 of 200 t feed separated, either rule


def test_pro_rata_cuts_every_feed_by_the_same_share():
    r = project(two_concentrates("pro_rata"))
    np.testing.assert_allclose(r.ndpr_oxide, 0.95 * 0.75 * (100 * 0.5 + 100 * 0.1))
    np.testing.assert_allclose(r.phi, 0.75)


def test_merit_order_shares_equal_yields_pro_rata():
    r = project(two_concentrates("merit_order", rich_share=0.1))
    np.testing.assert_allclose(r.by_deal[0], r.by_deal[1])
    np.testing.assert_allclose(r.ndpr_oxide, 0.95 * 150 * 0.1)


def test_no_separation_plant_means_concentrate_yields_nothing():
    p = portfolio(
        [block(product="mixed", nameplate_tpa=1000.0, ndpr_share=0.2)], [deal()], ample_downstream()
    )
    r = project(p)
    np.testing.assert_allclose(r.magnets, 0.0)
    assert set(r.bottleneck) == {"separation"}


def test_downstream_capacities_cap_the_chain():
    p = portfolio([block(nameplate_tpa=400.0)], [deal()], [plant("metal", 170.0), plant("magnet")])
    r = project(p)
    np.testing.assert_allclose(r.metal, 170.0)
    np.testing.assert_allclose(r.magnets, 600.0)  # 170 / (0.85 / 3)
    assert set(r.bottleneck) == {"metal"}
    p = portfolio([block(nameplate_tpa=400.0)], [deal()], [plant("metal"), plant("magnet", 700.0)])
    r = project(p)
    np.testing.assert_allclose(r.magnets, 700.0)
    assert set(r.bottleneck) == {"magnet"}


def test_no_plants_means_zero_capacity():
    r = project(portfolio([block()], [deal()], []))
    np.testing.assert_allclose(r.magnets, 0.0)
    assert r.bottleneck[0] == "metal"  # metal and magnet tie at zero: the earlier stage wins


def test_expected_mode_weights_by_stage_and_status():
    p = portfolio(
        [block(stage="feasibility", nameplate_tpa=1000.0, first_year=2025)],
        [deal(status="mou", offtake_share=0.5)],
        ample_downstream(),
    )
    np.testing.assert_allclose(project(p).ndpr_oxide, 1000 * 0.5 * 0.6 * 0.5)
    np.testing.assert_allclose(project(p, mode="all").ndpr_oxide, 500.0)
    np.testing.assert_allclose(project(p, mode="committed").ndpr_oxide, 0.0)


def test_committed_mode_counts_signed_deals_and_committed_plants():
    p = portfolio(
        [block(nameplate_tpa=100.0)],
        [deal(status="signed")],
        [plant("metal", status="committed"), plant("magnet", status="planned")],
    )
    r = project(p, mode="committed")
    np.testing.assert_allclose(r.ndpr_oxide, 100.0)
    np.testing.assert_allclose(r.magnets, 0.0)  # the planned magnet plant does not count


def test_plant_weights_in_expected_mode():
    planned = plant("magnet", status="planned", first_year=2025)  # 10,000 t at p = 0.4
    p = portfolio([block(nameplate_tpa=4000.0)], [deal()], [plant("metal"), planned])
    np.testing.assert_allclose(project(p).magnets, 4000.0)
    assert project(p).inputs.incomplete == ()
    undated = portfolio([block()], [deal()], [plant("metal"), plant("magnet", status="planned")])
    assert project(undated).inputs.incomplete == ("magnet plant lacks: first year",)


def test_deal_start_year_and_disruption():
    p = portfolio([block(country="AGO")], [deal(start_year=2027)], ample_downstream())
    cut = Scenario(name="cut", disruptions=[Disruption(country="AGO", from_year=2030)])
    r = project(p, scenario=cut, start=2025, end=2032)
    np.testing.assert_allclose(r.ndpr_oxide, [0, 0, 100, 100, 100, 0, 0, 0])


def test_scenario_delays_and_overrides():
    p = portfolio(
        [block(nameplate_tpa=100.0, first_year=2025, stage="construction")],
        [deal(offtake_share=0.5)],
        ample_downstream(),
    )
    slip = Scenario(name="slip", mode="all", delay_years=1, block_delays={"b": 1})
    np.testing.assert_allclose(project(p, scenario=slip, end=2028).ndpr_oxide, [0, 0, 50, 50])
    what_if = Scenario(
        name="w",
        mode="all",
        block_overrides={"b": BlockOverride(nameplate_tpa=200.0, first_year=2026)},
        deal_overrides={"d-b": DealOverride(offtake_share=0.25)},
    )
    np.testing.assert_allclose(project(p, scenario=what_if, end=2027).ndpr_oxide, [0, 50, 50])


def test_block_offtake_override_is_spread_pro_rata():
    p = portfolio(
        [block(nameplate_tpa=100.0)],
        [deal(id="a", offtake_share=0.2), deal(id="c", offtake_share=0.6)],
        ample_downstream(),
    )
    s = Scenario(name="s", block_overrides={"b": BlockOverride(offtake_share=0.4)})
    r = project(p, scenario=s, end=2025)
    assert r.rows()[0]["by_deal"]["a"] == pytest.approx(0.1 * 100 * 3)
    assert r.rows()[0]["by_deal"]["c"] == pytest.approx(0.3 * 100 * 3)


def test_attribution_by_deal_and_country():
    p = portfolio(
        [
            block("a", country="AUS", nameplate_tpa=100.0),
            block("m", country="MWI", nameplate_tpa=300.0),
        ],
        [deal("a"), deal("m")],
        [plant("metal"), plant("magnet", 600.0)],
    )
    row = project(p, end=2025).rows()[0]
    assert row["magnet_t"] == pytest.approx(600.0)
    assert row["by_deal"] == pytest.approx({"d-a": 150.0, "d-m": 450.0})
    assert row["by_country"] == pytest.approx({"AUS": 150.0, "MWI": 450.0})


def test_target_path_and_assumption_overrides():
    p = domestic_refiner()
    p.target = Target(default_tpa=6000.0, path={2025: 0.0})
    r = project(p, end=2026)
    np.testing.assert_allclose(r.target, [0.0, 6000.0])
    eng = Scenario(name="eng", assumption_overrides={"ndpr_in_magnet": 0.3075})
    np.testing.assert_allclose(project(p, scenario=eng).magnets, 340 / 0.3075)


def test_incomplete_blocks_contribute_nothing_and_are_listed():
    p = portfolio(
        [block("x", product="mixed", ndpr_share=None, stage="feasibility", first_year=None)],
        [deal("x")],
        ample_downstream(),
    )
    r = project(p)
    np.testing.assert_allclose(r.magnets, 0.0)
    assert r.inputs.incomplete == ("X lacks: first year, NdPr share",)
    assert r.inputs.incomplete_blocks == ("x",)


def test_horizon_errors_are_clear():
    with pytest.raises(ValueError, match="end year 2020 is before start year 2025"):
        project(domestic_refiner(), start=2025, end=2020)
    with pytest.raises(KeyError, match="no scenario named 'Nope'"):
        project(domestic_refiner(), scenario="Nope")


def test_assumptions_defaults_reproduce_official_ratio():
    a = Assumptions()
    assert a.magnet_per_oxide == pytest.approx(3.0)


@pytest.mark.parametrize("mode", ["expected", "committed", "all"])
def test_a_plant_option_adds_nothing_until_a_plan_builds_it(mode):
    option = plant("magnet", 5000.0, id="opt", status="option", first_year=2025)
    p = portfolio([block(nameplate_tpa=1000.0)], [deal()], [plant("metal", 10_000.0), option])
    assert project(p, mode=mode).magnets.max() == 0.0
    built = p.model_copy(
        update={"plants": [p.plants[0], option.model_copy(update={"status": "operating"})]}
    )
    assert project(built, mode=mode).magnets.max() > 0.0
