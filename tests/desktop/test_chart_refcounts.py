"""Redrawing charts must not corrupt reference counts (PySide6 6.12.0 did, and crashed)."""

import sys


def test_many_redraws_keep_none_and_bool_refcounts(window):
    view = window.view
    projection = window.session.projection
    view.refresh_charts()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(60):
        view.projection_chart.show_projection(projection, view.groups(projection))
        view.capacity_chart.show_projection(projection)
    # A binding that over-decrefs loses hundreds of references per redraw; allow small noise.
    assert sys.getrefcount(None) >= none_before - 50
    assert sys.getrefcount(True) >= true_before - 50
