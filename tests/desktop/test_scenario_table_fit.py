"""Many scenarios side by side at 1280x720: the year table fits its width (no sideways
scrolling), every ticked scenario has its column with its figures whole, and a title cut to fit
ends with '…' and is whole in its tooltip; imports are one tab away."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop import operations
from desktop.analysis.table_fit import ElidingHeader
from model.scenarios import builtin_scenarios

LONG = "Nolans and Yangibana both slip three years, Mt Weld offtake at 25 percent"


def many_scenarios(window) -> list[str]:
    """Four more scenarios than the built-ins (one with a long name), all ticked."""
    base = builtin_scenarios()[0]
    names = [LONG, "Base (copy 1)", "Base (copy 2)", "Committed only, draft"]
    for name in names:
        operations.put_scenario(window.session, base.model_copy(update={"name": name}))
    comparison = window.view.comparison
    every = [s.name for s in builtin_scenarios()] + names
    comparison.set_ticked(set(every))
    return every


def shown_header(table, column: int) -> str:
    """The title as the header paints it."""
    from PySide6.QtWidgets import QStyleOptionHeader

    option = QStyleOptionHeader()
    table.horizontalHeader().initStyleOptionForIndex(option, column)
    return option.text


@pytest.mark.parametrize("tab", [0, 1])
def test_nine_scenarios_fit_at_1280(window, tab):
    window.resize(1280, 720)
    view = window.view
    view.tabs.setCurrentWidget(view.comparison)
    names = many_scenarios(window)
    comparison = view.comparison
    comparison.quantity.setCurrentIndex(tab)
    QApplication.processEvents()
    table, model = comparison.table, comparison.model
    assert isinstance(table.horizontalHeader(), ElidingHeader)
    assert not table.horizontalScrollBar().isVisible()
    widths = sum(table.columnWidth(c) for c in range(model.columnCount()))
    assert widths <= table.viewport().width()
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert set(names) <= set(titles)  # every ticked scenario has its column
    metrics = table.fontMetrics()
    for c in range(model.columnCount()):  # every figure whole in its cell
        for r in range(model.rowCount()):
            text = model.index(r, c).data()
            assert metrics.horizontalAdvance(text) < table.columnWidth(c), (titles[c], text)
    long = titles.index(LONG)
    shown = shown_header(table, long)
    assert shown.endswith("…") and len(shown) < len(LONG)  # cut, and says so
    tip = model.headerData(long, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert LONG in tip
    assert shown_header(table, titles.index("Year")) == "Year"  # a short title left whole
