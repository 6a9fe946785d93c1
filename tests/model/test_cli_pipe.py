"""`repm ... | head`: when the reader stops early, repm ends quietly (no BrokenPipeError)."""

import subprocess
import sys


def test_a_closed_pipe_ends_repm_quietly():
    child = subprocess.Popen(
        [sys.executable, "-m", "model.cli", "project", "--demo", "--format", "csv"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    child.stdout.close()  # like `head` exiting before repm has written anything
    err = child.stderr.read()
    child.stderr.close()
    assert child.wait(timeout=120) == 0
    assert err == b""
