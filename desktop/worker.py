"""Run slow pure functions off the GUI thread: progress, cancellation, results on the GUI thread.

A newer request on the same runner cancels the older one; a result that arrives from a cancelled
or superseded run is dropped, so the views only ever show the newest answer.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal

from model.montecarlo import Cancelled


class Runner(QObject):
    """What every runner shows the GUI: its signals, and only the newest run's messages passed
    on to them (the messages cross from the worker into the GUI thread via `_deliver`)."""

    started = Signal()
    progress = Signal(int)  # percent
    finished = Signal(object)  # the function's result
    failed = Signal(str)
    _deliver = Signal(int, str, object)  # run id, kind, payload: crosses into the GUI thread

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._run_id = 0
        self._deliver.connect(self._on_deliver)
        self.busy = False

    def _on_deliver(self, run_id: int, kind: str, payload: object) -> None:
        if run_id != self._run_id:
            return  # cancelled or superseded
        if kind == "progress":
            self.progress.emit(payload)
            return
        self.busy = False
        if kind == "done":
            self.finished.emit(payload)
        else:
            self.failed.emit(payload)


class TaskRunner(Runner):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1)
        self._cancel = threading.Event()

    def start(self, fn: Callable[..., Any], **kwargs: Any) -> int:
        """Run `fn(progress=..., cancelled=..., **kwargs)` in the background; returns the run id.
        Any run still going is told to stop and its result will be ignored."""
        self._cancel.set()
        self._cancel = cancel = threading.Event()
        self._run_id += 1
        run_id = self._run_id
        self.busy = True
        self.started.emit()

        def report(fraction: float) -> None:
            self._deliver.emit(run_id, "progress", int(round(100 * fraction)))

        def work() -> None:
            try:
                result = fn(progress=report, cancelled=cancel.is_set, **kwargs)
            except Cancelled:
                return
            except Exception as exc:  # shown to the user, never a crash
                self._deliver.emit(run_id, "error", f"{type(exc).__name__}: {exc}")
                return
            self._deliver.emit(run_id, "done", result)

        self._pool.submit(work)
        return run_id

    def cancel(self) -> None:
        self._cancel.set()
        self._run_id += 1
        self.busy = False

    def shutdown(self) -> None:
        self.cancel()
        self._pool.shutdown(wait=True)
