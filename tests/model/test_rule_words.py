"""Every rule spanning records reads as an official would: the record's kind, id and name, the
field's label and the bad value, never a list index or an attribute path; a workbook puts it at
the cell of that field; `repm validate` prints one line per problem, exits 2 and leaves the file
as it was."""

import json
from collections import Counter

import pytest
from openpyxl import load_workbook

from model import rules
from model.demo import demo_portfolio
from model.interchange import InvalidPortfolio, portfolio_from_dict, portfolio_to_dict
from model.tabular import write_xlsx
from tests.cli_runner import run

DEMO = demo_portfolio()


def problems_of(change) -> list[str]:
    data = portfolio_to_dict(DEMO)
    change(data)
    with pytest.raises(InvalidPortfolio) as err:
        portfolio_from_dict(data)
    return err.value.problems


def test_a_missing_reference_names_the_record_and_field_label():
    deal = DEMO.deals[3]
    found = problems_of(lambda d: d["deals"][3].update(firm_id="ghost"))
    assert found == [f"deal '{deal.id}', firm: 'ghost' is not a firm id"]


def test_a_name_used_twice_names_both_records():
    first, second = DEMO.plants[0], DEMO.plants[1]
    found = problems_of(lambda d: d["plants"][1].update(name=first.name))
    assert found == [
        f"plant '{second.id}' ({first.name}), name: '{first.name}' is already used by plant "
        f"'{first.id}'"
    ]


def test_a_scenario_naming_no_block_is_named_with_its_field():
    scenario = DEMO.scenarios[0]
    found = problems_of(lambda d: d["scenarios"][0].update(block_delays={"ghost": 1}))
    assert found == [f"scenario '{scenario.name}', block delays: 'ghost' is not a block id"]


def test_two_values_in_use_for_one_figure_name_the_figure():
    figures = Counter((e.record_kind, e.record_id, e.field_name) for e in DEMO.evidence)
    kind, record_id, field = next(f for f, n in figures.items() if n > 1 and f[0] == "blocks")
    rows = [
        i
        for i, e in enumerate(DEMO.evidence)
        if (e.record_kind, e.record_id, e.field_name) == (kind, record_id, field)
    ]
    first, second = DEMO.evidence[rows[0]], DEMO.evidence[rows[1]]

    def both_chosen(d):
        for i in rows[:2]:
            d["evidence"][i]["chosen"] = 1
        for i in rows[2:]:
            d["evidence"][i]["chosen"] = 0

    found = problems_of(both_chosen)
    label = {"nameplate_tpa": "nameplate", "ndpr_share": "NdPr share"}.get(field, field)
    assert found == [
        f"sourced value '{second.id}', chosen: sourced value '{first.id}' is already the value "
        f"in use for block '{record_id}' {label}; at most one may be"
    ]


def test_a_bad_character_in_the_target_names_the_target():
    found = problems_of(lambda d: d["target"].update(source="bad \ud800 text"))
    assert found == ["target, source: contains an invalid character (a lone surrogate)"]


def test_the_editor_names_the_field_beside_the_cell():
    first, second = DEMO.blocks[0], DEMO.blocks[1]
    record, found = rules.change_problems(DEMO, "blocks", second.id, {"name": first.name})
    assert record is None
    assert found == [f"Name: '{first.name}' is already used by block '{first.id}'"]


def test_a_workbook_puts_a_rule_at_the_cell_of_its_field(capsys, tmp_path):
    path = tmp_path / "p.xlsx"
    write_xlsx(DEMO, path, include_confidential=True)
    wb = load_workbook(path)
    heads = [c.value for c in wb["Blocks"][1]]
    wb["Blocks"].cell(3, heads.index("name") + 1).value = DEMO.blocks[0].name  # row 3: 2nd block
    wb.save(path)
    before = path.read_bytes()
    code, out, err = run(capsys, "validate", path)
    assert (code, out) == (2, "")
    column = "ABCDEFGHIJ"[heads.index("name")]
    assert err == (
        f"{path}: Blocks row 3 (id {DEMO.blocks[1].id}), column {column} name: "
        f"'{DEMO.blocks[0].name}' is already used by block '{DEMO.blocks[0].id}'\n"
    )
    assert path.read_bytes() == before


def test_validate_on_broken_files_is_one_line_per_problem_and_changes_nothing(capsys, tmp_path):
    broken_json = tmp_path / "broken.json"
    broken_json.write_text('{"format": "repm-portfolio", "version": 1, "blocks": [}')
    data = portfolio_to_dict(DEMO)
    data["deals"][0]["offtake_share"] = 7
    data["plants"][0]["capacity_tpa"] = -5
    two = tmp_path / "two.json"
    two.write_text(json.dumps(data))
    broken_xlsx = tmp_path / "broken.xlsx"
    broken_xlsx.write_bytes(b"PK\x03\x04 not really a workbook")
    for path, lines in ((broken_json, 1), (two, 2), (broken_xlsx, 1)):
        before = path.read_bytes()
        code, out, err = run(capsys, "validate", path)
        assert (code, out) == (2, ""), err
        assert "Traceback" not in err
        shown = err.rstrip("\n").split("\n")
        assert shown[0].startswith(f"{path}: ")
        assert len(shown) == (1 if lines == 1 else lines + 1)
        assert path.read_bytes() == before
