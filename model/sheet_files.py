"""Raw rows from an .xlsx or .csv file, read within limits (`model.input_limits`).

Workbooks: members' unpacked size is checked before any is read; XML with entities or external
references is refused (openpyxl parses through defusedxml when it is installed, as it is here);
a formula cell must carry the value Excel computed. CSV: UTF-8, fields up to 128 KiB.
Every problem is raised as `Refused` with one line naming the file part or cell.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from model.input_limits import Refused, check_workbook, read_text

MAX_ROWS = 100_000  # per sheet or CSV
MAX_COLUMNS = 200


def _rows(ws: Any, title: str) -> list[list[Any]]:
    ws.reset_dimensions()  # a forged <dimension> must not make us pad millions of cells
    rows = []
    for row in ws.iter_rows(values_only=True):
        if len(rows) >= MAX_ROWS:
            raise Refused(f"{title}: more than {MAX_ROWS:,} rows")
        if len(row) > MAX_COLUMNS:
            raise Refused(f"{title}: more than {MAX_COLUMNS} columns")
        rows.append(list(row))
    return rows


def column_letter(n: int) -> str:
    """The letters of 1-based column n as Excel names it (1 -> A, 27 -> AA), for cell references
    in messages; openpyxl's own helper would import all of openpyxl for a CSV file."""
    letters = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _formulas(path: Path, titles: set[str]) -> dict[str, set[tuple[int, int]]]:
    """(row, column) of every formula cell in the named sheets."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=False)
    try:
        found: dict[str, set[tuple[int, int]]] = {}
        for ws in wb.worksheets:
            if ws.title in titles:
                ws.reset_dimensions()
                found[ws.title] = {
                    (cell.row, cell.column)
                    for row in ws.iter_rows()
                    for cell in row
                    if getattr(cell, "data_type", None) == "f"
                }
        return found
    finally:
        wb.close()


def _why(exc: BaseException) -> str:
    """One line for a workbook openpyxl could not read."""
    from defusedxml import DefusedXmlException

    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, DefusedXmlException):
            return (
                "refused: its XML declares entities or external references, which a workbook "
                "saved by Excel never does"
            )
        seen = seen.__cause__ or seen.__context__
    words = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    return f"not a readable Excel workbook ({words})"


def read_sheets(path: Path, titles: set[str]) -> dict[str, list[list[Any]]]:
    """The values of the sheets named in `titles` (others are not read)."""
    from openpyxl import load_workbook  # ~0.1 s: only when a workbook is read

    check_workbook(path)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
        try:
            sheets = {ws.title: _rows(ws, ws.title) for ws in wb.worksheets if ws.title in titles}
        finally:
            wb.close()
        formulas = _formulas(path, set(sheets))
    except Refused:
        raise
    except Exception as exc:  # openpyxl and defusedxml raise many kinds for a bad workbook
        raise Refused(f"(file): {_why(exc)}") from None
    for title, cells in formulas.items():
        for r, c in sorted(cells):
            row = sheets[title][r - 1] if r - 1 < len(sheets[title]) else []
            if c - 1 >= len(row) or row[c - 1] is None:
                raise Refused(
                    f"{title}!{column_letter(c)}{r}: a formula without a computed value "
                    "(open the workbook in Excel and save it, or type the value)"
                )
    return sheets


def read_csv_rows(path: Path) -> list[list[str]]:
    """The rows of a UTF-8 CSV file (a byte-order mark is dropped)."""
    text = read_text(path)
    reader = csv.reader(io.StringIO(text, newline=""))
    rows = []
    try:
        for row in reader:
            if len(rows) >= MAX_ROWS:
                raise Refused(f"(file): more than {MAX_ROWS:,} rows")
            rows.append(row)
    except csv.Error as exc:
        raise Refused(f"(file): line {reader.line_num}: {exc}") from None
    return rows
