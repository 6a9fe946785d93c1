"""How a number reads in text people see (the `repm` tables, the tornado's settings): by its
declared format (model/fields.py), never by guessing from its size.

A share stored as a fraction reads as a percentage ('60.0 %', as the desktop's tables), a change
of a share in percentage points ('+10 points'), a year without a thousands separator ('2031'), a
number with separators and its unit ('7,500 t/yr'): the rules of `model.fields.format_value`,
here dispatched by format. JSON and CSV keep the stored numbers.
"""

from __future__ import annotations

import math
from typing import Any

from model.assumptions import SCALARS
from model.demand import FIELD_FORMATS
from model.domain import KINDS
from model.fields import INTEGER, NUMBER, PERCENT, YEAR, Meta, format_value, meta

POINTS = "points"  # a change of a share, in percentage points
SHARE_DECIMALS = 3  # a share stored to 0.001 reads to 0.1 % (model.fields.shown_decimals)


def percent(share: float, decimals: int = SHARE_DECIMALS) -> str:
    """A fraction 0..1 as a percentage: 0.6 -> '60.0 %' (`decimals` of the stored fraction)."""
    return format_value(share, percent=True, decimals=decimals)


def shown(value: Any, fmt: str = NUMBER, unit: str = "", decimals: int = 0) -> str:
    """One value as text by its format (model.fields: PERCENT, YEAR, INTEGER, NUMBER; or POINTS).
    Numbers and shares read as `model.fields.format_value` has it (the desktop's tables and the
    rules' messages); None reads '—'; text and choices read as they are."""
    if value is None:
        return "—"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(getattr(value, "value", value)).replace("_", " ")
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if fmt == PERCENT:
        return percent(value, max(decimals, SHARE_DECIMALS))
    if fmt == POINTS:
        points = format_value(100 * value, percent=False, decimals=0)
        return f"{'+' if value > 0 else ''}{points} points"
    if fmt == YEAR:
        return str(int(value))
    if fmt == INTEGER:
        return format_value(value, percent=False, decimals=0, unit=unit)
    return format_value(value, percent=False, decimals=decimals, unit=unit)


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


def chance(p: float | None, draws: int | None = None, *, say_draws: bool = False) -> str:
    """A probability as a minister should read it: never '0 %' or '100 %' unless it is exactly
    that. Whole percent from 1 % to 99 % ('37 %'); one decimal below 1 % and above 99 %
    ('0.4 %', '99.6 %'), and '<0.1 %' / '>99.9 %' past that. A Monte Carlo estimate of exactly
    0 or 1 says what was counted ('0 of 5,000 draws', '5,000 of 5,000 draws') when `draws` is
    given: it means rare, not impossible. `say_draws`: a percentage also names its draws
    ('37 % (5,000 draws)'). None, or not a number: '—' (no target, nothing to estimate)."""
    if p is None or not math.isfinite(p):
        return "—"
    if p <= 0 or p >= 1:
        if draws:
            return f"{draws if p >= 1 else 0:,} of {draws:,} draws"
        return "100 %" if p >= 1 else "0 %"
    if 0.01 <= p <= 0.99:
        text = f"{100 * p:.0f} %"
    else:
        tenths = f"{100 * p:.1f}"
        text = {"0.0": "<0.1 %", "100.0": ">99.9 %"}.get(tenths, f"{tenths} %")
    return f"{text} ({draws:,} draws)" if say_draws and draws else text
