"""Desktop: cold start to first painted chart; what-if slider step to repaint at 1,000 blocks."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic import synthetic_portfolio
from benchmarks.timing import report
from model.store import Store

COLD_START = """
import sys, time
from PySide6.QtCore import QSettings
from desktop.app import application, build_window
app = application()
window = build_window(sys.argv[1], QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.show()
app.processEvents()
window.view.projection_chart.grab()  # forces the chart to paint
print("painted", flush=True)
"""


def cold_start(path: Path, settings: Path) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", COLD_START, str(path), str(settings)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return time.perf_counter() - t0


def slider_steps(path: Path, settings: Path, steps: int = 101) -> list[float]:
    """Seconds per step; the first step also builds the ghost line and its legend entry."""
    from PySide6.QtCore import QSettings

    from desktop.app import application, build_window

    app = application()
    window = build_window(path, QSettings(str(settings), QSettings.Format.IniFormat))
    window.show()
    app.processEvents()
    view = window.view
    view.views["blocks"].select("b1")
    times = []
    for step in range(steps):
        t0 = time.perf_counter()
        view.what_if.offtake.slider.setValue(50 + (step * 7) % 900)
        view.projection_chart.viewport().repaint()
        view.capacity_chart.viewport().repaint()
        times.append(time.perf_counter() - t0)
    window.close()
    return times


def run() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["REPM_DATA_DIR"] = tmp
        demo = Path(tmp) / "demo.repm"
        from model.demo import demo_portfolio

        with Store.open(demo) as store:
            store.replace_portfolio(demo_portfolio())
        big = Path(tmp) / "big.repm"
        with Store.open(big) as store:
            store.replace_portfolio(synthetic_portfolio(1000, 300))
        settings = Path(tmp) / "settings.ini"
        starts = [cold_start(demo, settings) for _ in range(3)]
        report("cold start to first painted chart (demo, new process)", starts, "well under 2 s")
        starts = [cold_start(big, settings) for _ in range(3)]
        report("cold start to first painted chart (1,000 blocks)", starts, "well under 2 s")
        steps = slider_steps(big, settings)
        print(
            f"{'what-if first step (adds the ghost line), 1,000 blocks':<58} {steps[0] * 1e3:8.3f} ms"
        )
        report("what-if slider step -> recompute + full repaint, x100", steps[1:], "< 16 ms")
