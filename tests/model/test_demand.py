"""Demand and import dependence: the arithmetic by hand, the demo's sourced path, the CLI."""

import json
import math

import pytest

from model import project
from model.demand import PRESETS, Demand, apply_preset, balance, demand_balance
from model.demo import demo_portfolio
from tests.cli_runner import run


def test_imports_china_share_self_sufficiency_and_surplus_by_hand():
    demand = Demand(base_year=2025, base_t=1000, horizon_year=2027, horizon_t=4000, china_share=0.5)
    found = balance(demand, [2024, 2025, 2026, 2027, 2028], [0, 600, 2500, 4000, 5000])
    # growth g = (4000 / 1000) ** (1 / 2) = 2: 1000, 2000, 4000, then held at 4000
    assert found.demand.tolist() == [1000, 1000, 2000, 4000, 4000]
    assert found.imports.tolist() == [1000, 400, 0, 0, 0]  # max(0, demand - domestic)
    assert found.china_imports.tolist() == [500, 200, 0, 0, 0]  # imports x 0.5
    assert found.surplus.tolist() == [0, 0, 500, 0, 1000]  # max(0, domestic - demand)
    assert found.self_sufficiency.tolist() == [0.0, 0.6, 1.25, 1.0, 1.25]


def test_path_overrides_and_china_share_path_by_hand():
    demand = Demand(
        base_t=4000,
        horizon_t=8000,
        path={2026: 3000},
        china_share=0.9,
        china_share_path={2026: 0.8},
    )
    found = balance(demand, [2026, 2030], [1000, 10000])
    assert found.demand.tolist() == [3000, 8000]
    assert found.imports.tolist() == [2000, 0]
    assert found.china_imports.tolist() == [pytest.approx(1600), 0]
    assert found.surplus.tolist() == [0, 2000]


def test_zero_demand_has_no_self_sufficiency_ratio():
    found = balance(Demand(base_t=0, horizon_t=0), [2025], [10])
    row = found.rows()[0]
    assert row["self_sufficiency"] is None and row["import_t"] == 0


def test_doubling_preset_doubles_between_2025_and_2030():
    demand = apply_preset(Demand(), "cabinet-doubling")
    assert demand.at(2030) == pytest.approx(2 * demand.at(2025))
    growth = demand.at(2026) / demand.at(2025)
    assert growth == pytest.approx(2 ** (1 / 5))
    assert apply_preset(Demand(), "primus-7150").at(2030) == pytest.approx(
        PRESETS["primus-7150"].horizon_t
    )


def test_an_inverted_horizon_is_refused():
    with pytest.raises(ValueError, match="horizon_year must be after base_year"):
        Demand(base_year=2030, horizon_year=2025)


def test_demo_demand_is_the_sourced_path_against_the_projection():
    demo = demo_portfolio()
    chosen = {e.field_name: e.value for e in demo.evidence if e.record_id == "india" and e.chosen}
    assert demo.demand.base_t == chosen["base_t"]
    assert demo.demand.horizon_t == chosen["horizon_t"]
    result = project(demo)
    found = demand_balance(result, demo.demand)
    i = found.year_index(2030)
    assert found.domestic[i] == pytest.approx(result.magnets[i])
    assert found.imports[i] == pytest.approx(max(0.0, chosen["horizon_t"] - result.magnets[i]))
    assert found.china_imports[i] == pytest.approx(found.imports[i] * chosen["china_share"])


def test_demand_json_has_exactly_the_issue_keys(capsys):
    code, out, _ = run(
        capsys, "demand", "--demo", "--from", "2026", "--to", "2031", "--format", "json"
    )
    assert code == 0
    rows = json.loads(out)
    assert [r["year"] for r in rows] == list(range(2026, 2032))
    keys = {"year", "demand_t", "domestic_t", "import_t", "china_import_t", "self_sufficiency"}
    assert all(set(r) == keys for r in rows)
    demo = demo_portfolio()
    expected = demand_balance(project(demo, start=2026, end=2031), demo.demand).rows()
    assert rows == expected
    for r in rows:
        assert r["import_t"] == pytest.approx(max(0.0, r["demand_t"] - r["domestic_t"]))
        assert math.isclose(r["self_sufficiency"], r["domestic_t"] / r["demand_t"])


def test_demand_preset_and_scenario(capsys):
    code, out, _ = run(
        capsys, "demand", "--demo", "--preset", "primus-7150", "--scenario", "Committed deals only",
        "--format", "json",
    )  # fmt: skip
    assert code == 0
    row = next(r for r in json.loads(out) if r["year"] == 2030)
    assert row["demand_t"] == pytest.approx(PRESETS["primus-7150"].horizon_t)


def test_demand_table_and_a_bad_range(capsys):
    code, out, _ = run(capsys, "demand", "--demo")
    assert code == 0 and "rare-earth" in out and "surplus_t" in out
    code, _, err = run(capsys, "demand", "--demo", "--from", "2031", "--to", "2030")
    assert code == 2 and err.count("\n") == 1
