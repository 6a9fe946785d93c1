"""A refusal note is read whole: a new record's row is the last one, so the note goes above the
cell when there is no room below, and wraps within the table's width."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.desktop.helpers import assert_note_beside


def type_into(view, record_id: str, field: str, text: str, qtbot) -> None:
    """Select the cell, F2, type, Enter: as the user does."""
    index = view.source_index(record_id, field)
    view.table.scrollTo(index)
    view.table.setCurrentIndex(index)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


@pytest.mark.parametrize(
    ("kind", "field", "typed", "reason"),
    [
        ("blocks", "nameplate_tpa", "-500", "-500 t/yr is less than the least allowed"),
        ("deals", "offtake_share", "150", "150.0 % is more than the most allowed"),
    ],
)
def test_note_on_a_new_last_row_is_read_whole(window, qtbot, kind, field, typed, reason):
    view = window.view.views[kind]
    window.view.tabs.setCurrentWidget(view)
    view.add_record()
    new = view.selected_id()
    assert view.proxy.mapFromSource(view.model.index(view.model.row_of(new), 0)).row() == (
        view.proxy.rowCount() - 1
    )
    type_into(view, new, field, typed, qtbot)
    assert reason in view.refusal.text()
    assert_note_beside(view, view.source_index(new, field))


def test_long_note_wraps_within_a_narrow_table(window, qtbot):
    window.resize(900, 700)
    view = window.view.views["deals"]
    window.view.tabs.setCurrentWidget(view)
    window.view.setSizes([300, 600])  # the tables squeezed to their narrowest
    QApplication.processEvents()
    view.add_record()
    new = view.selected_id()
    type_into(view, new, "offtake_share", "0.5", qtbot)  # the longest reason there is
    assert "meant as 50 %" in view.refusal.text()
    note = view.refusal.geometry()
    assert note.width() <= view.width()
    assert view.refusal.heightForWidth(note.width()) > 2 * view.refusal.fontMetrics().height()
    assert_note_beside(view, view.source_index(new, "offtake_share"))


def test_note_about_a_name_is_beside_the_frozen_name_column(window, qtbot):
    view = window.view.views["blocks"]
    window.view.tabs.setCurrentWidget(view)
    view.table.horizontalScrollBar().setValue(view.table.horizontalScrollBar().maximum())
    type_into(view, "nolans", "name", "Longonjo", qtbot)  # a name already used
    assert view.refusal.isVisible() and "Longonjo" in view.refusal.text()
    assert window.session.store.get("blocks", "nolans").name == "Nolans"
    assert_note_beside(view, view.source_index("nolans", "name"))
