"""The portfolio store: one SQLite file, every edit its own transaction, changes announced.

There is no unsaved state: each add/update/delete validates in Python (clear messages), writes in
one transaction that the database's own constraints guard again, commits, then tells subscribers
what changed.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.pool import QueuePool

from model.assumptions import Assumptions
from model.demand import Demand
from model.domain import KINDS, Deal
from model.domain import kind as record_kind
from model.fields import LIST, meta
from model.files import private_dir
from model.interchange import describe_validation_error
from model.portfolio import Portfolio
from model.problems import declaration_problems
from model.redaction import DEFAULT_CONFIDENTIAL, check_confidential_fields
from model.rules import (
    deal_problems,
    delete_problems,
    evidence_problems,
    portfolio_problems,
    record_problems,
    scenario_problems,
)
from model.scenario import Scenario, Target
from model.store import backups
from model.store.errors import (
    DiskFull,
    EditNotSaved,
    InvalidContent,
    InvalidEdit,
    NotFound,
    StoreError,
)
from model.store.lock import WriterLock
from model.store.opening import (
    APPLICATION_ID,
    check_header,
    inspect_file,
    integrity_problems,
    upgrade_to_head,
)
from model.store.sqlite import connect, explain, volume_of
from model.store.untouched import unopened_wal_file

# Fields kept as JSON text in their column (lists), by kind, from the declarations.
JSON_FIELDS = {
    name: [f for f, info in k.fields.items() if meta(info).fmt == LIST] for name, k in KINDS.items()
}


@dataclass(frozen=True)
class Edit:
    """One change to records: add (fields = the whole record), update (fields = the changes)
    or delete (cascade: take dependent deals along, detach plants; the record's sourced values
    always go with it). The portfolio-wide figures 'demand' and 'assumptions' take updates
    (record_id ignored), so choosing a sourced value of theirs is one transaction too."""

    action: str  # add | update | delete
    kind: str  # blocks | firms | deals | plants | evidence | demand | assumptions
    record_id: str
    fields: dict[str, Any] = field(default_factory=dict)
    cascade: bool = False


@dataclass(frozen=True)
class Change:
    """What one committed edit changed: a table ('blocks', ..., 'scenarios', 'assumptions',
    'target', 'meta', or '*' for a whole-portfolio replace), the ids touched, and the action."""

    table: str
    ids: tuple[str, ...]
    action: str  # add | update | delete | replace
    fields: tuple[str, ...] = ()  # an update's changed fields (empty: not known, assume any)


def _to_row(kind: str, record: BaseModel) -> dict[str, Any]:
    row = record.model_dump(mode="json")
    for name in JSON_FIELDS[kind]:
        row[name] = json.dumps(row[name])
    return row


def _from_row(kind: str, row: dict[str, Any]) -> BaseModel:
    row = {**row, **{name: json.loads(row[name]) for name in JSON_FIELDS[kind]}}
    return KINDS[kind].record.model_validate(row)


LIST_ADAPTERS = {name: TypeAdapter(list[k.record]) for name, k in KINDS.items()}


def _read_records(conn: Connection, kind: str) -> list[BaseModel]:
    """All records of a kind in insertion order. Straight through the DB-API cursor and one
    pydantic call per table: 10,000 blocks load in a fraction of the ORM's time."""
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        cursor.execute(f"SELECT * FROM {_table(kind)} ORDER BY rowid")
        columns = [d[0] for d in cursor.description]
        rows = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    finally:
        cursor.close()
    for name in JSON_FIELDS[kind]:
        for row in rows:
            row[name] = json.loads(row[name])
    try:
        return LIST_ADAPTERS[kind].validate_python(rows)
    except ValidationError as exc:  # name the record by its id, not its position
        where = exc.errors()[0]["loc"]
        problem = describe_validation_error(exc)[0].split(".", 1)[-1]
        record = rows[where[0]].get("id") if where and isinstance(where[0], int) else "?"
        raise ValueError(f"{KINDS[kind].singular} '{record}' {problem}") from None


def _pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    dbapi_connection.isolation_level = None  # transactions begin where SQLAlchemy begins them
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")  # a laptop can lose power mid-negotiation
    cursor.close()


def _read_only_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    dbapi_connection.isolation_level = None
    dbapi_connection.execute("PRAGMA query_only=ON")


