"""Run a slow pure function in a separate process that Cancel ends (desktop/worker.py runs tasks
in a thread, which a running HiGHS solve does not listen to).

The same signals as `TaskRunner` (`desktop.worker.Runner`). The function must live in a module of `model/` (the worker process
imports it by name, without Qt) and its arguments and result must pickle. A newer request or
Cancel terminates the process still running; a result from it is never shown.

A new worker process takes 1-2 s to start and import the model and SciPy. After `prepare()` the
runner keeps a spare worker, started in a background thread with its imports done
(`model.optimise_process.wait_for_task`), so a run begins at once; each run uses up its worker
(a run never inherits another's state) and a new spare is started when the run is over or
cancelled. `shutdown()` ends the spare too.
"""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import wait
from multiprocessing.process import BaseProcess
from typing import Any

from PySide6.QtCore import QObject

from desktop.worker import Runner
from model.optimise_process import echo, import_optimiser, wait_for_task

# 'spawn' on every platform: a fresh interpreter (forking a process that runs Qt threads is
# unsafe), and the method the frozen bundle supports (installer/entry.py: freeze_support).
# ('forkserver' would start workers faster on Linux, but not on Windows nor when frozen: the
# spare worker gives the same head start everywhere.)
CONTEXT = multiprocessing.get_context("spawn")
GRACE_S = 0.5  # after terminate, before kill
START_WAIT_S = 30.0  # the most a run waits for its spare's process to be started
READY_POLL_S = 0.005  # wait_ready: how often it looks


class Worker:
    """One worker process and its two pipes: its task in, its messages out."""

    def __init__(self, warm: Callable[[], None] | None = None):
        task_end, self.tasks = CONTEXT.Pipe(duplex=False)
        self.messages, message_end = CONTEXT.Pipe(duplex=False)
        self.process = CONTEXT.Process(
            target=wait_for_task,
            args=(task_end, message_end, warm),
            daemon=True,
            name="repm-worker",
        )
        self._child_ends = (task_end, message_end)
        self._lock = threading.Lock()  # launch and stop, from any thread, one after the other
        self._stopped = False
        self.launched = threading.Event()  # launch() is over (whether or not it started)
        self.error: str | None = None  # why the process did not start
        self.ready = False  # it said it has done its imports

    def launch(self) -> None:
        """Start the process (any thread), unless stopped first. Our copies of its ends are
        closed after: its exit then ends our reading, and its task pipe tells it we are gone."""
        with self._lock:
            try:
                if self._stopped:
                    self.error = "the worker process was stopped before it started"
                else:
                    self.process.start()
            except Exception as exc:  # e.g. no memory for a new process: said, never a crash
                self.error = f"the worker process did not start: {exc}"
            finally:
                for end in self._child_ends:
                    end.close()
                self.launched.set()

    def alive(self) -> bool:
        return self.launched.is_set() and self.error is None and not _exited(self.process)

    def poll_ready(self) -> bool:
        """Has it done its imports? (Reads its 'ready' message; only while no run owns it.)"""
        if not self.ready and self.alive():
            try:
                if self.messages.poll():
                    self.ready = self.messages.recv()[0] == "ready"
            except (EOFError, OSError):
                return False
        return self.ready

    def stop(self) -> None:
        """End the process now (terminate, then kill if it does not go), or see that it never
        starts; any thread."""
        with self._lock:
            self._stopped = True
        _end(self.process)

    def end(self) -> None:
        """Stop it, collect its exit status and close our pipes: by the thread that owns it."""
        self.stop()
        if _started(self.process):
            self.process.join()  # at once: it has ended
        self.tasks.close()
        self.messages.close()


