"""Desktop: cold start to first painted chart; what-if slider step to repaint at 1,000 blocks;
a Plan run on a worker process started for it, and on the spare started ahead."""

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
    """Launch to the chart painted (what the user waits for; the process's exit not counted)."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    t0 = time.perf_counter()
    with subprocess.Popen(
        [sys.executable, "-c", COLD_START, str(path), str(settings)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as process:
        line = process.stdout.readline()
        seconds = time.perf_counter() - t0
        process.wait()
    if line.strip() != "painted":
        raise RuntimeError(f"the app did not start (exit code {process.returncode})")
    return seconds


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
        fresh, ahead = plan_runs()
        report("Plan Run to result (demo), worker started for the run", fresh)
        report("Plan Run to result (demo), spare worker started ahead", ahead)


def plan_runs(n: int = 3) -> tuple[list[float], list[float]]:
    """Seconds from Run to the plan on the screen's side, the same small search each time."""
    from PySide6.QtWidgets import QApplication

    from desktop.process_worker import ProcessTaskRunner
    from model.demo import demo_portfolio
    from model.optimise import Constraints
    from model.optimise_process import import_optimiser, run_plan

    app = QApplication.instance() or QApplication([])
    kwargs = dict(
        portfolio=demo_portfolio(),
        scenario=None,
        year=2030,
        objective="max-expected",
        constraints=Constraints(include_uncosted=True, max_deals=2),
        draws=50,
        start=2025,
        end=2040,
    )

    def until(done) -> None:
        while not done():
            app.processEvents()
            time.sleep(0.002)

    def one(runner: ProcessTaskRunner) -> float:
        got = []
        runner.finished.connect(got.append)
        runner.failed.connect(got.append)
        t0 = time.perf_counter()
        runner.start(run_plan, **kwargs)
        until(lambda: got)
        seconds = time.perf_counter() - t0
        runner.finished.disconnect(got.append)
        runner.failed.disconnect(got.append)
        return seconds

    fresh = ProcessTaskRunner()
    fresh_times = [one(fresh) for _ in range(n)]
    fresh.shutdown()
    ahead = ProcessTaskRunner(warm=import_optimiser)
    ahead.prepare()
    ahead_times = []
    for _ in range(n):
        if not ahead.wait_ready(120):
            raise RuntimeError("the spare plan worker did not start")
        ahead_times.append(one(ahead))
    ahead.shutdown()
    return fresh_times, ahead_times
