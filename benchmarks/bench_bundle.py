"""The installed bundle: size on disk and first start (self-test) from an empty home."""

from __future__ import annotations

import subprocess
import tempfile
import time
from pathlib import Path

from benchmarks.timing import report

ROOT = Path(__file__).resolve().parents[1]


def size_mb(path: Path) -> float:
    return (
        sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink()) / 1e6
    )


def run() -> None:
    bundle = ROOT / "dist" / "repm-planner"
    if not (bundle / "repm-planner").exists():
        print("  no bundle in dist/: building it (make installer) ...")
        subprocess.run(
            [str(ROOT / "installer" / "build-linux.sh")], check=True, capture_output=True
        )
    tarballs = sorted((ROOT / "dist").glob("repm-planner-*.tar.gz"))
    print(f"{'bundle on disk (dist/repm-planner)':<58} {size_mb(bundle):8.1f} MB")
    if tarballs:
        print(f"{'  tarball':<58} {tarballs[-1].stat().st_size / 1e6:8.1f} MB")
    times = []
    for _ in range(3):
        with tempfile.TemporaryDirectory() as home:
            env = {"HOME": home, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
            t0 = time.perf_counter()
            subprocess.run(
                [str(bundle / "repm-planner"), "--self-test"],
                env=env,
                check=True,
                capture_output=True,
            )
            times.append(time.perf_counter() - t0)
    report("first start of the bundle to a drawn chart (self-test)", times, "< 3 s")
