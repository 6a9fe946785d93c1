"""One table as a CSV file: the sheet's columns, read with every bad cell named (an id used twice
is an error) and written with text a spreadsheet would run neutralised (`model.csv_cells`)."""

from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from model.choices import TABLE_KINDS
from model.csv_cells import neutralise
from model.domain import KINDS
from model.file_places import Places
from model.files import private_output
from model.input_limits import Refused
from model.interchange import InvalidPortfolio
from model.portfolio import Portfolio
from model.sheet_files import read_csv_rows
from model.tabular import SHEETS, _cell, _located, _records, field_of, header

# The tables a CSV may hold (evidence travels with its portfolio, in JSON or Excel).
CSV_KINDS = TABLE_KINDS  # the kinds with a table of their own: not the evidence register
CHOICE_OF_KINDS = "|".join(CSV_KINDS)  # 'blocks|firms|deals|plants'


class UnknownTable(InvalidPortfolio):
    """A CSV whose table cannot be told from its name or its header row: ask which."""


def kinds_matching_header(header_row: list[Any]) -> list[str]:
    """The kinds whose columns a header row could be: every column one of the kind's fields and
    every field a record must have among them."""
    named = {field_of(h) for h in header_row} - {""}
    return [
        kind
        for kind in CSV_KINDS
        if named <= set(fields := KINDS[kind].record.model_fields)
        and all(f in named for f, info in fields.items() if info.is_required())
    ]


def closest_kind(header_row: list[Any]) -> str:
    """The kind with most of a header row's columns (the likely answer to 'which table?')."""
    named = {field_of(h) for h in header_row}
    return max(CSV_KINDS, key=lambda kind: len(named & set(KINDS[kind].record.model_fields)))


def kind_of_csv(path: str | os.PathLike[str], rows: list[list[Any]]) -> tuple[str, str]:
    """The kind a CSV holds, told by its name ('deals.csv') or else by its header row, and a
    note when it was the header that told. Raises UnknownTable when neither does."""
    name = Path(path).stem.lower()
    if name in CSV_KINDS:
        return name, ""
    matches = kinds_matching_header(rows[0] if rows else [])
    if len(matches) == 1:
        return matches[0], f"read as {matches[0]}: its header row has that table's columns"
    header = "its header row fits " + (" and ".join(matches) if matches else "no table")
    raise UnknownTable(
        str(path),
        [
            f"(file): which table it holds cannot be told from its name ({Path(path).name}) or "
            f"{header}; use --kind {CHOICE_OF_KINDS}"
        ],
    )


def csv_rows(path: str | os.PathLike[str]) -> list[list[str]]:
    try:
        return read_csv_rows(Path(path))
    except Refused as exc:
        raise InvalidPortfolio(str(path), [str(exc)]) from None


def records_from_rows(
    rows: list[list[Any]], kind: str, source: str, places: dict[str, str] | None = None
) -> list[BaseModel]:
    """Records of one kind from a CSV's rows; errors name the cell; an id used twice is one.
    `places`, when given, receives each record's line by id ('deals.csv line 6')."""
    title = next((t for t, (k, _) in SHEETS.items() if k == kind), None)
    if title is None:
        raise ValueError(f"--kind must be one of {', '.join(k for k, _ in SHEETS.values())}")
    _, model = SHEETS[title]
    cells, problems = Places(csv_name=Path(source).name), []
    records = _records(title, kind, model, rows, cells, problems)
    if problems:
        raise InvalidPortfolio(source, problems)
    out, errors, seen = [], [], {}
    for i, record in enumerate(records):
        try:
            out.append(model.model_validate(record))
        except ValidationError as exc:
            errors += _located(exc.errors(), cells, prefix=(kind, i))
            continue
        first = seen.setdefault(out[-1].id, i)
        if first != i:
            place = cells.where.get((kind, i, "id"), cells.where[(kind, i)])
            earlier = cells.lines[(kind, first)]
            errors.append(f"{place}: '{out[-1].id}' is already used by line {earlier}")
    if errors:
        raise InvalidPortfolio(source, errors)
    if places is not None:
        places.update({record_id: cells.where[(kind, i)] for record_id, i in seen.items()})
    return out


def read_csv_records(path: str | os.PathLike[str], kind: str) -> list[BaseModel]:
    """Records of one kind from a CSV with the sheet's columns; errors name the cell."""
    return records_from_rows(csv_rows(path), kind, str(path))


def write_csv_records(
    portfolio: Portfolio,
    kind: str,
    path: str | os.PathLike[str],
    *,
    include_confidential: bool = False,
) -> None:
    """One kind's records as CSV (the sheet's columns; confidential ones left out unless
    included); text a spreadsheet would run is neutralised (`model.csv_cells`). Atomic."""
    model = KINDS[kind].record
    left_out = set() if include_confidential else set(portfolio.confidential_fields)
    fields = [f for f in model.model_fields if f"{kind}.{f}" not in left_out]
    rows = [[_cell(getattr(r, f)) for f in fields] for r in getattr(portfolio, kind)]
    with private_output(path) as tmp, tmp.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)  # fsynced, owner-only, never half a file
        writer.writerow([header(model, f) for f in fields])
        writer.writerows([neutralise(v) for v in row] for row in rows)
