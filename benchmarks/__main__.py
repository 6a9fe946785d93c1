"""`python -m benchmarks`: every benchmark, figures printed."""

from __future__ import annotations

import importlib
import os
import platform

import numpy as np

SUITES = [
    "bench_projection",
    "bench_store",
    "bench_startup",
    "bench_desktop",
    "bench_editing",
    "bench_montecarlo",
    "bench_analysis",
    "bench_optimise",
    "bench_spreadsheet",
    "bench_bundle",
]


def main() -> None:
    load = f", load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    print(
        f"REPM planner benchmarks  (Python {platform.python_version()}, NumPy {np.__version__}, "
        f"{os.cpu_count()} cores{load})"
    )
    for name in SUITES:
        try:
            module = importlib.import_module(f"benchmarks.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"benchmarks.{name}":
                raise
            continue  # that part of the product is not built yet
        print(f"\n== {name.removeprefix('bench_')} ==")
        module.run()


if __name__ == "__main__":
    main()
