"""The result tables at 1280x720 and 1366x768: every column in view, whole, without scrolling
sideways; each header's words in its section (wrapped onto the header's lines), each value
whole in its cell (a long name wrapped onto the lines its row is given)."""

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QStyle, QTableView

from desktop.analysis.table_fit import shrink_to

SCREENS = [(1280, 720), (1366, 768)]
WRAP = Qt.TextFlag.TextWordWrap


def text_height(metrics, text: str, width: int) -> int:
    return metrics.boundingRect(QRect(0, 0, width, 10_000), WRAP, text).height()


def assert_all_shown(table: QTableView) -> None:
    model, header = table.model(), table.horizontalHeader()
    style = table.style()
    header_margin = 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
    cell_margin = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
    assert not table.horizontalScrollBar().isVisible()
    for c in range(model.columnCount()):
        title = model.headerData(c, Qt.Orientation.Horizontal)
        width = header.sectionSize(c)
        assert header.sectionViewportPosition(c) + width <= table.viewport().width(), title
        room = width - header_margin
        for word in title.split(" "):  # a word is never cut (a no-break space joins a unit)
            assert header.fontMetrics().horizontalAdvance(word) <= room, (title, word)
        assert text_height(header.fontMetrics(), title, room) <= header.height(), title
        for r in range(model.rowCount()):
            shown = model.index(r, c).data()
            metrics, room = table.fontMetrics(), width - cell_margin
            if table.wordWrap():
                assert text_height(metrics, shown, room) <= table.rowHeight(r), (title, shown)
            else:
                assert metrics.horizontalAdvance(shown) <= room, (title, shown)


@pytest.mark.parametrize(("width", "height"), SCREENS)
def test_every_ranking_column_is_shown_whole(window, qtbot, width, height):
    view = window.view
    window.resize(width, height)
    view.tabs.setCurrentWidget(view.ranking)
    qtbot.waitUntil(lambda: bool(view.ranking.values), timeout=60_000)
    QApplication.processEvents()
    names = [view.ranking.model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert names[-2:] == ["Total P50 (t)", "Firm"]
    assert_all_shown(view.ranking.table)
    view.ranking.show_costs.setChecked(True)  # two columns more in the same width
    QApplication.processEvents()
    assert view.ranking.model.columnCount() == 9
    assert_all_shown(view.ranking.table)
    table = view.ranking.table  # the long names take more lines, not more width
    rows = [table.rowHeight(r) for r in range(view.ranking.model.rowCount())]
    assert table.wordWrap() and max(rows) > table.verticalHeader().defaultSectionSize()


@pytest.mark.parametrize(("width", "height"), SCREENS)
def test_every_country_cut_column_is_shown_whole(window, width, height):
    view = window.view
    window.resize(width, height)
    view.tabs.setCurrentWidget(view.concentration)
    QApplication.processEvents()
    assert view.concentration.model.rowCount() > 5
    assert_all_shown(view.concentration.table)


class Column:
    """A text column of cells `widths` px wide on one line, breaking every 50 px of text."""

    def __init__(self, widths):
        self.cells = list(widths)

    def lines(self, row, width):
        return -(-self.cells[row] // width)

    def breaks(self):
        return {-(-w // k) for w in self.cells for k in (1, 2, 3)}


def test_the_column_whose_wrapping_costs_fewest_lines_gives_way():
    names = Column([100, 100, 100, 200])  # one long name
    firms = Column([180, 180, 180, 180])  # the same long firm on every row
    need = {0: 200, 1: 80, 2: 180}
    least = {0: 60, 2: 60}
    widths = shrink_to(need, least, {0: names, 2: firms}, room=380)
    assert sum(widths.values()) <= 380 and widths[1] == 80  # the numbers keep their width
    assert widths[2] == 180 and widths[0] >= 100  # only the one long name wraps
    assert shrink_to(need, least, {0: names, 2: firms}, room=1000) == need
    narrow = shrink_to(need, least, {0: names, 2: firms}, room=100)  # cannot fit: scrolls
    assert narrow == {0: 60, 1: 80, 2: 60}
