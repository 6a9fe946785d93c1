"""The migrated schema agrees with the record declarations (model/domain.py), so the file's DDL
and the model cannot drift apart: columns, nullability, ranges, choices, references."""

import enum
import re
import sqlite3
import typing

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

import model.store.tables  # noqa: F401  (registers the tables on SQLModel.metadata)
from model import fields as f
from model.assumptions import TABLES
from model.domain import KINDS
from model.store import Store


@pytest.fixture(scope="module")
def schema(tmp_path_factory):
    path = tmp_path_factory.mktemp("schema") / "p.repm"
    Store.open(path).close()
    db = sqlite3.connect(path)
    yield db
    db.close()


def test_migrations_match_the_sqlmodel_tables(tmp_path):
    with Store.open(tmp_path / "p.repm") as store, store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    structural = [
        d for d in diff if d[0] in ("add_table", "remove_table", "add_column", "remove_column")
    ]
    assert structural == []


def _sql(db: sqlite3.Connection, table: str) -> str:
    return db.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]


@pytest.mark.parametrize("kind", list(KINDS))
def test_columns_and_nullability_follow_the_declaration(schema, kind):
    columns = {row[1]: row for row in schema.execute(f"PRAGMA table_info({kind})")}
    declared = KINDS[kind].fields
    assert set(columns) == set(declared)
    for name, info in declared.items():
        not_null = bool(columns[name][3]) or bool(columns[name][5])  # NOT NULL or primary key
        assert not_null == (not f.optional(info)), f"{kind}.{name}"


@pytest.mark.parametrize("kind", list(KINDS))
def test_ranges_and_choices_in_the_file_are_the_declared_ones(schema, kind):
    sql = _sql(schema, kind)
    for name, info in KINDS[kind].fields.items():
        low, high = f.bounds(info)
        if low is not None and high is not None:
            assert re.search(rf"\b{name} BETWEEN {low:g} AND {high:g}\b", sql), f"{kind}.{name}"
        elif low is not None:
            assert re.search(rf"\b{name} >= {low:g}\b", sql), f"{kind}.{name}"
        else:
            assert not re.search(rf"\b{name} (BETWEEN|>=)", sql), f"{kind}.{name}: undeclared range"
        choices = next(
            (
                c
                for c in (info.annotation, *typing.get_args(info.annotation))
                if isinstance(c, type) and issubclass(c, enum.Enum)
            ),
            None,
        )
        if choices is not None and f.meta(info).fmt == f.CHOICE:
            listed = ", ".join(f"'{c.value}'" for c in choices)
            assert f"{name} IN ({listed})" in sql, f"{kind}.{name}"


@pytest.mark.parametrize("kind", list(KINDS))
def test_references_in_the_file_are_the_declared_ones(schema, kind):
    in_file = {(row[3], row[2]) for row in schema.execute(f"PRAGMA foreign_key_list({kind})")}
    declared = {
        (name, f.meta(info).refers_to)
        for name, info in KINDS[kind].fields.items()
        if f.meta(info).fmt == f.REFERENCE
    }
    assert in_file == declared


def test_assumption_ranges_in_the_file_are_the_declared_ones(schema):
    sql = _sql(schema, "assumptions")
    for spec in TABLES.values():
        assert f"BETWEEN {spec.low:g} AND {spec.high:g}" in sql


def test_revision_list_matches_the_migration_scripts():
    from alembic.script import ScriptDirectory

    from model.migrations import HEAD, REVISIONS
    from model.store.opening import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    assert tuple(r.revision for r in reversed(list(script.walk_revisions()))) == REVISIONS
    assert script.get_current_head() == HEAD
