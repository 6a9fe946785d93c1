"""The analysis commands print what the functions compute, in each format."""

import csv
import io
import json

import pytest

from model.demo import demo_portfolio
from model.montecarlo import monte_carlo
from tests.cli_runner import run


def test_montecarlo_json_matches_the_api(capsys):
    code, out, _ = run(
        capsys, "montecarlo", "--demo", "--draws", "800", "--seed", "9", "--format", "json"
    )
    assert code == 0
    data = json.loads(out)
    assert data["years"] == monte_carlo(demo_portfolio(), draws=800, seed=9).rows()
    assert data["p_target_in_year"]["year"] == 2030


def test_montecarlo_table_has_the_headline(capsys):
    code, out, _ = run(capsys, "montecarlo", "--demo", "--draws", "300", "--year", "2032")
    assert code == 0 and "P(target met in 2032) =" in out


@pytest.mark.parametrize("command", ["compare", "sensitivity", "concentration", "rank"])
def test_each_command_in_each_format(capsys, command):
    extra = {"compare": ["--scenarios", "Base", "Committed deals only"], "rank": ["--draws", "200"]}
    for fmt in ("table", "csv", "json"):
        code, out, err = run(capsys, command, "--demo", "--format", fmt, *extra.get(command, []))
        assert code == 0, err
        if fmt == "json":
            json.loads(out)
        if fmt == "csv":
            assert list(csv.reader(io.StringIO(out)))[0]


def test_bad_arguments_exit_2(capsys):
    assert run(capsys, "compare", "--demo", "--scenarios", "Base", "Nope")[0] == 2
    assert run(capsys, "sensitivity", "--demo", "--year", "2050")[0] == 2
    assert run(capsys, "montecarlo", "--demo", "--draws", "0")[0] == 2
