"""`repm` text tables read shares as percentages and years plainly, by the declared formats
(model/number_text.py, the desktop's rules); JSON and CSV keep the stored numbers."""

import csv
import io
import json

import pytest

from model.domain import Evidence
from model.fields import NUMBER, PERCENT, YEAR
from model.interchange import write_interchange
from model.number_text import POINTS, percent, shown
from tests.builders import ample_downstream, block, deal, plant, portfolio
from tests.cli_runner import run


@pytest.mark.parametrize(
    ("value", "fmt", "unit", "text"),
    [
        (0.6, PERCENT, "", "60.0 %"),
        (0.2833, PERCENT, "", "28.3 %"),
        (-0.1, POINTS, "", "-10 points"),
        (0.1, POINTS, "", "+10 points"),
        (2031.0, YEAR, "", "2031"),
        (7500.0, NUMBER, "t/yr", "7,500 t/yr"),
        (None, PERCENT, "", "—"),
    ],
)
def test_a_value_reads_by_its_format(value, fmt, unit, text):
    assert shown(value, fmt, unit) == text


def test_a_share_reads_to_a_tenth_of_a_percent_unless_stored_finer():
    assert (percent(0.15), percent(0.125), percent(0.00125, 5)) == ("15.0 %", "12.5 %", "0.125 %")


def lines_with(out: str, word: str) -> list[list[str]]:
    """The table rows naming `word`, split into cells (two spaces or more between cells)."""
    return [
        [c.strip() for c in line.split("  ") if c.strip()]
        for line in out.splitlines()
        if word in line
    ]


@pytest.fixture
def one_block(tmp_path):
    """A producing 400 t/yr NdPr oxide block from 2025, India taking 30 % of it."""
    p = portfolio(
        [block("b", name="Bay", nameplate_tpa=400.0, first_year=2025)],
        [deal("b", offtake_share=0.3)],
        ample_downstream(),
    )
    path = tmp_path / "p.json"
    write_interchange(p, path)
    return path


def test_sensitivity_table_reads_settings_as_the_desktop_does(capsys, one_block):
    code, out, err = run(capsys, "sensitivity", "--portfolio", one_block, "--year", "2030")
    assert code == 0, err
    assert lines_with(out, "Bay: India's offtake share")[0][1:3] == ["20.0 %", "40.0 %"]
    assert lines_with(out, "Bay: nameplate")[0][1:3] == ["300 t/yr", "500 t/yr"]
    assert lines_with(out, "Bay: first year")[0][1:3] == ["2027", "2023"]
    assert lines_with(out, "High-temperature share")[0][1:3] == ["60.0 %", "0.0 %"]
    assert lines_with(out, "Chance a deal closes")[0][1:3] == ["-10 points", "+10 points"]


def test_sensitivity_json_and_csv_keep_the_stored_numbers(capsys, one_block):
    code, out, _ = run(capsys, "sensitivity", "--portfolio", one_block, "--format", "json")
    bars = {b["key"]: b for b in json.loads(out)["bars"]}
    offtake = bars["block:b:offtake"]
    assert offtake["low"] == pytest.approx(0.2) and offtake["high"] == pytest.approx(0.4)
    assert "0-1" in offtake["unit"] and offtake["low_setting"] == "20.0 %"
    assert bars["block:b:start"]["low"] == 2027 and bars["block:b:start"]["unit"] == "year"
    code, out, _ = run(capsys, "sensitivity", "--portfolio", one_block, "--format", "csv")
    rows = {r["key"]: r for r in csv.DictReader(io.StringIO(out))}
    assert float(rows["high_temp_share"]["low"]) == 0.6
    assert rows["block:b:nameplate"]["unit"] == "t/yr"


def test_montecarlo_and_demand_tables_show_shares_as_percentages(capsys, one_block):
    # 30 % of 400 t oxide x 3 = 360 t magnets a year, certain; demand 4,000 t in 2025: 9 %.
    code, out, _ = run(capsys, "montecarlo", "--portfolio", one_block, "--draws", "20")
    assert lines_with(out, "2027")[0][-1] == "0 of 20 draws"  # counted: rare, not impossible
    assert "P(target met in 2030) = 0 of 20 draws" in out
    code, out, _ = run(capsys, "demand", "--portfolio", one_block, "--to", "2026")
    assert lines_with(out, "2025")[0][-2] == "9.0 %"
    code, out, _ = run(capsys, "demand", "--portfolio", one_block, "--format", "csv")
    assert float(list(csv.DictReader(io.StringIO(out)))[0]["self_sufficiency"]) == 0.09


def test_concentration_table_shows_the_largest_share_in_percent(capsys, tmp_path):
    p = portfolio(
        [
            block("a", country="AUS", nameplate_tpa=100.0),
            block("m", country="MWI", nameplate_tpa=300.0),
        ],
        [deal("a"), deal("m")],
        ample_downstream(),
    )
    path = tmp_path / "p.json"
    write_interchange(p, path)
    code, out, _ = run(capsys, "concentration", "--portfolio", path, "--to", "2026")
    assert lines_with(out, "2025")[0][2:4] == ["MWI", "75.0 %"]


def test_evidence_table_reads_each_value_by_its_field(capsys, tmp_path):
    def sourced(field, value, unit):
        return Evidence(
            id=f"e-{field}",
            record_kind="blocks",
            record_id="b",
            field_name=field,
            value=value,
            unit=unit,
            source="test",
            as_of="2025",
            chosen=1,
        )

    p = portfolio(
        [block("b", product="concentrate", ndpr_share=0.19, first_year=2029)],
        [deal("b")],
        [plant("magnet")],
        evidence=[sourced("first_year", 2029.0, "year"), sourced("ndpr_share", 0.19, "t/t")],
    )
    path = tmp_path / "p.json"
    write_interchange(p, path)
    code, out, err = run(capsys, "evidence", "--portfolio", path)
    assert code == 0, err
    assert lines_with(out, "first_year")[0][3] == "2029"
    assert lines_with(out, "ndpr_share")[0][3] == "19.0 %"
    code, out, _ = run(capsys, "evidence", "--portfolio", path, "--format", "json")
    assert {r["field"]: r["value"] for r in json.loads(out)} == {
        "first_year": 2029,
        "ndpr_share": 0.19,
    }
