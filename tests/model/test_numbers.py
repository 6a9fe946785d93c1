"""A number field takes finite numbers only, in JSON, CSV and Excel; the message names the
field and where it is, and nothing is written."""

import json
import re

import pytest
from openpyxl import load_workbook

from model.api import load_portfolio
from model.demo import demo_portfolio
from model.interchange import portfolio_to_dict
from model.tabular import write_xlsx
from tests.cli_runner import run


def write_json(path, mutate, raw=None):
    data = portfolio_to_dict(demo_portfolio())
    mutate(data)
    text = json.dumps(data)
    if raw:
        text = text.replace(*raw)
    path.write_text(text)
    return path


def set_in(path, value):
    def mutate(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return mutate


CASES = [
    (("blocks", 0, "nameplate_tpa"), float("inf"), "blocks[0].nameplate_tpa: inf is not a finite"),
    (("blocks", 0, "nameplate_tpa"), "1e400", "blocks[0].nameplate_tpa: 1e400 is not a finite"),
    (("blocks", 0, "lat"), True, 'blocks[0].lat: "true" is not a number'),
    (("blocks", 1, "ramp_years"), False, 'blocks[1].ramp_years: "false" is not a whole number'),
    (("deals", 2, "offtake_share"), float("nan"), "deals[2].offtake_share: nan is not a finite"),
    (("plants", 0, "first_year"), True, 'plants[0].first_year: "true" is not a whole number'),
    (("target", "default_tpa"), float("-inf"), "target.default_tpa: -inf is not a finite"),
    (("target", "path"), {"2030": True}, 'target.path.2030: "true" is not a number'),
    (("assumptions", "oxide_to_metal"), True, 'assumptions.oxide_to_metal: "true" is not a number'),
    (
        ("assumptions", "p_stage"),
        {"producing": True},
        'assumptions.p_stage.producing: "true" is not a number',
    ),
    (
        ("scenarios", 0, "delay_years"),
        True,
        'scenarios[0].delay_years: "true" is not a whole number',
    ),
    (("version",), True, "version: true is not a positive whole number"),
    (("version",), 0, "version: 0 is not a positive whole number"),
    (("version",), 1.5, "version: 1.5 is not a positive whole number"),
    (
        ("scenarios", 0, "disruptions"),
        [{"country": "XYZ", "from_year": 2030}],
        "scenarios[0].disruptions[0].country: 'XYZ' is not an ISO 3166-1 alpha-3",
    ),
]


def with_id(message: str) -> str:
    """'blocks[0].x' -> 'blocks[0] (id <the demo's id>).x': a file's record named by its id."""
    found = re.match(r"(blocks|firms|deals|plants)\[(\d+)\]", message)
    if not found:
        return message
    record = getattr(demo_portfolio(), found[1])[int(found[2])]
    return f"{found[0]} (id {record.id}){message[found.end() :]}"


@pytest.mark.parametrize(("where", "value", "message"), CASES)
def test_json_number_fields_refuse_non_finite_and_true_false(
    capsys, tmp_path, where, value, message
):
    message = with_id(message)
    path = write_json(tmp_path / "bad.json", set_in(where, value))
    code, _, err = run(capsys, "validate", path)
    assert code == 2 and message in err
    assert err.count("\n") == 1  # one fault, one line
    db = tmp_path / "p.repm"
    code, _, err = run(capsys, "import", path, "--db", db)
    assert code == 2 and message in err and not db.exists()


def test_json_literals_infinity_and_nan_are_refused(capsys, tmp_path):
    path = write_json(
        tmp_path / "bad.json",
        set_in(("blocks", 0, "resource_treo_t"), 12345),
        raw=('"resource_treo_t": 12345', '"resource_treo_t": Infinity'),
    )
    code, _, err = run(capsys, "validate", path)
    assert code == 2 and with_id("blocks[0].resource_treo_t: inf is not a finite number") in err


def test_a_valid_disruption_country_is_still_accepted(capsys, tmp_path):
    path = write_json(
        tmp_path / "ok.json",
        set_in(("scenarios", 0, "disruptions"), [{"country": "chn", "from_year": 2030}]),
    )
    assert run(capsys, "validate", path)[0] == 0
    assert load_portfolio(path).scenarios[0].disruptions[0].country == "CHN"


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("TRUE", 'plants.csv line 2 (id x), column capacity_tpa: "TRUE" is not a number'),
        ("inf", "plants.csv line 2 (id x), column capacity_tpa: inf is not a finite number"),
        ("1e400", "plants.csv line 2 (id x), column capacity_tpa: 1e400 is not a finite number"),
        ("NaN", "plants.csv line 2 (id x), column capacity_tpa: NaN is not a finite number"),
    ],
)
def test_csv_number_cells_refuse_true_and_non_finite(capsys, portfolio_path, cell, message):
    csv_file = portfolio_path.parent / "plants.csv"
    csv_file.write_text(
        f"id,name,stage,capacity_tpa (t/yr),status\nx,X,separation,{cell},planned\n"
    )
    before = load_portfolio(portfolio_path)
    code, _, err = run(capsys, "import", csv_file, "--db", portfolio_path, "--kind", "plants")
    assert code == 2 and message in err
    assert load_portfolio(portfolio_path) == before


@pytest.mark.parametrize(
    ("sheet", "cell", "value", "message"),
    [
        (
            "Plants",
            "E2",
            True,
            'Plants row 2 (id scheme-1-magnet), column E capacity_tpa: "true" is not a number',
        ),
        (
            "Deals",
            "E3",
            False,
            'Deals row 3 (id kabil-mt-weld), column E offtake_share: "false" is not a number',
        ),
        (
            "Blocks",
            "D2",
            True,
            'Blocks row 2 (id irel-domestic), column D lat: "true" is not a number',
        ),
    ],
)
def test_excel_true_in_a_number_cell_is_an_error(capsys, tmp_path, sheet, cell, value, message):
    path = tmp_path / "p.xlsx"
    write_xlsx(demo_portfolio(), path, include_confidential=True)
    wb = load_workbook(path)
    wb[sheet][cell] = value
    wb.save(path)
    code, _, err = run(capsys, "import", path, "--db", tmp_path / "p.repm")
    assert code == 2 and message in err
    assert not (tmp_path / "p.repm").exists()
