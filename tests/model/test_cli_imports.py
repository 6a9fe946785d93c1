"""Each `repm` command imports only what it runs: help loads no model, and the everyday commands
never load SciPy (the optimiser) or openpyxl (workbooks), which cost most of a start-up."""

import json
import subprocess
import sys

import pytest

HEAVY = ("numpy", "pydantic", "sqlalchemy", "sqlmodel", "scipy", "openpyxl", "PySide6")

# Run `repm ARGS` in a fresh interpreter; print the heavy packages it imported.
CODE = """
import json, sys
from model.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
heavy = {m.split('.')[0] for m in sys.modules} & set(json.loads(HEAVY))
print(json.dumps(sorted(heavy)))
"""


def imported(*args: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", CODE.replace("HEAVY", repr(json.dumps(HEAVY))), *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(json.loads(result.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize("args", [["--help"], ["project", "--help"], ["optimise", "--help"]])
def test_help_loads_no_model(args):
    assert imported(*args) == set()


def test_backups_of_a_file_load_no_model(tmp_path):
    assert imported("backups", str(tmp_path / "none.repm")) == set()


def test_everyday_commands_load_no_optimiser_and_no_workbook_reader(tmp_path):
    demo = tmp_path / "demo.json"
    csv = tmp_path / "blocks.csv"
    assert {"sqlmodel", "numpy"} <= imported("demo", "--out", str(demo))  # it ran: records
    for args in (
        ["project", "--demo"],
        ["validate", str(demo)],
        ["montecarlo", "--demo", "--draws", "10"],
    ):
        assert not {"scipy", "openpyxl", "PySide6"} & imported(*args), args
    csv.write_text("id,name\nb1,Block one\n", encoding="utf-8")
    assert not {"scipy", "openpyxl"} & imported("validate", str(csv), "--kind", "blocks")
