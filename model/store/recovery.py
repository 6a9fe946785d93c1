"""Restoring a backup over a portfolio file without losing what the file held."""

from __future__ import annotations

from pathlib import Path

from model.store.backups import DEFAULT_KEEP, make_backup, restore_backup, set_aside
from model.store.errors import BusyFile, DiskFull, NotAPortfolio, StoreError
from model.store.lock import WriterLock
from model.store.opening import inspect_file
from model.store.sqlite import explain


def restore(
    backup: Path, target: Path, *, keep: int = DEFAULT_KEEP, replace_foreign: bool = False
) -> Path | None:
    """Restore `backup` over `target`. What the target held is kept first: as a backup when it is
    a readable portfolio, as raw bytes when it is damaged. A target that is not a portfolio at all
    raises NotAPortfolio unless `replace_foreign`. A target open for writing elsewhere raises
    InUse at once. Returns where the old content went."""
    inspect_file(backup, for_writing=False)  # a bad backup is refused before the target is touched
    try:
        lock = WriterLock.acquire(target)
    except OSError as exc:
        raise explain(target, exc) from None
    try:
        return _restore(backup, target, keep, replace_foreign)
    except OSError as exc:
        raise explain(target, exc) from None
    finally:
        lock.release()


def _restore(backup: Path, target: Path, keep: int, replace_foreign: bool) -> Path | None:
    if not target.exists():
        restore_backup(backup, target)
        return None
    try:
        inspect_file(target)
        saved = make_backup(target, keep)
    except (BusyFile, DiskFull):
        raise  # an intact file: restoring over it would lose its work
    except NotAPortfolio:
        if not replace_foreign:
            raise
        saved = set_aside(target)
    except StoreError:  # damaged or unreadable: keep its bytes, then restore over it
        saved = set_aside(target)
    restore_backup(backup, target)
    return saved