def _engine(path: Path, *, read_only: bool, immutable: bool = False) -> Engine:
    """Connections through a `file:` URI (any file name works; see sqlite.py). A read-only
    engine changes nothing in the file: no journal-mode switch, no writes.

    Python's sqlite3 would begin a transaction only at the first INSERT/UPDATE, so an edit's
    reads and checks ran outside it and a write by someone else in between was overwritten.
    Here every transaction begins with the reads (IMMEDIATE: holding the write lock), so what
    an edit checked is what it writes over."""
    engine = create_engine(
        "sqlite://",
        creator=lambda: connect(path, "ro" if read_only else "rw", immutable=immutable),
        poolclass=QueuePool,
    )
    event.listen(engine, "connect", _read_only_pragmas if read_only else _pragmas)
    begin = "BEGIN" if read_only else "BEGIN IMMEDIATE"
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql(begin))
    return engine


class Store:
    """An open portfolio file. Use `Store.open(path)`; close it (or use `with`).

    Opened for writing (the default) it holds the file's writer lock: one writer per file.
    Opened with `read_only=True` it writes nothing at all and every edit is refused."""

    def __init__(
        self,
        path: Path,
        backup_folder: Path | None,
        keep_backups: int,
        *,
        read_only: bool = False,
        lock: WriterLock | None = None,
        immutable: bool = False,
    ):
        self.path = path
        self.backup_folder = backup_folder
        self.keep_backups = keep_backups
        self.read_only = read_only
        self.warnings: list[str] = []  # said once after opening (e.g. no backup could be made)
        self._lock = lock
        self._opened: Portfolio | None = None  # the portfolio checked while opening, read once
        self.engine = _engine(path, read_only=read_only, immutable=immutable)
        self._subscribers: list[Callable[[list[Change]], None]] = []

    # --- opening ---------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        create: bool = True,
        read_only: bool = False,
        keep_backups: int = backups.DEFAULT_KEEP,
        backup_folder: Path | None = None,
    ) -> Store:
        """Open (or create) a portfolio file. Raises a StoreError subclass, leaving the file as
        it was, when it is not a portfolio, is damaged, read-only, from a newer app, holds
        records the rules refuse, or is open for writing elsewhere (InUse).

        Every check runs read-only first; only an accepted file is written to (journal mode,
        backup, migration)."""
        path = Path(path).expanduser().absolute()
        if read_only:
            return cls._open_read_only(path, backup_folder, keep_backups)
        if not path.exists() and not create:
            raise NotFound(path, "no such portfolio file")
        if path.exists():
            check_header(path, backups.list_backups(path, backup_folder), for_writing=True)
        else:
            _make_folder(path)
        lock = _acquire(path)
        try:
            if not path.exists():
                try:
                    _create_empty(path)
                except (OSError, SQLAlchemyError, sqlite3.Error) as exc:
                    raise explain(path, exc) from None
                return cls(path, backup_folder, keep_backups, lock=lock)
            return cls._open_for_writing(path, backup_folder, keep_backups, lock)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _open_read_only(cls, path: Path, backup_folder: Path | None, keep: int) -> Store:
        state = inspect_file(path, backup_folder, for_writing=False)
        if state.needs_migration:
            raise StoreError(
                path,
                "was written by an older version of the REPM planner; open it for writing "
                "once (it is backed up, then updated)",
            )
        store = cls(path, backup_folder, keep, read_only=True)
        try:
            store._opened = store._checked_contents()
        except BaseException:
            store.close()
            raise
        return store

    @classmethod
    def _open_for_writing(
        cls, path: Path, backup_folder: Path | None, keep: int, lock: WriterLock
    ) -> Store:
        state = inspect_file(path, backup_folder)
        warnings: list[str] = []
        if state.needs_migration:
            try:
                backups.make_backup(path, keep, backup_folder)  # always, before migrating
            except (OSError, sqlite3.Error) as exc:
                raise explain(path, exc) from None
            store = cls(path, backup_folder, keep, lock=lock)
            try:
                with store.engine.begin() as conn:
                    upgrade_to_head(conn)
                store._opened = store._checked_contents()
            except BaseException as exc:
                store.engine.dispose()
                if isinstance(exc, SQLAlchemyError | sqlite3.Error | OSError):
                    raise explain(path, exc) from None
                raise
            return store
        # Holding the writer lock, with no -wal beside it, the file alone is all there is: read
        # it as such, so a refusal leaves no -wal or -shm behind.
        reader = cls(path, backup_folder, keep, read_only=True, immutable=unopened_wal_file(path))
        try:
            opened = reader._checked_contents()
        finally:
            reader.engine.dispose()
        try:
            backups.backup_if_changed(path, keep, backup_folder)
        except (OSError, sqlite3.Error) as exc:
            where = backups.backup_folder_of(path, backup_folder)
            reason = explain(where, exc)
            said = f"no space left on {volume_of(where)}" if isinstance(reason, DiskFull) else None
            warnings.append(f"no backup made in {where}: {said or reason.problem}")
        store = cls(path, backup_folder, keep, lock=lock)
        try:
            with store.engine.connect():
                pass  # the first connection switches to WAL: a full disk or a lock shows here
        except SQLAlchemyError as exc:
            store.engine.dispose()
            raise explain(path, exc) from None
        store._opened, store.warnings = opened, warnings
        return store

    def _checked_contents(self) -> Portfolio:
        """The whole portfolio, read and validated; a StoreError says what the file holds that
        the planner cannot use."""
        try:
            return self._load()
        except (SQLAlchemyError, sqlite3.Error, OSError) as exc:
            raise explain(self.path, exc, self.backups()) from None

    def close(self) -> None:
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        elif self.read_only:
            _tidy_after_reading(self.path)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- notification ----------------------------------------------------------------------

    def subscribe(self, callback: Callable[[list[Change]], None]) -> Callable[[], None]:
        """Call `callback(changes)` once after every committed transaction, with what it
        changed; returns an unsubscribe function."""
        self._subscribers.append(callback)
        return lambda: self._subscribers.remove(callback)

    def _announce(self, *changes: Change) -> None:
        for callback in list(self._subscribers):
            callback(list(changes))

    @contextmanager
    def _transaction(self) -> Iterator[Connection]:
        """One edit = one transaction; a constraint the database enforces becomes InvalidEdit,
        a write the disk or another program refuses EditNotSaved (rolled back, file intact)."""
        if self.read_only:
            raise EditNotSaved([f"not saved: {self.path.name} is open read-only"])
        try:
            with self.engine.begin() as conn:
                yield conn
                _count_edit(conn)
        except IntegrityError as exc:
            raise InvalidEdit([f"refused by the portfolio file: {exc.orig}"]) from None
        except (SQLAlchemyError, sqlite3.Error, OSError) as exc:
            problem = explain(self.path, exc).problem
            if problem.startswith(("is ", "cannot ", "could ")):
                problem = f"the file {problem}"
            raise EditNotSaved([f"not saved: {problem}"]) from None
        self._opened = None

    # --- records ---------------------------------------------------------------------------

    def list(self, kind: str) -> list[BaseModel]:
        with self.engine.connect() as conn:
            return _read_records(conn, kind)

    def get(self, kind: str, record_id: str) -> BaseModel:
        with self.engine.connect() as conn:
            return _get(conn, kind, record_id)

    def add(self, kind: str, record: BaseModel | dict[str, Any]) -> BaseModel:
        fields = record.model_dump() if isinstance(record, BaseModel) else dict(record)
        self.apply([Edit("add", kind, str(fields.get("id", "")), fields)])
        return self.get(kind, fields["id"])

    def update(self, kind: str, record_id: str, **fields: Any) -> BaseModel:
        """Change some fields of one record; returns the record as stored."""
        self.apply([Edit("update", kind, record_id, fields)])
        return self.get(kind, record_id)

    def delete(self, kind: str, record_id: str, *, cascade: bool = False) -> list[str]:
        """Delete a record. Deals on a block or firm (and a firm's plants) block the delete
        unless `cascade`: then its deals go too and its plants lose their firm, in the same
        transaction. Returns the ids of the deals deleted with it."""
        changes = self.apply([Edit("delete", kind, record_id, cascade=cascade)])
        return [i for c in changes if c.table == "deals" and c.action == "delete" for i in c.ids]

    def apply(self, edits: Sequence[Edit]) -> list[Change]:
        """Several edits as one transaction: all of them land, or none (one undo step)."""
        changes: list[Change] = []
        with self._transaction() as conn:
            for edit in edits:
                changes += self._apply_one(conn, edit)
        self._announce(*changes)
        return changes

    def _apply_one(self, conn: Connection, edit: Edit) -> list[Change]:
        if edit.kind in WHOLE_FIGURES:
            return [_update_whole(conn, edit)]
        kind = _table(edit.kind)
        if edit.action == "add":
            record = _validated(kind, edit.fields)
            self._check_fits(conn, kind, record, replacing=None)
            row = _to_row(kind, record)
            columns, values = ", ".join(row), ", ".join(f":{c}" for c in row)
            conn.execute(text(f"INSERT INTO {kind} ({columns}) VALUES ({values})"), row)
            return [Change(kind, (record.id,), "add")]
        current = _get(conn, kind, edit.record_id)  # KeyError when absent
        if edit.action == "update":
            if "id" in edit.fields and edit.fields["id"] != edit.record_id:
                raise InvalidEdit([f"{kind}.id: ids cannot be changed (add a new record instead)"])
            record = _validated(kind, {**current.model_dump(), **edit.fields})
            self._check_fits(conn, kind, record, replacing=edit.record_id)
            row, old = _to_row(kind, record), _to_row(kind, current)
            # Only the columns that changed: another writer's change to other fields survives.
            columns = [c for c in row if c != "id" and row[c] != old[c]]
            if columns:
                assignments = ", ".join(f"{c} = :{c}" for c in columns)
                conn.execute(text(f"UPDATE {kind} SET {assignments} WHERE id = :id"), row)
            changed = tuple(f for f in edit.fields if getattr(current, f) != getattr(record, f))
            return [Change(kind, (edit.record_id,), "update", changed)]
        if edit.action != "delete":
            raise ValueError(f"unknown edit action '{edit.action}'")
        changes = []
        dependents = [
            (child, column, _ids_where(conn, child, column, edit.record_id))
            for child, column in KINDS[kind].dependents()
        ]
        for child, _, ids in dependents:
            if ids and not edit.cascade:
                raise InvalidEdit(
                    [
                        f"{KINDS[kind].singular} '{edit.record_id}' has {len(ids)} {child}: "
                        "delete those first"
                    ]
                )
        deleted = {kind: {edit.record_id}}
        deleted.setdefault("deals", set()).update(*(i for c, _, i in dependents if c == "deals"))
        problems = delete_problems(deleted, _read_scenarios(conn))
        if problems:
            raise InvalidEdit(problems)
        for child, column, ids in dependents:
            if ids:
                if child == "deals":
                    conn.execute(
                        text(f"DELETE FROM deals WHERE {column} = :id"), {"id": edit.record_id}
                    )
                    changes.append(Change("deals", ids, "delete"))
                else:
                    conn.execute(
                        text(f"UPDATE {child} SET {column} = NULL WHERE {column} = :id"),
                        {"id": edit.record_id},
                    )
                    changes.append(Change(child, ids, "update", (column,)))
        sourced = _ids_where_figure(conn, kind, edit.record_id)
        if sourced:  # its sourced values mean nothing without it
            conn.execute(
                text("DELETE FROM evidence WHERE record_kind = :k AND record_id = :id"),
                {"k": kind, "id": edit.record_id},
            )
            changes.append(Change("evidence", sourced, "delete"))
        conn.execute(text(f"DELETE FROM {kind} WHERE id = :id"), {"id": edit.record_id})
        return [*changes, Change(kind, (edit.record_id,), "delete")]

    def _check_fits(self, conn: Connection, kind: str, record: BaseModel, replacing: str | None):
        """The portfolio's rules (model/rules.py), asked of the open transaction: only the few
        rows a record involves are read."""
        facts = SqlFacts(conn)
        problems = record_problems(kind, record, facts, new=replacing is None)
        if kind == "deals":
            problems += deal_problems(record, facts)
        if kind == "evidence":
            problems += evidence_problems(record, facts)
        if problems:
            raise InvalidEdit(problems)

    # --- scenarios, assumptions, target, name -----------------------------------------------

    def scenarios(self) -> list[Scenario]:
        with self.engine.connect() as conn:
            return _read_scenarios(conn)

    def put_scenario(self, scenario: Scenario, *, replacing: str | None = None) -> None:
        """Add a scenario, or replace the one named `replacing` (which may rename it)."""
        body = scenario.model_dump_json()
        with self._transaction() as conn:
            problems = scenario_problems(scenario, SqlFacts(conn), replacing=replacing)
            if problems:
                raise InvalidEdit(problems)
            if replacing is not None:
                conn.execute(
                    text("UPDATE scenarios SET name = :n, body = :b WHERE name = :old"),
                    {"n": scenario.name, "b": body, "old": replacing},
                )
            else:
                conn.execute(
                    text("INSERT INTO scenarios (name, body) VALUES (:n, :b)"),
                    {"n": scenario.name, "b": body},
                )
        self._announce(Change("scenarios", (scenario.name,), "update" if replacing else "add"))

    def replace_scenarios(self, scenarios: Sequence[Scenario]) -> None:
        """Make the stored scenarios exactly `scenarios`, in that order, in one transaction
        (an undo that puts a deleted scenario back in its place)."""
        names = [x.name for x in scenarios]
        if len(set(names)) != len(names):
            raise InvalidEdit(["scenarios: names must be unique"])
        with self._transaction() as conn:
            conn.execute(text("DELETE FROM scenarios"))
            for scenario in scenarios:
                problems = scenario_problems(scenario, SqlFacts(conn), replacing=None)
                if problems:
                    raise InvalidEdit(problems)
                conn.execute(
                    text("INSERT INTO scenarios (name, body) VALUES (:n, :b)"),
                    {"n": scenario.name, "b": scenario.model_dump_json()},
                )
        self._announce(Change("scenarios", tuple(names), "replace"))

    def delete_scenario(self, name: str) -> None:
        with self._transaction() as conn:
            conn.execute(text("DELETE FROM scenarios WHERE name = :n"), {"n": name})
        self._announce(Change("scenarios", (name,), "delete"))

    def assumptions(self) -> Assumptions:
        with self.engine.connect() as conn:
            return _read_assumptions(conn)

    def set_assumptions(self, assumptions: Assumptions) -> None:
        with self._transaction() as conn:
            _write_assumptions(conn, assumptions)
        self._announce(Change("assumptions", (), "update"))

    def target(self) -> Target:
        with self.engine.connect() as conn:
            return _read_target(conn)

    def set_target(self, target: Target) -> None:
        with self._transaction() as conn:
            _write_target(conn, target)
        self._announce(Change("target", (), "update"))

    def demand(self) -> Demand:
        with self.engine.connect() as conn:
            meta = _meta(conn)
        return Demand.model_validate_json(meta["demand"]) if "demand" in meta else Demand()

    def set_demand(self, demand: Demand) -> None:
        demand = Demand.model_validate(demand.model_dump())
        with self._transaction() as conn:
            _set_meta(conn, "demand", demand.model_dump_json())
        self._announce(Change("meta", ("demand",), "update"))

    def name(self) -> str:
        with self.engine.connect() as conn:
            return _meta(conn).get("name", "Portfolio")

    def confidential_fields(self) -> list[str]:
        with self.engine.connect() as conn:
            meta = _meta(conn)
        if "confidential_fields" not in meta:
            return list(DEFAULT_CONFIDENTIAL)
        return json.loads(meta["confidential_fields"])

    def set_confidential_fields(self, names: list[str]) -> None:
        problems = check_confidential_fields(names)
        if problems:
            raise InvalidEdit(problems)
        with self._transaction() as conn:
            _set_meta(conn, "confidential_fields", json.dumps(list(dict.fromkeys(names))))
        self._announce(Change("meta", ("confidential_fields",), "update"))

    def set_name(self, name: str) -> None:
        if not name.strip():
            raise InvalidEdit(["name: must not be empty"])
        with self._transaction() as conn:
            _set_meta(conn, "name", name.strip())
        self._announce(Change("meta", ("name",), "update"))

    # --- whole portfolio -------------------------------------------------------------------

    def load_portfolio(self) -> Portfolio:
        """Everything in the file as one validated Portfolio (the model's input). Raises
        InvalidContent when the file holds something the rules refuse."""
        if self._opened is not None:  # checked while opening, nothing written since
            portfolio, self._opened = self._opened, None
            return portfolio
        return self._load()

    def _load(self) -> Portfolio:
        part = "meta"
        try:
            with self.engine.connect() as conn:
                meta = _meta(conn)
                data: dict[str, Any] = {"name": meta.get("name", "Portfolio")}
                if "confidential_fields" in meta:
                    part = "confidential_fields"
                    data["confidential_fields"] = json.loads(meta["confidential_fields"])
                for kind in KINDS:
                    part = kind
                    data[kind] = _read_records(conn, kind)
                part = "assumptions"
                data["assumptions"] = _read_assumptions(conn)
                part = "target"
                data["target"] = _read_target(conn)
                if "demand" in meta:
                    part = "demand"
                    data["demand"] = json.loads(meta["demand"])
                part = "scenarios"
                data["scenarios"] = _read_scenarios(conn)
            part = "the links between records"
            return Portfolio(**data)
        except (ValueError, TypeError, KeyError) as exc:  # ValidationError, bad JSON or UTF-8
            raise self._unreadable(part, _first_problem(exc)) from None
        except (sqlite3.OperationalError, SQLAlchemyError) as exc:
            if "decode" in str(exc):
                raise self._unreadable(part, "text that is not valid UTF-8") from None
            if "no such" in str(exc):  # a table or column another program dropped
                raise self._unreadable(part, str(getattr(exc, "orig", exc))) from None
            raise

    def _unreadable(self, part: str, problem: str) -> InvalidContent:
        return InvalidContent(
            self.path,
            f"holds data that breaks its rules in {part}: {problem}; it may have been changed "
            "by another program",
            self.backups(),
        )

    def replace_portfolio(self, portfolio: Portfolio) -> None:
        """Make the file hold exactly `portfolio`, all or nothing (one transaction)."""
        with self._transaction() as conn:
            problems = portfolio_problems(portfolio)  # checked when made; once more, in here
            if problems:
                raise InvalidEdit(problems)
            for table in (
                *("evidence", "deals", "plants", "blocks", "firms", "scenarios", "target_path"),
            ):
                conn.execute(text(f"DELETE FROM {table}"))
            for kind in ("firms", "blocks", "deals", "plants", "evidence"):
                rows = [_to_row(kind, r) for r in getattr(portfolio, kind)]
                if rows:
                    columns = list(rows[0])
                    conn.execute(
                        text(
                            f"INSERT INTO {kind} ({', '.join(columns)}) "
                            f"VALUES ({', '.join(':' + c for c in columns)})"
                        ),
                        rows,
                    )
            for scenario in portfolio.scenarios:
                conn.execute(
                    text("INSERT INTO scenarios (name, body) VALUES (:n, :b)"),
                    {"n": scenario.name, "b": scenario.model_dump_json()},
                )
            _write_assumptions(conn, portfolio.assumptions)
            _write_target(conn, portfolio.target)
            _set_meta(conn, "demand", portfolio.demand.model_dump_json())
            _set_meta(conn, "name", portfolio.name)
            _set_meta(conn, "confidential_fields", json.dumps(portfolio.confidential_fields))
        self._announce(Change("*", (), "replace"))

    def is_empty(self) -> bool:
        with self.engine.connect() as conn:
            return not any(
                conn.execute(text(f"SELECT 1 FROM {kind} LIMIT 1")).first() for kind in KINDS
            )

    def integrity_problems(self) -> list[str]:
        return integrity_problems(self.path)

    def backup(self) -> Path:
        return backups.make_backup(self.path, self.keep_backups, self.backup_folder)

    def backups(self) -> list[Path]:
        return backups.list_backups(self.path, self.backup_folder)


