"""Portfolio store: open + load a 10,000-block portfolio; 1,000 single-field edits."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic import synthetic_portfolio
from benchmarks.timing import report
from model.store import Store


def run() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["REPM_DATA_DIR"] = tmp  # keep benchmark backups out of the user's data dir
        path = Path(tmp) / "big.repm"
        with Store.open(path) as store:
            store.replace_portfolio(synthetic_portfolio(10_000, 300))
            store.update("blocks", "b0", notes="changed")  # so the next open makes a backup
        loads = []
        for _ in range(5):
            t0 = time.perf_counter()
            with Store.open(path) as store:
                store.load_portfolio()
            loads.append(time.perf_counter() - t0)
        report("open + load, 10,000 blocks (quick_check, backup)", loads, "< 300 ms")
        with Store.open(path) as store:
            t0 = time.perf_counter()
            store.load_portfolio()
            print(f"{'  load alone':<58} {(time.perf_counter() - t0) * 1e3:8.1f} ms")
            edits = []
            for i in range(1000):
                t0 = time.perf_counter()
                store.update("blocks", f"b{i}", nameplate_tpa=1000.0 + i)
                edits.append(time.perf_counter() - t0)
        report("single-field edit (own transaction, fsync), x1,000", edits)
        print(f"{'  1,000 edits in total':<58} {sum(edits):8.2f} s")
