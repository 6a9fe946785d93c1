"""Where a value of an imported file came from, in the file's own terms, and the one wording every
import message uses for it: a sheet's row as Excel numbers it or a CSV line, the record's id when
the row has one, and the column ('Deals row 6 (id kabil-nolans), column E offtake_share: 1.4 is
above 1', 'deals.csv line 6 (id kabil-nolans), column offtake_share: ...')."""

from __future__ import annotations

from typing import Any

from model.sheet_files import column_letter

MAX_ID_SHOWN = 60


def id_note(record_id: Any, word: str = "id") -> str:
    """' (id kabil-nolans)' for a record with an id; '' for none (a long id is cut short)."""
    if isinstance(record_id, bool) or not isinstance(record_id, str | int | float):
        return ""
    text = str(record_id).strip()
    if not text:
        return ""
    shown = text if len(text) <= MAX_ID_SHOWN else text[:MAX_ID_SHOWN] + "…"
    return f" ({word} {shown})" if word else f" ({shown})"


def in_column(row: str, column: str) -> str:
    """'deals.csv line 6 (id x)' + 'offtake_share' -> 'deals.csv line 6 (id x), column
    offtake_share'."""
    return f"{row}, column {column}"


class Places:
    """Where each value came from, by its path in the portfolio validated ('deals', 4,
    'offtake_share'), so an error path becomes the cell's words: a workbook's sheet, row and
    column letter, or a CSV file's line and column."""

    def __init__(self, csv_name: str | None = None) -> None:
        self.where: dict[tuple, str] = {}
        self.lines: dict[tuple, int] = {}  # a record's row or line, by (kind, index)
        self.csv_name = csv_name

    def locate(self, loc: tuple) -> tuple[str | None, bool]:
        """The place of `loc`, and whether it is the field's own cell (not its row)."""
        for length in range(len(loc), 0, -1):
            if loc[:length] in self.where:
                return self.where[loc[:length]], length == len(loc)
        return None, False

    def row(self, title: str, r: int, note: str = "") -> str:
        """'Deals row 6 (id x)' or 'deals.csv line 6 (id x)'; `note` from `id_note`."""
        return f"{self.csv_name} line {r}{note}" if self.csv_name else f"{title} row {r}{note}"

    def cell(self, title: str, col: int, r: int, name: str = "", note: str = "") -> str:
        """A cell: its row, then its column (letter and header in a sheet, header in a CSV)."""
        if self.csv_name is None:
            column = f"{column_letter(col)} {name}" if name else column_letter(col)
        else:
            column = name or str(col)
        return in_column(self.row(title, r, note), column)

    def said(self, loc: tuple, message: str) -> str:
        """One problem at `loc` in the file's terms ('<cell>: message', or '<row>, field: message'
        when the field has no cell of its own, e.g. a required column that is missing)."""
        where, own_cell = self.locate(loc)
        field = loc[-1] if loc else ""
        if where is None:
            return f"{'.'.join(str(part) for part in loc)}: {message}"
        if own_cell or not isinstance(field, str):
            return f"{where}: {message}"
        return f"{where}, {field}: {message}"
