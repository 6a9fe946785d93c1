"""Spreadsheets: a portfolio (and its projection) to .xlsx, and back from .xlsx or .csv.

One sheet per table, a header row naming each field with its unit ('nameplate_tpa (t/yr)'),
frozen so it stays in view. Reading checks every cell before anything is used and reports each bad
one by sheet, row, the row's id and column ('Deals row 5 (id kabil-white-mesa), column E
offtake_share: 1.4 is above 1', worded by `model.file_places`); nothing is applied when any is
wrong.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from model.assumptions import CHOICES, SCALARS, TABLES, Assumptions
from model.csv_cells import restore
from model.domain import KINDS
from model.fields import LIST, meta, unit_text
from model.file_places import Places, id_note
from model.files import private_output
from model.input_limits import Refused, check_depth
from model.interchange import InvalidPortfolio, describe_error
from model.portfolio import Portfolio, PortfolioError
from model.problems import Problem
from model.projection import Projection
from model.redaction import redact
from model.sheet_files import column_letter, read_sheets

if TYPE_CHECKING:
    from openpyxl import Workbook

# openpyxl (~0.1 s to import) is imported by the functions that use it: the app and `repm`
# commands that never touch a workbook do not pay for it.

# One sheet per record kind, named and ordered as the registry says.
SHEETS: dict[str, tuple[str, type[BaseModel]]] = {
    k.sheet: (name, k.record) for name, k in KINDS.items()
}
FIXED_SHEETS = ("Assumptions", "Target", "Scenarios", "Portfolio")
LEFT_OUT = "no (their columns are left out)"


def header(model: type[BaseModel], field: str) -> str:
    """'nameplate_tpa (t/yr)': the field's name and its declared unit."""
    unit = unit_text(model.model_fields[field])
    return f"{field} ({unit})" if unit else field


def headers(model: type[BaseModel]) -> list[str]:
    return [header(model, f) for f in model.model_fields]


def _is_list(model: type[BaseModel], field: str) -> bool:
    return meta(model.model_fields[field]).fmt == LIST


def field_of(text: Any) -> str:
    """'nameplate_tpa (t/yr)' -> 'nameplate_tpa'."""
    return str(text or "").split(" (")[0].strip()


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if hasattr(value, "value"):
        return value.value
    return value


# --- writing ---------------------------------------------------------------------------------


def _sheet(wb: Workbook, title: str, headers: list[str], rows: list[list[Any]]) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils.exceptions import IllegalCharacterError

    ws = wb.create_sheet(title)
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r, row in enumerate(rows, start=2):
        try:
            ws.append(row)
        except IllegalCharacterError:
            raise ValueError(
                f"{title} row {r}: holds a control character Excel cannot store; "
                "remove it, or export JSON"
            ) from None
    for line in ws.iter_rows():
        for cell in line:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text stays text: '=HYPERLINK(...)' is a name, not a formula
    ws.freeze_panes = "A2"
    for i, text in enumerate(headers, start=1):
        ws.column_dimensions[column_letter(i)].width = min(max(len(str(text)) + 2, 10), 40)


