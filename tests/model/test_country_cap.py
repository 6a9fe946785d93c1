"""The country limit over all supply (India counts as a country) or over imported supply only:
a portfolio small enough to work on paper where the two forms choose different plans.

India's own refinery gives 600 t NdPr oxide (acquired, not a decision). Open deals, each USD 10 m,
each for a producing oxide block: Australia 500 t, Malawi 150 t, Brazil 120 t. Downstream plants
are ample, so magnets = 3 x oxide (the official 400 t oxide -> 1,200 t magnets). Limit 60%.

All supply, at most 2 new deals: AUS+MWI gives 1,250 t oxide, India 600/1,250 = 48%, Australia
40%: allowed, and the most oxide of any pair (AUS+BRA 1,220; MWI+BRA 870 has India 69%).
Imports only: AUS+MWI has Australia 500/650 = 77% of imports, AUS+BRA 500/620 = 81%, any single
deal 100%; MWI+BRA has Malawi 150/270 = 56%: the best allowed plan, 870 t oxide.
"""

import json

import pytest

from model import Target
from model.interchange import write_interchange
from model.optimise import Constraints, optimise
from model.plan_limits import no_plan_words
from tests.builders import ample_downstream, block, deal, portfolio
from tests.cli_runner import run

YEAR = 2030
FOREIGN = {"aus": ("AUS", 500.0), "mwi": ("MWI", 150.0), "bra": ("BRA", 120.0)}


def _portfolio(target_t: float = 6000.0):
    blocks = [block("irel", country="IND", nameplate_tpa=600.0)]
    deals = [deal("irel")]
    for id, (country, oxide) in FOREIGN.items():
        blocks.append(block(id, country=country, nameplate_tpa=oxide))
        deals.append(deal(id, status="candidate", cost_musd=10.0))
    return portfolio(blocks, deals, ample_downstream(), target=Target(default_tpa=target_t))


def _run(objective: str, imported_only: bool, target_t: float = 6000.0, **limits):
    c = Constraints(max_country_share=0.6, cap_imported_only=imported_only, **limits)
    return optimise(_portfolio(target_t), YEAR, objective, c, evaluation_draws=0, draws=50)


@pytest.mark.parametrize(
    ("imported_only", "closed", "oxide_t"),
    [(False, {"d-aus", "d-mwi"}, 1250.0), (True, {"d-mwi", "d-bra"}, 870.0)],
)
def test_most_magnets_under_each_form_of_the_limit(imported_only, closed, oxide_t):
    result = _run("max-expected", imported_only, max_deals=2)
    assert result.status == "optimal"
    assert set(result.plan.plan.closed) == closed
    assert result.plan.magnets_in_year == pytest.approx(3 * oxide_t)


def test_the_imports_form_reports_the_shares_it_limited():
    plan = _run("max-expected", True, max_deals=2).plan
    assert plan.import_shares == pytest.approx({"MWI": 150 / 270, "BRA": 120 / 270})
    assert plan.country_shares["IND"] == pytest.approx(600 / 870)  # India itself not limited


@pytest.mark.parametrize("objective", ["min-cost", "max-probability"])
@pytest.mark.parametrize(
    ("imported_only", "closed"), [(False, {"d-aus"}), (True, {"d-mwi", "d-bra"})]
)
def test_cheapest_and_likeliest_plan_honour_the_form(objective, imported_only, closed):
    """Target 2,500 t magnets = 833 t oxide. All supply: Australia alone (1,100 t, India 55%)
    is the one single deal that reaches it, and the cheapest plan. Imports only: a single deal is
    100% of imports, and AUS with either other is over 60%; MWI+BRA (870 t) is the only plan.
    Every block is producing and every plant operating, so each draw is certain."""
    result = _run(objective, imported_only, target_t=2500.0)
    assert set(result.plan.plan.closed) == closed
    if objective == "max-probability":
        assert result.p_target_in_sample == 1.0


