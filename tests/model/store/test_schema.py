"""The migrated schema and the SQLModel tables agree, so queries and DDL cannot drift apart."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

import model.store.tables  # noqa: F401  (registers the tables on SQLModel.metadata)
from model.store import Store


def test_migrations_match_the_sqlmodel_tables(tmp_path):
    with Store.open(tmp_path / "p.repm") as store, store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    # Differences alembic reports that are only about nullability/defaults of columns the
    # migration spells out more strictly are fine; tables and columns must match.
    structural = [
        d for d in diff if d[0] in ("add_table", "remove_table", "add_column", "remove_column")
    ]
    assert structural == []


def test_revision_list_matches_the_migration_scripts():
    from alembic.script import ScriptDirectory

    from model.migrations import HEAD, REVISIONS
    from model.store.opening import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    assert tuple(r.revision for r in reversed(list(script.walk_revisions()))) == REVISIONS
    assert script.get_current_head() == HEAD
