"""Rotating backups made with SQLite's online backup API, and restoring one."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from model.files import create_private, make_private, private_dir
from model.store.locations import EXTENSION, backup_dir
from model.store.sqlite import connect

DEFAULT_KEEP = 10


def copy_database(source: Path, destination: Path) -> None:
    """A consistent copy even while another connection writes (SQLite backup API), readable by
    its owner only. Written to a temporary name first, so a crash never leaves half a backup,
    and a failure (a full disk) leaves no `.partial` behind."""
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    create_private(partial)
    try:
        with (
            contextlib.closing(connect(source, "ro")) as src,
            contextlib.closing(connect(partial, "rw")) as dst,
        ):
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
        os.replace(partial, destination)
    except BaseException:
        for leftover in (partial, *(Path(f"{partial}{x}") for x in ("-journal", "-wal", "-shm"))):
            leftover.unlink(missing_ok=True)
        raise


def backup_folder_of(portfolio: Path, directory: Path | None = None) -> Path:
    return directory or backup_dir(portfolio)


def list_backups(portfolio: Path, directory: Path | None = None) -> list[Path]:
    """Backups of this portfolio, newest first."""
    folder = directory or backup_dir(portfolio)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"*{EXTENSION}"), key=lambda p: p.name, reverse=True)


def _signature(portfolio: Path) -> str:
    """The portfolio's edit counter (meta 'edits', raised by every committed edit). File times
    will not do: opening in WAL mode and closing rewrites the file without any edit."""
    try:
        with contextlib.closing(connect(portfolio, "ro")) as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'edits'").fetchone()
    except sqlite3.Error:
        return ""
    return row[0] if row else "0"


def make_backup(portfolio: Path, keep: int = DEFAULT_KEEP, directory: Path | None = None) -> Path:
    """Back the portfolio up now, keeping the newest `keep` backups."""
    folder = private_dir(directory or backup_dir(portfolio))
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{Path(portfolio).stem}-{stamp}{EXTENSION}"
    copy_database(Path(portfolio), target)
    marker = folder / "last-signature"
    marker.write_text(_signature(portfolio))
    make_private(marker)
    for old in list_backups(portfolio, folder)[max(keep, 1) :]:
        old.unlink(missing_ok=True)
    return target


def backup_if_changed(
    portfolio: Path, keep: int = DEFAULT_KEEP, directory: Path | None = None
) -> Path | None:
    """Back up unless nothing changed since the last backup, so that merely reading a portfolio
    many times never rotates the useful older backups away."""
    folder = directory or backup_dir(portfolio)
    marker = folder / "last-signature"
    unchanged = marker.exists() and marker.read_text() == _signature(portfolio)
    if unchanged and list_backups(portfolio, folder):
        return None
    return make_backup(portfolio, keep, folder)


def set_aside(path: Path, directory: Path | None = None) -> Path:
    """Keep a byte-for-byte copy of a file that cannot be read as a portfolio (it may still hold
    something a specialist can recover) before it is replaced."""
    folder = private_dir(directory or backup_dir(path))
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{Path(path).stem}-{stamp}.unreadable"
    create_private(target)
    shutil.copyfile(path, target)
    return target


def restore_backup(backup: Path, target: Path) -> None:
    """Replace `target` with a copy of `backup` (checked first by the caller). The target's own
    WAL files go too: left beside the restored file they would be replayed into it."""
    staged = target.with_name(f".{target.name}.restoring")
    copy_database(backup, staged)
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    os.replace(staged, target)
