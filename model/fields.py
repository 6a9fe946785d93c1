"""How a record's field is declared once: its validation, its column and what people see.

Each helper returns an SQLModel `Field` (so the same declaration gives the pydantic validation and
the table column) carrying a `Meta` with what the validation does not say: label, unit, how the
number is shown, whether it is confidential by default. The GUI columns, spreadsheet headers,
redaction defaults and the schema test read them back with `meta()` and `bounds()`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import annotated_types
import sqlalchemy as sa
from pydantic import Field as PlainField
from pydantic.fields import FieldInfo
from sqlmodel import Field

from model.choices import YEAR_MAX, YEAR_MIN  # declared there: `repm` reads them light

MONEY = "USD m"  # the unit of every cost (views that show costs find them by it)

# How a value is shown and edited (the desktop picks an editor by it).
TEXT, NUMBER, PERCENT, INTEGER, YEAR, CHOICE, COUNTRY, REFERENCE, LIST, ID = (
    "text",
    "number",
    "percent",  # a fraction 0..1 stored, shown as a percentage
    "integer",
    "year",
    "choice",
    "country",
    "reference",  # the id of another record (see Meta.refers_to)
    "list",
    "id",
)


@dataclass(frozen=True)
class Meta:
    label: str
    fmt: str = TEXT
    unit: str = ""
    decimals: int = 0
    confidential: bool = False  # left out of exports unless included (the portfolio's default)
    refers_to: str = ""  # the record kind a REFERENCE names
    tip: str = ""
    # What a record added in the desktop starts with where the field has no default (a file
    # must still give the field: an import never fills it in).
    new: Any = None


@dataclass(frozen=True)
class KeyedBy:
    """A mapping keyed by the ids of records of `kind` (a scenario's overrides): the rules check
    the ids exist and refuse deleting a record a scenario names."""

    kind: str


def _field(meta: Meta, default: Any = ..., **kw: Any) -> Any:
    info = Field(default, description=meta.tip or None, **kw)
    info.metadata.append(meta)
    return info


def ident(label: str = "Id") -> Any:
    return _field(Meta(label, ID), primary_key=True, min_length=1, max_length=64)


def text(
    label: str,
    default: Any = "",
    *,
    unique: bool = False,
    max_length: int | None = None,
    confidential: bool = False,
    tip: str = "",
) -> Any:
    """Free text; `default=...` makes it required and not empty."""
    extra = {"min_length": 1} if default is ... else {}
    return _field(
        Meta(label, TEXT, confidential=confidential, tip=tip),
        default,
        unique=unique,
        max_length=max_length,
        **extra,
    )


def number(
    label: str,
    *,
    unit: str = "",
    low: float | None = None,
    high: float | None = None,
    decimals: int = 0,
    percent: bool = False,
    optional: bool = False,
    default: Any = ...,
    confidential: bool = False,
    tip: str = "",
    new: float | None = None,
) -> Any:
    """A finite number in [low, high]; `optional` means it may be unknown (None)."""
    fmt = PERCENT if percent else NUMBER
    meta = Meta(label, fmt, unit, decimals, confidential, tip=tip, new=new)
    return _field(
        meta,
        None if optional else default,
        ge=low,
        le=high,
        schema_extra={"allow_inf_nan": False},
    )


def whole(label: str, *, unit: str = "", low: int, high: int, default: Any = ...) -> Any:
    return _field(Meta(label, INTEGER, unit), default, ge=low, le=high)


def year(label: str, *, optional: bool = True, tip: str = "") -> Any:
    return _field(Meta(label, YEAR, tip=tip), None if optional else ..., ge=YEAR_MIN, le=YEAR_MAX)


def choice(label: str, default: Any = ..., *, new: Any = None) -> Any:
    return _field(Meta(label, CHOICE, new=new), default)


def country(label: str = "Country", *, new: str | None = None) -> Any:
    return _field(Meta(label, COUNTRY, tip="ISO 3166-1 alpha-3 code or country name", new=new))


def reference(label: str, kind: str, *, optional: bool = False) -> Any:
    return _field(
        Meta(label, REFERENCE, refers_to=kind),
        None if optional else ...,
        foreign_key=f"{kind}.id",
        min_length=None if optional else 1,
    )


def listing(label: str, *, tip: str = "") -> Any:
    """A list of choices, stored as a JSON array."""
    return _field(Meta(label, LIST, tip=tip), default_factory=list, sa_type=sa.JSON)


# --- reading a declaration back ---------------------------------------------------------------


def meta(info: FieldInfo) -> Meta:
    found = next((m for m in info.metadata if isinstance(m, Meta)), None)
    if found is None:
        raise TypeError("a record field must be declared with model.fields (label, unit, ...)")
    return found


def unique(info: FieldInfo) -> bool:
    """Must the value differ between records of a kind (names)?"""
    return any(getattr(m, "unique", False) is True for m in info.metadata)


def bounds(info: FieldInfo) -> tuple[float | None, float | None]:
    """(low, high) of a field's validation range; None where open."""
    low = high = None
    for item in info.metadata:
        if isinstance(item, annotated_types.Ge):
            low = item.ge
        elif isinstance(item, annotated_types.Le):
            high = item.le
    return low, high


def override(info: FieldInfo) -> Any:
    """A scenario's optional override of a declared field: the same range and meaning, None when
    not overridden (a scenario never repeats a record's range by hand)."""
    low, high = bounds(info)
    return PlainField(None, ge=low, le=high)


def optional(info: FieldInfo) -> bool:
    """May the field be unknown (None)?"""
    return not info.is_required() and info.default is None


def shown_decimals(percent: bool, decimals: int) -> int:
    """Decimals a number is shown with: a share to 0.1 %, unless stored finer (Dy+Tb ~0.01 %)."""
    return max(1, decimals - 2) if percent else decimals


def format_value(value: float, *, percent: bool, decimals: int, unit: str = "") -> str:
    """A number as people read it: a share as a percentage ('30.0 %'), others with thousands
    separators and their unit ('1,200 t/yr'). The tables and the rules' messages both use it."""
    places = shown_decimals(percent, decimals)
    if percent:
        return f"{100 * value:,.{places}f} %"
    gap = " " if unit and unit != "°" and not unit.startswith(" ") else ""
    return f"{value:,.{places}f}{gap}{unit}"


def shown(info: FieldInfo, value: float) -> str:
    """A value of a declared numeric field as people read it (its unit, a share in %)."""
    m = meta(info)
    if m.fmt == YEAR:
        return f"{value:g}"
    return format_value(value, percent=m.fmt == PERCENT, decimals=m.decimals, unit=m.unit)


def unit_text(info: FieldInfo) -> str:
    """The unit as a spreadsheet header states it: '0-1' for fractions, 'year' for years."""
    m = meta(info)
    if m.fmt == PERCENT:
        return "0-1"
    if m.fmt == YEAR:
        return "year"
    if m.fmt == LIST:
        return "comma-separated"
    return m.unit
