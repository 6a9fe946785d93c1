"""Monte Carlo: 10,000 draws x 200 blocks x 16 years, fast path against the plain reference."""

from __future__ import annotations

import time

import numpy as np

from benchmarks.synthetic import synthetic_portfolio
from benchmarks.timing import report
from model.montecarlo import draw, setup, simulate, simulate_reference


def run() -> None:
    portfolio = synthetic_portfolio(200, 60, seed=3)
    s = setup(portfolio)
    draws = draw(s, 10_000, seed=1)
    fast_times, ref_times = [], []
    for _ in range(3):
        t0 = time.perf_counter()
        fast = simulate(s, draws)
        fast_times.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    reference = simulate_reference(s, draws)
    ref_times.append(time.perf_counter() - t0)
    assert np.allclose(fast, reference, rtol=1e-9, atol=1e-6), "fast path disagrees"
    report("Monte Carlo fast, 10,000 draws x 200 blocks x 16 yr", fast_times, "< 500 ms")
    report("Monte Carlo plain broadcast reference, same draws", ref_times)
    t0 = time.perf_counter()
    simulate(s, draw(s, 10_000, seed=2))
    total = time.perf_counter() - t0
    print(f"{'  fast, drawing included':<58} {total * 1e3:8.1f} ms")
    print(f"{'  speed-up over the reference':<58} {min(ref_times) / min(fast_times):8.1f} x")
