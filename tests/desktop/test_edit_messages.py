"""A cell edit is silent on the console (it printed "QAbstractItemView::commitData called with
an editor that does not belong to this view": the frozen name column shared the table's
delegate), and the frozen name column is edited where the user sees it."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

PLATFORM_NOISE = "This plugin does not support"  # the offscreen test platform, not the app


def qt_messages(qtlog) -> list[str]:
    return [r.message for r in qtlog.records if PLATFORM_NOISE not in r.message]


def open_editor(view, record_id: str, field: str, qtbot):
    index = view.source_index(record_id, field)
    view.table.scrollTo(index)
    view.table.setCurrentIndex(index)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not view.table
    return editor


@pytest.fixture
def deals(window):
    view = window.view.views["deals"]
    window.view.tabs.setCurrentWidget(view)
    return view


def test_an_edit_prints_no_qt_message(window, deals, qtbot, qtlog):
    before = len(qt_messages(qtlog))
    editor = open_editor(deals, "kabil-mt-weld", "offtake_share", qtbot)
    editor.selectAll()
    qtbot.keyClicks(editor, "10")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert window.session.store.get("deals", "kabil-mt-weld").offtake_share == pytest.approx(0.1)
    assert qt_messages(qtlog)[before:] == []


def test_the_name_column_is_edited_in_view_and_tab_goes_on(window, qtbot, qtlog):
    blocks = window.view.views["blocks"]
    window.view.tabs.setCurrentWidget(blocks)
    before = len(qt_messages(qtlog))
    editor = open_editor(blocks, "nolans", "name", qtbot)
    frozen = blocks.table.frozen
    assert editor.parent() is frozen.viewport()  # over the name, not hidden under the overlay
    assert editor.isVisible() and editor.text() == "Nolans"
    editor.selectAll()
    qtbot.keyClicks(editor, "Nolans Bore")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    QApplication.processEvents()
    assert window.session.store.get("blocks", "nolans").name == "Nolans Bore"
    header = blocks.table.horizontalHeader()
    current = blocks.table.currentIndex()
    assert header.visualIndex(current.column()) == 1  # the next column, same row
    assert blocks.selected_id() == "nolans"
    assert QApplication.focusWidget().parent() is blocks.table.viewport()  # its editor is open
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert qt_messages(qtlog)[before:] == []


def test_a_double_click_on_a_name_opens_one_editor(window, qtbot):
    deals = window.view.views["deals"]
    window.view.tabs.setCurrentWidget(deals)
    index = deals.source_index("kabil-mt-weld", "block_id")
    frozen = deals.table.frozen
    where = frozen.visualRect(index).center()
    qtbot.mouseClick(frozen.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(frozen.viewport(), Qt.MouseButton.LeftButton, pos=where)
    editors = [
        w
        for w in (*frozen.viewport().children(), *deals.table.viewport().children())
        if w.isWidgetType() and w.isVisible() and w.inherits("QComboBox")
    ]
    assert len(editors) == 1 and editors[0].parent() is frozen.viewport()


def test_leaving_the_name_editor_for_the_filter_keeps_the_focus_there(window, qtbot):
    blocks = window.view.views["blocks"]
    window.view.tabs.setCurrentWidget(blocks)
    editor = open_editor(blocks, "nolans", "name", qtbot)
    editor.selectAll()
    qtbot.keyClicks(editor, "Nolans Bore")
    blocks.filter.setFocus()  # the user clicks into the filter box
    QApplication.processEvents()
    assert window.session.store.get("blocks", "nolans").name == "Nolans Bore"  # committed
    assert QApplication.focusWidget() is blocks.filter
