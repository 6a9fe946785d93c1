"""Scenarios, sensitivity, concentration and ranking on portfolios whose answers are known."""

import numpy as np
import pytest

from model import project
from model.concentration import concentration, country_cuts
from model.demo import demo_portfolio
from model.ranking import rank_deals
from model.scenarios import builtin_scenarios, compare, find_scenario
from model.sensitivity import sensitivity
from tests.builders import ample_downstream, block, deal, plant, portfolio


def two_countries():
    blocks = [
        block("a", country="AUS", nameplate_tpa=100.0),
        block("m", country="MWI", nameplate_tpa=300.0),
        block("c", country="CHN", nameplate_tpa=100.0, stage="feasibility", first_year=2027),
    ]
    deals = [deal("a"), deal("m"), deal("c", status="mou", offtake_share=0.5)]
    return portfolio(blocks, deals, ample_downstream())


def test_builtins_exist_and_are_copyable():
    names = [s.name for s in builtin_scenarios()]
    assert names == [
        "Base",
        "China supply cut",
        "All deals slip 2 years",
        "Committed deals only",
        "Half high-temperature grades",
    ]
    p = two_countries()
    cut = find_scenario(p, "China supply cut")
    copy = cut.model_copy(update={"name": "China cut 2030"})
    assert copy.disruptions[0].country == "CHN"


def test_compare_uses_each_scenario():
    p = two_countries()
    result = compare(p, ["Base", "China supply cut", "Committed deals only"], end=2030)
    base = project(p, end=2030).magnets
    np.testing.assert_allclose(result.magnets["Base"], base)
    china = project(p, scenario=find_scenario(p, "China supply cut"), end=2030).magnets
    np.testing.assert_allclose(result.magnets["China supply cut"], china)
    assert china[-1] < base[-1]  # the Chinese block is cut
    assert result.rows()[0]["year"] == 2025
    with pytest.raises(ValueError, match="two or more"):
        compare(p, ["Base"])
    with pytest.raises(KeyError, match="no scenario named 'Nope'"):
        compare(p, ["Base", "Nope"])


def test_hhi_by_hand():
    r = project(two_countries(), mode="all", end=2025)
    c = concentration(r)
    # 100 t AUS and 300 t MWI NdPr oxide: shares 0.25 and 0.75 -> HHI 625 + 5,625.
    assert c.hhi[0] == pytest.approx(6250.0)
    assert c.largest[0] == "MWI" and c.largest_share[0] == pytest.approx(0.75)


def test_country_cuts_rank_by_loss():
    cuts = country_cuts(two_countries(), from_year=2025, year=2025, mode="all", end=2026)
    assert [c.country for c in cuts][:2] == ["MWI", "AUS"]
    assert cuts[0].magnets_lost_t == pytest.approx(900.0)  # 300 t oxide x 3
    assert cuts[0].gap_t == pytest.approx(6000.0 - 300.0)


def test_sensitivity_ranks_the_biggest_lever_first():
    p = portfolio([block("b", nameplate_tpa=400.0)], [deal("b")], ample_downstream())
    bars = sensitivity(p, 2030)
    by_key = {b.key: b for b in bars}
    nameplate = by_key["block:b:nameplate"]
    assert nameplate.low_t == pytest.approx(300 * 3) and nameplate.high_t == pytest.approx(500 * 3)
    ndpr = by_key["ndpr_in_magnet"]
    assert ndpr.low_t == pytest.approx(400 * 0.85 / 0.325) and ndpr.high_t == pytest.approx(1200)
    assert [b.swing for b in bars] == sorted((b.swing for b in bars), reverse=True)
    assert bars[0].swing == max(b.swing for b in bars)


def test_ranking_values_what_closing_adds():
    blocks = [
        block("x", nameplate_tpa=100.0),
        block("y", nameplate_tpa=300.0, acquisition_cost_musd=50.0),
    ]
    deals = [
        deal("x", status="mou", offtake_share=1.0),
        deal("y", status="candidate", offtake_share=1.0),
    ]
    p = portfolio(blocks, deals, [plant("metal", 1e6), plant("magnet", 1e6)])
    values = rank_deals(p, 2030, draws=400, seed=3)
    assert [v.deal_id for v in values] == ["d-y", "d-x"]
    assert values[0].added_year_expected_t == pytest.approx(900.0)
    assert values[0].added_total_expected_t == pytest.approx(900.0 * 16)
    assert values[0].total_per_musd == pytest.approx(900.0 * 16 / 50.0)
    assert values[0].added_year_p50_t == pytest.approx(900.0)  # producing, no delays: certain
    assert values[1].cost_musd is None and values[1].total_per_musd is None


def test_demo_ranking_shows_downstream_binding_in_the_median():
    values = {v.deal_id: v for v in rank_deals(demo_portfolio(), 2030, draws=1000)}
    mt_weld = values["kabil-mt-weld"]
    assert mt_weld.added_year_expected_t > 0
    assert mt_weld.added_year_p50_t <= mt_weld.added_year_expected_t
