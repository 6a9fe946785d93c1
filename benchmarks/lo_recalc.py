"""Run by the system python3, which has LibreOffice's `uno` (not the project's venv):
`python3 lo_recalc.py WORKBOOK EDIT_CELL TOTAL_CELL CHECK_CELL REPEATS`. Loads the workbook in a
headless soffice of its own (fresh profile), times full recalculations (`calculateAll`) and a
one-cell edit (x1.5, recalculation of what depends on it, total read back), prints JSON with the
totals (and CHECK_CELL after the edit) for the caller to compare with the model."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]


def cell(doc, name: str):
    sheet, ref = name.split(".")
    return doc.Sheets.getByName(sheet).getCellRangeByName(ref)


def connect(pipe: str, seconds: float = 60.0):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    deadline = time.monotonic() + seconds
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:  # soffice not listening yet
            if time.monotonic() > deadline:
                raise
            time.sleep(0.25)


def measure(desktop, path: str, edit: str, total: str, check: str, repeats: int) -> dict:
    hidden = PropertyValue(Name="Hidden", Value=True)
    url = uno.systemPathToFileUrl(os.path.abspath(path))
    t0 = time.perf_counter()
    doc = desktop.loadComponentFromURL(url, "_blank", 0, (hidden,))
    load = time.perf_counter() - t0
    full = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        doc.calculateAll()
        full.append(time.perf_counter() - t0)
    total_cell, edit_cell = cell(doc, total), cell(doc, edit)
    result = {"load_s": load, "full_s": full, "total": total_cell.getValue()}
    original = edit_cell.getValue()
    steps, checks = [], []
    for k in range(repeats):
        t0 = time.perf_counter()
        edit_cell.setValue(original * (1.5 if k % 2 == 0 else 1.0))
        doc.calculate()  # what the edit made dirty
        total_cell.getValue()
        steps.append(time.perf_counter() - t0)
        checks.append(cell(doc, check).getValue())
    result |= {"edit_s": steps, "edited_check": checks[0], "check": checks[1]}
    doc.close(True)
    return result


def main() -> None:
    path, edit, total, check = sys.argv[1:5]
    repeats = int(sys.argv[5])
    pipe = f"repm_bench_{os.getpid()}"
    with tempfile.TemporaryDirectory() as profile:
        office = subprocess.Popen(
            [
                "soffice",
                "--headless",
                "--invisible",
                "--norestore",
                "--nologo",
                "--nodefault",
                f"-env:UserInstallation={uno.systemPathToFileUrl(profile)}",
                f"--accept=pipe,name={pipe};urp;",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            ctx = connect(pipe)
            desktop = ctx.ServiceManager.createInstanceWithContext(
                "com.sun.star.frame.Desktop", ctx
            )
            print(json.dumps(measure(desktop, path, edit, total, check, repeats)))
            with contextlib.suppress(Exception):  # soffice closes the bridge as it quits
                desktop.terminate()
            office.wait(timeout=30)
        finally:
            if office.poll() is None:
                office.kill()
                office.wait()


if __name__ == "__main__":
    main()
