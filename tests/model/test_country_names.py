"""Country names as people type them: the common English names resolve to their ISO code, and a
name two countries go by is refused with both choices (the tester's 'Congo' for Kolwezi)."""

import csv
import json

import pytest
from pydantic import ValidationError

from model.countries import ALIASES, AMBIGUOUS, AmbiguousCountry, country_name, parse_country
from model.resources import resource_path
from tests.builders import block


def shipped_codes() -> tuple[set[str], set[str]]:
    """(codes in countries.csv, codes in the map's countries-110m.geojson)."""
    with resource_path("countries.csv").open(newline="", encoding="utf-8") as fh:
        listed = {row["iso_a3"] for row in csv.DictReader(fh)}
    with resource_path("countries-110m.geojson").open(encoding="utf-8") as fh:
        drawn = {f["properties"]["iso_a3"] for f in json.load(fh)["features"]}
    return listed, drawn


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("DR Congo", "COD"),
        ("DRC", "COD"),
        ("Democratic Republic of the Congo", "COD"),
        ("democratic republic of congo", "COD"),
        ("Republic of the Congo", "COG"),
        ("Russia", "RUS"),
        ("Turkey", "TUR"),
        ("Türkiye", "TUR"),
        ("Burma", "MMR"),
        ("Ivory Coast", "CIV"),
        ("Cote d'Ivoire", "CIV"),  # no accent
        ("Côte d\u2019Ivoire", "CIV"),  # a curly apostrophe, as a word processor types it
        ("The Gambia", "GMB"),
        ("UK", "GBR"),
        ("  czech republic ", "CZE"),
        ("Australia", "AUS"),
        ("aus", "AUS"),
        ("Congo (COG)", "COG"),  # the picker's own text: its code decides
        ("DR Congo (COD)", "COD"),
    ],
)
def test_common_english_names_resolve(typed, code):
    assert parse_country(typed) == code


def test_every_alias_names_a_country_the_app_ships_and_draws():
    listed, drawn = shipped_codes()
    codes = set(ALIASES.values()) | {c for pair in AMBIGUOUS.values() for c in pair}
    assert codes <= listed
    # Every alias of a country on the 1:110m map names the code the map draws it with.
    assert {"COD", "COG", "RUS", "TUR", "MMR", "CIV", "GBR", "USA", "CZE"} <= drawn


@pytest.mark.parametrize(
    ("typed", "first", "second"),
    [
        ("Congo", "Republic of the Congo (COG)", "DR Congo (COD)"),
        ("congo", "Republic of the Congo (COG)", "DR Congo (COD)"),
        ("Korea", "South Korea (KOR)", "North Korea (PRK)"),
    ],
)
def test_a_name_two_countries_go_by_is_refused_naming_both(typed, first, second):
    with pytest.raises(AmbiguousCountry) as refused:
        parse_country(typed)
    assert str(refused.value) == f"{typed} is ambiguous: {first} or {second}?"


def test_a_block_typed_in_congo_is_refused_not_put_in_the_wrong_congo():
    with pytest.raises(ValidationError) as refused:
        block("kolwezi", country="Congo")
    assert "Congo is ambiguous: Republic of the Congo (COG) or DR Congo (COD)?" in str(
        refused.value
    )
    assert block("kolwezi", country="DR Congo").country == "COD"


def test_the_two_congos_are_told_apart_wherever_a_name_is_shown():
    assert country_name("COD") == "DR Congo"
    assert country_name("COG") == "Republic of the Congo"
    assert parse_country("Atlantis") is None
