"""Reading a portfolio file for a check without leaving anything beside it.

SQLite opens a WAL-mode file's -wal and -shm even to read it, and a read-only connection leaves
them behind; a refused file's folder must be left as it was. With no -wal beside the file, all it
holds is in the file itself, so a check reads it alone (immutable: no locks, nothing created).
With a -wal there (open elsewhere, or left by a crash) its committed edits belong to the file,
and the check reads through SQLite's WAL as usual.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from model.store.errors import StoreError
from model.store.sqlite import connect

T = TypeVar("T")


def unopened_wal_file(path: Path) -> bool:
    """A WAL-mode file with no -wal beside it: no connection has it open, and all it holds is in
    the file. (A rollback-mode file is read with locks, which respect another program's write,
    and creates nothing beside it.)"""
    try:
        with path.open("rb") as fh:
            header = fh.read(20)
    except OSError:
        return False
    return header[18:20] == b"\x02\x02" and not Path(f"{path}-wal").exists()


def read_untouched(path: Path, read: Callable[[sqlite3.Connection], T]) -> T:
    """`read(connection)` on `path`, read-only, creating no -wal or -shm beside it."""
    if unopened_wal_file(path):
        before = _stamp(path)
        try:
            with contextlib.closing(connect(path, "ro", immutable=True)) as db:
                return read(db)
        except (sqlite3.Error, StoreError):
            if _stamp(path) == before and unopened_wal_file(path):
                raise
        # An immutable read takes no locks: the file changed while it was read (another program
        # opened it), so what looked wrong may be a half-seen write. Read it again properly.
    with contextlib.closing(connect(path, "ro")) as db:
        return read(db)


def _stamp(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_size, st.st_mtime_ns
