"""Desktop editing at 10,000 blocks: one field edited (one store transaction) to both charts
repainted, as a table edit does it (the change flows store -> session -> views)."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic import synthetic_portfolio
from benchmarks.timing import report
from model.store import Store

BLOCKS = 10_000


def edit_to_chart(path: Path, settings: Path, edits: int = 30) -> tuple[list[float], list[float]]:
    """Seconds from a nameplate edit to both charts repainted; and for a firm's notes edit."""
    from PySide6.QtCore import QSettings

    from desktop import operations
    from desktop.app import application, build_window

    app = application()
    window = build_window(path, QSettings(str(settings), QSettings.Format.IniFormat))
    window.show()
    app.processEvents()
    view, session = window.view, window.session
    numbers, notes = [], []
    for k in range(edits):
        t0 = time.perf_counter()
        operations.set_record_fields(session, "blocks", f"b{k}", nameplate_tpa=1000.0 + k)
        view.projection_chart.viewport().repaint()
        view.capacity_chart.viewport().repaint()
        numbers.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        operations.set_record_fields(session, "firms", "f", notes=f"note {k}")
        view.projection_chart.viewport().repaint()
        notes.append(time.perf_counter() - t0)
    window.close()
    return numbers, notes


def run() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["REPM_DATA_DIR"] = tmp
        path = Path(tmp) / "big.repm"
        with Store.open(path) as store:
            store.replace_portfolio(synthetic_portfolio(BLOCKS, 300))
        numbers, notes = edit_to_chart(path, Path(tmp) / "settings.ini")
        report("edit one nameplate -> both charts repainted, 10,000 blocks", numbers, "< 30 ms")
        report("  a firm's notes edit (no number moves)", notes)
