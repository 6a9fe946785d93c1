"""Monte Carlo memory and deal ranking at 1,000 blocks, each against one Monte Carlo run of the
same size measured side by side; the sensitivity tornado against one projection and against its
reference (a full projection per setting), measured side by side."""

from __future__ import annotations

import time
import tracemalloc

from benchmarks.synthetic import synthetic_portfolio
from model.api import project
from model.choices import SEED
from model.montecarlo import draw, monte_carlo, setup, simulate
from model.ranking import rank_deals
from model.scenario import Scenario
from model.sensitivity import assumption_settings, sensitivity
from model.sensitivity_reference import sensitivity_reference


def seconds(fn, both: bool = False):
    """Wall-clock seconds of one call; with `both`, (wall-clock, CPU) seconds."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return (wall, cpu) if both else wall


def one_run(portfolio, draws: int) -> None:
    s = setup(portfolio)  # as the ranking: sizes not drawn
    simulate(s, draw(s, draws, SEED))


def cpu_seconds(fn) -> float:
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def run() -> None:
    portfolio = synthetic_portfolio(1000, 300, seed=3)
    monte_carlo(portfolio, draws=100)  # warm up
    tracemalloc.start()
    big = seconds(lambda: monte_carlo(portfolio, draws=10_000))
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    print(f"{'Monte Carlo 1,000 blocks x 10,000 draws':<58} {big * 1e3:8.0f} ms")
    print(f"{'  peak memory (tracemalloc)':<58} {peak:8.1f} MB   (goal < 150 MB)")
    # Wall-clock and CPU time, least of a few runs each: on a shared 2-core machine a run is
    # often interrupted, and the CPU time leaves out waiting for a core.
    # One Monte Carlo run: set-up, draws and one simulation of them, what the ranking repeats
    # for every deal without its fast path (monte_carlo may also simulate the draws on schedule,
    # when the expected figure leaves the band, for its note: that second pass is left out here).
    one = [seconds(lambda: one_run(portfolio, 2000), both=True) for _ in range(3)]
    ranking = [
        seconds(lambda: rank_deals(portfolio, 2030, draws=2000), both=True) for _ in range(2)
    ]
    (one_wall, one_cpu), (rank_wall, rank_cpu) = (
        tuple(map(min, zip(*r, strict=True))) for r in (one, ranking)
    )
    print(f"{'one Monte Carlo run, 1,000 blocks x 2,000 draws':<58} {one_wall * 1e3:8.0f} ms")
    print(f"{'deal ranking, same draws (every open deal)':<58} {rank_wall * 1e3:8.0f} ms")
    print(f"{'  ranking / one Monte Carlo run':<58} {rank_wall / one_wall:8.1f} x   (goal <= ~10x)")
    print(f"{'  ranking / one Monte Carlo run, CPU time':<58} {rank_cpu / one_cpu:8.1f} x")
    dytb_figures(portfolio, one_wall)
    tracemalloc.start()
    rank_deals(portfolio, 2030, draws=2000)
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    print(f"{'  ranking peak memory (tracemalloc)':<58} {peak:8.1f} MB")
    tornado_figures(portfolio)


def dytb_figures(portfolio, one_wall: float) -> None:
    """The ranking with the Dy/Tb limit on (equation 8; it limits most years here): the same
    one pass over the draws, Dy+Tb one more toggled column. Against one Monte Carlo run of the
    same portfolio without (`one_wall`) and with the limit."""
    from benchmarks.synthetic import with_dytb

    dytb = with_dytb(portfolio)
    one = [seconds(lambda: one_run(dytb, 2000), both=True) for _ in range(3)]
    ranking = [seconds(lambda: rank_deals(dytb, 2030, draws=2000), both=True) for _ in range(2)]
    (one_dytb, one_cpu), (rank_wall, rank_cpu) = (
        tuple(map(min, zip(*r, strict=True))) for r in (one, ranking)
    )
    print(f"{'deal ranking, Dy/Tb on (same draws, every open deal)':<58} {rank_wall * 1e3:8.0f} ms")
    print(
        f"{'  ranking Dy/Tb on / one Monte Carlo run (Dy/Tb off)':<58} {rank_wall / one_wall:8.1f} x"
    )
    print(
        f"{'  ranking Dy/Tb on / one Monte Carlo run (Dy/Tb on)':<58} {rank_wall / one_dytb:8.1f} x"
        f"   (CPU time {rank_cpu / one_cpu:.1f} x)"
    )


def tornado_figures(portfolio) -> None:
    """The tornado varies each assumption and three figures of every block with a live deal
    (nameplate, India's offtake, first year), each at both ends. Goal: at most ~2 projections'
    time per varied figure, however many blocks (the reference takes one per block and end)."""
    figures = len(assumption_settings(portfolio, Scenario(name="Base"))) + 3
    # CPU time, least of several runs: on a shared machine a 10 ms run is often interrupted.
    one = min(cpu_seconds(lambda: project(portfolio)) for _ in range(30))
    fast = min(cpu_seconds(lambda: sensitivity(portfolio, 2030)) for _ in range(10))
    before = cpu_seconds(lambda: sensitivity_reference(portfolio, 2030))
    bars = len(sensitivity(portfolio, 2030))
    print(f"{'one projection, 1,000 blocks (CPU time)':<58} {one * 1e3:8.2f} ms")
    print(
        f"{'sensitivity before: a projection per setting (reference)':<58} {before * 1e3:8.0f} ms"
    )
    print(f"{f'sensitivity (tornado, {bars:,} bars), fast path':<58} {fast * 1e3:8.1f} ms")
    print(f"{'  before / fast':<58} {before / fast:8.0f} x")
    print(
        f"{f'  fast / one projection ({figures} figures varied)':<58} {fast / one:8.1f} x"
        f"   (goal <= {2 * figures}x: ~2 projections per varied figure)"
    )
