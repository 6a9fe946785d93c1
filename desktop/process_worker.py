"""Run a slow pure function in a separate process that Cancel ends (desktop/worker.py runs tasks
in a thread, which a running HiGHS solve does not listen to).

Same signals as `TaskRunner`. The function must live in a module of `model/` (the worker process
imports it by name, without Qt) and its arguments and result must pickle. A newer request or
Cancel terminates the process still running; a result from it is never shown.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from PySide6.QtCore import QObject, Signal

from model.optimise_process import echo, serve

# 'spawn' on every platform: a fresh interpreter (forking a process that runs Qt threads is
# unsafe), and the method the frozen bundle supports (installer/entry.py: freeze_support).
CONTEXT = multiprocessing.get_context("spawn")
GRACE_S = 0.5  # after terminate, before kill


class ProcessTaskRunner(QObject):
    started = Signal()
    progress = Signal(int)  # percent
    finished = Signal(object)  # the function's result
    failed = Signal(str)
    _deliver = Signal(int, str, object)  # run id, kind, payload: crosses into the GUI thread

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._run_id = 0
        self.process: BaseProcess | None = None  # the worker of the newest run
        self._deliver.connect(self._on_deliver)
        self.busy = False

    def start(self, fn: Callable[..., Any], **kwargs: Any) -> int:
        """Run `fn(progress=..., cancelled=..., **kwargs)` in a worker process; returns the run
        id. A run still going is ended first."""
        self._stop()
        self._run_id += 1
        run_id = self._run_id
        receiving, sending = CONTEXT.Pipe(duplex=False)
        process = CONTEXT.Process(
            target=serve, args=(sending, fn, kwargs), daemon=True, name="repm-worker"
        )
        process.start()
        sending.close()  # the worker holds the only sending end: its exit ends our reading
        self.process, self.busy = process, True
        self.started.emit()
        threading.Thread(target=self._read, args=(run_id, process, receiving), daemon=True).start()
        return run_id

    def _read(self, run_id: int, process: BaseProcess, conn: Connection) -> None:
        """In a thread: pass the worker's messages on until its result, error or end."""
        try:
            while True:
                kind, payload = conn.recv()
                if kind == "progress":
                    self._deliver.emit(run_id, kind, int(round(100 * payload)))
                    continue
                self._deliver.emit(run_id, kind, payload)
                break
        except (EOFError, OSError):  # it ended without a word: ended by us, or it crashed
            process.join()
            why = f"the worker process stopped unexpectedly (exit code {process.exitcode})"
            self._deliver.emit(run_id, "error", why)
        finally:
            conn.close()
        process.join()

    def cancel(self) -> None:
        """Stop the running task now: its process is ended, its result never shown."""
        self._stop()
        self._run_id += 1
        self.busy = False

    def _stop(self) -> None:
        process, self.process = self.process, None
        if process is None or not process.is_alive():
            return
        process.terminate()
        process.join(GRACE_S)
        if process.is_alive():
            process.kill()
            process.join()

    def shutdown(self) -> None:
        self.cancel()

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


def worker_answers(timeout_s: float = 120.0) -> bool:
    """Does a worker process start and answer here? (The bundle's self-test asks: a frozen app
    starts its workers through installer/entry.py's freeze_support.)"""
    receiving, sending = CONTEXT.Pipe(duplex=False)
    process = CONTEXT.Process(target=serve, args=(sending, echo, {"value": 42}), daemon=True)
    process.start()
    sending.close()
    try:
        while receiving.poll(timeout_s):
            kind, payload = receiving.recv()
            if kind != "progress":
                return kind == "done" and payload == 42
        return False
    except (EOFError, OSError):
        return False
    finally:
        receiving.close()
        process.join(GRACE_S)
        if process.is_alive():
            process.kill()