# --- helpers ---------------------------------------------------------------------------------


def _table(kind: str) -> str:
    return record_kind(kind).table


def _get(conn: Connection, kind: str, record_id: str) -> BaseModel:
    row = (
        conn.execute(text(f"SELECT * FROM {_table(kind)} WHERE id = :id"), {"id": record_id})
        .mappings()
        .first()
    )
    if row is None:
        raise KeyError(f"no {KINDS[kind].singular} with id '{record_id}'")
    return _from_row(kind, dict(row))


def _validated(kind: str, record: BaseModel | dict[str, Any]) -> BaseModel:
    model = record_kind(kind).record
    data = record.model_dump() if isinstance(record, BaseModel) else record
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InvalidEdit(declaration_problems(kind, data, exc.errors())) from None


def _count_edit(conn: Connection) -> None:
    """Raise the file's edit counter (backups compare it to skip unchanged files)."""
    conn.execute(
        text(
            "INSERT INTO meta (key, value) VALUES ('edits', '1') "
            "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
        )
    )


class SqlFacts:
    """What the rules ask (model/rules.py `Facts`), answered by indexed queries in a transaction."""

    def __init__(self, conn: Connection):
        self.conn = conn

    def id_owner(self, kind: str, record_id: str) -> str | None:
        found = self.conn.execute(text(f"SELECT 1 FROM {kind} WHERE id = :id"), {"id": record_id})
        return "" if found.first() else None

    def name_owner(self, kind: str, name: str, record_id: str) -> str | None:
        clash = self.conn.execute(
            text(f"SELECT id FROM {kind} WHERE name = :name AND id != :id"),
            {"name": name, "id": record_id},
        ).first()
        return clash[0] if clash else None

    def deals_on_block(self, block_id: str) -> list[Deal]:
        rows = self.conn.execute(text("SELECT * FROM deals WHERE block_id = :b"), {"b": block_id})
        return [_from_row("deals", dict(r)) for r in rows.mappings()]

    def record_name(self, kind: str, record_id: str) -> str | None:
        if "name" not in KINDS[kind].fields:
            return None
        found = self.conn.execute(
            text(f"SELECT name FROM {kind} WHERE id = :id"), {"id": record_id}
        )
        row = found.first()
        return row[0] if row else None

    def scenario_names(self) -> list[str]:
        return [r[0] for r in self.conn.execute(text("SELECT name FROM scenarios"))]


