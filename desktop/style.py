"""Colours and fonts shared by the charts (colour-blind-safe Okabe-Ito first, then Tableau)."""

from __future__ import annotations

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
}
STAGE_SYMBOLS = {"feed": "o", "separation": "t", "metal": "s", "magnet": "d"}
STAGE_LABELS = {
    "feed": "mine feed",
    "separation": "separation",
    "metal": "metal",
    "magnet": "magnet",
}


def colour(i: int) -> str:
    return PALETTE[i % len(PALETTE)]
