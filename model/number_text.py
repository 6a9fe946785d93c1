"""How a number reads in text people see (the `repm` tables, the tornado's settings): by its
declared format (model/fields.py), never by guessing from its size.

A share stored as a fraction reads as a percentage ('60 %'), a change of a share in percentage
points ('+10 points'), a year without a thousands separator ('2031'), a tonnage whole with
separators and its unit ('7,500 t/yr'). JSON and CSV keep the stored numbers.
"""

from __future__ import annotations

import math
from typing import Any

from model.assumptions import SCALARS
from model.demand import FIELD_FORMATS
from model.domain import KINDS
from model.fields import INTEGER, NUMBER, PERCENT, YEAR, Meta, meta

POINTS = "points"  # a change of a share, in percentage points
PERCENT_DECIMALS = 1  # shares read to 0.1 %, trailing zeros dropped: '60 %', '28.3 %'


def trimmed(value: float, decimals: int) -> str:
    """'60.0' -> '60', '28.30' -> '28.3', with thousands separators."""
    text = f"{value:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def percent(share: float, decimals: int = PERCENT_DECIMALS) -> str:
    """A fraction 0..1 as a percentage: 0.6 -> '60 %'."""
    return f"{trimmed(100 * share, decimals)} %"


def shown(value: Any, fmt: str = NUMBER, unit: str = "", decimals: int = 0) -> str:
    """One value as text by its format (model.fields: PERCENT, YEAR, INTEGER, NUMBER; or POINTS).
    None reads '—'; text and choices read as they are."""
    if value is None:
        return "—"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(getattr(value, "value", value))
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if fmt == PERCENT:
        return percent(value, max(PERCENT_DECIMALS, decimals - 2))
    if fmt == POINTS:
        sign = "+" if value > 0 else ""
        return f"{sign}{trimmed(100 * value, PERCENT_DECIMALS)} points"
    if fmt in (YEAR, INTEGER):
        text = str(int(value)) if fmt == YEAR else f"{int(value):,}"
    else:
        text = trimmed(value, decimals) if decimals else f"{value:,.0f}"
    return f"{text} {unit}" if unit and fmt != YEAR else text


def shown_as(meta: Meta, value: Any) -> str:
    """A record field's value as its declaration says (label, unit, format, decimals)."""
    return shown(value, meta.fmt, meta.unit, meta.decimals)


def figure_text(kind: str, field: str, value: Any) -> str:
    """A figure of the evidence register (record kind, field) as its declaration says it reads:
    a record's field (model.domain), an assumption, a demand figure."""
    fmt, decimals = NUMBER, 0
    if kind in KINDS and field in KINDS[kind].record.model_fields:
        m = meta(KINDS[kind].record.model_fields[field])
        fmt, decimals = m.fmt, m.decimals
    elif kind == "assumptions" and field in SCALARS:
        fmt, decimals = SCALARS[field].fmt, SCALARS[field].decimals
    elif kind == "demand":
        fmt = FIELD_FORMATS.get(field, NUMBER)
    return shown(value, fmt, decimals=decimals)


def tonnes(value: float) -> str:
    """A computed tonnage or other figure in a table: whole with separators; below 10, two
    decimals (so small figures do not read as 0)."""
    return f"{value:,.2f}" if 0 < abs(value) < 10 else f"{value:,.0f}"
