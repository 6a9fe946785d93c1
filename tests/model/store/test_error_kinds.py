"""A locked file, a full disk and an unwritable backup folder are said as what they are, never as
damage (which would send someone to restore an older backup over good data) (issue 11, item 3)."""

import contextlib
import errno
import sqlite3

import pytest
from sqlalchemy import event

from model.store import BusyFile, DiskFull, EditNotSaved, Store
from model.store import backups as backups_module
from model.store import sqlite as store_sqlite
from model.store.locations import data_dir

FULL_DISK_WORDS = "free space and try again; the file is unchanged"


@pytest.fixture
def short_busy_wait(monkeypatch):
    monkeypatch.setattr(store_sqlite, "BUSY_TIMEOUT_S", 0.05)


@contextlib.contextmanager
def another_program_writing(path):
    """A program (not this app) in the middle of a write transaction on the file."""
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("BEGIN EXCLUSIVE")
        db.execute("UPDATE meta SET value = value WHERE key = 'name'")
        yield
    finally:
        db.execute("ROLLBACK")
        db.close()


def test_a_file_locked_by_another_program_is_in_use_not_damaged(short_busy_wait, portfolio_path):
    with contextlib.closing(sqlite3.connect(portfolio_path)) as db:
        db.execute("PRAGMA journal_mode=DELETE")  # its writer locks readers out
    before = portfolio_path.read_bytes()
    with another_program_writing(portfolio_path), pytest.raises(BusyFile) as err:
        Store.open(portfolio_path)
    message = str(err.value)
    assert "is in use by another program" in message
    assert "damaged" not in message and "restore" not in message
    assert portfolio_path.read_bytes() == before
    with Store.open(portfolio_path) as store:  # free again: opens
        assert store.get("blocks", "nolans")


def test_an_edit_while_another_program_writes_is_not_saved_and_says_why(
    short_busy_wait, portfolio_path
):
    with Store.open(portfolio_path) as store:
        year = store.get("blocks", "nolans").first_year
        with (
            another_program_writing(portfolio_path),
            pytest.raises(EditNotSaved, match="not saved: the file is in use by another program"),
        ):
            store.update("blocks", "nolans", first_year=2039)
        assert store.get("blocks", "nolans").first_year == year
        store.update("blocks", "nolans", first_year=2039)  # and works once it is free
        assert store.get("blocks", "nolans").first_year == 2039


def test_an_edit_on_a_full_disk_says_so_and_leaves_the_file_intact(portfolio_path):
    with Store.open(portfolio_path) as store:
        before = store.load_portfolio()
        store.engine.dispose()  # new connections, each capped at the file's present size

        def cap(dbapi_connection, _record):
            pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

        event.listen(store.engine, "connect", cap)
        with pytest.raises(EditNotSaved) as err:
            store.update("blocks", "nolans", notes="a long negotiating note " * 20_000)
        message = str(err.value)
        assert "not saved: no space left on " in message and FULL_DISK_WORDS in message
        assert "damaged" not in message
        assert store.load_portfolio() == before
        assert store.integrity_problems() == []


def test_an_io_error_on_a_volume_with_no_space_is_a_full_disk_not_damage(
    monkeypatch, portfolio_path
):
    """What a full disk does to SQLite's shared-memory file when a WAL file is opened."""

    def no_shm(*_args, **_kwargs):
        exc = sqlite3.OperationalError("disk I/O error")
        exc.sqlite_errorcode = 4874  # SQLITE_IOERR_SHMSIZE
        raise exc

    monkeypatch.setattr(store_sqlite, "_free_bytes", lambda _path: 4096)
    monkeypatch.setattr(store_sqlite.sqlite3, "connect", no_shm)
    with pytest.raises(DiskFull) as err:
        Store.open(portfolio_path)
    assert FULL_DISK_WORDS in str(err.value) and "damaged" not in str(err.value)


def test_no_room_for_the_backup_is_a_warning_and_the_file_opens(monkeypatch, portfolio_path):
    with Store.open(portfolio_path) as store:
        store.update("blocks", "nolans", first_year=2031)  # changed: the next open backs up

    def disk_full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backups_module, "copy_database", disk_full)
    with Store.open(portfolio_path) as store:
        assert len(store.warnings) == 1 and "no backup made" in store.warnings[0]
        assert "no space left on" in store.warnings[0]
        assert "damaged" not in store.warnings[0] and "unchanged" not in store.warnings[0]
        store.update("blocks", "nolans", first_year=2032)
        assert store.get("blocks", "nolans").first_year == 2032


def test_an_unwritable_backup_folder_is_a_warning_for_writers_and_nothing_for_readers(
    portfolio_path,
):
    with Store.open(portfolio_path) as store:
        store.update("blocks", "nolans", first_year=2031)
    backups = data_dir() / "backups"
    for old in sorted(backups.rglob("*"), reverse=True):
        old.rmdir() if old.is_dir() else old.unlink()
    backups.rmdir()
    backups.write_text("not a folder")  # so that no backup folder can be made, even by root
    with Store.open(portfolio_path, read_only=True) as reader:
        assert reader.load_portfolio().blocks and reader.warnings == []
    with Store.open(portfolio_path) as writer:
        assert writer.warnings and "no backup made" in writer.warnings[0]
        assert writer.get("blocks", "nolans").first_year == 2031


def test_a_migration_needs_its_backup(monkeypatch, tmp_path):
    from model.store.opening import APPLICATION_ID

    path = tmp_path / "old.repm"
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.commit()
    before = path.read_bytes()

    def disk_full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backups_module, "copy_database", disk_full)
    with pytest.raises(DiskFull, match=FULL_DISK_WORDS):
        Store.open(path)
    assert path.read_bytes() == before