class ProcessTaskRunner(Runner):
    def __init__(self, parent: QObject | None = None, warm: Callable[[], None] | None = None):
        """`warm`: a function of `model/` a spare worker runs before its task (its imports)."""
        super().__init__(parent)
        self._lock = threading.Lock()  # the run id, the process and the spare, between threads
        self.process: BaseProcess | None = None  # the worker of the newest run
        self._warm = warm
        self.spare: Worker | None = None
        self._keep_spare = False  # prepare() was called: a spare is started after each run
        self._closed = False
        self._held: set[Worker] = set()  # the workers of runs not yet over

    def prepare(self) -> None:
        """Start a spare worker in the background unless there is one: the next run begins at
        once. From now on a new spare follows every run."""
        self._keep_spare = True
        self._start_spare()

    def spare_ready(self) -> bool:
        """A spare worker is waiting with its imports done."""
        spare = self.spare
        return spare is not None and spare.poll_ready()

    def wait_ready(self, timeout_s: float) -> bool:
        """Block this thread until a spare worker is ready (its imports done); False at once when
        none is coming (prepare() not called, shut down, or it failed to start), else after
        `timeout_s`. For scripts and tests: the window never waits, it runs on what is there."""
        deadline = time.monotonic() + timeout_s
        while not self.spare_ready():
            spare = self.spare
            failed = spare is not None and spare.launched.is_set() and not spare.alive()
            if not self._keep_spare or self._closed or failed or time.monotonic() > deadline:
                return False
            time.sleep(READY_POLL_S)  # a spare follows a run from the run's thread
        return True

    def _start_spare(self) -> None:
        with self._lock:
            # While a run is going, a spare would take CPU from its solve: it follows the run.
            if not self._keep_spare or self._closed or self.spare is not None or self._held:
                return
            spare = self.spare = Worker(self._warm)
        threading.Thread(target=spare.launch, daemon=True, name="repm-spare-start").start()

    def start(self, fn: Callable[..., Any], **kwargs: Any) -> int:
        """Run `fn(progress=..., cancelled=..., **kwargs)` in a worker process; returns the run
        id. A run still going is ended first. The task is handed over from a thread: pickling
        a large portfolio never holds up the window."""
        with self._lock:
            self._run_id += 1
            run_id = self._run_id
            old, self.process = self.process, None
            worker, self.spare = self.spare, None
            if worker is not None:
                self._held.add(worker)
        _end(old)
        self.busy = True
        self.started.emit()
        threading.Thread(target=self._run, args=(run_id, worker, fn, kwargs), daemon=True).start()
        return run_id

    def _run(
        self, run_id: int, worker: Worker | None, fn: Callable[..., Any], kwargs: dict[str, Any]
    ) -> None:
        """In a thread: hand the task to the spare (or to a worker started now), then pass its
        messages on until its result, error or end; then start the next spare."""
        if worker is not None:
            worker.launched.wait(START_WAIT_S)
            if not worker.alive():  # it failed to start, or died while waiting
                self._release(worker)
                worker.end()
                worker = None
        if worker is None:
            worker = Worker()
            with self._lock:
                self._held.add(worker)
                if self._closed:
                    worker.stop()  # shut down meanwhile: it never starts
            worker.launch()
        used = True
        try:
            used = self._serve(run_id, worker, fn, kwargs)
        finally:
            if used or not self._keep_as_spare(worker):
                worker.end()  # at its end already, unless it was superseded while working
            self._release(worker)
            self._start_spare()

    def _release(self, worker: Worker) -> None:
        with self._lock:
            self._held.discard(worker)

    def _keep_as_spare(self, worker: Worker) -> bool:
        """A worker that got no task (its run was cancelled first) waits for the next one."""
        with self._lock:
            wanted = self._keep_spare and not self._closed and self.spare is None
            if not (wanted and worker.alive()):
                return False
            self.spare = worker
            return True

    def _serve(
        self, run_id: int, worker: Worker, fn: Callable[..., Any], kwargs: dict[str, Any]
    ) -> bool:
        """Pass the run's messages on; False when it was cancelled before it got its task."""
        with self._lock:
            current = run_id == self._run_id  # else cancelled or superseded before it began
            if current and worker.error is None:
                self.process = worker.process
        if not current:
            return False
        if worker.error is not None:
            self._deliver.emit(run_id, "error", worker.error)
            return True
        try:
            worker.tasks.send((fn, kwargs))
        except (EOFError, OSError):
            pass  # it is gone: reading finds its end below
        except Exception as exc:  # e.g. an argument that does not pickle: said, never a hang
            self._deliver.emit(run_id, "error", f"the task could not be handed over: {exc}")
            return True
        try:
            while True:
                kind, payload = worker.messages.recv()
                if kind == "ready":
                    continue
                if kind == "progress":
                    self._deliver.emit(run_id, kind, int(round(100 * payload)))
                    continue
                self._deliver.emit(run_id, kind, payload)
                break
        except (EOFError, OSError):  # it ended without a word: ended by us, or it crashed
            worker.process.join()
            why = f"the worker process stopped unexpectedly (exit code {worker.process.exitcode})"
            self._deliver.emit(run_id, "error", why)
        worker.process.join()
        return True

    def cancel(self) -> None:
        """Stop the running task now: its process is ended, its result never shown; a new
        spare is started in the background (when one is kept)."""
        with self._lock:
            self._run_id += 1
            process, self.process = self.process, None
        _end(process)
        self.busy = False

    def shutdown(self) -> None:
        """End the running worker and the spare now (none is alive when this returns); none
        is started after."""
        with self._lock:
            self._closed = True
            spare, self.spare = self.spare, None
            held = list(self._held)
        self.cancel()
        for worker in held:
            worker.stop()  # its run thread closes its pipes
        if spare is not None:
            spare.end()


def _started(process: BaseProcess) -> bool:
    try:
        process.sentinel  # noqa: B018 (set by start())
    except ValueError:
        return False
    return True


def _exited(process: BaseProcess) -> bool:
    """Has it ended (or never started)? Without collecting its exit status: only the thread
    that owns a worker joins it (two threads collecting it race, and one may see it alive)."""
    return not _started(process) or bool(wait([process.sentinel], 0))


def _end(process: BaseProcess | None) -> None:
    """End a worker process now: terminate, then kill if it does not go; any thread."""
    if process is None or _exited(process):
        return
    process.terminate()
    if not wait([process.sentinel], GRACE_S):
        process.kill()
        wait([process.sentinel])


def worker_answers(timeout_s: float = 120.0) -> bool:
    """Does a spare worker start, do the optimiser's imports and answer here? (The bundle's
    self-test asks: a frozen app starts its workers through installer/entry.py's
    freeze_support.)"""
    worker = Worker(import_optimiser)
    worker.launch()
    try:
        if worker.error is not None:
            return False
        worker.tasks.send((echo, {"value": 42}))
        while worker.messages.poll(timeout_s):
            kind, payload = worker.messages.recv()
            if kind not in ("ready", "progress"):
                return kind == "done" and payload == 42
        return False
    except (EOFError, OSError):
        return False
    finally:
        worker.end()
