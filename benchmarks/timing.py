"""Tiny timing helpers: median and worst of repeated runs."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def repeat(fn: Callable[[], object], n: int) -> list[float]:
    """Seconds per call, n calls."""
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return times


def report(label: str, seconds: list[float], target: str = "") -> None:
    med, worst = statistics.median(seconds), max(seconds)
    suffix = f"   (target {target})" if target else ""
    print(f"{label:<58} median {med * 1e3:8.3f} ms   worst {worst * 1e3:8.3f} ms{suffix}")
