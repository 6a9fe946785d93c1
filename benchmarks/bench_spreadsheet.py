"""The spreadsheet an official would otherwise use: the same model as a LibreOffice formula
workbook (benchmarks/formula_workbook.py, 1,000 blocks x 16 years) against `model.project` end to
end, and a one-cell edit against the what-if step. Runs only where LibreOffice and its Python
bridge are installed (`apt-get install libreoffice-calc-nogui python3-uno`); never part of
`make test`."""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import tempfile
from pathlib import Path

import numpy as np

from benchmarks.formula_workbook import OXIDE_CELL, TOTAL_CELL, write_workbook
from benchmarks.synthetic import synthetic_portfolio
from benchmarks.timing import repeat, report
from model import project
from model.inputs import build_inputs
from model.projection import compute
from model.what_if import WhatIf, what_if_inputs

HELPER = Path(__file__).with_name("lo_recalc.py")
REPEATS = 7


def uno_python() -> str | None:
    """A python3 that can `import uno` (the system one; the project's venv cannot)."""
    for candidate in ("/usr/bin/python3", shutil.which("python3")):
        if candidate and Path(candidate).exists():
            found = subprocess.run([candidate, "-c", "import uno"], capture_output=True)
            if found.returncode == 0:
                return candidate
    return None


def run() -> None:
    python = uno_python()
    if shutil.which("soffice") is None or python is None:
        print(
            "LibreOffice (soffice with python3-uno) is not installed: spreadsheet comparison skipped"
        )
        return
    portfolio = synthetic_portfolio(1000, 300)
    inputs = build_inputs(portfolio)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "projection.xlsx"
        formulas, edit_cell = write_workbook(inputs, path)
        done = subprocess.run(
            [python, str(HELPER), str(path), edit_cell, TOTAL_CELL, OXIDE_CELL, str(REPEATS)],
            capture_output=True,
            text=True,
            timeout=600,
        )
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        print(f"LibreOffice comparison failed: {last}")
        return
    lo = json.loads(done.stdout)

    # The comparison is honest only if the workbook computes what the model computes.
    expected = project(portfolio)
    assert np.isclose(lo["total"], expected.magnets.sum(), rtol=1e-9), "workbook total differs"
    block = inputs.block_ids[0]
    edited = WhatIf(block, nameplate_tpa=float(inputs.nameplate[0]) * 1.5)
    step = compute(what_if_inputs(inputs, portfolio, None, edited))
    assert np.isclose(lo["edited_check"], step.ndpr_oxide.sum(), rtol=1e-9), "edit differs"
    assert np.isclose(lo["check"], expected.ndpr_oxide.sum(), rtol=1e-9), "undo differs"

    fast = repeat(lambda: project(portfolio), 200)
    what_if = repeat(lambda: compute(what_if_inputs(inputs, portfolio, None, edited)), 200)
    print(f"{'workbook: 1,000 blocks x 300 plants x 16 years, formulas':<58} {formulas:8,d}")
    print(f"{'  LibreOffice load (xlsx)':<58} {lo['load_s'] * 1e3:8.0f} ms")
    report("  LibreOffice full recalculation (calculateAll)", lo["full_s"])
    report("  model.project end to end, same portfolio", fast)
    ratio = statistics.median(lo["full_s"]) / statistics.median(fast)
    print(
        f"{'  full recalculation vs model.project (medians)':<58} {ratio:8.0f} x   (goal >= 100x)"
    )
    report("  LibreOffice one-cell edit (nameplate) + recalculation", lo["edit_s"])
    report("  what-if step (nameplate) + compute", what_if)
    ratio = statistics.median(lo["edit_s"]) / statistics.median(what_if)
    print(f"{'  one-cell edit vs what-if step (medians)':<58} {ratio:8.0f} x")
