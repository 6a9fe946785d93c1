"""Before a plan is found the Plan tab says what to do where the result will be, instead of an
empty grid and an empty chart; the plan found replaces that line, its tables whole (no table
scrolling inside the scrolling view)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def test_a_line_says_what_to_do_until_a_plan_is_found(window, qtbot):
    view = window.plan_view
    window.view.tabs.setCurrentWidget(view)
    QApplication.processEvents()
    assert view.placeholder.isVisible()
    assert "press Run to choose deals and plant options" in view.placeholder.text()
    for empty in (view.chosen, view.chart, view.left_out):
        assert not empty.isVisible()

    with qtbot.waitSignal(view.runner.finished, timeout=120_000):
        qtbot.mouseClick(view.run_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert not view.placeholder.isVisible()
    assert view.chosen.isVisible() and view.chosen.rowCount() > 1
    assert view.chart.isVisible()
    for table in (view.chosen, view.left_out):
        assert not table.verticalScrollBar().isVisible()
        last = table.rowCount() - 1  # the chosen table's total
        bottom = table.rowViewportPosition(last) + table.rowHeight(last)
        assert bottom <= table.viewport().height()
