"""Projection end to end (`model.project` on a portfolio) against a plain Python loop over the
same equations (benchmarks/plain_loop.py), side by side, at 1,000 and 10,000 blocks."""

from __future__ import annotations

import statistics
import time

import numpy as np

from benchmarks.plain_loop import plain_project
from benchmarks.synthetic import synthetic_portfolio
from benchmarks.timing import repeat, report
from model import project
from model.record_columns import RecordColumns


def run() -> None:
    for blocks in (1000, 10_000):
        portfolio = synthetic_portfolio(blocks, 300)
        t0 = time.perf_counter()
        RecordColumns.build(portfolio.blocks, portfolio.deals, portfolio.plants)
        cold = time.perf_counter() - t0
        expected = plain_project(portfolio)
        assert np.allclose(project(portfolio).magnets, expected, rtol=1e-9), "plain loop differs"
        # Interleaved, so that load from other programs falls on both alike.
        plain, fast = [], []
        for _ in range(9 if blocks < 10_000 else 3):
            plain += repeat(lambda p=portfolio: plain_project(p), 1)
            fast += repeat(lambda p=portfolio: project(p), 20 if blocks < 10_000 else 10)
        label = f"{blocks:,} blocks x 300 plants x 16 years"
        report(f"model.project end to end, {label}", fast)
        report("  plain Python loop, same equations", plain)
        best, typical = min(plain) / min(fast), statistics.median(plain) / statistics.median(fast)
        goal = "   (goal >= 50x)" if blocks == 1000 else ""
        print(f"{'  end to end vs plain loop, fastest runs':<58} {best:8.1f} x{goal}")
        print(f"{'  end to end vs plain loop, medians':<58} {typical:8.1f} x")
        print(f"{'  first set-up of a portfolio (record columns), once':<58} {cold * 1e3:8.1f} ms")