def write_xlsx(
    portfolio: Portfolio,
    path: str | os.PathLike[str],
    *,
    projection: Projection | None = None,
    include_confidential: bool = False,
) -> None:
    """Write atomically (temporary file, then rename)."""
    shown = redact(portfolio, include_confidential)
    left_out = set() if include_confidential else set(portfolio.confidential_fields)
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for title, (kind, model) in SHEETS.items():
        fields = [f for f in model.model_fields if f"{kind}.{f}" not in left_out]
        rows = [[_cell(getattr(r, f)) for f in fields] for r in getattr(shown, kind)]
        _sheet(wb, title, [header(model, f) for f in fields], rows)
    a = shown.assumptions
    rows = [[name, getattr(a, name), SCALARS[name].unit, a.source_of(name)] for name in SCALARS]
    for rule, (words, _, _) in CHOICES.items():
        choices = " | ".join(w.value for w in words)
        rows.append([rule, getattr(a, rule).value, choices, a.source_of(rule)])
    for table in TABLES:
        for key, value in getattr(a, table).items():
            name = f"{table}.{key.value}"
            rows.append([name, value, TABLES[table].unit, a.source_of(name)])
    _sheet(wb, "Assumptions", ["name", "value", "unit", "source"], rows)
    target_rows = [["default", shown.target.default_tpa, shown.target.source]]
    target_rows += [[year, tpa, ""] for year, tpa in sorted(shown.target.path.items())]
    _sheet(wb, "Target", ["year", "target (t magnets/yr)", "source"], target_rows)
    _sheet(
        wb,
        "Scenarios",
        ["name", "description", "definition (JSON)"],
        [[s.name, s.description, s.model_dump_json()] for s in shown.scenarios],
    )
    _sheet(
        wb,
        "Portfolio",
        ["field", "value"],
        [
            ["name", shown.name],
            ["confidential_fields", ", ".join(shown.confidential_fields)],
            ["confidential fields included", "yes" if include_confidential else LEFT_OUT],
            ["demand (JSON)", shown.demand.model_dump_json()],
        ],
    )
    if projection is not None:
        columns = ["year", "target_t", "magnet_t", "gap_t", "ndpr_oxide_t", "metal_t", "bottleneck"]
        heads = [
            "year",
            "target (t)",
            "magnets (t)",
            "gap (t)",
            "NdPr oxide (t)",
            "NdPr metal (t)",
            "bottleneck",
        ]
        _sheet(wb, "Projection", heads, [[r[c] for c in columns] for r in projection.rows()])
    with private_output(path) as tmp:  # fsynced, owner-only, never half a file
        wb.save(tmp)


# --- reading ---------------------------------------------------------------------------------


def _headless(
    title: str, fields: list[str], row: list[Any], r: int, cells: Places, note: str = ""
) -> list[str]:
    """A value in a column without a header would be silently dropped: it is an error."""
    return [
        f"{cells.cell(title, col, r, note=note)}: a value in a column with no header"
        for col, value in enumerate(row, start=1)
        if value not in (None, "") and (col > len(fields) or not fields[col - 1])
    ]


def _records(
    title: str,
    kind: str,
    model: type[BaseModel],
    rows: list[list[Any]],
    cells: Places,
    problems: list[str],
) -> list[dict]:
    from_csv = cells.csv_name is not None
    if not rows:
        empty = f"{cells.csv_name}: the file" if from_csv else f"{title}: the sheet"
        problems.append(f"{empty} is empty (a header row is needed)")
        return []
    fields = [field_of(h) for h in rows[0]]
    known = set(model.model_fields)
    table = kind if from_csv else title
    for col, name in enumerate(fields, start=1):
        if name and name not in known:
            problems.append(
                f"{cells.cell(title, col, 1)}: '{rows[0][col - 1]}' is not a column of {table}"
            )
        elif name and name in fields[: col - 1]:
            problems.append(f"{cells.cell(title, col, 1)}: '{name}' is a second column")
    records = []
    for r, row in enumerate(rows[1:], start=2):
        if all(v is None or v == "" for v in row):
            continue  # blank lines are skipped, not errors
        at = len(records)
        note = id_note(row[fields.index("id")]) if "id" in fields[: len(row)] else ""
        problems += _headless(title, fields, row, r, cells, note)
        record: dict[str, Any] = {}
        for col, name in enumerate(fields, start=1):
            if name not in known:
                continue
            value = row[col - 1] if col - 1 < len(row) else None
            if from_csv and isinstance(value, str):
                value = restore(value)  # undo the quote a CSV export put before '=...'
            info = model.model_fields[name]
            if value is None or value == "":
                value = "" if info.annotation is str else None
                if value is None and info.is_required():
                    continue  # reported as missing, at its cell
            if _is_list(model, name):
                value = [v.strip() for v in str(value or "").split(",") if v.strip()]
            record[name] = value
            cells.where[(kind, at, name)] = cells.cell(title, col, r, name, note)
        for name in known - set(record):
            if name in fields:  # an empty required cell
                cells.where[(kind, at, name)] = cells.cell(
                    title, fields.index(name) + 1, r, name, note
                )
        cells.where[(kind, at)] = cells.row(title, r, note)
        cells.lines[(kind, at)] = r
        records.append(record)
    return records


