"""Lines that lie on top of each other (two stages with the same capacity, two scenarios with
the same magnets): the first is drawn solid, the others dashed, each dash in its own slot of the
pattern, so every colour of a shared stretch shows."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QPen

DASH = 4.0  # length of one dash, in line widths
SAME = 0.5  # t/yr: closer than this, two lines are drawn as one
LINE_WIDTH = 2.2


def coincident(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Per year, whether two lines would be drawn on top of each other."""
    return np.abs(np.asarray(a, float) - np.asarray(b, float)) < SAME


def meet(a: np.ndarray, b: np.ndarray) -> bool:
    """Whether two lines share a stretch above zero (at zero the axis hides both anyway)."""
    return bool((coincident(a, b) & (np.asarray(a, float) >= SAME)).any())


def line_styles(lines: dict[str, np.ndarray]) -> dict[str, tuple[int, int, str]]:
    """For each line (in drawing order): (its rank among the lines it meets somewhere, how many
    lines that cluster has, the name of the earlier line it equals in every year or '')."""
    names = list(lines)
    meets = {(a, b): meet(lines[a], lines[b]) for a in names for b in names if a != b}
    cluster: dict[str, list[str]] = {}
    for name in names:  # lines that meet somewhere, directly or through another line
        group = next((g for g in cluster.values() if any(meets[(n, name)] for n in g)), None)
        if group is None:
            cluster[name] = [name]
        else:
            group.append(name)
            cluster[name] = group
    styles = {}
    for i, name in enumerate(names):
        group = cluster[name]
        same = next((n for n in names[:i] if coincident(lines[n], lines[name]).all()), "")
        styles[name] = (group.index(name), len(group), same)
    return styles


def line_pen(colour: str, rank: int, size: int, width: float = LINE_WIDTH) -> QPen:
    """Solid for the first of its cluster; the others dashed, each in its own slot of the
    dash pattern, so every colour of a shared stretch shows."""
    pen = pg.mkPen(colour, width=width)
    if rank > 0:
        pen.setDashPattern([DASH, DASH * (size - 1)])
        pen.setDashOffset(DASH * (size - rank))
    return pen