def test_the_result_says_which_form_was_used():
    all_supply = _run("max-expected", False, max_deals=2)
    imports = _run("max-expected", True, max_deals=2)
    assert "of all supply" in all_supply.country_limit
    assert "India's own output counts as a country" in all_supply.country_limit
    assert "of imported supply" in imports.country_limit
    assert "not counted" in imports.country_limit
    assert all_supply.as_dict()["country_limit"] == {"max_share": 0.6, "of": "all supply"}
    assert imports.as_dict()["country_limit"] == {"max_share": 0.6, "of": "imported supply"}


def test_no_plan_names_the_imports_limit_and_a_share_that_works():
    """Insisting on Australia: it is 500 t of imports; with both others 500/770 = 64.9% of
    imports, so 65% works and 60% does not."""
    result = _run("max-expected", True, include=("d-aus",))
    assert result.plan is None
    said = no_plan_words(result.no_plan, "use --include-uncosted")
    assert "Australia already supplies 100% of 2030 imported supply" in said
    assert "with only the deals you insist on" in said
    assert "the limit of 60% of imports from one country" in said
    assert "allowing up to 65% of imports from one country gives a plan" in said
    assert "domestic supply counts" not in said


def test_when_only_dropping_the_limit_works_it_says_so_not_raise_to_100():
    """Insisting on Australia with at most 1 new deal: Australia is all of imports in every plan,
    so no limit below 100% works."""
    result = _run("max-expected", True, include=("d-aus",), max_deals=1)
    said = no_plan_words(result.no_plan, "use --include-uncosted")
    assert "100% gives a plan" not in said and "to 100%" not in said
    assert "dropping the limit of 60% of imports from one country" in said
    assert "no share limit below 100% works: even 98% of imports from one country" in said


def test_over_all_supply_india_is_named_with_the_way_to_limit_imports_only():
    """All supply, at most 1 new deal, limit 50%: India has 600 t; the largest single deal
    (Australia, 500 t) leaves India at 55%."""
    c = Constraints(max_country_share=0.5, max_deals=1)
    result = optimise(_portfolio(), YEAR, "max-expected", c, evaluation_draws=0)
    assert result.plan is None
    said = " ".join(result.as_dict()["notes"])
    assert "India (domestic supply) already supplies 100% of 2030 magnets" in said
    assert "use --cap-imported-only to limit imported supply only" in said
    assert "allowing up to 55% from one country gives a plan" in said


@pytest.mark.parametrize(
    ("flag", "closed", "of"),
    [
        ([], ["d-aus", "d-mwi"], "all supply"),
        (["--cap-imported-only"], ["d-bra", "d-mwi"], "imported supply"),
    ],
)
def test_repm_optimise_takes_the_form_of_the_limit(capsys, tmp_path, flag, closed, of):
    path = tmp_path / "small.json"
    write_interchange(_portfolio(), path)
    argv = ["optimise", "--portfolio", path, "--year", YEAR, "--objective", "max-expected"]
    argv += ["--max-deals", "2", "--max-country-share", "0.6", *flag]
    code, out, err = run(capsys, *argv, "--format", "json", "--draws", "20")
    assert code == 0, err
    data = json.loads(out)
    assert sorted(data["chosen_deals"]) == closed
    assert data["country_limit"] == {"max_share": 0.6, "of": of}
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    assert f"at most 60% of {of} from any one" in out
    assert ("shares of imports: BRA 44.4 %, MWI 55.6 %" in out) == bool(flag)
    # rank order: Australia then Malawi, 77% of imports from Australia
    assert ("outside the share limits set for the plan" in out) == bool(flag)


def test_a_saved_plan_keeps_the_form_of_the_limit_in_its_description(capsys, tmp_path):
    from model.api import load_portfolio

    path = tmp_path / "small.json"
    write_interchange(_portfolio(), path)
    argv = ["optimise", "--portfolio", path, "--year", YEAR, "--objective", "max-expected"]
    argv += ["--max-deals", "2", "--max-country-share", "0.6", "--cap-imported-only"]
    code, _out, err = run(capsys, *argv, "--save-scenario", "Imports plan")
    assert code == 0, err
    saved = {s.name: s for s in load_portfolio(path).scenarios}["Imports plan"]
    assert "at most 60% of imported supply" in saved.description
