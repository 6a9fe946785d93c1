"""What a chart shows, read from the items in its plot (not from any record the chart keeps)."""

import numpy as np
import pyqtgraph as pg


def plotted(chart) -> dict[str, np.ndarray]:
    """By legend name (the P50 line as 'P50'): bar heights for bars, y values for
    lines; 'Magnets' is the top of the stacked bars, 'P10'/'P90' the edges of the shaded band."""
    out: dict[str, np.ndarray] = {}
    tops = []
    for item in chart.plot.items:
        if isinstance(item, pg.BarGraphItem):
            name = item.opts.get("name") or ""
            y0, y1 = np.asarray(item.opts["y0"], float), np.asarray(item.opts["y1"], float)
            out[name] = y1 - y0
            if name != "Gap to target":
                tops.append(y1)
        elif isinstance(item, pg.PlotDataItem) and item.name():
            name = item.name()
            name = "P50" if name.startswith("P50") else name  # its legend note may change
            out[name] = np.asarray(item.getData()[1], float)
        elif isinstance(item, pg.FillBetweenItem):
            low, high = item.curves
            out["P10"] = np.asarray(low.getData()[1], float)
            out["P90"] = np.asarray(high.getData()[1], float)
    if tops:
        out["Magnets"] = np.max(tops, axis=0)
    return out
