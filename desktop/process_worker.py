"""Run a slow pure function in a separate process that Cancel ends (desktop/worker.py runs tasks
in a thread, which a running HiGHS solve does not listen to).

The same signals as `TaskRunner` (`desktop.worker.Runner`). The function must live in a module of `model/` (the worker process
imports it by name, without Qt) and its arguments and result must pickle. A newer request or
Cancel terminates the process still running; a result from it is never shown.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from multiprocessing.process import BaseProcess
from typing import Any

from PySide6.QtCore import QObject

from desktop.worker import Runner
from model.optimise_process import echo, serve

# 'spawn' on every platform: a fresh interpreter (forking a process that runs Qt threads is
# unsafe), and the method the frozen bundle supports (installer/entry.py: freeze_support).
CONTEXT = multiprocessing.get_context("spawn")
GRACE_S = 0.5  # after terminate, before kill


class ProcessTaskRunner(Runner):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._lock = threading.Lock()  # the run id and the process, between GUI and reader
        self.process: BaseProcess | None = None  # the worker of the newest run

    def start(self, fn: Callable[..., Any], **kwargs: Any) -> int:
        """Run `fn(progress=..., cancelled=..., **kwargs)` in a worker process; returns the run
        id. A run still going is ended first. The worker starts from a thread: handing it a
        large portfolio (pickled) never holds up the window."""
        with self._lock:
            self._run_id += 1
            run_id = self._run_id
            old, self.process = self.process, None
        _end(old)
        self.busy = True
        self.started.emit()
        threading.Thread(target=self._run, args=(run_id, fn, kwargs), daemon=True).start()
        return run_id

    def _run(self, run_id: int, fn: Callable[..., Any], kwargs: dict[str, Any]) -> None:
        """In a thread: start the worker, then pass its messages on until its result, error or
        end."""
        receiving, sending = CONTEXT.Pipe(duplex=False)
        process = CONTEXT.Process(
            target=serve, args=(sending, fn, kwargs), daemon=True, name="repm-worker"
        )
        with self._lock:
            started = run_id == self._run_id  # else cancelled before it began
            try:
                if started:
                    process.start()
                    self.process = process
            except Exception as exc:  # e.g. no memory for a new process: said, never a crash
                started = False
                self._deliver.emit(run_id, "error", f"the worker process did not start: {exc}")
        sending.close()  # the worker holds the only sending end: its exit ends our reading
        if not started:
            receiving.close()
            return
        try:
            while True:
                kind, payload = receiving.recv()
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
            receiving.close()
        process.join()

    def cancel(self) -> None:
        """Stop the running task now: its process is ended, its result never shown."""
        with self._lock:
            self._run_id += 1
            process, self.process = self.process, None
        _end(process)
        self.busy = False

    def shutdown(self) -> None:
        self.cancel()


def _end(process: BaseProcess | None) -> None:
    """End a worker process now (terminate, then kill if it does not go)."""
    if process is None or not process.is_alive():
        return
    process.terminate()
    process.join(GRACE_S)
    if process.is_alive():
        process.kill()
        process.join()


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
