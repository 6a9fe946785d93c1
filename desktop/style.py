"""Colours and fonts shared by the charts (colour-blind-safe Okabe-Ito first, then Tableau)."""

from __future__ import annotations

import zlib

from PySide6.QtGui import QColor

from model.portfolio import Portfolio
from model.scenario import Scenario
from model.scenarios import builtin_scenarios
from model.stage_words import STAGE_NAMES

PALETTE = [
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#8C564B",
    "#7F7F7F",
    "#BCBD22",
    "#17BECF",
    "#9467BD",
    "#F0E442",
]
OTHER = "#C8C8C8"
TARGET = "#B00020"
GAP = QColor(176, 0, 32, 45)
GHOST = "#7B3294"  # violet: the pre-what-if line, never confused with the black P50
BAND = QColor(40, 40, 40, 40)
P50 = "#222222"
SUPPLY = "#000000"
STAGE_COLOURS = {
    "feed": "#009E73",
    "separation": "#E69F00",
    "metal": "#0072B2",
    "magnet": "#CC79A7",
    "dytb": "#D55E00",  # heavy rare earths (equation 8)
}
STAGE_SYMBOLS = {"feed": "o", "separation": "t", "metal": "s", "magnet": "d", "dytb": "star"}
STAGE_LABELS = STAGE_NAMES  # one wording of the chain's stages (model/stage_words.py)


def colour(i: int) -> str:
    return PALETTE[i % len(PALETTE)]


# One colour per country, whatever its rank: a country keeps its colour when others grow past
# it. The countries of the demo and likely partners are fixed; any other gets one by its code.
COUNTRY_COLOURS = {
    "IND": "#0072B2",
    "AUS": "#E69F00",
    "MWI": "#009E73",
    "TZA": "#CC79A7",
    "AGO": "#56B4E9",
    "ZAF": "#D55E00",
    "BRA": "#8C564B",
    "CHL": "#BCBD22",
    "USA": "#17BECF",
    "CAN": "#9467BD",
    "ARG": "#F0E442",
    "VNM": "#7F7F7F",
}


def stable_colour(key: str) -> str:
    """The same colour for the same key in every run (crc32, unlike hash(), is not salted)."""
    return PALETTE[zlib.crc32(key.encode()) % len(PALETTE)]


def country_colour(code: str) -> str:
    return COUNTRY_COLOURS.get(code) or stable_colour(code)


def spare_colour(used: set[str]) -> str:
    """The first palette colour not in `used`; past the palette, hues a golden angle apart."""
    for colour in PALETTE:
        if colour not in used:
            return colour
    n = 0
    while True:
        colour = QColor.fromHsvF((0.13 + 0.618034 * n) % 1.0, 0.75, 0.75).name().upper()
        if colour not in used:
            return colour
        n += 1


def scenario_colours(portfolio: Portfolio) -> dict[str, str]:
    """A distinct colour for every scenario, the same in every session: the built-ins the
    palette's first colours in their order; a portfolio's scenario the colour stored with it,
    or (an older file) the first colour free, in the order the scenarios were made."""
    stored = {s.name for s in portfolio.scenarios}
    colours = {
        s.name: PALETTE[i % len(PALETTE)]
        for i, s in enumerate(builtin_scenarios())
        if s.name not in stored
    }
    used = set(colours.values())
    for scenario in portfolio.scenarios:
        own = scenario.colour.upper()
        if own and own not in used:
            colours[scenario.name] = own
            used.add(own)
    for scenario in portfolio.scenarios:
        if scenario.name not in colours:
            colours[scenario.name] = spare_colour(used)
            used.add(colours[scenario.name])
    return colours


def coloured(portfolio: Portfolio, scenario: Scenario, replacing: str | None) -> Scenario:
    """`scenario` with the colour to store with it: its own if no other scenario has it, else
    (an edit of an older file's scenario) the colour it is shown in now, else a free one."""
    shown = scenario_colours(portfolio)
    if replacing is not None and not scenario.colour:
        return scenario.model_copy(update={"colour": shown[replacing]})
    others = {c for name, c in shown.items() if name != replacing}
    if scenario.colour and scenario.colour.upper() not in others:
        return scenario
    return scenario.model_copy(update={"colour": spare_colour(others)})
