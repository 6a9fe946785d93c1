"""Files only their owner can read: portfolios, backups, their folders and exports hold
confidential negotiating positions, and shared machines have other users.

On POSIX files are created 0600 and folders 0700; on Windows the user's profile folders are
private already and the mode bits mean little, so nothing is changed there.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
POSIX = os.name == "posix"


def private_dir(path: str | os.PathLike[str]) -> Path:
    """Create `path` and any missing parents owner-only; folders that exist are left as they are
    (they are the user's own choice)."""
    path = Path(path)
    missing = []
    for candidate in (path, *path.parents):
        if candidate.exists():
            break
        missing.append(candidate)
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=PRIVATE_DIR)
        except FileExistsError:
            continue  # made meanwhile by another process
        if POSIX:
            os.chmod(folder, PRIVATE_DIR)  # mkdir's mode is narrowed by the umask only
    return path


def make_private(path: str | os.PathLike[str]) -> None:
    """Owner-only read and write for a file this app wrote."""
    if POSIX:
        os.chmod(path, PRIVATE_FILE)


def create_private(path: str | os.PathLike[str]) -> None:
    """Create an empty owner-only file; raises FileExistsError if there is one."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    make_private(path)


class CannotWrite(OSError):
    """An output file that cannot be written, in words and under the name the user gave
    ('cannot write /x/y.pdf: folder does not exist'), never the temporary name beside it."""

    def __init__(self, path: Path, cause: OSError):
        self.reason = _reason(path, cause)  # 'folder does not exist', for a sentence of its own
        super().__init__(cause.errno, f"cannot write {path}: {self.reason}")

    def __str__(self) -> str:
        return self.strerror


def _reason(path: Path, cause: OSError) -> str:
    if isinstance(cause, FileNotFoundError):
        return "folder does not exist" if not path.parent.exists() else "cannot be created there"
    if isinstance(cause, NotADirectoryError):
        return f"{path.parent} is not a folder"
    if isinstance(cause, IsADirectoryError):
        return "it is a folder"
    if isinstance(cause, PermissionError):
        return "permission denied"
    return (cause.strerror or str(cause)).lower()


@contextmanager
def private_output(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Write a file in one piece, owner-only: the one atomic write of the app (JSON, Excel,
    PDF exports). Yields a temporary path beside `path` (same suffix, mode 0600) for the writer
    to fill; when the block ends it is flushed to disk (fsync) and replaces `path`; it is
    removed if the writer fails. No reader, and no power cut, ever leaves half a file."""
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=path.suffix, dir=path.parent)
    except OSError as exc:
        raise CannotWrite(path, exc) from None
    os.close(fd)  # mkstemp makes it 0600
    try:
        yield Path(tmp)
        make_private(tmp)  # in case the writer replaced the file rather than filling it
        _fsync(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, CannotWrite):
            raise
        raise CannotWrite(path, exc) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if POSIX:  # the rename itself reaches the disk with its folder
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def _fsync(path: str | os.PathLike[str]) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())
