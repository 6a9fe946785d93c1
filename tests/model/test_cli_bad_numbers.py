"""Every number or year `repm` takes is checked where it is read: a bad one is refused through
the installed script with exit 2 and one line on stderr naming the argument and what it takes,
never a traceback or a library's message; and no sub-command reads a number unchecked."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from model.choices import DRAWS, MAX_DRAWS, MAX_SAMPLE_DRAWS, SEED, YEAR_MAX, YEAR_MIN
from model.cli import build_parser

REPM = shutil.which("repm", path=str(Path(sys.executable).parent))
PLAN = ["optimise", "--demo", "--year", "2030", "--objective", "max-probability"]
BOUNDS = ["bounds", "--demo", "--deal", "kabil-mt-weld", "--year", "2030"]

# (arguments, what the line must hold: the argument and the limit it broke)
BAD = [
    (
        ["rank", "--demo", "--draws", "0"],
        f"--draws: must be a whole number from 1 to {MAX_DRAWS:,}",
    ),
    (["rank", "--demo", "--draws", "-5"], "--draws: must be a whole number from 1"),
    (["rank", "--demo", "--draws", "1e3"], "--draws: must be a whole number"),
    (["rank", "--demo", "--seed", "-1"], "--seed: must be a whole number of at least 0"),
    (["montecarlo", "--demo", "--draws", "100000000"], f"to {MAX_DRAWS:,}, not 100,000,000"),
    (["montecarlo", "--demo", "--draws", "x"], "--draws: must be a whole number"),
    (
        ["concentration", "--demo", "--cut-from", "1900"],
        f"--cut-from: must be a year from {YEAR_MIN}",
    ),
    (
        ["concentration", "--demo", "--cut-from", "2100"],
        "--cut-from 2100 is outside the horizon 2025-2040",
    ),
    (["concentration", "--demo", "--year", "2041"], "--year 2041 is outside the horizon 2025-2040"),
    (["sensitivity", "--demo", "--top", "-3"], "--top: must be a whole number of at least 1"),
    (["sensitivity", "--demo", "--top", "0"], "--top: must be a whole number of at least 1"),
    (
        ["project", "--demo", "--from", "1800"],
        f"--from: must be a year from {YEAR_MIN} to {YEAR_MAX}",
    ),
    (["project", "--demo", "--to", "2200"], "--to: must be a year"),
    (["project", "--demo", "--from", "2030", "--to", "2020"], "--to 2020 is before --from 2030"),
    (["demand", "--demo", "--to", "abc"], "--to: must be a year"),
    (
        ["compare", "--demo", "--scenarios", "Base", "--from", "2041", "--to", "2030"],
        "--to 2030 is before --from 2041",
    ),
    ([*PLAN, "--draws", "0"], f"--draws: must be a whole number from 1 to {MAX_SAMPLE_DRAWS:,}"),
    (
        [*PLAN, "--draws", "9999999"],
        f"--draws: must be a whole number from 1 to {MAX_SAMPLE_DRAWS:,}",
    ),
    ([*PLAN, "--time-limit", "0"], "--time-limit: must be a number above 0"),
    ([*PLAN, "--time-limit", "nan"], "--time-limit: must be a number above 0"),
    ([*PLAN, "--max-deals", "-1"], "--max-deals: must be a whole number of at least 0"),
    ([*PLAN, "--budget-musd", "-1"], "--budget-musd: must be a number of at least 0"),
    ([*PLAN, "--budget-crore", "inf"], "--budget-crore: must be a number of at least 0"),
    ([*PLAN, "--max-country-share", "1.5"], "--max-country-share: must be a number from 0 to 1"),
    ([*PLAN, "--min-mou-share", "nan"], "--min-mou-share: must be a number from 0 to 1"),
    (
        ["optimise", "--demo", "--year", "2045", "--objective", "min-cost"],
        "--year 2045 is outside the horizon",
    ),
    ([*BOUNDS, "--budget-musd", "-3"], "--budget-musd: must be a number of at least 0"),
    (["bounds", "--demo", "--deal", "x", "--year", "1900"], "--year: must be a year"),
    (["backup", "p.repm", "--keep", "0"], "--keep: must be a whole number of at least 1"),
    (
        ["restore", "b.repm", "--to", "p.repm", "--keep", "-2"],
        "--keep: must be a whole number of at least 1",
    ),
    (["import", "x.json", "--db", "p.repm", "--keep", "x"], "--keep: must be a whole number"),
    (
        ["report", "--demo", "--out", "b.pdf", "--draws", "0"],
        "--draws: must be a whole number from 1",
    ),
    (
        ["report", "--demo", "--out", "b.pdf", "--year", "2050"],
        "--year 2050 is outside the horizon",
    ),
    (
        ["report", "--demo", "--out", "b.pdf", "--plan-budget-musd", "-1"],
        "--plan-budget-musd: must be a number",
    ),
]


@pytest.mark.parametrize("argv, said", BAD, ids=[" ".join(a) for a, _ in BAD])
def test_a_bad_number_is_refused_in_one_line(argv, said, tmp_path):
    env = dict(os.environ, REPM_DATA_DIR=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([REPM, *argv], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"repm {argv[0]}: ") and said in line, line
    assert not list(tmp_path.iterdir())  # nothing written: no PDF, no store, no backup


def _actions():
    parser = build_parser()
    (sub,) = [a for a in parser._actions if a.dest == "command"]
    for name, command in sub.choices.items():
        for action in command._actions:
            yield name, action


def test_no_subcommand_reads_a_number_unchecked():
    """A plain int or float type takes 0, -5, nan or 10**9 draws: each has a checking type."""
    plain = [f"{name} {a.option_strings}" for name, a in _actions() if a.type in (int, float)]
    assert plain == []


@pytest.mark.parametrize("command", ["rank", "montecarlo", "report"])
def test_help_states_the_default_draws_and_seed(command):
    (draws,) = [a for n, a in _actions() if n == command and a.dest == "draws"]
    (seed,) = [a for n, a in _actions() if n == command and a.dest == "seed"]
    assert (draws.default, seed.default) == (DRAWS, SEED)
    assert f"default {DRAWS:,}" in draws.help and f"at most {MAX_DRAWS:,}" in draws.help
    assert f"default {SEED}" in seed.help
