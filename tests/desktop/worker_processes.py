"""What the tests of the plan worker look at: the worker processes alive, and whether one ended."""

import multiprocessing
from multiprocessing.connection import wait


def workers():
    return [p for p in multiprocessing.active_children() if p.name == "repm-worker"]


def ended(process) -> bool:
    """The process has exited (its exit status is collected by the runner's own thread)."""
    return bool(wait([process.sentinel], 0))
