"""The offtake rule (a block's non-rejected deals take at most all of its output) names the block by
id and name, each deal by id with its share, and the sum, in every path: validate, import (JSON,
Excel, CSV), a store write; the refused file is byte-identical afterwards."""

import json

import pytest
from openpyxl import load_workbook

from model.demo import demo_portfolio
from model.interchange import portfolio_to_dict
from model.store import InvalidEdit, Store
from model.tabular import write_xlsx
from tests.cli_runner import run

# Mt Weld's one deal in the demo takes 5 %; a second deal taking 99 % breaks the rule.
EXPECTED = (
    "block 'mt-weld' (Mt Weld): the offtake shares of its non-rejected deals add up to 104.0 % "
    "(kabil-mt-weld 5.0 %, second 99.0 %); together they may take at most 100.0 % of its output"
)


def second_deal(base: dict) -> dict:
    return dict(base, id="second", offtake_share=0.99)


@pytest.fixture
def bad_json(tmp_path):
    data = portfolio_to_dict(demo_portfolio())
    data["deals"].append(second_deal(next(d for d in data["deals"] if d["id"] == "kabil-mt-weld")))
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data, indent=2))
    return path


@pytest.fixture
def bad_xlsx(tmp_path):
    path = tmp_path / "bad.xlsx"
    write_xlsx(demo_portfolio(), path, include_confidential=True)
    wb = load_workbook(path)
    ws = wb["Deals"]
    heads = [c.value for c in ws[1]]
    row = next(
        [c.value for c in r] for r in ws.iter_rows(min_row=2) if r[0].value == "kabil-mt-weld"
    )
    values = dict(zip(heads, row, strict=True))
    values["id"], values["offtake_share (0-1)"] = "second", 0.99
    ws.append([values[h] for h in heads])
    wb.save(path)
    return path


@pytest.mark.parametrize("fixture", ["bad_json", "bad_xlsx"])
def test_validate_and_import_name_the_block_deals_and_sum(request, capsys, portfolio_path, fixture):
    path = request.getfixturevalue(fixture)
    source, store_bytes = path.read_bytes(), portfolio_path.read_bytes()
    for command in (["validate", path], ["import", path, "--db", portfolio_path]):
        code, out, err = run(capsys, *command)
        assert (code, out) == (2, "")
        assert err == f"{path}: {EXPECTED}\n"
    assert path.read_bytes() == source
    assert portfolio_path.read_bytes() == store_bytes


def test_a_csv_merge_names_the_block_deals_and_sum(capsys, portfolio_path, tmp_path):
    path = tmp_path / "deals.csv"
    path.write_text(
        "id,block_id,firm_id,status,offtake_share (0-1)\nsecond,mt-weld,kabil,candidate,0.99\n"
    )
    source, store_bytes = path.read_bytes(), portfolio_path.read_bytes()
    code, out, err = run(capsys, "import", path, "--db", portfolio_path)
    assert (code, out) == (2, "")
    assert err == f"{path}: {EXPECTED}\n"
    assert path.read_bytes() == source and portfolio_path.read_bytes() == store_bytes


def test_a_store_write_is_refused_naming_the_block_deals_and_sum(portfolio_path):
    before = portfolio_path.read_bytes()
    with Store.open(portfolio_path) as store:
        second = second_deal(store.get("deals", "kabil-mt-weld").model_dump())
        with pytest.raises(InvalidEdit) as err:
            store.add("deals", second)
        assert err.value.problems == [EXPECTED]
        assert [d.id for d in store.load_portfolio().deals].count("second") == 0
    assert portfolio_path.read_bytes() == before
