"""The repm command line, run in-process and as the installed console script."""

import csv
import io
import json

import pytest

from model.cli import main
from model.demo import demo_portfolio
from model.interchange import portfolio_to_dict
from tests.cli_runner import run


def test_project_demo_json_matches_the_api(capsys):
    from model import project

    code, out, _ = run(
        capsys, "project", "--demo", "--format", "json", "--from", "2028", "--to", "2030"
    )
    assert code == 0
    data = json.loads(out)
    assert data["scenario"] == "Base" and data["mode"] == "expected"
    expected = project(demo_portfolio(), start=2028, end=2030).rows()
    assert data["years"] == expected
    assert set(data["years"][0]) >= {
        "year",
        "target_t",
        "magnet_t",
        "gap_t",
        "ndpr_oxide_t",
        "metal_t",
        "bottleneck",
        "capacity_eq_t",
        "by_country",
        "by_deal",
    }


def test_project_csv_and_table(capsys, tmp_path):
    code, out, _ = run(capsys, "project", "--demo", "--format", "csv", "--mode", "all")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [int(r["year"]) for r in rows] == list(range(2025, 2041))
    code, out, _ = run(capsys, "project", "--demo", "--scenario", "All deals slip 2 years")
    assert code == 0 and "scenario: All deals slip 2 years" in out
    assert "contribute nothing until completed" in out


def test_validate_and_demo_round_trip(capsys, tmp_path):
    out_file = tmp_path / "demo.json"
    assert run(capsys, "demo", "--out", str(out_file))[0] == 0
    code, out, _ = run(capsys, "validate", str(out_file))
    assert code == 0 and f"valid ({len(demo_portfolio().blocks)} blocks" in out
    code, _, err = run(capsys, "demo", "--out", str(out_file))
    assert code == 2 and "exists; pass --force" in err


def test_bad_file_exits_2_and_names_the_field(capsys, tmp_path):
    data = portfolio_to_dict(demo_portfolio())
    data["deals"][3]["offtake_share"] = 1.4
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    before = bad.read_bytes()
    code, out, err = run(capsys, "project", "--portfolio", str(bad))
    assert code == 2 and out == ""
    assert f"deals[3] (id {data['deals'][3]['id']}).offtake_share: 1.4 is above 1" in err
    assert bad.read_bytes() == before


def test_unknown_scenario_is_a_usage_error(capsys):
    code, _, err = run(capsys, "project", "--demo", "--scenario", "Nope")
    assert code == 2 and "no scenario named 'Nope'" in err


@pytest.mark.parametrize("args", [["project"], ["project", "--demo", "--mode", "bogus"]])
def test_argument_errors_exit_2(args, capsys):
    assert main(args) == 2
    assert len(capsys.readouterr().err.splitlines()) == 1


def test_validate_names_each_bad_record_on_its_own_line(capsys, tmp_path):
    data = portfolio_to_dict(demo_portfolio())
    data["deals"][4]["id"] = "kabil-nolans"
    data["deals"][4]["offtake_share"] = 25
    data["plants"][0]["capacity_tpa"] = -5
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    code, out, err = run(capsys, "validate", str(bad))
    assert code == 2 and out == ""
    assert err.splitlines() == [
        f"{bad}: 2 problems",
        "  deals[4] (id kabil-nolans).offtake_share: 25 is above 1 "
        "(files hold shares as fractions: 25 % is 0.25)",
        f"  plants[0] (id {data['plants'][0]['id']}).capacity_tpa: -5 is below 0",
    ]


def test_project_table_names_the_dytb_stage_and_the_scenario_delays(capsys, tmp_path):
    data = portfolio_to_dict(demo_portfolio())
    data["assumptions"]["high_temp_share"] = 0.3
    path = tmp_path / "hot.json"
    path.write_text(json.dumps(data))
    code, out, _ = run(
        capsys, "project", "--portfolio", str(path), "--scenario", "All deals slip 2 years"
    )
    assert code == 0 and "mode: expected, with the scenario's delays" in out
    assert "Dy/Tb (heavy rare earths)" in out and " dytb" not in out.replace("dytb_", "")
    assert "all output is capped" in out and "equation 8" in out