def _ids_where_figure(conn: Connection, kind: str, record_id: str) -> tuple[str, ...]:
    """The sourced values (evidence ids) of one record's figures."""
    rows = conn.execute(
        text("SELECT id FROM evidence WHERE record_kind = :k AND record_id = :id"),
        {"k": kind, "id": record_id},
    )
    return tuple(r[0] for r in rows)


# Portfolio-wide figures an Edit may update: how each is read, written and announced.
WHOLE_FIGURES = ("demand", "assumptions")


def _update_whole(conn: Connection, edit: Edit) -> Change:
    """Set some fields of the demand path or the assumptions inside the open transaction."""
    if edit.action != "update":
        raise InvalidEdit([f"{edit.kind}: can only be updated, not '{edit.action}'"])
    meta = _meta(conn)
    if edit.kind == "demand":
        before: BaseModel = (
            Demand.model_validate_json(meta["demand"]) if "demand" in meta else Demand()
        )
    else:
        before = _read_assumptions(conn)
    try:
        after = type(before).model_validate({**before.model_dump(), **edit.fields})
    except ValidationError as exc:
        raise InvalidEdit([f"{edit.kind}.{p}" for p in describe_validation_error(exc)]) from None
    changed = tuple(f for f in edit.fields if getattr(before, f) != getattr(after, f))
    if edit.kind == "demand":
        _set_meta(conn, "demand", after.model_dump_json())
        return Change("meta", ("demand",), "update", changed)
    _write_assumptions(conn, after)
    return Change("assumptions", (), "update", changed)


