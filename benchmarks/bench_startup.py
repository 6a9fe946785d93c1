"""Command line: wall time of a `repm` command from launch to exit, as an official types it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.timing import report

RUNS = 5


def repm() -> list[str]:
    """The installed console script, else the module (a checkout without `pip install`)."""
    script = shutil.which("repm", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "model.cli"]


def wall(argv: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(argv, env=env, check=True, capture_output=True)
    return time.perf_counter() - t0


def run() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, REPM_DATA_DIR=tmp)
        demo = str(Path(tmp) / "demo.json")
        commands = {
            "repm --help": lambda i: ["--help"],
            "repm demo --out FILE": lambda i: ["demo", "--out", str(Path(tmp) / f"d{i}.json")],
            "repm validate FILE.json (demo)": lambda i: ["validate", demo],
            "repm project --demo": lambda i: ["project", "--demo"],
        }
        subprocess.run([*repm(), "demo", "--out", demo], env=env, check=True, capture_output=True)
        for label, args in commands.items():
            times = [wall([*repm(), *args(i)], env) for i in range(RUNS)]
            report(f"{label}, launch to exit", times, "< 0.5 s" if "help" in label else "")
