"""One writer per portfolio file: an OS lock on `<file>-lock` beside it.

Two writers would undo each other's edits, so a window or command that writes holds this lock
while the file is open. The operating system drops the lock when the process ends, however it
ends (a crash, kill -9, a power cut), so a stale lock file never blocks anyone. The file records
who holds it (pid and since when) for the message the next one gets.
"""

from __future__ import annotations

import contextlib
import os
from datetime import datetime
from pathlib import Path

from model.files import PRIVATE_FILE
from model.store.errors import InUse

WINDOWS = os.name == "nt"
if WINDOWS:
    import msvcrt
else:
    import fcntl

# Windows locks byte ranges, and a locked range cannot be read by others: lock a byte far past
# the holder's details so they stay readable.
WINDOWS_LOCK_OFFSET = 1 << 30
BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation in the details


def lock_path(portfolio: Path) -> Path:
    return portfolio.with_name(portfolio.name + "-lock")


def _try_lock(fd: int) -> bool:
    try:
        if WINDOWS:
            os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            # flock, not lockf: flock locks conflict between two opens in one process too
            # (two windows of one app), and are dropped when the process dies.
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _holder(path: Path) -> str:
    """'open in another window (pid N, since HH:MM)' from the holder's details."""
    try:
        with open(path, encoding="utf-8") as fh:
            pid, since = fh.read(200).split()[:2]
        clock = datetime.fromisoformat(since).strftime("%H:%M")
        return f"open in another window (pid {int(pid)}, since {clock})"
    except (OSError, ValueError):  # written a moment ago and not filled in yet
        return "open in another window"


class WriterLock:
    """Held while a portfolio is open for writing; `release()` (or process exit) frees it."""

    def __init__(self, portfolio: Path, fd: int, path: Path):
        self.portfolio, self._fd, self.path = portfolio, fd, path

    @classmethod
    def acquire(cls, portfolio: Path) -> WriterLock:
        """Take the lock at once, or raise InUse naming who holds it."""
        path = lock_path(portfolio)
        while True:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | BINARY, PRIVATE_FILE)
            if not _try_lock(fd):
                os.close(fd)
                raise InUse(portfolio, _holder(path))
            if WINDOWS or _same_file(fd, path):
                break
            os.close(fd)  # the holder removed that file as we opened it: lock the new one
        try:  # who holds it, for the next one's message; the lock works without (a full disk)
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, f"{os.getpid()} {datetime.now().isoformat(timespec='seconds')}\n".encode())
        except OSError:
            pass
        return cls(portfolio, fd, path)

    def release(self) -> None:
        if self._fd is None:
            return
        if WINDOWS:
            os.lseek(self._fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(self._fd, msvcrt.LK_UNLCK, 1)
            os.close(self._fd)
            _remove(self.path)  # fails harmlessly while another process has it open
        else:
            _remove(self.path)  # before unlocking: a waiter then sees the file is gone
            os.close(self._fd)
        self._fd = None


def _same_file(fd: int, path: Path) -> bool:
    try:
        mine, there = os.fstat(fd), os.stat(path)
    except FileNotFoundError:
        return False
    return (mine.st_dev, mine.st_ino) == (there.st_dev, there.st_ino)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
