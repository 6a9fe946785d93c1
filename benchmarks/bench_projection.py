"""Projection of a synthetic 1,000-block, 300-plant portfolio over 16 years."""

from __future__ import annotations

import time

from benchmarks.synthetic import synthetic_portfolio
from benchmarks.timing import repeat, report
from model.inputs import build_inputs
from model.projection import compute


def run() -> None:
    portfolio = synthetic_portfolio(1000, 300)
    t0 = time.perf_counter()
    inputs = build_inputs(portfolio, start=2025, end=2040)
    setup = time.perf_counter() - t0
    compute(inputs)  # warm up
    report(
        "projection, 1,000 blocks x 300 plants x 16 years",
        repeat(lambda: compute(inputs), 500),
        "< 1 ms",
    )
    print(f"{'  set-up (portfolio -> arrays), once':<58} {setup * 1e3:8.3f} ms")
