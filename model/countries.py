"""ISO 3166-1 alpha-3 country codes and names, read once from resources/countries.csv."""

from __future__ import annotations

import csv
from functools import cache

from model.resources import resource_path


@cache
def country_names() -> dict[str, str]:
    """Map of ISO alpha-3 code to English short name."""
    with resource_path("countries.csv").open(newline="", encoding="utf-8") as fh:
        return {row["iso_a3"]: row["name"] for row in csv.DictReader(fh)}


def country_name(code: str) -> str:
    return country_names().get(code, code)


def parse_country(text: str) -> str | None:
    """'Australia (AUS)', 'AUS', 'aus' or 'Australia' -> 'AUS'; None when unknown."""
    text = text.strip()
    names = country_names()
    if text.endswith(")") and "(" in text:
        text = text[text.rindex("(") + 1 : -1]
    if text.upper() in names:
        return text.upper()
    return _codes_by_name().get(text.lower())


@cache
def _codes_by_name() -> dict[str, str]:
    return {name.lower(): code for code, name in country_names().items()}
