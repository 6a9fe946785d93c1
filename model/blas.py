"""BLAS on one thread for the small matrix products of one projection.

A projection's products are small (years x deals); a multi-threaded OpenBLAS hands them to its
worker threads, which on a 2-core laptop that also runs the GUI and a Monte Carlo stall more than
they help (the issue measured a what-if step at 10,000 blocks: 8 ms on one thread, 14-20 ms on
two). The Monte Carlo's large products keep every thread.
"""

from __future__ import annotations

from contextlib import AbstractContextManager

from threadpoolctl import ThreadpoolController

_controller: ThreadpoolController | None = None


def one_thread() -> AbstractContextManager:
    """`with one_thread(): compute(...)`: BLAS limited to one thread inside the block."""
    global _controller
    if _controller is None:
        _controller = ThreadpoolController()  # inspects the loaded libraries once
    return _controller.limit(limits=1, user_api="blas")
