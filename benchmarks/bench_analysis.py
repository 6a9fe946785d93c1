"""Monte Carlo memory, deal ranking and sensitivity at 1,000 blocks, each against one Monte
Carlo run of the same size measured side by side."""

from __future__ import annotations

import time
import tracemalloc

from benchmarks.synthetic import synthetic_portfolio
from model.montecarlo import monte_carlo
from model.ranking import rank_deals
from model.sensitivity import sensitivity


def seconds(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def run() -> None:
    portfolio = synthetic_portfolio(1000, 300, seed=3)
    monte_carlo(portfolio, draws=100)  # warm up
    tracemalloc.start()
    big = seconds(lambda: monte_carlo(portfolio, draws=10_000))
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    print(f"{'Monte Carlo 1,000 blocks x 10,000 draws':<58} {big * 1e3:8.0f} ms")
    print(f"{'  peak memory (tracemalloc)':<58} {peak:8.1f} MB   (goal < 150 MB)")
    one = min(seconds(lambda: monte_carlo(portfolio, draws=2000)) for _ in range(2))
    ranking = seconds(lambda: rank_deals(portfolio, 2030, draws=2000))
    print(f"{'one Monte Carlo run, 1,000 blocks x 2,000 draws':<58} {one * 1e3:8.0f} ms")
    print(f"{'deal ranking, same draws (every open deal)':<58} {ranking * 1e3:8.0f} ms")
    print(f"{'  ranking / one Monte Carlo run':<58} {ranking / one:8.1f} x   (goal <= ~10x)")
    tornado = seconds(lambda: sensitivity(portfolio, 2030))
    print(f"{'sensitivity (tornado), 1,000 blocks':<58} {tornado * 1e3:8.0f} ms")
