"""Scenario comparison at laptop sizes: at least eight years of the table in view under a chart
that stays readable; scenarios with the same magnets do not hide each other."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.desktop.plotted import plotted

YEARS_SHOWN = 8


def whole_rows(table) -> int:
    """Rows whose full height is inside the table's viewport."""
    height = table.viewport().height()
    return sum(
        1
        for row in range(table.model().rowCount())
        if table.rowViewportPosition(row) >= 0
        and table.rowViewportPosition(row) + table.rowHeight(row) <= height
    )


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1280, 720)])
def test_year_table_shows_eight_years_under_a_readable_chart(window, width, height):
    window.resize(width, height)
    view = window.view
    view.tabs.setCurrentWidget(view.comparison)
    QApplication.processEvents()
    comparison = view.comparison
    assert comparison.model.rowCount() == 16  # 2025-2040
    assert whole_rows(comparison.table) >= YEARS_SHOWN
    assert comparison.chart.height() >= 170
    assert comparison.chart.plot.vb.sceneBoundingRect().height() >= 80  # the lines' own area


def test_the_user_divider_is_kept(window, qtbot):
    view = window.view
    view.tabs.setCurrentWidget(view.comparison)
    split = view.comparison.split
    QApplication.processEvents()
    chart_height = split.sizes()[0]
    handle = split.handle(1)
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton)
    split.moveSplitter(chart_height + 40, 1)  # what a drag of the handle does
    split.splitterMoved.emit(chart_height + 40, 1)
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton)
    moved = split.sizes()
    window.resize(window.width() - 10, window.height())
    QApplication.processEvents()
    assert split.sizes() == moved


def test_equal_scenarios_are_both_visible(window):
    view = window.view
    view.tabs.setCurrentWidget(view.comparison)
    comparison = view.comparison
    comparison.set_ticked({"Base", "China supply cut"})
    lines = plotted(comparison.chart)
    assert np.allclose(lines["Base"], lines["China supply cut"])  # the demo has no Chinese block
    pens = {i.name(): i.opts["pen"] for i in comparison.chart.plot.listDataItems()}
    assert pens["Base"].style() == Qt.PenStyle.SolidLine
    assert pens["China supply cut"].style() == Qt.PenStyle.CustomDashLine
    texts = [comparison.list.item(i).text() for i in range(comparison.list.count())]
    assert any(t.startswith("China supply cut") and t.endswith("(= Base)") for t in texts)
    comparison.set_ticked({"Base", "Committed deals only"})  # different magnets: no note
    texts = [comparison.list.item(i).text() for i in range(comparison.list.count())]
    assert not any("(= " in t for t in texts)
