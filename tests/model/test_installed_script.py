"""Every `repm` sub-command through the installed console script, as an official runs it."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from model.cli import build_parser

REPM = shutil.which("repm", path=str(Path(sys.executable).parent))

# One quick run of each sub-command: (arguments, text its output starts with or holds).
RUNS = {
    "project": (["project", "--demo", "--to", "2026", "--format", "csv"], "year,target_t"),
    "validate": (["validate", "{json}"], "blocks, 15 firms"),
    "demo": (["demo", "--out", "{tmp}/demo-out.json"], "wrote the demo portfolio"),
    "import": (["import", "{json}", "--db", "{tmp}/new.repm"], "imported"),
    "export": (["export", "{db}", "--to", "{tmp}/out.json"], "exported"),
    "check": (["check", "{db}"], "ok (integrity_check"),
    "backup": (["backup", "{db}"], "backup written"),
    "backups": (["backups", "{db}"], "no backups of"),
    "restore": (["restore", "{backup}", "--to", "{db}"], "restored"),
    "montecarlo": (["montecarlo", "--demo", "--draws", "50", "--to", "2030"], "50 draws"),
    "compare": (["compare", "--demo", "--scenarios", "Base", "China supply cut"], "year"),
    "sensitivity": (["sensitivity", "--demo", "--top", "3"], "magnets in 2030"),
    "concentration": (["concentration", "--demo", "--format", "json"], '"country_cuts"'),
    "rank": (["rank", "--demo", "--draws", "50", "--format", "csv"], "deal,block,firm"),
    "optimise": (
        ["optimise", "--demo", "--year", "2030", "--objective", "max-expected"],
        "objective max-expected, year 2030",
    ),
    "bounds": (
        ["bounds", "--demo", "--deal", "kabil-mt-weld", "--year", "2030"],
        "to reach 6,000 t in 2030",
    ),
    "what-if": (
        ["what-if", "--demo", "--block", "longonjo", "--offtake", "0.15", "--delay", "2"],
        "If the deal closes",
    ),
    "evidence": (["evidence", "--demo", "--record", "irel-domestic"], "irel-domestic"),
    "demand": (["demand", "--demo", "--to", "2027", "--format", "csv"], "year,demand_t"),
    "report": (["report", "--demo", "--draws", "50", "--out", "{tmp}/brief.pdf"], "wrote"),
}


def subcommands() -> set[str]:
    parser = build_parser()
    (sub,) = [a for a in parser._actions if a.dest == "command"]
    return set(sub.choices)


def test_every_subcommand_is_run_below():
    assert subcommands() == set(RUNS)


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    from model.demo import demo_portfolio
    from model.interchange import write_interchange
    from model.store import Store

    tmp = tmp_path_factory.mktemp("installed")
    write_interchange(demo_portfolio(), tmp / "demo.json")
    with Store.open(tmp / "demo.repm", keep_backups=0) as store:
        store.replace_portfolio(demo_portfolio())
    return tmp


@pytest.mark.parametrize("command", sorted(RUNS))
def test_subcommand_through_the_console_script(command, files, tmp_path):
    argv, expected = RUNS[command]
    fill = {
        "json": files / "demo.json",
        "backup": files / "demo.repm",
        "db": tmp_path / "p.repm",
        "tmp": tmp_path,
    }
    shutil.copy(files / "demo.repm", fill["db"])
    env = dict(os.environ, REPM_DATA_DIR=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [REPM, *(a.format(**fill) for a in argv)], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout


def test_python_dash_m_model_cli_runs_montecarlo():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "model.cli",
            "montecarlo",
            "--demo",
            "--draws",
            "20",
            "--to",
            "2030",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "P(target met in 2030)" in result.stdout
