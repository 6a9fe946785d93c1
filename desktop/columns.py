"""What each table shows: the column, its header with unit, how it is edited and its range.

Everything here is derived from the record declarations (model/domain.py via model/fields.py):
a field added there appears in the table, the detail panel and its editor with its unit and range.
The store checks again anyway.
"""

from __future__ import annotations

import enum
import typing
from dataclasses import dataclass

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from model import fields as f
from model.domain import KINDS, TABLE_KINDS

# Editor kinds
TEXT, CHOICE, NUMBER, YEAR, INTEGER, COUNTRY, FIRM, BLOCK, ROLES, READONLY = [
    "text",
    "choice",
    "number",
    "year",
    "integer",
    "country",
    "firm",
    "block",
    "roles",
    "readonly",
]
OPEN_HIGH = 1e9  # editor maximum for a number the model does not bound above (only here)
EDITORS = {
    f.ID: READONLY,
    f.TEXT: TEXT,
    f.COUNTRY: COUNTRY,
    f.CHOICE: CHOICE,
    f.NUMBER: NUMBER,
    f.PERCENT: NUMBER,
    f.INTEGER: INTEGER,
    f.YEAR: YEAR,
    f.LIST: ROLES,
}
REFERENCE_EDITORS = {"firms": FIRM, "blocks": BLOCK}


@dataclass(frozen=True)
class Column:
    field: str
    header: str
    editor: str = TEXT
    low: float = 0.0
    high: float = OPEN_HIGH
    decimals: int = 0
    unit: str = ""  # editor suffix, e.g. ' t/yr'
    optional: bool = False  # may be left empty ("unknown")
    choices: tuple[str, ...] = ()
    tip: str = ""
    percent: bool = False  # a fraction 0..1 (shares): may be shown and typed as a percentage
    label: str = ""


def _enum_of(annotation: object) -> type[enum.Enum] | None:
    """Stage, list[FirmRole] or Stage | None -> the enum class."""
    candidates = [annotation, *typing.get_args(annotation)]
    return next((c for c in candidates if isinstance(c, type) and issubclass(c, enum.Enum)), None)


def editor_range(info: FieldInfo) -> tuple[float, float]:
    """What an editor of a declared number offers: its declared range, 0 and OPEN_HIGH where the
    declaration leaves it open. Every number editor takes its range from here."""
    low, high = f.bounds(info)
    return 0.0 if low is None else low, OPEN_HIGH if high is None else high


def column(name: str, info: FieldInfo) -> Column:
    m = f.meta(info)
    low, high = editor_range(info)
    editor = REFERENCE_EDITORS[m.refers_to] if m.fmt == f.REFERENCE else EDITORS[m.fmt]
    choices_of = _enum_of(info.annotation)
    return Column(
        field=name,
        header=f"{m.label} ({m.unit})" if m.unit else m.label,
        editor=editor,
        low=low,
        high=high,
        decimals=m.decimals,
        unit=m.unit if m.unit in ("", "°") else f" {m.unit}",
        optional=f.optional(info),
        choices=tuple(e.value for e in choices_of) if choices_of else (),
        tip=m.tip,
        percent=m.fmt == f.PERCENT,
        label=m.label,
    )


def columns_of(record: type[BaseModel], lead: tuple[str, ...] = ()) -> list[Column]:
    """One column per declared field: the `lead` fields first, then the rest in declared order."""
    fields = record.model_fields
    order = [*lead, *(name for name in fields if name not in lead)]
    return [column(name, fields[name]) for name in order]


COLUMNS: dict[str, list[Column]] = {name: columns_of(k.record, k.lead) for name, k in KINDS.items()}
TITLES = {name: KINDS[name].title for name in TABLE_KINDS}
UNKNOWN = "unknown"
