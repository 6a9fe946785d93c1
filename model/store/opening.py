"""Checks made before a portfolio file is used, all read-only; and schema migration.

Order matters: nothing is written to a file until it is known to be an intact REPM portfolio of a
version this app understands, and a backup of it has been made.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path

from model.migrations import HEAD, REVISIONS
from model.store.backups import list_backups
from model.store.errors import (
    DamagedFile,
    NewerVersion,
    NotAPortfolio,
    NotFound,
    ReadOnlyFile,
    StoreError,
)
from model.store.sqlite import explain
from model.store.untouched import read_untouched

APPLICATION_ID = 0x5245504D  # "REPM": marks a SQLite file as one of ours (PRAGMA application_id)
SQLITE_HEADER = b"SQLite format 3\x00"
MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def alembic_config(connection=None):
    from alembic.config import Config  # imported only when a file is created or migrated

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def upgrade_to_head(connection) -> None:
    from alembic import command

    command.upgrade(alembic_config(connection), "head")


@dataclass(frozen=True)
class FileState:
    revision: str | None
    head: str

    @property
    def needs_migration(self) -> bool:
        return self.revision != self.head


def _read_only(path: Path) -> bool:
    # Permission bits, not os.access alone: root may write anything, yet a file marked read-only
    # by its owner must stay untouched.
    mode = path.stat().st_mode
    return not (mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) or not os.access(path, os.W_OK)


def check_header(path: Path, backups: list[Path], *, for_writing: bool) -> None:
    """What the first 100 bytes and the file system say, before SQLite reads anything."""
    if not path.exists():
        raise NotFound(path, "no such portfolio file")
    if path.is_dir():
        raise NotAPortfolio(path, "is a folder, not a portfolio file")
    if not path.is_file():
        raise NotAPortfolio(path, "is not a regular file (a device or a pipe), not a portfolio")
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
            start = header + fh.read(4096 - len(header))
    except OSError as exc:
        raise explain(path, exc) from None
    if not header.startswith(SQLITE_HEADER):
        raise _not_sqlite(path, start, backups)
    if len(header) < 100:
        raise DamagedFile(path, "is damaged (truncated SQLite header)", backups)
    if for_writing and (_read_only(path) or not os.access(path.parent, os.W_OK)):
        raise ReadOnlyFile(
            path,
            "is read-only; copy it to a folder you can write to, or allow writing to it",
            backups,
        )


# What a file that is plainly something else starts with: refused as "not a portfolio file".
OTHER_FORMATS = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive or an Excel/Word file",
    b"\xd0\xcf\x11\xe0": "an older Excel/Word file",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
}


def _not_sqlite(path: Path, start: bytes, backups: list[Path]) -> StoreError:
    """A file that does not start as SQLite does. Plainly something else (text, a PDF, a
    spreadsheet) is not a portfolio; a binary of no known kind named .repm, or one with backups
    here, was a portfolio whose start was overwritten: damaged, restore a backup."""
    kind = next((f"it is {w}" for magic, w in OTHER_FORMATS.items() if start.startswith(magic)), "")
    if not kind and start and _is_text(start):
        kind = "it holds text"
    if not kind and (backups or path.suffix.lower() == ".repm"):
        what = "empty" if not start else "its start is not an SQLite header: it was overwritten"
        return DamagedFile(path, f"is damaged ({what})", backups)
    said = f"{kind}, not" if kind else "not"
    return NotAPortfolio(path, f"is not a portfolio file ({said} an SQLite database)")


def _is_text(start: bytes) -> bool:
    if b"\x00" in start:
        return False
    try:
        start.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(start) - 3  # cut inside a character at the 4 KB boundary
    return True


def inspect_file(
    path: Path, backup_folder: Path | None = None, *, for_writing: bool = True
) -> FileState:
    """Raise a StoreError subclass saying what is wrong, or describe a usable file. Read-only
    throughout: a refused file (and a stale -wal beside it) is left exactly as it was."""
    backups = list_backups(path, backup_folder)
    check_header(path, backups, for_writing=for_writing)

    def read(db: sqlite3.Connection) -> tuple[set[str], str | None]:
        problems = [row[0] for row in db.execute("PRAGMA quick_check")]
        if problems != ["ok"]:
            raise DamagedFile(path, f"is damaged (quick_check: {one_line(problems[0])})", backups)
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise NotAPortfolio(
                path,
                f"is an SQLite database of another application (application_id {app_id:#x}),"
                " not a REPM portfolio",
            )
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        revision = None
        if "alembic_version" in tables:
            row = db.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        return tables, revision

    try:
        tables, revision = read_untouched(path, read)
    except (sqlite3.Error, OSError) as exc:
        raise explain(path, exc, backups) from None
    if revision is None and tables - {"alembic_version", "sqlite_sequence"}:
        # Only a file with no tables at all is a new portfolio to build; tables without a
        # schema version are someone else's, and migrating would write into them.
        raise NotAPortfolio(
            path,
            "has tables but no REPM schema version (alembic_version is empty or missing); "
            "it was not made by the REPM planner, or was changed by another program",
        )
    if revision is not None and revision not in REVISIONS:
        raise NewerVersion(
            path,
            f"was written by a newer version of the REPM planner (schema {revision}); "
            "update the app to open it",
        )
    return FileState(revision=revision, head=HEAD)


def integrity_problems(path: Path) -> list[str]:
    """Full PRAGMA integrity_check (every page, every index against its table) and
    foreign_key_check; [] when the file is sound."""

    def read(db: sqlite3.Connection) -> list[str]:
        problems = [one_line(row[0]) for row in db.execute("PRAGMA integrity_check")]
        problems = [] if problems == ["ok"] else problems
        for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check"):
            problems.append(f"{table} row {rowid} refers to a missing {parent} record")
        return problems

    return read_untouched(path, read)


def one_line(problem: str) -> str:
    """SQLite's '*** in database main ***' heading and line breaks out of a check's finding."""
    return " ".join(problem.replace("*** in database main ***", "").split())
