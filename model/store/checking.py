"""The full check of a portfolio file (`repm check`, File > Check Portfolio): read-only."""

from __future__ import annotations

from pathlib import Path

from model.store.opening import integrity_problems
from model.store.store import Store


def check_file(path: str | Path) -> list[str]:
    """Raise the StoreError opening would (what the header, quick_check and the records' rules
    refuse), else list what SQLite's full integrity_check (every page, and every index against
    its table, which quick_check skips) and foreign_key_check find; [] when the file is sound.
    Works while the file is open for writing elsewhere, and writes nothing."""
    with Store.open(path, read_only=True):
        pass
    return integrity_problems(Path(path).expanduser().absolute())
