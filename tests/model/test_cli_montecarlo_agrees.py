"""`repm montecarlo` and the app agree: P(target) is '—' (JSON null) for a year without a target,
the default number of draws is the model's one (stated in the output), and the incomplete records
the CLI lists are the ones the app counts."""

import json

from model import project
from model.demo import demo_portfolio
from model.montecarlo import DRAWS
from tests.cli_runner import run

ARGS = ["montecarlo", "--demo", "--draws", "200"]


def test_no_target_reads_dash_not_100_percent(capsys):
    code, out, err = run(capsys, *ARGS, "--format", "json")
    assert code == 0, err
    years = json.loads(out)["years"]
    untargeted = [r for r in years if r["target_t"] <= 0]
    assert untargeted  # the demo has no target before 2028
    assert all(r["p_target"] is None for r in untargeted)
    assert all(r["p_target"] is not None for r in years if r["target_t"] > 0)
    code, table, _ = run(capsys, *ARGS)
    for r in untargeted:
        line = next(x for x in table.splitlines() if x.startswith(str(r["year"])))
        assert line.rstrip().endswith("—") and "100" not in line.split()[-1]
    code, out, _ = run(capsys, *ARGS, "--year", str(untargeted[0]["year"]), "--format", "json")
    assert json.loads(out)["p_target_in_year"]["p"] is None


def test_the_default_draws_are_the_model_s_and_are_stated(capsys):
    code, out, err = run(capsys, "montecarlo", "--demo", "--format", "json")
    assert code == 0, err
    assert json.loads(out)["draws"] == DRAWS
    code, table, _ = run(capsys, "montecarlo", "--demo")
    assert table.startswith(f"{DRAWS:,} draws")


def test_repm_project_lists_every_incomplete_record(capsys):
    incomplete = project(demo_portfolio()).inputs.incomplete
    code, out, err = run(capsys, "project", "--demo")
    assert code == 0, err
    listed = out.split("contribute nothing until completed:\n")[1].split("\n\n")[0]
    assert [line.strip() for line in listed.splitlines()] == list(incomplete)