def _ids_where(conn: Connection, kind: str, column: str, value: str) -> tuple[str, ...]:
    rows = conn.execute(text(f"SELECT id FROM {kind} WHERE {column} = :v"), {"v": value})
    return tuple(r[0] for r in rows)


def _read_scenarios(conn: Connection) -> list[Scenario]:
    rows = conn.execute(text("SELECT body FROM scenarios ORDER BY rowid"))
    return [Scenario.model_validate_json(r[0]) for r in rows]


def _meta(conn: Connection) -> dict[str, str]:
    return dict(conn.execute(text("SELECT key, value FROM meta")).all())


def _set_meta(conn: Connection, key: str, value: str) -> None:
    conn.execute(
        text(
            "INSERT INTO meta (key, value) VALUES (:k, :v) ON CONFLICT(key) DO UPDATE SET value = :v"
        ),
        {"k": key, "v": value},
    )


def _read_assumptions(conn: Connection) -> Assumptions:
    data: dict[str, Any] = {"sources": {}}
    rows = conn.execute(text("SELECT name, coalesce(text_value, value), source FROM assumptions"))
    for name, value, source in rows:
        table, _, key = name.partition(".")
        if key:
            data.setdefault(table, {})[key] = value
        else:
            data[name] = value
        if source is not None:
            data["sources"][name] = source
    return Assumptions.model_validate(data)


