"""ISO 3166-1 alpha-3 country codes and names, read once from resources/countries.csv, and the
names people type for them.

A name is matched without regard to case, accents, curly apostrophes or a leading 'the', and
through the common English names the ISO list does not use ('Russia', 'Turkey', 'Burma', 'Ivory
Coast', 'DR Congo', 'UK'). A name that two countries are called by ('Congo', 'Korea') is refused
with both choices, never resolved to one of them silently."""

from __future__ import annotations

import csv
import unicodedata
from functools import cache

from model.resources import resource_path

# Names shown instead of the ISO list's: the two Congos told apart in every list and message.
SHOWN_NAMES = {"COD": "DR Congo", "COG": "Republic of the Congo"}

# Common English names and abbreviations -> alpha-3 (each code is checked against the shipped
# countries.csv and countries-110m.geojson by tests/model/test_country_names.py).
ALIASES = {
    "dr congo": "COD",
    "drc": "COD",
    "d.r. congo": "COD",
    "democratic republic of the congo": "COD",
    "democratic republic of congo": "COD",
    "dem. rep. congo": "COD",
    "congo-kinshasa": "COD",
    "congo kinshasa": "COD",
    "republic of the congo": "COG",
    "republic of congo": "COG",
    "congo republic": "COG",
    "congo-brazzaville": "COG",
    "congo brazzaville": "COG",
    "russia": "RUS",
    "turkey": "TUR",
    "turkiye": "TUR",
    "burma": "MMR",
    "ivory coast": "CIV",
    "cote d'ivoire": "CIV",
    "uk": "GBR",
    "u.k.": "GBR",
    "great britain": "GBR",
    "britain": "GBR",
    "united kingdom of great britain and northern ireland": "GBR",
    "us": "USA",
    "u.s.": "USA",
    "u.s.a.": "USA",
    "united states of america": "USA",
    "america": "USA",
    "uae": "ARE",
    "republic of korea": "KOR",
    "korea, republic of": "KOR",
    "dprk": "PRK",
    "viet nam": "VNM",
    "lao pdr": "LAO",
    "czech republic": "CZE",
    "swaziland": "SWZ",
    "macedonia": "MKD",
    "east timor": "TLS",
    "cape verde": "CPV",
    "vatican": "VAT",
    "vatican city": "VAT",
    "brunei": "BRN",
    "palestine": "PSE",
    "micronesia": "FSM",
    "holland": "NLD",
    "bosnia": "BIH",
    "falkland islands": "FLK",
    "united republic of tanzania": "TZA",
}

# Names two countries are called by: refused, naming both.
AMBIGUOUS = {"congo": ("COG", "COD"), "korea": ("KOR", "PRK")}


class AmbiguousCountry(ValueError):
    """A name that two or more countries go by ('Congo')."""


@cache
def country_names() -> dict[str, str]:
    """Map of ISO alpha-3 code to English short name (the two Congos as SHOWN_NAMES has them)."""
    with resource_path("countries.csv").open(newline="", encoding="utf-8") as fh:
        names = {row["iso_a3"]: row["name"] for row in csv.DictReader(fh)}
    return names | {code: SHOWN_NAMES[code] for code in SHOWN_NAMES if code in names}


def country_name(code: str) -> str:
    return country_names().get(code, code)


def parse_country(text: str) -> str | None:
    """'Australia (AUS)', 'AUS', 'aus', 'Australia' or 'Russia' -> its alpha-3 code; None when
    unknown. Raises AmbiguousCountry for a name two countries go by ('Congo')."""
    text = text.strip()
    names = country_names()
    if text.endswith(")") and "(" in text:
        text = text[text.rindex("(") + 1 : -1].strip()
    if text.upper() in names:
        return text.upper()
    key = _key(text)
    if key in AMBIGUOUS:
        choices = " or ".join(f"{names[c]} ({c})" for c in AMBIGUOUS[key])
        raise AmbiguousCountry(f"{text} is ambiguous: {choices}?")
    return _codes_by_name().get(key)


def _key(name: str) -> str:
    """A name as matched: lower case, no accents, straight apostrophes, single spaces, no
    leading 'the' ('The Gambia', 'Côte d’Ivoire')."""
    plain = unicodedata.normalize("NFKD", name.replace("\u2019", "'"))
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    plain = " ".join(plain.lower().split())
    return plain.removeprefix("the ")


@cache
def _codes_by_name() -> dict[str, str]:
    with resource_path("countries.csv").open(newline="", encoding="utf-8") as fh:
        listed = {_key(row["name"]): row["iso_a3"] for row in csv.DictReader(fh)}
    shown = {_key(name): code for code, name in country_names().items()}
    found = listed | shown | {_key(alias): code for alias, code in ALIASES.items()}
    return {name: code for name, code in found.items() if name not in AMBIGUOUS}
