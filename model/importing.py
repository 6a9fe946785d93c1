"""Imports, as the CLI and the desktop both run them: read a .json, .xlsx or .csv file whole
(every problem listed, nothing touched), then apply it to the current portfolio.

A .json or .xlsx file replaces the portfolio; a .csv file adds or replaces records of one kind
by id. Either way the fields the file leaves out (a redacted export) keep the portfolio's values
(`model.left_out`), and the result is validated as a whole before anything is written.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from model.csv_records import CSV_KINDS, csv_rows, kind_of_csv, records_from_rows
from model.domain import KINDS as RECORD_KINDS
from model.file_places import in_column
from model.interchange import (
    InvalidPortfolio,
    describe_validation_error,
    load_json,
    portfolio_from_dict,
    with_record_ids,
)
from model.left_out import Kept, keep_left_out
from model.portfolio import Portfolio
from model.problems import Problem
from model.tabular import (
    left_out_of_rows,
    left_out_of_sheets,
    portfolio_from_sheets,
    workbook_sheets,
)

KINDS = tuple(RECORD_KINDS)


@dataclass
class Incoming:
    """A file read and checked on its own: a whole portfolio, or records of one kind."""

    source: str
    portfolio: Portfolio | None = None  # .json, .xlsx
    kind: str | None = None  # .csv
    records: list[BaseModel] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)  # 'kind.field's the file does not carry
    places: dict[str, str] = field(default_factory=dict)  # a CSV record's line, by id
    kind_note: str = ""  # how a CSV's kind was told when no one said it

    @property
    def replaces(self) -> bool:
        return self.portfolio is not None


def read_import(path: str | os.PathLike[str], kind: str | None = None) -> Incoming:
    """Read any import file; raises InvalidPortfolio with every problem (UnknownTable for a CSV
    whose kind is neither given nor told by its name or header row)."""
    source = str(path)
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        rows, places, note = csv_rows(path), {}, ""
        if kind is None:
            kind, note = kind_of_csv(path, rows)
        elif kind not in CSV_KINDS:
            raise ValueError(f"--kind must be one of {', '.join(CSV_KINDS)}")
        records = records_from_rows(rows, kind, source, places)
        left_out = left_out_of_rows(rows, kind)
        return Incoming(
            source,
            kind=kind,
            records=records,
            left_out=left_out,
            places=places,
            kind_note=note,
        )
    if suffix == ".xlsx":
        sheets = workbook_sheets(path)
        return Incoming(
            source, portfolio_from_sheets(sheets, source), left_out=left_out_of_sheets(sheets)
        )
    data = load_json(path)
    portfolio = portfolio_from_dict(data, source)
    return Incoming(source, portfolio, left_out=list(data.get("redacted_fields", [])))


def apply_import(incoming: Incoming, current: Portfolio) -> tuple[Portfolio, Kept]:
    """The portfolio after the import, validated whole, and what it kept from `current`."""
    kept = Kept(list(incoming.left_out))
    if incoming.portfolio is not None:
        data = incoming.portfolio.model_dump()
        for kind in KINDS:
            records = keep_left_out(
                kind,
                getattr(incoming.portfolio, kind),
                getattr(current, kind),
                incoming.left_out,
                kept,
            )
            data[kind] = [r.model_dump() for r in records]
    else:
        assert incoming.kind is not None
        records = keep_left_out(
            incoming.kind,
            incoming.records,
            getattr(current, incoming.kind),
            incoming.left_out,
            kept,
        )
        merged = {r.id: r for r in getattr(current, incoming.kind)}
        merged.update({r.id: r for r in records})
        data = current.model_dump()
        data[incoming.kind] = [r.model_dump() for r in merged.values()]
    try:
        return Portfolio.model_validate(data), kept
    except ValidationError as exc:
        problems = describe_validation_error(exc)
        problems = [_in_file_terms(p, data, incoming) for p in problems]
        raise InvalidPortfolio(incoming.source, problems) from None


def _in_file_terms(problem: str, data: dict, incoming: Incoming) -> str:
    """A merged portfolio's problem with a record of the CSV's kind as the CSV's 'deals.csv line
    6 (id x), column firm_id: ...' when the record came from the CSV; otherwise as it is (a
    field's error in a record kept from the portfolio named by index and id)."""
    if isinstance(problem, Problem):
        if problem.kind == incoming.kind and problem.record_id in incoming.places:
            row = incoming.places[problem.record_id]
            at = in_column(row, problem.field) if problem.field else row
            return f"{at}: {problem.message}"
        return problem
    found = re.match(rf"^{incoming.kind}\[(\d+)\]\.(\w+): ", problem) if incoming.kind else None
    if found:
        record_id = data[incoming.kind][int(found[1])].get("id")
        if record_id in incoming.places:
            return f"{in_column(incoming.places[record_id], found[2])}: {problem[found.end() :]}"
    return with_record_ids(problem, data)


def write_new_portfolio_file(path: str | os.PathLike[str], portfolio: Portfolio) -> None:
    """Create `path` holding `portfolio`, or nothing at all: the file is built under a temporary
    name beside it and appears only once complete (never over a file that appeared meanwhile)."""
    from model.files import private_dir
    from model.store import Store

    path = Path(path).expanduser().absolute()
    private_dir(path.parent)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.importing")
    try:
        with Store.open(tmp) as store:
            store.replace_portfolio(portfolio)
        try:
            os.link(tmp, path)  # fails if `path` exists: nothing is overwritten
        except FileExistsError:
            raise FileExistsError(f"{path} appeared while importing; nothing was written") from None
        except OSError:  # a file system without hard links
            if path.exists():
                raise FileExistsError(f"{path} appeared while importing") from None
            os.replace(tmp, path)
    finally:
        for leftover in (tmp, *(tmp.with_name(tmp.name + s) for s in ("-wal", "-shm", "-lock"))):
            leftover.unlink(missing_ok=True)
