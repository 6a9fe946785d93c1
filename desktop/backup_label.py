"""How a backup is listed: when it was made and how big it is, not its file name."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path


def size_text(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024)):,} KB"
    return f"{size / (1024 * 1024):,.1f} MB"


def backup_label(path: Path) -> str:
    """'2026-11-25 14:03 · 1.2 MB' (the time the backup was written, local time)."""
    stat = path.stat()
    when = datetime.fromtimestamp(stat.st_mtime).strftime("%Y-%m-%d %H:%M:%S")
    return f"{when} · {size_text(stat.st_size)}"
