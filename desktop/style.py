"""Colours and fonts shared by the charts (colour-blind-safe Okabe-Ito first, then Tableau)."""

from __future__ import annotations

import zlib

from PySide6.QtGui import QColor

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
GHOST = "#555555"
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
STAGE_LABELS = {
    "feed": "mine feed",
    "separation": "separation",
    "metal": "metal",
    "magnet": "magnet",
    "dytb": "Dy/Tb (heavy rare earths)",
}


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


def scenario_colour(name: str) -> str:
    """A scenario keeps its colour whichever others are shown with it."""
    return stable_colour(f"scenario:{name}")
