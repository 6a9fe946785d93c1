"""repm optimise and repm bounds: the exact JSON keys, saving a plan, one-line refusals."""

import json

import pytest

from model import project
from model.api import load_portfolio
from model.demo import demo_portfolio
from model.interchange import write_interchange
from model.store import Store
from tests.cli_runner import run

PLAN_KEYS = {
    "objective",
    "status",
    "year",
    "chosen_deals",
    "chosen_plants",
    "cost_musd",
    "magnets_t",
    "country_shares",
    "p_target",
    "greedy",
}
BOUND_KEYS = {
    "deal_id",
    "year",
    "reachable",
    "min_offtake_share",
    "shortfall_t",
    "latest_first_year",
    "break_even_cost_musd",
}


@pytest.mark.parametrize("objective", ["max-expected", "min-cost", "max-probability"])
def test_optimise_json_has_the_keys_of_the_issue(capsys, objective):
    code, out, err = run(
        capsys,
        "optimise",
        "--demo",
        "--year",
        "2030",
        "--objective",
        objective,
        "--budget-crore",
        "2500",
        "--include-uncosted",
        "--max-deals",
        "3",
        "--draws",
        "50",
        "--format",
        "json",
    )
    assert code == 0, err
    data = json.loads(out)
    assert set(data) >= PLAN_KEYS and PLAN_KEYS - {"objective", "status", "year", "greedy"} <= set(
        data["greedy"]
    )
    assert data["status"] in ("optimal", "infeasible", "time_limit")
    assert set(data["magnets_t"]) == {str(y) for y in range(2025, 2041)}
    assert data["cost_musd"] <= 2500 * 1e7 / 88.72 / 1e6 + 1e-6  # crore -> USD m at the default
    assert len(data["chosen_deals"]) <= 3


def test_optimise_table_and_save_scenario_in_a_json_file_and_a_store(capsys, tmp_path):
    path = tmp_path / "p.json"
    write_interchange(demo_portfolio(), path)
    args = ["--year", "2030", "--objective", "max-expected", "--include-uncosted"]
    code, out, err = run(
        capsys, "optimise", "--portfolio", path, *args, "--save-scenario", "Plan A"
    )
    assert code == 0, err
    assert "saved as scenario 'Plan A'" in out and "rank order" in out
    saved = load_portfolio(path).scenario("Plan A")
    plan = json.loads(run(capsys, "optimise", "--portfolio", path, *args, "--format", "json")[1])
    magnets = project(load_portfolio(path), scenario="Plan A").magnets
    assert magnets[5] == pytest.approx(plan["magnets_t"]["2030"])
    assert {d for d, o in saved.deal_overrides.items() if o.status == "acquired"} == set(
        plan["chosen_deals"]
    )
    code, out, _ = run(capsys, "compare", "--portfolio", path, "--scenarios", "Base", "Plan A")
    assert code == 0 and "Plan A" in out
    # The same name again is refused in one line and the file is unchanged.
    before = path.read_bytes()
    code, _, err = run(capsys, "optimise", "--portfolio", path, *args, "--save-scenario", "Plan A")
    assert code == 2 and "already exists" in err and path.read_bytes() == before

    db = tmp_path / "p.repm"
    assert run(capsys, "import", path, "--db", db)[0] == 0
    code, _, err = run(capsys, "optimise", "--db", db, *args, "--save-scenario", "Plan B")
    assert code == 0, err
    with Store.open(db) as store:
        assert "Plan B" in [s.name for s in store.scenarios()]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--year", "2050", "--objective", "max-expected"], "outside the horizon"),
        (["--year", "2030", "--objective", "max-expected", "--include", "x"], "--include x"),
        (["--year", "2030", "--objective", "max-expected", "--max-deals", "-1"], "--max-deals"),
        (["--year", "2030", "--objective", "min-cost", "--save-scenario", "P"], "read-only"),
        (
            ["--year", "2030", "--objective", "max-expected", "--cap-imported-only"],
            "--cap-imported-only needs --max-country-share",
        ),
        (
            ["--year", "2030", "--objective", "max-expected", "--cap-imported-only"]
            + ["--max-country-share", "1.4"],
            "--max-country-share",
        ),
    ],
)
def test_optimise_refuses_in_one_line(capsys, argv, message):
    code, out, err = run(capsys, "optimise", "--demo", *argv)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1


def test_bounds_json_has_the_keys_of_the_issue(capsys):
    code, out, err = run(
        capsys,
        "bounds",
        "--demo",
        "--deal",
        "kabil-mt-weld",
        "--year",
        "2030",
        "--budget-musd",
        "300",
        "--include-uncosted",
        "--format",
        "json",
    )
    assert code == 0, err
    data = json.loads(out)
    assert set(data) >= BOUND_KEYS and data["deal_id"] == "kabil-mt-weld"
    code, out, _ = run(capsys, "bounds", "--demo", "--deal", "kabil-mt-weld", "--year", "2030")
    assert code == 0 and "to reach 6,000 t in 2030" in out
    code, _, err = run(capsys, "bounds", "--demo", "--deal", "nope", "--year", "2030")
    assert code == 2 and "--deal nope" in err


def test_plan_costs_with_confidential_deal_costs_need_include_confidential(capsys, tmp_path):
    demo = demo_portfolio()
    deals = [
        d.model_copy(update={"cost_musd": 77.7}) if d.id == "kabil-nolans" else d
        for d in demo.deals
    ]
    path = tmp_path / "p.json"
    write_interchange(demo.model_copy(update={"deals": deals}), path)
    args = ["optimise", "--portfolio", path, "--year", "2030", "--objective", "max-expected"]
    args += ["--include", "kabil-nolans", "--max-deals", "1", "--format", "json"]
    code, out, err = run(capsys, *args)
    data = json.loads(out)
    assert code == 0 and data["cost_musd"] is None and "77.7" not in out
    assert any("confidential" in n for n in data["notes"])
    code, out, _ = run(capsys, *args, "--include-confidential")
    assert json.loads(out)["cost_musd"] == pytest.approx(77.7)


def test_optimise_table_names_blocks_and_refuses_to_save_an_empty_plan(capsys, tmp_path):
    portfolio = demo_portfolio()
    path = tmp_path / "p.json"
    write_interchange(portfolio, path)
    budget = ["--year", "2030", "--objective", "max-expected", "--budget-musd", "500"]
    code, out, err = run(capsys, "optimise", "--portfolio", path, *budget)
    assert code == 0, err
    uncosted = [d for d in portfolio.deals if d.cost_musd is None and d.status != "acquired"]
    assert f"{len(uncosted)} left out for an unknown cost" in out.splitlines()[2]
    names = {b.id: b.name for b in portfolio.blocks}
    assert names[uncosted[0].block_id] in out and uncosted[0].id not in out
    # Every demo deal lacks a cost, so the budgeted plan is empty: saving it is refused.
    before = path.read_bytes()
    code, _, err = run(capsys, "optimise", "--portfolio", path, *budget, "--save-scenario", "E")
    assert code == 2 and "closes no deal and builds nothing" in err
    assert path.read_bytes() == before
