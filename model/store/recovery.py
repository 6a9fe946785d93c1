"""Restoring a backup over a portfolio file without losing what the file held."""

from __future__ import annotations

from pathlib import Path

from model.store.backups import DEFAULT_KEEP, make_backup, restore_backup, set_aside
from model.store.errors import NotAPortfolio, StoreError
from model.store.opening import inspect_file


def restore(
    backup: Path, target: Path, *, keep: int = DEFAULT_KEEP, replace_foreign: bool = False
) -> Path | None:
    """Restore `backup` over `target`. What the target held is kept first: as a backup when it is
    a readable portfolio, as raw bytes when it is damaged. A target that is not a portfolio at all
    raises NotAPortfolio unless `replace_foreign`. Returns where the old content went."""
    inspect_file(backup)  # a bad backup is refused before the target is touched
    if not target.exists():
        restore_backup(backup, target)
        return None
    try:
        inspect_file(target)
        saved = make_backup(target, keep)
    except NotAPortfolio:
        if not replace_foreign:
            raise
        saved = set_aside(target)
    except StoreError:  # damaged or unreadable: keep its bytes, then restore over it
        saved = set_aside(target)
    restore_backup(backup, target)
    return saved