def _write_assumptions(conn: Connection, assumptions: Assumptions) -> None:
    rows = []
    dumped = assumptions.model_dump(mode="json")
    sources = dumped.pop("sources")
    for name, value in dumped.items():
        items = value.items() if isinstance(value, dict) else [(None, value)]
        for key, v in items:
            full = f"{name}.{key}" if key else name
            word = v if isinstance(v, str) else None
            rows.append({"n": full, "v": None if word else v, "w": word, "s": sources.get(full)})
    conn.execute(text("DELETE FROM assumptions"))
    conn.execute(
        text("INSERT INTO assumptions (name, value, text_value, source) VALUES (:n, :v, :w, :s)"),
        rows,
    )


def _read_target(conn: Connection) -> Target:
    meta = _meta(conn)
    path = dict(conn.execute(text("SELECT year, tpa FROM target_path ORDER BY year")).all())
    data: dict[str, Any] = {"path": path}
    if "target_default_tpa" in meta:
        data["default_tpa"] = float(meta["target_default_tpa"])
    if "target_source" in meta:
        data["source"] = meta["target_source"]
    return Target.model_validate(data)


def _write_target(conn: Connection, target: Target) -> None:
    conn.execute(text("DELETE FROM target_path"))
    rows = [{"y": y, "t": t} for y, t in target.path.items()]
    if rows:
        conn.execute(text("INSERT INTO target_path (year, tpa) VALUES (:y, :t)"), rows)
    _set_meta(conn, "target_default_tpa", repr(float(target.default_tpa)))
    _set_meta(conn, "target_source", target.source)


