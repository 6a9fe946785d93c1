"""Where an export may write: never over a portfolio file, and over another file only when the
person exporting says so (`--force`, or yes in the desktop's question)."""

from __future__ import annotations

import os
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"
PORTFOLIO_SUFFIX = ".repm"


def is_portfolio_file(path: Path, source: Path | None = None) -> bool:
    """A .repm name, any SQLite file, or the portfolio being exported itself."""
    if path.suffix.lower() == PORTFOLIO_SUFFIX:
        return True
    if source is not None and path.exists() and source.exists():
        try:
            if os.path.samefile(path, source):
                return True
        except OSError:
            pass
    if not path.is_file():
        return False  # never opened: a FIFO would block
    try:
        with open(path, "rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def export_target_problem(target: Path, source: Path | None, *, force: bool) -> str | None:
    """Why an export must not write `target`, or None when it may."""
    if is_portfolio_file(target, source):
        return f"{target} is a portfolio file: an export never overwrites one; choose another name"
    if target.is_dir():
        return f"{target} is a folder: name the file to write"
    if target.exists() and not target.is_file():
        return f"{target} is not a regular file: name a file to write"
    if target.exists() and not force:
        return f"{target} exists; pass --force to overwrite it"
    return None
