"""Render result rows as a text table, CSV or JSON (the CLI's --format)."""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from model.csv_cells import neutralise


def text_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    formats: Mapping[str, str] | None = None,
    right: Collection[str] = (),
) -> str:
    """Right-aligned numbers, left-aligned text, one header rule. `formats`: header -> how
    that column's numbers read (model.number_text: PERCENT for shares stored 0-1, YEAR);
    other numbers read as tonnes. `right`: columns of numbers given as text, right-aligned."""
    from model.number_text import shown, tonnes  # the model's declarations: imported when used

    formats = formats or {}

    def cell(value: Any, fmt: str | None) -> str:
        if value is None:
            return "—"  # not defined (a chance of meeting a target of zero), not zero
        if fmt is not None and isinstance(value, int | float):
            return shown(value, fmt)
        return tonnes(value) if isinstance(value, float) else str(value)

    column_formats = [formats.get(h) for h in headers]
    cells = [[cell(v, f) for v, f in zip(row, column_formats, strict=True)] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    numeric = [
        h in right
        or (all(isinstance(row[i], int | float | None) for row in rows) if rows else False)
        for i, h in enumerate(headers)
    ]

    def line(values: Sequence[str]) -> str:
        parts = [
            v.rjust(w) if num else v.ljust(w)
            for v, w, num in zip(values, widths, numeric, strict=True)
        ]
        return "  ".join(parts).rstrip()

    out = [line(headers), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in cells]
    return "\n".join(out)


SIGNIFICANT = 6  # computed figures in CSV: 536.5502368000001 t is written 536.55


def tidy(value: Any) -> Any:
    """A computed float to 6 significant digits (never rounding left of the point), so float
    noise does not reach a spreadsheet; anything else as it is."""
    if not isinstance(value, float) or not math.isfinite(value) or value == 0:
        return value
    magnitude = math.floor(math.log10(abs(value)))  # 2 for 536.55, -4 for 0.000123
    return round(value, max(SIGNIFICANT - 1 - magnitude, 0)) + 0.0  # + 0.0: no '-0.0'


def csv_text(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """Text cells that a spreadsheet would run as a formula are neutralised (`csv_cells`);
    numbers are computed outputs, written to 6 significant digits (`tidy`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([neutralise(h) for h in headers])
    writer.writerows([neutralise(tidy(v)) for v in row] for row in rows)
    return buffer.getvalue()


def json_text(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)


def render(
    fmt: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    data: Any,
    formats: Mapping[str, str] | None = None,
    right: Collection[str] = (),
) -> str:
    """`data` is the structured form used for JSON; headers/rows for table and CSV. `formats`
    and `right` (see `text_table`) change only the table: JSON and CSV keep the stored numbers."""
    if fmt == "json":
        return json_text(data)
    if fmt == "csv":
        return csv_text(headers, rows).rstrip("\n")
    return text_table(headers, rows, formats, right)
