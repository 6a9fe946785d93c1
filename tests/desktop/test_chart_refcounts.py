"""Redrawing charts must not corrupt reference counts (PySide6 6.12.0 did, and crashed)."""

import gc
import sys

REDRAWS = 60


def test_rebuilding_charts_keeps_none_and_bool_refcounts(window):
    view = window.view
    projection = window.session.projection
    gc.collect()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for i in range(REDRAWS):
        # Toggling the ghost line rebuilds the chart's items each time: the path that lost
        # ~500 references to None per redraw under PySide6 6.12.0.
        ghost = projection if i % 2 else None
        view.projection_chart.show_projection(projection, view.groups(projection), ghost=ghost)
        view.capacity_chart.show_projection(projection)
    gc.collect()
    assert sys.getrefcount(None) >= none_before - 5 * REDRAWS
    assert sys.getrefcount(True) >= true_before - 5 * REDRAWS
