"""How numbers are shown and read back in the tables: shares as percentages ("30.0 %"), other
numbers with thousands separators and their unit. Reading accepts what people type: "30",
"30%", "30 %" for a share; "1,200", "1200 t/yr" for a tonnage."""

from __future__ import annotations

import re

from model.fields import format_value


def is_percent(column) -> bool:
    """A share the store keeps as a fraction 0..1 (declared with the percent format)."""
    return bool(getattr(column, "percent", False))


def format_number(column, value: float, with_unit: bool = True) -> str:
    """As the declaration says to show it (model.fields.format_value): a share in %."""
    unit = column.unit if with_unit else ""
    return format_value(value, percent=is_percent(column), decimals=column.decimals, unit=unit)


class NotANumber(ValueError):
    pass


def parse_number(column, text: str) -> float | None:
    """The stored value for what was typed (None for an empty optional cell); NotANumber with
    the reason when the text is not a number. Ranges are checked by the caller."""
    cleaned = text.strip()
    if not cleaned:
        return None
    unit = column.unit.strip()
    if unit and cleaned.endswith(unit):
        cleaned = cleaned[: -len(unit)]
    cleaned = cleaned.rstrip().removesuffix("%").strip().replace(",", "").replace("\u202f", "")
    if not re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?", cleaned):
        example = "30 or 30%" if is_percent(column) else "1,200"
        raise NotANumber(f"'{text.strip()}' is not a number (type e.g. {example})")
    value = float(cleaned)
    return value / 100 if is_percent(column) else value
