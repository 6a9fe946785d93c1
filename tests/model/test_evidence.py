"""The evidence register: choosing another sourced value moves the figure and the projection."""

import json

import pytest

from model import project
from model.demand import demand_balance
from model.demo import demo_portfolio
from model.evidence import (
    choose,
    conflicts,
    current_value,
    problems,
    refusal,
    spreads,
    values_of,
)
from tests.cli_runner import run


def irel_values(portfolio):
    return {e.value: e for e in values_of(portfolio, "blocks", "irel-domestic", "nameplate_tpa")}


def test_choosing_another_value_changes_the_projection():
    demo = demo_portfolio()
    values = irel_values(demo)
    in_use = next(e for e in values.values() if e.chosen)
    assert current_value(demo, "blocks", "irel-domestic", "nameplate_tpa") == in_use.value
    other = values[1500]
    changed = choose(demo, other.id)
    assert changed.block("irel-domestic").nameplate_tpa == 1500
    after = irel_values(changed)
    assert after[1500].chosen == 1 and sum(e.chosen for e in after.values()) == 1
    assert project(changed).magnets.sum() > project(demo).magnets.sum()
    # choosing the first back restores the portfolio exactly
    assert choose(changed, in_use.id) == demo


def test_choosing_a_demand_figure_moves_the_imports():
    demo = demo_portfolio()
    primus = next(e for e in values_of(demo, "demand", "india", "horizon_t") if e.value == 7150)
    changed = choose(demo, primus.id)
    assert changed.demand.horizon_t == 7150
    before = demand_balance(project(demo), demo.demand)
    after = demand_balance(project(changed), changed.demand)
    i = after.year_index(2030)
    assert after.demand[i] == 7150 and after.imports[i] < before.imports[i]


def test_spread_is_the_range_in_the_chosen_unit():
    demo = demo_portfolio()
    assert spreads(demo, "blocks", "nameplate_tpa")["irel-domestic"] == (400, 1500)
    base = spreads(demo, "demand", "base_t")["india"]
    assert base[1] < 53700  # all permanent magnets (another unit) are left out
    assert not problems(demo)
    assert len(conflicts(demo)) >= 3


def test_an_unknown_value_is_refused():
    with pytest.raises(KeyError, match="no sourced value"):
        choose(demo_portfolio(), "ev-nope")


def test_evidence_cli_json_keys_and_record_filter(capsys):
    code, out, _ = run(
        capsys, "evidence", "--demo", "--record", "irel-domestic", "--format", "json"
    )
    assert code == 0
    rows = json.loads(out)
    assert all(
        set(r) == {"record", "field", "value", "unit", "source", "as_of", "chosen"} for r in rows
    )
    plate = {r["value"]: r for r in rows if r["field"] == "nameplate_tpa"}
    assert {400, 500, 1500} <= set(plate)
    assert sum(r["chosen"] for r in plate.values()) == 1
    assert all(r["source"] and r["as_of"] for r in rows)


def test_evidence_cli_unknown_record_is_one_line(capsys):
    code, _, err = run(capsys, "evidence", "--demo", "--record", "nowhere")
    assert code == 2 and err.count("\n") == 1 and "nowhere" in err


def test_two_chosen_values_of_one_figure_are_refused():
    from model.interchange import InvalidPortfolio, portfolio_from_dict

    demo = demo_portfolio()
    data = demo.model_dump(mode="json")
    for row in data["evidence"]:
        if row["record_id"] == "irel-domestic" and row["field_name"] == "nameplate_tpa":
            row["chosen"] = 1
    with pytest.raises(InvalidPortfolio, match="at most one may be"):
        portfolio_from_dict({"format": "repm-portfolio", "version": 1, **data})


def _base_values(portfolio):
    return {e.value: e for e in values_of(portfolio, "demand", "india", "base_t")}


@pytest.mark.parametrize("value", [53700, 460, 700, 900])
def test_another_unit_or_quantity_cannot_be_the_demand_in_use(value):
    """All permanent magnets, or rare-earth magnet imports, are not rare-earth magnet demand."""
    demo = demo_portfolio()
    other = _base_values(demo)[value]
    assert refusal(demo, other).startswith(f"{value:,g} {other.unit} is another quantity")
    with pytest.raises(ValueError, match="another quantity"):
        choose(demo, other.id)
    assert refusal(demo, _base_values(demo)[4010]) == ""


def test_a_file_choosing_another_quantity_is_refused():
    demo = demo_portfolio()
    body = demo.model_dump()
    for e in body["evidence"]:
        if e["field_name"] == "base_t":
            e["chosen"] = int(e["value"] == 53700)
    with pytest.raises(ValueError, match="another quantity"):
        type(demo).model_validate(body)


def test_repm_evidence_marks_values_that_cannot_be_used(capsys, tmp_path):
    code, out, _ = run(capsys, "evidence", "--demo", "--record", "india")
    assert code == 0
    marked = [line for line in out.splitlines() if line.startswith("-  india")]
    assert len(marked) == 4 and all("base_t" in line for line in marked)
    assert "cannot be the value in use" in out