def _tidy_after_reading(path: Path) -> None:
    """Reading a WAL file leaves an empty -wal and -shm beside it. When no one else has it open,
    let SQLite remove them as a writer's last close does; an empty -wal means nothing is
    written to the file itself. Anyone else there (a reader, a writer): leave them."""
    wal = Path(f"{path}-wal")
    try:
        if not wal.exists() or wal.stat().st_size:
            return
        lock = WriterLock.acquire(path)
    except (OSError, StoreError):
        return
    try:  # a read opens the WAL; the close deletes -wal and -shm if it is the last connection
        with contextlib.closing(connect(path, "rw")) as db:
            db.execute("PRAGMA schema_version").fetchone()
    except sqlite3.Error:
        pass
    finally:
        lock.release()


def _first_problem(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        problems = describe_validation_error(exc)
        more = f" and {len(problems) - 1} more" if len(problems) > 1 else ""
        return f"{problems[0]}{more}" if problems else str(exc)
    if isinstance(exc, json.JSONDecodeError):
        return f"invalid JSON: {exc.msg}"
    if isinstance(exc, UnicodeError):
        return "text that is not valid UTF-8"
    return str(exc) or type(exc).__name__


def _make_folder(path: Path) -> None:
    try:
        private_dir(path.parent)
    except OSError as exc:
        raise explain(path, exc) from None


def _acquire(path: Path) -> WriterLock:
    try:
        return WriterLock.acquire(path)
    except OSError as exc:  # the folder cannot be written
        raise explain(path, exc) from None


def _create_empty(path: Path) -> None:
    """Build a new file beside its destination and move it into place: never half a file.
    mkstemp makes it owner-only (0600), and SQLite gives its -wal and -shm the same mode."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".new", dir=path.parent)
    os.close(fd)
    try:
        engine = create_engine("sqlite://", creator=lambda: connect(tmp, "rw"), poolclass=QueuePool)
        with engine.begin() as conn:
            conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            upgrade_to_head(conn)
            _write_assumptions(conn, Assumptions())
            _write_target(conn, Target())
            _set_meta(conn, "name", path.stem)
        engine.dispose()
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
