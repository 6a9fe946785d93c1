"""Names a spreadsheet would run as formulas: text in .xlsx, neutralised in every CSV output,
and exactly the same after an export -> import round trip."""

import csv
import io
import json
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from model.api import load_portfolio
from model.csv_cells import TRIGGERS, neutralise, restore
from model.demo import demo_portfolio
from model.interchange import write_interchange
from model.scenario import Scenario
from model.tabular import write_xlsx
from tests.cli_runner import run

EVIL_BLOCK = '=HYPERLINK("http://x","click")'
EVIL_FIRM = "=cmd|'/C calc'!A0"
ODD_NAMES = ["@SUM(1)", "+1", "-2", "\tTab", "'=quoted", "'plain quote", "'", "Ordinary"]


def evil_portfolio():
    demo = demo_portfolio()
    blocks = [
        b.model_copy(update={"name": EVIL_BLOCK if b.id == "mt-weld" else b.name})
        for b in demo.blocks
    ]
    blocks += [
        demo.blocks[1].model_copy(update={"id": f"odd-{i}", "name": name})
        for i, name in enumerate(ODD_NAMES)
    ]
    firms = [
        f.model_copy(update={"name": EVIL_FIRM if f.id == "kabil" else f.name}) for f in demo.firms
    ]
    scenarios = [*demo.scenarios, Scenario(name="=evil scenario", delay_years=1)]
    return demo.model_copy(update={"blocks": blocks, "firms": firms, "scenarios": scenarios})


@given(st.text())
def test_restore_undoes_neutralise_exactly(text):
    assert restore(neutralise(text)) == text
    assert not neutralise(text).startswith(TRIGGERS)


def test_numbers_are_not_touched():
    assert neutralise(-5.0) == -5.0 and neutralise(3) == 3


def assert_no_live_formula(text):
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            if cell.startswith(TRIGGERS):
                float(cell)  # only a number may start with '-' or '+'


@pytest.mark.parametrize(
    "command",
    [
        ["rank", "--draws", "20"],
        ["sensitivity", "--top", "40"],
        ["compare", "--scenarios", "Base", "=evil scenario"],
        ["project", "--scenario", "=evil scenario"],
        ["concentration"],
    ],
    ids=lambda c: c[0],
)
def test_csv_outputs_never_carry_a_live_formula(capsys, tmp_path, command):
    path = tmp_path / "evil.json"
    write_interchange(evil_portfolio(), path)
    code, out, err = run(capsys, *command, "--portfolio", path, "--format", "csv")
    assert code == 0, err
    assert_no_live_formula(out)
    if command[0] == "rank":
        assert f"'{EVIL_BLOCK}" in out.replace('""', '"')


def test_xlsx_writes_names_as_text_never_as_formulas(tmp_path):
    path = tmp_path / "evil.xlsx"
    write_xlsx(evil_portfolio(), path, include_confidential=True)
    with zipfile.ZipFile(path) as z:
        assert not any(b"<f>" in z.read(n) for n in z.namelist() if n.startswith("xl/worksheets"))
    wb = load_workbook(path)
    names = {c.value: c.data_type for c in wb["Blocks"]["B"]}
    assert names[EVIL_BLOCK] == "s"


@pytest.mark.parametrize("name", ["p.json", "p.xlsx", "blocks.csv"])
def test_names_survive_export_and_import_unchanged(capsys, tmp_path, name):
    db = tmp_path / "p.repm"
    source = tmp_path / "evil.json"
    write_interchange(evil_portfolio(), source)
    assert run(capsys, "import", source, "--db", db)[0] == 0
    before = load_portfolio(db)
    kind = ["--kind", "blocks"] if name.endswith(".csv") else []
    assert (
        run(capsys, "export", db, "--to", tmp_path / name, "--include-confidential", *kind)[0] == 0
    )
    if name.endswith(".csv"):
        assert_no_live_formula((tmp_path / name).read_text())
    args = ["import", tmp_path / name, "--db", db, *kind]
    code, _, err = run(capsys, *args, *([] if kind else ["--replace"]))
    assert code == 0, err
    after = load_portfolio(db)
    assert after == before
    assert {b.name for b in after.blocks} >= {EVIL_BLOCK, *ODD_NAMES}
    assert json.loads(after.model_dump_json()) == json.loads(before.model_dump_json())