def _assumptions(rows: list[list[Any]], cells: Places, problems: list[str]) -> dict:
    data: dict[str, Any] = {"sources": {}}
    defaults = Assumptions()
    for r, row in enumerate(rows[1:], start=2):
        problems += _headless("Assumptions", [field_of(h) for h in rows[0]], row, r, cells)
        if not row or row[0] in (None, ""):
            continue
        name, value = str(row[0]), row[1] if len(row) > 1 else None
        source = row[3] if len(row) > 3 else None
        table, _, key = name.partition(".")
        value_cell = cells.cell("Assumptions", 2, r, "value", id_note(name, ""))
        if key:
            data.setdefault(table, {})[key] = value
            cells.where[("assumptions", table, key)] = value_cell
        else:
            data[name] = value
            cells.where[("assumptions", name)] = value_cell
        if source not in (None, "") and source != defaults.source_of(name):
            data["sources"][name] = source
            source_cell = cells.cell("Assumptions", 4, r, "source", id_note(name, ""))
            cells.where[("assumptions", "sources", name)] = source_cell
    return data


def _target(rows: list[list[Any]], cells: Places, problems: list[str]) -> dict:
    data: dict[str, Any] = {"path": {}}
    for r, row in enumerate(rows[1:], start=2):
        problems += _headless("Target", [field_of(h) for h in rows[0]], row, r, cells)
        if not row or row[0] in (None, ""):
            continue
        note = id_note(row[0], "")
        if row[0] == "default":
            data["default_tpa"] = row[1] if len(row) > 1 else None
            cells.where[("target", "default_tpa")] = cells.cell("Target", 2, r, "target", note)
            if len(row) > 2 and row[2]:
                data["source"] = row[2]
                cells.where[("target", "source")] = cells.cell("Target", 3, r, "source", note)
        else:
            data["path"][row[0]] = row[1] if len(row) > 1 else None
            cells.where[("target", "path", row[0])] = cells.cell("Target", 2, r, "target", note)
            year_cell = cells.cell("Target", 1, r, "year", note)
            cells.where[("target", "path", row[0], "[key]")] = year_cell
    return data


def _scenarios(rows: list[list[Any]], cells: Places, problems: list[str]) -> list:
    out = []
    for r, row in enumerate(rows[1:], start=2):
        problems += _headless("Scenarios", [field_of(h) for h in rows[0]], row, r, cells)
        if not row or row[0] in (None, ""):
            continue
        try:
            definition = json.loads(row[2])
            check_depth(definition)
        except (TypeError, ValueError, IndexError, RecursionError, Refused):
            where = cells.cell("Scenarios", 3, r, "definition", id_note(row[0], ""))
            problems.append(f"{where}: not a scenario definition (JSON)")
            continue
        out.append(definition)
        cells.where[("scenarios", len(out) - 1)] = cells.row("Scenarios", r, id_note(row[0], ""))
    return out


