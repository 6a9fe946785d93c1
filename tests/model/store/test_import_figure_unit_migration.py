"""Migration 0008: a file made before the import figures got their own unit holds them in the
demand's unit; opening it rewrites that unit (only where it is exactly the old one), unmarks an
import figure that was in use, and leaves the demand figures alone. Running it again changes
nothing."""

import contextlib
import importlib
import sqlite3

from alembic import command
from sqlalchemy import create_engine

from model.demo import demo_portfolio
from model.migrations import HEAD
from model.store import Store
from model.store.opening import APPLICATION_ID, alembic_config

MIGRATION = importlib.import_module("model.migrations.versions.0008_import_figure_unit")
OLD, NEW = MIGRATION.OLD_UNIT, MIGRATION.IMPORTS_UNIT
# Rows as files made before the change hold them (notes as the demo wrote them then).
ROWS = [
    ("ev-demand", "base_t", 4000, OLD, "Industry estimate of demand, taken as the 2025 base", 0),
    ("ev-fy25", "base_t", 700, OLD, "imports ~700 t in FY25 (imports only, not all demand)", 1),
    ("ev-fy24", "base_t", 460, OLD, "Not re-verified: imports ~460 t in FY24 (imports only)", 0),
    ("ev-spaced", "base_t", 900, OLD + " ", "imports only, not all demand", 0),  # not exact
    ("ev-horizon", "horizon_t", 8000, OLD, "imports only: a note on another figure", 0),
    ("ev-all-pm", "base_t", 53700, "t all permanent magnets (ferrite included)/yr", "imports", 0),
]


def _old_file(path) -> None:
    """A portfolio file at 0007, before this migration, holding the rows above."""
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        command.upgrade(alembic_config(conn), "0007")
        for eid, field, value, unit, note, chosen in ROWS:
            conn.exec_driver_sql(
                "INSERT INTO evidence (id, record_kind, record_id, field_name, value, unit, "
                "source, as_of, note, chosen) VALUES (?, 'demand', 'india', ?, ?, ?, 'A report', "
                "'2025', ?, ?)",
                (eid, field, value, unit, note, chosen),
            )
    engine.dispose()


def _rows(path) -> dict[str, tuple[str, int]]:
    with contextlib.closing(sqlite3.connect(path)) as db:
        return {i: (u, c) for i, u, c in db.execute("SELECT id, unit, chosen FROM evidence")}


def test_an_old_file_gets_the_import_unit_on_its_import_figures_only(tmp_path):
    path = tmp_path / "v7.repm"
    _old_file(path)
    with Store.open(path) as store:
        assert store.backups(), "a backup of the 0007 file comes first"
        units = {e.id: (e.unit, e.chosen) for e in store.list("evidence")}
    assert units["ev-fy25"] == (NEW, 0)  # was in use as demand: it is imports, so not any more
    assert units["ev-fy24"] == (NEW, 0)
    assert units["ev-demand"] == (OLD, 0)  # demand figures keep the demand's unit
    assert units["ev-spaced"] == (OLD + " ", 0)  # not exactly the old unit: left as it is
    assert units["ev-horizon"] == (OLD, 0)  # another figure
    assert units["ev-all-pm"][0] == "t all permanent magnets (ferrite included)/yr"
    with contextlib.closing(sqlite3.connect(path)) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD,)


def test_running_it_again_changes_nothing(tmp_path):
    path = tmp_path / "v7.repm"
    _old_file(path)
    Store.open(path).close()
    once = _rows(path)
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.stamp(alembic_config(conn), "0007")  # as if 0008 had not run
        command.upgrade(alembic_config(conn), "0008")
    engine.dispose()
    assert _rows(path) == once


def test_downgrade_puts_the_old_unit_back(tmp_path):
    path = tmp_path / "v7.repm"
    _old_file(path)
    Store.open(path).close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0007")
    engine.dispose()
    assert {i: u for i, (u, _) in _rows(path).items()} == {r[0]: r[3] for r in ROWS}


def test_the_rule_picks_the_demos_import_figures_and_no_demand_figure():
    """What the migration rewrites is what the demo holds as imports today."""
    demand = [e for e in demo_portfolio().evidence if e.record_kind == "demand"]
    imports = {e.id for e in demand if e.unit == NEW}
    marked = {e.id for e in demand if e.field_name == "base_t" and "imports only" in e.note}
    assert imports and imports == marked
    assert not any("imports only" in e.note for e in demand if e.unit == OLD)
