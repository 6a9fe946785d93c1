"""The red note beside a refused cell goes with its cause: on Esc, on undo (or any edit), when
the user moves to another cell, and when another tab opens. It stays while nothing happens."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.desktop.helpers import edit_cell


@pytest.fixture
def deals(window):
    view = window.view.views["deals"]
    window.view.tabs.setCurrentWidget(view)
    view.select("kabil-mt-weld")
    view.table.setCurrentIndex(view.source_index("kabil-mt-weld", "offtake_share"))
    view.table.setFocus()
    return view


def refuse(deals):
    edit_cell(deals, "kabil-mt-weld", "offtake_share", lambda e: e.setText("150%"))
    QApplication.processEvents()  # the editor has closed
    assert deals.refusal.isVisible() and "more than the most allowed" in deals.refusal.text()


def test_note_stays_while_nothing_happens(deals, qtbot):
    refuse(deals)
    qtbot.keyClick(deals.table, Qt.Key.Key_Shift)
    assert deals.refusal.isVisible()


def test_escape_hides_the_note(deals, qtbot):
    refuse(deals)
    qtbot.keyClick(deals.table, Qt.Key.Key_Escape)
    assert not deals.refusal.isVisible()


def test_undo_hides_the_note(window, deals):
    edit_cell(deals, "kabil-mt-weld", "offtake_share", lambda e: e.setText("10"))
    refuse(deals)
    window.undo_action.trigger()
    assert not deals.refusal.isVisible()
    assert deals.source_index("kabil-mt-weld", "offtake_share").data() == "5.0 %"


def test_leaving_the_cell_hides_the_note(deals, qtbot):
    refuse(deals)
    qtbot.keyClick(deals.table, Qt.Key.Key_Left)  # the next cell of the same row
    assert deals.table.currentIndex() != deals.source_index("kabil-mt-weld", "offtake_share")
    assert not deals.refusal.isVisible()


def test_another_tab_hides_the_note(window, deals):
    refuse(deals)
    window.view.tabs.setCurrentWidget(window.view.views["blocks"])
    window.view.tabs.setCurrentWidget(deals)
    assert deals.isVisible() and not deals.refusal.isVisible()
