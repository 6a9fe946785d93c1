"""Bad files get a one-line reason and are never modified; migrations run after a backup."""

import contextlib
import os
import sqlite3
from pathlib import Path

import pytest

from model.demo import demo_portfolio
from model.migrations import HEAD
from model.store import DamagedFile, NewerVersion, NotAPortfolio, ReadOnlyFile, Store
from model.store.opening import APPLICATION_ID


def fingerprint(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def test_text_file_is_not_a_portfolio(tmp_path):
    path = tmp_path / "notes.repm"
    path.write_text("minutes of the meeting")
    before = fingerprint(path)
    with pytest.raises(
        NotAPortfolio, match="is not a portfolio file \\(it holds text, not an SQLite database\\)"
    ):
        Store.open(path)
    assert fingerprint(path) == before


def test_truncated_file_is_damaged_and_names_a_backup(portfolio_path):
    with Store.open(portfolio_path) as store:  # reopen: a backup exists from now on
        store.update("blocks", "nolans", first_year=2031)
        store.backup()
    data = portfolio_path.read_bytes()
    portfolio_path.write_bytes(data[: len(data) // 2])
    before = fingerprint(portfolio_path)
    with pytest.raises(DamagedFile) as err:
        Store.open(portfolio_path)
    message = str(err.value)
    assert "is damaged" in message and "repm restore" in message
    assert err.value.backups and err.value.backups[0].exists()
    assert fingerprint(portfolio_path) == before


def test_corrupted_pages_are_caught_by_quick_check(portfolio_path):
    with contextlib.closing(sqlite3.connect(portfolio_path)) as db:
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'blocks'").fetchone()[0]
    data = bytearray(portfolio_path.read_bytes())
    data[(root - 1) * page_size] = 0x0F  # not a valid b-tree page type
    portfolio_path.write_bytes(bytes(data))
    before = fingerprint(portfolio_path)
    with pytest.raises(DamagedFile, match="is damaged"):
        Store.open(portfolio_path)
    assert fingerprint(portfolio_path) == before


def test_other_applications_database_is_refused(tmp_path):
    path = tmp_path / "contacts.db"
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE people (name TEXT)")
        db.commit()
    before = fingerprint(path)
    with pytest.raises(NotAPortfolio, match="SQLite database of another application"):
        Store.open(path)
    assert fingerprint(path) == before


def test_read_only_file_is_refused_untouched(portfolio_path):
    os.chmod(portfolio_path, 0o444)
    before = fingerprint(portfolio_path)
    with pytest.raises(ReadOnlyFile, match="is read-only"):
        Store.open(portfolio_path)
    assert fingerprint(portfolio_path) == before


def test_file_from_a_newer_app_is_refused_untouched(portfolio_path):
    with contextlib.closing(sqlite3.connect(portfolio_path)) as db:
        db.execute("UPDATE alembic_version SET version_num = '9999_future'")
        db.commit()
    before = fingerprint(portfolio_path)
    with pytest.raises(NewerVersion, match="newer version of the REPM planner"):
        Store.open(portfolio_path)
    assert fingerprint(portfolio_path) == before


def test_old_schema_is_migrated_after_a_backup(tmp_path):
    """A file at schema 'base' (ours, but with no tables yet) is backed up, then upgraded."""
    path = tmp_path / "old.repm"
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.commit()
    with Store.open(path) as store:
        assert store.backups(), "a backup must be written before migrating"
        store.replace_portfolio(demo_portfolio())
        assert store.load_portfolio() == demo_portfolio()


def test_backups_rotate_and_skip_unchanged_files(portfolio_path):
    for year in range(2030, 2034):
        with Store.open(portfolio_path, keep_backups=3) as store:
            store.update("blocks", "nolans", first_year=year)
    with Store.open(portfolio_path, keep_backups=3) as store:
        backups = store.backups()
    assert len(backups) == 3
    with Store.open(portfolio_path, keep_backups=3) as store:  # nothing changed since
        assert store.backups() == backups
    with Store.open(backups[0]) as old:
        assert old.get("blocks", "nolans").first_year == 2033


def test_integrity_problems_empty_for_a_sound_file(portfolio_path):
    with Store.open(portfolio_path) as store:
        assert store.integrity_problems() == []


def test_a_file_at_schema_0001_is_backed_up_and_migrated(tmp_path):
    """A real older file: created at 0001 with data, opened by this app (head 0002)."""
    from sqlalchemy import create_engine

    from model.store.opening import alembic_config

    path = tmp_path / "v1.repm"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        from alembic import command

        conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        command.upgrade(alembic_config(conn), "0001")
        conn.exec_driver_sql(
            "INSERT INTO assumptions (name, value) VALUES ('oxide_to_metal', 0.84)"
        )
        conn.exec_driver_sql(
            "INSERT INTO blocks (id, name, country, stage, product) "
            "VALUES ('b', 'Old block', 'AUS', 'feasibility', 'mixed')"
        )
    engine.dispose()
    with Store.open(path) as store:
        assert store.backups(), "a backup of the 0001 file comes first"
        assert store.assumptions().oxide_to_metal == 0.84
        assert store.get("blocks", "b").name == "Old block"
        a = store.assumptions().with_overrides({"max_delay_stage": {"feasibility": 5}})
        store.set_assumptions(a)
        assert store.assumptions().max_delay_stage["feasibility"] == 5
    with contextlib.closing(sqlite3.connect(path)) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD,)
        with pytest.raises(sqlite3.IntegrityError):
            db.execute("UPDATE assumptions SET value = 2.5 WHERE name = 'oxide_to_metal'")
        with pytest.raises(sqlite3.IntegrityError):
            db.execute(
                "UPDATE assumptions SET value = 2.5 WHERE name = 'max_delay_stage.feasibility'"
            )


def test_a_file_at_schema_0003_gets_costs_options_and_a_confidential_cost(tmp_path):
    """Migration 0004 on a file with a plant and the user's own confidential list."""
    from alembic import command
    from sqlalchemy import create_engine

    from model.store.opening import alembic_config

    path = tmp_path / "v3.repm"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        command.upgrade(alembic_config(conn), "0003")
        conn.exec_driver_sql(
            "INSERT INTO plants (id, name, stage, capacity_tpa, status, first_year) "
            "VALUES ('p', 'Old plant', 'magnet', 100, 'planned', 2030)"
        )
        conn.exec_driver_sql(
            "INSERT INTO meta (key, value) VALUES ('confidential_fields', '[\"deals.notes\"]')"
        )
    engine.dispose()
    with Store.open(path) as store:
        assert store.confidential_fields() == ["deals.notes", "deals.cost_musd"]
        assert store.get("plants", "p").capex_musd is None
        store.update("plants", "p", status="option", capex_musd=12.5)
        assert store.get("plants", "p").status == "option"
    with contextlib.closing(sqlite3.connect(path)) as db:
        with pytest.raises(sqlite3.IntegrityError):
            db.execute("UPDATE plants SET capex_musd = -1 WHERE id = 'p'")
        with pytest.raises(sqlite3.IntegrityError):
            db.execute("UPDATE plants SET status = 'maybe' WHERE id = 'p'")
