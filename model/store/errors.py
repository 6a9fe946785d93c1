"""Why a portfolio file cannot be opened or an edit was refused: one line each, with what to do."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """A portfolio file that cannot be used. The file has not been modified.
    `backups` lists backups of it, newest first, so a GUI can offer them."""

    def __init__(self, path: Path | str, problem: str, backups: list[Path] | None = None):
        self.path = Path(path)
        self.problem = problem
        self.backups = backups or []
        advice = ""
        if self.backups:
            advice = f"; restore a backup: repm restore {self.backups[0]} --to {self.path}"
        super().__init__(f"{self.path}: {problem}{advice}")


class NotFound(StoreError):
    pass


class NotAPortfolio(StoreError):
    """Not SQLite at all, or SQLite of another application."""


class DamagedFile(StoreError):
    pass


class ReadOnlyFile(StoreError):
    pass


class NewerVersion(StoreError):
    pass


class InvalidContent(DamagedFile):
    """An intact SQLite file holding something the planner's rules refuse (a record that fails
    validation, unreadable text): it may have been edited by another tool."""


class InUse(StoreError):
    """Open for writing in another window or process of this app (its writer lock is held)."""


class BusyFile(StoreError):
    """Locked by another program (SQLite says 'database is locked')."""


class DiskFull(StoreError):
    """No space left on the file's volume; the file itself is intact and unchanged."""


class InvalidEdit(ValueError):
    """An edit the portfolio's rules refuse; nothing was written. One line per problem."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


class EditNotSaved(InvalidEdit):
    """An edit that could not be written (a full disk, a locked or read-only file); nothing was
    written. An InvalidEdit, so every place that shows a refused edit shows this reason too."""
