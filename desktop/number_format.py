"""How numbers are shown and read back in the tables: shares as percentages ("30.0 %"), other
numbers with thousands separators and their unit. Reading accepts what people type: "30",
"30%", "30 %" for a share; "1,200", "1200 t/yr" for a tonnage.

Files hold shares as fractions (0.25 = 25 %), so a bare 0.25 typed in a percent cell may be a
fraction carried over from a spreadsheet: it is refused with how to say either meaning, never
guessed. Typed with its sign ("0.25%") it is taken as written."""

from __future__ import annotations

import math
import re

from model.fields import format_value, shown_decimals

MOST_PLACES = 6  # a stored value finer than this is float noise, not something a person typed


def is_percent(column) -> bool:
    """A share the store keeps as a fraction 0..1 (declared with the percent format)."""
    return bool(getattr(column, "percent", False))


def places_for(column, value: float) -> int:
    """The declared decimals, or more when the stored value needs them to read true (0.25 %
    stored must not read '0.2 %', nor go back as 0.2 % when its cell is edited)."""
    percent = is_percent(column)
    places = shown_decimals(percent, column.decimals)
    number = 100 * value if percent else value
    while places < MOST_PLACES and not math.isclose(
        round(number, places), number, rel_tol=1e-9, abs_tol=1e-12
    ):
        places += 1
    return places


def format_number(column, value: float, with_unit: bool = True) -> str:
    """As the declaration says to show it (model.fields.format_value): a share in %."""
    unit = column.unit if with_unit else ""
    percent = is_percent(column)
    places = places_for(column, value)
    decimals = places + 2 if percent else places  # format_value shows a share to decimals - 2
    return format_value(value, percent=percent, decimals=decimals, unit=unit)


class NotANumber(ValueError):
    pass


class AmbiguousShare(NotANumber):
    """A bare number from 0 to 1 in a percent cell: a fraction or a percentage?"""


def parse_number(column, text: str) -> float | None:
    """The stored value for what was typed (None for an empty optional cell); NotANumber with
    the reason when the text is not a number, AmbiguousShare when a share could be read two
    ways. Ranges are checked by the caller."""
    cleaned = text.strip()
    if not cleaned:
        return None
    unit = column.unit.strip()
    if unit and cleaned.endswith(unit):
        cleaned = cleaned[: -len(unit)]
    cleaned = cleaned.rstrip()
    signed = cleaned.endswith("%")
    cleaned = cleaned.removesuffix("%").strip().replace(",", "").replace("\u202f", "")
    if not re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?", cleaned):
        example = "30 or 30%" if is_percent(column) else "1,200"
        raise NotANumber(f"'{text.strip()}' is not a number (type e.g. {example})")
    value = float(cleaned)
    if not is_percent(column):
        return value
    if not signed and 0 < value <= 1:
        raise AmbiguousShare(ambiguous_text(cleaned, value))
    return value / 100


def ambiguous_text(typed: str, value: float) -> str:
    as_percent = f"{100 * value:g}"
    return (
        f"is {typed} meant as {as_percent} %? This column is in percent: type {as_percent} "
        f"for {as_percent} %, or {typed}% (with the sign) for {typed} %"
    )
