"""Monte Carlo: 10,000 draws x 200 blocks x 16 years, fast path against the plain reference;
and the peak memory at 1,000 blocks x 10,000 draws with every nameplate drawn from a sourced
range (the worst case of model/sourced_draws.py)."""

from __future__ import annotations

import time
import tracemalloc

import numpy as np

from benchmarks.synthetic import synthetic_portfolio
from benchmarks.timing import report
from model.domain import Evidence
from model.montecarlo import draw, monte_carlo, setup, simulate, simulate_reference


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
    sourced_memory()


def with_sourced_nameplates(portfolio):
    """Every block's nameplate given three sourced values: 0.8x, 1x (in use) and 1.3x."""
    rows = [
        Evidence(
            id=f"ev-{b.id}-{k}",
            record_kind="blocks",
            record_id=b.id,
            field_name="nameplate_tpa",
            value=b.nameplate_tpa * factor,
            unit="t/yr",
            source="synthetic",
            as_of="2025",
            chosen=int(factor == 1.0),
        )
        for b in portfolio.blocks
        if b.nameplate_tpa
        for k, factor in enumerate((0.8, 1.0, 1.3))
    ]
    return portfolio.model_copy(update={"evidence": rows})


def sourced_memory() -> None:
    portfolio = with_sourced_nameplates(synthetic_portfolio(1000, 300, seed=3))
    monte_carlo(portfolio, draws=100)  # warm up
    tracemalloc.start()
    t0 = time.perf_counter()
    result = monte_carlo(portfolio, draws=10_000)
    took = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    label = f"Monte Carlo 1,000 blocks x 10,000 draws, {len(result.sourced)} sizes drawn"
    print(f"{label:<58} {took * 1e3:8.0f} ms")
    print(f"{'  peak memory (tracemalloc)':<58} {peak:8.1f} MB   (goal < 150 MB)")