def portfolio_from_sheets(sheets: dict[str, list[list[Any]]], source: str) -> Portfolio:
    cells, problems = Places(), []
    data: dict[str, Any] = {}
    for title, (kind, model) in SHEETS.items():
        data[kind] = (
            _records(title, kind, model, sheets.get(title, [[]]), cells, problems)
            if title in sheets
            else []
        )
    if "Assumptions" in sheets:
        data["assumptions"] = _assumptions(sheets["Assumptions"], cells, problems)
    if "Target" in sheets:
        data["target"] = _target(sheets["Target"], cells, problems)
    if "Scenarios" in sheets:
        data["scenarios"] = _scenarios(sheets["Scenarios"], cells, problems)
    meta = {row[0]: row[1] for row in sheets.get("Portfolio", [])[1:] if len(row) > 1 and row[0]}
    for r, row in enumerate(sheets.get("Portfolio", [])[1:], start=2):
        if row and row[0] in ("name", "confidential_fields"):
            cells.where[(row[0],)] = cells.cell("Portfolio", 2, r, row[0])
        elif row and row[0] == "demand (JSON)":
            cells.where[("demand",)] = cells.cell("Portfolio", 2, r, row[0])
    if meta.get("name"):
        data["name"] = meta["name"]
    if meta.get("confidential_fields") is not None:
        data["confidential_fields"] = [
            f.strip() for f in str(meta["confidential_fields"]).split(",") if f.strip()
        ]
    if meta.get("demand (JSON)"):
        try:
            data["demand"] = json.loads(meta["demand (JSON)"])
        except (TypeError, json.JSONDecodeError):
            where = cells.where.get(("demand",), "Portfolio sheet, demand (JSON)")
            problems.append(f"{where}: not a demand definition (JSON)")
    if problems:
        raise InvalidPortfolio(source, problems)
    try:
        return Portfolio.model_validate(data)
    except ValidationError as exc:
        raise InvalidPortfolio(source, _located(exc.errors(), cells)) from None


def _located(errors: list[dict], cells: Places, prefix: tuple = ()) -> list[str]:
    """Each pydantic error at its cell ('Deals row 5 (id x), column E offtake_share: ...'), and
    each broken rule of the whole portfolio at the cell of the record's field it names."""
    out = []
    for error in errors:
        cause = (error.get("ctx") or {}).get("error")
        if isinstance(cause, PortfolioError):
            out += [_rule_words(p, cells) for p in cause.problems]
            continue
        loc = (*prefix, *error["loc"])
        message = describe_error({**error, "loc": loc}, Portfolio)  # loc: from the portfolio
        out.append(cells.said(loc, message))
    return out


def _rule_words(problem: str, cells: Places) -> str:
    """A rule's "deal 'x', firm: ..." as 'Deals row 5 (id x), column C firm_id: ...': at the
    cell of the field it names, else at the record's row, else as the rule says it."""
    loc = problem.loc if isinstance(problem, Problem) else None
    if loc is None or cells.locate(loc)[0] is None:
        return problem
    return cells.said(loc, problem.message)


def workbook_sheets(path: str | os.PathLike[str]) -> dict[str, list[list[Any]]]:
    """The sheets an import reads, within limits (`model.sheet_files`)."""
    path = Path(path)
    try:
        sheets = read_sheets(path, {*SHEETS, *FIXED_SHEETS})
    except Refused as exc:
        raise InvalidPortfolio(str(path), [str(exc)]) from None
    if not set(SHEETS) & set(sheets):
        raise InvalidPortfolio(str(path), [f"(file): no sheet named {', '.join(SHEETS)}"])
    return sheets


def read_xlsx(path: str | os.PathLike[str]) -> Portfolio:
    return portfolio_from_sheets(workbook_sheets(path), str(path))


def left_out_of_sheets(sheets: dict[str, list[list[Any]]]) -> list[str]:
    """'kind.field's a workbook does not carry: columns missing from a record sheet, and the
    confidential fields when its Portfolio sheet says they were left out."""
    out = [
        f for title, (kind, _) in SHEETS.items() for f in left_out_of_rows(sheets.get(title), kind)
    ]
    meta = {row[0]: row[1] for row in sheets.get("Portfolio", [])[1:] if row and len(row) > 1}
    if str(meta.get("confidential fields included") or "").startswith("no"):
        out += [f.strip() for f in str(meta.get("confidential_fields") or "").split(",")]
    return list(dict.fromkeys(f for f in out if f))


def left_out_of_rows(rows: list[list[Any]] | None, kind: str) -> list[str]:
    """The optional fields of `kind` that a sheet or CSV has no column for."""
    if not rows:
        return []
    model = KINDS[kind].record
    present = {field_of(h) for h in rows[0]}
    return [
        f"{kind}.{name}"
        for name, info in model.model_fields.items()
        if name not in present and not info.is_required()
    ]
