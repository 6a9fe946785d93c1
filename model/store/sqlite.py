"""How the store reaches SQLite: a `file:` URI that survives any legal file name, connections made
through it, and what an SQLite or OS error means for the person using the file."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path, PurePath, PureWindowsPath
from urllib.parse import quote

from model.store.errors import BusyFile, DamagedFile, DiskFull, ReadOnlyFile, StoreError

# SQLite primary result codes (the low byte of an extended code)
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26
BUSY_TIMEOUT_S = 5.0  # how long to wait for another program's transaction before saying so
NEARLY_FULL_BYTES = 1 << 20  # an I/O error on a volume with less free space than this: disk full


def sqlite_uri(path: PurePath, mode: str) -> str:
    """The `file:` URI of an absolute path, every special character percent-quoted: '#', '?',
    '%', spaces and non-ASCII reach SQLite unchanged. A Windows drive path becomes
    file:///C:/..., a UNC share file:////server/share/... (empty authority, as SQLite wants)."""
    text = str(path)
    if isinstance(path, PureWindowsPath):
        text = text.replace("\\", "/")
    if not text.startswith("/"):
        text = "/" + text  # C:/x -> /C:/x
    return f"file://{quote(text, safe='/:')}?mode={mode}"  # file:// + an empty authority


def connect(
    path: str | os.PathLike[str],
    mode: str = "ro",
    timeout: float | None = None,
    *,
    immutable: bool = False,
) -> sqlite3.Connection:
    """A connection to `path`: mode 'ro' (read only), 'rw' (must exist) or 'rwc' (may create).
    `immutable` reads the file alone, with no locks and no -wal or -shm made beside it."""
    uri = sqlite_uri(Path(path).absolute(), mode) + ("&immutable=1" if immutable else "")
    wait = BUSY_TIMEOUT_S if timeout is None else timeout
    return sqlite3.connect(uri, uri=True, timeout=wait, check_same_thread=False)


def volume_of(path: str | os.PathLike[str]) -> str:
    """The mount point (or drive) a path lives on, as people see it in their file manager."""
    p = Path(path).absolute()
    for candidate in (p, *p.parents):
        if candidate.exists() and os.path.ismount(candidate):
            return str(candidate)
    return p.anchor or str(p)


def _free_bytes(path: Path) -> int | None:
    for candidate in (path, *path.parents):
        if candidate.exists():
            try:
                return shutil.disk_usage(candidate).free
            except OSError:
                return None
    return None


def no_space(path: str | os.PathLike[str]) -> DiskFull:
    return DiskFull(
        path, f"no space left on {volume_of(path)}: free space and try again; the file is unchanged"
    )


def explain(
    path: str | os.PathLike[str], exc: BaseException, backups: list[Path] | None = None
) -> StoreError:
    """The StoreError that says in words what an sqlite3 or OS error means for `path`. Only real
    damage is called damage (with the backups to restore): a locked file, a full disk or a
    read-only folder leave an intact file, and restoring a backup over it would lose work."""
    path = Path(path)
    orig = getattr(exc, "orig", None) or exc  # SQLAlchemy wraps the DB-API error
    code = getattr(orig, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    os_errno = getattr(orig, "errno", None)
    text = str(orig)
    if primary in (SQLITE_BUSY, SQLITE_LOCKED) or "database is locked" in text:
        return BusyFile(path, "is in use by another program; close it there and try again")
    free = _free_bytes(path.absolute())
    nearly_full = free is not None and free < NEARLY_FULL_BYTES
    if (
        primary == SQLITE_FULL
        or os_errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1))
        or (nearly_full and (primary in (SQLITE_IOERR, SQLITE_CANTOPEN) or os_errno is not None))
    ):
        return no_space(path)
    if primary in (SQLITE_READONLY, SQLITE_PERM) or os_errno in (
        errno.EACCES,
        errno.EPERM,
        errno.EROFS,
    ):
        return ReadOnlyFile(path, f"cannot be written here ({text}); check its permissions")
    if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return DamagedFile(path, f"is damaged ({text})", backups)
    return StoreError(path, f"could not be read or written ({text})")
