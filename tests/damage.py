"""Ways a portfolio file goes wrong in real life, each applied to a sound demo portfolio file.

Content damage is done the way another program would do it (plain SQL with the file's own
constraints switched off), in rollback-journal mode, so an open that switched the file to WAL
(changing its header) before refusing it would show in a byte comparison.
"""

import contextlib
import os
import shutil
import sqlite3
from pathlib import Path


def _sql(*statements: str):
    def damage(path: Path) -> None:
        with contextlib.closing(sqlite3.connect(path)) as db:
            db.execute("PRAGMA journal_mode=DELETE")
            db.execute("PRAGMA ignore_check_constraints=ON")
            db.execute("PRAGMA foreign_keys=OFF")
            for statement in statements:
                db.execute(statement)
            db.commit()

    return damage


def _truncated(path: Path) -> None:
    _sql()(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _bad_page(path: Path) -> None:
    _sql()(path)
    with contextlib.closing(sqlite3.connect(path)) as db:
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'blocks'").fetchone()[0]
    data = bytearray(path.read_bytes())
    data[(root - 1) * page_size] = 0x0F  # not a valid b-tree page type
    path.write_bytes(bytes(data))


def _replace_with(content: bytes):
    def damage(path: Path) -> None:
        path.write_bytes(content)

    return damage


def _foreign_database(path: Path) -> None:
    path.unlink()
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE people (name TEXT)")
        db.commit()


def _folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


def _read_only(path: Path) -> None:
    _sql()(path)
    os.chmod(path, 0o444)


VARIANTS = {
    "truncated": _truncated,
    "a bad b-tree page": _bad_page,
    "a text file": _replace_with(b"minutes of the meeting"),
    "an empty file": _replace_with(b""),
    "another application's database": _foreign_database,
    "a newer schema": _sql("UPDATE alembic_version SET version_num = '9999_future'"),
    "no schema version": _sql("DELETE FROM alembic_version"),
    "no schema version table": _sql("DROP TABLE alembic_version"),
    "a record failing validation": _sql("UPDATE blocks SET first_year = 1200 WHERE id = 'nolans'"),
    "a sourced value failing validation": _sql("UPDATE evidence SET chosen = 7"),
    "text in a number column": _sql("UPDATE blocks SET nameplate_tpa = 'lots' WHERE id = 'nolans'"),
    "invalid JSON in a text column": _sql("UPDATE firms SET roles = '[not json' WHERE id = 'irel'"),
    "a scenario that is not valid": _sql("UPDATE scenarios SET body = '{\"name\": 7}'"),
    "invalid UTF-8": _sql("UPDATE blocks SET name = CAST(x'c328ff' AS TEXT) WHERE id = 'nolans'"),
    "a deal on a missing block": _sql(
        "UPDATE deals SET block_id = 'gone' WHERE id = 'kabil-nolans'"
    ),
    "an assumption out of range": _sql(
        "UPDATE assumptions SET value = 7 WHERE name = 'oxide_to_metal'"
    ),
    "a missing table": _sql("DROP TABLE plants"),
    "a read-only file": _read_only,
    "a folder": _folder,
}


def break_an_index(path):
    """An index that no longer matches its table: quick_check passes, integrity_check does not."""
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA writable_schema=ON")
        db.execute(
            "UPDATE sqlite_master SET sql = replace(sql, '(block_id)', '(firm_id)') "
            "WHERE name = 'deals_by_block'"
        )
        db.commit()


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file in a folder with its bytes (None for folders): 'nothing changed' in one value."""
    if not Path(folder).exists():
        return {}
    return {
        p.name: (None if p.is_dir() else p.read_bytes()) for p in sorted(Path(folder).iterdir())
    }


def restore_writable(path: Path) -> None:
    """Undo what a variant did to permissions or file type, for clean-up."""
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        os.chmod(path, 0o600)
